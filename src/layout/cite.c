/* cite.c: how a brief names its sources in print: dates, citation lines under passages,
 * superscript citations in the analyst's text, and lists of paragraphs. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "layout/cite.h"

static const char *months[] = {"January", "February", "March",     "April",   "May",      "June",
			       "July",    "August",   "September", "October", "November", "December"};

int cite_day_first(const char *lang)
{
	if (!lang || !*lang)
		return 0;
	if (g_ascii_strncasecmp(lang, "en", 2) != 0 || (lang[2] && lang[2] != '-' && lang[2] != '_'))
		return 1;
	/* the Philippines write month first too */
	return lang[2] && g_ascii_strncasecmp(lang + 3, "US", 2) != 0 && g_ascii_strncasecmp(lang + 3, "PH", 2) != 0;
}

char *cite_format_date(const char *iso, int day_first)
{
	return cite_dates_as_words(iso, " ", day_first);
}

char *cite_dates_as_words(const char *s, const char *join, int day_first)
{
	strbuf sb = {0};
	for (size_t i = 0; s && s[i];) {
		int y, m, d;
		size_t n = iso_date_at(s, i, &y, &m, &d);
		/* a month past 12 or a day its month lacks is printed as written (the loader has
		 * said so) */
		if (n == 10 && g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y)) {
			if (day_first)
				sb_printf(&sb, "%d%s%s%s%d", d, join, months[m - 1], join, y);
			else
				sb_printf(&sb, "%s%s%d,%s%d", months[m - 1], join, d, join, y);
		} else if (n == 7 && m >= 1 && m <= 12) {
			/* an ISO month, "2018-12": December 2018 (as written it reads as a range) */
			sb_printf(&sb, "%s%s%d", months[m - 1], join, y);
		} else {
			sb_putc(&sb, s[i]);
			i++;
			continue;
		}
		i += n;
	}
	return sb_steal(&sb);
}

/* "¶ 1–2, 4": the paragraphs a list of spans comes from, collapsed into ranges. */
void cite_para_list(strbuf *sb, const int *paras, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && paras[j + 1] == paras[j] + 1)
			j++;
		if (i)
			sb_puts(sb, ", ");
		if (j > i)
			sb_printf(sb, "%d\xE2\x80\x93%d", paras[i], paras[j]);
		else
			sb_printf(sb, "%d", paras[i]);
		i = j + 1;
	}
}

static int int_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

size_t cite_sort_unique(int *v, size_t n)
{
	if (n)
		qsort(v, n, sizeof *v, int_cmp);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || v[u - 1] != v[i])
			v[u++] = v[i];
	return u;
}

/* "Eurasia Daily Monitor, vol. 15, no. 7" */
void cite_publication(strbuf *sb, const source *s)
{
	const article *a = s->art;
	if (a && a->publication) {
		sb_puts(sb, a->publication);
		if (a->volume)
			sb_printf(sb, ", vol.\xC2\xA0%s", a->volume);
		if (a->issue)
			sb_printf(sb, ", no.\xC2\xA0%s", a->issue);
	}
}

char *cite_source_title(const source *s)
{
	if (s->title)
		return typo_smarten(s->title, strlen(s->title));
	if (s->art && s->art->title)
		return typo_smarten_source(s->art->title, strlen(s->art->title), "", 0, NULL, NULL);
	return xstrdup(s->id);
}

char *cite_source_date(const source *s)
{
	return s->date ? typo_smarten(s->date, strlen(s->date)) : NULL;
}

/* Whether a quote's speaker is its source's publication ("Eurasia Daily Monitor", "the
 * Eurasia Daily Monitor"): the attribution then names it once, in the citation. */
int cite_speaker_is_publication(const source *s, const char *speaker)
{
	if (!s->art || !s->art->publication || !speaker)
		return 0;
	const char *p = s->art->publication;
	if (g_ascii_strncasecmp(speaker, "the ", 4) == 0 && g_ascii_strncasecmp(p, "the ", 4) != 0)
		speaker += 4;
	size_t n = strlen(speaker);
	while (n && (speaker[n - 1] == '.' || speaker[n - 1] == ' ' || speaker[n - 1] == ','))
		n--;
	return n == strlen(p) && g_ascii_strncasecmp(speaker, p, n) == 0;
}

char *cite_quoted_title(const source *s, const char *inside)
{
	char *title = cite_source_title(s);
	typo_nest_quotes(title, strlen(title));
	char *t = xasprintf("\xE2\x80\x9C%s%s\xE2\x80\x9D", title, inside);
	free(title);
	return t;
}

/* The small line under an excerpt or quote that says where it comes from. */
rich *cite_line(const brief *b, const block *bl, const char *lead, int use)
{
	const source *s = &b->sources[bl->source];
	rich *r = rich_new();
	strbuf sb = {0};
	if (lead)
		sb_puts(&sb, lead);
	int *ps = xmalloc((bl->nspans + 1) * sizeof *ps);
	for (size_t i = 0; i < bl->nspans; i++)
		ps[i] = bl->spans[i].para + 1;
	size_t np = cite_sort_unique(ps, bl->nspans);
	int publication = s->art && s->art->publication;
	/* US style: the comma goes inside the closing quotation mark, before the publication
	 * or, without one, the paragraphs */
	char *title = cite_quoted_title(s, publication || np ? "," : "");
	sb_puts(&sb, title);
	free(title);
	if (publication) {
		sb_puts(&sb, " ");
		cite_publication(&sb, s);
	}
	if (np) {
		sb_puts(&sb, publication ? ",\xC2\xA0\xC2\xB6\xC2\xA0" : "\xC2\xA0\xC2\xB6\xC2\xA0");
		cite_para_list(&sb, ps, np);
	}
	free(ps);
	/* the number the annex prints beside the passage, and where the link goes */
	if (use > 0)
		sb_printf(&sb, "\xC2\xA0\xC2\xB7 annex\xC2\xA0" "A%d", use);
	rich_add(r, sb.data, sb.len);
	char *dest = use > 0 ? xasprintf("use-%d", use) : xasprintf("src-%d", bl->source + 1);
	rich_link_range(r, 0, sb.len, dest, 0);
	free(dest);
	sb_free(&sb);
	return r;
}

/* Citations as superscripts grouped by source, "1 ¶3–4; 2 ¶1", each group linked to its
 * entry on the Sources page. Narrow no-break spaces keep a label on one line. */
static void add_cites(rich *r, const item *it)
{
	int done[BRIEF_MAX_CITES] = {0};
	for (int i = 0; i < it->ncites; i++) {
		if (done[i])
			continue;
		int src = it->cites[i].source;
		strbuf sb = {0};
		if (i > 0)
			sb_puts(&sb, ";\xE2\x80\xAF");
		sb_printf(&sb, "%d", src + 1);
		/* the paragraphs (and sentences) of this source, in the source's order whatever the
		 * order they were typed in ("¶9–10", not "¶10, 9": a reader's trial), each once */
		int paras[BRIEF_MAX_CITES], lasts[BRIEF_MAX_CITES], sents[BRIEF_MAX_CITES], n = 0;
		for (int j = i; j < it->ncites; j++) {
			if (it->cites[j].source != src)
				continue;
			done[j] = 1;
			if (it->cites[j].para <= 0)
				continue;
			int p = it->cites[j].para, l = it->cites[j].para_last > 0 ? it->cites[j].para_last : p;
			int se = it->cites[j].sent > 0 ? it->cites[j].sent : 0;
			int at = n;
			while (at > 0 && (paras[at - 1] > p || (paras[at - 1] == p && sents[at - 1] > se)))
				at--;
			if (at > 0 && paras[at - 1] == p && sents[at - 1] == se && lasts[at - 1] >= l)
				continue; /* given twice */
			memmove(paras + at + 1, paras + at, (size_t)(n - at) * sizeof *paras);
			memmove(lasts + at + 1, lasts + at, (size_t)(n - at) * sizeof *lasts);
			memmove(sents + at + 1, sents + at, (size_t)(n - at) * sizeof *sents);
			paras[at] = p;
			lasts[at] = l;
			sents[at] = se;
			n++;
		}
		for (int j = 0; j < n;) {
			/* whole paragraphs that follow on (one by one or as ranges) print as one range */
			int k = j, last = lasts[j];
			while (k + 1 < n && !sents[k] && !sents[k + 1] && paras[k + 1] == last + 1)
				last = lasts[++k];
			sb_puts(&sb, j == 0 ? "\xE2\x80\xAF\xC2\xB6" : ",\xE2\x80\xAF");
			if (sents[j])
				sb_printf(&sb, "%d.%d", paras[j], sents[j]);
			else if (last > paras[j])
				sb_printf(&sb, "%d\xE2\x80\x93%d", paras[j], last);
			else
				sb_printf(&sb, "%d", paras[j]);
			j = k + 1;
		}
		char *dest = xasprintf("src-%d", src + 1);
		rich_add_sup(r, sb.data, dest);
		free(dest);
		sb_free(&sb);
	}
}

/* t is raw smartened whole: where raw[0, raw_at) ends in t (smartening turns - and ' into
 * longer characters), never before from, the place of the mark before. */
static size_t smart_offset(const char *raw, const char *t, size_t from, size_t raw_at)
{
	char *before = typo_smarten(raw, raw_at);
	size_t upto = strlen(before);
	free(before);
	return upto < from || upto > strlen(t) ? from : upto;
}

static void add_note_mark(rich *r, size_t k, void *ctx)
{
	const item *it = ctx;
	char dest[32];
	snprintf(dest, sizeof dest, "note-%zu", it->note_first + k + 1);
	rich_add_note_mark(r, (int)(it->note_first + k), dest);
}

/* Whether what r prints ends with a note's mark. */
static int ends_in_note_mark(const rich *r)
{
	char label[16];
	if (!r->nnotes)
		return 0;
	rich_note_label((size_t)r->notes[r->nnotes - 1].id, label);
	return r->notes[r->nnotes - 1].at + strlen(label) == r->text.len;
}

/* The item's text with the marks of its notes where they were written. The text is
 * smartened and marked up whole, so that quotes pair and emphasis runs across a mark. */
void cite_add_item(rich *r, const brief *b, const item *it)
{
	if (!it->nnotes) {
		rich_add_markup(r, it->text, 0);
		add_cites(r, it);
		return;
	}
	char *t = typo_smarten(it->text, strlen(it->text));
	size_t *at = xcalloc(it->nnotes, sizeof *at), from = 0;
	for (size_t k = 0; k < it->nnotes; k++)
		at[k] = from = smart_offset(it->text, t, from, b->notes[it->note_first + k].mark);
	rich_marks m = {at, it->nnotes, add_note_mark, (void *)it, NULL, 0};
	rich_add_marked(r, t, &m);
	/* a mark right before the citations: a comma keeps the two superscripts apart (also
	 * past the asterisks of emphasis that ends with it, *a word^[n]*) */
	if (it->ncites && ends_in_note_mark(r))
		rich_add_sup(r, ",", NULL);
	free(at);
	free(t);
	add_cites(r, it);
}

void cite_add_marking(rich *r, const char *marking)
{
	if (!marking)
		return;
	rich_add_styled(r, marking, strlen(marking), 1, 0, NULL);
	rich_add(r, " ", 1);
}

/* A note's citations, grouped by place: those written at one place print as one
 * superscript. */
typedef struct cite_groups {
	const note *nt;
	int first[BRIEF_MAX_CITES + 1]; /* group k is cites first[k] .. first[k + 1] */
} cite_groups;

static void add_cite_group(rich *r, size_t k, void *ctx)
{
	const cite_groups *g = ctx;
	item group = {0};
	for (int i = g->first[k]; i < g->first[k + 1]; i++)
		group.cites[group.ncites++] = g->nt->cites[i];
	add_cites(r, &group);
}

rich *cite_note_rich(const brief *b, size_t id)
{
	const note *nt = &b->notes[id];
	rich *r = rich_new();
	char label[16];
	rich_note_label(id, label);
	rich_add_sup(r, label, NULL);
	rich_add(r, "\xC2\xA0", 2);
	/* each citation where it was written, the text smartened and marked up whole, so
	 * that quotes pair and emphasis runs across a citation */
	char *t = typo_smarten(nt->text, strlen(nt->text));
	cite_groups g = {.nt = nt};
	size_t at[BRIEF_MAX_CITES], n = 0, from = 0;
	for (int i = 0; i < nt->ncites; i++)
		if (i == 0 || nt->cite_at[i] != nt->cite_at[i - 1]) {
			g.first[n] = i;
			at[n++] = from = smart_offset(nt->text, t, from, nt->cite_at[i]);
		}
	g.first[n] = nt->ncites;
	rich_marks m = {at, n, add_cite_group, &g, NULL, 0};
	rich_add_marked(r, t, &m);
	free(t);
	return r;
}

rich *cite_item_rich(const brief *b, const char *marking, const item *it)
{
	rich *r = rich_new();
	cite_add_marking(r, marking);
	cite_add_item(r, b, it);
	return r;
}

