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
	"Brig", "Gov", "Sen", "Rep", "Pres", "Amb", "Rev", "Hon", "St", "Mt", "Ft",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"vs", "e.g", "i.e", "cf", "approx",
	"Dept", "Univ", "Assn", "Ave", "Blvd", "est", "al", "v",
	"Cm", "Cmd", "Cmnd", "ibid", "Ibid", "viz", "Ord", "Res", "Reg", "Regs", "Doc", "Pt", "Cl", "Sched",
	"Ref", "Refs", "Messrs", "Mme", "Mlle", "Msgr", "Fr", "Cpl", "Pvt", "Cdr", "Supt",
	"Insp", "Det", "Atty", "Rt", "Gens", "Sens", "Reps", "Govs", "ca", "incl", "esp",
	/* and capitalised, starting a sentence: "Approx. 10 came.", "Vgl. Abs. 3" */
	"Approx", "Incl", "Esp", "Cf", "Vs", "Viz", "Ca", "Vgl", "Bzw", "Ggf", "Sog",
	/* German's and Russian's, before a noun or a name: "9,5 Mrd. Euro", "проф. Иванов" */
	"Mrd", "Mio", "Tsd", "bzw", "vgl", "sog", "ggf", "Abs", "Hrsg", "ул", "им", "проф", "акад", "ген", NULL,
};

/* Abbreviations that stand before a number ("No. 5", "pp. 12", "Art. IV"): before anything
 * else the word's full stop ends a sentence ("He said no. It was over.") */
static const char *const number_abbrevs[] = {
	"No", "Nos", "no", "nos", "Nr", "nr", "Vol", "Vols", "vol", "vols", "pp", "Art", "Arts", "art", "Ch", "ch",
	"Sec", "sec", "Fig", "Figs", "fig", "figs", "Para", "Paras", "para", "paras", "Eq", "Eqs", NULL,
};

/* Abbreviations that end a name, as initials may: before a name the sentence goes on ("Acme
 * Inc. Europe", "Smith Jr. Davis"), before a word that starts sentences it ends ("sold to
 * Acme Inc. The rival") */
static const char *const suffixes[] = {
	"Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr", "Esq", "Plc", NULL,
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
	"If", "When", "While", "After", "Before", "Since", "Yet", "So", "Then", "Later", "Now", "Today",
	"Yesterday", "Meanwhile", "Also", "Thus", "Although", "Though", "Despite", "During", "For", "From",
	"Under", "With", "Without", "According", "Some", "Many", "Most", "All", "Not", "Only", "What", "Why",
	"How", "Who", "Where", "Because", "Instead", "Moreover", "Furthermore", "Nevertheless", "Indeed",
	"Last", "Next", "Earlier", "Such", "Both", "Several", "Each", "Every", "Once", "Until", "Unlike",
	"Even", "Here", "Is", "Was", "Are", "Were", "Has", "Have", "Had", NULL,
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

/* The character before s[i] (none before b: 0), its start in *at: how sentence ends and
 * reference marks look back */
uint32_t sentences_cp_before(const char *s, size_t b, size_t i, size_t *at)
{
	const char *p = i > b ? g_utf8_find_prev_char(s + b, s + i) : NULL;
	uint32_t c = 0;
	if (!p || !utf8_decode(p, i - (size_t)(p - s), &c))
		return 0;
	*at = (size_t)(p - s);
	return c;
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
 * ("U.S" in "the U.S.", "J" in "J. R. Jones", "В" in "В. В. Путин") and a name's suffixes, 1 for one of abbrevs or
 * one lowercase letter alone ("z. B.", "d. h.", "т. е."), 4 for one of number_abbrevs, 0 if
 * none. */
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
		size_t q = b;
		if (!g_unichar_isalpha(sentences_cp_before(s, start, b, &q)))
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
	for (int i = 0; number_abbrevs[i]; i++)
		if (strlen(number_abbrevs[i]) == n && memcmp(number_abbrevs[i], s + b, n) == 0)
			return 4;
	for (int i = 0; suffixes[i]; i++)
		if (strlen(suffixes[i]) == n && memcmp(suffixes[i], s + b, n) == 0)
			return 2;
	return 0;
}

/* Whether the full stop at s[dot] ends an abbreviation of any kind ("Gen.", "No.", "U.S.",
 * "a.m."), the word looked for from start on */
static int any_abbreviation(const char *s, size_t start, size_t dot)
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

static int is_superscript_digit(uint32_t c)
{
	return c == 0xB9 || c == 0xB2 || c == 0xB3 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/* Marks that close a word or a sentence, after which a reference mark stands */
static int is_mark_before_ref(uint32_t c)
{
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || is_closer(c);
}

/* How many letters end s[b, i), up to 3 */
static int letters_before(const char *s, size_t b, size_t i)
{
	int n = 0;
	size_t at = i;
	while (n < 3 && g_unichar_isalpha(sentences_cp_before(s, b, i, &at))) {
		n++;
		i = at;
	}
	return n;
}

/* Whether the word ending s[b, i) is a unit under a slash ("m/sec" of "m/sec²"): a
 * superscript after it is the unit's power, not a note's mark */
static int unit_after_slash(const char *s, size_t b, size_t i)
{
	size_t at = i;
	uint32_t c;
	while (g_unichar_isalpha(c = sentences_cp_before(s, b, i, &at)))
		i = at;
	return c == '/';
}

/* Words that number a provision: the bracketed number after theirs is its sub-clause
 * ("Article 5[1]", "§ 12[3]"), not a note's mark */
static const char *const provisions[] = {
	"article", "articles", "art", "arts", "section", "sections", "sec", "ss", "s", "rule", "rules",
	"regulation", "reg", "chapter", "ch", "paragraph", "paragraphs", "para", "paras", "clause",
	"part", "annex", "schedule", "title", "book", "§", "§§", "¶", NULL,
};

/* Whether the number ending s[b, i) (digits, a dot between them: "5.2") is a provision's,
 * a word of provisions (a full stop after it, a space or none before the number) before it */
static int provision_number(const char *s, size_t b, size_t i)
{
	while (i > b && (g_ascii_isdigit(s[i - 1]) || (s[i - 1] == '.' && i - 1 > b && g_ascii_isdigit(s[i - 2]))))
		i--;
	size_t at = i;
	uint32_t c = sentences_cp_before(s, b, i, &at);
	if (c == ' ' || c == 0xA0 || c == 0x202F)
		i = at;
	if (i > b && s[i - 1] == '.')
		i--;
	size_t w = i;
	for (uint32_t d; (d = sentences_cp_before(s, b, w, &at)) && (g_unichar_isalpha(d) || d == 0xA7 || d == 0xB6);)
		w = at;
	for (int k = 0; w < i && provisions[k]; k++)
		if (strlen(provisions[k]) == i - w && g_ascii_strncasecmp(s + w, provisions[k], i - w) == 0)
			return 1;
	return 0;
}

/* A bracketed mark at s[i] (a '['): "[4]", "[12, 13]", "[3-5]" (one at a time: "[12][13]"
 * is two); not a word's bracket ("[4 ships]", "[1]st"), nor a provision's sub-clause
 * ("Article 5[1]", "5[1](a)") */
static size_t bracket_mark_len(const char *s, size_t b, size_t e, size_t i, uint32_t prev)
{
	size_t j = i + 1;
	int digits = 0;
	while (j < e && j - i < 24 && (g_ascii_isdigit(s[j]) || s[j] == ',' || s[j] == '-' || s[j] == ' '))
		digits |= g_ascii_isdigit(s[j++]);
	if (!digits || j >= e || s[j] != ']' || (j + 1 < e && (g_ascii_isalnum(s[j + 1]) || s[j + 1] == '(')))
		return 0;
	if (prev < 0x80 && g_ascii_isdigit((char)prev) && provision_number(s, b, i))
		return 0;
	return j + 1 - i;
}

/* The length of a run of one to three digits at s[i] that is a note's mark after a
 * sentence's end ("ratified it.12 It", "it.”12 «Non»"), 0 if none: after ".", "!" or "?"
 * (and closing marks) that end a word of two letters or more that is no abbreviation
 * ("No.12 The" and "v2.1 Then" are numbers), before a blank (a no-break space too) and a
 * capital or an opening mark, or the paragraph's end */
static size_t digit_mark_len(const char *s, size_t b, size_t e, size_t i, uint32_t prev, size_t at)
{
	size_t p = i;
	uint32_t q = prev;
	while (q && is_closer(q) && q != ']') {
		p = at;
		q = sentences_cp_before(s, b, p, &at);
	}
	if (q != '.' && q != '!' && q != '?')
		return 0;
	p = at;
	if (letters_before(s, b, p) < 2 || (q == '.' && any_abbreviation(s, b, p)))
		return 0;
	size_t j = i, k;
	while (j < e && j - i < 4 && g_ascii_isdigit(s[j]))
		j++;
	if (j - i > 3)
		return 0;
	if (j == e)
		return j - i;
	if (!is_ws_at(s, e, j, &k))
		return 0;
	size_t n = j;
	while (is_ws_at(s, e, n, &k))
		n += k;
	if (n >= e)
		return j - i;
	uint32_t next = cp_at(s, e, n, &k);
	return is_upper_cp(next) || is_opener(next) ? j - i : 0;
}

size_t sentences_ref_mark_len(const char *s, size_t b, size_t e, size_t i)
{
	if (i >= e)
		return 0;
	unsigned char first = (unsigned char)s[i];
	if (first != '[' && !g_ascii_isdigit((char)first) && first != 0xC2 && first != 0xE2)
		return 0; /* quickly: no mark starts otherwise */
	size_t at = i;
	uint32_t prev = sentences_cp_before(s, b, i, &at), c = 0;
	if (!prev || g_unichar_isspace(prev) || prev == '(' || prev == '[' || prev == '{' || prev == 0xA0)
		return 0;
	if (s[i] == '[')
		return bracket_mark_len(s, b, e, i, prev);
	if (g_ascii_isdigit(s[i]))
		return digit_mark_len(s, b, e, i, prev, at);
	size_t n = utf8_decode(s + i, e - i, &c);
	if (!n || !is_superscript_digit(c))
		return 0;
	/* after punctuation or a word of three letters or more ("accord¹"), not the power of
	 * "km²" nor of "m/sec²" */
	if (!is_mark_before_ref(prev) &&
	    !(g_unichar_isalpha(prev) && letters_before(s, b, i) >= 3 && !unit_after_slash(s, b, i)))
		return 0;
	size_t j = i;
	while (j < e && (n = utf8_decode(s + j, e - j, &c)) && is_superscript_digit(c))
		j += n;
	if (j < e && utf8_decode(s + j, e - j, &c) && g_unichar_isalnum(c))
		return 0;
	return j - i;
}

range sentences_without_marks(const char *s, range r)
{
	for (;;) {
		while (r.end > r.start && is_blank_byte(s[r.end - 1]))
			r.end--;
		size_t b = r.end; /* where the mark that ends r starts, if one does */
		for (size_t k = r.end; k > r.start && r.end - k < 24 && b == r.end; k--)
			if (sentences_ref_mark_len(s, r.start, r.end, k - 1) == r.end - (k - 1))
				b = k - 1;
		if (b == r.end)
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

/* Whether a closing mark is at s[j] (its length in *k) after a sentence's end: as
 * is_closer, or the “ or ‘ German and Czech close with („Wir gehen.“ Dann, ‚Ja.‘ Dann)
 * before a blank or the paragraph's end, where none opens */
static int closer_at(const char *s, size_t end, size_t j, size_t *k)
{
	uint32_t c = cp_at(s, end, j, k);
	size_t w;
	return is_closer(c) || ((c == 0x201C || c == 0x2018) && (j + *k >= end || is_ws_at(s, end, j + *k, &w)));
}

/* Verbs that say who spoke a quotation ("Why?" John asked.) */
static const char *const speech_verbs[] = {
	"said", "says", "asked", "asks", "added", "adds", "replied", "replies", "wrote", "writes", "told",
	"tells", "shouted", "cried", "exclaimed", "wondered", "continued", "explained", "insisted", "recalled", NULL,
};

/* Whether s[j, end) is a quotation's attribution after its ? or ! ("Why?" John asked,
 * "Stop!" Mary Ann Evans shouted): up to three capitalised words and a verb of speech, which
 * go on with the sentence the quotation is part of */
static int attribution_at(const char *s, size_t end, size_t j)
{
	for (int words = 0; words < 3 && j < end && g_ascii_isupper(s[j]); words++) {
		while (j < end && g_ascii_isalpha(s[j]))
			j++;
		if (j >= end || s[j] != ' ')
			return 0;
		j++;
		if (word_in(s, end, j, speech_verbs))
			return 1;
	}
	return 0;
}

/* Whether s[j, end) starts with a Roman numeral in capitals, as a word ("Vol. IV", "Art. I") */
static int roman_at(const char *s, size_t end, size_t j)
{
	size_t e = j;
	while (e < end && strchr("IVXLCDM", s[e]) && s[e])
		e++;
	return e > j && (e == end || !g_ascii_isalnum(s[e]));
}

/* Appends the sentences of s[start, end) to *out (*n of them, room for *cap); the first
 * `skip` bytes (a list item's marker, "1. ") end no sentence. */
void sentences_split(const char *s, size_t start, size_t end, size_t skip, range **outp, size_t *np,
		     size_t *capp)
{
	range *out = *outp;
	size_t cap = *capp, n = *np, i = start + skip, para = start;
	while (i < end) {
		char c = s[i];
		/* an ellipsis ends one as "..." does ("He paused… Then he left.") */
		int ellipsis = (unsigned char)c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
			       (unsigned char)s[i + 2] == 0xA6;
		if (c != '.' && c != '!' && c != '?' && !ellipsis) {
			i++;
			continue;
		}
		size_t j = i + (ellipsis ? 3 : 1), k;
		/* closing marks and reference marks (".[1]", ".”[2][3]", ".² Officials", "it.12
		 * It"), as matching reads them */
		for (size_t m; j < end;) {
			if ((m = sentences_ref_mark_len(s, para, end, j)) > 0)
				j += m;
			else if (closer_at(s, end, j, &k))
				j += k;
			else
				break;
		}
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
		/* a sentence in brackets starts one too: "It rose. (See the chart.) Then" */
		size_t kin;
		if (!ok && (next == '(' || next == '[') && j + k < end)
			ok = is_upper_cp(cp_at(s, end, j + k, &kin));
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
			else if (abbr == 4)
				ok = !is_number_cp(next) && !roman_at(s, end, j);
			else if (abbr)
				ok = 0;
			else if (is_ordinal_day(s, start, i) && word_in(s, end, j, ordinal_months))
				ok = 0;
		}
		if (ok && c != '.' && stop > i + 1 && attribution_at(s, end, j))
			ok = 0;
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
