/* output.h: writing the drawn pages as PDF, PNG, SVG or PS, safely (output.c). */
#ifndef MKBRIEF_OUTPUT_H
#define MKBRIEF_OUTPUT_H
#include <pango/pango.h>

#include "base/diag.h"
#include "base/util.h"
#include "layout/doc.h"

/* Writes the document to path ("-" = stdout) in format pdf|png|svg|ps; pdf_a: a PDF is
 * PDF/A-2b. PNG and SVG
 * write one file per page, NAME-1.png...; each file is written to a temporary file and
 * renamed when complete. A PDF is drawn once: what only drawing reads is freed as soon as
 * the pages are drawn (doc_drop_drawn), so the caller may only free dc afterwards. Returns
 * 0, or -1 after reporting. */
int render_output(doc *dc, PangoContext *ctx, const char *format, const char *path, int dpi, int pdf_a,
		  const file_set *inputs, diag *d);
/* SOURCE_DATE_EPOCH, when set, must be seconds from 1970 to the end of 9999 (a PDF date
 * has four digits of year); -1 after reporting. */
int output_check_date_env(diag *d);
/* Removes the temporary files of a run ended by a signal (every one whose default ends the
 * process: INT, TERM, HUP, QUIT, PIPE, ALRM, ...). */
void output_catch_signals(void);

/* A PNG page: at most this many pixels (4 bytes each in memory) and this long a side. */
#define OUTPUT_MAX_PNG_PIXELS 40000000
#define OUTPUT_MAX_PNG_SIDE 20000

#endif
