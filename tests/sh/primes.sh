# primes.sh: a straight quote after a number that closes no quotation is a prime, in a
# source's passage as in the analyst's text: a 12" gun, a 6' mast, 5'11", 35°12'N and
# 35°12'30"N print ″ and ′; a mark that closes an open quotation stays a quote ("the
# Article 12", "ready by 2019", also when the passage starts inside the quotation), and a
# decade's apostrophe stays one ('90s). Inside a quotation that closes later, a mark after a
# number before a word is a prime ("a 12" gun," he said); Swiss thousands take an apostrophe
# (CHF 25'000). A quote typed with the source's straight 12" matches.
. "$(dirname "$0")/lib.bash"
cd "$T" || exit 1
cat >b.yaml <<YAML
title: Primes
date: 2026-03-14
sources:
  p: {file: $ROOT/tests/articles/primes.txt}
sections:
  - heading: Test
    content:
      - excerpt: {source: p, paragraphs: 1-3}
      - quote: {source: p, text: "fitted a 12\" gun and a 6' mast"}
      - quote: {source: p, text: "ready by 2019\" twice"}
      - text: "A 12\" gun, 5'11\" tall, 35°12'N, 35°12'30\"N, \"the Article 12\", he said \"by 2019\", the '90s."
      - text: "\"We fitted a 12\" gun,\" he said, \"for CHF 25'000.\""
YAML
"$MKBRIEF" -q -o b.pdf b.yaml 2>err.txt || { fail "the brief builds: $(head -1 err.txt)"; exit 0; }
txt=$(pdftotext b.pdf - | tr '\n' ' ')
missing=
for want in "a 12″ gun and a 6′ mast" "5′11″ tall" "35°12′N and 35°12′30″N" "“the Article 12”" "“we will be ready by 2019”" \
	"the ’90s" "ready by 2019” twice" "A 12″ gun, 5′11″ tall, 35°12′N, 35°12′30″N, “the Article 12”, he said “by 2019”, the ’90s." \
	"“We fitted a 12″ gun and a 6″ mortar,” the captain said; the yard billed CHF 25’000 for 1’250’000 rounds." \
	"“We fitted a 12″ gun,” he said, “for CHF 25’000.”"; do
	[[ "$txt" == *"$want"* ]] || missing="$missing [$want]"
done
[ -z "$missing" ] && pass "a quote after a number that closes no quotation prints a prime; one that closes a quotation a quote" ||
	fail "not printed:$missing in: $txt"
