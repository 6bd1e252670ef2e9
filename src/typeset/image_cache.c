/* image_cache.c: decoded figures kept by the SHA-256 of their files, between builds. */
#include "typeset/image_cache.h"

#include <glib.h>
#include <stdlib.h>

#include "base/util.h"

typedef struct cached {
	image *img;
	unsigned long used; /* the build that last asked for it */
} cached;

struct image_cache {
	GHashTable *by_sum; /* the SHA-256 of the file's bytes -> cached */
	unsigned long build;
};

static void cached_free(void *p)
{
	cached *e = p;
	image_free(e->img);
	free(e);
}

image_cache *image_cache_new(void)
{
	image_cache *c = xcalloc(1, sizeof *c);
	c->by_sum = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cached_free);
	return c;
}

void image_cache_free(image_cache *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->by_sum);
	free(c);
}

static gboolean stale(gpointer key, gpointer value, gpointer data)
{
	(void)key;
	return ((cached *)value)->used + 1 < *(unsigned long *)data;
}

void image_cache_begin(image_cache *c)
{
	c->build++;
	g_hash_table_foreach_remove(c->by_sum, stale, &c->build);
}

const image *image_cache_get(image_cache *c, const char *bytes, size_t len, long max_pixels, const char *name,
			     loc at, diag *d)
{
	/* by content, not name: an editor's save may replace the file, and the same bytes
	 * named twice are one image */
	char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
	cached *e = g_hash_table_lookup(c->by_sum, sum);
	if (e && image_pixels(e->img) <= max_pixels) {
		g_free(sum);
		e->used = c->build;
		return e->img;
	}
	image *img = image_new(bytes, len, max_pixels, name, at, d);
	if (!img) {
		g_free(sum);
		return NULL;
	}
	e = xcalloc(1, sizeof *e);
	e->img = img;
	e->used = c->build;
	g_hash_table_replace(c->by_sum, sum, e);
	return img;
}
