# floatorder.sh: a float (a table across the digest's columns, a `width: full` figure) is
# printed at the top of a later page than where the brief puts it, but the PDF's structure
# tree, which a screen reader follows, holds it (and a box that opens with a figure) in the brief's order: after the text before
# it in the brief, before the text after it, with the notes of its page.
. "$(dirname "$0")/lib.bash"
L="Moscow presents itself as a neutral broker, calls for talks without conditions, and keeps its trade across the short land border open. Its officials speak of a freeze for freeze, the plan it shares with Beijing, and they warn Washington against a strike."
{
	echo "title: Floats in the order of the brief"
	echo "date: 2018-01-22"
	echo "sources:"
	echo "  edm: {file: $ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}"
	echo "sections:"
	echo "  - heading: Sanctions"
	echo "    content:"
	for n in one two three four five six; do echo "      - text: \"Pretable$n. $L $L $L^[Notemark$n.]\""; done
	echo "      - table:"
	echo "          caption: Votes across the columns"
	echo "          columns: [Judge, Art. 1, Art. 5, Art. 6, Art. 8, Art. 13, Art. 14, Art. 41, Dissent, Concurring, Notes]"
	echo "          rows:"
	echo "            - [Presiding judge, yes, n/a, n/a, n/a, no, n/a, yes, no, no, Wrote the judgment]"
	echo "            - [Second judge, yes, n/a, n/a, n/a, no, n/a, yes, no, yes, Separate opinion on damages]"
	for n in one two; do echo "      - text: \"Posttable$n. $L\""; done
	for n in one two three four five six seven eight nine; do echo "      - text: \"Prechart$n. $L $L $L\""; done
	echo "      - figure:"
	echo "          file: $ROOT/briefs/figures/dprk-sanctions.svg"
	echo "          alt: Bar chart of sanctions resolutions by year"
	echo "          caption: Sanctions across both columns"
	echo "          width: full"
	for n in one two three; do echo "      - text: \"Postchart$n. $L $L\""; done
	for n in one two three four; do echo "      - text: \"Prebox$n. $L $L $L\""; done
	echo "      - box:"
	echo "          content:"
	echo "            - figure: {file: $ROOT/briefs/figures/dprk-sanctions.svg, alt: Bars, caption: Sanctions in a box}"
	echo "            - text: Boxtext. The council meets in May."
	for n in one two three; do echo "      - text: \"Postbox$n. $L $L\""; done
} >"$T/floats.yaml"
"$MKBRIEF" -q --layout digest --dump-layout "$T/floats.yaml" >"$T/d.txt" 2>"$T/err" || fail "digest: $(cat "$T/err")"
"$MKBRIEF" -q --layout digest "$T/floats.yaml" -o "$T/f.pdf" 2>"$T/err" || fail "digest: $(cat "$T/err")"
# the first words of the Document's elements, in the structure's order
pdfinfo -struct-text "$T/f.pdf" | grep -o '^  [A-Z][a-zA-Z]*\|^ *"[A-Z][a-z]*' | tr -d ' "' | uniq >"$T/order"
at() { grep -n -m1 "^$1" "$T/order" | cut -d: -f1; }

# the fixture floats: the table's caption is printed after text that follows it in the brief
printed=$(grep -o 'Posttableone\|Votes across' "$T/d.txt" | head -1)
[ "$printed" = Posttableone ] || fail "the table does not float in the digest (first printed: '$printed')"
printed=$(grep -o 'Postchartone\|Sanctions across' "$T/d.txt" | head -1)
[ "$printed" = Postchartone ] || fail "the figure does not float in the digest (first printed: '$printed')"

table=$(at Table) fig=$(at Figure)
if [ -n "$table" ] && [ "$(at Pretablesix)" -lt "$table" ] && [ "$table" -lt "$(at Posttableone)" ]; then
	pass "a table floated across the columns stands in the structure where the brief puts it"
else
	fail "the table is not between the text around it in the structure: $(tr '\n' ' ' <"$T/order")"
fi
if [ -n "$fig" ] && [ "$(at Prechartnine)" -lt "$fig" ] && [ "$fig" -lt "$(at Postchartone)" ]; then
	pass "a full-width figure floated to a page's top stands in the structure where the brief puts it"
else
	fail "the figure is not between the text around it in the structure: $(tr '\n' ' ' <"$T/order")"
fi
box=$(grep -n -m1 '^Div' "$T/order" | cut -d: -f1)
printed=$(grep -o 'Postboxone\|Sanctions in a box' "$T/d.txt" | head -1)
[ "$printed" = Postboxone ] || fail "the box does not float in the digest (first printed: '$printed')"
if [ -n "$box" ] && [ "$(at Preboxfour)" -lt "$box" ] && [ "$box" -lt "$(at Postboxone)" ]; then
	pass "a box that opens with a figure, floated, stands in the structure where the brief puts it"
else
	fail "the box is not between the text around it in the structure: $(tr '\n' ' ' <"$T/order")"
fi
# the notes of page 1 follow its text, not the text of a later page
note=$(at Note)
if [ -n "$note" ] && [ "$note" -gt "$(at Pretableone)" ] && [ "$note" -lt "$(at Prechartone)" ]; then
	pass "the notes at the columns' feet stay after their page's text"
else
	fail "the notes are out of place in the structure: $(tr '\n' ' ' <"$T/order")"
fi
if out=$(qpdf --check "$T/f.pdf" 2>&1) && /usr/bin/python3 tests/tools/tagcheck.py "$T/f.pdf" "$T/floats.yaml" >"$T/tc" 2>&1; then
	pass "the PDF stays valid and tagged (qpdf, tagcheck.py)"
else
	fail "the PDF is not valid: $(head -c 300 <<<"$out") $(grep -v '^ok' "$T/tc" | head -3)"
fi
