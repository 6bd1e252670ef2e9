/* fuzz_layout.c: libFuzzer target for the layout loader (style_load on a temporary file,
 * as --layout FILE.yaml reads it). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "load/style.h"
#include "base/yaml_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > YTREE_MAX_BYTES)
		return 0;
	char path[64];
	snprintf(path, sizeof path, "/tmp/mkbrief-fuzz-layout-%ld.yaml", (long)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size)
		fwrite(data, 1, size, f);
	fclose(f);
	FILE *null = fopen("/dev/null", "w");
	diag d;
	diag_init(&d, null);
	static const char *const dirs[] = {"layouts", NULL};
	style *s = style_load(path, dirs, loc_none(), &d);
	if (s) {
		/* what the loader accepts the typesetter trusts: a page with room for text */
		double tw = s->page_w - s->margin_left - s->margin_right;
		double th = s->page_h - s->margin_top - s->margin_bottom;
		if (!(tw >= 72 && th >= 72) || s->columns < 1 || s->columns > 6 || !(s->body.size > 0) ||
		    !(s->body.leading >= s->body.size))
			__builtin_trap();
	}
	style_free(s);
	fclose(null);
	unlink(path);
	return 0;
}
