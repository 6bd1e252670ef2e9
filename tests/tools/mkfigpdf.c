/* mkfigpdf.c: writes the PDF figures the tests use, so that they can be made again and their
 * licence is plain: drawn here, CC0 1.0, text in the bundled Noto Sans (OFL 1.1, fonts/).
 *   chart.pdf   a one-page vector chart (UNSC sanctions resolutions on the DPRK, cumulative,
 *               2006-2017: 1718, 1874, 2087, 2094, 2270, 2321, 2356, 2371, 2375, 2397)
 *   three.pdf   three pages of plain shapes (a figure must be one page)
 * Not part of the build; from the top of the repository:
 *   cc -std=c11 -o /tmp/mkfigpdf tests/tools/mkfigpdf.c $(pkg-config --cflags --libs cairo freetype2)
 *   /tmp/mkfigpdf fonts/NotoSans-Regular.ttf tests/golden/figure-pdf/chart.pdf tests/bad/figure-pdf-pages/three.pdf */
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <stdio.h>

static const int YEARS[] = {2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017};
static const int TOTAL[] = {1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 6, 10}; /* adopted by the year's end */

static void text(cairo_t *cr, double x, double y, double size, const char *s, int centred)
{
	cairo_text_extents_t e;
	cairo_set_font_size(cr, size);
	cairo_text_extents(cr, s, &e);
	cairo_move_to(cr, centred ? x - e.x_advance / 2 : x, y);
	cairo_show_text(cr, s);
}

static void chart(const char *path, cairo_font_face_t *face)
{
	const double W = 360, H = 200, left = 36, right = 348, top = 34, base = 164;
	cairo_surface_t *s = cairo_pdf_surface_create(path, W, H);
	/* no dates: the file is the same whenever it is made */
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "UNSC sanctions resolutions, cumulative");
	cairo_t *cr = cairo_create(s);
	cairo_set_font_face(cr, face);
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	text(cr, left, 18, 11, "Cumulative sanctions resolutions on the DPRK", 0);
	double step = (right - left) / 12, unit = (base - top) / 10;
	for (int v = 0; v <= 10; v += 2) {
		double y = base - v * unit;
		cairo_set_source_rgb(cr, v ? 0.82 : 0.33, v ? 0.82 : 0.33, v ? 0.82 : 0.33);
		cairo_set_line_width(cr, v ? 0.5 : 1);
		cairo_move_to(cr, left, y);
		cairo_line_to(cr, right, y);
		cairo_stroke(cr);
		char n[8];
		snprintf(n, sizeof n, "%d", v);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		text(cr, left - 10, y + 3, 9, n, 1);
	}
	cairo_set_source_rgb(cr, 0x1f / 255.0, 0x4e / 255.0, 0x79 / 255.0);
	for (int i = 0; i < 12; i++)
		cairo_rectangle(cr, left + i * step + 3, base - TOTAL[i] * unit, step - 6, TOTAL[i] * unit);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	for (int i = 0; i < 12; i++) {
		char y[8];
		snprintf(y, sizeof y, "%02d", YEARS[i] % 100);
		text(cr, left + (i + 0.5) * step, base + 12, 9, y, 1);
	}
	text(cr, left, H - 10, 8.5, "Resolutions adopted by the end of each year, 2006–2017", 0);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

static void three_pages(const char *path)
{
	cairo_surface_t *s = cairo_pdf_surface_create(path, 144, 72);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
	cairo_t *cr = cairo_create(s);
	for (int p = 1; p <= 3; p++) {
		cairo_set_source_rgb(cr, 0.12, 0.31, 0.47);
		for (int i = 0; i < p; i++)
			cairo_rectangle(cr, 12 + 40 * i, 12, 32, 48);
		cairo_fill(cr);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mkfigpdf FONT.ttf CHART.pdf THREE.pdf\n");
		return 2;
	}
	FT_Library ft;
	FT_Face ftface;
	if (FT_Init_FreeType(&ft) || FT_New_Face(ft, argv[1], 0, &ftface)) {
		fprintf(stderr, "mkfigpdf: cannot read %s\n", argv[1]);
		return 1;
	}
	cairo_font_face_t *face = cairo_ft_font_face_create_for_ft_face(ftface, 0);
	chart(argv[2], face);
	three_pages(argv[3]);
	cairo_font_face_destroy(face);
	FT_Done_Face(ftface);
	FT_Done_FreeType(ft);
	return 0;
}
