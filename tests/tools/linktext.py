#!/usr/bin/env python3
"""linktext.py FILE.pdf PAGE: the text under each link of PAGE, one link a line: the
characters (stext.py) whose centre lies inside the link's rectangle (pdflinks.py), so that
a link over "no serious" beside an opening quote reads "no serious" and not the quote."""
import os
import subprocess
import sys

import stext


def main():
    path, page = sys.argv[1], int(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    links = subprocess.run([sys.executable, os.path.join(here, "pdflinks.py"), path], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    height, lines = next(stext.pages(path, page))
    chars = [((ch.x0 + ch.x1) / 2, (ch.y0 + ch.y1) / 2, ch.c) for line in lines for ch in line]
    for line in links:
        f = line.split()
        if int(f[0]) != page:
            continue
        x0, y0, x1, y1 = (float(v) for v in f[1:5])
        top, bottom = height - y1, height - y0
        print("".join(c for x, y, c in chars if x0 <= x <= x1 and top <= y <= bottom).strip())


main()
