/* measures.h: the widths a layout's indents and paddings leave each kind of text, checked
 * together once the column width is known. */
#ifndef MKBRIEF_MEASURES_H
#define MKBRIEF_MEASURES_H

#include "base/schema.h"
#include "base/yaml_tree.h"

/* How deep lists are checked: as deep as a brief may nest them (BRIEF_LIST_LEVELS, in
 * load/brief.h, which includes style.h: lists.c checks that the two agree). */
#define MEASURE_LIST_LEVELS 3
#define MEASURE_MAX_FONTS 16

/* A font the layout sets text in (fonts.body...): its size and its lines' height. */
typedef struct layout_font {
	const char *key; /* "body", as under fonts: */
	double size, leading;
} layout_font;

/* What of a layout (style.h) takes width from text, copied by the loader (which this
 * file's checks must not include: style.c calls them). */
typedef struct layout_widths {
	double excerpt_indent, excerpt_bar, excerpt_padding;
	double quote_indent, quote_bar, quote_bar_gap;
	double bullet_indent, number_indent, number_gap;
	double box_padding;     /* box.padding: a box block */
	double summary_padding; /* summary.padding: the Key points box */
	double table_padding, first_indent, sources_indent, handling_padding;
	/* what a wide rules.width takes inside the distribution's frame: what it is wider than
	 * rule_default (style.h: RULE_WIDTH_DEFAULT) */
	double handling_rule, rule_default;
	/* the font sizes of excerpts, pull quotes, body text (lists, boxes, Sources), tables
	 * and the meta line (the distribution statement) */
	double excerpt_size, quote_size, body_size, table_size, meta_size;
	int columns;
	double gutter; /* between columns */
	layout_font fonts[MEASURE_MAX_FONTS];
	size_t nfonts;
} layout_widths;

/* Reports, at the gutter, a gutter under half an em of the body text between columns
 * (where the lines of one column would read on into the next); then, at the layout key most to blame, every kind of text (an excerpt's, a pull
 * quote's, a list's three levels deep, a box's, a table cell's, ...) that the indents
 * and paddings of got, added up as the composer adds them, leave narrower than 12 em of
 * its font in a column col wide (text_w: the full text width, for page 1's boxes); in a
 * narrower column, than half of it, or than builtin's (the built-in layout's) leave.
 * root is the layout file's mapping, where the keys are found. First, at its leading or
 * size, every font whose lines are taller than the page's text (text_h high) or whose em
 * is wider than its column (the title's and subtitle's: the text width). */
void layout_check_measures(schema *S, const layout_widths *got, const layout_widths *builtin, const ynode *root,
			   double col, double text_w, double text_h);

#endif
