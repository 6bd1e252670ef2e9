/* find.c: `mkbrief find SOURCE.txt "words"`: where words occur, as pN.S: sentence, so that
 * selectors and citations can be written quickly. */
#include <stdio.h>
#include <stdlib.h>

#include "load/article.h"
#include "tools/tools.h"
#include "base/diag.h"
#include "resolve/match.h"
#include "base/util.h"

/* Prints the sentences that [start, end) of paragraph para touches, unless the same were
 * printed just before (two matches in one sentence give one line). */
static void print_hit(const article *a, int para, size_t start, size_t end, long *last_p, size_t *last_s)
{
	const art_para *p = &a->paras[para];
	size_t s0 = article_sentence_of(p, start), s1 = article_sentence_of(p, end ? end - 1 : end);
	if (*last_p == para && *last_s == s0)
		return;
	*last_p = para;
	*last_s = s0;
	printf("p%d.%zu: ", para + 1, s0 + 1);
	/* one output line per hit: the line breaks inside a sentence become spaces, and any
	 * other control an article holds is shown, not sent to the terminal */
	strbuf sb = {0};
	for (size_t i = p->sents[s0].start; i < p->sents[s1].end; i++) {
		char c = a->text[i];
		sb_putc(&sb, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
	}
	diag_put_visible(stdout, sb.data, sb.len);
	sb_free(&sb);
	putchar('\n');
}

int cmd_find(int argc, char **argv)
{
	if (argc != 3) {
		fputs("mkbrief: error: usage: mkbrief find SOURCE.txt \"words\"\n", stderr);
		return 2;
	}
	diag d;
	diag_init(&d, stderr);
	article *a = article_load(argv[1], argv[1], loc_none(), &d);
	if (!a)
		return 1;
	matcher *m = matcher_new(a);
	match r;
	int status;
	if (match_text(m, argv[2], &r)) {
		long last_p = -1;
		size_t last_s = 0;
		print_hit(a, r.spans[0].para, r.spans[0].r.start, r.spans[r.nspans - 1].r.end, &last_p, &last_s);
		for (size_t i = 0; i < r.nothers; i++)
			print_hit(a, r.others[i].para, r.others[i].r.start, r.others[i].r.end, &last_p, &last_s);
		match_clear(&r);
		status = 0;
	} else {
		diag_error(&d, loc_at(a->display, 0, 0), "'%s' not found", argv[2]);
		match_explain(m, argv[2], &d);
		status = 1;
	}
	fflush(stdout);
	diag_finish(&d);
	matcher_free(m);
	article_free(a);
	return status;
}
