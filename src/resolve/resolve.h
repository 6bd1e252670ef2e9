/* resolve.h: the resolve stage's entry point: reads a brief's sources and pins what its
 * blocks quote to byte ranges of them. */
#ifndef MKBRIEF_RESOLVE_H
#define MKBRIEF_RESOLVE_H

#include "load/brief.h"
#include "base/diag.h"

/* Reads the sources and resolves every quote, excerpt and citation. Returns 0 when all
 * resolved; otherwise reports each failure (with the closest passage) and returns -1. */
int brief_resolve(brief *b, diag *d);

#endif
