#!/usr/bin/env python3
"""make_warc.py - build a realistic benchmark WARC from the shared bench pages (scrapinghub, readability and
the gzip-compressed WCXB pages of wcxb-dev).

The file looks like a Common Crawl WARC: a warcinfo record, then per
capture a request, a response (HTTP headers + the page) and a metadata
record, each gzip'ed as its own member. Responses mix charsets in their
Content-Type, a few are chunked, a few Content-Encoding gzip, a few are not
HTML (image/png, application/json), and a few corrupt stretches are mixed in
(a non-numeric Content-Length, garbage between members, a truncated member)
so a reader's error path is exercised at speed. The pages repeat under new
URLs until the uncompressed size reaches --size MB.

Layouts: record-gz (default, Common Crawl), whole-gz (one member), plain,
zstd (one frame per record) and zstd-dict (the same with a dictionary
trained on the records, in a leading skippable frame), both through the
`zstd` CLI when it is installed (skipped with a message otherwise). Only
Python's standard library is used.

  bench/make_warc.py --out /tmp/bench.warc.gz --size 200
  bench/make_warc.py --out /tmp/bench.warc --layout plain --size 50

Prints the counts of records written and of corrupt stretches inserted, so
a benchmark can check the reader saw them all.
"""
import argparse
import base64
import glob
import gzip
import hashlib
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import uuid

CHARSETS = [  # what servers send, with weights
    ("text/html; charset=utf-8", 40),
    ("text/html; charset=UTF-8", 15),
    ("text/html", 15),
    ("text/html; charset=ISO-8859-1", 8),
    ("text/html; charset=windows-1252", 6),
    ('text/html; charset="utf-8"', 4),
    ("text/html;charset=Shift_JIS", 3),
    ("application/xhtml+xml; charset=utf-8", 3),
    ("text/plain", 2),  # mislabelled HTML: sniffed
    ("", 4),  # no Content-Type at all: sniffed
]

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a6a1a3e9"
                    "0000000049454e44ae426082")


def digest(b):
    return "sha1:" + base64.b32encode(hashlib.sha1(b).digest()).decode()


def rid():
    return "<urn:uuid:%s>" % uuid.UUID(int=random.getrandbits(128))


def record(wtype, headers, block):
    lines = ["WARC/1.0", "WARC-Type: " + wtype]
    lines += ["%s: %s" % kv for kv in headers]
    lines.append("Content-Length: %d" % len(block))
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def chunk(body):
    out = []
    pos = 0
    while pos < len(body):
        n = random.choice([1000, 4096, 8192, 16384])
        part = body[pos:pos + n]
        out.append(b"%x\r\n" % len(part) + part + b"\r\n")
        pos += n
    out.append(b"0\r\n\r\n")
    return b"".join(out)


def http_response(ctype, body, chunked, gzipped):
    hdrs = [b"HTTP/1.1 200 OK", b"Date: Tue, 02 Jan 2024 03:04:05 GMT", b"Server: nginx",
            b"Cache-Control: max-age=600", b"Vary: Accept-Encoding"]
    if ctype:
        hdrs.append(b"Content-Type: " + ctype.encode())
    if gzipped:
        body = gzip.compress(body, 6, mtime=0)
        hdrs.append(b"Content-Encoding: gzip")
    if chunked:
        body = chunk(body)
        hdrs.append(b"Transfer-Encoding: chunked")
    else:
        hdrs.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(hdrs) + b"\r\n\r\n" + body


def captures(pages, info_id, date):
    """Yields (kind, record bytes) forever, cycling through the pages."""
    n = 0
    while True:
        for path, url in pages:
            with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
                body = f.read()
            n += 1
            url = url + ("?v=%d" % n if n > len(pages) else "")
            roll = random.random()
            if roll < 0.02:
                ctype, body = "image/png", PNG * 50
            elif roll < 0.04:
                ctype, body = "application/json", json.dumps({"url": url, "n": n, "items": list(range(200))}).encode()
            else:
                ctype = random.choices([c for c, _ in CHARSETS], [w for _, w in CHARSETS])[0]
            chunked = random.random() < 0.08
            gzipped = random.random() < 0.08
            http = http_response(ctype, body, chunked, gzipped)
            req_id, resp_id = rid(), rid()
            host = url.split("/")[2] if "//" in url else "example.com"
            req = ("GET /%s HTTP/1.1\r\nUser-Agent: CCBot/2.0\r\nAccept: text/html\r\nHost: %s\r\n\r\n"
                   % (url.split("/", 3)[-1] if url.count("/") >= 3 else "", host)).encode()
            common = [("WARC-Date", date), ("WARC-Warcinfo-ID", info_id), ("WARC-IP-Address", "192.0.2.%d" % (n % 250)),
                      ("WARC-Target-URI", url)]
            yield "request", record("request", [("WARC-Record-ID", req_id)] + common +
                                    [("Content-Type", "application/http; msgtype=request"),
                                     ("WARC-Block-Digest", digest(req))], req)
            yield "response", record("response", [("WARC-Record-ID", resp_id)] + common +
                                     [("Content-Type", "application/http; msgtype=response"),
                                      ("WARC-Concurrent-To", req_id),
                                      ("WARC-Block-Digest", digest(http)),
                                      ("WARC-Payload-Digest", digest(body)),
                                      ("WARC-Identified-Payload-Type", ctype.split(";")[0] or "text/html")], http)
            meta = b"fetchTimeMs: %d\r\ncharset-detected: UTF-8\r\n" % random.randint(20, 900)
            yield "metadata", record("metadata", [("WARC-Record-ID", rid()), ("WARC-Refers-To", resp_id)] + common +
                                     [("Content-Type", "application/warc-fields")], meta)


def corrupt(kind):
    """A corrupt stretch: ("rec", record) stored like any record, ("raw", bytes)
    written as they are whatever the layout, or ("cut", record) whose stored
    form (member, frame or plain bytes) is cut in half."""
    if kind == 0:  # a record whose Content-Length is not a number
        return "rec", b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12a\r\n\r\nhello world!\r\n\r\n"
    if kind == 1:  # garbage between records / members / frames
        return "raw", b"<<< this is not a WARC record >>>\r\n" * 3
    return "cut", record("resource", [("WARC-Record-ID", rid()), ("Content-Type", "text/plain")], b"truncated " * 500)


class Writer:
    """Stores pieces in the chosen layout. zstd layouts keep one frame per
    record: the pieces go to a temporary folder, one `zstd` run compresses
    them all (with a trained dictionary for zstd-dict, stored zstd-compressed
    in a leading skippable frame 0x184D2A5D), and the frames are joined."""

    def __init__(self, layout, out):
        self.layout, self.out, self.n = layout, out, 0
        self.zdir = out + ".parts" if layout.startswith("zstd") else None
        if self.zdir:
            os.makedirs(self.zdir, exist_ok=True)
            self.parts = []
            self.f = None
        else:
            self.f = gzip.open(out, "wb", 6) if layout == "whole-gz" else open(out, "wb")

    def put(self, kind, data):
        if self.zdir:
            path = os.path.join(self.zdir, "%07d.warc" % len(self.parts))
            with open(path, "wb") as p:
                p.write(data)
            self.parts.append((kind, path))
        elif self.layout == "record-gz" and kind != "raw":
            m = gzip.compress(data, 6, mtime=0)
            self.f.write(m[: len(m) // 2] if kind == "cut" else m)
        else:
            self.f.write(data[: len(data) // 2] + b"\r\n\r\n" if kind == "cut" else data)

    def close(self):
        if not self.zdir:
            self.f.close()
            return
        recs = [p for k, p in self.parts if k != "raw"]
        cmd = ["zstd", "-q", "-f", "-3"]
        prefix = b""
        if self.layout == "zstd-dict":
            dpath = os.path.join(self.zdir, "dict")
            subprocess.run(["zstd", "-q", "-f", "--train", "--maxdict=65536", "-o", dpath] + recs[:2000], check=True)
            cmd += ["-D", dpath]
            dz = subprocess.run(["zstd", "-q", "-c", "-19", dpath], check=True, stdout=subprocess.PIPE).stdout
            prefix = struct.pack("<II", 0x184D2A5D, len(dz)) + dz
        for i in range(0, len(recs), 500):
            subprocess.run(cmd + recs[i:i + 500], check=True)
        with open(self.out, "wb") as out:
            out.write(prefix)
            for kind, path in self.parts:
                if kind == "raw":
                    with open(path, "rb") as p:
                        out.write(p.read())
                    continue
                with open(path + ".zst", "rb") as p:
                    z = p.read()
                out.write(z[: len(z) // 2] if kind == "cut" else z)
        shutil.rmtree(self.zdir)


def pages_list(shared):
    """Every shared benchmark page: <id>.html (scrapinghub, readability) and <id>.html.gz (wcxb-dev), with the
    URL from <id>.json where there is one."""
    pages = []
    paths = glob.glob(os.path.join(shared, "bench", "*", "*.html")) + \
        glob.glob(os.path.join(shared, "bench", "*", "*.html.gz"))
    for path in sorted(paths):
        url = "http://example.com/" + os.path.basename(path)
        meta = path[:-len(".html.gz" if path.endswith(".gz") else ".html")] + ".json"
        try:
            with open(meta) as f:
                url = json.load(f).get("url") or url
        except (OSError, ValueError):
            pass
        pages.append((path, url))
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output path")
    ap.add_argument("--size", type=float, default=200, help="uncompressed size in MB (default 200)")
    ap.add_argument("--layout", choices=["record-gz", "whole-gz", "plain", "zstd", "zstd-dict"], default="record-gz")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    ap.add_argument("--corrupt-every", type=int, default=500, help="a corrupt stretch every N records (0: none)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    random.seed(args.seed)
    if args.layout.startswith("zstd") and not shutil.which("zstd"):
        print("make_warc: the zstd CLI is not installed: zstd layout skipped", file=sys.stderr)
        return 0
    pages = pages_list(args.shared)
    if not pages:
        print("make_warc: no pages under %s/bench" % args.shared, file=sys.stderr)
        return 1
    limit = int(args.size * 1e6)
    info_id = rid()
    date = "2024-01-02T03:04:05Z"
    info = b"software: pith make_warc.py\r\nformat: WARC File Format 1.0\r\nisPartOf: pith-bench\r\n"
    first = record("warcinfo", [("WARC-Record-ID", info_id), ("WARC-Date", date),
                                ("Content-Type", "application/warc-fields")], info)
    counts = {"warcinfo": 1, "corrupt": 0}
    written = len(first)
    w = Writer(args.layout, args.out)
    w.put("rec", first)
    n = 0
    for kind, rec in captures(pages, info_id, date):
        w.put("rec", rec)
        written += len(rec)
        counts[kind] = counts.get(kind, 0) + 1
        n += 1
        if args.corrupt_every and n % args.corrupt_every == 0:
            ckind, data = corrupt((n // args.corrupt_every) % 3)
            w.put(ckind, data)
            written += len(data)
            counts["corrupt"] += 1
        if written >= limit:
            break
    w.close()
    print("make_warc: %s: %.1f MB uncompressed, %.1f MB on disk, records %s"
          % (args.out, written / 1e6, os.path.getsize(args.out) / 1e6,
             " ".join("%s=%d" % kv for kv in sorted(counts.items()))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
