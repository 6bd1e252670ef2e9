/* pdfmarks.h: what the PDF's finishing pass (pdffinish.c) adds to the file cairo wrote,
 * collected while the pages are drawn: the links, and the structure elements the drawing
 * was tagged with (pdfmarks.c tags it through cairo). */
#ifndef MKBRIEF_PDFMARKS_H
#define MKBRIEF_PDFMARKS_H
#include <cairo.h>
#include <glib.h>
#include <stddef.h>

#include "typeset/image.h"

typedef struct pdf_link {
	int page;          /* 0-based page the link is on */
	double x, y, w, h; /* in points, from the page's top-left corner */
	int to_page;       /* 0-based target page */
	double to_x, to_y; /* target position, from the top-left */
	/* the marks keep their own copies (pdf_marks_link): the paragraphs they come from are
	 * freed before the finishing pass reads them */
	const char *uri;   /* an external link instead */
	const char *to;    /* an internal link's destination name ("src-1") */
	int leaf;          /* the element (index into leaves) whose text holds it, -1 none */
	int link_id;       /* > 0: its text was tagged as the Link leaf of this number in leaf's */
} pdf_link;

/* One structure element as cairo wrote it: the marked content of one leaf (a paragraph,
 * heading, cell, picture) on one page. Parts of one leaf on several pages, or between the
 * cells of a row, are written as several and joined again by the finishing pass. */
typedef struct pdf_leaf {
	int page;
	int path;  /* the containers: an index into doc->paths */
	int depth; /* how many of them (a list item's label stands in LI, not in its LBody) */
	int role;  /* tag_role */
	int id;    /* its number among its parent's */
	const char *alt; /* a figure's alternative text (the marks' copy) */
	int mcid;  /* its marked content's number on its page: cairo numbers them in order */
	/* a Link's text stands in the leaf it is part of: that leaf's role and number (0:
	 * the leaf stands in the containers) */
	int in_role, in_id;
	/* where it is drawn: left, top, right, bottom, in points from the page's top-left
	 * corner (a picture's rectangle, a line's slot, a table row's band); all 0: not known.
	 * The finishing pass gives Figures and Tables their /BBox from it */
	double box[4];
	const char *lang; /* the language of its text when not the document's (a source's), NULL */
} pdf_leaf;

typedef struct pdf_marks {
	pdf_link *links;
	size_t nlinks, caplinks;
	pdf_leaf *leaves;
	size_t nleaves, capleaves;
	int *orders; /* per leaf, the order (below) it was begun at */
	int open; /* the leaf being drawn (its cairo tag is open), -1 none */
	int hyphen_of; /* while an ART_HYPHEN is open: the leaf open before it, -1 none */
	int mcid_page, mcids; /* the page being drawn and the leaves begun on it */
	/* where what is drawn next stands in the brief: its item's index in doc->items (a
	 * float is drawn where it is printed, which may be pages after it; the structure tree
	 * puts it back in the brief's order by this), -1 not known */
	int order;
	GStringChunk *strings; /* the links' destinations and the figures' alt text */
	/* the vector figures drawn as stand-ins (image.h), by id: the finishing pass puts each
	 * figure's drawing in its stand-in's place */
	struct pdf_figure {
		const image *img;
		cairo_surface_t *standin;
	} *figures;
	size_t nfigures;
} pdf_marks;

/* Pagination artifacts are tagged through cairo too, as leaves with these roles (never put
 * in the structure tree): the finishing pass makes each an /Artifact sequence of type
 * /Pagination (with /Header, /Footer or /Watermark). What is drawn outside any tag (tints,
 * frames, rules: pdf_marks_artifact) becomes a /Layout artifact: tagging each of those
 * too would cost cairo a structure element a table row. */
enum {
	ART_HEADER = 100, /* the top banner and the running head */
	ART_FOOTER,       /* the bottom banner and the footer */
	ART_WATERMARK,    /* a draft's DRAFT */
	ART_PAGINATION,   /* what a page break repeats: a table's header, "(continued)" */
	/* a hyphen the line breaker added: no part of the text (PDF 14.8.2.2.3), or what
	 * reads the structure reads "Mos-cow" */
	ART_HYPHEN
};
/* The tag cairo writes for a leaf's role ("P"; "NonStruct" for ART_HEADER). */
const char *pdf_marks_tag(int role);
/* The properties of the /Artifact sequence an artifact's tag becomes, NULL for a tag
 * that names no artifact. */
const char *pdf_marks_artifact_props(const char *tag, size_t len);

/* box grown to hold add (pdf_leaf.box; an empty one, all 0, holds nothing). */
void pdf_box_grow(double box[4], const double add[4]);

pdf_marks *pdf_marks_new(void);
void pdf_marks_free(pdf_marks *m);
void pdf_marks_link(pdf_marks *m, pdf_link k);
/* What is drawn next on cr belongs to leaf l: its cairo tag is opened, unless l is the
 * one open (same page, path, role and number), after closing any other. */
void pdf_marks_leaf(pdf_marks *m, cairo_t *cr, const pdf_leaf *l);
/* Leaf l with nothing drawn in it (an empty table cell, whose TD keeps the row's cells in
 * step with its columns for a screen reader): an element with no marked content (mcid -1). */
void pdf_marks_empty_leaf(pdf_marks *m, const pdf_leaf *l);
/* The id of img's stand-in in this document, made when first asked for. */
int pdf_marks_figure(pdf_marks *m, const image *img);
/* What is drawn next is no part of the text (an artifact): the open tag is closed. */
void pdf_marks_artifact(pdf_marks *m, cairo_t *cr);
/* What is drawn next on page is an artifact of kind (ART_*); m may be NULL. */
void pdf_marks_artifact_of(pdf_marks *m, cairo_t *cr, int page, int kind);
/* What is drawn next on page is a hyphen the line breaker added to the open leaf's text:
 * an artifact, while links added until the next leaf stand in that leaf. */
void pdf_marks_hyphen(pdf_marks *m, cairo_t *cr, int page);

#endif
