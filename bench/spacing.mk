# bench/spacing: word-spacing statistics of justified lines in a PDF (paragraph quality).
$(BUILD)/bench/spacing: bench/spacing.c src/typeset/hang.h | $(BUILD)/obj
	@mkdir -p $(BUILD)/bench
	$(CC) $(WFLAGS) $(CFLAGS) $(TEST_CFLAGS) -o $@ $< $(TEST_LIBS) -lm

.PHONY: spacing
spacing: $(BUILD)/mkbrief $(BUILD)/bench/spacing
	@bench/scale 1 $(BUILD)/bench/corpus >/dev/null
	@for l in handout digest; do for b in korea-x1 varied; do \
		$(BUILD)/mkbrief -q --layout $$l -o $(BUILD)/bench/$$b-$$l.pdf $(BUILD)/bench/corpus/$$b.yaml && \
		$(BUILD)/bench/spacing $(BUILD)/bench/$$b-$$l.pdf | sed 's|^$(BUILD)/bench/||' && \
		bench/ragged $(BUILD)/mkbrief $$l $(BUILD)/bench/corpus/$$b.yaml $$b-$$l.pdf; done; done
