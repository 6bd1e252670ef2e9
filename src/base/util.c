/* util.c: memory, growable strings, whole-file reads and UTF-8 helpers. */
#include "base/util.h"

#include <glib.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void oom(void)
{
	fputs("mkbrief: fatal: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *grow_for(void *p, size_t n, size_t size)
{
	if (n != 0 && (n & (n - 1)) != 0)
		return p;
	return xrealloc(p, (n ? 2 * n : 1) * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	strbuf sb = {0};
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	sb_grow(&sb, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(sb.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return sb.data;
}

void sb_grow(strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->data = xrealloc(sb->data, cap);
	sb->cap = cap;
}

void sb_append(strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	if (n)
		memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = 0;
}

void sb_puts(strbuf *sb, const char *s)
{
	sb_append(sb, s, strlen(s));
}

void sb_putc(strbuf *sb, char c)
{
	sb_append(sb, &c, 1);
}

void sb_printf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	sb_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *sb_steal(strbuf *sb)
{
	char *p = sb->data ? sb->data : xstrdup("");
	sb->data = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void sb_free(strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

int file_read(const char *path, size_t limit, char **out, size_t *len, const char **why)
{
	*out = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer forever */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*why = errno == ENOENT ? "no such file" : errno == EACCES ? "permission denied" : strerror(errno);
		return -1;
	}
	struct stat st = {0};
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		*why = S_ISDIR(st.st_mode) ? "is a directory, not a file"
					   : "is not a regular file (a FIFO, device or socket)";
		return -1;
	}
	if ((size_t)st.st_size > limit) {
		close(fd);
		*why = "larger than the size limit";
		return FILE_TOO_LARGE;
	}
	strbuf sb = {0};
	sb_grow(&sb, (size_t)st.st_size + 1);
	char buf[65536];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			sb_free(&sb);
			*why = "read error";
			return -1;
		}
		if (n == 0)
			break;
		if (sb.len + (size_t)n > limit) {
			close(fd);
			sb_free(&sb);
			*why = "larger than the size limit";
			return FILE_TOO_LARGE;
		}
		sb_append(&sb, buf, (size_t)n);
	}
	close(fd);
	sb.data[sb.len] = 0; /* an empty file appended nothing */
	*len = sb.len;
	*out = sb_steal(&sb);
	return 0;
}

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (len == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if ((c & 0xE0) == 0xC0) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

int utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

void text_linecol(const char *s, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return la > lb ? la : lb;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *path_join(const char *dir, const char *rel)
{
	if (rel[0] == '/' || !dir || !*dir || strcmp(dir, ".") == 0)
		return xstrdup(rel);
	return xasprintf("%s/%s", dir, rel);
}

const char *path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *path_absolute(const char *path)
{
	strbuf in = {0};
	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);
		sb_puts(&in, cwd ? cwd : "/");
		free(cwd);
		sb_putc(&in, '/');
	}
	sb_puts(&in, path);
	/* components pushed and popped on out */
	strbuf out = {0};
	sb_puts(&out, "");
	for (const char *p = in.data; *p;) {
		while (*p == '/')
			p++;
		const char *e = p;
		while (*e && *e != '/')
			e++;
		size_t n = (size_t)(e - p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (out.len > 0 && out.data[out.len - 1] != '/')
				out.len--;
			if (out.len > 0)
				out.len--;
			out.data[out.len] = 0;
		} else {
			sb_putc(&out, '/');
			sb_append(&out, p, n);
		}
		p = e;
	}
	if (out.len == 0)
		sb_putc(&out, '/');
	sb_free(&in);
	return sb_steal(&out);
}

int path_inside(const char *dir, const char *path)
{
	char *d = path_absolute(dir), *p = path_absolute(path);
	size_t n = strlen(d);
	int in = strcmp(d, "/") == 0 || (strncmp(p, d, n) == 0 && (p[n] == '/' || p[n] == 0));
	free(d);
	free(p);
	return in;
}

struct file_id {
	dev_t dev;
	ino_t ino;
	char *name;
};

void file_set_add(file_set *s, const char *path, const char *name)
{
	struct stat st;
	if (!path || stat(path, &st) != 0)
		return;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n].dev = st.st_dev;
	s->v[s->n].ino = st.st_ino;
	s->v[s->n].name = xstrdup(name ? name : path);
	s->n++;
}

static const char *file_set_find_stat(const file_set *s, const struct stat *st)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].dev == st->st_dev && s->v[i].ino == st->st_ino)
			return s->v[i].name;
	return NULL;
}

const char *file_set_find(const file_set *s, const char *path)
{
	struct stat st;
	if (!s || stat(path, &st) != 0)
		return NULL;
	return file_set_find_stat(s, &st);
}

const char *file_set_find_fd(const file_set *s, int fd)
{
	struct stat st;
	if (!s || fstat(fd, &st) != 0)
		return NULL;
	return file_set_find_stat(s, &st);
}

void file_set_merge(file_set *into, const file_set *from)
{
	for (size_t i = 0; i < from->n; i++) {
		into->v = xrealloc(into->v, (into->n + 1) * sizeof *into->v);
		into->v[into->n] = from->v[i];
		into->v[into->n].name = xstrdup(from->v[i].name);
		into->n++;
	}
}

void file_set_free(file_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].name);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

char *exe_dir(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = 0;
	return path_dirname(exe);
}

const char *mem_find(const char *s, const char *end, const char *needle)
{
	size_t m = strlen(needle);
	for (const char *p = s; p && p + m <= end; p++)
		if (*p == *needle && memcmp(p, needle, m) == 0)
			return p;
	return NULL;
}

int str_in(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

size_t utf8_marks_over(const char *s, size_t len)
{
	size_t run = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			return (size_t)-1;
		/* a non-starter: a mark that combines with what precedes it */
		run = g_unichar_combining_class(cp) != 0 ? run + 1 : 0;
		if (run > UTF8_MAX_MARKS)
			return i;
		i += n;
	}
	return (size_t)-1;
}

size_t utf8_marks_trim(char *s, size_t len)
{
	size_t run = 0, out = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			n = 1, cp = 0;
		run = g_unichar_combining_class(cp) != 0 ? run + 1 : 0;
		if (run <= UTF8_MAX_MARKS) {
			memmove(s + out, s + i, n);
			out += n;
		}
		i += n;
	}
	s[out] = 0;
	return out;
}

#define SIBLINGS_MAX 10000 /* a directory's names read for "did you mean", at most */

char *path_nearest_entry(const char *dir, const char *want, int dirs)
{
	GDir *gd = g_dir_open(dir, 0, NULL);
	char *best = NULL;
	/* a slip or two in a short name, three at most in a long one */
	size_t most = strlen(want) / 4 + 1 < 3 ? strlen(want) / 4 + 1 : 3, best_d = most + 1, n = 0;
	for (const char *name; gd && (name = g_dir_read_name(gd)) && n < SIBLINGS_MAX; n++) {
		if (name[0] == '.' || strcmp(name, want) == 0)
			continue;
		size_t dist = edit_distance(name, want);
		if (dist >= best_d)
			continue;
		char *full = path_join(dir, name);
		struct stat st;
		if (stat(full, &st) == 0 && (dirs ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode))) {
			free(best);
			best = xstrdup(name);
			best_d = dist;
		}
		free(full);
	}
	if (gd)
		g_dir_close(gd);
	return best;
}

char *path_nearest_sibling(const char *path)
{
	char *dir = path_dirname(path);
	char *best = path_nearest_entry(dir, path_basename(path), 0);
	free(dir);
	return best;
}

char *text_clip(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return xstrndup(s, n);
	size_t head = max * 2 / 3, tail = n - (max - head);
	while (head > 0 && ((unsigned char)s[head] & 0xC0) == 0x80)
		head--;
	while (tail < n && ((unsigned char)s[tail] & 0xC0) == 0x80)
		tail++;
	return xasprintf("%.*s \xE2\x80\xA6 %.*s", (int)head, s, (int)(n - tail), s + tail);
}

static int digits_at(const char *s, size_t i, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!isdigit((unsigned char)s[i + k]))
			return 0;
	return 1;
}

size_t iso_date_at(const char *s, size_t i, int *y, int *m, int *d)
{
	/* alone: not after a letter, digit or the joints of a longer code */
	if (i > 0 && (isalnum((unsigned char)s[i - 1]) || strchr("-/:.", s[i - 1])))
		return 0;
	if (!digits_at(s, i, 4) || s[i + 4] != '-' || !digits_at(s, i + 5, 2))
		return 0;
	size_t n = s[i + 7] == '-' && digits_at(s, i + 8, 2) ? 10 : 7;
	char after = s[i + n];
	/* nor before one; a full stop that ends a sentence may follow */
	if (isalnum((unsigned char)after) || (after && strchr("-/:", after)) ||
	    (after == '.' && s[i + n + 1] && !isspace((unsigned char)s[i + n + 1])))
		return 0;
	*y = atoi(s + i);
	*m = atoi(s + i + 5);
	*d = n == 10 ? atoi(s + i + 8) : 0;
	return n;
}

size_t text_hyphen_wrap_len(const char *s, size_t b, size_t e, size_t i)
{
	static const char *const conjunctions[] = {"and", "or", "nor", "to", "und", "oder", "bis", "sowie", "et", "ou", "y",
						   "o", "e", "i", "\xD0\xB8", "\xD0\xB8\xD0\xBB\xD0\xB8", NULL};
	if (i >= e || s[i] != '-' || i == b)
		return 0;
	const char *p = g_utf8_find_prev_char(s + b, s + i);
	if (!p || !g_unichar_isalpha(g_utf8_get_char_validated(p, (gssize)(s + i - p))))
		return 0;
	size_t j = i + 1;
	while (j < e && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
		j++;
	if (j >= e || s[j] != '\n')
		return 0;
	j++;
	while (j < e && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
		j++;
	uint32_t c = 0;
	if (j >= e || !utf8_decode(s + j, e - j, &c) || !g_unichar_isalnum(c))
		return 0;
	size_t w = j;
	while (w < e && (g_ascii_isalpha(s[w]) || (unsigned char)s[w] >= 0x80) && w - j < 12)
		w++;
	for (int k = 0; conjunctions[k]; k++)
		if (strlen(conjunctions[k]) == w - j && memcmp(s + j, conjunctions[k], w - j) == 0)
			return 0;
	return j - i - 1;
}
