#!/usr/bin/env python3
"""front_matter.py PITH PAGE...: for each page, `pith -f markdown --front-matter` is a YAML header
(read back by PyYAML: a mapping of strings, authors a list) whose values are the JSON output's metadata,
followed by exactly what `pith -f markdown` writes, which cmark reads as before. Prints one line per
failure and a count; exit 1 on any failure, 77 without PyYAML or cmark."""
import json
import shutil
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("skipped: PyYAML is not installed (apt-get install python3-yaml)")
    sys.exit(77)
if not shutil.which("cmark"):
    print("skipped: cmark is not installed (apt-get install cmark)")
    sys.exit(77)

pith, pages = sys.argv[1], sys.argv[2:]
KEYS = {"title": "title", "authors": "authors", "date": "date_published", "modified": "date_modified",
        "site": "site_name", "language": "language", "page_type": "page_type"}
fails = checked = 0


def run(*args):
    return subprocess.run([pith, *args], capture_output=True).stdout


def fail(page, why):
    global fails
    fails += 1
    print("FAIL: %s: %s" % (page, why))


for page in pages:
    plain, fm, js = run("-f", "markdown", page), run("-f", "markdown", "--front-matter", page), run("-f", "json", page)
    if not plain.strip():
        continue
    checked += 1
    meta = json.loads(js)
    if not fm.startswith(b"---\n"):
        fail(page, "no front matter")
        continue
    end = fm.find(b"\n---\n\n", 3)
    if end < 0:
        fail(page, "front matter not closed")
        continue
    head, body = fm[4:end + 1], fm[end + 6:]
    if body != plain:
        fail(page, "the Markdown after the front matter differs from plain -f markdown")
    try:
        y = yaml.safe_load(head.decode("utf-8")) or {}
    except yaml.YAMLError as e:
        fail(page, "YAML: %s" % e)
        continue
    for k, v in y.items():
        if k == "url":
            want = meta.get("canonical_url") or meta.get("url")
        elif k in KEYS:
            want = meta.get(KEYS[k])
        else:
            fail(page, "unexpected key %r" % k)
            continue
        if v != want:
            fail(page, "%s: YAML gives %r, JSON %r" % (k, v, want))
    for k, j in KEYS.items():
        if meta.get(j) and k not in y:
            fail(page, "%s missing" % k)
    html = subprocess.run(["cmark"], input=body, capture_output=True).stdout
    if html != subprocess.run(["cmark"], input=plain, capture_output=True).stdout:
        fail(page, "cmark reads the body otherwise")
print("%d pages checked, %d failures" % (checked, fails))
sys.exit(1 if fails or not checked else 0)
