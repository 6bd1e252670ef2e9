"""stext.py: the characters of a PDF as MuPDF places them (mutool draw -F stext), for the
tests' tools (lettergaps.py, linktext.py): per page its height and its lines, per line its
characters, each with its text, its origin's x and its quad's box from the page's top left."""
import collections
import html
import re
import subprocess

Char = collections.namedtuple("Char", "c x x0 y0 x1 y1")


def pages(path, page=None):
    """Yields (height, lines) for each page of path, or for page (from 1) alone."""
    args = ["mutool", "draw", "-F", "stext", "-o", "-", path] + ([str(page)] if page else [])
    xml = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    for pg in re.finditer(r'<page [^>]*height="([^"]*)".*?</page>', xml, re.S):
        lines = []
        for line in re.finditer(r"<line .*?</line>", pg.group(0), re.S):
            chars = []
            for m in re.finditer(r'<char quad="([^"]*)" x="([^"]*)"[^>]* c="([^"]*)"', line.group(0)):
                q = [float(v) for v in m.group(1).split()]
                chars.append(Char(html.unescape(m.group(3)), float(m.group(2)), q[0], q[1], q[2], q[5]))
            lines.append(chars)
        yield float(pg.group(1)), lines
