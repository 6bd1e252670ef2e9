# runner.sh: tests/run refuses a TEST_JOBS that is no number of tests above 0, with a message
# and a status that fails (0 stopped with no result, a word ran every test at once)
. "$(dirname "$0")/lib.bash"
for jobs in 0 abc -2; do
	out=$(TEST_JOBS=$jobs "$ROOT/tests/run" no-test-has-this-name 2>&1)
	status=$?
	if [ "$status" = 2 ] && grep -q "TEST_JOBS is '$jobs'" <<<"$out"; then
		pass "TEST_JOBS=$jobs refused"
	else
		fail "TEST_JOBS=$jobs: status $status: $out"
	fi
done
out=$(TEST_JOBS=1 "$ROOT/tests/run" no-test-has-this-name 2>&1) && pass "TEST_JOBS=1 runs" || fail "TEST_JOBS=1: $out"
