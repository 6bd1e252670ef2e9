# carets.sh: under each located message, the source line and a caret under its column, as
# gcc and rustc print them; the first line stays "file:line:col: kind: message"; colour only
# on a terminal or with --color=always, never with NO_COLOR or --color=never.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_DIAGNOSTICS
cd "$T" || exit 1
ln -s "$ROOT/briefs/articles" articles
cat >b.yaml <<'YAML'
title: Test
date: 2018-02-30
sources:
  a: {file: articles/edm-2017-v14i42-another-russian-failure.txt}
sections:
  - heading: Раздел
    content:
      - {text: Текст текст, cite: zz p1}
YAML
want='b.yaml:2:7: error: 2018-02-30 is not a real date
    2 | date: 2018-02-30
      |       ^'
got=$("$MKBRIEF" --check b.yaml 2>&1 | head -3)
[ "$got" = "$want" ] && pass "the line and a caret under the column" || fail "date: $(printf '%s' "$got" | cat -A)"
"$MKBRIEF" --check b.yaml 2>&1 | grep -q $'\033' && fail "colour when piped" || pass "no colour when piped"
"$MKBRIEF" --check --color=always b.yaml 2>&1 | head -1 | grep -q $'^\033\[1mb.yaml:2:7:\033\[0m \033\[1;31merror:' &&
	pass "--color=always colours the place and the kind" || fail "--color=always: $("$MKBRIEF" --check --color=always b.yaml 2>&1 | head -1 | cat -v)"
NO_COLOR=1 "$MKBRIEF" --check b.yaml 2>&1 | grep -q $'\033' && fail "colour with NO_COLOR" || pass "NO_COLOR: no colour"
# the caret counts characters, not bytes: Cyrillic before the column
sed -i 's/^date: .*/date: 2018-02-28/' b.yaml
got=$("$MKBRIEF" --check b.yaml 2>&1)
line=$(printf '%s\n' "$got" | grep -A2 '^b.yaml:8:' | sed -n 3p)
first=$(printf '%s\n' "$got" | grep '^b.yaml:8:' | head -1)
col=$(printf '%s' "$first" | cut -d: -f3)
caret=$(printf '%s' "$line" | sed 's/^ *| //' | awk '{ print index($0, "^") }')
[ -n "$first" ] && [ "$caret" = "$col" ] && pass "the caret under column $col" || fail "caret: $got"
# a long line is cut to a window around the column; a control character is shown, not sent
printf 'title: "%s\x01"\ndate: 2018-02-28\n' "$(printf 'x%.0s' $(seq 400))" >long.yaml
got=$("$MKBRIEF" --check long.yaml 2>&1)
src=$(printf '%s\n' "$got" | grep -m1 '^ *1 | ')
if [ "${#src}" -lt 200 ] && printf '%s' "$src" | grep -qF '...' && printf '%s' "$src" | grep -qF '\x01' &&
	! printf '%s' "$got" | grep -q $'\x01'; then
	pass "a long line is shown around the column, its control characters escaped"
else
	fail "long line: $(printf '%s' "$got" | head -4 | cut -c1-220)"
fi
# MKBRIEF_DIAGNOSTICS=short: the first lines alone
got=$(MKBRIEF_DIAGNOSTICS=short "$MKBRIEF" --check long.yaml 2>&1)
printf '%s\n' "$got" | grep -q ' | ' && fail "short still shows lines" || pass "MKBRIEF_DIAGNOSTICS=short: first lines only"
