#!/usr/bin/env python3
"""Proves a refactor byte-identical: runs two pith binaries over every shared benchmark page and lists the pages
whose output differs.

usage: tools/same_output.py OLD_PITH NEW_PITH [--shared DIR] [--sets A,B] [--jobs N] [--mode ARGS]... [--stderr]
                            [--show N]

Each page is extracted by both binaries with `-f json`, once plainly and once with `--comments` (the default
modes; give --mode "ARGS" one or more times to run other option sets instead, e.g. --mode "-f markdown --links").
Pages: scrapinghub/ and readability/ (`<id>.html`, no URL: as quality.sh runs them) and wcxb-dev/ (`<id>.html.gz`,
decompressed once into a temporary folder, run with `-u URL` from `<id>.json`: as wcxb.py runs them).
Compared: standard output and exit status (and standard error with --stderr).

Keep an old binary to compare against before you change anything, e.g.
    cp build-dev/pith /tmp/pith-before && (change, rebuild) && tools/same_output.py /tmp/pith-before build-dev/pith

--shared DIR: the shared folder (default: $PITH_SHARED_DIR, else ../shared beside the repository).
--sets A,B: only these sets (default: scrapinghub,readability,wcxb-dev).
--jobs N: pages run in parallel (default 2: the machine is shared).
--show N: print a unified diff of the first N differing outputs (default 0).
Exit status: 0 when every output is the same, 1 when some differ, 2 for a usage error.
"""
import argparse
import concurrent.futures
import difflib
import gzip
import json
import os
import shlex
import subprocess
import sys
import tempfile

SETS = ('scrapinghub', 'readability', 'wcxb-dev')
DEFAULT_MODES = ('-f json', '-f json --comments')


def pages(shared, tmp, sets):
    """(set, id, html path, url or None) for every page; gzipped pages are decompressed into tmp."""
    out = []
    for name in sets:
        d = os.path.join(shared, 'bench', name)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith('.html'):
                out.append((name, f[:-5], os.path.join(d, f), None))
            elif f.endswith('.html.gz'):
                pid = f[:-8]
                dst = os.path.join(tmp, name + '-' + pid + '.html')
                with gzip.open(os.path.join(d, f), 'rb') as fi, open(dst, 'wb') as fo:
                    fo.write(fi.read())
                url = None
                meta = os.path.join(d, pid + '.json')
                if os.path.exists(meta):
                    with open(meta, encoding='utf-8') as fm:
                        url = json.load(fm).get('url')
                out.append((name, pid, dst, url))
    return out


def run(binary, args, path, url):
    cmd = [binary] + args + (['-u', url] if url else []) + [path]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=120)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', b'', b''


def compare(old, new, args, page, with_stderr):
    _, _, path, url = page
    a, b = run(old, args, path, url), run(new, args, path, url)
    same = a[0] == b[0] and a[1] == b[1] and (not with_stderr or a[2] == b[2])
    return None if same else (a, b)


def readable(out):
    """Output as lines to diff: JSON Lines pretty-printed, anything else as it is."""
    text = out.decode('utf-8', 'replace')
    try:
        return ''.join(json.dumps(json.loads(l), indent=1, ensure_ascii=False) + '\n'
                       for l in text.splitlines() if l.strip()).splitlines(True)
    except ValueError:
        return text.splitlines(True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('old')
    ap.add_argument('new')
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--shared', default=os.environ.get('PITH_SHARED_DIR', os.path.join(here, '..', '..', 'shared')))
    ap.add_argument('--sets', default=','.join(SETS))
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--mode', action='append')
    ap.add_argument('--stderr', action='store_true')
    ap.add_argument('--show', type=int, default=0)
    a = ap.parse_args()
    for b in (a.old, a.new):
        if not os.access(b, os.X_OK):
            print(f'same_output.py: {b!r} is not an executable', file=sys.stderr)
            return 2
    modes = [shlex.split(m) for m in (a.mode or DEFAULT_MODES)]
    with tempfile.TemporaryDirectory(prefix='same-output-') as tmp:
        todo = pages(a.shared, tmp, [s for s in a.sets.split(',') if s])
        if not todo:
            print(f'same_output.py: no benchmark pages under {a.shared}/bench', file=sys.stderr)
            return 2
        diffs = []
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
            futs = [(args, page, ex.submit(compare, a.old, a.new, args, page, a.stderr))
                    for args in modes for page in todo]
            for args, page, fut in futs:
                d = fut.result()
                if d:
                    diffs.append((args, page, d))
    for args, (name, pid, _, url), _ in diffs:
        print(f'differs: {name}/{pid} [{" ".join(args)}]' + (f' -u {url}' if url else ''))
    for args, (name, pid, _, _), (x, y) in diffs[:a.show]:
        print(f'--- {name}/{pid} [{" ".join(args)}] exit {x[0]} -> {y[0]}')
        for part, (p, q) in (('stdout', (x[1], y[1])), ('stderr', (x[2], y[2]))):
            if p != q:
                sys.stdout.writelines(difflib.unified_diff(readable(p), readable(q), f'old {part}', f'new {part}', n=1))
                print()
    n = len(todo) * len(modes)
    print(f'same_output: {len(diffs)} of {n} outputs differ ({len(todo)} pages x {len(modes)} option sets)')
    return 1 if diffs else 0


if __name__ == '__main__':
    sys.exit(main())
