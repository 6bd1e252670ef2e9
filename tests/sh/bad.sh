# parts: 4
# bad.sh: runs the corpus of bad inputs in tests/bad/. Each case must fail with exactly the
# expected message and status, within 2 seconds and 200 MB, create no output file, leave no temporary
# file, and leave an existing output file byte for byte as it was. Then two processes write
# the same output path at once, many times: the result is always one whole, valid PDF.
#
# A case is a directory tests/bad/NAME/ holding its input files and a file `case`:
#   # what the case is about (comment lines are ignored)
#   args: brief.yaml -o out.pdf     mkbrief's arguments (this is the default)
#   status: 1                       the exit status (default 1)
#   from: tests/cli/X.yaml [DEST]   copy an input kept elsewhere in the repository (to DEST,
#                                   default brief.yaml) instead of duplicating it
#   setup: SHELL COMMAND            makes inputs too big to keep (run in the case's directory)
#   output: out.pdf                 the output path to watch (default out.pdf)
#   fsize: N                        run under `ulimit -f N` (N blocks of 1024 bytes)
#   env: NAME=VALUE                 set in mkbrief's environment
#   keep: no                        the output path cannot hold a previous file (no 2nd run)
#   ---
#   the exact expected standard error
# The case runs in a temporary copy of its directory, beside a link `articles` to
# briefs/articles. Set BAD_LIMIT_MS to change the 2-second limit (e.g. under valgrind) and
# BAD_LIMIT_MB the 200 MB bound on peak memory (0: not checked; under ASan it is 4 times).
# BAD_ROUNDS=fresh runs each case once, without a previous output file: valgrind looks for
# memory errors, which the second round (the same run beside an output to keep) does not add.
. "$(dirname "$0")/lib.bash"
# these cases sit beside their articles: the default rule (sources inside the brief's directory) holds
unset MKBRIEF_ROOT
LIMIT_MS=${BAD_LIMIT_MS:-2000}
# a run is stopped (status 124) at 10 s, or past the limit when that is longer: under
# valgrind (60 s) the 90,000 aliases take 8 to 10 s, and were stopped at 10 s at times
KILL_S=$((LIMIT_MS / 1000 + 5 > 10 ? LIMIT_MS / 1000 + 5 : 10))
LIMIT_MB=${BAD_LIMIT_MB:-200}
case "$MKBRIEF" in */asan/*) LIMIT_MB=$((LIMIT_MB * 4)) ;; esac
RUNSTAT="$TESTBIN/runstat" # status, time and peak memory of one run (tests/tools/runstat.c)
[ -x "$RUNSTAT" ] || { fail "runstat not built ($RUNSTAT)"; exit 0; }
PREVIOUS="previous output: must survive a failed run"

run_case() { # run_case DIR
	local src=$1 name args="brief.yaml -o out.pdf" want_status=1 setup="" output=out.pdf fsize="" keep=yes envs=()
	local from=() line
	name=$(basename "$src")
	while IFS= read -r line; do
		[ "$line" = "---" ] && break
		case "$line" in
		args:*) args="${line#args: }" ;;
		status:*) want_status="${line#status: }" ;;
		setup:*) setup="${line#setup: }" ;;
		output:*) output="${line#output: }" ;;
		fsize:*) fsize="${line#fsize: }" ;;
		keep:*) keep="${line#keep: }" ;;
		from:*) from+=("${line#from: }") ;;
		env:*) envs+=("${line#env: }") ;;
		esac
	done <"$src/case"
	local want_err
	want_err=$(sed '1,/^---$/d' "$src/case")
	local dir="$T/$name"
	mkdir -p "$dir" && cp -R "$src/." "$dir/" && rm -f "$dir/case"
	ln -s "$ROOT/briefs/articles" "$dir/articles"
	local f
	for f in "${from[@]}"; do
		set -- $f
		cp "$ROOT/$1" "$dir/${2:-brief.yaml}"
	done
	if [ -n "$setup" ] && ! (cd "$dir" && eval "$setup"); then
		fail "$name: setup failed"
		return
	fi
	local round
	for round in ${BAD_ROUNDS:-fresh existing}; do
		if [ $round = existing ]; then
			[ "$keep" = no ] && break
			printf '%s\n' "$PREVIOUS" >"$dir/$output" || { fail "$name: cannot create $output"; return; }
		fi
		local got_err got_status ms rss stat="$T/$name.$round.stat"
		got_err=$(cd "$dir" && {
			[ -n "$fsize" ] && ulimit -f "$fsize"
			eval "\"\$RUNSTAT\" -o \"\$stat\" -t $KILL_S env \"\${envs[@]}\" \"\$MKBRIEF\" $args"
		} 2>&1 >/dev/null)
		read -r got_status ms rss <"$stat"
		local problems=()
		[ "$got_status" = "$want_status" ] || problems+=("status $got_status (want $want_status)")
		[ "$got_err" = "$want_err" ] || problems+=("stderr differs")
		[ "$ms" -lt "$LIMIT_MS" ] || problems+=("took $ms ms")
		[ "$LIMIT_MB" = 0 ] || [ "$rss" -le $((LIMIT_MB * 1024)) ] || problems+=("peak memory $((rss / 1024)) MB")
		if [ $round = fresh ]; then
			[ -e "$dir/$output" ] && [ ! -d "$dir/$output" ] && problems+=("created $output")
		else
			[ "$(cat "$dir/$output" 2>/dev/null)" = "$PREVIOUS" ] || problems+=("changed the existing $output")
		fi
		# output.c's temporary files are .NAME.XXXXXX beside the target
		local odir
		odir=$(dirname "$dir/$output")
		if [ -d "$odir" ] && ls -A "$odir" | grep -q "^\.$(basename "$output")\."; then
			problems+=("left a temporary file")
		fi
		if [ ${#problems[@]} = 0 ]; then
			pass "$name ($round output)"
		else
			fail "$name ($round output): $(IFS=';'; echo "${problems[*]}")"
			diff <(echo "$want_err") <(echo "$got_err") | sed 's/^/    /' | head -20
		fi
	done
	rm -rf "$dir"
}

# tests/run runs this file in parts (TEST_PART=K/N, the first line): part K runs every Nth case
# from the Kth, and part 0 the concurrency check below
part=${TEST_PART:-0/1}
part_k=${part%/*} part_n=${part#*/}
i=0
for c in "$ROOT"/tests/bad/*/; do
	[ $((i % part_n)) = "$part_k" ] && run_case "${c%/}"
	i=$((i + 1))
done
[ "$part_k" = 0 ] || exit 0

# Concurrency: two runs writing the same file at the same moment. Each writes a temporary
# file and renames it, so whichever finishes last wins and the file is never a mixture.
cdir="$T/concurrent"
mkdir -p "$cdir" && ln -s "$ROOT/briefs/articles" "$cdir/articles"
cat >"$cdir/brief.yaml" <<'YAML'
title: Two writers
date: 2018-01-22
sources:
  edm-2017: {file: articles/edm-2017-v14i42-another-russian-failure.txt}
sections:
  - heading: Both at once
    content:
      - excerpt: {source: edm-2017, paragraphs: 1-3}
YAML
bad=0
for i in $(seq 1 10); do
	(cd "$cdir" && "$MKBRIEF" brief.yaml -o out.pdf) &
	(cd "$cdir" && "$MKBRIEF" brief.yaml -o out.pdf) &
	wait
	if ! qpdf --check "$cdir/out.pdf" >/dev/null 2>&1; then
		bad=$((bad + 1))
		echo "concurrent run $i: out.pdf fails qpdf --check"
	fi
	if ls -A "$cdir" | grep -q '^\.out\.pdf\.'; then
		bad=$((bad + 1))
		echo "concurrent run $i: a temporary file was left"
	fi
done
[ $bad = 0 ] && pass "10 times two writers of one file: always a valid PDF" || fail "two writers: $bad problems"
