/* pdflinks.h: internal links added to a finished PDF as an incremental update. Cairo
 * 1.16 writes a damaged file for links to pages after the link's own page, and every
 * citation in a brief points forward, to the Sources page. */
#ifndef MKBRIEF_PDFLINKS_H
#define MKBRIEF_PDFLINKS_H
#include <stddef.h>

#include "base/util.h"

typedef struct pdf_link {
	int page;             /* 0-based page the link is on */
	double x, y, w, h;    /* in points, from the page's top-left corner */
	int to_page;          /* 0-based target page */
	double to_x, to_y;    /* target position, from the top-left */
	const char *uri;      /* an external link instead (not owned) */
} pdf_link;

typedef struct pdf_links {
	pdf_link *v;
	size_t n, cap;
	double page_h;
} pdf_links;

void pdf_links_add(pdf_links *l, pdf_link k);
void pdf_links_free(pdf_links *l);
/* Appends an incremental update with the links to the PDF in pdf (as cairo wrote it).
 * Returns 0, or -1 if the file is not in the form expected (then pdf is unchanged). */
int pdf_links_apply(strbuf *pdf, const pdf_links *l);
/* The same for a PDF that is elsewhere (a mapped file): appends to out only the bytes to
 * add at the end of data[0..len). */
int pdf_links_update(const char *data, size_t len, const pdf_links *l, strbuf *out);

#endif
