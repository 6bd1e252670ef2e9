/* dump.h: --dump-layout (dump.c). */
#ifndef MKBRIEF_DUMP_H
#define MKBRIEF_DUMP_H
#include <stdio.h>

#include "layout/doc.h"

/* Plain-text dump of every page and line, in hundredths of a point. */
void doc_dump(const doc *dc, FILE *out);

#endif
