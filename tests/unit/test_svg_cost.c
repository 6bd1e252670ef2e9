/* test_svg_cost.c: the bound svg_cost.c puts on an SVG before librsvg draws it: elements
 * counted again wherever a <use>, pattern, mask or marker draws them (from attributes,
 * style="" and <style> sheets), cycles counting nothing, filters by their passes, and
 * entities expanded as libxml2 would (a bomb hidden in them is seen; a loop refused). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "typeset/svg_cost.h"
#include "typeset/svg_entities.h"

#define SVG "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' "

static svg_cost scan_ok(const char *name, const char *text)
{
	svg_cost c;
	char *why = NULL;
	int rc = svg_cost_scan(text, strlen(text), &c, &why);
	if (rc != 0)
		printf("    %s: %s\n", name, why ? why : "(stopped)");
	CHECK(name, rc == 0);
	free(why);
	return c;
}

static void expect_instances(const char *name, const char *text, double want)
{
	svg_cost c = scan_ok(name, text);
	if (c.instances != want)
		printf("    %s: %g instances, want %g\n", name, c.instances, want);
	CHECK(name, c.instances == want);
}

static void test_references(void)
{
	expect_instances("plain elements count once", SVG "width='2' height='2'><rect/><g><rect/></g></svg>", 4);
	/* svg, use, and the group and rect it draws; the defs themselves draw nothing */
	expect_instances("a <use> draws its target again", SVG "><defs><g id='a'><rect/></g></defs><use xlink:href='#a'/></svg>",
			 4);
	expect_instances("href without xlink too", SVG "><defs><rect id='a'/></defs><use href='#a'/><use href='#a'/></svg>",
			 5);
	/* a_k is a group of ten uses of a_{k-1}: 1 + 10 (1 + a_{k-1}) */
	strbuf b = {0};
	sb_puts(&b, SVG "><defs><g id='a0'><rect/></g>");
	for (int k = 1; k <= 6; k++) {
		sb_printf(&b, "<g id='a%d'>", k);
		for (int i = 0; i < 10; i++)
			sb_printf(&b, "<use xlink:href='#a%d'/>", k - 1);
		sb_puts(&b, "</g>");
	}
	sb_puts(&b, "</defs><use xlink:href='#a6'/></svg>");
	double a = 2;
	for (int k = 1; k <= 6; k++)
		a = 1 + 10 * (1 + a);
	expect_instances("a use chain multiplies (3 million from 2 KB)", b.data, 2 + a);
	sb_free(&b);
	expect_instances("a cycle counts nothing more",
			 SVG "><g id='a'><use href='#b'/></g><g id='b'><use href='#a'/></g></svg>", 5 + 2);
	svg_cost d = scan_ok("depth", SVG "><defs><g id='a'><g><rect/></g></g></defs><g><use href='#a'/></g></svg>");
	CHECK("depth counts elements and references: svg g use g g rect", d.depth == 6);
	expect_instances("a self-reference counts nothing more", SVG "><use id='u' href='#u'/></svg>", 2);
	expect_instances("a missing target counts nothing", SVG "><use href='#nowhere'/></svg>", 2);
	expect_instances("the first of a repeated id is the one",
			 SVG "><defs><g id='a'><rect/></g><g id='a'/></defs><use href='#a'/></svg>", 4);
}

static void test_paints_and_markers(void)
{
	const char *pat = SVG "><defs><pattern id='p'><rect/><rect/></pattern></defs>";
	char buf[512];
	snprintf(buf, sizeof buf, "%s<rect fill='url(#p)'/><rect style='stroke: url( \"#p\" )'/></svg>", pat);
	expect_instances("a pattern is drawn by each fill or stroke", buf, 1 + 2 * (1 + 3));
	snprintf(buf, sizeof buf, "%s<g fill='url(#p)'><rect/><rect/><rect/></g></svg>", pat);
	expect_instances("a fill on a group paints each element in it", buf, 1 + 4 + 4 * 3);
	snprintf(buf, sizeof buf, "%s<g id='g'><rect/><rect/></g><use href='#g' style='fill:url(#p)'/></svg>", pat);
	expect_instances("a fill on a <use> paints what it draws", buf, 1 + 3 + (1 + 3) + 4 * 3);
	expect_instances("a gradient draws no elements",
			 SVG "><defs><linearGradient id='g'><stop/><stop/></linearGradient></defs><rect fill='url(#g)'/></svg>",
			 2);
	/* a path of 4 numbers and 2 commands: at most 7 vertices; the marker is 2 elements */
	expect_instances("marker-mid draws at every vertex",
			 SVG "><marker id='m'><rect/></marker><path d='M0 0L1 1' marker-mid='url(#m)'/></svg>",
			 1 + 1 + 7 * 2);
	expect_instances("a sheet's rule reaches the elements its selector may match",
			 SVG "><style>/* x */ .dot, g > circle.x:hover { fill: url(#p) } rect { fill: red }</style>"
			     "<defs><pattern id='p'><rect/></pattern></defs>"
			     "<circle class='dot'/><circle class='x y'/><circle/></svg>",
			 1 + 1 + 2 * 3 + 1);
}

static void expect_passes(const char *name, const char *text, double want)
{
	svg_cost c = scan_ok(name, text);
	if (fabs(c.passes - want) > 1e-9)
		printf("    %s: %g passes, want %g\n", name, c.passes, want);
	CHECK(name, fabs(c.passes - want) < 1e-9);
}

static void test_filters(void)
{
	expect_passes("no filter, no passes", SVG "><rect/></svg>", 0);
	expect_passes("a blur: the element's pass and 2",
		      SVG "><filter id='f'><feGaussianBlur stdDeviation='1e9'/></filter><rect filter='url(#f)'/></svg>", 3);
	expect_passes("turbulence by its octaves, morphology by its radius",
		      SVG "><filter id='f'><feTurbulence numOctaves='100'/><feMorphology radius='4 7'/></filter>"
			  "<rect filter='url(#f)'/><rect style='filter:url(#f)'/></svg>",
		      2 * (1 + 300 + 15));
	expect_passes("a mask: 2 passes where used", SVG "><mask id='m'><rect/></mask><rect mask='url(#m)'/></svg>", 2);
	expect_passes("a filter used through a <use> counts each time",
		      SVG "><defs><filter id='f'><feFlood/><feOffset/></filter><g id='g'><rect filter='url(#f)'/></g></defs>"
			  "<use href='#g'/><use href='#g'/></svg>",
		      2 * 3);
	svg_cost c = scan_ok("convolve", SVG "><filter id='f'><feConvolveMatrix order='3 50'/></filter></svg>");
	CHECK("the largest convolution order is kept", c.max_order == 50);
}

static void test_entities(void)
{
	expect_instances("an entity's markup is counted",
			 "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY r \"<rect/><rect/>\"><!ENTITY q '&r;&r;&#60;rect/>'>]>" SVG
			 ">&q;&q;</svg>",
			 1 + 2 * 5);
	expect_instances("Illustrator's namespace entities are read",
			 "<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'x.dtd' [<!ENTITY ns_svg 'http://www.w3.org/2000/svg'>"
			 "<!ENTITY ns_xlink 'http://www.w3.org/1999/xlink'>]><svg xmlns='&ns_svg;' xmlns:xlink='&ns_xlink;'>"
			 "<defs><rect id='a'/></defs><use xlink:href='#a'/></svg>",
			 3);
	expect_instances("an external DOCTYPE is passed over",
			 "<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'>" SVG
			 "><rect/></svg>",
			 2);
	const char *loop = "<!DOCTYPE svg [<!ENTITY a '&b;'><!ENTITY b '&a;'>]><svg>&a;</svg>";
	svg_cost c;
	char *why = NULL;
	CHECK("an entity loop is refused", svg_cost_scan(loop, strlen(loop), &c, &why) == -2 && why);
	free(why);
	strbuf bomb = {0};
	sb_puts(&bomb, "<!DOCTYPE svg [<!ENTITY a0 '<rect/>'>");
	for (int i = 1; i <= 8; i++)
		sb_printf(&bomb, "<!ENTITY a%d '&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;'>", i, i - 1, i - 1, i - 1,
			  i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	sb_puts(&bomb, "]><svg>&a8;</svg>");
	why = NULL;
	CHECK("an entity bomb is refused", svg_cost_scan(bomb.data, bomb.len, &c, &why) == -2 && why);
	free(why);
	sb_free(&bomb);
	const char *pe = "<!DOCTYPE svg [<!ENTITY % p '<!ENTITY a \"x\">'> %p;]><svg>&a;</svg>";
	why = NULL;
	CHECK("parameter entities are refused", svg_cost_scan(pe, strlen(pe), &c, &why) == -2 && why);
	free(why);
}

static void test_stop(void)
{
	strbuf b = {0};
	sb_puts(&b, SVG ">");
	for (int i = 0; i < SVG_COST_STOP_ELEMENTS + 10; i++)
		sb_puts(&b, "<g/>");
	sb_puts(&b, "</svg>");
	svg_cost c;
	char *why = NULL;
	int rc = svg_cost_scan(b.data, b.len, &c, &why);
	CHECK("reading stops past the limit", rc == -1 && c.stopped && !why);
	sb_free(&b);
	const char *latin1 = "<?xml version='1.0' encoding='ISO-8859-1'?>" SVG "><text>caf\xE9</text></svg>";
	expect_instances("bytes that are not UTF-8 do not stop it", latin1, 2);
	expect_instances("nor does a byte-order mark", "\xEF\xBB\xBF" SVG "/>", 1);
}

/* what librsvg's text and style sheets cost, which elements alone do not show: a font size
 * that aborts it, a <text> whose layout is quadratic, selectors matched against every
 * element (a hostile trial: exit 134, 92 s, 30 s) */
static void test_text_and_sheets(void)
{
	svg_cost c = scan_ok("font sizes read", "<svg><text font-size='1e7'>H</text><text style='font-size:2e6px'>H</text>"
						 "<style>text { font: bold 12px/1.2 serif }</style></svg>");
	CHECK("the largest font size, from an attribute, a style or a sheet", c.max_font_size == 1e7);
	c = scan_ok("a sheet's font", "<svg><style>g{font:italic 5e6px serif}</style><g><text>H</text></g></svg>");
	CHECK("a font size in a sheet's font: shorthand", c.max_font_size == 5e6);
	/* sizes nested in per cents and ems, and scaled by transforms and a viewBox, as librsvg
	 * draws them (a hostile trial: 50,000 then 5000% aborted it) */
	/* a path's numbers, every use of it counted (a hostile trial: 2.4 million segments in one
	 * path took librsvg 38 s) */
	c = scan_ok("path numbers", "<svg><defs><path id='p' d='M0 0L10 10L20 0Z'/></defs><use href='#p'/><use href='#p'/></svg>");
	CHECK("a path's numbers and commands, once a use", c.vertices >= 2 * 10 && c.vertices <= 2 * 12 + 2);
	c = scan_ok("nested sizes", "<svg><g font-size='50000'><g font-size='5000%'><text>W</text></g></g></svg>");
	CHECK("a per cent of a size", c.max_font_size == 2.5e6);
	c = scan_ok("nested ems", "<svg><g font-size='90'><g font-size='90em'><text font-size='2em'>W</text></g></g></svg>");
	CHECK("ems of ems", c.max_font_size == 90.0 * 90 * 2);
	c = scan_ok("a transform", "<svg><g transform='translate(5 5) scale(100)'><text font-size='1000'>W</text></g></svg>");
	CHECK("a size scaled by a transform", c.max_font_size == 1e5);
	c = scan_ok("a viewBox", "<svg width='1000' height='1000' viewBox='0 0 1 1'><text font-size='12pt'>W</text></svg>");
	CHECK("a size in points scaled by a viewBox", c.max_font_size == 16000);
	c = scan_ok("a size outside text", "<svg><g font-size='1e9'/><text font-size='12'>W</text></svg>");
	CHECK("a size that no text takes does not count", c.max_font_size == 12);
	c = scan_ok("text", "<svg><text>ab<tspan>cd</tspan></text><text>abcdef</text></svg>");
	CHECK("the most characters in one <text>, its tspans included", c.max_text_chars == 6);
	c = scan_ok("selectors", "<svg><style>rect:nth-child(2n+1), circle {fill:red} .a{fill:blue}</style><rect/><rect/></svg>");
	CHECK("every selector of the sheet, and the elements", c.selectors == 3 && c.elements == 4);
}

int main(void)
{
	test_text_and_sheets();
	test_references();
	test_paints_and_markers();
	test_filters();
	test_entities();
	test_stop();
	CHECK_DONE();
}
