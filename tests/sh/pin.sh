# pin.sh: `mkbrief pin` writes each source's SHA-256 beside its file: and changes nothing
# else of a commented brief; a pinned source edited afterwards stops the build with an error
# at its sha256: and a report of every use (still found, and where; lost; citations to
# re-read); bad checksums are errors at their line and column.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_ROOT
cd "$T" || exit 1
mkdir articles
cp "$ROOT"/briefs/articles/*.txt articles/
cat >brief.yaml <<'YAML'
# A commented brief: pin must keep every byte of it.
title: Pinned   # a comment after a value
date: 2018-01-22
sources:
  # block style
  edm-2018:
    file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt   # the 2018 article
    date: January 22, 2018
  edm-2017: {file: "articles/edm-2017-v14i42-another-russian-failure.txt", date: March 2017}
sections:
  - heading: Moscow
    content:
      - text: Putin calls Kim a winner.
        cite: edm-2018 p1.2
      - quote: {source: edm-2018, text: "probable adversary"}
      - excerpt: {source: edm-2018, from: "Moscow and Pyongyang share", to: "still Beijing."}
      - excerpt: {source: edm-2018, text: "In 2010, a massive deal was completed"}
      - excerpt: {source: edm-2017, paragraphs: 1}
YAML
cp brief.yaml before.yaml
if "$MKBRIEF" pin brief.yaml 2>err.txt; then pass "pin exits 0"; else fail "pin: $(cat err.txt)"; fi
sum18=$(sha256sum articles/edm-2018-v15i7-russia-uses-korean-crisis.txt | cut -c1-64)
sum17=$(sha256sum articles/edm-2017-v14i42-another-russian-failure.txt | cut -c1-64)
# the only change: one new line under the block-style file:, one entry in the flow mapping
want=$(sed -e "7a\\    sha256: $sum18" \
	-e "s|{file: \"articles/edm-2017-v14i42-another-russian-failure.txt\", date|{file: \"articles/edm-2017-v14i42-another-russian-failure.txt\", sha256: $sum17, date|" before.yaml)
if [ "$want" = "$(cat brief.yaml)" ]; then pass "pin adds the two checksums and changes nothing else"; else fail "pin wrote: $(diff before.yaml brief.yaml)"; fi
"$MKBRIEF" --check brief.yaml 2>err.txt && pass "the pinned brief builds" || fail "pinned: $(cat err.txt)"
cp brief.yaml pinned.yaml
"$MKBRIEF" pin brief.yaml 2>/dev/null
cmp -s brief.yaml pinned.yaml && pass "pinning again changes nothing" || fail "second pin changed the brief"
ls -a | grep -q '\.pin-' && fail "a temporary file was left" || pass "no temporary file left"

# one word of the 2018 article changes: the quote is lost, the other excerpts still found
sed -i 's/probable adversary/likely adversary/g' articles/edm-2018-v15i7-russia-uses-korean-crisis.txt
"$MKBRIEF" --check brief.yaml 2>err.txt
st=$?
[ $st = 1 ] && grep -q "^brief.yaml:8:13: error: source 'edm-2018' (articles/edm-2018-v15i7-russia-uses-korean-crisis.txt) has changed since it was pinned" err.txt &&
	pass "a changed source: an error at its sha256:" || fail "changed: status $st: $(cat err.txt)"
grep -q "^brief.yaml:16:41: note: quote of 'edm-2018': lost" err.txt && pass "the lost quote is named" || fail "lost quote: $(cat err.txt)"
grep -q "^brief.yaml:17:43: note: excerpt of 'edm-2018': still found, the same words, at p3.1" err.txt &&
	grep -q "^brief.yaml:18:43: note: excerpt of 'edm-2018': still found, the same words, at p6.4" err.txt &&
	pass "excerpts still found, with where they are now" || fail "still found: $(cat err.txt)"
grep -q "^brief.yaml:15:15: note: citation of 'edm-2018' p1.2: check that it still says" err.txt && pass "citations to re-read are listed" || fail "cites: $(cat err.txt)"
grep -q "edm-2017" err.txt && fail "the unchanged source is reported" || pass "the unchanged pinned source is not reported"
"$MKBRIEF" brief.yaml -o out.pdf 2>/dev/null
[ $? = 1 ] && [ ! -e out.pdf ] && pass "a build stops too, writing nothing" || fail "build of a changed source"
# after re-reading, pin again: the value is replaced where it stands
sed -i 's/probable adversary/likely adversary/g' brief.yaml
"$MKBRIEF" pin brief.yaml 2>/dev/null
new18=$(sha256sum articles/edm-2018-v15i7-russia-uses-korean-crisis.txt | cut -c1-64)
grep -q "^    sha256: $new18$" brief.yaml && [ "$(wc -l <brief.yaml)" = "$(wc -l <pinned.yaml)" ] && "$MKBRIEF" --check brief.yaml 2>/dev/null &&
	pass "re-pinning replaces the checksum in place" || fail "re-pin: $(diff pinned.yaml brief.yaml)"

# bad checksums are errors at their line and column
sed 's/^    sha256: .*/    sha256: xyz/' brief.yaml >bad1.yaml
out=$(MKBRIEF_DIAGNOSTICS=short "$MKBRIEF" --check bad1.yaml 2>&1 | head -1)
[ "$out" = "bad1.yaml:8:13: error: sha256 must be 64 hexadecimal digits; 'x' is not one (delete the line and mkbrief pin writes it)" ] &&
	pass "a checksum that is not hex: its line and column" || fail "not hex: $out"
sed 's/^    sha256: \(.*\)./    sha256: \1/' brief.yaml >bad2.yaml
out=$(MKBRIEF_DIAGNOSTICS=short "$MKBRIEF" --check bad2.yaml 2>&1 | head -1)
[ "$out" = "bad2.yaml:8:13: error: sha256 must be 64 hexadecimal digits, not 63 (delete the line and mkbrief pin writes it)" ] &&
	pass "a checksum of the wrong length: its line and column" || fail "length: $out"

# a brief pin cannot edit in place (a source given through an alias) is refused and left as
# it was, never written back broken; a brief behind a symbolic link is pinned where it is
# and the link stays; a brief with CR LF line ends gets its new line with CR LF too
printf 'title: T\ndate: 2018-01-22\nsources:\n  a: &s {file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt}\n  b: *s\nsections:\n  - heading: h\n    content:\n      - text: x\n        cite: a p1\n' >alias.yaml
cp alias.yaml alias.orig
"$MKBRIEF" pin alias.yaml 2>err.txt
st=$?
[ $st = 1 ] && cmp -s alias.yaml alias.orig && grep -q "cannot pin this brief" err.txt && pass "pin refuses a brief it would write back broken, and leaves it as it was" ||
	fail "pin alias: status $st, $(head -1 err.txt)"
printf 'title: T\ndate: 2018-01-22\nsources:\n  a:\n    file: articles/edm-2018-v15i7-russia-uses-korean-crisis.txt\nsections:\n  - heading: h\n    content:\n      - text: x\n        cite: a p1\n' >real.yaml
ln -s real.yaml link.yaml
"$MKBRIEF" pin link.yaml 2>err.txt
[ -L link.yaml ] && grep -q '^    sha256: ' real.yaml && pass "pin through a symbolic link pins the file it names, the link stays" ||
	fail "pin link: $(ls -l link.yaml) $(head -1 err.txt)"
sed 's/$/\r/' real.yaml | sed '/sha256/d' >crlf.yaml
"$MKBRIEF" pin crlf.yaml 2>err.txt
lf_only=$(grep -c -v $'\r$' crlf.yaml)
[ "$lf_only" = 0 ] && grep -q $'^    sha256: [0-9a-f]*\r$' crlf.yaml && pass "pin keeps CR LF line ends" || fail "pin crlf: $lf_only lines end in LF only"
# lines ended by CR alone (an old Mac's), which YAML reads: each source was "not on one
# line" ("write it on one line", though it was); now one error says what the line ends are
sed '/sha256/d' real.yaml | tr '\n' '\r' >cr.yaml
cp cr.yaml cr.orig
"$MKBRIEF" pin cr.yaml 2>err.txt
st=$?
[ $st = 1 ] && cmp -s cr.yaml cr.orig && [ "$(cat err.txt)" = "cr.yaml: error: this brief ends its lines with CR alone, which mkbrief pin cannot edit; save it with LF (or CR LF) line ends" ] &&
	pass "pin of a brief with CR line ends says so, the brief left as it was" || fail "pin cr: status $st $(head -2 err.txt)"
# pin reads sources as a build does: a FIFO (it waited forever), a link to /dev/zero (it read
# without end) and a file outside the brief's directory (it hashed /etc/passwd) are refused,
# the brief left as it was (a hostile trial)
mkfifo fifo
ln -s /dev/zero zero.txt
odd=""
for f in fifo zero.txt ../../../../../../../../etc/passwd; do
	printf 'title: T\ndate: 2018-01-22\nsources:\n  a: {file: %s}\nsections:\n  - heading: h\n    content:\n      - text: x\n' "$f" >odd.yaml
	cp odd.yaml odd.orig
	timeout 10 "$MKBRIEF" pin odd.yaml 2>err.txt
	st=$?
	{ [ $st = 1 ] && cmp -s odd.yaml odd.orig && grep -q "^odd.yaml:4:13: error: " err.txt; } || odd="$odd $f: status $st $(head -1 err.txt);"
done
[ -z "$odd" ] && pass "pin refuses a FIFO, a device and a file outside the brief's directory" || fail "pin odd sources:$odd"
