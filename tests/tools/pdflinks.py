#!/usr/bin/env python3
"""pdflinks.py: the link annotations of a PDF, one per line, as qpdf reads them:
"PAGE x0 y0 x1 y1 -> page N" (internal, pages from 1) or "-> uri URI", for tests that check
where links go. Usage: pdflinks.py FILE.pdf"""
import json
import subprocess
import sys


def main():
    out = subprocess.run(["qpdf", "--json", sys.argv[1]], capture_output=True, check=True).stdout
    j = json.loads(out)
    objects = j["qpdf"][1]
    page_of = {p["object"]: p["pageposfrom1"] for p in j["pages"]}

    def obj(ref):
        v = objects.get("obj:" + ref, {})
        return v.get("value", v)

    for p in j["pages"]:
        page = obj(p["object"])
        annots = page.get("/Annots", [])
        if isinstance(annots, str):
            annots = obj(annots)
        for a in annots:
            ad = obj(a) if isinstance(a, str) else a
            rect = " ".join("%.0f" % v for v in ad.get("/Rect", []))
            dest = ad.get("/Dest")
            if dest is None and "/A" in ad:
                act = obj(ad["/A"]) if isinstance(ad["/A"], str) else ad["/A"]
                if "/URI" in act:
                    print("%d %s -> uri %s" % (p["pageposfrom1"], rect, act["/URI"]))
                    continue
                dest = act.get("/D")
            if isinstance(dest, str):
                dest = obj(dest)
            if isinstance(dest, list) and dest:
                print("%d %s -> page %s" % (p["pageposfrom1"], rect, page_of.get(dest[0], "?")))


main()
