# dashes.sh: what an analyst types for dashes prints as a typesetter sets it: "--" an em dash
# ("tariffs -- a perverse incentive", "goal--he"), but between two numbers ("2014--2018",
# TeX's way of typing a range) an en dash, as "1950-1953" gets one, and so does a range typed
# with spaces ("1990 -- 2000", "January 5 -- 8"), set closed; "---" stays an em dash.
# In body text, a heading, a table caption and cell, and the title.
. "$(dirname "$0")/lib.bash"
cd "$T" || exit 1
cat >b.yaml <<YAML
title: "Sanctions, 2014--2018"
date: 2026-03-14
sources:
  e17: {file: $ROOT/briefs/articles/edm-2017-v14i42-another-russian-failure.txt}
sections:
  - heading: "The years 2006--2017"
    content:
      - text: "Votes in 2014--2018, pages 3--5 -- and no change; the goal--it seems--was 1950-1953 and 12---13."
      - text: "Talks in 1990 -- 2000, on January 5 -- 8, pp. 12 -- 19 -- then none."
      - table:
          caption: "Resolutions, 2006--2017"
          rows:
            - ["2016--2017", "a vote -- then another"]
YAML
"$MKBRIEF" -q -o b.pdf b.yaml 2>err.txt || { fail "the brief builds: $(head -1 err.txt)"; exit 0; }
txt=$(pdftotext b.pdf - | tr '\n' ' ')
for want in "Sanctions, 2014–2018" "The years 2006–2017" "Votes in 2014–2018, pages 3–5 — and no change; the goal—it seems—was 1950–1953 and 12—13." \
	"Talks in 1990–2000, on January 5–8, pp. 12–19 — then none." "Resolutions, 2006–2017" "2016–2017" "a vote — then another"; do
	[[ "$txt" == *"$want"* ]] || missing="$missing [$want]"
done
[ -z "${missing:-}" ] && pass "-- between numbers prints an en dash, elsewhere an em dash (text, heading, caption, cell, title)" ||
	fail "not printed:$missing in: $txt"
