/* box.c: loads a box block's own keys: its title and kind. The blocks of its `content` are
 * loaded by the section that holds it (brief.c), into the places right after the box. */
#include "load/keys.h"
#include "load/box.h"

#include <stdlib.h>

#include "base/schema.h"
#include "base/util.h"
#include "base/yaml_tree.h"
#include "load/brief.h"
#include "load/loader.h"

void box_free(void *b)
{
	free(b);
}

void load_box_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	if (!schema_expect(&L->S, n, YNODE_MAP, "box"))
		return;
	schema_keys(&L->S, n, "box", box_keys, box_required);
	box *bx = xcalloc(1, sizeof *bx);
	bl->data = bx;
	bl->data_free = box_free;
	bx->title = schema_string(&L->S, ymap_get(n, "title"), "title", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, ymap_get(n, "title"), bx->title, "box's title");
	bx->title_at = bx->title ? loader_loc(L, ymap_get(n, "title")) : bl->at;
	int kind;
	if (schema_choice(&L->S, n, "kind", "kind", box_kinds, &kind))
		bx->kind = kind + 1;
}
