/* test_match.c: folded matching, elisions, from/to, highlights and closest-passage notes. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/article.h"
#include "check.h"
#include "tools/tools.h"
#include "resolve/match.h"
#include "base/util.h"

#define A2018 "briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt"

static article *art(const char *text)
{
	diag d;
	diag_init(&d, stderr);
	return article_parse(text, strlen(text), "t.txt", &d);
}

/* The source text of span i of r, or NULL. */
static char *span_text(const article *a, const match *r, size_t i)
{
	if (i >= r->nspans)
		return NULL;
	return xstrndup(a->text + r->spans[i].r.start, r->spans[i].r.end - r->spans[i].r.start);
}

/* The first span's source text when words are found, else "(none)". */
static char *first(const matcher *m, const article *a, const char *words)
{
	match r;
	if (!match_text(m, words, &r))
		return xstrdup("(none)");
	strbuf sb = {0};
	for (size_t i = 0; i < r.nspans; i++) {
		char *t = span_text(a, &r, i);
		sb_printf(&sb, "%s%d:%s", i ? "|" : "", r.spans[i].para + 1, t);
		free(t);
	}
	match_clear(&r);
	return sb_steal(&sb);
}

#define MATCHES(name, words, want)                      \
	do {                                            \
		char *got_ = first(m, a, words);        \
		CHECK_STR(name, got_, want);            \
		free(got_);                             \
	} while (0)

static void folding(void)
{
	article *a = art("T\n\n"
			 "He said \xE2\x80\x9Cyes\xE2\x80\x9D and \xE2\x80\x9Eja\xE2\x80\x9F, it\xE2\x80\x99s 5\xE2\x80\xB2 and "
			 "\xE2\x80\x9Aok\xE2\x80\x98 10\xE2\x80\xB3 tall.\n\n"
			 "His goal\xE2\x80\x94he said\xE2\x80\x94was 1950\xE2\x80\x93" "1953 or non\xE2\x80\x91" "break; "
			 "wait \xE2\x80\xA6 then\xC2\xA0" "a  b\nc.\n\n"
			 "Plain -- dashes --- here - and... dots, \"quoted\" 'single'.\n\n"
			 "The \xD0\x9C" "6 thing.\n\n"
			 "A decision \xE2\x80\x93 the last, in 2019\xE2\x80\x93" "2021 \xE2\x80\x93 was... complicated and "
			 "the Moscow\xE2\x80\x93" "Beijing axis fell -0.8 points.\n\n"
			 "Rule in 1990 -- 2000 and pp. 12 --\n19 -- then 3\xE2\x80\x93" "4, 3 --\r\n7 then.\n");
	CHECK("fold article parses", a != NULL);
	if (!a)
		return;
	matcher *m = matcher_new(a);
	MATCHES("straight double quote matches curly", "said \"yes\" and",
		"1:said \xE2\x80\x9Cyes\xE2\x80\x9D and");
	MATCHES("low-9 and reversed quotes fold", "\"ja\"", "1:\xE2\x80\x9Eja\xE2\x80\x9F");
	MATCHES("straight apostrophe matches curly", "it's", "1:it\xE2\x80\x99s");
	MATCHES("prime folds with apostrophe", "5' and", "1:5\xE2\x80\xB2 and");
	MATCHES("single low-9 quote folds", "'ok'", "1:\xE2\x80\x9Aok\xE2\x80\x98");
	MATCHES("double prime folds with double quote", "10\" tall", "1:10\xE2\x80\xB3 tall");
	MATCHES("-- matches em dash", "goal--he", "2:goal\xE2\x80\x94he");
	MATCHES("spaces around em dash optional", "goal -- he said \xE2\x80\x94 was",
		"2:goal\xE2\x80\x94he said\xE2\x80\x94was");
	MATCHES("--- matches em dash", "goal---he", "2:goal\xE2\x80\x94he");
	MATCHES("hyphen matches en dash", "1950-1953", "2:1950\xE2\x80\x93" "1953");
	MATCHES("hyphen matches non-breaking hyphen", "non-break", "2:non\xE2\x80\x91" "break");
	MATCHES("... matches ellipsis character", "wait ... then", "2:wait \xE2\x80\xA6 then");
	MATCHES("NBSP, double space and newline are one space", "then a b c.", "2:then\xC2\xA0" "a  b\nc.");
	MATCHES("em dash matches --", "Plain \xE2\x80\x94 dashes \xE2\x80\x94 here", "3:Plain -- dashes --- here");
	MATCHES("en dash matches hyphen", "here \xE2\x80\x93 and", "3:here - and");
	MATCHES("ellipsis character matches ...", "and\xE2\x80\xA6 dots", "3:and... dots");
	MATCHES("curly quotes match straight in source", "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x98single\xE2\x80\x99",
		"3:\"quoted\" 'single'");
	MATCHES("case is not folded", "plain -- dashes", "(none)");
	MATCHES("a spaced hyphen is a dash", "Plain - dashes", "3:Plain -- dashes");
	MATCHES("a hyphen in a word is not an em dash", "goal-he", "(none)");
	MATCHES("-- matches a spaced en dash", "decision -- the", "5:decision \xE2\x80\x93 the");
	MATCHES("an em dash matches a spaced en dash", "decision\xE2\x80\x94the", "5:decision \xE2\x80\x93 the");
	MATCHES("-- between numbers matches an en dash (TeX's range)", "in 2019--2021 -- was",
		"5:in 2019\xE2\x80\x93" "2021 \xE2\x80\x93 was");
	MATCHES("a hyphen matches an en dash between words", "Moscow-Beijing", "5:Moscow\xE2\x80\x93" "Beijing");
	/* a spaced -- between numbers is a range, printed closed (test_typo.c) */
	MATCHES("a spaced -- between numbers matches a range's en dash", "in 1990\xE2\x80\x93" "2000 and",
		"6:in 1990 -- 2000 and");
	MATCHES("and a hyphen, and as typed", "pp. 12-19 -- then 3 -- 4", "6:pp. 12 --\n19 -- then 3\xE2\x80\x93" "4");
	MATCHES("but not an em dash", "1990 \xE2\x80\x94 2000", "(none)");
	MATCHES("a spaced range across a CR LF line break", "3-7 then", "6:3 --\r\n7 then");
	MATCHES("a hyphen before a number is not a dash", "fell -0.8", "5:fell -0.8");
	MATCHES("spaces around an ellipsis are optional", "was \xE2\x80\xA6 complicated", "5:was... complicated");
	MATCHES("Latin M is not Cyrillic EM", "The M6", "(none)");
	MATCHES("Cyrillic EM matches itself", "The \xD0\x9C" "6", "4:The \xD0\x9C" "6");
	MATCHES("leading and trailing spaces ignored", "  wait  ", "2:wait");
	MATCHES("no match inside a word", "oal", "(none)");
	MATCHES("punctuation edges need no word boundary", "\"yes", "1:\xE2\x80\x9Cyes");
	matcher_free(m);
	article_free(a);
}

/* A note's reference mark in the source is read as nothing, by the rule sentence ends read
 * it by (test_article.c): before a no-break space and any opening mark too; a provision's
 * bracketed sub-clause ("Article 5[1]", "5[1](a)") is its words, a year's note is a mark. */
static void marks_edges(void)
{
	article *a = art("T\n\nThey ratified it.12\xC2\xA0It held. Sie sagten es.3 \xE2\x80\x9EWir gehen.\xE2\x80\x9C "
			 "Se fue.7 \xC2\xBFPor qu\xC3\xA9? Ils l'ont dit.\xC2\xBB" "4 \xC2\xAB" "Non.\xC2\xBB\n\n"
			 "Under Article 5[1] of the Treaty and Article 7[2](a) of the Charter, in 2019[3] and "
			 "5,000[4] men, \xC2\xA7 12[3] applies.\n\n"
			 "The yard billed CHF 25'000 for 1'250'000 rounds.\n\n"
			 "Then the well-\nknown Franco-\n  German pre-\nand post-war deal.\n");
	CHECK("marks article parses", a != NULL);
	if (!a)
		return;
	matcher *m = matcher_new(a);
	MATCHES("a digit mark before a no-break space", "ratified it. It held", "1:ratified it.12\xC2\xA0It held");
	MATCHES("a digit mark before \xE2\x80\x9E", "es. \"Wir", "1:es.3 \xE2\x80\x9EWir");
	MATCHES("a digit mark before \xC2\xBF", "fue. \xC2\xBFPor", "1:fue.7 \xC2\xBFPor");
	MATCHES("a digit mark after \xC2\xBB before \xC2\xAB", "dit.\" \"Non", "1:dit.\xC2\xBB" "4 \xC2\xAB" "Non");
	MATCHES("a provision's bracket is its words", "Article 5 of the Treaty", "(none)");
	MATCHES("typed as the source has it", "Article 5[1] of the Treaty", "2:Article 5[1] of the Treaty");
	MATCHES("so is a sub-clause's after any number", "Article 7(a) of", "(none)");
	MATCHES("and the paragraph sign's", "\xC2\xA7 12 applies", "(none)");
	/* Swiss thousands are one number: "CHF 25" of "CHF 25'000" is another amount */
	/* a hyphenated word wrapped by hand reads whole; a suspended hyphen keeps its space */
	MATCHES("a wrapped hyphenated word is one", "the well-known Franco-German", "4:the well-\nknown Franco-\n  German");
	MATCHES("not two", "the well- known", "(none)");
	MATCHES("a suspended hyphen's space stays", "pre- and post-war", "4:pre-\nand post-war");
	MATCHES("a Swiss amount is not cut", "billed CHF 25", "(none)");
	MATCHES("nor from its end", "000 for", "(none)");
	MATCHES("a Swiss amount whole", "billed CHF 25'000 for 1\xE2\x80\x99" "250'000", "3:billed CHF 25'000 for 1'250'000");
	MATCHES("a year's note is a mark", "in 2019 and 5,000 men", "2:in 2019[3] and 5,000[4] men");
	matcher_free(m);
	article_free(a);
}

static void elisions(void)
{
	article *a = art("T\n\nOne two three four five six.\n\nSeven eight nine. One two and again.\n\n"
			 "Ellipsis ... in the text here.\n");
	if (!a)
		return;
	matcher *m = matcher_new(a);
	MATCHES("[...] elision", "One two [...] five", "1:One two|1:five");
	MATCHES("[\xE2\x80\xA6] elision", "two [\xE2\x80\xA6] four [\xE2\x80\xA6] six.", "1:two|1:four|1:six.");
	MATCHES("[ ... ] with inner spaces", "One [ ... ] six", "1:One|1:six");
	MATCHES("pieces out of order fail", "five [...] two", "(none)");
	MATCHES("pieces across paragraphs fail", "five six. [...] Seven", "(none)");
	MATCHES("elided stretch must not be empty", "One two [...] three", "(none)");
	/* nor only punctuation: "nine [...] One" would mark words left out where the source has
	 * a full stop (a reader's trial typed "nine... One"); a later place with words is fine */
	MATCHES("elided stretch must hold a word", "nine [...] One", "(none)");
	MATCHES("elided full stop typed as an ellipsis", "nine... One two", "(none)");
	MATCHES("elided words after a full stop", "Seven [...] One two", "2:Seven|2:One two");
	MATCHES("bare ... elides when not literal", "One two ... six", "1:One two|1:six");
	MATCHES("bare \xE2\x80\xA6 elides when not literal", "Seven \xE2\x80\xA6 again", "2:Seven|2:again");
	MATCHES("literal ellipsis preferred when in source", "Ellipsis ... in", "3:Ellipsis ... in");
	MATCHES("elision found in a later paragraph", "One two [...] again", "2:One two|2:again");

	match r;
	CHECK("first of many found", match_text(m, "One two", &r));
	CHECK("first of many is paragraph 1", r.nspans == 1 && r.spans[0].para == 0);
	CHECK("one other, in paragraph 2", r.nothers == 1 && r.others[0].para == 1);
	match_clear(&r);
	CHECK("other occurrences cover their whole match", match_text(m, "One [...] again", &r) && r.nothers == 0);
	match_clear(&r);
	matcher_free(m);
	article_free(a);
}

static void from_to(void)
{
	article *a = art("T\n\nAlpha beta gamma.\n\nDelta epsilon.\n\nZeta eta theta.\n\nAlpha again.\n");
	if (!a)
		return;
	matcher *m = matcher_new(a);
	match r;
	CHECK("from/to across paragraphs", match_from_to(m, "beta", "eta", &r) == MATCH_OK);
	CHECK("three spans", r.nspans == 3);
	if (r.nspans == 3) {
		char *t = span_text(a, &r, 0);
		CHECK_STR("first span: from .. end of paragraph", t, "beta gamma.");
		free(t);
		t = span_text(a, &r, 1);
		CHECK_STR("middle span: whole paragraph", t, "Delta epsilon.");
		free(t);
		t = span_text(a, &r, 2);
		CHECK_STR("last span: start .. end of to", t, "Zeta eta");
		free(t);
		CHECK("span paragraphs", r.spans[0].para == 0 && r.spans[1].para == 1 && r.spans[2].para == 2);
	}
	CHECK("other occurrences of from", r.nothers == 0);
	match_clear(&r);
	CHECK("from/to in one paragraph", match_from_to(m, "Alpha", "gamma.", &r) == MATCH_OK && r.nspans == 1);
	char *t = span_text(a, &r, 0);
	CHECK_STR("one span", t, "Alpha beta gamma.");
	free(t);
	CHECK("from found twice", r.nothers == 1 && r.others[0].para == 3);
	match_clear(&r);
	CHECK("from missing", match_from_to(m, "Omega", "eta", &r) == MATCH_NO_FROM && r.nspans == 0);
	CHECK("to only before from", match_from_to(m, "Zeta", "Delta", &r) == MATCH_NO_TO && r.nspans == 0);
	CHECK("to searched after from ends", match_from_to(m, "eta", "eta", &r) == MATCH_NO_TO);
	match_clear(&r);
	/* to words that begin inside the from words and run on past them (a new user's trial:
	 * "it occurs only before the 'from' text" was said of them) */
	CHECK("to overlapping from", match_from_to(m, "Zeta eta", "eta theta.", &r) == MATCH_OK && r.nspans == 1);
	if (r.nspans == 1) {
		t = span_text(a, &r, 0);
		CHECK_STR("the passage from the first word through the last", t, "Zeta eta theta.");
		free(t);
	}
	match_clear(&r);
	CHECK("to inside from", match_from_to(m, "Zeta eta theta", "eta", &r) == MATCH_NO_TO);
	match_clear(&r);

	/* highlights */
	CHECK("quote found", match_text(m, "Alpha beta [...] Delta", &r) == 0);
	CHECK("quote with elision found", match_text(m, "Alpha [...] gamma.", &r) == 1);
	span hl;
	CHECK("highlight inside the second piece", match_in_spans(m, r.spans, r.nspans, "gamma", &hl));
	CHECK("highlight range", hl.para == 0 && strncmp(a->text + hl.r.start, "gamma", 5) == 0 &&
					 hl.r.end - hl.r.start == 5);
	CHECK("highlight in the elided part not found", !match_in_spans(m, r.spans, r.nspans, "beta", &hl));
	CHECK("highlight not found inside a word", !match_in_spans(m, r.spans, r.nspans, "amma", &hl));
	match_clear(&r);
	matcher_free(m);
	article_free(a);
}

/* Explanation notes for words, as printed. */
static char *explain(const matcher *m, const char *words)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, f);
	match_explain(m, words, loc_none(), &d);
	fclose(f);
	return buf;
}

/* Whether the explanation notes for words hold want. */
static int explains(const matcher *m, const char *words, const char *want)
{
	char *e = explain(m, words);
	int has = e && strstr(e, want);
	free(e);
	return has;
}

static void closest(void)
{
	diag d;
	diag_init(&d, stderr);
	article *a = article_load(A2018, "edm-2018.txt", loc_none(), &d);
	CHECK("2018 loads", a != NULL);
	if (!a)
		return;
	matcher *m = matcher_new(a);
	char *e = explain(m, "four command-and-control SU 83M6E2 centers");
	CHECK_STR("Cyrillic look-alike hint", e,
		  "edm-2018.txt:17:564: note: closest passage, paragraph 6: \xE2\x80\x9C"
		  "four command-and-control SU 83\xD0\x9C" "6\xD0\x95" "2 centers\xE2\x80\x9D\n"
		  "edm-2018.txt:17:594: note: the source has CYRILLIC CAPITAL LETTER EM (U+041C) where you typed "
		  "LATIN CAPITAL LETTER M (U+004D); copy the text from the source\n"
		  "edm-2018.txt:17:596: note: the source has CYRILLIC CAPITAL LETTER IE (U+0415) where you typed "
		  "LATIN CAPITAL LETTER E (U+0045); copy the text from the source\n");
	free(e);
	e = explain(m, "share the same veroyatny protivnik, but");
	CHECK_STR("typo in the source is shown", e,
		  "edm-2018.txt:11:22: note: closest passage, paragraph 3: \xE2\x80\x9Cshare the same veroyatny protivnk, but\xE2\x80\x9D\n"
		  "edm-2018.txt:11:54: note: you typed 'protivnik', the source has 'protivnk'\n");
	free(e);
	CHECK("case difference called out",
	      explains(m, "during the cold War by the Soviet",
		       "note: letter case differs: you typed 'cold', the source has 'Cold'\n"));
	CHECK("paragraph end called out",
	      explains(m, "as before (, January 11, 2018). On December 22",
		       "note: paragraph 1 ends here, but you typed more: 'On December 22'\n"));
	e = explain(m, "direct allies [...] Moscow and Pyongyang");
	CHECK_STR("pieces out of order explained", e,
		  "edm-2018.txt: note: each part between elisions is in the source, but not all in this order in one paragraph\n"
		  "edm-2018.txt:11:85: note: part 1, 'direct allies', is first found in paragraph 3\n"
		  "edm-2018.txt:11:1: note: part 2, 'Moscow and Pyongyang', is first found in paragraph 3\n");
	free(e);
	/* a long part is shown clipped, its start and end around an ellipsis */
	CHECK("a long part clipped",
	      explains(m, "Russia accepts some local trans-border trade with the DPRK; and semi-slave North Korean workers "
		       "are logging and doing other manual work in the thinly populated Russian Far East [...] Moscow and "
		       "Pyongyang share the same veroyatny protivnk",
		       "note: part 1, 'Russia accepts some local trans-border trade with the DPRK; and semi-slave North "
		       "\xE2\x80\xA6 in the thinly populated Russian Far East', is first found in paragraph 3\n"));
	e = explain(m, "Moscow and Pyongyang [...] direkt allies");
	CHECK("missing piece named", e && strstr(e, "note: part 2 of 2 between elisions is not in the source: 'direkt allies'\n") &&
					     strstr(e, "you typed 'direkt', the source has 'direct'"));
	free(e);
	/* quotation marks the quote leaves out: shown with the words they quote ("you typed
	 * 'probable', the source has '“'" said little: a reader's trial) */
	CHECK("quotation marks left out named with their words",
	      explains(m, "The term probable adversary (veroyatny protivnik) was regularly used",
		       "note: the source has \xE2\x80\x9Cprobable adversary\xE2\x80\x9D in quotation marks, which the "
		       "quote leaves out"));
	/* an elision that leaves out only a full stop: said, with what it leaves out */
	CHECK("only a full stop left out at an elision",
	      explains(m, "and must be stopped... Last September, at a regional economic",
		       "note: only '.' is left out at elision 1, no word: type it as the source has it"));
	e = explain(m, "zzzz qqqq");
	CHECK_STR("nothing close", e, "edm-2018.txt: note: no passage of the source shares a word with it\n");
	free(e);
	CHECK("look-alike hint for a single mistyped word",
	      explains(m, "83M6E2",
		       "note: the source has CYRILLIC CAPITAL LETTER EM (U+041C) where you typed LATIN CAPITAL LETTER M (U+004D);"));
	char name[128];
	CHECK_STR("letter names", match_char_name(0x3BF, name, sizeof name), "GREEK SMALL LETTER OMICRON");
	CHECK_STR("invisible characters named", match_char_name(0x200B, name, sizeof name), "ZERO WIDTH SPACE");
	matcher_free(m);
	article_free(a);
}

/* Differences the words would hide are named character by character: never a note that
 * shows two words alike; and naming them changes nothing of what matches. */
static void characters(void)
{
	article *a = art("Title\n\nThe ships left Pyongyang at night for Nakhodka.\n\n"
			 "The caf\xC3\xA9 owner saw the long-range missiles.\n\n"
			 "The records list:\n- coal bound for Dalian\n- refined oil\n1. Share the records\n");
	CHECK("article loads", a != NULL);
	if (!a)
		return;
	matcher *m = matcher_new(a);
	match r;
	CHECK("a no-break space matches a space", match_text(m, "ships left\xC2\xA0Pyongyang", &r));
	match_clear(&r);
	CHECK("a non-breaking hyphen matches a hyphen", match_text(m, "the long\xE2\x80\x91range", &r));
	match_clear(&r);
	CHECK("a zero width space does not match", !match_text(m, "Pyongyang\xE2\x80\x8B at", &r));
	CHECK("a decomposed letter does not match", !match_text(m, "The cafe\xCC\x81 owner", &r));
	CHECK("a look-alike letter does not match", !match_text(m, "Pyongy\xD0\xB0ng", &r));
	CHECK("a list marker left out does not match", !match_text(m, "Dalian refined oil", &r));
	char *e = explain(m, "The ships left Pyongyang\xE2\x80\x8B at night");
	CHECK_STR("a zero width space named", e,
		  "t.txt:3:1: note: closest passage, paragraph 1: \xE2\x80\x9CThe ships left Pyongyang at night\xE2\x80\x9D\n"
		  "t.txt:3:25: note: the quote has ZERO WIDTH SPACE (U+200B) after 'Pyongyang' where the source has none\n");
	free(e);
	CHECK("a soft hyphen named",
	      explains(m, "for Nak\xC2\xADhodka.",
		       "note: the quote has SOFT HYPHEN (U+00AD) after 'Nak' where the source has none\n"));
	CHECK("a byte order mark named",
	      explains(m, "\xEF\xBB\xBFThe ships left",
		       "note: the quote has ZERO WIDTH NO-BREAK SPACE (U+FEFF) at its start"));
	CHECK("a decomposed letter spelt out",
	      explains(m, "The cafe\xCC\x81 owner",
		       "note: the quote's '\xC3\xA9' is e + COMBINING ACUTE ACCENT (U+0301); the source has LATIN SMALL "
		       "LETTER E WITH ACUTE (U+00E9); copy the text from the source\n"));
	/* and the other way round: a source decomposed, a quote composed (a hostile trial:
	 * the note put 'Z' in the difference and named no code points) */
	article *nfd = art("Title\n\nLe cafe\xCC\x81 a\xCC\x80 Zu\xCC\x88rich. Then BOM\xEF\xBB\xBFhere.\n");
	matcher *mn = nfd ? matcher_new(nfd) : NULL;
	CHECK("a composed letter against a decomposed one spelt out",
	      mn && explains(mn, "Z\xC3\xBCrich.",
			     "note: the quote's '\xC3\xBC' is LATIN SMALL LETTER U WITH DIAERESIS (U+00FC); the source has u + "
			     "COMBINING DIAERESIS (U+0308); copy the text from the source\n"));
	CHECK("a letter without its source's accent named",
	      mn && explains(mn, "Le cafe", "where the source has e + COMBINING ACUTE ACCENT (U+0301)\n"));
	CHECK("a word the source joins with U+FEFF named",
	      mn && explains(mn, "Then BOM", "the source's word goes on after 'BOM' with ZERO WIDTH NO-BREAK SPACE (U+FEFF)"));
	CHECK("a quote ending inside a word said",
	      mn && explains(mn, "Then BO", "the quote ends inside the source's word 'BOM"));
	CHECK("a quote starting inside a word said",
	      mn && explains(mn, "hen BOM", "the quote starts inside the source's word 'Then'"));
	if (mn)
		matcher_free(mn);
	article_free(nfd);
	CHECK("a small hyphen-minus for a hyphen named",
	      explains(m, "the long\xEF\xB9\xA3range missiles",
		       "note: the quote has SMALL HYPHEN-MINUS (U+FE63) after 'long' where the source has HYPHEN-MINUS (U+002D)\n"));
	match found;
	CHECK("a minus sign matches a hyphen", match_text(m, "the long\xE2\x88\x92range missiles", &found));
	match_clear(&found);
	e = explain(m, "coal bound for Dalian refined oil");
	CHECK("a list marker left out named",
	      e && strstr(e, "t.txt:9:1: note: the source starts list item 2 here with the marker '-', which the quote leaves out;"));
	CHECK("no letter case note for two spaces", e && !strstr(e, "letter case"));
	free(e);
	CHECK("a numbered marker left out named",
	      explains(m, "refined oil Share the records",
		       "note: the source starts list item 3 here with the marker '1.'"));
	/* with the place the words were typed, a note on a character of the quote points there */
	e = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&e, &len);
	diag d;
	diag_init(&d, f);
	match_explain(m, "The ships left Pyong\xE2\x80\x8Dyang at night", loc_at("b.yaml", 7, 17), &d);
	fclose(f);
	CHECK("the note points at the character in the brief",
	      e && strstr(e, "b.yaml:7:37: note: the quote has ZERO WIDTH JOINER (U+200D) after 'Pyong'"));
	free(e);
	matcher_free(m);
	article_free(a);
}

/* A few MB of text: candidates come from rare words, so explaining stays fast. */
static void big(void)
{
	strbuf sb = {0};
	sb_puts(&sb, "Big\n\n");
	for (int i = 0; i < 20000; i++)
		sb_printf(&sb, "Paragraph %d says the same common words again and again for the test.\n\n", i);
	sb_puts(&sb, "A rare zebra-striped passage near the end.\n");
	article *a = art(sb.data);
	sb_free(&sb);
	if (!a)
		return;
	matcher *m = matcher_new(a);
	char *e = explain(m, "A rare zebra-stripped passage");
	CHECK("big article: closest passage found", e && strstr(e, "paragraph 20001") && strstr(e, "'zebra-stripped'"));
	free(e);
	match r;
	CHECK("big article: exact match", match_text(m, "Paragraph 19999 says", &r) && r.spans[0].para == 19999);
	match_clear(&r);
	matcher_free(m);
	article_free(a);
}

/* Runs `mkbrief find path words`; returns what it printed on stdout (caller frees). */
static char *run_find(const char *path, const char *words, int *rc)
{
	fflush(stdout);
	FILE *tmp = tmpfile();
	int saved = dup(1);
	dup2(fileno(tmp), 1);
	char *argv[] = {"find", (char *)path, (char *)words, NULL};
	*rc = cmd_find(words ? 3 : 2, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	strbuf sb = {0};
	char buf[4096];
	size_t n;
	rewind(tmp);
	while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
		sb_append(&sb, buf, n);
	fclose(tmp);
	return sb_steal(&sb);
}

static void find_command(void)
{
	int rc;
	char *out = run_find(A2018, "the Cold War", &rc);
	CHECK("find: found exits 0", rc == 0);
	CHECK_STR("find: one line per sentence", out,
		  "p1.3: The term \xE2\x80\x9Cprobable adversary\xE2\x80\x9D (veroyatny protivnik) was regularly used during "
		  "the Cold War by the Soviet military to refer indirectly to the United States and its allies.\n"
		  "p1.4: The expression went out of use after the Cold War ended and the Soviet Union collapsed; but today, "
		  "with the arrival of a new cold war and a renewed global standoff with the US, veroyatny protivnik is "
		  "apparently back and it means exactly the same as before (, January 11, 2018).\n");
	free(out);
	out = run_find("briefs/articles/edm-2017-v14i42-another-russian-failure.txt", "(Mid.ru, March 15). This was", &rc);
	CHECK_STR("find: a match over two sentences prints both", out,
		  "p2.4: So for example, after North Korea\xE2\x80\x99s March 6 missile launch, Russia\xE2\x80\x99s foreign "
		  "ministry called on \xE2\x80\x9C" "all parties\xE2\x80\x9D to exercise restraint (Mid.ru, March 15). This was "
		  "merely the latest in a series of such statements going back several years, whenever the DPRK carries out "
		  "one of its nuclear or missile tests.\n");
	free(out);
	out = run_find(A2018, "Kim Jong Un", &rc);
	CHECK_STR("find: folded quote marks and several paragraphs", out,
		  "p1.1: During a January 11 meeting with the editors of major Russian print media outlets, President Vladimir "
		  "Putin praised the North Korean leader, Kim Jong Un, as a mature and \xE2\x80\x9C"
		  "absolutely learned politician.\xE2\x80\x9D\n"
		  "p2.5: By dramatically shifting from war talk to peace propaganda, Kim Jong Un may consolidate the DPRK as a de "
		  "facto nuclear state with ICBM capability, while somehow wiggling out of sanctions as the entire Korean nuclear "
		  "problem is deferred to lengthy multilevel talks to seek \xE2\x80\x9C"
		  "denuclearization\xE2\x80\x9D that will most likely never arrive.\n"
		  "p4.2: Moreover, Kim Jong Un\xE2\x80\x99s apparent successful disregard of US pressure is admired in Moscow.\n");
	free(out);
	out = run_find(A2018, "veroyatny protivnik, but", &rc);
	CHECK("find: not found exits 1", rc == 1);
	CHECK_STR("find: nothing on stdout when not found", out, "");
	free(out);
	out = run_find(A2018, NULL, &rc);
	CHECK("find: usage error exits 2", rc == 2);
	free(out);
}

int main(void)
{
	find_command();
	folding();
	marks_edges();
	elisions();
	from_to();
	closest();
	characters();
	big();
	CHECK_DONE();
}
