/* flow.h: the vertical list → pages and columns (flow.c). */
#ifndef MKBRIEF_FLOW_H
#define MKBRIEF_FLOW_H

#include "layout/doc.h"

/* Places every item on a page and column; returns 0, or -1 (reported) past DOC_MAX_PAGES. */
int doc_flow(doc *dc, diag *d);

#endif
