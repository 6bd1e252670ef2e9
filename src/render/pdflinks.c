/* pdflinks.c: adds link annotations to a PDF that cairo wrote, by appending an
 * incremental update (new annotation objects, new versions of the pages that carry
 * them, and an xref section chained to cairo's with /Prev). Only what cairo writes
 * needs to be understood: a classic xref table and a flat /Kids array. */
#include "render/pdflinks.h"

#include <stdlib.h>
#include <string.h>

void pdf_links_add(pdf_links *l, pdf_link k)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = k;
}

void pdf_links_free(pdf_links *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Last occurrence of needle in hay[0..n). */
static const char *rfind(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	if (m > n)
		return NULL;
	for (size_t i = n - m + 1; i-- > 0;)
		if (memcmp(hay + i, needle, m) == 0)
			return hay + i;
	return NULL;
}

/* Reads "<num>" after the key in dict text [s, e); -1 if absent. */
static long dict_ref(const char *s, const char *e, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = s; p + kl < e; p++) {
		if (memcmp(p, key, kl) == 0 && (p[kl] == ' ' || p[kl] == '\n')) {
			char *end;
			long v = strtol(p + kl, &end, 10);
			return end > p + kl ? v : -1;
		}
	}
	return -1;
}

typedef struct xref {
	long *off; /* by object number; -1 absent */
	long size;
} xref;

static int read_xref(const char *pdf, size_t len, xref *x, long *startxref, long *root, long *info)
{
	const char *sx = rfind(pdf, len, "startxref");
	if (!sx)
		return -1;
	*startxref = strtol(sx + 9, NULL, 10);
	if (*startxref <= 0 || (size_t)*startxref + 24 > len || memcmp(pdf + *startxref, "xref", 4) != 0)
		return -1;
	const char *p = pdf + *startxref + 4;
	char *end;
	long first = strtol(p, &end, 10);
	long count = strtol(end, &end, 10);
	if (first != 0 || count <= 0 || count > 10000000)
		return -1;
	x->size = count;
	x->off = xmalloc((size_t)count * sizeof *x->off);
	p = end;
	while (*p == ' ' || *p == '\r' || *p == '\n')
		p++;
	for (long i = 0; i < count; i++) {
		/* "nnnnnnnnnn ggggg n\n": 20 bytes an entry */
		if ((size_t)(p - pdf) + 20 > len) {
			free(x->off);
			return -1;
		}
		x->off[i] = p[17] == 'n' ? strtol(p, NULL, 10) : -1;
		p += 20;
	}
	const char *tr = mem_find(p, pdf + len, "trailer");
	if (!tr) {
		free(x->off);
		return -1;
	}
	*root = dict_ref(tr, pdf + len, "/Root");
	*info = dict_ref(tr, pdf + len, "/Info");
	return *root > 0 ? 0 : -1;
}

/* The body of object n: [*s, *e) from after "n 0 obj" to before "endobj". */
static int object_body(const char *pdf, size_t len, const xref *x, long n, const char **s, const char **e)
{
	if (n <= 0 || n >= x->size || x->off[n] < 0 || (size_t)x->off[n] >= len)
		return -1;
	const char *p = pdf + x->off[n];
	const char *o = mem_find(p, pdf + len, " obj");
	const char *eo = o ? mem_find(o, pdf + len, "endobj") : NULL;
	if (!o || !eo || eo < o)
		return -1;
	*s = o + 4;
	*e = eo;
	return 0;
}

int pdf_links_apply(strbuf *pdf, const pdf_links *l)
{
	strbuf up = {0};
	int rc = pdf_links_update(pdf->data, pdf->len, l, &up);
	if (rc == 0)
		sb_append(pdf, up.data, up.len);
	sb_free(&up);
	return rc;
}

/* An incremental update being written: the annotations, then new versions of the pages
 * that carry them, then their cross-reference section. */
typedef struct update {
	const char *data; /* the PDF as cairo wrote it */
	size_t len;
	xref x;
	long *pages;   /* object number of each page, in order */
	size_t npages;
	long *ids;     /* object number of each link's annotation */
	long *newoff;  /* offsets of the new objects: annotations, then changed pages */
	long *changed; /* object numbers of the changed pages */
	size_t nchanged;
	long next;     /* the next free object number */
	strbuf up;
} update;

/* The page objects, from the /Kids of the root's /Pages. */
static int read_pages(update *u, long root)
{
	const char *s, *e;
	if (object_body(u->data, u->len, &u->x, root, &s, &e) != 0)
		return -1;
	long pages_obj = dict_ref(s, e, "/Pages");
	if (object_body(u->data, u->len, &u->x, pages_obj, &s, &e) != 0)
		return -1;
	const char *kids = mem_find(s, e, "/Kids");
	if (!kids || !(kids = mem_find(kids, e, "[")))
		return -1;
	for (const char *p = kids + 1; p < e && *p != ']';) {
		char *end;
		long v = strtol(p, &end, 10);
		if (end == p) {
			p++;
			continue;
		}
		u->pages = xrealloc(u->pages, (u->npages + 1) * sizeof *u->pages);
		u->pages[u->npages++] = v;
		/* skip "G R" */
		strtol(end, &end, 10);
		while (*end == ' ' || *end == 'R' || *end == '\n')
			end++;
		p = end;
	}
	return 0;
}

static void write_annotations(update *u, const pdf_links *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const pdf_link *k = &l->v[i];
		u->ids[i] = u->next++;
		u->newoff[i] = (long)(u->len + u->up.len);
		sb_printf(&u->up, "%ld 0 obj\n<< /Type /Annot /Subtype /Link /Border [0 0 0]\n   /Rect [%.2f %.2f %.2f %.2f]\n",
			  u->ids[i], k->x, l->page_h - (k->y + k->h), k->x + k->w, l->page_h - k->y);
		if (k->uri) {
			sb_puts(&u->up, "   /A << /S /URI /URI (");
			for (const char *c = k->uri; *c; c++) {
				if (*c == '(' || *c == ')' || *c == '\\')
					sb_putc(&u->up, '\\');
				sb_putc(&u->up, *c);
			}
			sb_puts(&u->up, ") >> >>\nendobj\n");
		} else {
			sb_printf(&u->up, "   /Dest [%ld 0 R /XYZ %.2f %.2f 0] >>\nendobj\n", u->pages[k->to_page], k->to_x,
				  l->page_h - k->to_y);
		}
	}
}

/* A new version of page pg with its annotations added to its /Annots (made if missing). */
static int write_page(update *u, const pdf_links *l, size_t pg)
{
	const char *s, *e;
	if (object_body(u->data, u->len, &u->x, u->pages[pg], &s, &e) != 0)
		return -1;
	const char *close = rfind(s, (size_t)(e - s), ">>");
	const char *annots = mem_find(s, e, "/Annots");
	const char *open = annots ? mem_find(annots, e, "[") : NULL;
	if (!close || (annots && !open))
		return -1;
	u->newoff[l->n + u->nchanged] = (long)(u->len + u->up.len);
	u->changed[u->nchanged++] = u->pages[pg];
	sb_printf(&u->up, "%ld 0 obj", u->pages[pg]);
	strbuf refs = {0};
	for (size_t i = 0; i < l->n; i++)
		if ((size_t)l->v[i].page == pg)
			sb_printf(&refs, " %ld 0 R", u->ids[i]);
	if (open) {
		sb_append(&u->up, s, (size_t)(open + 1 - s));
		sb_append(&u->up, refs.data, refs.len);
		sb_append(&u->up, open + 1, (size_t)(e - open - 1));
	} else {
		sb_append(&u->up, s, (size_t)(close - s));
		sb_printf(&u->up, "   /Annots [%s ]\n", refs.data);
		sb_append(&u->up, close, (size_t)(e - close));
	}
	sb_puts(&u->up, "endobj\n");
	sb_free(&refs);
	return 0;
}

static void write_xref(update *u, const pdf_links *l, long startxref, long root, long info)
{
	size_t xref_at = u->len + u->up.len;
	sb_printf(&u->up, "xref\n0 1\n0000000000 65535 f \n");
	/* changed pages, one subsection each; new annotations, one subsection */
	for (size_t i = 0; i < u->nchanged; i++)
		sb_printf(&u->up, "%ld 1\n%010ld 00000 n \n", u->changed[i], u->newoff[l->n + i]);
	sb_printf(&u->up, "%ld %zu\n", u->x.size, l->n);
	for (size_t i = 0; i < l->n; i++)
		sb_printf(&u->up, "%010ld 00000 n \n", u->newoff[i]);
	sb_printf(&u->up, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", u->next, root);
	if (info > 0)
		sb_printf(&u->up, "   /Info %ld 0 R\n", info);
	sb_printf(&u->up, "   /Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n", startxref, xref_at);
}

static int write_update(update *u, const pdf_links *l, long root)
{
	if (read_pages(u, root) != 0)
		return -1;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].page < 0 || (size_t)l->v[i].page >= u->npages ||
		    (!l->v[i].uri && (l->v[i].to_page < 0 || (size_t)l->v[i].to_page >= u->npages)))
			return -1;
	/* new objects: one annotation per link, then new versions of the pages */
	u->next = u->x.size;
	u->newoff = xmalloc((l->n + u->npages) * sizeof *u->newoff);
	u->ids = xmalloc(l->n * sizeof *u->ids);
	u->changed = xmalloc(u->npages * sizeof *u->changed);
	sb_puts(&u->up, "\n");
	write_annotations(u, l);
	for (size_t pg = 0; pg < u->npages; pg++) {
		int any = 0;
		for (size_t i = 0; i < l->n; i++)
			any |= (size_t)l->v[i].page == pg;
		if (any && write_page(u, l, pg) != 0)
			return -1;
	}
	return 0;
}

int pdf_links_update(const char *data, size_t len, const pdf_links *l, strbuf *out)
{
	if (l->n == 0)
		return 0;
	update u = {.data = data, .len = len};
	long startxref, root, info;
	if (read_xref(data, len, &u.x, &startxref, &root, &info) != 0)
		return -1;
	int rc = write_update(&u, l, root);
	if (rc == 0) {
		write_xref(&u, l, startxref, root, info);
		sb_append(out, u.up.data, u.up.len);
	}
	sb_free(&u.up);
	free(u.newoff);
	free(u.ids);
	free(u.changed);
	free(u.pages);
	free(u.x.off);
	return rc;
}
