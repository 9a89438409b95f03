#!/usr/bin/env bash
# CLI output: every format, JSON validity and schema, the options that shape
# the output (--pretty, --links, --images, --captions, --no-tables,
# --comments, -u), --encoding, and `pith tree`.
# usage: cli_formats.sh PITH_BINARY SHARED_DIR
PITH=$1
. "$(dirname "$0")/cli_lib.sh"

# ---- every format on the sample
run /dev/null -f text "$SAMPLE"
ok "text: exit 0" [ $st = 0 ]
ok "text: has the body" contains "$out" "A decommissioned car ferry"
ok "text: no markup" bash -c '! grep -q "<p>\|<a \|<script" "$1"' _ "$T/out"
ok "text: leaves the navigation out" bash -c '! grep -q "Skip to content\|Breaking News" "$1"' _ "$T/out"
run /dev/null -f markdown "$SAMPLE"
ok "markdown: exit 0" [ $st = 0 ]
ok "markdown: heading" grep -q '^## Funding from the harbour fees$' "$T/out"
ok "markdown: list items" grep -q '^- an annual council grant' "$T/out"
ok "markdown: GFM table" grep -q '^| --- | --- |$' "$T/out"
ok "markdown: quote" grep -q '^> “People kept asking' "$T/out"
ok "markdown: emphasis" contains "$out" "*Saltmarsh*"
run /dev/null -f html "$SAMPLE"
ok "html: exit 0" [ $st = 0 ]
ok "html: a complete page" bash -c 'head -1 "$1" | grep -qi "^<!DOCTYPE html>" && grep -q "</html>" "$1"' _ "$T/out"
ok "html: utf-8 declared" grep -qi '<meta charset="utf-8">' "$T/out"
ok "html: a Content-Security-Policy" grep -q 'Content-Security-Policy' "$T/out"
ok "html: the title as h1" grep -q '<h1>Harbour town opens floating library</h1>' "$T/out"
ok "html: no script" bash -c '! grep -qi "<script" "$1"' _ "$T/out"
ok "html: table kept" grep -q '<table' "$T/out"
run /dev/null -f json "$SAMPLE"
ok "json: exit 0" [ $st = 0 ]
ok "json: one line" [ "$(wc -l < "$T/out")" = 1 ]
ok "json: valid" json_valid "$T/out"
cat > "$T/schema.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
keys = ["url", "canonical_url", "title", "authors", "contributors", "sources", "date_published", "date_modified",
        "site_name", "language", "description", "image", "tags", "categories", "license", "encoding",
        "page_type", "product", "text", "blocks", "comments", "posts", "warnings"]
assert list(d) == keys, list(d)
for k in ["authors", "contributors", "sources", "tags", "categories", "blocks", "comments", "posts", "warnings"]:
    assert isinstance(d[k], list), k
for k in set(keys) - {"authors", "contributors", "sources", "tags", "categories", "blocks", "comments", "posts", "warnings"}:
    assert d[k] is None or isinstance(d[k], str), k
types = {"heading", "paragraph", "list", "quote", "code", "table", "figure", "rule"}
def walk(blocks):
    for b in blocks:
        assert b["type"] in types, b
        if b["type"] == "list":
            for it in b["items"]:
                walk(it.get("blocks", []))
        walk(b.get("blocks", []))
walk(d["blocks"])
assert d["title"] == "Harbour town opens floating library", d["title"]
assert d["authors"] == ["Mara Quill"], d["authors"]
assert d["contributors"] == ["Charles Maynes"], d["contributors"]
assert d["sources"] == [], d["sources"]
assert d["date_published"].startswith("2026-03-14"), d["date_published"]
assert d["language"] == "en" and d["encoding"] == "UTF-8"
assert any(b["type"] == "table" for b in d["blocks"])
assert any(b["type"] == "list" for b in d["blocks"])
PY
ok "json: schema, key order and sample metadata" python3 "$T/schema.py" "$T/out"

# ---- options
run /dev/null -f json --pretty "$SAMPLE"
ok "--pretty: several lines" [ "$(wc -l < "$T/out")" -gt 10 ]
ok "--pretty: valid JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out"
run /dev/null -f json "$SAMPLE"; compact=$out
run /dev/null -f json --pretty "$SAMPLE"
ok "--pretty: same data as compact" python3 -c 'import json,sys; assert json.loads(sys.argv[1]) == json.load(open(sys.argv[2]))' "$compact" "$T/out"

# A page with a link and a figure inside the article body.
para="The new ferry timetable starts in April and adds two evening sailings to the outer islands, the council said in a statement on Monday."
cat > "$T/media.html" <<HTML
<html><head><title>Timetable</title></head><body><article><h1>Timetable</h1>
<p>$para</p>
<figure><img src="/img/ferry.jpg" alt="The ferry at dawn"><figcaption>The morning ferry leaving Port Ellery.</figcaption></figure>
<p>$para Details are on <a href="/timetable/spring">the timetable page</a> of the ferry company.</p>
<p>$para</p></article></body></html>
HTML
run /dev/null -f markdown -u https://courier.example/news/x "$T/media.html"
ok "no --links: no link targets in markdown" bash -c '! grep -q "](http" "$1"' _ "$T/out"
ok "no --links: the link text stays" contains "$out" "the timetable page"
run /dev/null -f markdown --links -u https://courier.example/news/x "$T/media.html"
ok "--links: absolute link target in markdown" contains "$out" "[the timetable page](https://courier.example/timetable/spring)"
run /dev/null -f html --links -u https://courier.example/news/x "$T/media.html"
ok "--links: the link in HTML" grep -q 'href="https://courier.example/timetable/spring"' "$T/out"
run /dev/null -f json --links -u https://courier.example/news/x "$T/media.html"
ok "--links: the link in JSON, on its paragraph" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
links = [l for b in d["blocks"] for l in b.get("links", [])]
assert links == [{"text": "the timetable page", "href": "https://courier.example/timetable/spring"}], links
assert all("links" in b for b in d["blocks"] if b["type"] in ("paragraph", "heading"))' "$T/out"
run /dev/null -f json -u https://courier.example/news/x "$T/media.html"
ok "no --links: no links in JSON" bash -c '! grep -q "\"links\"\|timetable/spring" "$1"' _ "$T/out"
run /dev/null -f html --images -u https://courier.example/news/x "$T/media.html"
ok "--images: a figure with an absolute src" grep -q '<img src="https://courier.example/img/ferry.jpg"' "$T/out"
run /dev/null -f html -u https://courier.example/news/x "$T/media.html"
ok "no --images: no img" bash -c '! grep -q "<img" "$1"' _ "$T/out"
run /dev/null -f text --images --captions "$T/media.html"
ok "--captions: the caption in the text" contains "$out" "The morning ferry leaving Port Ellery."
run /dev/null -f text --images "$T/media.html"
ok "no --captions: no caption in the text" bash -c '! grep -q "The morning ferry" "$1"' _ "$T/out"
run /dev/null -f text --no-tables "$SAMPLE"
ok "--no-tables: the table is left out" bash -c '! grep -q "Ruth Skerry" "$1"' _ "$T/out"
run /dev/null -f json -u https://courier.example/a "$SAMPLE"
ok "-u: url in the JSON" python3 -c 'import json,sys; assert json.loads(sys.argv[1])["url"] == "https://courier.example/a"' "$out"
# --comments: a page with an article and a comment thread.
body="The council approved the new harbour plan on Tuesday after a long debate about the cost of dredging the channel and the future of the fishing fleet."
cat > "$T/comments.html" <<HTML
<html><head><title>Harbour plan approved</title></head><body>
<article><h1>Harbour plan approved</h1><p>$body</p><p>$body</p><p>$body</p></article>
<section id="comments" class="comments"><h2>Comments</h2><ol class="comment-list">
<li class="comment"><div class="comment-author">Ann Reader</div><div class="comment-content"><p>About time the channel was dredged properly.</p></div></li>
<li class="comment"><div class="comment-author">Bo Critic</div><div class="comment-content"><p>Who will pay for all of this in the end?</p></div></li>
</ol></section></body></html>
HTML
run /dev/null -f json "$T/comments.html"
ok "no --comments: comments[] empty" python3 -c 'import json,sys; assert json.loads(sys.argv[1])["comments"] == []' "$out"
ok "no --comments: comment text not in the article" bash -c '! grep -q "About time the channel" "$1"' _ "$T/out"
run /dev/null -f json --comments "$T/comments.html"
ok "--comments: exit 0" [ $st = 0 ]
ok "--comments: the thread in comments[]" python3 -c '
import json,sys
c = json.loads(sys.argv[1])["comments"]
texts = " ".join(x["text"] for x in c)
assert "About time the channel" in texts and "Who will pay" in texts, c' "$out"

# ---- --encoding: windows-1251 bytes with no charset declared.
python3 -c "
p = '<html><head><title>Новости</title></head><body><article><p>' + 'Город открыл библиотеку на старом пароме, и жители островов берут книги каждое лето. ' * 3 + '</p></article></body></html>'
open('$T/ru.html', 'wb').write(p.encode('cp1251'))"
run /dev/null --encoding windows-1251 "$T/ru.html"
ok "--encoding windows-1251: Cyrillic text" contains "$out" "Город открыл библиотеку"
run /dev/null --encoding=cp1251 -f json "$T/ru.html"
ok "--encoding label alias cp1251 -> windows-1251" python3 -c 'import json,sys; assert json.loads(sys.argv[1])["encoding"] == "windows-1251"' "$out"
run /dev/null "$T/ru.html"
ok "no --encoding: not decoded as windows-1251 (no declaration)" bash -c '! grep -q "Город" "$1"' _ "$T/out"
run /dev/null --encoding no-such-charset "$T/ru.html"
ok "--encoding with an unknown label fails" [ $st != 0 ]
ok "--encoding with an unknown label says so" contains "$err" "encoding"
# A <meta charset> is honoured without --encoding.
python3 -c "
p = '<html><head><meta charset=\"koi8-r\"><title>x</title></head><body><article><p>' + 'Город открыл библиотеку на старом пароме, и жители островов берут книги каждое лето. ' * 3 + '</p></article></body></html>'
open('$T/koi.html', 'wb').write(p.encode('koi8_r'))"
run /dev/null "$T/koi.html"
ok "<meta charset=koi8-r> honoured" contains "$out" "Город открыл библиотеку"

# ---- every format on every shared page kind: valid JSON, never a crash.
if [ -d "$2/bench/readability" ]; then
  run /dev/null -f json "$2/bench/readability"
  ok "json over the readability pages: exit 0" [ $st = 0 ]
  ok "json over the readability pages: one valid line per page" \
    bash -c '[ "$(wc -l < "$1")" = "$(ls "$2"/*.html | wc -l)" ]' _ "$T/out" "$2/bench/readability"
  ok "json over the readability pages: valid JSON Lines" json_valid "$T/out"
else
  echo "skipped: JSON over the shared pages ($2/bench absent)"
fi

# ---- pith tree
run "$SAMPLE" tree
ok "tree: exit 0" [ $st = 0 ]
ok "tree: html5lib format" grep -q '^| <html>$' "$T/out"
printf '<p>one<p>two' > "$T/frag.html"
run /dev/null tree "$T/frag.html"
ok "tree: implied elements" [ "$(grep -c '<p>' "$T/out")" = 2 ]

# Captions without --images (item 13.15): a figure's <figcaption>, caption
# classes inside it too, shows with --captions alone; a figure whose image and
# caption both link to one page (an offer) is no caption; an item holding only
# a list gives no lone "- " line.
prose="The harbour council met on Tuesday evening to discuss the new budget for the district, which residents have debated for many months. "
cat > "$T/figs.html" <<HTML
<html><head><title>Budget night at the harbour</title></head><body><article><h1>Budget night at the harbour</h1>
<p>$prose$prose</p>
<figure><p><img src="/img/council.jpg" alt="The council chamber"></p><figcaption><span class="caption-text">The council chamber on Tuesday night.</span> <span class="credit">(Image credit: Port Ellery Courier)</span></figcaption></figure>
<p>$prose$prose</p>
<figure><a href="https://shop.example/subscribe"><img src="/img/cover.png" alt="Magazine cover"></a><figcaption><a href="https://shop.example/subscribe"><em>Subscribe to our sister magazine</em></a> for more harbour news!</figcaption></figure>
<p>$prose$prose</p>
<p>Residents can:</p><ul><li style="list-style-type: none"><ul><li>speak at the next meeting</li><li>write to the council</li></ul></li></ul>
<p>$prose</p></article></body></html>
HTML
for imgs in "" --images; do
  run /dev/null -f text --captions $imgs "$T/figs.html"
  ok "--captions $imgs: the figure's caption" contains "$out" "The council chamber on Tuesday night. (Image credit: Port Ellery Courier)"
  ok "--captions $imgs: no offer card" bash -c '! grep -q "Subscribe" "$1"' _ "$T/out"
done
run /dev/null -f text "$T/figs.html"
ok "no --captions: no caption" bash -c '! grep -q "council chamber" "$1"' _ "$T/out"
ok "text: no lone list marker" bash -c '! grep -qE "^ *(-|[0-9]+\.) *$" "$1"' _ "$T/out"
ok "text: the inner list on the item's line" grep -q '^- - speak at the next meeting$' "$T/out"
# The shared pages the issue names.
SH=$2/bench/scrapinghub
if [ -d "$SH" ]; then
  run /dev/null -f text --captions "$SH"/3c5bf8db*.html
  ok "scrapinghub 3c5bf8: --captions gives the lead figure's caption" contains "$out" "The violent simulated birth of a galaxy cluster"
  ok "scrapinghub 3c5bf8: --captions gives no promo" bash -c '! grep -q "Subscribe to our sister" "$1"' _ "$T/out"
  run /dev/null -f text --captions "$SH"/c582d3b7*.html
  ok "scrapinghub c582d3: no lone list marker" bash -c '! grep -qE "^ *(-|[0-9]+\.) *$" "$1"' _ "$T/out"
else
  echo "note: $SH missing: the two scrapinghub checks of item 13.15 skipped (set PITH_SHARED_DIR)"
fi
summary
