/* yaml_hints.c: why libyaml refused a file, said as a compiler would: its error at the
 * place, and a note on the usual cause (a key out of line, a value with ': ' or a quoted
 * phrase at its start left unquoted, a key under a plain item, a source article given as
 * the brief). */
#include "base/yaml_hints.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"

static void parse_error(diag *d, const char *file, yaml_mark_t mark, const char *fmt, const char *arg)
{
	diag_error(d, loc_at(file, (int)mark.line + 1, (int)mark.column + 1), fmt, arg);
}

/* The key a line of text starts, after its indentation and any "- ": its column (from 1)
 * and length, 0 when the line starts none ("cite: a p3" and "- text: x" do; prose does). */
static int line_key(const char *text, size_t len, size_t at, int *col, size_t *klen)
{
	size_t i = at;
	while (i < len && text[i] == ' ')
		i++;
	while (i + 1 < len && text[i] == '-' && text[i + 1] == ' ') {
		i += 2;
		while (i < len && text[i] == ' ')
			i++;
	}
	size_t k = i;
	while (k < len && (g_ascii_isalnum(text[k]) || text[k] == '-' || text[k] == '_'))
		k++;
	if (k == i || k >= len || text[k] != ':' || (k + 1 < len && text[k + 1] != ' ' && text[k + 1] != '\n' &&
						      text[k + 1] != '\r'))
		return 0;
	*col = (int)(i - at) + 1;
	*klen = k - i;
	return 1;
}

/* Whether a key in column col after the line starting at byte at closes deeper levels
 * back to one an earlier key opened: a line before it has a key in that column, with
 * none further left between them. */
static int dedents_to(const char *text, size_t len, size_t at, int col)
{
	while (at > 0) {
		size_t s0 = at - 1;
		while (s0 > 0 && text[s0 - 1] != '\n')
			s0--;
		int c;
		size_t k;
		if (line_key(text, len, s0, &c, &k)) {
			if (c == col)
				return 1;
			if (c < col)
				return 0;
		}
		at = s0;
	}
	return 0;
}

/* libyaml's messages for a key out of line with the one before it ("mapping values are not
 * allowed", "did not find expected '-' indicator") name no cause: when the line of the
 * error starts a key in another column than the key of the line before, say so. */
static int note_misaligned_key(diag *d, const char *file, const char *text, size_t len, size_t line)
{
	size_t starts[2] = {0, 0}; /* the error's line, the last line before it that is not blank */
	size_t at = 0, n = 0;
	for (size_t i = 0; i < len && n < line; i++)
		if (text[i] == '\n') {
			n++;
			at = i + 1;
		}
	if (n != line)
		return 0;
	starts[0] = at;
	int found = 0;
	for (size_t e = at; e > 0 && !found;) {
		size_t s0 = e - 1; /* the newline that ends the line before */
		while (s0 > 0 && text[s0 - 1] != '\n')
			s0--;
		size_t i = s0;
		while (i < e - 1 && (text[i] == ' ' || text[i] == '\r'))
			i++;
		if (i < e - 1 && text[i] != '#') {
			starts[1] = s0;
			found = 1;
		}
		e = s0;
	}
	int c0, c1;
	size_t k0, k1;
	if (!found || !line_key(text, len, starts[0], &c0, &k0) || !line_key(text, len, starts[1], &c1, &k1) || c0 == c1)
		return 0;
	/* a key with nothing after it opens what the next lines hold, indented further */
	size_t v = starts[1] + (size_t)c1 - 1 + k1 + 1;
	while (v < len && text[v] == ' ')
		v++;
	if (v >= len || text[v] == '\n' || text[v] == '\r' || text[v] == '#' || text[v] == '|' || text[v] == '>')
		return 0;
	if (c0 < c1 && dedents_to(text, len, starts[1], c0))
		return 0;
	int prev_line = 1;
	for (size_t i = 0; i < starts[1]; i++)
		prev_line += text[i] == '\n';
	diag_note(d, loc_at(file, (int)line + 1, c0),
		  "'%.*s' is in column %d, but '%.*s' on line %d is in column %d: keys at one level start in "
		  "one column (indent with spaces to line them up)",
		  (int)k0, text + starts[0] + c0 - 1, c0, (int)k1, text + starts[1] + c1 - 1, prev_line, c1);
	return 1;
}

/* The byte of text a mark stands at: libyaml counts characters, not bytes, in index and
 * column (a curly quote is one). */
size_t yaml_mark_byte(const char *text, size_t len, const yaml_mark_t *m)
{
	size_t i = 0;
	for (size_t line = 0; line < m->line && i < len; i++)
		if (text[i] == '\n')
			line++;
	for (size_t col = 0; col < m->column && i < len && text[i] != '\n'; col++) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* Whether a file that is no YAML is an article (README's article format): named .txt, or
 * with a "Publication:" line among its first lines. */
static int looks_like_article(const char *name, const char *text, size_t len)
{
	size_t n = name ? strlen(name) : 0;
	if (n > 4 && strcmp(name + n - 4, ".txt") == 0)
		return 1;
	int line = 0;
	for (size_t i = 0; i < len && line < 6; line++) {
		if (len - i >= 12 && memcmp(text + i, "Publication:", 12) == 0)
			return 1;
		while (i < len && text[i] != '\n')
			i++;
		i++;
	}
	return 0;
}

/* Whether the colon at byte i ends its line (spaces and a comment may follow). */
static int colon_ends_line(const char *text, size_t len, size_t i)
{
	if (i >= len || text[i] != ':')
		return 0;
	for (i++; i < len && text[i] == ' '; i++)
		;
	return i >= len || text[i] == '\n' || text[i] == '\r' || text[i] == '#';
}

/* The start of line `line` (0-based) of text, or len. */
static size_t line_start(const char *text, size_t len, size_t line)
{
	size_t i = 0;
	for (size_t n = 0; n < line && i < len; i++)
		if (text[i] == '\n')
			n++;
	return i;
}

/* The start of the last line before the one starting at `at` that holds more than spaces
 * and a comment, or (size_t)-1; *number its line number, 1-based. */
static size_t prev_content_line(const char *text, size_t len, size_t at, int *number)
{
	while (at > 0) {
		size_t s0 = at - 1;
		while (s0 > 0 && text[s0 - 1] != '\n')
			s0--;
		size_t i = s0;
		while (i < len && (text[i] == ' ' || text[i] == '\r'))
			i++;
		if (i < at - 1 && text[i] != '#') {
			*number = 1;
			for (size_t k = 0; k < s0; k++)
				*number += text[k] == '\n';
			return s0;
		}
		at = s0;
	}
	return (size_t)-1;
}

/* "mapping values are not allowed" at a key under a plain list item ("- The switch cost
 * EUR 1.6 bn." then "  cite: grid p2"): the item is a string, and the key reads as more
 * of it. Notes that the item must be a mapping, and returns 1; 0 when that is not the case. */
static int note_key_under_plain_item(diag *d, const char *file, const char *text, size_t len, size_t line)
{
	size_t at = line_start(text, len, line);
	int col;
	size_t klen;
	if (at >= len || !line_key(text, len, at, &col, &klen))
		return 0;
	int number;
	size_t prev = prev_content_line(text, len, at, &number);
	if (prev == (size_t)-1)
		return 0;
	size_t i = prev;
	while (i < len && text[i] == ' ')
		i++;
	int dash_col = (int)(i - prev) + 1, pc;
	size_t pk;
	if (i + 1 >= len || text[i] != '-' || text[i + 1] != ' ' || line_key(text, len, prev, &pc, &pk) || col <= dash_col)
		return 0;
	size_t v = i + 2;
	while (v < len && text[v] == ' ')
		v++;
	if (v >= len || strchr("\"'[{|>&*!#\r\n", text[v]))
		return 0;
	size_t e = v;
	while (e < len && text[e] != '\n' && text[e] != '\r' && e - v < 40)
		e++;
	diag_note(d, loc_at(file, (int)line + 1, col),
		  "the item on line %d is plain text, so '%.*s:' reads as more of it: to give it '%.*s', make it a "
		  "mapping, '- text: %.*s%s' with '%.*s:' under 'text:'",
		  number, (int)klen, text + at + col - 1, (int)klen, text + at + col - 1, (int)(e - v), text + v,
		  e < len && text[e] != '\n' && text[e] != '\r' ? "..." : "", (int)klen, text + at + col - 1);
	return 1;
}

/* "mapping values are not allowed" at a key indented under the continued lines of a plain
 * value ("- text:", then the text, then "  cite: grid p1" in the text's column): YAML reads
 * the key as more of the text, and quoting it, as the usual note says, would print
 * "cite: grid p1". Notes the column of the key that owns the text; returns 1 when said. */
static int note_key_in_text(diag *d, const char *file, const char *text, size_t len, size_t line)
{
	size_t at = line_start(text, len, line);
	int col, number;
	size_t klen;
	if (at >= len || !line_key(text, len, at, &col, &klen))
		return 0;
	/* up through the text's lines (no key, indented as far) to the key they belong to */
	int continued = 0;
	for (size_t prev = prev_content_line(text, len, at, &number); prev != (size_t)-1;
	     prev = prev_content_line(text, len, prev, &number)) {
		int pc;
		size_t pk;
		size_t i = prev;
		while (i < len && text[i] == ' ')
			i++;
		if (!line_key(text, len, prev, &pc, &pk)) {
			if ((int)(i - prev) + 1 < col || text[i] == '-')
				return 0;
			continued = 1;
			continue;
		}
		size_t v = prev + (size_t)pc - 1 + pk + 1;
		while (v < len && text[v] == ' ')
			v++;
		int opens = v >= len || text[v] == '\n' || text[v] == '\r';
		if (pc >= col || !(continued || !opens))
			return 0;
		diag_note(d, loc_at(file, (int)line + 1, col),
			  "'%.*s:' is read as more of the text of '%.*s' on line %d, indented as far as that text: "
			  "start it in the column of '%.*s:' (column %d)",
			  (int)klen, text + at + col - 1, (int)pk, text + prev + pc - 1, number, (int)pk,
			  text + prev + pc - 1, pc);
		return 1;
	}
	return 0;
}

/* "did not find expected key" (or '-' indicator, or a flow's ',') just after a closing quote: a value that
 * starts with a quoted phrase ("Weaponize frequency" is the phrase.), or a value put in
 * double quotes that holds some ("Schools -- "fell through the net" -- say"), ends at the
 * quote, and YAML finds words after it. Notes how to write it; returns whether it did. */
static int note_quoted_start(diag *d, const char *file, const char *text, size_t len, const yaml_mark_t *m)
{
	size_t at = yaml_mark_byte(text, len, m), ls = line_start(text, len, m->line);
	size_t q = at;
	while (q > ls && text[q - 1] == ' ')
		q--;
	if (q == ls || (text[q - 1] != '"' && text[q - 1] != '\''))
		return 0;
	char quote = text[q - 1];
	/* the value that ends there starts with the same quote where a value may start: after
	 * "key: ", "- " (a list item, a cell of a row), or "[", "{" or "," in a flow */
	size_t v = q - 1;
	while (v > ls && text[v - 1] != quote)
		v--;
	if (v == ls)
		return 0;
	v--;
	size_t before = v;
	while (before > ls && text[before - 1] == ' ')
		before--;
	if (before > ls && !strchr("-:[{,", text[before - 1]))
		return 0;
	/* in single quotes an apostrophe is doubled ("isn't" as 'isn''t') */
	size_t le = at;
	while (le < len && text[le] != '\n' && text[le] != '\r')
		le++;
	int apostrophe = quote == '"' && memchr(text + at, '\'', le - at) != NULL;
	diag_note(d, loc_at(file, (int)m->line + 1, (int)(v - ls) + 1),
		  "a value in %s quotes ends at the next one, and YAML finds words after it: for quotes inside a "
		  "value, put the whole value in %s quotes%s, e.g. %s",
		  quote == '"' ? "double" : "single", quote == '"' ? "single" : "double",
		  apostrophe ? ", each apostrophe in it doubled" : "",
		  quote != '"'   ? "text: \"'Weaponize' is the word.\""
		  : apostrophe ? "text: '\"Weaponize\" isn''t the word.'"
			       : "text: '\"Weaponize\" is the word.'");
	return 1;
}

/* A flow mapping or list left open because a '#' after a space in it started a comment
 * ("colors: {accent: #7A1F1F}" reads as "colors: {accent:" and a comment): libyaml says so
 * on the next line, where it looked for the '}'. Notes the '#' in the flow's lines. */
static int note_hash_in_flow(diag *d, const char *file, const char *text, size_t len, const yaml_parser_t *p)
{
	size_t at = yaml_mark_byte(text, len, &p->context_mark), end = yaml_mark_byte(text, len, &p->problem_mark);
	char quote = 0;
	int line = (int)p->context_mark.line + 1;
	if (at >= end) {
		/* at the file's end both marks are there: the flow is on the last line with text */
		size_t last = prev_content_line(text, len, end, &line);
		if (last == (size_t)-1)
			return 0;
		at = last;
	}
	size_t ls = at;
	while (ls > 0 && text[ls - 1] != '\n')
		ls--;
	for (size_t i = at; i < end && i < len; i++) {
		char c = text[i];
		if (c == '\n') {
			line++;
			ls = i + 1;
			quote = 0;
		} else if (quote) {
			quote = c == quote ? 0 : quote;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
			/* the value around it, from after its key's colon to the next comma or bracket */
			size_t b = i, e = i;
			while (b > ls && !strchr(":{[,", text[b - 1]))
				b--;
			while (b < i && text[b] == ' ')
				b++;
			while (e < len && !strchr(",}]\r\n", text[e]))
				e++;
			while (e > i && text[e - 1] == ' ')
				e--;
			diag_note(d, loc_at(file, line, (int)(i - ls) + 1),
				  "a '#' after a space starts a comment, which leaves out the rest of the line and its "
				  "closing bracket: put the value in quotes, e.g. \"%.*s\"",
				  (int)(e - b > 60 ? 60 : e - b), text + b);
			return 1;
		}
	}
	return 0;
}

/* A bracket inside an unquoted value in a flow ("{date: 2022-09-28, text: A note.^[Said.]}"):
 * in { } and [ ] a plain value ends at a bracket or a comma, so libyaml stops at it. */
static int note_bracket_in_flow(diag *d, const char *file, const char *text, size_t len, const yaml_mark_t *m)
{
	size_t at = yaml_mark_byte(text, len, m), ls = line_start(text, len, m->line);
	if (at >= len || at == ls || !strchr("[]{}", text[at]) || text[at - 1] == ' ' || strchr(",:[{", text[at - 1]))
		return 0;
	/* the value: from after its key's ": " (or the bracket or comma before it) to the end
	 * of the flow's line, less the closing bracket */
	size_t b = at, e = at;
	while (b > ls && !strchr("{[,", text[b - 1]) && !(text[b - 1] == ' ' && b - 1 > ls && text[b - 2] == ':'))
		b--;
	while (e < len && text[e] != '\n' && text[e] != '\r')
		e++;
	while (e > at + 1 && text[e - 1] == ' ')
		e--;
	if (e > at + 1 && strchr("}]", text[e - 1]))
		e--; /* the flow's own closing bracket */
	diag_note(d, loc_at(file, (int)m->line + 1, (int)(at - ls) + 1),
		  "inside { } or [ ] a value without quotes ends at a bracket or a comma: put the value in quotes, "
		  "e.g. \"%.*s\"",
		  (int)(e - b > 60 ? 60 : e - b), text + b);
	return 1;
}

/* widths: [*, auto]: a '*' that starts a value opens an alias (a reference to an &anchor). */
static int note_alias(diag *d, const char *file, const char *text, size_t len, const yaml_parser_t *p)
{
	if (!p->context || strcmp(p->context, "while scanning an alias") != 0)
		return 0;
	/* the example as the value stands: in a flow (widths: [*, auto]), a list item, a key's value */
	size_t at = yaml_mark_byte(text, len, &p->context_mark), b = at;
	while (b > 0 && text[b - 1] == ' ')
		b--;
	char before = b > 0 ? text[b - 1] : '\n';
	const char *eg = before == '[' || before == ',' ? "widths: [\"*\", auto]"
			 : before == '-'		 ? "- \"*Curtailment* rose 18%\""
							 : "text: \"*Curtailment* rose 18%\"";
	diag_note(d, loc_at(file, (int)p->context_mark.line + 1, (int)p->context_mark.column + 1),
		  "a value that starts with '*' reads as an alias (a reference to an &anchor): put it in "
		  "quotes, e.g. %s",
		  eg);
	return 1;
}

/* At the file's end libyaml marks the line after the last: the error is said at the end of
 * the last line with text, where the reader can see it. */
static void mark_at_text(const char *text, size_t len, yaml_mark_t *m)
{
	int number;
	size_t last = m->column == 0 && yaml_mark_byte(text, len, m) >= len ? prev_content_line(text, len, len, &number)
									    : (size_t)-1;
	if (last == (size_t)-1)
		return;
	size_t e = last;
	while (e < len && text[e] != '\n' && text[e] != '\r')
		e++;
	m->line = (size_t)number - 1;
	m->column = (size_t)g_utf8_strlen(text + last, (gssize)(e - last));
}

/* libyaml reads a key only within 1024 characters of where it starts (a "simple key"):
 * past that its colon is "mapping values are not allowed", and a hint on quoting a value
 * would mislead. Reports the key at its start and returns 1 when the colon at m ends one. */
#define YAML_SIMPLE_KEY_MAX 1024
static int report_long_key(diag *d, const char *file, const char *text, size_t len, const yaml_mark_t *m)
{
	size_t at = yaml_mark_byte(text, len, m), ls = line_start(text, len, m->line), k = ls;
	if (at >= len || at < ls || text[at] != ':')
		return 0;
	while (k < at && (text[k] == ' ' || (text[k] == '-' && k + 1 < at && text[k + 1] == ' ')))
		k++;
	for (size_t i = k; i + 1 < at; i++)
		if (text[i] == ':' && text[i + 1] == ' ')
			return 0;
	glong chars = g_utf8_strlen(text + k, (gssize)(at - k));
	if (chars <= YAML_SIMPLE_KEY_MAX)
		return 0;
	loc key = loc_at(file, (int)m->line + 1, (int)g_utf8_strlen(text + ls, (gssize)(k - ls)) + 1);
	diag_error(d, key, "invalid YAML: this key is %ld characters long; YAML allows a key at most %d", (long)chars,
		   YAML_SIMPLE_KEY_MAX);
	diag_note(d, key, "keys are short names, as 'text' and 'cite' are; a long text goes in a value after one");
	return 1;
}

void yaml_report_parse_error(diag *d, const char *file, const yaml_parser_t *p, const char *text, size_t len)
{
	yaml_mark_t m = p->problem_mark;
	if (p->error == YAML_READER_ERROR) {
		/* reader errors (control characters) carry a byte offset, not a mark */
		int line, col;
		size_t off = p->problem_offset < len ? p->problem_offset : len;
		text_linecol(text, off, &line, &col);
		m.line = (size_t)line - 1;
		m.column = (size_t)col - 1;
		if (p->problem_value >= 0 && p->problem_value < 0x20) {
			char msg[128];
			snprintf(msg, sizeof msg, "invalid YAML: %s (0x%02x); is this a binary file?",
				 p->problem ? p->problem : "unreadable character", (unsigned)p->problem_value);
			parse_error(d, file, m, "%s", msg);
			return;
		}
	}
	if (yaml_mark_byte(text, len, &p->problem_mark) < len && text[yaml_mark_byte(text, len, &p->problem_mark)] == '\t') {
		parse_error(d, file, m, "tab character%s; YAML indentation must use spaces", "");
		return;
	}
	int cr_only = 0; /* lines ended by CR alone (an old Mac's), which the marks do not count */
	for (size_t i = 0; i < len && !cr_only; i++)
		cr_only = text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n');
	if (p->error != YAML_READER_ERROR && !cr_only)
		mark_at_text(text, len, &m);
	if (p->problem && strcmp(p->problem, "mapping values are not allowed in this context") == 0 &&
	    report_long_key(d, file, text, len, &m))
		return;
	char msg[512];
	if (p->context)
		snprintf(msg, sizeof msg, "invalid YAML: %s %s", p->problem ? p->problem : "syntax error",
			 p->context);
	else
		snprintf(msg, sizeof msg, "invalid YAML: %s", p->problem ? p->problem : "syntax error");
	parse_error(d, file, m, "%s", msg);
	if (looks_like_article(file, text, len)) {
		diag_note(d, loc_at(file, (int)m.line + 1, (int)m.column + 1),
			  "this looks like a source article, not YAML: a brief names it under 'sources', and "
			  "'mkbrief new %s' writes one that does",
			  file);
		return;
	}
	/* the notes below read lines ended by LF; a file whose lines end in CR alone (an old
	 * Mac's) would get them for the wrong lines */
	if (cr_only) {
		diag_note(d, loc_at(file, (int)m.line + 1, (int)m.column + 1),
			  "this file ends its lines with CR alone; saved with LF (or CR LF) line ends, its "
			  "errors can be shown with their lines");
		return;
	}
	if (note_alias(d, file, text, len, p))
		return;
	/* a key out of line says all: a note on quoting would mislead */
	if (p->error != YAML_READER_ERROR && note_misaligned_key(d, file, text, len, m.line))
		return;
	/* "{accent: #7A1F1F}" on the file's last line: libyaml looked past it for the value */
	if (p->problem && p->context && strstr(p->context, "flow") &&
	    (strcmp(p->problem, "did not find expected ',' or ']'") == 0 ||
	     strcmp(p->problem, "did not find expected ',' or '}'") == 0 ||
	     strcmp(p->problem, "did not find expected node content") == 0) &&
	    note_hash_in_flow(d, file, text, len, p))
		return;
	if (p->problem && p->context && strstr(p->context, "flow") &&
	    (strcmp(p->problem, "did not find expected ',' or ']'") == 0 ||
	     strcmp(p->problem, "did not find expected ',' or '}'") == 0) &&
	    note_bracket_in_flow(d, file, text, len, &m))
		return;
	if (p->problem && (strcmp(p->problem, "did not find expected key") == 0 ||
			   strcmp(p->problem, "did not find expected '-' indicator") == 0 ||
			   strcmp(p->problem, "did not find expected ',' or ']'") == 0 ||
			   strcmp(p->problem, "did not find expected ',' or '}'") == 0) &&
	    note_quoted_start(d, file, text, len, &m))
		return;
	if (p->problem && strcmp(p->problem, "mapping values are not allowed in this context") == 0 &&
	    (note_key_under_plain_item(d, file, text, len, m.line) || note_key_in_text(d, file, text, len, m.line)))
		return;
	if (p->problem && strcmp(p->problem, "mapping values are not allowed in this context") == 0) {
		/* libyaml marks the second colon: the usual cause is prose with ': ' in a plain
		 * value; one that holds double quotes goes in single quotes */
		size_t at = yaml_mark_byte(text, len, &m), ls = line_start(text, len, m.line), le = at;
		while (le < len && text[le] != '\n' && text[le] != '\r')
			le++;
		int dq = memchr(text + ls, '"', le - ls) != NULL;
		diag_note(d, loc_at(file, (int)m.line + 1, (int)m.column + 1), "%s",
			  colon_ends_line(text, len, at)
				  ? "a value that ends in ':' must be quoted, e.g. text: \"The scenarios:\" (or use a block scalar, text: |)"
			  : dq ? "a value with ': ' inside must be quoted, in single quotes as it holds double ones, e.g. "
				 "text: 'He said: \"no\"' (or use a block scalar, text: |)"
			       : "a value with ': ' inside must be quoted, e.g. text: \"He said: no\" (or use a block scalar, text: |)");
	}
}
