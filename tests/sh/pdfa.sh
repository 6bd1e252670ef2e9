#!/usr/bin/env bash
# pdfa.sh: --pdf-a and the layout's pdf.standard: a-2b write PDF/A-2b that is still tagged
# PDF/UA: tests/tools/tagcheck.py --pdfa passes (output intent, pdfaid, the schema of
# pdfuaid declared, Info and XMP agreeing, printable annotations, no CMYK, no JavaScript);
# qpdf, poppler, MuPDF and Ghostscript open it silently; two runs give the same bytes; and
# the checks bite (a plain PDF fails them, so does one without its output intent). A CMYK
# JPEG, which PDF/A with an sRGB output intent could not hold, is refused for every output
# (tests/bad).
. "$(dirname "$0")/lib.bash"
cd "$ROOT" || exit 1
TC=(/usr/bin/python3 tests/tools/tagcheck.py --pdfa)
K=briefs/korea-jan2018.yaml
if "$MKBRIEF" -q --pdf-a "$K" -o "$T/a.pdf" 2>"$T/err" && "${TC[@]}" "$T/a.pdf" "$K" >"$T/a.out"; then
	pass "--pdf-a: every PDF/UA and PDF/A-2b checkpoint passes ($(grep -c '^ok' "$T/a.out"))"
else
	fail "--pdf-a: $(cat "$T/err"; grep -v '^ok' "$T/a.out")"
fi
"$MKBRIEF" -q --pdf-a "$K" -o - >"$T/b.pdf" 2>/dev/null
cmp -s "$T/a.pdf" "$T/b.pdf" && pass "--pdf-a: the same bytes twice (a file and stdout)" || fail "--pdf-a: two runs differ"
out=$( { qpdf --check "$T/a.pdf" >/dev/null && pdfinfo "$T/a.pdf" >/dev/null && mutool info "$T/a.pdf" >/dev/null &&
	gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage "$T/a.pdf"; } 2>&1)
[ -z "$out" ] && pass "--pdf-a: qpdf, pdfinfo, MuPDF and Ghostscript open it silently" || fail "--pdf-a: $out"
# the layout's key does the same
sed 's/^pdf: {standard: none}/pdf: {standard: a-2b}/' layouts/handout.yaml >"$T/archive.yaml"
if "$MKBRIEF" -q --layout "$T/archive.yaml" "$K" -o "$T/l.pdf" 2>"$T/err" && "${TC[@]}" "$T/l.pdf" >/dev/null; then
	pass "layout pdf: {standard: a-2b} writes PDF/A-2b"
else
	fail "layout pdf.standard: $(cat "$T/err")"
fi
# the checks bite: a plain PDF, and a PDF/A without its output intent
"$MKBRIEF" -q "$K" -o "$T/plain.pdf"
"${TC[@]}" "$T/plain.pdf" >"$T/p.out" && fail "a plain PDF passes the PDF/A checks" ||
	{ grep -q '^FAIL 6.2.3 ' "$T/p.out" && grep -q '^FAIL 6.6.4 ' "$T/p.out" && pass "a plain PDF fails PDF/A's output intent and pdfaid" ||
		fail "a plain PDF fails, but not as expected: $(grep FAIL "$T/p.out")"; }
/usr/bin/python3 -c '
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1]); del pdf.Root.OutputIntents; pdf.save(sys.argv[2])' "$T/a.pdf" "$T/noi.pdf"
"${TC[@]}" "$T/noi.pdf" | grep -q '^FAIL 6.2.3 ' && pass "a PDF/A without its output intent fails 6.2.3" || fail "no output intent passes"
