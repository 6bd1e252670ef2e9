# balance.sh: the columns of a page where the text ends are even (balance.c). A digest brief
# on an article of our own (tests/fill/), with 0 to 20 paragraphs of lead text before an
# excerpt, a table, a list and the Sources, so that its last page starts at every kind of
# block: on the last page, and on the page before a section that starts a new page, both
# columns hold text and neither is more than 1.7 times as tall as the other (keeps may
# forbid the exact middle); an excerpt the balance breaks repeats its source, "(continued)",
# at the next column's top. One column (handout) is set as before.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
D="$T/b"
mkdir -p "$D/articles" && cd "$D" || exit 1
cp "$ROOT/tests/fill/levee-report.txt" articles/
brief() { # brief K BREAK: K lead paragraphs; BREAK=1: the last section starts a new page
	cat <<YAML
title: Levee budgets on the lower Vell
date: 2026-03-14
classification: UNCLASSIFIED
sources:
  levee: {file: articles/levee-report.txt}
sections:
  - heading: Where the money goes
    content:
YAML
	for ((j = 0; j < $1; j++)); do
		echo "      - text: \"Lead paragraph $j. The district must choose between rebuilding earth, buying warnings and giving the river room, and each choice has a price and a constituency of its own.\""
	done
	cat <<YAML
      - excerpt: {source: levee, paragraphs: 3}
      - table:
          caption: What each plan costs
          columns: [Plan, Cost, Years]
          rows:
            - [Rebuild the cores, 140 million, 12]
            - [Sensors and sirens, 9 million, 2]
            - [Room for the river, 210 million, 20]
            - [Do nothing, 0, 0]
  - heading: Room for the river
YAML
	[ "$2" = 1 ] && echo "    page-break: before"
	cat <<YAML
    content:
      - bullets:
          - A basin upstream would take a decade.
          - The worst sections cannot wait for it.
          - The council meets again in May.
      - text: "The engineers' case rests on the cost of a breach, which dwarfs any rate rise."
YAML
}
# per page: each column's top and bottom (what is drawn), and whether the right column
# starts with a head "(continued)" (among its first three lines)
columns() {
	awk '
		/^page / { p = $2 }
		/^  (line|row|image|rule) / {
			c = $0; sub(/.* col=/, "", c); c += 0
			y = $0; sub(/.* y=/, "", y); y += 0
			h = $0; sub(/.* h=/, "", h); h += 0
			if (!((p, c) in top) || y < top[p, c]) top[p, c] = y
			if (++n[p, c] <= 3 && /\(continued\)\|/) contd[p, c] = 1
			if (y + h > bot[p, c]) bot[p, c] = y + h
			if (p > last) last = p
		}
		END {
			for (q = 1; q <= last; q++)
				printf "%d %d %d %d %d %d\n", q, top[q, 0], bot[q, 0], top[q, 1], bot[q, 1],
					contd[q, 1] + 0
		}' "$1"
}
# even PAGE-ROW: whether both columns hold text and neither is more than 1.7 times the other
even() {
	echo "$1" | awk '{ a = $3 - $2; b = $5 - $4; exit !($5 > 0 && a > 0 && b > 0 && a <= 1.7 * b && b <= 1.7 * a) }'
}
# breakable DUMP PAGE: whether a column could end anywhere on the page: a line or row after
# its first that is not kept with the one before
breakable() {
	awk -v p="$2" '/^page /{ q = $2 } q == p && /^  (line|row) / { if (n++ && $0 !~ / keep /) found = 1 } END { exit !found }' "$1"
}
uneven="" breaks_uneven="" contd=0 contd_bad="" failed=""
for k in $(seq 0 20); do
	brief "$k" 0 >b.yaml
	if ! "$MKBRIEF" -q --layout digest --dump-layout b.yaml >d.txt 2>err.txt; then
		failed="$k: $(head -1 err.txt)"
		break
	fi
	last=$(columns d.txt | tail -1)
	# a last page of less than 8 lines may well be one block kept whole
	if echo "$last" | awk '{ exit !($3 - $2 + ($5 > 0 ? $5 - $4 : 0) > 8 * 1250) }' && ! even "$last"; then
		uneven="$uneven k=$k:[$last]"
	fi
	# the excerpt broken between the last page's columns: its source heads the right one
	p=$(echo "$last" | cut -d' ' -f1)
	if awk -v p="$p" '/^page /{ q = $2 } /\|The regional council/ { x = $0; sub(/.* para=/, "", x); sub(/ .*/, "", x) }
			q == p && x != "" && index($0, " para=" x " ") { c[$2] = 1 } END { exit !(c["col=0"] && c["col=1"]) }' d.txt; then
		contd=$((contd + 1))
		[ "$(echo "$last" | cut -d' ' -f6)" = 1 ] || contd_bad="$contd_bad k=$k"
	fi
	brief "$k" 1 >b.yaml
	"$MKBRIEF" -q --layout digest --dump-layout b.yaml >d.txt 2>err.txt || { failed="$k (page break): $(head -1 err.txt)"; break; }
	# the section that starts a new page: the page before it
	before=$(awk '/^page /{ p = $2 } /\|Room for the river\|/ { print p - 1; exit }' d.txt)
	row=$(columns d.txt | awk -v p="$before" '$1 == p')
	even "$row" || ! breakable d.txt "$before" || breaks_uneven="$breaks_uneven k=$k:[$row]"
done
# a section that ends with a figure across the columns, which waits for the next page's top:
# the text stops on the page before, as before a page break, and its columns are even (the
# right one was left half empty: found by a reader's trial)
printf '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120"><rect width="300" height="120" fill="#1F4E79"/></svg>\n' >wide.svg
figure_uneven="" figure_pages=0
for k in $(seq 2 2 20); do
	brief "$k" 0 | sed '/^  - heading: Room for the river/i\      - figure: {file: wide.svg, alt: A wide bar, caption: The bar across both columns, width: full}' >b.yaml
	"$MKBRIEF" -q --layout digest --dump-layout b.yaml >d.txt 2>err.txt || { failed="$k (figure): $(head -1 err.txt)"; break; }
	before=$(awk '/^page /{ p = $2 } /wide\.svg/ { print p - 1; exit }' d.txt)
	[ "${before:-0}" -ge 1 ] || continue
	figure_pages=$((figure_pages + 1))
	row=$(columns d.txt | awk -v p="$before" '$1 == p')
	even "$row" || ! breakable d.txt "$before" || figure_uneven="$figure_uneven k=$k:[$row]"
done
[ "$figure_pages" -ge 5 ] && [ -z "$figure_uneven" ] && pass "the page before a figure across the columns that ends its section has even columns ($figure_pages briefs)" ||
	fail "uneven page before a spanning figure ($figure_pages briefs):$figure_uneven"
[ -z "$failed" ] && pass "digest briefs with 0-20 lead paragraphs, with and without a page break, build" ||
	fail "a brief failed: $failed"
[ -z "$uneven" ] && pass "the last page's columns are even (within 1.7x) when it holds 8 lines or more" ||
	fail "uneven last page (page top0 bot0 top1 bot1):$uneven"
[ -z "$breaks_uneven" ] && pass "the page before a forced page break has even columns" ||
	fail "uneven page before a page break:$breaks_uneven"
[ "$contd" -ge 3 ] && [ -z "$contd_bad" ] && pass "an excerpt broken by the balance ($contd briefs) repeats its source at the next column's top" ||
	fail "excerpt broken between the last page's columns in $contd briefs; no head in:$contd_bad"
# a page before a break that holds only the end of a table or an excerpt begun on the page
# before (12 to 20 lead paragraphs, then a chronology or an excerpt): its repeated head
# "(continued)" stays with the block's lines, never alone in the left column while they go
# to the right one without it
tail_brief() { # tail_brief K KIND
	cat <<YAML
title: Tails before a break
date: 2026-03-14
classification: UNCLASSIFIED
sources:
  e17: {file: articles/edm-2017.txt}
sections:
  - heading: Lead
    content:
YAML
	for ((j = 0; j < $1; j++)); do
		echo "      - text: \"Lead $j. Moscow votes for sanctions and then denounces them, offering nothing of its own to the talks, and each time the pattern is the same.\""
	done
	if [ "$2" = table ]; then
		echo "      - chronology:"
		for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
			echo "          - {date: 2017-$m-15, text: Event in month $m that has a long enough description to wrap in the column}"
		done
	else
		echo "      - text: \"A paragraph with a note.^[The note's text, long enough to take two lines at the foot of the column.] And more text after it.\""
		echo "      - excerpt: {source: e17, paragraphs: 2}"
	fi
	printf '  - heading: After\n    page-break: before\n    content:\n      - text: The end.\n'
}
cp "$ROOT/briefs/articles/edm-2017-v14i42-another-russian-failure.txt" articles/edm-2017.txt
alone="" tails=0
for kind in table excerpt; do
	for k in $(seq 12 20); do
		tail_brief "$k" "$kind" >t.yaml
		"$MKBRIEF" -q --layout digest --dump-layout t.yaml >d.txt 2>err.txt || { alone="$alone $kind/$k:$(head -1 err.txt)"; continue; }
		tails=$((tails + 1))
		# each column's last line or row: a head ("(continued)", a header row) there is alone
		bad=$(awk '/^page /{ p = $2 }
			/^  (line|row|image|rule) / { y = $0; sub(/.* y=/, "", y); y += 0
				if (!((p, $2) in ly) || y >= ly[p, $2]) { ly[p, $2] = y; last[p, $2] = $0 } }
			END { for (c in last) if (last[c] ~ /\(continued\)\|/ || last[c] ~ / header /) {
				split(c, a, SUBSEP); printf " p%s %s", a[1], a[2] } }' d.txt)
		[ -n "$bad" ] && alone="$alone $kind/$k:$bad"
	done
done
[ "$tails" = 18 ] && [ -z "$alone" ] && pass "a repeated head is never left alone in a column (18 briefs)" ||
	fail "a column holds only a repeated head, its lines in the next column:$alone"
# notes: a last page with notes is balanced too, each note at the foot of the column that
# holds its mark; a box alone on a page before a break, long enough that kept whole it leaves
# the columns far apart, is broken between them (its frame repeated), one of a few lines is not
notes_brief() { # notes_brief K: K lead paragraphs, one with a note
	printf 'title: Notes at the end\ndate: 2026-03-14\nclassification: UNCLASSIFIED\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Lead\n    content:\n'
	for ((j = 0; j < $1; j++)); do
		echo "      - text: \"Lead paragraph $j. The district must choose between rebuilding earth, buying warnings and giving the river room, and each choice has a price.\""
	done
	echo "      - text: \"The engineers walked forty kilometres of embankment.^[Their report, delivered in March, runs to ninety pages and two annexes of soil probes.] Nobody was surprised.\""
	for ((j = 0; j < 8; j++)); do
		echo "      - text: \"Closing paragraph $j. A basin upstream would take a decade; the worst sections cannot wait for it, and the council meets again in May.\""
	done
}
noted=0 notes_bad=""
for k in 0 2 4 6 8 10 12 14 16; do
	notes_brief "$k" >n.yaml
	"$MKBRIEF" -q --layout digest --dump-layout n.yaml >d.txt 2>err.txt || { notes_bad="$notes_bad k=$k:$(head -1 err.txt)"; continue; }
	last=$(columns d.txt | tail -1)
	p=$(echo "$last" | cut -d' ' -f1)
	# the note stands on the last page at the foot of the column of the line that marks it
	where=$(awk -v p="$p" '/^page /{ q = $2 } q == p && /^  line .*forty kilometres/ { m = $2 } q == p && /^  note / { n = $2 } END { print m, n }' d.txt)
	set -- $where
	[ -n "${1:-}" ] && [ -n "${2:-}" ] || continue
	noted=$((noted + 1))
	[ "$1" = "$2" ] || notes_bad="$notes_bad k=$k: mark in $1, note in $2"
	if echo "$last" | awk '{ exit !($3 - $2 + ($5 > 0 ? $5 - $4 : 0) > 8 * 1250) }' && ! even "$last"; then
		notes_bad="$notes_bad k=$k:[$last]"
	fi
done
[ "$noted" -ge 3 ] && [ -z "$notes_bad" ] &&
	pass "a last page with a note ($noted briefs) is balanced, the note at the foot of its mark's column" ||
	fail "last page with a note ($noted briefs):$notes_bad"
box_brief() { # box_brief N: a box of N paragraphs alone on a page before a break
	printf 'title: A box before a break\ndate: 2026-03-14\nclassification: UNCLASSIFIED\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Lead\n    content:\n      - text: Lead.\n  - heading: Boxed\n    page-break: before\n    content:\n      - box:\n          title: What the report says\n          content:\n'
	for ((j = 0; j < $1; j++)); do
		echo "            - text: \"Boxed paragraph $j. The engineers walked forty kilometres of embankment with soil probes and found the cores dry and cracked.\""
	done
	printf '  - heading: After\n    page-break: before\n    content:\n      - text: The end.\n'
}
box_brief 12 >x.yaml
"$MKBRIEF" -q --layout digest --dump-layout x.yaml >d.txt 2>err.txt
row=$(columns d.txt | awk '$1 == 2')
even "$row" && pass "a long box alone on a page before a break is broken between the columns ([$row])" ||
	fail "a long box alone before a break: [$row] $(head -1 err.txt)"
box_brief 2 >x.yaml
"$MKBRIEF" -q --layout digest --dump-layout x.yaml >d.txt 2>err.txt
row=$(columns d.txt | awk '$1 == 2')
echo "$row" | awk '{ exit !($3 > $2 && $5 == 0) }' && pass "a short box stays whole in one column ([$row])" ||
	fail "a short box before a break: [$row] $(head -1 err.txt)"
# one column: nothing to balance, and the page is filled from the top as before
brief 6 0 >b.yaml
"$MKBRIEF" -q --layout handout --dump-layout b.yaml >d.txt 2>&1
check "one column: every item in column 0" awk '/ col=[1-9]/ { bad = 1 } END { exit bad }' d.txt
# a paragraph alone on a page before a break, in three and four columns: short balanced
# columns may break it twice, and a column between two of its breaks holds as many lines as
# widows and orphans ask (2), never one line cut from both neighbours
for cols in 3 4; do
	sed "s/^columns: 2/columns: $cols/; s/size: letter/size: \"11in 8.5in\"/" "$ROOT/layouts/digest.yaml" >wide$cols.yaml
done
thin_brief() { # thin_brief N: a paragraph of N sentences alone on a page before a break
	printf 'title: A paragraph before a break\ndate: 2026-03-14\nclassification: UNCLASSIFIED\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Lead\n    content:\n      - text: Lead.\n      - page-break: before\n        text: "'
	for ((j = 0; j < $1; j++)); do printf 'Sentence %d weighs a breach against the rates. ' "$j"; done
	printf '"\n  - heading: After\n    page-break: before\n    content:\n      - text: The end.\n'
}
thin="" thins=0
for cols in 3 4; do
	for n in $(seq 3 14); do
		thin_brief "$n" >p.yaml
		"$MKBRIEF" -q --layout "$PWD/wide$cols.yaml" --dump-layout p.yaml >d.txt 2>err.txt || { thin="$thin $cols/$n:$(head -1 err.txt)"; continue; }
		thins=$((thins + 1))
		# page 2's columns: a column whose lines are all inside the paragraph (neither its
		# first nor its last) holds at least two of them
		bad=$(awk '/^page /{ p = $2 } p == 2 && /^  line / {
				c = $2; split($0, a, " line="); split(a[2], b, "[/ ]"); n[c]++
				if (!(c in first)) first[c] = b[1]; last[c] = b[1]; of[c] = b[2] }
			END { for (c in n) if (n[c] < 2 && first[c] > 1 && last[c] < of[c]) printf " %s", c }' d.txt)
		[ -n "$bad" ] && thin="$thin $cols cols, $n sentences:$bad"
	done
done
[ "$thins" = 24 ] && [ -z "$thin" ] && pass "a paragraph broken twice by the balance keeps two lines in each column (24 briefs)" ||
	fail "a column holds one line from the middle of a paragraph:$thin"
# a short table (under half a column) on the last page stays whole in one column: cut in two
# to even the columns' feet, with a "continued" head and its header again, it read worse
# than columns that end apart (a reader's trial); a long one is still balanced
table_brief() { # table_brief N: a table of N rows alone in the brief
	printf 'title: A table at the end\ndate: 2026-03-14\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Table\n    content:\n      - table:\n          columns: [No., Recommendation, Body]\n          rows:\n'
	for ((j = 1; j <= $1; j++)); do
		printf '            - ["%d", Amend the partnership-funding weights before the next allocation round opens, Treasury and Defra]\n' "$j"
	done
}
table_brief 5 >t.yaml
"$MKBRIEF" -q --layout digest --dump-layout t.yaml >d.txt 2>err.txt
right=$(grep -c '^  row col=1 .*table=1' d.txt)
[ "$right" = 0 ] && ! grep -q '(continued)' d.txt && [ "$(grep -c '^  row col=0 .*table=1' d.txt)" -ge 10 ] &&
	pass "a short table on the last page stays whole in one column" ||
	fail "a short table balanced: $right rows in the right column, $(grep -c '(continued)' d.txt) continued heads $(head -1 err.txt)"
table_brief 14 >t.yaml
"$MKBRIEF" -q --layout digest --dump-layout t.yaml >d.txt 2>err.txt
row=$(columns d.txt | awk '$1 == 1')
even "$row" && pass "a long table on the last page is still balanced ([$row])" || fail "a long table at the end: [$row] $(head -1 err.txt)"

# A column or page that would end inside a word ("ac-" / "knowledges") ends with the word
# whole where its paragraph can be set again in as many lines, no looser: at a column the
# balance cut (elision, digest) and at one the flow filled (two-column in handout-a4).
column_end_hyphens() { # the column ends in a hyphen inside a paragraph, from a dump
	awk '/^page / { page = $2 }
	     /^  line / { col = ""; for (i = 1; i <= NF; i++) if ($i ~ /^col=/) col = substr($i, 5)
	                  t = $0; sub(/\|$/, "", t); last[page ":" col] = t }
	     END { for (k in last) if (last[k] ~ /-$/ && last[k] !~ /line=([0-9]+)\/\1 /) print k ": " last[k] }' "$1"
}
for c in "elision digest" "two-column handout-a4"; do
	set -- $c
	MKBRIEF_ROOT=/ "$MKBRIEF" -q --layout "$2" --dump-layout -o "$T/h.pdf" "$ROOT/tests/golden/$1/brief.yaml" >h.txt 2>err.txt
	ends=$(column_end_hyphens h.txt)
	[ -z "$ends" ] && grep -q '^  line ' h.txt && pass "$1 in $2: no column ends inside a word" ||
		fail "$1 in $2: a column ends inside a word: $ends $(head -1 err.txt)"
done

# a box kept whole by choice, before a page break, breaks where keeping it whole leaves the
# columns more than a quarter of a column apart (a typographer's trial, tests/fill/box-balance:
# 617 and 358 pt; the rule took the height above the even one, which other keeps held up)
MKBRIEF_ROOT=/ "$MKBRIEF" -q --layout digest --dump-layout "$ROOT/tests/fill/box-balance/brief.yaml" >bb.txt 2>err.txt
ends=$(awk '/^page / { p = $2 } p == 3 && /^  (line|row|rule|space|image) / {
	c = 0; y = 0; h = 0
	for (i = 1; i <= NF; i++) { if ($i ~ /^col=/) c = substr($i, 5); if ($i ~ /^y=/) y = substr($i, 3); if ($i ~ /^h=/) h = substr($i, 3) }
	if ($1 != "space" && y + h > e[c]) e[c] = y + h }
	END { printf "%d %d", e[0] / 100, e[1] / 100 }' bb.txt)
set -- $ends
[ -n "$2" ] && [ $(($1 > $2 ? $1 - $2 : $2 - $1)) -le 167 ] &&
	pass "a box before a page break is broken to even the columns ($ends pt)" ||
	fail "a box kept whole before a page break: columns end at $ends pt $(head -1 err.txt)"

# the page before a full-width figure that ends a section and waits for the next page's top
# is balanced (a reader's trial: its right column stopped 30% short; the figure's items
# among the page's made the balance give up)
cd "$D" || exit 1
printf '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#888"/></svg>\n' >wide.svg
{
	printf 'title: Wide figure\ndate: 2026-03-14\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Diversions\n    content:\n'
	for ((j = 0; j < 13; j++)); do
		echo "      - text: \"Paragraph $j. The district must choose between rebuilding earth, buying warnings and giving the river room, and each choice has a price.\""
	done
	printf '      - figure: {file: wide.svg, alt: A grey field, caption: A wide figure, width: full}\n'
	printf '      - text: "A paragraph after the figure."\n  - heading: Exposure\n    page-break: before\n    content:\n      - text: "The next section starts a new page."\n'
} >wide.yaml
"$MKBRIEF" -q --layout digest --dump-layout wide.yaml >w.txt 2>err.txt
ends=$(awk '/^page / { p = $2 } p == 1 && /^  (line|image) / {
	c = 0; y = 0; h = 0
	for (i = 1; i <= NF; i++) { if ($i ~ /^col=/) c = substr($i, 5); if ($i ~ /^y=/) y = substr($i, 3); if ($i ~ /^h=/) h = substr($i, 3) }
	if (y + h > e[c]) e[c] = y + h }
	END { printf "%d %d", e[0] / 100, e[1] / 100 }' w.txt)
set -- $ends
fig=$(awk '/^page / { p = $2 } /^  image / { print p }' w.txt)
[ "$fig" = 2 ] && [ -n "$2" ] && [ $(($1 > $2 ? $1 - $2 : $2 - $1)) -le 60 ] &&
	pass "the page before a waiting full-width figure is balanced ($ends pt; figure on page $fig)" ||
	fail "page before a full-width figure: columns end at $ends pt, figure on page $fig $(head -1 err.txt)"
