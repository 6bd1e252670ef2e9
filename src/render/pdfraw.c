/* pdfraw.c: the PDF cairo wrote, indexed where it lies: its objects by number (from the xref
 * table), the trailer's /Root and /Info, the pages in order and each page's content stream,
 * and the few readings of dictionary text the finishing pass needs. Nothing is copied or
 * parsed into objects: the finishing writer copies each object's bytes from here. */
#include "render/pdfraw.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/util.h"

static int is_ws(char c)
{
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int is_delim(char c)
{
	return c && strchr("()<>[]{}/%", c) != NULL;
}

/* Past blanks and comments from i. */
static size_t skip_blank(const char *b, size_t len, size_t i)
{
	while (i < len) {
		if (is_ws(b[i])) {
			i++;
		} else if (b[i] == '%') {
			while (i < len && b[i] != '\n' && b[i] != '\r')
				i++;
		} else {
			break;
		}
	}
	return i;
}

/* Past a regular token (a name's characters, a number, a keyword) from i. */
static size_t skip_word(const char *b, size_t len, size_t i)
{
	while (i < len && !is_ws(b[i]) && !is_delim(b[i]))
		i++;
	return i;
}

static int is_uint(const char *b, size_t from, size_t to)
{
	if (from >= to)
		return 0;
	for (size_t i = from; i < to; i++)
		if (b[i] < '0' || b[i] > '9')
			return 0;
	return 1;
}

size_t pdf_skip_string(const char *b, size_t len, size_t i)
{
	int nest = 0;
	for (; i < len; i++) {
		if (b[i] == '\\')
			i++;
		else if (b[i] == '(')
			nest++;
		else if (b[i] == ')' && --nest == 0)
			return i + 1;
	}
	return len;
}

/* Where a reference "N G R" whose number is the word [i, e) ends, or 0 when it is none. */
static size_t ref_end(const char *b, size_t len, size_t i, size_t e)
{
	if (!is_uint(b, i, e))
		return 0;
	size_t g = skip_blank(b, len, e), ge = skip_word(b, len, g);
	size_t r = skip_blank(b, len, ge), re = skip_word(b, len, r);
	return is_uint(b, g, ge) && re == r + 1 && b[r] == 'R' ? re : 0;
}

int pdf_next_ref(const char *t, size_t n, size_t *i, size_t *start, size_t *end)
{
	size_t k = *i;
	while (k < n) {
		k = skip_blank(t, n, k);
		if (k >= n)
			break;
		char c = t[k];
		if (c == '(') {
			k = pdf_skip_string(t, n, k);
		} else if (c == '<' && k + 1 < n && t[k + 1] == '<') {
			k += 2;
		} else if (c == '<') {
			const char *e = memchr(t + k, '>', n - k); /* a hex string */
			k = e ? (size_t)(e - t) + 1 : n;
		} else if (c == '/') {
			k = skip_word(t, n, k + 1);
		} else if (is_delim(c)) {
			k++;
		} else {
			size_t e = skip_word(t, n, k), re = ref_end(t, n, k, e);
			if (re) {
				*start = k;
				*end = *i = re;
				long id = strtol(t + k, NULL, 10);
				return id > 0 && id < 100000000 ? (int)id : 0;
			}
			k = e;
		}
	}
	*i = n;
	return -1;
}

/* Past one value from i (blanks before it skipped): a dictionary, array, string, name,
 * number, reference "N G R" or keyword. */
static size_t skip_value(const char *b, size_t len, size_t i)
{
	i = skip_blank(b, len, i);
	if (i >= len)
		return len;
	char c = b[i];
	if (c == '(')
		return pdf_skip_string(b, len, i);
	if (c == '<' && i + 1 < len && b[i + 1] == '<') {
		i += 2;
		for (;;) {
			i = skip_blank(b, len, i);
			if (i + 1 >= len)
				return len;
			if (b[i] == '>' && b[i + 1] == '>')
				return i + 2;
			i = skip_value(b, len, i);
		}
	}
	if (c == '<') {
		const char *e = memchr(b + i, '>', len - i);
		return e ? (size_t)(e - b) + 1 : len;
	}
	if (c == '[') {
		i++;
		for (;;) {
			i = skip_blank(b, len, i);
			if (i >= len)
				return len;
			if (b[i] == ']')
				return i + 1;
			i = skip_value(b, len, i);
		}
	}
	if (c == '/')
		return skip_word(b, len, i + 1);
	size_t e = skip_word(b, len, i);
	if (e == i)
		return i + 1; /* a stray delimiter: one byte, so that every loop moves on */
	size_t re = ref_end(b, len, i, e);
	return re ? re : e;
}

int pdf_dict_entry(const char *dict, size_t len, const char *key, size_t *kstart, size_t *vstart, size_t *vend)
{
	size_t i = skip_blank(dict, len, 0);
	if (i + 1 >= len || dict[i] != '<' || dict[i + 1] != '<')
		return -1;
	size_t klen = strlen(key);
	i += 2;
	for (;;) {
		i = skip_blank(dict, len, i);
		if (i + 1 >= len || (dict[i] == '>' && dict[i + 1] == '>') || dict[i] != '/')
			return -1;
		size_t ke = skip_word(dict, len, i + 1);
		size_t vs = skip_blank(dict, len, ke), ve = skip_value(dict, len, vs);
		if (ke - i == klen && memcmp(dict + i, key, klen) == 0) {
			*kstart = i;
			*vstart = vs;
			*vend = ve;
			return 0;
		}
		i = ve;
	}
}

int pdf_dict_value(const char *dict, size_t len, const char *key, const char **value, size_t *vlen)
{
	size_t k, vs, ve;
	if (pdf_dict_entry(dict, len, key, &k, &vs, &ve) != 0)
		return -1;
	*value = dict + vs;
	*vlen = ve - vs;
	return 0;
}

int pdf_dict_ref(const char *dict, size_t len, const char *key)
{
	const char *v;
	size_t n;
	if (pdf_dict_value(dict, len, key, &v, &n) != 0 || n < 5 || v[n - 1] != 'R')
		return -1;
	long id = strtol(v, NULL, 10);
	return id > 0 && id < 100000000 ? (int)id : -1;
}

int pdf_raw_body(const pdf_raw *r, int n, const char **body, size_t *len)
{
	if (n <= 0 || (size_t)n >= r->nobj || !r->off[n])
		return -1;
	size_t o = r->off[n];
	const char *obj = mem_find(r->b + o, r->b + (r->len - o > 32 ? o + 32 : r->len), " obj");
	if (!obj)
		return -1;
	size_t s = skip_blank(r->b, r->len, (size_t)(obj - r->b) + 4);
	size_t e = skip_value(r->b, r->len, s);
	if (e > r->len || e <= s)
		return -1;
	*body = r->b + s;
	*len = e - s;
	return 0;
}

int pdf_raw_stream(const pdf_raw *r, int n, const char **dict, size_t *dict_len, const char **data, size_t *data_len)
{
	if (pdf_raw_body(r, n, dict, dict_len) != 0)
		return -1;
	size_t i = (size_t)(*dict + *dict_len - r->b);
	i = skip_blank(r->b, r->len, i);
	if (i + 6 > r->len || memcmp(r->b + i, "stream", 6) != 0)
		return -1;
	i += 6;
	if (i < r->len && r->b[i] == '\r')
		i++;
	if (i < r->len && r->b[i] == '\n')
		i++;
	const char *v;
	size_t vlen;
	if (pdf_dict_value(*dict, *dict_len, "/Length", &v, &vlen) != 0)
		return -1;
	long long length = -1;
	int lref = pdf_dict_ref(*dict, *dict_len, "/Length");
	if (lref > 0) {
		const char *lb;
		size_t ll;
		if (pdf_raw_body(r, lref, &lb, &ll) != 0)
			return -1;
		length = strtoll(lb, NULL, 10);
	} else {
		length = strtoll(v, NULL, 10);
	}
	if (length < 0 || (size_t)length > r->len - i)
		return -1;
	*data = r->b + i;
	*data_len = (size_t)length;
	return 0;
}

/* The xref table at the offset startxref names: "xref", one subsection "0 N", N entries
 * of 20 bytes; then the trailer dictionary. */
static int read_xref(pdf_raw *r, char **why)
{
	const char *b = r->b;
	size_t len = r->len, tail = len > 64 ? len - 64 : 0;
	const char *sx = mem_find(b + tail, b + len, "startxref");
	if (!sx) {
		*why = xstrdup("no startxref");
		return -1;
	}
	size_t x = (size_t)strtoull(sx + 9, NULL, 10);
	if (x + 4 >= len || memcmp(b + x, "xref", 4) != 0) {
		*why = xstrdup("no xref table where startxref points");
		return -1;
	}
	char *end;
	unsigned long long first = strtoull(b + x + 4, &end, 10);
	unsigned long long count = strtoull(end, &end, 10);
	size_t e = skip_blank(b, len, (size_t)(end - b));
	if (first != 0 || count < 2 || count > 50000000 || count > (len - e) / 20) {
		*why = xstrdup("an xref table of more than one subsection");
		return -1;
	}
	r->nobj = (size_t)count;
	r->off = xcalloc(r->nobj, sizeof *r->off);
	for (size_t k = 1; k < r->nobj; k++) {
		const char *ent = b + e + 20 * k;
		if (ent[17] != 'n')
			continue;
		size_t o = (size_t)strtoull(ent, NULL, 10);
		r->off[k] = o < len ? o : 0;
	}
	const char *tr = mem_find(b + e + 20 * r->nobj, b + len, "trailer");
	if (!tr) {
		*why = xstrdup("no trailer");
		return -1;
	}
	size_t ts = skip_blank(b, len, (size_t)(tr - b) + 7), te = skip_value(b, len, ts);
	r->root = pdf_dict_ref(b + ts, te - ts, "/Root");
	r->info = pdf_dict_ref(b + ts, te - ts, "/Info");
	if (r->root <= 0) {
		*why = xstrdup("no /Root in the trailer");
		return -1;
	}
	return 0;
}

/* The pages in order: cairo writes one /Pages node whose /Kids are the pages. */
static int read_pages(pdf_raw *r, char **why)
{
	const char *cat, *pages, *kids;
	size_t clen, plen, klen;
	int pn;
	if (pdf_raw_body(r, r->root, &cat, &clen) != 0 || (pn = pdf_dict_ref(cat, clen, "/Pages")) <= 0 ||
	    pdf_raw_body(r, pn, &pages, &plen) != 0 || pdf_dict_value(pages, plen, "/Kids", &kids, &klen) != 0 ||
	    klen < 2 || kids[0] != '[') {
		*why = xstrdup("no page tree under the catalog");
		return -1;
	}
	size_t cap = 16;
	r->page = xmalloc(cap * sizeof *r->page);
	for (size_t i = 1; i < klen;) {
		i = skip_blank(kids, klen, i);
		if (i >= klen || kids[i] == ']')
			break;
		size_t e = skip_value(kids, klen, i);
		if (kids[e - 1] != 'R') {
			*why = xstrdup("a page tree of more than one level");
			return -1;
		}
		if ((size_t)r->npages == cap)
			r->page = xrealloc(r->page, (cap *= 2) * sizeof *r->page);
		r->page[r->npages++] = (int)strtol(kids + i, NULL, 10);
		i = e;
	}
	r->contents = xcalloc((size_t)r->npages + 1, sizeof *r->contents);
	for (int p = 0; p < r->npages; p++) {
		const char *pg;
		size_t pglen;
		if (pdf_raw_body(r, r->page[p], &pg, &pglen) != 0 ||
		    (r->contents[p] = pdf_dict_ref(pg, pglen, "/Contents")) <= 0) {
			*why = xasprintf("page %d has no content stream of its own", p + 1);
			return -1;
		}
	}
	return 0;
}

int pdf_raw_index(pdf_raw *r, const char *b, size_t len, char **why)
{
	memset(r, 0, sizeof *r);
	*why = NULL;
	r->b = b;
	r->len = len;
	if (read_xref(r, why) != 0 || read_pages(r, why) != 0) {
		pdf_raw_free(r);
		return -1;
	}
	return 0;
}

void pdf_raw_free(pdf_raw *r)
{
	free(r->off);
	free(r->page);
	free(r->contents);
	r->off = NULL;
	r->page = r->contents = NULL;
}

/* A dictionary's text without its closing >> and without the entries of keys (each key
 * stands once in a dictionary). */
void pdf_dict_without(strbuf *out, const char *d, size_t n, const char *const *keys)
{
	size_t cut[16][2], ncut = 0;
	for (size_t k = 0; keys[k] && ncut < 16; k++) {
		size_t ks, vs, ve;
		if (pdf_dict_entry(d, n, keys[k], &ks, &vs, &ve) == 0) {
			size_t at = ncut++;
			while (at > 0 && cut[at - 1][0] > ks) {
				cut[at][0] = cut[at - 1][0];
				cut[at][1] = cut[at - 1][1];
				at--;
			}
			cut[at][0] = ks;
			cut[at][1] = ve;
		}
	}
	size_t end = n;
	while (end > 0 && d[end - 1] != '>')
		end--;
	end = end >= 2 ? end - 2 : 0; /* the closing >> */
	size_t from = 0;
	for (size_t c = 0; c < ncut; c++) {
		sb_append(out, d + from, cut[c][0] - from);
		from = cut[c][1];
	}
	if (end > from)
		sb_append(out, d + from, end - from);
}

int pdf_inflate(const char *data, size_t len, strbuf *out)
{
	z_stream z = {0};
	if (inflateInit(&z) != Z_OK)
		return -1;
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)len;
	int rc;
	do {
		sb_grow(out, len * 4 + 4096);
		z.next_out = (Bytef *)out->data + out->len;
		z.avail_out = (uInt)(out->cap - out->len);
		rc = inflate(&z, Z_NO_FLUSH);
		out->len = out->cap - z.avail_out;
	} while (rc == Z_OK);
	inflateEnd(&z);
	return rc == Z_STREAM_END ? 0 : -1;
}
