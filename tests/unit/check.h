/* check.h: the tiny assertion kit of the unit tests. Each CHECK prints one PASS or FAIL
 * line, which tests/run counts. */
#ifndef MKBRIEF_CHECK_H
#define MKBRIEF_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(name, cond)                                                                   \
	do {                                                                                \
		if (cond) {                                                                 \
			printf("PASS %s: %s\n", __FILE__, name);                            \
		} else {                                                                    \
			printf("FAIL %s: %s (%s:%d: %s)\n", __FILE__, name, __FILE__, __LINE__, #cond); \
			check_failures++;                                                   \
		}                                                                           \
	} while (0)

#define CHECK_STR(name, got, want)                                                          \
	do {                                                                                \
		const char *g_ = (got), *w_ = (want);                                       \
		if (g_ && w_ && strcmp(g_, w_) == 0) {                                      \
			printf("PASS %s: %s\n", __FILE__, name);                            \
		} else {                                                                    \
			printf("FAIL %s: %s: got \"%s\", want \"%s\"\n", __FILE__, name,    \
			       g_ ? g_ : "(null)", w_ ? w_ : "(null)");                       \
			check_failures++;                                                   \
		}                                                                           \
	} while (0)

#define CHECK_DONE() return check_failures ? 1 : 0

#endif
