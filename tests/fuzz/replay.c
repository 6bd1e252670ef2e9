/* replay.c: runs a libFuzzer target's entry point on files, without libFuzzer, so that
 * `make check` (and check-asan, check-valgrind) replays every crash ever found and the seed
 * inputs through the same checks the fuzzer makes. Arguments are files or directories. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	char *buf;
	size_t len;
	const char *why;
	if (file_read(path, (size_t)64 << 20, &buf, &len, &why) != 0) {
		fprintf(stderr, "%s: %s\n", path, why);
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay(const char *path, int *count)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		++*count;
		return replay_file(path);
	}
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		return 1;
	}
	char **names = NULL;
	size_t nn = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (nn + 1) * sizeof *names);
		names[nn++] = path_join(path, e->d_name);
	}
	closedir(d);
	if (nn > 1) /* qsort may not be given NULL, even for nothing */
		qsort(names, nn, sizeof *names, cmp);
	int bad = 0;
	for (size_t i = 0; i < nn; i++) {
		bad |= replay(names[i], count);
		free(names[i]);
	}
	free(names);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0, count = 0;
	for (int i = 1; i < argc; i++)
		bad |= replay(argv[i], &count);
	printf("%d inputs replayed\n", count);
	return bad;
}
