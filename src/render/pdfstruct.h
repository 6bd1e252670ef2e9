/* pdfstruct.h: the structure tree and the artifacts of the finishing pass (pdfstruct.c),
 * for pdffinish.c only. */
#ifndef MKBRIEF_PDFSTRUCT_H
#define MKBRIEF_PDFSTRUCT_H
#include <qpdf/qpdf-c.h>

#include "layout/doc.h"
#include "render/pdfmarks.h"

/* Replaces cairo's structure tree by the document's: one Document holding the containers
 * of doc->paths, the leaves of m joined again where cairo wrote them in parts, a Link
 * element (with the annotation's object reference) for each of m's links (annots[k] is
 * link k's annotation), and a parent tree for all. Returns 0, or -1 when cairo's tree is
 * not the one m says was tagged. */
int pdf_struct_tree(qpdf_data q, const doc *dc, const pdf_marks *m, const qpdf_oh *pages, const qpdf_oh *annots);
/* Wraps what page draws outside any marked-content sequence (banners, running heads,
 * rules, tints) in /Artifact BMC ... EMC. */
int pdf_struct_artifacts(qpdf_data q, qpdf_oh page);

#endif
