/* find.c: STUB — `mkbrief find SOURCE.txt "words"`. */
#include <stdio.h>
#include "cli.h"
int cmd_find(int argc, char **argv) { (void)argc; (void)argv; fputs("mkbrief: error: find: not implemented\n", stderr); return 2; }
