/* figure.c: loads a figure block: the image file, its alt text, caption, credit, width and
 * marking. The file is read by resolve/ and drawn by typeset/image.c. */
#include "load/keys.h"
#include "load/figure.h"

#include <stdlib.h>
#include <string.h>

#include "base/schema.h"
#include "base/util.h"
#include "base/yaml_tree.h"
#include "load/brief.h"
#include "load/loader.h"

void figure_free(void *fig)
{
	figure *f = fig;
	if (!f)
		return;
	if (!f->bytes_shared)
		free(f->bytes);
	free(f);
}

/* column, full, a percentage of the column ("60%") or a length ("3in"). */
static void load_width(loader *L, const ynode *map, figure *f)
{
	const ynode *n = ymap_get(map, "width");
	if (!n)
		return;
	f->width_at = loader_loc(L, n);
	const char *v = schema_scalar(&L->S, n, "width", "column, full, a percentage or a length");
	if (!v)
		return;
	if (strcmp(v, "column") == 0) {
		f->width_kind = FIGURE_COLUMN;
		return;
	}
	if (strcmp(v, "full") == 0) {
		f->width_kind = FIGURE_FULL;
		return;
	}
	size_t n_chars = strlen(v);
	if (n_chars > 1 && v[n_chars - 1] == '%') {
		char *end;
		double pc = strtod(v, &end);
		/* plain decimal, as a length is: strtod also takes hex, "inf" and "nan" */
		int plain = end == v + n_chars - 1 && strspn(v, "0123456789.+-") == n_chars - 1;
		if (plain && pc >= 1 && pc <= 100) {
			f->width_kind = FIGURE_PERCENT;
			f->width = pc / 100;
			return;
		}
		schema_error(&L->S, n, "width '%s' must be a percentage from 1%% to 100%%", v);
		if (n_chars > 2 && v[n_chars - 2] == ' ')
			diag_note(L->S.d, loader_loc(L, n), "write it without a space before the '%%': '%.*s%%'",
				  (int)strcspn(v, " "), v);
		return;
	}
	double len;
	if (schema_parse_length(v, &len) == 0) {
		if (len > 0) {
			f->width_kind = FIGURE_LENGTH;
			f->width = len;
		} else {
			schema_error(&L->S, n, "width must be greater than zero, not %s", v);
		}
		return;
	}
	schema_error(&L->S, n, "width must be column, full, a percentage (60%%) or a length (3in), not '%s'", v);
}

void load_figure_block(loader *L, const ynode *map, const ynode *n, block *bl)
{
	(void)map;
	if (!schema_expect(&L->S, n, YNODE_MAP, "figure"))
		return;
	schema_keys(&L->S, n, "figure", figure_keys, figure_required);
	figure *f = xcalloc(1, sizeof *f);
	bl->data = f;
	bl->data_free = figure_free;
	const ynode *file = ymap_get(n, "file");
	f->file = schema_string(&L->S, file, "file", 0);
	f->file_at = loader_loc(L, file);
	if (f->file) {
		char *path = path_join(L->b->dir, f->file);
		f->path = brief_keep(L->b, path);
		free(path);
	}
	f->alt = schema_string(&L->S, ymap_get(n, "alt"), "alt", 0);
	f->credit = schema_string(&L->S, ymap_get(n, "credit"), "credit", BRIEF_MAX_LINE_CHARS);
	load_no_notes(L, ymap_get(n, "credit"), f->credit, "figure's credit");
	f->credit_at = f->credit ? loader_loc(L, ymap_get(n, "credit")) : bl->at;
	f->marking = schema_string(&L->S, ymap_get(n, "marking"), "marking", BRIEF_MAX_MARK_CHARS);
	if (f->marking) { /* where every block's own marking is */
		bl->marking = f->marking;
		bl->marking_at = loader_loc(L, ymap_get(n, "marking"));
	}
	const ynode *caption = ymap_get(n, "caption");
	if (caption) {
		bl->items = xcalloc(1, sizeof *bl->items);
		bl->nitems = 1;
		load_item(L, caption, &bl->items[0], "caption");
	}
	load_width(L, n, f);
}
