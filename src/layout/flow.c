/* flow.c: lines → pages. Fills columns top to bottom and, when an item does not fit,
 * breaks before the latest item that allows it (keeps, widows, orphans, headings kept
 * with what follows); only a run of kept items taller than a column is split by force. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "layout/flow.h"
#include "layout/balance.h"
#include "base/util.h"
#include "layout/foot.h"
#include "layout/resume.h"

typedef struct frame {
	int page, col;
	double top, bottom; /* usable vertical extent of the current column */
	size_t start;       /* first item placed in this column */
} frame;

/* Moves to the next column, or to the top of a new page after the last one. */
static void advance(frame *f, int cols, int new_page, double page_top, double *columns_top)
{
	if (!new_page && f->col + 1 < cols) {
		f->col++;
		f->top = *columns_top;
	} else {
		f->page++;
		f->col = 0;
		f->top = page_top;
		*columns_top = page_top;
	}
}

/* Item i is the last line of a justified paragraph and widow control forbids a break
 * before it; the item after it may be broken before (else the run moves anyway). */
static int widow_ahead(const doc *dc, size_t i)
{
	const vitem *it = &dc->items[i];
	return it->kind == V_LINE && it->keep && it->p && it->line > 0 && it->line + 1 == it->p->nlines &&
	       (i + 1 >= dc->nitems || !dc->items[i + 1].keep);
}

/* After a paragraph has gained a line, item i (its old last line) is followed by a new
 * item for the new last line; widow control moves from the one to the other. */
static void add_line_after(doc *dc, size_t i)
{
	vitem *last = doc_insert_item(dc, i + 1);
	*last = dc->items[i];
	last->line = dc->items[i].line + 1;
	last->marker = NULL;
	last->heading = -1;
	last->anchor = -1;
	last->keep = 1;
	dc->items[i].keep = 0;
}

/* Counts the pages, notes where each page's items lie and the section in force on each,
 * for the running heads. */
static void page_sections(doc *dc)
{
	/* a page whose items were all dropped (a trailing break) does not count */
	int last = doc_last_page(dc);
	if (last < 0)
		last = 0;
	size_t n = (size_t)last + 1;
	dc->npages = last + 1;
	dc->page_section = xmalloc(n * sizeof *dc->page_section);
	dc->page_first = xmalloc(n * sizeof *dc->page_first);
	dc->page_end = xcalloc(n, sizeof *dc->page_end);
	int *first = xmalloc(n * sizeof *first), *latest = xmalloc(n * sizeof *latest);
	for (size_t p = 0; p < n; p++) {
		dc->page_first[p] = dc->nitems;
		first[p] = latest[p] = -1;
	}
	for (size_t k = 0; k < dc->nitems; k++) {
		const vitem *it = &dc->items[k];
		if (it->page < 0)
			continue;
		size_t p = (size_t)it->page;
		if (dc->page_first[p] > k)
			dc->page_first[p] = k;
		dc->page_end[p] = k + 1;
		if (it->heading >= 0) {
			if (first[p] < 0)
				first[p] = it->heading;
			latest[p] = it->heading;
		}
	}
	/* the running head names the section the page opens in: the one still going on from
	 * before, or the one whose heading opens the page; before any section (page 1's title
	 * block), the first that starts on the page. It named the first section starting
	 * anywhere on the page, and a page of one section's text with the Sources starting at
	 * its foot was headed "Sources" (two trials) */
	int cur = -1;
	for (size_t p = 0; p < n; p++) {
		if (dc->page_first[p] > dc->page_end[p])
			dc->page_first[p] = dc->page_end[p];
		size_t k = dc->page_first[p];
		while (k < dc->page_end[p] && (dc->items[k].page != (int)p || dc->items[k].kind == V_SPACE))
			k++;
		int opens = k < dc->page_end[p] && dc->items[k].heading >= 0;
		dc->page_section[p] = opens || cur < 0 ? first[p] : cur;
		if (latest[p] >= 0)
			cur = latest[p];
	}
	free(first);
	free(latest);
}

/* The last line of a paragraph would be a widow, and widow control would take a line from
 * this page to keep it company. Rather set the paragraph one line shorter (it ends here),
 * or else one line longer (two lines go over and this page stays full): TeX's \looseness,
 * within the usual tolerance. Returns 1 when the list changed and item i is to be placed
 * again. */
static int reset_against_widow(doc *dc, size_t i)
{
	vitem *it = &dc->items[i];
	para *p = it->p;
	if (para_tighten(dc->engine, p) == 0) {
		/* its last item is left as an empty space */
		it->kind = V_SPACE;
		it->h = 0;
		it->p = NULL;
		it->keep = 0;
		return 1;
	}
	if (i > 0 && !dc->items[i - 1].keep && para_loosen(dc->engine, p) == 0) {
		add_line_after(dc, i);
		return 1;
	}
	return 0;
}

/* The share of a page that may stay empty before floats waiting for the next page: more,
 * and the next section's text fills it (pass_heading); a page under 70% full is a stub. */
#define PAGE_ROOM_LEFT 0.3

/* A float waiting for the top of a column (or of a page, when it spans the columns). */
typedef struct pending {
	size_t first, n;
	double h;
	int span;
	int level; /* the outline level of its section's heading; INT_MAX before any heading */
} pending;

/* Where the flow stands: the column being filled, the floats waiting, and where a page
 * break is allowed because a float left the list there. */
typedef struct flow {
	doc *dc;
	diag *d;
	frame f;
	double y, page_top, span_bottom;
	int in_span, cols;
	pending *waiting;
	size_t nwaiting;
	size_t after_float;   /* the item after the latest float set aside: a break may fall there */
	double after_float_y; /* y just below floats set at a column's top, -1 none */
	double float_rest;    /* while a float is set: the height of its items after the one placed */
	foot ft;              /* the notes at the column's foot */
} flow;

static double run_height(const doc *dc, size_t first, size_t n)
{
	double h = 0;
	for (size_t k = first; k < first + n; k++)
		h += dc->items[k].h;
	return h;
}

/* Where text must end in this column: above its notes. */
static double text_bottom(const flow *fl)
{
	return fl->f.bottom - fl->ft.h;
}

static void place(flow *fl, vitem *it)
{
	it->page = fl->f.page;
	it->col = fl->in_span ? 0 : fl->f.col;
	it->y = fl->y;
	fl->y += it->h;
	/* its notes go to this column's foot, as much of them as the room below it holds, less
	 * two more lines of its paragraph (else they would move to the next page together),
	 * and no more than half the column: a long note goes on at the next foot. Each note
	 * begins here, below its mark, when the flow left room for that (flow_items: its
	 * first line) and no note before it is still to be finished. */
	if (it->nnotes) {
		size_t at = (size_t)(it - fl->dc->items);
		double room = fl->f.bottom - fl->ft.h - fl->y;
		if (it->kind == V_LINE && it->p) {
			size_t after = it->p->nlines - it->line - 1;
			room -= (double)(after < 2 ? after : 2) * it->p->leading;
		}
		room -= fl->float_rest; /* a caption's note: the credit below it stays above it */
		double cap = (fl->f.bottom - fl->f.top) / 2 - fl->ft.h;
		if (room > cap)
			room = cap;
		double least = 0;
		foot_need(fl->dc, &fl->ft, at, &least);
		if (room < least && fl->ft.ncarry == 0 && fl->y + least <= text_bottom(fl) + 0.01)
			room = least;
		foot_add(fl->dc, &fl->ft, at, room);
	}
}

static int spans(const flow *fl, const pending *w)
{
	return w->span && fl->cols > 1;
}

/* Whether float w may stand where the flow is now: a spanning one only at the top of a
 * page's columns, any only where it fits, or at the top of a page's first column
 * when it fits nowhere (then the column is split by force, as for any kept run); there
 * below notes run on from the page before only when no column would hold it. */
static int float_fits(const flow *fl, const pending *w)
{
	int fresh = fl->y <= fl->f.top + 0.01;
	if (spans(fl, w) && (fl->f.col > 0 || !fresh))
		return 0;
	if (fresh && fl->f.col == 0 && fl->f.top <= fl->page_top + 0.01 &&
	    (fl->ft.h == 0 || w->h > fl->f.bottom - fl->page_top))
		return 1;
	return fl->y + w->h <= text_bottom(fl) + 0.01;
}

/* Sets the waiting floats, in their order, while the next one fits at the top of this
 * column; a gap below them separates them from the text. */
static void place_waiting(flow *fl)
{
	size_t k = 0;
	for (; k < fl->nwaiting && float_fits(fl, &fl->waiting[k]); k++) {
		const pending *w = &fl->waiting[k];
		for (size_t j = w->first; j < w->first + w->n; j++) {
			fl->float_rest = run_height(fl->dc, j + 1, w->first + w->n - j - 1);
			place(fl, &fl->dc->items[j]);
			fl->float_rest = 0;
			if (spans(fl, w))
				fl->dc->items[j].col = 0;
		}
		fl->y += fl->dc->st->block_space;
		if (spans(fl, w))
			fl->f.top = fl->span_bottom = fl->y; /* the columns start below it */
	}
	if (k == 0)
		return;
	memmove(fl->waiting, fl->waiting + k, (fl->nwaiting - k) * sizeof *fl->waiting);
	fl->nwaiting -= k;
	fl->after_float_y = fl->y;
}

/* To the next column (or page), then the floats that wait for it. */
static int next_column(flow *fl, int cols, int new_page)
{
	foot_flush(fl->dc, &fl->ft, fl->f.page, fl->in_span ? 0 : fl->f.col, fl->f.bottom);
	advance(&fl->f, cols, new_page, fl->page_top, &fl->span_bottom);
	/* a note begun at the last foot goes on here, in at most half the column */
	foot_begin(fl->dc, &fl->ft, (fl->f.bottom - fl->f.top) / 2);
	if (fl->f.page >= DOC_MAX_PAGES) {
		diag_error(fl->d, loc_at(fl->dc->b->path, 0, 0), "the document would have more than %d pages",
			   DOC_MAX_PAGES);
		diag_note(fl->d, loc_at(fl->dc->b->path, 0, 0),
			  "a page's text area may be too small for what it must hold: see the layout's page size, "
			  "margins and font sizes");
		return -1;
	}
	fl->y = fl->f.top;
	fl->after_float_y = -1;
	place_waiting(fl);
	return 0;
}

/* Whether the column is shorter than a page's: below the front matter or a float set
 * across the columns. */
static int short_column(const flow *fl)
{
	return !fl->in_span && fl->f.top > fl->page_top + 0.01;
}

/* Whether a column that holds nothing of its own (no notes of its own either) is shorter
 * than a later one will be: short, or with the rest of a note run on at its foot. */
static int bare_shortened(const flow *fl)
{
	return short_column(fl) || (!fl->in_span && fl->ft.h > 0.01);
}

/* The height of a column on a page with nothing set across its columns. */
static double full_column(const flow *fl)
{
	return fl->f.bottom - fl->page_top;
}

/* Whether item x ends the run of the section's own text a float waits in: a page break,
 * a heading, the end of the text (float_barrier) or another float. */
static int ends_own_text(const vitem *x)
{
	return x->kind == V_PAGEBREAK || x->heading >= 0 || x->float_barrier || x->float_items > 0;
}

/* Whether item x is the heading of a section no float waiting belongs to: of the same
 * level as one's section, or above it. A subsection's is not: its text may fill the
 * column before the float (a stub page stood before a full-width figure followed by a
 * subsection: a reader's trial). */
static int ends_section(const flow *fl, const vitem *x)
{
	if (x->heading < 0)
		return 0;
	int level = fl->dc->outline[x->heading].level;
	for (size_t k = 0; k < fl->nwaiting; k++)
		if (level <= fl->waiting[k].level)
			return 1;
	return 0;
}

/* Whether the floats waiting may let the next section's text (from its heading x) fill
 * this page: when they wait for the next page's top anyway (they span the columns, or
 * this is the page's last column), holding the text back would leave more than
 * PAGE_ROOM_LEFT of the page empty (a reader's trial: page 1 of a digest 45% empty before
 * a full-width figure), and the floats would not stand alone on the next. TeX's floats
 * pass a \section too; the figure then opens the next page, with the text that did not fit
 * here after it. */
static int pass_heading(const flow *fl, const vitem *x)
{
	if (x->kind == V_PAGEBREAK || x->float_barrier || fl->in_span)
		return 0;
	for (size_t k = 0; k < fl->nwaiting; k++)
		if (!fl->waiting[k].span && fl->f.col + 1 < fl->cols)
			return 0;
	double col = fl->f.bottom - fl->f.top;
	if (col <= 0)
		return 0;
	double room = text_bottom(fl) - fl->y + (double)(fl->cols - 1 - fl->f.col) * col;
	if (room <= PAGE_ROOM_LEFT * col * fl->cols)
		return 0;
	/* and only when text goes on to the floats' page with them (it runs past this page
	 * before a page break, or the Sources or Notes follow them there), or they fill it
	 * alone: else (a page break asked for after a short section) they would stand alone
	 * on a stub. A section that ends the text and fits here leaves the floats to open
	 * the last page above the Sources (a reader's trial: page 1 65% empty, a third page) */
	double floats = 0;
	for (size_t k = 0; k < fl->nwaiting; k++)
		floats += fl->waiting[k].h;
	if (floats >= (1 - PAGE_ROOM_LEFT) * col)
		return 1;
	const doc *dc = fl->dc;
	double text = 0;
	for (size_t a = (size_t)(x - dc->items); a < dc->nitems && text <= room; a++) {
		if (dc->items[a].kind == V_PAGEBREAK)
			return 0;
		if (dc->items[a].float_barrier)
			return 1;
		text += dc->items[a].h;
	}
	return text > room;
}

/* Whether the floats waiting are set before item x: a page break, the end of the text, or
 * the heading of a section they do not belong to, unless they may pass it (pass_heading). */
static int floats_stop(const flow *fl, const vitem *x)
{
	return fl->nwaiting && (x->kind == V_PAGEBREAK || ends_section(fl, x) || x->float_barrier) &&
	       !pass_heading(fl, x);
}

/* Whether the section's own text that follows a float ending before item a (its first
 * kept run: the lines a paragraph may not leave behind, with their notes' first lines)
 * fits in the column below what is set. Yes when no such text follows: a heading, a page
 * break or another float comes next. */
static int after_float_fits(const flow *fl, size_t a)
{
	const doc *dc = fl->dc;
	double need = 0;
	while (a < dc->nitems && dc->items[a].kind == V_SPACE)
		need += dc->items[a++].h;
	if (a >= dc->nitems)
		return 1;
	if (ends_own_text(&dc->items[a]))
		return 1;
	size_t end = a + 1;
	while (end < dc->nitems && dc->items[end].keep && dc->items[end].float_items == 0)
		end++;
	need += run_height(dc, a, end - a) + foot_first_lines(dc, a, end);
	return fl->y + need <= text_bottom(fl) + 0.01;
}

/* Whether moving a run of height `run` on to the next page, where the text from item a
 * would follow it, would leave that page mostly empty: the text ends (a heading, a page
 * break or the document's end comes) before half a column is full, and the float waiting
 * must then take the page after it. A heading ending the page before its figure is the
 * lesser harm there: the figure it opens with follows it. On a page's first columns the
 * move costs no page. */
static int stub_page_ahead(const flow *fl, double run, size_t a)
{
	const doc *dc = fl->dc;
	if (!fl->in_span && fl->f.col + 1 < fl->cols)
		return 0;
	double limit = 0.5 * full_column(fl);
	for (; a < dc->nitems && run < limit && !ends_own_text(&dc->items[a]); a++)
		run += dc->items[a].h;
	return run < limit;
}

/* Whether a column broken at y, more than PAGE_ROOM_LEFT of it empty, could be filled by
 * the section's own text that follows a float ending before item a (its first lines fit
 * below what is set; a heading, a page break or another float is none). */
static int text_fills_hole(const flow *fl, double y, size_t a)
{
	size_t k = a;
	while (k < fl->dc->nitems && fl->dc->items[k].kind == V_SPACE)
		k++;
	double col = fl->f.bottom - fl->f.top;
	return col > 0 && text_bottom(fl) - y > PAGE_ROOM_LEFT * col && k < fl->dc->nitems &&
	       !ends_own_text(&fl->dc->items[k]) && after_float_fits(fl, a);
}

#define SET_ASIDE_BREAK 2

/* Item i starts a float. Returns 1 when the flow has dealt with it: set aside to wait for a
 * later column, because it does not fit here or floats before it still wait (figures keep
 * their order), or set here across the columns; SET_ASIDE_BREAK when the column must break
 * before the headings it is kept with; 0 when it is set here as any item. The space above a float set aside goes
 * with it, so the text before and after it meet with one gap. */
static int set_aside(flow *fl, size_t i)
{
	doc *dc = fl->dc;
	vitem *it = &dc->items[i];
	pending w = {i, (size_t)it->float_items, run_height(dc, i, (size_t)it->float_items), it->span, INT_MAX};
	for (size_t k = i; k-- > 0;)
		if (dc->items[k].heading >= 0) {
			w.level = dc->outline[dc->items[k].heading].level;
			break;
		}
	if (fl->in_span)
		return 0;
	if (fl->nwaiting == 0 && float_fits(fl, &w) && !spans(fl, &w))
		return 0;
	/* a figure that opens its section does not float away from the heading it is kept
	 * with, which would end the column alone: the two go on together (break_column),
	 * where a full column holds them */
	if (fl->nwaiting == 0 && !spans(fl, &w) && it->keep) {
		size_t k = i;
		while (k > fl->f.start && dc->items[k - 1].kind == V_SPACE)
			k--;
		const vitem *h = k > fl->f.start ? &dc->items[k - 1] : NULL;
		if (h && h->heading >= 0 && h->page == fl->f.page && h->col == fl->f.col) {
			/* the run that would go on: from where the column may break (the headings
			 * held together), with the first lines of the notes in the caption */
			size_t from = i;
			while (from > fl->f.start && dc->items[from].keep)
				from--;
			while (from < i && dc->items[from].kind == V_SPACE && !dc->items[from].solid)
				from++; /* dropped at a column's top */
			double run = fl->y - dc->items[from].y + w.h + foot_first_lines(dc, i, i + w.n);
			/* where moving on with it would leave a hole, it floats as below */
			if (run <= full_column(fl) + 0.01 && !text_fills_hole(fl, dc->items[from].y, i + w.n))
				return 0;
			/* it floats, and the section's text after it follows the heading (as in
			 * TeX); where not even that text's first lines fit below the heading, the
			 * headings go on to the next column with it rather than end this one */
			if (from > fl->f.start && !after_float_fits(fl, i + w.n) &&
			    !stub_page_ahead(fl, fl->y - dc->items[from].y, i + w.n))
				return SET_ASIDE_BREAK;
		}
	}
	int here = fl->nwaiting == 0 && float_fits(fl, &w);
	if (i > 0 && dc->items[i - 1].kind == V_SPACE && dc->items[i - 1].page == fl->f.page &&
	    dc->items[i - 1].col == fl->f.col && dc->items[i - 1].y + dc->items[i - 1].h >= fl->y - 0.01) {
		fl->y -= dc->items[i - 1].h;
		dc->items[i - 1].page = -1;
	}
	fl->waiting = xrealloc(fl->waiting, (fl->nwaiting + 1) * sizeof *fl->waiting);
	fl->waiting[fl->nwaiting++] = w;
	fl->after_float = i + w.n;
	if (here)
		place_waiting(fl);
	return 1;
}

/* The column now starts at item brk: what it repeats of a block begun before goes first
 * (resume.c); the floats set aside and the break after them keep pointing at the same
 * items. */
/* Items from `from` on moved by `by` (inserted or removed before them): the floats set
 * aside and the break after them keep pointing at the same items. */
static void move_flow_refs(flow *fl, size_t from, long by)
{
	for (size_t k = 0; k < fl->nwaiting; k++)
		if (fl->waiting[k].first >= from)
			fl->waiting[k].first = (size_t)((long)fl->waiting[k].first + by);
	if (fl->after_float != (size_t)-1 && fl->after_float >= from)
		fl->after_float = (size_t)((long)fl->after_float + by);
}

static void resume_column(flow *fl, size_t brk)
{
	move_flow_refs(fl, brk, (long)doc_resume_at(fl->dc, brk));
}

/* The first item from the column's start on that is not a repeat, at most i: i when the
 * column's flow holds nothing yet but what it repeats of a block begun before it
 * (resume.c): a box's top padding, a table's caption and header. */
static size_t first_own(const flow *fl, size_t i)
{
	size_t k = fl->f.start;
	while (k < i && (fl->dc->items[k].repeat || fl->dc->items[k].page < 0))
		k++;
	return k;
}

/* Whether items [from, i) placed in the column hold anything of the column's own but
 * space: text, a rule, an image. */
static int holds_content(const flow *fl, size_t from, size_t i)
{
	for (size_t k = from; k < i; k++) {
		const vitem *x = &fl->dc->items[k];
		if (x->page >= 0 && !x->repeat && x->kind != V_SPACE)
			return 1;
	}
	return 0;
}

/* Whether the column holds nothing before item i but what it repeats and space: no text of
 * its own, and no float set at its top (floats are items from elsewhere in the list). */
static int column_bare(const flow *fl, size_t i)
{
	if (holds_content(fl, fl->f.start, i))
		return 0;
	double held = 0;
	for (size_t k = fl->f.start; k < i; k++)
		if (fl->dc->items[k].page >= 0)
			held += fl->dc->items[k].h;
	return fl->y <= fl->f.top + held + 0.01;
}

/* Whether the column holds nothing before item i but the top padding of a box it goes on
 * with: the box's blocks start right below it, as on its first piece. */
static int below_padding(const flow *fl, size_t i)
{
	int any = 0;
	for (size_t k = fl->f.start; k < i; k++) {
		const vitem *x = &fl->dc->items[k];
		if (x->page < 0)
			continue;
		if (!x->repeat || x->kind != V_SPACE)
			return 0;
		any = 1;
	}
	return any && column_bare(fl, i);
}

/* Takes what the column repeats (placed before item i) out of the list, for a column that
 * is to hold nothing: the next column repeats it instead. Returns where item i is now. */
static size_t drop_repeats(flow *fl, size_t i)
{
	doc *dc = fl->dc;
	for (size_t k = fl->f.start; k < i;) {
		if (!dc->items[k].repeat || dc->items[k].page != fl->f.page) {
			k++;
			continue;
		}
		doc_remove_item(dc, k);
		i--;
		move_flow_refs(fl, k + 1, -1);
	}
	return i;
}

/* Whether items i - 1 and i are lines of one paragraph or bands of one table. */
static int inside_block(const doc *dc, size_t i)
{
	if (i == 0)
		return 0;
	const vitem *a = &dc->items[i - 1], *b = &dc->items[i];
	if (a->kind == V_LINE && b->kind == V_LINE)
		return a->p == b->p;
	return a->kind == V_ROW && b->kind == V_ROW && a->row->table == b->row->table;
}

/* Item i does not fit: breaks before the latest item at or before it that this column
 * allows, and returns the item to go on from (or -1 past the page limit). */
static long break_column(flow *fl, size_t i)
{
	doc *dc = fl->dc;
	size_t brk = i;
	while (brk > fl->f.start && brk != fl->after_float && dc->items[brk].keep)
		brk--;
	/* a kept run taller than a full column is split wherever it stands, inside a block:
	 * moved on whole, it would be split there all the same, and leave this column empty
	 * behind it (a hostile trial: a table's header row of a hundred lines left page 1 near
	 * empty). Not between a heading or a title and what it is kept with. */
	if (brk > fl->f.start && brk < i && inside_block(dc, i)) {
		double run = 0;
		for (size_t e = brk; e < dc->nitems && (e == brk || dc->items[e].keep) && run <= full_column(fl) + 0.01; e++)
			run += dc->items[e].h;
		if (run > full_column(fl) + 0.01)
			brk = i;
	}
	if (brk <= fl->f.start) {
		/* a kept run taller than this column is split here; but where the column is
		 * shorter than a page's, a full one holds the run and the piece left here would
		 * be a stub (a box's title without the figure it is kept with: less than a
		 * quarter of the column) it moves on whole */
		double here = fl->y - fl->f.top;
		int whole = short_column(fl) && here + dc->items[i].h <= full_column(fl) + 0.01 &&
			    here < (fl->f.bottom - fl->f.top) / 4;
		brk = whole ? first_own(fl, i) : i;
	}
	/* a kept run split by force breaks where its blocks allow it (where they are kept
	 * whole by choice only, vitem.soft: between a box's blocks, inside a paragraph past its
	 * orphans), when that leaves at most a quarter of the column empty, rather than right
	 * where it stands: there it split an excerpt's source line over two columns (a
	 * typographer's trial) or left a caption's first line behind */
	if (brk == i && dc->items[i].keep && !dc->items[i].soft) {
		size_t k = i;
		while (k > fl->f.start && k != fl->after_float && dc->items[k].keep && !dc->items[k].soft)
			k--;
		if (k > fl->f.start && k < i && dc->items[k].page == fl->f.page &&
		    text_bottom(fl) - dc->items[k].y <= (fl->f.bottom - fl->f.top) / 4)
			brk = k;
	}
	/* a block kept whole by choice (vitem.soft) breaks after all when moving it whole would
	 * leave more than a quarter of the column empty: no stub pages */
	double y = brk < i ? dc->items[brk].y : fl->y;
	if (text_bottom(fl) - y > (fl->f.bottom - fl->f.top) / 4) {
		size_t soft = i;
		while (soft > fl->f.start && soft != fl->after_float && dc->items[soft].keep && !dc->items[soft].soft)
			soft--;
		if (soft > brk && soft > fl->f.start)
			brk = soft;
	}
	/* a column left holding only what it repeats of a block would be an empty frame or a
	 * head without its rows: where a later column (a full one) holds what moves on, that
	 * column repeats them instead (where none does, they stay: repeated at every column,
	 * they would move on for ever) */
	foot_drop_from(dc, &fl->ft, brk);
	if (brk > fl->f.start && !holds_content(fl, fl->f.start, brk) && bare_shortened(fl) &&
	    fl->y - fl->f.top + dc->items[i].h <= full_column(fl) + 0.01)
		brk = drop_repeats(fl, first_own(fl, brk)); /* the space before brk goes along */
	if (brk > fl->f.start)
		doc_whole_word_at_break(dc, brk);
	/* front matter spans the columns, so it only ever moves to a new page */
	if (next_column(fl, fl->in_span ? 1 : fl->cols, 0) < 0)
		return -1;
	fl->f.start = brk;
	resume_column(fl, brk);
	return (long)brk;
}

/* Item i does not fit in a column that holds nothing of its own yet (but space). Where the
 * column is shorter than a page's (below the front matter or a spanning float, or above a
 * note run on) and a full column would hold it, it moves on, leaving the column empty
 * rather than an empty frame or running past the
 * bottom margin. Where only what the column repeats keeps it out (a table's caption and
 * header taller than a column less a row), it moves on alone, as the flow breaks. Else
 * it stands here, as nowhere holds it (figures are scaled to fit a page: figure.c).
 * Returns the item to go on from, or -1 past the page limit. */
static long place_in_bare_column(flow *fl, size_t i, double least)
{
	doc *dc = fl->dc;
	double need = fl->y - fl->f.top + dc->items[i].h + least;
	if (bare_shortened(fl) && need <= full_column(fl) + 0.01) {
		i = drop_repeats(fl, first_own(fl, i)); /* the space before i goes along */
		foot_drop_from(dc, &fl->ft, i);
		if (next_column(fl, fl->cols, 0) < 0)
			return -1;
		fl->f.start = i;
		resume_column(fl, i);
		return (long)i;
	}
	if (fl->y > fl->f.top + 0.01 && dc->items[i].h + least <= full_column(fl) + 0.01)
		return break_column(fl, i);
	place(fl, &dc->items[i]);
	return (long)i + 1;
}

/* The room item i needs below it besides its own: a line that marks notes, for their
 * first lines; a table's or a box's last before a break, for a wide rule closing it there. */
static double room_below(const flow *fl, size_t i)
{
	double least = 0;
	if (fl->dc->items[i].nnotes)
		foot_need(fl->dc, &fl->ft, i, &least);
	return least + doc_break_room(fl->dc, i);
}

static int flow_items(flow *fl)
{
	doc *dc = fl->dc;
	size_t i = 0;
	while (i < dc->nitems) {
		vitem *it = &dc->items[i];
		if (fl->in_span && !it->span) {
			/* front matter done: columns start below it */
			fl->in_span = 0;
			fl->span_bottom = fl->y;
			fl->f.top = fl->y;
			fl->f.start = i;
		}
		/* a float waits for text of its own section (its subsections' too), never past
		 * the next section's heading nor a page break: the reader finds a figure in the
		 * section that speaks of it */
		if (floats_stop(fl, it)) {
			/* the text placed last, before the floats */
			size_t last = fl->waiting[0].first;
			while (last > 0 && (dc->items[last - 1].page < 0 || dc->items[last - 1].kind == V_SPACE))
				last--;
			int page = fl->f.page;
			while (fl->nwaiting)
				if (next_column(fl, fl->cols, 0) < 0)
					return -1;
			/* the text stopped on its page when the floats took the next: its columns
			 * end as before a page break */
			if (fl->f.page != page && last > 0 && dc->items[last - 1].page == page)
				dc->items[last - 1].ends_page = 1;
			continue;
		}
		if (it->kind == V_PAGEBREAK) {
			it->page = -1;
			/* not on a page that holds nothing yet; below the front matter (where the
			 * columns' top is) the page does hold something */
			if (fl->y > fl->page_top + 0.01 || fl->f.col > 0) {
				/* kept on the page it ends, for the dump: a short page before it was asked for */
				it->page = fl->f.page;
				it->col = fl->in_span ? 0 : fl->f.col;
				it->y = fl->y;
				if (next_column(fl, fl->cols, 1) < 0)
					return -1;
				fl->f.start = i + 1;
			}
			i++;
			continue;
		}
		if (it->kind == V_SPACE && !it->solid &&
		    (fl->y <= fl->f.top || fl->y == fl->after_float_y || below_padding(fl, i))) {
			/* space at the top of a column, below its floats or below a box's padding
			 * repeated there is dropped */
			it->page = -1;
			i++;
			continue;
		}
		if (it->float_items > 0) {
			int aside = set_aside(fl, i);
			if (aside == SET_ASIDE_BREAK) {
				long next = break_column(fl, i);
				if (next < 0)
					return -1;
				i = (size_t)next;
				continue;
			}
			if (aside) {
				i += (size_t)it->float_items;
				continue;
			}
		}
		double least = room_below(fl, i);
		int fits = fl->y + it->h + least <= text_bottom(fl) + 0.01;
		if (!fits && !fl->in_span && column_bare(fl, i)) {
			long next = place_in_bare_column(fl, i, least);
			if (next < 0)
				return -1;
			i = (size_t)next;
			continue;
		}
		int over = !fits && fl->y > fl->f.top;
		if (over && widow_ahead(dc, i) && reset_against_widow(dc, i))
			continue;
		if (over) {
			long next = break_column(fl, i);
			if (next < 0)
				return -1;
			i = (size_t)next;
			continue;
		}
		place(fl, it);
		i++;
	}
	while (fl->nwaiting || fl->ft.ncarry)
		if (next_column(fl, fl->cols, 0) < 0)
			return -1;
	foot_flush(dc, &fl->ft, fl->f.page, fl->in_span ? 0 : fl->f.col, fl->f.bottom);
	return 0;
}

int doc_flow(doc *dc, diag *d)
{
	const style *st = dc->st;
	double top = st->margin_top, bottom = st->page_h - st->margin_bottom;
	flow fl = {.dc = dc, .d = d, .f = {0, 0, top, bottom, 0}, .y = top, .page_top = top, .span_bottom = top,
		   .in_span = 1, .cols = st->columns > 0 ? st->columns : 1, .after_float = (size_t)-1,
		   .after_float_y = -1};
	int rc = flow_items(&fl);
	free(fl.waiting);
	foot_free(&fl.ft);
	if (rc < 0)
		return -1;
	doc_balance(dc);
	doc_drop_empty_pages(dc);
	page_sections(dc);
	return 0;
}
