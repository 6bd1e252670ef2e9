/* pdfligatures.h: a ligature's text said by its glyph rather than by a nested ActualText
 * span (pdfligatures.c), for the finishing pass (pdffinish.c, pdfartifacts.c). */
#ifndef MKBRIEF_PDFLIGATURES_H
#define MKBRIEF_PDFLIGATURES_H
#include <stddef.h>

#include "base/util.h"
#include "render/pdfraw.h"

/* The objects some font names as its /ToUnicode: 1 at each (nobj + 1 bytes). */
unsigned char *pdf_tounicode_objects(const pdf_raw *r);
/* A ToUnicode CMap (inflated) with each ligature glyph mapped to the letters it joins
 * ("fi", not U+FB01): 1 with *out set (the caller frees it), or 0 when it has none. */
int pdf_spell_ligatures(const char *cmap, size_t len, strbuf *out);
/* Whether a marked sequence's operands (props, the text before BDC) are an ActualText
 * span whose text is the letters of a ligature that pdf_spell_ligatures spells out. */
int pdf_is_ligature_span(const char *props, size_t len);

#endif
