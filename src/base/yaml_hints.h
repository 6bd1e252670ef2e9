/* yaml_hints.h: libyaml's parse errors reported with a note on their usual cause. */
#ifndef MKBRIEF_YAML_HINTS_H
#define MKBRIEF_YAML_HINTS_H
#include <stddef.h>
#include <yaml.h>

#include "base/diag.h"

/* Reports parser p's error in file (its text[0, len)) at its place, with a note on the
 * usual cause where one is known. */
void yaml_report_parse_error(diag *d, const char *file, const yaml_parser_t *p, const char *text, size_t len);
/* The byte of text a mark stands at: libyaml counts characters, not bytes, in index and
 * column (a curly quote is one). */
size_t yaml_mark_byte(const char *text, size_t len, const yaml_mark_t *m);

#endif
