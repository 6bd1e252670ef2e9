/* hyph.h: where words may be hyphenated, from TeX patterns through libhyphen. */
#ifndef MKBRIEF_HYPH_H
#define MKBRIEF_HYPH_H
#include <stddef.h>

typedef struct hyphenator hyphenator;

/* Loads the patterns for lang ("en-US") from the system's hyphen dictionaries
 * (/usr/share/hyphen). Returns NULL when there are none for that language. */
hyphenator *hyph_new(const char *lang);
void hyph_free(hyphenator *h);
/* Marks ok[i] = 1 where word[0..len) may break before byte i with a hyphen. Words that
 * must not be hyphenated (short, capitalised acronyms, with digits, URLs) get none.
 * Returns the number of points. */
int hyph_points(const hyphenator *h, const char *word, size_t len, unsigned char *ok);

#endif
