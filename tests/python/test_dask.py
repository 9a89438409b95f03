"""pith.dask on a real distributed.LocalCluster: 2 workers over 3 WARC files,
one damaged; each output equals the CLI's JSON Lines for its file, the exit
status is the CLI's, a rerun skips complete outputs."""
import gzip
import json
import os
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # tornado, inside distributed
pytest.importorskip("dask", reason="needs Debian's python3-dask")
distributed = pytest.importorskip("distributed", reason="needs Debian's python3-distributed")

import pith  # noqa: E402
import pith.dask  # noqa: E402
from conftest import json_lines, two_statuses_warc  # noqa: E402


@pytest.fixture(scope="module")
def three(warcs, tmp_path_factory):
    """a.warc.gz, b.warc (clean) and c.warc.gz (damaged), with what the CLI gives for each."""
    d = tmp_path_factory.mktemp("three")
    files = []
    for src, dst in (("clean.warc.gz", "a.warc.gz"), ("clean.warc", "b.warc"), ("damaged.warc.gz", "c.warc.gz")):
        shutil.copy(warcs[src][0], d / dst)
        files.append(d / dst)
    return files


@pytest.fixture(scope="module")
def client():
    import logging
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=logging.ERROR)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def outputs(outdir):
    return sorted(p for p in os.listdir(outdir) if not p.startswith("_"))


def read_jsonl(path):
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return json_lines(data)


def test_two_workers_three_files_equal_the_cli(cli, three, client, tmp_path):
    out = tmp_path / "out"
    s = pith.dask.extract_warcs([str(p) for p in three], str(out), client)
    assert outputs(out) == ["a.jsonl", "b.jsonl", "c.jsonl"]
    statuses = {}
    for p, entry in zip(three, s["files"]):
        r = cli(["-q", p])
        assert read_jsonl(out / entry["output"]) == json_lines(r.stdout), p.name
        assert (r.returncode == 1) == (entry["status"] == "damaged")
        statuses[p.name] = entry["status"]
        assert entry["articles"] == len(json_lines(r.stdout)) and entry["records"] > entry["articles"]
    assert statuses == {"a.warc.gz": "ok", "b.warc": "ok", "c.warc.gz": "damaged"}
    assert s["files"][2]["errors"] and all(e["offset"] > 0 for e in s["files"][2]["errors"])
    on_disk = json.loads((out / "_summary.json").read_text())
    assert on_disk["files"] == s["files"] and on_disk["totals"]["articles"] == sum(e["articles"] for e in s["files"])
    assert pith.dask.exit_status(s) == 1 == cli(["-q"] + three).returncode
    assert pith.dask.exit_status(pith.dask.extract_warcs([str(p) for p in three[:2]], str(tmp_path / "ab"),
                                                         client)) == 0 == cli(["-q"] + three[:2]).returncode

    # A rerun skips the complete outputs and leaves them as they are.
    mtimes = {n: os.stat(out / n).st_mtime_ns for n in outputs(out)}
    again = pith.dask.extract_warcs([str(p) for p in three], str(out), client)
    assert [e["status"] for e in again["files"]] == ["skipped"] * 3
    assert {n: os.stat(out / n).st_mtime_ns for n in outputs(out)} == mtimes
    assert pith.dask.exit_status(again) == 1  # c's damage is remembered
    # A lost output is made again; the others are still skipped.
    os.unlink(out / "b.jsonl")
    third = pith.dask.extract_warcs([str(p) for p in three], str(out), client)
    assert [e["status"] for e in third["files"]] == ["skipped", "ok", "skipped"]
    assert read_jsonl(out / "b.jsonl") == json_lines(cli(["-q", three[1]]).stdout)


def test_same_base_names_and_a_missing_file(three, client, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(three[0], other / "a.warc.gz")
    out = tmp_path / "out"
    s = pith.dask.extract_warcs([str(three[0]), str(other / "a.warc.gz"), str(tmp_path / "gone.warc.gz")], str(out),
                                client, comments=True)
    names = [e["output"] for e in s["files"]]
    assert len(set(names[:2])) == 2 and all(n.startswith("a-") and n.endswith(".jsonl") for n in names[:2])
    assert read_jsonl(out / names[0]) == read_jsonl(out / names[1]) == list(pith.extract_warc(three[0],
                                                                                              comments=True))
    assert s["files"][2]["status"] == "failed" and "gone.warc.gz" in s["files"][2]["failure"]
    assert not (out / "gone.jsonl").exists() and not [n for n in os.listdir(out) if ".tmp-" in n]
    assert pith.dask.exit_status(s) == 1


def test_output_names():
    assert pith.dask.output_names(["/x/a.warc.gz", "/y/b.warc", "c.WARC.ZST", "d"]) == \
        ["a.jsonl", "b.jsonl", "c.jsonl", "d.jsonl"]
    two = pith.dask.output_names(["/x/a.warc.gz", "/y/a.warc"], compress=True)
    assert two[0] != two[1] and all(n.endswith(".jsonl.gz") for n in two)
    assert two == pith.dask.output_names(["/x/a.warc.gz", "/y/a.warc"], compress=True)  # stable


def test_the_command(cli, three, tmp_path):
    """python3 -m pith.dask --workers 2 --output-dir DIR a b c: the CLI's articles and exit status."""
    out = tmp_path / "cmd"
    r = subprocess.run([sys.executable, "-m", "pith.dask", "--workers", "2", "--output-dir", str(out), "--compress",
                        "--favor", "precision"] + [str(p) for p in three], capture_output=True, text=True, timeout=300)
    assert r.returncode == cli(["-q", "--favor", "precision"] + three).returncode == 1, r.stderr
    assert outputs(out) == ["a.jsonl.gz", "b.jsonl.gz", "c.jsonl.gz"]
    for p, name in zip(three, ["a.jsonl.gz", "b.jsonl.gz", "c.jsonl.gz"]):
        assert read_jsonl(out / name) == json_lines(cli(["-q", "--favor", "precision", p]).stdout), name
    assert "c.warc.gz: offset" in r.stderr and "summary in" in r.stderr
    usage = subprocess.run([sys.executable, "-m", "pith.dask", str(three[0])], capture_output=True, text=True)
    assert usage.returncode == 2 and "--output-dir" in usage.stderr


def test_the_command_all_statuses(cli, tmp_path):
    """--all-statuses is extract_warcs(..., all_statuses=True) and the CLI's --all-statuses: a WARC holding a 200
    and a 404 page gives the 200 alone by default, both with the flag."""
    path = two_statuses_warc(tmp_path / "s.warc")
    statuses = {}
    for flags in ([], ["--all-statuses"]):
        out = tmp_path / ("out" + "".join(flags))
        r = subprocess.run([sys.executable, "-m", "pith.dask", "--workers", "1", "-q", "--output-dir", str(out)] +
                           flags + [str(path)], capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        got = read_jsonl(out / "s.jsonl")
        assert got == json_lines(cli(["-q"] + flags + [path]).stdout)
        statuses[tuple(flags)] = [d["http_status"] for d in got]
    assert statuses == {(): [200], ("--all-statuses",): [200, 404]}
    assert "--all-statuses" in subprocess.run([sys.executable, "-m", "pith.dask", "--help"], capture_output=True,
                                              text=True).stdout
