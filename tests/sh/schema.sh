# schema.sh: the JSON Schemas in man/schema/ are what `mkbrief schema` writes from the
# loaders' key tables today (regenerate with `make schema`), and every brief and layout in
# the repository that mkbrief accepts is valid against them (python3-jsonschema); a key
# mkbrief refuses is refused by the schema too.
. "$(dirname "$0")/lib.bash"
cd "$ROOT" || exit 1
for s in brief layout; do
	if "$MKBRIEF" schema $s >"$T/$s.json" 2>"$T/err" && cmp -s "$T/$s.json" man/schema/$s.schema.json; then
		pass "man/schema/$s.schema.json is what mkbrief schema $s writes"
	else
		fail "man/schema/$s.schema.json differs from mkbrief schema $s (run make schema): $(cat "$T/err"; diff man/schema/$s.schema.json "$T/$s.json" | head -5)"
	fi
done
V="python3 tests/tools/validate.py"
briefs=() layouts=()
for f in briefs/*.yaml tests/golden/*/brief.yaml tests/cli/*.yaml tests/typeset/*.yaml; do
	[ -f "$f" ] || continue
	MKBRIEF_DIAGNOSTICS=short "$MKBRIEF" --check -q "$f" >/dev/null 2>&1 && briefs+=("$f")
done
for f in layouts/*.yaml tests/golden/*/layout.yaml; do [ -f "$f" ] && layouts+=("$f"); done
[ ${#briefs[@]} -ge 10 ] || fail "only ${#briefs[@]} briefs found to validate"
if out=$($V man/schema/brief.schema.json "${briefs[@]}"); then pass "${#briefs[@]} briefs mkbrief accepts are valid"; else fail "briefs: $out"; fi
if out=$($V man/schema/layout.schema.json "${layouts[@]}"); then pass "${#layouts[@]} layouts are valid"; else fail "layouts: $out"; fi
# the schema refuses what mkbrief refuses
sed 's/^title:/titel:/' briefs/korea-jan2018.yaml >"$T/typo.yaml"
$V man/schema/brief.schema.json "$T/typo.yaml" >/dev/null && fail "a misspelt key passes the schema" || pass "a misspelt brief key fails the schema"
printf 'text:\n  align: justfy\n' >"$T/l.yaml"
$V man/schema/layout.schema.json "$T/l.yaml" >/dev/null && fail "a bad choice passes the layout schema" || pass "a bad layout choice fails the schema"
printf 'title: T\ndate: 2018-01-01\nsources: {a: {file: x.txt}}\nsections:\n  - heading: H\n    content:\n      - {text: a, bullets: [b]}\n' >"$T/two.yaml"
$V man/schema/brief.schema.json "$T/two.yaml" >/dev/null && fail "a block of two kinds passes" || pass "a block of two kinds fails the schema"
