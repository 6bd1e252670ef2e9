/* replay.c: runs a libFuzzer target's entry point on files, without libFuzzer, so that
 * `make check` (and check-asan, check-valgrind) replays every crash ever found and the seed
 * inputs through the same checks the fuzzer makes. Arguments are files or directories. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 1;
	}
	size_t cap = 4096, len = 0;
	uint8_t *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			uint8_t *bigger = realloc(buf, cap *= 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
			}
			buf = bigger;
		}
	}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "%s: out of memory\n", path);
		return 1;
	}
	LLVMFuzzerTestOneInput(buf, len);
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
		char **more = realloc(names, (nn + 1) * sizeof *names);
		if (!more)
			break;
		names = more;
		size_t l = strlen(path) + strlen(e->d_name) + 2;
		names[nn] = malloc(l);
		if (!names[nn])
			break;
		snprintf(names[nn++], l, "%s/%s", path, e->d_name);
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
