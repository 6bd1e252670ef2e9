/* nodes.c: a paragraph as the total-fit breaker sees it: words shaped once (cached per
 * font and word) and turned into boxes, glue for the spaces between them, and penalties
 * where a line may break inside a word or must not break. */
#include "typeset/nodes.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

#define HYPHEN_PENALTY 50.0
#define EXHYPHEN_PENALTY 50.0
#define EMERGENCY_PENALTY 1000.0

static node *add(kp *k, ntype t)
{
	if (k->nn == k->capn) {
		k->capn = k->capn ? k->capn * 2 : 256;
		k->n = xrealloc(k->n, k->capn * sizeof *k->n);
	}
	node *x = &k->n[k->nn++];
	memset(x, 0, sizeof *x);
	x->t = t;
	x->seg = -1;
	return x;
}

static double gs_width(const PangoGlyphString *gs)
{
	int w = 0;
	for (int i = 0; i < gs->num_glyphs; i++)
		w += gs->glyphs[i].geometry.width;
	return w / (double)PANGO_SCALE;
}

/* Width of the glyphs of seg whose clusters fall in [a, b). */
static double range_width(const seg *s, int a, int b)
{
	int w = 0;
	for (int i = 0; i < s->gs->num_glyphs; i++) {
		int c = s->a + s->gs->log_clusters[i];
		if (c >= a && c < b)
			w += s->gs->glyphs[i].geometry.width;
	}
	return w / (double)PANGO_SCALE;
}

static double space_width(kp *k, PangoItem *item)
{
	return gs_width(shape_glyphs(k->e, item, " ", 1));
}

static double hyphen_width(kp *k, PangoItem *item)
{
	return gs_width(shape_glyphs(k->e, item, "-", 1));
}

static void add_penalty(kp *k, double w, double pen, int flagged, pkind kind)
{
	node *x = add(k, N_PEN);
	x->w = w;
	x->pen = pen;
	x->flagged = flagged;
	x->kind = kind;
}

static void add_glue(kp *k, double w, double y, double z)
{
	node *x = add(k, N_GLUE);
	x->w = w;
	x->y = y;
	x->z = z;
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A new segment: text[a, b) shaped with the item's font, its glyphs checked once. */
static int add_seg(kp *k, PangoItem *item, int a, int b)
{
	if (k->nsegs == k->capsegs) {
		k->capsegs = k->capsegs ? k->capsegs * 2 : 64;
		k->segs = xrealloc(k->segs, k->capsegs * sizeof *k->segs);
	}
	seg *s = &k->segs[k->nsegs];
	s->item = item;
	s->a = a;
	s->b = b;
	s->gs = shape_glyphs(k->e, item, k->text + a, b - a);
	if (k->d) /* NULL when setting a paragraph again: it was checked the first time */
		shape_check_glyphs(s->gs, k->text, a, k->seen, &k->nseen);
	return (int)k->nsegs++;
}

/* kind[i] = P_EXPLICIT after a hyphen between letters ("anti-aircraft"), an em dash, or a
 * slash in an address; never after an en dash (1950–1953, ¶3–4 stay whole). */
static void mark_explicit(const char *w, size_t n, unsigned char *kind)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t cl = utf8_decode(w + i, n - i, &cp);
		if (!cl)
			cl = 1;
		int brk = 0;
		if (i > 0 && i + cl < n) {
			gunichar next = g_utf8_get_char(w + i + cl);
			gunichar prev = g_utf8_get_char(g_utf8_find_prev_char(w, w + i));
			if (cp == '-' || cp == 0x2010)
				brk = g_unichar_isalpha(prev) && g_unichar_isalpha(next);
			else if (cp == 0x2014)
				brk = 1;
			else if (cp == '/')
				brk = next != '/' && prev != '/' && prev != ':';
		}
		if (brk)
			kind[i + cl] = P_EXPLICIT;
		i += cl;
	}
}

/* kind[i] = P_HYPH at the hyphenation points of the word's letter runs ("politician." →
 * "politician"), where no other break is. */
static void mark_hyphens(hyphenator *h, const char *w, size_t n, unsigned char *kind)
{
	for (size_t i = 0; i < n;) {
		if (!is_letter((unsigned char)w[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && is_letter((unsigned char)w[j]))
			j++;
		/* a run glued to digits or to letters of another script is a code or a
		 * name, not a word; punctuation such as quotes around it is fine */
		int clean = 1;
		if (i > 0) {
			gunichar before = g_utf8_get_char(g_utf8_find_prev_char(w, w + i));
			clean &= !g_unichar_isalnum(before);
		}
		if (j < n)
			clean &= !g_unichar_isalnum(g_utf8_get_char(w + j));
		if (clean) {
			unsigned char *ok = xcalloc(j - i + 1, 1);
			if (hyph_points(h, w + i, j - i, ok) > 0)
				for (size_t q = 1; q < j - i; q++)
					if (ok[q] && !kind[i + q])
						kind[i + q] = P_HYPH;
			free(ok);
		}
		i = j;
	}
}

/* A run of one punctuation mark ("-----", "=====": a plain-text underline or rule) is
 * not a word: it may break anywhere, two marks from either end, without a hyphen;
 * otherwise the line before it takes all the slack. */
static void mark_runs(const char *w, size_t n, unsigned char *kind)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && w[j] == w[i])
			j++;
		if (j - i >= 6 && (unsigned char)w[i] < 0x80 && g_ascii_ispunct(w[i]))
			for (size_t q = i + 2; q + 2 <= j; q++)
				if (!kind[q])
					kind[q] = P_RUN;
		i = j;
	}
}

/* A break inside a glyph cluster (the "ffi" of "Affirmer" is one ligature glyph) would
 * give one side the whole ligature's width and draw the other side wider than its box:
 * breaks stay only where a cluster starts. */
static void keep_cluster_starts(const seg *s, size_t n, unsigned char *kind)
{
	unsigned char *cluster = xcalloc(n + 1, 1);
	for (int g = 0; g < s->gs->num_glyphs; g++)
		if (s->gs->log_clusters[g] >= 0 && (size_t)s->gs->log_clusters[g] <= n)
			cluster[s->gs->log_clusters[g]] = 1;
	for (size_t i = 1; i < n; i++)
		if (!cluster[i])
			kind[i] = 0;
	free(cluster);
}

/* The boxes of segment si (text[a, a + n)) between its breaks, each break a penalty of
 * its kind; hw is the width of a hyphen added at a hyphenation point. */
static void add_boxes(kp *k, int si, int a, size_t n, const unsigned char *kind, double hw)
{
	const seg *s = &k->segs[si];
	const char *w = k->text + a;
	int start = a;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && !kind[i])
			continue;
		int end = a + (int)i;
		node *x = add(k, N_BOX);
		x->seg = si;
		x->a = start;
		x->b = end;
		x->w = range_width(s, start, end);
		if (i < n) {
			if (kind[i] == P_HYPH)
				add_penalty(k, hw, HYPHEN_PENALTY, 1, P_HYPH);
			else if (kind[i] == P_EXPLICIT)
				add_penalty(k, 0, EXHYPHEN_PENALTY, w[i - 1] == '-', P_EXPLICIT);
			else if (kind[i] == P_RUN)
				add_penalty(k, 0, EXHYPHEN_PENALTY, 0, P_RUN);
			else
				add_penalty(k, 0, EMERGENCY_PENALTY, 0, P_EMERGENCY);
		}
		start = end;
	}
}

/* One word (or the part of it inside one Pango item): boxes, with penalties where it may
 * break inside: after hyphens and dashes, at hyphenation points, and, for a word longer
 * than the line, anywhere (last resort). */
static void add_word(kp *k, PangoItem *item, int a, int b, int hyphenate)
{
	if (b <= a)
		return;
	int si = add_seg(k, item, a, b);
	const seg *s = &k->segs[si];
	size_t n = (size_t)(b - a);
	unsigned char *kind = xcalloc(n + 1, 1); /* kind[i]: break allowed before byte a+i */
	const char *w = k->text + a;
	mark_explicit(w, n, kind);
	/* addresses are never hyphenated: a reader would type the hyphen */
	int address = mem_find(w, w + n, "://") || mem_find(w, w + n, "www.") || memchr(w, '@', n);
	if (hyphenate && k->e->hyph && !address)
		mark_hyphens(k->e->hyph, w, n, kind);
	mark_runs(w, n, kind);
	if (range_width(s, a, b) > k->measure) {
		for (size_t i = 1; i < n; i++)
			if (((unsigned char)w[i] & 0xC0) != 0x80 && !kind[i])
				kind[i] = P_EMERGENCY;
	}
	keep_cluster_starts(s, n, kind);
	add_boxes(k, si, a, n, kind, hyphen_width(k, item));
	free(kind);
}

int nodes_build(kp *k, GList *items, double indent, int hyphenate)
{
	if (indent > 0 && k->lo == 0) {
		node *x = add(k, N_BOX);
		x->w = indent;
	}
	for (GList *l = items; l; l = l->next) {
		PangoItem *item = l->data;
		if (item->analysis.level & 1)
			return -1; /* right-to-left: Pango's breaker handles bidi */
		if (item->offset + item->length <= k->lo || item->offset >= k->hi)
			continue;
		int ws = -1;
		int end = item->offset + item->length < k->hi ? item->offset + item->length : k->hi;
		for (int i = item->offset > k->lo ? item->offset : k->lo; i < end;) {
			uint32_t cp = 0;
			size_t cl = utf8_decode(k->text + i, (size_t)(end - i), &cp);
			if (!cl)
				cl = 1;
			int space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 ||
				    (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007);
			int nbsp = cp == 0xA0 || cp == 0x202F || cp == 0x2007;
			int shy = cp == 0xAD;
			if (space || nbsp || shy) {
				if (ws >= 0)
					add_word(k, item, ws, i, hyphenate);
				ws = -1;
				double sp = space_width(k, item);
				if (space) {
					if (k->nn == 0 || k->n[k->nn - 1].t != N_GLUE)
						add_glue(k, sp, k->rag > 0 ? 0 : sp / 2, k->rag > 0 ? 0 : sp / 3);
				} else if (nbsp) {
					add_penalty(k, 0, INF_PENALTY, 0, P_NONE);
					add_glue(k, cp == 0x202F ? sp / 2 : sp, cp == 0x202F || k->rag > 0 ? 0 : sp / 2,
						 cp == 0x202F || k->rag > 0 ? 0 : sp / 3);
				} else {
					/* a soft hyphen the author placed: a hyphenation point, even when
					 * automatic hyphenation is off */
					add_penalty(k, hyphen_width(k, item), HYPHEN_PENALTY, 1, P_HYPH);
				}
			} else if (ws < 0) {
				ws = i;
			}
			i += (int)cl;
		}
		if (ws >= 0)
			add_word(k, item, ws, end, hyphenate);
	}
	/* the last word of a paragraph is never hyphenated */
	for (size_t i = k->nn; i-- > 0;) {
		if (k->n[i].t == N_GLUE)
			break;
		if (k->n[i].t == N_PEN && k->n[i].kind == P_HYPH)
			k->n[i].pen = INF_PENALTY;
	}
	while (k->nn > 0 && k->n[k->nn - 1].t == N_GLUE)
		k->nn--;
	add_penalty(k, 0, INF_PENALTY, 0, P_NONE);
	add_glue(k, 0, 1e5, 0); /* \parfillskip: the last line is set at its natural width */
	add_penalty(k, 0, -INF_PENALTY, 0, P_NONE);
	return 0;
}
