#!/usr/bin/env bash
# Scores pith's metadata on the readability pages:
#   tools/meta_eval.sh [BUILD_DIR] [SHARED_DIR] [--per-doc]
# Builds tools/meta_eval.c against BUILD_DIR's libpith.a, writes one JSON per
# page into a temporary folder and runs ../shared/tools/metadata.py on it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=${2:-../shared}
out=$(mktemp -d)
trap 'rm -rf "$out" "$out.bin"' EXIT
jansson=$(pkg-config --libs jansson 2>/dev/null || true)
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude tools/meta_eval.c "$build/libpith.a" \
  $jansson $(pkg-config --libs zlib libdeflate libzstd 2>/dev/null || true) -lm -o "$out.bin"
"$out.bin" "$shared/bench/readability" "$out"
python3 "$shared/tools/metadata.py" "$shared/bench/readability" "$out" ${3:-}
