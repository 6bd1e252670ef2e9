#!/usr/bin/env python3
"""mancheck.py: every key the loaders take, and every value they take from a fixed list,
is in the (5) pages and every option and command in the (1) pages. Keys come from `mkbrief schema brief|layout` (written from the
loaders' own key tables), options from `--help`. Prints one line per missing name and exits
1 if any. usage: mancheck.py MKBRIEF MANDIR"""
import json
import re
import subprocess
import sys

mkbrief, mandir = sys.argv[1], sys.argv[2]


def marked(page, macro):
    """The words an mdoc page marks with macro (Ic, Fl, Cm), as written after it."""
    words = set()
    for line in open(f"{mandir}/{page}", encoding="utf-8"):
        toks = line.split()
        for i, t in enumerate(toks):
            if t in (macro, "." + macro):
                for w in toks[i + 1:]:
                    if w in (",", "and", "or", "|", ";") or re.fullmatch(r"[A-Z][a-z][a-z]?", w):
                        if re.fullmatch(r"[A-Z][a-z][a-z]?", w):
                            break
                        continue
                    w = w.replace("\\-", "-").strip(",")
                    words.add(w)
                    # "excerpt.cite-space", the name a layout's messages use, documents
                    # cite-space (and excerpt) too
                    parts = w.split(".")
                    words.update(".".join(parts[i:]) for i in range(1, len(parts)))
                    words.update(p for p in parts if p)
    return words


def keys(schema, what="properties"):
    """Every property name in a JSON Schema (what="properties"), or the words of its enums
    (what="enum")."""
    out = set()

    def walk(n):
        if isinstance(n, dict):
            for k, v in n.items():
                if k == what == "properties":
                    out.update(v.keys())
                elif k == what == "enum":
                    out.update(x for x in v if isinstance(x, str))
                walk(v)
        elif isinstance(n, list):
            for v in n:
                walk(v)

    walk(schema)
    return out


# values every page takes for granted: YAML's booleans and the "*" of table widths
PLAIN_VALUES = {"true", "false", "yes", "no", "on", "off", "*"}


missing = []
for kind, page in (("brief", "mkbrief-brief.5"), ("layout", "mkbrief-layout.5")):
    schema = json.loads(subprocess.run([mkbrief, "schema", kind], check=True, capture_output=True).stdout)
    want = keys(schema)
    if len(want) < (45 if kind == "brief" else 70):
        missing.append(f"{kind}: only {len(want)} keys found in the schema")
    have = marked(page, "Ic")
    missing += [f"{page}: key '{k}' is not documented (.Ic {k})" for k in sorted(want - have)]
    # a value a key takes (booktabs, bottom-line, decimal) is named somewhere, as .Cm or .Ql
    values = keys(schema, "enum") - PLAIN_VALUES
    have = marked(page, "Cm") | marked(page, "Ql") | marked(page, "Ic")
    missing += [f"{page}: value '{v}' is not documented (.Cm {v})" for v in sorted(values - have)]


def options(args):
    text = subprocess.run([mkbrief] + args, capture_output=True, text=True).stdout
    return set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", text))


for args, page in ((["--help"], "mkbrief.1"), (["diff", "--help"], "mkbrief-diff.1")):
    want = options(args)
    if len(want) < 5:
        missing.append(f"{' '.join(args)}: only {len(want)} options found")
    have = {("-" + w) if not w.startswith("-") else "-" + w for w in marked(page, "Fl")}
    missing += [f"{page}: option '{o}' is not documented (.Fl)" for o in sorted(want - have)]
help_text = subprocess.run([mkbrief, "--help"], capture_output=True, text=True).stdout
commands = set(re.findall(r"^\s+(?:usage: )?mkbrief ([a-z]+) ", help_text, re.M))
have = marked("mkbrief.1", "Cm")
missing += [f"mkbrief.1: command '{c}' is not documented (.Cm {c})" for c in sorted(commands - have)]
if len(commands) < 4:
    missing.append(f"--help: only {len(commands)} commands found")
for m in missing:
    print(m)
sys.exit(1 if missing else 0)
