/* foot.h: the notes at the foot of the column being filled, for the flow (flow.c): which
 * notes the column's lines mark, how much room they take, and what a note too long for the
 * column carries over to the next one. */
#ifndef MKBRIEF_FOOT_H
#define MKBRIEF_FOOT_H

#include "layout/doc.h"

typedef struct foot_entry {
	int note;
	size_t first, n; /* its lines set here */
	size_t item;     /* the item whose line marks it */
	int carried;     /* begun at an earlier column's foot */
} foot_entry;

typedef struct foot {
	foot_entry *e;
	size_t n;
	foot_entry *carry; /* what goes to the next column's foot */
	size_t ncarry;
	double h; /* the height taken at the foot, with the rule above the notes */
} foot;

/* The rule above a column's notes and the space around it. */
double foot_separator(const doc *dc);
/* The height of the notes marked on item `at`, whole (returned) and at least (*least, unless
 * NULL: each note's first line), without the rule above them. */
double foot_marked(const doc *dc, size_t at, double *least);
/* The least room the notes marked on items [first, end) take on their marks' page: each
 * one's first line and the rule above them (0: none). */
double foot_first_lines(const doc *dc, size_t first, size_t end);
/* The height the notes marked on item `at` would add to the foot, whole (returned) and at
 * least (*least: each note's first line, which must stand on the page of its mark). */
double foot_need(const doc *dc, const foot *ft, size_t at, double *least);
/* Adds the notes marked on item `at`, within room; lines that do not fit are carried. */
void foot_add(const doc *dc, foot *ft, size_t at, double room);
/* The notes of items from brk on leave the foot: those items go to the next column. */
void foot_drop_from(const doc *dc, foot *ft, size_t brk);
/* Sets the foot's lines above bottom, on page and col, and empties it; then the notes
 * carried start the next foot, as much of them as room holds. */
void foot_flush(doc *dc, foot *ft, int page, int col, double bottom);
void foot_begin(const doc *dc, foot *ft, double room);
void foot_free(foot *ft);

#endif
