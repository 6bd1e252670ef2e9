# figure-pdf.sh: a one-page PDF figure (golden figure-pdf) stays vector and text, is held once
# however often it is shown, and comes out the same bytes each run; poppler is loaded for it
# and never for a brief without one; and each way a PDF figure can be refused says so at
# the figure's file: (the corrupt and multi-page files are in tests/bad/).
. "$(dirname "$0")/lib.bash"
G="$ROOT/tests/golden/figure-pdf"
D="$T/pdf"
mkdir -p "$D" || exit 1
"$MKBRIEF" -q "$G/brief.yaml" -o "$D/a.pdf" 2>"$T/err" || fail "render: $(cat "$T/err")"
"$MKBRIEF" -q "$G/brief.yaml" -o "$D/b.pdf" 2>"$T/err" || fail "render again: $(cat "$T/err")"
cmp -s "$D/a.pdf" "$D/b.pdf" && pass "two runs write the same bytes" || fail "two runs differ"
images=$(pdfimages -list "$D/a.pdf" | awk 'NR > 2' | wc -l)
[ "$images" = 0 ] && pass "the chart is drawn as vector: no raster image in the PDF" ||
	fail "$images raster images in the PDF: $(pdfimages -list "$D/a.pdf")"
words=$(pdftotext "$D/a.pdf" - | grep -c 'Cumulative sanctions resolutions on the DPRK')
[ "$words" = 2 ] && pass "the chart's words are text, once for each of its two figures" ||
	fail "the chart's title is found $words times as text, expected 2"
# the page is recorded once: one form of the chart's size (360 x 200), drawn at both sizes
forms=$(qpdf --json=2 "$D/a.pdf" | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
print(sum(1 for v in objs.values() if isinstance(v, dict) and "stream" in v
	and v["stream"]["dict"].get("/Subtype") == "/Form" and v["stream"]["dict"].get("/BBox") == [0, 0, 360, 200]))')
[ "$forms" = 1 ] && pass "the PDF used twice is held once (one form of its page)" ||
	fail "$forms forms of the chart's page size, expected 1"
qpdf --check "$D/a.pdf" >/dev/null 2>&1 && pass "qpdf --check passes" || fail "qpdf --check: $(qpdf --check "$D/a.pdf" 2>&1 | tail -3)"
# other output formats replay the same recording
for fmt in png svg ps; do
	"$MKBRIEF" -q --format "$fmt" "$G/brief.yaml" -o "$D/f.$fmt" 2>"$T/err" && pass "--format $fmt draws it" ||
		fail "--format $fmt: $(cat "$T/err")"
done

# poppler is opened only for a PDF figure (LD_DEBUG names every library the loader opens)
plain=$(LD_DEBUG=files "$MKBRIEF" -q "$ROOT/briefs/korea-jan2018.yaml" -o "$D/k.pdf" 2>&1 | grep -c poppler)
withpdf=$(LD_DEBUG=files "$MKBRIEF" -q "$G/brief.yaml" -o "$D/c.pdf" 2>&1 | grep -c poppler)
if [ "$plain" = 0 ] && [ "$withpdf" -gt 0 ]; then
	pass "poppler is loaded for the PDF figure only (the Korea brief loads none of it)"
else
	fail "poppler's libraries named $plain times for the Korea brief, $withpdf for the PDF figure"
fi

# refusals, each at the figure's file: with its note
brief() { # brief FILE: a one-figure brief showing FILE, in $D
	printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: a.txt}\nsections:\n  - heading: H\n    content:\n      - figure:\n          file: %s\n          alt: x\n' \
		"$1" >"$D/brief.yaml"
	printf 'Title\n\nOne paragraph.\n' >"$D/a.txt"
}
expect() { # expect NAME EXPECTED-STDERR: the run fails with exactly that, and writes nothing
	rm -f "$D/out.pdf"
	local got st
	got=$(cd "$D" && "$MKBRIEF" brief.yaml -o out.pdf 2>&1)
	st=$?
	if [ "$st" = 1 ] && [ "$got" = "$2" ] && [ ! -e "$D/out.pdf" ]; then
		pass "$1"
	else
		fail "$1: status $st, got: $got"
	fi
}
qpdf --encrypt user owner 256 -- "$G/chart.pdf" "$D/locked.pdf"
brief locked.pdf
expect "a PDF that needs a password is refused" \
	"brief.yaml:9:17: error: figure 'locked.pdf' is an encrypted PDF; a figure must open without a password
brief.yaml:9:17: note: decrypt it: qpdf --decrypt --password=PASSWORD 'locked.pdf' figure.pdf"
qpdf --encrypt "" owner 256 -- "$G/chart.pdf" "$D/owner.pdf"
brief owner.pdf
(cd "$D" && "$MKBRIEF" -q brief.yaml -o out.pdf) && pass "a PDF with only an owner password is drawn" ||
	fail "a PDF with only an owner password is refused"
sed 's|/MediaBox \[ 0 0 360 200 \]|/MediaBox [ 5 5 5 200 ]|' "$G/chart.pdf" >"$D/zero.pdf"
brief zero.pdf
expect "a page of zero width is refused" \
	"brief.yaml:9:17: error: figure 'zero.pdf' has a page of zero size (0 x 195 points)
brief.yaml:9:17: note: its MediaBox (and CropBox) must enclose the drawing; save it again from the program that drew it"
sed 's|/MediaBox \[ 0 0 360 200 \]|/MediaBox [ 0 0 360 0.5 ]|' "$G/chart.pdf" >"$D/sliver.pdf"
brief sliver.pdf
expect "a page under a point high is refused" \
	"brief.yaml:9:17: error: figure 'sliver.pdf' has a page of 360 x 0.5 points; a figure's page must be at least 1 point a side
brief.yaml:9:17: note: its MediaBox (and CropBox) must enclose the drawing; save it again from the program that drew it"
# a font the file only names (no font file in it), as R's pdf() writes Helvetica
cat >"$D/named.raw" <<'EOF'
%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 60] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 40 >> stream
BT /F1 24 Tf 10 20 Td (Helvetica) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
EOF
qpdf "$D/named.raw" "$D/named.pdf" >/dev/null 2>&1
brief named.pdf
expect "a font not embedded is refused" \
	"brief.yaml:9:17: error: figure 'named.pdf' uses the font 'Helvetica' without embedding it
brief.yaml:9:17: note: embed its fonts, e.g. gs -o embedded.pdf -sDEVICE=pdfwrite -dPDFSETTINGS=/prepress 'named.pdf'"
# without poppler-glib (its file hidden in a mount namespace of this test's own), a PDF
# figure names the package to install, and a brief without one still works
lib=$(readlink -f /usr/lib/x86_64-linux-gnu/libpoppler-glib.so.8 2>/dev/null)
cp "$G/chart.pdf" "$D/chart.pdf"
brief chart.pdf
if [ -n "$lib" ] && unshare -m true 2>/dev/null; then
	got=$(cd "$D" && unshare -m sh -c 'mount --bind /dev/null "$1" && exec "$2" brief.yaml -o out.pdf' sh "$lib" "$MKBRIEF" 2>&1)
	st=$?
	# the first line ends with the loader's own reason, which names the file as it found it
	want1="brief.yaml:9:17: error: figure 'chart.pdf' is a PDF, and drawing one needs poppler-glib: "
	want2="brief.yaml:9:17: note: install the package libpoppler-glib8 (apt-get install libpoppler-glib8)"
	[ "$st" = 1 ] && [ "$(echo "$got" | wc -l)" = 2 ] && [[ "$(echo "$got" | head -1)" == "$want1"* ]] &&
		[ "$(echo "$got" | tail -1)" = "$want2" ] && [ ! -e "$D/out.pdf" ] && pass "without poppler-glib, a PDF figure names the package to install" ||
		fail "without poppler-glib: status $st, got: $got"
	unshare -m sh -c 'mount --bind /dev/null "$1" && exec "$2" -q "$3" -o "$4"' sh "$lib" "$MKBRIEF" \
		"$ROOT/briefs/korea-jan2018.yaml" "$D/k2.pdf" && cmp -s "$D/k.pdf" "$D/k2.pdf" &&
		pass "without poppler-glib, the Korea brief is written as before" || fail "without poppler-glib, the Korea brief fails"
else
	pass "without poppler-glib: not checked (no mount namespace here)"
fi
