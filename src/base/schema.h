/* schema.h: typed values read from the located YAML tree, for the loaders of briefs and
 * layouts: each getter checks one value against what it may be and reports what is wrong
 * where it was written, so that both file kinds word the same mistake the same way. */
#ifndef MKBRIEF_SCHEMA_H
#define MKBRIEF_SCHEMA_H
#include <glib.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/yaml_tree.h"

#define PT_PER_IN 72.0
#define PT_PER_MM (72.0 / 25.4)

typedef struct rgb {
	double r, g, b; /* 0..1 */
} rgb;

/* One YAML file being checked. Errors are counted here as well as in d: the caller's diag
 * may already hold errors from other files. */
typedef struct schema schema;
/* Called for each unknown key of a mapping schema_keys checks: a loader that knows where the
 * key belongs (a block's key written inside its kind) returns 1 when say is 0, and says
 * where when say is 1, after the key's error (ymap_unknown_fn). */
typedef int schema_misplaced_fn(schema *S, const ynode *map, const ynode *key, int say, void *ctx);

struct schema {
	const ytree *t;
	diag *d;
	int errors;
	GStringChunk *strings; /* the copies of values: the loaded model's, freed with it */
	size_t copied;         /* bytes of strings taken, every alias of one counted again */
	schema_misplaced_fn *misplaced; /* NULL: none */
	void *misplaced_ctx;
};

/* The text a file may hold once its aliases are expanded: an alias is cheap in the tree
 * (yaml_tree.c), but each use of a string is copied and read, so 90,000 aliases of a 21 KB
 * bullet would be 1.9 GB. Well above what a brief may set (compose.c, 2 MiB). */
#define SCHEMA_MAX_TEXT_BYTES (16u << 20)

/* An error at n (at the file when n is NULL), counted. */
void schema_error(schema *S, const ynode *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* An error at a place inside a value (a citation in a note's text), counted. */
void schema_error_at(schema *S, loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* ynode_expect, counted: 1 if n is of the kind. */
int schema_expect(schema *S, const ynode *n, ynode_kind kind, const char *what);
/* The number of entries of n, a mapping or list (kind) that may not be empty; 0 after
 * reporting that it is not one, or is empty ("WHAT must not be an empty list", or if_empty). */
size_t schema_entries(schema *S, const ynode *n, ynode_kind kind, const char *what, const char *if_empty);
/* ymap_check, counted: unknown keys (with "did you mean") and missing required keys. */
int schema_keys(schema *S, const ynode *map, const char *what, const char *const *allowed,
		const char *const *required);
/* map[key] as a mapping whose keys are checked against allowed; NULL when absent, empty
 * or (after reporting) not a mapping. */
const ynode *schema_section(schema *S, const ynode *map, const char *key, const char *what,
			    const char *const *allowed);

/* A non-empty string of no control characters (other than line breaks and tabs) and at
 * most max_chars characters (0: any number), copied into S->strings; NULL when n is NULL
 * or after reporting. */
char *schema_string(schema *S, const ynode *n, const char *what, size_t max_chars);
/* A scalar with a value, or NULL after "WHAT must be EXPECTED, not ...". */
const char *schema_scalar(schema *S, const ynode *n, const char *what, const char *expected);

/* The getters below read map[key]: absent leaves *out as it is (the default). A getter
 * that returns a node returns the one it read, NULL when absent or bad. */
typedef enum { SCHEMA_ANY, SCHEMA_NONNEG, SCHEMA_POSITIVE } schema_sign;
/* A length in pt, mm, cm or in, converted to points; max > 0 bounds its size. */
const ynode *schema_length(schema *S, const ynode *map, const char *key, const char *what, schema_sign sign,
			   double max, double *out);
const ynode *schema_color(schema *S, const ynode *map, const char *key, const char *what, rgb *out);
void schema_bool(schema *S, const ynode *map, const char *key, const char *what, int *out);
const ynode *schema_int(schema *S, const ynode *map, const char *key, const char *what, int lo, int hi,
			int *out);
/* "2%", from 0 to hi percent, as a fraction. */
void schema_percent(schema *S, const ynode *map, const char *key, const char *what, double hi, double *out);
/* A string that may be empty (null and "" both give ""), copied into S->strings. */
void schema_text(schema *S, const ynode *map, const char *key, const char *what, char **out);
/* One of the NULL-terminated choices: sets *out to its index and returns 1. */
int schema_choice(schema *S, const ynode *map, const char *key, const char *what, const char *const *choices,
		  int *out);

/* The value parsers the getters use, for values made of several (a page size "210mm
 * 297mm"): 0 and *out set, or -1. */
int schema_parse_length(const char *s, double *out);
rgb schema_hex(unsigned v); /* 0xRRGGBB */

/* A language tag: letters, then dash-separated letters or digits (en, en-US, zh-Hant-TW). */
int schema_lang_tag(const char *s);
/* A language tag in its usual case, in place (the case carries no meaning, RFC 5646 2.1.1):
 * the language lower, a region upper, a script titled: DE-ch is de-CH, SR-LATN sr-Latn. */
void schema_lang_case(char *s);

#endif
