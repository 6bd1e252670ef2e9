# install.sh: `make install` gives a tree that works on its own: the installed mkbrief,
# moved elsewhere with its PREFIX, renders the Korea brief from another directory with
# its own layouts and fonts, never the build tree's; layouts beside the brief and under
# $XDG_DATA_HOME come first; `make uninstall` removes exactly what was installed.
. "$(dirname "$0")/lib.bash"
unset MKBRIEF_DATA XDG_DATA_HOME
export HOME="$T/home"
mkdir -p "$HOME"
build=$(dirname "$MKBRIEF")
inst() { make -s --no-print-directory -C "$ROOT" BUILD="$build" PREFIX=/usr DESTDIR="$1" "${@:2}"; }
if ! inst "$T/dest" install >"$T/log" 2>&1; then
	fail "make install: $(tail -5 "$T/log")"
	exit 0
fi
for f in bin/mkbrief bin/mkbrief-diff share/mkbrief/layouts/handout.yaml share/mkbrief/layouts/digest.yaml \
	share/mkbrief/fonts/NotoSerif-Regular.ttf share/mkbrief/fonts/OFL.txt share/man/man1/mkbrief.1 \
	share/man/man1/mkbrief-diff.1 share/man/man5/mkbrief-brief.5 share/man/man5/mkbrief-layout.5; do
	[ -f "$T/dest/usr/$f" ] || fail "installed: no /usr/$f"
done
[ -f "$T/dest/usr/share/bash-completion/completions/mkbrief" ] || [ -n "$(find "$T/dest" -path '*completions/mkbrief')" ] &&
	pass "bash completion installed" || fail "no bash completion installed"
# DESTDIR is for staging only: nothing installed may name it
if grep -rlF "$T/dest" "$T/dest" >/dev/null; then fail "installed files name DESTDIR: $(grep -rlF "$T/dest" "$T/dest")"; else pass "no installed file names DESTDIR"; fi

# the installed tree, moved away from DESTDIR, run from a directory of its own
mkdir -p "$T/opt" && mv "$T/dest/usr" "$T/opt/mk"
bin="$T/opt/mk/bin/mkbrief"
cp -r "$T/opt/mk/share/mkbrief/examples" "$T/work"
cd "$T/work" || exit 1
if "$bin" -q korea-jan2018.yaml 2>"$T/err" && pdftotext korea-jan2018.pdf - | grep -q "Russia"; then
	pass "the moved installed tree renders the Korea brief installed with it (the manual's example)"
else
	fail "installed render: $(cat "$T/err")"
fi
"$bin" --list-layouts >"$T/list"
if grep -q "^handout  *$T/opt/mk/share/mkbrief/layouts/handout.yaml$" "$T/list" && ! grep -qF "$ROOT" "$T/list"; then
	pass "--list-layouts: the installed layouts, not the build tree's"
else
	fail "--list-layouts: $(cat "$T/list")"
fi
"$bin" -q korea-jan2018.yaml -o again.pdf 2>/dev/null
if "$bin" diff korea-jan2018.pdf again.pdf >"$T/diff" 2>&1; then pass "installed mkbrief diff runs"; else fail "installed diff: $(cat "$T/diff")"; fi

# layouts beside the brief come first, then $XDG_DATA_HOME's, then the installed ones
mkdir -p layouts "$T/xdg/mkbrief/layouts"
sed 's/^  size: .*/  size: a5/' "$T/opt/mk/share/mkbrief/layouts/handout.yaml" >layouts/handout.yaml
grep -q "size: a5" layouts/handout.yaml || fail "test set-up: no page size line in handout.yaml"
"$bin" -q korea-jan2018.yaml -o beside.pdf
case $(pdfinfo beside.pdf | awk '/^Page size/ {print $3 "x" $5}') in
419.* | 420*) pass "layouts/ beside the brief comes before the installed layout" ;;
*) fail "beside: page size $(pdfinfo beside.pdf | grep 'Page size')" ;;
esac
rm -r layouts
sed 's/^  size: .*/  size: legal/' "$T/opt/mk/share/mkbrief/layouts/handout.yaml" >"$T/xdg/mkbrief/layouts/handout.yaml"
XDG_DATA_HOME="$T/xdg" "$bin" -q korea-jan2018.yaml -o xdg.pdf
case $(pdfinfo xdg.pdf | awk '/^Page size/ {print $3 "x" $5}') in
612x1008) pass "\$XDG_DATA_HOME/mkbrief/layouts comes before the installed layouts" ;;
*) fail "xdg: $(pdfinfo xdg.pdf | grep 'Page size')" ;;
esac
err=$(XDG_DATA_HOME="$T/xdg" "$bin" --layout nosuch korea-jan2018.yaml 2>&1)
if echo "$err" | grep -qF "available layouts (in $T/xdg/mkbrief/layouts): handout" &&
	echo "$err" | grep -qF "available layouts (in $T/opt/mk/share/mkbrief/layouts): digest, handout, handout-a4"; then
	pass "an unknown layout lists every directory searched"
else
	fail "unknown layout: $err"
fi

# uninstall removes what install wrote, and nothing a user put there
inst "$T/d2" install >/dev/null 2>&1
echo "page: {size: a4}" >"$T/d2/usr/share/mkbrief/layouts/mine.yaml"
inst "$T/d2" uninstall >/dev/null 2>&1
left=$(cd "$T/d2" && find . -type f | sort)
if [ "$left" = "./usr/share/mkbrief/layouts/mine.yaml" ]; then pass "make uninstall removes exactly what was installed"; else fail "uninstall left: $left"; fi

# DESTDIR with a space: everything lands under it, and uninstall removes nothing outside it
# (make split the unquoted path: 'rm -f' took "$T/My" as a file of its own and removed it)
mkdir -p "$T/sp"
echo keep >"$T/sp/My"
if inst "$T/sp/My Stage" install >"$T/log" 2>&1 && [ -x "$T/sp/My Stage/usr/bin/mkbrief" ]; then
	pass "make install into a DESTDIR with a space"
else
	fail "install into a DESTDIR with a space: $(tail -3 "$T/log")"
fi
inst "$T/sp/My Stage" uninstall >/dev/null 2>&1
if [ -f "$T/sp/My" ] && [ -z "$(find "$T/sp/My Stage" -type f)" ]; then
	pass "make uninstall from a DESTDIR with a space removes nothing else"
else
	fail "uninstall with a space: $(ls "$T/sp") / $(find "$T/sp/My Stage" -type f | head -3)"
fi
# a PREFIX with a space is refused before anything is written
if make -s --no-print-directory -C "$ROOT" BUILD="$build" PREFIX="/opt/my app" DESTDIR="$T/sp2" install >"$T/log" 2>&1; then
	fail "a PREFIX with a space was accepted"
elif grep -q "PREFIX '/opt/my app' has a space" "$T/log" && [ ! -e "$T/sp2" ] && [ ! -e "$ROOT/app" ]; then
	pass "a PREFIX with a space is refused, nothing written"
else
	fail "PREFIX with a space: $(tail -2 "$T/log")"
fi

# bash completion knows every subcommand and option the README lists (a new user's trial:
# schema, pin, --annex, --pdf-a and -j were missing, and '--color=' completed nothing)
comp=$(mkdir -p "$T/empty" && cd "$T/empty" && bash -c '
	source "$0"
	t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _mkbrief; echo "${COMPREPLY[*]}"; }
	t mkbrief s; t mkbrief p; t mkbrief schema ""; t mkbrief --an; t mkbrief --pdf; t mkbrief -j; t mkbrief --color = al' "$ROOT/scripts/mkbrief.bash-completion" 2>&1 | tr '\n' '|')
[ "$comp" = "schema|pin|brief layout|--annex|--pdf-a|-j|always|" ] && pass "bash completion: schema, pin, --annex, --pdf-a, -j, --color=" ||
	fail "bash completion: '$comp'"
