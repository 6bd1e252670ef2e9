# make check-valgrind: the unit tests, the CLI tests and the bad-input corpus with every
# mkbrief run under valgrind's memcheck (tests/valgrind; suppressions in tests/valgrind.supp,
# library-owned memory only). Reports go to build/valgrind/. Included by the Makefile.
.PHONY: check-valgrind
check-valgrind: deps
	@$(MAKE) --no-print-directory all $(UNIT_BINS) $(BUILD)/tests/runstat
	@rm -rf build/valgrind && mkdir -p build/valgrind
	@ROOT=$(CURDIR) VG_LOGDIR=$(CURDIR)/build/valgrind VG_BIN=$(CURDIR)/$(BUILD)/mkbrief \
	MKBRIEF=$(CURDIR)/tests/valgrind TESTWRAP="env VG_BIN= $(CURDIR)/tests/valgrind" \
	CLI_TIMEOUT=120 BAD_LIMIT_MS=60000 BAD_LIMIT_MB=0 BAD_ROUNDS=fresh MAKEFLAGS= TESTBIN=$(BUILD)/tests tests/run test_ cli/ sh/bad
