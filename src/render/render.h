/* render.h: drawing one laid-out page with Cairo (render.c). */
#ifndef MKBRIEF_RENDER_H
#define MKBRIEF_RENDER_H
#include <cairo.h>

#include "layout/doc.h"
#include "render/pdfmarks.h"

/* Draws page (0-based) on cr in points; when marks is not NULL (PDF output), the page's
 * links are added to it and what is drawn is tagged with its place in the structure. */
void render_page(cairo_t *cr, const doc *dc, PangoContext *ctx, int page, pdf_marks *marks);

#endif
