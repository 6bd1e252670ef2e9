/* annex.c: the reading-pack annex (annex: true, --annex): after Sources, each source in full,
 * set like the body, its paragraphs numbered in the margin as they are cited; the words the
 * brief quotes or excerpts on a highlighter's tint, exactly those words (each piece of an
 * elided quote), and in the other margin the number of the quote or excerpt that used them
 * (A1, A2... in reading order, printed at the end of its citation line). The citation line
 * links to the passage, the highlight back to the block. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"

int compose_prints_passage(const block *bl)
{
	return (bl->kind == BLOCK_QUOTE || bl->kind == BLOCK_EXCERPT) && bl->source >= 0 && bl->nspans > 0;
}

int compose_passage_use(composer *c, size_t first)
{
	if (!c->b->annex)
		return 0;
	int use = ++c->uses;
	char *name = xasprintf("blk-%d", use);
	compose_anchor(c, first, name);
	free(name);
	return use;
}

/* A passage of one source that the brief printed: a byte range and the block's number. */
typedef struct use_span {
	int para;
	range r;
	int use;
} use_span;

/* The spans of source src that quotes and excerpts print, in reading order (the order
 * doc_compose sets the blocks in, so that the numbers agree). Caller frees. */
static use_span *uses_of(const brief *b, int src, size_t *n, int *nuses)
{
	use_span *v = NULL;
	*n = 0;
	int use = 0;
	for (size_t k = 0; k < b->nsections; k++)
		for (size_t j = 0; j < b->sections[k].nblocks; j++) {
			const block *bl = &b->sections[k].blocks[j];
			if (!compose_prints_passage(bl))
				continue;
			use++;
			for (size_t q = 0; bl->source == src && q < bl->nspans; q++) {
				v = grow_for(v, *n, sizeof *v);
				v[(*n)++] = (use_span){bl->spans[q].para, bl->spans[q].r, use};
			}
		}
	*nuses = use;
	return v;
}

/* The line of p that holds byte at. */
static size_t line_of(const para *p, size_t at)
{
	size_t i = 0;
	while (i + 1 < p->nlines && (size_t)p->lines[i + 1].start <= at)
		i++;
	return i;
}

/* One line of small text in the accent colour (a paragraph number, a block's number). */
static para *margin_text(composer *c, const char *text, double w)
{
	rich *r = rich_new();
	rich_add_styled(r, text, strlen(text), 0, 0, &c->st->accent);
	return compose_para(c, r, &c->st->small, w, 0, ALIGN_LEFT, loc_none());
}

typedef struct annex_geom {
	double left;  /* the text's left edge: the paragraph numbers stand before it */
	double width; /* the text's width */
	double label; /* the blocks' numbers: from the column's left */
} annex_geom;

static void add_label(composer *c, const para *p, size_t at, size_t end, para *label, const annex_geom *g)
{
	c->dc->labels = grow_for(c->dc->labels, c->dc->nlabels, sizeof *c->dc->labels);
	c->dc->labels[c->dc->nlabels++] = (struct doc_label){p, at, end, label, c->x + g->label};
}

/* Bytes [from, to) of paragraph k of source src (a list item, or the whole paragraph) set as
 * one paragraph, its used words tinted and linked back; returns its first item. done[u]
 * says use u has its anchor (the first place it is used). */
static size_t annex_piece(composer *c, int src, size_t k, range piece, const use_span *us, size_t nus,
			  int nuses, const annex_geom *g, unsigned char *done)
{
	const article *a = c->b->sources[src].art;
	const art_para *ap = &a->paras[k];
	rich *r = rich_new();
	compose_source_text(r, a->text + piece.start, piece.end - piece.start, ap->heading, NULL);
	for (size_t i = 0; i < nus; i++) {
		if (us[i].para != (int)k || us[i].r.end <= piece.start || us[i].r.start >= piece.end)
			continue;
		size_t s = (us[i].r.start > piece.start ? us[i].r.start : piece.start) - piece.start;
		size_t e = (us[i].r.end < piece.end ? us[i].r.end : piece.end) - piece.start;
		rich_tint_range(r, s, e);
		char *dest = xasprintf("blk-%d", us[i].use);
		rich_link_range(r, s, e, dest, 0);
		free(dest);
	}
	text_align align = ap->heading || ap->nitems ? ALIGN_LEFT : c->st->align;
	para *p = compose_para(c, r, &c->st->body, g->width, 0, align, loc_none());
	size_t first = compose_lines(c, p, g->left, ap->heading);
	/* each block that used this piece: its number beside each line where its words start
	 * (numbers of one line share a label), its anchor at the first of them */
	struct mark {
		size_t line, at;
		int use;
	} *m = NULL;
	size_t nm = 0;
	for (size_t i = 0; i < nus; i++) {
		if (us[i].para != (int)k || us[i].r.end <= piece.start || us[i].r.start >= piece.end)
			continue;
		size_t at = (us[i].r.start > piece.start ? us[i].r.start : piece.start) - piece.start;
		m = grow_for(m, nm, sizeof *m);
		m[nm++] = (struct mark){line_of(p, at), at, us[i].use};
		size_t end = (us[i].r.end < piece.end ? us[i].r.end : piece.end) - piece.start;
		char label[24];
		snprintf(label, sizeof label, "A%d", us[i].use);
		add_label(c, p, at, end, margin_text(c, label, c->dc->col_w), g);
		if (!done[us[i].use]) {
			done[us[i].use] = 1;
			char *name = xasprintf("use-%d", us[i].use);
			compose_anchor(c, first + (p->nlines ? line_of(p, at) : 0), name);
			free(name);
		}
	}
	strbuf sb = {0};
	for (size_t i = 0; i < nm; i++) {
		int seen = 0; /* this line's label is made with the first mark on it */
		for (size_t j = 0; j < i; j++)
			seen |= m[j].line == m[i].line;
		if (seen)
			continue;
		sb.len = 0;
		size_t at = m[i].at;
		for (int u = 1; u <= nuses; u++)
			for (size_t j = i; j < nm; j++)
				if (m[j].line == m[i].line && m[j].use == u) {
					sb_printf(&sb, "%sA%d", sb.len ? ", " : "", u);
					at = m[j].at < at ? m[j].at : at;
					break;
				}
		add_label(c, p, at, at, margin_text(c, sb.data, c->dc->col_w), g);
	}
	free(m);
	sb_free(&sb);
	return first;
}

/* Paragraph k of source src, numbered in the margin: a list item by item, each from its
 * own line (as an excerpt prints them). */
static void annex_para(composer *c, int src, size_t k, const use_span *us, size_t nus, int nuses,
		       const annex_geom *g, unsigned char *done)
{
	const art_para *ap = &c->b->sources[src].art->paras[k];
	size_t npieces = ap->nitems ? ap->nitems : 1;
	for (size_t i = 0; i < npieces; i++) {
		range piece = ap->nitems ? ap->items[i] : ap->r;
		if (i == 0)
			piece.start = ap->r.start;
		size_t first = annex_piece(c, src, k, piece, us, nus, nuses, g, done);
		if (i == 0) {
			char num[24];
			snprintf(num, sizeof num, "%zu", k + 1);
			vitem *it = compose_item(c, first);
			it->marker = margin_text(c, num, g->left);
			it->marker_x = c->x;
		}
		if (ap->heading) /* a subheading stays with what it heads */
			c->keep_next = 1;
	}
}

/* The source's title as a heading, with its publication line and its file. */
static void annex_source_head(composer *c, int src, int first)
{
	const style *st = c->st;
	const source *s = &c->b->sources[src];
	double w = c->dc->col_w;
	if (!first)
		compose_space(c, st->heading_space_before, 0);
	rich *r = rich_new();
	const char *title = cite_source_title(s);
	rich_add(r, title, strlen(title));
	size_t h = compose_lines_as(c, TAG_H2, compose_para(c, r, &st->heading2, w, 0, ALIGN_LEFT, s->at), 0, 1);
	compose_outline(c, h, title, 1);
	strbuf sb = {0};
	sb_printf(&sb, "Source %d", src + 1);
	if (s->art && s->art->publication) {
		sb_puts(&sb, ". ");
		cite_publication(&sb, s);
	}
	if (s->date)
		sb_printf(&sb, ", %s", s->date);
	sb_printf(&sb, ". File: %s.", s->file);
	r = rich_new();
	rich_add(r, sb.data, sb.len);
	sb_free(&sb);
	c->keep_next = 1;
	compose_lines(c, compose_para(c, r, &st->small, w, 0, ALIGN_LEFT, s->at), 0, 1);
	compose_space(c, st->heading_space_after, 1);
	c->keep_next = 1;
}

void compose_annex(composer *c)
{
	const style *st = c->st;
	const brief *b = c->b;
	double w = c->dc->col_w;
	compose_push(c, V_PAGEBREAK, 0);
	rich *r = rich_new();
	rich_add(r, "Annex: the sources in full", 26);
	size_t h = compose_lines_as(c, TAG_H1, compose_para(c, r, &st->heading, w, 0, ALIGN_LEFT, loc_none()), 0, 1);
	compose_outline(c, h, "Annex: the sources in full", 0);
	compose_space(c, st->heading_space_after, 1);
	r = rich_new();
	rich_add_markup(r,
			"Each source as mkbrief read it, its paragraphs numbered as they are cited. Highlighted: "
			"the words this brief quotes or excerpts. In the margin, the quote or excerpt that uses them: "
			"A1, A2... at the end of its citation line.",
			1);
	c->keep_next = 1;
	compose_lines(c, compose_para(c, r, &st->small, w, 0, ALIGN_LEFT, loc_none()), 0, 1);
	/* the blocks' numbers take the right margin of the column: as wide as the widest */
	size_t n = 0;
	int nuses = 0;
	free(uses_of(b, -2, &n, &nuses));
	char widest[24];
	snprintf(widest, sizeof widest, "A%d", nuses > 0 ? nuses : 1);
	rich *wr = rich_new();
	rich_add(wr, widest, strlen(widest));
	double min_w = 0, max_w = 0;
	para_measure(c->pe, wr, &st->small, &min_w, &max_w);
	rich_free(wr);
	annex_geom g = {st->sources_indent, 0, 0};
	double gap = st->sources_indent / 2;
	g.width = w - g.left - max_w - gap;
	g.label = g.left + g.width + gap;
	unsigned char *done = xcalloc((size_t)nuses + 1, 1);
	for (size_t i = 0; i < b->nsources && !c->over; i++) {
		const article *a = b->sources[i].art;
		if (!a)
			continue;
		use_span *us = uses_of(b, (int)i, &n, &nuses);
		compose_space(c, st->block_space, 0);
		annex_source_head(c, (int)i, i == 0);
		for (size_t k = 0; k < a->nparas && !c->over; k++) {
			if (k > 0)
				compose_space(c, st->para_space, c->keep_next);
			annex_para(c, (int)i, k, us, n, nuses, &g, done);
		}
		free(us);
	}
	free(done);
}
