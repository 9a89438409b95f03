"""pith.extract() gives what the CLI gives: the dict equals `pith -f json`'s
object on every shared page, and format= gives the CLI's text, Markdown,
HTML and JSON."""
import json

import pytest

import pith
from conftest import json_lines


def test_every_shared_page_equals_cli_json(cli, shared_pages):
    paths = [p for p, _ in shared_pages]
    want = json_lines(cli(["-f", "json"] + paths).stdout)
    assert len(want) == len(paths)
    for path, w in zip(paths, want):
        got = pith.extract(path.read_bytes())
        assert got == w, path.name
        assert list(got) == list(w), "key order of %s" % path.name


def test_every_shared_page_with_its_url_equals_cli_json(cli, shared_pages):
    """With -u: links resolve, the site name and dates may come from the URL."""
    ex = pith.Extractor()
    for path, url in shared_pages:
        if not url:
            continue
        want = json.loads(cli(["-f", "json", "-u", url, path]).stdout)
        assert ex.extract(path.read_bytes(), url) == want, path.name
        assert pith.extract(path.read_bytes(), url=url) == want, path.name


def test_wcxb_sample_equals_cli_json(cli, wcxb_sample):
    """Every 10th page of today's web (forums, shops, docs, listings), from memory and on the CLI's stdin."""
    for html, url in wcxb_sample:
        args = ["-f", "json"] + (["-u", url] if url else []) + ["-"]
        want = json.loads(cli(args, input=html).stdout)
        assert pith.extract(html, url) == want, url


@pytest.mark.parametrize("fmt,flags", [
    ("text", []), ("markdown", []), ("html", []), ("json", []), ("json", ["--pretty"]),
    ("markdown", ["--links", "--images"]), ("text", ["--captions", "--images"]),
])
def test_formats_equal_cli_output(cli, shared_pages, fmt, flags):
    options = {"pretty": "--pretty" in flags, "links": "--links" in flags, "images": "--images" in flags,
               "captions": "--captions" in flags}
    for path, url in shared_pages[::7]:
        want = cli(["-f", fmt, "-u", url or "https://example.com/"] + flags + [path]).stdout.decode("utf-8")
        got = pith.extract(path.read_bytes(), url or "https://example.com/", format=fmt, **options)
        assert isinstance(got, str)
        # The CLI ends every output with a newline (an empty one too).
        assert (got if got.endswith("\n") else got + "\n") == want, (path.name, fmt, flags)


def test_str_input_is_taken_as_decoded(cli, shared_pages):
    """A str is the page already decoded: the same as its UTF-8 bytes with the charset given."""
    for path, _ in shared_pages[::10]:
        try:
            text = path.read_bytes().decode(pith.extract(path.read_bytes())["encoding"], errors="replace")
        except LookupError:  # a WHATWG name Python does not know
            text = path.read_bytes().decode("utf-8", errors="replace")
        want = json.loads(cli(["-f", "json", "--encoding", "utf-8", "-"], input=text.encode("utf-8")).stdout)
        got = pith.extract(text)
        assert got == want, path.name
        assert got["encoding"] == "UTF-8"
