# diags.sh: sources and diagnostics (issue 16): sentences ending before reference marks, find's
# counts and case, what one run reports.
. "$(dirname "$0")/lib.bash"
A="$ROOT/tests/articles/diags-ports.txt"

# ".[1] " and ".[2][3] " end a sentence: the mark stays with the sentence before it
out=$("$MKBRIEF" find "$A" "harbour master" 2>&1)
if [ "$out" = "p1.3: The harbour master said the calls were routine, and the harbour master said so twice." ]; then
	pass "find: a sentence after '.[1] ' and '.[2][3] ' is p1.3"; else fail "find after reference marks: $out"; fi
out=$("$MKBRIEF" find "$A" "in March" 2>&1)
if [ "$out" = "p8.1: The panel meets in March.[12][13]" ]; then pass "find: '.[12][13]' stays with its sentence"; else fail "find before [12][13]: $out"; fi
cat >"$T/cite.yaml" <<YAML
title: Ports
date: 2018-01-22
sources:
  ports: {file: $A}
sections:
  - heading: Calls
    content:
      - text: The harbour master called them routine.
        cite: ports p1.3
YAML
if "$MKBRIEF" --check "$T/cite.yaml" 2>"$T/err"; then pass "cite p1.3: the third sentence, after two reference marks"; else fail "cite p1.3: $(cat "$T/err")"; fi

# find ignores letter case unless --case, and says when the only matches differ in case
out=$("$MKBRIEF" find "$A" "HARBOUR Master" 2>"$T/err"); st=$?
if [ $st = 0 ] && [ "${out%%:*}" = "p1.3" ] && grep -q 'differ in letter case' "$T/err"; then pass "find: case ignored, and a note that the matches differ in case"
else fail "find HARBOUR Master: status $st, $out, $(cat "$T/err")"; fi
out=$("$MKBRIEF" find --case "$A" "HARBOUR Master" 2>"$T/err"); st=$?
if [ $st = 1 ] && [ -z "$out" ] && grep -q "not found with this letter case" "$T/err" && grep -q 'differ in letter case' "$T/err"; then pass "find --case: not found, and why"
else fail "find --case HARBOUR Master: status $st, $out, $(cat "$T/err")"; fi
out=$("$MKBRIEF" find "$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt" "the cold war" 2>"$T/err")
if [ "$(echo "$out" | cut -d: -f1 | tr '\n' ' ')" = "p1.3 p1.4 " ]; then pass "find 'the cold war' in edm-2018: p1.3, p1.4"; else fail "find the cold war: $out"; fi
"$MKBRIEF" find "$A" "panel meets" >/dev/null 2>"$T/err"
if [ ! -s "$T/err" ]; then pass "find: no note when a match has the case typed"; else fail "find panel meets: $(cat "$T/err")"; fi
