/* layout_find.c: which file a layout name means, in the search path of layout_dirs
 * (base/datapath.h), and what to say when none: every layout of every directory. */
#include "load/layout_find.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/util.h"
#include "base/yaml_tree.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The layouts in dir: NAME for each dir/NAME.yaml, sorted; NULL-terminated. */
static char **list_layouts(const char *dir)
{
	char **names = xcalloc(1, sizeof *names);
	size_t n = 0;
	DIR *dp = opendir(dir);
	if (!dp)
		return names;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!ends_with(de->d_name, ".yaml") || de->d_name[0] == '.' || strlen(de->d_name) <= 5)
			continue;
		/* a link to nothing (or a loop of links) is no layout: neither listed nor offered */
		char *path = xasprintf("%s/%s", dir, de->d_name);
		struct stat st;
		int file = stat(path, &st) == 0 && S_ISREG(st.st_mode);
		free(path);
		if (!file)
			continue;
		names = xrealloc(names, (n + 2) * sizeof *names);
		names[n++] = xstrndup(de->d_name, strlen(de->d_name) - 5);
		names[n] = NULL;
	}
	closedir(dp);
	if (n > 1) /* qsort may not be given NULL, even for no elements */
		qsort(names, n, sizeof *names, cmp_str);
	return names;
}

static void free_names(char **names)
{
	for (size_t i = 0; names[i]; i++)
		free(names[i]);
	free(names);
}

static void unknown_layout(const char *name, const char *const *dirs, loc at, diag *d)
{
	/* every layout of every directory is a candidate for "did you mean" */
	char **all = xcalloc(1, sizeof *all);
	size_t n = 0;
	for (size_t k = 0; dirs[k]; k++) {
		char **names = list_layouts(dirs[k]);
		for (size_t i = 0; names[i]; i++) {
			all = xrealloc(all, (n + 2) * sizeof *all);
			all[n++] = xstrdup(names[i]);
			all[n] = NULL;
		}
		free_names(names);
	}
	const char *near = nearest_word(name, (const char *const *)all);
	if (near)
		diag_error(d, at, "unknown layout '%s'; did you mean '%s'?", name, near);
	else
		diag_error(d, at, "unknown layout '%s'", name);
	free_names(all);
	/* where layouts are; the places of the search path that hold none are named only
	 * when no place holds any */
	strbuf empty = {0};
	int any = 0;
	for (size_t k = 0; dirs[k]; k++) {
		char **names = list_layouts(dirs[k]);
		if (names[0]) {
			strbuf sb = {0};
			for (size_t i = 0; names[i]; i++)
				sb_printf(&sb, "%s%s", i ? ", " : "", names[i]);
			diag_note(d, at, "available layouts (in %s): %s", dirs[k], sb.data);
			sb_free(&sb);
			any = 1;
		} else {
			sb_printf(&empty, "%s%s", empty.len ? ", " : "", dirs[k]);
		}
		free_names(names);
	}
	if (!any && empty.len)
		diag_note(d, at, "there are no layouts in %s", empty.data);
	sb_free(&empty);
}

void style_list_layouts(const char *const *dirs, FILE *out)
{
	for (size_t k = 0; dirs[k]; k++) {
		char **names = list_layouts(dirs[k]);
		for (size_t i = 0; names[i]; i++) {
			/* the first directory holding a name is the one used; later ones are hidden */
			const char *used = NULL;
			for (size_t j = 0; j < k && !used; j++) {
				char *p = xasprintf("%s/%s.yaml", dirs[j], names[i]);
				if (access(p, F_OK) == 0)
					used = dirs[j];
				free(p);
			}
			/* names and paths as diagnostics show them: a file name with an escape
			 * sequence in it must not clear or recolour the terminal */
			char *line = used ? xasprintf("%-16s %s/%s.yaml (hidden by %s)", names[i], dirs[k], names[i], used)
					  : xasprintf("%-16s %s/%s.yaml", names[i], dirs[k], names[i]);
			diag_put_visible(out, line, strlen(line));
			fputc('\n', out);
			free(line);
		}
		free_names(names);
	}
}

int style_plain_name(const char *name)
{
	if (!*name || name[0] == '.')
		return 0;
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
			return 0;
	return strstr(name, "..") == NULL;
}

char *layout_brief_name(const char *name, const char *brief_path)
{
	size_t n = strlen(name);
	if (ends_with(name, ".yaml") && n > 5) {
		char *stem = xstrndup(name, n - 5);
		if (style_plain_name(stem)) {
			char *dir = path_dirname(brief_path ? brief_path : "./brief.yaml");
			char *beside = path_join(dir, name);
			free(dir);
			struct stat st;
			if (stat(beside, &st) == 0 && S_ISREG(st.st_mode)) {
				free(stem);
				return beside;
			}
			free(beside);
			return stem;
		}
		free(stem);
	}
	return xstrdup(name);
}

char *layout_find(const char *name, const char *const *layout_dirs, loc at, diag *d)
{
	char *path = NULL;
	if (ends_with(name, ".yaml") && strlen(name) > 5) {
		/* an explicit file, e.g. --layout my/own.yaml */
		path = xstrdup(name);
	} else if (!style_plain_name(name)) {
		diag_error(d, at, "layout name '%s' must be a plain name (a file in layouts/)", name);
		return NULL;
	} else {
		for (size_t k = 0; layout_dirs[k] && !path; k++) {
			path = xasprintf("%s/%s.yaml", layout_dirs[k], name);
			struct stat lst;
			int why = access(path, F_OK) == 0 ? 0 : errno;
			if (why && why != ENOENT && lstat(path, &lst) == 0) {
				/* a link in a loop (or one not to be followed) is this layout, unreadable:
				 * "unknown layout" would send the reader looking elsewhere; one to a file
				 * gone is no layout (the next directory's may be the one) */
				diag_error(d, at, "layout '%s' is %s, which cannot be read: %s", name, path, strerror(why));
				free(path);
				return NULL;
			}
			if (why) {
				free(path);
				path = NULL;
			}
		}
		if (!path)
			unknown_layout(name, layout_dirs, at, d);
	}
	return path;
}
