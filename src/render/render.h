/* render.h: drawing laid-out pages with Cairo, and writing them as PDF, PNG, SVG or PS. */
#ifndef MKBRIEF_RENDER_H
#define MKBRIEF_RENDER_H
#include <cairo.h>

#include "layout/doc.h"
#include "render/pdflinks.h"

/* Draws page (0-based) on cr in points; when links is not NULL, the page's links are
 * added to it (PDF output). */
void render_page(cairo_t *cr, const doc *dc, PangoContext *ctx, int page, pdf_links *links);

/* Writes the document to path ("-" = stdout) in format pdf|png|svg|ps. PNG and SVG
 * write one file per page, NAME-1.png...; each file is written to a temporary file and
 * renamed when complete. Returns 0, or -1 after reporting. */
int render_output(const doc *dc, PangoContext *ctx, const char *format, const char *path, int dpi,
		  const file_set *inputs, diag *d);
/* SOURCE_DATE_EPOCH, when set, must be seconds from 1970 to the end of 9999 (a PDF date
 * has four digits of year); -1 after reporting. */
int output_check_date_env(diag *d);
/* Removes the temporary files of an interrupted run (SIGINT, SIGTERM, SIGHUP, SIGQUIT). */
void output_catch_signals(void);

/* A PNG page: at most this many pixels (4 bytes each in memory) and this long a side. */
#define OUTPUT_MAX_PNG_PIXELS 40000000
#define OUTPUT_MAX_PNG_SIDE 20000

#endif
