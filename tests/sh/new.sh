# new.sh: `mkbrief new ARTICLE.txt...` writes a starter brief that passes --check as written
# and renders, with the editor modeline, the articles as sources (unique ids), and one
# example of every block kind; the quote is the article's own words, escaped for YAML.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
cd "$T" || exit 1
mkdir -p articles other
cp "$ROOT"/briefs/articles/*.txt articles/
# an article of our own: a title with a colon, a sentence with straight and curly quotes and
# a backslash, which the quote example must carry through YAML unchanged
cat >articles/memo.txt <<'TXT'
Field memo: the "southern" corridor

Publication: Desk Notes Volume: 1 Issue: 2

The convoy left at dawn. Officials said the route C:\corridor was "open to all traffic" for the first time since the spring floods closed it.

A second paragraph follows, so that the excerpt example has a paragraph of its own to show.
TXT
cp articles/memo.txt other/memo.txt
"$MKBRIEF" new articles/memo.txt articles/edm-*.txt other/memo.txt >brief.yaml 2>err.txt
if [ $? = 0 ] && [ ! -s err.txt ]; then pass "new exits 0, quietly"; else fail "new: $(cat err.txt)"; fi
head -1 brief.yaml | grep -q '^# yaml-language-server: \$schema=.*brief\.schema\.json$' &&
	pass "the editor modeline comes first" || fail "modeline: $(head -1 brief.yaml)"
if "$MKBRIEF" --check brief.yaml 2>check.txt; then pass "the starter brief passes --check as written"; else fail "--check: $(cat check.txt)"; fi
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout $layout brief.yaml -o $layout.pdf 2>/dev/null && pdftotext $layout.pdf - | grep -q "open to all traffic" ||
		{ fail "$layout: the starter brief does not render with its quote"; continue; }
	pass "$layout: the starter brief renders"
done
for kind in text quote excerpt bullets numbered box table chronology; do
	grep -q "^      - $kind:" brief.yaml || fail "no $kind example"
done
grep -q "^      # - figure:" brief.yaml && pass "every block kind has an example (figure commented: it needs a file)" || fail "no figure example"
grep -qF 'text: "Officials said the route C:\\corridor was \"open to all traffic\" for the first time since the spring floods closed it."' brief.yaml &&
	pass "the quote is the source's sentence, escaped for YAML" || fail "quote: $(grep -n 'route' brief.yaml)"
ids=$(sed -n '/^sources:/,/^$/p' brief.yaml | grep -c '^  [a-z0-9].*:$')
sed -n '/^sources:/,/^$/p' brief.yaml | grep -q '^  memo-2:$' && [ "$ids" = 4 ] &&
	pass "four articles, four source ids, made unique" || fail "ids: $(sed -n '/^sources:/,/^$/p' brief.yaml)"
SOURCE_DATE_EPOCH=86400 "$MKBRIEF" new articles/memo.txt | grep -q '^date: 1970-01-02$' &&
	pass "the date is today's (SOURCE_DATE_EPOCH's)" || fail "date"
out=$("$MKBRIEF" new articles/memo.txt nosuch.txt 2>err.txt)
st=$?
if [ $st = 1 ] && [ -z "$out" ] && grep -q "error: cannot read.*nosuch.txt" err.txt; then pass "a missing article: exit 1, nothing written"; else fail "missing article: $st $(cat err.txt)"; fi
"$MKBRIEF" new >/dev/null 2>err.txt
[ $? = 2 ] && grep -q "no article given" err.txt && pass "no article: usage error, exit 2" || fail "no article: $(cat err.txt)"
# the example quote leaves out the reference marks that end its sentence, and still builds
printf 'Traffic report\n\nTraffic on the route reached 36.3 million tonnes in 2023, according to the figures published in January.[1][2] More came later.\n' >articles/marks.txt
"$MKBRIEF" new articles/marks.txt >marks.yaml 2>err.txt
grep -qF 'text: "Traffic on the route reached 36.3 million tonnes in 2023, according to the figures published in January."' marks.yaml &&
	"$MKBRIEF" -q --check marks.yaml 2>>err.txt && pass "the example quote ends at its words, not at the source's reference marks" ||
	fail "quote with reference marks: $(grep -n 'Traffic on' marks.yaml) $(cat err.txt)"
# a sentence holding a control character cannot be quoted (a brief's value may not hold
# one): the example quote is the first sentence without one
printf 'Controls\n\nThe first line has a \001stray control character in it.\n\nThe second paragraph is clean and long enough to quote in full here.\n' >articles/ctl.txt
"$MKBRIEF" new articles/ctl.txt >ctl.yaml 2>err.txt
grep -qF 'text: "The second paragraph is clean and long enough to quote in full here."' ctl.yaml &&
	"$MKBRIEF" -q --check ctl.yaml 2>>err.txt && pass "the example quote skips a sentence holding a control character" ||
	fail "quote with a control character: $(grep -n 'text:' ctl.yaml | head -3) $(cat err.txt)"
# `--` ends the options: an article whose name starts with '-' follows it
cp "$ROOT/briefs/articles/edm-2017-v14i42-another-russian-failure.txt" ./-odd.txt
if "$MKBRIEF" new -- -odd.txt >odd.yaml 2>"$T/err" && "$MKBRIEF" --check odd.yaml 2>>"$T/err"; then
	pass "new -- -odd.txt writes a brief that checks"
else
	fail "new --: $(head -3 "$T/err")"
fi
# an article whose title is longer than a brief's title may be (500 characters): the
# title and the first heading are cut at a word and end in an ellipsis, and the brief
# checks (it failed its own --check: a hostile trial)
{ for i in $(seq 1 60); do printf 'Long title %d ' "$i"; done; printf '\n\nA paragraph of the article, long enough to quote in full here.\n'; } >articles/long-title.txt
"$MKBRIEF" new articles/long-title.txt >long.yaml 2>err.txt
if "$MKBRIEF" -q --check long.yaml 2>>err.txt && [ "$(grep -c '^title: "Long title 1 .*[0-9]…"$\|^  - heading: "Long title 1 .*[0-9]…"$' long.yaml)" = 2 ]; then
	pass "new: a title over 500 characters is cut at a word for the brief's title and heading"
else
	fail "new, long title: $(grep -n '^title\|heading:' long.yaml | cut -c1-60) $(head -2 err.txt)"
fi

# the brief reads its sources relative to itself: written to a file in another directory
# than the one new runs in, it names them from there (it named them from where new ran, and
# failed its own --check: a new user's trial)
mkdir -p "$T/far/away" "$T/far/articles" && cp "$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt" "$T/far/articles/a.txt"
(cd "$T/far/away" && "$MKBRIEF" new ../articles/a.txt >../b.yaml) 2>"$T/err"
if grep -q '^    file: "articles/a.txt"' "$T/far/b.yaml" && "$MKBRIEF" --check "$T/far/b.yaml" 2>>"$T/err"; then
	pass "new: a brief written to another directory names its sources from there, and passes --check"
else
	fail "new into another directory: $(grep '    file:' "$T/far/b.yaml") $(cat "$T/err")"
fi

# a file's name is written as it is, a TAB as "\t": written as a space, the starter brief
# named a file that is not there and failed its own --check (a hostile trial)
mkdir -p "$T/tab" && cd "$T/tab" || exit 1
tabbed=$(printf 'tab\tx.txt')
printf 'A title\n\nParagraph one is here.\n' >"$tabbed"
"$MKBRIEF" new "$tabbed" >b.yaml 2>err.txt && "$MKBRIEF" --check b.yaml 2>>err.txt &&
	grep -qF 'file: "tab\tx.txt"' b.yaml && pass "new: a file name with a TAB passes --check" ||
	fail "new with a TAB in the name: $(cat err.txt) $(grep file: b.yaml)"

# the quote and the excerpt it picks are ones the bundled fonts can print: a source that
# opens with a Hebrew sentence made a starter brief that failed its own --check (a hostile
# trial)
mkdir -p "$T/script" && cd "$T/script" || exit 1
printf 'Title\n\n\327\251\327\234\327\225\327\235 \327\242\327\225\327\234\327\235 \327\226\327\224 \327\230\327\247\327\241\327\230. Second sentence here.\n\nMore text of the source.\n' >art.txt
"$MKBRIEF" new art.txt >b.yaml 2>err.txt && "$MKBRIEF" --check b.yaml 2>>err.txt &&
	pass "new: a source with a sentence the fonts cannot print gives a starter that passes --check" ||
	fail "new with a Hebrew sentence: $(head -3 err.txt)"

# a title with asterisks goes into the brief's own text (title, heading, the sources table),
# which takes *emphasis*: "*Update*: ..." set "Update" in italics, and an unclosed one
# warned in the starter brief; now each asterisk is escaped, and prints as in the title
mkdir -p "$T/stars" && cd "$T/stars" || exit 1
printf '*Update*: the ** report, 5 * 3\n\nParagraph one is here.\n' >art.txt
"$MKBRIEF" new art.txt >b.yaml 2>err.txt && "$MKBRIEF" --check b.yaml 2>>err.txt && [ ! -s err.txt ] &&
	"$MKBRIEF" -q --dump-layout b.yaml 2>>err.txt | grep -qF 'font="Noto Sans Bold 20" |*Update*: the ** report, 5 * 3|' &&
	pass "new: a title's asterisks print as typed, with no warning" ||
	fail "new with asterisks in the title: $(head -3 err.txt) $(grep -m1 title: b.yaml)"
