/* yaml_tree.c: turns libyaml's event stream into a tree of located nodes, enforcing the
 * limits (size, depth, alias expansion) that make hostile YAML cheap to reject. */
#include "base/yaml_tree.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/util.h"
#include "base/yaml_hints.h"

struct ytree {
	char *file;
	ynode *root;
	ynode **all; /* every node, for freeing: aliases share nodes, so no tree walk */
	size_t nall, capall;
	int errors; /* reported in a tree that still loads: duplicate keys */
};

typedef struct anchor {
	ynode *node;
	size_t weight;
} anchor;

typedef struct builder {
	ytree *t;
	diag *d;
	ynode *stack[YTREE_MAX_DEPTH + 1];
	size_t weights[YTREE_MAX_DEPTH + 1];
	char *stack_anchor[YTREE_MAX_DEPTH + 1];
	int depth;
	size_t expanded;
	int aliased; /* an alias has been expanded: the limit's message may name a bomb */
	GHashTable *anchors; /* name -> the anchor of that name last seen: an alias finds it at once */
	int failed;
	const char *text; /* the file, for what its events do not say */
	size_t len;
	size_t seen_line, seen_byte; /* a line of text and where it starts: events come in order */
	size_t seen_col, seen_col_byte; /* a column of that line and its byte */
} builder;

/* The byte of text at mark m, found from the last line and column asked for (yaml_mark_byte
 * counts from the file's start: per value, a brief of 10,000 quotes would take seconds; and
 * from the line's, the items of a flow list of 40,000 words on one line took a minute). */
static size_t mark_byte(builder *b, const yaml_mark_t *m)
{
	if (m->line < b->seen_line)
		b->seen_line = b->seen_byte = 0;
	if (m->line != b->seen_line || m->column < b->seen_col) {
		size_t i = b->seen_byte;
		for (size_t line = b->seen_line; line < m->line && i < b->len; i++)
			if (b->text[i] == '\n')
				line++;
		b->seen_line = m->line;
		b->seen_byte = b->seen_col_byte = i;
		b->seen_col = 0;
	}
	size_t i = b->seen_col_byte;
	/* as yaml_mark_byte: a column counts characters, and stops at the line's end */
	for (size_t col = b->seen_col; col < m->column && i < b->len && b->text[i] != '\n'; col++) {
		i++;
		while (i < b->len && ((unsigned char)b->text[i] & 0xC0) == 0x80)
			i++;
	}
	b->seen_col = m->column;
	b->seen_col_byte = i;
	return i;
}

static ynode *node_new(builder *b, ynode_kind kind, yaml_mark_t mark)
{
	ytree *t = b->t;
	ynode *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->line = (int)mark.line + 1;
	n->col = (int)mark.column + 1;
	if (t->nall == t->capall) {
		t->capall = t->capall ? t->capall * 2 : 64;
		t->all = xrealloc(t->all, t->capall * sizeof *t->all);
	}
	t->all[t->nall++] = n;
	return n;
}

static void berror(builder *b, yaml_mark_t mark, const char *fmt, const char *arg)
{
	diag_error(b->d, loc_at(b->t->file, (int)mark.line + 1, (int)mark.column + 1), fmt, arg);
	b->failed = 1;
}

static void add_child(builder *b, ynode *child, size_t weight)
{
	if (b->depth == 0) {
		b->t->root = child;
		return;
	}
	ynode *parent = b->stack[b->depth - 1];
	b->weights[b->depth - 1] += weight;
	if (parent->kind == YNODE_SEQ) {
		parent->items = grow_for(parent->items, parent->nitems, sizeof *parent->items);
		parent->items[parent->nitems++] = child;
		return;
	}
	/* mapping: alternate key, value */
	if (parent->npairs > 0 && parent->pairs[parent->npairs - 1].value == NULL) {
		parent->pairs[parent->npairs - 1].value = child;
		return;
	}
	parent->pairs = grow_for(parent->pairs, parent->npairs, sizeof *parent->pairs);
	parent->pairs[parent->npairs].key = child;
	parent->pairs[parent->npairs].value = NULL;
	parent->npairs++;
	if (child->kind != YNODE_SCALAR) {
		diag_error(b->d, loc_at(b->t->file, child->line, child->col),
			   "a key must be a plain word, not %s", ynode_kind_name(child));
		/* the rest of the file is still read: its other mistakes come in the same run
		 * (the pair leaves its mapping when it closes, drop_complex_keys) */
		b->t->errors++;
	}
}

/* A pair whose key is a list or a mapping (reported as it came) leaves the mapping, so
 * that what reads the tree meets scalar keys only. */
static void drop_complex_keys(ynode *map)
{
	size_t kept = 0;
	for (size_t i = 0; i < map->npairs; i++)
		if (map->pairs[i].key->kind == YNODE_SCALAR)
			map->pairs[kept++] = map->pairs[i];
	map->npairs = kept;
}

static void remember_anchor(builder *b, const yaml_char_t *name, ynode *n, size_t weight)
{
	if (!name)
		return;
	if (!b->anchors)
		b->anchors = g_hash_table_new_full(g_str_hash, g_str_equal, free, free);
	anchor *a = xmalloc(sizeof *a);
	*a = (anchor){n, weight};
	/* a later anchor of the same name shadows the earlier one, as YAML says */
	g_hash_table_replace(b->anchors, xstrdup((const char *)name), a);
}

static int count_node(builder *b, size_t weight, yaml_mark_t mark)
{
	b->expanded += weight;
	if (b->expanded > YTREE_MAX_NODES) {
		char lim[32];
		snprintf(lim, sizeof lim, "%d", YTREE_MAX_NODES);
		/* a long brief with no alias is no bomb: a message that says so would mislead */
		berror(b, mark,
		       b->aliased ? "document expands to more than %s nodes (alias bomb?)"
				  : "document has more than %s nodes (values, lists and mappings), the limit for one file",
		       lim);
		return 0;
	}
	return 1;
}

static int key_cmp(const void *pa, const void *pb)
{
	const ypair *a = *(const ypair *const *)pa, *bb = *(const ypair *const *)pb;
	/* non-scalar keys (already reported) sort first, so that they never sit between equal
	 * scalar keys and the duplicate scan below only compares scalars */
	int sa = a->key->kind == YNODE_SCALAR, sb = bb->key->kind == YNODE_SCALAR;
	if (sa != sb)
		return sa - sb;
	int c = strcmp(a->key->str ? a->key->str : "", bb->key->str ? bb->key->str : "");
	if (c)
		return c;
	/* keep document order among equals so the first one is reported as the original */
	return (a->key->line - bb->key->line) ? a->key->line - bb->key->line : a->key->col - bb->key->col;
}

static void check_duplicates(builder *b, ynode *map)
{
	if (map->npairs < 2)
		return;
	ypair **v = xmalloc(map->npairs * sizeof *v);
	for (size_t i = 0; i < map->npairs; i++)
		v[i] = &map->pairs[i];
	qsort(v, map->npairs, sizeof *v, key_cmp);
	char *drop = xcalloc(map->npairs, 1);
	/* the first of the run of equal keys v[i] is in: kept, not looked for again at each
	 * key of the run (45,000 of one key took 17 s) */
	size_t first = 0;
	for (size_t i = 1; i < map->npairs; i++) {
		if (v[i]->key->kind != YNODE_SCALAR || v[i - 1]->key->kind != YNODE_SCALAR ||
		    strcmp(v[i]->key->str, v[i - 1]->key->str) != 0)
			first = i;
		else {
			diag_error(b->d, loc_at(b->t->file, v[i]->key->line, v[i]->key->col),
				   "duplicate key '%s' (first given at line %d)", v[i]->key->str,
				   v[first]->key->line);
			/* the first one counts, and the rest of the file is still checked: its other
			 * mistakes come in the same run */
			b->t->errors++;
			drop[v[i] - map->pairs] = 1;
		}
	}
	free(v);
	/* the later ones leave the mapping (their nodes stay in t->all, freed with it), so
	 * that what reads it by key and what walks it see the same pairs */
	size_t kept = 0;
	for (size_t i = 0; i < map->npairs; i++)
		if (!drop[i])
			map->pairs[kept++] = map->pairs[i];
	map->npairs = kept;
	free(drop);
}

/* The handlers of build's events return 0 when the document must not be read further. */

/* A plain value that runs on to a line starting "- ": YAML reads that line as more of the
 * value ("one - two"), where its writer meant an item of its own, indented too far. */
static void warn_runaway_item(builder *b, const yaml_event_t *ev)
{
	const yaml_mark_t *s = &ev->start_mark, *e = &ev->end_mark;
	if (!b->text || e->line <= s->line)
		return;
	size_t from = mark_byte(b, s), to = mark_byte(b, e);
	for (size_t i = from; i < to; i++) {
		if (b->text[i] != '\n')
			continue;
		size_t j = i + 1;
		while (j < to && b->text[j] == ' ')
			j++;
		if (j + 1 < to && b->text[j] == '-' && b->text[j + 1] == ' ') {
			int line = 1, col = (int)(j - i);
			for (size_t k = 0; k < j; k++)
				line += b->text[k] == '\n';
			diag_warning(b->d, loc_at(b->t->file, line, col),
				     "this '- ' is read as more of the text that starts on line %d, not as an item: an "
				     "item's '-' starts in the column of the '-' before it",
				     (int)s->line + 1);
			return;
		}
	}
}

/* A plain value followed on its line by "#word" ("Ask in #sre-review", "team #7"): YAML
 * reads from the '#' on as a comment, and the words there are silently left out. A comment
 * its writer meant ("# the default") has a space after the '#'. */
static void warn_hash_comment(builder *b, const yaml_event_t *ev)
{
	if (!b->text)
		return;
	size_t end = mark_byte(b, &ev->end_mark), i = end;
	while (i < b->len && (b->text[i] == ' ' || b->text[i] == '\t'))
		i++;
	if (i + 1 >= b->len || b->text[i] != '#' || strchr(" \t\r\n#", b->text[i + 1]))
		return;
	size_t e = i;
	while (e < b->len && b->text[e] != '\n' && b->text[e] != '\r')
		e++;
	char *rest = text_clip(b->text + i, e - i, DIAG_MAX_QUOTED);
	diag_warning(b->d, loc_at(b->t->file, (int)ev->end_mark.line + 1, (int)(ev->end_mark.column + 1 + (i - end))),
		     "YAML reads '%s' as a comment, left out of the value; put the whole value in quotes to keep it", rest);
	free(rest);
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
	if (!count_node(b, 1, ev->start_mark))
		return 0;
	ynode *n = node_new(b, YNODE_SCALAR, ev->start_mark);
	n->str = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
	n->len = ev->data.scalar.length;
	if (utf8_marks_over(n->str, n->len) != (size_t)-1) {
		/* escapes included ("\u0301" typed 40,000 times) */
		diag_error(b->d, loc_at(b->t->file, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1),
			   "more than %d combining marks in a row on one character; Unicode's stream-safe text has at most %d",
			   UTF8_MAX_MARKS, UTF8_MAX_MARKS);
		n->len = utf8_marks_trim(n->str, n->len);
	}
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (n->plain) {
		warn_runaway_item(b, ev);
		warn_hash_comment(b, ev);
	}
	int quoted = ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		     ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	size_t chars = 0; /* an escape ("\u200B", "''") would make the value shorter than what is written */
	for (size_t i = 0; i < n->len; i++)
		chars += ((unsigned char)n->str[i] & 0xC0) != 0x80;
	if ((n->plain || quoted) && !ev->data.scalar.anchor && !ev->data.scalar.tag &&
	    ev->start_mark.line == ev->end_mark.line && ev->end_mark.column - ev->start_mark.column == chars + 2 * (size_t)quoted)
		n->value_col = n->col + quoted;
	remember_anchor(b, ev->data.scalar.anchor, n, 1);
	add_child(b, n, 1);
	return 1;
}

/* A sequence or mapping opens: its node waits on the stack for its children. */
static int on_open(builder *b, const yaml_event_t *ev)
{
	yaml_mark_t mark = ev->start_mark;
	if (b->depth >= YTREE_MAX_DEPTH) {
		char lim[16];
		snprintf(lim, sizeof lim, "%d", YTREE_MAX_DEPTH);
		berror(b, mark, "nesting deeper than %s levels", lim);
		return 0;
	}
	if (!count_node(b, 1, mark))
		return 0;
	int seq = ev->type == YAML_SEQUENCE_START_EVENT;
	ynode *n = node_new(b, seq ? YNODE_SEQ : YNODE_MAP, mark);
	n->flow = seq ? ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
		      : ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	const yaml_char_t *anc = seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
	b->stack_anchor[b->depth] = anc ? xstrdup((const char *)anc) : NULL;
	b->weights[b->depth] = 1;
	b->stack[b->depth++] = n;
	return 1;
}

/* A sequence or mapping closes: complete, it may now be anchored and added to its parent. */
static void on_close(builder *b)
{
	ynode *n = b->stack[--b->depth];
	size_t w = b->weights[b->depth];
	if (n->kind == YNODE_MAP) {
		drop_complex_keys(n);
		check_duplicates(b, n);
	}
	if (b->stack_anchor[b->depth]) {
		remember_anchor(b, (const yaml_char_t *)b->stack_anchor[b->depth], n, w);
		free(b->stack_anchor[b->depth]);
		b->stack_anchor[b->depth] = NULL;
	}
	add_child(b, n, w);
}

static int on_alias(builder *b, const yaml_event_t *ev)
{
	yaml_mark_t mark = ev->start_mark;
	const char *name = (const char *)ev->data.alias.anchor;
	const anchor *a = b->anchors ? g_hash_table_lookup(b->anchors, name) : NULL;
	if (!a) {
		/* an anchor on a list or mapping still open is the node the alias is inside */
		int inside = 0;
		for (int d = 0; d < b->depth; d++)
			inside |= b->stack_anchor[d] && strcmp(b->stack_anchor[d], name) == 0;
		if (inside)
			berror(b, mark, "alias '*%s' is inside the node it names, which would hold itself", name);
		else
			berror(b, mark, "alias '*%s' names no anchor defined before it", name);
		return 0;
	}
	b->aliased = 1;
	if (!count_node(b, a->weight, mark))
		return 0;
	/* one node per alias, O(1) whatever the anchored value holds: the contents are shared,
	 * so an alias of a 900 KiB scalar or of a long list copies nothing, and the node limit
	 * above still bounds the expansion */
	const ynode *src = a->node;
	ynode *n = node_new(b, src->kind, mark);
	n->str = src->str;
	n->len = src->len;
	n->plain = src->plain;
	n->flow = src->flow;
	n->items = src->items;
	n->nitems = src->nitems;
	n->pairs = src->pairs;
	n->npairs = src->npairs;
	n->alias_of = src;
	add_child(b, n, a->weight);
	return 1;
}

/* One event; 0 at the end of the stream or when the document must not be read further. */
static int on_event(builder *b, const yaml_event_t *ev, int *docs)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1) {
			berror(b, ev->start_mark, "only one YAML document is allowed per file%s", "");
			return 0;
		}
		return 1;
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return on_open(b, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_close(b);
		return 1;
	case YAML_ALIAS_EVENT:
		return on_alias(b, ev);
	default:
		return 1;
	}
}

static int build(builder *b, const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	b->text = text;
	b->len = len;
	int docs = 0, more = 1;
	while (more) {
		if (!yaml_parser_parse(&p, &ev)) {
			yaml_report_parse_error(b->d, b->t->file, &p, text, len);
			b->failed = 1;
			break;
		}
		more = on_event(b, &ev, &docs);
		yaml_event_delete(&ev);
	}
	while (b->depth > 0) {
		b->depth--;
		free(b->stack_anchor[b->depth]);
	}
	yaml_parser_delete(&p);
	return !b->failed;
}

ytree *ytree_parse(const char *text, size_t len, const char *display, diag *d)
{
	ytree *t = xcalloc(1, sizeof *t);
	t->file = xstrdup(display);
	/* NUL first: a binary file is better called binary than "not UTF-8" */
	if (memchr(text, 0, len)) {
		size_t off = (size_t)((const char *)memchr(text, 0, len) - text);
		int line, col;
		text_linecol(text, off, &line, &col);
		diag_error(d, loc_at(t->file, line, col), "NUL byte in text; is this a binary file?");
		ytree_free(t);
		return NULL;
	}
	size_t bad;
	if (!utf8_valid(text, len, &bad)) {
		int line, col;
		text_linecol(text, bad, &line, &col);
		diag_error(d, loc_at(t->file, line, col), "invalid UTF-8 (byte 0x%02x); save the file as UTF-8",
			   (unsigned char)text[bad]);
		ytree_free(t);
		return NULL;
	}
	/* YAML reads these as line breaks, editors and this file's line numbers do not: every
	 * place given after one would be a line off */
	static const struct {
		const char *bytes, *name;
	} breaks[] = {{"\xC2\x85", "U+0085 NEXT LINE"}, {"\xE2\x80\xA8", "U+2028 LINE SEPARATOR"},
		      {"\xE2\x80\xA9", "U+2029 PARAGRAPH SEPARATOR"}};
	for (size_t i = 0; i < sizeof breaks / sizeof *breaks; i++) {
		const char *at = g_strstr_len(text, (gssize)len, breaks[i].bytes);
		if (at) {
			int line, col;
			text_linecol(text, (size_t)(at - text), &line, &col);
			diag_error(d, loc_at(t->file, line, col),
				   "%s, which YAML reads as a line break; use a newline (or write it as an escape in double quotes)",
				   breaks[i].name);
			ytree_free(t);
			return NULL;
		}
	}
	builder b = {0};
	b.t = t;
	b.d = d;
	int ok = build(&b, text, len);
	if (b.anchors)
		g_hash_table_destroy(b.anchors);
	if (!ok) {
		ytree_free(t);
		return NULL;
	}
	return t;
}

ytree *ytree_load(const char *path, const char *display, diag *d)
{
	char *text;
	size_t len;
	const char *why;
	int got = file_read(path, YTREE_MAX_BYTES, &text, &len, &why);
	if (got == FILE_TOO_LARGE)
		diag_error(d, loc_at(display, 0, 0), "file is larger than the %u KiB limit for YAML files",
			   YTREE_MAX_BYTES / 1024);
	else if (got != 0)
		diag_error(d, loc_at(display, 0, 0), "cannot read: %s", why);
	if (got != 0)
		return NULL;
	ytree *t = ytree_parse(text, len, display, d);
	free(text);
	return t;
}

void ytree_free(ytree *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nall; i++) {
		ynode *n = t->all[i];
		if (!n->alias_of) { /* an alias borrows these from its anchored node */
			free(n->str);
			free(n->items);
			free(n->pairs);
		}
		free(n);
	}
	free(t->all);
	free(t->file);
	free(t);
}

ynode *ytree_root(const ytree *t)
{
	return t->root;
}

int ytree_errors(const ytree *t)
{
	return t->errors;
}

const char *ytree_file(const ytree *t)
{
	return t->file;
}

loc ynode_loc(const ytree *t, const ynode *n)
{
	if (!n)
		return loc_at(t->file, 0, 0);
	return loc_at(t->file, n->line, n->col);
}

static const ypair *ymap_pair(const ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->npairs; i++)
		if (map->pairs[i].key->kind == YNODE_SCALAR && strcmp(map->pairs[i].key->str, key) == 0)
			return &map->pairs[i];
	return NULL;
}

ynode *ymap_get(const ynode *map, const char *key)
{
	const ypair *p = ymap_pair(map, key);
	return p ? p->value : NULL;
}

ynode *ymap_key(const ynode *map, const char *key)
{
	const ypair *p = ymap_pair(map, key);
	return p ? p->key : NULL;
}

int ynode_is_null(const ynode *n)
{
	if (!n)
		return 1;
	if (n->kind != YNODE_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
	       strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0;
}

const char *ynode_kind_name(const ynode *n)
{
	if (!n || ynode_is_null(n))
		return "empty";
	switch (n->kind) {
	case YNODE_SCALAR:
		return "a string";
	case YNODE_SEQ:
		return "a list";
	case YNODE_MAP:
		return "a mapping";
	}
	return "?";
}

const char *nearest_word(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	size_t wl = strlen(word);
	for (size_t i = 0; candidates[i]; i++) {
		size_t dist = edit_distance(word, candidates[i]);
		if (dist < bestd) {
			bestd = dist;
			best = candidates[i];
		}
	}
	/* near means at most a third of the word wrong (and at least one edit allowed) */
	size_t allow = wl / 3 > 1 ? wl / 3 : 1;
	if (wl > 3 && allow < 2)
		allow = 2;
	return best && bestd <= allow ? best : NULL;
}

int ymap_check(const ytree *t, const ynode *map, const char *what, const char *const *allowed,
	       const char *const *required, diag *d)
{
	return ymap_check_with(t, map, what, allowed, required, d, NULL, NULL);
}

/* Whether the n bytes at s are an allowed key. */
static int key_allowed(const char *const *allowed, const char *s, size_t n)
{
	char *key = xstrndup(s, n);
	int ok = str_in(key, allowed);
	free(key);
	return ok;
}

int ymap_check_with(const ytree *t, const ynode *map, const char *what, const char *const *allowed,
		    const char *const *required, diag *d, ymap_unknown_fn *unknown, void *ctx)
{
	int errs = 0, prose = 0;
	for (size_t i = 0; i < map->npairs; i++) {
		const ynode *k = map->pairs[i].key;
		if (k->kind != YNODE_SCALAR)
			continue;
		int ok = 0;
		for (size_t j = 0; allowed[j]; j++)
			if (strcmp(allowed[j], k->str) == 0)
				ok = 1;
		if (ok)
			continue;
		errs++;
		int first = errs == 1;
		int known_elsewhere = unknown && unknown(map, k, 0, ctx);
		const char *near = known_elsewhere ? NULL : nearest_word(k->str, allowed);
		size_t colon = strcspn(k->str, ":");
		if (k->str[colon] && colon > 0 && k->str[colon + 1] && k->str[colon + 1] != ' ' &&
		    key_allowed(allowed, k->str, colon)) {
			/* {source:grid}: with no space after it, the colon is part of a word */
			diag_error(d, ynode_loc(t, k), "unknown key '%s' in %s; write '%.*s: %s', with a space after the colon",
				   k->str, what, (int)colon, k->str, k->str + colon + 1);
		} else if (near) {
			diag_error(d, ynode_loc(t, k), "unknown key '%s' in %s; did you mean '%s'?", k->str, what, near);
		} else {
			strbuf sb = {0};
			for (size_t j = 0; allowed[j]; j++)
				sb_printf(&sb, "%s%s", j ? ", " : "", allowed[j]);
			diag_error(d, ynode_loc(t, k), "unknown key '%s' in %s", k->str, what);
			if (!known_elsewhere && !(!map->flow && k->plain && strchr(k->str, ' ')))
				diag_note(d, ynode_loc(t, k), "allowed keys: %s", sb.data);
			sb_free(&sb);
		}
		/* the key stands at the anchor, which may be a valid mapping of another kind
		 * (a source); the place that made it this one is the alias */
		if (first && map->alias_of)
			diag_note(d, ynode_loc(t, map), "%s is given here, as an alias of that mapping", what);
		/* {date: 2024-01-15, text: Rosatom publishes, at last, its figures}: the comma
		 * ended the text, and what follows it became a key without a value */
		if (map->flow && k->plain && ynode_is_null(map->pairs[i].value) && i > 0)
			diag_note(d, ynode_loc(t, k), "inside { } a comma ends a value: put a value that holds one in quotes");
		/* - The verdict: a pipeline. A sentence with ': ' read as a key and its value */
		if (!map->flow && k->plain && strchr(k->str, ' ')) {
			prose = 1;
			diag_note(d, ynode_loc(t, k),
				  "YAML reads '%s: ...' as a key and its value: a value with ': ' inside must be quoted, "
				  "e.g. - \"The verdict: a pipeline\"",
				  k->str);
		}
		if (unknown)
			unknown(map, k, 1, ctx);
	}
	if (prose)
		return errs; /* the text was meant as a value: no key is missing */
	for (size_t j = 0; required && required[j]; j++) {
		/* a misspelt key already reported with "did you mean" this one is not also
		 * missing, nor one written with no space after its colon */
		int suggested = 0;
		size_t rl = strlen(required[j]);
		for (size_t i = 0; i < map->npairs && !suggested; i++) {
			const ynode *k = map->pairs[i].key;
			const char *near = k->kind == YNODE_SCALAR ? nearest_word(k->str, allowed) : NULL;
			suggested = near && strcmp(near, required[j]) == 0 && strcmp(k->str, near) != 0;
			suggested |= k->kind == YNODE_SCALAR && strncmp(k->str, required[j], rl) == 0 && k->str[rl] == ':';
		}
		if (!suggested && !ymap_get(map, required[j])) {
			errs++;
			diag_error(d, ynode_loc(t, map), "%s is missing the required key '%s'", what, required[j]);
		}
	}
	return errs;
}

int ynode_expect(const ytree *t, const ynode *n, ynode_kind kind, const char *what, diag *d)
{
	if (n && n->kind == kind && !(kind == YNODE_SCALAR && ynode_is_null(n)))
		return 1;
	static const char *names[] = {"a string", "a list", "a mapping"};
	diag_error(d, ynode_loc(t, n), "%s must be %s, not %s", what, names[kind], ynode_kind_name(n));
	return 0;
}
