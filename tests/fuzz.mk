# Fuzzing and valgrind (issue 5). Included by the Makefile.
#
#   make fuzz                    each libFuzzer target for FUZZ_TIME seconds (default 60)
#   make fuzz FUZZ_TARGETS=brief FUZZ_TIME=600
#   make fuzz-build              only build them (build/fuzz/fuzz_NAME)
#   make check-fuzz-regress      replay tests/fuzz/regress/ through every target (part of make check via tests/sh/fuzz-regress.sh)
#   make check-valgrind          the CLI tests and a few shell tests under valgrind
#
# The fuzz build uses clang with its own objects in build/fuzz, apart from the normal build.
FUZZ_CC ?= clang
FUZZ_DIR := build/fuzz
FUZZ_TIME ?= 60
FUZZ_TARGETS ?= brief article match layout e2e image
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_LIB_OBJS := $(patsubst src/%.c,$(FUZZ_DIR)/obj/%.o,$(filter-out src/main.c src/tools/diff_main.c,$(SRCS)))
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

.PHONY: fuzz fuzz-build fuzz-corpus check-valgrind
fuzz-build: $(FUZZ_BINS)

$(FUZZ_DIR)/obj/%.o: src/%.c | $(FUZZ_DIR)/obj
	@mkdir -p $(@D); echo "CC(fuzz) $<"; $(FUZZ_CC) $(CPPFLAGS) $(WFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) $(TEST_CFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJS)
	@echo "LD(fuzz) $@"; $(FUZZ_CC) $(CPPFLAGS) $(WFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -Isrc $(PKG_CFLAGS) -o $@ $< $(FUZZ_LIB_OBJS) $(PKG_LIBS) $(TEST_LIBS)

# make would delete the objects as intermediates; keep them so a rebuild is incremental
.SECONDARY: $(FUZZ_LIB_OBJS)

$(FUZZ_DIR)/obj:
	mkdir -p $@

-include $(FUZZ_LIB_OBJS:.o=.d)

# Seed corpora: briefs and layouts for the YAML loaders, articles for the article parser and
# the matcher, the briefs of briefs/, tests/cli/ and tests/golden/ for the whole pipeline
# (e2e), the figures of briefs/figures/ and tests/golden/ for the image loader (image).
# Copied (not linked) into build/fuzz/corpus/NAME, which the fuzzer grows;
# tests/fuzz/corpus/NAME holds hand-written seeds kept in the repository (for image, tiny
# valid and broken PNG, JPEG and SVG files).
fuzz-corpus:
	@for t in brief article match layout e2e image; do mkdir -p $(FUZZ_DIR)/corpus/$$t; \
		[ -d tests/fuzz/corpus/$$t ] && cp -n tests/fuzz/corpus/$$t/* $(FUZZ_DIR)/corpus/$$t/ 2>/dev/null; true; done
	@cp -n briefs/*.yaml tests/cli/*.yaml $(FUZZ_DIR)/corpus/brief/ 2>/dev/null; true
	@for f in tests/bad/*/brief.yaml; do [ -f "$$f" ] && cp -n "$$f" $(FUZZ_DIR)/corpus/brief/bad-$$(basename $$(dirname $$f)).yaml; done; true
	@cp -n layouts/*.yaml $(FUZZ_DIR)/corpus/layout/ 2>/dev/null; true
	@for f in tests/bad/*/layout.yaml; do [ -f "$$f" ] && cp -n "$$f" $(FUZZ_DIR)/corpus/layout/bad-$$(basename $$(dirname $$f)).yaml; done; true
	@cp -n briefs/articles/*.txt $(FUZZ_DIR)/corpus/article/ 2>/dev/null; true
	@cp -n briefs/articles/*.txt $(FUZZ_DIR)/corpus/match/ 2>/dev/null; true
	@cp -n briefs/*.yaml tests/cli/*.yaml $(FUZZ_DIR)/corpus/e2e/ 2>/dev/null; true
	@for f in tests/golden/*/brief.yaml; do [ -f "$$f" ] && cp -n "$$f" $(FUZZ_DIR)/corpus/e2e/golden-$$(basename $$(dirname $$f)).yaml; done; true
	@for f in briefs/figures/*.svg tests/golden/*/*.png tests/golden/*/*.jpg tests/golden/*/*.svg; do [ -f "$$f" ] && cp -n "$$f" $(FUZZ_DIR)/corpus/image/$$(basename $$(dirname $$f))-$$(basename $$f); done; true

# Each target runs FUZZ_TIME seconds, with make check-asan's leak suppressions (e2e keeps
# its fonts, and so fontconfig's and Pango's caches, across inputs). A crash stops
# `make fuzz` with the reproducer in build/fuzz/crash-NAME-*. Minimize it (fuzz_NAME
# -minimize_crash=1 FILE), fix, and add it to tests/fuzz/regress/NAME/ so that make check
# replays it. FUZZ_DIR=build/fuzz-mine keeps a build and corpus apart from others'.
fuzz: fuzz-build fuzz-corpus
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzz: $$t for $(FUZZ_TIME) s"; \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		$(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_TIME) -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
			-print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/crash-$$t- \
			$(FUZZ_DIR)/corpus/$$t tests/fuzz/regress/$$t 2>$(FUZZ_DIR)/$$t.log \
			|| { tail -40 $(FUZZ_DIR)/$$t.log; exit 1; }; \
		grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' $(FUZZ_DIR)/$$t.log; \
	done
