#!/usr/bin/env bash
# CLI inputs: stdin, several files, a missing file among good ones (the
# others are still extracted, exit 1), directories (recursive, *.html and
# *.htm in any case, sorted, each real folder once), a folder without pages
# (an error), -o DIR naming (never two inputs into one file).   usage: cli_inputs.sh PITH_BINARY SHARED_DIR
PITH=$1
. "$(dirname "$0")/cli_lib.sh"

expected_text=$("$PITH" "$SAMPLE")
title="A decommissioned car ferry"

# stdin: no input, and "-".
run "$SAMPLE"
ok "stdin by default exits 0" [ $st = 0 ]
ok "stdin by default gives the same text as the file" [ "$out" = "$expected_text" ]
run "$SAMPLE" -
ok "'-' reads stdin" [ $st = 0 ] && ok "'-' gives the same text" [ "$out" = "$expected_text" ]
run /dev/null
ok "empty stdin is not an error" [ $st = 0 ]

# Several files: outputs in argument order.
mkdir -p "$T/a"
cp "$SAMPLE" "$T/a/one.html"
printf '<html><head><title>Second</title></head><body><article><p>%s</p></article></body></html>' \
  "The second page has one long paragraph of its own, written so that an extractor has prose to find and keep as the article body here." \
  > "$T/a/two.htm"
run /dev/null -f json "$T/a/one.html" "$T/a/two.htm"
ok "two files exit 0" [ $st = 0 ]
ok "two files give two JSON lines" [ "$(wc -l < "$T/out")" = 2 ]
ok "two JSON lines are valid" json_valid "$T/out"
ok "the second page's text is in the second line" contains "$(sed -n 2p "$T/out")" "The second page"

# A missing input among good ones: the good ones are extracted, exit 1, the
# missing one named on stderr.
run /dev/null "$T/a/one.html" "$T/nope.html" "$T/a/two.htm"
ok "missing input: exit 1" [ $st = 1 ]
ok "missing input: named on stderr" contains "$err" "nope.html"
ok "missing input: the first good one extracted" contains "$out" "$title"
ok "missing input: the second good one extracted" contains "$out" "The second page"
run /dev/null "$T/nope.html"
ok "only a missing input: exit 1" [ $st = 1 ]
ok "only a missing input: no stdin read, no output" [ -z "$out" ]

# A directory: recursive, *.html and *.htm only, sorted by path.
mkdir -p "$T/d/sub/deeper" "$T/d/.hidden"
cp "$SAMPLE" "$T/d/b.html"
cp "$T/a/two.htm" "$T/d/a.htm"
cp "$SAMPLE" "$T/d/sub/deeper/c.html"
echo "not html" > "$T/d/notes.txt"
cp "$SAMPLE" "$T/d/sub/skip.xml"
run /dev/null -f json "$T/d"
ok "directory: exit 0" [ $st = 0 ]
ok "directory: three pages found (html, htm, nested)" [ "$(wc -l < "$T/out")" = 3 ]
ok "directory: output valid JSON Lines" json_valid "$T/out"
ok "directory: sorted, a.htm first" contains "$(sed -n 1p "$T/out")" "The second page"

# -o DIR: one file per input, named after it with the format's extension,
# sub-directories kept.
run /dev/null -o "$T/out1" "$T/d"
ok "-o: exit 0" [ $st = 0 ]
ok "-o: nothing on stdout" [ -z "$out" ]
ok "-o: a.htm -> a.txt" [ -s "$T/out1/a.txt" ]
ok "-o: b.html -> b.txt" [ -s "$T/out1/b.txt" ]
ok "-o: nested path kept" [ -s "$T/out1/sub/deeper/c.txt" ]
ok "-o: no output for non-HTML files" [ ! -e "$T/out1/notes.txt" ] && ok "-o: exactly three outputs" [ "$(find "$T/out1" -type f | wc -l)" = 3 ]
ok "-o: content is the extraction" [ "$(cat "$T/out1/b.txt")" = "$expected_text" ]
for f in markdown:md html:html json:json text:txt; do
  run /dev/null -f "${f%%:*}" --output-dir "$T/o_${f%%:*}" "$T/a/one.html"
  ok "-o with ${f%%:*}: one.${f##*:}" [ -s "$T/o_${f%%:*}/one.${f##*:}" ]
done
run /dev/null -f json -o "$T/o_json" "$T/a/one.html"
ok "-o json file is valid JSON" json_valid "$T/o_json/one.json"
# A file input keeps only its base name under DIR.
run /dev/null -o "$T/o_base" "$T/d/sub/deeper/c.html"
ok "-o: a file given with a path is named by its base name" [ -s "$T/o_base/c.txt" ]
# Two inputs with the same name never overwrite each other under -o: the
# later one gets a "-2" (then "-3" ...) before its extension.
mkdir -p "$T/same/a" "$T/same/b" "$T/same/c"
cp "$SAMPLE" "$T/same/a/x.html"
cp "$T/a/two.htm" "$T/same/b/x.html"
cp "$T/a/two.htm" "$T/same/c/x.htm"
cp "$SAMPLE" "$T/same/c/x-2.html"
run /dev/null -o "$T/o_same" "$T/same/a/x.html" "$T/same/b/x.html" "$T/same/c/x.htm" "$T/same/c/x-2.html"
ok "same names: exit 0" [ $st = 0 ]
ok "same names: four outputs" [ "$(find "$T/o_same" -type f | wc -l)" = 4 ]
ok "same names: the first keeps x.txt" [ "$(cat "$T/o_same/x.txt")" = "$expected_text" ]
ok "same names: the second is x-2.txt" contains "$(cat "$T/o_same/x-2.txt" 2>/dev/null)" "The second page"
ok "same names: x.htm is x-3.txt" contains "$(cat "$T/o_same/x-3.txt" 2>/dev/null)" "The second page"
ok "same names: x-2.html, taken, is x-2-2.txt" [ -s "$T/o_same/x-2-2.txt" ]
# Two folders with the same file names (mirrored paths collide too).
run /dev/null -o "$T/o_dirs" "$T/same/a" "$T/same/b"
ok "same names from two folders: two outputs" [ "$(find "$T/o_dirs" -type f | wc -l)" = 2 ]
# stdin with -o
run "$SAMPLE" -o "$T/o_stdin"
ok "-o with stdin: exit 0" [ $st = 0 ] && ok "-o with stdin: one output file" [ "$(find "$T/o_stdin" -type f | wc -l)" = 1 ]
# An output directory that cannot be created is an error for that input.
: > "$T/blocker"
run /dev/null -o "$T/blocker/x" "$T/a/one.html"
ok "-o under a regular file: exit 1" [ $st = 1 ]
ok "-o under a regular file: says so" [ -n "$err" ]

# A directory that holds no pages is an error naming it; standard input is
# not read in its place (with an open pipe that read would hang).
mkdir -p "$T/empty/sub"
echo "not html" > "$T/empty/sub/notes.txt"
run "$SAMPLE" "$T/empty"
ok "folder without pages: exit 1" [ $st = 1 ]
ok "folder without pages: named on stderr" contains "$err" "$T/empty"
ok "folder without pages: says there are no pages" contains "$err" "no *.html"
ok "folder without pages: stdin not read, no output" [ -z "$out" ]
run "$SAMPLE" "$T/empty" "$T/a/one.html"
ok "folder without pages beside a page: exit 1" [ $st = 1 ]
ok "folder without pages beside a page: the page is extracted" [ "$out" = "$expected_text" ]
# An open pipe on stdin that never ends: pith must not wait for it.
mkfifo "$T/fifo"
(sleep 30 > "$T/fifo") & holder=$!
timeout 10 "$PITH" "$T/empty" < "$T/fifo" > /dev/null 2>&1
ok "folder without pages: no hang on an open stdin pipe" [ $? = 1 ]
kill $holder 2>/dev/null; wait $holder 2>/dev/null

# Extensions match whatever their case: .HTML, .Htm.
mkdir -p "$T/case"
cp "$SAMPLE" "$T/case/UPPER.HTML"
cp "$T/a/two.htm" "$T/case/Mixed.Htm"
echo "not html" > "$T/case/notes.TXT"
run /dev/null -f json "$T/case"
ok "upper-case extensions: exit 0" [ $st = 0 ]
ok "upper-case extensions: both pages found" [ "$(wc -l < "$T/out")" = 2 ]
run /dev/null -o "$T/o_case" "$T/case"
ok "-o: UPPER.HTML -> UPPER.txt" [ -s "$T/o_case/UPPER.txt" ]
ok "-o: Mixed.Htm -> Mixed.txt" [ -s "$T/o_case/Mixed.txt" ]

# Symbolic links: a loop back to a parent, and two links to one folder, are
# each read once (each real folder is visited once).
mkdir -p "$T/loop/real"
cp "$SAMPLE" "$T/loop/top.html"
cp "$SAMPLE" "$T/loop/real/inner.html"
ln -s .. "$T/loop/real/up"
ln -s . "$T/loop/self"
ln -s real "$T/loop/real2"
ln -s real "$T/loop/zz_real3"
# (timeout: a walk that follows the loop runs for hours.)
timeout 60 "$PITH" -f json "$T/loop" > "$T/out" 2> "$T/err" < /dev/null
ok "symlink loops: exit 0" [ $? = 0 ]
ok "symlink loops: each page once (2 lines)" [ "$(wc -l < "$T/out")" = 2 ]
timeout 60 "$PITH" -o "$T/o_loop" "$T/loop" < /dev/null > /dev/null 2>&1
ok "symlink loops with -o: two outputs" [ "$(find "$T/o_loop" -type f | wc -l)" = 2 ]

# WARC options with HTML input (item 13.7): --output FILE takes every output
# (JSON Lines for -f json), --shard I/N every N-th input, checked as for WARC.
mkdir -p "$T/many"
for w in Alpha Bravo Charlie; do
  printf '<html><body><article><h1>%s</h1><p>%s</p></article></body></html>' "$w" \
    "$(for k in 1 2 3 4 5 6; do printf '%s reports on the harbour budget that the council debated for a long evening. ' "$w"; done)" > "$T/many/$w.html"
done
"$PITH" -f json --output "$T/all.jsonl" "$T/many/Alpha.html" "$T/many/Bravo.html" "$T/many/Charlie.html" > "$T/out" 2>&1
ok "--output with HTML: exit 0, nothing on stdout" [ $? = 0 -a ! -s "$T/out" ]
ok "--output with HTML: JSON Lines, one per page, in order" python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["text"].split()[0] for r in rows] == ["Alpha", "Bravo", "Charlie"], rows' "$T/all.jsonl"
"$PITH" --shard 1/2 "$T/many/Alpha.html" "$T/many/Bravo.html" "$T/many/Charlie.html" > "$T/out" 2>&1
ok "--shard 1/2 with HTML: the second input only" bash -c 'grep -q Bravo "$1" && ! grep -q "Alpha\|Charlie" "$1"' _ "$T/out"
for bad in abc 3/2 2/2 1/0; do
  "$PITH" --shard $bad "$T/many/Alpha.html" > /dev/null 2>&1
  ok "--shard $bad with HTML is a usage error, as with WARC" [ $? = 2 ]
done
"$PITH" -o "$T/od" --output "$T/x" "$T/many/Alpha.html" > /dev/null 2>&1
ok "-o DIR and --output FILE together: a usage error" [ $? = 2 ]

# -j N with HTML input (item 13.7): the pages are extracted on N threads and
# written in input order, byte for byte what one thread writes, messages on
# stderr too (a missing file, pages without an article); --stats FILE
# writes the run's counts as for WARC input.
mkdir -p "$T/jobs"
cp "$REPO"/tests/page_types/*.html "$T/jobs/"
cp "$SAMPLE" "$T/jobs/sample.html"
cp "$T/many/"*.html "$T/jobs/"
printf '<html><body><nav><a href="/">Home</a></nav></body></html>' > "$T/jobs/zz_empty.html"
jobs_in=("$T/jobs" "$T/missing.html" "$T/many/Alpha.html")
npages=$(ls "$T/jobs" | wc -l)
for fmt in json text; do
  "$PITH" -j 1 -f $fmt "${jobs_in[@]}" > "$T/j1.out" 2> "$T/j1.err"; st1=$?
  "$PITH" -j 3 -f $fmt --stats "$T/j3.stats" "${jobs_in[@]}" > "$T/j3.out" 2> "$T/j3.err"; st3=$?
  ok "-j 3 -f $fmt with HTML: the output of -j 1, byte for byte" cmp -s "$T/j1.out" "$T/j3.out"
  ok "-j 3 -f $fmt with HTML: the messages of -j 1, in order" cmp -s "$T/j1.err" "$T/j3.err"
  ok "-j 3 -f $fmt with HTML: exit 1 (the missing file), as -j 1" [ $st1 = 1 -a $st3 = 1 ]
done
ok "-j 3 with HTML: one output per page" [ "$(wc -l < "$T/j1.out")" -gt 0 ] && \
  ok "-j 3 with HTML: every page" [ "$(grep -c . "$T/j3.out")" -ge $((npages + 1)) ]
ok "--stats with HTML: the run's counts" python3 - "$T/j3.stats" "$npages" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
pages = int(sys.argv[2]) + 1                       # the folder's pages and Alpha.html again
assert s["jobs"] == 3, s
assert s["files"] == s["records"] == pages + 1, s  # + the missing file
assert s["html"] == pages and s["html_bytes"] > 0, s
assert s["errors_total"] == 1 and list(s["errors"]) == ["read: No such file or directory"], s
assert s["files_failed"] == 1, s
assert sum(s["page_types"].values()) == pages, s
assert s["extracted"] + s["skipped_total"] == pages, s
assert any(k.startswith("no article: ") for k in s["skipped"]), s
assert s["lines"] == pages, s                         # every page writes its output (a blank line without article)
for k in ("reader", "extract", "render", "writer"):
    assert s["cpu_seconds"][k] >= 0, s
assert s["wall_seconds"] >= 0 and s["rss_kb"]["peak"] > 0, s
PY
"$PITH" -q -j 2 -f json --stats "$T/j2.stats" --output "$T/j2.jsonl" "$T/jobs" > /dev/null 2>&1
"$PITH" -j 1 -f json "$T/jobs" > "$T/j1.jsonl" 2> /dev/null
ok "-j 2 with --output FILE: the same JSON Lines" cmp -s "$T/j1.jsonl" "$T/j2.jsonl"
ok "--stats -f json with HTML: a line per page" python3 -c '
import json, sys; s = json.load(open(sys.argv[1])); assert s["lines"] == s["html"] == int(sys.argv[2]), s' "$T/j2.stats" "$npages"
"$PITH" -j 1 -o "$T/oj1" "$T/jobs" 2> /dev/null
"$PITH" -j 4 -o "$T/oj4" "$T/jobs" 2> /dev/null
ok "-j 4 with -o DIR: the files of -j 1" diff -r "$T/oj1" "$T/oj4"
"$PITH" -j 2 --shard 1/2 -f json "$T/jobs" > "$T/sh" 2> /dev/null
ok "-j 2 with --shard 1/2: every second page" [ "$(wc -l < "$T/sh")" = $((npages / 2)) ]

summary
