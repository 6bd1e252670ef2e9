/* pdfmarks.c: the links and structure elements of a PDF as its pages are drawn. Cairo
 * 1.16 tags marked content with cairo_tag_begin; only one leaf is open at a time, and none
 * across a page break, so that what cairo draws outside a leaf (banners, rules, tints) is
 * outside every marked sequence and the finishing pass can mark it an artifact. */
#include "render/pdfmarks.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/doc.h"

static const struct {
	int role;
	const char *tag, *props;
} artifacts[] = {
	/* cairo 1.16 takes only the standard structure types as tags: these five, which the
	 * layout never uses, stand for the kinds until the finishing pass renames them */
	{ART_HEADER, "NonStruct", "<< /Type /Pagination /Subtype /Header >>"},
	{ART_FOOTER, "Index", "<< /Type /Pagination /Subtype /Footer >>"},
	{ART_WATERMARK, "TOCI", "<< /Type /Pagination /Subtype /Watermark >>"},
	{ART_PAGINATION, "Form", "<< /Type /Pagination >>"},
	{ART_HYPHEN, "Private", "<< /Type /Layout >>"},
};

const char *pdf_marks_tag(int role)
{
	for (size_t i = 0; i < sizeof artifacts / sizeof *artifacts; i++)
		if (artifacts[i].role == role)
			return artifacts[i].tag;
	return tag_role_name(role);
}

const char *pdf_marks_artifact_props(const char *tag, size_t len)
{
	for (size_t i = 0; i < sizeof artifacts / sizeof *artifacts; i++)
		if (strlen(artifacts[i].tag) == len && memcmp(artifacts[i].tag, tag, len) == 0)
			return artifacts[i].props;
	return NULL;
}

pdf_marks *pdf_marks_new(void)
{
	pdf_marks *m = xcalloc(1, sizeof *m);
	m->open = -1;
	m->hyphen_of = -1;
	m->mcid_page = -1;
	m->order = -1;
	m->strings = g_string_chunk_new(1024);
	return m;
}

void pdf_marks_free(pdf_marks *m)
{
	if (!m)
		return;
	free(m->links);
	free(m->leaves);
	free(m->orders);
	for (size_t i = 0; i < m->nfigures; i++)
		cairo_surface_destroy(m->figures[i].standin);
	free(m->figures);
	g_string_chunk_free(m->strings);
	free(m);
}

void pdf_marks_link(pdf_marks *m, pdf_link k)
{
	if (m->nlinks == m->caplinks) {
		m->caplinks = m->caplinks ? m->caplinks * 2 : 16;
		m->links = xrealloc(m->links, m->caplinks * sizeof *m->links);
	}
	/* a line's links are added after its text, which may end in a breaker's hyphen */
	k.leaf = m->open >= 0 && m->leaves[m->open].role == ART_HYPHEN ? m->hyphen_of : m->open;
	k.uri = k.uri ? g_string_chunk_insert_const(m->strings, k.uri) : NULL;
	k.to = k.to ? g_string_chunk_insert_const(m->strings, k.to) : NULL;
	m->links[m->nlinks++] = k;
}

void pdf_marks_artifact(pdf_marks *m, cairo_t *cr)
{
	if (m->open < 0)
		return;
	cairo_tag_end(cr, pdf_marks_tag(m->leaves[m->open].role));
	m->open = -1;
}

void pdf_box_grow(double box[4], const double add[4])
{
	if (!(add[2] > add[0] && add[3] > add[1]))
		return;
	if (!(box[2] > box[0] && box[3] > box[1])) {
		memcpy(box, add, 4 * sizeof *box);
		return;
	}
	box[0] = add[0] < box[0] ? add[0] : box[0];
	box[1] = add[1] < box[1] ? add[1] : box[1];
	box[2] = add[2] > box[2] ? add[2] : box[2];
	box[3] = add[3] > box[3] ? add[3] : box[3];
}

void pdf_marks_leaf(pdf_marks *m, cairo_t *cr, const pdf_leaf *l)
{
	if (m->open >= 0) {
		const pdf_leaf *o = &m->leaves[m->open];
		if (o->page == l->page && o->path == l->path && o->depth == l->depth && o->role == l->role &&
		    o->id == l->id && o->in_role == l->in_role && o->in_id == l->in_id) {
			pdf_box_grow(m->leaves[m->open].box, l->box);
			return;
		}
		pdf_marks_artifact(m, cr);
	}
	if (m->nleaves == m->capleaves) {
		m->capleaves = m->capleaves ? m->capleaves * 2 : 64;
		m->leaves = xrealloc(m->leaves, m->capleaves * sizeof *m->leaves);
		m->orders = xrealloc(m->orders, m->capleaves * sizeof *m->orders);
	}
	m->orders[m->nleaves] = m->order;
	if (l->page != m->mcid_page) {
		m->mcid_page = l->page;
		m->mcids = 0;
	}
	m->leaves[m->nleaves] = *l;
	if (l->alt)
		m->leaves[m->nleaves].alt = g_string_chunk_insert_const(m->strings, l->alt);
	if (l->lang)
		m->leaves[m->nleaves].lang = g_string_chunk_insert_const(m->strings, l->lang);
	m->leaves[m->nleaves].mcid = m->mcids++;
	m->open = (int)m->nleaves++;
	cairo_tag_begin(cr, pdf_marks_tag(l->role), "");
}

void pdf_marks_empty_leaf(pdf_marks *m, const pdf_leaf *l)
{
	if (m->nleaves == m->capleaves) {
		m->capleaves = m->capleaves ? m->capleaves * 2 : 64;
		m->leaves = xrealloc(m->leaves, m->capleaves * sizeof *m->leaves);
		m->orders = xrealloc(m->orders, m->capleaves * sizeof *m->orders);
	}
	m->orders[m->nleaves] = m->order;
	m->leaves[m->nleaves] = *l;
	m->leaves[m->nleaves].alt = NULL;
	m->leaves[m->nleaves].lang = NULL;
	m->leaves[m->nleaves++].mcid = -1;
}

void pdf_marks_artifact_of(pdf_marks *m, cairo_t *cr, int page, int kind)
{
	if (!m)
		return;
	pdf_leaf l = {page, 0, 0, kind, 0, NULL, 0, 0, 0, {0}, NULL};
	pdf_marks_leaf(m, cr, &l);
}

void pdf_marks_hyphen(pdf_marks *m, cairo_t *cr, int page)
{
	int text = m->open;
	pdf_marks_artifact_of(m, cr, page, ART_HYPHEN);
	m->hyphen_of = text;
}

int pdf_marks_figure(pdf_marks *m, const image *img)
{
	for (size_t i = 0; i < m->nfigures; i++)
		if (m->figures[i].img == img)
			return (int)i;
	m->figures = xrealloc(m->figures, (m->nfigures + 1) * sizeof *m->figures);
	int id = (int)m->nfigures++;
	m->figures[id].img = img;
	m->figures[id].standin = image_standin_new(img, id);
	return id;
}
