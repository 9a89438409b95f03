#!/usr/bin/env bash
# The test command from README.md: configure, build and run the whole suite,
# then the Python module's tests (tests/python) when Debian's Python build
# packages are installed (otherwise they are skipped, saying which are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
bash tools/test_python.sh build
