/* loader.h: what the brief's loader (brief.c) shares with the loaders of its blocks
 * (blocks.c, and a file per block kind that needs one): the loader's state and the
 * loaders of kinds.def. */
#ifndef MKBRIEF_LOADER_H
#define MKBRIEF_LOADER_H
#include "base/schema.h"

/* of load/brief.h, which includes nothing of the loader's */
typedef struct brief brief;
typedef struct block block;
typedef struct item item;
typedef struct cite cite;

/* Everything the checks need, passed down instead of kept in globals. */
typedef struct loader {
	schema S;
	brief *b;
	size_t searches; /* quotes, excerpts by text or from/to, highlights: each reads a whole source */
	int notes_over;  /* a note past BRIEF_MAX_NOTES was reported (once: the rest are not) */
} loader;

/* Locations kept in the model must outlive the YAML tree, so they name b->path (which the
 * brief owns) rather than the tree's copy of the file name. */
loc loader_loc(const loader *L, const ynode *n);
/* Where the value of scalar n starts, when it is written on one line as it reads (ynode's
 * value_col); col 0 otherwise. */
loc loader_value_loc(const loader *L, const ynode *n);

/* A block kind's loader reads the block's mapping map, whose kind key holds n, into bl. */
#define BLOCK_KIND(id, key, loader_fn, resolver, composer)                                                     \
	void loader_fn(loader *L, const ynode *map, const ynode *n, block *bl);
#include "load/kinds.def"
#undef BLOCK_KIND

/* One item: a string, or a mapping with text (and cite); what names it in messages. */
void load_item(loader *L, const ynode *n, item *it, const char *what);
/* The same, the mapping's keys checked against allowed (text, cite and what the caller reads). */
void load_item_keys(loader *L, const ynode *n, item *it, const char *what, const char *const *allowed);
/* A list under what ("bullets"), its items called itemwhat in messages, of numbers or
 * bullets, with its sub-lists, flat (lists.c). */
void load_list_items(loader *L, const ynode *n, const char *what, const char *itemwhat, int numbered, item **out,
		     size_t *nout);

/* One citation written s ("ID", "ID pN", "ID pN.S") at `at` (a value, or a place inside one),
 * into c: 1 when good, else 0 after reporting at `at`. */
int load_cite_text(loader *L, loc at, const char *s, cite *c);
/* Takes the notes ^[...] out of it->text into the brief's notes, reporting at n. */
void load_notes(loader *L, const ynode *n, item *it);
/* A warning when s, the value of n (a title, a heading, a speaker: `what`), holds a note,
 * which only analyst text takes: it would print as typed. */
void load_no_notes(loader *L, const ynode *n, const char *s, const char *what);
/* The citations of `cite:` (one or a list) into it. */
void load_cites(loader *L, const ynode *n, item *it);
/* Checks that s, the value of n, is a real ISO date YYYY-MM-DD; what names it in messages. */
void load_date(loader *L, const ynode *n, const char *s, const char *what);

#endif
