/* shape.h: what both line breakers share: the engine of a document's paragraphs with its
 * caches (shaped words, font metrics), the font description of a role, and the report of
 * characters no bundled font has. */
#ifndef MKBRIEF_SHAPE_H
#define MKBRIEF_SHAPE_H
#include <stdint.h>
#include <pango/pango.h>

#include "base/diag.h"
#include "typeset/hyph.h"
#include "typeset/image_cache.h"
#include "load/style.h"

/* What paragraphs of one document share: the Pango context, hyphenation patterns and a
 * cache of shaped words (brief text repeats: names, common words). */
typedef struct para_engine {
	PangoContext *ctx;
	hyphenator *hyph;      /* owned; may have no patterns for the language */
	PangoLanguage *lang;   /* the context's: text in it is hyphenated by hyph */
	GHashTable *hyphs;     /* another PangoLanguage (rich_set_lang) → its hyphenator, made
				* when first met with hyph's words */
	GHashTable *shapes;    /* font + text → PangoGlyphString */
	GHashTable *metrics;   /* PangoFontDescription → ascent, descent */
	GHashTable *fonts;     /* a reference to each font a key names: its address stays its own */
	image_cache *images;   /* the figures, decoded once while their files stay the same */
	struct line_cache *lines; /* set paragraphs kept between builds (mkbrief watch), the caller's;
				   * NULL: not kept */
	unsigned long hits, misses; /* shaping cache */
	unsigned long tightened;     /* paragraphs set one line shorter against a widow */
	unsigned long loosened;      /* and one line longer */
	unsigned long unhyphenated;  /* set again so that a column does not end in a hyphen */
} para_engine;

/* Takes over hyph (may be NULL: no hyphenation). */
para_engine *para_engine_new(PangoContext *ctx, hyphenator *hyph);
void para_engine_free(para_engine *e);
/* s[0, n) shaped with the item's font and analysis, on its own so that the result does
 * not depend on the paragraph; cached per font and string, owned by the engine. */
const PangoGlyphString *shape_glyphs(para_engine *e, PangoItem *item, const char *s, int n);
/* The patterns that hyphenate an item: the document's, or those of the language its text
 * is set in (rich_set_lang); one with no patterns installed hyphenates nothing. */
hyphenator *shape_item_hyph(para_engine *e, const PangoItem *item);
/* The letter spacing an item carries (a passage of capitals, nodes_track_capitals), Pango
 * units; shape_glyphs puts it between the letters of each word. */
int shape_item_tracking(const PangoItem *item);
/* A font description for a role. Caller frees. */
PangoFontDescription *font_role_desc(const font_role *f);
/* Ascent and descent of a font role, from the engine's cache. */
void shape_font_extents(para_engine *e, const font_role *fr, double *asc, double *desc);
/* The characters of one string that have no glyph: the first SHAPE_MAX_MISSING, each once;
 * n past that says there were more. */
#define SHAPE_MAX_MISSING 64
/* Adds the characters with no glyph in a shaped run to seen (shared by both breakers). */
void shape_check_glyphs(const PangoGlyphString *gs, const char *text, int offset, uint32_t *seen, int *nseen);
/* Reports the missing characters of one string, all in one error at its place (none: nothing). */
void shape_report_missing(const uint32_t *seen, int nseen, loc at, diag *d);

#endif
