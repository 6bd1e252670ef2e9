/* passage.c: the source's own words: pull quotes and excerpts, with their highlights,
 * elisions and citation lines. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"

/* An elision that ends or starts a passage: the space beside it does not break (ties.c),
 * a line of "[…]" alone ended an excerpt (a reader's trial). */
#define ELISION_END " [\xE2\x80\xA6]"
#define ELISION_START "[\xE2\x80\xA6] "

/* Source text goes in with its words as they are; line breaks inside a paragraph are
 * layout, control characters (a form feed, a stray escape: nothing to print) white space,
 * and a plain-text source's typewriter marks are set as a typesetter sets them (straight
 * quotes curly, -- a dash, ... an ellipsis; typo_smarten_source), as the Chicago Manual
 * allows in quoted matter. Matching reads the file as it is. map: see typo_smarten_source. */
/* How far around a piece of a source its quotation marks are looked for: every piece is
 * read again with what is around it, so a paragraph of 60,000 list items read 64 KiB for
 * each (minutes, an adversarial review); 4 KiB holds many quotations */
#define QUOTES_AROUND 4096

const char *compose_source_lang(const composer *c, int src)
{
	const char *own = c->b->lang ? c->b->lang : c->st->lang;
	const char *lang = src >= 0 && (size_t)src < c->b->nsources ? c->b->sources[src].lang : NULL;
	/* a tag's case carries no meaning (RFC 5646 2.1.1): a brief's EN-us is a source's en-US */
	return lang && !(own && !g_ascii_strcasecmp(lang, own)) ? lang : NULL;
}

void compose_source_text(rich *r, const char *text, size_t start, size_t n, int bold, const rgb *color, size_t *map)
{
	/* a line break written CR LF (a Windows file) is one break, one space: the CR goes
	 * (at[i]: where byte i of the piece is in t, the CR at the LF after it) */
	char *t = xmalloc(n + 1);
	size_t *at = map ? xmalloc((n + 1) * sizeof *at) : NULL, m = 0;
	for (size_t i = 0; i < n; i++) {
		if (at)
			at[i] = m;
		/* a hyphenated word wrapped by hand prints whole, "well-known", as matching reads
		 * it (resolve/search.c fold): its line break goes (mapped to the hyphen's end) */
		size_t wrap = text[start + i] == '-' ? text_hyphen_wrap_len(text, start, start + n, start + i) : 0;
		if (!(text[start + i] == '\r' && i + 1 < n && text[start + i + 1] == '\n'))
			t[m++] = text[start + i];
		for (; wrap > 0; wrap--) {
			i++;
			if (at)
				at[i] = m;
		}
	}
	t[m] = '\0';
	if (at)
		at[n] = m;
	for (size_t i = 0, k; i < m; i += k ? k : 1) {
		uint32_t cp = 0;
		k = utf8_decode(t + i, m - i, &cp);
		if (k && utf8_is_control(cp))
			memset(t + i, ' ', k); /* a C1 control is two bytes, two spaces */
	}
	size_t *tmap = map ? xmalloc((m + 1) * sizeof *tmap) : NULL;
	/* the quotation marks its source sets, read around the piece (a straight quote in a
	 * German source is set „…“, not “…”) */
	size_t lo = start > QUOTES_AROUND ? start - QUOTES_AROUND : 0, hi = start + n;
	while (hi < start + n + QUOTES_AROUND && text[hi])
		hi++;
	char *typo = typo_smarten_source(t, m, text, start, tmap, typo_source_quotes(text + lo, hi - lo));
	if (map) {
		for (size_t i = 0; i <= n; i++)
			map[i] = tmap[at[i]];
		free(tmap);
		free(at);
	}
	if (bold || color)
		rich_add_styled(r, typo, strlen(typo), bold, 0, color);
	else
		rich_add(r, typo, strlen(typo));
	free(typo);
	free(t);
}

/* Whether text starts (at_end 0) or ends (1) with an elision, "[...]" or "[…]", spaces aside. */
static int typed_elision(const char *text, int at_end)
{
	if (!text)
		return 0;
	size_t a = 0, b = strlen(text);
	while (a < b && g_ascii_isspace(text[a]))
		a++;
	while (b > a && g_ascii_isspace(text[b - 1]))
		b--;
	static const char *const marks[] = {"[...]", "[\xE2\x80\xA6]"};
	for (size_t k = 0; k < 2; k++) {
		size_t n = strlen(marks[k]);
		if (b - a >= n && memcmp(text + (at_end ? b - n : a), marks[k], n) == 0)
			return 1;
	}
	return 0;
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

/* The closing mark of the double opening one at cp (0 if cp is none): “ ”, „ “ or „ ”, « »,
 * " " */
static int closes_double(uint32_t open, uint32_t close)
{
	switch (open) {
	case '"':
		return close == '"';
	case 0x201C:
		return close == 0x201D;
	case 0x201E:
		return close == 0x201C || close == 0x201D;
	case 0xAB:
		return close == 0xBB;
	default:
		return 0;
	}
}

/* A quote typed with its source's quotation marks round it ("„Wir halten …“", copied as the
 * source prints it) is printed inside the pull quote's own marks alone, which stand for
 * them (a trial printed “„Die … verhandelbar.“”): *first and *last lose the marks and the
 * spaces inside them when the whole quote is one quotation (no mark of its kind inside). */
static void drop_enclosing_marks(const char *text, const span *all, size_t n, span *first, span *last)
{
	uint32_t open = 0, close = 0, c = 0;
	size_t on = utf8_decode(text + first->r.start, first->r.end - first->r.start, &open);
	size_t cb = last->r.end;
	while (cb > last->r.start && ((unsigned char)text[cb - 1] & 0xC0) == 0x80)
		cb--;
	if (!on || cb == last->r.start || !utf8_decode(text + cb - 1, last->r.end - cb + 1, &close) ||
	    !closes_double(open, close) || (first == last && first->r.start + on >= cb - 1))
		return;
	size_t cs = cb - 1; /* where the closing mark starts */
	for (size_t j = 0; j < n; j++)
		for (size_t i = j == 0 ? all[j].r.start + on : all[j].r.start, e = j + 1 == n ? cs : all[j].r.end; i < e;) {
			size_t k = utf8_decode(text + i, e - i, &c);
			if (!k)
				return;
			if (c == open || c == close)
				return;
			i += k;
		}
	first->r.start += on;
	while (first->r.start < first->r.end && (text[first->r.start] == ' ' || !memcmp(text + first->r.start, "\xC2\xA0", 2)))
		first->r.start += text[first->r.start] == ' ' ? 1 : 2;
	last->r.end = cs;
	while (last->r.end > last->r.start && text[last->r.end - 1] == ' ')
		last->r.end--;
	if (last->r.end >= last->r.start + 2 && !memcmp(text + last->r.end - 2, "\xC2\xA0", 2))
		last->r.end -= 2;
}

/* A quotation inside the pull quote's own quotation marks takes single ones (Chicago
 * 13.30): the source's “ ” become ‘ ’ in place (the same number of bytes, so highlights
 * keep their places); its single quotes stay, as they are also apostrophes. */
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
	/* an elision the analyst typed at the start or the end is printed there too: the
	 * sentence goes on in the source */
	if (typed_elision(bl->text, 0))
		rich_add(r, ELISION_START, strlen(ELISION_START));
	span ends[2];
	if (bl->nspans > 0) {
		ends[0] = bl->spans[0];
		ends[1] = bl->spans[bl->nspans - 1];
		drop_enclosing_marks(c->b->sources[bl->source].art->text, bl->spans, bl->nspans, &ends[0],
				     bl->nspans > 1 ? &ends[1] : &ends[0]);
	}
	for (size_t i = 0; i < bl->nspans; i++) {
		if (i > 0)
			rich_add(r, " [\xE2\x80\xA6] ", 7);
		const span *sp = &bl->spans[i];
		if (i == 0)
			sp = &ends[0];
		else if (i == bl->nspans - 1)
			sp = &ends[1];
		add_span(c, r, bl, sp);
	}
	if (typed_elision(bl->text, 1))
		rich_add(r, ELISION_END, strlen(ELISION_END));
	/* a quote cut inside a quotation of its source ("he had ‘not wanted to disturb the
	 * Captain”) closes it before its own mark, as a quotation cut short is closed */
	for (size_t open = typo_nest_quotes(r->text.data + inside, r->text.len - inside); open > 0; open--)
		rich_add(r, open % 2 ? "\xE2\x80\x99" : "\xE2\x80\x9D", 3);
	rich_add(r, "\xE2\x80\x9D", 3);
	const char *lang = compose_source_lang(c, bl->source);
	if (lang)
		rich_set_lang(r, lang);
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
	compose_lines(c, compose_para(c, cr, &st->small, w - inner - ind, 0, ALIGN_LEFT, bl->speaker_at), inner, 1);
	if (bl->note) {
		rich *nr = rich_new();
		rich_add_markup(nr, bl->note, 1);
		c->keep_next = 1;
		compose_lines(c, compose_para(c, nr, &st->small, w - inner - ind, 0, ALIGN_LEFT, bl->note_at), inner, 1);
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
	char *t = cite_quoted_title(&c->b->sources[bl->source], "");
	rich_add(r, t, strlen(t));
	rich_add(r, " ", 1);
	free(t);
	rich_add_styled(r, "(continued)", 11, 0, 1, NULL);
	para *p = compose_para_again(c, r, &st->small, tw, ALIGN_LEFT);
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

/* An excerpt's paragraph, or a list item of one, set; x: where it starts in the box. */
typedef struct excerpt_piece {
	para *p;
	double x;
	int item_next; /* the next piece is the next item of the same list: no space between */
	int heading;   /* a subheading of the source: it stays with what follows */
	int leads;     /* it ends in a colon: it introduces what follows, and stays with it */
} excerpt_piece;

typedef struct excerpt_set {
	excerpt_piece *v;
	size_t n, cap, lines;
	double inner, width; /* where the box's text starts, and its measure */
	const char *lang;    /* compose_source_lang of its source */
} excerpt_set;

#define SOFT_PART_LINES 3
/* Less space than this between an excerpt's paragraphs does not show the break: they are
 * indented instead. */
#define EXCERPT_PARA_MIN_SPACE 3.0

/* The excerpt's paragraphs set, in order: an excerpt of up to KEEP_WHOLE_LINES lines is held
 * together by keeps, soft ones past KEEP_FIRM_LINES (the flow may break there rather than
 * leave a quarter of a column empty), never those against widows and orphans. */
static void excerpt_lines(composer *c, const excerpt_set *es)
{
	const style *st = c->st;
	int keep = es->lines <= KEEP_WHOLE_LINES;
	int breaks = es->lines > KEEP_FIRM_LINES;
	size_t done = 0; /* lines set before this paragraph's */
	for (size_t i = 0; i < es->n; i++) {
		const para *p = es->v[i].p;
		/* no break right after a subheading of the source or a lead-in ending in a colon
		 * ("the following safety issues:", then its list: a reader's trial), nor after a
		 * single line: the part before a break has two lines at least */
		int held = i > 0 && (es->v[i - 1].heading || es->v[i - 1].leads || done < 2);
		if (i > 0 && !es->v[i - 1].item_next)
			compose_space(c, st->para_space, keep || held);
		size_t f = compose_lines(c, es->v[i].p, es->v[i].x, keep);
		/* a part after a break is headed by two lines of its own: it has at least
		 * SOFT_PART_LINES, not fewer than its head */
		int soft_here = breaks && es->lines - done >= SOFT_PART_LINES && !held;
		if (i == 0 || held) {
			compose_item(c, f)->keep = 1;
		} else if (keep) {
			compose_item(c, f)->keep = 1;
			compose_item(c, f)->soft = soft_here;
			if (compose_item(c, f - 1)->kind == V_SPACE)
				compose_item(c, f - 1)->soft = soft_here;
		}
		for (size_t k = 1; breaks && keep && k < p->nlines; k++)
			if ((int)k >= st->orphans && (int)(p->nlines - k) >= st->widows &&
			    es->lines - done - k >= SOFT_PART_LINES)
				compose_item(c, f + k)->soft = 1;
		done += p->nlines;
		/* a long excerpt breaks like its paragraphs, but its last part too has at least
		 * SOFT_PART_LINES under its head */
		for (size_t k = 0; !keep && i + 1 == es->n && k < p->nlines; k++)
			if (p->nlines - k < SOFT_PART_LINES && (k > 0 || i > 0))
				compose_item(c, f + k)->keep = 1;
	}
}

/* The width of a letter x alone in font: a marker's width is that of the marker and an x
 * less this. */
static double x_width(composer *c, const font_role *font)
{
	rich *x = rich_new();
	rich_add(x, "x", 1);
	double lo, w;
	para_measure(c->pe, x, font, &lo, &w);
	rich_free(x);
	return w;
}

/* The width of a list item's marker at byte at of the source, with its trailing space: where
 * the item's text starts (x: x_width). 0 when no item starts there. */
static double marker_width(composer *c, const font_role *font, const article *a, const art_para *ap, size_t at,
			   double x)
{
	size_t m = 0;
	for (size_t k = 0; k < ap->nitems && !m; k++)
		if (ap->items[k].start == at)
			m = article_item_marker_len(a->text, ap->items[k].end, at);
	if (!m)
		return 0;
	/* the text's first letter stands where the marker's trailing space ends: a letter
	 * measured after it, less the letter alone */
	rich *r = rich_new();
	compose_source_text(r, a->text, at, m, 0, NULL, NULL);
	rich_add(r, "x", 1);
	double lo, with;
	para_measure(c->pe, r, font, &lo, &with);
	rich_free(r);
	return with > x ? with - x : 0;
}

item_hang compose_item_hang(composer *c, const font_role *font, const article *a, const art_para *ap, size_t at,
			    double widest)
{
	item_hang h = {0, 0};
	h.hang = marker_width(c, font, a, ap, at, x_width(c, font));
	if (h.hang > 0 && widest > h.hang)
		h.shift = widest - h.hang;
	return h;
}

double compose_widest_marker(composer *c, const font_role *font, const article *a, const art_para *ap)
{
	double most = 0, x = ap->nitems ? x_width(c, font) : 0;
	for (size_t k = 0; k < ap->nitems; k++) {
		double w = marker_width(c, font, a, ap, ap->items[k].start, x);
		if (w > most)
			most = w;
	}
	return most;
}

/* What an excerpt's paragraph piece has before its source text: the portion marking on a
 * paragraph's first piece, an elision mark when it starts after the paragraph's start. */
static rich *piece_prefix(const composer *c, int marking, int cut)
{
	rich *r = rich_new();
	if (marking && c->marking) {
		rich_add_styled(r, c->marking, strlen(c->marking), 1, 0, NULL);
		rich_add(r, " ", 1);
	}
	if (cut)
		rich_add(r, ELISION_START, strlen(ELISION_START));
	return r;
}

/* Whether a list item of ap (its marker) starts at byte pos. */
static int starts_item(const art_para *ap, size_t pos)
{
	for (size_t k = 1; k < ap->nitems; k++)
		if (ap->items[k].start == pos)
			return 1;
	return 0;
}

/* The list item of ap that byte pos is in; -1 in a paragraph that is no list. */
static long item_index(const art_para *ap, size_t pos)
{
	long k = -1;
	for (size_t i = 0; i < ap->nitems && ap->items[i].start <= pos; i++)
		k = (long)i;
	return ap->nitems ? k : -1;
}

/* Sets r (taken) as the next piece of the excerpt, hanging by h. */
static void piece_push(composer *c, excerpt_set *es, rich *r, item_hang h, text_align align, loc at, int item_next)
{
	if (es->n == es->cap) {
		es->cap = es->cap ? 2 * es->cap : 8;
		es->v = xrealloc(es->v, es->cap * sizeof *es->v);
	}
	/* a paragraph after another shows where the source's paragraph breaks: by the space
	 * between them, or where the layout sets next to none (paragraph-space: 0pt), by the
	 * layout's first-line indent, else an em (a new user's trial: paragraphs ran together) */
	double indent = -h.hang;
	if (h.hang == 0 && h.shift == 0 && es->n > 0 && !es->v[es->n - 1].item_next && !es->v[es->n - 1].heading &&
	    c->st->para_space < EXCERPT_PARA_MIN_SPACE)
		indent = c->st->first_indent > 0 ? c->st->first_indent : c->st->excerpt.size;
	excerpt_piece *pc = &es->v[es->n++];
	size_t end = r->text.len;
	while (end > 0 && (r->text.data[end - 1] == ' ' || r->text.data[end - 1] == '\n'))
		end--;
	pc->leads = end > 0 && r->text.data[end - 1] == ':';
	if (es->lang)
		rich_set_lang(r, es->lang);
	pc->p = compose_para(c, r, &c->st->excerpt, es->width - h.shift, indent, align, at);
	pc->x = es->inner + h.shift;
	pc->item_next = item_next;
	pc->heading = 0;
	es->lines += pc->p->nlines;
}

/* The spans of the excerpt's paragraph that bl->spans[i] is in, set as pieces: the
 * paragraph, or each list item of it from its own line. Returns the index of the next
 * paragraph's first span. */
static size_t excerpt_para(composer *c, const block *bl, size_t i, excerpt_set *es)
{
	const article *a = c->b->sources[bl->source].art;
	const span *sp = &bl->spans[i];
	const art_para *ap = &a->paras[sp->para];
	const font_role *font = &c->st->excerpt;
	double widest = compose_widest_marker(c, font, a, ap);
	size_t s0 = sp->r.start;
	while (s0 > ap->r.start && is_space_at(a->text, s0 - 1))
		s0--;
	/* a list item's start begins a line in the source: no cut, as a paragraph's is none */
	int cut = s0 > ap->r.start && !starts_item(ap, sp->r.start);
	/* a list item's portion marking follows its marker, as in the brief's own lists, and
	 * its lines hang under the marking; after an elision mark, the marking and the mark
	 * come first and the lines hang where the list's items have their text */
	item_hang h = compose_item_hang(c, font, a, ap, sp->r.start, widest);
	if (cut) {
		h.hang += h.shift;
		h.shift = 0;
	}
	size_t lead = h.hang > 0 && !cut && c->marking ? article_item_marker_len(a->text, ap->r.end, sp->r.start) : 0;
	rich *r = piece_prefix(c, !lead, cut);
	if (lead) {
		span marker = {sp->para, {sp->r.start, sp->r.start + lead}};
		add_span(c, r, bl, &marker);
		rich_add_styled(r, c->marking, strlen(c->marking), 1, 0, NULL);
		rich_add(r, " ", 1);
	}
	size_t j = i;
	for (; j < bl->nspans && bl->spans[j].para == sp->para; j++) {
		/* a list in the source: each item from its own line */
		span piece = bl->spans[j];
		if (j > i && item_index(ap, piece.r.start) != item_index(ap, bl->spans[j - 1].r.end - 1)) {
			/* the cut runs into another item: it starts a line of its own */
			rich_add(r, ELISION_END, strlen(ELISION_END));
			piece_push(c, es, r, h, ALIGN_LEFT, bl->at, 1);
			h = compose_item_hang(c, font, a, ap, piece.r.start, widest);
			r = piece_prefix(c, 0, h.hang == 0);
		} else if (j > i) {
			rich_add(r, " [\xE2\x80\xA6] ", 7);
		}
		if (j == i)
			piece.r.start += lead;
		for (size_t k = 1; k < ap->nitems; k++) {
			size_t at = ap->items[k].start;
			if (at <= piece.r.start || at >= piece.r.end)
				continue;
			span head = {piece.para, {piece.r.start, at}};
			add_span(c, r, bl, &head);
			/* the text before a list's first item is the paragraph's own: justified
			 * as the excerpt's others; the items hang under their markers, ragged */
			piece_push(c, es, r, h, h.hang > 0 ? ALIGN_LEFT : c->st->align, bl->at, 1);
			r = rich_new();
			piece.r.start = at;
			h = compose_item_hang(c, font, a, ap, at, widest);
		}
		add_span(c, r, bl, &piece);
	}
	size_t e0 = bl->spans[j - 1].r.end;
	while (e0 < ap->r.end && is_space_at(a->text, e0))
		e0++;
	if (e0 < ap->r.end && !starts_item(ap, e0))
		rich_add(r, ELISION_END, strlen(ELISION_END));
	piece_push(c, es, r, h, ap->nitems || ap->heading ? ALIGN_LEFT : c->st->align, bl->at, 0);
	es->v[es->n - 1].heading = ap->heading;
	return j;
}

void compose_excerpt_block(composer *c, const block *bl, const block *prev)
{
	(void)prev;
	if (!compose_prints_passage(bl)) /* the annex numbers the same blocks */
		return;
	const style *st = c->st;
	double w = c->w;
	double ind = st->excerpt_indent;
	double pad = st->excerpt_padding;
	double inner = ind + st->excerpt_bar + pad;
	double tw = w - inner - pad;
	c->deco = compose_deco(c, DECO_TINT_BAR, ind, w - ind, st->excerpt_bar);
	/* lay out first, so that a short excerpt can be kept whole */
	excerpt_set es = {NULL, 0, 0, 0, inner, tw, compose_source_lang(c, bl->source)};
	for (size_t i = 0; i < bl->nspans;)
		i = excerpt_para(c, bl, i, &es);
	size_t total = es.lines;
	int breaks = total > KEEP_FIRM_LINES;
	compose_space(c, pad, 0);
	c->keep_next = 1;
	size_t body = c->dc->nitems;
	excerpt_lines(c, &es);
	int use = compose_passage_use(c, body);
	free(es.v);
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
		compose_lines(c, compose_para(c, nr, &st->small, tw, 0, ALIGN_LEFT, bl->note_at), inner, 1);
	}
	compose_space(c, pad, 1);
	c->deco = -1;
}

