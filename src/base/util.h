/* util.h: memory, growable strings, files and UTF-8 helpers shared by every stage. */
#ifndef MKBRIEF_UTIL_H
#define MKBRIEF_UTIL_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Out-of-memory is not something a user can cause with sane limits in place, so these
 * abort with a message instead of threading NULL checks through every caller. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Capacity for n+1 elements, growing by doubling: the capacity is implied by the count (it
 * changes only when n is 0 or a power of two), so an array needs no capacity field, and
 * one grown an element at a time costs O(n) copying instead of O(n^2). */
void *grow_for(void *p, size_t n, size_t size);

/* Growable byte string; always NUL-terminated once anything was appended. Ours, not
 * GString: it lives by value in structs and on the stack (`strbuf sb = {0}`, no constructor),
 * and what sb_steal returns is a malloc block freed with free() like every string here. */
typedef struct strbuf {
	char *data;
	size_t len, cap;
} strbuf;
void sb_grow(strbuf *sb, size_t extra);
void sb_append(strbuf *sb, const char *s, size_t n);
void sb_puts(strbuf *sb, const char *s);
void sb_putc(strbuf *sb, char c);
void sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_steal(strbuf *sb); /* returns the buffer (never NULL) and resets sb */
void sb_free(strbuf *sb);

/* Reads a whole regular file of at most limit bytes, NUL-terminated. Ours, not g_file_get_contents, which
 * has no limit and would wait forever on a FIFO a brief names. Returns 0 on success; on
 * failure returns FILE_TOO_LARGE past the limit (callers say which limit), else -1, and
 * sets *why to a static description ("no such file", "is a directory", ...). */
#define FILE_TOO_LARGE (-2)
int file_read(const char *path, size_t limit, char **out, size_t *len, const char **why);

/* Ours, not g_utf8_*: these take a length and so work on text with NULs inside (which
 * g_utf8_validate rejects), and report where the first bad byte is.
 * Decodes one UTF-8 scalar value at s[0..len). Returns the byte count (1-4) and sets *cp,
 * or 0 for an invalid or truncated sequence (overlongs and surrogates are invalid). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* 1 for a control character: C0 (line breaks and tabs too), DEL or C1. */
int utf8_is_control(uint32_t cp);
/* Encodes cp into out (>= 4 bytes); returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);
/* Returns 1 if s[0..len) is valid UTF-8, else 0 and the offset of the first bad byte. */
int utf8_valid(const char *s, size_t len, size_t *bad);
/* Unicode's stream-safe limit (UAX #15): at most 30 combining marks in a row. Shaping a
 * letter that carries tens of thousands takes HarfBuzz minutes. */
#define UTF8_MAX_MARKS 30
/* The offset of the first combining mark past UTF8_MAX_MARKS in a row in valid UTF-8
 * s[0..len), or (size_t)-1. */
size_t utf8_marks_over(const char *s, size_t len);
/* Drops the marks past UTF8_MAX_MARKS in a row from s (valid UTF-8, NUL-terminated) in
 * place, once they are reported, so that nothing later shapes them; returns the new length. */
size_t utf8_marks_trim(char *s, size_t len);
/* 1-based line and column (in characters) of byte offset off in s. */
void text_linecol(const char *s, size_t off, int *line, int *col);

/* 1 if s is one of the strings of a NULL-terminated list. */
int str_in(const char *s, const char *const *list);

/* s[0, n) as a message shows it: whole up to max bytes, else its start and its end around
 * an ellipsis, cut between characters (a quote of 188 KB printed in full filled a
 * terminal). Caller frees. */
char *text_clip(const char *s, size_t n, size_t max);

/* Levenshtein distance, for "did you mean" hints (GLib has none). */
size_t edit_distance(const char *a, const char *b);

/* Path helpers: dir part of path ("." when none) and joining. Ours, not g_build_filename:
 * a path under "." stays as the user wrote it (messages say articles/x.txt, not
 * ./articles/x.txt), and an absolute rel is taken as it is. Caller frees. */
char *path_dirname(const char *path);
char *path_join(const char *dir, const char *rel);
const char *path_basename(const char *path);
/* The name of the file beside path (in its directory) nearest to its own name, when path
 * is missing and one is within a few typing slips of it ("reprot" for "report"), else
 * NULL: for "did you mean". Caller frees. */
char *path_nearest_sibling(const char *path);
/* The entry of dir nearest to want (a few slips at most), a regular file or (dirs) a
 * directory, else NULL. Caller frees. */
char *path_nearest_entry(const char *dir, const char *want, int dirs);
/* The absolute form of path, with "." and ".." resolved as written (symbolic links are
 * not followed: a link is where the user put it). Caller frees. */
char *path_absolute(const char *path);
/* 1 if path lies inside dir, both taken lexically by path_absolute. */
int path_inside(const char *dir, const char *path);
/* The directory of the running program (from /proc/self/exe), or NULL. Caller frees. */
char *exe_dir(void);

/* The files a run reads, by device and inode, so that no output ever replaces one of them
 * (-o naming the brief, an article, the layout or a font). */
typedef struct file_set {
	struct file_id *v;
	size_t n;
} file_set;
/* Adds path, if it exists; name is how messages call it (copied). */
void file_set_add(file_set *s, const char *path, const char *name);
/* The name of the input that path is the same file as, or NULL. */
const char *file_set_find(const file_set *s, const char *path);
/* The same for an open file descriptor (standard output redirected onto an input). */
const char *file_set_find_fd(const file_set *s, int fd);
void file_set_merge(file_set *into, const file_set *from);
void file_set_free(file_set *s);

/* First occurrence of needle in [s, end), or NULL. Bounded: for text with no NUL after it
 * (a line of an article, a mapped file) or with NULs inside (cairo's streams). */
const char *mem_find(const char *s, const char *end, const char *needle);
/* An ISO date standing alone at s + i ("2018-01-22", not inside "2018-01-22T10:00" or
 * "2018-01-22/25"): 10 with *y, *m, *d set, or 7 for an ISO month ("2018-12", *d = 0), else 0.
 * The numbers are as written: a caller checks that the date is real. */
size_t iso_date_at(const char *s, size_t i, int *y, int *m, int *d);
/* The length of the line break (and the blanks around it) after the hyphen at s[i] of s[b, e)
 * where text wrapped by hand broke a hyphenated word ("well-" / "known", "Franco-" /
 * "German", "COVID-" / "19"), which reads as no space; 0 if none: the hyphen follows a
 * letter, and the next line starts with a letter or a digit but no suspended hyphen's
 * conjunction ("pre-" / "and post-war" keeps its space). */
size_t text_hyphen_wrap_len(const char *s, size_t b, size_t e, size_t i);

#endif
