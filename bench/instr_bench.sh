#!/usr/bin/env bash
# Instructions per input byte (valgrind's callgrind), HTML -> JSON and parsing
# alone, for one or more builds side by side: deterministic, so a change can
# be judged on a loaded machine where CPU times move by +-10 %.
#
#   bench/instr_bench.sh [--dense] [--pages N] BUILD_DIR... [-- PAGES...]
#
# Runs BUILD_DIR/bench/extract_bench --runs 1 [--dense] [--pages N] PAGES
# (default: its own default set, the 221 scrapinghub + readability pages)
# under callgrind twice per build: counting only end_to_end() (the warm-up
# pass and one timed pass: 2x the set) and only parse_only() (one pass).
# Pages are read and decompressed outside both, so that is not counted.
set -euo pipefail
opts=() builds=() pages=()
while [ $# -gt 0 ]; do
  case $1 in
  --dense) opts+=(--dense); shift ;;
  --pages) opts+=(--pages "$2"); shift 2 ;;
  --) shift; pages=("$@"); break ;;
  *) builds+=("$1"); shift ;;
  esac
done
[ ${#builds[@]} -gt 0 ] || { echo "usage: bench/instr_bench.sh [--dense] [--pages N] BUILD_DIR... [-- PAGES...]" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count() { # BIN FUNCTION -> "Ir bytes"
  valgrind --tool=callgrind --toggle-collect="$2" --callgrind-out-file="$tmp/out" "$1" --runs 1 "${opts[@]}" \
    "${pages[@]}" > "$tmp/log" 2>/dev/null
  echo "$(awk '/^summary:/ {print $2}' "$tmp/out") $(sed -n 's/.*MB, \([0-9]*\) bytes).*/\1/p' "$tmp/log")"
}
printf "%-40s %14s %10s %14s %10s\n" build "Ir HTML->JSON" "Ir/byte" "Ir parse" "Ir/byte"
for b in "${builds[@]}"; do
  read -r e bytes < <(count "$b/bench/extract_bench" end_to_end)
  read -r p _ < <(count "$b/bench/extract_bench" parse_only)
  awk -v b="$b" -v e="$e" -v p="$p" -v n="$bytes" \
    'BEGIN { printf "%-40s %14.0f %10.1f %14.0f %10.1f\n", b, e / 2, e / 2 / n, p, p / n }'
done
