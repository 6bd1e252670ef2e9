/* differ.c: the notes on how a piece of a quote differs from its closest passage: word
 * against word (a typo, letter case, the paragraph ending early), character by character
 * when the words would look the same (invisible characters, composed and decomposed
 * letters, dashes and marks the folding does not unify, a list item's marker), look-alike
 * letters from other scripts (lookalike.c knows them), and source words left out without […]. */
#include "resolve/differ.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "base/util.h"
#include "resolve/lookalike.h"
#include "resolve/match.h"
#include "resolve/negation.h"

static uint32_t lower_cp(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
	    (c >= 0x410 && c <= 0x42F))
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

int differ_is_mark(uint32_t c)
{
	int8_t t = u_charType((UChar32)c);
	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

int differ_is_word_cp(uint32_t c)
{
	return !(c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
		 c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == FOLD_EM || c == FOLD_ELL);
}

void differ_show_folded(strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == FOLD_EM)
			sb_puts(sb, "\xE2\x80\x94");
		else if (s[i] == FOLD_ELL)
			sb_puts(sb, "\xE2\x80\xA6");
		else
			sb_putc(sb, s[i]);
	}
}

void differ_show_source(strbuf *sb, const char *s, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++) {
		if (!(s[i] == '\r' && i + 1 < e && s[i + 1] == '\n')) /* CR LF is one line break */
			sb_putc(sb, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
		i += s[i] == '-' ? text_hyphen_wrap_len(s, b, e, i) : 0; /* "well-" / "known" whole, as it prints */
	}
}

loc differ_art_loc(const article *a, size_t off)
{
	int line, col;
	text_linecol(a->text, off, &line, &col);
	return loc_at(a->display, line, col);
}

/* The word (or single character) around cp index i of c, as [*b, *e). */
static void word_around(const cps *c, size_t i, size_t *b, size_t *e)
{
	if (i >= c->n) {
		*b = *e = c->n;
		return;
	}
	int inner_apostrophe = c->c[i] == '\'' && i > 0 && i + 1 < c->n && differ_is_word_cp(c->c[i - 1]) &&
			       differ_is_word_cp(c->c[i + 1]);
	if (!differ_is_word_cp(c->c[i]) && !inner_apostrophe) {
		*b = i;
		*e = i + 1;
		return;
	}
	size_t x = i, y = i;
	while (x > 0 && (differ_is_word_cp(c->c[x - 1]) || (c->c[x - 1] == '\'' && x > 1 && differ_is_word_cp(c->c[x - 2]))))
		x--;
	while (y < c->n && (differ_is_word_cp(c->c[y]) || (c->c[y] == '\'' && y + 1 < c->n && differ_is_word_cp(c->c[y + 1]))))
		y++;
	*b = x;
	*e = y;
}

#define MAX_LOOKALIKES 8

/* The distinct pairs of look-alike letters the alignment substitutes, in order. */
typedef struct lookalikes {
	uint32_t typed[MAX_LOOKALIKES], source[MAX_LOOKALIKES];
	size_t off[MAX_LOOKALIKES]; /* the source byte of the first of each */
	int n;
	int first; /* the first difference is one of them */
} lookalikes;

static void find_lookalikes(const aligned *al, lookalikes *lk)
{
	const uint32_t *you = al->nd.c, *src = al->tx.c;
	size_t i = 0, j = al->tstart;
	lk->n = lk->first = 0;
	for (size_t k = 0; k < al->nops; k++) {
		if (al->ops[k] == 'S' && lookalike_pair(you[i], src[j])) {
			if (i == al->di)
				lk->first = 1;
			int dup = 0;
			for (int q = 0; q < lk->n; q++)
				dup |= lk->typed[q] == you[i] && lk->source[q] == src[j];
			if (!dup && lk->n < MAX_LOOKALIKES) {
				lk->typed[lk->n] = you[i];
				lk->source[lk->n] = src[j];
				lk->off[lk->n] = al->f->st[al->tx.at[j]];
				lk->n++;
			}
		}
		if (al->ops[k] != 'I')
			j++;
		if (al->ops[k] != 'D')
			i++;
	}
}

static void note_lookalikes(const aligned *al, const lookalikes *lk, diag *d)
{
	for (int q = 0; q < lk->n; q++) {
		char src[128], you[128];
		diag_note(d, differ_art_loc(al->a, lk->off[q]),
			  "the source has %s (U+%04lX) where you typed %s (U+%04lX); copy the text from the source",
			  match_char_name(lk->source[q], src, sizeof src), (unsigned long)lk->source[q],
			  match_char_name(lk->typed[q], you, sizeof you), (unsigned long)lk->typed[q]);
	}
}

/* ---- a difference character by character ---- */

const char *match_char_name(unsigned long cp, char *buf, size_t n)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t k = u_charName((UChar32)cp, U_UNICODE_CHAR_NAME, buf, (int32_t)n, &e);
	if (U_FAILURE(e) || k <= 0 || (size_t)k >= n) {
		e = U_ZERO_ERROR;
		k = u_charName((UChar32)cp, U_EXTENDED_CHAR_NAME, buf, (int32_t)n, &e);
		if (U_FAILURE(e) || k <= 0 || (size_t)k >= n)
			snprintf(buf, n, "<unnamed>");
	}
	return buf;
}

/* Characters that print as nothing: format characters (zero-width spaces and joiners, the
 * soft hyphen, the byte order mark, direction marks), the combining grapheme joiner and
 * variation selectors. */
int differ_is_invisible(uint32_t c)
{
	return u_charType((UChar32)c) == U_FORMAT_CHAR || c == 0x34F || (c >= 0xFE00 && c <= 0xFE0F) ||
	       (c >= 0xE0100 && c <= 0xE01EF);
}

/* The first run of differences: the quote's nd[i0, i1) against the source's tx[j0, j1). */
typedef struct diffrun {
	size_t i0, i1, j0, j1;
} diffrun;

static diffrun first_run(const aligned *al)
{
	diffrun r = {0, 0, 0, 0};
	size_t i = 0, j = al->tstart;
	int in = 0;
	for (size_t k = 0; k < al->nops; k++) {
		if (al->ops[k] != 'M' && !in) {
			in = 1;
			r.i0 = i;
			r.j0 = j;
		} else if (al->ops[k] == 'M' && in) {
			break;
		}
		i += al->ops[k] != 'D';
		j += al->ops[k] != 'I';
	}
	r.i1 = i;
	r.j1 = j;
	return r;
}

/* The character of the quote that nd[i] was folded from, and of the source for tx[j]. */
static uint32_t typed_cp(const aligned *al, size_t i)
{
	uint32_t c = al->nd.c[i];
	size_t b = al->typed.st[al->nd.at[i]];
	if (b < al->typed.len && !utf8_decode(al->typed.words + b, al->typed.len - b, &c))
		c = al->nd.c[i];
	return c;
}

static uint32_t source_cp(const aligned *al, size_t j)
{
	uint32_t c = al->tx.c[j];
	size_t b = al->f->st[al->tx.at[j]];
	if (!utf8_decode(al->a->text + b, al->a->len - b, &c))
		c = al->tx.c[j];
	return c;
}

/* One side of a run as the characters it was folded from; a space stands for any white
 * space, which matching treats alike. */
#define RUN_MAX 8
typedef struct side {
	uint32_t c[RUN_MAX];
	size_t n;
} side;

/* The combining marks after the letter a cluster starts with, from byte b of text[0, len),
 * added to s (as room allows). */
static void add_marks(side *s, const char *text, size_t len, size_t b)
{
	uint32_t c;
	size_t k = b < len ? utf8_decode(text + b, len - b, &c) : 0;
	if (!k)
		return;
	for (b += k; b < len && s->n < RUN_MAX && (k = utf8_decode(text + b, len - b, &c)) && differ_is_mark(c); b += k)
		s->c[s->n++] = c;
}

static int side_of(const aligned *al, diffrun r, int of_source, side *s)
{
	size_t b = of_source ? r.j0 : r.i0, e = of_source ? r.j1 : r.i1;
	if (e - b > RUN_MAX)
		return 0;
	s->n = 0;
	for (size_t k = b; k < e && s->n < RUN_MAX; k++) {
		uint32_t folded = of_source ? al->tx.c[k] : al->nd.c[k];
		s->c[s->n++] = folded == ' ' ? ' ' : of_source ? source_cp(al, k) : typed_cp(al, k);
		if (folded & DIFFER_CLUSTER) {
			if (of_source)
				add_marks(s, al->a->text, al->a->len, al->f->st[al->tx.at[k]]);
			else
				add_marks(s, al->typed.words, al->typed.len, al->typed.st[al->nd.at[k]]);
		}
	}
	return 1;
}

/* "ZERO WIDTH SPACE (U+200B)", "e + COMBINING ACUTE ACCENT (U+0301)", "a space", "none". */
static void put_side(strbuf *sb, const side *s)
{
	if (s->n == 0)
		sb_puts(sb, "none");
	for (size_t k = 0; k < s->n; k++) {
		char name[128];
		uint32_t c = s->c[k];
		if (k)
			sb_puts(sb, " + ");
		if (c == ' ')
			sb_puts(sb, "a space");
		else if (c < 0x80 && ((c | 32) - 'a' < 26 || c - '0' < 10))
			sb_putc(sb, (char)c);
		else
			sb_printf(sb, "%s (U+%04lX)", match_char_name(c, name, sizeof name), (unsigned long)c);
	}
}

static char *side_utf8(const side *s)
{
	strbuf sb = {0};
	for (size_t k = 0; k < s->n; k++) {
		char u[4];
		sb_append(&sb, u, utf8_encode(s->c[k], u));
	}
	return sb_steal(&sb);
}

/* Where nd[i] was typed: its column in the brief when the words are on one line as written,
 * else the source's place of the difference. */
static loc typed_loc(const aligned *al, size_t i, loc dl)
{
	if (al->typed.at.col <= 0 || i >= al->nd.n)
		return dl;
	size_t b = al->typed.st[al->nd.at[i]];
	int col = al->typed.at.col;
	for (size_t k = 0; k < b && k < al->typed.len; k++)
		col += ((unsigned char)al->typed.words[k] & 0xC0) != 0x80;
	return loc_at(al->typed.at.file, al->typed.at.line, col);
}

/* "after 'Pyongyang'": the quote's word just before nd[i] (or before the space there), or
 * "at its start". */
static void put_context(strbuf *sb, const aligned *al, const char *pc, size_t i)
{
	if (i == 0) {
		sb_puts(sb, "at its start");
		return;
	}
	size_t e = i; /* the word before, without the space after it */
	if (al->nd.c[e - 1] == ' ' && e > 1)
		e--;
	size_t b = e;
	while (b > 0 && al->nd.c[b - 1] != ' ' && e - b < 24)
		b--;
	e = e < al->nd.n ? al->nd.at[e] : al->ndbytes;
	sb_puts(sb, "after '");
	differ_show_folded(sb, pc + al->nd.at[b], e - al->nd.at[b]);
	sb_putc(sb, '\'');
}

/* The quote's characters and the source's are the same letters, composed differently
 * (e + U+0301 against U+00E9): both spelt out. */
static int note_composition(const aligned *al, const side *you, const side *src, loc dl, diag *d)
{
	char *a = side_utf8(you), *b = side_utf8(src);
	char *na = g_utf8_normalize(a, -1, G_NORMALIZE_NFC), *nb = g_utf8_normalize(b, -1, G_NORMALIZE_NFC);
	int same = na && nb && strcmp(a, b) != 0 && strcmp(na, nb) == 0;
	if (same) {
		strbuf ys = {0}, ss = {0};
		put_side(&ys, you);
		put_side(&ss, src);
		diag_note(d, typed_loc(al, first_run(al).i0, dl),
			  "the quote's '%s' is %s; the source has %s; copy the text from the source", na, ys.data,
			  ss.data);
		sb_free(&ys);
		sb_free(&ss);
	}
	free(a);
	free(b);
	g_free(na);
	g_free(nb);
	return same;
}

/* The word differing is the same letters but for a ligature or the like (lookalike.c): named. */
static int note_compatibility(const aligned *al, diffrun r, const char *pc, loc dl, diag *d)
{
	size_t wb, we, tb, te;
	word_around(&al->nd, r.i0, &wb, &we);
	word_around(&al->tx, r.j0, &tb, &te);
	if (we <= wb || te <= tb)
		return 0;
	strbuf a = {0}, b = {0};
	differ_show_folded(&a, pc + al->nd.at[wb], (we < al->nd.n ? al->nd.at[we] : al->ndbytes) - al->nd.at[wb]);
	differ_show_source(&b, al->a->text, al->f->st[al->tx.at[tb]], al->f->en[al->tx.at[te - 1]]);
	int found = lookalike_note_compat(a.data, b.data, al->a, al->f->st[al->tx.at[tb]], typed_loc(al, wb, dl), d);
	sb_free(&a), sb_free(&b);
	return found;
}

/* One invisible character: of the quote (typed) at nd[i], else of the source at tx[j];
 * at: the quote's place, for the words before it. */
static void note_one_invisible(const aligned *al, int typed, size_t i, size_t j, const char *pc, loc dl, diag *d)
{
	uint32_t c = typed ? typed_cp(al, i) : source_cp(al, j);
	char name[128];
	strbuf where = {0};
	put_context(&where, al, pc, i);
	if (typed)
		diag_note(d, typed_loc(al, i, dl), "the quote has %s (U+%04lX) %s where the source has none",
			  match_char_name(c, name, sizeof name), (unsigned long)c, where.data);
	else
		diag_note(d, differ_art_loc(al->a, al->f->st[al->tx.at[j]]),
			  "the source has %s (U+%04lX) %s where the quote has none; copy the text from the source",
			  match_char_name(c, name, sizeof name), (unsigned long)c, where.data);
	sb_free(&where);
}

/* Characters that print as nothing, in the quote or in the source, and nothing else
 * different: each named, with where it is. Returns 1 if that is the difference. */
static int note_invisible(const aligned *al, diffrun r, const char *pc, loc dl, diag *d)
{
	for (int pass = 0; pass < 2; pass++) {
		size_t i = r.i0, j = r.j0;
		int any = 0;
		while (i < r.i1 || j < r.j1) {
			int ci = i < r.i1 && differ_is_invisible(typed_cp(al, i)), cj = j < r.j1 && differ_is_invisible(source_cp(al, j));
			if (!ci && !cj) {
				if (i == r.i1 || j == r.j1 || al->nd.c[i] != al->tx.c[j])
					return 0;
				i++, j++;
				continue;
			}
			if (pass)
				note_one_invisible(al, ci, i, j, pc, dl, d);
			any = 1;
			i += ci;
			j += !ci;
		}
		if (!any)
			return 0;
	}
	return 1;
}

/* The run falls on a source list item's marker: the quote runs on into the next item
 * without the marker, or with something else in its place. */
static int note_list_item(const aligned *al, diffrun r, const side *you, diag *d)
{
	const art_para *p = &al->a->paras[al->para];
	if (!p->nitems || r.j1 <= r.j0)
		return 0;
	const char *text = al->a->text;
	size_t sb = al->f->st[al->tx.at[r.j0]], se = al->f->en[al->tx.at[r.j1 - 1]];
	int number = 0;
	for (size_t k = 0; k < p->nitems; k++) {
		size_t at = p->items[k].start, ml = article_item_marker_len(text, p->items[k].end, at);
		number += ml > 0;
		while (ml > 0 && text[at + ml - 1] == ' ')
			ml--;
		if (!ml || at >= se || at + ml <= sb)
			continue;
		int typed_any = 0;
		for (size_t q = 0; q < you->n; q++)
			typed_any |= you->c[q] != ' ';
		char *ys = side_utf8(you);
		if (typed_any)
			diag_note(d, differ_art_loc(al->a, at),
				  "the quote has '%s' where the source has the marker '%.*s' of list item %d; copy the marker, or mark the cut with [\xE2\x80\xA6]",
				  ys, (int)ml, text + at, number);
		else
			diag_note(d, differ_art_loc(al->a, at),
				  "the source starts list item %d here with the marker '%.*s', which the quote leaves out; copy the marker, or mark the cut with [\xE2\x80\xA6]",
				  number, (int)ml, text + at);
		free(ys);
		return 1;
	}
	return 0;
}

/* 1 if the run is one hyphen or dash on each side that differ only in how they are spaced
 * ("2019 – 2021" typed for "2019–2021"): named by their spacing, not their characters,
 * which may well be the same. */
static int dash_spacing_only(const aligned *al, diffrun r, const side *you, const side *src)
{
	if (r.i1 - r.i0 != 1 || r.j1 - r.j0 != 1 || you->n != 1 || src->n != 1)
		return 0;
	uint32_t a = al->nd.c[r.i0], b = al->tx.c[r.j0];
	return ((a == FOLD_EM && b == '-') || (a == '-' && b == FOLD_EM)) && find_hyphen_cp(you->c[0]) &&
	       find_hyphen_cp(src->c[0]);
}

/* What the quote has at the run against what the source has, character by character. */
static void note_chars(const aligned *al, diffrun r, const side *you, const side *src, const char *pc, loc dl, diag *d)
{
	strbuf where = {0}, ys = {0}, ss = {0};
	put_context(&where, al, pc, r.i0);
	put_side(&ys, you);
	put_side(&ss, src);
	if (dash_spacing_only(al, r, you, src) && al->nd.c[r.i0] == FOLD_EM)
		diag_note(d, typed_loc(al, r.i0, dl),
			  "the quote has %s %s spaced or doubled, which reads as a dash, where the source has %s "
			  "with no space around it, which reads as a hyphen (a range, a compound): type it as the "
			  "source has it",
			  ys.data, where.data, ss.data);
	else if (dash_spacing_only(al, r, you, src))
		diag_note(d, typed_loc(al, r.i0, dl),
			  "the quote has %s %s with no space around it, which reads as a hyphen (a range, a "
			  "compound), where the source has %s spaced or doubled, which reads as a dash: type it as "
			  "the source has it",
			  ys.data, where.data, ss.data);
	else if (you->n)
		diag_note(d, typed_loc(al, r.i0, dl), "the quote has %s %s where the source has %s", ys.data, where.data,
			  ss.data);
	else
		diag_note(d, dl, "the source has %s %s where the quote has none", ss.data, where.data);
	sb_free(&where);
	sb_free(&ys);
	sb_free(&ss);
}

/* Whether a side is printable ASCII only: words and marks anyone can read, not to be
 * named character by character. */
static int plain_side(const side *s)
{
	for (size_t k = 0; k < s->n; k++)
		if (s->c[k] < 0x20 || s->c[k] >= 0x7F)
			return 0;
	return 1;
}

/* Plain words one side has and the other has not, at a place where the words around look
 * alike ("Route (NSR) carried" typed "Route carried"): said as words, not as characters. */
static int note_plain_words(const aligned *al, diffrun r, const side *you, const side *src, const char *pc, loc dl,
			    diag *d)
{
	if (!plain_side(you) || !plain_side(src) || (you->n != 0) == (src->n != 0) || r.i0 == 0 || r.i1 >= al->nd.n)
		return 0;
	const side *has = you->n ? you : src;
	/* whole words only: a letter missing inside a word is a misspelling ("protivn(i)k") */
	if (has->c[0] != ' ' && has->c[has->n - 1] != ' ')
		return 0;
	char *what = side_utf8(has);
	size_t b = 0, e = strlen(what);
	while (b < e && what[b] == ' ')
		b++;
	while (e > b && what[e - 1] == ' ')
		e--;
	strbuf where = {0};
	put_context(&where, al, pc, r.i0);
	size_t neg_at;
	if (e > b && src->n && negation_in(what, b, e, &neg_at))
		diag_note(d, dl, "the source has '%.*s' %s, which the quote leaves out: copy it (a cut there would leave out a negation)",
			  (int)(e - b), what + b, where.data);
	else if (e > b && src->n)
		diag_note(d, dl, "the source has '%.*s' %s, which the quote leaves out: copy it, or mark the cut with [\xE2\x80\xA6]",
			  (int)(e - b), what + b, where.data);
	else if (e > b)
		diag_note(d, typed_loc(al, r.i0, dl), "the quote has '%.*s' %s, which the source does not have", (int)(e - b),
			  what + b, where.data);
	sb_free(&where);
	free(what);
	return e > b;
}

/* The quote ends in characters the source does not have there ("was 7-2." where it has
 * "was 7 to 2."): how far the source's text from tx[j] on reaches to cover them, to the
 * end of the quote's last run of letters or digits found within a few words of j (else j). */
static size_t source_reaches(const aligned *al, size_t from, size_t j)
{
	size_t e = al->nd.n;
	while (e > from && !u_isalnum((UChar32)al->nd.c[e - 1]))
		e--;
	size_t b = e;
	while (b > from && u_isalnum((UChar32)al->nd.c[b - 1]))
		b--;
	size_t n = e - b;
	if (n == 0)
		return j;
	for (size_t k = j; k + n <= al->tx.n && k < j + 40; k++) {
		if ((k > 0 && u_isalnum((UChar32)al->tx.c[k - 1])) || (k + n < al->tx.n && u_isalnum((UChar32)al->tx.c[k + n])))
			continue;
		size_t q = 0;
		while (q < n && al->tx.c[k + q] == al->nd.c[b + q])
			q++;
		if (q == n)
			return k + n;
	}
	return j;
}

/* Marks one side has and the other has not between words that are the same ("mayor,
 * Ingrid" typed "mayor Ingrid"): the marks named with the word before them. */
static int note_plain_marks(const aligned *al, diffrun r, const side *you, const side *src, const char *pc, loc dl,
			    diag *d)
{
	/* between words: at the quote's end, "her." against "here." is a word misspelt */
	if ((you->n != 0) == (src->n != 0) || r.i0 == 0 || r.i1 >= al->nd.n)
		return 0;
	const side *has = you->n ? you : src;
	for (size_t k = 0; k < has->n; k++)
		if (has->c[k] == ' ' || differ_is_word_cp(has->c[k]))
			return 0;
	char *what = side_utf8(has);
	strbuf where = {0};
	put_context(&where, al, pc, r.i0);
	if (src->n)
		diag_note(d, dl, "the source has '%s' %s, which the quote leaves out: copy it", what, where.data);
	else
		diag_note(d, typed_loc(al, r.i0, dl), "the quote has '%s' %s, which the source does not have", what,
			  where.data);
	sb_free(&where);
	free(what);
	return 1;
}

/* The first difference character by character, when words would hide it: a list item's
 * marker, a letter composed one way against the other, characters that print as nothing,
 * marks the folding does not make alike. names: name the characters even when all are
 * plain ASCII (the words around them look the same). Returns 1 if it wrote a note. */
static int note_by_chars(const aligned *al, const char *pc, int names, loc dl, diag *d)
{
	diffrun r = first_run(al);
	side you, src;
	if (!side_of(al, r, 0, &you) || !side_of(al, r, 1, &src))
		return 0;
	if (note_list_item(al, r, &you, d) || note_composition(al, &you, &src, dl, d) ||
	    note_compatibility(al, r, pc, dl, d) || note_invisible(al, r, pc, dl, d))
		return 1;
	if (note_plain_words(al, r, &you, &src, pc, dl, d) || note_plain_marks(al, r, &you, &src, pc, dl, d))
		return 1;
	if (src.n == 0 && r.i1 == al->nd.n && r.j0 < al->tx.n && al->tx.c[r.j0] != ' ') {
		src.c[src.n++] = source_cp(al, r.j0); /* the quote ends on it: the source's next one */
		if (al->tx.c[r.j0] & DIFFER_CLUSTER)
			add_marks(&src, al->a->text, al->a->len, al->f->st[al->tx.at[r.j0]]);
	}
	for (size_t k = 0; k < you.n; k++)
		names |= you.c[k] >= 0x80 && !u_isalnum((UChar32)you.c[k]);
	for (size_t k = 0; k < src.n; k++)
		names |= src.c[k] >= 0x80 && !u_isalnum((UChar32)src.c[k]);
	if (!names || you.n + src.n == 0)
		return 0;
	note_chars(al, r, &you, &src, pc, dl, d);
	return 1;
}

/* 1 if the typed word nd[wb, we) and the source's tx[tb, te) differ, in letter case only. */
static int case_only(const aligned *al, size_t wb, size_t we, size_t tb, size_t te)
{
	if (we - wb != te - tb || we <= wb)
		return 0;
	int differ = 0;
	for (size_t q = 0; q < we - wb; q++) {
		if (lower_cp(al->nd.c[wb + q]) != lower_cp(al->tx.c[tb + q]))
			return 0;
		differ |= al->nd.c[wb + q] != al->tx.c[tb + q];
	}
	return differ;
}

/* The piece goes on where its paragraph ends: what more was typed, up to 60 bytes. */
static void note_typed_more(const aligned *al, const char *pc, size_t plen, loc dl, diag *d)
{
	strbuf more = {0};
	size_t mb = al->nd.at[al->di];
	while (mb < plen && pc[mb] == ' ')
		mb++;
	differ_show_folded(&more, pc + mb, plen - mb > 60 ? 60 : plen - mb);
	diag_note(d, dl, "paragraph %zu ends here, but you typed more: '%s%s'", al->para + 1,
		  more.data ? more.data : "", plen - mb > 60 ? "\xE2\x80\xA6" : "");
	sb_free(&more);
}

/* When [*b, *e) of c is one space between two words, the two words and the space. */
static void words_beside_space(const cps *c, size_t *b, size_t *e)
{
	if (*e != *b + 1 || c->c[*b] != ' ' || *b == 0 || *e >= c->n || !differ_is_word_cp(c->c[*b - 1]) ||
	    !differ_is_word_cp(c->c[*e]))
		return;
	size_t b1, e1, b2, e2;
	word_around(c, *b - 1, &b1, &e1);
	word_around(c, *e, &b2, &e2);
	*b = b1;
	*e = e2;
}

/* The family of a quotation mark: 1 double, 2 single, 3 guillemets; 0 for none. */
static int quote_mark(uint32_t c)
{
	if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E)
		return 1;
	if (c == '\'' || c == 0x2018 || c == 0x2019)
		return 2;
	return c == 0xAB || c == 0xBB ? 3 : 0;
}

/* Where the source has quotation marks the quote leaves out ("reads only the BREAKING
 * heading" for the source's 'the "BREAKING" heading'): the words in them, with the marks,
 * from the source byte b of the opening mark. Returns 1 when said. */
static int note_quote_marks(const aligned *al, size_t b, const char *typed, loc dl, diag *d)
{
	const char *s = al->a->text;
	size_t n = strlen(s);
	uint32_t c = 0;
	size_t cl = utf8_decode(s + b, n - b, &c);
	int family = cl ? quote_mark(c) : 0;
	/* where the source has its opening mark, the quote has a letter: it has none */
	if (!family || c == 0x2019 || c == 0xBB || !typed || al->dop != 'D' || al->di >= al->nd.n ||
	    !differ_is_word_cp(al->nd.c[al->di]))
		return 0;
	/* the closing mark of the same family within a few words, on the same line, and not an
	 * apostrophe ("don't": a letter follows it) */
	for (size_t e = b + cl, k; e < n && e < b + 120 && s[e] != '\n'; e += k ? k : 1) {
		k = utf8_decode(s + e, n - e, &c);
		uint32_t next = 0;
		if (k && e + k < n)
			utf8_decode(s + e + k, n - e - k, &next);
		if (k && quote_mark(c) == family && e > b + cl && !differ_is_word_cp(next)) {
			strbuf has = {0};
			differ_show_source(&has, s, b, e + k);
			diag_note(d, dl, "the source has %s in quotation marks, which the quote leaves out; type them too "
					 "(straight quotes match curly ones)", has.data);
			sb_free(&has);
			return 1;
		}
	}
	return 0;
}

/* The first difference: character by character when words would hide it, else word against
 * word: letter case, the paragraph ending early, or what was typed against what the source
 * has. Two words shown alike mean the difference is not in their letters: it is named. */
static void note_difference(const aligned *al, const char *pc, size_t plen, int first_is_lookalike, diag *d)
{
	const ftext *f = al->f;
	loc dl = differ_art_loc(al->a, al->diff_off);
	size_t wb, we, tb, te;
	word_around(&al->nd, al->di, &wb, &we);
	word_around(&al->tx, al->dj, &tb, &te);
	/* a space typed before a mark the source has closed up ("hour - not" against the
	 * source's "hour -- not", an em dash whose spaces fold away): the mark is what differs */
	if (we == wb + 1 && al->nd.c[wb] == ' ' && we < al->nd.n && al->nd.c[we] != ' ' && !u_isalnum((UChar32)al->nd.c[we])) {
		wb = we;
		while (we < al->nd.n && al->nd.c[we] != ' ' && !u_isalnum((UChar32)al->nd.c[we]))
			we++;
	} else {
		/* a space where the source joins two words ("long chain" for "long-chain"): "you
		 * typed ' '" says nothing; the words on both sides of it show the difference */
		words_beside_space(&al->nd, &wb, &we);
	}
	/* the same where the source has a space and the quote joins its two words ("That's"
	 * for the source's "That is"): "the source has ' '" says nothing */
	if (we > wb && differ_is_word_cp(al->nd.c[wb]))
		words_beside_space(&al->tx, &tb, &te);
	strbuf typed = {0}, has = {0};
	if (we > wb) {
		size_t bb = al->nd.at[wb], be = we < al->nd.n ? al->nd.at[we] : al->ndbytes;
		differ_show_folded(&typed, pc + bb, be - bb);
	}
	if (te > tb)
		differ_show_source(&has, al->a->text, f->st[al->tx.at[tb]], f->en[al->tx.at[te - 1]]);
	int alike = typed.data && has.data && strcmp(typed.data, has.data) == 0;
	if (first_is_lookalike) {
		/* the words look the same: only naming the letters helps */
	} else if (al->dop == 'I' && al->dj >= al->tx.n && al->win_end >= f->len) {
		note_typed_more(al, pc, plen, dl, d);
	} else if (note_quote_marks(al, al->diff_off, typed.data, dl, d)) {
		/* marks left out, shown with the words they quote */
	} else if (note_by_chars(al, pc, alike, dl, d)) {
		/* named character by character */
	} else if (case_only(al, wb, we, tb, te)) {
		diag_note(d, dl, "letter case differs: you typed '%s', the source has '%s'", typed.data, has.data);
	} else if (!typed.data) {
		diag_note(d, dl, "the source has '%s' where you typed nothing", has.data ? has.data : "");
	} else if (!has.data) {
		diag_note(d, dl, "you typed '%s', the source has nothing there", typed.data);
	} else if (alike) {
		diag_note(d, dl, "the source differs from the quote around '%s' in more than a few characters", has.data);
	} else {
		/* the words the first run of differences covers on each side ("7-2" against "7 to
		 * 2": the words around the first difference alone were "7 to") */
		diffrun r = first_run(al);
		size_t rb = r.i0, re = r.i1, sb0 = r.j0, se = r.j1;
		while (rb > 0 && differ_is_word_cp(al->nd.c[rb - 1]))
			rb--;
		while (re < al->nd.n && differ_is_word_cp(al->nd.c[re]))
			re++;
		while (sb0 > al->tstart && differ_is_word_cp(al->tx.c[sb0 - 1]))
			sb0--;
		while (se < al->tx.n && differ_is_word_cp(al->tx.c[se]))
			se++;
		if (r.i1 == al->nd.n && r.j1 == r.j0) {
			size_t reach = source_reaches(al, rb, se);
			while (reach > se && re > rb && !u_isalnum((UChar32)al->nd.c[re - 1]))
				re--; /* "7-2" against "7 to 2", the full stop after both */
			se = reach;
		}
		if (rb <= wb && re >= we && sb0 <= tb && se >= te && re > rb && se > sb0 && re - rb <= 80 &&
		    se - sb0 <= 80) {
			sb_free(&typed);
			sb_free(&has);
			differ_show_folded(&typed, pc + al->nd.at[rb], (re < al->nd.n ? al->nd.at[re] : al->ndbytes) - al->nd.at[rb]);
			differ_show_source(&has, al->a->text, f->st[al->tx.at[sb0]], f->en[al->tx.at[se - 1]]);
		}
		diag_note(d, dl, "you typed '%s', the source has '%s'", typed.data, has.data);
	}
	sb_free(&typed);
	sb_free(&has);
}

/* A run of the source's words the piece leaves out (an attribution between two sentences):
 * an elision not marked. Said for the first run of CUT_MIN characters or more. */
#define CUT_MIN 12
static void note_cut(const aligned *al, diag *d)
{
	size_t j = al->tstart, run = 0, from = 0;
	for (size_t k = 0; k <= al->nops; k++) {
		if (k < al->nops && al->ops[k] == 'D') {
			if (run++ == 0)
				from = j;
		} else if (run >= CUT_MIN) {
			const ftext *f = al->f;
			size_t b = f->st[al->tx.at[from]], e = f->en[al->tx.at[from + run - 1]];
			strbuf cut = {0};
			differ_show_source(&cut, al->a->text, b, e - b > 80 ? b + 80 : e);
			size_t neg_at, neg = negation_in(al->a->text, b, e, &neg_at);
			if (neg)
				diag_note(d, differ_art_loc(al->a, b),
					  "the source has more here: '%s%s', with '%.*s' in it, which turns the meaning: quote it",
					  cut.data, e - b > 80 ? "\xE2\x80\xA6" : "", (int)neg, al->a->text + neg_at);
			else
				diag_note(d, differ_art_loc(al->a, b), "the source has more here: '%s%s'; to leave it out, mark the cut with [\xE2\x80\xA6]",
					  cut.data, e - b > 80 ? "\xE2\x80\xA6" : "");
			sb_free(&cut);
			return;
		} else {
			run = 0;
		}
		if (k < al->nops && al->ops[k] != 'I')
			j++;
	}
}


void differ_notes(const aligned *al, const char *pc, size_t plen, diag *d)
{
	lookalikes lk;
	find_lookalikes(al, &lk);
	note_difference(al, pc, plen, lk.first, d);
	note_cut(al, d);
	note_lookalikes(al, &lk, d);
}
