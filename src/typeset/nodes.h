/* nodes.h: a window of a paragraph's text turned into the total-fit breaker's nodes. */
#ifndef MKBRIEF_NODES_H
#define MKBRIEF_NODES_H
#include "typeset/breaker.h"

/* Fills k->n with the nodes of the window [k->lo, k->hi) of the items; the paragraph's
 * first window starts with the indent. Returns -1 for right-to-left text (Pango's
 * breaker handles bidi). */
int nodes_build(kp *k, GList *items, double indent, int hyphenate);

#endif
