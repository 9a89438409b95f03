#!/usr/bin/env python3
"""make_data.py - writes the small committed WARC test files of this folder.

  fields.warc.gz  three records, one gzip member each, whose member headers
                  carry every optional field (FEXTRA with an "sl" subfield as
                  some WARC writers add, FNAME, FCOMMENT, FHCRC): the readers
                  must step over them (libdeflate and zlib alike)
  mixed_eol.warc  plain: a CRLF record, a bare-LF record, and a WARC/1.1
                  record with a folded (continuation) header line

Run from anywhere: python3 tests/warc/data/make_data.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def record(rid, body, eol=b"\r\n", version=b"1.0", extra=b""):
    head = eol.join([b"WARC/" + version, b"WARC-Type: resource",
                     b"WARC-Record-ID: <urn:uuid:" + rid + b">",
                     b"Content-Type: text/html; charset=utf-8"]) + eol + extra
    head += b"Content-Length: %d" % len(body) + eol + eol
    return head + body + eol + eol


def member_with_fields(data, name):
    flags = 0x02 | 0x04 | 0x08 | 0x10  # FHCRC FEXTRA FNAME FCOMMENT
    head = b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<I", 1700000000) + b"\x00\x03"
    sub = b"sl" + struct.pack("<H", 8) + struct.pack("<II", len(data), 0)
    head += struct.pack("<H", len(sub)) + sub
    head += name + b"\x00" + b"a comment\x00"
    head += struct.pack("<H", zlib.crc32(head) & 0xFFFF)
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = c.compress(data) + c.flush()
    return head + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)


def main():
    recs = [record(b"f-%d" % i, b"<html><p>record %d with gzip header fields</p></html>" % i) for i in range(3)]
    with open(os.path.join(HERE, "fields.warc.gz"), "wb") as f:
        for i, r in enumerate(recs):
            f.write(member_with_fields(r, b"part-%d.warc" % i))
    mixed = (record(b"e-0", b"<p>crlf</p>")
             + record(b"e-1", b"<p>bare lf</p>", eol=b"\n")
             + record(b"e-2", b"<p>folded</p>", version=b"1.1",
                      extra=b"X-Folded: first part\r\n  second part\r\n"))
    with open(os.path.join(HERE, "mixed_eol.warc"), "wb") as f:
        f.write(mixed)


if __name__ == "__main__":
    main()
