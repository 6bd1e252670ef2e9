/* batch.c: `mkbrief [-j N] A.yaml B.yaml ...`: builds several briefs, in one process or
 * in N worker processes, and prints each brief's diagnostics (and --dump-layout output)
 * whole, in the order the briefs were named. */
#define _GNU_SOURCE /* memfd_create */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "base/diag.h"
#include "base/util.h"

/* One process's share of a batch: briefs first, first + step, ...; the worst status. */
static int build_share(const cli_options *o, const char *const *briefs, size_t n, size_t first, size_t step)
{
	build_cache *cache = build_cache_new(0);
	int worst = 0;
	for (size_t i = first; i < n; i += step) {
		cli_options one = *o;
		one.brief = briefs[i];
		int rc = build_run(&one, cache, NULL);
		if (rc > worst)
			worst = rc;
	}
	build_cache_free(cache);
	return worst;
}

/* With -j, a worker's standard error and output go to two files of its own, which the
 * briefs of its share fill one after another; after each brief it tells the parent where
 * that brief's text ends. The parent copies each brief's text to its own standard error
 * and output when it and every brief named before it are done: a brief's messages come
 * out whole, never mixed with another's, and in argument order, so that a CI log is the
 * same from run to run (and the same as -j 1's). Shares are dealt round-robin, so the
 * workers move through the list together and the text of a quick brief waits at most
 * for the slow briefs named before it. The files are memory (memfd), or unlinked
 * temporary files where memfd is refused; nothing is held in the parent's memory. */
enum { ERR, OUT };

typedef struct report { /* through the pipe, after each brief: where its text ends */
	uint64_t brief;
	int64_t end[2];
} report;

typedef struct slot { /* a worker and the files it writes */
	pid_t pid;
	int file[2];      /* its standard error and standard output */
	int64_t done[2];  /* the text of the briefs reported so far ends here */
	size_t next;      /* the next brief of its share not reported yet */
} slot;

typedef struct span { /* a brief's text: [start, end) of its worker's files */
	int64_t start[2], end[2];
	int ready;
} span;

typedef struct batch {
	const char *const *briefs;
	size_t n, jobs;
	slot *slots;
	span *spans;
	size_t printed; /* briefs[0, printed) have been printed */
	int color;      /* the parent's --color=auto decision, for the workers' messages */
} batch;

static int capture_file(void)
{
	int fd = memfd_create("mkbrief-batch", MFD_CLOEXEC);
	if (fd >= 0)
		return fd;
	FILE *f = tmpfile(); /* kept open through a dup: fclose would close the fd */
	if (!f)
		return -1;
	fd = dup(fileno(f));
	fclose(f);
	return fd;
}

static int64_t file_size(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (int64_t)st.st_size : 0;
}

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Copies [start, end) of fd to the stream out. */
static void copy_out(int fd, int64_t start, int64_t end, FILE *out)
{
	char buf[65536];
	while (start < end) {
		size_t want = end - start < (int64_t)sizeof buf ? (size_t)(end - start) : sizeof buf;
		ssize_t r = pread(fd, buf, want, (off_t)start);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return;
		fwrite(buf, 1, (size_t)r, out);
		start += r;
	}
}

/* Prints every brief that is done and has no brief before it still building. */
static void print_ready(batch *bt)
{
	while (bt->printed < bt->n && bt->spans[bt->printed].ready) {
		const span *sp = &bt->spans[bt->printed];
		const slot *s = &bt->slots[bt->printed % bt->jobs];
		copy_out(s->file[OUT], sp->start[OUT], sp->end[OUT], stdout);
		fflush(stdout);
		copy_out(s->file[ERR], sp->start[ERR], sp->end[ERR], stderr);
		fflush(stderr);
		bt->printed++;
	}
}

/* Brief i's text ends at end[] in its worker's files. */
static void take(batch *bt, size_t i, const int64_t end[2])
{
	slot *s = &bt->slots[i % bt->jobs];
	span *sp = &bt->spans[i];
	for (int f = ERR; f <= OUT; f++) {
		sp->start[f] = s->done[f];
		sp->end[f] = end[f] >= s->done[f] ? end[f] : s->done[f];
		s->done[f] = sp->end[f];
	}
	sp->ready = 1;
	s->next = i + bt->jobs;
}

/* Builds share k with this process's standard error and output in the slot's files;
 * reports each brief through the pipe (a worker) or takes it at once (report_fd < 0). */
static int build_captured(const cli_options *o, batch *bt, size_t k, int report_fd)
{
	slot *s = &bt->slots[k];
	build_cache *cache = build_cache_new(0);
	int worst = 0;
	for (size_t i = k; i < bt->n; i += bt->jobs) {
		cli_options one = *o;
		one.brief = bt->briefs[i];
		int rc = build_run(&one, cache, NULL);
		if (rc > worst)
			worst = rc;
		fflush(stdout);
		fflush(stderr);
		report r = {.brief = i, .end = {file_size(s->file[ERR]), file_size(s->file[OUT])}};
		if (report_fd < 0)
			take(bt, i, r.end);
		else if (write_all(report_fd, &r, sizeof r) != 0)
			break;
	}
	build_cache_free(cache);
	return worst;
}

/* Points standard error and output at slot k's files; saved[] keeps the old ones when
 * not NULL. */
static int redirect(const batch *bt, size_t k, int saved[2])
{
	fflush(stdout);
	fflush(stderr);
	if (saved && ((saved[ERR] = dup(2)) < 0 || (saved[OUT] = dup(1)) < 0))
		return -1;
	return dup2(bt->slots[k].file[ERR], 2) < 0 || dup2(bt->slots[k].file[OUT], 1) < 0 ? -1 : 0;
}

/* A share no worker could be started for is built here, captured the same way (or, if
 * standard error cannot be moved, printed as it comes: still whole, since nothing else
 * prints until it is done). */
static int build_here(const cli_options *o, batch *bt, size_t k)
{
	int saved[2] = {-1, -1};
	int rc = redirect(bt, k, saved) == 0 ? build_captured(o, bt, k, -1) : -1;
	for (int f = ERR; f <= OUT; f++)
		if (saved[f] >= 0) {
			dup2(saved[f], f == ERR ? 2 : 1);
			close(saved[f]);
		}
	if (rc < 0) {
		rc = build_share(o, bt->briefs, bt->n, k, bt->jobs);
		for (size_t i = k; i < bt->n; i += bt->jobs)
			take(bt, i, bt->slots[k].done); /* nothing captured */
	}
	return rc;
}

/* Worker k ended (status st) before reporting every brief of its share: the brief it was
 * building keeps what it printed, and it and the rest of the share are said not built. */
static void worker_lost(batch *bt, size_t k, int st)
{
	slot *s = &bt->slots[k];
	if (s->next >= bt->n)
		return;
	FILE *f = fdopen(dup(s->file[ERR]), "a");
	size_t first = s->next;
	for (size_t i = first; i < bt->n; i += bt->jobs) {
		if (f) {
			diag d;
			diag_init(&d, f);
			d.color = bt->color;
			loc at = loc_at(bt->briefs[i], 0, 0);
			if (i != first)
				diag_error(&d, at, "not built: the process that was to build it had ended");
			else if (WIFSIGNALED(st))
				diag_error(&d, at, "the process building it ended on signal %d (%s)", WTERMSIG(st),
					   strsignal(WTERMSIG(st)));
			else
				diag_error(&d, at, "the process building it ended with status %d",
					   WIFEXITED(st) ? WEXITSTATUS(st) : -1);
			fflush(f);
		}
		int64_t end[2] = {file_size(s->file[ERR]), file_size(s->file[OUT])};
		take(bt, i, end);
	}
	if (f)
		fclose(f);
}

/* Reads the workers' reports until every worker has ended, printing as briefs are done. */
static void collect(batch *bt, int report_fd)
{
	for (;;) {
		report r;
		size_t got = 0;
		while (got < sizeof r) {
			ssize_t n = read(report_fd, (char *)&r + got, sizeof r - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				return;
			got += (size_t)n;
		}
		if (r.brief < bt->n && bt->slots[r.brief % bt->jobs].next == r.brief) {
			take(bt, (size_t)r.brief, r.end);
			print_ready(bt);
		}
	}
}

/* Starts worker k; -1 when no process could be made. */
static int start_worker(const cli_options *o, batch *bt, size_t k, const int pipe_fds[2])
{
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid != 0) {
		bt->slots[k].pid = pid > 0 ? pid : 0;
		return pid > 0 ? 0 : -1;
	}
	/* a worker ends with its parent (killed, interrupted): it never goes on to write
	 * PDFs for a run that has been stopped; its own handler removes the temporary file
	 * it was writing */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != parent)
		_exit(1);
	close(pipe_fds[0]);
	if (redirect(bt, k, NULL) != 0)
		_exit(1);
	_exit(build_captured(o, bt, k, pipe_fds[1]));
}

/* Makes the slots' files; -1 when one cannot be made (the caller builds in one process). */
static int open_slots(batch *bt)
{
	for (size_t k = 0; k < bt->jobs; k++) {
		slot *s = &bt->slots[k];
		s->next = k;
		for (int f = ERR; f <= OUT; f++)
			if ((s->file[f] = capture_file()) < 0)
				return -1;
	}
	return 0;
}

static void close_slots(batch *bt)
{
	for (size_t k = 0; k < bt->jobs; k++)
		for (int f = ERR; f <= OUT; f++)
			if (bt->slots[k].file[f] >= 0)
				close(bt->slots[k].file[f]);
}

/* The workers are started, any share without one is built here, then every worker's
 * reports are read and its end awaited; the worst status. */
static int run_batch(const cli_options *o, batch *bt, int pipe_fds[2])
{
	fflush(NULL);
	int worst = 0;
	for (size_t k = 0; k < bt->jobs; k++)
		start_worker(o, bt, k, pipe_fds);
	close(pipe_fds[1]);
	for (size_t k = 0; k < bt->jobs; k++) {
		if (bt->slots[k].pid)
			continue;
		/* no more processes: this one builds the share itself */
		int rc = build_here(o, bt, k);
		if (rc > worst)
			worst = rc;
	}
	collect(bt, pipe_fds[0]);
	close(pipe_fds[0]);
	for (size_t k = 0; k < bt->jobs; k++) {
		int st;
		if (!bt->slots[k].pid || waitpid(bt->slots[k].pid, &st, 0) != bt->slots[k].pid)
			continue;
		int rc = WIFEXITED(st) ? WEXITSTATUS(st) : 1;
		if (rc > worst)
			worst = rc;
		worker_lost(bt, k, st);
	}
	print_ready(bt);
	return worst;
}

int cmd_build_many(const cli_options *o, const char *const *briefs, size_t n, int jobs)
{
	if (jobs <= 1 || n < 2)
		return build_share(o, briefs, n, 0, 1);
	batch bt = {.briefs = briefs, .n = n, .jobs = (size_t)jobs < n ? (size_t)jobs : n};
	bt.slots = xcalloc(bt.jobs, sizeof *bt.slots);
	for (size_t k = 0; k < bt.jobs; k++)
		bt.slots[k].file[ERR] = bt.slots[k].file[OUT] = -1;
	bt.spans = xcalloc(n, sizeof *bt.spans);
	/* the workers' messages are coloured as this process's would be */
	cli_options shared = *o;
	if (shared.color < 0)
		shared.color = diag_color_choice("auto", stderr);
	bt.color = shared.color;
	int pipe_fds[2];
	int rc;
	if (open_slots(&bt) != 0 || pipe(pipe_fds) != 0)
		rc = build_share(o, briefs, n, 0, 1); /* nowhere to capture: one at a time */
	else
		rc = run_batch(&shared, &bt, pipe_fds);
	close_slots(&bt);
	free(bt.spans);
	free(bt.slots);
	return rc;
}
