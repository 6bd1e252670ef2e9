# big.sh: large generated briefs (tests/big/gen), within the documented limits, in every
# shipped layout: each must build (exit 0, no warnings), give a PDF that qpdf --check
# accepts, with a plausible page count and all its words in the PDF's text (a paragraph of
# 70,000 words too), within a time and a memory bound. Bounds: 30 s and 230 MB a brief (the
# largest, 565 pages, took about 2 s and 150 MB on two cores before the PDF was tagged,
# 3 to 3.6 s and 189 to 205 MB since, measured on a loaded machine; time grows with the
# pages); with
# an ASan binary (make check-asan) 90 s and 1500 MB: ASan is ~3x slower, and its shadow
# memory, redzones and quarantine make the peak RSS ~6x (the 565-page brief: 1.3 s and
# 140 MB; under ASan 4.1 s and 815 MB). BIG_MAX_S and BIG_MAX_MB override them.
# Time and peak RSS come from tests/tools/runstat (built by make check into TESTBIN), else
# GNU time (/usr/bin/time -f '%e %M') when it is installed; otherwise from bash's `time`, with `ulimit -v` at four times the memory bound as a guard
# only (virtual size is not RSS; not under ASan, which maps terabytes). BIG_TIMER=bash
# uses that even when GNU time is there.
. "$(dirname "$0")/lib.bash"
GEN="$ROOT/tests/big/gen"
# the briefs sit beside their articles: the default rule (sources inside the brief's directory) holds
unset MKBRIEF_ROOT

asan=0
case "$MKBRIEF" in *asan*) asan=1 ;; esac
ldd "$MKBRIEF" 2>/dev/null | grep -q 'libasan' && asan=1
# 5 s and 230 MB since the PDF is tagged: cairo's tags and the finishing pass (qpdf,
# render/pdffinish.c, holding the file's objects and 10,000 structure elements on top of
# the laid-out document) add about 1.1 s of CPU and 47 MB to 417 pages of full excerpts
# (2.8 s and 155 MB before); the machine these were measured on, loaded, took 4.2 s.
# The time bound is a guard against runaway work (work that grows with the square of the
# pages takes minutes here), not a speed target: those belong in bench/, and a bound of 5 s
# failed at 5.02 s on a machine loaded by other work, with no change in mkbrief's speed.
if [ "$asan" = 1 ]; then max_s=90 max_mb=1500; else max_s=30 max_mb=230; fi
max_s=${BIG_MAX_S:-$max_s}
max_mb=${BIG_MAX_MB:-$max_mb}
if [ "${BIG_TIMER:-}" != bash ] && [ -x "$TESTBIN/runstat" ]; then
	how="runstat"
elif [ "${BIG_TIMER:-}" != bash ] && /usr/bin/time --version 2>&1 | grep -q GNU; then
	how="GNU time"
else
	how="bash time"
fi

# run OUT ARGS...: runs mkbrief ARGS, stderr to OUT.err, "seconds peak-KiB" to OUT.tm
# (peak "-" without GNU time); returns mkbrief's status
run() {
	local out=$1
	shift
	if [ "$how" = "runstat" ]; then
		"$TESTBIN/runstat" -o "$out.rs" -t 120 "$MKBRIEF" "$@" 2>"$out.err"
		local st ms kib
		read -r st ms kib <"$out.rs"
		echo "$((ms / 1000)).$(printf '%03d' $((ms % 1000))) $kib" >"$out.tm"
		return "$st"
	fi
	if [ "$how" = "GNU time" ]; then
		/usr/bin/time -f '%e %M' -o "$out.tm" "$MKBRIEF" "$@" 2>"$out.err"
		local st=$?
		# a killed process leaves "Command terminated by signal N" before the figures
		tail -n 1 "$out.tm" >"$out.tm1" && mv "$out.tm1" "$out.tm"
		return $st
	fi
	local TIMEFORMAT='%R -' st
	# (time on a subshell with its own redirection would report into that file: a group)
	{
		time {
			(
				[ "$asan" = 0 ] && ulimit -v $((max_mb * 4 * 1024))
				exec "$MKBRIEF" "$@"
			) 2>"$out.err"
		}
	} 2>"$out.tm"
	st=$?
	tail -n 1 "$out.tm" >"$out.tm1" && mv "$out.tm1" "$out.tm"
	return $st
}

# errors FILE: the first error of a run, and with a sanitizer's report the frame it stopped in
errors() {
	local e f
	e=$(grep -m 1 -E 'error:|ERROR:|runtime error' "$1" | sed -e 's/^==[0-9]*==//' -e 's/ on address .*//')
	f=$(grep -m 1 -E '^ +#0 ' "$1" | sed 's/.* in //')
	echo "${e:-$(grep -v '^ *$' "$1" | head -2 | tr '\n' ' ')}${f:+ in $f}"
}

total_start=$SECONDS
# the briefs sit beside a link to the articles: a brief may read only files in its directory
ln -s "$ROOT/briefs/articles" "$T/articles"
# name | generator options | layouts
cases=(
	"s120|--seed 11 --sections 120|handout handout-a4 digest"
	"long-headings|--seed 12 --sections 60 --long-headings 1|handout handout-a4 digest"
	"full-excerpts|--seed 13 --sections 120 --full-excerpts|handout handout-a4 digest"
	"s250|--seed 14 --sections 250 --long-headings 0.5|handout-a4"
	"giant|--seed 15 --sections 8 --giant-words 70000|handout handout-a4 digest"
)
for c in "${cases[@]}"; do
	IFS='|' read -r name opts layouts <<<"$c"
	brief="$T/$name.yaml"
	# shellcheck disable=SC2086
	if ! "$GEN" $opts --articles "$T/articles" "$brief" 2>"$T/gen.err"; then
		fail "$name: tests/big/gen $opts failed: $(head -3 "$T/gen.err" | tr '\n' ' ')"
		continue
	fi
	words=$(sed -n 's/^# printed-words: //p' "$brief")
	markers=$(sed -n 's/^# giant-markers: //p' "$brief")
	for layout in $layouts; do
		id="$name/$layout"
		pdf="$T/$name-$layout.pdf"
		run "$T/run" --layout "$layout" -o "$pdf" "$brief"
		st=$?
		read -r secs kib <"$T/run.tm"
		why=()
		if [ "$st" != 0 ]; then
			[ "$st" -gt 128 ] && what="killed by signal $((st - 128))" || what="exit status $st"
			why+=("$what: $(errors "$T/run.err")")
		else
			# the generator's cuts fall anywhere: one that leaves out a negating word is
			# warned of (the quote may say the opposite), as it should be; no other warning
			grep -v -e ": warning: .* leaves out '.*' at elision [0-9]* " -e ": note: quote the words with '.*' in them, or cut where" \
				"$T/run.err" >"$T/run.other" || true
			if [ -s "$T/run.other" ]; then why+=("warnings: $(head -2 "$T/run.other" | tr '\n' ' ')"); fi
		fi
		pages=0
		if [ "$st" = 0 ]; then
			if ! qpdf --check "$pdf" >"$T/qpdf.out" 2>&1; then
				why+=("qpdf --check: $(grep -iv '^checking\|^PDF Version\|^File is not\|^No syntax' "$T/qpdf.out" | head -2 | tr '\n' ' ')")
			fi
			pages=$(qpdf --show-npages "$pdf" 2>/dev/null || echo 0)
			# these briefs print 320-480 words a page in handout, 490-680 in digest
			# (two columns of 10 pt): allow about half and twice that
			lo=$((words / 900 + 1))
			hi=$((words / 150 + 3))
			if [ "$pages" -lt "$lo" ] || [ "$pages" -gt "$hi" ]; then
				why+=("$pages pages, not within $lo-$hi for $words words")
			fi
			got=$(pdftotext "$pdf" - 2>/dev/null | wc -w)
			if [ "$got" -lt "$words" ]; then
				why+=("the PDF's text has $got words, fewer than the $words printed")
			fi
			if [ "${markers:-0}" -gt 0 ] &&
				! pdftotext "$pdf" - 2>/dev/null | grep -o 'w[0-9]\{5\}' | cmp -s - <(seq -f 'w%05g' 1 "$markers"); then
				n=$(pdftotext "$pdf" - 2>/dev/null | grep -o 'w[0-9]\{5\}' | sort -u | wc -l)
				why+=("long paragraph: $n of its $markers markers in the text, or out of order")
			fi
		fi
		if awk -v s="$secs" -v m="$max_s" 'BEGIN { exit !(s + 0 > m + 0) }'; then
			why+=("took $secs s (bound $max_s s)")
		fi
		if [ "$kib" != "-" ] && [ -n "$kib" ] && [ "$kib" -gt $((max_mb * 1024)) ]; then
			why+=("peak RSS $((kib / 1024)) MB (bound $max_mb MB)")
		fi
		if [ "$kib" != "-" ] && [ -n "$kib" ]; then
			mem="$((kib / 1024)) MB"
		elif [ "$asan" = 0 ]; then
			mem="memory not measured, under ulimit -v $((max_mb * 4)) MB"
		else
			mem="memory not measured"
		fi
		if [ ${#why[@]} = 0 ]; then
			pass "$id: $pages pages in $secs s, $mem ($how)"
		else
			fail "$id (tests/big/gen $opts; mkbrief --layout $layout): $(IFS=';'; echo "${why[*]}")"
		fi
		rm -f "$pdf"
	done
done
echo "big.sh: $((SECONDS - total_start)) s in all, bounds $max_s s and $max_mb MB ($how)"
