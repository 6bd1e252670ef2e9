/* resolver.h: what the resolvers of resolve/ share: the state of resolving one brief, its
 * sources and their matchers. One resolver function per block kind (load/kinds.def names
 * them); resolve.c calls them in the brief's order. */
#ifndef MKBRIEF_RESOLVER_H
#define MKBRIEF_RESOLVER_H
#include <sys/stat.h>

#include "load/brief.h"
#include "base/diag.h"
#include "resolve/match.h"

typedef struct resolver {
	brief *b;
	diag *d;
	/* per source: the source whose article it uses (itself unless an earlier source names
	 * the same file), and that owner's matcher, made when first needed: excerpts of whole
	 * paragraphs need none, and the folded text costs nine bytes a byte */
	size_t *owner;
	matcher **m;
	struct stat *file; /* per source that owns its article: the file it read, to know it again */
	/* the figure files read so far (resolve/figure.c): a file named by several figures is
	 * read once, and all of them together are at most FIGURE_MAX_TOTAL_BYTES */
	struct figure_file {
		dev_t dev;
		ino_t ino;
		struct figure *fig; /* the first figure naming it, which holds its bytes */
	} *figure_files;
	size_t nfigure_files, figure_bytes;
} resolver;

/* The SHA-256 of bytes as 64 lower-case hex digits (g_free). */
char *pin_sha256(const char *bytes, size_t len);
/* After resolving: a note for every use of changed source src (pin.c). */
void pin_report(resolver *R, int src);

/* Source i, or NULL if there is none such or its article did not load. */
const source *resolver_source(const resolver *R, int i);
/* The matcher of source i's article, made when first asked for. */
matcher *resolver_matcher(resolver *R, int i);

/* 1 if the brief may read path (file as written, at at); else reports that it lies outside
 * the brief's directory (or the --root one) and returns 0. what: "source", "figure". */
int resolver_may_read(const resolver *R, const char *what, const char *file, const char *path, loc at);

/* The resolver of each block kind: pins what the block quotes to its source. */
#define BLOCK_KIND(id, key, loader, resolver_fn, composer) void resolver_fn(resolver *R, block *bl);
#include "load/kinds.def"
#undef BLOCK_KIND

#endif
