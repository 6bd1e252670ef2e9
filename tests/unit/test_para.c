/* test_para.c: paragraphs set by the total-fit breaker and by Pango: widths, hyphens,
 * spacing, overlong words, missing glyphs. */
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "typeset/fonts.h"
#include "typeset/para.h"
#include "typeset/shape.h"

static const char *KOREA =
	"During a January 11 meeting with the editors of major Russian print media outlets, President Vladimir "
	"Putin praised the North Korean leader, Kim Jong Un, as a mature and \xE2\x80\x9C" "absolutely learned "
	"politician.\xE2\x80\x9D According to Putin, Kim \xE2\x80\x9Chas, without a doubt, won the game and achieved "
	"his strategic goal\xE2\x80\x94he has a nuclear weapon and a missile that can reach any target on the "
	"territory of his probable adversary\xE2\x80\x94" "and now is interested in defusing and consolidating the "
	"situation.\xE2\x80\x9D The term \xE2\x80\x9Cprobable adversary\xE2\x80\x9D (veroyatny protivnik) was "
	"regularly used during the Cold War by the Soviet military to refer indirectly to the United States and its "
	"allies. The expression went out of use after the Cold War ended and the Soviet Union collapsed; but today, "
	"with the arrival of a new cold war and a renewed global standoff with the US, veroyatny protivnik is "
	"apparently back and it means exactly the same as before.";

/* Whether line i of p, justified, fills the measure w: to w exactly, or, when it ends in a
 * hyphen or punctuation mark, past it by what hangs in the margin (at most 0.3 em of the
 * 10.5 pt text: optical margin alignment) */
static int fills(const para *p, size_t i, double w)
{
	char *t = para_line_text(p, i);
	size_t n = strlen(t);
	int hangs = n > 0 && (strchr("-.,:;!?\"'", t[n - 1]) || (n >= 3 && !strcmp(t + n - 3, "\xE2\x80\x9D")));
	free(t);
	double past = p->lines[i].width - w;
	return fabs(past) <= 0.05 || (hangs && past > 0 && past <= 0.3 * 10.5);
}

static para *set(para_engine *e, const char *text, double width, int optimal, diag *d)
{
	static font_role body = {"Noto Serif", 10.5, 14.5, 0, 0, 0, 0, {0, 0, 0}, {NULL, 0, 0}};
	rich *r = rich_new();
	rich_add(r, text, strlen(text));
	para_spec spec = {&body, width, 0, ALIGN_JUSTIFY, 0, optimal, 1, 0.02, 0};
	return paragraph_layout(e, r, &spec, loc_at("t.yaml", 3, 5), d);
}

/* set, the text in language lang (a source quoted in another language than the brief's). */
static para *set_in(para_engine *e, const char *text, const char *lang, double width, diag *d)
{
	static font_role body = {"Noto Serif", 10.5, 14.5, 0, 0, 0, 0, {0, 0, 0}, {NULL, 0, 0}};
	rich *r = rich_new();
	rich_add(r, text, strlen(text));
	rich_set_lang(r, lang);
	para_spec spec = {&body, width, 0, ALIGN_JUSTIFY, 0, 1, 1, 0.02, 0};
	return paragraph_layout(e, r, &spec, loc_at("t.yaml", 3, 5), d);
}

/* Whether a line of p ends with the hyphenation of a word that ends as `tail` starts. */
static int breaks_before(const para *p, const char *head, const char *tail)
{
	for (size_t i = 0; i + 1 < p->nlines; i++) {
		char *a = para_line_text(p, i), *b = para_line_text(p, i + 1);
		size_t n = strlen(a), h = strlen(head);
		int hit = n > h && !strncmp(a + n - h - 1, head, h) && a[n - 1] == '-' && !strncmp(b, tail, strlen(tail));
		free(a);
		free(b);
		if (hit)
			return 1;
	}
	return 0;
}

/* Ragged display text (a title, a heading, a note): never hyphenated. */
static para *set_ragged(para_engine *e, const char *text, double width, diag *d)
{
	static font_role body = {"Noto Serif", 10.5, 14.5, 0, 0, 0, 0, {0, 0, 0}, {NULL, 0, 0}};
	rich *r = rich_new();
	rich_add(r, text, strlen(text));
	para_spec spec = {&body, width, 0, ALIGN_LEFT, 0, 1, 0, 0, 0};
	return paragraph_layout(e, r, &spec, loc_at("t.yaml", 3, 5), d);
}

int main(void)
{
	diag d;
	char *buf = NULL;
	size_t blen = 0;
	FILE *err = open_memstream(&buf, &blen);
	diag_init(&d, err);
	fonts *f = fonts_new("fonts", NULL, &d);
	CHECK("fonts load", f != NULL);
	if (!f)
		CHECK_DONE();
	PangoContext *ctx = fonts_context_new(f);
	pango_cairo_context_set_resolution(ctx, 72);
	para_engine *e = para_engine_new(ctx, hyph_new("en-US"));
	CHECK("en-US hyphenation patterns found", hyph_available(e->hyph));

	para *p = set(e, KOREA, 400, 1, &d);
	CHECK("total-fit breaker used", p->optimal);
	CHECK("several lines", p->nlines >= 6);
	int justified_ok = 1, hyphens = 0, run = 0, maxrun = 0, loose = 0, hung = 0, hung_ok = 1;
	for (size_t i = 0; i < p->nlines; i++) {
		const para_line *ln = &p->lines[i];
		if (i + 1 < p->nlines && ln->hyphenated && ln->ratio <= 1) {
			/* a hyphen the break adds hangs 0.6 of its width: 0.31 em of Noto Serif */
			hung++;
			if (fabs(ln->width - 400 - 0.6 * 0.31 * 10.5) > 0.05)
				hung_ok = 0;
		}
		if (i + 1 < p->nlines && !fills(p, i, 400)) {
			justified_ok = 0;
			printf("line %zu: width %.3f ratio %.3f\n", i, ln->width, ln->ratio);
		}
		if (ln->ratio > 1.26) /* badness over TeX's tolerance of 200 */
			loose++;
		hyphens += ln->hyphenated;
		run = ln->hyphenated ? run + 1 : 0;
		if (run > maxrun)
			maxrun = run;
	}
	CHECK("justified lines fill the measure exactly (but for what hangs)", justified_ok);
	CHECK("a line-final hyphen hangs 0.6 of its width past the measure", hung > 0 && hung_ok);
	CHECK("last line not stretched", p->lines[p->nlines - 1].width < 400 && p->lines[p->nlines - 1].ratio == 0);
	CHECK("no very loose line", loose == 0);
	CHECK("never more than two hyphens in a row", maxrun <= 2);
	char *last = para_line_text(p, p->nlines - 1);
	CHECK("last word not hyphenated", strstr(last, "before.") != NULL);
	free(last);
	/* nor broken at its own hyphen, at any measure (a reader's trial: "O’Sullivan-" /
	 * "Nakamura)") */
	int compound_whole = 1;
	for (double w = 150; w <= 400; w += 2) {
		para *q = set(e, "Reporting by Annelies de Vries in Rotterdam and Tomas Echeverria in Antwerp; editing by "
				 "K. O'Sullivan-Nakamura)", w, 1, &d);
		char *t = para_line_text(q, q->nlines - 1);
		if (!strstr(t, "Sullivan-Nakamura)")) {
			compound_whole = 0;
			printf("w %.0f: last line '%s'\n", w, t);
		}
		free(t);
		para_free(q);
	}
	CHECK("a compound last word is not broken at its hyphen", compound_whole);
	/* nor two units at their slash, ragged as a table's header is (a reader's trial:
	 * "PM2.5 (µg/" / "m³)") */
	int units_whole = 1;
	for (double w = 40; w <= 120; w += 2) {
		para *q = set_ragged(e, "PM2.5 (\xC2\xB5g/m\xC2\xB3) and NO2 in km/h", w, &d);
		for (size_t i = 0; i + 1 < q->nlines; i++) {
			char *t = para_line_text(q, i);
			size_t n = strlen(t);
			while (n > 0 && t[n - 1] == ' ')
				n--;
			if (n > 0 && t[n - 1] == '/') {
				units_whole = 0;
				printf("w %.0f: '%s'\n", w, t);
			}
			free(t);
		}
		para_free(q);
	}
	CHECK("two units are not broken at their slash", units_whole);
	/* nor a month's name hyphenated (a typographer's trial: "Septem-" / "ber 2023") */
	int months_whole = 1;
	for (double w = 60; w <= 200; w += 2) {
		para *q = set(e, "The board met on 15 September 2023, and again in November and December, with the "
				 "accounts for September.",
			      w, 1, &d);
		for (size_t i = 0; i + 1 < q->nlines; i++) {
			char *t = para_line_text(q, i);
			if (strstr(t, "Sep-") || strstr(t, "Septem-") || strstr(t, "No-") || strstr(t, "Novem-") ||
			    strstr(t, "De-") || strstr(t, "Decem-")) {
				months_whole = 0;
				printf("w %.0f: '%s'\n", w, t);
			}
			free(t);
		}
		para_free(q);
	}
	CHECK("a month's name is not hyphenated", months_whole);
	/* an excerpt's closing elision is left alone on the last line only where every other
	 * setting has a line looser than spaces 1.8 times their width (a reader's trial, and the
	 * Korea brief in A4: "[…]" alone under a full line) */
	int lone = 0, measures = 0;
	for (double w = 150; w <= 400; w += 2, measures++) {
		char *t = g_strconcat(KOREA, " [\xE2\x80\xA6]", NULL);
		para *q = set(e, t, w, 1, &d);
		char *tail = para_line_text(q, q->nlines - 1);
		lone += strcmp(tail, "[\xE2\x80\xA6]") == 0;
		free(tail);
		para_free(q);
		g_free(t);
	}
	printf("a closing elision alone on the last line at %d of %d measures\n", lone, measures);
	CHECK("a closing elision stays with the words before it", lone == 0);
	/* the lines cover the paragraph, with only spaces between them */
	int covers = p->lines[0].start == 0;
	for (size_t i = 0; i + 1 < p->nlines; i++) {
		int end = p->lines[i].start + p->lines[i].len;
		for (int q = end; q < p->lines[i + 1].start; q++)
			if (KOREA[q] != ' ')
				covers = 0;
		if (end > p->lines[i + 1].start)
			covers = 0;
	}
	const para_line *ll = &p->lines[p->nlines - 1];
	CHECK("lines cover the text", covers && (size_t)(ll->start + ll->len) == strlen(KOREA));
	para_free(p);

	/* \looseness=-1: over a range of measures, some settings of the paragraph can lose a
	 * line within tolerance; those that do are still justified and never overfull, and
	 * those that cannot are left exactly as they were */
	int tightened = 0, tight_ok = 1, kept_ok = 1;
	for (double w = 300; w <= 440; w += 2) {
		para *q = set(e, KOREA, w, 1, &d);
		size_t n = q->nlines;
		double last_w = q->lines[n - 1].width;
		if (para_tighten(e, q) == 0) {
			tightened++;
			if (q->nlines != n - 1)
				tight_ok = 0;
			for (size_t i = 0; i + 1 < q->nlines; i++)
				if (!fills(q, i, w) || q->lines[i].ratio < -1.0001) {
					tight_ok = 0;
					printf("w %.0f line %zu: width %.3f ratio %.3f\n", w, i, q->lines[i].width, q->lines[i].ratio);
				}
			if (q->lines[q->nlines - 1].width > w + 0.05)
				tight_ok = 0;
		} else if (q->nlines != n || q->lines[n - 1].width != last_w) {
			kept_ok = 0;
		}
		para_free(q);
	}
	/* a plain-text underline is a run of one mark, not a word: it breaks where the line is
	 * full instead of leaving the line before it with all the slack */
	{
		para *u = set(e, "4. Inability to Comply Due to Statute or Regulation "
				 "---------------------------------------------------------------", 400, 1, &d);
		double worst = 0;
		for (size_t i = 0; i + 1 < u->nlines; i++)
			worst = fmax(worst, u->lines[i].ratio);
		CHECK("an underline of dashes breaks inside: no loose line before it", u->nlines == 2 && worst <= 1);
		para_free(u);
	}
	int loosened = 0, loose_ok = 1;
	for (double w = 300; w <= 440; w += 2) {
		para *q = set(e, KOREA, w, 1, &d);
		size_t n = q->nlines;
		if (para_loosen(e, q) == 0) {
			loosened++;
			if (q->nlines != n + 1)
				loose_ok = 0;
			for (size_t i = 0; i + 1 < q->nlines; i++)
				if (!fills(q, i, w) || q->lines[i].ratio > 1.26)
					loose_ok = 0;
		}
		para_free(q);
	}
	/* a column ending after a hyphenated line: the paragraph is set again in as many
	 * lines with that line whole, or left as it was when that would loosen it */
	int unhyphenated = 0, unhyph_ok = 1, unhyph_kept = 1;
	for (double w = 140; w <= 300; w += 2) {
		para *q = set(e, KOREA, w, 1, &d);
		size_t n = q->nlines;
		for (size_t j = 0; j + 1 < n; j++) {
			if (!q->lines[j].hyphenated)
				continue;
			double before = 0;
			for (size_t i = 0; i + 1 < n; i++)
				before = fmax(before, q->lines[i].ratio);
			para_line *old = lines_copy(q->lines, n);
			if (para_unhyphenate_line(e, q, j) == 0) {
				unhyphenated++;
				double after = 0;
				for (size_t i = 0; i + 1 < q->nlines; i++) {
					after = fmax(after, q->lines[i].ratio);
					if (!fills(q, i, w))
						unhyph_ok = 0;
				}
				if (q->nlines != n || q->lines[j].hyphenated ||
				    after > fmax(before, UNHYPHENATE_RATIO) + 1e-9)
					unhyph_ok = 0;
			} else {
				for (size_t i = 0; i < n; i++)
					if (q->lines[i].start != old[i].start || q->lines[i].len != old[i].len)
						unhyph_kept = 0;
			}
			lines_clear(old, 0, n);
			free(old);
			break;
		}
		para_free(q);
	}
	printf("a hyphenated line set whole in %d of 81 measures\n", unhyphenated);
	CHECK("some paragraphs set their hyphenated line whole in as many lines", unhyphenated > 0);
	CHECK("that paragraph is justified, as long, the line whole, no looser", unhyph_ok);
	CHECK("a paragraph whose line cannot be set whole is left as it was", unhyph_kept);
	printf("tightened %d, loosened %d of 71 measures\n", tightened, loosened);
	CHECK("some settings gain a line (looseness +1)", loosened > 0);
	CHECK("a loosened paragraph is justified, within tolerance, one line longer", loose_ok);
	CHECK("some settings lose a line (looseness -1)", tightened > 0);
	CHECK("a tightened paragraph is justified, never overfull, one line shorter", tight_ok);
	CHECK("a paragraph that cannot lose a line is left as it was", kept_ok);

	/* narrow measure: hyphenation must come in */
	p = set(e, KOREA, 140, 1, &d);
	for (size_t i = 0; i < p->nlines; i++)
		hyphens += p->lines[i].hyphenated;
	CHECK("narrow measure hyphenates", hyphens > 0);
	para_free(p);

	/* text in another language is hyphenated by its patterns, never by the document's:
	 * with none installed for it, not at all, but at its soft hyphens */
	{
		int none = 1, gb = 0, soft = 0;
		for (double w = 100; w <= 200; w += 10) {
			p = set_in(e, KOREA, "de", w, &d);
			for (size_t i = 0; i < p->nlines; i++)
				none &= !p->lines[i].hyphenated;
			para_free(p);
			p = set_in(e, KOREA, "EN-gb", w, &d);
			for (size_t i = 0; i < p->nlines; i++)
				gb += p->lines[i].hyphenated;
			para_free(p);
		}
		CHECK("text in a language with no patterns installed is not hyphenated", none);
		CHECK("text in another language with patterns installed is hyphenated", gb > 0);
		p = set_in(e, "Die Bundes\xC2\xADregierung und die Landes\xC2\xADregierungen verhandelten lange.", "de", 70, &d);
		soft = breaks_before(p, "Bundes", "regierung") || breaks_before(p, "Landes", "regierungen");
		CHECK("a soft hyphen still breaks text in a language with no patterns", soft);
		para_free(p);
		/* British patterns, not American: know-ledge, never knowl-edge */
		static const char *KNOW = "in all our knowledge of it, as we know of the knowledge it had, and the knowledge "
					  "we had of its knowledge, a knowledge we all had";
		int us = 0, uk = 0;
		for (double w = 60; w <= 160; w += 2) {
			p = set_in(e, KNOW, "en-GB", w, &d);
			uk |= breaks_before(p, "know", "ledge");
			us |= breaks_before(p, "knowl", "edge");
			para_free(p);
		}
		CHECK("text in en-GB takes the British patterns in an en-US document", uk && !us);
	}
	/* German capitalises every noun: no name there, hyphenated as any word; the same
	 * patterns under another language's tag keep capitalised words for a last resort */
	{
		char dir[] = "/tmp/test_para_hyphXXXXXX";
		CHECK("a directory for patterns", mkdtemp(dir) != NULL);
		gchar *pat = NULL;
		gsize plen = 0;
		g_file_get_contents("tests/hyphen/hyph_de.dic", &pat, &plen, NULL);
		char *de = xasprintf("%s/hyph_de.dic", dir), *nl = xasprintf("%s/hyph_nl.dic", dir);
		CHECK("patterns copied", pat && g_file_set_contents(de, pat, (gssize)plen, NULL) &&
						g_file_set_contents(nl, pat, (gssize)plen, NULL));
		setenv("MKBRIEF_HYPHEN_DIR", dir, 1);
		/* an engine of its own: e made its de hyphenator, with no patterns, above */
		para_engine *ge = para_engine_new(ctx, hyph_new("en-US"));
		static const char *NOUNS = "Die unverantwortlichen Abgeordneten verweigerten gemeinsam mit "
					   "verhandlungsbereiten Landesregierungen die angemessenen Ausgleichszahlungen, "
					   "weil die zusammengestrichenen Kommunalverwaltungen widersprachen.";
		/* text in a source's language (a run of it), and a brief's own text in its */
		para_engine *de_brief = para_engine_new(ctx, hyph_new("de")), *nl_brief = para_engine_new(ctx, hyph_new("nl"));
		int nouns[4] = {0};
		for (double w = 110; w <= 220; w += 5) {
			for (int k = 0; k < 4; k++) {
				p = k < 2 ? set_in(ge, NOUNS, k ? "nl" : "de", w, &d) : set(k == 2 ? de_brief : nl_brief, NOUNS, w, 1, &d);
				for (size_t i = 0; i + 1 < p->nlines; i++) {
					char *t = para_line_text(p, i);
					size_t n = strlen(t);
					const char *word = strrchr(t, ' ');
					word = word ? word + 1 : t;
					nouns[k] += p->lines[i].hyphenated && n && t[n - 1] == '-' && g_ascii_isupper(*word);
					free(t);
				}
				para_free(p);
			}
		}
		printf("capitalised words hyphenated: %d in German, %d with the same patterns in Dutch; in a brief's own "
		       "text %d and %d\n", nouns[0], nouns[1], nouns[2], nouns[3]);
		CHECK("a German noun is hyphenated as any word, not as a name", nouns[0] > nouns[1]);
		CHECK("in a German brief's own text too", nouns[2] > nouns[3] && nouns[2] == nouns[0]);
		para_engine_free(de_brief);
		para_engine_free(nl_brief);
		para_engine_free(ge);
		unsetenv("MKBRIEF_HYPHEN_DIR");
		remove(de);
		remove(nl);
		rmdir(dir);
		free(de);
		free(nl);
		g_free(pat);
	}

	/* a spaced dash never starts a line, at any measure; a range's en dash may */
	{
		static const char *DASHES = "Moscow wanted a seat at the table \xE2\x80\x94 and had nothing to put on it "
					    "\xE2\x80\x94 while Beijing, which had leverage \xE2\x80\x93 and used it "
					    "\xE2\x80\x93 kept its counsel through the talks of 2017\xE2\x80\x93" "2018 and after.";
		int starts = 0, ends = 0;
		for (double w = 60; w <= 300; w += 3) {
			para *q = set(e, DASHES, w, 1, &d);
			for (size_t i = 0; i < q->nlines; i++) {
				char *t = para_line_text(q, i);
				if (!strncmp(t, "\xE2\x80\x94", 3) || !strncmp(t, "\xE2\x80\x93", 3))
					starts++;
				size_t n = strlen(t);
				if (n >= 3 && (!strcmp(t + n - 3, "\xE2\x80\x94") || !strcmp(t + n - 3, "\xE2\x80\x93")))
					ends++;
				free(t);
			}
			para_free(q);
		}
		printf("lines ending in a spaced dash: %d\n", ends);
		CHECK("a spaced dash never starts a line (it ends one instead)", starts == 0 && ends > 0);
	}

	/* a number and its unit, a month and its day, a label and its number, a title or an
	 * initial and the name stay on one line, at any measure; other spaces still break. (A
	 * month and its year, "September 2018", is a weak tie: it may break, once, where the
	 * paragraph would else be set ragged; a test below.) */
	{
		static const char *TIES = "Russia agreed on January 22 to sell 3 GW of power over 40 km of line, "
					  "as Mr. Putin told J. Smith on p. 5 of the report of 22 March, and "
					  "the 14 of them left in September 2018 with 1,200 t of coal, at EUR 112.40/MWh, "
					  "with 200 MW/200 MWh of storage and a reserve of 30-45 MW in each country, "
					  "losing EUR 25 mn/day while trains ran at 90 km/h; the krona stood at SEK 11.42 "
					  "and 410 HUF bought a euro, after EUR 1.6 billion of aid and growth of 8.7 percent; "
					  "wells held 0.1 \xC2\xB5g/L of PFAS, the cliffs lost (>1 m/yr) and the desk is on ext. 2290; "
					  "the air held 0.8 \xC2\xB5" "Bq/m\xC2\xB3 and 2.7 \xC3\x97 10\xE2\x81\xBB\xC2\xB3 Bq/m\xC2\xB3 of iodine, "
					  "as the Court held in Case C-718/18 under Article 5 of the law. The report (HC 1134, "
					  "Cm. 9821, paras. 47-52) gave H1 2022 at SONIA + 1.35%, e.g. the rates. "
					  "At 0342 UTC the MV Ocean Meridian (IMO 9456127, 81,600 dwt) was at "
					  "35\xC2\xB0" "12\xE2\x80\xB2N 129\xC2\xB0" "05\xE2\x80\xB2" "E under (Ord. 2023-089), and p = 0.03. "
					  "She said \xC2\xAB jamais \xC2\xBB and the talks ended. . . . Then nothing. "
					  "Il cite \xC2\xAB Qui va perd sa place \xC2\xBB, et (\xC2\xAB pas \xC2\xBB). "
					  "Am 22. Januar, le 22 janvier et 22 \xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F 2019 \xD0\xB3., "
					  "it cost 1 250 000 \xE2\x82\xAC or 3,5 Prozent of 9,5 Mrd. Euro. "
					  "Il cite un proverbe : \xC2\xAB Qui ? \xC2\xBB et autre ; puis rien ! "
					  "Es stieg, z. B. hier, d. h. um 3, \xD1\x82. \xD0\xB5. \xD0\xB2\xD1\x81\xD0\xB5 \xD0\xB8 \xD1\x82. \xD0\xB4., so. "
					  "A man 5\xE2\x80\xB2 11\xE2\x80\xB3 tall ran it in 30\xE2\x80\xB2 15\xE2\x80\xB3, at 35\xC2\xB0 12\xE2\x80\xB2 north. "
					  "It was -24 C in Tartu and 75 F in Miami. The link failed at 12:26 p.m. local "
					  "time, prices peaked at 9 a.m. and the desk met at 14:00 GMT. The peak fell "
					  "at 9\xE2\x80\x93" "10 a.m. on the day. Prices rose on Jan 8 and Dec 22.";
		static const char *const pairs[] = {"January 22", "3 GW", "40 km", "Mr. Putin", "J. Smith", "p. 5",
						    "22 March", "1,200 t", "EUR 112.40/MWh",
						    "200 MW/200", "MW/200 MWh", "30-45 MW", "SEK 11.42", "410 HUF",
						    "1.6 billion", "8.7 percent", "0.1 \xC2\xB5g/L", "(>1 m/yr)", "ext. 2290",
						    "0.8 \xC2\xB5" "Bq/m\xC2\xB3", "2.7 \xC3\x97", "\xC3\x97 10\xE2\x81\xBB\xC2\xB3",
						    "10\xE2\x81\xBB\xC2\xB3 Bq/m\xC2\xB3", "Case C-718/18", "Article 5", "HC 1134",
						    "Cm. 9821", "paras. 47", "H1 2022", "+ 1.35%", "e.g. the", "0342 UTC", "MV Ocean",
						    "IMO 9456127", "81,600 dwt", "12\xE2\x80\xB2N 129\xC2\xB0" "05\xE2\x80\xB2" "E",
						    "(Ord. 2023-089", "p =", "= 0.03", "\xC2\xAB jamais", "jamais \xC2\xBB", "place \xC2\xBB,", "22. Januar", "22 janvier", "22 \xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F",
						    "2019 \xD0\xB3.,", "1 250", "250 000", "000 \xE2\x82\xAC", "3,5 Prozent", "9,5 Mrd.", "proverbe :", "Qui ?", "autre ;", "rien !", "z. B.", "d. h.", "\xD1\x82. \xD0\xB5.", "\xD1\x82. \xD0\xB4.,",
						    "(\xC2\xAB pas",
						    "ended. .", ". .", "5\xE2\x80\xB2 11\xE2\x80\xB3", "30\xE2\x80\xB2 15\xE2\x80\xB3",
						    "35\xC2\xB0 12\xE2\x80\xB2", "-24 C", "75 F", "12:26 p.m.", "9 a.m.", "14:00 GMT", "9\xE2\x80\x93" "10 a.m.", "Jan 8", "Dec 22", NULL};
		int split = 0, free_breaks = 0;
		/* from 96 pt (17 characters): narrower, a line that keeps every tie may have
		 * spaces over twice their width, and a tie breaks instead (in the last pass) */
		for (double w = 96; w <= 300; w += 3) {
			para *q = set(e, TIES, w, 1, &d);
			for (size_t i = 0; i + 1 < q->nlines; i++) {
				char *t = para_line_text(q, i), *u = para_line_text(q, i + 1);
				size_t n = strlen(t);
				while (n > 0 && t[n - 1] == ' ')
					n--;
				for (size_t k = 0; pairs[k]; k++) {
					/* the last four, a tied run of four words ("2.7 × 10⁻³ Bq/m³"), from
					 * 105 pt: narrower, their line has no room for it */
					if (k >= 19 && w < 105)
						continue;
					const char *sp = strchr(pairs[k], ' ');
					size_t a = (size_t)(sp - pairs[k]);
					if (n >= a && !strncmp(t + n - a, pairs[k], a) && !strncmp(u, sp + 1, strlen(sp + 1)) &&
					    (n == a || t[n - a - 1] == ' ')) {
						printf("split at %.0f: '%s' / '%s'\n", w, t, u);
						split++;
					}
				}
				/* nor a rate or a pair at its slash ("112.40/" | "MWh", "MW/" | "200"),
				 * nor a unit that is a rate ("mn/" | "day", "km/" | "h", "µg/" | "L") */
				if (n >= 2 && t[n - 1] == '/' &&
				    (g_ascii_isdigit(t[n - 2]) || g_ascii_isdigit(u[0]) ||
				     (n >= 3 && (!strcmp(t + n - 3, "mn/") || !strcmp(t + n - 3, "km/") || !strcmp(t + n - 3, " m/"))) ||
				     (n >= 4 && !strcmp(t + n - 4, "\xC2\xB5g/")) || (w >= 105 && n >= 3 && !strcmp(t + n - 3, "Bq/")))) {
					printf("split at %.0f: '%s' / '%s'\n", w, t, u);
					split++;
				}
				free_breaks += n >= 2 && !strcmp(t + n - 2, "14") && !strncmp(u, "of them", 7);
				free(t);
				free(u);
			}
			para_free(q);
		}
		CHECK("number and unit (a rate, a range, a currency), month and day, title and name never split", split == 0);
		CHECK("a number and an ordinary word still may", free_breaks > 0);
		/* a run of tied words wider than the line breaks at a tie rather than run past
		 * the column (thirty initials before a name made one 387 pt unit) */
		para *q = set(e, "Signed by A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P. Q. R. S. T. U. V. W. X. Y. Z. A. B. C. D. Smith.",
			      150, 1, &d);
		int inside = 1;
		for (size_t i = 0; i < q->nlines; i++)
			inside &= q->lines[i].width <= 150.5 + 3.0;
		CHECK("tied words wider than the line break at a tie, within the measure", inside && q->nlines > 1);
		para_free(q);
	}

	/* a word longer than the line is broken, not drawn past the margin (but for the part of
	 * the hyphen that shows the cut which hangs in it, as any line's final hyphen) */
	p = set(e, "Before Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis after.", 120, 1, &d);
	int inside = 1, cut_hyphens = 0;
	for (size_t i = 0; i < p->nlines; i++) {
		char *t = para_line_text(p, i);
		size_t n = strlen(t);
		int hyphen = n > 0 && t[n - 1] == '-';
		cut_hyphens += hyphen;
		if (p->lines[i].width > 120.5 + (hyphen ? 3.0 : 0))
			inside = 0;
		free(t);
	}
	CHECK("overlong word broken inside the measure, its cuts shown by hyphens", inside && p->nlines >= 3 && cut_hyphens >= 2);
	para_free(p);

	/* an address breaks at its slashes, never with a hyphen */
	p = set(e, "See https://example.org/analysis/russia/korea/sanctions/implementation/report.html for the full text of the report.", 150, 1, &d);
	int url_hyphen = 0;
	for (size_t i = 0; i < p->nlines; i++)
		url_hyphen |= p->lines[i].hyphenated;
	CHECK("no hyphen inside a URL", !url_hyphen && p->nlines >= 3);
	para_free(p);

	/* an address never breaks inside a number: "period=2025" / "-01." left a stub line (a
	 * typographer's trial), nor "v2" / ".10" */
	int inside_number = 0;
	for (double w = 100; w <= 260; w += 4) {
		p = set(e, "Tariffs can be compared at https://www.elektrihind.ee/compare?region=EE&period=2025-01 and "
			   "https://example.org/tool/v2.10/notes-2024-12-31.html today.",
			w, 1, &d);
		for (size_t i = 0; i + 1 < p->nlines; i++) {
			char *t = para_line_text(p, i), *u = para_line_text(p, i + 1);
			size_t tn = strlen(t);
			inside_number |= tn > 0 && g_ascii_isdigit(t[tn - 1]) && (u[0] == '-' || u[0] == '.') &&
					 g_ascii_isdigit(u[1]);
			free(t);
			free(u);
		}
		para_free(p);
	}
	CHECK("an address never breaks inside a number (2025-01, v2.10)", !inside_number);

	/* a DOI is an address: it breaks after its scheme, before a slash or a period (it was one
	 * unbreakable word, and the paragraph around it was set ragged: a reader's trial) */
	p = set(e, "The paper is in Environmental Science and Technology Letters (doi:10.1021/acs.estlett.5b00412).", 200, 1,
		&d);
	int doi_broken = 0, doi_hyphen = 0;
	for (size_t i = 0; i < p->nlines; i++) {
		char *t = para_line_text(p, i);
		doi_broken |= strstr(t, "doi:") != NULL && strstr(t, "5b00412") == NULL;
		doi_hyphen |= p->lines[i].hyphenated && strstr(t, "doi:") != NULL;
		free(t);
	}
	CHECK("a DOI breaks as an address, with no hyphen", doi_broken && !doi_hyphen && !p->fallback);
	para_free(p);

	/* a name from code is set as an address: never hyphenated ("set-tlements.legacy_ref",
	 * "txn.iso-lation" happened: a reader's trial), broken only before its punctuation;
	 * "e.g." and "U.S." are words */
	{
		const char *code[] = {"settlements.legacy_ref", "txn.isolation", "max_client_connections"};
		for (size_t c = 0; c < sizeof code / sizeof *code; c++) {
			char *text = xasprintf("Rollback failed because the migration dropped %s, which the old release "
					       "still reads in %s and %s.", code[c], code[c], code[c]);
			int hyphen_in_code = 0;
			for (double w = 90; w <= 200; w += 10) {
				p = set(e, text, w, 1, &d);
				for (size_t i = 0; i < p->nlines; i++) {
					char *t = para_line_text(p, i);
					size_t n = strlen(t);
					/* the line ends inside the name with a hyphen added */
					const char *tail = strrchr(t, ' ') ? strrchr(t, ' ') + 1 : t;
					size_t k = strlen(tail);
					hyphen_in_code |= k >= 2 && t[n - 1] == '-' && strncmp(code[c], tail, k - 1) == 0;
					free(t);
				}
				para_free(p);
			}
			free(text);
			char *name = xasprintf("%s is never hyphenated", code[c]);
			CHECK(name, !hyphen_in_code);
			free(name);
		}
	}

	/* a paragraph set ragged because it cannot be justified is body text: its last line may
	 * hold one word, rather than a word before it be hyphenated to go with it ("a de-" /
	 * "fault, txn.isolation." happened: a reader's trial) */
	{
		int fell = 0, hyphen = 0;
		for (double w = 100; w <= 220; w += 2) {
			p = set(e, "For ledgerd, literally a default, txn.isolation.", w, 1, &d);
			if (p->fallback && p->nlines == 2) {
				fell++;
				char *t = para_line_text(p, 0);
				hyphen |= t[strlen(t) - 1] == '-';
				free(t);
			}
			para_free(p);
		}
		CHECK("a two-line paragraph set ragged hyphenates no word to fill its last line", fell > 0 && !hyphen);
	}

	/* ragged text keeps its last word whole, but an address longer than half a line may
	 * break: kept whole, it left the line before it near empty ("a The" / "plan is at
	 * https://...": a new user's trial); a compound stays whole ("Villeurbanne-sur-" /
	 * "Rhône": a reader's trial) */
	{
		int near_empty = 0, compound_cut = 0;
		for (double w = 230; w <= 300; w += 10) {
			p = set_ragged(e, "The plan is at https://energy.example.eu/grid-action-plan-2025.", w, &d);
			char *t = para_line_text(p, 0);
			near_empty |= p->nlines > 1 && strlen(t) < 12;
			free(t);
			para_free(p);
			p = set_ragged(e, "The Silk Mill Fight in Villeurbanne-sur-Rhône", w * 0.8, &d);
			t = para_line_text(p, p->nlines - 1);
			compound_cut |= p->nlines > 1 && strstr(t, "Villeurbanne") == NULL;
			free(t);
			para_free(p);
		}
		CHECK("ragged text ending in a long address does not leave its first line near empty", !near_empty);
		CHECK("ragged text does not end on a piece of a compound", !compound_cut);
	}

	/* a word wider than INT_MAX Pango units (2.1 million pt: 400,000 letters) is broken
	 * inside the measure like any overlong word; its width summed in an int wrapped negative,
	 * and it was set as one line, nearly all of it off the page (a hostile trial) */
	{
		size_t nx = 400000;
		char *huge = xmalloc(nx + 1);
		memset(huge, 'x', nx);
		huge[nx] = 0;
		p = set(e, huge, 300, 1, &d);
		size_t letters = 0;
		int within = p->nlines > 1000;
		for (size_t i = 0; i < p->nlines; i++) {
			letters += (size_t)p->lines[i].len;
			within &= p->lines[i].width < 305;
		}
		CHECK("a word of 400,000 letters is cut into lines inside the measure", within && letters == nx);
		para_free(p);
		free(huge);
	}

	CHECK("no errors so far", d.errors == 0);
	/* a date wider than its cell breaks after a hyphen, not inside a number (a layouts
	 * trial: "2017-0" / "6-02" in a three-column table) */
	{
		int bad = 0, good = 0;
		for (double w = 26; w <= 50; w += 1) {
			para *q = set(e, "2017-06-02", w, 1, &d);
			if (q->nlines > 1) {
				char *t = para_line_text(q, 0);
				size_t n = strlen(t);
				if (n && t[n - 1] == '-')
					good++;
				else
					bad++, printf("date cut at %.0f: '%s'\n", w, t);
				free(t);
			}
			para_free(q);
		}
		CHECK("a date too wide for its line breaks after a hyphen", bad == 0 && good > 0);
	}
	p = set(e, "Kanji \xE6\xBC\xA2 is not in Noto.", 300, 1, &d);
	fflush(err);
	CHECK("missing glyph is an error", d.errors == 1);
	CHECK("missing glyph message", buf && strstr(buf, "t.yaml:3:5: error: a character not in the bundled fonts: '\xE6\xBC\xA2' (U+6F22 CJK UNIFIED IDEOGRAPH-6F22)"));
	para_free(p);

	p = set(e, KOREA, 300, 0, &d);
	CHECK("Pango breaker still available", !p->optimal && p->layout && p->nlines >= 6);
	para_free(p);
	CHECK("shaping cache is used", e->hits > 0);

	para_engine_free(e);
	g_object_unref(ctx);
	fonts_free(f);
	fclose(err);
	free(buf);
	CHECK_DONE();
}
