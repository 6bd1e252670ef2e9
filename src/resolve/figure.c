/* figure.c: resolves a figure block: reads its image file (inside the brief's directory,
 * within FIGURE_MAX_BYTES, and all figure files within FIGURE_MAX_TOTAL_BYTES), which
 * typeset/image.c then checks and measures. A file several figures name is read once. */
#include <stdlib.h>
#include <sys/stat.h>

#include "base/util.h"
#include "load/figure.h"
#include "resolve/resolver.h"

/* The earlier figure that read the file st is, or NULL. */
static const figure *figure_read_before(const resolver *R, const struct stat *st)
{
	for (size_t i = 0; i < R->nfigure_files; i++)
		if (R->figure_files[i].dev == st->st_dev && R->figure_files[i].ino == st->st_ino)
			return R->figure_files[i].fig;
	return NULL;
}

void resolve_figure_block(resolver *R, block *bl)
{
	figure *f = bl->data;
	if (!f || !f->path || !resolver_may_read(R, "figure", f->file, f->path, f->file_at))
		return;
	struct stat st;
	int known = stat(f->path, &st) == 0 && S_ISREG(st.st_mode);
	if (known) {
		const figure *first = figure_read_before(R, &st);
		if (first) {
			/* its path too: layout/figure.c decodes each path once */
			f->bytes = first->bytes;
			f->len = first->len;
			f->path = first->path;
			f->bytes_shared = 1;
			return;
		}
		if (R->figure_bytes > FIGURE_MAX_TOTAL_BYTES)
			return; /* said at the first figure past the limit */
		if ((size_t)st.st_size <= FIGURE_MAX_BYTES && (size_t)st.st_size > FIGURE_MAX_TOTAL_BYTES - R->figure_bytes) {
			diag_error(R->d, f->file_at,
				   "the figure files together are larger than %u MiB; this one and those after it are not read",
				   FIGURE_MAX_TOTAL_BYTES >> 20);
			R->figure_bytes = FIGURE_MAX_TOTAL_BYTES + 1;
			return;
		}
	}
	const char *why;
	int got = file_read(f->path, FIGURE_MAX_BYTES, &f->bytes, &f->len, &why);
	if (got == FILE_TOO_LARGE) {
		diag_error(R->d, f->file_at, "cannot read figure '%s': larger than the size limit (%u MiB)", f->file,
			   FIGURE_MAX_BYTES >> 20);
	} else if (got != 0) {
		diag_error(R->d, f->file_at, "cannot read figure '%s': %s", f->file, why);
		diag_note_nearest_file(R->d, f->file_at, f->path, f->file);
	} else if (known) {
		R->figure_bytes += f->len;
		R->figure_files = xrealloc(R->figure_files, (R->nfigure_files + 1) * sizeof *R->figure_files);
		R->figure_files[R->nfigure_files++] = (struct figure_file){st.st_dev, st.st_ino, f};
	}
}
