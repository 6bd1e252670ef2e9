/* box.c: a box block on the vertical list: a frame in its kind's look (the layout's box
 * keys), its title, and its blocks set inside it, narrower by the padding. The blocks
 * follow the box in its section; compose.c sets them and then closes the box. A box that
 * fits on a page is kept whole unless that would leave more than a quarter of a column
 * empty; a longer one breaks like its blocks, the frame drawn on each piece; one that opens
 * with a figure floats as the figure would. */
#include "layout/cite.h"
#include "layout/composer.h"
#include "load/box.h"

/* What the box being set changed, put back when it closes. */
void compose_box_block(composer *c, const block *bl, const block *prev)
{
	(void)prev;
	const box *bx = bl->data;
	if (!bx || c->box_deco >= 0)
		return;
	const style *st = c->st;
	int kind = bx->kind >= 0 && bx->kind < BOX_NKINDS ? bx->kind : BOX_PLAIN;
	double pad = st->frame_padding;
	c->box_first = c->dc->nitems;
	c->box_marking = c->marking;
	compose_tag_open(c, TAG_DIV);
	int d = compose_deco(c, DECO_FRAME, 0, c->w, 0);
	c->dc->decos[d].fill = st->frame_fill[kind];
	c->dc->decos[d].rule = st->frame_rule[kind];
	c->box_deco = d;
	compose_space(c, pad, 0);
	if (pad > 0) /* the frame's top padding, even at the top of a column */
		compose_item(c, c->dc->nitems - 1)->solid = 1;
	const char *title = bx->title ? bx->title : st->frame_title[kind];
	c->x += pad;
	c->w -= 2 * pad;
	if (title && *title) {
		rich *r = rich_new();
		if (st->mark_headings) /* a box's title is marked as headings are; its blocks always */
			cite_add_marking(r, c->marking);
		rich_add_markup(r, title, 0);
		c->keep_next = 1;
		compose_lines(c, compose_para(c, r, &st->box_head, c->w, 0, ALIGN_LEFT, bx->title ? bx->title_at : bl->at), 0, 1);
		compose_space(c, st->frame_title_space, 1);
	}
	c->keep_next = 1; /* the first block stays with the title */
	c->box_body = c->dc->nitems;
	c->box_left = bl->ninner;
	if (c->box_left == 0)
		compose_box_close(c);
}

void compose_box_close(composer *c)
{
	const style *st = c->st;
	double pad = st->frame_padding;
	compose_space(c, pad + style_rule_growth(st, 1), 1); /* and room for a wide bottom rule */
	compose_tag_close(c);
	c->x -= pad;
	c->w += 2 * pad;
	/* kept whole when it fits on a page: the reader takes a box in as one thing */
	double h = 0, page = st->page_h - st->margin_top - st->margin_bottom;
	for (size_t k = c->box_first; k < c->dc->nitems; k++)
		h += compose_item(c, k)->h;
	if (h <= page)
		for (size_t k = c->box_first + 1; k < c->dc->nitems; k++) {
			vitem *it = compose_item(c, k);
			/* not at any price: a box moved whole may leave a stub page behind */
			if (!it->keep)
				it->keep = it->soft = 1;
		}
	/* a box that opens with a figure cannot break before the figure's foot, so moved whole
	 * it would leave the page before it mostly empty: it floats as a figure does, the text
	 * after it filling the gap (outside the front matter, where nothing floats) */
	if (h <= page && c->box_body < c->dc->nitems && compose_item(c, c->box_body)->kind == V_IMAGE &&
	    !compose_item(c, c->box_first)->span)
		compose_item(c, c->box_first)->float_items = (int)(c->dc->nitems - c->box_first);
	c->box_deco = -1;
	c->box_left = 0;
}
