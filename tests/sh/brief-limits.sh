# brief-limits.sh: hostile briefs too big to keep in the repository (10,000-deep nesting,
# more than 1 MiB) are rejected with one precise message, quickly, without a crash.
. "$(dirname "$0")/lib.bash"
cd "$T" || exit 1

expect() { # expect NAME FILE WANT-STDERR: status 1 and exactly that message
	local name=$1 file=$2 want=$3 got status
	got=$(timeout 10 "$MKBRIEF" --check "$file" 2>&1 >/dev/null)
	status=$?
	if [ "$status" = 1 ] && [ "$got" = "$want" ]; then
		pass "$name"
	else
		fail "$name: status $status, stderr: $(head -c 300 <<<"$got")"
	fi
}

# 10,000 nested flow lists inside a brief key
{ printf 'title: '; head -c 10000 /dev/zero | tr '\0' '['; head -c 10000 /dev/zero | tr '\0' ']'; echo; } >deep-flow.yaml
expect "10,000 nested flow lists" deep-flow.yaml "deep-flow.yaml:1:71: error: nesting deeper than 64 levels"

# 10,000 nested block lists ("- - - - x") and mappings ("a: {a: {...}}")
{ printf 'sections:\n  '; for i in $(seq 10000); do printf -- '- '; done; echo x; } >deep-block.yaml
expect "10,000 nested block lists" deep-block.yaml "deep-block.yaml:2:129: error: nesting deeper than 64 levels"
{ for i in $(seq 10000); do printf 'a: {'; done; printf 'b: c'; for i in $(seq 10000); do printf '}'; done; echo; } >deep-map.yaml
expect "10,000 nested flow mappings" deep-map.yaml "deep-map.yaml:1:256: error: nesting deeper than 64 levels"

# more than 1 MiB: rejected before parsing
{ echo "title: Big"; echo "date: 2018-01-22"; echo "summary:"; for i in $(seq 45000); do echo "  - padding padding padding"; done; } >big.yaml
expect "file over 1 MiB" big.yaml "big.yaml: error: file is larger than the 1024 KiB limit for YAML files"

# just under 1 MiB of valid YAML is parsed (and then judged as a brief)
{ echo "title: Big"; echo "date: 2018-01-22"; echo "summary:"; for i in $(seq 20000); do echo "  - padding padding padding pad"; done; } >under.yaml
expect "file under 1 MiB is read" under.yaml "under.yaml:1:1: error: brief is missing the required key 'sources'
under.yaml:1:1: error: brief is missing the required key 'sections'"

# a wide alias bomb: few bytes, 10^8 nodes if expanded; must fail fast
{
	echo 'a: &a [x, x, x, x, x, x, x, x, x, x]'
	prev=a
	for n in b c d e f g h; do
		printf '%s: &%s [' $n $n
		for i in 1 2 3 4 5 6 7 8 9; do printf '*%s, ' $prev; done
		printf '*%s]\n' $prev
		prev=$n
	done
} >bomb.yaml
start=$(date +%s%N)
expect "alias bomb" bomb.yaml "bomb.yaml:5:36: error: document expands to more than 100000 nodes (alias bomb?)"
ms=$((($(date +%s%N) - start) / 1000000))
if [ "$ms" -lt 2000 ]; then pass "alias bomb rejected quickly (${ms} ms)"; else fail "alias bomb took ${ms} ms"; fi

# garbage never crashes the loader: status 1 and a message, whatever the bytes. The bytes
# come from awk with fixed seeds, so a failure can be reproduced.
garbage() { # garbage SEED MODE: random bytes (MODE=bytes) or random YAML tokens (MODE=yaml)
	awk -v seed="$1" -v mode="$2" 'BEGIN {
		srand(seed)
		n = split("- |: |{|}|[|]|, |&a |*a |&b |*b |\n|\n  |\n    |title|date|sources|sections|content|text|quote|excerpt|cite|x|'"'"'|\"|? |!!str |#c|>|\\||---\n|...\n|2018-01-22|edm p1|~|null|\t", tok, "|")
		for (i = 0; i < 400; i++) {
			if (mode == "bytes") printf "%c", int(rand() * 255) + 1
			else printf "%s", tok[int(rand() * n) + 1]
		}
	}' >garbage.yaml
}
bad=0
for seed in $(seq 1 60); do
	for mode in bytes yaml; do
		garbage "$seed" "$mode"
		timeout 10 "$MKBRIEF" --check garbage.yaml >/dev/null 2>err.txt
		st=$?
		if [ "$st" != 1 ] || ! grep -q 'error:' err.txt; then
			bad=$((bad + 1))
			echo "garbage seed $seed mode $mode: status $st"
		fi
	done
done
[ $bad = 0 ] && pass "120 garbage files: status 1 with a message each" || fail "$bad of 120 garbage files crashed or were accepted"
