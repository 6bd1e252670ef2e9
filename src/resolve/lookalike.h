/* lookalike.h: which letters of other scripts look like a Latin letter. */
#ifndef MKBRIEF_LOOKALIKE_H
#define MKBRIEF_LOOKALIKE_H
#include <stdint.h>

/* 1 if a and b are a Latin letter and its look-alike from another script (or two
 * look-alikes of the same Latin letter). */
int lookalike_pair(uint32_t a, uint32_t b);

#endif
