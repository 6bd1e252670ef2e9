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

/* A passage of one source that the brief used: a byte range and who used it, use: the
 * block's number, or (note > 0) the number of the note that cites it, after the blocks'. */
typedef struct use_span {
	int para;
	range r;
	int use;
	int note;
	int goes_on; /* the words go on from the use's span before (the next paragraph, whole) */
} use_span;

/* Whether span q of a block goes on from span p: p runs to its paragraph's end and q is the
 * whole start of the next one (an excerpt of several paragraphs), not past an elision. */
static int goes_on(const article *a, const span *p, const span *q)
{
	if (!a || q->para != p->para + 1 || (size_t)q->para >= a->nparas)
		return 0;
	range pr = a->paras[p->para].r, qr = a->paras[q->para].r;
	return p->r.end >= pr.end && q->r.start <= qr.start;
}

/* What a use is called in the margin: "A3" for a quote or excerpt, "n2" for a note. */
static void use_name(char *out, size_t n, const use_span *u)
{
	char letter[16];
	if (u->note) {
		rich_note_label((size_t)u->note - 1, letter); /* as its mark in the text */
		snprintf(out, n, "note %s", letter);
	} else {
		snprintf(out, n, "A%d", u->use);
	}
}

/* Whether a run of the use's words starts in piece: u does not go on from the paragraph
 * before, and starts inside piece (a later list item of the paragraph is no start). */
static int starts_use(const use_span *u, range piece)
{
	return !u->goes_on && u->r.start >= piece.start;
}

/* The notes' citations of source src: the sentence or the paragraphs they name, marked in
 * the margin (their words are not the brief's: no tint). */
static void note_uses(const brief *b, int src, int nblocks, use_span **v, size_t *n)
{
	const article *a = b->sources[src].art;
	for (size_t k = 0; k < b->nnotes; k++)
		for (int z = 0; z < b->notes[k].ncites; z++) {
			const cite *ct = &b->notes[k].cites[z];
			if (ct->source != src || ct->para < 1)
				continue;
			int lastp = ct->para_last ? ct->para_last : ct->para;
			for (int p = ct->para; p <= lastp && p <= (int)a->nparas; p++) {
				const art_para *ap = &a->paras[p - 1];
				range r = ap->r;
				if (ct->sent > 0 && (size_t)ct->sent <= ap->nsents)
					r = ap->sents[ct->sent - 1];
				*v = grow_for(*v, *n, sizeof **v);
				(*v)[(*n)++] = (use_span){p - 1, r, nblocks + (int)k + 1, (int)k + 1, p > ct->para && ct->sent <= 0};
			}
		}
}

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
				int on = q > 0 && goes_on(b->sources[src].art, &bl->spans[q - 1], &bl->spans[q]);
				v[(*n)++] = (use_span){bl->spans[q].para, bl->spans[q].r, use, 0, on};
			}
		}
	*nuses = use;
	if (src >= 0)
		note_uses(b, src, use, &v, n);
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

/* Whether use u falls in bytes piece of paragraph k; *in: its bytes there, from the piece's
 * start, as printed (map: where each byte of the piece went, compose_source_text). */
static int use_in(const use_span *u, size_t k, range piece, const size_t *map, range *in)
{
	if (u->para != (int)k || u->r.end <= piece.start || u->r.start >= piece.end)
		return 0;
	in->start = map[(u->r.start > piece.start ? u->r.start : piece.start) - piece.start];
	in->end = map[(u->r.end < piece.end ? u->r.end : piece.end) - piece.start];
	return 1;
}

/* The margin of paragraph p (bytes piece of the source): the name of each use beside each
 * line where its words start (the names of one line share a label), a highlight's name
 * again where it runs on to a new column, the blocks' anchors at their first line. */
static void annex_marks(composer *c, para *p, size_t first, size_t k, range piece, const size_t *map,
			const use_span *us, size_t nus, int nids, const annex_geom *g, unsigned char *done)
{
	char name[24];
	struct mark {
		size_t line, at;
		const use_span *u;
	} *m = NULL;
	size_t nm = 0;
	for (size_t i = 0; i < nus; i++) {
		range in;
		if (!use_in(&us[i], k, piece, map, &in))
			continue;
		size_t at = in.start;
		int starts = starts_use(&us[i], piece);
		if (starts) {
			m = grow_for(m, nm, sizeof *m);
			m[nm++] = (struct mark){line_of(p, at), at, &us[i]};
		}
		if (us[i].note)
			continue;
		/* again at the top of each column the words run on to (from its second line
		 * where it starts, from its first where it goes on) */
		use_name(name, sizeof name, &us[i]);
		if ((starts ? at + 1 : at) < in.end)
			add_label(c, p, starts ? at + 1 : at, in.end, margin_text(c, name, c->dc->col_w), g);
		if (!done[us[i].use]) {
			done[us[i].use] = 1;
			char *anchor = xasprintf("use-%d", us[i].use);
			compose_anchor(c, first + (p->nlines ? line_of(p, at) : 0), anchor);
			free(anchor);
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
		for (int id = 1; id <= nids; id++)
			for (size_t j = i; j < nm; j++)
				if (m[j].line == m[i].line && m[j].u->use == id) {
					use_name(name, sizeof name, m[j].u);
					sb_printf(&sb, "%s%s", sb.len ? ", " : "", name);
					at = m[j].at < at ? m[j].at : at;
					break;
				}
		add_label(c, p, at, at, margin_text(c, sb.data, c->dc->col_w), g);
	}
	free(m);
	sb_free(&sb);
}

/* Bytes piece of paragraph k of source src (a list item hanging by h, or the whole
 * paragraph) set as one paragraph, the words quotes and excerpts print tinted and linked
 * back to them, and its margin; returns its first item. */
static size_t annex_piece(composer *c, int src, size_t k, range piece, item_hang h, const use_span *us, size_t nus,
			  int nids, const annex_geom *g, unsigned char *done)
{
	const article *a = c->b->sources[src].art;
	const art_para *ap = &a->paras[k];
	rich *r = rich_new();
	size_t *map = xmalloc((piece.end - piece.start + 1) * sizeof *map);
	compose_source_text(r, a->text, piece.start, piece.end - piece.start, ap->heading, NULL, map);
	for (size_t i = 0; i < nus; i++) {
		range in;
		if (!use_in(&us[i], k, piece, map, &in) || us[i].note)
			continue;
		rich_tint_range(r, in.start, in.end);
		char *dest = xasprintf("blk-%d", us[i].use);
		rich_link_range(r, in.start, in.end, dest, 0);
		free(dest);
	}
	const char *lang = compose_source_lang(c, src);
	if (lang)
		rich_set_lang(r, lang);
	text_align align = ap->heading || ap->nitems ? ALIGN_LEFT : c->st->align;
	/* an error setting it (a character not in the fonts, too many lines) is the source's,
	 * at the line the piece starts on */
	int line = ap->line;
	for (size_t i = ap->r.start; i < piece.start; i++)
		line += a->text[i] == '\n';
	para *p = compose_para(c, r, &c->st->body, g->width - h.shift, -h.hang, align, loc_at(a->display, line, 1));
	size_t first = compose_lines(c, p, g->left + h.shift, ap->heading);
	annex_marks(c, p, first, k, piece, map, us, nus, nids, g, done);
	free(map);
	return first;
}

/* Paragraph k of source src, numbered in the margin: a list item by item, each from its
 * own line (as an excerpt prints them). */
static void annex_para(composer *c, int src, size_t k, const use_span *us, size_t nus, int nids,
		       const annex_geom *g, unsigned char *done)
{
	const art_para *ap = &c->b->sources[src].art->paras[k];
	const article *a = c->b->sources[src].art;
	size_t npieces = ap->nitems ? ap->nitems : 1;
	double widest = compose_widest_marker(c, &c->st->body, a, ap);
	for (size_t i = 0; i < npieces; i++) {
		range piece = ap->nitems ? ap->items[i] : ap->r;
		if (i == 0)
			piece.start = ap->r.start;
		item_hang h = compose_item_hang(c, &c->st->body, a, ap, piece.start, widest);
		size_t first = annex_piece(c, src, k, piece, h, us, nus, nids, g, done);
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

/* The width of text set as a label. */
static double label_width(composer *c, const char *text)
{
	rich *r = rich_new();
	rich_add(r, text, strlen(text));
	double min_w = 0, max_w = 0;
	para_measure(c->pe, r, &c->st->small, &min_w, &max_w);
	rich_free(r);
	return max_w;
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
	char *title = cite_source_title(s);
	rich_add(r, title, strlen(title));
	size_t h = compose_lines_as(c, TAG_H2, compose_para(c, r, &st->heading2, w, 0, ALIGN_LEFT, s->at), 0, 1);
	compose_outline(c, h, title, 1);
	free(title);
	strbuf sb = {0};
	sb_printf(&sb, "Source %d", src + 1);
	if (s->art && s->art->publication) {
		sb_puts(&sb, ". ");
		cite_publication(&sb, s);
	}
	char *date = cite_source_date(s);
	if (date)
		sb_printf(&sb, ", %s", date);
	free(date);
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
	c->in_annex = 1;
	compose_push(c, V_PAGEBREAK, 0);
	rich *r = rich_new();
	rich_add(r, "Annex: the sources in full", 26);
	size_t h = compose_lines_as(c, TAG_H1, compose_para(c, r, &st->heading, w, 0, ALIGN_LEFT, loc_none()), 0, 1);
	compose_outline(c, h, "Annex: the sources in full", 0);
	compose_space(c, st->heading_space_after, 1);
	r = rich_new();
	rich_add_markup(r,
			"Each source as mkbrief read it, its paragraphs numbered as they are cited. Highlighted: "
			"the words this brief quotes or excerpts. In the margin, the quote or excerpt that uses them "
			"(A1, A2... at the end of its citation line) and the notes that cite them (note a, note b...).",
			1);
	c->keep_next = 1;
	compose_lines(c, compose_para(c, r, &st->small, w, 0, ALIGN_LEFT, loc_none()), 0, 1);
	/* the blocks' and notes' names take the right margin of the column */
	size_t n = 0;
	int nuses = 0;
	free(uses_of(b, -2, &n, &nuses));
	/* as wide as the widest name a label holds alone: the last block's or the last note's */
	char widest[48];
	snprintf(widest, sizeof widest, "A%d", nuses > 0 ? nuses : 1);
	double max_w = label_width(c, widest);
	snprintf(widest, sizeof widest, "n%zu", b->nnotes);
	if (b->nnotes && label_width(c, widest) > max_w)
		max_w = label_width(c, widest);
	annex_geom g = {st->sources_indent, 0, 0};
	double gap = st->sources_indent / 2;
	g.width = w - g.left - max_w - gap;
	g.label = g.left + g.width + gap;
	int nids = nuses + (int)b->nnotes;
	unsigned char *done = xcalloc((size_t)nids + 1, 1);
	for (size_t i = 0; i < b->nsources && !c->over; i++) {
		const article *a = b->sources[i].art;
		if (!a)
			continue;
		use_span *us = uses_of(b, (int)i, &n, &nuses);
		compose_space(c, st->block_space, 0);
		annex_source_head(c, (int)i, i == 0);
		for (size_t k = 0; k < a->nparas && !c->over; k++) {
			if (k > 0) {
				/* the space under a subheading keeps it with its paragraph's first
				 * line, not only with the space */
				int keep = c->keep_next;
				compose_space(c, st->para_space, keep);
				c->keep_next = keep;
			}
			annex_para(c, (int)i, k, us, n, nids, &g, done);
		}
		free(us);
	}
	free(done);
}
