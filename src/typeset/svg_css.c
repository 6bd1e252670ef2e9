/* svg_css.c: finds the references in an SVG's CSS for the cost bound of svg_cost.c. It
 * reads only as much CSS as that needs: declarations whose value holds url(#id), and for a
 * sheet's rule the last compound of each selector (type, #id, .classes), which any element
 * it matches must match; pseudo-classes, attribute selectors and combinators are passed
 * over, so a rule is taken to reach more elements than it does, never fewer. */
#include "typeset/svg_css.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

int svg_css_property(const char *name)
{
	static const struct {
		const char *name;
		int kind;
	} props[] = {{"fill", SVG_REF_PAINT},        {"stroke", SVG_REF_PAINT},
		     {"clip-path", SVG_REF_CLIP},    {"mask", SVG_REF_MASK},
		     {"filter", SVG_REF_FILTER},     {"marker-start", SVG_REF_MARKER},
		     {"marker-end", SVG_REF_MARKER}, {"marker-mid", SVG_REF_MARKER_EACH},
		     {"marker", SVG_REF_MARKER_EACH}};
	for (size_t i = 0; i < sizeof props / sizeof *props; i++)
		if (g_ascii_strcasecmp(name, props[i].name) == 0)
			return props[i].kind;
	return -1;
}

const char *svg_css_url(const char *v, const char *end, size_t *len)
{
	const char *u = mem_find(v, end, "url(");
	if (!u)
		return NULL;
	const char *p = u + 4;
	while (p < end && (g_ascii_isspace(*p) || *p == '"' || *p == '\''))
		p++;
	if (p >= end || *p != '#')
		return NULL; /* another file's: librsvg loads none */
	const char *id = ++p;
	while (p < end && *p != ')' && *p != '"' && *p != '\'' && !g_ascii_isspace(*p))
		p++;
	*len = (size_t)(p - id);
	return id;
}

static const char *trim(const char *p, const char **end)
{
	while (p < *end && g_ascii_isspace(*p))
		p++;
	while (*end > p && g_ascii_isspace((*end)[-1]))
		(*end)--;
	return p;
}

/* One declaration "name: value" in [p, end): its kind and url's id, or -1. */
static int declaration(const char *p, const char *end, const char **id, size_t *id_len)
{
	const char *colon = memchr(p, ':', (size_t)(end - p));
	if (!colon)
		return -1;
	const char *name_end = colon;
	p = trim(p, &name_end);
	char name[32];
	size_t n = (size_t)(name_end - p);
	if (n == 0 || n >= sizeof name)
		return -1;
	memcpy(name, p, n);
	name[n] = 0;
	int kind = svg_css_property(name);
	if (kind < 0)
		return -1;
	*id = svg_css_url(colon + 1, end, id_len);
	return *id && *id_len > 0 ? kind : -1;
}

void svg_css_declarations(const char *p, const char *end, svg_ref **refs, size_t *n)
{
	while (p < end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		const char *stop = semi ? semi : end;
		const char *id;
		size_t id_len;
		int kind = declaration(p, stop, &id, &id_len);
		if (kind >= 0) {
			*refs = grow_for(*refs, *n + 1, sizeof **refs);
			(*refs)[*n] = (svg_ref){.kind = kind, .id = xstrndup(id, id_len), .target = -1};
			(*n)++;
		}
		p = semi ? semi + 1 : end;
	}
}

static int is_ident(char c)
{
	return g_ascii_isalnum(c) || c == '-' || c == '_' || (unsigned char)c >= 0x80 || c == '\\';
}

/* The last compound of a selector [p, end) into r's type, id and classes. */
static void last_compound(const char *p, const char *end, svg_rule *r)
{
	p = trim(p, &end);
	const char *start = p;
	int depth = 0;
	for (const char *q = p; q < end; q++) { /* after the last combinator outside () and [] */
		if (*q == '(' || *q == '[')
			depth++;
		else if ((*q == ')' || *q == ']') && depth > 0)
			depth--;
		else if (depth == 0 && (g_ascii_isspace(*q) || *q == '>' || *q == '+' || *q == '~'))
			start = q + 1;
	}
	strbuf classes = {0};
	const char *q = start;
	if (q < end && is_ident(*q)) {
		const char *t = q;
		while (q < end && is_ident(*q))
			q++;
		r->type = xstrndup(t, (size_t)(q - t));
	}
	while (q < end) {
		char c = *q++;
		const char *t = q;
		while (q < end && is_ident(*q))
			q++;
		if (c == '.' && q > t) {
			if (classes.len)
				sb_putc(&classes, ' ');
			sb_append(&classes, t, (size_t)(q - t));
		} else if (c == '#' && q > t && !r->id) {
			r->id = xstrndup(t, (size_t)(q - t));
		}
	}
	r->classes = classes.len ? sb_steal(&classes) : NULL;
	sb_free(&classes);
}

/* Adds a rule for each selector of prelude [sel, sel_end) and each reference in the block. */
static void add_rules(const char *sel, const char *sel_end, const char *block, const char *block_end,
		      svg_rule **rules, size_t *n, size_t max)
{
	svg_ref *refs = NULL;
	size_t nrefs = 0;
	svg_css_declarations(block, block_end, &refs, &nrefs);
	for (size_t i = 0; i < nrefs; i++) {
		for (const char *p = sel; p < sel_end && *n <= max;) {
			const char *comma = memchr(p, ',', (size_t)(sel_end - p));
			const char *stop = comma ? comma : sel_end;
			*rules = grow_for(*rules, *n + 1, sizeof **rules);
			svg_rule *r = &(*rules)[(*n)++];
			*r = (svg_rule){.ref = {.kind = refs[i].kind, .id = xstrdup(refs[i].id), .target = -1}};
			last_compound(p, stop, r);
			p = comma ? comma + 1 : sel_end;
		}
		free(refs[i].id);
	}
	free(refs);
}

svg_rule *svg_css_rules(const char *sheet, size_t len, size_t max, size_t *n)
{
	/* comments out first: they may hold anything */
	strbuf text = {0};
	const char *end = sheet + len;
	for (const char *p = sheet; p < end;) {
		const char *open = mem_find(p, end, "/*");
		sb_append(&text, p, (size_t)((open ? open : end) - p));
		const char *close = open ? mem_find(open + 2, end, "*/") : NULL;
		p = !open ? end : close ? close + 2 : end;
	}
	svg_rule *rules = NULL;
	*n = 0;
	const char *p = text.data ? text.data : "", *tend = p + text.len;
	while (p < tend && *n <= max) {
		const char *brace = memchr(p, '{', (size_t)(tend - p));
		if (!brace)
			break;
		/* the selector: after the last '}' or ';' before it (an @import, a closed block) */
		const char *sel = p;
		for (const char *q = p; q < brace; q++)
			if (*q == '}' || *q == ';')
				sel = q + 1;
		const char *close = brace + 1;
		while (close < tend && *close != '}' && *close != '{')
			close++;
		const char *sel_end = brace;
		sel = trim(sel, &sel_end);
		if (close < tend && *close == '{') { /* @media and the like: read what is inside */
			p = brace + 1;
			continue;
		}
		if (sel < sel_end && *sel != '@')
			add_rules(sel, sel_end, brace + 1, close, &rules, n, max);
		p = close < tend ? close + 1 : tend;
	}
	sb_free(&text);
	return rules;
}

void svg_css_rules_free(svg_rule *rules, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rules[i].ref.id);
		free(rules[i].type);
		free(rules[i].id);
		free(rules[i].classes);
	}
	free(rules);
}

static int has_class(const char *cls, const char *c, size_t n)
{
	for (const char *p = cls; p && *p;) {
		while (*p && g_ascii_isspace(*p))
			p++;
		const char *t = p;
		while (*p && !g_ascii_isspace(*p))
			p++;
		if ((size_t)(p - t) == n && memcmp(t, c, n) == 0)
			return 1;
	}
	return 0;
}

int svg_css_matches(const svg_rule *rule, const char *name, const char *id, const char *cls)
{
	if (rule->type && strcmp(rule->type, "*") != 0 && g_ascii_strcasecmp(rule->type, name) != 0)
		return 0;
	if (rule->id && (!id || strcmp(rule->id, id) != 0))
		return 0;
	for (const char *p = rule->classes; p && *p;) {
		const char *t = p;
		while (*p && *p != ' ')
			p++;
		if (!has_class(cls, t, (size_t)(p - t)))
			return 0;
		if (*p)
			p++;
	}
	return 1;
}
