/* pdfartifacts.h: marking a page's artifacts in its content stream (pdfartifacts.c). */
#ifndef MKBRIEF_PDFARTIFACTS_H
#define MKBRIEF_PDFARTIFACTS_H
#include <stddef.h>

#include "base/util.h"

/* An ActualText span (a cluster cairo could not map glyph for character: "é" typed as e
 * and a combining accent) cut out of the element's marked sequence it was nested in, since
 * poppler's structure reader ends the element's text at a nested span's EMC: on page
 * `page`, the element of sequence `of` goes on in sequence `mcid` (the span's own, then
 * the rest of the element's). */
typedef struct pdf_split {
	int page, of, mcid;
} pdf_split;
typedef struct pdf_splits {
	pdf_split *v;
	size_t n;
	int page, next; /* the page being marked, and the first MCID it does not use */
} pdf_splits;

/* The content b (len bytes, inflated) with its artifacts marked: 1 with *out set (the
 * caller frees it), or 0 when nothing needed marking; *mcids: the sequences with an MCID
 * found (each is one leaf part of pdfmarks.c); sp: the spans cut out, added to. */
int pdf_mark_artifacts(const unsigned char *b, size_t len, strbuf *out, int *mcids, pdf_splits *sp);

#endif
