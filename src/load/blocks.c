/* blocks.c: loading what a block holds: analysts' items with their citations, and the
 * loaders of the block kinds of kinds.def (text, bullets, quote, excerpt; lists.c: numbered). */
#include "load/keys.h"
#include "load/loader.h"
#include "load/brief.h"

#include <ctype.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/schema.h"
#include "base/util.h"
#include "base/yaml_tree.h"

/* Reports an unknown source id written at `at`: "did you mean" for a near miss, else the
 * known ids. */
static void unknown_source(loader *L, loc at, const char *id)
{
	brief *b = L->b;
	if (b->nsources == 0)
		return; /* sources: itself is wrong and was reported; every id would be unknown */
	const char **ids = xcalloc(b->nsources + 1, sizeof *ids);
	for (size_t i = 0; i < b->nsources; i++)
		ids[i] = b->sources[i].id;
	const char *near = nearest_word(id, ids);
	if (near) {
		/* every id as near as the nearest: 'edm-2019' is one letter from 'edm-2017' and
		 * from 'edm-2018', and the brief's writer knows which they meant */
		size_t d = edit_distance(id, near);
		strbuf sb = {0};
		size_t n = 0;
		for (size_t i = 0; i < b->nsources; i++)
			if (edit_distance(id, ids[i]) == d)
				n++;
		for (size_t i = 0, k = 0; i < b->nsources; i++)
			if (edit_distance(id, ids[i]) == d)
				sb_printf(&sb, "%s'%s'", k++ == 0 ? "" : k == n ? " or " : ", ", ids[i]);
		schema_error_at(&L->S, at, "unknown source '%s'; did you mean %s?", id, sb.data);
		sb_free(&sb);
	} else {
		schema_error_at(&L->S, at, "unknown source '%s'", id);
		strbuf sb = {0};
		for (size_t i = 0; i < b->nsources; i++)
			sb_printf(&sb, "%s%s", i ? ", " : "", ids[i]);
		diag_note(L->S.d, at, "the sources are: %s", sb.data);
		sb_free(&sb);
	}
	free(ids);
}

/* A source reference of a quote or excerpt: index, or -1 after reporting. */
static int source_ref(loader *L, const ynode *n)
{
	const char *id = schema_string(&L->S, n, "source", 0);
	if (!id)
		return -1;
	int i = brief_source_index(L->b, id);
	if (i < 0)
		unknown_source(L, loader_loc(L, n), id);
	return i;
}

/* ---- citations ---- */

/* Parses a 1-based number of at most 6 digits at *p; returns it or -1. */
static int small_number(const char **p)
{
	const char *s = *p;
	long v = 0;
	int digits = 0;
	while (isdigit((unsigned char)*s)) {
		if (++digits > 6)
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	if (!digits)
		return -1;
	*p = s;
	return (int)v;
}

/* the forms of a citation, with the id written */
#define CITE_HELP "write a source id, optionally with a paragraph, a range of them or a sentence: '%s', '%s p3', '%s p3-5' or '%s p3.2'"

/* One citation "ID", "ID pN", "ID pN-M" or "ID pN.S" from the scalar n. Returns 1 when good. */
static int parse_cite(loader *L, const ynode *n, cite *c)
{
	char *s = schema_string(&L->S, n, "cite", 0);
	if (!s)
		return 0;
	return load_cite_text(L, loader_loc(L, n), s, c);
}

/* 1 if the words at p are a paragraph as a citation names one: "p3", "P3", "¶3", "¶ 3". */
static int names_paragraph(const char *p)
{
	if (strncmp(p, "\xC2\xB6", 2) == 0)
		p += p[2] == ' ' ? 3 : 2;
	else if (*p == 'p' || *p == 'P')
		p += p[1] == '.' ? 2 : 1;
	else
		return 0;
	return isdigit((unsigned char)*p);
}

/* Several citations written as one ("edm p1, edm p2", "edm p1; p4", "edm p1 p4"): say that
 * they are a list, and show it, each with its source. A part starts at a source's id, or at
 * a second paragraph after one. */
static void note_cite_list(loader *L, loc at, const char *s, const char *id)
{
	strbuf list = {0};
	int parts = 0, has_para = 0, known = 1;
	for (const char *p = s; *p;) {
		if (isspace((unsigned char)*p) || *p == ',' || *p == ';') {
			p++;
			continue;
		}
		size_t n = strcspn(p, " \t\n,;");
		if (n == 2 && strncmp(p, "\xC2\xB6", 2) == 0 && p[2] == ' ' && isdigit((unsigned char)p[3]))
			n = 3 + strcspn(p + 3, " \t\n,;"); /* "¶ 3" */
		int para = names_paragraph(p);
		if (!para || has_para || !parts) {
			sb_puts(&list, parts ? ", " : "[");
			if (para)
				sb_printf(&list, "%s ", id);
			parts++;
			has_para = para;
			if (!para) {
				char *word = xstrndup(p, n);
				known = known && brief_source_index(L->b, word) >= 0;
				free(word);
			}
		} else {
			sb_putc(&list, ' ');
			has_para = 1;
		}
		sb_append(&list, p, n);
		p += n;
	}
	if (parts > 1 && known)
		diag_note(L->S.d, at, "several citations are a list: cite: %s]", list.data);
	sb_free(&list);
}

int load_cite_text(loader *L, loc at, const char *s, cite *c)
{
	memset(c, 0, sizeof *c);
	c->at = at;
	c->source = -1;
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	const char *id = p;
	while (*p && !isspace((unsigned char)*p))
		p++;
	char *idc = xstrndup(id, (size_t)(p - id));
	while (isspace((unsigned char)*p))
		p++;
	int ok = 1, numbered = 0;
	if (*p) {
		numbered = 1;
		/* "p3", and as the page prints it or as one writes it by hand: "¶3", "¶ 3", "p.3" */
		if (strncmp(p, "\xC2\xB6", 2) == 0) {
			p += 2;
			while (*p == ' ')
				p++;
		} else if (*p == 'p' || *p == 'P') {
			p += p[1] == '.' ? 2 : 1;
		} else {
			ok = 0;
		}
		if (ok) {
			c->para = small_number(&p);
			if (c->para < 0)
				ok = 0;
			else if (*p == '.') {
				p++;
				c->sent = small_number(&p);
				if (c->sent < 0)
					ok = 0;
			} else if (*p == '-' || strncmp(p, "\xE2\x80\x93", 3) == 0) {
				/* a range, typed with a hyphen or an en dash; "p3-p5" too */
				p += *p == '-' ? 1 : 3;
				if (*p == 'p' || *p == 'P')
					p++;
				c->para_last = small_number(&p);
				c->sent = -1;
				if (c->para_last < 0)
					ok = 0;
			} else {
				c->sent = -1; /* not given: 0 below would read as "p3.0" */
			}
			while (isspace((unsigned char)*p))
				p++;
			if (*p)
				ok = 0;
		}
	}
	if (!ok) {
		schema_error_at(&L->S, at, "invalid cite '%s'; " CITE_HELP, s, idc, idc, idc, idc);
		note_cite_list(L, at, s, idc);
	} else if (numbered && (c->para == 0 || c->sent == 0)) {
		schema_error_at(&L->S, at, "invalid cite '%s'; paragraph and sentence numbers start at 1", s);
		ok = 0;
	} else if (c->para_last && c->para_last <= c->para) {
		if (c->para_last < c->para)
			schema_error_at(&L->S, at, "paragraph range %d-%d is reversed; write %d-%d", c->para, c->para_last,
				     c->para_last, c->para);
		else
			schema_error_at(&L->S, at, "paragraph range %d-%d is one paragraph; write p%d", c->para, c->para_last,
				     c->para);
		ok = 0;
	}
	if (c->sent < 0)
		c->sent = 0;
	if (ok) {
		c->source = brief_source_index(L->b, idc);
		if (c->source < 0) {
			unknown_source(L, at, idc);
			ok = 0;
		}
	}
	free(idc);
	return ok;
}

/* `cite:` is one citation or a list of them. */
void load_cites(loader *L, const ynode *n, item *it)
{
	if (n->kind == YNODE_SEQ) {
		if (n->nitems == 0) {
			schema_error(&L->S, n, "cite must not be an empty list");
			return;
		}
		for (size_t i = 0; i < n->nitems; i++) {
			if (it->ncites == BRIEF_MAX_CITES) {
				schema_error(&L->S, n->items[i], "more than %d citations for one item", BRIEF_MAX_CITES);
				return;
			}
			cite c;
			if (parse_cite(L, n->items[i], &c))
				it->cites[it->ncites++] = c;
		}
		return;
	}
	if (n->kind == YNODE_MAP) {
		schema_error(&L->S, n, "cite must be a string or a list of strings, not a mapping");
		return;
	}
	cite c;
	if (parse_cite(L, n, &c))
		it->cites[it->ncites++] = c;
}

/* ---- items: summary points, bullets, text paragraphs ---- */

/* An item is a string or {text, cite}. */
void load_item(loader *L, const ynode *n, item *it, const char *what)
{
	load_item_keys(L, n, it, what, text_item_keys);
}

void load_item_keys(loader *L, const ynode *n, item *it, const char *what, const char *const *allowed)
{
	it->at = loader_loc(L, n);
	if (n && n->kind == YNODE_MAP) {
		schema_keys(&L->S, n, what, allowed, text_item_required);
		it->text = schema_string(&L->S, ymap_get(n, "text"), "text", 0);
		load_notes(L, ymap_get(n, "text"), it);
		const ynode *c = ymap_get(n, "cite");
		if (c)
			load_cites(L, c, it);
		return;
	}
	if (n && n->kind == YNODE_SEQ) {
		schema_error(&L->S, n, "%s must be a string or a mapping with 'text' (and 'cite'), not a list", what);
		return;
	}
	it->text = schema_string(&L->S, n, what, 0);
	load_notes(L, n, it);
}

/* ---- quotes and excerpts ---- */

static void load_highlight(loader *L, const ynode *n, block *bl)
{
	size_t count = n->kind == YNODE_SEQ ? n->nitems : 1;
	if (n->kind == YNODE_MAP) {
		schema_error(&L->S, n, "highlight must be a string or a list of strings, not a mapping");
		return;
	}
	if (count == 0) {
		schema_error(&L->S, n, "highlight must not be an empty list");
		return;
	}
	bl->highlight = xcalloc(count, sizeof *bl->highlight);
	for (size_t i = 0; i < count; i++) {
		const ynode *h = n->kind == YNODE_SEQ ? n->items[i] : n;
		char *s = schema_string(&L->S, h, "highlight", 0);
		if (!s)
			continue;
		bl->highlight[bl->nhighlight++] = (phrase){s, loader_loc(L, h)};
	}
}

/* The loaders of the block kinds (load/kinds.def): map is the block, n the value of its
 * kind's key. */

void load_text_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	bl->items = xcalloc(1, sizeof *bl->items);
	bl->nitems = 1;
	bl->items[0].at = loader_loc(L, n);
	bl->items[0].text = schema_string(&L->S, n, "text", 0);
	load_notes(L, n, &bl->items[0]);
	const ynode *c = ymap_get(map, "cite");
	if (c)
		load_cites(L, c, &bl->items[0]);
}

void load_bullets_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	load_list_items(L, n, "bullets", "bullet", 0, &bl->items, &bl->nitems);
}

void load_quote_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	bl->sel = SEL_TEXT;
	if (!schema_expect(&L->S, n, YNODE_MAP, "quote"))
		return;
	schema_keys(&L->S, n, "quote", quote_keys, quote_required);
	const ynode *src = ymap_get(n, "source");
	if (src)
		bl->source = source_ref(L, src);
	const ynode *text = ymap_get(n, "text");
	if (text) {
		bl->text = schema_string(&L->S, text, "text", 0);
		bl->text_at = loader_loc(L, text);
		bl->text_words_at = loader_value_loc(L, text);
	}
	bl->speaker = schema_string(&L->S, ymap_get(n, "speaker"), "speaker", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, ymap_get(n, "speaker"), bl->speaker, "speaker");
	bl->speaker_at = bl->speaker ? loader_loc(L, ymap_get(n, "speaker")) : bl->at;
	bl->note = schema_string(&L->S, ymap_get(n, "note"), "note", 0);
	load_no_notes(L, ymap_get(n, "note"), bl->note, "quote's note");
	bl->note_at = bl->note ? loader_loc(L, ymap_get(n, "note")) : bl->at;
	const ynode *hl = ymap_get(n, "highlight");
	if (hl)
		load_highlight(L, hl, bl);
}

/* "N" or "N-M" (spaces around the dash allowed, and an en dash, as in citations: "5–8"),
 * 1-based and in order. */
static void load_paragraphs(loader *L, const ynode *n, block *bl)
{
	const char *help = "paragraphs must be a number or a range such as 2-4";
	if (n->kind != YNODE_SCALAR || ynode_is_null(n)) {
		schema_error(&L->S, n, "%s, not %s", help, ynode_kind_name(n));
		return;
	}
	const char *p = n->str;
	while (*p == ' ')
		p++;
	int a = small_number(&p), b = a;
	while (*p == ' ')
		p++;
	if (a >= 0 && (*p == '-' || strncmp(p, "\xE2\x80\x93", 3) == 0)) {
		p += *p == '-' ? 1 : 3;
		while (*p == ' ')
			p++;
		b = small_number(&p);
		while (*p == ' ')
			p++;
	}
	if (a < 0 || b < 0 || *p) {
		schema_error(&L->S, n, "%s, not '%s'", help, n->str);
		return;
	}
	if (a < 1 || b < 1) {
		schema_error(&L->S, n, "paragraph numbers start at 1, not 0");
		return;
	}
	if (b < a) {
		schema_error(&L->S, n, "paragraph range %d-%d is reversed; write %d-%d", a, b, b, a);
		return;
	}
	bl->para_from = a;
	bl->para_to = b;
}

void load_excerpt_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	bl->sel = SEL_NONE;
	if (!schema_expect(&L->S, n, YNODE_MAP, "excerpt"))
		return;
	schema_keys(&L->S, n, "excerpt", excerpt_keys, excerpt_required);
	const ynode *src = ymap_get(n, "source");
	if (src)
		bl->source = source_ref(L, src);
	bl->note = schema_string(&L->S, ymap_get(n, "note"), "note", 0);
	load_no_notes(L, ymap_get(n, "note"), bl->note, "excerpt's note");
	bl->note_at = bl->note ? loader_loc(L, ymap_get(n, "note")) : bl->at;

	/* exactly one selector; a second one is reported at its own key */
	const ynode *paras = ymap_get(n, "paragraphs"), *from = ymap_get(n, "from"), *to = ymap_get(n, "to"),
		    *text = ymap_get(n, "text");
	const char *first = NULL;
	for (size_t i = 0; i < n->npairs; i++) {
		const ynode *k = n->pairs[i].key;
		if (k->kind != YNODE_SCALAR)
			continue;
		const char *sel = strcmp(k->str, "paragraphs") == 0 ? "paragraphs"
				  : (strcmp(k->str, "from") == 0 || strcmp(k->str, "to") == 0) ? "from/to"
				  : strcmp(k->str, "text") == 0 ? "text" : NULL;
		if (!sel)
			continue;
		if (!first) {
			first = sel;
		} else if (strcmp(first, sel) != 0) {
			schema_error(&L->S, k, "excerpt has both '%s' and '%s'; give exactly one of: paragraphs, from and to, text",
				     first, sel);
			return;
		}
	}
	if (!first) {
		schema_error(&L->S, n, "excerpt needs one of: paragraphs, from and to, text");
		return;
	}
	if (paras) {
		bl->sel = SEL_PARAS;
		bl->paras_at = loader_loc(L, paras);
		load_paragraphs(L, paras, bl);
	} else if (text) {
		bl->sel = SEL_TEXT;
		bl->text = schema_string(&L->S, text, "text", 0);
		bl->text_at = loader_loc(L, text);
		bl->text_words_at = loader_value_loc(L, text);
	} else if (from && !to) {
		schema_error(&L->S, ymap_key(n, "from"), "excerpt has 'from' but no 'to'; give both");
	} else if (to && !from) {
		schema_error(&L->S, ymap_key(n, "to"), "excerpt has 'to' but no 'from'; give both");
	} else {
		bl->sel = SEL_FROM_TO;
		bl->from = schema_string(&L->S, from, "from", 0);
		bl->from_at = loader_loc(L, from);
		bl->from_words_at = loader_value_loc(L, from);
		bl->to = schema_string(&L->S, to, "to", 0);
		bl->to_at = loader_loc(L, to);
		bl->to_words_at = loader_value_loc(L, to);
	}
}
