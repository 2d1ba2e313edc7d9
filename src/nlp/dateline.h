/* dateline.h -- the two things at the top of an article that are not
 * sentences: a date header line (the story date) and a dateline (where the
 * story was filed, by which agency).
 *
 * Date header: the first non-blank line of the text, alone on its line:
 *     Date: 2025-12-19      Date: 20251219      2025-12-19
 * ("Date" in any case, the colon optional).
 *
 * Dateline: at the start of the article's first paragraph,
 *     (Washington) ...                       a place in parentheses
 *     BEIJING, Aug 4 (AFP) - ...             PLACE[, Region][, date][ (AGENCY)] DASH
 *     DAMASCUS, Dec 19 (Reuters) - ...
 *     WASHINGTON (AP) -- ...    KYIV, Ukraine -- ...
 *     Beijing, Aug 4 (Xinhua) -- ...         (a place not in capitals needs the agency)
 * It is removed from the first sentence: "BEIJING" is not the subject of
 * what follows, and coding it would make one. */
#ifndef PC_NLP_DATELINE_H
#define PC_NLP_DATELINE_H

#include <stddef.h>

/* line[0..n) (one line, no newline) is a date header: write YYYYMMDD into
 * date (9 bytes) and return 1; else 0. */
int pc_date_header(const char *line, size_t n, char date[9]);

/* The length of the dateline at the start of p[0..n), including the space
 * after it (0 if there is none).  *agency_start, *agency_end: the agency's
 * span in p if the dateline names one (else both 0). */
size_t pc_dateline(const char *p, size_t n, size_t *agency_start, size_t *agency_end);

#endif
