/* hyph_cache.c: libhyphen's automaton (a HyphenDict: states, their transitions and match
 * strings) written to a file of its own after it is built from the text patterns, and read
 * back on later runs instead of building it again (~39 M instructions for en-US).
 *
 * The file is one block, read with one read(): the transitions and strings are used where
 * they lie in it (HyphenTrans is stored in its in-memory form), only the states are built.
 * It names the patterns it was made from by their size and SHA-256; it is checked whole (a
 * hash over the payload) and every index in it is checked before use, so a stale, truncated
 * or garbled file is only a miss: the patterns are read as text and the file is replaced. */
#include "typeset/hyph_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

#define MAGIC "MKBHYPH1" /* the format's version is its last character */
#define HEAD_SIZE 88
#define LEVEL_HEAD 48
#define STATE_SIZE 24
#define TRANS_SIZE 8
#define MAX_FILE (64u << 20)
#define MAX_LEVELS 8
#define NONE UINT32_MAX /* no string */

static size_t pad8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* FNV-1a over 64-bit words: catches a garbled file, cheaply (the payload is a multiple of 8). */
static uint64_t payload_hash(const unsigned char *p, size_t n)
{
	uint64_t h = 14695981039346656037u;
	for (size_t i = 0; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 1099511628211u;
	}
	return h;
}

/* What the file must say about this machine for its HyphenTrans to be used in place. */
static void abi_words(uint32_t w[4])
{
	w[0] = 0x01020304;
	w[1] = (uint32_t)sizeof(HyphenTrans);
	w[2] = (uint32_t)offsetof(HyphenTrans, new_state);
	w[3] = (uint32_t)sizeof(int);
}

static int abi_usable(void)
{
	return sizeof(HyphenTrans) == TRANS_SIZE && sizeof(int) == 4;
}

char *hyph_cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/mkbrief", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.cache/mkbrief", home);
	return NULL;
}

/* dir/hyph_en_US.dic.bin for /usr/share/hyphen/hyph_en_US.dic */
static char *cache_file(const char *dir, const char *src)
{
	const char *base = strrchr(src, '/');
	return xasprintf("%s/%s.bin", dir, base ? base + 1 : src);
}

/* The whole file, at most max bytes (NULL if larger, unreadable, empty or no regular file: a
 * FIFO there is opened without waiting for a writer, which never comes). */
static unsigned char *read_all(const char *path, size_t max, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	unsigned char *buf = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && (uintmax_t)st.st_size <= max) {
		size_t n = (size_t)st.st_size, got = 0;
		buf = xmalloc(n);
		while (got < n) {
			ssize_t r = read(fd, buf + got, n - got);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			got += (size_t)r;
		}
		if (got != n) {
			free(buf);
			buf = NULL;
		}
		*len = n;
	}
	close(fd);
	return buf;
}

/* What a cache file must have been made from: the patterns file's size, time and SHA-256. */
typedef struct source_key {
	uint64_t size, mtime_ns;
	unsigned char sha[32];
} source_key;

static int source_stat(const char *src, source_key *k)
{
	struct stat st;
	if (stat(src, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	k->size = (uint64_t)st.st_size;
	k->mtime_ns = (uint64_t)st.st_mtim.tv_sec * 1000000000u + (uint64_t)st.st_mtim.tv_nsec;
	return 0;
}

static int source_sha(const char *src, source_key *k)
{
	size_t n = 0;
	unsigned char *text = read_all(src, MAX_FILE, &n);
	if (!text)
		return -1;
	GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(ck, text, (gssize)n);
	gsize dn = 32;
	g_checksum_get_digest(ck, k->sha, &dn);
	g_checksum_free(ck);
	free(text);
	return dn == 32 && n == k->size ? 0 : -1;
}

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static void put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static uint64_t get64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static void put64(unsigned char *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

/* ---- reading ---- */

typedef struct level_head {
	uint32_t states, trans, nohyphenl, nohyphen_len, str_len;
	int32_t utf8;
	char mins[4], cset[MAX_NAME];
} level_head;

static void read_level_head(const unsigned char *p, level_head *h)
{
	h->states = get32(p);
	h->trans = get32(p + 4);
	h->nohyphenl = get32(p + 8);
	h->nohyphen_len = get32(p + 12);
	h->str_len = get32(p + 16);
	h->utf8 = (int32_t)get32(p + 20);
	memcpy(h->mins, p + 24, 4);
	memcpy(h->cset, p + 28, MAX_NAME);
	h->cset[MAX_NAME - 1] = 0;
}

/* A string offset into the level's strings: NULL for none; -1 when out of bounds. */
static int string_at(uint32_t off, char *strings, uint32_t len, char **out)
{
	*out = NULL;
	if (off == NONE)
		return 0;
	if (off >= len)
		return -1;
	*out = strings + off;
	return 0;
}

/* The nohyphen list: nohyphenl + 1 strings, each ending in NUL, filling the bytes exactly. */
static int nohyphen_ok(const char *p, uint32_t len, uint32_t count)
{
	if (len == 0)
		return count == 0;
	if (p[len - 1] != 0)
		return 0;
	uint32_t nuls = 0;
	for (uint32_t i = 0; i < len; i++)
		nuls += p[i] == 0;
	return nuls == count + 1;
}

/* Builds one level of the dictionary from the payload at *pos (advanced past it); NULL if
 * anything in it is out of bounds. The states live in the same allocation as the dict. */
static HyphenDict *read_level(unsigned char *pay, size_t len, size_t *pos)
{
	if (len - *pos < LEVEL_HEAD)
		return NULL;
	level_head h;
	read_level_head(pay + *pos, &h);
	size_t at = *pos + LEVEL_HEAD;
	size_t states_at = at, trans_at = states_at + (size_t)h.states * STATE_SIZE;
	size_t noh_at = trans_at + (size_t)h.trans * TRANS_SIZE;
	size_t str_at = noh_at + pad8(h.nohyphen_len), end = str_at + pad8(h.str_len);
	if (h.states == 0 || h.states > INT32_MAX / 2 || h.trans > INT32_MAX / 2 || end > len ||
	    (h.str_len && pay[str_at + h.str_len - 1] != 0) ||
	    !nohyphen_ok((char *)pay + noh_at, h.nohyphen_len, h.nohyphenl))
		return NULL;
	HyphenTrans *trans = (HyphenTrans *)(void *)(pay + trans_at);
	for (uint32_t i = 0; i < h.trans; i++)
		if (trans[i].new_state < 0 || (uint32_t)trans[i].new_state >= h.states)
			return NULL;
	HyphenDict *d = xcalloc(1, sizeof *d + (size_t)h.states * sizeof(HyphenState));
	d->states = (HyphenState *)(void *)(d + 1);
	d->num_states = (int)h.states;
	d->lhmin = h.mins[0], d->rhmin = h.mins[1], d->clhmin = h.mins[2], d->crhmin = h.mins[3];
	memcpy(d->cset, h.cset, MAX_NAME);
	d->utf8 = h.utf8;
	d->nohyphen = h.nohyphen_len ? (char *)pay + noh_at : NULL;
	d->nohyphenl = (int)h.nohyphenl;
	char *strings = (char *)pay + str_at;
	for (uint32_t i = 0; i < h.states; i++) {
		const unsigned char *s = pay + states_at + (size_t)i * STATE_SIZE;
		HyphenState *st = &d->states[i];
		int32_t fallback = (int32_t)get32(s + 12), ntrans = (int32_t)get32(s + 16);
		uint32_t first = get32(s + 20);
		if (string_at(get32(s), strings, h.str_len, &st->match) || string_at(get32(s + 4), strings, h.str_len, &st->repl) ||
		    fallback < -1 || fallback >= (int32_t)h.states || ntrans < 0 || first > h.trans ||
		    (uint32_t)ntrans > h.trans - first) {
			free(d);
			return NULL;
		}
		st->replindex = (signed char)s[8];
		st->replcut = (signed char)s[9];
		st->fallback_state = fallback;
		st->num_trans = ntrans;
		st->trans = ntrans ? trans + first : NULL;
	}
	*pos = end;
	return d;
}

void hyph_cache_free(HyphenDict *d, void *mem)
{
	while (d) {
		HyphenDict *next = d->nextlevel;
		free(d);
		d = next;
	}
	free(mem);
}

/* Whether the file's header fits this machine and its payload is whole; *same_time tells
 * whether it names the patterns by their size and time, else (same size, another time) the
 * SHA-256 of their bytes must be compared. */
static int header_ok(const unsigned char *buf, size_t n, const source_key *k, int *same_time)
{
	uint32_t abi[4];
	abi_words(abi);
	if (n < HEAD_SIZE + 8 || memcmp(buf, MAGIC, 8) != 0 || memcmp(buf + 8, abi, sizeof abi) != 0 ||
	    get64(buf + 24) != k->size)
		return 0;
	*same_time = get64(buf + 32) == k->mtime_ns;
	uint64_t plen = get64(buf + 72);
	return plen == n - HEAD_SIZE && plen % 8 == 0 && get64(buf + 80) == payload_hash(buf + HEAD_SIZE, n - HEAD_SIZE);
}

static HyphenDict *read_levels(unsigned char *pay, size_t len)
{
	size_t pos = 8;
	uint32_t levels = get32(pay);
	HyphenDict *first = NULL, **link = &first;
	for (uint32_t i = 0; i < levels && i < MAX_LEVELS; i++) {
		HyphenDict *d = read_level(pay, len, &pos);
		if (!d)
			break;
		*link = d;
		link = &d->nextlevel;
	}
	uint32_t levels_read = 0;
	for (HyphenDict *d = first; d; d = d->nextlevel)
		levels_read++;
	if (levels == 0 || levels > MAX_LEVELS || levels_read != levels || pos != len) {
		hyph_cache_free(first, NULL);
		return NULL;
	}
	return first;
}

HyphenDict *hyph_cache_load(const char *dir, const char *src, void **mem, int *refresh)
{
	*mem = NULL;
	*refresh = 0;
	source_key k;
	if (!dir || !abi_usable() || source_stat(src, &k) != 0)
		return NULL;
	char *path = cache_file(dir, src);
	size_t n = 0;
	unsigned char *buf = read_all(path, MAX_FILE, &n);
	free(path);
	int same_time = 0;
	/* a file made from patterns of the same size but another time is used when their bytes
	 * are the same (and written again with this time); never when they differ */
	if (!buf || !header_ok(buf, n, &k, &same_time) ||
	    (!same_time && (source_sha(src, &k) != 0 || memcmp(buf + 40, k.sha, 32) != 0))) {
		free(buf);
		return NULL;
	}
	HyphenDict *d = read_levels(buf + HEAD_SIZE, n - HEAD_SIZE);
	if (!d) {
		free(buf);
		return NULL;
	}
	*refresh = !same_time;
	*mem = buf;
	return d;
}

/* ---- writing ---- */

static size_t level_size(const HyphenDict *d, size_t *trans, size_t *strings, size_t *noh)
{
	*trans = *strings = *noh = 0;
	for (int i = 0; i < d->num_states; i++) {
		const HyphenState *s = &d->states[i];
		*trans += (size_t)s->num_trans;
		*strings += (s->match ? strlen(s->match) + 1 : 0) + (s->repl ? strlen(s->repl) + 1 : 0);
	}
	if (d->nohyphen) {
		const char *p = d->nohyphen;
		for (int i = 0; i <= d->nohyphenl; i++) {
			*noh += strlen(p) + 1;
			p += strlen(p) + 1;
		}
	}
	return LEVEL_HEAD + (size_t)d->num_states * STATE_SIZE + *trans * TRANS_SIZE + pad8(*noh) + pad8(*strings);
}

static uint32_t put_string(unsigned char *strings, size_t *used, const char *s)
{
	if (!s)
		return NONE;
	size_t at = *used, n = strlen(s) + 1;
	memcpy(strings + at, s, n);
	*used += n;
	return (uint32_t)at;
}

/* Writes level d at p (zeroed, level_size bytes). */
static void write_level(unsigned char *p, const HyphenDict *d, size_t ntrans, size_t nstr, size_t noh)
{
	put32(p, (uint32_t)d->num_states);
	put32(p + 4, (uint32_t)ntrans);
	put32(p + 8, (uint32_t)(d->nohyphen ? d->nohyphenl : 0));
	put32(p + 12, (uint32_t)noh);
	put32(p + 16, (uint32_t)nstr);
	put32(p + 20, (uint32_t)d->utf8);
	p[24] = (unsigned char)d->lhmin, p[25] = (unsigned char)d->rhmin;
	p[26] = (unsigned char)d->clhmin, p[27] = (unsigned char)d->crhmin;
	memcpy(p + 28, d->cset, MAX_NAME);
	unsigned char *states = p + LEVEL_HEAD, *trans = states + (size_t)d->num_states * STATE_SIZE;
	unsigned char *nohyphen = trans + ntrans * TRANS_SIZE, *strings = nohyphen + pad8(noh);
	if (noh)
		memcpy(nohyphen, d->nohyphen, noh);
	size_t t = 0, used = 0;
	for (int i = 0; i < d->num_states; i++) {
		const HyphenState *s = &d->states[i];
		unsigned char *r = states + (size_t)i * STATE_SIZE;
		put32(r, put_string(strings, &used, s->match));
		put32(r + 4, put_string(strings, &used, s->repl));
		/* libhyphen leaves these unset in a state without a replacement and reads them
		 * only with one: the file has zeros there, so that it is the same every time */
		r[8] = s->repl ? (unsigned char)s->replindex : 0;
		r[9] = s->repl ? (unsigned char)s->replcut : 0;
		put32(r + 12, (uint32_t)s->fallback_state);
		put32(r + 16, (uint32_t)s->num_trans);
		put32(r + 20, (uint32_t)t);
		for (int k = 0; k < s->num_trans; k++, t++) {
			trans[t * TRANS_SIZE] = (unsigned char)s->trans[k].ch;
			put32(trans + t * TRANS_SIZE + offsetof(HyphenTrans, new_state), (uint32_t)s->trans[k].new_state);
		}
	}
}

/* The whole file for d (NULL when it does not fit the format). */
static unsigned char *serialize(const HyphenDict *d, const source_key *k, size_t *n)
{
	size_t len = 8, levels = 0;
	for (const HyphenDict *l = d; l; l = l->nextlevel, levels++) {
		size_t t, s, h;
		len += level_size(l, &t, &s, &h);
		if (levels == MAX_LEVELS || t > INT32_MAX / 2 || s >= NONE || l->num_states <= 0)
			return NULL;
	}
	unsigned char *buf = xcalloc(1, HEAD_SIZE + len), *pay = buf + HEAD_SIZE;
	put32(pay, (uint32_t)levels);
	size_t pos = 8;
	for (const HyphenDict *l = d; l; l = l->nextlevel) {
		size_t t, s, h, size = level_size(l, &t, &s, &h);
		write_level(pay + pos, l, t, s, h);
		pos += size;
	}
	uint32_t abi[4];
	abi_words(abi);
	memcpy(buf, MAGIC, 8);
	memcpy(buf + 8, abi, sizeof abi);
	put64(buf + 24, k->size);
	put64(buf + 32, k->mtime_ns);
	memcpy(buf + 40, k->sha, 32);
	put64(buf + 72, len);
	put64(buf + 80, payload_hash(pay, len));
	*n = HEAD_SIZE + len;
	return buf;
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* dir and its parent, as the XDG spec asks (0700); an existing one is left as it is. */
static int make_dir(const char *dir)
{
	char *parent = xstrdup(dir), *slash = strrchr(parent, '/');
	if (slash && slash != parent) {
		*slash = 0;
		if (mkdir(parent, 0700) != 0 && errno != EEXIST) {
			free(parent);
			return -1;
		}
	}
	free(parent);
	return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

void hyph_cache_store(const char *dir, const char *src, const HyphenDict *d)
{
	source_key k;
	size_t n;
	if (!dir || !d || !abi_usable() || source_stat(src, &k) != 0 || source_sha(src, &k) != 0 || make_dir(dir) != 0)
		return;
	unsigned char *buf = serialize(d, &k, &n);
	if (!buf)
		return;
	char *path = cache_file(dir, src), *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd >= 0) {
		int ok = write_all(fd, buf, n) == 0;
		ok = close(fd) == 0 && ok;
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(tmp);
	free(path);
	free(buf);
}
