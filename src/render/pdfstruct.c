/* pdfstruct.c: the structure tree of a tagged PDF, built in the finishing pass. Cairo has
 * written one structure element per leaf part (pdfmarks.c); here they are hung under the
 * containers the layout put them in (doc->paths: lists, quotes, tables, boxes), parts of
 * one leaf joined again, figures given their /Alt, header cells their scope, links their
 * Link elements, and the parent tree made anew. What the pages draw outside every marked
 * sequence is then marked an artifact, by a pass over each page's content stream. */
#include "render/pdfstruct.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/util.h"

typedef struct tree {
	qpdf_data q;
	const doc *dc;
	const qpdf_oh *pages;
	qpdf_oh doc_el;
	GHashTable *containers; /* container number → element */
	GHashTable *leaves;     /* "parent:role:id" → element */
	GHashTable *leaf_page;  /* element → its /Pg's page + 1 */
	qpdf_oh **mcid;         /* per page, the element of each MCID */
	size_t *nmcid;
	int *next; /* the next object number */
} tree;

void pq_set_new(qpdf_data q, qpdf_oh dict, const char *key, qpdf_oh v)
{
	qpdf_oh_replace_key(q, dict, key, v);
	qpdf_oh_release(q, v);
}

void pq_push_new(qpdf_data q, qpdf_oh arr, qpdf_oh v)
{
	qpdf_oh_append_item(q, arr, v);
	qpdf_oh_release(q, v);
}

void pq_push_to(qpdf_data q, qpdf_oh dict, const char *key, qpdf_oh v)
{
	qpdf_oh arr = qpdf_oh_get_key(q, dict, key);
	qpdf_oh_append_item(q, arr, v);
	qpdf_oh_release(q, arr);
}

qpdf_oh pq_indirect(qpdf_data q, int *next, qpdf_oh direct)
{
	int id = (*next)++;
	qpdf_replace_object(q, id, 0, direct);
	qpdf_oh_release(q, direct);
	return qpdf_get_object_by_id(q, id, 0);
}

static qpdf_oh new_elem(tree *t, int role, qpdf_oh parent)
{
	qpdf_data q = t->q;
	char name[32];
	snprintf(name, sizeof name, "/%s", tag_role_name(role));
	qpdf_oh e = qpdf_oh_new_dictionary(q); /* no /Type: optional, and 10,000 elements are 10,000 names */
	pq_set_new(q, e, "/S", qpdf_oh_new_name(q, name));
	qpdf_oh_replace_key(q, e, "/P", parent);
	pq_set_new(q, e, "/K", qpdf_oh_new_array(q));
	qpdf_oh ind = pq_indirect(q, t->next, e);
	pq_push_to(q, parent, "/K", ind);
	return ind;
}

/* The element a leaf hangs in, its containers made as they are first met. */
static qpdf_oh container(tree *t, const pdf_leaf *l, int *parent_id)
{
	qpdf_oh parent = t->doc_el;
	*parent_id = 0;
	const tag_path *p = &t->dc->paths[l->path];
	for (int d = 0; d < l->depth && d < p->n; d++) {
		gpointer key = GINT_TO_POINTER(p->v[d].id);
		gpointer e = g_hash_table_lookup(t->containers, key);
		if (!e) {
			e = GUINT_TO_POINTER(new_elem(t, p->v[d].role, parent));
			g_hash_table_insert(t->containers, key, e);
		}
		parent = GPOINTER_TO_UINT(e);
		*parent_id = p->v[d].id;
	}
	return parent;
}

/* The leaf element l is a part of, made when first met (*page: the page of its first part,
 * its /Pg). */
static qpdf_oh leaf_elem(tree *t, const pdf_leaf *l, int *page);

/* A leaf's key among the leaves: its container's number, its role and number, and for a
 * Link's text the leaf it stands in. */
static char *leaf_key(int pid, const pdf_leaf *l)
{
	if (l->in_role)
		return xasprintf("%d:%d:%d/%d:%d", pid, l->in_role, l->in_id, l->role, l->id);
	return xasprintf("%d:%d:%d", pid, l->role, l->id);
}

/* The element a leaf hangs in: its last container's, or for a Link's text its leaf's. */
static qpdf_oh leaf_parent(tree *t, const pdf_leaf *l, int *pid)
{
	qpdf_oh parent = container(t, l, pid);
	if (!l->in_role)
		return parent;
	pdf_leaf in = *l;
	in.role = l->in_role;
	in.id = l->in_id;
	in.in_role = in.in_id = 0;
	int page;
	return leaf_elem(t, &in, &page);
}

static qpdf_oh leaf_elem(tree *t, const pdf_leaf *l, int *page)
{
	qpdf_data q = t->q;
	int pid;
	qpdf_oh parent = leaf_parent(t, l, &pid);
	char *key = leaf_key(pid, l);
	gpointer e = g_hash_table_lookup(t->leaves, key);
	if (e) {
		free(key);
		*page = GPOINTER_TO_INT(g_hash_table_lookup(t->leaf_page, e)) - 1;
		return GPOINTER_TO_UINT(e);
	}
	qpdf_oh el = new_elem(t, l->role, parent);
	*page = l->page;
	qpdf_oh_replace_key(q, el, "/Pg", t->pages[l->page]);
	g_hash_table_insert(t->leaf_page, GUINT_TO_POINTER(el), GINT_TO_POINTER(l->page + 1));
	if (l->role == TAG_FIGURE)
		pq_set_new(q, el, "/Alt", qpdf_oh_new_unicode_string(q, l->alt ? l->alt : ""));
	if (l->role == TAG_TH)
		pq_set_new(q, el, "/A", qpdf_oh_parse(q, "<< /O /Table /Scope /Column >>"));
	g_hash_table_insert(t->leaves, key, GUINT_TO_POINTER(el));
	return el;
}

static void note_mcid(tree *t, int page, long long mcid, qpdf_oh el)
{
	if (mcid < 0 || mcid > 1000000)
		return;
	size_t n = (size_t)mcid + 1;
	if (n > t->nmcid[page]) {
		t->mcid[page] = xrealloc(t->mcid[page], n * sizeof **t->mcid);
		for (size_t k = t->nmcid[page]; k < n; k++)
			t->mcid[page][k] = 0;
		t->nmcid[page] = n;
	}
	t->mcid[page][mcid] = el;
}

/* A marked-content reference in el: the bare number on the element's own page (its /Pg,
 * the page of its first part), else a reference that names its page. */
static void add_mcid(tree *t, qpdf_oh el, int el_page, int page, int mcid)
{
	qpdf_data q = t->q;
	qpdf_oh kids = qpdf_oh_get_key(q, el, "/K");
	if (page == el_page) {
		pq_push_new(q, kids, qpdf_oh_new_integer(q, mcid));
	} else {
		qpdf_oh mcr = qpdf_oh_parse(q, "<< /Type /MCR >>");
		qpdf_oh_replace_key(q, mcr, "/Pg", t->pages[page]);
		pq_set_new(q, mcr, "/MCID", qpdf_oh_new_integer(q, mcid));
		pq_push_new(q, kids, mcr);
	}
	qpdf_oh_release(q, kids);
	note_mcid(t, page, mcid, el);
}

/* The parent tree: each page's MCIDs (key: the page's number), then each annotation's
 * Link (key: the pages' count and the link's number). */
static void parent_tree(tree *t, qpdf_oh sroot, const qpdf_oh *links, size_t nlinks)
{
	qpdf_data q = t->q;
	qpdf_oh nums = qpdf_oh_new_array(q);
	int npages = t->dc->npages;
	for (int p = 0; p < npages; p++) {
		pq_set_new(q, t->pages[p], "/StructParents", qpdf_oh_new_integer(q, p));
		qpdf_oh arr = qpdf_oh_new_array(q);
		for (size_t k = 0; k < t->nmcid[p]; k++) {
			if (t->mcid[p][k])
				qpdf_oh_append_item(q, arr, t->mcid[p][k]);
			else
				pq_push_new(q, arr, qpdf_oh_new_null(q));
		}
		pq_push_new(q, nums, qpdf_oh_new_integer(q, p));
		pq_push_new(q, nums, arr);
	}
	for (size_t k = 0; k < nlinks; k++) {
		pq_push_new(q, nums, qpdf_oh_new_integer(q, npages + (long long)k));
		qpdf_oh_append_item(q, nums, links[k]);
	}
	qpdf_oh pt = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, pt, "/Nums", nums);
	pq_set_new(q, sroot, "/ParentTree", pq_indirect(q, t->next, pt));
	qpdf_oh_replace_key(q, sroot, "/ParentTreeNextKey", qpdf_oh_new_integer(q, npages + (long long)nlinks));
}

/* A link's Link element: the one its text was tagged as, else a new one, in the leaf its
 * text is part of (the document when it is in none). */
static qpdf_oh link_elem(tree *t, const pdf_marks *m, const qpdf_oh *by_leaf, const pdf_link *lk)
{
	if (lk->leaf < 0 || (size_t)lk->leaf >= m->nleaves || !by_leaf[lk->leaf])
		return new_elem(t, TAG_LINK, t->doc_el);
	const pdf_leaf *l = &m->leaves[lk->leaf];
	pdf_leaf text = *l;
	if (!l->in_role) {
		text.in_role = l->role;
		text.in_id = l->id;
	}
	text.role = TAG_LINK;
	text.id = lk->link_id;
	int pid;
	container(t, &text, &pid);
	char *key = leaf_key(pid, &text);
	gpointer e = g_hash_table_lookup(t->leaves, key);
	free(key);
	if (e)
		return GPOINTER_TO_UINT(e);
	return new_elem(t, TAG_LINK, l->in_role ? leaf_parent(t, l, &pid) : by_leaf[lk->leaf]);
}

int pdf_struct_tree(qpdf_data q, const doc *dc, const pdf_marks *m, const qpdf_oh *pages, const qpdf_oh *annots,
		    int *next)
{
	qpdf_oh root = qpdf_get_root(q);
	tree t = {q,
		  dc,
		  pages,
		  0,
		  g_hash_table_new(g_direct_hash, g_direct_equal),
		  g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL),
		  g_hash_table_new(g_direct_hash, g_direct_equal),
		  NULL,
		  NULL,
		  next};
	t.mcid = xcalloc((size_t)dc->npages + 1, sizeof *t.mcid);
	t.nmcid = xcalloc((size_t)dc->npages + 1, sizeof *t.nmcid);
	qpdf_oh sroot = pq_indirect(q, next, qpdf_oh_parse(q, "<< /Type /StructTreeRoot /K [] >>"));
	t.doc_el = new_elem(&t, TAG_NONE, sroot);
	qpdf_oh_replace_key(q, t.doc_el, "/S", qpdf_oh_new_name(q, "/Document"));
	qpdf_oh_replace_key(q, sroot, "/K", t.doc_el);
	qpdf_oh *by_leaf = xcalloc(m->nleaves + 1, sizeof *by_leaf);
	for (size_t i = 0; i < m->nleaves; i++) {
		const pdf_leaf *l = &m->leaves[i];
		if (l->role >= TAG_COUNT) /* an artifact's: no element */
			continue;
		int el_page;
		by_leaf[i] = leaf_elem(&t, l, &el_page);
		if (l->page >= 0 && l->page < dc->npages)
			add_mcid(&t, by_leaf[i], el_page, l->page, l->mcid);
	}
	qpdf_oh *links = xcalloc(m->nlinks + 1, sizeof *links);
	for (size_t k = 0; k < m->nlinks; k++) {
		const pdf_link *lk = &m->links[k];
		qpdf_oh el = link_elem(&t, m, by_leaf, lk);
		qpdf_oh objr = qpdf_oh_parse(q, "<< /Type /OBJR >>");
		qpdf_oh_replace_key(q, objr, "/Obj", annots[k]);
		qpdf_oh_replace_key(q, objr, "/Pg", pages[lk->page]);
		pq_push_to(q, el, "/K", objr);
		qpdf_oh_release(q, objr);
		pq_set_new(q, annots[k], "/StructParent", qpdf_oh_new_integer(q, dc->npages + (long long)k));
		links[k] = el;
	}
	parent_tree(&t, sroot, links, m->nlinks);
	qpdf_oh_replace_key(q, root, "/StructTreeRoot", sroot);
	for (int p = 0; p < dc->npages; p++)
		free(t.mcid[p]);
	free(t.mcid);
	free(t.nmcid);
	free(links);
	free(by_leaf);
	g_hash_table_destroy(t.containers);
	g_hash_table_destroy(t.leaves);
	g_hash_table_destroy(t.leaf_page);
	return 0;
}

static int is_ws(unsigned char c)
{
	return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
}

static int is_delim(unsigned char c)
{
	return strchr("()<>[]{}/%", c) != NULL && c != 0;
}

/* Past a string "(...)" starting at i: nested parentheses, backslash escapes. */
static size_t skip_string(const unsigned char *b, size_t len, size_t i)
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

/* Past an inline image's data (after ID): the EI that stands alone. */
static size_t skip_inline_image(const unsigned char *b, size_t len, size_t i)
{
	for (i++; i + 2 <= len; i++)
		if (b[i] == 'E' && b[i + 1] == 'I' && is_ws(b[i - 1]) && (i + 2 == len || is_ws(b[i + 2])))
			return i + 2;
	return len;
}

/* Whether an operator begins a graphics object (text, a path, a shading, an image or a
 * form): where an artifact may start. */
static int starts_object(const unsigned char *w, size_t n)
{
	static const char *const ops[] = {"BT", "m", "re", "sh", "Do", "BI"};
	for (size_t k = 0; k < sizeof ops / sizeof *ops; k++)
		if (strlen(ops[k]) == n && memcmp(w, ops[k], n) == 0)
			return 1;
	return 0;
}

static int op_is(const unsigned char *w, size_t n, const char *op)
{
	return strlen(op) == n && memcmp(w, op, n) == 0;
}

typedef struct rewrite {
	const unsigned char *b;
	strbuf out;
	size_t copied;
} rewrite;

static void insert_at(rewrite *r, size_t at, const char *text)
{
	sb_append(&r->out, (const char *)r->b + r->copied, at - r->copied);
	sb_puts(&r->out, text);
	r->copied = at;
}

/* Past the token at i (a string, dictionary bracket, array bracket, name, number or
 * operator); *word set to an operator's or number's length, else 0. */
static size_t token(const unsigned char *b, size_t len, size_t i, size_t *word)
{
	*word = 0;
	unsigned char c = b[i];
	if (c == '(')
		return skip_string(b, len, i);
	if ((c == '<' || c == '>') && i + 1 < len && b[i + 1] == c)
		return i + 2;
	if (c == '<') {
		const unsigned char *e = memchr(b + i, '>', len - i);
		return e ? (size_t)(e - b) + 1 : len;
	}
	if (c == '[' || c == ']' || c == '{' || c == '}' || c == ')' || c == '>')
		return i + 1;
	size_t j = i + 1;
	while (j < len && !is_ws(b[j]) && !is_delim(b[j]))
		j++;
	if (c != '/')
		*word = j - i;
	return j;
}

/* The page's content replaced by content, compressed here: qpdf would hold every page's
 * content in full until it writes. It goes into cairo's content stream (one a page): a
 * new stream would cost qpdf a walk over every object. */
static int store_content(qpdf_data q, qpdf_oh page, const strbuf *content)
{
	uLongf zlen = compressBound((uLong)content->len);
	unsigned char *z = xmalloc(zlen);
	if (compress2(z, &zlen, (const Bytef *)content->data, (uLong)content->len, Z_BEST_SPEED) != Z_OK) {
		free(z);
		return -1;
	}
	qpdf_oh s = qpdf_oh_get_key(q, page, "/Contents");
	int own = !qpdf_oh_is_stream(q, s);
	if (own) {
		qpdf_oh_release(q, s);
		s = qpdf_oh_new_stream(q);
	}
	qpdf_oh flate = qpdf_oh_new_name(q, "/FlateDecode"), null = qpdf_oh_new_null(q);
	qpdf_oh_replace_stream_data(q, s, z, zlen, flate, null);
	qpdf_oh_release(q, flate);
	qpdf_oh_release(q, null);
	if (own)
		qpdf_oh_replace_key(q, page, "/Contents", s);
	qpdf_oh_release(q, s);
	free(z);
	return 0;
}

/* What is drawn outside every tag: tints, frames, rules, the page's white. */
#define LAYOUT_ARTIFACT "/Artifact << /Type /Layout >> BDC\n"

int pdf_struct_artifacts(qpdf_data q, qpdf_oh page, int *mcids)
{
	*mcids = 0;
	unsigned char *b = NULL;
	size_t len = 0;
	if (qpdf_oh_get_page_content_data(q, page, &b, &len) != QPDF_SUCCESS)
		return -1;
	rewrite r = {b, {0}, 0};
	size_t opstart = (size_t)-1, i = 0;
	int depth = 0, art = 0, changed = 0;
	while (i < len) {
		if (is_ws(b[i])) {
			i++;
			continue;
		}
		if (b[i] == '%') {
			while (i < len && b[i] != '\n' && b[i] != '\r')
				i++;
			continue;
		}
		if (opstart == (size_t)-1)
			opstart = i;
		size_t n, tok = i;
		i = token(b, len, i, &n);
		unsigned char c0 = b[tok];
		if (n == 0 || (c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '+' || c0 == '.' || op_is(b + tok, n, "true") ||
		    op_is(b + tok, n, "false") || op_is(b + tok, n, "null"))
			continue; /* an operand */
		int marked = op_is(b + tok, n, "BDC") || op_is(b + tok, n, "BMC");
		/* a sequence of no structure element (an ActualText span) is content like any */
		int mcid = marked && mem_find((const char *)b + opstart, (const char *)b + tok, "/MCID") != NULL;
		*mcids += mcid;
		if (marked && depth == 0 && !mcid && !art) {
			insert_at(&r, opstart, LAYOUT_ARTIFACT);
			art = changed = 1;
		}
		/* an artifact cairo tagged for us: its own kind of /Artifact sequence */
		const char *props = NULL;
		if (mcid && depth == 0 && b[opstart] == '/') {
			size_t e = opstart + 1;
			while (e < tok && !is_ws(b[e]) && !is_delim(b[e]))
				e++;
			props = pdf_marks_artifact_props((const char *)b + opstart + 1, e - opstart - 1);
		}
		if (marked) {
			if (depth == 0 && art && mcid) {
				insert_at(&r, opstart, "EMC\n");
				art = 0;
			}
			if (props) {
				insert_at(&r, opstart, "/Artifact ");
				sb_puts(&r.out, props);
				sb_puts(&r.out, " BDC");
				r.copied = i; /* past cairo's "/Tag << /MCID n >> BDC" */
				changed = 1;
			}
			depth++;
		} else if (op_is(b + tok, n, "EMC")) {
			if (depth > 0)
				depth--;
		} else if (depth == 0 && !art && starts_object(b + tok, n)) {
			insert_at(&r, opstart, LAYOUT_ARTIFACT);
			art = changed = 1;
		}
		if (op_is(b + tok, n, "ID"))
			i = skip_inline_image(b, len, i);
		opstart = (size_t)-1;
	}
	if (art)
		insert_at(&r, len, "\nEMC\n");
	int rc = 0;
	if (changed) {
		sb_append(&r.out, (const char *)b + r.copied, len - r.copied);
		rc = store_content(q, page, &r.out);
	}
	sb_free(&r.out);
	free(b);
	return rc;
}
