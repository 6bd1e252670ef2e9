/* test_pdfligatures.c: a ligature glyph's ToUnicode entry spelled with its letters, and
 * which nested ActualText spans the finishing pass may drop: those that say a ligature's
 * letters, never another span's text. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/pdfligatures.h"

static void spell(const char *name, const char *cmap, const char *want)
{
	strbuf out = {0};
	int changed = pdf_spell_ligatures(cmap, strlen(cmap), &out);
	CHECK_STR(name, changed ? out.data : cmap, want);
	sb_free(&out);
}

static int span(const char *props)
{
	return pdf_is_ligature_span(props, strlen(props));
}

int main(void)
{
	spell("fi, fl, ffi, ff and st spelled out; a space and an nbsp kept",
	      "2 beginbfchar\n<0001> <fb01>\n<0002> <00a0>\n<0003> <FB02>\nendbfchar\n"
	      "3 beginbfchar\n<0004> <fb03>\n<0005> <fb00>\n<06> <fb06>\n<07> <0020>\nendbfchar\nendcmap\n",
	      "2 beginbfchar\n<0001> <00660069>\n<0002> <00a0>\n<0003> <0066006c>\nendbfchar\n"
	      "3 beginbfchar\n<0004> <006600660069>\n<0005> <00660066>\n<06> <00730074>\n<07> <0020>\nendbfchar\nendcmap\n");
	spell("the long s of U+FB05 reads as s", "1 beginbfchar\n<01> <fb05>\nendbfchar\n",
	      "1 beginbfchar\n<01> <00730074>\nendbfchar\n");
	spell("a CMap without ligatures unchanged", "1 beginbfchar\n<41> <0041>\nendbfchar\n",
	      "1 beginbfchar\n<41> <0041>\nendbfchar\n");
	spell("a ligature's code is not its text", "1 beginbfchar\n<fb01> <0041>\nendbfchar\n",
	      "1 beginbfchar\n<fb01> <0041>\nendbfchar\n");
	spell("a bfrange left alone", "1 beginbfrange\n<01> <02> <fb01>\nendbfrange\n",
	      "1 beginbfrange\n<01> <02> <fb01>\nendbfrange\n");
	spell("a cut-off section ends the pass", "1 beginbfchar\n<01> <fb01", "1 beginbfchar\n<01> <fb01");

	CHECK("fi span", span("/Span << /ActualText <feff00660069> >> "));
	CHECK("ffl span", span("/Span << /ActualText <FEFF00660066006C> >> "));
	CHECK("st span", span("/Span << /ActualText <feff00730074> >> "));
	CHECK("a banner's span is kept", !span("/Span << /ActualText <feff0055004e0043004c004100530053> >> "));
	CHECK("one letter is no ligature", !span("/Span << /ActualText <feff0066> >> "));
	CHECK("no byte-order mark", !span("/Span << /ActualText <00660069> >> "));
	CHECK("an element's MCID sequence is no span", !span("/P << /MCID 3 /ActualText <feff00660069> >> "));
	CHECK("odd hex", !span("/Span << /ActualText <feff0066006> >> "));
	CHECK("unclosed", !span("/Span << /ActualText <feff00660069"));
	CHECK("no ActualText", !span("/Span << /Lang (en) >> "));
	CHECK_DONE();
}
