/* diag.c: prints diagnostics the way compilers do, so editors can jump to them, and never
 * lets a file name or a quoted text speak to the terminal. */
#include "base/diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "base/util.h"

void diag_init(diag *d, FILE *out)
{
	/* a brief that quotes one repeated phrase 10,000 times would otherwise print a warning
	 * for each (1.2 MB); 20 show the problem, the count says how big it is */
	*d = (diag){.out = out, .max_errors = 20, .max_warnings = 20};
	d->color = diag_color_choice("auto", out);
	const char *form = getenv("MKBRIEF_DIAGNOSTICS");
	d->context = !(form && strcmp(form, "short") == 0);
}

int diag_color_choice(const char *when, FILE *out)
{
	if (strcmp(when, "always") == 0)
		return 1;
	if (strcmp(when, "never") == 0)
		return 0;
	if (strcmp(when, "auto") != 0)
		return -1;
	/* https://no-color.org: present and not empty */
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
	if ((no && *no) || (term && strcmp(term, "dumb") == 0))
		return 0;
	return out && isatty(fileno(out));
}

loc loc_at(const char *file, int line, int col)
{
	loc l = {file, line, col};
	return l;
}

loc loc_none(void)
{
	loc l = {NULL, 0, 0};
	return l;
}

/* Appends s[0, n) to sb in the visible form diag.h describes. A line break is escaped like
 * any control: a diagnostic is one line, so a file name cannot forge another. */
/* The marks that reorder the text after them on a terminal (embeddings, overrides,
 * isolates): a source or a file name holding one could make a message read otherwise
 * than it is ("Trojan Source", CVE-2021-42574). */
static int is_bidi_control(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static void put_visible(strbuf *sb, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;
	while (i < n) {
		/* printable runs are copied whole: the common case costs one append */
		size_t run = i;
		uint32_t c = 0;
		size_t k = 0;
		while (run < n) {
			k = utf8_decode(s + run, n - run, &c);
			if (k == 0 || utf8_is_control(c) || is_bidi_control(c))
				break;
			run += k;
		}
		sb_append(sb, s + i, run - i);
		i = run;
		if (i == n)
			break;
		if (k == 0 || c < 0x80) { /* a byte that is not UTF-8, or a C0 control or DEL */
			unsigned char b = (unsigned char)s[i];
			char esc[4] = {'\\', 'x', hex[b >> 4], hex[b & 15]};
			sb_append(sb, esc, sizeof esc);
			i++;
		} else { /* a C1 control, or a bidi embedding, override or isolate */
			char esc[6] = {'\\', 'u', hex[(c >> 12) & 15], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15]};
			sb_append(sb, esc, sizeof esc);
			i += k;
		}
	}
}

void diag_put_visible(FILE *out, const char *s, size_t n)
{
	strbuf sb = {0};
	put_visible(&sb, s, n);
	if (sb.len)
		fwrite(sb.data, 1, sb.len, out);
	sb_free(&sb);
}

#define CONTEXT_MAX_LINE (1u << 20) /* a longer line is not shown */
#define CONTEXT_WINDOW 100            /* characters of a long line shown around the column */

/* The regular file path opened to read, or NULL: a FIFO or a device named as a brief is
 * never waited on or read without end to show a line of it. */
static FILE *open_regular(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	FILE *f = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "rb") : NULL;
	if (!f)
		close(fd);
	return f;
}

/* Line `line` of the regular file `path` (without its line break), or NULL. The file is
 * read again for each message: messages are few (20 at most), and nothing is held. */
static char *source_line(const char *path, int line, size_t *len)
{
	FILE *f = open_regular(path);
	if (!f)
		return NULL;
	strbuf sb = {0};
	int at = 1, c;
	while ((c = getc(f)) != EOF) {
		if (c == '\n') {
			if (at++ == line)
				break;
			continue;
		}
		if (at == line) {
			if (sb.len >= CONTEXT_MAX_LINE)
				break;
			sb_putc(&sb, c == '\t' || c == '\r' ? ' ' : (char)c);
		}
	}
	fclose(f);
	if (at < line || (at == line && c == EOF && !sb.len) || sb.len >= CONTEXT_MAX_LINE) {
		sb_free(&sb);
		return NULL;
	}
	*len = sb.len;
	if (!sb.data)
		return xstrdup("");
	return sb.data;
}

static size_t utf8_chars(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* The byte offset of character `chars` of s (or n). */
static size_t utf8_offset(const char *s, size_t n, size_t chars)
{
	size_t i = 0;
	while (i < n && chars) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars--;
	}
	return i;
}

#define FIND_MAX_LINES 1000 /* a value longer than this is not searched past it */

loc loc_find_first(loc at, const char *const *texts, int n)
{
	if (!at.file || at.line <= 0 || at.col <= 0 || n <= 0)
		return at;
	FILE *f = open_regular(at.file);
	if (!f)
		return at;
	loc found = at;
	char *line = NULL;
	size_t cap = 0, indent = 0;
	ssize_t got;
	for (int k = 1; k < at.line + FIND_MAX_LINES && (got = getline(&line, &cap, f)) >= 0; k++) {
		size_t len = (size_t)got;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (k < at.line)
			continue;
		if (len > CONTEXT_MAX_LINE)
			break; /* a line no message shows */
		size_t ind = 0, from = 0;
		while (ind < len && line[ind] == ' ')
			ind++;
		if (k == at.line) {
			indent = ind;
			from = utf8_offset(line, len, (size_t)at.col - 1);
		} else if (ind < len && ind <= indent) {
			break; /* the next key or item: the value ended */
		}
		const char *hit = NULL;
		for (int t = 0; t < n; t++) {
			const char *h = *texts[t] ? mem_find(line + from, line + len, texts[t]) : NULL;
			if (h && (!hit || h < hit))
				hit = h;
		}
		if (hit) {
			found = loc_at(at.file, k, 1 + (int)utf8_chars(line, (size_t)(hit - line)));
			break;
		}
	}
	free(line);
	fclose(f);
	return found;
}

#define C_BOLD "\033[1m"
#define C_RESET "\033[0m"

/* Like gcc and rustc: the source line under the message, and a caret under its column
 *     3 | date: 2018-02-30
 *       |       ^
 * printed visibly, a long line cut to a window around the column. */
static void put_context(const diag *d, strbuf *out, loc at)
{
	size_t n;
	char *text = at.file && at.line > 0 ? source_line(at.file, at.line, &n) : NULL;
	if (!text)
		return;
	size_t col = at.col > 0 ? (size_t)at.col - 1 : 0; /* characters before the caret */
	size_t from = 0, to = n;
	if (utf8_chars(text, n) > 2 * CONTEXT_WINDOW) {
		from = utf8_offset(text, n, col > CONTEXT_WINDOW / 2 ? col - CONTEXT_WINDOW / 2 : 0);
		to = from + utf8_offset(text + from, n - from, CONTEXT_WINDOW * 3 / 2);
	}
	size_t col_at = utf8_offset(text, n, col);
	if (col_at < from || col_at > to)
		col_at = from;
	strbuf shown = {0}, before = {0};
	if (from > 0)
		sb_puts(&shown, "...");
	put_visible(&shown, text + from, to - from);
	if (to < n)
		sb_puts(&shown, "...");
	if (from > 0)
		sb_puts(&before, "...");
	put_visible(&before, text + from, col_at - from);
	char num[16];
	int w = snprintf(num, sizeof num, "%d", at.line);
	if (w < 4)
		w = 4;
	sb_printf(out, " %*d | %s\n", w, at.line, shown.data ? shown.data : "");
	if (at.col > 0)
		sb_printf(out, " %*s | %*s%s^%s\n", w, "", (int)utf8_chars(before.data ? before.data : "", before.len), "",
			  d->color ? "\033[1;32m" : "", d->color ? C_RESET : "");
	sb_free(&shown);
	sb_free(&before);
	free(text);
}

/* The whole message is built first and written with one call, so that it reaches the
 * stream in one piece. */
static void emit(diag *d, loc at, const char *kind, const char *fmt, va_list ap)
{
	strbuf line = {0};
	if (d->color)
		sb_puts(&line, C_BOLD);
	if (at.file) {
		put_visible(&line, at.file, strlen(at.file));
		if (at.line > 0)
			sb_printf(&line, ":%d", at.line);
		if (at.line > 0 && at.col > 0)
			sb_printf(&line, ":%d", at.col);
	} else {
		sb_puts(&line, "mkbrief");
	}
	if (d->color) {
		const char *hue = kind[0] == 'e' ? "\033[1;31m" : kind[0] == 'w' ? "\033[1;35m" : "\033[1;36m";
		sb_printf(&line, ":" C_RESET " %s%s:" C_RESET " ", hue, kind);
	} else {
		sb_printf(&line, ": %s: ", kind);
	}
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n > 0) {
		char *msg = xmalloc((size_t)n + 1);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		put_visible(&line, msg, (size_t)n);
		free(msg);
	}
	sb_putc(&line, '\n');
	/* by address only: the last file's name may have been freed since */
	int same = kind[0] == 'n' && at.file && at.file == d->last.file && at.line == d->last.line;
	if (d->context && !same)
		put_context(d, &line, at);
	d->last = at;
	fwrite(line.data, 1, line.len, d->out);
	sb_free(&line);
}

void diag_error(diag *d, loc at, const char *fmt, ...)
{
	d->errors++;
	if (d->errors > d->max_errors) {
		if (!d->suppressed)
			fprintf(d->out, "mkbrief: error: too many errors (%d); stopping\n", d->max_errors);
		d->suppressed = 1;
		return;
	}
	d->suppressed = 0;
	va_list ap;
	va_start(ap, fmt);
	emit(d, at, "error", fmt, ap);
	va_end(ap);
}

/* FNV-1a of a warning's place and words. */
static uint64_t warning_hash(loc at, const char *fmt, va_list ap)
{
	uint64_t h = 1469598103934665603ull;
	char head[64];
	int n = snprintf(head, sizeof head, "%p:%d:%d:", (const void *)at.file, at.line, at.col);
	for (int i = 0; i < n && i < (int)sizeof head; i++)
		h = (h ^ (unsigned char)head[i]) * 1099511628211ull;
	char buf[512];
	vsnprintf(buf, sizeof buf, fmt, ap);
	for (const char *p = buf; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	return h;
}

void diag_warning(diag *d, loc at, const char *fmt, ...)
{
	/* the same warning at the same place, again at once (a block reached twice through a
	 * YAML alias), is said once */
	va_list hp;
	va_start(hp, fmt);
	uint64_t h = warning_hash(at, fmt, hp);
	va_end(hp);
	if (d->last_warning == h) {
		d->suppressed = 1;
		return;
	}
	d->last_warning = h;
	d->warnings++;
	d->suppressed = d->quiet || d->errors > d->max_errors || d->warnings_shown >= d->max_warnings;
	if (d->suppressed)
		return;
	d->warnings_shown++;
	va_list ap;
	va_start(ap, fmt);
	emit(d, at, "warning", fmt, ap);
	va_end(ap);
}

void diag_note(diag *d, loc at, const char *fmt, ...)
{
	if (d->suppressed)
		return;
	va_list ap;
	va_start(ap, fmt);
	emit(d, at, "note", fmt, ap);
	va_end(ap);
}

void diag_finish(diag *d)
{
	if (d->finished)
		return;
	d->finished = 1;
	int hidden = d->warnings - d->warnings_shown;
	if (d->quiet || hidden <= 0)
		return;
	fprintf(d->out, "mkbrief: warning: %d %swarning%s not shown\n", hidden, d->warnings_shown ? "more " : "",
		hidden == 1 ? "" : "s");
}

int diag_full(const diag *d)
{
	return d->errors > d->max_errors;
}

int diag_usage_error(const char *program, const char *msg, const char *arg)
{
	diag d;
	diag_init(&d, stderr);
	diag_error(&d, loc_none(), "%s%s%s", msg, arg ? ": " : "", arg ? arg : "");
	fprintf(stderr, "try '%s --help'\n", program);
	return 2;
}

const char *cmdline_next(cmdline *c)
{
	const char *a = c->i + 1 < c->argc ? c->argv[++c->i] : NULL;
	if (a && !c->operands && strcmp(a, "--") == 0) {
		c->operands = 1;
		a = c->i + 1 < c->argc ? c->argv[++c->i] : NULL;
	}
	if (a && !c->operands && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
		c->help = 1;
		return NULL;
	}
	return a;
}

const char *cmdline_value(cmdline *c, const char *opt)
{
	const char *v = cmdline_next(c);
	if (!v)
		diag_usage_error(c->program, "option needs a value", opt);
	return v;
}

void diag_note_nearest_file(diag *d, loc at, const char *path, const char *display)
{
	struct stat st;
	if (lstat(path, &st) == 0 || errno != ENOENT)
		return;
	char *near = path_nearest_sibling(path);
	char *dir = path_dirname(display);
	char *shown = near ? path_join(dir, near) : NULL;
	char *real_dir = path_dirname(path);
	if (!near && stat(real_dir, &st) != 0) {
		/* the directory mistyped ("article/" for "articles/"): the file in the nearest one */
		char *parent = path_dirname(real_dir), *shown_parent = path_dirname(dir);
		char *near_dir = path_nearest_entry(parent, path_basename(real_dir), 1);
		if (near_dir) {
			char *there = path_join(near_dir, path_basename(path)), *full = path_join(parent, there);
			if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
				shown = strcmp(shown_parent, ".") == 0 ? xstrdup(there) : path_join(shown_parent, there);
			free(there);
			free(full);
			free(near_dir);
		}
		free(parent);
		free(shown_parent);
	}
	if (shown)
		diag_note(d, at, "did you mean '%s'?", shown);
	free(shown);
	free(real_dir);
	free(dir);
	free(near);
}
