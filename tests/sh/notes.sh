# notes.sh: notes written ^[in the text]: each note's first line is at the foot of the page
# (and column) whose line carries its mark, in every layout; notes are numbered in the order
# of their marks; a note too long for the room goes on at the next page's foot with nothing
# lost; `notes: end` lists them in a Notes section before the Sources instead.
. "$(dirname "$0")/lib.bash"
G="$ROOT/tests/golden/notes"

# the page and column of each note's mark, and of its first line at a foot
same_place() { # dump file → "ok" or the first note whose mark and note part
	awk '/^page / { p = $2 }
	/^  (line|row) .*notes=/ { for (i = 1; i <= NF; i++) if ($i ~ /^col=/) c = $i; mark[++m] = p " " c }
	/^  note .* line=1\// { for (i = 1; i <= NF; i++) { if ($i ~ /^col=/) c = $i; if ($i ~ /^note=/) n = substr($i, 6) }; at[n] = p " " c }
	END {
		for (k = 1; k <= m; k++) if (mark[k] != at[k]) { print "note " k ": mark on page " mark[k] ", note on page " at[k]; exit }
		print m " notes"
	}' "$1"
}
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --layout "$layout" --dump-layout "$G/brief.yaml" >"$T/$layout.txt" 2>"$T/err" || fail "$layout: $(cat "$T/err")"
	r=$(same_place "$T/$layout.txt")
	if [ "$r" = "5 notes" ]; then pass "$layout: each of the 5 notes begins at the foot of its mark's page and column"; else fail "$layout: $r"; fi
done
# the check itself: a note moved to another page is caught
awk '/^  note .*note=2 line=1\// { sub("col=0", "col=1") } { print }' "$T/handout.txt" >"$T/moved.txt"
case "$(same_place "$T/moved.txt")" in "note 2:"*) pass "self-check: a note away from its mark is caught" ;; *) fail "self-check: the check misses a moved note" ;; esac

# numbered in the order of their marks, the marks printed as superscripts in the text
order=$(grep -o 'note=[0-9]* line=1/' "$T/handout.txt" | sed 's/note=\([0-9]*\).*/\1/' | tr '\n' ' ')
if [ "$order" = "1 2 3 4 5 " ]; then pass "notes numbered 1-5 in the order of their marks"; else fail "note order: $order"; fi

# the long note: on two pages, every line once, in order
lines=$(awk '/^page / { p = $2 } /^  note .*note=5 / { split($0, a, "line="); split(a[2], b, "/"); print p, b[1], b[2] }' "$T/handout.txt")
pages=$(echo "$lines" | awk '{ print $1 }' | sort -u | wc -l)
count=$(echo "$lines" | wc -l)
total=$(echo "$lines" | awk 'NR == 1 { print $3 }')
inorder=$(echo "$lines" | awk '$2 != NR { bad = 1 } END { print bad ? "no" : "yes" }')
if [ "$pages" = 2 ] && [ "$count" = "$total" ] && [ "$inorder" = yes ]; then
	pass "a note longer than the room goes on at the next page's foot: $total lines on 2 pages, each once"
else
	fail "long note: $count of $total lines on $pages pages (in order: $inorder)"
fi
"$MKBRIEF" -q "$G/brief.yaml" -o "$T/n.pdf" 2>/dev/null
words=$(pdftotext "$T/n.pdf" - | grep -c 'The transcript of the meeting was published')
# the marks are letters, so that a mark before a citation does not read as a source
# number ("politician.a,1 ¶1", never "politician.1,1 ¶1"); the notes a to e
txt=$(pdftotext "$T/n.pdf" - | tr '\n' ' ')
if grep -qF 'politician.a,1 ¶1' <<<"$txt" && ! grep -q '[a-z.]1,1 ¶' <<<"$txt"; then pass "note marks are letters: a mark and a citation read apart"; else fail "note marks: $(grep -o 'politician.\{12\}' <<<"$txt")"; fi
if [ "$words" = 1 ]; then pass "the long note's text is in the PDF once"; else fail "long note text found $words times"; fi

# notes: end
printf 'notes: end\n' >"$T/end.yaml"
"$MKBRIEF" -q --layout "$T/end.yaml" --dump-layout "$G/brief.yaml" >"$T/end.txt" 2>"$T/err"
heads=$(grep ' heading ' "$T/end.txt" | sed 's/.*" |//; s/|$//' | tr '\n' '/')
entries=$(grep -c '^  line .*|[a-z]\{1,2\}.[A-Z]' "$T/end.txt")
if [ "$heads" = "Notes at the foot/Notes/Sources/" ] && ! grep -q '^  note ' "$T/end.txt" && [ "$entries" -ge 5 ]; then
	pass "notes: end sets them in a Notes section before the Sources, none at a foot"
else
	fail "notes: end: headings $heads, $entries entries $(cat "$T/err")"
fi
"$MKBRIEF" -q --layout "$T/end.yaml" "$G/brief.yaml" -o "$T/end.pdf" 2>/dev/null
links() { qpdf --json "$1" 2>/dev/null | grep -c '"/Subtype": "/Link"'; }
foot_links=$(links "$T/n.pdf")
end_links=$(links "$T/end.pdf")
if [ "$end_links" -ge $((foot_links + 5)) ]; then pass "notes: end: each of the 5 marks links to its note ($foot_links links, then $end_links)"; else fail "notes: end: $foot_links links at the foot, $end_links at the end"; fi

# a citation inside a note stands where it was written (after the punctuation it is typed
# before, as a mark is), not at the note's end; two in a
# row are one superscript
mkdir -p "$T/c" && ln -s "$ROOT/briefs/articles" "$T/c/articles"
cat >"$T/c/b.yaml" <<'YAML'
title: Cited notes
date: 2018-01-22
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: One
    content:
      - text: Russia voted yes.^[Putin called Kim "a mature politician" [@edm p1] [@edm p2]. The vote came later.]
YAML
"$MKBRIEF" -q -o "$T/c/b.pdf" "$T/c/b.yaml" 2>"$T/err"
txt=$(pdftotext "$T/c/b.pdf" - | tr '\n' ' ')
if grep -qF 'politician”.1 ¶1–2 The vote came later.' <<<"$txt"; then pass "a citation in a note stands where it was written"; else fail "note citation: $(grep -o 'politician.\{30\}' <<<"$txt") $(cat "$T/err")"; fi
