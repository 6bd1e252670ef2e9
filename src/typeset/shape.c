/* shape.c: the engine of a document's paragraphs and its caches, and what both line
 * breakers ask of fonts: a role's description, its extents, the glyphs it lacks. */
#include "typeset/shape.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h> /* u_charName: the name of a character the fonts lack */

#include "base/util.h"

PangoFontDescription *font_role_desc(const font_role *f)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, f->family ? f->family : "Noto Serif");
	pango_font_description_set_absolute_size(fd, f->size * PANGO_SCALE);
	pango_font_description_set_weight(fd, f->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, f->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return fd;
}

static void glyphs_free(gpointer p)
{
	pango_glyph_string_free(p);
}

para_engine *para_engine_new(PangoContext *ctx, hyphenator *hyph)
{
	para_engine *e = xcalloc(1, sizeof *e);
	e->ctx = ctx;
	e->hyph = hyph;
	/* what Pango itemizes text in that names no language (a context whose own is unset
	 * takes the default, "c" in a program that never calls setlocale) */
	e->lang = pango_context_get_language(ctx) ? pango_context_get_language(ctx) : pango_language_get_default();
	e->hyphs = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)hyph_free);
	e->shapes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, glyphs_free);
	e->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal, g_object_unref, NULL);
	e->metrics = g_hash_table_new_full((GHashFunc)pango_font_description_hash,
					   (GEqualFunc)pango_font_description_equal,
					   (GDestroyNotify)pango_font_description_free, g_free);
	e->images = image_cache_new();
	return e;
}

void para_engine_free(para_engine *e)
{
	if (!e)
		return;
	hyph_free(e->hyph);
	g_hash_table_destroy(e->hyphs);
	g_hash_table_destroy(e->shapes);
	g_hash_table_destroy(e->metrics);
	g_hash_table_destroy(e->fonts);
	image_cache_free(e->images);
	free(e);
}

void shape_check_glyphs(const PangoGlyphString *gs, const char *text, int offset, uint32_t *seen, int *nseen)
{
	for (int i = 0; i < gs->num_glyphs; i++) {
		PangoGlyph g = gs->glyphs[i].glyph;
		if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
			continue;
		uint32_t cp = 0;
		int off = offset + gs->log_clusters[i];
		utf8_decode(text + off, strlen(text + off), &cp);
		/* control characters and invisible breaks have no glyph and need none */
		if (cp < 0x20 || cp == 0x2028 || cp == 0x2029 || cp == 0xAD || cp == 0x200B)
			continue;
		int dup = 0;
		for (int k = 0; k < *nseen && k < SHAPE_MAX_MISSING; k++)
			dup |= seen[k] == cp;
		if (dup)
			continue;
		if (*nseen < SHAPE_MAX_MISSING)
			seen[*nseen] = cp;
		if (*nseen <= SHAPE_MAX_MISSING)
			++*nseen;
	}
}

void shape_report_missing(const uint32_t *seen, int nseen, loc at, diag *d)
{
	if (nseen == 0 || !d)
		return;
	strbuf sb = {0};
	for (int k = 0; k < nseen && k < SHAPE_MAX_MISSING; k++) {
		char utf[5] = {0}, name[128] = "";
		utf8_encode(seen[k], utf);
		UErrorCode err = U_ZERO_ERROR;
		u_charName((UChar32)seen[k], U_UNICODE_CHAR_NAME, name, sizeof name, &err);
		if (U_FAILURE(err))
			name[0] = 0;
		sb_printf(&sb, "%s'%s' (U+%04X%s%s)", k ? ", " : "", utf, (unsigned)seen[k], name[0] ? " " : "", name);
	}
	if (nseen > SHAPE_MAX_MISSING)
		sb_puts(&sb, " and more");
	/* at the first of them as typed, when it is there (not an escape): seen is in the
	 * order of the glyphs, which right-to-left text reverses */
	char utf[SHAPE_MAX_MISSING][5] = {{0}};
	const char *texts[SHAPE_MAX_MISSING] = {0};
	int ntexts = nseen < SHAPE_MAX_MISSING ? nseen : SHAPE_MAX_MISSING;
	for (int k = 0; k < ntexts; k++) {
		utf8_encode(seen[k], utf[k]);
		texts[k] = utf[k];
	}
	at = loc_find_first(at, texts, ntexts);
	diag_error(d, at, "%s not in the bundled fonts: %s", nseen == 1 ? "a character" : "characters", sb.data);
	diag_note(d, at, "mkbrief prints only with the fonts in fonts/; add one that has %s with --fonts DIR",
		  nseen == 1 ? "it" : "them");
	sb_free(&sb);
}

/* Ascent and descent of a font role, cached: asking Pango for metrics shapes a sample
 * sentence on every call (9% of a run when asked once per paragraph). */
void shape_font_extents(para_engine *e, const font_role *fr, double *asc, double *desc)
{
	PangoFontDescription *fd = font_role_desc(fr);
	double *ext = g_hash_table_lookup(e->metrics, fd);
	if (!ext) {
		/* the font's own extents, as Pango's metrics take them; pango_font_get_metrics
		 * would also lay out a sample sentence for the average character width (1.4 M
		 * instructions a font), which nothing here uses */
		PangoFont *font = pango_context_load_font(e->ctx, fd);
		hb_font_extents_t fx = {0};
		if (font)
			hb_font_get_extents_for_direction(pango_font_get_hb_font(font), HB_DIRECTION_LTR, &fx);
		ext = g_new(double, 2);
		ext[0] = fx.ascender / (double)PANGO_SCALE;
		ext[1] = -fx.descender / (double)PANGO_SCALE;
		if (font)
			g_object_unref(font);
		g_hash_table_insert(e->metrics, fd, ext);
	} else {
		pango_font_description_free(fd);
	}
	*asc = ext[0];
	*desc = ext[1];
}

hyphenator *shape_item_hyph(para_engine *e, const PangoItem *item)
{
	PangoLanguage *l = item->analysis.language;
	if (!e->hyph || !l || l == e->lang)
		return e->hyph;
	hyphenator *h = g_hash_table_lookup(e->hyphs, l);
	if (!h) {
		h = hyph_new_like(pango_language_to_string(l), e->hyph);
		g_hash_table_insert(e->hyphs, l, h);
	}
	return h;
}

int shape_item_tracking(const PangoItem *item)
{
	for (GSList *l = item->analysis.extra_attrs; l; l = l->next) {
		const PangoAttribute *a = l->data;
		if (a->klass->type == PANGO_ATTR_LETTER_SPACING)
			return ((const PangoAttrInt *)a)->value;
	}
	return 0;
}

const PangoGlyphString *shape_glyphs(para_engine *e, PangoItem *item, const char *s, int n)
{
	/* key: the font's address in hex, the bidi level, the letter spacing if any, the
	 * language when not the document's (HarfBuzz picks a language's own forms of letters),
	 * the text; built on the stack, since nearly every lookup hits (96% on text that does
	 * not repeat itself) */
	int track = shape_item_tracking(item);
	char stack[256], tr[48] = "";
	if (track)
		snprintf(tr, sizeof tr, "%d", track);
	if (item->analysis.language && item->analysis.language != e->lang)
		snprintf(tr + strlen(tr), sizeof tr - strlen(tr), "@%p", (void *)item->analysis.language);
	size_t trlen = strlen(tr);
	size_t head = 2 * sizeof(void *) + 1 + trlen + 1;
	size_t klen = head + (size_t)n + 1;
	char *key = klen <= sizeof stack ? stack : g_malloc(klen);
	uintptr_t font = (uintptr_t)item->analysis.font;
	for (size_t i = 0; i < 2 * sizeof(void *); i++, font >>= 4)
		key[i] = "0123456789abcdef"[font & 15];
	key[2 * sizeof(void *)] = (char)('A' + (item->analysis.level & 63));
	memcpy(key + 2 * sizeof(void *) + 1, tr, trlen);
	key[head - 1] = '|';
	memcpy(key + head, s, (size_t)n);
	key[klen - 1] = 0;
	PangoGlyphString *gs = g_hash_table_lookup(e->shapes, key);
	if (gs) {
		e->hits++;
		if (key != stack)
			g_free(key);
		return gs;
	}
	e->misses++;
	/* the key names the font by address: held here, the font is never freed and its
	 * address never given to another while the engine lives (across documents too) */
	if (!g_hash_table_contains(e->fonts, item->analysis.font))
		g_hash_table_add(e->fonts, g_object_ref(item->analysis.font));
	if (key == stack) /* the table keeps the key */
		key = g_strdup(stack);
	gs = pango_glyph_string_new();
	/* shaped on its own, so that the cached result does not depend on the paragraph */
	pango_shape_with_flags(s, n, s, n, &item->analysis, gs, PANGO_SHAPE_NONE);
	/* letter spacing between the letters of the word, none after its last: the space
	 * that follows stays a word space */
	for (int g = 0; track && g + 1 < gs->num_glyphs; g++)
		gs->glyphs[g].geometry.width += track;
	g_hash_table_insert(e->shapes, key, gs);
	return gs;
}
