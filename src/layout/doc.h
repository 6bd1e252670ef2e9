/* doc.h: the laid-out document: a vertical list of lines, spaces and rules (composed from
 * the brief), then placed on pages and columns by the flow. Renderers and the dump read it. */
#ifndef MKBRIEF_DOC_H
#define MKBRIEF_DOC_H
#include <pango/pango.h>
#include <stdio.h>

#include "load/brief.h"
#include "typeset/image.h"
#include "typeset/para.h"
#include "load/style.h"

#define DOC_MAX_PAGES 5000
/* Text set on pages (the brief's own and its excerpts), about 600 pages: past it a brief is
 * refused rather than set in ever more time and memory (a handout is not a book). */
#define DOC_MAX_TEXT_BYTES (2u << 20)
/* Lines set, whatever their length: narrow columns and large type make many short lines,
 * each with its own cost (60,000 are 1,300 pages of one column). */
#define DOC_MAX_LINES 60000

typedef enum { V_LINE, V_SPACE, V_RULE, V_PAGEBREAK, V_IMAGE, V_ROW } vkind;

/* The structure of a tagged PDF: the roles of its elements (render/pdfstruct.c writes the
 * names). Containers (lists, quotes, tables, boxes) are the path an item stands in; each
 * line, picture or cell is part of a leaf element (a paragraph, a heading, a cell). */
typedef enum {
	TAG_NONE, /* not part of the text: an artifact (spaces, rules, repeated heads) */
	TAG_P, TAG_H1, TAG_H2, TAG_H3, TAG_L, TAG_LI, TAG_LBL, TAG_LBODY, TAG_BLOCKQUOTE, TAG_FIGURE,
	TAG_CAPTION, TAG_TABLE, TAG_TR, TAG_TH, TAG_TD, TAG_NOTE, TAG_DIV, TAG_LINK, TAG_COUNT
} tag_role;
#define TAG_DEPTH 12
/* The containers an item stands in, outermost first; each has a number of its own (unique
 * in the document), so that two lists one after the other are two elements. */
typedef struct tag_path {
	int n;
	struct tag_step {
		int role; /* tag_role */
		int id;
		/* an L's numbering, as the layout writes its markers: '1' decimal, 'a' 'A'
		 * letters, 'i' 'I' roman, '*' a bullet; 0 none said */
		char numbering;
	} v[TAG_DEPTH];
} tag_path;
/* The structure type a role is written as ("P", "H1", "LBody"). */
const char *tag_role_name(int role);

/* A row of a table, set as bands: band k holds line k of every cell, so that a page may
 * break between the lines of a row taller than a page, and between rows. */
typedef struct cell_row {
	size_t ncells;
	para **cells;    /* one per column, NULL when empty; the document owns the paragraphs */
	double *cell_x;  /* each cell's text, from the table's left */
	double *col_x;   /* each column's left edge (and, at ncells, the table's right), from the table's left */
	double x, w;     /* the table's left edge, from the column's left, and its width */
	double pad;      /* above the first line and below the last */
	/* room for a wide rule (style_rule_growth) above the first line's padding and below
	 * the last's: the rule above the table or under its header, below it or between rows */
	double rule_top, rule_bottom;
	double leading;  /* of its lines */
	size_t nbands;   /* its lines: the most any cell has, at least one */
	int table;       /* the table's number in the document, from 1 */
	int header;      /* the header row, drawn again at the top of a continuation */
	int tint;        /* tinted (the header, or every other body row) */
} cell_row;

typedef struct vitem {
	vkind kind;
	double h;     /* height taken on the page */
	int keep;     /* 1: the page may not break just before this item */
	/* with keep: kept only to hold a block whole (a mid-length excerpt, a box), which the
	 * flow gives up when that would leave more than a quarter of the column empty */
	int soft;
	int span;     /* spans all columns (front matter) */
	para *p;      /* V_LINE: the paragraph and its line */
	size_t line;
	double x;     /* left edge of the paragraph (or rule), from the column's left */
	double w;     /* V_RULE: its length; V_IMAGE: its width (h is its height) */
	const image *img; /* V_IMAGE: one of doc->images */
	const cell_row *row; /* V_ROW: one of doc->rows, and which band of it */
	size_t band;
	/* > 0 on a table's body rows: a page break before it repeats doc->tables[table - 1]'s
	 * caption and header at the top of the next column */
	int table;
	int repeat;   /* an item drawn again from a table's continuation */
	/* > 0 inside an excerpt that may break: a page break before it puts
	 * doc->passages[passage - 1] (the excerpt's source, "(continued)") at the next top */
	int passage;
	int nnotes;   /* notes whose marks are on this line: set at its column's foot */
	para *marker; /* drawn at x - marker_gap on the first line: a bullet */
	double marker_x;
	int deco;     /* decoration group, -1 none */
	int box_deco; /* the box (a box block's frame) the item stands in, -1 none */
	int solid;    /* V_SPACE: the top padding of a frame, kept at the top of a column */
	int heading;  /* index into doc->outline when this item starts a heading, else -1 */
	int anchor;   /* index into doc->anchors when a link may land here, else -1 */
	/* its place in the structure: the containers (an index into doc->paths, 0: none), the
	 * leaf role of its lines (TAG_NONE: an artifact) and the leaf's number (lines of one
	 * paragraph share it) */
	int tags;
	int role;
	int leaf;
	const char *alt; /* V_IMAGE: the figure's alternative text, in doc->strings */
	/* > 0 on the first item of a float (a figure with its caption): the items it holds.
	 * The flow may set it later than where it stands, at the top of a column (or of a
	 * page when it spans the columns), and lets the text after it fill the gap. */
	int float_items;
	int float_barrier; /* floats still waiting are set before this item: the end of the
			    * text (the Notes, the Sources, the point of contact after the
			    * last figure) */
	/* placement, written by doc_flow */
	int page, col; /* page -1: dropped (a space at the top of a column) */
	int ends_page; /* the text stops on the page after this item: the floats that wait
			* at a section's end take the next page (balance.c evens the columns) */
	double y;      /* top of the item's slot, from the page's top */
} vitem;

/* DECO_BOX: the Key points box; DECO_FRAME: a box block, in its kind's colours;
 * DECO_RULED: the distribution statement's box, ruled on all four sides */
typedef enum { DECO_BOX, DECO_BAR, DECO_TINT_BAR, DECO_FRAME, DECO_RULED } deco_kind;
typedef struct deco {
	deco_kind kind;
	rgb fill, rule; /* DECO_BOX and DECO_FRAME */
	double x, w;  /* from the column's left */
	double bar;   /* bar width */
	int span;
} deco;

typedef struct outline_entry {
	const char *title; /* in doc->strings */
	int item;
	int level;
} outline_entry;

typedef struct anchor_entry {
	const char *name; /* named destination, e.g. "src-1"; in doc->strings */
	int item;
} anchor_entry;

typedef struct doc {
	const brief *b;
	const style *st;
	vitem *items;
	size_t nitems, capitems;
	deco *decos;
	size_t ndecos;
	para **paras; /* owned */
	size_t nparas, capparas;
	outline_entry *outline;
	size_t noutline;
	anchor_entry *anchors;
	size_t nanchors;
	double col_w, text_w; /* column width, full text width */
	int npages;
	int *page_section; /* per page: outline index of the section in force, -1 none */
	/* per page: the items placed on it lie in [page_first, page_end), in reading order;
	 * a float may put items of another page between them */
	size_t *page_first, *page_end;
	const char *date_text; /* the brief's date as printed; in doc->strings */
	int day_first;         /* dates are printed day first (cite_day_first) */
	/* the title and author as printed (typographic quotes and dashes, no markup), for
	 * running heads and the PDF's metadata; in doc->strings, NULL when the brief has none */
	const char *title_text, *author_text, *subtitle_text;
	GStringChunk *strings; /* the names the model holds, freed as one */
	/* the figures' images, one per file however often it is used: drawn from one surface,
	 * a file is embedded once */
	struct doc_image {
		const char *path; /* as the brief joined it */
		const char *file; /* as the brief wrote it */
		const image *img; /* the engine's (image_cache.h) */
	} *images;
	size_t nimages;
	/* per note of the brief (by its id): the note as set for a page's foot, and the item
	 * whose line holds its mark (-1: not printed, or notes at the end) */
	struct doc_note {
		para *p;
		int item;
	} *notes;
	size_t nnotes;
	/* the lines of notes as the flow placed them at the feet of columns */
	struct foot_line {
		int note;
		size_t line;
		int page, col;
		double y;
	} *foot;
	size_t nfoot;
	cell_row **rows; /* owned */
	size_t nrows;
	/* per table: what a page break inside it repeats at the next column's top (its caption
	 * marked "(continued)" and its header row), copied into the list by the flow */
	struct doc_table {
		vitem *cont;
		size_t ncont;
	} *tables;
	size_t ntables;
	struct doc_table *passages; /* per excerpt that may break, its continuation */
	size_t npassages;
	/* words in the margin beside the line of paragraph `of` that holds byte `at` (the
	 * annex's numbers of the quotes and excerpts that used a passage), found by the line
	 * that holds them so that a paragraph set again keeps them in place */
	struct doc_label {
		const para *of;
		size_t at;
		/* > at: the label of a highlight [at, end) said again beside a line that starts
		 * in it at the top of a column, when it runs on from a column before */
		size_t end;
		para *p;  /* the label, one line; the document owns it */
		double x; /* from the column's left */
	} *labels;
	size_t nlabels;
	para_engine *engine; /* the caller's (doc_compose), not the document's */
	tag_path *paths; /* the structure paths items stand in; paths[0] is the empty one */
	size_t npaths;
} doc;

/* Whether label l stands beside item it (a line of the paragraph it belongs to, the line that
 * holds its byte; or, for a highlight's label said again, the first line of a column that
 * the highlight runs on to). */
int doc_label_on(const doc *dc, const struct doc_label *l, const vitem *it);
/* The last page anything is placed on (an item or a note's line), -1 for none. */
int doc_last_page(const doc *dc);
/* Per paragraph (by its id), the last page it is drawn on, -1 for none: lines, bullets,
 * table cells, notes at a page's foot, labels in the margin. Caller frees. */
int *doc_last_pages(const doc *dc);
/* Inserts an empty item before index at (at == nitems: appends) and returns it; the
 * outline and anchors that point at or past it move along. The item array may move: the
 * pointer returned, like any pointer into dc->items, is valid only until the next
 * insertion; keep indices across insertions. */
vitem *doc_insert_item(doc *dc, size_t at);
/* Removes item at, which nothing points at (a repeated head); what points past it moves
 * along. */
void doc_remove_item(doc *dc, size_t at);
/* A column or page ends before item brk: where that is inside a paragraph, a word broken
 * across the turn would be read in two places, so the paragraph is set again with the line
 * above the break whole when it can be without looser lines (para_unhyphenate_line;
 * TeX's \brokenpenalty). Its lines keep their number, so items keep their places. */
void doc_whole_word_at_break(doc *dc, size_t brk);
/* An empty document for a brief set in a layout (both outlive it). */
doc *doc_new(const brief *b, const style *st);
/* Frees what only drawing reads (paragraphs and their lines, items, rows, notes, labels),
 * keeping the page count, the printed title, author and date, and the structure paths: a
 * PDF is drawn once, and its finishing pass should not hold the whole model besides its
 * own (render/output.c). */
void doc_drop_drawn(doc *dc);
void doc_free(doc *dc);
/* The left edge of the column an item was placed in (of the text block, for items that
 * span the columns), from the page's left. */
double doc_column_x(const doc *dc, const vitem *it);

#endif
