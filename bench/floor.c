/* floor.c: the naive Pango + Cairo floor of issue 20, the least work the stack can do for a
 * brief's text: each paragraph of a plain-text dump (bench/content) is set by one PangoLayout
 * (justified where mkbrief justifies, in the bundled fonts, on the handout's 6 in measure
 * and at its sizes) and drawn line by line into a Cairo PDF surface, a page broken when full.
 * No shaping cache, no hyphenation of its own, no keeps, no running heads, no links.
 * usage: floor FONTDIR CONTENT.txt OUT.pdf */
#define _POSIX_C_SOURCE 200809L
#include <cairo-pdf.h>
#include <dirent.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 612.0
#define PAGE_H 792.0
#define MARGIN_X 90.0 /* 1.25 in */
#define MARGIN_Y 64.8 /* 0.9 in */
#define MEASURE (PAGE_W - 2 * MARGIN_X)

typedef struct style {
	char kind;                   /* the record's letter in bench/content's dump */
	const char *font;            /* a Pango font description */
	double leading, indent, before;
	int justify;
} style;

/* the handout's roles (layouts/handout.yaml) */
static const style styles[] = {
	{'T', "Noto Sans Bold 20", 24, 0, 0, 0},     {'S', "Noto Sans 9.5", 13, 0, 2, 0},
	{'H', "Noto Sans Bold 12.5", 16, 0, 14, 0},  {'P', "Noto Serif 11", 15, 0, 4, 1},
	{'B', "Noto Serif 11", 15, 13, 2, 1},        {'Q', "Noto Serif Italic 12", 16.5, 24, 10, 0},
	{'C', "Noto Sans 8", 10, 0, 3, 0},           {'E', "Noto Serif 10.5", 14.5, 18, 6, 1},
};
#define NSTYLES (sizeof styles / sizeof styles[0])

typedef struct page_state {
	cairo_t *cr;
	double y; /* top of the next line */
	int pages;
} page_state;

static FcConfig *load_fonts(const char *dir)
{
	FcConfig *cfg = FcConfigCreate();
	DIR *d = opendir(dir);
	if (!cfg || !d) {
		fprintf(stderr, "floor: cannot read %s\n", dir);
		if (d)
			closedir(d);
		return cfg;
	}
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 4, ".ttf") != 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FcConfigAppFontAddFile(cfg, (const FcChar8 *)path);
	}
	closedir(d);
	/* as mkbrief: an empty default config, so that nothing reads the system's fonts */
	FcConfig *empty = FcConfigCreate();
	if (empty) {
		FcConfigSetCurrent(empty);
		FcConfigDestroy(empty);
	}
	return cfg;
}

/* Sets one paragraph and draws its lines, breaking the page where the next line does not fit. */
static void set_paragraph(page_state *ps, PangoLayout *layout, const style *st, const char *text)
{
	PangoFontDescription *fd = pango_font_description_from_string(st->font);
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(layout, (int)((MEASURE - st->indent) * PANGO_SCALE));
	pango_layout_set_justify(layout, st->justify);
	pango_layout_set_text(layout, text, -1);
	if (ps->y > MARGIN_Y)
		ps->y += st->before;
	int n = pango_layout_get_line_count(layout);
	for (int i = 0; i < n; i++) {
		if (ps->y + st->leading > PAGE_H - MARGIN_Y) {
			cairo_show_page(ps->cr);
			ps->pages++;
			ps->y = MARGIN_Y;
		}
		PangoLayoutLine *line = pango_layout_get_line_readonly(layout, i);
		cairo_move_to(ps->cr, MARGIN_X + st->indent, ps->y + st->leading * 0.78);
		pango_cairo_show_layout_line(ps->cr, line);
		ps->y += st->leading;
	}
}

static PangoContext *context_new(PangoFontMap *map)
{
	PangoContext *ctx = pango_font_map_create_context(map);
	/* as mkbrief (src/typeset/fonts.c): unhinted metrics, unrounded positions */
	pango_context_set_round_glyph_positions(ctx, FALSE);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	return ctx;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: floor FONTDIR CONTENT.txt OUT.pdf\n", stderr);
		return 2;
	}
	FILE *in = fopen(argv[2], "r");
	if (!in) {
		perror(argv[2]);
		return 1;
	}
	FcConfig *cfg = load_fonts(argv[1]);
	PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), cfg);
	PangoContext *ctx = context_new(map);
	PangoLayout *layout = pango_layout_new(ctx);
	cairo_surface_t *surface = cairo_pdf_surface_create(argv[3], PAGE_W, PAGE_H);
	page_state ps = {cairo_create(surface), MARGIN_Y, 1};
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, in)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = 0;
		if (len < 2)
			continue;
		const style *st = &styles[3];
		for (size_t i = 0; i < NSTYLES; i++)
			if (styles[i].kind == line[0])
				st = &styles[i];
		set_paragraph(&ps, layout, st, line + 2);
	}
	free(line);
	fclose(in);
	cairo_destroy(ps.cr);
	cairo_surface_finish(surface);
	int status = cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS;
	if (status)
		fprintf(stderr, "floor: %s: %s\n", argv[3], cairo_status_to_string(cairo_surface_status(surface)));
	cairo_surface_destroy(surface);
	g_object_unref(layout);
	g_object_unref(ctx);
	g_object_unref(map);
	FcConfigDestroy(cfg);
	if (getenv("FLOOR_STATS"))
		fprintf(stderr, "floor: pages %d\n", ps.pages);
	return status;
}
