/* article.h: a source article, parsed into header fields, paragraphs and sentences, with
 * the exact bytes of the file kept so quotes can point into it. */
#ifndef MKBRIEF_ARTICLE_H
#define MKBRIEF_ARTICLE_H
#include <glib.h>
#include <stddef.h>

#include "base/diag.h"
#include "load/sentences.h"

#define ARTICLE_MAX_BYTES (8u << 20) /* 8 MiB per source file */


typedef struct art_para {
	range r;      /* the paragraph's bytes, without the blank lines around it */
	int line;     /* line of the file where it starts */
	range *sents; /* sentences, in order, covering the paragraph (spaces between excluded) */
	size_t nsents;
	int heading;  /* a subheading: one short line with no final punctuation, between paragraphs */
	/* a list: the paragraph's items ("- ", "• ", "* ", "1. ", "1) " lines with the lines that
	 * follow each), in order, covering it (any lines before the first item are one more);
	 * NULL, 0 when no line of it starts an item */
	range *items;
	size_t nitems;
} art_para;

typedef struct article {
	GStringChunk *strings; /* display and the header fields; text (up to ARTICLE_MAX_BYTES) is
				* an allocation of its own, which a chunk would round up to a power of two */
	char *display;     /* the path as shown in messages */
	char *text;        /* the whole file, NUL-terminated, exactly as read */
	size_t len;
	char *title;       /* first line */
	char *publication; /* from "Publication: X Volume: N Issue: N"; NULL if absent */
	char *volume, *issue;
	char *credit;      /* inside "(Source: ...)", NULL if absent */
	art_para *paras;   /* numbered from 1 for users: paras[0] is paragraph 1 */
	size_t nparas;
} article;

/* Parses an article from memory (copied). Reports errors (invalid UTF-8 at line:col, no
 * title, no paragraphs) through d and returns NULL. */
article *article_parse(const char *text, size_t len, const char *display, diag *d);
/* Reads and parses a file; `from` is where the brief named it (for "cannot read" errors). */
article *article_load(const char *path, const char *display, loc from, diag *d);
void article_free(article *a);

/* Index (from 0) of the sentence of p holding byte off: the last one starting at or
 * before it. */
size_t article_sentence_of(const art_para *p, size_t off);
/* The length of a list item's marker at s[i], its space included ("- ", "• ", "* ", "12. ",
 * "3) "); 0 if none. */
size_t article_item_marker_len(const char *s, size_t end, size_t i);

#endif
