"""Options reach the C library as the CLI's flags do, and bad options are
refused with a Python error naming them."""
import json
import re
from pathlib import Path

import pytest

import pith
from conftest import ROOT

# keyword -> the CLI flags that ask the same.
CASES = [
    ({"comments": True}, ["--comments"]),
    ({"tables": False}, ["--no-tables"]),
    ({"links": True}, ["--links"]),
    ({"images": True}, ["--images"]),
    ({"captions": True, "images": True}, ["--captions", "--images"]),
    ({"favor": "precision"}, ["--favor", "precision"]),
    ({"favor": "recall"}, ["--favor", "recall"]),
    ({"favor": "balanced"}, ["--favor", "balanced"]),
    ({"only": "article"}, ["--only", "article"]),
    ({"reference_date": "2016-01-01"}, ["--date", "2016-01-01"]),
    ({"front_matter": True}, ["--front-matter"]),
    ({"only": ["forum", "documentation", "listing"]}, ["--only", "forum,documentation,listing"]),
]


@pytest.mark.parametrize("options,flags", CASES, ids=[" ".join(f) for _, f in CASES])
def test_options_equal_cli_flags(cli, shared_pages, options, flags):
    """JSON on every shared page, Markdown and text on every 5th."""
    changed = 0
    for fmt, pages in (("json", shared_pages), ("markdown", shared_pages[::5]), ("text", shared_pages[::5])):
        pages = [p for p, _ in pages]
        want = cli(["-f", fmt] + flags + pages).stdout.decode("utf-8")
        ex = pith.Extractor(format=fmt, **options)
        got = "".join(s if s.endswith("\n") else s + "\n" for s in (ex.extract(p.read_bytes()) for p in pages))
        assert got == want, (options, fmt)
        default = "".join(s if s.endswith("\n") else s + "\n"
                          for s in (pith.extract(p.read_bytes(), format=fmt) for p in pages))
        changed += got != default
    if options != {"favor": "balanced"}:
        assert changed, "%s changes nothing on the shared pages" % options


def test_encoding_option_is_the_transport_encoding(cli):
    page = "<p>Caf\u00e9 au lait, \u00e0 la carte: " .encode("cp1252") + b"x" * 10 + b"</p>"
    want = json.loads(cli(["-f", "json", "--encoding", "windows-1252", "-"], input=page).stdout)
    got = pith.extract(page, encoding="windows-1252")
    assert got == want and got["encoding"] == "windows-1252"
    assert pith.Extractor(encoding="windows-1252").extract(page) == want
    assert pith.Extractor().extract(page, encoding="windows-1252") == want


def test_pretty_json_equals_cli(cli, shared_pages):
    path = shared_pages[0][0]
    want = cli(["-f", "json", "--pretty", path]).stdout.decode()
    assert pith.extract(path.read_bytes(), format="json", pretty=True) == want
    assert pith.extract(path.read_bytes(), pretty=True) == json.loads(want)


def test_limits_are_options():
    page = b"<article>" + b"<p>word word word word word.</p>" * 2000 + b"</article>"
    assert pith.extract(page, max_nodes=100)["warnings"] == ["max_nodes"]
    assert pith.extract(b"<div>" * 600 + b"<p>deep text here</p>", max_depth=50)["warnings"] == ["max_depth"]
    with pytest.raises(pith.LimitError):
        pith.extract(page, max_input_bytes=1000)
    with pytest.raises(pith.LimitError):
        pith.extract(page, max_output_bytes=100)
    with pytest.raises(pith.LimitError):
        pith.extract(page, max_memory=10000)


def test_extract_reuses_a_thread_extractor_per_options():
    """pith.extract caches an extractor per thread: changing options between calls must not leak."""
    page = (ROOT / "examples" / "sample.html").read_bytes()
    plain, tables_off = pith.Extractor(), pith.Extractor(tables=False)
    for _ in range(3):
        assert pith.extract(page) == plain.extract(page)
        assert pith.extract(page, tables=False) == tables_off.extract(page)
        assert pith.extract(page, url="https://a.example/x")["url"] == "https://a.example/x"
        assert pith.extract(page)["url"] is None


def test_extractor_format_and_url_per_call():
    page = (ROOT / "examples" / "sample.html").read_bytes()
    ex = pith.Extractor(format="text")
    assert ex.extract(page) == pith.extract(page, format="text")
    assert ex.extract(page, format="dict") == pith.extract(page)
    assert ex.extract(page, format=None) == pith.extract(page)
    assert pith.Extractor().extract(page, "https://b.example/")["url"] == "https://b.example/"
    assert pith.Extractor().extract(page, url="https://b.example/")["url"] == "https://b.example/"


@pytest.mark.parametrize("call,exc,words", [
    (lambda p: pith.extract(p, colour=True), TypeError, "unknown option 'colour'"),
    (lambda p: pith.extract(p, comments=1), TypeError, "comments must be True or False"),
    (lambda p: pith.extract(p, favor="speed"), ValueError, "favor must be one of"),
    (lambda p: pith.extract(p, format="pdf"), ValueError, "unknown format"),
    (lambda p: pith.extract(p, max_nodes=-1), ValueError, "max_nodes"),
    (lambda p: pith.extract(p, max_nodes="10"), TypeError, "max_nodes must be an int"),
    (lambda p: pith.extract(p, encoding=5), TypeError, "encoding must be a str"),
    (lambda p: pith.extract(p, url=5), TypeError, "url must be a str"),
    (lambda p: pith.extract(p, "https://a/", url="https://b/"), TypeError, "url twice"),
    (lambda p: pith.Extractor(1), TypeError, "keyword options only"),
    (lambda p: pith.Extractor(tables="no"), TypeError, "tables must be True or False"),
    (lambda p: pith.extract(p, only="articles"), ValueError, "only takes page types (article, forum"),
    (lambda p: pith.extract(p, only=[]), ValueError, "only takes page types"),
    (lambda p: pith.extract(p, only=5), TypeError, "only takes page type names"),
    (lambda p: pith.extract(p.decode(), encoding="latin1"), ValueError, "already decoded"),
])
def test_bad_options_raise(call, exc, words):
    with pytest.raises(exc, match=re.escape(words)):
        call(b"<p>x</p>")


def test_reference_date_not_a_date_raises():
    with pytest.raises(pith.Error, match="invalid"):
        pith.extract(b"<p>x</p>", reference_date="soon")
    rel = b"<html><body><h1>A headline of words</h1><span>3 hours ago</span><p>Some text of the story here.</p></body></html>"
    assert pith.extract(rel)["date_published"] is None
    assert pith.extract(rel, reference_date="2025-11-12T08:00:00Z")["date_published"] == "2025-11-12T05:00:00Z"


def test_unknown_encoding_raises_encoding_error():
    with pytest.raises(pith.EncodingError) as e:
        pith.extract(b"<p>x</p>", encoding="no-such-charset")
    assert isinstance(e.value, pith.Error) and isinstance(e.value, LookupError)
    assert e.value.message == "unknown encoding label" and e.value.code == "encoding"


def test_options_table_is_documented():
    """pith.OPTIONS drives the Dask command line; every option is in the type hints and the README."""
    names = [o[0] for o in pith.OPTIONS]
    assert names[:7] == ["comments", "tables", "links", "images", "captions", "favor", "encoding"]
    stub = (ROOT / "python" / "pith" / "__init__.pyi").read_text()
    readme = (ROOT / "README.md").read_text()
    for name, kind, default, choices, doc in pith.OPTIONS:
        assert kind in ("bool", "enum", "str", "size", "types")
        assert re.search(r"\b%s: " % name, stub), "%s is missing from __init__.pyi" % name
        assert "`%s" % name in readme, "%s is missing from the README's Python section" % name
        assert doc
        if kind == "enum":
            assert default in choices
        if kind == "types":
            assert default is None and "article" in choices
