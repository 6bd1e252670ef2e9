/* balance.c: the columns of a page where the text ends (the document's last page, a page
 * before a forced break, or before floats that wait for the next page at a section's end)
 * are cut again to even heights, as a typographer sets the end of multi-column text: the
 * left column is not filled to its foot while the right one stays
 * empty. Only the column breaks move, and only to where the flow itself may break (never
 * where a widow, an orphan or a kept block forbids it); a table, an excerpt or a box broken
 * anew repeats its head or frame at the next column's top, as the flow's breaks do
 * (resume.c). A block kept whole by choice (a box, a mid-length excerpt) is broken too when
 * keeping it whole would leave the columns a quarter of a column apart; a table shorter than
 * half a column is not (inside_short_table). Notes go to the foot
 * of the column that holds their marks. A page the flow set in a way this cannot redo (a
 * note run over from or on to another page, a float moved out of the text's order, a figure
 * across the columns below text) keeps its columns. Last, a page left with nothing to see
 * is dropped. */
#include <stdlib.h>

#include "layout/balance.h"
#include "base/util.h"
#include "layout/foot.h"
#include "layout/resume.h"

/* The items of a page's columns, in reading order. */
typedef struct column_run {
	size_t a, b;  /* items [a, b): the page's placed items and the spaces dropped among them */
	size_t lead;  /* items [a, a + lead): a head repeated at the page's top, which stays there */
	double top;   /* the columns' top on the page */
	double room;  /* the columns' height */
	int recut;    /* the stale heads are gone: the heads in the run are the new breaks' */
	int soft;     /* blocks kept whole by choice may break */
	double bottom; /* the text area's foot on the page: notes end there */
	int page;      /* the page; items among the run on a later one are floats that waited */
} column_run;

/* Whether item j is a float's that waited for a later page, among the run's items: it
 * takes no room here and stays where it is. */
static int away(const doc *dc, const column_run *r, size_t j)
{
	return dc->items[j].page > r->page;
}

/* A head the flow repeated where it broke a column on this page: it goes, and the breaks
 * made here repeat their own. */
static int stale_head(const doc *dc, const column_run *r, size_t j)
{
	return !r->recut && j >= r->a + r->lead && dc->items[j].repeat;
}

/* The item before j in the run as it will be when the stale heads are gone. */
static size_t before(const doc *dc, const column_run *r, size_t j)
{
	size_t k = j - 1;
	while (k > r->a && stale_head(dc, r, k))
		k--;
	return k;
}

/* The height item j takes at offset y in its column: a space at a column's top is dropped,
 * as the flow drops it. */
static double height_at(const doc *dc, const column_run *r, size_t j, double y)
{
	const vitem *it = &dc->items[j];
	if (stale_head(dc, r, j) || away(dc, r, j))
		return 0;
	return it->kind == V_SPACE && !it->solid && y <= 0 ? 0 : it->h;
}

/* Whether items [from, to) hold something to read: not only heads repeated from a block
 * begun before (the page's own or stale ones) and spaces. A column ended there would part
 * such a head from the lines it heads, and the next column, starting just after a head,
 * repeats none (resume.c). */
static int holds_text(const doc *dc, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++)
		if (dc->items[k].kind != V_SPACE && !dc->items[k].repeat)
			return 1;
	return 0;
}

/* Whether item at is a table's body row after another of its rows, in a table whose rows in
 * the run take less than half the columns' height: such a table is read at a glance, and
 * cut in two (a "continued" head, its header again) only to even the columns' feet, it
 * reads worse than columns that end apart. */
static int inside_short_table(const doc *dc, const column_run *r, size_t at)
{
	const vitem *it = &dc->items[at];
	if (it->kind != V_ROW || at == r->a)
		return 0;
	const vitem *prev = &dc->items[before(dc, r, at)];
	if (prev->kind != V_ROW || prev->row->table != it->row->table)
		return 0;
	double h = 0;
	for (size_t k = r->a; k < r->b; k++)
		if (dc->items[k].kind == V_ROW && dc->items[k].row->table == it->row->table && !stale_head(dc, r, k))
			h += dc->items[k].h;
	return h < r->room / 2;
}

/* Whether the column may end before item at. */
static int may_end_before(const doc *dc, const column_run *r, size_t at)
{
	const vitem *it = &dc->items[at];
	if (away(dc, r, at))
		return 0;
	/* a heading whose figure waited for a later page stays with the text after it (as the
	 * flow keeps it: the figure was what it was kept with) */
	size_t k = at;
	while (k > r->a && (away(dc, r, k - 1) || dc->items[k - 1].kind == V_SPACE))
		k--;
	if (k < at && k > r->a && dc->items[k - 1].heading >= 0)
		return 0;
	return !(it->keep && !(r->soft && it->soft)) && !stale_head(dc, r, at) && at >= r->a + r->lead &&
	       !inside_short_table(dc, r, at);
}

/* Whether a column [from, at) would hold only a middle piece of one paragraph, begun in a
 * column before and going on in the next, of fewer lines than widows and orphans ask on
 * each side of a break. The keeps count a paragraph's lines from its ends, which the flow's
 * tall columns never come near; short balanced columns may break a paragraph twice, and a
 * column of one line between two of its breaks is both a widow and an orphan. */
static int thin_middle(const doc *dc, size_t from, size_t at)
{
	const vitem *end = &dc->items[at];
	if (end->kind != V_LINE || !end->p || end->line == 0)
		return 0;
	int n = 0;
	for (size_t k = from; k < at; k++) {
		const vitem *it = &dc->items[k];
		if (it->kind != V_LINE || it->repeat)
			continue;
		if (it->p != end->p || (n == 0 && it->line == 0))
			return 0; /* the paragraph starts in the column: its keeps hold */
		n++;
	}
	int need = dc->st->widows > dc->st->orphans ? dc->st->widows : dc->st->orphans;
	return n > 0 && n < need;
}

/* Fills at most cols columns of text height h from the run, each with the notes its lines
 * mark at its foot; brk[c] is where column c starts (b for a column left empty). Returns
 * whether the run fits. */
static int fill_columns(const doc *dc, const column_run *r, int cols, double h, size_t *brk)
{
	int col = 0;
	double y = 0, notes = 0; /* the column's text, and its notes at the foot */
	brk[0] = r->a;
	for (size_t j = r->a; j < r->b;) {
		double ht = height_at(dc, r, j, y), nh = foot_marked(dc, j, NULL);
		double add = nh > 0 && notes == 0 ? nh + foot_separator(dc) : nh;
		double rule = doc_break_room(dc, j); /* a wide rule below it, should the column end there */
		if ((y + ht + rule <= h + 0.01 && y + ht + rule + notes + add <= r->room + 0.01) || j == brk[col]) {
			y += ht;
			notes += add;
			j++;
			continue;
		}
		/* the latest item at or before j the column may end before */
		size_t at = j;
		while (at > brk[col] && (!may_end_before(dc, r, at) || thin_middle(dc, brk[col], at)))
			at--;
		if (at <= brk[col] || !holds_text(dc, brk[col], at) || ++col >= cols)
			return 0;
		brk[col] = at;
		j = at;
		y = doc_resume_height(dc, at, before(dc, r, at));
		notes = 0;
	}
	for (int c = col + 1; c < cols; c++)
		brk[c] = r->b;
	return 1;
}

/* The run's height set in one column. */
static double run_total(const doc *dc, const column_run *r)
{
	double total = 0;
	for (size_t j = r->a; j < r->b; j++)
		total += height_at(dc, r, j, j == r->a ? 0 : 1);
	return total;
}

/* The least text height the run fits in at most cols columns (the breaks in brk), or -1. */
static double least_height(const doc *dc, const column_run *r, int cols, size_t *brk)
{
	double total = run_total(dc, r);
	/* no column is shorter than its share */
	double lo = total / cols - 0.01, hi = r->room;
	if (!fill_columns(dc, r, cols, hi, brk))
		return -1;
	while (hi - lo > 0.05) {
		double mid = (lo + hi) / 2;
		if (fill_columns(dc, r, cols, mid, brk))
			hi = mid;
		else
			lo = mid;
	}
	return fill_columns(dc, r, cols, hi, brk) ? hi : -1;
}

/* Where each page's items lie in the list, [first, end), and whether notes stand at its
 * feet. */
typedef struct page_span {
	size_t first, end;
	int notes;
} page_span;

/* Whether every note at page p's feet is marked in the run and set whole on the page: such
 * notes can follow their marks to another column's foot. */
static int notes_whole(const doc *dc, int p, const column_run *r)
{
	size_t *lines = xcalloc(dc->nnotes ? dc->nnotes : 1, sizeof *lines);
	int ok = 1;
	for (size_t k = 0; ok && k < dc->nfoot; k++) {
		const struct foot_line *fl = &dc->foot[k];
		int mark = fl->note >= 0 && (size_t)fl->note < dc->nnotes ? dc->notes[fl->note].item : -1;
		int here = mark >= (int)r->a && mark < (int)r->b;
		if (fl->page == p && here)
			lines[fl->note]++;
		else if (fl->page == p || here)
			ok = 0; /* a note run over from another page, or on to one */
	}
	for (size_t n = 0; ok && n < dc->nnotes; n++)
		if (lines[n] && (!dc->notes[n].p || lines[n] != dc->notes[n].p->nlines))
			ok = 0;
	free(lines);
	return ok;
}

/* Whether item k belongs to a float: the first of its items (vitem.float_items) is at or
 * before it, within their count. */
static int float_item(const doc *dc, size_t k)
{
	for (size_t f = k + 1; f-- > 0;)
		if (dc->items[f].float_items > 0)
			return k < f + (size_t)dc->items[f].float_items;
	return 0;
}

/* Finds the run of page p's columns (its items lie in pg), or returns 0 when the page is not
 * one to balance. */
static int find_run(const doc *dc, int p, const page_span *pg, column_run *r)
{
	/* the run starts at the page's first item in the columns: a figure across the columns
	 * at the page's top (set aside from text before) stays where it is, above them */
	size_t a = pg->first;
	while (a < pg->end && (dc->items[a].page != p || dc->items[a].span))
		a++;
	size_t b = pg->end;
	/* nor what follows its text's end: space, and floats that took the next page at the
	 * section's end (flow.c: ends_page) */
	while (b > a && (dc->items[b - 1].kind == V_PAGEBREAK || dc->items[b - 1].kind == V_SPACE ||
			 dc->items[b - 1].page != p))
		b--;
	if (a >= b || dc->items[a].col != 0)
		return 0;
	r->lead = 0;
	r->recut = 0;
	while (a + r->lead < b && dc->items[a + r->lead].repeat)
		r->lead++;
	int col = 0;
	double y = -1;
	r->top = -1;
	for (size_t k = a; k < b; k++) {
		const vitem *it = &dc->items[k];
		if (it->page < 0 && (it->kind == V_SPACE || it->repeat))
			continue; /* dropped at a column's top: it may come back */
		if (it->page > p && float_item(dc, k))
			continue; /* a figure that waited for the next page's top: it stays there */
		if (it->page != p || it->span || it->kind == V_PAGEBREAK)
			return 0; /* another page's item among these, or a figure across the columns
				   * below text */
		if (it->col < col || (it->col == col && it->y < y - 0.01))
			return 0; /* a float set out of the text's order */
		if (r->top < 0)
			r->top = it->y;
		col = it->col;
		y = it->y;
	}
	r->a = a;
	r->b = b;
	r->page = p;
	r->bottom = dc->st->page_h - dc->st->margin_bottom;
	r->room = r->bottom - r->top;
	return !pg->notes || notes_whole(dc, p, r);
}

/* Takes the stale heads out of the run and moves the breaks brk with the items. */
static void drop_stale_heads(doc *dc, column_run *r, int cols, size_t *brk)
{
	for (size_t j = r->b; j-- > r->a + r->lead;) {
		if (!dc->items[j].repeat)
			continue;
		doc_remove_item(dc, j);
		r->b--;
		for (int c = 0; c < cols; c++)
			if (brk[c] > j)
				brk[c]--;
	}
	r->recut = 1;
}

/* Places the run's items in the columns that start at brk, each with what it repeats. */
static void place_run(doc *dc, column_run *r, int p, int cols, size_t *brk)
{
	drop_stale_heads(dc, r, cols, brk);
	size_t shift = 0;
	for (int c = 1; c < cols; c++) {
		brk[c] += shift;
		if (brk[c] < r->b) {
			size_t n = doc_resume_at(dc, brk[c]);
			shift += n;
			r->b += n;
		}
	}
	int col = 0;
	double y = 0;
	for (size_t j = r->a; j < r->b; j++) {
		while (col + 1 < cols && j == brk[col + 1]) {
			col++;
			y = 0;
		}
		vitem *it = &dc->items[j];
		if (away(dc, r, j))
			continue;
		double ht = height_at(dc, r, j, y);
		if (it->kind == V_SPACE && ht == 0 && it->h > 0 && !it->solid) {
			it->page = -1;
			continue;
		}
		it->page = p;
		it->col = col;
		it->y = r->top + y;
		y += ht;
	}
}

/* Sets the notes marked in each column at its foot, in the order of their marks, as the
 * flow does (foot.c): first where each note starts, then its lines from there. */
static void place_notes(doc *dc, const column_run *r, int p, int cols, const size_t *brk)
{
	double *top = xcalloc(dc->nnotes, sizeof *top);
	int *col = xcalloc(dc->nnotes, sizeof *col);
	for (int c = 0; c < cols; c++) {
		size_t from = brk[c], to = c + 1 < cols ? brk[c + 1] : r->b;
		double y = r->bottom;
		for (size_t j = from; j < to; j++)
			y -= foot_marked(dc, j, NULL);
		for (size_t j = from; j < to; j++)
			for (size_t n = 0; dc->items[j].nnotes && n < dc->nnotes; n++)
				if (dc->notes[n].item == (int)j && dc->notes[n].p) {
					top[n] = y;
					col[n] = c;
					y += (double)dc->notes[n].p->nlines * dc->notes[n].p->leading;
				}
	}
	for (size_t k = 0; k < dc->nfoot; k++) {
		struct foot_line *fl = &dc->foot[k];
		if (fl->page == p) {
			fl->col = col[fl->note];
			fl->y = top[fl->note] + (double)fl->line * dc->notes[fl->note].p->leading;
		}
	}
	free(top);
	free(col);
}

/* Balances page p's columns, when it is a page to balance. */
static void balance_page(doc *dc, int p, const page_span *pg, int cols)
{
	column_run r;
	if (!find_run(dc, p, pg, &r))
		return;
	size_t *brk = xmalloc((size_t)cols * sizeof *brk);
	r.soft = 0;
	double whole = least_height(dc, &r, cols, brk);
	/* a block kept whole by choice breaks when the columns would otherwise end a quarter of
	 * a column apart: the last column holds what the others at the height found leave (the
	 * gap was taken as the height above the even one, which other keeps may hold up: a box
	 * kept whole left columns of 617 and 358 pt, a typographer's trial) */
	r.soft = 1;
	double broken = least_height(dc, &r, cols, brk);
	double apart = whole - (run_total(dc, &r) - (cols - 1) * whole);
	r.soft = broken >= 0 && (whole < 0 || (broken < whole - 0.01 && apart > r.room / 4));
	double h = r.soft ? broken : whole;
	if (h >= 0 && fill_columns(dc, &r, cols, h, brk)) {
		for (int c = 1; c < cols; c++)
			if (brk[c] > r.a && brk[c] < r.b)
				doc_whole_word_at_break(dc, brk[c]);
		size_t b = r.b;
		place_run(dc, &r, p, cols, brk);
		/* the space below the text's end, where its column ended before, goes */
		for (size_t k = r.b; k < pg->end - b + r.b; k++)
			if (dc->items[k].page == p && dc->items[k].kind == V_SPACE)
				dc->items[k].page = -1;
		if (pg->notes)
			place_notes(dc, &r, p, cols, brk);
	}
	free(brk);
}

void doc_balance(doc *dc)
{
	int cols = dc->st->columns > 1 ? dc->st->columns : 1;
	int npages = 0;
	for (size_t k = 0; k < dc->nitems; k++)
		if (dc->items[k].page >= npages)
			npages = dc->items[k].page + 1;
	if (cols < 2 || npages == 0)
		return;
	page_span *pg = xcalloc((size_t)npages, sizeof *pg);
	int *ends_text = xcalloc((size_t)npages, sizeof *ends_text);
	for (size_t k = 0; k < dc->nitems; k++) {
		const vitem *it = &dc->items[k];
		if (it->page < 0)
			continue;
		page_span *s = &pg[it->page];
		if (s->end == 0)
			s->first = k;
		s->end = k + 1;
		if (it->kind == V_PAGEBREAK || it->ends_page)
			ends_text[it->page] = 1;
	}
	for (size_t k = 0; k < dc->nfoot; k++)
		if (dc->foot[k].page >= 0 && dc->foot[k].page < npages)
			pg[dc->foot[k].page].notes = 1;
	ends_text[npages - 1] = 1;
	/* from the last page back: balancing a page inserts and removes items after the pages
	 * before it only */
	for (int p = npages; p-- > 0;)
		if (ends_text[p])
			balance_page(dc, p, &pg[p], cols);
	free(pg);
	free(ends_text);
}

/* A page that holds nothing to see, or nothing but the head a table or an excerpt repeats
 * (the flow moved all it began on to the next page, as in a text block a few lines high: a
 * layouts trial printed an empty page, and one of "(continued)" alone) is dropped, and the
 * pages after it move up; what it held unseen (spaces, a page break) goes with it. */
void doc_drop_empty_pages(doc *dc)
{
	int last = doc_last_page(dc);
	if (last < 1)
		return;
	int *to = xcalloc((size_t)last + 1, sizeof *to); /* 1: seen, then the new number + 1 */
	for (size_t k = 0; k < dc->nitems; k++) {
		const vitem *it = &dc->items[k];
		if (it->page >= 0 && it->kind != V_SPACE && it->kind != V_PAGEBREAK && !it->repeat)
			to[it->page] = 1;
	}
	for (size_t k = 0; k < dc->nfoot; k++)
		to[dc->foot[k].page] = 1;
	int kept = 0;
	for (int p = 0; p <= last; p++)
		to[p] = to[p] ? ++kept : 0;
	if (kept <= last) {
		for (size_t k = 0; k < dc->nitems; k++) {
			vitem *it = &dc->items[k];
			if (it->page >= 0)
				it->page = to[it->page] - 1; /* -1: dropped, as a space at a column's top */
		}
		for (size_t k = 0; k < dc->nfoot; k++)
			dc->foot[k].page = to[dc->foot[k].page] - 1;
	}
	free(to);
}
