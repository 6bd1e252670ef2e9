/* address.c: what in a run of text is an address (a URL, an e-mail address, a DOI, a name
 * from code or a file's name): a reader copies or types it as it is, so it is neither
 * hyphenated (nodes.c) nor given typographic quotes and dashes (rich.c). */
#include "typeset/address.h"

#include <glib.h>
#include <string.h>

#include "base/util.h"

/* Letters in a row at w[i] going by step (+1 or -1), within [0, n). */
static size_t letters_run(const char *w, size_t n, size_t i, int step)
{
	size_t k = 0;
	for (; i < n && g_ascii_isalpha(w[i]); i += (size_t)step)
		k++;
	return k;
}

/* A name from code or a file's name ("settlements.legacy_ref", "txn.isolation",
 * "max_client_conn=4000", "report.pdf"): a reader copies it, so it is set as an address is.
 * A dot between two runs of 2+ letters or an underscore inside; not "e.g." or "U.S.". */
static int is_identifier(const char *w, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++) {
		if (w[i] == '_' && g_ascii_isalnum(w[i - 1]) && g_ascii_isalnum(w[i + 1]))
			return 1;
		if (w[i] == '.' && letters_run(w, n, i - 1, -1) >= 2 && letters_run(w, n, i + 1, 1) >= 2)
			return 1;
	}
	return 0;
}

int address_is(const char *w, size_t n)
{
	if (mem_find(w, w + n, "://") || (n > 4 && strncmp(w, "www.", 4) == 0))
		return 1;
	/* a DOI, with its scheme or bare: doi:10.1021/acs.est.5b00412, (10.1000/xyz) */
	size_t lo = 0;
	while (lo < n && strchr("\"'(<[", w[lo]))
		lo++;
	if (n - lo > 4 && g_ascii_strncasecmp(w + lo, "doi:", 4) == 0)
		return 1;
	if (n - lo > 8 && strncmp(w + lo, "10.", 3) == 0) {
		size_t d = lo + 3;
		while (d < n && g_ascii_isdigit(w[d]))
			d++;
		if (d - lo - 3 >= 4 && d < n && w[d] == '/')
			return 1;
	}
	const char *at = memchr(w, '@', n);
	if (at && at > w && memchr(at, '.', (size_t)(w + n - at)) != NULL)
		return 1;
	return is_identifier(w, n);
}

void address_span(const char *w, size_t n, size_t *lo, size_t *hi)
{
	*lo = 0;
	*hi = n;
	while (*lo < n && strchr("\"'(<[", w[*lo]))
		(*lo)++;
	while (*hi > *lo && strchr("\"')>],.;:!?", w[*hi - 1]))
		(*hi)--;
}
