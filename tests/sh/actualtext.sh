# actualtext.sh: an element's tagged text reads whole past a cluster that Cairo writes with
# ActualText: "é" typed as e and a combining accent (as macOS and some sources type it)
# is drawn as the glyph é, which Cairo wraps in /Span << /ActualText (e, U+0301) >> BDC
# nested in the element's marked content, and poppler's structure reader ended the
# element's text at that span ("Caf" for "Café society..."). The finishing pass cuts such a
# span out as a sequence of the element's own (its MCID, in the element's order); checked
# here in a heading, a paragraph, a bullet and a caption, in every layout, with the tagged
# PDF checks of tests/tools/tagcheck.py, and the pdftotext text left as it was.
. "$(dirname "$0")/lib.bash"
cd "$ROOT" || exit 1
E=$'e\xcc\x81' I=$'i\xcc\x88'
printf 'An article\n\nIts only paragraph says little.\n' >"$T/a.txt"
cat >"$T/b.yaml" <<B
title: Decomposed accents
date: 2018-01-22
marking: "(U)"
sources:
  a: {file: a.txt}
sections:
  - heading: "Caf$E society and its r${E}sum$E after all"
    content:
      - text: "The na${I}ve caf$E owner said nothing more about it, then left early."
      - bullets:
          - "A d${E}tente of sorts, and then the talks went on."
      - figure:
          file: c.svg
          alt: A grey square
          caption: "The caf$E at noon, with nobody in it"
B
printf '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#ccc"/></svg>\n' >"$T/c.svg"
want=(
	"Caf$E society and its r${E}sum$E after all"
	"(U) The na${I}ve caf$E owner said nothing more about it, then left early."
	"(U) A d${E}tente of sorts, and then the talks went on."
	"The caf$E at noon, with nobody in it"
)
for layout in handout handout-a4 digest; do
	if ! "$MKBRIEF" -q --layout "$layout" -o "$T/$layout.pdf" "$T/b.yaml" 2>"$T/err"; then
		fail "$layout: $(head -3 "$T/err")"
		continue
	fi
	# an element's text, its marked sequences' parts (one quoted line each) joined
	pdfinfo -struct-text "$T/$layout.pdf" | awk '
		/^ *".*"$/ { match($0, /^ */); s = $0; sub(/^ *"/, "", s); sub(/"$/, "", s)
			if (RLENGTH == ind && open) text = text s; else { if (open) print text; text = s; ind = RLENGTH; open = 1 }
			next }
		{ if (open) print text; open = 0 }
		END { if (open) print text }' >"$T/$layout.st"
	missing=""
	for w in "${want[@]}"; do
		# the accents as the reader gives them: composed or as typed
		c=$(printf '%s' "$w" | python3 -c 'import sys, unicodedata; print(unicodedata.normalize("NFC", sys.stdin.read()))')
		grep -qF -- "$w" "$T/$layout.st" || grep -qF -- "$c" "$T/$layout.st" || missing="$missing [$c]"
	done
	if [ -z "$missing" ]; then
		pass "$layout: pdfinfo -struct-text reads every element whole past its accents"
	else
		fail "$layout: not whole in the tagged text:$missing; got: $(grep -i 'caf\|na\|d.tente' "$T/$layout.st" | head -6 | tr '\n' '|')"
	fi
	if out=$(/usr/bin/python3 tests/tools/tagcheck.py "$T/$layout.pdf" "$T/b.yaml" 2>&1); then
		pass "$layout: the tagged PDF checks pass"
	else
		fail "$layout: $(grep -v '^ok' <<<"$out" | head -3 | tr '\n' ' ')"
	fi
	if pdftotext "$T/$layout.pdf" - | tr '\n' ' ' | grep -qF "owner said nothing more"; then
		pass "$layout: pdftotext reads the paragraph"
	else
		fail "$layout: pdftotext: $(pdftotext "$T/$layout.pdf" - | grep -i owner)"
	fi
done
