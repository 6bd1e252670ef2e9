/* marking.c: portion markings: which one each block carries (its own, else its section's,
 * else the brief's), and whether each marking written is one of the layout's levels and no
 * higher than the classification banner of the pages it is printed on. */
#include <ctype.h>
#include <string.h>

#include "base/util.h"
#include "layout/composer.h"

const char *compose_marking_of(const brief *b, const section *s, const block *bl)
{
	if (bl && bl->marking)
		return bl->marking;
	if (s && s->marking)
		return s->marking;
	return b->marking;
}

/* The letters of a portion marking: "(TS)" → "TS". */
static size_t mark_letters(const char *mark, char *out, size_t cap)
{
	size_t n = 0;
	for (const char *p = mark; *p && n + 1 < cap; p++)
		if (isalnum((unsigned char)*p))
			out[n++] = (char)toupper((unsigned char)*p);
	out[n] = 0;
	return n;
}

/* Whether a banner reads as the level with these letters: 2 whole, "CUI" as (CUI), "TOP
 * SECRET" as (TS) by its initials; 1 by its first letter, "SECRET" or "UNCLASSIFIED" as (S)
 * or (U); 0 not. Only what comes before "//" (caveats) counts. */
static int banner_is(const char *banner, const char *letters)
{
	char word[128], initials[32];
	size_t nw = 0, ni = 0, words = 0;
	int start = 1;
	for (const char *p = banner; *p && !(p[0] == '/' && p[1] == '/'); p++) {
		int letter = isalnum((unsigned char)*p);
		if (letter && start && ni + 1 < sizeof initials) {
			initials[ni++] = (char)toupper((unsigned char)*p);
			words++;
		}
		if (letter && nw + 1 < sizeof word)
			word[nw++] = (char)toupper((unsigned char)*p);
		start = !letter;
	}
	word[nw] = initials[ni] = 0;
	if (strcmp(word, letters) == 0 || (words > 1 && strcmp(initials, letters) == 0))
		return 2;
	return words == 1 && strlen(letters) == 1 && word[0] == letters[0];
}

/* The index of mark among the layout's levels, or -1. */
static int level_of(const style *st, const char *mark)
{
	for (size_t i = 0; i < st->nmark_levels; i++)
		if (strcmp(st->mark_levels[i], mark) == 0)
			return (int)i;
	return -1;
}

/* The banner's level: the highest level it reads as whole, else the highest it reads as by
 * its first letter, or -1. "CUI" is (CUI), never (C) by its first letter: a (C) portion
 * under a CUI banner passed (a reader's trial). */
static int banner_level(const style *st, const char *banner)
{
	int found = -1, how = 0;
	char letters[64];
	for (size_t i = 0; i < st->nmark_levels; i++) {
		int is = mark_letters(st->mark_levels[i], letters, sizeof letters) ? banner_is(banner, letters) : 0;
		if (is && is >= how) {
			found = (int)i;
			how = is;
		}
	}
	return found;
}

static void check_one(composer *c, const char *mark, loc at, int banner)
{
	const style *st = c->st;
	int level = level_of(st, mark);
	if (level < 0) {
		strbuf sb = {0};
		for (size_t i = 0; i < st->nmark_levels; i++)
			sb_printf(&sb, "%s%s", i ? ", " : "", st->mark_levels[i]);
		diag_error(c->d, at, "marking '%s' is not one of the layout's levels: %s", mark, sb.data);
		sb_free(&sb);
	} else if (banner >= 0 && level > banner) {
		diag_error(c->d, at, "this portion is marked %s, above the banner %s; mark it lower or raise the classification",
			   mark, c->b->classification);
		diag_note(c->d, c->b->classification_at, "the classification banner is set here");
	}
}

/* The markings of list items (a sub-list's items share their parent's): each once. */
static void check_items(composer *c, const item *items, size_t n, int banner, GHashTable *seen)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].marking && g_hash_table_add(seen, items[i].marking))
			check_one(c, items[i].marking, items[i].marking_at, banner);
}

void compose_check_markings(composer *c)
{
	const style *st = c->st;
	const brief *b = c->b;
	if (st->nmark_levels == 0)
		return;
	int banner = -1;
	if (b->classification) {
		banner = banner_level(st, b->classification);
		if (banner < 0)
			diag_error(c->d, b->classification_at,
				   "classification '%s' reads as none of the layout's marking levels; portions cannot be checked against it",
				   b->classification);
	}
	if (b->marking)
		check_one(c, b->marking, b->marking_at, banner);
	/* a subsection shares its parent's marking string: each is checked once */
	GHashTable *seen = g_hash_table_new(NULL, NULL);
	check_items(c, b->summary, b->nsummary, banner, seen);
	for (size_t i = 0; i < b->nsections; i++) {
		const section *s = &b->sections[i];
		if (s->marking && g_hash_table_add(seen, s->marking))
			check_one(c, s->marking, s->marking_at, banner);
		for (size_t k = 0; k < s->nblocks; k++) {
			const block *bl = &s->blocks[k];
			if (bl->marking)
				check_one(c, bl->marking, bl->marking_at, banner);
			if (bl->kind == BLOCK_BULLETS || bl->kind == BLOCK_NUMBERED)
				check_items(c, bl->items, bl->nitems, banner, seen);
		}
	}
	g_hash_table_destroy(seen);
}
