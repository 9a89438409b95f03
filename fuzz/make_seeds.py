#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets into OUT/<target>/ from the html5lib
tests and the shared benchmark pages (../shared beside the checkout).

Each seed starts with the option byte the target reads first (0: defaults),
then the input. Seeds are not committed; the minimised corpus is.

usage: fuzz/make_seeds.py OUT
"""
import glob
import gzip
import hashlib
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.join(here, "..", "..", "shared")


def put(out, target, data, opt=0):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    blob = bytes([opt]) + data
    name = hashlib.sha1(blob).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(blob)


def dat_inputs(path):
    """#data sections of an html5lib .dat file."""
    lines = open(path, "rb").read().split(b"\n")
    cur = None
    for line in lines:
        if line.startswith(b"#"):
            if cur is not None:
                yield b"\n".join(cur)
                cur = None
            if line == b"#data":
                cur = []
        elif cur is not None:
            cur.append(line)


def main():
    out = sys.argv[1]
    conf = os.path.join(shared, "conformance", "html5lib-tests")
    n = 0
    for dat in sorted(glob.glob(os.path.join(conf, "tree-construction", "*.dat"))):
        for i, data in enumerate(dat_inputs(dat)):
            for target in ("parse", "tokenizer"):
                put(out, target, data, opt=i & 0xFF)
            put(out, "extract", bytes([i & 0xFF]) + data, opt=(i * 7) & 0xFF)
            n += 1
    for dat in sorted(glob.glob(os.path.join(conf, "encoding", "*.dat"))):
        for data in dat_inputs(dat):
            put(out, "encoding", data)
            n += 1
    pages = sorted(glob.glob(os.path.join(shared, "bench", "*", "*.html")))
    for p in pages[::8]:
        data = open(p, "rb").read()[:65000]
        for target in ("parse", "encoding", "tokenizer"):
            put(out, target, data)
        put(out, "extract", b"\0" + data)
        n += 1
    # fuzz_extract reads two option bytes; fuzz_jsonld reads none (its
    # inputs are the ld+json scripts of the pages, raw).
    ld = re.compile(rb"<script[^>]*ld\+json[^>]*>(.*?)</script>", re.S | re.I)
    for p in pages[::4]:
        data = open(p, "rb").read()
        scripts = ld.findall(data)
        if scripts:
            blob = b"</script>".join(scripts)[:65000]
            d = os.path.join(out, "jsonld")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, hashlib.sha1(blob).hexdigest()), "wb") as f:
                f.write(blob)
            n += 1
    warc_seeds(out, pages[:6])
    print(f"{n} seeds in {out}")


def warc_record(body, uri):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
            b"\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response"
            b"\r\nContent-Length: " + str(len(http)).encode() + b"\r\n\r\n")
    return head + http + b"\r\n\r\n"


def warc_seeds(out, pages):
    """Small WARC files (plain, gzip per record, whole-file gzip) from a few
    pages cut short, plus the committed test files."""
    recs = [warc_record(open(p, "rb").read()[:3000], b"http://example.com/%d" % i) for i, p in enumerate(pages)]
    info = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n"
    plain = info + b"".join(recs)
    put(out, "warc", plain)
    put(out, "warc", b"".join(gzip.compress(r) for r in [info] + recs))
    put(out, "warc", gzip.compress(plain))
    chunked = recs[0].replace(b"Content-Length: ", b"Transfer-Encoding: chunked\r\nX-Old: ", 1)
    put(out, "warc", chunked, opt=16)
    for f in glob.glob(os.path.join(here, "..", "tests", "warc", "data", "*.warc*")):
        put(out, "warc", open(f, "rb").read())


if __name__ == "__main__":
    main()
