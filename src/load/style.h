/* style.h: a layout (layouts/NAME.yaml): page geometry, fonts per role, spacing, colours
 * and running heads. All lengths are in PostScript points. */
#ifndef MKBRIEF_STYLE_H
#define MKBRIEF_STYLE_H

#include <stddef.h>

#include "base/diag.h"
#include "base/schema.h"

#define STYLE_MAX_HEAD_CHARS 200
#define STYLE_MAX_HEAD_FIELDS 8
/* A marker per level of a nested list (bullets.markers, numbered.markers), each at most
 * STYLE_MAX_MARKER_CHARS characters: a marker sits in a list's gutter. */
#define STYLE_LIST_LEVELS 3
#define STYLE_MAX_MARKER_CHARS 8

/* The fields a running head may name in braces, one row each: the loader accepts these
 * and render/render.c fills them in, so that neither can know a field the other does not. */
#define STYLE_HEAD_FIELDS                              \
	HEAD_FIELD(HEAD_TITLE, "title")                \
	HEAD_FIELD(HEAD_DATE, "date")                  \
	HEAD_FIELD(HEAD_CLASSIFICATION, "classification") \
	HEAD_FIELD(HEAD_PAGE, "page")                  \
	HEAD_FIELD(HEAD_PAGES, "pages")                \
	HEAD_FIELD(HEAD_SECTION, "section")            \
	HEAD_FIELD(HEAD_AUTHOR, "author")              \
	HEAD_FIELD(HEAD_CONTROL, "control")

typedef enum {
#define HEAD_FIELD(id, name) id,
	STYLE_HEAD_FIELDS
#undef HEAD_FIELD
	HEAD_NFIELDS
} head_field;

/* How one kind of text is set. */
typedef struct font_role {
	char *family;   /* fontconfig family name, e.g. "Noto Serif" */
	double size;    /* pt */
	double leading; /* baseline-to-baseline distance, pt */
	int bold, italic;
	int caps;        /* set in capitals (banners) */
	double tracking; /* extra letter spacing, pt */
	rgb color;
	loc family_at;   /* where the layout names family; its file NULL for the default */
} font_role;

/* table.rules: booktabs (a rule above and below the table and under its header), rows
 * (and a hairline between rows), none */
enum { TABLE_RULES_BOOKTABS, TABLE_RULES_ROWS, TABLE_RULES_NONE };

typedef enum { ALIGN_LEFT, ALIGN_JUSTIFY, ALIGN_CENTER, ALIGN_RIGHT } text_align;

/* Every string of a style lives in its `strings`, freed with it. */
typedef struct style {
	GStringChunk *strings;
	char *name; /* as named by the brief or --layout */
	char *path; /* the file it came from */
	double page_w, page_h;
	double margin_top, margin_bottom, margin_left, margin_right;
	int columns;
	double gutter;

	font_role body, title, subtitle, meta, heading, heading2, heading3, quote, excerpt, banner, small, box_head, table,
		table_head;

	text_align align;       /* body text */
	int hyphenate;          /* 1 = hyphenate body text */
	int linebreak_optimal;  /* linebreak: optimal (1) or greedy (0) */
	double expansion;       /* text.expansion: glyph widths may change by this fraction (0..0.05) */
	char *lang;             /* e.g. "en-US" */
	loc lang_at;            /* where the layout set it; none for the default */
	double para_space;      /* between paragraphs of one block */
	double block_space;     /* between blocks */
	double first_indent;    /* first-line indent of follow-on paragraphs */
	double heading_space_before, heading_space_after;
	int heading_numbers;    /* headings numbered 1, 1.1, 1.1.1 */

	/* portion markings: also before headings and the title; the levels in order, lowest
	 * first (none: any marking goes), against which portions are checked */
	int notes_end;          /* notes: end (a Notes section) rather than foot (each page's) */
	int mark_headings, mark_title;
	char **mark_levels; /* owned array of strings in `strings` */
	size_t nmark_levels;
	int widows, orphans;    /* minimum lines left at the top / bottom of a column */

	rgb accent;             /* headings, rules, bars: one colour that survives grey copies */
	double rule_width;

	/* the title block: title, subtitle, date line and rule on page 1 */
	double subtitle_space;  /* above the subtitle */
	double meta_space;      /* above the date and author line */
	double rule_space;      /* above the rule that closes the title block */
	double title_space_after; /* below it; < 0: block_space + 6 */

	/* bulleted lists; a sub-list's left edge is its item's text */
	double bullet_indent;   /* the items' text, from the list's left edge */
	double bullet_inset;    /* the bullet, from the list's left edge */
	char *bullet_markers[STYLE_LIST_LEVELS]; /* per level of bullets: "•", "–", "‣" */
	/* numbered lists: the numbers right-aligned in a gutter as wide as the widest */
	double number_indent;   /* the items' text, from the list's left edge, at least */
	double number_gap;      /* between a number and its item's text */
	/* per level of numbers: "1.", "a.", "i.": a counter (1 a A i I, the first of these
	 * characters) and the text around it */
	char *number_markers[STYLE_LIST_LEVELS];
	/* where each level's marker is written: [0] bullets, [1] numbers; file NULL: the default */
	loc marker_at[2][STYLE_LIST_LEVELS];

	/* the annex's passages used by the brief: drawn under their words */
	rgb highlight;

	/* excerpts */
	double excerpt_indent;  /* left indent of the source text */
	double excerpt_bar;     /* width of the bar at the left of an excerpt, 0 = none */
	rgb excerpt_tint;       /* background; white = none */
	double excerpt_padding; /* inside the tint, around the text */
	double excerpt_cite_space; /* above the citation line */

	/* key points box */
	char *box_title;        /* "Key points" */
	rgb box_fill, box_rule;
	double box_padding;
	double box_space_before; /* above the box; < 0: block_space + 4 */
	double box_title_space;  /* between the box's title and its bullets */

	/* pull quotes */
	double quote_indent;    /* left and right indent */
	double quote_bar;       /* bar width at the left, 0 = rules above and below instead */
	double quote_bar_gap;   /* between the bar and the text */
	double quote_cite_space; /* above the speaker and citation line */

	/* box blocks: [0] the plain look, then the kinds comment, outlook and bottom-line
	 * (BOX_KIND_*: load/box.h): fill, top rule and the title a box of the kind gets
	 * when it has none ("" for a plain box) */
	rgb frame_fill[4], frame_rule[4];
	char *frame_title[4];
	double frame_padding, frame_title_space;

	/* tables and chronologies */
	int table_rules;         /* TABLE_RULES_* */
	int pdf_standard;        /* PDF_STANDARD_*: what the PDF claims to meet besides PDF/UA-1 */
	rgb table_tint;          /* every other body row; white = none */
	rgb table_head_tint;     /* the header row; white = none */
	double table_padding;    /* left and right of each cell's text */
	double table_row_padding; /* above and below each row's text */
	double table_caption_space; /* between the caption and the table */

	/* the Sources page */
	double sources_indent;  /* the entries' text, right of their numbers */
	int sources_new_page;   /* 1: Sources start a page; 0: they follow on when they fit */

	/* handling: the distribution statement's frame on page 1, the short rule above the
	 * point of contact, the draft watermark */
	rgb handling_fill, handling_rule;
	double handling_padding;
	double handling_space_before; /* above the distribution box */
	double contact_rule;    /* length of the rule above the contact line; 0: none */
	rgb watermark;          /* DRAFT, behind the text: light, so text reads through it */

	/* running heads: templates with {title} {date} {classification} {page} {pages}
	 * {section} {author} {control}; empty string = nothing */
	char *header_left, *header_center, *header_right;
	char *footer_left, *footer_center, *footer_right;
	int banners; /* classification banner at top and bottom of every page */
} style;

/* Loads layouts/NAME.yaml (NAME must be a plain name: no '/', no ".."), or a path ending
 * in .yaml. Unset keys take the defaults of the built-in handout. `at` is where the name
 * was given (the brief's layout: key, or no location for --layout). */
/* The rules' width the spacing around them was set for (rules.width's default). A wider
 * rule grows outward, away from the text it borders, by what it is wider (times part for
 * a rule drawn at a share of the width: a table's header rule is half of it), and the
 * layout makes that room (boxes, tables, the distribution statement's frame), so that the
 * gap between a rule and its text stays as at this width: a thick rule drawn inward covered
 * the text (a user's trial). A thinner rule keeps its place. */
#define RULE_WIDTH_DEFAULT 0.75
static inline double style_rule_growth(const style *s, double part)
{
	double g = (s->rule_width - RULE_WIDTH_DEFAULT) * part;
	return g > 0 ? g : 0;
}

style *style_load(const char *name, const char *const *layout_dirs, loc at, diag *d);
/* The same, but a layout with errors in its keys still comes back, with *errors set (its
 * keys in error take their defaults), so that checks made later (its font families,
 * against the fonts) report in the same run; NULL only when the file could not be read. */
style *style_load_partial(const char *name, const char *const *layout_dirs, loc at, int *errors, diag *d);
/* The built-in defaults (US Letter handout). */
style *style_default(void);
void style_free(style *s);
/* The running-head field named by s[0, n), or -1. */
int style_head_field(const char *s, size_t n);

/* fonts: one role per key, each a font_role of style at off */
typedef struct role_key {
	const char *key;
	size_t off;
} role_key;
extern const role_key role_keys[];
extern const size_t nrole_keys;

/* How the blocks look: the title block, lists, excerpts, the Key points box, pull quotes,
 * the Sources page and the handling marks. A key is one row: its section's allowed keys,
 * its message name ("quote.bar-gap") and its getter all come from the row. Rows of a
 * section are adjacent. */
typedef enum { LOOK_SPACE, LOOK_RULE, LOOK_COLOR, LOOK_TEXT, LOOK_CHOICE, LOOK_MARKERS, LOOK_NUMBERS, LOOK_BOOL } look_type;
typedef struct look_key {
	const char *section, *key;
	look_type type;
	size_t off;
	const char *const *choices; /* LOOK_CHOICE: the words, in the order of the field's values */
} look_key;
extern const look_key look_keys[];
extern const size_t nlook_keys;
extern const char *const layout_table_rules[];
enum { PDF_STANDARD_NONE, PDF_STANDARD_A2B };
extern const char *const layout_pdf_standards[];

#endif
