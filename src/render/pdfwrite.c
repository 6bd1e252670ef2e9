/* pdfwrite.c: a PDF written object by object, in one pass. Dictionaries and arrays (the
 * structure tree's thousands of small elements most of all) are gathered a hundred at a
 * time into object streams and compressed; streams go out as they come; an xref stream at
 * the end says where each object is. An MD5 of every byte makes the /ID, so that the same
 * content always gives the same file. Bytes are gathered in blocks before they go out. */
#include "render/pdfwrite.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define BLOCK 65536
#define OBJSTM_OBJECTS 100

void pdf_writer_init(pdf_writer *w, cairo_write_func_t write, void *closure, pdf_nums *nums)
{
	memset(w, 0, sizeof *w);
	w->write = write;
	w->closure = closure;
	w->nums = nums;
	w->md5 = g_checksum_new(G_CHECKSUM_MD5);
	w->md5_open = 1;
}

static void write_out(pdf_writer *w, const char *data, size_t len)
{
	if (w->md5_open)
		g_checksum_update(w->md5, (const guchar *)data, (gssize)len);
	/* the write function takes at most an unsigned int at a time */
	for (size_t done = 0; done < len && !w->failed;) {
		unsigned part = len - done > (1u << 30) ? 1u << 30 : (unsigned)(len - done);
		if (w->write(w->closure, (const unsigned char *)data + done, part) != CAIRO_STATUS_SUCCESS)
			w->failed = 1;
		done += part;
	}
}

static void flush(pdf_writer *w)
{
	if (w->buf.len)
		write_out(w, w->buf.data, w->buf.len);
	w->buf.len = 0;
}

void pdf_write(pdf_writer *w, const void *data, size_t len)
{
	if (len >= BLOCK) {
		flush(w);
		write_out(w, data, len);
	} else {
		sb_append(&w->buf, data, len);
		if (w->buf.len >= BLOCK)
			flush(w);
	}
	w->pos += len;
}

static void put_str(pdf_writer *w, const char *s)
{
	pdf_write(w, s, strlen(s));
}

static pdf_xref_entry *entry(pdf_writer *w, int num)
{
	if ((size_t)num >= w->nxref) {
		size_t n = w->nxref ? w->nxref : 1024;
		while (n <= (size_t)num)
			n *= 2;
		w->xref = xrealloc(w->xref, n * sizeof *w->xref);
		memset(w->xref + w->nxref, 0, (n - w->nxref) * sizeof *w->xref);
		w->nxref = n;
	}
	return &w->xref[num];
}

/* A stream object, its dictionary's entries given whole. */
static void stream_out(pdf_writer *w, int num, const char *dict, const void *data, size_t len)
{
	*entry(w, num) = (pdf_xref_entry){1, w->pos, 0};
	char head[64];
	snprintf(head, sizeof head, "%d 0 obj\n", num);
	put_str(w, head);
	put_str(w, dict);
	put_str(w, "\nstream\n");
	pdf_write(w, data, len);
	put_str(w, "\nendstream\nendobj\n");
}

static int deflate_buf(const void *data, size_t len, unsigned char **z, uLongf *zlen)
{
	*zlen = compressBound((uLong)len);
	*z = xmalloc(*zlen);
	return compress2(*z, zlen, (const Bytef *)data, (uLong)len, Z_DEFAULT_COMPRESSION) == Z_OK ? 0 : -1;
}

static void flush_objstm(pdf_writer *w)
{
	if (!w->os_n)
		return;
	int num = pdf_num_new(w->nums);
	for (int i = 0; i < w->os_n; i++)
		*entry(w, w->os_objs[i]) = (pdf_xref_entry){2, (size_t)num, (unsigned)i};
	size_t first = w->os_head.len;
	sb_append(&w->os_head, w->os_body.data, w->os_body.len);
	unsigned char *z;
	uLongf zlen;
	char dict[128];
	if (deflate_buf(w->os_head.data, w->os_head.len, &z, &zlen) == 0) {
		snprintf(dict, sizeof dict, "<< /Type /ObjStm /N %d /First %zu /Filter /FlateDecode /Length %lu >>", w->os_n,
			 first, (unsigned long)zlen);
		stream_out(w, num, dict, z, zlen);
	} else {
		snprintf(dict, sizeof dict, "<< /Type /ObjStm /N %d /First %zu /Length %zu >>", w->os_n, first, w->os_head.len);
		stream_out(w, num, dict, w->os_head.data, w->os_head.len);
	}
	free(z);
	w->os_head.len = w->os_body.len = 0;
	w->os_n = 0;
}

void pdf_object(pdf_writer *w, int num, const char *text, size_t len)
{
	sb_printf(&w->os_head, "%d %zu ", num, w->os_body.len);
	sb_append(&w->os_body, text, len);
	sb_putc(&w->os_body, '\n');
	w->os_objs[w->os_n++] = num;
	*entry(w, num) = (pdf_xref_entry){2, 0, 0}; /* placed when its stream is written */
	if (w->os_n == OBJSTM_OBJECTS)
		flush_objstm(w);
}

void pdf_copy_obj(pdf_writer *w, int num, const char *text, size_t len)
{
	*entry(w, num) = (pdf_xref_entry){1, w->pos, 0};
	char head[64];
	snprintf(head, sizeof head, "%d 0 obj\n", num);
	put_str(w, head);
	pdf_write(w, text, len);
	put_str(w, "endobj\n");
}

void pdf_stream_obj(pdf_writer *w, int num, const char *entries, const void *data, size_t len)
{
	char *dict = xasprintf("<< %s /Length %zu >>", entries, len);
	stream_out(w, num, dict, data, len);
	free(dict);
}

static void put_be(strbuf *s, size_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--)
		sb_putc(s, (char)((v >> (8 * i)) & 0xff));
}

int pdf_writer_finish(pdf_writer *w, int root, int info)
{
	flush_objstm(w);
	int xnum = pdf_num_new(w->nums);
	int size = w->nums->next;
	entry(w, size); /* the table reaches every number */
	*entry(w, xnum) = (pdf_xref_entry){1, w->pos, 0};
	/* free entries chained from object 0, each to the next, the last back to 0 */
	strbuf rows = {0};
	int next_free = 0;
	int *chain = xcalloc((size_t)size + 1, sizeof *chain);
	for (int k = size - 1; k > 0; k--)
		if (!w->xref[k].type) {
			chain[k] = next_free;
			next_free = k;
		}
	for (int k = 0; k < size; k++) {
		const pdf_xref_entry *e = &w->xref[k];
		put_be(&rows, e->type, 1);
		put_be(&rows, e->type ? e->at : (size_t)(k ? chain[k] : next_free), 4);
		put_be(&rows, e->type == 2 ? e->index : e->type == 1 ? 0 : k ? 1 : 65535, 2);
	}
	free(chain);
	flush(w);
	const char *id = g_checksum_get_string(w->md5);
	strbuf dict = {0};
	sb_printf(&dict, "<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R", size, root);
	if (info > 0)
		sb_printf(&dict, " /Info %d 0 R", info);
	unsigned char *z;
	uLongf zlen;
	w->md5_open = 0; /* closed by reading it */
	size_t at = w->pos;
	if (deflate_buf(rows.data, rows.len, &z, &zlen) == 0) {
		sb_printf(&dict, " /ID [<%s> <%s>] /Filter /FlateDecode /Length %lu >>", id, id, (unsigned long)zlen);
		stream_out(w, xnum, dict.data, z, zlen);
	} else {
		sb_printf(&dict, " /ID [<%s> <%s>] /Length %zu >>", id, id, rows.len);
		stream_out(w, xnum, dict.data, rows.data, rows.len);
	}
	free(z);
	sb_free(&dict);
	sb_free(&rows);
	char tail[64];
	snprintf(tail, sizeof tail, "startxref\n%zu\n%%%%EOF\n", at);
	put_str(w, tail);
	flush(w);
	return w->failed ? -1 : 0;
}

void pdf_writer_free(pdf_writer *w)
{
	if (w->md5)
		g_checksum_free(w->md5);
	w->md5 = NULL;
	free(w->xref);
	w->xref = NULL;
	sb_free(&w->buf);
	sb_free(&w->os_head);
	sb_free(&w->os_body);
}

int pdf_num_new(pdf_nums *a)
{
	return a->used < a->nfree ? a->free[a->used++] : a->next++;
}

void pdf_sb_num(strbuf *sb, double v)
{
	char b[48];
	snprintf(b, sizeof b, "%.2f", v);
	char *e = b + strlen(b);
	while (e > b && e[-1] == '0')
		*--e = 0;
	if (e > b && e[-1] == '.')
		*--e = 0;
	if (strcmp(b, "-0") == 0)
		strcpy(b, "0");
	sb_printf(sb, " %s", b);
}

void pdf_sb_bytes(strbuf *sb, const char *s)
{
	sb_putc(sb, '(');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '(' || *p == ')' || *p == '\\')
			sb_printf(sb, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			sb_printf(sb, "\\%03o", *p);
		else
			sb_putc(sb, (char)*p);
	}
	sb_putc(sb, ')');
}

void pdf_sb_text(strbuf *sb, const char *utf8)
{
	int ascii = g_utf8_validate(utf8, -1, NULL);
	for (const unsigned char *p = (const unsigned char *)utf8; ascii && *p; p++)
		if (*p < 0x20 || *p >= 0x7f)
			ascii = 0;
	if (ascii) {
		pdf_sb_bytes(sb, utf8);
		return;
	}
	glong n = 0;
	gunichar2 *u = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
	if (!u) { /* not UTF-8: what the brief's loader never lets through; said as bytes */
		pdf_sb_bytes(sb, "");
		return;
	}
	sb_puts(sb, "<FEFF");
	for (glong i = 0; i < n; i++)
		sb_printf(sb, "%04X", (unsigned)u[i]);
	sb_putc(sb, '>');
	g_free(u);
}
