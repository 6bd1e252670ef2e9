/* test_resolve.c: quotes, excerpts, highlights and citations resolved against the real
 * sources, on briefs built by hand (no YAML), with the exact messages. */
#include <stdlib.h>
#include <string.h>

#include "load/brief.h"
#include "check.h"
#include "resolve/resolve.h"
#include "base/util.h"

#define F2018 "articles/edm-2018-v15i7-russia-uses-korean-crisis.txt"
#define F2017 "articles/edm-2017-v14i42-another-russian-failure.txt"

/* A brief with the two real sources and one section of nblocks empty blocks. */
static brief *new_brief(size_t nblocks)
{
	brief *b = brief_new("briefs/t.yaml");
	b->path = brief_keep(b, "t.yaml");
	b->nsources = 2;
	b->sources = xcalloc(2, sizeof *b->sources);
	const char *ids[] = {"edm-2018", "edm-2017"}, *files[] = {F2018, F2017};
	for (int i = 0; i < 2; i++) {
		b->sources[i].id = brief_keep(b, ids[i]);
		b->sources[i].file = brief_keep(b, files[i]);
		char *path = xasprintf("briefs/%s", files[i]);
		b->sources[i].path = brief_keep(b, path);
		free(path);
		b->sources[i].at = loc_at("t.yaml", 3 + i, 3);
	}
	b->nsections = 1;
	b->sections = xcalloc(1, sizeof *b->sections);
	b->sections[0].heading = brief_keep(b, "S");
	b->sections[0].nblocks = nblocks;
	b->sections[0].blocks = xcalloc(nblocks, sizeof(block));
	for (size_t i = 0; i < nblocks; i++) {
		b->sections[0].blocks[i].source = -1;
		b->sections[0].blocks[i].at = loc_at("t.yaml", 10 + (int)i * 10, 5);
	}
	return b;
}

static block *blk(brief *b, size_t i)
{
	return &b->sections[0].blocks[i];
}

static void quote(brief *b, size_t i, int src, const char *text)
{
	block *bl = blk(b, i);
	bl->kind = BLOCK_QUOTE;
	bl->sel = SEL_TEXT;
	bl->source = src;
	bl->text = brief_keep(b, text);
	bl->text_at = loc_at("t.yaml", bl->at.line + 1, 13);
}

static void highlight(brief *b, size_t i, const char *h)
{
	block *bl = blk(b, i);
	bl->highlight = xrealloc(bl->highlight, (bl->nhighlight + 1) * sizeof *bl->highlight);
	bl->highlight[bl->nhighlight] =
		(phrase){brief_keep(b, h), loc_at("t.yaml", bl->at.line + 2, 20 + (int)bl->nhighlight)};
	bl->nhighlight++;
}

static void paras(brief *b, size_t i, int src, int from, int to)
{
	block *bl = blk(b, i);
	bl->kind = BLOCK_EXCERPT;
	bl->sel = SEL_PARAS;
	bl->source = src;
	bl->para_from = from;
	bl->para_to = to;
}

static void from_to(brief *b, size_t i, int src, const char *from, const char *to)
{
	block *bl = blk(b, i);
	bl->kind = BLOCK_EXCERPT;
	bl->sel = SEL_FROM_TO;
	bl->source = src;
	bl->from = brief_keep(b, from);
	bl->to = brief_keep(b, to);
	bl->from_at = loc_at("t.yaml", bl->at.line + 1, 13);
	bl->to_at = loc_at("t.yaml", bl->at.line + 2, 11);
}

static void text_cites(brief *b, size_t i, int src, int para, int sent)
{
	block *bl = blk(b, i);
	bl->kind = BLOCK_TEXT;
	bl->nitems = 1;
	bl->items = xcalloc(1, sizeof *bl->items);
	bl->items[0].text = brief_keep(b, "Analyst words.");
	bl->items[0].ncites = 1;
	bl->items[0].cites[0].source = src;
	bl->items[0].cites[0].para = para;
	bl->items[0].cites[0].sent = sent;
	bl->items[0].cites[0].at = loc_at("t.yaml", bl->at.line + 1, 11);
}

/* Resolves b; returns the messages (caller frees) and sets *rc. */
static char *resolve(brief *b, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, f);
	*rc = brief_resolve(b, &d);
	fclose(f);
	return buf;
}

static char *span_text(const brief *b, const block *bl, const span *s)
{
	const article *a = b->sources[bl->source].art;
	return xstrndup(a->text + s->r.start, s->r.end - s->r.start);
}

static void good(void)
{
	brief *b = new_brief(6);
	quote(b, 0, 0, "won the game and achieved his strategic goal -- he has a nuclear weapon");
	highlight(b, 0, "strategic goal");
	highlight(b, 0, "nuclear weapon");
	quote(b, 1, 1, "Moscow has essentially surrendered any hope [...] to its global narrative of US perfidy.");
	paras(b, 2, 0, 2, 3);
	from_to(b, 3, 1, "Thus, according to Moscow", "no answer.");
	text_cites(b, 4, 0, 3, 7);
	text_cites(b, 5, 1, 0, 0);
	int rc;
	char *out = resolve(b, &rc);
	CHECK("good brief resolves", rc == 0);
	CHECK_STR("good brief is silent", out, "");
	free(out);
	CHECK("articles loaded", b->sources[0].art && b->sources[1].art && b->sources[0].art->nparas == 6);

	block *q = blk(b, 0);
	CHECK("quote: one span in paragraph 1", q->nspans == 1 && q->spans[0].para == 0);
	char *t = q->nspans ? span_text(b, q, &q->spans[0]) : NULL;
	CHECK_STR("quote span is the source's bytes", t,
		  "won the game and achieved his strategic goal\xE2\x80\x94he has a nuclear weapon");
	free(t);
	CHECK("two marks", q->nmarks == 2);
	if (q->nmarks == 2) {
		t = span_text(b, q, &q->marks[0]);
		CHECK_STR("mark 1", t, "strategic goal");
		free(t);
		t = span_text(b, q, &q->marks[1]);
		CHECK_STR("mark 2", t, "nuclear weapon");
		free(t);
	}
	q = blk(b, 1);
	CHECK("elided quote: two spans of paragraph 1", q->nspans == 2 && q->spans[0].para == 0 && q->spans[1].para == 0);
	if (q->nspans == 2) {
		t = span_text(b, q, &q->spans[1]);
		CHECK_STR("second piece", t, "to its global narrative of US perfidy.");
		free(t);
	}
	block *e = blk(b, 2);
	CHECK("paragraphs 2-3: two whole paragraphs", e->nspans == 2 && e->spans[0].para == 1 && e->spans[1].para == 2 &&
							     e->spans[0].r.start == b->sources[0].art->paras[1].r.start &&
							     e->spans[1].r.end == b->sources[0].art->paras[2].r.end);
	e = blk(b, 3);
	CHECK("from/to spans two paragraphs", e->nspans == 2 && e->spans[0].para == 3 && e->spans[1].para == 4);
	if (e->nspans == 2) {
		t = span_text(b, e, &e->spans[1]);
		CHECK_STR("to ends the excerpt",
			  t, "So what does Moscow propose as an appropriate solution to the problems posed by the DPRK\xE2\x80\x99s "
			     "nuclear and missile programs? Here, there is effectively no answer.");
		free(t);
	}
	brief_free(b);
}

static void failures(void)
{
	brief *b = new_brief(9);
	quote(b, 0, 0, "Moscow and Pyongyang share the same veroyatny protivnik, but that does not make them direct allies.");
	quote(b, 1, 0, "four command-and-control SU 83M6E2 centers");
	paras(b, 2, 0, 5, 9);
	text_cites(b, 3, 0, 9, 0);
	text_cites(b, 4, 0, 3, 12);
	quote(b, 5, 0, "the DPRK");
	quote(b, 6, 0, "a mature and \"absolutely learned politician.\"");
	highlight(b, 6, "learned");
	highlight(b, 6, "Putin");
	from_to(b, 7, 1, "Thus, according to Moscow", "Although Moscow recently");
	from_to(b, 8, 1, "Thus, according to Moscow", "this is teh case");
	int rc;
	char *out = resolve(b, &rc);
	CHECK("failures: resolve fails", rc == -1);
	CHECK_STR("failures: every message", out,
		  "t.yaml:11:13: error: quote not found in source 'edm-2018' (" F2018 ")\n"
		  F2018 ":11:1: note: closest passage, paragraph 3: \xE2\x80\x9CMoscow and Pyongyang share the same veroyatny "
		  "protivnk, but that does not make them direct allies.\xE2\x80\x9D\n"
		  F2018 ":11:54: note: you typed 'protivnik', the source has 'protivnk'\n"
		  "t.yaml:21:13: error: quote not found in source 'edm-2018' (" F2018 ")\n"
		  F2018 ":17:564: note: closest passage, paragraph 6: \xE2\x80\x9C"
		  "four command-and-control SU 83\xD0\x9C" "6\xD0\x95" "2 centers\xE2\x80\x9D\n"
		  F2018 ":17:594: note: the source has CYRILLIC CAPITAL LETTER EM (U+041C) where you typed LATIN CAPITAL "
		  "LETTER M (U+004D); copy the text from the source\n"
		  F2018 ":17:596: note: the source has CYRILLIC CAPITAL LETTER IE (U+0415) where you typed LATIN CAPITAL "
		  "LETTER E (U+0045); copy the text from the source\n"
		  "t.yaml:30:5: error: paragraph 9 is out of range: 'edm-2018' has 6 paragraphs\n"
		  "t.yaml:41:11: error: paragraph 9 is out of range: 'edm-2018' has 6 paragraphs\n"
		  "t.yaml:51:11: error: sentence 12 is out of range: paragraph 3 of 'edm-2018' has 7 sentences\n"
		  "t.yaml:61:13: warning: quote found 7 times in source 'edm-2018': using the first (p2.5); "
		  "also at p2.6, p3.2, p3.3, p3.7, p4.1, p5.4\n"
		  "t.yaml:72:21: error: highlight 'Putin' not found in the quote\n"
		  "t.yaml:82:11: error: excerpt 'to' text not found after the 'from' text in source 'edm-2017' (" F2017 ")\n"
		  "t.yaml:82:11: note: it occurs only before the 'from' text, in paragraph 2\n"
		  "t.yaml:92:11: error: excerpt 'to' text not found after the 'from' text in source 'edm-2017' (" F2017 ")\n"
		  F2017 ":17:560: note: closest passage, paragraph 6: \xE2\x80\x9Cthat is the case\xE2\x80\x9D\n"
		  F2017 ":17:562: note: you typed 'this', the source has 'that'\n");
	free(out);
	CHECK("a failed quote has no spans", blk(b, 0)->nspans == 0);
	CHECK("the repeated quote resolves to its first occurrence", blk(b, 5)->nspans == 1 && blk(b, 5)->spans[0].para == 1);
	CHECK("the found highlight is kept", blk(b, 6)->nmarks == 1);
	brief_free(b);
}

static void broken_sources(void)
{
	brief *b = new_brief(3);
	b->sources[0].path = brief_keep(b, "briefs/articles/missing.txt");
	b->sources[0].file = brief_keep(b, "articles/missing.txt");
	quote(b, 0, 0, "anything at all");
	text_cites(b, 1, 0, 40, 0);
	quote(b, 2, -1, "a block whose source was unknown");
	blk(b, 2)->source = 1; /* a partially filled block: the loader reported its missing text */
	blk(b, 2)->text = NULL;
	int rc;
	char *out = resolve(b, &rc);
	CHECK("missing source fails", rc == -1);
	CHECK_STR("missing source: one error, its blocks skipped", out,
		  "t.yaml:3:3: error: cannot read source 'articles/missing.txt': no such file\n");
	free(out);
	brief_free(b);

	/* many failures stop at the diagnostic cap without crashing */
	b = new_brief(40);
	for (size_t i = 0; i < 40; i++)
		quote(b, i, 0, "words that are nowhere in it");
	out = resolve(b, &rc);
	CHECK("cap: fails", rc == -1);
	CHECK("cap: stops", out && strstr(out, "mkbrief: error: too many errors (20); stopping\n"));
	free(out);
	brief_free(b);

	/* an empty model */
	b = brief_new("t.yaml");
	out = resolve(b, &rc);
	CHECK("empty brief resolves", rc == 0);
	free(out);
	brief_free(b);
}

int main(void)
{
	good();
	failures();
	broken_sources();
	CHECK_DONE();
}
