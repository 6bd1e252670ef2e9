/* keys.c: the key lists of keys.h, one row per kind of mapping in a brief. */
#include "load/keys.h"

#include <stddef.h>

const char *const brief_keys[] = {"title", "subtitle", "date", "author", "classification", "marking",
				  "layout", "lang", "hyphenation", "distribution", "control", "as-of", "contact", "draft",
				  "annex", "sources", "summary", "sections", NULL};
const char *const brief_required[] = {"title", "date", "sources", "sections", NULL};
const char *const source_keys[] = {"file", "url", "title", "date", "lang", "sha256", NULL};
const char *const source_required[] = {"file", NULL};
const char *const section_keys[] = {"heading", "content", "sections", "marking", "page-break", NULL};
const char *const section_required[] = {"heading", NULL};
const char *const block_kind_keys[] = {
#define BLOCK_KIND(id, key, loader_fn, resolver, composer) key,
#include "load/kinds.def"
#undef BLOCK_KIND
	NULL};
const char *const block_extra_keys[] = {"cite", "marking", "page-break", NULL};
const char *const text_item_keys[] = {"text", "cite", NULL};
const char *const text_item_required[] = {"text", NULL};
const char *const list_item_keys[] = {"text", "cite", "items", "numbered", "marking", NULL};
const char *const quote_keys[] = {"source", "text", "speaker", "highlight", "note", NULL};
const char *const quote_required[] = {"source", "text", NULL};
const char *const excerpt_keys[] = {"source", "paragraphs", "from", "to", "text", "note", NULL};
const char *const excerpt_required[] = {"source", NULL};
const char *const figure_keys[] = {"file", "alt", "caption", "credit", "width", "marking", NULL};
const char *const figure_required[] = {"file", "alt", NULL};
const char *const box_keys[] = {"title", "kind", "content", NULL};
const char *const box_required[] = {"content", NULL};
const char *const box_kinds[] = {"comment", "outlook", "bottom-line", NULL};
const char *const table_keys[] = {"caption", "columns", "widths", "align", "rows", "marking", NULL};
const char *const table_required[] = {"rows", NULL};
const char *const table_aligns[] = {"left", "right", "center", "decimal", NULL};
const char *const chronology_keys[] = {"caption", "events", "marking", NULL};
const char *const chronology_required[] = {"events", NULL};
const char *const event_keys[] = {"date", "text", "cite", NULL};
const char *const event_required[] = {"date", "text", NULL};
