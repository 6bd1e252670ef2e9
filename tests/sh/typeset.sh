# typeset.sh: the Korea brief as a PDF: pages, text where it belongs, banners and page
# numbers on every page, fonts, structure, links, outline, determinism, atomic output.
. "$(dirname "$0")/lib.bash"
cd "$ROOT"
B=briefs/korea-jan2018.yaml
"$MKBRIEF" -o "$T/k.pdf" "$B" 2>"$T/err"
if [ $? -ne 0 ] || [ ! -s "$T/k.pdf" ]; then
	fail "korea brief builds ($(head -3 "$T/err"))"
	exit 0
fi
pass "korea brief builds"
pages=$(pdfinfo "$T/k.pdf" | awk '/^Pages:/ {print $2}')
if [ "$pages" -ge 3 ] && [ "$pages" -le 6 ]; then pass "3-6 pages ($pages)"; else fail "3-6 pages (got $pages)"; fi
check "qpdf --check" qpdf --check "$T/k.pdf"

p1=$(pdftotext -f 1 -l 1 -layout "$T/k.pdf" -)
case "$p1" in *"Russia and the Korean Crisis"*) pass "title on page 1" ;; *) fail "title on page 1" ;; esac
case "$p1" in *"Key points"*) pass "key points on page 1" ;; *) fail "key points on page 1" ;; esac
ok=1
for p in $(seq 1 "$pages"); do
	txt=$(pdftotext -f "$p" -l "$p" "$T/k.pdf" -)
	n=$(grep -c "UNCLASSIFIED" <<<"$txt")
	[ "$n" -ge 2 ] || { ok=0; echo "page $p: $n banners"; }
	grep -q "Page $p of $pages" <<<"$txt" || { ok=0; echo "page $p: no 'Page $p of $pages'"; }
done
[ $ok = 1 ] && pass "banner top and bottom and Page N of M on every page" || fail "banner and page numbers on every page"
last=$(pdftotext -f "$pages" -l "$pages" "$T/k.pdf" -)
case "$last" in *Sources*) pass "Sources on the last page" ;; *) fail "Sources on the last page" ;; esac
all=$(pdftotext "$T/k.pdf" -)
case "$all" in *"probable adversary"*) pass "Putin quote present" ;; *) fail "Putin quote present" ;; esac
case "$all" in *"83М6Е2"*) pass "Cyrillic letters kept as in the source" ;; *) fail "Cyrillic letters kept" ;; esac

fonts=$(pdffonts "$T/k.pdf" | tail -n +3)
if [ -n "$fonts" ] && ! awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad=1 } END { exit bad }' <<<"$fonts"; then
	fail "every font embedded and subset"
else
	pass "every font embedded and subset"
fi
if grep -qv "Noto" <<<"$fonts"; then fail "only bundled Noto fonts used"; else pass "only bundled Noto fonts used"; fi

qpdf --json "$T/k.pdf" >"$T/k.json" 2>/dev/null
check "outline present" grep -q '"/Outlines"' "$T/k.json"
check "internal links present" grep -q '"/Dest"' "$T/k.json"
check "page labels present" grep -q '"/PageLabels"' "$T/k.json"
info=$(pdfinfo "$T/k.pdf")
case "$info" in *"Creator:"*"mkbrief"*) pass "Creator metadata" ;; *) fail "Creator metadata" ;; esac
case "$info" in *"Title:"*"Russia and the Korean Crisis"*) pass "Title metadata" ;; *) fail "Title metadata" ;; esac

# the same inputs give the same bytes, whatever the environment says
mkdir -p "$T/home/.config/fontconfig"
cat >"$T/home/.config/fontconfig/fonts.conf" <<'XML'
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts</dir>
<match target="pattern"><edit name="family" mode="prepend" binding="strong"><string>DejaVu Sans</string></edit></match>
<alias><family>Noto Serif</family><prefer><family>DejaVu Sans</family></prefer></alias></fontconfig>
XML
HOME="$T/home" TZ=Pacific/Kiritimati LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$MKBRIEF" -o "$T/k2.pdf" "$B" 2>/dev/null
check "byte-identical across TZ, LANG and a hostile fontconfig" cmp "$T/k.pdf" "$T/k2.pdf"

# a failed run leaves the previous PDF untouched and no temporary file
cp "$T/k.pdf" "$T/keep.pdf"
sed 's/probable adversary/probable adversery/' "$B" >"$T/bad.yaml"
sed -i "s#file: articles/#file: $ROOT/briefs/articles/#" "$T/bad.yaml"
"$MKBRIEF" -o "$T/keep.pdf" "$T/bad.yaml" 2>/dev/null
st=$?
if [ $st = 1 ] && cmp -s "$T/k.pdf" "$T/keep.pdf" && [ -z "$(ls -A "$T" | grep '^\.')" ]; then
	pass "failed run leaves the old PDF intact"
else
	fail "failed run leaves the old PDF intact (status $st)"
fi
"$MKBRIEF" -o - "$B" 2>/dev/null >"$T/stdout.pdf"
check "-o - writes the PDF to stdout" cmp "$T/k.pdf" "$T/stdout.pdf"
(cd "$T" && "$MKBRIEF" "$ROOT/$B" 2>/dev/null)
check "default output name in the current directory" test -s "$T/korea-jan2018.pdf"
"$MKBRIEF" --format png --dpi 30 -o "$T/prev.png" "$B" 2>/dev/null
check "--format png writes one PNG per page" test -s "$T/prev-$pages.png"
# its dots per inch are in the file (a pHYs chunk, right after the header: 30 dpi is 1,181
# dots a metre), so that a viewer takes the page at its size
phys=$(od -A n -t x1 -j 33 -N 21 "$T/prev-1.png" | tr -d ' \n')
[ "${phys:0:34}" = 00000009704859730000049d0000049d01 ] && pass "a PNG page records its dpi (pHYs)" || fail "PNG pHYs: $phys"
"$MKBRIEF" --format svg -o "$T/prev.svg" "$B" 2>/dev/null
check "--format svg writes one SVG per page" test -s "$T/prev-1.svg"
"$MKBRIEF" --format ps -o "$T/k.ps" "$B" 2>/dev/null
check "--format ps writes PostScript" grep -q '^%!PS' "$T/k.ps"

# other readers than poppler: MuPDF and Ghostscript open every page without complaint
mu=$(mutool draw -q -o "$T/mu-%d.png" -r 20 "$T/k.pdf" 2>&1 | grep -iv "ICC support")
[ -z "$mu" ] && [ -s "$T/mu-$pages.png" ] && pass "MuPDF renders every page silently" || fail "MuPDF renders every page silently: $mu"
gsout=$(gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=png16m -r20 -sOutputFile="$T/gs-%d.png" "$T/k.pdf" 2>&1)
[ -z "$gsout" ] && [ -s "$T/gs-$pages.png" ] && pass "Ghostscript renders every page silently" || fail "Ghostscript renders every page silently: $gsout"
annots=$(for obj in $(mutool show "$T/k.pdf" pages 2>/dev/null | awk '{print $4}'); do mutool show "$T/k.pdf" "$obj" 2>/dev/null; done | grep -c "/Annots")
[ "$annots" -ge 1 ] && pass "MuPDF sees the link annotations ($annots pages)" || fail "MuPDF sees the link annotations"

# text of invisible characters only (no-break spaces, a soft hyphen, an em space) in a
# title, a heading, a paragraph, a bullet and a table cell is empty: an error at each (it
# was set and drawn as nothing, the title the PDF's); beside a visible character, such runs
# are set and drawn with nothing said (the breaker's line with nothing on it has no Pango
# layout to draw from)
mkdir -p "$T/inv" && ln -s "$ROOT/briefs/articles" "$T/inv/articles"
cat >"$T/inv/b.yaml" <<'YAML'
title: "\u00a0"
date: 2018-01-22
sources:
  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: "\u2003"
    content:
      - text: "\u00a0\u00a0 \u00a0"
      - bullets: ["\u00ad"]
      - table: {rows: [["\u00a0", x]]}
YAML
"$MKBRIEF" --check "$T/inv/b.yaml" 2>"$T/inv/err"
st=$?
[ $st = 1 ] && [ "$(grep -c 'must not be empty (it holds only characters that print nothing)' "$T/inv/err")" = 5 ] &&
	pass "invisible text only: five values refused as empty" || fail "invisible text only: status $st: $(head -2 "$T/inv/err")"
cat >"$T/inv/b.yaml" <<'YAML'
title: "\u00a0T\u00a0"
date: 2018-01-22
sources:
  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: "\u2003H"
    content:
      - text: "\u00a0\u00a0 \u00a0 x \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 y"
      - bullets: ["\u00ad z"]
      - table: {rows: [["\u00a0 w", x]]}
YAML
for f in pdf png svg; do
	"$MKBRIEF" --annex --format $f -o "$T/inv/o.$f" "$T/inv/b.yaml" 2>"$T/inv/err"
	st=$?
	[ $st = 0 ] && [ ! -s "$T/inv/err" ] && pass "runs of invisible text: $f built, nothing on stderr" ||
		fail "runs of invisible text ($f): status $st: $(head -2 "$T/inv/err")"
done
# words on either side of a change of font are two words to every reader: a run set in one
# font ends with a space glyph when a run in another follows it ("(U)" in bold, then the
# text; italics): Ghostscript, which finds words by their glyphs, read "(U)Putin" and
# "second fiddleto"
readers="pdftotext mutool"
command -v gs >/dev/null && readers="$readers gs"
for r in $readers; do
	case $r in
	pdftotext) pdftotext "$T/k.pdf" "$T/fc.txt" ;;
	mutool) mutool draw -q -F txt -o "$T/fc.txt" "$T/k.pdf" 2>/dev/null ;;
	gs) gs -q -dNOPAUSE -dBATCH -sDEVICE=txtwrite -sOutputFile="$T/fc.txt" "$T/k.pdf" ;;
	esac
	joined=""
	for w in "(U) Putin now treats" "(U) Russia votes" "(U) The Kremlin’s worst fear" "a de facto nuclear" "success, and it describes"; do
		tr -s ' ' <"$T/fc.txt" | grep -qF "$w" || joined="$joined '$w'"
	done
	[ -z "$joined" ] && pass "$r reads the words at changes of font apart" || fail "$r does not read:$joined"
done

# A brief's hyphenation words, as TeX's \hyphenation: en-US patterns break "gemcitabine"
# after "gemc"; given as gem-ci-ta-bine it breaks only there, given whole it never breaks.
mkdir -p "$T/hy" && ln -s "$ROOT/briefs/articles" "$T/hy/articles"
hy_brief() { # hy_brief WORDS: a digest paragraph where the patterns break the word
	cat <<YAML
title: Words
date: 2026-01-01
$1
layout: digest
sources:
  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: Doses
    content:
      - text: "The trial gave their first dose of gemcitabine to patients with advanced pancreatic cancer,
          who gemcitabine received Gemcitabine alone or with cisplatin in gemcitabine cycles
          gemcitabine of three weeks."
YAML
}
hy_ends() { # hy_ends WORDS: the word's pieces that end a line (poppler joins them but with -layout)
	hy_brief "$1" >"$T/hy/b.yaml"
	"$MKBRIEF" -q -o "$T/hy/b.pdf" "$T/hy/b.yaml" 2>"$T/hy/err" || { echo "failed: $(head -1 "$T/hy/err")"; return; }
	pdftotext -layout "$T/hy/b.pdf" - | grep -io 'gem[a-z]*-' | sort -u | tr '\n' ' '
}
got=$(hy_ends "")
case "$got" in *gemc-*) pass "the patterns alone break gemcitabine as gemc-" ;; *) fail "without words: '$got'" ;; esac
got=$(hy_ends "hyphenation: [gem-ci-ta-bine]")
case "$got" in *[Gg]emc-* | failed*) fail "given gem-ci-ta-bine: line ends '$got'" ;;
*) pass "given gem-ci-ta-bine, it breaks only there ('$got')" ;; esac
got=$(hy_ends "hyphenation: [Gemcitabine]")
[ -z "$got" ] && pass "given whole, it never breaks, in any case" || fail "given whole: line ends '$got'"

# every Sources entry's file line ends as a sentence, a source never cited too ("File: x.txt.")
mkdir -p "$T/src" && cp briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt "$T/src/a.txt" &&
	cp briefs/articles/edm-2017-v14i42-another-russian-failure.txt "$T/src/b.txt"
printf 'title: Two sources\ndate: 2018-01-22\nsources:\n  edm: {file: src/a.txt}\n  other: {file: src/b.txt}\nsections:\n  - heading: One\n    content:\n      - text: "Russia voted yes."\n        cite: edm p2\n' >"$T/two.yaml"
files=$("$MKBRIEF" -q --dump-layout "$T/two.yaml" 2>&1 | sed -n 's/.*|\(File: .*\)|$/\1/p')
if [ "$(grep -c . <<<"$files")" = 2 ] && ! grep -qv '\.$' <<<"$files"; then
	pass "each Sources entry's file line ends with a period, a source never cited too"
else
	fail "Sources file lines: $(tr "\n" " " <<<"$files")"
fi
