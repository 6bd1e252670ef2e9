/* matcher.h: what the search (search.c) and the explanation of a miss (explain.c) share:
 * the folded text of an article and of the words looked for, and the search of a needle's
 * pieces, which explaining repeats piece by piece. */
#ifndef MKBRIEF_MATCHER_H
#define MKBRIEF_MATCHER_H
#include <stddef.h>
#include <stdint.h>

#include "resolve/match.h"

/* Folded classes that have no single ASCII stand-in. Raw control bytes are folded away
 * from these (to FOLD_CTRL) so that they cannot pose as a dash or an ellipsis. */
#define FOLD_EM 0x1E
#define FOLD_ELL 0x1F
#define FOLD_CTRL 0x1A

/* Folded text: s[i] came from the source bytes [st[i], en[i]). */
typedef struct ftext {
	char *s;
	uint32_t *st, *en;
	size_t len, cap;
	const char *src; /* the text st and en index */
} ftext;

struct matcher {
	const article *a;
	size_t n;
	ftext all; /* the folded article, in one piece: no allocation per paragraph */
	ftext p[]; /* one per paragraph, allocated with the matcher: views into all, each followed by a NUL */
};

typedef struct piece {
	size_t off, len; /* into the folded needle */
} piece;

typedef struct needle {
	ftext f;
	piece *pc;
	size_t npc;
	int bare_ellipsis; /* an ellipsis outside brackets: may be literal or an elision */
	int bracketed;     /* an elision in brackets, "[...]": may be the source's own */
} needle;

/* How needle_init reads an ellipsis: in brackets an elision, bare one as typed (strict);
 * either an elision (loose); both as typed, as the source's own (literal). */
enum { NEEDLE_STRICT, NEEDLE_LOOSE, NEEDLE_LITERAL };

/* Folds words and splits them into pieces at the elisions, as loose says. */
void needle_init(needle *nd, const char *words, int loose);
void needle_free(needle *nd);
/* First occurrence of pat[0, n) in f->s[from, to), or -1. */
long find_in(const ftext *f, size_t from, size_t to, const char *pat, size_t n);
/* 1 if pat[0, n) found at folded position at of f starts or ends inside a number of the
 * source ("3,471" of "3,471,902.18"): no match, as a cut inside a word is none. */
int find_cuts_number(const ftext *f, size_t at, const char *pat, size_t n);
/* 1 if pat[0, n) starts with a digit found at folded position at of f just after a number's
 * minus sign ("4.7%" of "-4.7%"): the quote would print the opposite amount. */
int find_cuts_sign(const ftext *f, size_t at, const char *pat, size_t n);
/* Whether c is a hyphen or dash that folding reads by its spacing (a hyphen, U+2010 to
 * U+2013, a minus sign): spaced or doubled, a dash; between words or numbers, a hyphen. */
int find_hyphen_cp(uint32_t c);
/* 1 if folded position i of f is part of a number: a digit, or a ',' or '.' between two. */
int find_number_part(const ftext *f, size_t i);
/* All occurrences, not overlapping, from paragraph para0 at folded position pos0 on. With
 * first_only, stops after the first. */
int find_all(const matcher *m, const needle *nd, size_t para0, size_t pos0, int first_only, match *out);

#endif
