/* line_cache.h: the lines of paragraphs set by total fit, kept between the builds of
 * mkbrief watch: a paragraph whose text, attributes, links, font and measure did not change
 * is not broken again. */
#ifndef MKBRIEF_LINE_CACHE_H
#define MKBRIEF_LINE_CACHE_H
#include <stddef.h>

#include "typeset/lines.h"
#include "typeset/rich.h"

typedef struct line_cache line_cache;
struct para_spec; /* linebreak.h, which needs the engine (shape.h), which owns a line_cache */

line_cache *line_cache_new(void);
void line_cache_free(line_cache *c);
/* A new build begins: what the build before did not use is freed. */
void line_cache_begin(line_cache *c);
/* The lines of text set by spec in a build before, as a new copy in *lines (and whether
 * the paragraph was set ragged for want of better breaks); 0 if there are none. */
int line_cache_get(line_cache *c, const rich *text, const struct para_spec *spec, para_line **lines, size_t *nlines,
		   int *fallback);
/* Keeps a copy of the lines text was set in by spec. */
void line_cache_put(line_cache *c, const rich *text, const struct para_spec *spec, const para_line *lines, size_t nlines,
		    int fallback);

#endif
