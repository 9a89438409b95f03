"""pith.read_warc and pith.extract_warc: the CLI's records and JSON Lines,
damage skipped and reported (warnings, .errors) or raised (strict), paths
and binary file objects."""
import io
import json
import warnings

import pytest

import pith
from conftest import json_lines


def extract_all(source, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        it = pith.extract_warc(source, **kw)
        got = list(it)
    return it, got, caught


def test_extract_warc_equals_cli(cli, warcs):
    """Every layout, clean, damaged and cut short: the same objects, in order, and the same damage."""
    for name, (path, _) in warcs.items():
        r = cli(["-q", "-j", "2", path])
        it, got, caught = extract_all(path)
        assert got == json_lines(r.stdout), name
        assert got, name
        # The CLI exits 1 when it met damage; the iterator keeps each in .errors and warns once per damage.
        assert (r.returncode == 1) == bool(it.errors), name
        assert len(caught) == len(it.errors) and all(w.category is pith.WarcWarning for w in caught)
        assert it.stats["articles"] == len(got)
        stats = cli(["-q", "-j", "1", "--stats", "/dev/stdout", path]).stdout.decode().splitlines()[-1]
        assert json.loads(stats)["records"] == it.stats["records"], name


def test_json_lines_are_the_cli_bytes(cli, warcs):
    for name in ("clean.warc.gz", "damaged.warc.gz"):
        path = warcs[name][0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lines = list(pith.extract_warc(path, format="json"))
        assert "\n".join(lines) + "\n" == cli(["-q", path]).stdout.decode("utf-8"), name


def test_options_reach_extract_warc(cli, warcs):
    path = warcs["clean.warc.gz"][0]
    for options, flags in [({"comments": True}, ["--comments"]), ({"tables": False}, ["--no-tables"]),
                           ({"favor": "recall", "links": True}, ["--favor", "recall", "--links"])]:
        assert list(pith.extract_warc(path, **options)) == json_lines(cli(["-q"] + flags + [path]).stdout)
    with pytest.raises(TypeError, match="encoding does not apply"):
        pith.extract_warc(path, encoding="utf-8")
    with pytest.raises(ValueError, match="format is 'dict'"):
        pith.extract_warc(path, format="text")


def test_read_warc_yields_every_record_of_a_clean_file(warcs):
    for name in ("clean.warc.gz", "clean.warc", "whole.warc.gz", "clean.warc.zst"):
        if name not in warcs:
            continue
        path, counts = warcs[name]
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a clean file warns of nothing
            reader = pith.read_warc(path)
            records = list(reader)
        assert reader.errors == []
        if counts:
            assert len(records) == sum(v for k, v in counts.items() if k != "corrupt"), name
            for t in ("response", "request", "metadata", "warcinfo"):
                assert sum(r.type == t for r in records) == counts[t], (name, t)
        pages = [r for r in records if r.skip_reason is None]
        assert pages and all(r.type in ("response", "resource") and r.payload for r in pages)
        assert all(isinstance(r.offset, int) for r in records)
        # The same records through a binary file object and from memory.
        for source in (open(path, "rb"), io.BytesIO(path.read_bytes())):
            with source:
                again = list(pith.read_warc(source))
            assert [(r.record_id, r.payload, r.headers) for r in again] == \
                   [(r.record_id, r.payload, r.headers) for r in records], name


def test_record_fields():
    import subprocess
    import sys
    from conftest import ROOT
    import tempfile, os
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "s.warc")
        subprocess.run([sys.executable, str(ROOT / "tests" / "cli" / "warc_make.py"), path, "plain", "--pages", "2"],
                       check=True, capture_output=True)
        recs = list(pith.read_warc(path))
    assert [r.type for r in recs] == ["warcinfo", "request", "response", "request", "response", "response",
                                      "resource", "response", "response"]
    resp = recs[2]
    assert resp.record_id == "<urn:uuid:20000000-0000-0000-0000-000000000000>"
    assert resp.target_uri == "https://news.example.com/story/0"
    assert resp.date == "2024-01-02T03:04:05Z"
    assert resp.http_status == 200 and resp.content_type == "text/html; charset=utf-8" and resp.charset == "utf-8"
    assert resp.payload.startswith(b"<!doctype html>") and resp.payload_status == "ok"
    assert resp.skip_reason is None
    assert ("WARC-Type", "response") in resp.headers and ("Content-Type", "text/html; charset=utf-8") in resp.http_headers
    assert recs[0].http_status is None and recs[0].target_uri is None and recs[0].skip_reason == "warcinfo record"
    assert recs[5].skip_reason == "not html"  # the PNG
    assert recs[8].charset == "windows-1252"


def test_damage_warns_and_strict_raises(warcs):
    path = warcs["damaged.warc.gz"][0]
    it, got, caught = extract_all(path)
    assert len(it.errors) >= 2 and len(caught) == len(it.errors)
    first = it.errors[0]
    assert isinstance(first, pith.WarcError) and first.offset > 0 and first.message and first.code
    assert str(path) in str(caught[0].message) and "offset %d" % first.offset in str(caught[0].message)
    seen = []
    with pytest.raises(pith.WarcError) as e:
        for d in pith.extract_warc(path, strict=True):
            seen.append(d)
    assert e.value.offset == first.offset and e.value.message == first.message
    assert seen == got[:len(seen)] and len(seen) < len(got)
    with pytest.raises(pith.WarcError):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            list(pith.read_warc(path, strict=True))


def test_truncated_file_keeps_what_came_before(cli, warcs):
    path = warcs["truncated.warc.gz"][0]
    it, got, _ = extract_all(path)
    full = list(pith.extract_warc(warcs["clean.warc.gz"][0]))
    assert got and got == full[:len(got)] and len(got) < len(full)
    assert it.errors and it.errors[-1].offset > 0


class Pieces(io.RawIOBase):
    """A file object that records the sizes asked for, and fails after fail_after bytes."""

    def __init__(self, data, fail_after=None):
        self.data, self.pos, self.asked, self.fail_after = data, 0, [], fail_after

    def readable(self):
        return True

    def read(self, n=-1):
        self.asked.append(n)
        if self.fail_after is not None and self.pos >= self.fail_after:
            raise OSError("the disk went away")
        chunk = self.data[self.pos:self.pos + (n if n >= 0 else len(self.data))]
        self.pos += len(chunk)
        return chunk


def test_file_objects_are_read_in_pieces(warcs):
    data = warcs["clean.warc"][0].read_bytes()
    f = Pieces(data)
    n = sum(1 for _ in pith.read_warc(f))
    assert n > 10 and f.pos == len(data)
    assert max(f.asked) <= 1 << 20 and len(f.asked) > 1  # flat memory: never the whole file at once


def test_a_failing_file_object_raises_its_error(warcs):
    data = warcs["clean.warc"][0].read_bytes()
    got = []
    with pytest.raises(OSError, match="the disk went away"):
        for d in pith.extract_warc(Pieces(data, fail_after=len(data) // 2)):
            got.append(d)
    assert got == list(pith.extract_warc(warcs["clean.warc"][0]))[:len(got)]


def test_bad_sources():
    with pytest.raises(FileNotFoundError):
        pith.read_warc("/no/such/file.warc.gz")
    with pytest.raises(TypeError, match="a path or a binary file object"):
        pith.read_warc(42)
    with pytest.raises(TypeError, match="binary"):
        list(pith.read_warc(io.StringIO("WARC/1.0\r\n")))


def test_bytes_that_are_not_utf8_become_u_fffd_as_in_the_cli(cli, tmp_path):
    page = b"<html><body><article>" + b"<p>A sentence of prose that makes an article of this page.</p>" * 20
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:\xe2\x82\xff-\xc0\x80>\r\n"
           b"WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Target-URI: https://x.example/caf\xe9\t\x01\r\n"
           b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http)
           + http + b"\r\n\r\n")
    path = tmp_path / "odd.warc"
    path.write_bytes(rec)
    want = json_lines(cli(["-q", path]).stdout)
    got = list(pith.extract_warc(path))
    assert got == want and len(got) == 1
    assert got[0]["warc_record_id"] == "<urn:uuid:\ufffd\ufffd\ufffd-\ufffd\ufffd>"
    assert next(iter(pith.read_warc(path))).record_id == got[0]["warc_record_id"]


def test_iterators_close_and_share_no_state(warcs):
    path = warcs["clean.warc.gz"][0]
    with pith.read_warc(path) as r:
        first = next(r)
    assert list(r) == []  # closed
    a, b = pith.extract_warc(path), pith.extract_warc(path)
    assert next(a) == next(b) and first.type == "warcinfo"


def test_a_page_over_a_limit_is_an_error_of_its_record(cli, warcs):
    """The CLI counts a failed extraction as an error and goes on; so does extract_warc."""
    path = warcs["clean.warc.gz"][0]
    full = list(pith.extract_warc(path))
    it, got, caught = extract_all(path, max_input_bytes=60000)
    small = [d for d in full if d["warc_record_id"] in {g["warc_record_id"] for g in got}]
    assert got == small and len(got) < len(full)
    assert it.errors and all(e.code == "extract" and "limit" in e.message for e in it.errors)
    assert it.stats["failed"] == len(it.errors) == len(caught)
    with pytest.raises(pith.WarcError, match="limit"):
        list(pith.extract_warc(path, max_input_bytes=60000, strict=True))


def test_statuses_as_the_cli(cli, tmp_path):
    """HTTP responses other than 200 are skipped by default, as the CLI does
    (issue 12): a WARC holding a 200 and a 404 page, both with an article,
    gives the CLI's JSON Lines; all_statuses=True is --all-statuses."""
    from conftest import two_statuses_warc
    path = two_statuses_warc(tmp_path / "s.warc")
    want = json_lines(cli(["-q", path]).stdout)
    assert [d["http_status"] for d in want] == [200]
    assert list(pith.extract_warc(path)) == want
    assert "\n".join(pith.extract_warc(str(path), format="json")) + "\n" == cli(["-q", path]).stdout.decode()
    every = json_lines(cli(["-q", "--all-statuses", path]).stdout)
    assert [d["http_status"] for d in every] == [200, 404]
    assert list(pith.extract_warc(path, all_statuses=True)) == every
    # read_warc says which records extract_warc takes
    assert [r.skip_reason for r in pith.read_warc(path)] == [None, "http status 404"]
    assert [r.skip_reason for r in pith.read_warc(path, all_statuses=True)] == [None, None]


def test_warc_date_is_the_reference(cli, tmp_path):
    """A record's WARC-Date is "now" for its page (issue 11), as in the CLI:
    "3 hours ago" resolves against it; reference_date= (--date) is the
    reference instead when given; with read_warc, pass the record's date."""
    import sys
    from conftest import ROOT
    sys.path.insert(0, str(ROOT / "tests" / "cli"))
    import warc_make as wm
    paras = "".join("<p>%s Paragraph %d.</p>" % (wm.PROSE * 2, k) for k in range(6))
    html = ("<!doctype html><html><head><title>Dated</title></head><body><article><h1>Dated story</h1>"
            "<span>3 hours ago</span>%s</article></body></html>" % paras).encode()
    path = tmp_path / "d.warc"
    path.write_bytes(wm.record("response", "80000000-0000-0000-0000-000000000001", "https://news.example.com/d",
                               "application/http; msgtype=response", wm.http(200, "text/html; charset=utf-8", html),
                               date="2025-11-12T08:00:00Z"))
    got = list(pith.extract_warc(path))
    assert [d["date_published"] for d in got] == ["2025-11-12T05:00:00Z"]
    assert got == json_lines(cli(["-q", path]).stdout)
    other = list(pith.extract_warc(path, reference_date="2026-01-10T12:00:00Z"))
    assert [d["date_published"] for d in other] == ["2026-01-10T09:00:00Z"]
    assert other == json_lines(cli(["-q", "--date", "2026-01-10T12:00:00Z", path]).stdout)
    rec = next(iter(pith.read_warc(path)))
    assert pith.extract(rec.payload, rec.target_uri, reference_date=rec.date)["date_published"] == "2025-11-12T05:00:00Z"
    assert pith.extract(rec.payload, rec.target_uri)["date_published"] is None
