# lib.bash: helpers for shell tests; each check prints one PASS or FAIL line.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# run alone (not by tests/run), a test still never writes the user's cache (hyph_cache.h)
if [ -z "${MKBRIEF_TEST_CACHE:-}" ]; then
	export XDG_CACHE_HOME=$T.cache
	trap 'rm -rf "$T" "$T.cache"' EXIT
fi
TESTNAME=$(basename "$0" .sh)
pass() { echo "PASS sh/$TESTNAME: $1"; }
fail() { echo "FAIL sh/$TESTNAME: $1"; }
check() { # check NAME COMMAND...
	local name=$1
	shift
	if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi
}
