/* pdfartifacts.c: what a page draws outside its structure, marked as artifacts, by a pass
 * over its content stream: the sequences pdfmarks.c tagged as pagination artifacts become
 * /Artifact sequences of their type, and what is drawn outside every marked sequence
 * (tints, frames, rules, the page's white) is wrapped as a /Layout artifact. Within an
 * element, cairo's ActualText span around a ligature is dropped (pdfligatures.c). */
#include "render/pdfartifacts.h"

#include <stdlib.h>
#include <string.h>

#include "render/pdfligatures.h"
#include "render/pdfmarks.h"
#include "render/pdfraw.h"

static int is_ws(unsigned char c)
{
	return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
}

static int is_delim(unsigned char c)
{
	return strchr("()<>[]{}/%", c) != NULL && c != 0;
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

/* [from, to) of the content left out of the rewrite. */
static void leave_out(rewrite *r, size_t from, size_t to)
{
	insert_at(r, from, "");
	r->copied = to;
}

/* Past the token at i (a string, dictionary bracket, array bracket, name, number or
 * operator); *word set to an operator's or number's length, else 0. */
static size_t token(const unsigned char *b, size_t len, size_t i, size_t *word)
{
	*word = 0;
	unsigned char c = b[i];
	if (c == '(')
		return pdf_skip_string((const char *)b, len, i);
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

/* Whether a marked sequence's operands (the text before BDC) give it an ActualText. */
static int is_span(const unsigned char *props, size_t len)
{
	const char *p = (const char *)props;
	return mem_find(p, p + len, "/ActualText") && mem_find(p, p + len, "<<");
}

/* An ActualText span directly inside an element's sequence (of, its MCID) at [opstart, i)
 * of b: the element's sequence ended before it and the span made a sequence of the element
 * of its own (/MCID added to its properties). */
static void cut_span(rewrite *r, size_t opstart, size_t i, int of, pdf_splits *sp)
{
	const char *props = (const char *)r->b + opstart, *open = mem_find(props, (const char *)r->b + i, "<<");
	insert_at(r, opstart, "EMC\n");
	sb_append(&r->out, props, (size_t)(open + 2 - props));
	sb_printf(&r->out, " /MCID %d", sp->next);
	r->copied = (size_t)(open + 2 - (const char *)r->b);
	sp->v = grow_for(sp->v, sp->n, sizeof *sp->v);
	sp->v[sp->n++] = (pdf_split){sp->page, of, sp->next++};
}

/* Past a cut span's EMC: the element's sequence begun again, as a new one. */
static void resume_element(rewrite *r, size_t i, const char *tag, size_t tl, int of, pdf_splits *sp)
{
	insert_at(r, i, "");
	sb_printf(&r->out, "\n%.*s << /MCID %d >> BDC", (int)tl, tag, sp->next);
	sp->v = grow_for(sp->v, sp->n, sizeof *sp->v);
	sp->v[sp->n++] = (pdf_split){sp->page, of, sp->next++};
}

/* What is drawn outside every tag: tints, frames, rules, the page's white. */
#define LAYOUT_ARTIFACT "/Artifact << /Type /Layout >> BDC\n"

int pdf_mark_artifacts(const unsigned char *b, size_t len, strbuf *out, int *mcids, pdf_splits *sp)
{
	*mcids = 0;
	rewrite r = {b, {0}, 0};
	size_t opstart = (size_t)-1, i = 0;
	int depth = 0, art = 0, changed = 0;
	unsigned long long dropped = 0; /* per depth below 64: its span was dropped */
	/* the element whose sequence is open at depth 0: its name, its MCID (-1: none, or an
	 * artifact), and whether a span in it was cut out and is open */
	const char *tag = NULL;
	size_t tl = 0;
	int outer = -1, cut = 0;
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
			if (!props) { /* an element's sequence */
				tag = (const char *)b + opstart, tl = e - opstart;
				outer = (int)strtol(mem_find(tag, (const char *)b + tok, "/MCID") + 5, NULL, 10);
			}
		}
		/* within an element, a ligature's ActualText span: its glyph says the same */
		if (marked && !mcid && depth > 0 && depth < 64 && pdf_is_ligature_span((const char *)b + opstart, tok - opstart)) {
			leave_out(&r, opstart, i);
			dropped |= 1ULL << depth++;
			changed = 1;
		} else if (marked && !mcid && depth == 1 && outer >= 0 && !cut && is_span(b + opstart, tok - opstart)) {
			cut_span(&r, opstart, i, outer, sp);
			depth++;
			cut = changed = 1;
		} else if (marked) {
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
		} else if (op_is(b + tok, n, "EMC") && depth > 0) {
			depth--;
			if (depth < 64 && (dropped >> depth & 1)) {
				leave_out(&r, opstart, i);
				dropped &= ~(1ULL << depth);
			} else if (depth == 1 && cut) {
				resume_element(&r, i, tag, tl, outer, sp);
				cut = 0;
			} else if (depth == 0)
				outer = -1;
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
	if (!changed) {
		sb_free(&r.out);
		return 0;
	}
	sb_append(&r.out, (const char *)b + r.copied, len - r.copied);
	*out = r.out;
	return 1;
}
