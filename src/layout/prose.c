/* prose.c: the analyst's own text: paragraphs and bulleted lists. */
#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"

void compose_bullet_list(composer *c, const item *items, size_t n, double x, double width, const font_role *font,
			int keep_all)
{
	double indent = c->st->bullet_indent;
	for (size_t i = 0; i < n; i++) {
		para *p = compose_para(c, cite_item_rich(c->b, c->marking, &items[i]), font, width - indent, 0, c->st->align, items[i].at);
		rich *mr = rich_new();
		rich_add_styled(mr, "\xE2\x80\xA2", 3, 0, 0, &c->st->accent);
		para *m = compose_para(c, mr, font, indent, 0, ALIGN_LEFT, items[i].at);
		if (i > 0)
			compose_space(c, c->st->para_space, keep_all);
		vitem *first = compose_item(c, compose_lines(c, p, x + indent, keep_all));
		first->marker = m;
		first->marker_x = c->x + x + c->st->bullet_inset;
	}
}


void compose_text_block(composer *c, const block *bl, const block *prev)
{
	const style *st = c->st;
	/* a first-line indent marks a paragraph that follows another */
	double indent = st->first_indent > 0 && prev && prev->kind == BLOCK_TEXT ? st->first_indent : 0;
	compose_lines(c, compose_para(c, cite_item_rich(c->b, c->marking, &bl->items[0]), &st->body, c->w, indent, st->align, bl->at), 0, 0);
}

void compose_bullets_block(composer *c, const block *bl, const block *prev)
{
	(void)prev;
	compose_bullet_list(c, bl->items, bl->nitems, 0, c->w, &c->st->body, 0);
}
