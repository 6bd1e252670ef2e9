/* keys.h: every key a brief may hold, object by object: the loaders check mappings against
 * these lists, and `mkbrief schema brief` writes the JSON Schema from them, so the two
 * cannot disagree. NULL-terminated; *_required lists the keys that must be present. */
#ifndef MKBRIEF_KEYS_H
#define MKBRIEF_KEYS_H

extern const char *const brief_keys[], *const brief_required[];
extern const char *const source_keys[], *const source_required[];
extern const char *const section_keys[], *const section_required[];
/* a block: one of the kinds of kinds.def, and these beside it */
extern const char *const block_kind_keys[], *const block_extra_keys[];
/* an item of the Key points, a text block's {text, cite} and a table cell's */
extern const char *const text_item_keys[], *const text_item_required[];
/* an item of a bulleted or numbered list, with its sub-list */
extern const char *const list_item_keys[];
extern const char *const quote_keys[], *const quote_required[];
extern const char *const excerpt_keys[], *const excerpt_required[];
extern const char *const figure_keys[], *const figure_required[];
extern const char *const box_keys[], *const box_required[], *const box_kinds[];
extern const char *const table_keys[], *const table_required[], *const table_aligns[];
extern const char *const chronology_keys[], *const chronology_required[];
extern const char *const event_keys[], *const event_required[];

#endif
