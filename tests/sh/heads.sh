# heads.sh: running heads and banners never run off the page or over each other. A title
# and a heading of nearly the 500 characters a brief allows end in an ellipsis within
# their share of the line; a classification too wide for the page is an error, never cut.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
D="$T/h"
mkdir -p "$D" && ln -s "$ROOT/briefs/articles" "$D/articles" && cd "$D" || exit 1
long=$(for i in $(seq 40); do printf 'Reading %d ' "$i"; done)
cat >brief.yaml <<YAML
title: "Russia and the Korean crisis: $long"
date: 2018-01-22
classification: UNCLASSIFIED
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: "Moscow: $long"
    content:
      - excerpt: {source: edm, paragraphs: 1-6}
YAML
for layout in handout digest; do
	"$MKBRIEF" -q --layout $layout brief.yaml -o h.pdf 2>"$T/err" || { fail "$layout: $(cat "$T/err")"; continue; }
	# words outside the text block's sides (less a point of slack), in the top and bottom bands
	"$MKBRIEF" -q --layout $layout --dump-layout brief.yaml >d.txt
	left=$(awk '/^  line/ { for (i = 1; i <= NF; i++) if ($i ~ /^x=/) { sub("x=", "", $i); v = $i + 0; if (min == "" || v < min) min = v } } END { print min / 100 }' d.txt)
	pw=$(pdfinfo h.pdf | awk '/^Page size/ { print $3 }')
	right=$(awk -v l="$left" -v w="$pw" 'BEGIN { print w - l }')
	out=$(pdftotext -bbox h.pdf - | awk -v l="$left" -v r="$right" -F'"' '/<word/ {
		x0 = $2 + 0; y0 = $4 + 0; x1 = $6 + 0; if ((y0 < 60 || y0 > 700) && (x0 < l - 1 || x1 > r + 1)) n++ } END { print n + 0 }')
	if [ "$out" = 0 ]; then
		pass "$layout: running heads within the text block ($left to $right pt)"
	else
		fail "$layout: $out words of the running heads outside $left to $right pt"
	fi
done
sed 's/^classification: .*/classification: "TOP SECRET\/\/SI-GAMMA\/\/TK\/\/NOFORN\/\/ORCON\/\/REL TO USA, AUS, CAN, GBR, NZL\/\/FISA\/\/IMCON\/\/PROPIN\/\/X1"/' brief.yaml >wide.yaml
want="wide.yaml:3:17: error: the classification banner is wider than the page; shorten it or make the layout's banner font smaller"
err=$("$MKBRIEF" --layout handout wide.yaml -o w.pdf 2>&1)
if [ $? = 1 ] && [ "$err" = "$want" ] && [ ! -e w.pdf ]; then pass "a classification wider than the page is an error"; else fail "wide classification: $err"; fi
# The banner's letter spacing is no word space to text extraction: every reader finds the
# classification whole, once at the head and once at the foot of every page.
sed 's|^classification: .*|classification: "UNCLASSIFIED//FOR TRAINING ONLY"|' brief.yaml >banner.yaml
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout $layout banner.yaml -o b.pdf 2>"$T/err" || { fail "banner $layout: $(cat "$T/err")"; continue; }
	pages=$(pdfinfo b.pdf | awk '/^Pages:/ { print $2 }')
	readers="pdftotext mutool"
	command -v gs >/dev/null && readers="$readers gs"
	for r in $readers; do
		case $r in
		pdftotext) pdftotext b.pdf b.txt ;;
		mutool) mutool draw -q -F txt -o b.txt b.pdf 2>/dev/null ;;
		gs) gs -q -dNOPAUSE -dBATCH -sDEVICE=txtwrite -sOutputFile=b.txt b.pdf ;;
		esac
		whole=$(grep -o 'UNCLASSIFIED//FOR TRAINING ONLY' b.txt | wc -l)
		if [ "$whole" = $((2 * pages)) ]; then
			pass "banner $layout: $r reads the classification whole on all $pages pages"
		else
			fail "banner $layout: $r reads it whole $whole times on $pages pages: $(grep -i 'unclass' b.txt | sort | uniq -c | head -3)"
		fi
	done
done
# a running head too long for its share is cut after a whole word, with an ellipsis; one
# beside a short field takes the room that field leaves
words="Moscow Beijing Pyongyang Washington Seoul Tokyo Vladivostok Harbin Dandong Kaesong"
long2=$(for i in 1 2 3 4; do printf '%s ' $words; done)
cat >cut.yaml <<YAML
title: "A brief"
date: 2018-01-22
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: "Cities: ${long2% }"
    content:
      - excerpt: {source: edm, paragraphs: 1-6}
  - heading: "Capitals of the region, their ports, their railways and their airfields"
    content:
      - excerpt: {source: edm, paragraphs: 1-6}
YAML
for layout in handout digest; do
	"$MKBRIEF" -q --layout $layout cut.yaml -o cut.pdf 2>"$T/err" || { fail "cut $layout: $(cat "$T/err")"; continue; }
	head=$(pdftotext -layout cut.pdf - | tr -d '\f' | grep -m1 '^January 22, 2018 .*Cities.*…' | sed 's/.*Cities/Cities/')
	last=$(sed 's/….*//; s/.* //' <<<"$head")
	if [ -n "$head" ] && grep -qw -- "$last" <<<"$words"; then pass "$layout: a long running head is cut after a whole word ('… $last…')"; else fail "$layout: running head cut: '$head'"; fi
	pdftotext -layout cut.pdf - | tr -d '\f' | grep -Eq '^January 22, 2018 +Capitals of the region, their ports, their railways and their airfields$' &&
		pass "$layout: a head beside a short field is not cut" || fail "$layout: the head 'Capitals of the region, …' (more than half the line) is cut or missing"
done

# A template's own text is set as analyst text is: "--" a dash, straight quotes curly, "..."
# an ellipsis, a quote mark beside a field opening or closing as it should (a new user's
# trial: they printed as typed). A left field beside a short centred one takes what the
# centre leaves it, not a third of the line: the author was cut to an ellipsis.
mkdir -p "$D/lay" && cd "$D/lay" || exit 1
ln -s "$ROOT/briefs/articles" articles
cat >layout.yaml <<'YAML'
footer: {left: "{title} -- \"{author}\"", center: "it's \"draft\"...", right: "{page}/{pages}"}
YAML
cat >brief.yaml <<'YAML'
title: Harbour water, a test of the levy
author: Coastal desk
date: 2018-01-22
layout: layout.yaml
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: One
    content:
      - excerpt: {source: edm, paragraphs: 1}
YAML
if "$MKBRIEF" -q -o f.pdf brief.yaml 2>"$T/err"; then
	foot=$(pdftotext -layout f.pdf - | grep 'draft' | tr -s ' ')
	want="Harbour water, a test of the levy — “Coastal desk” it’s “draft”… 1/1"
	[ "$foot" = "$want" ] && pass "a footer's own text is typographic and its left field whole" ||
		fail "footer: '$foot', want '$want'"
else
	fail "footer template: $(cat "$T/err")"
fi

# {section} names the section the page opens in: a page that opens with the last paragraph
# of a section and then starts the Sources is headed by that section, not "Sources" (two
# trials); a page a heading opens is headed by it (the goldens' running heads show both)
cd "$ROOT" || exit 1
MKBRIEF_ROOT=/ "$MKBRIEF" -q -o "$T/wd.pdf" tests/golden/widows/brief.yaml 2>"$T/err"
head2=$(pdftotext -f 2 -l 2 -layout "$T/wd.pdf" - | sed -n 3p | tr -s ' ')
case "$head2" in
*"Filler and a paragraph at the page foot"*) pass "a page that opens mid-section is headed by that section" ;;
*) fail "page 2's head: '$head2' $(cat "$T/err")" ;;
esac

# a template that sets a field in its own quotation marks: the field's marks nest inside them
# (single), and a field cut short with an ellipsis keeps the template's closing mark (a
# typed-typography trial: "§ ““Quoted” heading”" and an unclosed "“Russia’s” … and…")
mkdir -p "$T/rh" && ln -s "$ROOT/briefs/articles" "$T/rh/articles"
cat >"$T/rh/rh.yaml" <<'YAML'
header: {left: "{date}", center: "", right: "§ \"{section}\""}
footer: {left: "{author}'s \"{title}\"", center: "", right: "Page {page} of {pages}"}
YAML
cat >"$T/rh/b.yaml" <<'YAML'
title: '"Russia''s" very long title about the Korean crisis, the sanctions regime, the Olympics and the S-400 deliveries to China, January 2018 edition'
author: "O'Neill"
date: 2018-01-22
sources: {a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}}
sections:
  - heading: '"Quoted" heading'
    content:
      - text: Body.
YAML
if "$MKBRIEF" -q --layout "$T/rh/rh.yaml" -o "$T/rh/b.pdf" "$T/rh/b.yaml" 2>"$T/err"; then
	txt=$(pdftotext -layout "$T/rh/b.pdf" - | tr -s ' ')
	grep -qF '§ “‘Quoted’ heading”' <<<"$txt" && pass "a field in the template's quotes takes single marks" ||
		fail "nested head: $(grep -F '§' <<<"$txt")"
	foot=$(grep -F 'Page 1 of' <<<"$txt")
	case "$foot" in *"O’Neill’s “‘Russia’s’ very long title"*"…”"*) pass "a field cut short keeps the template's closing mark" ;;
	*) fail "cut foot: $foot" ;; esac
else
	fail "quoted heads: $(head -1 "$T/err")"
fi
