/* fuzz_match.c: libFuzzer target for the quote matcher. The input is the words to look
 * for, a NUL byte, the `to` words, a NUL byte, then the article (words only: an input
 * with no NUL searches itself, so plain articles from the corpus are useful seeds). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resolve/match.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every span must lie inside its paragraph: the typesetter prints them unchecked. */
static void check_spans(const article *a, const span *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].para < 0 || (size_t)s[i].para >= a->nparas || s[i].r.start > s[i].r.end ||
		    s[i].r.start < a->paras[s[i].para].r.start || s[i].r.end > a->paras[s[i].para].r.end)
			__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1u << 16)
		return 0;
	const char *text = (const char *)data;
	const char *z1 = memchr(text, 0, size);
	const char *z2 = z1 ? memchr(z1 + 1, 0, size - (size_t)(z1 + 1 - text)) : NULL;
	char *words, *to;
	const char *body;
	size_t blen;
	if (z1 && z2) {
		words = strndup(text, (size_t)(z1 - text));
		to = strndup(z1 + 1, (size_t)(z2 - z1 - 1));
		body = z2 + 1;
		blen = size - (size_t)(body - text);
	} else {
		/* search for a piece of the article itself: a found quote exercises more code */
		size_t rest = size - size / 3;
		words = strndup(text + size / 3, rest < 40 ? rest : 40);
		rest = size - size / 2;
		to = strndup(text + size / 2, rest < 20 ? rest : 20);
		body = text;
		blen = size;
	}
	FILE *null = fopen("/dev/null", "w");
	diag d;
	diag_init(&d, null);
	article *a = article_parse(body, blen, "fuzz/article.txt", &d);
	if (a) {
		matcher *m = matcher_new(a);
		match r = {0};
		if (match_text(m, words, &r)) {
			check_spans(a, r.spans, r.nspans);
			span hl;
			if (match_in_spans(m, r.spans, r.nspans, to, &hl))
				check_spans(a, &hl, 1);
		} else {
			match_explain(m, words, loc_none(), &d);
		}
		match_clear(&r);
		if (match_from_to(m, words, to, &r) == MATCH_OK)
			check_spans(a, r.spans, r.nspans);
		else
			match_explain(m, to, loc_none(), &d);
		match_clear(&r);
		matcher_free(m);
	}
	article_free(a);
	free(words);
	free(to);
	fclose(null);
	return 0;
}
