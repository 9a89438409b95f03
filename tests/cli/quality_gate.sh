#!/usr/bin/env bash
# The quality gate: runs the shared quality.sh and wcxb.py with the built
# binary, prints their tables, and fails when a dataset's F1 or metadata
# score (WCXB: word F1 overall and per page type, page-type accuracy, and
# the share of titles, authors and dates right) is below its floor in
# tests/quality_floors.txt (or a listed dataset is missing).
#
# usage: quality_gate.sh PITH_BINARY SHARED_DIR [--update]
#   --update   raise each floor to (measured - 0.005) where that is higher;
#              floors are never lowered by the script.
set -u
pith=$1 shared=$2 mode=${3:-}
repo=$(cd "$(dirname "$0")/../.." && pwd)
floors=$repo/tests/quality_floors.txt
margin=0.005
if [ ! -x "$shared/tools/quality.sh" ] && [ ! -f "$shared/tools/quality.sh" ]; then
  echo "skipped: $shared/tools/quality.sh is absent"
  exit 77
fi
pith=$(cd "$(dirname "$pith")" && pwd)/$(basename "$pith")
table=$(PITH=$pith bash "$shared/tools/quality.sh" "$shared/bench" 2>&1)
echo "$table"
echo
# WCXB: "wcxb-dev word F1=x ..." then "  article=x(n)  service=x(n) ..."
# and "page_type accuracy=x".
wcxb=
if [ -f "$shared/tools/wcxb.py" ] && [ -d "$shared/bench/wcxb-dev" ]; then
  wcxb=$(python3 "$shared/tools/wcxb.py" "$shared/bench/wcxb-dev" --pith "$pith" 2>&1)
  echo "$wcxb"
  echo
fi
# "name docs fail secs shingle P=.. R=.. F1=x ..." then, for metadata, a
# line of its own ending in "all=x" that belongs to the dataset above it.
measured=$(echo "$table" | awk '
  /F1=/ { ds=$1; for (i=1;i<=NF;i++) if ($i ~ /^F1=/) { sub(/^F1=/, "", $i); print ds, "f1", $i } }
  /metadata/ { for (i=1;i<=NF;i++) if ($i ~ /^all=/) { sub(/^all=/, "", $i); print ds, "metadata", $i } }')
measured=$measured$'\n'$(echo "$wcxb" | awk '
  /^wcxb-dev word F1=/ { v=$3; sub(/^F1=/, "", v); print "wcxb-dev", "f1", v }
  /^  article=/ { for (i=1;i<=NF;i++) { split($i, kv, "="); v=kv[2]; sub(/\(.*/, "", v); print "wcxb-" kv[1], "f1", v } }
  /^  metadata title=/ { for (i=2;i<=NF;i++) { n=split($i, kv, "="); if (n == 3) print "wcxb-dev", kv[1], kv[3] } }
  /page_type accuracy=/ { for (i=1;i<=NF;i++) if ($i ~ /^accuracy=/) { sub(/^accuracy=/, "", $i); print "wcxb-dev", "page_type", $i } }')
pass=0 fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
while read -r line; do
  case $line in ''|'#'*) echo "$line" >> "$tmp"; continue ;; esac
  read -r ds metric floor <<< "$line"
  got=$(echo "$measured" | awk -v d="$ds" -v m="$metric" '$1==d && $2==m {print $3}')
  if [ -z "$got" ]; then
    echo "FAIL $ds $metric: not measured (dataset missing or quality.sh failed)"; fail=$((fail + 1))
    echo "$line" >> "$tmp"; continue
  fi
  if awk -v g="$got" -v f="$floor" 'BEGIN{exit !(g + 1e-9 >= f)}'; then
    printf 'ok   %-12s %-9s %s (floor %s)\n' "$ds" "$metric" "$got" "$floor"; pass=$((pass + 1))
  else
    printf 'FAIL %-12s %-9s %s is below the floor %s\n' "$ds" "$metric" "$got" "$floor"; fail=$((fail + 1))
  fi
  new=$(awk -v g="$got" -v f="$floor" -v m="$margin" 'BEGIN{n=g-m; if (n > f) printf "%.3f", n; else print f}')
  if [ "$mode" = --update ] && [ "$new" != "$floor" ]; then echo "     raised $ds $metric floor $floor -> $new"; fi
  printf '%-15s %-9s %s\n' "$ds" "$metric" "$new" >> "$tmp"
done < "$floors"
if [ "$mode" = --update ]; then cp "$tmp" "$floors"; echo "updated $floors"; fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
