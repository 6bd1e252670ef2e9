/* pin.c: sources pinned by checksum (sha256: beside file:). A source whose bytes changed
 * since `mkbrief pin` is an error at its sha256:, followed by what became of each use of
 * it: every quote and excerpt still found (and where it is now) or lost, and every
 * citation, which names a paragraph that may now say something else. */
#include <glib.h>
#include <string.h>

#include "resolve/resolver.h"
#include "base/util.h"

char *pin_sha256(const char *bytes, size_t len)
{
	return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
}

/* What became of a quote or excerpt of a changed source: its words are resolved against
 * the new text like any other (a lost one has its own error and closest passage). */
static void report_block(resolver *R, const block *bl, const char *kind)
{
	const source *s = &R->b->sources[bl->source];
	loc at = bl->text ? bl->text_at : bl->from ? bl->from_at : bl->at;
	if (bl->nspans == 0) {
		diag_note(R->d, at, "%s of '%s': lost (see its error)", kind, s->id);
		return;
	}
	const article *a = s->art;
	int p = bl->spans[0].para;
	size_t sent = article_sentence_of(&a->paras[p], bl->spans[0].r.start) + 1;
	if (bl->sel == SEL_PARAS && bl->para_from == bl->para_to)
		diag_note(R->d, at, "%s of '%s': paragraph %d, which may now hold other words; read it again", kind, s->id,
			  bl->para_from);
	else if (bl->sel == SEL_PARAS)
		diag_note(R->d, at, "%s of '%s': paragraphs %d-%d, which may now hold other words; read them again", kind,
			  s->id, bl->para_from, bl->para_to);
	else
		/* where it is, not that it moved: it may stand where it stood */
		diag_note(R->d, at, "%s of '%s': still found, the same words, at p%d.%zu", kind, s->id, p + 1, sent);
}

static void report_cites(resolver *R, const cite *cites, int n, const char *id, int src)
{
	for (int k = 0; k < n; k++) {
		if (cites[k].source != src)
			continue;
		if (cites[k].para && cites[k].sent)
			diag_note(R->d, cites[k].at, "citation of '%s' p%d.%d: check that it still says what the text claims", id,
				  cites[k].para, cites[k].sent);
		else if (cites[k].para)
			diag_note(R->d, cites[k].at, "citation of '%s' p%d: check that it still says what the text claims", id,
				  cites[k].para);
	}
}

void pin_report(resolver *R, int src)
{
	brief *b = R->b;
	const char *id = b->sources[src].id;
	for (size_t i = 0; i < b->nsummary && b->summary; i++)
		report_cites(R, b->summary[i].cites, b->summary[i].ncites, id, src);
	for (size_t i = 0; i < b->nsections; i++)
		for (size_t j = 0; j < b->sections[i].nblocks; j++) {
			const block *bl = &b->sections[i].blocks[j];
			if ((bl->kind == BLOCK_QUOTE || bl->kind == BLOCK_EXCERPT) && bl->source == src)
				report_block(R, bl, bl->kind == BLOCK_QUOTE ? "quote" : "excerpt");
			for (size_t k = 0; k < bl->nitems && bl->items; k++)
				report_cites(R, bl->items[k].cites, bl->items[k].ncites, id, src);
		}
	for (size_t i = 0; i < b->nnotes; i++)
		report_cites(R, b->notes[i].cites, b->notes[i].ncites, id, src);
}
