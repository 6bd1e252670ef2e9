/* emphasis.h: where the analyst's `*emphasis*` and `**strong**` open and close. One set of
 * rules for the typesetter that sets them (typeset/rich.c) and the loader that warns of an
 * asterisk left open (load/blocks.c). */
#ifndef MKBRIEF_EMPHASIS_H
#define MKBRIEF_EMPHASIS_H
#include <stddef.h>

/* Whether s[i] starts an opening delimiter: `*` or `**` followed by a non-space and not
 * preceded by a letter or digit ("5 * 3" and "mark*." open nothing); *len gets its
 * length (1 or 2). A backslash before it escapes it (the caller skips escapes). */
int emphasis_opens(const char *s, size_t n, size_t i, size_t *len);

/* What a scan of one text has learnt: past where no closer of each length was found,
 * none will be (a later opener looks at less of the text), so that a paragraph of
 * thousands of lone asterisks is read once, not once per asterisk. */
typedef struct emphasis_scan {
	size_t none_after[3]; /* by delimiter length; (size_t)-1: not known */
} emphasis_scan;
#define EMPHASIS_SCAN_INIT {{(size_t)-1, (size_t)-1, (size_t)-1}}

/* Where the delimiter of length len opened before `from` closes: a run of exactly len
 * asterisks after a non-space and before anything but a letter or digit; (size_t)-1 when
 * nothing closes it. */
size_t emphasis_close(emphasis_scan *sc, const char *s, size_t n, size_t from, size_t len);

/* The byte offset of the first delimiter in s[0, n) that opens and is never closed (it
 * prints as an asterisk), or (size_t)-1. */
size_t emphasis_unclosed(const char *s, size_t n);

/* The byte offset of the first run of three or more asterisks that opens a word
 * ("***both***", as Markdown sets bold italics): neither delimiter, it prints as typed;
 * (size_t)-1 when there is none. A run between spaces ("***") or after a letter ("f***",
 * a word left out) is text. */
size_t emphasis_triple(const char *s, size_t n);

#endif
