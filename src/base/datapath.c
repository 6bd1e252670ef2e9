/* datapath.c: finding the data directory and the layout search path, so that a copied
 * or installed binary works without the tree it was built in. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/datapath.h"

#include "base/util.h"

static int has_layouts(const char *dir)
{
	char *probe = xasprintf("%s/layouts/handout.yaml", dir);
	int ok = access(probe, R_OK) == 0;
	free(probe);
	return ok;
}

char *data_dir(void)
{
	const char *env = getenv("MKBRIEF_DATA");
	if (env && *env)
		return xstrdup(env);
	char *bin = exe_dir();
	if (bin) {
		/* installed: PREFIX/bin/mkbrief and PREFIX/share/mkbrief, wherever PREFIX was moved */
		char *share = xasprintf("%s/../share/mkbrief", bin);
		if (has_layouts(share)) {
			char *abs = path_absolute(share);
			free(share);
			free(bin);
			return abs;
		}
		free(share);
		/* built: build/mkbrief, build/asan/mkbrief, build/asan/tests/replay_x sit below the source tree */
		for (int up = 0; up < 4; up++) {
			if (has_layouts(bin))
				return bin;
			char *parent = path_dirname(bin);
			free(bin);
			bin = parent;
		}
		free(bin);
	}
	return xstrdup(MKBRIEF_DATADIR);
}

/* the same directory reached two ways (layouts and /abs/layouts, a link) is searched once */
static int same_dir(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return strcmp(a, b) == 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void add_dir(GPtrArray *dirs, char *dir)
{
	for (guint i = 0; i < dirs->len; i++)
		if (same_dir(g_ptr_array_index(dirs, i), dir)) {
			g_free(dir);
			return;
		}
	g_ptr_array_add(dirs, dir);
}

char **layout_dirs(const char *brief_path, const char *data)
{
	GPtrArray *dirs = g_ptr_array_new();
	char *brief_dir = brief_path ? path_dirname(brief_path) : xstrdup(".");
	char *beside = path_join(brief_dir, "layouts");
	free(brief_dir);
	add_dir(dirs, g_strdup(beside));
	free(beside);
	/* XDG: a relative XDG_DATA_HOME is invalid and is to be ignored */
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		add_dir(dirs, g_strdup_printf("%s/mkbrief/layouts", xdg));
	else if (home && home[0] == '/')
		add_dir(dirs, g_strdup_printf("%s/.local/share/mkbrief/layouts", home));
	add_dir(dirs, g_strdup_printf("%s/layouts", data));
	g_ptr_array_add(dirs, NULL);
	return (char **)g_ptr_array_free(dirs, FALSE);
}
