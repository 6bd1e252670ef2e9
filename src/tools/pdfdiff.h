/* pdfdiff.h: compares two PDFs the way a reader would notice: pages, text, fonts, pixels. */
#ifndef MKBRIEF_PDFDIFF_H
#define MKBRIEF_PDFDIFF_H
#include <stdio.h>

#include "base/diag.h"

typedef struct pdfdiff_opts {
	double dpi;            /* rendering resolution (default 96) */
	long pixel_tol;        /* a page passes with at most this many differing pixels (0) */
	int channel_tol;       /* a pixel differs when a channel moves by more than this (1) */
	const char *out_dir;   /* NULL: no images; else pN-golden/new/diff/sbs.png here */
	const char *fonts_dir; /* NULL: fonts need only be embedded; else also be one of these */
	const char *label;     /* prefix of every report line ("NAME: "), NULL for none */
	int strict;            /* differing bytes alone make the files different */
} pdfdiff_opts;

void pdfdiff_opts_init(pdfdiff_opts *o);

/* Compares A (the reference, "golden") with B (the candidate, "new"). Prints one line per
 * difference to out, at most one per page, e.g.
 *   NAME: page 2: 312 px differ (max delta 187), first at (104,233)
 * Returns 0 when the files are the same (identical bytes, or the same page count, page
 * sizes, text per page, acceptable fonts and pixels within the tolerances), 1 when they
 * differ, 2 when a file cannot be read or an image cannot be written (reported to d).
 * *bytes_same, when not NULL, tells whether the bytes were identical. */
int pdfdiff_compare(const char *a, const char *b, const pdfdiff_opts *o, FILE *out, diag *d, int *bytes_same);

#endif
