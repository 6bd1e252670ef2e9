# hyphentags.sh: a hyphen the line breaker adds at a line's end is no part of the text, so
# the tagged text (what a screen reader or structure-based extraction reads) must not hold
# it: poppler's structure reader read "Mos-cow", "Neverthe-less". It is drawn as an
# /Artifact of its own between two sequences of its element; a real hyphen ("Korea-Russia",
# "self-determination") stays text, at a line's end too. Checked in every layout on text
# the breaker hyphenates often, with the tagged PDF checks of tests/tools/tagcheck.py.
. "$(dirname "$0")/lib.bash"
cd "$ROOT" || exit 1
printf 'An article\n\nIts only paragraph says little.\n' >"$T/a.txt"
paras=(
	"Nevertheless, the well-known Korea-Russia understanding on counterproliferation remained fundamentally uncomfortable for Washington, whose representatives repeatedly characterised Moscow's long-standing accommodation of Pyongyang as disingenuous, opportunistic and strategically counterproductive."
	"Internationally, the so-called denuclearization negotiations were complicated by anti-aircraft deliveries, extraterritorial sanctions, unilateralism, and the administration's unpredictability; consequently, interdepartmental coordination in twenty-first-century diplomacy deteriorated considerably."
	"Notwithstanding multilateral commitments, representatives of the military-industrial establishment characterised the arrangements as fundamentally incompatible with self-determination."
)
cat >"$T/b.yaml" <<B
title: Hyphenation in the tagged text
date: 2018-01-22
marking: "(U)"
sources:
  a: {file: a.txt}
sections:
  - heading: "Counterproliferation and the Korea-Russia relationship"
    content:
      - text: "${paras[0]}"
      - text: "${paras[1]}"
      - bullets:
          - "${paras[2]}"
B
printf '%s\n' "${paras[@]}" >"$T/words"
for layout in digest handout handout-a4; do
	if ! "$MKBRIEF" -q --layout "$layout" -o "$T/$layout.pdf" "$T/b.yaml" 2>"$T/err"; then
		fail "$layout: $(head -3 "$T/err")"
		continue
	fi
	# the test means something only where the breaker hyphenated lines
	hyphenated=$("$MKBRIEF" --layout "$layout" --dump-layout "$T/b.yaml" | grep -c -- '[[:alpha:]]-|$')
	# an element's text, its marked sequences' parts (one quoted line each) joined
	pdfinfo -struct-text "$T/$layout.pdf" | awk '
		/^ *".*"$/ { match($0, /^ */); s = $0; sub(/^ *"/, "", s); sub(/"$/, "", s)
			if (RLENGTH == ind && open) text = text s; else { if (open) print text; text = s; ind = RLENGTH; open = 1 }
			next }
		{ if (open) print text; open = 0 }
		END { if (open) print text }' >"$T/$layout.st"
	# every word with a hyphen in the tagged text is one of the text's, and every word of
	# the text is read whole
	bad=$(python3 - "$T/words" "$T/$layout.st" <<'P'
import re, sys
def words(s):
    return [w.strip(".,;:()\"'") for w in s.replace("\u2019", "'").split()]
want = set(words(open(sys.argv[1]).read()))
got = words(open(sys.argv[2]).read())
out = sorted({w for w in got if "-" in w and w not in want})
out += sorted({"missing " + w for w in want if w not in got})
print(" ".join(out))
P
)
	if [ "$hyphenated" -lt 2 ]; then
		fail "$layout: only $hyphenated lines end in a breaker's hyphen: the text tests nothing"
	elif [ -z "$bad" ]; then
		pass "$layout: no breaker's hyphen in the tagged text, every real hyphen in it ($hyphenated hyphenated lines)"
	else
		fail "$layout: tagged text: $bad"
	fi
	if out=$(/usr/bin/python3 tests/tools/tagcheck.py "$T/$layout.pdf" "$T/b.yaml" 2>&1); then
		pass "$layout: the tagged PDF checks pass"
	else
		fail "$layout: $(grep -v '^ok' <<<"$out" | head -3 | tr '\n' ' ')"
	fi
	if pdftotext "$T/$layout.pdf" - | tr '\n' ' ' | grep -qF "strategically counterproductive"; then
		pass "$layout: pdftotext reads the paragraph"
	else
		fail "$layout: pdftotext: $(pdftotext "$T/$layout.pdf" - | grep -i strate)"
	fi
done
