# source-lang.sh: a source's lang: (a German article quoted in an English brief). Its words
# (excerpts, pull quotes, the annex) are set in its language: --dump-layout says lang=de on
# their lines, the tagged PDF gives their P elements /Lang (de) and nothing else (not the
# citation line, which is the brief's words; the document stays en-US); with no German
# patterns installed they are not hyphenated, and a warning at the source's lang: says so
# once, naming the package; the straight quotes of a source that sets „…“ still print „…“.
# In every layout. A source in the brief's own language is set as the brief is.
. "$(dirname "$0")/lib.bash"
cd "$T" || exit 1
TC=(/usr/bin/python3 "$ROOT/tests/tools/tagcheck.py")
cat >b.yaml <<YAML
title: Budget cuts in Germany
date: 2026-03-14
sources:
  bz: {file: $ROOT/tests/articles/german-budget.txt, lang: de}
  bz2:
    file: $ROOT/tests/articles/german-budget.txt
    lang: DE
  edm: {file: $ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt, lang: en-us}
sections:
  - heading: Test
    content:
      - text: Berlin cut the transfers to the municipalities.
      - excerpt: {source: bz, paragraphs: 1-3}
      - quote: {source: bz2, text: "man halte \"die Zusammenarbeit zwischen Bund und Ländern für unverzichtbar\""}
      - quote: {source: edm, text: "Kim Jong Un, as a mature"}
YAML
for layout in handout handout-a4 digest; do
	"$MKBRIEF" --layout $layout -o $layout.pdf b.yaml 2>err.txt || { fail "$layout: the brief builds: $(head -1 err.txt)"; continue; }
	warn=$(grep -c "warning: no hyphenation patterns for lang 'de'" err.txt)
	if [ "$warn" = 1 ] && grep -q "^.*b.yaml:4:[0-9]*: warning: no hyphenation patterns for lang 'de': the words of source 'bz' are set unhyphenated" err.txt &&
		grep -q "note: the patterns installed (/usr/share/hyphen) are for: .*en-US.*; to hyphenate them, install hyphen-de (Debian, Ubuntu: apt install hyphen-de)" err.txt; then
		pass "$layout: no German patterns: one warning at the first source's lang:, naming hyphen-de"
	else fail "$layout: the warning: $(cat err.txt)"; fi
	"$MKBRIEF" -q --layout $layout --dump-layout b.yaml >dump.txt 2>err.txt || { fail "$layout: --dump-layout: $(cat err.txt)"; continue; }
	# the excerpt's and the German quote's lines say lang=de, and only theirs
	de=$(grep ' lang=de ' dump.txt | sed 's/.*|\(.*\)|$/\1/' | tr '\n' ' ')
	other=$(grep -v ' lang=de ' dump.txt | grep -c ' lang=')
	if [[ "$de" == "Die Abgeordneten"*"zurückwiesen."*"Ein Sprecher"*"Untersuchungen an."*"“man halte "*"Bund und Ländern für unverzichtbar"* ]] &&
		[[ "$de" != *Beispielzeitung* && "$de" != *mature* ]] && [ "$other" = 0 ]; then
		pass "$layout: the German source's lines, and only theirs, are set in lang=de"
	else fail "$layout: lang=de lines: $de; other langs: $other"; fi
	# never hyphenated with the brief's English patterns (nor any: none are installed),
	# which break it where German does not ("beze-" / "ichneten", "Haushaltskon-" /
	# "solidierung", as it was set before sources had a language)
	hy=$(grep ' lang=de ' dump.txt | grep -c -- '[[:alpha:]]-|$')
	sed '/^  bz:/s/, lang: de//' b.yaml >en.yaml
	en=$("$MKBRIEF" -q --layout $layout --dump-layout en.yaml | grep -c -- '[[:alpha:]]-|$')
	[ "$hy" = 0 ] && [ "$en" -gt 0 ] && pass "$layout: the German text is not hyphenated by English patterns (as it is without lang: de)" ||
		fail "$layout: German lines hyphenated: $hy ($(grep ' lang=de ' dump.txt | grep -- '-|$' | head -2)); without lang: de, $en"
	# the source's own „…“ decide its straight quotes still
	[[ "$de" == *"„haushaltspolitischen Offenbarungseid“"* ]] && pass "$layout: a source that sets „…“ gets its straight quotes set „…“" ||
		fail "$layout: straight quotes in the German excerpt: $de"
	# the tagged PDF: /Lang (de) on the German text's P elements, not on the citation lines
	"${TC[@]}" --text $layout.pdf >text.txt 2>&1 || { fail "$layout: tagcheck --text: $(tail -1 text.txt)"; continue; }
	if [ "$(grep -c '^P\[de\]: ' text.txt)" -ge 3 ] && grep -q '^P\[de\]: Die Abgeordneten nannten' text.txt &&
		grep -q '^P\[de\]: “man halte' text.txt && ! grep '^P\[de\]' text.txt | grep -q 'Beispielzeitung\|mature' &&
		[ "$(grep -c '^[A-Za-z0-9]*\[' text.txt)" = "$(grep -c '^P\[de\]' text.txt)" ] &&
		grep -q '^P: — .*Beispielzeitung' text.txt; then
		pass "$layout: the German text's P elements, and only theirs, have /Lang (de)"
	else fail "$layout: structure: $(grep '\[' text.txt | head -5)"; fi
	"${TC[@]}" $layout.pdf b.yaml >tc.txt 2>&1 && pass "$layout: tagcheck passes" || fail "$layout: tagcheck: $(grep FAIL tc.txt)"
done
# patterns in MKBRIEF_HYPHEN_DIR (tests/hyphen: a tiny German stand-in that breaks before a
# consonant and its vowel) are found, and hyphenate the German text, words with umlauts and
# capitalised nouns too (German capitalises every noun: no name to keep whole); no warning
export MKBRIEF_HYPHEN_DIR=$ROOT/tests/hyphen
"$MKBRIEF" --layout digest --dump-layout b.yaml >dump.txt 2>err.txt || fail "with MKBRIEF_HYPHEN_DIR: $(cat err.txt)"
grep -q warning err.txt && fail "with MKBRIEF_HYPHEN_DIR: a warning: $(cat err.txt)" || pass "with MKBRIEF_HYPHEN_DIR, no warning"
"$MKBRIEF" -q --dump-layout b.yaml >handout.txt 2>err.txt || fail "with MKBRIEF_HYPHEN_DIR, handout: $(cat err.txt)"
broken=$(cat dump.txt handout.txt | grep ' lang=de ' | grep -o -- '[^ „]*-|$' | tr -d '|' | tr '\n' ' ')
if [[ "$broken" == *[äöü]*-* || "$broken" == *-*[äöü]* ]] && [[ "$broken" == *[[:upper:]]*-* ]] && [[ "$broken" != *beze-* ]]; then
	pass "the German text is hyphenated by the German patterns: $broken"
else fail "German patterns: lines end in: $broken"; fi
# and, hyphenated, the handout's justified German paragraphs no longer fall back to ragged lines
n=$(grep ' lang=de ' handout.txt | grep -c ragged-fallback)
[ "$n" = 0 ] && pass "hyphenated, the handout sets the German text justified" || fail "$n lines set ragged in the handout"
unset MKBRIEF_HYPHEN_DIR
# the document's own /Lang stays the brief's
/usr/bin/python3 -c 'import pikepdf,sys; sys.exit(str(pikepdf.open(sys.argv[1]).Root.Lang) != "en-US")' handout.pdf &&
	pass "the document's /Lang stays en-US" || fail "the document's /Lang is not en-US"
# the annex prints the source whole in its language
"$MKBRIEF" -q --annex --dump-layout b.yaml >annex.txt 2>err.txt || fail "--annex: $(cat err.txt)"
n=$(grep -c ' lang=de .*|Ein Sprecher des Städtetags' annex.txt)
[ "$n" -ge 2 ] && ! grep '|Ein Sprecher des Städtetags' annex.txt | grep -vq ' lang=de ' &&
	pass "the annex sets the German source in lang=de too" || fail "annex: $n lines of 'Ein Sprecher' in lang=de, of $(grep -c '|Ein Sprecher' annex.txt)"
# a source in the brief's language, or a brief in the source's, is set as the brief
sed -i 's/^title: Budget cuts in Germany/lang: de-DE\ntitle: Haushalt/' b.yaml
# (a German brief needs German patterns: none are installed, so only what --check reads of
# the sources is checked here)
"$MKBRIEF" --dump-layout b.yaml >/dev/null 2>err.txt
grep -q "error: no hyphenation patterns for lang 'de-DE'" err.txt && ! grep -q "warning: no hyphenation patterns for lang 'de'" err.txt &&
	pass "a German brief's own lang is the error, not its German sources'" || fail "a German brief: $(cat err.txt)"
