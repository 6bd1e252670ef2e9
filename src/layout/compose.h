/* compose.h: resolved brief → the document's vertical list (compose.c). */
#ifndef MKBRIEF_COMPOSE_H
#define MKBRIEF_COMPOSE_H

#include "layout/doc.h"

/* Builds the vertical list from a resolved brief, setting paragraphs with engine, which
 * the caller owns and may keep for the next document (its caches stay valid: a watch run
 * re-renders with them). Character errors go to d. */
doc *doc_compose(const brief *b, const style *st, para_engine *engine, diag *d);
/* The brief's portion markings against the layout's levels and the banner, as doc_compose
 * checks them: for a brief with other errors, which is never composed, so that these come
 * in the same run. */
void doc_check_markings(const brief *b, const style *st, diag *d);

#endif
