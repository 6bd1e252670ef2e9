# rules.sh: a layout's rules may be up to 36pt wide (rules.width), and the layout makes room
# for each: no glyph stands under, or nearer than the default width leaves, a table's rules
# (above it, under its header, below it, between rows; where it breaks too), a box's or the
# Key points' bottom rule, the distribution statement's frame, the title block's and the
# contact's rules. Read off what the PDF draws (tests/tools/ruleclear.py, with mutool), not
# off what mkbrief says it drew. The default width's spacing is the goldens' to keep.
. "$(dirname "$0")/lib.bash"
G="$ROOT/tests/golden"
CLEAR="python3 $ROOT/tests/tools/ruleclear.py"
# the gap at the default width (at least 2pt: a table row's padding, 2.5pt, less the rule)
GAP=1.5
grep -v '^rules:' "$ROOT/layouts/digest.yaml" >"$T/digest.yaml"
for w in 6 12 36; do
	echo "rules: {width: ${w}pt}" >"$T/r$w.yaml"
	{ cat "$T/digest.yaml"; echo "rules: {width: ${w}pt}"; } >"$T/d$w.yaml"
done
# brief layout: the Chronology and the boxes (korea), a table broken across pages in one
# column and in two (table), the distribution statement and the contact (handling)
for run in "$ROOT/briefs/korea-jan2018.yaml r" "$G/table/brief.yaml r" "$G/table/brief.yaml d" \
	"$G/handling/brief.yaml r" "$G/structures/brief.yaml d"; do
	set -- $run
	name=$(basename "$(dirname "$1")")
	[ "$name" = briefs ] && name=korea
	name=$name-$2
	for w in 6 12 36; do
		if ! "$MKBRIEF" -q --layout "$T/$2$w.yaml" -o "$T/$name-$w.pdf" "$1" 2>"$T/err"; then
			fail "$name at ${w}pt: $(head -3 "$T/err")"
			continue
		fi
		if out=$($CLEAR "$T/$name-$w.pdf" $GAP 2>&1); then
			pass "$name, rules ${w}pt: no text within ${GAP}pt of a rule ($out)"
		else
			fail "$name, rules ${w}pt: $(echo "$out" | head -3 | tr '\n' ';') $(echo "$out" | tail -1)"
		fi
	done
done
# the check itself: it sees the rules and the text near them (a rule's gap is not 20pt)
"$MKBRIEF" -q -o "$T/default.pdf" "$ROOT/briefs/korea-jan2018.yaml"
if $CLEAR "$T/default.pdf" $GAP >/dev/null && ! $CLEAR "$T/default.pdf" 20 >/dev/null; then
	pass "self-check: default rules clear by ${GAP}pt, a 20pt margin around them is not"
else
	fail "self-check: $($CLEAR "$T/default.pdf" $GAP | tail -1); at 20pt: $($CLEAR "$T/default.pdf" 20 | tail -1)"
fi
# the distribution statement's frame is inside its padding: a wide one takes the text's
# width, which the layout's check counts (at the key, with the most it may be)
printf '%s\n' "page: {size: a5, margins: {left: 1.85in, right: 1.85in}}" "rules: {width: 36pt}" >"$T/narrow.yaml"
err=$("$MKBRIEF" --check -q --layout "$T/narrow.yaml" "$G/handling/brief.yaml" 2>&1)
if echo "$err" | grep -q "narrow.yaml:2:16: error: rules.width (36pt) leaves the distribution statement's text" &&
	echo "$err" | grep -q "2 × (rules.width − 0.75pt).*rules.width at most 33pt"; then
	pass "a frame too wide for the distribution statement's text is an error at rules.width"
else
	fail "narrow.yaml: $err"
fi
