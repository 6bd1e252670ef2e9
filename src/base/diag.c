/* diag.c: prints diagnostics the way compilers do, so editors can jump to them, and never
 * lets a file name or a quoted text speak to the terminal. */
#include "base/diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void diag_init(diag *d, FILE *out)
{
	/* a brief that quotes one repeated phrase 10,000 times would otherwise print a warning
	 * for each (1.2 MB); 20 show the problem, the count says how big it is */
	*d = (diag){.out = out, .max_errors = 20, .max_warnings = 20};
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
			if (k == 0 || utf8_is_control(c))
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
		} else { /* a C1 control: one character, two bytes */
			char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
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

/* The whole line is built first and written with one call, so that it reaches the stream
 * in one piece. */
static void emit(diag *d, loc at, const char *kind, const char *fmt, va_list ap)
{
	strbuf line = {0};
	if (at.file) {
		put_visible(&line, at.file, strlen(at.file));
		if (at.line > 0)
			sb_printf(&line, ":%d", at.line);
		if (at.line > 0 && at.col > 0)
			sb_printf(&line, ":%d", at.col);
	} else {
		sb_puts(&line, "mkbrief");
	}
	sb_printf(&line, ": %s: ", kind);
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

void diag_warning(diag *d, loc at, const char *fmt, ...)
{
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
	if (a && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
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
