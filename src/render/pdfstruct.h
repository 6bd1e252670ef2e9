/* pdfstruct.h: the structure tree and the artifacts of the finishing pass (pdfstruct.c),
 * for pdffinish.c only. */
#ifndef MKBRIEF_PDFSTRUCT_H
#define MKBRIEF_PDFSTRUCT_H
#include <qpdf/qpdf-c.h>

#include "layout/doc.h"
#include "render/pdfmarks.h"

/* qpdf's C API keeps every handle it returns until it is released (a large document makes
 * hundreds of thousands): these store a value made for the purpose and release it. */
void pq_set_new(qpdf_data q, qpdf_oh dict, const char *key, qpdf_oh v);
void pq_push_new(qpdf_data q, qpdf_oh arr, qpdf_oh v);
/* Appends v (kept) to the array dict[key]. */
void pq_push_to(qpdf_data q, qpdf_oh dict, const char *key, qpdf_oh v);
/* The direct object made indirect (and released) as object *next, which moves on. qpdf's
 * own qpdf_make_indirect_object walks every object of the file each time (11.3): 1,700
 * links took half a second. */
qpdf_oh pq_indirect(qpdf_data q, int *next, qpdf_oh direct);

/* Replaces cairo's structure tree by the document's: one Document holding the containers
 * of doc->paths, the leaves of m joined again where cairo wrote them in parts (their
 * MCIDs as m numbered them; cairo's own elements are never read), a Link element (with
 * the annotation's object reference) for each of m's links (annots[k] is link k's
 * annotation), and a parent tree for all. Returns 0. */
int pdf_struct_tree(qpdf_data q, const doc *dc, const pdf_marks *m, const qpdf_oh *pages, const qpdf_oh *annots,
		    int *next);
/* Marks page's artifacts: the sequences pdfmarks.c tagged as such become /Artifact of
 * their type, and what is drawn outside any marked-content sequence (rules, tints) is
 * wrapped as a /Layout artifact; *mcids: the sequences with an MCID found. */
int pdf_struct_artifacts(qpdf_data q, qpdf_oh page, int *mcids);

#endif
