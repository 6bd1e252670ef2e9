/* test_hyph.c: where words may break: the patterns, and the rules on top of them. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "typeset/hyph.h"

/* the word with its permitted breaks marked by '-' */
static char *marked_in(hyphenator *h, const char *w, int in_capitals)
{
	size_t n = strlen(w);
	unsigned char ok[128];
	static char out[256];
	hyph_points(h, w, n, in_capitals, ok);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (ok[i])
			out[k++] = '-';
		out[k++] = w[i];
	}
	out[k] = 0;
	return out;
}

static char *marked(hyphenator *h, const char *w)
{
	return marked_in(h, w, 0);
}

int main(void)
{
	hyphenator *h = hyph_new("en-US");
	CHECK("en-US patterns load", hyph_available(h));
	CHECK_STR("plain word", marked(h, "information"), "in-for-ma-tion");
	CHECK_STR("capitalised word", marked(h, "Information"), "In-for-ma-tion");
	CHECK_STR("long all-capital word (legal notices)", marked(h, "MERCHANTABILITY"), "MER-CHANTABIL-ITY");
	CHECK_STR("acronym", marked(h, "UNESCO"), "UNESCO");
	CHECK_STR("short all-capital word", marked(h, "WARRANT"), "WARRANT");
	CHECK_STR("the same in a passage of capitals", marked_in(h, "WITHOUT", 1), "WITH-OUT");
	CHECK_STR("and a short one there is still too short", marked_in(h, "SHALL", 1), "SHALL");
	CHECK_STR("mixed case", marked(h, "McDonaldization"), "McDonaldization");
	CHECK_STR("digits", marked(h, "S300missile"), "S300missile");
	CHECK_STR("short word", marked(h, "about"), "about");
	CHECK_STR("no break in the last three letters", marked(h, "publicly"), "pub-licly");
	/* a brief's hyphenation: words the patterns break wrongly, with their own points */
	CHECK_STR("the patterns break gemcitabine wrongly", marked(h, "gemcitabine"), "gem-c-itabine");
	char *words[] = {"gem-ci-ta-bine", "Cisplatin", "o-ver-ride", NULL};
	hyph_set_words(h, words);
	CHECK_STR("a word given with its points breaks there", marked(h, "gemcitabine"), "gem-ci-ta-bine");
	CHECK_STR("in any case", marked(h, "Gemcitabine"), "Gem-ci-ta-bine");
	CHECK_STR("and in capitals", marked_in(h, "GEMCITABINE", 1), "GEM-CI-TA-BINE");
	CHECK_STR("a word given with none never breaks", marked(h, "cisplatin"), "cisplatin");
	CHECK_STR("a given point leaves two letters before it, three after", marked(h, "override"), "over-ride");
	CHECK_STR("other words as before", marked(h, "information"), "in-for-ma-tion");
	hyph_set_words(h, NULL);
	CHECK_STR("the words can be taken back", marked(h, "gemcitabine"), "gem-c-itabine");
	hyph_free(h);
	/* British text breaks by its own patterns (hyphen-en-gb), not the American ones */
	hyphenator *gb = hyph_new("en-GB");
	CHECK("en-GB patterns load", hyph_available(gb));
	CHECK_STR("en-GB: know-ledge, where en-US has knowl-edge", marked(gb, "knowledge"), "know-ledge");
	CHECK_STR("en-GB: present-a-tion", marked(gb, "presentation"), "present-a-tion");
	hyph_free(gb);
	hyphenator *us = hyph_new("en-US");
	CHECK_STR("en-US: knowl-edge", marked(us, "knowledge"), "knowl-edge");
	hyph_free(us);
	hyphenator *none = hyph_new("xx-YY");
	CHECK("no patterns for an unknown language", !hyph_available(none));
	CHECK_STR("and then no breaks", marked(none, "information"), "information");
	hyph_free(none);
	/* a language's patterns from MKBRIEF_HYPHEN_DIR (tests/hyphen: a tiny German stand-in,
	 * a break before a consonant and its vowel), its words with letters outside a-z too */
	setenv("MKBRIEF_HYPHEN_DIR", "tests/hyphen", 1);
	CHECK("patterns found in MKBRIEF_HYPHEN_DIR", hyph_installed("de-CH"));
	char *langs = hyph_installed_list();
	CHECK("and listed with the system's", strstr(langs, "de, en") != NULL && strstr(langs, "en-US") != NULL);
	free(langs);
	hyphenator *de = hyph_new("de");
	CHECK("de patterns load", hyph_available(de));
	CHECK_STR("a word of a-z", marked(de, "abgeordneten"), "ab-geord-ne-ten");
	CHECK_STR("a word with an umlaut, its points in bytes", marked(de, "K\xC3\xBCrzungen"), "K\xC3\xBCr-zun-gen");
	CHECK_STR("in capitals, long", marked(de, "VERF\xC3\x9CGUNGEN"), "VER-F\xC3\x9C-GUN-GEN");
	CHECK_STR("not in mixed case", marked(de, "K\xC3\xBCrZungen"), "K\xC3\xBCrZungen");
	CHECK_STR("nor with a digit", marked(de, "K\xC3\xBCrzungen2"), "K\xC3\xBCrzungen2");
	hyph_free(de);
	/* English text keeps a name with letters outside a-z whole, as before */
	hyphenator *en = hyph_new("en-US");
	CHECK_STR("English patterns leave a word with an umlaut whole", marked(en, "B\xC3\xBCrgermeister"),
		  "B\xC3\xBCrgermeister");
	hyph_free(en);
	unsetenv("MKBRIEF_HYPHEN_DIR");
	CHECK("without it, no German patterns", !hyph_installed("de"));
	CHECK_DONE();
}
