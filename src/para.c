/* para.c: paragraph → lines, through Pango's line breaker; lines are then placed one by
 * one on a fixed leading grid so that pages can break between any two of them. */
#include "para.h"

#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

PangoFontDescription *font_role_desc(const font_role *f)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, f->family ? f->family : "Noto Serif");
	pango_font_description_set_absolute_size(fd, f->size * PANGO_SCALE);
	pango_font_description_set_weight(fd, f->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, f->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return fd;
}

static void report_missing_glyphs(PangoLayout *layout, const char *text, loc at, diag *d)
{
	PangoLayoutIter *it = pango_layout_get_iter(layout);
	uint32_t reported[8];
	int nrep = 0;
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		if (!run)
			continue;
		PangoGlyphString *gs = run->glyphs;
		for (int i = 0; i < gs->num_glyphs; i++) {
			PangoGlyph g = gs->glyphs[i].glyph;
			if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
				continue;
			uint32_t cp = 0;
			int off = run->item->offset + gs->log_clusters[i];
			utf8_decode(text + off, strlen(text + off), &cp);
			/* control characters and line separators have no glyph and need none */
			if (cp < 0x20 || cp == 0x2028 || cp == 0x2029 || cp == 0xAD || cp == 0x200B)
				continue;
			int seen = 0;
			for (int k = 0; k < nrep; k++)
				seen |= reported[k] == cp;
			if (seen || nrep == 8)
				continue;
			reported[nrep++] = cp;
			char utf[5] = {0};
			utf8_encode(cp, utf);
			diag_error(d, at, "character '%s' (U+%04X) is not in the bundled fonts", utf, (unsigned)cp);
			diag_note(d, at, "mkbrief prints only with the fonts in fonts/; add one that has it with --fonts DIR");
		}
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
}

para *paragraph_layout(PangoContext *ctx, rich *text, const para_spec *spec, loc at, diag *d)
{
	para *p = xcalloc(1, sizeof *p);
	p->text = text;
	p->width = spec->width;
	p->color = spec->font->color;
	p->leading = spec->leading > 0 ? spec->leading : spec->font->leading;
	PangoLayout *l = pango_layout_new(ctx);
	p->layout = l;
	PangoFontDescription *fd = font_role_desc(spec->font);
	pango_layout_set_font_description(l, fd);
	pango_layout_set_text(l, text->text.data, (int)text->text.len);
	PangoAttrList *attrs = pango_attr_list_copy(text->attrs);
	if (spec->font->tracking != 0)
		pango_attr_list_insert_before(attrs, pango_attr_letter_spacing_new((int)(spec->font->tracking * PANGO_SCALE)));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_width(l, (int)(spec->width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_indent(l, (int)(spec->indent * PANGO_SCALE));
	pango_layout_set_justify(l, spec->align == ALIGN_JUSTIFY);
	pango_layout_set_alignment(l, spec->align == ALIGN_CENTER  ? PANGO_ALIGN_CENTER
				      : spec->align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
								   : PANGO_ALIGN_LEFT);

	/* One baseline position for every line, from the base font's metrics, so that lines
	 * with superscripts or bold words sit on the same grid as the rest. */
	PangoFontMetrics *m = pango_context_get_metrics(ctx, fd, NULL);
	double asc = pango_font_metrics_get_ascent(m) / (double)PANGO_SCALE;
	double desc = pango_font_metrics_get_descent(m) / (double)PANGO_SCALE;
	pango_font_metrics_unref(m);
	pango_font_description_free(fd);
	p->baseline = (p->leading - (asc + desc)) / 2 + asc;

	report_missing_glyphs(l, text->text.data, at, d);

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
	return p;
}

void para_free(para *p)
{
	if (!p)
		return;
	if (p->layout)
		g_object_unref(p->layout);
	rich_free(p->text);
	free(p->lines);
	free(p);
}

void para_draw_line(cairo_t *cr, const para *p, size_t i, double x, double top)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(p->layout, (int)i);
	cairo_set_source_rgb(cr, p->color.r, p->color.g, p->color.b);
	cairo_move_to(cr, x + p->lines[i].x, top + p->baseline);
	pango_cairo_show_layout_line(cr, line);
}

char *para_line_text(const para *p, size_t i)
{
	const para_line *ln = &p->lines[i];
	char *s = xstrndup(p->text->text.data + ln->start, (size_t)ln->len);
	/* the dump is one line per line of text */
	for (char *c = s; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	return s;
}
