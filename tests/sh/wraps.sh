# wraps.sh: a source wrapped by hand that broke a hyphenated word at a line's end
# ("well-" / "known", "Franco-" / "German", "COVID-" / "19") prints the word whole, and a
# quote typed whole matches it; a suspended hyphen keeps its space ("pre-" / "and post-war"),
# and so does a spaced dash ("signed by the -" / "parties").
. "$(dirname "$0")/lib.bash"
cd "$T" || exit 1
printf 'Wrapped Words\n\nThe well-\nknown Franco-\nGerman treaty on COVID-\n19 was signed by the -\nparties in pre-\nand post-war talks.\n' >w.txt
cat >b.yaml <<YAML
title: Wraps
date: 2026-03-14
sources:
  w: {file: w.txt}
sections:
  - heading: Test
    content:
      - excerpt: {source: w, paragraphs: 1}
      - quote: {source: w, text: "The well-known Franco-German treaty on COVID-19"}
      - quote: {source: w, text: "in pre- and post-war talks"}
YAML
"$MKBRIEF" -q -o b.pdf b.yaml 2>err.txt || { fail "the brief builds: $(head -3 err.txt | tr '\n' ' ')"; exit 0; }
txt=$(pdftotext b.pdf - | tr '\n' ' ')
missing=
for want in "The well-known Franco-German treaty on COVID-19 was signed by the - parties in pre- and post-war talks." \
	"“The well-known Franco-German treaty on COVID-19”" "“in pre- and post-war talks”"; do
	[[ "$txt" == *"$want"* ]] || missing="$missing [$want]"
done
[ -z "$missing" ] && pass "a hyphenated word wrapped by hand prints whole and matches whole; a suspended hyphen keeps its space" ||
	fail "not printed:$missing in: $txt"
