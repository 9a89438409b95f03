#!/usr/bin/env bash
# Runs every libFuzzer target (or the ones named) for SECONDS each, starting
# from the committed corpus plus fresh seeds, then minimises what it found
# back into fuzz/corpus/<target>/ (commit that). Findings (crash-*, leak-*,
# timeout-*) are left in build-fuzz/findings/<target>/.
#
# usage: fuzz/run.sh SECONDS [TARGET...]      e.g. fuzz/run.sh 600 parse
#        fuzz/run.sh 0 TARGET                 only re-minimise the corpus
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DPITH_FUZZ=ON -DPITH_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do t=$(basename "$f" .c); targets+=("${t#fuzz_}"); done
fi
seeds=build-fuzz/seeds
python3 fuzz/make_seeds.py "$seeds" >/dev/null
# Keeps only inputs that add coverage, each cut to $CUT bytes (default
# 4 KiB) first so that the
# committed corpora stay small (whole pages add little over their first
# kilobytes); WARC inputs are kept whole (a cut gzip member is a different
# input).
minimise() {
  local t=$1 bin=$2 work=$3 cut out
  cut=$(mktemp -d)
  out=$(mktemp -d)
  for f in "fuzz/corpus/$t"/* "$work"/*; do
    [ -f "$f" ] || continue
    if [ "$t" = warc ]; then cp "$f" "$cut/"; else head -c "${CUT:-4096}" "$f" >"$cut/$(basename "$f")"; fi
  done
  "$bin" -merge=1 "$out" "$cut" >/dev/null 2>&1 || true
  rm -rf "fuzz/corpus/$t" "$cut" && mv "$out" "fuzz/corpus/$t"
  chmod 755 "fuzz/corpus/$t"
}

# CPU seconds used so far by this script's finished children (the fuzzer),
# in CPU_NOW: the issue counts CPU time, and wall time overstates it on a
# busy machine. `times` must run in this shell: in a pipeline or a $(...)
# it would report a subshell's (empty) children, so it writes to a file.
cpu_now() {
  local f
  f=$(mktemp)
  times >"$f"
  CPU_NOW=$(awk 'NR==2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1]*60+u[2]+s[1]*60+s[2] }' "$f")
  rm -f "$f"
}

for t in "${targets[@]}"; do
  bin=build-fuzz/fuzz/fuzz_$t
  work=build-fuzz/work/$t
  found=build-fuzz/findings/$t
  mkdir -p "$work" "$found" "fuzz/corpus/$t"
  dict=()
  [ -f "fuzz/dict/$t.dict" ] && dict=(-dict="fuzz/dict/$t.dict")
  echo "== $t: ${secs}s"
  mkdir -p "$seeds/$t"
  start=$(date +%s)
  cpu_now
  cpu0=$CPU_NOW
  # Keep going after a finding (-fork with -ignore_crashes would need more
  # cores than we have): a finding stops the run, it is saved, and the
  # loop restarts (five runs at most: a finding that comes back at once
  # needs a fix first) until the time is used up.
  for _run in 1 2 3 4 5; do
    left=$(( secs - ($(date +%s) - start) ))
    [ "$left" -gt 5 ] || break
    "$bin" "$work" "fuzz/corpus/$t" "$seeds/$t" "${dict[@]}" -max_total_time="$left" \
      -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$found/" -print_final_stats=1 \
      2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss|#[0-9]+.*DONE|==[0-9]+==ERROR|SUMMARY|artifact|.*invariant failed)" \
      | tee -a "build-fuzz/log-$t.txt" || true
  done
  cpu_now
  echo "   $t: $(( $(date +%s) - start ))s wall, $(( CPU_NOW - cpu0 ))s CPU" | tee -a "build-fuzz/log-$t.txt"
  minimise "$t" "$bin" "$work"
  echo "   corpus: $(ls "fuzz/corpus/$t" | wc -l) files; findings: $(ls "$found" | wc -l)"
done
