/* test_fonts.c: the private font map sees fonts/ and nothing else on the machine. */
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "typeset/fonts.h"
#include "base/util.h"

/* The file behind the font Pango picks for the first character of text in family. */
static char *file_for(PangoContext *ctx, const char *family, int bold, int italic, const char *text)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, 10 * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	PangoLayout *lay = pango_layout_new(ctx);
	pango_layout_set_font_description(lay, fd);
	pango_layout_set_text(lay, text, -1);
	char *file = NULL;
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
	if (run) {
		PangoFont *font = run->item->analysis.font;
		FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
		FcChar8 *fn = NULL;
		if (FcPatternGetString(pat, FC_FILE, 0, &fn) == FcResultMatch)
			file = xstrdup(path_basename((const char *)fn));
	}
	pango_layout_iter_free(it);
	g_object_unref(lay);
	pango_font_description_free(fd);
	return file;
}

/* 1 if every glyph of text was found in the fonts (no unknown-glyph boxes). */
static int all_glyphs(PangoContext *ctx, const char *family, const char *text)
{
	PangoFontDescription *fd = pango_font_description_from_string(family);
	pango_font_description_set_absolute_size(fd, 10 * PANGO_SCALE);
	PangoLayout *lay = pango_layout_new(ctx);
	pango_layout_set_font_description(lay, fd);
	pango_layout_set_text(lay, text, -1);
	int ok = pango_layout_get_unknown_glyphs_count(lay) == 0;
	g_object_unref(lay);
	pango_font_description_free(fd);
	return ok;
}

static char *pick(const char *family, int bold, int italic)
{
	diag d;
	diag_init(&d, stderr);
	fonts *f = fonts_new("fonts", NULL, &d);
	if (!f)
		return NULL;
	PangoContext *ctx = fonts_context_new(f);
	char *file = file_for(ctx, family, bold, italic, "Hello");
	g_object_unref(ctx);
	fonts_free(f);
	return file;
}

static char *capture_new(const char *dir, const char *extra, int *ok)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, mem);
	fonts *f = fonts_new(dir, extra, &d);
	*ok = f != NULL;
	fonts_free(f);
	fclose(mem);
	return buf;
}

/* `test_fonts --probe`: loads the fonts and lays out one line, nothing else, for
 * tests/sh/fonts.sh to watch with strace and a hostile HOME. */
static int probe(void)
{
	diag d;
	diag_init(&d, stderr);
	fonts *f = fonts_new("fonts", NULL, &d);
	if (!f)
		return 1;
	PangoContext *ctx = fonts_context_new(f);
	char *file = file_for(ctx, "Noto Serif", 0, 0, "Probe");
	printf("%s\n", file ? file : "(none)");
	free(file);
	g_object_unref(ctx);
	fonts_free(f);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--probe") == 0)
		return probe();
	diag d;
	diag_init(&d, stderr);
	fonts *f = fonts_new("fonts", NULL, &d);
	CHECK("fonts/ loads", f != NULL);
	if (!f)
		CHECK_DONE();
	CHECK("has Noto Serif", fonts_has_family(f, "Noto Serif"));
	CHECK("has Noto Sans", fonts_has_family(f, "Noto Sans"));
	CHECK("family match ignores case", fonts_has_family(f, "noto serif"));
	CHECK("no DejaVu Sans (a system font)", !fonts_has_family(f, "DejaVu Sans"));
	CHECK("no Liberation Serif", !fonts_has_family(f, "Liberation Serif"));
	CHECK("empty family is not a family", !fonts_has_family(f, ""));

	PangoContext *ctx = fonts_context_new(f);
	CHECK("context on the private map", pango_context_get_font_map(ctx) == fonts_map(f));
	CHECK("glyph positions not rounded", !pango_context_get_round_glyph_positions(ctx));
	const cairo_font_options_t *fo = pango_cairo_context_get_font_options(ctx);
	CHECK("hinting off", fo && cairo_font_options_get_hint_style(fo) == CAIRO_HINT_STYLE_NONE);
	CHECK("hinted metrics off", fo && cairo_font_options_get_hint_metrics(fo) == CAIRO_HINT_METRICS_OFF);

	static const struct {
		const char *family;
		int bold, italic;
		const char *file;
	} picks[] = {
		{"Noto Serif", 0, 0, "NotoSerif-Regular.ttf"},
		{"Noto Serif", 0, 1, "NotoSerif-Italic.ttf"},
		{"Noto Serif", 1, 0, "NotoSerif-Bold.ttf"},
		{"Noto Serif", 1, 1, "NotoSerif-BoldItalic.ttf"},
		{"Noto Sans", 0, 0, "NotoSans-Regular.ttf"},
		{"Noto Sans", 0, 1, "NotoSans-Italic.ttf"},
		{"Noto Sans", 1, 0, "NotoSans-Bold.ttf"},
		{"Noto Sans", 1, 1, "NotoSans-BoldItalic.ttf"},
	};
	for (size_t i = 0; i < sizeof picks / sizeof picks[0]; i++) {
		char *file = file_for(ctx, picks[i].family, picks[i].bold, picks[i].italic, "Hello");
		char *name = xasprintf("%s%s%s comes from fonts/%s", picks[i].family, picks[i].bold ? " bold" : "",
				       picks[i].italic ? " italic" : "", picks[i].file);
		CHECK_STR(name, file, picks[i].file);
		free(name);
		free(file);
	}
	/* A family that is not bundled must still come from fonts/, never from the system. */
	char *file = file_for(ctx, "DejaVu Sans", 0, 0, "Hello");
	CHECK("DejaVu Sans resolves to a bundled Noto file", file && strncmp(file, "Noto", 4) == 0);
	free(file);
	file = file_for(ctx, "sans-serif", 0, 0, "Hello");
	CHECK("sans-serif resolves to a bundled Noto file", file && strncmp(file, "Noto", 4) == 0);
	free(file);

	/* What quotes and handouts need, in every bundled face. */
	static const char need[] = "Latin ÀÉÎÕÜ ßçñ; Кириллица: 83М6Е2 вероятный противник; "
				   "dashes \xE2\x80\x93 \xE2\x80\x94; quotes \xE2\x80\x9C\xE2\x80\x9D "
				   "\xE2\x80\x98\xE2\x80\x99; ellipsis \xE2\x80\xA6 [\xE2\x80\xA6]; "
				   "nbsp\xC2\xA0; \xE2\x80\xA2 bullet; \xC2\xA7 \xE2\x84\x96";
	static const char *const faces[] = {"Noto Serif", "Noto Serif Italic", "Noto Serif Bold",
					    "Noto Serif Bold Italic", "Noto Sans", "Noto Sans Italic",
					    "Noto Sans Bold", "Noto Sans Bold Italic", NULL};
	for (size_t i = 0; faces[i]; i++) {
		char *name = xasprintf("%s covers Latin, Cyrillic, dashes, quotes, ellipsis", faces[i]);
		CHECK(name, all_glyphs(ctx, faces[i], need));
		free(name);
	}
	g_object_unref(ctx);
	fonts_free(f);

	/* A hostile user configuration (a <dir> of system fonts and a rule that turns Noto
	 * Serif into DejaVu) must change nothing: the private config never reads it. */
	char tmpl[] = "/tmp/mkbrief-fonts-XXXXXX";
	char *home = mkdtemp(tmpl);
	CHECK("temp dir", home != NULL);
	if (home) {
		char *cfgdir = xasprintf("%s/.config/fontconfig", home);
		char *dot = xasprintf("%s/.config", home);
		mkdir(dot, 0700);
		mkdir(cfgdir, 0700);
		static const char hostile[] =
			"<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
			"<dir>/usr/share/fonts</dir>\n"
			"<match target=\"pattern\"><test name=\"family\"><string>Noto Serif</string></test>"
			"<edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>DejaVu Sans</string></edit></match>\n"
			"<match target=\"pattern\"><edit name=\"family\" mode=\"prepend\" binding=\"strong\">"
			"<string>DejaVu Sans</string></edit></match>\n"
			"</fontconfig>\n";
		char *conf = xasprintf("%s/fonts.conf", cfgdir);
		check_write(conf, hostile);
		char *old_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
		setenv("HOME", home, 1);
		setenv("XDG_CONFIG_HOME", dot, 1);
		setenv("FONTCONFIG_FILE", conf, 1);
		char *s = pick("Noto Serif", 0, 0);
		CHECK_STR("hostile HOME and FONTCONFIG_FILE: Noto Serif still NotoSerif-Regular.ttf", s,
			  "NotoSerif-Regular.ttf");
		free(s);
		s = pick("Noto Sans", 1, 0);
		CHECK_STR("hostile HOME and FONTCONFIG_FILE: Noto Sans bold still NotoSans-Bold.ttf", s,
			  "NotoSans-Bold.ttf");
		free(s);
		unsetenv("FONTCONFIG_FILE");
		unsetenv("XDG_CONFIG_HOME");
		if (old_home)
			setenv("HOME", old_home, 1);
		free(old_home);
		unlink(conf);
		/* no cache may have been written into the hostile HOME either */
		char *cache = xasprintf("%s/.cache/fontconfig", home);
		struct stat st;
		CHECK("no fontconfig cache written under HOME", stat(cache, &st) != 0);
		free(cache);

		/* Errors: a missing directory, a directory without fonts. */
		int ok;
		char *missing = xasprintf("%s/nope", home);
		char *out = capture_new(missing, NULL, &ok);
		char *want = xasprintf("mkbrief: error: fonts directory '%s': No such file or directory\n", missing);
		CHECK("missing fonts dir fails", !ok);
		CHECK_STR("missing fonts dir message", out, want);
		free(out);
		free(want);
		out = capture_new(cfgdir, NULL, &ok);
		want = xasprintf("mkbrief: error: fonts directory '%s' holds no fonts (.ttf, .otf)\n", cfgdir);
		CHECK("fontless dir fails", !ok);
		CHECK_STR("fontless dir message", out, want);
		free(out);
		free(want);
		out = capture_new("fonts", missing, &ok);
		want = xasprintf("mkbrief: error: --fonts directory '%s': No such file or directory\n", missing);
		CHECK("missing --fonts dir fails", !ok);
		CHECK_STR("missing --fonts dir message", out, want);
		free(out);
		free(want);
		out = capture_new("fonts/README", NULL, &ok);
		CHECK_STR("fonts dir that is a file", out, "mkbrief: error: fonts directory 'fonts/README' is not a directory\n");
		free(out);
		free(missing);

		rmdir(cfgdir);
		rmdir(dot);
		rmdir(home);
		free(conf);
		free(cfgdir);
		free(dot);
	}
	CHECK_DONE();
}
