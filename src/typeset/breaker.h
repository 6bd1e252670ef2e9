/* breaker.h: the total-fit breaker's working state, shared by nodes.c (which turns the
 * text into boxes, glue and penalties), linebreak.c (which chooses the breaks) and
 * lines.c (which sets the lines of the chosen breaks). */
#ifndef MKBRIEF_BREAKER_H
#define MKBRIEF_BREAKER_H
#include <stdint.h>
#include <pango/pango.h>

#include "base/diag.h"
#include "typeset/rich.h"
#include "typeset/shape.h"
#include "load/style.h"

#define INF_PENALTY 10000.0
/* para_spec.rag_hyphens (linebreak.h): which words of ragged text may be hyphenated */
#define RAG_HYPHENS_ALL 1
#define RAG_HYPHENS_WIDE 2
/* A word space's stretch and shrink, as shares of its natural width. */
#define SPACE_STRETCH (1.0 / 2)
#define SPACE_SHRINK (1.0 / 3)

typedef enum { N_BOX, N_GLUE, N_PEN } ntype;
typedef enum { P_NONE, P_HYPH, P_EXPLICIT, P_EMERGENCY, P_RUN, P_URL, P_TIE, P_TIE_WEAK, P_ELISION } pkind;

typedef struct node {
	ntype t;
	double w, y, z; /* width, stretch, shrink */
	double pen;
	int flagged;    /* a break here ends the line with a hyphen */
	pkind kind;
	int seg;        /* boxes: segment, -1 for the indent */
	int a, b;       /* boxes: bytes of the paragraph text */
	double hang;    /* how far past the measure the line may reach when it ends here: a
			 * share of a final hyphen or punctuation mark's width (hang.h) */
} node;

typedef struct seg {
	PangoItem *item; /* borrowed from the itemization */
	int a, b;
	const PangoGlyphString *gs; /* borrowed from the engine's cache */
} seg;

typedef struct breakpoint {
	int pos;      /* node index of the break, -1 the start */
	int line;
	int fit;
	int hrun;     /* hyphenated lines in a row ending here */
	double tw, ty, tz, tb; /* totals at the start of the next line */
	double dem;
	int prev;     /* breakpoint index, -1 none */
} breakpoint;

typedef struct kp {
	para_engine *e;
	const char *text;
	size_t len;
	node *n;
	size_t nn, capn;
	seg *segs;
	size_t nsegs, capsegs;
	double *sw, *sy, *sz; /* running sums before node i */
	double *sb;           /* box widths before node i: what font expansion can act on */
	double expand;        /* largest glyph expansion or compression, e.g. 0.02 */
	double track_max;     /* letter spacing a loose line may take, pt per glyph */
	int hanging;          /* justified lines hang their final punctuation in the margin */
	double rag;           /* ragged text: the stretch at every line's end (\rightskip) */
	int display;          /* ragged and never hyphenated: a title, a heading, a caption */
	double line_penalty;  /* TeX's \linepenalty: large to set in as few lines as possible */
	double line_bonus;    /* added to the demerits of every line: negative for more lines */
	int whole_line;       /* > 0: no break with a hyphen ends the line of this number (from 1) */
	int exact_lines;      /* > 0: only breaks into this many lines (the best of them) */
	text_align align;
	double measure;       /* of every line; a hanging paragraph's first line is hang wider */
	double hang;          /* a hanging indent: lines after the first start this far in */
	int lo, hi;           /* the window of the text being broken, in bytes */
	const rich_link *links; /* where runs of link text start and end: a run is never joined */
	size_t nlinks;          /* across one, so that a tagged PDF can mark the link's text */
	uint32_t seen[SHAPE_MAX_MISSING];
	int nseen;
	loc at;
	diag *d;
} kp;

/* The length of a line of natural length L (stretch: its glue's and glyphs') that breaks
 * at node i, less what hangs past the measure. */
double nodes_hung_length(const kp *k, double L, double stretch, size_t i);

#endif
