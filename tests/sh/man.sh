# man.sh: the four man pages are lint-clean for mandoc, render with man -l, and document
# every key the loaders take (from `mkbrief schema`, written from their key tables), every
# option of --help and every command.
. "$(dirname "$0")/lib.bash"
cd "$ROOT" || exit 1
for p in man/mkbrief.1 man/mkbrief-diff.1 man/mkbrief-brief.5 man/mkbrief-layout.5; do
	out=$(mandoc -T lint -W warning "$p" 2>&1)
	[ -z "$out" ] && pass "$p: mandoc -T lint is clean" || fail "$p: $out"
	lines=$(MANWIDTH=80 man -P cat -l "$p" 2>/dev/null | wc -l)
	[ "$lines" -gt 40 ] && pass "$p: man -l renders $lines lines" || fail "$p: man -l renders $lines lines"
done
if out=$(python3 tests/tools/mancheck.py "$MKBRIEF" man 2>&1); then
	pass "every key, option and command is in the man pages"
else
	fail "$out"
fi

# In the C locale man sets ASCII: a character groff cannot show there (an ellipsis, a
# Cyrillic letter) is a warning, and the reader of a plain terminal gets nothing for it.
for p in man/*.[15]; do
	err=$(LC_ALL=C MANWIDTH=80 man -P cat -l "$p" 2>&1 >/dev/null | grep -v "^man: can't set the locale")
	[ -z "$err" ] && pass "$p: man -l in the C locale, no groff warning" || fail "$p: in the C locale: $(echo "$err" | head -3)"
done

# every environment variable the program reads is in mkbrief(1)'s ENVIRONMENT (.Ev)
for v in $(grep -rhoE '\bgetenv\("[A-Z_]+"\)' src | sed 's/getenv("\(.*\)")/\1/' | sort -u); do
	grep -qE "^\.It Ev $v( |\$)" man/mkbrief.1 && pass "mkbrief.1: environment $v" || fail "mkbrief.1: environment $v is not documented (.It Ev $v)"
done

# The examples are real: the brief of mkbrief-brief(5), beside the shipped articles and
# figures, and the layout of mkbrief-layout(5), with the Korea brief, check without a word.
example() { # example PAGE: the YAML of its EXAMPLES section, from the first key to the prose after it
	mandoc -T ascii -O width=300 "$1" | sed 's/.\x08//g' | awk '/^EXAMPLES/ { f = 1; next } /^[A-Z]/ { f = 0 } f' |
		awk '/^ *[a-z-]+:/ { y = 1 } /^ *[A-Z]/ && y { exit } y' |
		awk '{ l[NR] = $0; if (NF) { match($0, /^ */); if (min == "" || RLENGTH < min) min = RLENGTH } }
			END { for (i = 1; i <= NR; i++) print substr(l[i], min + 1) }'
}
mkdir -p "$T/ex" && ln -s "$ROOT/briefs/articles" "$T/ex/articles" && ln -s "$ROOT/briefs/figures" "$T/ex/figures"
example man/mkbrief-brief.5 >"$T/ex/brief.yaml"
if err=$(cd "$T/ex" && "$MKBRIEF" --check brief.yaml 2>&1) && [ -z "$err" ] && grep -q '^sources:' "$T/ex/brief.yaml"; then
	pass "mkbrief-brief.5: the example brief passes mkbrief --check, without a warning"
else
	fail "mkbrief-brief.5: the example brief: $(echo "$err" | head -3)"
fi
example man/mkbrief-layout.5 >"$T/ex/layout.yaml"
if err=$("$MKBRIEF" --check --layout "$T/ex/layout.yaml" briefs/korea-jan2018.yaml 2>&1) && [ -z "$err" ] &&
	grep -q '^page:' "$T/ex/layout.yaml"; then
	pass "mkbrief-layout.5: the example layout passes mkbrief --check, without a warning"
else
	fail "mkbrief-layout.5: the example layout: $(echo "$err" | head -3)"
fi
