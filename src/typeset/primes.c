/* primes.c: what a straight quote next to a number or a word's start stands for: a prime (5'10",
 * a 12" gun), an apostrophe for letters left out ('90s, rock 'n' roll) or between a number's
 * thousands (1'000), rather than a quotation mark (typeset/rich.c smarten). */
#include "typeset/primes.h"

#include <glib.h>
#include <string.h>

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether the straight single quote at s[i], at a word's start, stands for letters left
 * out rather than opening a quotation: a decade or year cut short ('90s, '18), and the
 * common elisions ('tis, 'twas, 'til, 'em, 'cause, rock 'n' roll, Dutch 't and 's). An apostrophe, as
 * Chicago 6.116 and 7.29 want: a left quote there is the classic fault of smart quotes. */
int typo_elision_at(const char *s, size_t n, size_t i)
{
	if (i + 2 < n && is_digit(s[i + 1]) && is_digit(s[i + 2]) && (i + 3 == n || !is_digit(s[i + 3])))
		return 1;
	if (i + 2 < n && (s[i + 1] == 'n' || s[i + 1] == 'N') && s[i + 2] == '\'')
		return 1;
	/* Dutch: van 't Hooft, 's-Hertogenbosch, 's Gravenhage, 'k ('t is het, 's des) */
	if (i + 2 < n && strchr("tsk", s[i + 1]) && (s[i + 2] == ' ' || s[i + 2] == '-'))
		return 1;
	static const char *const words[] = {"tis", "twas", "til", "em", "cause", NULL};
	for (size_t w = 0; words[w]; w++) {
		size_t len = strlen(words[w]);
		if (i + 1 + len > n || g_ascii_strncasecmp(s + i + 1, words[w], len) != 0)
			continue;
		/* the word ends there, and no quote closes right after it ('em' is quoted) */
		char next = i + 1 + len < n ? s[i + 1 + len] : ' ';
		if (!g_ascii_isalpha(next) && next != '\'')
			return 1;
	}
	return 0;
}

/* Whether the number ending just before s[i] is a measure of degrees or minutes: a degree
 * sign (35°12) or a minutes' mark, straight or a prime (35°12'30) before its digits, a space
 * between allowed. */
static int after_degrees(const char *s, size_t i, int minutes)
{
	size_t b = i;
	while (b > 0 && (is_digit(s[b - 1]) || (s[b - 1] == '.' && b > 1 && is_digit(s[b - 2]))))
		b--;
	if (b > 0 && s[b - 1] == ' ')
		b--;
	if (b >= 2 && (unsigned char)s[b - 2] == 0xC2 && (unsigned char)s[b - 1] == 0xB0)
		return !minutes;
	if (!minutes)
		return 0;
	if (b >= 2 && s[b - 1] == '\'' && is_digit(s[b - 2]))
		return 1;
	return b >= 4 && (unsigned char)s[b - 3] == 0xE2 && (unsigned char)s[b - 2] == 0x80 &&
	       (unsigned char)s[b - 1] == 0xB2 && is_digit(s[b - 4]);
}

/* Whether the quotation open before the mark s[i] closes after it: the next mark of its kind
 * in the paragraph closes one, after a word and before a space, a punctuation mark or the
 * end ("gun," he said); an apostrophe inside a word is none */
static int closes_later(const char *s, size_t n, size_t i)
{
	for (size_t j = i + 1; j < n; j++) {
		if (s[j] == '\n' && j + 1 < n && s[j + 1] == '\n')
			return 0;
		if (s[j] != s[i] || (s[j] == '\'' && g_ascii_isalpha(s[j - 1]) && j + 1 < n && g_ascii_isalpha(s[j + 1])))
			continue;
		return !strchr(" \t\n", s[j - 1]) && (j + 1 == n || strchr(" \t\n.,;:!?)]", s[j + 1]));
	}
	return 0;
}

/* Whether the quote at s[i], after a digit, is a prime: feet and inches, minutes and seconds
 * (5'10", a 12" gun, a 6' mast, 45° 30' 15", 35°12'N). A quote after a number is a prime
 * unless a quotation of its kind is open (its mark closes it: "by 2050", 'in 1990'), in typed
 * text and in a source alike (a source's passage counts the quotations its paragraph opened
 * before it); inside one it is a prime before a space and a word when the quotation closes
 * later ("we fitted a 12" gun," he said), as none closes twice. Never before a letter
 * (1990's, 2019"s) but a compass point's or unit's after degrees (35°12'N, 35°12'30"N). */
int typo_prime_at(const char *s, size_t n, size_t i, int open_quotes)
{
	if (i == 0 || !is_digit(s[i - 1]))
		return 0;
	if (open_quotes > 0)
		return i + 2 < n && s[i + 1] == ' ' && g_ascii_isalpha(s[i + 2]) && closes_later(s, n, i);
	if (i + 1 < n && g_ascii_isalpha(s[i + 1]) && !after_degrees(s, i, s[i] == '"'))
		return 0;
	return 1;
}

/* Whether the straight single quote at s[i] groups a number's thousands, as Swiss German
 * and Liechtenstein set them (1'000, CHF 25'000, 1'250'000): one to three digits before
 * it (three after another group), three after it and no more; not a bearing's minutes
 * (35°12'345) nor feet before inches. Set as an apostrophe, it opens and closes nothing. */
int typo_thousands_at(const char *s, size_t n, size_t i)
{
	size_t b = i;
	while (b > 0 && i - b < 4 && is_digit(s[b - 1]))
		b--;
	if (b == i || i - b > 3 || (b > 0 && is_digit(s[b - 1])) || after_degrees(s, i, 0))
		return 0;
	if (b > 0 && s[b - 1] == '\'' && (i - b != 3 || b < 2 || !is_digit(s[b - 2])))
		return 0;
	if (i + 3 >= n || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3]))
		return 0;
	return i + 4 == n || (!is_digit(s[i + 4]) && s[i + 4] != '"');
}
