/* ties.c: the spaces a line never breaks at, though nobody typed a no-break space there
 * (number and unit or magnitude, currency code and amount, month and day, label and number,
 * title or initial and name). */
#include "typeset/ties.h"

#include <glib.h>
#include <string.h>

/* a word as the space sees it: bytes [a, b) of the text */
typedef struct word {
	const char *s;
	size_t n;
} word;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* the word without what may close it: "22," "km." "5)" "May”" */
static word bare(word w)
{
	for (;;) {
		if (w.n > 0 && strchr(".,;:)]!?", w.s[w.n - 1]))
			w.n--;
		else if (w.n >= 3 && (memcmp(w.s + w.n - 3, "\xE2\x80\x9D", 3) == 0 || memcmp(w.s + w.n - 3, "\xE2\x80\x99", 3) == 0))
			w.n -= 3;
		else
			return w;
	}
}

/* w without the punctuation after a closing guillemet ("»," "»." "»)") */
static word bare_marks(word w)
{
	while (w.n > 0 && strchr(".,;:)]!?", w.s[w.n - 1]))
		w.n--;
	return w;
}

/* One letter of any script and a full stop: "z.", "т." (lower: a lowercase one) */
static int is_letter_dot(word w, int lower)
{
	if (w.n < 2 || w.n > 5)
		return 0;
	gunichar c = g_utf8_get_char_validated(w.s, (gssize)w.n);
	if (c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isalpha(c))
		return 0;
	const char *after = g_utf8_next_char(w.s);
	if (after != w.s + w.n - 1 || w.s[w.n - 1] != '.')
		return 0;
	return !lower || g_unichar_islower(c);
}

/* w without the brackets before an opening guillemet ("(«") */
static word before_marks(word w)
{
	while (w.n > 0 && (w.s[0] == '(' || w.s[0] == '['))
		w.s++, w.n--;
	return w;
}

static int is(word w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == w.n && memcmp(list[i], w.s, w.n) == 0)
			return 1;
	return 0;
}

static int is_number(word w);

/* Units a number is tied to ("40 km"), and a slash between two of them does not break
 * ("µg/m³"). */
static const char *const unit_names[] = {
	"km", "m", "cm", "mm", "nm", "kg", "g", "mg", "t", "kt", "Mt", "lb", "lbs", "oz", "ft", "mi",
	"yd", "ha", "l", "L", "ml", "mL", "s", "ms", "min", "h", "hr", "hrs", "W", "kW", "MW", "GW",
	"TW", "kWh", "MWh", "GWh", "TWh", "V", "kV", "A", "mA", "Hz", "kHz", "MHz", "GHz", "K",
	"\xC2\xB0" "C", "\xC2\xB0" "F", "C", "F", "%", "bn", "mn", "tn", "bcm", "tcm", "bpd", "mph", "km/h",
	"kph", "kn", "kts", "dB", "kB", "MB", "GB", "TB", "Mbps", "Gbps", "million", "billion",
	"trillion", "percent", "\xC2\xB5g", "\xCE\xBCg", "ng", "pg", "\xC2\xB5m", "\xCE\xBCm", "\xC2\xB5L",
	"\xCE\xBCL", "\xC2\xB5l", "dL", "dl", "ppm", "ppb", "ppt", "mol", "mmol", "\xC2\xB5mol", "yr", "yrs",
	"Bq", "kBq", "Sv", "mSv", "\xC2\xB5Sv", "Pa", "kPa", "MPa", "hPa", "mbar", "kJ", "MJ", "GJ", "kcal",
	"m\xC2\xB2", "km\xC2\xB2", "m\xC2\xB3", "cm\xC2\xB3", "dwt", "DWT", "GT", "TEU", "TEUs", "knots", "nmi",
	"bbl", "mcg", "IU", "mmHg", "kDa",
	/* a time's zone: "0342 UTC", "14:00 GMT" */
	"UTC", "GMT", "CET", "CEST", "EET", "EEST", "BST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
	"JST", "KST", "MSK", "IST", "AEST", "AEDT",
	/* a sign, a currency or a magnitude after the number, as European sources set them:
	 * "1 250 000 €", "3,5 Prozent", "9,5 Mrd. Euro", "9,5 млрд евро", "2019 г." (a year) */
	"\xE2\x82\xAC", "\xC2\xA3", "\xE2\x82\xBD", "\xE2\x82\xB4", "Euro", "Prozent", "Mrd", "Mio", "Milliarden",
	"Millionen", "euros", "milliards", "millions", "\xD0\xBC\xD0\xBB\xD1\x80\xD0\xB4", "\xD0\xBC\xD0\xBB\xD0\xBD",
	"\xD1\x82\xD1\x8B\xD1\x81", "\xD0\xB5\xD0\xB2\xD1\x80\xD0\xBE", "\xD1\x80\xD1\x83\xD0\xB1", "\xD0\xB3",
	"\xD0\xB3\xD0\xB3", NULL};

/* A unit of the list, or one of SI's with a prefix: "µBq", "kGy", "nSv", "MWh" */
static int is_unit(word w, const char *const *list)
{
	if (is(w, list))
		return 1;
	static const char *const prefixes[] = {"k", "M", "G", "T", "P", "m", "c", "d", "n", "p", "f",
					       "\xC2\xB5", "\xCE\xBC", NULL};
	static const char *const base[] = {"Bq", "Sv", "Gy", "Ci", "g", "m", "L", "l", "s", "W", "Wh", "J", "Pa", "V",
					   "A", "Hz", "mol", "eV", "bar", "N", "\xCE\xA9", NULL};
	for (size_t i = 0; prefixes[i]; i++) {
		size_t k = strlen(prefixes[i]);
		if (w.n > k && memcmp(w.s, prefixes[i], k) == 0 && is((word){w.s + k, w.n - k}, base))
			return 1;
	}
	return 0;
}

/* The word up to a slash: "MW" of "MW/200", "112.40" of "112.40/MWh" (a rate or a pair:
 * the slash does not break either, nodes.c) */
static word before_slash(word w)
{
	const char *slash = memchr(w.s, '/', w.n);
	if (slash)
		w.n = (size_t)(slash - w.s);
	return w;
}

/* The word after its last slash: "200" of "MW/200" */
static word after_slash(word w)
{
	for (size_t i = w.n; i-- > 0;)
		if (w.s[i] == '/')
			return (word){w.s + i + 1, w.n - i - 1};
	return w;
}

/* The number after a time mark: "145.2" of "T+145.2", "10" of "H-10" (a capital and a sign) */
static word after_mark(word w)
{
	if (w.n > 2 && g_ascii_isupper(w.s[0]) && (w.s[1] == '+' || w.s[1] == '-'))
		return (word){w.s + 2, w.n - 2};
	return (word){w.s, 0};
}

/* A number or a range of two: "30-45", "30–45" */
static int is_number_or_range(word w)
{
	if (is_number(w))
		return 1;
	for (size_t i = 1; i + 1 < w.n; i++) {
		size_t dash = w.s[i] == '-' ? 1 : (i + 3 < w.n && memcmp(w.s + i, "\xE2\x80\x93", 3) == 0) ? 3 : 0;
		if (dash)
			return is_number((word){w.s, i}) && is_number((word){w.s + i + dash, w.n - i - dash});
	}
	return 0;
}

/* The length of a superscript exponent that ends w ("⁻³" of "10⁻³"), 0 if none. */
static size_t exponent_len(word w)
{
	size_t n = w.n;
	for (;;) {
		if (n >= 2 && (memcmp(w.s + n - 2, "\xC2\xB2", 2) == 0 || memcmp(w.s + n - 2, "\xC2\xB3", 2) == 0 ||
			       memcmp(w.s + n - 2, "\xC2\xB9", 2) == 0))
			n -= 2;
		else if (n >= 3 && memcmp(w.s + n - 3, "\xE2\x81", 2) == 0 &&
			 ((unsigned char)w.s[n - 1] == 0xB0 || ((unsigned char)w.s[n - 1] >= 0xB4 && (unsigned char)w.s[n - 1] <= 0xBB)))
			n -= 3; /* ⁰ ⁴-⁹ ⁺ ⁻ */
		else
			return w.n - n;
	}
}

/* "3", "1,200", "0.5", "$40", "€1.2": digits, separators between them, a sign or
 * currency before; "10⁻³", a power of ten */
static int is_number(word w)
{
	w.n -= exponent_len(w);
	size_t i = 0;
	/* "(>1 m/yr)", "[≤0.1 µg/L": an opening bracket, then a sign, a bound or a currency */
	if (w.n > 1 && (w.s[0] == '(' || w.s[0] == '['))
		i = 1;
	/* a source's words keep their hyphen-minus ("-24 C", README: Typewriter marks) */
	static const char *const lead[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", "\xE2\x88\x92", "-", "+", "~", "<", ">",
					   "\xE2\x89\xA4", "\xE2\x89\xA5", "\xE2\x89\x88", "\xC2\xB1", NULL};
	for (size_t k = 0; lead[k]; k++)
		if (w.n > i + strlen(lead[k]) && memcmp(w.s + i, lead[k], strlen(lead[k])) == 0) {
			i += strlen(lead[k]);
			break;
		}
	if (i >= w.n || !g_ascii_isdigit(w.s[i]) || !g_ascii_isdigit(w.s[w.n - 1]))
		return 0;
	for (; i < w.n; i++)
		if (!g_ascii_isdigit(w.s[i]) && !((w.s[i] == ',' || w.s[i] == '.') && g_ascii_isdigit(w.s[i + 1])))
			return 0;
	return 1;
}

/* a day of the month: 1 to 31, "22nd" */
static int is_day(word w)
{
	size_t d = 0;
	while (d < w.n && g_ascii_isdigit(w.s[d]))
		d++;
	if (d == 0 || d > 2 || (d < w.n && !(w.n - d == 2 && g_ascii_isalpha(w.s[d]) && g_ascii_isalpha(w.s[d + 1]))))
		return 0;
	int v = w.s[0] - '0';
	if (d == 2)
		v = v * 10 + (w.s[1] - '0');
	return v >= 1 && v <= 31;
}

static int is_year(word w)
{
	return w.n == 4 && g_ascii_isdigit(w.s[0]) && g_ascii_isdigit(w.s[1]) && g_ascii_isdigit(w.s[2]) &&
	       g_ascii_isdigit(w.s[3]);
}

static int is_month(word w)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
		"November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
		"Oct.", "Nov.", "Dec.",
		/* as a table's dates are often typed, "Jan 8", "Dec 22" (the README's example) */
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", NULL};
	/* German's, French's, and Russian's and Ukrainian's after a day ("22 января") */
	static const char *const others[] = {
		"Januar", "J\xC3\xA4nner", "Februar", "M\xC3\xA4rz", "Mai", "Juni", "Juli", "Oktober", "Dezember",
		"janvier", "f\xC3\xA9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\xC3\xBBt", "septembre",
		"octobre", "novembre", "d\xC3\xA9" "cembre", "\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F",
		"\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F", "\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0",
		"\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F", "\xD0\xBC\xD0\xB0\xD1\x8F", "\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F",
		"\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F", "\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0",
		"\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", "\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F",
		"\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", "\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F",
		"\xD1\x81\xD1\x96\xD1\x87\xD0\xBD\xD1\x8F", "\xD0\xBB\xD1\x8E\xD1\x82\xD0\xBE\xD0\xB3\xD0\xBE",
		"\xD0\xB1\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB7\xD0\xBD\xD1\x8F", "\xD0\xBA\xD0\xB2\xD1\x96\xD1\x82\xD0\xBD\xD1\x8F",
		"\xD1\x82\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBD\xD1\x8F", "\xD1\x87\xD0\xB5\xD1\x80\xD0\xB2\xD0\xBD\xD1\x8F",
		"\xD0\xBB\xD0\xB8\xD0\xBF\xD0\xBD\xD1\x8F", "\xD1\x81\xD0\xB5\xD1\x80\xD0\xBF\xD0\xBD\xD1\x8F",
		"\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB5\xD1\x81\xD0\xBD\xD1\x8F", "\xD0\xB6\xD0\xBE\xD0\xB2\xD1\x82\xD0\xBD\xD1\x8F",
		"\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82\xD0\xBE\xD0\xBF\xD0\xB0\xD0\xB4\xD0\xB0", "\xD0\xB3\xD1\x80\xD1\x83\xD0\xB4\xD0\xBD\xD1\x8F",
		NULL};
	word b = w;
	if (b.n > 0 && b.s[b.n - 1] == ',')
		b.n--;
	return is(b, months) || is(b, others);
}

static int starts_upper(word w)
{
	return w.n > 0 && g_unichar_isupper(g_utf8_get_char_validated(w.s, (gssize)w.n));
}

/* "J." (any script's capital) */
static int is_initial(word w)
{
	if (w.n < 2 || w.s[w.n - 1] != '.')
		return 0;
	const char *next = g_utf8_find_next_char(w.s, w.s + w.n);
	return next == w.s + w.n - 1 && starts_upper(w);
}

/* A currency's ISO 4217 code ("SEK", "HUF"), or "US$" */
static int is_currency(word w)
{
	static const char codes[] =
		" AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP"
		" BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP"
		" GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR"
		" KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK"
		" MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR"
		" SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS"
		" UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL ";
	if (w.n == 3 && w.s[0] == 'U' && w.s[1] == 'S' && w.s[2] == '$')
		return 1;
	if (w.n != 3 || !g_ascii_isupper(w.s[0]) || !g_ascii_isupper(w.s[1]) || !g_ascii_isupper(w.s[2]))
		return 0;
	char key[6] = {' ', w.s[0], w.s[1], w.s[2], ' ', 0};
	return strstr(codes, key) != NULL;
}

/* The words before and after the space at text[sp], within [lo, hi). */
static void words_beside(const char *text, size_t lo, size_t hi, size_t sp, word *prev, word *next)
{
	size_t a = sp;
	while (a > lo && !is_space(text[a - 1]))
		a--;
	size_t c = sp;
	while (c < hi && is_space(text[c]))
		c++;
	size_t d = c;
	while (d < hi && !is_space(text[d]))
		d++;
	*prev = (word){text + a, sp - a};
	*next = (word){text + c, d - c};
}

/* The word after an opening bracket: "Ord." of "(Ord." */
static word after_bracket(word w)
{
	if (w.n > 1 && (w.s[0] == '(' || w.s[0] == '['))
		return (word){w.s + 1, w.n - 1};
	return (word){w.s, 0};
}

/* Capitals only, from lo to hi of them: "IMO", "ISO" */
static int is_capitals(word w, size_t lo, size_t hi)
{
	if (w.n < lo || w.n > hi)
		return 0;
	for (size_t i = 0; i < w.n; i++)
		if (!g_ascii_isupper(w.s[i]))
			return 0;
	return 1;
}

static size_t digits_in(word w)
{
	size_t d = 0;
	for (size_t i = 0; i < w.n; i++)
		d += g_ascii_isdigit(w.s[i]) != 0;
	return d;
}

/* A latitude or longitude: degrees, then minutes and seconds perhaps, and a compass
 * letter: "35°12′N", "129°05′E", "51.5°N" */
static int is_coordinate(word w)
{
	static const char degree[] = "\xC2\xB0";
	const char *deg = w.n > 3 ? g_strstr_len(w.s, (gssize)w.n, degree) : NULL;
	if (!deg || deg == w.s || !g_ascii_isdigit(w.s[0]) || !strchr("NSEW", w.s[w.n - 1]))
		return 0;
	for (const char *p = w.s; p < deg; p++)
		if (!g_ascii_isdigit(*p) && *p != '.')
			return 0;
	return 1;
}

/* A number and the mark of its unit of feet or minutes, or degrees: "5′", "30′", "35°";
 * with last, the marks that end a measure's last part: "11″", "15″", "12′" */
static int is_measure_part(word w, int last)
{
	static const char *const first_marks[] = {"\xE2\x80\xB2", "\xC2\xB0", NULL};
	static const char *const last_marks[] = {"\xE2\x80\xB2", "\xE2\x80\xB3", NULL};
	const char *const *marks = last ? last_marks : first_marks;
	for (size_t k = 0; marks[k]; k++) {
		size_t m = strlen(marks[k]);
		if (w.n > m && memcmp(w.s + w.n - m, marks[k], m) == 0 && is_number((word){w.s, w.n - m}))
			return 1;
	}
	return 0;
}

/* Three digits, with a decimal part after them or not: "000", "250,50" */
static int is_group(word w)
{
	if (w.n < 3 || !g_ascii_isdigit(w.s[0]) || !g_ascii_isdigit(w.s[1]) || !g_ascii_isdigit(w.s[2]))
		return 0;
	if (w.n == 3)
		return 1;
	if (w.s[3] != ',' && w.s[3] != '.')
		return 0;
	for (size_t i = 4; i < w.n; i++)
		if (!g_ascii_isdigit(w.s[i]))
			return 0;
	return w.n > 4;
}

/* A time on the clock: "12:26", "9:05", "14.30" is not one (a number) */
static int is_clock(word w)
{
	size_t i = 0;
	while (i < w.n && i < 2 && g_ascii_isdigit(w.s[i]))
		i++;
	if (i == 0 || i >= w.n || w.s[i] != ':')
		return 0;
	return w.n == i + 3 && g_ascii_isdigit(w.s[i + 1]) && g_ascii_isdigit(w.s[i + 2]);
}

/* Ties of punctuation set apart from its words: guillemets set with spaces, French's high
 * marks after a space, and an abbreviation of two letters with a space inside */
static int ties_marks(word prev, word next)
{
	/* guillemets set with spaces keep them: "« guillemets »" never "«" / "guillemets" */
	static const char *const opening[] = {"\xC2\xAB", "\xE2\x80\xB9", NULL}, *const closing[] = {"\xC2\xBB", "\xE2\x80\xBA", NULL};
	if (is(before_marks(prev), opening) || is(bare_marks(next), closing))
		return 1;
	/* an abbreviation of two letters with a space inside, "z. B.", "d. h.", "т. е.", "т. д." */
	word second = next;
	while (second.n > 2 && strchr(",;:)", second.s[second.n - 1]))
		second.n--;
	if (is_letter_dot(prev, 1) && is_letter_dot(second, 0))
		return 1;
	/* French sets a space before : ; ! and ?, and a wire types it plain ("proverbe : « Qui"):
	 * the mark never starts a line */
	if (next.n <= 2 && strchr(":;!?", next.s[0]) && (next.n == 1 || strchr(":;!?", next.s[1])))
		return 1;
	return 0;
}

int ties_space(const char *text, size_t lo, size_t hi, size_t sp)
{
	word prev, next;
	words_beside(text, lo, hi, sp, &prev, &next);
	if (prev.n == 0 || next.n == 0)
		return 0;
	/* a spaced ellipsis stays whole, with the stop before it ("ended. . . ." never ". Then"
	 * on a line of its own: a typed-typography trial) */
	if (prev.s[prev.n - 1] == '.' && next.s[0] == '.' && (next.n == 1 || !g_ascii_isalnum(next.s[1])))
		return 1;
	if (ties_marks(prev, next))
		return 1;
	static const char *const labels[] = {"p.", "pp.", "No.", "no.", "Nos.", "nos.", "Vol.", "vol.", "Art.",
					     "art.", "Ch.", "ch.", "Sec.", "sec.", "Fig.", "fig.", "Para.",
					     "para.", "paras.", "Paras.", "ext.", "Ext.", "tel.", "Tel.", "Nr.", "nr.", "Cm.", "Cmd.",
					     "Cmnd.", "HC", "HL", "Ord.", "Res.", "Reg.", "Regs.", "Doc.", "Pt.", "Cl.", "Sched.",
					     "Eq.", "Ref.", "\xC2\xA7", "\xC2\xA7\xC2\xA7", "\xC2\xB6", "\xC2\xB6\xC2\xB6", NULL};
	/* a person's title, and a ship's prefix ("MV Ocean Meridian", "HMS Astute") */
	static const char *const titles[] = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Col.", "Lt.", "Maj.",
					     "Capt.", "Adm.", "Sgt.", "Cpl.", "St.", "Sen.", "Rep.", "Gov.",
					     "Amb.", "Rev.", "Fr.", "MV", "M/V", "FV", "F/V", "MT", "M/T", "RV", "R/V",
					     "SS", "HMS", "USS", "USNS", "HMCS", "HMAS", "HMNZS", NULL};
	if ((is_number_or_range(after_slash(prev)) || is_number(after_mark(prev))) &&
	    (is_unit(bare(next), unit_names) || is_unit(before_slash(next), unit_names) || is_currency(bare(next))))
		return 1;
	/* a time of day and its half or zone: "9 a.m.", "9–10 a.m.", "12:26 p.m.", "14:00 GMT" (a
	 * typographer's trial: "at 12:26" / "p.m. local time") */
	static const char *const halves[] = {"a.m", "p.m", "am", "pm", "AM", "PM", "A.M", "P.M", NULL};
	if ((is_number_or_range(prev) || is_clock(prev) || is_clock(after_bracket(prev))) &&
	    (is(bare(next), halves) || (is_clock(prev) && is_unit(bare(next), unit_names))))
		return 1;
	/* a number in scientific notation: "2.7 × 10⁻³" */
	static const char times[] = "\xC3\x97";
	if ((is_number(prev) && next.n == 2 && memcmp(next.s, times, 2) == 0) ||
	    (prev.n == 2 && memcmp(prev.s, times, 2) == 0 && is_number(bare(next))))
		return 1;
	/* a currency's code and its amount: "EUR 112.40", "USD 1.2 bn", "SEK 11.42" */
	if (is_currency(prev) && is_number_or_range(bare(before_slash(next))))
		return 1;
	if (is_month(prev) && is_day(bare(next)))
		return TIES_STRONG;
	if (is_month(prev) && is_year(bare(next)))
		return TIES_WEAK;
	/* a German day is an ordinal, "22. Januar" */
	word day = prev;
	if (day.n > 1 && day.s[day.n - 1] == '.')
		day.n--;
	if (is_day(day) && (is_month(next) || is_month(bare(next))))
		return 1;
	/* a number grouped by spaces, "1 250 000", as French and Russian sources and analysts
	 * type it (a trial's Key point set "1 250" / "000 EUR") */
	if (digits_in(prev) == prev.n && prev.n >= 1 && prev.n <= 3 && is_group(bare(next)))
		return 1;
	if ((is(prev, labels) || is(after_bracket(prev), labels)) && g_ascii_isdigit(next.s[0]))
		return 1;
	/* a register's capitals and the number they label: "IMO 9456127", "ISO 9001", "RFC 2616" */
	if (is_capitals(prev, 2, 5) && digits_in(bare(next)) >= 4 && g_ascii_isdigit(next.s[0]))
		return 1;
	/* a height, an angle or a time in its parts: "5′ 11″", "30′ 15″", "35° 12′" (a
	 * typographer's trial: "A 5′" / "11″ trader") */
	if (is_measure_part(prev, 0) && is_measure_part(bare(next), 1))
		return 1;
	/* a position: "35°12′N 129°05′E" */
	if (is_coordinate(prev) && is_coordinate(bare(next)))
		return 1;
	/* a relation of a statistic and its value: "p = 0.03", "n < 120" */
	static const char *const relations[] = {"=", "<", ">", "\xE2\x89\xA4", "\xE2\x89\xA5", "\xE2\x89\x88", "\xE2\x89\xA0", NULL};
	if ((is(next, relations) && prev.n <= 2 && g_ascii_isalnum(prev.s[prev.n - 1])) ||
	    (is(prev, relations) && (g_ascii_isdigit(next.s[0]) || is_number(bare(next)))))
		return 1;
	/* a half, a quarter or a fiscal year and its year: "H1 2022", "Q3 2023", "FY 2024" */
	if (((prev.n == 2 && (prev.s[0] == 'H' || prev.s[0] == 'Q') && prev.s[1] >= '1' && prev.s[1] <= '4') ||
	     (prev.n == 2 && memcmp(prev.s, "FY", 2) == 0)) &&
	    is_year(bare(next)))
		return 1;
	/* a sign set apart from its number: "SONIA + 1.35%" */
	static const char *const signs[] = {"+", "\xE2\x88\x92", "\xC2\xB1", NULL};
	if (is(prev, signs) && g_ascii_isdigit(next.s[0]))
		return 1;
	/* "e.g." and "i.e." stay with the example they bring (a typographer's trial: a line
	 * ended "(e.g."); with a comma after them, the break after it is the usual one */
	static const char *const leads[] = {"e.g.", "i.e.", "(e.g.", "(i.e.", "cf.", "(cf.", "viz.", NULL};
	if (is(prev, leads))
		return 1;
	/* a document named by its number: "Case C-718/18", "Article 5", "Resolution 2397",
	 * "Directive 2009/72/EC" (a reader's trial: "Case" / "C-718/18") */
	static const char *const named[] = {"Case",     "Cases",  "Article", "Articles", "Annex",    "Directive",
					    "Regulation", "Resolution", "Decision", "Section", "Chapter", "Paragraph",
					    "Figure",   "Table",  "Rule",    NULL};
	if ((is(prev, named) || is(after_bracket(prev), named)) && (g_ascii_isdigit(next.s[0]) ||
				(next.n >= 3 && g_ascii_isupper(next.s[0]) && next.s[1] == '-' && g_ascii_isdigit(next.s[2]))))
		return 1;
	return (is(prev, titles) || is_initial(prev)) && starts_upper(next);
}

int ties_elision_space(const char *text, size_t lo, size_t hi, size_t sp)
{
	word prev, next;
	words_beside(text, lo, hi, sp, &prev, &next);
	static const char elision[] = "[\xE2\x80\xA6]";
	size_t en = sizeof elision - 1;
	if (next.n >= en && memcmp(next.s, elision, en) == 0) {
		size_t e = (size_t)(next.s - text) + en;
		while (e < hi && (is_space(text[e]) || strchr(".,;:!?)]\"'", text[e])))
			e++;
		if (e >= hi)
			return 1;
	}
	if (prev.n == en && memcmp(prev.s, elision, en) == 0) {
		size_t b = (size_t)(prev.s - text);
		while (b > lo && is_space(text[b - 1]))
			b--;
		size_t words = 0;
		for (size_t k = lo; k < b; k++)
			words += !is_space(text[k]) && (k == lo || is_space(text[k - 1]));
		return words <= 1;
	}
	return 0;
}

int ties_is_month(const char *s, size_t n)
{
	word w = bare((word){s, n});
	return is_month(w);
}

int ties_is_unit(const char *s, size_t n)
{
	return n > 0 && is_unit((word){s, n}, unit_names);
}

int ties_is_currency(const char *s, size_t n)
{
	return is_currency((word){s, n});
}
