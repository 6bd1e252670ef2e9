#!/usr/bin/env python3
"""tests/textio/check.py: "text in = text out" for mkbrief (issue 12).

Generates briefs whose excerpts and quotes cover a directory of articles, renders each one
with mkbrief in each layout, reads the PDF back with pdftotext -bbox-layout and checks that
every word of every excerpt, quote and analyst paragraph is printed, in order, contiguously.

What the comparison forgives, because the typesetter does it on purpose:
  - a word split at a line end (or a page or column end): with a hyphen added between two
    letters ("exam-" / "ple"), or without one after a slash or dash ("Pyongyang—" / "a"),
    inside a run of punctuation ("*****"), or anywhere in a word wider than 3/4 column;
  - straight and curly quotes, "--"/"—", "–"/"-" and "..."/"…" (what mkbrief's matcher
    treats alike), soft hyphens and ligature code points;
  - the portion marking and "[…]" at paragraph starts and elisions (only there), and the
    marking after the marker of a list item that starts a paragraph ("1. (U) Text");
  - the quote marks a pull quote is set in (only at its two ends), and the single quotes
    a quotation inside it takes;
  - a superscript citation number after the last word of an analyst paragraph;
  - everything outside the layout's text area (banners, running heads and feet).
Everything else fails: a word missing, added, repeated, out of order or truncated; a block
that is out of order; an excerpt followed by anything but "[…]" or its citation line.

usage:
  check.py article OUT.txt WORDS...      write a generated article, one paragraph per WORDS
  check.py tricky OUT.txt                write an article of awkward words
  check.py gen DIR [--long NAME]... [--own NAME]...
                                         write DIR/textio-*.yaml and .json from DIR/articles
  check.py run DIR ROOT MKBRIEF          render every brief in every layout, check, self-check
  check.py check BRIEF.json LAYOUT.yaml PAGES.html   check one pdftotext -bbox-layout file
  check.py mutate BRIEF.json LAYOUT.yaml PAGES.html OUT.html   remove one excerpt word
Output: "PASS NAME: ..." / "FAIL NAME: ..." lines (NAME from $TEXTIO_NAME, default sh/textio).
TEXTIO_JOINS=1 lists on stderr every word read across a line end; JOBS=N sets the workers.
"""
import html
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor

NAME = os.environ.get("TEXTIO_NAME", "sh/textio")
MARKING = "(U)"
ELL = "\u2026"
EM = "\u2014"


def say(ok, msg):
    print(("PASS " if ok else "FAIL ") + NAME + ": " + msg, flush=True)


# ---------------------------------------------------------------- articles (src/article.c)

BLANK = " \t\r\f\v"


def parse_article(path):
    """Title, paragraphs (each a list of words) as mkbrief's article.c reads them."""
    text = open(path, encoding="utf-8").read()
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    title = lines[0].strip(BLANK)
    i = 1
    seen_pub = seen_credit = False
    while i < len(lines):
        t = lines[i].strip(BLANK)
        if not t:
            i += 1
            continue
        if not seen_pub and not seen_credit and t.startswith("Publication:"):
            seen_pub = True
        elif not seen_credit and t.startswith("(Source:") and t.endswith(")"):
            seen_credit = True
        else:
            break
        i += 1
    paras, cur = [], None
    for line in lines[i:]:
        t = line.strip(BLANK)
        if not t:
            cur = None
        elif cur is None:
            cur = [t]
            paras.append(cur)
        else:
            cur.append(t)
    return title, [" ".join(p).split() for p in paras]


# ---------------------------------------------------------------- folding (src/resolve/search.c)

F_EM, F_ELL = "\x1e", "\x1f"
SPACES = set(" \t\n\r\f\v\u00a0\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
DQ = set('"\u201c\u201d\u201e\u201f\u2033')
SQ = set("'\u2018\u2019\u201a\u201b\u2032")


def fold(s):
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c in SPACES:
            while i < n and s[i] in SPACES:
                i += 1
            if out and out[-1] not in (" ", F_EM):
                out.append(" ")
            continue
        k = 1
        if c == "-":
            while k < 3 and i + k < n and s[i + k] == "-":
                k += 1
            o = "-" if k == 1 else F_EM
        elif c == EM:
            o = F_EM
        elif c in "\u2013\u2011\u2010":
            o = "-"
        elif c == "." and s[i + 1:i + 3] == "..":
            k, o = 3, F_ELL
        elif c == ELL:
            o = F_ELL
        elif c in DQ:
            o = '"'
        elif c in SQ:
            o = "'"
        else:
            o = c
        if o == F_EM and out and out[-1] == " ":
            out.pop()
        out.append(o)
        i += k
    while out and out[-1] == " ":
        out.pop()
    return "".join(out)


def is_word_char(c):
    o = ord(c)
    return (o < 0x80 and c.isalnum()) or (o >= 0xC0 and not 0x2000 <= o <= 0x206F)


def count_word(hay, pat):
    """Non-overlapping occurrences of pat in hay that start and end at word boundaries."""
    wb, we = is_word_char(pat[0]), is_word_char(pat[-1])
    n, at = 0, hay.find(pat)
    while at >= 0:
        e = at + len(pat)
        if (not wb or at == 0 or not is_word_char(hay[at - 1])) and \
                (not we or e >= len(hay) or not is_word_char(hay[e])):
            n += 1
            at = hay.find(pat, e)
        else:
            at = hay.find(pat, at + 1)
    return n


class Source:
    def __init__(self, sid, rel, path):
        self.id, self.rel = sid, rel
        self.title, self.paras = parse_article(path)
        self.folded = [fold(" ".join(p)) for p in self.paras]

    def unique(self, words):
        """True if these words occur once in the article and hold nothing mkbrief would read
        as an elision."""
        s = " ".join(words)
        if "[" in s or "]" in s or "..." in s or ELL in s:
            return False
        f = fold(s)
        return bool(f) and sum(count_word(p, f) for p in self.folded) == 1

    def phrase(self, p, i, forward=True, lo=3, hi=14):
        """The shortest unique run of words starting (forward) or ending (not forward) at
        word i of paragraph p, or None."""
        w = self.paras[p]
        for n in range(lo, hi + 1):
            if forward:
                if i + n > len(w):
                    return None
                run = w[i:i + n]
            else:
                if i + 1 - n < 0:
                    return None
                run = w[i + 1 - n:i + 1]
            if self.unique(run):
                return run
        return None


# ---------------------------------------------------------------- briefs

def ystr(s):
    return json.dumps(s, ensure_ascii=False)


class Brief:
    def __init__(self, name, title):
        self.name, self.title = name, title
        self.sources, self.sections = [], []

    def section(self, heading):
        self.sections.append((heading, []))

    def add(self, yaml_lines, kind, label, segs):
        """segs: lists of words, one per paragraph or elided piece."""
        segs = [s for s in segs if s]
        self.sections[-1][1].append((yaml_lines, {"kind": kind, "label": label, "segs": segs}))

    def write(self, d):
        out = [f"# written by tests/textio/check.py: every quoted word must come out of the PDF",
               f"title: {ystr(self.title)}", "date: 2024-01-01", "author: tests/textio",
               "classification: UNCLASSIFIED", f"marking: {ystr(MARKING)}", "sources:"]
        for s in self.sources:
            out.append(f"  {s.id}: {{file: {ystr(s.rel)}}}")
        out.append("sections:")
        blocks = []
        for heading, content in self.sections:
            out.append(f"  - heading: {ystr(heading)}")
            out.append("    content:")
            for ylines, blk in content:
                blk["line"] = len(out) + 1
                blk["label"] = f"{self.name}.yaml:{blk['line']}: {blk['label']}"
                out.extend("      " + l for l in ylines)
                blocks.append(blk)
        with open(os.path.join(d, self.name + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        nwords = sum(len(s) for b in blocks for s in b["segs"])
        with open(os.path.join(d, self.name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"brief": self.name + ".yaml", "marking": MARKING, "blocks": blocks,
                       "words": nwords}, f, ensure_ascii=False)
        return len(blocks), nwords


def analyst(b, src, p):
    words = f"Analyst note on {src.id}, paragraph {p + 1}, set as typed".split()
    b.add([f"- text: {ystr(' '.join(words))}", f"  cite: {src.id} p{p + 1}"],
          "text", f"text citing {src.id} p{p + 1}", [words])


def excerpt_paragraphs(b, src, p, q):
    sel = str(p + 1) if p == q else f"{p + 1}-{q + 1}"
    b.add([f"- excerpt: {{source: {src.id}, paragraphs: {sel}}}"], "excerpt",
          f"excerpt {src.id} paragraphs: {sel}", src.paras[p:q + 1])


def from_to(b, src, p, i, q, j):
    """Excerpt from word i of paragraph p through word j of paragraph q, if both ends have a
    unique phrase."""
    f = src.phrase(p, i, True)
    t = src.phrase(q, j, False)
    if not f or not t or (p == q and i + len(f) > j + 1 - len(t)):
        return False
    if p == q:
        segs = [src.paras[p][i:j + 1]]
    else:
        segs = [src.paras[p][i:]] + src.paras[p + 1:q] + [src.paras[q][:j + 1]]
    b.add([f"- excerpt:", f"    source: {src.id}", f"    from: {ystr(' '.join(f))}",
           f"    to: {ystr(' '.join(t))}"], "excerpt",
          f"excerpt {src.id} from {ystr(' '.join(f[:4]))} (¶{p + 1}) to ¶{q + 1}", segs)
    return True


def pieces(src, p, starts, length):
    """Unique runs of about `length` words at the given word positions of paragraph p, each
    at least two words after the previous; None if one is not unique."""
    w, out, end = src.paras[p], [], 0
    for s in starts:
        s = max(s, end + 2 if out else s)
        run = None
        for n in range(length, length + 8):
            if s + n > len(w):
                break
            if src.unique(w[s:s + n]):
                run = w[s:s + n]
                break
        if not run:
            return None
        out.append(run)
        end = s + len(run)
    return out


def text_sel(b, src, p, i, n):
    run = src.paras[p][i:i + n]
    if not src.unique(run):
        return False
    b.add([f"- excerpt:", f"    source: {src.id}", f"    text: {ystr(' '.join(run))}"],
          "excerpt", f"excerpt {src.id} text: {ystr(' '.join(run[:4]))} (¶{p + 1})", [run])
    return True


def text_elided(b, src, p, starts, length):
    pc = pieces(src, p, starts, length)
    if not pc:
        return False
    t = " [...] ".join(" ".join(x) for x in pc)
    b.add([f"- excerpt:", f"    source: {src.id}", f"    text: {ystr(t)}"], "excerpt",
          f"excerpt {src.id} text: {ystr(' '.join(pc[0][:4]))} [...] (¶{p + 1})", pc)
    return True


def quote(b, src, p, starts, length, n):
    pc = pieces(src, p, starts, length)
    if not pc:
        return False
    t = " [...] ".join(" ".join(x) for x in pc)
    lines = [f"- quote:", f"    source: {src.id}", f"    text: {ystr(t)}"]
    first = pc[0]
    if len(first) >= 5 and n % 2 == 0:
        hl = " ".join(first[2:4])
        if fold(hl) and count_word(fold(t), fold(hl)) >= 1 and not re.search(r"[\[\]]", hl):
            lines.append(f"    highlight: {ystr(hl)}")
    lines.append(f"    speaker: Speaker {n}")
    b.add(lines, "quote", f"quote {src.id} {ystr(' '.join(first[:4]))} (¶{p + 1})", pc)
    return True


def gen_paragraphs(b, src):
    """Every paragraph, excerpted by number, singly and in ranges of two and three."""
    b.section(f"{src.title[:60]} ({src.id}), by paragraph")
    analyst(b, src, 0)
    p, k, sizes = 0, 0, [1, 2, 1, 3]
    while p < len(src.paras):
        q = min(len(src.paras), p + sizes[k % len(sizes)]) - 1
        excerpt_paragraphs(b, src, p, q)
        p, k = q + 1, k + 1


def gen_selectors(b, src, seed, rounds=1):
    """One selector per paragraph, in turn: from/to inside a paragraph and across
    paragraphs, text:, text: with elisions, quotes with and without elisions, paragraphs:.
    Each round starts the turn elsewhere, so that with 7 rounds every paragraph gets each."""
    b.section(f"{src.title[:60]} ({src.id}), by selector")
    analyst(b, src, len(src.paras) - 1)
    rnd = random.Random(seed)
    kinds = ["from-to", "text", "quote", "text-elided", "from-to-across", "quote-elided",
             "paragraphs"]
    k0 = rnd.randrange(len(kinds))
    for r in range(rounds):
        k = k0 + r
        p = 0
        while p < len(src.paras):
            w = src.paras[p]
            n = len(w)
            kind = kinds[k % len(kinds)]
            k += 1
            done, used = False, 1
            if n < 12 or kind == "paragraphs":
                excerpt_paragraphs(b, src, p, p)
                done = True
            elif kind == "from-to":
                done = from_to(b, src, p, n // 6, p, n - 1 - n // 6)
            elif kind == "from-to-across" and p + 1 < len(src.paras):
                q = min(p + rnd.randrange(1, 3), len(src.paras) - 1)
                m = len(src.paras[q])
                done = from_to(b, src, p, n // 2, q, max(m // 2, min(m - 1, 2)))
                used = q - p + 1
            elif kind == "text":
                s = n // 4
                done = text_sel(b, src, p, s, min(n - s, 60))
            elif kind == "text-elided":
                done = text_elided(b, src, p, [0, n // 3, 2 * n // 3], 5)
            elif kind == "quote":
                s = n // 5
                done = quote(b, src, p, [s], min(n - s, 45), k)
            elif kind == "quote-elided":
                done = quote(b, src, p, [n // 10, n // 2], min(12, n // 4), k)
            if not done:
                excerpt_paragraphs(b, src, p, p)
            p += used


def gen_long(b, src):
    """Long paragraphs whole, and selectors deep inside them."""
    b.section(f"{src.title[:60]} ({src.id}), long paragraphs")
    analyst(b, src, 0)
    for p, w in enumerate(src.paras):
        n = len(w)
        excerpt_paragraphs(b, src, p, p)
        if n >= 100:
            s = n - n // 5
            from_to(b, src, p, s, p, min(n - 1, s + 300))
            text_sel(b, src, p, n - 30, 25)
            quote(b, src, p, [n - 60, n - 25], 12, p)


def groups(files, d, limit):
    """Consecutive runs of files of at most `limit` words each (one file may exceed it)."""
    out, cur, nw = [], [], 0
    for f in files:
        w = len(open(os.path.join(d, "articles", f), encoding="utf-8").read().split())
        if cur and nw + w > limit:
            out.append(cur)
            cur, nw = [], 0
        cur.append(f)
        nw += w
    if cur:
        out.append(cur)
    return out


def cmd_gen(d, longs, owns=()):
    """Briefs over every article of d/articles: the shipped ones (every selector for every
    paragraph), the licence texts in groups (by paragraph, and one selector per paragraph),
    and each generated article named with --long in its own brief."""
    arts = sorted(f for f in os.listdir(os.path.join(d, "articles")) if f.endswith(".txt"))
    srcs = {f: Source("s%d" % (k + 1), "articles/" + f, os.path.join(d, "articles", f))
            for k, f in enumerate(arts)}
    long_files = [f for f in arts if f[:-4] in longs]
    own_files = [f for f in arts if f[:-4] in owns]
    lic = [f for f in arts if f.startswith("lic-") and f not in long_files + own_files]
    shipped = [f for f in arts if not f.startswith("lic-") and f not in long_files + own_files]
    plan = [("textio-shipped-paragraphs", "Shipped articles by paragraph", shipped, gen_paragraphs),
            ("textio-shipped-selectors", "Shipped articles by selector", shipped, "all")]
    # a few licences a brief: smaller briefs run in parallel and fail more legibly
    for k, g in enumerate(groups(lic, d, 10000)):
        plan.append((f"textio-licences{k + 1}-paragraphs", f"Licence texts {k + 1} by paragraph",
                     g, gen_paragraphs))
        plan.append((f"textio-licences{k + 1}-selectors", f"Licence texts {k + 1} by selector",
                     g, "one"))
    for f in long_files:
        plan.append(("textio-" + f[:-4], "Long paragraphs: " + f[:-4], [f], gen_long))
    for f in own_files:
        plan.append(("textio-" + f[:-4] + "-paragraphs", f[:-4] + " by paragraph", [f], gen_paragraphs))
        plan.append(("textio-" + f[:-4] + "-selectors", f[:-4] + " by selector", [f], "all"))
    for name, title, files, fn in plan:
        if not files:
            continue
        b = Brief(name, title)
        for k, f in enumerate(files):
            b.sources.append(srcs[f])
            if fn == "all":
                gen_selectors(b, srcs[f], k + 12, rounds=7)
            elif fn == "one":
                gen_selectors(b, srcs[f], k + 12)
            else:
                fn(b, srcs[f])
        nb, nw = b.write(d)
        print(f"{name}: {nb} blocks, {nw} words")


def cmd_article(out, sizes):
    """A generated article: title, header, one paragraph per size (words drawn from the
    licence texts' vocabulary, with sentences), so that hyphenation has real words."""
    vocab = set()
    lic = "/usr/share/common-licenses"
    for f in sorted(os.listdir(lic)):
        try:
            vocab |= set(re.findall(r"\b[a-z]{2,}\b", open(os.path.join(lic, f), encoding="utf-8",
                                                             errors="replace").read()))
        except IsADirectoryError:
            pass
    vocab = sorted(vocab)
    rnd = random.Random(1234)
    paras = []
    for n in sizes:
        words, cap = [], True
        for i in range(n):
            w = rnd.choice(vocab)
            if cap:
                w = w.capitalize()
                cap = False
            r = rnd.random()
            if i == n - 1 or r < 0.06:
                w += "."
                cap = True
            elif r < 0.12:
                w += ","
            words.append(w)
        paras.append(" ".join(words))
    with open(out, "w", encoding="utf-8") as f:
        f.write("Long paragraphs: " + ", ".join(str(n) for n in sizes) + " words\n\n")
        f.write("Publication: Generated Volume: 1 Issue: 1\n\n")
        f.write("\n\n".join(paras) + "\n")


TRICKY = [
    # ligatures, accents, other scripts
    "office", "affluent", "fjord", "fluffy", "baffling", "shuffle", "café", "naïve", "Zürich",
    "façade", "Ærøskøbing", "Łódź", "Москва", "Ярославль", "Αθήνα", "θάλασσα", "83М6Е2",
    # what the matcher folds, and soft hyphens
    "“quoted”", "‘single’", '"straight"', "'straight'", "it’s", "don't", "--", "—", "–",
    "1950–1953", "pp. 12-14", "wait...", "so…", "well—no", "yes--no", "extra\u00adordinarily",
    "counter\u00adrevolutionary", "10\u00a0km", "§ 4(b)", "50%", "$1,000", "&", "<tag>",
    "a/b", "and/or", "http://example.org/a/very/long/path/to/some/resource.html",
    "(parenthesised)", "e.g.", "i.e.", "U.S.", "No.", "3.14159", "x²", "½", "C++", "#hash",
]


def cmd_tricky(out):
    """An article of awkward words: ligatures, accents, Greek and Cyrillic, the quotes,
    dashes and ellipses mkbrief's matcher folds, soft hyphens, no-break spaces, addresses,
    and a word far wider than any column."""
    rnd = random.Random(99)
    plain = ("the of and to a in is that for it as with was on be by this are or an at from "
             "which but not have has they their been will would there can all its more "
             "information distribution licence permission").split()
    paras = []
    for n in (40, 80, 120, 160, 60, 200, 90, 30, 140, 70):
        words = [rnd.choice(TRICKY) if rnd.random() < 0.3 else rnd.choice(plain)
                 for _ in range(n)]
        words[0] = words[0].capitalize()
        paras.append(" ".join(words) + ".")
    paras.insert(3, "An overlong word: " + "".join(rnd.choice("abcdefghij") for _ in range(180)) +
                 " and then " + "Donaudampfschifffahrtsgesellschaftskapitänswitwe" * 3 + " ends.")
    with open(out, "w", encoding="utf-8") as f:
        f.write("Awkward words: ligatures, scripts, folds\n\n")
        f.write("Publication: Generated Volume: 2 Issue: 3\n\n(Source: tests/textio)\n\n")
        f.write("\n\n".join(paras) + "\n")


# ---------------------------------------------------------------- reading the PDF

LIG = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
       "\ufb05": "st", "\ufb06": "st"}


_CANON = {}
_TRANS = str.maketrans({EM: F_EM, "\u2013": "-", "\u2011": "-", "\u2010": "-", ELL: F_ELL,
                        **{c: '"' for c in DQ}, **{c: "'" for c in SQ},
                        "\u00ad": None, **LIG})


def canon(s):
    """A word as the comparison sees it: fold() of mkbrief's matcher (a word has no spaces,
    so replacing runs of dashes and dots left to right then mapping characters is the
    same), without soft hyphens, ligatures spelt out."""
    r = _CANON.get(s)
    if r is None:
        r = s.replace("\x1e", "\x1a").replace("\x1f", "\x1a")
        r = r.replace("---", F_EM).replace("--", F_EM).replace("...", F_ELL)
        r = r.translate(_TRANS)
        if len(_CANON) < 500000:
            _CANON[s] = r
    return r


def length_pt(v, default):
    m = re.fullmatch(r"\s*([0-9.]+)\s*(pt|mm|cm|in)?\s*", v or "")
    if not m:
        return default
    return float(m.group(1)) * {"pt": 1, None: 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72}[m.group(2)]


def layout_geometry(path):
    """Margins, columns and gutter of a layout, in points: the layout file's values over
    handout's (a layout leaves out what it keeps of handout). Only the flow styles the
    shipped layouts use are read: "margins: {top: X, ...}" or "margins: X"."""
    g = {"top": 64.8, "bottom": 64.8, "left": 90.0, "right": 90.0, "columns": 1, "gutter": 18.0}
    files = [os.path.join(os.path.dirname(path), "handout.yaml"), path]
    for f in files:
        try:
            text = open(f, encoding="utf-8").read()
        except OSError:
            continue
        m = re.search(r"^\s+margins:\s*([^#\n]+)", text, re.M)
        if m:
            v = m.group(1).strip()
            if v.startswith("{"):
                for k, x in re.findall(r"(\w+)\s*:\s*([^,}]+)", v):
                    if k in ("top", "bottom", "left", "right"):
                        g[k] = length_pt(x, g[k])
            else:
                for k in ("top", "bottom", "left", "right"):
                    g[k] = length_pt(v, g[k])
        m = re.search(r"^columns:\s*([0-9]+)", text, re.M)
        if m:
            g["columns"] = int(m.group(1))
        m = re.search(r"^gutter:\s*([^#\n]+)", text, re.M)
        if m:
            g["gutter"] = length_pt(m.group(1).strip(), g["gutter"])
    return g


PAGE_RE = re.compile(r'<page width="([0-9.]+)" height="([0-9.]+)"')
LINE_RE = re.compile(r'<line xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">'
                     r'(.*?)</line>', re.S)
WORD_RE = re.compile(r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" '
                     r'yMax="([0-9.]+)">([^<]*)</word>')


def page_lines(data, b, e, width, height, g):
    """The visual lines of one page's text area in reading order: pdftotext's own order
    puts a small-type citation of a two-column page after the other column, so the order is
    rebuilt from positions: bands between lines that span the columns, then columns, then
    top to bottom. Each line: a list of words (text, xMin, yMin, xMax, yMax)."""
    top, bottom = g["top"], height - g["bottom"]
    ncol = max(1, g["columns"])
    colw = (width - g["left"] - g["right"] - (ncol - 1) * g["gutter"]) / ncol
    starts = [g["left"] + k * (colw + g["gutter"]) for k in range(ncol)]
    lines = []
    for m in LINE_RE.finditer(data, b, e):
        # (text, xMin, yMin, xMax, yMax, where the word's element is in the file)
        words = [(html.unescape(w.group(5)), float(w.group(1)), float(w.group(2)),
                  float(w.group(3)), float(w.group(4)), w.start(), w.end())
                 for w in WORD_RE.finditer(data, m.start(5), m.end(5))]
        words = [w for w in words if top - 1 <= (w[2] + w[4]) / 2 <= bottom + 1]
        if not words:
            continue
        x0, x1 = min(w[1] for w in words), max(w[3] for w in words)
        y0, y1 = min(w[2] for w in words), max(w[4] for w in words)
        col = 0
        for k, s in enumerate(starts):
            if x0 >= s - g["gutter"] / 2:
                col = k
        span = ncol > 1 and x1 > starts[col] + colw + g["gutter"] / 2
        lines.append([col, span, y0, y1, x0, words])
    spans = sorted(l[2] for l in lines if l[1])

    def key(l):  # a spanning line opens the band below it
        band = sum(1 for y in spans if y < l[2] - 0.5) + (1 if l[1] else 0)
        return (band, -1 if l[1] else l[0], l[2], l[4])

    lines.sort(key=key)
    # pieces of one visual line (a superscript, a line poppler cut at a wide space) are one
    out, cur = [], None
    for l in lines:
        mid = (l[2] + l[3]) / 2
        if cur is not None and cur[0] == l[0] and cur[1] == l[1] and cur[2] <= mid <= cur[3]:
            cur[5].extend(l[5])
            cur[3] = max(cur[3], l[3])
        else:
            cur = l
            out.append(cur)
    return [sorted(l[5], key=lambda w: w[1]) for l in out]


def read_words(html_path, layout):
    """The words of the text area in reading order, [text, line end, page, (text, xMin,
    yMin, xMax, yMax, start, end)], and the column width."""
    g = layout_geometry(layout)
    data = open(html_path, encoding="utf-8").read()
    pages = list(PAGE_RE.finditer(data))
    toks, colw = [], 0.0
    for i, m in enumerate(pages):
        ncol = max(1, g["columns"])
        colw = (float(m.group(1)) - g["left"] - g["right"] - (ncol - 1) * g["gutter"]) / ncol
        e = pages[i + 1].start() if i + 1 < len(pages) else len(data)
        plines = page_lines(data, m.end(), e, float(m.group(1)), float(m.group(2)), g)
        # an excerpt broken over pages is headed by its source, “Title” (continued), on the
        # next (over several lines in a narrow column): the layout's label, not its words
        drop = set()
        for k, line in enumerate(plines):
            if line and line[-1][0] == "(continued)":
                j = k
                while j > k - 4 and j >= 0 and not plines[j][0][0].startswith("\u201c"):
                    j -= 1
                drop.update(range(max(j, 0) if j >= 0 and plines[j][0][0].startswith("\u201c") else k, k + 1))
        for k, line in enumerate(plines):
            if k in drop:
                continue
            for w in line:
                toks.append([w[0], False, i + 1, w])
            toks[-1][1] = True
    return toks, colw


# ---------------------------------------------------------------- matching

class Stream:
    def __init__(self, toks, colw=0.0):
        self.tok, self.colw = toks, colw
        self.width = [t[3][3] - t[3][1] if len(t) > 3 and t[3] else 0.0 for t in toks]
        self.raw = [t[0] for t in toks]
        self.eol = [t[1] for t in toks]
        self.page = [t[2] for t in toks]
        self.c = [canon(t) for t in self.raw]
        self.n = len(toks)

    def word(self, cw, p, last_text=False):
        """Matches canonical word cw at token p: returns the next position, or -1. A word
        may run over line ends: hyphenated (a hyphen added between two letters), or broken
        without one after a slash or a dash, before an address's punctuation, inside a run of
        punctuation, or anywhere in a
        word wider than three quarters of the column (the breaker breaks a word wider than
        the measure anywhere; an excerpt's measure is the column less its indents)."""
        if p >= self.n:
            return -1
        t = self.c[p]
        if t == cw or (last_text and t.startswith(cw) and t[len(cw):].isdigit()):
            return p + 1
        if not self.eol[p] or not cw.startswith(t[:1]):
            return -1
        variants = {self.raw[p]}
        q = p
        for _ in range(4):
            if not self.eol[q] or q + 1 >= self.n:
                return -1
            left, right = self.raw[q], self.raw[q + 1]
            q += 1
            wide = sum(self.width[p:q + 1]) > 0.75 * self.colw > 0
            nxt = set()
            for v in variants:
                if len(left) >= 2 and left[-1] in "-\u2010" and left[-2].isalpha() and \
                        right[:1].isalpha():
                    nxt.add(v[:-1] + right)  # a hyphen the typesetter added
                if left[-1] in "/-\u2010\u2013\u2014" or wide or \
                        (not left[-1].isalnum() and not right[:1].isalnum()):
                    nxt.add(v + right)
                # an address, a file's name or a name from code ("uunet.uu.net",
                # "legacy_ref") breaks before its punctuation, with no hyphen added
                if right[:1] in "/._-?#%&=~@" and (any(x in v for x in ("://", "www.", "@")) or
                                                     IDENTIFIER.search(cw)):
                    nxt.add(v + right)
            for v in nxt:
                cv = canon(v)
                if cv == cw or (last_text and cv.startswith(cw) and cv[len(cw):].isdigit()):
                    if JOINS is not None:
                        JOINS.append((self.raw[p:q + 1], v))
                    return q + 1
            variants = {v for v in nxt if cw.startswith(canon(v.rstrip("-\u2010")))}
            if not variants:
                return -1
        return -1


JOINS = [] if os.environ.get("TEXTIO_JOINS") else None
# what mkbrief sets as an address besides URLs (nodes.c, is_identifier): a dot between two
# runs of 2+ letters, or an underscore inside
IDENTIFIER = re.compile(r"[A-Za-z]{2}\.[A-Za-z]{2}|[A-Za-z0-9]_[A-Za-z0-9]")


def expected(blk):
    """The block's words, canonical, each with 'may skip marks before it'."""
    out = []
    for k, seg in enumerate(blk["segs"]):
        for i, w in enumerate(seg):
            out.append([canon(w), w, k > 0 and i == 0])
    if blk["kind"] == "quote" and out:
        # a quotation inside the pull quote's own marks is set in single ones; but a quote
        # whose first double mark closes began inside a quotation, which the outer marks
        # stand for when it also ends inside one: its marks stay double
        begun_inside = False
        for w in out:
            raw = w[1]
            at = min((raw.find(q) for q in '"\u201c\u201d' if q in raw), default=-1)
            if at >= 0:
                begun_inside = raw[at] == "\u201d" or (raw[at] == '"' and at > 0 and raw[at - 1] not in "([{\u2014\u2013-/")
                break
        if begun_inside:
            inside = 1
            for w in out:
                raw = w[1]
                for i, ch in enumerate(raw):
                    if ch == "\u201c" or (ch == '"' and (i == 0 or raw[i - 1] in "([{\u2014\u2013-/")):
                        inside += 1
                    elif ch in '"\u201d' and inside > 0:
                        inside -= 1
            begun_inside = inside == 1
        # a quote cut inside a quotation of its source closes it before its own mark
        # (double marks counted: an opening one starts its word or follows a bracket
        # or dash, as the typesetter reads them)
        depth = 0
        for w in out:
            raw = w[1]
            for i, ch in enumerate(raw):
                if ch == "\u201c" or (ch == '"' and (i == 0 or raw[i - 1] in "([{\u2014\u2013-/")):
                    depth += 1
                elif ch in '"\u201d' and depth > 0:
                    depth -= 1
        for w in out:
            if not begun_inside:
                w[0] = w[0].replace('"', "'")
        out[0][0] = '"' + out[0][0]
        if not begun_inside:
            out[-1][0] += "".join("'" if k % 2 else '"' for k in range(depth, 0, -1))
        out[-1][0] = out[-1][0] + '"'
    return out


def match_at(st, exp, p, kind, skip):
    """Matches the block from token p. Returns (number of words matched, end position,
    token position of each matched word)."""
    pos = []
    n = len(exp)
    for k, (cw, _, boundary) in enumerate(exp):
        if boundary:
            for _ in range(2):
                if p < st.n and st.c[p] in skip and st.c[p] != cw:
                    p += 1
        elif k > 0 and (k == 1 or exp[k - 1][2]) and LIST_MARKER.match(exp[k - 1][1]):
            # a paragraph that starts a list item has its portion marking after the marker
            if p < st.n and st.c[p] in skip and st.c[p] != cw and st.c[p] != ELL_MARK:
                p += 1
        q = st.word(cw, p, last_text=(kind == "text" and k == n - 1))
        if q < 0:
            return k, p, pos
        pos.append(p)
        p = q
    return n, p, pos


def ends_ok(st, kind, start, end, marking):
    """What may stand just before and after a block."""
    before = st.c[start - 1] if start > 0 else ""
    after = st.c[end] if end < st.n else ""
    if kind == "excerpt":
        item = LIST_MARKER.match(st.raw[start]) and start + 1 < st.n and st.c[start + 1] == marking
        return item or before in (marking, ELL_MARK), after in (ELL_MARK, F_EM) or after.startswith(F_EM)
    if kind == "text":  # an analyst paragraph: its superscript citation "1 ¶N" follows
        if after.isdigit() and end + 1 < st.n:
            after = st.c[end + 1]
        return before == marking, after.startswith("\u00b6")
    return True, after.startswith(F_EM)


ELL_MARK = canon("[…]")
# a source's list item marker, as article.c reads one ("- ", "• ", "* ", "12. ", "3) ")
LIST_MARKER = re.compile(r"^(?:[-*\u2022]|[0-9]{1,3}[.)])$")


def context(words, i, before=6, after=4):
    a = max(0, i - before)
    return " ".join(words[a:i] + ["[" + words[i] + "]"] + words[i + 1:i + 1 + after])


def check_stream(st, doc, label, limit=5):
    """Checks every block of the brief against the token stream. Returns (failures,
    positions): failure messages, and each block's matched token positions."""
    marking = canon(doc.get("marking") or "")
    skip = {ELL_MARK} | ({marking} if marking else set())
    fails, where = [], []
    cur = 0
    for bi, blk in enumerate(doc["blocks"]):
        exp = expected(blk)
        if not exp:
            where.append([])
            continue
        kind = blk["kind"]
        best = None  # (matched, start, pos, end, why)
        p = cur
        first = exp[0][0]
        found = None
        while p < st.n:
            # candidates: tokens that can start the first word
            c = st.c[p]
            if c == first or (st.eol[p] and first.startswith(c[:1])):
                k, end, pos = match_at(st, exp, p, kind, skip)
                if k == len(exp):
                    ok_b, ok_a = ends_ok(st, kind, p, end, marking)
                    if ok_b and ok_a:
                        found = (p, end, pos)
                        break
                    why = ("preceded by %r" % st.raw[p - 1]) if not ok_b else \
                        ("followed by %r" % (st.raw[end] if end < st.n else "the end of the text"))
                    if best is None or k > best[0] or (k == best[0] and best[4] is None):
                        best = (k, p, pos, end, why)
                elif best is None or k > best[0]:
                    best = (k, p, pos, end, None)
            p += 1
        if found:
            where.append(found[2])
            cur = found[1]
            continue
        where.append(None)
        words = [w for _, w, _ in exp]
        if best is None or best[0] == 0:
            prev = doc["blocks"][bi - 1]["label"] if bi else "the start"
            msg = f"{blk['label']}: first word {words[0]!r} not found after {prev}" \
                f" (token {cur}, page {st.page[cur] if cur < st.n else '-'})"
        else:
            k, p0, pos, end, why = best
            pg = st.page[min(end, st.n - 1)] if st.n else 0
            pdf = " ".join(st.raw[max(p0, end - 6):end + 5])
            if k == len(exp):
                msg = f"{blk['label']}: all {k} words, but {why} (page {pg}): PDF has {pdf!r}"
            else:
                what = "missing or changed"
                if end < st.n:
                    if st.word(exp[k][0], end + 1) >= 0:
                        what = "preceded by an extra word %r" % st.raw[end]
                    elif k + 1 < len(exp) and st.word(exp[k + 1][0], end) >= 0:
                        what = "missing"
                    else:
                        what = "missing or changed (PDF has %r)" % st.raw[end]
                msg = (f"{blk['label']}: word {k + 1} of {len(exp)} {words[k]!r} {what}, "
                       f"page {pg}: source {context(words, k)!r}, PDF {pdf!r}")
            cur = p0 + 1
        fails.append(msg)
        if len(fails) >= limit:
            fails.append(f"(stopping after {limit} failures in {label})")
            break
    return fails, where


def check_one(json_path, layout, html_path, label):
    doc = json.load(open(json_path, encoding="utf-8"))
    st = Stream(*read_words(html_path, layout))
    fails, where = check_stream(st, doc, label)
    if JOINS:  # TEXTIO_JOINS=1: which words were read across a line end, and how
        for pieces, word in JOINS:
            print(f"join {label}: {' | '.join(pieces)} -> {word}", file=sys.stderr)
        del JOINS[:]
    return doc, st, [f"{label}: {f}" for f in fails], where


# ---------------------------------------------------------------- self-check

def self_check(doc, st, where, label):
    """Feeds the matcher damaged copies of a good token stream: each must fail, and the
    untouched and re-hyphenated ones must pass."""
    results = []
    blocks = [(i, b, where[i]) for i, b in enumerate(doc["blocks"]) if where[i] and
              b["kind"] == "excerpt" and len(where[i]) >= 30]
    if len(blocks) < 2:
        return [(False, "self-check: no excerpt of 30 words to damage in " + label)]
    bi, blk, pos = blocks[len(blocks) // 2]
    _, _, pos2 = blocks[len(blocks) // 2 + 1 if len(blocks) // 2 + 1 < len(blocks) else 0]
    words = [w for s in blk["segs"] for w in s]
    mid = len(pos) // 2
    while mid < len(pos) - 1 and (pos[mid + 1] != pos[mid] + 1 or canon(words[mid]) ==
                                  canon(words[mid + 1]) or st.eol[pos[mid]]):
        mid += 1
    toks = st.tok

    def run(mut, want_fail, what, needle=None):
        t = [list(x) for x in toks]
        mut(t)
        f, _ = check_stream(Stream(t, st.colw), doc, label, limit=2)
        ok = bool(f) == want_fail and (needle is None or (f and needle in f[0]))
        results.append((ok, f"self-check ({label}): {what} {'fails' if want_fail else 'passes'}"
                        + (f": {f[0][:160]}" if f and want_fail and ok else "")
                        + (f" -- but got {f[:1]}" if not ok else "")))

    p = pos[mid]
    w = words[mid]
    run(lambda t: None, False, "the PDF's own text")
    run(lambda t: t.pop(p), True, f"one word removed ({w!r})", repr(w))
    run(lambda t: t.insert(p + 1, list(t[p])), True, f"one word doubled ({w!r})")
    run(lambda t: t.__setitem__(p, [t[p][0][:-1], t[p][1], t[p][2]]) if len(t[p][0]) > 1
        else t.pop(p), True, f"one word truncated ({w!r})")
    run(lambda t: (t.__setitem__(p, t[p + 1]), t.__setitem__(p + 1, toks[p])), True,
        f"two words swapped ({w!r}, {words[mid + 1]!r})")
    last = pos[-1]
    run(lambda t: t.pop(last), True, f"the last word of an excerpt removed ({words[-1]!r})")
    run(lambda t: t.insert(pos[0], [words[0], False, t[pos[0]][2]]), True,
        f"an excerpt's first word printed twice ({words[0]!r})")

    def hyphenate(t):
        r = t[p][0]
        t[p:p + 1] = [[r[:2] + "-", True, t[p][2]], [r[2:], t[p][1], t[p][2]]]

    if len(w) >= 4:
        run(hyphenate, False, f"a word hyphenated at a line end ({w[:2]}-/{w[2:]})")

        def split_mid(t):
            r = t[p][0]
            t[p:p + 1] = [[r[:2] + "-", False, t[p][2]], [r[2:], t[p][1], t[p][2]]]
        run(split_mid, True, f"a word split inside a line ({w[:2]}- {w[2:]})")

        def break_bare(t):
            r = t[p][0]
            t[p:p + 1] = [[r[:2], True, t[p][2]], [r[2:], t[p][1], t[p][2]]]
        run(break_bare, True, f"a short word broken at a line end without a hyphen ({w[:2]}/{w[2:]})")

    # two whole blocks swapped: out of order
    a0, a1 = pos[0], pos[-1] + 1
    if pos2 and pos2[0] > a1:
        b0, b1 = pos2[0], pos2[-1] + 1

        def swap(t):
            t[a0:b1] = t[b0:b1] + t[a1:b0] + t[a0:a1]
        run(swap, True, "two excerpts in the wrong order")
    return results


# ---------------------------------------------------------------- the driver

SELF_CHECK = ("textio-licences1-paragraphs", "handout")  # the run the self-check damages


def job(args):
    name, d, root, mk, layout, out = args
    t0 = time.time()
    pdf = os.path.join(out, f"{name}-{layout}.pdf")
    page = os.path.join(out, f"{name}-{layout}.html")
    lpath = os.path.join(root, "layouts", layout + ".yaml")
    label = f"{name}/{layout}"
    r = subprocess.run([mk, "--layout", layout, "-o", pdf, os.path.join(d, name + ".yaml")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        how = f"exit status {r.returncode}" if r.returncode > 0 else \
            f"killed by {signal.Signals(-r.returncode).name}"
        err = [l for l in r.stderr.splitlines() if "ERROR: AddressSanitizer" in l or
               l.startswith("SUMMARY:")] or r.stderr.strip().splitlines()[:5]
        return label, [f"{label}: mkbrief {how} ({mk} --layout {layout} {name}.yaml): "
                       + " / ".join(err)[:600]], 0, 0, 0, None
    # the generated cuts fall anywhere: one that leaves out a negating word is warned of
    # (the quote may say the opposite), as it should be; any other warning is a defect
    lines = r.stderr.strip().splitlines()
    warn = "\n".join(l for i, l in enumerate(lines)
                     if not re.search(r": warning: .* leaves out '.*' at elision \d+ ", l)
                     and not (i > 0 and re.search(r" at elision \d+ ", lines[i - 1]) and ": note: quote the words" in l))
    r2 = subprocess.run(["pdftotext", "-bbox-layout", pdf, page], capture_output=True, text=True)
    if r2.returncode != 0:
        return label, [f"{label}: pdftotext failed: {r2.stderr.strip()[:300]}"], 0, 0, 0, None
    doc, st, fails, where = check_one(os.path.join(d, name + ".json"), lpath, page, label)
    if warn:
        fails.insert(0, f"{label}: mkbrief warned: {warn[:600]}")
    npages = st.page[-1] if st.n else 0
    sc = None
    if name == SELF_CHECK[0] and layout == SELF_CHECK[1] and not fails:
        sc = self_check(doc, st, where, label)
    return label, fails, len(doc["blocks"]), doc["words"], npages, (sc, time.time() - t0)


def cmd_run(d, root, mk):
    t0 = time.time()
    names = sorted(f[:-5] for f in os.listdir(d) if f.startswith("textio-") and f.endswith(".yaml"))
    layouts = sorted(f[:-5] for f in os.listdir(os.path.join(root, "layouts")) if f.endswith(".yaml"))
    out = os.path.join(d, "out")
    os.makedirs(out, exist_ok=True)
    jobs = [(n, d, root, mk, l, out) for n in names for l in layouts]
    # the biggest first, so that the two workers finish together
    jobs.sort(key=lambda j: -os.path.getsize(os.path.join(d, j[0] + ".json")))
    tot_words = tot_blocks = bad = 0
    selfchecked = False
    with ProcessPoolExecutor(int(os.environ.get("JOBS") or min(4, os.cpu_count() or 2))) as ex:
        for label, fails, nb, nw, npages, extra in ex.map(job, jobs):
            if fails:
                bad += 1
                for f in fails:
                    say(False, f)
            else:
                say(True, f"{label}: {nb} blocks, {nw} words in order ({npages} pages)")
                tot_words += nw
                tot_blocks += nb
            if extra and extra[0]:
                selfchecked = True
                for ok, msg in extra[0]:
                    say(ok, msg)
    if not selfchecked:
        say(False, "self-check: %s/%s did not pass, so nothing was damaged" % SELF_CHECK)
    if bad:
        keep = os.environ.get("TEXTIO_KEEP")
        say(False, f"{bad} of {len(jobs)} renderings lost or changed text" +
            (f" (briefs, PDFs and pdftotext output kept in {keep})" if keep else ""))
    else:
        say(True, f"{tot_words} words in {tot_blocks} blocks: {len(names)} briefs x "
            f"{len(layouts)} layouts ({', '.join(layouts)}) in {time.time() - t0:.1f} s")
    return 0


def cmd_check(json_path, layout, html_path):
    label = os.path.basename(html_path)
    doc, st, fails, _ = check_one(json_path, layout, html_path, label)
    for f in fails:
        say(False, f)
    if not fails:
        say(True, f"{label}: {len(doc['blocks'])} blocks, {doc['words']} words in order")
    return 1 if fails else 0


def cmd_mutate(json_path, layout, html_path, out):
    """Writes a copy of PAGES.html without one word from the middle of the longest excerpt,
    and prints that word."""
    doc = json.load(open(json_path, encoding="utf-8"))
    toks, colw = read_words(html_path, layout)
    fails, where = check_stream(Stream(toks, colw), doc, "mutate")
    if fails:
        print("mutate: the file does not pass to begin with", file=sys.stderr)
        return 2
    bi = max(range(len(where)), key=lambda i: len(where[i] or []))
    pos = where[bi]
    k = len(pos) // 2
    while k < len(pos) - 1 and (toks[pos[k]][1] or pos[k + 1] != pos[k] + 1):
        k += 1
    w = toks[pos[k]][3]
    data = open(html_path, encoding="utf-8").read()
    open(out, "w", encoding="utf-8").write(data[:w[5]] + data[w[6]:])
    print(w[0])
    return 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "article":
        cmd_article(argv[1], [int(x) for x in argv[2:]])
        return 0
    if len(argv) == 2 and argv[0] == "tricky":
        cmd_tricky(argv[1])
        return 0
    if len(argv) >= 2 and argv[0] == "gen":
        longs = [argv[i + 1] for i in range(2, len(argv) - 1) if argv[i] == "--long"]
        owns = [argv[i + 1] for i in range(2, len(argv) - 1) if argv[i] == "--own"]
        cmd_gen(argv[1], longs, owns)
        return 0
    if len(argv) == 4 and argv[0] == "run":
        return cmd_run(*argv[1:])
    if len(argv) == 4 and argv[0] == "check":
        return cmd_check(*argv[1:])
    if len(argv) == 5 and argv[0] == "mutate":
        return cmd_mutate(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
