/* measures.c: the widths a layout's indents and paddings leave each kind of text, added up
 * as the composer adds them (layout/passage.c, list.c, box.c, table.c, sources.c,
 * handling.c, compose.c), so that keys each within their own limits cannot together
 * leave an excerpt or a list a letter wide, or less than nothing. */
#include "load/measures.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"

/* The narrowest text a layout may leave: 12 em of the text's own font, about 25
 * characters (a character of Noto Serif averages half an em), the measure of a narrow
 * newspaper column. Below it most lines hold two or three words, justified lines are
 * mostly space and hyphens pile up. In a column narrower than 24 em (the loader allows
 * 1.5in, 10 em of 11pt), the indents may take half of it; and never need leave more than
 * the built-in layout's own indents leave in the same column (its pull quotes take 60pt
 * of a 108pt column): a layout is refused for an indent made larger, never for a font
 * or a column the loader has already accepted. */
#define MEASURE_EM 12.0
#define MAX_PARTS 6
#define MAX_MEASURES 24

/* A layout key the composer takes from a measure, and how much it takes. */
typedef struct part {
	const char *section, *key; /* excerpt.indent */
	int times;                 /* 2: both sides; 3: each of three list levels */
	double taken;              /* all it takes, pt */
	double less;               /* it takes its value less this: rules.width, what it is wider than the default */
} part;

typedef struct measure {
	const char *what; /* "an excerpt's text" */
	double font;      /* the size of its font, pt */
	double base;      /* the width it is set in: a column, or the text width */
	int across;       /* base is the text width (page 1's boxes span the columns) */
	part parts[MAX_PARTS];
	size_t nparts;
	double width; /* base less every part */
} measure;

static measure *start(measure *m, const char *what, double font, double base, int across)
{
	*m = (measure){.what = what, .font = font, .base = base, .across = across, .width = base};
	return m;
}

static void take(measure *m, const char *sec, const char *key, int times, double taken)
{
	if (m->nparts < MAX_PARTS) /* the measures below have at most four */
		m->parts[m->nparts++] = (part){sec, key, times, taken, 0};
	m->width -= taken;
}

/* A block set in a box (box.c) is narrower by the box's padding on both sides. */
static measure *in_box(measure *m, const layout_widths *s, int boxed)
{
	if (boxed)
		take(m, "box", "padding", 2, 2 * s->box_padding);
	return m;
}

/* list.c: each level's text lies its inset right of its parent's; a number's inset is at
 * least numbered.indent, and numbered.gap past the widest number (taken here as nothing
 * wide), but never more than half the width left. */
static void numbered_levels(measure *m, const layout_widths *s)
{
	double in = s->number_indent > s->number_gap ? s->number_indent : s->number_gap, w = m->width, total = 0;
	for (int level = 0; level < MEASURE_LIST_LEVELS; level++) {
		double k = in < w / 2 ? in : w / 2;
		total += k;
		w -= k;
	}
	take(m, "numbered", s->number_indent >= s->number_gap ? "indent" : "gap", MEASURE_LIST_LEVELS, total);
}

/* The blocks a section or a box may hold. */
static size_t column_measures(const layout_widths *s, double col, int boxed, measure *out)
{
	size_t n = 0;
	measure *m = in_box(start(&out[n++], boxed ? "an excerpt's text in a box" : "an excerpt's text", s->excerpt_size, col, 0), s, boxed);
	take(m, "excerpt", "indent", 1, s->excerpt_indent);
	take(m, "excerpt", "bar", 1, s->excerpt_bar);
	take(m, "excerpt", "padding", 2, 2 * s->excerpt_padding);
	m = in_box(start(&out[n++], boxed ? "a pull quote's text in a box" : "a pull quote's text", s->quote_size, col, 0), s, boxed);
	take(m, "quote", "indent", 2, 2 * s->quote_indent);
	if (s->quote_bar > 0) {
		take(m, "quote", "bar", 1, s->quote_bar);
		take(m, "quote", "bar-gap", 1, s->quote_bar_gap);
	}
	m = in_box(start(&out[n++], boxed ? "the text of a bulleted list three levels deep in a box"
					  : "the text of a bulleted list three levels deep",
			 s->body_size, col, 0), s, boxed);
	take(m, "bullets", "indent", MEASURE_LIST_LEVELS, MEASURE_LIST_LEVELS * s->bullet_indent);
	m = in_box(start(&out[n++], boxed ? "the text of a numbered list three levels deep in a box"
					  : "the text of a numbered list three levels deep",
			 s->body_size, col, 0), s, boxed);
	numbered_levels(m, s);
	m = in_box(start(&out[n++], boxed ? "a table cell's text in a box (a table of one column)"
					  : "a table cell's text (a table of one column)",
			 s->table_size, col, 0), s, boxed);
	take(m, "table", "padding", 2, 2 * s->table_padding);
	m = in_box(start(&out[n++], boxed ? "a paragraph's first line in a box" : "a paragraph's first line", s->body_size, col, 0), s,
		   boxed);
	take(m, "text", "first-indent", 1, s->first_indent);
	return n;
}

/* Every measure of s, in one order whatever the values. */
static size_t measures(const layout_widths *s, double col, double text_w, measure *out)
{
	size_t n = column_measures(s, col, 0, out);
	n += column_measures(s, col, 1, out + n);
	in_box(start(&out[n++], "a box's text", s->body_size, col, 0), s, 1);
	take(start(&out[n++], "a Sources entry's text", s->body_size, col, 0), "sources", "indent", 1, s->sources_indent);
	/* page 1: the Key points box and the distribution statement span the columns */
	measure *m = start(&out[n++], "the Key points' text (bullets three levels deep)", s->body_size, text_w, 1);
	take(m, "summary", "padding", 2, 2 * s->summary_padding);
	take(m, "bullets", "indent", MEASURE_LIST_LEVELS, MEASURE_LIST_LEVELS * s->bullet_indent);
	m = start(&out[n++], "the distribution statement's text", s->meta_size, text_w, 1);
	take(m, "handling", "padding", 2, 2 * s->handling_padding);
	if (s->handling_rule > 0) { /* its frame, inside the padding (layout/handling.c) */
		take(m, "rules", "width", 2, 2 * s->handling_rule);
		m->parts[m->nparts - 1].less = s->rule_default;
	}
	return n;
}

static const ynode *key_node(const ynode *root, const part *p)
{
	return ymap_get(ymap_get(root, p->section), p->key);
}

/* The part most to blame: of those the layout file sets, the one that takes the most
 * more than the built-in layout's same key (which leaves enough); NULL if none does. */
static const part *culprit(const measure *got, const measure *builtin, const ynode *root, const ynode **node)
{
	const part *best = NULL;
	double most = 0;
	for (size_t i = 0; i < got->nparts; i++) {
		const part *p = &got->parts[i];
		const ynode *n = key_node(root, p);
		double before = 0;
		for (size_t j = 0; j < builtin->nparts; j++)
			if (strcmp(builtin->parts[j].section, p->section) == 0 && strcmp(builtin->parts[j].key, p->key) == 0)
				before = builtin->parts[j].taken;
		if (n && p->taken - before > most) {
			most = p->taken - before;
			best = p;
			*node = n;
		}
	}
	return best;
}

/* "126pt", "-3.2pt": to a tenth of a point (limits rounded the safe way: down for "at
 * most", up for "at least", so that a value written as the message says passes) */
static char *pt(double v)
{
	char *s = xasprintf("%.1f", v);
	size_t n = strlen(s);
	if (n >= 2 && strcmp(s + n - 2, ".0") == 0)
		s[n - 2] = 0;
	if (strcmp(s, "-0") == 0)
		strcpy(s, "0");
	char *out = xasprintf("%spt", s);
	free(s);
	return out;
}

enum { NEED_EM, NEED_HALF, NEED_BUILTIN };

/* What a measure lacks: the key to blame and the width it needs. */
typedef struct shortfall {
	const part *p; /* NULL: the measure is wide enough */
	const ynode *node;
	double need;
	int why;
} shortfall;

/* The most p's key may be for the measure to leave need, the other keys as they are. */
static double bound(const measure *m, const shortfall *f)
{
	return (f->p->taken - (f->need - m->width)) / f->p->times + f->p->less;
}

/* The error at the key to blame, and a note with the sum and how far to bring it down. */
static void report(schema *S, const measure *m, const shortfall *f)
{
	const part *p = f->p;
	const ynode *node = f->node;
	double need = f->need;
	int why_need = f->why;
	char *width = pt(m->width), *base = pt(m->base), *least = pt(ceil(need * 10 - 1e-6) / 10), *em = pt(m->font);
	char *why = why_need == NEED_EM	    ? xasprintf("12 em of its %s font", em)
		    : why_need == NEED_HALF ? xasprintf("half the %s, which is under 24 em of %s", m->across ? "text width" : "column", em)
					    : xstrdup("what the built-in layout's indents leave there");
	schema_error(S, node, "%s.%s (%s) leaves %s %s wide %s %s %s; it needs at least %s (%s)", p->section, p->key,
		     node->str, m->what, width, m->across ? "across the" : "in a", base, m->across ? "text width" : "column",
		     least, why);
	strbuf sum = {0};
	double total = 0;
	for (size_t i = 0; i < m->nparts; i++) {
		if (m->parts[i].less > 0)
			sb_printf(&sum, "%s%d × (%s.%s − %gpt)", i ? " + " : "", m->parts[i].times, m->parts[i].section,
				  m->parts[i].key, m->parts[i].less);
		else if (m->parts[i].times > 1)
			sb_printf(&sum, "%s%d × %s.%s", i ? " + " : "", m->parts[i].times, m->parts[i].section, m->parts[i].key);
		else
			sb_printf(&sum, "%s%s.%s", i ? " + " : "", m->parts[i].section, m->parts[i].key);
		total += m->parts[i].taken;
	}
	char *all = pt(total), *most = pt(floor((m->base - need) * 10 + 1e-6) / 10);
	/* the most this key may be with the others as they are */
	double one = bound(m, f);
	char *max_one = pt(floor(one * 10 + 1e-6) / 10);
	int many = m->nparts > 1 || p->times > 1;
	if (many && one >= 0)
		diag_note(S->d, ynode_loc(S->t, node), "%s come to %s; at most %s leaves enough (%s.%s at most %s%s)", sum.data,
			  all, most, p->section, p->key, max_one, m->nparts > 1 ? ", the others as they are" : "");
	else
		diag_note(S->d, ynode_loc(S->t, node), "%s come%s to %s; at most %s leaves enough", sum.data, many ? "" : "s",
			  all, most);
	sb_free(&sum);
	free(width), free(base), free(least), free(em), free(why), free(all), free(most), free(max_one);
}

static shortfall short_of(const measure *got, const measure *builtin, const ynode *root)
{
	shortfall f = {NULL, root, MEASURE_EM * got->font, NEED_EM};
	if (got->base / 2 < f.need)
		f.need = got->base / 2, f.why = NEED_HALF;
	if (builtin->width < f.need)
		f.need = builtin->width, f.why = NEED_BUILTIN;
	/* a thousandth of a point of slack, as for the text area (style.c) */
	if (got->width < f.need - 1e-3)
		f.p = culprit(got, builtin, root, &f.node);
	return f;
}

/* A line taller than the page's text runs off its foot, and a letter wider than its column
 * off its side, wherever the composer puts them: what they say is lost. Fonts of up to
 * 200pt are for a large page; on a small one they must still fit. The banner is drawn
 * in the margins (style.c checks it there). */
static void check_fonts(schema *S, const layout_widths *w, const ynode *root, double col, double text_w, double text_h)
{
	const ynode *fonts = ymap_get(root, "fonts");
	for (size_t i = 0; i < w->nfonts; i++) {
		const layout_font *f = &w->fonts[i];
		if (strcmp(f->key, "banner") == 0)
			continue;
		int across = strcmp(f->key, "title") == 0 || strcmp(f->key, "subtitle") == 0;
		double width = across ? text_w : col;
		const ynode *role = ymap_get(fonts, f->key), *size = ymap_get(role, "size"), *lead = ymap_get(role, "leading");
		const ynode *at = lead ? lead : size ? size : role ? role : root;
		if (f->leading > text_h + 1e-3) {
			char *l = pt(f->leading), *h = pt(text_h);
			schema_error(S, at, "fonts.%s.leading is %s: its lines are taller than the page's text, %s high, and "
				     "would run off the page; make the font smaller, or the page or its margins larger", f->key, l, h);
			free(l), free(h);
		} else if (f->size > width + 1e-3) {
			char *e = pt(f->size), *c = pt(width);
			schema_error(S, size ? size : at, "fonts.%s.size is %s: a letter of it can be wider than %s, %s, and "
				     "would run off the page; make the font smaller, or the page or its columns wider", f->key, e,
				     across ? "the text" : "a column", c);
			free(e), free(c);
		}
	}
}

void layout_check_measures(schema *S, const layout_widths *got_w, const layout_widths *builtin, const ynode *root,
			   double col, double text_w, double text_h)
{
	check_fonts(S, got_w, root, col, text_w, text_h);
	/* half an em: six columns of 10pt text a 6pt gutter apart still read down, not across */
	if (got_w->columns > 1 && got_w->gutter < got_w->body_size / 2 - 1e-3) {
		const ynode *at = ymap_get(root, "gutter");
		char *g = pt(got_w->gutter), *least = pt(got_w->body_size / 2), *em = pt(got_w->body_size);
		schema_error(S, at ? at : root, "gutter (%s) between %d columns of %s text: a line would read on into the next column; it needs at least %s (half an em)",
			     g, got_w->columns, em, least);
		free(g), free(least), free(em);
	}
	measure got[MAX_MEASURES], want[MAX_MEASURES];
	size_t n = measures(got_w, col, text_w, got);
	measures(builtin, col, text_w, want);
	shortfall f[MAX_MEASURES];
	for (size_t i = 0; i < n; i++)
		f[i] = short_of(&got[i], &want[i], root);
	/* one error a key, for the measure it must shrink most for (an excerpt's indent that
	 * is too large is too large in a box too): its note then clears them all */
	for (size_t i = 0; i < n; i++) {
		if (!f[i].p)
			continue;
		size_t worst = i, j = 0;
		while (j < i && !(f[j].p && f[j].node == f[i].node))
			j++;
		if (j < i)
			continue; /* reported */
		for (j = i + 1; j < n; j++)
			if (f[j].p && f[j].node == f[i].node && bound(&got[j], &f[j]) < bound(&got[worst], &f[worst]))
				worst = j;
		report(S, &got[worst], &f[worst]);
	}
}
