/* image.c: reads a figure's bytes into something Cairo can draw, refusing what is not an
 * image, is corrupt or truncated, or is too large to hold. A PDF's page is drawn by
 * pdfpage.c, which alone knows poppler. */
#include "typeset/image.h"

#include <glib.h>
#include <jpeglib.h>
#include <librsvg/rsvg.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "typeset/pdfpage.h"

struct image {
	image_kind kind;
	int px_w, px_h;              /* raster: pixels; SVG: its intrinsic size in CSS pixels */
	double aspect;
	double vector_w, vector_h;   /* SVG, PDF: the recorded drawing's size */
	/* PNG, JPEG: the pixels; SVG, PDF: its drawing, recorded once at its intrinsic size so
	 * that a file used twice is one drawing in the PDF */
	cairo_surface_t *surface;
};

static const unsigned char PNG_MAGIC[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

static int too_many_pixels(long w, long h, const char *name, loc at, diag *d)
{
	if (w > 0 && h > 0 && w <= IMAGE_MAX_PIXELS / h)
		return 0;
	diag_error(d, at, "figure '%s' is %ld x %ld pixels; at most %ld megapixels are allowed", name, w, h,
		   IMAGE_MAX_PIXELS / 1000000);
	diag_note(d, at, "a figure printed 6.5in wide at 300 dpi is 1950 pixels across; scale it down");
	return 1;
}

/* ---- PNG ---- */

typedef struct reader {
	const unsigned char *p;
	size_t left;
} reader;

static cairo_status_t read_bytes(void *closure, unsigned char *out, unsigned int n)
{
	reader *r = closure;
	if (n > r->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(out, r->p, n);
	r->p += n;
	r->left -= n;
	return CAIRO_STATUS_SUCCESS;
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static int load_png(image *img, const unsigned char *b, size_t len, const char *name, loc at, diag *d)
{
	/* the size is in the header chunk, which must come first: checked before decoding */
	if (len < 24 || memcmp(b + 12, "IHDR", 4) != 0) {
		diag_error(d, at, "figure '%s' is not a valid PNG file (no header chunk)", name);
		return -1;
	}
	unsigned long w = be32(b + 16), h = be32(b + 20);
	if (w > 0x7fffffff || h > 0x7fffffff || too_many_pixels((long)w, (long)h, name, at, d))
		return -1;
	reader r = {b, len};
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_bytes, &r);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		diag_error(d, at, "figure '%s' is a corrupt or truncated PNG file (%s)", name,
			   cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return -1;
	}
	img->surface = s;
	img->px_w = cairo_image_surface_get_width(s);
	img->px_h = cairo_image_surface_get_height(s);
	return 0;
}

/* ---- JPEG ---- */

typedef struct jpeg_failure {
	struct jpeg_error_mgr mgr;
	jmp_buf back;
	char message[JMSG_LENGTH_MAX];
} jpeg_failure;

static void jpeg_fail(j_common_ptr cinfo)
{
	jpeg_failure *f = (jpeg_failure *)cinfo->err;
	f->mgr.format_message(cinfo, f->message);
	longjmp(f->back, 1);
}

/* libjpeg only warns about a truncated file (and fills the rest grey): here it is an error */
static void jpeg_warn(j_common_ptr cinfo, int level)
{
	if (level < 0)
		jpeg_fail(cinfo);
}

/* Decodes into an RGB24 surface row by row; the surface carries the file's own bytes as
 * its JPEG data, which the PDF, SVG and PostScript backends embed as they are. */
static int load_jpeg(image *img, const unsigned char *b, size_t len, const char *name, loc at, diag *d)
{
	struct jpeg_decompress_struct cinfo;
	jpeg_failure fail;
	cairo_surface_t *volatile s = NULL;
	unsigned char *volatile row = NULL;
	cinfo.err = jpeg_std_error(&fail.mgr);
	fail.mgr.error_exit = jpeg_fail;
	fail.mgr.emit_message = jpeg_warn;
	fail.message[0] = 0;
	if (setjmp(fail.back)) {
		diag_error(d, at, "figure '%s' is a corrupt or truncated JPEG file (%s)", name, fail.message);
		jpeg_destroy_decompress(&cinfo);
		free(row);
		if (s)
			cairo_surface_destroy(s);
		return -1;
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, b, (unsigned long)len);
	jpeg_read_header(&cinfo, TRUE);
	if (too_many_pixels((long)cinfo.image_width, (long)cinfo.image_height, name, at, d)) {
		jpeg_destroy_decompress(&cinfo);
		return -1;
	}
	if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
		diag_error(d, at, "figure '%s' is a CMYK JPEG; save it in RGB (sRGB) for print and screen alike", name);
		jpeg_destroy_decompress(&cinfo);
		return -1;
	}
	cinfo.out_color_space = JCS_RGB;
	jpeg_start_decompress(&cinfo);
	int w = (int)cinfo.output_width, h = (int)cinfo.output_height;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	row = xmalloc((size_t)w * 3);
	unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	while (cinfo.output_scanline < cinfo.output_height) {
		JSAMPROW rows[1] = {row};
		unsigned y = cinfo.output_scanline;
		jpeg_read_scanlines(&cinfo, rows, 1);
		uint32_t *px = (uint32_t *)(void *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < w; x++)
			px[x] = (uint32_t)row[3 * x] << 16 | (uint32_t)row[3 * x + 1] << 8 | row[3 * x + 2];
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	free(row);
	cairo_surface_mark_dirty(s);
	unsigned char *copy = g_memdup2(b, len);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, len, g_free, copy);
	img->surface = s;
	img->px_w = w;
	img->px_h = h;
	return 0;
}

/* ---- SVG ---- */

static int load_svg(image *img, const char *b, size_t len, const char *name, loc at, diag *d)
{
	GError *err = NULL;
	/* from memory, with no base file: an SVG that names other files or URLs draws
	 * without them, and reads nothing else */
	RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)b, len, &err);
	if (!h) {
		diag_error(d, at, "figure '%s' is not an SVG librsvg can read: %s", name, err ? err->message : "unknown error");
		g_clear_error(&err);
		return -1;
	}
	gdouble w = 0, hgt = 0;
	if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hgt)) {
		gboolean has_w, has_h, has_vb;
		RsvgLength lw, lh;
		RsvgRectangle vb;
		rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
		if (has_vb) {
			w = vb.width;
			hgt = vb.height;
		}
	}
	if (!(w > 0 && hgt > 0)) {
		diag_error(d, at, "figure '%s' is an SVG with no size: give its <svg> a width and height or a viewBox", name);
		g_object_unref(h);
		return -1;
	}
	cairo_rectangle_t extents = {0, 0, w, hgt};
	img->surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
	cairo_t *cr = cairo_create(img->surface);
	RsvgRectangle viewport = {0, 0, w, hgt};
	int drawn = rsvg_handle_render_document(h, cr, &viewport, &err);
	cairo_destroy(cr);
	g_object_unref(h);
	if (!drawn) {
		diag_error(d, at, "figure '%s' is an SVG librsvg cannot draw: %s", name, err ? err->message : "unknown error");
		g_clear_error(&err);
		cairo_surface_destroy(img->surface);
		img->surface = NULL;
		return -1;
	}
	img->vector_w = w;
	img->vector_h = hgt;
	img->px_w = (int)(w + 0.5);
	img->px_h = (int)(hgt + 0.5);
	img->aspect = w / hgt;
	return 0;
}

/* ---- PDF: its one page, drawn by poppler (typeset/pdfpage.c) ---- */

static int load_pdf(image *img, const char *b, size_t len, const char *name, loc at, diag *d)
{
	double w = 0, h = 0;
	img->surface = pdfpage_record(b, len, name, at, d, &w, &h);
	if (!img->surface)
		return -1;
	img->vector_w = w;
	img->vector_h = h;
	img->aspect = w / h;
	return 0;
}

static int is_vector(const image *img)
{
	return img->kind == IMAGE_SVG || img->kind == IMAGE_PDF;
}

static int looks_like_svg(const char *b, size_t len)
{
	size_t n = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 4 <= n; i++)
		if (memcmp(b + i, "<svg", 4) == 0)
			return 1;
	return 0;
}

image *image_new(const char *bytes, size_t len, const char *name, loc at, diag *d)
{
	image *img = xcalloc(1, sizeof *img);
	const unsigned char *u = (const unsigned char *)bytes;
	int rc;
	if (len >= 8 && memcmp(u, PNG_MAGIC, 8) == 0) {
		img->kind = IMAGE_PNG;
		rc = load_png(img, u, len, name, at, d);
	} else if (len >= 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF) {
		img->kind = IMAGE_JPEG;
		rc = load_jpeg(img, u, len, name, at, d);
	} else if (len >= 5 && memcmp(u, "%PDF-", 5) == 0) {
		img->kind = IMAGE_PDF;
		rc = load_pdf(img, bytes, len, name, at, d);
	} else if (looks_like_svg(bytes, len)) {
		img->kind = IMAGE_SVG;
		rc = load_svg(img, bytes, len, name, at, d);
	} else {
		diag_error(d, at, "figure '%s' is not a PNG, JPEG, SVG or PDF image", name);
		rc = -1;
	}
	if (rc != 0) {
		free(img);
		return NULL;
	}
	if (!is_vector(img))
		img->aspect = (double)img->px_w / img->px_h;
	return img;
}

void image_free(image *img)
{
	if (!img)
		return;
	if (img->surface)
		cairo_surface_destroy(img->surface);
	free(img);
}

image_kind image_kind_of(const image *img)
{
	return img->kind;
}

const char *image_kind_name(const image *img)
{
	static const char *const names[] = {"PNG", "JPEG", "SVG", "PDF"};
	return names[img->kind];
}

double image_aspect(const image *img)
{
	return img->aspect;
}

int image_pixels_across(const image *img)
{
	return is_vector(img) ? 0 : img->px_w;
}

void image_draw(cairo_t *cr, const image *img, double x, double y, double w, double h)
{
	double sw = is_vector(img) ? img->vector_w : img->px_w;
	double sh = is_vector(img) ? img->vector_h : img->px_h;
	cairo_save(cr);
	/* in a group of its own: cairo 1.16 names a surface drawn twice on one page twice in
	 * the page's resources, a duplicate key qpdf --check refuses */
	cairo_push_group(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / sw, h / sh);
	cairo_set_source_surface(cr, img->surface, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_rectangle(cr, 0, 0, sw, sh);
	cairo_fill(cr);
	cairo_pop_group_to_source(cr);
	cairo_paint(cr);
	cairo_restore(cr);
}
