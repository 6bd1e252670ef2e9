/* handling.c: the handling marks set in the text: the date the information stands at, in
 * the title block; the distribution statement, framed below it on page 1, where a reader
 * sees who may read the handout before reading it; the point of contact after the body,
 * where a reader who has finished looks for whom to ask. The control number and the draft
 * watermark are drawn on every page by render/. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"

void compose_as_of(composer *c)
{
	char *date = cite_format_date(c->b->as_of, c->dc->day_first);
	char *text = xasprintf("Information as of %s", date);
	free(date);
	rich *r = rich_new();
	rich_add(r, text, strlen(text));
	free(text);
	size_t first = compose_lines(c, compose_para(c, r, &c->st->meta, c->dc->text_w, 0, ALIGN_LEFT, loc_none()), 0, 1);
	compose_item(c, first)->keep = 1;
}

void compose_distribution(composer *c)
{
	const style *st = c->st;
	/* the frame is drawn inside the box's edges: a wide one takes room from the padding,
	 * which it is given back (style_rule_growth) */
	double w = c->dc->text_w, pad = st->handling_padding + style_rule_growth(st, 1);
	compose_space(c, st->handling_space_before, 1);
	c->deco = compose_deco(c, DECO_RULED, 0, w, 0);
	c->keep_next = 1;
	compose_space(c, pad, 1);
	rich *r = rich_new();
	rich_add_markup(r, c->b->distribution, 0);
	c->keep_next = 1;
	compose_lines(c, compose_para(c, r, &st->meta, w - 2 * pad, 0, ALIGN_LEFT, c->b->distribution_at), pad, 1);
	compose_space(c, pad, 1);
	c->deco = -1;
}

void compose_contact(composer *c)
{
	const style *st = c->st;
	double w = c->dc->col_w;
	size_t first = c->dc->nitems;
	compose_space(c, st->block_space, 0);
	if (st->contact_rule > 0) {
		vitem *rule = compose_push(c, V_RULE, st->rule_width);
		rule->w = st->contact_rule < w ? st->contact_rule : w;
		compose_space(c, st->para_space, 1);
		c->keep_next = 1;
	}
	/* labelled: a name and a number alone at the end would not say what they are for */
	rich *r = rich_new();
	rich_add(r, "Point of contact: ", strlen("Point of contact: "));
	rich_add_markup(r, c->b->contact, 0);
	compose_lines(c, compose_para(c, r, &st->small, w, 0, ALIGN_LEFT, c->b->contact_at), 0, 1);
	/* it ends the text: a figure still waiting for room is set before it */
	if (first < c->dc->nitems)
		c->dc->items[first].float_barrier = 1;
}
