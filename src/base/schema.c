/* schema.c: typed getters over the located YAML tree, each value checked and each error
 * reported at its node, for every loader of YAML. */
#include "base/schema.h"

#include <ctype.h>
#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"

void schema_error(schema *S, const ynode *n, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_error(S->d, ynode_loc(S->t, n), "%s", buf);
	S->errors++;
}

void schema_error_at(schema *S, loc at, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_error(S->d, at, "%s", buf);
	S->errors++;
}

int schema_expect(schema *S, const ynode *n, ynode_kind kind, const char *what)
{
	if (ynode_expect(S->t, n, kind, what, S->d))
		return 1;
	S->errors++;
	return 0;
}

size_t schema_entries(schema *S, const ynode *n, ynode_kind kind, const char *what, const char *if_empty)
{
	if (!schema_expect(S, n, kind, what))
		return 0;
	size_t count = kind == YNODE_MAP ? n->npairs : n->nitems;
	if (count == 0 && if_empty)
		schema_error(S, n, "%s", if_empty);
	else if (count == 0)
		schema_error(S, n, "%s must not be an empty list", what);
	return count;
}

/* ymap_unknown_fn: the loader's own note on an unknown key, right after its error */
static int misplaced(const ynode *map, const ynode *key, int say, void *ctx)
{
	schema *S = ctx;
	return S->misplaced(S, map, key, say, S->misplaced_ctx);
}

int schema_keys(schema *S, const ynode *map, const char *what, const char *const *allowed,
		const char *const *required)
{
	int n = ymap_check_with(S->t, map, what, allowed, required, S->d, S->misplaced ? misplaced : NULL, S);
	S->errors += n;
	return n;
}

const ynode *schema_section(schema *S, const ynode *map, const char *key, const char *what,
			    const char *const *allowed)
{
	const ynode *n = ymap_get(map, key);
	if (!n)
		return NULL;
	if (n->kind != YNODE_MAP) {
		if (!ynode_is_null(n))
			schema_error(S, n, "%s must be a mapping, not %s", what, ynode_kind_name(n));
		return NULL;
	}
	schema_keys(S, n, what, allowed, NULL);
	return n;
}

/* 1 if s prints nothing: spaces, or only characters that print nothing (a zero-width space
 * or joiner, a soft hyphen, a word joiner: a title of U+200B alone passed as a title and
 * became the PDF's, a hostile trial); 2 for the latter. */
static int blank(const char *s)
{
	int invisible = 0;
	for (const char *p = s; *p;) {
		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		gunichar c = g_utf8_get_char_validated(p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2 || (!g_unichar_isspace(c) && g_unichar_type(c) != G_UNICODE_FORMAT))
			return 0;
		invisible = 1;
		p = g_utf8_next_char(p);
	}
	return invisible ? 2 : 1;
}

/* The file may not hold control characters, and neither may an escape ("\e", "\x85") put
 * one in a value: there is nothing to print for it. Nor a bidirectional embedding or
 * override (U+202A-U+202E): it runs on past the value, into the paragraph it is printed in
 * (a marking "(U)" + U+202E printed the text after it backwards). Returns the first
 * control character, else the first embedding or override, else 0; *override says which. */
static uint32_t control_in(const char *s, size_t len, int *override)
{
	uint32_t bidi = 0;
	for (size_t i = 0, k; i < len; i += k ? k : 1) {
		uint32_t cp = 0;
		k = utf8_decode(s + i, len - i, &cp);
		if (k && utf8_is_control(cp) && cp != '\n' && cp != '\t') {
			*override = 0;
			return cp;
		}
		if (k && !bidi && cp >= 0x202A && cp <= 0x202E)
			bidi = cp;
	}
	*override = bidi != 0;
	return bidi;
}

char *schema_string(schema *S, const ynode *n, const char *what, size_t max_chars)
{
	if (!n)
		return NULL;
	int empty = n->kind == YNODE_SCALAR ? (ynode_is_null(n) ? 1 : blank(n->str)) : 0;
	if (empty) {
		schema_error(S, n, "%s must not be empty%s", what,
			     empty == 2 ? " (it holds only characters that print nothing)" : "");
		return NULL;
	}
	if (!schema_expect(S, n, YNODE_SCALAR, what))
		return NULL;
	if (S->copied > SCHEMA_MAX_TEXT_BYTES)
		return NULL; /* said once, below */
	S->copied += n->len;
	if (S->copied > SCHEMA_MAX_TEXT_BYTES) {
		schema_error(S, n, "the text here and before it, each alias counted where it is used, is more than %u MiB; "
				   "a brief sets at most 2 MiB",
			     SCHEMA_MAX_TEXT_BYTES >> 20);
		return NULL;
	}
	if (strlen(n->str) != n->len) {
		/* a "\0" escape would silently cut the string short further on */
		schema_error(S, n, "%s contains a NUL character", what);
		return NULL;
	}
	int override;
	uint32_t cp = control_in(n->str, n->len, &override);
	if (cp && !override) {
		schema_error(S, n, "%s contains the control character U+%04X; remove it", what, (unsigned)cp);
		return NULL;
	}
	if (cp) {
		schema_error(S, n,
			     "%s contains the bidirectional control U+%04X, which reorders the text printed after "
			     "it; remove it (right-to-left words are set right to left without it)",
			     what, (unsigned)cp);
		return NULL;
	}
	size_t chars = max_chars ? (size_t)g_utf8_strlen(n->str, (gssize)n->len) : 0;
	if (chars > max_chars) {
		schema_error(S, n, "%s is %zu characters long; at most %zu are allowed", what, chars, max_chars);
		return NULL;
	}
	return g_string_chunk_insert(S->strings, n->str);
}

const char *schema_scalar(schema *S, const ynode *n, const char *what, const char *expected)
{
	if (n->kind == YNODE_SCALAR && !ynode_is_null(n) && n->len > 0)
		return n->str;
	schema_error(S, n, "%s must be %s, not %s", what, expected,
		     n->kind == YNODE_SCALAR && n->len == 0 ? "empty" : ynode_kind_name(n));
	return NULL;
}

/* map[key] as a scalar with a value: NULL when absent (*at NULL) or after reporting. */
static const char *value_of(schema *S, const ynode *map, const char *key, const char *what, const char *expected,
			    const ynode **at)
{
	*at = ymap_get(map, key);
	return *at ? schema_scalar(S, *at, what, expected) : NULL;
}

int schema_parse_length(const char *s, double *out)
{
	while (*s == ' ')
		s++;
	char *end;
	double v = strtod(s, &end);
	if (end == s || !isfinite(v))
		return -1;
	/* strtod also takes hex floats, "inf" and "nan": a length is plain decimal */
	for (const char *p = s; p < end; p++)
		if (!isdigit((unsigned char)*p) && *p != '.' && *p != '-' && *p != '+')
			return -1;
	while (*end == ' ')
		end++;
	double unit;
	if (*end == 0 || strcmp(end, "pt") == 0)
		unit = 1;
	else if (strcmp(end, "in") == 0)
		unit = PT_PER_IN;
	else if (strcmp(end, "mm") == 0)
		unit = PT_PER_MM;
	else if (strcmp(end, "cm") == 0)
		unit = 10 * PT_PER_MM;
	else
		return -1;
	*out = v * unit;
	return 0;
}

const ynode *schema_length(schema *S, const ynode *map, const char *key, const char *what, schema_sign sign,
			   double max, double *out)
{
	const ynode *n;
	const char *s = value_of(S, map, key, what, "a length such as 10pt, 6mm or 1in", &n);
	double v;
	if (!s)
		return NULL;
	if (schema_parse_length(s, &v) != 0) {
		schema_error(S, n, "%s: '%s' is not a length; write a number with pt, mm, cm or in (e.g. 10.5pt)",
			     what, s);
		return NULL;
	}
	if (sign == SCHEMA_POSITIVE && v <= 0) {
		schema_error(S, n, "%s must be greater than zero, not %s", what, s);
		return NULL;
	}
	if (sign == SCHEMA_NONNEG && v < 0) {
		schema_error(S, n, "%s must not be negative, not %s", what, s);
		return NULL;
	}
	if (max > 0 && fabs(v) > max) {
		schema_error(S, n, "%s is %s; more than %gpt (%.3gin) is not a sensible value here", what, s, max,
			     max / PT_PER_IN);
		return NULL;
	}
	*out = v;
	return n;
}

rgb schema_hex(unsigned v)
{
	rgb c = {((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0};
	return c;
}

static int parse_color(const char *s, rgb *out)
{
	if (s[0] != '#' || strlen(s) != 7)
		return -1;
	for (int i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)s[i]))
			return -1;
	*out = schema_hex((unsigned)strtoul(s + 1, NULL, 16));
	return 0;
}

const ynode *schema_color(schema *S, const ynode *map, const char *key, const char *what, rgb *out)
{
	const ynode *n;
	const char *s = value_of(S, map, key, what, "a colour such as \"#1F4E79\"", &n);
	if (!s)
		return NULL;
	if (parse_color(s, out) != 0) {
		schema_error(S, n, "%s: '%s' is not a colour; write \"#RRGGBB\" in quotes (e.g. \"#1F4E79\")", what,
			     s);
		return NULL;
	}
	return n;
}

static int parse_bool(const char *s, int *out)
{
	static const char *const yes[] = {"true", "yes", "on", NULL}, *const no[] = {"false", "no", "off", NULL};
	for (int i = 0; yes[i]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return *out = 1, 0;
	for (int i = 0; no[i]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return *out = 0, 0;
	return -1;
}

void schema_bool(schema *S, const ynode *map, const char *key, const char *what, int *out)
{
	const ynode *n;
	const char *s = value_of(S, map, key, what, "true or false", &n);
	if (s && parse_bool(s, out) != 0)
		schema_error(S, n, "%s must be true or false, not '%s'", what, s);
}

const ynode *schema_int(schema *S, const ynode *map, const char *key, const char *what, int lo, int hi,
			int *out)
{
	const ynode *n;
	const char *s = value_of(S, map, key, what, "a whole number", &n);
	if (!s)
		return NULL;
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end) {
		schema_error(S, n, "%s must be a whole number, not '%s'", what, s);
		return NULL;
	}
	if (v < lo || v > hi) {
		schema_error(S, n, "%s must be between %d and %d, not %s", what, lo, hi, s);
		return NULL;
	}
	*out = (int)v;
	return n;
}

void schema_percent(schema *S, const ynode *map, const char *key, const char *what, double hi, double *out)
{
	const ynode *n;
	const char *s = value_of(S, map, key, what, "a percentage such as 2%", &n);
	if (!s)
		return;
	char *end;
	double v = strtod(s, &end);
	if (end == s || strcmp(end, "%") != 0 || v != v) {
		schema_error(S, n, "%s must be a percentage such as 2%%, not '%s'", what, s);
		return;
	}
	if (v < 0 || v > hi) {
		schema_error(S, n, "%s must be between 0%% and %g%%, not %s", what, hi, s);
		return;
	}
	*out = v / 100;
}

void schema_text(schema *S, const ynode *map, const char *key, const char *what, char **out)
{
	const ynode *n = ymap_get(map, key);
	if (!n)
		return;
	if (n->kind != YNODE_SCALAR) {
		schema_error(S, n, "%s must be a string, not %s", what, ynode_kind_name(n));
		return;
	}
	*out = g_string_chunk_insert(S->strings, ynode_is_null(n) ? "" : n->str);
}

int schema_choice(schema *S, const ynode *map, const char *key, const char *what, const char *const *choices,
		  int *out)
{
	const ynode *n;
	const char *s = value_of(S, map, key, what, "one of the listed words", &n);
	if (!s)
		return 0;
	for (int i = 0; choices[i]; i++)
		if (strcmp(s, choices[i]) == 0)
			return *out = i, 1;
	char *list = g_strjoinv(", ", (char **)choices);
	const char *near = nearest_word(s, choices);
	if (near)
		schema_error(S, n, "%s must be one of %s, not '%s'; did you mean '%s'?", what, list, s, near);
	else
		schema_error(S, n, "%s must be one of %s, not '%s'", what, list, s);
	g_free(list);
	return 0;
}

int schema_lang_tag(const char *s)
{
	size_t n = 0;
	while (isalpha((unsigned char)s[n]))
		n++;
	if (n < 2 || n > 8)
		return 0;
	for (s += n; *s;) {
		if (*s++ != '-')
			return 0;
		n = 0;
		while (isalnum((unsigned char)s[n]))
			n++;
		if (n < 1 || n > 8)
			return 0;
		s += n;
	}
	return 1;
}

void schema_lang_case(char *s)
{
	for (char *p = s; *p;) {
		size_t len = strcspn(p, "-");
		for (size_t i = 0; i < len; i++) {
			int upper = p != s && (len == 2 || (len == 4 && i == 0));
			p[i] = (char)(upper ? toupper((unsigned char)p[i]) : tolower((unsigned char)p[i]));
		}
		p += len;
		if (*p)
			p++;
	}
}
