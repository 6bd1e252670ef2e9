/* diff_main.c: the mkbrief-diff program, which `mkbrief diff` runs. PDF comparison needs
 * poppler, and poppler brings 20 shared libraries that would cost every typesetting run
 * ~18 ms and 5 MiB just to load; so it lives in its own binary beside mkbrief. */
#include <signal.h>

#include "tools/tools.h"

int main(int argc, char **argv)
{
	signal(SIGXFSZ, SIG_IGN);
	return cmd_diff(argc, argv);
}
