/* svg_cost.h: a bound on what an SVG costs librsvg to draw, read from its text before
 * librsvg sees it: how many elements it draws once every reference is followed, and how
 * many times its filters and masks go over its pixels. */
#ifndef MKBRIEF_SVG_COST_H
#define MKBRIEF_SVG_COST_H
#include <stddef.h>

#include <stdint.h>

#define SVG_TEXT_CHARS 64

typedef struct svg_cost {
	/* elements drawn: each element once, plus, wherever one is used, what a <use> (or any
	 * href="#id"), a pattern, clip path, mask or marker (once a vertex) draws */
	double instances;
	/* passes over the whole drawing's pixels: librsvg draws a filtered or masked element
	 * on a surface the size of the drawing, then runs each filter primitive over it; a
	 * primitive counts by its work per pixel (a blur 2, turbulence 3 an octave, a
	 * morphology of radius r 2r+1...) */
	double passes;
	/* the vertices of the paths and polygons drawn, every reference followed: librsvg
	 * (cairo's fill extents) takes time that grows faster than their number (2.4 million
	 * took 38 s and half a gigabyte) */
	double vertices;
	/* the largest feConvolveMatrix order (either side) */
	long max_order;
	/* how deep elements and references nest (a <use> of a group in a group is 3 deep):
	 * librsvg follows them on its stack */
	double depth;
	/* the largest font size written (font-size, or a number in font: ...), in any unit:
	 * librsvg aborts the process past some 1.5 million */
	double max_font_size;
	/* the most characters in one <text> element: librsvg lays a text out in time that
	 * grows with the square of its characters (40,000 take 90 s) */
	double max_text_chars;
	/* the style sheet's selectors (every rule, whatever it draws): librsvg matches each
	 * against every element written (500 over 5,000 elements take 30 s) */
	double selectors, elements;
	/* reading stopped at SVG_COST_STOP_ELEMENTS elements: instances is more than that */
	int stopped;
	/* the characters its <text> elements print, each once (at most SVG_TEXT_CHARS of
	 * them, no spaces): the fonts must hold them, or they print as boxes */
	uint32_t text[SVG_TEXT_CHARS];
	int ntext;
} svg_cost;

/* Stop reading past this many elements: the figure is refused anyway (image.h's limit). */
#define SVG_COST_STOP_ELEMENTS 100000
/* A <style> sheet's rules are matched against every element: at most this many naming
 * url(#id) (one for each selector and reference; an Illustrator export has one a gradient),
 * and of them at most SVG_COST_MAX_RULES that draw a pattern, clip path, mask, filter or
 * marker (elements times rules stays some 25 million tests). */
#define SVG_COST_MAX_SHEET_RULES 100000
#define SVG_COST_MAX_RULES 256

/* Reads the SVG in b (its entities expanded, its bytes not UTF-8 read as '?') into *c.
 * Returns 0; -1 when the text cannot be read as XML (*why: GMarkup's message), or when it
 * has more than SVG_COST_STOP_ELEMENTS elements (c->stopped set, *why NULL); -2 with *why
 * when its entities are refused (svg_entities.h) or its style sheet is too large to check.
 * *why is the caller's to free. */
int svg_cost_scan(const char *b, size_t len, svg_cost *c, char **why);

#endif
