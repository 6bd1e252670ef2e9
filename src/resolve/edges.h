/* edges.h: notes on a quote that starts or ends inside a word of its source (edges.c). */
#ifndef MKBRIEF_EDGES_H
#define MKBRIEF_EDGES_H

#include "resolve/differ.h"

/* For an alignment with no difference: notes on where it starts or ends inside a word of
 * the source (a quote is whole words), naming a character that prints as nothing there; 1
 * if there was such an edge. */
int differ_note_word_edges(const aligned *al, diag *d);

#endif
