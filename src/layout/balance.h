/* balance.h: even columns where the text ends (balance.c). */
#ifndef MKBRIEF_BALANCE_H
#define MKBRIEF_BALANCE_H

#include "layout/doc.h"

/* Cuts the columns of the document's last page, and of each page a forced break ends, again
 * to even heights, where that only moves column breaks the flow could have made. Call after
 * the flow has placed every item. */
void doc_balance(doc *dc);

#endif
