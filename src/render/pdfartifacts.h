/* pdfartifacts.h: marking a page's artifacts in its content stream (pdfartifacts.c). */
#ifndef MKBRIEF_PDFARTIFACTS_H
#define MKBRIEF_PDFARTIFACTS_H
#include <stddef.h>

#include "base/util.h"

/* The content b (len bytes, inflated) with its artifacts marked: 1 with *out set (the
 * caller frees it), or 0 when nothing needed marking; *mcids: the sequences with an MCID
 * found (each is one leaf part of pdfmarks.c). */
int pdf_mark_artifacts(const unsigned char *b, size_t len, strbuf *out, int *mcids);

#endif
