/* resolve.c: reads a brief's sources and pins every quote, excerpt, highlight and citation to
 * byte ranges of the source text, reporting each that does not hold with the closest passage. */
#include "resolve/resolve.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load/brief.h"
#include "resolve/match.h"
#include "base/util.h"

typedef struct resolver {
	brief *b;
	diag *d;
	/* per source: the source whose article it uses (itself unless an earlier source names
	 * the same file), and that owner's matcher, made when first needed: excerpts of whole
	 * paragraphs need none, and the folded text costs nine bytes a byte */
	size_t *owner;
	matcher **m;
	struct stat *file; /* per source that owns its article: the file it read, to know it again */
} resolver;

static const source *src_of(const resolver *R, int i)
{
	if (i < 0 || (size_t)i >= R->b->nsources || !R->b->sources[i].art)
		return NULL;
	return &R->b->sources[i];
}

static matcher *matcher_of(resolver *R, int i)
{
	size_t o = R->owner[i];
	if (!R->m[o])
		R->m[o] = matcher_new(R->b->sources[o].art);
	return R->m[o];
}

static const char *src_file(const source *s)
{
	return s->file ? s->file : s->art->display;
}

/* "... using the first (p2.5); also found in paragraphs 3 (p3.2), 4 (p4.1)": the sentence
 * tells apart two occurrences in one paragraph, in the notation cites use. */
static void warn_others(resolver *R, loc at, const char *what, const source *s, const match *r)
{
	if (r->nothers == 0)
		return;
	const article *a = s->art;
	strbuf sb = {0};
	size_t shown = r->nothers < 5 ? r->nothers : 5;
	for (size_t i = 0; i < shown; i++) {
		int p = r->others[i].para;
		size_t sent = article_sentence_of(&a->paras[p], r->others[i].r.start) + 1;
		sb_printf(&sb, "%s%d (p%d.%zu)", i ? ", " : "", p + 1, p + 1, sent);
	}
	if (shown < r->nothers)
		sb_printf(&sb, " and %zu more", r->nothers - shown);
	int p0 = r->spans[0].para;
	diag_warning(R->d, at, "%s found %zu times in source '%s': using the first (p%d.%zu); also found in %s %s", what,
		     r->nothers + 1, s->id, p0 + 1, article_sentence_of(&a->paras[p0], r->spans[0].r.start) + 1,
		     r->nothers > 1 ? "paragraphs" : "paragraph", sb.data);
	sb_free(&sb);
}

static int empty_text(const char *s)
{
	if (!s)
		return 1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == 0;
}

static void take_spans(block *bl, match *r)
{
	free(bl->spans);
	bl->spans = r->spans;
	bl->nspans = r->nspans;
	r->spans = NULL;
	r->nspans = 0;
}

static void resolve_text(resolver *R, block *bl, const source *s, const char *what)
{
	if (!bl->text)
		return; /* missing: the loader said so */
	matcher *m = matcher_of(R, bl->source);
	if (empty_text(bl->text)) {
		diag_error(R->d, bl->text_at, "%s text is empty", what);
		return;
	}
	match r;
	if (!match_text(m, bl->text, &r)) {
		diag_error(R->d, bl->text_at, "%s not found in source '%s' (%s)", what, s->id, src_file(s));
		match_explain(m, bl->text, R->d);
		return;
	}
	warn_others(R, bl->text_at, what, s, &r);
	take_spans(bl, &r);
	match_clear(&r);
}

static void resolve_from_to(resolver *R, block *bl, const source *s)
{
	if (!bl->from || !bl->to)
		return;
	matcher *m = matcher_of(R, bl->source);
	if (empty_text(bl->from) || empty_text(bl->to)) {
		diag_error(R->d, empty_text(bl->from) ? bl->from_at : bl->to_at, "excerpt '%s' text is empty",
			   empty_text(bl->from) ? "from" : "to");
		return;
	}
	match r;
	match_status st = match_from_to(m, bl->from, bl->to, &r);
	if (st == MATCH_NO_FROM) {
		diag_error(R->d, bl->from_at, "excerpt 'from' text not found in source '%s' (%s)", s->id, src_file(s));
		match_explain(m, bl->from, R->d);
		return;
	}
	if (st == MATCH_NO_TO) {
		diag_error(R->d, bl->to_at, "excerpt 'to' text not found after the 'from' text in source '%s' (%s)", s->id,
			   src_file(s));
		match elsewhere;
		if (match_text(m, bl->to, &elsewhere)) {
			diag_note(R->d, bl->to_at, "it occurs only before the 'from' text, in paragraph %d",
				  elsewhere.spans[0].para + 1);
			match_clear(&elsewhere);
		} else {
			match_explain(m, bl->to, R->d);
		}
		return;
	}
	warn_others(R, bl->from_at, "excerpt 'from' text", s, &r);
	take_spans(bl, &r);
	match_clear(&r);
}

static void resolve_paras(resolver *R, block *bl, const source *s)
{
	size_t n = s->art->nparas;
	int bad = bl->para_from < 1 || (size_t)bl->para_from > n ? bl->para_from
		  : bl->para_to < bl->para_from || (size_t)bl->para_to > n ? bl->para_to
									    : 0;
	if (bad || bl->para_from < 1) {
		diag_error(R->d, bl->at, "paragraph %d is out of range: '%s' has %zu paragraph%s", bad, s->id, n,
			   n == 1 ? "" : "s");
		return;
	}
	free(bl->spans);
	bl->nspans = (size_t)(bl->para_to - bl->para_from + 1);
	bl->spans = xmalloc(bl->nspans * sizeof *bl->spans);
	for (size_t i = 0; i < bl->nspans; i++) {
		int p = bl->para_from - 1 + (int)i;
		bl->spans[i].para = p;
		bl->spans[i].r = s->art->paras[p].r;
	}
}

static void resolve_highlights(resolver *R, block *bl)
{
	if (!bl->nhighlight || !bl->nspans)
		return;
	matcher *m = matcher_of(R, bl->source);
	free(bl->marks);
	bl->marks = xmalloc(bl->nhighlight * sizeof *bl->marks);
	bl->nmarks = 0;
	for (size_t i = 0; i < bl->nhighlight; i++) {
		loc at = bl->highlight_at ? bl->highlight_at[i] : bl->text_at;
		const char *h = bl->highlight[i];
		if (!h)
			continue;
		if (empty_text(h)) {
			diag_error(R->d, at, "highlight is empty");
			continue;
		}
		span sp;
		if (match_in_spans(m, bl->spans, bl->nspans, h, &sp))
			bl->marks[bl->nmarks++] = sp;
		else
			diag_error(R->d, at, "highlight '%s' not found in the quote", h);
	}
}

static void resolve_cites(resolver *R, item *it)
{
	for (int i = 0; i < it->ncites && i < BRIEF_MAX_CITES; i++) {
		const cite *c = &it->cites[i];
		const source *s = src_of(R, c->source);
		if (!s || c->para == 0)
			continue;
		const article *a = s->art;
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

static void resolve_block(resolver *R, block *bl)
{
	for (size_t i = 0; i < bl->nitems && bl->items; i++)
		resolve_cites(R, &bl->items[i]);
	if (bl->kind != BLOCK_QUOTE && bl->kind != BLOCK_EXCERPT)
		return;
	const source *s = src_of(R, bl->source);
	if (!s)
		return; /* an unknown source or one that failed to load was already reported */
	if (bl->kind == BLOCK_QUOTE) {
		resolve_text(R, bl, s, "quote");
		resolve_highlights(R, bl);
	} else if (bl->sel == SEL_TEXT) {
		resolve_text(R, bl, s, "excerpt text");
	} else if (bl->sel == SEL_FROM_TO) {
		resolve_from_to(R, bl, s);
	} else if (bl->sel == SEL_PARAS) {
		resolve_paras(R, bl, s);
	}
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
	const char *root = b->root ? b->root : b->dir;
	if (!path_inside(root, s->path)) {
		if (b->root)
			diag_error(R->d, s->file_at, "source file '%s' is outside %s, the --root directory", s->file, b->root);
		else
			diag_error(R->d, s->file_at, "source file '%s' is outside the brief's directory", s->file);
		diag_note(R->d, s->file_at,
			  "a brief reads only files below its own directory (a relative path, no '..' that climbs out "
			  "of it), so that a brief passed around reads nothing else; mkbrief --root DIR allows any file "
			  "under DIR");
		return;
	}
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
	s->art = article_load(s->path, s->file ? s->file : s->path, s->at, R->d);
}

int brief_resolve(brief *b, diag *d)
{
	int errors0 = d->errors;
	resolver R = {b, d, xcalloc(b->nsources + 1, sizeof *R.owner), xcalloc(b->nsources + 1, sizeof *R.m),
		      xcalloc(b->nsources + 1, sizeof *R.file)};
	size_t total = 0;
	for (size_t i = 0; i < b->nsources; i++)
		load_source_file(&R, i, &total);
	for (size_t i = 0; i < b->nsummary && b->summary; i++)
		resolve_cites(&R, &b->summary[i]);
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
	for (size_t i = 0; i < b->nsources; i++)
		matcher_free(R.m[i]);
	free(R.m);
	free(R.owner);
	free(R.file);
	return d->errors > errors0 ? -1 : 0;
}
