# lists.sh: what the numbered golden cannot say by its pixels: a numbered list counts 1 to
# 12 in order, in the dump and in the PDF's text; the text of 9. and 10. starts at one x and
# their numbers end at one x; each level of a nested list indents further and takes its own
# marker; a long nested list breaks across pages, never between an item and its sub-list;
# letters and roman numbers count on past z and iii; the list layout keys act, and bad ones
# are reported at their line and column.
. "$(dirname "$0")/lib.bash"
G="$ROOT/tests/golden"
"$MKBRIEF" -q --dump-layout "$G/numbered/brief.yaml" >"$T/n.txt" 2>"$T/err" || fail "numbered golden: $(cat "$T/err")"

# items FILE: one line per list item's first line: text-x marker-left marker-right marker |text|
items() {
	awk '$1 == "line" && / marker=/ {
		x = ""; m = ""
		for (i = 1; i <= NF; i++) {
			if ($i ~ /^x=/) x = substr($i, 3)
			if ($i ~ /^marker=/) m = substr($i, 8)
		}
		split(m, a, ":"); split(a[1], b, "+")
		mark = substr(m, length(a[1]) + 2); gsub(/"/, "", mark)
		text = $0; sub(/^[^|]*[|]/, "", text)
		print x, b[1], b[1] + b[2], mark, "|" text
	}' "$1"
}
items "$T/n.txt" >"$T/items.txt"
# field FILE TEXT N: field N of the item whose text starts with TEXT (after the marking)
field() { awk -v t="|(U) $2" -v n="$3" 'index($0, t) { print $n; exit }' "$1"; }

# 1. to 12. in order: the items whose numbers end where 1.'s ends
right=$(field "$T/items.txt" "Putin calls" 3)
seq_got=$(awk -v r="$right" '$3 == r && $4 ~ /^[0-9]+\.$/ { printf "%s ", $4 }' "$T/items.txt")
seq_want=$(for i in $(seq 1 12); do printf '%s. ' "$i"; done)
if [ "$seq_got" = "$seq_want" ]; then pass "the numbered list counts 1. to 12. in order, numbers right-aligned"; else fail "numbers: '$seq_got'"; fi
# the PDF's text: each number before its item's text, in order
"$MKBRIEF" -q -o "$T/n.pdf" "$G/numbered/brief.yaml" && pdftotext "$T/n.pdf" "$T/n.pdf.txt"
pdf_got=$(grep -o '^[0-9]*\. (U)' "$T/n.pdf.txt" | head -12 | cut -d' ' -f1 | tr '\n' ' ')
if [ "$pdf_got" = "$seq_want" ]; then pass "pdftotext: 1. to 12. in order, each before its item's text"; else fail "pdftotext numbers: '$pdf_got'"; fi

# 9. and 10.: their text starts at one x, their numbers end at one x, and 10. is wider
x9=$(field "$T/items.txt" "Russian diplomats" 1) x10=$(field "$T/items.txt" "The 2017 article" 1)
l9=$(field "$T/items.txt" "Russian diplomats" 2) l10=$(field "$T/items.txt" "The 2017 article" 2)
r9=$(field "$T/items.txt" "Russian diplomats" 3) r10=$(field "$T/items.txt" "The 2017 article" 3)
if [ -n "$x9" ] && [ "$x9" = "$x10" ] && [ "$r9" = "$r10" ] && [ "$l10" -lt "$l9" ]; then
	pass "9. and 10.: text at x=$x9, numbers ending at $r9, 10. wider"
else
	fail "9. and 10.: text $x9/$x10, numbers $l9-$r9 / $l10-$r10"
fi
# the gutter fits the widest number: 10.'s number starts at the list's left edge (the margin)
# and ends numbered.gap (4pt) before the text
if [ "$l10" = 9000 ] && [ $((x10 - r10)) = 400 ]; then pass "the gutter is as wide as 10. plus the gap"; else fail "10. at $l10-$r10, text at $x10"; fi

# nesting: each level further right, with its own marker
lvl() { echo "$(field "$T/items.txt" "$1" 1) $(field "$T/items.txt" "$1" 4)"; }
set -- $(lvl "What Moscow says") $(lvl "In public") $(lvl "It will not let")
if [ "$1" -lt "$3" ] && [ "$3" -lt "$5" ] && [ "$2 $4 $6" = "• – ‣" ]; then
	pass "bullets nest three levels: x $1 < $3 < $5, markers $2 $4 $6"
else
	fail "nested bullets: $*"
fi
# a sub-list starts at its item's text: its markers in the parent's text column
if [ "$(field "$T/items.txt" "In public" 2)" -ge "$1" ]; then pass "a sub-list hangs from its item's text"; else fail "sub-list left of its item's text"; fi
set -- $(lvl "Votes for the sanctions") $(lvl "They offer talks") $(lvl "In Moscow.")
if [ "$2 $4 $6" = "1. a. – " ] || [ "$2 $4 $6" = "1. a. –" ]; then
	pass "numbers inside bullets start at 1., inside numbers count a., bullets inside those take the second bullet"
else
	fail "markers: $2 $4 $6"
fi
# the Key points nest too
if [ "$(field "$T/items.txt" "No new aid" 4)" = "–" ]; then pass "Key points items take sub-points"; else fail "Key points sub-point marker"; fi

# a sub-list's first line may not be parted from its item: it carries keep
if grep -q 'keep marker=[^ ]*:"a\." .*They offer talks' "$T/n.txt" && grep -q 'keep marker=[^ ]*:"–" .*In public' "$T/n.txt"; then
	pass "a sub-list's first line is kept with its item"
else
	fail "no keep on a sub-list's first line"
fi

# a long nested list breaks across pages, between items and inside long ones, never
# between an item's last line and its sub-list
{
	printf 'title: Long list\ndate: 2018-01-22\nsources:\n  s: {file: %s}\nsections:\n  - heading: H\n    content:\n      - numbered:\n' \
		"$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt"
	for i in $(seq 1 40); do
		printf '          - text: Point %d, %s\n' "$i" "$(printf 'long enough to run over a line or two of the column. %.0s' $(seq 1 $((i % 3 + 1))))"
		if [ $((i % 4)) = 0 ]; then
			printf '            items:\n'
			for j in 1 2 3; do printf '              - Sub %d of point %d, which has a few words.\n' "$j" "$i"; done
		fi
	done
} >"$T/long.yaml"
"$MKBRIEF" -q --dump-layout "$T/long.yaml" >"$T/long.txt" 2>"$T/err" || fail "long list: $(cat "$T/err")"
pages=$(awk '/^document/ { sub("pages=", "", $2); print $2 }' "$T/long.txt")
tops=$(awk '/^page / { top = 1; next } top && $1 == "line" { sub(/^[^|]*[|]/, ""); print; top = 0 }' "$T/long.txt")
if [ "${pages:-0}" -ge 3 ] && ! echo "$tops" | grep -q '^Sub 1 of'; then
	pass "a 40-item list over $pages pages: no page opens with a sub-list parted from its item"
else
	fail "long list: $pages pages; page tops: $(echo "$tops" | tr '\n' '/')"
fi
# and it breaks inside items too (a page that opens with an item's later line), as long paragraphs do
if awk '/^page [2-9]/ { top = 1; next } top && $1 == "line" { top = 0; if ($0 !~ /line=1\//) found = 1 } END { exit !found }' "$T/long.txt" ||
	echo "$tops" | grep -q '^Point'; then
	pass "the long list breaks between its items or inside them"
else
	fail "the long list never breaks at an item"
fi

# counters past z and past iii; a marker layout with other counters
{
	printf 'title: Counters\ndate: 2018-01-22\nsources:\n  s: {file: %s}\nsections:\n  - heading: H\n    content:\n      - numbered:\n          - text: top\n            numbered:\n' \
		"$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt"
	for i in $(seq 1 27); do printf '              - letter %d\n' "$i"; done
	printf '              - text: last\n                numbered: [r1, r2, r3, r4, r9]\n'
} >"$T/count.yaml"
"$MKBRIEF" -q --dump-layout "$T/count.yaml" >"$T/count.txt" 2>"$T/err" || fail "counters: $(cat "$T/err")"
got=$(items "$T/count.txt" | grep -v '|Russia Uses' | awk '{ print $4 }' | tr '\n' ' ')
want="1. a. b. c. d. e. f. g. h. i. j. k. l. m. n. o. p. q. r. s. t. u. v. w. x. y. z. aa. ab. i. ii. iii. iv. v. "
if [ "$got" = "$want" ]; then pass "letters run on to aa. ab., roman numbers to iv. v."; else fail "counters: '$got'"; fi
cat >"$T/keys.yaml" <<'YAML'
bullets: {markers: ["*", "+"]}
numbered: {indent: 30pt, gap: 6pt, markers: ["(1)", "A)", "(I)"]}
YAML
"$MKBRIEF" -q --layout "$T/keys.yaml" --dump-layout "$T/count.yaml" >"$T/keys.txt" 2>"$T/err" || fail "keys: $(cat "$T/err")"
got=$(items "$T/keys.txt" | awk '{ print $4 }' | sed -n '1p;2p;28p;29p;30p;33p' | tr '\n' ' ')
if [ "$got" = "(1) A) AA) B) (I) (IV) " ] || [ "$got" = "(1) A) AA) AB) (I) (IV) " ]; then pass "numbered.markers: (1) A) (I) and their counters"; else fail "numbered.markers: '$got'"; fi
set -- $(items "$T/keys.txt" | head -1)
if [ "$1" = 12000 ] && [ $(($1 - $3)) = 600 ]; then pass "numbered.indent 30pt and gap 6pt: text at 120pt, number ending 6pt before"; else fail "numbered.indent/gap: $*"; fi
"$MKBRIEF" -q --layout "$T/keys.yaml" --dump-layout "$G/numbered/brief.yaml" >"$T/keys2.txt" 2>"$T/err" || fail "keys on the golden: $(cat "$T/err")"
got=$(items "$T/keys2.txt" | awk '{ print $4 }' | sed -n '1p;3p' | tr '\n' ' ')
if [ "$got" = "* + " ]; then pass "bullets.markers: two given, the second for deeper levels too"; else fail "bullets.markers: '$got'"; fi
# a marker with a counter for each enclosing number, as legal and policy papers number
# (a layouts trial: "1.1" took its second 1 as text, numbering 1.1 2.1 3.1 under item 9)
printf 'numbered: {markers: ["1.", "1.1", "1.1.1"]}\n' >"$T/legal.yaml"
"$MKBRIEF" -q --layout "$T/legal.yaml" --dump-layout "$G/numbered/brief.yaml" >"$T/legal.txt" 2>"$T/err" || fail "legal: $(cat "$T/err")"
items "$T/legal.txt" >"$T/legal-items.txt"
got="$(field "$T/legal-items.txt" "Russian diplomats" 4) $(field "$T/legal-items.txt" "They offer talks" 4) $(field "$T/legal-items.txt" "They offer a rail" 4) $(field "$T/legal-items.txt" "The 2017 article" 4)"
if [ "$got" = "9. 9.1 9.2 10." ]; then pass "numbered.markers '1.1': the enclosing item's number, then its own"; else fail "legal numbering: '$got'"; fi
# a counter stands apart from other letters: the A of "Art." is text
printf 'numbered: {markers: ["Art. 1", "(a)"]}\n' >"$T/art.yaml"
"$MKBRIEF" -q --layout "$T/art.yaml" --dump-layout "$G/numbered/brief.yaml" >"$T/art.txt" 2>"$T/err" || fail "art: $(cat "$T/err")"
grep -q 'marker=[^ ]*:"Art. 2" .*Moscow and Pyongyang share' "$T/art.txt" && grep -q 'marker=[^ ]*:"(a)" .*They offer talks' "$T/art.txt" &&
	pass "numbered.markers 'Art. 1': the counter is the 1" || fail "Art. 1: $(grep -m2 'marker=' "$T/art.txt" | cut -c1-120)"

# bad list keys in a layout, each at its line and column
bad_layout() { # NAME YAML EXPECTED
	printf '%s\n' "$2" >"$T/bad.yaml"
	local err
	err=$("$MKBRIEF" -q --layout "$T/bad.yaml" --check "$G/numbered/brief.yaml" 2>&1)
	case $err in *"$3"*) pass "$1" ;; *) fail "$1: $err" ;; esac
}
bad_layout "a number marker without a counter" 'numbered: {markers: ["1.", "x."]}' \
	"bad.yaml:1:28: error: numbered.markers: 'x.' has no counter; write 1, a, A, i or I apart from other letters where the number goes"
bad_layout "a counter inside a word is text" 'numbered: {markers: ["(ii)"]}' \
	"bad.yaml:1:22: error: numbered.markers: '(ii)' has no counter"
bad_layout "a top-level marker with two counters" 'numbered: {markers: ["1.1"]}' \
	"bad.yaml:1:22: error: numbered.markers: '1.1' has 2 counters, but a top-level list has one number, its own"
bad_layout "a second-level marker with three" 'numbered: {markers: ["1.", "a.1.i"]}' \
	"bad.yaml:1:28: error: numbered.markers: 'a.1.i' has 3 counters, but a list at level 2 is inside 1 numbered list: at most 2"
bad_layout "four markers" 'bullets: {markers: [a, b, c, d]}' \
	"bad.yaml:1:20: error: bullets.markers must be a list of 1 to 3 markers, one per level of nesting, not 4"
bad_layout "a marker too long" 'bullets:
  markers: ["-----------"]' "bad.yaml:2:13: error: bullets.markers is 11 characters long; at most 8 are allowed"
bad_layout "a misspelt list key" 'numbered: {gapp: 3pt}' "bad.yaml:1:12: error: unknown key 'gapp' in numbered; did you mean 'gap'?"

# an item may carry its own portion marking (a Key point, a bullet, a numbered item), which
# its sub-items take too; the others keep their block's
mkdir -p "$T/mk" && ln -s "$ROOT/briefs/articles" "$T/mk/articles"
cat >"$T/mk/b.yaml" <<'YAML'
title: Item markings
date: 2018-01-22
classification: CONFIDENTIAL
marking: "(C)"
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
summary:
  - Moscow follows Beijing at the UN.
  - text: The vote itself is public record.
    marking: "(U)"
sections:
  - heading: Points
    content:
      - bullets:
          - A confidential point.
          - text: An unclassified point.
            marking: "(U)"
            items: [Its sub-point.]
      - numbered:
          - A confidential step.
          - text: An unclassified step.
            marking: "(U)"
YAML
"$MKBRIEF" -q -o "$T/mk/b.pdf" "$T/mk/b.yaml" 2>"$T/err" || fail "item markings: $(cat "$T/err")"
txt=$(pdftotext "$T/mk/b.pdf" - 2>/dev/null)
ok=1
for want in "(C) Moscow follows" "(U) The vote itself" "(C) A confidential point" "(U) An unclassified point" \
	"(U) Its sub-point" "(C) A confidential step" "(U) An unclassified step"; do
	grep -qF "$want" <<<"$txt" || { ok=0; echo "$want" >>"$T/mk/why"; }
done
[ $ok = 1 ] && pass "a Key point, a bullet and a numbered item carry their own marking, a sub-item its item's" ||
	fail "item markings missing: $(tr '\n' ';' <"$T/mk/why")"

# A list in a source prints as one in an excerpt and in the annex, in every layout: an
# item's later lines hang under its text, not under its marker; numbers end at one x (9.
# and 10.), their texts start at one x; a portion marking follows the marker ("1. (U)").
mkdir -p "$T/src" && cd "$T/src" || exit 1
cp "$ROOT/tests/articles/lists-source.txt" .
cat >b.yaml <<'YAML'
title: Lists in a source
date: 2018-01-22
marking: "(U)"
annex: true
sources:
  ports: {file: lists-source.txt, title: Port Records}
sections:
  - heading: Cargo
    content:
      - excerpt: {source: ports, paragraphs: 1-2}
      - excerpt: {source: ports, paragraphs: 3-4}
YAML
# lines FILE: each printed line of text as "page y x-of-each-word|words"
lines() {
	pdftotext -bbox "$1" - | awk -F'"' '/<page/ { pg++ } /<word/ {
		w = $0; sub(/^[^>]*>/, "", w); sub(/<.*/, "", w)
		key = pg " " int($4 + 0.5)
		if (!(key in t)) order[n++] = key
		t[key] = t[key] (t[key] == "" ? "" : " ") w; xs[key] = xs[key] " " $2 + 0; xe[key] = xe[key] " " $6 + 0 }
		END { for (i = 0; i < n; i++) print order[i] "|" xs[order[i]] "|" xe[order[i]] "|" t[order[i]] }'
}
# word k's left (x) or right (r) edge on the first (or last: in the annex) line starting with
# TEXT, or on the line after it (next=1)
edge() {
	awk -F'|' -v t="$2" -v k="$3" -v e="$4" -v which="$5" -v next_="$6" '
		f { split(e == "x" ? $2 : $3, a, " "); v = a[k]; f = 0; if (which == "first") { print v; done = 1; exit } }
		index($4, t) == 1 { if (next_) f = 1; else { split(e == "x" ? $2 : $3, a, " "); v = a[k]; if (which == "first") { print v; done = 1; exit } } }
		END { if (!done) print v }' "$1"
}
near() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && b != "" && (a - b) * (a - b) < 0.3) }'; }
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout $layout -o $layout.pdf b.yaml 2>err || { fail "$layout: source lists: $(cat err)"; continue; }
	lines $layout.pdf >$layout.lines
	L=$layout.lines
	# "- (U) coal bound ...": the marking after the marker; the next line starts under "(U)"
	m=$(edge $L "- (U) coal" 2 x first) under=$(edge $L "- (U) coal" 1 x first 1) n=$(edge $L "- refined" 1 x first)
	if near "$m" "$under" && awk -v a="$n" -v b="$under" 'BEGIN { exit !(b - a > 3) }'; then
		pass "$layout: a source's bullet item in an excerpt: marking after its marker, its next line under its text"
	else
		fail "$layout: bullet item lines: text at '$m', next line at '$under', marker at '$n'"
	fi
	for which in first last; do
		where=$([ $which = first ] && echo "an excerpt" || echo "the annex")
		nine=$(edge $L "9. Invite" 1 r $which) ten=$(edge $L "10. Report" 1 r $which)
		t9=$(edge $L "9. Invite" 2 x $which) t10=$(edge $L "10. Report" 2 x $which)
		after9=$(edge $L "9. Invite" 1 x $which 1)
		if near "$nine" "$ten" && near "$t9" "$t10" && near "$t9" "$after9"; then
			pass "$layout: numbered items of a source in $where: 9. and 10. end at one x, their texts and later lines start at one x"
		else
			fail "$layout: numbered items in $where: numbers end at '$nine'/'$ten', texts at '$t9'/'$t10', the line after 9.'s at '$after9'"
		fi
	done
done

# An excerpt that runs from one item into another over a cut: each item from its own line,
# the first after the marking and the elision mark hanging where the items have their text.
cat >cut.yaml <<'YAML'
title: A cut list
date: 2018-01-22
marking: "(U)"
sources:
  ports: {file: lists-source.txt, title: Port Records}
sections:
  - heading: Cargo
    content:
      - excerpt:
          source: ports
          text: "2. Publish the February count together with the method used to count the ships, so that others can check it against their own records. [...] 5. Name the companies that insured the small tankers, and ask their regulators whether the cover was renewed after the first report."
YAML
for layout in handout digest; do
	"$MKBRIEF" -q --layout $layout -o cut-$layout.pdf cut.yaml 2>err || { fail "$layout: cut list: $(cat err)"; continue; }
	lines cut-$layout.pdf >cut-$layout.lines
	L=cut-$layout.lines
	# an item's start begins a line of the source, as a paragraph's does: no elision mark
	# before it (a reader's trial), the marking after its marker
	five=$(edge $L "5. Name" 2 x first) under=$(edge $L "2. (U) Publish" 1 x first 1)
	if near "$five" "$under" && grep -qF '|2. (U) Publish' $L && ! grep -qF '[…] 2.' $L; then
		pass "$layout: an excerpt cut from item 2 to item 5: 2. as an item, 5. on a line of its own, 2.'s lines hang at the items' text"
	else
		fail "$layout: cut list: item 5's text at '$five', the line after 2.'s at '$under'"
	fi
done
# A cut that runs on into a later item at its text (its marker left out, "[...] machine
# parts") prints that item whole, marker and all, with one elision mark for the items left
# out (a reader's trial: '[…]' at the lead-in's end and again before the item); one item
# alone is printed as the item, with no elision on either side
cat >one.yaml <<'YAML'
title: Items
date: 2018-01-22
marking: "(U)"
sources:
  ports: {file: lists-source.txt, title: Port Records}
sections:
  - heading: Cargo
    content:
      - excerpt:
          source: ports
          text: "- coal bound for Dalian, loaded at night at the northern pier and recorded as scrap metal in the port's own ledgers for the quarter [...] machine parts of unknown origin"
      - excerpt: {source: ports, text: "- refined oil from Nakhodka, carried in small tankers that switched off their transponders for most of the voyage along the coast"}
YAML
"$MKBRIEF" -q -o one.pdf one.yaml 2>err || fail "items: $(cat err)"
got=$(pdftotext one.pdf - | tr '\n' ' ')
elisions=$(echo "$got" | grep -o '…' | wc -l)
case "$got" in
*"- (U) coal bound"*"for the quarter […] - machine parts"*"- (U) refined oil"*"along the coast —"*)
	[ "$elisions" = 1 ] && pass "an excerpt running on into an item at its text: one elision mark; one item alone: none" ||
		fail "items: $elisions elision marks in: $got" ;;
*) fail "items: $(echo "$got" | grep -o 'the quarter.\{0,30\}') / $(echo "$got" | grep -o '.\{0,12\}refined oil') / $(echo "$got" | grep -o 'the coast.\{0,6\}')" ;;
esac
# An excerpt's lead-in that ends in a colon stays with the list it introduces: a column
# ended on "the following safety issues:" with the list in the next, under "(continued)"
# (a reader's trial). 0 to 40 paragraphs before the excerpt, in digest and handout.
cp "$ROOT/tests/articles/maritime-report.txt" .
ends=0
for k in $(seq 0 40); do
	{
		printf 'title: T\ndate: 2018-01-22\nsources:\n  m: {file: maritime-report.txt}\nsections:\n  - heading: H\n    content:\n'
		for ((j = 0; j < k; j++)); do
			echo '      - text: "Lead paragraph. The district must choose between rebuilding earth, buying warnings and giving the river room."'
		done
		echo '      - excerpt: {source: m, paragraphs: 8-11}'
	} >lead.yaml
	for layout in digest handout; do
		"$MKBRIEF" -q --layout $layout --dump-layout lead.yaml >lead.txt 2>err || { fail "lead-in $k $layout: $(cat err)"; continue; }
		awk '/^page / { p = $2 } /^  line / { c = $2; if ((c != lc || p != lp) && last ~ /issues:\|$/) found = 1; last = $0; lc = c; lp = p }
			END { exit !found }' lead.txt && ends=$((ends + 1))
	done
done
[ "$ends" = 0 ] && pass "an excerpt's lead-in ending in a colon never ends a column (82 briefs)" || fail "a column ends on an excerpt's lead-in in $ends of 82 briefs"

# The text before a source list's first item, in the same paragraph, is the paragraph's
# own and is justified as the excerpt's other paragraphs are (it was set ragged, its
# lines ending 18-36 pt short); the items hang under their markers, ragged.
mkdir -p "$T/leadin" && cd "$T/leadin" || exit 1
cat >a.txt <<'TXT'
Drills Note

A good drill is short, realistic and recorded, and everyone who takes part should know afterwards what went well and what did not. It should test one thing at a time:
1) communication with the ship before arrival;
2) access control at the gate and on the quay;
3) the handover between shifts.

Operators who ran such drills reported that the handover between shifts was where most things went wrong. Information given to the evening shift was not passed on to the night shift, and nobody noticed until the morning.
TXT
cat >b.yaml <<'YAML'
title: Lead-in of a list
date: 2025-01-01
sources:
  a: {file: a.txt}
sections:
  - heading: Drills
    content:
      - excerpt: {source: a, paragraphs: 1-2}
YAML
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout "$layout" --dump-layout b.yaml >d.txt 2>err || fail "lead-in: $(cat err)"
	# the lead-in's lines but its last reach as far as the next paragraph's first
	r=$(awk '/\|A good drill|\|Operators who/ { for (i = 1; i <= NF; i++) if ($i ~ /^w=/) w[++n] = substr($i, 3) }
		END { print (n == 2 && w[1] >= w[2] - 20 && w[1] <= w[2] + 20) ? "ok" : "lead-in " w[1] ", next paragraph " w[2] }' d.txt)
	[ "$r" = ok ] && pass "$layout: a source list's lead-in is justified as its excerpt" || fail "$layout: $r"
done

# A list's last line never stands alone at a column's top, nor its first alone at a column's
# foot, across items as inside one (widows and orphans): the last sub-item of a nested list
# was left alone at the top of page 2 (a typographer's trial). Ten or 27 paragraphs before
# the list put its end at the page's foot in handout and digest.
mkdir -p "$T/stub"
printf 'Cables\n\nThe cable was cut on Christmas Day.\n' >"$T/stub/a.txt"
bad=""
for run in "handout 10" "handout 26" "digest 27"; do
	set -- $run
	{
		printf 'title: List stubs\ndate: 2027-01-20\nsources:\n  a: {file: a.txt}\nsections:\n  - heading: Filler\n    content:\n'
		for i in $(seq 1 "$2"); do printf '      - text: "Filler %d: the region can ride out a mild winter without imports from the east, but not a cold snap with a cable down."\n' "$i"; done
		cat <<'YAML'
      - bullets:
          - text: "Detection -- how fast does the operator know?"
            items:
              - text: "Power cables: within seconds"
                items: ["Estlink 2 tripped at 12:26 p.m.", "Location found within 4 hours"]
              - "Telecom cables: minutes to hours"
          - text: "Attribution -- who dragged the anchor?"
            items:
              - "AIS tracks are the first evidence"
              - text: "Boarding needs a legal basis"
                items: ["Inside territorial waters: yes", "In the EEZ: contested"]
      - text: "After the list: the region can ride out a mild winter without imports from the east, but not a cold snap with a cable down."
YAML
	} >"$T/stub/b.yaml"
	"$MKBRIEF" -q --layout "$1" --dump-layout "$T/stub/b.yaml" >"$T/stub/d.txt" 2>"$T/err" || bad="$bad $run: $(cat "$T/err")"
	r=$(awk '/^page / { p = $2 }
		/^  line / && /marker=[0-9+]*:"(•|–|‣)"/ { c = ""; for (i = 1; i <= NF; i++) if ($i ~ /^col=/) c = $i
			n++; lp[n] = p " " c; txt[n] = substr($0, index($0, "|")) }
		END { if (n > 1 && lp[1] != lp[2]) printf "first alone: %s ", txt[1]
			if (n > 1 && lp[n] != lp[n - 1]) printf "last alone: %s ", txt[n] }' "$T/stub/d.txt")
	[ -n "$r" ] && bad="$bad [$run] $r"
done
if [ -z "$bad" ]; then pass "a list's first and last lines never stand alone at a column's foot or top"; else fail "list stubs:$bad"; fi
