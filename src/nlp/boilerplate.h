/* boilerplate.h -- lines of a web page copy that are not news text:
 *   "Published at ...", "Updated: Dec 19, 2025", "Share this", "Read more",
 *   "Advertisement", "Copyright ...", "Photo: ...", "(Reporting by ...)",
 *   bylines ("By Jane Doe and John Roe, AFP"), lines without a letter or digit
 *   ("***").
 * Such a line is dropped whole; it also ends the paragraph before it, so
 * wrapped text is never joined across it. */
#ifndef PC_NLP_BOILERPLATE_H
#define PC_NLP_BOILERPLATE_H

#include <stddef.h>

/* line[0..n): one line, trimmed of white space.  1 if it is boilerplate. */
int pc_is_boilerplate(const char *line, size_t n);

#endif
