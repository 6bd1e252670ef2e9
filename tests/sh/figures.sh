# figures.sh: what the figure goldens cannot say by their pixels: a file used twice is
# embedded once, a JPEG goes into the PDF as its own bytes, a figure that does not fit
# floats to the next page while the text after it fills this one (reading order kept),
# a float never passes the next heading, and `width: full` spans the digest's columns.
. "$(dirname "$0")/lib.bash"
G="$ROOT/tests/golden"
D="$T/fig"
mkdir -p "$D" || exit 1
"$MKBRIEF" -q "$G/figures/brief.yaml" -o "$D/f.pdf" 2>"$T/err" || fail "figures: $(cat "$T/err")"
list=$(pdfimages -list "$D/f.pdf" | awk 'NR > 2')
uses=$(echo "$list" | wc -l)
objects=$(echo "$list" | awk '{ print $11 }' | sort -u | wc -l)
if [ "$uses" = 3 ] && [ "$objects" = 2 ]; then
	pass "figures: three images drawn from two embedded objects (the PNG used twice is embedded once)"
else
	fail "figures: $uses images from $objects objects, expected 3 from 2: $list"
fi
jpeg_obj=$(echo "$list" | awk '$9 == "jpeg" { print $11 }')
if [ -n "$jpeg_obj" ] && qpdf --show-object="$jpeg_obj" --raw-stream-data "$D/f.pdf" | cmp -s - "$G/figures/landscape.jpg"; then
	pass "figures: the JPEG's stream is the file's own bytes"
else
	fail "figures: the JPEG is not embedded unchanged (object '$jpeg_obj')"
fi
"$MKBRIEF" -q --dump-layout "$G/figures/brief.yaml" >"$D/f.txt"
# the SVG chart (Figure 3) is on page 3 at the top, and page 2 ends with text written after it
page_of() { awk -v pat="$1" '/^page / { p = $2 } index($0, pat) { print p; exit }' "$D/f.txt"; }
svg_page=$(page_of 'dprk-sanctions.svg')
svg_y=$(grep 'dprk-sanctions.svg' "$D/f.txt" | sed 's/.* y=\([0-9]*\).*/\1/')
last_text_p2=$(awk '/^page / { p = $2 } p == 2 && /^  line/ { l = $0 } END { print l }' "$D/f.txt")
after_para=$(awk '/Figure 3\./ { for (i = 1; i <= NF; i++) if ($i ~ /^para=/) { sub("para=", "", $i); print $i } }' "$D/f.txt")
p2_para=$(echo "$last_text_p2" | sed 's/.* para=\([0-9]*\) .*/\1/')
if [ "$svg_page" = 3 ] && [ "$svg_y" = 6480 ] && [ "$p2_para" -gt "$after_para" ]; then
	pass "figures: the chart floats to the top of page 3; page 2 ends with paragraph $p2_para, written after it"
else
	fail "figures: chart on page $svg_page at y=$svg_y, page 2 ends with paragraph $p2_para (caption $after_para)"
fi
# reading order: on page 3 the chart's caption is drawn before the text that runs on from page 2
order=$(pdftotext -raw -f 3 -l 3 "$D/f.pdf" - | grep -n 'Figure 3\.\|^an art troupe' | cut -d: -f2 | cut -c1-9 | tr '\n' '|')
[ "$order" = "(U) Figur|an art tr|" ] && pass "figures: page 3 reads the float's caption, then the text running on" ||
	fail "figures: page 3's reading order: $order"
# the JPEG did not fit at the foot of page 1 and waited, but not past the next heading
jpeg_page=$(page_of 'landscape.jpg')
head_page=$(page_of '|A vector figure that floats|')
jpeg_line=$(grep -n 'landscape.jpg' "$D/f.txt" | cut -d: -f1)
head_line=$(grep -n '|A vector figure that floats|' "$D/f.txt" | cut -d: -f1)
if [ "$jpeg_page" = "$head_page" ] && [ "$jpeg_line" -lt "$head_line" ]; then
	pass "figures: a float waits for the next page but is set before the next section's heading"
else
	fail "figures: JPEG on page $jpeg_page (line $jpeg_line), next heading on page $head_page (line $head_line)"
fi
# width: full in digest spans the text block at the top of a page
"$MKBRIEF" -q --layout digest --dump-layout "$G/figure-full-digest/brief.yaml" >"$D/d.txt"
full=$(grep ' image ' "$D/d.txt")
tw=$(awk '/document/ { print }' "$D/d.txt")
if echo "$full" | grep -q 'x=5400 y=6120 w=50400' && [ "$(awk '/^page / { p = $2 } / image / { print p }' "$D/d.txt")" = 2 ]; then
	pass "figures: width: full spans both digest columns at the top of page 2"
else
	fail "figures: full-width figure: $full ($tw)"
fi
below=$(awk '/^page 2/ { on = 1 } /^page 3/ { on = 0 } on && /^  line col=1/ { print; exit }' "$D/d.txt")
[ -z "$below" ] || echo "$below" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^y=/) { sub("y=", "", $i); exit !($i + 0 > 31620) } }' &&
	pass "figures: the columns start below the full-width figure" || fail "figures: a column line above the figure's foot: $below"
# A file named by several figures, however its path is written, is read and decoded once;
# distinct files are held decoded within IMAGE_MAX_TOTAL_PIXELS (64 million) together, so
# that small files which decode large (a PNG of 24 million pixels in 3 KB) cannot take
# gigabytes. Copies are distinct files: the third is refused before it is decoded.
M="$T/many"
mkdir -p "$M/figures" || exit 1
python3 - "$M/figures/big.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
w, h = 4800, 5000  # 24 million pixels, one bit each: 3 MB raw, 3 KB deflated
z = zlib.compressobj(9)
rows = b''.join(z.compress(b'\0' + b'\xff' * (w // 8)) for _ in range(h)) + z.flush()
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 1, 0, 0, 0, 0))
                              + chunk(b'IDAT', rows) + chunk(b'IEND', b''))
PY
cp "$M/figures/big.png" "$M/figures/copy1.png" && cp "$M/figures/big.png" "$M/figures/copy2.png" || exit 1
many_brief() { # many_brief FILE...: a brief of one figure per file
	printf '%s\n' 'title: Many figures' 'date: 2018-01-22' 'sources:' \
		'  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}' 'sections:' \
		'  - heading: Figures' '    content:'
	local f
	for f in "$@"; do printf '      - figure: {file: %s, alt: White}\n' "$f"; done
}
ln -s "$ROOT/briefs/articles" "$M/articles"
many_brief figures/big.png ./figures/big.png figures/../figures/big.png figures//big.png >"$M/same.yaml"
if "$MKBRIEF" -q "$M/same.yaml" -o "$M/same.pdf" 2>"$T/err" && [ "$(pdfimages -list "$M/same.pdf" | awk 'NR > 2 { print $11 }' | sort -u | wc -l)" = 1 ]; then
	pass "figures: one file named four ways is embedded once"
else
	fail "figures: one file named four ways: $(cat "$T/err")"
fi
many_brief figures/big.png figures/copy1.png figures/copy2.png >"$M/copies.yaml"
want="$M/copies.yaml:10:24: error: figure 'figures/copy2.png' is 4800 x 5000 pixels; with the figures before it that is more than the 64 megapixels a brief's figures may have together
$M/copies.yaml:10:24: note: a figure printed 6.5in wide at 300 dpi is 1950 pixels across; scale them down"
"$MKBRIEF" -q "$M/copies.yaml" -o "$M/copies.pdf" 2>"$T/err"
st=$?
if [ $st = 1 ] && [ "$(cat "$T/err")" = "$want" ] && [ ! -e "$M/copies.pdf" ]; then
	pass "figures: three files of 24 million pixels: the third is refused (64 million together)"
else
	fail "figures: three files of 24 million pixels: status $st, $(cat "$T/err")"
fi
# two different vector figures in one PDF: each is drawn alone once and put in place of its
# own stand-in (render/pdffigures.c); swapped, the PDF chart's words would come before the
# first caption, and a stand-in left in place would be a 1 pt square of its marking colour
V="$T/vec"
mkdir -p "$V" && cp "$ROOT/briefs/figures/dprk-sanctions.svg" "$G/figure-pdf/chart.pdf" "$V/" &&
	cp "$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt" "$V/edm.txt" || exit 1
cat >"$V/two.yaml" <<'YAML'
title: Two vector figures
date: 2018-01-22
sources:
  edm: {file: edm.txt}
sections:
  - heading: Charts
    content:
      - figure: {file: dprk-sanctions.svg, alt: The SVG chart, caption: First the SVG chart}
      - figure: {file: chart.pdf, alt: The PDF chart, caption: Then the PDF chart}
YAML
if "$MKBRIEF" -q "$V/two.yaml" -o "$V/two.pdf" 2>"$T/err"; then
	order=$(pdftotext "$V/two.pdf" - | grep -o 'First the SVG chart\|Cumulative sanctions resolutions\|Then the PDF chart' | tr '\n' '|')
	[ "$order" = "First the SVG chart|Cumulative sanctions resolutions|Then the PDF chart|" ] &&
		pass "figures: two vector figures each drawn in its own place (the PDF chart's words between the captions)" ||
		fail "figures: two vector figures: the text reads $order"
	if qpdf --qdf --object-streams=disable "$V/two.pdf" "$V/two-qdf.pdf" 2>/dev/null; grep -aq '0\.987654 ' "$V/two-qdf.pdf"; then
		fail "figures: a stand-in's marking colour is left in the PDF"
	else
		pass "figures: no stand-in left in the PDF"
	fi
else
	fail "figures: two vector figures: $(cat "$T/err")"
fi

# an SVG that draws nothing (only its size) is an empty figure, not a failed PDF: cairo's
# drawing of it has no form to put in place of the stand-in ("could not read object 26")
mkdir -p "$T/empty" && ln -s "$ROOT/briefs/articles" "$T/empty/articles"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"/>\n' >"$T/empty/empty.svg"
printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: h\n    content:\n      - figure: {file: empty.svg, alt: Nothing, caption: An empty drawing}\n      - text: After it.\n' >"$T/empty/b.yaml"
"$MKBRIEF" -q -o "$T/empty/b.pdf" "$T/empty/b.yaml" 2>"$T/empty/err"
st=$?
if [ $st = 0 ] && qpdf --check "$T/empty/b.pdf" >/dev/null 2>&1 && pdftotext "$T/empty/b.pdf" - | grep -q 'After it'; then
	pass "an SVG that draws nothing is an empty figure in a valid PDF"
else
	fail "empty SVG: status $st: $(head -1 "$T/empty/err")"
fi

# SVG figures as charting tools write them still draw under the bound on an SVG's cost
# (typeset/svg_cost.c; the hostile ones are tests/bad/figure-svg-*): a matplotlib scatter
# plot of 5,000 markers drawn through <use>, clipped to its axes; an Illustrator export with
# its namespace entities, CSS classes, gradients, a clip path and a drop shadow; a D3 bar
# chart with a hatch pattern on three bars and a mask
C="$T/charts"
mkdir -p "$C" && ln -s "$ROOT/briefs/articles" "$C/articles" || exit 1
python3 - "$C" <<'PY'
import sys
d = sys.argv[1]
ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
uses = ''.join('<use xlink:href="#m0" x="%.3f" y="%.3f" style="fill:#1f77b4;stroke:#1f77b4"/>\n'
               % (57.6 + (i * 7919 % 3348) / 10, 41.47 + (i * 104729 % 2660) / 10) for i in range(5000))
open(d + '/mpl.svg', 'w').write('''<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg %s width="460.8pt" height="345.6pt" viewBox="0 0 460.8 345.6" version="1.1">
<defs><style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style></defs>
<g id="figure_1"><g id="patch_1"><path d="M 0 345.6 L 460.8 345.6 L 460.8 0 L 0 0 z" style="fill:#ffffff"/></g>
<g id="axes_1"><g id="PathCollection_1"><defs><path id="m0" d="M 0 3 C 0.8 3 1.6 2.7 2.1 2.1 C 2.7 1.6 3 0.8 3 0 C 3 -0.8 2.7 -1.6 2.1 -2.1 C 1.6 -2.7 0.8 -3 0 -3 z" style="stroke:#1f77b4"/></defs>
<g clip-path="url(#p1)">
%s</g></g></g></g>
<defs><clipPath id="p1"><rect x="57.6" y="41.47" width="357.12" height="266.11"/></clipPath></defs>
</svg>
''' % (ns, uses))
open(d + '/illustrator.svg', 'w', encoding='latin-1').write('''<?xml version="1.0" encoding="iso-8859-1"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
	<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
]>
<svg version="1.1" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" width="612px" height="400px" viewBox="0 0 612 400">
<style type="text/css">
	.st0{fill:url(#SVGID_1_);}
	.st1{clip-path:url(#SVGID_2_);fill:#E6E6E6;}
	.st2{filter:url(#shadow);}
</style>
<filter id="shadow"><feGaussianBlur in="SourceAlpha" stdDeviation="3"/><feOffset dx="2" dy="2" result="o"/>
<feFlood flood-color="#000" flood-opacity="0.4"/><feComposite in2="o" operator="in"/>
<feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter>
<linearGradient id="SVGID_1_" x1="0" y1="0" x2="0" y2="400" gradientUnits="userSpaceOnUse"><stop offset="0" style="stop-color:#1B4F72"/><stop offset="1" style="stop-color:#5DADE2"/></linearGradient>
<defs><rect id="SVGID_3_" x="40" y="40" width="532" height="320"/></defs>
<clipPath id="SVGID_2_"><use xlink:href="#SVGID_3_" style="overflow:visible;"/></clipPath>
%s
<rect x="40" y="10" width="200" height="24" class="st2" fill="#fff"/>
<text x="48" y="27">R\xe9solutions par ann\xe9e</text>
</svg>
''' % ''.join('<rect class="st0" x="%d" y="%d" width="40" height="%d"/><path class="st1" d="M%d 360h40v-2h-40z"/>\n'
                % (50 + 45 * i, 360 - 20 * i, 20 * i, 50 + 45 * i) for i in range(11)))
bars = ''.join('<rect class="bar%s" x="%d" y="%d" width="3" height="%d"/>\n'
               % (' hatched' if i % 70 == 0 else '', 40 + 4 * i, 400 - i, i) for i in range(200))
open(d + '/d3.svg', 'w').write('''<svg %s width="960" height="500" viewBox="0 0 960 500">
<style>.bar { fill: steelblue; } .bar:hover { fill: brown; } .bar.hatched { fill: url(#hatch); }
.axis path, .axis line { fill: none; stroke: #000; }</style>
<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse"><path d="M-1,1 l2,-2 M0,4 l4,-4 M3,5 l2,-2" stroke="#000"/></pattern>
<mask id="fade"><rect width="960" height="500" fill="white"/><rect y="450" width="960" height="50" fill="black"/></mask></defs>
<g class="axis"><path d="M40,400H840"/></g><g mask="url(#fade)">
%s</g></svg>
''' % (ns, bars))
PY
for chart in mpl illustrator d3; do
	printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: h\n    content:\n      - figure: {file: %s.svg, alt: A chart}\n' "$chart" >"$C/$chart.yaml"
	if "$MKBRIEF" -o "$C/$chart.pdf" "$C/$chart.yaml" 2>"$C/err" && [ ! -s "$C/err" ] && qpdf --check "$C/$chart.pdf" >/dev/null 2>&1; then
		pass "figures: an SVG chart as $chart writes it draws"
	else
		fail "figures: the $chart chart: $(head -2 "$C/err")"
	fi
done

# A figure too tall for a page, in a box, after 0-3 lead paragraphs, in 1-4 columns, after
# a paragraph of the box or first in it (then kept with the box's title) with a caption of
# three lines: scaled so that the box's padding (and title) fit on the page with it; it
# stands on no page past the bottom margin (in three or four columns below page 1's front
# matter it moves to the next page rather than run 44 pt past it), no piece of the box is
# an empty frame, and the title stands with the figure it is kept with.
D="$T/tallbox"
mkdir -p "$D/articles" && cp "$ROOT/tests/fill/levee-report.txt" "$D/articles/" || exit 1
printf '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="400" viewBox="0 0 100 400"><rect x="5" y="5" width="90" height="390" fill="#1F4E79"/></svg>\n' >"$D/tall.svg"
bad="" runs=0
for cols in 1 2 3 4; do
	size=letter
	[ "$cols" -gt 2 ] && size='"11in 8.5in"'
	printf 'page:\n  size: %s\n  margins: {top: 0.85in, bottom: 0.85in, left: 0.75in, right: 0.75in}\ncolumns: %s\n' "$size" "$cols" >"$D/l.yaml"
	for first in 0 1; do
		for lead in 0 1 2 3; do
			{
				printf 'title: Tall figure in a box\ndate: 2026-03-14\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: One\n    content:\n'
				for ((j = 0; j < lead; j++)); do
					echo "      - text: \"Lead $j. The district must choose between rebuilding earth, buying warnings and giving the river room.\""
				done
				printf '      - box:\n          title: Boxed\n          content:\n'
				[ "$first" = 0 ] && printf '            - text: "Boxed one. The engineers walked forty kilometres of embankment with probes."\n'
				printf '            - figure: {file: tall.svg, alt: A tall bar, caption: "The bar, drawn taller than any page holds, scaled down to fit one with the box around it and this caption under it"}\n'
				printf '            - text: "Boxed two. After the figure."\n'
			} >"$D/b.yaml"
			runs=$((runs + 1))
			(cd "$D" && "$MKBRIEF" -q --layout l.yaml --dump-layout b.yaml >d.txt 2>/dev/null) || {
				bad="$bad; $cols/$first/$lead: failed"
				continue
			}
			r=$(awk '/^document / { split($3, s, /[=x]/); bottom = s[3] - 6120 }
				/^page / { p = $2 }
				/^  / { c = ""; y = 0; h = 0
					for (i = 1; i <= NF; i++) { if ($i ~ /^col=/) c = substr($i, 5); if ($i ~ /^y=/) y = substr($i, 3); if ($i ~ /^h=/) h = substr($i, 3) }
					if ($1 != "space" && y + h > bottom + 1) { print "page " p ": " $1 " ends " (y + h - bottom) / 100 " pt past the bottom margin"; exit }
					if ($1 == "box") box[++nb] = p " " c " " y " " y + h
					else if ($1 == "line" || $1 == "image") held[++nh] = p " " c " " y
					if ($1 == "image") fig = p " " c
					if ($1 == "line" && /\|Boxed\|$/) title = p " " c }
				END { for (b = 1; b <= nb; b++) { split(box[b], x, " "); full = 0
					for (k = 1; k <= nh; k++) { split(held[k], z, " "); if (z[1] == x[1] && z[2] == x[2] && z[3] >= x[3] && z[3] < x[4]) full = 1 }
					if (!full) { print "page " x[1] " column " x[2] ": an empty piece of the box"; exit } }
					if (first && title != fig) print "the title (page " title ") away from the figure (page " fig ")" }' first="$first" "$D/d.txt")
			[ -n "$r" ] && bad="$bad; $cols columns, first $first, $lead lead: $r"
		done
	done
done
if [ -z "$bad" ]; then pass "a figure too tall for a page, in a box, in $runs briefs of 1-4 columns: within the margins, no empty frame, the title with it"; else fail "tall figure in a box:${bad:0:500}"; fi
# A box that opens with a figure (kept with the box's title, so the box cannot break
# before the figure's foot) and does not fit below the text before it floats as a figure
# does: the text after it fills the page, the box stands whole at the next column's top.
# It moved whole and left the page before two-thirds empty (found by a reader's trial).
D="$T/figbox"
mkdir -p "$D/articles" && cp "$ROOT/tests/fill/levee-report.txt" "$D/articles/" || exit 1
printf '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="300" viewBox="0 0 100 300"><rect x="5" y="5" width="90" height="290" fill="#1F4E79"/></svg>\n' >"$D/tall.svg"
{
	printf 'title: A box that opens with a figure\ndate: 2026-03-14\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: One\n    content:\n'
	for j in 1 2 3 4 5; do
		echo "      - text: \"Lead $j. The district must choose between rebuilding earth, buying warnings and giving the river room, and each choice costs the towns downstream something the others do not.\""
	done
	printf '      - box:\n          title: Boxed\n          content:\n'
	printf '            - figure: {file: tall.svg, alt: A tall bar, caption: The bar, width: 40%%}\n'
	printf '            - text: "Boxed text, after the figure."\n'
	for j in 1 2 3; do
		echo "      - text: \"After $j. The engineers walked forty kilometres of embankment with probes and found the worst of it where nobody had looked for thirty years.\""
	done
} >"$D/b.yaml"
for layout in handout digest; do
	if ! (cd "$D" && "$MKBRIEF" -q --layout "$layout" --dump-layout b.yaml >d.txt 2>err.txt); then
		fail "box opening with a figure ($layout): $(cat "$D/err.txt")"
		continue
	fi
	r=$(awk '/^page / { p = $2 }
		/^  / { c = ""; for (i = 1; i <= NF; i++) if ($i ~ /^col=/) c = substr($i, 5); where = p "/" c }
		/\|Lead 5\./ { lead = where } /\|After 3\./ { after = where } /\|Boxed\|$/ { title = where; tline = NR }
		/^  line / && !first[where]++ { top[where] = NR }
		/^  box / { n++ }
		END { print lead, after, title, n, (top[title] == tline) }' "$D/d.txt")
	set -- $r
	# the text after the box is where the text before it is, the box whole and after it
	if [ "$1" = "$2" ] && [ "$3" != "$1" ] && [ "$4" = 1 ] && [ "$5" = 1 ]; then
		pass "box opening with a figure ($layout): it floats to $3 whole, the text after it stays at $1 with the text before"
	else
		fail "box opening with a figure ($layout): lead at $1, text after at $2, box title at $3 (first line there: $5), $4 box pieces"
	fi
done

# A figure scaled to fill a page, floated, after 1-15 lead paragraphs: with or without a
# note of three lines marked just before it or just after it (run on to the next page's
# foot when its mark is low), a long note in its box, a note in its caption, a box around it; in one and two columns, margins of
# 0.85-1 in; a credit under the caption. Nothing is drawn past the bottom margin or over a
# column's notes and the rule above them, no piece of the box is empty, and the caption
# stands with the figure. (Found by a hostile trial: the item after a float set at a column's
# top was taken for the column's first and set past the margin; a float set at a page's top
# over notes run on from the page before; a caption's note left no room under the figure.)
printf '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="1200" viewBox="0 0 100 1200"><rect x="5" y="5" width="90" height="1190" fill="#1F4E79"/></svg>\n' >"$D/huge.svg"
NOTE="The engineers walked the embankment with probes and clipboards, and found the cores dry along forty kilometres of it, from the weir to the old ferry landing, and wrote each finding down in a ledger that the council later lost, so that the survey had to be made again the next spring at twice the cost."
bad="" runs=0
# columns, notes (bit 0: a note before the figure; 1: in its caption; 2: just after it, in the
# text that fills the page before; 3: a long one in the box, before it), boxed, margin
for config in 1:0:0:0.85 2:0:0:0.85 1:1:0:0.85 2:1:0:0.85 1:2:0:0.85 1:2:1:0.85 2:2:0:0.85 2:2:1:0.85 1:3:1:0.9 \
	1:4:0:0.85 1:4:0:0.9 1:4:0:1.0 2:4:0:0.85 1:8:1:0.85 2:8:1:0.85; do
	IFS=: read -r cols v boxed margin <<<"$config"
	printf 'page:\n  size: letter\n  margins: %sin\ncolumns: %s\n' "$margin" "$cols" >"$D/l.yaml"
	for ((lead = 0; lead <= 14; lead++)); do
		{
			printf 'title: Page-filling figure\ndate: 2026-03-14\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: One\n    content:\n'
			for ((j = 0; j <= lead; j++)); do
				mark=""
				((j == lead && v & 1)) && mark="^[$NOTE]"
				echo "      - text: \"Lead $j. Each choice has a price, and the council has money for one of them. The district must choose between rebuilding earth, buying warnings and giving the river room.$mark\""
			done
			cap="A caption."
			((v & 2)) && cap="A caption.^[$NOTE]"
			in="      "
			[ "$boxed" = 1 ] && in="          " && printf '      - box:\n          title: Boxed\n          content:\n'
			((v & 8)) && echo "$in- text: \"In the box.^[$NOTE $NOTE] The district must choose.\""
			echo "$in- figure: {file: huge.svg, alt: A tall bar, caption: \"$cap\", credit: \"Drawing: the district\"}"
			for ((j = 0; j < 6; j++)); do
				after="After $j. Each choice has a price, and the council has money for one of them. The district must choose between rebuilding earth, buying warnings and giving the river room."
				((j == 0 && v & 4)) && after="$after $after $after $after^[$NOTE]"
				echo "      - text: \"$after\""
			done
		} >"$D/b.yaml"
		runs=$((runs + 1))
		(cd "$D" && "$MKBRIEF" -q --layout l.yaml --dump-layout b.yaml >d.txt 2>/dev/null) || {
			bad="$bad; $config/$lead: failed"
			continue
		}
		r=$(awk -v m="$margin" '/^document / { split($3, s, /[=x]/); bottom = s[3] - m * 7200 }
			/^page / { p = $2 }
			/^  / { c = ""; y = 0; h = 0
				for (i = 1; i <= NF; i++) { if ($i ~ /^col=/) c = substr($i, 5); if ($i ~ /^y=/) y = substr($i, 3); if ($i ~ /^h=/) h = substr($i, 3) }
				if ($1 != "space" && y + h > bottom + 1) { print "page " p ": " $1 " ends " (y + h - bottom) / 100 " pt past the bottom margin"; exit }
				k = p " " c
				if ($1 == "note") { if (!(k in top) || y + 0 < top[k]) top[k] = y + 0 }
				else if ($1 != "space" && $1 != "box" && y + h > low[k]) low[k] = y + h
				if ($1 == "box") box[++nb] = k " " y " " y + h
				else if ($1 == "line" || $1 == "image") held[++nh] = k " " y
				if ($1 == "image") fig = k
				if ($1 == "line" && /\|Figure 1\./) cap = k }
			END { for (k in top) if (low[k] > top[k] - 900) { print "page/column " k ": drawn over its notes or their rule"; exit }
				for (b = 1; b <= nb; b++) { split(box[b], x, " "); full = 0
					for (j = 1; j <= nh; j++) { split(held[j], z, " "); if (z[1] == x[1] && z[2] == x[2] && z[3] >= x[3] && z[3] < x[4]) full = 1 }
					if (!full) { print "page/column " x[1] " " x[2] ": an empty piece of the box"; exit } }
				if (cap != fig) print "the caption (page/column " cap ") away from its figure (" fig ")" }' "$D/d.txt")
		[ -n "$r" ] && bad="$bad; $cols columns, notes $v, box $boxed, margins $margin in, $lead lead: $r"
	done
done
if [ -z "$bad" ]; then pass "a page-filling figure in $runs briefs (notes around it and in its caption, boxed or not, 1-2 columns): nothing past the margin or over the notes, no empty frame, the caption with it"; else fail "page-filling figure:${bad:0:600}"; fi

# A figure that opens its section (after 0-12 paragraphs of the section before; alone in its
# section or followed by text) stands with its heading, or floats to the next page or
# column while the heading stays with the section's text after it (where moving on with
# the heading would leave a hole): the heading never ends a page or column alone (found by
# a hostile trial: about 20 of 30 headings left alone in random briefs). A page-filling one with a note in its caption,
# under two headings, too tall to go with them, floats: the headings never stand alone on
# a page (a regression trial found them so).
printf '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect x="5" y="5" width="90" height="90" fill="#1F4E79"/></svg>\n' >"$D/square.svg"
bad="" runs=0
for layout in handout digest; do
	for after in 0 1 2; do # 2: a page-filling figure with a note in its caption, text after it
		for ((lead = 0; lead <= 12; lead++)); do
			{
				printf 'title: Opening figure\ndate: 2026-03-14\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Filler\n    content:\n'
				for ((j = 0; j <= lead; j++)); do
					echo "      - text: \"Lead $j. Each choice has a price, and the council has money for one of them. The district must choose between rebuilding earth, buying warnings and giving the river room.\""
				done
				if [ "$after" = 2 ]; then
					printf '  - heading: Parent\n    sections:\n      - heading: Pictured\n        content:\n          - figure: {file: huge.svg, alt: A bar, caption: "A bar.^[%s]", credit: "Drawing: the district"}\n' "$NOTE"
					printf '          - text: "After the figure. The district must choose between rebuilding earth and buying warnings."\n'
				else
					printf '  - heading: Pictured\n    content:\n      - figure: {file: square.svg, alt: A square, caption: A square}\n'
				fi
				[ "$after" = 1 ] && printf '      - text: "After the figure. The district must choose between rebuilding earth and buying warnings."\n'
				printf '  - heading: Next\n    content:\n      - text: "The engineers walked the embankment."\n'
			} >"$D/b.yaml"
			runs=$((runs + 1))
			(cd "$D" && "$MKBRIEF" -q --layout "$layout" --dump-layout b.yaml >d.txt 2>/dev/null) || {
				bad="$bad; $layout/$after/$lead: failed"
				continue
			}
			r=$(awk -v big="$((after == 2))" '/^page / { p = $2 }
				{ c = ""; for (i = 1; i <= NF; i++) if ($i ~ /^col=/) c = $i }
				/^  (line|image) / && !/ heading / { text[p]++ }
				/ heading / && /\|Pictured\|$/ { h = p " " c; hp = p }
				/^  image / { f = p " " c }
				/\|After the figure/ && a == "" { a = p " " c }
				END { if (!big && h != f && h != a) print "the heading on page " h ", its figure on page " f ", its text on page " a
					if (big && !text[hp]) print "page " hp " holds headings alone" }' "$D/d.txt")
			[ -n "$r" ] && bad="$bad; $layout, text after $after, $lead lead: $r"
		done
	done
done
if [ -z "$bad" ]; then pass "a figure opening its section stands with its heading in $runs briefs (handout, digest)"; else fail "figure opening a section:${bad:0:500}"; fi
# A page-filling figure that opens its section never leaves the headings it is kept with
# at a page's or column's foot: alone in its section it is scaled to stand with them; with
# the section's text after it the headings stay with that text and the figure floats (a
# trial found the headings ending the page in both cases, 6 of 26 briefs).
bad="" runs=0
for layout in handout digest handout-a4; do
	for after in 0 10; do
		for ((lead = 4; lead <= 12; lead++)); do
			for short in 0 1 2; do
				{
					printf 'title: Opening figure\ndate: 2026-03-14\nsources:\n  levee: {file: articles/levee-report.txt}\nsections:\n  - heading: Filler\n    content:\n'
					for ((j = 0; j <= lead; j++)); do
						echo "      - text: \"Lead $j. Each choice has a price, and the council has money for one of them. The district must choose between rebuilding earth, buying warnings and giving the river room.\""
					done
					for ((j = 0; j < short; j++)); do
						echo "      - text: \"Short $j. The district must choose.\""
					done
					printf '  - heading: Parent\n    sections:\n      - heading: Pictured\n        content:\n          - figure: {file: huge.svg, alt: A bar, caption: "A bar.^[%s]", credit: "Drawing: the district"}\n' "$NOTE"
					for ((j = 0; j < after; j++)); do
						printf '          - text: "After the figure %d. The district must choose between rebuilding earth and buying warnings, and the council has money for one of them only, as the engineers said."\n' "$j"
					done
					printf '  - heading: Next\n    content:\n      - text: "The engineers walked the embankment."\n'
				} >"$D/b.yaml"
				runs=$((runs + 1))
				(cd "$D" && "$MKBRIEF" -q --layout "$layout" --dump-layout b.yaml >d.txt 2>/dev/null) || {
					bad="$bad; $layout/$after/$lead/$short: failed"
					continue
				}
				r=$(awk '/^page / { p = $2 } { c = ""; for (i = 1; i <= NF; i++) if ($i ~ /^col=/) c = $i }
					/^  (line|image) / && seen && !next_at { next_at = p " " c }
					/ heading / && /\|Pictured\|$/ { h = p " " c; seen = 1 }
					END { if (h != next_at) print "the heading on page " h ", what follows it on page " next_at }' "$D/d.txt")
				[ -n "$r" ] && bad="$bad; $layout, $after after, $lead+$short lead: $r"
			done
		done
	done
done
if [ -z "$bad" ]; then pass "a page-filling figure opening its section never leaves its headings at a foot ($runs briefs, 3 layouts)"; else fail "page-filling figure opening a section:${bad:0:600}"; fi

# a JPEG's EXIF orientation (6: a phone's portrait photo, stored on its side) is applied:
# baseline.jpg's 8 x 6 pixels are shown 6 across and 8 down (it was placed as stored)
python3 - "$ROOT/tests/fuzz/corpus/image/baseline.jpg" "$T/turned.jpg" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
# an APP1 "Exif" segment right after SOI: a big-endian TIFF header, one IFD entry 0x112 = 6
tiff = b"MM\x00\x2a\x00\x00\x00\x08" + b"\x00\x01" + b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" + b"\x00\x00\x00\x00"
seg = b"Exif\x00\x00" + tiff
open(sys.argv[2], "wb").write(b[:2] + b"\xff\xe1" + (len(seg) + 2).to_bytes(2, "big") + seg + b[2:])
PY
for f in baseline turned; do
	[ $f = baseline ] && cp "$ROOT/tests/fuzz/corpus/image/baseline.jpg" "$T/baseline.jpg"
	printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: %s}\nsections:\n  - heading: H\n    content:\n      - figure: {file: %s.jpg, alt: x, width: 30%%}\n' \
		"$ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt" "$f" >"$T/$f.yaml"
	"$MKBRIEF" -q --root / --dump-layout "$T/$f.yaml" -o "$T/$f.pdf" | awk '/^  image / { for (i = 1; i <= NF; i++) if ($i ~ /^[wh]=/) { sub(/^[wh]=/, "", $i); printf "%s ", $i } }' >"$T/$f.wh"
done
read -r bw bh <"$T/baseline.wh"
read -r tw th <"$T/turned.wh"
if [ -n "$bw" ] && [ -n "$tw" ] && [ "$bw" -gt "$bh" ] && [ "$tw" -lt "$th" ]; then
	pass "a JPEG's EXIF orientation is applied: 8 x 6 pixels turned are shown taller than wide ($tw x $th)"
else fail "EXIF orientation: as stored ${bw}x$bh, turned ${tw}x$th"; fi

# a full-width figure that waits for the next page lets its section's subsections fill this
# one: a stub page stood before it when a subsection's heading came next (a reader's
# trial); the next section's heading still waits for it
python3 - "$G/figure-full-digest/brief.yaml" "$D/sub.yaml" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
fig = next(i for i, l in enumerate(lines) if l.strip() == "- figure:")
end = next(i for i in range(fig + 1, len(lines)) if lines[i].startswith("      - text:"))
texts = [l for l in lines[end:] if l.startswith("      - text:")]
out = lines[:end] + ["    sections:", "      - heading: After the figure", "        content:"]
out += ["  " + l for l in texts[:3]] + ["  - heading: The next section", "    content:"] + texts[3:]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out).replace("../../../briefs", sys.argv[1].rsplit("/tests/", 1)[0] + "/briefs") + "\n")
PY
"$MKBRIEF" -q --root / --dump-layout "$D/sub.yaml" >"$D/sub.txt" 2>"$T/err" || fail "full figure, subsection: $(cat "$T/err")"
sub_page=$(awk '/^page / { p = $2 } /\|After the figure\|/ { print p; exit }' "$D/sub.txt")
fig_page=$(awk '/^page / { p = $2 } /Figure 1\./ { print p; exit }' "$D/sub.txt")
next_page=$(awk '/^page / { p = $2 } /\|The next section\|/ { print p; exit }' "$D/sub.txt")
if [ "$sub_page" = 1 ] && [ "$fig_page" = 2 ] && [ "${next_page:-0}" -ge 2 ]; then
	pass "figures: a subsection fills page 1 before the full-width figure at page 2's top; the next section follows it"
else
	fail "full figure, subsection: subsection on page $sub_page, figure on $fig_page, next section on $next_page"
fi

# a figure that waits for the next page lets the next section fill this one when holding
# it back would leave the page more than 30% empty (a reader's trial: page 1 of a digest
# 45% empty); not when a page break asked for after a short section would leave a figure
# that does not fill a page alone on its page
fig() { printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 %s"><rect x="5" y="5" width="90" height="60" fill="#246"/></svg>\n' "$1" >"$D/$2.svg"; }
fig 120 tall
fig 75 half
para='      - text: "Moscow presents itself as a neutral broker, calls for talks without conditions, and keeps its trade across the short land border open. Its officials speak of a freeze for freeze, the plan it shares with Beijing, and they warn Washington against a strike."'
brief() { # FIGURE [page-break]: a paragraph, the figure, the next section (a page break after its first paragraph)
	printf '%s\n' "title: T" "date: 2018-01-22" "sources:" "  s: {file: $ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}" \
		"sections:" "  - heading: Sanctions" "    content:" "$para" "      - figure: {file: $1.svg, alt: A block, caption: Block, width: full}" \
		"  - heading: The next section" "    content:" "$para"
	[ -n "$2" ] && printf '%s\n' "  - heading: After a page break" "    page-break: before" "    content:"
	for k in 1 2 3 4 5 6 7 8 9 10 11; do echo "$para"; done
}
pages() { # BRIEF LAYOUT: the pages of the next section's heading and of the figure
	"$MKBRIEF" -q --root / --layout "$2" --dump-layout "$1" 2>"$T/err" |
		awk '/^page / { p = $2 } /\|The next section\|/ && !n { n = p } /Figure 1\./ && !f { f = p } END { print n + 0, f + 0 }'
}
brief tall >"$D/pass.yaml"
brief half break >"$D/short.yaml"
got="$(pages "$D/pass.yaml" handout) / $(pages "$D/pass.yaml" digest) / $(pages "$D/short.yaml" digest)"
[ "$got" = "1 2 / 1 2 / 2 2" ] && pass "figures: the next section fills page 1 before a figure waiting for page 2, unless the figure would stand alone there" ||
	fail "figure waiting, next section: section and figure pages $got (want 1 2 / 1 2 / 2 2)"

# a figure without a caption is labelled by its number alone, as a table is ("Figure 1."
# left a full stop hanging: a new user's trial)
printf '%s\n' "title: T" "date: 2018-01-22" "sources:" "  s: {file: $ROOT/briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}" \
	"sections:" "  - heading: H" "    content:" "      - figure: {file: $ROOT/briefs/figures/dprk-sanctions.svg, alt: A chart}" >"$D/nocap.yaml"
"$MKBRIEF" -q --root / -o "$D/nocap.pdf" "$D/nocap.yaml" 2>"$T/err"
ntxt=$(pdftotext "$D/nocap.pdf" - 2>/dev/null | tr '\n' ' ')
if grep -q 'Figure 1 ' <<<"$ntxt" && ! grep -qF 'Figure 1.' <<<"$ntxt"; then
	pass "figures: a figure without a caption is 'Figure 1', with no full stop"
else
	fail "figure without a caption: $ntxt $(cat "$T/err")"
fi
# a full-width figure waiting for the next page lets the next section fill this one also when
# that section ends the text: the figure then opens the last page above the Sources (a
# reader's trial: page 1 of a digest 65% empty, and a third page for the Sources alone)
mkdir -p "$D/pass" && ln -s "$ROOT/briefs/articles" "$D/pass/articles" && ln -s "$ROOT/briefs/figures" "$D/pass/figures"
cat >"$D/pass/b.yaml" <<'YAML'
title: A full-width figure and the section after it
date: 2018-01-22
layout: digest
sources:
  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: First
    content:
      - text: A short paragraph of the analyst's own.
      - excerpt: {source: edm, paragraphs: 1}
      - figure: {file: figures/dprk-sanctions.svg, alt: A chart, caption: Sanctions by year, width: full}
  - heading: Second
    content:
      - excerpt: {source: edm, paragraphs: 3-4}
YAML
"$MKBRIEF" -q --dump-layout "$D/pass/b.yaml" >"$D/pass/d.txt" 2>"$T/err" || fail "figure passing the last section: $(cat "$T/err")"
where=$(awk '/^document / { print $2 } /^page / { p = $2 } / image / { print "image@" p } /\|Second\|/ { print "second@" p } /\|Sources\|/ { print "sources@" p }' "$D/pass/d.txt" | tr '\n' ' ')
[ "$where" = "pages=2 second@1 image@2 sources@2 " ] &&
	pass "figures: the last section fills page 1 before a full-width figure; it opens page 2 above the Sources" ||
	fail "figures: a full-width figure before the last section: $where"

# each Figure element has its bounding box (PDF 14.8.5.4.3 requires one for a figure whole on
# a page: a layout attribute /BBox), the rectangle its picture is drawn in: each raster
# picture MuPDF draws stands in the box of a Figure on its page, and every box lies on the page
boxes=$(/usr/bin/python3 "$ROOT/tests/tools/structboxes.py" Figure "$T/fig/f.pdf")
drawn=$(mutool trace "$T/fig/f.pdf" 2>/dev/null | awk '/<page / { p = $2; gsub(/[^0-9]/, "", p); split($0, mb, "mediabox=\""); split(mb[2], v, /[ "]/); h = v[4] }
	/<fill_image/ { match($0, /transform="[^"]*"/); split(substr($0, RSTART + 11, RLENGTH - 12), m, " ");
		printf "%d %.1f %.1f %.1f %.1f\n", p, m[5], h - m[6] - m[4], m[5] + m[1], h - m[6] }')
lost=""
while read -r line; do grep -qxF "$line" <<<"$boxes" || lost="$lost [$line]"; done <<<"$drawn"
if [ -n "$drawn" ] && ! grep -q 'none' <<<"$boxes" && [ -z "$lost" ] &&
	awk '{ if ($2 < 0 || $3 < 0 || $4 > 612 || $5 > 792 || $4 <= $2 || $5 <= $3) exit 1 }' <<<"$boxes"; then
	pass "figures: every Figure element has the /BBox its picture is drawn in"
else
	fail "figures: Figure boxes ($(tr '\n' ';' <<<"$boxes")) and pictures drawn ($(tr '\n' ';' <<<"$drawn")):$lost"
fi
