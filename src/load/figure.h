/* figure.h: what a figure block holds (block.data for BLOCK_FIGURE): the image file it
 * names, how wide to print it, its words (alt text, credit; the caption is the block's
 * items[0]) and, once resolved, the file's bytes. */
#ifndef MKBRIEF_FIGURE_H
#define MKBRIEF_FIGURE_H
#include <stddef.h>

#include "base/diag.h"

/* Files larger than this are refused before they are read: a print figure is a few MiB. */
#define FIGURE_MAX_BYTES (16u << 20)
/* All of a brief's figure files together (a file named by several figures counts once). */
#define FIGURE_MAX_TOTAL_BYTES (64u << 20)

typedef enum { FIGURE_COLUMN, FIGURE_FULL, FIGURE_PERCENT, FIGURE_LENGTH } figure_width;

typedef struct figure {
	char *file;       /* as written in the brief; the brief's strings */
	char *path;       /* joined with the brief's directory; the brief's strings */
	loc file_at, width_at, credit_at;
	char *alt;        /* required: what the figure shows, for readers who cannot see it */
	char *credit;     /* optional, printed small beneath */
	char *marking;    /* optional portion marking for this figure; NULL: the brief's */
	figure_width width_kind;
	double width;     /* FIGURE_PERCENT: a fraction of the column; FIGURE_LENGTH: points */
	/* filled by brief_resolve: the file's bytes, owned unless bytes_shared: an earlier
	 * figure names the same file, and this one has its bytes and its path */
	char *bytes;
	size_t len;
	int bytes_shared;
} figure;

void figure_free(void *fig);

#endif
