/* lines.h: the lines of a paragraph as the engine sets them (where each starts, how wide,
 * what to draw), how they are freed, and how the total-fit breaker builds them. */
#ifndef MKBRIEF_LINES_H
#define MKBRIEF_LINES_H
#include <stddef.h>
#include <pango/pango.h>

/* A run of shaped glyphs placed on a line (total-fit lines only). */
typedef struct para_piece {
	PangoGlyphItem gi; /* owned: item copy and glyphs */
	double x;          /* from the line's start */
	double rise;       /* superscripts */
	int hyphen;        /* a hyphen added at a break: not in the text */
	double scale;      /* horizontal glyph expansion, 1 = none */
	int has_color;
	double r, g, b;
} para_piece;

typedef struct para_line {
	double x;      /* offset of the line's start from the paragraph's left edge */
	double width;  /* width of the set line */
	int start, len; /* bytes of the paragraph text */
	para_piece *pieces; /* total-fit lines: what to draw; NULL for Pango lines */
	size_t npieces;
	int hyphenated;
	int cut;       /* total-fit: broken inside a word at no hyphenation point (the word is
			* wider than the line: the breaker's last passes) */
	double ratio;  /* total-fit: adjustment ratio of its spaces (0 natural) */
} para_line;

/* A deep copy of n lines, in a new array. */
para_line *lines_copy(const para_line *lines, size_t n);
/* Frees what lines [from, n) hold (not the array itself). */
void lines_clear(para_line *lines, size_t from, size_t n);

struct kp;
struct breakpoint;
/* The lines of the breaks ending at b[last], in a new array of *nlines. */
para_line *lines_build(struct kp *k, const struct breakpoint *b, int last, double emergency, size_t *nlines);

#endif
