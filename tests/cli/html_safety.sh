#!/usr/bin/env bash
# The HTML output is safe to open: a hostile page (tests/cli/data/hostile_page.html:
# <script>, on*= handlers, javascript:/vbscript:/data: URLs, <iframe>,
# <style>, <svg>/<math> scripts, <base>, meta refresh, markup in metadata)
# is rendered and nothing active survives (tests/cli/safe_html.py checks tags,
# attributes, URL schemes and styles against the renderer's allowlist). The
# Markdown and JSON outputs are checked for active links and raw HTML too, and
# every shared benchmark page's HTML output passes the same check.
#
# When /usr/bin/chromium exists, both the hostile page (control: its scripts
# must run and write a marker) and pith's output are loaded headless with
# --dump-dom, and the marker must be absent from the output's DOM. Without
# chromium that part is skipped (with a message); the rest still runs.
#
# usage: html_safety.sh PITH_BINARY SHARED_DIR
PITH=$1 SHARED=$2
. "$(dirname "$0")/cli_lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
page=$here/data/hostile_page.html
check() { python3 "$here/safe_html.py" "$@"; }

# ---- HTML output, with and without the options that add links and images.
for opts in "" "--links --images" "--links --images --comments -u https://harbour.example/news/1" "--favor recall --links --images"; do
  # shellcheck disable=SC2086
  run /dev/null -f html $opts "$page"
  cp "$T/out" "$T/page.html"
  ok "html [$opts]: exit 0" [ $st = 0 ]
  ok "html [$opts]: the article survived" contains "$out" "seabed survey"
  ok "html [$opts]: passes the allowlist check" check page "$T/page.html"
  ok "html [$opts]: no <script" bash -c '! grep -qi "<script" "$1"' _ "$T/page.html"
  ok "html [$opts]: no <iframe" bash -c '! grep -qi "<iframe" "$1"' _ "$T/page.html"
  ok "html [$opts]: no javascript:/vbscript:/data: attribute" \
    bash -c '! grep -qiE "(href|src|action|srcset)=\"? *(javascript|vbscript|data):" "$1"' _ "$T/page.html"
done

# ---- Markdown: no active link targets, no raw HTML a Markdown renderer would pass on.
run /dev/null -f markdown --links --images -u https://harbour.example/news/1 "$page"
ok "markdown: exit 0" [ $st = 0 ]
ok "markdown: no javascript:/vbscript:/data: link or image" bash -c '! grep -qiE "\]\(\s*(javascript|vbscript|data):" "$1"' _ "$T/out"
ok "markdown: link and image targets are http(s)" \
  python3 -c 'import re,sys; t=open(sys.argv[1]).read(); bad=[u for u in re.findall(r"\]\(([^)\s]*)", t) if not u.startswith(("http://","https://"))]; assert not bad, bad' "$T/out"
# Code blocks are literal text to a Markdown renderer: only the prose counts,
# and a fence's info string must be one plain token.
awk '/^```/ { fence = !fence; next } !fence' "$T/out" > "$T/prose.md"
ok "markdown: no raw HTML tags in the prose (unescaped <script, <iframe, <img, <svg, <a )" \
  bash -c '! grep -qiE "(^|[^\\\\])<(script|iframe|img|svg|a |style|object|embed)" "$1"' _ "$T/prose.md"
ok "markdown: fence info strings are plain tokens" bash -c '! grep -E "^\`\`\`" "$1" | grep -q "[<>\"&'"'"']"' _ "$T/out"

# ---- JSON: URLs are http(s) or null; any inline "html" field passes the fragment check.
run /dev/null -f json --links --images --comments -u https://harbour.example/news/1 "$page"
ok "json: valid" json_valid "$T/out"
python3 - "$T/out" "$T/fragments" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
frags, bad = [], []
def walk(blocks):
    for b in blocks:
        if "html" in b: frags.append(b["html"].replace("\n", " "))
        if b.get("src") and not b["src"].startswith(("http://", "https://")): bad.append(b["src"])
        walk(b.get("blocks", []))
        for it in b.get("items", []): walk(it.get("blocks", []))
walk(d["blocks"])
for k in ("image", "canonical_url"):
    if d[k] and not d[k].startswith(("http://", "https://")): bad.append(d[k])
open(sys.argv[2], "w").write("\n".join(frags) + "\n")
sys.exit(1 if bad else 0)
PY
ok "json: every URL is http(s) or null" [ $? = 0 ]
ok "json: inline html fields pass the allowlist check" check fragment "$T/fragments"

# ---- every shared page's HTML output passes the allowlist check.
if [ -d "$SHARED/bench" ]; then
  "$PITH" -f html --links --images -o "$T/bench" "$SHARED/bench" 2> "$T/bench.err"
  ok "bench pages: rendered" [ "$(find "$T/bench" -name '*.html' | wc -l)" -gt 100 ]
  ok "bench pages: every HTML output passes the allowlist check" check page $(find "$T/bench" -name '*.html' | sort)
else
  echo "skipped: the shared pages ($SHARED/bench absent)"
fi

# ---- a real browser: does any script run?
if [ -x /usr/bin/chromium ]; then
  dump() {
    local profile
    profile=$(mktemp -d)
    timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --no-first-run --disable-sync --user-data-dir="$profile" \
      --virtual-time-budget=3000 --dump-dom "file://$1" 2>/dev/null
    rm -rf "$profile"
  }
  dump "$page" > "$T/control.dom"
  ok "chromium control: the hostile page's own scripts run (the probe works)" grep -q 'PWNED-MARKER' "$T/control.dom"
  "$PITH" -f html --links --images -u https://harbour.example/news/1 "$page" > "$T/reader.html"
  dump "$T/reader.html" > "$T/reader.dom"
  ok "chromium: the reader page loads" grep -q 'seabed survey' "$T/reader.dom"
  ok "chromium: no script ran in pith's output" bash -c '! grep -q "PWNED-MARKER" "$1"' _ "$T/reader.dom"
else
  echo "skipped: the browser check (/usr/bin/chromium absent)"
fi

summary
