/* pdffinish.h: the PDF as cairo wrote it, finished with libqpdf (pdffinish.c): links, the
 * structure tree, artifacts, /Lang, XMP metadata and a deterministic /ID. */
#ifndef MKBRIEF_PDFFINISH_H
#define MKBRIEF_PDFFINISH_H
#include <stddef.h>

#include "base/util.h"
#include "layout/doc.h"
#include "render/pdfmarks.h"

/* Reads the PDF in pdf[0..len), as cairo wrote it with the tags and links in m, and
 * writes the finished file to out; pdf_a: as PDF/A-2b too (an sRGB output intent, the
 * pdfaid schema). Returns 0, or -1 with *why set (the caller frees): the reason, said for
 * a reader ("PDF/A-2b ... cannot hold ..."). */
int pdf_finish(const char *pdf, size_t len, const doc *dc, const pdf_marks *m, int pdf_a, strbuf *out, char **why);

/* The sRGB ICC profiles PDF/A output looks for, first found wins (Debian's libgs-common,
 * colord-data, icc-profiles-free). */
#define PDF_SRGB_PROFILES                                                                   \
	{                                                                                   \
		"/usr/share/color/icc/ghostscript/srgb.icc", "/usr/share/color/icc/colord/sRGB.icc", \
		    "/usr/share/color/icc/sRGB.icc", NULL                                        \
	}

#endif
