/* svg_cost.c: reads an SVG's text with GLib's GMarkup, before librsvg draws it, into a
 * bound on what drawing it costs (svg_cost.h). Elements are counted once where they are,
 * and again wherever a reference draws them: href="#id" (<use>, a pattern's or feImage's
 * href), and url(#id) in fill and stroke (a pattern), clip-path, mask, filter and the
 * markers (a marker once a vertex), whether an attribute, a style="" or a <style> sheet
 * says so. The count is memoised over the graph of elements and references and walked
 * without recursion; a cycle (which librsvg refuses to draw) counts nothing. A sheet's rule
 * is taken to match every element its last compound selector could match (type, classes,
 * id), so it is never undercounted. Everything is an upper bound: elements in <defs> count
 * once too, transforms are not followed (a filter's cost is its passes over the whole
 * drawing, which is what librsvg allocates for it). */
#include "typeset/svg_cost.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "typeset/svg_css.h"
#include "typeset/svg_entities.h"

typedef struct node {
	int first_child, last_child, next;
	int kind;
	int apart; /* drawn only where something refers to it (in <defs>, a <symbol>, a pattern...) */
	double vertices; /* a shape's vertices, at most: where marker-mid draws */
	double fweight;  /* a filter: its primitives' passes */
	size_t ref0, nref;   /* its references in scan.refs */
	size_t sref0, nsref; /* the sheet's references that may reach it, in scan.srefs */
	char *name, *id, *cls;
	unsigned char state; /* 0 not reached, 1 being counted, 2 counted */
	double inst, passes, verts; /* verts: the vertices of all it draws */
	double depth;               /* elements and references nested, down to its deepest */
} node;

typedef struct scan {
	node *nodes;
	size_t n;
	svg_ref *refs, *srefs;
	size_t nrefs, nsrefs;
	int *open; /* the open elements */
	double *font, *scale; /* for each open element: its font size in px, its transforms' scale */
	size_t depth;
	int in_style;
	strbuf sheet;
	long max_order;
	double max_font_size;
	size_t in_text;      /* <text> elements open */
	double text_chars;   /* the characters of the outermost open <text> */
	double max_text_chars;
	uint32_t text[SVG_TEXT_CHARS]; /* the characters texts print, each once */
	int ntext;
	GHashTable *ids; /* id -> node index + 1; keys are the nodes' */
} scan;

enum { K_OTHER, K_PATTERN, K_CLIP, K_MASK, K_FILTER, K_MARKER };

static const char *local_name(const char *name)
{
	const char *colon = strrchr(name, ':');
	return colon ? colon + 1 : name;
}

/* Elements drawn only where referred to: in place they draw nothing. */
static int drawn_apart(const char *local)
{
	static const char *const names[] = {"defs",   "symbol", "pattern", "clipPath",
					    "mask",   "marker", "filter",  NULL};
	for (int i = 0; names[i]; i++)
		if (strcmp(local, names[i]) == 0)
			return 1;
	return 0;
}

static int kind_of(const char *local)
{
	static const char *const names[] = {"pattern", "clipPath", "mask", "filter", "marker", NULL};
	for (int i = 0; names[i]; i++)
		if (strcmp(local, names[i]) == 0)
			return i + 1;
	return K_OTHER;
}

/* An upper bound on a path's or polyline's vertices: one for every number and command,
 * and one more. */
static double count_vertices(const char *d)
{
	double n = 1;
	for (const char *p = d; *p; p++) {
		if (*p == '.' || (g_ascii_isdigit(*p) && (p == d || !g_ascii_isdigit(p[-1]))))
			n++;
		else if (g_ascii_isalpha(*p) && *p != 'e' && *p != 'E')
			n++;
	}
	return n;
}

static double number_at(const char *v, double fallback)
{
	if (!v)
		return fallback;
	char *end;
	double x = g_ascii_strtod(v, &end);
	return end == v || !(x == x) ? fallback : x;
}

/* A filter primitive's work per pixel, in passes of about the cost of one plain pass
 * (measured on librsvg 2.54: some 50 to 75 ns a pixel each). */
static double primitive_weight(scan *s, const char *local, const char **names, const char **values)
{
	const char *radius = NULL, *octaves = NULL, *order = NULL;
	for (int i = 0; names[i]; i++) {
		if (strcmp(names[i], "radius") == 0)
			radius = values[i];
		else if (strcmp(names[i], "numOctaves") == 0)
			octaves = values[i];
		else if (strcmp(names[i], "order") == 0)
			order = values[i];
	}
	if (strcmp(local, "feGaussianBlur") == 0)
		return 2;
	if (strcmp(local, "feTurbulence") == 0) {
		double o = number_at(octaves, 1);
		return 3 * (o > 1 ? o : 1);
	}
	if (strcmp(local, "feMorphology") == 0) {
		/* the larger of "rx ry": the work grows with the radius */
		double rx = number_at(radius, 0), ry = rx;
		if (radius) {
			const char *sp = radius + strcspn(radius, " ,\t\n");
			ry = *sp ? number_at(sp + strspn(sp, " ,\t\n"), rx) : rx;
		}
		double r = rx > ry ? rx : ry;
		return 2 * (r > 0 ? r : 0) + 1;
	}
	if (strcmp(local, "feConvolveMatrix") == 0) {
		double ox = number_at(order, 3), oy = ox;
		if (order) {
			const char *sp = order + strcspn(order, " ,\t\n");
			oy = *sp ? number_at(sp + strspn(sp, " ,\t\n"), ox) : ox;
		}
		double big = ox > oy ? ox : oy;
		if (big > s->max_order)
			s->max_order = big > 1e9 ? 1000000000L : (long)big;
		double w = ox * oy / 4;
		return w > 1 ? w : 1;
	}
	if (strcmp(local, "feDiffuseLighting") == 0 || strcmp(local, "feSpecularLighting") == 0)
		return 3;
	return 1;
}

static void add_ref(svg_ref **refs, size_t *n, int kind, const char *id, size_t id_len)
{
	if (id_len == 0)
		return;
	*refs = grow_for(*refs, *n + 1, sizeof **refs);
	(*refs)[*n] = (svg_ref){.kind = kind, .id = xstrndup(id, id_len), .target = -1};
	(*n)++;
}

static void add_style_refs(scan *s, const char *style)
{
	svg_css_declarations(style, style + strlen(style), &s->refs, &s->nrefs);
}

/* The largest number in [v, end): a size in font-size's or font's value ("12px", "bold
 * 1e7px/1.2 serif"); unsigned, as a size's sign does not lessen it. *unit (if not NULL):
 * what follows the last of the largest ("px"), NULL when there is no number. */
static double largest_number_unit(const char *v, const char *end, const char **unit)
{
	double most = 0;
	const char *after = NULL;
	for (const char *p = v; p < end; p++) {
		if (!g_ascii_isdigit(*p) && !(*p == '.' && p + 1 < end && g_ascii_isdigit(p[1])))
			continue;
		char *e;
		double x = fabs(g_ascii_strtod(p, &e));
		if (e > p) {
			if (x == x && x >= most) {
				most = x;
				after = e;
			}
			p = e - 1;
		}
	}
	if (unit)
		*unit = after;
	return most;
}

static double largest_number(const char *v, const char *end)
{
	return largest_number_unit(v, end, NULL);
}

/* The next "font-size:" or "font:" declaration in CSS text [p, end): its value in [*v, *ve);
 * returns where to look on from, or NULL when there is none. */
static const char *next_font_value(const char *p, const char *end, const char **v, const char **ve)
{
	for (; p && p < end; p++) {
		p = mem_find(p, end, "font");
		if (!p)
			return NULL;
		const char *q = p + 4;
		if (q + 5 <= end && memcmp(q, "-size", 5) == 0)
			q += 5;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
			q++;
		if (q >= end || *q != ':')
			continue;
		*v = *ve = q + 1;
		while (*ve < end && **ve != ';' && **ve != '}' && **ve != '"')
			(*ve)++;
		return *ve;
	}
	return NULL;
}

/* The largest font size in CSS text (a style="" or a sheet): each "font-size:" or
 * "font:" declaration's value. */
static double css_font_size(const char *css, size_t n)
{
	double most = 0;
	const char *end = css + n, *v, *ve;
	for (const char *p = css; (p = next_font_value(p, end, &v, &ve)) != NULL;) {
		double x = largest_number(v, ve);
		if (x > most)
			most = x;
	}
	return most;
}

/* Pixels per unit of an absolute CSS length ("pt", "mm"; none or unknown: px). */
static double unit_px(const char *u)
{
	static const struct {
		const char *unit;
		double px;
	} units[] = {{"pt", 96.0 / 72}, {"pc", 16}, {"in", 96}, {"cm", 96 / 2.54}, {"mm", 96 / 25.4}, {"q", 96 / 101.6}};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (g_ascii_strncasecmp(u, units[i].unit, strlen(units[i].unit)) == 0)
			return units[i].px;
	return 1;
}

/* A font size written [v, end) ("12px", "1.5em", "150%", "larger", or the size in font's
 * shorthand, "bold 12pt/1.2 serif") against its parent's, in px; the largest number
 * written counts, as a size's sign does not lessen it. */
static double font_size_of(const char *v, const char *end, double parent)
{
	const char *unit;
	double x = largest_number_unit(v, end, &unit);
	if (!unit)
		return mem_find(v, end, "larger") ? parent * 1.2 : parent;
	if (unit == end)
		return x;
	if (*unit == '%')
		return parent * x / 100;
	if (g_ascii_strncasecmp(unit, "em", 2) == 0 || g_ascii_strncasecmp(unit, "rem", 3) == 0 ||
	    g_ascii_strncasecmp(unit, "ex", 2) == 0 || g_ascii_strncasecmp(unit, "ch", 2) == 0)
		return parent * x;
	return x * unit_px(unit);
}

/* The factor a transform list scales by: each scale()'s and matrix()'s largest, multiplied. */
static double transform_scale(const char *v)
{
	double factor = 1;
	for (const char *p = v; *p;) {
		int scale = g_ascii_strncasecmp(p, "scale", 5) == 0, matrix = g_ascii_strncasecmp(p, "matrix", 6) == 0;
		const char *open = strchr(p, '(');
		if (!open)
			break;
		const char *close = strchr(open, ')');
		if (!close)
			break;
		if (scale || matrix) {
			double most = 0;
			int k = 0;
			for (const char *q = open + 1; q < close && (scale || k < 4); k++) {
				char *e;
				double y = g_ascii_strtod(q, &e);
				if (e == q) {
					q++;
					k--;
					continue;
				}
				if (y == y && fabs(y) > most)
					most = fabs(y);
				q = e;
			}
			factor *= most;
		}
		p = close + 1;
		while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
	}
	return factor;
}

/* An <svg> element's scale from its viewBox to its width and height ("0 0 1 1" drawn at
 * 1000 wide: each user unit is 1000 px). */
static double viewbox_scale(const char **names, const char **values)
{
	double vb[4] = {0}, w = 0, h = 0;
	for (int i = 0; names[i]; i++) {
		if (strcmp(names[i], "viewBox") == 0) {
			const char *q = values[i];
			for (int k = 0; k < 4; k++) {
				while (*q == ' ' || *q == ',')
					q++;
				char *e;
				vb[k] = g_ascii_strtod(q, &e);
				q = e;
			}
		} else if (strcmp(names[i], "width") == 0 && !strchr(values[i], '%')) {
			w = font_size_of(values[i], values[i] + strlen(values[i]), 0);
		} else if (strcmp(names[i], "height") == 0 && !strchr(values[i], '%')) {
			h = font_size_of(values[i], values[i] + strlen(values[i]), 0);
		}
	}
	double f = 1;
	if (vb[2] > 0 && w > 0)
		f = fmax(f, w / vb[2]);
	if (vb[3] > 0 && h > 0)
		f = fmax(f, h / vb[3]);
	return f;
}

/* The font size and scale of the element opening at depth s->depth, from its parent's and
 * its own attributes; the largest size a text element would be drawn at goes to
 * max_font_size (a
 * size nested in ems or per cents, or scaled by a transform, is what librsvg draws: 50,000
 * then 5000% aborted it, a hostile trial). */
static void font_at(scan *s, const char *local, const char **names, const char **values)
{
	double font = s->depth > 0 ? s->font[s->depth - 1] : 16, scale = s->depth > 0 ? s->scale[s->depth - 1] : 1;
	if (strcmp(local, "svg") == 0)
		scale *= viewbox_scale(names, values);
	for (int i = 0; names[i]; i++) {
		const char *a = names[i], *v = values[i];
		if (strcmp(a, "font-size") == 0 || strcmp(a, "font") == 0) {
			font = font_size_of(v, v + strlen(v), font);
		} else if (strcmp(a, "transform") == 0) {
			scale *= transform_scale(v);
		} else if (strcmp(a, "style") == 0) {
			const char *end = v + strlen(v), *fv, *fe;
			for (const char *p = v; (p = next_font_value(p, end, &fv, &fe)) != NULL;)
				font = font_size_of(fv, fe, font);
		}
	}
	s->font = grow_for(s->font, s->depth + 1, sizeof *s->font);
	s->scale = grow_for(s->scale, s->depth + 1, sizeof *s->scale);
	s->font[s->depth] = font;
	s->scale[s->depth] = scale;
	int text = strcmp(local, "text") == 0 || strcmp(local, "tspan") == 0 || strcmp(local, "textPath") == 0;
	if (text && font * scale > s->max_font_size)
		s->max_font_size = font * scale;
}

static void read_attributes(scan *s, node *nd, int index, const char **names, const char **values)
{
	for (int i = 0; names[i]; i++) {
		const char *a = names[i], *v = values[i];
		int prop = svg_css_property(a);
		if (strcmp(a, "id") == 0 && !nd->id) {
			nd->id = xstrdup(v);
			if (!g_hash_table_contains(s->ids, nd->id)) /* the first of an id is the one */
				g_hash_table_insert(s->ids, nd->id, GINT_TO_POINTER(index + 1));
		} else if (strcmp(a, "class") == 0 && !nd->cls) {
			nd->cls = xstrdup(v);
		} else if (strcmp(local_name(a), "href") == 0 && v[0] == '#') {
			add_ref(&s->refs, &s->nrefs, SVG_REF_HREF, v + 1, strlen(v + 1));
		} else if (strcmp(a, "style") == 0) {
			add_style_refs(s, v);
		} else if (prop >= 0) {
			size_t id_len;
			const char *id = svg_css_url(v, v + strlen(v), &id_len);
			if (id)
				add_ref(&s->refs, &s->nrefs, prop, id, id_len);
		} else if (strcmp(a, "d") == 0 || strcmp(a, "points") == 0) {
			nd->vertices = count_vertices(v);
		}
	}
}

static void on_start(GMarkupParseContext *ctx, const char *element, const char **names, const char **values,
		     gpointer data, GError **error)
{
	(void)ctx;
	scan *s = data;
	if (s->n >= SVG_COST_STOP_ELEMENTS) {
		g_set_error_literal(error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "too many elements");
		return;
	}
	int index = (int)s->n;
	s->nodes = grow_for(s->nodes, s->n + 1, sizeof *s->nodes);
	node *nd = &s->nodes[s->n++];
	const char *local = local_name(element);
	*nd = (node){.first_child = -1, .last_child = -1, .next = -1, .kind = kind_of(local), .ref0 = s->nrefs};
	nd->name = xstrdup(local);
	nd->apart = drawn_apart(local);
	nd->vertices = strcmp(local, "line") == 0 ? 2 : 0;
	if (s->depth > 0) {
		node *parent = &s->nodes[s->open[s->depth - 1]];
		if (parent->last_child >= 0)
			s->nodes[parent->last_child].next = index;
		else
			parent->first_child = index;
		parent->last_child = index;
		if (parent->kind == K_FILTER && strncmp(local, "fe", 2) == 0)
			parent->fweight += primitive_weight(s, local, names, values);
	}
	read_attributes(s, nd, index, names, values);
	font_at(s, local, names, values);
	nd->nref = s->nrefs - nd->ref0;
	s->open = grow_for(s->open, s->depth + 1, sizeof *s->open);
	s->open[s->depth++] = index;
	if (strcmp(local, "style") == 0)
		s->in_style++;
	if (strcmp(local, "text") == 0 && s->in_text++ == 0)
		s->text_chars = 0;
}

static void on_end(GMarkupParseContext *ctx, const char *element, gpointer data, GError **error)
{
	(void)ctx;
	(void)error;
	scan *s = data;
	if (s->depth > 0)
		s->depth--;
	if (strcmp(local_name(element), "style") == 0 && s->in_style > 0) {
		s->in_style--;
		sb_putc(&s->sheet, '\n');
	}
	if (strcmp(local_name(element), "text") == 0 && s->in_text > 0 && --s->in_text == 0 &&
	    s->text_chars > s->max_text_chars)
		s->max_text_chars = s->text_chars;
}

static void on_text(GMarkupParseContext *ctx, const char *text, gsize len, gpointer data, GError **error)
{
	(void)ctx;
	(void)error;
	scan *s = data;
	if (s->in_style)
		sb_append(&s->sheet, text, len);
	else if (s->in_text) {
		s->text_chars += (double)g_utf8_strlen(text, (gssize)len);
		for (const char *p = text; p < text + len && s->ntext < SVG_TEXT_CHARS; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);
			int seen = g_unichar_isspace(c);
			for (int k = 0; k < s->ntext && !seen; k++)
				seen = s->text[k] == c;
			if (!seen)
				s->text[s->ntext++] = c;
		}
	}
}

/* The sheet's selectors: each rule's, counted at its commas (a comma inside a selector's
 * brackets, :is(a, b), counts too: an upper bound). */
static double count_selectors(const char *css, size_t n)
{
	double count = 0, in_rule = 0;
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		char c = css[i];
		if (c == '{') {
			if (depth++ == 0)
				count += in_rule + 1;
			in_rule = 0;
		} else if (c == '}') {
			depth = depth > 0 ? depth - 1 : 0;
		} else if (c == ',' && depth == 0) {
			in_rule++;
		}
	}
	return count;
}

/* Whether a reference of this kind draws an element of that kind (a paint that is a
 * gradient or colour draws no elements). */
static int draws(int ref_kind, int target_kind)
{
	switch (ref_kind) {
	case SVG_REF_HREF: return 1;
	case SVG_REF_PAINT: return target_kind == K_PATTERN;
	case SVG_REF_CLIP: return target_kind == K_CLIP;
	case SVG_REF_MASK: return target_kind == K_MASK;
	case SVG_REF_FILTER: return target_kind == K_FILTER;
	default: return target_kind == K_MARKER;
	}
}

/* The node a reference draws, or -1. */
static int target_of(const scan *s, const svg_ref *r)
{
	return r->target >= 0 && draws(r->kind, s->nodes[r->target].kind) ? r->target : -1;
}

/* Whether a reference's property is inherited: fill, stroke and the markers set on a group
 * (or on a <use>) reach every element inside it. */
static int inherited(int kind)
{
	return kind == SVG_REF_PAINT || kind == SVG_REF_MARKER || kind == SVG_REF_MARKER_EACH;
}

/* Adds what r draws from n to n's count (its target counted: state 2). An inherited one
 * (phase 1) is drawn for every element n draws, a marker-mid at every vertex, as counted
 * in phase 0. */
static void add_reference(scan *s, node *nd, const svg_ref *r, int phase, double elements, double vertices)
{
	int t = target_of(s, r);
	if (t < 0 || s->nodes[t].state != 2 || inherited(r->kind) != phase)
		return; /* nothing, a cycle, or not in this phase */
	const node *tn = &s->nodes[t];
	double times = r->kind == SVG_REF_MARKER_EACH ? vertices : phase ? elements : 1;
	nd->inst += times * tn->inst;
	nd->passes += times * tn->passes;
	nd->verts += times * tn->verts;
	if (tn->depth + 1 > nd->depth)
		nd->depth = tn->depth + 1;
	if (r->kind == SVG_REF_FILTER)
		nd->passes += times * (1 + tn->fweight);
	else if (r->kind == SVG_REF_MASK)
		nd->passes += times * 2; /* the mask drawn apart, and the element */
}

/* n's count, once all it reaches is counted or is on the stack (a cycle). */
static void count_node(scan *s, node *nd)
{
	nd->inst = 1;
	nd->passes = 0;
	nd->verts = nd->vertices;
	nd->depth = 1;
	for (int c = nd->first_child; c >= 0; c = s->nodes[c].next) {
		const node *cn = &s->nodes[c];
		if (cn->state != 2)
			continue;
		if (cn->depth + 1 > nd->depth)
			nd->depth = cn->depth + 1;
		if (!cn->apart) {
			nd->inst += cn->inst;
			nd->passes += cn->passes;
			nd->verts += cn->verts;
		}
	}
	double elements = 0, vertices = 0;
	for (int phase = 0; phase < 2; phase++) {
		for (size_t i = 0; i < nd->nref; i++)
			add_reference(s, nd, &s->refs[nd->ref0 + i], phase, elements, vertices);
		for (size_t i = 0; i < nd->nsref; i++)
			add_reference(s, nd, &s->srefs[nd->sref0 + i], phase, elements, vertices);
		elements = nd->inst;
		vertices = nd->verts;
	}
}

/* Pushes n's children and targets not yet reached; returns how many. */
static size_t push_pending(scan *s, int n, int **stack, size_t *top)
{
	size_t pushed = 0;
	const node *nd = &s->nodes[n];
	for (int c = nd->first_child; c >= 0; c = s->nodes[c].next)
		if (s->nodes[c].state == 0) {
			*stack = grow_for(*stack, *top + 1, sizeof **stack);
			(*stack)[(*top)++] = c;
			pushed++;
		}
	for (int pass = 0; pass < 2; pass++) {
		const svg_ref *r = pass ? s->srefs + nd->sref0 : s->refs + nd->ref0;
		size_t m = pass ? nd->nsref : nd->nref;
		for (size_t i = 0; i < m; i++) {
			int t = target_of(s, &r[i]);
			if (t >= 0 && s->nodes[t].state == 0) {
				*stack = grow_for(*stack, *top + 1, sizeof **stack);
				(*stack)[(*top)++] = t;
				pushed++;
			}
		}
	}
	return pushed;
}

/* Counts every node: each once, after what it reaches (depth first, on a stack of ours:
 * references can chain as deep as the file is long). */
static void count_all(scan *s)
{
	int *stack = NULL;
	size_t top = 0;
	for (size_t root = 0; root < s->n; root++) {
		if (s->nodes[root].state != 0)
			continue;
		stack = grow_for(stack, top + 1, sizeof *stack);
		stack[top++] = (int)root;
		while (top > 0) {
			int n = stack[top - 1];
			node *nd = &s->nodes[n];
			if (nd->state == 2) {
				top--;
			} else if (nd->state == 0) {
				nd->state = 1;
				push_pending(s, n, &stack, &top);
			} else {
				count_node(s, nd);
				nd->state = 2;
				top--;
			}
		}
	}
	free(stack);
}

static void resolve(scan *s, svg_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		gpointer v = g_hash_table_lookup(s->ids, refs[i].id);
		refs[i].target = v ? GPOINTER_TO_INT(v) - 1 : -1;
	}
}

/* The sheet's references that may reach each node, gathered node by node. Returns -1 when
 * there would be more of them than elements could be drawn (the figure is refused). */
static int match_sheet(scan *s, const svg_rule *rules, size_t nrules)
{
	for (size_t i = 0; i < s->n; i++) {
		node *nd = &s->nodes[i];
		nd->sref0 = s->nsrefs;
		for (size_t r = 0; r < nrules; r++) {
			if (!svg_css_matches(&rules[r], nd->name, nd->id, nd->cls))
				continue;
			if (s->nsrefs >= 2 * (size_t)SVG_COST_STOP_ELEMENTS)
				return -1;
			add_ref(&s->srefs, &s->nsrefs, rules[r].ref.kind, rules[r].ref.id, strlen(rules[r].ref.id));
		}
		nd->nsref = s->nsrefs - nd->sref0;
	}
	return 0;
}

static void scan_free(scan *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->nodes[i].name);
		free(s->nodes[i].id);
		free(s->nodes[i].cls);
	}
	for (size_t i = 0; i < s->nrefs; i++)
		free(s->refs[i].id);
	for (size_t i = 0; i < s->nsrefs; i++)
		free(s->srefs[i].id);
	free(s->nodes);
	free(s->refs);
	free(s->srefs);
	free(s->open);
	free(s->font);
	free(s->scale);
	sb_free(&s->sheet);
	g_hash_table_destroy(s->ids);
}

/* The text GMarkup is to read: entities expanded, a byte-order mark dropped, bytes that are
 * not UTF-8 (an SVG in Latin-1) made '?', which changes no markup. NULL and *why when the
 * entities are refused; *owned is what the caller frees. */
static const char *prepare(const char *b, size_t *len, char **owned, char **why)
{
	const char *ewhy = NULL;
	size_t n = 0;
	int rc = svg_entities_expand(b, *len, 2 * *len + (1u << 20), owned, &n, &ewhy);
	if (rc < 0) {
		*why = xstrdup(ewhy);
		return NULL;
	}
	if (rc == 1) {
		b = *owned;
		*len = n;
	}
	if (*len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
		b += 3;
		*len -= 3;
	}
	const char *end;
	if (g_utf8_validate(b, (gssize)*len, &end))
		return b;
	char *copy = xmalloc(*len + 1);
	memcpy(copy, b, *len);
	copy[*len] = 0;
	for (char *p = copy + (end - b); p < copy + *len;) {
		*p++ = '?';
		const char *ok;
		g_utf8_validate(p, (gssize)(copy + *len - p), &ok);
		p = (char *)ok;
	}
	free(*owned);
	*owned = copy;
	return copy;
}

/* The sheet's rules that draw something (a pattern, clip path, mask, filter or marker
 * they name), kept in rules[0, *n) and the others freed; -1 when there are more than
 * SVG_COST_MAX_RULES of them. */
static int keep_drawing_rules(scan *s, svg_rule *rules, size_t *n)
{
	size_t drawing = 0;
	for (size_t i = 0; i < *n; i++) {
		resolve(s, &rules[i].ref, 1);
		drawing += target_of(s, &rules[i].ref) >= 0;
	}
	if (drawing > SVG_COST_MAX_RULES)
		return -1;
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++) {
		if (target_of(s, &rules[i].ref) >= 0) {
			rules[kept++] = rules[i];
		} else {
			free(rules[i].ref.id);
			free(rules[i].type);
			free(rules[i].id);
			free(rules[i].classes);
		}
	}
	*n = kept;
	return 0;
}

/* Counts a document read whole into c; -1 with *why when its sheet is too large to check. */
static int count_document(scan *s, svg_cost *c, char **why)
{
	size_t nrules = 0;
	svg_rule *rules = svg_css_rules(s->sheet.data ? s->sheet.data : "", s->sheet.len, SVG_COST_MAX_SHEET_RULES, &nrules);
	resolve(s, s->refs, s->nrefs);
	int rc = 0;
	if (nrules > SVG_COST_MAX_SHEET_RULES) {
		*why = xasprintf("its style sheet has more than %d rules naming url(#id)s", SVG_COST_MAX_SHEET_RULES);
		rc = -2;
	} else if (keep_drawing_rules(s, rules, &nrules) != 0) {
		*why = xasprintf("its style sheet has more than %d rules that draw patterns, clip paths, masks, filters or markers",
				 SVG_COST_MAX_RULES);
		rc = -2;
	} else if (match_sheet(s, rules, nrules) < 0) {
		c->instances = 2.0 * SVG_COST_STOP_ELEMENTS; /* more references than can be drawn */
	} else {
		resolve(s, s->srefs, s->nsrefs);
		count_all(s);
		if (s->n > 0) { /* the root: everything is inside it */
			c->instances = s->nodes[0].inst;
			c->passes = s->nodes[0].passes;
			c->depth = s->nodes[0].depth;
			c->vertices = s->nodes[0].verts;
		}
		c->max_order = s->max_order;
	}
	svg_css_rules_free(rules, nrules);
	c->max_font_size = fmax(s->max_font_size, css_font_size(s->sheet.data ? s->sheet.data : "", s->sheet.len));
	c->max_text_chars = s->max_text_chars;
	memcpy(c->text, s->text, sizeof c->text);
	c->ntext = s->ntext;
	c->selectors = count_selectors(s->sheet.data ? s->sheet.data : "", s->sheet.len);
	c->elements = (double)s->n;
	return rc;
}

int svg_cost_scan(const char *b, size_t len, svg_cost *c, char **why)
{
	*c = (svg_cost){0};
	*why = NULL;
	char *owned = NULL;
	const char *text = prepare(b, &len, &owned, why);
	if (!text)
		return -2;
	scan s = {.ids = g_hash_table_new(g_str_hash, g_str_equal)};
	static const GMarkupParser parser = {on_start, on_end, on_text, NULL, NULL};
	GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &s, NULL);
	GError *err = NULL;
	int ok = g_markup_parse_context_parse(ctx, text, (gssize)len, &err) &&
		 g_markup_parse_context_end_parse(ctx, &err);
	g_markup_parse_context_free(ctx);
	free(owned);
	int rc = -1;
	if (s.n >= SVG_COST_STOP_ELEMENTS) {
		c->stopped = 1;
		c->instances = (double)s.n + 1;
	} else if (!ok) {
		*why = xstrdup(err ? err->message : "unreadable");
	} else {
		rc = count_document(&s, c, why);
	}
	g_clear_error(&err);
	scan_free(&s);
	return rc;
}
