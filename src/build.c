/* build.c: `mkbrief BRIEF.yaml`: runs the pipeline load → resolve → lay out → render. */
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "load/brief.h"
#include "cli.h"
#include "base/diag.h"
#include "layout/compose.h"
#include "layout/doc.h"
#include "layout/dump.h"
#include "layout/flow.h"
#include "typeset/fonts.h"
#include "typeset/shape.h"
#include "render/output.h"
#include "resolve/resolve.h"
#include "load/style.h"
#include "base/util.h"

char *data_dir(void)
{
	const char *env = getenv("MKBRIEF_DATA");
	if (env && *env)
		return xstrdup(env);
	char *bin = exe_dir();
	if (bin) {
		/* build/mkbrief and build/asan/mkbrief both sit below the source tree */
		for (int up = 0; up < 3; up++) {
			char *probe = xasprintf("%s/layouts/handout.yaml", bin);
			int ok = access(probe, R_OK) == 0;
			free(probe);
			if (ok)
				return bin;
			char *parent = path_dirname(bin);
			free(bin);
			bin = parent;
		}
		free(bin);
	}
	return xstrdup(MKBRIEF_DATADIR);
}

/* korea-jan2018.yaml → korea-jan2018.pdf, in the current directory */
static char *default_output(const char *brief_path, const char *format)
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
		"tightened %lu loosened %lu peak-rss-after-flow %ld KiB\n",
		dc->npages, dc->nparas, hits, misses, hits + misses ? 100.0 * hits / (double)(hits + misses) : 0.0,
		dc->engine ? dc->engine->tightened : 0, dc->engine ? dc->engine->loosened : 0, ru.ru_maxrss);
}

static int typeset(const cli_options *o, const brief *b, const char *data, diag *d)
{
	const char *layout_name = o->layout ? o->layout : (b->layout ? b->layout : "handout");
	loc at = o->layout ? loc_none() : b->layout_at;
	char *layouts = xasprintf("%s/layouts", data);
	style *st = style_load(layout_name, layouts, at, d);
	free(layouts);
	if (!st)
		return 1;
	const char *lang = b->lang ? b->lang : st->lang;
	if (lang && !hyph_installed(lang)) {
		char *have = hyph_installed_list();
		diag_error(d, b->lang_at, "no hyphenation patterns for lang '%s'", lang);
		diag_note(d, b->lang_at, "the patterns installed (/usr/share/hyphen) are for: %s", have);
		free(have);
		style_free(st);
		return 1;
	}
	/* loads on its own thread while the fonts are set up; the engine owns it */
	hyphenator *hyph = hyph_new(lang);
	char *fontdir = xasprintf("%s/fonts", data);
	fonts *f = fonts_new(fontdir, o->fonts_dir, d);
	free(fontdir);
	if (!f) {
		hyph_free(hyph);
		style_free(st);
		return 1;
	}
	PangoContext *ctx = fonts_context_new(f);
	pango_cairo_context_set_resolution(ctx, 72.0);
	int rc = 1;
	doc *dc = doc_compose(b, st, ctx, hyph, d);
	if (d->errors == 0 && doc_flow(dc, d) == 0) {
		print_stats(dc);
		if (o->dump) {
			doc_dump(dc, stdout);
			rc = 0;
		} else if (!o->check) {
			char *out = o->output ? xstrdup(o->output) : default_output(b->path, o->format);
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
			fonts_add_files(f, &inputs);
			rc = render_output(dc, ctx, o->format, out, o->dpi, &inputs, d) == 0 ? 0 : 1;
			file_set_free(&inputs);
			free(out);
		} else {
			rc = 0;
		}
	}
	doc_free(dc);
	g_object_unref(ctx);
	fonts_free(f);
	style_free(st);
	return rc;
}

int cmd_build(const cli_options *o)
{
	diag d;
	diag_init(&d, stderr);
	d.quiet = o->quiet;
	if (output_check_date_env(&d) != 0)
		return 2;
	/* a brief with errors is still resolved, so that quotes not found come in the same run */
	brief *b = brief_load_partial(o->brief, &d);
	if (!b) {
		diag_finish(&d);
		return 1;
	}
	int rc = 1;
	const char *env_root = getenv("MKBRIEF_ROOT");
	b->root = o->root ? o->root : env_root && *env_root ? env_root : NULL;
	if (brief_resolve(b, &d) == 0 && b->load_errors == 0) {
		char *data = data_dir();
		rc = typeset(o, b, data, &d);
		free(data);
	}
	brief_free(b);
	diag_finish(&d);
	return rc;
}
