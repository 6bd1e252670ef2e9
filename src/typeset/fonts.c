/* fonts.c: a Pango font map that sees only the bundled fonts (and --fonts DIR). */
#include "typeset/fonts.h"

#include <dirent.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/util.h"

struct fonts {
	FcConfig *cfg; /* private: never the process-wide current config */
	PangoFontMap *map;
	file_set files; /* the font files added */
};

static int font_count(FcConfig *cfg)
{
	FcFontSet *set = FcConfigGetFonts(cfg, FcSetApplication);
	return set ? set->nfont : 0;
}

static int is_font_file(const char *name)
{
	static const char *const exts[] = {".ttf", ".otf", ".ttc", ".otc", NULL};
	size_t n = strlen(name);
	for (size_t i = 0; exts[i]; i++) {
		size_t e = strlen(exts[i]);
		if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
			return 1;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the font files of one directory (not its subdirectories) and reports when it
 * contributes nothing: a font directory without fonts is a mistake on the command line
 * or a broken checkout, and silently falling back would print boxes.
 * File by file rather than FcConfigAppFontAddDir: adding a directory makes fontconfig
 * try to write a cache, and with no cache directory configured it complains on stderr.
 * Sorting the names keeps the font set in the same order on every file system. */
static int add_dir(FcConfig *cfg, const char *dir, const char *what, file_set *files, diag *d)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		if (errno == ENOTDIR)
			diag_error(d, loc_none(), "%s '%s' is not a directory", what, dir);
		else
			diag_error(d, loc_none(), "%s '%s': %s", what, dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!is_font_file(de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (n > 1) /* qsort may not be given NULL, even for no elements */
		qsort(names, n, sizeof *names, cmp_str);
	int before = font_count(cfg), rc = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		struct stat st;
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			/* fontconfig would wait forever on a FIFO */
			diag_error(d, loc_none(), "%s: not a regular file", path);
			rc = -1;
		} else if (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)path)) {
			diag_error(d, loc_none(), "%s: not a font fontconfig can read", path);
			rc = -1;
		} else {
			char *name = xasprintf("the font %s", path);
			file_set_add(files, path, name);
			free(name);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	if (rc == 0 && font_count(cfg) == before) {
		diag_error(d, loc_none(), "%s '%s' holds no fonts (.ttf, .otf)", what, dir);
		rc = -1;
	}
	return rc;
}

/* Pango 1.50 starts a "[pango] fontconfig" thread with every fc font map that calls
 * FcInit() on fontconfig's process-wide default configuration, even when the map is then
 * given a private one. FcInit reads /etc/fonts, the system font caches, FONTCONFIG_FILE
 * and ~/.config/fontconfig, may write caches under ~/.cache, and prints a broken user
 * fonts.conf's complaints on our stderr at a random moment. Installing an empty default
 * first makes that FcInit a no-op. This is the one piece of process-wide state mkbrief
 * touches: nothing in mkbrief matches fonts through the default config (all text goes
 * through the private map), and an empty config is what the default should be for a
 * program that must print only with its bundled fonts. fontconfig keeps the reference. */
static void neutralise_default_config(void)
{
	FcConfig *empty = FcConfigCreate();
	if (empty) {
		FcConfigSetCurrent(empty);
		FcConfigDestroy(empty);
	}
}

fonts *fonts_new(const char *dir, const char *extra_dir, diag *d)
{
	/* FcConfigCreate() reads no configuration file at all: no system fonts.conf, no
	 * ~/.config/fontconfig, no FONTCONFIG_FILE, and so no <dir> and no <cachedir>:
	 * fontconfig reads our few files in memory and writes no cache anywhere. */
	FcConfig *cfg = FcConfigCreate();
	if (!cfg) {
		diag_error(d, loc_none(), "cannot create a fontconfig configuration");
		return NULL;
	}
	file_set files = {0};
	if (add_dir(cfg, dir, "fonts directory", &files, d) != 0 ||
	    (extra_dir && add_dir(cfg, extra_dir, "--fonts directory", &files, d) != 0)) {
		file_set_free(&files);
		FcConfigDestroy(cfg);
		return NULL;
	}
	/* A face with no bold of its own (Noto Sans Math, which alone has the minus sign and
	 * the arrows) is emboldened where bold is asked for, as fontconfig's 90-synthetic.conf
	 * does: a minus in a bold heading was a hairline beside bold digits (a trial). */
	static const char synthetic_bold[] =
		"<fontconfig><match target=\"font\">"
		"<test name=\"weight\" compare=\"less_eq\"><const>medium</const></test>"
		"<test target=\"pattern\" name=\"weight\" compare=\"more_eq\"><const>bold</const></test>"
		"<edit name=\"embolden\" mode=\"assign\"><bool>true</bool></edit>"
		"<edit name=\"weight\" mode=\"assign\"><const>bold</const></edit>"
		"</match></fontconfig>";
	FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)synthetic_bold, FcFalse);
	neutralise_default_config();
	fonts *f = xcalloc(1, sizeof *f);
	f->cfg = cfg;
	f->files = files;
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!f->map) {
		diag_error(d, loc_none(), "cairo has no FreeType font support");
		fonts_free(f);
		return NULL;
	}
	/* The map takes its own reference; ours is released in fonts_free. */
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), cfg);
	/* librsvg sets an SVG figure's text through this thread's default Pango map: it must
	 * be ours, the bundled fonts, or that text would find no font at all (the default
	 * config is empty). Process state a library forces; fonts_free puts it back. */
	pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(f->map));
	return f;
}

void fonts_free(fonts *f)
{
	if (!f)
		return;
	if (f->map) {
		if (pango_cairo_font_map_get_default() == f->map)
			pango_cairo_font_map_set_default(NULL);
		g_object_unref(f->map);
	}
	FcConfigDestroy(f->cfg);
	file_set_free(&f->files);
	free(f);
}

void fonts_add_files(const fonts *f, file_set *set)
{
	file_set_merge(set, &f->files);
}

PangoFontMap *fonts_map(fonts *f)
{
	return f->map;
}

PangoContext *fonts_context_new(fonts *f)
{
	PangoContext *ctx = pango_font_map_create_context(f->map);
	/* Rounded positions and hinted metrics depend on the device resolution; turning
	 * both off makes a line break in the same place in PDF, PNG and --dump-layout. */
	pango_context_set_round_glyph_positions(ctx, FALSE);
	/* A brief's paragraphs run left to right, as its language does (a line of Hebrew
	 * or Arabic in one is still set right to left within the line): a paragraph whose
	 * first strong letter is Hebrew set flush right left its bullet alone at the left. */
	pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	return ctx;
}

static gint by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char **fonts_families(fonts *f)
{
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	FcFontSet *set = FcFontList(f->cfg, pat, os);
	GPtrArray *names = g_ptr_array_new();
	for (int i = 0; set && i < set->nfont; i++) {
		FcChar8 *fam = NULL;
		if (FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &fam) != FcResultMatch)
			continue;
		int seen = 0;
		for (guint k = 0; k < names->len && !seen; k++)
			seen = strcmp(names->pdata[k], (const char *)fam) == 0;
		if (!seen)
			g_ptr_array_add(names, g_strdup((const char *)fam));
	}
	if (set)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	g_ptr_array_sort(names, by_name);
	g_ptr_array_add(names, NULL);
	return (char **)g_ptr_array_free(names, FALSE);
}

int fonts_has_family(fonts *f, const char *family)
{
	if (!family || !*family)
		return 0;
	/* Ask fontconfig directly: listing Pango families would load every face. */
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	FcFontSet *set = FcFontList(f->cfg, pat, os);
	int found = set && set->nfont > 0;
	if (set)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return found;
}
