# notes.sh: notes written ^[in the text]: each note's first line is at the foot of the page
# (and column) whose line carries its mark, in every layout; notes are numbered in the order
# of their marks; a note too long for the room goes on at the next page's foot with nothing
# lost; `notes: end` lists them in a Notes section before the Sources instead.
. "$(dirname "$0")/lib.bash"
G="$ROOT/tests/golden/notes"

# the page and column of each note's mark, and of its first line at a foot
same_place() { # dump file → "ok" or the first note whose mark and note part
	awk '/^page / { p = $2 }
	/^  (line|row) .*notes=/ { for (i = 1; i <= NF; i++) if ($i ~ /^col=/) c = $i; mark[++m] = p " " c }
	/^  note .* line=1\// { for (i = 1; i <= NF; i++) { if ($i ~ /^col=/) c = $i; if ($i ~ /^note=/) n = substr($i, 6) }; at[n] = p " " c }
	END {
		for (k = 1; k <= m; k++) if (mark[k] != at[k]) { print "note " k ": mark on page " mark[k] ", note on page " at[k]; exit }
		print m " notes"
	}' "$1"
}
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout "$layout" --dump-layout "$G/brief.yaml" >"$T/$layout.txt" 2>"$T/err" || fail "$layout: $(cat "$T/err")"
	r=$(same_place "$T/$layout.txt")
	if [ "$r" = "5 notes" ]; then pass "$layout: each of the 5 notes begins at the foot of its mark's page and column"; else fail "$layout: $r"; fi
done
# the check itself: a note moved to another page is caught
awk '/^  note .*note=2 line=1\// { sub("col=0", "col=1") } { print }' "$T/handout.txt" >"$T/moved.txt"
case "$(same_place "$T/moved.txt")" in "note 2:"*) pass "self-check: a note away from its mark is caught" ;; *) fail "self-check: the check misses a moved note" ;; esac

# numbered in the order of their marks, the marks printed as superscripts in the text
order=$(grep -o 'note=[0-9]* line=1/' "$T/handout.txt" | sed 's/note=\([0-9]*\).*/\1/' | tr '\n' ' ')
if [ "$order" = "1 2 3 4 5 " ]; then pass "notes numbered 1-5 in the order of their marks"; else fail "note order: $order"; fi

# the long note: on two pages, every line once, in order
lines=$(awk '/^page / { p = $2 } /^  note .*note=5 / { split($0, a, "line="); split(a[2], b, "/"); print p, b[1], b[2] }' "$T/handout.txt")
pages=$(echo "$lines" | awk '{ print $1 }' | sort -u | wc -l)
count=$(echo "$lines" | wc -l)
total=$(echo "$lines" | awk 'NR == 1 { print $3 }')
inorder=$(echo "$lines" | awk '$2 != NR { bad = 1 } END { print bad ? "no" : "yes" }')
if [ "$pages" = 2 ] && [ "$count" = "$total" ] && [ "$inorder" = yes ]; then
	pass "a note longer than the room goes on at the next page's foot: $total lines on 2 pages, each once"
else
	fail "long note: $count of $total lines on $pages pages (in order: $inorder)"
fi
"$MKBRIEF" -q "$G/brief.yaml" -o "$T/n.pdf" 2>/dev/null
words=$(pdftotext "$T/n.pdf" - | grep -c 'The transcript of the meeting was published')
# the marks are letters, so that a mark before a citation does not read as a source
# number ("politician.a,1 ¶1", never "politician.1,1 ¶1"); the notes a to e
txt=$(pdftotext "$T/n.pdf" - | tr '\n' ' ')
if grep -qF 'politician.a,1 ¶1' <<<"$txt" && ! grep -q '[a-z.]1,1 ¶' <<<"$txt"; then pass "note marks are letters: a mark and a citation read apart"; else fail "note marks: $(grep -o 'politician.\{12\}' <<<"$txt")"; fi
if [ "$words" = 1 ]; then pass "the long note's text is in the PDF once"; else fail "long note text found $words times"; fi

# notes: end
printf 'notes: end\n' >"$T/end.yaml"
"$MKBRIEF" -q --layout "$T/end.yaml" --dump-layout "$G/brief.yaml" >"$T/end.txt" 2>"$T/err"
heads=$(grep ' heading ' "$T/end.txt" | sed 's/.*" |//; s/|$//' | tr '\n' '/')
entries=$(grep -c '^  line .*|[a-z]\{1,2\}.[A-Z]' "$T/end.txt")
if [ "$heads" = "Notes at the foot/Notes/Sources/" ] && ! grep -q '^  note ' "$T/end.txt" && [ "$entries" -ge 5 ]; then
	pass "notes: end sets them in a Notes section before the Sources, none at a foot"
else
	fail "notes: end: headings $heads, $entries entries $(cat "$T/err")"
fi
"$MKBRIEF" -q --layout "$T/end.yaml" "$G/brief.yaml" -o "$T/end.pdf" 2>/dev/null
# each of the 5 marks links to its note, at the column's foot (it held no link there
# before: its Link element was empty) as at the end
links() { qpdf --json "$1" 2>/dev/null | grep -c '"/Contents": "u:Link to note [a-z]*"'; }
foot_links=$(links "$T/n.pdf")
end_links=$(links "$T/end.pdf")
if [ "$foot_links" -ge 5 ] && [ "$end_links" = "$foot_links" ]; then pass "notes at the foot and at the end: each mark links to its note ($foot_links links)"; else fail "note links: $foot_links at the foot, $end_links at the end"; fi

# a citation inside a note stands where it was written (after the punctuation it is typed
# before, as a mark is), not at the note's end; two in a
# row are one superscript
mkdir -p "$T/c" && ln -s "$ROOT/briefs/articles" "$T/c/articles"
cat >"$T/c/b.yaml" <<'YAML'
title: Cited notes
date: 2018-01-22
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: One
    content:
      - text: Russia voted yes.^[Putin called Kim "a mature politician" [@edm p1] [@edm p2]. The vote came later.]
YAML
"$MKBRIEF" -q -o "$T/c/b.pdf" "$T/c/b.yaml" 2>"$T/err"
txt=$(pdftotext "$T/c/b.pdf" - | tr '\n' ' ')
if grep -qF 'politician”.1 ¶1–2 The vote came later.' <<<"$txt"; then pass "a citation in a note stands where it was written"; else fail "note citation: $(grep -o 'politician.\{30\}' <<<"$txt") $(cat "$T/err")"; fi

# near a column's foot: 4-16 lead paragraphs, a note marked on the second line of every
# second or third one (the first note short or nine lines long), in 2, 3 and 4 columns.
# Each note begins at the foot of its mark's column and page, and the text stays above the
# notes. (Found by a hostile trial: the room kept for the two lines after a mark squeezed
# its note's first line out of the column, to the next column's foot or the next page's.)
mkdir -p "$T/f/articles" && cp "$ROOT/tests/fill/levee-report.txt" "$T/f/articles/"
for cols in 2 3 4; do
	size=letter
	[ "$cols" -gt 2 ] && size='"11in 8.5in"'
	printf 'page:\n  size: %s\ncolumns: %s\n' "$size" "$cols" >"$T/f/l$cols.yaml"
done
SHORT="the engineers walked the embankment with probes and clipboards."
LONG="the engineers walked the embankment with probes and clipboards, and found the cores dry along forty kilometres of it, from the weir to the old ferry landing, and wrote each finding down in a ledger that the council later lost, so that the survey had to be made again the next spring at twice the cost."
foot_brief() { # foot_brief K EVERY LONG
	printf 'title: Notes near the foot\ndate: 2026-03-14\nclassification: UNCLASSIFIED\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Lead\n    content:\n'
	for ((j = 0; j < $1; j++)); do
		mark=""
		if ((j % $2 == 1)); then
			note=$SHORT
			((j == 1 && $3)) && note=$LONG
			mark="^[Note $j: $note]"
		fi
		echo "      - text: \"Lead $j. The district must choose between rebuilding earth$mark, buying warnings and giving the river room, and each choice has a price.\""
	done
	printf '      - excerpt: {source: levee, paragraphs: 2-3}\n'
}
# the lowest text line of each page's column below its first note line (less the rule's room)
text_over_notes() {
	awk '/^page / { p = $2 }
	/^  [a-z]+ / { c = ""; y = ""; h = ""
		for (i = 1; i <= NF; i++) { if ($i ~ /^col=/) c = substr($i, 5); if ($i ~ /^y=/) y = substr($i, 3); if ($i ~ /^h=/) h = substr($i, 3) }
		k = p " col=" c
		if ($1 == "note") { if (!(k in top) || y + 0 < top[k]) top[k] = y + 0 } else if ($1 == "line" && y + h > bot[k]) bot[k] = y + h }
	END { for (k in top) if (bot[k] > top[k] - 1000) { print "text runs into the notes on page " k; exit } }' "$1"
}
bad="" runs=0
for long in 0 1; do
	for every in 2 3; do
		for k in $(seq 4 16); do
			foot_brief "$k" "$every" "$long" >"$T/f/b.yaml"
			for cols in 2 3 4; do
				runs=$((runs + 1))
				if ! (cd "$T/f" && "$MKBRIEF" -q --layout "l$cols.yaml" --dump-layout b.yaml >d.txt 2>err.txt); then
					bad="$bad; $k/$every/$long/$cols: $(head -c 200 "$T/f/err.txt")"
					continue
				fi
				r=$(same_place "$T/f/d.txt")
				case "$r" in *" notes") ;; *) bad="$bad; $k paragraphs, a note every $every (long $long), $cols columns: $r" ;; esac
				r=$(text_over_notes "$T/f/d.txt")
				[ -n "$r" ] && bad="$bad; $k/$every/$long/$cols: $r"
			done
		done
	done
done
if [ -z "$bad" ]; then pass "notes near a column's foot, in $runs briefs of 2-4 columns: each begins below its mark's column, the text above it"; else fail "notes near the foot:${bad:0:600}"; fi
# the check itself: text run into the notes is caught
awk '/^  line / && !done { sub(/ y=[0-9]+/, " y=99999"); done = 1 } { print }' "$T/f/d.txt" >"$T/f/over.txt"
if [ -n "$(text_over_notes "$T/f/over.txt")" ]; then pass "self-check: text below a column's notes is caught"; else fail "self-check: text below the notes goes unseen"; fi
# a note whose line is taller than half the column (16 pt notes on a page with 1 in of text)
# goes on a line a column at least: it went on to the next column for ever, "the document
# would have more than 5000 pages" (a hostile trial)
printf 'page:\n  size: "8.5in 2.8in"\n  margins: {top: 0.9in, bottom: 0.9in, left: 1in, right: 1in}\nfonts:\n  small: {size: 16pt}\n' >"$T/short.yaml"
printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: %s}\nsections:\n  - heading: H\n    content:\n      - text: Inside.^[%s]\n' \
	"$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt" "$(printf 'word%.0s ' $(seq 20) | sed 's/ $//')" >"$T/tall-note.yaml"
"$MKBRIEF" -q --root / --layout "$T/short.yaml" "$T/tall-note.yaml" -o "$T/tall.pdf" 2>"$T/err"
st=$?
words=$(pdftotext "$T/tall.pdf" - 2>/dev/null | grep -o 'word' | wc -l)
[ $st = 0 ] && [ "$words" = 20 ] && pass "a note taller than half a short column goes on a line a column, every word printed" ||
	fail "tall note line: status $st, $words of 20 words: $(head -1 "$T/err")"

# emphasis that spans a note's mark, or a citation in a note, is set as emphasis: the text
# was marked up piece by piece between the marks, so "*a claim^[note] goes on*" printed its
# asterisks, with no warning (the loader checked the text with its notes in it)
mkdir -p "$T/em"
printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: %s/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: H\n    content:\n      - text: "Before *a claim^[A note: *see [@a p1] here* and **b**.] goes on* after, and **strong^[two]** too."\n' "$ROOT" >"$T/em/b.yaml"
(cd "$T/em" && MKBRIEF_ROOT=/ "$MKBRIEF" --dump-layout b.yaml >d.txt 2>err.txt)
set_text=$(grep -E '^  (line|note) ' "$T/em/d.txt" | sed 's/.*|\(.*\)|$/\1/' | tr '\n' ' ')
case "$set_text" in
*'*'*) fail "emphasis across a mark: asterisks printed: $set_text" ;;
*"Before a claima goes on after, and strongb too."*"see"*"here and b."*)
	[ -s "$T/em/err.txt" ] && fail "emphasis across a mark: $(head -1 "$T/em/err.txt")" ||
		pass "emphasis spanning a note's mark or a note's citation is set, with no warning" ;;
*) fail "emphasis across a mark: $set_text" ;;
esac

# emphasis around a citation or a note's mark alone: the text between the marks was empty,
# so "^[see *[@a p1]* here]" printed "see ** here" (and "three*^[n]*" its asterisks); the
# marks print, the asterisks never
mkdir -p "$T/only"
printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: %s/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: H\n    content:\n      - text: "One^[see *[@a p1]* here] two^[and **[@a p2]** there, *[@a p1] lead*] three*^[n]* four."\n' "$ROOT" >"$T/only/b.yaml"
(cd "$T/only" && MKBRIEF_ROOT=/ "$MKBRIEF" --dump-layout b.yaml >d.txt 2>err.txt)
set_text=$(grep -E '^  (line|note) ' "$T/only/d.txt" | sed 's/.*|\(.*\)|$/\1/; s/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' | tr '\n' ' ')
case "$set_text" in
*'*'*) fail "emphasis around a mark alone: asterisks printed: $set_text" ;;
*"Onea twob threec four."*"see 1 ¶1 here"*"and 1 ¶2 there, 1 ¶1 lead"*) pass "emphasis around a citation or a note's mark alone prints the mark, no asterisks" ;;
*) fail "emphasis around a mark alone: $set_text $(head -1 "$T/only/err.txt")" ;;
esac

# two notes' marks side by side read apart: "threea,b", as a mark before a citation is;
# "threeab" read as the mark of one note, ab, the 28th
printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: %s/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: H\n    content:\n      - text: "Three^[x]^[y] four."\n' "$ROOT" >"$T/only/two.yaml"
(cd "$T/only" && MKBRIEF_ROOT=/ "$MKBRIEF" --dump-layout two.yaml >two.txt 2>err.txt)
line=$(grep -E '^  line .*notes=' "$T/only/two.txt" | sed 's/.*|\(.*\)|$/\1/')
notes=$(grep -c '^  note ' "$T/only/two.txt")
if [ "$line" = "Threea,b four." ] && [ "$notes" = 2 ]; then pass "two notes' marks side by side read apart (a,b), both notes at the foot"; else fail "marks side by side: '$line', $notes notes $(head -1 "$T/only/err.txt")"; fi

# a mark between two hyphens ("a-^[n]-b", a citation in a note the same): the text
# smartened whole has an em dash there, and the mark's place fell inside its bytes, which
# crashed the line breaker (status 139); the mark goes before the dash
printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: %s/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: H\n    content:\n      - text: "Dash a-^[n]-b and 1950-^[dash c-[@a p1]-d]-1953."\n' "$ROOT" >"$T/only/dash.yaml"
(cd "$T/only" && MKBRIEF_ROOT=/ "$MKBRIEF" --dump-layout dash.yaml >dash.txt 2>err.txt)
st=$?
set_text=$(grep -E '^  (line|note) ' "$T/only/dash.txt" | sed 's/.*|\(.*\)|$/\1/; s/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' | tr '\n' ' ')
case "$st:$set_text" in
0:*"Dash aa—b and 1950b–1953."*"dash c1 ¶1—d"*) pass "a note's mark or a citation between two hyphens goes before the dash they make, no crash" ;;
*) fail "mark between hyphens: status $st: $set_text $(head -1 "$T/only/err.txt")" ;;
esac

# a mark at the end of emphasis that ends the text, before its citation: "worda,1 ¶2" as
# after a plain word; the closing asterisk hid the mark's end ("worda1 ¶2")
printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: %s/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: H\n    content:\n      - text: "Six *word^[z]*"\n        cite: a p2\n' "$ROOT" >"$T/only/em-end.yaml"
(cd "$T/only" && MKBRIEF_ROOT=/ "$MKBRIEF" --dump-layout em-end.yaml >em-end.txt 2>err.txt)
line=$(grep -E '^  line .*notes=' "$T/only/em-end.txt" | sed 's/.*|\(.*\)|$/\1/; s/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g')
if [ "$line" = "Six worda,1 ¶2" ]; then pass "a mark that ends emphasis and the text reads apart from the citation after it"; else fail "mark at emphasis end before a citation: '$line' $(head -1 "$T/only/err.txt")"; fi
