/* passage.c: the resolver of quotes and excerpts: pins their words, from/to pairs,
 * paragraphs and highlights to byte ranges of the source, reporting each that does not hold
 * with the closest passage. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "load/article.h"
#include "load/sentences.h"
#include "resolve/differ.h"
#include "resolve/matcher.h"
#include "resolve/negation.h"
#include "resolve/resolver.h"

static const char *src_file(const source *s)
{
	return s->file ? s->file : s->art->display;
}

/* "... found 4 times ...: using the first (p2.5); also at p3.2, p4.1 (2 times)" (the first's
 * own sentence: "p2.5 once more"): each
 * sentence once, in the notation cites use, with how often when more than once. */
static void warn_others(resolver *R, loc at, const char *what, const source *s, const match *r)
{
	if (r->nothers == 0)
		return;
	const article *a = s->art;
	int p0 = r->spans[0].para;
	size_t s0 = article_sentence_of(&a->paras[p0], r->spans[0].r.start) + 1;
	strbuf sb = {0};
	size_t listed = 0, i = 0;
	while (i < r->nothers && listed < 8) {
		int p = r->others[i].para;
		size_t sent = article_sentence_of(&a->paras[p], r->others[i].r.start) + 1, times = 1;
		/* others come in reading order: the same sentence's are neighbours */
		while (i + times < r->nothers && r->others[i + times].para == p &&
		       article_sentence_of(&a->paras[p], r->others[i + times].r.start) + 1 == sent)
			times++;
		if (p == p0 && sent == s0)
			sb_printf(&sb, times == 1 ? "%sp%d.%zu once more" : "%sp%d.%zu %zu more times", listed ? ", " : "",
				  p + 1, sent, times);
		else if (times > 1)
			sb_printf(&sb, "%sp%d.%zu (%zu times)", listed ? ", " : "", p + 1, sent, times);
		else
			sb_printf(&sb, "%sp%d.%zu", listed ? ", " : "", p + 1, sent);
		listed++;
		i += times;
	}
	if (i < r->nothers)
		sb_printf(&sb, " and %zu more", r->nothers - i);
	diag_warning(R->d, at, "%s found %zu times in source '%s': using the first (p%d.%zu); also at %s", what,
		     r->nothers + 1, s->id, p0 + 1, s0, sb.data);
	sb_free(&sb);
}

/* An elision of r that leaves out a negating word ("We will not review" quoted as "We will
 * […] review"): the quote may say the opposite of its source, which only its […] shows.
 * A warning, for the first such word. */
static void warn_negation(resolver *R, loc at, const char *what, const source *s, const match *r)
{
	const article *a = s->art;
	for (size_t k = 0; k + 1 < r->nspans; k++) {
		if (r->spans[k].para != r->spans[k + 1].para)
			continue;
		size_t off, n = negation_beside(a->text, r->spans[k].r.end, r->spans[k + 1].r.start, &off);
		if (!n)
			continue;
		int p = r->spans[k].para;
		diag_warning(R->d, at, "%s leaves out '%.*s' at elision %zu (p%d.%zu): it may say the opposite of its source",
			     what, (int)n, a->text + off, k + 1, p + 1, article_sentence_of(&a->paras[p], off) + 1);
		diag_note(R->d, differ_art_loc(a, off),
			  "quote the words with '%.*s' in them, or cut where nothing that turns the meaning is left out",
			  (int)n, a->text + off);
		return;
	}
}

static int empty_text(const char *s)
{
	if (!s)
		return 1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == 0;
}

static void take_spans(block *bl, match *r)
{
	free(bl->spans);
	bl->spans = r->spans;
	bl->nspans = r->nspans;
	r->spans = NULL;
	r->nspans = 0;
}

/* Words not found in their block's source but in another of the brief's, whole: the
 * likelier mistake is the source named. Says so and returns 1. */
static int in_other_source(resolver *R, const block *bl, const char *words, loc at)
{
	for (size_t i = 0; i < R->b->nsources; i++) {
		const source *o = &R->b->sources[i];
		if ((int)i == bl->source || R->owner[i] == R->owner[bl->source] || !o->art)
			continue;
		match r;
		if (match_text(resolver_matcher(R, (int)i), words, &r)) {
			diag_note(R->d, at, "these words are in source '%s' (%s), paragraph %d: did you mean source: %s?",
				  o->id, src_file(o), r.spans[0].para + 1, o->id);
			match_clear(&r);
			return 1;
		}
	}
	return 0;
}

/* A reference mark typed in the words that the source does not set there ("it.[7] It" for
 * its "it. It"): a quote may leave a mark out, but one it copies must be the source's, else
 * it points the reader at a note that is not there. An error at the mark; returns 1. */
static int mark_unset_error(resolver *R, const block *bl, const source *s, const char *what, const match *r)
{
	mark_unset mu;
	if (!match_mark_unset(resolver_matcher(R, bl->source), bl->text, r, &mu))
		return 0;
	loc at = bl->text_words_at;
	for (size_t b = 0; at.col > 0 && b < mu.typed; b++)
		at.col += ((unsigned char)bl->text[b] & 0xC0) != 0x80;
	if (at.col <= 0)
		at = bl->text_at;
	diag_error(R->d, at, "%s has the reference mark '%.*s', which source '%s' does not set there", what,
		   (int)mu.typed_len, bl->text + mu.typed, s->id);
	if (mu.src_len)
		diag_note(R->d, differ_art_loc(s->art, mu.src_at), "the source sets '%.*s' there: copy it, or leave the mark out",
			  (int)mu.src_len, s->art->text + mu.src_at);
	else
		diag_note(R->d, differ_art_loc(s->art, mu.src_at),
			  "the source has no mark here: leave it out (a quote may leave out the source's marks, never add one)");
	return 1;
}

static void resolve_text(resolver *R, block *bl, const source *s, const char *what)
{
	if (!bl->text)
		return; /* missing: the loader said so */
	matcher *m = resolver_matcher(R, bl->source);
	if (empty_text(bl->text)) {
		diag_error(R->d, bl->text_at, "%s text is empty", what);
		return;
	}
	match r;
	if (!match_text(m, bl->text, &r)) {
		diag_error(R->d, bl->text_at, "%s not found in source '%s' (%s)", what, s->id, src_file(s));
		if (!in_other_source(R, bl, bl->text, bl->text_at))
			match_explain(m, bl->text, bl->text_words_at, R->d);
		return;
	}
	if (mark_unset_error(R, bl, s, what, &r)) {
		match_clear(&r);
		return;
	}
	warn_others(R, bl->text_at, what, s, &r);
	warn_negation(R, bl->text_at, what, s, &r);
	take_spans(bl, &r);
	match_clear(&r);
}

static void resolve_from_to(resolver *R, block *bl, const source *s)
{
	if (!bl->from || !bl->to)
		return;
	matcher *m = resolver_matcher(R, bl->source);
	if (empty_text(bl->from) || empty_text(bl->to)) {
		diag_error(R->d, empty_text(bl->from) ? bl->from_at : bl->to_at, "excerpt '%s' text is empty",
			   empty_text(bl->from) ? "from" : "to");
		return;
	}
	match r;
	match_status st = match_from_to(m, bl->from, bl->to, &r);
	if (st == MATCH_NO_FROM) {
		diag_error(R->d, bl->from_at, "excerpt 'from' text not found in source '%s' (%s)", s->id, src_file(s));
		if (!in_other_source(R, bl, bl->from, bl->from_at))
			match_explain(m, bl->from, bl->from_words_at, R->d);
		return;
	}
	if (st == MATCH_NO_TO) {
		diag_error(R->d, bl->to_at, "excerpt 'to' text not found after the 'from' text in source '%s' (%s)", s->id,
			   src_file(s));
		match elsewhere;
		if (match_text(m, bl->to, &elsewhere)) {
			diag_note(R->d, bl->to_at, "it occurs only before the 'from' text, in paragraph %d",
				  elsewhere.spans[0].para + 1);
			match_clear(&elsewhere);
		} else {
			match_explain(m, bl->to, bl->to_words_at, R->d);
		}
		return;
	}
	warn_others(R, bl->from_at, "excerpt 'from' text", s, &r);
	take_spans(bl, &r);
	match_clear(&r);
}

static void resolve_paras(resolver *R, block *bl, const source *s)
{
	size_t n = s->art->nparas;
	int bad = bl->para_from < 1 || (size_t)bl->para_from > n ? bl->para_from
		  : bl->para_to < bl->para_from || (size_t)bl->para_to > n ? bl->para_to
									    : 0;
	if (bad || bl->para_from < 1) {
		diag_error(R->d, bl->paras_at.file ? bl->paras_at : bl->at, "paragraph %d is out of range: '%s' has %zu paragraph%s", bad, s->id, n,
			   n == 1 ? "" : "s");
		return;
	}
	free(bl->spans);
	bl->nspans = (size_t)(bl->para_to - bl->para_from + 1);
	bl->spans = xmalloc(bl->nspans * sizeof *bl->spans);
	for (size_t i = 0; i < bl->nspans; i++) {
		int p = bl->para_from - 1 + (int)i;
		bl->spans[i].para = p;
		bl->spans[i].r = s->art->paras[p].r;
	}
}

static void resolve_highlights(resolver *R, block *bl)
{
	if (!bl->nhighlight || !bl->nspans)
		return;
	matcher *m = resolver_matcher(R, bl->source);
	free(bl->marks);
	bl->marks = xmalloc(bl->nhighlight * sizeof *bl->marks);
	bl->nmarks = 0;
	for (size_t i = 0; i < bl->nhighlight; i++) {
		loc at = bl->highlight[i].at;
		const char *h = bl->highlight[i].text;
		if (!h)
			continue;
		if (empty_text(h)) {
			diag_error(R->d, at, "highlight is empty");
			continue;
		}
		span sp;
		if (match_in_spans(m, bl->spans, bl->nspans, h, &sp))
			bl->marks[bl->nmarks++] = sp;
		else
			diag_error(R->d, at, "highlight '%s' not found in the quote", h);
	}
}

/* Quotes and excerpts: the words, the from/to pair or the paragraphs they name, and a
 * quote's highlights. */
/* A closing mark: it closes one opened before it, or one opened before the text began. */
static void closes(int *opened, int *unmatched)
{
	if (*opened > 0)
		(*opened)--;
	else
		(*unmatched)++;
}

enum { MARK_CURLY, MARK_SINGLE, MARK_PAREN, MARK_BRACKET, MARK_KINDS };

/* The quotation marks and brackets of a passage: those it leaves open, and those it closes
 * without opening them (opened before it began). Straight double quotes are counted by
 * their parity; a ’ before a letter is an apostrophe. */
typedef struct mark_balance {
	int straight;
	int open[MARK_KINDS];
	int unopened[MARK_KINDS];
} mark_balance;

static mark_balance balance_of(const char *t, range r)
{
	mark_balance m = {0};
	for (size_t i = r.start; i < r.end; i++) {
		const unsigned char *u = (const unsigned char *)t + i;
		if (u[0] == '"')
			m.straight ^= 1;
		else if (u[0] == '(')
			m.open[MARK_PAREN]++;
		else if (u[0] == ')')
			closes(&m.open[MARK_PAREN], &m.unopened[MARK_PAREN]);
		else if (u[0] == '[')
			m.open[MARK_BRACKET]++;
		else if (u[0] == ']')
			closes(&m.open[MARK_BRACKET], &m.unopened[MARK_BRACKET]);
		else if (u[0] == 0xE2 && i + 2 < r.end && u[1] == 0x80) {
			if (u[2] == 0x9C)
				m.open[MARK_CURLY]++;
			else if (u[2] == 0x9D)
				closes(&m.open[MARK_CURLY], &m.unopened[MARK_CURLY]);
			else if (u[2] == 0x98)
				m.open[MARK_SINGLE]++;
			else if (u[2] == 0x99 && !(i + 3 < r.end && g_ascii_isalpha(t[i + 3])))
				closes(&m.open[MARK_SINGLE], &m.unopened[MARK_SINGLE]);
		}
	}
	return m;
}

/* An excerpt that stops inside a quotation or a parenthesis the source closes right after
 * its last word ("a defeat on the ground." before the source's closing quote) ends with
 * the closing marks too: else it prints an opening quote never closed, and an elision
 * mark that stands for nothing but the quote mark. Straight double quotes are counted,
 * curly ones and brackets paired; a straight single quote may be an apostrophe and is
 * left alone. It takes the reference marks after its last word too ("anchors.[2][3]"), as
 * it prints those inside it ("[1, 2]", "decade.²", "it.12" as matching reads them): else an
 * elision mark stands for the marks alone. */
static void close_quotations(block *bl, const article *a)
{
	if (bl->nspans == 0)
		return;
	span *sp = &bl->spans[bl->nspans - 1];
	const char *t = a->text;
	size_t start = a->paras[sp->para].r.start, end = a->paras[sp->para].r.end;
	mark_balance m = balance_of(t, sp->r);
	int *open = m.open;
	size_t e = sp->r.end, mark;
	for (;;) {
		if (e < end && t[e] == '"' && m.straight)
			m.straight = 0, e++;
		else if (e < end && t[e] == ')' && open[MARK_PAREN] > 0)
			open[MARK_PAREN]--, e++;
		else if (e < end && t[e] == ']' && open[MARK_BRACKET] > 0)
			open[MARK_BRACKET]--, e++;
		else if (e + 3 <= end && memcmp(t + e, "\xE2\x80\x9D", 3) == 0 && open[MARK_CURLY] > 0)
			open[MARK_CURLY]--, e += 3;
		else if (e + 3 <= end && memcmp(t + e, "\xE2\x80\x99", 3) == 0 && open[MARK_SINGLE] > 0)
			open[MARK_SINGLE]--, e += 3;
		else if ((mark = sentences_ref_mark_len(t, start, end, e)) > 0)
			e += mark; /* as matching reads them */
		else
			break;
	}
	sp->r.end = e;
}

/* The mirror of close_quotations: an excerpt that starts just inside a quotation or a
 * parenthesis its text closes ("We want to be careful ... number," said ...) starts with
 * the opening mark too: else it prints an elision mark that stands for nothing but the
 * mark, and a closing mark never opened. */
static void open_quotations(block *bl, const article *a)
{
	if (bl->nspans == 0)
		return;
	span *sp = &bl->spans[0];
	const char *t = a->text;
	size_t begin = a->paras[sp->para].r.start;
	mark_balance m = balance_of(t, sp->r);
	int *unopened = m.unopened;
	/* a straight mark opens where a word may start: the paragraph's start, or after a
	 * space or a bracket */
	size_t b = sp->r.start;
	for (;;) {
		if (b > begin && t[b - 1] == '"' && m.straight &&
		    (b - 1 == begin || strchr(" \t\n([", t[b - 2]) != NULL))
			m.straight = 0, b--;
		else if (b > begin && t[b - 1] == '(' && unopened[MARK_PAREN] > 0)
			unopened[MARK_PAREN]--, b--;
		else if (b > begin && t[b - 1] == '[' && unopened[MARK_BRACKET] > 0)
			unopened[MARK_BRACKET]--, b--;
		else if (b >= begin + 3 && memcmp(t + b - 3, "\xE2\x80\x9C", 3) == 0 && unopened[MARK_CURLY] > 0)
			unopened[MARK_CURLY]--, b -= 3;
		else
			break;
	}
	sp->r.start = b;
}

/* A piece of an excerpt that starts at a list item's text, after its marker ("the fishing
 * vessel's AIS" of "- the fishing vessel's AIS"), starts at the marker: it prints as the
 * item, not as a cut into it. */
static void start_at_markers(block *bl, const article *a)
{
	for (size_t j = 0; j < bl->nspans; j++) {
		span *sp = &bl->spans[j];
		const art_para *ap = &a->paras[sp->para];
		for (size_t k = 0; k < ap->nitems; k++) {
			size_t m = article_item_marker_len(a->text, ap->items[k].end, ap->items[k].start);
			if (m && ap->items[k].start + m == sp->r.start)
				sp->r.start = ap->items[k].start;
		}
	}
}

void resolve_passage_block(resolver *R, block *bl)
{
	const source *s = resolver_source(R, bl->source);
	if (!s)
		return; /* an unknown source or one that failed to load was already reported */
	if (bl->kind == BLOCK_QUOTE) {
		resolve_text(R, bl, s, "quote");
		resolve_highlights(R, bl);
	} else if (bl->sel == SEL_TEXT) {
		resolve_text(R, bl, s, "excerpt text");
		start_at_markers(bl, s->art);
		open_quotations(bl, s->art);
		close_quotations(bl, s->art);
	} else if (bl->sel == SEL_FROM_TO) {
		resolve_from_to(R, bl, s);
		start_at_markers(bl, s->art);
		open_quotations(bl, s->art);
		close_quotations(bl, s->art);
	} else if (bl->sel == SEL_PARAS) {
		resolve_paras(R, bl, s);
	}
}
