/* layout_keys.c: the tables of layout_keys.h: the font roles, and the look of each kind
 * of block, key by key. */
#include "load/layout_keys.h"

#include <stddef.h>

const role_key role_keys[] = {
	{"body", offsetof(style, body)},       {"title", offsetof(style, title)},
	{"subtitle", offsetof(style, subtitle)}, {"meta", offsetof(style, meta)},
	{"heading", offsetof(style, heading)}, {"heading-2", offsetof(style, heading2)},
	{"heading-3", offsetof(style, heading3)}, {"quote", offsetof(style, quote)},
	{"excerpt", offsetof(style, excerpt)}, {"banner", offsetof(style, banner)},
	{"small", offsetof(style, small)},     {"box-head", offsetof(style, box_head)},
	{"table", offsetof(style, table)},     {"table-head", offsetof(style, table_head)},
};
const size_t nrole_keys = sizeof role_keys / sizeof role_keys[0];

const char *const layout_table_rules[] = {"booktabs", "rows", "none", NULL};
const look_key look_keys[] = {
	{"title-block", "subtitle-space", LOOK_SPACE, offsetof(style, subtitle_space), NULL},
	{"title-block", "meta-space", LOOK_SPACE, offsetof(style, meta_space), NULL},
	{"title-block", "rule-space", LOOK_SPACE, offsetof(style, rule_space), NULL},
	{"title-block", "space-after", LOOK_SPACE, offsetof(style, title_space_after), NULL},
	{"bullets", "indent", LOOK_SPACE, offsetof(style, bullet_indent), NULL},
	{"bullets", "marker-inset", LOOK_SPACE, offsetof(style, bullet_inset), NULL},
	{"bullets", "markers", LOOK_MARKERS, offsetof(style, bullet_markers), NULL},
	{"numbered", "indent", LOOK_SPACE, offsetof(style, number_indent), NULL},
	{"numbered", "gap", LOOK_SPACE, offsetof(style, number_gap), NULL},
	{"numbered", "markers", LOOK_NUMBERS, offsetof(style, number_markers), NULL},
	{"excerpt", "indent", LOOK_SPACE, offsetof(style, excerpt_indent), NULL},
	{"excerpt", "bar", LOOK_RULE, offsetof(style, excerpt_bar), NULL},
	{"excerpt", "tint", LOOK_COLOR, offsetof(style, excerpt_tint), NULL},
	{"excerpt", "padding", LOOK_SPACE, offsetof(style, excerpt_padding), NULL},
	{"excerpt", "cite-space", LOOK_SPACE, offsetof(style, excerpt_cite_space), NULL},
	{"summary", "title", LOOK_TEXT, offsetof(style, box_title), NULL},
	{"summary", "fill", LOOK_COLOR, offsetof(style, box_fill), NULL},
	{"summary", "rule", LOOK_COLOR, offsetof(style, box_rule), NULL},
	{"summary", "padding", LOOK_SPACE, offsetof(style, box_padding), NULL},
	{"summary", "space-before", LOOK_SPACE, offsetof(style, box_space_before), NULL},
	{"summary", "title-space", LOOK_SPACE, offsetof(style, box_title_space), NULL},
	{"quote", "indent", LOOK_SPACE, offsetof(style, quote_indent), NULL},
	{"quote", "bar", LOOK_RULE, offsetof(style, quote_bar), NULL},
	{"quote", "bar-gap", LOOK_SPACE, offsetof(style, quote_bar_gap), NULL},
	{"quote", "cite-space", LOOK_SPACE, offsetof(style, quote_cite_space), NULL},
	{"sources", "indent", LOOK_SPACE, offsetof(style, sources_indent), NULL},
	{"sources", "new-page", LOOK_BOOL, offsetof(style, sources_new_page), NULL},
	{"box", "fill", LOOK_COLOR, offsetof(style, frame_fill[0]), NULL},
	{"box", "rule", LOOK_COLOR, offsetof(style, frame_rule[0]), NULL},
	{"box", "padding", LOOK_SPACE, offsetof(style, frame_padding), NULL},
	{"box", "title-space", LOOK_SPACE, offsetof(style, frame_title_space), NULL},
	{"box-comment", "fill", LOOK_COLOR, offsetof(style, frame_fill[1]), NULL},
	{"box-comment", "rule", LOOK_COLOR, offsetof(style, frame_rule[1]), NULL},
	{"box-comment", "title", LOOK_TEXT, offsetof(style, frame_title[1]), NULL},
	{"box-outlook", "fill", LOOK_COLOR, offsetof(style, frame_fill[2]), NULL},
	{"box-outlook", "rule", LOOK_COLOR, offsetof(style, frame_rule[2]), NULL},
	{"box-outlook", "title", LOOK_TEXT, offsetof(style, frame_title[2]), NULL},
	{"box-bottom-line", "fill", LOOK_COLOR, offsetof(style, frame_fill[3]), NULL},
	{"box-bottom-line", "rule", LOOK_COLOR, offsetof(style, frame_rule[3]), NULL},
	{"box-bottom-line", "title", LOOK_TEXT, offsetof(style, frame_title[3]), NULL},
	{"table", "rules", LOOK_CHOICE, offsetof(style, table_rules), layout_table_rules},
	{"table", "tint", LOOK_COLOR, offsetof(style, table_tint), NULL},
	{"table", "head-tint", LOOK_COLOR, offsetof(style, table_head_tint), NULL},
	{"table", "padding", LOOK_SPACE, offsetof(style, table_padding), NULL},
	{"table", "row-padding", LOOK_SPACE, offsetof(style, table_row_padding), NULL},
	{"table", "caption-space", LOOK_SPACE, offsetof(style, table_caption_space), NULL},
	{"handling", "fill", LOOK_COLOR, offsetof(style, handling_fill), NULL},
	{"handling", "rule", LOOK_COLOR, offsetof(style, handling_rule), NULL},
	{"handling", "padding", LOOK_SPACE, offsetof(style, handling_padding), NULL},
	{"handling", "space-before", LOOK_SPACE, offsetof(style, handling_space_before), NULL},
	{"handling", "contact-rule", LOOK_SPACE, offsetof(style, contact_rule), NULL},
	{"handling", "watermark", LOOK_COLOR, offsetof(style, watermark), NULL},
};
const size_t nlook_keys = sizeof look_keys / sizeof look_keys[0];

const char *const layout_keys[] = {"page", "columns", "gutter", "fonts", "text", "headings", "colors",
				   "rules", "title-block", "bullets", "numbered", "excerpt", "summary", "quote",
				   "sources", "box", "box-comment", "box-outlook", "box-bottom-line", "markings", "notes",
				   "table", "handling", "header", "footer", "banners", NULL};
const char *const layout_page_keys[] = {"size", "width", "height", "margins", NULL};
const char *const layout_paper_names[] = {"letter", "legal", "a4", "a5", NULL};
const char *const layout_margin_keys[] = {"top", "bottom", "left", "right", NULL};
const char *const layout_font_keys[] = {"family", "size", "leading", "bold", "italic", "caps", "tracking", "color", NULL};
const char *const layout_text_keys[] = {"align", "hyphenate", "linebreak", "expansion", "lang", "paragraph-space",
					"block-space", "first-indent", "widows", "orphans", NULL};
const char *const layout_aligns[] = {"left", "justify", "center", "right", NULL};
const char *const layout_linebreaks[] = {"greedy", "optimal", NULL};
const char *const layout_head_keys[] = {"left", "center", "right", NULL};
const char *const layout_markings_keys[] = {"headings", "title", "levels", NULL};
const char *const layout_headings_keys[] = {"space-before", "space-after", "numbers", NULL};
const char *const layout_note_places[] = {"foot", "end", NULL};
const char *const layout_colors_keys[] = {"accent", NULL};
const char *const layout_rules_keys[] = {"width", NULL};
