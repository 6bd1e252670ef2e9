/* passage.c: the source's own words: pull quotes and excerpts, with their highlights,
 * elisions and citation lines. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"

/* Source text goes in with its words as they are; line breaks inside a paragraph are
 * layout, control characters (a form feed, a stray escape: nothing to print) white space,
 * and a plain-text source's typewriter marks are set as a typesetter sets them (straight
 * quotes curly, -- a dash, ... an ellipsis; typo_smarten_source), as the Chicago Manual
 * allows in quoted matter. Matching reads the file as it is. map: see typo_smarten_source. */
void compose_source_text(rich *r, const char *text, size_t start, size_t n, int bold, const rgb *color, size_t *map)
{
	char *t = xstrndup(text + start, n);
	for (size_t i = 0, k; i < n; i += k ? k : 1) {
		uint32_t cp = 0;
		k = utf8_decode(t + i, n - i, &cp);
		if (k && utf8_is_control(cp))
			memset(t + i, ' ', k); /* a C1 control is two bytes, two spaces */
	}
	char *typo = typo_smarten_source(t, n, text, start, map);
	if (bold || color)
		rich_add_styled(r, typo, strlen(typo), bold, 0, color);
	else
		rich_add(r, typo, strlen(typo));
	free(typo);
	free(t);
}

/* Adds span text with the quote's highlights set off; a subheading of the source is bold. */
static void add_span(composer *c, rich *r, const block *bl, const span *sp)
{
	const article *a = c->b->sources[bl->source].art;
	if (a->paras[sp->para].heading) {
		compose_source_text(r, a->text, sp->r.start, sp->r.end - sp->r.start, 1, NULL, NULL);
		return;
	}
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
			compose_source_text(r, text, pos, ms - pos, 0, NULL, NULL);
		if (me > ms)
			compose_source_text(r, text, ms, me - ms, 1, &c->st->accent, NULL);
		pos = me > ms ? me : ms;
	}
}

/* A quotation inside the pull quote's own quotation marks takes single ones (Chicago
 * 13.30): the source's “ ” become ‘ ’ in place (the same number of bytes, so highlights
 * keep their places); its single quotes stay, as they are also apostrophes. */
static void nest_quotes(char *t, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++)
		if ((unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
		    ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x9D))
			t[i + 2] = (char)((unsigned char)t[i + 2] == 0x9C ? 0x98 : 0x99);
}

static int is_space_at(const char *t, size_t i)
{
	return t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t';
}

void compose_quote_block(composer *c, const block *bl, const block *prev)
{
	(void)prev;
	if (!compose_prints_passage(bl)) /* the annex numbers the same blocks */
		return;
	const style *st = c->st;
	double w = c->w;
	double ind = st->quote_indent;
	double inner = ind + (st->quote_bar > 0 ? st->quote_bar + st->quote_bar_gap : 0);
	c->deco = compose_deco(c, DECO_BAR, ind, w - 2 * ind, st->quote_bar);
	size_t first = c->dc->nitems;
	rich *r = rich_new();
	cite_add_marking(r, c->marking);
	rich_add(r, "\xE2\x80\x9C", 3);
	size_t inside = r->text.len;
	for (size_t i = 0; i < bl->nspans; i++) {
		if (i > 0)
			rich_add(r, " [\xE2\x80\xA6] ", 7);
		add_span(c, r, bl, &bl->spans[i]);
	}
	nest_quotes(r->text.data + inside, r->text.len - inside);
	rich_add(r, "\xE2\x80\x9D", 3);
	para *p = compose_para(c, r, &st->quote, w - inner - ind, 0, ALIGN_LEFT, bl->text_at);
	compose_lines(c, p, inner, 1);
	int use = compose_passage_use(c, first);
	compose_space(c, st->quote_cite_space, 1);
	strbuf lead = {0};
	sb_puts(&lead, "\xE2\x80\x94\xC2\xA0");
	if (bl->speaker && !cite_speaker_is_publication(&c->b->sources[bl->source], bl->speaker)) {
		char *speaker = typo_smarten(bl->speaker, strlen(bl->speaker));
		sb_printf(&lead, "%s, in ", speaker);
		free(speaker);
	}
	rich *cr = cite_line(c->b, bl, lead.data, use);
	sb_free(&lead);
	c->keep_next = 1;
	compose_lines(c, compose_para(c, cr, &st->small, w - inner - ind, 0, ALIGN_LEFT, bl->at), inner, 1);
	if (bl->note) {
		rich *nr = rich_new();
		rich_add_markup(nr, bl->note, 1);
		c->keep_next = 1;
		compose_lines(c, compose_para(c, nr, &st->small, w - inner - ind, 0, ALIGN_LEFT, bl->at), inner, 1);
	}
	c->deco = -1;
}

/* What heads an excerpt's part after a break: the tint's top padding, then its source's
 * title, "(continued)", set like its source line; items body.. on are the excerpt's body. */
static void excerpt_continued(composer *c, const block *bl, size_t body, double inner, double tw)
{
	const style *st = c->st;
	doc *dc = c->dc;
	rich *r = rich_new();
	char *title = cite_source_title(&c->b->sources[bl->source]);
	char *t = xasprintf("\xE2\x80\x9C%s\xE2\x80\x9D ", title);
	free(title);
	rich_add(r, t, strlen(t));
	free(t);
	rich_add_styled(r, "(continued)", 11, 0, 1, NULL);
	para *p = compose_para(c, r, &st->small, tw, 0, ALIGN_LEFT, bl->at);
	dc->passages = xrealloc(dc->passages, (dc->npassages + 1) * sizeof *dc->passages);
	struct doc_table *dt = &dc->passages[dc->npassages++];
	dt->ncont = p->nlines + 2;
	dt->cont = xcalloc(dt->ncont, sizeof *dt->cont);
	size_t n = 0;
	dt->cont[n].kind = V_SPACE;
	dt->cont[n].solid = 1; /* the tint's top padding, as on the first part */
	dt->cont[n++].h = st->excerpt_padding;
	for (size_t k = 0; k < p->nlines; k++, n++) {
		dt->cont[n].kind = V_LINE;
		dt->cont[n].h = p->leading;
		dt->cont[n].p = p;
		dt->cont[n].line = k;
		dt->cont[n].x = c->x + inner;
	}
	dt->cont[n].kind = V_SPACE;
	dt->cont[n++].h = st->excerpt_cite_space;
	for (size_t k = 0; k < dt->ncont; k++) {
		dt->cont[k].keep = k > 0;
		dt->cont[k].repeat = 1;
		dt->cont[k].deco = c->deco;
		dt->cont[k].box_deco = c->box_deco;
		dt->cont[k].heading = dt->cont[k].anchor = -1;
	}
	for (size_t k = body + 1; k < dc->nitems; k++)
		compose_item(c, k)->passage = (int)dc->npassages;
}

/* The excerpt's paragraphs set, in order: an excerpt of up to KEEP_WHOLE_LINES lines is held
 * together by keeps, soft ones past KEEP_FIRM_LINES (the flow may break there rather than
 * leave a quarter of a column empty), never those against widows and orphans. */
static void excerpt_lines(composer *c, para **ps, size_t nps, const unsigned char *item_next, double inner,
			  size_t total)
{
	const style *st = c->st;
	int keep = total <= KEEP_WHOLE_LINES;
	int breaks = total > KEEP_FIRM_LINES;
	for (size_t i = 0; i < nps; i++) {
		if (i > 0 && !item_next[i - 1])
			compose_space(c, st->para_space, keep);
		size_t f = compose_lines(c, ps[i], inner, keep);
		if (i == 0) {
			compose_item(c, f)->keep = 1;
		} else if (keep) {
			compose_item(c, f)->keep = 1;
			compose_item(c, f)->soft = breaks;
			if (compose_item(c, f - 1)->kind == V_SPACE)
				compose_item(c, f - 1)->soft = breaks;
		}
		for (size_t k = 1; breaks && keep && k < ps[i]->nlines; k++)
			if ((int)k >= st->orphans && (int)(ps[i]->nlines - k) >= st->widows)
				compose_item(c, f + k)->soft = 1;
	}
}

void compose_excerpt_block(composer *c, const block *bl, const block *prev)
{
	(void)prev;
	if (!compose_prints_passage(bl)) /* the annex numbers the same blocks */
		return;
	const style *st = c->st;
	const article *a = c->b->sources[bl->source].art;
	double w = c->w;
	double ind = st->excerpt_indent;
	double pad = st->excerpt_padding;
	double inner = ind + st->excerpt_bar + pad;
	double tw = w - inner - pad;
	c->deco = compose_deco(c, DECO_TINT_BAR, ind, w - ind, st->excerpt_bar);
	/* lay out first, so that a short excerpt can be kept whole */
	para **ps = xcalloc(bl->nspans + 1, sizeof *ps);
	/* item_next[k]: ps[k + 1] is the next item of the same list, set with no space between */
	unsigned char *item_next = xcalloc(bl->nspans + 1, 1);
	size_t nps = 0, total = 0;
	for (size_t i = 0; i < bl->nspans;) {
		const span *sp = &bl->spans[i];
		const art_para *ap = &a->paras[sp->para];
		rich *r = rich_new();
		if (c->marking) {
			rich_add_styled(r, c->marking, strlen(c->marking), 1, 0, NULL);
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
			/* a list in the source: each item from its own line */
			span piece = bl->spans[j];
			for (size_t k = 1; k < ap->nitems; k++) {
				size_t at = ap->items[k].start;
				if (at <= piece.r.start || at >= piece.r.end)
					continue;
				span head = {piece.para, {piece.r.start, at}};
				add_span(c, r, bl, &head);
				ps = xrealloc(ps, (nps + bl->nspans + 2) * sizeof *ps);
				item_next = xrealloc(item_next, (nps + bl->nspans + 2) * sizeof *item_next);
				ps[nps] = compose_para(c, r, &st->excerpt, tw, 0, ALIGN_LEFT, bl->at);
				item_next[nps] = 1;
				total += ps[nps]->nlines;
				nps++;
				r = rich_new();
				piece.r.start = at;
			}
			add_span(c, r, bl, &piece);
		}
		size_t e0 = bl->spans[j - 1].r.end;
		while (e0 < ap->r.end && is_space_at(a->text, e0))
			e0++;
		if (e0 < ap->r.end)
			rich_add(r, " [\xE2\x80\xA6]", 6);
		ps[nps] = compose_para(c, r, &st->excerpt, tw, 0, ap->nitems || ap->heading ? ALIGN_LEFT : st->align, bl->at);
		item_next[nps] = 0;
		total += ps[nps]->nlines;
		nps++;
		i = j;
	}
	int breaks = total > KEEP_FIRM_LINES;
	compose_space(c, pad, 0);
	c->keep_next = 1;
	size_t body = c->dc->nitems;
	excerpt_lines(c, ps, nps, item_next, inner, total);
	int use = compose_passage_use(c, body);
	free(ps);
	free(item_next);
	if (breaks)
		excerpt_continued(c, bl, body, inner, tw);
	compose_space(c, st->excerpt_cite_space, 1);
	rich *cr = cite_line(c->b, bl, "\xE2\x80\x94\xC2\xA0", use);
	c->keep_next = 1;
	compose_lines(c, compose_para(c, cr, &st->small, tw, 0, ALIGN_LEFT, bl->at), inner, 1);
	if (bl->note) {
		rich *nr = rich_new();
		rich_add_markup(nr, bl->note, 1);
		c->keep_next = 1;
		compose_lines(c, compose_para(c, nr, &st->small, tw, 0, ALIGN_LEFT, bl->at), inner, 1);
	}
	compose_space(c, pad, 1);
	c->deco = -1;
}

