"""Threads: pith releases the GIL while it works, results do not depend on
the thread, and one Extractor shared by two threads is refused, not raced."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import pith

BIG = b"<article>" + b"<p>A long paragraph of prose, with words, commas and full stops.</p>" * 120000 + b"</article>"


def test_threads_give_the_serial_results(shared_pages):
    pages = [p.read_bytes() for p, _ in shared_pages[::3]]
    want = [pith.extract(p) for p in pages]
    local = threading.local()

    def one(p):
        if not hasattr(local, "ex"):
            local.ex = pith.Extractor()
        return local.ex.extract(p)

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(one, pages * 2)) == want * 2
        assert list(pool.map(pith.extract, pages * 2)) == want * 2


def test_the_gil_is_released_while_extracting():
    """A pure-Python thread makes progress during one long extraction; it could not if the GIL were held."""
    count = 0
    stop = threading.Event()

    def spin():
        nonlocal count
        while not stop.is_set():
            count += 1

    pith.extract(BIG)  # warm the thread's extractor
    t = threading.Thread(target=spin)
    t.start()
    time.sleep(0.05)
    try:
        before = count
        t0 = time.perf_counter()
        pith.extract(BIG)
        took = time.perf_counter() - t0
        during = count - before
    finally:
        stop.set()
        t.join()
    assert during > 1000, "the spinning thread counted %d during a %.0f ms extraction" % (during, took * 1e3)


def test_sharing_an_extractor_between_threads_raises():
    ex = pith.Extractor()
    errors, results = [], []

    def worker():
        try:
            results.append(ex.extract(BIG))
        except RuntimeError as e:
            errors.append(e)

    for _ in range(10):
        ts = [threading.Thread(target=worker) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        if errors:
            break
    assert errors, "two threads never overlapped on one Extractor"
    assert "one Extractor per thread" in str(errors[0])
    assert all(r == results[0] for r in results)


def test_extractor_outlives_threads():
    exs = []

    def make():
        ex = pith.Extractor()
        ex.extract(b"<p>x</p>")
        exs.append(ex)

    t = threading.Thread(target=make)
    t.start()
    t.join()
    assert exs[0].extract(b"<article><p>" + b"words " * 100 + b"</p></article>")["text"]


@pytest.mark.parametrize("n", [1, 8])
def test_many_threads_with_pith_extract(n):
    page = b"<article><h1>T</h1>" + b"<p>Some prose here, long enough to count as an article.</p>" * 50
    want = pith.extract(page)
    with ThreadPoolExecutor(n) as pool:
        assert all(r == want for r in pool.map(lambda _: pith.extract(page), range(200)))
