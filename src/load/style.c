/* style.c: layouts/NAME.yaml → style, every value checked against what prints sensibly. */
#include "load/style.h"

#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/util.h"
#include "base/yaml_tree.h"
#include "load/accent.h"
#include "load/layout_find.h"
#include "load/layout_keys.h"
#include "load/markers.h"
#include "load/measures.h"

/* The limits below are where a value stops being a layout and becomes a typo. */
#define MIN_FONT 4.0
#define MAX_FONT 200.0
#define MAX_PAGE (200 * PT_PER_IN)
#define MIN_TEXT (1 * PT_PER_IN)      /* text width and height */
#define MIN_COLUMN (1.5 * PT_PER_IN)
#define MAX_COLUMNS 6
#define MAX_SPACE (2 * PT_PER_IN)     /* any one vertical space or indent */
#define MAX_RULE 36.0                 /* rules and bars */
#define NOTE_MARGIN (0.75 * PT_PER_IN) /* PRODUCT.md: room for notes */

static const char *const head_fields[] = {
#define HEAD_FIELD(id, name) [id] = name,
	STYLE_HEAD_FIELDS
#undef HEAD_FIELD
	[HEAD_NFIELDS] = NULL,
};

int style_head_field(const char *s, size_t n)
{
	for (int i = 0; i < HEAD_NFIELDS; i++)
		if (strlen(head_fields[i]) == n && strncmp(s, head_fields[i], n) == 0)
			return i;
	return -1;
}

static font_role role(GStringChunk *strings, const char *family, double size, double leading, int bold,
		       int italic)
{
	return (font_role){.family = g_string_chunk_insert(strings, family), .size = size, .leading = leading,
			   .bold = bold, .italic = italic};
}

/* Kept in step with layouts/handout.yaml, a line here for a section there; test_style
 * checks that they agree. */
style *style_default(void)
{
	GStringChunk *strings = g_string_chunk_new(256);
#define KEEP(str) g_string_chunk_insert(strings, str)
	rgb accent = schema_hex(0x1F4E79);
	style *s = xmalloc(sizeof *s);
	*s = (style){
		.strings = strings, .name = KEEP("handout"), .path = KEEP("(built-in)"),
		/* page, margins, columns */
		.page_w = 8.5 * PT_PER_IN, .page_h = 11 * PT_PER_IN,
		.margin_top = 0.9 * PT_PER_IN, .margin_bottom = 0.9 * PT_PER_IN,
		.margin_left = 1.25 * PT_PER_IN, .margin_right = 1.25 * PT_PER_IN,
		.columns = 1, .gutter = 18, .banners = 1,
		/* fonts */
		.body = role(strings, "Noto Serif", 11, 15, 0, 0),
		.title = role(strings, "Noto Sans", 20, 24, 1, 0),
		.subtitle = role(strings, "Noto Sans", 13, 17, 0, 0),
		.meta = role(strings, "Noto Sans", 9.5, 13, 0, 0),
		.heading = role(strings, "Noto Sans", 12.5, 16, 1, 0),
		.heading2 = role(strings, "Noto Sans", 11, 14, 1, 0),
		.heading3 = role(strings, "Noto Sans", 10.5, 14, 1, 1),
		.quote = role(strings, "Noto Serif", 12, 16.5, 0, 1),
		.excerpt = role(strings, "Noto Serif", 10.5, 14.5, 0, 0),
		.banner = role(strings, "Noto Sans", 10, 12, 1, 0),
		.small = role(strings, "Noto Sans", 8, 10, 0, 0),
		.box_head = role(strings, "Noto Sans", 11, 14, 1, 0),
		.table = role(strings, "Noto Sans", 9, 12, 0, 0),
		.table_head = role(strings, "Noto Sans", 9, 12, 1, 0),
		/* text, headings */
		.align = ALIGN_JUSTIFY, .hyphenate = 1, .linebreak_optimal = 1, .expansion = 0.02, .lang = KEEP("en-US"),
		.para_space = 4, .block_space = 10, .first_indent = 0, .widows = 2, .orphans = 2,
		.heading_space_before = 14, .heading_space_after = 5,
		/* colours, rules; the block looks (-1: worked out from text.block-space) */
		.accent = accent, .rule_width = RULE_WIDTH_DEFAULT,
		/* a highlighter's yellow: prints as a light grey the words still read through */
		.highlight = schema_hex(0xFFEC8C),
		.subtitle_space = 2, .meta_space = 4, .rule_space = 6, .title_space_after = -1,
		.bullet_indent = 13, .bullet_inset = 2,
		.bullet_markers = {KEEP("\u2022"), KEEP("\u2013"), KEEP("\u2023")},
		.number_indent = 13, .number_gap = 4, .number_markers = {KEEP("1."), KEEP("a."), KEEP("i.")},
		.excerpt_indent = 18, .excerpt_bar = 2, .excerpt_tint = schema_hex(0xF2F2F2), .excerpt_padding = 6,
		.excerpt_cite_space = 3,
		.box_title = KEEP("Key points"), .box_fill = schema_hex(0xEEF3F8), .box_rule = accent, .box_padding = 9,
		.box_space_before = -1, .box_title_space = 3,
		.quote_indent = 24, .quote_bar = 3, .quote_bar_gap = 9, .quote_cite_space = 4,
		.frame_fill = {schema_hex(0xF3F3F3), schema_hex(0xF3F3F3), schema_hex(0xEEF3F8), schema_hex(0xE4ECF4)},
		.frame_rule = {accent, schema_hex(0x595959), accent, accent},
		.frame_title = {KEEP(""), KEEP("Comment"), KEEP("Outlook"), KEEP("Bottom line")},
		.frame_padding = 8, .frame_title_space = 3,
		.table_rules = TABLE_RULES_BOOKTABS, .table_tint = schema_hex(0xFFFFFF), .table_head_tint = schema_hex(0xFFFFFF),
		.table_padding = 4, .table_row_padding = 2.5, .table_caption_space = 4,
		.sources_indent = 19, .sources_new_page = 0,
		.handling_fill = schema_hex(0xFFFFFF), .handling_rule = schema_hex(0x000000), .handling_padding = 6,
		.handling_space_before = 12, .contact_rule = 72, .watermark = schema_hex(0xE6E6E6),
		/* running heads */
		.header_left = KEEP("{date}"), .header_center = KEEP(""), .header_right = KEEP("{section}"),
		.footer_left = KEEP("{title}"), .footer_center = KEEP("{control}"), .footer_right = KEEP("Page {page} of {pages}"),
	};
#undef KEEP
	s->banner.caps = 1;
	s->banner.tracking = 1;
	s->heading.color = s->heading2.color = s->box_head.color = accent;
	return s;
}

void style_free(style *s)
{
	if (!s)
		return;
	g_string_chunk_free(s->strings);
	free(s->mark_levels);
	free(s);
}

/* ---- the loader ---- */

typedef struct loader {
	schema S;
	style *s;
	/* where the values that cross-checks compare came from (NULL = default) */
	const ynode *page_at, *margins_at, *columns_at;
} loader;

/* ---- sections ---- */

static const struct paper {
	const char *name;
	double w, h;
} papers[] = {
	{"letter", 8.5 * PT_PER_IN, 11 * PT_PER_IN},
	{"legal", 8.5 * PT_PER_IN, 14 * PT_PER_IN},
	{"a4", 210 * PT_PER_MM, 297 * PT_PER_MM},
	{"a5", 148 * PT_PER_MM, 210 * PT_PER_MM},
};

static void load_page(loader *L, const ynode *root)
{
	const ynode *page = schema_section(&L->S, root, "page", "page", layout_page_keys);
	if (!page)
		return;
	style *s = L->s;
	const ynode *size = ymap_get(page, "size");
	if (size) {
		const char *v = schema_scalar(&L->S, size, "page.size", "a paper name or \"WIDTH HEIGHT\"");
		if (v) {
			size_t i;
			for (i = 0; i < sizeof papers / sizeof papers[0]; i++)
				if (strcasecmp(v, papers[i].name) == 0)
					break;
			if (i < sizeof papers / sizeof papers[0]) {
				s->page_w = papers[i].w;
				s->page_h = papers[i].h;
				L->page_at = size;
			} else {
				/* "210mm 297mm": two lengths */
				char *w = xstrdup(v), *h = strpbrk(w, " x");
				double pw, ph;
				if (h)
					*h++ = 0;
				if (h && schema_parse_length(w, &pw) == 0 && schema_parse_length(h, &ph) == 0 && pw > 0 && ph > 0 &&
				    pw <= MAX_PAGE && ph <= MAX_PAGE) {
					s->page_w = pw;
					s->page_h = ph;
					L->page_at = size;
				} else if (h && schema_parse_length(w, &pw) == 0 && schema_parse_length(h, &ph) == 0) {
					schema_error(&L->S, size, "page.size '%s': width and height must be greater than zero and at most 200in", v);
				} else {
					const char *near = nearest_word(v, layout_paper_names);
					schema_error(&L->S, size, "page.size '%s' is not a paper size; use letter, legal, a4, a5 or \"WIDTH HEIGHT\" (e.g. \"210mm 297mm\")%s%s%s",
						     v, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
				}
				free(w);
			}
		}
	}
	const ynode *n;
	if ((n = schema_length(&L->S, page, "width", "page.width", SCHEMA_POSITIVE, MAX_PAGE, &s->page_w)))
		L->page_at = n;
	if ((n = schema_length(&L->S, page, "height", "page.height", SCHEMA_POSITIVE, MAX_PAGE, &s->page_h)))
		L->page_at = n;

	const ynode *m = ymap_get(page, "margins");
	if (!m)
		return;
	L->margins_at = m;
	if (m->kind == YNODE_SCALAR && !ynode_is_null(m)) {
		/* one length for all four sides */
		double v;
		if (schema_length(&L->S, page, "margins", "page.margins", SCHEMA_NONNEG, MAX_PAGE, &v))
			s->margin_top = s->margin_bottom = s->margin_left = s->margin_right = v;
		return;
	}
	const char *const *sides = layout_margin_keys;
	m = schema_section(&L->S, page, "margins", "page.margins", sides);
	if (!m)
		return;
	double *dst[] = {&s->margin_top, &s->margin_bottom, &s->margin_left, &s->margin_right};
	for (int i = 0; sides[i]; i++) {
		char *what = xasprintf("page.margins.%s", sides[i]);
		schema_length(&L->S, m, sides[i], what, SCHEMA_NONNEG, MAX_PAGE, dst[i]);
		free(what);
	}
}


/* WCAG's relative luminance of an sRGB colour. */
static double luminance(rgb c)
{
	double v[3] = {c.r, c.g, c.b};
	for (int i = 0; i < 3; i++)
		v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* A warning at `at` when text of colour fg on ground bg reads faintly or not at all (white
 * on the white page, black rows under black text): under 3:1, WCAG's least contrast for
 * large text, which a photocopy lowers further. */
static void warn_faint(loader *L, const ynode *at, const char *what, rgb fg, rgb bg, const char *ground)
{
	double a = luminance(fg) + 0.05, b = luminance(bg) + 0.05;
	double ratio = a > b ? a / b : b / a;
	if (ratio < 3)
		diag_warning(L->S.d, ynode_loc(L->S.t, at),
			     "%s %s against %s: a contrast of %.1f:1; text needs 3:1 at least to be read (4.5:1 for "
			     "body text)",
			     what, at->str ? at->str : "", ground, ratio);
}

static void load_role(loader *L, const ynode *fonts, const char *key, font_role *f)
{
	char *what = xasprintf("fonts.%s", key);
	const ynode *r = schema_section(&L->S, fonts, key, what, layout_font_keys);
	char buf[64];
	if (!r)
		goto out;
	const ynode *fam = ymap_get(r, "family");
	if (fam) {
		snprintf(buf, sizeof buf, "%s.family", what);
		const char *v = schema_scalar(&L->S, fam, buf, "a font family name such as Noto Serif");
		if (v) {
			f->family = g_string_chunk_insert(L->S.strings, v);
			f->family_at = ynode_loc(L->S.t, fam); /* its file: the style's path, after loading */
		}
	}
	double old_size = f->size;
	snprintf(buf, sizeof buf, "%s.size", what);
	const ynode *size_at = schema_length(&L->S, r, "size", buf, SCHEMA_POSITIVE, 0, &f->size);
	if (size_at && (f->size < MIN_FONT || f->size > MAX_FONT)) {
		schema_error(&L->S, size_at, "%s is %s; font sizes must be between 4pt and 200pt", buf, size_at->str);
		f->size = old_size;
		size_at = NULL;
	}
	snprintf(buf, sizeof buf, "%s.leading", what);
	const ynode *lead_at = schema_length(&L->S, r, "leading", buf, SCHEMA_POSITIVE, 0, &f->leading);
	/* A new size without a new leading keeps the old proportion rather than
	 * inheriting a leading meant for another size. */
	if (size_at && !lead_at)
		f->leading = round(f->leading * f->size / old_size * 100) / 100;
	if (lead_at && f->leading < f->size)
		schema_error(&L->S, lead_at, "%s (%s) is less than the font size (%gpt): lines would overlap", buf, lead_at->str,
			     f->size);
	else if (lead_at && f->leading > 4 * f->size)
		schema_error(&L->S, lead_at, "%s (%s) is more than 4 times the font size (%gpt)", buf, lead_at->str, f->size);
	snprintf(buf, sizeof buf, "%s.bold", what);
	schema_bool(&L->S, r, "bold", buf, &f->bold);
	snprintf(buf, sizeof buf, "%s.italic", what);
	schema_bool(&L->S, r, "italic", buf, &f->italic);
	snprintf(buf, sizeof buf, "%s.caps", what);
	schema_bool(&L->S, r, "caps", buf, &f->caps);
	snprintf(buf, sizeof buf, "%s.tracking", what);
	double tr = f->tracking;
	const ynode *tr_at = schema_length(&L->S, r, "tracking", buf, SCHEMA_ANY, 0, &tr);
	if (tr_at && tr > f->size / 2)
		schema_error(&L->S, tr_at, "%s (%s) is more than half the font size (%gpt)", buf, tr_at->str, f->size);
	else if (tr_at && tr < -f->size / 10) /* letters run into each other: -0.5 em made blots */
		schema_error(&L->S, tr_at, "%s (%s) takes more than a tenth of the font size (%gpt) from each letter", buf,
			     tr_at->str, f->size);
	else
		f->tracking = tr;
	snprintf(buf, sizeof buf, "%s.color", what);
	const ynode *color_at = schema_color(&L->S, r, "color", buf, &f->color);
	if (color_at)
		warn_faint(L, color_at, buf, f->color, (rgb){1, 1, 1}, "the page's white");
out:
	free(what);
}

static void load_fonts(loader *L, const ynode *root)
{
	const char *keys[nrole_keys + 1];
	for (size_t i = 0; i < nrole_keys; i++)
		keys[i] = role_keys[i].key;
	keys[nrole_keys] = NULL;
	const ynode *fonts = schema_section(&L->S, root, "fonts", "fonts", keys);
	if (!fonts)
		return;
	for (size_t i = 0; i < nrole_keys; i++)
		load_role(L, fonts, role_keys[i].key, (font_role *)((char *)L->s + role_keys[i].off));
}

static void load_text(loader *L, const ynode *root)
{
	const ynode *t = schema_section(&L->S, root, "text", "text", layout_text_keys);
	if (!t)
		return;
	style *s = L->s;
	static const text_align align_vals[] = {ALIGN_LEFT, ALIGN_JUSTIFY, ALIGN_CENTER, ALIGN_RIGHT};
	int i;
	if (schema_choice(&L->S, t, "align", "text.align", layout_aligns, &i))
		s->align = align_vals[i];
	schema_bool(&L->S, t, "hyphenate", "text.hyphenate", &s->hyphenate);
	if (schema_choice(&L->S, t, "linebreak", "text.linebreak", layout_linebreaks, &i))
		s->linebreak_optimal = i;
	schema_percent(&L->S, t, "expansion", "text.expansion", 5, &s->expansion);
	const ynode *lang = ymap_get(t, "lang");
	if (lang) {
		const char *v = schema_scalar(&L->S, lang, "text.lang", "a language tag such as en-US");
		if (v && !schema_lang_tag(v))
			schema_error(&L->S, lang, "text.lang '%s' is not a language tag such as en-US", v);
		else if (v) {
			s->lang = g_string_chunk_insert(s->strings, v);
			s->lang_at = ynode_loc(L->S.t, lang); /* its file is the style's path, set after loading */
		}
	}
	schema_length(&L->S, t, "paragraph-space", "text.paragraph-space", SCHEMA_NONNEG, MAX_SPACE, &s->para_space);
	schema_length(&L->S, t, "block-space", "text.block-space", SCHEMA_NONNEG, MAX_SPACE, &s->block_space);
	schema_length(&L->S, t, "first-indent", "text.first-indent", SCHEMA_NONNEG, MAX_SPACE, &s->first_indent);
	schema_int(&L->S, t, "widows", "text.widows", 1, 10, &s->widows);
	schema_int(&L->S, t, "orphans", "text.orphans", 1, 10, &s->orphans);
}

static void unknown_field(loader *L, const ynode *n, const char *what, const char *field)
{
	const char *near = nearest_word(field, head_fields);
	if (near) {
		schema_error(&L->S, n, "%s: unknown field '{%s}'; did you mean '{%s}'?", what, field, near);
		return;
	}
	strbuf sb = {0};
	for (int i = 0; i < HEAD_NFIELDS; i++)
		sb_printf(&sb, "%s{%s}", i ? " " : "", head_fields[i]);
	schema_error(&L->S, n, "%s: unknown field '{%s}'; fields are %s", what, field, sb.data);
	sb_free(&sb);
}

/* Running heads may only use the fields the renderer fills in, and are one short line drawn
 * on every page: at most STYLE_MAX_HEAD_CHARS characters and STYLE_MAX_HEAD_FIELDS fields. */
static void check_template(loader *L, const ynode *map, const char *key, const char *what)
{
	const ynode *n = ymap_get(map, key);
	if (!n || n->kind != YNODE_SCALAR)
		return;
	size_t chars = 0, fields = 0;
	for (const char *c = n->str; *c; c++) {
		chars += ((unsigned char)*c & 0xC0) != 0x80;
		fields += *c == '{';
	}
	if (chars > STYLE_MAX_HEAD_CHARS || fields > STYLE_MAX_HEAD_FIELDS) {
		schema_error(&L->S, n, "%s: a running head has at most %d characters and %d fields, not %zu and %zu", what,
			     STYLE_MAX_HEAD_CHARS, STYLE_MAX_HEAD_FIELDS, chars, fields);
		return;
	}
	for (const char *p = n->str; (p = strchr(p, '{')) != NULL; p++) {
		const char *close = strchr(p, '}');
		if (!close) {
			schema_error(&L->S, n, "%s: '{' without a closing '}'", what);
			return;
		}
		char *field = xstrndup(p + 1, (size_t)(close - p - 1));
		if (style_head_field(field, strlen(field)) < 0)
			unknown_field(L, n, what, field);
		free(field);
		p = close;
	}
}

static void load_heads(loader *L, const ynode *root, const char *key, char **left, char **center, char **right)
{
	const char *const *keys = layout_head_keys;
	const ynode *h = schema_section(&L->S, root, key, key, keys);
	if (!h)
		return;
	char **dst[] = {left, center, right};
	for (int i = 0; keys[i]; i++) {
		char *what = xasprintf("%s.%s", key, keys[i]);
		schema_text(&L->S, h, keys[i], what, dst[i]);
		check_template(L, h, keys[i], what);
		free(what);
	}
}

const role_key role_keys[] = {
	{"body", offsetof(style, body)},       {"title", offsetof(style, title)},
	{"subtitle", offsetof(style, subtitle)}, {"meta", offsetof(style, meta)},
	{"heading", offsetof(style, heading)}, {"heading-2", offsetof(style, heading2)},
	{"heading-3", offsetof(style, heading3)}, {"quote", offsetof(style, quote)},
	{"excerpt", offsetof(style, excerpt)}, {"banner", offsetof(style, banner)},
	{"small", offsetof(style, small)},     {"box-head", offsetof(style, box_head)},
	{"table", offsetof(style, table)},     {"table-head", offsetof(style, table_head)},
};
const size_t nrole_keys = sizeof role_keys / sizeof role_keys[0];

const char *const layout_table_rules[] = {"booktabs", "rows", "none", NULL};
const char *const layout_pdf_standards[] = {"none", "a-2b", NULL};
const look_key look_keys[] = {
	{"title-block", "subtitle-space", LOOK_SPACE, offsetof(style, subtitle_space), NULL},
	{"title-block", "meta-space", LOOK_SPACE, offsetof(style, meta_space), NULL},
	{"title-block", "rule-space", LOOK_SPACE, offsetof(style, rule_space), NULL},
	{"title-block", "space-after", LOOK_SPACE, offsetof(style, title_space_after), NULL},
	{"bullets", "indent", LOOK_SPACE, offsetof(style, bullet_indent), NULL},
	{"bullets", "marker-inset", LOOK_SPACE, offsetof(style, bullet_inset), NULL},
	{"bullets", "markers", LOOK_MARKERS, offsetof(style, bullet_markers), NULL},
	{"numbered", "indent", LOOK_SPACE, offsetof(style, number_indent), NULL},
	{"numbered", "gap", LOOK_SPACE, offsetof(style, number_gap), NULL},
	{"numbered", "markers", LOOK_NUMBERS, offsetof(style, number_markers), NULL},
	{"excerpt", "indent", LOOK_SPACE, offsetof(style, excerpt_indent), NULL},
	{"excerpt", "bar", LOOK_RULE, offsetof(style, excerpt_bar), NULL},
	{"excerpt", "tint", LOOK_COLOR, offsetof(style, excerpt_tint), NULL},
	{"excerpt", "padding", LOOK_SPACE, offsetof(style, excerpt_padding), NULL},
	{"excerpt", "cite-space", LOOK_SPACE, offsetof(style, excerpt_cite_space), NULL},
	{"summary", "title", LOOK_TEXT, offsetof(style, box_title), NULL},
	{"summary", "fill", LOOK_COLOR, offsetof(style, box_fill), NULL},
	{"summary", "rule", LOOK_COLOR, offsetof(style, box_rule), NULL},
	{"summary", "padding", LOOK_SPACE, offsetof(style, box_padding), NULL},
	{"summary", "space-before", LOOK_SPACE, offsetof(style, box_space_before), NULL},
	{"summary", "title-space", LOOK_SPACE, offsetof(style, box_title_space), NULL},
	{"quote", "indent", LOOK_SPACE, offsetof(style, quote_indent), NULL},
	{"quote", "bar", LOOK_RULE, offsetof(style, quote_bar), NULL},
	{"quote", "bar-gap", LOOK_SPACE, offsetof(style, quote_bar_gap), NULL},
	{"quote", "cite-space", LOOK_SPACE, offsetof(style, quote_cite_space), NULL},
	{"sources", "indent", LOOK_SPACE, offsetof(style, sources_indent), NULL},
	{"sources", "new-page", LOOK_BOOL, offsetof(style, sources_new_page), NULL},
	{"box", "fill", LOOK_COLOR, offsetof(style, frame_fill[0]), NULL},
	{"box", "rule", LOOK_COLOR, offsetof(style, frame_rule[0]), NULL},
	{"box", "padding", LOOK_SPACE, offsetof(style, frame_padding), NULL},
	{"box", "title-space", LOOK_SPACE, offsetof(style, frame_title_space), NULL},
	{"box-comment", "fill", LOOK_COLOR, offsetof(style, frame_fill[1]), NULL},
	{"box-comment", "rule", LOOK_COLOR, offsetof(style, frame_rule[1]), NULL},
	{"box-comment", "title", LOOK_TEXT, offsetof(style, frame_title[1]), NULL},
	{"box-outlook", "fill", LOOK_COLOR, offsetof(style, frame_fill[2]), NULL},
	{"box-outlook", "rule", LOOK_COLOR, offsetof(style, frame_rule[2]), NULL},
	{"box-outlook", "title", LOOK_TEXT, offsetof(style, frame_title[2]), NULL},
	{"box-bottom-line", "fill", LOOK_COLOR, offsetof(style, frame_fill[3]), NULL},
	{"box-bottom-line", "rule", LOOK_COLOR, offsetof(style, frame_rule[3]), NULL},
	{"box-bottom-line", "title", LOOK_TEXT, offsetof(style, frame_title[3]), NULL},
	{"table", "rules", LOOK_CHOICE, offsetof(style, table_rules), layout_table_rules},
	{"table", "tint", LOOK_COLOR, offsetof(style, table_tint), NULL},
	{"table", "head-tint", LOOK_COLOR, offsetof(style, table_head_tint), NULL},
	{"table", "padding", LOOK_SPACE, offsetof(style, table_padding), NULL},
	{"table", "row-padding", LOOK_SPACE, offsetof(style, table_row_padding), NULL},
	{"table", "caption-space", LOOK_SPACE, offsetof(style, table_caption_space), NULL},
	{"handling", "fill", LOOK_COLOR, offsetof(style, handling_fill), NULL},
	{"handling", "rule", LOOK_COLOR, offsetof(style, handling_rule), NULL},
	{"handling", "padding", LOOK_SPACE, offsetof(style, handling_padding), NULL},
	{"handling", "space-before", LOOK_SPACE, offsetof(style, handling_space_before), NULL},
	{"handling", "contact-rule", LOOK_SPACE, offsetof(style, contact_rule), NULL},
	{"handling", "watermark", LOOK_COLOR, offsetof(style, watermark), NULL},
	{"pdf", "standard", LOOK_CHOICE, offsetof(style, pdf_standard), layout_pdf_standards},
};
const size_t nlook_keys = sizeof look_keys / sizeof look_keys[0];


/* A list's markers, one per level: a list of 1 to STYLE_LIST_LEVELS short strings, the
 * last repeated for the levels it leaves out; numbers must each hold a counter. */
static void load_markers(loader *L, const ynode *sec, const look_key *k, const char *what, char **out)
{
	const ynode *n = ymap_get(sec, k->key);
	if (!n)
		return;
	const ynode *one[] = {n};
	const ynode *const *v = n->kind == YNODE_SEQ ? (const ynode *const *)n->items : one;
	size_t count = n->kind == YNODE_SEQ ? n->nitems : 1;
	if (count == 0 || count > STYLE_LIST_LEVELS) {
		schema_error(&L->S, n, "%s must be a list of 1 to %d markers, one per level of nesting, not %zu", what,
			     STYLE_LIST_LEVELS, count);
		return;
	}
	char *got[STYLE_LIST_LEVELS];
	for (size_t i = 0; i < count; i++) {
		got[i] = schema_string(&L->S, v[i], what, STYLE_MAX_MARKER_CHARS);
		if (!got[i])
			return;
		if (strpbrk(got[i], "\n\t")) {
			schema_error(&L->S, v[i], "%s: a marker is one line, without tabs", what);
			return;
		}
		if (k->type == LOOK_NUMBERS && marker_check(&L->S, v[i], what, got[i], i) != 0)
			return;
	}
	loc *at = L->s->marker_at[k->type == LOOK_NUMBERS];
	for (size_t i = 0; i < STYLE_LIST_LEVELS; i++) {
		out[i] = got[i < count ? i : count - 1];
		at[i] = ynode_loc(L->S.t, v[i < count ? i : count - 1]);
		at[i].file = L->s->path; /* not the tree's copy of the name, gone with it */
	}
}

static void load_look_key(loader *L, const ynode *sec, const look_key *k)
{
	void *field = (char *)L->s + k->off;
	char *what = xasprintf("%s.%s", k->section, k->key);
	switch (k->type) {
	case LOOK_SPACE:
	case LOOK_RULE:
		schema_length(&L->S, sec, k->key, what, SCHEMA_NONNEG, k->type == LOOK_RULE ? MAX_RULE : MAX_SPACE,
			      field);
		break;
	case LOOK_COLOR:
		schema_color(&L->S, sec, k->key, what, field);
		break;
	case LOOK_TEXT:
		schema_text(&L->S, sec, k->key, what, field);
		break;
	case LOOK_CHOICE:
		schema_choice(&L->S, sec, k->key, what, k->choices, field);
		break;
	case LOOK_MARKERS:
	case LOOK_NUMBERS:
		load_markers(L, sec, k, what, field);
		break;
	case LOOK_BOOL:
		schema_bool(&L->S, sec, k->key, what, field);
		break;
	}
	free(what);
}

static void load_blocks_look(loader *L, const ynode *root)
{
	for (size_t first = 0, end; first < nlook_keys; first = end) {
		const char *keys[nlook_keys + 1];
		size_t nkeys = 0;
		for (end = first; end < nlook_keys && strcmp(look_keys[end].section, look_keys[first].section) == 0; end++)
			keys[nkeys++] = look_keys[end].key;
		keys[nkeys] = NULL;
		const ynode *sec = schema_section(&L->S, root, look_keys[first].section, look_keys[first].section, keys);
		for (size_t i = first; sec && i < end; i++)
			load_look_key(L, sec, &look_keys[i]);
	}
}

/* Layout markings may list at most this many levels */
#define MAX_MARK_LEVELS 16

/* markings: {headings, title, levels: ["(U)", "(C)", ...]} */
static void load_markings(loader *L, const ynode *root)
{
	style *s = L->s;
	const ynode *n = schema_section(&L->S, root, "markings", "markings", layout_markings_keys);
	if (!n)
		return;
	schema_bool(&L->S, n, "headings", "markings.headings", &s->mark_headings);
	schema_bool(&L->S, n, "title", "markings.title", &s->mark_title);
	const ynode *levels = ymap_get(n, "levels");
	if (!levels || !schema_entries(&L->S, levels, YNODE_SEQ, "markings.levels", NULL))
		return;
	if (levels->nitems > MAX_MARK_LEVELS) {
		schema_error(&L->S, levels, "markings.levels may list at most %d levels", MAX_MARK_LEVELS);
		return;
	}
	free(s->mark_levels);
	s->mark_levels = xcalloc(levels->nitems, sizeof *s->mark_levels);
	s->nmark_levels = 0;
	for (size_t i = 0; i < levels->nitems; i++) {
		char *v = schema_string(&L->S, levels->items[i], "a marking level", 100);
		if (v)
			s->mark_levels[s->nmark_levels++] = v;
	}
}


static void load_rest(loader *L, const ynode *root)
{
	style *s = L->s;
	const ynode *n;
	L->columns_at = schema_int(&L->S, root, "columns", "columns", 1, MAX_COLUMNS, &s->columns);
	schema_length(&L->S, root, "gutter", "gutter", SCHEMA_NONNEG, MAX_SPACE, &s->gutter);
	schema_bool(&L->S, root, "banners", "banners", &s->banners);

	if ((n = schema_section(&L->S, root, "headings", "headings", layout_headings_keys))) {
		schema_bool(&L->S, n, "numbers", "headings.numbers", &s->heading_numbers);
		schema_length(&L->S, n, "space-before", "headings.space-before", SCHEMA_NONNEG, MAX_SPACE, &s->heading_space_before);
		schema_length(&L->S, n, "space-after", "headings.space-after", SCHEMA_NONNEG, MAX_SPACE, &s->heading_space_after);
	}
	load_markings(L, root);
	schema_choice(&L->S, root, "notes", "notes", layout_note_places, &s->notes_end);
	if ((n = schema_section(&L->S, root, "colors", "colors", layout_colors_keys))) {
		const ynode *a = schema_color(&L->S, n, "accent", "colors.accent", &s->accent);
		/* PRODUCT.md: the accent must survive a grey photocopy */
		double grey = 0.299 * s->accent.r + 0.587 * s->accent.g + 0.114 * s->accent.b;
		if (a && grey > 0.6)
			diag_warning(L->S.d, ynode_loc(L->S.t, a),
				     "colors.accent %s is light (%.0f%% grey); it will fade on a photocopy", a->str,
				     100 * (1 - grey));
		schema_color(&L->S, n, "highlight", "colors.highlight", &s->highlight);
	}
	if ((n = schema_section(&L->S, root, "rules", "rules", layout_rules_keys)))
		schema_length(&L->S, n, "width", "rules.width", SCHEMA_POSITIVE, MAX_RULE, &s->rule_width);
	load_blocks_look(L, root);
	/* tints under text: a table's rows and head under body text, an excerpt's ground */
	const ynode *table = ymap_get(root, "table"), *excerpt = ymap_get(root, "excerpt"), *t;
	if (table && table->kind == YNODE_MAP && (t = ymap_get(table, "tint")) && t->kind == YNODE_SCALAR)
		warn_faint(L, t, "table.tint", s->table_tint, s->body.color, "the body text's colour");
	if (table && table->kind == YNODE_MAP && (t = ymap_get(table, "head-tint")) && t->kind == YNODE_SCALAR)
		warn_faint(L, t, "table.head-tint", s->table_head_tint, s->body.color, "the body text's colour");
	if (excerpt && excerpt->kind == YNODE_MAP && (t = ymap_get(excerpt, "tint")) && t->kind == YNODE_SCALAR)
		warn_faint(L, t, "excerpt.tint", s->excerpt_tint, s->excerpt.color, "the excerpt's text colour");
	load_heads(L, root, "header", &s->header_left, &s->header_center, &s->header_right);
	load_heads(L, root, "footer", &s->footer_left, &s->footer_center, &s->footer_right);
	accent_targets at = {s->accent, &s->heading.color, &s->heading2.color, &s->box_head.color, &s->box_rule,
			     &s->box_fill, {&s->frame_rule[0], NULL, &s->frame_rule[2], &s->frame_rule[3]},
			     &s->frame_fill[2], &s->frame_fill[3]};
	accent_follows(root, &at);
}

/* What measures.c adds up: the keys that take width from a text, and the fonts. */
static layout_widths widths_of(const style *s)
{
	layout_widths w = {
		.excerpt_indent = s->excerpt_indent, .excerpt_bar = s->excerpt_bar, .excerpt_padding = s->excerpt_padding,
		.quote_indent = s->quote_indent, .quote_bar = s->quote_bar, .quote_bar_gap = s->quote_bar_gap,
		.bullet_indent = s->bullet_indent, .number_indent = s->number_indent, .number_gap = s->number_gap,
		.box_padding = s->frame_padding, .summary_padding = s->box_padding, .table_padding = s->table_padding,
		.first_indent = s->first_indent, .sources_indent = s->sources_indent, .handling_padding = s->handling_padding,
		.handling_rule = style_rule_growth(s, 1), .rule_default = RULE_WIDTH_DEFAULT,
		.excerpt_size = s->excerpt.size, .quote_size = s->quote.size, .body_size = s->body.size,
		.table_size = s->table.size, .meta_size = s->meta.size, .columns = s->columns, .gutter = s->gutter,
	};
	for (size_t i = 0; i < nrole_keys && w.nfonts < MEASURE_MAX_FONTS; i++) {
		const font_role *f = (const font_role *)((const char *)s + role_keys[i].off);
		w.fonts[w.nfonts++] = (layout_font){role_keys[i].key, f->size, f->leading};
	}
	return w;
}

static char *inches(double pt)
{
	return xasprintf("%.2fin", pt / PT_PER_IN);
}

/* The banners and running heads are drawn in the margins (render.c: the banner's baseline
 * 0.42 of the margin from the page's edge, a head's 1.6 of its size above the text): one
 * that does not fit in its band is drawn off the page, an error; heads that reach into the
 * banners' lines are said once. */
static void check_bands(loader *L, const ynode *root)
{
	const style *s = L->s;
	const ynode *fonts = ymap_get(root, "fonts");
	const ynode *banner_at = fonts ? ymap_get(fonts, "banner") : NULL, *small_at = fonts ? ymap_get(fonts, "small") : NULL;
	const ynode *margins_at = L->margins_at ? L->margins_at : L->page_at ? L->page_at : root;
	double top = s->margin_top, bottom = s->margin_bottom;
	/* capitals rise 0.72 of the size; a head's letters reach 0.25 below its baseline */
	double banner_most = fmin(0.42 * top / 0.72, 0.42 * bottom / 0.7);
	double small_most = fmin(top / 2.32, bottom / 2.85);
	/* sharing a line: a head's capitals reach above the top banner's baseline, or a
	 * foot's baseline sits below the bottom banner's capitals' top */
	double small_clear = fmin(0.58 * top / 2.32, 0.58 * bottom / 2.6);
	if (s->banners && s->banner.size > banner_most + 1e-6)
		schema_error(&L->S, banner_at ? banner_at : margins_at,
			     "a banner of %gpt does not fit in the margins above and below the text (top %.2fin, bottom "
			     "%.2fin): at most %.1fpt does; make it smaller or the margins larger",
			     s->banner.size, top / PT_PER_IN, bottom / PT_PER_IN, floor(banner_most * 10) / 10);
	else if (s->small.size > small_most + 1e-6)
		schema_error(&L->S, small_at ? small_at : margins_at,
			     "running heads and feet of %gpt (the small font) do not fit in the margins above and below the "
			     "text (top %.2fin, bottom %.2fin): at most %.1fpt do; make them smaller or the margins larger",
			     s->small.size, top / PT_PER_IN, bottom / PT_PER_IN, floor(small_most * 10) / 10);
	else if (s->banners && s->small.size > small_clear + 1e-6)
		diag_warning(L->S.d, ynode_loc(L->S.t, small_at ? small_at : margins_at),
			     "running heads and feet of %gpt (the small font) share the banners' lines in these margins (top "
			     "%.2fin, bottom %.2fin); at most %.1fpt stay clear of them",
			     s->small.size, top / PT_PER_IN, bottom / PT_PER_IN, floor(small_clear * 10) / 10);
}

/* Checks that need several values at once, reported where the user set the value most
 * likely to be wrong. */
static void cross_check(loader *L, const ynode *root)
{
	style *s = L->s;
	const ynode *at = L->margins_at ? L->margins_at : L->page_at ? L->page_at : root;
	double tw = s->page_w - s->margin_left - s->margin_right;
	double th = s->page_h - s->margin_top - s->margin_bottom;
	/* a thousandth of a point of slack: 1.9in less two margins of 0.45in is 1in less a
	 * rounding error, and must pass as the same size in mm does */
	if (tw < MIN_TEXT - 1e-3 || th < MIN_TEXT - 1e-3) {
		char *pw = inches(s->page_w), *ph = inches(s->page_h), *w = inches(tw), *h = inches(th);
		schema_error(&L->S, at, "the margins leave a text area of %s x %s on a %s x %s page; at least 1in x 1in is needed",
			     w, h, pw, ph);
		free(pw), free(ph), free(w), free(h);
		return;
	}
	double sides[] = {s->margin_top, s->margin_bottom, s->margin_left, s->margin_right};
	static const char *const names[] = {"top", "bottom", "left", "right"};
	for (int i = 0; i < 4; i++)
		if (sides[i] < NOTE_MARGIN && L->margins_at) {
			char *v = inches(sides[i]);
			diag_warning(L->S.d, ynode_loc(L->S.t, L->margins_at),
				     "the %s margin (%s) leaves no room for notes; 0.75in or more is recommended",
				     names[i], v);
			free(v);
			break;
		}
	double col = (tw - (s->columns - 1) * s->gutter) / s->columns;
	if (col < MIN_COLUMN) {
		char *c = inches(col), *w = inches(tw);
		schema_error(&L->S, L->columns_at ? L->columns_at : at,
			     "%d column%s on a text width of %s %s %s wide%s; a column needs at least 1.5in", s->columns,
			     s->columns > 1 ? "s" : "", w, s->columns > 1 ? "are" : "is", c, s->columns > 1 ? " each" : "");
		free(c), free(w);
		return;
	}
	/* each indent is within its own limit: together they must still leave room for text */
	style *builtin = style_default();
	layout_widths got = widths_of(s), want = widths_of(builtin);
	style_free(builtin);
	layout_check_measures(&L->S, &got, &want, root, col, tw, th);
	check_bands(L, root);
}

/* A layout file: a mapping of the top-level keys, every one optional (an empty file is the
 * built-in layout). */
static void load_layout(loader *L, const ynode *root)
{
	if (!root || ynode_is_null(root))
		return;
	if (root->kind != YNODE_MAP) {
		schema_error(&L->S, root, "a layout must be a mapping, not %s", ynode_kind_name(root));
		return;
	}
	schema_keys(&L->S, root, "layout", layout_keys, NULL);
	load_page(L, root);
	load_fonts(L, root);
	load_text(L, root);
	load_rest(L, root);
	if (L->S.errors == 0)
		cross_check(L, root);
}


style *style_load(const char *name, const char *const *layout_dirs, loc at, diag *d)
{
	int errors = 0;
	style *s = style_load_partial(name, layout_dirs, at, &errors, d);
	if (s && errors) {
		style_free(s);
		return NULL;
	}
	return s;
}

style *style_load_partial(const char *name, const char *const *layout_dirs, loc at, int *errors, diag *d)
{
	*errors = 1;
	char *path = layout_find(name, layout_dirs, at, d);
	if (!path)
		return NULL;
	ytree *t = ytree_load(path, path, d);
	if (!t) {
		/* the file's own error has no line; the brief's layout: (or --layout) named it */
		if (at.file && at.line > 0)
			diag_note(d, at, "the layout '%s' is named here", name);
		free(path);
		return NULL;
	}
	style *s = style_default();
	s->name = g_string_chunk_insert(s->strings, name);
	s->path = g_string_chunk_insert(s->strings, path);
	free(path);
	loader L = {{t, d, ytree_errors(t), s->strings, 0, NULL, NULL}, s, NULL, NULL, NULL};
	load_layout(&L, ytree_root(t));
	ytree_free(t);
	if (s->lang_at.file)
		s->lang_at.file = s->path; /* the tree's copy of the name is gone */
	for (size_t i = 0; i < nrole_keys; i++) {
		font_role *f = (font_role *)((char *)s + role_keys[i].off);
		if (f->family_at.file)
			f->family_at.file = s->path;
	}
	*errors = L.S.errors;
	return s;
}
