/* new.c: `mkbrief new ARTICLE.txt... > brief.yaml`: a starter brief whose title, date and
 * sources come from the articles, with one example of each block kind taken from the
 * articles' own words, so that it passes `mkbrief --check` as written and shows how each
 * kind is spelled. */
#define _XOPEN_SOURCE 700 /* realpath, readlink */
#include <ctype.h>
#include <glib.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/datapath.h"
#include "base/diag.h"
#include "base/util.h"
#include "load/article.h"
#include "load/sentences.h"
#include "load/brief.h"
#include "tools/tools.h"

#define QUOTE_MIN_WORDS 8
#define QUOTE_MAX_WORDS 30
#define EXCERPT_MAX_WORDS 150

enum { AS_WORDS, AS_FILE, AS_TEXT };

/* A YAML double-quoted scalar: the article's words as they are, with only the two
 * characters double quotes give a meaning escaped, and line breaks as spaces (matching
 * treats any run of white space as one); a file's name (AS_FILE) keeps them as escapes: a
 * TAB made a space named a file that is not there (a hostile trial). In the brief's own
 * text (AS_TEXT: a title, a heading, a cell), which takes *emphasis*, an asterisk is
 * escaped: a title that starts with one ("*Update*: ...") would open emphasis, or warn. */
static void put_yaml_scalar(FILE *out, const char *s, size_t n, int as)
{
	int exact = as == AS_FILE;
	putc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '*' && as == AS_TEXT)
			fputs("\\\\*", out);
		else if (exact && (c == '\n' || c == '\r' || c == '\t'))
			fprintf(out, "\\%c", c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
		else if (c == '\n' || c == '\r' || c == '\t')
			putc(' ', out);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else
			putc(c, out);
	}
	putc('"', out);
}

static void put_yaml_string(FILE *out, const char *s, size_t n)
{
	put_yaml_scalar(out, s, n, AS_WORDS);
}

/* A title as a brief's title or heading may hold it: at most BRIEF_MAX_LINE_CHARS
 * characters, a longer one cut at a word and ended with an ellipsis. */
static void put_yaml_line(FILE *out, const char *s)
{
	size_t n = strlen(s), chars = 0, cut = n, space = 0;
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (chars == BRIEF_MAX_LINE_CHARS - 1) {
			cut = i;
			break;
		}
		chars++;
		if (s[i] == ' ')
			space = i;
	}
	if (cut == n) {
		put_yaml_scalar(out, s, n, AS_TEXT);
		return;
	}
	if (space > 0)
		cut = space;
	char *line = xasprintf("%.*s\xE2\x80\xA6", (int)cut, s);
	put_yaml_scalar(out, line, strlen(line), AS_TEXT);
	free(line);
}

static size_t count_words(const char *s, size_t n)
{
	size_t words = 0;
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
			words++;
	return words;
}

/* A source id from the file's name: "articles/EDM 2018 v15.txt" → "edm-2018-v15", the
 * characters a source id may hold (letters, digits, '-', '_', '.'), made unique. */
static char *source_id(const char *path, char **taken, size_t ntaken)
{
	const char *base = path_basename(path);
	size_t n = strlen(base);
	const char *dot = strrchr(base, '.');
	if (dot && dot != base)
		n = (size_t)(dot - base);
	strbuf sb = {0};
	/* short enough to type in every citation: the name's first three parts, at most */
	int parts = 1;
	for (size_t i = 0; i < n && sb.len < 24; i++) {
		unsigned char c = (unsigned char)base[i];
		if (isalnum(c) || c == '_' || c == '.') {
			sb_putc(&sb, (char)tolower(c));
		} else if (sb.len && sb.data[sb.len - 1] != '-') {
			if (++parts > 3)
				break;
			sb_putc(&sb, '-');
		}
	}
	while (sb.len && sb.data[sb.len - 1] == '-')
		sb.data[--sb.len] = 0;
	char *stem = sb.len ? xstrdup(sb.data) : xstrdup("source");
	sb_free(&sb);
	char *id = xstrdup(stem);
	for (int k = 2;; k++) {
		int clash = 0;
		for (size_t i = 0; i < ntaken; i++)
			clash |= taken[i] && strcmp(taken[i], id) == 0;
		if (!clash)
			break;
		free(id);
		id = xasprintf("%s-%d", stem, k);
	}
	free(stem);
	return id;
}

/* The first sentence of QUOTE_MIN_WORDS to QUOTE_MAX_WORDS words, for the quote example;
 * the first sentence when none is. Without the reference marks that end it: a pull quote
 * shows the words, not the source's footnotes, and the shorter quote still matches. */
/* Whether text[r] holds a control character a brief's value may not (all but line breaks
 * and tabs), or a letter the bundled fonts cannot print: quoted, it would fail the starter
 * brief's own --check. */
static int has_control(const char *text, range r)
{
	for (size_t i = r.start, k; i < r.end; i += k ? k : 1) {
		uint32_t c = 0;
		k = utf8_decode(text + i, r.end - i, &c);
		if (k && utf8_is_control(c) && c != '\n' && c != '\r' && c != '\t')
			return 1;
		/* nor a letter of a script the bundled fonts do not have (they cover Latin, Greek
		 * and Cyrillic): the starter would fail its --check (a hostile trial) */
		GUnicodeScript sc = k ? g_unichar_get_script(c) : G_UNICODE_SCRIPT_COMMON;
		if (sc != G_UNICODE_SCRIPT_COMMON && sc != G_UNICODE_SCRIPT_INHERITED && sc != G_UNICODE_SCRIPT_LATIN &&
		    sc != G_UNICODE_SCRIPT_GREEK && sc != G_UNICODE_SCRIPT_CYRILLIC)
			return 1;
	}
	return 0;
}

static void pick_quote(const article *a, size_t *para, range *r)
{
	*para = 0;
	*r = sentences_without_marks(a->text, a->paras[0].sents[0]);
	int found = 0;
	for (size_t p = 0; p < a->nparas && !found; p++)
		for (size_t s = 0; s < a->paras[p].nsents && !found; s++)
			if (!has_control(a->text, a->paras[p].sents[s])) {
				*para = p;
				*r = sentences_without_marks(a->text, a->paras[p].sents[s]);
				found = 1;
			}
	for (size_t p = 0; p < a->nparas; p++)
		for (size_t s = 0; s < a->paras[p].nsents; s++) {
			range x = a->paras[p].sents[s];
			size_t w = count_words(a->text + x.start, x.end - x.start);
			if (w >= QUOTE_MIN_WORDS && w <= QUOTE_MAX_WORDS && !has_control(a->text, x)) {
				*para = p;
				*r = sentences_without_marks(a->text, x);
				return;
			}
		}
}

/* The paragraph for the excerpt example: the first short enough to read as one, after the
 * first if there is another. */
static size_t pick_excerpt(const article *a)
{
	for (size_t p = a->nparas > 1 ? 1 : 0; p < a->nparas; p++) {
		range r = a->paras[p].r;
		if (count_words(a->text + r.start, r.end - r.start) <= EXCERPT_MAX_WORDS && !has_control(a->text, r))
			return p;
	}
	for (size_t p = 0; p < a->nparas; p++)
		if (!has_control(a->text, a->paras[p].r))
			return p;
	return a->nparas > 1 ? 1 : 0;
}

/* Today (or SOURCE_DATE_EPOCH's day, so that the output can be reproduced), as YYYY-MM-DD. */
static void today(char buf[16])
{
	time_t now = time(NULL);
	const char *env = getenv("SOURCE_DATE_EPOCH");
	if (env && *env) {
		char *end;
		long long v = strtoll(env, &end, 10);
		if (!*end && v >= 0)
			now = (time_t)v;
	}
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(buf, 16, "%Y-%m-%d", &tm);
}

/* The installed schema (share/mkbrief/schema), or the source tree's (man/schema). */
static char *schema_path(const char *name)
{
	char *data = data_dir();
	char *path = xasprintf("%s/schema/%s", data, name);
	if (access(path, R_OK) != 0) {
		char *tree = xasprintf("%s/man/schema/%s", data, name);
		if (access(tree, R_OK) == 0) {
			free(path);
			path = tree;
		} else {
			free(tree);
		}
	}
	free(data);
	return path;
}

static void write_brief(FILE *out, article **arts, char **paths, char **ids, size_t n)
{
	char *schema = schema_path("brief.schema.json");
	/* the yaml-language-server modeline: editors complete and check keys as they are typed */
	fprintf(out, "# yaml-language-server: $schema=%s\n", schema);
	free(schema);
	fputs("# A starter brief written by `mkbrief new`. It builds as it is (`mkbrief --check` this\n"
	      "# file); then make it yours: keep the kinds of block you need, and copy quotes and\n"
	      "# excerpts word for word from the sources (`mkbrief find SOURCE.txt \"words\"` helps).\n"
	      "# Every key is described in mkbrief-brief(5).\n", out);
	const article *a = arts[0];
	const char *id = ids[0];
	char date[16];
	today(date);
	fputs("title: ", out);
	put_yaml_line(out, a->title);
	fprintf(out, "\ndate: %s\n", date);
	fputs("# subtitle: Reading pack for analysts\n"
	      "# author: Your desk\n"
	      "# classification: UNCLASSIFIED     # banner at the top and bottom of every page\n"
	      "layout: handout                     # or handout-a4, digest (mkbrief --list-layouts)\n"
	      "lang: en-US\n\nsources:\n", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "  %s:\n    file: ", ids[i]);
		put_yaml_scalar(out, paths[i], strlen(paths[i]), AS_FILE);
		if (paths[i][0] == '/' || strncmp(paths[i], "../", 3) == 0)
			fputs("   # outside this file's directory: build with --root DIR", out);
		fputc('\n', out);
	}

	fprintf(out, "\n# the Key points box on page 1: your conclusions, each with its source\n"
		     "summary:\n"
		     "  - text: Your first conclusion, in your own words.\n"
		     "    cite: %s p1\n", id);

	size_t qp;
	range q;
	pick_quote(a, &qp, &q);
	size_t ep = pick_excerpt(a);
	fputs("\nsections:\n  - heading: ", out);
	put_yaml_line(out, a->title);
	fputs("\n    content:\n", out);
	fprintf(out, "      # text: a paragraph of your own, with *emphasis*, a note^[Notes go at the page foot.]\n"
		     "      # and a citation (pN is paragraph N, pN.S its sentence S)\n"
		     "      - text: What the source says, and why it matters.^[A note may cite too [@%s p1].]\n"
		     "        cite: %s p1\n",
		id, id);
	fprintf(out, "      # quote: the source's words exactly, set large as a pull quote\n"
		     "      - quote:\n"
		     "          source: %s\n"
		     "          text: ",
		id);
	put_yaml_string(out, a->text + q.start, q.end - q.start);
	fprintf(out, "\n          # speaker: Who said it\n"
		     "          # highlight: [a few words of the quote, set in bold]\n"
		     "      # excerpt: a passage of the source; also from:/to: or text:\n"
		     "      - excerpt: {source: %s, paragraphs: %zu}\n",
		id, ep + 1);
	fprintf(out, "      # bullets, and numbered: lists of points; an item may hold items: or numbered:\n"
		     "      - bullets:\n"
		     "          - A point of your own\n"
		     "          - text: A point with its source\n"
		     "            cite: %s p%zu\n"
		     "      - numbered:\n"
		     "          - A first step\n"
		     "          - text: A second step, with sub-steps\n"
		     "            numbered: [one, two]\n",
		id, qp + 1);
	fputs("      # box: a framed aside (kind: comment, outlook or bottom-line)\n"
	      "      - box:\n"
	      "          kind: bottom-line\n"
	      "          title: Bottom line\n"
	      "          content:\n"
	      "            - text: What the reader should take away.\n", out);
	fprintf(out, "      # table: rows of cells; columns: names the header row\n"
		     "      - table:\n"
		     "          caption: What each source says\n"
		     "          columns: [Source, Point]\n"
		     "          rows:\n");
	for (size_t i = 0; i < n; i++) {
		const char *name = arts[i]->publication ? arts[i]->publication : arts[i]->title;
		fputs("            - [{text: ", out);
		put_yaml_scalar(out, name, strlen(name), AS_TEXT);
		fprintf(out, ", cite: %s p1}, \"The point it makes\"]\n", ids[i]);
	}
	fprintf(out, "      # chronology: dated events (ISO dates print as words)\n"
		     "      - chronology:\n"
		     "          - {date: %s, text: The article is read, cite: %s p1}\n",
		date, id);
	fputs("      # figure: a PNG, JPEG, SVG or one-page PDF file beside the brief; alt: is required\n"
	      "      # - figure:\n"
	      "      #     file: figures/chart.svg\n"
	      "      #     alt: What the figure shows, for readers who cannot see it\n"
	      "      #     caption: The caption under it\n", out);
}

/* The path of file relative to directory dir (both absolute, without . or ..). */
static char *relative_to(const char *dir, const char *file)
{
	/* the leading whole components they share */
	size_t common = 0, i = 0, rest;
	while (dir[i] && dir[i] == file[i])
		if (dir[i++] == '/')
			common = i;
	if (!dir[i] && file[i] == '/')
		common = i + 1; /* dir holds file */
	rest = common < i ? common : i;
	strbuf sb = {0};
	for (const char *p = dir + rest; *p;) {
		sb_puts(&sb, "../");
		const char *slash = strchr(p, '/');
		p = slash ? slash + 1 : p + strlen(p);
	}
	sb_puts(&sb, file + common);
	return sb_steal(&sb);
}

/* The articles' paths as the brief will read them: relative to the file standard output
 * goes to when it is one (mkbrief new a.txt > ../b.yaml reads ../x/a.txt as x/a.txt from
 * there; the brief reads its sources relative to itself), else as given. */
static char **paths_for_output(char **given, size_t n)
{
	char **out = xcalloc(n, sizeof *out);
	struct stat st;
	char link[4096], *out_dir = NULL;
	ssize_t len = fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode) ? readlink("/proc/self/fd/1", link, sizeof link - 1) : -1;
	if (len > 0 && link[0] == '/') {
		link[len] = 0;
		char *dir = path_dirname(link);
		out_dir = realpath(dir, NULL);
		free(dir);
	}
	for (size_t i = 0; i < n; i++) {
		if (!out_dir) {
			out[i] = xstrdup(given[i]);
			continue;
		}
		/* physical paths both: /proc names the output's, and the working directory may be
		 * reached through a link */
		char *file = realpath(given[i], NULL);
		out[i] = file ? relative_to(out_dir, file) : xstrdup(given[i]);
		free(file);
	}
	free(out_dir);
	return out;
}

int cmd_new(int argc, char **argv)
{
	/* `--` ends the options: an article whose name starts with '-' follows it */
	int dashes = argc >= 2 && strcmp(argv[1], "--") == 0;
	if (dashes) {
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	if (argc < 2 || (!dashes && argv[1][0] == '-')) {
		if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
			fputs("usage: mkbrief new ARTICLE.txt... > BRIEF.yaml\n", stdout);
			return 0;
		}
		return diag_usage_error("mkbrief new", argc < 2 ? "no article given" : "unknown option",
					argc < 2 ? NULL : argv[1]);
	}
	diag d;
	diag_init(&d, stderr);
	size_t n = (size_t)argc - 1;
	article **arts = xcalloc(n, sizeof *arts);
	char **ids = xcalloc(n, sizeof *ids);
	for (size_t i = 0; i < n; i++) {
		arts[i] = article_load(argv[i + 1], argv[i + 1], loc_none(), &d);
		if (arts[i])
			ids[i] = source_id(argv[i + 1], ids, i);
	}
	int rc = d.errors ? 1 : 0;
	char **paths = paths_for_output(argv + 1, n);
	if (!rc)
		write_brief(stdout, arts, paths, ids, n);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	for (size_t i = 0; i < n; i++) {
		article_free(arts[i]);
		free(ids[i]);
	}
	free(arts);
	free(ids);
	diag_finish(&d);
	if (!rc && fflush(stdout) != 0) {
		fputs("mkbrief: error: cannot write the brief to standard output\n", stderr);
		return 1;
	}
	return rc;
}
