/* measure.c: runs a command several times and prints its median wall time, user+sys time
 * and peak RSS, measured with fork/exec/wait4 so that no shell or python is in the figures. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct run {
	double wall, cpu; /* seconds */
	long rss_kib;     /* ru_maxrss: peak resident set of the child */
} run;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One run; the child's stdout goes to /dev/null, its stderr to errpath (or /dev/null). */
static int run_once(char **argv, const char *errpath, run *r)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return -1;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_WRONLY);
		int err = errpath ? open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644) : nul;
		if (nul < 0 || err < 0)
			_exit(126);
		dup2(nul, 1);
		dup2(err, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("measure: wait4");
			return -1;
		}
	r->wall = now() - t0;
	r->cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
		 ru.ru_stime.tv_usec / 1e6;
	r->rss_kib = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "measure: %s failed (status %d)%s%s\n", argv[0],
			WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), errpath ? "; see " : "",
			errpath ? errpath : "");
		return -1;
	}
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void usage(void)
{
	fputs("usage: measure [-n RUNS] [-w WARMUP] [-e STDERR_FILE] -- COMMAND [ARGS...]\n"
	      "prints: median_wall_s min_wall_s max_wall_s median_cpu_s max_rss_kib\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	int runs = 5, warmup = 1, i = 1;
	const char *errpath = NULL;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "-n") == 0)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-w") == 0)
			warmup = atoi(argv[++i]);
		else if (strcmp(argv[i], "-e") == 0)
			errpath = argv[++i];
		else
			usage();
	}
	if (i + 1 >= argc || runs < 1 || runs > 1000 || warmup < 0)
		usage();
	char **cmd = argv + i + 1;
	run r;
	for (int w = 0; w < warmup; w++)
		if (run_once(cmd, errpath, &r) != 0)
			return 1;
	double *wall = calloc((size_t)runs, sizeof *wall), *cpu = calloc((size_t)runs, sizeof *cpu);
	if (!wall || !cpu)
		return 1;
	double lo = 1e30, hi = 0;
	long rss = 0;
	for (int k = 0; k < runs; k++) {
		if (run_once(cmd, errpath, &r) != 0) {
			free(wall);
			free(cpu);
			return 1;
		}
		wall[k] = r.wall;
		cpu[k] = r.cpu;
		lo = r.wall < lo ? r.wall : lo;
		hi = r.wall > hi ? r.wall : hi;
		rss = r.rss_kib > rss ? r.rss_kib : rss;
	}
	printf("%.4f %.4f %.4f %.4f %ld\n", median(wall, runs), lo, hi, median(cpu, runs), rss);
	free(wall);
	free(cpu);
	return 0;
}
