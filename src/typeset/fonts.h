/* fonts.h: the bundled fonts, through a private fontconfig configuration so that the
 * machine's fonts and the user's fontconfig files never change a page. */
#ifndef MKBRIEF_FONTS_H
#define MKBRIEF_FONTS_H

#include <pango/pango.h>

#include "base/diag.h"
#include "base/util.h"

typedef struct fonts fonts;

/* Builds a font map over the fonts in dir (and extra_dir when not NULL): no system
 * fonts, no user configuration, no cache writes. Returns NULL after reporting. */
fonts *fonts_new(const char *dir, const char *extra_dir, diag *d);
void fonts_free(fonts *f);
PangoFontMap *fonts_map(fonts *f);
/* A new context on the private map with hinting off and unrounded glyph positions, so
 * that layout never depends on the output device. Caller unrefs. */
PangoContext *fonts_context_new(fonts *f);
/* Adds every font file read to set (outputs must never replace one). */
void fonts_add_files(const fonts *f, file_set *set);
/* 1 if the family is among the loaded fonts. */
int fonts_has_family(fonts *f, const char *family);
/* The families of the loaded fonts, sorted, NULL-terminated; g_strfreev. */
char **fonts_families(fonts *f);

#endif
