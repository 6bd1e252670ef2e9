/* sentences.h: where the sentences of a source's paragraph end (load/sentences.c). */
#ifndef MKBRIEF_SENTENCES_H
#define MKBRIEF_SENTENCES_H
#include <stddef.h>
#include <stdint.h>

/* A byte range [start, end) into a source's text (article->text). */
typedef struct range {
	size_t start, end;
} range;

/* Appends the sentences of s[start, end) to *outp (*np of them, room for *capp); the first
 * `skip` bytes (a list item's marker, "1. ") end no sentence. */
void sentences_split(const char *s, size_t start, size_t end, size_t skip, range **outp, size_t *np, size_t *capp);
/* r (a sentence of text s) without the reference marks and blanks that end it
 * ("January.[1]", ".[2][3]", ".[12, 13]", ".²", "it.12"): where its words end. */
range sentences_without_marks(const char *s, range r);

/* The length of a note's reference mark at s[i] of paragraph s[b, e), 0 if none there: set
 * right after a word or its punctuation, never after a space; "[4]", "[12, 13]", "[3-5]"
 * (not a provision's sub-clause, "Article 5[1]", "5[1](a)"), superscript digits after
 * punctuation or a word of three letters or more ("accord¹", not "km²"), or one to three
 * digits after a sentence's end before the next sentence ("signed.12 It", "it.12 «Non»",
 * not "No.12" nor "2.5"). Sentence ends and quote matching read marks by it alike. */
size_t sentences_ref_mark_len(const char *s, size_t b, size_t e, size_t i);
/* The character before s[i] (0 at b), its first byte in *at. */
uint32_t sentences_cp_before(const char *s, size_t b, size_t i, size_t *at);

#endif
