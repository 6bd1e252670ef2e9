/* pdffinish.h: the PDF as cairo wrote it, finished with libqpdf (pdffinish.c): links, the
 * structure tree, artifacts, /Lang, XMP metadata and a deterministic /ID. */
#ifndef MKBRIEF_PDFFINISH_H
#define MKBRIEF_PDFFINISH_H
#include <stddef.h>

#include "base/util.h"
#include "layout/doc.h"
#include "render/pdfmarks.h"

/* Reads the PDF in pdf[0..len), as cairo wrote it with the tags and links in m, and
 * writes the finished file to out. Returns 0, or -1 with *why set (the caller frees). */
int pdf_finish(const char *pdf, size_t len, const doc *dc, const pdf_marks *m, strbuf *out, char **why);

#endif
