/* notes.c: notes written inside analyst text, ^[The note, with *markup* and a cite
 * [@edm-2018 p2]]: each is taken out of its text into the brief's list of notes, where it
 * keeps where its mark goes and its own citations. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/emphasis.h"
#include "base/schema.h"
#include "base/util.h"
#include "load/brief.h"
#include "load/loader.h"

/* The end of a note opened at s[open] ("^["): the index of its closing ']' (brackets inside
 * it pair up), or 0 when it is not closed; *nested is set when another note opens in it. */
static size_t note_end(const char *s, size_t open, int *nested)
{
	int depth = 0;
	*nested = 0;
	for (size_t i = open + 2; s[i]; i++) {
		if (s[i] == '^' && s[i + 1] == '[')
			*nested = 1;
		if (s[i] == '[')
			depth++;
		else if (s[i] == ']' && depth-- == 0)
			return i;
	}
	return 0;
}

/* Where byte `off` of the text of node n was typed: its column when the text is written as
 * it reads, on one line (ynode.value_col), else the text's own place. */
static loc typed_at(const loader *L, const ynode *n, size_t off)
{
	if (!n || !n->value_col || !n->str || off > n->len)
		return loader_loc(L, n);
	return loc_at(L->b->path, n->line, n->value_col + (int)g_utf8_strlen(n->str, (gssize)off));
}

/* Text as it is set (a note taken out of its paragraph, a note's citations out of it), with
 * where each of its bytes was typed: emphasis is checked on what is set, and said where it
 * was typed. */
typedef struct placed {
	strbuf text;
	size_t *at, n, cap;
} placed;

static void placed_put(placed *p, char c, size_t typed)
{
	sb_putc(&p->text, c);
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->at = xrealloc(p->at, p->cap * sizeof *p->at);
	}
	p->at[p->n++] = typed;
}

/* the spaces before a mark or a citation go with it */
static void placed_drop_spaces(placed *p)
{
	while (p->text.len && p->text.data[p->text.len - 1] == ' ') {
		p->text.data[--p->text.len] = 0;
		p->n--;
	}
}

static void check_emphasis(loader *L, const ynode *n, int as_written, const char *s, const size_t *typed);

/* The note's text, its [@citations] taken out into nt; s lies at byte `base` of the text
 * of node n as written (or base is (size_t)-1 when the text no longer reads as written).
 * A citation's errors point at its '[@'. */
static void note_text(loader *L, const ynode *n, const char *s, size_t len, size_t base, note *nt)
{
	placed text = {0};
	sb_puts(&text.text, "");
	size_t typed = base != (size_t)-1 ? base : 0;
	int too_many = 0; /* said once for the note */
	for (size_t i = 0; i < len;) {
		const char *close;
		if (s[i] == '[' && i + 1 < len && s[i + 1] == '@' && (close = memchr(s + i, ']', len - i))) {
			char *c = xstrndup(s + i + 2, (size_t)(close - s - i - 2));
			loc at = base != (size_t)-1 ? typed_at(L, n, base + i) : loader_loc(L, n);
			if (nt->ncites == BRIEF_MAX_CITES) {
				if (!too_many++)
					schema_error_at(&L->S, at, "more than %d citations in one note", BRIEF_MAX_CITES);
			} else if (load_cite_text(L, at, c,
						&nt->cites[nt->ncites])) {
				placed_drop_spaces(&text);
				nt->cite_at[nt->ncites++] = text.text.len;
			}
			free(c);
			/* a superscript follows the punctuation it is typed before, as a note mark
			 * does (Chicago 14.26): "vote [@edm p2]." prints "vote.¹ ¶2" */
			size_t after = (size_t)(close - s) + 1;
			if (after < len && strchr(".,;:!?", s[after]) && s[after]) {
				size_t was = text.text.len;
				placed_put(&text, s[after], typed + after);
				for (int k = 0; k < nt->ncites; k++)
					if (nt->cite_at[k] == was)
						nt->cite_at[k] = text.text.len;
				close++;
			}
			i = (size_t)(close - s) + 1;
			continue;
		}
		placed_put(&text, s[i], typed + i);
		i++;
	}
	check_emphasis(L, n, base != (size_t)-1, text.text.data, text.at);
	nt->text = brief_keep(L->b, text.text.data);
	sb_free(&text.text);
	free(text.at);
}

/* An asterisk that opens emphasis nobody closes prints as an asterisk, and what the
 * writer meant to set off is not: said where it was typed, with the escape. */
/* s is the text as set; typed[k] is where its byte k was typed in n's text (NULL: s is that
 * text), as_written when that text reads as typed. */
static void check_emphasis(loader *L, const ynode *n, int as_written, const char *s, const size_t *typed)
{
	size_t at = emphasis_triple(s, strlen(s));
	if (at != (size_t)-1)
		diag_warning(L->S.d, as_written ? typed_at(L, n, typed ? typed[at] : at) : loader_loc(L, n),
			     "'***' is neither emphasis nor strong text, and prints as typed; write *emphasis* or "
			     "**strong** (one inside the other for both), or '\\*' for an asterisk");
	at = emphasis_unclosed(s, strlen(s));
	if (at == (size_t)-1)
		return;
	diag_warning(L->S.d, as_written ? typed_at(L, n, typed ? typed[at] : at) : loader_loc(L, n),
		     "'%s' opens %s that is never closed, and prints as typed; close it, or write '\\*' for an asterisk",
		     s[at + 1] == '*' ? "**" : "*", s[at + 1] == '*' ? "strong text" : "emphasis");
}

/* A citation typed in the text itself ("voted yes [@edm-2018 p2].", as pandoc takes one) is
 * none: only a note's are read. It would print as typed and leave the claim uncited and
 * unchecked: said once a string, at its '[@', with the two ways to write it. */
static void check_stray_cites(loader *L, const ynode *n, const char *s)
{
	for (size_t i = 0; s[i]; i++) {
		int nested;
		size_t end = s[i] == '^' && s[i + 1] == '[' ? note_end(s, i, &nested) : 0;
		const char *close = s[i] == '[' && s[i + 1] == '@' ? strchr(s + i, ']') : NULL;
		if (end)
			i = end;
		if (!close)
			continue;
		int as_written = n && n->str && strcmp(n->str, s) == 0, len = (int)(close - s - i - 2);
		loc at = as_written ? typed_at(L, n, i) : loader_loc(L, n);
		if (len > 0 && len <= 80 && !memchr(s + i + 2, '[', (size_t)len))
			diag_warning(L->S.d, at,
				     "'[@%.*s]' outside a note is no citation, and prints as typed; write 'cite: %.*s' "
				     "beside the text, or put it in a note: '^[[@%.*s]]'",
				     len, s + i + 2, len, s + i + 2, len, s + i + 2);
		else
			diag_warning(L->S.d, at,
				     "'[@' outside a note is no citation, and prints as typed; write 'cite:' beside the "
				     "text, or put it in a note: '^[[@ID pN]]'");
		return;
	}
}

void load_no_notes(loader *L, const ynode *n, const char *s, const char *what)
{
	const char *open = s ? strstr(s, "^[") : NULL;
	int nested;
	if (!open || !note_end(s, (size_t)(open - s), &nested))
		return;
	int as_written = n && n->str && strcmp(n->str, s) == 0;
	diag_warning(L->S.d, as_written ? typed_at(L, n, (size_t)(open - s)) : loader_loc(L, n),
		     "%s %s takes no notes: '^[...]' prints as typed; put the note in the text after it",
		     strchr("aeiou", what[0]) ? "an" : "a", what);
}

void load_notes(loader *L, const ynode *n, item *it)
{
	brief *b = L->b;
	if (!it->text)
		return;
	const char *s = it->text;
	/* the text as written, so that a citation's place in it is its place in the brief */
	int as_written = n && n->str && strcmp(n->str, s) == 0;
	check_stray_cites(L, n, s);
	if (!strstr(s, "^[")) {
		check_emphasis(L, n, as_written, s, NULL);
		return;
	}
	placed rest = {0};
	sb_puts(&rest.text, "");
	it->note_first = b->nnotes;
	for (size_t i = 0; s[i];) {
		if (!(s[i] == '^' && s[i + 1] == '[')) {
			placed_put(&rest, s[i], i);
			i++;
			continue;
		}
		int nested;
		size_t end = note_end(s, i, &nested);
		/* said at the note's '^[' when the text is as written (one line, no escapes) */
		loc here = as_written ? typed_at(L, n, i) : loader_loc(L, n);
		/* after an error the text goes on being read past the note it names, so that
		 * the string's other notes' errors come in the same run */
		if (nested) {
			schema_error_at(&L->S, here, "a note inside a note; write the inner one as a note of its own");
			if (!end)
				break;
			i = end + 1;
			continue;
		}
		if (!end) {
			schema_error_at(&L->S, here, "a note '^[' is not closed with ']'");
			break;
		}
		if (end == i + 2) {
			schema_error_at(&L->S, here, "an empty note '^[]'; write its text between the brackets");
			i = end + 1;
			continue;
		}
		if (b->nnotes == BRIEF_MAX_NOTES) {
			/* at the first note past it: one error, not one for each note after */
			if (!L->notes_over)
				schema_error_at(&L->S, here, "a brief may have at most %d notes", BRIEF_MAX_NOTES);
			L->notes_over = 1;
			break;
		}
		b->notes = grow_for(b->notes, b->nnotes, sizeof *b->notes);
		note *nt = &b->notes[b->nnotes++];
		memset(nt, 0, sizeof *nt);
		nt->at = it->at;
		/* a mark sits against the word before it */
		placed_drop_spaces(&rest);
		nt->mark = rest.text.len;
		note_text(L, n, s + i + 2, end - i - 2, as_written ? i + 2 : (size_t)-1, nt);
		it->nnotes++;
		i = end + 1;
	}
	/* emphasis runs across a mark, as it is set (layout/cite.c) */
	check_emphasis(L, n, as_written, rest.text.data, rest.at);
	it->text = brief_keep(b, rest.text.data);
	sb_free(&rest.text);
	free(rest.at);
}
