# fuzz-regress.sh: replays every crash the fuzzers ever found (tests/fuzz/regress/TARGET/)
# and the seed inputs (briefs, layouts, articles, the bad-input corpus; for e2e, the valid
# briefs, typeset to a PDF in memory; for image, the figures of the goldens, the bad-input
# corpus and tests/fuzz/corpus/image) through the fuzz targets' own checks, built without
# libFuzzer (build/tests/replay_TARGET). Under make check-asan the same replays run with
# ASan and UBSan.
. "$(dirname "$0")/lib.bash"
seeds() { # seeds TARGET: the seed files for a target
	case $1 in
	brief) ls "$ROOT"/briefs/*.yaml "$ROOT"/tests/cli/*.yaml "$ROOT"/tests/bad/*/brief.yaml 2>/dev/null ;;
	layout) ls "$ROOT"/layouts/*.yaml "$ROOT"/tests/bad/*/layout.yaml 2>/dev/null ;;
	article | match) ls "$ROOT"/briefs/articles/*.txt ;;
	e2e) ls "$ROOT"/briefs/*.yaml "$ROOT"/tests/cli/*.yaml "$ROOT"/tests/golden/*/brief.yaml "$ROOT"/tests/fuzz/corpus/e2e/* 2>/dev/null ;;
	image) ls "$ROOT"/briefs/figures/*.svg "$ROOT"/tests/golden/*/*.png "$ROOT"/tests/golden/*/*.jpg "$ROOT"/tests/golden/*/*.svg \
		"$ROOT"/tests/bad/figure-*/figures/* \
		"$ROOT"/tests/fuzz/corpus/image/* 2>/dev/null ;;
	esac
}
for t in brief article match layout e2e image; do
	bin="$TESTBIN/replay_$t"
	if [ ! -x "$bin" ]; then
		fail "$t: $bin not built"
		continue
	fi
	inputs=("$ROOT/tests/fuzz/regress/$t")
	mapfile -t -O 1 inputs < <(seeds $t)
	if out=$(cd "$T" && "$bin" "${inputs[@]}" 2>&1); then
		pass "$t: $(echo "$out" | tail -n 1)"
	else
		fail "$t"
		echo "$out" | tail -n 20
	fi
done
