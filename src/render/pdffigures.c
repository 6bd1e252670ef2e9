/* pdffigures.c: the vector figures' drawings put in place of their stand-ins. Cairo has
 * drawn each figure once, alone, into a one-page PDF (image_pdf_form, typeset/image.c), and
 * in the document a stand-in of the same extents (one square in a colour that says which
 * figure); both are forms cairo made from a recording of that size, so the figure's form
 * from the one-page PDF, with the objects it needs renumbered, takes the stand-in's object
 * number and is drawn where the stand-in was. */
#include "render/pdffigures.h"

#include <stdlib.h>
#include <string.h>

#include "render/pdfraw.h"

int pdf_figure_standin(const char *content, size_t len)
{
	/* "0.987654 G B rg 0 0 1 1 re f": the stand-in is all its form draws */
	char red[32];
	snprintf(red, sizeof red, "%g ", IMAGE_STANDIN_RED);
	if (len > 4096)
		return -1;
	const char *at = mem_find(content, content + len, red);
	if (!at)
		return -1;
	char buf[128];
	size_t n = (size_t)(content + len - at);
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, at, n);
	buf[n] = 0;
	char *e;
	strtod(buf, &e);
	double g = strtod(e, &e), b = strtod(e, &e);
	while (*e == ' ')
		e++;
	if (strncmp(e, "rg", 2) != 0 || g < 0 || g > 1 || b < 0 || b > 1)
		return -1;
	return (int)(g * 255 + 0.5) * 256 + (int)(b * 255 + 0.5);
}

typedef struct splice {
	const pdf_raw *r;
	pdf_nums *nums;
	int *map;   /* per object of the one-page PDF, its number in ours (0: not yet) */
	int *queue; /* objects still to write */
	size_t nq, cap;
} splice;

static int map_ref(splice *s, int old)
{
	if (old <= 0 || (size_t)old >= s->r->nobj)
		return -1;
	if (!s->map[old]) {
		s->map[old] = pdf_num_new(s->nums);
		if (s->nq == s->cap)
			s->queue = xrealloc(s->queue, (s->cap = s->cap ? 2 * s->cap : 16) * sizeof *s->queue);
		s->queue[s->nq++] = old;
	}
	return s->map[old];
}

/* An object's text with its references renumbered ("12 0 R" → the object's number here). */
static void rewrite_refs(splice *s, const char *t, size_t n, strbuf *out)
{
	size_t i = 0, from = 0, start, end;
	int old;
	while ((old = pdf_next_ref(t, n, &i, &start, &end)) >= 0) {
		int to = map_ref(s, old);
		sb_append(out, t + from, start - from);
		sb_printf(out, "%d 0 R", to > 0 ? to : 0);
		from = end;
	}
	sb_append(out, t + from, n - from);
}

/* Object old of the one-page PDF, as object num here: a stream with its /Length inline, or
 * any other object into an object stream. */
static int copy_renumbered(pdf_writer *w, splice *s, int old, int num)
{
	static const char *const length[] = {"/Length", NULL};
	const char *body, *dict, *data;
	size_t bl, dl, len;
	if (pdf_raw_body(s->r, old, &body, &bl) != 0)
		return -1;
	strbuf out = {0};
	if (pdf_raw_stream(s->r, old, &dict, &dl, &data, &len) == 0) {
		strbuf d = {0};
		pdf_dict_without(&d, dict, dl, length);
		/* the entries without the opening << */
		size_t skip = 0;
		while (skip < d.len && d.data[skip] != '<')
			skip++;
		skip = skip + 2 <= d.len ? skip + 2 : d.len;
		rewrite_refs(s, d.data + skip, d.len - skip, &out);
		sb_putc(&out, 0);
		pdf_stream_obj(w, num, out.data, data, len);
		sb_free(&d);
	} else {
		rewrite_refs(s, body, bl, &out);
		pdf_object(w, num, out.data, out.len);
	}
	sb_free(&out);
	return 0;
}

/* The one-page PDF's figure: the form its page draws (its resources' only XObject). */
static int figure_form(const pdf_raw *r)
{
	const char *pg, *res, *xo;
	size_t pl, rl, xl;
	if (r->npages != 1 || pdf_raw_body(r, r->page[0], &pg, &pl) != 0)
		return -1;
	int rref = pdf_dict_ref(pg, pl, "/Resources");
	if (rref > 0) {
		if (pdf_raw_body(r, rref, &res, &rl) != 0)
			return -1;
	} else if (pdf_dict_value(pg, pl, "/Resources", &res, &rl) != 0) {
		return -1;
	}
	if (pdf_dict_value(res, rl, "/XObject", &xo, &xl) != 0)
		return -1;
	/* "<< /x5 7 0 R >>": the first entry's reference */
	size_t i = 0, start, end;
	return pdf_next_ref(xo, xl, &i, &start, &end);
}

int pdf_splice_figure(pdf_writer *w, int num, const image *img, pdf_nums *nums, char **why)
{
	size_t len;
	const char *pdf = image_pdf_form(img, &len);
	pdf_raw r;
	if (!pdf || pdf_raw_index(&r, pdf, len, why) != 0) {
		free(*why);
		*why = xstrdup("cairo could not draw a figure alone");
		return -1;
	}
	int form = figure_form(&r);
	if (form <= 0 || (size_t)form >= r.nobj) {
		/* a drawing with nothing in it (an SVG that draws nothing): cairo's page has no
		 * form, and the stand-in becomes an empty one */
		pdf_raw_free(&r);
		pdf_stream_obj(w, num, "/Type /XObject /Subtype /Form /BBox [0 0 1 1]", "", 0);
		return 0;
	}
	splice s = {&r, nums, xcalloc(r.nobj + 1, sizeof *s.map), NULL, 0, 0};
	s.map[form] = num;
	s.queue = xmalloc(16 * sizeof *s.queue);
	s.cap = 16;
	s.queue[s.nq++] = form;
	int rc = 0;
	for (size_t i = 0; i < s.nq && rc == 0; i++)
		rc = copy_renumbered(w, &s, s.queue[i], s.map[s.queue[i]]);
	if (rc != 0)
		*why = xstrdup("could not copy cairo's drawing of a figure");
	free(s.map);
	free(s.queue);
	pdf_raw_free(&r);
	return rc;
}
