#!/usr/bin/env bash
# Regenerates tests/golden/expected/<id>.{txt,md,html,json} for every case of
# tests/golden/pages.txt with the built CLI. Run it after a change that
# is meant to alter outputs, then read `git diff tests/golden/expected` as you
# would read code: every changed line is a behaviour change.
#
# usage: tools/update_golden.sh [PITH_BINARY [SHARED_DIR]]
#        (defaults: build/pith and ../shared beside the checkout)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
pith=${1:-$repo/build/pith}
shared=${2:-$repo/../shared}
[ -x "$pith" ] || { echo "update_golden: no pith binary at $pith (build first)" >&2; exit 2; }
. "$repo/tests/golden/golden_lib.sh"
exp=$repo/tests/golden/expected
mkdir -p "$exp"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 skipped=0
while IFS=$'\t' read -r id page opts; do
  rc=0
  golden_page "$page" "$repo" "$shared" "$tmp/page.html" || rc=$?
  if [ $rc = 3 ]; then echo "update_golden: $id skipped: $shared/bench absent" >&2; skipped=$((skipped + 1)); continue; fi
  [ $rc = 0 ] || exit 1
  for f in $golden_formats; do
    # shellcheck disable=SC2086 # options are words by design
    "$pith" -f "${f%%:*}" $opts "$tmp/page.html" > "$exp/$id.${f##*:}" || {
      echo "update_golden: pith failed on $id (${f%%:*})" >&2; exit 1; }
  done
  n=$((n + 1))
done < <(golden_cases "$repo/tests/golden/pages.txt")
echo "update_golden: wrote $n cases ($((n * 4)) files), $skipped skipped"
