/* fuzz_article.c: libFuzzer target for the source article parser. */
#include <stdint.h>
#include <stdio.h>

#include "load/article.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > ARTICLE_MAX_BYTES)
		return 0;
	FILE *null = fopen("/dev/null", "w");
	diag d;
	diag_init(&d, null);
	article *a = article_parse((const char *)data, size, "fuzz/article.txt", &d);
	if (a) {
		/* every range the parser hands out must lie inside the text, in order: the
		 * matcher and the typesetter index the text with them unchecked */
		for (size_t i = 0; i < a->nparas; i++) {
			const art_para *p = &a->paras[i];
			if (p->r.start > p->r.end || p->r.end > a->len)
				__builtin_trap();
			for (size_t j = 0; j < p->nsents; j++)
				if (p->sents[j].start < p->r.start || p->sents[j].start > p->sents[j].end ||
				    p->sents[j].end > p->r.end)
					__builtin_trap();
		}
	}
	article_free(a);
	fclose(null);
	return 0;
}
