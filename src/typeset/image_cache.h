/* image_cache.h: the figures' decoded images, kept with the engine between builds (mkbrief
 * watch): a figure whose file has not changed is not decoded again. */
#ifndef MKBRIEF_IMAGE_CACHE_H
#define MKBRIEF_IMAGE_CACHE_H
#include <stddef.h>

#include "base/diag.h"
#include "typeset/image.h"

typedef struct image_cache image_cache;

image_cache *image_cache_new(void);
void image_cache_free(image_cache *c);
/* A new build begins: images no figure of the build before asked for are freed (a figure
 * edited away), so the cache holds at most two builds' images. */
void image_cache_begin(image_cache *c);
/* The image of a file's bytes, owned by the cache: decoded the first time these bytes are
 * asked for, the same image after. As image_new: NULL after an error at at (a cached image
 * over max_pixels is decoded again, for its error). */
const image *image_cache_get(image_cache *c, const char *bytes, size_t len, long max_pixels, const char *name,
			     loc at, diag *d);

#endif
