/* negation.h: words that turn a statement into its opposite, which an elision must not
 * leave out unremarked. */
#ifndef MKBRIEF_NEGATION_H
#define MKBRIEF_NEGATION_H
#include <stddef.h>

/* The first word of s[b, e) that negates ("not", "never", "no", "nor", "cannot", "without",
 * a contraction ending in n't or n’t ...): its length, and *at its offset; 0 if none. */
size_t negation_in(const char *s, size_t b, size_t e, size_t *at);
/* The same for a word that an elision of s[b, e) leaves out beside the words kept: the
 * first or one of the last two words, or any of three or fewer ("will […] raise" of "will
 * not raise", "review […] review" of "review the levy. We will not review"). One inside a
 * longer clause cut whole ("Moscow, which did not join the talks, voted") is not sought:
 * it is that clause's, not the words kept. */
size_t negation_beside(const char *s, size_t b, size_t e, size_t *at);

#endif
