/* pdfpage.h: a one-page PDF figure drawn through poppler-glib, which is opened the first time
 * a brief has one: a brief without a PDF figure never loads poppler (see pdfpage.c). */
#ifndef MKBRIEF_PDFPAGE_H
#define MKBRIEF_PDFPAGE_H
#include <cairo.h>
#include <stddef.h>

#include "base/diag.h"

/* The package that holds the library, named when it cannot be opened. */
#define PDFPAGE_LIBRARY "libpoppler-glib.so.8"
#define PDFPAGE_PACKAGE "libpoppler-glib8"

/* Records the one page of a PDF file's bytes, as vector, into a new recording surface of
 * the page's size in points (*w by *h), which the caller owns; NULL after an error at at,
 * which names the file as name. */
cairo_surface_t *pdfpage_record(const char *bytes, size_t len, const char *name, loc at, diag *d, double *w,
				double *h);

#endif
