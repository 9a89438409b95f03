#!/usr/bin/env bash
# Instruction counts (valgrind's callgrind) of linear_bench's shapes at
# KIB and 4*KIB: deterministic, so unlike wall time on a shared machine
# they separate a superlinear algorithm (ratio well above 4.0 for the
# two doublings) from cache and page-fault effects. The count includes
# building the input, which is linear.
#
# usage: bench/linear_instr.sh BUILD_DIR [KIB] [SHAPE...]
set -euo pipefail
bin=${1:?usage: bench/linear_instr.sh BUILD_DIR [KIB] [SHAPE...]}/bench/linear_bench
kib=${2:-512}
shift $(( $# >= 2 ? 2 : 1 ))
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(text tags table attrs deep deep-closed entities script links lists comments meta inline-deep)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$bin" once "$1" "$2" >/dev/null 2>&1
  awk '/^summary:/ {print $2}' "$tmp/out"
}
printf "%-12s %14s %14s %8s %8s\n" shape "Ir@${kib}K" "Ir@$((kib * 4))K" "x4 ratio" "per 2x"
for s in "${shapes[@]}"; do
  a=$(count "$s" "$kib")
  b=$(count "$s" $((kib * 4)))
  awk -v s="$s" -v a="$a" -v b="$b" 'BEGIN { r = b / a; printf "%-12s %14.0f %14.0f %8.2f %8.2f\n", s, a, b, r, sqrt(r) }'
done
