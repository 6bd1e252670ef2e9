/* layout_keys.h: keys of a layout file that come in tables, shared by the layout loader
 * (style.c) and `mkbrief schema layout`, so that the two cannot disagree. */
#ifndef MKBRIEF_LAYOUT_KEYS_H
#define MKBRIEF_LAYOUT_KEYS_H
#include <stddef.h>

#include "load/style.h"

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

/* the keys of the layout's own mapping, and of its sections that are not look_keys */
extern const char *const layout_keys[];
extern const char *const layout_page_keys[], *const layout_paper_names[], *const layout_margin_keys[];
extern const char *const layout_font_keys[];
extern const char *const layout_text_keys[], *const layout_aligns[], *const layout_linebreaks[];
extern const char *const layout_head_keys[]; /* header: and footer: */
extern const char *const layout_markings_keys[], *const layout_headings_keys[], *const layout_note_places[];
extern const char *const layout_colors_keys[], *const layout_rules_keys[];

#endif
