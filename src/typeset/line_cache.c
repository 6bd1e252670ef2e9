/* line_cache.c: set paragraphs kept by the SHA-256 of all that decides their lines. */
#include "typeset/line_cache.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "typeset/linebreak.h"

typedef struct set_para {
	para_line *lines;
	size_t nlines;
	int fallback;
	unsigned long used; /* the build that last asked for it */
} set_para;

struct line_cache {
	GHashTable *by_sum; /* the key's SHA-256 -> set_para */
	unsigned long build;
};

static void set_para_free(void *p)
{
	set_para *s = p;
	lines_clear(s->lines, 0, s->nlines);
	free(s->lines);
	free(s);
}

line_cache *line_cache_new(void)
{
	line_cache *c = xcalloc(1, sizeof *c);
	c->by_sum = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, set_para_free);
	return c;
}

void line_cache_free(line_cache *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->by_sum);
	free(c);
}

static gboolean stale(gpointer key, gpointer value, gpointer data)
{
	(void)key;
	return ((set_para *)value)->used + 1 < *(unsigned long *)data;
}

void line_cache_begin(line_cache *c)
{
	c->build++;
	g_hash_table_foreach_remove(c->by_sum, stale, &c->build);
}

/* Everything the breaker reads: the spec and its font role by value (the style is loaded
 * anew each build), the text, its attributes and its links; hashed. */
static char *key_of(const rich *text, const para_spec *spec)
{
	const font_role *f = spec->font;
	GChecksum *h = g_checksum_new(G_CHECKSUM_SHA256);
	char *head = xasprintf("%a %a %d %a %d %d %a %d|%s %a %a %d %d %d %a %a %a %a|%zu|", spec->width, spec->indent,
			       (int)spec->align, spec->leading, spec->optimal, spec->hyphenate, spec->expand,
			       spec->rag_hyphens, f->family ? f->family : "", f->size, f->leading, f->bold, f->italic,
			       f->caps, f->tracking, f->color.r, f->color.g, f->color.b, text->text.len);
	g_checksum_update(h, (const guchar *)head, (gssize)strlen(head));
	free(head);
	g_checksum_update(h, (const guchar *)text->text.data, (gssize)text->text.len);
	char *attrs = pango_attr_list_to_string(text->attrs);
	g_checksum_update(h, (const guchar *)attrs, (gssize)strlen(attrs));
	g_free(attrs);
	for (size_t i = 0; i < text->nlinks; i++) {
		char *l = xasprintf("|%zu %zu", text->links[i].start, text->links[i].end);
		g_checksum_update(h, (const guchar *)l, (gssize)strlen(l));
		free(l);
	}
	char *sum = g_strdup(g_checksum_get_string(h));
	g_checksum_free(h);
	return sum;
}

int line_cache_get(line_cache *c, const rich *text, const para_spec *spec, para_line **lines, size_t *nlines,
		   int *fallback)
{
	char *sum = key_of(text, spec);
	set_para *s = g_hash_table_lookup(c->by_sum, sum);
	g_free(sum);
	if (!s)
		return 0;
	s->used = c->build;
	*lines = lines_copy(s->lines, s->nlines);
	*nlines = s->nlines;
	*fallback = s->fallback;
	return 1;
}

void line_cache_put(line_cache *c, const rich *text, const para_spec *spec, const para_line *lines, size_t nlines,
		    int fallback)
{
	set_para *s = xcalloc(1, sizeof *s);
	s->lines = lines_copy(lines, nlines);
	s->nlines = nlines;
	s->fallback = fallback;
	s->used = c->build;
	g_hash_table_replace(c->by_sum, key_of(text, spec), s);
}
