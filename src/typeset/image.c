/* image.c: reads a figure's bytes into something Cairo can draw, refusing what is not an
 * image, is corrupt or truncated, or is too large to hold. A PDF's page is drawn by
 * pdfpage.c, which alone knows poppler. */
#include "typeset/image.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <jpeglib.h>
#include <jerror.h> /* after jpeglib.h, which it needs */
#include <librsvg/rsvg.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/util.h"
#include "typeset/pdfpage.h"
#include "typeset/svg_cost.h"

_Static_assert(SVG_COST_STOP_ELEMENTS == IMAGE_SVG_MAX_ELEMENTS, "svg_cost.c stops at the limit");

struct image {
	image_kind kind;
	int px_w, px_h;              /* raster: pixels; SVG: its intrinsic size in CSS pixels */
	double aspect;
	double vector_w, vector_h;   /* SVG, PDF: the recorded drawing's size */
	/* PNG, JPEG: the pixels; SVG, PDF: its drawing, recorded once at its intrinsic size so
	 * that a file used twice is one drawing in the PDF */
	cairo_surface_t *surface;
	/* JPEG: the EXIF orientation (1 as stored; 6: turned a quarter clockwise, as a phone's
	 * portrait photo; 2 to 8 as TIFF numbers them), applied where it is drawn */
	int orientation;
	/* SVG, PDF: the drawing as cairo writes it in a PDF, a one-page PDF made the first time
	 * a PDF shows it (image_pdf_form) */
	char *form;
	size_t form_len;
	/* SVG: the characters its texts print, each once (svg_cost) */
	uint32_t text[SVG_TEXT_CHARS];
	int ntext;
};

static const unsigned char PNG_MAGIC[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

/* A figure's width over its height must lie within 1/IMAGE_MAX_ASPECT and IMAGE_MAX_ASPECT:
 * past that it prints as a hairline, and an SVG's drawing scale overflows. */
static int bad_aspect(double w, double h, const char *unit, const char *name, loc at, diag *d)
{
	double aspect = w / h;
	if (aspect >= 1.0 / IMAGE_MAX_ASPECT && aspect <= IMAGE_MAX_ASPECT)
		return 0;
	diag_error(d, at, "figure '%s' is %g x %g %s: a side more than %d times the other prints as a hairline", name, w, h,
		   unit, IMAGE_MAX_ASPECT);
	return 1;
}

/* A raster image's size, from its header, before anything is decoded: within the limits of
 * one image, and within max_pixels, what the figures before it have left. */
static int bad_raster_size(long w, long h, long max_pixels, const char *kind, const char *name, loc at, diag *d)
{
	if (w <= 0 || h <= 0) {
		diag_error(d, at, "figure '%s' is a corrupt %s file: it says it is %ld x %ld pixels", name, kind, w, h);
		return 1;
	}
	if (w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE || w > IMAGE_MAX_PIXELS / h) {
		diag_error(d, at, "figure '%s' is %ld x %ld pixels; at most %ld megapixels and %d pixels a side are allowed",
			   name, w, h, IMAGE_MAX_PIXELS / 1000000, IMAGE_MAX_SIDE);
		diag_note(d, at, "a figure printed 6.5in wide at 300 dpi is 1950 pixels across; scale it down");
		return 1;
	}
	if (w * h > max_pixels) {
		diag_error(d, at,
			   "figure '%s' is %ld x %ld pixels; with the figures before it that is more than the %ld "
			   "megapixels a brief's figures may have together",
			   name, w, h, IMAGE_MAX_TOTAL_PIXELS / 1000000);
		diag_note(d, at, "a figure printed 6.5in wide at 300 dpi is 1950 pixels across; scale them down");
		return 1;
	}
	return bad_aspect((double)w, (double)h, "pixels", name, at, d);
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

/* The CRC of PNG chunks (ISO 3309), four bits at a time. */
static unsigned long png_crc(const unsigned char *p, size_t n)
{
	static const unsigned long nibble[16] = {
		0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
		0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c};
	unsigned long c = 0xffffffffUL;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		c = (c >> 4) ^ nibble[c & 15];
		c = (c >> 4) ^ nibble[c & 15];
	}
	return c ^ 0xffffffffUL;
}

/* Walks the chunks (length, type, data, CRC) up to IEND before anything is decoded: libpng's
 * own errors reach us through Cairo only as "out of memory" or "read error", and a damaged
 * or cut-short file should say so. Like libpng, only critical chunks' CRCs count. */
static int png_chunks_ok(const unsigned char *b, size_t len, const char *name, loc at, diag *d)
{
	size_t p = 8;
	for (;;) {
		if (len - p < 12) {
			diag_error(d, at, "figure '%s' is a truncated PNG file: it ends before its last (IEND) chunk", name);
			return 0;
		}
		unsigned long n = be32(b + p);
		const unsigned char *type = b + p + 4;
		for (int i = 0; i < 4; i++)
			if (!((type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z'))) {
				diag_error(d, at, "figure '%s' is a corrupt PNG file: byte %zu does not start a chunk", name, p);
				return 0;
			}
		if (n > len - p - 12) {
			diag_error(d, at, "figure '%s' is a truncated PNG file: it ends inside its %.4s chunk", name,
				   (const char *)type);
			return 0;
		}
		if (type[0] <= 'Z' && png_crc(type, n + 4) != be32(type + 4 + n)) {
			diag_error(d, at, "figure '%s' is a corrupt PNG file: its %.4s chunk at byte %zu fails its CRC check",
				   name, (const char *)type, p);
			return 0;
		}
		if (memcmp(type, "IEND", 4) == 0)
			return 1;
		p += 12 + n;
	}
}

static const char *thousands(double x, char buf[40]);

/* Whether the PNG's image data (its IDAT chunks, inflated) holds no more than its pixels
 * need (rows of w pixels and a filter byte, h of them, and Adam7's passes' own bytes):
 * libpng inflates all of it, and a 5 MB file of a 1 x 1 image can inflate to 5 GB. Damaged
 * data is left for libpng to name. */
static int png_data_ok(const unsigned char *b, size_t len, unsigned long w, unsigned long h, const char *name, loc at,
		       diag *d)
{
	static const int channels[] = {1, 0, 3, 1, 2, 0, 4};
	int depth = b[24], type = b[25];
	double row = ceil((double)w * (type >= 0 && type <= 6 && channels[type] ? channels[type] : 4) * depth / 8.0);
	double need = (double)h * (row + 1) + 8.0 * (double)h + 4096;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return 1;
	unsigned char out[65536];
	double made = 0;
	int rc = Z_OK;
	for (size_t p = 8; p + 12 <= len && rc == Z_OK && made <= need;) {
		unsigned long n = be32(b + p);
		if (memcmp(b + p + 4, "IDAT", 4) == 0) {
			z.next_in = (Bytef *)(b + p + 8);
			z.avail_in = (uInt)n;
			while (z.avail_in > 0 && rc == Z_OK && made <= need) {
				z.next_out = out;
				z.avail_out = sizeof out;
				rc = inflate(&z, Z_NO_FLUSH);
				made += (double)(sizeof out - z.avail_out);
				if (rc == Z_BUF_ERROR && z.avail_out == sizeof out)
					break;
				if (rc == Z_BUF_ERROR)
					rc = Z_OK;
			}
		}
		if (memcmp(b + p + 4, "IEND", 4) == 0)
			break;
		p += 12 + n;
	}
	inflateEnd(&z);
	if (made > need) {
		char n1[40], n2[40];
		diag_error(d, at,
			   "figure '%s' is a corrupt PNG file: its image data inflates to more than %s bytes, where "
			   "its %lu x %lu pixels need %s",
			   name, thousands(made, n1), w, h, thousands(need, n2));
		return 0;
	}
	return 1;
}

static int load_png(image *img, const unsigned char *b, size_t len, long max_pixels, const char *name, loc at,
		    diag *d)
{
	/* the size is in the header chunk, which must come first: checked before decoding */
	if (len < 24 || memcmp(b + 12, "IHDR", 4) != 0) {
		diag_error(d, at, "figure '%s' is not a valid PNG file (no header chunk)", name);
		return -1;
	}
	unsigned long w = be32(b + 16), h = be32(b + 20);
	if (w > 0x7fffffff || h > 0x7fffffff) {
		diag_error(d, at, "figure '%s' is a corrupt PNG file: it says it is %lu x %lu pixels", name, w, h);
		return -1;
	}
	if (bad_raster_size((long)w, (long)h, max_pixels, "PNG", name, at, d) || !png_chunks_ok(b, len, name, at, d) ||
	    !png_data_ok(b, len, w, h, name, at, d))
		return -1;
	reader r = {b, len};
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_bytes, &r);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		/* the chunks are whole and their CRCs right: what is left is the compressed data
		 * or the header's values (Cairo's status names neither) */
		diag_error(d, at, "figure '%s' is a corrupt PNG file: its image data cannot be decoded", name);
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
	enum { JPEG_BAD, JPEG_CUT_SHORT, JPEG_SCANS, JPEG_NO_MEMORY } why;
	char message[JMSG_LENGTH_MAX]; /* JPEG_BAD: libjpeg's */
} jpeg_failure;

static void jpeg_fail(j_common_ptr cinfo)
{
	jpeg_failure *f = (jpeg_failure *)cinfo->err;
	f->mgr.format_message(cinfo, f->message);
	f->why = f->mgr.msg_code == JWRN_JPEG_EOF ? JPEG_CUT_SHORT : JPEG_BAD;
	longjmp(f->back, 1);
}

/* Called as libjpeg works through the file: stops a progressive JPEG of too many scans. */
static void jpeg_progress(j_common_ptr cinfo)
{
	j_decompress_ptr dinfo = (j_decompress_ptr)cinfo;
	if (dinfo->input_scan_number <= IMAGE_MAX_JPEG_SCANS)
		return;
	jpeg_failure *f = (jpeg_failure *)cinfo->err;
	f->why = JPEG_SCANS;
	longjmp(f->back, 1);
}

/* libjpeg only warns about a truncated file (and fills the rest grey): here it is an error */
static void jpeg_warn(j_common_ptr cinfo, int level)
{
	if (level < 0)
		jpeg_fail(cinfo);
}

/* The EXIF orientation of a JPEG (its APP1 "Exif" segment's tag 0x112), 1 if none. */
static int jpeg_orientation(const unsigned char *b, size_t len)
{
	size_t p = 2;
	while (p + 4 <= len && b[p] == 0xFF && b[p + 1] != 0xDA) {
		size_t seg = (size_t)b[p + 2] << 8 | b[p + 3];
		if (seg < 2 || p + 2 + seg > len)
			return 1;
		const unsigned char *t = b + p + 10; /* the TIFF header, after "Exif\0\0" */
		size_t tl = seg >= 8 ? seg - 8 : 0;
		if (b[p + 1] == 0xE1 && seg >= 8 && memcmp(b + p + 4, "Exif\0\0", 6) == 0 && tl >= 8) {
			int le = t[0] == 'I';
#define U16(q) (le ? (unsigned)(q)[0] | (unsigned)(q)[1] << 8 : (unsigned)(q)[0] << 8 | (unsigned)(q)[1])
#define U32(q) (le ? (size_t)U16(q) | (size_t)U16((q) + 2) << 16 : (size_t)U16(q) << 16 | (size_t)U16((q) + 2))
			size_t ifd = U32(t + 4);
			if (ifd + 2 > tl)
				return 1;
			unsigned n = U16(t + ifd);
			for (unsigned i = 0; i < n && ifd + 2 + 12 * (size_t)(i + 1) <= tl; i++) {
				const unsigned char *e = t + ifd + 2 + 12 * (size_t)i;
				if (U16(e) == 0x112) {
					unsigned v = U16(e + 8);
					return v >= 1 && v <= 8 ? (int)v : 1;
				}
			}
#undef U16
#undef U32
			return 1;
		}
		p += 2 + seg;
	}
	return 1;
}

/* Decodes into an RGB24 surface row by row; the surface carries the file's own bytes as
 * its JPEG data, which the PDF, SVG and PostScript backends embed as they are. */
static int load_jpeg(image *img, const unsigned char *b, size_t len, long max_pixels, const char *name, loc at,
		     diag *d)
{
	struct jpeg_decompress_struct cinfo;
	jpeg_failure fail;
	struct jpeg_progress_mgr progress = {.progress_monitor = jpeg_progress};
	cairo_surface_t *volatile s = NULL;
	unsigned char *volatile row = NULL;
	cinfo.err = jpeg_std_error(&fail.mgr);
	fail.mgr.error_exit = jpeg_fail;
	fail.mgr.emit_message = jpeg_warn;
	fail.message[0] = 0;
	fail.why = JPEG_BAD;
	if (setjmp(fail.back)) {
		if (fail.why == JPEG_CUT_SHORT)
			diag_error(d, at, "figure '%s' is a truncated JPEG file: it ends before its image data does", name);
		else if (fail.why == JPEG_SCANS)
			diag_error(d, at,
				   "figure '%s' is a progressive JPEG of more than %d scans; save it again (encoders "
				   "write about ten)",
				   name, IMAGE_MAX_JPEG_SCANS);
		else if (fail.why == JPEG_NO_MEMORY)
			diag_error(d, at, "cannot decode figure '%s': out of memory", name);
		else
			diag_error(d, at, "figure '%s' is a corrupt JPEG file (%s)", name, fail.message);
		jpeg_destroy_decompress(&cinfo);
		free(row);
		if (s)
			cairo_surface_destroy(s);
		return -1;
	}
	jpeg_create_decompress(&cinfo);
	cinfo.progress = &progress;
	jpeg_mem_src(&cinfo, b, (unsigned long)len);
	jpeg_read_header(&cinfo, TRUE);
	if (bad_raster_size((long)cinfo.image_width, (long)cinfo.image_height, max_pixels, "JPEG", name, at, d)) {
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
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fail.why = JPEG_NO_MEMORY; /* the size is checked: what is left is memory */
		longjmp(fail.back, 1);
	}
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
	img->orientation = jpeg_orientation(b, len);
	return 0;
}

/* ---- SVG ---- */

/* librsvg's message, without the line break its XML errors end in. */
static const char *svg_why(GError *err)
{
	return err ? g_strchomp(err->message) : "unknown error";
}

/* x with its thousands separated by commas ("1,048,576"), into buf. */
static const char *thousands(double x, char buf[40])
{
	char digits[32];
	if (!(x < 1e18))
		x = 1e18;
	int n = snprintf(digits, sizeof digits, "%.0f", x), o = 0;
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = 0;
	return buf;
}

/* Bounds what the SVG in b costs to draw before librsvg sees it (its filters' share needs
 * its size: svg_filters_ok). Returns 0, or -1 after an error. */
static int svg_cost_ok(const char *b, size_t len, svg_cost *c, const char *name, loc at, diag *d)
{
	char *why = NULL, n1[40], n2[40], n3[40];
	int rc = svg_cost_scan(b, len, c, &why);
	if (rc == -2) {
		diag_error(d, at, "figure '%s' is an SVG whose cost to draw cannot be checked: %s", name, why);
		free(why);
		return -1;
	}
	if (rc != 0 && !c->stopped) {
		/* librsvg's own message first, for a file it cannot read either */
		GError *err = NULL;
		RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)b, len, &err);
		if (!h)
			diag_error(d, at, "figure '%s' is not an SVG librsvg can read: %s", name, svg_why(err));
		else
			diag_error(d, at, "figure '%s' is an SVG whose cost to draw cannot be checked: %s", name, why);
		if (h)
			g_object_unref(h);
		g_clear_error(&err);
		free(why);
		return -1;
	}
	if (c->stopped || c->instances > IMAGE_SVG_MAX_ELEMENTS) {
		diag_error(d, at,
			   "figure '%s' would take too long to draw: %s%s elements, counting each again where a "
			   "<use>, pattern, clip path, mask or marker draws it (at most %s)",
			   name, c->stopped ? "more than " : "",
			   thousands(c->stopped ? IMAGE_SVG_MAX_ELEMENTS : c->instances, n1),
			   thousands(IMAGE_SVG_MAX_ELEMENTS, n2));
		diag_note(d, at, "draw it with fewer marks, or as a PNG");
		return -1;
	}
	if (c->vertices > IMAGE_SVG_MAX_VERTICES) {
		diag_error(d, at, "figure '%s' would take too long to draw: %s numbers in its paths (at most %s)", name,
			   thousands(c->vertices, n1), thousands(IMAGE_SVG_MAX_VERTICES, n2));
		diag_note(d, at, "simplify its paths, or draw it as a PNG");
		return -1;
	}
	if (c->depth > IMAGE_SVG_MAX_DEPTH) {
		diag_error(d, at, "figure '%s' nests elements and references %s deep; librsvg follows at most %d", name,
			   thousands(c->depth, n1), IMAGE_SVG_MAX_DEPTH);
		return -1;
	}
	if (c->max_order > IMAGE_SVG_MAX_CONVOLVE_ORDER) {
		diag_error(d, at, "figure '%s' has an feConvolveMatrix of order %ld; librsvg draws at most %d", name,
			   c->max_order, IMAGE_SVG_MAX_CONVOLVE_ORDER);
		return -1;
	}
	if (c->max_font_size > IMAGE_SVG_MAX_FONT_SIZE) {
		diag_error(d, at,
			   "figure '%s' draws text %s px high (its font sizes nested and its transforms taken "
			   "together); librsvg draws at most %s",
			   name, thousands(c->max_font_size, n1), thousands(IMAGE_SVG_MAX_FONT_SIZE, n2));
		return -1;
	}
	if (c->max_text_chars > IMAGE_SVG_MAX_TEXT_CHARS) {
		diag_error(d, at, "figure '%s' would take too long to draw: a <text> of %s characters (at most %s)", name,
			   thousands(c->max_text_chars, n1), thousands(IMAGE_SVG_MAX_TEXT_CHARS, n2));
		diag_note(d, at, "break the text into several <text> elements, or set it in the brief");
		return -1;
	}
	if (c->selectors * c->elements > IMAGE_SVG_MAX_SELECTOR_TESTS) {
		diag_error(d, at,
			   "figure '%s' would take too long to draw: its style sheet's %s selectors are each matched "
			   "against its %s elements (at most %s tests)",
			   name, thousands(c->selectors, n1), thousands(c->elements, n2),
			   thousands(IMAGE_SVG_MAX_SELECTOR_TESTS, n3));
		return -1;
	}
	return 0;
}

/* The filters' and masks' share, once the drawing's size in pixels is known. */
static int svg_filters_ok(const svg_cost *c, double w, double h, const char *name, loc at, diag *d)
{
	char n1[40], n2[40], n3[40];
	double pixels = w * h;
	if (c->passes <= 0)
		return 0;
	if (pixels > IMAGE_SVG_MAX_FILTER_PIXELS) {
		diag_error(d, at,
			   "figure '%s' would take too long to draw: its filters or masks work on all its %.0f x %.0f "
			   "pixels (at most %s pixels with filters or masks)",
			   name, w, h, thousands(IMAGE_SVG_MAX_FILTER_PIXELS, n1));
		diag_note(d, at, "give its <svg> a smaller width and height: it is scaled to the width asked all the same");
		return -1;
	}
	if (c->passes * pixels > IMAGE_SVG_MAX_FILTER_WORK) {
		diag_error(d, at,
			   "figure '%s' would take too long to draw: its filters and masks go over its %.0f x %.0f "
			   "pixels %s times, %s pixels in all (at most %s)",
			   name, w, h, thousands(c->passes, n1), thousands(c->passes * pixels, n2),
			   thousands(IMAGE_SVG_MAX_FILTER_WORK, n3));
		diag_note(d, at, "use fewer filters or masks, or give its <svg> a smaller width and height");
		return -1;
	}
	return 0;
}

static int load_svg(image *img, const char *b, size_t len, const char *name, loc at, diag *d)
{
	svg_cost cost;
	if (svg_cost_ok(b, len, &cost, name, at, d) != 0)
		return -1;
	memcpy(img->text, cost.text, sizeof img->text);
	img->ntext = cost.ntext;
	GError *err = NULL;
	/* from memory, with no base file: an SVG that names other files or URLs draws
	 * without them, and reads nothing else */
	RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)b, len, &err);
	if (!h) {
		diag_error(d, at, "figure '%s' is not an SVG librsvg can read: %s", name, svg_why(err));
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
	if (!(w > 0 && hgt > 0 && isfinite(w) && isfinite(hgt))) {
		diag_error(d, at, "figure '%s' is an SVG with no size: give its <svg> a width and height or a viewBox", name);
		g_object_unref(h);
		return -1;
	}
	if (bad_aspect(w, hgt, "pixels", name, at, d)) {
		g_object_unref(h);
		return -1;
	}
	/* recorded at its own size unless that is absurdly large or small: only the aspect
	 * matters, as it is drawn scaled to the width asked */
	double longer = w > hgt ? w : hgt, scale = 1;
	if (longer > IMAGE_SVG_MAX_SIDE)
		scale = IMAGE_SVG_MAX_SIDE / longer;
	else if (longer < IMAGE_SVG_MIN_SIDE)
		scale = IMAGE_SVG_MIN_SIDE / longer;
	double rw = w * scale, rh = hgt * scale;
	if (svg_filters_ok(&cost, rw, rh, name, at, d) != 0) {
		g_object_unref(h);
		return -1;
	}
	cairo_rectangle_t extents = {0, 0, rw, rh};
	img->surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
	cairo_t *cr = cairo_create(img->surface);
	RsvgRectangle viewport = {0, 0, rw, rh};
	int drawn = rsvg_handle_render_document(h, cr, &viewport, &err);
	cairo_destroy(cr);
	g_object_unref(h);
	if (!drawn) {
		diag_error(d, at, "figure '%s' is an SVG librsvg cannot draw: %s", name, svg_why(err));
		g_clear_error(&err);
		cairo_surface_destroy(img->surface);
		img->surface = NULL;
		return -1;
	}
	img->vector_w = rw;
	img->vector_h = rh;
	img->px_w = (int)(rw + 0.5);
	img->px_h = (int)(rh + 0.5);
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
	if (bad_aspect(w, h, "pt", name, at, d)) {
		cairo_surface_destroy(img->surface);
		img->surface = NULL;
		return -1;
	}
	img->vector_w = w;
	img->vector_h = h;
	img->aspect = w / h;
	return 0;
}

int image_text(const image *img, const uint32_t **cps)
{
	*cps = img->text;
	return img->ntext;
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

image *image_new(const char *bytes, size_t len, long max_pixels, const char *name, loc at, diag *d)
{
	image *img = xcalloc(1, sizeof *img);
	const unsigned char *u = (const unsigned char *)bytes;
	int rc;
	if (len >= 8 && memcmp(u, PNG_MAGIC, 8) == 0) {
		img->kind = IMAGE_PNG;
		rc = load_png(img, u, len, max_pixels, name, at, d);
	} else if (len >= 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF) {
		img->kind = IMAGE_JPEG;
		rc = load_jpeg(img, u, len, max_pixels, name, at, d);
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
		img->aspect = img->orientation >= 5 ? (double)img->px_h / img->px_w : (double)img->px_w / img->px_h;
	return img;
}

void image_free(image *img)
{
	if (!img)
		return;
	if (img->surface)
		cairo_surface_destroy(img->surface);
	free(img->form);
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

long image_pixels(const image *img)
{
	return img->kind == IMAGE_SVG ? 0 : (long)img->px_w * img->px_h;
}

int image_pixels_across(const image *img)
{
	return is_vector(img) ? 0 : img->orientation >= 5 ? img->px_h : img->px_w;
}

/* Draws source (img's drawing or its stand-in, of the same extents) as image_draw says. */
static void draw_source(cairo_t *cr, const image *img, cairo_surface_t *source, double x, double y, double w, double h)
{
	double sw = is_vector(img) ? img->vector_w : img->px_w;
	double sh = is_vector(img) ? img->vector_h : img->px_h;
	int turned = img->orientation >= 5; /* shown sh across, sw down */
	cairo_save(cr);
	/* in a group of its own: cairo 1.16 names a surface drawn twice on one page twice in
	 * the page's resources, a duplicate key qpdf --check refuses */
	cairo_push_group(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / (turned ? sh : sw), h / (turned ? sw : sh));
	/* the EXIF orientation: the stored pixels to the picture as taken (x' = xx x + xy y + x0) */
	static const double orient[9][6] = {
		{1, 0, 0, 1, 0, 0},  {1, 0, 0, 1, 0, 0},   {-1, 0, 0, 1, 1, 0}, {-1, 0, 0, -1, 1, 1}, {1, 0, 0, -1, 0, 1},
		{0, 1, 1, 0, 0, 0},  {0, 1, -1, 0, 1, 0},  {0, -1, -1, 0, 1, 1}, {0, -1, 1, 0, 0, 1},
	};
	const double *o = orient[img->orientation >= 1 && img->orientation <= 8 ? img->orientation : 1];
	double dw = turned ? sh : sw, dh = turned ? sw : sh;
	cairo_matrix_t m;
	cairo_matrix_init(&m, o[0], o[1], o[2], o[3], o[4] * dw, o[5] * dh);
	cairo_transform(cr, &m);
	cairo_set_source_surface(cr, source, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_rectangle(cr, 0, 0, sw, sh);
	cairo_fill(cr);
	cairo_pop_group_to_source(cr);
	cairo_paint(cr);
	cairo_restore(cr);
}

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	sb_append(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

int image_has_form(const image *img)
{
	return is_vector(img);
}

const char *image_pdf_form(const image *cimg, size_t *len)
{
	/* made once and kept: what the image is does not change, only what is known of it */
	image *img = (image *)cimg;
	if (!is_vector(img))
		return NULL;
	if (!img->form) {
		strbuf pdf = {0};
		cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append_bytes, &pdf, img->vector_w, img->vector_h);
		cairo_t *cr = cairo_create(s);
		/* the recording painted as it is: the page draws one form, the figure's */
		cairo_set_source_surface(cr, img->surface, 0, 0);
		cairo_paint(cr);
		cairo_destroy(cr);
		cairo_surface_finish(s);
		int ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
		cairo_surface_destroy(s);
		if (!ok) {
			sb_free(&pdf);
			return NULL;
		}
		img->form_len = pdf.len;
		img->form = sb_steal(&pdf);
	}
	*len = img->form_len;
	return img->form;
}

cairo_surface_t *image_standin_new(const image *img, int id)
{
	cairo_rectangle_t ext = {0, 0, img->vector_w, img->vector_h};
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, IMAGE_STANDIN_RED, (id >> 8 & 255) / 255.0, (id & 255) / 255.0);
	cairo_rectangle(cr, 0, 0, 1, 1);
	cairo_fill(cr);
	cairo_destroy(cr);
	return s;
}

void image_draw_standin(cairo_t *cr, const image *img, cairo_surface_t *standin, double x, double y, double w, double h)
{
	draw_source(cr, img, standin, x, y, w, h);
}

void image_draw(cairo_t *cr, const image *img, double x, double y, double w, double h)
{
	draw_source(cr, img, img->surface, x, y, w, h);
}
