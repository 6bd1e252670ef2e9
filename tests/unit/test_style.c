/* test_style.c: shipped layouts load as intended; every bad value is reported precisely. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "load/style.h"
#include "base/util.h"

static char tmpdir[] = "/tmp/mkbrief-style-XXXXXX";

static int near(double a, double b)
{
	return fabs(a - b) < 0.01;
}

/* Loads name from dir, returns the diagnostics printed (caller frees); *out gets the style. */
static char *load(const char *name, const char *dir, loc at, style **out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, mem);
	const char *dirs[] = {dir, NULL};
	style *s = style_load(name, dirs, at, &d);
	fclose(mem);
	if (out)
		*out = s;
	else
		style_free(s);
	return buf;
}

/* Writes a layout t.yaml in the temp dir and loads it; returns the diagnostics, with the
 * temp dir replaced by "T" so that expectations can be written down. */
static char *try_layout(const char *text, style **out)
{
	char *path = xasprintf("%s/t.yaml", tmpdir);
	check_write(path, text);
	char *got = check_untemp(load("t", tmpdir, loc_none(), out), tmpdir);
	unlink(path);
	free(path);
	return got;
}

static void expect_error(const char *name, const char *text, const char *want)
{
	style *s = NULL;
	char *got = try_layout(text, &s);
	CHECK_STR(name, got, want);
	if (s) {
		printf("FAIL %s: %s: loaded although it is wrong\n", __FILE__, name);
		check_failures++;
	}
	style_free(s);
	free(got);
}

static void test_shipped(void)
{
	style *s;
	char *out = load("handout", "layouts", loc_none(), &s);
	CHECK_STR("handout loads silently", out, "");
	free(out);
	style *def = style_default();
	if (s) {
		CHECK("handout: US Letter", near(s->page_w, 612) && near(s->page_h, 792));
		CHECK("handout: 1.25in side margins", near(s->margin_left, 90) && near(s->margin_right, 90));
		CHECK("handout: one column", s->columns == 1);
		CHECK_STR("handout: body Noto Serif", s->body.family, "Noto Serif");
		CHECK("handout: body 11/15pt", near(s->body.size, 11) && near(s->body.leading, 15));
		CHECK_STR("handout: headings Noto Sans", s->heading.family, "Noto Sans");
		CHECK("handout: heading bold", s->heading.bold);
		CHECK("handout: quote italic", s->quote.italic);
		CHECK("handout: banner bold caps", s->banner.bold && s->banner.caps);
		CHECK("handout: accent #1F4E79", near(s->accent.r, 0x1F / 255.0) && near(s->accent.b, 0x79 / 255.0));
		CHECK_STR("handout: footer right", s->footer_right, "Page {page} of {pages}");
		CHECK_STR("handout: box title", s->box_title, "Key points");
		CHECK("handout: justify, hyphenate, optimal", s->align == ALIGN_JUSTIFY && s->hyphenate &&
								   s->linebreak_optimal);
		/* handout.yaml spells out the built-in defaults: they must not drift apart */
		int same = near(s->page_w, def->page_w) && near(s->margin_top, def->margin_top) &&
			   near(s->margin_bottom, def->margin_bottom) && near(s->gutter, def->gutter) &&
			   near(s->para_space, def->para_space) && near(s->block_space, def->block_space) &&
			   near(s->heading_space_before, def->heading_space_before) &&
			   near(s->heading_space_after, def->heading_space_after) && near(s->rule_width, def->rule_width) &&
			   near(s->excerpt_indent, def->excerpt_indent) && near(s->excerpt_bar, def->excerpt_bar) &&
			   near(s->excerpt_tint.r, def->excerpt_tint.r) && near(s->box_fill.b, def->box_fill.b) &&
			   near(s->box_padding, def->box_padding) && near(s->quote_indent, def->quote_indent) &&
			   near(s->quote_bar, def->quote_bar) && s->widows == def->widows && s->banners == def->banners &&
			   near(s->subtitle_space, def->subtitle_space) && near(s->meta_space, def->meta_space) &&
			   near(s->rule_space, def->rule_space) && near(s->bullet_indent, def->bullet_indent) &&
			   near(s->bullet_inset, def->bullet_inset) && near(s->excerpt_padding, def->excerpt_padding) &&
			   near(s->number_indent, def->number_indent) && near(s->number_gap, def->number_gap) &&
			   near(s->excerpt_cite_space, def->excerpt_cite_space) &&
			   near(s->box_title_space, def->box_title_space) && near(s->quote_bar_gap, def->quote_bar_gap) &&
			   near(s->quote_cite_space, def->quote_cite_space) && near(s->sources_indent, def->sources_indent) &&
			   s->sources_new_page == def->sources_new_page && near(s->handling_fill.b, def->handling_fill.b) &&
			   near(s->handling_rule.b, def->handling_rule.b) && near(s->handling_padding, def->handling_padding) &&
			   near(s->handling_space_before, def->handling_space_before) &&
			   near(s->contact_rule, def->contact_rule) && near(s->watermark.b, def->watermark.b) &&
			   strcmp(s->footer_center, def->footer_center) == 0 &&
			   /* these two follow block-space by default; handout.yaml spells out what that gives */
			   near(s->title_space_after, def->block_space + 6) && def->title_space_after < 0 &&
			   near(s->box_space_before, def->block_space + 4) && def->box_space_before < 0;
		const font_role *a[] = {&s->body, &s->title, &s->subtitle, &s->meta, &s->heading,
					&s->quote, &s->excerpt, &s->banner, &s->small, &s->box_head};
		const font_role *b[] = {&def->body, &def->title, &def->subtitle, &def->meta, &def->heading,
					&def->quote, &def->excerpt, &def->banner, &def->small, &def->box_head};
		for (int i = 0; i < 10; i++)
			same = same && strcmp(a[i]->family, b[i]->family) == 0 && near(a[i]->size, b[i]->size) &&
			       near(a[i]->leading, b[i]->leading) && a[i]->bold == b[i]->bold &&
			       a[i]->italic == b[i]->italic && a[i]->caps == b[i]->caps &&
			       near(a[i]->tracking, b[i]->tracking) && near(a[i]->color.b, b[i]->color.b);
		for (int i = 0; i < STYLE_LIST_LEVELS; i++)
			same = same && strcmp(s->bullet_markers[i], def->bullet_markers[i]) == 0 &&
			       strcmp(s->number_markers[i], def->number_markers[i]) == 0;
		CHECK("handout.yaml = style_default()", same);
		CHECK_STR("handout: path", s->path, "layouts/handout.yaml");
	}
	style_free(s);
	style_free(def);

	out = load("handout-a4", "layouts", loc_none(), &s);
	CHECK_STR("handout-a4 loads silently", out, "");
	free(out);
	if (s) {
		CHECK("handout-a4: A4", near(s->page_w, 595.28) && near(s->page_h, 841.89));
		CHECK("handout-a4: 30mm side margins", near(s->margin_left, 85.04) && near(s->margin_right, 85.04));
		CHECK("handout-a4: body 11/15pt Noto Serif", near(s->body.size, 11) && near(s->body.leading, 15) &&
								strcmp(s->body.family, "Noto Serif") == 0);
	}
	style_free(s);

	out = load("digest", "layouts", loc_none(), &s);
	CHECK_STR("digest loads silently", out, "");
	free(out);
	if (s) {
		CHECK("digest: two columns, 18pt gutter", s->columns == 2 && near(s->gutter, 18));
		CHECK("digest: body 10/12.5pt", near(s->body.size, 10) && near(s->body.leading, 12.5));
		CHECK("digest: 0.75in margins", near(s->margin_left, 54) && near(s->margin_right, 54));
		CHECK_STR("digest: body family inherited", s->body.family, "Noto Serif");
	}
	style_free(s);

	/* PRODUCT.md's paper rules hold for every shipped layout. 0.48em is the average
	 * character width of Noto Serif over the EDM articles, measured with Pango. */
	static const char *const shipped[] = {"handout", "handout-a4", "digest", NULL};
	for (int i = 0; shipped[i]; i++) {
		out = load(shipped[i], "layouts", loc_none(), &s);
		free(out);
		if (!s)
			continue;
		double tw = s->page_w - s->margin_left - s->margin_right;
		double col = (tw - (s->columns - 1) * s->gutter) / s->columns;
		double cpl = col / (0.48 * s->body.size);
		double lead = s->body.leading / s->body.size;
		char *n = xasprintf("%s: body 10-12pt, leading 120-145%% (%.0f%%)", shipped[i], lead * 100);
		CHECK(n, s->body.size >= 10 && s->body.size <= 12 && lead >= 1.2 && lead <= 1.45);
		free(n);
		n = xasprintf("%s: 45-90 characters a line (%.0f)", shipped[i], cpl);
		CHECK(n, cpl >= 45 && cpl <= 90);
		free(n);
		n = xasprintf("%s: margins >= 0.75in", shipped[i]);
		CHECK(n, s->margin_left >= 54 && s->margin_right >= 54 && s->margin_top >= 54 && s->margin_bottom >= 54);
		free(n);
		n = xasprintf("%s: black body text", shipped[i]);
		CHECK(n, s->body.color.r == 0 && s->body.color.g == 0 && s->body.color.b == 0);
		free(n);
		double grey = 0.299 * s->accent.r + 0.587 * s->accent.g + 0.114 * s->accent.b;
		n = xasprintf("%s: accent dark enough for a grey copy", shipped[i]);
		CHECK(n, grey < 0.4);
		free(n);
		style_free(s);
	}
}

static void test_values(void)
{
	style *s;
	char *out = try_layout("page: {size: \"8in 10in\", margins: 20mm}\n"
			       "fonts: {body: {size: 0.15in}, title: {size: 1cm}}\n"
			       "gutter: 12\n"
			       "text: {align: left, hyphenate: no, linebreak: greedy, lang: de-DE}\n"
			       "header: {right: ''}\nbanners: false\n",
			       &s);
	CHECK_STR("units: loads", out, "");
	free(out);
	if (s) {
		CHECK("units: \"8in 10in\"", near(s->page_w, 576) && near(s->page_h, 720));
		CHECK("units: mm", near(s->margin_left, 56.69) && near(s->margin_top, 56.69));
		CHECK("units: in", near(s->body.size, 10.8));
		CHECK("units: new size keeps the leading ratio", near(s->body.leading, 10.8 * 15 / 11));
		CHECK("units: cm", near(s->title.size, 28.35));
		CHECK("units: bare number is pt", near(s->gutter, 12));
		CHECK("text: left, no hyphens, greedy", s->align == ALIGN_LEFT && !s->hyphenate && !s->linebreak_optimal);
		CHECK_STR("text: lang", s->lang, "de-DE");
		CHECK_STR("empty header", s->header_right, "");
		CHECK("banners: false", !s->banners);
		CHECK_STR("unset keys keep defaults", s->footer_right, "Page {page} of {pages}");
		CHECK_STR("name is the layout name", s->name, "t");
	}
	style_free(s);
	out = try_layout("", &s);
	CHECK("empty layout = defaults", s && near(s->body.size, 11) && strcmp(out, "") == 0);
	style_free(s);
	free(out);
	out = try_layout("page: {width: 5in, height: 7in, margins: {left: 0.8in, right: 0.8in, top: 0.8in, bottom: 0.8in}}\n", &s);
	CHECK("width and height", s && near(s->page_w, 360) && near(s->page_h, 504));
	CHECK_STR("width and height: silent", out, "");
	style_free(s);
	free(out);
	/* the accent reaches what the default accent colours, but what the layout gives */
	out = try_layout("colors: {accent: \"#7A1F1F\"}\nfonts: {heading-2: {color: \"#000000\"}}\n"
			 "box-outlook: {rule: \"#595959\"}\n",
			 &s);
	CHECK_STR("accent: loads", out, "");
	if (s) {
		CHECK("accent: headings and box titles", near(s->heading.color.r, 0x7A / 255.0) &&
								 near(s->box_head.color.r, 0x7A / 255.0));
		CHECK("accent: a heading given a colour keeps it", near(s->heading2.color.r, 0));
		CHECK("accent: the Key points box's and the boxes' rules",
		      near(s->box_rule.r, 0x7A / 255.0) && near(s->frame_rule[0].r, 0x7A / 255.0) &&
			      near(s->frame_rule[3].r, 0x7A / 255.0) && near(s->frame_rule[1].r, 0x59 / 255.0));
		CHECK("accent: a box given a rule keeps it", near(s->frame_rule[2].r, 0x59 / 255.0));
		CHECK("accent: grounds tinted with it", s->box_fill.r > s->box_fill.b && s->frame_fill[3].r > s->frame_fill[3].g);
	}
	style_free(s);
	free(out);
	out = try_layout("page: {margins: 0.5in}\n", &s);
	CHECK_STR("narrow margins warn", out,
		  "T/t.yaml:1:17: warning: the top margin (0.50in) leaves no room for notes; 0.75in or more is recommended\n");
	CHECK("narrow margins still load", s != NULL);
	style_free(s);
	free(out);
}

static void test_errors(void)
{
	expect_error("unknown top-level key", "colums: 2\n",
		     "T/t.yaml:1:1: error: unknown key 'colums' in layout; did you mean 'columns'?\n");
	expect_error("unknown nested key", "fonts:\n  body: {famly: Noto Serif}\n",
		     "T/t.yaml:2:10: error: unknown key 'famly' in fonts.body; did you mean 'family'?\n");
	expect_error("unknown role", "fonts:\n  bodytext: {size: 10pt}\n",
		     "T/t.yaml:2:3: error: unknown key 'bodytext' in fonts\n"
		     "T/t.yaml:2:3: note: allowed keys: body, title, subtitle, meta, heading, heading-2, heading-3, quote, excerpt, banner, small, box-head, table, table-head\n");
	expect_error("bad length", "gutter: 12px\n",
		     "T/t.yaml:1:9: error: gutter: '12px' is not a length; write a number with pt, mm, cm or in (e.g. 10.5pt)\n");
	expect_error("negative length", "page:\n  margins: {left: -1in}\n",
		     "T/t.yaml:2:19: error: page.margins.left must not be negative, not -1in\n");
	expect_error("zero size", "fonts: {body: {size: 0}}\n",
		     "T/t.yaml:1:22: error: fonts.body.size must be greater than zero, not 0\n");
	expect_error("font too big", "fonts: {body: {size: 250pt}}\n",
		     "T/t.yaml:1:22: error: fonts.body.size is 250pt; font sizes must be between 4pt and 200pt\n");
	expect_error("font too small", "fonts: {small: {size: 3pt}}\n",
		     "T/t.yaml:1:23: error: fonts.small.size is 3pt; font sizes must be between 4pt and 200pt\n");
	expect_error("leading < size", "fonts:\n  body: {size: 12pt, leading: 10pt}\n",
		     "T/t.yaml:2:31: error: fonts.body.leading (10pt) is less than the font size (12pt): lines would overlap\n");
	expect_error("empty family", "fonts:\n  body: {family: \"\"}\n",
		     "T/t.yaml:2:18: error: fonts.body.family must be a font family name such as Noto Serif, not empty\n");
	expect_error("bad colour", "colors: {accent: blue}\n",
		     "T/t.yaml:1:18: error: colors.accent: 'blue' is not a colour; write \"#RRGGBB\" in quotes (e.g. \"#1F4E79\")\n");
	expect_error("short colour", "excerpt: {tint: \"#FFF\"}\n",
		     "T/t.yaml:1:17: error: excerpt.tint: '#FFF' is not a colour; write \"#RRGGBB\" in quotes (e.g. \"#1F4E79\")\n");
	expect_error("negative block spacing", "quote: {bar-gap: -2pt}\n",
		     "T/t.yaml:1:18: error: quote.bar-gap must not be negative, not -2pt\n");
	expect_error("unknown key in a block's look", "excerpt: {paddng: 4pt}\n",
		     "T/t.yaml:1:11: error: unknown key 'paddng' in excerpt; did you mean 'padding'?\n");
	expect_error("bad bool", "banners: maybe\n", "T/t.yaml:1:10: error: banners must be true or false, not 'maybe'\n");
	expect_error("columns 0", "columns: 0\n", "T/t.yaml:1:10: error: columns must be between 1 and 6, not 0\n");
	expect_error("columns 7", "columns: 7\n", "T/t.yaml:1:10: error: columns must be between 1 and 6, not 7\n");
	expect_error("columns not a number", "columns: two\n",
		     "T/t.yaml:1:10: error: columns must be a whole number, not 'two'\n");
	expect_error("columns too narrow", "page: {size: a5}\ncolumns: 3\n",
		     "T/t.yaml:2:10: error: 3 columns on a text width of 3.33in are 0.94in wide each; a column needs at least 1.5in\n");
	expect_error("margins leave < 1in", "page:\n  margins: {left: 4in, right: 4in}\n",
		     "T/t.yaml:2:12: error: the margins leave a text area of 0.50in x 9.20in on a 8.50in x 11.00in page; at least 1in x 1in is needed\n");
	expect_error("page too big", "page: {width: 300in}\n",
		     "T/t.yaml:1:15: error: page.width is 300in; more than 14400pt (200in) is not a sensible value here\n");
	expect_error("unknown paper", "page: {size: leter}\n",
		     "T/t.yaml:1:14: error: page.size 'leter' is not a paper size; use letter, legal, a4, a5 or \"WIDTH HEIGHT\" (e.g. \"210mm 297mm\"); did you mean 'letter'?\n");
	expect_error("bad align", "text: {align: justified}\n",
		     "T/t.yaml:1:15: error: text.align must be one of left, justify, center, right, not 'justified'; did you mean 'justify'?\n");
	expect_error("widows 0", "text: {widows: 0}\n", "T/t.yaml:1:16: error: text.widows must be between 1 and 10, not 0\n");
	expect_error("unknown template field", "footer:\n  right: \"{auther}, page {page} of {pages}\"\n",
		     "T/t.yaml:2:10: error: footer.right: unknown field '{auther}'; did you mean '{author}'?\n");
	expect_error("unknown template field, no hint", "header: {left: \"{weather}\"}\n",
		     "T/t.yaml:1:16: error: header.left: unknown field '{weather}'; fields are {title} {date} {classification} {page} {pages} {section} {author} {control}\n");
	expect_error("unclosed template", "header: {left: \"{title\"}\n",
		     "T/t.yaml:1:16: error: header.left: '{' without a closing '}'\n");
	expect_error("section not a mapping", "fonts: [body]\n", "T/t.yaml:1:8: error: fonts must be a mapping, not a list\n");
	expect_error("length is a mapping", "gutter: {a: 1}\n",
		     "T/t.yaml:1:9: error: gutter must be a length such as 10pt, 6mm or 1in, not a mapping\n");
	expect_error("layout not a mapping", "- a\n", "T/t.yaml:1:1: error: a layout must be a mapping, not a list\n");
	expect_error("several errors in one run", "columns: 9\ngutter: -1pt\n",
		     "T/t.yaml:1:10: error: columns must be between 1 and 6, not 9\n"
		     "T/t.yaml:2:9: error: gutter must not be negative, not -1pt\n");
}

/* Indents each within their limits that together leave a text too narrow (measures.c):
 * one error at the key most to blame, with a note on how far to bring it down. */
static void test_measures(void)
{
	expect_error("box padding and a pull quote's indents together: the tightest of the box's blocks",
		     "columns: 2\nbox: {padding: 0.5in}\n",
		     "T/t.yaml:2:16: error: box.padding (0.5in) leaves a pull quote's text in a box 75pt wide in a 207pt column; it needs at least 103.5pt (half the column, which is under 24 em of 12pt)\n"
		     "T/t.yaml:2:16: note: 2 × box.padding + 2 × quote.indent + quote.bar + quote.bar-gap come to 132pt; at most 103.5pt leaves enough (box.padding at most 21.7pt, the others as they are)\n");
	expect_error("a number's gap, three levels deep, in a box",
		     "columns: 2\nnumbered: {gap: 40pt}\n",
		     "T/t.yaml:2:17: error: numbered.gap (40pt) leaves the text of a numbered list three levels deep in a box 71pt wide in a 207pt column; it needs at least 103.5pt (half the column, which is under 24 em of 11pt)\n"
		     "T/t.yaml:2:17: note: 2 × box.padding + 3 × numbered.gap come to 136pt; at most 103.5pt leaves enough (numbered.gap at most 29.1pt, the others as they are)\n");
	expect_error("the distribution statement's padding, across the text width",
		     "handling: {padding: 2in}\npage: {margins: {left: 2.5in, right: 2.5in}}\n",
		     "T/t.yaml:1:21: error: handling.padding (2in) leaves the distribution statement's text -36pt wide across the 252pt text width; it needs at least 114pt (12 em of its 9.5pt font)\n"
		     "T/t.yaml:1:21: note: 2 × handling.padding come to 288pt; at most 138pt leaves enough (handling.padding at most 69pt)\n");
	/* six columns of 109pt: the built-in indents leave a pull quote 49pt, and a layout may
	 * keep them (the loader accepts the columns), but not make them larger */
	const char *six = "page: {width: 11in, height: 11in, margins: 0.75in}\ncolumns: 6\ngutter: 6pt\n";
	style *s = NULL;
	char *out = try_layout(six, &s);
	CHECK_STR("six narrow columns with the built-in indents load", out, "");
	CHECK("six narrow columns: loaded", s != NULL);
	style_free(s);
	free(out);
	char *wider = xasprintf("%squote: {indent: 26pt}\n", six);
	expect_error("six narrow columns: a larger quote indent", wider,
		     "T/t.yaml:4:17: error: quote.indent (26pt) leaves a pull quote's text 45pt wide in a 109pt column; it needs at least 49pt (what the built-in layout's indents leave there)\n"
		     "T/t.yaml:4:17: note: 2 × quote.indent + quote.bar + quote.bar-gap come to 64pt; at most 60pt leaves enough (quote.indent at most 24pt, the others as they are)\n");
	free(wider);
	/* each at the limit its note names (or its like), the layout loads */
	static const struct {
		const char *name, *text;
	} limits[] = {
		{"box.padding at its limit loads", "columns: 2\nbox: {padding: 21.7pt}\n"},
		{"numbered.gap at its limit loads", "columns: 2\nnumbered: {gap: 29.1pt}\n"},
		{"quote.indent at its limit loads", "columns: 2\nquote: {indent: 37.7pt}\n"},
		{"handling.padding at its limit loads", "handling: {padding: 69pt}\npage: {margins: {left: 2.5in, right: 2.5in}}\n"},
	};
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		out = try_layout(limits[i].text, &s);
		CHECK_STR(limits[i].name, out, "");
		CHECK(limits[i].name, s != NULL);
		style_free(s);
		free(out);
	}
}

static void test_names(void)
{
	char *out = load("../handout", "layouts", loc_at("b.yaml", 3, 9), NULL);
	CHECK_STR("'..' rejected", out, "b.yaml:3:9: error: layout name '../handout' must be a plain name (a file in layouts/)\n");
	free(out);
	out = load("x/y", "layouts", loc_at("b.yaml", 3, 9), NULL);
	CHECK_STR("'/' rejected", out, "b.yaml:3:9: error: layout name 'x/y' must be a plain name (a file in layouts/)\n");
	free(out);
	out = load(".hidden", "layouts", loc_none(), NULL);
	CHECK_STR("leading dot rejected", out, "mkbrief: error: layout name '.hidden' must be a plain name (a file in layouts/)\n");
	free(out);
	out = load("hand", "layouts", loc_at("b.yaml", 2, 9), NULL);
	CHECK_STR("unknown layout lists the available ones", out,
		  "b.yaml:2:9: error: unknown layout 'hand'\n"
		  "b.yaml:2:9: note: available layouts (in layouts): digest, handout, handout-a4\n");
	free(out);
	out = load("handuot", "layouts", loc_none(), NULL);
	CHECK_STR("unknown layout: did you mean", out,
		  "mkbrief: error: unknown layout 'handuot'; did you mean 'handout'?\n"
		  "mkbrief: note: available layouts (in layouts): digest, handout, handout-a4\n");
	free(out);
	style *s;
	out = load("layouts/digest.yaml", "elsewhere", loc_none(), &s);
	CHECK("explicit .yaml path loads", s && s->columns == 2 && strcmp(out, "") == 0);
	style_free(s);
	free(out);
	out = load("nowhere/x.yaml", "layouts", loc_none(), NULL);
	CHECK_STR("missing explicit path", out, "nowhere/x.yaml: error: cannot read: no such file\n");
	free(out);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		printf("FAIL %s: mkdtemp\n", __FILE__);
		return 1;
	}
	test_shipped();
	test_values();
	test_errors();
	test_measures();
	test_names();
	rmdir(tmpdir);
	CHECK_DONE();
}
