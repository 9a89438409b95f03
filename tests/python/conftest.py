"""Shared fixtures of the Python module's tests (pytest, run by tools/test.sh).

They test the installed module `pith` against the CLI built by CMake:
PITH_CLI names the CLI (default: build/pith), PITH_SHARED_DIR the shared
benchmark folder (default: ../shared beside the checkout). Tests that need
what is missing are skipped with the reason.
"""
import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(os.environ.get("PITH_CLI", ROOT / "build" / "pith"))
SHARED = Path(os.environ.get("PITH_SHARED_DIR", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def cli():
    """A function running the CLI: cli(args, input=None) -> CompletedProcess (bytes)."""
    if not os.access(CLI, os.X_OK):
        pytest.skip("no pith CLI at %s (build it with cmake, or set PITH_CLI)" % CLI)

    def run(args, input=None, check=True):
        r = subprocess.run([str(CLI)] + [str(a) for a in args], input=input, capture_output=True)
        if check and r.returncode not in (0, 1):
            raise AssertionError("pith %s: exit %d: %s" % (args, r.returncode, r.stderr.decode(errors="replace")))
        return r

    return run


def json_lines(data):
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def bench_dir(name):
    d = SHARED / "bench" / name
    if not d.is_dir():
        pytest.skip("no shared benchmark folder %s (set PITH_SHARED_DIR to the shared folder)" % d)
    return d


@pytest.fixture(scope="session")
def shared_pages():
    """[(path, url or None)] of every ScrapingHub and readability page."""
    pages = []
    for name in ("scrapinghub", "readability"):
        for html in sorted(bench_dir(name).glob("*.html")):
            meta = html.with_suffix(".json")
            url = json.loads(meta.read_text()).get("url") if meta.exists() else None
            pages.append((html, url))
    return pages


@pytest.fixture(scope="session")
def wcxb_sample():
    """[(html bytes, url)] of every 10th WCXB development page."""
    d = bench_dir("wcxb-dev")
    out = []
    for gz in sorted(d.glob("*.html.gz"))[::10]:
        meta = json.loads(gz.with_name(gz.name[:-len(".html.gz")] + ".json").read_text())
        out.append((gzip.decompress(gz.read_bytes()), meta.get("url")))
    return out
