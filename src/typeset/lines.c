/* lines.c: the lines of the breaks the total-fit breaker chose: pieces of shaped glyphs
 * placed and justified (spaces, glyph expansion, letter spacing), hyphens added where a
 * word was broken, and the pieces of one font joined into runs; and how lines are freed. */
#include "typeset/lines.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "typeset/breaker.h"

#define TRACK_FROM 0.30   /* spaces this much wider than natural: letters take the rest */
/* A loose line's glyphs widen at most this many times the layout's expansion, the rest going
 * into its spaces: past about 3% a word reads as letter-spaced beside the same word on other
 * lines (bench/spacing's texture). */
#define EXPAND_MAX 1.25

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

/* A new zeroed piece at the end of the line, growing its array (*cap pieces). */
static para_piece *piece_new(para_line *ln, size_t *cap)
{
	if (ln->npieces == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		ln->pieces = xrealloc(ln->pieces, *cap * sizeof *ln->pieces);
	}
	para_piece *pc = &ln->pieces[ln->npieces++];
	memset(pc, 0, sizeof *pc);
	return pc;
}

static void add_piece(para_line *ln, size_t *cap, kp *k, const seg *s, int a, int b, double x)
{
	para_piece *pc = piece_new(ln, cap);
	const PangoGlyphString *gs = (a == s->a && b == s->b) ? s->gs : shape_glyphs(k->e, s->item, k->text + a, b - a);
	pc->gi.item = pango_item_copy(s->item);
	pc->gi.item->offset = a;
	pc->gi.item->length = b - a;
	pc->gi.item->num_chars = (int)g_utf8_strlen(k->text + a, b - a);
	pc->gi.glyphs = pango_glyph_string_copy((PangoGlyphString *)gs);
	pc->x = x;
	item_look(s->item, pc);
}

/* What lines_build knows of each piece of a line until the line is finished. */
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

/* Whether a link's text starts or ends in [from, to]. */
static int link_edge_in(const kp *k, int from, int to)
{
	for (size_t i = 0; i < k->nlinks; i++) {
		long s = (long)k->links[i].start, e = (long)k->links[i].end;
		if ((s >= from && s <= to) || (e >= from && e <= to))
			return 1;
	}
	return 0;
}

/* The width, in piece m's glyph units, of a space glyph that would take m's end to where
 * piece pc starts; 0 when there is no such room. */
static long gap_to(const para_piece *m, const para_piece *pc)
{
	double scale = m->scale > 0 ? m->scale : 1;
	long target = lround((pc->x - m->x) / scale * PANGO_SCALE), cur = 0;
	for (int g = 0; g < m->gi.glyphs->num_glyphs; g++)
		cur += m->gi.glyphs->glyphs[g].geometry.width;
	long gap = target - cur;
	return gap > 0 && gap <= INT_MAX ? gap : 0;
}

/* Whether only spaces stand in the text between piece m's end and piece pc, and no edge of
 * a link's text does. */
static int spaces_between(const kp *k, const para_piece *m, const para_piece *pc)
{
	int from = m->gi.item->offset + m->gi.item->length, to = pc->gi.item->offset;
	if (m->hyphen || pc->hyphen || to <= from || link_edge_in(k, from, to))
		return 0;
	for (int b = from; b < to; b++)
		if (k->text[b] != ' ')
			return 0;
	return 1;
}

/* Appends to piece m the space glyph sp, gap wide, standing for the text up to byte `to`. */
static void add_space_glyph(const kp *k, para_piece *m, const PangoGlyphString *sp, long gap, int to)
{
	PangoGlyphString *a = m->gi.glyphs;
	int base = a->num_glyphs, m_end = m->gi.item->offset + m->gi.item->length;
	pango_glyph_string_set_size(a, base + 1);
	a->glyphs[base] = sp->glyphs[0];
	a->glyphs[base].geometry.width = (int)gap;
	a->glyphs[base].geometry.x_offset = 0;
	a->glyphs[base].geometry.y_offset = 0;
	a->log_clusters[base] = m_end - m->gi.item->offset;
	m->gi.item->length = to - m->gi.item->offset;
	m->gi.item->num_chars = (int)g_utf8_strlen(k->text + m->gi.item->offset, m->gi.item->length);
}

/* Joins the line's word pieces that come from one item and are separated only by spaces
 * into one glyph run, with a space glyph as wide as the justified space: one piece per
 * run of one font instead of one per word. Memory of a long document drops by half,
 * cairo draws a line in a call or two, and PDF readers find real spaces between words.
 * A piece followed by one of another font ("(U)" in bold, then the text) still ends with
 * its space glyph: a reader that finds words by their glyphs alone (Ghostscript's
 * txtwrite) read "(U)Putin" and "second fiddleto". Not across the edge of a link's text,
 * which a tagged PDF marks as the Link's. */
static void merge_pieces(kp *k, para_line *ln, const piece_aux *aux)
{
	size_t out = 0;
	PangoItem *last_src = NULL;
	for (size_t i = 0; i < ln->npieces; i++) {
		para_piece *pc = &ln->pieces[i];
		para_piece *m = out ? &ln->pieces[out - 1] : NULL;
		PangoItem *src = aux[i].src;
		int between = m && last_src && spaces_between(k, m, pc);
		long gap = between ? gap_to(m, pc) : 0;
		const PangoGlyphString *sp = gap > 0 ? shape_glyphs(k->e, last_src, " ", 1) : NULL;
		int spaced = sp && sp->num_glyphs == 1;
		if (spaced)
			add_space_glyph(k, m, sp, gap, pc->gi.item->offset);
		if (!spaced || src != last_src || pc->scale != m->scale) {
			if (out != i)
				ln->pieces[out] = *pc;
			out++;
			last_src = src;
			continue;
		}
		PangoGlyphString *a = m->gi.glyphs, *b = pc->gi.glyphs;
		int base = a->num_glyphs, shift = pc->gi.item->offset - m->gi.item->offset;
		pango_glyph_string_set_size(a, base + b->num_glyphs);
		for (int g = 0; g < b->num_glyphs; g++) {
			a->glyphs[base + g] = b->glyphs[g];
			a->log_clusters[base + g] = b->log_clusters[g] + shift;
		}
		m->gi.item->length = pc->gi.item->offset + pc->gi.item->length - m->gi.item->offset;
		m->gi.item->num_chars = (int)g_utf8_strlen(k->text + m->gi.item->offset, m->gi.item->length);
		pango_item_free(pc->gi.item);
		pango_glyph_string_free(pc->gi.glyphs);
	}
	ln->npieces = out;
}

/* Gives back what the line's arrays were grown by and no longer use: the model keeps every
 * line until its page is drawn, and doubling left a long document's glyph strings and
 * piece arrays a third empty (x100: 95 -> 67 MiB at the peak, bench/RESULTS.md). */
static void shrink_pieces(para_line *ln)
{
	if (ln->npieces == 0)
		return;
	ln->pieces = xrealloc(ln->pieces, ln->npieces * sizeof *ln->pieces);
	for (size_t i = 0; i < ln->npieces; i++) {
		PangoGlyphString *gs = ln->pieces[i].gi.glyphs;
		if (gs->num_glyphs <= 0 || gs->space <= gs->num_glyphs)
			continue;
		/* PangoGlyphString's arrays are GLib's and its fields public: pango frees them
		 * with g_free whatever their size */
		gs->glyphs = g_renew(PangoGlyphInfo, gs->glyphs, gs->num_glyphs);
		gs->log_clusters = g_renew(gint, gs->log_clusters, gs->num_glyphs);
		gs->space = gs->num_glyphs;
	}
}

/* What a line's nodes add up to. */
typedef struct line_sums {
	double L;  /* natural width */
	double Y;  /* stretch of its glue */
	double Z;  /* shrink of its glue */
	double B;  /* width of its text boxes: what glyph expansion acts on */
	double Wg; /* natural width of its glue */
} line_sums;

/* A line while lines_build sets it. */
typedef struct line_set {
	para_line *ln;
	size_t cap;       /* of ln->pieces */
	piece_aux *aux;   /* one per piece */
	size_t auxcap;
	double x, ycum;   /* where the next piece goes; glue stretch so far */
	double f;         /* glyph expansion of the line, 1 none */
	int first, lastb; /* bytes of the text set on the line, -1 none yet */
} line_set;

/* The sums of nodes [start, end), and of the hyphen at the break when hyph. */
static void sum_line(const kp *k, size_t start, size_t end, int hyph, line_sums *s)
{
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
	if (hyph) {
		L += k->n[end].w;
		B += k->n[end].w;
	}
	L = nodes_hung_length(k, L, Y + B * k->expand, end);
	*s = (line_sums){L, Y, Z, B, Wg};
}

/* How a line fills the measure: returns the expansion of its glyphs, and *r the
 * adjustment ratio of its spaces for the rest. */
static double line_scale(const kp *k, const line_sums *s, int lastline, double *r)
{
	double L = s->L, Y = s->Y, Z = s->Z, B = s->B;
	*r = 0;
	/* the last line keeps its natural width, unless the breaks chose to shrink it */
	int adjust = k->rag == 0 && (!lastline || L > k->measure);
	if (adjust) {
		if (L < k->measure && Y + B * k->expand > 0)
			*r = (k->measure - L) / (Y + B * k->expand);
		else if (L > k->measure && Z + B * k->expand > 0)
			*r = fmax((k->measure - L) / (Z + B * k->expand), -1);
	}
	/* the same share of the adjustment goes into every glyph of the line: expanding
	 * letters a little is less visible than stretching spaces a lot */
	double f = 1 + *r * k->expand;
	if (f > 1 + k->expand * EXPAND_MAX)
		f = 1 + k->expand * EXPAND_MAX; /* emergency lines: the rest goes into the spaces */
	if (f < 1 - k->expand)
		f = 1 - k->expand;
	if (adjust && f != 1) {
		/* what the letters do not take, the spaces take */
		double rest = k->measure - L - (f - 1) * B;
		if (rest > 0 && Y > 0)
			*r = rest / Y;
		else if (rest < 0 && Z > 0)
			*r = fmax(rest / Z, -1);
		else
			*r = 0;
	}
	return f;
}

/* The last node of the run of boxes of one segment that starts at node i (contiguous, or
 * with only a penalty between them): they are drawn as one piece; *w is their width. */
static size_t run_end(const kp *k, size_t i, size_t end, double *w)
{
	const node *nd = &k->n[i];
	size_t e = i;
	*w = nd->w;
	for (;;) {
		if (e + 1 < end && k->n[e + 1].t == N_BOX && k->n[e + 1].seg == nd->seg)
			e++;
		else if (e + 2 < end && k->n[e + 1].t == N_PEN && k->n[e + 2].t == N_BOX && k->n[e + 2].seg == nd->seg)
			e += 2;
		else
			break;
		*w += k->n[e].w;
	}
	return e;
}

/* Places the pieces of nodes [start, end) along the line, glue set at ratio r. */
static void place_boxes(kp *k, line_set *ls, size_t start, size_t end, double r)
{
	for (size_t i = start; i < end; i++) {
		const node *nd = &k->n[i];
		if (nd->t == N_GLUE) {
			ls->x += nd->w + (r >= 0 ? r * (nd->y) : r * nd->z);
			ls->ycum += nd->y;
			continue;
		}
		if (nd->t != N_BOX)
			continue;
		if (nd->seg < 0) {
			ls->x += nd->w;
			continue;
		}
		double w;
		size_t e = run_end(k, i, end, &w);
		add_piece(ls->ln, &ls->cap, k, &k->segs[nd->seg], nd->a, k->n[e].b, ls->x);
		ls->ln->pieces[ls->ln->npieces - 1].scale = ls->f;
		note_piece(&ls->aux, &ls->auxcap, ls->ln->npieces, ls->ycum, k->segs[nd->seg].item);
		if (ls->first < 0)
			ls->first = nd->a;
		ls->lastb = k->n[e].b;
		ls->x += w * ls->f;
		i = e;
	}
}

/* The hyphen of a line broken at a hyphenation point (node bn), in the font of the
 * segment it ends. */
static void add_hyphen(kp *k, line_set *ls, size_t start, size_t end, const node *bn)
{
	/* find the segment the hyphen belongs to */
	const node *prevbox = NULL;
	for (size_t i = end; i-- > start;)
		if (k->n[i].t == N_BOX && k->n[i].seg >= 0) {
			prevbox = &k->n[i];
			break;
		}
	if (!prevbox)
		return;
	const seg *s = &k->segs[prevbox->seg];
	para_line *ln = ls->ln;
	para_piece *pc = piece_new(ln, &ls->cap);
	pc->gi.item = pango_item_copy(s->item);
	pc->gi.glyphs = pango_glyph_string_copy((PangoGlyphString *)shape_glyphs(k->e, s->item, "-", 1));
	pc->x = ls->x;
	pc->hyphen = 1;
	pc->scale = ls->f;
	item_look(s->item, pc);
	ls->x += bn->w * ls->f;
	ln->hyphenated = 1;
	note_piece(&ls->aux, &ls->auxcap, ln->npieces, ls->ycum, NULL);
}

/* Sets ln from nodes [start, end), the break at end. */
static void set_line(kp *k, para_line *ln, size_t start, size_t end, int lastline)
{
	const node *bn = &k->n[end];
	int hyph = bn->t == N_PEN && (bn->kind == P_HYPH || (bn->kind == P_EMERGENCY && bn->w > 0));
	line_sums s;
	sum_line(k, start, end, hyph, &s);
	double r;
	line_set ls = {ln, 0, NULL, 0, 0, 0, 1, -1, -1};
	ls.f = line_scale(k, &s, lastline, &r);
	place_boxes(k, &ls, start, end, r);
	if (hyph)
		add_hyphen(k, &ls, start, end, bn);
	double x = ls.x;
	if (!lastline && r > 0 && s.Y > 0 && k->track_max > 0)
		x = track_line(k, ln, ls.aux, x, s.Wg, s.Y, ls.f, &r);
	merge_pieces(k, ln, ls.aux);
	free(ls.aux);
	shrink_pieces(ln);
	ln->x = k->align == ALIGN_CENTER ? (k->measure - x) / 2 : k->align == ALIGN_RIGHT ? k->measure - x : 0;
	ln->width = x;
	if (k->hang > 0) {
		/* lines after the first start at the hanging indent; the first starts at the margin,
		 * its negative box taken out so that no piece lies left of the line */
		ln->x += k->hang;
		if (start == 0 && k->lo == 0) {
			for (size_t j = 0; j < ln->npieces; j++)
				ln->pieces[j].x += k->hang;
			ln->x -= k->hang;
			ln->width += k->hang;
		}
	}
	ln->ratio = r;
	ln->cut = bn->t == N_PEN && bn->kind == P_EMERGENCY;
	ln->start = ls.first < 0 ? (int)(start < k->nn && k->n[start].t == N_BOX ? k->n[start].a : 0) : ls.first;
	ln->len = ls.lastb < 0 ? 0 : ls.lastb - ln->start;
}

/* The lines of the breaks ending at b[last], in a new array of *nlines. */
para_line *lines_build(kp *k, const breakpoint *b, int last, double emergency, size_t *nlines)
{
	int nl = b[last].line;
	int *brk = xmalloc((size_t)(nl + 1) * sizeof *brk);
	for (int q = last, j = nl; q > 0; q = b[q].prev)
		brk[--j] = b[q].pos;
	para_line *lines = xcalloc((size_t)nl, sizeof *lines);
	*nlines = (size_t)nl;
	/* emergency stretch only helps choose the breaks; glue stretches by its own
	 * amount, so those lines come out loose rather than impossible */
	(void)emergency;
	size_t start = 0;
	for (int j = 0; j < nl; j++) {
		size_t end = (size_t)brk[j]; /* the break node: excluded, unless a penalty with width */
		/* skip what a break discards at the start of a line */
		while (start < end && k->n[start].t != N_BOX)
			start++;
		set_line(k, &lines[j], start, end, j == nl - 1);
		start = end + 1;
	}
	free(brk);
	return lines;
}

para_line *lines_copy(const para_line *lines, size_t n)
{
	para_line *out = xmalloc((n + 1) * sizeof *out);
	for (size_t i = 0; i < n; i++) {
		out[i] = lines[i];
		if (!lines[i].pieces)
			continue;
		out[i].pieces = xmalloc((lines[i].npieces + 1) * sizeof *out[i].pieces);
		for (size_t k = 0; k < lines[i].npieces; k++) {
			out[i].pieces[k] = lines[i].pieces[k];
			out[i].pieces[k].gi.item = pango_item_copy(lines[i].pieces[k].gi.item);
			out[i].pieces[k].gi.glyphs = pango_glyph_string_copy(lines[i].pieces[k].gi.glyphs);
		}
	}
	return out;
}

void lines_clear(para_line *lines, size_t from, size_t n)
{
	for (size_t i = from; i < n; i++) {
		for (size_t k = 0; k < lines[i].npieces; k++) {
			pango_item_free(lines[i].pieces[k].gi.item);
			pango_glyph_string_free(lines[i].pieces[k].gi.glyphs);
		}
		free(lines[i].pieces);
	}
}
