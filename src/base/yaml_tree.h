/* yaml_tree.h: a YAML document as a tree of nodes that remember their line and column. */
#ifndef MKBRIEF_YAML_TREE_H
#define MKBRIEF_YAML_TREE_H
#include <stddef.h>

#include "base/diag.h"

typedef enum { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP } ynode_kind;

typedef struct ynode ynode;
typedef struct ypair {
	ynode *key, *value;
} ypair;

struct ynode {
	ynode_kind kind;
	int line, col; /* 1-based, of the node's first character */
	/* scalar */
	char *str; /* NUL-terminated */
	size_t len;
	int plain; /* unquoted scalar: "null", "~" and "" mean no value */
	/* a scalar written on one line exactly as its value reads (plain or quoted, with no
	 * escape, anchor or tag): the column of the value's first character; else 0 */
	int value_col;
	/* sequence */
	ynode **items;
	size_t nitems;
	/* mapping, in document order; keys are scalars; of a key given twice (an error,
	 * ytree_errors) ymap_get finds the first */
	ypair *pairs;
	size_t npairs;
	int flow; /* a sequence or mapping written [a, b] or {k: v}, where a comma ends a value */
	/* An alias (*name) is a node of its own at the alias's line and column, so that what is
	 * wrong with the value where it is used is reported there; it shares str, items and
	 * pairs with the anchored node, which owns them. The nodes inside keep the anchor's
	 * places, where their text is written. NULL for every other node. */
	const ynode *alias_of;
};

/* Limits that keep hostile files cheap; see README "Limits". */
#define YTREE_MAX_BYTES (1u << 20)   /* 1 MiB per YAML file */
#define YTREE_MAX_DEPTH 64
#define YTREE_MAX_NODES 100000       /* after alias expansion */

typedef struct ytree ytree;

/* Parses the file at path; diagnostics name it `display`. Returns NULL after reporting
 * errors. An empty document gives a tree whose root is NULL. */
ytree *ytree_load(const char *path, const char *display, diag *d);
/* Same, from memory (text need not be NUL-terminated). */
ytree *ytree_parse(const char *text, size_t len, const char *display, diag *d);
void ytree_free(ytree *t);
ynode *ytree_root(const ytree *t);
const char *ytree_file(const ytree *t);
/* Errors reported in a tree that still loads (a key given twice: the first counts). */
int ytree_errors(const ytree *t);

/* The location of a node, for diagnostics. */
loc ynode_loc(const ytree *t, const ynode *n);
/* Value of key in a mapping, or NULL. */
ynode *ymap_get(const ynode *map, const char *key);
/* The key node of key in a mapping, or NULL: for errors that point at the key. */
ynode *ymap_key(const ynode *map, const char *key);
/* 1 if n is a scalar meaning "no value" (absent, empty, ~, null). */
int ynode_is_null(const ynode *n);
const char *ynode_kind_name(const ynode *n); /* "a string", "a list", "a mapping" */

/* Checks a mapping against the keys a schema allows: reports each unknown key (with
 * "did you mean" for a near miss, else the list of allowed keys) and each missing
 * required key (at the mapping). `what` names the mapping in messages ("brief",
 * "source 'edm-2018'"). Returns the number of errors reported. */
int ymap_check(const ytree *t, const ynode *map, const char *what, const char *const *allowed,
	       const char *const *required, diag *d);
/* ymap_check with the caller's word on each unknown key: unknown(map, key, 0, ctx) returns 1
 * when the caller knows where the key belongs (the error then names no near key, which
 * would point the wrong way, nor the allowed keys), and unknown(map, key, 1, ctx) after the
 * key's error and notes prints the caller's own note. */
typedef int ymap_unknown_fn(const ynode *map, const ynode *key, int say, void *ctx);
int ymap_check_with(const ytree *t, const ynode *map, const char *what, const char *const *allowed,
		    const char *const *required, diag *d, ymap_unknown_fn *unknown, void *ctx);
/* Reports "`what` must be X, not Y" if n is not of the kind; returns 1 if it is. */
int ynode_expect(const ytree *t, const ynode *n, ynode_kind kind, const char *what, diag *d);
/* The closest of the candidates to word (NULL-terminated list), or NULL if none is near. */
const char *nearest_word(const char *word, const char *const *candidates);

#endif
