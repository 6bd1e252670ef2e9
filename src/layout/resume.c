/* resume.c: a column that starts inside a block begun in the column before repeats what
 * the reader needs to know where they are: a table's caption, marked "(continued)", and its
 * header row; an excerpt's source, "(continued)"; a box's top padding, so that its frame
 * opens as on its first piece. The flow inserts these where it breaks; balance.c where it
 * breaks again. Both leave room below a piece for the rule that closes it, where the rule
 * is wide. */
#include "layout/resume.h"

/* The continuation a column starting at brk takes from a table or an excerpt, or NULL. Not
 * when it was just copied there: a column that cannot hold it and a line of the block gets
 * the block alone. */
static const struct doc_table *resumed_block(const doc *dc, size_t brk, size_t prev)
{
	int t = dc->items[brk].table, x = dc->items[brk].passage;
	if ((t <= 0 && x <= 0) || (brk > 0 && dc->items[prev].repeat))
		return NULL;
	return t > 0 ? &dc->tables[t - 1] : &dc->passages[x - 1];
}

/* Whether a column starting at brk (whose first item stands in box `box`) opens a box
 * begun before. */
static int resumed_box(const doc *dc, size_t brk, size_t prev, int box)
{
	return box >= 0 && brk > 0 && dc->items[prev].box_deco == box && !dc->items[prev].repeat &&
	       dc->st->frame_padding > 0;
}

double doc_resume_height(const doc *dc, size_t brk, size_t prev)
{
	double h = 0;
	const struct doc_table *dt = resumed_block(dc, brk, prev);
	for (size_t k = 0; dt && k < dt->ncont; k++)
		h += dt->cont[k].h;
	if (resumed_box(dc, brk, prev, dc->items[brk].box_deco))
		h += dc->st->frame_padding;
	return h;
}

size_t doc_resume_at(doc *dc, size_t brk)
{
	size_t prev = brk > 0 ? brk - 1 : 0;
	const struct doc_table *dt = resumed_block(dc, brk, prev);
	int box = dc->items[brk].box_deco;
	size_t n = dt ? dt->ncont : 0;
	for (size_t k = 0; k < n; k++) {
		vitem *it = doc_insert_item(dc, brk + k);
		*it = dt->cont[k];
		it->span = dc->items[brk + k + 1].span;
		it->box_deco = box;
		it->page = -1;
	}
	if (!resumed_box(dc, brk, prev, box))
		return n;
	vitem *pad = doc_insert_item(dc, brk);
	pad->kind = V_SPACE;
	pad->h = dc->st->frame_padding;
	pad->solid = 1;
	pad->repeat = 1;
	pad->box_deco = box;
	pad->deco = -1;
	pad->span = dc->items[brk + 1].span;
	return n + 1;
}

double doc_break_room(const doc *dc, size_t i)
{
	if (i + 1 >= dc->nitems)
		return 0;
	const vitem *it = &dc->items[i], *next = &dc->items[i + 1];
	const style *st = dc->st;
	/* a table's piece ends in the heavy rule; its row may keep some room already (the
	 * hairline's, under table.rules: rows) */
	if (it->kind == V_ROW && next->kind == V_ROW && next->row->table == it->row->table &&
	    it->band + 1 == it->row->nbands && st->table_rules != TABLE_RULES_NONE) {
		double more = style_rule_growth(st, 1) - it->row->rule_bottom;
		return more > 0 ? more : 0;
	}
	/* a box's piece ends in its bottom rule, below its padding (render.c): both inside the
	 * column, which the notes at its foot, the footer and the next column's text share */
	int d = it->box_deco >= 0 ? it->box_deco : it->deco;
	if (d >= 0 && (dc->decos[d].kind == DECO_BOX || dc->decos[d].kind == DECO_FRAME) &&
	    (next->box_deco == d || next->deco == d))
		return (dc->decos[d].kind == DECO_FRAME ? st->frame_padding : st->box_padding) +
		       style_rule_growth(st, 1);
	return 0;
}
