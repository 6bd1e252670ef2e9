/* notes.c: the notes analysts write in their text, ^[like this]. Each mark is a superscript
 * number in the text; the note is set in the small role a column wide, and anchored at the
 * line that holds its mark, for the flow to set at the foot of that line's column (notes:
 * foot, the default); or all are listed in a Notes section before the Sources (notes: end). */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"

/* Whether byte `at` of p's text is on line i. */
static int on_line(const para *p, size_t i, size_t at)
{
	const para_line *ln = &p->lines[i];
	size_t start = (size_t)ln->start, end = (size_t)(ln->start + ln->len);
	return at >= start && (at < end || (i + 1 == p->nlines && at <= end));
}

void compose_anchor_notes(composer *c, const para *p, size_t line, size_t at)
{
	doc *dc = c->dc;
	if (c->st->notes_end || line >= p->nlines)
		return;
	for (size_t k = 0; k < p->text->nnotes; k++) {
		const struct rich_note *rn = &p->text->notes[k];
		if (rn->id < 0 || (size_t)rn->id >= dc->nnotes || !on_line(p, line, rn->at))
			continue;
		struct doc_note *dn = &dc->notes[rn->id];
		if (dn->item >= 0)
			continue; /* a text set twice (a table's repeated header) marks its note once */
		if (!dn->p)
			dn->p = compose_para(c, cite_note_rich(c->b, (size_t)rn->id), &c->st->small, dc->col_w, 0, ALIGN_LEFT,
					     c->b->notes[rn->id].at);
		dn->item = (int)at;
		compose_item(c, at)->nnotes++;
	}
}

void compose_end_notes(composer *c)
{
	const brief *b = c->b;
	const style *st = c->st;
	if (!st->notes_end || b->nnotes == 0)
		return;
	double w = c->dc->col_w;
	size_t end_of_text = c->dc->nitems;
	compose_space(c, st->heading_space_before, 0);
	if (end_of_text < c->dc->nitems)
		c->dc->items[end_of_text].float_barrier = 1; /* the end of the text, as the Sources' */
	rich *r = rich_new();
	rich_add(r, "Notes", 5);
	size_t h = compose_lines_as(c, TAG_H1, compose_para(c, r, &st->heading, w, 0, ALIGN_LEFT, loc_none()), 0, 1);
	compose_outline(c, h, "Notes", 0);
	compose_space(c, st->heading_space_after, 1);
	c->keep_next = 1;
	for (size_t i = 0; i < b->nnotes; i++) {
		if (i > 0)
			compose_space(c, st->para_space, 0);
		size_t first = compose_lines_as(c, TAG_NOTE, compose_para(c, cite_note_rich(b, i), &st->body, w, 0, st->align, b->notes[i].at), 0, 0);
		char *anchor = xasprintf("note-%zu", i + 1);
		compose_anchor(c, first, anchor);
		free(anchor);
	}
}
