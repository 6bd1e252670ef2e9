#!/usr/bin/env python3
"""mankeys.py SRC BRIEF_PAGE LAYOUT_PAGE: the keys the loaders accept that the man pages miss.

Reads the loaders in SRC/load/ and prints one line per key or value a page does not name,
"PAGE: WHAT 'WORD' (FILE:LINE)", then a last line "checked N brief keys, ..."; exits 1 when
a word is missing or when fewer keys are found than the loaders are known to hold (a parse
that finds nothing must fail, not pass). BRIEF_PAGE and LAYOUT_PAGE are the mdoc sources of
mkbrief-brief(5) and mkbrief-layout(5). A key, block kind or font role counts as documented
when an item of a list defines it (an .It line names it), not when an example merely uses
it; a value, when the page marks it up anywhere.
"mankeys.py terms PAGE" prints the words PAGE's .It lines define (with options as "--dpi").

What counts as a key, read from the source rather than listed here so that a key added to a
loader is checked without touching this file:
- an array `static const char *const NAME[] = {"...", ..., NULL};` that the same function
  passes to schema_keys(), schema_section() or load_item_keys() holds keys; one passed to
  schema_choice() or nearest_word(), or named as a look key's choices, holds values; any
  other (article.c's abbreviations, a list of names for a message) is no key;
- the rows of style.c's role_keys (font roles) and look_keys ("section", "key");
- the second column of load/kinds.def (block kinds);
- the running-head fields of load/style.h's STYLE_HEAD_FIELDS, as values ("{title}").
Layout keys are checked by their full name where the loader has one ("excerpt.cite-space",
"page.margins"): it is the name a layout's error messages use. Brief keys, which live in
many mappings, are checked as words.
"""
import os
import re
import sys

ARRAY = re.compile(r"static const char \*const (\w+)\[\]\s*=\s*\{(.*?)\};", re.S)
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
KEY_CALLS = ("schema_keys", "schema_section", "load_item_keys")
VALUE_CALLS = ("schema_choice", "nearest_word")
# the loaders held, when this was written, 49 brief keys and kinds and 126 layout keys and
# roles; a parse that finds far fewer has stopped understanding the source
MIN_BRIEF, MIN_LAYOUT = 40, 100


def call_args(text, open_paren):
    """The top-level arguments of the call whose '(' is at open_paren."""
    args, depth, start = [], 0, open_paren + 1
    for i in range(open_paren, len(text)):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return args + [text[start:i].strip()]
        elif c == "," and depth == 1:
            args.append(text[start:i].strip())
            start = i + 1
    return args


def calls(body, name, fns):
    """The function and arguments of the first call to one of fns in body that passes name."""
    for m in re.finditer(r"\b(%s)\s*\(" % "|".join(fns), body):
        args = call_args(body, m.end() - 1)
        if name in args:
            return m.group(1), args
    return None, None


def function_rest(text, start):
    """The text from start to the end of the enclosing function (a '}' in column 0)."""
    end = text.find("\n}", start)
    return text[start:end if end >= 0 else len(text)]


def lineno(text, pos):
    return text.count("\n", 0, pos) + 1


def arrays(path, text, layout):
    """(kind, word, where) for each key or value of path's arrays."""
    out = []
    look_choices = set(re.findall(r"LOOK_CHOICE,\s*offsetof\([^)]*\),\s*(\w+)", text))
    for m in ARRAY.finditer(text):
        # an #include inside the braces (kinds.def) names a file, not a key
        body = "\n".join(l for l in m.group(2).split("\n") if not l.lstrip().startswith("#"))
        name, items = m.group(1), STRING.findall(body)
        where = "%s:%d" % (os.path.basename(path), lineno(text, m.start()))
        rest = function_rest(text, m.end())
        fn, args = calls(rest, name, KEY_CALLS)
        if fn:
            prefix = ""
            # schema_section(S, map, key, what, keys): what is the section's full name
            if layout and fn == "schema_section" and len(args) == 5 and args[3].startswith('"'):
                prefix = args[3].strip('"') + "."
            out += [("key", prefix + w, where) for w in items]
        elif calls(rest, name, VALUE_CALLS)[0] or name in look_choices:
            out += [("value", w, where) for w in items]
    return out


def tables(path, text):
    """The rows of style.c's role_keys and look_keys."""
    out = []
    for table, row, kind in (("role_keys", r'\{"([\w-]+)",\s*offsetof', "role"),
                             ("look_keys", r'\{"([\w-]+)",\s*"([\w-]+)",\s*LOOK_', "key")):
        m = re.search(r"\b%s\[\]\s*=\s*\{(.*?)\n\};" % table, text, re.S)
        if not m:
            continue
        for r in re.finditer(row, m.group(1)):
            where = "%s:%d" % (os.path.basename(path), lineno(text, m.start(1) + r.start()))
            word = r.group(1) if kind == "role" else r.group(1) + "." + r.group(2)
            out.append((kind, word, where))
    return out


MACRO = re.compile(r"^[A-Z][a-z][a-z]?$")  # an mdoc macro name: It, Ic, Cm, Fl, Ns, Pq ...


def macro_words(line):
    """The words a line of mdoc gives as arguments: macro names and punctuation dropped,
    escapes undone, an argument of Fl given its dash ("Fl -dpi" is "--dpi"). A dotted
    name also gives its parts' tails ("header.left" gives "left"), so that a key whose
    section the loader names only at run time is found under any section."""
    out, flag = set(), False
    for tok in line[1:].split():
        tok = tok.replace("\\-", "-").replace("\\&", "").strip('"')
        if MACRO.match(tok):
            flag = tok == "Fl"
            continue
        opt = re.match(r"-?[A-Za-z0-9][A-Za-z0-9-]*", tok)
        if flag and opt:
            out.add("-" + opt.group(0))
        for w in re.findall(r"[A-Za-z0-9{}][A-Za-z0-9._{}-]*", tok):
            w = w.rstrip(".")
            parts = w.split(".")
            out.update(".".join(parts[i:]) for i in range(len(parts)))
    return out


def defined(page):
    """(terms, marked): the words a page defines, on its .It lines, and every word it
    marks up anywhere (Ic, Cm, Ql ...)."""
    terms, marked = set(), set()
    for line in open(page, encoding="utf-8"):
        if not line.startswith("."):
            continue
        ws = macro_words(line)
        marked |= ws
        if line.startswith(".It "):
            terms |= ws
    return terms, marked


def main():
    if sys.argv[1] == "terms":  # terms PAGE: the words PAGE defines, one a line
        print("\n".join(sorted(defined(sys.argv[2])[0])))
        return 0
    src, brief_page, layout_page = sys.argv[1:4]
    found = {"brief": [], "layout": []}
    load = os.path.join(src, "load")
    for f in sorted(os.listdir(load)):
        if not f.endswith(".c"):
            continue
        path = os.path.join(load, f)
        text = open(path, encoding="utf-8").read()
        page = "layout" if f == "style.c" else "brief"
        found[page] += arrays(path, text, page == "layout")
        if page == "layout":
            found[page] += tables(path, text)
    # the fields of running heads, "{title}", are values a layout's header and footer take
    text = open(os.path.join(load, "style.h"), encoding="utf-8").read()
    for m in re.finditer(r'HEAD_FIELD\(\w+,\s*"(\w+)"\)', text):
        found["layout"].append(("value", "{%s}" % m.group(1), "style.h:%d" % lineno(text, m.start())))
    kinds = os.path.join(load, "kinds.def")
    text = open(kinds, encoding="utf-8").read()
    for m in re.finditer(r'^BLOCK_KIND\(\w+,\s*"([\w-]+)"', text, re.M):
        found["brief"].append(("block kind", m.group(1), "kinds.def:%d" % lineno(text, m.start())))

    pages = {"brief": brief_page, "layout": layout_page}
    missing = 0
    counts = []
    for page, path in pages.items():
        man = os.path.basename(path)
        terms, marked = defined(path)
        seen = set()
        for kind, word, where in found[page]:
            if (kind, word) in seen:
                continue
            seen.add((kind, word))
            # a key is defined by an item of a list; a value need only be marked up
            if word not in (marked if kind == "value" else terms):
                print("%s: %s '%s' (%s)" % (man, kind, word, where))
                missing += 1
        nkeys = len({w for k, w, _ in found[page] if k != "value"})
        nvalues = len({w for k, w, _ in found[page] if k == "value"})
        counts.append("%d %s keys and %d values" % (nkeys, page, nvalues))
        least = MIN_BRIEF if page == "brief" else MIN_LAYOUT
        if nkeys < least:
            print("%s: only %d keys found in the loaders (at least %d expected): is the parse broken?" %
                  (man, nkeys, least))
            missing += 1
    print("checked " + ", ".join(counts))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
