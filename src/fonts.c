/* fonts.c: STUB — private font map. */
#include "fonts.h"
fonts *fonts_new(const char *dir, const char *extra_dir, diag *d) { (void)dir; (void)extra_dir; (void)d; return NULL; }
void fonts_free(fonts *f) { (void)f; }
PangoFontMap *fonts_map(fonts *f) { (void)f; return NULL; }
PangoContext *fonts_context_new(fonts *f) { (void)f; return NULL; }
int fonts_has_family(fonts *f, const char *family) { (void)f; (void)family; return 0; }
