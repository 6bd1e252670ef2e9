/* pdfstruct.h: the structure tree of the finishing pass (pdfstruct.c), for pdffinish.c only. */
#ifndef MKBRIEF_PDFSTRUCT_H
#define MKBRIEF_PDFSTRUCT_H
#include "layout/doc.h"
#include "render/pdfartifacts.h"
#include "render/pdfmarks.h"
#include "render/pdfwrite.h"

/* Writes the document's structure tree: one Document holding the containers of
 * doc->paths, the leaves of m joined again where cairo marked them in parts (their MCIDs
 * as m numbered them), a Link element (with its annotation's object reference) for each of
 * m's links (annots[k]: link k's annotation's object), and the parent tree; pages[p] is
 * page p's object; sp: the sequences a leaf's was cut into (pdfartifacts.c), which it goes
 * on in. Returns the StructTreeRoot's object. */
int pdf_struct_write(pdf_writer *w, const doc *dc, const pdf_marks *m, const pdf_splits *sp, const int *pages,
		     const int *annots, pdf_nums *nums);

#endif
