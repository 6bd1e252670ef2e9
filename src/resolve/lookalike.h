/* lookalike.h: which letters of other scripts look like a Latin letter. */
#ifndef MKBRIEF_LOOKALIKE_H
#define MKBRIEF_LOOKALIKE_H
#include <stddef.h>
#include <stdint.h>

#include "load/article.h"

/* 1 if a and b are a Latin letter and its look-alike from another script (or two
 * look-alikes of the same Latin letter). */
int lookalike_pair(uint32_t a, uint32_t b);
/* When a typed word and the source's word (starting at byte source_at of a's text) are the
 * same letters but for a compatibility letter (the ligature U+FB01 of "ofﬁcial", a
 * full-width letter), notes it, named, where it is; returns 1 if it did. */
int lookalike_note_compat(const char *typed, const char *source_word, const article *a, size_t source_at, loc quote_at,
			  diag *d);

#endif
