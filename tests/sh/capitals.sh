# capitals.sh: a passage in capitals (three words or more: a licence's disclaimer) is
# letter-spaced, as capitals want, and a word or two in capitals in running text (an
# acronym, "NO WARRANTY") is not; text extraction still reads the spaced words whole.
# Measured on the letters' gaps (tests/tools/lettergaps.py), which kerning and glyph
# expansion leave alike for the same word: only letter spacing moves them.
. "$(dirname "$0")/lib.bash"
cd "$T" || exit 1
ln -s "$ROOT/briefs/articles" articles
cat >b.yaml <<'YAML'
title: Capitals
date: 2024-01-01
classification: UNCLASSIFIED
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: A disclaimer
    content:
      - text: The clause reads, in full, THE SOFTWARE IS PROVIDED WITHOUT WARRANTY OF ANY KIND, and the
          lawyers say a WARRANTY of that sort is common; the UN and NATO are named in it, and NO WARRANTY
          is given by the seller either, so that the buyer carries the whole of the risk alone.
YAML
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout $layout -o b.pdf b.yaml || { fail "$layout: does not build"; continue; }
	mapfile -t g < <(python3 "$ROOT/tests/tools/lettergaps.py" b.pdf WARRANTY)
	if [ ${#g[@]} -ne 3 ]; then
		fail "$layout: WARRANTY read ${#g[@]} times, not 3"
		continue
	fi
	# the passage's letters sit 4% of the size further apart (0.4-0.44 pt); the word alone
	# and in a pair of capitals are set as they come
	if awk -v run="${g[0]}" -v one="${g[1]}" -v two="${g[2]}" 'BEGIN { exit !(run - one > 0.3 && (two - one) < 0.05 && (one - two) < 0.05) }'; then
		pass "$layout: letters of WARRANTY ${g[0]} pt apart in the passage, ${g[1]} alone, ${g[2]} in NO WARRANTY"
	else
		fail "$layout: gaps between the letters of WARRANTY: passage ${g[0]}, alone ${g[1]}, in NO WARRANTY ${g[2]}"
	fi
	for reader in pdftotext mutool gs; do
		case $reader in
		pdftotext) txt=$(pdftotext b.pdf -) ;;
		mutool) txt=$(mutool draw -F txt -o - b.pdf 2>/dev/null) ;;
		gs) txt=$(gs -q -sDEVICE=txtwrite -o - b.pdf 2>/dev/null) ;;
		esac
		# each spaced word whole (PROVIDED may be hyphenated in a narrow column)
		n=$(grep -ow 'SOFTWARE\|WITHOUT\|WARRANTY\|KIND' <<<"$txt" | wc -l)
		[ "$n" -eq 6 ] && pass "$layout: $reader reads the spaced words whole" ||
			fail "$layout: $reader reads $n of 6 spaced words whole: $(grep -m1 'S O\|SOFT\|W I' <<<"$txt")"
	done
done
