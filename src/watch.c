/* watch.c: `mkbrief watch BRIEF.yaml [options]`: builds, then builds again whenever the
 * brief, a source, a figure, the layout or a font changes, keeping the fonts, the shaped
 * words and the parsed articles between builds (build_cache). Directories are watched, not
 * files, so that an editor's save by write-and-rename is seen, and so is a file that
 * appears later. A failed build prints its errors and leaves the last output as it was. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/datapath.h"
#include "base/diag.h"
#include "base/util.h"
#include "cli.h"

#define DEBOUNCE_MS 80       /* an editor's save is several events: wait for them to stop */
#define DEBOUNCE_MAX_MS 1000 /* but not longer than this */

/* What one round watches: each directory once, and in it the names that matter (NULL
 * names: every file of the directory matters, as for the fonts). */
typedef struct watched_dir {
	int wd;
	char *dir;
	GPtrArray *names; /* NULL: any name */
	int fonts;        /* a change here means loading the fonts again */
} watched_dir;

typedef struct watcher {
	int fd;
	GPtrArray *dirs; /* watched_dir */
} watcher;

static void watched_dir_free(gpointer p)
{
	watched_dir *w = p;
	free(w->dir);
	if (w->names)
		g_ptr_array_free(w->names, TRUE);
	free(w);
}

static watched_dir *find_dir(watcher *W, const char *dir)
{
	for (guint i = 0; i < W->dirs->len; i++) {
		watched_dir *w = g_ptr_array_index(W->dirs, i);
		if (strcmp(w->dir, dir) == 0)
			return w;
	}
	return NULL;
}

/* Watches dir for name (NULL: any name). A directory that does not exist yet is watched
 * through its nearest existing ancestor, for the name of the next component down. */
static void watch_name(watcher *W, const char *dir_in, const char *name, int fonts)
{
	char *dir = xstrdup(dir_in && *dir_in ? dir_in : ".");
	char *want = name ? xstrdup(name) : NULL;
	for (int depth = 0; depth < 64; depth++) {
		watched_dir *w = find_dir(W, dir);
		if (w) {
			if (!want && !w->fonts) {
				if (w->names)
					g_ptr_array_free(w->names, TRUE);
				w->names = NULL;
			} else if (want && w->names) {
				g_ptr_array_add(w->names, g_strdup(want));
			}
			w->fonts |= fonts;
			break;
		}
		int wd = inotify_add_watch(W->fd, dir,
					   IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
						   IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR);
		if (wd >= 0) {
			w = xcalloc(1, sizeof *w);
			w->wd = wd;
			w->dir = xstrdup(dir);
			w->fonts = fonts;
			if (want) {
				w->names = g_ptr_array_new_with_free_func(g_free);
				g_ptr_array_add(w->names, g_strdup(want));
			}
			g_ptr_array_add(W->dirs, w);
			break;
		}
		if (errno != ENOENT && errno != ENOTDIR)
			break;
		/* not there yet: watch its parent for it */
		if (strcmp(dir, "/") == 0 || strcmp(dir, ".") == 0)
			break;
		char *parent = path_dirname(dir);
		free(want);
		want = xstrdup(path_basename(dir));
		free(dir);
		dir = parent;
		fonts = 0;
	}
	free(dir);
	free(want);
}

static void watch_path(watcher *W, const char *path)
{
	char *dir = path_dirname(path);
	watch_name(W, dir, path_basename(path), 0);
	free(dir);
}

static void watcher_close(watcher *W)
{
	if (W->fd >= 0)
		close(W->fd);
	W->fd = -1;
	if (W->dirs)
		g_ptr_array_free(W->dirs, TRUE);
	W->dirs = NULL;
}

static int watcher_open(watcher *W, const cli_options *o, GPtrArray *read)
{
	W->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (W->fd < 0)
		return -1;
	W->dirs = g_ptr_array_new_with_free_func(watched_dir_free);
	watch_path(W, o->brief);
	for (guint i = 0; i < read->len; i++) {
		const char *path = g_ptr_array_index(read, i);
		watch_path(W, path);
		/* a file reached through a link (articles -> ../library) changes where the link
		 * points, in a directory of its own */
		char *real = realpath(path, NULL);
		if (real && strcmp(real, path) != 0)
			watch_path(W, real);
		free(real);
	}
	/* a layout of the same name may appear earlier in the search path */
	char *data = data_dir();
	char **layouts = layout_dirs(o->brief, data);
	for (size_t i = 0; layouts[i]; i++)
		watch_name(W, layouts[i], NULL, 0);
	g_strfreev(layouts);
	char *fonts = path_join(data, "fonts");
	watch_name(W, fonts, NULL, 1);
	free(fonts);
	if (o->fonts_dir)
		watch_name(W, o->fonts_dir, NULL, 1);
	free(data);
	return 0;
}

/* Reads the pending events: 1 if one concerns a watched file, and sets *fonts when a font
 * directory changed. */
static int read_events(watcher *W, int *fonts)
{
	char buf[16 * (sizeof(struct inotify_event) + NAME_MAX + 1)] __attribute__((aligned(8)));
	int relevant = 0;
	for (;;) {
		ssize_t n = read(W->fd, buf, sizeof buf);
		if (n <= 0)
			return relevant;
		for (char *p = buf; p < buf + n;) {
			struct inotify_event *ev = (struct inotify_event *)p;
			p += sizeof *ev + ev->len;
			for (guint i = 0; i < W->dirs->len; i++) {
				watched_dir *w = g_ptr_array_index(W->dirs, i);
				if (w->wd != ev->wd)
					continue;
				if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_Q_OVERFLOW)) {
					relevant = 1;
				} else if (!w->names) {
					relevant = 1;
					*fonts |= w->fonts;
				} else if (ev->len) {
					for (guint k = 0; k < w->names->len; k++)
						if (strcmp(g_ptr_array_index(w->names, k), ev->name) == 0)
							relevant = 1;
				}
			}
			if (ev->mask & IN_Q_OVERFLOW)
				relevant = 1;
		}
	}
}

/* What a file was when a build began: a save during the build (its watcher is opened after
 * it, once the files it read are known) is then seen when the build ends. */
typedef struct stamp {
	char *path;
	int ok;
	struct stat st;
} stamp;

static void stamp_free(gpointer p)
{
	stamp *t = p;
	free(t->path);
	free(t);
}

/* The brief's and paths' stamps (paths: the files the build before read). */
static GPtrArray *stamps_take(const char *brief, GPtrArray *paths)
{
	GPtrArray *all = g_ptr_array_new_with_free_func(stamp_free);
	for (guint i = 0; i <= (paths ? paths->len : 0); i++) {
		stamp *t = xcalloc(1, sizeof *t);
		t->path = xstrdup(i == 0 ? brief : (const char *)g_ptr_array_index(paths, i - 1));
		t->ok = stat(t->path, &t->st) == 0;
		g_ptr_array_add(all, t);
	}
	return all;
}

static int stamps_changed(GPtrArray *stamps)
{
	for (guint i = 0; i < stamps->len; i++) {
		const stamp *t = g_ptr_array_index(stamps, i);
		struct stat now;
		int ok = stat(t->path, &now) == 0;
		if (ok != t->ok)
			return 1;
		if (ok && (now.st_ino != t->st.st_ino || now.st_size != t->st.st_size ||
			   now.st_mtim.tv_sec != t->st.st_mtim.tv_sec || now.st_mtim.tv_nsec != t->st.st_mtim.tv_nsec))
			return 1;
	}
	return 0;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Whether path is there and is no file (a directory, a device, a FIFO): it never becomes a
 * brief to build. */
static int never_a_brief(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

int cmd_watch(const cli_options *o)
{
	build_cache *cache = build_cache_new(1);
	GPtrArray *last_read = NULL;
	for (int round = 1;; round++) {
		GPtrArray *read = g_ptr_array_new_with_free_func(g_free);
		GPtrArray *stamps = stamps_take(o->brief, last_read);
		double t0 = now_ms();
		int rc = build_run(o, cache, read);
		double ms = now_ms() - t0;
		if (rc != 0 && never_a_brief(o->brief)) {
			/* its error, once: /dev/null changes whenever anything writes to it, and was
			 * built again several times a second */
			g_ptr_array_free(read, TRUE);
			g_ptr_array_free(stamps, TRUE);
			if (last_read)
				g_ptr_array_free(last_read, TRUE);
			build_cache_free(cache);
			return rc;
		}
		const char *what = o->check ? "checked" : o->dump ? "laid out" : "written";
		if (rc == 0)
			fprintf(stderr, "mkbrief watch: %s %s in %.0f ms (build %d); watching for changes\n", o->brief, what,
				ms, round);
		else
			fprintf(stderr, "mkbrief watch: %s has errors (build %d); the last output is kept; watching for changes\n",
				o->brief, round);
		fflush(stderr);
		fflush(stdout);
		watcher W = {-1, NULL};
		if (watcher_open(&W, o, read) != 0) {
			diag d;
			diag_init(&d, stderr);
			diag_error(&d, loc_none(), "cannot watch files: %s", strerror(errno));
			g_ptr_array_free(read, TRUE);
			g_ptr_array_free(stamps, TRUE);
			if (last_read)
				g_ptr_array_free(last_read, TRUE);
			build_cache_free(cache);
			return 1;
		}
		if (last_read)
			g_ptr_array_free(last_read, TRUE);
		last_read = read;
		int fonts = 0, changed = stamps_changed(stamps);
		g_ptr_array_free(stamps, TRUE);
		struct pollfd pfd = {W.fd, POLLIN, 0};
		while (!changed) {
			if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
				break;
			changed = read_events(&W, &fonts);
		}
		/* the rest of the save: until the watched files are quiet (other files of their
		 * directories, a log written every 50 ms, do not hold the build back), and at most
		 * DEBOUNCE_MAX_MS for a file written without end */
		double began = now_ms(), quiet_from = began;
		for (;;) {
			double now = now_ms(), left = DEBOUNCE_MS - (now - quiet_from);
			if (left <= 0 || now - began > DEBOUNCE_MAX_MS || poll(&pfd, 1, (int)left + 1) <= 0)
				break;
			if (read_events(&W, &fonts))
				quiet_from = now_ms();
		}
		watcher_close(&W);
		if (fonts)
			build_cache_forget_fonts(cache);
	}
}
