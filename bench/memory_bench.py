#!/usr/bin/env python3
"""memory_bench.py - peak memory of `pith -f json PAGE` against the page's size, on tag-dense pages.

usage: bench/memory_bench.py [PITH_BINARY ...] [--shared DIR] [--size MB] [--repeats N,N,...]

For each binary (default build/pith) and each page below, the peak RSS of one `pith -f json PAGE > /dev/null`
run (GNU time's %M) minus that of a run on an empty page, divided by the page's size:
  real    the <body> contents of ../shared/bench/wcxb-dev pages (name order), their <script> and <style> bodies
          emptied (as extract_bench --dense does), joined into one page of about --size MB (default 8);
  synth   <div class="a b c"><p>Lorem ipsum dolor <b>sit</b> amet, <a href="/x">consectetur</a>
          adipiscing.</p></div> repeated --repeats times (default 50000,200000,400000).
The pages are written to a temporary folder and removed afterwards. Several binaries (e.g. a build of main and
yours) are run side by side, page by page. Not a test: nothing here decides pass or fail.
"""
import argparse
import glob
import gzip
import os
import re
import subprocess
import sys
import tempfile

SYNTH = (b'<div class="a b c"><p>Lorem ipsum dolor <b>sit</b> amet, <a href="/x">consectetur</a> '
         b'adipiscing.</p></div>')
RAW = re.compile(rb'(<(script|style)(?=[\s/>])[^>]*>).*?(?=</\2)', re.I | re.S)
BODY_OPEN = re.compile(rb'<body(?=[\s/>])[^>]*>', re.I)
BODY_CLOSE = re.compile(rb'</body', re.I)


def dense(html):
    """Script and style bodies emptied (the start and end tags kept)."""
    return RAW.sub(rb'\1', html)


def joined_bodies(shared, size):
    parts, total = [], 0
    for path in sorted(glob.glob(os.path.join(shared, 'bench', 'wcxb-dev', '*.html.gz'))):
        with gzip.open(path, 'rb') as f:
            html = dense(f.read())
        m = BODY_OPEN.search(html)
        start = m.end() if m else 0
        ends = [e.start() for e in BODY_CLOSE.finditer(html, start)]
        body = html[start:ends[-1] if ends else len(html)]
        parts.append(body)
        total += len(body)
        if total >= size:
            break
    head = b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>wcxb-dev bodies joined</title></head><body>'
    return head + b'\n'.join(parts) + b'</body></html>\n'


def peak_kb(binary, page):
    """pith's peak RSS in kB, from /usr/bin/time (GNU time: %M). Not wait4 from here: Linux carries the
    forking process's peak over exec, and this Python process holds the pages."""
    with tempfile.NamedTemporaryFile('r') as out:
        p = subprocess.run(['/usr/bin/time', '-o', out.name, '-f', '%x %M', binary, '-q', '-f', 'json', page],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        status, kb = out.read().split()[-2:]
    if p.returncode not in (0, 1) or status not in ('0', '1'):
        print(f'memory_bench: {binary} {page}: exit status {status}', file=sys.stderr)
    return int(kb)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('binaries', nargs='*', default=[os.path.join(here, '..', 'build', 'pith')])
    ap.add_argument('--shared', default=os.environ.get('PITH_SHARED_DIR', os.path.join(here, '..', '..', 'shared')))
    ap.add_argument('--size', type=float, default=8, help='size of the joined real page in MB (default 8)')
    ap.add_argument('--repeats', default='50000,200000,400000')
    ap.add_argument('--runs', type=int, default=1, help='runs per page and binary; the lowest peak is kept')
    a = ap.parse_args()
    if not os.access('/usr/bin/time', os.X_OK):
        print('memory_bench: /usr/bin/time missing (apt-get install time)', file=sys.stderr)
        return 2
    for b in a.binaries:
        if not os.access(b, os.X_OK):
            print(f'memory_bench: no pith binary at {b}', file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix='pith-memory-') as tmp:
        pages = []
        empty = os.path.join(tmp, 'empty.html')
        open(empty, 'wb').close()
        real = joined_bodies(a.shared, int(a.size * 1e6))
        path = os.path.join(tmp, 'real.html')
        with open(path, 'wb') as f:
            f.write(real)
        pages.append(('real (wcxb-dev bodies, dense)', path, len(real)))
        for n in (int(x) for x in a.repeats.split(',') if x):
            path = os.path.join(tmp, f'synth-{n}.html')
            with open(path, 'wb') as f:
                f.write(SYNTH * n)
            pages.append((f'synth x{n}', path, len(SYNTH) * n))
        print('peak RSS of `pith -f json PAGE` above an empty run, against the page size')
        print('%-30s %9s  %s' % ('page', 'MB', '  '.join('%-26s' % os.path.relpath(b) for b in a.binaries)))
        base = {b: min(peak_kb(b, empty) for _ in range(a.runs)) for b in a.binaries}
        print('%-30s %9s  %s' % ('(empty run)', '0', '  '.join('%-26s' % ('%.1f MB' % (base[b] / 1024))
                                                                for b in a.binaries)))
        for name, path, size in pages:
            cells = []
            for b in a.binaries:
                kb = min(peak_kb(b, path) for _ in range(a.runs))
                above = (kb - base[b]) * 1024
                cells.append('%-26s' % ('%.1f MB above, %.2fx' % (above / 1e6, above / size)))
            print('%-30s %9.1f  %s' % (name, size / 1e6, '  '.join(cells)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
