/* balance.h: even columns where the text ends (balance.c). */
#ifndef MKBRIEF_BALANCE_H
#define MKBRIEF_BALANCE_H

#include "layout/doc.h"

/* Cuts the columns of the document's last page, and of each page a forced break ends, again
 * to even heights, where that only moves column breaks the flow could have made. Call after
 * the flow has placed every item. */
void doc_balance(doc *dc);
/* Drops each page that holds nothing to see, or only a repeated "(continued)" head, and
 * moves the pages after it up. Call after doc_balance. */
void doc_drop_empty_pages(doc *dc);

#endif
