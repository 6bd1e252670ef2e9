# hyphcache.sh: the compiled hyphenation patterns kept under $XDG_CACHE_HOME/mkbrief
# (src/typeset/hyph_cache.c): written by the first run, used by the next, built again from
# the text patterns and replaced when stale, truncated or garbled, ignored when the directory
# cannot be written; the PDF is byte for byte the same in every case, in every layout.
# MKBRIEF_STATS=1 says where a run's patterns came from ("patterns cache" or "patterns text").
. "$(dirname "$0")/lib.bash"
cd "$T" || exit 1
cp -r "$ROOT/briefs/." .
export SOURCE_DATE_EPOCH=1516579200
# one build: its PDF in $1.pdf, where its patterns came from in $1.origin
build() {
	local name=$1
	shift
	MKBRIEF_STATS=1 "$@" "$MKBRIEF" -q -o "$name.pdf" korea-jan2018.yaml 2>"$name.err"
	local st=$?
	sed -n 's/.* patterns \([a-z]*\).*/\1/p' "$name.err" >"$name.origin"
	return $st
}
origin() { cat "$1.origin"; }
cache=$T/c/mkbrief/hyph_en_US.dic.bin
inode() { stat -c %i "$cache" 2>/dev/null; }
if [ ! -e /usr/share/hyphen/hyph_en_US.dic ]; then
	pass "no en-US patterns installed: nothing to cache"
	exit 0
fi

build ref env XDG_CACHE_HOME="$T/c"
[ "$(origin ref)" = text ] && [ -s "$cache" ] && pass "first run: patterns from the text, cache written (and its directories made)" ||
	fail "first run: $(origin ref), $(ls -la "$T/c/mkbrief" 2>&1)"
[ -z "$(find "$T/c" -name '*.XXXXXX' -o -name '*.bin.*')" ] && pass "no temporary file left beside the cache" || fail "temporary files: $(ls "$T/c/mkbrief")"
ino=$(inode)
build warm env XDG_CACHE_HOME="$T/c"
[ "$(origin warm)" = cache ] && [ "$(inode)" = "$ino" ] && cmp -s ref.pdf warm.pdf &&
	pass "second run: patterns from the cache, which is not written again; the same PDF" ||
	fail "second run: $(origin warm), inode $(inode) (was $ino), $(cmp ref.pdf warm.pdf 2>&1)"

# every way a cache file can be wrong: a miss, never a crash; rebuilt, then used again
good=$T/good.bin
cp "$cache" "$good"
size=$(stat -c %s "$good")
spoil() { # NAME: makes the cache file wrong in that way
	cp "$good" "$cache"
	case $1 in
	stale) printf '\1\2\3\4\5\6\7\10' | dd of="$cache" bs=1 seek=32 conv=notrunc 2>/dev/null # another source time
		dd if=/dev/zero of="$cache" bs=1 seek=40 count=32 conv=notrunc 2>/dev/null ;;        # and checksum
	other-size) printf '\377' | dd of="$cache" bs=1 seek=24 conv=notrunc 2>/dev/null ;;
	truncated) truncate -s $((size / 2)) "$cache" ;;
	header-only) truncate -s 88 "$cache" ;;
	empty) : >"$cache" ;;
	garbage) head -c "$size" /dev/urandom >"$cache" ;;
	flipped) printf 'Zq3!' | dd of="$cache" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null ;;     # in the payload
	states) printf 'Zq3!' | dd of="$cache" bs=1 seek=96 conv=notrunc 2>/dev/null ;;                 # the first level's size
	grown) printf 'tail' >>"$cache" ;;
	directory) rm -f "$cache" && mkdir "$cache" ;;
	esac
}
for how in stale other-size truncated header-only empty garbage flipped states grown; do
	spoil $how
	build "$how" env XDG_CACHE_HOME="$T/c"
	st=$?
	build "$how-after" env XDG_CACHE_HOME="$T/c"
	if [ $st = 0 ] && [ "$(origin "$how")" = text ] && cmp -s ref.pdf "$how.pdf" && cmp -s "$cache" "$good" &&
		[ "$(origin "$how-after")" = cache ] && cmp -s ref.pdf "$how-after.pdf"; then
		pass "a $how cache file: patterns from the text, the same PDF, the file replaced by a good one and used next"
	else
		fail "a $how cache file: status $st, $(origin "$how") then $(origin "$how-after"), $(cmp ref.pdf "$how.pdf" 2>&1) $(cmp "$cache" "$good" 2>&1); $(head -3 "$how.err")"
	fi
done
# files whose hash is right but whose indices are not (as a bug or a crafted file would
# have them): every index is checked before libhyphen follows it
cat >craft.py <<'PY'
import struct, sys
path, how = sys.argv[1], sys.argv[2]
b = bytearray(open(path, "rb").read())
HEAD = 88
lvl = HEAD + 8  # first level's head
states, trans = struct.unpack_from("<II", b, lvl)
st0 = lvl + 48
tr0 = st0 + states * 24
if how == "trans-target":      # a transition to a state past the end
    struct.pack_into("<i", b, tr0 + 4, states + 5)
elif how == "trans-range":     # a state whose transitions run past the table
    struct.pack_into("<I", b, st0 + 20, trans - 1)
    struct.pack_into("<i", b, st0 + 16, 7)
elif how == "fallback":        # a fallback state past the end
    struct.pack_into("<i", b, st0 + 24 + 12, states)
elif how == "string":          # a match string past the strings
    struct.pack_into("<I", b, st0 + 24, 0x7ffffff0)
elif how == "levels":          # more levels than the file holds
    struct.pack_into("<I", b, HEAD, 3)
h = 14695981039346656037
for i in range(HEAD, len(b), 8):
    h = ((h ^ struct.unpack_from("<Q", b, i)[0]) * 1099511628211) & (2**64 - 1)
struct.pack_into("<Q", b, 80, h)
open(path, "wb").write(b)
PY
if command -v python3 >/dev/null; then
	for how in none trans-target trans-range fallback string levels; do
		cp "$good" "$cache" && python3 craft.py "$cache" $how
		build "craft-$how" env XDG_CACHE_HOME="$T/c"
		st=$?
		want=text
		[ $how = none ] && want=cache
		[ $st = 0 ] && [ "$(origin "craft-$how")" = $want ] && cmp -s ref.pdf "craft-$how.pdf" && cmp -s "$cache" "$good" &&
			pass "a cache file with its hash right and $how wrong: patterns from the $want, the same PDF" ||
			fail "crafted $how: status $st, $(origin "craft-$how"); $(head -3 "craft-$how.err")"
	done
fi
spoil directory
build dir env XDG_CACHE_HOME="$T/c"
[ $? = 0 ] && [ "$(origin dir)" = text ] && cmp -s ref.pdf dir.pdf && pass "a directory where the cache file goes: patterns from the text, the same PDF" ||
	fail "a directory as the cache file: $(origin dir); $(head -3 dir.err)"
rm -rf "$cache" && cp "$good" "$cache"

# a source time that differs with the same bytes (a copied or touched file): used, and the
# file written again with the new time (the checksum decides, not the time)
cp "$good" "$cache"
printf '\1\2\3\4\5\6\7\10' | dd of="$cache" bs=1 seek=32 conv=notrunc 2>/dev/null
build touched env XDG_CACHE_HOME="$T/c"
[ "$(origin touched)" = cache ] && cmp -s "$cache" "$good" && cmp -s ref.pdf touched.pdf &&
	pass "another source time, same checksum: the cache is used and written again with the time" ||
	fail "another source time: $(origin touched), $(cmp "$cache" "$good" 2>&1)"

# a cache directory that cannot be made or written: ignored, silently
echo file >"$T/notadir"
build nodir env XDG_CACHE_HOME="$T/notadir/cache"
[ $? = 0 ] && [ "$(origin nodir)" = text ] && cmp -s ref.pdf nodir.pdf && ! grep -v '^mkbrief-stats' nodir.err | grep -q . &&
	pass "XDG_CACHE_HOME under a file: no cache, no message, the same PDF" || fail "cache dir under a file: $(cat nodir.err)"
mkdir -p "$T/home"
build relative env XDG_CACHE_HOME=relative/cache HOME="$T/home"
[ ! -e relative ] && [ -s "$T/home/.cache/mkbrief/hyph_en_US.dic.bin" ] && cmp -s ref.pdf relative.pdf &&
	pass "a relative XDG_CACHE_HOME is ignored (XDG spec): ~/.cache/mkbrief" || fail "relative XDG_CACHE_HOME: $(ls -R relative "$T/home" 2>&1 | head -5)"
build nohome env -u XDG_CACHE_HOME -u HOME
[ $? = 0 ] && [ "$(origin nohome)" = text ] && cmp -s ref.pdf nohome.pdf && pass "no HOME and no XDG_CACHE_HOME: no cache, the same PDF" ||
	fail "no HOME: $(origin nohome); $(head -3 nohome.err)"
if [ "$(id -u)" != 0 ]; then
	mkdir -p "$T/ro/mkbrief" && chmod 555 "$T/ro/mkbrief"
	build ro env XDG_CACHE_HOME="$T/ro"
	[ $? = 0 ] && [ "$(origin ro)" = text ] && [ -z "$(ls "$T/ro/mkbrief")" ] && cmp -s ref.pdf ro.pdf &&
		pass "a read-only cache directory: nothing written, the same PDF" || fail "read-only cache dir: $(ls "$T/ro/mkbrief")"
	chmod 755 "$T/ro/mkbrief" && cp "$good" "$T/ro/mkbrief/hyph_en_US.dic.bin" && chmod 555 "$T/ro/mkbrief"
	build rocache env XDG_CACHE_HOME="$T/ro"
	[ "$(origin rocache)" = cache ] && cmp -s ref.pdf rocache.pdf && pass "a read-only cache directory with a good cache: used" ||
		fail "read-only cache dir with a cache: $(origin rocache)"
	chmod -R 755 "$T/ro"
fi

# every layout: the same PDF from the cache as from the text patterns
for layout in handout handout-a4 digest; do
	MKBRIEF_STATS=1 XDG_CACHE_HOME="$T/c" "$MKBRIEF" -q --layout $layout -o "c-$layout.pdf" korea-jan2018.yaml 2>c.err
	XDG_CACHE_HOME="$T/notadir/x" "$MKBRIEF" -q --layout $layout -o "t-$layout.pdf" korea-jan2018.yaml
	grep -q "patterns cache" c.err && cmp -s "c-$layout.pdf" "t-$layout.pdf" &&
		pass "$layout: the same PDF with the cache as with the text patterns" || fail "$layout: $(cmp "c-$layout.pdf" "t-$layout.pdf" 2>&1) $(cat c.err)"
done

# several processes filling one empty cache at once: each writes a whole file and renames it
rm -rf "$T/par"
for i in 1 2 3 4; do XDG_CACHE_HOME="$T/par" "$MKBRIEF" -q -o "par$i.pdf" korea-jan2018.yaml & done
wait
build parafter env XDG_CACHE_HOME="$T/par"
[ "$(origin parafter)" = cache ] && cmp -s "$T/par/mkbrief/hyph_en_US.dic.bin" "$good" && [ "$(ls "$T/par/mkbrief" | wc -l)" = 1 ] &&
	pass "four runs at once into an empty cache: one good file, no temporary files" || fail "runs at once: $(ls "$T/par/mkbrief")"

# a FIFO where the cache file goes: read without waiting for a writer (every run hung)
mkdir -p "$T/fifo/mkbrief" && mkfifo "$T/fifo/mkbrief/hyph_en_US.dic.bin"
if timeout 30 env XDG_CACHE_HOME="$T/fifo" "$MKBRIEF" -q -o fifo.pdf korea-jan2018.yaml && cmp -s fifo.pdf ref.pdf; then
	pass "a FIFO in place of the cache is passed over"
else
	fail "a FIFO in place of the cache: status $?"
fi
