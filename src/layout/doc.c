/* doc.c: the laid-out document's own operations: inserting items, where an item's column
 * lies, and freeing it. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/doc.h"

/* The outline, anchors and notes that point at item `from` or past it move by `by`. */
static void move_refs(doc *dc, size_t from, int by)
{
	for (size_t k = 0; k < dc->noutline; k++)
		if (dc->outline[k].item >= (int)from)
			dc->outline[k].item += by;
	for (size_t k = 0; k < dc->nanchors; k++)
		if (dc->anchors[k].item >= (int)from)
			dc->anchors[k].item += by;
	for (size_t k = 0; k < dc->nnotes; k++)
		if (dc->notes[k].item >= (int)from)
			dc->notes[k].item += by;
}

vitem *doc_insert_item(doc *dc, size_t at)
{
	if (dc->nitems == dc->capitems) {
		dc->capitems = dc->capitems ? dc->capitems * 2 : 256;
		dc->items = xrealloc(dc->items, dc->capitems * sizeof *dc->items);
	}
	if (at < dc->nitems) { /* an insertion (appending is the common case) */
		memmove(&dc->items[at + 1], &dc->items[at], (dc->nitems - at) * sizeof *dc->items);
		move_refs(dc, at, 1);
	}
	dc->nitems++;
	vitem *it = &dc->items[at];
	memset(it, 0, sizeof *it);
	it->heading = -1;
	it->anchor = -1;
	it->box_deco = -1;
	it->page = -1;
	return it;
}

void doc_remove_item(doc *dc, size_t at)
{
	memmove(&dc->items[at], &dc->items[at + 1], (dc->nitems - at - 1) * sizeof *dc->items);
	dc->nitems--;
	move_refs(dc, at + 1, -1);
}

void doc_whole_word_at_break(doc *dc, size_t brk)
{
	if (brk == 0 || brk >= dc->nitems)
		return;
	const vitem *above = &dc->items[brk - 1], *below = &dc->items[brk];
	if (above->kind == V_LINE && below->kind == V_LINE && above->p && above->p == below->p &&
	    below->line == above->line + 1)
		para_unhyphenate_line(dc->engine, above->p, above->line);
}

doc *doc_new(const brief *b, const style *st)
{
	doc *dc = xcalloc(1, sizeof *dc);
	dc->b = b;
	dc->st = st;
	dc->strings = g_string_chunk_new(256);
	dc->nnotes = b->nnotes;
	dc->notes = xcalloc(b->nnotes ? b->nnotes : 1, sizeof *dc->notes);
	for (size_t k = 0; k < b->nnotes; k++)
		dc->notes[k].item = -1;
	dc->paths = xcalloc(1, sizeof *dc->paths);
	dc->npaths = 1;
	return dc;
}

void doc_drop_drawn(doc *dc)
{
	for (size_t i = 0; i < dc->nparas; i++)
		para_free(dc->paras[i]);
	free(dc->paras);
	free(dc->items);
	free(dc->decos);
	free(dc->outline);
	free(dc->anchors);
	free(dc->page_section);
	free(dc->page_first);
	free(dc->page_end);
	free(dc->images);
	for (size_t i = 0; i < dc->nrows; i++) {
		free(dc->rows[i]->cells);
		free(dc->rows[i]->cell_x);
		free(dc->rows[i]->col_x);
		free(dc->rows[i]);
	}
	free(dc->rows);
	for (size_t i = 0; i < dc->ntables; i++)
		free(dc->tables[i].cont);
	free(dc->tables);
	for (size_t i = 0; i < dc->npassages; i++)
		free(dc->passages[i].cont);
	free(dc->passages);
	free(dc->labels);
	free(dc->notes);
	free(dc->foot);
	const doc keep = *dc;
	*dc = (doc){.b = keep.b, .st = keep.st, .npages = keep.npages, .strings = keep.strings,
		    .title_text = keep.title_text, .author_text = keep.author_text, .subtitle_text = keep.subtitle_text,
		    .date_text = keep.date_text,
		    .paths = keep.paths, .npaths = keep.npaths, .engine = keep.engine};
}

void doc_free(doc *dc)
{
	if (!dc)
		return;
	doc_drop_drawn(dc);
	free(dc->paths);
	g_string_chunk_free(dc->strings);
	free(dc);
}

double doc_column_x(const doc *dc, const vitem *it)
{
	return dc->st->margin_left + (it->span ? 0 : it->col * (dc->col_w + dc->st->gutter));
}

/* Whether item it is the first of its page's column that prints something. */
static int column_top(const doc *dc, const vitem *it)
{
	size_t i = (size_t)(it - dc->items);
	if (i >= dc->nitems || it->page < 0)
		return 0;
	for (size_t j = i; j-- > dc->page_first[it->page];) {
		const vitem *o = &dc->items[j];
		if (o->page == it->page && o->col == it->col && (o->kind == V_LINE || o->kind == V_ROW || o->kind == V_IMAGE))
			return 0;
	}
	return 1;
}

int doc_label_on(const doc *dc, const struct doc_label *l, const vitem *it)
{
	if (it->kind != V_LINE || l->of != it->p || !l->p->nlines)
		return 0;
	const para *p = it->p;
	size_t start = (size_t)p->lines[it->line].start;
	size_t next = it->line + 1 < p->nlines ? (size_t)p->lines[it->line + 1].start : (size_t)-1;
	if (l->end > l->at)
		return start >= l->at && start < l->end && column_top(dc, it);
	return l->at >= start && l->at < next;
}

const char *tag_role_name(int role)
{
	static const char *const names[TAG_COUNT] = {
		[TAG_NONE] = "Artifact",     [TAG_P] = "P",		[TAG_H1] = "H1",	   [TAG_H2] = "H2",
		[TAG_H3] = "H3",	     [TAG_L] = "L",		[TAG_LI] = "LI",	   [TAG_LBL] = "Lbl",
		[TAG_LBODY] = "LBody",	     [TAG_BLOCKQUOTE] = "BlockQuote", [TAG_FIGURE] = "Figure", [TAG_CAPTION] = "Caption",
		[TAG_TABLE] = "Table",	     [TAG_TR] = "TR",		[TAG_TH] = "TH",	   [TAG_TD] = "TD",
		[TAG_NOTE] = "Note",	     [TAG_DIV] = "Div",		[TAG_LINK] = "Link"};
	return role >= 0 && role < TAG_COUNT ? names[role] : "Span";
}

static void seen_on(int *last, const para *p, int page)
{
	if (p && p->id >= 0 && page > last[p->id])
		last[p->id] = page;
}

int doc_last_page(const doc *dc)
{
	int last = -1;
	for (size_t k = 0; k < dc->nitems; k++)
		last = dc->items[k].page > last ? dc->items[k].page : last;
	for (size_t k = 0; k < dc->nfoot; k++)
		last = dc->foot[k].page > last ? dc->foot[k].page : last;
	return last;
}

int *doc_last_pages(const doc *dc)
{
	int *last = xmalloc((dc->nparas + 1) * sizeof *last);
	for (size_t i = 0; i < dc->nparas; i++)
		last[i] = -1;
	for (size_t i = 0; i < dc->nitems; i++) {
		const vitem *it = &dc->items[i];
		seen_on(last, it->p, it->page);
		seen_on(last, it->marker, it->page);
		for (size_t k = 0; it->kind == V_ROW && k < it->row->ncells; k++)
			seen_on(last, it->row->cells[k], it->page);
	}
	for (size_t k = 0; k < dc->nfoot; k++)
		seen_on(last, dc->notes[dc->foot[k].note].p, dc->foot[k].page);
	for (size_t k = 0; k < dc->nlabels; k++)
		if (dc->labels[k].of->id >= 0)
			seen_on(last, dc->labels[k].p, last[dc->labels[k].of->id]);
	return last;
}
