/* cite.h: how a brief names its sources in print (cite.c). */
#ifndef MKBRIEF_CITE_H
#define MKBRIEF_CITE_H

#include "base/util.h"
#include "load/brief.h"
#include "typeset/rich.h"

/* "2018-01-22" → "January 22, 2018", or with day_first "22 January 2018" (English month
 * names, whatever the language); other text as it is. Caller frees. */
char *cite_format_date(const char *iso, int day_first);
/* s with each real ISO date or month standing alone in it as words ("2018-01-01 to
 * 2018-01-05": "January 1, 2018 to January 5, 2018"), their words joined by join. */
char *cite_dates_as_words(const char *s, const char *join, int day_first);
/* Whether a brief in language lang writes its dates day first: English outside the United
 * States (en-GB, en-AU: "22 January 2018") and every other language; en-US and a bare
 * "en" month first. */
int cite_day_first(const char *lang);
/* "1–2, 4": paragraph numbers (sorted, distinct) collapsed into ranges. */
void cite_para_list(strbuf *sb, const int *paras, size_t n);
/* "Eurasia Daily Monitor, vol. 15, no. 7", or nothing without a publication. */
void cite_publication(strbuf *sb, const source *s);
/* The brief's title for the source, else the article's, else its id. */
/* A source's title as printed: the brief's `title:` (analyst text) or the article's first
 * line (a source's: its typewriter marks smartened, nothing else) or its id; caller frees. */
char *cite_source_title(const source *s);
/* The title as a citation line sets it: in double quotation marks (its own taken down a
 * level), inside: what goes before the closing mark (US style: a comma). Caller frees. */
char *cite_quoted_title(const source *s, const char *inside);
/* A source's `date:` as printed (analyst text, smartened), or NULL; caller frees. */
char *cite_source_date(const source *s);
/* The small line under an excerpt or quote that says where it comes from, after lead,
 * linked to the source's entry on the Sources page. */
/* Whether a quote's speaker is the publication of its source (compared without case and a
 * leading "the"): the attribution then does not name it twice. */
int cite_speaker_is_publication(const source *s, const char *speaker);
/* With use > 0 (the annex's number of the block), it links to the passage in the annex
 * instead and ends with that number. */
rich *cite_line(const brief *b, const block *bl, const char *lead, int use);
/* An analyst's paragraph or bullet: its portion marking (none when marking is NULL), its
 * markup and its citations as superscripts. */
rich *cite_item_rich(const brief *b, const char *marking, const item *it);
/* Note id (0-based) as printed at a page's foot or in the Notes: its number, its text and
 * its citations. */
rich *cite_note_rich(const brief *b, size_t id);
/* The portion marking, in bold, and a space, at the start of r; nothing when NULL. */
void cite_add_marking(rich *r, const char *marking);
/* An item's markup and citations, added to r (after what the caller put first). */
void cite_add_item(rich *r, const brief *b, const item *it);
/* Sorts paragraph numbers and keeps each once; returns how many are left. */
size_t cite_sort_unique(int *v, size_t n);

#endif
