#!/usr/bin/env python3
"""ruleclear.py: whether any glyph of a PDF stands under a rule, from what the page draws
(mutool trace), not from what mkbrief says it drew: a layout's rules may be up to 36pt
wide, and one the layout makes no room for is drawn over the text.

A rule is drawn in a dark colour: a filled upright rectangle at most 36pt across one
way (a rule or a bar), or a stroked line or frame (its rectangle is the stroke's width
about each side). Light fills (tints, grounds) are not rules, nor what a figure draws
(scaled into place: its transform is not the page's). A glyph is the box from its baseline up 0.75 em and down 0.25
em, across half an em from its origin: inside any font's ink for letters, so that a
glyph that merely sits near a rule is not taken for one under it.

Usage: ruleclear.py FILE.pdf [MIN_GAP]. Prints one line per glyph under (or nearer than
MIN_GAP points to) a rule, "page N: 'c' at y=... under rule y0..y1", and exits 1 when
there is any; prints the number of rules and glyphs seen otherwise."""
import re
import subprocess
import sys

NUM = r"-?[0-9.]+"


def dark(color):
    vals = [float(v) for v in color.split()]
    return len(vals) == 3 and sum(vals) / 3 < 0.6 or len(vals) == 1 and vals[0] < 0.6


def pages(pdf):
    out = subprocess.run(["mutool", "trace", pdf], capture_output=True, text=True, check=True).stdout
    page, rules, glyphs = 0, [], []
    path = None  # (kind, colour, linewidth, points)
    size = 0
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("<page "):
            if page:
                yield page, rules, glyphs
            page, rules, glyphs = page + 1, [], []
        elif s.startswith("<fill_path") or s.startswith("<stroke_path"):
            color = re.search(r' color="([^"]*)"', s).group(1)
            lw = re.search(r'linewidth="(' + NUM + ')"', s)
            if 'transform="1 0 0 1 0 0"' not in s:  # a figure's drawing, scaled into place
                continue
            path = ("stroke" if lw else "fill", color, float(lw.group(1)) if lw else 0, [])
        elif path and (s.startswith("<moveto") or s.startswith("<lineto")):
            x, y = re.search(r'x="(' + NUM + ')" y="(' + NUM + ')"', s).groups()
            path[3].append((float(x), float(y)))
        elif path and (s.startswith("</fill_path") or s.startswith("</stroke_path")):
            kind, color, lw, pts = path
            path = None
            if not dark(color) or not pts:
                continue
            if kind == "fill":
                xs, ys = {round(p[0], 3) for p in pts}, {round(p[1], 3) for p in pts}
                # an upright rectangle no wider or taller than a rule (bars too): not a ground
                if len(pts) == 4 and len(xs) == 2 and len(ys) == 2 and min(max(xs) - min(xs), max(ys) - min(ys)) <= 36.01:
                    rules.append((min(xs), max(xs), min(ys), max(ys)))
            else:
                # a stroke, its sides too (a frame's), as the rectangle its width covers
                for a, b in zip(pts, pts[1:] + pts[:1] if len(pts) > 2 else pts[1:]):
                    if abs(a[1] - b[1]) < 0.01 or abs(a[0] - b[0]) < 0.01:
                        rules.append((min(a[0], b[0]) - lw / 2 * (abs(a[1] - b[1]) > 0.01),
                                      max(a[0], b[0]) + lw / 2 * (abs(a[1] - b[1]) > 0.01),
                                      min(a[1], b[1]) - lw / 2 * (abs(a[1] - b[1]) < 0.01),
                                      max(a[1], b[1]) + lw / 2 * (abs(a[1] - b[1]) < 0.01)))
        elif s.startswith("<span "):
            trm = re.search(r'trm="(' + NUM + ")", s)
            size = abs(float(trm.group(1))) if trm else 0
        elif s.startswith("<g "):
            m = re.search(r'unicode="([^"]*)".* x="(' + NUM + ')" y="(' + NUM + ')"', s)
            if m and m.group(1).strip() and size > 0:
                glyphs.append((m.group(1), float(m.group(2)), float(m.group(3)), size))
    if page:
        yield page, rules, glyphs


def main():
    pdf = sys.argv[1]
    gap = float(sys.argv[2]) if len(sys.argv) > 2 else 0
    bad, nrules, nglyphs = 0, 0, 0
    for page, rules, glyphs in pages(pdf):
        nrules += len(rules)
        nglyphs += len(glyphs)
        for c, x, y, size in glyphs:
            gx0, gx1, gy0, gy1 = x, x + size / 2, y - 0.75 * size, y + 0.25 * size
            for x0, x1, y0, y1 in rules:
                if gx1 > x0 and gx0 < x1 and gy1 > y0 - gap and gy0 < y1 + gap:
                    bad += 1
                    if bad <= 20:
                        print(f"page {page}: {c!r} at y={y:.2f} ({size:g}pt) under rule y={y0:.2f}..{y1:.2f}")
                    break
    if bad:
        print(f"{bad} glyphs under rules")
        return 1
    print(f"{nrules} rules, {nglyphs} glyphs, none under a rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
