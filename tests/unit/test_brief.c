/* test_brief.c: briefs load into the model exactly as written, and every mistake an analyst
 * can make is reported at its line and column, all of them in one run. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/brief.h"
#include "check.h"
#include "base/util.h"

static char tmpdir[] = "/tmp/mkbrief-brief-XXXXXX";

/* Loads path; returns the diagnostics printed (caller frees), the brief in *out. */
static char *load(const char *path, brief **out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, mem);
	brief *b = brief_load(path, &d);
	fclose(mem);
	if (out)
		*out = b;
	else
		brief_free(b);
	return buf;
}

/* Writes text to b.yaml in the temp dir and loads it; the temp dir in messages becomes "T". */
static char *try_brief(const char *text, brief **out)
{
	char *path = xasprintf("%s/b.yaml", tmpdir);
	check_write(path, text);
	char *got = check_untemp(load(path, out), tmpdir);
	unlink(path);
	free(path);
	return got;
}

/* The head every error test shares: a valid brief up to (and including) "sections:". */
#define HEAD                                                                                \
	"title: T\ndate: 2018-01-22\nsources:\n  edm-2018: {file: a.txt}\n  edm-2017: {file: b.txt}\n"
#define SECTION "sections:\n  - heading: H\n    content:\n"

static void expect_error(const char *name, const char *text, const char *want)
{
	brief *b = NULL;
	char *got = try_brief(text, &b);
	CHECK_STR(name, got, want);
	if (b) {
		printf("FAIL %s: %s: loaded although it is wrong\n", __FILE__, name);
		check_failures++;
	}
	brief_free(b);
	free(got);
}

static void expect_ok(const char *name, const char *text)
{
	brief *b = NULL;
	char *got = try_brief(text, &b);
	CHECK_STR(name, got, "");
	CHECK(name, b != NULL);
	brief_free(b);
	free(got);
}

static const char full[] =
	"title: Russia and the Korean Crisis\n"
	"subtitle: Reading pack\n"
	"date: 2018-01-22\n"
	"author: Eurasia desk\n"
	"classification: UNCLASSIFIED\n"
	"marking: \"(U)\"\n"
	"layout: digest\n"
	"lang: en-GB\n"
	"sources:\n"
	"  edm-2018:\n"
	"    file: articles/a.txt\n"
	"    url: https://example.org/a\n"
	"    title: Override\n"
	"    date: January 22, 2018\n"
	"  edm-2017:\n"
	"    file: /abs/b.txt\n"
	"summary:\n"
	"  - Plain point.\n"
	"  - text: Cited *point*.\n"
	"    cite: [edm-2018 p1.2, edm-2017]\n"
	"sections:\n"
	"  - heading: First\n"
	"    content:\n"
	"      - quote:\n"
	"          source: edm-2018\n"
	"          text: \"he has [...] a missile\"\n"
	"          speaker: Vladimir Putin\n"
	"          highlight: [a missile, has]\n"
	"          note: A caption\n"
	"      - excerpt: {source: edm-2018, paragraphs: 1-2}\n"
	"      - excerpt: {source: edm-2017, paragraphs: 3}\n"
	"      - excerpt: {source: edm-2018, from: \"Moscow and\", to: \"still Beijing.\"}\n"
	"      - excerpt: {source: edm-2017, text: Some words}\n"
	"  - heading: Second\n"
	"    content:\n"
	"      - bullets:\n"
	"          - one\n"
	"          - text: two\n"
	"            cite: edm-2017 p3\n"
	"      - text: Own words.\n"
	"        cite: edm-2018 p2\n"
	"      - text: 2018\n";

static void test_model(void)
{
	brief *b = NULL;
	char *got = try_brief(full, &b);
	CHECK_STR("full brief loads silently", got, "");
	free(got);
	if (!b)
		return;
	char *path = xasprintf("%s/b.yaml", tmpdir);
	CHECK_STR("path as given", b->path, path);
	CHECK_STR("dir", b->dir, tmpdir);
	free(path);
	CHECK_STR("title", b->title, "Russia and the Korean Crisis");
	CHECK_STR("subtitle", b->subtitle, "Reading pack");
	CHECK_STR("date", b->date, "2018-01-22");
	CHECK_STR("author", b->author, "Eurasia desk");
	CHECK_STR("classification", b->classification, "UNCLASSIFIED");
	CHECK_STR("marking", b->marking, "(U)");
	CHECK_STR("layout", b->layout, "digest");
	CHECK("layout_at", b->layout_at.line == 7 && b->layout_at.col == 9 && b->layout_at.file == b->path);
	CHECK_STR("lang", b->lang, "en-GB");

	CHECK("two sources", b->nsources == 2);
	if (b->nsources == 2) {
		source *s = &b->sources[0];
		CHECK_STR("source id", s->id, "edm-2018");
		CHECK_STR("source file as written", s->file, "articles/a.txt");
		char *want = xasprintf("%s/articles/a.txt", tmpdir);
		CHECK_STR("source path joined to the brief's dir", s->path, want);
		free(want);
		CHECK_STR("source url", s->url, "https://example.org/a");
		CHECK_STR("source title", s->title, "Override");
		CHECK_STR("source date", s->date, "January 22, 2018");
		CHECK("source at", s->at.line == 10 && s->at.col == 3);
		CHECK("source art not loaded", s->art == NULL);
		CHECK_STR("absolute source path kept", b->sources[1].path, "/abs/b.txt");
		CHECK("optional source fields NULL", !b->sources[1].url && !b->sources[1].title && !b->sources[1].date);
	}
	CHECK("brief_source_index", brief_source_index(b, "edm-2017") == 1 && brief_source_index(b, "edm-2018") == 0);
	CHECK("brief_source_index unknown", brief_source_index(b, "edm") == -1);

	CHECK("two summary items", b->nsummary == 2);
	if (b->nsummary == 2) {
		CHECK_STR("plain item", b->summary[0].text, "Plain point.");
		CHECK("plain item: no cites", b->summary[0].ncites == 0);
		CHECK("plain item at", b->summary[0].at.line == 18 && b->summary[0].at.col == 5);
		item *it = &b->summary[1];
		CHECK_STR("item text keeps markup", it->text, "Cited *point*.");
		CHECK("list of cites", it->ncites == 2);
		CHECK("cite p1.2", it->cites[0].source == 0 && it->cites[0].para == 1 && it->cites[0].sent == 2);
		CHECK("cite at", it->cites[0].at.line == 20 && it->cites[0].at.col == 12);
		CHECK("cite without paragraph", it->cites[1].source == 1 && it->cites[1].para == 0 &&
						       it->cites[1].sent == 0);
	}

	CHECK("two sections", b->nsections == 2);
	if (b->nsections != 2 || b->sections[0].nblocks != 5 || b->sections[1].nblocks != 3) {
		CHECK("block counts", 0);
		brief_free(b);
		return;
	}
	section *s0 = &b->sections[0];
	CHECK_STR("heading", s0->heading, "First");
	CHECK("section at", s0->at.line == 22 && s0->at.col == 5);
	block *q = &s0->blocks[0];
	CHECK("quote kind", q->kind == BLOCK_QUOTE && q->sel == SEL_TEXT && q->source == 0);
	CHECK("quote at", q->at.line == 24 && q->at.col == 9);
	CHECK_STR("quote text with elision", q->text, "he has [...] a missile");
	CHECK("quote text_at", q->text_at.line == 26 && q->text_at.col == 17);
	CHECK_STR("speaker", q->speaker, "Vladimir Putin");
	CHECK_STR("note", q->note, "A caption");
	CHECK("highlights", q->nhighlight == 2);
	if (q->nhighlight == 2) {
		CHECK_STR("highlight 1", q->highlight[0].text, "a missile");
		CHECK_STR("highlight 2", q->highlight[1].text, "has");
		CHECK("highlight_at", q->highlight[1].at.line == 28 && q->highlight[1].at.col == 34);
	}
	CHECK("nothing resolved yet", q->spans == NULL && q->nspans == 0 && q->marks == NULL);
	block *e = &s0->blocks[1];
	CHECK("excerpt by range", e->kind == BLOCK_EXCERPT && e->sel == SEL_PARAS && e->para_from == 1 && e->para_to == 2);
	e = &s0->blocks[2];
	CHECK("excerpt by one paragraph", e->sel == SEL_PARAS && e->source == 1 && e->para_from == 3 && e->para_to == 3);
	e = &s0->blocks[3];
	CHECK("excerpt from/to", e->sel == SEL_FROM_TO && e->from && e->to && strcmp(e->from, "Moscow and") == 0 &&
					 strcmp(e->to, "still Beijing.") == 0);
	CHECK("from_at/to_at", e->from_at.line == 32 && e->from_at.col == 43 && e->to_at.line == 32 && e->to_at.col == 61);
	e = &s0->blocks[4];
	CHECK("excerpt by text", e->sel == SEL_TEXT && e->text && strcmp(e->text, "Some words") == 0);
	CHECK("excerpt text_at", e->text_at.line == 33 && e->text_at.col == 43);

	section *s1 = &b->sections[1];
	block *bl = &s1->blocks[0];
	CHECK("bullets", bl->kind == BLOCK_BULLETS && bl->nitems == 2);
	if (bl->nitems == 2) {
		CHECK_STR("bullet 1", bl->items[0].text, "one");
		CHECK_STR("bullet 2", bl->items[1].text, "two");
		CHECK("bullet cite", bl->items[1].ncites == 1 && bl->items[1].cites[0].source == 1 &&
					      bl->items[1].cites[0].para == 3);
	}
	bl = &s1->blocks[1];
	CHECK("text block", bl->kind == BLOCK_TEXT && bl->nitems == 1);
	CHECK_STR("text", bl->items[0].text, "Own words.");
	CHECK("text cite", bl->items[0].ncites == 1 && bl->items[0].cites[0].para == 2);
	CHECK("text item at the text", bl->items[0].at.line == 40 && bl->items[0].at.col == 15);
	CHECK_STR("a number is just a string", s1->blocks[2].items[0].text, "2018");
	brief_free(b);
}

static void test_defaults(void)
{
	brief *b = NULL;
	char *got = try_brief(HEAD SECTION "      - text: x\n", &b);
	CHECK_STR("minimal brief loads", got, "");
	free(got);
	if (!b)
		return;
	CHECK_STR("default layout", b->layout, "handout");
	CHECK("default layout has no location", b->layout_at.line == 0);
	CHECK("no lang: the layout's text.lang applies", b->lang == NULL);
	CHECK("optional fields NULL", !b->subtitle && !b->author && !b->classification && !b->marking);
	CHECK("no summary", b->nsummary == 0 && b->summary == NULL);
	brief_free(b);

	got = load("briefs/korea-jan2018.yaml", &b);
	CHECK_STR("Korea brief loads silently", got, "");
	free(got);
	if (b) {
		CHECK_STR("Korea title", b->title, "Russia and the Korean Crisis");
		CHECK_STR("Korea date", b->date, "2018-01-22");
		CHECK_STR("Korea classification", b->classification, "UNCLASSIFIED");
		CHECK("Korea: 4-6 key points", b->nsummary >= 4 && b->nsummary <= 6);
		CHECK("Korea: at least 3 sections", b->nsections >= 3);
		CHECK_STR("Korea source path", b->sources[0].path,
			  "briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt");
		int putin = 0, kinds[3] = {0};
		for (size_t i = 0; i < b->nsections; i++)
			for (size_t j = 0; j < b->sections[i].nblocks; j++) {
				block *bl = &b->sections[i].blocks[j];
				if (bl->kind == BLOCK_QUOTE && bl->speaker && strcmp(bl->speaker, "Vladimir Putin") == 0 &&
				    bl->nhighlight == 1 && strcmp(bl->highlight[0].text, "probable adversary") == 0)
					putin = 1;
				if (bl->kind == BLOCK_EXCERPT && bl->sel >= SEL_PARAS)
					kinds[bl->sel - SEL_PARAS] = 1;
			}
		CHECK("Korea: Putin's probable-adversary quote", putin);
		CHECK("Korea: excerpts by paragraphs, from/to and text", kinds[0] && kinds[1] && kinds[2]);
		brief_free(b);
	}
}

/* A nested list loads flat, in reading order: each item with its level, its number in its
 * list (0 for a bullet) and its marker's level (lists of its own kind around it). */
static void test_lists(void)
{
	brief *b = NULL;
	char *got = try_brief(HEAD SECTION "      - bullets:\n"
					   "          - text: a\n"
					   "            numbered:\n"
					   "              - b\n"
					   "              - text: c\n"
					   "                items: [d]\n"
					   "          - e\n"
					   "      - numbered: [f, {text: g, numbered: [h]}]\n",
			      &b);
	CHECK_STR("nested lists load", got, "");
	free(got);
	if (!b)
		return;
	const block *bl = &b->sections[0].blocks[0];
	static const char *const text[] = {"a", "b", "c", "d", "e"};
	static const int level[] = {0, 1, 1, 2, 0}, number[] = {0, 1, 2, 0, 0}, mark[] = {0, 0, 0, 1, 0};
	int same = bl->nitems == 5;
	for (size_t i = 0; same && i < 5; i++)
		same = strcmp(bl->items[i].text, text[i]) == 0 && bl->items[i].level == level[i] &&
		       bl->items[i].number == number[i] && bl->items[i].mark == mark[i];
	CHECK("bullets with a numbered sub-list with bullets: flat, levels, numbers, markers", same);
	bl = &b->sections[0].blocks[1];
	CHECK("a numbered block", bl->kind == BLOCK_NUMBERED && bl->nitems == 3 && bl->items[1].number == 2 &&
					 bl->items[2].level == 1 && bl->items[2].number == 1 && bl->items[2].mark == 1);
	brief_free(b);
}

static void test_scalars(void)
{
	expect_ok("numbers and booleans are strings",
		  "title: 2018\nauthor: yes\ndate: 2016-02-29\nsources:\n  s: {file: a}\n" SECTION "      - text: true\n");
	expect_ok("spaces around the paragraph dash", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: 2 - 4}\n");
	expect_ok("a single cite string with a sentence", HEAD SECTION "      - text: x\n        cite: edm-2018 p10.3\n");
	expect_ok("aliases are expanded",
		  HEAD "summary:\n  - &p {text: x, cite: edm-2018}\n  - *p\n" SECTION "      - text: x\n");
}

static void test_errors(void)
{
	expect_error("empty file", "", "T/b.yaml:1:1: error: brief is empty\n");
	expect_error("comments only", "# nothing yet\n", "T/b.yaml:1:1: error: brief is empty\n");
	expect_error("top level is a list", "- title: x\n", "T/b.yaml:1:1: error: a brief must be a mapping, not a list\n");
	expect_error("top level is a string", "hello\n", "T/b.yaml:1:1: error: a brief must be a mapping, not a string\n");
	expect_error("missing required keys", "author: me\n",
		     "T/b.yaml:1:1: error: brief is missing the required key 'title'\n"
		     "T/b.yaml:1:1: error: brief is missing the required key 'date'\n"
		     "T/b.yaml:1:1: error: brief is missing the required key 'sources'\n"
		     "T/b.yaml:1:1: error: brief is missing the required key 'sections'\n");
	expect_error("unknown key, near miss", HEAD "sumary: []\n" SECTION "      - text: x\n",
		     "T/b.yaml:6:1: error: unknown key 'sumary' in brief; did you mean 'summary'?\n");
	expect_error("unknown key, no near miss", HEAD "weather: fine\n" SECTION "      - text: x\n",
		     "T/b.yaml:6:1: error: unknown key 'weather' in brief\n"
		     "T/b.yaml:6:1: note: allowed keys: title, subtitle, date, author, classification, marking, layout, lang, hyphenation, distribution, control, as-of, contact, draft, annex, sources, summary, sections\n");
	expect_error("duplicate key", HEAD "title: U\n" SECTION "      - text: x\n",
		     "T/b.yaml:6:1: error: duplicate key 'title' (first given at line 1)\n");
	expect_error("title is a list", "title: [a]\ndate: 2018-01-22\nsources: {s: {file: a}}\n" SECTION "      - text: x\n",
		     "T/b.yaml:1:8: error: title must be a string, not a list\n");
	expect_error("empty title", "title:\ndate: 2018-01-22\nsources: {s: {file: a}}\n" SECTION "      - text: x\n",
		     "T/b.yaml:1:7: error: title must not be empty\n");

	/* dates */
	expect_error("date not ISO", "title: T\ndate: January 22, 2018\nsources: {s: {file: a}}\n" SECTION "      - text: x\n",
		     "T/b.yaml:2:7: error: date must be an ISO date YYYY-MM-DD\n");
	expect_error("date without zero padding", "title: T\ndate: 2018-1-22\nsources: {s: {file: a}}\n" SECTION "      - text: x\n",
		     "T/b.yaml:2:7: error: date must be an ISO date YYYY-MM-DD\n");
	expect_error("February 30", "title: T\ndate: 2018-02-30\nsources: {s: {file: a}}\n" SECTION "      - text: x\n",
		     "T/b.yaml:2:7: error: 2018-02-30 is not a real date\n");
	expect_error("February 29 in a common year", "title: T\ndate: 1900-02-29\nsources: {s: {file: a}}\n" SECTION "      - text: x\n",
		     "T/b.yaml:2:7: error: 1900-02-29 is not a real date\n");
	expect_error("month 13", "title: T\ndate: 2018-13-01\nsources: {s: {file: a}}\n" SECTION "      - text: x\n",
		     "T/b.yaml:2:7: error: 2018-13-01 is not a real date\n");
	expect_error("bad lang", HEAD "lang: en_US\n" SECTION "      - text: x\n",
		     "T/b.yaml:6:7: error: lang must be a language tag such as en-US, not 'en_US'\n");

	/* sources */
	expect_error("sources is a list", "title: T\ndate: 2018-01-22\nsources: [a.txt]\n" SECTION "      - text: x\n",
		     "T/b.yaml:3:10: error: sources must be a mapping, not a list\n");
	expect_error("no sources", "title: T\ndate: 2018-01-22\nsources: {}\n" SECTION "      - text: x\n",
		     "T/b.yaml:3:10: error: sources must name at least one source\n");
	expect_error("source without file", "title: T\ndate: 2018-01-22\nsources:\n  s: {url: x}\n" SECTION "      - text: x\n",
		     "T/b.yaml:4:6: error: source 's' is missing the required key 'file'\n");
	expect_error("source key typo", "title: T\ndate: 2018-01-22\nsources:\n  s: {file: a, titel: x}\n" SECTION "      - text: x\n",
		     "T/b.yaml:4:16: error: unknown key 'titel' in source 's'; did you mean 'title'?\n");
	expect_error("source is a string", "title: T\ndate: 2018-01-22\nsources:\n  s: a.txt\n" SECTION "      - text: x\n",
		     "T/b.yaml:4:6: error: source 's' must be a mapping, not a string\n");
	expect_error("source id with a space", "title: T\ndate: 2018-01-22\nsources:\n  edm 2018: {file: a}\n" SECTION "      - text: x\n",
		     "T/b.yaml:4:3: error: source id 'edm 2018' must be a plain name (letters, digits, '-', '_', '.')\n");
	expect_error("duplicate source id", HEAD "  edm-2018: {file: c.txt}\n" SECTION "      - text: x\n",
		     "T/b.yaml:6:3: error: duplicate key 'edm-2018' (first given at line 4)\n");

	/* citations */
	expect_error("unknown cite source, near miss", HEAD SECTION "      - text: x\n        cite: edm-2019 p1\n",
		     "T/b.yaml:10:15: error: unknown source 'edm-2019'; did you mean 'edm-2018' or 'edm-2017'?\n");
	expect_error("unknown cite source, far", HEAD SECTION "      - text: x\n        cite: reuters\n",
		     "T/b.yaml:10:15: error: unknown source 'reuters'\n"
		     "T/b.yaml:10:15: note: the sources are: edm-2018, edm-2017\n");
	expect_error("invalid cite syntax", HEAD SECTION "      - text: x\n        cite: edm-2018 para 1\n",
		     "T/b.yaml:10:15: error: invalid cite 'edm-2018 para 1'; write a source id, optionally with a paragraph, a range of them or a sentence: 'edm-2018', 'edm-2018 p3', 'edm-2018 p3-5' or 'edm-2018 p3.2'\n");
	expect_error("cite p0", HEAD SECTION "      - text: x\n        cite: edm-2018 p0\n",
		     "T/b.yaml:10:15: error: invalid cite 'edm-2018 p0'; paragraph and sentence numbers start at 1\n");
	expect_error("cite sentence 0", HEAD SECTION "      - text: x\n        cite: edm-2018 p2.0\n",
		     "T/b.yaml:10:15: error: invalid cite 'edm-2018 p2.0'; paragraph and sentence numbers start at 1\n");
	expect_error("cite with a dangling dot", HEAD SECTION "      - text: x\n        cite: edm-2018 p2.\n",
		     "T/b.yaml:10:15: error: invalid cite 'edm-2018 p2.'; write a source id, optionally with a paragraph, a range of them or a sentence: 'edm-2018', 'edm-2018 p3', 'edm-2018 p3-5' or 'edm-2018 p3.2'\n");
	expect_error("cite number too long", HEAD SECTION "      - text: x\n        cite: edm-2018 p99999999999999999999\n",
		     "T/b.yaml:10:15: error: invalid cite 'edm-2018 p99999999999999999999'; write a source id, optionally with a paragraph, a range of them or a sentence: 'edm-2018', 'edm-2018 p3', 'edm-2018 p3-5' or 'edm-2018 p3.2'\n");
	expect_error("errors in a list of cites", HEAD SECTION "      - text: x\n        cite: [edm-2018 p1, edm-2O18 p2, edm-2017 q]\n",
		     "T/b.yaml:10:29: error: unknown source 'edm-2O18'; did you mean 'edm-2018'?\n"
		     "T/b.yaml:10:42: error: invalid cite 'edm-2017 q'; write a source id, optionally with a paragraph, a range of them or a sentence: 'edm-2017', 'edm-2017 p3', 'edm-2017 p3-5' or 'edm-2017 p3.2'\n");
	expect_error("cite range reversed", HEAD SECTION "      - text: x\n        cite: edm-2018 p4-1\n",
		     "T/b.yaml:10:15: error: paragraph range 4-1 is reversed; write 1-4\n");
	expect_error("cite range of one", HEAD SECTION "      - text: x\n        cite: edm-2018 p3-3\n",
		     "T/b.yaml:10:15: error: paragraph range 3-3 is one paragraph; write p3\n");
	expect_error("cite range with no end", HEAD SECTION "      - text: x\n        cite: edm-2018 p3-\n",
		     "T/b.yaml:10:15: error: invalid cite 'edm-2018 p3-'; write a source id, optionally with a paragraph, a range of them or a sentence: 'edm-2018', 'edm-2018 p3', 'edm-2018 p3-5' or 'edm-2018 p3.2'\n");
	expect_error("cite is a mapping", HEAD SECTION "      - text: x\n        cite: {source: edm-2018}\n",
		     "T/b.yaml:10:15: error: cite must be a string or a list of strings, not a mapping\n");
	expect_error("cite next to a quote", HEAD SECTION "      - quote: {source: edm-2018, text: x}\n        cite: edm-2018\n",
		     "T/b.yaml:10:9: error: 'cite' belongs next to 'text' only; a quote names its source inside\n");
	{
		strbuf sb = {0};
		sb_puts(&sb, HEAD SECTION "      - text: x\n        cite: [");
		for (int i = 0; i < BRIEF_MAX_CITES + 1; i++)
			sb_printf(&sb, "%sedm-2018", i ? ", " : "");
		sb_puts(&sb, "]\n");
		char *want = xasprintf("T/b.yaml:10:%d: error: more than 16 citations for one item\n",
				       16 + BRIEF_MAX_CITES * 10);
		expect_error("too many cites", sb.data, want);
		free(want);
		sb_free(&sb);
	}

	/* summary and items */
	expect_error("summary is a mapping", HEAD "summary: {a: b}\n" SECTION "      - text: x\n",
		     "T/b.yaml:6:10: error: summary must be a list, not a mapping\n");
	expect_error("summary item is a list", HEAD "summary:\n  - [a]\n" SECTION "      - text: x\n",
		     "T/b.yaml:7:5: error: summary item must be a string or a mapping with 'text' (and 'cite'), not a list\n");
	expect_error("summary item without text", HEAD "summary:\n  - cite: edm-2018\n" SECTION "      - text: x\n",
		     "T/b.yaml:7:5: error: summary item is missing the required key 'text'\n");
	expect_error("summary item key typo", HEAD "summary:\n  - {text: a, cites: edm-2018}\n" SECTION "      - text: x\n",
		     "T/b.yaml:7:15: error: unknown key 'cites' in summary item; did you mean 'cite'?\n");
	expect_error("empty summary item", HEAD "summary:\n  - \"\"\n" SECTION "      - text: x\n",
		     "T/b.yaml:7:5: error: summary item must not be empty\n");

	/* sections and blocks */
	expect_error("sections is a mapping", HEAD "sections: {a: b}\n", "T/b.yaml:6:11: error: sections must be a list, not a mapping\n");
	expect_error("no sections", HEAD "sections: []\n", "T/b.yaml:6:11: error: sections must not be an empty list\n");
	expect_error("section without heading and content", HEAD "sections:\n  - {}\n",
		     "T/b.yaml:7:5: error: section 1 is missing the required key 'heading'\n"
		     "T/b.yaml:7:5: error: section 1 needs content, or sections of its own\n");
	expect_error("section is a string", HEAD "sections:\n  - Intro\n", "T/b.yaml:7:5: error: section 1 must be a mapping, not a string\n");
	expect_error("empty content", HEAD "sections:\n  - heading: H\n    content: []\n",
		     "T/b.yaml:8:14: error: content must not be an empty list\n");
	expect_error("block is a string", HEAD SECTION "      - Some words\n",
		     "T/b.yaml:9:9: error: a block must be a mapping, not a string\n"
		     "T/b.yaml:9:9: note: write '- text: ...' for a paragraph of your own\n");
	expect_error("block without a kind", HEAD SECTION "      - cite: edm-2018\n",
		     "T/b.yaml:9:9: error: block must have one of: text, bullets, numbered, quote, excerpt, figure, box, table, chronology\n");
	expect_error("block kind typo", HEAD SECTION "      - exerpt: {source: edm-2018, paragraphs: 1}\n",
		     "T/b.yaml:9:9: error: unknown key 'exerpt' in block; did you mean 'excerpt'?\n");
	expect_error("two kinds in a block", HEAD SECTION "      - text: a\n        bullets: [b]\n",
		     "T/b.yaml:10:9: error: block has both 'text' and 'bullets'; a block must have exactly one of: text, bullets, numbered, quote, excerpt, figure, box, table, chronology\n");
	expect_error("empty text", HEAD SECTION "      - text: \"  \"\n", "T/b.yaml:9:15: error: text must not be empty\n");
	expect_error("null text", HEAD SECTION "      - text:\n", "T/b.yaml:9:14: error: text must not be empty\n");
	expect_error("NUL escape in text", HEAD SECTION "      - text: \"a\\0b\"\n", "T/b.yaml:9:15: error: text contains a NUL character\n");
	expect_error("empty bullets", HEAD SECTION "      - bullets: []\n", "T/b.yaml:9:18: error: bullets must not be an empty list\n");
	expect_error("bullets is a string", HEAD SECTION "      - bullets: one\n", "T/b.yaml:9:18: error: bullets must be a list, not a string\n");

	/* quotes */
	expect_error("quote without text", HEAD SECTION "      - quote: {source: edm-2018}\n",
		     "T/b.yaml:9:16: error: quote is missing the required key 'text'\n");
	expect_error("quote is a string", HEAD SECTION "      - quote: he said\n",
		     "T/b.yaml:9:16: error: 'quote:' takes its keys under it, not a string\n"
		     "T/b.yaml:9:16: note: write 'quote:' alone and, two spaces further in on the lines below it, this "
		     "value as 'text: ...'\n");
	expect_error("quote from an unknown source", HEAD SECTION "      - quote: {source: edm-2016, text: x}\n",
		     "T/b.yaml:9:25: error: unknown source 'edm-2016'; did you mean 'edm-2018' or 'edm-2017'?\n");
	expect_error("quote key typo", HEAD SECTION "      - quote: {source: edm-2018, text: x, speeker: P}\n",
		     "T/b.yaml:9:44: error: unknown key 'speeker' in quote; did you mean 'speaker'?\n");
	expect_error("highlight mapping", HEAD SECTION "      - quote: {source: edm-2018, text: x, highlight: {a: b}}\n",
		     "T/b.yaml:9:55: error: highlight must be a string or a list of strings, not a mapping\n");
	expect_error("empty highlight", HEAD SECTION "      - quote: {source: edm-2018, text: x, highlight: [a, \"\"]}\n",
		     "T/b.yaml:9:59: error: highlight must not be empty\n");

	/* excerpts */
	expect_error("excerpt without selector", HEAD SECTION "      - excerpt: {source: edm-2018}\n",
		     "T/b.yaml:9:18: error: excerpt needs one of: paragraphs, from and to, text\n");
	expect_error("excerpt without source", HEAD SECTION "      - excerpt: {paragraphs: 1}\n",
		     "T/b.yaml:9:18: error: excerpt is missing the required key 'source'\n");
	expect_error("two selectors", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: 1, text: x}\n",
		     "T/b.yaml:9:52: error: excerpt has both 'paragraphs' and 'text'; give exactly one of: paragraphs, from and to, text\n");
	expect_error("from/to and text", HEAD SECTION "      - excerpt: {source: edm-2018, from: a, to: b, text: x}\n",
		     "T/b.yaml:9:53: error: excerpt has both 'from/to' and 'text'; give exactly one of: paragraphs, from and to, text\n");
	expect_error("from without to", HEAD SECTION "      - excerpt: {source: edm-2018, from: a}\n",
		     "T/b.yaml:9:37: error: excerpt has 'from' but no 'to'; give both\n");
	expect_error("to without from", HEAD SECTION "      - excerpt: {source: edm-2018, to: a}\n",
		     "T/b.yaml:9:37: error: excerpt has 'to' but no 'from'; give both\n");
	expect_error("reversed range", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: 3-1}\n",
		     "T/b.yaml:9:49: error: paragraph range 3-1 is reversed; write 1-3\n");
	expect_error("paragraph 0", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: 0}\n",
		     "T/b.yaml:9:49: error: paragraph numbers start at 1, not 0\n");
	expect_error("range from 0", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: 0-2}\n",
		     "T/b.yaml:9:49: error: paragraph numbers start at 1, not 0\n");
	expect_error("negative paragraph", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: -1}\n",
		     "T/b.yaml:9:49: error: paragraphs must be a number or a range such as 2-4, not '-1'\n");
	expect_error("paragraphs not a number", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: first}\n",
		     "T/b.yaml:9:49: error: paragraphs must be a number or a range such as 2-4, not 'first'\n");
	expect_error("open range", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: 2-}\n",
		     "T/b.yaml:9:49: error: paragraphs must be a number or a range such as 2-4, not '2-'\n");
	expect_error("paragraphs as a list", HEAD SECTION "      - excerpt: {source: edm-2018, paragraphs: [1, 2]}\n",
		     "T/b.yaml:9:49: error: paragraphs must be a number or a range such as 2-4, not a list\n");
	expect_error("empty excerpt text", HEAD SECTION "      - excerpt: {source: edm-2018, text: ''}\n",
		     "T/b.yaml:9:43: error: text must not be empty\n");
	expect_error("excerpt is a list", HEAD SECTION "      - excerpt: [edm-2018, 1]\n",
		     "T/b.yaml:9:18: error: excerpt must be a mapping, not a list\n");

	/* all errors of a brief in one run, in document order */
	expect_error("several errors in one run",
		     "title: T\ndate: 2018-02-30\nsources:\n  edm-2018: {file: a.txt}\n" SECTION
		     "      - excerpt: {source: edm-2018, paragraphs: 3-1}\n"
		     "      - quote: {source: edm-2019, text: x}\n"
		     "      - text: y\n        cite: edm-2018 p\n",
		     "T/b.yaml:2:7: error: 2018-02-30 is not a real date\n"
		     "T/b.yaml:8:49: error: paragraph range 3-1 is reversed; write 1-3\n"
		     "T/b.yaml:9:25: error: unknown source 'edm-2019'; did you mean 'edm-2018'?\n"
		     "T/b.yaml:11:15: error: invalid cite 'edm-2018 p'; write a source id, optionally with a paragraph, a range of them or a sentence: 'edm-2018', 'edm-2018 p3', 'edm-2018 p3-5' or 'edm-2018 p3.2'\n");
	/* the diagnostic cap: 25 bad blocks give 20 errors and one "too many" line */
	{
		strbuf sb = {0};
		sb_puts(&sb, HEAD SECTION);
		for (int i = 0; i < 25; i++)
			sb_puts(&sb, "      - {}\n");
		brief *b = NULL;
		char *got = try_brief(sb.data, &b);
		int lines = 0;
		for (char *p = got; *p; p++)
			lines += *p == '\n';
		CHECK("error cap: 21 lines", lines == 21);
		CHECK("error cap: last line", strstr(got, "mkbrief: error: too many errors (20); stopping\n") != NULL);
		CHECK("error cap: nothing loaded", b == NULL);
		brief_free(b);
		free(got);
		sb_free(&sb);
	}
}

static void test_missing_file(void)
{
	brief *b = NULL;
	char *got = load("no/such/brief.yaml", &b);
	CHECK_STR("missing brief file", got, "no/such/brief.yaml: error: cannot read: no such file\n");
	CHECK("missing brief file: NULL", b == NULL);
	free(got);
	brief_free(NULL); /* harmless */
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_model();
	test_defaults();
	test_lists();
	test_scalars();
	test_errors();
	test_missing_file();
	rmdir(tmpdir);
	CHECK_DONE();
}
