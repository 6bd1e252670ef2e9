#!/usr/bin/env python3
"""lettergaps.py FILE.pdf WORD: the mean gap between the letters of each occurrence of WORD,
in reading order, one number (pt) a line.

Reads each character's origin and advance (mutool draw -F stext): the gap after a letter is
where the next letter starts less where this one's advance ends, so kerning and letter
spacing show and glyph widths (expanded or not) do not. The same word set twice with the
same kerning has the same gaps, unless one of them is letter-spaced."""
import re
import subprocess
import sys


def main():
    path, word = sys.argv[1], sys.argv[2]
    xml = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", path], capture_output=True, text=True,
                         check=True).stdout
    for line in re.finditer(r"<line .*?</line>", xml, re.S):
        chars = []
        for m in re.finditer(r'<char quad="([^"]*)" x="([^"]*)" y="[^"]*"[^>]* c="([^"]*)"', line.group(0)):
            q = [float(v) for v in m.group(1).split()]
            chars.append((m.group(3), float(m.group(2)), q[2] - q[0]))
        text = "".join(c for c, _, _ in chars)
        for hit in re.finditer(r"(?<![A-Za-z])%s(?![A-Za-z])" % re.escape(word), text):
            run = chars[hit.start():hit.end()]
            gaps = [run[i + 1][1] - (run[i][1] + run[i][2]) for i in range(len(run) - 1)]
            print("%.3f" % (sum(gaps) / len(gaps)))


main()
