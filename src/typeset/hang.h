/* hang.h: how much of a line-final mark hangs in the right margin (optical margin
 * alignment, as microtype and InDesign do it). A hyphen or punctuation mark is small and
 * mostly white: set flush, it looks like a dent in the right edge; hung this share of its
 * width into the margin, the edge looks straight. The breaker (nodes.c) and bench/spacing,
 * which must find the lines that do it, read the one table. */
#ifndef MKBRIEF_HANG_H
#define MKBRIEF_HANG_H

#include <stdint.h>

static inline double hang_share(uint32_t c)
{
	switch (c) {
	case '-':
	case 0x2010: /* hyphen */
	case 0x2011: /* non-breaking hyphen */
	case 0xAD:   /* soft hyphen */
	case '.':
	case ',':
		return 0.6;
	case 0x2019: /* ’ */
	case 0x201D: /* ” */
	case '\'':
	case '"':
		return 0.5;
	case ':':
	case ';':
		return 0.4;
	case 0x2026: /* … */
	case '!':
	case '?':
	case 0x2013: /* en dash */
		return 0.2;
	default:
		return 0;
	}
}

#endif
