/* para.c: paragraph → lines. Lines are placed one by one on a fixed leading grid so that
 * pages can break between any two of them; which words go on which line is decided by
 * linebreak.c (justified text) or by Pango. */
#include "typeset/para.h"

#include <ctype.h>
#include <math.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "typeset/line_cache.h"
#include "typeset/ties.h"

/* s[0, n) in capitals where a letter's capital takes as many bytes (é → É, д → Д; not ß),
 * so that what points into the text (attributes, links, notes) still does. */
static void capitals_in_place(char *s, size_t n)
{
	for (char *c = s; c < s + n;) {
		gunichar u = g_utf8_get_char_validated(c, (gssize)(s + n - c));
		if (u == (gunichar)-1 || u == (gunichar)-2) {
			c++;
			continue;
		}
		int len = g_unichar_to_utf8(u, NULL);
		gunichar up = g_unichar_toupper(u);
		if (up != u && g_unichar_to_utf8(up, NULL) == len)
			g_unichar_to_utf8(up, c);
		c += len;
	}
}

char *font_role_text(const font_role *f, const char *text)
{
	char *t = xstrdup(text);
	if (f->caps)
		capitals_in_place(t, strlen(t));
	return t;
}

/* Pango's breaker knows nothing of ties or citations: it may break a number from its unit,
 * or a citation from its word ("Washington." / "1 ¶1" on a line of its own: a layouts
 * trial). No break in a superscript, nor before it, nor at a tied space. */
static void keep_together(PangoAttrList *attrs, const char *text, size_t len)
{
	GArray *keep = g_array_new(FALSE, FALSE, sizeof(guint)); /* start, end, start, end... */
	PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
	do {
		PangoAttribute *rise = pango_attr_iterator_get(it, PANGO_ATTR_RISE);
		if (rise && ((PangoAttrInt *)rise)->value > 0 && rise->start_index > 0 && rise->start_index <= len) {
			const char *before = g_utf8_find_prev_char(text, text + rise->start_index);
			if (before && *before != ' ') {
				guint range[2] = {(guint)(before - text), rise->end_index};
				g_array_append_vals(keep, range, 2);
			}
		}
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	/* Pango clears the breaks strictly inside a range: from the space through the
	 * character after the next */
	for (size_t i = 1; i + 1 < len; i++)
		if (text[i] == ' ' && ties_space(text, 0, len, i)) {
			guint range[2] = {(guint)i, (guint)(g_utf8_next_char(text + i + 1) - text)};
			g_array_append_vals(keep, range, 2);
		}
	for (guint k = 0; k + 1 < keep->len; k += 2) {
		PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
		a->start_index = g_array_index(keep, guint, k);
		a->end_index = g_array_index(keep, guint, k + 1);
		pango_attr_list_insert(attrs, a);
	}
	g_array_free(keep, TRUE);
}

/* Reports (at at) the characters of layout l's text the fonts lack; returns how many. */
static int report_missing(PangoLayout *l, const char *text, loc at, diag *d)
{
	uint32_t seen[SHAPE_MAX_MISSING];
	int nseen = 0;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		if (run)
			shape_check_glyphs(run->glyphs, text, run->item->offset, seen, &nseen);
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	shape_report_missing(seen, nseen, at, d);
	return nseen;
}

static void pango_lines(para_engine *e, para *p, const para_spec *spec, loc at, diag *d)
{
	PangoLayout *l = pango_layout_new(e->ctx);
	pango_layout_set_auto_dir(l, FALSE); /* fonts_context_new: left to right */
	p->layout = l;
	PangoFontDescription *fd = font_role_desc(spec->font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, p->text->text.data, (int)p->text->text.len);
	PangoAttrList *attrs = p->text->attrs ? pango_attr_list_copy(p->text->attrs) : pango_attr_list_new();
	if (spec->font->tracking != 0)
		pango_attr_list_insert_before(attrs, pango_attr_letter_spacing_new((int)(spec->font->tracking * PANGO_SCALE)));
	keep_together(attrs, p->text->text.data, p->text->text.len);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_width(l, (int)(spec->width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_indent(l, (int)(spec->indent * PANGO_SCALE));
	pango_layout_set_justify(l, spec->align == ALIGN_JUSTIFY);
	pango_layout_set_alignment(l, spec->align == ALIGN_CENTER  ? PANGO_ALIGN_CENTER
				      : spec->align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
								   : PANGO_ALIGN_LEFT);
	report_missing(l, p->text->text.data, at, d);

	int n = pango_layout_get_line_count(l);
	p->lines = xcalloc((size_t)n, sizeof *p->lines);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	size_t i = 0;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		p->lines[i].x = logical.x / (double)PANGO_SCALE;
		p->lines[i].width = logical.width / (double)PANGO_SCALE;
		p->lines[i].start = line->start_index;
		p->lines[i].len = line->length;
		i++;
	} while (i < (size_t)n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->nlines = i;
}

static void lines_free(para_line *lines, size_t n)
{
	lines_clear(lines, 0, n);
	free(lines);
}

/* Whether text set on one line in font f could be wider than Pango's breaker can sum
 * (PARA_PANGO_MAX_WIDTH): every character taken as wide as 1.5 em and its letter spacing.
 * Under the byte limit this holds only for large or letter-spaced type (a hostile trial:
 * 50 KB at 40 pt, tracked 20 pt, came out as one line of two words and no error). */
static int pango_width_unsafe(const rich *text, const font_role *f)
{
	double chars = (double)g_utf8_strlen(text->text.data, (gssize)text->text.len);
	return chars * (1.5 * f->size + fabs(f->tracking)) > PARA_PANGO_MAX_WIDTH;
}

para *paragraph_layout(para_engine *e, rich *text, const para_spec *spec, loc at, diag *d)
{
	para *p = xcalloc(1, sizeof *p);
	p->text = text;
	if (spec->font->caps) /* a role set in capitals (fonts.ROLE.caps), whatever it is */
		capitals_in_place(text->text.data, text->text.len);
	p->width = spec->width;
	p->color = spec->font->color;
	p->leading = spec->leading > 0 ? spec->leading : spec->font->leading;
	p->spec = *spec;

	/* One baseline position for every line, from the base font's metrics, so that lines
	 * with superscripts or bold words sit on the same grid as the rest. */
	double asc, desc;
	shape_font_extents(e, spec->font, &asc, &desc);
	p->baseline = (p->leading - (asc + desc)) / 2 + asc;

	/* Pango's breaker sums a paragraph's width in 32-bit units and drops all but a line of
	 * one wider than about two million points: a long paragraph goes through ours whatever
	 * the layout asks, and one that cannot (right-to-left or letter-spaced text) is refused
	 * rather than set with text missing */
	int too_long = text->text.len > PARA_PANGO_MAX_BYTES || pango_width_unsafe(text, spec->font);
	int loose = 0, said = d ? d->errors + d->warnings : 0;
	if ((spec->optimal || too_long) && text->text.len > 0 && e->lines &&
	    line_cache_get(e->lines, p->text, spec, &p->lines, &p->nlines, &p->fallback)) {
		p->optimal = 1;
		if (p->fallback) {
			p->spec.align = ALIGN_LEFT;
			p->spec.rag_hyphens = 1;
		}
		return p;
	}
	if ((spec->optimal || too_long) && text->text.len > 0 &&
	    linebreak_optimal(e, p->text, spec, at, d, &p->lines, &p->nlines, &loose) == 0) {
		p->optimal = 1;
		/* justified text that cannot be set without a hole between words (a hyphenated
		 * compound, a long name or URL in a narrow column) is set ragged: a paragraph
		 * with an uneven edge reads better than one with a gap across its line */
		if (loose) {
			para_spec ragged = *spec;
			ragged.align = ALIGN_LEFT;
			ragged.rag_hyphens = RAG_HYPHENS_ALL;
			para_line *lines;
			size_t nlines;
			if (linebreak_optimal(e, p->text, &ragged, loc_none(), NULL, &lines, &nlines, NULL) == 0) {
				lines_free(p->lines, p->nlines);
				p->lines = lines;
				p->nlines = nlines;
				p->spec = ragged;
				p->fallback = 1;
			}
		}
		/* a paragraph with something to say (a missing glyph) says it again next time */
		if (e->lines && (!d || d->errors + d->warnings == said))
			line_cache_put(e->lines, p->text, spec, p->lines, p->nlines, p->fallback);
		return p;
	}
	if (too_long) {
		/* right-to-left or letter-spaced text, or what the total-fit breaker gave up on */
		if (text->text.len > PARA_PANGO_MAX_BYTES)
			diag_error(d, at,
				   "this paragraph of %zu KiB goes to Pango's line breaker (as right-to-left or "
				   "letter-spaced text does, or text mkbrief's cannot break), which takes at most %d KiB",
				   text->text.len / 1024, PARA_PANGO_MAX_BYTES / 1024);
		else
			diag_error(d, at,
				   "this paragraph of %zu KiB in %.4g pt type goes to Pango's line breaker (as "
				   "right-to-left or letter-spaced text does, or text mkbrief's cannot break), which "
				   "takes at most about %.0f KiB of it",
				   text->text.len / 1024, spec->font->size,
				   PARA_PANGO_MAX_WIDTH / (1.5 * spec->font->size + fabs(spec->font->tracking)) / 1024);
		rich_free(p->text);
		p->text = rich_new();
	}
	pango_lines(e, p, spec, at, d);
	return p;
}

int para_check_glyphs(para_engine *e, const char *text, const font_role *f, loc at, diag *d)
{
	PangoLayout *l = pango_layout_new(e->ctx);
	pango_layout_set_auto_dir(l, FALSE); /* fonts_context_new: left to right */
	PangoFontDescription *fd = font_role_desc(f);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text, -1);
	int nseen = report_missing(l, text, at, d);
	g_object_unref(l);
	return nseen;
}

/* para_measure, and each word's width appended to words when not NULL. */
static void measure_words(para_engine *e, const rich *text, const font_role *f, double *min_w, double *max_w,
			  GArray *words)
{
	*min_w = *max_w = 0;
	if (text->text.len == 0)
		return;
	PangoLayout *l = pango_layout_new(e->ctx);
	pango_layout_set_auto_dir(l, FALSE); /* fonts_context_new: left to right */
	PangoFontDescription *fd = font_role_desc(f);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text->text.data, (int)text->text.len);
	pango_layout_set_attributes(l, text->attrs);
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	*max_w = logical.width / (double)PANGO_SCALE;
	/* a line per word: each as wide as its word, whatever the (too small) width; words
	 * tied by a space the breaker never breaks at (ties.c: "1,000 MW") are one word, as
	 * a no-break space */
	GString *tied = g_string_new_len(text->text.data, (gssize)text->text.len);
	PangoAttrList *attrs = pango_attr_list_copy(text->attrs);
	for (size_t i = text->text.len; i-- > 0;)
		if (tied->str[i] == ' ' && ties_space(text->text.data, 0, text->text.len, i)) {
			g_string_erase(tied, (gssize)i, 1);
			g_string_insert(tied, (gssize)i, "\xC2\xA0");
			if (attrs)
				pango_attr_list_update(attrs, (int)i, 1, 2);
		}
	pango_layout_set_text(l, tied->str, (int)tied->len);
	pango_layout_set_attributes(l, attrs);
	if (attrs)
		pango_attr_list_unref(attrs);
	g_string_free(tied, TRUE);
	pango_layout_set_width(l, 1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		double w = logical.width / (double)PANGO_SCALE;
		if (w > *min_w)
			*min_w = w;
		if (words)
			g_array_append_val(words, w);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
}

void para_measure(para_engine *e, const rich *text, const font_role *f, double *min_w, double *max_w)
{
	measure_words(e, text, f, min_w, max_w, NULL);
}

void para_measure_words(para_engine *e, const rich *text, const font_role *f, double *min_w, double *max_w,
			GArray *words)
{
	measure_words(e, text, f, min_w, max_w, words);
}

double para_min_break(para_engine *e, const rich *text, const font_role *f, int hyphenate, double *numbers)
{
	/* as a narrow table cell is set: ragged, its words hyphenated when wider than the cell */
	para_spec spec = {f, 1, 0, ALIGN_LEFT, 0, 1, hyphenate, 0, RAG_HYPHENS_WIDE};
	double w = linebreak_min_width(e, text, &spec, numbers);
	if (w < 0) {
		double hi;
		para_measure(e, text, f, &w, &hi);
	}
	return w;
}

/* Sets p again with `change` lines more (+1) or fewer (-1), or leaves it as it was. */
static int para_relength(para_engine *e, para *p, int change)
{
	if (!p->optimal || p->spec.align != ALIGN_JUSTIFY || p->nlines < 2)
		return -1;
	para_line *lines = NULL;
	size_t nlines = 0;
	int want = (int)p->nlines + change;
	int rc = change < 0 ? linebreak_tighter(e, p->text, &p->spec, want, &lines, &nlines)
			    : linebreak_looser(e, p->text, &p->spec, want, &lines, &nlines);
	if (rc != 0 || (int)nlines != want) {
		lines_free(lines, nlines);
		return -1;
	}
	lines_free(p->lines, p->nlines);
	p->lines = lines;
	p->nlines = nlines;
	if (change < 0)
		e->tightened++;
	else
		e->loosened++;
	return 0;
}

int para_tighten(para_engine *e, para *p)
{
	return para_relength(e, p, -1);
}

int para_loosen(para_engine *e, para *p)
{
	return para_relength(e, p, +1);
}

/* The line of p that holds byte `at` of its text (the last line holds its end). */
static size_t line_of(const para_line *lines, size_t nlines, size_t at)
{
	size_t i = 0;
	while (i + 1 < nlines && at >= (size_t)(lines[i].start + lines[i].len))
		i++;
	return i;
}

/* The loosest spacing of lines but the last. */
static double worst_ratio(const para_line *lines, size_t nlines)
{
	double worst = 0;
	for (size_t i = 0; i + 1 < nlines; i++)
		if (lines[i].ratio > worst)
			worst = lines[i].ratio;
	return worst;
}

int para_unhyphenate_line(para_engine *e, para *p, size_t line)
{
	if (!p->optimal || p->spec.align != ALIGN_JUSTIFY || line + 1 >= p->nlines || !p->lines[line].hyphenated)
		return -1;
	/* a paragraph with a word cut anywhere (wider than the line) was set by the breaker's
	 * last passes, which linebreak_whole_line does not reach: it would fail, after setting
	 * the whole paragraph again at every column it runs over (a word of 200,000 letters
	 * alone in its paragraph took 17 s, and 400,000 letters 71 s) */
	for (size_t i = 0; i < p->nlines; i++)
		if (p->lines[i].cut)
			return -1;
	para_line *lines = NULL;
	size_t nlines = 0;
	int rc = linebreak_whole_line(e, p->text, &p->spec, (int)p->nlines, (int)line, &lines, &nlines);
	/* no looser than the paragraph is already, or than a space a quarter wider: a word
	 * broken across the turn costs less than a hole; notes keep the lines that mark them
	 * (their text is placed at the foot of the column their line is in) */
	int ok = rc == 0 && nlines == p->nlines && !lines[line].hyphenated &&
		 worst_ratio(lines, nlines) <= fmax(worst_ratio(p->lines, p->nlines), UNHYPHENATE_RATIO) + 1e-9;
	for (size_t k = 0; ok && k < p->text->nnotes; k++) {
		size_t at = p->text->notes[k].at;
		ok = line_of(lines, nlines, at) == line_of(p->lines, p->nlines, at);
	}
	if (!ok) {
		lines_free(lines, nlines);
		return -1;
	}
	lines_free(p->lines, p->nlines);
	p->lines = lines;
	e->unhyphenated++;
	return 0;
}

void para_free(para *p)
{
	if (!p)
		return;
	if (p->layout)
		g_object_unref(p->layout);
	lines_free(p->lines, p->nlines);
	rich_free(p->text);
	free(p);
}

void para_drop_glyphs(para *p)
{
	if (p->layout) {
		g_object_unref(p->layout);
		p->layout = NULL;
	}
	lines_clear(p->lines, 0, p->nlines);
	for (size_t i = 0; i < p->nlines; i++) {
		p->lines[i].pieces = NULL;
		p->lines[i].npieces = 0;
	}
	p->dropped = 1;
}

/* The first edge of a link's text strictly inside piece pc ("goal—he" where a highlight
 * begins at "he"), as a byte offset of the text, or -1: its two parts are tagged apart. */
static int link_edge_inside(const para *p, const para_piece *pc)
{
	int a = pc->gi.item->offset, b = a + pc->gi.item->length, edge = -1;
	for (size_t i = 0; i < p->text->nlinks; i++) {
		int e[2] = {(int)p->text->links[i].start, (int)p->text->links[i].end};
		for (int j = 0; j < 2; j++)
			if (e[j] > a && e[j] < b && (edge < 0 || e[j] < edge))
				edge = e[j];
	}
	return edge;
}

/* Draws gi, all or part of piece pc, from x on the baseline base, in the piece's colour and
 * glyph expansion; gi NULL: the piece's own glyphs (a hyphen the breaker added is a glyph
 * string with no text behind it). */
static void show_piece(cairo_t *cr, const para *p, const para_piece *pc, PangoGlyphItem *gi, double x, double base)
{
	if (pc->has_color)
		cairo_set_source_rgb(cr, pc->r, pc->g, pc->b);
	else
		cairo_set_source_rgb(cr, p->color.r, p->color.g, p->color.b);
	int scaled = pc->scale > 0 && pc->scale != 1;
	if (scaled) {
		cairo_save(cr);
		cairo_translate(cr, x, base - pc->rise);
		cairo_scale(cr, pc->scale, 1);
		cairo_move_to(cr, 0, 0);
	} else {
		cairo_move_to(cr, x, base - pc->rise);
	}
	if (gi)
		pango_cairo_show_glyph_item(cr, p->text->text.data, gi);
	else if (pc->hyphen)
		pango_cairo_show_glyph_string(cr, pc->gi.item->analysis.font, pc->gi.glyphs);
	else
		pango_cairo_show_glyph_item(cr, p->text->text.data, (PangoGlyphItem *)&pc->gi);
	if (scaled)
		cairo_restore(cr);
}

/* Piece pc drawn in parts cut at the link edges inside it, each announced to before() on
 * its own (para_draw_line_runs with a link's edge inside a word). */
static void draw_piece_parts(cairo_t *cr, const para *p, const para_piece *pc, double x0, double base, int cut,
			     para_run_fn *before, void *data)
{
	PangoGlyphItem *rest = pango_glyph_item_copy((PangoGlyphItem *)&pc->gi);
	double scale = pc->scale > 0 ? pc->scale : 1, at = pc->x;
	while (rest) {
		PangoGlyphItem *head = NULL;
		if (cut > rest->item->offset && cut < rest->item->offset + rest->item->length)
			head = pango_glyph_item_split(rest, p->text->text.data, cut - rest->item->offset);
		PangoGlyphItem *now = head ? head : rest;
		before(data, (size_t)now->item->offset, (size_t)(now->item->offset + now->item->length));
		show_piece(cr, p, pc, now, x0 + at, base);
		long w = 0;
		for (int g = 0; g < now->glyphs->num_glyphs; g++)
			w += now->glyphs->glyphs[g].geometry.width;
		at += (double)w / PANGO_SCALE * scale;
		if (head) {
			pango_glyph_item_free(head);
			int next = link_edge_inside(p, &(para_piece){.gi = *rest});
			cut = next > 0 ? next : -1;
		} else {
			pango_glyph_item_free(rest);
			rest = NULL;
		}
	}
}

/* Whether a word space follows byte `end` of the text: a space, a no-break one, or one of
 * Unicode's fixed-width spaces. */
static int space_after(const para *p, int end)
{
	const char *t = p->text->text.data;
	size_t n = p->text->text.len;
	if (end < 0 || (size_t)end >= n)
		return 0;
	uint32_t c = 0;
	if (!utf8_decode(t + end, n - (size_t)end, &c))
		return 0;
	return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A);
}

/* Piece pc drawn with a word space after it, as its font's space glyph where the piece
 * ends: the breaker sets words apart and draws nothing between them, so the PDF's text had
 * no space character there, and what reads the content as it is (the tagged text, a screen
 * reader, Ghostscript) ran the words together ("Moscowhas", "December22,2017"); PDF
 * 14.8.2.5 asks for actual spaces. The glyph has no ink, so nothing a reader sees changes;
 * it is shown with the piece, since Cairo drops a drawing of no extent. */
static void show_piece_spaced(cairo_t *cr, const para *p, const para_piece *pc, double x, double base)
{
	PangoFont *font = pc->gi.item->analysis.font;
	hb_codepoint_t space = 0;
	if (!font || !hb_font_get_nominal_glyph(pango_font_get_hb_font(font), ' ', &space)) {
		show_piece(cr, p, pc, NULL, x, base);
		return;
	}
	int len = pc->gi.item->length;
	char *text = xmalloc((size_t)len + 2);
	memcpy(text, p->text->text.data + pc->gi.item->offset, (size_t)len);
	memcpy(text + len, " ", 2);
	PangoGlyphItem gi = {pango_item_copy(pc->gi.item), pango_glyph_string_copy(pc->gi.glyphs), 0, 0, 0};
	gi.item->offset = 0;
	gi.item->length = len + 1;
	gi.item->num_chars++;
	int n = gi.glyphs->num_glyphs;
	pango_glyph_string_set_size(gi.glyphs, n + 1);
	gi.glyphs->glyphs[n] = (PangoGlyphInfo){.glyph = space};
	gi.glyphs->log_clusters[n] = len;
	show_piece(cr, &(para){.text = &(rich){.text = {.data = text}}, .color = p->color}, pc, &gi, x, base);
	pango_item_free(gi.item);
	pango_glyph_string_free(gi.glyphs);
	free(text);
}

/* Line i; spaced: with a word space after its last piece too (para_draw_line_spaced). */
static void draw_line(cairo_t *cr, const para *p, size_t i, double x, double top, para_run_fn *before, void *data,
		      int spaced)
{
	const para_line *ln = &p->lines[i];
	double base = top + p->baseline;
	if (p->dropped)
		return;
	if (!ln->pieces) {
		if (before && ln->len > 0) /* an empty run is a breaker's hyphen (para.h) */
			before(data, (size_t)ln->start, (size_t)(ln->start + ln->len));
		if (!p->layout)
			return; /* a line of the breaker's with nothing to draw (no-break spaces only) */
		PangoLayoutLine *line = pango_layout_get_line_readonly(p->layout, (int)i);
		cairo_set_source_rgb(cr, p->color.r, p->color.g, p->color.b);
		cairo_move_to(cr, x + ln->x, base);
		pango_cairo_show_layout_line(cr, line);
		return;
	}
	for (size_t k = 0; k < ln->npieces; k++) {
		const para_piece *pc = &ln->pieces[k];
		int cut = before && !pc->hyphen ? link_edge_inside(p, pc) : -1;
		if (cut > 0) {
			draw_piece_parts(cr, p, pc, x + ln->x, base, cut, before, data);
			continue;
		}
		size_t end = (size_t)(pc->gi.item->offset + pc->gi.item->length);
		if (before && (pc->hyphen || pc->gi.item->length > 0))
			before(data, pc->hyphen ? end : (size_t)pc->gi.item->offset, end);
		if (!pc->hyphen && ((spaced && k + 1 == ln->npieces) ||
				    ((k + 1 < ln->npieces || i + 1 < p->nlines) &&
				     space_after(p, pc->gi.item->offset + pc->gi.item->length))))
			show_piece_spaced(cr, p, pc, x + ln->x + pc->x, base);
		else
			show_piece(cr, p, pc, NULL, x + ln->x + pc->x, base);
	}
}

void para_draw_line(cairo_t *cr, const para *p, size_t i, double x, double top)
{
	draw_line(cr, p, i, x, top, NULL, NULL, 0);
}

void para_draw_line_spaced(cairo_t *cr, const para *p, size_t i, double x, double top)
{
	draw_line(cr, p, i, x, top, NULL, NULL, 1);
}

void para_draw_line_runs(cairo_t *cr, const para *p, size_t i, double x, double top, para_run_fn *before,
			 void *data)
{
	draw_line(cr, p, i, x, top, before, data, 0);
}

char *para_line_text(const para *p, size_t i)
{
	const para_line *ln = &p->lines[i];
	char *s = xstrndup(p->text->text.data + ln->start, (size_t)ln->len);
	/* the dump is one line per line of text */
	for (char *c = s; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	if (ln->hyphenated) {
		char *t = xasprintf("%s-", s);
		free(s);
		s = t;
	}
	return s;
}

char *para_line_font(const para *p, size_t i)
{
	PangoFont *font = NULL;
	const para_line *ln = &p->lines[i];
	if (ln->pieces) {
		if (ln->npieces)
			font = ln->pieces[0].gi.item->analysis.font;
	} else if (p->layout) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(p->layout, (int)i);
		if (line && line->runs)
			font = ((PangoLayoutRun *)line->runs->data)->item->analysis.font;
	}
	if (!font)
		return xstrdup("-");
	PangoFontDescription *fd = pango_font_describe(font);
	pango_font_description_unset_fields(fd, PANGO_FONT_MASK_VARIANT | PANGO_FONT_MASK_STRETCH | PANGO_FONT_MASK_GRAVITY);
	char *s = pango_font_description_to_string(fd);
	char *r = xstrdup(s);
	g_free(s);
	pango_font_description_free(fd);
	return r;
}

int para_range_x(const para *p, size_t i, size_t start, size_t end, double *x, double *w)
{
	const para_line *ln = &p->lines[i];
	size_t ls = (size_t)ln->start, le = (size_t)(ln->start + ln->len);
	if (end <= ls || start >= le)
		return 0;
	double xa = para_index_x(p, i, (int)(start > ls ? start : ls));
	double xb = para_index_x(p, i, (int)(end < le ? end : le));
	*x = xa < xb ? xa : xb;
	*w = xa < xb ? xb - xa : xa - xb;
	return 1;
}

double para_index_x(const para *p, size_t i, int idx)
{
	const para_line *ln = &p->lines[i];
	if (!ln->pieces && !p->layout)
		return 0;
	if (!ln->pieces) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(p->layout, (int)i);
		int x;
		if (idx >= ln->start + ln->len) {
			PangoRectangle lr;
			pango_layout_line_get_extents(line, NULL, &lr);
			return (lr.x + lr.width) / (double)PANGO_SCALE;
		}
		pango_layout_line_index_to_x(line, idx, 0, &x);
		return x / (double)PANGO_SCALE;
	}
	for (size_t k = 0; k < ln->npieces; k++) {
		const para_piece *pc = &ln->pieces[k];
		const PangoItem *it = pc->gi.item;
		if (pc->hyphen || idx > it->offset + it->length)
			continue;
		/* the end of a piece is the start of the next only where no space parts them */
		if (idx == it->offset + it->length &&
		    (k + 1 == ln->npieces || ln->pieces[k + 1].gi.item->offset <= idx))
			continue;
		if (idx <= it->offset)
			return pc->x;
		long x = 0;
		const PangoGlyphString *gs = pc->gi.glyphs;
		for (int g = 0; g < gs->num_glyphs; g++)
			if (gs->log_clusters[g] < idx - it->offset)
				x += gs->glyphs[g].geometry.width;
		return pc->x + x / (double)PANGO_SCALE * (pc->scale > 0 ? pc->scale : 1);
	}
	return ln->width;
}
