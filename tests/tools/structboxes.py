#!/usr/bin/env python3
"""structboxes.py ROLE FILE.pdf: for each structure element of ROLE (Figure, Table), in
reading order, one line: the pages its content is on (1-based, comma-separated) and its
layout /BBox as left bottom right top to a tenth of a point, or "none" when it has none.
tests/sh/figures.sh and tests/sh/tables.sh read it."""
import sys

import pikepdf

role, path = "/" + sys.argv[1], sys.argv[2]
pdf = pikepdf.open(path)
pages = {p.objgen: i for i, p in enumerate(pdf.pages)}


def kids(e, out):
    if isinstance(e, pikepdf.Array):
        for k in e:
            kids(k, out)
    elif isinstance(e, pikepdf.Dictionary):
        if "/Pg" in e:
            out.add(pages[e.Pg.objgen])
        kids(e.get("/K"), out)
    return out


def walk(e):
    if isinstance(e, pikepdf.Array):
        for k in e:
            walk(k)
    elif isinstance(e, pikepdf.Dictionary):
        if e.get("/S") == role:
            a = e.get("/A")
            box = a.get("/BBox") if isinstance(a, pikepdf.Dictionary) and a.get("/O") == "/Layout" else None
            pg = sorted(kids(e, set()))
            print(",".join(str(p + 1) for p in pg), " ".join("%.1f" % float(v) for v in box) if box is not None else "none")
        walk(e.get("/K"))


walk(pdf.Root.StructTreeRoot.K)
