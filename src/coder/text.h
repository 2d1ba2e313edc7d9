/* text.h -- extract_phrases (text.c) and get_events (events.c). */
#ifndef PC_TEXT_H
#define PC_TEXT_H

#include "sent.h"

/* For each event tuple in mkeys (with its metadata in mvals), a 5-tuple of
 * (source text, target text, event text, source root, target root); None
 * where PETRARCH2 writes "---" because nothing was found. */
void extract_phrases(sent *s, const char *content, pv *mkeys, pv *mvals, pv **texts_out);

void get_events(sent *s, pv **valid, pv **mkeys, pv **mvals);

#endif
