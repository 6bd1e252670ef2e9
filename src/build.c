/* build.c: `mkbrief BRIEF.yaml`: runs the pipeline load → resolve → lay out → render. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief.h"
#include "cli.h"
#include "diag.h"
#include "util.h"

char *data_dir(void)
{
	const char *env = getenv("MKBRIEF_DATA");
	if (env && *env)
		return xstrdup(env);
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *bin = path_dirname(exe);
		/* build/mkbrief and build/asan/mkbrief both sit below the source tree */
		for (int up = 0; up < 3; up++) {
			char *probe = xasprintf("%s/layouts/handout.yaml", bin);
			int ok = access(probe, R_OK) == 0;
			free(probe);
			if (ok)
				return bin;
			char *parent = path_dirname(bin);
			free(bin);
			bin = parent;
		}
		free(bin);
	}
	return xstrdup(MKBRIEF_DATADIR);
}

int cmd_build(const cli_options *o)
{
	diag d;
	diag_init(&d, stderr);
	d.quiet = o->quiet;
	brief *b = brief_load(o->brief, &d);
	if (!b)
		return 1;
	if (brief_resolve(b, &d) != 0) {
		brief_free(b);
		return 1;
	}
	brief_free(b);
	return d.errors ? 1 : 0;
}
