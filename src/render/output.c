/* output.c: the files mkbrief writes. Each goes to a temporary file beside its target
 * and is renamed only when complete, so a failed run never leaves a half-written file
 * and never damages the previous one. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "render/output.h"
#include "render/links.h"
#include "render/pdffinish.h"
#include "render/render.h"
#include "base/util.h"

typedef struct sink {
	FILE *f;
	char *tmp;    /* temporary path; NULL when writing straight to the target */
	char *target; /* the path renamed onto: a symbolic link's file, not the link */
	char *shown;  /* the path as the user gave it, for messages */
	int failed;
	int err;
} sink;

/* Temporary files being written, for the signal handlers: an interrupted run removes them.
 * This is the one piece of process-wide state output needs, because a signal handler can
 * reach nothing else; it is changed only with the signals blocked. */
static char **pending;
static size_t npending, cappending;

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	sink *s = closure;
	if (s->failed)
		return CAIRO_STATUS_WRITE_ERROR;
	if (fwrite(data, 1, len, s->f) != len) {
		s->failed = 1;
		s->err = errno;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* A PNG page on its way to its sink, with a pHYs chunk (its dots per inch) put in after the
 * header chunk, which cairo does not write: a viewer or office suite then takes the page at
 * its size, not at 72 or 96 dpi. */
typedef struct png_sink {
	sink *s;
	size_t seen; /* bytes passed on */
	int dpi;
} png_sink;

#define PNG_HEAD_BYTES 33 /* the signature (8) and the IHDR chunk (25) */

static cairo_status_t png_write(void *closure, const unsigned char *data, unsigned int len)
{
	png_sink *ps = closure;
	unsigned head = ps->seen < PNG_HEAD_BYTES ? (unsigned)(PNG_HEAD_BYTES - ps->seen) : 0;
	if (head > len)
		head = len;
	if (head && sink_write(ps->s, data, head) != CAIRO_STATUS_SUCCESS)
		return CAIRO_STATUS_WRITE_ERROR;
	ps->seen += head;
	if (head && ps->seen == PNG_HEAD_BYTES) {
		unsigned long ppm = (unsigned long)lround(ps->dpi / 0.0254);
		unsigned char c[21] = {0, 0, 0, 9, 'p', 'H', 'Y', 's'};
		for (int k = 0; k < 2; k++)
			for (int b = 0; b < 4; b++)
				c[8 + 4 * k + b] = (unsigned char)(ppm >> (24 - 8 * b));
		c[16] = 1; /* the unit: the metre */
		unsigned long crc = crc32(crc32(0L, Z_NULL, 0), c + 4, 13);
		for (int b = 0; b < 4; b++)
			c[17 + b] = (unsigned char)(crc >> (24 - 8 * b));
		if (sink_write(ps->s, c, sizeof c) != CAIRO_STATUS_SUCCESS)
			return CAIRO_STATUS_WRITE_ERROR;
	}
	ps->seen += len - head;
	return len > head ? sink_write(ps->s, data + head, len - head) : CAIRO_STATUS_SUCCESS;
}

static void block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGQUIT);
	sigaddset(&set, SIGPIPE);
	sigaddset(&set, SIGALRM);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGXCPU);
	sigaddset(&set, SIGVTALRM);
	sigaddset(&set, SIGPROF);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void pending_add(char *tmp)
{
	if (npending == cappending) {
		cappending = cappending ? cappending * 2 : 8;
		pending = xrealloc(pending, cappending * sizeof *pending);
	}
	pending[npending++] = tmp;
}

static void pending_remove(const char *tmp)
{
	sigset_t old;
	block_signals(&old);
	for (size_t i = 0; i < npending; i++)
		if (pending[i] == tmp) {
			pending[i] = pending[--npending];
			break;
		}
	if (npending == 0) {
		free(pending);
		pending = NULL;
		cappending = 0;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void on_signal(int sig)
{
	for (size_t i = 0; i < npending; i++)
		unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

void output_catch_signals(void)
{
	/* every signal whose default action ends the process (SIGXFSZ is ignored in main) */
	static const int sigs[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,   SIGPIPE,
				   SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++)
			sigaddset(&sa.sa_mask, sigs[k]);
		sigaction(sigs[i], &sa, NULL);
	}
}

static int sink_open(sink *s, const char *path, const file_set *inputs, diag *d)
{
	memset(s, 0, sizeof *s);
	if (strcmp(path, "-") == 0) {
		/* `-o - >> brief.yaml`: standard output redirected onto an input */
		const char *onto = file_set_find_fd(inputs, fileno(stdout));
		if (onto) {
			diag_error(d, loc_at("-", 0, 0),
				   "cannot write: standard output is %s, which mkbrief reads; redirect it elsewhere", onto);
			return -1;
		}
		s->f = stdout;
		s->target = xstrdup(path);
		s->shown = xstrdup(path);
		return 0;
	}
	const char *input = file_set_find(inputs, path);
	if (input) {
		diag_error(d, loc_at(path, 0, 0), "cannot write: this is %s, which mkbrief reads; name another output with -o",
			   input);
		return -1;
	}
	struct stat st;
	int exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		/* said now, before any file of the run is renamed into place */
		diag_error(d, loc_at(path, 0, 0), "cannot write: %s; the file was not changed", strerror(EISDIR));
		return -1;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/* a device, FIFO or socket (/dev/null, /dev/stdout): written to, never replaced */
		int fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd < 0 || !(s->f = fdopen(fd, "wb"))) {
			diag_error(d, loc_at(path, 0, 0), "cannot write: %s", strerror(errno));
			if (fd >= 0)
				close(fd);
			return -1;
		}
		s->target = xstrdup(path);
		s->shown = xstrdup(path);
		return 0;
	}
	/* through a symbolic link, the file it names is replaced (or made) and the link stays */
	struct stat lst;
	char *real = NULL;
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		real = realpath(path, NULL);
		if (!real && errno == ENOENT) {
			/* a link to a file not yet made: make the file it names, one link deep */
			char buf[PATH_MAX];
			ssize_t n = readlink(path, buf, sizeof buf - 1);
			struct stat t;
			if (n > 0) {
				buf[n] = 0;
				char *dir = path_dirname(path);
				real = buf[0] == '/' ? xstrdup(buf) : path_join(dir, buf);
				free(dir);
				if (lstat(real, &t) == 0) { /* a link to a link to nothing */
					free(real);
					real = NULL;
					errno = ELOOP;
				}
			}
		}
		if (!real) {
			diag_error(d, loc_at(path, 0, 0), "cannot write: %s (a symbolic link)", strerror(errno));
			return -1;
		}
	}
	s->target = real ? real : xstrdup(path);
	s->shown = xstrdup(path);
	char *dir = path_dirname(s->target);
	/* ".NAME.XXXXXX" beside the target, NAME cut short so that it stays a valid name */
	const char *base = path_basename(s->target);
	int keep = (int)strlen(base);
	if (keep > NAME_MAX - 8) {
		keep = NAME_MAX - 8;
		while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
			keep--;
	}
	char *tmpl = xasprintf("%s/.%.*s.XXXXXX", dir, keep, base);
	free(dir);
	sigset_t old;
	block_signals(&old);
	int fd = mkstemp(tmpl);
	if (fd >= 0)
		pending_add(tmpl);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0) {
		diag_error(d, loc_at(path, 0, 0), "cannot write: %s", strerror(errno));
		free(tmpl);
		free(s->target);
		free(s->shown);
		return -1;
	}
	s->tmp = tmpl;
	s->f = fdopen(fd, "wb");
	return 0;
}

static void sink_drop(sink *s)
{
	if (s->tmp) {
		unlink(s->tmp);
		pending_remove(s->tmp);
		free(s->tmp);
		s->tmp = NULL;
	}
	free(s->target);
	free(s->shown);
	s->target = s->shown = NULL;
}

/* Writes out and closes the file; removes the temporary file unless everything was
 * written and ok. Returns 0 when the file is complete (and not yet renamed). */
static int sink_finish(sink *s, int ok, diag *d)
{
	if (s->f == stdout) {
		if (fflush(stdout) != 0 || s->failed) {
			diag_error(d, loc_none(), "cannot write to standard output: %s", strerror(s->err ? s->err : errno));
			sink_drop(s);
			return -1;
		}
		return 0;
	}
	if (fflush(s->f) != 0 && !s->failed) {
		s->failed = 1;
		s->err = errno;
	}
	if (s->tmp && fsync(fileno(s->f)) != 0 && !s->failed && errno != EINVAL) {
		s->failed = 1;
		s->err = errno;
	}
	if (fclose(s->f) != 0 && !s->failed) {
		s->failed = 1;
		s->err = errno;
	}
	s->f = NULL;
	if (!ok || s->failed) {
		if (s->failed)
			diag_error(d, loc_at(s->shown, 0, 0), s->tmp ? "cannot write: %s; the file was not changed" : "cannot write: %s",
				   strerror(s->err));
		sink_drop(s);
		return -1;
	}
	return 0;
}

/* Renames a finished file into place. */
static int sink_commit(sink *s, diag *d)
{
	int rc = 0;
	if (s->tmp) {
		/* the temporary file has mode 0600; give the result the usual permissions */
		mode_t mask = umask(0);
		umask(mask);
		chmod(s->tmp, 0666 & ~mask);
		if (rename(s->tmp, s->target) != 0) {
			diag_error(d, loc_at(s->shown, 0, 0), "cannot write: %s; the file was not changed", strerror(errno));
			rc = -1;
		} else {
			pending_remove(s->tmp);
			free(s->tmp);
			s->tmp = NULL;
		}
	}
	sink_drop(s);
	return rc;
}

static int sink_close(sink *s, int ok, diag *d)
{
	if (sink_finish(s, ok, d) != 0)
		return -1;
	return sink_commit(s, d);
}

#define MAX_EPOCH 253402300799LL /* 9999-12-31T23:59:59Z */

int output_check_date_env(diag *d)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (!sde || !*sde)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(sde, &end, 10);
	/* digits only, as the reproducible-builds specification asks: strtoll alone took
	 * " 5", "+5" and "-0" and refused "5 " */
	if (!g_ascii_isdigit(sde[0]) || *end || errno || v < 0 || v > MAX_EPOCH) {
		diag_error(d, loc_none(),
			   "SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to %lld (the end of 9999), not '%s'",
			   MAX_EPOCH, sde);
		return -1;
	}
	return 0;
}

/* CreationDate: SOURCE_DATE_EPOCH when set (reproducible builds), else the brief's date,
 * never the clock, so the same inputs give the same bytes. */
static char *pdf_date(const doc *dc)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (g_ascii_isdigit(sde[0]) && !*end && v >= 0 && v <= MAX_EPOCH) {
			time_t t = (time_t)v;
			struct tm tm;
			gmtime_r(&t, &tm);
			char buf[64];
			strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
			return xstrdup(buf);
		}
	}
	return xasprintf("%sT00:00:00Z", dc->b->date ? dc->b->date : "2000-01-01");
}

static void pdf_metadata(cairo_surface_t *s, const doc *dc)
{
	const brief *b = dc->b;
	/* a draft says so wherever the file is listed by its title */
	char *title = xasprintf("%s%s", b->draft ? "DRAFT \xE2\x80\x94 " : "", dc->title_text ? dc->title_text : "");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	free(title);
	if (dc->author_text)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, dc->author_text);
	if (dc->subtitle_text)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, dc->subtitle_text);
	strbuf kw = {0};
	/* the control number first: the one keyword that names this very document */
	if (b->control)
		sb_printf(&kw, "%s", b->control);
	if (b->classification && kw.len)
		sb_printf(&kw, ", %s", b->classification);
	else if (b->classification)
		sb_printf(&kw, "%s", b->classification);
	for (size_t i = 0; i < b->nsources; i++)
		sb_printf(&kw, "%s%s", kw.len ? ", " : "", b->sources[i].id);
	if (kw.len)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, kw.data);
	sb_free(&kw);
	char *creator = xasprintf("mkbrief %s", MKBRIEF_VERSION);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, creator);
	free(creator);
	char *date = pdf_date(dc);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	free(date);
}

/* The outline nests as the headings do: a subsection's entry under its section's. */
static void pdf_outline(cairo_surface_t *s, const doc *dc)
{
	int parent[8] = {CAIRO_PDF_OUTLINE_ROOT};
	for (size_t i = 0; i < dc->noutline; i++) {
		const vitem *it = &dc->items[dc->outline[i].item];
		if (it->page < 0)
			continue;
		int level = dc->outline[i].level;
		if (level < 0)
			level = 0;
		if (level > 6)
			level = 6;
		double x = doc_column_x(dc, it);
		char *attr = xasprintf("page=%d pos=[%.2f %.2f]", it->page + 1, x, render_view_top(it->y));
		int id = cairo_pdf_surface_add_outline(s, parent[level], dc->outline[i].title, attr, 0);
		free(attr);
		parent[level + 1] = id;
	}
}

static int draw_pages(cairo_surface_t *surf, const doc *dc, PangoContext *ctx, int pdf, pdf_marks *links)
{
	cairo_t *cr = cairo_create(surf);
	/* a PDF is drawn once: a paragraph's glyphs go as soon as its last page is drawn, so
	 * that memory falls while the pages are written and the finishing pass has it */
	int *last = pdf ? doc_last_pages(dc) : NULL;
	/* the paragraphs in order of their last page: order[from[p] .. from[p + 1]) end on p */
	size_t *order = NULL, *from = NULL;
	if (last) {
		from = xcalloc((size_t)dc->npages + 2, sizeof *from);
		order = xmalloc((dc->nparas + 1) * sizeof *order);
		for (size_t i = 0; i < dc->nparas; i++)
			if (last[i] >= 0 && last[i] < dc->npages)
				from[last[i] + 2]++;
		for (int p = 0; p < dc->npages; p++)
			from[p + 2] += from[p + 1];
		for (size_t i = 0; i < dc->nparas; i++)
			if (last[i] >= 0 && last[i] < dc->npages)
				order[from[last[i] + 1]++] = i;
	}
	for (int p = 0; p < dc->npages; p++) {
		render_page(cr, dc, ctx, p, links);
		cairo_show_page(cr);
		for (size_t k = last ? from[p] : 0; last && k < from[p + 1]; k++)
			para_drop_glyphs(dc->paras[order[k]]);
	}
	free(last);
	free(order);
	free(from);
	int st = cairo_status(cr);
	cairo_destroy(cr);
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

/* "out.png" + page 3 → "out-3.png" */
static char *page_path(const char *path, const char *ext, int page)
{
	size_t n = strlen(path), el = strlen(ext);
	if (n > el + 1 && path[n - el - 1] == '.' && strcmp(path + n - el, ext) == 0)
		n -= el + 1;
	return xasprintf("%.*s-%d.%s", (int)n, path, page + 1, ext);
}

static cairo_status_t buffer_write(void *closure, const unsigned char *data, unsigned int len)
{
	sb_append(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Draws the document into surf and finishes it; -1 when cairo failed. */
static int pdf_draw(cairo_surface_t *surf, const doc *dc, PangoContext *ctx, pdf_marks *links)
{
	pdf_metadata(surf, dc);
	int rc = draw_pages(surf, dc, ctx, 1, links);
	if (rc == 0)
		pdf_outline(surf, dc);
	cairo_surface_finish(surf);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_surface_destroy(surf);
	return rc;
}

/* Cairo writes the PDF; the finishing pass (pdffinish.c) reads it back, adds the links,
 * the structure and the document's metadata, and writes the final file. To a file, cairo
 * writes a second temporary file beside the target, which the pass reads as it writes the
 * first through its sink: memory stays flat however many pages there are. To standard output or a
 * device (which cannot be read back) both are made in memory and written in one piece. */
static int write_pdf(doc *dc, PangoContext *ctx, const char *path, int pdf_a, const file_set *inputs, diag *d)
{
	sink s, raw = {0};
	if (sink_open(&s, path, inputs, d) != 0)
		return -1;
	if (s.tmp && sink_open(&raw, path, inputs, d) != 0) {
		sink_close(&s, 0, d);
		return -1;
	}
	strbuf pdf = {0}, out = {0};
	pdf_marks *marks = pdf_marks_new();
	double w = dc->st->page_w, h = dc->st->page_h;
	int rc = pdf_draw(s.tmp ? cairo_pdf_surface_create_for_stream(sink_write, &raw, w, h)
				: cairo_pdf_surface_create_for_stream(buffer_write, &pdf, w, h),
			  dc, ctx, marks);
	/* the finishing pass needs the page count and the structure paths, not the pages'
	 * lines: at 400 pages they are a quarter of the peak it would otherwise set */
	doc_drop_drawn(dc);
	if (s.tmp && fflush(raw.f) != 0 && !raw.failed) {
		raw.failed = 1;
		raw.err = errno;
	}
	/* the finished PDF into the temporary file as it is made; to standard output or a
	 * device only once it is whole */
	pdf_io io = {raw.tmp, pdf.data, pdf.len, s.tmp ? sink_write : buffer_write, s.tmp ? (void *)&s : (void *)&out};
	char *why = NULL;
	/* a write that failed is said by its sink when it is closed */
	if (rc != 0 && !raw.failed)
		diag_error(d, loc_at(path, 0, 0), "cannot write: cairo could not finish the document");
	else if (rc == 0 && !raw.failed && (rc = pdf_finish(&io, dc, marks, pdf_a, &why)) != 0 && !s.failed)
		diag_error(d, loc_at(path, 0, 0), "cannot write: %s", why ? why : "the PDF could not be finished");
	free(why);
	pdf_marks_free(marks);
	sb_free(&pdf);
	if (raw.f && sink_finish(&raw, 0, d) != 0 && raw.failed)
		rc = -1; /* its error said; the temporary file removed */
	if (rc == 0 && !s.tmp)
		sink_write(&s, (const unsigned char *)out.data, (unsigned)out.len);
	sb_free(&out);
	return sink_close(&s, rc == 0, d);
}

/* cairo stamps PostScript with the clock (%%CreationDate in the header), which would make
 * two runs differ: the header is held back until that line has passed and the date put in
 * is the PDF's (SOURCE_DATE_EPOCH, else the brief's date). */
typedef struct ps_dater {
	sink *s;
	strbuf head;
	const char *date;
	int done;
} ps_dater;

static void ps_release(ps_dater *p)
{
	const char *end = p->head.data + p->head.len;
	const char *at = p->head.len ? mem_find(p->head.data, end, "%%CreationDate:") : NULL;
	const char *eol = at ? memchr(at, '\n', (size_t)(end - at)) : NULL;
	if (at && eol) {
		sink_write(p->s, (const unsigned char *)p->head.data, (unsigned)(at - p->head.data));
		char *line = xasprintf("%%%%CreationDate: %s", p->date);
		sink_write(p->s, (const unsigned char *)line, (unsigned)strlen(line));
		free(line);
		sink_write(p->s, (const unsigned char *)eol, (unsigned)(end - eol));
	} else if (p->head.len) {
		sink_write(p->s, (const unsigned char *)p->head.data, (unsigned)p->head.len);
	}
	sb_free(&p->head);
	p->done = 1;
}

static cairo_status_t ps_write(void *closure, const unsigned char *data, unsigned int len)
{
	ps_dater *p = closure;
	if (p->done)
		return sink_write(p->s, data, len);
	sb_append(&p->head, (const char *)data, len);
	const char *at = mem_find(p->head.data, p->head.data + p->head.len, "%%CreationDate:");
	if ((at && memchr(at, '\n', (size_t)(p->head.data + p->head.len - at))) || p->head.len > 65536)
		ps_release(p);
	return p->s->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* The DSC %%Title line: a PostScript string, its \\, ( and ) escaped (typed as they were,
 * a parenthesis or backslash broke the string a reader parses), in printable ASCII, as DSC
 * lines are (letters transliterated: Café, Cafe), and short: cairo refuses a comment over
 * 255 bytes, and a long title failed the whole file. */
static char *dsc_title(const char *title)
{
	char *ascii = g_str_to_ascii(title ? title : "", "C");
	strbuf sb = {0};
	sb_puts(&sb, "%%Title: (");
	const char *c = ascii;
	for (; *c && sb.len < 240; c++) {
		if (*c == '\\' || *c == '(' || *c == ')')
			sb_putc(&sb, '\\');
		sb_putc(&sb, (unsigned char)*c < 0x20 || *c == 0x7F ? ' ' : *c);
	}
	if (*c) { /* cut at a word, marked */
		while (sb.len > 10 && sb.data[sb.len - 1] != ' ')
			sb.len--;
		sb_puts(&sb, "...");
	}
	sb_putc(&sb, ')');
	g_free(ascii);
	return sb_steal(&sb);
}

static int write_ps(const doc *dc, PangoContext *ctx, const char *path, const file_set *inputs, diag *d)
{
	sink s;
	if (sink_open(&s, path, inputs, d) != 0)
		return -1;
	char *date = pdf_date(dc);
	ps_dater pd = {&s, {0}, date, 0};
	cairo_surface_t *surf = cairo_ps_surface_create_for_stream(ps_write, &pd, dc->st->page_w, dc->st->page_h);
	char *title = dsc_title(dc->b->title);
	cairo_ps_surface_dsc_comment(surf, title);
	free(title);
	int rc = draw_pages(surf, dc, ctx, 0, NULL);
	cairo_surface_finish(surf);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_surface_destroy(surf);
	if (!pd.done)
		ps_release(&pd);
	free(date);
	if (sink_close(&s, rc == 0, d) != 0)
		return -1;
	if (rc != 0)
		diag_error(d, loc_at(path, 0, 0), "cannot write: cairo could not finish the document");
	return rc;
}

/* Draws page p onto a PNG page's surface at dpi. Cairo's image backend puts every glyph at a
 * whole pixel, which at 80 dpi (1.1 pixels a point) moves letters up to half a pixel off the
 * unhinted positions Pango gave them: a tracked banner's letters, and any line's, are then
 * unevenly spaced. So the page is drawn at a multiple of dpi of about 300 dpi, where a pixel
 * is small against a letter, and box-filtered down; at 300 dpi and above it is drawn as is. */
static int raster_page(cairo_surface_t *surf, const doc *dc, PangoContext *ctx, int p, int dpi)
{
	int over = dpi >= 300 ? 1 : (300 + dpi - 1) / dpi;
	if (over > 4)
		over = 4; /* a quarter pixel is even enough, and 16 times the pixels is the bound */
	double scale = dpi / 72.0 * over;
	cairo_surface_t *big = surf;
	if (over > 1)
		big = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(dc->st->page_w * scale + 0.5),
						 (int)(dc->st->page_h * scale + 0.5));
	cairo_t *cr = cairo_create(big);
	cairo_scale(cr, scale, scale);
	render_page(cr, dc, ctx, p, NULL);
	int rc = cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_destroy(cr);
	if (over > 1) {
		cr = cairo_create(surf);
		cairo_scale(cr, 1.0 / over, 1.0 / over);
		cairo_set_source_surface(cr, big, 0, 0);
		cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
		cairo_paint(cr);
		if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
			rc = -1;
		cairo_destroy(cr);
		cairo_surface_destroy(big);
	}
	return rc;
}

/* Whether the file at path starts as a page of ours does: a PNG's signature, or cairo's
 * SVG (an XML declaration, then an <svg> element). */
static int looks_like_page(const char *path, int png)
{
	char head[160] = {0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	if (png)
		return n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0;
	return n > 5 && memcmp(head, "<?xml", 5) == 0 && strstr(head, "<svg") != NULL;
}

/* One file per page. All are written to temporary files first and renamed only when every
 * page is complete, so that a failed run leaves every page of an earlier run as it was. */
static int write_per_page(const doc *dc, PangoContext *ctx, const char *path, int png, int dpi,
			  const file_set *inputs, diag *d)
{
	double scale = png ? dpi / 72.0 : 1.0;
	double pw = dc->st->page_w * scale + 0.5, ph = dc->st->page_h * scale + 0.5;
	if (png && (pw > OUTPUT_MAX_PNG_SIDE || ph > OUTPUT_MAX_PNG_SIDE || pw * ph > OUTPUT_MAX_PNG_PIXELS)) {
		diag_error(d, loc_none(), "pages at %d dpi would be %.0f by %.0f pixels; a PNG page may have at most %d million pixels and %d a side (Letter or A4 at 600 dpi)",
			   dpi, floor(pw), floor(ph), OUTPUT_MAX_PNG_PIXELS / 1000000, OUTPUT_MAX_PNG_SIDE);
		return -1;
	}
	sink *done = xcalloc((size_t)dc->npages + 1, sizeof *done);
	int rc = 0, n = 0;
	for (int p = 0; p < dc->npages && rc == 0; p++) {
		char *pp = page_path(path, png ? "png" : "svg", p);
		sink *s = &done[n];
		rc = sink_open(s, pp, inputs, d);
		free(pp);
		if (rc != 0)
			break;
		cairo_surface_t *surf;
		if (png) {
			surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)pw, (int)ph);
			rc = raster_page(surf, dc, ctx, p, dpi);
		} else {
			surf = cairo_svg_surface_create_for_stream(sink_write, s, dc->st->page_w, dc->st->page_h);
			cairo_t *cr = cairo_create(surf);
			render_page(cr, dc, ctx, p, NULL);
			cairo_destroy(cr);
		}
		png_sink ps = {s, 0, dpi};
		if (png)
			rc = cairo_surface_write_to_png_stream(surf, png_write, &ps) == CAIRO_STATUS_SUCCESS ? 0 : -1;
		cairo_surface_finish(surf);
		if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS)
			rc = -1;
		cairo_surface_destroy(surf);
		if (sink_finish(s, rc == 0, d) != 0)
			rc = -1;
		else
			n++;
	}
	for (int p = 0; p < n; p++) {
		if (rc == 0)
			rc = sink_commit(&done[p], d);
		else
			sink_drop(&done[p]);
	}
	free(done);
	/* an earlier run with more pages left NAME-N.png past this run's last: they would be
	 * read as part of this document ("Page 3 of 7" beside "Page 1 of 2"); only a page
	 * such a run could have written goes, never a file the brief reads nor one of another
	 * kind (a text file named q-2.png is not a page) */
	for (int p = dc->npages; rc == 0 && p < DOC_MAX_PAGES; p++) {
		char *pp = page_path(path, png ? "png" : "svg", p);
		struct stat st;
		int stale = lstat(pp, &st) == 0 && S_ISREG(st.st_mode) && !file_set_find(inputs, pp) &&
			    looks_like_page(pp, png);
		if (stale)
			unlink(pp);
		free(pp);
		if (!stale)
			break;
	}
	return rc;
}

int render_output(doc *dc, PangoContext *ctx, const char *format, const char *path, int dpi, int pdf_a,
		  const file_set *inputs, diag *d)
{
	if (strcmp(format, "png") == 0 || strcmp(format, "svg") == 0) {
		if (strcmp(path, "-") == 0) {
			diag_error(d, loc_none(), "--format %s writes one file per page and cannot go to standard output",
				   format);
			return -1;
		}
		struct stat st;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
			/* out.png names out-1.png, out-2.png...: beside a device that would be /dev/null-1.png */
			diag_error(d, loc_at(path, 0, 0), "--format %s writes one file per page, NAME-1.%s...; -o must name a file, not a device or FIFO",
				   format, format);
			return -1;
		}
		return write_per_page(dc, ctx, path, format[1] == 'n', dpi, inputs, d);
	}
	if (strcmp(format, "ps") == 0)
		return write_ps(dc, ctx, path, inputs, d);
	return write_pdf(dc, ctx, path, pdf_a, inputs, d);
}
