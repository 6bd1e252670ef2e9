/* pdfpage.c: draws a one-page PDF figure through poppler-glib, opened with GModule the first
 * time a brief has one. mkbrief does not link poppler: loading it and the libraries it
 * pulls in costs every run about 18 ms, which a brief without a PDF figure should not pay.
 * So the few functions used here are looked up by name, with prototypes of our own. */
#include "typeset/pdfpage.h"

#include <glib-object.h>
#include <gmodule.h>
#include <math.h>
#include <string.h>

/* poppler-glib's objects, seen only through pointers */
typedef struct pp_document pp_document;
typedef struct pp_page pp_page;

/* The functions used, as poppler-glib declares them (poppler-document.h, poppler-page.h). */
typedef pp_document *(*pp_document_new_from_bytes_fn)(GBytes *bytes, const char *password, GError **error);
typedef int (*pp_document_get_n_pages_fn)(pp_document *doc);
typedef pp_page *(*pp_document_get_page_fn)(pp_document *doc, int index);
typedef void (*pp_page_get_size_fn)(pp_page *page, double *width, double *height);
typedef void (*pp_page_render_fn)(pp_page *page, cairo_t *cairo);
typedef GQuark (*pp_error_quark_fn)(void);
typedef struct pp_font_info pp_font_info;
typedef struct pp_fonts_iter pp_fonts_iter;
typedef pp_font_info *(*pp_font_info_new_fn)(pp_document *doc);
typedef gboolean (*pp_font_info_scan_fn)(pp_font_info *info, int n_pages, pp_fonts_iter **iter);
typedef const char *(*pp_fonts_iter_get_name_fn)(pp_fonts_iter *iter);
typedef gboolean (*pp_fonts_iter_is_embedded_fn)(pp_fonts_iter *iter);
typedef gboolean (*pp_fonts_iter_next_fn)(pp_fonts_iter *iter);
typedef void (*pp_fonts_iter_free_fn)(pp_fonts_iter *iter);

/* A page narrower or shorter than this (in points) is no drawing to scale to a column. */
#define PDFPAGE_MIN_SIDE 1.0

/* POPPLER_ERROR_ENCRYPTED in poppler.h's PopplerError */
#define PP_ERROR_ENCRYPTED 1

/* The library, opened once per process and never closed: the drawings recorded from it hold
 * poppler's fonts, whose destroy callbacks are poppler's code, until the document is freed,
 * and poppler keeps process-wide state (its parameters, its FreeType library) of its own. */
static struct {
	int tried;
	int ok;
	char why[512]; /* when not ok: what failed, said once per PDF figure */
	pp_document_new_from_bytes_fn document_new_from_bytes;
	pp_document_get_n_pages_fn document_get_n_pages;
	pp_document_get_page_fn document_get_page;
	pp_page_get_size_fn page_get_size;
	pp_page_render_fn page_render;
	pp_error_quark_fn error_quark;
	pp_font_info_new_fn font_info_new;
	pp_font_info_scan_fn font_info_scan;
	pp_fonts_iter_get_name_fn fonts_iter_get_name;
	pp_fonts_iter_is_embedded_fn fonts_iter_is_embedded;
	pp_fonts_iter_next_fn fonts_iter_next;
	pp_fonts_iter_free_fn fonts_iter_free;
} pp;

/* A function's address from the library into *fn (a function pointer of size size). ISO C
 * has no cast from the object pointer GModule returns to a function pointer; POSIX (dlsym)
 * guarantees they have one representation, so the bytes are copied. */
static int find(GModule *m, const char *name, void *fn, size_t size)
{
	gpointer sym = NULL;
	if (!g_module_symbol(m, name, &sym) || !sym) {
		g_snprintf(pp.why, sizeof pp.why, "%s has no function %s", PDFPAGE_LIBRARY, name);
		return -1;
	}
	memcpy(fn, &sym, size);
	return 0;
}

#define FIND(m, field, name) find(m, name, &pp.field, sizeof pp.field)

static int open_poppler(void)
{
	if (pp.tried)
		return pp.ok;
	pp.tried = 1;
	/* local binding: poppler's symbols (and those of the C++ libraries under it) never
	 * stand in for anyone else's */
	GModule *m = g_module_open(PDFPAGE_LIBRARY, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
	if (!m) {
		g_strlcpy(pp.why, g_module_error(), sizeof pp.why);
		return 0;
	}
	g_module_make_resident(m);
	if (FIND(m, document_new_from_bytes, "poppler_document_new_from_bytes") ||
	    FIND(m, document_get_n_pages, "poppler_document_get_n_pages") ||
	    FIND(m, document_get_page, "poppler_document_get_page") ||
	    FIND(m, page_get_size, "poppler_page_get_size") || FIND(m, page_render, "poppler_page_render") ||
	    FIND(m, error_quark, "poppler_error_quark") || FIND(m, font_info_new, "poppler_font_info_new") ||
	    FIND(m, font_info_scan, "poppler_font_info_scan") ||
	    FIND(m, fonts_iter_get_name, "poppler_fonts_iter_get_name") ||
	    FIND(m, fonts_iter_is_embedded, "poppler_fonts_iter_is_embedded") ||
	    FIND(m, fonts_iter_next, "poppler_fonts_iter_next") || FIND(m, fonts_iter_free, "poppler_fonts_iter_free"))
		return 0;
	pp.ok = 1;
	return 1;
}

static pp_document *open_document(const char *bytes, size_t len, const char *name, loc at, diag *d)
{
	/* a copy the document owns: nothing it keeps may point into the caller's buffer */
	GBytes *data = g_bytes_new(bytes, len);
	GError *err = NULL;
	pp_document *doc = pp.document_new_from_bytes(data, NULL, &err);
	g_bytes_unref(data);
	if (doc)
		return doc;
	if (err && err->domain == pp.error_quark() && err->code == PP_ERROR_ENCRYPTED) {
		diag_error(d, at, "figure '%s' is an encrypted PDF; a figure must open without a password", name);
		diag_note(d, at, "decrypt it: qpdf --decrypt --password=PASSWORD '%s' figure.pdf", name);
	} else {
		diag_error(d, at, "figure '%s' is a PDF poppler cannot read: %s", name,
			   err ? err->message : "unknown error");
		diag_note(d, at, "'qpdf --check %s' says what is wrong with it", name);
	}
	g_clear_error(&err);
	return NULL;
}

/* The page, when the document has exactly one. */
static pp_page *only_page(pp_document *doc, const char *name, loc at, diag *d)
{
	int n = pp.document_get_n_pages(doc);
	if (n != 1) {
		diag_error(d, at, "figure '%s' has %d pages; a figure must be a one-page PDF", name, n);
		if (n > 1)
			diag_note(d, at, "extract the page to show, e.g. the second: qpdf --empty --pages '%s' 2 -- page.pdf",
				  name);
		return NULL;
	}
	pp_page *page = pp.document_get_page(doc, 0);
	if (!page)
		diag_error(d, at, "figure '%s' is a PDF poppler cannot read: its page is damaged", name);
	return page;
}

/* A font the page uses but the file does not hold: poppler would look for it among the
 * machine's fonts, which mkbrief never reads (typeset/fonts.c), and draw nothing for its
 * text ("some font thing failed" on standard error). So it is an error, before drawing. */
static int fonts_embedded(pp_document *doc, const char *name, loc at, diag *d)
{
	pp_font_info *info = pp.font_info_new(doc);
	pp_fonts_iter *iter = NULL;
	int ok = 1;
	if (info && pp.font_info_scan(info, 1, &iter) && iter) {
		do {
			if (!pp.fonts_iter_is_embedded(iter)) {
				const char *font = pp.fonts_iter_get_name(iter);
				diag_error(d, at, "figure '%s' uses the font '%s' without embedding it", name, font ? font : "?");
				diag_note(d, at, "embed its fonts, e.g. gs -o embedded.pdf -sDEVICE=pdfwrite -dPDFSETTINGS=/prepress '%s'",
					  name);
				ok = 0;
			}
		} while (ok && pp.fonts_iter_next(iter));
		pp.fonts_iter_free(iter);
	}
	if (info)
		g_object_unref(info);
	return ok;
}

cairo_surface_t *pdfpage_record(const char *bytes, size_t len, const char *name, loc at, diag *d, double *w,
				double *h)
{
	if (!open_poppler()) {
		diag_error(d, at, "figure '%s' is a PDF, and drawing one needs poppler-glib: %s", name, pp.why);
		diag_note(d, at, "install the package %s (apt-get install %s)", PDFPAGE_PACKAGE, PDFPAGE_PACKAGE);
		return NULL;
	}
	pp_document *doc = open_document(bytes, len, name, at, d);
	if (!doc)
		return NULL;
	pp_page *page = only_page(doc, name, at, d);
	if (page && !fonts_embedded(doc, name, at, d)) {
		g_object_unref(page);
		page = NULL;
	}
	if (!page) {
		g_object_unref(doc);
		return NULL;
	}
	/* in points, after the page's /Rotate: its intrinsic size, as an SVG's */
	double pw = 0, ph = 0;
	pp.page_get_size(page, &pw, &ph);
	cairo_surface_t *s = NULL;
	if (!(isfinite(pw) && isfinite(ph) && pw > 0 && ph > 0)) {
		diag_error(d, at, "figure '%s' has a page of zero size (%g x %g points)", name, pw, ph);
		diag_note(d, at, "its MediaBox (and CropBox) must enclose the drawing; save it again from the program that drew it");
	} else if (pw < PDFPAGE_MIN_SIDE || ph < PDFPAGE_MIN_SIDE) {
		/* scaled to the column, a sliver would be drawn as a line or a smear */
		diag_error(d, at, "figure '%s' has a page of %g x %g points; a figure's page must be at least %g point a side",
			   name, pw, ph, PDFPAGE_MIN_SIDE);
		diag_note(d, at, "its MediaBox (and CropBox) must enclose the drawing; save it again from the program that drew it");
	} else {
		/* recorded once at its own size: every figure showing the file replays the same
		 * recording, which the PDF holds as one form */
		cairo_rectangle_t extents = {0, 0, pw, ph};
		s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
		cairo_t *cr = cairo_create(s);
		pp.page_render(page, cr);
		cairo_status_t st = cairo_status(cr);
		cairo_destroy(cr);
		if (st != CAIRO_STATUS_SUCCESS) {
			diag_error(d, at, "figure '%s' is a PDF that cannot be drawn (%s)", name, cairo_status_to_string(st));
			cairo_surface_destroy(s);
			s = NULL;
		}
		*w = pw;
		*h = ph;
	}
	g_object_unref(page);
	g_object_unref(doc);
	return s;
}
