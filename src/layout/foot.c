/* foot.c: notes at the foot of a column (foot.h). A column's notes stand above its bottom
 * margin, below a short rule, in the order of their marks; the flow keeps the text above
 * them. A note longer than the room left goes on at the next column's foot. */
#include "layout/foot.h"

#include <stdlib.h>

#include "base/util.h"

double foot_separator(const doc *dc)
{
	/* a line of the small role */
	return dc->st->small.leading;
}

double foot_marked(const doc *dc, size_t at, double *least)
{
	double all = 0;
	if (least)
		*least = 0;
	if (dc->items[at].nnotes == 0)
		return 0;
	for (size_t k = 0; k < dc->nnotes; k++) {
		const struct doc_note *dn = &dc->notes[k];
		if (dn->item != (int)at || !dn->p || dn->p->nlines == 0)
			continue;
		all += (double)dn->p->nlines * dn->p->leading;
		if (least)
			*least += dn->p->leading;
	}
	return all;
}

double foot_first_lines(const doc *dc, size_t first, size_t end)
{
	double h = 0;
	for (size_t k = first; k < end; k++) {
		double least;
		foot_marked(dc, k, &least);
		h += least;
	}
	return h > 0 ? h + foot_separator(dc) : 0;
}

double foot_need(const doc *dc, const foot *ft, size_t at, double *least)
{
	double all = foot_marked(dc, at, least);
	if (all > 0 && ft->n == 0) {
		all += foot_separator(dc);
		*least += foot_separator(dc);
	}
	return all;
}

static void push(foot_entry **v, size_t *n, foot_entry e)
{
	*v = grow_for(*v, *n, sizeof **v);
	(*v)[(*n)++] = e;
}

/* Note e, within room: what fits goes on the foot, the rest to the carry. */
static void add_entry(const doc *dc, foot *ft, foot_entry e, double room)
{
	const para *p = dc->notes[e.note].p;
	if (ft->n == 0)
		room -= foot_separator(dc);
	size_t fit = room > 0 ? (size_t)(room / p->leading + 0.01) : 0;
	if (fit > e.n)
		fit = e.n;
	if (fit > 0) {
		if (ft->n == 0)
			ft->h += foot_separator(dc);
		foot_entry here = e;
		here.n = fit;
		push(&ft->e, &ft->n, here);
		ft->h += (double)fit * p->leading;
	}
	if (fit < e.n) {
		foot_entry rest = e;
		rest.first += fit;
		rest.n -= fit;
		rest.carried = 1;
		push(&ft->carry, &ft->ncarry, rest);
	}
}

void foot_add(const doc *dc, foot *ft, size_t at, double room)
{
	/* the first lines of the notes after each one are kept room for: a line that marks
	 * two notes begins both below it, the first one shorter if need be */
	double firsts = 0;
	foot_marked(dc, at, &firsts);
	for (size_t k = 0; k < dc->nnotes; k++) {
		const struct doc_note *dn = &dc->notes[k];
		if (dn->item != (int)at || !dn->p || dn->p->nlines == 0)
			continue;
		firsts -= dn->p->leading;
		double before = ft->h;
		add_entry(dc, ft, (foot_entry){(int)k, 0, dn->p->nlines, at, 0}, room - firsts);
		room -= ft->h - before;
	}
}

void foot_drop_from(const doc *dc, foot *ft, size_t brk)
{
	size_t keep = 0;
	double h = 0;
	for (size_t k = 0; k < ft->n; k++) {
		if (!ft->e[k].carried && ft->e[k].item >= brk)
			continue;
		ft->e[keep++] = ft->e[k];
		h += (double)ft->e[k].n * dc->notes[ft->e[k].note].p->leading;
	}
	ft->n = keep;
	ft->h = keep ? h + foot_separator(dc) : 0;
	/* what those notes carried over goes too: they will be set again */
	keep = 0;
	for (size_t k = 0; k < ft->ncarry; k++)
		if (ft->carry[k].item < brk)
			ft->carry[keep++] = ft->carry[k];
	ft->ncarry = keep;
}

void foot_flush(doc *dc, foot *ft, int page, int col, double bottom)
{
	double y = bottom - ft->h + (ft->n ? foot_separator(dc) : 0);
	for (size_t k = 0; k < ft->n; k++) {
		const foot_entry *e = &ft->e[k];
		const para *p = dc->notes[e->note].p;
		for (size_t l = e->first; l < e->first + e->n; l++) {
			dc->foot = grow_for(dc->foot, dc->nfoot, sizeof *dc->foot);
			dc->foot[dc->nfoot++] = (struct foot_line){e->note, l, page, col, y};
			y += p->leading;
		}
	}
	ft->n = 0;
	ft->h = 0;
}

void foot_begin(const doc *dc, foot *ft, double room)
{
	foot_entry *carry = ft->carry;
	size_t n = ft->ncarry;
	ft->carry = NULL;
	ft->ncarry = 0;
	for (size_t k = 0; k < n; k++) {
		double before = ft->h;
		/* at least a line of it in each column, or a note whose line is taller than half a
		 * column would go on to the next for ever (a 16 pt note on a page with 1 in of text:
		 * "more than 5000 pages") */
		double line = dc->notes[carry[k].note].p->leading + (ft->n == 0 ? foot_separator(dc) : 0);
		add_entry(dc, ft, carry[k], k == 0 && room < line ? line : room);
		room -= ft->h - before;
	}
	free(carry);
}

void foot_free(foot *ft)
{
	free(ft->e);
	free(ft->carry);
}
