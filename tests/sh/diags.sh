# diags.sh: sources and diagnostics (issue 16): sentences ending before reference marks, find's
# counts and case, what one run reports.
. "$(dirname "$0")/lib.bash"
A="$ROOT/tests/articles/diags-ports.txt"

# ".[1] " and ".[2][3] " end a sentence: the mark stays with the sentence before it
out=$("$MKBRIEF" find "$A" "harbour master" 2>&1)
if [ "$out" = "p1.3: The harbour master said the calls were routine, and the harbour master said so twice." ]; then
	pass "find: a sentence after '.[1] ' and '.[2][3] ' is p1.3"; else fail "find after reference marks: $out"; fi
# nothing to look for is a usage error (it said there were no words "outside the elisions")
out=$("$MKBRIEF" find "$A" " " 2>&1)
st=$?
[ $st = 2 ] && [ "$out" = 'mkbrief: error: no words to find: usage: mkbrief find [--case] SOURCE.txt "words"' ] &&
	pass "find with no words is a usage error" || fail "find '': status $st: $out"
out=$("$MKBRIEF" find --help 2>"$T/err"); st=$?
[ $st = 0 ] && [ ! -s "$T/err" ] && grep -q '^usage: mkbrief find \[--case\] SOURCE.txt "words"' <<<"$out" &&
	pass "find --help prints its usage and exits 0, as new, pin and schema do" || fail "find --help: status $st: $out $(cat "$T/err")"
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

# a quote whose speaker is its source's publication names the publication once
cat >"$T/speaker.yaml" <<YAML
title: Speaker
date: 2018-01-22
sources:
  edm-2018: {file: $ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
  ports: {file: $A}
sections:
  - heading: Test
    content:
      - quote: {source: edm-2018, speaker: The Eurasia Daily Monitor, text: absolutely learned politician}
      - quote: {source: ports, speaker: maritime ledger, text: The count fell by half.}
      - quote: {source: edm-2018, speaker: Vladimir Putin, text: "has, without a doubt, won the game"}
YAML
for layout in handout handout-a4 digest; do
	"$MKBRIEF" --layout $layout --dump-layout "$T/speaker.yaml" >"$T/speaker.txt" 2>"$T/err" || fail "speaker: $(cat "$T/err")"
	# the attribution of each quote: its small lines, from the dash on, joined
	att=$(grep 'font="Noto Sans 8"' "$T/speaker.txt" | grep -v '|File: ' | sed 's/.* para=\([0-9]*\) .*font="[^"]*" |\(.*\)|$/\1 \2/' |
		awk '$1 != p { if (p != "") print s; p = $1; s = "" } { $1 = ""; s = s $0 } END { print s }' | grep '^ *—')
	edm=$(echo "$att" | sed -n 1p | grep -o 'Eurasia *Daily *Monitor' | wc -l)
	ports=$(echo "$att" | sed -n 2p | grep -io 'maritime *ledger' | wc -l)
	putin=$(echo "$att" | sed -n 3p | grep -c 'Vladimir Putin, in')
	if [ "$edm" = 1 ] && [ "$ports" = 1 ] && [ "$putin" = 1 ]; then pass "$layout: a publication as speaker is named once; another speaker still leads"
	else fail "$layout: attributions: $att"; fi
done

# an unknown lang: is an error at its line, with the patterns installed; no output written
cat >"$T/lang.yaml" <<YAML
title: Lang
date: 2018-01-22
lang: fr-FR
sources:
  ports: {file: $A}
sections:
  - heading: Test
    content:
      - text: Hello.
YAML
"$MKBRIEF" "$T/lang.yaml" -o "$T/lang.pdf" 2>"$T/err"; st=$?
if [ $st = 1 ] && [ ! -e "$T/lang.pdf" ] && grep -q "lang.yaml:3:7: error: no hyphenation patterns for lang 'fr-FR'" "$T/err" &&
	grep -q "lang.yaml:3:7: note: the patterns installed (/usr/share/hyphen) are for: .*en-US" "$T/err"; then pass "lang: fr-FR is an error listing the patterns installed"
else fail "lang: fr-FR: status $st: $(cat "$T/err")"; fi
# a region with no patterns of its own (hyphen-en-us and hyphen-en-gb install none for
# Canada) falls back on its language's (hyph_en.dic)
sed -i 's/fr-FR/en-CA/' "$T/lang.yaml"
if "$MKBRIEF" --check "$T/lang.yaml" 2>"$T/err"; then pass "lang: en-CA falls back on the en patterns"; else fail "lang: en-CA: $(cat "$T/err")"; fi
# a language tag's case carries no meaning: EN-gb is en-GB
sed -i 's/en-CA/EN-gb/' "$T/lang.yaml"
if "$MKBRIEF" --check "$T/lang.yaml" 2>"$T/err"; then pass "lang: EN-gb is en-GB, whatever its case"; else fail "lang: EN-gb: $(cat "$T/err")"; fi

# a citation may name a range of paragraphs: printed ¶1–4, merged with ranges that follow on,
# the Sources entry counting each paragraph of it; past the article's end, an error
# (the articles copied beside the brief: the Sources lines print the path as written, and a
# clone's own path must not decide where they break)
cp "$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt" "$T/edm.txt"
cp "$A" "$T/ports.txt"
cat >"$T/range.yaml" <<YAML
title: Range
date: 2018-01-22
sources:
  edm-2018: {file: edm.txt}
  ports: {file: ports.txt}
sections:
  - heading: Test
    content:
      - text: Moscow plays both sides.
        cite: edm-2018 p1-4
      - text: Two ranges in a row.
        cite: [edm-2018 p1–2, edm-2018 p3-p4, edm-2018 p6.1, ports p2-3]
      - text: Typed out of order.
        cite: [edm-2018 p4, edm-2018 p3, edm-2018 p6.1, edm-2018 p1, edm-2018 p4]
YAML
# (narrow no-break spaces, U+202F, shown as '_')
"$MKBRIEF" --dump-layout "$T/range.yaml" 2>"$T/err" | sed 's/\xE2\x80\xAF/_/g' >"$T/range.txt" || fail "range: $(cat "$T/err")"
# paragraphs typed out of order print in the source's order, each once (a reader's trial:
# '¶10, 9')
if grep -q '|Moscow plays both sides.1_¶1–4|' "$T/range.txt" && grep -q '|Two ranges in a row.1_¶1–4,_6.1;_2_¶2–3|' "$T/range.txt" &&
	grep -q '|Typed out of order.1_¶1,_3–4,_6.1|' "$T/range.txt" &&
	grep -q 'Paragraphs drawn on: 1–4, 6.|' "$T/range.txt"; then pass "cite edm-2018 p1-4: ¶1–4, ranges merged, Sources count each paragraph"
else fail "cite ranges: $(grep -E 'plays|row|drawn' "$T/range.txt" | tr "\n" " ")"; fi
sed -i 's/ports p2-3/ports p2-30/' "$T/range.yaml"
"$MKBRIEF" --check "$T/range.yaml" 2>"$T/err"
if grep -q "range.yaml:12:62: error: paragraph 30 is out of range: 'ports' has 8 paragraphs" "$T/err"; then pass "a range past the article's end is an error at the cite"
else fail "range past the end: $(cat "$T/err")"; fi

# a source's title that ends a sentence of its own (an abbreviation, a question) takes no
# period after it in Sources ("Havenbedrijf N.V..", "Corp.?." printed before: a reader's trial)
printf 'Talks with Havenbedrijf N.V.\n\nPublication: Port Reporter Volume: 3 Issue: 9\n\nThe port spoke.\n' >"$T/nv.txt"
printf 'Talks with Havenbedrijf N.V.\n\nThe port spoke.\n' >"$T/nv2.txt"
cat >"$T/nv.yaml" <<YAML
title: Titles
date: 2025-02-14
sources:
  nv: {file: nv.txt}
  acme: {file: nv.txt, title: "What Is Next for Acme Corp.?"}
  bare: {file: nv2.txt}
  dots: {file: nv.txt, title: "Notes..."}
  peace: {file: nv.txt, title: 'Notes on "Peace"'}
  joneses: {file: nv.txt, title: "The Joneses'"}
sections:
  - heading: H
    content:
      - text: A paragraph.
        cite: [nv p1, acme p1, bare p1, dots p1, peace p1, joneses p1]
YAML
"$MKBRIEF" --dump-layout "$T/nv.yaml" -o "$T/nv.pdf" >"$T/nv.raw" 2>"$T/err" || fail "titles ending in a mark: $(cat "$T/err")"
sed "s/\xC2\xA0/ /g" "$T/nv.raw" >"$T/nv.txt.dump" # no-break spaces as spaces
if grep -q '|Talks with Havenbedrijf N.V. Port Reporter, vol. 3, no. 9.|' "$T/nv.txt.dump" &&
	grep -q '|What Is Next for Acme Corp.? Port Reporter, vol. 3, no. 9.|' "$T/nv.txt.dump" &&
	grep -q '|Talks with Havenbedrijf N.V.|' "$T/nv.txt.dump" && ! grep -q '[.?]\.|' "$T/nv.txt.dump"; then
	pass "Sources: a title ending in '.' or '?' takes no period after it"
else fail "titles ending in a mark: $(grep -E 'N\.V|Corp' "$T/nv.txt.dump" | sed "s/.*|\(.*\)|/\1/" | tr "\n" " ")"; fi
# nor one ending in an ellipsis ("Notes…." before); one ending in a quotation takes it inside
# the closing mark, as the citation lines do (a typed-typography trial); an apostrophe is no
# quotation
if grep -q '|Notes… Port Reporter' "$T/nv.txt.dump" && grep -q '|Notes on “Peace.” Port Reporter' "$T/nv.txt.dump" &&
	grep -q '|The Joneses’. Port Reporter' "$T/nv.txt.dump"; then
	pass "Sources: a title's ellipsis takes no period, its quotation the period inside"
else fail "titles with ellipsis or quotation: $(grep -E 'Notes|Joneses' "$T/nv.txt.dump" | sed "s/.*|\(.*\)|/\1/" | tr "\n" " ")"; fi

# list items are sentences of their own (a marker "1. " ends none); a subheading is a paragraph
out=$("$MKBRIEF" find "$A" "machine parts"; "$MKBRIEF" find "$A" "Publish"; "$MKBRIEF" find "$A" "What the records")
want="p4.3: - machine parts of unknown origin
p7.2: 2. Publish the February count.
p2.1: What the records show"
if [ "$out" = "$want" ]; then pass "find: list items and subheadings are counted as written"; else fail "find in lists: $out"; fi
# in an excerpt: the subheading bold on a line of its own, each list item from its own line
cat >"$T/lists.yaml" <<YAML
title: Lists
date: 2018-01-22
sources:
  ports: {file: $A}
sections:
  - heading: Records
    content:
      - excerpt: {source: ports, paragraphs: 2-5}
      - excerpt: {source: ports, paragraphs: 6-7}
YAML
for layout in handout handout-a4 digest; do
	"$MKBRIEF" --layout $layout --dump-layout "$T/lists.yaml" >"$T/lists.txt" 2>"$T/err" || fail "lists: $(cat "$T/err")"
	ok=1
	grep -q 'Bold[^|]*|What the records show|' "$T/lists.txt" || ok=0
	grep -q 'Bold[^|]*|Next steps|' "$T/lists.txt" || ok=0
	for item in '- coal bound for Dalian' '- refined oil from Nakhodka' '- machine parts of unknown origin' \
		'1. Share the port records with the panel.' '2. Publish the February count.'; do
		grep -qF "line=1/1 font=\"Noto Serif 11\" |$item|" "$T/lists.txt" || grep -qF "|$item|" "$T/lists.txt" || ok=0
	done
	if [ $ok = 1 ]; then pass "$layout: an excerpt prints the subheading bold and each list item on its own line"
	else fail "$layout: $(grep -E 'records|coal|oil|machine|Share|Publish|Next' "$T/lists.txt")"; fi
done

# find: single quotes typed for the source's double ones are found, with a note; --case refuses
E="$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt"
out=$("$MKBRIEF" find "$E" "'probable adversary'" 2>"$T/err"); st=$?
if [ $st = 0 ] && [ "${out%%:*}" = "p1.3" ] && grep -q 'differ in quote marks' "$T/err"; then pass "find: 'single' for “double” quotes found, with a note"
else fail "find single quotes: status $st, $out, $(cat "$T/err")"; fi
"$MKBRIEF" find --case "$E" "'probable adversary'" >/dev/null 2>"$T/err"; st=$?
if [ $st = 1 ] && grep -q 'not found as typed' "$T/err"; then pass "find --case: single for double quotes is not found as typed"; else fail "find --case single quotes: $st $(cat "$T/err")"; fi

# the publication line with commas between its parts: each part without them, the
# attribution and Sources adding their own (no "Review,, vol. 9,,")
mkdir -p "$T/pub" && cat >"$T/pub/a.txt" <<'TXT'
Shipping on the Northern Sea Route
Publication: Polar Economy Review, Volume: 9, Issue: 4;

Traffic on the route reached 36.3 million tonnes in 2023, short of the target the Kremlin set.
TXT
cat >"$T/pub/b.yaml" <<'YAML'
title: Commas
date: 2024-02-12
sources:
  per: {file: a.txt}
sections:
  - heading: Traffic
    content:
      - quote: {source: per, text: "reached 36.3 million tonnes in 2023"}
YAML
"$MKBRIEF" -q -o "$T/pub/b.pdf" "$T/pub/b.yaml" 2>"$T/err" || fail "publication commas: $(cat "$T/err")"
txt=$(pdftotext "$T/pub/b.pdf" - 2>/dev/null | tr '\n' ' ')
if grep -q 'Polar Economy Review, vol. 9, no. 4' <<<"$txt" && ! grep -q ',,\|4;' <<<"$txt"; then
	pass "publication line with commas: Polar Economy Review, vol. 9, no. 4"
else
	fail "publication line with commas: $(grep -o 'Polar Economy[^.]*\.[^.]*' <<<"$txt" | head -2)"
fi

# a plain-text source's typewriter marks are printed as a typesetter sets them (straight
# quotes curly, -- a dash, ... an ellipsis) in excerpts, quotes and the annex, whose
# highlights still cover the quoted words exactly (the link over them reads them)
mkdir -p "$T/typo" && cat >"$T/typo/a.txt" <<'TXT'
Shipping on the Northern Sea Route
Publication: Polar Economy Review Volume: 9 Issue: 4

Transit voyages between Europe and Asia -- the traffic the route was meant to attract -- numbered 75. Rosatom's figures... were late.

A senior underwriter said that "no serious club will write cover east of Dikson in October," and that premiums had 'doubled'.
TXT
cat >"$T/typo/b.yaml" <<'YAML'
title: Typewriter marks
date: 2024-02-12
annex: true
sources:
  per: {file: a.txt}
sections:
  - heading: Traffic
    content:
      - excerpt: {source: per, paragraphs: 1-2}
      - quote: {source: per, text: "no serious club will write cover east of Dikson in October"}
YAML
"$MKBRIEF" -q -o "$T/typo/b.pdf" "$T/typo/b.yaml" 2>"$T/err" || fail "typewriter marks: $(cat "$T/err")"
txt=$(pdftotext "$T/typo/b.pdf" - 2>/dev/null | tr '\n' ' ')
ok=1
for want in 'Asia — the traffic' 'attract — numbered' 'Rosatom’s figures…' 'said that “no serious' 'October,” and' '‘doubled’'; do
	[ "$(grep -oF "$want" <<<"$txt" | wc -l)" -ge 2 ] || { ok=0; echo "missing (excerpt and annex): $want" >>"$T/typo/why"; }
done
grep -q -- '--\|"' <<<"$txt" && { ok=0; echo "a typewriter mark left: $(grep -o -- '.\{20\}\(--\|"\).\{10\}' <<<"$txt" | head -1)" >>"$T/typo/why"; }
[ $ok = 1 ] && pass "a source's straight quotes, -- and ... print curly, as dashes and an ellipsis (excerpt, quote, annex)" ||
	fail "source typewriter marks: $(cat "$T/typo/why")"
# a quotation inside a pull quote takes single quotes (Chicago 13.30);
# the analyst's words around the sources are set as the title is: a source's `title:` and
# `date:`, a quote's speaker and the subtitle (the PDF's Subject) typed with straight quotes
# and --, and an article's own title line (a source's words: its marks only), in citation
# lines, the Sources, the annex's heading and the PDF outline
cat >"$T/typo/c.txt" <<'TXT'
The Arctic's ports -- a survey
Publication: Polar Economy Review Volume: 9 Issue: 5

Ports on the route were "open" in August.

The master said: "The pilots told us 'wait' and we waited."
TXT
cat >"$T/typo/c.yaml" <<'YAML'
title: Fields
subtitle: "Reading pack -- the \"shipping\" desk's"
date: 2024-02-12
annex: true
sources:
  per: {file: a.txt, title: "The \"route\" -- a review", date: "Spring -- 'early' 2024"}
  port: {file: c.txt}
  ice: {file: c.txt, title: "\"The ice\": an interview"}
sections:
  - heading: Traffic
    content:
      - quote: {source: per, text: "no serious club will write cover east of Dikson in October", speaker: "an underwriter -- the \"club's\" man"}
      - excerpt: {source: port, paragraphs: 1}
      - quote: {source: per, text: "said that \"no serious club will write cover east of Dikson in October,\" and"}
      - quote: {source: ice, text: "The pilots told us 'wait' and we waited."}
      - quote: {source: ice, text: "The master said: \"The pilots told us 'wait' and we waited.\""}
YAML
"$MKBRIEF" -q -o "$T/typo/c.pdf" "$T/typo/c.yaml" 2>"$T/err" || fail "fields: $(cat "$T/err")"
txt=$(pdftotext "$T/typo/c.pdf" - 2>/dev/null | tr '\n' ' ')
ok=1
: >"$T/typo/why"
for want in 'The “route” — a review' 'Spring — ‘early’ 2024' 'an underwriter — the “club’s” man' 'The Arctic’s ports — a survey' \
	'“said that ‘no serious club' 'October,’ and”' '“‘The ice’: an interview,”' '“The pilots told us ‘wait’ and we waited.”' '“The master said: ‘The pilots told us “wait” and we waited.’”'; do
	grep -qF "$want" <<<"$txt" || { ok=0; echo "missing: $want" >>"$T/typo/why"; }
done
grep -q -- "--\|\"\|'" <<<"$txt" && { ok=0; echo "a typewriter mark left: $(grep -o -- ".\{20\}\(--\|\"\|'\).\{10\}" <<<"$txt" | head -1)" >>"$T/typo/why"; }
grep -qF 'Subject:         Reading pack — the “shipping” desk’s' <<<"$(pdfinfo "$T/typo/c.pdf")" || { ok=0; echo "Subject: $(pdfinfo "$T/typo/c.pdf" | grep Subject)" >>"$T/typo/why"; }
grep -qF 'The Arctic’s ports — a survey' <<<"$(mutool show "$T/typo/c.pdf" outline 2>/dev/null)" || { ok=0; echo "outline: $(mutool show "$T/typo/c.pdf" outline 2>&1 | tr '\n' '|')" >>"$T/typo/why"; }
[ $ok = 1 ] && pass "a source's title and date, a speaker, the subtitle and an article's title print as the title does (text, Subject, outline); a quotation in a pull quote in single quotes, one in that in double, a title's own quotation marks single in a citation line" ||
	fail "fields: $(cat "$T/typo/why")"
# the annex's links over the quote's words, on the last page, read exactly them (two lines)
last=$(pdfinfo "$T/typo/b.pdf" | awk '/^Pages:/ { print $2 }')
words=$(python3 "$ROOT/tests/tools/linktext.py" "$T/typo/b.pdf" "$last")
grep -qx 'no serious club will write cover east of Dikson' <<<"$words" && grep -qx 'in October' <<<"$words" &&
	pass "annex: the highlight over a quote set between curly quotes covers its words, not the quotes" ||
	fail "annex highlight: $(tr '\n' '|' <<<"$words")"

# a subheading with its paragraph on the next line (no blank line between) is a paragraph
# of its own, printed bold on its line; text wrapped by hand (a full first line, then a
# line that starts a sentence) and a short line ending in punctuation stay one paragraph
mkdir -p "$T/sub" && cat >"$T/sub/a.txt" <<'TXT'
Shipping on the Northern Sea Route
Publication: Polar Economy Review Volume: 9 Issue: 4

Traffic on the route reached 36.3 million tonnes in 2023, short of the target.

Ice conditions
The summer ice minimum in the East Siberian Sea was the fourth lowest on record.

Convoys through the Vilkitsky Strait began in late June, earlier than in 2022.
Icebreakers of the Arktika class escorted them, and no vessel was damaged.

Dear shipowners,
The season will open on July 1.

Moscow has voted for
SupercalifragilisticexpialidociousSupercalifragilisticexpialidocious sanctions, the
source says, and then it denounced them at home.
TXT
ok=1
# (the last: a first line left short because the next word would not fit on it is a wrap,
# not a subheading, and the paragraph is one)
for want in "Ice conditions|p2.1" "The summer ice minimum|p3.1" "Icebreakers of the Arktika|p4.2" "The season will open|p5.1" \
	"Moscow has voted|p6.1" "sanctions, the source|p6.1"; do
	got=$("$MKBRIEF" find "$T/sub/a.txt" "${want%%|*}" 2>/dev/null | cut -d: -f1)
	[ "$got" = "${want##*|}" ] || { ok=0; echo "${want%%|*}: $got, not ${want##*|}" >>"$T/sub/why"; }
done
[ $ok = 1 ] && pass "a subheading on the line before its paragraph is a paragraph; wrapped text is not split" ||
	fail "subheading without a blank line: $(cat "$T/sub/why")"
cat >"$T/sub/b.yaml" <<'YAML'
title: Subheadings
date: 2024-02-12
sources:
  per: {file: a.txt}
sections:
  - heading: Ice
    content:
      - excerpt: {source: per, paragraphs: 2-3}
YAML
"$MKBRIEF" -q --dump-layout "$T/sub/b.yaml" >"$T/sub/d.txt" 2>"$T/err" || fail "subheading excerpt: $(cat "$T/err")"
grep -q 'Bold[^|]*|Ice conditions|' "$T/sub/d.txt" && ! grep -q '|Ice conditions The' "$T/sub/d.txt" &&
	pass "an excerpt prints that subheading bold on its own line" ||
	fail "subheading in the excerpt: $(grep -m2 'Ice' "$T/sub/d.txt")"
# A straight single quote at a word's start that stands for letters left out is an
# apostrophe, not an opening quote: '90s, rock 'n' roll, 'til, 'em (all printed with a
# left quote before), while a quoted word still opens ('wait').
cat >"$T/typo/e.yaml" <<'YAML'
title: "Grids of the '90s"
date: 2024-02-12
sources:
  per: {file: a.txt}
sections:
  - heading: "The '90s"
    content:
      - text: "Since the '90s the grid has run on rock 'n' roll; it's been that way 'til now, and we'll keep 'em running. The pilots told us 'wait' and we waited."
YAML
"$MKBRIEF" -q -o "$T/typo/e.pdf" "$T/typo/e.yaml" 2>"$T/err" || fail "elisions: $(cat "$T/err")"
got=$(pdftotext "$T/typo/e.pdf" - | tr '\n' ' ')
want_all=1
for w in "the ’90s" "rock ’n’ roll" "way ’til now" "keep ’em running" "us ‘wait’ and" "The ’90s"; do
	case "$got" in *"$w"*) ;; *) want_all=0 ;; esac
done
[ $want_all = 1 ] && [ "$(pdfinfo "$T/typo/e.pdf" | sed -n 's/^Title: *//p')" = "Grids of the ’90s" ] &&
	pass "a word-initial apostrophe ('90s, 'n', 'til, 'em) prints as ’, a quoted word opens with ‘" ||
	fail "elisions: $(echo "$got" | grep -o "..........[’‘]..........." | head -6 | tr '\n' ';') title: $(pdfinfo "$T/typo/e.pdf" | grep Title)"
# An excerpt whose `to:` stops before the source's closing quote ends with the quote (it
# printed an opening quote never closed and '[…]' for the quote mark alone); the source
# line of a source without a publication puts its comma inside the quotes too.
cat >"$T/typo/r.txt" <<'TXT'
Court Ruling on the Reservoir

The complaint was upheld in part on September 9, 2024. The lawyer for the NGO called the ruling "a victory on paper and a defeat on the ground."

The ministry said (in a short note) it would appeal.
TXT
cat >"$T/typo/r.yaml" <<'YAML'
title: Closing marks
date: 2025-01-01
sources:
  r: {file: r.txt}
sections:
  - heading: The ruling
    content:
      - excerpt: {source: r, from: "The complaint was upheld", to: "a defeat on the ground."}
      - excerpt: {source: r, text: "The ministry said (in a short note"}
YAML
"$MKBRIEF" -q -o "$T/typo/r.pdf" "$T/typo/r.yaml" 2>"$T/err" || fail "closing marks: $(cat "$T/err")"
got=$(pdftotext "$T/typo/r.pdf" - | tr '\n' ' ')
case "$got" in
*"on the ground.” — “Court Ruling on the Reservoir,” ¶ 1"*"said (in a short note) […]"*)
	pass "an excerpt stopping before the source's closing quote or parenthesis ends with it; the source line's comma goes inside the quotes" ;;
*) fail "closing marks: $(echo "$got" | grep -o 'on the ground.\{0,50\}') / $(echo "$got" | grep -o 'said (.\{0,30\}')" ;;
esac
# An excerpt whose `to:` stops before the source's reference marks ends with them, as it
# prints those inside it (a typographer's trial: "dragging anchors. […]" for "[2][3]" alone)
printf 'Grid Report\n\nThe states completed it.[1] Five cables were cut by ships dragging anchors.[2][3]\n\nMore.\n' >"$T/typo/m.txt"
cat >"$T/typo/m.yaml" <<'YAML'
title: Reference marks
date: 2025-01-01
sources:
  m: {file: m.txt}
sections:
  - heading: The cables
    content:
      - excerpt: {source: m, from: "The states completed", to: "dragging anchors."}
YAML
"$MKBRIEF" -q -o "$T/typo/m.pdf" "$T/typo/m.yaml" 2>"$T/err" || fail "reference marks: $(cat "$T/err")"
got=$(pdftotext "$T/typo/m.pdf" - | tr '\n' ' ')
case "$got" in
*"anchors.[2][3] — "*) pass "an excerpt stopping before the source's reference marks ends with them, no elision mark" ;;
*) fail "reference marks: $(echo "$got" | grep -o 'anchors.\{0,20\}')" ;;
esac
# and every mark matching reads as one: "[4, 5]" with its space, a superscript, digits after
# a sentence (an excerpt stopping before "[4, 5]" printed "[…]" for the marks alone)
printf 'Grid Report\n\nFive cables were cut by ships dragging anchors.[4, 5]\n\nThe accord stood for a decade.\xc2\xb2\n\nOfficials ratified it.12\n\nMore.\n' >"$T/typo/m2.txt"
cat >"$T/typo/m2.yaml" <<'YAML'
title: Reference marks
date: 2025-01-01
sources:
  m: {file: m2.txt}
sections:
  - heading: The cables
    content:
      - excerpt: {source: m, from: "Five cables", to: "dragging anchors."}
      - excerpt: {source: m, from: "The accord", to: "a decade."}
      - excerpt: {source: m, from: "Officials", to: "ratified it."}
YAML
"$MKBRIEF" -q -o "$T/typo/m2.pdf" "$T/typo/m2.yaml" 2>"$T/err" || fail "reference marks: $(cat "$T/err")"
got=$(pdftotext "$T/typo/m2.pdf" - | tr '\n' ' ')
case "$got" in
*"anchors.[4, 5] — "*"decade.² — "*"it.12 — "*) pass "an excerpt stopping before '[4, 5]', a superscript mark or digits ends with them" ;;
*) fail "reference marks: $(echo "$got" | grep -o 'anchors.\{0,20\}\|decade.\{0,20\}\|it\.1.\{0,20\}')" ;;
esac
# The mirror: an excerpt that starts just inside a quotation it closes starts with the
# opening mark (a reader's trial: '[…] We want … number,” said'); a pull quote cut inside a
# quotation of its source closes it before its own mark ('he had ‘not wanted … lift”')
cat >"$T/typo/o.txt" <<'TXT'
Trial Results

"We want to be careful not to over-read an interim number," said the company's officer. "But the result is robust."

The officer told investigators that he had "not wanted to disturb the Captain for fog that might lift," an explanation.
TXT
cat >"$T/typo/o.yaml" <<'YAML'
title: Opening marks
date: 2025-01-01
sources:
  o: {file: o.txt}
sections:
  - heading: The trial
    content:
      - excerpt: {source: o, from: "We want to be careful", to: "said the company's officer."}
      - quote: {source: o, text: "he had \"not wanted to disturb the Captain for fog that might lift"}
YAML
"$MKBRIEF" -q -o "$T/typo/o.pdf" "$T/typo/o.yaml" 2>"$T/err" || fail "opening marks: $(cat "$T/err")"
got=$(pdftotext "$T/typo/o.pdf" - | tr '\n' ' ')
case "$got" in
*" “We want to be careful"*"number,” said"*"“he had ‘not wanted"*"might lift’”"*)
	case "$got" in
	*"[…] We want"*) fail "opening marks: an elision mark before the opening quote" ;;
	*) pass "an excerpt starting inside a quotation starts with its mark; a pull quote cut inside one closes it" ;;
	esac ;;
*) fail "opening marks: $(echo "$got" | grep -o '.\{0,10\}We want.\{0,20\}') / $(echo "$got" | grep -o 'might lift.\{0,4\}')" ;;
esac
# A bidi override in a source reaches the terminal escaped, in find's lines and in a
# diagnostic: printed raw, it reorders what follows it ("Trojan Source")
printf 'Bidi\n\nThe word \342\200\256evil\342\200\254 is here.\n' >"$T/typo/bidi.txt"
got=$("$MKBRIEF" find "$T/typo/bidi.txt" "The word" 2>&1)
[ "$got" = 'p1.1: The word \u202eevil\u202c is here.' ] && pass "find shows a bidi override escaped (\\u202e)" ||
	fail "bidi override: $got"
# An article with Windows line ends (CR LF) and hand-wrapped paragraphs: a line break is
# one space in a quote, an excerpt, the annex and find's lines, never two (the CR was set
# as a space of its own: a hostile trial)
mkdir -p "$T/crlf" && cd "$T/crlf" || exit 1
printf 'Title here\r\n\r\nFirst line of para\r\ncontinues here. Second sentence.\r\n\r\nAnother para\r\nwith a break.\r\n' >crlf.txt
printf '%s\n' "title: T" "date: 2018-01-22" "sources:" "  c: {file: crlf.txt}" "sections:" "  - heading: H" "    content:" \
	'      - quote: {source: c, text: "First line of para continues here."}' "      - excerpt: {source: c, paragraphs: 1-2}" >crlf.yaml
"$MKBRIEF" -q --annex -o crlf.pdf crlf.yaml 2>err.txt
doubles=$(pdftotext crlf.pdf - 2>/dev/null | grep -c 'para  continues\|para  with')
found=$("$MKBRIEF" find crlf.txt "continues here" 2>&1)
if [ -s crlf.pdf ] && [ "$doubles" = 0 ] && [ "$(pdftotext crlf.pdf - | grep -c 'para continues')" -ge 3 ] &&
	[ "$found" = "p1.1: First line of para continues here." ]; then
	pass "a CR LF line break is one space in quotes, excerpts, the annex and find"
else
	fail "CR LF: $doubles lines with two spaces; find: '$found'; $(head -1 err.txt)"
fi
cd "$ROOT" || exit 1
# A pull quote the analyst cut at its start or end ('[...] words [...]') prints the marks
# there: the sentence goes on in the source (the trailing one was dropped: a reader's trial)
mkdir -p "$T/qcut" && cd "$T/qcut" || exit 1
printf '%s\n' "title: T" "date: 2018-01-22" "sources:" "  edm: {file: $ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}" \
	"sections:" "  - heading: H" "    content:" '      - quote: {source: edm, text: "[...] a mature and [...]"}' >q.yaml
got=$(MKBRIEF_ROOT=/ "$MKBRIEF" -q --dump-layout q.yaml 2>&1 | grep -o '|[^|]*mature and[^|]*|')
[ "$got" = "|“[…] a mature and […]”|" ] && pass "a pull quote cut at both ends prints [...] at both" ||
	fail "quote cut at its ends: '$got'"
cd "$ROOT" || exit 1
# A pull quote typed with its source's own quotation marks round it, as the source prints it,
# is set inside the pull quote's marks alone (an analyst's trial printed “„Die … verhandelbar.“”
# and “«чисто коммерческим»”); one with a quotation of that kind inside keeps its marks
mkdir -p "$T/qmarks" && cd "$T/qmarks" || exit 1
printf 'Gas\n\nSie sagte: \342\200\236Das ist nicht verhandelbar.\342\200\234 Er nannte es \302\253\302\240chisto\302\240\302\273 und "nein" und "ja".\n' >q.txt
printf '%s\n' "title: T" "date: 2018-01-22" "sources:" "  q: {file: q.txt}" "sections:" "  - heading: H" "    content:" \
	'      - quote: {source: q, text: "\u201EDas ist nicht verhandelbar.\u201C"}' \
	'      - quote: {source: q, text: "\u00AB chisto \u00BB"}' '      - quote: {source: q, text: "\"nein\" und \"ja\""}' >q.yaml
got=$("$MKBRIEF" -q --dump-layout q.yaml 2>&1 | grep -o '|[^|]*|' | tr '\n' ' ')
case "$got" in
*"|“Das ist nicht verhandelbar.”|"*"|“chisto”|"*"|“„nein“ und „ja“”|"*) pass "a pull quote typed with its source's marks round it prints them once" ;;
*) fail "a pull quote with its source's marks: '$got'" ;;
esac
cd "$ROOT" || exit 1
# An article that opens with blank lines: the title is its first line with words (the blank
# line was taken for the title, printing '— “,” ¶ 1' and a Sources entry '1. .'; `new`
# wrote a brief with an empty title that failed its own check: a hostile trial)
mkdir -p "$T/lead" && cd "$T/lead" || exit 1
{ printf '\n\n\nLate Title\n\nPublication: Eurasia Daily Monitor Volume: 14 Issue: 42\n\n'; printf 'The first paragraph says what the article is about, at some length.\n'; } >lead.txt
printf '%s\n' "title: T" "date: 2018-01-22" "sources:" "  l: {file: lead.txt}" "sections:" "  - heading: H" "    content:" \
	"      - excerpt: {source: l, paragraphs: 1}" >lead.yaml
"$MKBRIEF" -q -o lead.pdf lead.yaml 2>err.txt
"$MKBRIEF" new lead.txt >new.yaml 2>>err.txt
if pdftotext lead.pdf - 2>/dev/null | grep -q '“Late Title,” Eurasia Daily Monitor' && grep -q '^title: "Late Title"$' new.yaml &&
	"$MKBRIEF" -q --check new.yaml 2>>err.txt; then
	pass "an article that opens with blank lines: its title is its first line with words"
else
	fail "leading blank lines: $(pdftotext lead.pdf - 2>/dev/null | grep '¶' | head -1) $(grep '^title' new.yaml) $(head -2 err.txt)"
fi
cd "$ROOT" || exit 1
# and a quote not found there shows its closest passage with one space at a line break; an
# article whose lines end in CR alone is one line, and the error says so (it said only 'no
# paragraphs after the header': a hostile trial)
cd "$T/crlf" || exit 1
printf '%s\n' "title: T" "date: 2018-01-22" "sources:" "  c: {file: crlf.txt}" "sections:" "  - heading: H" "    content:" \
	'      - quote: {source: c, text: "First line of para continued here"}' >miss.yaml
close=$("$MKBRIEF" --check miss.yaml 2>&1 | grep 'closest passage')
printf 'Title here\r\rFirst line of para\rcontinues here.\r' >cr.txt
cr=$("$MKBRIEF" find cr.txt "continues" 2>&1)
if echo "$close" | grep -q 'para continues' && ! echo "$close" | grep -q 'para  continues' &&
	echo "$cr" | grep -q 'note: this file ends its lines with CR alone'; then
	pass "a closest passage across a CR LF break has one space; an article of CR-only lines says so"
else
	fail "closest passage with CR LF: '$close'; CR only: '$cr'"
fi
cd "$ROOT" || exit 1
# find shows a word hyphenated at a hand-wrapped line end whole, as it prints ("well- known")
out=$("$MKBRIEF" find "$ROOT/tests/articles/hand-wrapped-hyphen.txt" "known treaty" 2>&1)
if [ "$out" = "p1.1: The well-known treaty was signed in spring." ]; then pass "find: a hand-wrapped hyphenated word shows whole"; else fail "find across a hand-wrapped hyphen: $out"; fi
