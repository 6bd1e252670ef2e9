#!/usr/bin/env python3
"""holes.py FILE.pdf [LIMIT]: justified lines with a hole between words.

Reads the words' boxes (pdftotext -bbox-layout); a line that reaches its block's right edge
(within 0.5 pt) and has three words or more is justified; its widest gap between words is
held against the median gap of all such lines in the file. Prints each line whose widest gap
is over LIMIT (default 2.2) times that median, with its page; exits 1 if there is one. The
gap after a list's hanging number or bullet is not a space between words."""
import re
import statistics
import subprocess
import sys


def main():
    path, limit = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 2.2
    xml = subprocess.run(["pdftotext", "-bbox-layout", path, "-"], capture_output=True, text=True, check=True).stdout
    lines, page = [], 0
    for blk in re.finditer(r"<page |<block (.*?)</block>", xml, re.S):
        if blk.group(0).startswith("<page"):
            page += 1
            continue
        rows = []
        for ln in re.finditer(r"<line[^>]*>(.*?)</line>", blk.group(1), re.S):
            ws = [(float(a), float(b), t) for a, b, t in
                  re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', ln.group(1))]
            if ws:
                rows.append(ws)
        if len(rows) < 2:
            continue
        right = max(r[-1][1] for r in rows)
        # a list's number or bullet hangs left of the lines below it: its gap is no space
        hang = rows[0][0][0] < min(r[0][0] for r in rows[1:]) - 1
        for n, r in enumerate(rows):
            if len(r) >= 3 and right - r[-1][1] < 0.5:
                gaps = [r[i + 1][0] - r[i][1] for i in range(len(r) - 1)]
                if n == 0 and hang:
                    gaps = gaps[1:]
                lines.append((page, max(gaps), gaps, " ".join(w[2] for w in r)))
    if not lines:
        print("no justified lines")
        return 1
    median = statistics.median(g for ln in lines for g in ln[2])
    bad = [ln for ln in lines if ln[1] > limit * median]
    for page, widest, _, text in bad:
        print(f"page {page}: a gap of {widest:.2f} pt ({widest / median:.2f}x the median {median:.2f} pt): {text}")
    print(f"{len(lines)} justified lines, {len(bad)} with a gap over {limit}x the median")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
