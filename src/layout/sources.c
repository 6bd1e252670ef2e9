/* sources.c: the Sources list: each source with its publication line, link and file, and
 * the paragraphs the brief drew on. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"

/* Whether s[0, n) ends with a sentence's mark (. ? !), inside closing quotes or not. */
static int ends_sentence(const char *s, size_t n)
{
	for (;;) {
		if (n >= 3 && (memcmp(s + n - 3, "\xE2\x80\x9D", 3) == 0 || memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0))
			n -= 3;
		else if (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\''))
			n--;
		else
			break;
	}
	/* an ellipsis ends it too: "Notes…" takes no fourth dot */
	return (n > 0 && strchr(".?!", s[n - 1])) || (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
}

/* A title that ends in a quotation takes its period inside the closing mark, as the citation
 * lines do (US style): 'Notes on “Peace.”', not 'Notes on “Peace”.'. Returns whether it did
 * (a closing single quote may be an apostrophe, "The Joneses’", so only a double one). */
static int period_inside_quote(char **title)
{
	size_t n = strlen(*title);
	if (n < 4 || memcmp(*title + n - 3, "\xE2\x80\x9D", 3) != 0 || ends_sentence(*title, n))
		return 0;
	char *t = xasprintf("%.*s.\xE2\x80\x9D", (int)(n - 3), *title);
	free(*title);
	*title = t;
	return 1;
}

static void add_para(int **v, size_t *n, int no)
{
	*v = grow_for(*v, *n, sizeof **v);
	(*v)[(*n)++] = no;
}

/* The paragraphs a citation names: none, one, or each of a range (resolved: within the article). */
static void add_cited(int **v, size_t *n, const cite *c)
{
	for (int p = c->para; p > 0 && p <= (c->para_last ? c->para_last : c->para); p++)
		add_para(v, n, p);
}

/* The paragraphs of source src that the brief drew on, from blocks and citations, sorted
 * and each once; *n is their count. Caller frees. */
static int *paras_drawn_on(const brief *b, size_t src, size_t *n)
{
	int *used = NULL;
	size_t nused = 0;
	for (size_t k = 0; k < b->nsections; k++)
		for (size_t j = 0; j < b->sections[k].nblocks; j++) {
			const block *bl = &b->sections[k].blocks[j];
			if (bl->source == (int)src)
				for (size_t q = 0; q < bl->nspans; q++)
					add_para(&used, &nused, bl->spans[q].para + 1);
			for (size_t q = 0; q < bl->nitems; q++)
				for (int z = 0; z < bl->items[q].ncites; z++)
					if (bl->items[q].cites[z].source == (int)src)
						add_cited(&used, &nused, &bl->items[q].cites[z]);
		}
	for (size_t q = 0; q < b->nnotes; q++)
		for (int z = 0; z < b->notes[q].ncites; z++)
			if (b->notes[q].cites[z].source == (int)src)
				add_cited(&used, &nused, &b->notes[q].cites[z]);
	for (size_t q = 0; q < b->nsummary; q++)
		for (int z = 0; z < b->summary[q].ncites; z++)
			if (b->summary[q].cites[z].source == (int)src)
				add_cited(&used, &nused, &b->summary[q].cites[z]);
	*n = cite_sort_unique(used, nused);
	return used;
}

void compose_sources(composer *c)
{
	const brief *b = c->b;
	const style *st = c->st;
	double w = c->dc->col_w;
	/* Sources follow the body when their heading and first entry fit (the heading stays
	 * with the entry); sources.new-page gives them a page of their own */
	size_t end_of_text = c->dc->nitems;
	if (st->sources_new_page)
		compose_push(c, V_PAGEBREAK, 0);
	else
		compose_space(c, st->heading_space_before, 0);
	/* the end of the text: a figure still waiting for room is set before the Sources,
	 * never after them (flow.c: a float may pass a section's heading, not this) */
	if (end_of_text < c->dc->nitems)
		c->dc->items[end_of_text].float_barrier = 1;
	rich *r = rich_new();
	rich_add(r, "Sources", 7);
	size_t h = compose_lines_as(c, TAG_H1, compose_para(c, r, &st->heading, w, 0, ALIGN_LEFT, loc_none()), 0, 1);
	compose_outline(c, h, "Sources", 0);
	compose_space(c, st->heading_space_after, 1);
	for (size_t i = 0; i < b->nsources; i++) {
		const source *s = &b->sources[i];
		size_t u = 0;
		int *used = paras_drawn_on(b, i, &u);

		if (i > 0)
			compose_space(c, st->block_space, 0);
		r = rich_new();
		char *title = cite_source_title(s);
		/* a title that ends a sentence of its own ("Havenbedrijf N.V.", "What Next?")
		 * takes no period after it */
		int title_stops = period_inside_quote(&title) || ends_sentence(title, strlen(title));
		rich_add_styled(r, title, strlen(title), 1, 0, NULL);
		free(title);
		strbuf sb = {0};
		if (s->art && s->art->publication) {
			sb_puts(&sb, title_stops ? " " : ". ");
			cite_publication(&sb, s);
		}
		char *date = cite_source_date(s);
		if (date)
			sb_printf(&sb, ", %s", date);
		free(date);
		if (sb.len ? !ends_sentence(sb.data, sb.len) : !title_stops)
			sb_puts(&sb, ".");
		rich_add(r, sb.data, sb.len);
		sb_free(&sb);
		para *p = compose_para(c, r, &st->body, w - st->sources_indent, 0, ALIGN_LEFT, s->at);
		rich *mr = rich_new();
		char *num = xasprintf("%zu.", i + 1);
		rich_add_styled(mr, num, strlen(num), 1, 0, &st->accent);
		free(num);
		if (i == 0)
			c->keep_next = 1;
		size_t first = compose_lines(c, p, st->sources_indent, 1);
		para *marker = compose_para(c, mr, &st->body, st->sources_indent, 0, ALIGN_LEFT, s->at);
		compose_item(c, first)->marker = marker;
		compose_item(c, first)->marker_x = 0;
		char *anchor = xasprintf("src-%zu", i + 1);
		compose_anchor(c, first, anchor);
		free(anchor);
		if (s->url) {
			r = rich_new();
			rich_add(r, s->url, strlen(s->url));
			rich_link_range(r, 0, strlen(s->url), s->url, 1);
			c->keep_next = 1;
			compose_lines(c, compose_para(c, r, &st->small, w - st->sources_indent, 0, ALIGN_LEFT, s->at), st->sources_indent, 1);
		}
		r = rich_new();
		sb_printf(&sb, "File: %s", s->file);
		if (u) {
			sb_puts(&sb, u > 1 ? ". Paragraphs drawn on: " : ". Paragraph drawn on: ");
			cite_para_list(&sb, used, u);
		}
		sb_puts(&sb, ".");
		rich_add(r, sb.data, sb.len);
		sb_free(&sb);
		free(used);
		c->keep_next = 1;
		compose_lines(c, compose_para(c, r, &st->small, w - st->sources_indent, 0, ALIGN_LEFT, s->at), st->sources_indent, 1);
	}
}

