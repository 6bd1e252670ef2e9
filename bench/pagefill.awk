# bench/pagefill.awk: how full the pages of one --dump-layout are (bench/pagefill, and
# tests/sh/pagefill.sh, which asserts the target on briefs of its own). Variables: name, lay
# (printed), top, bot (the layout's margins in hundredths of a point), target (percent).
# Prints one table row: pages, the least full page but the last, and the verdict ("holds" or
# "FAILS: ...").
function val(k,   i) { for (i = 2; i <= NF; i++) if (index($i, k "=") == 1) return substr($i, length(k) + 2) + 0; return "" }
/^document/ { for (i = 2; i <= NF; i++) if ($i ~ /^size=/) { split(substr($i, 6), a, "x"); ph = a[2] } cols = val("columns") }
/^page / { p = $2; np = p; first[p] = ""; next }
/^  / {
	kind = $1; c = val("col"); y = val("y"); h = val("h")
	if (first[p] == "") first[p] = kind ($0 ~ / float/ ? "-float" : "")
	if (kind == "page-break") { forced[p] = 1; next }
	if (kind == "space") next
	if (kind == "note") { if (!((p, c) in notetop) || y < notetop[p, c]) notetop[p, c] = y; next }
	if (!((p, c) in low) || y + h > low[p, c]) low[p, c] = y + h
	lastmain = p
}
END {
	avail = ph - bot - top; worst = 101; wp = 0; bad = 0; excused = 0; why = ""
	# pages that hold only the end of a long footnote follow the text's last page
	for (q = 1; q < lastmain; q++) {
		f = 101
		for (c = 0; c < cols; c++) {
			used = ((q, c) in low ? low[q, c] - top : 0) + ((q, c) in notetop ? ph - bot - notetop[q, c] : 0)
			v = 100 * used / avail; if (v > 100) v = 100
			if (v < f) f = v
		}
		ex = forced[q] ? "forced break" : first[q + 1] ~ /float/ ? "figure waited" : ""
		if (f < target) { if (ex != "") excused++; else bad++ }
		if (f < worst) { worst = f; wp = q; why = ex }
	}
	if (np < 2) { printf "| %-20s | %-12s | %5d | %-26s | %s |\n", name, lay, np, "one page", "holds"; exit }
	verdict = bad ? sprintf("FAILS: %d page%s under %d%%", bad, bad > 1 ? "s" : "", target) : excused ? sprintf("holds (%d excused)", excused) : "holds"
	printf "| %-20s | %-12s | %5d | %-26s | %s |\n", name, lay, np, sprintf("%.0f%% (page %d%s)", worst, wp, why != "" ? ", " why : ""), verdict
}
