# fonts.sh: the bundled fonts are the ones listed, and mkbrief reads nothing else: no
# system fonts, no system or user fontconfig files, even with a hostile HOME.
. "$(dirname "$0")/lib.bash"
cd "$ROOT"
check "fonts/SHA256SUMS match" sh -c 'cd fonts && sha256sum --quiet -c SHA256SUMS'
listed=$(awk '{print $2}' fonts/SHA256SUMS | sort | tr '\n' ' ')
present=$(cd fonts && ls *.ttf *.otf 2>/dev/null | sort | tr '\n' ' ')
[ "$listed" = "$present" ] && pass "every font file is listed in SHA256SUMS" || fail "fonts/ and SHA256SUMS differ: '$present' vs '$listed'"
check "fonts/OFL.txt is the SIL Open Font License" grep -q "SIL OPEN FONT LICENSE Version 1.1" fonts/OFL.txt
size=$(du -cb fonts/*.ttf | tail -1 | cut -f1)
[ "$size" -lt 10000000 ] && pass "fonts under 10 MB ($size bytes)" || fail "fonts are $size bytes"

PROBE="$TESTBIN/test_fonts"
case "$PROBE" in /*) ;; *) PROBE="$ROOT/$PROBE" ;; esac
if [ ! -x "$PROBE" ]; then
	fail "no $PROBE"
	exit 0
fi
# A user configuration that would break everything if it were read.
mkdir -p "$T/home/.config/fontconfig"
printf '<fontconfig><dir>/usr/share/fonts</dir><bogus/>' >"$T/home/.config/fontconfig/fonts.conf"
got=$(HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_CACHE_HOME="$T/home/.cache" \
	FONTCONFIG_FILE="$T/home/.config/fontconfig/fonts.conf" "$PROBE" --probe 2>"$T/err")
[ "$got" = "NotoSerif-Regular.ttf" ] && pass "hostile fontconfig: Noto Serif from fonts/" || fail "hostile fontconfig: got '$got'"
[ ! -s "$T/err" ] && pass "hostile fontconfig: nothing on stderr" || fail "hostile fontconfig: stderr: $(head -2 "$T/err")"
[ ! -e "$T/home/.cache" ] && pass "hostile fontconfig: no cache written" || fail "hostile fontconfig: $T/home/.cache written"

if command -v strace >/dev/null; then
	strace -f -qq -e trace=open,openat,stat,newfstatat,access,readlink,getdents64 -o "$T/trace" \
		env HOME="$T/home" "$PROBE" --probe >/dev/null 2>&1
	# the only font-related paths a run may touch are fonts/ and what is inside it
	bad=$(grep -E '/etc/fonts|/usr/share/fonts|/usr/local/share/fonts|/var/cache/fontconfig|/\.config/fontconfig|/\.cache/fontconfig|/\.fonts' "$T/trace" | head -3)
	[ -z "$bad" ] && pass "strace: no system font or fontconfig file opened" || fail "strace: $bad"
	grep -q '"fonts/NotoSerif-Regular.ttf"' "$T/trace" && pass "strace: fonts/ read" || fail "strace: fonts/ not read"
else
	pass "strace not installed; system font check skipped"
fi

# Arrows and mathematical signs, which Noto Serif and Sans lack, come from Noto Sans Math:
# a source that prints them can be excerpted, and an analyst can type them (they were
# errors: "a character not in the bundled fonts").
mkdir -p "$T/math"
printf 'Dose report\n\nThe dose fell \342\210\2220.8%% to \342\211\244 0.30 \302\265Sv/h, \342\211\210 40 \342\206\222 30 and x \342\211\240 y.\n\nMore.\n' >"$T/math/a.txt"
cat >"$T/math/b.yaml" <<'YAML'
title: "Doses \u2264 limits"
date: 2024-01-01
sources:
  a: {file: a.txt}
sections:
  - heading: Doses
    content:
      - excerpt: {source: a, paragraphs: 1}
      - text: "The analyst reads \u22120.8 and \u2265 3."
YAML
if "$MKBRIEF" -q -o "$T/math/b.pdf" "$T/math/b.yaml" 2>"$T/err"; then
	txt=$(pdftotext "$T/math/b.pdf" - | tr '\n' ' ')
	case "$txt" in *"fell −0.8% to ≤ 0.30 µSv/h, ≈ 40 → 30 and x ≠ y."*"reads −0.8 and ≥ 3."*)
		pass "arrows and mathematical signs print (Noto Sans Math)" ;;
	*) fail "mathematical signs: $txt" ;;
	esac
	pdffonts "$T/math/b.pdf" | grep -q NotoSansMath && pass "they are set in Noto Sans Math" || fail "no Noto Sans Math in the PDF"
else
	fail "mathematical signs: $(head -1 "$T/err")"
fi

# A paragraph in a right-to-left script, with a font that has it (--fonts), is set right to
# left within its lines but in the brief's direction: it starts at the left edge beside its
# bullet, as the English one does. Pango took the direction from its first strong letter and
# set a Hebrew bullet's text flush right, away from its bullet.
HEB=/usr/share/fonts/truetype/noto/NotoSerifHebrew-Regular.ttf
if [ -r "$HEB" ]; then
	mkdir -p "$T/rtl/fonts"
	cp "$HEB" "$T/rtl/fonts/"
	cp "$ROOT/tests/articles/amounts.txt" "$T/rtl/"
	cat >"$T/rtl/b.yaml" <<'YAML'
title: Directions
date: 2026-01-01
sources:
  a: {file: amounts.txt}
summary:
  - text: Englishfirst bullet.
  - text: טוב עולם
sections:
  - heading: Text
    content:
      - bullets: [Englishsecond item, טוב עולם]
YAML
	if "$MKBRIEF" -q --fonts "$T/rtl/fonts" -o "$T/rtl/b.pdf" "$T/rtl/b.yaml" 2>"$T/err"; then
		# the left edge of each bullet's text: the English word's, then the Hebrew line's, whose
		# leftmost glyph is the last letter of its last word (final mem)
		edges=$(pdftotext -bbox "$T/rtl/b.pdf" - | awk -F'"' '
			/>Englishfirst</ { e1 = $2 } />Englishsecond</ { e2 = $2 } />ם</ { h[n++] = $2 }
			END { printf "%s %s", e1, e2; for (i = 0; i < n; i++) printf " %s", h[i] }')
		set -- $edges
		if [ $# = 4 ] && awk -v a="$1" -v b="$3" -v c="$2" -v d="$4" 'BEGIN { exit !(a - b < 1 && b - a < 1 && c - d < 1 && d - c < 1) }'; then
			pass "a Hebrew bullet starts at the bullet's text edge, as an English one"
		else
			fail "Hebrew bullets' left edges against the English ones' (english1 english2 hebrew...): $edges"
		fi
	else
		fail "a Hebrew bullet with --fonts: $(head -1 "$T/err")"
	fi
else
	fail "no $HEB (fonts-noto-core, scripts/install-deps)"
fi

# a minus sign in bold is bold: Noto Sans Math alone has it, with no bold face, and it was a
# hairline in a bold heading beside bold digits (a trial); a face with no bold is emboldened
# where bold is asked for, as fontconfig's own configuration does
mkdir -p "$T/minus" && ln -s "$ROOT/briefs/articles" "$T/minus/articles"
cat >"$T/minus/b.yaml" <<'YAML'
title: Minus
date: 2018-01-22
sources:
  a: {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}
sections:
  - heading: Signs
    content:
      - text: "Plain \u2212 and bold **\u2212** signs."
YAML
if "$MKBRIEF" -q -o "$T/minus/b.pdf" "$T/minus/b.yaml" 2>"$T/err"; then
	pdftoppm -r 600 -gray -f 1 -l 1 "$T/minus/b.pdf" "$T/minus/p"
	# the ink of each minus, in its box from poppler (points at 600 dpi), as dark pixels
	ink=$(pdftotext -bbox "$T/minus/b.pdf" - | grep '>−<' | sed 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)".*/\1 \2 \3 \4/' |
		python3 -c '
import sys
f = open(sys.argv[1], "rb").read()
parts = f.split(b"\n", 3)
w, h = map(int, parts[1].split()); px = parts[3]
for line in sys.stdin:
    x0, y0, x1, y1 = (float(v) * 600 / 72 for v in line.split())
    print(sum(1 for y in range(int(y0), int(y1)) for x in range(int(x0), int(x1)) if px[y * w + x] < 128))' "$(ls "$T"/minus/p*.pgm | head -1)" | tr '\n' ' ')
	set -- $ink
	if [ $# = 2 ] && [ "$2" -gt $(($1 * 13 / 10)) ]; then
		pass "a bold minus sign has more ink than a regular one ($1 and $2 pixels)"
	else
		fail "bold minus: ink '$ink'"
	fi
else
	fail "minus brief: $(head -1 "$T/err")"
fi
