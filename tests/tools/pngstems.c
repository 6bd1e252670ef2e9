/* pngstems.c: how evenly a row of letters is spaced in a rendered PNG (tests/sh/outputs.sh).
 * usage: pngstems FILE.png Y0 Y1
 * Sums the ink (darkness) of each pixel column between rows Y0 and Y1, takes each run of
 * well inked columns as one stem, and fits a straight line to the stems' ink-weighted centres
 * against their index: a row of equal letters at equal advances lies on that line, and a
 * renderer that rounds each glyph to a whole pixel puts stems up to half a pixel off it.
 * Prints "stems N step S worst W" (pixels). */
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: pngstems FILE.png Y0 Y1\n");
		return 2;
	}
	cairo_surface_t *s = cairo_image_surface_create_from_png(argv[1]);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "pngstems: cannot read %s\n", argv[1]);
		return 1;
	}
	cairo_surface_flush(s);
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *px = cairo_image_surface_get_data(s);
	int y0 = atoi(argv[2]), y1 = atoi(argv[3]);
	if (y0 < 0)
		y0 = 0;
	if (y1 > h)
		y1 = h;
	double *ink = calloc((size_t)w, sizeof *ink);
	double *centre = calloc((size_t)w, sizeof *centre);
	if (!ink || !centre)
		return 1;
	for (int y = y0; y < y1; y++)
		for (int x = 0; x < w; x++) {
			/* CAIRO_FORMAT_RGB24/ARGB32: one native-endian 32-bit word per pixel */
			unsigned v = *(const unsigned *)(px + (size_t)y * (size_t)stride + (size_t)x * 4);
			double grey = (((v >> 16) & 255) + ((v >> 8) & 255) + (v & 255)) / (3 * 255.0);
			ink[x] += 1 - grey;
		}
	/* a column is a stem's when it has a quarter of the darkest column's ink: antialiasing
	 * and filtering leave a trace of ink in the gaps between letters */
	double most = 0;
	for (int x = 0; x < w; x++)
		most = fmax(most, ink[x]);
	double edge = fmax(most / 4, 0.05);
	/* each stem's centre weighs all the ink from the middle of the gap before it to the
	 * middle of the gap after it, so that no part of its antialiased edge is cut off */
	int n = 0, *lo = calloc((size_t)w, sizeof *lo), *hi = calloc((size_t)w, sizeof *hi);
	if (!lo || !hi)
		return 1;
	for (int x = 0; x < w;) {
		if (ink[x] < edge) {
			x++;
			continue;
		}
		lo[n] = x;
		while (x < w && ink[x] >= edge)
			x++;
		hi[n++] = x;
	}
	for (int i = 0; i < n; i++) {
		int a = i > 0 ? (hi[i - 1] + lo[i]) / 2 : lo[i] - 2, b = i + 1 < n ? (hi[i] + lo[i + 1]) / 2 : hi[i] + 2;
		double sum = 0, mom = 0;
		for (int x = a < 0 ? 0 : a; x < b && x < w; x++) {
			sum += ink[x];
			mom += ink[x] * (x + 0.5);
		}
		centre[i] = mom / sum;
	}
	free(lo);
	free(hi);
	double step = 0, worst = 0;
	if (n >= 2) {
		double mi = (n - 1) / 2.0, mc = 0, sxy = 0, sxx = 0;
		for (int i = 0; i < n; i++)
			mc += centre[i] / n;
		for (int i = 0; i < n; i++) {
			sxy += (i - mi) * (centre[i] - mc);
			sxx += (i - mi) * (i - mi);
		}
		step = sxy / sxx;
		for (int i = 0; i < n; i++)
			worst = fmax(worst, fabs(centre[i] - (mc + (i - mi) * step)));
	}
	printf("stems %d step %.3f worst %.3f\n", n, step, worst);
	free(ink);
	free(centre);
	cairo_surface_destroy(s);
	return 0;
}
