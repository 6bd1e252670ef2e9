/* para.h: one paragraph set into lines of a given width. The rest of the engine sees
 * only lines with offsets and metrics, so the line breaker behind it can change:
 * justified text goes through our total-fit breaker (linebreak.c), everything else and
 * what it cannot handle through Pango's. */
#ifndef MKBRIEF_PARA_H
#define MKBRIEF_PARA_H
#include <cairo.h>
#include <pango/pango.h>

#include "base/diag.h"
#include "typeset/linebreak.h"
#include "typeset/rich.h"
#include "typeset/shape.h"
#include "load/style.h"

typedef struct para {
	rich *text;
	PangoLayout *layout; /* Pango-broken paragraphs */
	para_line *lines;
	size_t nlines;
	double leading;  /* distance between baselines */
	double baseline; /* from the top of a line's slot to its baseline */
	double width;
	rgb color;       /* the role's colour; attributes may override parts */
	int id;          /* number in the document, for dumps */
	int optimal;     /* lines came from the total-fit breaker */
	int dropped;     /* para_drop_glyphs: nothing left to draw */
	int fallback;    /* justified text set ragged: it had no breaks without a loose line */
	para_spec spec;  /* how it was set, to set it again one line shorter */
} para;

/* A paragraph set by Pango's breaker (right-to-left or letter-spaced text): at most this long. */
#define PARA_PANGO_MAX_BYTES 65536
/* and at most this wide set on one line, pt: Pango sums widths in 32-bit units of 1/1024 pt
 * (2,097,152 pt), and drops all but a line of text wider */
#define PARA_PANGO_MAX_WIDTH 1.5e6

/* Lays out text (taking ownership of it). A character no bundled font has is an error
 * at `at`, naming the character; the paragraph is still returned so layout can go on. */
para *paragraph_layout(para_engine *e, rich *text, const para_spec *spec, loc at, diag *d);
void para_free(para *p);
/* Frees what drawing needs (glyphs, Pango's layout) once the paragraph's last line is drawn;
 * its lines keep their place and text, but it can no longer be drawn. */
void para_drop_glyphs(para *p);
/* Draws line i with its slot's top-left corner at (x, top). */
void para_draw_line(cairo_t *cr, const para *p, size_t i, double x, double top);
/* The same with a word space after the line's last glyph, for text that another run of text
 * follows in the same element of a tagged PDF (a Sources entry's number, an annex paragraph's
 * number): without it the content reads "1.Russia", "1During" (PDF 14.8.2.5). The space has
 * no ink; a line Pango broke is drawn as it is. */
void para_draw_line_spaced(cairo_t *cr, const para *p, size_t i, double x, double top);
/* The same, calling before(data, start, end) before each run of glyphs it draws with the
 * run's bytes of the text (the whole line at once for a line Pango broke); a hyphen the
 * breaker added has no text behind it and is announced as an empty run (start == end),
 * the only empty one. */
typedef void para_run_fn(void *data, size_t start, size_t end);
void para_draw_line_runs(cairo_t *cr, const para *p, size_t i, double x, double top, para_run_fn *before,
			 void *data);
/* The text of line i, for dumps and tests (caller frees). */
char *para_line_text(const para *p, size_t i);
/* The font actually used at the start of line i, e.g. "Noto Serif 10.5". Caller frees. */
char *para_line_font(const para *p, size_t i);
/* x of byte index idx of the text within line i, from the line's start. */
double para_index_x(const para *p, size_t i, int idx);
/* The part of line i that bytes [start, end) of the text cover: its left edge from the
 * line's start in *x, its width in *w; 0 when the line holds none of them. */
int para_range_x(const para *p, size_t i, size_t start, size_t end, double *x, double *w);
/* text as a role sets it: in capitals when the role says so (banners are ASCII markings;
 * other scripts are left as written). Caller frees. */
char *font_role_text(const font_role *f, const char *text);

/* The narrowest width text can be set in without breaking a word (its widest word) and
 * the width it takes on one line, set in font f: what a table's column widths start from. */
/* Reports (at at) the characters of text that the fonts of role f lack, one error listing
 * them; returns how many. */
int para_check_glyphs(para_engine *e, const char *text, const font_role *f, loc at, diag *d);
void para_measure(para_engine *e, const rich *text, const font_role *f, double *min_w, double *max_w);
/* para_measure, and the width of each of text's words (as it counts them) appended to words,
 * an array of double: how many words a narrower column would break. */
void para_measure_words(para_engine *e, const rich *text, const font_role *f, double *min_w, double *max_w,
			GArray *words);
/* The narrowest width text can be set in when its words may be hyphenated (and compounds
 * broken at their hyphens, addresses at their slashes), ties and words without a
 * hyphenation point kept whole: a narrow table column's least width. *numbers: the widest
 * piece that holds a digit, 0 none. */
double para_min_break(para_engine *e, const rich *text, const font_role *f, int hyphenate, double *numbers);
/* TeX's \looseness=-1: sets a justified paragraph again in one line fewer, if that is
 * possible within the usual tolerance (spaces shrink, never overfull). Returns 0 and
 * replaces p's lines, or -1 and leaves p as it was. The flow uses it against widows. */
int para_tighten(para_engine *e, para *p);
/* TeX's \looseness=1, para_tighten's counterpart: one line more within tolerance. */
int para_loosen(para_engine *e, para *p);
/* Sets p again in as many lines, with line `line` (from 0) not ending in a hyphen, when
 * that leaves no line looser than before (or than UNHYPHENATE_RATIO) and every note mark
 * on its line. Returns 0 and replaces p's lines, or -1 and leaves p as it was. The flow
 * uses it where a column or page would end in the middle of a word (TeX's \brokenpenalty). */
int para_unhyphenate_line(para_engine *e, para *p, size_t line);
/* Spaces stretched by a quarter of their stretch (1.125 times their width) are near natural. */
#define UNHYPHENATE_RATIO 0.25

#endif
