#!/usr/bin/python3
"""Train pith's block model: which text blocks of a page are its content.

usage: tools/train_block_model.py --shared ../shared --dump build/bench/block_dump
           --types-dump build/bench/page_type_dump [--out src/extract/block_model_data.h] [--no-cv]

Runs on Debian packages only (python3-sklearn, python3-numpy), with Debian's
/usr/bin/python3.

Data: the WCXB development pages in ../shared/bench/wcxb-dev. block_dump
measures every text block of every page through the library's own pipeline
(the features are those the C code computes); a block's label is whether
its words are the page's main content: the share of its words that sit in
a run of three words found in the ground truth (blocks of one or two words:
the words found together in it) is at least LABEL_SHARE. Pages whose truth
is empty are left out.

The page-type scores among the features are out-of-fold: each page's
scores come from a page-type model trained (as tools/train_page_type.py
trains it) on the other folds' sites, so the block model learns how much
to trust the page type from scores as wrong as they will be on new pages.

Validation: 5 folds split by site (GroupKFold), never scoring a page on a
model that saw its site. The report gives, per page type, the word F1 of
the kept blocks' text against the truth (the metric of ../shared/tools/
wcxb.py, on block text rather than pith's rendered output).

The model: gradient-boosted trees (HistGradientBoostingClassifier), written
as C tables to block_model_data.h: thresholds rounded down to floats (a
float feature compares the same way as in training), deterministic.
"""
import argparse
import collections
import gzip
import os
import re
import subprocess
import sys
import tempfile

os.environ.setdefault('OMP_NUM_THREADS', '1')
import numpy as np  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_page_type as tpt  # noqa: E402

PITH_TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service']
LABEL_SHARE = 0.5
MODEL = dict(max_iter=120, learning_rate=0.1, max_leaf_nodes=24, min_samples_leaf=40,
             l2_regularization=1.0, random_state=0)
WORD = re.compile(r'\w+')


def words(s):
    return WORD.findall((s or '').lower())


def label_block(tokens, grams3, grams2, grams1):
    if not tokens:
        return 0
    if len(tokens) == 1:
        return int(tokens[0] in grams1)
    if len(tokens) == 2:
        return int(tuple(tokens) in grams2)
    covered = [False] * len(tokens)
    for i in range(len(tokens) - 2):
        if tuple(tokens[i:i + 3]) in grams3:
            covered[i] = covered[i + 1] = covered[i + 2] = True
    return int(sum(covered) >= LABEL_SHARE * len(tokens))


def word_f1(pred, ref):
    p, r = words(pred), words(ref)
    if not r:
        return 1.0 if not p else 0.0
    if not p:
        return 0.0
    overlap = sum((collections.Counter(p) & collections.Counter(r)).values())
    prec, rec = overlap / len(p), overlap / len(r)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def load(shared, dump):
    data = os.path.join(shared, 'bench', 'wcxb-dev')
    pages = tpt.load_pages(data)
    truths = {}
    for pid, _, _ in pages:
        import json
        with open(os.path.join(data, pid + '.json'), encoding='utf-8') as f:
            truths[pid] = (json.load(f).get('ground_truth') or {}).get('main_content') or ''
    with tempfile.TemporaryDirectory(prefix='pith-bm-') as tmp:
        lines = []
        for pid, url, _ in pages:
            src = os.path.join(tmp, pid + '.html')
            with gzip.open(os.path.join(data, pid + '.html.gz'), 'rb') as fi, open(src, 'wb') as fo:
                fo.write(fi.read())
            lines.append(f'{pid}\t{src}\t{url}\n')
        out = subprocess.run([dump], input=''.join(lines).encode(), capture_output=True, check=True).stdout
    names = subprocess.run([dump, '--names'], capture_output=True, check=True).stdout.decode().split()
    rows = collections.defaultdict(list)
    for line in out.decode('utf-8', 'replace').split('\n'):
        if not line:
            continue
        parts = line.split('\t')
        nf = len(names)
        rows[parts[0]].append(([float(v) for v in parts[3:3 + nf]], parts[3 + nf] if len(parts) > 3 + nf else ''))
    return pages, truths, names, rows


def oof_page_scores(shared, types_dump, pages):
    """Out-of-fold page-type scores (pith's order), per page id."""
    data = os.path.join(shared, 'bench', 'wcxb-dev')
    _, X, Xn, _ = tpt.dump_features(types_dump, data, pages)
    y = np.array([t for _, _, t in pages])
    groups = [tpt.site_of(u) for _, u, _ in pages]
    scores = np.zeros((len(pages), len(PITH_TYPES)), dtype=np.float32)
    for train, test in GroupKFold(5).split(X, y, groups):
        clf = tpt.fit(X[train], Xn[train], y[train])
        raw = clf.decision_function(X[test])
        cols = [list(clf.classes_).index(t) for t in PITH_TYPES]
        scores[test] = raw[:, cols].astype(np.float32)
    return {pid: scores[i] for i, (pid, _, _) in enumerate(pages)}


def float_below(v):
    f = np.float32(v)
    if float(f) > v:
        f = np.nextafter(f, np.float32(-np.inf))
    return float(f)


def c_float(v):
    """A float literal's digits that read back as the same float."""
    t = '%.9g' % v
    return t if ('.' in t or 'e' in t or 'n' in t) else t + '.0'


def rest_bounds_lines(trees, nodes):
    """BM_REST_MAX[t] / BM_REST_MIN[t]: the most and the least that trees t..
    can still add to a score (sums of each tree's largest / smallest leaf),
    so block_model_keep() stops once the rest cannot change its answer."""
    ends = trees[1:] + [len(nodes)]
    hi, lo = [], []
    for a, b in zip(trees, ends):
        leaves = [v for f, _, _, v in nodes[a:b] if f == -1]
        hi.append(max(leaves))
        lo.append(min(leaves))
    rest_hi, rest_lo, acc_hi, acc_lo = [], [], 0.0, 0.0
    for h, l in zip(reversed(hi), reversed(lo)):
        acc_hi += h
        acc_lo += l
        rest_hi.append(acc_hi)
        rest_lo.append(acc_lo)
    rest_hi.reverse()
    rest_lo.reverse()
    out = ['/* What trees t.. can still add to a score, at most and at least. */',
           f'static const double BM_REST_MAX[{len(trees)}] = {{']
    out += ['    %r,' % v for v in rest_hi]
    out += ['};', f'static const double BM_REST_MIN[{len(trees)}] = {{']
    out += ['    %r,' % v for v in rest_lo]
    out += ['};', '']
    return out


def header_model(path):
    """The trees and nodes of a generated block_model_data.h."""
    text = open(path, encoding='utf-8').read()
    trees = [int(x) for x in re.search(r'BM_TREES\[\d+\] = \{(.*?)\};', text, re.S).group(1).replace(',', ' ').split()]
    nodes = [(int(f), int(left), int(right), float(np.float32(v)))
             for f, left, right, v in re.findall(r'\{(-?\d+), (\d+), (\d+), ([^}]*)f\},', text)]
    return trees, nodes


def export(clf, path, nfeatures, threshold, summary):
    base = float(np.ravel(clf._baseline_prediction)[0])
    trees, nodes = [], []
    for stage in clf._predictors:
        pred = stage[0]
        trees.append(len(nodes))
        for n in pred.nodes:
            if n['is_leaf']:
                nodes.append((-1, 0, 0, float(np.float32(n['value']))))
            else:
                nodes.append((int(n['feature_idx']), int(n['left']), int(n['right']),
                              float_below(float(n['num_threshold']))))
    out = ['/*', ' * block_model_data.h - generated by tools/train_block_model.py: do not edit.', ' *']
    out += [' * ' + s for s in summary]
    out += [' */', '#ifndef PITH_EXTRACT_BLOCK_MODEL_DATA_H', '#define PITH_EXTRACT_BLOCK_MODEL_DATA_H', '',
            f'#define BM_NFEATURES {nfeatures}', f'#define BM_BASE_SCORE {base!r}',
            f'#define BM_THRESHOLD {threshold!r}', f'#define BM_NTREES {len(trees)}u', '',
            f'static const uint32_t BM_TREES[{len(trees)}] = {{']
    for i in range(0, len(trees), 16):
        out.append('    ' + ' '.join(f'{t},' for t in trees[i:i + 16]))
    out += ['};', '', '/* {feature (-1: leaf), left, right, threshold or leaf value} */',
            f'static const bm_node BM_NODES[{len(nodes)}] = {{']
    for f, left, right, v in nodes:
        out.append('    {%d, %d, %d, %sf},' % (f, left, right, c_float(v)))
    out += ['};', ''] + rest_bounds_lines(trees, nodes) + ['#endif', '']
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))
    return len(trees), len(nodes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', default='../shared')
    ap.add_argument('--dump', default='build/bench/block_dump')
    ap.add_argument('--types-dump', default='build/bench/page_type_dump')
    ap.add_argument('--out', default='src/extract/block_model_data.h')
    ap.add_argument('--threshold', type=float, default=0.5, help='probability above which a block is kept')
    ap.add_argument('--no-cv', action='store_true')
    ap.add_argument('--bounds-only', action='store_true',
                    help="rewrite only --out's BM_REST_MAX/MIN tables from its own trees (no training)")
    a = ap.parse_args()
    if a.bounds_only:
        text = open(a.out, encoding='utf-8').read()
        head = text[:text.index('};\n', text.index('BM_NODES[')) + 3]
        trees, nodes = header_model(a.out)
        with open(a.out, 'w', encoding='utf-8') as f:
            f.write(head + '\n'.join([''] + rest_bounds_lines(trees, nodes) + ['#endif', '']))
        return 0

    pages, truths, names, rows = load(a.shared, a.dump)
    print(f'{len(rows)} pages measured', file=sys.stderr)
    oof = oof_page_scores(a.shared, a.types_dump, pages)
    print('out-of-fold page-type scores done', file=sys.stderr)
    pt0 = names.index('pt_article')
    X, y, w, g, page_of, texts = [], [], [], [], [], []
    kept_pages = []
    for pid, url, t in pages:
        ref = truths[pid]
        if not words(ref) or pid not in rows:
            continue
        toks = words(ref)
        grams1 = set(toks)
        grams2 = set(zip(toks, toks[1:]))
        grams3 = set(zip(toks, toks[1:], toks[2:]))
        s = oof[pid]
        pts = list(s - s.max())
        blocks = rows[pid]
        total = sum(len(words(tx)) for _, tx in blocks) or 1
        kept_pages.append((pid, t))
        for feats, tx in blocks:
            feats = feats[:pt0] + pts + feats[pt0 + len(PITH_TYPES):]
            tk = words(tx)
            X.append(feats)
            y.append(label_block(tk, grams3, grams2, grams1))
            w.append((len(tk) + 1) / total)
            g.append(tpt.site_of(url))
            page_of.append(pid)
            texts.append(tx)
    X = np.array(X, dtype=np.float32)
    y = np.array(y)
    w = np.array(w) * len(kept_pages) / max(1, len(w)) * 10
    g = np.array(g)
    print(f'{len(kept_pages)} pages, {len(y)} blocks, {y.mean():.3f} content', file=sys.stderr)
    types = dict(kept_pages)

    def report(prob, label):
        by_page = collections.defaultdict(list)
        for i, pid in enumerate(page_of):
            if prob[i] > a.threshold:
                by_page[pid].append(texts[i])
        per_type = collections.defaultdict(list)
        for pid, t in kept_pages:
            per_type[t].append(word_f1(' '.join(by_page.get(pid, [])), truths[pid]))
        allf = [f for v in per_type.values() for f in v]
        line = f'{label}: all={np.mean(allf):.3f} ' + ' '.join(
            f'{t}={np.mean(per_type[t]):.3f}' for t in PITH_TYPES if per_type[t])
        print(line, file=sys.stderr)
        return line

    summary = []
    if not a.no_cv:
        prob = np.zeros(len(y))
        for train, test in GroupKFold(5).split(X, y, g):
            clf = HistGradientBoostingClassifier(**MODEL).fit(X[train], y[train], sample_weight=w[train])
            prob[test] = clf.predict_proba(X[test])[:, 1]
        summary.append('site-split 5-fold word F1 of kept blocks: ' + report(prob, 'cv').split(': ', 1)[1])
        summary.append('perfect blocks (labels): ' + report(y.astype(float), 'labels').split(': ', 1)[1])
    clf = HistGradientBoostingClassifier(**MODEL).fit(X, y, sample_weight=w)
    p = a.threshold
    logit = float(np.log(p / (1 - p)))
    summary.append(f'{len(kept_pages)} pages, {len(y)} blocks; {MODEL}; keep above p={p}')
    nt, nn = export(clf, a.out, X.shape[1], logit, summary)
    print(f'wrote {a.out}: {nt} trees, {nn} nodes', file=sys.stderr)


if __name__ == '__main__':
    main()
