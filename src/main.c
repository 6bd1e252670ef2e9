/* main.c: the command line: options, then load → resolve → lay out → render. */
#include <errno.h>
#include <glib.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/brief.h"
#include "cli.h"
#include "base/datapath.h"
#include "layout/doc.h"
#include "load/layout_find.h"
#include "tools/tools.h"
#include "base/diag.h"
#include "render/output.h"
#include "base/util.h"

static void usage(FILE *f)
{
	fputs("usage: mkbrief [options] BRIEF.yaml...\n"
	      "       mkbrief find [--case] SOURCE.txt \"words\"\n"
	      "       mkbrief watch [options] BRIEF.yaml   (build again on every change)\n"
	      "       mkbrief new ARTICLE.txt... > BRIEF.yaml   (a starter brief)\n"
	      "       mkbrief diff [options] OLD.pdf NEW.pdf   (see mkbrief diff --help)\n"
	      "       mkbrief schema brief|layout   (the JSON Schema, for editors)\n"
	      "       mkbrief pin BRIEF.yaml   (write each source's SHA-256 into the brief)\n"
	      "       mkbrief --list-layouts [BRIEF.yaml]\n"
	      "options:\n"
	      "  -o FILE          output file (default: the brief's name with .pdf; - for stdout)\n"
	      "  --check          validate and resolve only; print nothing on success\n"
	      "  --layout NAME    use layout NAME (see --list-layouts) or FILE.yaml, not the brief's\n"
	      "  --format FMT     pdf (default), png, svg or ps\n"
	      "  --dpi N          resolution of --format png (default 150)\n"
	      "  --pdf-a          write PDF/A-2b (archival), as the layout's pdf.standard: a-2b\n"
	      "  --fonts DIR      also use the fonts in DIR\n"
	      "  --root DIR       allow source files anywhere under DIR (default: the brief's directory)\n"
	      "  --annex          add the annex: each source in full, the passages used highlighted\n"
	      "  --dump-layout    print every page, block and line instead of writing output\n"
	      "  -j N             with several briefs: build them in N processes at once (default 1)\n"
	      "  -q               quiet: no warnings\n"
	      "  --color=WHEN     colour diagnostics: auto (on a terminal, unless NO_COLOR), always, never\n"
	      "  --list-layouts   print every layout found, and its file, in search order\n"
	      "  --version        print the version\n"
	      "  --help           print this help\n",
	      f);
}

/* `mkbrief diff` is the program mkbrief-diff beside this binary (see diff_main.c). */
static int run_diff(int argc, char **argv)
{
	(void)argc;
	diag d;
	diag_init(&d, stderr);
	char *dir = exe_dir();
	if (!dir) {
		diag_error(&d, loc_none(), "cannot find mkbrief-diff: /proc/self/exe unreadable");
		return 2;
	}
	char *prog = xasprintf("%s/mkbrief-diff", dir);
	free(dir);
	execv(prog, argv);
	diag_error(&d, loc_none(), "cannot run %s: %s", prog, strerror(errno));
	free(prog);
	return 2;
}

/* PNG and SVG pages are NAME-1.png, NAME-2.png...: a stream or a device has no name to
 * number. 0, or 2 after the usage error. */
static int pages_usage(const cli_options *o)
{
	if (o->output && !o->check && !o->dump && (strcmp(o->format, "png") == 0 || strcmp(o->format, "svg") == 0)) {
		struct stat st;
		if (strcmp(o->output, "-") == 0 ||
		    (stat(o->output, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)))
			return diag_usage_error("mkbrief", strcmp(o->format, "png") == 0
				? "--format png writes one file per page (NAME-1.png...); -o must name a file, not standard output or a device"
				: "--format svg writes one file per page (NAME-1.svg...); -o must name a file, not standard output or a device",
				o->output);
	}
	return 0;
}

/* --list-layouts [BRIEF.yaml] */
static int list_layouts(const char *brief_path)
{
	/* a brief that is not there has no directory of layouts: a list without them would
	 * hide the mistake (a typo in its name) */
	struct stat st;
	if (brief_path && (stat(brief_path, &st) != 0 || S_ISDIR(st.st_mode))) {
		diag d;
		diag_init(&d, stderr);
		diag_error(&d, loc_at(brief_path, 0, 0), "--list-layouts cannot read the brief: %s",
			   stat(brief_path, &st) != 0 ? strerror(errno) : "is a directory, not a file");
		diag_finish(&d);
		return 1;
	}
	char *data = data_dir();
	char **dirs = layout_dirs(brief_path, data);
	style_list_layouts((const char *const *)dirs, stdout);
	g_strfreev(dirs);
	free(data);
	return 0;
}

/* Several briefs: one output each, named after each brief; 0, or 2 after a usage error. */
static int batch_usage(const cli_options *o, const char *const *briefs, size_t nbriefs, int watch)
{
	if (watch)
		return diag_usage_error("mkbrief watch", "watch takes one brief", briefs[1]);
	if (o->output)
		return diag_usage_error("mkbrief", "-o names one output; several briefs are each written as NAME.pdf (or the format's extension) in the current directory",
					o->output);
	/* two briefs of one name in different directories would write one file (--check and
	 * --dump-layout write none); the outputs are looked up in a table, not each against
	 * all before it (20,000 briefs took a minute before the first was read) */
	if (o->check || o->dump)
		return 0;
	GHashTable *outs = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	int rc = 0;
	for (size_t i = 0; i < nbriefs && rc == 0; i++) {
		char *x = build_default_output(briefs[i], o->format);
		if (g_hash_table_contains(outs, x)) {
			rc = diag_usage_error("mkbrief", "two briefs would write the same file; build them one at a time with -o", x);
			free(x);
		} else {
			g_hash_table_add(outs, x);
		}
	}
	g_hash_table_destroy(outs);
	if (rc)
		return rc;
	/* nor one brief's output be a file another reads (a figure named like it, or the
	 * brief itself: a brief saved as a.pdf beside a.yaml): written first, it would replace
	 * that file before the other reads it. Each file read is found once, by device and
	 * inode. */
	GPtrArray *read = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < nbriefs; i++) {
		g_ptr_array_add(read, g_strdup(briefs[i]));
		build_brief_files(briefs[i], read);
	}
	if (o->layout)
		g_ptr_array_add(read, g_strdup(o->layout));
	GHashTable *read_ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint k = 0; k < read->len; k++) {
		struct stat is;
		if (stat(read->pdata[k], &is) == 0)
			g_hash_table_add(read_ids, g_strdup_printf("%ju:%ju", (uintmax_t)is.st_dev, (uintmax_t)is.st_ino));
	}
	for (size_t i = 0; i < nbriefs && rc == 0; i++) {
		char *out = build_default_output(briefs[i], o->format);
		size_t n = strlen(out) - strlen(o->format) - 1;
		int pages = strcmp(o->format, "png") == 0 || strcmp(o->format, "svg") == 0;
		for (int p = 1; rc == 0 && p <= (pages ? DOC_MAX_PAGES : 1); p++) {
			char *name = pages ? xasprintf("%.*s-%d.%s", (int)n, out, p, o->format) : xstrdup(out);
			struct stat os;
			int exists = stat(name, &os) == 0;
			if (exists) {
				char *id = g_strdup_printf("%ju:%ju", (uintmax_t)os.st_dev, (uintmax_t)os.st_ino);
				if (g_hash_table_contains(read_ids, id))
					rc = diag_usage_error("mkbrief", "one brief's output is a file another reads; build them one at a time with -o", name);
				g_free(id);
			}
			free(name);
			if (!exists)
				break;
		}
		free(out);
	}
	g_hash_table_destroy(read_ids);
	g_ptr_array_free(read, TRUE);
	return rc;
}

/* The options without a value; returns whether a is one. */
static int set_switch(cli_options *o, const char *a, int *list)
{
	const struct {
		const char *name;
		int *flag;
	} switches[] = {{"--check", &o->check}, {"-q", &o->quiet},	   {"--annex", &o->annex},
			{"--dump-layout", &o->dump}, {"--pdf-a", &o->pdf_a}, {"--list-layouts", list}};
	for (size_t i = 0; i < sizeof switches / sizeof switches[0]; i++)
		if (strcmp(a, switches[i].name) == 0) {
			*switches[i].flag = 1;
			return 1;
		}
	return 0;
}

static int run(int argc, char **argv);

/* What was printed on standard output (a dump, a schema, find's matches, the layouts) must
 * have been written: on a full disk or a closed pipe the command fails, it never exits 0
 * with its output cut short. */
int main(int argc, char **argv)
{
	int rc = run(argc, argv);
	/* a command that failed has said why (new and -o - check their own writes) */
	if ((fflush(stdout) != 0 || ferror(stdout)) && rc == 0) {
		fprintf(stderr, "mkbrief: error: cannot write to standard output: %s\n", strerror(errno));
		rc = 1;
	}
	return rc;
}

/* Option a (one of run's value_options) given value v; 0, or 2 after a usage error. */
static int set_value_option(cli_options *o, long *jobs, const char *a, const char *v)
{
	if (!*v)
		return diag_usage_error("mkbrief", "an option's value is empty", a);
	if (a[1] == 'o')
		o->output = v;
	else if (strcmp(a, "--layout") == 0)
		o->layout = v;
	else if (strcmp(a, "--format") == 0)
		o->format = v;
	else if (strcmp(a, "--fonts") == 0)
		o->fonts_dir = v;
	else if (strcmp(a, "--root") == 0)
		o->root = v;
	else if (strcmp(a, "-j") == 0) {
		char *end;
		*jobs = strtol(v, &end, 10);
		if (*end || *jobs < 1 || *jobs > 64)
			return diag_usage_error("mkbrief", "-j takes a whole number of jobs from 1 to 64", v);
	} else {
		char *end;
		long dpi = strtol(v, &end, 10);
		if (*end || dpi < 10 || dpi > 2400)
			return diag_usage_error("mkbrief", "--dpi takes a whole number from 10 to 2400", v);
		o->dpi = (int)dpi;
	}
	return 0;
}

/* A root that is no directory holds no file: each source would be an error of its own,
 * "outside" it, when the one mistake is the root's. 0, or 2 after a usage error. */
static int check_root(const cli_options *o)
{
	const char *env = getenv("MKBRIEF_ROOT"), *root = o->root ? o->root : env && *env ? env : NULL;
	struct stat st;
	int found = root && stat(root, &st) == 0, err = found ? ENOTDIR : errno;
	if (!root || (found && S_ISDIR(st.st_mode)))
		return 0;
	char *msg = err == ENOENT    ? xasprintf("%s: no such directory", o->root ? "--root" : "MKBRIEF_ROOT")
		    : err == ENOTDIR ? xasprintf("%s must be a directory, not a file", o->root ? "--root" : "MKBRIEF_ROOT")
				     : xasprintf("%s: cannot read the directory (%s)", o->root ? "--root" : "MKBRIEF_ROOT",
						 strerror(err));
	diag_usage_error("mkbrief", msg, root);
	free(msg);
	return 2;
}

static int run(int argc, char **argv)
{
	/* Past a file size limit (ulimit -f) the kernel would kill us with SIGXFSZ and leave the
	 * temporary output behind; ignored, the write fails with EFBIG and output.c reports it
	 * and removes the temporary file like any other write error. */
	signal(SIGXFSZ, SIG_IGN);
	output_catch_signals();
	/* the commands beside building: tools/ */
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv);
	} commands[] = {{"find", cmd_find}, {"pin", cmd_pin}, {"schema", cmd_schema}, {"new", cmd_new}, {"diff", run_diff}};
	for (size_t i = 0; argc > 1 && i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);

	static const char *const value_options[] = {"-o", "--layout", "--format", "--dpi", "--fonts", "--root", "-j", NULL};
	cli_options o = {0};
	size_t nbriefs = 0;
	long jobs = 1;
	int list = 0;
	o.format = "pdf";
	o.color = -1;
	o.dpi = 150;
	/* mkbrief watch takes the options of a build */
	int watch = argc > 1 && strcmp(argv[1], "watch") == 0;
	cmdline args = {watch ? "mkbrief watch" : "mkbrief", argc - watch, argv + watch, 0, 0, 0};
	for (const char *a; (a = cmdline_next(&args));) {
		if (args.operands) {
			args.argv[1 + nbriefs++] = (char *)a;
			o.brief = args.argv[1];
		} else if (strcmp(a, "--version") == 0) {
			printf("mkbrief %s\n", MKBRIEF_VERSION);
			return 0;
		} else if (set_switch(&o, a, &list)) {
			continue;
		} else if (strncmp(a, "--color", 7) == 0 && (a[7] == '=' || a[7] == 0)) {
			const char *v = a[7] == '=' ? a + 8 : cmdline_value(&args, a);
			if (!v)
				return 2;
			int c = diag_color_choice(v, stderr);
			if (c < 0)
				return diag_usage_error(args.program, "--color takes auto, always or never", v);
			o.color = strcmp(v, "auto") == 0 ? -1 : c;
		} else if (str_in(a, value_options)) {
			const char *v = cmdline_value(&args, a);
			if (!v || set_value_option(&o, &jobs, a, v) != 0)
				return 2;
		} else if (a[0] == '-' && a[1]) {
			/* a brief whose name starts with '-' is named after "--" */
			return diag_usage_error(
				"mkbrief", access(a, F_OK) == 0 ? "unknown option (a file of that name goes after --)" : "unknown option",
				a);
		} else {
			/* the briefs are gathered at the front of argv, behind the reading */
			args.argv[1 + nbriefs++] = (char *)a;
			o.brief = args.argv[1];
		}
	}
	if (args.help) {
		usage(stdout);
		return 0;
	}
	if (list && nbriefs > 1)
		return diag_usage_error("mkbrief", "--list-layouts takes at most one brief, whose directory it searches too",
					args.argv[2]);
	if (list)
		return list_layouts(o.brief);
	/* the format first: "--format brief.yaml" took the brief as its value */
	if (!str_in(o.format, (const char *const[]){"pdf", "png", "svg", "ps", NULL}))
		return diag_usage_error("mkbrief", "--format must be pdf, png, svg or ps", o.format);
	if (!o.brief)
		return diag_usage_error("mkbrief", "no brief given", NULL);
	const char *const *briefs = (const char *const *)args.argv + 1;
	/* "-" as for -o: a brief piped in has no directory to find its sources in */
	for (size_t i = 0; i < nbriefs; i++)
		if (strcmp(briefs[i], "-") == 0 && access("-", F_OK) != 0)
			return diag_usage_error("mkbrief",
						"a brief is read from its file, not from standard input: its sources and "
						"layouts are found beside it",
						"-");
	if (check_root(&o) != 0 || pages_usage(&o) != 0 || (nbriefs > 1 && batch_usage(&o, briefs, nbriefs, watch) != 0))
		return 2;
	if (watch && strcmp(o.output ? o.output : "", "-") == 0)
		return diag_usage_error("mkbrief watch", "cannot write to standard output again and again; name a file with -o", NULL);
	return watch ? cmd_watch(&o) : nbriefs > 1 ? cmd_build_many(&o, briefs, nbriefs, (int)jobs) : cmd_build(&o);
}
