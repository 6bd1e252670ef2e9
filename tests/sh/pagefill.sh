# pagefill.sh: no stub pages (issue 16). A mid-length excerpt (7 to 12 lines) and a box that
# fits on a page are kept whole unless moving them whole would leave more than a quarter of
# the column empty; then they break, at least two lines before and three after (no fewer
# than the two-line head), and an excerpt's second part is headed "“Source” (continued)". An excerpt of up to 6 lines never breaks. Briefs of
# our own, on an article of our own (tests/fill/) and a shipped one, with 0 to 16 paragraphs
# of lead text (and a line more) before the excerpts and the box, in all three layouts: no
# page but the last is less than 70% full (bench/pagefill.awk measures).
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
D="$T/f"
mkdir -p "$D/articles" && cd "$D" || exit 1
cp "$ROOT/tests/fill/levee-report.txt" "$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt" articles/
margin() { # margin LAYOUT top|bottom: hundredths of a point
	sed -n "s/.*margins:.*$2: *\([0-9.]*\) *\(in\|mm\).*/\1 \2/p" "$ROOT/layouts/$1.yaml" |
		awk '{ printf "%d", $1 * ($2 == "in" ? 72 : 72 / 25.4) * 100 }'
}
brief() { # brief K: K/2 two-line paragraphs of lead text before the excerpts, and a short one when K is odd
	cat <<YAML
title: Levee budgets on the lower Vell
date: 2026-03-14
classification: UNCLASSIFIED
sources:
  levee: {file: articles/levee-report.txt}
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: Where the money goes
    content:
YAML
	for ((j = 0; j < $1 / 2; j++)); do
		echo "      - text: \"Lead paragraph $j. The district must choose between rebuilding earth, buying warnings and giving the river room, and each choice has a price and a constituency of its own.\""
	done
	[ $(($1 % 2)) = 1 ] && echo '      - text: "The council meets again in May."'
	cat <<YAML
      - excerpt: {source: levee, paragraphs: 3}
      - text: "The engineers' case rests on the cost of a breach, which dwarfs any rate rise."
      - excerpt: {source: levee, paragraphs: 4}
      - text: "The warning camp answers that sensors save lives even when the water wins."
      - excerpt: {source: edm, paragraphs: 4}
  - heading: Room for the river
    content:
      - box:
          title: What the report says
          content:
            - text: "The engineers walked forty kilometres of embankment with soil probes."
            - excerpt: {source: levee, paragraphs: 1}
            - excerpt: {source: edm, paragraphs: 1}
      - excerpt: {source: levee, paragraphs: 5}
      - text: "A basin upstream would take a decade; the worst sections cannot wait."
      - excerpt: {source: levee, paragraphs: 6}
YAML
}
for layout in handout handout-a4 digest; do
	top=$(margin $layout top)
	bot=$(margin $layout bottom)
	stubs="" split_at="" splits=0 bad_split="" firm_split="" failed=""
	for k in $(seq 0 32); do
		brief "$k" >b.yaml
		if ! "$MKBRIEF" -q --layout $layout --dump-layout b.yaml >d.txt 2>err.txt; then
			failed="$k: $(head -1 err.txt)"
			break
		fi
		row=$(awk -v name=k$k -v lay=$layout -v top="$top" -v bot="$bot" -v target=70 -f "$ROOT/bench/pagefill.awk" d.txt)
		case "$row" in *FAILS*) stubs="$stubs k=$k:$(echo "$row" | awk -F'|' '{ print $5 }' | tr -s ' ')" ;; esac
		# each excerpt paragraph: its lines per column; "(continued)" heads each later part
		out=$(awk '
			/^page / { p = $2 }
			/^  line/ {
				c = $0; sub(/.* col=/, "", c); c = c + 0
				para = ""; n = 0
				for (i = 2; i <= NF; i++) { if ($i ~ /^para=/) para = substr($i, 6); if ($i ~ /^line=/) { split(substr($i, 6), a, "/"); n = a[2] } }
				col = p "/" c
				if (col != lastcol) { lastcol = col; atop = 0 }
				if (++atop <= 3 && $0 ~ /\(continued\)\|/) contd[col] = 1
				if (para != "" && ($0 ~ /The regional council|Some members of the council|A third camp wants/ || para in seen)) {
					if (!(para in seen)) { seen[para] = n; first[para] = col; text[para] = $0 }
					cnt[para, col]++; if (!((para, col) in cols)) { cols[para, col] = 1; ncols[para]++; order[para, ncols[para]] = col }
				}
			}
			END {
				for (q in seen) {
					if (ncols[q] > 1) {
						if (seen[q] <= 6) print "firm " q
						split_ = 1
						for (j = 1; j <= ncols[q]; j++) {
							if (cnt[q, order[q, j]] < (j > 1 ? 3 : 2)) print "short " q " " cnt[q, order[q, j]] " lines in " order[q, j]
							if (j > 1 && !contd[order[q, j]]) print "nomark " q " in " order[q, j]
						}
						print "split " q
					}
				}
			}' d.txt)
		splits=$((splits + $(echo "$out" | grep -c '^split')))
		echo "$out" | grep -q '^split' && split_at="$split_at $k"
		echo "$out" | grep -q '^short\|^nomark' && bad_split="$bad_split k=$k: $(echo "$out" | grep '^short\|^nomark' | head -2 | tr '\n' ' ')"
		echo "$out" | grep -q '^firm' && firm_split="$firm_split k=$k"
	done
	if [ -n "$failed" ]; then
		fail "$layout: mkbrief failed at $failed"
		continue
	fi
	[ -z "$stubs" ] && pass "$layout: 33 briefs, no page but the last under 70% full" || fail "$layout: stub pages:$stubs"
	[ -z "$bad_split" ] && pass "$layout: $splits excerpts broken (lead K =$split_at), each part 2 lines or more, later parts headed (continued)" ||
		fail "$layout: excerpts broken $splits times;$bad_split"
	[ -z "$firm_split" ] && pass "$layout: an excerpt of 6 lines or fewer never breaks" || fail "$layout: an excerpt of 6 lines or fewer broken at K =$firm_split"
done
# what a reader sees: the mark in the text, with the source's title, on the page after the break
brief 15 >b.yaml
"$MKBRIEF" -q --layout handout b.yaml -o b.pdf 2>/dev/null
n=$(pdfinfo b.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')
hit=""
for ((p = 2; p <= ${n:-0}; p++)); do
	pdftotext -f $p -l $p b.pdf - | tr '\n' ' ' | grep -q '“Holding the Line: Levee Budgets on the Lower Vell” (continued)' && hit="$hit $p"
done
[ -n "$hit" ] && pass "the printed mark reads “Holding the Line: …” (continued) (page$hit)" || fail "no “…” (continued) in the text of pages 2-$n"
