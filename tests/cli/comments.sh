#!/usr/bin/env bash
# --comments gives the reader comments, each with its author and date where
# the page gives them, and never the thread's furniture: reply links, "Leave
# a Reply" headings, the comment form and its notes.
#   tests/cli/data/comments_wordpress.html: a WordPress comment list (two
#   comments, their reply links, the #respond form), written for this test.
# usage: comments.sh PITH_BINARY
set -u
PITH=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/cli_lib.sh"

check() { # check WHAT PAGE PYTHON: PYTHON reads the comments as c
  local what=$1 page=$2 code=$3
  run /dev/null -f json --comments "$page"
  ok "$what: exit 0" [ $st = 0 ]
  ok "$what" python3 -c "
import json, sys
c = json.load(open(sys.argv[1]))['comments']
try:
$(printf '%s\n' "$code" | sed 's/^/    /')
except AssertionError:
    print(json.dumps(c, ensure_ascii=False, indent=1))
    raise" "$T/out"
}

check "WordPress: exactly the two comments, with author and date" "$here/data/comments_wordpress.html" '
assert len(c) == 2
assert c[0]["author"] == "Tobias Wren" and c[0]["date"] == "2026-10-03T19:12:44+00:00"
assert c[0]["text"].startswith("Thank you for this.") and c[0]["text"].endswith("until spring?")
assert c[1]["author"] == "Ines Carvalho" and c[1]["date"] == "2026-10-05T07:48:02+00:00"
assert c[1]["text"].startswith("The bread knife trick") and c[1]["text"].endswith("next summer’s crop!")'

summary
