/* svg_entities.h: an SVG's own XML entities (those its DOCTYPE declares) written out in a
 * copy of its text, so that svg_cost.c counts the elements librsvg will see. */
#ifndef MKBRIEF_SVG_ENTITIES_H
#define MKBRIEF_SVG_ENTITIES_H
#include <stddef.h>

/* Entities nested deeper than this are refused (libxml2 refuses a loop; real files nest
 * one or two). */
#define SVG_ENTITIES_MAX_DEPTH 16

/* Expands the general entities declared in the internal subset of b's DOCTYPE wherever the
 * text after it refers to them, and drops that DOCTYPE. Returns 0 when b declares none (out
 * is NULL: b is to be read as it is), 1 with *out a new NUL-terminated text of *out_len bytes
 * (the caller's to free), or -1 when it cannot be done: *why then says why in a few words
 * (a static string), for a text of more than max_len bytes, entities nested too deep or
 * referring to themselves, or a DTD with parameter entities. */
int svg_entities_expand(const char *b, size_t len, size_t max_len, char **out, size_t *out_len, const char **why);

#endif
