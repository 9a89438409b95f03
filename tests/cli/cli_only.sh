#!/usr/bin/env bash
# cli_only.sh - page types in the CLI: the JSON page_type key, --only on
# HTML and WARC input, its validation, and --stats counting records per
# page type. The pages are tests/page_types/*.html (one of each type).
# usage: cli_only.sh PITH_BINARY SHARED_DIR   (the shared dir is not needed)
PITH=$1
. "$(dirname "$0")/cli_lib.sh"
PAGES=$REPO/tests/page_types
url_of() { sed -n '1s/.*url: \(.*\) -->.*/\1/p' "$PAGES/$1.html"; }
type_in() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])["page_type"])' "$1"; }

# ---- page_type in the JSON, every type
for t in article forum product collection listing documentation service; do
  run /dev/null -f json -u "$(url_of $t)" "$PAGES/$t.html"
  ok "json: $t page has page_type $t" [ "$(type_in "$out")" = "$t" ]
done

# ---- --only with HTML input
run /dev/null --only article,documentation -f json -u "$(url_of product)" "$PAGES/product.html"
ok "--only article,documentation, a product page: exit 0" [ $st = 0 ]
ok "--only: no article, its type and metadata kept" python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["page_type"] == "product" and d["text"] == "" and d["blocks"] == [], d
assert d["title"].startswith("Blue Widget"), d["title"]' "$out"
run /dev/null --only article -u "$(url_of product)" "$PAGES/product.html"
ok "--only, text format: empty output" [ -z "$out" ]
ok "--only, text format: stderr says why" contains "$err" "no article: page type not asked for: product"
run /dev/null --only=product,article -u "$(url_of product)" "$PAGES/product.html"
ok "--only=product,article: the product page is extracted" contains "$out" "sturdy widget"
run /dev/null -u "$(url_of product)" "$PAGES/product.html"
ok "no --only: every type is extracted" contains "$out" "sturdy widget"
run /dev/null --only forum "$PAGES/forum.html" "$PAGES/service.html"
ok "--only forum, two inputs: the forum extracted" contains "$out" "nightly backup"
ok "--only forum, two inputs: the service page not" contains "$err" "page type not asked for: service"

# ---- validation
for bad in blog "article,blog" "" "article," ",article" "Article" "article documentation"; do
  run /dev/null --only "$bad" "$SAMPLE"
  ok "--only '$bad': usage error (exit 2)" [ $st = 2 ]
  ok "--only '$bad': says what it takes" contains "$err" "--only takes page types"
done
run /dev/null --only
ok "--only without a value: usage error" [ $st = 2 ]
ok "--help lists --only" bash -c '"$1" --help | grep -q -- "--only TYPES"' _ "$PITH"

# ---- WARC: --only, --all-records, --stats page_types
python3 - "$T/mixed.warc" "$PAGES" <<'PY'
import sys
sys.path.insert(0, sys.argv[2] + "/../cli")
from warc_make import http, page, record
out, pages = sys.argv[1], sys.argv[2]
recs = []
def add(i, uri, body):
    recs.append(record("response", "20000000-0000-0000-0000-%012d" % i, uri, "application/http; msgtype=response",
                       http(200, "text/html; charset=utf-8", body)))
for i in range(3):
    add(i, "https://news.example.com/2024/01/02/story-number-%d-of-the-day" % i, page(i))
for i, t in enumerate(["product", "forum"]):
    raw = open("%s/%s.html" % (pages, t), "rb").read()
    url = raw.split(b"url: ", 1)[1].split(b" -->", 1)[0].decode()
    add(10 + i, url, raw)
open(out, "wb").write(b"".join(recs))
PY
"$PITH" -q -j 2 --only article --all-records --stats "$T/stats.json" "$T/mixed.warc" > "$T/lines" 2> "$T/err"
ok "WARC --only article: exit 0" [ $? = 0 ]
ok "WARC --only article: three articles, two skipped lines" python3 - "$T/lines" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
arts = [r for r in rows if "skipped" not in r]
skips = sorted(r["skipped"] for r in rows if "skipped" in r)
assert len(rows) == 5 and len(arts) == 3, rows
assert all(r["page_type"] == "article" and r["text"] for r in arts), arts
assert skips == ["no article: page type not asked for: forum", "no article: page type not asked for: product"], skips
PY
ok "WARC --stats: records per page type" python3 - "$T/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["page_types"] == {"article": 3, "forum": 1, "product": 1, "collection": 0, "listing": 0,
                           "documentation": 0, "service": 0}, s["page_types"]
assert s["extracted"] == 3, s["extracted"]
assert s["skipped"] == {"no article: page type not asked for: forum": 1,
                        "no article: page type not asked for: product": 1}, s["skipped"]
PY
"$PITH" -j 1 "$T/mixed.warc" > "$T/lines" 2> "$T/err"
ok "WARC without --only: five articles" [ "$(wc -l < "$T/lines")" = 5 ]
ok "WARC summary: a page types line" contains "$(cat "$T/err")" "page types: article 3, forum 1, product 1, collection 0"
summary
