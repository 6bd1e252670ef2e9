/* flow.c: lines → pages. Fills columns top to bottom and, when an item does not fit,
 * breaks before the latest item that allows it (keeps, widows, orphans, headings kept
 * with what follows); only a run of kept items taller than a column is split by force. */
#include <stdlib.h>

#include "layout/flow.h"
#include "base/util.h"

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

/* Counts the pages and notes the section in force on each, for the running heads. */
static void page_sections(doc *dc)
{
	/* a page whose items were all dropped (a trailing break) does not count */
	int last = 0;
	for (size_t k = 0; k < dc->nitems; k++)
		if (dc->items[k].page > last)
			last = dc->items[k].page;
	dc->npages = last + 1;
	dc->page_section = xmalloc((size_t)dc->npages * sizeof *dc->page_section);
	/* the running head names the first section that starts on the page, as a reader
	 * looking for it would expect, else the one still going on from before */
	int cur = -1;
	size_t k = 0;
	for (int p = 0; p < dc->npages; p++) {
		int first = -1;
		for (; k < dc->nitems && dc->items[k].page <= p; k++) {
			if (dc->items[k].page == p && dc->items[k].heading >= 0) {
				if (first < 0)
					first = dc->items[k].heading;
				cur = dc->items[k].heading;
			}
		}
		dc->page_section[p] = first >= 0 ? first : cur;
	}
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

int doc_flow(doc *dc, diag *d)
{
	const style *st = dc->st;
	double top = st->margin_top, bottom = st->page_h - st->margin_bottom;
	frame f = {0, 0, top, bottom, 0};
	double y = top;
	double span_bottom = top; /* where the columns start on the current page */
	int in_span = 1;
	int cols = st->columns > 0 ? st->columns : 1;
	size_t i = 0;
	while (i < dc->nitems) {
		vitem *it = &dc->items[i];
		if (in_span && !it->span) {
			/* front matter done: columns start below it */
			in_span = 0;
			span_bottom = y;
			f.top = y;
			f.start = i;
		}
		if (it->kind == V_PAGEBREAK) {
			it->page = -1;
			if (y > f.top || f.col > 0) {
				advance(&f, cols, 1, top, &span_bottom);
				y = f.top;
				f.start = i + 1;
			}
			i++;
			continue;
		}
		if (it->kind == V_SPACE && y <= f.top) {
			it->page = -1; /* space at the top of a column is dropped */
			i++;
			continue;
		}
		if (y + it->h > f.bottom + 0.01 && y > f.top && widow_ahead(dc, i) && reset_against_widow(dc, i))
			continue;
		if (y + it->h > f.bottom + 0.01 && y > f.top) {
			/* find the latest break at or before i that this column allows */
			size_t brk = i;
			while (brk > f.start && dc->items[brk].keep)
				brk--;
			if (brk <= f.start)
				brk = i; /* a kept run taller than a column: split it here */
			/* front matter spans the columns, so it only ever moves to a new page */
			advance(&f, in_span ? 1 : cols, 0, top, &span_bottom);
			if (f.page >= DOC_MAX_PAGES) {
				diag_error(d, loc_at(dc->b->path, 0, 0), "the document would have more than %d pages",
					   DOC_MAX_PAGES);
				return -1;
			}
			y = f.top;
			f.start = brk;
			i = brk;
			continue;
		}
		it->page = f.page;
		it->col = in_span ? 0 : f.col;
		it->y = y;
		y += it->h;
		i++;
	}
	page_sections(dc);
	return 0;
}
