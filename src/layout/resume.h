/* resume.h: what a column repeats when a block runs on into it (resume.c). */
#ifndef MKBRIEF_RESUME_H
#define MKBRIEF_RESUME_H

#include "layout/doc.h"

/* The height of what a column that starts at item brk, after item prev, repeats before it:
 * a table's caption and header, an excerpt's source "(continued)", a box's top padding. */
double doc_resume_height(const doc *dc, size_t brk, size_t prev);
/* Inserts that before item brk (unplaced) and returns how many items were inserted. */
size_t doc_resume_at(doc *dc, size_t brk);
/* The room a break right after item i takes below it, for the rule that closes the piece
 * of a table or a box it breaks where the rule is wider than the default (0 else). */
double doc_break_room(const doc *dc, size_t i);

#endif
