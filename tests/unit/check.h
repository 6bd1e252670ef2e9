/* check.h: the tiny assertion kit of the unit tests. Each CHECK prints one PASS or FAIL
 * line, which tests/run counts. */
#ifndef MKBRIEF_CHECK_H
#define MKBRIEF_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

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

/* Writes text to path (test inputs in a temporary directory). */
static inline void check_write(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

/* Takes got (diagnostics) and returns it with every occurrence of dir written "T", so that
 * expected messages can name files in a temporary directory. */
static inline char *check_untemp(char *got, const char *dir)
{
	strbuf sb = {0};
	size_t tl = strlen(dir);
	for (const char *p = got; *p;) {
		if (strncmp(p, dir, tl) == 0) {
			sb_putc(&sb, 'T');
			p += tl;
		} else {
			sb_putc(&sb, *p++);
		}
	}
	free(got);
	return sb_steal(&sb);
}

#endif
