# bench/bench.mk: `make bench` (the full table: x1, x10, x100, x200, varied, each beside the naive
# Pango + Cairo floor, bench/floor.c, and Typst, bench/typst; then page fill, bench/pagefill) and `make bench-smoke`
# (x1 only, for CI: prints figures, asserts nothing about time). Built with release flags in
# their own directory so that benchmarks never reuse a debug or sanitizer build.
BENCH_BUILD ?= build/release
BENCH_CFLAGS ?= -O2 -DNDEBUG

.PHONY: bench bench-smoke bench-build
bench-build: deps
	@$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) CFLAGS='$(BENCH_CFLAGS)' ASAN=0 $(BENCH_BUILD)/mkbrief $(BENCH_BUILD)/measure

# (bench/spacing.mk has this rule for $(BUILD): in bench-build's own make, BUILD is this directory)
ifneq ($(BUILD),$(BENCH_BUILD))
$(BENCH_BUILD)/bench/spacing: bench/spacing.c src/typeset/hang.h
	@mkdir -p $(dir $@)
	$(CC) $(WFLAGS) $(BENCH_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(TEST_LIBS) -lm
endif

$(BENCH_BUILD)/measure: bench/measure.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WFLAGS) $(BENCH_CFLAGS) -o $@ $<

# TYPST=0 leaves out the Typst comparison (which installs Typst with npm: bench/typst)
TYPST ?= 1
bench: bench-build $(BENCH_BUILD)/bench/spacing $(BENCH_BUILD)/bench/floor
	@TYPST=$(TYPST) FLOOR=$(BENCH_BUILD)/bench/floor SPACING=$(BENCH_BUILD)/bench/spacing \
		bench/run $(BENCH_BUILD)/mkbrief $(BENCH_BUILD)/measure 1 10 100 200 varied
	@echo
	@bench/pagefill $(BENCH_BUILD)/mkbrief

bench-smoke: bench-build $(BENCH_BUILD)/bench/spacing
	@RUNS=1 SPACING=$(BENCH_BUILD)/bench/spacing bench/run $(BENCH_BUILD)/mkbrief $(BENCH_BUILD)/measure 1

# the naive Pango + Cairo floor of issue 20 (bench/floor.c), with the same release flags
$(BENCH_BUILD)/bench/floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(CC) $(WFLAGS) -Werror $(BENCH_CFLAGS) $(shell pkg-config --cflags pangocairo pangoft2 fontconfig) -o $@ $< \
		$(shell pkg-config --libs pangocairo pangoft2 fontconfig)
