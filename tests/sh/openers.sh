# openers.sh: a figure, or a box that opens with one, opening a section leaves no hole.
# Too tall for what is left of the page, it once took its heading to the next page and the
# section's text followed, leaving the page before up to half empty (a typographer's
# trial). Now it floats to the next page's top, and the heading stays with the section's
# text, which fills the page: in all three layouts, after 1 to 24 short lead paragraphs, no
# page but the last is under 70% full (bench/pagefill.awk), and no heading ends a page or
# column alone.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
D="$T/o"
mkdir -p "$D/articles" && cd "$D" || exit 1
cp "$ROOT/tests/fill/levee-report.txt" articles/
printf '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect x="5" y="5" width="190" height="90" fill="#1F4E79"/></svg>\n' >wide.svg
margin() { # margin LAYOUT top|bottom: hundredths of a point
	sed -n "s/.*margins:.*$2: *\([0-9.]*\) *\(in\|mm\).*/\1 \2/p" "$ROOT/layouts/$1.yaml" |
		awk '{ printf "%d", $1 * ($2 == "in" ? 72 : 72 / 25.4) * 100 }'
}
brief() { # brief LEAD BOXED
	printf 'title: Levee budgets\ndate: 2026-03-14\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Where the money goes\n    content:\n'
	for ((j = 0; j < $1; j++)); do
		echo "      - text: \"Lead $j. The district must choose between rebuilding earth, buying warnings and giving the river room.\""
	done
	printf '  - heading: Outlook\n    content:\n'
	if [ "$2" = 1 ]; then
		printf '      - box:\n          kind: outlook\n          content:\n            - figure: {file: wide.svg, alt: A bar, caption: A bar}\n            - text: "In the box. The council meets in May."\n'
	else
		printf '      - figure: {file: wide.svg, alt: A bar, caption: A bar}\n'
	fi
	for ((j = 0; j < 8; j++)); do
		echo "      - text: \"After $j. Each choice has a price, and the council has money for one of them: the engineers, the warning camp and the river's friends each make their case to it.\""
	done
	printf '  - heading: Next\n    content:\n      - text: "The engineers walked the embankment."\n'
}
for layout in handout handout-a4 digest; do
	top=$(margin $layout top) bot=$(margin $layout bottom) bad="" runs=0
	for boxed in 0 1; do
		for ((lead = 1; lead <= 24; lead++)); do
			brief "$lead" "$boxed" >b.yaml
			runs=$((runs + 1))
			if ! "$MKBRIEF" -q --layout $layout --dump-layout b.yaml >d.txt 2>err.txt; then
				bad="$bad; boxed=$boxed lead=$lead: $(head -1 err.txt)"
				continue
			fi
			row=$(awk -v name=x -v lay=$layout -v top="$top" -v bot="$bot" -v target=70 -f "$ROOT/bench/pagefill.awk" d.txt)
			case "$row" in *FAILS*) bad="$bad; boxed=$boxed lead=$lead:$(echo "$row" | awk -F'|' '{ print $5 }' | tr -s ' ')" ;; esac
			# a heading is followed in its column by text of its own
			alone=$(awk '/^page / { p = $2 }
				/^  (line|image|row) / { c = $0; sub(/.* col=/, "", c); at = p "/" (c + 0)
					if (h != "" && at != h) print "a heading ends " h
					h = ""
					if (/ heading /) h = at }' d.txt | head -1)
			[ -n "$alone" ] && bad="$bad; boxed=$boxed lead=$lead: $alone"
		done
	done
	if [ -z "$bad" ]; then pass "$layout: a figure or boxed figure opening a section leaves no hole ($runs briefs)"; else fail "$layout:${bad:0:500}"; fi
done
