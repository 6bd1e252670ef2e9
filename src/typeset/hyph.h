/* hyph.h: where words may be hyphenated, from TeX patterns through libhyphen. */
#ifndef MKBRIEF_HYPH_H
#define MKBRIEF_HYPH_H
#include <stddef.h>

typedef struct hyphenator hyphenator;

/* Starts loading the patterns for lang ("en-US", NULL for that) from the system's hyphen
 * dictionaries (/usr/share/hyphen; first the directory MKBRIEF_HYPHEN_DIR names, if set) on
 * a thread of its own; the first use waits for it. */
hyphenator *hyph_new(const char *lang);
/* Whether there are patterns for the language (waits for the loading). */
int hyph_available(hyphenator *h);
/* hyph_new for lang, with other's words (hyph_set_words): the brief's exceptions hold in
 * every language it quotes. */
hyphenator *hyph_new_like(const char *lang, const hyphenator *other);
void hyph_free(hyphenator *h);
/* Where the patterns came from, for MKBRIEF_STATS: "cache" (compiled, hyph_cache.h), "text"
 * (built from the text patterns) or "none" (waits for the loading). */
const char *hyph_origin(hyphenator *h);
/* The directory MKBRIEF_HYPHEN_DIR names, looked in before /usr/share/hyphen; NULL: none. */
const char *hyph_user_dir(void);
/* Whether the patterns' language capitalises every noun (German, Luxembourgish): a capital
 * there names nothing. */
int hyph_capitalises_nouns(const hyphenator *h);
/* Whether patterns for lang are installed (that of its language alone will do). */
int hyph_installed(const char *lang);
/* The languages of the installed patterns, "en, en-US", sorted; free()d by the caller. */
char *hyph_installed_list(void);
/* Words the patterns are not to decide: each (letters a-z) with a hyphen at each point it may
 * break, "gem-ci-ta-bine", or none ("gemcitabine": never broken), as TeX's \hyphenation.
 * words is NULL-terminated; copied. The points keep the minimum pieces at either end. */
void hyph_set_words(hyphenator *h, char *const *words);
/* Marks ok[i] = 1 where word[0..len) may break before byte i with a hyphen. Words that
 * must not be hyphenated (short, capitalised acronyms, with digits, URLs) get none, nor
 * do words with letters outside a-z but by a language's patterns in UTF-8 other than
 * English's ("Zürich" in English text stays whole); in a
 * passage of capitals (in_capitals: "WITHOUT WARRANTY OF ANY KIND") a word in capitals is
 * a word, not an acronym, from the length of any other. Returns the number of points. */
int hyph_points(hyphenator *h, const char *word, size_t len, int in_capitals, unsigned char *ok);

#endif
