#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets into OUT/<target>/ from the html5lib
tests and the shared benchmark pages (../shared beside the checkout).

Each seed starts with the option byte the target reads first (0: defaults),
then the input. Seeds are not committed; the minimised corpus is.

usage: fuzz/make_seeds.py OUT
"""
import glob
import hashlib
import os
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
            for target in ("parse", "tokenizer", "extract"):
                put(out, target, data, opt=i & 0xFF)
            n += 1
    for dat in sorted(glob.glob(os.path.join(conf, "encoding", "*.dat"))):
        for data in dat_inputs(dat):
            put(out, "encoding", data)
            n += 1
    pages = sorted(glob.glob(os.path.join(shared, "bench", "*", "*.html")))
    for p in pages[::8]:
        data = open(p, "rb").read()[:65000]
        for target in ("parse", "extract", "encoding", "tokenizer"):
            put(out, target, data)
        n += 1
    print(f"{n} seeds in {out}")


if __name__ == "__main__":
    main()
