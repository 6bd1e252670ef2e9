/* nodes.c: a paragraph as the total-fit breaker sees it: words shaped once (cached per
 * font and word) and turned into boxes, glue for the spaces between them, and penalties
 * where a line may break inside a word or must not break. */
#include "typeset/nodes.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "typeset/address.h"
#include "typeset/hang.h"
#include "typeset/ties.h"

#define HYPHEN_PENALTY 50.0
#define EXHYPHEN_PENALTY 50.0
/* In display type (a title, a heading) a compound breaks at its hyphen only where no break
 * between words sets the lines as well: "Network-" / "Charge Powers" was chosen over "and" /
 * "Network-Charge Powers" (a reader's trial) */
#define DISPLAY_EXHYPHEN_PENALTY 500.0
#define EMERGENCY_PENALTY 1000.0
#define TIE_PENALTY 9000.0 /* a tied space, in the last pass (linebreak.c): the last choice */
/* A name is hyphenated only where nothing else sets the paragraph well: a reader stumbles
 * on "Py-ongyang" more than on a looser line, but defined terms of licences ("Soft-ware")
 * and long names in narrow columns still need the option. */
#define NAME_HYPHEN_PENALTY 700.0
/* A break beside an elision that ends or starts a passage (ties_elision_space), taken only
 * in the breaker's loosest passes (linebreak.c): dearer than a loose line, cheaper than a
 * hole that would set the paragraph ragged. */
#define ELISION_PENALTY 500.0
#define K_NAME_HYPH 0x40 /* in a word's kind array: a P_HYPH point of a name */

static node *add(kp *k, ntype t)
{
	if (k->nn == k->capn) {
		k->capn = k->capn ? k->capn * 2 : 256;
		k->n = xrealloc(k->n, k->capn * sizeof *k->n);
	}
	node *x = &k->n[k->nn++];
	memset(x, 0, sizeof *x);
	x->t = t;
	x->seg = -1;
	return x;
}

/* (the sums are long: a word of 11,500 letters at 200 pt is past INT_MAX Pango units) */
static double gs_width(const PangoGlyphString *gs)
{
	long w = 0;
	for (int i = 0; i < gs->num_glyphs; i++)
		w += gs->glyphs[i].geometry.width;
	return w / (double)PANGO_SCALE;
}

/* Width of the glyphs of seg whose clusters fall in [a, b). */
static double range_width(const seg *s, int a, int b)
{
	long w = 0;
	for (int i = 0; i < s->gs->num_glyphs; i++) {
		int c = s->a + s->gs->log_clusters[i];
		if (c >= a && c < b)
			w += s->gs->glyphs[i].geometry.width;
	}
	return w / (double)PANGO_SCALE;
}

static double space_width(kp *k, PangoItem *item)
{
	return gs_width(shape_glyphs(k->e, item, " ", 1));
}

static double hyphen_width(kp *k, PangoItem *item)
{
	return gs_width(shape_glyphs(k->e, item, "-", 1));
}

#define HANG_LOOSE 1.0 /* the adjustment ratio past which a line hangs less (hang.h) */

/* How far a line that breaks at node i may reach past the measure: what hangs of the
 * hyphen the break adds, or of the mark its last box ends in. */
static double break_hang(const kp *k, size_t i)
{
	if (!k->hanging || i >= k->nn)
		return 0;
	const node *x = &k->n[i];
	if (x->t == N_PEN && x->w > 0)
		return x->hang; /* a hyphen the break adds */
	if (i > 0 && k->n[i - 1].t == N_BOX)
		return k->n[i - 1].hang;
	return 0;
}

double nodes_hung_length(const kp *k, double L, double stretch, size_t i)
{
	double hang = break_hang(k, i);
	if (hang <= 0)
		return L;
	/* a line already loose does not hang further: that would only widen its spaces (its
	 * mark then stands a little inside the others') */
	double most = stretch > 0 ? L - k->measure + HANG_LOOSE * stretch : hang;
	return L - (most < 0 ? 0 : most < hang ? most : hang);
}

static void add_penalty(kp *k, double w, double pen, int flagged, pkind kind)
{
	node *x = add(k, N_PEN);
	x->w = w;
	x->hang = flagged && w > 0 ? w * hang_share('-') : 0;
	x->pen = pen;
	x->flagged = flagged;
	x->kind = kind;
}

static void add_glue(kp *k, double w, double y, double z)
{
	node *x = add(k, N_GLUE);
	x->w = w;
	x->y = y;
	x->z = z;
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A new segment: text[a, b) shaped with the item's font, its glyphs checked once. */
static int add_seg(kp *k, PangoItem *item, int a, int b)
{
	if (k->nsegs == k->capsegs) {
		k->capsegs = k->capsegs ? k->capsegs * 2 : 64;
		k->segs = xrealloc(k->segs, k->capsegs * sizeof *k->segs);
	}
	seg *s = &k->segs[k->nsegs];
	s->item = item;
	s->a = a;
	s->b = b;
	s->gs = shape_glyphs(k->e, item, k->text + a, b - a);
	if (k->d) /* NULL when setting a paragraph again: it was checked the first time */
		shape_check_glyphs(s->gs, k->text, a, k->seen, &k->nseen);
	return (int)k->nsegs++;
}

/* Letters of the run of letters ending just before w[i] (going back) or starting at w[i]. */
static size_t letters_before(const char *w, size_t i)
{
	size_t k = 0;
	const char *p = w + i;
	while (p > w) {
		const char *q = g_utf8_find_prev_char(w, p);
		if (!q || !g_unichar_isalpha(g_utf8_get_char(q)))
			break;
		p = q;
		k++;
	}
	return k;
}

static size_t letters_after(const char *w, size_t n, size_t i)
{
	size_t k = 0;
	while (i < n && g_unichar_isalpha(g_utf8_get_char(w + i))) {
		i = (size_t)(g_utf8_next_char(w + i) - w);
		k++;
	}
	return k;
}

/* Whether the slash at w[i] stands between two units ("µg/m³", "(km/h)"), brackets and a
 * closing mark set aside. */
static int unit_rate(const char *w, size_t n, size_t i)
{
	size_t b = 0, e = n;
	while (b < i && strchr("([{", w[b]))
		b++;
	while (e > i + 1 && strchr(")]}.,;:", w[e - 1]))
		e--;
	const char *slash = memchr(w + i + 1, '/', e - i - 1);
	if (slash)
		e = (size_t)(slash - w);
	return ties_is_unit(w + b, i - b) && ties_is_unit(w + i + 1, e - i - 1);
}

/* kind[i] = P_EXPLICIT after a hyphen between letters ("anti-aircraft", "Korea-Russia"),
 * when each side has at least 3 letters: "Kim Il-sung", "Jong-un" and "co-operation"
 * stay whole, as a name must; after an em dash; never after an en dash (1950–1953, ¶3–4
 * stay whole). */
static void mark_explicit(const char *w, size_t n, unsigned char *kind)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t cl = utf8_decode(w + i, n - i, &cp);
		if (!cl)
			cl = 1;
		int brk = 0;
		if (i > 0 && i + cl < n) {
			gunichar next = g_utf8_get_char(w + i + cl);
			gunichar prev = g_utf8_get_char(g_utf8_find_prev_char(w, w + i));
			if (cp == '-' || cp == 0x2010)
				brk = g_unichar_isalpha(prev) && g_unichar_isalpha(next) && letters_before(w, i) >= 3 &&
				      letters_after(w, n, i + cl) >= 3;
			else if (cp == 0x2014)
				brk = 1;
			else if (cp == '/') /* "either/or"; never in a rate or a pair of numbers
					     * ("112.40/MWh", "MW/200", "1998/99"), nor between two units
					     * ("(µg/m³)": a table's header, a reader's trial) */
				brk = next != '/' && prev != '/' && prev != ':' && !g_unichar_isdigit(prev) &&
				      !g_unichar_isdigit(next) && !unit_rate(w, n, i);
		}
		if (brk)
			kind[i + cl] = P_EXPLICIT;
		i += cl;
	}
}

/* An address breaks only where a style manual allows, after "//" or a colon, before / . _ -
 * ? # % & = ~ @, with no hyphen added, and never leaving fewer than 3 characters between two
 * breaks or at either end, nor a final extension alone, nor inside a number: never ".ht/ml",
 * "No/rth_Korea", "crisis/.txt" or "2025/-01". */
static void mark_address(const char *w, size_t n, unsigned char *kind)
{
	size_t lo, hi;
	address_span(w, n, &lo, &hi);
	/* a final extension stays with its name: never "crisis" / ".txt" */
	size_t ext = hi;
	while (ext > lo && g_ascii_isalnum(w[ext - 1]))
		ext--;
	ext = ext > lo && w[ext - 1] == '.' ? ext - 1 : hi;
	size_t last = lo;
	for (size_t i = lo + 1; i < hi; i++) {
		char c = w[i], p = w[i - 1];
		int cand = strchr("/._-?#%&=~@", c) != NULL && p != '/' && !(c == '/' && p == ':') && i != ext;
		if (p == '/' && i >= 2 && w[i - 2] == '/')
			cand = 1; /* after "//" */
		else if (p == ':' && c != '/')
			cand = 1; /* after "mailto:" */
		if (c == '/' && p == '/')
			cand = 0;
		/* never inside a number: "period=2025" / "-01", "v2" / ".10" */
		if (strchr("._-", c) && g_ascii_isdigit(p) && i + 1 < hi && g_ascii_isdigit(w[i + 1]))
			cand = 0;
		if (cand && i - last >= 3 && hi - i >= 3) {
			kind[i] = P_URL;
			last = i;
		}
	}
}

/* Whether a letter of any script starts at w[i] (hyph_points takes words of a-z only, but
 * for the patterns of a language that has others: "ausdrücklich" is one word, not two). */
static int letter_at(const char *w, size_t n, size_t i)
{
	if ((unsigned char)w[i] < 0x80)
		return is_letter((unsigned char)w[i]);
	gunichar c = g_utf8_get_char_validated(w + i, (gssize)(n - i));
	return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isalpha(c);
}

/* kind[i] = P_HYPH at the hyphenation points of the word's letter runs ("politician." →
 * "politician"), where no other break is. */
static void mark_hyphens(hyphenator *h, const char *w, size_t n, int in_capitals, unsigned char *kind)
{
	for (size_t i = 0; i < n;) {
		if (!letter_at(w, n, i)) {
			i = (size_t)(g_utf8_next_char(w + i) - w);
			continue;
		}
		size_t j = i;
		while (j < n && letter_at(w, n, j))
			j = (size_t)(g_utf8_next_char(w + j) - w);
		/* a run glued to digits or to letters of another script is a code or a
		 * name, not a word; punctuation such as quotes around it is fine */
		int clean = 1;
		if (i > 0) {
			gunichar before = g_utf8_get_char(g_utf8_find_prev_char(w, w + i));
			clean &= !g_unichar_isalnum(before);
		}
		if (j < n)
			clean &= !g_unichar_isalnum(g_utf8_get_char(w + j));
		if (clean) {
			unsigned char *ok = xcalloc(j - i + 1, 1);
			if (hyph_points(h, w + i, j - i, in_capitals, ok) > 0)
				for (size_t q = 1; q < j - i; q++)
					if (ok[q] && !kind[i + q])
						kind[i + q] = P_HYPH;
			free(ok);
		}
		i = j;
	}
}

/* A run of one punctuation mark ("-----", "=====": a plain-text underline or rule) is
 * not a word: it may break anywhere, two marks from either end, without a hyphen;
 * otherwise the line before it takes all the slack. */
static void mark_runs(const char *w, size_t n, unsigned char *kind)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && w[j] == w[i])
			j++;
		if (j - i >= 6 && (unsigned char)w[i] < 0x80 && g_ascii_ispunct(w[i]))
			for (size_t q = i + 2; q + 2 <= j; q++)
				if (!kind[q])
					kind[q] = P_RUN;
		i = j;
	}
}

/* A break inside a glyph cluster (the "ffi" of "Affirmer" is one ligature glyph) would
 * give one side the whole ligature's width and draw the other side wider than its box:
 * breaks stay only where a cluster starts. */
static void keep_cluster_starts(const seg *s, size_t n, unsigned char *kind)
{
	unsigned char *cluster = xcalloc(n + 1, 1);
	for (int g = 0; g < s->gs->num_glyphs; g++)
		if (s->gs->log_clusters[g] >= 0 && (size_t)s->gs->log_clusters[g] <= n)
			cluster[s->gs->log_clusters[g]] = 1;
	for (size_t i = 1; i < n; i++)
		if (!cluster[i])
			kind[i] = 0;
	free(cluster);
}

/* The boxes of segment si (text[a, a + n)) between its breaks, each break a penalty of
 * its kind; hw is the width of a hyphen added at a hyphenation point. */
/* A break at byte i of the word w[0, n) where it has no hyphenation point (a word wider than
 * its column): between two letters a hyphen shows the cut, and a cut that leaves fewer than
 * two letters before it or three after it ("mediu-m") is the last choice. */
static void emergency_break(kp *k, const char *w, size_t n, size_t i, double hw)
{
	/* letters on each side, counted up to what matters (a word of 200,000 letters has as
	 * many cuts: counting all of them at each was their square) */
	size_t before = 0, after = 0;
	for (const char *p = w + i; p > w && before < 2;) {
		p = g_utf8_find_prev_char(w, p);
		before += g_unichar_isalpha(g_utf8_get_char(p)) != 0;
		if (w + i - p > 16)
			break;
	}
	for (const char *p = w + i; p < w + n && after < 3 && p - (w + i) < 24; p = g_utf8_next_char(p))
		after += g_unichar_isalpha(g_utf8_get_char(p)) != 0;
	gunichar prev = g_utf8_get_char(g_utf8_find_prev_char(w, w + i));
	int letters = g_unichar_isalpha(prev) && g_unichar_isalpha(g_utf8_get_char(w + i));
	double pen = before >= 2 && after >= 3 ? EMERGENCY_PENALTY : 3 * EMERGENCY_PENALTY;
	/* after a hyphen or a slash the cut is where the reader expects one: "2017-" / "06-02",
	 * never "2017-0" / "6-02" (a layouts trial: an ISO date in a narrow cell) */
	if ((prev == '-' || prev == '/') && i >= 2 && i + 2 <= n)
		pen = EMERGENCY_PENALTY / 2;
	add_penalty(k, letters ? hw : 0, pen, letters && hw > 0, P_EMERGENCY);
}

static void add_boxes(kp *k, int si, int a, size_t n, const unsigned char *kind, double hw)
{
	const seg *s = &k->segs[si];
	const char *w = k->text + a;
	/* before[i]: the width of the glyphs whose clusters start before byte a + i, so that
	 * each box costs one subtraction (a word of 100,000 letters broken anywhere has as many
	 * boxes: summing its glyphs for each was their square) */
	long *before = xcalloc(n + 2, sizeof *before);
	for (int g = 0; g < s->gs->num_glyphs; g++) {
		int c = s->a + s->gs->log_clusters[g] - a;
		if (c >= 0 && (size_t)c < n)
			before[c + 1] += s->gs->glyphs[g].geometry.width;
	}
	for (size_t i = 1; i <= n; i++)
		before[i] += before[i - 1];
	int start = a;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && !kind[i])
			continue;
		int end = a + (int)i;
		node *x = add(k, N_BOX);
		x->seg = si;
		x->a = start;
		x->b = end;
		x->w = (double)(before[end - a] - before[start - a]) / PANGO_SCALE;
		/* the share of its last character that may hang past the measure */
		int last = end;
		do
			last--;
		while (last > start && ((unsigned char)k->text[last] & 0xC0) == 0x80);
		uint32_t c = 0;
		if (utf8_decode(k->text + last, (size_t)(end - last), &c))
			x->hang = hang_share(c) * (double)(before[end - a] - before[last - a]) / PANGO_SCALE;
		if (i < n) {
			if (kind[i] == P_HYPH)
				add_penalty(k, hw, HYPHEN_PENALTY, 1, P_HYPH);
			else if (kind[i] == K_NAME_HYPH)
				add_penalty(k, hw, NAME_HYPHEN_PENALTY, 1, P_HYPH);
			else if (kind[i] == P_EXPLICIT)
				add_penalty(k, 0, k->display && w[i - 1] == '-' ? DISPLAY_EXHYPHEN_PENALTY : EXHYPHEN_PENALTY,
					    w[i - 1] == '-', P_EXPLICIT);
			else if (kind[i] == P_RUN || kind[i] == P_URL)
				add_penalty(k, 0, EXHYPHEN_PENALTY, 0, (pkind)kind[i]);
			else
				emergency_break(k, w, n, i, hw);
		}
		start = end;
	}
	free(before);
}

/* Whether text[a, b) is a word in capitals: a letter, and no lower-case one. */
static int capital_word(const char *text, size_t a, size_t b)
{
	int letters = 0;
	for (const char *p = text + a; p < text + b; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_islower(c))
			return 0;
		letters += g_unichar_isupper(c) != 0;
	}
	return letters > 0;
}

void nodes_track_capitals(PangoAttrList *attrs, const char *text, size_t len, int track)
{
	size_t run_start = 0, run_end = 0, words = 0;
	for (size_t i = 0; i <= len;) {
		while (i < len && (text[i] == ' ' || text[i] == '\n'))
			i++;
		size_t j = i;
		while (j < len && text[j] != ' ' && text[j] != '\n')
			j++;
		int caps = j > i && capital_word(text, i, j);
		if (caps) {
			if (words == 0)
				run_start = i;
			run_end = j;
			words++;
		}
		if ((!caps || j >= len) && words > 0) {
			if (words >= 3) {
				PangoAttribute *a = pango_attr_letter_spacing_new(track);
				a->start_index = (guint)run_start;
				a->end_index = (guint)run_end;
				/* in order, after what the list holds: appended, not merged (a paragraph of
				 * thousands of runs would otherwise cost their square) */
				pango_attr_list_insert(attrs, a);
			}
			words = 0;
		}
		if (j >= len)
			break;
		i = j;
	}
}

/* A capitalised word (not all capitals) that does not start a sentence is a name ("Pyongyang", "Lavrov"):
 * names are hyphenated only as a last resort (NAME_HYPHEN_PENALTY). A word after . ! ? : or an opening quote, or first in the
 * paragraph, may just start a sentence, and is hyphenated like any word. */
static int is_name(const kp *k, int a, const char *w, size_t n)
{
	const char *p = w;
	while (p < w + n && !g_unichar_isalpha(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	if (p >= w + n || !g_unichar_isupper(g_utf8_get_char(p)))
		return 0;
	/* a word in capitals is shouted, not named (a licence's disclaimer, a heading): it is
	 * hyphenated like any word; an acronym is too short to be */
	int lower = 0;
	for (const char *r = p; r < w + n; r = g_utf8_next_char(r))
		lower |= g_unichar_islower(g_utf8_get_char(r));
	if (!lower)
		return 0;
	const char *q = k->text + a;
	while (q > k->text) {
		const char *r = g_utf8_find_prev_char(k->text, q);
		gunichar c = g_utf8_get_char(r);
		if (!g_unichar_isspace(c) && c != 0xA0) {
			if (strchr(".!?:", (int)c) || c == 0x201C || c == '"' || c == 0x2018 || c == '(')
				return 0;
			return 1;
		}
		q = r;
	}
	return 0;
}

/* One word (or the part of it inside one Pango item): boxes, with penalties where it may
 * break inside: after hyphens and dashes, at hyphenation points, and, for a word longer
 * than the line, anywhere (last resort). */
static void add_word(kp *k, PangoItem *item, int a, int b, int hyphenate)
{
	if (b <= a)
		return;
	int si = add_seg(k, item, a, b);
	const seg *s = &k->segs[si];
	size_t n = (size_t)(b - a);
	unsigned char *kind = xcalloc(n + 1, 1); /* kind[i]: break allowed before byte a+i */
	const char *w = k->text + a;
	/* addresses are never hyphenated (a reader would type the hyphen) and break only at
	 * their punctuation */
	int address = address_is(w, n);
	if (address)
		mark_address(w, n, kind);
	else
		mark_explicit(w, n, kind);
	/* a unit tied to its number is a rate: "25 mn/day", "90 km/h" do not break at the slash */
	if (!address && a > 0 && k->text[a - 1] == ' ' && ties_space(k->text, 0, (size_t)k->hi, (size_t)a - 1))
		for (size_t i = 1; i < n; i++)
			if (kind[i] == P_EXPLICIT && w[i - 1] == '/')
				kind[i] = 0;
	/* a compound breaks at its own hyphen only: "Korea-Russia", never "Korea-Rus-sia" */
	int compound = 0;
	for (size_t i = 1; i < n && !address; i++)
		compound |= w[i] == '-' && g_unichar_isalpha(g_utf8_get_char(w + i + 1 < w + n ? w + i + 1 : w + i)) &&
			    g_unichar_isalpha(g_utf8_get_char(g_utf8_find_prev_char(w, w + i)));
	/* ragged text that hyphenates only what cannot fit (a word wider than a table cell) */
	if (hyphenate == RAG_HYPHENS_WIDE && range_width(s, a, b) <= k->measure)
		hyphenate = 0;
	/* nor a month's name: a date is read at a glance ("Septem-" / "ber 2023": a
	 * typographer's trial) */
	hyphenator *hyph = hyphenate ? shape_item_hyph(k->e, item) : NULL;
	if (hyph && !address && !compound && !ties_is_month(w, n)) {
		/* an item letter-spaced here is a passage of capitals (nodes_track_capitals) */
		mark_hyphens(hyph, w, n, shape_item_tracking(item) != 0, kind);
		/* German capitalises every noun: a capital there names nothing */
		if (is_name(k, a, w, n) && !hyph_capitalises_nouns(hyph))
			for (size_t i = 1; i < n; i++)
				if (kind[i] == P_HYPH)
					kind[i] = K_NAME_HYPH;
	}
	mark_runs(w, n, kind);
	if (range_width(s, a, b) > k->measure) {
		for (size_t i = 1; i < n; i++)
			if (((unsigned char)w[i] & 0xC0) != 0x80 && !kind[i])
				kind[i] = P_EMERGENCY;
	}
	keep_cluster_starts(s, n, kind);
	add_boxes(k, si, a, n, kind, address ? 0 : hyphen_width(k, item)); /* an address takes no hyphen */
	free(kind);
}

static int box_has_letters(const kp *k, const node *x)
{
	for (const char *p = k->text + x->a; p < k->text + x->b; p = g_utf8_next_char(p))
		if (g_unichar_isalpha(g_utf8_get_char(p)))
			return 1;
	return 0;
}

/* The width of the word node i is part of: its boxes between the spaces around it. */
static double word_width(const kp *k, size_t i)
{
	size_t a = i, b = i;
	while (a > 0 && k->n[a - 1].t != N_GLUE)
		a--;
	while (b + 1 < k->nn && k->n[b + 1].t != N_GLUE)
		b++;
	double w = 0;
	for (size_t j = a; j <= b; j++)
		if (k->n[j].t == N_BOX)
			w += k->n[j].w;
	return w;
}

/* Ragged text of three words or more (a title, a heading, a caption, a pull quote) never
 * ends on a word alone, nor on a piece of one: the space before its last word does not
 * break, as if it were a no-break space, nor does the word at its own hyphens. */
static void tie_last_words(kp *k)
{
	size_t breakable = 0, last = 0, before = 0;
	for (size_t i = 1; i < k->nn; i++)
		if (k->n[i].t == N_GLUE && k->n[i - 1].t == N_BOX) {
			breakable++;
			before = last;
			last = i;
		}
	if (breakable < 2)
		return;
	/* the last word is whole too: "Villeurbanne-sur-" / "Rhône" ends on a piece of one; an
	 * address only when it takes at most half a line (kept whole, a longer one can leave
	 * the line before it near empty: "a The" / "plan is at https://...") */
	double last_w = 0;
	for (size_t i = last + 1; i < k->nn; i++)
		if (k->n[i].t == N_BOX)
			last_w += k->n[i].w;
	for (size_t i = last + 1; i < k->nn && last_w <= k->measure; i++)
		if (k->n[i].t == N_PEN && k->n[i].pen > -INF_PENALTY && k->n[i].pen < INF_PENALTY &&
		    (k->n[i].kind != P_URL || last_w <= 0.5 * k->measure))
			k->n[i].pen = INF_PENALTY;
	/* the last two words must fit a line together (a narrow table cell may not hold them),
	 * or the last word and the last piece of the word before it ("Lancashire" of
	 * "Cumbria-Lancashire"); a piece a break anywhere would cut is none ("t FY2024" of
	 * "Department FY2024" tied made "Departmen-" / "t FY2024": a reader's trial) */
	size_t from = before;
	for (size_t i = last; i-- > before + 1;)
		if (k->n[i].t == N_PEN && k->n[i].pen < INF_PENALTY && k->n[i].kind != P_EMERGENCY) {
			from = i;
			break;
		}
	double w = 0;
	for (size_t i = from + 1; i < k->nn; i++)
		if (k->n[i].t == N_BOX || k->n[i].t == N_GLUE)
			w += k->n[i].w;
	if (w > k->measure)
		return;
	add(k, N_PEN); /* room for one node more, then the glue moves up one */
	memmove(&k->n[last + 1], &k->n[last], (k->nn - 1 - last) * sizeof *k->n);
	node *x = &k->n[last];
	memset(x, 0, sizeof *x);
	x->t = N_PEN;
	x->seg = -1;
	x->pen = INF_PENALTY;
	x->kind = P_NONE;
}

/* Whether a spaced dash comes next after the spaces from byte i: an em dash, or an en dash
 * with a space after it (a dash, not a range). */
static int dash_follows(const kp *k, int i)
{
	while (i < k->hi && (k->text[i] == ' ' || k->text[i] == '\t' || k->text[i] == '\n'))
		i++;
	uint32_t cp = 0;
	size_t cl = i < k->hi ? utf8_decode(k->text + i, (size_t)(k->hi - i), &cp) : 0;
	if (!cl)
		return 0;
	return cp == 0x2014 || (cp == 0x2013 && i + (int)cl < k->hi && k->text[i + (int)cl] == ' ');
}

/* The cost of breaking at the space at byte i (cl bytes long), before its glue: none, a tie
 * or an elision's (ELISION_PENALTY). */
static void space_penalty(kp *k, int i, int cl)
{
	/* a tie breaks only where nothing else will do: a run of tied words wider than the
	 * line (thirty initials, a name and its dash in a narrow table cell), which would
	 * else run past the column */
	int tie = dash_follows(k, i + cl) ? TIES_STRONG : ties_space(k->text, 0, (size_t)k->hi, (size_t)i);
	if (tie)
		add_penalty(k, 0, TIE_PENALTY, 0, tie == TIES_WEAK ? P_TIE_WEAK : P_TIE);
	else if (ties_elision_space(k->text, 0, k->len, (size_t)i))
		add_penalty(k, 0, ELISION_PENALTY, 0, P_ELISION);
}

int nodes_build(kp *k, GList *items, double indent, int hyphenate)
{
	k->display = k->rag > 0 && !hyphenate;
	/* a first-line indent is a box; a hanging indent one of negative width, which gives the
	 * first line the room the others lack (set_line draws that line from the margin) */
	if (indent != 0 && k->lo == 0) {
		node *x = add(k, N_BOX);
		x->w = indent;
	}
	for (GList *l = items; l; l = l->next) {
		PangoItem *item = l->data;
		if (item->analysis.level & 1)
			return -1; /* right-to-left: Pango's breaker handles bidi */
		if (item->offset + item->length <= k->lo || item->offset >= k->hi)
			continue;
		int ws = -1;
		int end = item->offset + item->length < k->hi ? item->offset + item->length : k->hi;
		for (int i = item->offset > k->lo ? item->offset : k->lo; i < end;) {
			uint32_t cp = 0;
			size_t cl = utf8_decode(k->text + i, (size_t)(end - i), &cp);
			if (!cl)
				cl = 1;
			int space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 ||
				    (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007);
			int nbsp = cp == 0xA0 || cp == 0x202F || cp == 0x2007;
			int shy = cp == 0xAD;
			if (space || nbsp || shy) {
				if (ws >= 0)
					add_word(k, item, ws, i, hyphenate);
				ws = -1;
				double sp = space_width(k, item);
				if (space) {
					/* a spaced dash ("tariffs — a perverse incentive") never starts a
					 * line: the space before it does not break; nor do the spaces
					 * ties.h names ("3 GW", "January 22", "Mr. Putin") */
					if (k->nn > 0 && k->n[k->nn - 1].t != N_GLUE)
						space_penalty(k, i, (int)cl);
					if (k->nn == 0 || k->n[k->nn - 1].t != N_GLUE)
						add_glue(k, sp, k->rag > 0 ? 0 : sp * SPACE_STRETCH, k->rag > 0 ? 0 : sp * SPACE_SHRINK);
				} else if (nbsp) {
					/* a no-break space holds as a tie does: broken only where the
					 * line would else run past its column ("policy¹ ¶5–6" in a
					 * table cell narrower than it) */
					add_penalty(k, 0, TIE_PENALTY, 0, P_TIE);
					add_glue(k, cp == 0x202F ? sp / 2 : sp, cp == 0x202F || k->rag > 0 ? 0 : sp * SPACE_STRETCH,
						 cp == 0x202F || k->rag > 0 ? 0 : sp * SPACE_SHRINK);
				} else {
					/* a soft hyphen the author placed: a hyphenation point, even when
					 * automatic hyphenation is off */
					add_penalty(k, hyphen_width(k, item), HYPHEN_PENALTY, 1, P_HYPH);
				}
			} else if (ws < 0) {
				ws = i;
			}
			i += (int)cl;
		}
		if (ws >= 0)
			add_word(k, item, ws, end, hyphenate);
	}
	/* the last word of a paragraph is never hyphenated, even when citations follow it
	 * ("Committee.¹ ¶2.2"), nor broken at its own hyphen ("O’Sullivan-" / "Nakamura)": a
	 * reader's trial): the last word is the last that has letters; unless it is wider
	 * than the line (a narrow table cell), which must break it somewhere */
	size_t last = k->nn;
	for (size_t i = k->nn; i-- > 0 && last == k->nn;)
		if (k->n[i].t == N_BOX && k->n[i].b > k->n[i].a && box_has_letters(k, &k->n[i]))
			last = i;
	if (last < k->nn && word_width(k, last) > k->measure)
		last = k->nn;
	for (size_t i = last; last < k->nn && i-- > 0;) {
		if (k->n[i].t == N_GLUE)
			break;
		if (k->n[i].t == N_PEN && (k->n[i].kind == P_HYPH || k->n[i].kind == P_EXPLICIT))
			k->n[i].pen = INF_PENALTY;
	}
	for (size_t i = last + 1; last < k->nn && i < k->nn; i++) {
		if (k->n[i].t == N_GLUE)
			break;
		if (k->n[i].t == N_PEN && (k->n[i].kind == P_HYPH || k->n[i].kind == P_EXPLICIT))
			k->n[i].pen = INF_PENALTY;
	}
	while (k->nn > 0 && k->n[k->nn - 1].t == N_GLUE)
		k->nn--;
	/* not body text set ragged because it could not be justified: its last line may be
	 * short as any paragraph's (tied, "a default," / "txn.isolation." became "a de-" /
	 * "fault, txn.isolation.": a reader's trial) */
	if (k->rag > 0 && hyphenate != RAG_HYPHENS_ALL && k->lo == 0 && (size_t)k->hi >= strlen(k->text))
		tie_last_words(k);
	add_penalty(k, 0, INF_PENALTY, 0, P_NONE);
	add_glue(k, 0, 1e5, 0); /* \parfillskip: the last line is set at its natural width */
	add_penalty(k, 0, -INF_PENALTY, 0, P_NONE);
	return 0;
}
