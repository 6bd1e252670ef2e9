/* pdfraw.h: the PDF cairo wrote, indexed where it lies (pdfraw.c), for a finishing pass that
 * copies it object by object and changes only what it must. */
#ifndef MKBRIEF_PDFRAW_H
#define MKBRIEF_PDFRAW_H
#include <stddef.h>

#include "base/util.h"

typedef struct pdf_raw {
	const char *b; /* the file, not owned */
	size_t len;
	size_t nobj;  /* object numbers run from 1 to nobj - 1 (the trailer's /Size) */
	size_t *off;  /* per object number, the offset of "N 0 obj", 0 when free */
	int root, info;
	int npages;
	int *page;     /* per page in order, its object */
	int *contents; /* per page, its content stream's object */
} pdf_raw;

/* Indexes the file through its xref table and page tree; 0, or -1 with *why set (the
 * caller frees) when it is not laid out as cairo 1.16 writes a file. */
int pdf_raw_index(pdf_raw *r, const char *b, size_t len, char **why);
void pdf_raw_free(pdf_raw *r);

/* Object n's text between "N 0 obj" and "endobj", blanks trimmed; 0, or -1 when it has none. */
int pdf_raw_body(const pdf_raw *r, int n, const char **body, size_t *len);
/* A stream object's dictionary and data: the bytes between "stream" and "endstream",
 * /Length read from the dictionary (directly or through its object). */
int pdf_raw_stream(const pdf_raw *r, int n, const char **dict, size_t *dict_len, const char **data, size_t *data_len);
/* In a dictionary's text, the value of a key at its top level: where it starts and how long
 * it is; -1 when absent. */
int pdf_dict_value(const char *dict, size_t len, const char *key, const char **value, size_t *vlen);
/* The same as offsets: where the key starts, where its value starts and ends. */
int pdf_dict_entry(const char *dict, size_t len, const char *key, size_t *kstart, size_t *vstart, size_t *vend);
/* The object a key's value refers to ("N 0 R"), or -1. */
int pdf_dict_ref(const char *dict, size_t len, const char *key);

/* Past a literal string "(...)" starting at i: nested parentheses, backslash escapes. */
size_t pdf_skip_string(const char *b, size_t len, size_t i);
/* The next reference "N G R" in the text t from *i on (strings, names and comments passed
 * over): its object number (0 when out of range), [*start, *end) its place, *i moved past
 * it; -1 when there is none. */
int pdf_next_ref(const char *t, size_t n, size_t *i, size_t *start, size_t *end);
/* A dictionary's text without its closing >> and without the entries of keys (NULL-ended,
 * at most 16), appended to out. */
void pdf_dict_without(strbuf *out, const char *d, size_t n, const char *const *keys);
/* Flate-decoded data appended to out; 0, or -1 when it is not whole. */
int pdf_inflate(const char *data, size_t len, strbuf *out);

#endif
