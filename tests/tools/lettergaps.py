#!/usr/bin/env python3
"""lettergaps.py FILE.pdf WORD: the mean gap between the letters of each occurrence of WORD,
in reading order, one number (pt) a line.

Reads each character's origin and advance (stext.py): the gap after a letter is where the
next letter starts less where this one's advance ends, so kerning and letter spacing show
and glyph widths (expanded or not) do not. The same word set twice with the same kerning
has the same gaps, unless one of them is letter-spaced."""
import re
import sys

import stext


def main():
    path, word = sys.argv[1], sys.argv[2]
    for _, lines in stext.pages(path):
        for chars in lines:
            text = "".join(ch.c for ch in chars)
            for hit in re.finditer(r"(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(word), text):
                run = chars[hit.start():hit.end()]
                gaps = [run[i + 1].x - (run[i].x + run[i].x1 - run[i].x0) for i in range(len(run) - 1)]
                print("%.3f" % (sum(gaps) / len(gaps)))


main()
