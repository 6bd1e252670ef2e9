/* ties.h: the spaces a line never breaks at, though nobody typed a no-break space there. */
#ifndef MKBRIEF_TIES_H
#define MKBRIEF_TIES_H
#include <stddef.h>

/* Whether the space at byte sp of text (words read within [lo, hi)) ties the word before it
 * to the word after it: a number and its unit ("3 GW", "40 km"), a month and its day
 * ("January 22", "22 January"), a label and its number ("p. 5", "No. 7", "¶ 3"), a title
 * or an initial and the name after it ("Mr. Putin", "J. Smith"). Chicago 6.116-6.121 and
 * 9.16: a line break there strands the first word. Returns 0, TIES_WEAK for a tie a paragraph
 * may break rather than be set ragged (a month and its year: "3 October" / "2022"), or
 * TIES_STRONG. */
#define TIES_STRONG 1
#define TIES_WEAK 2
int ties_space(const char *text, size_t lo, size_t hi, size_t sp);
/* Whether s[0, n) is a currency's ISO code ("EUR", "SEK") or "US$". */
int ties_is_currency(const char *s, size_t n);
/* Whether the space at text[sp] stands beside an elision that ends the text ("final […]")
 * or starts it, after a portion marking maybe ("(U) […] In 2010"): "[…]" alone on a line
 * reads as nothing, so a break there costs (nodes.c), though less than a hole would. */
int ties_elision_space(const char *text, size_t lo, size_t hi, size_t sp);
/* Whether s[0, n) is a month's name ("September", "Sept."), closing marks aside. */
int ties_is_month(const char *s, size_t n);
/* Whether s[0, n) is a unit a number takes ("km", "µg", "m³", "MWh"). */
int ties_is_unit(const char *s, size_t n);

#endif
