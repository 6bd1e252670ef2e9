/* box.h: what a box block holds (block.data for BLOCK_BOX): its title and its kind (which
 * of the layout's looks it takes). The blocks it holds follow it in its section's list
 * (block.ninner of them), so that every stage that walks a section's blocks sees them. */
#ifndef MKBRIEF_BOX_H
#define MKBRIEF_BOX_H
#include "base/diag.h"
#include <stddef.h>

/* The kinds, in the order of the layout's looks (style.h, frame_*) */
enum { BOX_PLAIN, BOX_COMMENT, BOX_OUTLOOK, BOX_BOTTOM_LINE, BOX_NKINDS };

typedef struct box {
	char *title;   /* NULL: the kind's title from the layout, if any */
	loc title_at;
	int kind;      /* BOX_* */
} box;

void box_free(void *b);

#endif
