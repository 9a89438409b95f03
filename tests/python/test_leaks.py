"""No Python object is leaked per call.

Each check runs in a fresh interpreter (this file run as a script), because
sys.getallocatedblocks() counts the whole process: threads that other tests
leave behind allocate while a check runs (distributed's 'IO loop' and
'Profile' threads outlive LocalCluster.close(); the profiler samples the
main thread's stack into a deque every 2 s), which made this test fail
after test_dask with ~150-230 blocks that pith never allocated.

After a warm-up of n calls, rounds of n calls are measured, up to ROUNDS of
them; the check passes at the first round that adds fewer than n/2 blocks
(caches still filling - Python's free lists and method caches, pith's key
cache, the warnings registry - grow less in each round and then stop). A
leak of one object per call adds at least n blocks in every round, so it
fails: test_the_check_sees_a_leak proves that on a function that keeps one
object per call.
"""
import gc
import io
import json
import subprocess
import sys
import warnings
from pathlib import Path

ROUNDS = 5
HERE = Path(__file__).resolve().parent


def growth_rounds(fn, n):
    """The blocks added by each round of n calls, after a warm-up of n;
    stops at the first round under n/2."""
    for _ in range(n):
        fn()
    rounds = []
    for _ in range(ROUNDS):
        gc.collect()
        before = sys.getallocatedblocks()
        for _ in range(n):
            fn()
        gc.collect()
        rounds.append(sys.getallocatedblocks() - before)
        if rounds[-1] < n // 2:
            break
    return rounds


# ---------------------------------------------------------------- the checks, run in the child

def checks(warc):
    import pith
    root = HERE.parents[1]
    page = (root / "examples" / "sample.html").read_bytes()
    ex = pith.Extractor(comments=True)
    data = Path(warc).read_bytes() if warc else b""

    def errors():
        for call in (lambda: pith.extract(5), lambda: pith.extract(page, colour=1),
                     lambda: pith.extract(page, encoding="nope"), lambda: pith.extract(page, max_input_bytes=10)):
            try:
                call()
            except (TypeError, pith.Error):
                pass

    def warc_all():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in pith.extract_warc(warc):
                pass
            for _ in pith.extract_warc(io.BytesIO(data), format="json"):
                pass
            for _ in pith.read_warc(warc):
                pass
            for _ in pith.read_warc(io.BytesIO(data)):
                pass
        try:
            list(pith.read_warc(warc, strict=True))
        except pith.WarcError:
            pass

    kept = []

    return {
        "extract": (lambda: pith.extract(page), 200),
        "extract_str": (lambda: pith.extract(page.decode(), url="https://a.example/", format="markdown"), 200),
        "extract_bytearray": (lambda: pith.extract(bytearray(page), encoding="utf-8", favor="recall"), 200),
        "extractor": (lambda: ex.extract(memoryview(page), "https://a.example/"), 200),
        "errors": (errors, 200),
        "warc": (warc_all, 300),
        # The check's own test: one object kept per call.
        "leaky": (lambda: kept.append(object()), 200),
    }


def run_isolated(names, warc=None):
    """{name: [growth of each round], "n": {name: n}} from a fresh interpreter."""
    r = subprocess.run([sys.executable, str(Path(__file__).resolve()), json.dumps([names, warc and str(warc)])],
                       capture_output=True, text=True, cwd=str(HERE))
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def assert_no_leak(result, name):
    rounds, n = result[name], result["n"][name]
    assert min(rounds) < n // 2, "%s: %s blocks more in each round of %d calls" % (name, rounds, n)


def test_extract_does_not_leak():
    names = ["extract", "extract_str", "extract_bytearray", "extractor"]
    result = run_isolated(names)
    for name in names:
        assert_no_leak(result, name)


def test_errors_do_not_leak():
    assert_no_leak(run_isolated(["errors"]), "errors")


def test_warc_iterators_do_not_leak(tmp_path):
    path = tmp_path / "small.warc.gz"
    subprocess.run([sys.executable, str(HERE.parents[1] / "tests" / "cli" / "warc_make.py"), str(path), "gz",
                    "--pages", "3", "--corrupt"], check=True, capture_output=True)
    assert_no_leak(run_isolated(["warc"], path), "warc")


def test_the_check_sees_a_leak():
    result = run_isolated(["leaky"])
    assert len(result["leaky"]) == ROUNDS and min(result["leaky"]) >= result["n"]["leaky"], result


if __name__ == "__main__":
    names, warc = json.loads(sys.argv[1])
    table = checks(warc)
    out = {"n": {}}
    for name in names:
        fn, n = table[name]
        out[name] = growth_rounds(fn, n)
        out["n"][name] = n
    print(json.dumps(out))
