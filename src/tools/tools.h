/* tools.h: the commands beside typesetting that main.c dispatches to. Nothing else
 * includes tools/. */
#ifndef MKBRIEF_TOOLS_H
#define MKBRIEF_TOOLS_H

/* mkbrief find SOURCE.txt "words": argv[0] is "find". */
int cmd_find(int argc, char **argv);
/* mkbrief diff [options] A.pdf B.pdf: argv[0] is "diff"; 0 same, 1 different, 2 error. */
int cmd_diff(int argc, char **argv);

/* mkbrief new ARTICLE.txt...: a starter brief on standard output; argv[0] is "new". */
int cmd_new(int argc, char **argv);

/* mkbrief schema brief|layout: the JSON Schema on standard output; argv[0] is "schema". */
int cmd_schema(int argc, char **argv);

/* mkbrief pin BRIEF.yaml: writes each source's SHA-256 into the brief; argv[0] is "pin". */
int cmd_pin(int argc, char **argv);

#endif
