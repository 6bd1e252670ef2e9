/* edges.c: notes on a quote that is the source's text but starts or ends inside one of its
 * words, which the search does not take (a quote is whole words): "Then BO" of "Then
 * BOM", or a word the source joins with a character that prints as nothing. */
#include "resolve/edges.h"

#include <unicode/uchar.h>

#include "base/util.h"

/* Whether c continues a word: a letter or digit, a combining mark, or a character that
 * prints as nothing (a source's U+FEFF inside a word). */
static int joins_word(uint32_t c)
{
	return u_isalnum((UChar32)c) || differ_is_mark(c) || differ_is_invisible(c);
}

/* One edge of an aligned passage inside a source word: at byte `at` (the passage's start,
 * dir -1, or end, dir 1), the character beyond it continues the word. */
static int note_word_edge(const aligned *al, size_t at, int dir, diag *d)
{
	const char *t = al->a->text;
	const art_para *p = &al->a->paras[al->para];
	uint32_t c = 0;
	size_t k = 0;
	if (dir > 0 && at < p->r.end)
		k = utf8_decode(t + at, p->r.end - at, &c);
	else if (dir < 0 && at > p->r.start) {
		size_t b = at - 1;
		while (b > p->r.start && ((unsigned char)t[b] & 0xC0) == 0x80)
			b--;
		k = utf8_decode(t + b, at - b, &c);
	}
	if (!k || !joins_word(c))
		return 0;
	size_t wb = at, we = at;
	while (wb > p->r.start) {
		size_t b = wb - 1;
		while (b > p->r.start && ((unsigned char)t[b] & 0xC0) == 0x80)
			b--;
		uint32_t x;
		if (!utf8_decode(t + b, wb - b, &x) || !joins_word(x))
			break;
		wb = b;
	}
	for (uint32_t x; we < p->r.end && (k = utf8_decode(t + we, p->r.end - we, &x)) && joins_word(x);)
		we += k;
	strbuf w = {0}, before = {0};
	differ_show_source(&w, t, wb, we);
	if (differ_is_invisible(c)) {
		char name[128];
		differ_show_source(&before, t, wb, at);
		diag_note(d, differ_art_loc(al->a, at),
			  "the source's word goes on %s '%s' with %s (U+%04lX), which prints as nothing: '%s'; a quote takes whole words",
			  dir > 0 ? "after" : "before", before.data ? before.data : "", match_char_name(c, name, sizeof name),
			  (unsigned long)c, w.data);
	} else {
		diag_note(d, differ_art_loc(al->a, at), "the quote %s inside the source's word '%s'; a quote takes whole words",
			  dir > 0 ? "ends" : "starts", w.data);
	}
	sb_free(&w);
	sb_free(&before);
	return 1;
}

int differ_note_word_edges(const aligned *al, diag *d)
{
	if (al->tend <= al->tstart || al->tend > al->tx.n)
		return 0;
	size_t b = al->f->st[al->tx.at[al->tstart]], e = al->f->en[al->tx.at[al->tend - 1]];
	int a = note_word_edge(al, b, -1, d);
	return note_word_edge(al, e, 1, d) || a;
}

