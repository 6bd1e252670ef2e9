/* image.h: a figure's image, checked and measured from its file's bytes, and drawn at any
 * size: PNG (decoded by Cairo), JPEG (decoded to check it and for raster previews; its own
 * bytes go into PDF, SVG and PostScript unchanged), SVG (librsvg) and a one-page PDF
 * (poppler, loaded only then: typeset/pdfpage.h), both vector throughout. */
#ifndef MKBRIEF_IMAGE_H
#define MKBRIEF_IMAGE_H
#include <cairo.h>
#include <stddef.h>

#include "base/diag.h"

/* Decoded, a raster image costs 4 bytes a pixel: past this many pixels (a 24-megapixel
 * camera frame, 6000 x 4000) it is refused rather than held in memory. */
#define IMAGE_MAX_PIXELS 24000000L

typedef enum { IMAGE_PNG, IMAGE_JPEG, IMAGE_SVG, IMAGE_PDF } image_kind;

typedef struct image image;

/* Checks and decodes an image file's bytes (copied as needed); NULL after an error at at,
 * which names the file as name. */
image *image_new(const char *bytes, size_t len, const char *name, loc at, diag *d);
void image_free(image *img);
image_kind image_kind_of(const image *img);
const char *image_kind_name(const image *img);
/* Width over height. */
double image_aspect(const image *img);
/* Pixels across, for a raster image; 0 for SVG and PDF (vector: no resolution to check). */
int image_pixels_across(const image *img);
/* Draws it with its top left at (x, y), w by h points. */
void image_draw(cairo_t *cr, const image *img, double x, double y, double w, double h);

#endif
