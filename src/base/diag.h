/* diag.h: compiler-style diagnostics (file:line:col: error: message). */
#ifndef MKBRIEF_DIAG_H
#define MKBRIEF_DIAG_H
#include <stdint.h>
#include <stdio.h>

/* Where something was written: the file as the user named it, 1-based line and column
 * (0 when unknown). */
typedef struct loc {
	const char *file;
	int line, col;
} loc;

typedef struct diag {
	FILE *out;
	int errors, warnings;
	int max_errors;     /* errors beyond this are counted but not printed */
	int max_warnings;   /* the same for warnings; diag_finish says how many were not shown */
	int warnings_shown;
	int quiet;          /* -q: warnings and their notes are not printed */
	int suppressed;     /* the last error or warning was not printed: nor are its notes */
	int finished;       /* diag_finish ran */
	int color;          /* ANSI colours: by default on a terminal, unless NO_COLOR or TERM=dumb */
	int context;        /* the source line and a caret under each located message; off when
			     * MKBRIEF_DIAGNOSTICS=short */
	loc last;           /* the last message's place: a note at the same place shows no line */
	uint64_t last_warning; /* the last warning's place and words, hashed: not said twice in a row */
} diag;

/* --color=WHEN: "auto" (the default), "always" or "never"; -1 for any other word. */
int diag_color_choice(const char *when, FILE *out);

/* Reads NO_COLOR, TERM and MKBRIEF_DIAGNOSTICS for the defaults of color and context. */
void diag_init(diag *d, FILE *out);
/* Messages: "file:line:col: error: ..." or "file: error: ..." or "mkbrief: error: ...".
 * The file name and the message are printed visibly (see diag_put_visible): text from
 * articles, briefs and the command line can reach a terminal only as printable text. */
void diag_error(diag *d, loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_warning(diag *d, loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A note belongs to the error or warning printed just before it. */
void diag_note(diag *d, loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Ends a run: when warnings were left unprinted (over max_warnings, or after too many
 * errors), one line at the very end says how many, unless -q asked for none. Once only. */
void diag_finish(diag *d);
/* True once the cap is reached, so loaders can stop early. */
int diag_full(const diag *d);
loc loc_at(const char *file, int line, int col);
/* Writes s[0, n) to out with what a terminal would act on made visible: each byte of a C0
 * control (U+0000-U+001F, line breaks and tabs included) or DEL as \xHH, a C1 control
 * (U+0080-U+009F) as \u00HH, a bidi embedding, override or isolate (U+202A-U+202E,
 * U+2066-U+2069, which reorder what follows) as \uHHHH, and each byte that is not valid
 * UTF-8 as \xHH (always 80-FF,
 * so never mistaken for a control). Printable UTF-8 and backslashes are written as they
 * are. For diagnostics and for output lines quoting an article (mkbrief find). */
void diag_put_visible(FILE *out, const char *s, size_t n);
/* Bytes of a user's words (a quote's part, a query) a message quotes, at most (text_clip). */
#define DIAG_MAX_QUOTED 120
loc loc_none(void);
/* After an error that a file is missing: "did you mean 'articles/report.txt'?" when a file
 * beside it has a name a slip or two away (path as read, display as the user wrote it). */
void diag_note_nearest_file(diag *d, loc at, const char *path, const char *display);
/* Where the first of texts[0, n) (as typed, not as an escape) stands in the value written
 * at `at`: from its column on, through the lines after it indented more than its own (a
 * YAML scalar's continuation lines). `at` when none is there: typed as escapes, or the
 * value is no file's. */
loc loc_find_first(loc at, const char *const *texts, int n);
/* A command line that cannot be run: "mkbrief: error: MSG: ARG" through diag like every
 * other message (so that an argument is shown visibly), then "try 'PROGRAM --help'".
 * Returns 2, the exit status of a usage error. */
int diag_usage_error(const char *program, const char *msg, const char *arg);
/* A command line read one argument at a time, for the usage errors above. */
typedef struct cmdline {
	const char *program; /* "mkbrief", "mkbrief diff" */
	int argc;
	char **argv;
	int i;    /* the argument last returned */
	int help; /* -h or --help was given: it ends the reading */
	int operands; /* past "--": every argument is an operand (a brief named "-x.yaml") */
} cmdline;
/* The next argument, or NULL after the last or at -h or --help (which every command takes,
 * and which sets help). */
const char *cmdline_next(cmdline *c);
/* The value of option opt, the argument after it; NULL when there is none, after
 * reporting it as a usage error. */
const char *cmdline_value(cmdline *c, const char *opt);


#endif
