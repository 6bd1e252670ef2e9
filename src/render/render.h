/* render.h: drawing one laid-out page with Cairo (render.c). */
#ifndef MKBRIEF_RENDER_H
#define MKBRIEF_RENDER_H
#include <cairo.h>

#include "layout/doc.h"
#include "render/pdflinks.h"

/* Draws page (0-based) on cr in points; when links is not NULL, the page's links are
 * added to it (PDF output). */
void render_page(cairo_t *cr, const doc *dc, PangoContext *ctx, int page, pdf_links *links);

#endif
