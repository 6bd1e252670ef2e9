/* cli.h: the commands main.c dispatches to. */
#ifndef MKBRIEF_CLI_H
#define MKBRIEF_CLI_H

typedef struct cli_options {
	const char *brief;
	const char *output;   /* NULL: brief's base name + extension, in the current directory */
	const char *layout;   /* --layout, overrides the brief */
	const char *format;   /* pdf, png, svg, ps */
	const char *fonts_dir;
	const char *root;     /* --root: sources may lie anywhere under it (default: the brief's dir) */
	int dpi;
	int check, quiet, dump;
} cli_options;

/* mkbrief [options] BRIEF.yaml; returns the exit status (0, 1 input errors). */
int cmd_build(const cli_options *o);
/* mkbrief find SOURCE.txt "words": argv[0] is "find". */
int cmd_find(int argc, char **argv);
/* mkbrief diff [options] A.pdf B.pdf: argv[0] is "diff"; 0 same, 1 different, 2 error. */
int cmd_diff(int argc, char **argv);
/* Where layouts/ and fonts/ live: $MKBRIEF_DATA, else beside the binary's parent
 * directory (build/mkbrief → .), else the source tree it was built from. Caller frees. */
char *data_dir(void);

#endif
