#!/usr/bin/env python3
"""warc_make.py - small WARC files for the CLI's WARC tests (tests/cli/warc_*.sh).

  warc_make.py OUT LAYOUT [--pages N] [--corrupt] [--big MB]

LAYOUT: plain, gz (one gzip member per record), wholegz (one member),
zst (one zstd frame per record; needs the zstd module or CLI: skipped
when absent). The file holds a warcinfo record, then per page a request
and a response (a news-like page with an article), plus: a PNG response
(not HTML), an HTML resource record with an article, an HTML response
without an article (an empty page), a response whose charset is given
by HTTP only (windows-1252), and with --corrupt a record with a
non-numeric Content-Length between two good ones, and with --big the
second page is MB megabytes long (a large page among small ones, for the
pipeline's order and buffers). Prints a JSON summary of
what it wrote (expected counts) on stdout.
"""
import gzip
import json
import sys

PROSE = ("The council met on Tuesday evening to discuss the new budget for the harbour district, "
         "which has been the subject of a long debate among residents and shop owners. ")


def page(i, n_paras=6):
    paras = "".join("<p>%s Paragraph %d of story %d adds detail about the plans and the people "
                    "affected by them, with quotes from several speakers.</p>" % (PROSE * 2, k, i)
                    for k in range(n_paras))
    return ("<!doctype html><html><head><meta charset=utf-8><title>Story %d - Example News</title></head>"
            "<body><nav><a href=/>Home</a> <a href=/world>World</a></nav><article><h1>Story %d</h1>%s"
            "</article><footer>Copyright Example News</footer></body></html>" % (i, i, paras)).encode()


def record(wtype, rid, uri, ctype, block, date="2024-01-02T03:04:05Z", length=None):
    h = ["WARC/1.0", "WARC-Type: " + wtype, "WARC-Record-ID: <urn:uuid:%s>" % rid, "WARC-Date: " + date]
    if uri:
        h.append("WARC-Target-URI: " + uri)
    h.append("Content-Type: " + ctype)
    h.append("Content-Length: %s" % (len(block) if length is None else length))
    return ("\r\n".join(h) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(status, ctype, body):
    head = "HTTP/1.1 %d OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (status, ctype, len(body))
    return head.encode() + body


def build(pages, corrupt, big_mb=0):
    recs, expect = [], {"articles": 0, "records": 0, "html": 0, "uris": []}
    recs.append(record("warcinfo", "00000000-0000-0000-0000-000000000000", None, "application/warc-fields",
                       b"software: warc_make.py\r\n"))
    for i in range(pages):
        uri = "https://news.example.com/story/%d" % i
        recs.append(record("request", "10000000-0000-0000-0000-%012d" % i, uri, "application/http; msgtype=request",
                           b"GET /story/%d HTTP/1.1\r\nHost: news.example.com\r\n\r\n" % i))
        recs.append(record("response", "20000000-0000-0000-0000-%012d" % i, uri,
                           "application/http; msgtype=response",
                           http(200, "text/html; charset=utf-8",
                                page(i, big_mb * 2600 if big_mb and i == 1 else 6))))
        expect["uris"].append(uri)
        if corrupt and i == pages // 2:
            recs.append(b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12a\r\n\r\nhello world!\r\n\r\n")
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452")
    recs.append(record("response", "30000000-0000-0000-0000-000000000000", "https://news.example.com/logo.png",
                       "application/http; msgtype=response", http(200, "image/png", png * 4)))
    recs.append(record("resource", "40000000-0000-0000-0000-000000000000", "file:///archive/story-r.html",
                       "text/html; charset=utf-8", page(100)))
    expect["uris"].append("file:///archive/story-r.html")
    recs.append(record("response", "50000000-0000-0000-0000-000000000000", "https://news.example.com/empty",
                       "application/http; msgtype=response",
                       http(404, "text/html", b"<html><body></body></html>")))
    latin = page(200).replace(b"<meta charset=utf-8>", b"").replace(b"Story 200", "Caf\u00e9 200".encode("cp1252"))
    recs.append(record("response", "60000000-0000-0000-0000-000000000000", "https://news.example.com/cafe",
                       "application/http; msgtype=response", http(200, "text/html; charset=windows-1252", latin)))
    expect["uris"].append("https://news.example.com/cafe")
    expect["articles"] = pages + 2
    expect["html"] = pages + 3
    expect["records"] = 1 + 2 * pages + 4
    expect["errors"] = 1 if corrupt else 0
    return recs, expect


def write(out, layout, recs):
    if layout == "plain":
        data = b"".join(recs)
    elif layout == "gz":
        data = b"".join(gzip.compress(r, 6, mtime=0) for r in recs)
    elif layout == "wholegz":
        data = gzip.compress(b"".join(recs), 6, mtime=0)
    elif layout == "zst":
        import shutil
        import subprocess
        if not shutil.which("zstd"):
            return False
        data = b"".join(subprocess.run(["zstd", "-q", "-c"], input=r, check=True, stdout=subprocess.PIPE).stdout
                        for r in recs)
    else:
        raise SystemExit("unknown layout " + layout)
    with open(out, "wb") as f:
        f.write(data)
    return True


def main():
    args = sys.argv[1:]
    pages = 8
    if "--pages" in args:
        k = args.index("--pages")
        pages = int(args[k + 1])
        del args[k:k + 2]
    big = 0
    if "--big" in args:
        k = args.index("--big")
        big = int(args[k + 1])
        del args[k:k + 2]
    corrupt = "--corrupt" in args
    args = [a for a in args if a != "--corrupt"]
    out, layout = args
    recs, expect = build(pages, corrupt, big)
    if not write(out, layout, recs):
        print(json.dumps({"skipped": "zstd CLI absent"}))
        return 0
    print(json.dumps(expect))
    return 0


if __name__ == "__main__":
    sys.exit(main())
