# batch.sh: `mkbrief A.yaml B.yaml ...` builds each brief to its own output in one process
# (or -j N processes), each PDF byte for byte what a run of its own writes; a failing brief
# does not stop the others and the exit status is the worst; -o and two briefs of one name
# are usage errors.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
cd "$T" || exit 1
cp -r "$ROOT/briefs/." .
sed 's/^layout: handout/layout: digest/; s/^title: .*/title: The Digest/' korea-jan2018.yaml >digest.yaml
sed 's/^date: .*/date: 2018-02-30/' korea-jan2018.yaml >bad.yaml
mkdir single
for b in korea-jan2018 digest; do (cd single && "$MKBRIEF" -q "../$b.yaml") || fail "single run of $b"; done
for jobs in 1 2; do
	rm -f korea-jan2018.pdf digest.pdf bad.pdf
	MKBRIEF_DIAGNOSTICS=short "$MKBRIEF" -q -j $jobs korea-jan2018.yaml bad.yaml digest.yaml 2>err.txt
	st=$?
	if [ $st = 1 ] && cmp -s korea-jan2018.pdf single/korea-jan2018.pdf && cmp -s digest.pdf single/digest.pdf && [ ! -e bad.pdf ] &&
		[ "$(cat err.txt)" = "bad.yaml:6:7: error: 2018-02-30 is not a real date" ]; then
		pass "-j $jobs: both good briefs written as a run of their own writes them, the bad one reported, status 1"
	else
		fail "-j $jobs: status $st; $(cat err.txt); $(ls *.pdf)"
	fi
done
# -j: each brief's diagnostics come out whole, in the order the briefs were named, byte for
# byte what a run of its own prints (source lines, carets and colours too): 12 briefs of six
# unfound quotes each (an error, two notes, three source lines with carets) in 4 workers,
# three times; before, the workers wrote to one stderr and their lines mixed
mkdir -p "$T/many" && ln -s "$ROOT/briefs/articles" "$T/many/articles"
names=()
for i in $(seq 12); do
	{ printf 'title: T%d\ndate: 2018-01-22\nsources:\n  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n  - heading: S\n    content:\n' "$i"
	  for q in $(seq 6); do printf '      - quote: {source: a, text: "brief %d quote %d, which the article never said"}\n' "$i" "$q"; done; } >"$T/many/b$i.yaml"
	names+=("b$i.yaml")
	(cd "$T/many" && env -u MKBRIEF_DIAGNOSTICS "$MKBRIEF" --check --color=always "b$i.yaml" 2>"b$i.err")
done
(cd "$T/many" && cat "${names[@]/.yaml/.err}") >"$T/many/want.txt"
bad=""
for run in 1 2 3; do
	(cd "$T/many" && env -u MKBRIEF_DIAGNOSTICS "$MKBRIEF" --check --color=always -j 4 "${names[@]}" 2>"got$run.txt")
	st=$?
	[ "$st" = 1 ] || bad="$bad run $run: status $st;"
	# each brief's block whole and contiguous somewhere in the output...
	for i in $(seq 12); do
		python3 -c 'import sys; sys.exit(open(sys.argv[1],"rb").read() not in open(sys.argv[2],"rb").read())' \
			"$T/many/b$i.err" "$T/many/got$run.txt" || bad="$bad run $run: b$i.yaml's diagnostics not whole and contiguous;"
	done
	# ...and the blocks in argument order, nothing else
	cmp -s "$T/many/want.txt" "$T/many/got$run.txt" || bad="$bad run $run: not the single runs' output in argument order;"
done
[ "$(grep -c 'error:' "$T/many/want.txt")" = 72 ] || bad="$bad the briefs do not give 72 errors;"
[ -z "$bad" ] && pass "-j 4: 12 briefs' diagnostics each whole, in argument order, as their single runs print them (3 runs)" ||
	fail "-j 4 diagnostics:${bad:0:500}"
# standard output too: --dump-layout of several briefs in workers is what one process prints
# (before, a worker's last buffer of stdout was lost)
"$MKBRIEF" -q --dump-layout korea-jan2018.yaml digest.yaml >dump1.txt
"$MKBRIEF" -q --dump-layout -j 2 korea-jan2018.yaml digest.yaml >dump2.txt
st=$?
[ $st = 0 ] && [ -s dump1.txt ] && cmp -s dump1.txt dump2.txt && pass "--dump-layout -j 2: the whole dump of each brief, in order" ||
	fail "--dump-layout -j 2: status $st; $(wc -c <dump1.txt) bytes with one process, $(wc -c <dump2.txt) with two"
"$MKBRIEF" -q korea-jan2018.yaml digest.yaml 2>err.txt && cmp -s digest.pdf single/digest.pdf && pass "all good: status 0" || fail "all good: $(cat err.txt)"
"$MKBRIEF" -o x.pdf korea-jan2018.yaml digest.yaml 2>err.txt
[ $? = 2 ] && grep -q "^mkbrief: error: -o names one output" err.txt && pass "-o with several briefs: usage error" || fail "-o: $(cat err.txt)"
mkdir other && cp digest.yaml other/ && ln -s ../articles other/articles && ln -s ../figures other/figures
"$MKBRIEF" digest.yaml other/digest.yaml 2>err.txt
[ $? = 2 ] && grep -q "two briefs would write the same file; build them one at a time with -o: digest.pdf" err.txt && pass "two briefs of one name: usage error" || fail "same name: $(cat err.txt)"
# --check writes nothing: two briefs of one name are checked, not refused
"$MKBRIEF" -q --check digest.yaml other/digest.yaml 2>err.txt && pass "--check: two briefs of one name are checked" || fail "--check same name: $(cat err.txt)"
"$MKBRIEF" -j 0 digest.yaml 2>/dev/null
[ $? = 2 ] && pass "-j 0: usage error" || fail "-j 0 accepted"

# a batch stopped (SIGTERM to mkbrief -j) stops its workers too: none goes on to write a
# PDF of its own after the run has ended, and no temporary file is left
mkdir -p "$T/stop" && ln -s "$ROOT/briefs/articles" "$T/stop/articles"
for b in big1 big2; do
	{ printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n'
	  for i in $(seq 150); do printf '  - heading: S%d\n    content:\n      - excerpt: {source: a, paragraphs: 1-6}\n' "$i"; done; } >"$T/stop/$b.yaml"
done
(cd "$T/stop" && exec "$MKBRIEF" -q -j 2 big1.yaml big2.yaml) &
p=$!
sleep 0.5
kill -TERM $p
wait $p
st=$?
sleep 4
left=$(cd "$T/stop" && ls -A | grep -v '^articles$\|\.yaml$' | tr '\n' ' ')
[ $st != 0 ] && [ -z "$left" ] && pass "a stopped batch leaves no PDF and no temporary file, even seconds later (status $st)" ||
	fail "stopped batch: status $st, left: $left"

# a worker that dies (here: killed with SIGKILL while it builds its first brief, which no
# sanitizer's handler can intercept and report as its own) loses no
# brief silently: the brief it was building and the rest of its share are reported at
# their names, the other worker's briefs come out whole, and the status is 1
cp "$T/many/b1.yaml" "$T/stop/b1.yaml"
{ printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\nsections:\n'
  for i in $(seq 900); do printf '  - heading: S%d\n    content:\n      - excerpt: {source: a, paragraphs: 1-6}\n' "$i"; done; } >"$T/stop/slow.yaml"
(cd "$T/stop" && exec "$MKBRIEF" --check -j 2 b1.yaml slow.yaml big1.yaml big2.yaml 2>"$T/crash.txt") &
p=$!
worker=""
for _ in $(seq 50); do
	worker=$(pgrep -P $p | sort -n | sed -n 2p)
	[ -n "$worker" ] && break
	sleep 0.05
done
[ -n "$worker" ] && kill -KILL "$worker"
wait $p
st=$?
want="slow.yaml: error: the process building it ended on signal 9 (Killed)
big2.yaml: error: not built: the process that was to build it had ended"
got=$(grep -v '^b1.yaml\|^articles/' "$T/crash.txt")
[ $st = 1 ] && [ "$got" = "$want" ] && [ "$(grep -c '^b1.yaml:.*error' "$T/crash.txt")" = 6 ] &&
	pass "a worker killed mid-brief: its briefs reported at their names, the others whole, status 1" ||
	fail "worker killed: status $st; $got"

# One brief's output that is a file another brief of the batch reads (a figure named like
# it) is a usage error before anything is written: written first, it replaced the figure
# before the other brief read it.
mkdir -p "$T/cross" && cd "$T/cross" || exit 1
ln -s "$ROOT/briefs/articles" articles
cp "$ROOT/tests/golden/figure-pdf/chart.pdf" one.pdf
cp one.pdf "$T/one.before"
sed -n '1,/^sections:/p' "$ROOT/briefs/korea-jan2018.yaml" >one.yaml
printf '  - heading: One\n    content:\n      - text: One page.\n' >>one.yaml
sed -n '1,/^sections:/p' "$ROOT/briefs/korea-jan2018.yaml" >two.yaml
printf '  - heading: Two\n    content:\n      - figure: {file: one.pdf, alt: A chart}\n' >>two.yaml
"$MKBRIEF" -q one.yaml two.yaml 2>"$T/err"
status=$?
if [ $status = 2 ] && grep -q "one brief's output is a file another reads.*one.pdf" "$T/err" && cmp -s one.pdf "$T/one.before"; then
	pass "a batch whose one brief would write a file another reads is refused, the file kept"
else
	fail "cross-brief output: status $status, $(head -1 "$T/err"), one.pdf $(cmp -s one.pdf "$T/one.before" && echo kept || echo changed)"
fi
# nor is a brief of the batch itself: a brief saved as one.pdf beside one.yaml would be
# written over by one.yaml's PDF, in either order, with -j 2 too (found by a hostile trial:
# exit 0, the brief gone)
bad=""
for args in "one.pdf one.yaml" "one.yaml one.pdf" "-j 2 one.yaml one.pdf"; do
	cp one.yaml one.pdf
	# shellcheck disable=SC2086
	"$MKBRIEF" -q $args 2>"$T/err"
	status=$?
	{ [ $status = 2 ] && grep -q "one brief's output is a file another reads.*one.pdf" "$T/err" && cmp -s one.pdf one.yaml; } ||
		bad="$bad; '$args': status $status, one.pdf $(cmp -s one.pdf one.yaml && echo kept || echo written over)"
done
[ -z "$bad" ] && pass "a batch that names a brief another brief's output would write over is refused, the brief kept" ||
	fail "brief as another's output:${bad#; }"

# many briefs: each output name was built and compared with every one before it (20,000
# briefs, as a shell's *.yaml may name, took a minute before the first was read); now a
# table: 20,000 briefs that are not there are each said not to be, in seconds
mkdir -p "$T/absent" && cd "$T/absent" || exit 1
start=$(date +%s%N)
timeout 20 "$MKBRIEF" $(seq -f "b%g.yaml" 1 20000) 2>err.txt
st=$?
ms=$((($(date +%s%N) - start) / 1000000))
[ $st = 1 ] && [ "$(grep -c ': error: cannot read: no such file$' err.txt)" = 20000 ] && [ $ms -lt 5000 ] &&
	pass "20,000 briefs on the command line: each read or refused, in ${ms} ms" ||
	fail "20,000 briefs: status $st in ${ms} ms, $(grep -c "no such file" err.txt) refused: $(grep -v "no such file" err.txt | head -2)"
