/* find.c: `mkbrief find SOURCE.txt "words"`: where words occur, as pN.S: sentence, so that
 * selectors and citations can be written quickly. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/article.h"
#include "tools/tools.h"
#include "base/diag.h"
#include "resolve/match.h"
#include "base/util.h"

/* Prints the sentences that [start, end) of paragraph para touches, unless the same were
 * printed just before (two matches in one sentence give one line). */
static void print_hit(const article *a, int para, size_t start, size_t end, long *last_p, size_t *last_s)
{
	const art_para *p = &a->paras[para];
	size_t s0 = article_sentence_of(p, start), s1 = article_sentence_of(p, end ? end - 1 : end);
	if (*last_p == para && *last_s == s0)
		return;
	*last_p = para;
	*last_s = s0;
	printf("p%d.%zu: ", para + 1, s0 + 1);
	/* one output line per hit: the line breaks inside a sentence become spaces, and any
	 * other control an article holds is shown, not sent to the terminal */
	strbuf sb = {0};
	for (size_t i = p->sents[s0].start; i < p->sents[s1].end; i++) {
		char c = a->text[i];
		if (c == '\r' && i + 1 < p->sents[s1].end && a->text[i + 1] == '\n')
			continue; /* CR LF is one line break */
		sb_putc(&sb, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
		/* a hyphenated word wrapped by hand shows whole, "well-known", as it prints */
		if (c == '-')
			i += text_hyphen_wrap_len(a->text, p->sents[s0].start, p->sents[s1].end, i);
	}
	diag_put_visible(stdout, sb.data, sb.len);
	sb_free(&sb);
	putchar('\n');
}

/* A copy of text with every letter in lower case where that keeps its length in bytes, so
 * that offsets into the copy are offsets into the article (and sentences stay as split);
 * with any_quote, double quote marks become single ones too (" as ', “ ” as ‘ ’). */
static char *lower_same_bytes(const char *text, size_t len, int any_quote)
{
	char *out = xmalloc(len + 1);
	memcpy(out, text, len);
	out[len] = 0;
	for (size_t i = 0; i < len;) {
		if ((unsigned char)out[i] < 0x80) {
			out[i] = any_quote && out[i] == '"' ? '\'' : (char)g_ascii_tolower(out[i]);
			i++;
			continue;
		}
		if (any_quote && i + 2 < len && memcmp(text + i, "\xE2\x80", 2) == 0 &&
		    ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D)) {
			out[i + 2] = (char)((unsigned char)text[i + 2] - 4); /* “ ” → ‘ ’ */
			i += 3;
			continue;
		}
		const char *next = g_utf8_find_next_char(text + i, text + len);
		size_t n = next ? (size_t)(next - (text + i)) : len - i;
		gunichar c = g_utf8_get_char_validated(text + i, (gssize)n);
		char buf[6];
		if (c != (gunichar)-1 && c != (gunichar)-2 && (size_t)g_unichar_to_utf8(g_unichar_tolower(c), buf) == n)
			memcpy(out + i, buf, n);
		i += n;
	}
	return out;
}

static void print_all(const article *a, const match *r)
{
	long last_p = -1;
	size_t last_s = 0;
	print_hit(a, r->spans[0].para, r->spans[0].r.start, r->spans[r->nspans - 1].r.end, &last_p, &last_s);
	for (size_t i = 0; i < r->nothers; i++)
		print_hit(a, r->others[i].para, r->others[i].r.start, r->others[i].r.end, &last_p, &last_s);
}

/* Finds words in a with letter case (and, any_quote, single against double quote marks)
 * ignored: a matcher over a lower-cased view of a. */
static int match_any_case(const article *a, const char *words, int any_quote, match *r)
{
	article low = *a;
	low.text = lower_same_bytes(a->text, a->len, any_quote);
	char *w = lower_same_bytes(words, strlen(words), any_quote);
	matcher *m = matcher_new(&low);
	int found = match_text(m, w, r);
	matcher_free(m);
	free(w);
	free(low.text);
	return found;
}

int cmd_find(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs("usage: mkbrief find [--case] SOURCE.txt \"words\"   (where the words are, by paragraph and "
		      "sentence; --case: letter case must match)\n",
		      stdout);
		return 0;
	}
	int exact_case = argc >= 2 && strcmp(argv[1], "--case") == 0;
	if (exact_case) {
		argc--;
		argv++;
	}
	/* an option left where the source goes ("find --case SOURCE" without words) is a
	 * usage error, not a file that cannot be read */
	if (argc != 3 || argv[1][0] == '-') {
		fputs("mkbrief: error: usage: mkbrief find [--case] SOURCE.txt \"words\"\n", stderr);
		return 2;
	}
	/* nothing to look for ("") is a usage error: the notes below speak of elisions */
	if (strspn(argv[2], " \t\n") == strlen(argv[2])) {
		fputs("mkbrief: error: no words to find: usage: mkbrief find [--case] SOURCE.txt \"words\"\n", stderr);
		return 2;
	}
	diag d;
	diag_init(&d, stderr);
	article *a = article_load(argv[1], argv[1], loc_none(), &d);
	if (!a)
		return 1;
	const char *words = argv[2];
	char *shown = text_clip(words, strlen(words), DIAG_MAX_QUOTED); /* a 60 KB query is not echoed whole */
	matcher *m = matcher_new(a);
	match r;
	int status = 0;
	if (match_text(m, words, &r)) {
		/* the case the quote must have: found as typed, every match shown case and all
		 * (when the lower-cased text still holds them: a note's mark "it.12 It" is one
		 * only before a capital, so lower-cased it is a number and only r is found) */
		match any = {0};
		if (!exact_case && match_any_case(a, words, 0, &any)) {
			match_clear(&r);
			r = any;
		} else {
			match_clear(&any);
		}
		print_all(a, &r);
		match_clear(&r);
	} else if (match_any_case(a, words, 0, &r)) {
		if (exact_case) {
			diag_error(&d, loc_at(a->display, 0, 0), "'%s' not found with this letter case", shown);
			status = 1;
		} else {
			print_all(a, &r);
		}
		diag_note(&d, loc_at(a->display, 0, 0),
			  "the only matches differ in letter case from '%s'; a quote must copy the source's case", shown);
		match_clear(&r);
	} else if (match_any_case(a, words, 1, &r)) {
		/* 'probable adversary' typed for “probable adversary”: shown, and why a quote fails */
		if (exact_case) {
			diag_error(&d, loc_at(a->display, 0, 0), "'%s' not found as typed", shown);
			status = 1;
		} else {
			print_all(a, &r);
		}
		diag_note(&d, loc_at(a->display, 0, 0),
			  "the only matches differ in quote marks (single for double), and perhaps letter case, from '%s'; a quote must copy the source's",
			  shown);
		match_clear(&r);
	} else {
		diag_error(&d, loc_at(a->display, 0, 0), "'%s' not found", shown);
		match_explain(m, words, loc_none(), &d);
		status = 1;
	}
	fflush(stdout);
	diag_finish(&d);
	free(shown);
	matcher_free(m);
	article_free(a);
	return status;
}
