/* article.c: STUB — parses source articles. */
#include "article.h"
article *article_parse(const char *text, size_t len, const char *display, diag *d)
{ (void)text; (void)len; diag_error(d, loc_at(display, 0, 0), "not implemented"); return NULL; }
article *article_load(const char *path, const char *display, loc from, diag *d)
{ (void)path; (void)from; diag_error(d, loc_at(display, 0, 0), "not implemented"); return NULL; }
void article_free(article *a) { (void)a; }
