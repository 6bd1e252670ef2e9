/* pin.c: `mkbrief pin BRIEF.yaml`: writes the SHA-256 of every source into the brief, as
 * `sha256:` beside its `file:`, so that a source changed later is noticed (resolve/pin.c).
 * The brief is edited line by line, never re-emitted: comments, order, quoting and layout
 * stay as the analyst wrote them, and the new file replaces the old atomically. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/util.h"
#include "base/yaml_tree.h"
#include "load/article.h"
#include "load/brief.h"
#include "tools/tools.h"

typedef struct edit {
	size_t off, del; /* replace text[off, off + del) */
	char *ins;
} edit;

/* Byte offset of 1-based line, character column col in text, or (size_t)-1. */
static size_t offset_of(const char *text, size_t len, int line, int col)
{
	size_t i = 0;
	for (int l = 1; l < line; l++) {
		const char *nl = memchr(text + i, '\n', len - i);
		if (!nl)
			return (size_t)-1;
		i = (size_t)(nl - text) + 1;
	}
	for (int c = 1; c < col && i < len && text[i] != '\n'; c++) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* The end of the scalar starting at off on its line: after its closing quote, or before a
 * flow mapping's ',' or '}', a comment or the line's end; (size_t)-1 if it goes on past the
 * line (a multi-line value, which pin leaves to the analyst). */
static size_t scalar_end(const char *text, size_t len, size_t off)
{
	char q = text[off];
	if (q == '"' || q == '\'') {
		for (size_t i = off + 1; i < len && text[i] != '\n'; i++) {
			if (q == '"' && text[i] == '\\') {
				i++;
				continue;
			}
			if (text[i] == q) {
				if (q == '\'' && i + 1 < len && text[i + 1] == '\'') {
					i++;
					continue;
				}
				return i + 1;
			}
		}
		return (size_t)-1;
	}
	size_t i = off, end = off;
	for (; i < len && text[i] != '\n'; i++) {
		if (text[i] == ',' || text[i] == '}' || (text[i] == '#' && i > off && (text[i - 1] == ' ' || text[i - 1] == '\t')))
			break;
		if (text[i] != ' ' && text[i] != '\t')
			end = i + 1;
	}
	return end;
}

static int cmp_edit(const void *a, const void *b)
{
	const edit *x = a, *y = b;
	return (x->off < y->off) - (x->off > y->off); /* last first */
}

/* Reads path whole, a regular file of at most limit bytes, as a build reads it (a FIFO
 * would wait forever, /dev/zero never end); NULL after reporting. */
static char *read_all(const char *path, size_t limit, size_t *len, loc at, diag *d)
{
	char *data = NULL;
	const char *why = NULL;
	int got = file_read(path, limit, &data, len, &why);
	if (got == FILE_TOO_LARGE)
		diag_error(d, at, "cannot read %s: larger than the size limit (%zu MiB)", path, limit >> 20);
	else if (got != 0)
		diag_error(d, at, "cannot read %s: %s", path, why);
	return got == 0 ? data : NULL;
}

/* The SHA-256 of source s's file, read as a build reads it; NULL after reporting. What a
 * build would not read is not pinned either: a file outside the brief's directory
 * ('../../etc/passwd'). */
static char *source_sum(const brief *b, const source *s, diag *d)
{
	if (!path_inside(b->dir, s->path)) {
		diag_error(d, s->file_at, "source file '%s' is outside the brief's directory", s->file);
		return NULL;
	}
	size_t len = 0;
	char *bytes = read_all(s->path, ARTICLE_MAX_BYTES, &len, s->file_at, d);
	if (!bytes)
		return NULL;
	char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
	free(bytes);
	return sum;
}

/* Writes text to path through a temporary file beside it, keeping path's mode. */
static int write_atomic(const char *path, const char *text, size_t len, diag *d)
{
	/* through a symbolic link: the file it names is pinned, the link stays a link */
	char *real = realpath(path, NULL);
	if (real)
		path = real;
	struct stat st;
	mode_t mode = stat(path, &st) == 0 ? st.st_mode & 07777 : 0644;
	char *dir = path_dirname(path);
	char *tmp = xasprintf("%s/.%s.pin-XXXXXX", dir, path_basename(path));
	free(dir);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_error(d, loc_at(path, 0, 0), "cannot write beside it: %s", strerror(errno));
		free(tmp);
		return -1;
	}
	int ok = fchmod(fd, mode) == 0;
	for (size_t done = 0; ok && done < len;) {
		ssize_t w = write(fd, text + done, len - done);
		if (w <= 0)
			ok = 0;
		else
			done += (size_t)w;
	}
	ok = ok && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok) {
		diag_error(d, loc_at(path, 0, 0), "cannot write: %s", strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	free(real);
	return ok ? 0 : -1;
}

/* Whether the edited brief loads as it should, every source pinned to its file's bytes as
 * they are now: pin edits the text beside each file: value, and a source written another way
 * (an alias of an anchored one, a block scalar, a mapping over several lines) could come out
 * invalid or unpinned. Then nothing is written. */
static int pins_hold(const brief *b, char *const *sums, const char *text, size_t len, const char *path, diag *d)
{
	char *buf = NULL;
	size_t blen = 0;
	FILE *quiet = open_memstream(&buf, &blen);
	diag qd;
	diag_init(&qd, quiet);
	brief *nb = brief_parse(text, len, path, &qd);
	int ok = nb && nb->load_errors == 0 && qd.errors == 0 && nb->nsources == b->nsources;
	for (size_t i = 0; ok && i < nb->nsources; i++)
		ok = nb->sources[i].sha256 && sums[i] && strcmp(sums[i], nb->sources[i].sha256) == 0;
	brief_free(nb);
	fclose(quiet);
	free(buf);
	if (!ok)
		diag_error(d, loc_at(path, 0, 0),
			   "cannot pin this brief: written back, it would not load with every source pinned (a source given "
			   "through an alias, a block scalar or a mapping over several lines); add sha256: beside each file: by hand");
	return ok;
}

/* The brief's text, to edit; NULL after an error. YAML reads lines ended by CR alone (an
 * old Mac's), but the edits find a value's line by its LF: each source would be said to be
 * "not on one line". */
static char *read_editable(const char *path, size_t *len, diag *d)
{
	char *text = read_all(path, YTREE_MAX_BYTES, len, loc_at(path, 0, 0), d);
	if (text && memchr(text, '\r', *len) && !memchr(text, '\n', *len)) {
		diag_error(d, loc_at(path, 0, 0),
			   "this brief ends its lines with CR alone, which mkbrief pin cannot edit; save it with LF (or "
			   "CR LF) line ends");
		free(text);
		return NULL;
	}
	return text;
}

int cmd_pin(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-') {
		if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
			fputs("usage: mkbrief pin BRIEF.yaml\nWrites the SHA-256 of each source into the brief (sha256: beside file:).\n",
			      stdout);
			return 0;
		}
		return diag_usage_error("mkbrief pin", "usage: mkbrief pin BRIEF.yaml", NULL);
	}
	const char *path = argv[1];
	diag d;
	diag_init(&d, stderr);
	brief *b = brief_load(path, &d);
	if (!b) {
		diag_finish(&d);
		return 1;
	}
	size_t len = 0;
	char *text = read_editable(path, &len, &d);
	edit *edits = xcalloc(b->nsources + 1, sizeof *edits);
	char **sums = xcalloc(b->nsources + 1, sizeof *sums); /* each source's, kept for pins_hold */
	size_t n = 0;
	for (size_t i = 0; text && i < b->nsources; i++) {
		const source *s = &b->sources[i];
		char *sum = sums[i] = source_sum(b, s, &d);
		if (!sum)
			continue;
		if (s->sha256) {
			size_t off = offset_of(text, len, s->sha256_at.line, s->sha256_at.col);
			size_t end = off == (size_t)-1 ? off : scalar_end(text, len, off);
			if (end == (size_t)-1) {
				diag_error(&d, s->sha256_at, "cannot rewrite this sha256: value; write it on one line");
			} else if (strcmp(sum, s->sha256) != 0) {
				edits[n++] = (edit){off, end - off, xstrdup(sum)};
			}
		} else {
			size_t off = offset_of(text, len, s->file_at.line, s->file_at.col);
			size_t end = off == (size_t)-1 ? off : scalar_end(text, len, off);
			if (end == (size_t)-1) {
				diag_error(&d, s->file_at, "cannot add sha256: after this file: value; write it on one line");
				continue;
			}
			/* block style ("file:" first on its line): a line of its own, as indented;
			 * flow style ({file: x}): beside it */
			size_t line0 = off;
			while (line0 > 0 && text[line0 - 1] != '\n')
				line0--;
			size_t ind = line0;
			while (ind < len && text[ind] == ' ')
				ind++;
			if (strncmp(text + ind, "file:", 5) == 0) {
				size_t eol = end;
				while (eol < len && text[eol] != '\n')
					eol++;
				/* a file whose lines end in CR LF gets one more such line */
				int crlf = eol > off && text[eol - 1] == '\r';
				edits[n++] = (edit){eol - crlf, 0,
						    xasprintf("%s%*ssha256: %s", crlf ? "\r\n" : "\n", (int)(ind - line0), "", sum)};
			} else {
				edits[n++] = (edit){end, 0, xasprintf(", sha256: %s", sum)};
			}
		}
	}
	int rc = d.errors ? 1 : 0;
	if (!rc && n) {
		qsort(edits, n, sizeof *edits, cmp_edit);
		strbuf out = {0};
		sb_append(&out, text, len);
		for (size_t k = 0; k < n; k++) {
			/* applied last first, so the offsets before each stay valid */
			strbuf next = {0};
			sb_append(&next, out.data, edits[k].off);
			sb_puts(&next, edits[k].ins);
			sb_append(&next, out.data + edits[k].off + edits[k].del, out.len - edits[k].off - edits[k].del);
			sb_free(&out);
			out = next;
		}
		if (!pins_hold(b, sums, out.data, out.len, path, &d) || write_atomic(path, out.data, out.len, &d) != 0)
			rc = 1;
		sb_free(&out);
		if (!rc)
			fprintf(stderr, "mkbrief pin: %s: %zu source%s pinned\n", path, n, n == 1 ? "" : "s");
	} else if (!rc) {
		fprintf(stderr, "mkbrief pin: %s: every source already pinned as it is\n", path);
	}
	for (size_t k = 0; k < n; k++)
		free(edits[k].ins);
	free(edits);
	for (size_t i = 0; i < b->nsources; i++)
		g_free(sums[i]);
	free(sums);
	free(text);
	brief_free(b);
	diag_finish(&d);
	return rc;
}
