# textio.sh: text in = text out. Briefs whose excerpts and quotes cover every shipped
# article, the licence texts of /usr/share/common-licenses (converted by bench/scale) and
# generated long paragraphs, rendered in every layout of layouts/; pdftotext must give back
# every word of every excerpt, quote and analyst paragraph, in order (tests/textio/check.py).
# Each rendering prints a PASS line; a FAIL names the brief and line, the layout, the block,
# the first word lost or changed with its context in the source and in the PDF.
. "$(dirname "$0")/lib.bash"
cd "$ROOT"
PY="python3 tests/textio/check.py"
for tool in python3 pdftotext; do
	command -v $tool >/dev/null || { fail "$tool is installed"; exit 0; }
done
# the briefs in $X, their articles in $X/articles: no path climbs out of a brief's directory
X=$T/x
if ! bench/scale 1 "$X" >/dev/null 2>"$T/err"; then
	fail "bench/scale converts the licence texts ($(head -3 "$T/err"))"
	exit 0
fi
rm -f "$X"/*.yaml # bench/scale's own briefs
# long paragraphs, each long article in its own brief: 2,000 words (under 32 KiB, broken
# whole) and 12,000 words (broken a window at a time); 70,000 words, of which mkbrief once
# printed 58 (Pango's breaker overflowed)
if ! $PY article "$X/articles/long-a.txt" 2000 12000 || ! $PY article "$X/articles/long-b.txt" 70000; then
	fail "long articles generated"
	exit 0
fi
# awkward words: ligatures, accents, Greek and Cyrillic, folded quotes and dashes, soft
# hyphens, no-break spaces, addresses, a word wider than a column
$PY tricky "$X/articles/tricky.txt" || { fail "tricky article generated"; exit 0; }
if ! $PY gen "$X" --long long-a --long long-b --own tricky >"$T/gen" 2>&1; then
	fail "briefs generated ($(tail -3 "$T/gen"))"
	exit 0
fi
# on failure the briefs, PDFs and pdftotext files stay beside the binary for a look
keep=$(dirname "$MKBRIEF")/textio-out
TEXTIO_KEEP=$keep $PY run "$X" "$ROOT" "$MKBRIEF" | tee "$T/run"
if grep -q '^FAIL' "$T/run"; then
	rm -rf "$keep" && cp -r "$X" "$keep"
fi

# end to end: pdftotext's own file with one word taken out must fail, naming that word
o=$X/out/textio-shipped-paragraphs-handout
if w=$($PY mutate "$X/textio-shipped-paragraphs.json" layouts/handout.yaml "$o.html" "$T/cut.html" 2>&1); then
	out=$($PY check "$X/textio-shipped-paragraphs.json" layouts/handout.yaml "$T/cut.html" 2>&1)
	st=$?
	first=$(grep -m1 '^FAIL' <<<"$out")
	if [ $st = 1 ] && grep -qF "'$w' missing" <<<"$first"; then
		pass "self-check: pdftotext output with '$w' deleted fails: ${first#FAIL sh/textio: }"
	else
		fail "self-check: pdftotext output with '$w' deleted fails (status $st: ${out:0:300})"
	fi
else
	fail "self-check: a word deleted from pdftotext's output ($w)"
fi
