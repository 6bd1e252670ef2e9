/* nodes.h: a window of a paragraph's text turned into the total-fit breaker's nodes. */
#ifndef MKBRIEF_NODES_H
#define MKBRIEF_NODES_H
#include "typeset/breaker.h"

/* Fills k->n with the nodes of the window [k->lo, k->hi) of the items; the paragraph's
 * first window starts with the indent. Returns -1 for right-to-left text (Pango's
 * breaker handles bidi). */
int nodes_build(kp *k, GList *items, double indent, int hyphenate);
/* Letter spacing of track (Pango units) over each run of three or more words in capitals
 * ("IN NO EVENT SHALL THE"), added to attrs before itemization: a shouted passage is
 * letter-spaced, as capitals want, while an acronym in running text ("the UN") is not. */
void nodes_track_capitals(PangoAttrList *attrs, const char *text, size_t len, int track);

#endif
