/* table.c: a table or chronology on the vertical list: its numbered caption above it, the
 * column widths worked out from the cells' content, each cell set ragged by our line
 * breaker inside its column, and each row as bands of lines (doc.h, cell_row). A page
 * breaks between rows, or inside a row taller than a column; the flow then repeats the
 * caption, marked "(continued)", and the header row (doc->tables). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"
#include "layout/composer.h"
#include "load/table.h"

/* Our breaker and Pango may round a line's width differently: a cell given its measured
 * width plus this sets on one line. */
#define MEASURE_SLACK 0.5
/* Tables whose rows take at most this share of a page's height are never split. */
#define TABLE_KEEP_WHOLE 0.25

/* The rich text of a cell, or NULL for an empty one. A chronology's ISO dates read as
 * words, as the brief's own date does. */
static rich *cell_rich(const brief *b, int day_first, const table *t, const item *it, size_t col)
{
	if (!it->text)
		return NULL;
	if (t->chronology && col == 0) {
		/* no break inside "December 22, 2017"; words ("Early 2018") break as written */
		char *date = cite_dates_as_words(it->text, "\xC2\xA0", day_first);
		rich *r = rich_new();
		rich_add_markup(r, date, 0);
		free(date);
		return r;
	}
	return cite_item_rich(b, NULL, it);
}

/* Where a number's alignment point is in text: its decimal point ("1,234.5" → ".5"), or
 * without one the end of its last digit ("100%" → "%", "1,600" → ""); text with no digit
 * aligns its end there. */
static const char *decimal_tail(const char *text)
{
	const char *tail = NULL, *after_digit = NULL;
	for (const char *p = text; *p; p++) {
		if (*p == '.' && g_ascii_isdigit(p[1]))
			tail = p;
		if (g_ascii_isdigit(*p))
			after_digit = p + 1;
	}
	if (tail)
		return tail;
	return after_digit ? after_digit : text + strlen(text);
}

/* Whether a cell of a decimal column holds a number to align ("1,600", "76.9%", "$1.2 bn",
 * "1,000 MW"): a digit, a few words at most. Text (a sentence, a note) is set right-aligned
 * as it comes: aligning it on a last period or digit would push it out of its column. */
static int decimal_cell(const item *it)
{
	if (!it->text)
		return 0;
	int digit = 0, spaces = 0, other = 0;
	for (const char *p = it->text; *p; p++) {
		digit |= g_ascii_isdigit(*p);
		spaces += *p == ' ';
		other |= !g_ascii_isdigit(*p) && !strchr(".,+-%", *p);
	}
	/* a number of any length is aligned ("12345678901234567890.1234…" was set as text:
	 * a hostile trial); a few words with one, up to 32 bytes */
	return digit && spaces <= 2 && (!other || strlen(it->text) <= 32);
}

/* The width of a decimal cell's part from its alignment point on (decimal_tail), its
 * citation included ("+4.2%¹ ¶2": the citation must not push the number left), in f; width:
 * the whole cell's on one line. */
static double fraction_width(para_engine *e, const item *it, const font_role *f, double width)
{
	if (!decimal_cell(it))
		return 0;
	size_t n = (size_t)(decimal_tail(it->text) - it->text);
	double head = 0;
	if (n > 0) {
		char *text = g_strndup(it->text, n);
		rich *r = rich_new();
		rich_add_markup(r, text, 0);
		double lo;
		para_measure(e, r, f, &lo, &head);
		rich_free(r);
		g_free(text);
	}
	return width > head ? width - head : 0;
}

typedef struct columns {
	size_t n;
	double min[TABLE_MAX_COLUMNS], pref[TABLE_MAX_COLUMNS], w[TABLE_MAX_COLUMNS];
	double brk[TABLE_MAX_COLUMNS]; /* narrowest with words hyphenated (para_min_break) */
	double numw[TABLE_MAX_COLUMNS]; /* its widest piece holding a number: cut, it misreads */
	double floor;                   /* the least a column of text is given: an em inside its padding */
	int forced;                     /* not even the hyphenated words fit: some are cut */
	double frac[TABLE_MAX_COLUMNS]; /* decimal columns: the widest fraction */
	GArray *words[TABLE_MAX_COLUMNS]; /* its words' widths with the padding, widest first */
} columns;

static int wider_first(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x < y) - (x > y);
}

/* How many of column j's words break at width w (cells with their padding). */
static size_t words_broken(const columns *cs, size_t j, double w)
{
	const double *v = (const double *)(void *)cs->words[j]->data;
	size_t lo = 0, hi = cs->words[j]->len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] > w + 0.01)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const font_role *row_font(const style *st, const table *t, long row)
{
	return row < 0 && t->header ? &st->table_head : &st->table;
}

/* Each column's narrowest (its widest word), narrowest with its words hyphenated and
 * preferred (its longest cell on one line) widths, padding included. */
static void measure(composer *c, const block *bl, const table *t, columns *cs)
{
	double pad2 = 2 * c->st->table_padding;
	cs->n = t->ncols;
	cs->floor = pad2 + c->st->table.size;
	cs->forced = 0;
	for (size_t j = 0; j < t->ncols; j++) {
		cs->min[j] = cs->pref[j] = cs->frac[j] = cs->brk[j] = 0;
		cs->numw[j] = 0;
		cs->words[j] = g_array_new(FALSE, FALSE, sizeof(double));
		double whole = 0;   /* decimal columns: the widest part before the point */
		double numbers = 0; /* and the widest number */
		for (long r = t->header ? -1 : 0; r < (long)t->nrows; r++) {
			const item *it = &bl->items[table_cell(t, r, j)];
			rich *text = cell_rich(c->b, c->dc->day_first, t, it, j);
			if (!text)
				continue;
			double lo, hi;
			para_measure_words(c->pe, text, row_font(c->st, t, r), &lo, &hi, cs->words[j]);
			double nw;
			double brk = para_min_break(c->pe, text, row_font(c->st, t, r), c->st->hyphenate, &nw);
			rich_free(text);
			if (lo > cs->min[j])
				cs->min[j] = lo;
			if (brk > cs->brk[j])
				cs->brk[j] = brk;
			if (nw > cs->numw[j])
				cs->numw[j] = nw;
			if (hi > cs->pref[j])
				cs->pref[j] = hi;
			if (t->align[j] == TABLE_DECIMAL && r >= 0 && decimal_cell(it)) {
				double fw = fraction_width(c->pe, it, row_font(c->st, t, r), hi);
				if (fw > cs->frac[j])
					cs->frac[j] = fw;
				if (hi - fw > whole)
					whole = hi - fw;
				if (hi > numbers)
					numbers = hi;
			}
		}
		/* numbers aligned on their points take the widest whole part and the widest
		 * fraction, which may be two cells' ("1,600" over "76.9%"); they do not wrap (the
		 * header and any text in the column do) */
		if (whole + cs->frac[j] > numbers)
			numbers = whole + cs->frac[j];
		if (numbers > cs->pref[j])
			cs->pref[j] = numbers;
		if (t->align[j] == TABLE_DECIMAL && numbers > cs->min[j])
			cs->min[j] = numbers;
		if (t->align[j] == TABLE_DECIMAL && numbers > cs->numw[j])
			cs->numw[j] = numbers;
		if (cs->numw[j] > cs->brk[j])
			cs->brk[j] = cs->numw[j];
		/* Pango's words may break where ours do not ("mn/day" of "EUR 25 mn/day") */
		if (cs->brk[j] > cs->min[j])
			cs->min[j] = cs->brk[j];
		cs->min[j] += pad2 + MEASURE_SLACK;
		cs->brk[j] += pad2 + MEASURE_SLACK;
		if (cs->numw[j] > 0)
			cs->numw[j] += pad2 + MEASURE_SLACK;
		cs->pref[j] += pad2 + MEASURE_SLACK;
		for (guint k = 0; k < cs->words[j]->len; k++)
			g_array_index(cs->words[j], double, k) += pad2 + MEASURE_SLACK;
		g_array_sort(cs->words[j], wider_first);
	}
}

static void columns_free(columns *cs)
{
	for (size_t j = 0; j < cs->n; j++)
		g_array_free(cs->words[j], TRUE);
}

/* Widens the columns not done, from their widths, toward their widest pieces with rest: the
 * columns that lack least first, and what does not make up a whole piece shared equally. */
static void grow_to_pieces(columns *cs, int *done, size_t left, double rest)
{
	while (left > 0) {
		size_t least = cs->n;
		for (size_t j = 0; j < cs->n; j++)
			if (!done[j] && (least == cs->n || cs->brk[j] - cs->w[j] < cs->brk[least] - cs->w[least]))
				least = j;
		double share = rest / (double)left;
		if (cs->brk[least] - cs->w[least] > share) {
			for (size_t j = 0; j < cs->n; j++)
				if (!done[j])
					cs->w[j] += share;
			return;
		}
		rest -= cs->brk[least] - cs->w[least];
		cs->w[least] = cs->brk[least];
		done[least] = 1;
		left--;
	}
}

/* The columns not done, at their widths with their words hyphenated (brk), share rest in
 * proportion to what each lacks to hold its longest word whole: their widths in w. */
static void share_lack(const columns *cs, const int *done, double rest, double *w)
{
	double lack = 0;
	for (size_t j = 0; j < cs->n; j++)
		if (!done[j])
			lack += cs->min[j] - cs->brk[j];
	for (size_t j = 0; j < cs->n; j++)
		if (!done[j])
			w[j] = cs->brk[j] + (lack > 0 ? rest * (cs->min[j] - cs->brk[j]) / lack : 0);
}

/* How many words the columns not done and not in the set whole break when those in whole
 * hold theirs and the others share what rest leaves them (share_lack). */
static size_t broken_without(const columns *cs, const int *done, unsigned whole, double rest)
{
	int out[TABLE_MAX_COLUMNS] = {0};
	double w[TABLE_MAX_COLUMNS] = {0};
	for (size_t j = 0; j < cs->n; j++) {
		out[j] = done[j] || (whole >> j & 1);
		if (whole >> j & 1)
			rest -= cs->min[j] - cs->brk[j];
	}
	share_lack(cs, out, rest, w);
	size_t n = 0;
	for (size_t j = 0; j < cs->n; j++)
		if (!out[j])
			n += words_broken(cs, j, w[j]);
	return n;
}

/* The set of columns (not done) that rest, beyond their widths with their words
 * hyphenated, keeps whole: as many as may be, which taking those that lack least first
 * finds, and of the sets of as many, the one whose columns left to hyphenate break the
 * fewest words. Taking the least first alone kept whole an item column that lacked only
 * for "Telecommunications" and broke six words of the comment column beside it
 * ("Depart-mental", "Hypo-thetical"), where keeping the comments whole breaks that one. */
static unsigned keep_whole(const columns *cs, const int *done, double rest)
{
	unsigned best = 0;
	int count = 0;
	for (double left = rest;;) {
		size_t least = cs->n;
		for (size_t j = 0; j < cs->n; j++)
			if (!done[j] && !(best >> j & 1) &&
			    (least == cs->n || cs->min[j] - cs->brk[j] < cs->min[least] - cs->brk[least]))
				least = j;
		if (least == cs->n || cs->min[least] - cs->brk[least] > left)
			break;
		left -= cs->min[least] - cs->brk[least];
		best |= 1u << least;
		count++;
	}
	size_t fewest = broken_without(cs, done, best, rest);
	for (unsigned set = 0; set < 1u << cs->n && fewest > 0; set++) {
		int k = 0, fixed = 0;
		double need = 0;
		for (size_t j = 0; j < cs->n; j++)
			if (set >> j & 1) {
				k++;
				fixed |= done[j];
				need += cs->min[j] - cs->brk[j];
			}
		if (fixed || k != count || need > rest + 0.001)
			continue;
		size_t n = broken_without(cs, done, set, rest);
		if (n < fewest)
			best = set, fewest = n;
	}
	return best;
}

/* Widths of the columns of a table whose longest words do not all fit in flex, the width
 * left by the fixed lengths. */
static void narrow_widths(const table *t, columns *cs, double flex)
{
	int done[TABLE_MAX_COLUMNS] = {0};
	size_t left = 0;
	double flex_brk = 0;
	for (size_t j = 0; j < cs->n; j++)
		if (t->width_kind[j] == TABLE_LENGTH)
			cs->w[j] = t->width[j], done[j] = 1;
		else
			left++, flex_brk += cs->brk[j];
	double rest = flex;
	if (flex_brk <= flex) {
		/* not every longest word fits, but every column fits with its words
		 * hyphenated: each gets that, and what is left keeps whole the words of
		 * the columns that need least for it, one column after another; a number
		 * with its unit ("EUR 25 mn/day"), which cannot be hyphenated, is never cut,
		 * and as few columns as may be are hyphenated. The columns still short share
		 * what remains in proportion to what they lack. */
		rest -= flex_brk;
		for (size_t j = 0; j < cs->n; j++)
			if (!done[j])
				cs->w[j] = cs->brk[j];
		unsigned whole = keep_whole(cs, done, rest);
		for (size_t j = 0; j < cs->n; j++)
			if (whole >> j & 1) {
				rest -= cs->min[j] - cs->brk[j];
				cs->w[j] = cs->min[j];
				done[j] = 1;
			}
		share_lack(cs, done, rest, cs->w);
		return;
	}
	/* not even the hyphenated words fit: the columns whose longest pieces are numbers
	 * keep them whole first ('212,00' over '0 t' misreads; a word cut with a hyphen does
	 * not), then those whose longest pieces are shortest, and those with the longest
	 * share what is left, equally, their words broken: cut in proportion, every column's
	 * words would break ("Cou-ntry" beside a URL) */
	cs->forced = 1;
	double numbers = 0, any = 0;
	for (size_t j = 0; j < cs->n; j++)
		if (!done[j]) {
			double least = cs->brk[j] < cs->floor ? cs->brk[j] : cs->floor;
			numbers += cs->numw[j] > least ? cs->numw[j] : least;
			any += cs->numw[j];
		}
	if (any > 0 && numbers <= flex) {
		/* each column its numbers whole (the others an em of text), then what is left to
		 * the rest of their pieces, the columns that lack least first */
		for (size_t j = 0; j < cs->n; j++)
			if (!done[j]) {
				double least = cs->brk[j] < cs->floor ? cs->brk[j] : cs->floor;
				cs->w[j] = cs->numw[j] > least ? cs->numw[j] : least;
			}
		grow_to_pieces(cs, done, left, rest - numbers);
		return;
	}
	while (left > 0) {
		size_t narrowest = cs->n;
		for (size_t j = 0; j < cs->n; j++)
			if (!done[j] && (narrowest == cs->n || cs->brk[j] < cs->brk[narrowest]))
				narrowest = j;
		double share = rest / (double)left;
		if (cs->brk[narrowest] > share) {
			for (size_t j = 0; j < cs->n; j++)
				if (!done[j])
					cs->w[j] = share;
			break;
		}
		cs->w[narrowest] = cs->brk[narrowest];
		rest -= cs->brk[narrowest];
		done[narrowest] = 1;
		left--;
	}
}

/* Column widths as a good automatic table layout sets them: when the table fits (every
 * cell on one line), `auto` columns get their preferred widths and `*` columns share the
 * rest; when it does not,
 * every flexible column gets its minimum and a share of what is left in proportion to
 * what it would like more; fixed lengths are kept unless even the minima do not fit. */
static double column_widths(const table *t, columns *cs, double avail)
{
	double fixed = 0, auto_pref = 0, star_pref = 0, flex_min = 0, flex_pref = 0;
	size_t nstar = 0;
	for (size_t j = 0; j < cs->n; j++) {
		switch (t->width_kind[j]) {
		case TABLE_LENGTH:
			fixed += t->width[j];
			break;
		case TABLE_AUTO:
			auto_pref += cs->pref[j];
			break;
		case TABLE_STAR:
			star_pref += cs->pref[j];
			nstar++;
			break;
		}
		if (t->width_kind[j] != TABLE_LENGTH)
			flex_min += cs->min[j], flex_pref += cs->pref[j];
	}
	double flex = avail - fixed;
	if (flex < flex_min && flex > 0) {
		narrow_widths(t, cs, flex);
		return avail;
	}
	if (flex < flex_min) {
		/* the fixed lengths alone take the width: everything in proportion */
		double total = fixed + flex_min;
		for (size_t j = 0; j < cs->n; j++)
			cs->w[j] = (t->width_kind[j] == TABLE_LENGTH ? t->width[j] : cs->min[j]) * avail / total;
		return avail;
	}
	double used = fixed;
	if (auto_pref + star_pref <= flex) {
		double rest = flex - auto_pref;
		/* `*` columns share the rest equally; one whose share is below its preferred width
		 * takes that and the others share what remains */
		int done[TABLE_MAX_COLUMNS] = {0};
		for (size_t left = nstar; left > 0;) {
			double share = rest / (double)left;
			size_t narrow = 0;
			for (size_t j = 0; j < cs->n; j++)
				if (t->width_kind[j] == TABLE_STAR && !done[j] && cs->pref[j] > share) {
					cs->w[j] = cs->pref[j];
					rest -= cs->pref[j];
					done[j] = 1;
					narrow++;
				}
			if (narrow == 0) {
				for (size_t j = 0; j < cs->n; j++)
					if (t->width_kind[j] == TABLE_STAR && !done[j])
						cs->w[j] = share;
				break;
			}
			left -= narrow;
		}
		for (size_t j = 0; j < cs->n; j++) {
			if (t->width_kind[j] == TABLE_AUTO)
				cs->w[j] = cs->pref[j];
			else if (t->width_kind[j] == TABLE_LENGTH)
				cs->w[j] = t->width[j];
			used += t->width_kind[j] == TABLE_LENGTH ? 0 : cs->w[j];
		}
		return nstar ? avail : used;
	}
	double grow = flex_pref > flex_min ? (flex - flex_min) / (flex_pref - flex_min) : 0;
	for (size_t j = 0; j < cs->n; j++)
		cs->w[j] = t->width_kind[j] == TABLE_LENGTH ? t->width[j] : cs->min[j] + (cs->pref[j] - cs->min[j]) * grow;
	return avail;
}

/* "(U) Table 2. The caption", set like a figure's, with "(continued)" on the copy that
 * heads the table's next column. */
static para *caption_para(composer *c, const block *bl, const table *t, double w, int continued)
{
	rich *r = rich_new();
	cite_add_marking(r, c->marking);
	/* without a caption a chronology says what it is; a table is labelled alone, "Table 3",
	 * not "Table 3." with nothing after it, which reads as a caption lost */
	int chronology = bl->kind == BLOCK_CHRONOLOGY;
	char *number = xasprintf(t->caption || chronology ? "Table %d." : "Table %d", c->tables);
	rich_add_styled(r, number, strlen(number), 1, 0, NULL);
	free(number);
	if (t->caption) {
		rich_add(r, " ", 1);
		if (continued)
			rich_add_markup(r, bl->items[0].text, 0);
		else
			cite_add_item(r, c->b, &bl->items[0]);
	} else if (chronology) {
		rich_add(r, " Chronology", 11);
	}
	if (continued)
		rich_add_styled(r, " (continued)", 12, 0, 1, NULL);
	if (continued)
		return compose_para_again(c, r, &c->st->meta, w, ALIGN_LEFT);
	return compose_para(c, r, &c->st->meta, w, 0, ALIGN_LEFT, t->caption ? bl->items[0].at : bl->at);
}

static text_align cell_align(table_align a)
{
	switch (a) {
	case TABLE_RIGHT:
	case TABLE_DECIMAL:
		return ALIGN_RIGHT;
	case TABLE_CENTER:
		return ALIGN_CENTER;
	case TABLE_LEFT:
		break;
	}
	return ALIGN_LEFT;
}

/* Row r (-1: the header) set into its cells. */
static cell_row *set_row(composer *c, const block *bl, const table *t, const columns *cs, long r, double width)
{
	const style *st = c->st;
	cell_row *row = xcalloc(1, sizeof *row);
	row->ncells = t->ncols;
	row->cells = xcalloc(t->ncols, sizeof *row->cells);
	row->cell_x = xcalloc(t->ncols, sizeof *row->cell_x);
	row->col_x = xcalloc(t->ncols + 1, sizeof *row->col_x);
	row->w = width;
	row->pad = st->table_row_padding;
	row->table = c->tables;
	row->header = r < 0;
	const font_role *font = row_font(st, t, r);
	row->leading = font->leading;
	row->nbands = 1;
	double x = 0;
	for (size_t j = 0; j < t->ncols; j++) {
		row->col_x[j] = x;
		const item *it = &bl->items[table_cell(t, r, j)];
		double text_w = cs->w[j] - 2 * st->table_padding;
		row->cell_x[j] = x + st->table_padding;
		rich *text = cell_rich(c->b, c->dc->day_first, t, it, j);
		if (text) {
			text_align a = r < 0 && t->align[j] == TABLE_DECIMAL ? ALIGN_RIGHT : cell_align(t->align[j]);
			para *p = compose_para_hyphenated(c, text, font, text_w > 1 ? text_w : 1, a, it->at);
			/* a number on one line is moved left so that its point falls on the column's;
			 * never out of its cell */
			if (t->align[j] == TABLE_DECIMAL && r >= 0 && decimal_cell(it) && p->nlines == 1) {
				double shift = cs->frac[j] - fraction_width(c->pe, it, font, p->lines[0].width);
				double room = text_w - p->lines[0].width;
				row->cell_x[j] -= shift < room ? (shift > 0 ? shift : 0) : (room > 0 ? room : 0);
			}
			row->cells[j] = p;
			if (p->nlines > row->nbands)
				row->nbands = p->nlines;
			if (p->leading > row->leading)
				row->leading = p->leading;
		}
		x += cs->w[j];
	}
	row->col_x[t->ncols] = x;
	doc *dc = c->dc;
	dc->rows = xrealloc(dc->rows, (dc->nrows + 1) * sizeof *dc->rows);
	dc->rows[dc->nrows++] = row;
	return row;
}

/* The room a wide rule takes at a row's edges (render.c draws them growing outward): above
 * the table's first row, under the header, below the last row and, with table.rules: rows,
 * between rows. Where the table breaks, the rule below the piece takes room the flow leaves
 * free (doc_break_room), and the one above the next the continuation's. */
static void rule_room(const style *st, cell_row *row, int first, int last)
{
	if (st->table_rules == TABLE_RULES_NONE)
		return;
	if (first)
		row->rule_top = style_rule_growth(st, 1);
	if (last)
		row->rule_bottom = style_rule_growth(st, 1);
	else if (row->header)
		row->rule_bottom = style_rule_growth(st, 0.5);
	else if (st->table_rules == TABLE_RULES_ROWS)
		row->rule_bottom = style_rule_growth(st, 0.25);
}

static double band_height(const cell_row *row, size_t band)
{
	return row->leading + (band == 0 ? row->pad + row->rule_top : 0) +
	       (band + 1 == row->nbands ? row->pad + row->rule_bottom : 0);
}

/* A row of this many lines or more may break inside it, this many on each side, where
 * moving it whole would leave more than a quarter of the column empty (vitem.soft): a row
 * of fifty lines left a page three quarters empty (a hostile trial). */
#define ROW_SPLIT_LINES 3

/* A row's bands on the list, kept together (a long row by choice); a row taller than a
 * column is split by the flow like any kept run. */
static void push_row(composer *c, const cell_row *row, double x, int body)
{
	compose_tag_open(c, TAG_TR);
	for (size_t k = 0; k < row->nbands; k++) {
		vitem *it = compose_push(c, V_ROW, band_height(row, k));
		it->row = row;
		it->band = k;
		it->x = c->x + x;
		if (k > 0)
			it->keep = 1;
		if (body && k >= ROW_SPLIT_LINES && k + ROW_SPLIT_LINES <= row->nbands)
			it->soft = 1;
		if (body)
			it->table = row->table;
		for (size_t j = 0; j < row->ncells; j++)
			if (row->cells[j] && row->cells[j]->text->nnotes)
				compose_anchor_notes(c, row->cells[j], k, c->dc->nitems - 1);
	}
	compose_tag_close(c);
}

/* What a break inside the table repeats: the caption, continued, and the header's bands. */
static void continuation(composer *c, para *caption, double caption_x, const cell_row *header, double x)
{
	doc *dc = c->dc;
	dc->tables = xrealloc(dc->tables, (dc->ntables + 1) * sizeof *dc->tables);
	struct doc_table *dt = &dc->tables[dc->ntables++];
	/* without a header, the rule above the piece stands over its first row: room for it
	 * to grow, at a column's top too */
	double room = header || c->st->table_rules == TABLE_RULES_NONE ? 0 : style_rule_growth(c->st, 1);
	dt->ncont = (caption ? caption->nlines + 1 : 0) + (header ? header->nbands : 0) + (room > 0);
	dt->cont = xcalloc(dt->ncont ? dt->ncont : 1, sizeof *dt->cont);
	size_t n = 0;
	for (size_t k = 0; caption && k < caption->nlines; k++) {
		vitem *it = &dt->cont[n++];
		it->kind = V_LINE;
		it->h = caption->leading;
		it->p = caption;
		it->line = k;
		it->x = caption_x;
	}
	if (caption) {
		dt->cont[n].kind = V_SPACE;
		dt->cont[n++].h = c->st->table_caption_space;
	}
	for (size_t k = 0; header && k < header->nbands; k++) {
		vitem *it = &dt->cont[n++];
		it->kind = V_ROW;
		it->h = band_height(header, k);
		it->row = header;
		it->band = k;
		it->x = x;
	}
	if (room > 0) {
		dt->cont[n].kind = V_SPACE;
		dt->cont[n].solid = 1;
		dt->cont[n++].h = room;
	}
	for (size_t k = 0; k < dt->ncont; k++) {
		vitem *it = &dt->cont[k];
		it->keep = k > 0;
		it->repeat = 1;
		it->deco = -1;
		it->heading = it->anchor = -1;
	}
}

/* The least a column's text may have across, inside its padding: a few letters. */
#define TABLE_MIN_TEXT 12.0

/* The least width the table takes: its lengths as given, each other column a few letters,
 * every one with its padding on both sides. */
static double table_least(const composer *c, const table *t)
{
	double least = 2 * c->st->table_padding + TABLE_MIN_TEXT, need = 0;
	for (size_t j = 0; j < t->ncols; j++)
		need += t->width_kind[j] == TABLE_LENGTH && t->width[j] > least ? t->width[j] : least;
	return need;
}

/* Whether the table can stand in a column col wide (table_least), else an error at it: its
 * columns would be squeezed below a letter, their text run into one another or off the page. */
static int table_fits(composer *c, const block *bl, const table *t, double col)
{
	double pad2 = 2 * c->st->table_padding, need = table_least(c, t);
	/* nor may a row of one line with its padding be taller than a page's text (its lines
	 * were set below the page's foot) */
	double row = 2 * c->st->table_row_padding + c->st->table.leading;
	double page = c->st->page_h - c->st->margin_top - c->st->margin_bottom;
	if (row > page) {
		diag_error(c->d, bl->at,
			   "a row of this table is %.2fin tall with table.row-padding %gpt above and below its "
			   "text, taller than the page's text, %.2fin",
			   row / 72, c->st->table_row_padding, page / 72);
		diag_note(c->d, bl->at, "use a smaller table.row-padding in the layout");
		return 0;
	}
	if (need <= col + 0.01)
		return 1;
	int lengths = 0;
	for (size_t j = 0; j < t->ncols; j++)
		lengths |= t->width_kind[j] == TABLE_LENGTH && t->width[j] > pad2 + TABLE_MIN_TEXT;
	if (lengths)
		diag_error(c->d, bl->at,
			   "a table of %zu columns needs at least %.2fin (the lengths in its widths, %.0fpt of text in "
			   "each other column, and table.padding, %gpt, on both sides of each), but it stands in a "
			   "column %.2fin wide",
			   t->ncols, need / 72, TABLE_MIN_TEXT, pad2 / 2, col / 72);
	else
		diag_error(c->d, bl->at,
			   "a table of %zu columns needs at least %.2fin (%.0fpt of text in each column, and "
			   "table.padding, %gpt, on both sides of each), but it stands in a column %.2fin wide",
			   t->ncols, need / 72, TABLE_MIN_TEXT, pad2 / 2, col / 72);
	diag_note(c->d, bl->at, "give it fewer columns%s, or a layout with a smaller table.padding or wider columns",
		  lengths ? " or shorter lengths in its 'widths'" : "");
	return 0;
}

/* The most of a page's text a table set across the columns may take: it floats whole to a
 * page's top, with room below it for the columns' text. */
#define TABLE_ACROSS_MOST 0.75

/* Whether a table of a layout of several columns goes across them: its longest words do not
 * fit in a column, where they would be cut into pieces of a letter or two ("N-o-tes", "Pr-es-
 * id-ing" in the digest: unreadable), but do across the text block, and it is short enough to
 * float whole to a page's top, as a figure of `width: full`. Its height is bounded from
 * above, every row taken as tall as its column's longest cell. */
static int goes_across(composer *c, const table *t, const columns *cs)
{
	const style *st = c->st;
	if (st->columns < 2 || c->span || c->box_deco >= 0)
		return 0;
	/* one whose widths a column cannot hold goes across, its words broken or not */
	int must = table_least(c, t) > c->w + 0.01;
	if (!cs->forced && !must)
		return 0;
	columns across = *cs;
	across.forced = 0;
	column_widths(t, &across, c->dc->text_w);
	if (across.forced && !must)
		return 0;
	double pad2 = 2 * st->table_padding, lines = 0;
	for (size_t j = 0; j < across.n; j++) {
		double text = across.w[j] - pad2, want = across.pref[j] - pad2;
		double n = text > 1 ? ceil(want / text) + 1 : 1;
		if (n > lines)
			lines = n;
	}
	double rows = (double)t->nrows + (t->header ? 1 : 0);
	double h = 3 * st->meta.leading + st->table_caption_space +
		   rows * (lines * st->table_head.leading + 2 * st->table_row_padding);
	return h <= TABLE_ACROSS_MOST * (st->page_h - st->margin_top - st->margin_bottom);
}

void compose_table_block(composer *c, const block *bl, const block *prev)
{
	(void)prev;
	const table *t = bl->data;
	if (!t || t->ncols == 0)
		return;
	c->tables++;
	double col = c->w;
	columns cs;
	measure(c, bl, t, &cs);
	double width = column_widths(t, &cs, col);
	int was_span = c->span, across = goes_across(c, t, &cs);
	if (across) {
		col = c->dc->text_w;
		cs.forced = 0;
		width = column_widths(t, &cs, col);
	}
	columns_free(&cs);
	if (!table_fits(c, bl, t, col))
		return;
	c->span |= across;
	if (cs.forced)
		diag_warning(c->d, bl->at,
			     "this table's %zu columns do not hold its longest words and numbers in a column %.2fin "
			     "wide: some break where they should not (fewer columns or shorter cells read better)",
			     t->ncols, col / 72);
	/* a width given that cuts a number: "61451." over "19" misreads (a hostile trial) */
	for (size_t j = 0; !cs.forced && j < cs.n; j++)
		if (t->width_kind[j] == TABLE_LENGTH && cs.numw[j] > cs.w[j] + 0.01)
			diag_warning(c->d, bl->at,
				     "column %zu is %.2fin wide, narrower than its widest number with the padding: the "
				     "number breaks; make it %.2fin or auto",
				     j + 1, cs.w[j] / 72, ceil(cs.numw[j] / 72 * 100) / 100);
	double x = 0;
	/* the caption is as wide as the table, but never a thin column of words */
	double caption_w = width < col / 2 ? col / 2 : width;
	para *caption = caption_para(c, bl, t, caption_w, 0);
	size_t top = c->dc->nitems;
	compose_lines_as(c, TAG_CAPTION, caption, x, 1);
	compose_space(c, c->st->table_caption_space, 1);
	c->keep_next = 1;
	cell_row *header = t->header ? set_row(c, bl, t, &cs, -1, width) : NULL;
	if (header) {
		header->tint = 1;
		rule_room(c->st, header, 1, t->nrows == 0);
		push_row(c, header, x, 0);
		c->keep_next = 1; /* the header stays with the first row */
	}
	size_t first = c->dc->nitems;
	for (size_t r = 0; r < t->nrows; r++) {
		cell_row *row = set_row(c, bl, t, &cs, (long)r, width);
		row->tint = r % 2 == 1;
		rule_room(c->st, row, !header && r == 0, r + 1 == t->nrows);
		/* neither the first row nor the last stands alone at a page's foot or top */
		if (r == 1 || (r > 0 && r + 1 == t->nrows))
			c->keep_next = 1;
		push_row(c, row, x, 1);
	}
	/* a short table is read at a glance: it is kept whole, as a short excerpt is */
	const style *st = c->st;
	double h = 0, page = st->page_h - st->margin_top - st->margin_bottom;
	for (size_t k = first; k < c->dc->nitems; k++)
		h += compose_item(c, k)->h;
	if (h <= page * TABLE_KEEP_WHOLE || c->span != was_span)
		for (size_t k = first; k < c->dc->nitems; k++)
			compose_item(c, k)->keep = 1;
	continuation(c, caption_para(c, bl, t, caption_w, 1), c->x + x, header, c->x + x);
	if (c->span != was_span) /* across the columns, it floats to a page's top */
		compose_item(c, top)->float_items = (int)(c->dc->nitems - top);
	c->span = was_span;
}
