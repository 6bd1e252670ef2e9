/* fuzz_brief.c: libFuzzer target for the brief loader (YAML tree + brief validation). */
#include <stdint.h>
#include <stdio.h>

#include "load/brief.h"
#include "base/yaml_tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* brief_load rejects larger files before parsing; mirror that so the fuzzer does not
	 * spend its time on inputs the program never parses */
	if (size > YTREE_MAX_BYTES)
		return 0;
	/* messages are formatted (that code is fuzzed too) but thrown away */
	FILE *null = fopen("/dev/null", "w");
	diag d;
	diag_init(&d, null);
	brief *b = brief_parse((const char *)data, size, "fuzz/brief.yaml", &d);
	brief_free(b);
	fclose(null);
	return 0;
}
