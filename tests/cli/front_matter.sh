#!/usr/bin/env bash
# --front-matter (issue 11): Markdown with a YAML header of the metadata,
# off by default. The header reads back as YAML (PyYAML) with the JSON
# output's values, awkward titles included; the Markdown after it is what
# plain -f markdown writes and cmark reads it the same. Pages: the
# examples, a page of awkward metadata, the readability set when
# ../shared is there.
# usage: front_matter.sh PITH_BINARY SHARED_DIR
PITH=$1 SHARED=$2
. "$(dirname "$0")/cli_lib.sh"
python3 -c 'import yaml' 2>/dev/null || { echo "skipped: PyYAML is not installed (apt-get install python3-yaml)"; exit 77; }
command -v cmark >/dev/null || { echo "skipped: cmark is not installed (apt-get install cmark)"; exit 77; }

# A title with a colon, quotes, a backslash, '#', a leading '-', non-ASCII
# and a line separator; two authors.
cat > "$T/awkward.html" <<'HTML'
<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>- "Quoted": a #hashtag \ back – Ça déménage 東京&#x2028;x</title>
<meta name="author" content="Zoë O'Brien and Ann-Marie Smith">
<meta property="og:site_name" content="yes">
<meta property="article:published_time" content="2025-11-12T08:00:00Z">
</head><body><article><h1>- "Quoted": a #hashtag \ back – Ça déménage 東京&#x2028;x</h1>
<p>The council met on Tuesday evening to discuss the new budget for the harbour district, which has been the
subject of a long debate among residents and shop owners, with many speakers on both sides of it.</p>
<p>The second paragraph adds detail about the plans and the people affected by them, with quotes from
several speakers and the figures the council published after the meeting.</p></article></body></html>
HTML

run /dev/null -f markdown "$T/awkward.html"
ok "off by default: no front matter" bash -c '! head -1 "$1" | grep -q "^---$"' _ "$T/out"
run /dev/null -f markdown --front-matter "$T/awkward.html"
ok "--front-matter: exit 0" [ $st = 0 ]
ok "--front-matter: starts with ---" bash -c 'head -1 "$1" | grep -qx -- "---"' _ "$T/out"
ok "--front-matter: the title quoted and escaped" grep -qF 'title: "- \"Quoted\": a #hashtag \\ back – Ça déménage 東京\u2028x"' "$T/out"
ok "--front-matter: authors a list" grep -qxF 'authors: ["Zoë O'"'"'Brien", "Ann-Marie Smith"]' "$T/out"
ok "--front-matter: a site named 'yes' stays a string" grep -qx 'site: "yes"' "$T/out"
ok "--front-matter: date quoted" grep -qx 'date: "2025-11-12T08:00:00Z"' "$T/out"
ok "--front-matter: text format unchanged" bash -c 'cmp -s <("$1" -f text --front-matter "$2") <("$1" -f text "$2")' _ "$PITH" "$T/awkward.html"
ok "--front-matter: JSON unchanged" bash -c 'cmp -s <("$1" -f json --front-matter "$2") <("$1" -f json "$2")' _ "$PITH" "$T/awkward.html"

pages=("$T/awkward.html" "$REPO"/examples/*.html)
[ -d "$SHARED/bench/readability" ] && pages+=("$SHARED"/bench/readability/*.html)
ok "YAML reads back as the JSON's metadata; the Markdown after it unchanged" python3 "$REPO/tests/cli/front_matter.py" "$PITH" "${pages[@]}"
summary
