# pagination.sh: no widows or orphans, no heading stranded at a page foot, nothing past
# the margins, overlong words broken, markup escaped, missing glyphs reported.
. "$(dirname "$0")/lib.bash"
cd "$ROOT/tests/typeset"
"$MKBRIEF" --dump-layout widows.yaml >"$T/w.txt" 2>"$T/err"
if [ $? -ne 0 ]; then fail "widow trap lays out ($(head -2 "$T/err"))"; exit 0; fi
pages=$(awk '/^document/ { sub("pages=", "", $2); print $2 }' "$T/w.txt")
[ "$pages" -ge 3 ] && pass "widow trap spans $pages pages" || fail "widow trap spans several pages ($pages)"
# lines of each paragraph per page: a paragraph split across pages keeps >= 2 on each side
awk '/^page / { page = $2 }
     / line / { for (i = 1; i <= NF; i++) { if ($i ~ /^para=/) p = substr($i, 6); if ($i ~ /^line=/) { split(substr($i, 6), a, "/"); n = a[2] } }
                key = p SUBSEP page; cnt[key]++; tot[p] = n; pages[p] = pages[p] " " page }
     END { bad = 0
           for (k in cnt) { split(k, kp, SUBSEP); if (tot[kp[1]] > cnt[k] && cnt[k] < 2) { print "para " kp[1] " has " cnt[k] " line(s) on page " kp[2]; bad = 1 } }
           exit bad }' "$T/w.txt" >"$T/wo.txt"
[ $? = 0 ] && pass "no widows or orphans" || fail "no widows or orphans: $(head -3 "$T/wo.txt" | tr '\n' ';')"
# the last line on a page is never a heading
awk '/^page / { if (last ~ / heading/) { print prev; bad = 1 } } / line / { last = $0; prev = $0 } END { exit bad }' "$T/w.txt" >/dev/null
[ $? = 0 ] && pass "no heading at the foot of a page" || fail "no heading at the foot of a page"
# nothing is drawn past the text area (US Letter, handout margins come from the layout),
# but for what hangs there: a justified line's final hyphen or punctuation mark hangs up to
# 0.6 of its width in the margin (optical margin alignment), never more than 0.3 em;
# a line ending in a letter ends inside. past EDGE: the lines of the dump on stdin past EDGE
# (in the dump's hundredths of a point), or with a margin of 0 the page's width less the
# leftmost line's x (the shipped layouts' margins are symmetric)
past() {
	awk -v edge="$1" '/^document/ { sub("size=", "", $3); split($3, s, "x"); pw = s[1] }
	     / line / { for (i = 1; i <= NF; i++) { if ($i ~ /^x=/) x = substr($i, 3) + 0; if ($i ~ /^w=/) w = substr($i, 3) + 0 }
	                font = $0; sub(/.* font="/, "", font); sub(/".*/, "", font); size = font; sub(/.* /, "", size)
	                text = $0; sub(/\|$/, "", text); sub(/.*\|/, "", text)
	                hang = text ~ /[-.,:;!?\047"\342\200\231\342\200\235\342\200\246\342\200\223]$/ ? size * 30 : 0
	                n++; X[n] = x; W[n] = w; H[n] = hang; L[n] = $0; if (min == "" || x < min) min = x }
	     END { right = edge > 0 ? edge : pw - min
	           for (i = 1; i <= n; i++) if (X[i] + W[i] > right + H[i] + 1) { print L[i]; bad = 1 }
	           exit bad }'
}
right=$(awk '/^document/ { sub("size=", "", $3); split($3, s, "x"); print s[1] }' "$T/w.txt")
past $((right - 5400)) <"$T/w.txt" >/dev/null
[ $? = 0 ] && pass "no line past the right margin" || fail "no line past the right margin"

"$MKBRIEF" --dump-layout overlong.yaml >"$T/o.txt" 2>"$T/err"
if [ $? = 0 ]; then
	past $((right - 5400)) <"$T/o.txt" >/dev/null
	[ $? = 0 ] && pass "overlong word and URL broken inside the margins" || fail "overlong word and URL broken inside the margins"
else
	fail "overlong brief lays out ($(head -2 "$T/err"))"
fi

"$MKBRIEF" -o "$T/e.pdf" escaping.yaml 2>"$T/err"
txt=$(pdftotext "$T/e.pdf" - 2>/dev/null | tr '\n' ' ')
case "$txt" in *"Literal <i>tags</i> & &amp; entities"*) pass "markup characters printed as typed" ;; *) fail "markup characters printed as typed: $txt" ;; esac
case "$txt" in *"and *this* is not"*) pass "escaped asterisks printed" ;; *) fail "escaped asterisks printed" ;; esac
case "$txt" in *"Markup <b>escaping</b> & friends"*) pass "title escaped" ;; *) fail "title escaped" ;; esac

"$MKBRIEF" -o "$T/g.pdf" glyph.yaml 2>"$T/err"
st=$?
want="glyph.yaml:10:22: error: a character not in the bundled fonts: '漢' (U+6F22 CJK UNIFIED IDEOGRAPH-6F22)"
if [ $st = 1 ] && grep -qF "$want" "$T/err" && [ ! -e "$T/g.pdf" ]; then pass "missing glyph is an error"; else fail "missing glyph is an error (status $st: $(head -1 "$T/err"))"; fi

# every line of the Korea brief, in every layout, ends inside the text area (but for what
# hangs)
for layout in handout handout-a4 digest; do
	"$MKBRIEF" --dump-layout --layout "$layout" "$ROOT/briefs/korea-jan2018.yaml" >"$T/k.txt" 2>"$T/err"
	past 0 <"$T/k.txt" >"$T/past.txt"
	[ $? = 0 ] && pass "korea ($layout): no line past the right margin" ||
		fail "korea ($layout): no line past the right margin: $(head -1 "$T/past.txt" | cut -c1-120)"
done

# TeX's \looseness against widows: a paragraph whose last line would have been a widow is
# set one line shorter, or one line longer (in the licence corpus, bench/scale, ~80 A4
# pages, or in briefs of our own), and no page of the corpus has a widow or an orphan
if [ -d /usr/share/common-licenses ] && "$ROOT/bench/scale" 1 "$T/v" >/dev/null 2>&1; then
	MKBRIEF_STATS=1 "$MKBRIEF" -q -o "$T/v.pdf" "$T/v/varied.yaml" 2>"$T/vs1.txt"
	MKBRIEF_STATS=1 "$MKBRIEF" --dump-layout --layout handout-a4 "$T/v/varied.yaml" >"$T/v.txt" 2>"$T/vs.txt"
	# whether the corpus meets a widow at all depends on every break before it: briefs of
	# our own (30 long paragraphs after 0 to 11 short ones, so that the page breaks fall
	# everywhere) in the three layouts make sure it does
	mkdir -p "$T/w" && ln -s "$ROOT/briefs/articles" "$T/w/articles"
	python3 - "$T/w" <<'PY'
import random, sys
random.seed(3)
words = "the talks between Moscow and Pyongyang were described as constructive by officials who asked not to be named while the ministry said nothing further about the matter of sanctions or of trade".split()
for k in range(12):
    out = ["title: Widows", "date: 2018-01-22", "sources:", "  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}",
           "sections:", "  - heading: Widows", "    content:"]
    out += ['      - text: "%s"' % " ".join(random.choice(words) for _ in range(12)) for _ in range(k)]
    out += ['      - text: "%s."' % " ".join(random.choice(words) for _ in range(random.randint(60, 120))) for _ in range(30)]
    open("%s/w%02d.yaml" % (sys.argv[1], k), "w").write("\n".join(out) + "\n")
PY
	for f in "$T"/w/w*.yaml; do
		for layout in handout handout-a4 digest; do
			MKBRIEF_STATS=1 "$MKBRIEF" -q --layout $layout -o "$T/w.pdf" "$f" 2>>"$T/ws.txt"
		done
	done
	n=$(cat "$T/vs.txt" "$T/vs1.txt" "$T/ws.txt" | sed -n 's/.*tightened \([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	m=$(cat "$T/vs.txt" "$T/vs1.txt" "$T/ws.txt" | sed -n 's/.*loosened \([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	[ "$n" -ge 1 ] && pass "a paragraph set one line shorter instead of a widow ($n)" ||
		fail "a paragraph set one line shorter instead of a widow: $(head -2 "$T/vs.txt")"
	[ "$m" -ge 1 ] && pass "a paragraph set one line longer instead of a widow ($m)" ||
		fail "a paragraph set one line longer instead of a widow: $(head -2 "$T/vs1.txt")"
	awk '/^page / { page = $2 }
	     / line / { for (i = 1; i <= NF; i++) { if ($i ~ /^para=/) p = substr($i, 6); if ($i ~ /^line=/) { split(substr($i, 6), a, "/"); n = a[2] } }
	                key = p SUBSEP page; cnt[key]++; tot[p] = n }
	     END { for (k in cnt) { split(k, kp, SUBSEP); if (tot[kp[1]] > cnt[k] && cnt[k] < 2) { print "para " kp[1] " page " kp[2]; bad = 1 } } exit bad }' "$T/v.txt" >"$T/vw.txt"
	[ $? = 0 ] && pass "licence corpus: no widows or orphans" || fail "licence corpus: no widows or orphans: $(head -3 "$T/vw.txt" | tr '\n' ';')"
else
	fail "bench/scale could not build the licence corpus"
fi

# A paragraph that ends in a colon introduces the block after it: it is never the last
# thing on a page or column, whatever falls before it (two layouts, 24 lengths of filler)
mkdir -p "$T/lead" && cd "$T/lead" || exit 1
stranded=0 tried=0
for layout in handout digest; do
	for n in $(seq 14 37); do
		{
			printf 'title: Lead-ins\ndate: 2018-01-22\nsources:\n  edm: {file: %s/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: Filler\n    content:\n' "$ROOT"
			for k in $(seq 1 "$n"); do printf '      - text: Filler paragraph %d of the test, long enough to take a whole line of the column or more.\n' "$k"; done
			printf '      - text: "The passage below says it plainly, in the words of the source:"\n'
			printf '      - excerpt: {source: edm, paragraphs: 3}\n'
		} >b.yaml
		"$MKBRIEF" -q --layout $layout --dump-layout b.yaml >d.txt 2>err || { fail "lead-in brief: $(cat err)"; break 2; }
		tried=$((tried + 1))
		# the item after the lead-in's last line: on the same page and column
		awk '/^page / { page = $2 } / line / { for (i = 1; i <= NF; i++) if ($i ~ /^col=/) col = $i
			if (lead) { if (page != lp || col != lc) bad = 1; lead = 0 }
			if (index($0, "in the words of the source:|")) { lead = 1; lp = page; lc = col } }
			END { exit bad }' d.txt || stranded=$((stranded + 1))
	done
done
[ $stranded = 0 ] && [ $tried = 48 ] && pass "a paragraph ending in a colon stays with the block it introduces (48 page and column breaks tried)" ||
	fail "a lead-in ending in a colon was left at a page or column foot in $stranded of $tried briefs"
# An excerpt that opens with a subheading of its source never leaves it at a page's or
# column's foot with the rest on the next (the heading and '(U) Recommendations' stood
# alone at a page foot): no break right after a subheading, nor after an excerpt's first
# line alone.
mkdir -p "$T/subhead" && cd "$T/subhead" || exit 1
{
	printf 'Port Security Guidance\n\nThe guidance was issued in March.\n\nRecommendations\n'
	for k in 1 2 3 4; do
		printf 'Recommendation %d. Operators should drill the handover between shifts every month, record what went wrong, and share the record with the port authority and the ships that call at the terminal.\n\n' "$k"
	done
} >a.txt
bad="" runs=0
for layout in handout handout-a4 digest; do
	for ((lead = 1; lead <= 30; lead++)); do
		{
			printf 'title: Subheading at a foot\ndate: 2025-01-01\nsources:\n  a: {file: a.txt}\nsections:\n  - heading: Lead\n    content:\n'
			for ((j = 0; j < lead; j++)); do echo "      - text: \"Lead $j. The district must choose.\""; done
			printf '  - heading: The five steps\n    content:\n      - excerpt: {source: a, paragraphs: 2-6}\n'
		} >b.yaml
		runs=$((runs + 1))
		"$MKBRIEF" -q --layout "$layout" --dump-layout b.yaml >d.txt 2>err || { bad="$bad; $layout/$lead: $(head -c 100 err)"; continue; }
		r=$(awk '/^page / { p = $2 } { c = ""; for (i = 1; i <= NF; i++) if ($i ~ /^col=/) c = $i }
			/^  line / && seen && !nxt { nxt = p " " c }
			/^  line / && /\|Recommendations\|$/ { h = p " " c; seen = 1 }
			END { if (h != nxt) print "subheading on page " h ", the next line on " nxt }' d.txt)
		[ -n "$r" ] && bad="$bad; $layout, $lead lead: $r"
	done
done
[ -z "$bad" ] && pass "an excerpt's opening subheading stays with its text ($runs briefs, 3 layouts)" ||
	fail "subheading at a foot:${bad:0:500}"

# no page holds nothing to see, nor only a "(continued)" head: in a text block an inch high
# (the least a layout may have) the flow moved all a page began on to the next, and a
# layouts trial found an empty page and one of a repeated head alone
printf 'page:\n  margins: {top: 5in, bottom: 5in}\n' >"$T/inch.yaml"
for b in "$ROOT/briefs/korea-jan2018.yaml" "$ROOT/tests/golden/structures/brief.yaml"; do
	"$MKBRIEF" -q --root "$ROOT" --layout "$T/inch.yaml" --dump-layout "$b" >"$T/inch.txt" 2>"$T/err" || { fail "an inch high: $(head -1 "$T/err")"; continue; }
	empty=$(awk '/^page / { p = $2; seen[p] = 0; pages[n++] = p } /^  (line|row|image|rule) / && !/\(continued\)\|/ { seen[p] = 1 }
		END { for (i = 0; i < n; i++) if (!seen[pages[i]]) printf "%s ", pages[i] }' "$T/inch.txt")
	[ -z "$empty" ] && pass "an inch high, $(basename "$(dirname "$b")"): no page without text ($(head -1 "$T/inch.txt" | grep -o 'pages=[0-9]*'))" ||
		fail "an inch high, $(basename "$(dirname "$b")"): pages with nothing to see: $empty"
done
