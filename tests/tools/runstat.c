/* runstat.c: runs a command and writes "STATUS WALL_MS PEAK_RSS_KIB" to the file given by -o,
 * so that shell tests can bound the time and memory of one mkbrief run without GNU time.
 * The command's stdin, stdout and stderr are the caller's; -t SECONDS kills it (SIGKILL) when
 * it runs too long, and the status is then 124, as timeout(1) says. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	int limit_s = 60, i = 1;
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (strcmp(argv[i], "-o") == 0)
			out = argv[i + 1];
		else if (strcmp(argv[i], "-t") == 0)
			limit_s = atoi(argv[i + 1]);
		else
			break;
	}
	if (!out || i >= argc || limit_s < 1) {
		fputs("usage: runstat -o FILE [-t SECONDS] COMMAND [ARGS...]\n", stderr);
		return 2;
	}
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("runstat: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[i], argv + i);
		_exit(127);
	}
	int status = 0, killed = 0;
	struct rusage ru;
	for (;;) {
		pid_t w = wait4(pid, &status, WNOHANG, &ru);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			perror("runstat: wait4");
			return 2;
		}
		if (!killed && now_ms() - t0 > limit_s * 1e3) {
			kill(pid, SIGKILL);
			killed = 1;
		}
		usleep(2000);
	}
	double wall = now_ms() - t0;
	int code = killed ? 124 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	FILE *f = fopen(out, "w");
	if (!f) {
		perror(out);
		return 2;
	}
	fprintf(f, "%d %.0f %ld\n", code, wall, ru.ru_maxrss);
	fclose(f);
	return 0;
}
