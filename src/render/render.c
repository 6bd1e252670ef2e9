/* render.c: one page onto a Cairo context: a draft's watermark, decorations, running heads
 * and banners, the lines placed by the flow, and (for PDF) links and link targets. */
#include "render/render.h"

#include "render/links.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "typeset/rich.h"
#include "typeset/shape.h"

static void set_rgb(cairo_t *cr, rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Appends the value of a running-head field on page (0-based); 0 when field is -1, a name
 * that is no field, which is then printed as written. */
static int put_field(strbuf *sb, const doc *dc, int field, int page)
{
	const brief *b = dc->b;
	switch (field) {
	case HEAD_TITLE:
		sb_puts(sb, dc->title_text ? dc->title_text : "");
		return 1;
	case HEAD_DATE:
		sb_puts(sb, dc->date_text);
		return 1;
	case HEAD_CLASSIFICATION:
		sb_puts(sb, b->classification ? b->classification : "");
		return 1;
	case HEAD_AUTHOR:
		sb_puts(sb, dc->author_text ? dc->author_text : "");
		return 1;
	case HEAD_CONTROL:
		sb_puts(sb, b->control ? b->control : "");
		return 1;
	case HEAD_PAGE:
		sb_printf(sb, "%d", page + 1);
		return 1;
	case HEAD_PAGES:
		sb_printf(sb, "%d", dc->npages);
		return 1;
	case HEAD_SECTION: {
		int s = dc->page_section && page < dc->npages ? dc->page_section[page] : -1;
		if (s >= 0)
			sb_puts(sb, dc->outline[s].title);
		return 1;
	}
	}
	return 0;
}

/* A field's place in a running-head template while its own text is made typographic: a
 * private-use character, which the smartener reads as a word. */
#define FIELD_MARK "\xEE\x80\x80"

/* Expands a running-head template for page (0-based). Caller frees. The template's own text
 * is set as analyst text is ("--" a dash, straight quotes curly, as the layout's manual
 * says), the fields' places held so that a mark beside a field opens or closes as it
 * should; the fields are set already (the title as the title is). */
static char *expand_template(const doc *dc, const char *tpl, int page)
{
	strbuf masked = {0};
	sb_puts(&masked, "");
	char **fields = xcalloc(strlen(tpl) / 2 + 1, sizeof *fields);
	size_t nfields = 0;
	for (const char *p = tpl; *p;) {
		const char *e = *p == '{' ? strchr(p, '}') : NULL;
		if (e) {
			strbuf field = {0};
			sb_puts(&field, "");
			if (put_field(&field, dc, style_head_field(p + 1, (size_t)(e - p - 1)), page)) {
				fields[nfields++] = sb_steal(&field);
				sb_puts(&masked, FIELD_MARK);
			} else {
				sb_free(&field);
				sb_append(&masked, p, (size_t)(e - p + 1));
			}
			p = e + 1;
			continue;
		}
		/* "Page 3" should never break between the word and the number */
		if (*p == ' ' && p[1] == '{')
			sb_puts(&masked, "\xC2\xA0");
		else
			sb_putc(&masked, *p);
		p++;
	}
	char *smart = typo_smarten(masked.data, masked.len);
	sb_free(&masked);
	strbuf out = {0};
	sb_puts(&out, "");
	size_t k = 0;
	for (const char *p = smart; *p;) {
		const char *m = strstr(p, FIELD_MARK);
		size_t n = m ? (size_t)(m - p) : strlen(p);
		sb_append(&out, p, n);
		if (!m)
			break;
		if (k < nfields) {
			/* a field inside the template's own quotation marks ("§ "{section}"") takes
			 * single marks for its own, as a quotation inside a quotation does */
			char *f = fields[k++];
			if (typo_open_quotes(smart, (size_t)(m - smart), NULL) > 0)
				typo_nest_quotes(f, strlen(f));
			sb_puts(&out, f);
		} else
			sb_puts(&out, FIELD_MARK); /* typed in the template itself */
		p = m + strlen(FIELD_MARK);
	}
	free(smart);
	for (size_t i = 0; i < nfields; i++)
		free(fields[i]);
	free(fields);
	return sb_steal(&out);
}

/* Letter-spaced text (the banner's tracking) drawn so that text extraction reads its words
 * whole: the gaps tracking puts between the letters are as wide as a word space is to
 * poppler and pdf.js, which then read "UNCLASSI FIED". Each run of the layout is shown as
 * one cluster of all its glyphs, for which Cairo's PDF writes the run's text as one
 * ActualText span; the glyphs are drawn where Pango placed them. */
static void show_tracked(cairo_t *cr, PangoLayout *l, double x, double y)
{
	const char *text = pango_layout_get_text(l);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		if (!run)
			continue;
		PangoRectangle log;
		pango_layout_iter_get_run_extents(it, NULL, &log);
		double base = y + pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
		const PangoGlyphString *gs = run->glyphs;
		cairo_glyph_t *g = xcalloc((size_t)gs->num_glyphs + 1, sizeof *g);
		int n = 0;
		long pen = log.x;
		for (int i = 0; i < gs->num_glyphs; i++) {
			const PangoGlyphInfo *gi = &gs->glyphs[i];
			if (gi->glyph != PANGO_GLYPH_EMPTY && !(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
				g[n].index = gi->glyph;
				g[n].x = x + (pen + gi->geometry.x_offset) / (double)PANGO_SCALE;
				g[n].y = base + gi->geometry.y_offset / (double)PANGO_SCALE;
				n++;
			}
			pen += gi->geometry.width;
		}
		if (n > 0) {
			cairo_text_cluster_t cl = {run->item->length, n};
			cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font)));
			cairo_show_text_glyphs(cr, text + run->item->offset, run->item->length, g, n, &cl, 1, 0);
		}
		free(g);
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
}

/* A running head too wide for its share of the line is cut after its last word that fits,
 * followed by an ellipsis ("The Kremlin's view of…", never "The Kremlin's vi…"); the
 * punctuation and spaces before the cut go. Returns 0 when not even one word fits. */
static int cut_at_word(PangoLayout *l, double max_w)
{
	char *whole = g_strdup(pango_layout_get_text(l));
	char *text = g_strdup(whole);
	int ok = 0;
	for (char *sp = strrchr(text, ' '); sp && !ok; sp = strrchr(text, ' ')) {
		*sp = 0;
		size_t n = strlen(text);
		while (n > 0 && strchr(" ,;:-", text[n - 1]))
			text[--n] = 0;
		/* an em or en dash before the cut goes too */
		while (n >= 3 && (!strcmp(text + n - 3, "\xE2\x80\x94") || !strcmp(text + n - 3, "\xE2\x80\x93"))) {
			n -= 3;
			text[n] = 0;
			while (n > 0 && text[n - 1] == ' ')
				text[--n] = 0;
		}
		if (n == 0)
			break;
		/* the marks the cut leaves open close after the ellipsis: a template's own
		 * "{title}" keeps its closing mark (a typed-typography trial) */
		char closers[25];
		typo_open_quotes(text, n, closers);
		char *cut = g_strconcat(text, "\xE2\x80\xA6", closers, NULL);
		pango_layout_set_text(l, cut, -1);
		g_free(cut);
		PangoRectangle log;
		pango_layout_get_extents(l, NULL, &log);
		ok = log.width <= max_w * PANGO_SCALE;
	}
	if (!ok)
		pango_layout_set_text(l, whole, -1);
	g_free(whole);
	g_free(text);
	return ok;
}
/* A line of text in role f, as drawn outside the flow (banners, running heads). */
static PangoLayout *text_layout(PangoContext *ctx, const font_role *f, const char *text)
{
	PangoLayout *l = pango_layout_new(ctx);
	pango_layout_set_auto_dir(l, FALSE); /* fonts_context_new: left to right */
	PangoFontDescription *fd = font_role_desc(f);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	char *t = font_role_text(f, text);
	pango_layout_set_text(l, t, -1);
	free(t);
	if (f->tracking != 0) {
		PangoAttrList *al = pango_attr_list_new();
		pango_attr_list_insert(al, pango_attr_letter_spacing_new((int)(f->tracking * PANGO_SCALE)));
		pango_layout_set_attributes(l, al);
		pango_attr_list_unref(al);
	}
	return l;
}

static double text_width(PangoContext *ctx, const font_role *f, const char *text)
{
	if (!text || !*text)
		return 0;
	PangoLayout *l = text_layout(ctx, f, text);
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	g_object_unref(l);
	return log.width / (double)PANGO_SCALE;
}

/* Text on one line at (x, baseline) aligned left, centre or right of x; when max_w > 0, a
 * line wider than that ends in an ellipsis instead of running over its neighbours or off
 * the page. */
static void draw_text(cairo_t *cr, PangoContext *ctx, const font_role *f, const char *text, double x, double baseline,
		      int align, double max_w)
{
	if (!text || !*text)
		return;
	PangoLayout *l = text_layout(ctx, f, text);
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	if (max_w > 0 && log.width > max_w * PANGO_SCALE && !cut_at_word(l, max_w)) {
		/* not even the first word fits: cut inside it */
		pango_layout_set_width(l, (int)(max_w * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_get_extents(l, NULL, &log);
	double w = log.width / (double)PANGO_SCALE;
	double bl = pango_layout_get_baseline(l) / (double)PANGO_SCALE;
	double left = align == 0 ? x : align == 1 ? x - w / 2 : x - w;
	set_rgb(cr, f->color);
	if (f->tracking != 0 && !pango_layout_is_ellipsized(l)) {
		show_tracked(cr, l, left, baseline - bl);
	} else {
		cairo_move_to(cr, left, baseline - bl);
		pango_cairo_show_layout(cr, l);
	}
	g_object_unref(l);
}

static void running_heads(cairo_t *cr, const doc *dc, PangoContext *ctx, int page, pdf_marks *m)
{
	const style *st = dc->st;
	double left = st->margin_left, right = st->page_w - st->margin_right, mid = (left + right) / 2;
	double top_band = st->margin_top, bottom_band = st->page_h - st->margin_bottom;
	if (st->banners && dc->b->classification) {
		pdf_marks_artifact_of(m, cr, page, ART_HEADER);
		draw_text(cr, ctx, &st->banner, dc->b->classification, st->page_w / 2, top_band * 0.42, 1, 0);
		pdf_marks_artifact_of(m, cr, page, ART_FOOTER);
		draw_text(cr, ctx, &st->banner, dc->b->classification, st->page_w / 2,
			  st->page_h - st->margin_bottom * 0.42 + st->banner.size * 0.7, 1, 0);
	}
	const char *hdr[3] = {st->header_left, st->header_center, st->header_right};
	const char *ftr[3] = {st->footer_left, st->footer_center, st->footer_right};
	double xs[3] = {left, mid, right};
	double hy = top_band - st->small.size * 1.6;
	double fy = bottom_band + st->small.size * 2.6;
	/* each field keeps to its share of the line: all of it alone, a third of it among
	 * three (less a gap between them), beside one other at the far side what that one
	 * leaves */
	char *t[2][3];
	double share[2][3];
	for (int band = 0; band < 2; band++) {
		const char *const *tpl = band == 0 ? hdr : ftr;
		for (int i = 0; i < 3; i++)
			t[band][i] = tpl[i] && *tpl[i] ? expand_template(dc, tpl[i], page) : NULL;
		int n = 0;
		for (int i = 0; i < 3; i++)
			n += t[band][i] && *t[band][i];
		double gap = st->small.size, all = right - left;
		for (int i = 0; i < 3; i++)
			share[band][i] = n <= 1 ? all : (all - 2 * gap) / 3;
		if (n >= 2 && t[band][1] && *t[band][1]) {
			/* a centred field and one or two beside it: the centre takes a third, or
			 * what the sides leave it, and the sides what the centre leaves them (a
			 * long title beside a short page number is not cut at a third) */
			double w0 = text_width(ctx, &st->small, t[band][0]), w2 = text_width(ctx, &st->small, t[band][2]);
			double wc = fmin(text_width(ctx, &st->small, t[band][1]),
					 fmax((all - 2 * gap) / 3, all - 2 * gap - 2 * fmax(w0, w2)));
			share[band][1] = wc;
			share[band][0] = share[band][2] = (all - wc) / 2 - gap;
		} else if (n == 2) {
			/* two at the far sides: each may take what the other leaves, and at least
			 * half (a long title beside a date is not cut short) */
			double w0 = text_width(ctx, &st->small, t[band][0]), w2 = text_width(ctx, &st->small, t[band][2]);
			share[band][0] = fmax((all - gap) / 2, all - gap - w2);
			share[band][2] = fmax((all - gap) / 2, all - gap - w0);
		}
	}
	pdf_marks_artifact_of(m, cr, page, ART_HEADER);
	for (int i = 0; i < 3; i++)
		draw_text(cr, ctx, &st->small, t[0][i], xs[i], hy, i, share[0][i]);
	pdf_marks_artifact_of(m, cr, page, ART_FOOTER);
	for (int i = 0; i < 3; i++) {
		draw_text(cr, ctx, &st->small, t[1][i], xs[i], fy, i, share[1][i]);
		free(t[0][i]);
		free(t[1][i]);
	}
}

/* A draft's watermark: DRAFT across the page's diagonal in light grey, drawn before the
 * text, running heads and rules so that they lie on top of it and read through a
 * photocopy. It comes after the boxes and tints and multiplies with them (never lighter
 * than what is under it), so that it reads across the Key points box and the excerpts
 * instead of being cut off by them. Drawn as outlines, not text: it is a mark on the
 * paper, and copying or searching the handout's text must not meet a DRAFT in the middle
 * of a paragraph. */
static void watermark(cairo_t *cr, const doc *dc, PangoContext *ctx, cairo_operator_t op)
{
	const style *st = dc->st;
	font_role f = st->banner;
	f.size = 100; /* measured at 100pt, then scaled to the diagonal */
	f.tracking = 0;
	f.bold = 1;
	PangoLayout *l = pango_layout_new(ctx);
	pango_layout_set_auto_dir(l, FALSE); /* fonts_context_new: left to right */
	PangoFontDescription *fd = font_role_desc(&f);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, "DRAFT", -1);
	PangoRectangle ink;
	pango_layout_get_extents(l, &ink, NULL);
	double w = ink.width / (double)PANGO_SCALE, h = ink.height / (double)PANGO_SCALE;
	double diagonal = hypot(st->page_w, st->page_h);
	/* three fifths of the diagonal: large enough to be seen at once, clear of the banners */
	double scale = w > 0 ? 0.6 * diagonal / w : 1;
	cairo_save(cr);
	cairo_translate(cr, st->page_w / 2, st->page_h / 2);
	cairo_rotate(cr, -atan2(st->page_h, st->page_w));
	cairo_scale(cr, scale, scale);
	cairo_translate(cr, -(ink.x / (double)PANGO_SCALE + w / 2), -(ink.y / (double)PANGO_SCALE + h / 2));
	/* the layout's path starts at the current point: a point left by what was drawn
	 * before (the Sources' or annex's first lines) would move DRAFT off the diagonal */
	cairo_new_path(cr);
	cairo_move_to(cr, 0, 0);
	pango_cairo_layout_path(cr, l);
	set_rgb(cr, st->watermark);
	cairo_set_operator(cr, op);
	cairo_fill(cr);
	cairo_restore(cr);
	g_object_unref(l);
}

typedef struct frag {
	int used;
	double y0, y1;
	int col, span;
	size_t last; /* its last item */
} frag;

/* Whether the box or frame d goes on after item i, in a later column or page (or the
 * padding that closes it was dropped at a column's top). */
static int deco_goes_on(const doc *dc, size_t i, int d)
{
	return i + 1 < dc->nitems && (dc->items[i + 1].box_deco == d || dc->items[i + 1].deco == d);
}

static void decorations(cairo_t *cr, const doc *dc, int page, size_t first, size_t last, frag *fr)
{
	const style *st = dc->st;
	/* one fragment per decoration and column on this page */
	for (size_t i = first; i < last; i++) {
		const vitem *it = &dc->items[i];
		if (it->page != page || it->kind == V_PAGEBREAK)
			continue;
		/* an item in a box may have a decoration of its own (an excerpt's tint) */
		int groups[2] = {it->box_deco, it->deco};
		for (int g = 0; g < 2; g++) {
			if (groups[g] < 0)
				continue;
			frag *f = &fr[(size_t)groups[g] * 8 + (size_t)(it->col & 7)];
			if (!f->used) {
				f->used = 1;
				f->y0 = it->y;
				f->col = it->col;
				f->span = it->span;
			}
			f->y1 = it->y + it->h;
			f->last = i;
		}
	}
	for (size_t k = 0; k < dc->ndecos * 8; k++) {
		frag *f = &fr[k];
		if (!f->used)
			continue;
		const deco *dd = &dc->decos[k / 8];
		vitem probe = {0};
		probe.col = f->col;
		probe.span = f->span;
		double x = doc_column_x(dc, &probe) + dd->x;
		double h = f->y1 - f->y0;
		switch (dd->kind) {
		case DECO_BOX:
		case DECO_FRAME:
			/* a piece the page or column breaks keeps its padding below its last line, as
			 * the whole box has: the descenders sat on the rule, which an excerpt's tint
			 * inside it covered (a typographer's trial); and the room a wide rule grows
			 * by, which the flow left free (doc_break_room) */
			if (deco_goes_on(dc, f->last, (int)(k / 8))) {
				f->y1 += (dd->kind == DECO_FRAME ? st->frame_padding : st->box_padding) +
					 style_rule_growth(st, 1);
				h = f->y1 - f->y0;
			}
			set_rgb(cr, dd->fill);
			cairo_rectangle(cr, x, f->y0, dd->w, h);
			cairo_fill(cr);
			set_rgb(cr, dd->rule);
			cairo_set_line_width(cr, 2.0);
			cairo_move_to(cr, x, f->y0 + 1);
			cairo_line_to(cr, x + dd->w, f->y0 + 1);
			cairo_stroke(cr);
			cairo_set_line_width(cr, st->rule_width);
			cairo_move_to(cr, x, f->y1 - st->rule_width / 2);
			cairo_line_to(cr, x + dd->w, f->y1 - st->rule_width / 2);
			cairo_stroke(cr);
			break;
		case DECO_RULED:
			/* a hairline frame inside the box's edges, so that it stays within the text */
			set_rgb(cr, st->handling_fill);
			cairo_rectangle(cr, x, f->y0, dd->w, h);
			cairo_fill(cr);
			set_rgb(cr, st->handling_rule);
			cairo_set_line_width(cr, st->rule_width);
			cairo_rectangle(cr, x + st->rule_width / 2, f->y0 + st->rule_width / 2, dd->w - st->rule_width,
					h - st->rule_width);
			cairo_stroke(cr);
			break;
		case DECO_TINT_BAR:
			set_rgb(cr, st->excerpt_tint);
			cairo_rectangle(cr, x, f->y0, dd->w, h);
			cairo_fill(cr);
			/* fall through */
		case DECO_BAR:
			if (dd->bar > 0) {
				set_rgb(cr, dd->kind == DECO_BAR ? st->accent : st->box_rule);
				cairo_rectangle(cr, x, f->y0, dd->bar, h);
				cairo_fill(cr);
			}
			break;
		}
		f->used = 0;
	}
}

/* The tints under a line's highlighted words, as wide as the words and as tall as the line's
 * slot, so that the strokes of lines in a row meet. */
static void line_tints(cairo_t *cr, const doc *dc, const vitem *it, double x0)
{
	const para *p = it->p;
	double x, w;
	set_rgb(cr, dc->st->highlight);
	for (size_t k = 0; k < p->text->ntints; k++)
		if (para_range_x(p, it->line, p->text->tints[k].start, p->text->tints[k].end, &x, &w)) {
			cairo_rectangle(cr, x0 + p->lines[it->line].x + x, it->y, w, p->leading);
			cairo_fill(cr);
		}
}

/* The annex's highlights of the page, before anything else that is drawn on the paper: a
 * draft's watermark then multiplies with them (it reads through a page quoted whole), and
 * no tint covers the descenders of the line above. They are no part of the text. */
static void page_tints(cairo_t *cr, const doc *dc, int page, size_t first, size_t last)
{
	for (size_t i = first; i < last; i++) {
		const vitem *it = &dc->items[i];
		if (it->page == page && it->kind == V_LINE && it->p->text->ntints)
			line_tints(cr, dc, it, doc_column_x(dc, it) + it->x);
	}
}

/* The labels in the margin beside a line (doc.labels). */
static void line_labels(cairo_t *cr, const doc *dc, const vitem *it)
{
	for (size_t k = 0; k < dc->nlabels; k++) {
		const struct doc_label *l = &dc->labels[k];
		if (!doc_label_on(dc, l, it))
			continue;
		para_draw_line(cr, l->p, 0, doc_column_x(dc, it) + l->x, it->y + (it->p->baseline - l->p->baseline));
	}
}

/* What item it draws is a part of: its leaf, in the containers it stands in. */
static void mark_leaf(pdf_marks *m, cairo_t *cr, const doc *dc, const vitem *it, int depth_less, int role, int id)
{
	if (!m)
		return;
	if (role == TAG_NONE || it->repeat) {
		if (it->repeat)
			pdf_marks_artifact_of(m, cr, it->page, ART_PAGINATION);
		else
			pdf_marks_artifact(m, cr);
		return;
	}
	int depth = dc->paths[it->tags].n - depth_less;
	pdf_leaf l = {it->page, it->tags, depth > 0 ? depth : 0, role, id, it->alt, 0, 0, 0, {0}, NULL};
	if (it->kind == V_LINE && it->p && it->p->text->lang)
		l.lang = it->p->text->lang;
	/* where it is drawn: a picture, a line's slot, a table cell's band of its row */
	double x0 = doc_column_x(dc, it) + it->x;
	double w = it->kind == V_IMAGE ? it->w : it->kind == V_ROW ? it->row->w : it->p ? it->p->width : 0;
	if (w > 0 && it->h > 0) {
		l.box[0] = x0;
		l.box[1] = it->y;
		l.box[2] = x0 + w;
		l.box[3] = it->y + it->h;
	}
	pdf_marks_leaf(m, cr, &l);
}

/* A line whose runs of link text are tagged as Link leaves in the line's own. */
typedef struct run_marks {
	pdf_marks *m;
	cairo_t *cr;
	const doc *dc;
	const vitem *it;
} run_marks;

static void mark_run(void *data, size_t start, size_t end)
{
	run_marks *r = data;
	const vitem *it = r->it;
	if (end == start) { /* a hyphen the breaker added */
		pdf_marks_hyphen(r->m, r->cr, it->page);
		return;
	}
	const rich *t = it->p->text;
	int in_link = 0;
	for (size_t k = 0; k < t->nlinks && !in_link && end > start; k++)
		if (start >= t->links[k].start && end <= t->links[k].end)
			in_link = (int)k + 1;
	if (!in_link) {
		mark_leaf(r->m, r->cr, r->dc, it, 0, it->role, it->leaf);
		return;
	}
	pdf_leaf l = {it->page, it->tags, r->dc->paths[it->tags].n, TAG_LINK, in_link, NULL, 0, it->role, it->leaf, {0}, NULL};
	pdf_marks_leaf(r->m, r->cr, &l);
}

/* Line it->line of it->p at x0, tagged as the item's leaf, each run of link text as a Link
 * in it (a Link element holds its text as well as its annotation), and its links added. */
static void draw_tagged_line(cairo_t *cr, const doc *dc, const vitem *it, double x0, pdf_marks *links)
{
	mark_leaf(links, cr, dc, it, 0, it->role, it->leaf);
	if (links && it->role != TAG_NONE && !it->repeat) {
		run_marks rm = {links, cr, dc, it};
		para_draw_line_runs(cr, it->p, it->line, x0, it->y, mark_run, &rm);
	} else {
		para_draw_line(cr, it->p, it->line, x0, it->y);
	}
	if (links && it->p->text->nlinks)
		links_of_line(dc, it, x0, links);
}

/* Whether items a and b are bands of one table in one column of one page. */
static int same_table_frame(const vitem *a, const vitem *b)
{
	return a->kind == V_ROW && b->kind == V_ROW && a->row->table == b->row->table && a->page == b->page &&
	       a->col == b->col;
}

static void hrule(cairo_t *cr, double x, double y, double w, double width)
{
	cairo_rectangle(cr, x, y, w, width);
	cairo_fill(cr);
}

/* The tints of the page's table rows, before any rule or text (as page_tints): a row's
 * tint painted after the rule of the row above covered the rule's edge where both fell in
 * one pixel, so that a hairline under an untinted row vanished on screen and the others
 * came out of differing widths. A row's bands in one column are one rectangle, which
 * leaves no lighter seam between them. They are no part of the text. */
static void table_tints(cairo_t *cr, const doc *dc, int page, size_t first, size_t last)
{
	const style *st = dc->st;
	for (size_t i = first; i < last; i++) {
		const vitem *it = &dc->items[i];
		if (it->page != page || it->kind != V_ROW || !it->row->tint)
			continue;
		const vitem *prev = i > first ? &dc->items[i - 1] : NULL;
		if (prev && same_table_frame(prev, it) && prev->row == it->row)
			continue; /* painted with the row's band above */
		rgb tint = it->row->header ? st->table_head_tint : st->table_tint;
		if (tint.r == 1 && tint.g == 1 && tint.b == 1)
			continue;
		double h = it->h;
		for (size_t k = i + 1; k < last && same_table_frame(&dc->items[k - 1], &dc->items[k]) &&
				       dc->items[k].row == it->row;
		     k++)
			h += dc->items[k].h;
		set_rgb(cr, tint);
		cairo_rectangle(cr, doc_column_x(dc, it) + it->x, it->y, it->row->w, h);
		cairo_fill(cr);
	}
}

/* Band i of a table row: its rules (booktabs: a heavier rule above each piece of
 * the table and below it, a lighter one under the header; rows: hairlines between rows),
 * and line `band` of each of its cells. */
static void draw_band(cairo_t *cr, const doc *dc, size_t i, double x0, pdf_marks *links)
{
	const style *st = dc->st;
	const vitem *it = &dc->items[i];
	const cell_row *row = it->row;
	const vitem *prev = i > 0 ? &dc->items[i - 1] : NULL, *next = i + 1 < dc->nitems ? &dc->items[i + 1] : NULL;
	if (links && it->repeat)
		pdf_marks_artifact_of(links, cr, it->page, ART_PAGINATION);
	else if (links)
		pdf_marks_artifact(links, cr);
	double heavy = st->rule_width, light = heavy / 2, hair = heavy / 4;
	int last_band = it->band + 1 == row->nbands;
	int piece_top = it->band == 0 && !(prev && same_table_frame(prev, it));
	int piece_end = last_band && !(next && same_table_frame(it, next));
	/* the band's edges less the room its row keeps for wide rules: a rule's inner edge
	 * stays where a rule of the default width has it, and a wider one grows outward into
	 * that room (or, where the table breaks, the room the flow left: doc_break_room) */
	double edge_top = it->y + (it->band == 0 ? row->rule_top : 0);
	double edge_foot = it->y + it->h - (last_band ? row->rule_bottom : 0);
	set_rgb(cr, st->table.color);
	if (st->table_rules != TABLE_RULES_NONE) {
		if (piece_top)
			hrule(cr, x0, edge_top - style_rule_growth(st, 1), row->w, heavy);
		if (piece_end)
			hrule(cr, x0, edge_foot + style_rule_growth(st, 1) - heavy, row->w, heavy);
		else if (last_band && row->header)
			hrule(cr, x0, edge_foot + style_rule_growth(st, 0.5) - light, row->w, light);
		else if (last_band && st->table_rules == TABLE_RULES_ROWS)
			hrule(cr, x0, edge_foot + style_rule_growth(st, 0.25) - hair, row->w, hair);
	}
	double top = edge_top + (it->band == 0 ? row->pad : 0);
	for (size_t k = 0; k < row->ncells; k++) {
		const para *p = row->cells[k];
		if (!p && it->band == 0 && links && !it->repeat) {
			/* an empty cell is a TD all the same: else the row's cells fall out of step
			 * with its columns for a screen reader */
			int depth = dc->paths[it->tags].n;
			pdf_leaf l = {it->page, it->tags, depth, row->header ? TAG_TH : TAG_TD, (int)k + 1, NULL, -1, 0, 0, {0}, NULL};
			pdf_marks_empty_leaf(links, &l);
		}
		if (!p || it->band >= p->nlines)
			continue;
		vitem cell = *it;
		cell.p = (para *)p;
		cell.line = it->band;
		cell.y = top;
		cell.role = row->header ? TAG_TH : TAG_TD;
		cell.leaf = (int)k + 1;
		draw_tagged_line(cr, dc, &cell, x0 + row->cell_x[k], links);
	}
}

/* The notes at the feet of the page's columns, each below a short rule. */
static void draw_feet(cairo_t *cr, const doc *dc, int page, pdf_marks *links)
{
	const style *st = dc->st;
	double rule_y[8];
	for (int c = 0; c < 8; c++)
		rule_y[c] = -1;
	for (size_t k = 0; k < dc->nfoot; k++) {
		const struct foot_line *fl = &dc->foot[k];
		if (fl->page != page)
			continue;
		const para *p = dc->notes[fl->note].p;
		vitem probe = {0};
		probe.col = fl->col;
		probe.page = page;
		probe.y = fl->y;
		double x = doc_column_x(dc, &probe);
		int c = fl->col & 7;
		if (rule_y[c] < 0 || fl->y < rule_y[c])
			rule_y[c] = fl->y;
		probe.p = (para *)p;
		probe.line = fl->line;
		probe.role = TAG_NOTE;
		probe.leaf = fl->note + 1;
		draw_tagged_line(cr, dc, &probe, x, links);
	}
	if (links)
		pdf_marks_artifact(links, cr);
	for (int c = 0; c < 8; c++) {
		if (rule_y[c] < 0)
			continue;
		vitem probe = {0};
		probe.col = c;
		set_rgb(cr, st->small.color);
		/* a short rule, as long as a fifth of the column, halfway into the gap above */
		cairo_rectangle(cr, doc_column_x(dc, &probe), rule_y[c] - st->small.leading / 2, dc->col_w / 5, 0.5);
		cairo_fill(cr);
	}
}

void render_page(cairo_t *cr, const doc *dc, PangoContext *ctx, int page, pdf_marks *links)
{
	const style *st = dc->st;
	cairo_save(cr);
	set_rgb(cr, (rgb){1, 1, 1});
	/* a paint that covers the page drops what cairo recorded before it: a tag begun
	 * there would be lost and its end left unmatched */
	cairo_paint(cr);
	/* PostScript and SVG have no blend mode in cairo: it would draw the whole page as an
	 * image (3 s and a 300 dpi picture a page). There the watermark goes first, under the
	 * tints, which then cover it. */
	cairo_surface_type_t type = cairo_surface_get_type(cairo_get_target(cr));
	int multiply = type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_IMAGE;
	if (dc->b->draft && !multiply)
		watermark(cr, dc, ctx, CAIRO_OPERATOR_OVER);
	size_t first = dc->page_first[page], last = dc->page_end[page];
	frag *fr = xcalloc(dc->ndecos * 8 + 1, sizeof *fr);
	decorations(cr, dc, page, first, last, fr);
	free(fr);
	page_tints(cr, dc, page, first, last);
	table_tints(cr, dc, page, first, last);
	if (dc->b->draft && multiply) {
		pdf_marks_artifact_of(links, cr, page, ART_WATERMARK);
		watermark(cr, dc, ctx, CAIRO_OPERATOR_MULTIPLY);
	}
	running_heads(cr, dc, ctx, page, links);
	int text_order = -1; /* the page's last item that is no float: where its notes stand */
	size_t float_end = 0;
	for (size_t i = first; i < last; i++) {
		const vitem *it = &dc->items[i];
		if (it->float_items > 0)
			float_end = i + (size_t)it->float_items;
		if (it->page != page)
			continue;
		if (i >= float_end)
			text_order = (int)i;
		if (links)
			links->order = (int)i;
		double x0 = doc_column_x(dc, it) + it->x;
		if (it->kind == V_RULE) {
			mark_leaf(links, cr, dc, it, 0, TAG_NONE, 0);
			set_rgb(cr, st->accent);
			cairo_rectangle(cr, x0, it->y, it->w, it->h);
			cairo_fill(cr);
		} else if (it->kind == V_ROW) {
			draw_band(cr, dc, i, x0, links);
		} else if (it->kind == V_IMAGE) {
			mark_leaf(links, cr, dc, it, 0, it->role, it->leaf);
			int fig = links && image_has_form(it->img) && links->nfigures < 65536 ? pdf_marks_figure(links, it->img) : -1;
			if (fig >= 0)
				image_draw_standin(cr, it->img, links->figures[fig].standin, x0, it->y, it->w, it->h);
			else
				image_draw(cr, it->img, x0, it->y, it->w, it->h);
		} else if (it->kind == V_LINE) {
			if (dc->nlabels) {
				/* the annex's margin numbers are no part of the text */
				if (links)
					pdf_marks_artifact(links, cr);
				line_labels(cr, dc, it);
			}
			if (it->marker) {
				/* a list item's label stands in its LI, beside its LBody */
				int in_body = dc->paths[it->tags].n > 0 &&
					      dc->paths[it->tags].v[dc->paths[it->tags].n - 1].role == TAG_LBODY;
				mark_leaf(links, cr, dc, it, in_body, in_body ? TAG_LBL : it->role, in_body ? 1 : it->leaf);
				double mx = doc_column_x(dc, it) + it->marker_x;
				double my = it->y + (it->p->baseline - it->marker->baseline);
				/* a number in its text's own element is a word of it: a space after */
				if (in_body)
					para_draw_line(cr, it->marker, 0, mx, my);
				else
					para_draw_line_spaced(cr, it->marker, 0, mx, my);
			}
			draw_tagged_line(cr, dc, it, x0, links);
		}
	}
	/* the notes at the columns' feet after the text, in reading order */
	if (links)
		links->order = text_order;
	draw_feet(cr, dc, page, links);
	if (links)
		pdf_marks_artifact(links, cr);
	cairo_restore(cr);
}
