/* address.h: addresses in text, which a reader copies as they are. */
#ifndef MKBRIEF_ADDRESS_H
#define MKBRIEF_ADDRESS_H
#include <stddef.h>

/* Whether the word w[0, n) (no spaces in it) is an address: a URL ("://", "www."), an
 * e-mail address, a DOI (doi:10.1021/acs.est.5b00412, 10.1000/xyz), a name from code or a
 * file's name (settlements.legacy_ref, report.pdf: a dot between runs of 2+ letters, or an
 * underscore inside; not "e.g." or "U.S."). */
int address_is(const char *w, size_t n);
/* The address proper of such a word: [*lo, *hi) without the quotes, brackets and closing
 * punctuation around it. */
void address_span(const char *w, size_t n, size_t *lo, size_t *hi);

#endif
