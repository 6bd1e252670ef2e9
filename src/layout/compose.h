/* compose.h: resolved brief → the document's vertical list (compose.c). */
#ifndef MKBRIEF_COMPOSE_H
#define MKBRIEF_COMPOSE_H

#include "layout/doc.h"

/* Builds the vertical list from a resolved brief. Character errors go to d. */
doc *doc_compose(const brief *b, const style *st, PangoContext *ctx, hyphenator *hyph, diag *d);

#endif
