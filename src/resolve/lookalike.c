/* lookalike.c: which letters of other scripts look like a Latin letter (the Cyrillic М
 * and Е of "83М6Е2"), for the notes on a quote not found. */
#include "resolve/lookalike.h"

#include <stddef.h>

/* Letters of other scripts that look like a Latin letter, and that letter. */
static const struct {
	uint32_t cp;
	char latin;
} confusables[] = {
	{0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
	{0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
	{0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'},
	{0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'},
	{0x0458, 'j'}, {0x04BB, 'h'}, {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'},
	{0x0397, 'H'}, {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'},
	{0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03BF, 'o'}, {0x03BD, 'v'},
};

int lookalike_pair(uint32_t a, uint32_t b)
{
	uint32_t la = a, lb = b;
	for (size_t i = 0; i < sizeof confusables / sizeof *confusables; i++) {
		if (confusables[i].cp == a)
			la = (uint32_t)confusables[i].latin;
		if (confusables[i].cp == b)
			lb = (uint32_t)confusables[i].latin;
	}
	return a != b && la == lb && la < 0x80 && (la != a || lb != b);
}

