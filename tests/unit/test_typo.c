/* test_typo.c: typewriter marks made typographic in the brief's own text: quotes and
 * apostrophes, dashes, ranges and ellipses, and where they must be left as typed. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "typeset/rich.h"

#define EN "\xE2\x80\x93"
#define RSQ "\xE2\x80\x99"
#define LSQ "\xE2\x80\x98"
#define LDQ "\xE2\x80\x9C"
#define RDQ "\xE2\x80\x9D"
#define EM "\xE2\x80\x94"
#define PRIME "\xE2\x80\xB2"
#define DPRIME "\xE2\x80\xB3"

static void smart(const char *name, const char *typed, const char *want)
{
	char *got = typo_smarten(typed, strlen(typed));
	CHECK_STR(name, got, want);
	free(got);
}

static void source(const char *name, const char *text, const char *want)
{
	char *got = typo_smarten_source(text, strlen(text), "", 0, NULL, NULL);
	CHECK_STR(name, got, want);
	free(got);
}

/* text as a passage of a source whose text before it is before */
static void source_after(const char *name, const char *before, const char *text, const char *want)
{
	char *got = typo_smarten_source(text, strlen(text), before, strlen(before), NULL, NULL);
	CHECK_STR(name, got, want);
	free(got);
}

static void nested(const char *name, const char *typed, const char *want)
{
	char *got = typo_smarten(typed, strlen(typed));
	typo_nest_quotes(got, strlen(got));
	CHECK_STR(name, got, want);
	free(got);
}

int main(void)
{
	/* a quote's own quotation marks inside its outer ones */
	nested("a quotation inside a quote takes single marks", "he called it \"won the game\" twice",
	       "he called it " LSQ "won the game" RSQ " twice");
	nested("and one inside that double", "\"a 'b' c\" d", LSQ "a " LDQ "b" RDQ " c" RSQ " d");
	/* a trial's pull quote printed "change,' he said. 'The" */
	nested("a quote begun inside a quotation keeps its marks double",
	       "The road doesn't change,\" he said. \"The passengers do.",
	       "The road doesn" RSQ "t change," RDQ " he said. " LDQ "The passengers do.");
	/* a trial's pull quote of "ready by 2019\" twice" printed “ready by 2019” twice”: the
	 * quotation it began in closes inside it, so the outer marks stand for none */
	{
		char t[] = "ready by 2019" RDQ " twice";
		CHECK("a quote begun inside a quotation that closes in it leaves none open",
		      typo_nest_quotes(t, strlen(t)) == 0);
		CHECK_STR("and nests its closing mark", t, "ready by 2019" RSQ " twice");
	}
	/* a German quotation's marks close it, and stay as the source has them (a trial: the
	 * closing ‘ of ‚Brücke‘ was taken to open a quotation, closed with a stray ’) */
	{
		char g[] = "eine \xE2\x80\x9A" "Br\xC3\xBC" "cke\xE2\x80\x98, die";
		CHECK("a German quotation inside a quote leaves none open", typo_nest_quotes(g, strlen(g)) == 0);
		char t[] = "\xE2\x80\x9E" "a \xE2\x80\x9A" "b\xE2\x80\x98 c\xE2\x80\x9C d";
		CHECK("German quotations inside a quote are closed", typo_nest_quotes(t, strlen(t)) == 0);
		CHECK_STR("and keep their marks", t, "\xE2\x80\x9E" "a \xE2\x80\x9A" "b\xE2\x80\x98 c\xE2\x80\x9C d");
	}
	/* a source's straight quotes are set as its own typographic ones are (an analyst's
	 * trial: a German wire's "Wir halten" printed “Wir halten”, a French one's
	 * " dialogue franco-allemand " printed “ dialogue franco-allemand “) */
	{
		static const char de[] = "Er sagte \xE2\x80\x9E" "ja\xE2\x80\x9C. ";
		static const char fr[] = "Il a dit \xC2\xAB\xE2\x80\xAFoui\xE2\x80\xAF\xC2\xBB. ";
		static const char ru[] = "\xC2\xAB\xD0\xB4\xD0\xB0\xC2\xBB";
		const char *typed = "Er sagte: \"Wir 'halten' fest.\" Le \" dialogue \" et \"oui\".";
		char *got = typo_smarten_source(typed, strlen(typed), "", 0, NULL, typo_source_quotes(de, strlen(de)));
		CHECK_STR("a German source's straight quotes are German", got,
			  "Er sagte: \xE2\x80\x9EWir \xE2\x80\x9Ahalten\xE2\x80\x98 fest.\xE2\x80\x9C Le \xE2\x80\x9E dialogue "
			  "\xE2\x80\x9C et \xE2\x80\x9Eoui\xE2\x80\x9C.");
		free(got);
		got = typo_smarten_source(typed, strlen(typed), "", 0, NULL, typo_source_quotes(fr, strlen(fr)));
		CHECK_STR("a French source's are guillemets, spaced as it spaces them", got,
			  "Er sagte: \xC2\xAB\xE2\x80\xAFWir \xE2\x80\x98halten\xE2\x80\x99 fest.\xE2\x80\xAF\xC2\xBB Le \xC2\xAB "
			  "dialogue \xC2\xBB et \xC2\xAB\xE2\x80\xAFoui\xE2\x80\xAF\xC2\xBB.");
		free(got);
		got = typo_smarten_source("a \"b\" c", 7, "", 0, NULL, typo_source_quotes(ru, strlen(ru)));
		CHECK_STR("a Russian source's are guillemets", got, "a \xC2\xAB" "b\xC2\xBB c");
		free(got);
		CHECK("an English source's are English", typo_source_quotes("a \xE2\x80\x9C" "b", 6) == NULL);
	}
	source("a spaced quote closes the quotation open before it", "le \" dialogue \" et",
	       "le " LDQ " dialogue " RDQ " et");
	/* ranges */
	smart("a range of years", "1950-1953", "1950" EN "1953");
	smart("a range of pages", "pages 12-15.", "pages 12" EN "15.");
	smart("a range in brackets", "(2019-2021)", "(2019" EN "2021)");
	smart("a range typed as TeX types one", "2014--2018", "2014" EN "2018");
	smart("a range of decimals", "0.02-0.05 uSv/h and 1.5-2.5%", "0.02" EN "0.05 uSv/h and 1.5" EN "2.5%");
	smart("a range of decimal commas", "1,5-2,5 Mio.", "1,5" EN "2,5 Mio.");
	smart("a range after a currency's code", "EUR 6-7 million", "EUR 6" EN "7 million");
	/* a suffix on both numbers (a reader's trial: these kept their hyphen) */
	smart("a range of percentages", "from 30%-40% of", "from 30%" EN "40% of");
	smart("a range of decades", "the 1990s-2000s.", "the 1990s" EN "2000s.");
	smart("a range of hours", "open 9am-5pm, daily", "open 9am" EN "5pm, daily");
	smart("a range with the suffix once", "open 9-5pm daily", "open 9" EN "5pm daily");
	smart("no range across unlike suffixes", "30%-40s", "30%-40s");
	smart("a code keeps its hyphen", "MP3s-4s", "MP3s-4s");
	smart("a range of quarters", "the Q3-Q4 peak and Q1-Q2 2025.", "the Q3" EN "Q4 peak and Q1" EN "Q2 2025.");
	smart("a range of fiscal years", "(FY2019-FY2020)", "(FY2019" EN "FY2020)");
	smart("unlike letters keep the hyphen", "Q3-H1, A4-A5x, the MiG-29-MiG-31", "Q3-H1, A4-A5x, the MiG-29-MiG-31");
	smart("an ISO date", "on 2024-03-01,", "on 2024-03-01,");
	smart("a name with a number", "S-300-2", "S-300-2");
	/* identifiers keep their hyphens: a dash would change what is copied or typed */
	smart("a URL's UUID", "https://x.gov/8e5be50f-d465-11e4-ba9a-f0def148f590",
	      "https://x.gov/8e5be50f-d465-11e4-ba9a-f0def148f590");
	smart("a file name in a URL", "https://example.org/report-2019-2021.pdf",
	      "https://example.org/report-2019-2021.pdf");
	smart("an e-mail address", "flood-2024-2025@example.org", "flood-2024-2025@example.org");
	smart("a case number", "Case No. 2023-47", "Case No. 2023-47");
	smart("a telephone number", "phone 030-274-9111", "phone 030-274-9111");
	smart("an ISBN", "ISBN 978-3-16-148410-0", "ISBN 978-3-16-148410-0");
	smart("a standard", "EN 1090-2", "EN 1090-2");
	/* a unit or multiplier on the second number alone (a typographer's trial) */
	smart("a range of millions", "\xC2\xA3" "800-830m and 450-500m.", "\xC2\xA3" "800" EN "830m and 450" EN "500m.");
	smart("a range of multiples", "2.5-3.0x earnings", "2.5" EN "3.0x earnings");
	smart("a range per unit", "$75-85/bbl, then", "$75" EN "85/bbl, then");
	smart("a model's number", "an A320-200neo", "an A320-200neo");
	smart("a code with letters after", "part 12-34abcd", "part 12-34abcd");
	smart("a grant number", "grant no. 101081245-2", "grant no. 101081245-2");
	/* a municipal code's numbers are identifiers; a statistic's interval and amounts with
	 * their currency's sign twice are ranges (a reader's trial) */
	smart("an ordinance", "Ord. 2024-117 (Ord. 2023-089), Res. 2024-12", "Ord. 2024-117 (Ord. 2023-089), Res. 2024-12");
	smart("a confidence interval", "95% CI 0.35-0.61 and IQR 4-9", "95% CI 0.35" EN "0.61 and IQR 4" EN "9");
	smart("a range of amounts", "$450,000-$540,000 or \xE2\x82\xAC" "5-\xE2\x82\xAC" "7",
	      "$450,000" EN "$540,000 or \xE2\x82\xAC" "5" EN "\xE2\x82\xAC" "7");
	smart("unlike signs", "$5-\xE2\x82\xAC" "7", "$5-\xE2\x82\xAC" "7");
	/* a negative number's sign, as wide as a plus (a typographer's trial: "-4.7%" kept its
	 * hyphen beside "+5.8%") */
	smart("a minus sign", "fell -4.7% (-0.3 pts) to -.5", "fell \xE2\x88\x92" "4.7% (\xE2\x88\x92" "0.3 pts) to \xE2\x88\x92.5");
	smart("a hyphen in a code", "ref -12-A and -3/4 and re-5", "ref -12-A and -3/4 and re-5");
	smart("a list's dash", "- 5 items", "- 5 items");
	smart("a version", "v1.2-3", "v1.2-3");
	/* a dash typed as a spaced hyphen (a typed-typography trial: it stayed a hyphen) */
	smart("a spaced hyphen is a dash", "the deal - signed in 2010 - was", "the deal " EN " signed in 2010 " EN " was");
	smart("but a minus sign stays one", "from 3 to -5 - a fall", "from 3 to \xE2\x88\x92" "5 " EN " a fall");
	/* a run of four or more hyphens is a rule or a blank, not a dash and a hyphen */
	smart("four hyphens as typed", "Name: ----, ------", "Name: ----, ------");
	smart("three are an em dash", "a---b", "a" EM "b");
	/* apostrophes that stand for letters left out, at a word's start */
	smart("a decade", "the '90s", "the " RSQ "90s");
	smart("Dutch 't", "van 't Hooft", "van " RSQ "t Hooft");
	smart("Dutch 's-", "'s-Hertogenbosch and 's-Gravesande", RSQ "s-Hertogenbosch and " RSQ "s-Gravesande");
	smart("a quotation opening with a word", "'tis 'this' one", RSQ "tis " LSQ "this" RSQ " one");
	smart("double quotes", "\"won the game\"", LDQ "won the game" RDQ);
	/* a typed-typography trial: quotes inside emphasis open (the markup is still in the
	 * text when quotes are made) */
	smart("a quote inside emphasis", "*\"Pravda\"* and **\"strong\"** and *'single'*",
	      "*" LDQ "Pravda" RDQ "* and **" LDQ "strong" RDQ "** and *" LSQ "single" RSQ "*");
	smart("emphasis inside a quote", "\"*ok*\".", LDQ "*ok*" RDQ ".");
	/* after a slash or a hyphen before a word, and after Spanish and French opening marks */
	smart("after a slash", "and/\"or\" /'s'", "and/" LDQ "or" RDQ " /" LSQ "s" RSQ);
	smart("after a hyphen", "pro-\"reform\" x-'c'", "pro-" LDQ "reform" RDQ " x-" LSQ "c" RSQ);
	smart("but a slash that ends a quotation", "\"see x.org/\" and \"a-\"", LDQ "see x.org/" RDQ " and " LDQ "a-" RDQ);
	smart("after opening marks", "\xC2\xBF\"qu\xC3\xA9\"? \xC2\xAB\"x\"\xC2\xBB \xE2\x80\xB9\"y\"",
	      "\xC2\xBF" LDQ "qu\xC3\xA9" RDQ "? \xC2\xAB" LDQ "x" RDQ "\xC2\xBB \xE2\x80\xB9" LDQ "y" RDQ);
	/* an address stays as a reader copies it */
	smart("a URL", "see https://ex.org/a--b/it's?q=1.", "see https://ex.org/a--b/it's?q=1.");
	smart("a file and a mail address", "report--final.pdf to o'neill@ex.org...", "report--final.pdf to o'neill@ex.org" "\xE2\x80\xA6");
	smart("a quoted URL", "\"https://ex.org/--\"", LDQ "https://ex.org/--" RDQ);
	/* primes: feet and inches, minutes and seconds */
	smart("feet and inches", "5'10\" tall, a 12\" pipe", "5" PRIME "10" DPRIME " tall, a 12" DPRIME " pipe");
	smart("minutes and seconds", "45\xC2\xB0 30' 15\" N", "45\xC2\xB0 30" PRIME " 15" DPRIME " N");
	smart("a bearing's compass point", "35\xC2\xB0" "12'N, 35\xC2\xB0" "12'30\"N and 5'11\"",
	      "35\xC2\xB0" "12" PRIME "N, 35\xC2\xB0" "12" PRIME "30" DPRIME "N and 5" PRIME "11" DPRIME);
	smart("a quotation closing on a number", "he said \"by 2019\" and \"the Article 12\".",
	      "he said " LDQ "by 2019" RDQ " and " LDQ "the Article 12" RDQ ".");
	smart("a quotation that ends in a number", "\"net zero by 2050\" and '1990'", LDQ "net zero by 2050" RDQ " and " LSQ "1990" RSQ);
	smart("a year's apostrophe", "1990's and the '90s' music", "1990" RSQ "s and the " RSQ "90s" RSQ " music");
	smart("a quotation with an apostrophe, then a number", "'don't stop 1990'", LSQ "don" RSQ "t stop 1990" RSQ);
	/* in a source: -- between numbers is a range, as typed; primes only where unmistakable */
	source("a source's range", "in 1990--1995, pp. 3--7 -- so", "in 1990" EN "1995, pp. 3" EN "7 " EM " so");
	/* a range typed with spaces around its -- is set closed, an en dash (a trial: "1990 --
	 * 2000" printed a spaced em dash); a dash between a number and a word stays one */
	smart("a spaced range", "in 1990 -- 2000, January 5 -- 8, pp. 12 -- 19 -- and 3 --- 4, 5 -- a",
	      "in 1990" EN "2000, January 5" EN "8, pp. 12" EN "19 " EM " and 3 " EM " 4, 5 " EM " a");
	source("a source's spaced range", "from 1990 --\n2000 -- so", "from 1990" EN "2000 " EM " so");
	{
		const char *t = "a 1 -- 2 b";
		size_t map[16];
		char *got = typo_smarten_source(t, strlen(t), "", 0, map, NULL);
		CHECK("a spaced range maps its spaces to its dash", map[3] == 3 && map[4] == 3 && map[6] == 3 && map[7] == 6 &&
								 map[10] == strlen(got));
		free(got);
	}
	source("a source's feet and inches", "5'10\" and 30' 15\"", "5" PRIME "10" DPRIME " and 30" PRIME " 15" DPRIME);
	/* a quote after a number closing no quotation is a prime in a source too (a trial: a
	 * source's 12" gun printed 12”); one closing a quotation that its paragraph opened before
	 * the passage stays a quote */
	source("a source's inches and feet", "a 12\" gun and a 6' mast", "a 12" DPRIME " gun and a 6" PRIME " mast");
	source("a source's bearing", "at 35\xC2\xB0" "12'N and 35\xC2\xB0" "12'30\"N",
	       "at 35\xC2\xB0" "12" PRIME "N and 35\xC2\xB0" "12" PRIME "30" DPRIME "N");
	source("a source's quotations ending in numbers", "called it \"the Article 12\" and 'by 2019' then",
	       "called it " LDQ "the Article 12" RDQ " and " LSQ "by 2019" RSQ " then");
	source_after("a source's quotation closing on a number", "\"We will be at net zero ", "by 2050\" he said",
		     "by 2050" RDQ " he said");
	source_after("the quotation opened just before the passage", "he said '", "by 2050' and left",
		     "by 2050" RSQ " and left");
	source_after("nor one closed right before the passage", "They said \"yes\"", ", a 12\" gun",
		     ", a 12" DPRIME " gun");
	source_after("but not one left open in the paragraph before", "He said \"no.\n\nThe ", "12\" gun",
		     "12" DPRIME " gun");
	/* inside a quotation, a mark after a number before a word is a prime when the quotation
	 * closes later (a trial: "we fitted a 12" gun," printed 12”); it closes the quotation
	 * when none closes after it, or the next mark opens one */
	smart("inches inside a quotation", "\"we fitted a 12\" gun,\" he said", LDQ "we fitted a 12" DPRIME " gun," RDQ " he said");
	smart("feet inside a single quotation", "'a 6' mast isn't it,' he said", LSQ "a 6" PRIME " mast isn" RSQ "t it," RSQ " he said");
	smart("a quotation of a number", "he said \"12\" and left", "he said " LDQ "12" RDQ " and left");
	smart("a quotation of a number, then another", "\"by 2050\" he said, \"and 2060\" too",
	      LDQ "by 2050" RDQ " he said, " LDQ "and 2060" RDQ " too");
	smart("a number's quotation before a comma", "\"it was 12\", he said, \"and 6\" long.\"",
	      LDQ "it was 12" RDQ ", he said, " LDQ "and 6" DPRIME " long." RDQ);
	smart("a decade quoted", "\"the 1990s\" era", LDQ "the 1990s" RDQ " era");
	smart("a decade's and a roll's apostrophes", "the '90s and rock 'n' roll", "the " RSQ "90s and rock " RSQ "n" RSQ " roll");
	source("inches inside a source's quotation", "\"a 12\" gun and a 6\" mortar,\" he said",
	       LDQ "a 12" DPRIME " gun and a 6" DPRIME " mortar," RDQ " he said");
	/* Swiss thousands are grouped with an apostrophe, not a prime, and quote nothing */
	smart("Swiss thousands", "CHF 25'000 and 1'250'000, 'in 1'000 cases' and 5'10\"",
	      "CHF 25" RSQ "000 and 1" RSQ "250" RSQ "000, " LSQ "in 1" RSQ "000 cases" RSQ " and 5" PRIME "10" DPRIME);
	source("a source's Swiss thousands", "Fr. 3'500.- und 12'000", "Fr. 3" RSQ "500.- und 12" RSQ "000");
	smart("but not minutes nor four digits", "35\xC2\xB0" "12'345 and 1'0000", "35\xC2\xB0" "12" PRIME "345 and 1" PRIME "0000");
	/* a quotation set right after a colon or comma (its space lost) opens, so its number's
	 * mark closes it; a quotation open there is closed ("yes,"she) */
	smart("a quotation glued to a colon", "He said:\"We lost 3\" and 'in 1990,'then",
	      "He said:" LDQ "We lost 3" RDQ " and " LSQ "in 1990," RSQ "then");
	source("a source's quotation glued to its comma", "said,\"We lost 3\" and x=\"5\" or \"yes,\"he said",
	       "said," LDQ "We lost 3" RDQ " and x=" LDQ "5" RDQ " or " LDQ "yes," RDQ "he said");
	source("a source's run of hyphens", "signed ----- (seal)", "signed ----- (seal)");
	source("a source's URL", "at http://x.org/a--b.", "at http://x.org/a--b.");
	CHECK_DONE();
}
