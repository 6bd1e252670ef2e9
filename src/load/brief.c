/* brief.c: loads a brief's YAML into the document model, checking every key and value. */
#include "load/keys.h"
#include "load/brief.h"
#include "load/loader.h"

#include <ctype.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/schema.h"
#include "base/util.h"
#include "base/yaml_tree.h"
#include "load/style.h"
#include "load/layout_find.h"

loc loader_loc(const loader *L, const ynode *n)
{
	return n ? loc_at(L->b->path, n->line, n->col) : loc_at(L->b->path, 0, 0);
}

loc loader_value_loc(const loader *L, const ynode *n)
{
	return n && n->value_col ? loc_at(L->b->path, n->line, n->value_col) : loc_at(L->b->path, 0, 0);
}

/* ---- dates ---- */

void load_date(loader *L, const ynode *n, const char *s, const char *what)
{
	int y, m, day;
	if (iso_date_at(s, 0, &y, &m, &day) != 10 || s[10]) {
		schema_error(&L->S, n, "%s must be an ISO date YYYY-MM-DD", what);
		return;
	}
	/* four and two digits: in range for GDate's year (16 bits), month and day (8 bits) */
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
	s->at = loader_loc(L, key);
	if (!plain_id(key->str))
		schema_error(&L->S, key, "source id '%s' must be a plain name (letters, digits, '-', '_', '.')", key->str);
	char *what = xasprintf("source '%s'", key->str);
	if (!schema_expect(&L->S, val, YNODE_MAP, what)) {
		free(what);
		return;
	}
	schema_keys(&L->S, val, what, source_keys, source_required);
	free(what);
	s->file = schema_string(&L->S, ymap_get(val, "file"), "file", 0);
	s->file_at = loader_loc(L, ymap_get(val, "file"));
	if (s->file) {
		char *path = path_join(b->dir, s->file);
		s->path = g_string_chunk_insert(b->strings, path);
		free(path);
	}
	s->url = schema_string(&L->S, ymap_get(val, "url"), "url", 0);
	s->title = schema_string(&L->S, ymap_get(val, "title"), "title", 0);
	s->date = schema_string(&L->S, ymap_get(val, "date"), "date", 0);
	const ynode *lang = ymap_get(val, "lang");
	s->lang = schema_string(&L->S, lang, "lang", 0);
	if (s->lang && !schema_lang_tag(s->lang)) {
		schema_error(&L->S, lang, "lang must be a language tag (a language, then a region or script after '-': de, de-CH, sr-Latn), not '%s'", s->lang);
		s->lang = NULL;
	} else if (s->lang) {
		schema_lang_case(s->lang);
		s->lang_at = loader_loc(L, lang);
	}
	const ynode *pin = ymap_get(val, "sha256");
	char *sum = schema_string(&L->S, pin, "sha256", 0);
	if (sum) {
		size_t n = strlen(sum), hex = strspn(sum, "0123456789abcdefABCDEF");
		if (hex < n)
			schema_error(&L->S, pin, "sha256 must be 64 hexadecimal digits; '%c' is not one (delete the line and mkbrief pin writes it)",
				     sum[hex]);
		else if (n != 64)
			schema_error(&L->S, pin, "sha256 must be 64 hexadecimal digits, not %zu (delete the line and mkbrief pin writes it)", n);
		else {
			for (char *p = sum; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			s->sha256 = sum;
			s->sha256_at = loader_loc(L, pin);
		}
	}
}

/* Keys written in the column of the key they belong under (key, named `what` in the
 * message), listed in names (freed here): one error at key that says to indent them. 1 if
 * there were any. */
static int say_keys_beside(loader *L, const ynode *key, const char *what, strbuf *names)
{
	int said = names->len > 0, many = said && strchr(names->data, ',') != NULL;
	if (said)
		schema_error(&L->S, key, "%s has nothing under it, and %s %s in its column: indent %s two spaces more, under '%s:'",
			     what, names->data, many ? "are" : "is", many ? "them" : "it", key->str);
	sb_free(names);
	return said;
}

/* A source with nothing after it and its keys in its own column, not under it:
 *     water:
 *     file: articles/water.txt
 * YAML reads 'file' as a source of its own; both errors would say nothing of the cause.
 * Said once, at the source's id: 1 if so (the rest of the sources are not read). */
static int source_keys_beside(loader *L, const ynode *n, size_t i)
{
	if (!ynode_is_null(n->pairs[i].value))
		return 0;
	strbuf names = {0};
	for (size_t j = i + 1; j < n->npairs; j++) {
		const ynode *k = n->pairs[j].key;
		if (k->kind != YNODE_SCALAR || !str_in(k->str, source_keys))
			break;
		sb_printf(&names, "%s'%s'", names.len ? ", " : "", k->str);
	}
	char *what = xasprintf("source '%s'", n->pairs[i].key->str);
	int said = say_keys_beside(L, n->pairs[i].key, what, &names);
	free(what);
	return said;
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
		if (source_keys_beside(L, n, i))
			break;
		load_source(L, k, n->pairs[i].value, &b->sources[b->nsources++]);
	}
}


/* ---- blocks and sections ---- */

/* `page-break: before` beside a section's heading or a block's kind: 1 when set. One
 * value today; a key rather than a flag so that `after` or `avoid` can join it. */
static int load_page_break(loader *L, const ynode *map)
{
	const ynode *n = ymap_get(map, "page-break");
	if (!n)
		return 0;
	const char *v = schema_scalar(&L->S, n, "page-break", "'before'");
	if (!v)
		return 0;
	if (strcmp(v, "before") != 0) {
		schema_error(&L->S, n, "page-break must be 'before', not '%s'", v);
		diag_note(L->S.d, ynode_loc(L->S.t, n), "'before' (a new page before it) is the only value; remove the key for none");
		return 0;
	}
	return 1;
}

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

/* The block whose kind is being loaded: its kind's key and mapping. */
typedef struct kind_place {
	const char *kind;
	const ynode *map;
} kind_place;

/* An unknown key inside a block's kind (schema_misplaced_fn): a key of the block itself
 * ('marking' inside 'excerpt:') goes one level out; a layout key ('rules' inside
 * 'table:') goes in a layout file; a citation of a quote or excerpt ('cite' inside
 * 'quote:') is its source, whose paragraphs are found from its words. */
static int note_misplaced_key(schema *S, const ynode *map, const ynode *key, int say, void *ctx)
{
	const kind_place *kp = ctx;
	if (map != kp->map)
		return 0;
	if (strcmp(key->str, "cite") == 0) {
		if (!ymap_key(map, "source"))
			return 0;
		if (say)
			diag_note(S->d, ynode_loc(S->t, key),
				  "this %s is cited by its 'source:', and the paragraphs it comes from are found from "
				  "its words: leave 'cite' out",
				  kp->kind);
		return 1;
	}
	for (size_t i = 0; block_extra_keys[i]; i++)
		if (strcmp(block_extra_keys[i], key->str) == 0) {
			if (say)
				diag_note(S->d, ynode_loc(S->t, key),
					  "'%s' is a key of the block, not of its %s: write it beside '%s:', one level out",
					  key->str, kp->kind, kp->kind);
			return 1;
		}
	/* a chronology's look is a table's */
	const char *look = strcmp(kp->kind, "chronology") == 0 ? "table" : kp->kind;
	for (size_t i = 0; i < nlook_keys; i++)
		if (strcmp(look_keys[i].section, look) == 0 && strcmp(look_keys[i].key, key->str) == 0) {
			if (say)
				diag_note(S->d, ynode_loc(S->t, key),
					  "'%s' is a layout key: it sets every %s's look, as '%s: {%s: ...}' in a layout "
					  "file (--layout FILE)",
					  key->str, kp->kind, look, key->str);
			return 1;
		}
	return 0;
}

/* A kind written with nothing after it and its keys beside it, in its own column:
 *     - quote:
 *       source: a
 *       text: "..."
 * YAML reads source and text as the block's keys (one of them a kind of its own), so each
 * would be an error that says nothing of the cause. Said once, at the kind: 1 if so. */
static int kind_keys_beside(loader *L, const ynode *n)
{
	const ynode *kind = NULL;
	for (size_t i = 0; i < n->npairs && !kind; i++) {
		const ynode *k = n->pairs[i].key;
		if (k->kind == YNODE_SCALAR && str_in(k->str, block_kind_keys) && ynode_is_null(n->pairs[i].value))
			kind = k;
	}
	/* the kinds written as a mapping of their keys */
	static const char *const mapping_kinds[] = {"quote", "excerpt", "figure", "box", "table", "chronology", NULL};
	if (!kind || !str_in(kind->str, mapping_kinds))
		return 0;
	strbuf names = {0};
	for (size_t i = 0; i < n->npairs; i++) {
		const ynode *k = n->pairs[i].key;
		if (k != kind && k->kind == YNODE_SCALAR && !str_in(k->str, block_extra_keys))
			sb_printf(&names, "%s'%s'", names.len ? ", " : "", k->str);
	}
	char *what = xasprintf("'%s:'", kind->str);
	int said = say_keys_beside(L, kind, what, &names);
	free(what);
	return said;
}

/* A kind written as a mapping of its keys given a string of its own instead, its keys
 * maybe beside it:
 *     - quote: "the words"
 *       source: a
 * Its keys go under it, the value as the key it stands for ('text' of a quote, 'file' of a
 * figure). Said once, at the value, naming the keys beside it that go under it too: 1 if so. */
static int kind_given_value(loader *L, const ynode *n)
{
	static const struct {
		const char *kind, *key;
		const char *const *keys;
	} kinds[] = {{"quote", "text", quote_keys},	   {"excerpt", "source", excerpt_keys},
		     {"figure", "file", figure_keys},	   {"box", "content", box_keys},
		     {"table", "rows", table_keys},	   {"chronology", "events", chronology_keys}};
	for (size_t i = 0; i < n->npairs; i++) {
		const ynode *k = n->pairs[i].key, *v = n->pairs[i].value;
		if (k->kind != YNODE_SCALAR || !v || v->kind != YNODE_SCALAR || ynode_is_null(v))
			continue;
		for (size_t j = 0; j < sizeof kinds / sizeof kinds[0]; j++) {
			if (strcmp(k->str, kinds[j].kind) != 0)
				continue;
			strbuf beside = {0};
			for (size_t m = 0; m < n->npairs; m++) {
				const ynode *o = n->pairs[m].key;
				if (o != k && o->kind == YNODE_SCALAR && str_in(o->str, kinds[j].keys) &&
				    !str_in(o->str, block_extra_keys))
					sb_printf(&beside, "%s'%s'", beside.len ? ", " : "", o->str);
			}
			schema_error(&L->S, v, "'%s:' takes its keys under it, not %s", k->str, ynode_kind_name(v));
			diag_note(L->S.d, ynode_loc(L->S.t, v),
				  "write '%s:' alone and, two spaces further in on the lines below it, this value as "
				  "'%s: ...'%s%s%s",
				  k->str, kinds[j].key, beside.len ? ", with " : "", beside.len ? beside.data : "",
				  beside.len ? " moved under it too" : "");
			sb_free(&beside);
			return 1;
		}
	}
	return 0;
}

static void load_block(loader *L, const ynode *n, block *bl)
{
	bl->at = loader_loc(L, n);
	bl->source = -1;
	bl->kind = BLOCK_TEXT;
	if (!schema_expect(&L->S, n, YNODE_MAP, "a block")) {
		if (n && n->kind == YNODE_SCALAR)
			diag_note(L->S.d, ynode_loc(L->S.t, n), "write '- text: ...' for a paragraph of your own");
		return;
	}
	const char *allowed[BLOCK_NKINDS + 4];
	size_t na = 0;
	for (size_t i = 0; block_kind_keys[i]; i++)
		allowed[na++] = block_kind_keys[i];
	for (size_t i = 0; block_extra_keys[i]; i++)
		allowed[na++] = block_extra_keys[i];
	allowed[na] = NULL;
	if (kind_keys_beside(L, n) || kind_given_value(L, n))
		return;
	int bad = schema_keys(&L->S, n, "block", allowed, NULL);
	bl->page_break = load_page_break(L, n);
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
	const ynode *marking = ymap_get(n, "marking");
	if (marking) {
		bl->marking = schema_string(&L->S, marking, "marking", BRIEF_MAX_MARK_CHARS);
		bl->marking_at = loader_loc(L, marking);
	}
	kind_place place = {kind_key->str, ymap_get(n, kind_key->str)};
	schema_misplaced_fn *outer = L->S.misplaced;
	void *outer_ctx = L->S.misplaced_ctx;
	L->S.misplaced = note_misplaced_key;
	L->S.misplaced_ctx = &place;
	block_loaders[bl->kind].load(L, n, place.map, bl);
	L->S.misplaced = outer;
	L->S.misplaced_ctx = outer_ctx;
	count_searches(L, n, bl);
	/* after the block's own errors, so that messages come in document order */
	const ynode *cite_key = ymap_key(n, "cite");
	if (cite_key && bl->kind != BLOCK_TEXT)
		schema_error(&L->S, cite_key, "'cite' belongs next to 'text' only; a %s names its source inside",
			     kind_key->str);
}

/* Blocks in the list n, those inside its boxes included: what a section allocates. */
static size_t count_blocks(const ynode *n)
{
	if (!n || n->kind != YNODE_SEQ)
		return 0;
	size_t count = n->nitems;
	for (size_t i = 0; i < n->nitems; i++) {
		const ynode *bx = n->items[i]->kind == YNODE_MAP ? ymap_get(n->items[i], "box") : NULL;
		if (bx && bx->kind == YNODE_MAP)
			count += count_blocks(ymap_get(bx, "content"));
	}
	return count;
}

/* The blocks of the list n, appended to sec; a box's blocks right after it. */
static void load_content(loader *L, const ynode *n, section *sec, int in_box)
{
	for (size_t i = 0; i < n->nitems; i++) {
		size_t at = sec->nblocks++;
		int errors = L->S.errors;
		load_block(L, n->items[i], &sec->blocks[at]);
		/* past the lookup limit, no block is looked up: the limit bounds the work */
		sec->blocks[at].failed = L->S.errors > errors || L->searches > BRIEF_MAX_SEARCHES;
		if (sec->blocks[at].kind != BLOCK_BOX || !sec->blocks[at].data)
			continue;
		if (in_box) {
			schema_error(&L->S, ymap_key(n->items[i], "box"),
				     "a box cannot hold another box; set the two boxes one after the other");
			continue;
		}
		const ynode *inner = ymap_get(ymap_get(n->items[i], "box"), "content");
		if (inner && schema_entries(&L->S, inner, YNODE_SEQ, "content", NULL))
			load_content(L, inner, sec, 1);
		sec->blocks[at].ninner = sec->nblocks - at - 1;
	}
}

/* Sections in all, subsections included, of the list n at level: what load_sections
 * allocates. Lists deeper than the levels allowed are reported, not loaded. */
static size_t count_sections(const ynode *n, int level)
{
	if (!n || n->kind != YNODE_SEQ || level > BRIEF_MAX_SECTION_LEVELS)
		return 0;
	size_t count = n->nitems;
	for (size_t i = 0; i < n->nitems; i++)
		if (n->items[i]->kind == YNODE_MAP)
			count += count_sections(ymap_get(n->items[i], "sections"), level + 1);
	return count;
}

static void load_section_list(loader *L, const ynode *n, int level, const char *parent, const section *up);

/* Section `number` ("2", "2.1") at level, inside up (NULL at level 1), and after it its
 * subsections. */
static void load_section(loader *L, const ynode *n, int level, const char *number, const section *up)
{
	brief *b = L->b;
	section *sec = &b->sections[b->nsections++];
	sec->at = loader_loc(L, n);
	sec->level = level;
	if (up) {
		sec->marking = up->marking;
		sec->marking_at = up->marking_at;
	}
	char *what = xasprintf("section %s", number);
	if (!schema_expect(&L->S, n, YNODE_MAP, what)) {
		free(what);
		return;
	}
	schema_keys(&L->S, n, what, section_keys, section_required);
	const ynode *marking = ymap_get(n, "marking");
	if (marking) {
		sec->marking = schema_string(&L->S, marking, "marking", BRIEF_MAX_MARK_CHARS);
		sec->marking_at = loader_loc(L, marking);
	}
	sec->page_break = load_page_break(L, n);
	sec->heading = schema_string(&L->S, ymap_get(n, "heading"), "heading", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, ymap_get(n, "heading"), sec->heading, "heading");
	sec->heading_at = loader_loc(L, ymap_get(n, "heading"));
	const ynode *content = ymap_get(n, "content"), *subs = ymap_get(n, "sections");
	if (!content && !subs)
		schema_error(&L->S, n, "%s needs content, or sections of its own", what);
	free(what);
	if (content && schema_entries(&L->S, content, YNODE_SEQ, "content", NULL)) {
		sec->blocks = xcalloc(count_blocks(content), sizeof *sec->blocks);
		load_content(L, content, sec, 0);
	}
	if (!subs)
		return;
	if (level == BRIEF_MAX_SECTION_LEVELS) {
		schema_error(&L->S, ymap_key(n, "sections"),
			     "sections nest at most %d levels deep (section, subsection, sub-subsection); make this one a level up",
			     BRIEF_MAX_SECTION_LEVELS);
		return;
	}
	load_section_list(L, subs, level + 1, number, sec);
}

static void load_section_list(loader *L, const ynode *n, int level, const char *parent, const section *up)
{
	if (!schema_entries(&L->S, n, YNODE_SEQ, "sections", NULL))
		return;
	for (size_t i = 0; i < n->nitems; i++) {
		char *number = parent ? xasprintf("%s.%zu", parent, i + 1) : xasprintf("%zu", i + 1);
		load_section(L, n->items[i], level, number, up);
		free(number);
	}
}

static void load_sections(loader *L, const ynode *n)
{
	brief *b = L->b;
	size_t total = count_sections(n, 1);
	b->sections = xcalloc(total ? total : 1, sizeof *b->sections);
	load_section_list(L, n, 1, NULL, NULL);
}

/* ---- the whole brief ---- */

/* A word of hyphenation: letters a-z, a hyphen at each point it may break, none at its
 * ends or two together. The patterns hyphenate only such words. */
static int hyphenation_word(const char *w)
{
	int letter = 0;
	for (const char *p = w; *p; p++) {
		int is_letter = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
		if (!is_letter && (*p != '-' || !letter))
			return 0;
		letter = is_letter;
	}
	return letter;
}

/* The word without its hyphens, in lower case: what two entries are the same word by. */
static char *hyphenation_bare(const char *w)
{
	GString *s = g_string_new(NULL);
	for (const char *p = w; *p; p++)
		if (*p != '-')
			g_string_append_c(s, g_ascii_tolower(*p));
	return g_string_free(s, FALSE);
}

/* hyphenation: as TeX's \hyphenation, the words the patterns break wrongly ("gemc-itabine")
 * with the points where they may break; a word given with none is never broken. */
static void load_hyphenation(loader *L, const ynode *n)
{
	brief *b = L->b;
	if (!schema_entries(&L->S, n, YNODE_SEQ, "hyphenation", NULL))
		return;
	b->hyphenation = xcalloc(n->nitems + 1, sizeof *b->hyphenation);
	size_t count = 0;
	/* each word without its hyphens -> the entry that gave it: a list of thousands is
	 * checked in one pass, not each entry against all before it */
	GHashTable *given = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (size_t i = 0; i < n->nitems; i++) {
		char *w = schema_string(&L->S, n->items[i], "a hyphenation word", 0);
		if (!w)
			continue;
		if (!hyphenation_word(w)) {
			schema_error(&L->S, n->items[i],
				     "hyphenation: '%s' must be a word of letters a-z with a hyphen at each point it may break, such as gem-ci-ta-bine (words with other letters are never hyphenated)",
				     w);
			continue;
		}
		char *bare = hyphenation_bare(w);
		const char *before = g_hash_table_lookup(given, bare);
		if (before) {
			schema_error(&L->S, n->items[i], "hyphenation: '%s' is given twice (before as '%s')", w, before);
			g_free(bare);
			continue;
		}
		g_hash_table_insert(given, bare, w);
		b->hyphenation[count++] = w;
	}
	g_hash_table_destroy(given);
}

/* The handling keys: who may read the handout, its control number, the date its
 * information stands at, whom to ask, and whether it is a draft. */
static void load_handling(loader *L, const ynode *root)
{
	brief *b = L->b;
	const ynode *n = ymap_get(root, "distribution");
	b->distribution = schema_string(&L->S, n, "distribution", 0);
	b->distribution_at = loader_loc(L, n);
	/* printed in every footer, like the classification in every banner */
	b->control = schema_string(&L->S, ymap_get(root, "control"), "control", BRIEF_MAX_MARK_CHARS);
	n = ymap_get(root, "as-of");
	b->as_of = schema_string(&L->S, n, "as-of", 0);
	if (b->as_of)
		load_date(L, n, b->as_of, "as-of");
	n = ymap_get(root, "contact");
	b->contact = schema_string(&L->S, n, "contact", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, n, b->contact, "contact line");
	b->contact_at = loader_loc(L, n);
	schema_bool(&L->S, root, "annex", "annex", &b->annex);
	int errors = L->S.errors;
	schema_bool(&L->S, root, "draft", "draft", &b->draft);
	n = ymap_get(root, "draft");
	/* said on every run, so that a draft is not shared by mistake (-q silences it; the
	 * watermark and the title still say it) */
	if (b->draft && L->S.errors == errors)
		diag_warning(L->S.d, ynode_loc(L->S.t, n), "this brief is a draft (draft: %s); remove it before the handout is shared",
			     n && n->kind == YNODE_SCALAR ? n->str : "true");
}

static void load_root(loader *L, const ynode *root)
{
	brief *b = L->b;
	schema_keys(&L->S, root, "brief", brief_keys, brief_required);
	b->title = schema_string(&L->S, ymap_get(root, "title"), "title", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, ymap_get(root, "title"), b->title, "title");
	b->title_at = loader_loc(L, ymap_get(root, "title"));
	b->subtitle = schema_string(&L->S, ymap_get(root, "subtitle"), "subtitle", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, ymap_get(root, "subtitle"), b->subtitle, "subtitle");
	b->subtitle_at = loader_loc(L, ymap_get(root, "subtitle"));
	const ynode *date = ymap_get(root, "date");
	b->date = schema_string(&L->S, date, "date", 0);
	if (b->date)
		load_date(L, date, b->date, "date");
	b->author = schema_string(&L->S, ymap_get(root, "author"), "author", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, ymap_get(root, "author"), b->author, "author line");
	b->author_at = loader_loc(L, ymap_get(root, "author"));
	b->classification =
		schema_string(&L->S, ymap_get(root, "classification"), "classification", BRIEF_MAX_MARK_CHARS);
	b->classification_at = loader_loc(L, ymap_get(root, "classification"));
	b->marking = schema_string(&L->S, ymap_get(root, "marking"), "marking", BRIEF_MAX_MARK_CHARS);
	b->marking_at = loader_loc(L, ymap_get(root, "marking"));
	load_handling(L, root);
	const ynode *layout = ymap_get(root, "layout");
	if (layout) {
		b->layout = schema_string(&L->S, layout, "layout", 0);
		b->layout_at = loader_loc(L, layout);
		/* a brief names a layout in layouts/, never a path: a brief passed around must not
		 * make mkbrief read other files (only --layout FILE.yaml may) */
		if (b->layout && !style_plain_name(b->layout)) {
			schema_error(&L->S, layout, "layout '%s' must be a plain name (a file in layouts/: letters, digits, '-', '_', '.'; no '/' or '..')",
				     b->layout);
			b->layout = NULL; /* said once: the layout's own errors are looked for too */
		}
	}
	if (!b->layout)
		b->layout = g_string_chunk_insert(b->strings, "handout");
	const ynode *lang = ymap_get(root, "lang");
	b->lang = schema_string(&L->S, lang, "lang", 0);
	b->lang_at = lang ? loader_loc(L, lang) : loc_none();
	if (b->lang && !schema_lang_tag(b->lang))
		schema_error(&L->S, lang, "lang must be a language tag such as en-US, not '%s'", b->lang);
	/* none given: the layout's text.lang (whose default is en-US) */
	const ynode *hyphenation = ymap_get(root, "hyphenation");
	if (hyphenation)
		load_hyphenation(L, hyphenation);
	/* sources first: quotes, excerpts and cites anywhere refer to them */
	const ynode *sources = ymap_get(root, "sources");
	if (sources)
		load_sources(L, sources);
	const ynode *summary = ymap_get(root, "summary");
	if (summary)
		load_list_items(L, summary, "summary", "summary item", 0, &b->summary, &b->nsummary);
	const ynode *sections = ymap_get(root, "sections");
	if (sections)
		load_sections(L, sections);
}

/* Validates a parsed tree into a brief; takes over t (freed here). With errors, NULL, or
 * (partial, and the tree a mapping) the brief with its load_errors counted. */
static brief *brief_from_tree(ytree *t, const char *path, diag *d, int partial)
{
	if (!t)
		return NULL;
	brief *b = brief_new(path);
	loader L = {{t, d, ytree_errors(t), b->strings, 0, NULL, NULL}, b, 0, 0};
	const ynode *root = ytree_root(t);
	int loaded = 0; /* whether the root was a mapping, whose blocks load one by one */
	if (ynode_is_null(root)) {
		/* an empty file, or comments only: line 1 is where the brief should begin */
		diag_error(d, loc_at(ynode_loc(t, NULL).file, 1, 1), "brief is empty");
		L.S.errors++;
	} else if (schema_expect(&L.S, root, YNODE_MAP, "a brief")) {
		load_root(&L, root);
		loaded = 1;
	}
	ytree_free(t);
	if (L.S.errors && partial && loaded) {
		b->load_errors = L.S.errors;
	} else if (L.S.errors) {
		brief_free(b);
		return NULL;
	}
	return b;
}

brief *brief_load(const char *path, diag *d)
{
	return brief_from_tree(ytree_load(path, path, d), path, d, 0);
}

brief *brief_load_partial(const char *path, diag *d)
{
	return brief_from_tree(ytree_load(path, path, d), path, d, 1);
}

brief *brief_parse(const char *text, size_t len, const char *display, diag *d)
{
	return brief_from_tree(ytree_parse(text, len, display, d), display, d, 0);
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
	if (bl->data_free)
		bl->data_free(bl->data);
}

void brief_free(brief *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nsources; i++)
		if (!b->sources[i].art_shared && !b->sources[i].art_cached)
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
	free(b->notes);
	free(b->hyphenation);
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
