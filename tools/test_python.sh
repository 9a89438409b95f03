#!/usr/bin/env bash
# tools/test_python.sh [BUILD_DIR]: the Python module's tests, as CI runs them.
# Builds the module with pip into BUILD_DIR/python-venv, a venv of Debian's
# own /usr/bin/python3 that sees Debian's packages (--system-site-packages),
# offline (--no-build-isolation), then runs pytest on tests/python against
# the CLI in BUILD_DIR. Without the Debian packages it needs it says which
# are missing and exits 0 (skipped); the Dask test also needs python3-dask
# and python3-distributed and skips itself without them.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
py=/usr/bin/python3
missing=()
[ -x "$py" ] || missing+=(python3)
if [ -x "$py" ]; then
  "$py" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  "$py" -c 'import setuptools' 2>/dev/null || missing+=(python3-setuptools)
  "$py" -c 'import wheel' 2>/dev/null || missing+=(python3-wheel)
  "$py" -c 'import pytest' 2>/dev/null || missing+=(python3-pytest)
  "$py" -c 'import os, sysconfig; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' \
    2>/dev/null || missing+=(python3-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/python: SKIPPED: the Python module's tests need Debian's ${missing[*]} (apt-get install them)"
  exit 0
fi
venv=$build/python-venv
[ -x "$venv/bin/python" ] || "$py" -m venv --system-site-packages "$venv"
echo "tests/python: building the module (pip install --no-build-isolation .)"
PITH_BUILD_JOBS=$(nproc) "$venv/bin/pip" install -q --no-build-isolation --no-deps --no-index \
  --disable-pip-version-check .
# From tests/python, so that `import pith` is the installed module, not python/pith.
cd tests/python
PITH_CLI="$OLDPWD/$build/pith" "$OLDPWD/$venv/bin/python" -m pytest -q -p no:cacheprovider .
