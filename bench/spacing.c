/* spacing.c: measures word spacing of justified text in any PDF, from poppler's glyph
 * boxes: how many lines are loose (a space over 1.6x the median), the 95th percentile
 * and worst space relative to the median, hyphenated lines and runs of them. Lines
 * that do not reach their block's right edge (paragraph ends, ragged text) are left out.
 * Texture: word spacing alone can be made perfect by spacing letters, so each word of 4+
 * letters is also held against the median width of the same word at the same size across
 * the document; a justified line whose words are (by their median) more than 3% wider
 * than elsewhere is "tracked"; printed: tracked lines, p95 and worst widening.
 * usage: spacing FILE.pdf [more.pdf ...]; SPACING_SHOW=1 prints every justified line's widest
 * space, TEXTURE_SHOW=1 every tracked line's widening, on standard error. */
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the share of a line-final glyph mkbrief hangs in the right margin: a justified line
 * ends that far past the measure */
#include "../src/typeset/hang.h"

typedef struct word {
	char *key;   /* the word and its size: "Moscow@11" */
	double w;
	size_t line; /* index into the document's justified lines, or (size_t)-1 */
} word;

typedef struct line {
	double left, right, y;
	double hang; /* how far its last glyph may hang past the measure (hang_share) */
	word *words; /* its words of 4+ letters */
	int nwords;
	double *gaps;
	int ngaps;
	int hyphen;
	char *text;
	int marker_pending;
} line;

typedef struct stats {
	double *gaps;
	size_t ngaps, capgaps;
	size_t lines, loose, hyphenated, runs3;
	double *linemax; /* largest gap of each counted line */
	size_t nlinemax;
	word *words; /* every word of 4+ letters of the document, for texture */
	size_t nwords;
	char **texts; /* with TEXTURE_SHOW: each justified line's text, by its index */
} stats;

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void add_gap(stats *s, double g)
{
	if (s->ngaps == s->capgaps) {
		s->capgaps = s->capgaps ? s->capgaps * 2 : 1024;
		s->gaps = realloc(s->gaps, s->capgaps * sizeof *s->gaps);
	}
	s->gaps[s->ngaps++] = g;
}

static void end_word(line *cur, const char *from, const char *to, double x1, double x2, double size, int letters,
		     int clean, const char *font)
{
	if (!from || letters < 4 || !clean || x2 <= x1)
		return;
	cur->words = realloc(cur->words, (size_t)(cur->nwords + 1) * sizeof *cur->words);
	word *w = &cur->words[cur->nwords++];
	/* the same word in the same face and size: a bold word is not a tracked regular one */
	w->key = g_strdup_printf("%.*s@%.1f@%s", (int)(to - from), from, size, font ? font : "");
	w->w = x2 - x1;
	w->line = (size_t)-1;
}

static void page_lines(PopplerPage *page, stats *st, int *run)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	if (!text || !poppler_page_get_text_layout(page, &rects, &nrects)) {
		g_free(text);
		return;
	}
	/* the face of each character, by its index */
	guint nchars = (guint)g_utf8_strlen(text, -1);
	const char **face = calloc(nchars + 1, sizeof *face);
	GList *attrs = poppler_page_get_text_attributes(page);
	for (GList *l = attrs; l; l = l->next) {
		const PopplerTextAttributes *a = l->data;
		for (gint i = a->start_index; i <= a->end_index && i >= 0 && (guint)i < nchars; i++)
			face[i] = a->font_name;
	}
	/* one rectangle per character of text (UTF-8 characters, newlines included) */
	line *lines = NULL;
	size_t nlines = 0;
	const char *p = text;
	guint ci = 0;
	line cur = {0};
	cur.left = 1e9;
	double prev_x2 = -1, word_start = -1;
	int in_word = 0;
	const char *wtext = NULL; /* the word being read: its start in text, left edge, letters */
	double wx1 = 0, wsize = 0;
	const char *wface = NULL;
	int wletters = 0, wclean = 1;
	const char *linestart = p;
	while (*p && ci < nrects) {
		gunichar c = g_utf8_get_char(p);
		PopplerRectangle *r = &rects[ci];
		/* poppler cuts a very loose line into blocks at its widest gaps ("4.\nInability\nto");
		 * a "line" that goes on at the same height further right is the same line */
		int same_line = c == '\n' && ci + 1 < nrects && cur.right > 0 && p[1] && p[1] != '\n' &&
				fabs(rects[ci + 1].y2 - cur.y) < 0.5 && rects[ci + 1].x1 > cur.right &&
				rects[ci + 1].x1 - cur.right < 30; /* not a running head's two ends */
		/* poppler sometimes runs a paragraph's short last line into a line of the next
		 * column ("details.Copyright (C) 1989"): a letter off the line's baseline by most
		 * of its height (a superscript is off by less) starts a line of its own */
		int jump = c != '\n' && c != ' ' && cur.right > 0 && fabs(r->y2 - cur.y) > 0.8 * (r->y2 - r->y1);
		if (same_line || jump || c == '\n' || c == ' ') {
			end_word(&cur, wtext, p, wx1, prev_x2, wsize, wletters, wclean, wface);
			wtext = NULL;
		}
		if (jump || (c == '\n' && !same_line)) {
			cur.text = g_strndup(linestart, (gsize)(p - linestart));
			linestart = jump ? p : p + 1;
			if (cur.right > 0) {
				lines = realloc(lines, (nlines + 1) * sizeof *lines);
				lines[nlines++] = cur;
			} else {
				free(cur.gaps);
			}
			memset(&cur, 0, sizeof cur);
			cur.left = 1e9;
			prev_x2 = -1;
			in_word = 0;
		}
		if (same_line || c == '\n' || c == ' ') {
			in_word = 0;
		} else {
			if (!in_word && prev_x2 >= 0 && !cur.marker_pending) {
				word_start = r->x1;
				cur.gaps = realloc(cur.gaps, (size_t)(cur.ngaps + 1) * sizeof *cur.gaps);
				cur.gaps[cur.ngaps++] = word_start - prev_x2;
			}
			/* a list marker ("•", "1.") is not a word: the gap after it is an indent */
			if (!in_word && prev_x2 < 0)
				cur.marker_pending = c == 0x2022 || c == 0x25E6 || c == '-' || g_unichar_isdigit(c);
			else if (!in_word)
				cur.marker_pending = 0;
			else if (cur.marker_pending && !(c == '.' || c == ')' || g_unichar_isdigit(c)))
				cur.marker_pending = 0;
			if (!in_word) {
				wtext = p;
				wface = ci < nchars ? face[ci] : NULL;
				wx1 = r->x1;
				wsize = r->y2 - r->y1;
				wletters = 0;
				wclean = 1;
			}
			/* a word is its letters; one with a hyphen at a line end is cut short */
			if (g_unichar_isalpha(c))
				wletters++;
			else if (c == '-' || g_unichar_isdigit(c))
				wclean = 0;
			in_word = 1;
			if (r->x1 < cur.left)
				cur.left = r->x1;
			if (r->x2 > cur.right) {
				cur.right = r->x2;
				cur.hang = hang_share(c) * (r->x2 - r->x1);
			}
			cur.y = r->y2;
			prev_x2 = r->x2;
			cur.hyphen = c == '-';
		}
		p = g_utf8_next_char(p);
		ci++;
	}
	if (cur.right > 0) {
		lines = realloc(lines, (nlines + 1) * sizeof *lines);
		lines[nlines++] = cur;
	} else {
		free(cur.gaps);
	}
	/* a line is justified when it ends on a right edge that at least two other lines of
	 * the page end on too; paragraph ends and ragged lines stop anywhere. The edge is one
	 * that lines ending in a letter share: a line ending in a mark that hangs reaches up to
	 * its hang past it (less, when the line is loose) */
	double *widths = malloc((nlines ? nlines : 1) * sizeof *widths);
	for (size_t i = 0; i < nlines; i++) {
		int same = 0;
		for (size_t j = 0; j < nlines; j++)
			if (j != i && lines[j].hang == 0 && lines[i].right - lines[i].hang - 0.5 <= lines[j].right &&
			    lines[j].right <= lines[i].right + 0.5)
				widths[same++] = lines[j].right - lines[j].left;
		/* a short line on a column's edge is no justified line: a running head or foot set
		 * flush right ("Page 3 of 3") ends where the right column's lines do, and is far
		 * shorter than most of them */
		qsort(widths, (size_t)same, sizeof *widths, cmp_double);
		int full = same >= 2 && lines[i].ngaps >= 3 && lines[i].right - lines[i].left >= 0.6 * widths[same / 2];
		for (int k = 0; k < lines[i].nwords; k++) {
			word w = lines[i].words[k];
			w.line = full ? st->lines : (size_t)-1;
			st->words = realloc(st->words, (st->nwords + 1) * sizeof *st->words);
			st->words[st->nwords++] = w;
		}
		free(lines[i].words);
		if (full) {
			if (getenv("TEXTURE_SHOW")) {
				st->texts = realloc(st->texts, (st->lines + 1) * sizeof *st->texts);
				st->texts[st->lines] = g_strdup(lines[i].text ? lines[i].text : "");
			}
			st->lines++;
			double mx = 0;
			for (int g = 0; g < lines[i].ngaps; g++) {
				add_gap(st, lines[i].gaps[g]);
				if (lines[i].gaps[g] > mx)
					mx = lines[i].gaps[g];
			}
			if (getenv("SPACING_SHOW"))
				fprintf(stderr, "max %.2f  %s\n", mx, lines[i].text ? lines[i].text : "");
			st->linemax = realloc(st->linemax, (st->nlinemax + 1) * sizeof *st->linemax);
			st->linemax[st->nlinemax++] = mx;
			if (lines[i].hyphen) {
				st->hyphenated++;
				if (++*run == 3)
					st->runs3++;
			} else {
				*run = 0;
			}
		}
		else {
			/* a paragraph's last line (or ragged text) ends any run of hyphens */
			*run = 0;
		}
		free(lines[i].gaps);
		g_free(lines[i].text);
	}
	free(lines);
	free(widths);
	g_free(rects);
	g_free(text);
	poppler_page_free_text_attributes(attrs);
	free(face);
}

/* Texture: for each justified line, the median over its words of width / the median width of
 * the same word at the same size in the document (words seen once say nothing). */
static void texture(const stats *st, size_t *tracked, double *p95, double *worst, size_t *measured)
{
	GHashTable *by = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_array_unref);
	for (size_t i = 0; i < st->nwords; i++) {
		GArray *a = g_hash_table_lookup(by, st->words[i].key);
		if (!a) {
			a = g_array_new(FALSE, FALSE, sizeof(double));
			g_hash_table_insert(by, st->words[i].key, a);
		}
		g_array_append_val(a, st->words[i].w);
	}
	GHashTable *median = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, by);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		GArray *a = v;
		if (a->len < 2)
			continue;
		g_array_sort(a, cmp_double);
		double *m = g_new(double, 1);
		*m = g_array_index(a, double, a->len / 2);
		g_hash_table_insert(median, k, m);
	}
	/* per line: the ratios of its words */
	double *ratios = calloc(st->nwords + 1, sizeof *ratios), *linewide = calloc(st->lines + 1, sizeof *linewide);
	size_t nl = 0;
	for (size_t i = 0; i < st->nwords;) {
		size_t lineid = st->words[i].line, j = i, n = 0;
		for (; j < st->nwords && st->words[j].line == lineid; j++) {
			double *m = g_hash_table_lookup(median, st->words[j].key);
			if (m && *m > 0)
				ratios[n++] = st->words[j].w / *m;
		}
		if (lineid != (size_t)-1 && n > 0) {
			qsort(ratios, n, sizeof *ratios, cmp_double);
			linewide[nl++] = ratios[n / 2];
			/* TEXTURE_SHOW=1: the tracked lines, to see what widens them */
			if (st->texts && ratios[n / 2] > 1.03)
				fprintf(stderr, "wide %.3f  %s\n", ratios[n / 2], st->texts[lineid]);
		}
		i = j;
	}
	qsort(linewide, nl, sizeof *linewide, cmp_double);
	*tracked = 0;
	for (size_t i = 0; i < nl; i++)
		*tracked += linewide[i] > 1.03;
	*p95 = nl ? linewide[(size_t)(0.95 * (double)(nl - 1))] : 1;
	*worst = nl ? linewide[nl - 1] : 1;
	*measured = nl;
	free(ratios);
	free(linewide);
	g_hash_table_destroy(median);
	g_hash_table_destroy(by);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: spacing FILE.pdf...\n");
		return 2;
	}
	int rc = 0;
	for (int a = 1; a < argc; a++) {
		GError *err = NULL;
		char *uri = g_filename_to_uri(argv[a][0] == '/' ? argv[a] : g_canonicalize_filename(argv[a], NULL), NULL, &err);
		PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, &err) : NULL;
		g_free(uri);
		if (!doc) {
			fprintf(stderr, "spacing: %s: %s\n", argv[a], err ? err->message : "cannot open");
			rc = 2;
			continue;
		}
		stats st = {0};
		int run = 0;
		for (int i = 0; i < poppler_document_get_n_pages(doc); i++) {
			PopplerPage *page = poppler_document_get_page(doc, i);
			page_lines(page, &st, &run);
			g_object_unref(page);
		}
		g_object_unref(doc);
		if (st.ngaps == 0) {
			printf("%s: no justified lines\n", argv[a]);
			continue;
		}
		double *sorted = malloc(st.ngaps * sizeof *sorted);
		memcpy(sorted, st.gaps, st.ngaps * sizeof *sorted);
		qsort(sorted, st.ngaps, sizeof *sorted, cmp_double);
		double median = sorted[st.ngaps / 2];
		double p95 = sorted[(size_t)(0.95 * (double)(st.ngaps - 1))];
		double p5 = sorted[(size_t)(0.05 * (double)(st.ngaps - 1))];
		double worst = sorted[st.ngaps - 1];
		for (size_t i = 0; i < st.nlinemax; i++)
			if (st.linemax[i] > 1.6 * median)
				st.loose++;
		printf("%s: lines %zu, loose %zu (%.1f%%), p95/median %.2f, worst/median %.2f, p5/median %.2f, "
		       "least/median %.2f, median space %.2f pt, hyphenated %zu, 3+ hyphens in a row %zu\n",
		       argv[a], st.lines, st.loose, 100.0 * (double)st.loose / (double)st.lines, p95 / median, worst / median,
		       p5 / median, sorted[0] / median, median, st.hyphenated, st.runs3);
		size_t tracked, measured;
		double tp95, tworst;
		texture(&st, &tracked, &tp95, &tworst, &measured);
		printf("%s: texture: lines measured %zu, tracked %zu (%.1f%%), p95 widening %.3f, worst %.3f\n", argv[a], measured,
		       tracked, measured ? 100.0 * (double)tracked / (double)measured : 0.0, tp95, tworst);
		for (size_t i = 0; i < st.nwords; i++)
			g_free(st.words[i].key);
		free(st.words);
		free(sorted);
		free(st.gaps);
		free(st.linemax);
		for (size_t i = 0; st.texts && i < st.lines; i++)
			g_free(st.texts[i]);
		free(st.texts);
	}
	return rc;
}
