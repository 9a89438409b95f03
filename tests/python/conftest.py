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


def make_warc(out, size_mb=3.0, layout="record-gz", corrupt_every=0, seed=1):
    """A realistic WARC from the shared pages (bench/make_warc.py: charsets,
    chunked and gzip'ed bodies, non-HTML, metadata records, damage every
    corrupt_every records); without the shared pages, tests/cli/warc_make.py's
    synthetic one. Returns {record type: count} as written (None when unknown)."""
    import re
    import subprocess
    import sys
    if (SHARED / "bench" / "scrapinghub").is_dir():
        r = subprocess.run([sys.executable, str(ROOT / "bench" / "make_warc.py"), "--out", str(out), "--size",
                            str(size_mb), "--layout", layout, "--corrupt-every", str(corrupt_every), "--seed",
                            str(seed), "--shared", str(SHARED)], capture_output=True, text=True, check=True)
        return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", r.stderr)}
    small = {"record-gz": "gz", "whole-gz": "wholegz", "plain": "plain", "zstd": "zst"}[layout]
    args = [sys.executable, str(ROOT / "tests" / "cli" / "warc_make.py"), str(out), small, "--pages", "12"]
    subprocess.run(args + (["--corrupt"] if corrupt_every else []), capture_output=True, check=True)
    return None


def two_statuses_warc(path):
    """Writes a WARC of two responses with an article each, HTTP 200 then 404 (tests/cli/warc_make.py)."""
    import sys
    sys.path.insert(0, str(ROOT / "tests" / "cli"))
    import warc_make as wm
    recs = [wm.record("response", "70000000-0000-0000-0000-000000000001", "https://news.example.com/ok",
                      "application/http; msgtype=response", wm.http(200, "text/html; charset=utf-8", wm.page(7))),
            wm.record("response", "70000000-0000-0000-0000-000000000002", "https://news.example.com/gone",
                      "application/http; msgtype=response", wm.http(404, "text/html; charset=utf-8", wm.page(8)))]
    path.write_bytes(b"".join(recs))
    return path


@pytest.fixture(scope="session")
def warcs(tmp_path_factory):
    """WARC files: clean in each layout, damaged, truncated. {name: (path, counts)}."""
    import shutil
    d = tmp_path_factory.mktemp("warcs")
    out = {}
    for name, kw in [("clean.warc.gz", {}), ("clean.warc", {"layout": "plain", "size_mb": 1.5}),
                     ("whole.warc.gz", {"layout": "whole-gz", "size_mb": 1.5}),
                     ("damaged.warc.gz", {"corrupt_every": 12, "seed": 2})]:
        out[name] = (d / name, make_warc(d / name, **kw))
    if shutil.which("zstd"):
        out["clean.warc.zst"] = (d / "clean.warc.zst", make_warc(d / "clean.warc.zst", layout="zstd", size_mb=1.5))
    data = out["clean.warc.gz"][0].read_bytes()
    (d / "truncated.warc.gz").write_bytes(data[: len(data) * 6 // 10])
    out["truncated.warc.gz"] = (d / "truncated.warc.gz", None)
    return out
