/* rich.h: styled text for one paragraph: UTF-8 text plus Pango attributes and links,
 * built piece by piece so that every byte index is known (no markup re-parsing). */
#ifndef MKBRIEF_RICH_H
#define MKBRIEF_RICH_H
#include <pango/pango.h>

#include "load/style.h"
#include "base/util.h"

typedef struct rich_link {
	size_t start, end; /* byte range of the linked text */
	char *dest;        /* "uri=..." or a named destination */
	int external;
} rich_link;

typedef struct rich {
	strbuf text;
	PangoAttrList *attrs;
	rich_link *links;
	size_t nlinks;
	/* the notes marked in the text: where each mark starts (bytes) and which note it is */
	struct rich_note {
		size_t at;
		int id;
	} *notes;
	size_t nnotes;
	/* byte ranges drawn on a tint (the passages an annex shows as used), in order added */
	struct rich_tint {
		size_t start, end;
	} *tints;
	size_t ntints;
	/* the language of the whole text when it is not the document's (a source quoted in
	 * another language: rich_set_lang), its tag as written ("de-CH"); NULL: the document's */
	char *lang;
} rich;

rich *rich_new(void);
void rich_free(rich *r);
/* Verbatim text (a source's own characters), optionally bold/italic/coloured. */
void rich_add(rich *r, const char *s, size_t n);
void rich_add_styled(rich *r, const char *s, size_t n, int bold, int italic, const rgb *color);
/* An analyst's text: straight quotes, --, ... made typographic; *em* and **strong**. */
void rich_add_markup(rich *r, const char *s, int italic_base);

/* Marks set into an analyst's text where they were written: a note's letter in its
 * paragraph, a note's citations in it. at[0, n) are ascending byte offsets of the
 * smartened text; add sets mark k. */
typedef struct rich_marks {
	const size_t *at;
	size_t n;
	void (*add)(rich *r, size_t k, void *ctx);
	void *ctx;
	const char *base; /* rich_add_marked's: the text at counts in, and the next mark */
	size_t next;
} rich_marks;
/* t (smartened already, typo_smarten) as rich_add_markup adds it, each mark of m at its
 * place: inside emphasis that spans it (*a claim^[note] goes on*), not breaking it. */
void rich_add_marked(rich *r, const char *t, rich_marks *m);
/* A superscript reference, linked to a named destination when dest is not NULL. */
void rich_add_sup(rich *r, const char *s, const char *dest);
/* The mark of note id (0-based), printed as its number id + 1 in superscript, linked to
 * dest when not NULL; recorded so that the note can be set where its mark lands. */
/* A note's mark: notes are lettered (a, b, ..., z, aa, ...), since citations are
 * superscript numbers already ("yes.a,1 ¶2", never "yes.1,1 ¶2"). */
void rich_note_label(size_t id, char out[16]);
void rich_add_note_mark(rich *r, int id, const char *dest);
/* Marks [start, end) of the text as a link. */
void rich_link_range(rich *r, size_t start, size_t end, const char *dest, int external);

/* The whole text, added before or after, is in language tag lang (a source's "de"), not the
 * document's: it is hyphenated by that language's patterns (shape_item_hyph), shaped as
 * that language, and tagged with it in a PDF. */
void rich_set_lang(rich *r, const char *lang);

/* Marks [start, end) of the text to be drawn on a tint (a highlighter's stroke). */
void rich_tint_range(rich *r, size_t start, size_t end);

/* A language's quotation marks: double opening and closing, single opening and closing, and
 * the space set inside double ones ("" but French's « … »). */
typedef struct typo_quotes {
	const char *dopen, *dclose, *sopen, *sclose, *dspace;
} typo_quotes;

/* Typographic text from what people type: "quotes" → “quotes”, it's → it’s, -- → —,
 * ... → …, 1950-1953 → 1950–1953. Caller frees. */
char *typo_smarten(const char *s, size_t n);
/* A source's typewriter marks as a typesetter sets them: straight quotes curly, -- and ---
 * an em dash, ... an ellipsis; nothing else (its words, digits and hyphens stay as they
 * are). before[0, nbefore): the source's text before s, which says whether a quote at s[0]
 * opens. When map is not NULL (n + 1 entries), map[i] is where byte i of s went. */
char *typo_smarten_source(const char *s, size_t n, const char *before, size_t nbefore, size_t *map,
			  const typo_quotes *q);
/* The quotation marks a source sets, from its own typographic ones in s[0, n): German „…“
 * (and Polish „…”) with ‚…‘, or guillemets « » (with the space the source sets inside
 * them), so that its straight quotes are set as it sets the others; NULL for “…”. */
const typo_quotes *typo_source_quotes(const char *s, size_t n);
/* Text set inside double quotation marks: a quotation in it takes single marks, one in that
 * double, and so on (Chicago 13.30), by how deep each stands in the text whatever its
 * marks' shape; an apostrophe (’ between letters, or where no single mark is open) stays.
 * A text whose first double mark closes began inside a quotation, which the outer marks
 * stand for: its marks stay double. In place: every mark is three bytes. Returns how many
 * quotations are still open at the text's end (a quote cut inside one of its source's),
 * for the caller to close before its own mark: level 1 with ’, 2 with ”, and so on. */
size_t typo_nest_quotes(char *t, size_t n);
/* How many quotation marks t[0, n) leaves open (t a string at least n long); with out, their
 * closing marks, innermost first ("”", "’”"; at most 8: 25 bytes, NUL-terminated). An
 * apostrophe, ’ between letters, closes none. */
size_t typo_open_quotes(const char *t, size_t n, char *out);

#endif
