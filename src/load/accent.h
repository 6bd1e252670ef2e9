/* accent.h: a layout's accent carried to the roles and looks the default accent colours. */
#ifndef MKBRIEF_ACCENT_H
#define MKBRIEF_ACCENT_H
#include "base/schema.h"
#include "base/yaml_tree.h"

/* The colours the default accent gives, which a layout's own accent reaches too (style.c
 * points them at its style: this file reads no style, as measures.c reads none). */
typedef struct accent_targets {
	rgb accent;
	rgb *heading, *heading2, *box_head; /* fonts.heading, fonts.heading-2, fonts.box-head */
	rgb *summary_rule, *summary_fill;   /* the Key points box */
	rgb *frame_rule[4];                 /* box, box-comment (NULL: grey), box-outlook, box-bottom-line */
	rgb *outlook_fill, *bottom_line_fill;
} accent_targets;

/* After the layout file root is loaded: where it sets colors.accent, the headings, box
 * titles, the Key points box's and the boxes' rules take it and the Key points, Outlook
 * and Bottom line grounds a tint of it, unless root gives them their own. */
void accent_follows(const ynode *root, const accent_targets *t);

#endif
