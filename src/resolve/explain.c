/* explain.c: why words were not found in a source: the closest passage (found by the
 * rarest words, then aligned character by character), and pieces of an elided quote out of
 * order; differ.c writes the notes on how the passage differs. */
#include "resolve/match.h"
#include "resolve/matcher.h"
#include "resolve/differ.h"
#include "resolve/negation.h"
#include "resolve/edges.h"

#include <ctype.h>
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* s[b, e) as the characters compared: each a code point, or a letter with the combining
 * marks after it as one (differ.h: DIFFER_CLUSTER), so that "u" + U+0308 is aligned with
 * "ü" as one character that differs, not as "Zü" against "u" + U+0308 (a hostile trial:
 * the note named the wrong characters at the wrong place). */
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
		out->at[out->n] = i;
		uint32_t mark, hash = 2166136261u ^ c;
		size_t m;
		int marks = 0;
		while (i + k < e && (m = utf8_decode(s + i + k, e - i - k, &mark)) && differ_is_mark(mark)) {
			hash = (hash ^ mark) * 16777619u;
			k += m;
			marks = 1;
		}
		out->c[out->n++] = marks ? DIFFER_CLUSTER | (hash & ~DIFFER_CLUSTER) : c;
		i += k;
	}
}

static void cps_free(cps *c)
{
	free(c->c);
	free(c->at);
}

/* A candidate alignment: piece start at folded position pos of paragraph para. */
typedef struct cand {
	size_t para;
	long pos;
	int votes;
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

/* The piece's longest distinct words, at most MAX_WORDS of them, into w. gram 0: its words
 * of 3 bytes or more; else every run of gram characters without a space (for a piece whose
 * every word is mistyped, such as "83M6E2" for "83М6Е2"). */
static size_t piece_words(const char *pc, size_t plen, int gram, word *w)
{
	size_t nw = 0, allw = 0;
	word *all = NULL;
	for (size_t i = 0; i < plen && !gram;) {
		while (i < plen && (pc[i] == ' ' || !differ_is_word_cp((unsigned char)pc[i])))
			i++;
		size_t b = i;
		while (i < plen && pc[i] != ' ' && differ_is_word_cp((unsigned char)pc[i]))
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
	return nw;
}

/* Each occurrence of one of the rarest words votes for the piece starting where that
 * word's offset puts it; nearby alignments (within a few typos) are one candidate. The
 * candidates with the most votes first, at most MAX_CANDS of them. */
static size_t vote(const matcher *m, const char *pc, const word *w, size_t nw, cand **out)
{
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

/* Candidate alignments of a piece from its rarest words (gram as for piece_words). Cheap: a
 * few linear scans. */
static size_t candidates(const matcher *m, const char *pc, size_t plen, int gram, cand **out)
{
	word w[MAX_WORDS];
	size_t nw = piece_words(pc, plen, gram, w);
	for (size_t k = 0; k < nw; k++) {
		for (size_t p = 0; p < m->n && w[k].count < MAX_OCC; p++) {
			long at = -1;
			while (w[k].count < MAX_OCC &&
			       (at = find_in(&m->p[p], (size_t)(at + 1), m->p[p].len, pc + w[k].off, w[k].len)) >= 0)
				w[k].count++;
		}
	}
	qsort(w, nw, sizeof *w, word_count_cmp);
	return vote(m, pc, w, nw, out);
}

/* Costs of the alignment: a run of source text left out is cheap past its first
 * character (affine gaps, Gotoh), so that a quote whose middle the analyst cut without
 * marking it (an attribution between two sentences) aligns with its own words, and the
 * cut shows as one run, instead of with a shorter, unrelated window. */
#define COST_SUB 2
#define COST_TYPED 2 /* a character typed that the source does not have */
#define COST_CUT_OPEN 3
#define COST_CUT 1 /* each character of the source left out */
#define COST_INF (UINT32_MAX / 4)

/* Semi-global alignment of needle against any substring of text; with tb, also the
 * alignment: ops (from the start) of 'M'atch, 'S'ubstitute, 'I' (needle extra), 'D'
 * (text extra), and the text start. Three matrices: ending in a match or substitution,
 * in a typed character, in a character of the source left out. */
static size_t align(const cps *nd, const cps *tx, char **ops, size_t *nops, size_t *tstart)
{
	size_t n = nd->n, w = tx->n;
	int full = ops != NULL;
	size_t rows = full ? n + 1 : 2;
	uint32_t *M = xmalloc(3 * rows * (w + 1) * sizeof *M), *X = M + rows * (w + 1), *Y = X + rows * (w + 1);
#define AT(A, i, j) A[(full ? (i) : ((i) & 1)) * (w + 1) + (j)]
#define MIN3(a, b, c) ((a) < (b) ? ((a) < (c) ? (a) : (c)) : ((b) < (c) ? (b) : (c)))
	for (size_t j = 0; j <= w; j++) {
		AT(M, 0, j) = 0;
		AT(X, 0, j) = AT(Y, 0, j) = COST_INF;
	}
	for (size_t i = 1; i <= n; i++) {
		AT(M, i, 0) = AT(Y, i, 0) = COST_INF;
		AT(X, i, 0) = (uint32_t)(COST_TYPED * i);
		for (size_t j = 1; j <= w; j++) {
			uint32_t before = MIN3(AT(M, i - 1, j - 1), AT(X, i - 1, j - 1), AT(Y, i - 1, j - 1));
			AT(M, i, j) = before + (nd->c[i - 1] != tx->c[j - 1] ? COST_SUB : 0);
			AT(X, i, j) = MIN3(AT(M, i - 1, j), AT(X, i - 1, j), AT(Y, i - 1, j)) + COST_TYPED;
			uint32_t open = (AT(M, i, j - 1) < AT(X, i, j - 1) ? AT(M, i, j - 1) : AT(X, i, j - 1)) + COST_CUT_OPEN;
			AT(Y, i, j) = (open < AT(Y, i, j - 1) ? open : AT(Y, i, j - 1)) + COST_CUT;
		}
	}
	size_t bj = 0;
	uint32_t score = COST_INF;
	for (size_t j = 0; j <= w; j++) {
		uint32_t v = MIN3(AT(M, n, j), AT(X, n, j), AT(Y, n, j));
		if (v < score)
			score = v, bj = j;
	}
	if (full) {
		char *o = xmalloc(n + w + 1);
		size_t k = 0, i = n, j = bj;
		/* the state the best alignment ends in; then back through the states */
		int st = AT(M, n, bj) == score ? 0 : AT(X, n, bj) == score ? 1 : 2;
		while (i > 0) {
			uint32_t here = st == 0 ? AT(M, i, j) : st == 1 ? AT(X, i, j) : AT(Y, i, j);
			int cut = st == 2;
			o[k++] = st == 1 ? 'I' : cut ? 'D' : nd->c[i - 1] == tx->c[j - 1] ? 'M' : 'S';
			uint32_t prev = here - (st == 1 ? COST_TYPED : cut ? COST_CUT : o[k - 1] == 'S' ? COST_SUB : 0);
			i -= !cut;
			j -= st != 1;
			st = cut && AT(Y, i, j) == prev ? 2 : AT(M, i, j) + (cut ? COST_CUT_OPEN : 0) == prev ? 0 :
			     AT(X, i, j) + (cut ? COST_CUT_OPEN : 0) == prev ? 1 : 2;
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
#undef MIN3
#undef AT
	free(M);
	return score;
}

/* How well a run of characters one side has and the other has not, c[b, e) of its side,
 * sits on word boundaries: a point for starting a word (or a space), one for ending one. */
static int gap_fit(const cps *c, size_t b, size_t e)
{
	int starts = b == 0 || c->c[b] == ' ' || !differ_is_word_cp(c->c[b - 1]);
	int ends = e >= c->n || c->c[e - 1] == ' ' || !differ_is_word_cp(c->c[e]);
	return starts + ends;
}

/* The alignment puts a run the quote leaves out (or adds) anywhere among the places that
 * cost the same: "th[e whol]e harbour" for "the [whole ]harbour", which a note then spells
 * out letter by letter. Each run flanked by matches slides to the leftmost place where it
 * is whole words, if there is one. */
static void slide_gaps(char *ops, size_t nops, const cps *nd, const cps *tx, size_t tstart)
{
	size_t i = 0, j = tstart;
	for (size_t k = 0; k < nops;) {
		char op = ops[k];
		if (op != 'D' && op != 'I') {
			i += op != 'D';
			j += op != 'I';
			k++;
			continue;
		}
		size_t len = 0;
		while (k + len < nops && ops[k + len] == op)
			len++;
		const cps *c = op == 'D' ? tx : nd;
		size_t at = op == 'D' ? j : i; /* the run is c[at, at + len) */
		size_t left = 0, right = 0;
		while (left < k && left < at && ops[k - left - 1] == 'M' && c->c[at - left - 1] == c->c[at + len - left - 1])
			left++;
		while (k + len + right < nops && ops[k + len + right] == 'M' && at + len + right < c->n &&
		       c->c[at + right] == c->c[at + len + right])
			right++;
		size_t best = 0;
		int fit = -1;
		for (size_t o = 0; o <= left + right; o++) {
			int f = gap_fit(c, at - left + o, at - left + o + len);
			if (f > fit)
				fit = f, best = o;
		}
		/* only to where it is whole words: a letter too many inside a word ("targett")
		 * stays where the alignment put it */
		for (size_t q = 0; fit == 2 && q < left + len + right; q++)
			ops[k - left + q] = q >= best && q < best + len ? op : 'M';
		i += right + (op == 'I' ? len : 0);
		j += right + (op == 'D' ? len : 0);
		k += len + right;
	}
}

/* The window of paragraph para, folded bytes [wb, we), that a piece is compared with. */
typedef struct window {
	size_t para, wb, we;
} window;

/* The window around candidate alignment c: the piece's length and some slack either side,
 * on whole characters. */
static window window_at(const matcher *m, const cand *c, size_t ndbytes)
{
	const ftext *f = &m->p[c->para];
	size_t slack = ndbytes / 2 + 24; /* room for words the analyst cut without marking it */
	long b = c->pos - (long)slack;
	window w = {c->para, b < 0 ? 0 : (size_t)b, (size_t)(c->pos < 0 ? 0 : c->pos) + ndbytes + slack};
	if (w.we > f->len)
		w.we = f->len;
	while (w.wb > 0 && ((unsigned char)f->s[w.wb] & 0xC0) == 0x80)
		w.wb--;
	while (w.we < f->len && ((unsigned char)f->s[w.we] & 0xC0) == 0x80)
		w.we++;
	return w;
}

/* Of the candidate alignments of the piece (from its words, else from runs of characters),
 * the window of the source closest to it by edit distance. Returns 0 if there is none. */
static int closest_window(const matcher *m, const char *pc, size_t plen, const cps *nd, size_t ndbytes, window *out)
{
	cand *c = NULL;
	size_t nc = candidates(m, pc, plen, 0, &c);
	for (int gram = 4; nc == 0 && gram >= 2; gram -= 2)
		nc = candidates(m, pc, plen, gram, &c);
	size_t best_score = (size_t)-1;
	for (size_t k = 0; k < nc; k++) {
		window w = window_at(m, &c[k], ndbytes);
		cps tx;
		to_cps(m->p[w.para].s, w.wb, w.we, (size_t)-1, &tx);
		size_t sc = align(nd, &tx, NULL, NULL, NULL);
		cps_free(&tx);
		if (sc < best_score) {
			best_score = sc;
			*out = w;
		}
	}
	free(c);
	return nc > 0;
}

/* Where the alignment ends in the text, and its first operation other than a match. */
static void first_difference(aligned *al)
{
	size_t i = 0, j = al->tstart;
	al->di = (size_t)-1;
	al->dj = 0;
	al->dop = 0;
	al->tend = al->tstart;
	for (size_t k = 0; k < al->nops; k++) {
		if (al->ops[k] != 'M' && al->di == (size_t)-1) {
			al->di = i;
			al->dj = j;
			al->dop = al->ops[k];
		}
		if (al->ops[k] != 'I')
			j++;
		if (al->ops[k] != 'D')
			i++;
		if (al->ops[k] != 'I')
			al->tend = j;
	}
}

static int is_break_byte(char c)
{
	return c == ' ' || c == '\n' || c == '\r';
}

/* From byte at, the edge of the word it is in or next to, going back (dir -1, not before
 * limit) or on (dir 1, not past limit). */
static size_t word_edge(const char *text, size_t limit, size_t at, int dir)
{
	for (;;) {
		size_t b = at;
		if (dir < 0) {
			if (b <= limit)
				return at;
			do
				b--;
			while (b > limit && ((unsigned char)text[b] & 0xC0) == 0x80);
		} else if (b >= limit) {
			return at;
		}
		uint32_t c = 0;
		size_t k = utf8_decode(text + b, (dir < 0 ? at : limit) - b, &c);
		if (!k || !(g_unichar_isalnum(c) || differ_is_mark(c)))
			return at;
		at = dir < 0 ? b : b + k;
	}
}

/* The passage in source bytes, from the aligned start to the aligned end without the
 * spaces around it, and the source byte of the first difference. */
static void passage_bounds(aligned *al)
{
	const ftext *f = al->f;
	const art_para *p = &al->a->paras[al->para];
	const char *text = al->a->text;
	size_t fb = al->tstart < al->tx.n ? al->tx.at[al->tstart] : f->len;
	size_t fe = al->tend > 0 && al->tend <= al->tx.n ? al->tx.at[al->tend - 1] : fb;
	al->sb0 = fb < f->len ? f->st[fb] : p->r.end;
	al->se0 = fe < f->len ? f->en[fe] : p->r.end;
	if (al->se0 < al->sb0)
		al->se0 = al->sb0;
	while (al->sb0 < al->se0 && is_break_byte(text[al->sb0]))
		al->sb0++;
	while (al->se0 > al->sb0 && is_break_byte(text[al->se0 - 1]))
		al->se0--;
	/* whole words: a passage that the alignment starts or ends inside a word ("ute (NSR)"
	 * for "Route (NSR)") shows the word */
	al->sb0 = word_edge(text, p->r.start, al->sb0, -1);
	al->se0 = word_edge(text, p->r.end, al->se0, 1);
	al->diff_off = al->sb0;
	if (al->di != (size_t)-1)
		al->diff_off = al->dj < al->tx.n ? f->st[al->tx.at[al->dj]] : p->r.end;
}

/* "closest passage, paragraph N: ..."; a long passage is shown around the first difference. */
static void note_passage(const aligned *al, diag *d)
{
	const char *text = al->a->text;
	size_t sb0 = al->sb0, se0 = al->se0;
	size_t show_b = sb0, show_e = se0;
	if (show_e - show_b > 160) {
		if (al->diff_off > show_b + 80)
			show_b = al->diff_off - 60;
		if (show_e > show_b + 140)
			show_e = show_b + 140;
		while (show_b > sb0 && ((unsigned char)text[show_b] & 0xC0) == 0x80)
			show_b--;
		while (show_e < se0 && ((unsigned char)text[show_e] & 0xC0) == 0x80)
			show_e++;
	}
	strbuf sb = {0};
	sb_printf(&sb, "closest passage, paragraph %zu: \xE2\x80\x9C%s", al->para + 1, show_b > sb0 ? "\xE2\x80\xA6" : "");
	differ_show_source(&sb, text, show_b, show_e);
	sb_printf(&sb, "%s\xE2\x80\x9D", show_e < se0 ? "\xE2\x80\xA6" : "");
	diag_note(d, differ_art_loc(al->a, sb0), "%s", sb.data);
	sb_free(&sb);
}

/* An unmarked cut: the piece is two runs of the source, in order in one paragraph, with
 * more of the source between them ("The dissent is the news. It tells you" where the source
 * has "The dissent is the news," said Hanna Ek-Öberg, chief economist at SEB. "It tells
 * you"). The alignment costs a long cut more than a few words substituted, so it finds a
 * window that starts inside the attribution; two exact runs say what happened. The first
 * run may end in punctuation the source does not have there. Returns 1 when it noted. */
#define CUT_RUN_MIN 12    /* folded bytes each run has at least */
#define CUT_GAP_MIN 24    /* folded bytes of source between the runs, at least */
#define CUT_GAP_MAX 400   /* and at most */
#define CUT_PIECE_MAX 4000 /* longer pieces are not split */
#define CUT_SPLITS_MAX 64   /* word boundaries tried, at most: each reads the article */
static int explain_unmarked_cut(const matcher *m, const char *pc, size_t plen, diag *d)
{
	if (plen > CUT_PIECE_MAX)
		return 0;
	size_t splits = 0;
	for (size_t s = CUT_RUN_MIN; s + CUT_RUN_MIN <= plen; s++) {
		if (pc[s - 1] != ' ')
			continue;
		size_t alen = s - 1, blen = plen - s;
		size_t punct = 0; /* the first run's last byte, typed where the source has other */
		if (alen > 0 && strchr(".,;:", pc[alen - 1]))
			punct = alen--;
		/* the first run grows with s: once no paragraph has it, none has a longer one */
		int any = 0;
		for (size_t p = 0; p < m->n; p++) {
			const ftext *f = &m->p[p];
			long a = find_in(f, 0, f->len, pc, alen);
			if (a < 0)
				continue;
			any = 1;
			size_t from = (size_t)a + alen, to = from + CUT_GAP_MAX + blen;
			long b = find_in(f, from, to < f->len ? to : f->len, pc + s, blen);
			/* a short cut (a word, a list marker) the alignment explains better */
			if (b < 0 || (size_t)b < from + CUT_GAP_MIN)
				continue;
			const char *text = m->a->text;
			size_t sb0 = f->st[a], se0 = f->en[(size_t)b + blen - 1];
			size_t cb = f->st[from], ce = f->st[b];
			while (ce > cb && (text[ce - 1] == ' ' || text[ce - 1] == '\n'))
				ce--;
			strbuf sb = {0};
			sb_printf(&sb, "closest passage, paragraph %zu: \xE2\x80\x9C", p + 1);
			differ_show_source(&sb, text, sb0, se0 - sb0 > 160 ? sb0 + 140 : se0);
			sb_printf(&sb, "%s\xE2\x80\x9D", se0 - sb0 > 160 ? "\xE2\x80\xA6" : "");
			diag_note(d, differ_art_loc(m->a, sb0), "%s", sb.data);
			sb.len = 0;
			differ_show_source(&sb, text, cb, ce - cb > 120 ? cb + 120 : ce);
			char instead[40] = "";
			if (punct)
				snprintf(instead, sizeof instead, " in place of the '%c' you typed", pc[punct - 1]);
			size_t neg_at, neg = negation_in(text, cb, ce, &neg_at);
			if (neg) /* a cut would say the opposite: no hint to make one */
				diag_note(d, differ_art_loc(m->a, cb),
					  "the source has more here: '%s%s', with '%.*s' in it, which turns the meaning: quote it",
					  sb.data, ce - cb > 120 ? "\xE2\x80\xA6" : "", (int)neg, text + neg_at);
			else
				diag_note(d, differ_art_loc(m->a, cb),
					  "the source has more here: '%s%s'; to leave it out, mark the cut with [\xE2\x80\xA6]%s",
					  sb.data, ce - cb > 120 ? "\xE2\x80\xA6" : "", instead);
			sb_free(&sb);
			return 1;
		}
		if (!any || ++splits >= CUT_SPLITS_MAX)
			return 0;
	}
	return 0;
}

/* A piece that is in the source word for word, but starts or ends inside a number there
 * ("GBP 3,471" of "GBP 3,471,902.18"): the closest passage would show the same words and
 * say nothing; the note names the number. Returns 1 when it noted. */
static int explain_cut_number(const matcher *m, const char *pc, size_t plen, diag *d)
{
	for (size_t para = 0; para < m->n; para++) {
		const ftext *f = &m->p[para];
		for (long at = 0; (at = find_in(f, (size_t)at, f->len, pc, plen)) >= 0; at++) {
			if (!find_cuts_number(f, (size_t)at, pc, plen))
				continue;
			if (find_cuts_sign(f, (size_t)at, pc, plen)) {
				size_t e = (size_t)at;
				while (e < f->len && find_number_part(f, e))
					e++;
				char *number = text_clip(m->a->text + f->st[at - 1], f->en[e - 1] - f->st[at - 1],
							 DIAG_MAX_QUOTED);
				diag_note(d, differ_art_loc(m->a, f->st[at - 1]),
					  "the quote leaves out the minus sign of '%s' (paragraph %zu): start the quote "
					  "at the sign",
					  number, para + 1);
				free(number);
				return 1;
			}
			int ends = pc[plen - 1] >= '0' && pc[plen - 1] <= '9' && find_number_part(f, (size_t)at + plen);
			size_t cut = ends ? (size_t)at + plen : (size_t)at, b = cut, e = cut;
			while (b > 0 && find_number_part(f, b - 1))
				b--;
			while (e < f->len && find_number_part(f, e))
				e++;
			char *number = text_clip(m->a->text + f->st[b], f->en[e - 1] - f->st[b], DIAG_MAX_QUOTED);
			diag_note(d, differ_art_loc(m->a, f->st[cut]),
				  "the quote %s inside the number '%s' (paragraph %zu): quote the number whole, or %s "
				  "the quote %s it",
				  ends ? "ends" : "starts", number, para + 1, ends ? "end" : "start", ends ? "before" : "after");
			free(number);
			return 1;
		}
	}
	return 0;
}

/* Notes on the closest passage to one piece that is not in the source, and how it differs. */
static void explain_piece(const matcher *m, const char *pc, size_t plen, typed_at typed, diag *d)
{
	aligned al = {.a = m->a, .typed = typed};
	to_cps(pc, 0, plen, MAX_DP_CPS, &al.nd);
	al.ndbytes = al.nd.n ? al.nd.at[al.nd.n - 1] + 1 : 0;
	while (al.ndbytes < plen && ((unsigned char)pc[al.ndbytes] & 0xC0) == 0x80)
		al.ndbytes++;
	if (explain_cut_number(m, pc, plen, d) || explain_unmarked_cut(m, pc, plen, d)) {
		cps_free(&al.nd);
		return;
	}
	window w = {0, 0, 0};
	if (!closest_window(m, pc, plen, &al.nd, al.ndbytes, &w)) {
		diag_note(d, loc_at(al.a->display, 0, 0), "no passage of the source shares a word with it");
		cps_free(&al.nd);
		return;
	}
	al.para = w.para;
	al.f = &m->p[w.para];
	al.win_end = w.we;
	to_cps(al.f->s, w.wb, w.we, (size_t)-1, &al.tx);
	align(&al.nd, &al.tx, &al.ops, &al.nops, &al.tstart);
	slide_gaps(al.ops, al.nops, &al.nd, &al.tx, al.tstart);
	first_difference(&al);
	passage_bounds(&al);
	note_passage(&al, d);
	if (al.di == (size_t)-1) {
		if (al.nd.n < plen) /* the difference lies past what was compared */
			diag_note(d, differ_art_loc(al.a, al.se0), "the source differs after this");
		else
			differ_note_word_edges(&al, d);
	} else {
		differ_notes(&al, pc, plen, d);
	}
	free(al.ops);
	cps_free(&al.tx);
	cps_free(&al.nd);
}

/* The length of a mark at w + i that looks meant for an elision but is none ("[..]",
 * "(...)", "[....]", a bare ".."), else 0. */
static size_t mistyped_elision(const char *w, size_t n, size_t i)
{
	if (w[i] == '.')
		return i + 1 < n && w[i + 1] == '.' && (i == 0 || w[i - 1] != '.') && (i + 2 >= n || w[i + 2] != '.') ? 2 : 0;
	const char *open = strchr("[({", w[i]);
	if (!w[i] || !open)
		return 0;
	size_t j = i + 1, dots = 0, ells = 0;
	if (j < n && w[j] == ' ')
		j++;
	for (;;) {
		if (j < n && w[j] == '.')
			dots++, j++;
		else if (j + 2 < n && memcmp(w + j, "\xe2\x80\xa6", 3) == 0)
			ells++, j += 3;
		else
			break;
	}
	if (j < n && w[j] == ' ')
		j++;
	if (j >= n || w[j] != "])}"[open - "[({"] || (dots < 2 && !ells))
		return 0;
	int elision = w[i] == '[' && ((dots == 3 && !ells) || (dots == 0 && ells == 1));
	return elision ? 0 : j + 1 - i;
}

/* A quote not found that holds a mark meant for an elision: say how elisions are typed. */
static void note_mistyped_elision(const char *words, loc words_at, diag *d)
{
	size_t n = strlen(words);
	for (size_t i = 0; i < n; i++) {
		size_t k = mistyped_elision(words, n, i);
		if (!k)
			continue;
		loc at = words_at;
		for (size_t b = 0; at.col > 0 && b < i; b++)
			at.col += ((unsigned char)words[b] & 0xC0) != 0x80;
		diag_note(d, at, "'%.*s' is not an elision: words left out are marked [...] or […]", (int)k, words + i);
		return;
	}
}

void match_explain(const matcher *m, const char *words, loc words_at, diag *d)
{
	note_mistyped_elision(words, words_at, d);
	needle nd;
	needle_init(&nd, words, NEEDLE_STRICT);
	if (nd.bare_ellipsis) {
		needle_free(&nd);
		needle_init(&nd, words, NEEDLE_LOOSE);
	}
	if (nd.npc == 0) {
		diag_note(d, words_at, "there are no words to look for outside the elisions");
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
				differ_show_folded(&sb, nd.f.s + nd.pc[k].off, nd.pc[k].len);
				char *shown = text_clip(sb.data, sb.len, DIAG_MAX_QUOTED);
				diag_note(d, loc_at(m->a->display, 0, 0), "part %zu of %zu between elisions is not in the source: '%s'",
					  k + 1, nd.npc, shown);
				free(shown);
				sb_free(&sb);
			}
			typed_at typed = {words, strlen(words), nd.f.st + nd.pc[k].off, words_at};
			explain_piece(m, nd.f.s + nd.pc[k].off, nd.pc[k].len, typed, d);
			needle_free(&nd);
			return;
		}
	}
	/* every piece exists, but not in order within one paragraph; or one follows the one
	 * before it directly, and the elision between them leaves nothing out */
	span prev = {-1, {0, 0}};
	for (size_t k = 0; k < nd.npc; k++) {
		one.pc = &nd.pc[k];
		find_all(m, &one, 0, 0, 1, &r);
		span here = r.spans[0];
		match_clear(&r);
		int adjoins = k > 0 && here.para == prev.para && here.r.start >= prev.r.end;
		int marks = 0; /* punctuation between them: "past. The" */
		for (size_t b = prev.r.end, cl; adjoins && b < here.r.start; b += cl ? cl : 1) {
			uint32_t c = 0;
			cl = utf8_decode(m->a->text + b, here.r.start - b, &c);
			marks |= !(c == ' ' || c == '\n' || c == '\t');
			adjoins = !g_unichar_isalnum((gunichar)c);
		}
		if (adjoins && !marks) {
			diag_note(d, differ_art_loc(m->a, here.r.start),
				  "nothing is left out at elision %zu: in the source, part %zu follows part %zu directly; "
				  "remove the [...] there (it marks words left out)",
				  k, k + 1, k);
			needle_free(&nd);
			return;
		}
		if (adjoins) {
			size_t b = prev.r.end, e = here.r.start;
			while (b < e && isspace((unsigned char)m->a->text[b]))
				b++;
			while (e > b && isspace((unsigned char)m->a->text[e - 1]))
				e--;
			char *gap = text_clip(m->a->text + b, e - b, DIAG_MAX_QUOTED);
			diag_note(d, differ_art_loc(m->a, b),
				  "only '%s' is left out at elision %zu, no word: type it as the source has it in place of "
				  "the elision (which marks words left out)",
				  gap, k);
			free(gap);
			needle_free(&nd);
			return;
		}
		prev = here;
	}
	diag_note(d, loc_at(m->a->display, 0, 0),
		  "each part between elisions is in the source, but not all in this order in one paragraph");
	for (size_t k = 0; k < nd.npc; k++) {
		one.pc = &nd.pc[k];
		find_all(m, &one, 0, 0, 1, &r);
		strbuf sb = {0};
		differ_show_folded(&sb, nd.f.s + nd.pc[k].off, nd.pc[k].len);
		char *shown = text_clip(sb.data, sb.len, DIAG_MAX_QUOTED);
		const span *s = &r.spans[0];
		diag_note(d, differ_art_loc(m->a, s->r.start), "part %zu, '%s', is first found in paragraph %d", k + 1, shown,
			  s->para + 1);
		free(shown);
		sb_free(&sb);
		match_clear(&r);
	}
	needle_free(&nd);
}
