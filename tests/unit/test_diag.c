/* test_diag.c: diagnostics reach the terminal only as printable text, in the one visible
 * form diag.h documents. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"

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

int main(void)
{
	test_visible();
	test_messages();
	CHECK_DONE();
}
