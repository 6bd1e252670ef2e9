/* rich.c: builds styled paragraph text and turns what analysts type into typography. */
#include "typeset/rich.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/emphasis.h"
#include "typeset/address.h"
#include "typeset/primes.h"
#include "typeset/ties.h"

rich *rich_new(void)
{
	rich *r = xcalloc(1, sizeof *r);
	sb_grow(&r->text, 64);
	r->text.data[0] = 0;
	r->attrs = pango_attr_list_new();
	return r;
}

void rich_free(rich *r)
{
	if (!r)
		return;
	sb_free(&r->text);
	pango_attr_list_unref(r->attrs);
	for (size_t i = 0; i < r->nlinks; i++)
		free(r->links[i].dest);
	free(r->links);
	free(r->notes);
	free(r->tints);
	free(r->lang);
	free(r);
}

static void attr_range(rich *r, PangoAttribute *a, size_t start, size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(r->attrs, a);
}

void rich_add(rich *r, const char *s, size_t n)
{
	sb_append(&r->text, s, n);
}

void rich_add_styled(rich *r, const char *s, size_t n, int bold, int italic, const rgb *color)
{
	size_t start = r->text.len;
	sb_append(&r->text, s, n);
	size_t end = r->text.len;
	if (bold)
		attr_range(r, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
	if (italic)
		attr_range(r, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
	if (color)
		attr_range(r,
			   pango_attr_foreground_new((guint16)(color->r * 65535 + 0.5), (guint16)(color->g * 65535 + 0.5),
						     (guint16)(color->b * 65535 + 0.5)),
			   start, end);
}

void rich_link_range(rich *r, size_t start, size_t end, const char *dest, int external)
{
	r->links = xrealloc(r->links, (r->nlinks + 1) * sizeof *r->links);
	r->links[r->nlinks].start = start;
	r->links[r->nlinks].end = end;
	r->links[r->nlinks].dest = xstrdup(dest);
	r->links[r->nlinks].external = external;
	r->nlinks++;
}

void rich_set_lang(rich *r, const char *lang)
{
	free(r->lang);
	r->lang = xstrdup(lang);
	attr_range(r, pango_attr_language_new(pango_language_from_string(lang)), 0, G_MAXUINT);
}

void rich_tint_range(rich *r, size_t start, size_t end)
{
	if (end <= start)
		return;
	r->tints = grow_for(r->tints, r->ntints, sizeof *r->tints);
	r->tints[r->ntints].start = start;
	r->tints[r->ntints++].end = end;
}

void rich_add_sup(rich *r, const char *s, const char *dest)
{
	size_t start = r->text.len;
	sb_puts(&r->text, s);
	size_t end = r->text.len;
	attr_range(r, pango_attr_rise_new(3 * PANGO_SCALE), start, end);
	attr_range(r, pango_attr_scale_new(0.68), start, end);
	if (dest)
		rich_link_range(r, start, end, dest, 0);
}

void rich_note_label(size_t id, char out[16])
{
	/* a, b, ..., z, aa, ab, ...: bijective base 26 */
	char rev[16];
	int n = 0;
	for (size_t v = id + 1; v > 0 && n < 15; v = (v - 1) / 26)
		rev[n++] = (char)('a' + (v - 1) % 26);
	for (int i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = 0;
}

void rich_add_note_mark(rich *r, int id, const char *dest)
{
	char label[16];
	/* marks side by side read apart, "d,e", never "de", a note's mark too */
	if (r->nnotes > 0) {
		rich_note_label((size_t)r->notes[r->nnotes - 1].id, label);
		if (r->notes[r->nnotes - 1].at + strlen(label) == r->text.len)
			rich_add_sup(r, ",", NULL);
	}
	r->notes = grow_for(r->notes, r->nnotes, sizeof *r->notes);
	r->notes[r->nnotes].at = r->text.len;
	r->notes[r->nnotes++].id = id;
	rich_note_label((size_t)id, label);
	rich_add_sup(r, label, dest);
}

/* Smartens and adds what plain holds, in its style, and empties it. */
static void add_plain(rich *r, strbuf *plain, int bold, int italic)
{
	char *t = typo_smarten(plain->data ? plain->data : "", plain->len);
	rich_add_styled(r, t, strlen(t), bold, italic, NULL);
	free(t);
	plain->len = 0;
}

/* A mark's place in the text while emphasis is read (rich_add_marked): an object
 * replacement character, which is no space, so that a pair of delimiters around a mark
 * alone (*[@a p1]*) or at its edge (*^[n] goes on*) pairs like one around a word. */
#define MARK_SLOT "\xEF\xBF\xBC"
#define MARK_SLOT_LEN 3

/* The length of a pair of delimiters at s[i] around marks only (word*^[n]*, where a
 * delimiter after a letter opens nothing), read as emphasis of the marks rather than
 * printed with nothing between them; 0 if none. *close gets where the closer starts. */
static size_t marks_only_pair(const rich_marks *m, const char *s, size_t n, size_t i, size_t *close)
{
	size_t len = 0, j, next = m ? m->next : 0;
	while (i + len < n && s[i + len] == '*' && len < 3)
		len++;
	if (!len || len > 2 || (i > 0 && s[i - 1] == '*'))
		return 0;
	for (j = i + len; m && next < m->n && j + MARK_SLOT_LEN <= n && s + j == m->base + m->at[next]; next++)
		j += MARK_SLOT_LEN;
	*close = j;
	if (j == i + len || n - j < len || strncmp(s + j, "**", len) != 0)
		return 0;
	return j + len < n && s[j + len] == '*' ? 0 : len;
}

static void add_markup_range(rich *r, const char *s, size_t n, int bold, int italic, rich_marks *m)
{
	strbuf plain = {0};
	emphasis_scan sc = EMPHASIS_SCAN_INIT;
	size_t i = 0;
	while (i < n) {
		if (m && m->next < m->n && s + i == m->base + m->at[m->next]) { /* a mark's slot */
			if (plain.len)
				add_plain(r, &plain, bold, italic);
			m->add(r, m->next++, m->ctx);
			i += MARK_SLOT_LEN;
			continue;
		}
		if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '*' || s[i + 1] == '\\')) {
			sb_putc(&plain, s[i + 1]);
			i += 2;
			continue;
		}
		size_t close, len = marks_only_pair(m, s, n, i, &close);
		if (len) {
			add_plain(r, &plain, bold, italic);
			add_markup_range(r, s + i + len, close - i - len, bold || len == 2, italic ^ (len == 1), m);
			i = close + len;
			continue;
		}
		if (emphasis_opens(s, n, i, &len)) {
			int dbl = len == 2;
			size_t open = i + len;
			close = emphasis_close(&sc, s, n, open, len);
			if (close != (size_t)-1) {
				add_plain(r, &plain, bold, italic);
				add_markup_range(r, s + open, close - open, bold || dbl, italic ^ !dbl, m);
				i = close + (dbl ? 2 : 1);
				continue;
			}
		}
		sb_putc(&plain, s[i]);
		i++;
	}
	if (plain.len)
		add_plain(r, &plain, bold, italic);
	sb_free(&plain);
}

void rich_add_markup(rich *r, const char *s, int italic_base)
{
	/* smarten the whole string first so quotes pair across emphasis boundaries */
	char *t = typo_smarten(s, strlen(s));
	add_markup_range(r, t, strlen(t), 0, italic_base, NULL);
	free(t);
}

void rich_add_marked(rich *r, const char *t, rich_marks *m)
{
	strbuf slotted = {0};
	size_t *slot = xcalloc(m->n + 1, sizeof *slot), len = strlen(t), done = 0;
	for (size_t k = 0; k < m->n; k++) {
		size_t at = m->at[k] < len ? (m->at[k] < done ? done : m->at[k]) : len;
		/* never inside a character ("a-^[n]-b" smartens whole to an em dash: it crashed) */
		while (at > done && ((unsigned char)t[at] & 0xC0) == 0x80)
			at--;
		sb_append(&slotted, t + done, at - done);
		slot[k] = slotted.len;
		sb_append(&slotted, MARK_SLOT, MARK_SLOT_LEN);
		done = at;
	}
	sb_append(&slotted, t + done, len - done);
	rich_marks slots = {slot, m->n, m->add, m->ctx, slotted.data, 0};
	add_markup_range(r, slotted.data, slotted.len, 0, 0, &slots);
	/* a slot no scan reached (none should be) still prints its mark */
	while (slots.next < slots.n)
		slots.add(r, slots.next++, slots.ctx);
	free(slot);
	sb_free(&slotted);
}

static int is_open_context(const char *out, size_t len)
{
	if (len == 0)
		return 1;
	unsigned char c = (unsigned char)out[len - 1];
	if (c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '[' || c == '{')
		return 1;
	/* after an em dash (E2 80 94), an en dash, an opening quote or a single guillemet
	 * (E2 80 B9), a quote opens */
	if (len >= 3 && (unsigned char)out[len - 3] == 0xE2 && (unsigned char)out[len - 2] == 0x80 &&
	    (c == 0x94 || c == 0x93 || c == 0x9C || c == 0x98 || c == 0xB9))
		return 1;
	/* and after a no-break space, a guillemet or Spanish's opening marks (¿"qué"?) */
	if (len >= 2 && (unsigned char)out[len - 2] == 0xC2 && (c == 0xA0 || c == 0xAB || c == 0xBF || c == 0xA1))
		return 1;
	return len >= 2 && c == '-' && out[len - 2] == '-'; /* a source's typewriter dash */
}

/* Whether a quote at s[i] opens, by what comes before it in out and after it in s. Typed
 * text (markup) looks past emphasis marks: *"Pravda"* opens. After a slash or a hyphen a quote
 * opens before a letter or digit: and/"or", pro-"reform" (but "http://x.org/" closes). */
static int quote_opens(const char *out, size_t len, int open_before, int markup, const char *s, size_t n, size_t i)
{
	while (markup && len > 0 && out[len - 1] == '*')
		len--;
	if (len == 0)
		return open_before;
	char c = out[len - 1];
	if (c == '/' || c == '-') /* a typewriter dash too: said--"yes", but "a--" closes */
		return i + 1 < n && g_ascii_isalnum(s[i + 1]);
	return is_open_context(out, len);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether the hyphen at i is one of an ISO date's (2017-12-22), which is no range. */
static int in_iso_date(const char *s, size_t n, size_t i)
{
	for (size_t back = 4; back <= 7; back += 3) {
		if (i < back || i - back + 10 > n)
			continue;
		const char *d = s + i - back;
		int ok = d[4] == '-' && d[7] == '-' && (i - back + 10 == n || !is_digit(d[10])) &&
			 (i == back || !is_digit(d[-1]));
		for (int k = 0; ok && k < 10; k++)
			if (k != 4 && k != 7 && !is_digit(d[k]))
				ok = 0;
		if (ok)
			return 1;
	}
	return 0;
}

/* Whether a byte may stand next to a number in an identifier (a file name, an address, a
 * code: "report-2019", "d465", "1.2-3", "2025@") rather than at a word's edge. */
static int joins_identifier(char c)
{
	return g_ascii_isalnum(c) || (c && strchr("-./_@:#%+=&?~\\", c));
}

/* The word before s[at] (skipping one run of spaces), [*w, at'), or 0 if none. */
static size_t word_before(const char *s, size_t at, size_t *w)
{
	size_t e = at;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e == at)
		return 0;
	size_t b = e;
	while (b > 0 && s[b - 1] != ' ')
		b--;
	*w = b;
	return e - b;
}

/* Whether the word names what follows as an identifier ("No. 2023-47", "ISBN 978-3",
 * "EN 1090-2"), whose hyphens are no ranges. */
static int labels_identifier(const char *s, size_t b, size_t len)
{
	static const char *const labels[] = {"no.", "no", "nr.", "case", "docket", "ref.", "tel.", "phone", "fax",
					     "ext.", "isbn", "issn", "doi", "id", "code", "ord.", "ordinance", "res.",
					     "resolution", "bill", "file", "form", "order", "reg.", "patent", NULL};
	/* a statistic's letters, whose numbers are a range: "95% CI 0.35-0.61", "IQR 4-9" */
	static const char *const statistics[] = {"CI", "CrI", "IQR", "PI", "OR", "HR", "RR", "SD", "SE", NULL};
	if (s[b] == '(' && len > 1) {
		b++; /* "(Ord. 2023-089)" */
		len--;
	}
	for (size_t k = 0; labels[k]; k++)
		if (strlen(labels[k]) == len && g_ascii_strncasecmp(s + b, labels[k], len) == 0)
			return 1;
	for (size_t k = 0; statistics[k]; k++)
		if (strlen(statistics[k]) == len && strncmp(s + b, statistics[k], len) == 0)
			return 0;
	/* a standard's or a series' letters: EN, ISO, DIN, RFC; not a currency's (EUR 6-7 million) */
	int caps = len >= 2 && len <= 4 && !ties_is_currency(s + b, len);
	for (size_t k = 0; caps && k < len; k++)
		caps = s[b + k] >= 'A' && s[b + k] <= 'Z';
	return caps;
}

/* Whether the hyphen at s[i], between two digits, joins a range (1950-1953, pages 12-15)
 * and so becomes an en dash. Not when the numbers are part of an identifier, whose
 * hyphens a reader copies or types: an address or file name (report-2019-2021.pdf), a
 * chain of three numbers or more (030-274-9111, ISBN 978-3-16), a name (S-300), or a
 * number labelled as one (Case No. 2023-47, EN 1090-2); nor in an ISO date. */
/* The length of a number's suffix that a range may carry on both sides ("30%-40%",
 * "1990s-2000s", "9am-5pm") ending just before s[i] (before) or starting at it. */
static size_t range_suffix(const char *s, size_t n, size_t i, int before)
{
	static const char *const suffixes[] = {"%", "s", "am", "pm", NULL};
	for (size_t k = 0; suffixes[k]; k++) {
		size_t len = strlen(suffixes[k]);
		if (before ? (i > len && strncmp(s + i - len, suffixes[k], len) == 0 && is_digit(s[i - len - 1]))
			   : (i + len <= n && strncmp(s + i, suffixes[k], len) == 0))
			return len;
	}
	return 0;
}

/* Whether s[e] ends a number's text: the end, a byte no identifier holds, or a sentence's
 * mark with none after it. */
static int ends_number_text(const char *s, size_t n, size_t e)
{
	return e >= n || !joins_identifier(s[e]) || (strchr(".:?", s[e]) && (e + 1 == n || !joins_identifier(s[e + 1])));
}

/* A range of periods named by a letter and a number ("Q3-Q4", "H1-H2", "FY2019-FY2020"):
 * the same capitals before both numbers. */
static int period_range_at(const char *s, size_t n, size_t i)
{
	size_t d = i;
	while (d > 0 && is_digit(s[d - 1]))
		d--;
	size_t p = d;
	while (p > 0 && d - p < 3 && s[p - 1] >= 'A' && s[p - 1] <= 'Z')
		p--;
	if (d == i || p == d || d - p > 2 || (p > 0 && joins_identifier(s[p - 1])))
		return 0;
	size_t len = d - p, e = i + 1 + len;
	if (e >= n || strncmp(s + p, s + i + 1, len) != 0 || !is_digit(s[e]))
		return 0;
	while (e < n && is_digit(s[e]))
		e++;
	return ends_number_text(s, n, e);
}

/* The length of a unit or multiplier the second number of a range carries alone
 * ("450-500m", "2.5-3.0x", "EUR 800-830bn", "75-85/bbl") at s[e], or 0. */
static size_t range_unit(const char *s, size_t n, size_t e)
{
	size_t b = e < n && s[e] == '/' ? e + 1 : e, k = b;
	while (k < n && k - b < 5 && g_ascii_isalpha(s[k]))
		k++;
	if (k == b || k - b > (s[e] == '/' ? 5 : 3) || !ends_number_text(s, n, k))
		return 0;
	return k - e;
}

/* The length of a currency's sign that ends just before s[b] ("$", "€", "£", "¥"), or 0. */
static size_t currency_sign_before(const char *s, size_t b)
{
	static const char *const signs[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", NULL};
	for (size_t k = 0; signs[k]; k++) {
		size_t len = strlen(signs[k]);
		if (b >= len && memcmp(s + b - len, signs[k], len) == 0)
			return len;
	}
	return 0;
}

static int range_at(const char *s, size_t n, size_t i)
{
	if (period_range_at(s, n, i))
		return 1;
	size_t left = range_suffix(s, n, i, 1);
	size_t b = i - left, e = i + 1;
	/* the numbers, decimals too (0.02-0.05, 1,5-2,5): a separator between two digits */
	while (b > 0 && (is_digit(s[b - 1]) || (b >= 2 && b < i - left && strchr(".,", s[b - 1]) && is_digit(s[b - 2]))))
		b--;
	/* a currency's sign before both numbers: "$450,000-$540,000", "€5-€7" */
	size_t sign = currency_sign_before(s, b);
	size_t first = e;
	if (sign && !left && e + sign < n && memcmp(s + b - sign, s + e, sign) == 0 && is_digit(s[e + sign]))
		first = e += sign;
	while (e < n && (is_digit(s[e]) || (e + 1 < n && e > first && strchr(".,", s[e]) && is_digit(s[e + 1]))))
		e++;
	if (b == i - left || e == first || in_iso_date(s, n, i))
		return 0;
	/* a suffix before the dash comes again after the second number */
	if (left) {
		/* the same suffix, or hours' am and pm */
		size_t right = range_suffix(s, n, e, 0);
		int hours = left == 2 && s[i - 1] == 'm' && right == 2 && s[e + 1] == 'm';
		if (!hours && (right != left || strncmp(s + i - left, s + e, left) != 0))
			return 0;
		e += left;
	} else if (e < n && s[e] != '%') {
		size_t hours = range_suffix(s, n, e, 0) > 1 ? 2 : 0; /* "9-5pm" */
		e += hours ? hours : range_unit(s, n, e);
	}
	if (b > 0 && joins_identifier(s[b - 1]))
		return 0;
	/* after the second number: the text goes on, or a sentence's mark or a per cent sign
	 * ends it */
	if (e < n && s[e] != '%' && !ends_number_text(s, n, e))
		return 0;
	if (e < n && s[e] == '%' && e + 1 < n && joins_identifier(s[e + 1]))
		return 0;
	size_t w, len = word_before(s, b, &w);
	return !(len && labels_identifier(s, w, len));
}

/* Whether the hyphen at s[i] is a number's minus sign: at a word's start ("-4.7%", "(-0.3)"),
 * before a digit or a decimal point and digit, and not inside a code ("-3-4", "-12-A").
 * A minus is as wide as a plus, so signed numbers line up (a typographer's trial). */
static int minus_at(const char *s, size_t n, size_t i)
{
	if (i > 0 && !strchr(" \t\n([", s[i - 1]))
		return 0;
	size_t e = i + 1;
	if (e < n && s[e] == '.')
		e++;
	if (e >= n || !is_digit(s[e]))
		return 0;
	while (e < n && (is_digit(s[e]) || ((s[e] == '.' || s[e] == ',') && e + 1 < n && is_digit(s[e + 1]))))
		e++;
	return e >= n || !strchr("-/_@", s[e]);
}

/* verbatim[i] = 1 over each address in s[0, n) (address.h): its quotes, dashes and dots
 * stay as typed, as a reader copies them (https://ex.org/a--b, o'neill@ex.org). NULL: none. */
static unsigned char *addresses_of(const char *s, size_t n)
{
	unsigned char *verbatim = NULL;
	for (size_t i = 0; i < n;) {
		while (i < n && g_ascii_isspace(s[i]))
			i++;
		size_t e = i;
		while (e < n && !g_ascii_isspace(s[e]))
			e++;
		if (e > i && address_is(s + i, e - i)) {
			size_t lo, hi;
			address_span(s + i, e - i, &lo, &hi);
			if (!verbatim)
				verbatim = xcalloc(n, 1);
			memset(verbatim + i + lo, 1, hi - lo);
		}
		i = e;
	}
	return verbatim;
}

/* How many hyphens in a row start at s[i]. */
static size_t hyphen_run(const char *s, size_t n, size_t i)
{
	size_t e = i;
	while (e < n && s[e] == '-')
		e++;
	return e - i;
}

/* Puts the dash two or three hyphens at s[i] stand for onto out: an em dash, but between two
 * numbers a range typed as TeX types one (2014--2018), an en dash as 1950-1953 gets, in a
 * source as in typed text; set closed when typed with a space on each side ("1990 -- 2000",
 * "January 5 -- 8", "pp. 12 -- 19"), as matching reads it (resolve/search.c fold_dash), its
 * spaces mapped to the dash. Returns the bytes read. */
static size_t put_dashes(strbuf *out, const char *s, size_t n, size_t i, size_t *map)
{
	size_t k = (i + 2 < n && s[i + 2] == '-') ? 3 : 2;
	int range = k == 2 && i > 0 && is_digit(s[i - 1]) && i + 2 < n && is_digit(s[i + 2]);
	if (k == 2 && i >= 2 && (s[i - 1] == ' ' || s[i - 1] == '\n') && is_digit(s[i - 2]) && i + 3 < n &&
	    (s[i + 2] == ' ' || s[i + 2] == '\n') && is_digit(s[i + 3]) && out->len && out->data[out->len - 1] == s[i - 1]) {
		out->data[--out->len] = 0;
		if (map)
			map[i - 1] = map[i] = out->len;
		range = 1;
		k = 3;
	}
	sb_puts(out, range ? "\xE2\x80\x93" : "\xE2\x80\x94");
	return k;
}

/* The typewriter marks of s[0, n) made typographic: quotes (opening when open_before and
 * nothing before them in s says otherwise) and primes, --, ..., and in typed text ranges
 * 1950-1953 (and in any text 1950--1953) and minus signs; addresses as they are; map as
 * typo_smarten_source's. */
static char *smarten(const char *s, size_t n, int open_before, int typed, size_t *map, int *open_quotes,
		     const typo_quotes *q)
{
	strbuf out = {0};
	sb_grow(&out, n);
	out.data[0] = 0;
	unsigned char *verbatim = addresses_of(s, n);
	/* quotations open and not closed: this text's, and its paragraph's before it */
	int doubles = open_quotes ? open_quotes[0] : 0, singles = open_quotes ? open_quotes[1] : 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		size_t k = 1;
		if (map)
			map[i] = out.len;
		if (verbatim && verbatim[i]) {
			sb_putc(&out, c);
			continue;
		}
		int open = quote_opens(out.data, out.len, open_before, typed, s, n, i);
		/* a quote with a space on each side (" dialogue ", as a French wire types
		 * guillemets) closes the quotation open before it */
		if (c == '"' && open && doubles > 0 && i > 0 && s[i - 1] == ' ' && (i + 1 == n || s[i + 1] == ' '))
			open = 0;
		/* a quotation set right after a colon or comma, its space lost (said:"We lost 3",
		 * as text copied from a PDF has it) opens when none of its kind is open: else its
		 * opening mark closed and its closing one, after a number, was a prime */
		if (!open && i > 0 && strchr(":,;=", s[i - 1]) && i + 1 < n && g_ascii_isalnum(s[i + 1]) &&
		    (c == '"' ? doubles : singles) == 0)
			open = 1;
		if (c == '"') {
			if (typo_prime_at(s, n, i, doubles)) {
				sb_puts(&out, "\xE2\x80\xB3");
			} else {
				if (!q)
					sb_puts(&out, open ? "\xE2\x80\x9C" : "\xE2\x80\x9D");
				else if (open)
					sb_printf(&out, "%s%s", q->dopen, i + 1 < n && s[i + 1] == ' ' ? "" : q->dspace);
				else
					sb_printf(&out, "%s%s", i > 0 && s[i - 1] == ' ' ? "" : q->dspace, q->dclose);
				doubles += open ? 1 : doubles > 0 ? -1 : 0;
			}
		} else if (c == '\'' && typo_thousands_at(s, n, i)) {
			sb_puts(&out, "\xE2\x80\x99");
		} else if (c == '\'') {
			int opens = open && i + 1 < n && s[i + 1] != ' ' && !typo_elision_at(s, n, i);
			if (typo_prime_at(s, n, i, singles)) {
				sb_puts(&out, "\xE2\x80\xB2");
			} else {
				/* an apostrophe inside a word or for letters left out closes nothing
				 * (don't, '90s) */
				int inside = i > 0 && g_ascii_isalpha(s[i - 1]) && i + 1 < n && g_ascii_isalpha(s[i + 1]);
				int closes = !opens && !inside && !typo_elision_at(s, n, i);
				const char *mark = opens ? "\xE2\x80\x98" : "\xE2\x80\x99";
				if (q && (opens || (closes && singles > 0)))
					mark = opens ? q->sopen : q->sclose;
				sb_puts(&out, mark);
				singles += opens ? 1 : singles > 0 && closes ? -1 : 0;
			}
		} else if (c == '-' && hyphen_run(s, n, i) >= 4) {
			/* a longer run is a rule or a blank typed with hyphens, not a dash */
			k = hyphen_run(s, n, i);
			sb_append(&out, s + i, k);
		} else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
			k = put_dashes(&out, s, n, i, map);
		} else if (typed && c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ') {
			/* a hyphen with a space on each side is a dash typed on a typewriter
			 * ("the deal - signed in 2010 - was"): a spaced en dash, as word
			 * processors make it */
			sb_puts(&out, "\xE2\x80\x93");
		} else if (typed && c == '-' && range_at(s, n, i)) {
			sb_puts(&out, "\xE2\x80\x93");
		} else if (typed && c == '-' && minus_at(s, n, i)) {
			sb_puts(&out, "\xE2\x88\x92");
		} else if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
			sb_puts(&out, "\xE2\x80\xA6");
			k = 3;
		} else {
			sb_putc(&out, c);
		}
		/* the bytes a mark replaced map to where it starts */
		for (size_t j = 1; map && j < k; j++)
			map[i + j] = map[i];
		i += k - 1;
	}
	if (map)
		map[n] = out.len;
	free(verbatim);
	if (open_quotes) {
		open_quotes[0] = doubles;
		open_quotes[1] = singles;
	}
	return sb_steal(&out);
}

/* How far back a source's passage looks for the start of its paragraph, to count the
 * quotations open before it: a quotation open for longer is past what a reader follows, and
 * each piece of a passage looks back (64 KiB each took a 60,000-item list minutes) */
#define PARA_LOOKBACK 4096

char *typo_smarten_source(const char *s, size_t n, const char *before, size_t nbefore, size_t *map,
			  const typo_quotes *q)
{
	/* a quote opens after an opening quote ("'Tis"): look past a run of them */
	size_t quoted = nbefore;
	while (nbefore > 0 && (before[nbefore - 1] == '"' || before[nbefore - 1] == '\''))
		nbefore--;
	/* the quotations its paragraph opened before s and left open, which a quote after a
	 * number closes ("we will be ready by 2050" he said: the passage may start at "by");
	 * the paragraph starts after a blank line */
	size_t p = quoted;
	while (p > 0 && quoted - p < PARA_LOOKBACK) {
		if (before[p - 1] == '\n') {
			size_t b = p;
			while (b < quoted && (before[b] == ' ' || before[b] == '\t' || before[b] == '\r'))
				b++;
			if (b < quoted && before[b] == '\n')
				break;
		}
		p--;
	}
	int open[2] = {0, 0}, opens = is_open_context(before, nbefore);
	/* marks just before s that open nothing close what they follow ("yes", a 12" gun: the
	 * passage may start at the comma) */
	size_t upto = opens ? nbefore : quoted;
	if (p < upto)
		free(smarten(before + p, upto - p, 1, 0, NULL, open, q));
	/* the marks just before s open what s is inside of ('by 2050' quoted from "by") */
	for (size_t i = nbefore; opens && i < quoted; i++)
		open[before[i] == '"' ? 0 : 1]++;
	return smarten(s, n, opens, 0, map, open, q);
}

const typo_quotes *typo_source_quotes(const char *s, size_t n)
{
	static const typo_quotes german = {"\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9A", "\xE2\x80\x98", ""},
				 polish = {"\xE2\x80\x9E", "\xE2\x80\x9D", "\xE2\x80\x9A", "\xE2\x80\x99", ""},
				 guillemets = {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\x98", "\xE2\x80\x99", ""},
				 guillemets_nbsp = {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xA0"},
				 guillemets_nnbsp = {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\xAF"},
				 guillemets_space = {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\x98", "\xE2\x80\x99", " "};
	/* the first typographic opening double mark the source sets says which it sets: a
	 * German text's closing “ is not an English opening one, so „ is looked for first */
	const char *low = NULL, *guil = NULL, *english = NULL;
	for (size_t i = 0; i + 1 < n && !low; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		if (u[0] == 0xE2 && i + 2 < n && u[1] == 0x80 && u[2] == 0x9E)
			low = s + i;
		else if (u[0] == 0xC2 && u[1] == 0xAB && !guil)
			guil = s + i;
		else if (u[0] == 0xE2 && i + 2 < n && u[1] == 0x80 && u[2] == 0x9C && !english)
			english = s + i;
	}
	if (low && (!guil || low < guil) && (!english || low < english)) {
		/* German closes „ with “, Polish and others with ” */
		for (const char *t = low + 3; t + 2 < s + n; t++)
			if ((unsigned char)t[0] == 0xE2 && (unsigned char)t[1] == 0x80 && ((unsigned char)t[2] == 0x9C || (unsigned char)t[2] == 0x9D))
				return (unsigned char)t[2] == 0x9C ? &german : &polish;
		return &german;
	}
	if (guil && (!english || guil < english)) {
		const unsigned char *a = (const unsigned char *)guil + 2, *end = (const unsigned char *)s + n;
		if (a < end && *a == ' ')
			return &guillemets_space;
		if (a + 1 < end && a[0] == 0xC2 && a[1] == 0xA0)
			return &guillemets_nbsp;
		if (a + 2 < end && a[0] == 0xE2 && a[1] == 0x80 && a[2] == 0xAF)
			return &guillemets_nnbsp;
		return &guillemets;
	}
	return NULL;
}

char *typo_smarten(const char *s, size_t n)
{
	return smarten(s, n, 1, 1, NULL, NULL, NULL);
}

size_t typo_nest_quotes(char *t, size_t n)
{
	/* a text whose first double mark closes began inside a quotation of its source ("The
	 * road doesn't change," he said. "The passengers do."): the outer marks stand for that
	 * quotation's, and its marks are at their level, double, as the source has them; only
	 * if it ends inside one too, else the closing outer mark has none to stand for ("ready
	 * by 2019" twice printed “ready by 2019” twice”) */
	size_t depth_in = 1;
	int began_inside = -1;
	for (size_t i = 0; i + 2 < n && began_inside != 0; i++) {
		const unsigned char *u = (const unsigned char *)t + i;
		if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9C || u[2] == 0x9D)) {
			began_inside = began_inside < 0 ? u[2] == 0x9D : began_inside;
			depth_in = u[2] == 0x9C ? depth_in + 1 : depth_in - (depth_in > 0);
		}
	}
	if (began_inside == 1 && depth_in == 1)
		return 0;
	/* the shapes of the marks open at each depth: 0 double, 1 single; a German quotation's,
	 * „…“ and ‚…‘, stay as the source has them (2 double, 3 single), and its closing “ or ‘
	 * closes it, opening nothing (a trial's pull quote of "eine ‚Brücke nach Moskau‘, die"
	 * ended ’” for a quotation its ‘ was taken to open) */
	unsigned char shape[64];
	size_t depth = 0;
	for (size_t i = 0; i + 2 < n; i++) {
		unsigned char *u = (unsigned char *)t + i;
		if (u[0] != 0xE2 || u[1] != 0x80 || u[2] < 0x98 || u[2] > 0x9E || u[2] == 0x9B)
			continue;
		if (u[2] == 0x9A || u[2] == 0x9E) {
			if (depth < sizeof shape)
				shape[depth] = u[2] == 0x9E ? 2 : 3;
			depth++;
			i += 2;
			continue;
		}
		if (depth > 0 && depth <= sizeof shape && shape[depth - 1] >= 2) {
			if (u[2] == (shape[depth - 1] == 2 ? 0x9C : 0x98)) {
				depth--;
				i += 2;
				continue;
			}
		}
		int opens = u[2] == 0x9C || u[2] == 0x98;
		int single = u[2] == 0x98 || u[2] == 0x99;
		if (opens) {
			if (depth < sizeof shape)
				shape[depth] = (unsigned char)single;
			depth++;
			/* depth 1 inside the outer marks is single, 2 double, and so on */
			u[2] = depth % 2 ? 0x98 : 0x9C;
		} else if (depth == 0) {
			/* closes a quotation that opened before the text began: the first level */
			if (!single)
				u[2] = 0x99;
		} else {
			gunichar before = i > 0 ? g_utf8_get_char(g_utf8_prev_char(t + i)) : 0;
			gunichar after = i + 3 < n ? g_utf8_get_char(t + i + 3) : 0;
			int apostrophe = single && ((g_unichar_isalpha(before) && g_unichar_isalpha(after)) ||
						    (depth <= sizeof shape && shape[depth - 1] == 0));
			if (!apostrophe) {
				u[2] = depth % 2 ? 0x99 : 0x9D;
				depth--;
			}
		}
		i += 2;
	}
	return depth;
}

size_t typo_open_quotes(const char *t, size_t n, char *out)
{
	char stack[8];
	size_t depth = 0;
	for (size_t i = 0; i + 2 < n; i++) {
		const unsigned char *u = (const unsigned char *)t + i;
		if (u[0] != 0xE2 || u[1] != 0x80 || u[2] < 0x98 || u[2] > 0x9D)
			continue;
		if (u[2] == 0x9C || u[2] == 0x98) {
			if (depth < sizeof stack)
				stack[depth] = (char)(u[2] + 1);
			depth++;
		} else if (depth > 0 && depth <= sizeof stack && (char)u[2] == stack[depth - 1]) {
			int inside = u[2] == 0x99 && i > 0 && g_ascii_isalpha(t[i - 1]) && g_ascii_isalpha(t[i + 3]);
			depth -= !inside;
		}
		i += 2;
	}
	size_t k = 0;
	for (size_t d = depth < sizeof stack ? depth : sizeof stack; out && d-- > 0;) {
		out[k++] = (char)0xE2, out[k++] = (char)0x80, out[k++] = stack[d];
	}
	if (out)
		out[k] = 0;
	return depth;
}
