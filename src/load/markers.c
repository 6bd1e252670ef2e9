/* markers.c: the counters in a numbered list's marker template, found one way for the
 * layout loader (which checks them) and the list composer (which fills them in). */
#include "load/markers.h"

#include <glib.h>
#include <string.h>

/* The letter or digit at t (any script: "Ст" is letters, "§" and "№" are not), or 0. */
static gunichar alnum_at(const char *t)
{
	gunichar c = g_utf8_get_char_validated(t, -1);
	return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isalnum(c) ? c : 0;
}

static int is_counter(char c)
{
	return c && strchr("1aAiI", c) != NULL;
}

size_t marker_counters(const char *t, size_t *at, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; t[i];) {
		if (!alnum_at(t + i)) {
			i += (size_t)(g_utf8_skip[(unsigned char)t[i]]);
			continue;
		}
		size_t e = i;
		while (t[e] && alnum_at(t + e))
			e += (size_t)(g_utf8_skip[(unsigned char)t[e]]);
		/* a run of letters and digits: one counter alone, or a 1 and a letter counter */
		int one = e - i == 1 && is_counter(t[i]);
		int pair = e - i == 2 && t[i] == '1' && is_counter(t[i + 1]) && t[i + 1] != '1';
		for (size_t k = i; (one || pair) && k < e; k++) {
			if (n < max)
				at[n] = k;
			n++;
		}
		i = e;
	}
	return n;
}

int marker_check(schema *S, const ynode *at, const char *what, const char *t, size_t level)
{
	size_t n = marker_counters(t, NULL, 0);
	if (n == 0) {
		schema_error(S, at,
			     "%s: '%s' has no counter; write 1, a, A, i or I apart from other letters where the number goes, "
			     "e.g. '1.', '(a)' or 'Art. 1'",
			     what, t);
		return -1;
	}
	if (n > 1 && level == 0) {
		schema_error(S, at, "%s: '%s' has %zu counters, but a top-level list has one number, its own", what, t, n);
		return -1;
	}
	if (n > level + 1) {
		schema_error(S, at,
			     "%s: '%s' has %zu counters, but a list at level %zu is inside %zu numbered list%s: at most %zu "
			     "(its own number last, its enclosing items' before it, as in '1.1')",
			     what, t, n, level + 1, level, level == 1 ? "" : "s", level + 1);
		return -1;
	}
	return 0;
}
