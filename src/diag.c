/* diag.c: prints diagnostics the way compilers do, so editors can jump to them. */
#include "diag.h"

#include <stdarg.h>

void diag_init(diag *d, FILE *out)
{
	d->out = out;
	d->errors = d->warnings = 0;
	d->max_errors = 20;
	d->quiet = 0;
	d->suppressed = 0;
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

static void emit(diag *d, loc at, const char *kind, const char *fmt, va_list ap)
{
	if (at.file && at.line > 0 && at.col > 0)
		fprintf(d->out, "%s:%d:%d: %s: ", at.file, at.line, at.col, kind);
	else if (at.file && at.line > 0)
		fprintf(d->out, "%s:%d: %s: ", at.file, at.line, kind);
	else if (at.file)
		fprintf(d->out, "%s: %s: ", at.file, kind);
	else
		fprintf(d->out, "mkbrief: %s: ", kind);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
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
	d->suppressed = d->quiet || d->errors > d->max_errors;
	if (d->suppressed)
		return;
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

int diag_full(const diag *d)
{
	return d->errors > d->max_errors;
}
