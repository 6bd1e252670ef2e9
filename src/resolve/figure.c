/* figure.c: resolves a figure block: reads its image file (inside the brief's directory,
 * within FIGURE_MAX_BYTES), which typeset/image.c then checks and measures. */
#include <stdlib.h>

#include "base/util.h"
#include "load/figure.h"
#include "resolve/resolver.h"

void resolve_figure_block(resolver *R, block *bl)
{
	figure *f = bl->data;
	if (!f || !f->path || !resolver_may_read(R, "figure", f->file, f->path, f->file_at))
		return;
	const char *why;
	int got = file_read(f->path, FIGURE_MAX_BYTES, &f->bytes, &f->len, &why);
	if (got == FILE_TOO_LARGE)
		diag_error(R->d, f->file_at, "cannot read figure '%s': larger than the size limit (%u MiB)", f->file,
			   FIGURE_MAX_BYTES >> 20);
	else if (got != 0)
		diag_error(R->d, f->file_at, "cannot read figure '%s': %s", f->file, why);
}
