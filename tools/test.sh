#!/usr/bin/env bash
# The test command from README.md: configure, build and run the whole suite,
# then the Python module's tests (tests/python) when Debian's Python build
# packages are installed (otherwise they are skipped, saying which are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPITH_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
rc=0
(cd build && ctest --output-on-failure -j"$(nproc)") || rc=$?
# ctest lists skipped tests without their reason: print each one's "skipped:" line.
awk '/^[0-9]+\/[0-9]+ Testing: / { name = $3 } /^skipped: / { print "  " name ": " $0 }' \
  build/Testing/Temporary/LastTest.log | sort -u | sed '1i skipped tests and why (set PITH_SHARED_DIR to the shared folder, then rerun):' || true
[ $rc = 0 ] || exit $rc
bash tools/test_python.sh build
