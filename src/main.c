/* main.c: the command line: options, then load → resolve → lay out → render. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/brief.h"
#include "cli.h"
#include "tools/tools.h"
#include "base/diag.h"
#include "render/output.h"
#include "base/util.h"

static void usage(FILE *f)
{
	fputs("usage: mkbrief [options] BRIEF.yaml\n"
	      "       mkbrief find SOURCE.txt \"words\"\n"
	      "options:\n"
	      "  -o FILE          output file (default: the brief's name with .pdf; - for stdout)\n"
	      "  --check          validate and resolve only; print nothing on success\n"
	      "  --layout NAME    use layouts/NAME.yaml instead of the brief's layout\n"
	      "  --format FMT     pdf (default), png, svg or ps\n"
	      "  --dpi N          resolution of --format png (default 150)\n"
	      "  --fonts DIR      also use the fonts in DIR\n"
	      "  --root DIR       allow source files anywhere under DIR (default: the brief's directory)\n"
	      "  --dump-layout    print every page, block and line instead of writing output\n"
	      "  -q               quiet: no warnings\n"
	      "  --version        print the version\n"
	      "  --help           print this help\n",
	      f);
}

/* `mkbrief diff` is the program mkbrief-diff beside this binary (see diff_main.c). */
static int run_diff(char **argv)
{
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

int main(int argc, char **argv)
{
	/* Past a file size limit (ulimit -f) the kernel would kill us with SIGXFSZ and leave the
	 * temporary output behind; ignored, the write fails with EFBIG and output.c reports it
	 * and removes the temporary file like any other write error. */
	signal(SIGXFSZ, SIG_IGN);
	output_catch_signals();
	if (argc > 1 && strcmp(argv[1], "find") == 0)
		return cmd_find(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "diff") == 0)
		return run_diff(argv + 1);

	static const char *const value_options[] = {"-o", "--layout", "--format", "--dpi", "--fonts", "--root", NULL};
	cli_options o = {0};
	o.format = "pdf";
	o.dpi = 150;
	cmdline args = {"mkbrief", argc, argv, 0, 0};
	for (const char *a; (a = cmdline_next(&args));) {
		if (strcmp(a, "--version") == 0) {
			printf("mkbrief %s\n", MKBRIEF_VERSION);
			return 0;
		} else if (strcmp(a, "--check") == 0) {
			o.check = 1;
		} else if (strcmp(a, "-q") == 0) {
			o.quiet = 1;
		} else if (strcmp(a, "--dump-layout") == 0) {
			o.dump = 1;
		} else if (str_in(a, value_options)) {
			const char *v = cmdline_value(&args, a);
			if (!v)
				return 2;
			if (a[1] == 'o')
				o.output = v;
			else if (strcmp(a, "--layout") == 0)
				o.layout = v;
			else if (strcmp(a, "--format") == 0)
				o.format = v;
			else if (strcmp(a, "--fonts") == 0)
				o.fonts_dir = v;
			else if (strcmp(a, "--root") == 0)
				o.root = v;
			else {
				char *end;
				long dpi = strtol(v, &end, 10);
				if (*end || dpi < 10 || dpi > 2400)
					return diag_usage_error("mkbrief", "--dpi takes a whole number from 10 to 2400", v);
				o.dpi = (int)dpi;
			}
		} else if (a[0] == '-' && a[1]) {
			return diag_usage_error("mkbrief", "unknown option", a);
		} else if (o.brief) {
			return diag_usage_error("mkbrief", "more than one brief given", a);
		} else {
			o.brief = a;
		}
	}
	if (args.help) {
		usage(stdout);
		return 0;
	}
	if (!o.brief)
		return diag_usage_error("mkbrief", "no brief given", NULL);
	if (strcmp(o.format, "pdf") && strcmp(o.format, "png") && strcmp(o.format, "svg") && strcmp(o.format, "ps"))
		return diag_usage_error("mkbrief", "--format must be pdf, png, svg or ps", o.format);
	if (o.output && !o.check && !o.dump && (strcmp(o.format, "png") == 0 || strcmp(o.format, "svg") == 0)) {
		/* pages are NAME-1.png, NAME-2.png...: a stream or a device has no name to number */
		struct stat st;
		if (strcmp(o.output, "-") == 0 ||
		    (stat(o.output, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)))
			return diag_usage_error("mkbrief", strcmp(o.format, "png") == 0
				? "--format png writes one file per page (NAME-1.png...); -o must name a file, not standard output or a device"
				: "--format svg writes one file per page (NAME-1.svg...); -o must name a file, not standard output or a device",
				o.output);
	}
	return cmd_build(&o);
}
