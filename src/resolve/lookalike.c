/* lookalike.c: which letters of other scripts look like a Latin letter (the Cyrillic М
 * and Е of "83М6Е2"), and which characters are other letters' compatibility forms (the
 * ligature ﬁ of "ofﬁcial"), for the notes on a quote not found. */
#include "resolve/lookalike.h"

#include <glib.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "base/util.h"
#include "resolve/match.h"

/* Letters of other scripts that look like a Latin letter, and that letter. */
static const struct {
	uint32_t cp;
	char latin;
} confusables[] = {
	{0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
	{0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
	{0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'},
	{0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'},
	{0x0458, 'j'}, {0x04BB, 'h'}, {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'},
	{0x0397, 'H'}, {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'},
	{0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03BF, 'o'}, {0x03BD, 'v'},
};

int lookalike_pair(uint32_t a, uint32_t b)
{
	uint32_t la = a, lb = b;
	for (size_t i = 0; i < sizeof confusables / sizeof *confusables; i++) {
		if (confusables[i].cp == a)
			la = (uint32_t)confusables[i].latin;
		if (confusables[i].cp == b)
			lb = (uint32_t)confusables[i].latin;
	}
	return a != b && la == lb && la < 0x80 && (la != a || lb != b);
}


/* The first letter or digit of w that is a compatibility character (a ligature, a full-width
 * letter): its byte offset, else -1; *c is it. Marks (U+FE63 SMALL HYPHEN-MINUS) are named
 * by the notes on marks. */
static long compat_letter(const char *w, uint32_t *c)
{
	for (const char *p = w; *p; p = g_utf8_next_char(p)) {
		*c = g_utf8_get_char(p);
		char u[8] = {0};
		g_unichar_to_utf8(*c, u);
		char *nk = g_utf8_normalize(u, -1, G_NORMALIZE_NFKC), *nc = g_utf8_normalize(u, -1, G_NORMALIZE_NFC);
		int compat = nk && nc && strcmp(nk, nc) != 0 && u_isalnum((UChar32)*c);
		g_free(nk);
		g_free(nc);
		if (compat)
			return (long)(p - w);
	}
	return -1;
}

int lookalike_note_compat(const char *typed, const char *source_word, const article *a, size_t source_at, loc quote_at,
			  diag *d)
{
	char *ka = g_utf8_normalize(typed, -1, G_NORMALIZE_NFKC), *kb = g_utf8_normalize(source_word, -1, G_NORMALIZE_NFKC);
	int same = ka && kb && strcmp(typed, source_word) != 0 && strcmp(ka, kb) == 0;
	g_free(ka);
	g_free(kb);
	uint32_t c = 0;
	long at = same ? compat_letter(source_word, &c) : -1;
	char name[128];
	if (at >= 0) {
		int line, col;
		text_linecol(a->text, source_at + (size_t)at, &line, &col);
		diag_note(d, loc_at(a->display, line, col),
			  "the source has %s (U+%04lX) in '%s' where you typed '%s', the same letters; copy the text from the source",
			  match_char_name(c, name, sizeof name), (unsigned long)c, source_word, typed);
		return 1;
	}
	if (!same || compat_letter(typed, &c) < 0)
		return 0;
	diag_note(d, quote_at,
		  "the quote has %s (U+%04lX) in '%s' where the source has '%s', the same letters; copy the text from the source",
		  match_char_name(c, name, sizeof name), (unsigned long)c, typed, source_word);
	return 1;
}
