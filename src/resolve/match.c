/* match.c: folded-text search of quotes in articles, with elisions, and the "closest passage"
 * explanation when a quote is not in its source. */
#define _GNU_SOURCE /* memmem */
#include "resolve/match.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* Folded classes that have no single ASCII stand-in. Raw control bytes are folded away
 * from these (to FOLD_CTRL) so that they cannot pose as a dash or an ellipsis. */
#define FOLD_EM 0x1E
#define FOLD_ELL 0x1F
#define FOLD_CTRL 0x1A

/* Folded text: s[i] came from the source bytes [st[i], en[i]). */
typedef struct ftext {
	char *s;
	uint32_t *st, *en;
	size_t len, cap;
} ftext;

struct matcher {
	const article *a;
	ftext *p; /* one per paragraph: views into all, each followed by a NUL */
	size_t n;
	ftext all; /* the folded article, in one piece: no allocation per paragraph */
};

static void ft_push(ftext *f, char c, size_t st, size_t en)
{
	if (f->len == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->s = xrealloc(f->s, f->cap + 1);
		f->st = xrealloc(f->st, f->cap * sizeof *f->st);
		f->en = xrealloc(f->en, f->cap * sizeof *f->en);
	}
	f->s[f->len] = c;
	f->st[f->len] = (uint32_t)st;
	f->en[f->len] = (uint32_t)en;
	f->len++;
	f->s[f->len] = 0;
}

static void ft_free(ftext *f)
{
	free(f->s);
	free(f->st);
	free(f->en);
	memset(f, 0, sizeof *f);
}

static int is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static int dquote_cp(uint32_t c)
{
	return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033;
}

static int squote_cp(uint32_t c)
{
	return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032;
}

/* Folds s[b, e) onto the end of f. Spaces next to an em dash are dropped, so that both
 * "goal -- he" and "goal—he" fold to the same thing. */
static void fold(const char *s, size_t b, size_t e, ftext *f)
{
	size_t i = b;
	while (i < e) {
		uint32_t c;
		size_t n = utf8_decode(s + i, e - i, &c);
		if (!n) {
			c = 0xFFFD;
			n = 1;
		}
		if (is_space_cp(c)) {
			size_t j = i + n;
			for (;;) {
				uint32_t c2;
				size_t n2 = utf8_decode(s + j, e - j, &c2);
				if (!n2 || !is_space_cp(c2))
					break;
				j += n2;
			}
			if (f->len && f->s[f->len - 1] != ' ' && f->s[f->len - 1] != FOLD_EM)
				ft_push(f, ' ', i, j);
			i = j;
			continue;
		}
		char out;
		if (c == '-') {
			size_t k = 1;
			while (k < 3 && i + k < e && s[i + k] == '-')
				k++;
			n = k;
			out = k == 1 ? '-' : FOLD_EM;
		} else if (c == 0x2014) {
			out = FOLD_EM;
		} else if (c == 0x2013 || c == 0x2011 || c == 0x2010) {
			out = '-';
		} else if (c == '.' && i + 2 < e && s[i + 1] == '.' && s[i + 2] == '.') {
			n = 3;
			out = FOLD_ELL;
		} else if (c == 0x2026) {
			out = FOLD_ELL;
		} else if (dquote_cp(c)) {
			out = '"';
		} else if (squote_cp(c)) {
			out = '\'';
		} else if (c == FOLD_EM || c == FOLD_ELL) {
			out = FOLD_CTRL;
		} else {
			/* every byte of a character maps to the whole character */
			for (size_t k = 0; k < n; k++)
				ft_push(f, s[i + k], i, i + n);
			i += n;
			continue;
		}
		if (out == FOLD_EM && f->len && f->s[f->len - 1] == ' ')
			f->len--;
		ft_push(f, out, i, i + n);
		i += n;
	}
	if (f->len && f->s[f->len - 1] == ' ')
		f->len--;
	if (f->s)
		f->s[f->len] = 0;
}

matcher *matcher_new(const article *a)
{
	matcher *m = xcalloc(1, sizeof *m);
	m->a = a;
	m->n = a->nparas;
	m->p = xcalloc(m->n + 1, sizeof *m->p);
	size_t *off = xcalloc(m->n + 1, sizeof *off);
	ftext one = {0}; /* each paragraph is folded on its own (fold looks back), then appended */
	/* folding never makes text longer, so the source's size (and a NUL a paragraph) is room
	 * enough: no regrowth, which would need twice the memory for a moment */
	size_t room = 0;
	for (size_t i = 0; i < m->n; i++)
		room += a->paras[i].r.end - a->paras[i].r.start + 1;
	m->all.cap = room;
	m->all.s = xmalloc(room + 1);
	m->all.st = xmalloc(room * sizeof *m->all.st);
	m->all.en = xmalloc(room * sizeof *m->all.en);
	for (size_t i = 0; i < m->n; i++) {
		off[i] = m->all.len;
		one.len = 0;
		fold(a->text, a->paras[i].r.start, a->paras[i].r.end, &one);
		for (size_t k = 0; k < one.len; k++)
			ft_push(&m->all, one.s[k], one.st[k], one.en[k]);
		m->p[i].len = one.len;
		ft_push(&m->all, 0, a->paras[i].r.end, a->paras[i].r.end);
	}
	ft_free(&one);
	/* fit to size once the buffers stop moving, then point the views into them */
	ftext *f = &m->all;
	if (f->len) {
		f->cap = f->len;
		f->s = xrealloc(f->s, f->cap + 1);
		f->st = xrealloc(f->st, f->cap * sizeof *f->st);
		f->en = xrealloc(f->en, f->cap * sizeof *f->en);
	}
	for (size_t i = 0; i < m->n; i++) {
		m->p[i].s = f->s + off[i];
		m->p[i].st = f->st + off[i];
		m->p[i].en = f->en + off[i];
		m->p[i].cap = 0;
	}
	free(off);
	return m;
}

void matcher_free(matcher *m)
{
	if (!m)
		return;
	ft_free(&m->all);
	free(m->p);
	free(m);
}

void match_clear(match *r)
{
	free(r->spans);
	free(r->others);
	memset(r, 0, sizeof *r);
}

/* ---- needles: folded words split into the pieces between elisions ---- */

typedef struct piece {
	size_t off, len; /* into the folded needle */
} piece;

typedef struct needle {
	ftext f;
	piece *pc;
	size_t npc;
	int bare_ellipsis; /* an ellipsis outside brackets: may be literal or an elision */
} needle;

/* Length of an elision mark "[…]" (spaces inside allowed) at f->s[i], else 0. */
static size_t bracket_elision(const ftext *f, size_t i)
{
	size_t j = i;
	if (f->s[j] != '[')
		return 0;
	j++;
	if (j < f->len && f->s[j] == ' ')
		j++;
	if (j >= f->len || f->s[j] != FOLD_ELL)
		return 0;
	j++;
	if (j < f->len && f->s[j] == ' ')
		j++;
	if (j >= f->len || f->s[j] != ']')
		return 0;
	return j + 1 - i;
}

static void add_piece(needle *nd, size_t b, size_t e)
{
	while (b < e && nd->f.s[b] == ' ')
		b++;
	while (e > b && nd->f.s[e - 1] == ' ')
		e--;
	if (b == e)
		return;
	nd->pc = xrealloc(nd->pc, (nd->npc + 1) * sizeof *nd->pc);
	nd->pc[nd->npc].off = b;
	nd->pc[nd->npc].len = e - b;
	nd->npc++;
}

/* loose: a bare ellipsis is an elision too. */
static void split_pieces(needle *nd, int loose)
{
	free(nd->pc);
	nd->pc = NULL;
	nd->npc = 0;
	size_t b = 0;
	for (size_t i = 0; i < nd->f.len;) {
		size_t k = bracket_elision(&nd->f, i);
		if (!k && nd->f.s[i] == FOLD_ELL) {
			nd->bare_ellipsis = 1;
			if (loose)
				k = 1;
		}
		if (k) {
			add_piece(nd, b, i);
			i += k;
			b = i;
		} else {
			i++;
		}
	}
	add_piece(nd, b, nd->f.len);
}

static void needle_init(needle *nd, const char *words, int loose)
{
	memset(nd, 0, sizeof *nd);
	fold(words, 0, strlen(words), &nd->f);
	split_pieces(nd, loose);
}

static void needle_free(needle *nd)
{
	ft_free(&nd->f);
	free(nd->pc);
}

/* First occurrence of pat[0, n) in f->s[from, to), or -1. */
static long find_in(const ftext *f, size_t from, size_t to, const char *pat, size_t n)
{
	if (n == 0 || to > f->len || from >= to || to - from < n)
		return -1;
	/* glibc's memmem is linear (two-way) in the text and the pattern; a loop of memchr and
	 * memcmp is not: a long quote of repeated words against a long paragraph of them took
	 * seconds */
	const char *q = memmem(f->s + from, to - from, pat, n);
	return q ? (long)(q - f->s) : -1;
}

/* 1 if the character ending just before folded position i (or starting at it) is part of
 * a word: letters and digits of any script. */
static int word_before(const ftext *f, size_t i)
{
	if (i == 0)
		return 0;
	size_t b = i - 1;
	while (b > 0 && ((unsigned char)f->s[b] & 0xC0) == 0x80)
		b--;
	uint32_t c;
	if (!utf8_decode(f->s + b, i - b, &c))
		return 0;
	return (c < 0x80 && ((c | 32) - 'a' < 26 || c - '0' < 10)) || (c >= 0xC0 && (c < 0x2000 || c > 0x206F));
}

static int word_at(const char *s, size_t len, size_t i)
{
	uint32_t c;
	if (i >= len || !utf8_decode(s + i, len - i, &c))
		return 0;
	return (c < 0x80 && ((c | 32) - 'a' < 26 || c - '0' < 10)) || (c >= 0xC0 && (c < 0x2000 || c > 0x206F));
}

/* Like find_in, but the match may not start or end inside a word of the source: "eta" is
 * not found in "Zeta". */
static long find_word(const ftext *f, size_t from, size_t to, const char *pat, size_t n)
{
	int wb = word_at(pat, n, 0);
	size_t k = n;
	while (k > 0 && ((unsigned char)pat[k - 1] & 0xC0) == 0x80)
		k--;
	int we = k > 0 && word_at(pat, n, k - 1);
	for (long at; (at = find_in(f, from, to, pat, n)) >= 0;) {
		size_t e = (size_t)at + n;
		if (wb && word_before(f, (size_t)at)) {
			/* inside a word: no match can start before the word's end, so skip it whole
			 * (one step at a time is quadratic in a long run of letters) */
			size_t w = (size_t)at;
			uint32_t c;
			size_t cl;
			while (word_at(f->s, f->len, w) && (cl = utf8_decode(f->s + w, f->len - w, &c)) > 0)
				w += cl;
			from = w > (size_t)at ? w : (size_t)at + 1;
			continue;
		}
		if (!we || e >= f->len || !word_at(f->s, f->len, e))
			return at;
		from = (size_t)at + 1;
	}
	return -1;
}

/* Places the pieces in order in paragraph para from folded position pos, piece 0 at its
 * first occurrence. starts[] gets each piece's position. Returns 1 if all were placed. */
static int place(const matcher *m, const needle *nd, size_t para, size_t pos, size_t *starts)
{
	const ftext *f = &m->p[para];
	for (size_t k = 0; k < nd->npc; k++) {
		if (k > 0) {
			/* the elided stretch must hold more than the space around it */
			size_t prev = starts[k - 1] + nd->pc[k - 1].len;
			pos = prev + (prev < f->len && f->s[prev] == ' ' ? 2 : 1);
		}
		long at = find_word(f, pos, f->len, nd->f.s + nd->pc[k].off, nd->pc[k].len);
		if (at < 0)
			return 0;
		starts[k] = (size_t)at;
	}
	return 1;
}

static range src_range(const ftext *f, size_t b, size_t n)
{
	range r = {f->st[b], f->en[b + n - 1]};
	return r;
}

static void push_span(span **v, size_t *n, int para, range r)
{
	*v = grow_for(*v, *n, sizeof **v);
	(*v)[*n].para = para;
	(*v)[*n].r = r;
	(*n)++;
}

/* All occurrences, not overlapping, from paragraph para0 at folded position pos0 on. With
 * first_only, stops after the first. */
static int find_all(const matcher *m, const needle *nd, size_t para0, size_t pos0, int first_only,
		    match *out)
{
	memset(out, 0, sizeof *out);
	if (nd->npc == 0)
		return 0;
	size_t *starts = xmalloc(nd->npc * sizeof *starts);
	int found = 0;
	for (size_t p = para0; p < m->n; p++) {
		size_t pos = p == para0 ? pos0 : 0;
		while (place(m, nd, p, pos, starts)) {
			const ftext *f = &m->p[p];
			size_t last = nd->npc - 1;
			size_t end = starts[last] + nd->pc[last].len;
			if (!found) {
				for (size_t k = 0; k < nd->npc; k++)
					push_span(&out->spans, &out->nspans, (int)p,
						  src_range(f, starts[k], nd->pc[k].len));
				found = 1;
				if (first_only)
					goto done;
			} else {
				range r = {f->st[starts[0]], f->en[end - 1]};
				push_span(&out->others, &out->nothers, (int)p, r);
			}
			pos = end;
		}
	}
done:
	free(starts);
	return found;
}

/* Strict first (ellipses literal); when that fails, bare ellipses become elisions. */
static int find_needle(const matcher *m, const char *words, size_t para0, size_t pos0, int first_only,
		       match *out, needle *used)
{
	needle nd;
	needle_init(&nd, words, 0);
	int found = find_all(m, &nd, para0, pos0, first_only, out);
	if (!found && nd.bare_ellipsis) {
		needle_free(&nd);
		needle_init(&nd, words, 1);
		found = find_all(m, &nd, para0, pos0, first_only, out);
	}
	if (used)
		*used = nd;
	else
		needle_free(&nd);
	return found;
}

int match_text(const matcher *m, const char *words, match *out)
{
	return find_needle(m, words, 0, 0, 0, out, NULL);
}

/* Folded position in paragraph para just after source byte off. */
static size_t folded_after(const ftext *f, size_t off)
{
	size_t lo = 0, hi = f->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (f->en[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

match_status match_from_to(const matcher *m, const char *from, const char *to, match *out)
{
	memset(out, 0, sizeof *out);
	match mf, mt;
	if (!find_needle(m, from, 0, 0, 0, &mf, NULL))
		return MATCH_NO_FROM;
	span first = mf.spans[0], lastf = mf.spans[mf.nspans - 1];
	size_t pos = folded_after(&m->p[lastf.para], lastf.r.end);
	if (!find_needle(m, to, (size_t)lastf.para, pos, 1, &mt, NULL)) {
		match_clear(&mf);
		return MATCH_NO_TO;
	}
	span endt = mt.spans[mt.nspans - 1];
	const article *a = m->a;
	for (int p = first.para; p <= endt.para; p++) {
		range r = a->paras[p].r;
		if (p == first.para)
			r.start = first.r.start;
		if (p == endt.para)
			r.end = endt.r.end;
		push_span(&out->spans, &out->nspans, p, r);
	}
	out->others = mf.others;
	out->nothers = mf.nothers;
	mf.others = NULL;
	match_clear(&mf);
	match_clear(&mt);
	return MATCH_OK;
}

int match_in_spans(const matcher *m, const span *within, size_t n, const char *phrase, span *out)
{
	ftext f = {0};
	fold(phrase, 0, strlen(phrase), &f);
	int found = 0;
	for (size_t i = 0; i < n && !found && f.len; i++) {
		if (within[i].para < 0 || (size_t)within[i].para >= m->n)
			continue;
		const ftext *p = &m->p[within[i].para];
		size_t lo = 0;
		while (lo < p->len && p->st[lo] < within[i].r.start)
			lo++;
		size_t hi = lo;
		while (hi < p->len && p->en[hi] <= within[i].r.end)
			hi++;
		long at = find_word(p, lo, hi, f.s, f.len);
		if (at >= 0) {
			out->para = within[i].para;
			out->r = src_range(p, (size_t)at, f.len);
			found = 1;
		}
	}
	ft_free(&f);
	return found;
}

/* ---- explanations ---- */

typedef struct confusable {
	uint32_t cp;
	const char *name;
	char latin; /* the Latin letter it looks like */
} confusable;

static const confusable confusables[] = {
	{0x0410, "CYRILLIC CAPITAL LETTER A", 'A'},
	{0x0412, "CYRILLIC CAPITAL LETTER VE", 'B'},
	{0x0415, "CYRILLIC CAPITAL LETTER IE", 'E'},
	{0x041A, "CYRILLIC CAPITAL LETTER KA", 'K'},
	{0x041C, "CYRILLIC CAPITAL LETTER EM", 'M'},
	{0x041D, "CYRILLIC CAPITAL LETTER EN", 'H'},
	{0x041E, "CYRILLIC CAPITAL LETTER O", 'O'},
	{0x0420, "CYRILLIC CAPITAL LETTER ER", 'P'},
	{0x0421, "CYRILLIC CAPITAL LETTER ES", 'C'},
	{0x0422, "CYRILLIC CAPITAL LETTER TE", 'T'},
	{0x0423, "CYRILLIC CAPITAL LETTER U", 'Y'},
	{0x0425, "CYRILLIC CAPITAL LETTER HA", 'X'},
	{0x0405, "CYRILLIC CAPITAL LETTER DZE", 'S'},
	{0x0406, "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I", 'I'},
	{0x0408, "CYRILLIC CAPITAL LETTER JE", 'J'},
	{0x0430, "CYRILLIC SMALL LETTER A", 'a'},
	{0x0435, "CYRILLIC SMALL LETTER IE", 'e'},
	{0x043E, "CYRILLIC SMALL LETTER O", 'o'},
	{0x0440, "CYRILLIC SMALL LETTER ER", 'p'},
	{0x0441, "CYRILLIC SMALL LETTER ES", 'c'},
	{0x0443, "CYRILLIC SMALL LETTER U", 'y'},
	{0x0445, "CYRILLIC SMALL LETTER HA", 'x'},
	{0x0455, "CYRILLIC SMALL LETTER DZE", 's'},
	{0x0456, "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", 'i'},
	{0x0458, "CYRILLIC SMALL LETTER JE", 'j'},
	{0x04BB, "CYRILLIC SMALL LETTER SHHA", 'h'},
	{0x0391, "GREEK CAPITAL LETTER ALPHA", 'A'},
	{0x0392, "GREEK CAPITAL LETTER BETA", 'B'},
	{0x0395, "GREEK CAPITAL LETTER EPSILON", 'E'},
	{0x0396, "GREEK CAPITAL LETTER ZETA", 'Z'},
	{0x0397, "GREEK CAPITAL LETTER ETA", 'H'},
	{0x0399, "GREEK CAPITAL LETTER IOTA", 'I'},
	{0x039A, "GREEK CAPITAL LETTER KAPPA", 'K'},
	{0x039C, "GREEK CAPITAL LETTER MU", 'M'},
	{0x039D, "GREEK CAPITAL LETTER NU", 'N'},
	{0x039F, "GREEK CAPITAL LETTER OMICRON", 'O'},
	{0x03A1, "GREEK CAPITAL LETTER RHO", 'P'},
	{0x03A4, "GREEK CAPITAL LETTER TAU", 'T'},
	{0x03A5, "GREEK CAPITAL LETTER UPSILON", 'Y'},
	{0x03A7, "GREEK CAPITAL LETTER CHI", 'X'},
	{0x03BF, "GREEK SMALL LETTER OMICRON", 'o'},
	{0x03BD, "GREEK SMALL LETTER NU", 'v'},
};

static const char *const latin_names[] = {
	"LATIN CAPITAL LETTER A", "LATIN CAPITAL LETTER B", "LATIN CAPITAL LETTER C",
	"LATIN CAPITAL LETTER D", "LATIN CAPITAL LETTER E", "LATIN CAPITAL LETTER F",
	"LATIN CAPITAL LETTER G", "LATIN CAPITAL LETTER H", "LATIN CAPITAL LETTER I",
	"LATIN CAPITAL LETTER J", "LATIN CAPITAL LETTER K", "LATIN CAPITAL LETTER L",
	"LATIN CAPITAL LETTER M", "LATIN CAPITAL LETTER N", "LATIN CAPITAL LETTER O",
	"LATIN CAPITAL LETTER P", "LATIN CAPITAL LETTER Q", "LATIN CAPITAL LETTER R",
	"LATIN CAPITAL LETTER S", "LATIN CAPITAL LETTER T", "LATIN CAPITAL LETTER U",
	"LATIN CAPITAL LETTER V", "LATIN CAPITAL LETTER W", "LATIN CAPITAL LETTER X",
	"LATIN CAPITAL LETTER Y", "LATIN CAPITAL LETTER Z", "LATIN SMALL LETTER A",
	"LATIN SMALL LETTER B", "LATIN SMALL LETTER C", "LATIN SMALL LETTER D",
	"LATIN SMALL LETTER E", "LATIN SMALL LETTER F", "LATIN SMALL LETTER G",
	"LATIN SMALL LETTER H", "LATIN SMALL LETTER I", "LATIN SMALL LETTER J",
	"LATIN SMALL LETTER K", "LATIN SMALL LETTER L", "LATIN SMALL LETTER M",
	"LATIN SMALL LETTER N", "LATIN SMALL LETTER O", "LATIN SMALL LETTER P",
	"LATIN SMALL LETTER Q", "LATIN SMALL LETTER R", "LATIN SMALL LETTER S",
	"LATIN SMALL LETTER T", "LATIN SMALL LETTER U", "LATIN SMALL LETTER V",
	"LATIN SMALL LETTER W", "LATIN SMALL LETTER X", "LATIN SMALL LETTER Y",
	"LATIN SMALL LETTER Z",
};

const char *match_letter_name(unsigned long cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return latin_names[cp - 'A'];
	if (cp >= 'a' && cp <= 'z')
		return latin_names[26 + cp - 'a'];
	for (size_t i = 0; i < sizeof confusables / sizeof *confusables; i++)
		if (confusables[i].cp == cp)
			return confusables[i].name;
	return NULL;
}

/* 1 if a and b are a Latin letter and its look-alike from another script (or two
 * look-alikes of the same Latin letter). */
static int lookalike(uint32_t a, uint32_t b)
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

static uint32_t lower_cp(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
	    (c >= 0x410 && c <= 0x42F))
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

/* A folded text as code points, each remembering the folded byte it starts at. */
typedef struct cps {
	uint32_t *c;
	size_t *at;
	size_t n;
} cps;

static void to_cps(const char *s, size_t b, size_t e, size_t limit, cps *out)
{
	out->c = xmalloc((e - b + 1) * sizeof *out->c);
	out->at = xmalloc((e - b + 1) * sizeof *out->at);
	out->n = 0;
	for (size_t i = b; i < e && out->n < limit;) {
		uint32_t c;
		size_t k = utf8_decode(s + i, e - i, &c);
		if (!k) {
			c = (unsigned char)s[i];
			k = 1;
		}
		out->c[out->n] = c;
		out->at[out->n] = i;
		out->n++;
		i += k;
	}
}

static void cps_free(cps *c)
{
	free(c->c);
	free(c->at);
}

static int is_word_cp(uint32_t c)
{
	return !(c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
		 c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == FOLD_EM || c == FOLD_ELL);
}

/* A candidate alignment: piece start at folded position pos of paragraph para. */
typedef struct cand {
	size_t para;
	long pos;
	int votes;
	size_t wb, we; /* the window compared, folded positions */
} cand;

static int cand_cmp(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int votes_cmp(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->votes != b->votes)
		return b->votes - a->votes;
	return cand_cmp(x, y);
}

typedef struct word {
	size_t off, len; /* in the piece */
	size_t count;
} word;

static int word_len_cmp(const void *x, const void *y)
{
	const word *a = x, *b = y;
	return a->len != b->len ? (a->len < b->len ? 1 : -1) : (a->off > b->off) - (a->off < b->off);
}

static int word_count_cmp(const void *x, const void *y)
{
	const word *a = x, *b = y;
	if (a->count != b->count)
		return a->count < b->count ? -1 : 1;
	return word_len_cmp(x, y);
}

#define MAX_WORDS 12
#define MAX_OCC 64
#define MAX_DP_CPS 1000
#define MAX_CANDS 6

/* Candidate alignments from the piece's rarest words: each occurrence of a word votes for
 * the piece starting where that word's offset puts it. Cheap: a few linear scans. */
static void add_word(word **all, size_t *n, size_t off, size_t len)
{
	/* by doubling: a quote of 60,000 words, grown a word at a time, copied the list 60,000
	 * times (seconds of it under ASan, whose realloc always moves) */
	*all = grow_for(*all, *n, sizeof **all);
	(*all)[*n].off = off;
	(*all)[*n].len = len;
	(*all)[*n].count = 0;
	(*n)++;
}

/* gram 0: the piece's words of 3 bytes or more; else every run of gram characters without
 * a space (for a piece whose every word is mistyped, such as "83M6E2" for "83М6Е2"). */
static size_t candidates(const matcher *m, const char *pc, size_t plen, int gram, cand **out)
{
	word w[MAX_WORDS];
	size_t nw = 0, allw = 0;
	word *all = NULL;
	for (size_t i = 0; i < plen && !gram;) {
		while (i < plen && (pc[i] == ' ' || !is_word_cp((unsigned char)pc[i])))
			i++;
		size_t b = i;
		while (i < plen && pc[i] != ' ' && is_word_cp((unsigned char)pc[i]))
			i++;
		if (i - b >= 3)
			add_word(&all, &allw, b, i - b);
	}
	for (size_t i = 0; i < plen && gram; i++) {
		if (((unsigned char)pc[i] & 0xC0) == 0x80)
			continue;
		size_t e = i;
		int k = 0;
		while (k < gram && e < plen && pc[e] != ' ') {
			e++;
			while (e < plen && ((unsigned char)pc[e] & 0xC0) == 0x80)
				e++;
			k++;
		}
		if (k == gram)
			add_word(&all, &allw, i, e - i);
	}
	if (allw > 1) /* qsort may not be given NULL, even for no elements */
		qsort(all, allw, sizeof *all, word_len_cmp);
	for (size_t i = 0; i < allw && nw < MAX_WORDS; i++) {
		int dup = 0;
		for (size_t k = 0; k < nw; k++)
			dup |= w[k].len == all[i].len && memcmp(pc + w[k].off, pc + all[i].off, all[i].len) == 0;
		if (!dup)
			w[nw++] = all[i];
	}
	free(all);
	for (size_t k = 0; k < nw; k++) {
		for (size_t p = 0; p < m->n && w[k].count < MAX_OCC; p++) {
			long at = -1;
			while (w[k].count < MAX_OCC &&
			       (at = find_in(&m->p[p], (size_t)(at + 1), m->p[p].len, pc + w[k].off, w[k].len)) >= 0)
				w[k].count++;
		}
	}
	qsort(w, nw, sizeof *w, word_count_cmp);
	cand *c = NULL;
	size_t nc = 0;
	int used = 0;
	for (size_t k = 0; k < nw && used < 5; k++) {
		if (w[k].count == 0)
			continue;
		used++;
		size_t taken = 0;
		for (size_t p = 0; p < m->n && taken < MAX_OCC; p++) {
			long at = -1;
			while (taken < MAX_OCC &&
			       (at = find_in(&m->p[p], (size_t)(at + 1), m->p[p].len, pc + w[k].off, w[k].len)) >= 0) {
				taken++;
				c = grow_for(c, nc, sizeof *c);
				c[nc].para = p;
				c[nc].pos = at - (long)w[k].off;
				c[nc].votes = 1;
				nc++;
			}
		}
	}
	if (nc == 0) {
		free(c);
		*out = NULL;
		return 0;
	}
	/* nearby alignments (within a few typos) are one candidate */
	qsort(c, nc, sizeof *c, cand_cmp);
	size_t u = 0;
	for (size_t i = 0; i < nc; i++) {
		if (u && c[u - 1].para == c[i].para && c[i].pos - c[u - 1].pos <= 8)
			c[u - 1].votes++;
		else
			c[u++] = c[i];
	}
	qsort(c, u, sizeof *c, votes_cmp);
	*out = c;
	return u < MAX_CANDS ? u : MAX_CANDS;
}

/* Semi-global edit distance of needle against any substring of text; with tb, also the
 * alignment: ops (from the start) of 'M'atch, 'S'ubstitute, 'I' (needle extra), 'D'
 * (text extra), and the text start. */
static size_t align(const cps *nd, const cps *tx, char **ops, size_t *nops, size_t *tstart)
{
	size_t n = nd->n, w = tx->n;
	int full = ops != NULL;
	size_t rows = full ? n + 1 : 2;
	uint32_t *D = xmalloc(rows * (w + 1) * sizeof *D);
#define AT(i, j) D[(full ? (i) : ((i) & 1)) * (w + 1) + (j)]
	for (size_t j = 0; j <= w; j++)
		AT(0, j) = 0;
	for (size_t i = 1; i <= n; i++) {
		AT(i, 0) = (uint32_t)i;
		for (size_t j = 1; j <= w; j++) {
			uint32_t best = AT(i - 1, j - 1) + (nd->c[i - 1] != tx->c[j - 1]);
			if (AT(i - 1, j) + 1 < best)
				best = AT(i - 1, j) + 1;
			if (AT(i, j - 1) + 1 < best)
				best = AT(i, j - 1) + 1;
			AT(i, j) = best;
		}
	}
	size_t bj = 0;
	for (size_t j = 0; j <= w; j++)
		if (AT(n, j) < AT(n, bj))
			bj = j;
	size_t score = AT(n, bj);
	if (full) {
		char *o = xmalloc(n + w + 1);
		size_t k = 0, i = n, j = bj;
		while (i > 0) {
			if (j > 0 && nd->c[i - 1] == tx->c[j - 1] && AT(i - 1, j - 1) == AT(i, j)) {
				o[k++] = 'M';
				i--, j--;
			} else if (j > 0 && AT(i - 1, j - 1) + 1 == AT(i, j)) {
				/* a changed word reads better as replaced than as typed in full */
				o[k++] = 'S';
				i--, j--;
			} else if (AT(i - 1, j) + 1 == AT(i, j)) {
				o[k++] = 'I';
				i--;
			} else {
				o[k++] = 'D';
				j--;
			}
		}
		for (size_t x = 0; x < k / 2; x++) {
			char t = o[x];
			o[x] = o[k - 1 - x];
			o[k - 1 - x] = t;
		}
		*ops = o;
		*nops = k;
		*tstart = j;
	}
#undef AT
	free(D);
	return score;
}

/* Folded text shown the way a user would type it back. */
static void show_folded(strbuf *sb, const char *s, size_t n)
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

/* Source bytes with line breaks shown as spaces. */
static void show_source(strbuf *sb, const char *s, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		sb_putc(sb, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
}

static loc art_loc(const article *a, size_t off)
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
	int inner_apostrophe = c->c[i] == '\'' && i > 0 && i + 1 < c->n && is_word_cp(c->c[i - 1]) &&
			       is_word_cp(c->c[i + 1]);
	if (!is_word_cp(c->c[i]) && !inner_apostrophe) {
		*b = i;
		*e = i + 1;
		return;
	}
	size_t x = i, y = i;
	while (x > 0 && (is_word_cp(c->c[x - 1]) || (c->c[x - 1] == '\'' && x > 1 && is_word_cp(c->c[x - 2]))))
		x--;
	while (y < c->n && (is_word_cp(c->c[y]) || (c->c[y] == '\'' && y + 1 < c->n && is_word_cp(c->c[y + 1]))))
		y++;
	*b = x;
	*e = y;
}

static void explain_piece(const matcher *m, const char *pc, size_t plen, diag *d)
{
	const article *a = m->a;
	cand *c = NULL;
	size_t nc = candidates(m, pc, plen, 0, &c);
	for (int gram = 4; nc == 0 && gram >= 2; gram -= 2)
		nc = candidates(m, pc, plen, gram, &c);
	if (nc == 0) {
		diag_note(d, loc_at(a->display, 0, 0), "no passage of the source shares a word with it");
		free(c);
		return;
	}
	cps nd;
	to_cps(pc, 0, plen, MAX_DP_CPS, &nd);
	size_t ndbytes = nd.n ? nd.at[nd.n - 1] + 1 : 0;
	while (ndbytes < plen && ((unsigned char)pc[ndbytes] & 0xC0) == 0x80)
		ndbytes++;
	size_t slack = ndbytes / 4 + 24;
	size_t best = 0, best_score = (size_t)-1;
	for (size_t k = 0; k < nc; k++) {
		const ftext *f = &m->p[c[k].para];
		long b = c[k].pos - (long)slack;
		size_t wb = b < 0 ? 0 : (size_t)b;
		size_t we = (size_t)(c[k].pos < 0 ? 0 : c[k].pos) + ndbytes + slack;
		if (we > f->len)
			we = f->len;
		while (wb > 0 && ((unsigned char)f->s[wb] & 0xC0) == 0x80)
			wb--;
		while (we < f->len && ((unsigned char)f->s[we] & 0xC0) == 0x80)
			we++;
		c[k].wb = wb;
		c[k].we = we;
		cps tx;
		to_cps(f->s, wb, we, (size_t)-1, &tx);
		size_t sc = align(&nd, &tx, NULL, NULL, NULL);
		cps_free(&tx);
		if (sc < best_score) {
			best_score = sc;
			best = k;
		}
	}
	const ftext *f = &m->p[c[best].para];
	size_t para = c[best].para;
	cps tx;
	to_cps(f->s, c[best].wb, c[best].we, (size_t)-1, &tx);
	size_t c_end = c[best].we;
	free(c);
	char *ops;
	size_t nops, tstart;
	align(&nd, &tx, &ops, &nops, &tstart);

	/* the passage: from the aligned start to the aligned end */
	size_t i = 0, j = tstart, di = (size_t)-1, dj = 0, tend = tstart;
	char dop = 0;
	for (size_t k = 0; k < nops; k++) {
		if (ops[k] != 'M' && di == (size_t)-1) {
			di = i;
			dj = j;
			dop = ops[k];
		}
		if (ops[k] != 'I')
			j++;
		if (ops[k] != 'D')
			i++;
		if (ops[k] != 'I')
			tend = j;
	}
	size_t fb = tstart < tx.n ? tx.at[tstart] : f->len;
	size_t fe = tend > 0 && tend <= tx.n ? tx.at[tend - 1] : fb;
	size_t sb0 = fb < f->len ? f->st[fb] : a->paras[para].r.end;
	size_t se0 = fe < f->len ? f->en[fe] : a->paras[para].r.end;
	if (se0 < sb0)
		se0 = sb0;
	while (sb0 < se0 && (a->text[sb0] == ' ' || a->text[sb0] == '\n' || a->text[sb0] == '\r'))
		sb0++;
	while (se0 > sb0 && (a->text[se0 - 1] == ' ' || a->text[se0 - 1] == '\n' || a->text[se0 - 1] == '\r'))
		se0--;
	/* long passages are shown around the first difference */
	size_t show_b = sb0, show_e = se0;
	size_t diff_off = sb0;
	if (di != (size_t)-1)
		diff_off = dj < tx.n ? f->st[tx.at[dj]] : a->paras[para].r.end;
	if (show_e - show_b > 160) {
		if (diff_off > show_b + 80)
			show_b = diff_off - 60;
		if (show_e > show_b + 140)
			show_e = show_b + 140;
		while (show_b > sb0 && ((unsigned char)a->text[show_b] & 0xC0) == 0x80)
			show_b--;
		while (show_e < se0 && ((unsigned char)a->text[show_e] & 0xC0) == 0x80)
			show_e++;
	}
	strbuf sb = {0};
	sb_printf(&sb, "closest passage, paragraph %zu: \xE2\x80\x9C%s", para + 1, show_b > sb0 ? "\xE2\x80\xA6" : "");
	show_source(&sb, a->text, show_b, show_e);
	sb_printf(&sb, "%s\xE2\x80\x9D", show_e < se0 ? "\xE2\x80\xA6" : "");
	diag_note(d, art_loc(a, sb0), "%s", sb.data);
	sb_free(&sb);

	if (di == (size_t)-1) {
		if (nd.n < plen) /* the difference lies past what was compared */
			diag_note(d, art_loc(a, se0), "the source differs after this");
	} else {
		loc dl = art_loc(a, diff_off);
		/* look-alike letters anywhere in the passage */
		int lookalikes = 0, first_is_lookalike = 0;
		uint32_t seen[8][2];
		size_t seen_off[8];
		i = 0, j = tstart;
		for (size_t k = 0; k < nops; k++) {
			if (ops[k] == 'S' && lookalike(nd.c[i], tx.c[j])) {
				if (i == di)
					first_is_lookalike = 1;
				int dup = 0;
				for (int q = 0; q < lookalikes; q++)
					dup |= seen[q][0] == nd.c[i] && seen[q][1] == tx.c[j];
				if (!dup && lookalikes < 8) {
					seen[lookalikes][0] = nd.c[i];
					seen[lookalikes][1] = tx.c[j];
					seen_off[lookalikes] = f->st[tx.at[j]];
					lookalikes++;
				}
			}
			if (ops[k] != 'I')
				j++;
			if (ops[k] != 'D')
				i++;
		}
		size_t wb, we, tb, te;
		word_around(&nd, di, &wb, &we);
		word_around(&tx, dj, &tb, &te);
		strbuf typed = {0}, has = {0};
		if (we > wb) {
			size_t bb = nd.at[wb], be = we < nd.n ? nd.at[we] : ndbytes;
			show_folded(&typed, pc + bb, be - bb);
		}
		if (te > tb) {
			size_t bb = f->st[tx.at[tb]], be = f->en[tx.at[te - 1]];
			show_source(&has, a->text, bb, be);
		}
		int case_only = 0;
		if (we - wb == te - tb && we > wb) {
			case_only = 1;
			for (size_t q = 0; q < we - wb; q++)
				if (lower_cp(nd.c[wb + q]) != lower_cp(tx.c[tb + q]))
					case_only = 0;
		}
		if (first_is_lookalike) {
			/* the words look the same: only naming the letters helps */
		} else if (case_only) {
			diag_note(d, dl, "letter case differs: you typed '%s', the source has '%s'", typed.data, has.data);
		} else if (dop == 'I' && dj >= tx.n && c_end >= f->len) {
			strbuf more = {0};
			size_t mb = nd.at[di];
			while (mb < plen && pc[mb] == ' ')
				mb++;
			show_folded(&more, pc + mb, plen - mb > 60 ? 60 : plen - mb);
			diag_note(d, dl, "paragraph %zu ends here, but you typed more: '%s%s'", para + 1,
				  more.data ? more.data : "", plen - mb > 60 ? "\xE2\x80\xA6" : "");
			sb_free(&more);
		} else if (!typed.data) {
			diag_note(d, dl, "the source has '%s' where you typed nothing", has.data ? has.data : "");
		} else if (!has.data) {
			diag_note(d, dl, "you typed '%s', the source has nothing there", typed.data);
		} else {
			diag_note(d, dl, "you typed '%s', the source has '%s'", typed.data, has.data);
		}
		sb_free(&typed);
		sb_free(&has);
		for (int q = 0; q < lookalikes; q++) {
			const char *src = match_letter_name(seen[q][1]), *you = match_letter_name(seen[q][0]);
			diag_note(d, art_loc(a, seen_off[q]),
				  "the source has %s (U+%04lX) where you typed %s; copy the text from the source", src,
				  (unsigned long)seen[q][1], you);
		}
	}
	free(ops);
	cps_free(&tx);
	cps_free(&nd);
}

void match_explain(const matcher *m, const char *words, diag *d)
{
	needle nd;
	needle_init(&nd, words, 0);
	if (nd.bare_ellipsis) {
		needle_free(&nd);
		needle_init(&nd, words, 1);
	}
	if (nd.npc == 0) {
		diag_note(d, loc_none(), "there are no words to look for outside the elisions");
		needle_free(&nd);
		return;
	}
	needle one = nd;
	one.npc = 1;
	match r;
	for (size_t k = 0; k < nd.npc; k++) {
		one.pc = &nd.pc[k];
		int found = find_all(m, &one, 0, 0, 1, &r);
		match_clear(&r);
		if (!found) {
			if (nd.npc > 1) {
				strbuf sb = {0};
				show_folded(&sb, nd.f.s + nd.pc[k].off, nd.pc[k].len);
				diag_note(d, loc_at(m->a->display, 0, 0), "part %zu of %zu between elisions is not in the source: '%s'",
					  k + 1, nd.npc, sb.data);
				sb_free(&sb);
			}
			explain_piece(m, nd.f.s + nd.pc[k].off, nd.pc[k].len, d);
			needle_free(&nd);
			return;
		}
	}
	/* every piece exists, but not in order within one paragraph */
	diag_note(d, loc_at(m->a->display, 0, 0),
		  "each part between elisions is in the source, but not all in this order in one paragraph");
	for (size_t k = 0; k < nd.npc; k++) {
		one.pc = &nd.pc[k];
		find_all(m, &one, 0, 0, 1, &r);
		strbuf sb = {0};
		show_folded(&sb, nd.f.s + nd.pc[k].off, nd.pc[k].len);
		const span *s = &r.spans[0];
		diag_note(d, art_loc(m->a, s->r.start), "part %zu, '%s', is first found in paragraph %d", k + 1, sb.data,
			  s->para + 1);
		sb_free(&sb);
		match_clear(&r);
	}
	needle_free(&nd);
}
