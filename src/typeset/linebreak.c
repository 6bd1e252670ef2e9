/* linebreak.c: total-fit line breaking (Knuth and Plass) for justified paragraphs.
 * Words are shaped once with Pango/HarfBuzz (cached per font and word), turned into
 * boxes, glue and penalties, and the breaks of the whole paragraph are chosen together
 * to minimise demerits: loose lines, hyphens, consecutive hyphens, abrupt changes of
 * spacing. Passes: without hyphens, with hyphens, with emergency stretch, and last a pass
 * that accepts overfull lines rather than fail. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "typeset/para.h"
#include "base/util.h"

#define INF_PENALTY 10000.0
#define LINE_PENALTY 10.0
#define HYPHEN_PENALTY 50.0
#define EXHYPHEN_PENALTY 50.0
#define EMERGENCY_PENALTY 1000.0
#define DOUBLE_HYPHEN_DEMERITS 10000.0
#define FINAL_HYPHEN_DEMERITS 5000.0
#define ADJ_DEMERITS 10000.0
#define MAX_HYPHEN_RUN 2
#define RUNT_FRACTION 0.15
#define RUNT_DEMERITS 4000.0
#define TRACK_MAX_EM 0.05 /* letter spacing of a loose line, at most, in em */
#define TRACK_FROM 0.30   /* spaces this much wider than natural: letters take the rest */
#define RAG_EM 2.0        /* ragged text: line-end stretch, in em */
/* A paragraph longer than this is broken a window at a time: the breaks of each window are
 * chosen together, all but its last WINDOW_OVERLAP lines are kept, and the next window
 * starts at the first line given up, so that no line is chosen near an artificial end.
 * Work and memory stay proportional to the window, not the paragraph (a 5 MB paragraph
 * in one piece would need half a gigabyte of nodes and breakpoints). */
#define WINDOW_BYTES 32768
#define WINDOW_OVERLAP 4

typedef enum { N_BOX, N_GLUE, N_PEN } ntype;
typedef enum { P_NONE, P_HYPH, P_EXPLICIT, P_EMERGENCY, P_RUN } pkind;

typedef struct node {
	ntype t;
	double w, y, z; /* width, stretch, shrink */
	double pen;
	int flagged;    /* a break here ends the line with a hyphen */
	pkind kind;
	int seg;        /* boxes: segment, -1 for the indent */
	int a, b;       /* boxes: bytes of the paragraph text */
} node;

typedef struct seg {
	PangoItem *item; /* borrowed from the itemization */
	int a, b;
	const PangoGlyphString *gs; /* borrowed from the engine's cache */
} seg;

typedef struct breakpoint {
	int pos;      /* node index of the break, -1 the start */
	int line;
	int fit;
	int hrun;     /* hyphenated lines in a row ending here */
	double tw, ty, tz, tb; /* totals at the start of the next line */
	double dem;
	int prev;     /* breakpoint index, -1 none */
} breakpoint;

typedef struct kp {
	para_engine *e;
	const char *text;
	size_t len;
	node *n;
	size_t nn, capn;
	seg *segs;
	size_t nsegs, capsegs;
	double *sw, *sy, *sz; /* running sums before node i */
	double *sb;           /* box widths before node i: what font expansion can act on */
	double expand;        /* largest glyph expansion or compression, e.g. 0.02 */
	double track_max;     /* letter spacing a loose line may take, pt per glyph */
	double rag;           /* ragged text: the stretch at every line's end (\rightskip) */
	double line_penalty;  /* TeX's \linepenalty: large to set in as few lines as possible */
	double line_bonus;    /* added to the demerits of every line: negative for more lines */
	text_align align;
	double measure;
	int lo, hi;           /* the window of the text being broken, in bytes */
	uint32_t seen[8];
	int nseen;
	loc at;
	diag *d;
} kp;

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

/* One word (or the part of it inside one Pango item): boxes, with penalties where it may
 * break inside: after hyphens and dashes, at hyphenation points, and, for a word longer
 * than the line, anywhere (last resort). */
static void add_word(kp *k, PangoItem *item, int a, int b, int hyphenate)
{
	if (b <= a)
		return;
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
		shape_check_glyphs(s->gs, k->text, a, k->at, k->d, k->seen, &k->nseen);
	int si = (int)k->nsegs++;
	size_t n = (size_t)(b - a);
	unsigned char *kind = xcalloc(n + 1, 1); /* kind[i]: break allowed before byte a+i */
	const char *w = k->text + a;
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t cl = utf8_decode(w + i, n - i, &cp);
		if (!cl)
			cl = 1;
		/* after a hyphen between letters ("anti-aircraft"), an em dash, or a slash in an
		 * address; never after an en dash (1950–1953, ¶3–4 stay whole) */
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
	/* addresses are never hyphenated: a reader would type the hyphen */
	int address = mem_find(w, w + n, "://") || mem_find(w, w + n, "www.") || memchr(w, '@', n);
	if (hyphenate && k->e->hyph && !address) {
		/* hyphenate the letter runs: "politician." → "politician" */
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
				if (hyph_points(k->e->hyph, w + i, j - i, ok) > 0)
					for (size_t q = 1; q < j - i; q++)
						if (ok[q] && !kind[i + q])
							kind[i + q] = P_HYPH;
				free(ok);
			}
			i = j;
		}
	}
	/* a run of one punctuation mark ("-----", "=====": a plain-text underline or rule) is
	 * not a word: it may break anywhere, two marks from either end, without a hyphen;
	 * otherwise the line before it takes all the slack */
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
	if (range_width(s, a, b) > k->measure) {
		for (size_t i = 1; i < n; i++)
			if (((unsigned char)w[i] & 0xC0) != 0x80 && !kind[i])
				kind[i] = P_EMERGENCY;
	}
	/* a break inside a glyph cluster (the "ffi" of "Affirmer" is one ligature glyph) would
	 * give one side the whole ligature's width and draw the other side wider than its box:
	 * break only where a cluster starts */
	unsigned char *cluster = xcalloc(n + 1, 1);
	for (int g = 0; g < s->gs->num_glyphs; g++)
		if (s->gs->log_clusters[g] >= 0 && (size_t)s->gs->log_clusters[g] <= n)
			cluster[s->gs->log_clusters[g]] = 1;
	for (size_t i = 1; i < n; i++)
		if (!cluster[i])
			kind[i] = 0;
	free(cluster);
	double hw = hyphen_width(k, item);
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
	free(kind);
}

static int build_nodes(kp *k, GList *items, const para_spec *spec)
{
	if (spec->indent > 0 && k->lo == 0) {
		node *x = add(k, N_BOX);
		x->w = spec->indent;
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
					add_word(k, item, ws, i, spec->hyphenate);
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
			add_word(k, item, ws, end, spec->hyphenate);
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

static int legal_break(const kp *k, size_t i, int pass)
{
	const node *x = &k->n[i];
	if (x->t == N_GLUE)
		return i > 0 && k->n[i - 1].t == N_BOX;
	if (x->t != N_PEN || x->pen >= INF_PENALTY)
		return 0;
	if (x->kind == P_HYPH && pass < 1)
		return 0;
	if (x->kind == P_EMERGENCY && pass < 2)
		return 0;
	return 1;
}

/* Totals at the start of the line after a break at i: glue and penalties after a break
 * disappear. */
static void after_totals(const kp *k, int i, double *tw, double *ty, double *tz, double *tb)
{
	size_t j = i < 0 ? 0 : (size_t)i;
	if (i >= 0) {
		for (j = (size_t)i; j < k->nn; j++) {
			const node *x = &k->n[j];
			if (x->t == N_BOX || (x->t == N_PEN && x->pen <= -INF_PENALTY && (int)j != i))
				break;
		}
	}
	*tw = k->sw[j];
	*ty = k->sy[j];
	*tz = k->sz[j];
	*tb = k->sb[j];
}

/* Runs one pass; returns the index of the best final breakpoint or -1. */
static int kp_pass(kp *k, int pass, double tolerance, double emergency, breakpoint **bp, size_t *nbp)
{
	size_t cap = 64, nb = 0;
	breakpoint *b = xmalloc(cap * sizeof *b);
	int *act = xmalloc(sizeof *act * 64), nact = 0, capact = 64;
	b[0] = (breakpoint){-1, 0, 1, 0, 0, 0, 0, 0, 0, -1};
	after_totals(k, -1, &b[0].tw, &b[0].ty, &b[0].tz, &b[0].tb);
	nb = 1;
	act[nact++] = 0;
	int overfull_ok = pass >= 3;
	for (size_t i = 0; i < k->nn && nact > 0; i++) {
		if (!legal_break(k, i, pass))
			continue;
		const node *x = &k->n[i];
		double pw = x->t == N_PEN ? x->w : 0;
		int forced = x->t == N_PEN && x->pen <= -INF_PENALTY;
		/* best candidate per fitness class and hyphen run */
		double best[4][MAX_HYPHEN_RUN + 1];
		int from[4][MAX_HYPHEN_RUN + 1];
		for (int f = 0; f < 4; f++)
			for (int h = 0; h <= MAX_HYPHEN_RUN; h++)
				best[f][h] = INFINITY, from[f][h] = -1;
		int keep = 0;
		for (int q = 0; q < nact; q++) {
			breakpoint *a = &b[act[q]];
			double L = k->sw[i] - a->tw + pw;
			double B = (k->sb[i] - a->tb) * k->expand;
			double Y = k->sy[i] - a->ty + B + emergency + k->rag;
			double Z = k->sz[i] - a->tz + B;
			double r;
			if (L < k->measure)
				r = Y > 0 ? (k->measure - L) / Y : INFINITY;
			else if (L > k->measure)
				r = Z > 0 ? (k->measure - L) / Z : -INFINITY;
			else
				r = 0;
			int deactivate = r < -1 || forced;
			double bad = r < -1 ? 10000 : fmin(100 * pow(fabs(r), 3), 10000);
			int feasible = r >= -1 && bad <= tolerance;
			if (!feasible && overfull_ok && r < -1) {
				/* last resort: an overfull line, costed by how far it sticks out */
				feasible = 1;
				bad = 10000 + (L - k->measure) * 1000;
			}
			if (!feasible && overfull_ok && forced && r > 1) {
				feasible = 1;
			}
			if (!deactivate)
				act[keep++] = act[q];
			if (!feasible)
				continue;
			double dem = (k->line_penalty + bad) * (k->line_penalty + bad) + k->line_bonus;
			if (x->t == N_PEN) {
				if (x->pen >= 0)
					dem += x->pen * x->pen;
				else if (x->pen > -INF_PENALTY)
					dem -= x->pen * x->pen;
			}
			int prev_flag = a->pos >= 0 && k->n[a->pos].t == N_PEN && k->n[a->pos].flagged;
			if (x->t == N_PEN && x->flagged && prev_flag)
				dem += DOUBLE_HYPHEN_DEMERITS;
			if (forced && prev_flag)
				dem += FINAL_HYPHEN_DEMERITS;
			/* a last line of one short word looks like a mistake */
			if (forced && k->sw[i] - a->tw < RUNT_FRACTION * k->measure && a->pos >= 0)
				dem += RUNT_DEMERITS;
			int fit = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
			if (abs(fit - a->fit) > 1)
				dem += ADJ_DEMERITS;
			int hrun = x->t == N_PEN && x->flagged ? a->hrun + 1 : 0;
			if (hrun > MAX_HYPHEN_RUN)
				continue;
			dem += a->dem;
			if (dem < best[fit][hrun]) {
				best[fit][hrun] = dem;
				from[fit][hrun] = (int)(a - b);
			}
		}
		nact = keep;
		for (int f = 0; f < 4; f++)
			for (int h = 0; h <= MAX_HYPHEN_RUN; h++) {
				if (from[f][h] < 0)
					continue;
				if (nb == cap) {
					cap *= 2;
					b = xrealloc(b, cap * sizeof *b);
				}
				breakpoint *nbk = &b[nb];
				nbk->pos = (int)i;
				nbk->line = b[from[f][h]].line + 1;
				nbk->fit = f;
				nbk->hrun = h;
				nbk->dem = best[f][h];
				nbk->prev = from[f][h];
				after_totals(k, (int)i, &nbk->tw, &nbk->ty, &nbk->tz, &nbk->tb);
				if (nact == capact) {
					capact *= 2;
					act = xrealloc(act, (size_t)capact * sizeof *act);
				}
				act[nact++] = (int)nb;
				nb++;
			}
	}
	free(act);
	/* the best breakpoint at the final forced break */
	int bestb = -1;
	for (size_t q = 0; q < nb; q++)
		if (b[q].pos == (int)k->nn - 1 && (bestb < 0 || b[q].dem < b[bestb].dem))
			bestb = (int)q;
	*bp = b;
	*nbp = nb;
	return bestb;
}

static void item_look(const PangoItem *item, para_piece *pc)
{
	for (GSList *l = item->analysis.extra_attrs; l; l = l->next) {
		PangoAttribute *a = l->data;
		if (a->klass->type == PANGO_ATTR_FOREGROUND) {
			PangoColor c = ((PangoAttrColor *)a)->color;
			pc->has_color = 1;
			pc->r = c.red / 65535.0;
			pc->g = c.green / 65535.0;
			pc->b = c.blue / 65535.0;
		} else if (a->klass->type == PANGO_ATTR_RISE) {
			pc->rise = ((PangoAttrInt *)a)->value / (double)PANGO_SCALE;
		}
	}
}

static void add_piece(para_line *ln, size_t *cap, kp *k, const seg *s, int a, int b, double x)
{
	if (ln->npieces == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		ln->pieces = xrealloc(ln->pieces, *cap * sizeof *ln->pieces);
	}
	para_piece *pc = &ln->pieces[ln->npieces++];
	memset(pc, 0, sizeof *pc);
	const PangoGlyphString *gs = (a == s->a && b == s->b) ? s->gs : shape_glyphs(k->e, s->item, k->text + a, b - a);
	pc->gi.item = pango_item_copy(s->item);
	pc->gi.item->offset = a;
	pc->gi.item->length = b - a;
	pc->gi.item->num_chars = (int)g_utf8_strlen(k->text + a, b - a);
	pc->gi.glyphs = pango_glyph_string_copy((PangoGlyphString *)gs);
	pc->x = x;
	item_look(s->item, pc);
}

/* What build_lines knows of each piece of a line until the line is finished. */
typedef struct piece_aux {
	double y;        /* glue stretch before the piece, for letter spacing */
	PangoItem *src;  /* the item it was cut from; NULL for an added hyphen */
} piece_aux;

/* Records piece n-1 of a line, growing aux like the pieces themselves. */
static void note_piece(piece_aux **aux, size_t *cap, size_t n, double y, PangoItem *src)
{
	if (n > *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*aux = xrealloc(*aux, *cap * sizeof **aux);
	}
	(*aux)[n - 1] = (piece_aux){y, src};
}

/* A line whose spaces stretch past TRACK_FROM of their width gives the excess to letter
 * spacing instead, up to track_max per glyph: every glyph but the line's last is widened
 * by the same amount and the pieces move right by what precedes them, while the spaces
 * shrink back by as much. Returns the line's new width; *r becomes the spaces' ratio. */
static double track_line(const kp *k, para_line *ln, const piece_aux *aux, double width, double Wg, double Y,
			 double f, double *r)
{
	double rm = TRACK_FROM * Wg / Y;
	if (*r <= rm || ln->npieces == 0)
		return width;
	long glyphs = 0;
	for (size_t i = 0; i < ln->npieces; i++)
		glyphs += ln->pieces[i].gi.glyphs->num_glyphs;
	glyphs--; /* nothing after the last glyph: the line still ends at the measure */
	if (glyphs <= 0)
		return width;
	double t = fmin((*r - rm) * Y / (double)glyphs, k->track_max);
	double dr = t * (double)glyphs / Y;
	long before = 0;
	for (size_t i = 0; i < ln->npieces; i++) {
		para_piece *pc = &ln->pieces[i];
		pc->x += t * (double)before - dr * aux[i].y;
		PangoGlyphString *gs = pc->gi.glyphs;
		/* glyph widths are in the piece's unscaled units: divide by its expansion */
		int add = (int)lround(t / f * PANGO_SCALE);
		for (int g = 0; g < gs->num_glyphs; g++, before++)
			if (before < glyphs)
				gs->glyphs[g].geometry.width += add;
	}
	*r -= dr;
	return width + t * (double)glyphs - dr * Y;
}

/* Joins the line's word pieces that come from one item and are separated only by spaces
 * into one glyph run, with a space glyph as wide as the justified space: one piece per
 * run of one font instead of one per word. Memory of a long document drops by half,
 * cairo draws a line in a call or two, and PDF readers find real spaces between words. */
static void merge_pieces(kp *k, para_line *ln, const piece_aux *aux)
{
	size_t out = 0;
	const PangoItem *last_src = NULL;
	for (size_t i = 0; i < ln->npieces; i++) {
		para_piece *pc = &ln->pieces[i];
		para_piece *m = out ? &ln->pieces[out - 1] : NULL;
		PangoItem *src = aux[i].src;
		int join = m && !pc->hyphen && !m->hyphen && src && src == last_src && pc->scale == m->scale;
		int m_end = m ? m->gi.item->offset + m->gi.item->length : 0;
		for (int b = m_end; join && b < pc->gi.item->offset; b++)
			join = k->text[b] == ' ';
		join = join && pc->gi.item->offset > m_end;
		const PangoGlyphString *sp = join ? shape_glyphs(k->e, src, " ", 1) : NULL;
		long gap = 0;
		if (join && sp->num_glyphs == 1) {
			double scale = m->scale > 0 ? m->scale : 1;
			long target = lround((pc->x - m->x) / scale * PANGO_SCALE), cur = 0;
			for (int g = 0; g < m->gi.glyphs->num_glyphs; g++)
				cur += m->gi.glyphs->glyphs[g].geometry.width;
			gap = target - cur;
		}
		if (!join || !sp || sp->num_glyphs != 1 || gap <= 0 || gap > INT_MAX) {
			if (out != i)
				ln->pieces[out] = *pc;
			out++;
			last_src = src;
			continue;
		}
		PangoGlyphString *a = m->gi.glyphs, *b = pc->gi.glyphs;
		int base = a->num_glyphs, shift = pc->gi.item->offset - m->gi.item->offset;
		pango_glyph_string_set_size(a, base + 1 + b->num_glyphs);
		a->glyphs[base] = sp->glyphs[0];
		a->glyphs[base].geometry.width = (int)gap;
		a->glyphs[base].geometry.x_offset = 0;
		a->glyphs[base].geometry.y_offset = 0;
		a->log_clusters[base] = m_end - m->gi.item->offset;
		for (int g = 0; g < b->num_glyphs; g++) {
			a->glyphs[base + 1 + g] = b->glyphs[g];
			a->log_clusters[base + 1 + g] = b->log_clusters[g] + shift;
		}
		m->gi.item->length = pc->gi.item->offset + pc->gi.item->length - m->gi.item->offset;
		m->gi.item->num_chars = (int)g_utf8_strlen(k->text + m->gi.item->offset, m->gi.item->length);
		pango_item_free(pc->gi.item);
		pango_glyph_string_free(pc->gi.glyphs);
	}
	ln->npieces = out;
}

/* The lines of the breaks ending at b[last], in a new array of *nlines. */
static para_line *build_lines(kp *k, const breakpoint *b, int last, double emergency, size_t *nlines)
{
	int nl = b[last].line;
	int *brk = xmalloc((size_t)(nl + 1) * sizeof *brk);
	for (int q = last, j = nl; q > 0; q = b[q].prev)
		brk[--j] = b[q].pos;
	para_line *lines = xcalloc((size_t)nl, sizeof *lines);
	*nlines = (size_t)nl;
	size_t start = 0;
	for (int j = 0; j < nl; j++) {
		size_t end = (size_t)brk[j]; /* the break node: excluded, unless a penalty with width */
		/* skip what a break discards at the start of a line */
		while (start < end && k->n[start].t != N_BOX)
			start++;
		double L = 0, Y = 0, Z = 0, B = 0, Wg = 0;
		for (size_t i = start; i < end; i++) {
			const node *x = &k->n[i];
			if (x->t == N_BOX || x->t == N_GLUE)
				L += x->w;
			if (x->t == N_BOX && x->seg >= 0)
				B += x->w;
			if (x->t == N_GLUE)
				Y += x->y, Z += x->z, Wg += x->w;
		}
		const node *bn = &k->n[end];
		int hyph = bn->t == N_PEN && bn->kind == P_HYPH;
		if (hyph) {
			L += bn->w;
			B += bn->w;
		}
		int lastline = j == nl - 1;
		double r = 0;
		/* emergency stretch only helps choose the breaks; glue stretches by its own
		 * amount, so those lines come out loose rather than impossible */
		(void)emergency;
		/* the last line keeps its natural width, unless the breaks chose to shrink it */
		int adjust = k->rag == 0 && (!lastline || L > k->measure);
		if (adjust) {
			if (L < k->measure && Y + B * k->expand > 0)
				r = (k->measure - L) / (Y + B * k->expand);
			else if (L > k->measure && Z + B * k->expand > 0)
				r = fmax((k->measure - L) / (Z + B * k->expand), -1);
		}
		/* the same share of the adjustment goes into every glyph of the line: expanding
		 * letters a little is less visible than stretching spaces a lot */
		double f = 1 + r * k->expand;
		if (f > 1 + k->expand * 1.5)
			f = 1 + k->expand * 1.5; /* emergency lines: the rest goes into the spaces */
		if (f < 1 - k->expand)
			f = 1 - k->expand;
		if (adjust && f != 1) {
			/* what the letters do not take, the spaces take */
			double rest = k->measure - L - (f - 1) * B;
			if (rest > 0 && Y > 0)
				r = rest / Y;
			else if (rest < 0 && Z > 0)
				r = fmax(rest / Z, -1);
			else
				r = 0;
		}
		para_line *ln = &lines[j];
		size_t cap = 0;
		double x = 0, ycum = 0;
		piece_aux *aux = NULL;
		size_t auxcap = 0;
		int first = -1, lastb = -1;
		for (size_t i = start; i < end; i++) {
			const node *nd = &k->n[i];
			if (nd->t == N_GLUE) {
				x += nd->w + (r >= 0 ? r * (nd->y) : r * nd->z);
				ycum += nd->y;
				continue;
			}
			if (nd->t != N_BOX)
				continue;
			if (nd->seg < 0) {
				x += nd->w;
				continue;
			}
			/* contiguous boxes of one segment are drawn as one run */
			size_t e = i;
			double w = nd->w;
			for (;;) {
				if (e + 1 < end && k->n[e + 1].t == N_BOX && k->n[e + 1].seg == nd->seg)
					e++;
				else if (e + 2 < end && k->n[e + 1].t == N_PEN && k->n[e + 2].t == N_BOX &&
					 k->n[e + 2].seg == nd->seg)
					e += 2;
				else
					break;
				w += k->n[e].w;
			}
			add_piece(ln, &cap, k, &k->segs[nd->seg], nd->a, k->n[e].b, x);
			ln->pieces[ln->npieces - 1].scale = f;
			note_piece(&aux, &auxcap, ln->npieces, ycum, k->segs[nd->seg].item);
			if (first < 0)
				first = nd->a;
			lastb = k->n[e].b;
			x += w * f;
			i = e;
		}
		if (hyph) {
			/* find the segment the hyphen belongs to */
			const node *prevbox = NULL;
			for (size_t i = end; i-- > start;)
				if (k->n[i].t == N_BOX && k->n[i].seg >= 0) {
					prevbox = &k->n[i];
					break;
				}
			if (prevbox) {
				const seg *s = &k->segs[prevbox->seg];
				if (ln->npieces == cap) {
					cap = cap ? cap * 2 : 8;
					ln->pieces = xrealloc(ln->pieces, cap * sizeof *ln->pieces);
				}
				para_piece *pc = &ln->pieces[ln->npieces++];
				memset(pc, 0, sizeof *pc);
				pc->gi.item = pango_item_copy(s->item);
				pc->gi.glyphs = pango_glyph_string_copy((PangoGlyphString *)shape_glyphs(k->e, s->item, "-", 1));
				pc->x = x;
				pc->hyphen = 1;
				pc->scale = f;
				item_look(s->item, pc);
				x += bn->w * f;
				ln->hyphenated = 1;
				note_piece(&aux, &auxcap, ln->npieces, ycum, NULL);
			}
		}
		if (!lastline && r > 0 && Y > 0 && k->track_max > 0)
			x = track_line(k, ln, aux, x, Wg, Y, f, &r);
		merge_pieces(k, ln, aux);
		free(aux);
		ln->x = k->align == ALIGN_CENTER ? (k->measure - x) / 2 : k->align == ALIGN_RIGHT ? k->measure - x : 0;
		ln->width = x;
		ln->ratio = r;
		ln->start = first < 0 ? (int)(start < k->nn && k->n[start].t == N_BOX ? k->n[start].a : 0) : first;
		ln->len = lastb < 0 ? 0 : lastb - ln->start;
		start = end + 1;
	}
	free(brk);
	return lines;
}

/* Where the window starting at lo ends: at a space WINDOW_BYTES on, or the text's end. */
static int window_end(const char *text, int len, int lo)
{
	if (len - lo <= WINDOW_BYTES + WINDOW_BYTES / 2)
		return len;
	int hi = lo + WINDOW_BYTES;
	while (hi < len && text[hi] != ' ')
		hi++;
	return hi;
}

typedef struct breaker_goal {
	double line_penalty, line_bonus;
	int last_pass;            /* 3: down to overfull lines; 1: within TeX's tolerance */
	int max_lines, min_lines; /* 0: any */
} breaker_goal;

static int run_breaker(para_engine *e, para *p, const para_spec *spec, loc at, diag *d, const breaker_goal *g);

int linebreak_optimal(para_engine *e, para *p, const para_spec *spec, loc at, diag *d)
{
	breaker_goal g = {LINE_PENALTY, 0, 3, 0, 0};
	return run_breaker(e, p, spec, at, d, &g);
}

int linebreak_tighter(para_engine *e, para *p, int max_lines)
{
	/* a line penalty this large outweighs any badness within tolerance: the fewest lines
	 * win; no emergency stretch and no overfull lines (passes 0 and 1 only) */
	breaker_goal g = {1000.0, 0, 1, max_lines, 0};
	return run_breaker(e, p, &p->spec, loc_none(), NULL, &g);
}

int linebreak_looser(para_engine *e, para *p, int min_lines)
{
	/* a bonus for every line larger than any difference of demerits within tolerance:
	 * the most lines the tolerance allows win (TeX's \looseness=1) */
	breaker_goal g = {LINE_PENALTY, -1e7, 1, 0, min_lines};
	return run_breaker(e, p, &p->spec, loc_none(), NULL, &g);
}

/* Breaks the window [k->lo, k->hi) into lines: nodes, then passes of growing tolerance
 * until one finds breaks (of the length the goal wants). */
static int break_window(kp *k, const para_spec *spec, GList *items, const breaker_goal *g, para_line **lines,
			size_t *nl)
{
	int rc = build_nodes(k, items, spec);
	if (rc != 0)
		return rc;
	k->sw = xmalloc((k->nn + 1) * sizeof *k->sw);
	k->sy = xmalloc((k->nn + 1) * sizeof *k->sy);
	k->sz = xmalloc((k->nn + 1) * sizeof *k->sz);
	k->sb = xmalloc((k->nn + 1) * sizeof *k->sb);
	k->sw[0] = k->sy[0] = k->sz[0] = k->sb[0] = 0;
	for (size_t i = 0; i < k->nn; i++) {
		const node *x = &k->n[i];
		int counts = x->t == N_BOX || x->t == N_GLUE;
		k->sw[i + 1] = k->sw[i] + (counts ? x->w : 0);
		k->sy[i + 1] = k->sy[i] + (x->t == N_GLUE ? x->y : 0);
		k->sz[i + 1] = k->sz[i] + (x->t == N_GLUE ? x->z : 0);
		k->sb[i + 1] = k->sb[i] + (x->t == N_BOX && x->seg >= 0 ? x->w : 0);
	}
	/* pass 0: no hyphens, only near-natural spacing; 1: hyphens (TeX's tolerance);
	 * 2: emergency stretch; 3: accept overfull */
	static const double tol[4] = {50, 200, 1000, 10000};
	rc = -1;
	for (int pass = spec->hyphenate ? 0 : 1; pass <= g->last_pass; pass++) {
		double es = pass >= 2 ? 0.1 * k->measure : 0;
		breakpoint *b;
		size_t nb;
		int last = kp_pass(k, pass, tol[pass], es, &b, &nb);
		if (last >= 0 && ((g->max_lines > 0 && b[last].line > g->max_lines) ||
				  (g->min_lines > 0 && b[last].line < g->min_lines)))
			last = -1; /* not the length wanted: try the next pass */
		if (last >= 0) {
			*lines = build_lines(k, b, last, es, nl);
			free(b);
			rc = 0;
			break;
		}
		free(b);
	}
	free(k->sw);
	free(k->sy);
	free(k->sz);
	free(k->sb);
	k->sw = k->sy = k->sz = k->sb = NULL;
	return rc;
}

static int run_breaker(para_engine *e, para *p, const para_spec *spec, loc at, diag *d, const breaker_goal *g)
{
	if (spec->font->tracking != 0)
		return -1;
	kp k = {0};
	k.e = e;
	k.text = p->text->text.data;
	k.len = p->text->text.len;
	k.measure = spec->width;
	k.expand = spec->expand;
	/* letter spacing only for lines the breaks leave loose: a little on every letter is
	 * less visible than wide holes between words (and capitals want it anyway) */
	k.track_max = spec->expand > 0 && spec->align == ALIGN_JUSTIFY ? TRACK_MAX_EM * spec->font->size : 0;
	k.align = spec->align;
	/* ragged text as TeX's \raggedright: rigid spaces, 2 em of stretch at each line's end,
	 * so the breaks even out the rag instead of filling each line greedily; no hyphens */
	para_spec sp = *spec;
	if (spec->align != ALIGN_JUSTIFY) {
		k.rag = RAG_EM * spec->font->size;
		k.expand = 0;
		sp.hyphenate = 0;
		spec = &sp;
	}
	k.at = at;
	k.d = d;
	k.line_penalty = g->line_penalty;
	k.line_bonus = g->line_bonus;
	PangoAttrList *attrs = pango_attr_list_copy(p->text->attrs);
	PangoFontDescription *fd = font_role_desc(spec->font);
	PangoAttribute *fa = pango_attr_font_desc_new(fd);
	pango_font_description_free(fd);
	pango_attr_list_insert_before(attrs, fa);
	GList *items = pango_itemize(e->ctx, k.text, 0, (int)k.len, attrs, NULL);
	para_line *all = NULL;
	size_t nall = 0, capall = 0;
	int rc = 0;
	for (k.lo = 0; rc == 0 && k.lo < (int)k.len;) {
		k.hi = window_end(k.text, (int)k.len, k.lo);
		int final = k.hi >= (int)k.len;
		if (!final && (g->max_lines > 0 || g->min_lines > 0)) {
			rc = -1; /* one line more or fewer is a question for a whole paragraph */
			break;
		}
		size_t nl = 0;
		para_line *lines = NULL;
		k.nn = 0;
		k.nsegs = 0;
		rc = break_window(&k, spec, items, g, &lines, &nl);
		if (rc != 0)
			break;
		/* keep all of the last window; of the others all but the last lines, and never
		 * stop after a hyphen, so that the next window starts at a word */
		size_t keep = nl;
		if (!final && nl > WINDOW_OVERLAP) {
			keep = nl - WINDOW_OVERLAP;
			while (keep > 1 && lines[keep - 1].hyphenated)
				keep--;
		}
		int next = keep < nl ? lines[keep].start : k.hi;
		if (next <= k.lo)
			next = k.hi; /* never the same window twice */
		para_lines_clear(lines, keep, nl);
		if (nall + keep > capall) {
			capall = (nall + keep) * 2;
			all = xrealloc(all, capall * sizeof *all);
		}
		memcpy(all + nall, lines, keep * sizeof *lines);
		nall += keep;
		free(lines);
		k.lo = next;
	}
	if (rc == 0) {
		p->lines = all;
		p->nlines = nall;
	} else {
		para_lines_clear(all, 0, nall);
		free(all);
	}
	g_list_free_full(items, (GDestroyNotify)pango_item_free);
	pango_attr_list_unref(attrs);
	free(k.n);
	free(k.segs);
	return rc;
}
