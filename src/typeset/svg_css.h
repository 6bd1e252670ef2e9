/* svg_css.h: the references an SVG's CSS makes (url(#id) in fill, stroke, clip-path, mask,
 * filter and the markers), from a style="" attribute or a <style> sheet, for svg_cost.c;
 * a sheet's rules kept with the selector that says which elements they may reach. */
#ifndef MKBRIEF_SVG_CSS_H
#define MKBRIEF_SVG_CSS_H
#include <stddef.h>

enum {
	SVG_REF_HREF,       /* href="#id": draws the element */
	SVG_REF_PAINT,      /* fill, stroke: draws a pattern */
	SVG_REF_CLIP,       /* clip-path */
	SVG_REF_MASK,       /* mask */
	SVG_REF_FILTER,     /* filter */
	SVG_REF_MARKER,     /* marker-start, marker-end: once */
	SVG_REF_MARKER_EACH /* marker-mid, marker: at every vertex */
};

typedef struct svg_ref {
	int kind;
	char *id;   /* without its '#'; owned */
	int target; /* the element it names, once resolved; -1 if none */
} svg_ref;

/* A sheet rule's reference and the last compound of its selector: a type (NULL for any),
 * an id (NULL for any) and classes (space-separated, NULL for none), all owned. */
typedef struct svg_rule {
	svg_ref ref;
	char *type, *id, *classes;
} svg_rule;

/* The kind of reference a property (or presentation attribute) makes, or -1. */
int svg_css_property(const char *name);
/* The id in the first url(#id) of [v, end), with its length; NULL if there is none. */
const char *svg_css_url(const char *v, const char *end, size_t *len);
/* Appends the references of the declarations in [p, end) ("fill: url(#p); ...") to *refs. */
void svg_css_declarations(const char *p, const char *end, svg_ref **refs, size_t *n);
/* The rules of a style sheet that make references (a rule for each selector and reference),
 * *n of them (the caller frees them with svg_css_rules_free); past max, it stops with *n
 * max + 1. */
svg_rule *svg_css_rules(const char *sheet, size_t len, size_t max, size_t *n);
void svg_css_rules_free(svg_rule *rules, size_t n);
/* Whether the rule may reach an element of that (local) name, id and class attribute (either
 * may be NULL): true whenever its selector's last compound could match. */
int svg_css_matches(const svg_rule *rule, const char *name, const char *id, const char *cls);

#endif
