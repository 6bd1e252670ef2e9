/* pdfdiff.c: compares two PDFs in tiers (bytes, structure, pixels) with poppler-glib and
 * writes images of the pages that differ, for golden tests and `mkbrief diff`. */
#include "tools/pdfdiff.h"

#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "base/util.h"

/* Far above any brief; keeps a wrong path (a disk image) from being read whole. */
#define PDFDIFF_MAX_BYTES ((size_t)512 << 20)

void pdfdiff_opts_init(pdfdiff_opts *o)
{
	o->dpi = 96;
	o->pixel_tol = 0;
	o->channel_tol = 1;
	o->out_dir = NULL;
	o->fonts_dir = NULL;
	o->label = NULL;
	o->strict = 0;
}

typedef struct pdf {
	const char *path;
	const char *role; /* "golden" or "new": names images and report lines */
	char *data;
	size_t len;
	PopplerDocument *doc;
	int npages;
} pdf;

static int pdf_read(pdf *p, const char *path, const char *role, diag *d)
{
	const char *why;
	p->path = path;
	p->role = role;
	p->doc = NULL;
	p->npages = 0;
	if (file_read(path, PDFDIFF_MAX_BYTES, &p->data, &p->len, &why) != 0) {
		p->data = NULL;
		diag_error(d, loc_at(path, 0, 0), "cannot read: %s", why);
		return -1;
	}
	return 0;
}

/* Parsed only after the byte comparison, which needs no parsing. */
static int pdf_open(pdf *p, diag *d)
{
	/* The document keeps a reference to the bytes; p->data outlives it (pdf_close). */
	GBytes *bytes = g_bytes_new_static(p->data, p->len);
	GError *err = NULL;
	p->doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (!p->doc) {
		diag_error(d, loc_at(p->path, 0, 0), "not a readable PDF: %s", err ? err->message : "unknown error");
		if (err)
			g_error_free(err);
		return -1;
	}
	p->npages = poppler_document_get_n_pages(p->doc);
	return 0;
}

static void pdf_close(pdf *p)
{
	if (p->doc)
		g_object_unref(p->doc);
	free(p->data);
	p->doc = NULL;
	p->data = NULL;
}

/* PostScript names of the fonts in dir, which is what a PDF's font names are made of. */
typedef struct name_list {
	char **v;
	size_t n;
} name_list;

static void name_list_add(name_list *l, const char *name)
{
	/* doubling at each power of two */
	if ((l->n & (l->n - 1)) == 0)
		l->v = xrealloc(l->v, (l->n ? l->n * 2 : 1) * sizeof *l->v);
	l->v[l->n++] = xstrdup(name);
}

static int name_list_has(const name_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], name) == 0)
			return 1;
	return 0;
}

static void name_list_free(name_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int load_font_names(const char *dir, name_list *out, diag *d)
{
	out->v = NULL;
	out->n = 0;
	DIR *dp = opendir(dir);
	if (!dp) {
		diag_error(d, loc_at(dir, 0, 0), "cannot open the fonts directory");
		return -1;
	}
	FT_Library ft;
	if (FT_Init_FreeType(&ft)) {
		closedir(dp);
		diag_error(d, loc_none(), "cannot initialise FreeType");
		return -1;
	}
	struct dirent *de;
	while ((de = readdir(dp))) {
		size_t len = strlen(de->d_name);
		if (len < 5 || (strcmp(de->d_name + len - 4, ".ttf") && strcmp(de->d_name + len - 4, ".otf")))
			continue;
		char *path = path_join(dir, de->d_name);
		FT_Face face;
		if (FT_New_Face(ft, path, 0, &face) == 0) {
			const char *ps = FT_Get_Postscript_Name(face);
			if (ps)
				name_list_add(out, ps);
			FT_Done_Face(face);
		}
		free(path);
	}
	closedir(dp);
	FT_Done_FreeType(ft);
	return 0;
}

/* "ABCDEF+NotoSerif-Regular" → "NotoSerif-Regular": the tag only names the subset. */
static const char *strip_subset_tag(const char *name)
{
	for (int i = 0; i < 6; i++)
		if (name[i] < 'A' || name[i] > 'Z')
			return name;
	return name[6] == '+' ? name + 7 : name;
}

/* One report line per font of p that is not embedded, or not on either list (allowed, NULL
 * for no check; also, NULL for none). The names of p's embedded fonts go to *seen, unless
 * NULL. */
static int check_fonts(const pdf *p, const name_list *allowed, const name_list *also, name_list *seen, FILE *out,
		       const char *prefix)
{
	int bad = 0;
	PopplerFontInfo *fi = poppler_font_info_new(p->doc);
	PopplerFontsIter *it = NULL;
	/* One scan over every page; poppler lists each font once per scan. */
	poppler_font_info_scan(fi, p->npages, &it);
	if (it) {
		do {
			const char *name = poppler_fonts_iter_get_name(it);
			const char *shown = name ? name : "(unnamed)";
			const char *base = name ? strip_subset_tag(name) : "";
			if (!poppler_fonts_iter_is_embedded(it)) {
				fprintf(out, "%sfont %s in %s is not embedded\n", prefix, shown, p->role);
				bad = 1;
				continue;
			}
			if (seen)
				name_list_add(seen, base);
			if (allowed && !name_list_has(allowed, base) && !(also && name_list_has(also, base))) {
				fprintf(out, "%sfont %s in %s is not one of the bundled fonts\n", prefix, shown, p->role);
				bad = 1;
			}
		} while (poppler_fonts_iter_next(it));
		poppler_fonts_iter_free(it);
	}
	g_object_unref(fi);
	return bad;
}

/* Pages are compared at most this large: Cairo draws no image wider or taller than 32,767
 * pixels (it gave an empty one, and pages that differ compared the same), and each image
 * of a comparison (two pages, their difference, side by side) is held at once. */
#define DIFF_MAX_SIDE 32767.0
#define DIFF_MAX_PIXELS 40e6

/* The dpi both pages are drawn at: the one asked for, or less for a page too large for it. */
static double page_dpi(PopplerPage *a, PopplerPage *b, double dpi)
{
	double w = 0, h = 0;
	for (int k = 0; k < 2; k++) {
		PopplerPage *pg = k ? b : a;
		if (!pg)
			continue;
		double pw, ph;
		poppler_page_get_size(pg, &pw, &ph);
		w = fmax(w, pw);
		h = fmax(h, ph);
	}
	double px = dpi / 72.0;
	if (w * px > DIFF_MAX_SIDE || h * px > DIFF_MAX_SIDE)
		px = DIFF_MAX_SIDE / fmax(w, h);
	if (w * h * px * px > DIFF_MAX_PIXELS)
		px = sqrt(DIFF_MAX_PIXELS / (w * h));
	return px * 72.0 < dpi ? floor(px * 72.0) : dpi;
}

/* The page at dpi on white: what a reader sees on screen or paper, without transparency. */
static cairo_surface_t *render_page(PopplerPage *pg, double dpi)
{
	double w, h;
	poppler_page_get_size(pg, &w, &h);
	double s = dpi / 72.0;
	int pw = (int)ceil(w * s - 1e-6), ph = (int)ceil(h * s - 1e-6);
	if (pw < 1)
		pw = 1;
	if (ph < 1)
		ph = 1;
	cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cairo_t *cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, s, s);
	poppler_page_render(pg, cr);
	cairo_destroy(cr);
	cairo_surface_flush(surf);
	return surf;
}

typedef struct pixstats {
	long ndiff;
	int maxdelta;
	int first_x, first_y;
	int x0, y0, x1, y1; /* bounding box of the differing pixels */
} pixstats;

static int channel(uint32_t px, int shift)
{
	return (int)((px >> shift) & 0xff);
}

static int luma(uint32_t px)
{
	return (channel(px, 16) * 299 + channel(px, 8) * 587 + channel(px, 0) * 114) / 1000;
}

static int pixel_delta(uint32_t a, uint32_t b)
{
	int m = 0;
	for (int sh = 0; sh <= 16; sh += 8) {
		int dd = abs(channel(a, sh) - channel(b, sh));
		if (dd > m)
			m = dd;
	}
	return m;
}

/* Counts pixels whose largest channel difference exceeds channel_tol; same-size images only. */
static void compare_pixels(cairo_surface_t *a, cairo_surface_t *b, int channel_tol, pixstats *st)
{
	int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
	int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
	const unsigned char *da = cairo_image_surface_get_data(a), *db = cairo_image_surface_get_data(b);
	memset(st, 0, sizeof *st);
	st->first_x = st->first_y = -1;
	st->x0 = w;
	st->y0 = h;
	st->x1 = st->y1 = -1;
	for (int y = 0; y < h; y++) {
		const uint32_t *ra = (const uint32_t *)(const void *)(da + (size_t)y * sa);
		const uint32_t *rb = (const uint32_t *)(const void *)(db + (size_t)y * sb);
		for (int x = 0; x < w; x++) {
			int dd = pixel_delta(ra[x], rb[x]);
			if (dd <= channel_tol)
				continue;
			if (st->ndiff++ == 0) {
				st->first_x = x;
				st->first_y = y;
			}
			if (dd > st->maxdelta)
				st->maxdelta = dd;
			if (x < st->x0)
				st->x0 = x;
			if (x > st->x1)
				st->x1 = x;
			if (y < st->y0)
				st->y0 = y;
			if (y > st->y1)
				st->y1 = y;
		}
	}
}

/* The golden page faded to a light grey, changed pixels in colour: red where the new page
 * has more ink, blue where it has less; a magenta frame around the changes so that a
 * handful of pixels on a full page is still found at a glance. */
static cairo_surface_t *diff_image(cairo_surface_t *a, cairo_surface_t *b, int channel_tol, const pixstats *st)
{
	int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
	cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
	int so = cairo_image_surface_get_stride(out);
	const unsigned char *da = cairo_image_surface_get_data(a), *db = cairo_image_surface_get_data(b);
	unsigned char *dout = cairo_image_surface_get_data(out);
	for (int y = 0; y < h; y++) {
		const uint32_t *ra = (const uint32_t *)(const void *)(da + (size_t)y * sa);
		const uint32_t *rb = (const uint32_t *)(const void *)(db + (size_t)y * sb);
		uint32_t *ro = (uint32_t *)(void *)(dout + (size_t)y * so);
		for (int x = 0; x < w; x++) {
			if (pixel_delta(ra[x], rb[x]) > channel_tol) {
				ro[x] = luma(rb[x]) < luma(ra[x]) ? 0xE01010u : 0x1050E0u;
			} else {
				uint32_t g = (uint32_t)(255 - (255 - luma(ra[x])) / 4);
				ro[x] = g << 16 | g << 8 | g;
			}
		}
	}
	cairo_surface_mark_dirty(out);
	if (st->ndiff > 0) {
		cairo_t *cr = cairo_create(out);
		cairo_set_source_rgb(cr, 0.85, 0, 0.85);
		cairo_set_line_width(cr, 2);
		cairo_rectangle(cr, st->x0 - 4, st->y0 - 4, st->x1 - st->x0 + 9, st->y1 - st->y0 + 9);
		cairo_stroke(cr);
		cairo_destroy(cr);
		cairo_surface_flush(out);
	}
	return out;
}

/* Golden on the left, new on the right, on a mid-grey ground that marks the page edges. */
static cairo_surface_t *side_by_side(cairo_surface_t *a, cairo_surface_t *b)
{
	const int gap = 12;
	int wa = a ? cairo_image_surface_get_width(a) : 0, ha = a ? cairo_image_surface_get_height(a) : 0;
	int wb = b ? cairo_image_surface_get_width(b) : 0, hb = b ? cairo_image_surface_get_height(b) : 0;
	if (!a)
		wa = wb;
	if (!b)
		wb = wa;
	cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_RGB24, wa + gap + wb, ha > hb ? ha : hb);
	cairo_t *cr = cairo_create(out);
	cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
	cairo_paint(cr);
	if (a) {
		cairo_set_source_surface(cr, a, 0, 0);
		cairo_paint(cr);
	}
	if (b) {
		cairo_set_source_surface(cr, b, wa + gap, 0);
		cairo_paint(cr);
	}
	cairo_destroy(cr);
	cairo_surface_flush(out);
	return out;
}

typedef struct imgout {
	const char *dir; /* NULL: write nothing */
	int made;        /* dir created */
	int failed;
	diag *d;
} imgout;

static void write_png(imgout *io, cairo_surface_t *s, int page, const char *what)
{
	if (!io->dir || !s || io->failed)
		return;
	if (!io->made) {
		if (g_mkdir_with_parents(io->dir, 0777) != 0) {
			diag_error(io->d, loc_at(io->dir, 0, 0), "cannot create the directory");
			io->failed = 1;
			return;
		}
		io->made = 1;
	}
	char *name = xasprintf("p%d-%s.png", page, what);
	char *path = path_join(io->dir, name);
	cairo_status_t stt = cairo_surface_write_to_png(s, path);
	if (stt != CAIRO_STATUS_SUCCESS) {
		diag_error(io->d, loc_at(path, 0, 0), "cannot write: %s", cairo_status_to_string(stt));
		io->failed = 1;
	}
	free(path);
	free(name);
}

/* About 40 bytes of s from off, on UTF-8 boundaries, white space shown as single spaces. */
static void excerpt(strbuf *sb, const char *s, size_t off)
{
	size_t n = 0, i = off;
	int space = 0;
	sb_putc(sb, '"');
	while (s[i] && n < 40) {
		unsigned char c = (unsigned char)s[i];
		if (isspace(c)) {
			if (!space)
				sb_putc(sb, ' ');
			space = 1;
			i++;
			n++;
			continue;
		}
		space = 0;
		size_t len = 1;
		while (s[i + len] && ((unsigned char)s[i + len] & 0xC0) == 0x80)
			len++;
		sb_append(sb, s + i, len);
		i += len;
		n += len;
	}
	if (s[i])
		sb_puts(sb, "…");
	sb_putc(sb, '"');
}

/* "text differs: "old words" → "new words"", from the start of the first changed word. */
static void text_change(strbuf *sb, const char *a, const char *b)
{
	size_t i = 0;
	while (a[i] && a[i] == b[i])
		i++;
	while (i > 0 && !isspace((unsigned char)a[i - 1]))
		i--;
	sb_puts(sb, "text differs: ");
	excerpt(sb, a, i);
	sb_puts(sb, " → ");
	excerpt(sb, b, i);
}

static void part(strbuf *line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void part(strbuf *line, const char *fmt, ...)
{
	if (line->len)
		sb_puts(line, "; ");
	va_list ap;
	va_start(ap, fmt);
	char *s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	sb_puts(line, s);
	g_free(s);
}

/* Compares page i (0-based) of both files; prints one line if anything differs. */
static int compare_page(pdf *a, pdf *b, int i, const pdfdiff_opts *o, imgout *io, FILE *out, const char *prefix)
{
	PopplerPage *pa = i < a->npages ? poppler_document_get_page(a->doc, i) : NULL;
	PopplerPage *pb = i < b->npages ? poppler_document_get_page(b->doc, i) : NULL;
	strbuf line = {0};
	cairo_surface_t *ia = NULL, *ib = NULL;
	int differ = 0;
	double dpi = page_dpi(pa, pb, o->dpi);
	if (dpi < o->dpi)
		part(&line, "compared at %g dpi (the page is too large for %g)", dpi, o->dpi);
	if (!pa || !pb) {
		part(&line, "only in %s", pa ? a->role : b->role);
		differ = 1;
		if (io->dir) {
			ia = pa ? render_page(pa, dpi) : NULL;
			ib = pb ? render_page(pb, dpi) : NULL;
		}
	} else {
		double wa, ha, wb, hb;
		poppler_page_get_size(pa, &wa, &ha);
		poppler_page_get_size(pb, &wb, &hb);
		int same_size = fabs(wa - wb) < 0.01 && fabs(ha - hb) < 0.01;
		if (!same_size) {
			part(&line, "size %gx%g pt → %gx%g pt", wa, ha, wb, hb);
			differ = 1;
		}
		char *ta = poppler_page_get_text(pa), *tb = poppler_page_get_text(pb);
		ia = render_page(pa, dpi);
		ib = render_page(pb, dpi);
		pixstats st = {0};
		if (same_size) {
			compare_pixels(ia, ib, o->channel_tol, &st);
			if (st.ndiff > o->pixel_tol) {
				part(&line, "%ld px differ (max delta %d), first at (%d,%d)", st.ndiff, st.maxdelta, st.first_x,
				     st.first_y);
				differ = 1;
			}
		}
		if (strcmp(ta ? ta : "", tb ? tb : "") != 0) {
			strbuf t = {0};
			text_change(&t, ta ? ta : "", tb ? tb : "");
			part(&line, "%s", t.data);
			sb_free(&t);
			differ = 1;
		}
		if (differ && same_size && io->dir) {
			cairo_surface_t *dimg = diff_image(ia, ib, o->channel_tol, &st);
			write_png(io, dimg, i + 1, "diff");
			cairo_surface_destroy(dimg);
		}
		g_free(ta);
		g_free(tb);
	}
	if (differ) {
		fprintf(out, "%spage %d: %s\n", prefix, i + 1, line.data);
		write_png(io, ia, i + 1, "golden");
		write_png(io, ib, i + 1, "new");
		if (io->dir) {
			cairo_surface_t *sbs = side_by_side(ia, ib);
			write_png(io, sbs, i + 1, "sbs");
			cairo_surface_destroy(sbs);
		}
	}
	if (ia)
		cairo_surface_destroy(ia);
	if (ib)
		cairo_surface_destroy(ib);
	sb_free(&line);
	if (pa)
		g_object_unref(pa);
	if (pb)
		g_object_unref(pb);
	return differ;
}

int pdfdiff_compare(const char *apath, const char *bpath, const pdfdiff_opts *o, FILE *out, diag *d, int *bytes_same)
{
	pdf a = {0}, b = {0};
	int status = 2;
	name_list fonts = {0};
	int have_fonts = 0;
	char *prefix = o->label && *o->label ? xasprintf("%s: ", o->label) : xstrdup("");
	if (bytes_same)
		*bytes_same = 0;
	if (pdf_read(&a, apath, "golden", d) != 0 || pdf_read(&b, bpath, "new", d) != 0)
		goto done;
	/* Tier 1: identical bytes need no parsing at all. */
	if (a.len == b.len && memcmp(a.data, b.data, a.len) == 0) {
		if (bytes_same)
			*bytes_same = 1;
		status = 0;
		goto done;
	}
	if (pdf_open(&a, d) != 0 || pdf_open(&b, d) != 0)
		goto done;
	if (o->fonts_dir) {
		if (load_font_names(o->fonts_dir, &fonts, d) != 0)
			goto done;
		have_fonts = 1;
	}
	/* Tier 2 and 3, page by page: structure and pixels together, so that each page's
	 * report is one line and its images are rendered once. */
	int differ = 0;
	if (a.npages != b.npages) {
		fprintf(out, "%spages: %d → %d\n", prefix, a.npages, b.npages);
		differ = 1;
	}
	/* the golden's fonts are the reference: a font it has too is no regression (a PDF
	 * figure's own fonts, which cairo embeds under names of its own, "CairoFont-0-0") */
	name_list golden_fonts = {0};
	differ |= check_fonts(&a, NULL, NULL, &golden_fonts, out, prefix);
	differ |= check_fonts(&b, have_fonts ? &fonts : NULL, &golden_fonts, NULL, out, prefix);
	name_list_free(&golden_fonts);
	imgout io = {o->out_dir, 0, 0, d};
	int n = a.npages > b.npages ? a.npages : b.npages;
	for (int i = 0; i < n; i++)
		differ |= compare_page(&a, &b, i, o, &io, out, prefix);
	if (!differ && o->strict) {
		fprintf(out, "%sbytes differ (pages, text, fonts and pixels match)\n", prefix);
		differ = 1;
	}
	status = io.failed ? 2 : differ;
done:
	fflush(out);
	name_list_free(&fonts);
	pdf_close(&a);
	pdf_close(&b);
	free(prefix);
	return status;
}
