"""Bad input is normal input: wrong types raise TypeError, limits raise
pith.LimitError or mark the result, and nothing crashes the interpreter."""
import threading

import pytest

import pith


@pytest.mark.parametrize("bad", [None, 5, 1.5, ["<p>"], {"html": "x"}, object()])
def test_non_bytes_raise_type_error(bad):
    with pytest.raises(TypeError, match="html must be bytes, bytearray, memoryview or str"):
        pith.extract(bad)
    with pytest.raises(TypeError):
        pith.Extractor().extract(bad)


def test_bytes_like_inputs_agree():
    page = b"<title>T</title><article><h1>Head</h1>" + b"<p>Some words of prose in a paragraph.</p>" * 30
    want = pith.extract(page)
    assert pith.extract(bytearray(page)) == want
    assert pith.extract(memoryview(page)) == want
    assert pith.extract(memoryview(b"xx" + page)[2:]) == want
    assert pith.extract(memoryview(bytearray(page))) == want
    import array
    assert pith.extract(array.array("B", page)) == want
    assert pith.extract(page.decode()) == want


def test_non_contiguous_memoryview_is_refused():
    with pytest.raises((BufferError, TypeError)):
        pith.extract(memoryview(b"<p>abcdef</p>" * 10)[::2])


@pytest.mark.parametrize("page", [b"", b"\x00" * 1000, b"\xff\xfe\xfd" * 1000, b"<" * 10000,
                                  b"<!--" + b"-" * 10000, b"<p>" + "\ud800 half".encode("utf-8", "surrogatepass")])
def test_odd_pages_give_a_result(page):
    d = pith.extract(page)
    assert set(d) >= {"text", "blocks", "warnings", "encoding"}


def test_lone_surrogates_in_str():
    d = pith.extract("<article><p>" + "A paragraph with a lone \udc80 surrogate in it. " * 20 + "</p></article>")
    assert "\ufffd" in d["text"] and "\udc80" not in d["text"]


def test_huge_page_hits_the_input_limit():
    page = b"<p>" + b"a" * (8 << 20)
    with pytest.raises(pith.LimitError) as e:
        pith.extract(page, max_input_bytes=4 << 20)
    assert e.value.code == "limit" and "limit" in e.value.message
    assert isinstance(e.value, pith.Error)


def test_deep_and_wide_pages_are_marked_partial():
    deep = b"<div>" * 100000 + b"<p>" + b"deep words " * 50 + b"</p>"
    assert pith.extract(deep)["warnings"] == ["max_depth"]
    wide = b"<article>" + b"<p>word word word word.</p>" * 200000 + b"</article>"
    d = pith.extract(wide, max_nodes=50000)
    assert d["warnings"] == ["max_nodes"] and d["text"]


def test_mutating_a_bytearray_during_extraction_is_safe():
    """A bytearray is copied before the GIL is released: another thread may change or resize it."""
    page = bytearray(b"<article>" + b"<p>Words of a long paragraph, again and again.</p>" * 40000 + b"</article>")
    stop = threading.Event()

    def mutate():
        i = 0
        while not stop.is_set():
            page[i % len(page)] = 0x3C
            i += 7919

    t = threading.Thread(target=mutate)
    t.start()
    try:
        for _ in range(3):
            pith.extract(page)
    finally:
        stop.set()
        t.join()


def test_errors_carry_the_c_message():
    with pytest.raises(pith.Error) as e:
        pith.extract(b"<p>x</p>" * 1000, max_output_bytes=10)
    assert e.value.message == "a configured limit was exceeded"
    assert str(e.value) == e.value.message
