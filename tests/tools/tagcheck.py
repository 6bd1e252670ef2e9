#!/usr/bin/python3
"""tagcheck.py: the machine-checkable parts of PDF/UA-1 (the Matterhorn protocol's
checkpoints that apply to mkbrief's PDFs) on one PDF, with python3-pikepdf (Debian's, run
by /usr/bin/python3). Prints one line per checkpoint, "ok CHECKPOINT what" or
"FAIL CHECKPOINT what: why", and exits 1 on any failure.

    tagcheck.py FILE.pdf [BRIEF.yaml]   with the brief: reading order against its text
    tagcheck.py --pdfa FILE.pdf [BRIEF.yaml]   and PDF/A-2b's checks
    tagcheck.py --text FILE.pdf         print the structure tree's text, one leaf a line (P[de]: a leaf with its /Lang)

Content is read the way a screen reader reads it: each page's marked-content sequences by
MCID, glyphs through the fonts' ToUnicode maps, /ActualText spans as their text."""
import re
import sys

import pikepdf

PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "INLINE IMAGE"}


def cmap(font):
    """code length and code -> text of a font's ToUnicode map ({} without one)"""
    tu = font.get("/ToUnicode")
    if tu is None:
        return 1, None
    data = tu.read_bytes().decode("latin-1")
    m = re.search(r"begincodespacerange\s*<([0-9a-fA-F]+)>", data)
    n = len(m.group(1)) // 2 if m else 1
    out = {}

    def u(h):
        return bytes.fromhex(h).decode("utf-16-be", "replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for a, b in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            out[int(a, 16)] = u(b)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for a, b, rest in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]*>)", block):
            lo, hi = int(a, 16), int(b, 16)
            if rest.startswith("["):
                for k, h in enumerate(re.findall(r"<([0-9a-fA-F]*)>", rest)):
                    out[lo + k] = u(h)
            else:
                base = bytes.fromhex(rest[1:-1])
                for k in range(hi - lo + 1):
                    v = int.from_bytes(base, "big") + k
                    out[lo + k] = u(v.to_bytes(len(base), "big").hex())
    return n, out


def decode(s, fm):
    n, m = fm
    b = bytes(s)
    if m is None:
        return b.decode("latin-1")
    return "".join(m.get(int.from_bytes(b[i:i + n], "big"), "\ufffd") for i in range(0, len(b) - n + 1, n))


def read_page(page, maps):
    """text of each MCID on the page, and how many painting operators lie outside both
    every MCID sequence and every artifact"""
    text, untagged, stack, font, pagination = {}, 0, [], None, 0
    fonts = page.Resources.get("/Font", {})
    for ops, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            tag = str(ops[0])
            props = ops[1] if op == "BDC" and isinstance(ops[1], pikepdf.Dictionary) else {}
            mcid = int(props["/MCID"]) if "/MCID" in props else None
            pagination += tag == "/Artifact" and props.get("/Type") == "/Pagination"
            actual = str(props["/ActualText"]) if "/ActualText" in props else None
            stack.append((tag, mcid, actual))
            cur = [e[1] for e in stack if e[1] is not None]
            if actual is not None and cur and not any(e[2] is not None for e in stack[:-1]):
                text[cur[-1]] = text.get(cur[-1], "") + actual
            continue
        if op == "EMC":
            if stack:
                stack.pop()
            continue
        if op == "Tf":
            f = fonts.get(str(ops[0]))
            if f is not None:
                key = f.objgen
                if key not in maps:
                    maps[key] = cmap(f)
                font = maps[key]
            continue
        cur = [e[1] for e in stack if e[1] is not None]
        art = any(e[0] == "/Artifact" for e in stack)
        if op in PAINT and not cur and not art:
            untagged += 1
        if not cur or any(e[2] is not None for e in stack) or font is None:
            continue
        shown = ""
        if op in ("Tj", "'", '"'):
            shown = decode(ops[-1], font)
        elif op == "TJ":
            for x in ops[0]:
                if isinstance(x, pikepdf.String):
                    shown += decode(x, font)
                elif float(x) < -200:
                    shown += " "
        if shown:
            text[cur[-1]] = text.get(cur[-1], "") + shown
        if op in ("Td", "TD", "T*", "Tm") and text.get(cur[-1], "")[-1:] not in ("", " "):
            text[cur[-1]] += " "
    return text, untagged, pagination


class Doc:
    def __init__(self, path):
        self.pdf = pikepdf.open(path)
        self.pages = list(self.pdf.pages)
        self.page_no = {p.objgen: i for i, p in enumerate(self.pages)}
        maps = {}
        self.mcid_text, self.untagged, self.pagination = [], 0, []
        for p in self.pages:
            t, u, pg = read_page(p, maps)
            self.mcid_text.append(t)
            self.untagged += u
            self.pagination.append(pg)
        self.leaves = []  # (type, text, element) in tree order
        self.elems = []  # (type, element, depth)
        self.refs = set()  # (page, mcid) the tree refers to
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is not None:
            self.walk(root.get("/K"), None, 0)

    def walk(self, k, parent_pg, depth, in_leaf=False):
        """the text under k in reading order; an element holding marked content (a leaf)
        is listed with all its text, a Link's inside it too"""
        if k is None:
            return ""
        if isinstance(k, pikepdf.Array):
            return "".join(self.walk(x, parent_pg, depth, in_leaf) for x in k)
        if isinstance(k, int) or (isinstance(k, pikepdf.Object) and k._type_code == pikepdf.ObjectType.integer):
            if parent_pg is None:
                return ""
            self.refs.add((parent_pg, int(k)))
            return self.mcid_text[parent_pg].get(int(k), "")
        if not isinstance(k, pikepdf.Dictionary):
            return ""
        if "/MCID" in k:
            pg = self.page_no.get(k.Pg.objgen) if "/Pg" in k else parent_pg
            if pg is None:
                return ""
            self.refs.add((pg, int(k.MCID)))
            return self.mcid_text[pg].get(int(k.MCID), "")
        if k.get("/Type") == "/OBJR":
            return ""
        s = str(k.get("/S", ""))
        pg = self.page_no.get(k.Pg.objgen) if "/Pg" in k else parent_pg
        self.elems.append((s, k, depth))
        kids = k.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        direct = any(isinstance(x, int) or (isinstance(x, pikepdf.Object) and x._type_code == pikepdf.ObjectType.integer)
                     or (isinstance(x, pikepdf.Dictionary) and "/MCID" in x) for x in kids if x is not None)
        at = len(self.leaves)
        text = "".join(self.walk(x, pg, depth + 1, in_leaf or direct) for x in kids)
        if direct and not in_leaf:
            self.leaves.insert(at, (s, text, k))
        return text


def alnum(s):
    return re.sub(r"[^0-9a-z]", "", s.lower())


def brief_texts(path):
    """the brief's own words in order: title, headings, text blocks, list items"""
    import yaml
    b = yaml.safe_load(open(path, encoding="utf-8"))
    out = [("title", b.get("title", ""))]

    def items(lst):
        for it in lst or []:
            if isinstance(it, str):
                out.append(("item", it))
            elif isinstance(it, dict):
                out.append(("item", str(it.get("text", ""))))
                items(it.get("items"))
                items(it.get("numbered"))

    items(b.get("summary"))

    def section(s):
        out.append(("heading", s.get("heading", "")))
        for bl in s.get("content") or []:
            if not isinstance(bl, dict):
                continue
            if "text" in bl and isinstance(bl["text"], str):
                out.append(("text", bl["text"]))
            for key in ("bullets", "numbered"):
                if key in bl:
                    items(bl[key])
        for sub in s.get("sections") or []:
            section(sub)

    for s in b.get("sections") or []:
        section(s)
    return out


def checks(d, brief):
    pdf = d.pdf
    root = pdf.Root
    res = []

    def cp(num, what, ok, why=""):
        res.append((num, what, ok, why))

    marked = "/MarkInfo" in root and bool(root.MarkInfo.get("/Marked", False))
    cp("01-001", "the document is tagged (MarkInfo /Marked true, a StructTreeRoot)", marked and "/StructTreeRoot" in root)
    cp("01-005", "all content is tagged or an artifact", d.untagged == 0, f"{d.untagged} painting operators outside both")
    seen = {(p, m) for p, t in enumerate(d.mcid_text) for m in t}
    missing = seen - d.refs
    cp("01-006", "every marked-content sequence belongs to a structure element", not missing,
       f"{len(missing)} MCIDs without an element, e.g. {sorted(missing)[:3]}")
    meta = root.get("/Metadata")
    xmp = meta.read_bytes().decode("utf-8", "replace") if meta is not None else ""
    cp("06-001", "XMP metadata stream", bool(xmp))
    cp("06-002", "XMP has the PDF/UA identifier (pdfuaid:part 1)", "<pdfuaid:part>1</pdfuaid:part>" in xmp)
    cp("06-003", "XMP has dc:title", "<dc:title>" in xmp)
    cd = str(pdf.docinfo.get("/CreationDate", ""))
    m = re.match(r"(?:D:)?(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)", cd)
    iso = f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}" if m else "?"
    cp("06-00x", "xmp:CreateDate equals the Info dictionary's CreationDate", f"<xmp:CreateDate>{iso}" in xmp, f"Info {cd}")
    title = str(pdf.docinfo.get("/Title", ""))
    vp = root.get("/ViewerPreferences", {})
    cp("07-001", "ViewerPreferences /DisplayDocTitle true, and a title", bool(vp.get("/DisplayDocTitle", False)) and bool(title))
    cp("11-006", "the document's natural language (/Lang)", bool(str(root.get("/Lang", ""))))
    bad_langs = [str(k.Lang) for _, k, _ in d.elems
                 if "/Lang" in k and not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", str(k.Lang))]
    cp("11-001", "every structure element's /Lang is a language tag", not bad_langs, f"{bad_langs[:3]}")
    figs = [e for s, e, _ in d.elems if s == "/Figure"]
    noalt = [e for e in figs if not str(e.get("/Alt", ""))]
    cp("13-004", f"every Figure has /Alt ({len(figs)} figures)", not noalt, f"{len(noalt)} without")
    heads = [int(s[2]) for s, _, _ in d.elems if re.fullmatch(r"/H[1-6]", s)]
    skips = [(a, b) for a, b in zip(heads, heads[1:]) if b > a + 1]
    cp("14-003", "headings do not skip a level", (not heads or heads[0] == 1) and not skips, f"{skips[:3]}")
    tables = [(e, depth) for s, e, depth in d.elems if s == "/Table"]
    no_th = 0
    for e, _ in tables:
        stack, found = [e], False
        while stack and not found:
            x = stack.pop()
            for k in (x.get("/K") if isinstance(x.get("/K"), pikepdf.Array) else [x.get("/K")]):
                if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                    found |= str(k.S) == "/TH"
                    stack.append(k)
        no_th += not found
    cp("15-00x", f"every Table has TH header cells ({len(tables)} tables)", no_th == 0, f"{no_th} without")
    lists = [e for s_, e, _ in d.elems if s_ == "/L"]
    unnumbered = [e for e in lists if "/ListNumbering" not in e.get("/A", {})]
    cp("--n", f"every list says how it is numbered (/ListNumbering, {len(lists)} lists)", not unnumbered,
       f"{len(unnumbered)} without")
    # every row has a cell per column, an empty one too: else a screen reader's cells fall
    # out of step with the columns
    ragged = 0
    for e, _ in tables:
        rows = [k for k in (e.K if isinstance(e.K, pikepdf.Array) else [e.K])
                if isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/TR"]
        widths = {sum(1 for c in (r.K if isinstance(r.K, pikepdf.Array) else [r.K])
                      if isinstance(c, pikepdf.Dictionary) and str(c.get("/S")) in ("/TD", "/TH")) for r in rows}
        ragged += len(widths) > 1
    cp("15-00y", f"every row of a Table has a cell per column ({len(tables)} tables)", ragged == 0, f"{ragged} tables with rows short of cells")
    pt = {}
    if "/StructTreeRoot" in root and "/ParentTree" in root.StructTreeRoot:
        nums = root.StructTreeRoot.ParentTree.get("/Nums", [])
        for i in range(0, len(nums) - 1, 2):
            pt[int(nums[i])] = nums[i + 1]
    bad_links, bad_contents, bad_tabs, nlinks, textless = 0, 0, 0, 0, 0

    def link_has_text(el):
        # PDF/UA 7.18.5: a Link holds its link text (marked content) besides its OBJR
        kids = el.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        return any(isinstance(k, int) or (isinstance(k, pikepdf.Dictionary) and "/MCID" in k) for k in kids)

    for p in d.pages:
        annots = [a for a in p.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        nlinks += len(annots)
        if annots and p.get("/Tabs") != "/S":
            bad_tabs += 1
        for a in annots:
            sp = a.get("/StructParent")
            el = pt.get(int(sp)) if sp is not None else None
            if el is None or el.get("/S") != "/Link":
                bad_links += 1
            elif not link_has_text(el):
                textless += 1
            if not str(a.get("/Contents", "")):
                bad_contents += 1
    cp("28-011", f"every link annotation is in a Link element ({nlinks} links)", bad_links == 0, f"{bad_links} not")
    cp("28-011t", "every Link element holds its link text as well as its annotation", textless == 0,
       f"{textless} hold only the annotation")
    cp("28-012", "every link annotation has /Contents", bad_contents == 0, f"{bad_contents} without")

    def has_objr(el):
        kids = el.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        return any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR" for k in kids)

    # a Link without its annotation is announced as a link that cannot be followed
    objr_less = [e for s_, e, _ in d.elems if s_ == "/Link" and not has_objr(e)]
    cp("28-0xx", "every Link element holds its annotation", not objr_less, f"{len(objr_less)} hold none")
    notes = [e for s_, e, _ in d.elems if s_ == "/Note"]
    ids = [bytes(e.get("/ID")) for e in notes if "/ID" in e]
    idtree = root.StructTreeRoot.get("/IDTree") if "/StructTreeRoot" in root else None
    names = idtree.get("/Names", []) if idtree is not None else []
    listed = {bytes(names[i]) for i in range(0, len(names) - 1, 2)}
    cp("19-003", f"every Note has a unique /ID, in the IDTree ({len(notes)} notes)",
       len(ids) == len(notes) and len(set(ids)) == len(ids) and set(ids) <= listed,
       f"{len(notes) - len(ids)} without, {len(ids) - len(set(ids))} repeated, {len(set(ids) - listed)} not in the IDTree")
    outlines = root.get("/Outlines")
    count = int(outlines.get("/Count", 0)) if outlines is not None else 0
    cp("--o", "the outline's root counts its items (no negative /Count)", count >= 0, f"/Count {count}")
    labels = root.get("/PageLabels")
    nums = labels.get("/Nums", []) if labels is not None else []
    cp("--l", "page labels number the pages from the first", labels is None or (len(nums) >= 2 and int(nums[0]) == 0),
       f"/Nums {list(nums)[:4]}")
    cp("28-xxx", "pages with annotations tab in structure order (/Tabs /S)", bad_tabs == 0, f"{bad_tabs} pages")
    unembedded, nomap, nogid = set(), set(), set()
    for p in d.pages:
        for name, f in p.Resources.get("/Font", {}).items():
            for cid in f.get("/DescendantFonts", []):
                # an embedded TrueType CIDFont names its CIDToGIDMap (PDF/A-2 6.2.11.3.2)
                if cid.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in cid:
                    nogid.add(str(f.get("/BaseFont")))
            fd = f.get("/FontDescriptor")
            if fd is None and "/DescendantFonts" in f:
                fd = f.DescendantFonts[0].get("/FontDescriptor")
            if f.get("/Subtype") != "/Type3" and (fd is None or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))):
                unembedded.add(str(f.get("/BaseFont")))
            if "/ToUnicode" not in f:
                nomap.add(str(f.get("/BaseFont")))
    cp("31-009", "every font is embedded", not unembedded, ", ".join(sorted(unembedded)))
    cp("31-0xx", "every TrueType CIDFont has a /CIDToGIDMap", not nogid, ", ".join(sorted(nogid)))
    dates = {k: str(pdf.docinfo.get(k, "")) for k in ("/CreationDate", "/ModDate")}
    undated = [k for k, v in dates.items() if v and not v.startswith("D:")]
    cp("--d", "the Info dictionary's dates are PDF dates (D:...)", not undated, f"{undated}: {list(dates.values())}")
    cp("31-027", "every font maps its glyphs to Unicode (ToUnicode)", not nomap, ", ".join(sorted(nomap)))
    all_text = " ".join(t for _, t, _ in d.leaves)
    ufffd = all_text.count("\ufffd")
    cp("31-030", "no glyph without a Unicode value in the tagged text", ufffd == 0, f"{ufffd} glyphs")
    cp("--", "a file identifier (/ID)", "/ID" in pdf.trailer)
    bare = [i + 1 for i, n in enumerate(d.pagination) if n == 0]
    cp("18-00x", "every page's banners and running heads are pagination artifacts", not bare,
       f"pages {bare[:5]} have none")
    running = re.search(r"Page\s*\d+\s*of\s*\d+", all_text)
    cp("--", "running heads and footers are not in the structure", not running, running[0] if running else "")
    if brief:
        flat = alnum(all_text)
        at, lost = 0, []
        for kind, t in brief_texts(brief):
            # the words up to a note's mark (the page prints its number there)
            words = alnum(re.sub(r"\*+", "", t.split("^[")[0]))[:40]
            if not words:
                continue
            k = flat.find(words, at)
            if k < 0:
                lost.append(f"{kind} '{t[:40]}'" + (" (earlier)" if flat.find(words) >= 0 else ""))
            else:
                at = k + len(words)
        cp("09-001", "reading order: the structure holds the brief's words in the brief's order", not lost, "; ".join(lost[:3]))
        # a word space is a space in the text (PDF 14.8.2.5), at a line's end too: two of
        # the brief's words run together in the structure's text are a space lost
        tokens = set(re.findall(r"[a-z0-9]+", all_text.lower()))
        glued = []
        for kind, t in brief_texts(brief):
            words = re.findall(r"[a-z0-9]+", t.lower())
            own = set(words)
            glued += [a + b for a, b in zip(words, words[1:]) if len(a) > 1 and len(b) > 1 and a + b in tokens and a + b not in own]
        cp("14.8.2.5", "words are apart in the structure's text (actual spaces)", not glued, ", ".join(sorted(set(glued))[:5]))
    return res


def pdfa_checks(d):
    """PDF/A-2b's machine-checkable parts that mkbrief's files can get wrong (ISO 19005-2
    clause numbers)"""
    pdf, root, res = d.pdf, d.pdf.Root, []

    def cp(num, what, ok, why=""):
        res.append((num, what, ok, why))

    ois = [o for o in root.get("/OutputIntents", []) if o.get("/S") == "/GTS_PDFA1"]
    prof = ois[0].get("/DestOutputProfile") if ois else None
    cp("6.2.3", "a PDF/A output intent with an RGB ICC profile", prof is not None and int(prof.get("/N", 0)) == 3
       and prof.read_bytes()[36:40] == b"acsp")
    meta = root.get("/Metadata")
    xmp = meta.read_bytes().decode("utf-8", "replace") if meta is not None else ""
    cp("6.6.4", "XMP identifies PDF/A-2b (pdfaid:part 2, conformance B)",
       "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp)
    cp("6.6.2.3", "XMP declares the schemas PDF/A does not know (pdfuaid)",
       "pdfuaid:" not in xmp or "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp)
    info = pdf.docinfo
    pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
             ("/Keywords", "pdf:Keywords"), ("/Producer", "pdf:Producer"), ("/Creator", "xmp:CreatorTool")]
    bad = []
    for key, tag in pairs:
        if key not in info:
            continue
        m = re.search(rf"<{tag}>(?:<rdf:\w+>\s*<rdf:li[^>]*>)?(.*?)<", xmp, re.S)
        want = str(info[key]).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if not m or m.group(1) != want:
            bad.append(key)
    cp("6.6.3", "the Info dictionary and the XMP agree", not bad, ", ".join(bad))
    noprint = sum(1 for p in d.pages for a in p.get("/Annots", []) if not int(a.get("/F", 0)) & 4)
    cp("6.3.2", "every annotation prints (/F 4)", noprint == 0, f"{noprint} without")
    cmyk = 0
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image" and obj.get("/ColorSpace") == "/DeviceCMYK":
            cmyk += 1
    cp("6.2.4.3", "no device colour the output intent cannot stand for (DeviceCMYK)", cmyk == 0, f"{cmyk} CMYK images")
    cp("6.1.3", "not encrypted, with an /ID", not pdf.is_encrypted and "/ID" in pdf.trailer)
    forbidden = [k for k in ("/JavaScript", "/EmbeddedFiles") if k in root.get("/Names", {})] + \
        [k for k in ("/AA", "/OCProperties") if k in root]
    cp("6.1.x", "no JavaScript, embedded files, actions or optional content", not forbidden, ", ".join(forbidden))
    return res


def main():
    args = sys.argv[1:]
    pdfa = bool(args) and args[0] == "--pdfa"
    if pdfa:
        args = args[1:]
    if args and args[0] == "--text":
        d = Doc(args[1])
        for s, t, k in d.leaves:
            lang = f"[{k.Lang}]" if "/Lang" in k else ""
            print(f"{s[1:]}{lang}: {t}")
        return 0
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    d = Doc(args[0])
    bad = 0
    results = checks(d, args[1] if len(args) > 1 else None) + (pdfa_checks(d) if pdfa else [])
    for num, what, ok, why in results:
        print(f"{'ok' if ok else 'FAIL'} {num} {what}" + ("" if ok or not why else f": {why}"))
        bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
