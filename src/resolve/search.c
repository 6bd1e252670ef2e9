/* search.c: folded-text search of quotes in articles: folding, the pieces between elisions,
 * and finding them whole words at a time. */
#define _GNU_SOURCE /* memmem */
#include "resolve/match.h"
#include "resolve/matcher.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "load/sentences.h"

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

int find_hyphen_cp(uint32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2013) || c == 0x2212;
}

/* The length of one space or line break (CR LF too, as a passage prints it: one space) that
 * ends just before s[i] of s[b, e) or starts at it; 0 if none */
static size_t blank_before(const char *s, size_t b, size_t i)
{
	if (i >= b + 2 && s[i - 1] == '\n' && s[i - 2] == '\r')
		return 2;
	return i > b && (s[i - 1] == ' ' || s[i - 1] == '\n') ? 1 : 0;
}

static size_t blank_after(const char *s, size_t e, size_t i)
{
	if (i + 1 < e && s[i] == '\r' && s[i + 1] == '\n')
		return 2;
	return i < e && (s[i] == ' ' || s[i] == '\n') ? 1 : 0;
}

/* What the hyphen or dash c at s[i] of s[b, e) folds to, f so far: FOLD_EM or '-', its
 * bytes in *n */
static char fold_dash(const char *s, size_t b, size_t e, size_t i, uint32_t c, ftext *f, size_t *n)
{
	size_t k = *n; /* bytes: "--" and "---" are one dash */
	while (c == '-' && k < 3 && i + k < e && s[i + k] == '-')
		k++;
	int doubled = c == '-' && k > 1;
	/* a range typed with a space on each side ("1990 -- 2000", "pp. 12 -- 19") prints
	 * closed, "1990–2000", as typeset/rich.c's smarten sets it: one hyphen, its spaces
	 * none */
	size_t pre = blank_before(s, b, i), post = k == 2 && doubled ? blank_after(s, e, i + 2) : 0;
	if (pre && post && i >= b + pre + 1 && g_ascii_isdigit(s[i - pre - 1]) && i + 2 + post < e &&
	    g_ascii_isdigit(s[i + 2 + post]) && f->len && f->s[f->len - 1] == ' ') {
		f->len--;
		*n = 2 + post;
		return '-';
	}
	uint32_t after = 0;
	utf8_decode(s + i + k, e - i - k, &after);
	int spaced = (f->len == 0 || f->s[f->len - 1] == ' ') && (i + k >= e || is_space_cp(after));
	int digits = f->len > 0 && f->s[f->len - 1] >= '0' && f->s[f->len - 1] <= '9' && after >= '0' && after <= '9';
	*n = k;
	/* a dash: "--" (but a range typed as TeX types it, "2019--2021"), or a spaced hyphen
	 * or en dash (" - ", " – " as many sources set a dash); else a hyphen, as a minus sign
	 * typed on a keyboard is ("−0.8" as "-0.8") */
	return (doubled && !digits) || spaced ? FOLD_EM : '-';
}

/* Folds s[b, e) onto the end of f. Spaces next to an em dash or an ellipsis are dropped,
 * so that "goal -- he" and "goal—he" fold to the same thing, and so do "was... so" and
 * "was … so" (else the quote's ellipsis, not found as typed, is taken for an elision, and
 * the source's own ellipsis prints as words left out). */
static void fold(const char *s, size_t b, size_t e, ftext *f)
{
	size_t i = b;
	int dquotes = 0; /* double marks so far: a free-standing " opens on an even count */
	f->src = s;
	while (i < e) {
		uint32_t c;
		size_t n = utf8_decode(s + i, e - i, &c);
		if (!n) {
			c = 0xFFFD;
			n = 1;
		}
		size_t mark = sentences_ref_mark_len(s, b, e, i);
		if (mark) {
			i += mark;
			continue;
		}
		if (is_space_cp(c)) {
			/* a hyphenated word wrapped by hand ("well-" / "known") reads as one, as it
			 * prints (typeset/rich.c smarten) */
			size_t wrap = i > b && s[i - 1] == '-' ? text_hyphen_wrap_len(s, b, e, i - 1) : 0;
			if (wrap) {
				i += wrap;
				continue;
			}
			size_t j = i + n;
			for (;;) {
				uint32_t c2;
				size_t n2 = utf8_decode(s + j, e - j, &c2);
				if (!n2 || !is_space_cp(c2))
					break;
				j += n2;
			}
			if (f->len && f->s[f->len - 1] != ' ' && f->s[f->len - 1] != FOLD_EM && f->s[f->len - 1] != FOLD_ELL)
				ft_push(f, ' ', i, j);
			i = j;
			continue;
		}
		char out;
		if (find_hyphen_cp(c)) {
			out = fold_dash(s, b, e, i, c, f, &n);
		} else if (c == 0x2014 || c == 0x2015) {
			out = FOLD_EM;
		} else if (c == '.' && i + 2 < e && s[i + 1] == '.' && s[i + 2] == '.') {
			n = 3;
			out = FOLD_ELL;
		} else if (c == 0x2026) {
			out = FOLD_ELL;
		} else if (dquote_cp(c) || c == 0xAB || c == 0xBB) {
			/* guillemets are quotation marks as “ ” are, and a space inside them («
			 * non », as French sets them, or a wire's " non ") is the marks' own: the
			 * printed « non » of a source's "non" is found, and "non" of its « non » */
			uint32_t after = 0;
			utf8_decode(s + i + n, e - i - n, &after);
			int spaced_before = f->len == 0 || f->s[f->len - 1] == ' ';
			int spaced_after = i + n >= e || is_space_cp(after);
			int opens = c == 0xAB || (c == '"' && spaced_before && spaced_after && dquotes % 2 == 0);
			int closes = c == 0xBB || (c == '"' && spaced_before && spaced_after && dquotes % 2 == 1);
			dquotes++;
			if (closes && f->len && f->s[f->len - 1] == ' ')
				f->len--;
			ft_push(f, '"', i, i + n);
			i += n;
			while (opens && i < e) {
				size_t n2 = utf8_decode(s + i, e - i, &after);
				if (!n2 || !is_space_cp(after))
					break;
				i += n2;
			}
			continue;
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
		if ((out == FOLD_EM || out == FOLD_ELL) && f->len && f->s[f->len - 1] == ' ')
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
	matcher *m = xcalloc(1, sizeof *m + (a->nparas + 1) * sizeof *m->p);
	m->a = a;
	m->n = a->nparas;
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
		m->p[i].src = a->text;
	}
	free(off);
	return m;
}

void matcher_free(matcher *m)
{
	if (!m)
		return;
	ft_free(&m->all);
	free(m);
}

void match_clear(match *r)
{
	free(r->spans);
	free(r->others);
	memset(r, 0, sizeof *r);
}

/* ---- needles: folded words split into the pieces between elisions ---- */

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

/* loose (NEEDLE_LOOSE): a bare ellipsis is an elision too; NEEDLE_LITERAL: not even a
 * bracketed one is, as the source's own "[...]" is typed. */
static void split_pieces(needle *nd, int loose)
{
	free(nd->pc);
	nd->pc = NULL;
	nd->npc = 0;
	size_t b = 0;
	for (size_t i = 0; i < nd->f.len;) {
		size_t k = loose == NEEDLE_LITERAL ? 0 : bracket_elision(&nd->f, i);
		if (k)
			nd->bracketed = 1;
		if (!k && nd->f.s[i] == FOLD_ELL && loose != NEEDLE_LITERAL) {
			nd->bare_ellipsis = 1;
			if (loose == NEEDLE_LOOSE)
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

void needle_init(needle *nd, const char *words, int loose)
{
	memset(nd, 0, sizeof *nd);
	fold(words, 0, strlen(words), &nd->f);
	split_pieces(nd, loose);
}

void needle_free(needle *nd)
{
	ft_free(&nd->f);
	free(nd->pc);
}

long find_in(const ftext *f, size_t from, size_t to, const char *pat, size_t n)
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

static int is_digit_at(const ftext *f, size_t i)
{
	return i < f->len && f->s[i] >= '0' && f->s[i] <= '9';
}

/* 1 if the space at folded position i (a digit before it) is a thousands separator of
 * the source: one narrow no-break, thin, figure or no-break space, before a group of three
 * digits ("1 250 000", as SI and many languages group). An ordinary space is not: "in
 * 2019 250 people" is two numbers. */
static int group_space(const ftext *f, size_t i)
{
	if (!f->src || f->s[i] != ' ' || !is_digit_at(f, i + 1) || !is_digit_at(f, i + 2) || !is_digit_at(f, i + 3) ||
	    is_digit_at(f, i + 4))
		return 0;
	const unsigned char *u = (const unsigned char *)f->src + f->st[i];
	size_t n = f->en[i] - f->st[i];
	return (n == 2 && u[0] == 0xC2 && u[1] == 0xA0) ||
	       (n == 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89 || u[2] == 0x87));
}

int find_number_part(const ftext *f, size_t i)
{
	if (i >= f->len)
		return 0;
	char c = f->s[i];
	/* an apostrophe before a group of three digits groups thousands as the Swiss do
	 * ("25'000"; typeset/primes.c typo_thousands_at) */
	int swiss = c == '\'' && is_digit_at(f, i + 1) && is_digit_at(f, i + 2) && is_digit_at(f, i + 3) &&
		    !is_digit_at(f, i + 4);
	return (c >= '0' && c <= '9') ||
	       (i > 0 && is_digit_at(f, i - 1) &&
		(((c == ',' || c == '.') && is_digit_at(f, i + 1)) || group_space(f, i) || swiss));
}

/* 1 if a match ending at folded position e of f with a digit would end inside a number:
 * the source goes on with a separator between digits ("GBP 3" of "GBP 3,471,902.18", "11"
 * of "11.8", "1" of "1 250 000"), and the quote would print a different amount. */
static int cuts_number_after(const ftext *f, size_t e)
{
	return e < f->len && !is_digit_at(f, e) && find_number_part(f, e);
}

/* The same for a match starting with a digit at folded position at (".18" of "902.18",
 * "250 000" of "1 250 000"). */
static int cuts_number_before(const ftext *f, size_t at)
{
	return at >= 1 && !is_digit_at(f, at - 1) && find_number_part(f, at - 1);
}

int find_cuts_sign(const ftext *f, size_t at, const char *pat, size_t n)
{
	/* a minus sign, hyphen or en dash (all fold to '-') before the digit, with no word
	 * before it: "4.7%" of "-4.7%" or "(−4.7%)"; not a range's or a code's ("2019–2021",
	 * "COVID-19"), where a word ends just before the dash */
	return n > 0 && pat[0] >= '0' && pat[0] <= '9' && at >= 1 && f->s[at - 1] == '-' && !word_before(f, at - 1);
}

int find_cuts_number(const ftext *f, size_t at, const char *pat, size_t n)
{
	int db = n > 0 && pat[0] >= '0' && pat[0] <= '9', de = n > 0 && pat[n - 1] >= '0' && pat[n - 1] <= '9';
	return (db && cuts_number_before(f, at)) || (de && cuts_number_after(f, at + n)) || find_cuts_sign(f, at, pat, n);
}

/* Like find_in, but the match may not start or end inside a word of the source: "eta" is
 * not found in "Zeta"; nor inside a number ("3,471" of "3,471,902.18"). */
static long find_word(const ftext *f, size_t from, size_t to, const char *pat, size_t n)
{
	int wb = word_at(pat, n, 0);
	size_t k = n;
	while (k > 0 && ((unsigned char)pat[k - 1] & 0xC0) == 0x80)
		k--;
	int we = k > 0 && word_at(pat, n, k - 1);
	for (long at; (at = find_in(f, from, to, pat, n)) >= 0;) {
		size_t e = (size_t)at + n;
		if (find_cuts_number(f, (size_t)at, pat, n)) {
			from = (size_t)at + 1;
			continue;
		}
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

/* 1 if folded text [b, e) holds a letter or a digit. */
static int word_between(const ftext *f, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		if (word_at(f->s, f->len, i))
			return 1;
	return 0;
}

/* Places the pieces in order in paragraph para from folded position pos, piece 0 at its
 * first occurrence. starts[] gets each piece's position. Returns 1 if all were placed. */
static int place(const matcher *m, const needle *nd, size_t para, size_t pos, size_t *starts)
{
	const ftext *f = &m->p[para];
	for (size_t k = 0; k < nd->npc; k++) {
		size_t prev = 0;
		if (k > 0) {
			/* the elided stretch must hold more than the space around it */
			prev = starts[k - 1] + nd->pc[k - 1].len;
			pos = prev + (prev < f->len && f->s[prev] == ' ' ? 2 : 1);
		}
		long at;
		/* and a word: "past [...] The" does not stand for "past. The", whose elision would
		 * mark words left out where only a full stop is */
		while ((at = find_word(f, pos, f->len, nd->f.s + nd->pc[k].off, nd->pc[k].len)) >= 0 && k > 0 &&
		       !word_between(f, prev, (size_t)at))
			pos = (size_t)at + 1;
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

int find_all(const matcher *m, const needle *nd, size_t para0, size_t pos0, int first_only, match *out)
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

/* Strict first (ellipses literal); when that fails, bare ellipses become elisions; when
 * that fails too, an elision in brackets may be the source's own ("was [...] unlawful" in
 * a quotation the source cut): the words as typed, brackets and all. */
static int find_needle(const matcher *m, const char *words, size_t para0, size_t pos0, int first_only,
		       match *out, needle *used)
{
	needle nd;
	needle_init(&nd, words, NEEDLE_STRICT);
	int found = find_all(m, &nd, para0, pos0, first_only, out);
	int bracketed = nd.bracketed;
	if (!found && nd.bare_ellipsis) {
		needle_free(&nd);
		needle_init(&nd, words, NEEDLE_LOOSE);
		found = find_all(m, &nd, para0, pos0, first_only, out);
	}
	if (!found && bracketed) {
		needle_free(&nd);
		needle_init(&nd, words, NEEDLE_LITERAL);
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

/* The digits of a mark ("[12, 13]" "1213", "¹²" "12"), into out (room for n), NUL-ended */
static void mark_digits(const char *s, size_t len, char *out, size_t n)
{
	static const char sup[] = "0123456789";
	size_t k = 0;
	for (size_t i = 0; i < len && k + 1 < n;) {
		uint32_t c = 0;
		size_t cl = utf8_decode(s + i, len - i, &c);
		if (!cl)
			break;
		if (c >= '0' && c <= '9')
			out[k++] = (char)c;
		else if (c == 0xB9 || c == 0xB2 || c == 0xB3)
			out[k++] = c == 0xB9 ? '1' : c == 0xB2 ? '2' : '3';
		else if (c == 0x2070 || (c >= 0x2074 && c <= 0x2079))
			out[k++] = sup[c - 0x2070];
		i += cl;
	}
	out[k] = 0;
}

/* A closing mark or punctuation folded at f->s[i], beside which a reference mark stands
 * (".[7]\"", ".\"[7]") */
static int folded_closer(const ftext *f, size_t i)
{
	return i < f->len && strchr(".,;:!?\"')]", f->s[i]) != NULL;
}

/* Whether the source sets a mark of digits want beside folded position sk of paragraph para
 * (the character the typed mark follows), in its bytes between the closing marks around it
 * (".[12][13]", ".\"[2]" and ".[2]\"" alike); out->src_at and src_len get its marks there
 * (src_len 0: none) */
static int source_has_mark(const matcher *m, int para, size_t sk, const char *want, mark_unset *out)
{
	const ftext *f = &m->p[para];
	range pr = m->a->paras[para].r;
	size_t lo = sk, hi = sk;
	while (lo > 0 && folded_closer(f, lo - 1) && folded_closer(f, lo))
		lo--;
	while (folded_closer(f, hi + 1))
		hi++;
	size_t from = f->en[lo], to = hi + 1 < f->len ? f->st[hi + 1] : pr.end;
	out->src_at = f->en[sk];
	out->src_len = 0;
	for (size_t at = from, ml; at < to; at += ml ? ml : 1) {
		if (!(ml = sentences_ref_mark_len(m->a->text, pr.start, pr.end, at)))
			continue;
		char have[32];
		mark_digits(m->a->text + at, ml, have, sizeof have);
		if (strcmp(want, have) == 0)
			return 1;
		if (!out->src_len)
			out->src_at = at;
		out->src_len = at + ml - out->src_at;
	}
	return 0;
}

int match_mark_unset(const matcher *m, const char *words, const match *r, mark_unset *out)
{
	needle nd;
	match again;
	size_t len = strlen(words), i = 0;
	while (i < len && !sentences_ref_mark_len(words, 0, len, i))
		i++;
	/* the pieces the words were found in, found again: only for words with a mark */
	if (i == len || !r->nspans || !find_needle(m, words, 0, 0, 1, &again, &nd))
		return 0;
	match_clear(&again);
	int found = 0;
	for (size_t ml; i < len && !found; i += ml ? ml : 1) {
		if (!(ml = sentences_ref_mark_len(words, 0, len, i)))
			continue;
		size_t k = 0; /* the folded character the mark follows */
		while (k < nd.f.len && nd.f.st[k] < i)
			k++;
		size_t p = 0;
		while (k > 0 && p < nd.npc && nd.pc[p].off + nd.pc[p].len < k)
			p++;
		if (k == 0 || p >= nd.npc || p >= r->nspans || nd.pc[p].off >= k)
			continue;
		const span *sp = &r->spans[p];
		size_t sk = folded_after(&m->p[sp->para], sp->r.start) + (k - 1 - nd.pc[p].off);
		if (sk >= m->p[sp->para].len)
			continue;
		char want[32];
		mark_digits(words + i, ml, want, sizeof want);
		if (!source_has_mark(m, sp->para, sk, want, out)) {
			out->typed = i;
			out->typed_len = ml;
			found = 1;
		}
	}
	needle_free(&nd);
	return found;
}

match_status match_from_to(const matcher *m, const char *from, const char *to, match *out)
{
	memset(out, 0, sizeof *out);
	match mf, mt;
	if (!find_needle(m, from, 0, 0, 0, &mf, NULL))
		return MATCH_NO_FROM;
	span first = mf.spans[0], lastf = mf.spans[mf.nspans - 1];
	size_t pos = folded_after(&m->p[lastf.para], lastf.r.end);
	/* the 'to' words may begin inside the 'from' words ("from: to tidy up", "to: tidy up
	 * the paperwork"): the passage runs from the first through the last; but 'to' words
	 * that end inside the 'from' words are an error, as any not found after them */
	int found = find_needle(m, to, (size_t)lastf.para, pos, 1, &mt, NULL);
	if (!found && find_needle(m, to, (size_t)first.para, folded_after(&m->p[first.para], first.r.start), 1, &mt, NULL)) {
		span e = mt.spans[mt.nspans - 1];
		found = e.para > lastf.para || (e.para == lastf.para && e.r.end > lastf.r.end);
		if (!found)
			match_clear(&mt);
	}
	if (!found) {
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

int match_in_spans(const matcher *m, const span *within, size_t n, const char *words, span *out)
{
	ftext f = {0};
	fold(words, 0, strlen(words), &f);
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
