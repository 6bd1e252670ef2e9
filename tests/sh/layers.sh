# layers.sh: src/ reads as a one-way pipeline (README, "Architecture"): tests/tools/layers.py
# finds no include against the stage order, no cycle, no file or function past its size;
# and in scratch copies of src/ it finds each kind of fault put there on purpose.
. "$(dirname "$0")/lib.bash"
check_tree() { python3 "$ROOT/tests/tools/layers.py" "$1"; }
if out=$(check_tree "$ROOT/src"); then
	pass "src/ keeps the stage order, sizes and headers"
else
	fail "src/: $(printf '%s\n' "$out" | head -20)"
fi
# bites: one fault per scratch copy, and the message that names it
bites() { # NAME FILE LINE-TO-APPEND EXPECTED-MESSAGE-PART
	local dir="$T/$1"
	cp -R "$ROOT/src" "$dir" && printf '%s\n' "$3" >>"$dir/$2"
	local got
	if got=$(check_tree "$dir"); then
		fail "$1: not caught"
	elif printf '%s\n' "$got" | grep -qF -- "$4"; then
		pass "$1 is caught"
	else
		fail "$1: caught, but not as '$4': $got"
	fi
}
bites "an upward include" base/util.c '#include "layout/doc.h"' 'base/ includes layout/, a later stage'
bites "an include of tools/" layout/flow.c '#include "tools/tools.h"' 'only main.c includes tools/'
bites "typeset reading the brief" typeset/rich.c '#include "load/brief.h"' 'typeset sets text and never sees the brief'
bites "render reaching into layout" render/render.c '#include "layout/composer.h"' 'render reads the laid-out document through layout/doc.h only'
bites "Pango in load/" load/article.c '#include <pango/pango.h>' 'load does not use Pango or Cairo'
bites "drawing in layout/" layout/flow.c 'static void draw(cairo_t *cr) { cairo_paint(cr); }' 'layout draws nothing'
bites "an include cycle" layout/doc.h '#include "layout/flow.h"' 'include cycle'
bites "a function declared in another file's header" layout/doc.h 'int doc_flow(doc *dc, diag *d);' 'doc_flow is declared in layout/doc.h'
long_fn=$(printf 'static int long_function(void)\n{\n'; for i in $(seq 101); do printf '\tif (%d) return %d;\n' "$i" "$i"; done; printf '\treturn 0;\n}')
bites "a function over 100 lines" layout/doc.c "$long_fn" 'function long_function is 105 lines'
bites "a file over 800 lines" layout/doc.c "$(for i in $(seq 800); do echo '/* filler */'; done)" 'a file holds one job'
