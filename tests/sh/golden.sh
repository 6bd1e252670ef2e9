#!/usr/bin/env bash
# golden.sh: golden-PDF regression tests: every fixture in tests/golden/ is built and
# compared with its golden.pdf and layout.txt (bytes, then layout, pages, text and fonts,
# then pixels through `mkbrief diff`); failures leave images in build/.../golden-out/.
#
#   golden.sh [--strict]            check every fixture (what `make check` runs)
#   golden.sh --bless NAME...       regenerate these goldens (`make golden NAME=...`)
#   golden.sh --bless-all           regenerate every golden and ENV (`make golden ALL=1`)
#
# Environment: MKBRIEF (binary), GOLDEN_DIR (fixtures, default tests/golden), GOLDEN_OUT
# (default: golden-out beside the binary, so that parallel builds do not share it),
# GOLDEN_STRICT=1 (same as --strict: drifted bytes fail; `make check WERROR=1` sets it).
set -u
ROOT="${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
cd "$ROOT" || exit 2
MKBRIEF="${MKBRIEF:-build/mkbrief}"
case "$MKBRIEF" in /*) ;; *) MKBRIEF="$ROOT/$MKBRIEF" ;; esac
GOLDEN_DIR="${GOLDEN_DIR:-tests/golden}"
case "$GOLDEN_DIR" in /*) ;; *) GOLDEN_DIR="$ROOT/$GOLDEN_DIR" ;; esac
GOLDEN_OUT="${GOLDEN_OUT:-$(dirname "$MKBRIEF")/golden-out}"
case "$GOLDEN_OUT" in /*) ;; *) GOLDEN_OUT="$ROOT/$GOLDEN_OUT" ;; esac
STRICT="${GOLDEN_STRICT:-0}"
# The PDF's dates come from SOURCE_DATE_EPOCH when set; goldens use the brief's date.
unset SOURCE_DATE_EPOCH

mode=check
names=()
while [ $# -gt 0 ]; do
	case "$1" in
	--strict) STRICT=1 ;;
	--bless) mode=bless ;;
	--bless-all) mode=bless-all ;;
	-*) echo "golden.sh: unknown option $1" >&2; exit 2 ;;
	*) names+=("$1") ;;
	esac
	shift
done

# What the goldens depend on besides mkbrief itself: the libraries that shape, rasterise
# and embed, the hyphenation patterns and the bundled fonts.
env_text() {
	echo "# Made by 'make golden ALL=1': the libraries and fonts the goldens were made with."
	for p in cairo pango harfbuzz freetype2 fontconfig poppler-glib librsvg-2.0 libjpeg; do
		echo "$p $(pkg-config --modversion "$p" 2>/dev/null || echo unknown)"
	done
	local dic=/usr/share/hyphen/hyph_en_US.dic
	[ -f "$dic" ] && echo "hyphen $(sha256sum <"$dic" | cut -c1-64) $(basename "$dic")"
	(cd "$ROOT/fonts" && for f in *.ttf; do echo "font $(sha256sum <"$f" | cut -c1-64) $f"; done)
}

# A fixture is a directory with brief.yaml, or with a file 'brief' naming a brief under
# the repository root; 'args' adds mkbrief options, 'tolerance' sets pixel_tol=N and
# channel_tol=N for the pixel comparison.
is_fixture() { [ -f "$GOLDEN_DIR/$1/brief.yaml" ] || [ -f "$GOLDEN_DIR/$1/brief" ]; }

load_fixture() { # sets BRIEF, ARGS, PIXEL_TOL, CHANNEL_TOL
	local d="$GOLDEN_DIR/$1" line
	if [ -f "$d/brief.yaml" ]; then BRIEF="$d/brief.yaml"; else BRIEF=$(head -1 "$d/brief"); fi
	ARGS=()
	[ -f "$d/args" ] && read -r -a ARGS <"$d/args"
	PIXEL_TOL=0
	CHANNEL_TOL=1
	if [ -f "$d/tolerance" ]; then
		while IFS= read -r line; do
			case "$line" in
			pixel_tol=*) PIXEL_TOL=${line#pixel_tol=} ;;
			channel_tol=*) CHANNEL_TOL=${line#channel_tol=} ;;
			esac
		done <"$d/tolerance"
	fi
}

# build NAME PDF LAYOUT: the fixture's PDF and --dump-layout; 1 with the error in $out/mkbrief.err
build() {
	local name=$1 pdf=$2 layout=$3 err=$4
	load_fixture "$name"
	"$MKBRIEF" -q "${ARGS[@]}" -o "$pdf" "$BRIEF" 2>"$err" &&
		"$MKBRIEF" -q "${ARGS[@]}" --dump-layout "$BRIEF" >"$layout" 2>>"$err"
}

# Lines added or removed in a unified diff (the --- and +++ headers are not changes).
count_changes() { awk '/^(---|\+\+\+) / { next } /^[-+]/ { n++ } END { print n + 0 }' "$1"; }

fixtures() { # every fixture directory name, sorted
	local d
	for d in "$GOLDEN_DIR"/*/; do
		d=${d%/}
		is_fixture "$(basename "$d")" && basename "$d"
	done
}

orphans() { # golden directories whose fixture was removed
	local d
	for d in "$GOLDEN_DIR"/*/; do
		d=${d%/}
		[ -e "$d/golden.pdf" ] || [ -e "$d/layout.txt" ] || continue
		is_fixture "$(basename "$d")" || basename "$d"
	done
}

html_escape() { sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g'; }

if [ "$mode" != check ]; then
	if [ "$mode" = bless-all ]; then
		mapfile -t names < <(fixtures)
	elif [ ${#names[@]} = 0 ]; then
		echo "golden.sh: name the fixtures to bless: make golden NAME=x (or ALL=1)" >&2
		exit 2
	fi
	status=0
	for name in "${names[@]}"; do
		name=${name%/}
		d="$GOLDEN_DIR/$name"
		if ! is_fixture "$name"; then
			echo "$name: no such fixture ($d/brief.yaml or $d/brief)" >&2
			status=1
			continue
		fi
		out="$GOLDEN_OUT/$name"
		rm -rf "$out"
		mkdir -p "$out"
		# Written beside the goldens and renamed: an interrupted bless leaves the old ones.
		if ! build "$name" "$d/.golden.pdf.new" "$d/.layout.txt.new" "$out/mkbrief.err"; then
			echo "$name: mkbrief failed: $(head -1 "$out/mkbrief.err")" >&2
			rm -f "$d/.golden.pdf.new" "$d/.layout.txt.new"
			status=1
			continue
		fi
		pages=$(awk '/^document/ { sub("pages=", "", $2); print $2; exit }' "$d/.layout.txt.new")
		if [ ! -f "$d/golden.pdf" ]; then
			echo "$name: new golden, $pages pages"
		elif cmp -s "$d/golden.pdf" "$d/.golden.pdf.new" && cmp -s "$d/layout.txt" "$d/.layout.txt.new"; then
			echo "$name: unchanged"
		else
			load_fixture "$name"
			"$MKBRIEF" diff --label "$name" --out "$out" --pixel-tol "$PIXEL_TOL" --channel-tol "$CHANNEL_TOL" \
				"$d/golden.pdf" "$d/.golden.pdf.new"
			st=$?
			diff -u --label golden/layout.txt --label new/layout.txt "$d/layout.txt" "$d/.layout.txt.new" \
				>"$out/layout.diff" 2>/dev/null
			n=$(count_changes "$out/layout.diff")
			if [ $st = 0 ]; then
				echo "$name: bytes drifted, pages look the same; layout.diff: $n lines"
			else
				echo "$name: re-blessed ($pages pages); layout.diff: $n lines; images in $out"
			fi
		fi
		mv -f "$d/.golden.pdf.new" "$d/golden.pdf" && mv -f "$d/.layout.txt.new" "$d/layout.txt" || status=1
	done
	if [ "$mode" = bless-all ]; then
		env_text >"$GOLDEN_DIR/.ENV.new" && mv -f "$GOLDEN_DIR/.ENV.new" "$GOLDEN_DIR/ENV"
		for o in $(orphans); do
			echo "$o: golden without a fixture: remove $GOLDEN_DIR/$o" >&2
			status=1
		done
	fi
	exit $status
fi

# ---- check ----
mkdir -p "$GOLDEN_OUT"
rm -f "$GOLDEN_OUT/index.html"
failed=0
html="$GOLDEN_OUT/.index.html.new"
{
	echo "<!doctype html><meta charset=utf-8><title>mkbrief golden tests</title>"
	echo "<style>body{font:14px sans-serif;margin:2em}img{width:45%;border:1px solid #999;margin:4px}"
	echo ".fail{color:#b00}.pass{color:#070}pre{background:#f4f4f4;padding:6px;overflow:auto;max-height:20em}</style>"
	echo "<h1>mkbrief golden tests</h1>"
} >"$html"

report() { # PASS/FAIL line on stdout, and the same into index.html
	local kind=$1 msg=$2 cls
	echo "$kind golden/$msg"
	[ "$kind" = FAIL ] && { failed=$((failed + 1)); cls=fail; } || cls=pass
	printf '<p class=%s>%s %s</p>\n' "$cls" "$kind" "$(html_escape <<<"$msg")" >>"$html"
}

if [ -f "$GOLDEN_DIR/ENV" ]; then
	if cmp -s <(env_text) "$GOLDEN_DIR/ENV"; then
		report PASS "env: libraries and fonts as recorded in ENV"
	else
		changes=$(diff <(grep -v '^#' "$GOLDEN_DIR/ENV") <(env_text | grep -v '^#') |
			awk '/^</ { sub("^< ", ""); old[$1 ($1 == "font" ? " " $3 : "")] = $2 }
			     /^>/ { sub("^> ", ""); new[$1 ($1 == "font" ? " " $3 : "")] = $2 }
			     END { for (k in old) printf "%s%s %s → %s", (n++ ? ", " : ""), k, substr(old[k], 1, 12), (k in new ? substr(new[k], 1, 12) : "missing")
			           for (k in new) if (!(k in old)) printf "%s%s new", (n++ ? ", " : ""), k }')
		# Not a failure by itself: the comparison decides. It explains a failure that follows.
		report PASS "env: this machine differs from the goldens' ENV: $changes"
		echo "golden: warning: this machine differs from $GOLDEN_DIR/ENV: $changes" >&2
	fi
else
	report FAIL "env: no $GOLDEN_DIR/ENV: run make golden ALL=1"
fi

for o in $(orphans); do
	report FAIL "$o: golden without a fixture: remove $GOLDEN_DIR/$o or restore its brief"
done

for name in $(fixtures); do
	[ ${#names[@]} -gt 0 ] && [[ " ${names[*]} " != *" $name "* ]] && continue
	d="$GOLDEN_DIR/$name"
	out="$GOLDEN_OUT/$name"
	rm -rf "$out"
	mkdir -p "$out"
	if ! build "$name" "$out/new.pdf" "$out/layout.txt" "$out/mkbrief.err"; then
		report FAIL "$name: mkbrief failed: $(head -1 "$out/mkbrief.err")"
		continue
	fi
	if [ ! -f "$d/golden.pdf" ] || [ ! -f "$d/layout.txt" ]; then
		report FAIL "$name: no golden: run make golden NAME=$name"
		continue
	fi
	# Tier 1: the same bytes.
	if cmp -s "$d/golden.pdf" "$out/new.pdf" && cmp -s "$d/layout.txt" "$out/layout.txt"; then
		report PASS "$name"
		rm -rf "$out"
		continue
	fi
	# Tier 2 and 3: the layout dump here, pages, text, fonts and pixels in mkbrief diff.
	diff -u --label golden/layout.txt --label new/layout.txt "$d/layout.txt" "$out/layout.txt" >"$out/layout.diff"
	nl=$(count_changes "$out/layout.diff")
	ltail=""
	[ "$nl" -gt 0 ] && ltail="; layout.diff: $nl lines"
	"$MKBRIEF" diff --label "$name" --fonts "$ROOT/fonts" --out "$out" --pixel-tol "$PIXEL_TOL" \
		--channel-tol "$CHANNEL_TOL" "$d/golden.pdf" "$out/new.pdf" >"$out/report.txt" 2>"$out/diff.err"
	st=$?
	if [ $st = 2 ]; then
		report FAIL "$name: mkbrief diff failed: $(head -1 "$out/diff.err")"
	elif [ $st = 1 ]; then
		while IFS= read -r line; do report FAIL "$line$ltail"; done <"$out/report.txt"
	elif [ "$nl" -gt 0 ]; then
		report FAIL "$name: layout.diff: $nl lines (the pages look the same)"
	elif [ "$STRICT" = 1 ]; then
		report FAIL "$name: bytes drifted (layout, pages, text, fonts and pixels match; --strict)"
	else
		report PASS "$name (warning: bytes drifted; layout, pages, text, fonts and pixels match)"
		echo "golden: warning: $name: bytes drifted" >&2
	fi
	# The page images, for index.html.
	{
		echo "<p><a href=\"$name/new.pdf\">new.pdf</a>"
		[ "$nl" -gt 0 ] && echo " · <a href=\"$name/layout.diff\">layout.diff</a> ($nl lines)"
		echo "</p>"
		for img in "$out"/p*-sbs.png; do
			[ -e "$img" ] || continue
			p=$(basename "$img" -sbs.png)
			echo "<h3>$name $p</h3>"
			[ -e "$out/$p-diff.png" ] && echo "<img src=\"$name/$p-diff.png\" alt=\"$p diff\">"
			echo "<img src=\"$name/$p-sbs.png\" alt=\"$p golden and new\">"
		done
		[ "$nl" -gt 0 ] && { echo "<pre>"; head -60 "$out/layout.diff" | html_escape; echo "</pre>"; }
	} >>"$html"
done
mv -f "$html" "$GOLDEN_OUT/index.html"
[ $failed -gt 0 ] && echo "golden: $failed failures; see $GOLDEN_OUT/index.html" >&2
[ $failed = 0 ]
