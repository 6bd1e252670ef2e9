/* test_yaml_tree.c: the YAML tree keeps structure and locations, and rejects hostile or
 * malformed input with one precise message instead of crashing or blowing up. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "base/util.h"
#include "base/yaml_tree.h"

/* Parses text; returns the diagnostics printed (caller frees) and the tree in *out. */
static char *parse(const char *text, size_t len, ytree **out)
{
	char *buf = NULL;
	size_t blen = 0;
	FILE *mem = open_memstream(&buf, &blen);
	diag d;
	diag_init(&d, mem);
	ytree *t = ytree_parse(text, len, "t.yaml", &d);
	fclose(mem);
	if (out)
		*out = t;
	else
		ytree_free(t);
	return buf;
}

static void expect_error(const char *name, const char *text, const char *want)
{
	ytree *t = NULL;
	char *got = parse(text, strlen(text), &t);
	CHECK_STR(name, got, want);
	CHECK(name, t == NULL);
	ytree_free(t);
	free(got);
}

/* text has keys given twice: the errors are want, the tree loads with them counted, and
 * its root maps key to value in npairs pairs. */
static void expect_duplicate(const char *name, const char *text, const char *key, const char *value,
			     size_t npairs, const char *want)
{
	ytree *t = NULL;
	char *got = parse(text, strlen(text), &t);
	CHECK_STR(name, got, want);
	CHECK(name, t != NULL && ytree_errors(t) > 0);
	if (t) {
		const ynode *root = ytree_root(t);
		const ynode *v = ymap_get(root, key);
		CHECK(name, root->npairs == npairs);
		CHECK(name, v && v->str && strcmp(v->str, value) == 0);
	}
	ytree_free(t);
	free(got);
}

static void test_structure(void)
{
	const char *text = "title: Hello\n"
			   "list:\n"
			   "  - one\n"
			   "  - {a: 1, b: \"two\"}\n"
			   "empty:\n"
			   "quoted: ''\n";
	ytree *t;
	char *err = parse(text, strlen(text), &t);
	CHECK_STR("valid document: no messages", err, "");
	free(err);
	if (!t)
		return;
	ynode *root = ytree_root(t);
	CHECK("root is a mapping", root && root->kind == YNODE_MAP && root->npairs == 4);
	ynode *title = ymap_get(root, "title");
	CHECK_STR("scalar value", title ? title->str : NULL, "Hello");
	CHECK("scalar location", title && title->line == 1 && title->col == 8);
	ynode *list = ymap_get(root, "list");
	CHECK("sequence", list && list->kind == YNODE_SEQ && list->nitems == 2);
	if (list && list->nitems == 2) {
		ynode *m = list->items[1];
		CHECK("flow mapping location", m->kind == YNODE_MAP && m->line == 4 && m->col == 5);
		ynode *b = ymap_get(m, "b");
		CHECK("quoted scalar is not plain", b && !b->plain && strcmp(b->str, "two") == 0);
		ynode *a = ymap_get(m, "a");
		CHECK("number is a plain string", a && a->plain && strcmp(a->str, "1") == 0);
	}
	CHECK("empty value is null", ynode_is_null(ymap_get(root, "empty")));
	CHECK("quoted empty string is not null", !ynode_is_null(ymap_get(root, "quoted")));
	CHECK("absent key", ymap_get(root, "nope") == NULL);
	CHECK("absent is null", ynode_is_null(NULL));
	CHECK_STR("kind name", ynode_kind_name(list), "a list");
	CHECK_STR("kind name of null", ynode_kind_name(ymap_get(root, "empty")), "empty");
	loc l = ynode_loc(t, list);
	CHECK("ynode_loc", strcmp(l.file, "t.yaml") == 0 && l.line == 3 && l.col == 3);
	CHECK_STR("ytree_file", ytree_file(t), "t.yaml");
	ytree_free(t);
}

static void test_empty(void)
{
	ytree *t;
	char *err = parse("", 0, &t);
	CHECK_STR("empty text: no messages", err, "");
	CHECK("empty text: tree with no root", t && ytree_root(t) == NULL);
	ytree_free(t);
	free(err);
	err = parse("# only a comment\n", 17, &t);
	CHECK("comment only: no root", t && ytree_root(t) == NULL);
	ytree_free(t);
	free(err);
}

static void test_aliases(void)
{
	const char *text = "a: &x [1, 2]\nb: *x\n";
	ytree *t;
	char *err = parse(text, strlen(text), &t);
	CHECK_STR("alias: no messages", err, "");
	free(err);
	if (t) {
		ynode *a = ymap_get(ytree_root(t), "a"), *b = ymap_get(ytree_root(t), "b");
		CHECK("alias shares the anchored contents", b && a && b->alias_of == a && b->kind == YNODE_SEQ &&
								   b->items == a->items && b->nitems == 2);
		CHECK("alias is at the alias, anchor at the anchor",
		      b && a && b->line == 2 && b->col == 4 && a->line == 1 && a->col == 4);
		CHECK("the anchored node is no alias", a && a->alias_of == NULL);
		ytree_free(t);
	}
	/* billion laughs: 9^9 nodes if expanded; must stop at the node limit, fast */
	const char *bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
			   "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
			   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
			   "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
			   "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
			   "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
			   "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
	expect_error("alias bomb", bomb,
		     "t.yaml:6:8: error: document expands to more than 100000 nodes (alias bomb?)\n");
	expect_error("undefined alias", "a: *nope\n",
		     "t.yaml:1:4: error: alias '*nope' names no anchor defined before it\n");
	expect_error("self-referencing alias", "a: &x [*x]\n",
		     "t.yaml:1:8: error: alias '*x' is inside the node it names, which would hold itself\n");
}

static void test_limits(void)
{
	/* 10,000 nested flow sequences: rejected at the depth limit, no recursion */
	strbuf sb = {0};
	for (int i = 0; i < 10000; i++)
		sb_putc(&sb, '[');
	for (int i = 0; i < 10000; i++)
		sb_putc(&sb, ']');
	ytree *t;
	char *err = parse(sb.data, sb.len, &t);
	CHECK_STR("deep nesting", err, "t.yaml:1:65: error: nesting deeper than 64 levels\n");
	CHECK("deep nesting: no tree", t == NULL);
	free(err);
	sb_free(&sb);
	/* exactly at the limit is fine */
	for (int i = 0; i < YTREE_MAX_DEPTH; i++)
		sb_putc(&sb, '[');
	for (int i = 0; i < YTREE_MAX_DEPTH; i++)
		sb_putc(&sb, ']');
	err = parse(sb.data, sb.len, &t);
	CHECK_STR("nesting at the limit is accepted", err, "");
	ytree_free(t);
	free(err);
	sb_free(&sb);
	/* many plain nodes without aliases also count */
	sb_puts(&sb, "[");
	for (int i = 0; i < YTREE_MAX_NODES; i++)
		sb_puts(&sb, "1,");
	sb_puts(&sb, "1]");
	err = parse(sb.data, sb.len, &t);
	CHECK("too many nodes", t == NULL && strstr(err, "more than 100000 nodes") != NULL);
	/* with no alias in it, the message names no alias bomb: a long brief is none */
	CHECK_STR("too many nodes, no alias",
		  strstr(err, "error: ") ? strstr(err, "error: ") : err,
		  "error: document has more than 100000 nodes (values, lists and mappings), the limit for one file\n");
	free(err);
	sb_free(&sb);
}

static void test_bad_input(void)
{
	expect_error("invalid UTF-8", "title: caf\xe9\n",
		     "t.yaml:1:11: error: invalid UTF-8 (byte 0xe9); save the file as UTF-8\n");
	ytree *t;
	char *err = parse("a: b\n\0\x01\x02", 8, &t);
	CHECK_STR("NUL byte", err, "t.yaml:2:1: error: NUL byte in text; is this a binary file?\n");
	CHECK("NUL byte: no tree", t == NULL);
	free(err);
	expect_error("control character", "title: a\x01z\n",
		     "t.yaml:1:9: error: invalid YAML: control characters are not allowed (0x01); is this a binary file?\n");
	expect_error("tab indentation", "a:\n\tb: 1\n",
		     "t.yaml:2:1: error: tab character; YAML indentation must use spaces\n");
	expect_error("two documents", "a: 1\n---\nb: 2\n",
		     "t.yaml:2:1: error: only one YAML document is allowed per file\n");
	/* said at the end of the last line with text, not on the empty line libyaml marks */
	expect_error("unclosed flow", "a: [1, 2\n",
		     "t.yaml:1:9: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence\n");
	/* a list or mapping as a key is an error, but the tree loads without its pair, so that
	 * the file's other errors come in the same run (it stopped the whole file) */
	expect_duplicate("list as key", "? [a]\n: 1\nb: 2\n", "b", "2", 1,
			 "t.yaml:1:3: error: a key must be a plain word, not a list\n");
	expect_duplicate("mapping as key", "a: 0\n? {x: y}\n: 1\n", "a", "0", 1,
			 "t.yaml:2:3: error: a key must be a plain word, not a mapping\n");
	/* a non-scalar key next to equal scalar keys must not crash the duplicate check */
	expect_duplicate("list key among duplicates", "? [a]\n: 1\n'': 2\n'': 3\n", "", "2", 1,
			 "t.yaml:1:3: error: a key must be a plain word, not a list\n"
			 "t.yaml:4:1: error: duplicate key '' (first given at line 3)\n");
	/* a key given twice is an error, but the tree still loads: the first counts, the later
	 * ones leave the mapping, so that the file's other errors come in the same run */
	expect_duplicate("duplicate key", "a: 1\nb: 2\na: 3\n", "a", "1", 2,
			 "t.yaml:3:1: error: duplicate key 'a' (first given at line 1)\n");
	expect_duplicate("three equal keys", "a: 1\na: 2\na: 3\n", "a", "1", 1,
			 "t.yaml:2:1: error: duplicate key 'a' (first given at line 1)\n"
			 "t.yaml:3:1: error: duplicate key 'a' (first given at line 1)\n");
	t = NULL;
	char *got = parse("s:\n  x: {k: 1, k: 2}\n", 20, &t);
	CHECK_STR("nested duplicate", got, "t.yaml:2:13: error: duplicate key 'k' (first given at line 2)\n");
	const ynode *x = t ? ymap_get(ymap_get(ytree_root(t), "s"), "x") : NULL;
	CHECK("nested duplicate: the first counts", x && x->npairs == 1 && strcmp(ymap_get(x, "k")->str, "1") == 0);
	ytree_free(t);
	free(got);
}

static void test_load(void)
{
	char *buf = NULL;
	size_t blen = 0;
	FILE *mem = open_memstream(&buf, &blen);
	diag d;
	diag_init(&d, mem);
	ytree *t = ytree_load("/nonexistent/x.yaml", "x.yaml", &d);
	fclose(mem);
	CHECK("missing file", t == NULL);
	CHECK_STR("missing file message", buf, "x.yaml: error: cannot read: no such file\n");
	free(buf);
}

/* Runs ymap_check on the root of text and returns its messages. */
static char *schema(const char *text, const char *const *allowed, const char *const *required, int *nerr)
{
	ytree *t;
	char *err = parse(text, strlen(text), &t);
	free(err);
	char *buf = NULL;
	size_t blen = 0;
	FILE *mem = open_memstream(&buf, &blen);
	diag d;
	diag_init(&d, mem);
	*nerr = t ? ymap_check(t, ytree_root(t), "brief", allowed, required, &d) : -1;
	fclose(mem);
	ytree_free(t);
	return buf;
}

static void test_schema(void)
{
	static const char *const allowed[] = {"title", "date", "sources", NULL};
	static const char *const required[] = {"title", "date", NULL};
	int n;
	char *got = schema("titel: x\ndate: y\n", allowed, required, &n);
	CHECK_STR("unknown key with a near miss", got,
		  "t.yaml:1:1: error: unknown key 'titel' in brief; did you mean 'title'?\n");
	CHECK("a misspelt required key is one error, not two", n == 1);
	free(got);
	got = schema("sorces: x\n", allowed, required, &n);
	CHECK_STR("other required keys are still missing", got,
		  "t.yaml:1:1: error: unknown key 'sorces' in brief; did you mean 'sources'?\n"
		  "t.yaml:1:1: error: brief is missing the required key 'title'\n"
		  "t.yaml:1:1: error: brief is missing the required key 'date'\n");
	CHECK("error count", n == 3);
	free(got);
	got = schema("title: x\ndate: y\nweather: z\n", allowed, required, &n);
	CHECK_STR("unknown key, no near miss", got,
		  "t.yaml:3:1: error: unknown key 'weather' in brief\n"
		  "t.yaml:3:1: note: allowed keys: title, date, sources\n");
	free(got);
	got = schema("title: x\ndate: y\n", allowed, required, &n);
	CHECK("valid mapping", n == 0 && strcmp(got, "") == 0);
	free(got);

	CHECK_STR("nearest_word", nearest_word("sorces", allowed), "sources");
	CHECK("nearest_word: nothing near", nearest_word("zzz", allowed) == NULL);

	ytree *t;
	char *err = parse("a: [1]\nb: ''\n", 13, &t);
	free(err);
	char *buf = NULL;
	size_t blen = 0;
	FILE *mem = open_memstream(&buf, &blen);
	diag d;
	diag_init(&d, mem);
	int ok1 = ynode_expect(t, ymap_get(ytree_root(t), "a"), YNODE_MAP, "a", &d);
	int ok2 = ynode_expect(t, ymap_get(ytree_root(t), "a"), YNODE_SEQ, "a", &d);
	int ok3 = ynode_expect(t, ymap_get(ytree_root(t), "b"), YNODE_SCALAR, "b", &d);
	fclose(mem);
	CHECK("ynode_expect results", !ok1 && ok2 && ok3);
	CHECK_STR("ynode_expect message", buf, "t.yaml:1:4: error: a must be a mapping, not a list\n");
	free(buf);
	ytree_free(t);
}

int main(void)
{
	test_structure();
	test_empty();
	test_aliases();
	test_limits();
	test_bad_input();
	test_load();
	test_schema();
	CHECK_DONE();
}
