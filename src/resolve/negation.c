/* negation.c: finds a negating word in a stretch of a source ("We will not review" cut to
 * "We will […] review" says the opposite), in English, the language of the briefs' words. */
#include "resolve/negation.h"

#include <glib.h>
#include <string.h>

static const char *const negations[] = {"not", "no", "never", "nor", "neither", "none", "nothing", "nobody",
					"nowhere", "cannot", "without", NULL};

#define APOSTROPHE 0x2019

/* The character at s[i] (before e) and its length in *n; U+FFFD for a bad byte. */
static gunichar char_at(const char *s, size_t i, size_t e, size_t *n)
{
	gunichar c = g_utf8_get_char_validated(s + i, (gssize)(e - i));
	if (c == (gunichar)-1 || c == (gunichar)-2) {
		*n = 1;
		return 0xFFFD;
	}
	*n = (size_t)(g_utf8_next_char(s + i) - (s + i));
	return c;
}

/* Letters, and the apostrophes inside a contraction (don't, don’t). */
static int in_word(gunichar c)
{
	return g_unichar_isalpha(c) || c == '\'' || c == APOSTROPHE;
}

/* Whether word w (n bytes, no apostrophe at either end) negates: one of the list in any
 * case, or a contraction ending in n't or n’t. */
static int negates(const char *w, size_t n)
{
	for (size_t i = 0; negations[i]; i++)
		if (strlen(negations[i]) == n && g_ascii_strncasecmp(w, negations[i], n) == 0)
			return 1;
	if (n >= 4 && g_ascii_strncasecmp(w + n - 3, "n't", 3) == 0)
		return 1;
	return n >= 6 && memcmp(w + n - 4, "\xE2\x80\x99", 3) == 0 && g_ascii_tolower(w[n - 5]) == 'n' &&
	       g_ascii_tolower(w[n - 1]) == 't';
}

typedef int word_fn(const char *s, size_t at, size_t n, size_t index, void *arg);

/* Calls fn on each word of s[b, e) in turn (its start and length, apostrophes that open or
 * close a quotation left off) until it returns nonzero; returns the number of words seen. */
static size_t each_word(const char *s, size_t b, size_t e, word_fn *fn, void *arg)
{
	size_t i = b, n, count = 0;
	while (i < e) {
		if (!in_word(char_at(s, i, e, &n))) {
			i += n;
			continue;
		}
		size_t j = i, last = i; /* last: past the word's last letter */
		while (j < e && in_word(char_at(s, j, e, &n))) {
			gunichar c = char_at(s, j, e, &n);
			j += n;
			if (c != '\'' && c != APOSTROPHE)
				last = j;
		}
		/* an apostrophe that opens or closes a quotation is no part of the word */
		size_t first = i;
		while (first < last && (s[first] == '\'' || memcmp(s + first, "\xE2\x80\x99", 3) == 0))
			first += s[first] == '\'' ? 1 : 3;
		if (last > first && fn && fn(s, first, last - first, count, arg))
			return count + 1;
		count += last > first;
		i = j;
	}
	return count;
}

/* What a search for a negating word found: its place, and among which words. */
typedef struct found {
	size_t at, n, index, words;
	int edge; /* only at the stretch's edges */
} found;

static int find_negation(const char *s, size_t at, size_t n, size_t index, void *arg)
{
	found *f = arg;
	int near_edge = !f->edge || f->words <= 3 || index == 0 || index + 2 >= f->words;
	if (near_edge && negates(s + at, n)) {
		f->at = at, f->n = n, f->index = index;
		return 1;
	}
	return 0;
}

size_t negation_in(const char *s, size_t b, size_t e, size_t *at)
{
	found f = {0};
	each_word(s, b, e, find_negation, &f);
	*at = f.at;
	return f.n;
}

size_t negation_beside(const char *s, size_t b, size_t e, size_t *at)
{
	found f = {.edge = 1, .words = each_word(s, b, e, NULL, NULL)};
	each_word(s, b, e, find_negation, &f);
	*at = f.at;
	return f.n;
}
