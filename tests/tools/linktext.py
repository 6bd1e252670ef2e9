#!/usr/bin/env python3
"""linktext.py FILE.pdf PAGE: the text under each link of PAGE, one link a line: the
characters (mutool draw -F stext) whose centre lies inside the link's rectangle
(tests/tools/pdflinks.py), so that a link over "no serious" beside an opening quote reads
"no serious" and not the quote. Letter pages (792 pt high)."""
import html
import os
import re
import subprocess
import sys


def main():
    path, page = sys.argv[1], int(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    links = subprocess.run([sys.executable, os.path.join(here, "pdflinks.py"), path], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    xml = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", path, str(page)], capture_output=True, text=True,
                         check=True).stdout
    height = float(re.search(r'<page [^>]*height="([^"]*)"', xml).group(1))
    chars = []
    for m in re.finditer(r'<char quad="([^"]*)"[^>]* c="([^"]*)"', xml):
        q = [float(v) for v in m.group(1).split()]
        chars.append(((q[0] + q[2]) / 2, (q[1] + q[5]) / 2, html.unescape(m.group(2))))
    for line in links:
        f = line.split()
        if int(f[0]) != page:
            continue
        x0, y0, x1, y1 = (float(v) for v in f[1:5])
        top, bottom = height - y1, height - y0
        print("".join(c for x, y, c in chars if x0 <= x <= x1 and top <= y <= bottom).strip())


main()
