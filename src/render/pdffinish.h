/* pdffinish.h: the PDF as cairo wrote it, finished in one streaming pass (pdffinish.c): links,
 * the structure tree, artifacts, /Lang, XMP metadata and a deterministic /ID. */
#ifndef MKBRIEF_PDFFINISH_H
#define MKBRIEF_PDFFINISH_H
#include <cairo.h>
#include <stddef.h>

#include "base/util.h"
#include "layout/doc.h"
#include "render/pdfmarks.h"

/* Where the finishing pass reads cairo's PDF and writes the finished one: cairo's in a
 * file (mapped, so memory stays flat however large the PDF) or in memory (for standard
 * output and devices, which cannot be read back); the finished one through a write
 * function, as it goes. */
typedef struct pdf_io {
	const char *in_path;	/* cairo's PDF in this file... */
	const char *in_data;	/* ...or here, in_len bytes */
	size_t in_len;
	cairo_write_func_t write; /* the finished PDF */
	void *closure;
} pdf_io;

/* Reads the PDF cairo wrote with the tags and links in m and writes the finished file;
 * pdf_a: as PDF/A-2b too (an sRGB output intent, the pdfaid schema). Returns 0, or -1
 * with *why set (the caller frees), said for a reader. */
int pdf_finish(const pdf_io *io, const doc *dc, const pdf_marks *m, int pdf_a, char **why);

/* The sRGB ICC profiles PDF/A output looks for, first found wins (Debian's libgs-common,
 * colord-data, icc-profiles-free). */
#define PDF_SRGB_PROFILES                                                                   \
	{                                                                                   \
		"/usr/share/color/icc/ghostscript/srgb.icc", "/usr/share/color/icc/colord/sRGB.icc", \
		    "/usr/share/color/icc/sRGB.icc", NULL                                        \
	}

#endif
