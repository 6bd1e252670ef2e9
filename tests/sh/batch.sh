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
