/* schema.c: `mkbrief schema brief|layout`: the JSON Schema (draft 2020-12) of briefs or
 * layouts, for editors (yaml-language-server completes and checks keys as they are typed).
 * The keys come from the loaders' own tables (load/keys.h, load/layout_keys.h); this file
 * adds only what each value looks like, and refuses to write a schema when a loader key has
 * no value type here, or a value type names a key no loader takes. */
#include <stdio.h>
#include <string.h>

#include "base/diag.h"
#include "base/util.h"
#include "load/keys.h"
#include "load/layout_keys.h"
#include "load/style.h"
#include "tools/tools.h"

/* What a value looks like, as JSON Schema text; "#" refers to the definitions below. */
#define T_TEXT "{\"$ref\": \"#/$defs/text\"}"
#define T_STRING "{\"type\": \"string\", \"minLength\": 1}"
#define T_DATE "{\"$ref\": \"#/$defs/date\"}"
#define T_BOOL "{\"$ref\": \"#/$defs/bool\"}"
#define T_CITE "{\"$ref\": \"#/$defs/cite\"}"
#define T_LENGTH "{\"$ref\": \"#/$defs/length\"}"
#define T_COLOR "{\"$ref\": \"#/$defs/color\"}"

typedef struct value_type {
	const char *object, *key, *json;
} value_type;

static const value_type brief_types[] = {
	{"brief", "title", T_TEXT},
	{"brief", "subtitle", T_TEXT},
	{"brief", "date", T_DATE},
	{"brief", "author", T_TEXT},
	{"brief", "classification", T_TEXT},
	{"brief", "marking", T_TEXT},
	{"brief", "layout", "{\"type\": \"string\", \"pattern\": \"^([A-Za-z0-9_-][A-Za-z0-9_.-]*|.+\\\\.yaml)$\"}"},
	{"brief", "lang", "{\"type\": \"string\", \"pattern\": \"^[A-Za-z]+(-[A-Za-z0-9]+)*$\"}"},
	{"brief", "hyphenation", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"type\": \"string\", \"pattern\": \"^[A-Za-z]+(-[A-Za-z]+)*$\"}}"},
	{"brief", "distribution", T_TEXT},
	{"brief", "control", T_TEXT},
	{"brief", "as-of", T_DATE},
	{"brief", "contact", T_TEXT},
	{"brief", "draft", T_BOOL},
	{"brief", "annex", T_BOOL},
	{"brief", "sources", "{\"type\": \"object\", \"minProperties\": 1, \"propertyNames\": {\"pattern\": \"^[A-Za-z0-9_.-]+$\"}, "
			     "\"additionalProperties\": {\"$ref\": \"#/$defs/source\"}}"},
	{"brief", "summary", "{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/list_item\"}}"},
	{"brief", "sections", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/section\"}}"},
	{"source", "file", T_STRING},
	{"source", "url", T_STRING},
	{"source", "title", T_TEXT},
	{"source", "date", T_TEXT},
	{"source", "lang", "{\"type\": \"string\", \"pattern\": \"^[A-Za-z]+(-[A-Za-z0-9]+)*$\"}"},
	{"source", "sha256", "{\"type\": \"string\", \"pattern\": \"^[0-9a-fA-F]{64}$\"}"},
	{"section", "heading", T_TEXT},
	{"section", "content", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/block\"}}"},
	{"section", "sections", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/section\"}}"},
	{"section", "marking", T_TEXT},
	{"section", "page-break", "{\"enum\": [\"before\"]}"},
	{"block", "text", T_TEXT},
	{"block", "bullets", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/list_item\"}}"},
	{"block", "numbered", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/list_item\"}}"},
	{"block", "quote", "{\"$ref\": \"#/$defs/quote\"}"},
	{"block", "excerpt", "{\"$ref\": \"#/$defs/excerpt\"}"},
	{"block", "figure", "{\"$ref\": \"#/$defs/figure\"}"},
	{"block", "box", "{\"$ref\": \"#/$defs/box\"}"},
	{"block", "table", "{\"$ref\": \"#/$defs/table\"}"},
	{"block", "chronology", "{\"oneOf\": [{\"$ref\": \"#/$defs/chronology\"}, {\"$ref\": \"#/$defs/events\"}]}"},
	{"block", "cite", T_CITE},
	{"block", "marking", T_TEXT},
	{"block", "page-break", "{\"enum\": [\"before\"]}"},
	{"text_item", "text", T_TEXT},
	{"text_item", "cite", T_CITE},
	{"list_item", "text", T_TEXT},
	{"list_item", "cite", T_CITE},
	{"list_item", "items", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/list_item\"}}"},
	{"list_item", "numbered", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/list_item\"}}"},
	{"list_item", "marking", T_TEXT},
	{"quote", "source", T_STRING},
	{"quote", "text", T_TEXT},
	{"quote", "speaker", T_TEXT},
	{"quote", "highlight", "{\"oneOf\": [" T_TEXT ", {\"type\": \"array\", \"minItems\": 1, \"items\": " T_TEXT "}]}"},
	{"quote", "note", T_TEXT},
	{"excerpt", "source", T_STRING},
	{"excerpt", "paragraphs", "{\"oneOf\": [{\"type\": \"integer\", \"minimum\": 1}, {\"type\": \"string\", \"pattern\": \"^ *[0-9]+ *([-\\u2013] *[0-9]+ *)?$\"}]}"},
	{"excerpt", "from", T_TEXT},
	{"excerpt", "to", T_TEXT},
	{"excerpt", "text", T_TEXT},
	{"excerpt", "note", T_TEXT},
	{"figure", "file", T_STRING},
	{"figure", "alt", T_TEXT},
	{"figure", "caption", "{\"$ref\": \"#/$defs/item\"}"},
	{"figure", "credit", T_TEXT},
	{"figure", "width", "{\"oneOf\": [{\"enum\": [\"column\", \"full\"]}, {\"type\": \"string\", \"pattern\": \"^[0-9.]+%$\"}, " T_LENGTH "]}"},
	{"figure", "marking", T_TEXT},
	{"box", "title", T_TEXT},
	{"box", "kind", "{\"$ref\": \"#/$defs/box_kind\"}"},
	{"box", "content", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/block\"}}"},
	{"table", "caption", "{\"$ref\": \"#/$defs/item\"}"},
	{"table", "columns", "{\"type\": \"array\", \"minItems\": 1, \"items\": " T_TEXT "}"},
	{"table", "widths", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"oneOf\": [{\"enum\": [\"auto\", \"*\"]}, " T_LENGTH "]}}"},
	{"table", "align", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/table_align\"}}"},
	{"table", "rows", "{\"type\": \"array\", \"minItems\": 1, \"items\": {\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/item\"}}}"},
	{"table", "marking", T_TEXT},
	{"chronology", "caption", T_TEXT},
	{"chronology", "events", "{\"$ref\": \"#/$defs/events\"}"},
	{"chronology", "marking", T_TEXT},
	{"event", "date", T_TEXT},
	{"event", "text", T_TEXT},
	{"event", "cite", T_CITE},
	{NULL, NULL, NULL},
};

/* The layout's keys that are not in look_keys: by section ("" the top level). */
static const value_type layout_types[] = {
	{"", "page", "{\"$ref\": \"#/$defs/page\"}"},
	{"", "columns", "{\"$ref\": \"#/$defs/columns\"}"},
	{"", "gutter", T_LENGTH},
	{"", "fonts", "{\"$ref\": \"#/$defs/fonts\"}"},
	{"", "text", "{\"$ref\": \"#/$defs/text_section\"}"},
	{"", "headings", "{\"$ref\": \"#/$defs/headings\"}"},
	{"", "colors", "{\"$ref\": \"#/$defs/colors\"}"},
	{"", "rules", "{\"$ref\": \"#/$defs/rules\"}"},
	{"", "markings", "{\"$ref\": \"#/$defs/markings\"}"},
	{"", "notes", "{\"$ref\": \"#/$defs/note_places\"}"},
	{"", "header", "{\"$ref\": \"#/$defs/heads\"}"},
	{"", "footer", "{\"$ref\": \"#/$defs/heads\"}"},
	{"", "banners", T_BOOL},
	{"page", "size", "{\"type\": \"string\"}"},
	{"page", "width", T_LENGTH},
	{"page", "height", T_LENGTH},
	{"page", "margins", "{\"oneOf\": [" T_LENGTH ", {\"$ref\": \"#/$defs/margins\"}]}"},
	{"margins", "*", T_LENGTH},
	{"font", "family", T_STRING},
	{"font", "size", T_LENGTH},
	{"font", "leading", T_LENGTH},
	{"font", "bold", T_BOOL},
	{"font", "italic", T_BOOL},
	{"font", "caps", T_BOOL},
	{"font", "tracking", T_LENGTH},
	{"font", "color", T_COLOR},
	{"text", "align", "{\"$ref\": \"#/$defs/text_align\"}"},
	{"text", "hyphenate", T_BOOL},
	{"text", "linebreak", "{\"$ref\": \"#/$defs/linebreak\"}"},
	{"text", "expansion", "{\"$ref\": \"#/$defs/percent\"}"},
	{"text", "lang", "{\"type\": \"string\", \"pattern\": \"^[A-Za-z]+(-[A-Za-z0-9]+)*$\"}"},
	{"text", "paragraph-space", T_LENGTH},
	{"text", "block-space", T_LENGTH},
	{"text", "first-indent", T_LENGTH},
	{"text", "widows", "{\"type\": [\"integer\", \"string\"], \"minimum\": 1, \"maximum\": 10}"},
	{"text", "orphans", "{\"type\": [\"integer\", \"string\"], \"minimum\": 1, \"maximum\": 10}"},
	{"headings", "space-before", T_LENGTH},
	{"headings", "space-after", T_LENGTH},
	{"headings", "numbers", T_BOOL},
	{"markings", "headings", T_BOOL},
	{"markings", "title", T_BOOL},
	{"markings", "levels", "{\"type\": \"array\", \"minItems\": 1, \"items\": " T_STRING "}"},
	{"colors", "accent", T_COLOR},
	{"colors", "highlight", T_COLOR},
	{"rules", "width", T_LENGTH},
	{"heads", "*", "{\"type\": [\"string\", \"null\"]}"},
	{NULL, NULL, NULL},
};

typedef struct gen {
	strbuf out;
	const value_type *types;
	int errors;
	char used[256]; /* which rows of types were used, to find rows no loader key has */
} gen;

static const char *type_of(gen *g, const char *object, const char *key)
{
	for (size_t i = 0; g->types[i].object; i++)
		if (strcmp(g->types[i].object, object) == 0 &&
		    (strcmp(g->types[i].key, key) == 0 || strcmp(g->types[i].key, "*") == 0)) {
			g->used[i] = 1;
			return g->types[i].json;
		}
	fprintf(stderr, "mkbrief: error: schema: no value type for the key '%s' of %s\n", key, object[0] ? object : "the layout");
	g->errors++;
	return "{}";
}

static void put_list(strbuf *sb, const char *const *words)
{
	sb_puts(sb, "[");
	for (size_t i = 0; words[i]; i++)
		sb_printf(sb, "%s\"%s\"", i ? ", " : "", words[i]);
	sb_puts(sb, "]");
}

/* "type": "object", "properties": {...}, "required": [...], "additionalProperties": false */
static void put_members(gen *g, const char *object, const char *const *keys, const char *const *required, const char *extra)
{
	strbuf *sb = &g->out;
	sb_puts(sb, "\"type\": \"object\", \"properties\": {");
	for (size_t i = 0; keys[i]; i++)
		sb_printf(sb, "%s\"%s\": %s", i ? ", " : "", keys[i], type_of(g, object, keys[i]));
	sb_puts(sb, "}");
	if (required && required[0]) {
		sb_puts(sb, ", \"required\": ");
		put_list(sb, required);
	}
	sb_printf(sb, ", \"additionalProperties\": false%s", extra ? extra : "");
}

/* "NAME": {members}, or the bare object when name is NULL */
static void put_object(gen *g, const char *name, const char *object, const char *const *keys, const char *const *required,
		       const char *extra)
{
	if (name)
		sb_printf(&g->out, "\"%s\": ", name);
	sb_puts(&g->out, "{");
	put_members(g, object, keys, required, extra);
	sb_puts(&g->out, "}");
}

static void check_unused(gen *g)
{
	for (size_t i = 0; g->types[i].object; i++)
		if (!g->used[i]) {
			fprintf(stderr, "mkbrief: error: schema: '%s' of %s is a key no loader takes\n", g->types[i].key,
				g->types[i].object[0] ? g->types[i].object : "the layout");
			g->errors++;
		}
}

static void brief_schema(gen *g)
{
	strbuf *sb = &g->out;
	sb_puts(sb, "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", "
		    "\"$id\": \"https://mkbrief.invalid/schema/brief.schema.json\", \"title\": \"mkbrief brief\", "
		    "\"description\": \"A brief for mkbrief: see mkbrief-brief(5). Written by mkbrief schema brief.\", ");
	put_members(g, "brief", brief_keys, brief_required, NULL);
	sb_puts(sb, ", \"$defs\": {");
	sb_puts(sb, "\"text\": {\"type\": [\"string\", \"number\", \"boolean\"], \"description\": \"text: a YAML scalar, read as it is written\"}, "
		    "\"date\": {\"type\": \"string\", \"pattern\": \"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\", \"description\": \"an ISO date, YYYY-MM-DD\"}, "
		    "\"bool\": {\"oneOf\": [{\"type\": \"boolean\"}, {\"enum\": [\"yes\", \"no\", \"on\", \"off\", \"true\", \"false\"]}]}, "
		    "\"cite\": {\"oneOf\": [{\"type\": \"string\", \"pattern\": \"^\\\\S+( p[0-9]+)?\"}, {\"type\": \"array\", \"minItems\": 1, \"items\": {\"type\": \"string\"}}], "
		    "\"description\": \"SOURCE-ID, SOURCE-ID pN or pN.S, or a list of them\"}, "
		    "\"length\": {\"oneOf\": [{\"type\": \"number\"}, {\"type\": \"string\", \"pattern\": \"^ *[-+]?[0-9.]+ *(pt|in|mm|cm)?$\"}]}, ");
	put_object(g, "source", "source", source_keys, source_required, NULL);
	sb_puts(sb, ", ");
	put_object(g, "section", "section", section_keys, section_required, NULL);
	sb_puts(sb, ", ");
	/* a block: exactly one kind, and the keys that may stand beside any */
	const char *block_keys[32];
	size_t n = 0;
	for (size_t i = 0; block_kind_keys[i] && n < 30; i++)
		block_keys[n++] = block_kind_keys[i];
	for (size_t i = 0; block_extra_keys[i] && n < 31; i++)
		block_keys[n++] = block_extra_keys[i];
	block_keys[n] = NULL;
	strbuf one = {0};
	sb_puts(&one, ", \"oneOf\": [");
	for (size_t i = 0; block_kind_keys[i]; i++)
		sb_printf(&one, "%s{\"required\": [\"%s\"]}", i ? ", " : "", block_kind_keys[i]);
	sb_puts(&one, "]");
	put_object(g, "block", "block", block_keys, NULL, one.data);
	sb_free(&one);
	sb_puts(sb, ", \"item\": {\"oneOf\": [" T_TEXT ", ");
	put_object(g, NULL, "text_item", text_item_keys, text_item_required, NULL);
	sb_puts(sb, "]}, \"list_item\": {\"oneOf\": [" T_TEXT ", ");
	put_object(g, NULL, "list_item", list_item_keys, text_item_required, NULL);
	sb_puts(sb, "]}, ");
	put_object(g, "quote", "quote", quote_keys, quote_required, NULL);
	sb_puts(sb, ", ");
	put_object(g, "excerpt", "excerpt", excerpt_keys, excerpt_required, NULL);
	sb_puts(sb, ", ");
	put_object(g, "figure", "figure", figure_keys, figure_required, NULL);
	sb_puts(sb, ", ");
	put_object(g, "box", "box", box_keys, box_required, NULL);
	sb_puts(sb, ", \"box_kind\": {\"enum\": ");
	put_list(sb, box_kinds);
	sb_puts(sb, "}, ");
	put_object(g, "table", "table", table_keys, table_required, NULL);
	sb_puts(sb, ", \"table_align\": {\"enum\": ");
	put_list(sb, table_aligns);
	sb_puts(sb, "}, ");
	put_object(g, "chronology", "chronology", chronology_keys, chronology_required, NULL);
	sb_puts(sb, ", \"events\": {\"type\": \"array\", \"minItems\": 1, \"items\": {\"$ref\": \"#/$defs/event\"}}, ");
	put_object(g, "event", "event", event_keys, event_required, NULL);
	sb_puts(sb, "}}");
}

static const char *look_type_json(look_type t)
{
	switch (t) {
	case LOOK_SPACE:
	case LOOK_RULE:
		return T_LENGTH;
	case LOOK_COLOR:
		return T_COLOR;
	case LOOK_TEXT:
		return "{\"type\": [\"string\", \"null\"]}";
	case LOOK_MARKERS:
	case LOOK_NUMBERS:
		return "{\"oneOf\": [" T_STRING ", {\"type\": \"array\", \"minItems\": 1, \"maxItems\": 3, \"items\": " T_STRING "}]}";
	case LOOK_BOOL:
		return T_BOOL;
	case LOOK_CHOICE:
		break;
	}
	return NULL;
}

static void layout_schema(gen *g)
{
	strbuf *sb = &g->out;
	sb_puts(sb, "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", "
		    "\"$id\": \"https://mkbrief.invalid/schema/layout.schema.json\", \"title\": \"mkbrief layout\", "
		    "\"description\": \"A layout for mkbrief: see mkbrief-layout(5). Written by mkbrief schema layout.\", "
		    "\"type\": [\"object\", \"null\"], \"properties\": {");
	int first = 1;
	for (size_t i = 0; layout_keys[i]; i++) {
		const char *key = layout_keys[i];
		/* a section of look_keys is described by its rows */
		int look = 0;
		for (size_t k = 0; k < nlook_keys; k++)
			look |= strcmp(look_keys[k].section, key) == 0;
		sb_printf(sb, "%s\"%s\": ", first ? "" : ", ", key);
		first = 0;
		if (!look) {
			sb_puts(sb, type_of(g, "", key));
			continue;
		}
		sb_puts(sb, "{\"type\": \"object\", \"properties\": {");
		int any = 0;
		for (size_t k = 0; k < nlook_keys; k++) {
			if (strcmp(look_keys[k].section, key) != 0)
				continue;
			sb_printf(sb, "%s\"%s\": ", any ? ", " : "", look_keys[k].key);
			any = 1;
			if (look_keys[k].type == LOOK_CHOICE) {
				sb_puts(sb, "{\"enum\": ");
				put_list(sb, look_keys[k].choices);
				sb_puts(sb, "}");
			} else {
				sb_puts(sb, look_type_json(look_keys[k].type));
			}
		}
		sb_puts(sb, "}, \"additionalProperties\": false}");
	}
	sb_puts(sb, "}, \"additionalProperties\": false, \"$defs\": {");
	sb_puts(sb, "\"bool\": {\"oneOf\": [{\"type\": \"boolean\"}, {\"enum\": [\"yes\", \"no\", \"on\", \"off\", \"true\", \"false\"]}]}, "
		    "\"length\": {\"oneOf\": [{\"type\": \"number\"}, {\"type\": \"string\", \"pattern\": \"^ *[-+]?[0-9.]+ *(pt|in|mm|cm)?$\"}]}, "
		    "\"color\": {\"type\": \"string\", \"pattern\": \"^#[0-9A-Fa-f]{6}$\"}, "
		    "\"percent\": {\"type\": \"string\", \"pattern\": \"^[0-9.]+%$\"}, "
		    "\"columns\": {\"type\": [\"integer\", \"string\"], \"minimum\": 1, \"maximum\": 6}, ");
	put_object(g, "page", "page", layout_page_keys, NULL, NULL);
	sb_puts(sb, ", ");
	put_object(g, "margins", "margins", layout_margin_keys, NULL, NULL);
	sb_puts(sb, ", ");
	const char *roles[64];
	size_t n = 0;
	for (size_t i = 0; i < nrole_keys && n < 63; i++)
		roles[n++] = role_keys[i].key;
	roles[n] = NULL;
	sb_puts(sb, "\"fonts\": {\"type\": \"object\", \"properties\": {");
	for (size_t i = 0; roles[i]; i++)
		sb_printf(sb, "%s\"%s\": {\"$ref\": \"#/$defs/font\"}", i ? ", " : "", roles[i]);
	sb_puts(sb, "}, \"additionalProperties\": false}, ");
	put_object(g, "font", "font", layout_font_keys, NULL, NULL);
	sb_puts(sb, ", ");
	put_object(g, "text_section", "text", layout_text_keys, NULL, NULL);
	sb_puts(sb, ", \"text_align\": {\"enum\": ");
	put_list(sb, layout_aligns);
	sb_puts(sb, "}, \"linebreak\": {\"enum\": ");
	put_list(sb, layout_linebreaks);
	sb_puts(sb, "}, ");
	put_object(g, "headings", "headings", layout_headings_keys, NULL, NULL);
	sb_puts(sb, ", ");
	put_object(g, "markings", "markings", layout_markings_keys, NULL, NULL);
	sb_puts(sb, ", \"note_places\": {\"enum\": ");
	put_list(sb, layout_note_places);
	sb_puts(sb, "}, ");
	put_object(g, "colors", "colors", layout_colors_keys, NULL, NULL);
	sb_puts(sb, ", ");
	put_object(g, "rules", "rules", layout_rules_keys, NULL, NULL);
	sb_puts(sb, ", ");
	put_object(g, "heads", "heads", layout_head_keys, NULL, NULL);
	sb_puts(sb, "}}");
}

/* Writes the one-line JSON indented, one member per line, so that a change to the schema
 * reads as a change of lines. */
static void put_pretty(const char *s, FILE *out)
{
	int depth = 0, in_string = 0;
	char nest[64]; /* the open brackets: a list stays on one line */
	int nn = 0;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (in_string) {
			putc(c, out);
			if (c == '\\' && p[1])
				putc(*++p, out);
			else if (c == '"')
				in_string = 0;
			continue;
		}
		switch (c) {
		case '"':
			in_string = 1;
			putc(c, out);
			break;
		case '[':
		case ']':
			if (c == '[' && nn < 64)
				nest[nn++] = '[';
			else if (c == ']' && nn > 0)
				nn--;
			putc(c, out);
			break;
		case '{':
			if (nn < 64)
				nest[nn++] = '{';
			depth++;
			fprintf(out, "{\n%*s", 2 * depth, "");
			break;
		case '}':
			if (nn > 0)
				nn--;
			depth--;
			fprintf(out, "\n%*s}", 2 * depth, "");
			break;
		case ',':
			if (nn > 0 && nest[nn - 1] == '[') {
				putc(c, out);
				break;
			}
			fprintf(out, ",\n%*s", 2 * depth, "");
			while (p[1] == ' ')
				p++;
			break;
		default:
			putc(c, out);
		}
	}
	putc('\n', out);
}

int cmd_schema(int argc, char **argv)
{
	if (argc != 2 || (strcmp(argv[1], "brief") && strcmp(argv[1], "layout"))) {
		if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
			fputs("usage: mkbrief schema brief|layout > NAME.schema.json\n", stdout);
			return 0;
		}
		/* the argument at fault: the first that is no schema's name, else the one too many */
		int named = argc > 1 && (!strcmp(argv[1], "brief") || !strcmp(argv[1], "layout"));
		if (named && argc > 2)
			return diag_usage_error("mkbrief schema", "one schema at a time (brief or layout); an argument too many",
						argv[2]);
		return diag_usage_error("mkbrief schema", "name the schema: brief or layout", argc > 1 ? argv[1] : NULL);
	}
	gen g = {{0}, NULL, 0, {0}};
	int brief = strcmp(argv[1], "brief") == 0;
	g.types = brief ? brief_types : layout_types;
	if (brief)
		brief_schema(&g);
	else
		layout_schema(&g);
	check_unused(&g);
	if (!g.errors)
		put_pretty(g.out.data, stdout);
	sb_free(&g.out);
	return g.errors ? 1 : 0;
}
