#!/usr/bin/env bash
# tagged.sh: every golden PDF is a tagged PDF that passes the machine-checkable Matterhorn
# checkpoints tests/tools/tagcheck.py knows (structure, artifacts, /Lang, XMP, DisplayDocTitle,
# /Alt, TH, heading levels, Link elements, /Tabs, fonts, reading order against the brief);
# poppler sees it tagged and reads its structure without banners or running heads; and
# each check bites: a scratch copy with one fault made in it fails that checkpoint.
. "$(dirname "$0")/lib.bash"
cd "$ROOT" || exit 1
TC=(/usr/bin/python3 tests/tools/tagcheck.py)
n=0
for g in tests/golden/*/golden.pdf; do
	d=$(dirname "$g") name=$(basename "$(dirname "$g")")
	if [ -f "$d/brief.yaml" ]; then brief="$d/brief.yaml"; else brief=$(head -1 "$d/brief"); fi
	n=$((n + 1))
	if ! pdfinfo "$g" 2>/dev/null | grep -q '^Tagged: *yes'; then
		fail "$name: pdfinfo does not say Tagged: yes"
		continue
	fi
	if out=$("${TC[@]}" "$g" "$brief" 2>&1); then
		pass "$name: $(grep -c '^ok' <<<"$out") checkpoints pass"
	else
		fail "$name: $(grep -v '^ok' <<<"$out" | tr '\n' ' ' | cut -c1-400)"
	fi
	st=$(pdfinfo -struct-text "$g" 2>&1)
	cls=$(sed -n 's/^classification: *"\{0,1\}\([^"#]*\)"\{0,1\}.*/\1/p' "$brief" | head -1 | sed 's/ *$//')
	if grep -q 'Page [0-9]* of [0-9]*' <<<"$st" || { [ -n "$cls" ] && grep -qi "\"$cls\"" <<<"$st"; }; then
		fail "$name: pdfinfo -struct-text reads a banner or running head"
	else
		pass "$name: pdfinfo -struct-text reads no banner or running head"
	fi
done
[ "$n" -ge 20 ] || fail "only $n golden PDFs found"

# qpdf, poppler, MuPDF and Ghostscript open every golden without a word
noisy=""
for g in tests/golden/*/golden.pdf; do
	out=$( { qpdf --check "$g" >/dev/null && pdfinfo "$g" >/dev/null && mutool info "$g" >/dev/null &&
		gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage "$g"; } 2>&1 </dev/null) || out="failed: $out"
	[ -z "$out" ] || noisy="$noisy $(basename "$(dirname "$g")"): $(head -c 200 <<<"$out")"
done
if [ -z "$noisy" ]; then pass "qpdf, poppler, MuPDF and Ghostscript open all $n goldens silently"; else fail "$noisy"; fi

# the output of this build, not only the goldens: the Korea brief to stdout
if "$MKBRIEF" -q briefs/korea-jan2018.yaml -o - >"$T/k.pdf" 2>"$T/err" && "${TC[@]}" "$T/k.pdf" briefs/korea-jan2018.yaml >"$T/k.out"; then
	pass "the Korea brief written to stdout passes every checkpoint"
else
	fail "the Korea brief: $(cat "$T/err"; grep -v '^ok' "$T/k.out" 2>/dev/null)"
fi

# a number drawn before its text in the text's own element (a Sources entry's "1.", an annex
# paragraph's "3") is a word of it: a space follows it in the content, which the tagged text
# reads without looking at where glyphs stand (poppler's struct-text read "1.Russia" and
# "3Moscow" before; tagcheck.py, which takes a new line for a space, could not see it)
if "$MKBRIEF" -q --annex -o "$T/annex.pdf" briefs/korea-jan2018.yaml 2>"$T/err"; then
	glued=$(pdfinfo -struct-text "$T/annex.pdf" | grep -o '^ *"[0-9][0-9.]*[[:alpha:]“(][[:alpha:]]*' | head -3 | tr -s ' \n' ' ')
	[ -z "$glued" ] && pass "Sources' and the annex's numbers read apart from their text" ||
		fail "numbers run into their text in the tagged text:$glued"
else
	fail "the annexed Korea brief: $(head -1 "$T/err")"
fi

# each check bites: one fault made in a scratch copy fails its checkpoint
bite() { # bite NAME CHECKPOINT SOURCE.pdf PYTHON [BRIEF] (pdf is open as `pdf`, saved after)
	local name=$1 cp=$2 src=$3 code=$4 brief=${5:-}
	if ! /usr/bin/python3 - "$src" "$T/bite.pdf" >"$T/bite.err" 2>&1 <<PY; then
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
$code
pdf.save(sys.argv[2])
PY
		fail "$name: could not make the scratch copy: $(tail -1 "$T/bite.err")"
		return
	fi
	if "${TC[@]}" "$T/bite.pdf" $brief >"$T/bite.out" 2>&1; then
		fail "$name passes tagcheck"
	elif grep -q "^FAIL $cp " "$T/bite.out"; then
		pass "$name fails checkpoint $cp"
	else
		fail "$name: fails, but not $cp: $(grep '^FAIL' "$T/bite.out" | head -2 | tr '\n' ' ')"
	fi
}
K=tests/golden/korea-handout/golden.pdf
bite "no /Lang" 11-006 "$K" 'del pdf.Root.Lang'
bite "DisplayDocTitle false" 07-001 "$K" 'pdf.Root.ViewerPreferences.DisplayDocTitle = False'
bite "no XMP" 06-001 "$K" 'del pdf.Root.Metadata'
bite "a figure without /Alt" 13-004 tests/golden/figures/golden.pdf '
def walk(e):
    if isinstance(e, pikepdf.Array):
        return any(walk(x) for x in e)
    if isinstance(e, pikepdf.Dictionary) and "/S" in e:
        if e.S == "/Figure":
            del e.Alt
            return True
        return walk(e.get("/K"))
    return False
assert walk(pdf.Root.StructTreeRoot.K)'
bite "an untagged paragraph" 01-005 "$K" '
page = pdf.pages[0]
ops = pikepdf.parse_content_stream(page)
out, depth, drop = [], 0, None
for operands, op in ops:
    if drop is None and str(op) == "BDC" and str(operands[0]) == "/P":
        drop = depth
        depth += 1
        continue
    if str(op) in ("BDC", "BMC"):
        depth += 1
    elif str(op) == "EMC":
        depth -= 1
        if drop is not None and depth == drop:
            drop = -1
            continue
    out.append((operands, op))
page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))'
bite "a link without a Link element" 28-011 "$K" '
a = [a for p in pdf.pages for a in p.get("/Annots", [])][0]
del a.StructParent'
bite "a Link in a table cell holding only its annotation" 28-011t tests/golden/table/golden.pdf '
def walk(e):
    if isinstance(e, pikepdf.Array):
        return any(walk(x) for x in e)
    if isinstance(e, pikepdf.Dictionary) and "/S" in e:
        if e.S == "/Link":
            e.K = pikepdf.Array([k for k in (e.K if isinstance(e.K, pikepdf.Array) else [e.K])
                                 if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"])
            return True
        return walk(e.get("/K"))
    return False
assert walk(pdf.Root.StructTreeRoot.K)'
bite "a note's mark whose Link holds no annotation" 28-0xx "$K" '
a = [a for p in pdf.pages for a in p.get("/Annots", []) if "note" in str(a.get("/Contents", ""))][0]
el = dict((int(pdf.Root.StructTreeRoot.ParentTree.Nums[i]), pdf.Root.StructTreeRoot.ParentTree.Nums[i + 1])
          for i in range(0, len(pdf.Root.StructTreeRoot.ParentTree.Nums), 2))[int(a.StructParent)]
el.K = pikepdf.Array([k for k in (el.K if isinstance(el.K, pikepdf.Array) else [el.K])
                      if not (isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR")])'
bite "a Note without an /ID" 19-003 "$K" '
def walk(e):
    if isinstance(e, pikepdf.Array):
        return any(walk(x) for x in e)
    if isinstance(e, pikepdf.Dictionary) and "/S" in e:
        if e.S == "/Note":
            del e.ID
            return True
        return walk(e.get("/K"))
    return False
assert walk(pdf.Root.StructTreeRoot.K)'
bite "an outline root counted as closed" --o "$K" 'pdf.Root.Outlines.Count = -abs(int(pdf.Root.Outlines.Count))'
bite "empty page labels" --l "$K" 'pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([]))'
bite "a heading that skips a level" 14-003 "$K" '
def walk(e):
    if isinstance(e, pikepdf.Array):
        return any(walk(x) for x in e)
    if isinstance(e, pikepdf.Dictionary) and "/S" in e:
        if e.S == "/H1" and walk.seen:
            e.S = pikepdf.Name.H3
            return True
        walk.seen |= e.S == "/H1"
        return walk(e.get("/K"))
    return False
walk.seen = False
assert walk(pdf.Root.StructTreeRoot.K)'
bite "a table without header cells" 15-00x tests/golden/table/golden.pdf '
def walk(e):
    if isinstance(e, pikepdf.Array):
        for x in e:
            walk(x)
    elif isinstance(e, pikepdf.Dictionary) and "/S" in e:
        if e.S == "/TH":
            e.S = pikepdf.Name.TD
        walk(e.get("/K"))
walk(pdf.Root.StructTreeRoot.K)'
bite "a page with links and no /Tabs" 28-xxx "$K" '
p = [p for p in pdf.pages if "/Annots" in p][0]
del p.Tabs'
bite "two sections in the wrong order" 09-001 "$K" '
k = pdf.Root.StructTreeRoot.K.K
h = [i for i, e in enumerate(k) if e.S == "/H1"]
a, b = h[1], h[2]
k[a], k[b] = k[b], k[a]' briefs/korea-jan2018.yaml
bite "running heads as plain artifacts" 18-00x "$K" '
page = pdf.pages[0]
ops = pikepdf.parse_content_stream(page)
out = []
for operands, op in ops:
    if str(op) == "BDC" and str(operands[0]) == "/Artifact" and operands[1].get("/Type") == "/Pagination":
        out.append(([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
    else:
        out.append((operands, op))
page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))'
# a link is a target a reader can hit: a one-digit citation's was 4 pt wide (a PDF
# consumers' trial); now no link of the shipped brief or the sources golden is under 8 pt
narrow=""
for b in briefs/korea-jan2018.yaml tests/golden/sources/brief.yaml; do
	"$MKBRIEF" -q --root "$ROOT" -o "$T/links.pdf" "$b" 2>"$T/err" || fail "link widths: $(cat "$T/err")"
	least=$(/usr/bin/python3 tests/tools/pdflinks.py "$T/links.pdf" | awk '{ w = $4 - $2; if (min == "" || w < min) min = w } END { print min + 0 }')
	[ "$least" -ge 8 ] || narrow="$narrow $(basename "$(dirname "$b")"): $least pt"
done
[ -z "$narrow" ] && pass "no link target narrower than 8 pt" || fail "narrow link targets:$narrow"
# a figure's /Alt is what a screen reader says: typed as the caption is, it gets the caption's
# typography ("--" a dash, not "dash dash"; a typed-typography trial found it as typed)
mkdir -p "$T/alt" && cp -R briefs/articles briefs/figures "$T/alt/"
cat >"$T/alt/b.yaml" <<'YAML'
title: Alt
date: 2018-01-22
sources:
  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: Chart
    content:
      - figure:
          file: figures/dprk-sanctions.svg
          alt: The "sanctions" chart -- 1990--1995, O'Neill's '90s data...
          caption: Sanctions.
YAML
if "$MKBRIEF" -q -o "$T/alt/b.pdf" "$T/alt/b.yaml" 2>"$T/err"; then
	alt=$(/usr/bin/python3 -c '
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
def walk(e):
    if isinstance(e, pikepdf.Array):
        for k in e: walk(k)
    elif isinstance(e, pikepdf.Dictionary):
        if e.get("/S") == "/Figure": print(str(e.get("/Alt")))
        walk(e.get("/K"))
walk(pdf.Root.StructTreeRoot.K)' "$T/alt/b.pdf")
	want="The “sanctions” chart — 1990–1995, O’Neill’s ’90s data…"
	[ "$alt" = "$want" ] && pass "a figure's /Alt has the caption's typography" || fail "/Alt: '$alt'"
else
	fail "alt brief: $(head -1 "$T/err")"
fi
