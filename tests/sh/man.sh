# man.sh: the manual pages in man/ are clean mdoc (mandoc -T lint), render with man -l, and
# name every option mkbrief and mkbrief diff print in their --help and every key and block
# kind the loaders accept (tests/tools/mankeys.py reads them from src/load/), so that a new
# option or key cannot ship undocumented.
. "$(dirname "$0")/lib.bash"
MAN="$ROOT/man"
PAGES="mkbrief.1 mkbrief-diff.1 mkbrief-brief.5 mkbrief-layout.5"
DIFF="$(dirname "$MKBRIEF")/mkbrief-diff"

for p in $PAGES; do
	if [ ! -f "$MAN/$p" ]; then
		fail "$p: missing"
		continue
	fi
	# mandoc exits 0 on style notes it does not count as warnings; any output is a finding
	out=$(mandoc -T lint -W warning "$MAN/$p" 2>&1)
	if [ -z "$out" ]; then pass "$p: mandoc -T lint clean"; else fail "$p: mandoc -T lint: $(echo "$out" | head -5)"; fi
	# in the C locale, so that groff sets ASCII and warns of any character it cannot show
	LC_ALL=C MANWIDTH=80 MANPAGER=cat PAGER=cat man -l "$MAN/$p" >"$T/$p.man" 2>"$T/$p.err" </dev/null
	lines=$(wc -l <"$T/$p.man")
	# groff's warnings fail; man's own note about an unknown locale says nothing of the page
	grep -v "^man: can't set the locale" "$T/$p.err" >"$T/$p.err2"
	if [ "$lines" -gt 20 ] && [ ! -s "$T/$p.err2" ]; then
		pass "$p: man -l renders $lines lines"
	else
		fail "$p: man -l: $lines lines; $(head -3 "$T/$p.err2")"
	fi
	# plain text, wide enough that no name is broken at a hyphen, for the checks below
	mandoc -T ascii -O width=300 "$MAN/$p" | sed 's/.\x08//g' >"$T/$p.txt"
done

# every key, block kind and value the loaders accept, each defined by an item of a list
if out=$(python3 "$ROOT/tests/tools/mankeys.py" "$ROOT/src" "$MAN/mkbrief-brief.5" "$MAN/mkbrief-layout.5"); then
	pass "keys: $(echo "$out" | tail -1)"
else
	echo "$out" | grep -v '^checked ' | while IFS= read -r line; do fail "undocumented: $line"; done
fi

# options: every "-x" or "--name" an option line or usage line of a --help names must be
# defined by an item of the page's lists (".It Fl -dpi Ar n"), not only used in an example
terms() { python3 "$ROOT/tests/tools/mankeys.py" terms "$MAN/$1"; }
options() { # options PAGE: the options in standard input missing from PAGE's items
	grep -E '^(usage:| +-)' | grep -oE '(^|[ [])--?[a-z][a-z-]*' | tr -d ' [' | sort -u >"$T/opts"
	[ -s "$T/opts" ] || { echo "(no options found in the help)"; return; }
	terms "$1" >"$T/terms"
	while IFS= read -r o; do
		grep -qxF -- "$o" "$T/terms" || echo "$o"
	done <"$T/opts"
}
check_options() { # check_options PAGE COMMAND...: COMMAND's options all in PAGE
	local page=$1 help missing
	shift
	help=$("$@" 2>&1)
	missing=$(echo "$help" | options "$page" | tr '\n' ' ')
	if [ -z "$missing" ]; then
		pass "$page: names every option of '$*' ($(wc -l <"$T/opts") options)"
	else
		fail "$page: undocumented options of '$*': $missing"
	fi
}
check_options mkbrief.1 "$MKBRIEF" --help
check_options mkbrief-diff.1 "$DIFF" --help
# the commands the usage lines name (find; diff is mkbrief-diff.1's own)
for cmd in $("$MKBRIEF" --help | grep -oE '^( +|usage: )mkbrief [a-z]+' | awk '{ print $NF }' | sort -u) diff; do
	if terms mkbrief.1 | grep -qxF "$cmd"; then pass "mkbrief.1: mkbrief $cmd"; else fail "mkbrief.1: no 'mkbrief $cmd'"; fi
done
# mkbrief find's usage line, printed when it is given no arguments
if "$MKBRIEF" find 2>&1 | grep -q 'mkbrief find SOURCE' && grep -q 'mkbrief find' "$T/mkbrief.1.txt"; then
	pass "mkbrief.1: mkbrief find usage"
else
	fail "mkbrief.1: mkbrief find usage"
fi
# the environment the program reads, found in the source
for v in $(grep -rhoE 'getenv\("[A-Z_]+"\)' "$ROOT/src" | sed 's/getenv("\(.*\)")/\1/' | sort -u); do
	if terms mkbrief.1 | grep -qxF "$v"; then pass "mkbrief.1: environment $v"; else fail "mkbrief.1: environment $v undocumented"; fi
done

# the examples are real: the brief of mkbrief-brief(5) and the layout of mkbrief-layout(5)
example() { # example PAGE: the YAML of the EXAMPLES section, from its first key to the prose after it
	awk '/^EXAMPLES/ { f = 1; next } /^[A-Z]/ { f = 0 } f' "$T/$1.txt" | sed 's/^     //' |
		awk '/^[a-z-]+:/ { y = 1 } /^[A-Z]/ && y { exit } y'
}
mkdir -p "$T/ex" && ln -s "$ROOT/briefs/articles" "$T/ex/articles"
example mkbrief-brief.5 >"$T/ex/brief.yaml"
if err=$(cd "$T/ex" && "$MKBRIEF" --check brief.yaml 2>&1) && [ -z "$err" ] && grep -q '^sources:' "$T/ex/brief.yaml"; then
	pass "mkbrief-brief.5: the example brief passes mkbrief --check, without a warning"
else
	fail "mkbrief-brief.5: the example brief: $(echo "$err" | head -3)"
fi
example mkbrief-layout.5 >"$T/ex/layout.yaml"
if err=$("$MKBRIEF" --check --layout "$T/ex/layout.yaml" "$ROOT/briefs/korea-jan2018.yaml" 2>&1) &&
	[ -z "$err" ] && grep -q '^page:' "$T/ex/layout.yaml"; then
	pass "mkbrief-layout.5: the example layout passes mkbrief --check, without a warning"
else
	fail "mkbrief-layout.5: the example layout: $(echo "$err" | head -3)"
fi
