#!/usr/bin/env python3
"""Lists pith's metadata misses on Mozilla's readability fixtures, each with
the reason it misses, and the score without the two kinds of expectation the
metadata issue (#11) says not to chase.

usage: tools/readability_meta_misses.py [PITH] [--shared DIR]

The fixtures' expected metadata is Readability.js's output. Two kinds of it
contradict pith's rules on purpose:
  site-suffix  the expected title is pith's title with the site's name (or a
               section, an author's column) left on after a separator,
               or put before one: "How to Build a Terrarium | eHow";
  date-kept    the expected byline is pith's authors with the date left in,
               or a date alone: "By Nathan Willis March 25, 2015".
Every other miss is printed as `other`, to be read one by one. Scoring is
../shared/tools/metadata.py's, imported, so both count the same.
Not a test: nothing here decides pass or fail.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEPARATORS = ('-', '|', '–', '—', '·', ':', '[', '(', '✩', '»', '/')
DATE_WORDS = set('''by on at am pm updated last published posted
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec'''.split())


def classify(m, field, exp, got):
    """site-suffix, date-kept or other, for a miss of `field`."""
    if field == 'title' and got.get('title'):
        e, g = m.norm(exp), m.norm(got['title'])
        if g and e.startswith(g) and e[len(g):].lstrip().startswith(SEPARATORS):
            return 'site-suffix'
        if g and e.endswith(g) and e[:-len(g)].rstrip().endswith(SEPARATORS):
            return 'site-suffix'  # "Yahoo News - Latest News & Headlines": the site's name first
    if field == 'byline':
        have = set(m.words(' '.join(map(str, got.get('authors') or []))))
        left = [w for w in m.words(exp) if w not in have]
        if left and all(w in DATE_WORDS or re.search(r'\d', w) for w in left):
            return 'date-kept'
    return 'other'


def main():
    args = sys.argv[1:]
    shared = os.path.join(HERE, '..', '..', 'shared')
    if '--shared' in args:
        i = args.index('--shared')
        shared = args[i + 1]
        del args[i:i + 2]
    pith = args[0] if args else os.path.join(HERE, '..', 'build', 'pith')
    ds = os.path.join(shared, 'bench', 'readability')
    if not os.path.isdir(ds):
        print(f'readability_meta_misses: no fixtures at {ds}', file=sys.stderr)
        return 2
    sys.path.insert(0, os.path.join(shared, 'tools'))
    import metadata as m  # ../shared/tools/metadata.py: the scorer quality.sh uses

    key = {'title': 'title', 'byline': 'authors', 'publishedTime': 'date_published',
           'siteName': 'site_name', 'lang': 'language', 'excerpt': 'description'}
    hits = misses = 0
    kinds = {}
    with tempfile.TemporaryDirectory() as out:
        for fn in sorted(os.listdir(ds)):
            if not fn.endswith('.json'):
                continue
            page = os.path.join(ds, fn[:-5] + '.html')
            res = subprocess.run([pith, '-f', 'json', page], capture_output=True)
            try:
                got = json.loads(res.stdout) if res.returncode == 0 else {}
            except ValueError:
                got = {}
            exp = json.load(open(os.path.join(ds, fn), encoding='utf-8'))
            for f in m.FIELDS:
                if exp.get(f) in (None, ''):
                    continue
                if m.check(f, exp[f], got):
                    hits += 1
                    continue
                misses += 1
                kind = classify(m, f, exp[f], got)
                kinds[kind] = kinds.get(kind, 0) + 1
                print(f'{kind:12} {fn[:-5]:24} {f:9} expected={exp[f]!r:.90}  pith={got.get(key[f])!r:.90}')
    total = hits + misses
    named = kinds.get('site-suffix', 0) + kinds.get('date-kept', 0)
    print(f'misses: ' + ', '.join(f'{k} {v}' for k, v in sorted(kinds.items())))
    print(f'all={hits / max(total, 1):.3f} ({hits}/{total}); without site-suffix and date-kept: '
          f'{hits / max(total - named, 1):.3f} ({hits}/{total - named})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
