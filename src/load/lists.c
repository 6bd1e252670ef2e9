/* lists.c: loading lists: a bullets or numbered block and the Key points. An item may hold
 * a sub-list, `items:` (bullets) or `numbered:`, down to BRIEF_LIST_LEVELS levels in all.
 * A list is kept flat, every item in reading order after its parent, with its level, its
 * number and its marker (load/brief.h): resolve checks each item's citations as it does a
 * flat list's, and the composer walks one array. */
#include "load/keys.h"
#include "load/loader.h"
#include "load/brief.h"
#include "load/measures.h"

#include <string.h>

#include "base/schema.h"
#include "base/util.h"
#include "base/yaml_tree.h"

/* a layout leaves room for lists as deep as a brief may nest them */
_Static_assert(BRIEF_LIST_LEVELS == MEASURE_LIST_LEVELS, "load/measures.c checks lists as deep as briefs nest them");

/* The items loaded so far. The array grows, so an item is named by its index. */
typedef struct list_items {
	item *v;
	size_t n, cap;
} list_items;

/* Where a list lies: its level (0: the top list) and how many lists of each kind enclose
 * it (enclosing[0] bullets, enclosing[1] numbered), which picks its items' markers. */
typedef struct list_place {
	int level;
	int enclosing[2];
	char *parent_marking; /* the marking of the item whose sub-list this is: it goes down */
	loc parent_marking_at;
} list_place;

static size_t push_item(list_items *out)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 8;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	memset(&out->v[out->n], 0, sizeof out->v[out->n]);
	return out->n++;
}

static void load_list(loader *L, const ynode *n, const char *what, const char *itemwhat, int numbered, list_place at,
		      list_items *out);

/* The sub-list of item map, in a list of kind numbered lying at `at`, if it has one. */
static void load_sub_list(loader *L, const ynode *map, int numbered, list_place at, list_items *out)
{
	const ynode *bullets = NULL, *numbers = NULL, *second = NULL;
	for (size_t i = 0; i < map->npairs; i++) {
		const ynode *k = map->pairs[i].key;
		const ynode **slot = strcmp(k->str, "items") == 0 ? &bullets : strcmp(k->str, "numbered") == 0 ? &numbers : NULL;
		if (!slot)
			continue;
		if (bullets || numbers)
			second = k;
		*slot = k;
	}
	if (second) {
		schema_error(&L->S, second,
			     "an item has both 'items' and 'numbered'; give it one sub-list: 'items' for bullets, 'numbered' for numbers");
		return;
	}
	const ynode *key = bullets ? bullets : numbers;
	if (!key)
		return;
	if (at.level + 1 >= BRIEF_LIST_LEVELS) {
		schema_error(&L->S, key,
			     "lists nest at most %d levels; this '%s' list would be level %d: make it a list of its own, or "
			     "fold its points into its item's text",
			     BRIEF_LIST_LEVELS, key->str, at.level + 2);
		return;
	}
	list_place sub = at;
	sub.level++;
	sub.enclosing[numbered]++;
	load_list(L, ymap_get(map, key->str), key->str, numbers ? "numbered item" : "bullet", numbers != NULL, sub, out);
}

/* The list n (named what in messages, each item itemwhat), of bullets or numbers, and every
 * sub-list in it. An empty list is an error, but for the Key points (nothing: no box). */
static void load_list(loader *L, const ynode *n, const char *what, const char *itemwhat, int numbered, list_place at,
		      list_items *out)
{
	int may_be_empty = at.level == 0 && strcmp(what, "summary") == 0;
	size_t count = may_be_empty ? schema_expect(&L->S, n, YNODE_SEQ, what) ? n->nitems : 0
				    : schema_entries(&L->S, n, YNODE_SEQ, what, NULL);
	for (size_t i = 0; i < count; i++) {
		size_t k = push_item(out);
		const ynode *in = n->items[i];
		load_item_keys(L, in, &out->v[k], itemwhat, list_item_keys);
		out->v[k].level = at.level;
		out->v[k].number = numbered ? (int)i + 1 : 0;
		out->v[k].mark = at.enclosing[numbered];
		const ynode *mk = in->kind == YNODE_MAP ? ymap_get(in, "marking") : NULL;
		if (mk) {
			out->v[k].marking = schema_string(&L->S, mk, "marking", BRIEF_MAX_MARK_CHARS);
			out->v[k].marking_at = loader_loc(L, mk);
		} else if (at.parent_marking) {
			out->v[k].marking = at.parent_marking;
			out->v[k].marking_at = at.parent_marking_at;
		}
		if (in->kind == YNODE_MAP) {
			list_place here = at;
			here.parent_marking = out->v[k].marking;
			here.parent_marking_at = out->v[k].marking_at;
			load_sub_list(L, in, numbered, here, out);
		}
	}
}

void load_list_items(loader *L, const ynode *n, const char *what, const char *itemwhat, int numbered, item **out,
		     size_t *nout)
{
	list_items items = {0};
	load_list(L, n, what, itemwhat, numbered, (list_place){0, {0, 0}, NULL, {0}}, &items);
	*out = items.v ? items.v : xcalloc(1, sizeof **out);
	*nout = items.n;
}

void load_numbered_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	load_list_items(L, n, "numbered", "numbered item", 1, &bl->items, &bl->nitems);
}
