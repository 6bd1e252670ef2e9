# ligatures.sh: the tagged text reads whole past a ligature. Cairo draws fi, fl, ff, ffi and
# ffl as one glyph each, which its ToUnicode maps to U+FB01..., and wrapped each in an
# ActualText span nested in the element's marked content; poppler's structure reader ended
# the element's text at that span ("A vector ﬁ" for "A vector figure that floats"). Each
# element's text (heading, paragraph, bullet, Key point, caption, excerpt, quote), read by
# pdfinfo -struct-text, is checked whole and spelled with letters, in every layout; pdftotext
# reads the letters once ("fi", never "ﬁ" or "fifi").
. "$(dirname "$0")/lib.bash"
cat >"$T/article.txt" <<'A'
Official flights offer efficient affluence

The official said the fluffy waffles were offered at the office buffet, fifty of them.

A final paragraph of the article, where nothing is left to find.
A
cat >"$T/brief.yaml" <<'B'
title: Efficient offices
date: 2018-01-22
marking: "(U)"
sources:
  art: {file: article.txt}
summary:
  - Officials find the flights efficient and affluent, then leave.
sections:
  - heading: Official flights offer efficient affluence to officers
    content:
      - text: The office staff filed fifty flawless affidavits, then the officials left early.
      - bullets:
          - Staff offices fly flags in the affluent suburbs, finally.
      - quote:
          source: art
          text: the fluffy waffles were offered at the office buffet
      - excerpt: {source: art, paragraphs: 1}
      - figure:
          file: chart.svg
          alt: A square
          caption: Fifty flights, shuffled and filed by the office
B
cat >"$T/chart.svg" <<'S'
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#ccc"/></svg>
S
want=(
	"Official flights offer efficient affluence to officers"
	"The office staff filed fifty flawless affidavits, then the officials left early."
	"Staff offices fly flags in the affluent suburbs, finally."
	"Officials find the flights efficient and affluent, then leave."
	"the fluffy waffles were offered at the office buffet"
	"The official said the fluffy waffles were offered at the office buffet, fifty of them."
	"Fifty flights, shuffled and filed by the office"
)
for layout in handout handout-a4 digest; do
	if ! "$MKBRIEF" -q --layout "$layout" -o "$T/$layout.pdf" "$T/brief.yaml" 2>"$T/err"; then
		fail "$layout: $(head -3 "$T/err")"
		continue
	fi
	# each element's text on one line, the lines of a wrapped element joined
	pdfinfo -struct-text "$T/$layout.pdf" | sed -n 's/^ *"\(.*\)"$/\1/p' >"$T/$layout.st"
	missing=""
	for w in "${want[@]}"; do
		grep -qF -- "$w" "$T/$layout.st" || missing="$missing [$w]"
	done
	if [ -z "$missing" ]; then
		pass "$layout: pdfinfo -struct-text reads every element whole past its ligatures"
	else
		fail "$layout: not whole in the tagged text:$missing; got: $(grep -i 'f' "$T/$layout.st" | head -8 | tr '\n' '|')"
	fi
	if LC_ALL=C grep -q $'\xef\xac[\x80-\x86]' "$T/$layout.st"; then
		fail "$layout: the tagged text reads a ligature character: $(grep $'\xef\xac' "$T/$layout.st" | head -2)"
	else
		pass "$layout: the tagged text spells ligatures with letters"
	fi
	pdftotext "$T/$layout.pdf" - | tr '\n' ' ' | tr -s ' ' >"$T/$layout.txt"
	if LC_ALL=C grep -q $'\xef\xac[\x80-\x86]\|fifi\|flfl\|ffff' "$T/$layout.txt" || ! grep -qF "efficient affluence" "$T/$layout.txt"; then
		fail "$layout: pdftotext: $(grep -o '.\{20\}\(ffi\|fi\|fl\)[^ ]*' "$T/$layout.txt" | head -3 | tr '\n' '|')"
	else
		pass "$layout: pdftotext reads the ligatures once, as letters"
	fi
done
