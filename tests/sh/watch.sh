# watch.sh: `mkbrief watch` builds again after each save, also an editor's save by writing
# a new file and renaming it over the brief; a bad edit prints its error and keeps the last
# good PDF; a source named before it exists is picked up when it appears; a layout put
# beside the brief takes over; a figure is decoded again only when its file changes; Ctrl-C
# ends it and leaves no temporary file.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
D="$T/w"
mkdir -p "$D" && cp -r "$ROOT/briefs/." "$D/" && cd "$D" || exit 1
"$MKBRIEF" watch korea-jan2018.yaml 2>log &
pid=$!
trap 'kill -9 $pid 2>/dev/null; rm -rf "$T" "$T.cache"' EXIT
builds() { grep -c '^mkbrief watch: .*(build [0-9]*)' log; }
wait_builds() { # wait_builds N: until N builds are reported (at most 20 s)
	for _ in $(seq 200); do [ "$(builds)" -ge "$1" ] && return 0; sleep 0.1; done
	return 1
}
save() { # an editor's save: a new file renamed over the old
	cat >.save.tmp && mv .save.tmp "$1"
}
title() { pdfinfo korea-jan2018.pdf 2>/dev/null | sed -n 's/^Title: *//p'; }
wait_builds 1 && [ "$(title)" = "Russia and the Korean Crisis" ] && pass "the first build" || fail "first build: $(cat log)"

sed 's/^title: .*/title: Watched Title/' korea-jan2018.yaml | save korea-jan2018.yaml
wait_builds 2 && [ "$(title)" = "Watched Title" ] && pass "a save by rename builds again" || fail "rename save: $(title); $(cat log)"

cp korea-jan2018.yaml good.yaml
printf 'sections: [oops\n' >>korea-jan2018.yaml
if wait_builds 3 && grep -q '^korea-jan2018.yaml:[0-9]*:[0-9]*: error:' log && grep -q 'has errors (build 3)' log &&
	[ "$(title)" = "Watched Title" ] && qpdf --check korea-jan2018.pdf >/dev/null 2>&1; then
	pass "a bad edit: its error, and the last good PDF kept whole"
else
	fail "bad edit: $(tail -3 log)"
fi

# a source that does not exist yet, in a directory that does not exist yet
{ sed '/^sources:/q' good.yaml
  echo "  later: {file: late/later.txt}"
  sed '1,/^sources:/d' good.yaml; } | sed 's/^title: .*/title: Later Title/' | save korea-jan2018.yaml
wait_builds 4 && grep -q "later.txt" log && pass "a missing source is an error" || fail "missing source: $(tail -3 log)"
mkdir late
cp articles/edm-2017-v14i42-another-russian-failure.txt late/.x && mv late/.x late/later.txt
wait_builds 5 && [ "$(title)" = "Later Title" ] && pass "a source that appears later is picked up" || fail "late source: $(tail -3 log)"

mkdir layouts
sed 's/^  size: .*/  size: a5/' "$ROOT/layouts/handout.yaml" >layouts/handout.yaml
wait_builds 6 && pdfinfo korea-jan2018.pdf | grep -q "^Page size: *419" && pass "a layout put beside the brief takes over" ||
	fail "layout beside: $(pdfinfo korea-jan2018.pdf | grep 'Page size'); $(tail -2 log)"

# a figure is decoded once while its file stays the same, and again when it changes: each
# build's PDF is byte for byte a fresh run's
fresh() { "$MKBRIEF" -q -o "$T/fresh.pdf" korea-jan2018.yaml && cmp -s "$T/fresh.pdf" korea-jan2018.pdf; }
touch korea-jan2018.yaml
wait_builds 7 && fresh && pass "a build with the figure unchanged is a fresh run's bytes" || fail "figure kept: $(tail -2 log)"
cp korea-jan2018.pdf "$T/before.pdf"
sed 's/#[0-9A-Fa-f]\{6\}/#C00000/g' figures/dprk-sanctions.svg | save figures/dprk-sanctions.svg
if wait_builds 8 && fresh && ! cmp -s "$T/before.pdf" korea-jan2018.pdf; then
	pass "an edited figure is drawn anew"
else
	fail "edited figure: $(tail -2 log)"
fi

# a paragraph with a character the fonts lack is an error in every build, not only the first
sed 's/Putin now treats/Putin ☃ now treats/' korea-jan2018.yaml | save korea-jan2018.yaml
wait_builds 9 && touch korea-jan2018.yaml && wait_builds 10 &&
	[ "$(grep -c 'U+2603 SNOWMAN' log)" -ge 2 ] && [ "$(grep -c 'has errors (build 10)' log)" = 1 ] &&
	pass "a missing glyph is an error again in the next build" || fail "missing glyph: $(tail -3 log)"

n=$(builds)
touch good.yaml # not read by the brief: no build
sleep 0.5
[ "$(builds)" = "$n" ] && pass "a file the brief does not read changes nothing" || fail "an unrelated file started a build"

# a save while a build runs is built too: the watcher opens after the build, once it knows
# the files the brief reads, and saw nothing of it (the PDF kept the older words). The first
# save sets 1000 new paragraphs, a build long enough for the second to land in it.
long() { # long WORD TITLE: the good brief, titled, with 1000 paragraphs of WORD
	sed "s/^title: .*/title: $2/" good.yaml
	echo "  - heading: Long"
	echo "    content:"
	for i in $(seq 1000); do echo "      - text: $1 $i of the long section, with words enough to fill a line or two of the page in this layout."; done
}
save korea-jan2018.yaml <good.yaml
long Alpha "First Save" | save korea-jan2018.yaml
sleep 0.15 # the wait for quiet (80 ms), then into the build
long Beta "Second Save" | save korea-jan2018.yaml
for _ in $(seq 300); do [ "$(title)" = "Second Save" ] && break; sleep 0.1; done
[ "$(title)" = "Second Save" ] && pass "a save during a build is built" || fail "save during a build: $(title); $(tail -2 log)"
save korea-jan2018.yaml <good.yaml

# another file of the brief's directory written every 50 ms does not hold a build back
( for _ in $(seq 300); do date >noise.txt; sleep 0.05; done ) &
noise=$!
sed 's/^title: .*/title: Noisy Title/' good.yaml | save korea-jan2018.yaml
for _ in $(seq 100); do [ "$(title)" = "Noisy Title" ] && break; sleep 0.1; done
[ "$(title)" = "Noisy Title" ] && pass "a busy neighbour file does not hold back a build" || fail "noise: $(title); $(tail -2 log)"
kill $noise 2>/dev/null
wait $noise 2>/dev/null
rm -f noise.txt

# a source that is a link to a file elsewhere: a change to that file is seen (the brief's
# directory was watched for the link's name, and nothing happens there)
src=articles/edm-2017-v14i42-another-russian-failure.txt
mv "$src" "$T/linked.txt" && ln -s "$T/linked.txt" "$src"
sleep 0.5
n=$(builds)
echo >>"$T/linked.txt"
for _ in $(seq 100); do [ "$(builds)" -gt "$n" ] && break; sleep 0.1; done
[ "$(builds)" -gt "$n" ] && pass "a source behind a link: its change is built" || fail "linked source: no build; $(tail -2 log)"
rm "$src" && mv "$T/linked.txt" "$src"

kill -INT $pid
for _ in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then
	fail "Ctrl-C did not end watch"
else
	left=$(ls -A | grep -v -x -e noise.txt -e articles -e figures -e korea-jan2018.yaml -e korea-jan2018.pdf -e log -e good.yaml -e late -e layouts)
	[ -z "$left" ] && pass "Ctrl-C ends watch and leaves no temporary file" || fail "left behind: $left"
fi

# a brief that is no file (a device, a FIFO, a directory) is its error, once, and the end:
# /dev/null changes whenever anything writes to it, and each change was a build, several a
# second, until Ctrl-C (a hostile trial)
timeout 10 "$MKBRIEF" watch /dev/null 2>"$T/null.log"
st=$?
if [ "$st" = 1 ] && [ "$(grep -c 'error:' "$T/null.log")" = 1 ]; then
	pass "a brief that is a device: its error once, status 1"
else
	fail "watch /dev/null: status $st, $(grep -c 'error:' "$T/null.log") errors"
fi
