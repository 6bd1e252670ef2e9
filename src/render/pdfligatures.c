/* pdfligatures.c: the text of ligature glyphs (fi, fl, ff, ffi, ffl, st) in the finished
 * PDF. Cairo maps such a glyph in the font's ToUnicode to the presentation form the font's
 * cmap gives it (U+FB01), and wraps each use where the text was "fi" in a nested
 * /Span << /ActualText (fi) >> BDC ... EMC inside the element's MCID sequence. That nesting
 * is legal, but poppler's structure reader (pdfinfo -struct-text, poppler-glib's structure
 * API, 22.12 at least) ends the element's text at the inner EMC, so every word after a
 * ligature was lost to it. The ToUnicode entry is spelled out instead ("fi" is a valid
 * mapping, ISO 32000-1 9.10.3), which makes the span redundant, and the pass over each
 * page's content (pdfartifacts.c) drops the span, keeping what it drew. */
#include "render/pdfligatures.h"

#include <glib.h>
#include <string.h>

/* The Alphabetic Presentation Forms that join letters: the Latin and Armenian ligatures. */
#define LIGATURE_FIRST 0xFB00
#define LIGATURE_LAST 0xFB17

/* The letters ligature u joins (its compatibility decomposition), up to 4 of them; 0 when u
 * is no ligature. */
static size_t ligature_letters(gunichar u, gunichar *letters)
{
	if (u < LIGATURE_FIRST || u > LIGATURE_LAST)
		return 0;
	gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
	gsize n = g_unichar_fully_decompose(u, TRUE, d, G_N_ELEMENTS(d));
	if (n < 2 || n > 4)
		return 0;
	for (gsize i = 0; i < n; i++)
		letters[i] = d[i] == 0x017F ? 's' : d[i]; /* U+FB05's long s reads as s (NFKC) */
	return n;
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The UTF-16 units of the hex string h (n digits, no brackets); how many, or -1 when it is
 * not whole units of hex or holds more than max. */
static int hex_units(const char *h, size_t n, unsigned *units, int max)
{
	if (n % 4 || n / 4 > (size_t)max)
		return -1;
	for (size_t i = 0; i < n; i += 4) {
		unsigned v = 0;
		for (size_t j = 0; j < 4; j++) {
			int d = hex_digit(h[i + j]);
			if (d < 0)
				return -1;
			v = v << 4 | (unsigned)d;
		}
		units[i / 4] = v;
	}
	return (int)(n / 4);
}

unsigned char *pdf_tounicode_objects(const pdf_raw *r)
{
	unsigned char *is = xcalloc(r->nobj + 1, 1);
	for (size_t k = 1; k < r->nobj; k++) {
		const char *d;
		size_t n;
		int t = r->off[k] && pdf_raw_body(r, (int)k, &d, &n) == 0 && n > 2 && d[0] == '<' && d[1] == '<'
				? pdf_dict_ref(d, n, "/ToUnicode")
				: -1;
		if (t > 0 && (size_t)t < r->nobj)
			is[t] = 1;
	}
	return is;
}

/* Past the hex string "<...>" that starts at i, or i when none does. */
static size_t skip_hex(const char *b, size_t len, size_t i)
{
	if (i >= len || b[i] != '<')
		return i;
	const char *e = memchr(b + i, '>', len - i);
	return e ? (size_t)(e - b) + 1 : i;
}

int pdf_spell_ligatures(const char *cmap, size_t len, strbuf *out)
{
	strbuf s = {0};
	size_t copied = 0, i = 0;
	const char *end = cmap + len, *sec;
	while ((sec = mem_find(cmap + i, end, "beginbfchar")) != NULL) {
		const char *stop = mem_find(sec, end, "endbfchar");
		size_t j = (size_t)(sec - cmap) + 11, last = stop ? (size_t)(stop - cmap) : len;
		/* pairs "<code> <text>" */
		for (;;) {
			while (j < last && (cmap[j] == ' ' || cmap[j] == '\n' || cmap[j] == '\r' || cmap[j] == '\t'))
				j++;
			size_t code_end = skip_hex(cmap, last, j), t = code_end;
			while (t < last && cmap[t] == ' ')
				t++;
			size_t text_end = code_end > j ? skip_hex(cmap, last, t) : t;
			if (code_end == j || text_end == t)
				break;
			unsigned u;
			gunichar letters[4];
			size_t n = hex_units(cmap + t + 1, text_end - t - 2, &u, 1) == 1 ? ligature_letters(u, letters) : 0;
			if (n) {
				sb_append(&s, cmap + copied, t - copied);
				sb_putc(&s, '<');
				for (size_t k = 0; k < n; k++)
					sb_printf(&s, "%04x", (unsigned)letters[k]);
				sb_putc(&s, '>');
				copied = text_end;
			}
			j = text_end;
		}
		i = last;
	}
	if (copied == 0)
		return 0;
	sb_append(&s, cmap + copied, len - copied);
	*out = s;
	return 1;
}

int pdf_is_ligature_span(const char *props, size_t len)
{
	const char *end = props + len, *v = mem_find(props, end, "/ActualText");
	if (len < 5 || memcmp(props, "/Span", 5) != 0 || !v)
		return 0;
	v += 11;
	while (v < end && *v == ' ')
		v++;
	const char *close = v < end && *v == '<' ? memchr(v, '>', (size_t)(end - v)) : NULL;
	unsigned units[5];
	int n = close ? hex_units(v + 1, (size_t)(close - v - 1), units, 5) : -1;
	if (n < 3 || units[0] != 0xFEFF) /* a byte-order mark and two letters at least */
		return 0;
	for (gunichar u = LIGATURE_FIRST; u <= LIGATURE_LAST; u++) {
		gunichar letters[4];
		size_t k = ligature_letters(u, letters);
		if (k == (size_t)n - 1) {
			size_t same = 0;
			while (same < k && letters[same] == units[same + 1])
				same++;
			if (same == k)
				return 1;
		}
	}
	return 0;
}
