/* image.h: a figure's image, checked and measured from its file's bytes, and drawn at any
 * size: PNG (decoded by Cairo), JPEG (decoded to check it and for raster previews; its own
 * bytes go into PDF, SVG and PostScript unchanged), SVG (librsvg) and a one-page PDF
 * (poppler, loaded only then: typeset/pdfpage.h), both vector throughout. */
#ifndef MKBRIEF_IMAGE_H
#define MKBRIEF_IMAGE_H
#include <cairo.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"

/* Decoded, a raster image costs 4 bytes a pixel: past this many pixels (a 24-megapixel
 * camera frame, 6000 x 4000) it is refused rather than held in memory. */
#define IMAGE_MAX_PIXELS 24000000L
/* ... and all the raster figures of a brief together at most this many (256 MB decoded):
 * else a brief of many small files that decode large (a 35 KB PNG of 24 million white
 * pixels) holds gigabytes. */
#define IMAGE_MAX_TOTAL_PIXELS 64000000L
/* Cairo's image surfaces are at most this many pixels a side. */
#define IMAGE_MAX_SIDE 32767
/* Neither side more than this many times the other (for SVG, of its intrinsic size). */
#define IMAGE_MAX_ASPECT 1000
/* A progressive JPEG's every scan is decoded over the whole image: encoders write about
 * ten, and 2,000 scans of a 24-megapixel image would take some 10 seconds. */
#define IMAGE_MAX_JPEG_SCANS 100
/* An SVG is recorded at its intrinsic size, scaled into this range (CSS pixels on its
 * longer side) when it is larger or smaller: Cairo's PDF output fails an assertion on a
 * recording some 200,000 units across. */
#define IMAGE_SVG_MIN_SIDE 1.0
#define IMAGE_SVG_MAX_SIDE 10000.0
/* An SVG's cost to draw is bounded before librsvg sees it (typeset/svg_cost.h), as librsvg
 * 2.54 bounds neither time nor memory: a 3 KB file of <use> elements, each drawing a group
 * of ten of the one before, asks for ten billion elements. At most this many elements drawn,
 * counting each again wherever a <use>, pattern, clip path, mask or marker draws it: a
 * chart of 10,000 marks draws some 10,000, and 100,000 take librsvg about 3 s and 300 MB. */
#define IMAGE_SVG_MAX_ELEMENTS 100000
/* and the numbers and commands of its paths and polygons (svg_cost.h's vertices: a million,
 * some 330,000 segments, take librsvg about 4 s) */
#define IMAGE_SVG_MAX_VERTICES 1000000
/* librsvg draws each filtered or masked element on a surface the size of the whole drawing
 * and runs each filter primitive over it, some 50 to 75 ns a pixel: together at most this
 * many pixel passes (about 2 s: five drop shadows on a drawing of 1000 x 800 pixels; a blur
 * counts 2 passes, turbulence 3 an octave, a morphology of radius r 2r + 1) ... */
#define IMAGE_SVG_MAX_FILTER_WORK 32000000.0
/* ... and no filter or mask at all on a drawing of more than this many pixels (a surface
 * of 32 MB: a filter holds several; on 10,000 x 10,000 pixels one blur takes 40 s and
 * 2.7 GB). */
#define IMAGE_SVG_MAX_FILTER_PIXELS 8000000.0
/* librsvg follows nested elements and references on its stack: a chain of 3,000 <use>,
 * each of the one before, overflows it. libxml2 nests elements at most 256 deep; elements
 * and references together at most as deep. */
#define IMAGE_SVG_MAX_DEPTH 256
/* librsvg 2.54 aborts the process on an feConvolveMatrix of order past 20. */
#define IMAGE_SVG_MAX_CONVOLVE_ORDER 20
/* An SVG's text: a font size (in px, nested sizes and transforms taken in) under what
 * FreeType draws (at 80,000 its text went missing with a warning from Pango) and what
 * aborts librsvg (some 1.5 million), and far over any a figure uses; characters in one
 * <text>, whose layout takes time that grows with their square (5,000 take about 1 s). */
#define IMAGE_SVG_MAX_FONT_SIZE 10000.0
#define IMAGE_SVG_MAX_TEXT_CHARS 5000.0
/* A style sheet's selectors times the elements they are matched against (librsvg: some
 * 12 us a match; 2.5 million took 30 s). */
#define IMAGE_SVG_MAX_SELECTOR_TESTS 1000000.0

typedef enum { IMAGE_PNG, IMAGE_JPEG, IMAGE_SVG, IMAGE_PDF } image_kind;

typedef struct image image;

/* Checks and decodes an image file's bytes (copied as needed); NULL after an error at at,
 * which names the file as name. A raster image may have at most max_pixels, what is left of
 * IMAGE_MAX_TOTAL_PIXELS after the figures before it (its size is read before decoding). */
image *image_new(const char *bytes, size_t len, long max_pixels, const char *name, loc at, diag *d);
void image_free(image *img);
image_kind image_kind_of(const image *img);
/* An SVG's printed characters, each once, in *cps (the image's); returns how many (0 for
 * other kinds). */
int image_text(const image *img, const uint32_t **cps);
const char *image_kind_name(const image *img);
/* Width over height. */
double image_aspect(const image *img);
/* Pixels in all, for a raster image (what it holds decoded); 0 for SVG and PDF. */
long image_pixels(const image *img);
/* Pixels across, for a raster image; 0 for SVG and PDF (vector: no resolution to check). */
int image_pixels_across(const image *img);
/* Draws it with its top left at (x, y), w by h points. */
void image_draw(cairo_t *cr, const image *img, double x, double y, double w, double h);

/* A vector figure (SVG, PDF page) in a PDF is drawn by cairo once, alone, into a one-page PDF
 * (image_pdf_form, kept with the image), and each PDF that shows it gets a stand-in of the
 * same extents that its finishing pass replaces with that drawing (render/pdffinish.c): a
 * process that writes the PDF again (watch) has cairo turn the figure's paths into PDF
 * once, not at every save. */
int image_has_form(const image *img);
/* The one-page PDF, made the first time it is asked for; NULL for a raster image or when
 * cairo failed. */
const char *image_pdf_form(const image *img, size_t *len);
/* The stand-in for figure id (0 to 65535) of a document: one mark, a 1 pt square in the
 * colour (IMAGE_STANDIN_RED, id's high byte / 255, low byte / 255), by which the finishing
 * pass finds it. The caller destroys it. */
#define IMAGE_STANDIN_RED 0.987654
cairo_surface_t *image_standin_new(const image *img, int id);
/* Draws standin where image_draw would draw img. */
void image_draw_standin(cairo_t *cr, const image *img, cairo_surface_t *standin, double x, double y, double w, double h);

#endif
