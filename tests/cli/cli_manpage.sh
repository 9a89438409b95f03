#!/usr/bin/env bash
# cli/pith.1 documents every option `pith --help` lists and every JSON key
# the output has, and renders without warnings.
# usage: cli_manpage.sh PITH_BINARY SHARED_DIR
PITH=$1
. "$(dirname "$0")/cli_lib.sh"
man1=$REPO/cli/pith.1
ok "pith.1 exists" [ -f "$man1" ]
# The roff source spells '-' as '\-'.
plain=$(sed 's/\\-/-/g' "$man1")
for opt in $("$PITH" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
  ok "pith.1 documents $opt" contains "$plain" "$opt"
done
for key in $("$PITH" -f json "$SAMPLE" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)))'); do
  ok "pith.1 documents the JSON key $key" grep -qE "^\.(B|BR) (.* )?$key( |$)" <(sed 's/\\-/-/g' "$man1")
done
# After an indented block (.RS ... .RE) text needs a paragraph break (.PP),
# or it runs on from the example above it.
ok "pith.1: every text after .RE starts a paragraph" \
  awk 'prev == ".RE" && $0 !~ /^\./ { bad = 1; print "pith.1:" NR ": text right after .RE: " $0 > "/dev/stderr" } { prev = $0 } END { exit bad }' "$man1"
# The version is written once, in pith.h: the installed manual gets it
# from there (tests/install/install.sh), the source names none.
version=$("$PITH" --version | cut -d' ' -f2)
ok "pith.1 does not write the version ($version) by hand" bash -c '! grep -qF "$1" "$2"' _ "$version" "$man1"
for word in "EXIT STATUS" "EXAMPLES" "JSON OUTPUT"; do
  ok "pith.1 has a $word section" grep -q "^\.SH $word" "$man1"
done
if command -v groff >/dev/null; then
  ok "groff -man -ww: no warnings" bash -c '[ -z "$(groff -man -ww -z "$1" 2>&1)" ]' _ "$man1"
else
  echo "skipped: groff absent"
fi
if command -v man >/dev/null; then
  ok "man -l renders it" bash -c 'MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q "find the main content of web pages"' _ "$man1"
fi
summary
