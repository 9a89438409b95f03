#!/usr/bin/env bash
# pith's Markdown, read back by a CommonMark parser (Debian's cmark), says
# what the text output says: no '*' or '_' left over from emphasis cmark
# could not read, nothing lost (tests/cli/md_cmark.py). Pages: the
# repository's examples, 300 generated pages that nest emphasis, code, links
# and line breaks around punctuation and Unicode white space, and every
# shared benchmark page (scrapinghub, readability) when ../shared is there.
# usage: markdown_cmark.sh PITH_BINARY SHARED_DIR
PITH=$1 SHARED=$2
REPO=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v cmark >/dev/null; then
  echo "skipped: cmark is not installed (apt-get install cmark)"
  exit 77
fi
dirs=("$REPO/examples")
for set in scrapinghub readability; do
  if [ -d "$SHARED/bench/$set" ]; then dirs+=("$SHARED/bench/$set"); else echo "note: $SHARED/bench/$set absent, not checked"; fi
done
exec python3 "$REPO/tests/cli/md_cmark.py" "$PITH" --generated 300 "${dirs[@]}"
