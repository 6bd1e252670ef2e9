/* links.h: a line's links as the PDF's link annotations (links.c). */
#ifndef MKBRIEF_LINKS_H
#define MKBRIEF_LINKS_H

#include "layout/doc.h"
#include "render/pdfmarks.h"

/* The links of line it->line of it->p, drawn at x0, added to links. */
void links_of_line(const doc *dc, const vitem *it, double x0, pdf_marks *links);

/* The top of a viewer's window sent to a line whose top is at y (a link's or an outline
 * entry's destination): a little above it, as at the line's top a viewer clips the
 * letters' tops. */
double render_view_top(double y);

#endif
