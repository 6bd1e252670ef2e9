/* match.h: finds typed words in a source article. Comparison is on folded text (quote marks,
 * dashes, ellipses and white space unified; letters and case never folded) while results are
 * byte ranges of the source's own text. */
#ifndef MKBRIEF_MATCH_H
#define MKBRIEF_MATCH_H
#include <stddef.h>

#include "load/article.h"
#include "load/brief.h"
#include "base/diag.h"

/* An article's paragraphs, folded once so that many quotes can be looked up cheaply. The
 * article must outlive the matcher. */
typedef struct matcher matcher;
matcher *matcher_new(const article *a);
void matcher_free(matcher *m);

/* Where some words were found. */
typedef struct match {
	/* the first occurrence: one span per piece between elisions (match_text), or one per
	 * paragraph covered (match_from_to); xmalloc'ed, the caller may take it over */
	span *spans;
	size_t nspans;
	/* every further occurrence, each as its paragraph and the range from its first to its
	 * last byte (match_from_to: further occurrences of `from`) */
	span *others;
	size_t nothers;
} match;

/* Finds words anywhere in the article. Inside words, "[...]" or "[…]" stands for a
 * non-empty stretch of the same paragraph; a bare "..." or "…" does too when the literal
 * ellipsis is not in the source. Returns 1 and fills *out if found, else 0 (*out empty). */
int match_text(const matcher *m, const char *words, match *out);

typedef enum { MATCH_OK, MATCH_NO_FROM, MATCH_NO_TO } match_status;
/* Finds `from`, then the first `to` after it (possibly in a later paragraph): spans run from
 * the start of `from` to the end of `to`, one per paragraph. */
match_status match_from_to(const matcher *m, const char *from, const char *to, match *out);

/* Finds words inside the given spans (the first occurrence, in span order). Returns 1 and
 * sets *out, else 0. */
int match_in_spans(const matcher *m, const span *within, size_t n, const char *words, span *out);

/* A reference mark typed in words where r, what match_text found of them, has none ("it.[7]
 * It" for the source's "it. It") or another (digits aside from their setting: "[7]" is
 * "⁷"): a note the source does not set would be quoted as its. */
typedef struct mark_unset {
	size_t typed, typed_len; /* the mark, in words */
	size_t src_at, src_len;  /* where it would stand in the article's text, and the marks the source sets there (0: none) */
} mark_unset;
/* Returns 1 and fills *out for the first such mark, else 0. */
int match_mark_unset(const matcher *m, const char *words, const match *r, mark_unset *out);

/* Frees the arrays of *r and empties it. */
void match_clear(match *r);

/* After words were not found: notes (through d, located in the article) naming the closest
 * passage, its paragraph, and what differs: the first differing word, or character by
 * character what words would hide (invisible characters, composed and decomposed letters,
 * marks the folding does not unify, a list item's marker), look-alike letters from other
 * scripts, letter case, or pieces of an elided quote that are out of order. words_at: where
 * the words' first character was typed, when they are on one line of the brief as written
 * (col 0: unknown); notes on a character of the quote then point at it there. */
void match_explain(const matcher *m, const char *words, loc words_at, diag *d);

/* The Unicode name of a character ("ZERO WIDTH SPACE"; "<control-0009>" for one without),
 * into buf of n bytes, which it returns. */
const char *match_char_name(unsigned long cp, char *buf, size_t n);

#endif
