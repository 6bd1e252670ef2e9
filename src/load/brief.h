/* brief.h: the document model: what a brief says, loaded from YAML and then resolved
 * against its sources. The typesetter reads only this. */
#ifndef MKBRIEF_BRIEF_H
#define MKBRIEF_BRIEF_H
#include <glib.h>
#include <stddef.h>

#include "load/article.h"
#include "load/article_cache.h"
#include "base/diag.h"

#define BRIEF_MAX_CITES 16
#define BRIEF_MAX_SOURCES 1000           /* sources in one brief */
#define BRIEF_MAX_SEARCHES 500           /* passages looked up in the sources: quotes, highlights... */
#define BRIEF_MAX_SOURCE_BYTES (16u << 20) /* all source files together (each: ARTICLE_MAX_BYTES) */
/* Values set on one line or repeated on every page (the title and section in running heads,
 * the banner) are bounded, so that no value costs work on every page in proportion to its
 * length: a title, subtitle, author, heading or speaker of at most BRIEF_MAX_LINE_CHARS
 * characters; a classification or portion marking of at most BRIEF_MAX_MARK_CHARS. */
#define BRIEF_MAX_LINE_CHARS 500
#define BRIEF_MAX_MARK_CHARS 100
/* Lists (bullets, numbered, the Key points) nest this deep, the top list included: a
 * fourth level no longer reads as an outline on a 6in measure. */
#define BRIEF_LIST_LEVELS 3

typedef struct source {
	char *id;    /* the key under sources: */
	char *file;  /* as written in the brief */
	char *path;  /* resolved against the brief's directory */
	char *url;   /* optional */
	char *title; /* optional override of the article's own title */
	char *date;  /* optional, free text shown in the Sources list */
	char *lang;  /* optional: the language its words are in (hyphenation, the PDF's /Lang); NULL: the brief's */
	loc lang_at;
	loc at;      /* the id's location */
	loc file_at; /* the file's location */
	char *sha256; /* optional pin: the file's SHA-256, 64 lower-case hex digits */
	loc sha256_at;
	article *art; /* loaded by brief_resolve */
	int art_shared; /* art belongs to an earlier source naming the same file */
	int art_cached; /* art belongs to the brief's article cache */
} source;

/* A citation: source index, optional 1-based paragraph and sentence (0 = not given). */
typedef struct cite {
	int source;
	int para, sent;
	int para_last; /* "p1-4": the last paragraph of the range, else 0 */
	loc at;
} cite;

/* A piece of source text: a byte range of paragraph `para` (0-based index). */
typedef struct span {
	int para;
	range r;
} span;

/* One kind per row of load/kinds.def, in its order. */
typedef enum {
#define BLOCK_KIND(id, key, loader, resolver, composer) id,
#include "load/kinds.def"
#undef BLOCK_KIND
	BLOCK_NKINDS
} block_kind;

/* Words of a source the analyst named, and where they were written. */
typedef struct phrase {
	char *text;
	loc at;
} phrase;

/* Notes in one brief: each is set on its own, at a page's foot */
#define BRIEF_MAX_NOTES 1000

/* A note an analyst wrote inside a text, ^[like this], with its own citations [@id p2]. */
typedef struct note {
	char *text; /* without its citations */
	cite cites[BRIEF_MAX_CITES];
	size_t cite_at[BRIEF_MAX_CITES]; /* where each goes in text, in bytes */
	int ncites;
	size_t mark; /* where its mark goes in the item's text, in bytes */
	loc at;      /* the text that holds it */
} note;

/* An analyst's paragraph or bullet: inline markup (*em*, **strong**), citations and notes. */
typedef struct item {
	char *text;
	cite cites[BRIEF_MAX_CITES];
	int ncites;
	loc at;
	size_t note_first, nnotes; /* its notes: brief.notes[note_first, +nnotes), in order */
	/* In a list, which holds its sub-lists' items flat, in reading order, after their
	 * item: how deep it lies (0: the top list), its number in its list from 1 (0: a
	 * bullet), and which of the layout's markers it takes (how many lists of its own
	 * kind enclose it, so that numbers inside bullets start again at "1."). */
	int level, number, mark;
	/* a list item's portion marking, instead of its block's: its own `marking:`, else its
	 * parent item's; NULL: the block's. marking_at is where it was written. */
	char *marking;
	loc marking_at;
} item;

typedef enum { SEL_NONE, SEL_PARAS, SEL_FROM_TO, SEL_TEXT } selector_kind;

typedef struct block {
	block_kind kind;
	loc at;
	/* BLOCK_TEXT: items[0]. BLOCK_BULLETS, BLOCK_NUMBERED: items[0..nitems), sub-lists flat */
	item *items;
	size_t nitems;
	/* BLOCK_QUOTE and BLOCK_EXCERPT */
	int source;         /* index into brief->sources */
	selector_kind sel;  /* for excerpts; quotes always SEL_TEXT */
	int para_from, para_to; /* SEL_PARAS, 1-based inclusive, as written */
	char *from, *to;    /* SEL_FROM_TO */
	char *text;         /* SEL_TEXT: the words as typed, may contain elisions */
	loc from_at, to_at, text_at, paras_at; /* paras_at: where `paragraphs:` gives its range */
	/* where the words of from, to and text start when each is on one line as it reads (no
	 * escapes, no block scalar), for notes that point at one of their characters; col 0
	 * otherwise */
	loc from_words_at, to_words_at, text_words_at;
	char *speaker;      /* quotes: who said it (optional) */
	loc speaker_at, note_at; /* where speaker and note are written */
	phrase *highlight;  /* quotes: phrases to emphasise */
	size_t nhighlight;
	char *note;         /* optional caption line under an excerpt or quote */
	/* filled by brief_resolve: the source text to print, in order. Consecutive spans of
	 * the same paragraph are separated by an elision […]; a new paragraph starts a new
	 * printed paragraph. */
	span *spans;
	size_t nspans;
	span *marks; /* resolved highlight ranges (quotes), inside the spans */
	size_t nmarks;
	/* what a kind holds beyond the fields above (a figure: load/figure.h), owned by the
	 * block and freed by data_free; NULL for the kinds that need none */
	void *data;
	void (*data_free)(void *data);
	/* a box: the blocks right after it in its section that it holds */
	size_t ninner;
	char *marking; /* this block's portion marking, instead of its section's; NULL: none given */
	loc marking_at;
	int page_break; /* page-break: before: a new page starts before it */
	int failed;     /* it had errors: not resolved (the run fails, nothing is printed) */
} block;

/* Sections nest: a section may hold sections, three levels deep. */
#define BRIEF_MAX_SECTION_LEVELS 3

/* A section of any level; a brief's sections are one list in reading order, each
 * subsection right after the blocks of its parent. */
typedef struct section {
	char *heading;
	int level; /* 1: a section; 2 and 3: subsections */
	loc at, heading_at;
	/* the portion marking of its blocks: its own `marking:`, else its parent section's;
	 * NULL: the brief's. marking_at is where it was written. */
	char *marking;
	loc marking_at;
	block *blocks;
	size_t nblocks;
	int page_break; /* page-break: before: the section starts a new page */
} section;

/* Every string of a brief (its own and those of its sources, sections, blocks and items)
 * lives in its `strings`, freed with it: set one with brief_keep. */
typedef struct brief {
	GStringChunk *strings;
	char *path;    /* as given on the command line */
	char *dir;     /* its directory, for relative paths */
	char *title, *subtitle, *date, *author, *classification, *layout, *lang;
	char *marking; /* optional portion marking printed before each paragraph, e.g. "(U)" */
	loc layout_at, title_at, subtitle_at, author_at, classification_at, marking_at;
	loc lang_at; /* where lang: is given; loc_none() when it is not */
	/* hyphenation: words and the points where they may break ("gem-ci-ta-bine"; a word
	 * with no hyphen never breaks), NULL-terminated; NULL when none are given */
	char **hyphenation;
	/* handling, all optional: a distribution statement boxed on page 1, a document
	 * control number in every footer and the PDF's keywords, the date the information
	 * stands at (ISO, like date), a point of contact after the body, and draft: a
	 * watermark on every page, "DRAFT" in the PDF's title and a warning on every run */
	char *distribution, *control, *as_of, *contact;
	int draft;
	/* annex: true (or --annex): each source printed in full after Sources, the passages the
	 * brief quotes or excerpts highlighted and linked both ways */
	int annex;
	loc distribution_at, contact_at;
	/* the directory every source file must lie in (set before brief_resolve; NULL: the
	 * brief's own directory), so that a brief passed around reads no other files */
	const char *root;
	/* set before brief_resolve to keep parsed articles between runs (watch); NULL: the
	 * brief owns its articles */
	article_cache *articles;
	source *sources;
	size_t nsources;
	item *summary; /* a list, as a bullets block's items */
	size_t nsummary;
	section *sections;
	size_t nsections;
	note *notes; /* every note, in reading order: note k is printed with the number k + 1 */
	size_t nnotes;
	int load_errors; /* brief_load_partial: the errors found loading it (0: none) */
} brief;

/* Loads and validates the YAML (no source files are read). Returns NULL after reporting
 * every error found (up to the diagnostic cap). */
brief *brief_load(const char *path, diag *d);
/* Like brief_load, but a brief whose YAML parsed into a mapping comes back even with errors
 * (b->load_errors > 0), its blocks with errors marked failed, so that its quotes can still be
 * looked up and their errors reported in the same run; such a brief must never be printed. */
brief *brief_load_partial(const char *path, diag *d);
/* Same, from memory (text need not be NUL-terminated; the file size limit is brief_load's):
 * `display` names it in messages and relative source paths start from its directory. For
 * fuzzing and tests. */
brief *brief_parse(const char *text, size_t len, const char *display, diag *d);
/* An empty brief named path, for briefs built by hand (tests); free it with brief_free. */
brief *brief_new(const char *path);
/* A copy of s that b owns. */
char *brief_keep(brief *b, const char *s);
void brief_free(brief *b);
/* Index of the source with that id, or -1. */
int brief_source_index(const brief *b, const char *id);

#endif
