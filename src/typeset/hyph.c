/* hyph.c: hyphenation points from Debian's hyphen-en-us TeX patterns, with the rules a
 * compositor applies on top: minimum lengths, no acronyms, numbers or URLs. */
#include "typeset/hyph.h"

#include <ctype.h>
#include <dirent.h>
#include <glib.h>
#include <hyphen.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "typeset/hyph_cache.h"

#define MIN_WORD 6  /* letters */
#define CAPS_MIN_WORD 8 /* an all-capital word this long is a word, not an acronym */
#define LEFT_MIN 2
#define RIGHT_MIN 3

struct hyphenator {
	char *lang;
	char *cache_dir; /* where the compiled patterns are kept (hyph_cache.h), or NULL */
	HyphenDict *dict;
	void *cache_mem; /* the memory of a dict read from the cache; NULL: libhyphen's own */
	/* libhyphen takes ~12 ms to build its automaton from the 4,900 en-US patterns, a
	 * tenth of a whole run; it loads on a second thread while fonts are set up and the
	 * first paragraphs are composed, and the first word to hyphenate waits for it. */
	pthread_t loader;
	int loading;
	GHashTable *words; /* hyph_set_words: the word in lower case -> its points, or NULL */
};

#define HYPH_DIR "/usr/share/hyphen"

const char *hyph_user_dir(void)
{
	const char *d = getenv("MKBRIEF_HYPHEN_DIR");
	return d && *d ? d : NULL;
}

/* The file hyph_NAME.dic (name's first n bytes) in MKBRIEF_HYPHEN_DIR, else in HYPH_DIR; NULL
 * if in neither. */
static char *dict_file(const char *name, int n)
{
	const char *dirs[] = {hyph_user_dir(), HYPH_DIR};
	for (size_t i = 0; i < 2; i++) {
		if (!dirs[i])
			continue;
		char *path = xasprintf("%s/hyph_%.*s.dic", dirs[i], n, name);
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	return NULL;
}

/* The file of lang's patterns: hyph_en_US.dic for en-US, else (en-GB with no file of its
 * own) the language alone, hyph_en.dic; NULL if neither is installed. */
static char *dict_path(const char *lang)
{
	/* a language tag's case carries no meaning (RFC 5646 2.1.1: EN-us is en-US); the files
	 * are named in its usual case: the language lower, a region upper, a script titled */
	char name[64];
	size_t n = 0;
	for (const char *p = lang; *p && n + 1 < sizeof name;) {
		size_t len = strcspn(p, "-_");
		for (size_t i = 0; i < len && n + 1 < sizeof name; i++) {
			int upper = p != lang && (len == 2 || (len == 4 && i == 0));
			name[n++] = (char)(upper ? toupper((unsigned char)p[i]) : tolower((unsigned char)p[i]));
		}
		p += len;
		if (*p && n + 1 < sizeof name) {
			name[n++] = '_';
			p++;
		}
	}
	name[n] = 0;
	char *path = dict_file(name, (int)n);
	if (path || !strchr(name, '_'))
		return path;
	return dict_file(name, (int)(strchr(name, '_') - name));
}

/* The compiled patterns from the cache when it holds them for this very file, else built
 * by libhyphen from the text patterns and then written to the cache for the next run. */
static void load_dict(hyphenator *h)
{
	char *path = dict_path(h->lang);
	int refresh = 0;
	if (path && !(h->dict = hyph_cache_load(h->cache_dir, path, &h->cache_mem, &refresh))) {
		h->dict = hnj_hyphen_load(path);
		refresh = h->dict != NULL;
	}
	if (refresh)
		hyph_cache_store(h->cache_dir, path, h->dict);
	free(path);
}

int hyph_installed(const char *lang)
{
	char *path = dict_path(lang);
	free(path);
	return path != NULL;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *hyph_installed_list(void)
{
	const char *dirs[] = {hyph_user_dir(), HYPH_DIR};
	char **tags = NULL;
	size_t n = 0;
	for (size_t d = 0; d < 2; d++) {
		DIR *dir = dirs[d] ? opendir(dirs[d]) : NULL;
		for (struct dirent *e; dir && (e = readdir(dir));) {
			size_t len = strlen(e->d_name);
			if (len <= 9 || strncmp(e->d_name, "hyph_", 5) || strcmp(e->d_name + len - 4, ".dic"))
				continue;
			char *tag = xstrndup(e->d_name + 5, len - 9);
			for (char *p = tag; *p; p++)
				if (*p == '_')
					*p = '-';
			tags = grow_for(tags, n, sizeof *tags);
			tags[n++] = tag;
		}
		if (dir)
			closedir(dir);
	}
	qsort(tags, n, sizeof *tags, str_cmp);
	strbuf sb = {0};
	for (size_t i = 0; i < n; i++) {
		if (!i || strcmp(tags[i], tags[i - 1])) /* in both directories: once */
			sb_printf(&sb, "%s%s", i ? ", " : "", tags[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(tags[i]);
	free(tags);
	if (!sb.data)
		sb_puts(&sb, "none");
	return sb.data;
}

static void *load_thread(void *arg)
{
	load_dict(arg);
	return NULL;
}

hyphenator *hyph_new(const char *lang)
{
	hyphenator *h = xcalloc(1, sizeof *h);
	h->lang = xstrdup(lang && *lang ? lang : "en-US");
	h->cache_dir = hyph_cache_dir();
	if (pthread_create(&h->loader, NULL, load_thread, h) == 0)
		h->loading = 1;
	else
		load_dict(h);
	return h;
}

hyphenator *hyph_new_like(const char *lang, const hyphenator *other)
{
	hyphenator *h = hyph_new(lang);
	if (other && other->words) {
		GHashTableIter it;
		gpointer k, v;
		h->words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		g_hash_table_iter_init(&it, other->words);
		while (g_hash_table_iter_next(&it, &k, &v))
			g_hash_table_insert(h->words, g_strdup(k), g_strdup(v));
	}
	return h;
}

int hyph_capitalises_nouns(const hyphenator *h)
{
	static const char *const langs[] = {"de", "lb", "gsw"};
	for (size_t i = 0; h && i < sizeof langs / sizeof *langs; i++) {
		size_t n = strlen(langs[i]);
		if (!g_ascii_strncasecmp(h->lang, langs[i], n) && (!h->lang[n] || h->lang[n] == '-' || h->lang[n] == '_'))
			return 1;
	}
	return 0;
}

static HyphenDict *dict_of(hyphenator *h)
{
	if (h->loading) {
		pthread_join(h->loader, NULL);
		h->loading = 0;
	}
	return h->dict;
}

void hyph_free(hyphenator *h)
{
	if (!h)
		return;
	if (dict_of(h) && h->cache_mem)
		hyph_cache_free(h->dict, h->cache_mem);
	else if (h->dict)
		hnj_hyphen_free(h->dict);
	if (h->words)
		g_hash_table_destroy(h->words);
	free(h->cache_dir);
	free(h->lang);
	free(h);
}

const char *hyph_origin(hyphenator *h)
{
	if (!h || !dict_of(h))
		return "none";
	return h->cache_mem ? "cache" : "text";
}

int hyph_available(hyphenator *h)
{
	return h && dict_of(h) != NULL;
}

void hyph_set_words(hyphenator *h, char *const *words)
{
	if (h->words)
		g_hash_table_destroy(h->words);
	h->words = NULL;
	for (size_t i = 0; words && words[i]; i++) {
		if (!h->words)
			h->words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		GString *bare = g_string_new(NULL), *points = g_string_new(NULL);
		for (const char *p = words[i]; *p; p++) {
			if (*p != '-')
				g_string_append_c(bare, g_ascii_tolower(*p));
			g_string_append_c(points, g_ascii_tolower(*p));
		}
		g_hash_table_replace(h->words, g_string_free(bare, FALSE), g_string_free(points, FALSE));
	}
}

/* ok[] from a word's given points ("gem-ci-ta-bine"), with the minimum pieces kept. */
static int given_points(const char *points, size_t len, unsigned char *ok)
{
	int count = 0;
	size_t letters = 0;
	for (const char *p = points; *p; p++) {
		if (*p != '-')
			letters++;
		else if (letters >= LEFT_MIN && letters + RIGHT_MIN <= len) {
			ok[letters] = 1;
			count++;
		}
	}
	return count;
}

static int is_lower_ascii(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Whether the patterns are a language's whose words have letters outside a-z: not English's,
 * whose text keeps a foreign name ("Müller", "Zürich") whole. */
static int letters_beyond_ascii(hyphenator *h)
{
	return dict_of(h) && dict_of(h)->utf8 && g_ascii_strncasecmp(h->lang, "en", 2) != 0;
}

/* what hnj_hyphen_hyphenate2 allocated for a word of n bytes */
static void free_results(char **rep, size_t n, int *pos, int *cut, char *hy)
{
	if (rep) {
		for (size_t i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hy);
}

/* hyph_points of a word with letters outside a-z ("ausdrücklich", "Verhandlungen" in
 * Cyrillic), by patterns in UTF-8, which count its points in characters. */
static int points_utf8(hyphenator *h, const char *word, size_t len, int in_capitals, unsigned char *ok)
{
	size_t at[61], n = 0, upper = 0;
	for (const char *p = word; p < word + len; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char_validated(p, (gssize)(word + len - p));
		if (n == 60 || c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isalpha(c))
			return 0;
		upper += g_unichar_isupper(c) || g_unichar_istitle(c);
		at[n++] = (size_t)(p - word);
	}
	int capitalised = upper == 1 && (g_unichar_isupper(g_utf8_get_char(word)) || g_unichar_istitle(g_utf8_get_char(word)));
	int shouted = upper == n && n >= (in_capitals ? MIN_WORD : CAPS_MIN_WORD);
	if (n < MIN_WORD || (upper && !capitalised && !shouted))
		return 0;
	char *lower = g_utf8_strdown(word, (gssize)len);
	size_t lower_len = strlen(lower);
	int count = 0;
	if (g_utf8_strlen(lower, -1) == (glong)n) { /* "İ" lowers to two characters: its points would shift */
		char *hy = xcalloc(lower_len + 5, 1);
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;
		if (hnj_hyphen_hyphenate2(dict_of(h), lower, (int)lower_len, hy, NULL, &rep, &pos, &cut) == 0) {
			/* a point that changes the letters around it (old German "Zu-cker" as
			 * "Zuk-ker") is not taken: the text is printed as the source has it */
			for (size_t i = LEFT_MIN - 1; i + RIGHT_MIN < n; i++)
				if ((hy[i] & 1) && !(rep && rep[i])) {
					ok[at[i + 1]] = 1;
					count++;
				}
		}
		free_results(rep, lower_len, pos, cut, hy);
	}
	g_free(lower);
	return count;
}

int hyph_points(hyphenator *h, const char *word, size_t len, int in_capitals, unsigned char *ok)
{
	memset(ok, 0, len + 1);
	if (!h || len < MIN_WORD)
		return 0;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)word[i] >= 0x80)
			return len <= 240 && letters_beyond_ascii(h) ? points_utf8(h, word, len, in_capitals, ok) : 0;
	if (len > 60)
		return 0;
	/* letters only: lower case, or a capital and then lower case, or all capitals when the
	 * word is long (ALL-CAPS running text, as in legal notices: EXPRESSED, WARRANTY).
	 * Never acronyms (DPRK, UNESCO), numbers (S-300), mixed case (iPhone) or addresses. */
	size_t upper = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c >= 'A' && c <= 'Z')
			upper++;
		else if (!is_lower_ascii((char)c))
			return 0;
	}
	int capitalised = upper == 1 && word[0] >= 'A' && word[0] <= 'Z';
	int shouted = upper == len && len >= (in_capitals ? MIN_WORD : CAPS_MIN_WORD);
	if ((upper && !capitalised && !shouted) || !dict_of(h))
		return 0;
	char *lower = xstrndup(word, len);
	for (size_t i = 0; i < len; i++)
		if (lower[i] >= 'A' && lower[i] <= 'Z')
			lower[i] = (char)(lower[i] - 'A' + 'a');
	const char *given = h->words ? g_hash_table_lookup(h->words, lower) : NULL;
	if (given) {
		free(lower);
		return given_points(given, len, ok);
	}
	char *hy = xcalloc(len + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int count = 0;
	if (hnj_hyphen_hyphenate2(dict_of(h), lower, (int)len, hy, NULL, &rep, &pos, &cut) == 0) {
		for (size_t i = LEFT_MIN - 1; i + RIGHT_MIN < len; i++)
			if ((hy[i] & 1) && !(rep && rep[i])) {
				ok[i + 1] = 1;
				count++;
			}
	}
	free_results(rep, len, pos, cut, hy);
	free(lower);
	return count;
}
