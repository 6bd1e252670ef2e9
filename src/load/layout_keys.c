/* layout_keys.c: the key lists of layout_keys.h, section by section. */
#include "load/layout_keys.h"

#include <stddef.h>

const char *const layout_keys[] = {"page", "columns", "gutter", "fonts", "text", "headings", "colors",
				   "rules", "title-block", "bullets", "numbered", "excerpt", "summary", "quote",
				   "sources", "box", "box-comment", "box-outlook", "box-bottom-line", "markings", "notes",
				   "table", "handling", "header", "footer", "banners", "pdf", NULL};
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
const char *const layout_colors_keys[] = {"accent", "highlight", NULL};
const char *const layout_rules_keys[] = {"width", NULL};
