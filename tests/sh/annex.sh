# annex.sh: the reading-pack annex (annex: true, --annex): every source in full after Sources,
# the words of every quote and excerpt highlighted exactly, numbered A1, A2... in the margin
# and at the end of the block's citation line, linked both ways; the outline; a long source.
. "$(dirname "$0")/lib.bash"
KOREA="$ROOT/briefs/korea-jan2018.yaml"
LINKS="python3 $ROOT/tests/tools/pdflinks.py"
# the dump with no-break spaces as '_'
dump() { "$MKBRIEF" --dump-layout "$@" 2>"$T/err" | sed 's/\xC2\xA0/_/g; s/\xE2\x80\xAF/_/g'; }

"$MKBRIEF" "$KOREA" -o "$T/plain.pdf" 2>/dev/null
if "$MKBRIEF" --annex "$KOREA" -o "$T/k.pdf" 2>"$T/err"; then pass "korea --annex builds"; else fail "korea --annex: $(cat "$T/err")"; fi
plain=$(pdfinfo "$T/plain.pdf" | awk '/^Pages/ {print $2}')
pages=$(pdfinfo "$T/k.pdf" | awk '/^Pages/ {print $2}')
[ "$pages" -gt "$((plain + 1))" ] && pass "the annex adds pages ($plain → $pages)" || fail "pages: $plain → $pages"
check "qpdf --check" qpdf --check "$T/k.pdf"
mu=$(mutool draw -q -o "$T/mu-%d.png" -r 20 "$T/k.pdf" 2>&1 | grep -iv "ICC support")
[ -z "$mu" ] && pass "MuPDF renders the annex silently" || fail "MuPDF: $mu"

# annex: true in the brief is --annex
cp -r "$ROOT/briefs" "$T/briefs"
sed 's/^layout: handout$/layout: handout\nannex: true/' "$KOREA" >"$T/briefs/korea-jan2018.yaml"
"$MKBRIEF" "$T/briefs/korea-jan2018.yaml" -o "$T/k2.pdf" 2>/dev/null
cmp -s "$T/k.pdf" "$T/k2.pdf" && pass "annex: true in the brief is --annex" || fail "annex: true differs from --annex"

dump --annex "$KOREA" >"$T/k.txt"
annex_page=$(grep -n '|Annex: the sources in full|' "$T/k.txt" | head -1 | cut -d: -f1)
[ -n "$annex_page" ] && pass "the annex has its heading" || fail "no annex heading"
head -n "$annex_page" "$T/k.txt" >"$T/body.txt"
tail -n +"$annex_page" "$T/k.txt" >"$T/annex.txt"
if grep -q 'highlight=' "$T/body.txt"; then fail "highlights before the annex"; else pass "nothing is highlighted before the annex"; fi

# every quote and excerpt is numbered, in order, and its number stands in the annex margin
nblocks=$(grep -cE '^      - (quote|excerpt):' "$KOREA")
numbers=$(grep -o '· annex_A[0-9]*' "$T/body.txt" | sed 's/.*_A//' | tr '\n' ' ')
want=$(seq -s ' ' 1 "$nblocks")
[ "$numbers" = "$want " ] && pass "the $nblocks quotes and excerpts end their citation lines with A1..A$nblocks" ||
	fail "numbers on citation lines: '$numbers', want '$want '"
missing=""
for u in $(seq 1 "$nblocks"); do
	grep -qE "label=\"([^\"]*, )?A$u(,|\")" "$T/annex.txt" || missing="$missing A$u"
done
[ -z "$missing" ] && pass "each number stands beside its passage in the annex" || fail "labels missing:$missing"

# exactly the quoted words: the highlights, joined, hold each quote as typed, and no more
hl=$(grep -o 'highlight="[^"]*"' "$T/annex.txt" | sed 's/^highlight="//; s/"$//' | tr '\n' ' ')
putin="he has a nuclear weapon and a missile that can reach any target on the territory of his probable adversary"
if [[ "$hl" == *"$putin"* ]]; then pass "the Putin quote is highlighted word for word"; else fail "Putin quote not highlighted: $hl"; fi
before=$(grep -m1 'label="A1' "$T/annex.txt" | grep -o '|.*|')
if [[ "$before" == *"goal—he has"* ]] && ! [[ "$(grep -m1 'label="A1' "$T/annex.txt" | grep -o 'highlight="[^"]*"')" == *goal* ]]; then
	pass "the words before the quote are not highlighted"
else fail "highlight starts wrong: $(grep -m1 'label="A1' "$T/annex.txt")"; fi

# a note that cites a source is named beside what it cites, with no tint: the Korea brief's
# one note cites edm-2018 p2, so "note a" (its mark in the text is "a") stands beside paragraph 2's first line
p2=$(awk '/\|Annex: the sources in full\|/ {on = 1} on && /marker=[0-9+]*:"2"/ {print; exit}' "$T/k.txt")
if [[ "$p2" == *'label="note a"'* ]] && [[ "$p2" != *highlight=* ]]; then pass "note a is named beside the paragraph it cites, untinted"
else fail "note label: $p2"; fi

# links both ways: citation line → its passage, highlight → the block
$LINKS "$T/k.pdf" >"$T/links.txt"
page_of() { # the page of the first dump line matching $2 in file $1
	awk -v re="$2" '/^page / {p = $2} $0 ~ re {print p; exit}' "$1"
}
bad=""
for u in $(seq 1 "$nblocks"); do
	pb=$(page_of "$T/k.txt" "· annex_A$u\\|")
	pa=$(page_of "$T/k.txt" "label=\"([^\"]*, )?A$u[,\"]")
	grep -q "^$pb .* -> page $pa\$" "$T/links.txt" || bad="$bad A$u:$pb→$pa"
	awk -v pa="$pa" -v pb="$pb" '$1 == pa && $NF <= pb && $NF >= 1 {ok = 1} END {exit !ok}' "$T/links.txt" || bad="$bad A$u:$pa→back"
done
[ -z "$bad" ] && pass "every citation line links to its passage and every passage back" || fail "links:$bad"

# the outline: the annex, and each source under it
qpdf --json "$T/k.pdf" >"$T/k.json"
outline=$(python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
def walk(items, depth):
    for o in items:
        print("  " * depth + o["title"])
        walk(o.get("kids", []), depth + 1)
walk(j["outlines"], 0)' "$T/k.json")
if grep -q '^Annex: the sources in full$' <<<"$outline" && grep -q '^  Russia Uses Korean Crisis' <<<"$outline" &&
	grep -q '^  Another Russian Failure' <<<"$outline"; then pass "outline: the annex, one entry per source"
else fail "outline: $outline"; fi

# digest: two columns, the same numbers and highlights
dump --annex --layout digest "$KOREA" >"$T/d.txt"
n=$(grep -c 'label="' "$T/d.txt")
[ "$n" -ge "$nblocks" ] && grep -q "highlight=\"he has a nuclear" "$T/d.txt" && pass "digest: labels ($n) and highlights" ||
	fail "digest: $n labels"

# a long source: every paragraph of a licence text (100+), numbered in order, no widow or
# orphan line alone at a page's top or foot
lic=/usr/share/common-licenses/GPL-3
mkdir -p "$T/long"
{
	echo "GNU General Public License, version 3"
	echo
	awk 'BEGIN {RS = ""; ORS = "\n\n"} {gsub(/\n[ \t]*/, " "); sub(/^[ \t]+/, ""); print}' "$lic"
} >"$T/long/gpl.txt"
cat >"$T/long/brief.yaml" <<'YAML'
title: A long source
date: 2024-01-01
annex: true
sources:
  gpl: {file: gpl.txt}
sections:
  - heading: Terms
    content:
      - quote: {source: gpl, text: "The licenses for most software [...] are designed to take away your freedom"}
      - excerpt: {source: gpl, from: "Protecting Users' Legal Rights", to: "technological measures."}
YAML
if dump "$T/long/brief.yaml" >"$T/long.txt"; then pass "a 100-paragraph source builds"; else fail "long: $(cat "$T/err")"; fi
count=$(awk 'BEGIN {RS = ""} END {print NR - 1}' "$T/long/gpl.txt")
nums=$(grep -o 'marker=[0-9+]*:"[0-9]*"' "$T/long.txt" | sed 's/.*:"//; s/"//' | tr '\n' ' ')
[ "$count" -ge 100 ] && [ "$nums" = "$(seq -s ' ' 1 "$count") " ] && pass "its $count paragraphs numbered in order" ||
	fail "paragraph numbers ($count): $nums"
widows=$(awk '/^page / {first = 1; next}
	/^  line / {
		split($0, a, " line="); split(a[2], b, " "); split(b[1], n, "/")
		if (first && n[1] == n[2] && n[2] > 1) print "widow: " $0
		first = 0
	}' "$T/long.txt")
[ -z "$widows" ] && pass "no paragraph's last line alone at a page's top" || fail "$widows"
hl=$(grep -o 'highlight="[^"]*"' "$T/long.txt" | sed 's/^highlight="//; s/"$//' | tr '\n' ' ')
[[ "$hl" == "The licenses for most software are designed to take away your freedom "* ]] && pass "the elided quote's two pieces highlighted" ||
	fail "long quote highlights: $(grep -o 'highlight="[^"]*"' "$T/long.txt" | head -3)"

# annex: takes a boolean
printf 'title: T\ndate: 2018-01-22\nannex: maybe\nsources: {}\nsections: []\n' >"$T/bad.yaml"
"$MKBRIEF" --check "$T/bad.yaml" 2>"$T/err"
grep -q 'bad.yaml:3:8: error' "$T/err" && pass "annex: maybe is an error at 3:8" || fail "annex: maybe: $(cat "$T/err")"

# a source's subheading never ends a page or a column of the annex: it stays with the first
# line of what it heads (its space below kept it only with the space); a source of our own,
# a subheading every third paragraph, paragraphs of 1 to 9 lines so that breaks fall
# everywhere, in three layouts
mkdir -p "$T/sub"
python3 - "$T/sub" <<'PY'
import random, sys
random.seed(7)
words = "the operators said that the grid was built for a different system and that new lines take a decade to plan while demand moves within a year".split()
out = ["Subheadings everywhere", "Publication: Grid Review Volume: 3 Issue: 2", ""]
for k in range(60):
    if k % 3 == 0:
        out += ["Part %d of the review" % (k // 3 + 1), ""]
    out += [" ".join(random.choice(words) for _ in range(random.randint(12, 110))).capitalize() + ".", ""]
open(sys.argv[1] + "/a.txt", "w").write("\n".join(out))
open(sys.argv[1] + "/b.yaml", "w").write("title: Subheadings\ndate: 2019-03-05\nannex: true\nsources:\n  g: {file: a.txt}\n"
    "sections:\n  - heading: One\n    content:\n      - excerpt: {source: g, paragraphs: 2}\n")
PY
for layout in handout handout-a4 digest; do
	dump --layout "$layout" "$T/sub/b.yaml" >"$T/sub/$layout.txt"
	# the last line of each column of each page, and whether it is a subheading (its text
	# "Part N of the review", numbered in the margin)
	stranded=$(awk '/^page / { for (c in last) if (last[c] ~ /\|Part [0-9]+ of the review\|/) n++; delete last }
		/^  line / { split($2, a, "="); last[a[2]] = $0 }
		END { for (c in last) if (last[c] ~ /\|Part [0-9]+ of the review\|/) n++; print n + 0 }' "$T/sub/$layout.txt")
	heads=$(grep -c '|Part [0-9]* of the review|' "$T/sub/$layout.txt")
	[ "$stranded" = 0 ] && [ "$heads" -ge 20 ] && pass "$layout annex: no subheading ends a page or column ($heads subheadings)" ||
		fail "$layout annex: $stranded of $heads subheadings end a page or column"
done

# a passage's name stands once, where it starts: not again beside each paragraph of an
# excerpt of several, nor beside each item of a list in one; an elided piece of a quote is
# named where it starts (one page, so no column tops)
mkdir -p "$T/once" && cd "$T/once" || exit 1
cp "$ROOT/tests/articles/lists-source.txt" .
cat >b.yaml <<'YAML'
title: Labels once
date: 2018-01-22
annex: true
sources:
  ports: {file: lists-source.txt, title: Port Records}
sections:
  - heading: Cargo
    content:
      - excerpt: {source: ports, paragraphs: 1-2}
      - excerpt: {source: ports, paragraphs: 3-4}
      - quote: {source: ports, text: "Share the port records with the panel [...] Publish the February count"}
YAML
"$MKBRIEF" -q --layout handout --dump-layout b.yaml >d.txt 2>err || fail "labels once: $(cat err)"
annex=$(awk '/\|Annex: the sources in full\|/ { on = 1 } on' d.txt)
n1=$(grep -c 'label="A1[",]' <<<"$annex") n2=$(grep -c 'label="A2[",]' <<<"$annex") n3=$(grep -o 'A3' <<<"$(grep -o 'label="[^"]*"' <<<"$annex")" | wc -l)
pages=$(grep -c '^page' <<<"$annex")
if [ "$n1" = 1 ] && [ "$n2" = 1 ] && [ "$n3" = 2 ] && [ "$pages" -le 1 ]; then
	pass "the annex names an excerpt of two paragraphs and one of a list of 11 items once each, an elided quote at each of its two pieces"
else
	fail "annex labels: A1 $n1 times, A2 $n2 times, A3 $n3 times (want 1, 1, 2) on $pages pages"
fi

# a highlight's Link element in the annex holds the passage's own words, also where the
# passage begins or ends inside a run without spaces ("goal—he has", "adversary—and"): it
# held only its middle line, the first and last words left in the paragraph (a trial of the
# PDF's tags)
"$MKBRIEF" -q --annex "$ROOT/briefs/korea-jan2018.yaml" -o annex-tags.pdf 2>err || fail "annex tags: $(cat err)"
held=$(pdfinfo -struct-text annex-tags.pdf | awk '/Link \(inline\)/ { inl = 1; t = ""; next }
	inl && /^ *"/ { s = $0; sub(/^ *"/, "", s); sub(/"$/, "", s); t = t " " s; next }
	inl { if (t ~ /nuclear weapon/) print t; inl = 0 }' | head -1 | tr -s ' ')
[ "$held" = " he has a nuclear weapon and a missile that can reach any target on the territory of his probable adversary" ] &&
	pass "a highlight's Link in the annex holds its passage from its first word to its last" || fail "annex Link holds '$held'"

# the annex's links say where they go by the passage's label, not by a page (a PDF
# consumers' trial: "Link to page 8")
json=$(qpdf --json annex-tags.pdf 2>/dev/null)
to_annex=$(grep -c '"/Contents": "u:Link to passage A[0-9]* in the annex"' <<<"$json")
to_body=$(grep -c '"/Contents": "u:Link to where the brief quotes passage A[0-9]*"' <<<"$json")
by_page=$(grep -c '"/Contents": "u:Link to page' <<<"$json")
[ "$to_annex" -gt 0 ] && [ "$to_body" -gt 0 ] && [ "$by_page" = 0 ] &&
	pass "the annex's links name their passage ($to_annex to the annex, $to_body back to the brief)" ||
	fail "annex link descriptions: $to_annex to the annex, $to_body back, $by_page by page"
