/* article_cache.h: parsed articles kept between runs of one process (mkbrief watch), so
 * that a re-render reads and parses only the sources that changed. */
#ifndef MKBRIEF_ARTICLE_CACHE_H
#define MKBRIEF_ARTICLE_CACHE_H

#include "load/article.h"

typedef struct article_cache article_cache;

article_cache *article_cache_new(void);
void article_cache_free(article_cache *c);
/* The article at path, as article_load gives it, parsed again only when the file's
 * identity, size or modification time changed (or display differs). Owned by the cache:
 * valid until the next article_cache_get of the same path, or article_cache_free. */
article *article_cache_get(article_cache *c, const char *path, const char *display, loc from, diag *d);

#endif
