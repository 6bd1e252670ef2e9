/* composer.h: what the composers of layout/ share: the state of one composition and the
 * primitives that add to the vertical list. One composer function per block kind
 * (load/kinds.def names them); compose.c calls them in the brief's order. */
#ifndef MKBRIEF_COMPOSER_H
#define MKBRIEF_COMPOSER_H

#include "layout/doc.h"

/* Excerpts up to KEEP_FIRM_LINES lines are never split across columns: a reader checks a
 * short passage at a glance. Up to KEEP_WHOLE_LINES they are kept whole unless that would
 * leave more than a quarter of the column empty (vitem.soft); a longer one breaks like any
 * paragraph. A part after a break is headed by its source, "(continued)". */
#define KEEP_FIRM_LINES 6
#define KEEP_WHOLE_LINES 12

typedef struct composer {
	doc *dc;
	const brief *b;
	const style *st;
	para_engine *pe;
	diag *d;
	int span;  /* items being added span all columns */
	int deco;  /* current decoration, -1 none */
	int box_deco;  /* the box block being set, -1 none */
	size_t box_left; /* its blocks still to set */
	size_t box_first; /* its first item */
	size_t box_body;  /* the first item of its blocks, after its padding and title */
	const char *box_marking; /* its portion marking: its blocks' unless they have their own */
	double x, w; /* where blocks are set: from the column's left, and how wide (less in a box) */
	int keep_next; /* the next item may not be separated from the previous one */
	size_t text_bytes; /* set so far: at most DOC_MAX_TEXT_BYTES */
	size_t nlines;     /* lines set so far: at most DOC_MAX_LINES */
	int over;          /* a limit was passed (and reported): nothing more is set */
	int figures;       /* figures so far, for their numbers */
	int tables;        /* tables and chronologies so far, for their numbers */
	int numbers[BRIEF_MAX_SECTION_LEVELS]; /* the current heading's number at each level */
	const char *marking; /* the portion marking of the block being set; NULL: none */
	int heading_held;  /* the last section had no blocks: the next heading stays with its heading */
	size_t held_from;  /* where the run of headings held together starts */
	int alone;         /* the block being set is its section's only one */
	int uses;          /* quotes and excerpts set so far: the annex's numbers, A1, A2... */
	int in_annex;      /* the annex is being set */
	/* the structure: the containers open (tags_at: their index in doc->paths, -1 when
	 * not yet stored), the role compose_lines gives its lines, the last number given */
	tag_path tags;
	int tags_at;
	int leaf_role;
	int tag_ids;
} composer;

/* Opens a container of the structure (a list, a quote, a table row) for the items that
 * follow, until compose_tag_close; deeper than TAG_DEPTH, items stay in the outer ones. */
void compose_tag_open(composer *c, int role);
void compose_tag_close(composer *c);

/* Appends an item of height h, kept with the one before when keep_next was set. */
vitem *compose_push(composer *c, vkind kind, double h);
/* Vertical space (nothing when h <= 0); keep: no page break at it. */
void compose_space(composer *c, double h, int keep);
/* Sets a paragraph (taking r), owned by the document; within the limits of doc.h. */
para *compose_para(composer *c, rich *r, const font_role *font, double width, double indent, text_align align,
		   loc at);
/* compose_para for ragged text whose words wider than the line are hyphenated: a narrow
 * table cell, where such a word would otherwise be cut anywhere. */
/* Sets text written before again (a caption or source line repeated as a head where a block
 * goes on): what it lacks in the fonts was said the first time. */
para *compose_para_again(composer *c, rich *r, const font_role *font, double width, text_align align);
para *compose_para_hyphenated(composer *c, rich *r, const font_role *font, double width, text_align align, loc at);
/* Adds the lines of a paragraph and returns the index of the first. An index, never a
 * pointer: every push may move the item array. keep_all: never break inside it (or before
 * it, when the caller also set keep_next). Widows and orphans: no break that leaves fewer
 * than the layout's minimum lines of a paragraph on either side. */
size_t compose_lines(composer *c, para *p, double x, int keep_all);
/* compose_lines with the lines' role in the structure role (a heading, a caption) instead
 * of a paragraph. */
size_t compose_lines_as(composer *c, int role, para *p, double x, int keep_all);
/* The notes whose marks are on line `line` of p are anchored at item `at`, and set for a
 * page's foot (notes.c). */
void compose_anchor_notes(composer *c, const para *p, size_t line, size_t at);
/* The Notes section, when the layout sets notes at the end (notes.c). */
void compose_end_notes(composer *c);
/* The item at index i, valid until the next push. */
vitem *compose_item(composer *c, size_t i);
/* A new decoration (box, bar, tint) for the items that follow; returns its index. */
int compose_deco(composer *c, deco_kind kind, double x, double w, double bar);
/* An entry of the PDF outline (and the {section} running head) at item first. */
void compose_outline(composer *c, size_t first, const char *title, int level);
/* A named destination at item first, for links. */
void compose_anchor(composer *c, size_t first, const char *name);

/* Whether a block prints words of a source (a resolved quote or excerpt): what the annex
 * numbers A1, A2... in reading order and highlights (annex.c). */
int compose_prints_passage(const block *bl);
/* With the annex, the start of a quote or excerpt just begun at item first: its number,
 * and the anchor its highlights in the annex link back to; 0 without the annex. */
int compose_passage_use(composer *c, size_t first);
/* The annex, after Sources: each source in full, the passages used highlighted (annex.c). */
void compose_annex(composer *c);
/* A source's own words text[start, start + n), as printed: line breaks inside a paragraph
 * are layout, control characters white space, typewriter quotes and dashes typographic
 * (passage.c). When map is not NULL (n + 1 entries), map[i] is where byte start + i went
 * in the text added to r. */
void compose_source_text(rich *r, const char *text, size_t start, size_t n, int bold, const rgb *color, size_t *map);
/* The language src's words are in (its lang:) when it is not the document's (the brief's
 * lang, else the layout's), for rich_set_lang; NULL when they are in the document's. */
const char *compose_source_lang(const composer *c, int src);
/* How a source's list item hangs: its lines after the first start hang in, under its text
 * (not under its marker), and the whole item shift in, so that markers narrower than the
 * widest of its list end where that one does (numbers align on the right). */
typedef struct item_hang {
	double hang, shift;
} item_hang;
/* The hang of the piece of source at byte `at` of paragraph ap: none unless an item starts
 * there, measured from its marker alone. widest: compose_widest_marker of the paragraph,
 * or 0 for no shift (passage.c). */
item_hang compose_item_hang(composer *c, const font_role *font, const article *a, const art_para *ap, size_t at,
			    double widest);
double compose_widest_marker(composer *c, const font_role *font, const article *a, const art_para *ap);

/* The portion marking a block carries: its own, else its section's, else the brief's; NULL
 * for none (marking.c). */
const char *compose_marking_of(const brief *b, const section *s, const block *bl);
/* Checks every marking written against the layout's levels and the banner (marking.c). */
void compose_check_markings(composer *c);
/* Ends the box block being set, after its last block (box.c). */
void compose_box_close(composer *c);
/* A list of items, bulleted or numbered, with its sub-lists (load/lists.c: items flat, each
 * with its level), x from the column's left (list.c). */
void compose_bullet_list(composer *c, const item *items, size_t n, double x, double width, const font_role *font,
			 int keep_all);
/* Sources, on a page of their own or following on (sources.c). */
void compose_sources(composer *c);
/* The handling marks that are set in the text (handling.c): the as-of line of the title
 * block, the distribution statement's box below it, the point of contact after the body. */
void compose_as_of(composer *c);
void compose_distribution(composer *c);
void compose_contact(composer *c);

/* The composer of each block kind; prev is the block before it in its section, or NULL. */
#define BLOCK_KIND(id, key, loader, resolver, composer_fn) void composer_fn(composer *c, const block *bl, const block *prev);
#include "load/kinds.def"
#undef BLOCK_KIND

#endif
