# layout-keys.sh: the look of each block comes from the layout: a layout that changes the
# title block's, the lists', the box's, the quotes', the excerpts' and the Sources page's
# spacing moves exactly those lines (read off --dump-layout, in hundredths of a point).
. "$(dirname "$0")/lib.bash"
cat >"$T/keys.yaml" <<'YAML'
title-block: {subtitle-space: 5pt}
bullets: {indent: 20pt, marker-inset: 5pt}
summary: {title-space: 7pt}
quote: {bar-gap: 12pt}
excerpt: {padding: 10pt}
sources: {indent: 30pt}
YAML
dump() { "$MKBRIEF" -q "$@" --dump-layout "$ROOT/briefs/korea-jan2018.yaml"; }
dump >"$T/default.txt" || fail "the default layout"
dump --layout "$T/keys.yaml" >"$T/keys.txt" || fail "keys.yaml: $(dump --layout "$T/keys.yaml" 2>&1 >/dev/null | head -3)"
# first_x FILE PATTERN: the x of the first line whose text or font matches
first_x() { awk -v p="$2" '$1 == "line" && index($0, p) { for (i = 1; i <= NF; i++) if ($i ~ /^x=/) { sub("x=", "", $i); print $i; exit } }' "$1"; }
after() { # after FILE PATTERN: the height of the space right after the first line matching
	awk -v p="$2" 'f && $1 == "space" { sub("h=", "", $NF); print $NF; exit } $1 == "line" && index($0, p) { f = 1 }' "$1"
}
expect() { # NAME GOT-DEFAULT GOT-KEYS WANT-DEFAULT WANT-KEYS
	if [ "$2" = "$4" ] && [ "$3" = "$5" ]; then pass "$1: $4 -> $5"; else fail "$1: want $4 -> $5, got $2 -> $3"; fi
}
expect "title-block.subtitle-space" "$(after "$T/default.txt" 'Sans Bold 20')" "$(after "$T/keys.txt" 'Sans Bold 20')" 200 500
expect "summary.title-space" "$(after "$T/default.txt" '|Key points|')" "$(after "$T/keys.txt" '|Key points|')" 300 700
# Key points bullets: margin 90 + box padding 9 + the list's indent
expect "bullets.indent" "$(first_x "$T/default.txt" '|(U) Putin now')" "$(first_x "$T/keys.txt" '|(U) Putin now')" 11200 11900
# pull quote text: margin 90 + quote indent 24 + bar 3 + the gap
expect "quote.bar-gap" "$(first_x "$T/default.txt" 'Serif Italic 12')" "$(first_x "$T/keys.txt" 'Serif Italic 12')" 12600 12900
# excerpt text: margin 90 + excerpt indent 18 + bar 2 + the padding
expect "excerpt.padding" "$(first_x "$T/default.txt" 'Serif 10.5')" "$(first_x "$T/keys.txt" 'Serif 10.5')" 11600 12000
expect "sources.indent" "$(first_x "$T/default.txt" '|Russia Uses Korean')" "$(first_x "$T/keys.txt" '|Russia Uses Korean')" 10900 12000
# a misspelt key in a new section is reported like any other
printf 'bullets: {indnet: 20pt}\n' >"$T/bad.yaml"
err=$(dump --layout "$T/bad.yaml" 2>&1 >/dev/null)
case $err in
*"1:11: error: unknown key 'indnet' in bullets; did you mean 'indent'?"*) pass "bullets.indnet: did you mean" ;;
*) fail "bullets.indnet: $err" ;;
esac

# a text area of exactly 1in passes (1.9in less two margins of 0.45in, a rounding error
# short in floating point), one a hundredth of an inch less does not
for h in 1.9in 1.89in; do
	printf 'page: {width: 8.5in, height: %s, margins: {top: 0.45in, bottom: 0.45in}}\n' "$h" >"$T/area.yaml"
	"$MKBRIEF" --check -q --layout "$T/area.yaml" "$ROOT/briefs/korea-jan2018.yaml" 2>"$T/area.err"
	echo "$h $?"
done >"$T/area.txt"
[ "$(tr '\n' ' ' <"$T/area.txt")" = "1.9in 0 1.89in 1 " ] && grep -q "at least 1in x 1in is needed" "$T/area.err" &&
	pass "a text area of exactly 1in is enough, 0.99in is not" || fail "text area: $(tr '\n' ' ' <"$T/area.txt") $(head -1 "$T/area.err")"

# a layout that is a link to nothing is no layout: not listed, not offered as its own
# "did you mean"
mkdir -p "$T/dl/layouts" && ln -s /nonexistent "$T/dl/layouts/dangling.yaml" && ln -s "$ROOT/briefs/articles" "$T/dl/articles"
printf 'title: T\nlayout: dangling\ndate: 2018-01-22\nsources:\n  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: h\n    content:\n      - text: x\n' >"$T/dl/b.yaml"
(cd "$T/dl" && "$MKBRIEF" --check b.yaml) 2>"$T/dl/err"
st=$?
listed=$(cd "$T/dl" && "$MKBRIEF" --list-layouts b.yaml 2>/dev/null | grep -c dangling)
[ $st = 1 ] && grep -q "unknown layout 'dangling'" "$T/dl/err" && ! grep -q "did you mean 'dangling'" "$T/dl/err" && [ "$listed" = 0 ] &&
	pass "a dangling layout link is no layout (not listed, not suggested)" || fail "dangling layout: status $st, listed $listed: $(head -1 "$T/dl/err")"

# an unknown layout lists where layouts are, not each place of the search path that holds
# none ("there are no layouts in layouts", from a brief's directory without one)
mkdir -p "$T/nl" && ln -s "$ROOT/briefs/articles" "$T/nl/articles"
printf 'title: T\nlayout: handot\ndate: 2018-01-22\nsources:\n  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: h\n    content:\n      - text: x\n' >"$T/nl/b.yaml"
(cd "$T/nl" && "$MKBRIEF" --check b.yaml) 2>"$T/nl/err"
if grep -q "did you mean 'handout'" "$T/nl/err" && grep -q "available layouts (in .*): digest, handout, handout-a4" "$T/nl/err" && ! grep -q "there are no layouts" "$T/nl/err"; then
	pass "an unknown layout: 'did you mean', where the layouts are, no note on empty places"
else
	fail "unknown layout notes: $(tr '\n' '|' <"$T/nl/err")"
fi

# --list-layouts BRIEF with no such brief (a typo) listed the other layouts as if its
# directory held none, status 0; now an error, status 1, the name printed visibly
out=$(cd "$T/esc" 2>/dev/null || cd "$T"; "$MKBRIEF" --list-layouts "no-such"$'\e'"[2J.yaml" 2>&1)
st=$?
[ $st = 1 ] && [ "$out" = 'no-such\x1b[2J.yaml: error: --list-layouts cannot read the brief: No such file or directory' ] &&
	pass "--list-layouts of a brief that is not there is an error" || fail "--list-layouts no brief: status $st: $out"

# --list-layouts shows a file name as diagnostics do: an escape sequence in it (ESC [2J
# clears a terminal) is printed visibly, never raw
mkdir -p "$T/esc/layouts" && cp "$ROOT/layouts/handout.yaml" "$T/esc/layouts/x"$'\e'"[2J.yaml"
out=$(cd "$T/esc" && "$MKBRIEF" --list-layouts)
! grep -q $'\e' <<<"$out" && grep -qF 'x\x1b[2J' <<<"$out" && pass "--list-layouts prints an escape in a file name visibly" ||
	fail "--list-layouts: $(od -c <<<"$out" | head -2)"
# colours a reader cannot read are warned of at their key: white text on the white page, a
# table's tint as dark as its text (accepted silently: a hostile trial); the shipped layouts'
# colours are not
printf 'fonts:\n  body: {color: "#FFFFFF"}\ntable: {tint: "#000000"}\n' >"$T/white.yaml"
printf 'fonts:\n  excerpt: {color: "#333333"}\ntable: {tint: "#222222"}\n' >"$T/dark.yaml"
w=$("$MKBRIEF" --check --layout "$T/white.yaml" "$ROOT/briefs/korea-jan2018.yaml" 2>&1 | grep -c 'white.yaml:2:17: warning: fonts.body.color #FFFFFF against the page.s white: a contrast of 1.0:1')
d=$("$MKBRIEF" --check --layout "$T/dark.yaml" "$ROOT/briefs/korea-jan2018.yaml" 2>&1 | grep -c 'dark.yaml:3:15: warning: table.tint #222222 against the body text.s colour: a contrast of 1.[0-9]:1')
shipped=0
for l in "$ROOT"/layouts/*.yaml; do shipped=$((shipped + $("$MKBRIEF" --check --layout "$l" "$ROOT/briefs/korea-jan2018.yaml" 2>&1 | grep -c contrast))); done
[ "$w$d$shipped" = 110 ] && pass "white text and a tint as dark as the text are warned of at their keys, the shipped layouts not" ||
	fail "faint colours: white $w, dark tint $d, shipped layouts $shipped warnings"
# a layout that is a link leading nowhere (a loop) is named as unreadable, not as unknown
# ("unknown layout 'l1'" sent the reader looking elsewhere: a hostile trial)
mkdir -p "$T/loop/layouts" && ln -s l2.yaml "$T/loop/layouts/l1.yaml" && ln -s l1.yaml "$T/loop/layouts/l2.yaml"
cp "$ROOT/briefs/korea-jan2018.yaml" "$T/loop/" && cp -r "$ROOT/briefs/articles" "$ROOT/briefs/figures" "$T/loop/"
out=$(cd "$T/loop" && "$MKBRIEF" --check --layout l1 korea-jan2018.yaml 2>&1)
grep -q "error: layout 'l1' is layouts/l1.yaml, which cannot be read: Too many levels of symbolic links" <<<"$out" &&
	pass "a layout that is a loop of links is named as unreadable" || fail "layout loop: $out"
# a layout file that cannot be read (a device) is said at the file, and the brief's layout:
# that named it is shown (the error had no line in the brief: a hostile trial)
mkdir -p "$T/dev/layouts" && ln -s /dev/zero "$T/dev/layouts/z.yaml" && ln -s "$ROOT/briefs/articles" "$T/dev/articles"
printf 'layout: z\ntitle: T\ndate: 2018-01-22\nsources:\n  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: h\n    content:\n      - text: x\n' >"$T/dev/b.yaml"
out=$(cd "$T/dev" && "$MKBRIEF" --check b.yaml 2>&1)
grep -q "^layouts/z.yaml: error: cannot read: is not a regular file" <<<"$out" && grep -q "^b.yaml:1:9: note: the layout 'z' is named here" <<<"$out" &&
	pass "an unreadable layout file is said at the file and at the brief's layout:" || fail "device layout: $out"

# A brief's "layout: digest.yaml" is the layout digest, and "mine.yaml" its own layouts/mine.yaml:
# the file name was read from the directory mkbrief ran in, so the same brief passed or
# failed by where it was built, and read a file of that directory.
mkdir -p "$T/cwd/run" "$T/cwd/b/layouts"
ln -s "$ROOT/briefs/articles" "$T/cwd/b/articles"
ln -s "$ROOT/briefs/figures" "$T/cwd/b/figures"
printf 'no-such-key: 1\n' >"$T/cwd/run/digest.yaml"
printf 'no-such-key: 1\n' >"$T/cwd/run/mine.yaml"
printf 'columns: 2\n' >"$T/cwd/b/layouts/mine.yaml"
for name in digest mine; do
	sed "s|^layout: .*|layout: $name.yaml|" "$ROOT/briefs/korea-jan2018.yaml" >"$T/cwd/b/brief-$name.yaml"
	(cd "$T/cwd/run" && "$MKBRIEF" -q --dump-layout "../b/brief-$name.yaml") >"$T/cwd/$name.txt" 2>"$T/cwd/err"
	if [ $? = 0 ] && [ ! -s "$T/cwd/err" ] && grep -q "col=1" "$T/cwd/$name.txt"; then
		pass "a brief's layout: $name.yaml is the layout $name, not ./$name.yaml"
	else
		fail "layout: $name.yaml: $(head -2 "$T/cwd/err")"
	fi
done

# the banners and running heads are drawn in the margins: a banner too large for them was
# drawn off the page, silently (a hostile trial); heads too large for them too
printf 'page: {margins: {top: 0.75in, bottom: 0.75in}}\nfonts:\n  banner: {size: 40pt}\n' >"$T/band.yaml"
"$MKBRIEF" --check -q --layout "$T/band.yaml" "$ROOT/briefs/korea-jan2018.yaml" 2>"$T/band.err"; st=$?
[ $st = 1 ] && grep -q "band.yaml:3:11: error: a banner of 40pt does not fit in the margins .*at most 31.5pt does" "$T/band.err" &&
	pass "a banner too large for the margins is an error at its size" || fail "banner 40pt: status $st: $(cat "$T/band.err")"
printf 'fonts:\n  small: {size: 30pt}\nbanners: false\n' >"$T/band.yaml"
"$MKBRIEF" --check -q --layout "$T/band.yaml" "$ROOT/briefs/korea-jan2018.yaml" 2>"$T/band.err"; st=$?
[ $st = 1 ] && grep -q "band.yaml:2:10: error: running heads and feet of 30pt (the small font) do not fit" "$T/band.err" &&
	pass "running heads too large for the margins are an error at their size" || fail "small 30pt: status $st: $(cat "$T/band.err")"

# text.paragraph-space 0: an excerpt's paragraphs after the first take the first-line indent
# (an em without one), so that the source's paragraph breaks show (a new user's trial: they
# ran together with neither space nor indent)
mkdir -p "$T/paras" && cd "$T/paras" || exit 1
ln -sf "$ROOT/briefs/articles" articles
printf 'text: {first-indent: 12pt, paragraph-space: 0pt}\n' >tight.yaml
cat >b.yaml <<'YAML'
title: Paragraphs
date: 2018-01-22
sources:
  e: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: One
    content:
      - excerpt: {source: e, paragraphs: 2-3}
YAML
"$MKBRIEF" -q --layout ./tight.yaml -o b.pdf b.yaml 2>err.txt
# the first words of the two paragraphs ("On December 22", "Moscow and Pyongyang"), their
# left edges (the paragraph's later Moscows stand further right)
x1=$(pdftotext -bbox b.pdf - | awk -F'"' '/<word/ && />On</ { print int($2); exit }')
x2=$(pdftotext -bbox b.pdf - | awk -F'"' '/<word/ && />Moscow</ && int($2) < 200 { print int($2); exit }')
[ -n "$x1" ] && [ -n "$x2" ] && [ $((x2 - x1)) -ge 11 ] && [ $((x2 - x1)) -le 13 ] &&
	pass "paragraph-space 0: an excerpt's second paragraph is indented 12pt ($x1, $x2)" ||
	fail "excerpt paragraphs with paragraph-space 0: first words at $x1 and $x2 $(head -1 err.txt)"
cd "$ROOT" || exit 1

# fonts.ROLE.caps sets that role in capitals, whatever the role (a layouts trial: only the
# running heads' and the banner's took it), letters beyond ASCII too
cat >"$T/caps.yaml" <<'YAML'
fonts:
  title: {caps: true}
  heading: {caps: true}
  table-head: {caps: true}
  box-head: {caps: true}
YAML
caps=$(dump --layout "$T/caps.yaml" | grep -E '^  (line|row) ' | cut -d'|' -f2-)
for want in "RUSSIA AND THE KOREAN CRISIS" "MOSCOW’S READING OF PYONGYANG" "CHRONOLOGY" ":DATE " "KEY POINTS" "(U) Putin now treats"; do
	grep -qF "$want" <<<"$caps" && pass "caps: '$want'" || fail "caps: no '$want' in: $(head -c 300 <<<"$caps")"
done
# summary.title: "" sets no title, as a box's does (a layouts trial: an empty line stood there)
printf 'summary: {title: ""}\n' >"$T/notitle.yaml"
dump --layout "$T/notitle.yaml" >"$T/notitle.txt" || fail "summary.title empty: $(dump --layout "$T/notitle.yaml" 2>&1 >/dev/null | head -2)"
if ! grep -q '|Key points|' "$T/notitle.txt" && ! grep -q '^  line .*||$' "$T/notitle.txt" &&
	[ "$(first_x "$T/notitle.txt" '|(U) Putin now')" = "$(first_x "$T/default.txt" '|(U) Putin now')" ]; then
	pass "summary.title: \"\" sets no title and no empty line"
else
	fail "summary.title empty: $(grep -c '||$' "$T/notitle.txt") empty lines"
fi
