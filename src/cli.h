/* cli.h: the options of `mkbrief BRIEF.yaml`, which main.c reads and build.c runs. */
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
#endif
