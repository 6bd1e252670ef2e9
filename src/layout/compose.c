/* compose.c: resolved brief → vertical list. The primitives every composer uses, the front
 * matter and sections; each block kind's look is its composer's (load/kinds.def names them),
 * and which breaks are allowed (widows, orphans, keeps) is decided here, where pages
 * actually break is flow.c's job. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/compose.h"
#include "layout/composer.h"
#include "typeset/line_cache.h"

/* A quarter inch each side of the page: the banner sits outside the margins, so its room is
 * the paper's width, less what no printer prints on; not a layout key for that reason. */
#define BANNER_SIDE 18.0

vitem *compose_push(composer *c, vkind kind, double h)
{
	doc *dc = c->dc;
	vitem *it = doc_insert_item(dc, dc->nitems);
	it->kind = kind;
	it->h = h;
	it->span = c->span;
	it->deco = c->deco;
	it->box_deco = c->box_deco;
	if (c->tags_at < 0) {
		doc *d = c->dc;
		d->paths = xrealloc(d->paths, (d->npaths + 1) * sizeof *d->paths);
		d->paths[d->npaths] = c->tags;
		if (c->tags.n > TAG_DEPTH)
			d->paths[d->npaths].n = TAG_DEPTH;
		c->tags_at = (int)d->npaths++;
	}
	it->tags = c->tags_at;
	if (c->keep_next) {
		it->keep = 1;
		c->keep_next = 0;
	}
	return it;
}

void compose_tag_open(composer *c, int role)
{
	if (c->tags.n < TAG_DEPTH) {
		c->tags.v[c->tags.n].role = role;
		c->tags.v[c->tags.n].id = ++c->tag_ids;
		c->tags.v[c->tags.n].numbering = 0;
		c->tags_at = -1;
	}
	c->tags.n++; /* counted past the depth, so that opens and closes pair */
}

void compose_tag_close(composer *c)
{
	if (c->tags.n > 0 && --c->tags.n < TAG_DEPTH)
		c->tags_at = -1;
}

void compose_space(composer *c, double h, int keep)
{
	if (h <= 0)
		return;
	vitem *it = compose_push(c, V_SPACE, h);
	it->keep |= keep;
}

static para *own_para(composer *c, para *p)
{
	doc *dc = c->dc;
	if (dc->nparas == dc->capparas) {
		dc->capparas = dc->capparas ? dc->capparas * 2 : 64;
		dc->paras = xrealloc(dc->paras, dc->capparas * sizeof *dc->paras);
	}
	p->id = (int)dc->nparas;
	dc->paras[dc->nparas++] = p;
	return p;
}

/* Said once, at the paragraph that goes over; nothing after it is set. */
/* Past a limit in the annex, splitting the brief does not help: its sources are long */
static void note_annex(composer *c, loc at)
{
	if (c->in_annex)
		diag_note(c->d, at,
			  "the annex (annex: true, or --annex) sets each source in full: leave it out for sources this "
			  "long");
}

static void too_many_lines(composer *c, loc at)
{
	if (c->over)
		return;
	diag_error(c->d, at, "the brief would set more than %d lines (narrow columns or large type); split it into several briefs",
		   DOC_MAX_LINES);
	note_annex(c, at);
	c->over = 1;
}

static para *set_para(composer *c, rich *r, const para_spec *sp, loc at, int again);

para *compose_para(composer *c, rich *r, const font_role *font, double width, double indent, text_align align,
		    loc at)
{
	para_spec spec = {font, width, indent, align, 0, c->st->linebreak_optimal, c->st->hyphenate, c->st->expansion, 0};
	return set_para(c, r, &spec, at, 0);
}

para *compose_para_again(composer *c, rich *r, const font_role *font, double width, text_align align)
{
	para_spec spec = {font, width, 0, align, 0, c->st->linebreak_optimal, c->st->hyphenate, c->st->expansion, 0};
	return set_para(c, r, &spec, loc_none(), 1);
}

para *compose_para_hyphenated(composer *c, rich *r, const font_role *font, double width, text_align align, loc at)
{
	para_spec spec = {font, width, 0, align, 0, c->st->linebreak_optimal, c->st->hyphenate, c->st->expansion,
			  RAG_HYPHENS_WIDE};
	return set_para(c, r, &spec, at, 0);
}

/* again: text set before, whose characters missing from the fonts were reported then */
static para *set_para(composer *c, rich *r, const para_spec *sp, loc at, int again)
{
	const font_role *font = sp->font;
	double width = sp->width;
	/* Work and memory grow with the text and with the lines (narrow columns and large
	 * type make many short ones): both are bounded, and a paragraph whose lines would
	 * clearly go past the limit is refused before it is set. At 0.45 em a character,
	 * the estimate is below any real count. */
	double per_line = width / (0.45 * font->size);
	double guess = per_line > 1 ? (double)r->text.len / per_line : (double)r->text.len;
	if (!c->over && r->text.len > DOC_MAX_TEXT_BYTES - c->text_bytes) {
		diag_error(c->d, at, "the brief sets more than %u MiB of text (about 600 pages); split it into several briefs",
			   DOC_MAX_TEXT_BYTES >> 20);
		note_annex(c, at);
		c->over = 1;
	} else if (guess > (double)(DOC_MAX_LINES - c->nlines)) {
		too_many_lines(c, at);
	}
	if (c->over) {
		rich_free(r);
		r = rich_new();
	} else {
		c->text_bytes += r->text.len;
	}
	para *p = own_para(c, paragraph_layout(c->pe, r, sp, at, again ? NULL : c->d));
	c->nlines += p->nlines;
	if (c->nlines > DOC_MAX_LINES)
		too_many_lines(c, at);
	return p;
}

size_t compose_lines(composer *c, para *p, double x, int keep_all)
{
	size_t first = c->dc->nitems;
	int n = (int)p->nlines;
	if (n == 0) /* nothing to set, but callers mark the first item */
		compose_push(c, V_SPACE, 0);
	for (int i = 0; i < n; i++) {
		vitem *it = compose_push(c, V_LINE, p->leading);
		it->p = p;
		it->line = (size_t)i;
		it->x = c->x + x;
		it->role = c->leaf_role;
		it->leaf = p->id + 1;
		if (p->text->nnotes)
			compose_anchor_notes(c, p, (size_t)i, c->dc->nitems - 1);
		if (i > 0 && (keep_all || i < c->st->orphans || n - i < c->st->widows))
			it->keep = 1;
	}
	return first;
}

size_t compose_lines_as(composer *c, int role, para *p, double x, int keep_all)
{
	int was = c->leaf_role;
	c->leaf_role = role;
	size_t first = compose_lines(c, p, x, keep_all);
	c->leaf_role = was;
	return first;
}

vitem *compose_item(composer *c, size_t i)
{
	return &c->dc->items[i];
}

int compose_deco(composer *c, deco_kind kind, double x, double w, double bar)
{
	doc *dc = c->dc;
	dc->decos = xrealloc(dc->decos, (dc->ndecos + 1) * sizeof *dc->decos);
	deco *dd = &dc->decos[dc->ndecos];
	dd->kind = kind;
	dd->x = c->x + x;
	dd->fill = c->st->box_fill;
	dd->rule = c->st->box_rule;
	dd->w = w;
	dd->bar = bar;
	dd->span = c->span;
	return (int)dc->ndecos++;
}

void compose_outline(composer *c, size_t first, const char *title, int level)
{
	doc *dc = c->dc;
	dc->outline = xrealloc(dc->outline, (dc->noutline + 1) * sizeof *dc->outline);
	dc->outline[dc->noutline].title = g_string_chunk_insert(dc->strings, title);
	dc->outline[dc->noutline].item = (int)first;
	dc->outline[dc->noutline].level = level;
	compose_item(c, first)->heading = (int)dc->noutline++;
}

void compose_anchor(composer *c, size_t first, const char *name)
{
	doc *dc = c->dc;
	dc->anchors = xrealloc(dc->anchors, (dc->nanchors + 1) * sizeof *dc->anchors);
	dc->anchors[dc->nanchors].name = g_string_chunk_insert(dc->strings, name);
	dc->anchors[dc->nanchors].item = (int)first;
	compose_item(c, first)->anchor = (int)dc->nanchors++;
}

static void front_matter(composer *c)
{
	const brief *b = c->b;
	const style *st = c->st;
	double w = c->dc->text_w;
	c->span = 1;
	rich *r = rich_new();
	if (st->mark_title)
		cite_add_marking(r, b->marking);
	rich_add_markup(r, b->title, 0);
	compose_lines_as(c, TAG_H1, compose_para(c, r, &st->title, w, 0, ALIGN_LEFT, b->title_at), 0, 1);
	if (b->subtitle) {
		compose_space(c, st->subtitle_space, 1);
		r = rich_new();
		rich_add_markup(r, b->subtitle, 0);
		compose_item(c, compose_lines(c, compose_para(c, r, &st->subtitle, w, 0, ALIGN_LEFT, b->subtitle_at), 0, 1))->keep = 1;
	}
	r = rich_new();
	strbuf meta = {0};
	sb_puts(&meta, c->dc->date_text);
	if (b->author)
		/* no-break spaces: a run of plain spaces is one space to the line breaker */
		sb_printf(&meta, "\xC2\xA0\xC2\xA0\xC2\xB7\xC2\xA0\xC2\xA0%s", b->author);
	rich_add_markup(r, meta.data, 0);
	sb_free(&meta);
	compose_space(c, st->meta_space, 1);
	compose_item(c, compose_lines(c, compose_para(c, r, &st->meta, w, 0, ALIGN_LEFT, b->author_at), 0, 1))->keep = 1;
	if (b->as_of)
		compose_as_of(c);
	compose_space(c, st->rule_space, 1);
	vitem *rule = compose_push(c, V_RULE, st->rule_width > 0 ? st->rule_width : 0.75);
	rule->w = w;
	rule->keep = 1;
	if (b->distribution)
		compose_distribution(c);

	if (b->nsummary > 0) {
		compose_space(c, st->box_space_before >= 0 ? st->box_space_before : st->block_space + 4, 1);
		double pad = st->box_padding;
		c->deco = compose_deco(c, DECO_BOX, 0, w, 0);
		compose_tag_open(c, TAG_DIV);
		c->keep_next = 1;
		compose_space(c, pad, 1);
		const char *title = st->box_title ? st->box_title : "Key points";
		if (*title) { /* summary.title: "" sets none, as a box's (a layouts trial: an empty line) */
			r = rich_new();
			if (st->mark_headings) /* marked as a box's title is */
				cite_add_marking(r, compose_marking_of(b, NULL, NULL));
			rich_add_markup(r, title, 0);
			compose_item(c, compose_lines(c, compose_para(c, r, &st->box_head, w - 2 * pad, 0, ALIGN_LEFT, loc_none()), pad, 1))->keep = 1;
			compose_space(c, st->box_title_space, 1);
		}
		c->keep_next = 1;
		c->marking = b->marking;
		compose_bullet_list(c, b->summary, b->nsummary, pad, w - 2 * pad, &st->body, 1);
		compose_space(c, pad + style_rule_growth(st, 1), 1); /* and room for a wide bottom rule */
		compose_tag_close(c);
		c->deco = -1;
	}
	compose_space(c, st->title_space_after >= 0 ? st->title_space_after : st->block_space + 6, 1);
	c->span = 0;
}

typedef void block_composer(composer *c, const block *bl, const block *prev);
static block_composer *const composers[] = {
#define BLOCK_KIND(id, key, loader, resolver, composer_fn) [id] = composer_fn,
#include "load/kinds.def"
#undef BLOCK_KIND
};

/* Whether an analyst's paragraph ends in a colon, introducing what follows it. */
static int introduces(const block *bl)
{
	if (bl->kind != BLOCK_TEXT || bl->nitems == 0 || !bl->items[0].text)
		return 0;
	const char *t = bl->items[0].text;
	size_t n = strlen(t);
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n' || t[n - 1] == '\r' || t[n - 1] == '\t'))
		n--;
	return n > 0 && t[n - 1] == ':';
}

/* A heading's number by the layout's headings.numbers: "2", "2.1", "2.1.3"; NULL without. */
static char *heading_number(composer *c, int level)
{
	c->numbers[level - 1]++;
	for (int k = level; k < BRIEF_MAX_SECTION_LEVELS; k++)
		c->numbers[k] = 0;
	if (!c->st->heading_numbers)
		return NULL;
	strbuf sb = {0};
	for (int k = 0; k < level; k++)
		sb_printf(&sb, k ? ".%d" : "%d", c->numbers[k]);
	return sb_steal(&sb);
}

static void section_block(composer *c, const section *s)
{
	const style *st = c->st;
	double w = c->dc->col_w;
	int level = s->level >= 1 && s->level <= BRIEF_MAX_SECTION_LEVELS ? s->level : 1;
	const font_role *font = level == 1 ? &st->heading : level == 2 ? &st->heading2 : &st->heading3;
	/* a subsection's heading sits closer to what comes before: it belongs to its section */
	int held = c->heading_held; /* the section before was only a heading: stay with it */
	c->heading_held = 0;
	if (!held)
		c->held_from = c->dc->nitems;
	/* a break asked before the first block comes before the heading, which stays with it,
	 * and before the headings of the sections it opens that hold only it */
	if (s->page_break || (s->nblocks > 0 && s->blocks[0].page_break)) {
		if (held)
			doc_insert_item(c->dc, c->held_from)->kind = V_PAGEBREAK;
		else
			compose_push(c, V_PAGEBREAK, 0);
	}
	compose_space(c, level == 1 ? st->heading_space_before : st->heading_space_before * 0.7, held);
	c->keep_next = held;
	char *number = heading_number(c, level);
	/* the number and the heading are one unit: an en space, no break */
	/* the outline and the {section} running head read the heading as printed: its quotes
	 * and dashes made typographic, its markup gone (no portion marking) */
	char *typed = number ? xasprintf("%s\xE2\x80\x82%s", number, s->heading) : xstrdup(s->heading);
	rich *plain = rich_new();
	rich_add_markup(plain, typed, 0);
	free(typed);
	rich *r = rich_new();
	if (number) {
		rich_add_markup(r, number, 0);
		rich_add(r, "\xE2\x80\x82", 3);
	}
	if (st->mark_headings)
		cite_add_marking(r, compose_marking_of(c->b, s, NULL));
	rich_add_markup(r, s->heading, 0);
	size_t h = compose_lines_as(c, TAG_H1 + level - 1, compose_para(c, r, font, w, 0, ALIGN_LEFT, s->heading_at), 0, 1);
	compose_outline(c, h, plain->text.data, level - 1);
	rich_free(plain);
	free(number);
	compose_space(c, st->heading_space_after, 1);
	if (s->nblocks == 0) /* a section made only of subsections: its heading stays with theirs */
		c->heading_held = 1;
	/* past the limits (compose_para) nothing more is set: a brief of 90,000 aliases of one
	 * long bullet is refused at once, not after setting them all */
	for (size_t i = 0; i < s->nblocks && !c->over; i++) {
		const block *bl = &s->blocks[i];
		/* the first block stays with the heading, a box's first block with the box */
		if (i > 0 && bl->page_break)
			compose_push(c, V_PAGEBREAK, 0);
		if (i > 0 && s->blocks[i - 1].kind != BLOCK_BOX) {
			/* a paragraph that ends in a colon introduces the block after it: no page
			 * break between them */
			int lead_in = introduces(&s->blocks[i - 1]);
			compose_space(c, st->block_space, lead_in);
			c->keep_next = lead_in;
		} else {
			c->keep_next = 1;
		}
		int in_box = c->box_deco >= 0;
		/* a box's blocks carry the box's marking, as sub-items their item's: a box marked
		 * (C) around paragraphs printed (U) contradicted itself */
		c->marking = in_box && !bl->marking ? c->box_marking : compose_marking_of(c->b, s, bl);
		int group = bl->kind == BLOCK_QUOTE || bl->kind == BLOCK_EXCERPT ? TAG_BLOCKQUOTE
			    : bl->kind == BLOCK_TABLE || bl->kind == BLOCK_CHRONOLOGY ? TAG_TABLE
										: TAG_NONE;
		if (group != TAG_NONE)
			compose_tag_open(c, group);
		c->alone = s->nblocks == 1;
		composers[bl->kind](c, bl, i > 0 ? &s->blocks[i - 1] : NULL);
		c->alone = 0;
		if (group != TAG_NONE)
			compose_tag_close(c);
		c->keep_next = 0;
		/* a box's blocks follow it in the section: it ends after the last */
		if (in_box && --c->box_left == 0)
			compose_box_close(c);
	}
}

/* Analyst text as the page prints it, without its markup: for running heads and metadata. */
static const char *as_printed(doc *dc, const char *s)
{
	if (!s)
		return NULL;
	rich *r = rich_new();
	rich_add_markup(r, s, 0);
	const char *out = g_string_chunk_insert(dc->strings, r->text.data ? r->text.data : "");
	rich_free(r);
	return out;
}

void doc_check_markings(const brief *b, const style *st, diag *d)
{
	composer c = {0};
	c.b = b;
	c.st = st;
	c.d = d;
	compose_check_markings(&c);
}

doc *doc_compose(const brief *b, const style *st, para_engine *engine, diag *d)
{
	doc *dc = doc_new(b, st);
	dc->text_w = st->page_w - st->margin_left - st->margin_right;
	int cols = st->columns > 0 ? st->columns : 1;
	dc->col_w = (dc->text_w - (cols - 1) * st->gutter) / cols;
	dc->day_first = cite_day_first(b->lang ? b->lang : st->lang);
	char *date = cite_format_date(b->date, dc->day_first);
	dc->date_text = g_string_chunk_insert(dc->strings, date);
	dc->title_text = as_printed(dc, b->title);
	dc->author_text = as_printed(dc, b->author);
	dc->subtitle_text = as_printed(dc, b->subtitle);
	free(date);
	dc->engine = engine;
	if (engine)
		image_cache_begin(engine->images);
	if (engine && engine->lines)
		line_cache_begin(engine->lines);
	composer c = {.dc = dc, .b = b, .st = st, .pe = dc->engine, .d = d, .deco = -1, .box_deco = -1,
		      .w = dc->col_w, .leaf_role = TAG_P};
	/* the banner is drawn on every page outside the flow; its glyphs are checked here */
	if (b->classification && st->banners) {
		/* set as it is drawn (in capitals), on one line across the page less a quarter
		 * inch each side: a marking is never cut short, so one that does not fit is an error */
		char *text = font_role_text(&st->banner, b->classification);
		rich *r = rich_new();
		rich_add(r, text, strlen(text));
		free(text);
		para_spec spec = {&st->banner, st->page_w - 2 * BANNER_SIDE, 0, ALIGN_LEFT, 0, 0, 0, 0, 0};
		para *p = paragraph_layout(dc->engine, r, &spec, b->classification_at, d);
		if (p->nlines > 1)
			diag_error(d, b->classification_at,
				   "the classification banner is wider than the page; shorten it or make the layout's banner font smaller");
		para_free(p);
	}
	compose_check_markings(&c);
	front_matter(&c);
	for (size_t i = 0; i < b->nsections && !c.over; i++)
		section_block(&c, &b->sections[i]);
	if (b->contact)
		compose_contact(&c);
	compose_end_notes(&c);
	if (b->nsources)
		compose_sources(&c);
	if (b->annex && b->nsources)
		compose_annex(&c);
	return dc;
}
