/* cmd_diff.c: `mkbrief diff A.pdf B.pdf`: are two handouts the same to a reader? */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/util.h"
#include "tools/pdfdiff.h"
#include "tools/tools.h"

static void diff_usage(FILE *f)
{
	fputs("usage: mkbrief diff [options] GOLDEN.pdf NEW.pdf\n"
	      "Compares NEW with the reference GOLDEN: bytes, then page count and sizes, text per\n"
	      "page and fonts, then pixels. Prints one line per differing page; exit status 0 same,\n"
	      "1 different, 2 error.\n"
	      "options:\n"
	      "  --dpi N          rendering resolution (default 96)\n"
	      "  --pixel-tol N    a page may have up to N differing pixels (default 0)\n"
	      "  --channel-tol N  a pixel differs when a colour channel moves by more than N\n"
	      "                   of 255 (default 1)\n"
	      "  --out DIR        write pN-golden.png, pN-new.png, pN-diff.png and pN-sbs.png\n"
	      "                   for each differing page into DIR\n"
	      "  --fonts DIR      every font of NEW must also be one of the fonts in DIR or one\n"
	      "                   GOLDEN has too\n"
	      "  --label NAME     start every report line with 'NAME: '\n"
	      "  --strict         files whose bytes differ are different, even if they look the same\n",
	      f);
}

/* A whole number in [lo, hi], or -1. */
static long parse_count(const char *v, long lo, long hi)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < lo || n > hi)
		return -1;
	return n;
}

int cmd_diff(int argc, char **argv)
{
	static const char *const value_options[] = {"--dpi", "--pixel-tol", "--channel-tol", "--out", "--fonts", "--label", NULL};
	pdfdiff_opts o;
	pdfdiff_opts_init(&o);
	const char *files[2];
	int nfiles = 0;
	cmdline args = {"mkbrief diff", argc, argv, 0, 0, 0};
	for (const char *a; (a = cmdline_next(&args));) {
		if (args.operands) {
			if (nfiles == 2)
				return diag_usage_error("mkbrief diff", "more than two files given", a);
			files[nfiles++] = a;
		} else if (strcmp(a, "--strict") == 0) {
			o.strict = 1;
		} else if (str_in(a, value_options)) {
			const char *v = cmdline_value(&args, a);
			if (!v)
				return 2;
			if (strcmp(a, "--dpi") == 0) {
				long n = parse_count(v, 10, 1200);
				if (n < 0)
					return diag_usage_error("mkbrief diff", "--dpi takes a whole number from 10 to 1200", v);
				o.dpi = (double)n;
			} else if (strcmp(a, "--pixel-tol") == 0) {
				long n = parse_count(v, 0, 1000000000L);
				if (n < 0)
					return diag_usage_error("mkbrief diff", "--pixel-tol takes a whole number from 0", v);
				o.pixel_tol = n;
			} else if (strcmp(a, "--channel-tol") == 0) {
				long n = parse_count(v, 0, 255);
				if (n < 0)
					return diag_usage_error("mkbrief diff", "--channel-tol takes a whole number from 0 to 255", v);
				o.channel_tol = (int)n;
			} else if (strcmp(a, "--out") == 0) {
				o.out_dir = v;
			} else if (strcmp(a, "--fonts") == 0) {
				o.fonts_dir = v;
			} else {
				o.label = v;
			}
		} else if (a[0] == '-' && a[1]) {
			return diag_usage_error("mkbrief diff", "unknown option", a);
		} else if (nfiles == 2) {
			return diag_usage_error("mkbrief diff", "more than two files given", a);
		} else {
			files[nfiles++] = a;
		}
	}
	if (args.help) {
		diff_usage(stdout);
		return 0;
	}
	if (nfiles != 2)
		return diag_usage_error("mkbrief diff", "two PDF files needed", NULL);
	diag d;
	diag_init(&d, stderr);
	return pdfdiff_compare(files[0], files[1], &o, stdout, &d, NULL);
}
