# mkbrief: see README.md. `make run` and `make check` are the whole set-up.
CC ?= cc
PKGS := cairo pangocairo pangoft2 fontconfig yaml-0.1 glib-2.0 gobject-2.0 gmodule-no-export-2.0 librsvg-2.0 libjpeg icu-uc zlib
TEST_PKGS := poppler-glib
BUILD ?= build
CFLAGS ?= -O2 -g
WFLAGS := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wno-overlength-strings
ifeq ($(WERROR),1)
WFLAGS += -Werror
endif
ifeq ($(ASAN),1)
BUILD := build/asan
CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS)) -lhyphen -lm
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS))
TEST_LIBS = $(shell pkg-config --libs $(TEST_PKGS))
VERSION := 0.1.0
# GNU install directories; DESTDIR is used only by the install targets (tests/install.mk)
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/mkbrief
MANDIR ?= $(PREFIX)/share/man
# the last place an installed mkbrief looks for its data (base/datapath.c): it looks first
# beside itself (BINDIR/../share/mkbrief), so a moved PREFIX still works
CPPFLAGS += -Isrc -D_POSIX_C_SOURCE=200809L -DMKBRIEF_VERSION=\"$(VERSION)\" -DMKBRIEF_DATADIR=\"$(DATADIR)\"

# one folder of src/ per stage of the pipeline (README, Architecture)
SRCS := $(sort $(wildcard src/*.c src/*/*.c))
OBJS := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJS := $(filter-out $(BUILD)/obj/main.o $(BUILD)/obj/tools/diff_main.o,$(OBJS))
# mkbrief-diff (`mkbrief diff`) alone links poppler: loading it costs every run ~18 ms;
# mkbrief opens it with GModule only for a PDF figure (src/typeset/pdfpage.c)
DIFF_OBJS := $(BUILD)/obj/tools/pdfdiff.o $(BUILD)/obj/tools/cmd_diff.o
MAIN_OBJS := $(filter-out $(DIFF_OBJS) $(BUILD)/obj/tools/diff_main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
# the fuzz targets, built with the normal compiler and a main() that replays files
REPLAY_BINS := $(patsubst tests/fuzz/fuzz_%.c,$(BUILD)/tests/replay_%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))

.PHONY: all deps run check check-asan clean
all: $(BUILD)/mkbrief $(BUILD)/mkbrief-diff

$(BUILD)/mkbrief: $(MAIN_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(MAIN_OBJS) $(PKG_LIBS)

$(BUILD)/mkbrief-diff: $(BUILD)/obj/tools/diff_main.o $(DIFF_OBJS) $(BUILD)/obj/base/util.o $(BUILD)/obj/base/diag.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS)

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	@mkdir -p $(@D); echo "CC $<"; $(CC) $(CPPFLAGS) $(WFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(WFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) -Isrc -MMD -MP -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PKG_LIBS) $(TEST_LIBS)

$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB_OBJS) $(wildcard src/*.h src/*/*.h) | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(WFLAGS) $(CFLAGS) $(PKG_CFLAGS) -Isrc -o $@ $< tests/fuzz/replay.c $(LIB_OBJS) $(LDFLAGS) $(PKG_LIBS) $(TEST_LIBS)

# runs one command and records its status, wall time and peak memory (tests/sh/large.sh)
$(BUILD)/tests/runstat: tests/tools/runstat.c | $(BUILD)/tests
	$(CC) -std=c11 $(WFLAGS) -O2 -o $@ $<

# how evenly a row of letters is spaced in a PNG (tests/sh/outputs.sh)
$(BUILD)/tests/pngstems: tests/tools/pngstems.c | $(BUILD)/tests
	$(CC) -std=c11 $(WFLAGS) -O2 $(shell pkg-config --cflags cairo) -o $@ $< $(shell pkg-config --libs cairo) -lm

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

-include $(OBJS:.o=.d) $(UNIT_BINS:=.d)

deps:
	@scripts/install-deps

run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/mkbrief briefs/korea-jan2018.yaml

# tests/run is given no MAKEFLAGS: under `make -j` the tests that run make themselves
# (sh/install) would else be told of a jobserver they cannot reach
check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BINS) $(REPLAY_BINS) $(BUILD)/tests/runstat $(BUILD)/tests/pngstems
	@MAKEFLAGS= MKBRIEF=$(BUILD)/mkbrief TESTBIN=$(BUILD)/tests tests/run

check-asan: deps
	@$(MAKE) --no-print-directory ASAN=1 check-asan-run

check-asan-run: $(BUILD)/mkbrief $(BUILD)/mkbrief-diff $(UNIT_BINS) $(REPLAY_BINS) $(BUILD)/tests/runstat $(BUILD)/tests/pngstems
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 MAKEFLAGS= MKBRIEF=$(BUILD)/mkbrief TESTBIN=$(BUILD)/tests tests/run

clean:
	rm -rf build

# make install [PREFIX=/usr/local] [DESTDIR=...]; make uninstall removes exactly these files
COMPLETIONSDIR ?= $(or $(shell pkg-config --define-variable=prefix=$(PREFIX) --variable=completionsdir bash-completion 2>/dev/null),$(PREFIX)/share/bash-completion/completions)
INSTALL ?= install
LAYOUT_FILES := $(sort $(wildcard layouts/*.yaml))
FONT_FILES := $(sort $(wildcard fonts/*.ttf)) fonts/OFL.txt fonts/README fonts/SHA256SUMS
SCHEMA_FILES := $(sort $(wildcard man/schema/*.json))
# the Korea brief with its sources and figure, which the manual's examples use
EXAMPLE_FILES := briefs/korea-jan2018.yaml $(sort $(wildcard briefs/articles/*.txt)) $(sort $(wildcard briefs/figures/*))
MAN1 := man/mkbrief.1 man/mkbrief-diff.1
MAN5 := man/mkbrief-brief.5 man/mkbrief-layout.5
INSTALLED := $(BINDIR)/mkbrief $(BINDIR)/mkbrief-diff \
	$(LAYOUT_FILES:%=$(DATADIR)/%) $(FONT_FILES:%=$(DATADIR)/%) \
	$(SCHEMA_FILES:man/schema/%=$(DATADIR)/schema/%) $(EXAMPLE_FILES:briefs/%=$(DATADIR)/examples/%) \
	$(MAN1:man/%=$(MANDIR)/man1/%) $(MAN5:man/%=$(MANDIR)/man5/%) $(COMPLETIONSDIR)/mkbrief

# the JSON Schemas for editors, written from the loaders' key tables (tests/sh/schema.sh checks them)
.PHONY: schema
schema: $(BUILD)/mkbrief
	$(BUILD)/mkbrief schema brief >man/schema/brief.schema.json
	$(BUILD)/mkbrief schema layout >man/schema/layout.schema.json

.PHONY: install uninstall
# DESTDIR may hold spaces (every path below is quoted); PREFIX and the directories built into
# mkbrief may not: make splits its lists of files at spaces, and would install and remove
# pieces of such paths
no-spaces = $(foreach v,PREFIX BINDIR DATADIR MANDIR COMPLETIONSDIR,$(if $(word 2,$($(v))),$(error $(v) '$($(v))' has a space; choose a PREFIX without one (DESTDIR may have them))))
install: all
	$(no-spaces)
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(DATADIR)/layouts" "$(DESTDIR)$(DATADIR)/fonts" \
		"$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(MANDIR)/man5" "$(DESTDIR)$(COMPLETIONSDIR)"
	$(INSTALL) -m 755 $(BUILD)/mkbrief $(BUILD)/mkbrief-diff "$(DESTDIR)$(BINDIR)"
	$(INSTALL) -m 644 $(LAYOUT_FILES) "$(DESTDIR)$(DATADIR)/layouts"
	$(INSTALL) -m 644 $(FONT_FILES) "$(DESTDIR)$(DATADIR)/fonts"
	$(if $(SCHEMA_FILES),$(INSTALL) -d "$(DESTDIR)$(DATADIR)/schema" && $(INSTALL) -m 644 $(SCHEMA_FILES) "$(DESTDIR)$(DATADIR)/schema")
	$(INSTALL) -m 644 $(MAN1) "$(DESTDIR)$(MANDIR)/man1"
	$(INSTALL) -m 644 $(MAN5) "$(DESTDIR)$(MANDIR)/man5"
	$(INSTALL) -m 644 scripts/mkbrief.bash-completion "$(DESTDIR)$(COMPLETIONSDIR)/mkbrief"
	$(INSTALL) -d "$(DESTDIR)$(DATADIR)/examples/articles" "$(DESTDIR)$(DATADIR)/examples/figures"
	$(INSTALL) -m 644 briefs/korea-jan2018.yaml "$(DESTDIR)$(DATADIR)/examples"
	$(INSTALL) -m 644 $(filter briefs/articles/%,$(EXAMPLE_FILES)) "$(DESTDIR)$(DATADIR)/examples/articles"
	$(INSTALL) -m 644 $(filter briefs/figures/%,$(EXAMPLE_FILES)) "$(DESTDIR)$(DATADIR)/examples/figures"

uninstall:
	$(no-spaces)
	for f in $(INSTALLED); do rm -f "$(DESTDIR)$$f"; done
	-for d in layouts fonts schema examples/articles examples/figures examples ""; do rmdir "$(DESTDIR)$(DATADIR)/$$d" 2>/dev/null; done; true

# Each area keeps its own targets beside its files (golden tests, fuzzing, benchmarks).
-include $(sort $(wildcard tests/*.mk bench/*.mk))
