/* sentences.h: where the sentences of a source's paragraph end (load/sentences.c). */
#ifndef MKBRIEF_SENTENCES_H
#define MKBRIEF_SENTENCES_H
#include <stddef.h>

/* A byte range [start, end) into a source's text (article->text). */
typedef struct range {
	size_t start, end;
} range;

/* Appends the sentences of s[start, end) to *outp (*np of them, room for *capp); the first
 * `skip` bytes (a list item's marker, "1. ") end no sentence. */
void sentences_split(const char *s, size_t start, size_t end, size_t skip, range **outp, size_t *np, size_t *capp);
/* r (a sentence of text s) without the reference marks and blanks that end it
 * ("January.[1]", ".[2][3]", ".[12, 13]"): where its words end. */
range sentences_without_marks(const char *s, range r);
/* Whether the full stop at s[dot] ends an abbreviation ("Gen.", "No.", "U.S.", "a.m."), the
 * word looked for from start on. */
int sentences_is_abbreviation(const char *s, size_t start, size_t dot);

#endif
