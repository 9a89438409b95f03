#!/usr/bin/python3
"""Train pith's page-type model and write it as C tables.

    cmake --build build --target page_type_dump
    /usr/bin/python3 tools/train_page_type.py            # cross-validate, train, write the model
    /usr/bin/python3 tools/train_page_type.py --cv-only  # only measure

Needs Debian's python3-sklearn and python3-numpy (apt-get install python3-sklearn),
hence /usr/bin/python3. Reads only ../shared/bench/wcxb-dev: each page's HTML,
URL and labelled type (_internal.page_type.primary).

1. Every page goes through bench/page_type_dump, which runs the library's own
   pipeline and prints the feature vector the library computes (page_type.h):
   the model is trained on exactly what it will see.
2. Cross-validation with folds split by site (registered domain of the URL):
   no fold is scored by a model that saw a page of the same site. Printed
   for the model and for a rules-only baseline (hand-written rules over the
   same features, below), each with its confusion table.
3. The model is trained on all pages and written to
   src/extract/page_type_model.c (gradient-boosted trees; fixed seed, so the
   same data gives the same file). The script checks that its own
   re-implementation of the C evaluation gives sklearn's scores on every
   page before writing.
4. docs/page_type.md gets the feature table (names and reasons from the C
   code) and the cross-validation results between its markers.
"""
import argparse
import collections
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile

# One thread: the machines this runs on are shared, and OpenMP's busy
# waiting makes a loaded machine much slower, not faster.
os.environ.setdefault('OMP_NUM_THREADS', '1')

import numpy as np  # noqa: E402 (after the thread setting)
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import GroupKFold

TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service']
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The model: boosted depth-3 trees, one per type and round. Chosen by the
# site-grouped cross-validation (docs/page_type.md lists what was tried).
MODEL = dict(max_iter=100, max_depth=3, learning_rate=0.2, early_stopping=False, random_state=0)
FOLDS = 5
# Each page is also learnt without its URL (the caller may have none; the
# features then fall back to the page's canonical URL, or to none), at
# this weight.
WEIGHT_WITHOUT_URL = 0.5

# Second-level public suffixes under which sites register their names
# (bbc.co.uk, abc.net.au): enough to group the benchmark's sites.
SECOND_LEVEL = {'co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'gob', 'nic'}


def site_of(url):
    host = url.split('://', 1)[-1].split('/', 1)[0].split(':')[0].lower().rstrip('.')
    labels = host.split('.')
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2:
        return '.'.join(labels[-3:])
    return '.'.join(labels[-2:])


def load_pages(data):
    pages = []
    for name in sorted(os.listdir(data)):
        if not name.endswith('.json'):
            continue
        pid = name[:-5]
        with open(os.path.join(data, name), encoding='utf-8') as f:
            d = json.load(f)
        t = ((d.get('_internal') or {}).get('page_type') or {}).get('primary', 'article')
        t = 'collection' if t == 'category' else t
        if t not in TYPES:
            continue
        pages.append((pid, d.get('url') or '', t))
    return pages


def dump_features(dump, data, pages):
    """Runs page_type_dump over the pages, each with its URL and without one
    (callers do not always know it); returns (names, X with URL, X without,
    the library's current predictions with URL). Features are float32, as
    the library computes them."""
    with tempfile.TemporaryDirectory(prefix='pith-pt-') as tmp:
        lines = []
        for pid, url, _ in pages:
            src = os.path.join(data, pid + '.html')
            if not os.path.exists(src):
                src = os.path.join(tmp, pid + '.html')
                with gzip.open(os.path.join(data, pid + '.html.gz'), 'rb') as fi, open(src, 'wb') as fo:
                    fo.write(fi.read())
            lines.append(f'{pid}\t{src}\t{url}\n{pid}-nourl\t{src}\t\n')
        out = subprocess.run([dump], input=''.join(lines).encode(), capture_output=True, check=True).stdout
    rows = list(csv.reader(out.decode().splitlines(), delimiter='\t'))
    names = rows[0][1:-1]
    by_id = {r[0]: r for r in rows[1:]}

    def table(suffix):
        return np.array([[float(v) for v in by_id[pid + suffix][1:-1]] for pid, _, _ in pages], dtype=np.float32)
    predicted = [by_id[pid][-1] for pid, _, _ in pages]
    return names, table(''), table('-nourl'), predicted


def held_out_check(dump, shared, clf):
    """The news and reader-view pages of ../shared/bench (scrapinghub/: the
    article-extraction benchmark's articles; readability/: Mozilla's reader
    test pages, mostly articles) were never trained on: how the final model
    types them, scrapinghub with and without its URL, readability without."""
    lines = []
    for folder in ('scrapinghub', 'readability'):
        d = os.path.join(shared, folder)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith('.html'):
                continue
            url = ''
            meta = os.path.join(d, name[:-5] + '.json')
            if folder == 'scrapinghub' and os.path.exists(meta):
                with open(meta, encoding='utf-8') as f:
                    url = json.load(f).get('url') or ''
                lines.append(f'{folder}+url\t{os.path.join(d, name)}\t{url}\n')
            lines.append(f'{folder}\t{os.path.join(d, name)}\t\n')
    if not lines:
        return ''
    out = subprocess.run([dump], input=''.join(lines).encode(), capture_output=True, check=True).stdout
    rows = list(csv.reader(out.decode().splitlines(), delimiter='\t'))[1:]
    sets = collections.defaultdict(list)
    for r in rows:
        sets[r[0]].append([float(v) for v in r[1:-1]])
    text = []
    for name, xs in sets.items():
        pred = collections.Counter(TYPES[i] for i in clf.predict(np.array(xs, dtype=np.float32)))
        label = name.replace('+url', ' with URL') + ('' if '+url' in name else ' without URL')
        text.append(f'{label} ({len(xs)} pages): ' + ', '.join(f'{t} {n}' for t, n in pred.most_common()))
    return '\n'.join(text)


def list_features(dump):
    out = subprocess.run([dump, '--list-features'], capture_output=True, check=True).stdout.decode()
    return [line.split('\t', 1) for line in out.splitlines() if line]


# ---------------------------------------------------------------- rules-only baseline

def rules(f):
    """Hand-written rules over the same features: the baseline the model must beat.
    Each rule says what marks a type; the first that holds wins."""
    if f['gen_forum'] or f['s_forum_post'] or f['s_qa_page'] or \
            (f['url_in_forum'] and (f['cw_user'] >= 3 or f['rep_item_user'] > 0.5)):
        return 'forum'                      # forum software and its markup, posters' boxes under a forum path
    if f['gen_docs'] or f['s_tech_article'] or (f['url_in_docs'] and (f['n_pre'] or f['cw_doc'] >= 3)):
        return 'documentation'              # doc generators; docs paths with code or doc themes
    if f['og_product_group'] or ((f['url_in_collection'] or f['url_last_product']) and f['n_prices'] >= 6) or \
            (f['rep_item_price'] > 0.5 and f['rep_items'] >= 6):
        return 'collection'                 # many prices on a shop's list, a run of priced cards
    if f['s_product'] or f['og_product'] or ((f['url_in_product'] or f['ph_shop'] >= 2) and f['n_prices'] >= 1):
        return 'product'                    # one product's markup, or its path or controls with a price
    if f['s_collection_page'] or f['s_item_list'] or f['url_last_blog'] or f['url_last_listing'] or \
            (f['rep_items'] >= 8 and f['rep_item_link'] > 0.5 and f['rep_item_head'] > 0.5):
        return 'listing'                    # a list's markup, a section's front, many linked titled items
    undated = not f['meta_date'] and not f['meta_author'] and not f['og_article'] and not f['s_article']
    if undated and (f['s_service'] or f['url_in_service'] or f['title_service'] or f['ph_service'] >= 2 or
                    f['p_we'] > 3):
        return 'service'                    # no date or author, and calls to action or "we"
    return 'article'


# ---------------------------------------------------------------- model export

def float_below(v):
    """The largest float32 <= v: for a float feature x, x <= v exactly when
    x <= float_below(v), and the float prints exactly in 9 digits."""
    f = np.float32(v)
    return float(f if float(f) <= v else np.nextafter(f, np.float32(-np.inf)))


def exact9(v):
    """v as the C file will hold it (printed with %.9g)."""
    return float('%.9g' % v)


def export_trees(clf):
    """(base scores, trees): HistGradientBoosting's trees (their leaf values
    already carry the learning rate), thresholds as exact floats."""
    base = [exact9(b) for b in np.asarray(clf._baseline_prediction).ravel()]
    trees = []
    for stage in clf._predictors:
        for k, pred in enumerate(stage):
            nodes = []
            for i, n in enumerate(pred.nodes):
                if n['is_leaf']:
                    nodes.append((-1, 0, 0, exact9(float(n['value']))))
                else:
                    assert n['left'] > i and n['right'] > i and not n['is_categorical']
                    nodes.append((int(n['feature_idx']), int(n['left']), int(n['right']),
                                  float_below(float(n['num_threshold']))))
            trees.append((k, nodes))
    return base, trees


def evaluate(base, trees, x):
    """What page_type.c computes, in Python: raw scores of one page."""
    raw = list(base)
    for k, nodes in trees:
        n = nodes[0]
        while n[0] >= 0:
            n = nodes[n[1]] if float(x[n[0]]) <= n[3] else nodes[n[2]]
        raw[k] += n[3]
    return raw


def write_model(path, base, trees, nfeatures, summary):
    total = sum(len(n) for _, n in trees)
    out = ['/* Generated by tools/train_page_type.py - do not edit.',
           ' * ' + summary, ' */', '#include "page_type_model.h"', '',
           'const uint32_t PT_MODEL_NFEATURES = %d;' % nfeatures,
           'const double PT_BASE_SCORE[] = {%s};' % ', '.join('%.9g' % b for b in base),
           'const uint32_t PT_NTREES = %d;' % len(trees),
           'const uint32_t PT_NNODES = %d;' % total, '',
           'const pt_tree PT_TREES[] = {']
    first, line = 0, '   '
    for k, nodes in trees:
        item = ' {%d, %d},' % (first, k)
        if len(line) + len(item) > 118:
            out.append(line)
            line = '   '
        line += item
        first += len(nodes)
    out += [line, '};', '', '/* {feature (-1: leaf), left, right, threshold or leaf value} */',
            'const pt_node PT_NODES[] = {']
    for _, nodes in trees:
        out.append('    ' + ' '.join('{%d, %d, %d, %.9g},' % n for n in nodes))
    out += ['};', '']
    with open(path, 'w') as f:
        f.write('\n'.join(out))


# ---------------------------------------------------------------- reports

def fit(X, X_nourl, y):
    """The model, on the pages with their URL and again without."""
    w = np.concatenate([np.ones(len(y)), np.full(len(y), WEIGHT_WITHOUT_URL)])
    return HistGradientBoostingClassifier(**MODEL).fit(np.vstack([X, X_nourl]), np.concatenate([y, y]),
                                                       sample_weight=w)


def confusion_text(y, pred):
    cm = confusion_matrix(y, pred, labels=TYPES)
    short = [t[:5] for t in TYPES]
    lines = ['| truth \\ predicted | ' + ' | '.join(short) + ' | recall |', '|---' * (len(TYPES) + 2) + '|']
    for i, t in enumerate(TYPES):
        rec = cm[i, i] / cm[i].sum() if cm[i].sum() else 0
        lines.append(f'| {t} ({cm[i].sum()}) | ' + ' | '.join(str(v) for v in cm[i]) + f' | {rec:.2f} |')
    prec = [cm[i, i] / cm[:, i].sum() if cm[:, i].sum() else 0 for i in range(len(TYPES))]
    lines.append('| precision | ' + ' | '.join(f'{p:.2f}' for p in prec) + ' | |')
    return '\n'.join(lines)


def accuracy(y, pred):
    return sum(a == b for a, b in zip(y, pred)) / len(y)


def update_doc(path, features, results):
    with open(path, encoding='utf-8') as f:
        doc = f.read()
    table = ['| feature | why |', '|---|---|'] + [f'| `{n}` | {w} |' for n, w in features]
    for marker, body in (('FEATURES', '\n'.join(table)), ('RESULTS', results)):
        start, end = f'<!-- {marker} (tools/train_page_type.py) -->', f'<!-- /{marker} -->'
        a, b = doc.index(start) + len(start), doc.index(end)
        doc = doc[:a] + '\n' + body + '\n' + doc[b:]
    with open(path, 'w', encoding='utf-8') as f:
        f.write(doc)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'bench', 'wcxb-dev'))
    ap.add_argument('--dump', default=os.path.join(ROOT, 'build', 'bench', 'page_type_dump'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'src', 'extract', 'page_type_model.c'))
    ap.add_argument('--doc', default=os.path.join(ROOT, 'docs', 'page_type.md'))
    ap.add_argument('--cv-only', action='store_true', help='measure, write nothing')
    ap.add_argument('--save-features', help='also write the feature table (TSV) here')
    a = ap.parse_args()

    pages = load_pages(a.data)
    names, X, X_nourl, predicted = dump_features(a.dump, a.data, pages)
    y = [t for _, _, t in pages]
    groups = [site_of(url or pid) for pid, url, _ in pages]
    if a.save_features:
        with open(a.save_features, 'w') as f:
            f.write('\t'.join(['id', 'type', 'site'] + names) + '\n')
            for (pid, _, t), s, row in zip(pages, groups, X):
                f.write('\t'.join([pid, t, s] + ['%.9g' % v for v in row]) + '\n')
    print(f'{len(pages)} pages, {len(set(groups))} sites, {len(names)} features')
    print('current library model on these pages (it has seen them): %.3f' % accuracy(y, predicted))

    base_pred = [rules(dict(zip(names, row))) for row in X]
    print('\nrules-only baseline (no training): accuracy %.3f' % accuracy(y, base_pred))
    print(confusion_text(y, base_pred))

    # Every page is learnt twice, with its URL and without (the URL
    # features zero, url_given 0), so the model also serves callers that
    # have no URL; both copies of a page fall in the same fold.
    yi = np.array([TYPES.index(t) for t in y])
    cv_pred, cv_nourl = np.zeros_like(yi), np.zeros_like(yi)
    fold_acc = []
    for train, test in GroupKFold(FOLDS).split(X, yi, groups):
        clf = fit(X[train], X_nourl[train], yi[train])
        cv_pred[test] = clf.predict(X[test])
        cv_nourl[test] = clf.predict(X_nourl[test])
        fold_acc.append(float(np.mean(cv_pred[test] == yi[test])))
    model_pred = [TYPES[i] for i in cv_pred]
    nourl_pred = [TYPES[i] for i in cv_nourl]
    acc = accuracy(y, model_pred)
    print(f'\nmodel, {FOLDS} folds split by site: accuracy {acc:.3f} (folds: ' +
          ', '.join(f'{v:.3f}' for v in fold_acc) + f'); without the URL: {accuracy(y, nourl_pred):.3f}')
    print(confusion_text(y, model_pred))
    if a.cv_only:
        return 0

    clf = fit(X, X_nourl, yi)
    base, trees = export_trees(clf)
    both = np.vstack([X, X_nourl])
    dec = clf.decision_function(both)
    for row, d in zip(both, dec):
        raw = evaluate(base, trees, row)
        assert max(abs(r - s) for r, s in zip(raw, d)) < 1e-5, (raw, d)
        assert int(np.argmax(raw)) == int(np.argmax(d)), 'a page changes type with the printed values'
    summary = (f'{len(pages)} pages of wcxb-dev, {len(set(groups))} sites; HistGradientBoostingClassifier ' +
               ', '.join(f'{k}={v}' for k, v in MODEL.items()) + f', without-URL weight {WEIGHT_WITHOUT_URL}' +
               f'; site-grouped {FOLDS}-fold accuracy {acc:.3f}, rules-only {accuracy(y, base_pred):.3f}')
    write_model(a.out, base, trees, len(names), summary)
    print(f'\nwrote {a.out}: {len(trees)} trees, {sum(len(n) for _, n in trees)} nodes')
    held = held_out_check(a.dump, os.path.dirname(os.path.normpath(a.data)), clf)
    print('\nheld-out news pages, by the final model:\n' + held)
    results = (f'Site-grouped {FOLDS}-fold cross-validation on {len(pages)} pages of {len(set(groups))} sites '
               f'(`{os.path.basename(__file__)}`, HistGradientBoostingClassifier {", ".join(f"{k}={v}" for k, v in MODEL.items())}, without-URL weight {WEIGHT_WITHOUT_URL}).\n\n'
               f'**Model: accuracy {acc:.3f}** (folds: {", ".join(f"{v:.3f}" for v in fold_acc)}); '
               f'the same pages without their URL: {accuracy(y, nourl_pred):.3f}\n\n'
               + confusion_text(y, model_pred) +
               '\n\nPages never trained on, typed by the final model (news and reader-view pages, '
               'nearly all articles):\n\n' + '\n'.join('- ' + l for l in held.splitlines()) +
               f'\n\n**Rules-only baseline: accuracy {accuracy(y, base_pred):.3f}**\n\n' + confusion_text(y, base_pred))
    if os.path.exists(a.doc):
        update_doc(a.doc, list_features(a.dump), results)
        print(f'updated {a.doc}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
