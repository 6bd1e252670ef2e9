/* article.c: reads source articles into header fields, paragraphs and sentences. */
#include "load/article.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "load/sentences.h"

static int is_blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* End of the line starting at i (index of '\n' or len). */
static size_t line_end(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);
	return nl ? (size_t)(nl - s) : len;
}

/* The spaces that print nothing beside the ASCII ones: a no-break space (a web page's
 * "<p>&nbsp;</p>", copied as text, is a line of it), the typographic spaces U+2000..U+200A,
 * a zero-width space, a narrow no-break space, the ideographic space and a byte-order mark. */
static const char *const wide_blanks[] = {"\xC2\xA0", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x83",
					  "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88",
					  "\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\x8B", "\xE2\x80\xAF", "\xE3\x80\x80",
					  "\xEF\xBB\xBF"};

/* The length of the blank that starts (from_end: ends) s[b, e) at its edge, or 0. */
static size_t blank_len(const char *s, size_t b, size_t e, int from_end)
{
	if (b < e && is_blank_byte(s[from_end ? e - 1 : b]))
		return 1;
	for (size_t k = 0; k < sizeof wide_blanks / sizeof *wide_blanks; k++) {
		size_t n = strlen(wide_blanks[k]);
		if (e - b >= n && memcmp(s + (from_end ? e - n : b), wide_blanks[k], n) == 0)
			return n;
	}
	return 0;
}

/* The line [b, e) without surrounding blanks (\r included): a line of no-break spaces is
 * as blank as one of spaces, and ends no paragraph's words. */
static void trim(const char *s, size_t *b, size_t *e)
{
	size_t n;
	while ((n = blank_len(s, *b, *e, 0)))
		*b += n;
	while ((n = blank_len(s, *b, *e, 1)))
		*e -= n;
}

/* s[b, e) without surrounding blanks, copied into the article's strings. */
static char *trimmed_dup(article *a, const char *s, size_t b, size_t e)
{
	trim(s, &b, &e);
	return g_string_chunk_insert_len(a->strings, s + b, (gssize)(e - b));
}

static int starts_with(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && memcmp(s, prefix, k) == 0;
}

/* A field of the publication line without the separator a writer may put after it
 * ("Polar Economy Review, Volume: 9; Issue: 4"): the attribution adds its own commas. */
static char *field_dup(article *a, const char *s, size_t b, size_t e)
{
	trim(s, &b, &e);
	while (e > b && (s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == '|' || is_blank_byte(s[e - 1])))
		e--;
	return g_string_chunk_insert_len(a->strings, s + b, (gssize)(e - b));
}

/* "Publication: Eurasia Daily Monitor Volume: 15 Issue: 7"; any part may be missing, and
 * the parts may be separated by commas. */
static void parse_publication(article *a, const char *s, size_t n)
{
	const char *end = s + n, *p = s + strlen("Publication:");
	const char *vol = mem_find(p, end, "Volume:"), *iss = mem_find(p, end, "Issue:");
	const char *pub_end = end;
	if (vol && vol < pub_end)
		pub_end = vol;
	if (iss && iss < pub_end)
		pub_end = iss;
	a->publication = field_dup(a, s, (size_t)(p - s), (size_t)(pub_end - s));
	if (vol) {
		const char *ve = iss && iss > vol ? iss : end;
		a->volume = field_dup(a, s, (size_t)(vol + 7 - s), (size_t)(ve - s));
	}
	if (iss) {
		const char *ie = vol && vol > iss ? vol : end;
		a->issue = field_dup(a, s, (size_t)(iss + 6 - s), (size_t)(ie - s));
	}
	if (!*a->publication)
		a->publication = NULL;
}

size_t article_item_marker_len(const char *s, size_t end, size_t i)
{
	size_t j = i;
	if (j < end && (s[j] == '-' || s[j] == '*'))
		j++;
	else if (j + 3 <= end && memcmp(s + j, "\xE2\x80\xA2", 3) == 0)
		j += 3;
	else if (j < end && s[j] == '[') {
		/* a note's number, as a report lists its notes: "[1] BRELL stands for..." */
		j++;
		while (j < end && j - i < 4 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == i + 1 || j >= end || s[j] != ']')
			return 0;
		j++;
	} else {
		while (j < end && j - i < 3 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == i || j >= end || (s[j] != '.' && s[j] != ')'))
			return 0;
		j++;
	}
	return j < end && s[j] == ' ' ? j + 1 - i : 0;
}

/* The length of the item marker starting the line at s[i] (after its indent, at b), 0 if none:
 * a note's number ("[7] ") past the paragraph's first line only when another line has one,
 * as a report lists its notes: alone it is a reference mark that wrapped text left at a
 * line's start ("lasted 2.5 days" / "[7] in May"). Any other marker past the first line
 * starts an item where a list is plain: the first line is an item, the line before ends
 * with a colon (a list's lead-in), or another line past the first starts with a marker
 * too; else it is text wrapped by hand that left a number or a dash at a line's start
 * ("in January" / "12. The delegates", "signed" / "- a first - and") */
static size_t line_marker_len(const char *s, const art_para *p, size_t i, size_t b, int notes, int markers,
			      int first_item)
{
	size_t m = article_item_marker_len(s, p->r.end, b);
	if (!m || i == p->r.start)
		return m;
	if (s[b] == '[')
		return notes < 2 ? 0 : m;
	size_t e = i - 1; /* the line before, without its blanks */
	while (e > p->r.start && strchr(" \t\r\n", s[e - 1]))
		e--;
	return first_item || markers >= 2 || (e > p->r.start && s[e - 1] == ':') ? m : 0;
}

/* The items of a paragraph whose lines start list items; none when no line does. */
static void find_items(const char *s, art_para *p)
{
	size_t cap = 0, n = 0;
	range *items = NULL;
	int any = 0, notes = 0, markers = 0, first_item = article_item_marker_len(s, p->r.end, p->r.start) != 0;
	for (size_t i = p->r.start; i < p->r.end; i++) {
		size_t b = i;
		while (b < p->r.end && (s[b] == ' ' || s[b] == '\t'))
			b++;
		size_t m = b < p->r.end ? article_item_marker_len(s, p->r.end, b) : 0;
		notes += m && s[b] == '[';
		markers += m && s[b] != '[' && i != p->r.start;
		while (i < p->r.end && s[i] != '\n')
			i++;
	}
	for (size_t i = p->r.start; i < p->r.end;) {
		size_t b = i;
		while (b < p->r.end && (s[b] == ' ' || s[b] == '\t'))
			b++;
		size_t m = line_marker_len(s, p, i, b, notes, markers, first_item);
		if (m || i == p->r.start) {
			any |= m != 0;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				items = xrealloc(items, cap * sizeof *items);
			}
			if (n)
				items[n - 1].end = i - 1; /* the line break before this item */
			items[n].start = b;
			n++;
		}
		while (i < p->r.end && s[i] != '\n')
			i++;
		i++;
	}
	/* a paragraph that is one numbered item is a numbered paragraph ("10. The Tribunal
	 * recalls...", as judgments and resolutions number theirs), justified as any other */
	if (!any || (n == 1 && ((s[items[0].start] >= '0' && s[items[0].start] <= '9') || s[items[0].start] == '['))) {
		free(items);
		return;
	}
	items[n - 1].end = p->r.end;
	for (size_t k = 0; k < n; k++) /* no trailing \r or spaces before a line break */
		while (items[k].end > items[k].start && (s[items[k].end - 1] == '\r' || s[items[k].end - 1] == ' '))
			items[k].end--;
	p->items = items;
	p->nitems = n;
}

/* Whether s[r] reads as a heading: one line, short, ending in no punctuation (no full
 * stop, colon, closing quote or bracket, ellipsis, dash). */
static int heading_shaped(const char *s, range r)
{
	if (r.end - r.start > 100 || memchr(s + r.start, '\n', r.end - r.start))
		return 0;
	const char *end_char = g_utf8_find_prev_char(s + r.start, s + r.end);
	gunichar c = end_char ? g_utf8_get_char_validated(end_char, (gssize)(s + r.end - end_char)) : (gunichar)-1;
	return c != (gunichar)-1 && c != (gunichar)-2 && !g_unichar_ispunct(c);
}

/* A subheading: a paragraph shaped as a heading (not a list) that another follows. */
static int is_subheading(const char *s, const art_para *p, int last)
{
	return !last && !p->nitems && heading_shaped(s, p->r);
}

static void split_sentences(const char *s, art_para *p)
{
	size_t cap = 8, n = 0;
	range *out = xmalloc(cap * sizeof *out);
	find_items(s, p);
	/* a sentence never runs from one list item into the next */
	if (p->nitems)
		for (size_t k = 0; k < p->nitems; k++)
			sentences_split(s, p->items[k].start, p->items[k].end,
				    article_item_marker_len(s, p->items[k].end, p->items[k].start), &out, &n, &cap);
	else /* a numbered paragraph's number ends no sentence either */
		sentences_split(s, p->r.start, p->r.end, article_item_marker_len(s, p->r.end, p->r.start), &out, &n, &cap);
	p->sents = out;
	p->nsents = n;
}

/* Reports what makes text no article at all (too large, not UTF-8 text, empty); 1 if
 * it may be one. */
static int article_text_ok(const char *text, size_t len, const char *display, diag *d)
{
	if (len > ARTICLE_MAX_BYTES) {
		diag_error(d, loc_at(display, 0, 0), "source file is larger than the limit of %u MiB",
			   ARTICLE_MAX_BYTES >> 20);
		return 0;
	}
	size_t bad;
	if (!utf8_valid(text, len, &bad)) {
		int line, col;
		text_linecol(text, bad, &line, &col);
		diag_error(d, loc_at(display, line, col),
			   "invalid UTF-8 (byte 0x%02X); source files must be UTF-8 text",
			   (unsigned char)text[bad]);
		return 0;
	}
	const char *nul = memchr(text, 0, len);
	if (nul) {
		int line, col;
		text_linecol(text, (size_t)(nul - text), &line, &col);
		diag_error(d, loc_at(display, line, col), "NUL byte in a text file");
		return 0;
	}
	size_t marks = utf8_marks_over(text, len);
	if (marks != (size_t)-1) {
		int line, col;
		text_linecol(text, marks, &line, &col);
		diag_error(d, loc_at(display, line, col),
			   "more than %d combining marks in a row on one character; Unicode's stream-safe text has at most %d",
			   UTF8_MAX_MARKS, UTF8_MAX_MARKS);
		return 0;
	}
	size_t first = 0;
	while (first < len && (is_blank_byte(text[first]) || text[first] == '\n'))
		first++;
	if (first == len) {
		diag_error(d, loc_at(display, 0, 0), "empty file: expected a title line and paragraphs");
		return 0;
	}
	return 1;
}

/* Where the next line starts after the line ending at e. */
static size_t next_line(size_t e, size_t len)
{
	return e < len ? e + 1 : len;
}

/* The title line and the optional header lines after it (each possibly preceded by blank
 * lines); sets *i and *line to the first line after them. */
static void read_header(article *a, size_t *i, int *line)
{
	const char *s = a->text;
	size_t len = a->len;
	/* a byte-order mark is not part of the title */
	*i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	*line = 1;
	/* nor are blank lines before it: the title is the first line with words */
	for (;;) {
		size_t e = line_end(s, len, *i), b = *i, t = e;
		trim(s, &b, &t);
		if (b < t || e >= len)
			break;
		*i = next_line(e, len);
		++*line;
	}
	size_t e = line_end(s, len, *i);
	a->title = trimmed_dup(a, s, *i, e);
	*i = next_line(e, len);
	++*line;
	int seen_pub = 0, seen_credit = 0;
	for (; *i < len; *i = next_line(e, len), ++*line) {
		e = line_end(s, len, *i);
		size_t b = *i, t = e;
		trim(s, &b, &t);
		if (b == t)
			continue;
		if (!seen_pub && !seen_credit && starts_with(s + b, t - b, "Publication:")) {
			parse_publication(a, s + b, t - b);
			seen_pub = 1;
		} else if (!seen_credit && starts_with(s + b, t - b, "(Source:") && s[t - 1] == ')') {
			a->credit = trimmed_dup(a, s, b + 8, t - 1);
			seen_credit = 1;
		} else {
			return;
		}
	}
}

/* Whether paragraph p, one line so far, is a subheading that the line [b, t) follows with
 * no blank line between: p is shaped as a heading, and the line is half as long again and
 * starts a sentence (a capital, a digit, a quote). Text wrapped by hand fills its first
 * line, so a paragraph's own first line is never much shorter than its second. */
static int heading_line_before(const char *s, const art_para *p, size_t b, size_t t)
{
	if (!heading_shaped(s, p->r) || 2 * (t - b) < 3 * (p->r.end - p->r.start))
		return 0;
	/* a first line left short because the next word would not fit on it is a wrap,
	 * not a heading: that word and the line would have overrun the next line */
	size_t word = b;
	while (word < t && s[word] != ' ' && s[word] != '\t')
		word++;
	if ((p->r.end - p->r.start) + 1 + (word - b) > t - b)
		return 0;
	gunichar c = g_utf8_get_char_validated(s + b, (gssize)(t - b));
	return c != (gunichar)-1 && c != (gunichar)-2 &&
	       (g_unichar_isupper(c) || g_unichar_isdigit(c) || c == '"' || c == 0x201C || c == 0x2018);
}

/* A new paragraph of a, from line `line`, bytes [b, t) so far. */
static void add_para(article *a, size_t *cap, size_t b, size_t t, int line)
{
	if (a->nparas == *cap) {
		*cap *= 2;
		a->paras = xrealloc(a->paras, *cap * sizeof *a->paras);
	}
	art_para *p = &a->paras[a->nparas++];
	p->r.start = b;
	p->r.end = t;
	p->line = line;
	p->sents = NULL;
	p->nsents = 0;
	p->items = NULL;
	p->nitems = 0;
	p->heading = 0;
}

/* Paragraphs, runs of non-blank lines, from byte i (on line `line`) to the end; a
 * subheading followed by its paragraph with no blank line between is two. */
static void read_paragraphs(article *a, size_t i, int line)
{
	const char *s = a->text;
	size_t len = a->len, cap = 16;
	a->paras = xmalloc(cap * sizeof *a->paras);
	int in_para = 0;
	for (; i < len; line++) {
		size_t e = line_end(s, len, i);
		size_t b = i, t = e;
		trim(s, &b, &t);
		if (b == t) {
			in_para = 0;
		} else if (!in_para || heading_line_before(s, &a->paras[a->nparas - 1], b, t)) {
			add_para(a, &cap, b, t, line);
			in_para = 1;
		} else {
			a->paras[a->nparas - 1].r.end = t;
		}
		i = next_line(e, len);
	}
}

/* article_parse on text (NUL-terminated at len) that the article takes over, freed with it
 * or here: a source read from its file is not copied again. */
static article *article_adopt(char *text, size_t len, const char *display, diag *d)
{
	if (!article_text_ok(text, len, display, d)) {
		free(text);
		return NULL;
	}
	article *a = xcalloc(1, sizeof *a);
	a->strings = g_string_chunk_new(256);
	a->display = g_string_chunk_insert(a->strings, display);
	a->text = text;
	a->len = len;
	size_t i;
	int line;
	read_header(a, &i, &line);
	read_paragraphs(a, i, line);
	if (a->nparas == 0) {
		diag_error(d, loc_at(display, 0, 0), "no paragraphs after the header");
		/* lines ended by CR alone (an old Mac's) read as one line: the title */
		if (memchr(text, '\r', len) && !memchr(text, '\n', len))
			diag_note(d, loc_at(display, 0, 0),
				  "this file ends its lines with CR alone, which reads as one line; save it with LF "
				  "(or CR LF) line ends");
		article_free(a);
		return NULL;
	}
	for (size_t k = 0; k < a->nparas; k++) {
		split_sentences(a->text, &a->paras[k]);
		a->paras[k].heading = is_subheading(a->text, &a->paras[k], k + 1 == a->nparas);
	}
	return a;
}

article *article_parse(const char *text, size_t len, const char *display, diag *d)
{
	return article_adopt(xstrndup(text, len), len, display, d);
}

article *article_load(const char *path, const char *display, loc from, diag *d)
{
	char *buf;
	size_t len;
	const char *why;
	int got = file_read(path, ARTICLE_MAX_BYTES, &buf, &len, &why);
	if (got == FILE_TOO_LARGE)
		diag_error(d, from, "cannot read source '%s': larger than the size limit (%u MiB)", display,
			   ARTICLE_MAX_BYTES >> 20);
	else if (got != 0)
		diag_error(d, from, "cannot read source '%s': %s", display, why);
	if (got != 0) {
		diag_note_nearest_file(d, from, path, display);
		return NULL;
	}
	return article_adopt(buf, len, display, d);
}

void article_free(article *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nparas; i++) {
		free(a->paras[i].sents);
		free(a->paras[i].items);
	}
	free(a->paras);
	free(a->text);
	g_string_chunk_free(a->strings);
	free(a);
}

size_t article_sentence_of(const art_para *p, size_t off)
{
	size_t s = 0;
	while (s + 1 < p->nsents && p->sents[s + 1].start <= off)
		s++;
	return s;
}
