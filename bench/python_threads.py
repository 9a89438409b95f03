#!/usr/bin/env python3
"""python_threads.py - the Python module's speed: threads, and cost per page against C.

    python3 bench/python_threads.py [--runs N] [--passes K] [--threads T]
                                    [--extract-bench PATH] [DIR...]

Run it with the Python that has pith installed (e.g. a venv made by
tools/test.sh: build/python-venv/bin/python). DIRs are searched for *.html
(default: the shared ScrapingHub and readability pages beside the checkout).
All pages are read into memory first. It prints:

  threads   One thread, then T threads (default 2), each running K passes
            (default 3) over every page with its own pith.Extractor; the
            T-thread run does T times the work. Speed-up = T x wall(1) /
            wall(T). The runs alternate (1, T, 1, T, ...) and the best of N
            (default 5) of each counts: on a shared machine the best run is
            the one least disturbed by others. The load average is printed:
            with other work on the cores, T threads cannot reach T x.
  per page  Thread CPU time per page, best and median of N alternating
            runs, for: the C benchmark bench/extract_bench (HTML -> JSON
            text, one extractor; run as a subprocess on the same pages, one
            pass after its warm-up), pith.Extractor.extract()
            returning the JSON as a str (the C work plus the call), the same
            returning the dict (plus building Python objects), and
            pith.extract() (plus its per-thread extractor lookup).
            Overhead = Python / C - 1. From the best times it also estimates
            the speed-up on idle cores (Amdahl's law with the GIL held for
            pith.extract()'s time over C's), which a loaded machine's wall
            clock cannot show.

For instruction counts instead of times (steady on a busy machine):
    valgrind --tool=callgrind python3 bench/python_threads.py --callgrind DIR
runs one pass of pith.extract() over the pages and nothing else; compare its
inclusive cost of mod_extract with extract_bench's end_to_end (per pass).
"""
import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_pages(dirs):
    paths = []
    for d in dirs:
        if os.path.isdir(d):
            paths += sorted(glob.glob(os.path.join(d, "**", "*.htm*"), recursive=True))
        else:
            paths.append(d)
    pages = []
    for p in paths:
        with open(p, "rb") as f:
            pages.append(f.read())
    return pages


def passes(ex, pages, k):
    for _ in range(k):
        for p in pages:
            ex.extract(p)


def threaded_wall(pith, pages, k, n):
    """Wall seconds for n threads each doing k passes with its own Extractor."""
    exs = [pith.Extractor() for _ in range(n)]
    for ex in exs:  # warm each extractor's memory
        passes(ex, pages[:20], 1)
    barrier = threading.Barrier(n + 1)

    def work(ex):
        barrier.wait()
        passes(ex, pages, k)

    ts = [threading.Thread(target=work, args=(ex,)) for ex in exs]
    for t in ts:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


def cpu_per_page(fn, pages, runs):
    """Median thread CPU seconds per page over runs passes."""
    fn(pages[0])
    times = []
    for _ in range(runs):
        t0 = time.thread_time()
        for p in pages:
            fn(p)
        times.append(time.thread_time() - t0)
    return statistics.median(times) / len(pages)


def extract_bench_ms(binary, dirs, runs):
    out = subprocess.run([binary, "--runs", str(runs)] + dirs, capture_output=True, text=True, check=True).stdout
    total_ms = pages = 0.0
    for line in out.splitlines():
        m = re.match(r"^(\S+)\s+(\d+)\s+[\d.]+\s+[\d.]+\s+\d+\s+([\d.]+)\s", line)
        if m and m.group(1) != "all":
            pages += int(m.group(2))
            total_ms += int(m.group(2)) * float(m.group(3))
    return total_ms / pages if pages else None


def _autogroup():
    try:
        with open("/proc/sys/kernel/sched_autogroup_enabled") as f:
            return f.read().strip() == "1"
    except OSError:
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--extract-bench", default=os.path.join(ROOT, "build", "bench", "extract_bench"))
    ap.add_argument("--callgrind", action="store_true", help="one pass of pith.extract(), nothing else")
    a = ap.parse_args()
    try:
        import pith
    except ImportError:
        sys.exit("python_threads.py: cannot import pith; run it with the Python of a venv where "
                 "`pip install --no-build-isolation .` was run (tools/test.sh makes build/python-venv)")
    shared = os.environ.get("PITH_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
    dirs = a.dirs or [os.path.join(shared, "bench", "scrapinghub"), os.path.join(shared, "bench", "readability")]
    pages = load_pages(dirs)
    if not pages:
        sys.exit("python_threads.py: no pages in %s" % " ".join(dirs))
    if a.callgrind:
        for p in pages:
            pith.extract(p)
        return
    mb = sum(map(len, pages)) / 1e6
    print("pith %s, Python %s, %d pages (%.1f MB), %d cores, load average %.1f at start"
          % (pith.__version__, sys.version.split()[0], len(pages), mb, os.cpu_count(), os.getloadavg()[0]))

    one, many = [], []
    for _ in range(a.runs):
        one.append(threaded_wall(pith, pages, a.passes, 1))
        many.append(threaded_wall(pith, pages, a.passes, a.threads))
    w1, wn = min(one), min(many)
    print("\nthreads (best of %d, %d passes per thread)" % (a.runs, a.passes))
    print("  1 thread:  %6.2f s wall, %6.1f pages/s" % (w1, a.passes * len(pages) / w1))
    print("  %d threads: %6.2f s wall, %6.1f pages/s, speed-up %.2fx (median runs: %.2fx)"
          % (a.threads, wn, a.threads * a.passes * len(pages) / wn, a.threads * w1 / wn,
             a.threads * statistics.median(one) / statistics.median(many)))
    print("  load average at the end: %.1f" % os.getloadavg()[0])

    ex = pith.Extractor()
    variants = [
        ("Extractor.extract(format='json') -> str", lambda p: ex.extract(p, format="json")),
        ("Extractor.extract() -> dict", ex.extract),
        ("pith.extract() -> dict", pith.extract),
    ]
    have_c = os.path.exists(a.extract_bench)
    if not have_c:
        print("\n(no %s: build it with cmake to compare with C)" % a.extract_bench)
    # Alternating: one C run, then one pass of each Python variant, a.runs times.
    times = {name: [] for name, _ in variants}
    c_times = []
    for _ in range(a.runs):
        if have_c:
            c_times.append(extract_bench_ms(a.extract_bench, dirs, 1))
        for name, fn in variants:
            times[name].append(1e3 * cpu_per_page(fn, pages, 1))
    print("\nper page (thread CPU time; best and median of %d alternating runs)" % a.runs)
    c_best = min(c_times) if c_times else None
    c_med = statistics.median(c_times) if c_times else None
    if c_times:
        print("  %-42s %.3f ms  %.3f ms" % ("C: extract_bench (HTML -> JSON text)", c_best, c_med))
    for name, _ in variants:
        best, med = min(times[name]), statistics.median(times[name])
        over = " (%+.1f %%, %+.1f %%)" % (100 * (best / c_best - 1), 100 * (med / c_med - 1)) if c_times else ""
        print("  %-42s %.3f ms  %.3f ms%s" % (name, best, med, over))
    if c_times:
        # Idle-machine estimate, independent of the load: the C work (extract_bench's time) runs with the
        # GIL released, the rest of a pith.extract() call holds it. With f the held share, T threads on T
        # idle cores reach at least T / (1 + (T - 1) f) times one thread (Amdahl's law, no held part
        # overlapping another thread's C work).
        py = min(times["pith.extract() -> dict"])
        f = max(0.0, 1 - c_best / py)
        print("\n  GIL held for %.1f %% of a pith.extract() call (its time over C's, best runs): on %d idle cores "
              "%d threads reach >= %.2fx one" % (100 * f, a.threads, a.threads, a.threads / (1 + (a.threads - 1) * f)))
        if _autogroup():
            print("  (the wall-time speed-up above needs idle cores: with sched_autogroup, as here, a busy machine "
                  "gives this session's threads one share however many they are)")

if __name__ == "__main__":
    main()
