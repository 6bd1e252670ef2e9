/* emphasis.c: the delimiter rules of `*emphasis*` and `**strong**` (emphasis.h), a
 * simplification of CommonMark's flanking rules: an opener is not preceded by a letter
 * or digit and is followed by a non-space; a closer is a run of as many asterisks,
 * preceded by a non-space and not followed by a letter or digit. Without them a lone
 * asterisk ("*unclosed and **strong**") took the first of a `**` as its closer and left
 * the rest printed as asterisks. */
#include "base/emphasis.h"

#include <glib.h>

/* Whether the character of s[0, n) ending just before byte i, or starting at byte i
 * (after), is a letter or a digit (in any script). */
static int word_char_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	const char *p = g_utf8_find_prev_char(s, s + i);
	gunichar c = p ? g_utf8_get_char_validated(p, (gssize)(s + i - p)) : (gunichar)-1;
	return c < 0x110000 && g_unichar_isalnum(c);
}

static int word_char_at(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	gunichar c = g_utf8_get_char_validated(s + i, (gssize)(n - i));
	return c < 0x110000 && g_unichar_isalnum(c);
}

static size_t run_length(const char *s, size_t n, size_t i)
{
	size_t k = 0;
	while (i + k < n && s[i + k] == '*')
		k++;
	return k;
}

int emphasis_opens(const char *s, size_t n, size_t i, size_t *len)
{
	if (s[i] != '*' || (i > 0 && s[i - 1] == '*') || word_char_before(s, i))
		return 0;
	size_t run = run_length(s, n, i);
	if (run > 2 || i + run >= n || s[i + run] == ' ')
		return 0;
	*len = run;
	return 1;
}

size_t emphasis_close(emphasis_scan *sc, const char *s, size_t n, size_t from, size_t len)
{
	if (sc->none_after[len] != (size_t)-1 && from >= sc->none_after[len])
		return (size_t)-1;
	for (size_t i = from; i < n; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] != '*' || (i > 0 && s[i - 1] == '*'))
			continue;
		size_t run = run_length(s, n, i);
		if (run == len && i > from && s[i - 1] != ' ' && !word_char_at(s, n, i + run))
			return i;
		i += run - 1;
	}
	sc->none_after[len] = from;
	return (size_t)-1;
}

size_t emphasis_unclosed(const char *s, size_t n)
{
	emphasis_scan sc = EMPHASIS_SCAN_INIT;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		size_t len;
		if (!emphasis_opens(s, n, i, &len))
			continue;
		size_t close = emphasis_close(&sc, s, n, i + len, len);
		if (close == (size_t)-1)
			return i;
		/* what it holds is checked too: "*a **b* c" leaves the ** open */
		size_t inner = emphasis_unclosed(s + i + len, close - i - len);
		if (inner != (size_t)-1)
			return i + len + inner;
		i = close + len - 1;
	}
	return (size_t)-1;
}

size_t emphasis_triple(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] != '*')
			continue;
		size_t run = run_length(s, n, i);
		if (run > 2 && !word_char_before(s, i) && word_char_at(s, n, i + run))
			return i;
		i += run - 1;
	}
	return (size_t)-1;
}
