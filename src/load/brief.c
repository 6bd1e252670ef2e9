/* brief.c: loads a brief's YAML into the document model, checking every key and value. */
#include "load/brief.h"

#include <ctype.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/schema.h"
#include "base/util.h"
#include "base/yaml_tree.h"
#include "load/style.h"

/* Everything the checks need, passed down instead of kept in globals. */
typedef struct loader {
	schema S;
	brief *b;
	size_t searches; /* quotes, excerpts by text or from/to, highlights: each reads a whole source */
} loader;

/* Locations kept in the model must outlive the YAML tree, so they name b->path (which the
 * brief owns) rather than the tree's copy of the file name. */
static loc here(const loader *L, const ynode *n)
{
	return n ? loc_at(L->b->path, n->line, n->col) : loc_at(L->b->path, 0, 0);
}

/* ---- dates ---- */

static void check_date(loader *L, const ynode *n, const char *s)
{
	int shape = strlen(s) == 10 && s[4] == '-' && s[7] == '-';
	for (int i = 0; shape && i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			shape = 0;
	if (!shape) {
		schema_error(&L->S, n, "date must be an ISO date YYYY-MM-DD");
		return;
	}
	/* four and two digits: in range for GDate's year (16 bits), month and day (8 bits) */
	int y = atoi(s), m = atoi(s + 5), day = atoi(s + 8);
	if (!g_date_valid_dmy((GDateDay)day, (GDateMonth)m, (GDateYear)y))
		schema_error(&L->S, n, "%s is not a real date", s);
}

/* ---- sources ---- */

static int plain_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' && *s != '.')
			return 0;
	return 1;
}

static void load_source(loader *L, const ynode *key, const ynode *val, source *s)
{
	brief *b = L->b;
	s->id = g_string_chunk_insert(b->strings, key->str);
	s->at = here(L, key);
	if (!plain_id(key->str))
		schema_error(&L->S, key, "source id '%s' must be a plain name (letters, digits, '-', '_', '.')", key->str);
	char *what = xasprintf("source '%s'", key->str);
	if (!schema_expect(&L->S, val, YNODE_MAP, what)) {
		free(what);
		return;
	}
	static const char *const allowed[] = {"file", "url", "title", "date", NULL};
	static const char *const required[] = {"file", NULL};
	schema_keys(&L->S, val, what, allowed, required);
	free(what);
	s->file = schema_string(&L->S, ymap_get(val, "file"), "file", 0);
	s->file_at = here(L, ymap_get(val, "file"));
	if (s->file) {
		char *path = path_join(b->dir, s->file);
		s->path = g_string_chunk_insert(b->strings, path);
		free(path);
	}
	s->url = schema_string(&L->S, ymap_get(val, "url"), "url", 0);
	s->title = schema_string(&L->S, ymap_get(val, "title"), "title", 0);
	s->date = schema_string(&L->S, ymap_get(val, "date"), "date", 0);
}

static void load_sources(loader *L, const ynode *n)
{
	if (!schema_entries(&L->S, n, YNODE_MAP, "sources", "sources must name at least one source"))
		return;
	if (n->npairs > BRIEF_MAX_SOURCES) {
		schema_error(&L->S, n, "sources name %zu sources; at most %d are allowed", n->npairs, BRIEF_MAX_SOURCES);
		return;
	}
	brief *b = L->b;
	b->sources = xcalloc(n->npairs, sizeof *b->sources);
	for (size_t i = 0; i < n->npairs; i++) {
		const ynode *k = n->pairs[i].key;
		if (k->kind != YNODE_SCALAR)
			continue; /* yaml_tree already reported it */
		load_source(L, k, n->pairs[i].value, &b->sources[b->nsources++]);
	}
}

/* Reports an unknown source id at n: "did you mean" for a near miss, else the known ids. */
static void unknown_source(loader *L, const ynode *n, const char *id)
{
	brief *b = L->b;
	if (b->nsources == 0)
		return; /* sources: itself is wrong and was reported; every id would be unknown */
	const char **ids = xcalloc(b->nsources + 1, sizeof *ids);
	for (size_t i = 0; i < b->nsources; i++)
		ids[i] = b->sources[i].id;
	const char *near = nearest_word(id, ids);
	if (near) {
		schema_error(&L->S, n, "unknown source '%s'; did you mean '%s'?", id, near);
	} else {
		schema_error(&L->S, n, "unknown source '%s'", id);
		strbuf sb = {0};
		for (size_t i = 0; i < b->nsources; i++)
			sb_printf(&sb, "%s%s", i ? ", " : "", ids[i]);
		diag_note(L->S.d, ynode_loc(L->S.t, n), "the sources are: %s", sb.data);
		sb_free(&sb);
	}
	free(ids);
}

/* A source reference of a quote or excerpt: index, or -1 after reporting. */
static int source_ref(loader *L, const ynode *n)
{
	const char *id = schema_string(&L->S, n, "source", 0);
	if (!id)
		return -1;
	int i = brief_source_index(L->b, id);
	if (i < 0)
		unknown_source(L, n, id);
	return i;
}

/* ---- citations ---- */

/* Parses a 1-based number of at most 6 digits at *p; returns it or -1. */
static int small_number(const char **p)
{
	const char *s = *p;
	long v = 0;
	int digits = 0;
	while (isdigit((unsigned char)*s)) {
		if (++digits > 6)
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	if (!digits)
		return -1;
	*p = s;
	return (int)v;
}

#define CITE_HELP "write a source id, optionally with a paragraph or sentence: 'edm-2018', 'edm-2018 p3' or 'edm-2018 p3.2'"

/* One citation "ID", "ID pN" or "ID pN.S" from the scalar n. Returns 1 when good. */
static int parse_cite(loader *L, const ynode *n, cite *c)
{
	char *s = schema_string(&L->S, n, "cite", 0);
	if (!s)
		return 0;
	memset(c, 0, sizeof *c);
	c->at = here(L, n);
	c->source = -1;
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	const char *id = p;
	while (*p && !isspace((unsigned char)*p))
		p++;
	char *idc = xstrndup(id, (size_t)(p - id));
	while (isspace((unsigned char)*p))
		p++;
	int ok = 1, numbered = 0;
	if (*p) {
		numbered = 1;
		if (*p != 'p' && *p != 'P') {
			ok = 0;
		} else {
			p++;
			c->para = small_number(&p);
			if (c->para < 0)
				ok = 0;
			else if (*p == '.') {
				p++;
				c->sent = small_number(&p);
				if (c->sent < 0)
					ok = 0;
			} else {
				c->sent = -1; /* not given: 0 below would read as "p3.0" */
			}
			while (isspace((unsigned char)*p))
				p++;
			if (*p)
				ok = 0;
		}
	}
	if (!ok) {
		schema_error(&L->S, n, "invalid cite '%s'; %s", s, CITE_HELP);
	} else if (numbered && (c->para == 0 || c->sent == 0)) {
		schema_error(&L->S, n, "invalid cite '%s'; paragraph and sentence numbers start at 1", s);
		ok = 0;
	}
	if (c->sent < 0)
		c->sent = 0;
	if (ok) {
		c->source = brief_source_index(L->b, idc);
		if (c->source < 0) {
			unknown_source(L, n, idc);
			ok = 0;
		}
	}
	free(idc);
	return ok;
}

/* `cite:` is one citation or a list of them. */
static void load_cites(loader *L, const ynode *n, item *it)
{
	if (n->kind == YNODE_SEQ) {
		if (n->nitems == 0) {
			schema_error(&L->S, n, "cite must not be an empty list");
			return;
		}
		for (size_t i = 0; i < n->nitems; i++) {
			if (it->ncites == BRIEF_MAX_CITES) {
				schema_error(&L->S, n->items[i], "more than %d citations for one item", BRIEF_MAX_CITES);
				return;
			}
			cite c;
			if (parse_cite(L, n->items[i], &c))
				it->cites[it->ncites++] = c;
		}
		return;
	}
	if (n->kind == YNODE_MAP) {
		schema_error(&L->S, n, "cite must be a string or a list of strings, not a mapping");
		return;
	}
	cite c;
	if (parse_cite(L, n, &c))
		it->cites[it->ncites++] = c;
}

/* ---- items: summary points, bullets, text paragraphs ---- */

/* An item is a string or {text, cite}. */
static void load_item(loader *L, const ynode *n, item *it, const char *what)
{
	it->at = here(L, n);
	if (n && n->kind == YNODE_MAP) {
		static const char *const allowed[] = {"text", "cite", NULL};
		static const char *const required[] = {"text", NULL};
		schema_keys(&L->S, n, what, allowed, required);
		it->text = schema_string(&L->S, ymap_get(n, "text"), "text", 0);
		const ynode *c = ymap_get(n, "cite");
		if (c)
			load_cites(L, c, it);
		return;
	}
	if (n && n->kind == YNODE_SEQ) {
		schema_error(&L->S, n, "%s must be a string or a mapping with 'text' (and 'cite'), not a list", what);
		return;
	}
	it->text = schema_string(&L->S, n, what, 0);
}

static void load_items(loader *L, const ynode *n, const char *what, const char *itemwhat, item **out,
		       size_t *nout)
{
	if (!schema_expect(&L->S, n, YNODE_SEQ, what))
		return;
	*out = xcalloc(n->nitems ? n->nitems : 1, sizeof **out);
	for (size_t i = 0; i < n->nitems; i++)
		load_item(L, n->items[i], &(*out)[(*nout)++], itemwhat);
}

/* ---- quotes and excerpts ---- */

static void load_highlight(loader *L, const ynode *n, block *bl)
{
	size_t count = n->kind == YNODE_SEQ ? n->nitems : 1;
	if (n->kind == YNODE_MAP) {
		schema_error(&L->S, n, "highlight must be a string or a list of strings, not a mapping");
		return;
	}
	if (count == 0) {
		schema_error(&L->S, n, "highlight must not be an empty list");
		return;
	}
	bl->highlight = xcalloc(count, sizeof *bl->highlight);
	for (size_t i = 0; i < count; i++) {
		const ynode *h = n->kind == YNODE_SEQ ? n->items[i] : n;
		char *s = schema_string(&L->S, h, "highlight", 0);
		if (!s)
			continue;
		bl->highlight[bl->nhighlight++] = (phrase){s, here(L, h)};
	}
}

/* The loaders of the block kinds (load/kinds.def): map is the block, n the value of its
 * kind's key. */

static void load_text_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	bl->items = xcalloc(1, sizeof *bl->items);
	bl->nitems = 1;
	bl->items[0].at = here(L, n);
	bl->items[0].text = schema_string(&L->S, n, "text", 0);
	const ynode *c = ymap_get(map, "cite");
	if (c)
		load_cites(L, c, &bl->items[0]);
}

static void load_bullets_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	load_items(L, n, "bullets", "bullet", &bl->items, &bl->nitems);
	if (n && n->kind == YNODE_SEQ && n->nitems == 0)
		schema_error(&L->S, n, "bullets must not be an empty list");
}

static void load_quote_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	bl->sel = SEL_TEXT;
	if (!schema_expect(&L->S, n, YNODE_MAP, "quote"))
		return;
	static const char *const allowed[] = {"source", "text", "speaker", "highlight", "note", NULL};
	static const char *const required[] = {"source", "text", NULL};
	schema_keys(&L->S, n, "quote", allowed, required);
	const ynode *src = ymap_get(n, "source");
	if (src)
		bl->source = source_ref(L, src);
	const ynode *text = ymap_get(n, "text");
	if (text) {
		bl->text = schema_string(&L->S, text, "text", 0);
		bl->text_at = here(L, text);
	}
	bl->speaker = schema_string(&L->S, ymap_get(n, "speaker"), "speaker", BRIEF_MAX_LINE_CHARS);
	bl->note = schema_string(&L->S, ymap_get(n, "note"), "note", 0);
	const ynode *hl = ymap_get(n, "highlight");
	if (hl)
		load_highlight(L, hl, bl);
}

/* "N" or "N-M" (spaces around the dash allowed), 1-based and in order. */
static void load_paragraphs(loader *L, const ynode *n, block *bl)
{
	const char *help = "paragraphs must be a number or a range such as 2-4";
	if (n->kind != YNODE_SCALAR || ynode_is_null(n)) {
		schema_error(&L->S, n, "%s, not %s", help, ynode_kind_name(n));
		return;
	}
	const char *p = n->str;
	while (*p == ' ')
		p++;
	int a = small_number(&p), b = a;
	while (*p == ' ')
		p++;
	if (a >= 0 && *p == '-') {
		p++;
		while (*p == ' ')
			p++;
		b = small_number(&p);
		while (*p == ' ')
			p++;
	}
	if (a < 0 || b < 0 || *p) {
		schema_error(&L->S, n, "%s, not '%s'", help, n->str);
		return;
	}
	if (a < 1 || b < 1) {
		schema_error(&L->S, n, "paragraph numbers start at 1, not 0");
		return;
	}
	if (b < a) {
		schema_error(&L->S, n, "paragraph range %d-%d is reversed; write %d-%d", a, b, b, a);
		return;
	}
	bl->para_from = a;
	bl->para_to = b;
}

static void load_excerpt_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	bl->sel = SEL_NONE;
	if (!schema_expect(&L->S, n, YNODE_MAP, "excerpt"))
		return;
	static const char *const allowed[] = {"source", "paragraphs", "from", "to", "text", "note", NULL};
	static const char *const required[] = {"source", NULL};
	schema_keys(&L->S, n, "excerpt", allowed, required);
	const ynode *src = ymap_get(n, "source");
	if (src)
		bl->source = source_ref(L, src);
	bl->note = schema_string(&L->S, ymap_get(n, "note"), "note", 0);

	/* exactly one selector; a second one is reported at its own key */
	const ynode *paras = ymap_get(n, "paragraphs"), *from = ymap_get(n, "from"), *to = ymap_get(n, "to"),
		    *text = ymap_get(n, "text");
	const char *first = NULL;
	for (size_t i = 0; i < n->npairs; i++) {
		const ynode *k = n->pairs[i].key;
		if (k->kind != YNODE_SCALAR)
			continue;
		const char *sel = strcmp(k->str, "paragraphs") == 0 ? "paragraphs"
				  : (strcmp(k->str, "from") == 0 || strcmp(k->str, "to") == 0) ? "from/to"
				  : strcmp(k->str, "text") == 0 ? "text" : NULL;
		if (!sel)
			continue;
		if (!first) {
			first = sel;
		} else if (strcmp(first, sel) != 0) {
			schema_error(&L->S, k, "excerpt has both '%s' and '%s'; give exactly one of: paragraphs, from and to, text",
				     first, sel);
			return;
		}
	}
	if (!first) {
		schema_error(&L->S, n, "excerpt needs one of: paragraphs, from and to, text");
		return;
	}
	if (paras) {
		bl->sel = SEL_PARAS;
		load_paragraphs(L, paras, bl);
	} else if (text) {
		bl->sel = SEL_TEXT;
		bl->text = schema_string(&L->S, text, "text", 0);
		bl->text_at = here(L, text);
	} else if (from && !to) {
		schema_error(&L->S, ymap_key(n, "from"), "excerpt has 'from' but no 'to'; give both");
	} else if (to && !from) {
		schema_error(&L->S, ymap_key(n, "to"), "excerpt has 'to' but no 'from'; give both");
	} else {
		bl->sel = SEL_FROM_TO;
		bl->from = schema_string(&L->S, from, "from", 0);
		bl->from_at = here(L, from);
		bl->to = schema_string(&L->S, to, "to", 0);
		bl->to_at = here(L, to);
	}
}

/* ---- blocks and sections ---- */

static const struct block_loader {
	const char *key;
	void (*load)(loader *L, const ynode *map, const ynode *n, block *bl);
} block_loaders[] = {
#define BLOCK_KIND(id, key, loader_fn, resolver, composer) [id] = {key, loader_fn},
#include "load/kinds.def"
#undef BLOCK_KIND
};

/* "text, bullets, quote, excerpt", for messages. Free with g_free. */
static char *block_kind_list(void)
{
	const char *keys[BLOCK_NKINDS + 1];
	for (int i = 0; i < BLOCK_NKINDS; i++)
		keys[i] = block_loaders[i].key;
	keys[BLOCK_NKINDS] = NULL;
	return g_strjoinv(", ", (char **)keys);
}

/* Finds the key naming the block's kind and sets *kind: 1, or 0 when there is none, or
 * -1 after reporting a second one. */
static int block_kind_key(loader *L, const ynode *n, const ynode **kind_key, block_kind *kind)
{
	*kind_key = NULL;
	int found = 0;
	for (size_t i = 0; i < n->npairs; i++) {
		const ynode *k = n->pairs[i].key;
		if (k->kind != YNODE_SCALAR)
			continue;
		for (int j = 0; j < BLOCK_NKINDS; j++) {
			if (strcmp(k->str, block_loaders[j].key) != 0)
				continue;
			if (*kind_key) {
				char *kinds = block_kind_list();
				schema_error(&L->S, k, "block has both '%s' and '%s'; a block must have exactly one of: %s",
					     (*kind_key)->str, k->str, kinds);
				g_free(kinds);
				return -1;
			}
			*kind_key = k;
			found = j;
		}
	}
	*kind = (block_kind)found;
	return *kind_key != NULL;
}

/* Each search reads its whole source: their number bounds the work of resolving. */
static void count_searches(loader *L, const ynode *n, const block *bl)
{
	if (bl->kind != BLOCK_QUOTE && (bl->kind != BLOCK_EXCERPT || bl->sel == SEL_PARAS))
		return;
	size_t before = L->searches;
	L->searches += 1 + bl->nhighlight;
	if (before <= BRIEF_MAX_SEARCHES && L->searches > BRIEF_MAX_SEARCHES)
		schema_error(&L->S, n, "a brief may look up at most %d passages (quotes, excerpts by text or from/to, highlights); this block goes past that",
			     BRIEF_MAX_SEARCHES);
}

static void load_block(loader *L, const ynode *n, block *bl)
{
	bl->at = here(L, n);
	bl->source = -1;
	bl->kind = BLOCK_TEXT;
	if (!schema_expect(&L->S, n, YNODE_MAP, "a block")) {
		if (n && n->kind == YNODE_SCALAR)
			diag_note(L->S.d, ynode_loc(L->S.t, n), "write '- text: ...' for a paragraph of your own");
		return;
	}
	static const char *const allowed[] = {
#define BLOCK_KIND(id, key, loader_fn, resolver, composer) key,
#include "load/kinds.def"
#undef BLOCK_KIND
		"cite", NULL};
	int bad = schema_keys(&L->S, n, "block", allowed, NULL);
	const ynode *kind_key;
	int found = block_kind_key(L, n, &kind_key, &bl->kind);
	if (found < 0)
		return;
	if (!found) {
		if (!bad) { /* a misspelt kind was already reported with its "did you mean" */
			char *kinds = block_kind_list();
			schema_error(&L->S, n, "block must have one of: %s", kinds);
			g_free(kinds);
		}
		return;
	}
	block_loaders[bl->kind].load(L, n, ymap_get(n, kind_key->str), bl);
	count_searches(L, n, bl);
	/* after the block's own errors, so that messages come in document order */
	const ynode *cite_key = ymap_key(n, "cite");
	if (cite_key && bl->kind != BLOCK_TEXT)
		schema_error(&L->S, cite_key, "'cite' belongs next to 'text' only; a %s names its source inside",
			     kind_key->str);
}

static void load_section(loader *L, const ynode *n, size_t index, section *sec)
{
	sec->at = here(L, n);
	char *what = xasprintf("section %zu", index + 1);
	if (!schema_expect(&L->S, n, YNODE_MAP, what)) {
		free(what);
		return;
	}
	static const char *const allowed[] = {"heading", "content", NULL};
	static const char *const required[] = {"heading", "content", NULL};
	schema_keys(&L->S, n, what, allowed, required);
	free(what);
	sec->heading = schema_string(&L->S, ymap_get(n, "heading"), "heading", BRIEF_MAX_LINE_CHARS);
	sec->heading_at = here(L, ymap_get(n, "heading"));
	const ynode *content = ymap_get(n, "content");
	if (!content)
		return;
	if (!schema_entries(&L->S, content, YNODE_SEQ, "content", NULL))
		return;
	sec->blocks = xcalloc(content->nitems, sizeof *sec->blocks);
	for (size_t i = 0; i < content->nitems; i++)
		load_block(L, content->items[i], &sec->blocks[sec->nblocks++]);
}

static void load_sections(loader *L, const ynode *n)
{
	if (!schema_entries(&L->S, n, YNODE_SEQ, "sections", NULL))
		return;
	brief *b = L->b;
	b->sections = xcalloc(n->nitems, sizeof *b->sections);
	for (size_t i = 0; i < n->nitems; i++)
		load_section(L, n->items[i], i, &b->sections[b->nsections++]);
}

/* ---- the whole brief ---- */

static void load_root(loader *L, const ynode *root)
{
	brief *b = L->b;
	static const char *const allowed[] = {"title", "subtitle", "date", "author", "classification", "marking",
					      "layout", "lang", "sources", "summary", "sections", NULL};
	static const char *const required[] = {"title", "date", "sources", "sections", NULL};
	schema_keys(&L->S, root, "brief", allowed, required);
	b->title = schema_string(&L->S, ymap_get(root, "title"), "title", BRIEF_MAX_LINE_CHARS);
	b->title_at = here(L, ymap_get(root, "title"));
	b->subtitle = schema_string(&L->S, ymap_get(root, "subtitle"), "subtitle", BRIEF_MAX_LINE_CHARS);
	b->subtitle_at = here(L, ymap_get(root, "subtitle"));
	const ynode *date = ymap_get(root, "date");
	b->date = schema_string(&L->S, date, "date", 0);
	if (b->date)
		check_date(L, date, b->date);
	b->author = schema_string(&L->S, ymap_get(root, "author"), "author", BRIEF_MAX_LINE_CHARS);
	b->author_at = here(L, ymap_get(root, "author"));
	b->classification =
		schema_string(&L->S, ymap_get(root, "classification"), "classification", BRIEF_MAX_MARK_CHARS);
	b->classification_at = here(L, ymap_get(root, "classification"));
	b->marking = schema_string(&L->S, ymap_get(root, "marking"), "marking", BRIEF_MAX_MARK_CHARS);
	const ynode *layout = ymap_get(root, "layout");
	if (layout) {
		b->layout = schema_string(&L->S, layout, "layout", 0);
		b->layout_at = here(L, layout);
		/* a brief names a layout in layouts/, never a path: a brief passed around must not
		 * make mkbrief read other files (only --layout FILE.yaml may) */
		if (b->layout && !style_plain_name(b->layout)) {
			schema_error(&L->S, layout, "layout '%s' must be a plain name (a file in layouts/: letters, digits, '-', '_', '.'; no '/' or '..')",
				     b->layout);
		}
	}
	if (!b->layout)
		b->layout = g_string_chunk_insert(b->strings, "handout");
	const ynode *lang = ymap_get(root, "lang");
	b->lang = schema_string(&L->S, lang, "lang", 0);
	if (b->lang && !schema_lang_tag(b->lang))
		schema_error(&L->S, lang, "lang must be a language tag such as en-US, not '%s'", b->lang);
	if (!b->lang)
		b->lang = g_string_chunk_insert(b->strings, "en-US");
	/* sources first: quotes, excerpts and cites anywhere refer to them */
	const ynode *sources = ymap_get(root, "sources");
	if (sources)
		load_sources(L, sources);
	const ynode *summary = ymap_get(root, "summary");
	if (summary)
		load_items(L, summary, "summary", "summary item", &b->summary, &b->nsummary);
	const ynode *sections = ymap_get(root, "sections");
	if (sections)
		load_sections(L, sections);
}

/* Validates a parsed tree into a brief; takes over t (freed here). */
static brief *brief_from_tree(ytree *t, const char *path, diag *d)
{
	if (!t)
		return NULL;
	brief *b = brief_new(path);
	loader L = {{t, d, 0, b->strings}, b, 0};
	const ynode *root = ytree_root(t);
	if (ynode_is_null(root))
		schema_error(&L.S, NULL, "brief is empty");
	else if (schema_expect(&L.S, root, YNODE_MAP, "a brief"))
		load_root(&L, root);
	ytree_free(t);
	if (L.S.errors) {
		brief_free(b);
		return NULL;
	}
	return b;
}

brief *brief_load(const char *path, diag *d)
{
	return brief_from_tree(ytree_load(path, path, d), path, d);
}

brief *brief_parse(const char *text, size_t len, const char *display, diag *d)
{
	return brief_from_tree(ytree_parse(text, len, display, d), display, d);
}

brief *brief_new(const char *path)
{
	brief *b = xcalloc(1, sizeof *b);
	b->strings = g_string_chunk_new(1024);
	b->path = g_string_chunk_insert(b->strings, path);
	char *dir = path_dirname(path);
	b->dir = g_string_chunk_insert(b->strings, dir);
	free(dir);
	b->layout_at = loc_none();
	return b;
}

char *brief_keep(brief *b, const char *s)
{
	return g_string_chunk_insert(b->strings, s);
}

/* A block's arrays; the block itself is an element of its section's. Its strings are the
 * brief's. */
static void block_free_parts(block *bl)
{
	free(bl->items);
	free(bl->highlight);
	free(bl->spans);
	free(bl->marks);
}

void brief_free(brief *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nsources; i++)
		if (!b->sources[i].art_shared)
			article_free(b->sources[i].art);
	free(b->sources);
	free(b->summary);
	for (size_t i = 0; i < b->nsections; i++) {
		section *sec = &b->sections[i];
		for (size_t j = 0; j < sec->nblocks; j++)
			block_free_parts(&sec->blocks[j]);
		free(sec->blocks);
	}
	free(b->sections);
	g_string_chunk_free(b->strings);
	free(b);
}

int brief_source_index(const brief *b, const char *id)
{
	for (size_t i = 0; i < b->nsources; i++)
		if (b->sources[i].id && strcmp(b->sources[i].id, id) == 0)
			return (int)i;
	return -1;
}
