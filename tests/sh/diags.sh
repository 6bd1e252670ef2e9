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
