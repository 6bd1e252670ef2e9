/* build.c: `mkbrief BRIEF.yaml`: runs the pipeline load → resolve → lay out → render. */
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "load/brief.h"
#include "load/figure.h"
#include "load/layout_find.h"
#include "cli.h"
#include "base/datapath.h"
#include "base/diag.h"
#include "layout/compose.h"
#include "layout/doc.h"
#include "layout/dump.h"
#include "layout/flow.h"
#include "typeset/fonts.h"
#include "typeset/line_cache.h"
#include "typeset/shape.h"
#include "render/output.h"
#include "resolve/resolve.h"
#include "load/style.h"
#include "base/util.h"

/* korea-jan2018.yaml → korea-jan2018.pdf, in the current directory */
char *build_default_output(const char *brief_path, const char *format)
{
	const char *base = path_basename(brief_path);
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
		n -= 4;
	return xasprintf("%.*s.%s", (int)n, base, format);
}

/* MKBRIEF_STATS=1: one line of figures on stderr for bench/ (pages, paragraphs, and how
 * often the shaping cache answered), so that benchmarks need not parse the PDF. */
static void print_stats(const doc *dc)
{
	const char *env = getenv("MKBRIEF_STATS");
	if (!env || strcmp(env, "1") != 0)
		return;
	unsigned long hits = dc->engine ? dc->engine->hits : 0, misses = dc->engine ? dc->engine->misses : 0;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr, "mkbrief-stats: pages %d paragraphs %zu shape-hits %lu shape-misses %lu hit-rate %.1f%% "
		"tightened %lu loosened %lu unhyphenated %lu peak-rss-after-flow %ld KiB patterns %s\n",
		dc->npages, dc->nparas, hits, misses, hits + misses ? 100.0 * hits / (double)(hits + misses) : 0.0,
		dc->engine ? dc->engine->tightened : 0, dc->engine ? dc->engine->loosened : 0,
		dc->engine ? dc->engine->unhyphenated : 0, ru.ru_maxrss,
		hyph_origin(dc->engine ? dc->engine->hyph : NULL));
}

struct build_cache {
	char *fonts_extra; /* the --fonts directory the fonts were built with */
	fonts *f;
	PangoContext *ctx;
	char *words;        /* the engine's hyphenation: its language and the brief's words (words_key) */
	para_engine *engine;
	article_cache *articles;
	int keep_lines;
	line_cache *lines; /* lent to the engine; made anew with it (its glyphs are the fonts') */
};

build_cache *build_cache_new(int keep_lines)
{
	build_cache *c = xcalloc(1, sizeof *c);
	c->keep_lines = keep_lines;
	c->articles = article_cache_new();
	return c;
}

/* The fonts, context and engine, which hold every shaped word: dropped when a font changed. */
void build_cache_forget_fonts(build_cache *c)
{
	line_cache_free(c->lines);
	c->lines = NULL;
	para_engine_free(c->engine);
	c->engine = NULL;
	g_free(c->words);
	c->words = NULL;
	if (c->ctx)
		g_object_unref(c->ctx);
	c->ctx = NULL;
	fonts_free(c->f);
	c->f = NULL;
	free(c->fonts_extra);
	c->fonts_extra = NULL;
}

void build_cache_free(build_cache *c)
{
	if (!c)
		return;
	build_cache_forget_fonts(c);
	article_cache_free(c->articles);
	free(c);
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* What an engine hyphenates by: the language and the brief's own words, one string. */
static char *words_key(const char *lang, char *const *words)
{
	GString *k = g_string_new(lang ? lang : "");
	for (size_t i = 0; words && words[i]; i++)
		g_string_append_printf(k, "\n%s", words[i]);
	return g_string_free(k, FALSE);
}

static hyphenator *hyphenator_for(const char *lang, char *const *words)
{
	hyphenator *h = hyph_new(lang);
	hyph_set_words(h, words);
	return h;
}

/* Everything a document is set with: the fonts, a context on them, an engine for the
 * brief's language and hyphenation words; kept in the cache (NULL: made for this run, *own
 * set). */
static int setup_engine(const cli_options *o, const char *lang, char *const *words, const char *data, build_cache *c,
			build_cache *own, diag *d)
{
	char *key = words_key(lang, words);
	if (c && c->f && !same_str(c->fonts_extra, o->fonts_dir))
		build_cache_forget_fonts(c);
	build_cache *t = c ? c : own;
	if (!t->f) {
		/* the patterns load on their own thread while the fonts are set up */
		hyphenator *hyph = hyphenator_for(lang, words);
		char *fontdir = xasprintf("%s/fonts", data);
		t->f = fonts_new(fontdir, o->fonts_dir, d);
		free(fontdir);
		if (!t->f) {
			hyph_free(hyph);
			g_free(key);
			return -1;
		}
		t->fonts_extra = o->fonts_dir ? xstrdup(o->fonts_dir) : NULL;
		t->ctx = fonts_context_new(t->f);
		pango_cairo_context_set_resolution(t->ctx, 72.0);
		t->engine = para_engine_new(t->ctx, hyph);
		t->words = key;
	} else if (!same_str(t->words, key)) {
		line_cache_free(t->lines); /* set with the other language's or words' hyphens */
		t->lines = NULL;
		para_engine_free(t->engine);
		t->engine = para_engine_new(t->ctx, hyphenator_for(lang, words));
		g_free(t->words);
		t->words = key;
	} else {
		g_free(key);
	}
	if (t->keep_lines && !t->lines)
		t->lines = line_cache_new();
	t->engine->lines = t->lines;
	return 0;
}

/* The layout the brief (or --layout) names; with *errors set when its keys had errors (it
 * comes back all the same, for the checks made once the fonts are loaded), NULL when it
 * could not be read. */
static style *load_layout(const cli_options *o, const brief *b, const char *data, int *errors, diag *d)
{
	loc at = o->layout ? loc_none() : b->layout_at;
	char *layout_name = o->layout ? xstrdup(o->layout) : layout_brief_name(b->layout ? b->layout : "handout", b->path);
	char **layouts = layout_dirs(b->path, data);
	style *st = style_load_partial(layout_name, (const char *const *)layouts, at, errors, d);
	g_strfreev(layouts);
	free(layout_name);
	return st;
}

/* Every font family the layout names is among the fonts (a family fontconfig does not have
 * would silently be set in another one). */
static int check_families(const style *st, fonts *f, diag *d)
{
	int bad = 0;
	for (size_t i = 0; i < nrole_keys; i++) {
		const font_role *r = (const font_role *)((const char *)st + role_keys[i].off);
		if (!r->family || fonts_has_family(f, r->family))
			continue;
		loc at = r->family_at.file ? r->family_at : loc_at(st->path, 0, 0);
		char **have = fonts_families(f);
		const char *near = nearest_word(r->family, (const char *const *)have);
		if (near)
			diag_error(d, at, "no font family '%s' among the fonts; did you mean '%s'?", r->family, near);
		else
			diag_error(d, at, "no font family '%s' among the fonts", r->family);
		char *list = g_strjoinv(", ", have);
		diag_note(d, at, "the fonts (fonts/ and --fonts) have: %s", list);
		g_free(list);
		g_strfreev(have);
		bad = 1;
	}
	return bad;
}

/* The layout's own list markers, in the fonts: a marker the fonts lack is the layout's
 * error, once, at its key (it was one error per item of the brief, at the item). */
static int check_markers(const style *st, para_engine *e, diag *d)
{
	int bad = 0;
	for (int kind = 0; kind < 2; kind++)
		for (int level = 0; level < STYLE_LIST_LEVELS; level++) {
			loc at = st->marker_at[kind][level];
			char *marker = kind ? st->number_markers[level] : st->bullet_markers[level];
			const loc *prev = level > 0 ? &st->marker_at[kind][level - 1] : NULL;
			/* a level that repeats the one before is said once */
			int said = prev && prev->line == at.line && prev->col == at.col;
			if (at.file && !said && para_check_glyphs(e, marker, &st->body, at, d) > 0)
				bad = 1;
		}
	return bad;
}

/* Debian and Ubuntu's package of lang's patterns: hyphen- and the language (hyphen-en-gb,
 * hyphen-pt-br: English and Portuguese have one per region). Caller frees. */
static char *patterns_package(const char *lang)
{
	GString *pkg = g_string_new("hyphen-");
	size_t k = strcspn(lang, "-_");
	for (size_t i = 0; i < k; i++)
		g_string_append_c(pkg, g_ascii_tolower(lang[i]));
	if ((!strncmp(pkg->str, "hyphen-pt", 10) || !strncmp(pkg->str, "hyphen-en", 10)) && lang[k] && strlen(lang + k + 1) == 2)
		g_string_append_printf(pkg, "-%c%c", g_ascii_tolower(lang[k + 1]), g_ascii_tolower(lang[k + 2]));
	return g_string_free(pkg, FALSE);
}

/* Where patterns are looked for, as the notes name it. */
static const char *patterns_dirs(void)
{
	return hyph_user_dir() ? "MKBRIEF_HYPHEN_DIR, /usr/share/hyphen" : "/usr/share/hyphen";
}

/* Reports (at at) that lang has no hyphenation patterns installed; 0 when it has (or is NULL). */
static int no_patterns(const char *lang, loc at, diag *d)
{
	if (!lang || hyph_installed(lang))
		return 0;
	char *have = hyph_installed_list();
	diag_error(d, at, "no hyphenation patterns for lang '%s'", lang);
	diag_note(d, at, "the patterns installed (%s) are for: %s", patterns_dirs(), have);
	free(have);
	/* a brief in English quoting German sources needs none: its lang is the brief's words' */
	char *pkg = patterns_package(lang);
	diag_note(d, at, "install them (Debian, Ubuntu: apt install %s), or give the language of the brief's own words "
		  "(en-US for one in English that quotes sources in other languages)", pkg);
	g_free(pkg);
	return 1;
}

/* Whether the brief prints words of source i: a quote or excerpt of it, or the annex. */
static int prints_source(const brief *b, size_t i)
{
	if (b->annex)
		return 1;
	for (size_t k = 0; k < b->nsections; k++)
		for (size_t j = 0; j < b->sections[k].nblocks; j++) {
			const block *bl = &b->sections[k].blocks[j];
			if ((bl->kind == BLOCK_QUOTE || bl->kind == BLOCK_EXCERPT) && bl->source == (int)i)
				return 1;
		}
	return 0;
}

/* A source in a language with no patterns installed is set unhyphenated (never with the
 * brief's patterns, which break its words wrongly): a warning, once a language, at the
 * first source printed in it. */
static void source_patterns(const brief *b, const style *st, diag *d)
{
	for (size_t i = 0; i < b->nsources && st->hyphenate; i++) {
		const source *s = &b->sources[i];
		if (!s->lang || hyph_installed(s->lang) || !prints_source(b, i))
			continue;
		int said = 0;
		for (size_t j = 0; j < i && !said; j++)
			said = b->sources[j].lang && !g_ascii_strcasecmp(b->sources[j].lang, s->lang) && prints_source(b, j);
		if (said)
			continue;
		char *have = hyph_installed_list(), *pkg = patterns_package(s->lang);
		diag_warning(d, s->lang_at, "no hyphenation patterns for lang '%s': the words of source '%s' are set unhyphenated",
			     s->lang, s->id);
		diag_note(d, s->lang_at, "the patterns installed (%s) are for: %s; to hyphenate them, install "
			  "%s (Debian, Ubuntu: apt install %s)", patterns_dirs(), have, pkg, pkg);
		free(have);
		g_free(pkg);
	}
}

static int typeset(const cli_options *o, const brief *b, const char *data, build_cache *cache, GPtrArray *read,
		   diag *d)
{
	int layout_errors = 0;
	style *st = load_layout(o, b, data, &layout_errors, d);
	if (!st)
		return 1;
	if (read)
		g_ptr_array_add(read, g_strdup(st->path));
	const char *lang = b->lang ? b->lang : st->lang;
	loc layout_lang_at = st->lang_at.file ? st->lang_at : loc_at(st->path, 0, 0);
	int bad_langs = no_patterns(lang, b->lang ? b->lang_at : layout_lang_at, d);
	/* the layout's own language is checked even when the brief's overrides it: a layout
	 * passes or fails whatever brief uses it (a layouts trial) */
	if (b->lang && st->lang_at.file)
		bad_langs += no_patterns(st->lang, st->lang_at, d);
	if (bad_langs) {
		style_free(st);
		return 1;
	}
	source_patterns(b, st, d);
	build_cache own = {0};
	if (setup_engine(o, lang, b->hyphenation, data, cache, &own, d) != 0) {
		style_free(st);
		return 1;
	}
	build_cache *t = cache ? cache : &own;
	/* the families are checked after the layout's other errors, in the same run */
	if (check_families(st, t->f, d) != 0 || check_markers(st, t->engine, d) != 0 || layout_errors) {
		build_cache_forget_fonts(&own);
		style_free(st);
		return 1;
	}
	int rc = 1;
	doc *dc = doc_compose(b, st, t->engine, d);
	if (d->errors == 0 && doc_flow(dc, d) == 0) {
		print_stats(dc);
		if (o->dump) {
			doc_dump(dc, stdout);
			rc = 0;
		} else if (!o->check) {
			char *out = o->output ? xstrdup(o->output) : build_default_output(b->path, o->format);
			/* everything read, so that no output replaces an input */
			file_set inputs = {0};
			file_set_add(&inputs, b->path, "the brief");
			file_set_add(&inputs, st->path, "the layout");
			for (size_t i = 0; i < b->nsources; i++)
				if (b->sources[i].art && !b->sources[i].art_shared) {
					char *name = xasprintf("the source file %s", b->sources[i].file);
					file_set_add(&inputs, b->sources[i].path, name);
					free(name);
				}
			for (size_t i = 0; i < b->nsections; i++)
				for (size_t j = 0; j < b->sections[i].nblocks; j++) {
					const block *bl = &b->sections[i].blocks[j];
					const figure *f = bl->kind == BLOCK_FIGURE ? bl->data : NULL;
					if (f && f->path) {
						char *name = xasprintf("the figure file %s", f->file);
						file_set_add(&inputs, f->path, name);
						free(name);
					}
				}
			fonts_add_files(t->f, &inputs);
			rc = render_output(dc, t->ctx, o->format, out, o->dpi,
					   o->pdf_a || st->pdf_standard == PDF_STANDARD_A2B, &inputs, d) == 0 ? 0 : 1;
			file_set_free(&inputs);
			free(out);
		} else {
			rc = 0;
		}
	}
	doc_free(dc);
	build_cache_forget_fonts(&own);
	style_free(st);
	return rc;
}

/* The files a brief reads besides its layout and fonts: its sources and figures. */
static void add_brief_files(const brief *b, GPtrArray *read)
{
	for (size_t i = 0; i < b->nsources; i++)
		if (b->sources[i].path)
			g_ptr_array_add(read, g_strdup(b->sources[i].path));
	for (size_t i = 0; i < b->nsections; i++)
		for (size_t j = 0; j < b->sections[i].nblocks; j++) {
			const block *bl = &b->sections[i].blocks[j];
			if (bl->kind == BLOCK_FIGURE && bl->data && ((const figure *)bl->data)->path)
				g_ptr_array_add(read, g_strdup(((const figure *)bl->data)->path));
		}
}

void build_brief_files(const char *brief_path, GPtrArray *read)
{
	FILE *sink = fopen("/dev/null", "w");
	if (!sink)
		return;
	diag d;
	diag_init(&d, sink);
	d.quiet = 1;
	brief *b = brief_load_partial(brief_path, &d);
	if (b) {
		add_brief_files(b, read);
		brief_free(b);
	}
	diag_finish(&d);
	fclose(sink);
}

int build_run(const cli_options *o, build_cache *cache, GPtrArray *read)
{
	diag d;
	diag_init(&d, stderr);
	d.quiet = o->quiet;
	if (o->color >= 0)
		d.color = o->color;
	if (output_check_date_env(&d) != 0)
		return 2;
	/* a brief with errors is still resolved, so that quotes not found come in the same run */
	brief *b = brief_load_partial(o->brief, &d);
	if (!b) {
		diag_finish(&d);
		return 1;
	}
	if (read)
		add_brief_files(b, read);
	int rc = 1;
	const char *env_root = getenv("MKBRIEF_ROOT");
	b->root = o->root ? o->root : env_root && *env_root ? env_root : NULL;
	b->articles = cache ? cache->articles : NULL;
	if (o->annex)
		b->annex = 1;
	char *data = data_dir();
	if (brief_resolve(b, &d) == 0 && b->load_errors == 0) {
		rc = typeset(o, b, data, cache, read, &d);
	} else {
		/* the layout's errors (an unknown name, a bad key) come in the same run as the
		 * sources' and the brief's own */
		int layout_errors = 0;
		style *st = load_layout(o, b, data, &layout_errors, &d);
		if (st && !layout_errors)
			doc_check_markings(b, st, &d);
		style_free(st);
	}
	free(data);
	brief_free(b);
	diag_finish(&d);
	return rc;
}

int cmd_build(const cli_options *o)
{
	return build_run(o, NULL, NULL);
}
