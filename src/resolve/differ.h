/* differ.h: what explaining a miss (explain.c) hands to the notes on how a piece differs
 * from its closest passage (differ.c): both as code points, their alignment, and where
 * the piece's words were typed. */
#ifndef MKBRIEF_DIFFER_H
#define MKBRIEF_DIFFER_H
#include <stddef.h>
#include <stdint.h>

#include "base/util.h"
#include "resolve/matcher.h"

/* A folded text as code points, each remembering the folded byte it starts at. */
/* In a cps, a letter with combining marks after it stands as one character: this bit set,
 * and a hash of its code points in the rest (explain.c: to_cps). */
#define DIFFER_CLUSTER 0x80000000u
/* Whether c is a combining mark (Unicode's Mn, Mc, Me). */
int differ_is_mark(uint32_t c);

typedef struct cps {
	uint32_t *c;
	size_t *at;
	size_t n;
} cps;

/* Where the words looked for were typed: words[b] is at column at.col + (code points of
 * words before b) when at.col > 0 (the value is on one line of the brief as written); st
 * maps the folded needle's bytes back to bytes of words. */
typedef struct typed_at {
	const char *words;
	size_t len;
	const uint32_t *st; /* the piece's folded bytes: st[k] is the byte of words it came from */
	loc at;
} typed_at;

/* A piece aligned with its closest window, and where in the source that puts it. */
typedef struct aligned {
	const article *a;
	const ftext *f; /* the paragraph, folded */
	size_t para;
	size_t win_end; /* the end of the window compared, folded */
	cps nd, tx;     /* the piece (its first MAX_DP_CPS) and the window, as code points */
	size_t ndbytes; /* folded bytes of the piece that nd holds */
	char *ops;      /* align's edit operations, from text position tstart */
	size_t nops, tstart, tend;
	size_t di, dj; /* the first difference, in nd and in tx; di is -1 when there is none */
	char dop;      /* its operation */
	size_t sb0, se0; /* the passage, source bytes */
	size_t diff_off; /* the source byte of the first difference */
	typed_at typed;
} aligned;

/* Whether c prints as nothing: a format character, a variation selector. */
int differ_is_invisible(uint32_t c);
/* 1 if c is part of a word (not a space, a quote mark or punctuation that ends words). */
int differ_is_word_cp(uint32_t c);
/* Folded text shown the way a user would type it back. */
void differ_show_folded(strbuf *sb, const char *s, size_t n);
/* Source bytes with line breaks shown as spaces. */
void differ_show_source(strbuf *sb, const char *s, size_t b, size_t e);
/* The place of byte off of the article. */
loc differ_art_loc(const article *a, size_t off);

/* The notes on the first difference of an alignment that has one: what differs, character
 * by character when words would look alike (invisible characters, composed and decomposed
 * letters, marks the folding does not unify, a list item's marker), else word against word;
 * source words left out without […]; look-alike letters. pc: the piece, plen bytes. */
void differ_notes(const aligned *al, const char *pc, size_t plen, diag *d);

#endif
