/* accent.c: what a layout's accent colour reaches besides what it names: the headings, box
 * titles, rules and tinted grounds that the default accent colours, where the layout gives
 * them no colour of their own. */
#include "load/accent.h"

/* Whether the layout file gives section's key (fonts.heading.color: "fonts", "heading",
 * "color"; summary.rule: NULL, "summary", "rule"). */
static int layout_gives(const ynode *root, const char *group, const char *section, const char *key)
{
	const ynode *g = group ? ymap_get(root, group) : root;
	const ynode *n = g && g->kind == YNODE_MAP ? ymap_get(g, section) : NULL;
	return n && n->kind == YNODE_MAP && ymap_get(n, key);
}

/* The accent mixed into white, share parts of it. */
static rgb accent_tint(rgb accent, double share)
{
	return (rgb){1 - share * (1 - accent.r), 1 - share * (1 - accent.g), 1 - share * (1 - accent.b)};
}

/* A layout that sets colors.accent has its headings, box titles and the Key points box's
 * and boxes' rules in it and their grounds tinted with it, as the default accent has them,
 * unless it gives them colours of their own: a new user's trial set the accent and printed
 * maroon and blue mixed. */
void accent_follows(const ynode *root, const accent_targets *t)
{
	const ynode *colors = ymap_get(root, "colors");
	if (!colors || colors->kind != YNODE_MAP || !ymap_get(colors, "accent"))
		return;
	if (!layout_gives(root, "fonts", "heading", "color"))
		*t->heading = t->accent;
	if (!layout_gives(root, "fonts", "heading-2", "color"))
		*t->heading2 = t->accent;
	if (!layout_gives(root, "fonts", "box-head", "color"))
		*t->box_head = t->accent;
	if (!layout_gives(root, NULL, "summary", "rule"))
		*t->summary_rule = t->accent;
	static const char *const frames[] = {"box", NULL, "box-outlook", "box-bottom-line"};
	for (size_t k = 0; k < sizeof frames / sizeof frames[0]; k++)
		if (frames[k] && t->frame_rule[k] && !layout_gives(root, NULL, frames[k], "rule"))
			*t->frame_rule[k] = t->accent;
	/* the tinted grounds, light tints of the accent as the defaults are of theirs */
	if (!layout_gives(root, NULL, "summary", "fill"))
		*t->summary_fill = accent_tint(t->accent, 0.08);
	if (!layout_gives(root, NULL, "box-outlook", "fill"))
		*t->outlook_fill = accent_tint(t->accent, 0.08);
	if (!layout_gives(root, NULL, "box-bottom-line", "fill"))
		*t->bottom_line_fill = accent_tint(t->accent, 0.12);
}
