/* linebreak.h: the total-fit line breaker (Knuth and Plass): a paragraph's text and how
 * to set it in, its lines out. para.c sends it justified text and what Pango's breaker
 * cannot take. */
#ifndef MKBRIEF_LINEBREAK_H
#define MKBRIEF_LINEBREAK_H
#include "base/diag.h"
#include "typeset/lines.h"
#include "typeset/rich.h"
#include "typeset/shape.h"
#include "load/style.h"
#include "typeset/breaker.h"

typedef struct para_spec {
	const font_role *font; /* base font of the paragraph */
	double width;          /* measure, pt */
	double indent;         /* first-line indent */
	text_align align;
	double leading;        /* baseline to baseline; 0 = the font role's */
	int optimal;           /* total-fit line breaking (justified text only) */
	int hyphenate;
	double expand;         /* glyph expansion allowed, e.g. 0.02 (total-fit only) */
	int rag_hyphens;       /* ragged text hyphenated too: RAG_HYPHENS_ALL (justified text set
				* ragged), RAG_HYPHENS_WIDE (only words wider than the line: a
				* narrow table cell), 0 none */
} para_spec;

/* Sets text by total fit: on success returns 0 and a new array of *nlines in *lines;
 * returns -1 when the paragraph needs Pango (right-to-left text, letter spacing). A
 * character no bundled font has is reported at `at` (d may be NULL: not checked).
 * *loose (if not NULL) says whether justified text has a line but the last whose spaces
 * are over twice their natural width: no better breaks exist. */
int linebreak_optimal(para_engine *e, const rich *text, const para_spec *spec, loc at, diag *d, para_line **lines,
		      size_t *nlines, int *loose);
/* The narrowest measure text can be set in by the usual breaks (at spaces, hyphens and
 * hyphenation points; never inside a tie or a word that has none): its widest piece.
 * -1 when the text needs Pango's breaker. *numbers: the widest such piece that holds a
 * digit (a number, which a cut would misread), 0 none. */
double linebreak_min_width(para_engine *e, const rich *text, const para_spec *spec, double *numbers);
/* As few lines as the tolerance allows, at most max_lines (para_tighten's breaking):
 * no emergency stretch, no overfull lines. Returns -1 and leaves *lines when it cannot. */
int linebreak_tighter(para_engine *e, const rich *text, const para_spec *spec, int max_lines, para_line **lines,
		      size_t *nlines);
/* The same number of lines, nlines_now, but line `line` (from 0) not ending in a hyphen
 * (para_unhyphenate_line's breaking). Returns -1 and leaves *lines when it cannot. */
int linebreak_whole_line(para_engine *e, const rich *text, const para_spec *spec, int nlines_now, int line,
			 para_line **lines, size_t *nlines);
/* As many lines as the tolerance allows, at least min_lines (para_loosen's breaking). */
int linebreak_looser(para_engine *e, const rich *text, const para_spec *spec, int min_lines, para_line **lines,
		     size_t *nlines);

#endif
