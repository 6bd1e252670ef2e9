/* pdfstruct.c: the structure tree of a tagged PDF, written by the finishing pass. Cairo has
 * marked one sequence per leaf part (pdfmarks.c); here they are hung under the containers
 * the layout put them in (doc->paths: lists, quotes, tables, boxes), parts of one leaf
 * joined again, figures given their /Alt, header cells their scope, links their Link
 * elements, and the parent tree made. Elements are records until the whole tree is known,
 * then written as PDF text, each as an object of its own. */
#include "render/pdfstruct.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* What an element holds, in order: another element, a marked sequence on its own page (an
 * MCID), one on another page (a marked-content reference), or an annotation (an object
 * reference). */
typedef enum { KID_ELEM, KID_MCID, KID_MCR, KID_OBJR } kid_kind;
typedef struct kid {
	kid_kind kind;
	int a, b; /* KID_ELEM: element; KID_MCID: mcid; KID_MCR: page, mcid; KID_OBJR: object, page */
} kid;

typedef struct elem {
	int num;    /* its object */
	int role;   /* tag_role; TAG_NONE: the Document */
	int parent; /* element, -1: the StructTreeRoot */
	int page;   /* its /Pg (the page of its first part), -1 none */
	char numbering; /* an L's: doc.h, tag_step */
	const char *alt;
	const char *lang; /* its /Lang when not the document's */
	/* what its leaves cover on the page box_page (-1: none yet), as pdf_leaf.box; split:
	 * some of it is on another page */
	int box_page, split;
	double box[4];
	int order; /* the least pdf_marks.orders of the leaves in it, -1 none */
	kid *kids;
	size_t nkids, cap;
} elem;

typedef struct tree {
	const doc *dc;
	const int *pages; /* each page's object */
	pdf_nums *nums;
	elem *e;
	size_t ne, cap;
	GHashTable *containers; /* container number → element + 1 */
	GHashTable *leaves;     /* "parent:role:id" → element + 1 */
	int **mcid;             /* per page, the element + 1 of each MCID */
	size_t *nmcid;
} tree;

static void add_kid(elem *el, kid k)
{
	if (el->nkids == el->cap) {
		el->cap = el->cap ? el->cap * 2 : 4;
		el->kids = xrealloc(el->kids, el->cap * sizeof *el->kids);
	}
	el->kids[el->nkids++] = k;
}

static int new_elem(tree *t, int role, int parent)
{
	if (t->ne == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->e = xrealloc(t->e, t->cap * sizeof *t->e);
	}
	int i = (int)t->ne++;
	t->e[i] = (elem){.num = pdf_num_new(t->nums), .role = role, .parent = parent, .page = -1, .box_page = -1, .order = -1};
	if (parent >= 0)
		add_kid(&t->e[parent], (kid){KID_ELEM, i, 0});
	return i;
}

/* The element a leaf hangs in, its containers made as they are first met (0: the Document). */
static int container(tree *t, const pdf_leaf *l, int *parent_id)
{
	int parent = 0;
	*parent_id = 0;
	const tag_path *p = &t->dc->paths[l->path];
	for (int d = 0; d < l->depth && d < p->n; d++) {
		gpointer key = GINT_TO_POINTER(p->v[d].id);
		int e = GPOINTER_TO_INT(g_hash_table_lookup(t->containers, key)) - 1;
		if (e < 0) {
			e = new_elem(t, p->v[d].role, parent);
			t->e[e].numbering = p->v[d].numbering;
			g_hash_table_insert(t->containers, key, GINT_TO_POINTER(e + 1));
		}
		parent = e;
		*parent_id = p->v[d].id;
	}
	return parent;
}

static int leaf_elem(tree *t, const pdf_leaf *l);

/* A leaf's key among the leaves: its container's number, its role and number, and for a
 * Link's text the leaf it stands in. */
static char *leaf_key(int pid, const pdf_leaf *l)
{
	if (l->in_role)
		return xasprintf("%d:%d:%d/%d:%d", pid, l->in_role, l->in_id, l->role, l->id);
	return xasprintf("%d:%d:%d", pid, l->role, l->id);
}

/* The element a leaf hangs in: its last container's, or for a Link's text its leaf's. */
static int leaf_parent(tree *t, const pdf_leaf *l, int *pid)
{
	int parent = container(t, l, pid);
	if (!l->in_role)
		return parent;
	pdf_leaf in = *l;
	in.role = l->in_role;
	in.id = l->in_id;
	in.in_role = in.in_id = 0;
	return leaf_elem(t, &in);
}

/* The element leaf l is a part of, made when first met; its /Pg is the page of its first part. */
static int leaf_elem(tree *t, const pdf_leaf *l)
{
	int pid;
	int parent = leaf_parent(t, l, &pid);
	char *key = leaf_key(pid, l);
	int e = GPOINTER_TO_INT(g_hash_table_lookup(t->leaves, key)) - 1;
	if (e >= 0) {
		free(key);
		return e;
	}
	e = new_elem(t, l->role, parent);
	t->e[e].page = l->page;
	t->e[e].alt = l->alt;
	t->e[e].lang = l->lang;
	g_hash_table_insert(t->leaves, key, GINT_TO_POINTER(e + 1));
	return e;
}

/* A marked sequence of page in element e: a bare MCID on the element's own page, else a
 * reference that names its page. */
static void add_mcid(tree *t, int e, int page, int mcid)
{
	elem *el = &t->e[e];
	add_kid(el, page == el->page ? (kid){KID_MCID, mcid, 0} : (kid){KID_MCR, page, mcid});
	if (mcid < 0 || mcid > 1000000)
		return;
	size_t n = (size_t)mcid + 1;
	if (n > t->nmcid[page]) {
		t->mcid[page] = xrealloc(t->mcid[page], n * sizeof **t->mcid);
		memset(t->mcid[page] + t->nmcid[page], 0, (n - t->nmcid[page]) * sizeof **t->mcid);
		t->nmcid[page] = n;
	}
	t->mcid[page][mcid] = e + 1;
}

/* Leaf l's box added to what element e and each element around it cover. */
static void cover(tree *t, int e, const pdf_leaf *l)
{
	if (!(l->box[2] > l->box[0] && l->box[3] > l->box[1]))
		return;
	for (; e > 0; e = t->e[e].parent) {
		elem *el = &t->e[e];
		if (el->box_page < 0)
			el->box_page = l->page;
		if (el->box_page != l->page)
			el->split = 1;
		else
			pdf_box_grow(el->box, l->box);
	}
}

/* A leaf's place in the brief (pdf_marks.orders) given to element e and each element around it. */
static void place(tree *t, int e, int order)
{
	for (; e > 0 && order >= 0; e = t->e[e].parent)
		if (t->e[e].order < 0 || order < t->e[e].order)
			t->e[e].order = order;
}

typedef struct placed_kid {
	kid k;
	int order; /* the element's, else the one before it's */
	size_t drawn;  /* its place as drawn */
} placed_kid;

static int placed_cmp(const void *a, const void *b)
{
	const placed_kid *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->drawn < y->drawn ? -1 : x->drawn > y->drawn;
}

/* The Document's elements in the brief's order: the leaves were met as they were drawn,
 * and a float (a figure, a table across the columns) is drawn at the top of a later
 * column or page than where the brief puts it. What holds no leaf of known place stays
 * after the element drawn before it. */
static void brief_order(tree *t)
{
	elem *document = &t->e[0];
	placed_kid *pk = xmalloc((document->nkids + 1) * sizeof *pk);
	int last = -1;
	for (size_t k = 0; k < document->nkids; k++) {
		const kid *x = &document->kids[k];
		if (x->kind == KID_ELEM && t->e[x->a].order >= 0)
			last = t->e[x->a].order;
		pk[k] = (placed_kid){*x, last, k};
	}
	qsort(pk, document->nkids, sizeof *pk, placed_cmp);
	for (size_t k = 0; k < document->nkids; k++)
		document->kids[k] = pk[k].k;
	free(pk);
}

/* A link's Link element: the one its text was tagged as, else a new one, in the leaf its
 * text is part of (the Document when it is in none). */
static int link_elem(tree *t, const pdf_marks *m, const int *by_leaf, const pdf_link *lk)
{
	if (lk->leaf < 0 || (size_t)lk->leaf >= m->nleaves || by_leaf[lk->leaf] < 0)
		return new_elem(t, TAG_LINK, 0);
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
	int e = GPOINTER_TO_INT(g_hash_table_lookup(t->leaves, key)) - 1;
	free(key);
	if (e >= 0)
		return e;
	return new_elem(t, TAG_LINK, l->in_role ? leaf_parent(t, l, &pid) : by_leaf[lk->leaf]);
}

/* PDF's name for a list's numbering (14.8.5.5, table 347). */
static const char *list_numbering_name(char numbering)
{
	switch (numbering) {
	case '1':
		return "Decimal";
	case 'a':
		return "LowerAlpha";
	case 'A':
		return "UpperAlpha";
	case 'i':
		return "LowerRoman";
	case 'I':
		return "UpperRoman";
	case '*':
		return "Disc";
	default:
		return "None";
	}
}

static void write_elem(pdf_writer *w, const tree *t, const elem *el, int root)
{
	strbuf s = {0};
	sb_printf(&s, "<< /S /%s /P %d 0 R", el->role == TAG_NONE ? "Document" : tag_role_name(el->role),
		  el->parent < 0 ? root : t->e[el->parent].num);
	if (el->page >= 0)
		sb_printf(&s, " /Pg %d 0 R", t->pages[el->page]);
	if (el->role == TAG_FIGURE) {
		sb_puts(&s, " /Alt ");
		pdf_sb_text(&s, el->alt ? el->alt : "");
	}
	/* words of a source in another language than the document's are read in theirs
	 * (PDF 14.9.2, PDF/UA 7.2) */
	if (el->lang) {
		sb_puts(&s, " /Lang ");
		pdf_sb_bytes(&s, el->lang);
	}
	/* a figure or table whole on one page has its bounding box (PDF 14.8.5.4.3 requires
	 * it), in the page's coordinates */
	if ((el->role == TAG_FIGURE || el->role == TAG_TABLE) && el->box_page >= 0 && !el->split) {
		double ph = t->dc->st->page_h;
		sb_puts(&s, " /A << /O /Layout /BBox [");
		pdf_sb_num(&s, el->box[0]);
		pdf_sb_num(&s, ph - el->box[3]);
		pdf_sb_num(&s, el->box[2]);
		pdf_sb_num(&s, ph - el->box[1]);
		sb_puts(&s, " ] >>");
	}
	if (el->role == TAG_TH)
		sb_puts(&s, " /A << /O /Table /Scope /Column >>");
	if (el->role == TAG_L && el->numbering)
		sb_printf(&s, " /A << /O /List /ListNumbering /%s >>", list_numbering_name(el->numbering));
	/* PDF/UA asks every Note for an ID, which the IDTree maps back to it */
	if (el->role == TAG_NOTE)
		sb_printf(&s, " /ID (note-%06d)", (int)(el - t->e));
	sb_puts(&s, " /K [");
	for (size_t k = 0; k < el->nkids; k++) {
		const kid *x = &el->kids[k];
		if (x->kind == KID_ELEM)
			sb_printf(&s, " %d 0 R", t->e[x->a].num);
		else if (x->kind == KID_MCID)
			sb_printf(&s, " %d", x->a);
		else if (x->kind == KID_MCR)
			sb_printf(&s, " << /Type /MCR /Pg %d 0 R /MCID %d >>", t->pages[x->a], x->b);
		else
			sb_printf(&s, " << /Type /OBJR /Obj %d 0 R /Pg %d 0 R >>", x->a, t->pages[x->b]);
	}
	sb_puts(&s, " ] >>");
	pdf_object(w, el->num, s.data, s.len);
	sb_free(&s);
}

/* The parent tree: each page's MCIDs (key: the page's number), then each annotation's
 * Link (key: the pages' count and the link's number). */
static void write_parent_tree(pdf_writer *w, const tree *t, int num, const int *links, size_t nlinks)
{
	strbuf s = {0};
	sb_puts(&s, "<< /Nums [");
	for (int p = 0; p < t->dc->npages; p++) {
		sb_printf(&s, "\n%d [", p);
		for (size_t k = 0; k < t->nmcid[p]; k++) {
			if (t->mcid[p][k])
				sb_printf(&s, " %d 0 R", t->e[t->mcid[p][k] - 1].num);
			else
				sb_puts(&s, " null");
		}
		sb_puts(&s, " ]");
	}
	for (size_t k = 0; k < nlinks; k++)
		sb_printf(&s, "\n%d %d 0 R", t->dc->npages + (int)k, t->e[links[k]].num);
	sb_puts(&s, " ] >>");
	pdf_object(w, num, s.data, s.len);
	sb_free(&s);
}

int pdf_struct_write(pdf_writer *w, const doc *dc, const pdf_marks *m, const pdf_splits *sp, const int *pages,
		     const int *annots, pdf_nums *nums)
{
	tree t = {dc, pages, nums, NULL, 0, 0, g_hash_table_new(g_direct_hash, g_direct_equal),
		  g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL), NULL, NULL};
	t.mcid = xcalloc((size_t)dc->npages + 1, sizeof *t.mcid);
	t.nmcid = xcalloc((size_t)dc->npages + 1, sizeof *t.nmcid);
	int root = pdf_num_new(nums);
	new_elem(&t, TAG_NONE, -1); /* the Document, element 0 */
	int *by_leaf = xmalloc((m->nleaves + 1) * sizeof *by_leaf);
	for (size_t i = 0; i < m->nleaves; i++) {
		const pdf_leaf *l = &m->leaves[i];
		by_leaf[i] = -1;
		if (l->role >= TAG_COUNT) /* an artifact's: no element */
			continue;
		by_leaf[i] = leaf_elem(&t, l);
		if (l->page >= 0 && l->page < dc->npages && l->mcid >= 0) {
			add_mcid(&t, by_leaf[i], l->page, l->mcid);
			for (size_t k = 0; k < sp->n; k++)
				if (sp->v[k].page == l->page && sp->v[k].of == l->mcid)
					add_mcid(&t, by_leaf[i], l->page, sp->v[k].mcid);
		}
		cover(&t, by_leaf[i], l);
		place(&t, by_leaf[i], m->orders[i]);
	}
	int *links = xcalloc(m->nlinks + 1, sizeof *links);
	for (size_t k = 0; k < m->nlinks; k++) {
		const pdf_link *lk = &m->links[k];
		links[k] = link_elem(&t, m, by_leaf, lk);
		add_kid(&t.e[links[k]], (kid){KID_OBJR, annots[k], lk->page});
	}
	brief_order(&t);
	int ptree = pdf_num_new(nums);
	for (size_t i = 0; i < t.ne; i++)
		write_elem(w, &t, &t.e[i], root);
	write_parent_tree(w, &t, ptree, links, m->nlinks);
	/* the IDTree: the Notes' IDs in order (zero-padded, so that the element order is the keys') */
	strbuf ids = {0};
	for (size_t i = 0; i < t.ne; i++)
		if (t.e[i].role == TAG_NOTE)
			sb_printf(&ids, "%s(note-%06d) %d 0 R", ids.len ? " " : "", (int)i, t.e[i].num);
	char *sr = xasprintf("<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d%s%s%s >>",
			     t.e[0].num, ptree, dc->npages + (int)m->nlinks, ids.len ? " /IDTree << /Names [" : "",
			     ids.len ? ids.data : "", ids.len ? "] >>" : "");
	sb_free(&ids);
	pdf_object(w, root, sr, strlen(sr));
	free(sr);
	for (int p = 0; p < dc->npages; p++)
		free(t.mcid[p]);
	for (size_t i = 0; i < t.ne; i++)
		free(t.e[i].kids);
	free(t.e);
	free(t.mcid);
	free(t.nmcid);
	free(links);
	free(by_leaf);
	g_hash_table_destroy(t.containers);
	g_hash_table_destroy(t.leaves);
	return root;
}
