#!/usr/bin/env bash
# Scores pith's metadata on the readability pages, page by page if asked:
#   tools/meta_eval.sh [BUILD_DIR] [SHARED_DIR] [--per-doc]
# Runs BUILD_DIR/pith -f json on each page into a temporary folder and scores
# the folder with ../shared/tools/metadata.py (quality.sh prints the same
# total; --per-doc shows which pages miss which field).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=${2:-../shared}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$shared"/bench/readability/*.html; do
  "$build/pith" -f json "$f" > "$out/$(basename "$f" .html).json" 2>/dev/null || true
done
python3 "$shared/tools/metadata.py" "$shared/bench/readability" "$out" ${3:-}
