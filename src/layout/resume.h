/* resume.h: what a column repeats when a block runs on into it (resume.c). */
#ifndef MKBRIEF_RESUME_H
#define MKBRIEF_RESUME_H

#include "layout/doc.h"

/* The height of what a column that starts at item brk, after item prev, repeats before it:
 * a table's caption and header, an excerpt's source "(continued)", a box's top padding. */
double doc_resume_height(const doc *dc, size_t brk, size_t prev);
/* Inserts that before item brk (unplaced) and returns how many items were inserted. */
size_t doc_resume_at(doc *dc, size_t brk);

#endif
