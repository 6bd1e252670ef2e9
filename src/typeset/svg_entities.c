/* svg_entities.c: writes out the general entities an SVG's DOCTYPE declares, in a copy of
 * its text, as libxml2 (under librsvg) will: an entity can hold markup, so a cost count
 * that did not expand them would miss the elements they hide. Char references inside an
 * entity's value are decoded where it is declared, as XML says; an external entity is
 * empty (librsvg loads no other file). Anything stranger (parameter entities) is refused
 * rather than guessed at. */
#include "typeset/svg_entities.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

typedef struct entity {
	char *name;
	char *value;
} entity;

typedef struct expander {
	entity *ents;
	size_t n, cap;
	strbuf out;
	size_t max_len;
	const char *why; /* set once something is refused */
} expander;

static int is_name_char(unsigned char c)
{
	return g_ascii_isalnum(c) || c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80;
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && g_ascii_isspace(*p))
		p++;
	return p;
}

/* past the next '>' outside quotes, or end */
static const char *skip_decl(const char *p, const char *end)
{
	char quote = 0;
	for (; p < end; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '>') {
			return p + 1;
		}
	}
	return end;
}

static const entity *find_entity(const expander *x, const char *name, size_t n)
{
	for (size_t i = 0; i < x->n; i++)
		if (strlen(x->ents[i].name) == n && memcmp(x->ents[i].name, name, n) == 0)
			return &x->ents[i];
	return NULL;
}

/* An entity's literal value with its char references decoded (an entity's own references
 * stay, to be expanded where it is used). */
static char *decode_value(const char *p, const char *end)
{
	strbuf v = {0};
	while (p < end) {
		if (p[0] == '&' && p + 1 < end && p[1] == '#') {
			const char *semi = memchr(p, ';', (size_t)(end - p));
			int hex = p + 2 < end && (p[2] == 'x' || p[2] == 'X');
			char *stop = NULL;
			unsigned long cp = semi ? strtoul(p + 2 + hex, &stop, hex ? 16 : 10) : 0;
			if (semi && stop == semi && cp > 0 && cp <= 0x10FFFF) {
				char u[8];
				sb_append(&v, u, utf8_encode((uint32_t)cp, u));
				p = semi + 1;
				continue;
			}
		}
		sb_putc(&v, *p++);
	}
	return sb_steal(&v);
}

/* <!ENTITY name "value"> or <!ENTITY name SYSTEM "...">; p is past "<!ENTITY". Returns the
 * position after it, or NULL when refused. */
static const char *read_entity(expander *x, const char *p, const char *end)
{
	p = skip_space(p, end);
	if (p < end && *p == '%') {
		x->why = "its DTD declares parameter entities, which mkbrief does not read";
		return NULL;
	}
	const char *name = p;
	while (p < end && is_name_char((unsigned char)*p))
		p++;
	size_t name_len = (size_t)(p - name);
	p = skip_space(p, end);
	char *value;
	if (p < end && (*p == '"' || *p == '\'')) {
		const char *close = memchr(p + 1, *p, (size_t)(end - p - 1));
		if (!close)
			return end;
		value = decode_value(p + 1, close);
		p = close + 1;
	} else {
		value = xstrdup(""); /* external: librsvg reads no other file */
	}
	if (name_len == 0 || find_entity(x, name, name_len)) { /* the first declaration counts */
		free(value);
	} else {
		x->ents = grow_for(x->ents, x->n + 1, sizeof *x->ents);
		x->ents[x->n].name = xstrndup(name, name_len);
		x->ents[x->n].value = value;
		x->n++;
	}
	return skip_decl(p, end);
}

/* Reads the internal subset from p (past '['); returns the position past its ']', or NULL
 * when refused. */
static const char *read_subset(expander *x, const char *p, const char *end)
{
	for (;;) {
		p = skip_space(p, end);
		if (p >= end)
			return end;
		if (*p == ']')
			return p + 1;
		if (*p == '%') {
			x->why = "its DTD refers to parameter entities, which mkbrief does not read";
			return NULL;
		}
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			const char *close = mem_find(p + 4, end, "-->");
			p = close ? close + 3 : end;
		} else if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
			const char *close = mem_find(p + 2, end, "?>");
			p = close ? close + 2 : end;
		} else if (end - p >= 8 && memcmp(p, "<!ENTITY", 8) == 0) {
			p = read_entity(x, p + 8, end);
			if (!p)
				return NULL;
		} else {
			p = skip_decl(p + 1, end); /* <!ELEMENT, <!ATTLIST, <!NOTATION, or junk */
		}
	}
}

/* Copies text to the output, an entity's references replaced by its value, itself
 * expanded; depth counts the entities being expanded. Returns 0, or -1 when refused. */
static int expand(expander *x, const char *p, const char *end, int depth)
{
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;
		sb_append(&x->out, p, (size_t)(stop - p));
		if (x->out.len > x->max_len) {
			x->why = "its entities expand it to more than twice its size";
			return -1;
		}
		if (!amp)
			return 0;
		const char *name = amp + 1, *q = name;
		while (q < end && is_name_char((unsigned char)*q))
			q++;
		const entity *e = q < end && *q == ';' ? find_entity(x, name, (size_t)(q - name)) : NULL;
		if (!e) { /* predefined, a char reference, or unknown (the parser's to report) */
			sb_putc(&x->out, '&');
			p = amp + 1;
			continue;
		}
		if (depth >= SVG_ENTITIES_MAX_DEPTH) {
			x->why = "its entities refer to themselves or nest too deep";
			return -1;
		}
		if (expand(x, e->value, e->value + strlen(e->value), depth + 1) != 0)
			return -1;
		p = q + 1;
	}
	return 0;
}

int svg_entities_expand(const char *b, size_t len, size_t max_len, char **out, size_t *out_len, const char **why)
{
	const char *end = b + len;
	*out = NULL;
	*out_len = 0;
	const char *doctype = mem_find(b, end, "<!DOCTYPE");
	if (!doctype)
		return 0;
	const char *p = doctype + 9;
	char quote = 0;
	for (; p < end && (quote || (*p != '[' && *p != '>')); p++)
		if (quote ? *p == quote : (*p == '"' || *p == '\''))
			quote = quote ? 0 : *p;
	if (p >= end || *p == '>')
		return 0; /* no internal subset: nothing declared */
	expander x = {.max_len = max_len};
	int rc = -1;
	p = read_subset(&x, p + 1, end);
	if (p) {
		p = skip_decl(p, end);
		sb_append(&x.out, b, (size_t)(doctype - b));
		if (expand(&x, p, end, 0) == 0)
			rc = 1;
	}
	for (size_t i = 0; i < x.n; i++) {
		free(x.ents[i].name);
		free(x.ents[i].value);
	}
	free(x.ents);
	if (rc == 1) {
		*out_len = x.out.len;
		*out = sb_steal(&x.out);
	} else {
		sb_free(&x.out);
		*why = x.why;
	}
	return rc;
}
