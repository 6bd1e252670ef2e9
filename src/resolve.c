/* resolve.c: STUB — resolves quotes, excerpts and citations against the sources. */
#include "brief.h"
int brief_resolve(brief *b, diag *d) { (void)b; (void)d; return -1; }
