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
