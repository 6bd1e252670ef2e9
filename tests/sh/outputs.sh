# outputs.sh: what mkbrief may write. An output that is one of the run's inputs (the brief,
# a source, the layout, a font; standard output redirected onto one) is refused and the input
# left as it was; devices, FIFOs and
# /dev/stdout are written to, never replaced; a failed PNG run leaves every page of an
# earlier run as it was; an interrupted run leaves no temporary file; a 254-byte output name
# (NAME_MAX is 255) works.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
D="$T/w"
mkdir -p "$D/articles" "$D/fonts" "$D/figures"
cp "$ROOT"/briefs/articles/*.txt "$D/articles/" # copies: a failing check must not hurt the repository
cp "$ROOT/briefs/korea-jan2018.yaml" "$D/brief.yaml"
cp "$ROOT"/briefs/figures/* "$D/figures/"
cp "$ROOT/layouts/handout.yaml" "$D/my.yaml"
cp "$ROOT/fonts/NotoSerif-Regular.ttf" "$D/fonts/"
cd "$D" || exit 1
no_temp() { ! ls -A "$D" "$D/articles" "$D/fonts" 2>/dev/null | grep -q '^\..*\.[A-Za-z0-9]\{6\}$'; }

refused() { # refused NAME FILE EXPECTED_STDERR ARGS...: -o FILE is refused, FILE unchanged
	local name=$1 file=$2 want=$3
	shift 3
	cp "$file" "$T/before"
	local err status
	err=$("$MKBRIEF" "$@" -o "$file" 2>&1 >/dev/null)
	status=$?
	if [ $status = 1 ] && [ "$err" = "$want" ] && cmp -s "$file" "$T/before" && no_temp; then
		pass "$name"
	else
		fail "$name: status $status, stderr '$err'"
	fi
}
refused "-o naming the brief is refused" brief.yaml \
	"brief.yaml: error: cannot write: this is the brief, which mkbrief reads; name another output with -o" brief.yaml
A=articles/edm-2018-v15i7-russia-uses-korean-crisis.txt
refused "-o naming a source article is refused" "$A" \
	"$A: error: cannot write: this is the source file $A, which mkbrief reads; name another output with -o" brief.yaml
ln -s "$A" link.txt
refused "-o naming a source through a symbolic link is refused" link.txt \
	"link.txt: error: cannot write: this is the source file $A, which mkbrief reads; name another output with -o" brief.yaml
refused "-o naming the layout is refused" my.yaml \
	"my.yaml: error: cannot write: this is the layout, which mkbrief reads; name another output with -o" --layout ./my.yaml brief.yaml
refused "-o naming a font is refused" fonts/NotoSerif-Regular.ttf \
	"fonts/NotoSerif-Regular.ttf: error: cannot write: this is the font fonts/NotoSerif-Regular.ttf, which mkbrief reads; name another output with -o" --fonts fonts brief.yaml

# -o - with standard output redirected onto an input (appended to the brief or a source, or
# opened over the brief): refused, the file unchanged (it was written into: a hostile trial)
cp brief.yaml "$T/before"
cp "$A" "$T/before-a"
err1=$("$MKBRIEF" brief.yaml -o - 2>&1 >>brief.yaml)
st1=$?
err2=$("$MKBRIEF" brief.yaml -o - 2>&1 >>"$A")
st2=$?
"$MKBRIEF" brief.yaml -o - 2>"$T/err3" 1<>brief.yaml
st3=$?
err3=$(cat "$T/err3")
if [ "$st1$st2$st3" = 111 ] && cmp -s brief.yaml "$T/before" && cmp -s "$A" "$T/before-a" &&
	[ "$err1" = "-: error: cannot write: standard output is the brief, which mkbrief reads; redirect it elsewhere" ] &&
	[ "$err2" = "-: error: cannot write: standard output is the source file $A, which mkbrief reads; redirect it elsewhere" ]; then
	pass "-o - redirected onto the brief or a source is refused, the file unchanged"
else
	cp "$T/before" brief.yaml
	cp "$T/before-a" "$A"
	fail "-o - onto an input: status $st1/$st2/$st3: $err1 / $err2 / $err3"
fi

# devices and /dev/stdout are written to; as root a rename would have replaced the node
"$MKBRIEF" brief.yaml -o /dev/null 2>"$T/err"
if [ $? = 0 ] && [ -c /dev/null ] && [ ! -s "$T/err" ]; then pass "-o /dev/null writes to the device, which stays one"; else fail "-o /dev/null: $(cat "$T/err")"; fi
"$MKBRIEF" brief.yaml -o ref.pdf 2>/dev/null
"$MKBRIEF" brief.yaml -o /dev/stdout >so.pdf 2>"$T/err"
if [ $? = 0 ] && [ -L /dev/stdout ] && cmp -s so.pdf ref.pdf; then pass "-o /dev/stdout into a file: the same PDF, /dev/stdout still a link"; else fail "-o /dev/stdout > file: $(cat "$T/err")"; fi
"$MKBRIEF" brief.yaml -o /dev/stdout 2>"$T/err" | cat >pipe.pdf
if cmp -s pipe.pdf ref.pdf; then pass "-o /dev/stdout into a pipe: the same PDF"; else fail "-o /dev/stdout | cat: $(cat "$T/err")"; fi
mkfifo out.fifo
timeout 20 cat out.fifo >fifo.pdf &
catpid=$!
timeout 20 "$MKBRIEF" brief.yaml -o out.fifo 2>"$T/err"
st=$?
[ -p out.fifo ] || kill $catpid 2>/dev/null # replaced: nobody will ever write to the reader's FIFO
wait
if [ $st = 0 ] && [ -p out.fifo ] && cmp -s fifo.pdf ref.pdf; then pass "-o FIFO: written through, still a FIFO"; else fail "-o FIFO: status $st $(cat "$T/err")"; fi

# through a link to a file not yet made: the file is made and the link stays; a loop is refused
ln -s made.pdf dangling.pdf
if "$MKBRIEF" brief.yaml -o dangling.pdf 2>"$T/err" && [ -L dangling.pdf ] && cmp -s made.pdf ref.pdf; then pass "-o a link to a file not yet made: the file is made, the link stays"; else fail "-o dangling link: $(cat "$T/err")"; fi
ln -s loop2.pdf loop1.pdf && ln -s loop1.pdf loop2.pdf
err=$("$MKBRIEF" brief.yaml -o loop1.pdf 2>&1)
if [ $? = 1 ] && [ -L loop1.pdf ] && [ "$err" = "loop1.pdf: error: cannot write: Too many levels of symbolic links (a symbolic link)" ]; then pass "-o a loop of links is refused"; else fail "-o loop of links: $err"; fi
# PNG pages to standard output: a usage error (status 2), nothing written to stdout
"$MKBRIEF" --format png --dpi 20 brief.yaml -o - >"$T/so" 2>"$T/err"; st=$?; out=$(wc -c <"$T/so")
if [ "$st" = 2 ] && [ "$out" = 0 ] && grep -q 'standard output' "$T/err"; then pass "--format png -o - is a usage error (status 2)"; else fail "--format png -o -: status $st, $out bytes, $(cat "$T/err")"; fi
"$MKBRIEF" --format svg brief.yaml -o - >"$T/so" 2>"$T/err"; st=$?; out=$(wc -c <"$T/so")
if [ "$st" = 2 ] && [ "$out" = 0 ]; then pass "--format svg -o - is a usage error (status 2)"; else fail "--format svg -o -: status $st, $out bytes"; fi
# pages named after a device would be /dev/null-1.png (a usage error too)
err=$("$MKBRIEF" --format png --dpi 20 brief.yaml -o /dev/null 2>&1)
if [ $? = 2 ] && [[ "$err" == */dev/null* ]] && [ ! -e /dev/null-1.png ] && [ -c /dev/null ]; then pass "--format png -o /dev/null is refused ($err)"; else fail "--format png -o /dev/null: $err"; rm -f /dev/null-[0-9]*.png; fi

# PostScript: cairo stamps the clock into %%CreationDate; the brief's date (or
# SOURCE_DATE_EPOCH) goes there instead, so two runs give the same bytes
"$MKBRIEF" --format ps brief.yaml -o r1.ps 2>/dev/null && sleep 1.1 && "$MKBRIEF" --format ps brief.yaml -o r2.ps 2>/dev/null
if cmp -s r1.ps r2.ps && grep -q '^%%CreationDate: 2018-01-22T00:00:00Z$' r1.ps; then pass "PostScript: byte-identical runs, the brief's date"; else fail "PostScript differs between runs or has the clock's date"; fi
SOURCE_DATE_EPOCH=5 "$MKBRIEF" --format ps brief.yaml -o r3.ps 2>/dev/null
if grep -q '^%%CreationDate: 1970-01-01T00:00:05Z$' r3.ps; then pass "PostScript: SOURCE_DATE_EPOCH"; else fail "PostScript ignores SOURCE_DATE_EPOCH"; fi

# %%Title is a PostScript string in printable ASCII: a title's parentheses and backslash
# were copied unescaped, its letters as UTF-8, and one over 255 bytes failed the whole file
# with no message
sed "s/^title: .*/title: 'Moscow (and Beijing) \\\\ the \"deal\" \xe2\x80\x94 Caf\xc3\xa9'/" brief.yaml >ps-title.yaml
"$MKBRIEF" --format ps ps-title.yaml -o t1.ps 2>"$T/err"
title=$(grep -a '^%%Title' t1.ps)
if [ "$title" = '%%Title: (Moscow \(and Beijing\) \\ the "deal" -- Cafe)' ] && { ! command -v gs >/dev/null || gs -q -dNODISPLAY -dBATCH -dNOPAUSE t1.ps >/dev/null 2>&1; }; then
	pass "PostScript: %%Title escapes ( ) \\ and is ASCII; ghostscript reads the file"
else fail "PostScript %%Title: $title $(cat "$T/err")"; fi
sed "s/^title: .*/title: $(printf 'Words of a long title %.0s' $(seq 15))/" brief.yaml >ps-long.yaml
"$MKBRIEF" --format ps ps-long.yaml -o t2.ps 2>"$T/err"; st=$?
title=$(grep -a '^%%Title' t2.ps 2>/dev/null)
if [ $st = 0 ] && [ ${#title} -le 255 ] && [[ "$title" == *' ...)' ]]; then pass "PostScript: a long title is cut at a word in %%Title, the file written"; else fail "PostScript long title: status $st, '$title' $(cat "$T/err")"; fi

# a failed PNG run: no page of the earlier run changes, not even those written first
"$MKBRIEF" --format png --dpi 20 brief.yaml -o p.png 2>/dev/null
sum1=$(cat p-1.png | cksum)
rm p-2.png && mkdir p-2.png
sed 's/^title: .*/title: Another title/' brief.yaml >other.yaml
err=$("$MKBRIEF" --format png --dpi 20 other.yaml -o p.png 2>&1)
if [ $? = 1 ] && [[ "$err" == *p-2.png* ]] && [ "$(cat p-1.png | cksum)" = "$sum1" ] && no_temp; then pass "failed PNG run: the earlier page 1 is unchanged ($err)"; else fail "failed PNG run changed page 1 or left a temporary file ($err)"; fi
rmdir p-2.png

# a shorter run after a longer one: the pages past its last are removed, not left to be
# read as part of it
sed -n '1,/^sections:/p' brief.yaml >short.yaml
printf '  - heading: Short\n    content:\n      - text: One page.\n' >>short.yaml
"$MKBRIEF" --format png --dpi 20 brief.yaml -o s.png 2>/dev/null
before=$(ls s-*.png | wc -l)
"$MKBRIEF" --format png --dpi 20 short.yaml -o s.png 2>"$T/err"
after=$(ls s-*.png | wc -l)
# (one page: its Sources follow the text)
if [ "$before" -gt 2 ] && [ "$after" = 1 ] && [ -e s-1.png ] && [ ! -e s-2.png ]; then pass "a shorter PNG run removes the earlier run's extra pages ($before then $after)"; else fail "stale pages: $before then $after pages ($(cat "$T/err"))"; fi

# a figure is an input too: -o naming it is refused (it was written over, exit 0), and a
# PNG run's page names are checked against it; the pages past a shorter run's last that
# go are only pages such a run wrote: a figure the brief reads, or a file that is no PNG,
# stays (a one-page run deleted its figure q-2.png and 39 text files named q-N.png)
printf '%s\n' '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#888"/></svg>' >fig.svg
cp fig.svg q-2.svg
sed -n '1,/^sections:/p' brief.yaml >fig.yaml
printf '  - heading: Figure\n    content:\n      - figure: {file: fig.svg, alt: A grey bar, width: 1in}\n      - figure: {file: q-2.svg, alt: The same bar, width: 1in}\n' >>fig.yaml
refused "-o naming a figure is refused" fig.svg \
	"fig.svg: error: cannot write: this is the figure file fig.svg, which mkbrief reads; name another output with -o" fig.yaml
printf 'not a page\n' >q-3.svg
cp q-2.svg "$T/q2"
"$MKBRIEF" -q --format svg fig.yaml -o q.svg 2>"$T/err"
if [ -e q-1.svg ] && [ ! -e q-2.svg.bak ] && cmp -s q-2.svg "$T/q2" && [ "$(cat q-3.svg)" = "not a page" ]; then
	pass "an SVG run leaves a figure it reads and a file of another kind named like its later pages"
else
	fail "stale pages: q-2.svg $(cmp -s q-2.svg "$T/q2" && echo kept || echo changed), q-3.svg $(cat q-3.svg 2>&1) ($(cat "$T/err"))"
fi

# a 254-byte output name: the temporary name is cut short, not refused
long=$(printf 'n%.0s' $(seq 250)).pdf
if "$MKBRIEF" brief.yaml -o "$long" 2>"$T/err" && cmp -s "$long" ref.pdf && no_temp; then pass "a 254-byte output name"; else fail "254-byte output name: $(cat "$T/err")"; fi
rm -f "$long"

# interrupts while writing: never a temporary file left behind
{ printf 'title: Interrupted\ndate: 2018-01-22\nsources:\n  edm: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n'
  for i in $(seq 150); do printf '  - heading: Section %d\n    content:\n      - excerpt: {source: edm, paragraphs: 1-6}\n' $i; done; } >long.yaml
left=0
for d in 0.05 0.1 0.15 0.2 0.25 0.3 0.35 0.4 0.5 0.6; do
	for sig in INT TERM PIPE USR1 ALRM; do
		"$MKBRIEF" long.yaml -o int.pdf 2>/dev/null &
		pid=$!
		sleep $d
		kill -$sig $pid 2>/dev/null
		wait $pid 2>/dev/null
		no_temp || { left=$((left + 1)); rm -f .int.pdf.*; }
	done
done
[ $left = 0 ] && pass "50 runs interrupted by SIGINT, SIGTERM, SIGPIPE, SIGUSR1 or SIGALRM: no temporary file left" || fail "interrupts: $left of 50 runs left a temporary file"
# A PNG preview at 80 dpi spaces letters evenly: a banner of 40 I's (tracked, bold) has its
# stems on a straight line within 0.3 pixel, where whole-pixel glyph positions put them up to
# half a pixel off it. The top banner's baseline is 0.42 of the top margin.
STEMS="$TESTBIN/pngstems" # tests/tools/pngstems.c
if [ -x "$STEMS" ]; then
	sed 's/^classification: .*/classification: IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII/' brief.yaml >stems.yaml
	for layout in handout handout-a4 digest; do
		"$MKBRIEF" -q --layout $layout --format png --dpi 80 stems.yaml -o st.png 2>"$T/err" || { fail "stems $layout: $(cat "$T/err")"; continue; }
		top=$(sed -n 's/.*margins: {top: \([0-9.]*\)\(in\|mm\).*/\1 \2/p' "$ROOT/layouts/$layout.yaml")
		base=$(echo "$top" | awk '{ pt = $2 == "in" ? $1 * 72 : $1 * 72 / 25.4; printf "%d", pt * 0.42 * 80 / 72 }')
		got=$("$STEMS" st-1.png $((base - 12)) $((base + 2)))
		if echo "$got" | awk '$2 == 40 && $6 < 0.3 { ok = 1 } END { exit !ok }'; then
			pass "PNG at 80 dpi, $layout: letters evenly spaced ($got px)"
		else
			fail "PNG at 80 dpi, $layout: letters unevenly spaced ($got px)"
		fi
	done
else
	fail "pngstems not built ($STEMS)"
fi

# what a command prints on standard output must be written: on a full disk (/dev/full) the
# dump, the schema, find's matches, the list of layouts and the version fail, never exit 0
for args in "--dump-layout briefs/korea-jan2018.yaml" "schema brief" "--list-layouts" "--version" \
	"find briefs/articles/edm-2018-v15i7-russia-uses-korean-crisis.txt Moscow"; do
	(cd "$ROOT" && "$MKBRIEF" $args >/dev/full 2>"$T/full.err")
	st=$?
	[ $st = 1 ] && grep -q "cannot write to standard output" "$T/full.err" && pass "stdout full: mkbrief $args fails" ||
		fail "stdout full: mkbrief $args: status $st, $(head -1 "$T/full.err")"
done

# an empty option value is a usage error (exit 2), and --format with its value left out
# names the brief it took as the format, not "no brief given"
"$MKBRIEF" -q brief.yaml -o "" 2>"$T/err"
s1=$?
"$MKBRIEF" --format brief.yaml --check 2>"$T/err2"
s2=$?
if [ $s1 = 2 ] && grep -q "value is empty: -o" "$T/err" && [ $s2 = 2 ] && grep -q "format must be pdf, png, svg or ps: brief.yaml" "$T/err2"; then
	pass "an empty -o and a --format missing its value are usage errors that say so"
else
	fail "empty values: $s1 $(head -1 "$T/err"), $s2 $(head -1 "$T/err2")"
fi
# --list-layouts takes at most one brief: a second was ignored, exit 0 (a hostile trial)
"$MKBRIEF" --list-layouts "$ROOT/briefs/korea-jan2018.yaml" extra.yaml >"$T/out" 2>"$T/err"
st=$?
[ "$st" = 2 ] && grep -q 'list-layouts takes at most one brief.*extra.yaml' "$T/err" && [ ! -s "$T/out" ] &&
	pass "--list-layouts with two briefs is a usage error" || fail "--list-layouts a b: status $st, $(head -1 "$T/err")"

# "--" ends the options: a brief whose name starts with '-' is built after it; before it, the
# name is an unknown option whose error says so (there was no way to name such a file)
cp brief.yaml ./-dash.yaml
"$MKBRIEF" -q -o dash.pdf -- -dash.yaml 2>"$T/err"
st=$?
err=$("$MKBRIEF" -q -o dash2.pdf -dash.yaml 2>&1)
if [ $st = 0 ] && [ -s dash.pdf ] && grep -q "unknown option (a file of that name goes after --): -dash.yaml" <<<"$err"; then
	pass "-- ends the options: a brief named -dash.yaml is built after it"
else fail "--: status $st $(cat "$T/err"), without it: $err"; fi
