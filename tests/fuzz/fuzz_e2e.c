/* fuzz_e2e.c: libFuzzer target for the whole pipeline. The input is a brief's YAML text;
 * it is parsed, resolved against the shipped articles (briefs/articles), laid out with a
 * shipped layout (layouts/), flowed onto pages, and every page is rendered into a PDF in
 * memory, which then gets its links as mkbrief adds them. Nothing is written to disk.
 *
 * Where sources are found: a source's `file:` is read relative to the directory the
 * shipped briefs use for that form of path, so that every seed resolves as it does from
 * its own place: `articles/NAME.txt` from briefs/, `../../briefs/articles/NAME.txt` from
 * tests/cli/, `../../../briefs/articles/NAME.txt` from a tests/golden/ fixture. Whatever
 * then does not name a file inside briefs/articles/ (an absolute path, /dev/stdin, the
 * 50 MB scalar of tests/bad) is given a path that does not exist, so it is reported as a
 * missing source: the fuzzer never reads other files and never blocks on a device.
 *
 * The data directory (layouts/, fonts/) is MKBRIEF_DATA, else the repository the binary
 * sits in or was built from (data_dir(), as mkbrief finds it). The fonts and the Pango
 * context are made once and shared by every input; the hyphenator, the layout and the
 * document are made per input, as mkbrief makes them per run. A brief with no `layout:`
 * gets handout, handout-a4 or digest by its size, as `--layout` would give it.
 *
 * Work per input is bounded so that libFuzzer's -timeout means something: inputs over
 * 64 KiB are skipped, and so is a resolved brief that would print more than E2E_MAX_TEXT
 * bytes of text (aliases and `paragraphs: 1-9` make a small brief print a lot: that is
 * legitimate, and only slow).
 *
 * FUZZ_E2E_VERBOSE=1 prints mkbrief's messages and, per input, how far it got (replay:
 * `build/tests/replay_e2e FILE`). */
#define _XOPEN_SOURCE 700 /* realpath */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load/brief.h"
#include "cli.h"
#include "base/datapath.h"
#include "layout/compose.h"
#include "layout/doc.h"
#include "layout/dump.h"
#include "layout/flow.h"
#include "typeset/fonts.h"
#include "typeset/shape.h"
#include "render/output.h"
#include "render/pdffinish.h"
#include "render/render.h"
#include "resolve/resolve.h"
#include "load/style.h"
#include "base/util.h"

#define E2E_MAX_INPUT (64u << 10)
#define E2E_MAX_TEXT (128u << 10)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct {
	int ready;
	char *data;     /* layouts/ and fonts/ */
	char *layouts;
	char *articles; /* realpath of briefs/articles */
	char *dirs[4];  /* brief directory by the number of leading "../": 0, 1, 2, 3 */
	char *missing;  /* a path that does not exist, for sources outside briefs/articles */
	FILE *null;
	int verbose;
	fonts *f;
	PangoContext *ctx;
} G;

static void setup(void)
{
	if (G.ready)
		return;
	G.ready = 1;
	const char *v = getenv("FUZZ_E2E_VERBOSE");
	G.verbose = v && strcmp(v, "1") == 0;
	G.null = G.verbose ? stderr : fopen("/dev/null", "w");
	if (!G.null)
		abort();
	G.data = data_dir();
	G.layouts = path_join(G.data, "layouts");
	char *arts = path_join(G.data, "briefs/articles");
	G.articles = realpath(arts, NULL);
	if (!G.articles) {
		fprintf(stderr, "fuzz_e2e: no %s (set MKBRIEF_DATA to the repository)\n", arts);
		abort();
	}
	free(arts);
	G.dirs[0] = path_join(G.data, "briefs");
	G.dirs[1] = path_join(G.data, "briefs/articles");
	G.dirs[2] = path_join(G.data, "tests/cli");
	G.dirs[3] = path_join(G.data, "tests/golden/korea-handout");
	G.missing = path_join(G.articles, ".fuzz-e2e-no-such-file.txt");
	diag d;
	diag_init(&d, stderr);
	char *fontdir = path_join(G.data, "fonts");
	G.f = fonts_new(fontdir, NULL, &d);
	free(fontdir);
	if (!G.f)
		abort();
	G.ctx = fonts_context_new(G.f);
	pango_cairo_context_set_resolution(G.ctx, 72.0);
}

/* The path a source is read from: see the comment at the top. */
static char *source_path(const char *file)
{
	int up = 0;
	const char *p = file;
	while (strncmp(p, "../", 3) == 0) {
		up++;
		p += 3;
	}
	char *joined = path_join(G.dirs[up < 4 ? up : 0], file);
	char *real = realpath(joined, NULL);
	free(joined);
	size_t n = strlen(G.articles);
	struct stat st;
	if (real && strncmp(real, G.articles, n) == 0 && real[n] == '/' && stat(real, &st) == 0 &&
	    S_ISREG(st.st_mode))
		return real;
	free(real);
	return xstrdup(G.missing);
}

/* Bytes of text the brief would print: a cheap bound on the work of laying it out. */
static size_t printed_text(const brief *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->nsummary; i++)
		n += strlen(b->summary[i].text ? b->summary[i].text : "");
	for (size_t i = 0; i < b->nsections; i++) {
		const section *sec = &b->sections[i];
		n += sec->heading ? strlen(sec->heading) : 0;
		for (size_t k = 0; k < sec->nblocks; k++) {
			const block *bl = &sec->blocks[k];
			for (size_t j = 0; j < bl->nitems; j++)
				n += bl->items[j].text ? strlen(bl->items[j].text) : 0;
			for (size_t j = 0; j < bl->nspans; j++)
				n += bl->spans[j].r.end - bl->spans[j].r.start;
			n += 64; /* a block's own lines: citation, speaker, note */
		}
	}
	return n;
}

static cairo_status_t buffer_write(void *closure, const unsigned char *data, unsigned int len)
{
	sb_append(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* What the flow hands the renderer must lie on the pages it made. */
static void check_flow(const doc *dc)
{
	if (dc->npages < 1 || dc->npages > DOC_MAX_PAGES)
		__builtin_trap();
	for (size_t i = 0; i < dc->nitems; i++) {
		const vitem *it = &dc->items[i];
		if (it->page < 0)
			continue;
		if (it->page >= dc->npages || it->col < 0 || it->col >= dc->st->columns || !(it->y >= 0) ||
		    !(it->y <= dc->st->page_h))
			__builtin_trap();
	}
	for (size_t i = 0; i < dc->noutline; i++)
		if (dc->outline[i].item < 0 || (size_t)dc->outline[i].item >= dc->nitems)
			__builtin_trap();
	for (size_t i = 0; i < dc->nanchors; i++)
		if (dc->anchors[i].item < 0 || (size_t)dc->anchors[i].item >= dc->nitems)
			__builtin_trap();
}

/* The PDF as output.c writes it: metadata, page labels, every page with its links and
 * structure tags, the outline, then the finishing pass (links, structure tree, artifacts). */
static size_t render_pdf(const doc *dc)
{
	strbuf pdf = {0};
	pdf_marks *links = pdf_marks_new();
	cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(buffer_write, &pdf, dc->st->page_w, dc->st->page_h);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, dc->b->title ? dc->b->title : "");
	if (dc->b->author)
		cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_AUTHOR, dc->b->author);
	cairo_t *cr = cairo_create(surf);
	for (int p = 0; p < dc->npages; p++) {
		char label[16];
		snprintf(label, sizeof label, "%d", p + 1);
		cairo_pdf_surface_set_page_label(surf, label);
		render_page(cr, dc, G.ctx, p, links);
		cairo_show_page(cr);
	}
	int ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	cairo_destroy(cr);
	for (size_t i = 0; ok && i < dc->noutline; i++) {
		const vitem *it = &dc->items[dc->outline[i].item];
		if (it->page < 0)
			continue;
		char *attr = xasprintf("page=%d pos=[%.2f %.2f]", it->page + 1, dc->st->margin_left, it->y);
		cairo_pdf_surface_add_outline(surf, CAIRO_PDF_OUTLINE_ROOT, dc->outline[i].title, attr, 0);
		free(attr);
	}
	cairo_surface_finish(surf);
	ok = ok && cairo_surface_status(surf) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(surf);
	/* cairo failing on what mkbrief drew, or the finishing pass not understanding cairo's
	 * file, would be a PDF mkbrief refuses to write: a bug either way */
	if (!ok || pdf.len < 5 || memcmp(pdf.data, "%PDF-", 5) != 0)
		__builtin_trap();
	strbuf out = {0};
	char *why = NULL;
	pdf_io io = {.in_data = pdf.data, .in_len = pdf.len, .write = buffer_write, .closure = &out};
	if (pdf_finish(&io, dc, links, 0, &why) != 0)
		__builtin_trap();
	sb_free(&out);
	pdf_marks_free(links);
	size_t len = pdf.len;
	sb_free(&pdf);
	return len;
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	if (!G.verbose)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("fuzz_e2e: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > E2E_MAX_INPUT)
		return 0;
	setup();
	say("input of %zu bytes", size);
	diag d;
	diag_init(&d, G.null);
	char *display = path_join(G.dirs[0], "fuzz.yaml");
	brief *b = brief_parse((const char *)data, size, display, &d);
	free(display);
	if (!b) {
		say("not a valid brief");
		return 0;
	}
	for (size_t i = 0; i < b->nsources; i++) {
		source *s = &b->sources[i];
		if (!s->file)
			continue;
		char *path = source_path(s->file);
		s->path = brief_keep(b, path);
		free(path);
	}
	/* the one directory sources may come from, as `mkbrief --root` would make it */
	b->root = G.articles;
	if (brief_resolve(b, &d) != 0) {
		say("does not resolve");
		brief_free(b);
		return 0;
	}
	size_t text = printed_text(b);
	if (text > E2E_MAX_TEXT) {
		say("skipped: would print %zu bytes of text", text);
		brief_free(b);
		return 0;
	}
	static const char *const layouts[] = {"handout", "handout-a4", "digest"};
	const char *layout = b->layout ? b->layout : layouts[size % 3];
	const char *dirs[] = {G.layouts, NULL};
	style *st = style_load(layout, dirs, b->layout ? b->layout_at : loc_none(), &d);
	if (st) {
		para_engine *engine = para_engine_new(G.ctx, hyph_new(b->lang ? b->lang : st->lang));
		doc *dc = doc_compose(b, st, engine, &d);
		if (d.errors == 0 && doc_flow(dc, &d) == 0) {
			check_flow(dc);
			size_t len = render_pdf(dc);
			say("layout %s: %zu bytes of text, %d pages, PDF of %zu bytes", layout, text, dc->npages, len);
		} else {
			say("layout %s: does not lay out", layout);
		}
		doc_free(dc);
		para_engine_free(engine);
		style_free(st);
	}
	brief_free(b);
	return 0;
}
