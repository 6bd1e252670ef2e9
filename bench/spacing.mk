# bench/spacing: word-spacing statistics of justified lines in a PDF (paragraph quality).
$(BUILD)/bench/spacing: bench/spacing.c | $(BUILD)/obj
	@mkdir -p $(BUILD)/bench
	$(CC) $(WFLAGS) $(CFLAGS) $(TEST_CFLAGS) -o $@ $< $(TEST_LIBS) -lm

.PHONY: spacing
spacing: $(BUILD)/mkbrief $(BUILD)/bench/spacing
	@$(BUILD)/mkbrief -q -o $(BUILD)/bench/korea.pdf briefs/korea-jan2018.yaml
	@$(BUILD)/bench/spacing $(BUILD)/bench/korea.pdf
