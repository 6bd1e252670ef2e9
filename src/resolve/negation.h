/* negation.h: words that turn a statement into its opposite, which an elision must not
 * leave out unremarked. */
#ifndef MKBRIEF_NEGATION_H
#define MKBRIEF_NEGATION_H
#include <stddef.h>

/* The first word of s[b, e) that negates ("not", "never", "no", "nor", "cannot", "without",
 * a contraction ending in n't or n’t ...): its length, and *at its offset; 0 if none. */
size_t negation_in(const char *s, size_t b, size_t e, size_t *at);

#endif
