#!/usr/bin/env bash
# Golden pages through the CLI: every case of tests/golden/pages.txt in every
# format must match tests/golden/expected/ byte for byte. On a mismatch the
# first lines of the diff are shown; tools/update_golden.sh regenerates the
# expected files when a change is meant.
#
# usage: golden.sh PITH_BINARY SHARED_DIR
set -u
pith=$1 shared=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/tests/golden/golden_lib.sh"
exp=$repo/tests/golden/expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skipped=0
while IFS=$'\t' read -r id page opts; do
  rc=0
  golden_page "$page" "$repo" "$shared" "$tmp/page.html" || rc=$?
  if [ $rc = 3 ]; then skipped=$((skipped + 1)); continue; fi
  if [ $rc != 0 ]; then echo "FAIL $id: page unavailable"; fail=$((fail + 1)); continue; fi
  for f in $golden_formats; do
    fmt=${f%%:*} ext=${f##*:}
    # shellcheck disable=SC2086
    "$pith" -f "$fmt" $opts "$tmp/page.html" > "$tmp/out" 2>"$tmp/err"
    st=$?
    if [ $st != 0 ]; then
      echo "FAIL $id.$ext: exit $st: $(head -c 300 "$tmp/err")"; fail=$((fail + 1))
    elif [ ! -f "$exp/$id.$ext" ]; then
      echo "FAIL $id.$ext: no expected file (run tools/update_golden.sh)"; fail=$((fail + 1))
    elif cmp -s "$tmp/out" "$exp/$id.$ext"; then
      pass=$((pass + 1))
    else
      echo "FAIL $id.$ext differs from tests/golden/expected/$id.$ext:"
      diff "$exp/$id.$ext" "$tmp/out" | head -8 | cut -c1-200 | sed 's/^/    /'
      fail=$((fail + 1))
    fi
  done
done < <(golden_cases "$repo/tests/golden/pages.txt")
[ $skipped = 0 ] || echo "skipped: $skipped cases need $shared/bench, which is absent (set PITH_SHARED_DIR to the shared folder: cmake -DPITH_SHARED_DIR=DIR)"
echo "$pass passed, $fail failed"
[ $fail = 0 ] || exit 1
[ $skipped = 0 ] || exit 77
exit 0
