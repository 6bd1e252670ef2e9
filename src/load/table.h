/* table.h: what a table block holds (block.data for BLOCK_TABLE and BLOCK_CHRONOLOGY): its
 * shape, the width and alignment of each column, and where its cells are among the block's
 * items: the caption first (when there is one), then the header row (when there is one),
 * then the body rows, each `ncols` items, an empty cell being an item without text. */
#ifndef MKBRIEF_TABLE_H
#define MKBRIEF_TABLE_H
#include <stddef.h>

#define TABLE_MIN_WIDTH 18.0 /* pt: the narrowest column length a table takes (0.25in) */

#include "base/diag.h"

/* A table is set in its column: more columns than this could not hold a word each. */
#define TABLE_MAX_COLUMNS 12
/* Rows of one table; longer lists belong in an annex, not a handout. */
#define TABLE_MAX_ROWS 2000
/* Cells of one table: each is measured and set on its own, at about a millisecond apiece */
#define TABLE_MAX_CELLS 5000

typedef enum { TABLE_AUTO, TABLE_STAR, TABLE_LENGTH } table_width;
typedef enum { TABLE_LEFT, TABLE_RIGHT, TABLE_CENTER, TABLE_DECIMAL } table_align;

typedef struct table {
	size_t ncols;
	size_t nrows;       /* body rows */
	int caption;        /* items[0] is the caption */
	int header;         /* a header row precedes the body rows */
	int chronology;     /* dates in the first column (ISO dates printed as words) */
	table_width width_kind[TABLE_MAX_COLUMNS];
	double width[TABLE_MAX_COLUMNS]; /* TABLE_LENGTH: points */
	table_align align[TABLE_MAX_COLUMNS];
	char *marking;      /* optional portion marking for the caption; NULL: the brief's */
} table;

/* The index among the block's items of the cell in column col of body row row, or of the
 * header when row is -1. */
size_t table_cell(const table *t, long row, size_t col);
void table_free(void *t);

#endif
