/* layout_find.h: a layout's name → its file, along the layout search path. */
#ifndef MKBRIEF_LAYOUT_FIND_H
#define MKBRIEF_LAYOUT_FIND_H
#include <stdio.h>

#include "base/diag.h"

/* 1 if name is a plain layout name, a file in layouts/ without its .yaml: letters, digits,
 * '-', '_' and '.', not starting with '.' and without "..", so that it names no other
 * directory. */
int style_plain_name(const char *name);
/* NAME.yaml in the first of layout_dirs (NULL-terminated) that has it, or name itself when
 * it ends in .yaml (a file named with --layout). NULL after reporting an unknown layout (with
 * "did you mean" and every directory's layouts) or a name that is not plain. Caller frees. */
char *layout_find(const char *name, const char *const *layout_dirs, loc at, diag *d);
/* What a brief's layout: names, for layout_find: "mine.yaml" is the file beside the brief
 * when there is one, else the layout "mine" of layout_dirs (as a file name it was read from
 * whatever directory mkbrief ran in, and a brief reads no file outside its own directory).
 * Caller frees. */
char *layout_brief_name(const char *name, const char *brief_path);
/* --list-layouts: each layout found in layout_dirs, with its file, in search order. */
void style_list_layouts(const char *const *layout_dirs, FILE *out);

#endif
