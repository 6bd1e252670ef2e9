/* test_article.c: source articles are read byte-exactly into header, paragraphs, sentences. */
#include <stdlib.h>
#include <string.h>

#include "load/article.h"
#include "check.h"
#include "base/util.h"

#define A2018 "briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt"
#define A2017 "briefs/articles/edm-2017-v14i42-another-russian-failure.txt"

/* Parses text, capturing diagnostics into *msgs (caller frees). */
static article *parse(const char *text, char **msgs)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, f);
	article *a = article_parse(text, strlen(text), "t.txt", &d);
	fclose(f);
	if (msgs)
		*msgs = buf;
	else
		free(buf);
	return a;
}

static char *para_text(const article *a, size_t i)
{
	return xstrndup(a->text + a->paras[i].r.start, a->paras[i].r.end - a->paras[i].r.start);
}

static char *sent_text(const article *a, size_t p, size_t s)
{
	range r = a->paras[p].sents[s];
	return xstrndup(a->text + r.start, r.end - r.start);
}

static void real_articles(void)
{
	diag d;
	diag_init(&d, stderr);
	article *a = article_load(A2018, "edm-2018.txt", loc_none(), &d);
	CHECK("2018 loads", a != NULL);
	if (!a)
		return;
	CHECK_STR("2018 title", a->title, "Russia Uses Korean Crisis to Score Points in Its Standoff With US");
	CHECK_STR("2018 publication", a->publication, "Eurasia Daily Monitor");
	CHECK_STR("2018 volume", a->volume, "15");
	CHECK_STR("2018 issue", a->issue, "7");
	CHECK_STR("2018 credit", a->credit, "Sky News");
	CHECK("2018 length", a->len == 6864);
	CHECK("2018 has 6 paragraphs", a->nparas == 6);
	CHECK("2018 p1 bytes", a->paras[0].r.start == 143 && a->paras[0].r.end == 1077 && a->paras[0].line == 7);
	CHECK("2018 p3 bytes", a->paras[2].r.start == 2601 && a->paras[2].r.end == 3796 && a->paras[2].line == 11);
	CHECK("2018 p6 ends at end of file (no final newline)", a->paras[5].r.end == 6864);
	CHECK("2018 p1 has 4 sentences", a->paras[0].nsents == 4);
	char *s = sent_text(a, 0, 0);
	CHECK_STR("sentence ends after closing quote", s,
		  "During a January 11 meeting with the editors of major Russian print media outlets, President "
		  "Vladimir Putin praised the North Korean leader, Kim Jong Un, as a mature and \xE2\x80\x9C"
		  "absolutely learned politician.\xE2\x80\x9D");
	free(s);
	s = sent_text(a, 0, 1);
	CHECK("second sentence starts at 'According'", strncmp(s, "According to Putin", 18) == 0);
	free(s);
	/* sentences cover the paragraph except the spaces between */
	int ok = 1;
	for (size_t p = 0; p < a->nparas; p++) {
		const art_para *ap = &a->paras[p];
		ok &= ap->nsents > 0 && ap->sents[0].start == ap->r.start && ap->sents[ap->nsents - 1].end == ap->r.end;
		for (size_t k = 1; k < ap->nsents; k++)
			ok &= ap->sents[k].start > ap->sents[k - 1].end && a->text[ap->sents[k - 1].end] == ' ';
	}
	CHECK("sentences tile paragraphs", ok);
	article_free(a);

	a = article_load(A2017, "edm-2017.txt", loc_none(), &d);
	CHECK("2017 loads", a != NULL);
	if (!a)
		return;
	CHECK_STR("2017 volume", a->volume, "14");
	CHECK_STR("2017 issue", a->issue, "42");
	CHECK_STR("2017 credit", a->credit, "RBTH");
	CHECK("2017 has 6 paragraphs", a->nparas == 6);
	CHECK("2017 p2 bytes", a->paras[1].r.start == 1031 && a->paras[1].r.end == 2095);
	/* "Pravda.ru, March 21)." and "(Mid.ru, March 15)." */
	char *p2s3 = sent_text(a, 1, 2);
	CHECK("2017 p2 s3 starts 'Yet, in fact'", strncmp(p2s3, "Yet, in fact", 12) == 0);
	free(p2s3);
	CHECK("2017 no errors", d.errors == 0);
	article_free(a);
}

static void header_and_layout(void)
{
	article *a = parse("Title here\r\n\r\nPublication: Foo Bar Volume: 3 Issue: 12\r\n\r\n"
			   "First para\r\nline two.\r\n\r\n\r\nSecond para.",
			   NULL);
	CHECK("CRLF parses", a != NULL);
	if (!a)
		return;
	CHECK_STR("CRLF title without \\r", a->title, "Title here");
	CHECK_STR("publication", a->publication, "Foo Bar");
	CHECK_STR("issue", a->issue, "12");
	CHECK("no credit", a->credit == NULL);
	CHECK("two paragraphs", a->nparas == 2);
	char *p = para_text(a, 0);
	CHECK_STR("multi-line paragraph keeps its bytes", p, "First para\r\nline two.");
	free(p);
	p = para_text(a, 1);
	CHECK_STR("last paragraph without final newline", p, "Second para.");
	free(p);
	CHECK("paragraph lines", a->paras[0].line == 5 && a->paras[1].line == 9);
	article_free(a);

	a = parse("Just a title\nA paragraph right away.\n", NULL);
	CHECK("no Publication line is fine", a && !a->publication && !a->volume && a->nparas == 1);
	article_free(a);

	/* a line of no-break spaces (a web page's <p>&nbsp;</p>), of a zero-width and an
	 * ideographic space, or a byte-order mark alone, is blank: no paragraph of its own */
	a = parse("\xC2\xA0Title\xC2\xA0\n\n\xC2\xA0\xC2\xA0\n\nOne.\n\n\xE2\x80\x8B\xE3\x80\x80\n"
		  "\xC2\xA0Two,\nits second line.\xE2\x80\xAF\n\n\xEF\xBB\xBF\n\nThree.\n",
		  NULL);
	CHECK("white-space lines: three paragraphs", a && a->nparas == 3);
	if (a && a->nparas == 3) {
		CHECK_STR("white-space lines: title trimmed", a->title, "Title");
		p = para_text(a, 1);
		CHECK_STR("white-space lines: a paragraph without its edges' no-break spaces", p, "Two,\nits second line.");
		free(p);
		CHECK("white-space lines: paragraph lines", a->paras[0].line == 5 && a->paras[1].line == 8 && a->paras[2].line == 13);
	}
	article_free(a);
}

/* The first paragraph's sentences are want[0, n), as far as it has them. */
static void check_sentences(const article *a, const char *const *want, size_t n, const char *which)
{
	for (size_t i = 0; i < n && i < a->paras[0].nsents; i++) {
		char *s = sent_text(a, 0, i);
		char name[64];
		snprintf(name, sizeof name, "sentence %zu%s", i + 1, which);
		CHECK_STR(name, s, want[i]);
		free(s);
	}
}

static void sentences(void)
{
	article *a = parse("T\n\nThe U.S. Army met Gen. Smith and Mr. J. R. Jones on Jan. 5. It cost 2.5 percent more. "
			   "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. \xE2\x80\x9C" "Because.\xE2\x80\x9D "
			   "Sales rose (a lot). 2018 was better! the end.\n",
			   NULL);
	CHECK("sentence article parses", a != NULL);
	if (!a)
		return;
	const char *want[] = {
		"The U.S. Army met Gen. Smith and Mr. J. R. Jones on Jan. 5.",
		"It cost 2.5 percent more.",
		"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.",
		"\xE2\x80\x9C" "Because.\xE2\x80\x9D",
		"Sales rose (a lot).",
		"2018 was better! the end.",
	};
	CHECK("six sentences", a->paras[0].nsents == 6);
	check_sentences(a, want, 6, "");
	article_free(a);

	/* sentences start with a superscript number (an isotope), a capital of any script and
	 * a Spanish opening mark as with A */
	a = parse("T\n\nCaesium was 600 Bq/kg. \xE2\x81\xB9\xE2\x81\xB0Sr in milk fell. Tritium rose. "
		  "Prices fell 2.5%. \xC5\x81\xC3\xB3" "d\xC5\xBA agreed. \xC2\xBFQu\xC3\xA9? \xC2\xA1" "Basta!\n",
		  NULL);
	const char *want2[] = {"Caesium was 600 Bq/kg.", "\xE2\x81\xB9\xE2\x81\xB0Sr in milk fell.", "Tritium rose.",
			       "Prices fell 2.5%.", "\xC5\x81\xC3\xB3" "d\xC5\xBA agreed.", "\xC2\xBFQu\xC3\xA9?",
			       "\xC2\xA1" "Basta!"};
	CHECK("seven sentences", a && a->paras[0].nsents == 7);
	if (a)
		check_sentences(a, want2, 7, " of the second");
	article_free(a);

	/* a judgment's and a report's abbreviations and units (a reader's trial: "v." and
	 * "paras." ended sentences, "°C." did not) */
	a = parse("T\n\nIt was considered in Shipley Freight v. HMRC [2009] EWCA Civ 1231. Counsel relied on it, "
		  "at paras. 60-66. The mean was 25 \xC2\xB0" "C. The gas stood at 300 K. Its see Fig. 3 here. "
		  "J. R. Jones agreed.\n",
		  NULL);
	const char *want3[] = {"It was considered in Shipley Freight v. HMRC [2009] EWCA Civ 1231.",
			       "Counsel relied on it, at paras. 60-66.", "The mean was 25 \xC2\xB0" "C.",
			       "The gas stood at 300 K.", "Its see Fig. 3 here.", "J. R. Jones agreed."};
	CHECK("six sentences of the third", a && a->paras[0].nsents == 6);
	if (a)
		check_sentences(a, want3, 6, " of the third");
	article_free(a);

	/* a municipal code's labels (a reader's trial: "in Ord." / "2024-117." were two) */
	a = parse("T\n\nThe budget was introduced in Ord. 2024-117. It cites Res. MSC.255(84) too.\n", NULL);
	const char *want4[] = {"The budget was introduced in Ord. 2024-117.", "It cites Res. MSC.255(84) too."};
	CHECK("two sentences of the fourth", a && a->paras[0].nsents == 2);
	if (a)
		check_sentences(a, want4, 2, " of the fourth");
	article_free(a);

	/* a.m. and p.m. go on before a day, a month, a time zone, a number or a lowercase word,
	 * and end a sentence before another capital (a trial: "at 9 a.m. Monday" was two,
	 * shifting every later sentence's number); initials end one before a word that starts
	 * sentences ("the U.S. The"), not before a name ("U.S. Army") */
	a = parse("T\n\nAt 9 a.m. Monday the talks began. They paused at 2 P.M. EST and at 4 p.m. 12 "
		  "ships left. Talks ended at 9 p.m. The next day was quiet. Envoys flew to the U.S. The "
		  "U.S. Navy met Gen. Kim, Messrs. Lee and J. A. Smith, ca. 1990, on Jan. 5 at 8a.m. UTC. "
		  "Flights landed at 6 a.m. in Seoul. Talks began at 5 p.m. Moscow time and at 7 p.m. Eastern "
		  "Standard Time. Gen. Lee left at 9 p.m. Moscow was quiet. The P.M. Boris Johnson met P.M. "
		  "Modi at 10 P.M. Mr. Lee spoke. It ended at 9 p.m. The time had come.\n",
		  NULL);
	const char *want5[] = {"At 9 a.m. Monday the talks began.",
			       "They paused at 2 P.M. EST and at 4 p.m. 12 ships left.", "Talks ended at 9 p.m.",
			       "The next day was quiet.", "Envoys flew to the U.S.",
			       "The U.S. Navy met Gen. Kim, Messrs. Lee and J. A. Smith, ca. 1990, on Jan. 5 at 8a.m. UTC.",
			       "Flights landed at 6 a.m. in Seoul.",
			       "Talks began at 5 p.m. Moscow time and at 7 p.m. Eastern Standard Time.",
			       "Gen. Lee left at 9 p.m.", "Moscow was quiet.",
			       "The P.M. Boris Johnson met P.M. Modi at 10 P.M.", "Mr. Lee spoke.",
			       "It ended at 9 p.m.", "The time had come."};
	CHECK("fourteen sentences of the fifth", a && a->paras[0].nsents == 14);
	if (a)
		check_sentences(a, want5, 14, " of the fifth");
	article_free(a);

	/* German and Russian: a date's ordinal before its month, one lowercase letter's
	 * abbreviations, initials of any script and "Mrd." go on; the year's "г." after a number
	 * ends one (an analyst's trial: "22." / "Januar", "z." / "B.", "В. В." / "Путин" were
	 * sentences of their own, shifting every later citation's number) */
	a = parse("T\n\nAm 22. Januar 2018 stieg es um 3,5 Prozent, z. B. durch 9,5 Mrd. Euro usw. "
		  "Der Plan kam am 3. März. "
		  "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\x92. \xD0\x92. \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD "
		  "\xD0\xB2 2019 \xD0\xB3. \xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80 "
		  "\xD1\x82. \xD0\x95. \xD0\xB3. \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0.\n",
		  NULL);
	const char *want_de_ru[] = {"Am 22. Januar 2018 stieg es um 3,5 Prozent, z. B. durch 9,5 Mrd. Euro usw.",
			       "Der Plan kam am 3. M\xC3\xA4rz.",
			       "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\x92. \xD0\x92. \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD "
			       "\xD0\xB2 2019 \xD0\xB3.",
			       "\xD0\x9C\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x81\xD1\x82\xD1\x80 "
			       "\xD1\x82. \xD0\x95. \xD0\xB3. \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0."};
	CHECK("four sentences of German and Russian", a && a->paras[0].nsents == 4);
	if (a)
		check_sentences(a, want_de_ru, 4, " of German and Russian");
	article_free(a);

	/* a superscript reference mark after a full stop ends the sentence as "[2]" does */
	a = parse("T\n\nThe accord stood for a decade.\xC2\xB2 Officials ratified it.[3] It held.\n", NULL);
	const char *want6[] = {"The accord stood for a decade.\xC2\xB2", "Officials ratified it.[3]", "It held."};
	CHECK("three sentences of the sixth", a && a->paras[0].nsents == 3);
	if (a)
		check_sentences(a, want6, 3, " of the sixth");
	article_free(a);

	/* so do digits after a sentence's end, as matching reads them ("it.12 It" was one
	 * sentence, though a quote may leave the 12 out as a mark): not after an abbreviation
	 * ("No.12 The" is a number) nor before a lowercase word */
	a = parse("T\n\nOfficials ratified it.12 It held. Прибыль упала на 5 процентов.5 Затем выросла. "
		  "See No.12 The Hague. It was v2.1 Then more.\n",
		  NULL);
	const char *want7[] = {"Officials ratified it.12", "It held.", "Прибыль упала на 5 процентов.5",
			       "Затем выросла.", "See No.12 The Hague.", "It was v2.1 Then more."};
	CHECK("six sentences of the seventh", a && a->paras[0].nsents == 6);
	if (a)
		check_sentences(a, want7, 6, " of the seventh");
	article_free(a);

	/* a mark's edges, read as matching reads them (test_match.c marks_edges): a no-break
	 * space after it, any opening mark, a closing guillemet before it; a provision's
	 * bracketed sub-clause is no mark, a year's is ("Article 5[1]. It" ends after "5[1].") */
	a = parse("T\n\nThey ratified it.12\xC2\xA0It held. Sie sagten es.3 \xE2\x80\x9EWir gehen\xE2\x80\x9C, sagte er. "
		  "Ils l'ont dit.\xC2\xBB" "4 \xC2\xAB" "Non.\xC2\xBB Se fue.7 \xC2\xBFPor qu\xC3\xA9? "
		  "Under Article 5[1](a). Then in 2019[2]. Done.\n",
		  NULL);
	const char *want8[] = {"They ratified it.12", "It held.", "Sie sagten es.3",
			       "\xE2\x80\x9EWir gehen\xE2\x80\x9C, sagte er.", "Ils l'ont dit.\xC2\xBB" "4",
			       "\xC2\xAB" "Non.\xC2\xBB", "Se fue.7", "\xC2\xBFPor qu\xC3\xA9?", "Under Article 5[1](a).",
			       "Then in 2019[2].", "Done."};
	CHECK("eleven sentences of the eighth", a && a->paras[0].nsents == 11);
	if (a)
		check_sentences(a, want8, 11, " of the eighth");
	article_free(a);

	/* a German or Czech quotation closes with “ or ‘, which ends the sentence inside it
	 * (a trial: „Wir gehen.“ Dann ging sie. was one sentence) */
	a = parse("T\n\nSie sagte: \xE2\x80\x9EWir gehen.\xE2\x80\x9C Dann ging sie. Er sagte: \xE2\x80\x9AJa!\xE2\x80\x98 "
		  "Dann nichts. Er rief \xE2\x80\x9EHalt?\xE2\x80\x9C\n",
		  NULL);
	const char *want9[] = {"Sie sagte: \xE2\x80\x9EWir gehen.\xE2\x80\x9C", "Dann ging sie.",
			       "Er sagte: \xE2\x80\x9AJa!\xE2\x80\x98", "Dann nichts.", "Er rief \xE2\x80\x9EHalt?\xE2\x80\x9C"};
	CHECK("five sentences of the ninth", a && a->paras[0].nsents == 5);
	if (a)
		check_sentences(a, want9, 5, " of the ninth");
	article_free(a);

	/* a sentence in brackets after another's end starts one; a bracket after an
	 * abbreviation or initials, or with a number or a lowercase word in it, does not */
	a = parse("T\n\nPrices rose. (See the chart.) Then they fell. [Editor's note: in May.] Talks went on, "
		  "said the U.S. (Reuters) team and Mr. (John) Smith. It lasted 2.5 days. [7] in May. It ended. (in part) so.\n",
		  NULL);
	const char *want10[] = {"Prices rose.", "(See the chart.)", "Then they fell.", "[Editor's note: in May.]",
				"Talks went on, said the U.S. (Reuters) team and Mr. (John) Smith.",
				"It lasted 2.5 days. [7] in May.", "It ended. (in part) so."};
	CHECK("seven sentences of the tenth", a && a->paras[0].nsents == 7);
	if (a)
		check_sentences(a, want10, 7, " of the tenth");
	article_free(a);

	/* an abbreviation capitalised at a sentence's start ends none before a number; a name's
	 * suffix (Inc., Jr.) ends one before a word that starts sentences, not before a name */
	a = parse("T\n\nIt cost approx. 5. Approx. 10 came. Cf. the report. Vgl. Abs. 3 dazu. It was sold to "
		  "Acme Inc. The rival, Beta Ltd. In May it sank. Acme Inc. Europe grew. John Smith Jr. The son.\n",
		  NULL);
	const char *want11[] = {"It cost approx. 5.", "Approx. 10 came.", "Cf. the report.", "Vgl. Abs. 3 dazu.",
				"It was sold to Acme Inc.", "The rival, Beta Ltd.", "In May it sank.",
				"Acme Inc. Europe grew.", "John Smith Jr.", "The son."};
	CHECK("ten sentences of the eleventh", a && a->paras[0].nsents == 10);
	if (a)
		check_sentences(a, want11, 10, " of the eleventh");
	article_free(a);

	/* initials end a sentence before more of the words that start sentences and are seldom
	 * names (a hostile reading: "in the U.K. Later he moved" was one) */
	a = parse("T\n\nHe lived in the U.K. Later he moved. They met the U.S. Navy. Officials from the U.S. "
		  "Some said yes. It was the U.N. According to them it ended. He saw J. R. Moreover he left.\n",
		  NULL);
	const char *want12[] = {"He lived in the U.K.", "Later he moved.", "They met the U.S. Navy.",
				"Officials from the U.S.", "Some said yes.", "It was the U.N.", "According to them it ended.",
				"He saw J. R.", "Moreover he left."};
	CHECK("nine sentences of the twelfth", a && a->paras[0].nsents == 9);
	if (a)
		check_sentences(a, want12, 9, " of the twelfth");
	article_free(a);

	/* "no." and "Vol." stand before a number (or a Roman one): before anything else they
	 * end a sentence (a hostile reading: "He said no. It was over." was one) */
	a = parse("T\n\nHe said no. It was over. No. 5 won. See pp. 12-19 and Vol. IV. Art. I applies. "
		  "The answer was No. Then more. Nos. 3 and 4 sank.\n",
		  NULL);
	const char *want13[] = {"He said no.", "It was over.", "No. 5 won.", "See pp. 12-19 and Vol. IV.", "Art. I applies.",
				"The answer was No.", "Then more.", "Nos. 3 and 4 sank."};
	CHECK("eight sentences of the thirteenth", a && a->paras[0].nsents == 8);
	if (a)
		check_sentences(a, want13, 8, " of the thirteenth");
	article_free(a);

	/* an ellipsis character ends a sentence as "..." does, before a capital only */
	a = parse("T\n\nHe paused\xE2\x80\xA6 Then he left. It went on\xE2\x80\xA6 and on. He waited... Then more.\n", NULL);
	const char *want14[] = {"He paused\xE2\x80\xA6", "Then he left.", "It went on\xE2\x80\xA6 and on.", "He waited...",
				"Then more."};
	CHECK("five sentences of the fourteenth", a && a->paras[0].nsents == 5);
	if (a)
		check_sentences(a, want14, 5, " of the fourteenth");
	article_free(a);

	/* a quotation's ? or ! before who said it ends no sentence ("Why?" John asked.) */
	a = parse("T\n\n\"Why?\" John asked. \xE2\x80\x9CStop!\xE2\x80\x9D Mary Ann Evans shouted at them. "
		  "\"Why?\" The question hung. He asked why? John knew.\n", NULL);
	const char *want15[] = {"\"Why?\" John asked.", "\xE2\x80\x9CStop!\xE2\x80\x9D Mary Ann Evans shouted at them.",
				"\"Why?\"", "The question hung.", "He asked why?", "John knew."};
	CHECK("six sentences of the fifteenth", a && a->paras[0].nsents == 6);
	if (a)
		check_sentences(a, want15, 6, " of the fifteenth");
	article_free(a);
}

static void errors(void)
{
	char *msg;
	article *a = parse("Title\n\nGood line\nbad \xFF byte\n", &msg);
	CHECK("invalid UTF-8 rejected", a == NULL);
	CHECK_STR("invalid UTF-8 line:col", msg,
		  "t.txt:4:5: error: invalid UTF-8 (byte 0xFF); source files must be UTF-8 text\n");
	free(msg);

	a = parse("T\n\n\xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xC3\x28\n", &msg);
	CHECK_STR("invalid UTF-8 column counts characters", msg,
		  "t.txt:3:7: error: invalid UTF-8 (byte 0xC3); source files must be UTF-8 text\n");
	free(msg);

	a = parse("", &msg);
	CHECK_STR("empty file", msg, "t.txt: error: empty file: expected a title line and paragraphs\n");
	free(msg);
	a = parse("\n  \n\r\n", &msg);
	CHECK_STR("blank file is empty", msg, "t.txt: error: empty file: expected a title line and paragraphs\n");
	free(msg);
	a = parse("Title\n\nPublication: X Volume: 1 Issue: 2\n\n(Source: Y)\n\n", &msg);
	CHECK("header only rejected", a == NULL);
	CHECK_STR("no paragraphs", msg, "t.txt: error: no paragraphs after the header\n");
	free(msg);

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, f);
	a = article_load("briefs/articles/nope.txt", "articles/nope.txt", loc_at("brief.yaml", 7, 11), &d);
	a = article_load("briefs/articles", "articles", loc_at("brief.yaml", 8, 11), &d);
	fclose(f);
	CHECK_STR("missing and directory", buf,
		  "brief.yaml:7:11: error: cannot read source 'articles/nope.txt': no such file\n"
		  "brief.yaml:8:11: error: cannot read source 'articles': is a directory, not a file\n");
	free(buf);

	size_t big = ARTICLE_MAX_BYTES + 1;
	char *huge = xmalloc(big + 1);
	memset(huge, 'a', big);
	huge[big] = 0;
	huge[1] = '\n';
	huge[2] = '\n';
	buf = NULL;
	f = open_memstream(&buf, &len);
	diag_init(&d, f);
	a = article_parse(huge, big, "big.txt", &d);
	fclose(f);
	CHECK("over the size limit rejected", a == NULL);
	CHECK_STR("size limit message", buf, "big.txt: error: source file is larger than the limit of 8 MiB\n");
	free(buf);
	free(huge);
}

/* Reference marks end no sentence early; list items are sentences; subheadings are flagged. */
static void marks_lists_headings(void)
{
	article *a = parse("T\n\nOne ended.[1] Two ended.[2][3] Three.\n\nCargo in 2018\n\n"
			   "Kinds:\n- coal from Dalian\n  and Nampo\n\xE2\x80\xA2 oil.\n12. Parts. More parts\n\n"
			   "Notes:\n\nРоссия и Корея\n\nLast line\n", NULL);
	CHECK("parsed", a && a->nparas == 6);
	if (!a)
		return;
	CHECK("three sentences around reference marks", a->paras[0].nsents == 3);
	char *t = sent_text(a, 0, 1);
	CHECK_STR("the mark stays with its sentence", t, "Two ended.[2][3]");
	free(t);
	CHECK("a short unpunctuated line is a subheading", a->paras[1].heading);
	CHECK("a list: four items (the lead line one of them)", a->paras[2].nitems == 4);
	t = sent_text(a, 2, 1);
	CHECK_STR("an item runs on over its next line", t, "- coal from Dalian\n  and Nampo");
	free(t);
	t = sent_text(a, 2, 3);
	CHECK_STR("'12. ' ends no sentence", t, "12. Parts.");
	free(t);
	CHECK("a list item's sentences", a->paras[2].nsents == 5);
	CHECK("a line ending in a colon is no subheading", !a->paras[3].heading);
	CHECK("a Cyrillic subheading", a->paras[4].heading);
	CHECK("the last paragraph is no subheading", !a->paras[5].heading);
	article_free(a);

	/* a paragraph that is one numbered item is a numbered paragraph, as a court numbers
	 * its own; its number ends no sentence; a bullet alone is still a list */
	a = parse("T\n\n10. The Tribunal recalls. It holds.\n\n- one bullet\n\nLast.\n", NULL);
	CHECK("a numbered paragraph is no list", a && a->paras[0].nitems == 0);
	CHECK("a numbered paragraph: two sentences", a && a->paras[0].nsents == 2);
	t = a ? sent_text(a, 0, 0) : NULL;
	CHECK_STR("its number starts its first sentence", t, "10. The Tribunal recalls.");
	free(t);
	CHECK("a bullet alone is a list", a && a->paras[1].nitems == 1);
	/* text wrapped by hand that leaves a dash or a number and its mark at a line's start is
	 * no list (a hostile reading: each printed as an item, a sentence each); a list after
	 * a lead-in with a colon, or of two items, is one */
	article_free(a);
	a = parse("T\n\nThe deal was signed in 2010 by the two sides\n- a first for the region - and it held for a\n"
		  "decade.\n\nThey spent $12 million on the ships in the year\n1) to buy fuel and 2) to pay crews.\n\n"
		  "Key facts\n- one\n- two\n\nNote:\n1. only this\n\nLast.\n",
		  NULL);
	CHECK("a dash wrapped to a line's start is no list", a && a->paras[0].nitems == 0 && a->paras[0].nsents == 1);
	CHECK("nor a number's mark", a && a->paras[1].nitems == 0 && a->paras[1].nsents == 1);
	CHECK("two items after a lead-in are a list", a && a->paras[2].nitems == 3);
	CHECK("one after a colon is", a && a->paras[3].nitems == 2);
	article_free(a);

	/* a report's notes, one a line under their numbers in brackets, are a list (a
	 * typographer's trial: "[1] BRELL stands for... [2] See https://..." ran on as one
	 * paragraph and one sentence); a paragraph that is one such note is no list, and a
	 * reference mark inside a line starts no item */
	a = parse("T\n\n[1] BRELL is a ring. It is old.\n[2] See https://ex.org/a.\n[10] Interview.\n\n"
		  "[12] The applicant says so.[3] He is\nright.\n\nLast.\n", NULL);
	CHECK("notes in brackets are a list", a && a->paras[0].nitems == 3);
	CHECK("each note its sentences", a && a->paras[0].nsents == 4);
	t = a ? sent_text(a, 0, 2) : NULL;
	CHECK_STR("a note is a sentence of its own", t, "[2] See https://ex.org/a.");
	free(t);
	CHECK("one bracketed number alone is a numbered paragraph", a && a->paras[1].nitems == 0);
	article_free(a);

	/* a reference mark that hard-wrapped text left at a line's start ("days [7] in May")
	 * starts no item: the lines before it were an item of their own and a sentence */
	a = parse("T\n\nThe talks lasted 2.5 days\n[7] in May and the officials\nsaid more. Then they left.\n\n"
		  "Notes:\n[1] BRELL is a ring.\n[2] ibid., p. 5.\n", NULL);
	CHECK("a mark wrapped to a line's start starts no list", a && a->paras[0].nitems == 0);
	CHECK("nor a sentence", a && a->paras[0].nsents == 2);
	CHECK("two notes under a line are a list", a && a->paras[1].nitems == 3);
	article_free(a);
}

int main(void)
{
	marks_lists_headings();
	real_articles();
	header_and_layout();
	sentences();
	errors();
	CHECK_DONE();
}
