#!/usr/bin/env python3
"""python_dask.py - pith.dask against the CLI's -j N on the same WARC files.

    python3 bench/python_dask.py [--runs N] [--workers N] [--size MB] [--pith PATH] [WARC...]

Run it with the Python that has pith and Dask installed (e.g. the venv of
tools/test.sh: build/python-venv/bin/python). Without WARC arguments it makes
three files of --size MB (default 150) from the shared pages with
bench/make_warc.py in a temporary folder, the third with damage. Then, runs
alternating, best and median of --runs (default 3) each:

  cli       pith -q -j N FILES > /dev/null          (one reader, N extraction threads)
  command   python3 -m pith.dask --workers N ...     (starts and stops a LocalCluster)
  warm      pith.dask.extract_warcs on a LocalCluster of N workers started beforehand

and the per-file seconds the Dask tasks report. One task per file: with 3
files on 2 workers the last file runs alone, so the best Dask can do is about
2 files' time where the CLI, which shares one file's records among its
threads, needs 1.5.
"""
import argparse
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd):
    t = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("warcs", nargs="*")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--size", type=float, default=150)
    ap.add_argument("--pith", default=os.path.join(ROOT, "build", "pith"))
    a = ap.parse_args()
    import distributed
    import pith.dask
    tmp = tempfile.mkdtemp(prefix="pith-dask-bench-")
    try:
        files = a.warcs
        if not files:
            for name, corrupt in (("a", 0), ("b", 0), ("c", 500)):
                path = os.path.join(tmp, name + ".warc.gz")
                subprocess.run([sys.executable, os.path.join(HERE, "make_warc.py"), "--out", path, "--size",
                                str(a.size), "--corrupt-every", str(corrupt), "--seed", str(ord(name))], check=True,
                               stderr=subprocess.DEVNULL)
                files.append(path)
        mb = sum(os.path.getsize(f) for f in files) / 1e6
        print("%d files, %.1f MB on disk; %d workers / -j %d; load average %.1f"
              % (len(files), mb, a.workers, a.workers, os.getloadavg()[0]))
        out = os.path.join(tmp, "out")
        cli, cmd = [], []
        for _ in range(a.runs):
            cli.append(timed([a.pith, "-q", "-j", str(a.workers)] + files))
            shutil.rmtree(out, ignore_errors=True)
            cmd.append(timed([sys.executable, "-m", "pith.dask", "-q", "--workers", str(a.workers), "--output-dir",
                              out] + files))
        cluster = distributed.LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
        client = distributed.Client(cluster)
        warm, per_file = [], []
        for _ in range(a.runs):
            shutil.rmtree(out, ignore_errors=True)
            t = time.monotonic()
            s = pith.dask.extract_warcs(files, out, client)
            warm.append(time.monotonic() - t)
            per_file.append([f["seconds"] for f in s["files"]])
        client.close()
        cluster.close()
        for name, v in (("cli -j %d" % a.workers, cli), ("python3 -m pith.dask", cmd), ("extract_warcs, warm", warm)):
            print("  %-22s best %6.2f s, median %6.2f s" % (name, min(v), statistics.median(v)))
        print("  task seconds per file (each run): %s" % per_file)
        print("load average at the end: %.1f" % os.getloadavg()[0])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
