# golden-bites.sh: the golden suite catches small changes: a layout value moved by 1 pt and
# one word changed in an excerpted article paragraph each fail, name the page and leave
# images; missing and orphaned goldens fail; blessing works; `mkbrief diff` exit codes.
. "$(dirname "$0")/lib.bash"
cd "$ROOT"
G=tests/golden
unset GOLDEN_STRICT

# copy_fixture NAME DEST: the fixture's files and goldens, without touching tests/golden
copy_fixture() { mkdir -p "$2" && cp "$G/$1"/* "$2"/ && cp "$G/ENV" "$(dirname "$2")/ENV"; }

# run_golden DIR OUT [ARGS]: the real runner on another fixture directory; output in $T/r
run_golden() {
	local dir=$1 out=$2
	shift 2
	GOLDEN_DIR="$dir" GOLDEN_OUT="$out" bash tests/sh/golden.sh "$@" >"$T/r" 2>"$T/r.err"
}

# expect_page_fail LABEL OUT NAME PAGE: the run failed, a FAIL line names page PAGE of
# NAME, and the images of that page, the layout diff and index.html exist.
expect_page_fail() {
	local label=$1 out=$2 name=$3 page=$4 st=$5
	if [ "$st" = 0 ]; then fail "$label: the suite fails (it passed)"; return; fi
	if grep -q "^FAIL golden/$name: page $page: " "$T/r"; then
		pass "$label: fails and names page $page ($(grep -m1 "^FAIL golden/$name: page $page: " "$T/r" | cut -c1-120))"
	else
		fail "$label: fails and names page $page: $(grep '^FAIL' "$T/r" | head -3 | tr '\n' ';')"
	fi
	local missing=""
	for f in "p$page-golden.png" "p$page-new.png" "p$page-diff.png" "p$page-sbs.png" new.pdf layout.diff; do
		[ -s "$out/$name/$f" ] || missing="$missing $f"
	done
	[ -s "$out/index.html" ] || missing="$missing index.html"
	[ -z "$missing" ] && pass "$label: images, new.pdf, layout.diff and index.html written" ||
		fail "$label: missing:$missing"
}

# 1. One layout value by 1 pt: excerpts indented 19pt instead of 18pt in the Korea handout.
copy_fixture korea-handout "$T/g1/korea-handout"
sed 's/^excerpt: {indent: 18pt,/excerpt: {indent: 19pt,/' layouts/handout.yaml >"$T/handout-19.yaml"
if cmp -s layouts/handout.yaml "$T/handout-19.yaml"; then
	fail "layout +1pt: layouts/handout.yaml no longer has 'excerpt: {indent: 18pt,'"
else
	echo "--layout $T/handout-19.yaml" >"$T/g1/korea-handout/args"
	# the first page with an excerpt line (x = its indent) in the golden's layout
	page=$(awk '/^page / { p = $2 } / line / && /font="Noto Serif 10.5"/ { print p; exit }' "$T/g1/korea-handout/layout.txt")
	run_golden "$T/g1" "$T/o1"
	expect_page_fail "layout +1pt" "$T/o1" korea-handout "${page:-?}" $?
	grep -q '^FAIL golden/korea-handout: .*layout.diff: [1-9]' "$T/r" &&
		pass "layout +1pt: the failure counts layout.diff lines" || fail "layout +1pt: layout.diff lines in the message"
	# the same change within a generous tolerance passes mkbrief diff
	"$MKBRIEF" diff --pixel-tol 100000000 "$T/g1/korea-handout/golden.pdf" "$T/o1/korea-handout/new.pdf" >"$T/tol.txt"
	st=$?
	[ $st = 0 ] && pass "pixel_tol: a shifted indent passes within tolerance" ||
		fail "pixel_tol: status $st: $(head -2 "$T/tol.txt" | tr '\n' ';')"
fi

# 2. One word of an excerpted paragraph (paragraph 3, excerpted by 'paragraphs: 1-5'): the
# same tree shape in $T, so the brief's relative article path finds the changed copy.
A=edm-2018-v15i7-russia-uses-korean-crisis.txt
copy_fixture long-excerpt "$T/tree/tests/golden/long-excerpt"
mkdir -p "$T/tree/briefs/articles"
sed '11s/Moscow and Pyongyang share the same/Moscow and Pyongyang split the same/' "briefs/articles/$A" >"$T/tree/briefs/articles/$A"
if cmp -s "briefs/articles/$A" "$T/tree/briefs/articles/$A"; then
	fail "article word: paragraph 3 no longer starts 'Moscow and Pyongyang share the same'"
else
	page=$(awk '/^page / { p = $2 } /\|Moscow and Pyongyang share/ { print p; exit }' "$T/tree/tests/golden/long-excerpt/layout.txt")
	run_golden "$T/tree/tests/golden" "$T/o2"
	expect_page_fail "article word" "$T/o2" long-excerpt "${page:-?}" $?
	grep -q "^FAIL golden/long-excerpt: page ${page:-?}: .*text differs: \"share the same" "$T/r" &&
		pass "article word: the text change is quoted" || fail "article word: text change quoted: $(grep -m1 FAIL "$T/r")"
fi

# 3. A fixture without a golden fails (never blessed silently); blessing creates it; a
# golden whose fixture is gone fails the run.
mkdir -p "$T/g3/elision"
cp "$G/elision/brief.yaml" "$T/g3/elision/"
sed -i 's#\.\./\.\./\.\./briefs/#'"$ROOT"'/briefs/#' "$T/g3/elision/brief.yaml"
cp "$G/ENV" "$T/g3/ENV"
run_golden "$T/g3" "$T/o3"
st=$?
[ $st != 0 ] && grep -q '^FAIL golden/elision: no golden: run make golden NAME=elision' "$T/r" && [ ! -e "$T/g3/elision/golden.pdf" ] &&
	pass "missing golden fails and is not created" || fail "missing golden fails (status $st): $(grep -m1 elision "$T/r")"
run_golden "$T/g3" "$T/o3" --bless elision
st=$?
[ $st = 0 ] && grep -q '^elision: new golden, [0-9]* pages' "$T/r" && [ -s "$T/g3/elision/golden.pdf" ] && [ -s "$T/g3/elision/layout.txt" ] &&
	[ -z "$(ls -A "$T/g3/elision" | grep '^\.')" ] && pass "bless creates golden.pdf and layout.txt, no temporary left" ||
	fail "bless creates the golden (status $st): $(head -2 "$T/r" "$T/r.err" | tr '\n' ';')"
run_golden "$T/g3" "$T/o3"
[ $? = 0 ] && pass "blessed fixture passes" || fail "blessed fixture passes: $(grep -m1 FAIL "$T/r")"
sed -i 's/heading: Elided passages/heading: Elided passage/' "$T/g3/elision/brief.yaml"
run_golden "$T/g3" "$T/o3" --bless elision
grep -q '^elision: page 1: .*px differ' "$T/r" && grep -q '^elision: re-blessed' "$T/r" &&
	pass "re-bless prints what changed per page" || fail "re-bless prints what changed: $(head -3 "$T/r" | tr '\n' ';')"
mkdir -p "$T/g3/gone"
cp "$T/g3/elision/golden.pdf" "$T/g3/elision/layout.txt" "$T/g3/gone/"
run_golden "$T/g3" "$T/o3"
[ $? != 0 ] && grep -q '^FAIL golden/gone: golden without a fixture' "$T/r" &&
	pass "a golden without its fixture fails" || fail "a golden without its fixture fails: $(head -3 "$T/r" | tr '\n' ';')"

# 4. mkbrief diff on its own: 0 same, 1 different, 2 error.
P1="$G/elision/golden.pdf" P2="$G/pull-quote/golden.pdf"
"$MKBRIEF" diff "$P1" "$P1" >"$T/d" 2>&1
[ $? = 0 ] && [ ! -s "$T/d" ] && pass "diff: same file, status 0, silent" || fail "diff: same file"
"$MKBRIEF" diff --out "$T/d1" "$P1" "$P2" >"$T/d" 2>&1
st=$?
[ $st = 1 ] && grep -q '^page 1: .*px differ' "$T/d" && [ -s "$T/d1/p1-diff.png" ] &&
	pass "diff: different files, status 1, page lines, images" || fail "diff: different files (status $st)"
"$MKBRIEF" diff "$P1" "$T/nope.pdf" >"$T/d" 2>&1
[ $? = 2 ] && grep -q "nope.pdf: error: cannot read" "$T/d" && pass "diff: missing file, status 2" || fail "diff: missing file: $(cat "$T/d")"
"$MKBRIEF" diff "$P1" layouts/handout.yaml >"$T/d" 2>&1
[ $? = 2 ] && grep -q "error: not a readable PDF" "$T/d" && pass "diff: not a PDF, status 2" || fail "diff: not a PDF: $(cat "$T/d")"
"$MKBRIEF" diff --channel-tol 300 "$P1" "$P1" >"$T/d" 2>&1
[ $? = 2 ] && pass "diff: bad option value, status 2" || fail "diff: bad option value"
# fonts: every font of the new file is bundled or one the golden has too (a PDF figure's own
# font, which cairo embeds as "CairoFont-0-0", is no regression); the golden is the reference
P3="$G/figure-pdf/golden.pdf"
"$MKBRIEF" diff --fonts fonts "$P1" "$P3" >"$T/d" 2>&1
[ $? = 1 ] && grep -q '^font .*CairoFont-0-0 in new is not one of the bundled fonts' "$T/d" &&
	pass "diff --fonts: a font in new that is neither bundled nor in the golden is reported" ||
	fail "diff --fonts: new's unbundled font: $(grep font "$T/d")"
"$MKBRIEF" diff --fonts fonts "$P3" "$P1" >"$T/d" 2>&1
! grep -q 'font' "$T/d" && pass "diff --fonts: the golden's own fonts are not reported" ||
	fail "diff --fonts: golden's fonts reported: $(grep font "$T/d")"

# Pages too large to draw at the asked dpi are compared at a dpi that fits, and said so:
# at 200 dpi a 200 in page is past Cairo's 32,767 pixels, and two pages that differ
# (the accent colour) compared "same", exit 0 (a hostile trial).
mkdir -p "$T/big/layouts" && cd "$T/big" || exit 1
printf 'page: {width: 200in, height: 200in}\n' >layouts/huge.yaml
printf 'page: {width: 200in, height: 200in}\ncolors: {accent: "#000000"}\n' >layouts/huge2.yaml
for l in huge huge2; do
	printf 'title: Big\ndate: 2018-01-22\nlayout: %s\nsources:\n  a: {file: %s}\nsections:\n  - heading: One\n    content:\n      - text: Hello world.\n' \
		"$l" "$ROOT/briefs/articles/edm-2017-v14i42-another-russian-failure.txt" >"brief-$l.yaml"
	"$MKBRIEF" -q "brief-$l.yaml" -o "$l.pdf" || fail "big page: brief-$l.yaml does not build"
done
out=$("$MKBRIEF" diff --dpi 200 huge.pdf huge2.pdf 2>&1)
st=$?
if [ $st = 1 ] && [[ "$out" == *"compared at "*" dpi (the page is too large for 200)"*"px differ"* ]]; then
	pass "diff: a page too large for the dpi is compared at one that fits"
else
	fail "diff of large pages: status $st: $out"
fi
cd "$ROOT" || exit 1
