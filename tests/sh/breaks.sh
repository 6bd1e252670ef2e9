# breaks.sh: where words break, on a brief of our own with compounds, names, addresses and
# long last words followed by citations, in the three layouts: compounds only at their own
# hyphen, names never ("Kim Il-sung", "Pyongyang" mid-sentence), a paragraph's last word
# never, addresses only at their punctuation with no hyphen added (tests/tools/breakcheck.py);
# and no justified line with a hole between words (tests/tools/holes.py).
. "$(dirname "$0")/lib.bash"
cd "$T" || exit 1
ln -s "$ROOT/briefs/articles" articles
python3 - <<'PY'
import random
random.seed(7)
words = "the talks between Moscow and Pyongyang were described as constructive by officials who asked not to be named while the ministry said nothing further about the matter".split()
comp = ["Korea-Russia", "co-operation", "Kim Il-sung", "Kim Jong-un", "Moscow-Beijing", "anti-aircraft", "Russia-China", "Sino-Soviet", "well-established", "Jong-il", "Lavrov", "Vladivostok"]
urls = open("urls.txt", "w")
U = ["https://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/3012345",
     "http://example.org/North_Korea/sanctions?id=2397#resolution", "press.office@mofa.go.jp",
     "www.kcna.kp/en/article/q/5a1c.html"]
urls.write("\n".join(U) + "\n")
longw = ["internationalization", "counterproliferation", "disproportionate", "intergovernmental", "denuclearization", "responsibilities"]
out = ["title: Breaks", "date: 2018-01-22", "sources:", "  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}",
       "sections:", "  - heading: Breaks", "    content:"]
for i in range(80):
    t = []
    for j in range(random.randint(8, 40)):
        r = random.random()
        t.append(random.choice(comp) if r < 0.2 else random.choice(U) if r < 0.25 else random.choice(words))
    t.append(random.choice(longw) + ".")
    out += ['      - text: "%s"' % " ".join(t), "        cite: [edm p%d, edm p%d.2]" % (random.randint(1, 6), random.randint(1, 6))]
open("b.yaml", "w").write("\n".join(out) + "\n")
PY
mapfile -t urls <urls.txt
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout $layout --dump-layout b.yaml >d.txt || { fail "$layout: does not build"; continue; }
	n=$(grep -c '^  line' d.txt)
	if out=$(python3 "$ROOT/tests/tools/breakcheck.py" d.txt "${urls[@]}"); then
		pass "$layout: $n lines, every break allowed"
	else
		fail "$layout: $(echo "$out" | sort | uniq -c | sort -rn | head -8)"
	fi
	# and no hole between words: a paragraph with no better breaks is set ragged instead
	"$MKBRIEF" -q --layout $layout -o b.pdf b.yaml
	if out=$(python3 "$ROOT/tests/tools/holes.py" b.pdf); then
		pass "$layout: $(tail -1 <<<"$out")"
	else
		fail "$layout: $(head -3 <<<"$out" | tr '\n' ' ') $(tail -1 <<<"$out")"
	fi
	fb=$(grep -c 'ragged-fallback' d.txt)
	[ "$fb" -gt 0 ] || [ $layout != digest ] && pass "$layout: $fb lines of paragraphs set ragged" || fail "$layout: no paragraph set ragged"
done

# ragged text of three words or more never ends on a word alone, nor on a piece of a
# compound: the title, headings and pull quotes of a brief of our own, of every length
# from 3 to 16 words
python3 - <<'PY'
import random, re
random.seed(11)
art = open("articles/edm-2018-v15i7-russia-uses-korean-crisis.txt", encoding="utf-8").read().split("\n\n")
paras = [p.split() for p in art if len(p.split()) > 40]
# (a compound last ended a heading in a piece of it: "Villeurbanne-sur-" / "Rhône")
words = "Moscow reads the Korean crisis through its standoff with Washington and Beijing as allies drift Villeurbanne-sur-Rhône Cumbria-Lancashire".split()
out = ["title: \"%s\"" % " ".join(words[:13]), "date: 2018-01-22", "sources:",
       "  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}", "sections:"]
for n in range(3, 17):
    out += ["  - heading: \"%s\"" % " ".join(random.choice(words) for _ in range(n)), "    content:"]
    p = random.choice(paras)
    i = random.randrange(0, len(p) - n)
    q = " ".join(p[i:i + n]).replace("\\", "\\\\").replace('"', '\\"')
    out += ['      - quote: {source: edm, text: "%s"}' % q]
open("r.yaml", "w").write("\n".join(out) + "\n")
PY
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout $layout --dump-layout r.yaml >r.txt 2>err.txt || { fail "$layout: ragged brief: $(cat err.txt)"; continue; }
	# per paragraph of the title, headings and pull quotes: its words and its last line's
	bad=$(awk '/^  line/ {
		match($0, /para=[0-9]+/); p = substr($0, RSTART + 5, RLENGTH - 5)
		t = $0; sub(/^[^|]*\|/, "", t); sub(/\|$/, "", t)
		if (/ heading / || p == 0 || t ~ /^“/) ragged[p] = 1
		n = split(t, w, / +/); words[p] += n; last[p] = n; lines[p]++ }
		END { for (p in words) if (ragged[p] && words[p] >= 3 && lines[p] > 1 && last[p] < 2) print "para " p
			for (p in ragged) if (lines[p] > 1) multi++; print "checked " multi + 0 }' r.txt)
	checked=$(echo "$bad" | sed -n 's/^checked //p')
	bad=$(echo "$bad" | grep -v '^checked')
	[ -z "$bad" ] && [ "$checked" -gt 8 ] && pass "$layout: no ragged paragraph ends on a word alone ($checked of several lines)" || fail "$layout: ends on one word: $bad"
done

# a tie breaks, at its penalty, before a paragraph is set ragged for a hole it alone makes:
# "3 October / 2022" and the paragraph justified (a reader's trial: the date set a wide
# column's first paragraph ragged among justified ones)
mkdir -p tie && cat >tie/desk.yaml <<'YAML'
page:
  size: a4
  margins: {top: 25mm, bottom: 25mm, left: 28mm, right: 28mm}
fonts:
  body: {size: 11.5pt, leading: 16pt}
text: {first-indent: 12pt, paragraph-space: 0pt}
YAML
cat >tie/b.yaml <<'YAML'
title: Date tie
date: 2024-03-18
marking: "(U)"
sources:
  edm: {file: ../articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: Background
    content:
      - text: Ms. Hale, a shift supervisor at Corby since 2016, was dismissed on 3 October 2022 for falsifying a safety log. She says the real reason was her complaint about night-time forklift safety.
YAML
if "$MKBRIEF" -q --root "$T" --layout tie/desk.yaml --dump-layout tie/b.yaml >tie/d.txt 2>tie/err; then
	first=$(grep -m1 'Ms. Hale' tie/d.txt)
	if ! grep -q ragged-fallback tie/d.txt && grep -q 'Corby' <<<"$first"; then
		pass "a date's tie breaks before its paragraph is set ragged: $(sed 's/.*|\(.*\)|/\1/' <<<"$first" | awk '{ print $(NF-1), $NF }')"
	else
		fail "date tie: $(grep -c ragged-fallback tie/d.txt) ragged lines: $first"
	fi
else
	fail "date tie: $(cat tie/err)"
fi

# text.linebreak: greedy (Pango's breaker) keeps a citation with its word and ties whole (a
# layouts trial: "Washington." / "1 ¶1" on a line of its own)
strays=""
for m in 1in 1.1in 1.2in 1.3in 1.4in; do
	printf 'page: {margins: %s}\nfonts:\n  body: {family: Noto Sans, size: 10.5pt, leading: 15pt}\ntext: {align: left, linebreak: greedy}\n' "$m" >greedy.yaml
	"$MKBRIEF" -q --layout greedy.yaml -o greedy.pdf "$ROOT/briefs/korea-jan2018.yaml" 2>err.txt || { fail "greedy: $(cat err.txt)"; continue; }
	n=$(pdftotext -layout greedy.pdf - | grep -cE '^[ •]*[0-9]+ ¶')
	[ "$n" = 0 ] || strays="$strays $m:$n"
done
[ -z "$strays" ] && pass "greedy breaks: no citation starts a line (5 measures)" || fail "greedy: citations alone at a line's start:$strays"
