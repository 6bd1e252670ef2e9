/* article_cache.c: articles kept by path and checked against the file's stat before each
 * use, for runs that build the same brief again (watch). */
#include "load/article_cache.h"

#include <glib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/util.h"

struct article_cache {
	GHashTable *by_path; /* path → cached */
};

typedef struct cached {
	article *art;
	struct stat st;
	int stable; /* st is the file's before and after reading: it may be used again */
} cached;

static void cached_free(gpointer p)
{
	cached *c = p;
	article_free(c->art);
	g_free(c);
}

article_cache *article_cache_new(void)
{
	article_cache *c = xcalloc(1, sizeof *c);
	c->by_path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cached_free);
	return c;
}

void article_cache_free(article_cache *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->by_path);
	free(c);
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

article *article_cache_get(article_cache *c, const char *path, const char *display, loc from, diag *d)
{
	struct stat st;
	int have = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	cached *hit = g_hash_table_lookup(c->by_path, path);
	if (hit && hit->stable && have && same_file(&hit->st, &st) && strcmp(hit->art->display, display) == 0)
		return hit->art;
	g_hash_table_remove(c->by_path, path);
	article *a = article_load(path, display, from, d);
	if (!a)
		return NULL;
	/* a file written while we read it has another stat afterwards: kept for this run,
	 * but read again next time */
	struct stat after;
	cached *k = g_new0(cached, 1);
	k->art = a;
	k->st = st;
	k->stable = have && stat(path, &after) == 0 && same_file(&st, &after);
	g_hash_table_insert(c->by_path, g_strdup(path), k);
	return a;
}
