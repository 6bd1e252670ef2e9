/* lines.h: the lines of a paragraph set by the total-fit breaker, built from its breaks. */
#ifndef MKBRIEF_LINES_H
#define MKBRIEF_LINES_H
#include "typeset/breaker.h"
#include "typeset/para.h"

/* The lines of the breaks ending at b[last], in a new array of *nlines. */
para_line *lines_build(kp *k, const breakpoint *b, int last, double emergency, size_t *nlines);

#endif
