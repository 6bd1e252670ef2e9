/* pdffigures.h: the vector figures' drawings in place of their stand-ins (pdffigures.c),
 * for pdffinish.c only. */
#ifndef MKBRIEF_PDFFIGURES_H
#define MKBRIEF_PDFFIGURES_H
#include <stddef.h>

#include "render/pdfwrite.h"
#include "typeset/image.h"

/* The figure id of a form whose content (inflated) is a stand-in's, else -1. */
int pdf_figure_standin(const char *content, size_t len);
/* Writes img's drawing (its form, and the objects that form needs, numbered from nums) as
 * object num; 0, or -1 with *why set. */
int pdf_splice_figure(pdf_writer *w, int num, const image *img, pdf_nums *nums, char **why);

#endif
