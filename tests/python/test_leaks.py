"""No Python object is leaked per call: after a warm-up of n calls (which
fills Python's free lists and pith's key cache), n more calls of each entry
point add fewer than n/2 blocks (sys.getallocatedblocks()); a leak of one
object per call would add n."""
import gc
import io
import sys
import warnings

import pith
from conftest import ROOT

PAGE = (ROOT / "examples" / "sample.html").read_bytes()


def blocks_after(fn, n):
    for _ in range(n):
        fn()
    gc.collect()
    before = sys.getallocatedblocks()
    for _ in range(n):
        fn()
    gc.collect()
    return sys.getallocatedblocks() - before


def check(fn, n=200):
    growth = blocks_after(fn, n)
    assert growth < n // 2, "%d blocks more after %d calls" % (growth, n)


def test_extract_does_not_leak():
    ex = pith.Extractor(comments=True)
    check(lambda: pith.extract(PAGE))
    check(lambda: pith.extract(PAGE.decode(), url="https://a.example/", format="markdown"))
    check(lambda: pith.extract(bytearray(PAGE), encoding="utf-8", favor="recall"))
    check(lambda: ex.extract(memoryview(PAGE), "https://a.example/"))


def test_errors_do_not_leak():
    def bad():
        for call in (lambda: pith.extract(5), lambda: pith.extract(PAGE, colour=1),
                     lambda: pith.extract(PAGE, encoding="nope"), lambda: pith.extract(PAGE, max_input_bytes=10)):
            try:
                call()
            except (TypeError, pith.Error):
                pass
    check(bad)


def test_warc_iterators_do_not_leak(tmp_path):
    import subprocess
    path = tmp_path / "small.warc.gz"
    subprocess.run([sys.executable, str(ROOT / "tests" / "cli" / "warc_make.py"), str(path), "gz", "--pages", "3",
                    "--corrupt"], check=True, capture_output=True)
    data = path.read_bytes()

    def read_all():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in pith.extract_warc(path):
                pass
            for _ in pith.extract_warc(io.BytesIO(data), format="json"):
                pass
            for _ in pith.read_warc(path):
                pass
        try:
            list(pith.read_warc(path, strict=True))
        except pith.WarcError:
            pass
    check(read_all, 300)
