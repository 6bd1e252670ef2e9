/* prose.c: the analyst's own text: paragraphs (lists: list.c). */
#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"

void compose_text_block(composer *c, const block *bl, const block *prev)
{
	const style *st = c->st;
	/* a first-line indent marks a paragraph that follows another */
	double indent = st->first_indent > 0 && prev && prev->kind == BLOCK_TEXT ? st->first_indent : 0;
	compose_lines(c, compose_para(c, cite_item_rich(c->b, c->marking, &bl->items[0]), &st->body, c->w, indent, st->align, bl->at), 0, 0);
}
