/* sentences.c: where the sentences of a source's paragraph end (pN.S, `mkbrief find`):
 * full stops after abbreviations, initials, times and ordinals that end none, and the
 * reference marks after a sentence's end that belong to it. */
#include "load/sentences.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "base/util.h"

/* as article.c reads a line's blanks */
static int is_blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Abbreviations after which a full stop does not end a sentence. */
static const char *const abbrevs[] = {
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
	"Brig", "Gov", "Sen", "Rep", "Pres", "Amb", "Rev", "Hon", "St", "Jr", "Sr", "Mt", "Ft",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"No", "Nos", "Vol", "vol", "no", "pp", "p", "vs", "e.g", "i.e", "cf", "approx", "Inc", "Corp",
	"Ltd", "Co", "Dept", "Univ", "Assn", "Bros", "Ave", "Blvd", "est", "al", "v", "para", "paras",
	"Para", "Paras", "Art", "Arts", "art", "Ch", "ch", "Sec", "sec", "Fig", "fig", "Figs", "Nr", "nr",
	"Cm", "Cmd", "Cmnd", "ibid", "Ibid", "viz", "Ord", "Res", "Reg", "Regs", "Doc", "Pt", "Cl", "Sched",
	"Eq", "Eqs", "Ref", "Refs", "Messrs", "Mme", "Mlle", "Msgr", "Fr", "Cpl", "Pvt", "Cdr", "Supt",
	"Insp", "Det", "Atty", "Rt", "Gens", "Sens", "Reps", "Govs", "ca", "incl", "esp",
	/* German's and Russian's, before a noun or a name: "9,5 Mrd. Euro", "проф. Иванов" */
	"Mrd", "Mio", "Tsd", "bzw", "vgl", "sog", "ggf", "Abs", "Hrsg", "ул", "им", "проф", "акад", "ген", NULL,
};

/* German months, capitalised: "22. Januar" is a date, its ordinal's full stop ends nothing */
static const char *const ordinal_months[] = {
	"Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
	"Oktober", "November", "Dezember", NULL,
};

/* Words after a.m. or p.m. that go on with the time: a day, a month, a time zone (the sentence
 * goes on before a number or a lowercase word too: "at 9 a.m. 12 ships", "9 a.m. local time") */
static const char *const time_words[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue",
	"Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October", "November", "December",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "UTC",
	"GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "ET",
	"CT", "MT", "PT", "BST", "IST", "CET", "CEST", "EET", "EEST", "WET", "WEST", "MSK", "JST",
	"KST", "AEST", "AEDT", "SGT", "HKT", "NZST", "NZDT", NULL,
};

/* Capitalized words that start sentences, seldom a name: after initials ("in the U.S. The
 * talks"), the initials end a sentence; no one letter, which may be an initial too (J. A. Smith) */
static const char *const starters[] = {
	"The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "His",
	"Her", "Their", "Our", "There", "In", "On", "At", "But", "And", "However", "An", "As",
	"If", "When", "While", "After", "Before", "Since", "Yet", "So", "Then", NULL,
};

/* Whether s[i, end) starts with one of words, as a whole word */
static int word_in(const char *s, size_t end, size_t i, const char *const *words)
{
	for (int w = 0; words[w]; w++) {
		size_t k = strlen(words[w]);
		if (i + k <= end && memcmp(s + i, words[w], k) == 0 &&
		    (i + k == end || !g_ascii_isalnum(s[i + k])))
			return 1;
	}
	return 0;
}

/* Words before "time" that name no zone but start a sentence ("The time had come", "Next
 * time"), as starters do */
static const char *const not_zones[] = {
	"Next", "Last", "Every", "Each", "Some", "Any", "One", "No", "Another", "First", "Prime",
	"Question", "Half", "Full", "Extra", "Closing", "Opening", "What", "Which", "By", "For", NULL,
};

/* Whether s[j, end) starts with a zone named by its place or region: up to three capitalized
 * words and "time" ("Moscow time", "Eastern Standard Time"), which goes on with a.m. or p.m. */
static int named_zone(const char *s, size_t end, size_t j)
{
	if (word_in(s, end, j, starters) || word_in(s, end, j, not_zones))
		return 0;
	for (int words = 0; words < 3 && j < end && g_ascii_isupper(s[j]); words++) {
		while (j < end && g_ascii_isalpha(s[j]))
			j++;
		if (j >= end || (s[j] != ' ' && s[j] != '\n'))
			return 0;
		j++;
		if (word_in(s, end, j, (const char *const[]){"time", "Time", NULL}))
			return 1;
	}
	return 0;
}

/* Whether the full stop at dot ends "a.m." or "p.m." (any case, "9a.m." too) */
static int is_am_pm(const char *s, size_t start, size_t dot)
{
	if (dot < start + 3 || s[dot - 2] != '.' || (s[dot - 1] != 'm' && s[dot - 1] != 'M'))
		return 0;
	char c = s[dot - 3];
	if (c != 'a' && c != 'A' && c != 'p' && c != 'P')
		return 0;
	size_t b = dot - 3;
	int digit = b > start && s[b - 1] >= '0' && s[b - 1] <= '9';
	/* "P.M." with no number before it is a prime minister's initials ("the P.M. Boris
	 * Johnson"), as "U.S." is a country's: a time has its hour (9 P.M., 9:30 P.M.) */
	if (c == 'A' || c == 'P')
		return digit || (b >= start + 2 && is_blank_byte(s[b - 1]) && s[b - 2] >= '0' && s[b - 2] <= '9');
	return b == start || is_blank_byte(s[b - 1]) || s[b - 1] == '\n' || s[b - 1] == '(' || digit;
}

/* The start of the code point that ends just before i (i > start) */
static size_t cp_back(const char *s, size_t start, size_t i)
{
	size_t b = i - 1;
	while (b > start && ((unsigned char)s[b] & 0xC0) == 0x80 && i - b < 4)
		b--;
	return b;
}

/* Whether s[b, dot) is initials of any script, single capitals with dots between ("U.S",
 * "J", the Cyrillic "В" of "В. В. Путин"); *lower says whether it is one lowercase letter
 * instead ("z" of "z. B.", "т" of "т. е.", "г" of "г. Москва"). */
static int initials_at(const char *s, size_t b, size_t dot, int *lower)
{
	int letter = 1, count = 0;
	*lower = 0;
	for (size_t i = b; i < dot;) {
		uint32_t c = 0;
		size_t k = utf8_decode(s + i, dot - i, &c);
		if (!k)
			return 0;
		if (letter ? !g_unichar_isupper(c) : c != '.') {
			*lower = letter && count == 0 && i + k == dot && g_unichar_islower(c);
			return 0;
		}
		count += letter;
		letter = !letter;
		i += k;
	}
	return !letter;
}

/* Whether the word ending just before the full stop at dot is an abbreviation: 2 for initials
 * ("U.S" in "the U.S.", "J" in "J. R. Jones", "В" in "В. В. Путин"), 1 for one of abbrevs or
 * one lowercase letter alone ("z. B.", "d. h.", "т. е."), 0 if none. */
static int is_abbreviation(const char *s, size_t start, size_t dot)
{
	size_t b = dot;
	while (b > start) {
		unsigned char p = (unsigned char)s[b - 1];
		if (p < 0x80) {
			if (is_blank_byte((char)p) || p == '\n' || p == '(' || p == '"')
				break;
			b--;
			continue;
		}
		/* a letter of another script is part of the word ("млрд"); a mark ("«") is not */
		size_t q = cp_back(s, start, b);
		uint32_t c = 0;
		if (!utf8_decode(s + q, b - q, &c) || !g_unichar_isalpha(c))
			break;
		b = q;
	}
	size_t n = dot - b;
	if (n == 0)
		return 0;
	int lower;
	int initials = initials_at(s, b, dot, &lower);
	/* an initial stands alone: not the unit of "25 °C." nor of "300 K.", nor the year's "г."
	 * of "в 2019 г." (which ends sentences) */
	int alone = b == start || is_blank_byte(s[b - 1]) || s[b - 1] == '\n' || s[b - 1] == '(' || s[b - 1] == '"';
	if (alone && (initials || lower) && b >= start + 2 && is_blank_byte(s[b - 1]) && s[b - 2] >= '0' &&
	    s[b - 2] <= '9' && (lower || dot - b <= 2))
		alone = 0;
	if (initials && alone)
		return 2;
	if (lower && alone)
		return 1;
	for (int i = 0; abbrevs[i]; i++)
		if (strlen(abbrevs[i]) == n && memcmp(abbrevs[i], s + b, n) == 0)
			return 1;
	return 0;
}

int sentences_is_abbreviation(const char *s, size_t start, size_t dot)
{
	return is_abbreviation(s, start, dot) || is_am_pm(s, start, dot);
}

/* A capital of any script: Ł, Š and Ğ start sentences as A does */
static int is_upper_cp(uint32_t c)
{
	return g_unichar_isupper(c) || g_unichar_istitle(c);
}

/* A number that starts a sentence: a digit, or a superscript one ("⁹⁰Sr in milk", an
 * isotope), which Unicode files as another kind of number */
static int is_number_cp(uint32_t c)
{
	return g_unichar_isdigit(c) || g_unichar_type(c) == G_UNICODE_OTHER_NUMBER;
}

static int is_closer(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

static int is_opener(uint32_t c)
{
	return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x201E || c == 0xAB || c == 0xBF || c == 0xA1;
}

static uint32_t cp_at(const char *s, size_t end, size_t i, size_t *n)
{
	uint32_t c = 0;
	*n = utf8_decode(s + i, end - i, &c);
	if (!*n)
		*n = 1;
	return c;
}

static int is_ws_at(const char *s, size_t end, size_t i, size_t *n)
{
	if (i >= end)
		return 0;
	if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		*n = 1;
		return 1;
	}
	if (i + 1 < end && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
		*n = 2;
		return 1;
	}
	return 0;
}

/* A reference mark after a sentence's full stop, "[1]" or "[12, 13]" or "[3-5]": the length
 * of the mark at s[i] (a '['), 0 if it is none. The sentence ends after its marks. */
static size_t ref_mark_len(const char *s, size_t end, size_t i)
{
	size_t j = i + 1;
	int digits = 0;
	while (j < end && j - i < 24) {
		char c = s[j];
		if (c >= '0' && c <= '9')
			digits = 1;
		else if (c == ']')
			return digits ? j + 1 - i : 0;
		else if (c != ',' && c != '-' && c != ' ')
			return 0;
		j++;
	}
	return 0;
}

range sentences_without_marks(const char *s, range r)
{
	for (;;) {
		while (r.end > r.start && is_blank_byte(s[r.end - 1]))
			r.end--;
		if (r.end == r.start || s[r.end - 1] != ']')
			return r;
		size_t b = r.end - 1; /* the '[' of the mark that ends r, if one does */
		while (b > r.start && s[b] != '[' && r.end - b < 24)
			b--;
		if (s[b] != '[' || ref_mark_len(s, r.end, b) != r.end - b)
			return r;
		r.end = b;
	}
}

/* Whether the full stop at dot follows a day of one or two digits standing alone ("am 22.") */
static int is_ordinal_day(const char *s, size_t start, size_t dot)
{
	size_t b = dot;
	while (b > start && dot - b < 3 && s[b - 1] >= '0' && s[b - 1] <= '9')
		b--;
	return b < dot && dot - b <= 2 && (b == start || is_blank_byte(s[b - 1]) || s[b - 1] == '\n' || s[b - 1] == '(');
}

/* The length of a note's mark of one to three digits at s[j] after the sentence's end at
 * s[i] and its closing marks ("ratified it.12 It"), 0 if none: after a word of two letters
 * or more that is no abbreviation ("No.12 The" is a number), before a space and a capital or
 * an opening quote, as matching reads one (resolve/search.c ref_mark_at) */
static size_t digit_mark_len(const char *s, size_t start, size_t end, size_t i, size_t j)
{
	size_t d = 0, k;
	while (j + d < end && d < 4 && s[j + d] >= '0' && s[j + d] <= '9')
		d++;
	if (d == 0 || d > 3 || !is_ws_at(s, end, j + d, &k))
		return 0;
	const char *p = s + i;
	for (int letters = 0; letters < 2; letters++) { /* of any script: "году.5 Затем" */
		p = p > s + start ? g_utf8_find_prev_char(s + start, p) : NULL;
		if (!p || !g_unichar_isalpha(g_utf8_get_char_validated(p, (gssize)(s + i - p))))
			return 0;
	}
	if (s[i] == '.' && sentences_is_abbreviation(s, start, i))
		return 0;
	size_t n = j + d;
	while (is_ws_at(s, end, n, &k))
		n += k;
	if (n >= end)
		return d;
	uint32_t next = cp_at(s, end, n, &k);
	return is_upper_cp(next) || is_opener(next) ? d : 0;
}

/* Appends the sentences of s[start, end) to *out (*n of them, room for *cap); the first
 * `skip` bytes (a list item's marker, "1. ") end no sentence. */
void sentences_split(const char *s, size_t start, size_t end, size_t skip, range **outp, size_t *np,
		     size_t *capp)
{
	range *out = *outp;
	size_t cap = *capp, n = *np, i = start + skip;
	while (i < end) {
		char c = s[i];
		if (c != '.' && c != '!' && c != '?') {
			i++;
			continue;
		}
		size_t j = i + 1, k;
		for (;;) {
			if (j < end && s[j] == '[') {
				size_t m = ref_mark_len(s, end, j);
				if (m) {
					j += m;
					continue;
				}
			}
			if (j >= end)
				break;
			uint32_t cl = cp_at(s, end, j, &k);
			/* a superscript reference mark (".² Officials") ends it as "[2]" does */
			int sup = cl == 0xB9 || cl == 0xB2 || cl == 0xB3 || cl == 0x2070 || (cl >= 0x2074 && cl <= 0x2079);
			if (!is_closer(cl) && !sup)
				break;
			j += k;
		}
		j += digit_mark_len(s, start, end, i, j);
		size_t stop = j;
		if (!is_ws_at(s, end, j, &k)) {
			i++;
			continue;
		}
		while (is_ws_at(s, end, j, &k))
			j += k;
		if (j >= end) {
			i++;
			continue;
		}
		uint32_t next = cp_at(s, end, j, &k);
		int ok = is_upper_cp(next) || is_number_cp(next) || is_opener(next);
		if (ok && c == '.' && stop == i + 1) {
			/* a.m. and p.m. go on before a day, a month, a time zone or a number ("at 9
			 * a.m. Monday", "5 p.m. Moscow time"), and end a sentence before any other
			 * capital ("at 9 p.m. The next day"); initials before a word that starts
			 * sentences end one ("in the U.S. The talks"), before any other go on ("the
			 * U.S. Army"); any other abbreviation goes on */
			int abbr = is_am_pm(s, start, i) ? 3 : is_abbreviation(s, start, i);
			if (abbr == 3)
				ok = !is_number_cp(next) && !word_in(s, end, j, time_words) && !named_zone(s, end, j);
			else if (abbr == 2)
				ok = word_in(s, end, j, starters);
			else if (abbr)
				ok = 0;
			else if (is_ordinal_day(s, start, i) && word_in(s, end, j, ordinal_months))
				ok = 0;
		}
		if (!ok) {
			i++;
			continue;
		}
		if (n == cap) {
			cap *= 2;
			out = xrealloc(out, cap * sizeof *out);
		}
		out[n].start = start;
		out[n].end = stop;
		n++;
		start = i = j;
	}
	if (start < end) {
		if (n == cap) {
			cap *= 2;
			out = xrealloc(out, cap * sizeof *out);
		}
		out[n].start = start;
		out[n].end = end;
		n++;
	}
	*outp = out;
	*np = n;
	*capp = cap;
}
