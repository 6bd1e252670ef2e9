/* figure.c: a figure block on the vertical list: its image scaled to the width asked (never
 * past the column, nor taller than a page leaves room for), its numbered caption with the
 * portion marking, and the credit beneath, kept together. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"
#include "layout/foot.h"
#include "load/figure.h"

/* Below this a raster figure prints visibly soft: a warning, not an error. */
#define FIGURE_MIN_DPI 150
/* A caption is set under its figure, as wide; under a figure narrower than this it would
 * be a thin column of words, and takes this width (centred under it) instead. */
#define CAPTION_MIN_WIDTH 216.0

/* The image of f's file, decoded the first time a figure names it (figures naming one file
 * have one path: resolve/figure.c), within what the figures before it left of
 * IMAGE_MAX_TOTAL_PIXELS. */
static const image *figure_image(composer *c, const figure *f, loc at)
{
	doc *dc = c->dc;
	long used = 0;
	for (size_t i = 0; i < dc->nimages; i++) {
		if (strcmp(dc->images[i].path, f->path) == 0)
			return dc->images[i].img;
		used += image_pixels(dc->images[i].img);
	}
	const image *img = image_cache_get(c->pe->images, f->bytes, f->len, IMAGE_MAX_TOTAL_PIXELS - used, f->file, at, c->d);
	if (!img)
		return NULL;
	dc->images = xrealloc(dc->images, (dc->nimages + 1) * sizeof *dc->images);
	dc->images[dc->nimages++] = (struct doc_image){g_string_chunk_insert(dc->strings, f->path),
						       g_string_chunk_insert(dc->strings, f->file), img};
	return img;
}

/* The width a figure may take: the text block's for `width: full`, else its column's. */
static double room_across(const composer *c, const figure *f)
{
	/* in a box, `full` is the box's width */
	return f->width_kind == FIGURE_FULL && c->box_deco < 0 ? c->dc->text_w : c->w;
}

static double asked_width(const composer *c, const figure *f)
{
	double col = room_across(c, f);
	switch (f->width_kind) {
	case FIGURE_PERCENT:
		return col * f->width;
	case FIGURE_LENGTH:
		return f->width < col ? f->width : col;
	case FIGURE_COLUMN:
	case FIGURE_FULL:
		break;
	}
	return col;
}

/* "(U) Figure 2. The caption", set like analyst text. */
static para *caption_para(composer *c, const block *bl, const figure *f, double w)
{
	const style *st = c->st;
	rich *r = rich_new();
	(void)f;
	cite_add_marking(r, c->marking);
	/* without a caption, the number alone, as a table's ("Figure 1." left a full stop
	 * hanging after it) */
	char *number = xasprintf(bl->nitems ? "Figure %d." : "Figure %d", c->figures);
	rich_add_styled(r, number, strlen(number), 1, 0, NULL);
	free(number);
	if (bl->nitems) {
		rich_add(r, " ", 1);
		cite_add_item(r, c->b, &bl->items[0]);
	}
	return compose_para(c, r, &st->meta, w, 0, ALIGN_LEFT, bl->nitems ? bl->items[0].at : bl->at);
}

/* The characters an SVG's texts print must be in the bundled fonts, as the brief's own:
 * librsvg draws one they lack as a box, without a word (a hostile trial). */
static void check_svg_text(composer *c, const figure *f, const image *img)
{
	const uint32_t *cps;
	int n = image_text(img, &cps);
	if (n == 0)
		return;
	strbuf sb = {0};
	for (int i = 0; i < n; i++) {
		char u[4];
		sb_append(&sb, u, utf8_encode(cps[i], u));
		sb_putc(&sb, ' ');
	}
	rich *r = rich_new();
	rich_add(r, sb.data, sb.len);
	sb_free(&sb);
	para_spec spec = {&c->st->body, c->dc->text_w, 0, ALIGN_LEFT, 0, 0, 0, 0, 0};
	int errors = c->d->errors;
	para *p = paragraph_layout(c->pe, r, &spec, f->file_at, c->d);
	para_free(p);
	if (c->d->errors > errors)
		diag_note(c->d, f->file_at, "in the text of the SVG '%s', which librsvg would draw as boxes", f->file);
}

void compose_figure_block(composer *c, const block *bl, const block *prev)
{
	const figure *f = bl->data;
	if (!f || !f->bytes)
		return;
	const image *img = figure_image(c, f, f->file_at);
	if (!img)
		return;
	check_svg_text(c, f, img);
	const style *st = c->st;
	double col = room_across(c, f);
	c->figures++;
	int was_span = c->span;
	c->span = was_span || (f->width_kind == FIGURE_FULL && st->columns > 1 && c->box_deco < 0);
	double w = asked_width(c, f), h = w / image_aspect(img);
	double text_w = w >= CAPTION_MIN_WIDTH ? w : col < CAPTION_MIN_WIDTH ? col : CAPTION_MIN_WIDTH;
	double text_x = (col - text_w) / 2;
	para *caption = caption_para(c, bl, f, text_w);
	para *credit = NULL;
	if (f->credit) {
		rich *r = rich_new();
		rich_add_markup(r, f->credit, 0);
		credit = compose_para(c, r, &st->small, text_w, 0, ALIGN_LEFT, f->credit_at);
	}
	double words = st->excerpt_cite_space + caption->nlines * st->meta.leading +
		       (credit ? credit->nlines * st->small.leading : 0);
	double room = st->page_h - st->margin_top - st->margin_bottom - words;
	if (c->box_deco >= 0) {
		/* in a box, its frame's padding below (and the room of a wide rule) takes from the
		 * page too, and above it the padding, or the padding and the title when the figure
		 * is the first block (kept with it) */
		double above = st->frame_padding;
		if (c->dc->nitems == c->box_body) {
			above = 0;
			for (size_t k = c->box_first; k < c->box_body; k++)
				above += compose_item(c, k)->h;
		}
		room -= above + st->frame_padding + style_rule_growth(st, 1);
	} else if (!prev && c->alone && !was_span) {
		/* alone in its section, it stands on a page with the headings it is kept with
		 * (held together: a section's and its first subsection's), not floated away
		 * to leave them ending a page or on one of their own; the space above them goes
		 * at a page's top. With text after it, the headings stay with the text and the
		 * figure may float (flow.c). */
		size_t k = c->held_from;
		while (k < c->dc->nitems && (compose_item(c, k)->kind == V_SPACE || compose_item(c, k)->kind == V_PAGEBREAK))
			k++;
		for (; k < c->dc->nitems; k++)
			room -= compose_item(c, k)->h;
	}
	size_t first = c->dc->nitems;
	vitem *it = compose_push(c, V_IMAGE, h);
	it->img = img;
	it->role = TAG_FIGURE;
	it->leaf = ++c->tag_ids;
	if (f->alt) {
		/* what a screen reader says, with the typography of the caption set from the same
		 * kind of typing: "--" read as a dash, not "dash dash" */
		char *alt = typo_smarten(f->alt, strlen(f->alt));
		it->alt = g_string_chunk_insert(c->dc->strings, alt);
		free(alt);
	}
	compose_space(c, st->excerpt_cite_space, 1);
	c->keep_next = 1;
	compose_lines_as(c, TAG_CAPTION, caption, text_x, 1);
	if (credit) {
		c->keep_next = 1;
		compose_lines_as(c, TAG_CAPTION, credit, text_x, 1);
	}
	/* notes marked in the caption or credit begin on the figure's page, below it */
	room -= foot_first_lines(c->dc, first + 1, c->dc->nitems);
	if (h > room && room > 0) {
		/* to what it prints as: "0%" said nothing of a sliver 0.01in wide */
		diag_warning(c->d, f->file_at,
			     "figure '%s' is too tall for a page at this width; scaled down to %.*g%%, %.2fin x %.2fin",
			     f->file, room / h < 0.1 ? 1 : 2, 100 * room / h, room / h * w / 72, room / 72);
		h = room;
		w = h * image_aspect(img);
	}
	int px = image_pixels_across(img);
	if (px > 0 && px * 72.0 / w < FIGURE_MIN_DPI)
		diag_warning(c->d, f->file_at,
			     "figure '%s' prints at %s%.0f dpi (%d pixel%s across %.2fin); %d dpi or more prints sharp",
			     f->file, px * 72.0 / w < 1 ? "under " : "", px * 72.0 / w < 1 ? 1.0 : px * 72.0 / w, px,
			     px == 1 ? "" : "s", w / 72, FIGURE_MIN_DPI);
	it = compose_item(c, first);
	it->h = h;
	it->w = w;
	it->x = c->x + (col - w) / 2;
	/* in the front matter and in a box it stays where it is; elsewhere the flow may float it */
	if (!was_span && c->box_deco < 0)
		compose_item(c, first)->float_items = (int)(c->dc->nitems - first);
	c->span = was_span;
}
