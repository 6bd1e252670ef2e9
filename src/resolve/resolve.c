/* resolve.c: reads a brief's sources and resolves its blocks in order, each through the
 * resolver of its kind, and every citation to a paragraph and sentence that exists. */
#include "resolve/resolve.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "resolve/resolver.h"
#include "base/util.h"

const source *resolver_source(const resolver *R, int i)
{
	if (i < 0 || (size_t)i >= R->b->nsources || !R->b->sources[i].art)
		return NULL;
	return &R->b->sources[i];
}

matcher *resolver_matcher(resolver *R, int i)
{
	size_t o = R->owner[i];
	if (!R->m[o])
		R->m[o] = matcher_new(R->b->sources[o].art);
	return R->m[o];
}

static void resolve_cites(resolver *R, item *it)
{
	for (int i = 0; i < it->ncites && i < BRIEF_MAX_CITES; i++) {
		const cite *c = &it->cites[i];
		const source *s = resolver_source(R, c->source);
		if (!s || c->para == 0)
			continue;
		const article *a = s->art;
		if (c->para_last > 0 && (size_t)c->para_last > a->nparas) {
			diag_error(R->d, c->at, "paragraph %d is out of range: '%s' has %zu paragraph%s", c->para_last,
				   s->id, a->nparas, a->nparas == 1 ? "" : "s");
			continue;
		}
		if (c->para < 0 || (size_t)c->para > a->nparas) {
			diag_error(R->d, c->at, "paragraph %d is out of range: '%s' has %zu paragraph%s", c->para, s->id,
				   a->nparas, a->nparas == 1 ? "" : "s");
			continue;
		}
		size_t ns = a->paras[c->para - 1].nsents;
		if (c->sent < 0 || (size_t)c->sent > ns)
			diag_error(R->d, c->at, "sentence %d is out of range: paragraph %d of '%s' has %zu sentence%s", c->sent,
				   c->para, s->id, ns, ns == 1 ? "" : "s");
	}
}

/* Text and bullets quote nothing: resolve_block checks their items' cites, as every block's. */
void resolve_no_block(resolver *R, block *bl)
{
	(void)R;
	(void)bl;
}

typedef void block_resolver(resolver *R, block *bl);
static block_resolver *const resolvers[] = {
#define BLOCK_KIND(id, key, loader, resolver_fn, composer) [id] = resolver_fn,
#include "load/kinds.def"
#undef BLOCK_KIND
};

static void resolve_block(resolver *R, block *bl)
{
	if (bl->failed)
		return; /* its errors are said; what it holds may be half loaded */
	for (size_t i = 0; i < bl->nitems && bl->items; i++)
		resolve_cites(R, &bl->items[i]);
	resolvers[bl->kind](R, bl);
}

int resolver_may_read(const resolver *R, const char *what, const char *file, const char *path, loc at)
{
	const brief *b = R->b;
	if (path_inside(b->root ? b->root : b->dir, path))
		return 1;
	if (b->root)
		diag_error(R->d, at, "%s file '%s' is outside %s, the root directory (--root or MKBRIEF_ROOT)", what, file, b->root);
	else
		diag_error(R->d, at, "%s file '%s' is outside the brief's directory", what, file);
	diag_note(R->d, at,
		  "a brief reads only files below its own directory (a relative path, no '..' that climbs out "
		  "of it), so that a brief passed around reads nothing else; mkbrief --root DIR allows any file "
		  "under DIR");
	return 0;
}

/* Reads source i, or shares the article of an earlier source naming the same file. A
 * source must lie inside the root, and all of them together within BRIEF_MAX_SOURCE_BYTES. */
static void load_source_file(resolver *R, size_t i, size_t *total)
{
	brief *b = R->b;
	source *s = &b->sources[i];
	R->owner[i] = i;
	if (s->art || !s->path)
		return;
	if (!resolver_may_read(R, "source", s->file, s->path, s->file_at))
		return;
	struct stat st;
	if (stat(s->path, &st) == 0 && S_ISREG(st.st_mode)) {
		for (size_t j = 0; j < i; j++) {
			const source *o = &b->sources[j];
			if (o->art && !o->art_shared && R->file[j].st_dev == st.st_dev && R->file[j].st_ino == st.st_ino) {
				s->art = o->art;
				s->art_shared = 1;
				R->owner[i] = j;
				return;
			}
		}
		if (*total > BRIEF_MAX_SOURCE_BYTES)
			return; /* said at the first source past the limit */
		if ((size_t)st.st_size > BRIEF_MAX_SOURCE_BYTES - *total) {
			diag_error(R->d, s->file_at, "the sources together are larger than %u MiB; this one and those after it are not read",
				   BRIEF_MAX_SOURCE_BYTES >> 20);
			*total = BRIEF_MAX_SOURCE_BYTES + 1;
			return;
		}
		*total += (size_t)st.st_size;
		R->file[i] = st;
	}
	/* a file that cannot be read is shown at its file:, where the name can be mended */
	loc at = s->file_at.line > 0 ? s->file_at : s->at;
	if (R->b->articles) {
		s->art = article_cache_get(R->b->articles, s->path, s->file ? s->file : s->path, at, R->d);
		s->art_cached = 1;
	} else {
		s->art = article_load(s->path, s->file ? s->file : s->path, at, R->d);
	}
}

int brief_resolve(brief *b, diag *d)
{
	int errors0 = d->errors;
	resolver R = {b, d, xcalloc(b->nsources + 1, sizeof *R.owner), xcalloc(b->nsources + 1, sizeof *R.m),
		      xcalloc(b->nsources + 1, sizeof *R.file), NULL, 0, 0};
	size_t total = 0;
	for (size_t i = 0; i < b->nsources; i++)
		load_source_file(&R, i, &total);
	for (size_t i = 0; i < b->nsummary && b->summary; i++)
		resolve_cites(&R, &b->summary[i]);
	for (size_t i = 0; i < b->nnotes; i++) {
		/* a note's citations are checked as an item's */
		item as_item = {0};
		memcpy(as_item.cites, b->notes[i].cites, sizeof as_item.cites);
		as_item.ncites = b->notes[i].ncites;
		resolve_cites(&R, &as_item);
	}
	/* a matcher is freed after the last block that searches its article, so that only
	 * one large article's folded text need be held at a time */
	size_t *last_use = xcalloc(b->nsources + 1, sizeof *last_use), nb = 0;
	for (size_t i = 0; i < b->nsections && b->sections; i++)
		for (size_t k = 0; k < b->sections[i].nblocks && b->sections[i].blocks; k++) {
			const block *bl = &b->sections[i].blocks[k];
			nb++;
			if (bl->source >= 0 && (size_t)bl->source < b->nsources && bl->sel != SEL_PARAS)
				last_use[R.owner[bl->source]] = nb;
		}
	nb = 0;
	for (size_t i = 0; i < b->nsections && b->sections && !diag_full(d); i++) {
		section *sec = &b->sections[i];
		for (size_t k = 0; k < sec->nblocks && sec->blocks && !diag_full(d); k++) {
			block *bl = &sec->blocks[k];
			resolve_block(&R, bl);
			nb++;
			if (bl->source >= 0 && (size_t)bl->source < b->nsources) {
				size_t o = R.owner[bl->source];
				if (last_use[o] == nb) {
					matcher_free(R.m[o]);
					R.m[o] = NULL;
				}
			}
		}
	}
	free(last_use);
	/* pinned sources, checked last: the error then sums up every use, each resolved above */
	for (size_t i = 0; i < b->nsources && !diag_full(d); i++) {
		const source *s = &b->sources[i];
		if (!s->sha256 || !s->art)
			continue;
		char *now = pin_sha256(s->art->text, s->art->len);
		if (strcmp(now, s->sha256) != 0) {
			diag_error(d, s->sha256_at, "source '%s' (%s) has changed since it was pinned: its SHA-256 is now %s",
				   s->id, s->file, now);
			pin_report(&R, (int)i);
			diag_note(d, s->sha256_at, "once every use is checked, 'mkbrief pin %s' pins the source again", b->path);
		}
		g_free(now);
	}
	for (size_t i = 0; i < b->nsources; i++)
		matcher_free(R.m[i]);
	free(R.m);
	free(R.owner);
	free(R.file);
	free(R.figure_files);
	return d->errors > errors0 ? -1 : 0;
}
