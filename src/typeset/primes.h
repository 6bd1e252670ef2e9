/* primes.h: primes, apostrophes and quotation marks told apart (typeset/primes.c). */
#ifndef MKBRIEF_PRIMES_H
#define MKBRIEF_PRIMES_H
#include <stddef.h>

/* Whether the straight single quote at s[i] of s[0, n), at a word's start, stands for letters
 * left out ('90s, 'tis, rock 'n' roll, van 't Hooft) rather than opening a quotation. */
int typo_elision_at(const char *s, size_t n, size_t i);
/* Whether the straight quote at s[i], after a digit, is a prime, open_quotes quotations of
 * its kind being open before it. */
int typo_prime_at(const char *s, size_t n, size_t i, int open_quotes);
/* Whether the straight single quote at s[i] groups a number's thousands (1'000, CHF 25'000). */
int typo_thousands_at(const char *s, size_t n, size_t i);

#endif
