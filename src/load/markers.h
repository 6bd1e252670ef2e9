/* markers.h: where the numbers go in a numbered list's marker, as a layout writes it. */
#ifndef MKBRIEF_MARKERS_H
#define MKBRIEF_MARKERS_H
#include <stddef.h>

#include "base/schema.h"
#include "base/yaml_tree.h"

/* The most counters a marker holds: one for each level a list may nest. */
#define MARKER_MAX_COUNTERS 3

/* The counters of marker template t ("1." "(a)" "A.1" "Art. 1" "1a"): each a 1, a, A, i or I
 * standing apart from other letters and digits (the A of "Art." is text), or a 1 with a
 * letter counter right after it ("1a": two counters). Their offsets in t go to at[], at
 * most max of them; returns how many there are (which may be more than max). The last is
 * the item's own number; those before it are its enclosing items', the nearest last:
 * "1.1" numbers 2.3 the third item inside the second. */
size_t marker_counters(const char *t, size_t *at, size_t max);

/* Checks marker template t, the layout's what at node at, for the list level given (0 the
 * top): it must hold a counter, and no more than the level has numbers (its own and one
 * for each numbered list around it). Reports at at; returns -1 if t is wrong, else 0. */
int marker_check(schema *S, const ynode *at, const char *what, const char *t, size_t level);

#endif
