# tables.sh: what the table goldens cannot say by their pixels: a table broken across pages
# repeats its caption (continued) and header row at the next page's top; no cell's text runs
# into its neighbour or past the table; a row taller than a page is split line by line with
# nothing lost; a chronology prints ISO dates as words; the PDF's text keeps the brief's
# order; the table layout keys act.
. "$(dirname "$0")/lib.bash"
G="$ROOT/tests/golden"
"$MKBRIEF" -q --dump-layout "$G/table/brief.yaml" >"$T/t.txt" 2>"$T/err" || fail "table golden: $(cat "$T/err")"

# page 2 opens with Table 1's caption, continued, then its header row again, then a body row
first=$(awk '/^page 2$/ { on = 1; next } on && /^  (line|row)/ { print; n++ } n == 3 { exit }' "$T/t.txt")
if echo "$first" | sed -n 1p | grep -q 'Table 1\..*(continued)|$' &&
	echo "$first" | sed -n 2p | grep -q '^  row .* header repeat.*:Resolution' &&
	echo "$first" | sed -n 3p | grep -q '^  row .*table=1 band=1/'; then
	pass "a table broken across pages: caption (continued) and header row repeated on the next page"
else
	fail "page 2 does not open with the continued caption and header: $first"
fi
if [ "$(grep -c 'header repeat' "$T/t.txt")" = 1 ]; then pass "the header is repeated once, where the table breaks"; else fail "header repeated $(grep -c 'header repeat' "$T/t.txt") times"; fi

# no cell's line reaches the next cell's text, nor past the table's right edge
overlaps() {
	awk '/^  row / {
		x = 0; w = 0
		for (i = 1; i <= NF; i++) {
			if ($i ~ /^x=/) x = substr($i, 3) + 0
			if ($i ~ /^w=/) w = substr($i, 3) + 0
		}
		n = split($0, cells, " [|]")
		prev_end = -1
		for (k = 2; k <= n; k++) {
			split(cells[k], xw, "[+:]")
			if (prev_end > xw[1] + 1 && xw[2] > 0) { print "overlap: " $0; break }
			if (xw[2] > 0) prev_end = xw[1] + xw[2]
			if (prev_end > x + w + 1) { print "past the table: " $0; break }
		}
	}' "$1"
}
for layout in handout digest; do
	"$MKBRIEF" -q --layout "$layout" --dump-layout "$G/table/brief.yaml" >"$T/l.txt" 2>/dev/null
	bad=$(overlaps "$T/l.txt")
	rows=$(grep -c '^  row ' "$T/l.txt")
	if [ -z "$bad" ] && [ "$rows" -gt 30 ]; then pass "$layout: no cell runs into its neighbour or past the table ($rows bands)"; else fail "$layout: $bad ($rows bands)"; fi
done
# the check itself: a cell moved onto its neighbour is caught
sed '0,/|[0-9]*+[0-9]*:First nuclear test/s//|15500+9000:First nuclear test/' "$T/t.txt" >"$T/moved.txt"
if [ -n "$(overlaps "$T/moved.txt")" ]; then pass "self-check: an overlapping cell is caught"; else fail "self-check: the overlap check misses a moved cell"; fi

# chronology: ISO dates as words (no-break spaces inside), free-text dates as written
chron=$(grep 'table=3' "$T/t.txt")
if echo "$chron" | grep -q "|[0-9]*+[0-9]*:December.*22,.*2017 " && ! echo "$chron" | grep -q "2017-12-22" &&
	echo "$chron" | grep -q '|[0-9]*+[0-9]*:Early 2018 '; then
	pass "chronology: 2017-12-22 printed as December 22, 2017; 'Early 2018' as written"
else
	fail "chronology dates: $(grep 'table=3' "$T/t.txt" | head -3)"
fi
# an ISO month reads as words too ("2018-12" as written reads as a range of years)
mkdir -p "$T/m" && ln -s "$ROOT/briefs/articles" "$T/m/articles"
printf '%s\n' "title: Months" "date: 2018-01-22" "sources:" "  s: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}" \
	"sections:" "  - heading: H" "    content:" "      - chronology:" "          - {date: 2018-12, text: A month, cite: s p1}" \
	"          - {date: 2019, text: A year, cite: s p1}" >"$T/m/b.yaml"
"$MKBRIEF" -q -o "$T/m/b.pdf" "$T/m/b.yaml" 2>"$T/err"
mtxt=$(pdftotext "$T/m/b.pdf" - 2>/dev/null | tr '\n' ' ')
if grep -qF 'December 2018' <<<"$mtxt" && ! grep -qF '2018–12' <<<"$mtxt" && grep -q '2019' <<<"$mtxt"; then
	pass "chronology: 2018-12 printed as December 2018; 2019 as written"
else
	fail "chronology months: $mtxt $(cat "$T/err")"
fi
# a date with more than the ISO date (a range, a question, a note) prints all of it, each
# ISO date in it as words; one inside a longer code prints as written ("2018-01-01 to
# 2018-01-05" printed "January 1, 2018" alone, and "2018-01-99x" "January 99, 2018": a
# hostile trial); an impossible date among words is an error at its value
mkdir -p "$T/d" && ln -s "$ROOT/briefs/articles" "$T/d/articles"
printf '%s\n' "title: Dates" "date: 2018-01-22" "sources:" "  s: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}" \
	"sections:" "  - heading: H" "    content:" "      - chronology:" \
	"          - {date: 2018-01-01 to 2018-01-05, text: A range}" "          - {date: 2018-01-01?, text: A question}" \
	"          - {date: 2018-01-01T10:00, text: A time}" "          - {date: 2018-01-99x, text: A code}" \
	"          - {date: 2018-12 or 2019-01, text: Two months}" >"$T/d/b.yaml"
"$MKBRIEF" -q -o "$T/d/b.pdf" "$T/d/b.yaml" 2>"$T/err"
dtxt=$(pdftotext "$T/d/b.pdf" - 2>/dev/null | tr '\n' ' ')
if grep -qF 'January 1, 2018 to January 5, 2018' <<<"$dtxt" && grep -qF 'January 1, 2018?' <<<"$dtxt" &&
	grep -qF '2018-01-01T10:00' <<<"$dtxt" && grep -qF '2018-01-99x' <<<"$dtxt" && ! grep -qF 'January 99' <<<"$dtxt" &&
	grep -qF 'December 2018 or January 2019' <<<"$dtxt"; then
	pass "chronology: every ISO date in a date as words, the rest as written, nothing dropped"
else
	fail "chronology dates with words: $dtxt $(cat "$T/err")"
fi
printf '%s\n' "          - {date: 2018-02-31 (reported), text: No such day}" >>"$T/d/b.yaml"
"$MKBRIEF" -q -o "$T/d/b2.pdf" "$T/d/b.yaml" 2>"$T/err"; st=$?
if [ $st = 1 ] && [ ! -e "$T/d/b2.pdf" ] && grep -q "b.yaml:14:20: error: 2018-02-31 is not a real date" "$T/err"; then
	pass "chronology: an impossible date among words is an error at its value"
else
	fail "chronology 2018-02-31 (reported): status $st: $(cat "$T/err")"
fi
# without a caption, a chronology is labelled as one, and a table by its number alone
# ('Table 1.' with nothing after it read as a caption lost: a reader's trial)
printf '%s\n' "      - table: {columns: [A, B], rows: [[one, two]]}" >>"$T/m/b.yaml"
"$MKBRIEF" -q -o "$T/m/b.pdf" "$T/m/b.yaml" 2>"$T/err"
mtxt=$(pdftotext "$T/m/b.pdf" - 2>/dev/null | tr '\n' ' ')
if grep -qF 'Table 1. Chronology' <<<"$mtxt" && grep -q 'Table 2 A' <<<"$mtxt" && ! grep -qF 'Table 2.' <<<"$mtxt"; then
	pass "a chronology without a caption is 'Table 1. Chronology', a table without one 'Table 2'"
else
	fail "labels without captions: $mtxt $(cat "$T/err")"
fi

# the PDF's text in the brief's order: Table 1's header, its first and last rows, Table 2, the chronology
"$MKBRIEF" -q "$G/table/brief.yaml" -o "$T/t.pdf" 2>/dev/null
pdftotext -layout "$T/t.pdf" "$T/t.pdftxt"
order=$(grep -n -o 'Main measures\|Arms embargo; luxury\|Hwasong-15\|Caps on petroleum\|December 22, 2017' "$T/t.pdftxt" | cut -d: -f2 | uniq | tr '\n' '/')
if [ "$order" = "Main measures/Arms embargo; luxury/Main measures/Hwasong-15/Caps on petroleum/December 22, 2017/" ]; then
	pass "PDF text in reading order, the header printed again on page 2"
else
	fail "PDF text order: $order"
fi

# a row taller than a page: split between its lines, every word kept, header repeated
{
	sed -n '1,/^sections:/p' "$G/table/brief.yaml"
	printf '  - heading: A long row\n    content:\n      - table:\n          columns: [Item, Text]\n          widths: [auto, "*"]\n          rows:\n            - [One, short]\n            - [Two, "'
	for i in $(seq 1 900); do printf 'word%d ' "$i"; done
	printf 'lastword"]\n            - [Three, short]\n'
} >"$T/long.yaml"
cp "$T/long.yaml" "$G/table/long-row.tmp.yaml"
"$MKBRIEF" -q --dump-layout "$G/table/long-row.tmp.yaml" >"$T/long.txt" 2>"$T/err"
status=$?
"$MKBRIEF" -q "$G/table/long-row.tmp.yaml" -o "$T/long.pdf" 2>/dev/null
rm -f "$G/table/long-row.tmp.yaml"
pages=$(awk '/^page / { p = $2 } /:word450 |:word1 / { print p }' "$T/long.txt" | sort -u | wc -l)
words=$(pdftotext "$T/long.pdf" - | grep -o '\bword[0-9]*' | sort -u | wc -l)
if [ "$status" = 0 ] && [ "$pages" -ge 1 ] && [ "$(awk '/^page / { p = $2 } /table=1 band=/ { print p }' "$T/long.txt" | sort -u | wc -l)" -ge 2 ] &&
	[ "$words" = 900 ] && pdftotext "$T/long.pdf" - | grep -q lastword && grep -q 'header repeat' "$T/long.txt"; then
	pass "a row taller than a page is split line by line: all 900 words printed, header repeated"
else
	fail "long row: status $status, $words of 900 words, $(cat "$T/err")"
fi

# layout keys: padding widens the cells' inset, rules: none and a zebra tint are accepted
printf 'table: {padding: 10pt, rules: none, tint: "#EEEEEE", head-tint: "#DDDDDD"}\n' >"$T/wide.yaml"
"$MKBRIEF" -q --layout "$T/wide.yaml" --dump-layout "$G/table/brief.yaml" >"$T/w.txt" 2>"$T/err"
x1=$(grep -m1 'header.*:Resolution' "$T/t.txt" | sed 's/.*|\([0-9]*\)+[0-9]*:Resolution.*/\1/')
x2=$(grep -m1 'header.*:Resolution' "$T/w.txt" | sed 's/.*|\([0-9]*\)+[0-9]*:Resolution.*/\1/')
if [ -n "$x1" ] && [ -n "$x2" ] && [ $((x2 - x1)) = 600 ]; then pass "table.padding: 10pt moves the first cell's text 6pt right"; else fail "table.padding: $x1 then $x2 ($(cat "$T/err"))"; fi
printf 'table: {rules: grid}\n' >"$T/bad.yaml"
err=$("$MKBRIEF" -q --layout "$T/bad.yaml" --check "$G/table/brief.yaml" 2>&1)
if [[ "$err" == *"table.rules must be one of booktabs, rows, none, not 'grid'"* ]]; then pass "table.rules: an unknown value is an error"; else fail "table.rules grid: $err"; fi

# A word wider than its cell (a five-column table in a digest column) is hyphenated, at a
# hyphenation point where one fits, else with a hyphen where it is cut; never cut without
# one ("mediu" / "m"), and a word that fits is not hyphenated at all
mkdir -p "$T/narrow" && cd "$T/narrow" || exit 1
cp "$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt" edm.txt
cat >b.yaml <<'YAML'
title: Narrow cells
date: 2024-05-17
sources:
  edm: {file: edm.txt}
sections:
  - heading: Options
    content:
      - table:
          caption: Options compared
          columns: [Option, Cost, Effect, Risk, Lead]
          align: [left, right, left, left, center]
          rows:
            - [Transshipment enforcement, high, "Medium to high: cargoes transshipped at Zeebrugge", "Legal challenge", Treasury]
            - [Arctic Council technical work, low, None, "Seen as normalization by some allies", State]
            - [Monitor shadow fleet, medium, "Low to medium", "Escalation at sea", "Coast Guard"]
            - [Do nothing, zero, None, "Revenue keeps flowing; accident risk unmanaged", "Transportation"]
YAML
"$MKBRIEF" -q --layout digest --dump-layout b.yaml >d.txt 2>err || fail "narrow cells: $(cat err)"
# each cell's text from its bands: a band ending in '-' joins the next without a space
got=$(awk -F'|' '/^  row / && !/header/ {
		if ($0 ~ / band=1\//) { for (j in cell) printf "%s\n", cell[j]; delete cell }
		for (i = 2; i < NF; i++) { t = $i; sub(/^[0-9]*\+[0-9]*:/, "", t); sub(/ +$/, "", t)
			if (t == "") continue
			if (cell[i] ~ /[a-z]-$/) { sub(/-$/, "", cell[i]); cell[i] = cell[i] t } else cell[i] = cell[i] (cell[i] == "" ? "" : " ") t } }
	END { for (j in cell) printf "%s\n", cell[j] }' d.txt | sort)
want=$(printf '%s\n' "Transshipment enforcement" high "Medium to high: cargoes transshipped at Zeebrugge" "Legal challenge" Treasury \
	"Arctic Council technical work" low None "Seen as normalization by some allies" State "Monitor shadow fleet" medium \
	"Low to medium" "Escalation at sea" "Coast Guard" "Do nothing" zero None "Revenue keeps flowing; accident risk unmanaged" Transportation | sort)
hyph=$(grep -c -- '-|' d.txt)
if [ "$got" = "$want" ] && [ "$hyph" -gt 0 ]; then
	pass "digest: words wider than their cells hyphenated ($hyph lines), none cut without a hyphen"
else
	fail "narrow cells: $(diff <(echo "$want") <(echo "$got") | grep '^>' | head -3 | tr '\n' ';') ($hyph hyphenated)"
fi
# No cell runs into the next: a decimal column holds its widest whole part and widest
# fraction, a number with no point aligns its last digit there ('100%' printed over
# '1,600' before), and a number tied to its unit ('1,000 MW', never broken) is measured
# as one word (it ran left of its column over 'battery (BESS)' in digest).
cat >b.yaml <<'YAML'
title: Cells side by side
date: 2025-01-01
sources:
  edm: {file: edm.txt}
sections:
  - heading: Costs
    content:
      - table:
          columns: [Item, Amount, Share]
          align: [left, decimal, decimal]
          rows:
            - [Total, "1,600", "100%"]
            - [EU, "1,230", "76.9%"]
            - [Others, "370", "23.1%"]
      - table:
          columns: [Site, Kind, Size, Year, Status]
          align: [left, left, right, right, left]
          rows:
            - [Püssi, synchronous condenser, 200 MW, "2024", tender]
            - [Kiisa, 330 kV line, 305 MVA, "2025", "study -- 2nd phase"]
            - [Tartu, battery (BESS), "1,000 MW", "2026", building]
            - [Riga CHP-2, substation upgrade, 305 MVA, "2027", done]
            - [Kilingi-Nõmme, gas reserve, 305 MVA, "2028", "study -- 2nd phase"]
            - [Elektrėnai, 330 kV line, 450 MW, "2024", "\"on hold\""]
            - [Daugavpils, 330 kV line, "1,000 MW", "2028", "study -- 2nd phase"]
      - table:
          columns: [Figure]
          align: [decimal]
          rows:
            - ["1.5 million barrels a day, in a cell long enough to wrap over two lines of this column at least"]
            - ["Russia voted for the resolution and then denounced the sanctions it imposed."]
            - ["12.5"]
YAML
for layout in handout digest; do
	"$MKBRIEF" -q --layout "$layout" --dump-layout b.yaml >d.txt 2>err || fail "cells side by side: $(cat err)"
	over=$(awk -F'|' '/^  row / { px = -1; for (i = 2; i < NF; i++) { split($i, a, /[+:]/); if (a[1] == "") continue
			x = a[1] + 0; w = a[2] + 0; if (px >= 0 && x < px + 200) print $i " after " prev; px = x + w; prev = $i } }' d.txt)
	dec=$(awk -F'|' '/^  row / && /76\.9%|23\.1%/ { split($4, a, /[+:]/); print a[1] }' d.txt | sort -u | wc -l)
	# and none runs out of its table (text that is no number in a decimal column was set
	# on its last period, left of the page)
	out=$(awk -F'|' '/^  row / { split($1, f, " "); for (k in f) { if (f[k] ~ /^x=/) rx = substr(f[k], 3); if (f[k] ~ /^w=/) rw = substr(f[k], 3) }
			for (i = 2; i <= NF; i++) { split($i, a, /[+:]/); if (a[1] == "") continue
				if (a[1] + 0 < rx - 1 || a[1] + a[2] > rx + rw + 1) print $i } }' d.txt)
	over="$over$out"
	if [ -z "$over" ] && [ "$dec" = 1 ]; then
		pass "$layout: no table cell runs into the next or out of its table (a decimal column, a number tied to its unit, text in a decimal column)"
	else
		fail "$layout: cells overlap: $(echo "$over" | head -3 | tr '\n' ';') (decimal points at $dec places)"
	fi
done
# A citation after a number in a decimal column does not push the number off its point
# (a reader's trial: "+4.2%¹ ¶2" sat left of "+11.1%"); cells end on '%', so aligned
# points give the same right edge
cat >b.yaml <<'YAML'
title: Cited decimals
date: 2025-01-01
sources:
  edm: {file: edm.txt}
sections:
  - heading: Changes
    content:
      - table:
          columns: [Department, Change]
          align: [left, decimal]
          rows:
            - [Fire, "+11.1%"]
            - [Police, "0.0%"]
            - [Total, {text: "+4.2%", cite: edm p2}]
YAML
for layout in handout digest; do
	"$MKBRIEF" -q --layout "$layout" -o c.pdf b.yaml 2>err || fail "cited decimals: $(cat err)"
	ends=$(pdftotext -bbox c.pdf - | sed -n 's/.*xMax="\([0-9.]*\)".*>\(+11\.1%\|0\.0%\|+4\.2%\)<.*/\1/p' | awk '{ printf "%.1f\n", $1 }' | sort -u)
	if [ "$(echo "$ends" | wc -l)" = 1 ] && [ -n "$ends" ]; then
		pass "$layout: a cited number in a decimal column stays on the column's point"
	else
		fail "$layout: cited decimals end at $(echo "$ends" | tr '\n' ' ')"
	fi
done
# A word wider than its cell breaks at its hyphenation points, not anywhere: tying a
# cell's last two words took the piece after a break anywhere as the word's last
# ("Departmen-" / "t FY2024": a reader's trial)
bad=""
for w in 0.62in 0.66in 0.68in 0.7in 0.75in; do
	cat >b.yaml <<YAML
title: Narrow cells
date: 2025-01-01
sources:
  edm: {file: edm.txt}
sections:
  - heading: Budget
    content:
      - table:
          columns: [Item, Note]
          widths: [$w, "*"]
          rows:
            - [Fire Department FY2024, x]
            - [Police Department, y]
YAML
	"$MKBRIEF" -q --layout digest --dump-layout b.yaml >d.txt 2>err || fail "narrow cells at $w: $(cat err)"
	cut=$(grep '^  row ' d.txt | grep -v header | awk -F'|' '{ split($2, a, ":"); print a[2] }' | grep -E 'e?me?n?-$|^(n?t|ent) ')
	[ -n "$cut" ] && bad="$bad $w: $(echo "$cut" | tr '\n' '/')"
done
[ -z "$bad" ] && pass "a word wider than its cell breaks at its hyphenation points (5 widths)" || fail "cut anywhere:$bad"
# A table whose header row is taller than a page starts where it stands: it is split all
# the same, and moved on whole it left page 1 near empty (a hostile trial)
long=$(printf 'lorem ipsum dolor sit amet consectetur %.0s' $(seq 200))
printf '%s\n' "title: Tall header" "date: 2025-01-01" "sources:" "  edm: {file: edm.txt}" "sections:" "  - heading: H" \
	"    content:" "      - text: before" "      - table: {columns: [\"$long\", B], rows: [[a, b]]}" >b.yaml
"$MKBRIEF" -q --dump-layout b.yaml >d.txt 2>err || fail "tall header: $(cat err)"
first=$(awk '/^page / { p = $2 } p == 1 && /^  row / { n++ } END { print n + 0 }' d.txt)
[ "$first" -ge 30 ] && pass "a header row taller than a page starts on the page it stands on ($first bands on page 1)" ||
	fail "a header row taller than a page moved on: $first bands on page 1"
# A number of any length in a decimal column is aligned on its point: one of 52 bytes was
# set as text, right-aligned, its point 150 pt from the others' (a hostile trial)
printf '%s\n' "title: Long number" "date: 2025-01-01" "sources:" "  edm: {file: edm.txt}" "sections:" "  - heading: H" \
	"    content:" "      - table:" "          columns: [Row, Value]" "          align: [left, decimal]" "          rows:" \
	"            - [a, \"1.5\"]" "            - [b, \"12345678901234567890.123456789012345678901234567890\"]" >b.yaml
"$MKBRIEF" -q -o long.pdf b.yaml 2>err || fail "long number: $(cat err)"
pdftotext -bbox long.pdf - | awk -F'"' '/>1\.5</ { s1 = $2; e1 = $6 } />12345678901234567890\./ { s2 = $2; e2 = $6 }
	END { exit !(s2 < s1 - 50 && e2 > e1 + 50) }' &&
	pass "a number of 52 bytes in a decimal column straddles the others' point" || fail "a long number in a decimal column is not aligned on its point"
# A table too wide for its column: the columns whose longest words are shortest keep them
# whole and the one with an address breaks it at its slashes and dots ('Cou-ntry',
# 'Est-onia' and '-Sw-' beside a URL column before)
cat >b.yaml <<'YAML'
title: Narrow table
date: 2025-01-01
sources:
  edm: {file: edm.txt}
sections:
  - heading: Positions
    content:
      - table:
          columns: [Country, Position, Key project, Contact]
          rows:
            - [Estonia, "Island-ready; decision \"before the summer\"", "Gas/biomass/storage, ~1.1 GW", "https://www.baltic-synchro.eu/faq?lang=en&section=costs#tariffs"]
            - [Latvia, Interconnected, "Latvian-Swedish cable, 700 MW, Ventspils", project.office@baltic-synchro.eu]
            - [Lithuania, Hedging, "400 MW gas reserve at Elektrėnai; 2nd LitPol study", Litgrid]
YAML
"$MKBRIEF" -q --layout digest --dump-layout b.yaml >d.txt 2>err || fail "narrow table: $(cat err)"
whole=0
for w in Country Estonia Latvia Lithuania Position Hedging Ventspils; do
	grep -q "[0-9]:$w[ |]" d.txt && whole=$((whole + 1))
done
if [ "$whole" = 7 ]; then
	pass "digest: a table with an address column keeps the other columns' words whole"
else
	fail "narrow table: $whole of 7 short words whole: $(grep '^  row' d.txt | head -3 | cut -c1-200)"
fi
# A table whose longest words do not all fit, though every column fits with its words
# hyphenated: a money column's amounts, which cannot be hyphenated ('EUR 1.6 bn'), keep
# their line, the text columns hyphenate at their patterns' points (a cell's last word
# too: it cannot fit whole), and a rate never breaks at its slash ('EUR 1.6' / 'bn' and
# 'synchron-' / 'ization', cut where it would not fit, before; found by a reader's trial).
# In one column as wide as the digest's: there, such a table goes across both columns.
sed 's/^columns: 2/columns: 1/; s/left: 0.75in, right: 0.75in/left: 2.5625in, right: 2.5625in/' \
	"$ROOT/layouts/digest.yaml" >narrow.yaml
cat >b.yaml <<'YAML'
title: Money beside text
date: 2025-02-07
sources:
  edm: {file: edm.txt}
sections:
  - heading: Cross-cutting
    content:
      - table:
          columns: [Story, Sector, Money at stake, Key actor, Next date]
          widths: [auto, auto, auto, "*", auto]
          align: [left, left, right, left, left]
          rows:
            - [Baltic synchronization, Power, EUR 1.6 bn, "Elering, Litgrid, AST", 2030 (Harmony Link)]
            - [Antwerp-Bruges strike, Ports, EUR 25 mn/day, "BTB-ABVV, ACV-Transcom, ACLVB", June 25]
            - [Riksbank hold, Money, "2.25%", Erik Thedéen-Lindqvist, March 4 (minutes)]
YAML
"$MKBRIEF" -q --layout ./narrow.yaml --dump-layout b.yaml >d.txt 2>err || fail "money column: $(cat err)"
amount=$(grep -c '[0-9]:EUR 1\.6 bn[ |]' d.txt)
slash=$(grep -c 'mn/ *|' d.txt)
cut=$(grep -o '[0-9]:synchro[a-z]*-' d.txt | sed 's/.*://')
if [ "$amount" = 1 ] && [ "$slash" = 0 ] && { [ "$cut" = synchro- ] || [ "$cut" = synchroniza- ] || [ "$cut" = syn- ]; }; then
	pass "a digest-wide column: a column of amounts keeps them whole beside text columns that hyphenate ('$cut')"
else
	fail "money column: 'EUR 1.6 bn' whole in $amount cells, $slash rates cut at the slash, 'synchronization' cut as '$cut'"
fi
# Cells narrower than what their text ties together: a word and its citation
# ('policy¹ ¶5–6', joined by a no-break space) in twelve columns, a name and its spaced
# dash ('Pyongyang — –') beside long cells. The tie gives way rather than the text run
# into the next cell (both ran over their neighbours: a hostile trial).
cat >b.yaml <<'YAML'
title: Ties in narrow cells
date: 2018-01-22
sources:
  edm: {file: edm.txt}
sections:
  - heading: H
    content:
      - table:
          align: [right, left, right, left, right, left, right, left, right, left, right, left]
          rows:
            - [alliance talks, {text: policy, cite: edm p5-6}, sanctions, {text: border, cite: edm p2-3}, alliance, {text: missile, cite: edm p4-5}, weapons, {text: trade, cite: edm p1-2}, talks, {text: offer, cite: edm p3-4}, alliance, {text: policy, cite: edm p5-6}]
      - table:
          align: [right, center, left, right, center]
          rows:
            - ["border weapon alliance talks sanctions alliance talks alliance missile missile talks offer sanctions alliance weapon missile analysts trade beijing reading talks", "Pyongyang — –", "border weapon alliance talks sanctions alliance talks alliance missile missile talks offer sanctions alliance weapon missile analysts trade beijing reading talks", "border weapon alliance talks sanctions alliance talks alliance missile missile talks offer sanctions alliance weapon missile analysts trade beijing reading talks", "Pyongyang — –"]
YAML
bad=""
for layout in handout digest; do
	"$MKBRIEF" -q --layout "$layout" --dump-layout b.yaml >d.txt 2>err || bad="$bad $layout: $(head -1 err)"
	o=$(overlaps d.txt | head -1 | cut -c1-200)
	[ -z "$o" ] || bad="$bad $layout: $o"
done
[ -z "$bad" ] && pass "cells narrower than a word and its citation, or a name and its dash: no cell runs into the next" ||
	fail "ties in narrow cells:$bad"
# A decimal column's header wraps like any other (it took its one-line width and squeezed
# the others, 'T+145.2' / 's' split), and a time mark ties to its unit; a table too wide
# for its column keeps its numbers whole ('212,00' over '0 t' misread) and says its words
# are cut (a reader's trial); in one column as wide as the digest's (above)
cat >b.yaml <<'YAML'
title: Numbers in narrow tables
date: 2025-03-01
sources:
  edm: {file: edm.txt}
sections:
  - heading: H
    content:
      - table:
          columns: [Time, Event, Attitude deviation, Comment]
          align: [right, left, decimal, left]
          rows:
            - ["T+145.2 s", Pressure collapses in the second stage, "0.4°", "drop in 0.8 s"]
            - ["T+147.1 s", Attitude deviates from the planned trajectory, "7.4°", "within 2 s"]
      - table:
          columns: [Party, Claimed share, Basis of claim, Catch 2024, First-sale value, Chief negotiator]
          align: [left, decimal, left, right, right, left]
          rows:
            - [Norway, "33.1%", Zonal attachment (IESSNS summer survey), "212,000 t", "NOK 5.26 billion", Anne-Karin Lund-Sørensen]
            - [United Kingdom, "24.7%", Post-2020 independent status, "189,500 t", "GBP 214 million", Rhodri Ap-Gwilym]
YAML
"$MKBRIEF" --layout ./narrow.yaml --dump-layout b.yaml >d.txt 2>err
wrapped=$(grep -c '[0-9]:Attitude |[0-9]*+[0-9]*:Comment' d.txt)
whole=$(grep -o '[0-9]:T+145\.2 s \|[0-9]:212,000 t \|[0-9]:189,500 t \|[0-9]:33\.1% ' d.txt | wc -l)
if [ "$wrapped" = 1 ] && [ "$whole" = 4 ] && grep -q "warning: this table's 6 columns do not hold its longest words and numbers" err; then
	pass "a digest-wide column: a decimal column's header wraps, and a table too wide keeps its numbers whole with a warning"
else
	fail "numbers in narrow tables: header wrapped $wrapped, $whole of 4 numbers whole, $(grep -c warning err) warnings"
fi

# a long row (fifty lines, shorter than a page) after the Key points breaks inside it where
# moving it whole would leave more than a quarter of the page empty: it moved whole and left
# three quarters of page 1 empty (a hostile trial); three lines at least on each side
mkdir -p "$T/longrow" && cd "$T/longrow" || exit 1
ln -sf "$ROOT/briefs/articles" articles
words=$(for i in $(seq 800); do printf 'word '; done)
cat >brief.yaml <<YAML
title: A long row
date: 2020-02-29
sources:
  e: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
summary:
  - text: A key point with some words and more words here.
sections:
  - heading: Head
    content:
      - table:
          caption: Caption
          columns: [A, B, C]
          rows:
            - ["$words", "3.14", "x"]
YAML
"$MKBRIEF" -q --dump-layout brief.yaml >d.txt 2>err.txt
on1=$(awk '/^page / { p = $2 } /^  row .*table=1 band=[0-9]+\/50/ && p == 1 { n++ } END { print n + 0 }' d.txt)
on2=$(awk '/^page / { p = $2 } /^  row .*table=1 band=[0-9]+\/50/ && p == 2 { n++ } END { print n + 0 }' d.txt)
[ "$on1" -ge 3 ] && [ "$on2" -ge 3 ] && [ $((on1 + on2)) = 50 ] && grep -q "^page 2" d.txt && ! grep -q "^page 3" d.txt &&
	pass "a long row breaks inside it rather than leave page 1 empty ($on1 + $on2 lines)" ||
	fail "a long row: $on1 lines on page 1, $on2 on page 2 $(head -1 err.txt)"
cd "$ROOT" || exit 1

# a width given to a decimal column narrower than its number is a warning: "61451.19" printed
# as "61451." over "19" with none (a hostile trial)
mkdir -p "$T/narrow" && cd "$T/narrow" || exit 1
ln -sf "$ROOT/briefs/articles" articles
cat >brief.yaml <<'YAML'
title: Decimal
date: 2020-02-29
sources:
  e: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: H
    content:
      - table:
          columns: [Name, Amount]
          widths: [auto, 0.6in]
          align: [left, decimal]
          rows:
            - [alpha beta gamma delta, "61451.19"]
            - [beta, "1.5"]
YAML
"$MKBRIEF" --check brief.yaml 2>err.txt
grep -q "^brief.yaml:8:9: warning: column 2 is 0.60in wide, narrower than its widest number with the padding: the number breaks; make it 0.66in or auto" err.txt &&
	pass "a column given a width that cuts its number is a warning" || fail "narrow decimal column: $(cat err.txt)"
sed -i 's/0.6in/0.7in/' brief.yaml
"$MKBRIEF" --check brief.yaml 2>err.txt
[ ! -s err.txt ] && pass "a column wide enough for its numbers: no warning" || fail "0.7in column: $(cat err.txt)"
cd "$ROOT" || exit 1

# rules: rows with a tint: each hairline between rows is drawn over the tints, so that it is
# seen under every row on screen (a tinted row painted after the rule above it covered the
# rule's pixel: one rule a table was gone at 70 and 150 dpi)
mkdir -p "$T/tint" && cd "$T/tint" || exit 1
ln -sf "$ROOT/briefs/articles" articles
cat >brief.yaml <<'YAML'
title: Row rules
date: 2024-03-18
sources:
  e: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: Tables
    content:
      - table:
          columns: [Date, Event]
          rows: [[one, first], [two, second], [three, third], [four, fourth], [five, fifth], [six, sixth]]
      - chronology:
          - {date: 2022-09-28, text: a}
          - {date: 2022-10-03, text: b}
          - {date: 2023-05-09, text: c}
          - {date: 2024-03-14, text: d}
YAML
echo 'table: {rules: rows}' >rows.yaml
echo 'table: {rules: rows, tint: "#F5F5F5"}' >tint.yaml
# for each row's foot on page 1, how many pixel rows near it are dark across the table
rule_rows() { # rule_rows PDF DUMP DPI
	python3 - "$@" <<'PY'
import subprocess, sys
pdf, dump, r = sys.argv[1], sys.argv[2], int(sys.argv[3])
img = subprocess.run(["pdftoppm", "-r", str(r), "-gray", "-f", "1", "-l", "1", pdf], capture_output=True).stdout
head = img.split(b"\n", 3)
w = int(head[1].split()[0])
px = head[3]
out = []
for line in open(dump):
    if not line.startswith("  row "):
        continue
    f = dict(a.split("=", 1) for a in line.split() if a.split("=")[0] in ("x", "y", "w", "h"))
    x, y, wd, h = (int(f[k]) / 100 for k in ("x", "y", "w", "h"))
    x0, x1 = int((x + 2) * r / 72), int((x + wd - 2) * r / 72)
    foot = int((y + h) * r / 72)
    dark = sum(1 for yy in range(foot - r // 30, foot + r // 30 + 1)
               if sum(px[yy * w + xx] for xx in range(x0, x1)) / (x1 - x0) < 128)
    out.append(str(dark))
print(" ".join(out))
PY
}
bad=""
for l in rows tint; do
	"$MKBRIEF" -q --layout $l.yaml -o $l.pdf brief.yaml 2>err && "$MKBRIEF" -q --layout $l.yaml --dump-layout brief.yaml >$l.txt 2>>err ||
		bad="$bad $l: $(head -1 err)"
done
for r in 70 150; do
	plain=$(rule_rows rows.pdf rows.txt $r)
	tinted=$(rule_rows tint.pdf tint.txt $r)
	case " $tinted " in *" 0 "*) bad="$bad $r dpi: a row's foot without a rule ($tinted)" ;; esac
	[ "$plain" = "$tinted" ] || bad="$bad $r dpi: rules $tinted with a tint, $plain without"
done
n=$(wc -w <<<"$(rule_rows tint.pdf tint.txt 150)")
if [ -z "$bad" ] && [ "$n" -ge 11 ]; then
	pass "rules: rows with a tint: a rule at every row's foot, as wide as without the tint, at 70 and 150 dpi ($n rows)"
else
	fail "rules: rows with a tint:$bad ($n rows)"
fi
cd "$ROOT" || exit 1

# a narrow table: what is left over the columns' hyphenated widths keeps whole as many
# columns as may be, and of those choices the one that breaks the fewest words: the item
# column broke "Telecommunications" alone rather than six of the comments' words beside it
# (keeping whole the column that lacked least broke "Depart-mental", "Hypo-thetical"...)
mkdir -p "$T/few" && cd "$T/few" || exit 1
ln -sf "$ROOT/briefs/articles" articles
cat >brief.yaml <<'YAML'
title: Widths
date: 2024-03-18
sources:
  e: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: H
    content:
      - table:
          columns: [Item, Amount, Unit, Comment]
          align: [left, decimal, left, left]
          widths: [auto, auto, auto, "*"]
          rows:
            - [Telecommunications, "2,400", million, Departmental estimate]
            - [Fees, "8", percent, Hypothetical illustration]
            - [Rent, "192", million, Approximately doubled]
            - [Power, "40,000", kilowatts, Unconfirmed recollection]
            - [Water, "90", days, Contemporaneous reporting]
YAML
"$MKBRIEF" -q --layout digest --dump-layout brief.yaml >d.txt 2>err || fail "fewest words broken: $(cat err)"
cut=$(grep '^  row ' d.txt | grep -o '[A-Za-z]*- *|' | tr -d ' |' | tr '\n' ' ')
whole=$(grep -c 'Departmental|\|Hypothetical|\|Contemporaneous|' d.txt)
if [ "$cut" = "Telecommu- " ] && [ "$whole" = 3 ]; then
	pass "a narrow table hyphenates the column that breaks fewest words (one, not six)"
else
	fail "a narrow table broke: $cut(whole comments: $whole)"
fi
cd "$ROOT" || exit 1

# a table whole on one page has its bounding box, a layout attribute /BBox that holds every
# glyph of its caption and cells (PDF 14.8.5.4.3 requires it); one broken across pages has
# none (the table golden: Table 1 runs over pages 1 and 2, Tables 2 and 3 stand on page 2)
"$MKBRIEF" -q -o "$T/tbox.pdf" "$G/table/brief.yaml" 2>"$T/err" || fail "table golden PDF: $(cat "$T/err")"
boxes=$(/usr/bin/python3 "$ROOT/tests/tools/structboxes.py" Table "$T/tbox.pdf")
# the words of Table 2 (its caption to its last row) must lie inside its box on page 2
inside=$(pdftotext -bbox -f 2 -l 2 "$T/tbox.pdf" - | awk -v box="$(sed -n 2p <<<"$boxes" | cut -d' ' -f2-)" '
	BEGIN { split(box, b, " "); top = 792 - b[4]; bot = 792 - b[2] }
	/<word/ { match($0, /yMin="[0-9.]*"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /yMax="[0-9.]*"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /xMin="[0-9.]*"/); x0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		match($0, /xMax="[0-9.]*"/); x1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
		w = $0; sub(/<\/word>.*/, "", w); sub(/.*>/, "", w)
		if (w == "Table" && prev == "(U)" && on == 0) n++
		if (n == 2 && on == 0) on = 1
		if (on && w == "How") on = 2
		if (on == 1 && (x0 < b[1] - 0.5 || x1 > b[3] + 0.5 || y0 < top - 0.5 || y1 > bot + 0.5)) out = out " " w
		prev = w }
	END { print (on ? "" : "table 2 not found") out }')
if [ "$(cut -d' ' -f1 <<<"$boxes" | tr '\n' ' ')" = "1,2 2 2 " ] && [ "$(sed -n 1p <<<"$boxes")" = "1,2 none" ] &&
	! sed -n '2,3p' <<<"$boxes" | grep -q none && [ -z "$inside" ]; then
	pass "a table on one page has the /BBox that holds its words; one broken across pages has none"
else
	fail "tables' /BBox: $(tr '\n' ';' <<<"$boxes") words of Table 2 outside it:$inside"
fi

# In two columns, a table whose longest words a column cannot hold (cut into pieces of a
# letter or two: "N-o-tes", "Pr-es-id-ing", a typographer's trial) but the text block can goes
# across the columns, at a page's top, with no warning; the text before it stays on its page.
# In a box, or taller than most of a page, it stays in its column with the warning.
mkdir -p "$T/across" && cd "$T/across" || exit 1
printf 'Judgment\n\nThe Court holds, by six votes to one, that there has been a violation.\n' >court.txt
row='[Presiding judge "A", yes, n/a, n/a, n/a, no, n/a, yes, "--", "--", "Wrote the judgment"]'
{
	printf 'title: A wide table\ndate: 2027-02-02\nsources:\n  court: {file: court.txt}\nsections:\n  - heading: Votes\n    content:\n'
	printf '      - text: "Before the table: the Court held, by six votes to one, that there was a violation."\n'
	printf '      - table:\n          caption: "The votes -- article by article"\n'
	printf '          columns: [Judge, "Art. 1 P1", "Art. 5", "Art. 6", "Art. 8", "Art. 13", "Art. 14", "Art. 41", Dissent, Concurring, Notes]\n'
	printf '          rows:\n            - %s\n            - %s\n' "$row" "$row"
	printf '      - text: "After the table."\n'
	printf '      - box:\n          content:\n            - table:\n                columns: [Judge, "Art. 1 P1", "Art. 5", "Art. 6", "Art. 8", "Art. 13", "Art. 14", "Art. 41", Dissent, Concurring, Notes]\n'
	printf '                rows:\n                  - %s\n' "$row"
} >b.yaml
"$MKBRIEF" --layout digest --dump-layout b.yaml >d.txt 2>err
across=$(awk '/^page / { p = $2 } /^  row .*table=1 / { print p, $2, $3, $5 }' d.txt | sort -u | tr '\n' ';')
boxed=$(awk '/^  row .*table=2 / { print $5 }' d.txt | sort -u | tr '\n' ';')
before=$(awk '/^page / { p = $2 } /\|Before the table/ { print p }' d.txt)
warned=$(grep -c "warning: this table's 11 columns" err)
if [ "$across" = "2 col=0 x=5400 w=50400;" ] && [ "$before" = 1 ] && [ "$boxed" = "w=22700;" ] && [ "$warned" = 1 ]; then
	pass "digest: a table too wide for a column goes across both at a page's top; in a box it stays, warned"
else
	fail "table across the columns: rows at '$across', text before on page '$before', boxed rows at '$boxed', $warned warnings"
fi
# one taller than three quarters of a page stays in its column, as before
{
	sed -n '1,/^    content:/p' b.yaml
	printf '      - table:\n          columns: [Judge, "Art. 1 P1", "Art. 5", "Art. 6", "Art. 8", "Art. 13", "Art. 14", "Art. 41", Dissent, Concurring, Notes]\n          rows:\n'
	for i in $(seq 1 40); do printf '            - %s\n' "$row"; done
} >tall.yaml
"$MKBRIEF" --layout digest --dump-layout tall.yaml >d.txt 2>err
widths=$(awk '/^  row / { print $5 }' d.txt | sort -u | tr '\n' ' ')
if [ "$widths" = "w=24300 " ] && grep -q "warning: this table's 11 columns" err; then
	pass "digest: a table too wide for a column and too tall to float stays in its column, warned"
else
	fail "tall wide table: row widths $widths $(head -1 err)"
fi
cd "$ROOT" || exit 1
