/* layout_keys.h: the keys of a layout file, shared by the layout loader (style.c) and
 * `mkbrief schema layout`, so that the two cannot disagree; the font roles and the look
 * keys, which point into a style, are style.h's role_keys and look_keys. */
#ifndef MKBRIEF_LAYOUT_KEYS_H
#define MKBRIEF_LAYOUT_KEYS_H
#include <stddef.h>


/* the keys of the layout's own mapping, and of its sections that are not look_keys */
extern const char *const layout_keys[];
extern const char *const layout_page_keys[], *const layout_paper_names[], *const layout_margin_keys[];
extern const char *const layout_font_keys[];
extern const char *const layout_text_keys[], *const layout_aligns[], *const layout_linebreaks[];
extern const char *const layout_head_keys[]; /* header: and footer: */
extern const char *const layout_markings_keys[], *const layout_headings_keys[], *const layout_note_places[];
extern const char *const layout_colors_keys[], *const layout_rules_keys[];

#endif
