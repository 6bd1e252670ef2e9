/* style.c: STUB — loads layouts. */
#include "style.h"
#include <stdlib.h>
#include "util.h"
style *style_default(void) { return xcalloc(1, sizeof(style)); }
style *style_load(const char *name, const char *layouts_dir, loc at, diag *d)
{ (void)name; (void)layouts_dir; (void)at; (void)d; return style_default(); }
void style_free(style *s) { free(s); }
