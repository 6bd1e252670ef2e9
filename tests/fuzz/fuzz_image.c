/* fuzz_image.c: libFuzzer target for a figure's image loader (typeset/image.c). The input
 * is a figure file's bytes: image_new checks and decodes them as a PNG, JPEG or SVG (as it
 * chooses by their first bytes), and an image it accepts is drawn as mkbrief draws it:
 * into a small image surface (the pixels, scaled, as a PNG page gets them) and into a PDF
 * in memory (a JPEG's own bytes parsed again by Cairo, an SVG's recording replayed), once
 * at a column's width and once tiny. A rejected input must have said why (one error).
 *
 * SVG text is set with the bundled fonts, as mkbrief sets it: the fonts are made once
 * (fonts_new makes them the default Pango map, which librsvg uses) from MKBRIEF_DATA, else
 * the repository the binary sits in or was built from (data_dir()).
 *
 * Inputs over 1 MiB are skipped: the decoders' work grows with the pixels, which
 * IMAGE_MAX_PIXELS bounds, not with the file, and a small file reaches every path.
 *
 * FUZZ_IMAGE_VERBOSE=1 prints the loader's messages (replay: build/tests/replay_image FILE). */
#include <cairo-pdf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "cli.h"
#include "base/datapath.h"
#include "typeset/fonts.h"
#include "typeset/image.h"

#define IMAGE_FUZZ_MAX_INPUT (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct {
	int ready;
	FILE *out; /* the loader's messages: /dev/null unless verbose */
	fonts *f;
} G;

static void setup(void)
{
	if (G.ready)
		return;
	G.ready = 1;
	const char *v = getenv("FUZZ_IMAGE_VERBOSE");
	G.out = v && strcmp(v, "1") == 0 ? stderr : fopen("/dev/null", "w");
	if (!G.out)
		abort();
	char *data = data_dir();
	char *fontdir = path_join(data, "fonts");
	diag d;
	diag_init(&d, stderr);
	G.f = fonts_new(fontdir, NULL, &d);
	free(fontdir);
	free(data);
	if (!G.f)
		abort();
}

static cairo_status_t discard(void *closure, const unsigned char *bytes, unsigned int len)
{
	(void)bytes;
	*(size_t *)closure += len;
	return CAIRO_STATUS_SUCCESS;
}

/* At a column's width (6.5in) with its height from the aspect, and at 2pt across: the
 * largest and smallest scales a figure is drawn at. */
static void draw_both(cairo_t *cr, const image *img)
{
	double aspect = image_aspect(img);
	if (!(aspect > 0) || aspect != aspect)
		__builtin_trap(); /* the layout divides by it */
	image_draw(cr, img, 10, 10, 468, 468 / aspect);
	image_draw(cr, img, 1, 1, 2, 2 / aspect);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > IMAGE_FUZZ_MAX_INPUT)
		return 0;
	setup();
	diag d;
	diag_init(&d, G.out);
	image *img = image_new((const char *)data, size, IMAGE_MAX_TOTAL_PIXELS, "fuzz.img", loc_none(), &d);
	if (!img) {
		if (d.errors != 1)
			__builtin_trap(); /* refused, but without saying why, or saying it twice */
		return 0;
	}
	if (d.errors != 0 || image_kind_of(img) > IMAGE_SVG || !image_kind_name(img))
		__builtin_trap();

	/* a small preview, as a PNG page draws it */
	cairo_surface_t *px = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64);
	cairo_t *cr = cairo_create(px);
	cairo_scale(cr, 0.1, 0.1);
	draw_both(cr, img);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		__builtin_trap();
	cairo_destroy(cr);
	cairo_surface_destroy(px);

	/* a PDF page, as mkbrief writes it */
	size_t written = 0;
	cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(discard, &written, 612, 792);
	cr = cairo_create(pdf);
	draw_both(cr, img);
	cairo_show_page(cr);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		__builtin_trap();
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS || written == 0)
		__builtin_trap();
	cairo_surface_destroy(pdf);
	image_free(img);
	return 0;
}
