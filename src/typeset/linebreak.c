/* linebreak.c: total-fit line breaking (Knuth and Plass) for justified paragraphs. The
 * breaks of the whole paragraph are chosen together to minimise demerits over the boxes,
 * glue and penalties of nodes.c: loose lines, hyphens, consecutive hyphens, abrupt changes
 * of spacing. Passes: without hyphens, with hyphens, with emergency stretch, and last a
 * pass that accepts overfull lines rather than fail. lines.c sets the lines chosen. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "typeset/linebreak.h"

#include "typeset/breaker.h"
#include "typeset/lines.h"
#include "typeset/nodes.h"
#include "base/util.h"

#define LINE_PENALTY 10.0
#define DOUBLE_HYPHEN_DEMERITS 10000.0
#define FINAL_HYPHEN_DEMERITS 5000.0
#define ADJ_DEMERITS 10000.0
#define MAX_HYPHEN_RUN 2
#define RUNT_FRACTION 0.15
#define RUNT_DEMERITS 4000.0
/* Letter spacing of a loose line, at most, in em: next to nothing. Spacing letters evens the
 * word spaces, but a tracked line stands out from the text's grey more than a loose one
 * (measured by bench/spacing's texture: at 0.05 em 10-14% of a two-column digest's lines
 * were visibly letter-spaced). */
#define TRACK_MAX_EM 0.0025
#define RAG_EM 2.0 /* ragged text: line-end stretch, in em */
/* Letter spacing of a passage in capitals, in em: capitals set close look cramped and
 * want 5-10% (Bringhurst 3.2.2). 4%, because at 5% poppler reads each tracked letter as a
 * word of its own ("W I T H O U T"); MuPDF and Ghostscript read 4% whole too. */
#define CAPS_TRACK_EM 0.04
/* A paragraph longer than this is broken a window at a time: the breaks of each window are
 * chosen together, all but its last WINDOW_OVERLAP lines are kept, and the next window
 * starts at the first line given up, so that no line is chosen near an artificial end.
 * Work and memory stay proportional to the window, not the paragraph (a 5 MB paragraph
 * in one piece would need half a gigabyte of nodes and breakpoints). */
#define WINDOW_BYTES 32768
#define WINDOW_OVERLAP 4

/* What a pass of the breaker allows: the badness a line may have, the emergency stretch
 * (a share of the measure) its badness is computed with, hyphens, breaks anywhere in a word
 * longer than the line, overfull lines. */
typedef struct pass_kind {
	double tolerance, emergency;
	int hyphens, anywhere, overfull;
	int ties; /* breaks at tied spaces too (linebreak_optimal's second try) */
} pass_kind;

/* Near-natural spacing without hyphens; TeX's tolerance with hyphens; then looser lines
 * before any emergency stretch: a paragraph that has one line a little loose is better
 * than one whose every line is computed with stretch it does not have (narrow columns
 * need this most); last, overfull lines rather than no breaks. */
static const pass_kind PASSES[] = {
	{50, 0, 0, 0, 0, 0},   {200, 0, 1, 0, 0, 0},     {400, 0, 1, 0, 0, 0},
	{1000, 0, 1, 0, 0, 0}, {1000, 0.1, 1, 1, 0, 0}, {10000, 0.1, 1, 1, 1, 0},
};
#define PASS_TEX 1 /* the last pass within TeX's tolerance */
/* The tolerance from which a break beside a passage's first or last elision may be taken
 * (nodes.c: ELISION_PENALTY): the passes before it break elsewhere, hyphenating if need be. */
#define ELISION_TOLERANCE 1000
#define PASS_NO_EMERGENCY 3 /* the last pass without emergency stretch */
/* A justified line whose spaces stretch this far (twice their natural width) has a hole a
 * reader sees; its paragraph is better set ragged (linebreak_optimal's *loose,
 * paragraph_layout). */
#define LOOSE_SPACE 2.0
#define PASS_LAST ((int)(sizeof PASSES / sizeof PASSES[0]) - 1)

static int legal_break(const kp *k, size_t i, const pass_kind *pk)
{
	const node *x = &k->n[i];
	if (x->t == N_GLUE)
		return i > 0 && k->n[i - 1].t == N_BOX;
	if (x->t != N_PEN || x->pen >= INF_PENALTY)
		return 0;
	if (x->kind == P_HYPH && !pk->hyphens)
		return 0;
	if (x->kind == P_EMERGENCY && !pk->anywhere)
		return 0;
	if ((x->kind == P_TIE || x->kind == P_TIE_WEAK) && !pk->overfull && !(pk->ties && x->kind == P_TIE_WEAK))
		return 0; /* a tie breaks only where the line would else stick out (or a weak one gape) */
	if (x->kind == P_ELISION && pk->tolerance < ELISION_TOLERANCE)
		return 0; /* "[…]" alone on a line: only where the lines would else be loose */
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

/* One pass's breakpoints, and which of them may still start a line. */
typedef struct pass_state {
	breakpoint *b;
	size_t nb, cap;
	int *act; /* indexes into b */
	int nact, capact;
} pass_state;

/* Adjustment ratio of a line from breakpoint a to a break at node i (pw: the width the
 * break adds, a hyphen); *len is the line's natural length. */
static double line_ratio(const kp *k, const breakpoint *a, size_t i, double pw, double emergency, double *len)
{
	double B = (k->sb[i] - a->tb) * k->expand;
	double L = nodes_hung_length(k, k->sw[i] - a->tw + pw, k->sy[i] - a->ty + B, i);
	double Y = k->sy[i] - a->ty + B + emergency + k->rag;
	double Z = k->sz[i] - a->tz + B;
	double r;
	if (L < k->measure)
		r = Y > 0 ? (k->measure - L) / Y : INFINITY;
	else if (L > k->measure)
		r = Z > 0 ? (k->measure - L) / Z : -INFINITY;
	else
		r = 0;
	*len = L;
	return r;
}

/* *bad: the badness of a line of ratio r and natural length L; returns whether the pass
 * takes the line. */
static int line_badness(const kp *k, double r, double L, double tolerance, int overfull_ok, int forced, double *bad)
{
	*bad = r < -1 ? 10000 : fmin(100 * pow(fabs(r), 3), 10000);
	int feasible = r >= -1 && *bad <= tolerance;
	if (!feasible && overfull_ok && r < -1) {
		/* last resort: an overfull line, costed by how far it sticks out */
		feasible = 1;
		*bad = 10000 + (L - k->measure) * 1000;
	}
	if (!feasible && overfull_ok && forced && r > 1) {
		feasible = 1;
	}
	return feasible;
}

/* Demerits of the line from breakpoint a to a break at node x (index i), before those of
 * the lines up to a. */
static double line_demerits(const kp *k, const breakpoint *a, const node *x, size_t i, double bad, int forced, int fit)
{
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
	if (abs(fit - a->fit) > 1)
		dem += ADJ_DEMERITS;
	return dem;
}

/* New active breakpoints at node i: the best way found to each fitness class and hyphen run. */
static void add_breakpoints(const kp *k, pass_state *st, size_t i, double best[][MAX_HYPHEN_RUN + 1],
			    int from[][MAX_HYPHEN_RUN + 1])
{
	for (int f = 0; f < 4; f++)
		for (int h = 0; h <= MAX_HYPHEN_RUN; h++) {
			if (from[f][h] < 0)
				continue;
			if (st->nb == st->cap) {
				st->cap *= 2;
				st->b = xrealloc(st->b, st->cap * sizeof *st->b);
			}
			breakpoint *nbk = &st->b[st->nb];
			nbk->pos = (int)i;
			nbk->line = st->b[from[f][h]].line + 1;
			nbk->fit = f;
			nbk->hrun = h;
			nbk->dem = best[f][h];
			nbk->prev = from[f][h];
			after_totals(k, (int)i, &nbk->tw, &nbk->ty, &nbk->tz, &nbk->tb);
			if (st->nact == st->capact) {
				st->capact *= 2;
				st->act = xrealloc(st->act, (size_t)st->capact * sizeof *st->act);
			}
			st->act[st->nact++] = (int)st->nb;
			st->nb++;
		}
}

/* A legal break at node i: lines to it from every active breakpoint, the best kept per
 * fitness class and hyphen run; breakpoints a line from which would be overfull retire. */
static void try_break(const kp *k, pass_state *st, size_t i, const pass_kind *pk)
{
	double tolerance = pk->tolerance, emergency = pk->emergency * k->measure;
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
	for (int q = 0; q < st->nact; q++) {
		const breakpoint *a = &st->b[st->act[q]];
		double L;
		double r = line_ratio(k, a, i, pw, emergency, &L);
		int deactivate = r < -1 || forced;
		double bad;
		int feasible = line_badness(k, r, L, tolerance, pk->overfull, forced, &bad);
		/* a piece of a word wider than the line, with no space to stretch, is set as it
		 * is: its shortness is no badness, or "2017-0" / "6-02" would beat "2017-" /
		 * "06-02" for filling more of the line (a layouts trial) */
		if (x->t == N_PEN && x->kind == P_EMERGENCY && r > 0 && k->sy[i] - a->ty <= 0) {
			feasible = 1;
			bad = 0;
		}
		if (!deactivate)
			st->act[keep++] = st->act[q];
		if (!feasible)
			continue;
		int fit = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
		double dem = line_demerits(k, a, x, i, bad, forced, fit);
		/* a word wider than the line is cut on every line: its cuts do not count */
		int hrun = x->t == N_PEN && x->flagged && x->kind != P_EMERGENCY ? a->hrun + 1 : 0;
		if (hrun > MAX_HYPHEN_RUN)
			continue;
		if (x->t == N_PEN && x->flagged && a->line + 1 == k->whole_line)
			continue;
		dem += a->dem;
		if (dem < best[fit][hrun]) {
			best[fit][hrun] = dem;
			from[fit][hrun] = (int)(a - st->b);
		}
	}
	st->nact = keep;
	add_breakpoints(k, st, i, best, from);
}

/* Runs one pass; returns the index of the best final breakpoint or -1. */
static int kp_pass(kp *k, const pass_kind *pk, breakpoint **bp, size_t *nbp)
{
	pass_state st = {0};
	st.cap = 64;
	st.b = xmalloc(st.cap * sizeof *st.b);
	st.capact = 64;
	st.act = xmalloc(sizeof *st.act * 64);
	st.b[0] = (breakpoint){-1, 0, 1, 0, 0, 0, 0, 0, 0, -1};
	after_totals(k, -1, &st.b[0].tw, &st.b[0].ty, &st.b[0].tz, &st.b[0].tb);
	st.nb = 1;
	st.act[st.nact++] = 0;
	for (size_t i = 0; i < k->nn && st.nact > 0; i++)
		if (legal_break(k, i, pk))
			try_break(k, &st, i, pk);
	free(st.act);
	/* the best breakpoint at the final forced break */
	int bestb = -1;
	for (size_t q = 0; q < st.nb; q++)
		if (st.b[q].pos == (int)k->nn - 1 && (k->exact_lines <= 0 || st.b[q].line == k->exact_lines) &&
		    (bestb < 0 || st.b[q].dem < st.b[bestb].dem))
			bestb = (int)q;
	*bp = st.b;
	*nbp = st.nb;
	return bestb;
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
	int last_pass;            /* PASS_LAST: down to overfull lines; PASS_TEX: within TeX's tolerance */
	int max_lines, min_lines; /* 0: any */
	double tolerance;         /* > 0: no line looser than this, whatever the pass */
	int whole_line;           /* > 0: the line of this number (from 1) does not end in a hyphen */
	int ties;                 /* tied spaces may break in every pass, at their penalty */
} breaker_goal;

static int run_breaker(para_engine *e, const rich *text, const para_spec *spec, loc at, diag *d, const breaker_goal *g,
		       para_line **out, size_t *nout);

/* Whether justified lines have a space stretched past LOOSE_SPACE (the last line aside). */
static int lines_loose(const para_spec *spec, const para_line *lines, size_t n)
{
	double worst = 0;
	for (size_t i = 0; i + 1 < n; i++)
		if (lines[i].ratio > worst)
			worst = lines[i].ratio;
	return spec->align == ALIGN_JUSTIFY && 1 + worst * SPACE_STRETCH > LOOSE_SPACE;
}

int linebreak_optimal(para_engine *e, const rich *text, const para_spec *spec, loc at, diag *d, para_line **lines,
		      size_t *nlines, int *loose)
{
	breaker_goal g = {LINE_PENALTY, 0, PASS_LAST, 0, 0, 0, 0, 0};
	int rc = run_breaker(e, text, spec, at, d, &g, lines, nlines);
	if (loose) {
		*loose = rc == 0 && lines_loose(spec, *lines, *nlines);
		/* before the paragraph is set ragged (para.c), one weak tie may break if that
		 * saves the hole: "3 October" / "2022" is better than a paragraph ragged among
		 * justified ones (a reader's trial: a date made a wide column's paragraph
		 * ragged). Its penalty keeps it whole wherever anything else will do. */
		para_line *tied;
		size_t ntied;
		g.ties = 1;
		g.last_pass = PASS_NO_EMERGENCY; /* no stretch it has not, no line run past the column */
		if (*loose && run_breaker(e, text, spec, loc_none(), NULL, &g, &tied, &ntied) == 0) {
			if (!lines_loose(spec, tied, ntied)) {
				lines_clear(*lines, 0, *nlines);
				free(*lines);
				*lines = tied;
				*nlines = ntied;
				*loose = 0;
			} else {
				lines_clear(tied, 0, ntied);
				free(tied);
			}
		}
	}
	return rc;
}

int linebreak_tighter(para_engine *e, const rich *text, const para_spec *spec, int max_lines, para_line **lines,
		      size_t *nlines)
{
	/* a line penalty this large outweighs any badness within tolerance: the fewest lines
	 * win; no emergency stretch and no overfull lines (passes 0 and 1 only) */
	breaker_goal g = {1000.0, 0, PASS_TEX, max_lines, 0, 0, 0, 0};
	return run_breaker(e, text, spec, loc_none(), NULL, &g, lines, nlines);
}

int linebreak_looser(para_engine *e, const rich *text, const para_spec *spec, int min_lines, para_line **lines,
		     size_t *nlines)
{
	/* a bonus for every line larger than any difference of demerits within tolerance:
	 * the most lines the tolerance allows win (TeX's \looseness=1); a paragraph made longer
	 * to fill a page must not look loose, so no line past badness 100 (spaces half as wide
	 * again) */
	breaker_goal g = {LINE_PENALTY, -1e7, PASS_TEX, 0, min_lines, 100, 0, 0};
	return run_breaker(e, text, spec, loc_none(), NULL, &g, lines, nlines);
}

int linebreak_whole_line(para_engine *e, const rich *text, const para_spec *spec, int nlines_now, int line,
			 para_line **lines, size_t *nlines)
{
	/* the paragraph keeps its length (its lines keep their places on the page); no
	 * emergency stretch: the caller weighs the spacing against the hyphen */
	breaker_goal g = {LINE_PENALTY, 0, PASS_NO_EMERGENCY, nlines_now, nlines_now, 0, line + 1, 0};
	return run_breaker(e, text, spec, loc_none(), NULL, &g, lines, nlines);
}

/* Breaks the window [k->lo, k->hi) into lines: nodes, then passes of growing tolerance
 * until one finds breaks (of the length the goal wants). */
/* How many of the breaks that end at breakpoint last fall at a weak tie. */
static int ties_broken(const kp *k, const breakpoint *b, int last)
{
	int n = 0;
	for (int i = last; i >= 0; i = b[i].prev)
		n += b[i].pos >= 0 && k->n[b[i].pos].t == N_PEN && k->n[b[i].pos].kind == P_TIE_WEAK;
	return n;
}

static int break_window(kp *k, const para_spec *spec, GList *items, const breaker_goal *g, para_line **lines,
			size_t *nl)
{
	int rc = nodes_build(k, items, k->hang > 0 ? -k->hang : fmax(spec->indent, 0), spec->hyphenate);
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
	rc = -1;
	for (int pass = spec->hyphenate ? 0 : 1; pass <= g->last_pass; pass++) {
		double es = PASSES[pass].emergency * k->measure;
		breakpoint *b;
		size_t nb;
		pass_kind pk = PASSES[pass];
		pk.ties = g->ties;
		if (g->tolerance > 0 && pk.tolerance > g->tolerance)
			pk.tolerance = g->tolerance;
		int last = kp_pass(k, &pk, &b, &nb);
		if (last >= 0 && ((g->max_lines > 0 && b[last].line > g->max_lines) ||
				  (g->min_lines > 0 && b[last].line < g->min_lines)))
			last = -1; /* not the length wanted: try the next pass */
		if (last >= 0 && g->ties && ties_broken(k, b, last) > 1)
			last = -1; /* one tie broken may save a paragraph; more would cost more than it */
		if (last >= 0) {
			*lines = lines_build(k, b, last, es, nl);
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

/* The breaker's settings for spec and goal g. Returns the spec to break by: spec itself,
 * or for ragged text *sp, a copy without hyphenation. */
static const para_spec *kp_setup(kp *k, const para_spec *spec, para_spec *sp, const breaker_goal *g)
{
	k->hang = spec->indent < 0 && (spec->align == ALIGN_LEFT || spec->align == ALIGN_JUSTIFY) ? -spec->indent : 0;
	k->measure = spec->width - k->hang;
	k->expand = spec->expand;
	/* letter spacing only for lines the breaks leave loose: a little on every letter is
	 * less visible than wide holes between words (and capitals want it anyway) */
	k->track_max = spec->expand > 0 && spec->align == ALIGN_JUSTIFY ? TRACK_MAX_EM * spec->font->size : 0;
	k->align = spec->align;
	k->hanging = spec->align == ALIGN_JUSTIFY;
	/* ragged text as TeX's \raggedright: rigid spaces, 2 em of stretch at each line's end,
	 * so the breaks even out the rag instead of filling each line greedily; no hyphens
	 * unless it is body text that could not be justified */
	*sp = *spec;
	if (spec->align != ALIGN_JUSTIFY) {
		k->rag = RAG_EM * spec->font->size;
		k->expand = 0;
		sp->hyphenate = spec->hyphenate ? spec->rag_hyphens : 0;
		spec = sp;
	}
	k->line_penalty = g->line_penalty;
	k->line_bonus = g->line_bonus;
	k->whole_line = g->whole_line;
	k->exact_lines = g->min_lines > 0 && g->min_lines == g->max_lines ? g->min_lines : 0;
	return spec;
}

/* How many of a window's nl lines to keep: all of the last window; of the others all but
 * the last lines, and never stop after a hyphen, so that the next window starts at a word. */
static size_t window_keep(const para_line *lines, size_t nl, int final)
{
	size_t keep = nl;
	if (!final && nl > WINDOW_OVERLAP) {
		keep = nl - WINDOW_OVERLAP;
		/* not past half the window: in a word wider than the line, cut on every line, the
		 * next window starts inside it whatever it does, and must still move on */
		size_t least = keep / 2 > 1 ? keep / 2 : 1;
		while (keep > least && lines[keep - 1].hyphenated)
			keep--;
	}
	return keep;
}

/* Breaks the text a window at a time; on success the lines of all windows go to *out. */
static int break_windows(kp *k, const para_spec *spec, GList *items, const breaker_goal *g, para_line **out,
			 size_t *nout)
{
	para_line *all = NULL;
	size_t nall = 0, capall = 0;
	int rc = 0;
	for (k->lo = 0; rc == 0 && k->lo < (int)k->len;) {
		k->hi = window_end(k->text, (int)k->len, k->lo);
		int final = k->hi >= (int)k->len;
		if (!final && (g->max_lines > 0 || g->min_lines > 0)) {
			rc = -1; /* one line more or fewer is a question for a whole paragraph */
			break;
		}
		size_t nl = 0;
		para_line *lines = NULL;
		k->nn = 0;
		k->nsegs = 0;
		rc = break_window(k, spec, items, g, &lines, &nl);
		if (rc != 0)
			break;
		size_t keep = window_keep(lines, nl, final);
		int next = keep < nl ? lines[keep].start : k->hi;
		if (next <= k->lo)
			next = k->hi; /* never the same window twice */
		lines_clear(lines, keep, nl);
		if (nall + keep > capall) {
			capall = (nall + keep) * 2;
			all = xrealloc(all, capall * sizeof *all);
		}
		memcpy(all + nall, lines, keep * sizeof *lines);
		nall += keep;
		free(lines);
		k->lo = next;
	}
	if (rc == 0) {
		*out = all;
		*nout = nall;
	} else {
		lines_clear(all, 0, nall);
		free(all);
	}
	return rc;
}

/* The widest piece of the window's nodes between two breaks the usual passes allow (spaces,
 * hyphens, hyphenation points; no tie, no cut inside a word), with the hyphen a break adds. */
static double widest_piece(const kp *k, double *numbers)
{
	static const pass_kind usual = {0, 0, 1, 0, 0, 0};
	double widest = 0, w = 0;
	int line_start = 1; /* what follows a break up to the next box is dropped */
	int has = 0;        /* the piece being measured holds a digit */
	*numbers = 0;
	for (size_t i = 0; i <= k->nn; i++) {
		const node *x = i < k->nn ? &k->n[i] : NULL;
		if (!x || legal_break(k, i, &usual)) {
			double piece = w + (x && x->t == N_PEN ? x->w : 0);
			if (piece > widest)
				widest = piece;
			if (has && piece > *numbers)
				*numbers = piece;
			w = 0;
			has = 0;
			line_start = 1;
			continue;
		}
		if (x->t == N_BOX)
			line_start = 0;
		if (!line_start && (x->t == N_BOX || x->t == N_GLUE))
			w += x->w;
		for (int b = x->t == N_BOX ? x->a : 0; x->t == N_BOX && b < x->b && !has; b++)
			has = g_ascii_isdigit(k->text[b]);
	}
	return widest;
}

/* The breaker's state for text set by spec (*spec becomes the spec to break by, kp_setup),
 * and the text's items in the paragraph's font, for kp_end to free with *attrs. */
static GList *kp_begin(kp *k, para_engine *e, const rich *text, const para_spec **spec, para_spec *sp,
		       const breaker_goal *g, loc at, diag *d, PangoAttrList **attrs)
{
	k->e = e;
	k->text = text->text.data;
	k->len = text->text.len;
	k->links = text->links;
	k->nlinks = text->nlinks;
	k->at = at;
	k->d = d;
	*spec = kp_setup(k, *spec, sp, g);
	*attrs = pango_attr_list_copy(text->attrs);
	PangoFontDescription *fd = font_role_desc((*spec)->font);
	PangoAttribute *fa = pango_attr_font_desc_new(fd);
	pango_font_description_free(fd);
	pango_attr_list_insert_before(*attrs, fa);
	nodes_track_capitals(*attrs, k->text, k->len, (int)lround(CAPS_TRACK_EM * (*spec)->font->size * PANGO_SCALE));
	return pango_itemize(e->ctx, k->text, 0, (int)k->len, *attrs, NULL);
}

static void kp_end(kp *k, GList *items, PangoAttrList *attrs)
{
	g_list_free_full(items, (GDestroyNotify)pango_item_free);
	pango_attr_list_unref(attrs);
	free(k->n);
	free(k->segs);
}

double linebreak_min_width(para_engine *e, const rich *text, const para_spec *spec, double *numbers)
{
	*numbers = 0;
	if (spec->font->tracking != 0 || text->text.len == 0)
		return -1;
	kp k = {0};
	para_spec sp;
	breaker_goal g = {LINE_PENALTY, 0, PASS_TEX, 0, 0, 0, 0, 0};
	PangoAttrList *attrs;
	GList *items = kp_begin(&k, e, text, &spec, &sp, &g, loc_none(), NULL, &attrs);
	double widest = 0;
	for (k.lo = 0; k.lo < (int)k.len; k.lo = k.hi) {
		k.hi = window_end(k.text, (int)k.len, k.lo);
		k.nn = 0;
		k.nsegs = 0;
		if (nodes_build(&k, items, 0, spec->hyphenate) != 0) {
			widest = -1; /* right-to-left: Pango's breaker */
			break;
		}
		double nw;
		double w = widest_piece(&k, &nw);
		if (w > widest)
			widest = w;
		if (nw > *numbers)
			*numbers = nw;
	}
	kp_end(&k, items, attrs);
	return widest;
}

static int run_breaker(para_engine *e, const rich *text, const para_spec *spec, loc at, diag *d, const breaker_goal *g,
		       para_line **out, size_t *nout)
{
	if (spec->font->tracking != 0)
		return -1;
	kp k = {0};
	para_spec sp;
	PangoAttrList *attrs;
	GList *items = kp_begin(&k, e, text, &spec, &sp, g, at, d, &attrs);
	int rc = break_windows(&k, spec, items, g, out, nout);
	/* text this breaker hands on to Pango's (right-to-left) is reported there, once */
	if (d && rc == 0)
		shape_report_missing(k.seen, k.nseen, at, d);
	kp_end(&k, items, attrs);
	return rc;
}
