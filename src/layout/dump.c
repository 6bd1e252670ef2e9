/* dump.c: --dump-layout, every page, column and line in hundredths of a point, in a form
 * that reads well in a diff: tests compare it, reviewers read it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/dump.h"
#include "base/util.h"

static long cp(double v)
{
	return lround(v * 100);
}

/* The file of an image, as the brief first named it. */
static const char *image_file(const doc *dc, const image *img)
{
	for (size_t k = 0; k < dc->nimages; k++)
		if (dc->images[k].img == img)
			return dc->images[k].file;
	return "?";
}

/* The annex's highlighted words on a line and the labels beside it. */
static void dump_marks(const doc *dc, const vitem *it, FILE *out)
{
	const para *p = it->p;
	const para_line *ln = &p->lines[it->line];
	size_t ls = (size_t)ln->start, le = (size_t)(ln->start + ln->len);
	for (size_t k = 0; k < p->text->ntints; k++) {
		const struct rich_tint *t = &p->text->tints[k];
		if (t->end <= ls || t->start >= le)
			continue;
		size_t a = t->start > ls ? t->start : ls, b = t->end < le ? t->end : le;
		fprintf(out, " highlight=\"%.*s\"", (int)(b - a), p->text->text.data + a);
	}
	for (size_t k = 0; k < dc->nlabels; k++)
		if (doc_label_on(dc, &dc->labels[k], it)) {
			char *t = para_line_text(dc->labels[k].p, 0);
			fprintf(out, " label=\"%s\"", t);
			free(t);
		}
}

static void dump_item(const doc *dc, const vitem *it, int page, FILE *out)
{
	if (it->page != page)
		return;
	double x = doc_column_x(dc, it) + it->x;
	switch (it->kind) {
	case V_LINE: {
		char *text = para_line_text(it->p, it->line);
		char *font = para_line_font(it->p, it->line);
		fprintf(out, "  line col=%d x=%ld y=%ld w=%ld h=%ld para=%d line=%zu/%zu%s%s", it->col,
			cp(x + it->p->lines[it->line].x), cp(it->y), cp(it->p->lines[it->line].width), cp(it->h),
			it->p->id, it->line + 1, it->p->nlines, it->heading >= 0 ? " heading" : "", it->keep ? " keep" : "");
		if (it->nnotes)
			fprintf(out, " notes=%d", it->nnotes);
		if (it->p->fallback)
			fputs(" ragged-fallback", out);
		if (it->p->text->lang)
			fprintf(out, " lang=%s", it->p->text->lang);
		if (it->marker && it->marker->nlines) {
			/* a list item's bullet or number: where it is drawn, left edge and width */
			const para_line *ml = &it->marker->lines[0];
			char *mark = para_line_text(it->marker, 0);
			fprintf(out, " marker=%ld+%ld:\"%s\"", cp(doc_column_x(dc, it) + it->marker_x + ml->x), cp(ml->width),
				mark);
			free(mark);
		}
		dump_marks(dc, it, out);
		fprintf(out, " font=\"%s\" |%s|\n", font, text);
		free(font);
		free(text);
		break;
	}
	case V_SPACE:
		fprintf(out, "  space col=%d y=%ld h=%ld\n", it->col, cp(it->y), cp(it->h));
		break;
	case V_RULE:
		fprintf(out, "  rule col=%d x=%ld y=%ld w=%ld h=%ld\n", it->col, cp(x), cp(it->y), cp(it->w), cp(it->h));
		break;
	case V_IMAGE:
		fprintf(out, "  image col=%d x=%ld y=%ld w=%ld h=%ld %s%s%s file=\"%s\"\n", it->col, cp(x), cp(it->y),
			cp(it->w), cp(it->h), image_kind_name(it->img), it->keep ? " keep" : "",
			it->float_items ? " float" : "", image_file(dc, it->img));
		break;
	case V_ROW: {
		const cell_row *row = it->row;
		fprintf(out, "  row col=%d x=%ld y=%ld w=%ld h=%ld table=%d band=%zu/%zu%s%s%s", it->col, cp(x), cp(it->y),
			cp(row->w), cp(it->h), row->table, it->band + 1, row->nbands, row->header ? " header" : "",
			it->repeat ? " repeat" : "", it->keep ? " keep" : "");
		if (it->nnotes)
			fprintf(out, " notes=%d", it->nnotes);
		for (size_t k = 0; k < row->ncells; k++) {
			const para *p = row->cells[k];
			char *text = p && it->band < p->nlines ? para_line_text(p, it->band) : NULL;
			double lx = text ? p->lines[it->band].x : 0, lw = text ? p->lines[it->band].width : 0;
			fprintf(out, " |%ld+%ld:%s", cp(x + row->cell_x[k] + lx), cp(lw), text ? text : "");
			free(text);
		}
		fputs("|\n", out);
		break;
	}
	case V_PAGEBREAK: /* only one that ended a page is on one */
		fprintf(out, "  page-break col=%d y=%ld\n", it->col, cp(it->y));
		break;
	}
}

/* The pieces of box blocks' frames on a page: one per box and column, after the page's
 * items (the Key points box and excerpt tints are not listed: their lines say enough). */
static void dump_frames(const doc *dc, int page, FILE *out)
{
	for (size_t d = 0; d < dc->ndecos; d++) {
		if (dc->decos[d].kind != DECO_FRAME)
			continue;
		for (int col = 0; col < 8; col++) {
			const vitem *first = NULL;
			double y1 = 0;
			for (size_t i = dc->page_first[page]; i < dc->page_end[page]; i++) {
				const vitem *it = &dc->items[i];
				if (it->page != page || it->box_deco != (int)d || (it->col & 7) != col)
					continue;
				if (!first)
					first = it;
				y1 = it->y + it->h;
			}
			if (first)
				fprintf(out, "  box col=%d x=%ld y=%ld w=%ld h=%ld\n", first->col,
					cp(doc_column_x(dc, first) + dc->decos[d].x), cp(first->y), cp(dc->decos[d].w),
					cp(y1 - first->y));
		}
	}
}

void doc_dump(const doc *dc, FILE *out)
{
	const style *st = dc->st;
	fprintf(out, "document pages=%d size=%ldx%ld columns=%d\n", dc->npages, cp(st->page_w), cp(st->page_h),
		st->columns);
	for (int page = 0; page < dc->npages; page++) {
		fprintf(out, "page %d\n", page + 1);
		for (size_t i = dc->page_first[page]; i < dc->page_end[page]; i++)
			dump_item(dc, &dc->items[i], page, out);
		dump_frames(dc, page, out);
		for (size_t k = 0; k < dc->nfoot; k++) {
			const struct foot_line *fl = &dc->foot[k];
			if (fl->page != page)
				continue;
			const para *p = dc->notes[fl->note].p;
			vitem probe = {0};
			probe.col = fl->col;
			char *text = para_line_text(p, fl->line);
			fprintf(out, "  note col=%d x=%ld y=%ld w=%ld h=%ld note=%d line=%zu/%zu |%s|\n", fl->col,
				cp(doc_column_x(dc, &probe) + p->lines[fl->line].x), cp(fl->y), cp(p->lines[fl->line].width),
				cp(p->leading), fl->note + 1, fl->line + 1, p->nlines, text);
			free(text);
		}
	}
}
