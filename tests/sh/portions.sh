# portions.sh: which portion marking each block prints, beyond the markings golden: a box's
# blocks carry the box's marking (unless they have their own), as a sub-item its item's.
. "$(dirname "$0")/lib.bash"
mkdir -p "$T/bx"
cat >"$T/bx/a.txt" <<'TXT'
Cable report

The cable was cut on Christmas Day by a dragged anchor.
TXT
cat >"$T/bx/b.yaml" <<'YAML'
title: Box markings
date: 2027-01-15
classification: SECRET
marking: "(U)"
sources:
  a: {file: a.txt}
sections:
  - heading: Cables
    content:
      - text: Before the box.
      - marking: "(C)"
        box:
          title: Bottom line
          content:
            - text: Inside the box.
            - bullets: [A bullet in the box]
            - excerpt: {source: a, paragraphs: 1}
            - text: Its own marking.
              marking: "(S)"
      - text: After the box.
YAML
"$MKBRIEF" -q --dump-layout "$T/bx/b.yaml" >"$T/bx/d.txt" 2>"$T/err" || fail "box markings: $(cat "$T/err")"
ok=1
for want in '(U) Before the box.' '(C) Inside the box.' '(C) A bullet in the box' '(C) The cable was cut' \
	'(S) Its own marking.' '(U) After the box.'; do
	grep -qF "|$want" "$T/bx/d.txt" || { ok=0; echo "missing: $want" >>"$T/bx/why"; }
done
[ $ok = 1 ] && pass "a box's paragraphs, bullets and excerpts carry the box's marking; a block's own wins" ||
	fail "box markings: $(tr '\n' ';' <"$T/bx/why")"
