/* links.c: a line's links as the PDF's link annotations: where each goes (an anchor's
 * item, or a note's first line at its column's foot) and how wide a target it is. */
#include "render/links.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

double render_view_top(double y)
{
	return y > 12 ? y - 12 : 0;
}

/* Where an internal link goes: an anchor's item (a source, an end note, an annex passage),
 * or a note's first line at its column's foot ("note-N", which no item holds). Returns 0 if
 * the destination is on no page. */
static int link_target(const doc *dc, const char *dest, pdf_link *out)
{
	for (size_t q = 0; q < dc->nanchors; q++)
		if (strcmp(dc->anchors[q].name, dest) == 0) {
			const vitem *target = &dc->items[dc->anchors[q].item];
			if (target->page < 0)
				return 0;
			out->to_page = target->page;
			out->to_x = doc_column_x(dc, target);
			out->to_y = render_view_top(target->y);
			return 1;
		}
	int id = 0;
	if (sscanf(dest, "note-%d", &id) != 1 || id < 1)
		return 0;
	for (size_t k = 0; k < dc->nfoot; k++) {
		const struct foot_line *fl = &dc->foot[k];
		if (fl->note == id - 1 && fl->line == 0 && fl->page >= 0) {
			out->to_page = fl->page;
			out->to_x = doc_column_x(dc, &(vitem){.col = fl->col});
			out->to_y = render_view_top(fl->y);
			return 1;
		}
	}
	return 0;
}

/* A link's target is at least this many times its line's leading wide: a superscript of
 * one digit is about a third of that. */
#define LINK_LEAST_WIDTH 0.8

void links_of_line(const doc *dc, const vitem *it, double x0, pdf_marks *links)
{
	const para *p = it->p;
	const para_line *ln = &p->lines[it->line];
	/* this line's links, in order, so that a narrow one can be widened into the room
	 * beside it (a one-digit citation was a target 4 pt wide: a PDF consumers' trial) */
	pdf_link *out = xcalloc(p->text->nlinks + 1, sizeof *out);
	size_t n = 0;
	for (size_t k = 0; k < p->text->nlinks; k++) {
		const rich_link *lk = &p->text->links[k];
		double x, w;
		if (!para_range_x(p, it->line, lk->start, lk->end, &x, &w))
			continue;
		pdf_link o = {0};
		o.page = it->page;
		o.x = x0 + ln->x + x;
		o.w = w;
		o.y = it->y;
		o.h = p->leading;
		o.link_id = (int)k + 1;
		if (lk->external) {
			o.uri = lk->dest;
		} else {
			o.to = lk->dest;
			if (!link_target(dc, lk->dest, &o))
				continue;
		}
		out[n++] = o;
	}
	double least = LINK_LEAST_WIDTH * p->leading;
	for (size_t k = 0; k < n; k++) {
		if (out[k].w >= least)
			continue;
		double grow = (least - out[k].w) / 2;
		/* no further than halfway to a neighbour; the links of a line come in text order */
		double left = k > 0 ? (out[k].x - (out[k - 1].x + out[k - 1].w)) / 2 : grow;
		double right = k + 1 < n ? (out[k + 1].x - (out[k].x + out[k].w)) / 2 : grow;
		left = left < 0 ? 0 : left < grow ? left : grow;
		right = right < 0 ? 0 : right < grow ? right : grow;
		out[k].x -= left;
		out[k].w += left + right;
	}
	for (size_t k = 0; k < n; k++)
		pdf_marks_link(links, out[k]);
	free(out);
}

