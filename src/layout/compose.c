/* compose.c: resolved brief → vertical list. Decides what each block looks like (fonts,
 * indents, bars, citation lines) and which breaks are allowed (widows, orphans, keeps);
 * where pages actually break is flow.c's job. */
#include <stdlib.h>
#include <string.h>

#include "layout/doc.h"
#include "base/util.h"

#define BULLET_INDENT 13.0
#define KEEP_WHOLE_LINES 12 /* excerpts up to this many lines are never split */

typedef struct composer {
	doc *dc;
	const brief *b;
	const style *st;
	para_engine *pe;
	diag *d;
	int span;  /* items being added span all columns */
	int deco;  /* current decoration, -1 none */
	int keep_next; /* the next item may not be separated from the previous one */
	size_t text_bytes; /* set so far: at most DOC_MAX_TEXT_BYTES */
	size_t nlines;     /* lines set so far: at most DOC_MAX_LINES */
	int over;          /* a limit was passed (and reported): nothing more is set */
} composer;

vitem *doc_insert_item(doc *dc, size_t at)
{
	if (dc->nitems == dc->capitems) {
		dc->capitems = dc->capitems ? dc->capitems * 2 : 256;
		dc->items = xrealloc(dc->items, dc->capitems * sizeof *dc->items);
	}
	if (at < dc->nitems) { /* an insertion (appending is the common case) */
		memmove(&dc->items[at + 1], &dc->items[at], (dc->nitems - at) * sizeof *dc->items);
		for (size_t k = 0; k < dc->noutline; k++)
			if (dc->outline[k].item >= (int)at)
				dc->outline[k].item++;
		for (size_t k = 0; k < dc->nanchors; k++)
			if (dc->anchors[k].item >= (int)at)
				dc->anchors[k].item++;
	}
	dc->nitems++;
	vitem *it = &dc->items[at];
	memset(it, 0, sizeof *it);
	it->heading = -1;
	it->anchor = -1;
	it->page = -1;
	return it;
}

static vitem *push(composer *c, vkind kind, double h)
{
	doc *dc = c->dc;
	vitem *it = doc_insert_item(dc, dc->nitems);
	it->kind = kind;
	it->h = h;
	it->span = c->span;
	it->deco = c->deco;
	if (c->keep_next) {
		it->keep = 1;
		c->keep_next = 0;
	}
	return it;
}

static void space(composer *c, double h, int keep)
{
	if (h <= 0)
		return;
	vitem *it = push(c, V_SPACE, h);
	it->keep |= keep;
}

static para *own_para(composer *c, para *p)
{
	doc *dc = c->dc;
	if (dc->nparas == dc->capparas) {
		dc->capparas = dc->capparas ? dc->capparas * 2 : 64;
		dc->paras = xrealloc(dc->paras, dc->capparas * sizeof *dc->paras);
	}
	p->id = (int)dc->nparas;
	dc->paras[dc->nparas++] = p;
	return p;
}

/* Said once, at the paragraph that goes over; nothing after it is set. */
static void too_many_lines(composer *c, loc at)
{
	if (c->over)
		return;
	diag_error(c->d, at, "the brief would set more than %d lines (narrow columns or large type); split it into several briefs",
		   DOC_MAX_LINES);
	c->over = 1;
}

static para *layout(composer *c, rich *r, const font_role *font, double width, double indent, text_align align,
		    loc at)
{
	/* Work and memory grow with the text and with the lines (narrow columns and large
	 * type make many short ones): both are bounded, and a paragraph whose lines would
	 * clearly go past the limit is refused before it is set. At 0.45 em a character,
	 * the estimate is below any real count. */
	double per_line = width / (0.45 * font->size);
	double guess = per_line > 1 ? (double)r->text.len / per_line : (double)r->text.len;
	if (!c->over && r->text.len > DOC_MAX_TEXT_BYTES - c->text_bytes) {
		diag_error(c->d, at, "the brief sets more than %u MiB of text (about 600 pages); split it into several briefs",
			   DOC_MAX_TEXT_BYTES >> 20);
		c->over = 1;
	} else if (guess > (double)(DOC_MAX_LINES - c->nlines)) {
		too_many_lines(c, at);
	}
	if (c->over) {
		rich_free(r);
		r = rich_new();
	} else {
		c->text_bytes += r->text.len;
	}
	para_spec spec = {font, width, indent, align, 0, c->st->linebreak_optimal, c->st->hyphenate, c->st->expansion};
	para *p = own_para(c, paragraph_layout(c->pe, r, &spec, at, c->d));
	c->nlines += p->nlines;
	if (c->nlines > DOC_MAX_LINES)
		too_many_lines(c, at);
	return p;
}

/* Adds the lines of a paragraph and returns the index of the first. An index, never a
 * pointer: every push may move the item array. keep_all: never break inside it (or before
 * it, when the caller also set keep_next). Widows and orphans: no break that leaves fewer
 * than the layout's minimum lines of a paragraph on either side. */
static size_t lines(composer *c, para *p, double x, int keep_all)
{
	size_t first = c->dc->nitems;
	int n = (int)p->nlines;
	if (n == 0) /* nothing to set, but callers mark the first item */
		push(c, V_SPACE, 0);
	for (int i = 0; i < n; i++) {
		vitem *it = push(c, V_LINE, p->leading);
		it->p = p;
		it->line = (size_t)i;
		it->x = x;
		if (i > 0 && (keep_all || i < c->st->orphans || n - i < c->st->widows))
			it->keep = 1;
	}
	return first;
}

/* The item at index i, valid until the next push. */
static vitem *item_at(composer *c, size_t i)
{
	return &c->dc->items[i];
}

static int new_deco(composer *c, deco_kind kind, double x, double w, double bar)
{
	doc *dc = c->dc;
	dc->decos = xrealloc(dc->decos, (dc->ndecos + 1) * sizeof *dc->decos);
	deco *dd = &dc->decos[dc->ndecos];
	dd->kind = kind;
	dd->x = x;
	dd->w = w;
	dd->bar = bar;
	dd->span = c->span;
	return (int)dc->ndecos++;
}

static void add_outline(composer *c, size_t first, const char *title, int level)
{
	doc *dc = c->dc;
	dc->outline = xrealloc(dc->outline, (dc->noutline + 1) * sizeof *dc->outline);
	dc->outline[dc->noutline].title = xstrdup(title);
	dc->outline[dc->noutline].item = (int)first;
	dc->outline[dc->noutline].level = level;
	item_at(c, first)->heading = (int)dc->noutline++;
}

static void add_anchor(composer *c, size_t first, const char *name)
{
	doc *dc = c->dc;
	dc->anchors = xrealloc(dc->anchors, (dc->nanchors + 1) * sizeof *dc->anchors);
	dc->anchors[dc->nanchors].name = xstrdup(name);
	dc->anchors[dc->nanchors].item = (int)first;
	item_at(c, first)->anchor = (int)dc->nanchors++;
}

static const char *months[] = {"January", "February", "March",     "April",   "May",      "June",
			       "July",    "August",   "September", "October", "November", "December"};

static char *format_date(const char *iso)
{
	int y, m, dd;
	if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &dd) == 3 && m >= 1 && m <= 12)
		return xasprintf("%s %d, %d", months[m - 1], dd, y);
	return xstrdup(iso ? iso : "");
}

/* "¶ 1–2, 4": the paragraphs a list of spans comes from, collapsed into ranges. */
static void para_list(strbuf *sb, const int *paras, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && paras[j + 1] == paras[j] + 1)
			j++;
		if (i)
			sb_puts(sb, ", ");
		if (j > i)
			sb_printf(sb, "%d\xE2\x80\x93%d", paras[i], paras[j]);
		else
			sb_printf(sb, "%d", paras[i]);
		i = j + 1;
	}
}

static int int_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static size_t unique_paras(const span *spans, size_t n, int *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		out[k++] = spans[i].para + 1;
	qsort(out, k, sizeof *out, int_cmp);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (u == 0 || out[u - 1] != out[i])
			out[u++] = out[i];
	return u;
}

/* "Eurasia Daily Monitor, vol. 15, no. 7" */
static void publication_line(strbuf *sb, const source *s)
{
	const article *a = s->art;
	if (a && a->publication) {
		sb_puts(sb, a->publication);
		if (a->volume)
			sb_printf(sb, ", vol.\xC2\xA0%s", a->volume);
		if (a->issue)
			sb_printf(sb, ", no.\xC2\xA0%s", a->issue);
	}
}

static const char *source_title(const source *s)
{
	if (s->title)
		return s->title;
	if (s->art && s->art->title)
		return s->art->title;
	return s->id;
}

/* The small line under an excerpt or quote that says where it comes from. */
static rich *citation_rich(composer *c, const block *bl, const char *lead)
{
	const source *s = &c->b->sources[bl->source];
	rich *r = rich_new();
	strbuf sb = {0};
	if (lead)
		sb_puts(&sb, lead);
	/* US style: the comma goes inside the closing quotation mark */
	sb_printf(&sb, "\xE2\x80\x9C%s%s\xE2\x80\x9D", source_title(s), s->art && s->art->publication ? "," : "");
	if (s->art && s->art->publication) {
		sb_puts(&sb, " ");
		publication_line(&sb, s);
	}
	int *ps = xmalloc((bl->nspans + 1) * sizeof *ps);
	size_t np = unique_paras(bl->spans, bl->nspans, ps);
	if (np) {
		sb_puts(&sb, ",\xC2\xA0\xC2\xB6\xC2\xA0");
		para_list(&sb, ps, np);
	}
	free(ps);
	rich_add(r, sb.data, sb.len);
	char *dest = xasprintf("src-%d", bl->source + 1);
	rich_link_range(r, 0, sb.len, dest, 0);
	free(dest);
	sb_free(&sb);
	return r;
}

/* Source text goes in as it is, except that line breaks inside a paragraph are layout,
 * and control characters (a form feed, a stray escape: nothing to print) are white space. */
static void add_source_text(rich *r, const char *s, size_t n, int bold, const rgb *color)
{
	char *t = xstrndup(s, n);
	for (size_t i = 0, k; i < n; i += k ? k : 1) {
		uint32_t cp = 0;
		k = utf8_decode(t + i, n - i, &cp);
		if (k && utf8_is_control(cp))
			memset(t + i, ' ', k); /* a C1 control is two bytes, two spaces */
	}
	if (bold || color)
		rich_add_styled(r, t, n, bold, 0, color);
	else
		rich_add(r, t, n);
	free(t);
}

/* Adds span text with the quote's highlights set off. */
static void add_span(composer *c, rich *r, const block *bl, const span *sp)
{
	const char *text = c->b->sources[bl->source].art->text;
	size_t pos = sp->r.start;
	while (pos < sp->r.end) {
		/* the earliest highlight that overlaps [pos, end) */
		size_t ms = sp->r.end, me = sp->r.end;
		for (size_t i = 0; i < bl->nmarks; i++) {
			const span *m = &bl->marks[i];
			if (m->r.end <= pos || m->r.start >= sp->r.end)
				continue;
			size_t s0 = m->r.start > pos ? m->r.start : pos;
			if (s0 < ms) {
				ms = s0;
				me = m->r.end < sp->r.end ? m->r.end : sp->r.end;
			}
		}
		if (ms > pos)
			add_source_text(r, text + pos, ms - pos, 0, NULL);
		if (me > ms)
			add_source_text(r, text + ms, me - ms, 1, &c->st->accent);
		pos = me > ms ? me : ms;
	}
}

static int is_space_at(const char *t, size_t i)
{
	return t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t';
}

/* Citations as superscripts grouped by source, "1 ¶3–4; 2 ¶1", each group linked to its
 * entry on the Sources page. Narrow no-break spaces keep a label on one line. */
static void add_cites(rich *r, const item *it)
{
	int done[BRIEF_MAX_CITES] = {0};
	for (int i = 0; i < it->ncites; i++) {
		if (done[i])
			continue;
		int src = it->cites[i].source;
		strbuf sb = {0};
		if (i > 0)
			sb_puts(&sb, ";\xE2\x80\xAF");
		sb_printf(&sb, "%d", src + 1);
		/* the paragraphs (and sentences) of this source, in order of mention */
		int paras[BRIEF_MAX_CITES], sents[BRIEF_MAX_CITES], n = 0;
		for (int j = i; j < it->ncites; j++) {
			if (it->cites[j].source != src)
				continue;
			done[j] = 1;
			if (it->cites[j].para > 0) {
				paras[n] = it->cites[j].para;
				sents[n] = it->cites[j].sent > 0 ? it->cites[j].sent : 0;
				n++;
			}
		}
		for (int j = 0; j < n;) {
			int k = j;
			while (k + 1 < n && !sents[k] && !sents[k + 1] && paras[k + 1] == paras[k] + 1)
				k++;
			sb_puts(&sb, j == 0 ? "\xE2\x80\xAF\xC2\xB6" : ",\xE2\x80\xAF");
			if (sents[j])
				sb_printf(&sb, "%d.%d", paras[j], sents[j]);
			else if (k > j)
				sb_printf(&sb, "%d\xE2\x80\x93%d", paras[j], paras[k]);
			else
				sb_printf(&sb, "%d", paras[j]);
			j = k + 1;
		}
		char *dest = xasprintf("src-%d", src + 1);
		rich_add_sup(r, sb.data, dest);
		free(dest);
		sb_free(&sb);
	}
}

static rich *item_rich(composer *c, const item *it, int marking)
{
	rich *r = rich_new();
	if (marking && c->b->marking) {
		rich_add_styled(r, c->b->marking, strlen(c->b->marking), 1, 0, NULL);
		rich_add(r, " ", 1);
	}
	rich_add_markup(r, it->text, 0);
	add_cites(r, it);
	return r;
}

static void bullet_list(composer *c, const item *items, size_t n, double x, double width, const font_role *font,
			int keep_all)
{
	for (size_t i = 0; i < n; i++) {
		para *p = layout(c, item_rich(c, &items[i], 1), font, width - BULLET_INDENT, 0, c->st->align, items[i].at);
		rich *mr = rich_new();
		rich_add_styled(mr, "\xE2\x80\xA2", 3, 0, 0, &c->st->accent);
		para *m = layout(c, mr, font, BULLET_INDENT, 0, ALIGN_LEFT, items[i].at);
		if (i > 0)
			space(c, c->st->para_space, keep_all);
		vitem *first = item_at(c, lines(c, p, x + BULLET_INDENT, keep_all));
		first->marker = m;
		first->marker_x = x + 2;
	}
}

static void front_matter(composer *c)
{
	const brief *b = c->b;
	const style *st = c->st;
	double w = c->dc->text_w;
	c->span = 1;
	rich *r = rich_new();
	rich_add_markup(r, b->title, 0);
	lines(c, layout(c, r, &st->title, w, 0, ALIGN_LEFT, b->title_at), 0, 1);
	if (b->subtitle) {
		space(c, 2, 1);
		r = rich_new();
		rich_add_markup(r, b->subtitle, 0);
		item_at(c, lines(c, layout(c, r, &st->subtitle, w, 0, ALIGN_LEFT, b->subtitle_at), 0, 1))->keep = 1;
	}
	r = rich_new();
	strbuf meta = {0};
	sb_puts(&meta, c->dc->date_text);
	if (b->author)
		/* no-break spaces: a run of plain spaces is one space to the line breaker */
		sb_printf(&meta, "\xC2\xA0\xC2\xA0\xC2\xB7\xC2\xA0\xC2\xA0%s", b->author);
	rich_add_markup(r, meta.data, 0);
	sb_free(&meta);
	space(c, 4, 1);
	item_at(c, lines(c, layout(c, r, &st->meta, w, 0, ALIGN_LEFT, b->author_at), 0, 1))->keep = 1;
	space(c, 6, 1);
	vitem *rule = push(c, V_RULE, st->rule_width > 0 ? st->rule_width : 0.75);
	rule->w = w;
	rule->keep = 1;

	if (b->nsummary > 0) {
		space(c, st->block_space + 4, 1);
		double pad = st->box_padding;
		c->deco = new_deco(c, DECO_BOX, 0, w, 0);
		c->keep_next = 1;
		space(c, pad, 1);
		r = rich_new();
		rich_add_markup(r, st->box_title ? st->box_title : "Key points", 0);
		item_at(c, lines(c, layout(c, r, &st->box_head, w - 2 * pad, 0, ALIGN_LEFT, loc_none()), pad, 1))->keep = 1;
		space(c, 3, 1);
		c->keep_next = 1;
		bullet_list(c, b->summary, b->nsummary, pad, w - 2 * pad, &st->body, 1);
		space(c, pad, 1);
		c->deco = -1;
	}
	space(c, st->block_space + 6, 1);
	c->span = 0;
}

static void quote_block(composer *c, const block *bl)
{
	const style *st = c->st;
	double w = c->dc->col_w;
	double ind = st->quote_indent;
	double inner = ind + (st->quote_bar > 0 ? st->quote_bar + 9 : 0);
	c->deco = new_deco(c, DECO_BAR, ind, w - 2 * ind, st->quote_bar);
	rich *r = rich_new();
	rich_add(r, "\xE2\x80\x9C", 3);
	for (size_t i = 0; i < bl->nspans; i++) {
		if (i > 0)
			rich_add(r, " [\xE2\x80\xA6] ", 7);
		add_span(c, r, bl, &bl->spans[i]);
	}
	rich_add(r, "\xE2\x80\x9D", 3);
	para *p = layout(c, r, &st->quote, w - inner - ind, 0, ALIGN_LEFT, bl->text_at);
	lines(c, p, inner, 1);
	space(c, 4, 1);
	strbuf lead = {0};
	sb_puts(&lead, "\xE2\x80\x94\xC2\xA0");
	if (bl->speaker)
		sb_printf(&lead, "%s, in ", bl->speaker);
	rich *cr = citation_rich(c, bl, lead.data);
	sb_free(&lead);
	c->keep_next = 1;
	lines(c, layout(c, cr, &st->small, w - inner - ind, 0, ALIGN_LEFT, bl->at), inner, 1);
	if (bl->note) {
		rich *nr = rich_new();
		rich_add_markup(nr, bl->note, 1);
		c->keep_next = 1;
		lines(c, layout(c, nr, &st->small, w - inner - ind, 0, ALIGN_LEFT, bl->at), inner, 1);
	}
	c->deco = -1;
}

static void excerpt_block(composer *c, const block *bl)
{
	const style *st = c->st;
	const article *a = c->b->sources[bl->source].art;
	double w = c->dc->col_w;
	double ind = st->excerpt_indent;
	double pad = 6;
	double inner = ind + st->excerpt_bar + pad;
	double tw = w - inner - pad;
	c->deco = new_deco(c, DECO_TINT_BAR, ind, w - ind, st->excerpt_bar);
	/* lay out first, so that a short excerpt can be kept whole */
	para **ps = xcalloc(bl->nspans + 1, sizeof *ps);
	size_t nps = 0, total = 0;
	for (size_t i = 0; i < bl->nspans;) {
		const span *sp = &bl->spans[i];
		const art_para *ap = &a->paras[sp->para];
		rich *r = rich_new();
		if (c->b->marking) {
			rich_add_styled(r, c->b->marking, strlen(c->b->marking), 1, 0, NULL);
			rich_add(r, " ", 1);
		}
		size_t s0 = sp->r.start;
		while (s0 > ap->r.start && is_space_at(a->text, s0 - 1))
			s0--;
		if (s0 > ap->r.start)
			rich_add(r, "[\xE2\x80\xA6] ", 6);
		size_t j = i;
		for (; j < bl->nspans && bl->spans[j].para == sp->para; j++) {
			if (j > i)
				rich_add(r, " [\xE2\x80\xA6] ", 7);
			add_span(c, r, bl, &bl->spans[j]);
		}
		size_t e0 = bl->spans[j - 1].r.end;
		while (e0 < ap->r.end && is_space_at(a->text, e0))
			e0++;
		if (e0 < ap->r.end)
			rich_add(r, " [\xE2\x80\xA6]", 6);
		ps[nps] = layout(c, r, &st->excerpt, tw, 0, st->align, bl->at);
		total += ps[nps]->nlines;
		nps++;
		i = j;
	}
	int keep = total <= KEEP_WHOLE_LINES;
	space(c, pad, 0);
	c->keep_next = 1;
	for (size_t i = 0; i < nps; i++) {
		if (i > 0)
			space(c, st->para_space, keep);
		size_t f = lines(c, ps[i], inner, keep);
		if (i == 0)
			item_at(c, f)->keep = 1;
	}
	free(ps);
	space(c, 3, 1);
	rich *cr = citation_rich(c, bl, "\xE2\x80\x94\xC2\xA0");
	c->keep_next = 1;
	lines(c, layout(c, cr, &st->small, tw, 0, ALIGN_LEFT, bl->at), inner, 1);
	if (bl->note) {
		rich *nr = rich_new();
		rich_add_markup(nr, bl->note, 1);
		c->keep_next = 1;
		lines(c, layout(c, nr, &st->small, tw, 0, ALIGN_LEFT, bl->at), inner, 1);
	}
	space(c, pad, 1);
	c->deco = -1;
}

static void section_block(composer *c, const section *s)
{
	const style *st = c->st;
	double w = c->dc->col_w;
	space(c, st->heading_space_before, 0);
	rich *r = rich_new();
	rich_add_markup(r, s->heading, 0);
	size_t h = lines(c, layout(c, r, &st->heading, w, 0, ALIGN_LEFT, s->heading_at), 0, 1);
	add_outline(c, h, s->heading, 0);
	space(c, st->heading_space_after, 1);
	for (size_t i = 0; i < s->nblocks; i++) {
		const block *bl = &s->blocks[i];
		/* the first block stays with the heading */
		if (i > 0)
			space(c, st->block_space, 0);
		else
			c->keep_next = 1;
		switch (bl->kind) {
		case BLOCK_TEXT:
			lines(c, layout(c, item_rich(c, &bl->items[0], 1), &st->body, w, st->first_indent > 0 && i > 0 && s->blocks[i - 1].kind == BLOCK_TEXT ? st->first_indent : 0, st->align, bl->at), 0, 0);
			break;
		case BLOCK_BULLETS:
			bullet_list(c, bl->items, bl->nitems, 0, w, &st->body, 0);
			break;
		case BLOCK_QUOTE:
			if (bl->source >= 0 && bl->nspans)
				quote_block(c, bl);
			break;
		case BLOCK_EXCERPT:
			if (bl->source >= 0 && bl->nspans)
				excerpt_block(c, bl);
			break;
		}
		c->keep_next = 0;
	}
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void sources_page(composer *c)
{
	const brief *b = c->b;
	const style *st = c->st;
	double w = c->dc->col_w;
	push(c, V_PAGEBREAK, 0);
	rich *r = rich_new();
	rich_add(r, "Sources", 7);
	size_t h = lines(c, layout(c, r, &st->heading, w, 0, ALIGN_LEFT, loc_none()), 0, 1);
	add_outline(c, h, "Sources", 0);
	space(c, st->heading_space_after, 1);
	for (size_t i = 0; i < b->nsources; i++) {
		const source *s = &b->sources[i];
		/* which paragraphs the brief drew on, from blocks and citations */
		int *used = NULL;
		size_t nused = 0;
		for (size_t k = 0; k < b->nsections; k++)
			for (size_t j = 0; j < b->sections[k].nblocks; j++) {
				const block *bl = &b->sections[k].blocks[j];
				if (bl->source == (int)i)
					for (size_t q = 0; q < bl->nspans; q++) {
						used = xrealloc(used, (nused + 1) * sizeof *used);
						used[nused++] = bl->spans[q].para + 1;
					}
				for (size_t q = 0; q < bl->nitems; q++)
					for (int z = 0; z < bl->items[q].ncites; z++)
						if (bl->items[q].cites[z].source == (int)i && bl->items[q].cites[z].para) {
							used = xrealloc(used, (nused + 1) * sizeof *used);
							used[nused++] = bl->items[q].cites[z].para;
						}
			}
		for (size_t q = 0; q < b->nsummary; q++)
			for (int z = 0; z < b->summary[q].ncites; z++)
				if (b->summary[q].cites[z].source == (int)i && b->summary[q].cites[z].para) {
					used = xrealloc(used, (nused + 1) * sizeof *used);
					used[nused++] = b->summary[q].cites[z].para;
				}
		if (nused)
			qsort(used, nused, sizeof *used, cmp_int);
		size_t u = 0;
		for (size_t q = 0; q < nused; q++)
			if (u == 0 || used[u - 1] != used[q])
				used[u++] = used[q];

		if (i > 0)
			space(c, st->block_space, 0);
		r = rich_new();
		const char *title = source_title(s);
		rich_add_styled(r, title, strlen(title), 1, 0, NULL);
		strbuf sb = {0};
		if (s->art && s->art->publication) {
			sb_puts(&sb, ". ");
			publication_line(&sb, s);
		}
		if (s->date)
			sb_printf(&sb, ", %s", s->date);
		sb_puts(&sb, ".");
		rich_add(r, sb.data, sb.len);
		sb_free(&sb);
		para *p = layout(c, r, &st->body, w - BULLET_INDENT - 6, 0, ALIGN_LEFT, s->at);
		rich *mr = rich_new();
		char *num = xasprintf("%zu.", i + 1);
		rich_add_styled(mr, num, strlen(num), 1, 0, &st->accent);
		free(num);
		size_t first = lines(c, p, BULLET_INDENT + 6, 1);
		para *marker = layout(c, mr, &st->body, BULLET_INDENT + 6, 0, ALIGN_LEFT, s->at);
		item_at(c, first)->marker = marker;
		item_at(c, first)->marker_x = 0;
		char *anchor = xasprintf("src-%zu", i + 1);
		add_anchor(c, first, anchor);
		free(anchor);
		if (s->url) {
			r = rich_new();
			rich_add(r, s->url, strlen(s->url));
			rich_link_range(r, 0, strlen(s->url), s->url, 1);
			c->keep_next = 1;
			lines(c, layout(c, r, &st->small, w - BULLET_INDENT - 6, 0, ALIGN_LEFT, s->at), BULLET_INDENT + 6, 1);
		}
		r = rich_new();
		sb_printf(&sb, "File: %s", s->file);
		if (u) {
			sb_puts(&sb, u > 1 ? ". Paragraphs drawn on: " : ". Paragraph drawn on: ");
			para_list(&sb, used, u);
			sb_puts(&sb, ".");
		}
		rich_add(r, sb.data, sb.len);
		sb_free(&sb);
		free(used);
		c->keep_next = 1;
		lines(c, layout(c, r, &st->small, w - BULLET_INDENT - 6, 0, ALIGN_LEFT, s->at), BULLET_INDENT + 6, 1);
	}
}

doc *doc_compose(const brief *b, const style *st, PangoContext *ctx, hyphenator *hyph, diag *d)
{
	doc *dc = xcalloc(1, sizeof *dc);
	dc->b = b;
	dc->st = st;
	dc->text_w = st->page_w - st->margin_left - st->margin_right;
	int cols = st->columns > 0 ? st->columns : 1;
	dc->col_w = (dc->text_w - (cols - 1) * st->gutter) / cols;
	dc->date_text = format_date(b->date);
	dc->engine = para_engine_new(ctx, hyph);
	composer c = {dc, b, st, dc->engine, d, 0, -1, 0, 0, 0, 0};
	/* the banner is drawn on every page outside the flow; its glyphs are checked here */
	if (b->classification && st->banners) {
		/* set as it is drawn (in capitals), on one line across the page less a quarter
		 * inch each side: a marking is never cut short, so one that does not fit is an error */
		char *text = font_role_text(&st->banner, b->classification);
		rich *r = rich_new();
		rich_add(r, text, strlen(text));
		free(text);
		para_spec spec = {&st->banner, st->page_w - 36, 0, ALIGN_LEFT, 0, 0, 0, 0};
		para *p = paragraph_layout(dc->engine, r, &spec, b->classification_at, d);
		if (p->nlines > 1)
			diag_error(d, b->classification_at,
				   "the classification banner is wider than the page; shorten it or make the layout's banner font smaller");
		para_free(p);
	}
	front_matter(&c);
	for (size_t i = 0; i < b->nsections; i++)
		section_block(&c, &b->sections[i]);
	if (b->nsources)
		sources_page(&c);
	return dc;
}

void doc_free(doc *dc)
{
	if (!dc)
		return;
	for (size_t i = 0; i < dc->nparas; i++)
		para_free(dc->paras[i]);
	free(dc->paras);
	free(dc->items);
	free(dc->decos);
	for (size_t i = 0; i < dc->noutline; i++)
		free(dc->outline[i].title);
	free(dc->outline);
	for (size_t i = 0; i < dc->nanchors; i++)
		free(dc->anchors[i].name);
	free(dc->anchors);
	free(dc->page_section);
	free(dc->date_text);
	para_engine_free(dc->engine);
	free(dc);
}
