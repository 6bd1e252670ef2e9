/* cli.h: the options of `mkbrief BRIEF.yaml`, which main.c reads and build.c runs. */
#ifndef MKBRIEF_CLI_H
#define MKBRIEF_CLI_H

#include <glib.h>

typedef struct cli_options {
	const char *brief;
	const char *output;   /* NULL: brief's base name + extension, in the current directory */
	const char *layout;   /* --layout, overrides the brief */
	const char *format;   /* pdf, png, svg, ps */
	const char *fonts_dir;
	const char *root;     /* --root: sources may lie anywhere under it (default: the brief's dir) */
	int dpi;
	int check, quiet, dump;
	int annex; /* --annex: as the brief's annex: true */
	int pdf_a; /* --pdf-a: PDF/A-2b (as the layout's pdf.standard: a-2b) */
	int color; /* --color: 1 always, 0 never, -1 auto (a terminal, without NO_COLOR) */
} cli_options;

/* mkbrief [options] BRIEF.yaml; returns the exit status (0, 1 input errors). */
int cmd_build(const cli_options *o);
/* mkbrief [options] A.yaml B.yaml...: each brief to its own output in one process (fonts,
 * patterns and articles loaded once), or in jobs processes at once; a failing brief does
 * not stop the others; returns the worst status. */
int cmd_build_many(const cli_options *o, const char *const *briefs, size_t n, int jobs);
/* Adds to `read` the files brief_path reads besides its layout and fonts (its sources and
 * figures), as far as it loads; says nothing of what is wrong with it. */
void build_brief_files(const char *brief_path, GPtrArray *read);
/* The output a brief is written to by default: its name with the format's extension, in
 * the current directory. Caller frees. */
char *build_default_output(const char *brief_path, const char *format);
/* mkbrief watch BRIEF.yaml [options]: builds, then builds again on every change; runs
 * until a signal ends it. */
int cmd_watch(const cli_options *o);
/* What a process that builds again and again (watch) keeps between runs: the fonts, the
 * engine with its shaped words and hyphenation patterns, the parsed articles, the decoded
 * figures; with keep_lines, also every paragraph's lines (watch's builds of one brief share
 * most paragraphs; the briefs of one batch do not, and would only hold more memory). */
typedef struct build_cache build_cache;
build_cache *build_cache_new(int keep_lines);
void build_cache_free(build_cache *c);
/* After a font file changed: the next run loads the fonts again. */
void build_cache_forget_fonts(build_cache *c);
/* One build, as cmd_build, with cache (NULL: none); read (NULL: not wanted) gets the path
 * of every file the run read or would have read besides the brief and the fonts: sources,
 * figures, the layout (g_strdup'd). */
int build_run(const cli_options *o, build_cache *cache, GPtrArray *read);

#endif
