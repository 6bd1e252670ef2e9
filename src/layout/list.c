/* list.c: composing lists, bulleted and numbered, nested (load/lists.c keeps a list flat,
 * each item with its level, number and marker). Items hang: the marker in a gutter, the
 * text after it. A bullet sits at bullets.marker-inset; a number is right-aligned in a
 * gutter as wide as its list's widest number, so that the text of 9. and 10. starts at one
 * x. A sub-list's left edge is its item's text, and its first line stays with the item's
 * last: a reader never finds sub-points at a page's top without the point they belong to. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"
#include "load/markers.h"

_Static_assert(BRIEF_LIST_LEVELS <= STYLE_LIST_LEVELS, "the layout has a marker for every level a list may have");

/* n written in the counter kind ('1' decimal, 'a' or 'A' letters, 'i' or 'I' roman). */
static void counter(strbuf *sb, char kind, int n)
{
	if ((kind == 'a' || kind == 'A') && n > 0) {
		/* a..z, then aa, ab, ...: bijective base 26, as word processors count */
		char buf[16];
		size_t k = sizeof buf;
		buf[--k] = 0;
		for (; n > 0; n = (n - 1) / 26)
			buf[--k] = (char)(kind + (n - 1) % 26);
		sb_puts(sb, buf + k);
	} else if ((kind == 'i' || kind == 'I') && n > 0 && n < 4000) {
		static const struct {
			int v;
			const char *s;
		} roman[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
			     {40, "xl"},   {10, "x"},   {9, "ix"},   {5, "v"},    {4, "iv"},   {1, "i"}};
		for (size_t k = 0; k < sizeof roman / sizeof roman[0]; k++)
			for (; n >= roman[k].v; n -= roman[k].v)
				for (const char *p = roman[k].s; *p; p++)
					sb_putc(sb, kind == 'I' ? (char)toupper((unsigned char)*p) : *p);
	} else {
		sb_printf(sb, "%d", n); /* and roman numbers past 3999, which have no plain form */
	}
}

/* The numbers of item j's numbered ancestors in items[0, j], itself last: n[k - 1] its
 * own, n[k - 2] its enclosing numbered item's, and so on; k at most max. Returns k. */
static size_t numbers_up(const item *items, size_t j, int *n, size_t max)
{
	int found[MARKER_MAX_COUNTERS];
	size_t k = 0;
	int level = items[j].level + 1;
	for (size_t i = j + 1; i-- > 0 && k < max && k < MARKER_MAX_COUNTERS;) {
		if (items[i].level >= level)
			continue;
		level = items[i].level;
		if (items[i].number > 0)
			found[k++] = items[i].number;
	}
	for (size_t i = 0; i < k; i++)
		n[i] = found[k - 1 - i];
	return k;
}

/* The marker of items[j] as the layout writes it: its level's bullet, or its number in
 * its level's style ("1." "a." "i."), with its enclosing items' numbers where the marker
 * has counters for them ("1.1"). */
static rich *marker(const style *st, const item *items, size_t j)
{
	const item *it = &items[j];
	int mark = it->mark >= 0 && it->mark < STYLE_LIST_LEVELS ? it->mark : STYLE_LIST_LEVELS - 1;
	strbuf sb = {0};
	if (it->number > 0) {
		const char *t = st->number_markers[mark];
		size_t at[MARKER_MAX_COUNTERS];
		int numbers[MARKER_MAX_COUNTERS];
		size_t nc = marker_counters(t, at, MARKER_MAX_COUNTERS);
		nc = nc < MARKER_MAX_COUNTERS ? nc : MARKER_MAX_COUNTERS;
		/* the layout loader allows no more counters than the level has numbers */
		size_t nn = numbers_up(items, j, numbers, nc);
		size_t from = 0;
		for (size_t c = 0; c < nc; c++) {
			sb_append(&sb, t + from, at[c] - from);
			counter(&sb, t[at[c]], c + nn >= nc ? numbers[c + nn - nc] : 0);
			from = at[c] + 1;
		}
		sb_puts(&sb, t + from);
	} else {
		sb_puts(&sb, st->bullet_markers[mark]);
	}
	rich *r = rich_new();
	rich_add_styled(r, sb.data ? sb.data : "", sb.len, 0, 0, &st->accent);
	sb_free(&sb);
	return r;
}

/* How a list's markers count: its own counter's kind ('1', 'a', 'A', 'i', 'I'), or '*'
 * for bullets (doc.h: tag_step). */
static char list_numbering(const style *st, const item *first)
{
	if (first->number <= 0)
		return '*';
	int mark = first->mark >= 0 && first->mark < STYLE_LIST_LEVELS ? first->mark : STYLE_LIST_LEVELS - 1;
	const char *t = st->number_markers[mark];
	size_t at[MARKER_MAX_COUNTERS];
	size_t nc = marker_counters(t, at, MARKER_MAX_COUNTERS);
	return nc ? t[at[(nc < MARKER_MAX_COUNTERS ? nc : MARKER_MAX_COUNTERS) - 1]] : '1';
}

/* What every level of one list shares. */
typedef struct list_spec {
	const item *items;
	size_t n;
	const font_role *font;
	int keep_all;
} list_spec;

/* Whether an item in a run at level is one of that list's own (else of a sub-list). Levels
 * come from the loader, below BRIEF_LIST_LEVELS; a deeper one is set at the deepest. */
static int at_level(const item *it, int level)
{
	return it->level <= level || level == BRIEF_LIST_LEVELS - 1;
}

/* Whether an item belongs to the run at level that started before it. */
static int in_run(const item *it, int level)
{
	return level == 0 || it->level >= level;
}

/* How far its items' text lies right of a list's left edge. Numbers are set first, so
 * that the gutter fits the widest; marks[k] then holds the k-th item's number. */
static double text_inset(composer *c, const list_spec *ls, size_t first, int level, double w, para **marks)
{
	const style *st = c->st;
	if (ls->items[first].number == 0)
		return st->bullet_indent;
	double widest = 0;
	size_t k = 0;
	for (size_t j = first; j < ls->n && (j == first || in_run(&ls->items[j], level)); j++) {
		if (!at_level(&ls->items[j], level))
			continue;
		para *m = compose_para(c, marker(st, ls->items, j), ls->font, w, 0, ALIGN_LEFT, ls->items[j].at);
		if (m->nlines && m->lines[0].x + m->lines[0].width > widest)
			widest = m->lines[0].x + m->lines[0].width;
		marks[k++] = m;
	}
	double in = st->number_indent > widest + st->number_gap ? st->number_indent : widest + st->number_gap;
	return in < w / 2 ? in : w / 2; /* however many digits, the text keeps half the width */
}

/* Sets the list whose first item is items[*i], at level, its left edge at x (from the
 * column's left) and w wide, with its items' sub-lists; *i ends past its last item. */
static void compose_level(composer *c, const list_spec *ls, size_t *i, int level, double x, double w)
{
	const style *st = c->st;
	const item *items = ls->items;
	size_t first = *i, k = 0, count = 0;
	for (size_t j = first; j < ls->n && (j == first || in_run(&items[j], level)); j++)
		count += at_level(&items[j], level);
	para **marks = xcalloc(count, sizeof *marks);
	double in = text_inset(c, ls, first, level, w, marks);
	size_t j = first;
	/* L, and LI with its LBody around an item and its sub-lists */
	compose_tag_open(c, TAG_L);
	if (c->tags.n <= TAG_DEPTH) /* how its markers count, for a screen reader (/ListNumbering) */
		c->tags.v[c->tags.n - 1].numbering = list_numbering(st, &items[first]);
	int open_item = 0;
	while (j < ls->n && (j == first || in_run(&items[j], level)) && !c->over) {
		if (!at_level(&items[j], level)) {
			compose_level(c, ls, &j, level + 1, x + in, w - in);
			continue;
		}
		if (open_item) {
			compose_tag_close(c);
			compose_tag_close(c);
		}
		compose_tag_open(c, TAG_LI);
		compose_tag_open(c, TAG_LBODY);
		open_item = 1;
		const item *it = &items[j];
		/* its own marking (or its parent item's), else its block's */
		const char *mark = it->marking ? it->marking : c->marking;
		para *p = compose_para(c, cite_item_rich(c->b, mark, it), ls->font, w - in, 0, st->align, it->at);
		para *m = it->number > 0 && marks[k] ? marks[k] : compose_para(c, marker(st, items, j), ls->font, in, 0, ALIGN_LEFT, it->at);
		k++;
		int sub_first = level > 0 && j == first;
		if (j > 0)
			compose_space(c, st->para_space, ls->keep_all || sub_first);
		if (sub_first)
			c->keep_next = 1;
		vitem *v = compose_item(c, compose_lines(c, p, x + in, ls->keep_all));
		v->marker = m;
		/* a number ends the gap before the text; a bullet starts at the inset */
		v->marker_x = c->x + (it->number > 0 && m->nlines ? x + in - st->number_gap - m->lines[0].x - m->lines[0].width
							      : x + st->bullet_inset);
		j++;
	}
	if (open_item) {
		compose_tag_close(c);
		compose_tag_close(c);
	}
	compose_tag_close(c);
	free(marks);
	*i = c->over ? ls->n : j; /* past the limits: nothing more is set */
}

/* A list's first and last lines are kept as a paragraph's are (orphans, widows), across
 * its items too: a one-line item alone at a page's foot or top, cut from its list, read as
 * a stub (a typographer's trial: the last sub-item alone at the top of a page). */
static void keep_list_ends(composer *c, size_t first)
{
	size_t end = c->dc->nitems, lines = 0;
	for (size_t k = first; k < end && lines < (size_t)c->st->orphans; k++) {
		vitem *it = compose_item(c, k);
		if (lines > 0)
			it->keep = 1;
		lines += it->kind == V_LINE;
	}
	lines = 0;
	for (size_t k = end; k-- > first + 1;) {
		vitem *it = compose_item(c, k);
		lines += it->kind == V_LINE;
		if (lines >= (size_t)c->st->widows)
			break;
		it->keep = 1;
	}
}

void compose_bullet_list(composer *c, const item *items, size_t n, double x, double width, const font_role *font,
			 int keep_all)
{
	list_spec ls = {items, n, font, keep_all};
	size_t first = c->dc->nitems;
	for (size_t i = 0; i < n;)
		compose_level(c, &ls, &i, 0, x, width);
	keep_list_ends(c, first);
}

void compose_bullets_block(composer *c, const block *bl, const block *prev)
{
	(void)prev;
	compose_bullet_list(c, bl->items, bl->nitems, 0, c->w, &c->st->body, 0);
}

void compose_numbered_block(composer *c, const block *bl, const block *prev)
{
	(void)prev;
	compose_bullet_list(c, bl->items, bl->nitems, 0, c->w, &c->st->body, 0);
}
