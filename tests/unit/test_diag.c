/* test_diag.c: diagnostics reach the terminal only as printable text, in the one visible
 * form diag.h documents, and a flood of warnings prints a few and a count. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "base/diag.h"

/* s[0, n) as diag_put_visible writes it (caller frees). */
static char *visible(const char *s, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag_put_visible(mem, s, n);
	fclose(mem);
	return buf;
}

static void expect_visible(const char *name, const char *s, size_t n, const char *want)
{
	char *got = visible(s, n);
	CHECK_STR(name, got, want);
	free(got);
}

static void test_visible(void)
{
	expect_visible("plain ASCII as is", "p3: a \\ b", 9, "p3: a \\ b");
	expect_visible("curly quotes and Cyrillic as they are", "\xE2\x80\x9C\xD0\x9C\xD0\x95\xE2\x80\x9D", 10,
		       "\xE2\x80\x9C\xD0\x9C\xD0\x95\xE2\x80\x9D");
	expect_visible("four-byte character as is", "\xF0\x9F\x98\x80", 4, "\xF0\x9F\x98\x80");
	expect_visible("ESC [ 2 J", "a\x1b[2Jb", 6, "a\\x1b[2Jb");
	expect_visible("line break, tab, CR", "a\nb\tc\r", 6, "a\\x0ab\\x09c\\x0d");
	expect_visible("NUL inside", "a\0b", 3, "a\\x00b");
	expect_visible("DEL", "\x7f", 1, "\\x7f");
	expect_visible("C1 controls", "\xC2\x80\xC2\x85\xC2\x9B\xC2\x9F", 8, "\\u0080\\u0085\\u009b\\u009f");
	expect_visible("U+00A0 is not C1", "\xC2\xA0", 2, "\xC2\xA0");
	expect_visible("invalid bytes", "caf\xE9 \xFF", 6, "caf\\xe9 \\xff");
	expect_visible("truncated sequence", "\xE2\x80", 2, "\\xe2\\x80");
	expect_visible("overlong encoding", "\xC0\xAF", 2, "\\xc0\\xaf");
	expect_visible("surrogate", "\xED\xA0\x80", 3, "\\xed\\xa0\\x80");
	expect_visible("empty", "", 0, "");
}

/* Runs one diagnostic into memory; returns what was printed (caller frees). */
static char *one_error(loc at, const char *msg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, mem);
	diag_error(&d, at, "%s", msg);
	fclose(mem);
	return buf;
}

static void test_messages(void)
{
	char *got = one_error(loc_at("a\nb.yaml", 3, 4), "quote '\x1b]0;title\x07' not found");
	CHECK_STR("file name and message escaped, one line", got,
		  "a\\x0ab.yaml:3:4: error: quote '\\x1b]0;title\\x07' not found\n");
	free(got);
	got = one_error(loc_at("\xFF.txt", 0, 0), "line one\nline two");
	CHECK_STR("invalid file name, line break in message", got, "\\xff.txt: error: line one\\x0aline two\n");
	free(got);
	got = one_error(loc_none(), "\xC2\x9B" "31m");
	CHECK_STR("no file: mkbrief prefix", got, "mkbrief: error: \\u009b31m\n");
	free(got);
}

/* n warnings, each with a note, then an error with a note, then diag_finish twice;
 * returns what was printed (caller frees). */
static char *warnings_run(int n, int quiet, int errors_first)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	diag d;
	diag_init(&d, mem);
	d.quiet = quiet;
	for (int i = 0; i < errors_first; i++)
		diag_error(&d, loc_at("b.yaml", i + 1, 1), "e%d", i + 1);
	for (int i = 0; i < n; i++) {
		diag_warning(&d, loc_at("b.yaml", i + 1, 1), "w%d", i + 1);
		diag_note(&d, loc_at("a.txt", i + 1, 1), "n%d", i + 1);
	}
	if (!errors_first) {
		diag_error(&d, loc_at("b.yaml", 99, 1), "the error");
		diag_note(&d, loc_at("a.txt", 99, 1), "its note");
	}
	diag_finish(&d);
	diag_finish(&d);
	fclose(mem);
	return buf;
}

static void test_warning_cap(void)
{
	char *got = warnings_run(25, 0, 0);
	strbuf want = {0};
	for (int i = 1; i <= 20; i++)
		sb_printf(&want, "b.yaml:%d:1: warning: w%d\na.txt:%d:1: note: n%d\n", i, i, i, i);
	sb_puts(&want, "b.yaml:99:1: error: the error\na.txt:99:1: note: its note\n");
	sb_puts(&want, "mkbrief: warning: 5 more warnings not shown\n");
	CHECK_STR("20 warnings with their notes, the rest counted once at the end", got, want.data);
	free(got);
	sb_free(&want);

	got = warnings_run(21, 0, 0);
	CHECK("one hidden warning: singular", strstr(got, "\nmkbrief: warning: 1 more warning not shown\n") != NULL);
	CHECK("the 21st warning's note is dropped", strstr(got, "n21") == NULL);
	free(got);

	got = warnings_run(20, 0, 0);
	CHECK("20 warnings: no count", strstr(got, "not shown") == NULL && strstr(got, "w20") != NULL);
	free(got);

	got = warnings_run(25, 1, 0);
	CHECK_STR("-q: no warnings, no notes of warnings, no count", got,
		  "b.yaml:99:1: error: the error\na.txt:99:1: note: its note\n");
	free(got);

	got = warnings_run(3, 0, 21);
	CHECK("after too many errors: warnings counted, not shown",
	      strstr(got, "w1") == NULL && strstr(got, "n1") == NULL &&
		      strstr(got, "too many errors (20); stopping\nmkbrief: warning: 3 warnings not shown\n") != NULL);
	free(got);
}

int main(void)
{
	test_visible();
	test_messages();
	test_warning_cap();
	CHECK_DONE();
}
