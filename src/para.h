/* para.h: one paragraph set into lines of a given width. The rest of the engine sees
 * only lines with offsets and metrics, so the line breaker behind it can change. */
#ifndef MKBRIEF_PARA_H
#define MKBRIEF_PARA_H
#include <cairo.h>
#include <pango/pango.h>

#include "diag.h"
#include "rich.h"
#include "style.h"

typedef struct para_spec {
	const font_role *font; /* base font of the paragraph */
	double width;          /* measure, pt */
	double indent;         /* first-line indent; negative = hanging */
	text_align align;
	double leading;        /* baseline to baseline; 0 = the font role's */
} para_spec;

typedef struct para_line {
	double x;      /* offset of the line's start from the paragraph's left edge */
	double width;  /* natural width of the line */
	int start, len; /* bytes of the paragraph text */
} para_line;

typedef struct para {
	rich *text;
	PangoLayout *layout;
	para_line *lines;
	size_t nlines;
	double leading;  /* distance between baselines */
	double baseline; /* from the top of a line's slot to its baseline */
	double width;
	rgb color;       /* the role's colour; attributes may override parts */
	int id;          /* number in the document, for dumps */
} para;

/* Lays out text (taking ownership of it). A character no bundled font has is an error
 * at `at`, naming the character; the paragraph is still returned so layout can go on. */
para *paragraph_layout(PangoContext *ctx, rich *text, const para_spec *spec, loc at, diag *d);
void para_free(para *p);
/* Draws line i with its slot's top-left corner at (x, top). */
void para_draw_line(cairo_t *cr, const para *p, size_t i, double x, double top);
/* The text of line i, for dumps and tests (caller frees). */
char *para_line_text(const para *p, size_t i);
/* A font description for a role. Caller frees. */
PangoFontDescription *font_role_desc(const font_role *f);

#endif
