#!/usr/bin/env python3
"""layers.py SRC: checks that src/ reads as a one-way pipeline (README, "Architecture").

Prints one line per violation ("file:line: what") and exits 1 if there is any:
- a file includes only its own folder or an earlier stage (base < load < resolve <
  typeset < layout < render < tools); nothing but main.c includes tools/; the stage
  folders include nothing from the top of src/ (main.c, build.c, cli.h);
- the rules of single stages: typeset never sees the brief or the document model,
  render reads layout/ only through doc.h, load and base link no Pango or Cairo, and
  layout draws nothing (no cairo_ calls);
- a function is declared in its own file's header (or in a header no file owns), and
  no include cycle between modules (a .c file and its header);
- no .c file over 800 lines, no function over 100 (signature to closing brace), and each
  file opens with a comment naming its job.
"""
import os
import re
import sys

STAGES = ["base", "load", "resolve", "typeset", "layout", "render", "tools"]
TOP = len(STAGES)  # main.c, build.c, cli.h
MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 100
LOCAL = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SYSTEM = re.compile(r"^\s*#\s*include\s+<([^>]+)>")
# a function body opens at column 0 after its signature and closes with "}" at column 0
SIGNATURE = re.compile(r"^[A-Za-z_][^;{}]*\)\s*\{\s*$")
NOT_FUNCTION = ("struct", "typedef", "enum", "union", "static const", "const")


def stage_of(rel):
    """Rank of a file by its folder: 0 for base ... TOP for the top of src/."""
    head = rel.split("/")[0]
    return STAGES.index(head) if "/" in rel and head in STAGES else TOP


def module(rel):
    return os.path.splitext(rel)[0]


def stage_rules(rel, target, system):
    """Rules beyond the order of stages; returns a message or None."""
    folder = rel.split("/")[0] if "/" in rel else ""
    if system:
        if folder in ("base", "load") and system.split("/")[0] in ("pango", "cairo", "cairo.h"):
            return "%s does not use Pango or Cairo (<%s>)" % (folder, system)
        return None
    if folder == "typeset" and target in ("load/brief.h", "load/article.h"):
        return "typeset sets text and never sees the brief (%s)" % target
    if folder == "render" and target.startswith("layout/") and target != "layout/doc.h":
        return "render reads the laid-out document through layout/doc.h only, not %s" % target
    return None


def check_includes(src, rel, lines, graph, out):
    rank = stage_of(rel)
    for no, line in enumerate(lines, 1):
        m = SYSTEM.match(line)
        if m:
            why = stage_rules(rel, None, m.group(1))
            if why:
                out.append("%s:%d: %s" % (rel, no, why))
            continue
        m = LOCAL.match(line)
        if not m:
            continue
        target = m.group(1)
        if not os.path.exists(os.path.join(src, target)):
            here = os.path.join(os.path.dirname(rel), target)
            if os.path.exists(os.path.join(src, here)):
                out.append('%s:%d: write the folder: #include "%s"' % (rel, no, here))
                target = here
            else:
                continue  # generated or outside src/: not ours to order
        # a file and its header are one module: para.c calling into linebreak.c, declared
        # in para.h, while linebreak.c includes para.h is a cycle, though no header loops
        if module(target) != module(rel):
            graph.setdefault(module(rel), []).append((module(target), no))
        trank = stage_of(target)
        if target.startswith("tools/") and not (rel.startswith("tools/") or rel == "main.c"):
            out.append("%s:%d: only main.c includes tools/ (%s)" % (rel, no, target))
        elif trank > rank:
            what = "the top of src/" if trank == TOP else STAGES[trank] + "/"
            out.append("%s:%d: %s/ includes %s, a later stage (%s)" % (rel, no, STAGES[rank] if rank < TOP else "src", what, target))
        why = stage_rules(rel, target, None)
        if why:
            out.append("%s:%d: %s" % (rel, no, why))


def check_sizes(rel, lines, out):
    if rel.endswith(".c") and len(lines) > MAX_FILE_LINES:
        out.append("%s:1: %d lines; a file holds one job, at most %d lines" % (rel, len(lines), MAX_FILE_LINES))
    if not lines or not lines[0].startswith("/*"):
        out.append("%s:1: a file opens with a comment naming its job" % rel)
    start = None
    for i, line in enumerate(lines):
        opens = SIGNATURE.match(line) and not line.startswith(NOT_FUNCTION)
        if start is None and opens:
            start = i
        elif start is None and line == "{" and i > 0 and lines[i - 1].rstrip().endswith(")"):
            start = i - 1
        elif start is not None and line.startswith("}"):
            if i - start + 1 > MAX_FUNCTION_LINES:
                name = lines[start].split("(")[0].split()[-1].lstrip("*")
                out.append("%s:%d: function %s is %d lines; at most %d" % (rel, start + 1, name, i - start + 1, MAX_FUNCTION_LINES))
            start = None


def check_drawing(rel, lines, out):
    if rel.startswith("layout/") and rel.endswith(".c"):
        for no, line in enumerate(lines, 1):
            if re.search(r"\bcairo_\w+\s*\(", line):
                out.append("%s:%d: layout draws nothing; drawing belongs in render/" % (rel, no))


DEFINITION = re.compile(r"^(?!static\b)[A-Za-z_][\w \t\*]*?\b(\w+)\s*\(")


def check_declarations(src, files, out):
    """A function is declared in the header of its own file, or in a header that has no
    file of its own (cli.h, an internal header a folder's files share): a function declared
    in another file's header hides a dependency from the include graph."""
    declared = {}
    for rel in files:
        if rel.endswith(".h"):
            with open(os.path.join(src, rel), encoding="utf-8") as f:
                for line in f.read().splitlines():
                    m = re.match(r"^(?!typedef|#|static|\s)[\w \t\*]*?\b(\w+)\s*\(", line)
                    if m:
                        declared.setdefault(m.group(1), []).append(rel)
    for rel in files:
        if not rel.endswith(".c"):
            continue
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            lines = f.read().splitlines()
        for no, line in enumerate(lines, 1):
            m = DEFINITION.match(line)
            if not m or line.rstrip().endswith(";") or m.group(1) == "main":
                continue
            for header in declared.get(m.group(1), []):
                own = module(header) == module(rel)
                shared = not os.path.exists(os.path.join(src, module(header) + ".c"))
                if not own and not shared:
                    out.append("%s:%d: %s is declared in %s, another file's header; declare it in %s.h" % (rel, no, m.group(1), header, module(rel)))


def find_cycle(graph):
    state = {}
    for start in sorted(graph):
        stack = [(start, iter(graph.get(start, [])))]
        path = [start]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            target = nxt[0]
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state:
                state[target] = 1
                stack.append((target, iter(graph.get(target, []))))
                path.append(target)
    return None


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "src"
    out, graph = [], {}
    files = []
    for folder, _, names in os.walk(src):
        for name in names:
            if name.endswith((".c", ".h")):
                files.append(os.path.relpath(os.path.join(folder, name), src))
    for rel in sorted(files):
        if "/" in rel and rel.split("/")[0] not in STAGES:
            out.append("%s:1: %s/ is not a stage folder (%s)" % (rel, rel.split("/")[0], ", ".join(STAGES)))
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            lines = f.read().splitlines()
        check_includes(src, rel, lines, graph, out)
        check_sizes(rel, lines, out)
        check_drawing(rel, lines, out)
    check_declarations(src, sorted(files), out)
    cycle = find_cycle(graph)
    if cycle:
        out.append("%s:1: include cycle: %s" % (cycle[0], " -> ".join(cycle)))
    for line in out:
        print(line)
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
