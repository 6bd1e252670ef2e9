# tests/golden.mk: `make golden NAME=x` (or ALL=1) blesses golden PDFs; see README, Golden tests.
.PHONY: golden
golden: deps
	@$(MAKE) --no-print-directory all
	@MKBRIEF=$(BUILD)/mkbrief bash tests/sh/golden.sh $(if $(filter 1,$(ALL)),--bless-all,--bless $(subst $(comma), ,$(NAME)))

comma := ,
# CI runs `make check WERROR=1` on the pinned Debian versions: there warnings are errors,
# and a golden whose bytes drifted (while it still looks the same) is one.
ifeq ($(WERROR),1)
export GOLDEN_STRICT := 1
endif
