# handling.sh: the handling block and page control, where the goldens cannot say it by
# their pixels. The control number is in every page's footer and in the PDF's keywords;
# a draft warns on every run (not under -q), its Title starts with DRAFT and its watermark
# is ink, not text; a brief without the keys prints no trace of them; page-break: before
# puts its section or block at the top of a new page (and on a section's first block,
# takes the heading along); Sources follow on when their heading and first entry fit,
# never leave their heading alone at a page foot, and sources.new-page: true gives them a
# page of their own again.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
D="$T/h"
mkdir -p "$D" && ln -s "$ROOT/briefs/articles" "$D/articles" && cd "$D" || exit 1

# a brief of several pages with every handling key; `draft` and `more` are filled in below
write_brief() { # write_brief FILE DRAFT-LINE
	cat >"$1" <<YAML
title: Russia and the Korean Crisis
date: 2018-01-22
classification: UNCLASSIFIED
distribution: "Distribution: Eurasia desk only."
control: EUR-2018-0042
as-of: 2018-01-20
contact: "Eurasia desk, ext. 4417"
$2
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: The article
    content:
      - excerpt: {source: edm, paragraphs: 1-6}
  - heading: The article again
    content:
      - excerpt: {source: edm, paragraphs: 1-6}
YAML
}
write_brief draft.yaml "draft: true"
write_brief final.yaml ""

# the draft warning: on every run, at the draft key's value, not under -q
"$MKBRIEF" draft.yaml -o draft.pdf 2>err.txt || fail "the draft builds: $(cat err.txt)"
want="draft.yaml:8:8: warning: this brief is a draft (draft: true); remove it before the handout is shared"
[ "$(cat err.txt)" = "$want" ] && pass "a draft warns: $want" || fail "draft warning: $(cat err.txt)"
"$MKBRIEF" --check draft.yaml 2>err.txt
grep -qF "$want" err.txt && pass "a draft warns under --check too" || fail "--check: $(cat err.txt)"
"$MKBRIEF" -q draft.yaml -o q.pdf 2>err.txt
[ ! -s err.txt ] && pass "-q silences the draft warning" || fail "-q printed: $(cat err.txt)"
"$MKBRIEF" final.yaml -o final.pdf 2>err.txt || fail "the final brief builds: $(cat err.txt)"
[ ! -s err.txt ] && pass "a brief that is no draft prints no warning" || fail "final printed: $(cat err.txt)"

# the warning quotes the value as typed (a new user's trial: 'draft: yes' was told 'draft: true')
write_brief yes.yaml "draft: yes"
"$MKBRIEF" --check yes.yaml 2>err.txt
grep -qF "yes.yaml:8:8: warning: this brief is a draft (draft: yes);" err.txt && pass "the draft warning quotes 'yes' as typed" ||
	fail "draft: yes: $(cat err.txt)"

# a flood of warnings (30 quotes found twice each) never hides it: it is the first one
{ sed -n '1,/^sections:/p' draft.yaml; printf '  - heading: H\n    content:\n'
	for i in $(seq 30); do echo '      - quote: {source: edm, text: the Cold War}'; done; } >flood.yaml
"$MKBRIEF" --check flood.yaml 2>err.txt
[ "$(head -1 err.txt)" = "${want/draft.yaml/flood.yaml}" ] && [ "$(tail -1 err.txt)" = "mkbrief: warning: 11 more warnings not shown" ] &&
	pass "past 20 warnings, the draft warning is still printed, first" || fail "flood: $(head -1 err.txt) ... $(tail -1 err.txt)"

# the control number in every page's footer: the line that says "Page N of M"
pages=$(pdfinfo draft.pdf | awk '/^Pages:/ { print $2 }')
bad=""
for p in $(seq 1 "$pages"); do
	footer=$(pdftotext -layout -f "$p" -l "$p" draft.pdf - | grep "Page $p of $pages")
	case $footer in *EUR-2018-0042*) ;; *) bad="$bad $p" ;; esac
done
[ "$pages" -ge 3 ] && [ -z "$bad" ] && pass "the control number is in the footer of all $pages pages" ||
	fail "control number missing from the footer of page(s)$bad of $pages"
info=$(pdfinfo draft.pdf)
grep -q '^Keywords: *EUR-2018-0042, UNCLASSIFIED, edm$' <<<"$info" && pass "the control number is the PDF's first keyword" ||
	fail "keywords: $(grep Keywords <<<"$info")"
grep -q '^Title: *DRAFT — Russia and the Korean Crisis$' <<<"$info" && pass "a draft's Title starts with DRAFT" ||
	fail "title: $(grep Title <<<"$info")"
grep -q '^Title: *Russia and the Korean Crisis$' <<<"$(pdfinfo final.pdf)" && pass "a final brief's Title is its title" ||
	fail "final title: $(pdfinfo final.pdf | grep Title)"

# page 1: the as-of line and the distribution statement, above the Key points and the text
p1=$(pdftotext -f 1 -l 1 draft.pdf -)
grep -q "Information as of January 20, 2018" <<<"$p1" && pass "as-of printed on page 1 as words" || fail "no as-of line on page 1"
# in the layout: above the Key points' and the first section's lines, on page 1
"$MKBRIEF" -q --dump-layout draft.yaml >draft.txt
before=$(awk '/^page 2$/ { exit } $1 == "line" { for (i = 1; i <= NF; i++) if ($i ~ /^y=/) y = substr($i, 3) + 0 }
	/\|Distribution: Eurasia desk only/ { d = y } / heading / && !h { h = y } END { print (d > 0 && h > d) }' draft.txt)
[ "$before" = 1 ] && pass "the distribution statement is on page 1, above the first section" || fail "distribution not above the text on page 1"
# the contact line ends the body: after the last excerpt, before Sources
all=$(pdftotext draft.pdf -)
order=$(awk '/Point of contact: Eurasia desk, ext. 4417/ { c = NR } /^Sources$/ { s = NR } /again/ { a = NR } END { print (a < c && c < s) }' <<<"$all")
[ "$order" = 1 ] && pass "the point of contact comes after the body and before Sources" || fail "contact line out of place"

# the watermark is ink on every page, not text: the draft's text is the final brief's, and
# its pages are darker
[ "$(pdftotext draft.pdf -)" = "$(pdftotext final.pdf -)" ] && pass "the watermark adds no text (copying and search see none)" ||
	fail "the draft's text differs from the final's"
ink() { pdftoppm -r 10 -gray -f "$2" -l "$2" "$1" | od -An -v -tu1 | awk '{ for (i = 1; i <= NF; i++) s += 255 - $i } END { print s }'; }
dark=""
for p in $(seq 1 "$pages"); do
	[ "$(ink draft.pdf "$p")" -gt "$(ink final.pdf "$p")" ] || dark="$dark $p"
done
[ -z "$dark" ] && pass "the watermark is on every page" || fail "no watermark on page(s)$dark"
# and it lies across the middle of every page, whatever comes first on it (the Sources'
# heading, an annex page): the ink the draft adds is centred on the page
centred() { # centred DRAFT.pdf FINAL.pdf: the pages whose added ink is off centre
	python3 - "$1" "$2" <<'PY'
import subprocess, sys
def pages(pdf):
    out = subprocess.run(["pdftoppm", "-r", "12", "-gray", pdf], capture_output=True).stdout
    res = []
    while out.startswith(b"P5"):
        head = out.split(maxsplit=4)
        w, h = int(head[1]), int(head[2])
        data = head[4][:w * h]
        res.append((w, h, data))
        out = head[4][w * h:]
    return res
for n, ((w, h, d), (_, _, f)) in enumerate(zip(pages(sys.argv[1]), pages(sys.argv[2])), 1):
    sx = sy = s = 0
    for i in range(w * h):
        ink = max(0, f[i] - d[i])
        sx += ink * (i % w); sy += ink * (i // w); s += ink
    if not s or abs(sx / s - w / 2) > 0.05 * w or abs(sy / s - h / 2) > 0.05 * h:
        print(n, end=" ")
PY
}
for layout in handout handout-a4 digest; do
	"$MKBRIEF" -q --annex --layout "$layout" draft.yaml -o "draft-$layout.pdf"
	"$MKBRIEF" -q --annex --layout "$layout" final.yaml -o "final-$layout.pdf"
	off=$(centred "draft-$layout.pdf" "final-$layout.pdf")
	[ -z "$off" ] && pass "$layout with the annex: the watermark is across the middle of every page" ||
		fail "$layout with the annex: the watermark is off centre on page(s) $off"
done

# no handling keys: no control number, footer as before ("title ... Page N of M")
sed '/^distribution:/d; /^control:/d; /^as-of:/d; /^contact:/d' final.yaml >plain.yaml
"$MKBRIEF" -q plain.yaml -o plain.pdf
footer=$(pdftotext -layout -f 1 -l 1 plain.pdf - | grep "Page 1 of")
[ "$(echo $footer)" = "Russia and the Korean Crisis Page 1 of $(pdfinfo plain.pdf | awk '/^Pages:/ { print $2 }')" ] &&
	pass "without a control number the footer is title and page number only" || fail "plain footer: $footer"
grep -q "Information as of\|Point of contact\|Distribution" <<<"$(pdftotext plain.pdf -)" &&
	fail "a brief without handling keys prints handling text" || pass "a brief without handling keys prints none of them"

# {control} in a layout's own running head
printf 'header: {left: "Control {control}"}\n' >ctl.yaml
"$MKBRIEF" -q --layout ctl.yaml final.yaml -o ctl.pdf
pdftotext -layout -f 2 -l 2 ctl.pdf - | head -3 | grep -q "Control EUR-2018-0042" && pass "{control} in a layout's header" ||
	fail "{control} not in the header"

# the handling layout keys act: the frame's padding moves the statement's text; contact-rule
# sets the length of the rule above the contact (0: none)
printf 'handling: {padding: 12pt, contact-rule: 0pt}\n' >look.yaml
"$MKBRIEF" -q --dump-layout final.yaml >look0.txt
"$MKBRIEF" -q --layout look.yaml --dump-layout final.yaml >look1.txt
dx() { awk '$1 == "line" && /\|Distribution:/ { for (i = 1; i <= NF; i++) if ($i ~ /^x=/) print substr($i, 3); exit }' "$1"; }
rule_w() { awk '$1 == "rule" { r = $0 } $1 == "line" && /Point of contact/ { print (r ~ / w=/ ? r : "none"); exit } $1 == "line" { r = "" }' "$1" | grep -o 'w=[0-9]*\|none'; }
[ "$(dx look0.txt) $(dx look1.txt)" = "9600 10200" ] && pass "handling.padding: the statement's text at 96pt, then 102pt" ||
	fail "handling.padding: x $(dx look0.txt) -> $(dx look1.txt)"
[ "$(rule_w look0.txt) $(rule_w look1.txt)" = "w=7200 none" ] && pass "handling.contact-rule: a 72pt rule above the contact, none at 0" ||
	fail "handling.contact-rule: $(rule_w look0.txt) -> $(rule_w look1.txt)"

# ---- page control ----
dump() { "$MKBRIEF" -q --dump-layout "$@"; }
# first_text DUMP PAGE: the text of the first line on the page
first_text() { awk -v p="page $2" '$0 == p { on = 1; next } on && /^page / { exit } on && $1 == "line" { sub(/^[^|]*\|/, ""); sub(/\|$/, ""); print; exit }' "$1"; }
page_of() { awk -v t="$2" '/^page / { p = $2 } $1 == "line" && index($0, "|" t) { print p; exit }' "$1"; }
PB="$ROOT/tests/golden/page-break/brief.yaml"
dump --root "$ROOT" "$PB" >pb.txt
[ "$(first_text pb.txt 2)" = "A section on a new page" ] && pass "page-break on a section: its heading opens page 2" ||
	fail "page 2 starts with: $(first_text pb.txt 2)"
case $(first_text pb.txt 3) in "And this block starts"*) pass "page-break on a block: it opens page 3" ;;
*) fail "page 3 starts with: $(first_text pb.txt 3)" ;; esac
cat >first.yaml <<'YAML'
title: T
date: 2018-01-22
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: One
    content:
      - text: A short paragraph.
  - heading: Two
    content:
      - text: The first block asks for the new page; its heading goes with it.
        page-break: before
YAML
dump first.yaml >first.txt
[ "$(first_text first.txt 2)" = "Two" ] && pass "page-break on a section's first block: the heading goes to the new page with it" ||
	fail "page 2 of first.yaml starts with: $(first_text first.txt 2)"
sed 's/^  - heading: One/  - heading: One\n    page-break: before/' first.yaml >top.yaml
dump top.yaml >top.txt
[ "$(first_text top.txt 2)" = "One" ] && pass "page-break on the first section: page 1 holds the title block alone" ||
	fail "page 2 of top.yaml starts with: $(first_text top.txt 2)"

# Sources follow on: on the page of the last block; with new-page: true, on a page of their own
last=$(awk '/^page / { p = $2 } END { print p }' pb.txt)
[ "$(page_of pb.txt Sources)" = 3 ] && [ "$last" = 3 ] && pass "Sources follow on the last page of the text" ||
	fail "Sources on page $(page_of pb.txt Sources) of $last"
printf 'sources: {new-page: true}\n' >np.yaml
dump --root "$ROOT" --layout np.yaml "$PB" >np.txt
[ "$(first_text np.txt 4)" = "Sources" ] && [ "$(grep -c '^page ' np.txt)" = 4 ] &&
	pass "sources.new-page: true: Sources open a page of their own (page 4)" || fail "new-page: page 4 starts with: $(first_text np.txt 4)"

# never the Sources heading alone at a page foot: as the text grows line by line, the
# heading is always on the page of the first entry, and the page does not end with it
bad=""
for n in $(seq 12 24); do
	{ sed -n '1,/^sections:/p' first.yaml; echo "  - heading: Filler"; echo "    content:"
		for i in $(seq "$n"); do echo "      - text: Line $i of the filler."; done; } >fill.yaml
	dump fill.yaml >fill.txt
	ok=$(awk '/^page / { p = $2 } $1 == "line" && /\|Sources\|$/ { hp = p; getline; while ($1 == "space") getline
		print (hp == p && $1 == "line") ? 1 : 0; exit }' fill.txt)
	[ "$ok" = 1 ] || bad="$bad $n"
	pages_seen="$pages_seen$(page_of fill.txt Sources)"
done
[ -z "$bad" ] && pass "the Sources heading stays with its first entry (13 briefs, Sources on pages $pages_seen)" ||
	fail "Sources heading alone at the page foot with filler of$bad lines"
case $pages_seen in *1*2*) ;; *) fail "the filler never moved Sources to page 2 ($pages_seen): the check above proves nothing" ;; esac

# the point of contact ends the text: a figure still waiting for room (it did not fit below
# the text) is set before it, not on the page after it
cp "$ROOT/briefs/figures/dprk-sanctions.svg" chart.svg
for layout in handout handout-a4 digest; do
	bad="" moved=0
	for n in $(seq 14 2 34); do
		{ echo "title: Contact last"; echo "date: 2018-01-22"; echo "contact: \"R. Analyst, ext. 2210\""
			echo "sources:"; echo "  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}"
			echo "sections:"; echo "  - heading: Filler"; echo "    content:"
			for i in $(seq "$n"); do echo "      - text: Line $i of the filler, long enough to fill a line or so of the page."; done
			echo "      - figure: {file: chart.svg, alt: A chart, caption: A chart, width: full}"; } >contact.yaml
		"$MKBRIEF" -q --layout $layout --dump-layout contact.yaml >contact.txt || { bad="$bad $n(build)"; continue; }
		# (page, y) of the figure and of the contact line: the contact after the figure
		read -r fp fy cp cy < <(awk '/^page / { p = $2 } $1 == "image" { for (i = 1; i <= NF; i++) if ($i ~ /^y=/) fy = substr($i, 3); fp = p }
			/\|Point of contact: / { for (i = 1; i <= NF; i++) if ($i ~ /^y=/) cy = substr($i, 3); cp = p }
			END { print fp, fy, cp, cy }' contact.txt)
		[ "$fp" -lt "$cp" ] || { [ "$fp" = "$cp" ] && [ "$fy" -lt "$cy" ]; } || bad="$bad $n"
		[ "$fp" -gt 1 ] && moved=1
	done
	[ -z "$bad" ] && [ $moved = 1 ] && pass "$layout: the point of contact follows a figure that waited for room (12 briefs)" ||
		fail "$layout: the point of contact comes before the figure with filler of$bad lines (a figure moved on: $moved)"
done

# dates in English outside the United States are written day first (lang: en-GB): the date
# line, "Information as of" and a chronology's dates (a typographer's trial: en-GB printed
# US dates); en-US and a brief with no lang keep the month first
mkdir -p "$T/gb" && cd "$T/gb" || exit 1
ln -sf "$ROOT/briefs/articles" articles
cat >gb.yaml <<'YAML'
title: Dates
date: 2018-01-22
as-of: 2018-03-05
lang: en-GB
sources:
  e: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: One
    content:
      - chronology:
          events:
            - {date: 2017-12-22, text: The UN votes new sanctions., cite: e p1}
YAML
"$MKBRIEF" -q -o gb.pdf gb.yaml 2>err.txt && pdftotext gb.pdf gb.txt
grep -q "^22 January 2018" gb.txt && grep -q "Information as of 5 March 2018" gb.txt && grep -q "22 December 2017" gb.txt &&
	pass "lang en-GB: dates day first" || fail "en-GB dates: $(grep -m3 -E '201[78]' gb.txt | tr '\n' ';') $(cat err.txt)"
sed -i 's/^lang: en-GB$/lang: en-US/' gb.yaml
"$MKBRIEF" -q -o us.pdf gb.yaml 2>err.txt && pdftotext us.pdf us.txt
grep -q "^January 22, 2018" us.txt && grep -q "December 22, 2017" us.txt && pass "lang en-US: dates month first" ||
	fail "en-US dates: $(grep -m3 -E '201[78]' us.txt | tr '\n' ';') $(cat err.txt)"
cd "$ROOT" || exit 1
