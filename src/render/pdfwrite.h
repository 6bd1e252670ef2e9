/* pdfwrite.h: writing a PDF file object by object (pdfwrite.c): dictionaries and arrays
 * gathered into compressed object streams, streams written as they come, an xref stream
 * at the end with an /ID from the MD5 of every byte; through a cairo write function (the
 * output's sink, or a buffer). */
#ifndef MKBRIEF_PDFWRITE_H
#define MKBRIEF_PDFWRITE_H
#include <cairo.h>
#include <glib.h>

#include "base/util.h"

/* Object numbers for new objects: first those the copied file left free, then past its end. */
typedef struct pdf_nums {
	int *free;
	size_t nfree, used;
	int next;
} pdf_nums;
int pdf_num_new(pdf_nums *a);

/* Where each object is: in the file at an offset, or in an object stream at an index. */
typedef struct pdf_xref_entry {
	unsigned char type; /* 0 not written, 1 in the file, 2 in an object stream */
	size_t at;          /* type 1: offset; type 2: the object stream's number */
	unsigned index;     /* type 2: its index there */
} pdf_xref_entry;

typedef struct pdf_writer {
	cairo_write_func_t write; /* where the bytes go */
	void *closure;
	size_t pos;   /* bytes written */
	int failed;   /* a write failed (the write function keeps why) */
	GChecksum *md5;
	int md5_open;
	pdf_nums *nums; /* numbers for the object streams and the xref stream */
	pdf_xref_entry *xref;
	size_t nxref;
	strbuf buf;     /* what is written, in blocks */
	strbuf os_head; /* the object stream being gathered: "num offset" pairs... */
	strbuf os_body; /* ...and the objects */
	int os_objs[100];
	int os_n;
} pdf_writer;

/* A writer through write(closure, ...), taking the numbers of its object streams from nums. */
void pdf_writer_init(pdf_writer *w, cairo_write_func_t write, void *closure, pdf_nums *nums);
/* Bytes outside any object (the header). */
void pdf_write(pdf_writer *w, const void *data, size_t len);
/* Object num, a dictionary, array or other value that is not a stream: its text. */
void pdf_object(pdf_writer *w, int num, const char *text, size_t len);
/* Object num as another file had it: its text from after "obj" up to "endobj". */
void pdf_copy_obj(pdf_writer *w, int num, const char *text, size_t len);
/* A stream object: its dictionary's entries (without << >> and /Length) and its data. */
void pdf_stream_obj(pdf_writer *w, int num, const char *entries, const void *data, size_t len);
/* The last object stream, the xref stream (root, info; an /ID from the MD5 of every byte
 * before it) and the end of the file. 0, or -1 when a write failed. */
int pdf_writer_finish(pdf_writer *w, int root, int info);
/* Frees what the writer holds, finished or not. */
void pdf_writer_free(pdf_writer *w);

/* A text string for a reader (/Alt, /Contents): literal when it is printable ASCII, else
 * UTF-16BE in hex; appended to sb. */
void pdf_sb_text(strbuf *sb, const char *utf8);
/* A byte string (a URI), literal, escaped. */
void pdf_sb_bytes(strbuf *sb, const char *s);
/* A number as PDF writes it, after a space: two decimals at most, no trailing zeros. */
void pdf_sb_num(strbuf *sb, double v);

#endif
