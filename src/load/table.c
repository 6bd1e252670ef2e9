/* table.c: loads table blocks: a table (caption, header row, column widths and alignments,
 * rows of cells) and a chronology, a two-column table of dated events. Cells are analyst
 * text with citations, kept as the block's items (load/table.h says in which order). */
#include "load/keys.h"
#include "load/table.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/schema.h"
#include "base/util.h"
#include "base/yaml_tree.h"
#include "load/brief.h"
#include "load/loader.h"

size_t table_cell(const table *t, long row, size_t col)
{
	size_t first = (size_t)(t->caption != 0);
	size_t r = (size_t)(row + (t->header ? 1 : 0));
	return first + r * t->ncols + col;
}

void table_free(void *t)
{
	free(t);
}

/* A cell: analyst text, a mapping with text (and cite), or nothing (null or ""). */
static void load_cell(loader *L, const ynode *n, item *it)
{
	if (n->kind == YNODE_SCALAR && (ynode_is_null(n) || n->str[0] == 0)) {
		it->at = loader_loc(L, n);
		return;
	}
	load_item(L, n, it, "cell");
}

static table *table_attach(block *bl)
{
	table *t = xcalloc(1, sizeof *t);
	bl->data = t;
	bl->data_free = table_free;
	return t;
}

/* The caption, header and body items, once the table's shape is known. */
static void alloc_cells(block *bl, const table *t)
{
	bl->nitems = table_cell(t, (long)t->nrows, 0);
	bl->items = xcalloc(bl->nitems ? bl->nitems : 1, sizeof *bl->items);
}

/* widths: [auto, "*", 2in]: one per column. */
static void load_widths(loader *L, const ynode *n, table *t)
{
	if (!schema_expect(&L->S, n, YNODE_SEQ, "widths"))
		return;
	if (n->nitems != t->ncols) {
		schema_error(&L->S, n, "widths has %zu entr%s for %zu column%s; give one per column", n->nitems,
			     n->nitems == 1 ? "y" : "ies", t->ncols, t->ncols == 1 ? "" : "s");
		return;
	}
	for (size_t i = 0; i < n->nitems; i++) {
		const ynode *w = n->items[i];
		const char *v = schema_scalar(&L->S, w, "a width", "auto, * or a length");
		double len;
		if (!v)
			continue;
		if (strcmp(v, "auto") == 0)
			t->width_kind[i] = TABLE_AUTO;
		else if (strcmp(v, "*") == 0)
			t->width_kind[i] = TABLE_STAR;
		else if (schema_parse_length(v, &len) == 0 && len > 0 && len < TABLE_MIN_WIDTH)
			/* its text would stick out of it, over the next column */
			schema_error(&L->S, w, "a column %s wide cannot hold a letter and its padding; give at least 0.25in", v);
		else if (schema_parse_length(v, &len) == 0 && len > 0 && len <= 100 * PT_PER_IN)
			t->width_kind[i] = TABLE_LENGTH, t->width[i] = len;
		else
			schema_error(&L->S, w, "a column width must be auto, * (a share of the rest) or a length such as 1.5in, not '%s'",
				     v);
	}
}

/* align: [left, right, center, decimal]: one per column. */
static void load_aligns(loader *L, const ynode *n, table *t)
{
	if (!schema_expect(&L->S, n, YNODE_SEQ, "align"))
		return;
	if (n->nitems != t->ncols) {
		schema_error(&L->S, n, "align has %zu entr%s for %zu column%s; give one per column", n->nitems,
			     n->nitems == 1 ? "y" : "ies", t->ncols, t->ncols == 1 ? "" : "s");
		return;
	}
	for (size_t i = 0; i < n->nitems; i++) {
		const char *v = schema_scalar(&L->S, n->items[i], "an alignment", "left, right, center or decimal");
		if (!v)
			continue;
		int k = -1;
		for (int j = 0; table_aligns[j]; j++)
			if (strcmp(v, table_aligns[j]) == 0)
				k = j;
		if (k >= 0) {
			t->align[i] = (table_align)k;
			continue;
		}
		const char *near = nearest_word(v, table_aligns);
		if (near)
			schema_error(&L->S, n->items[i], "unknown alignment '%s'; did you mean '%s'?", v, near);
		else
			schema_error(&L->S, n->items[i], "unknown alignment '%s'; a column is left, right, center or decimal", v);
	}
}

static void load_caption(loader *L, const ynode *n, block *bl, table *t)
{
	t->marking = schema_string(&L->S, ymap_get(n, "marking"), "marking", BRIEF_MAX_MARK_CHARS);
	if (t->marking) { /* where every block's own marking is */
		bl->marking = t->marking;
		bl->marking_at = loader_loc(L, ymap_get(n, "marking"));
	}
	t->caption = ymap_get(n, "caption") != NULL;
}

/* The number of columns: the header's, else the longest row's. Rows are checked here. */
static size_t count_columns(loader *L, const ynode *columns, const ynode *rows)
{
	size_t ncols = columns && columns->kind == YNODE_SEQ ? columns->nitems : 0;
	for (size_t r = 0; r < rows->nitems; r++) {
		const ynode *row = rows->items[r];
		if (!schema_expect(&L->S, row, YNODE_SEQ, "a row"))
			continue;
		if (row->nitems == 0) {
			schema_error(&L->S, row, "row %zu is empty; give its cells, or leave the row out", r + 1);
		} else if (columns && columns->kind == YNODE_SEQ && row->nitems > ncols) {
			schema_error(&L->S, row->items[ncols], "row %zu has %zu cells; the table has %zu columns", r + 1,
				     row->nitems, ncols);
			if (row->flow)
				diag_note(L->S.d, ynode_loc(L->S.t, row),
					  "inside [ ] a comma ends a cell: put a cell that holds one in quotes, \"like, this\"");
		} else if (!columns && row->nitems > ncols) {
			ncols = row->nitems;
		}
	}
	return ncols;
}

void load_table_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	if (!schema_expect(&L->S, n, YNODE_MAP, "table"))
		return;
	if (schema_keys(&L->S, n, "table", table_keys, table_required))
		return;
	const ynode *columns = ymap_get(n, "columns"), *rows = ymap_get(n, "rows");
	if (columns && !schema_entries(&L->S, columns, YNODE_SEQ, "columns", NULL))
		return;
	if (!schema_entries(&L->S, rows, YNODE_SEQ, "rows", "a table needs at least one row"))
		return;
	if (rows->nitems > TABLE_MAX_ROWS) {
		schema_error(&L->S, rows, "a table may have at most %d rows, not %zu; split it", TABLE_MAX_ROWS, rows->nitems);
		return;
	}
	size_t ncols = count_columns(L, columns, rows);
	if (ncols > TABLE_MAX_COLUMNS) {
		schema_error(&L->S, columns ? columns : rows, "a table may have at most %d columns, not %zu", TABLE_MAX_COLUMNS,
			     ncols);
		return;
	}
	if (ncols == 0)
		return;
	size_t cells = ncols * (rows->nitems + (columns != NULL));
	if (cells > TABLE_MAX_CELLS) {
		/* the header row counts: "1666 rows of 3 columns" did not multiply to the 5001 */
		schema_error(&L->S, rows, "a table may have at most %d cells, not %zu (%zu rows of %zu columns%s); split it",
			     TABLE_MAX_CELLS, cells, rows->nitems + (columns != NULL), ncols,
			     columns ? ", the header row included" : "");
		return;
	}
	table *t = table_attach(bl);
	t->ncols = ncols;
	t->nrows = rows->nitems;
	t->header = columns != NULL;
	load_caption(L, n, bl, t);
	const ynode *widths = ymap_get(n, "widths"), *align = ymap_get(n, "align");
	if (widths)
		load_widths(L, widths, t);
	if (align)
		load_aligns(L, align, t);
	alloc_cells(bl, t);
	if (t->caption)
		load_item(L, ymap_get(n, "caption"), &bl->items[0], "caption");
	for (size_t c = 0; columns && c < ncols; c++)
		load_cell(L, columns->items[c], &bl->items[table_cell(t, -1, c)]);
	for (size_t r = 0; r < t->nrows; r++) {
		const ynode *row = rows->items[r];
		for (size_t c = 0; row->kind == YNODE_SEQ && c < row->nitems && c < ncols; c++)
			load_cell(L, row->items[c], &bl->items[table_cell(t, (long)r, c)]);
	}
}

/* One event: {date, text, cite}; the date is an ISO date, an ISO month or words ("Early
 * 2017"). */
static void load_event(loader *L, const ynode *n, block *bl, const table *t, size_t r)
{
	item *date = &bl->items[table_cell(t, (long)r, 0)], *what = &bl->items[table_cell(t, (long)r, 1)];
	date->at = what->at = loader_loc(L, n);
	if (!schema_expect(&L->S, n, YNODE_MAP, "an event"))
		return;
	schema_keys(&L->S, n, "event", event_keys, event_required);
	const ynode *d = ymap_get(n, "date");
	date->text = schema_string(&L->S, d, "date", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, d, date->text, "date");
	if (date->text) {
		date->at = loader_loc(L, d);
		/* each ISO date or month in it ("2018-01-01 to 2018-01-05") is printed as words:
		 * one that is no real date is an error, not "February 31, 2018" */
		const char *s = date->text;
		for (size_t i = 0; s[i]; i++) {
			int y, m, day;
			size_t len = iso_date_at(s, i, &y, &m, &day);
			if (len == 10 && !g_date_valid_dmy((GDateDay)day, (GDateMonth)m, (GDateYear)y))
				schema_error(&L->S, d, "%.10s is not a real date", s + i);
			else if (len == 7 && (m < 1 || m > 12))
				schema_error(&L->S, d, "%.7s is not a real month; write YYYY-MM with a month from 01 to 12", s + i);
			i += len ? len - 1 : 0;
		}
	}
	/* the event is an item of its own: {text, cite} without the date */
	what->text = schema_string(&L->S, ymap_get(n, "text"), "text", 0);
	what->at = loader_loc(L, ymap_get(n, "text"));
	load_notes(L, ymap_get(n, "text"), what);
	const ynode *c = ymap_get(n, "cite");
	if (c)
		load_cites(L, c, what);
}

/* chronology: [events], or {caption, events, marking}. */
void load_chronology_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	const ynode *events = n;
	if (n && n->kind == YNODE_MAP) {
		if (schema_keys(&L->S, n, "chronology", chronology_keys, chronology_required))
			return;
		events = ymap_get(n, "events");
	}
	if (!schema_entries(&L->S, events, YNODE_SEQ, "chronology", "a chronology needs at least one event"))
		return;
	if (events->nitems > TABLE_MAX_ROWS) {
		schema_error(&L->S, events, "a chronology may have at most %d events, not %zu; split it", TABLE_MAX_ROWS,
			     events->nitems);
		return;
	}
	table *t = table_attach(bl);
	t->ncols = 2;
	t->nrows = events->nitems;
	t->header = 1;
	t->chronology = 1;
	t->width_kind[1] = TABLE_STAR;
	if (n->kind == YNODE_MAP)
		load_caption(L, n, bl, t);
	alloc_cells(bl, t);
	if (t->caption)
		load_item(L, ymap_get(n, "caption"), &bl->items[0], "caption");
	item *head = &bl->items[table_cell(t, -1, 0)];
	head[0].text = brief_keep(L->b, "Date");
	head[1].text = brief_keep(L->b, "Event");
	head[0].at = head[1].at = loader_loc(L, n);
	for (size_t r = 0; r < t->nrows; r++)
		load_event(L, events->items[r], bl, t, r);
}
