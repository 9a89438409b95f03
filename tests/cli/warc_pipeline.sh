#!/usr/bin/env bash
# warc_pipeline.sh - pith on WARC input: JSON Lines out, in order on any
# number of threads, with the WARC fields, skips, shards, stats, stdin, and
# the exit status of a run with a corrupt record.
#   warc_pipeline.sh PITH_BINARY SHARED_DIR   (the shared dir is not needed)
set -u
PITH=$1
HERE=$(cd "$(dirname "$0")" && pwd)
MAKE="python3 $HERE/warc_make.py"
command -v python3 >/dev/null || { echo "skipped: python3 is needed to build the test WARCs"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
check() { # check NAME COMMAND...: the command's success is the verdict
    local name=$1
    shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
jsonl_ok() { python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' < "$1"; }
lines() { wc -l < "$1" | tr -d ' '; }
expect() { python3 -c "import json,sys; print(json.load(open('$1'))['$2'])"; }

# ---------------------------------------------------------------- layouts
for layout in plain gz wholegz zst; do
    $MAKE "$T/c.$layout" $layout --corrupt > "$T/c.$layout.json" || { echo "FAIL: make $layout"; fail=$((fail+1)); continue; }
    if grep -q skipped "$T/c.$layout.json"; then echo "note: $layout layout skipped (no zstd CLI)"; continue; fi
    $MAKE "$T/g.$layout" $layout > "$T/g.$layout.json"
    n=$(expect "$T/c.$layout.json" articles)

    "$PITH" -q -j 2 "$T/c.$layout" > "$T/out" 2> "$T/err"
    rc=$?
    check "$layout: exit 1 with a corrupt record" test "$rc" = 1
    check "$layout: one line per article" test "$(lines "$T/out")" = "$n"
    check "$layout: every line is JSON" jsonl_ok "$T/out"
    check "$layout: corrupt record reported with file and offset" grep -q "c.$layout: offset [0-9]*: .*bad-length" "$T/err"
    check "$layout: warc fields" python3 - "$T/out" "$T/c.$layout.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
exp = json.load(open(sys.argv[2]))
assert [r["warc_target_uri"] for r in rows] == exp["uris"], [r["warc_target_uri"] for r in rows]
for r in rows:
    assert r["warc_record_id"].startswith("<urn:uuid:"), r["warc_record_id"]
    assert r["warc_date"] == "2024-01-02T03:04:05Z"
    assert r["content_type"].startswith("text/html")
    assert r["url"] == r["warc_target_uri"]          # the target URI is the page URL
    assert r["text"] and r["title"]
    assert r["http_status"] == (None if r["warc_target_uri"].startswith("file:") else 200)
cafe = rows[-1]
assert cafe["title"].startswith("Caf\u00e9 200"), cafe["title"]   # HTTP charset = transport encoding
assert cafe["encoding"] == "windows-1252", cafe["encoding"]
PY
    "$PITH" -q "$T/g.$layout" > "$T/good" 2>/dev/null
    check "$layout: exit 0 without a corrupt record" test $? = 0
    check "$layout: same articles without the corrupt record" cmp -s "$T/out" "$T/good"
done

# ---------------------------------------------------------------- broken files
python3 - "$T/g.plain" "$T/cut.warc" "$T/junk.warc" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
cut = data.index(b"WARC/1.0", data.index(b"story/3\r\n")) + 300   # inside a later record
open(sys.argv[2], "wb").write(data[:cut])
open(sys.argv[3], "wb").write(b"WARC/1.0\r\n" + bytes(range(256)) * 64 + data[:2000])
PY
"$PITH" -q -j 2 "$T/cut.warc" > "$T/cut" 2> "$T/err"
check "truncated file: exit 1" test $? = 1
check "truncated file: the articles before the cut" test "$(lines "$T/cut")" -ge 3
check "truncated file: reported" grep -q "cut.warc: offset [0-9]*: .*truncated" "$T/err"
"$PITH" -q -j 2 "$T/junk.warc" > "$T/junk" 2> "$T/err"
check "garbage after a WARC magic: exit 1, no crash" test $? = 1
check "garbage: reported" grep -q "junk.warc: offset 0:" "$T/err"
head -c 1500 "$T/g.gz" > "$T/cut.gz"
"$PITH" -q "$T/cut.gz" > /dev/null 2> "$T/err"
check "truncated gzip member: exit 1" test $? = 1

# ---------------------------------------------------------------- threads and order
$MAKE "$T/big.warc.gz" gz --pages 40 --corrupt > "$T/big.json"
"$PITH" -q -j 1 "$T/big.warc.gz" > "$T/j1" 2>/dev/null
"$PITH" -q -j 4 "$T/big.warc.gz" > "$T/j4" 2>/dev/null
"$PITH" -q --jobs=3 --unordered "$T/big.warc.gz" > "$T/un" 2>/dev/null
check "-j 1 and -j 4 give identical output" cmp -s "$T/j1" "$T/j4"
check "-j 1 output has every article" test "$(lines "$T/j1")" = "$(expect "$T/big.json" articles)"
check "--unordered gives the same lines" cmp -s <(sort "$T/j1") <(sort "$T/un")

# A 5 MB page among 60 small ones: while one worker is on it, the others
# go on with the pages after it and their lines wait for its line (the
# slots outnumber the payload buffers); its buffer, past the size kept,
# is freed. Order, lines and content stay as with one worker.
$MAKE "$T/hol.warc.gz" gz --pages 60 --big 5 > "$T/hol.json"
"$PITH" -q -j 1 "$T/hol.warc.gz" > "$T/hol1" 2>/dev/null
"$PITH" -q -j 2 "$T/hol.warc.gz" > "$T/hol2" 2>/dev/null
"$PITH" -q -j 4 "$T/hol.warc.gz" > "$T/hol4" 2>/dev/null
"$PITH" -q -j 2 --unordered "$T/hol.warc.gz" > "$T/holu" 2>/dev/null
check "a 5 MB page among small ones: every article" test "$(lines "$T/hol1")" = "$(expect "$T/hol.json" articles)"
check "a 5 MB page among small ones: -j 2 and -j 4 as -j 1" bash -c 'cmp -s "$1" "$2" && cmp -s "$1" "$3"' _ \
    "$T/hol1" "$T/hol2" "$T/hol4"
check "a 5 MB page among small ones: --unordered gives the same lines" cmp -s <(sort "$T/hol1") <(sort "$T/holu")
check "a 5 MB page among small ones: its text is whole" python3 - "$T/hol1" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
big = [r for r in rows if r["warc_target_uri"].endswith("/story/1")]
assert len(big) == 1 and len(big[0]["text"]) > 4_000_000, [len(r.get("text", "")) for r in big]
PY

# ---------------------------------------------------------------- --all-records
"$PITH" -q --all-records "$T/c.gz" > "$T/all" 2>/dev/null
# a line per record, and one for the damaged record (item 13.10: it had none)
check "--all-records: a line per record and one for the damage" \
    test "$(lines "$T/all")" = "$(( $(expect "$T/c.gz.json" records) + 1 ))"
check "--all-records: lines are JSON" jsonl_ok "$T/all"
check "--all-records: reasons" python3 - "$T/all" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
bad = [i for i, r in enumerate(rows) if "error" in r]
assert len(bad) == 1, bad
b = rows[bad[0]]
assert b["error"] == "warc: bad-length: Content-Length missing or not a number", b
assert b["warc_offset"] > 0 and b["warc_stream_offset"] > 0 and b["warc_record_id"] is None, b
# in its place: after the record before it in the file, before the one after it
assert rows[bad[0] - 1]["warc_target_uri"].endswith("/story/4") and rows[bad[0] + 1]["warc_target_uri"].endswith("/story/5"), [r["warc_target_uri"] for r in rows[bad[0] - 1: bad[0] + 2]]
rows = [r for r in rows if "error" not in r]
why = {r["warc_target_uri"]: r.get("skipped") for r in rows}
assert why["https://news.example.com/logo.png"] == "not html", why
assert why["https://news.example.com/empty"] == "http status 404", why  # skipped by status before extraction
assert sum(1 for r in rows if r.get("skipped") == "request record") == 8
assert sum(1 for r in rows if "skipped" not in r and "error" not in r) == 10
assert [r for r in rows if r["warc_target_uri"] == "https://news.example.com/empty"][0]["http_status"] == 404
PY

# ---------------------------------------------------------------- --shard
"$PITH" -q --shard 0/2 "$T/big.warc.gz" > "$T/s0" 2>/dev/null
"$PITH" -q --shard 1/2 "$T/big.warc.gz" > "$T/s1" 2>/dev/null
check "--shard of one file: two halves make the whole" cmp -s <(sort "$T/s0" "$T/s1") <(sort "$T/j1")
check "--shard of one file: both halves have records" test -s "$T/s0" -a -s "$T/s1"
"$PITH" -q --shard 1/2 "$T/g.plain" "$T/big.warc.gz" > "$T/sf" 2>/dev/null
check "--shard of files: every second file" cmp -s "$T/sf" "$T/j1"
"$PITH" -q --shard 2/2 "$T/g.plain" > /dev/null 2>&1
check "--shard 2/2 is a usage error" test $? = 2

# ---------------------------------------------------------------- --stats
"$PITH" -q --stats "$T/stats.json" "$T/c.gz" > /dev/null 2>&1
check "--stats: counts" python3 - "$T/stats.json" "$T/c.gz.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
e = json.load(open(sys.argv[2]))
assert s["records"] == e["records"], s
assert s["html"] == e["html"] - 1, s  # the 404 page is skipped by its status, not extracted
assert s["extracted"] == e["articles"] == s["lines"], s
assert s["errors_total"] == 1 and s["errors"] == {"warc: bad-length": 1}, s
assert s["skipped"]["request record"] == 8 and s["skipped"]["not html"] == 1, s
assert s["skipped_total"] + s["extracted"] == s["records"], s
for k in ("reader", "decompress", "decompress_wall", "extract", "render", "writer"):
    assert s["cpu_seconds"][k] >= 0
assert s["rss_kb"]["peak"] > 0
PY
"$PITH" --stats "$T/stats.json" "$T/c.gz" > /dev/null 2> "$T/err"
check "summary on stderr" grep -q "records.*extracted.*1 error" "$T/err"
check "summary: skips by reason" grep -q "request record" "$T/err"
check "no progress line when stderr is not a terminal" test "$(grep -c $'\r' "$T/err")" = 0

# ---------------------------------------------------------------- stdin and output files
"$PITH" -q - < "$T/c.gz" > "$T/in1" 2>/dev/null
check "stdin (a file): exit 1 with a corrupt record" test $? = 1
cat "$T/c.gz" | "$PITH" -q > "$T/in2" 2>"$T/err"
check "stdin (a pipe) by default" test $? = 1
check "stdin: same as the file" cmp -s "$T/in1" "$T/in2"
check "stdin: lines" test "$(lines "$T/in2")" = "$(expect "$T/c.gz.json" articles)"
check "stdin: named in messages" grep -q "^pith: stdin: offset" "$T/err"
cat "$T/g.plain" | "$PITH" -q -j 2 > "$T/in3"
check "stdin plain WARC" cmp -s "$T/in3" "$T/good"
"$PITH" -q <(cat "$T/c.gz") > "$T/in4" 2>/dev/null
check "a FIFO (process substitution) is read once, whole" cmp -s "$T/in4" "$T/in1"
"$PITH" -q "$T/g.plain" <(cat "$T/g.gz") > "$T/in5"
check "a file and a FIFO in one run" cmp -s "$T/in5" <(cat "$T/good" "$T/good")
"$PITH" -q --output "$T/o.jsonl" "$T/g.gz" > "$T/stdout"
check "--output FILE for WARC input: the JSON Lines" test "$(lines "$T/o.jsonl")" = "$(expect "$T/g.gz.json" articles)" -a ! -s "$T/stdout"
cmp -s "$T/o.jsonl" "$T/good"
check "--output FILE: what stdout gets" test $? = 0

# -o DIR is a folder for WARC input as for HTML (item 13.7): one file per
# input WARC file in it, named after the input less .warc/.gz/.zst, with
# .jsonl (-f text: .txt); an existing folder is fine (it failed "Is a
# directory": -o was the JSON Lines file).
mkdir -p "$T/odir" "$T/sub"
cp "$T/g.gz" "$T/sub/g.warc.gz"
cp "$T/g.plain" "$T/sub/g.plain.WARC"
printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n' > "$T/sub/empty.warc"
"$PITH" -q -j 2 -o "$T/odir" "$T/g.gz" "$T/sub/g.warc.gz" "$T/sub/g.plain.WARC" "$T/big.warc.gz" > "$T/stdout" 2> "$T/err"
check "-o DIR with WARC input: exit 1 (big.warc.gz has a corrupt record)" test $? = 1
check "-o DIR with WARC input: nothing on stdout" test ! -s "$T/stdout"
check "-o DIR with WARC input: one .jsonl per input" \
    test "$(cd "$T/odir" && ls | tr '\n' ' ')" = "big.jsonl g-2.jsonl g.jsonl g.plain.jsonl "
check "-o DIR: g.gz's lines" cmp -s "$T/odir/g.jsonl" "$T/good"
check "-o DIR: the same name again gets -2" cmp -s "$T/odir/g-2.jsonl" "$T/good"
check "-o DIR: a plain WARC's lines" cmp -s "$T/odir/g.plain.jsonl" "$T/good"
check "-o DIR: the damaged file's lines, as on stdout" cmp -s "$T/odir/big.jsonl" "$T/j1"
"$PITH" -q --unordered -o "$T/odir_un" "$T/sub/empty.warc" "$T/g.gz" "$T/big.warc.gz" 2> /dev/null
check "-o DIR with --unordered: each file's lines in input order" \
    bash -c 'cmp -s "$1/g.jsonl" "$2" && cmp -s "$1/big.jsonl" "$3"' _ "$T/odir_un" "$T/good" "$T/j1"
check "-o DIR: an input without articles gets an empty file" test -f "$T/odir_un/empty.jsonl" -a ! -s "$T/odir_un/empty.jsonl"
"$PITH" -q -f text -o "$T/otext" "$T/g.gz"
"$PITH" -q -f text "$T/g.gz" > "$T/g.text"
check "-o DIR -f text with WARC input: DIR/g.txt" cmp -s "$T/otext/g.txt" "$T/g.text"
"$PITH" -q --shard 1/2 -o "$T/oshard" "$T/g.gz" "$T/sub/g.plain.WARC"
check "-o DIR with --shard: the shard's files only" test "$(ls "$T/oshard")" = "g.plain.jsonl"
"$PITH" -q -o "$T/odir2" --output "$T/x.jsonl" "$T/g.gz" > /dev/null 2>&1
check "-o DIR and --output FILE with WARC input: a usage error" test $? = 2

# ---------------------------------------------------------------- routing by content
cp "$T/g.gz" "$T/renamed.html"
"$PITH" -q "$T/renamed.html" > "$T/r" 2>/dev/null
check "WARC found by content, not by name" cmp -s "$T/r" "$T/good"
printf '<html><body><article><p>%s</p></article></body></html>' "$(printf 'A sentence of prose about the harbour. %.0s' $(seq 1 30))" > "$T/page.warc"
"$PITH" -f json "$T/page.warc" > "$T/p" 2>/dev/null
check "HTML named .warc is still HTML" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "warc_record_id" not in d and "harbour" in d["text"]' "$T/p"
"$PITH" -f json < "$T/page.warc" > "$T/p2" 2>/dev/null
check "HTML on stdin after the sniff is whole" cmp -s "$T/p" "$T/p2"
"$PITH" -f json <(cat "$T/page.warc") > "$T/p3" 2>/dev/null
check "HTML from a FIFO after the sniff is whole" cmp -s "$T/p" "$T/p3"
"$PITH" "$T/page.warc" "$T/g.gz" > /dev/null 2>&1
check "mixing WARC and HTML is a usage error" test $? = 2
"$PITH" -q -f text "$T/g.gz" > /dev/null 2>&1
check "WARC with -f text is allowed (item 13.11)" test $? = 0
"$PITH" -u http://x.example/ "$T/g.gz" > /dev/null 2>&1
check "WARC with --url is a usage error" test $? = 2
"$PITH" --help | grep -q -- "--all-records"
check "--help lists the WARC options" test $? = 0

# ---------------------------------------------------------------- formats and statuses (item 13.11)
# -f text|markdown on WARC input gives each record's article as -f gives it for
# a file, one after another; JSON Lines stays the default. A non-200 response
# with an article is skipped unless --all-statuses.
$MAKE "$T/f.warc" plain --pages 3 > /dev/null
python3 - "$T/f.warc" "$T/pages" <<'PY'
import sys, os, re
sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[0])) if False else ".")
PY
python3 - "$HERE" "$T" <<'PY'
import sys, os
sys.path.insert(0, sys.argv[1])
import warc_make as wm
t = sys.argv[2]
os.makedirs(os.path.join(t, "pages"), exist_ok=True)
for i in range(3):  # the three story pages, as files, in the WARC's order
    open(os.path.join(t, "pages", "p%d.html" % i), "wb").write(wm.page(i))
# a WARC holding a 200 page and a 404 page that both have an article
recs = [wm.record("response", "70000000-0000-0000-0000-000000000001", "https://news.example.com/ok",
                  "application/http; msgtype=response", wm.http(200, "text/html; charset=utf-8", wm.page(7))),
        wm.record("response", "70000000-0000-0000-0000-000000000002", "https://news.example.com/gone",
                  "application/http; msgtype=response", wm.http(404, "text/html; charset=utf-8", wm.page(8)))]
open(os.path.join(t, "s.warc"), "wb").write(b"".join(recs))
PY
for fmt in text markdown html; do
    "$PITH" -q -f $fmt "$T/f.warc" > "$T/out" 2> "$T/err"
    check "-f $fmt on WARC: exit 0" test $? = 0
    : > "$T/want"
    for i in 0 1 2; do "$PITH" -f $fmt -u "https://news.example.com/story/$i" "$T/pages/p$i.html" >> "$T/want"; done
    "$PITH" -f $fmt -u "file:///archive/story-r.html" <(python3 -c "import sys; sys.path.insert(0, '$HERE'); import warc_make as wm; sys.stdout.buffer.write(wm.page(100))") >> "$T/want"
    check "-f $fmt on WARC: the records' articles, one after another, with the story pages first" \
        bash -c 'head -c "$(wc -c < "$2")" "$1" | cmp -s - "$2"' _ "$T/out" "$T/want"
    check "-f $fmt on WARC: no JSON fields" bash -c '! grep -q "warc_record_id" "$1"' _ "$T/out"
done
"$PITH" -q "$T/f.warc" > "$T/out"
check "WARC: JSON Lines stay the default" jsonl_ok "$T/out"
"$PITH" -q "$T/s.warc" > "$T/out"
check "non-200 response skipped by default" test "$(grep -c 'news.example.com/' "$T/out")" = 1
check "the 200 one kept" grep -q '"warc_target_uri":"https://news.example.com/ok"' "$T/out"
"$PITH" -q --all-records "$T/s.warc" > "$T/out"
check "--all-records: the 404 says why" grep -q '"warc_target_uri":"https://news.example.com/gone".*"skipped":"http status 404"' "$T/out"
"$PITH" -q --all-statuses "$T/s.warc" > "$T/out"
check "--all-statuses keeps the 404 page" grep -q '"warc_target_uri":"https://news.example.com/gone".*"http_status":404' "$T/out"

# ---------------------------------------------------------------- damaged whole-file compression (item 13.12)
# A whole-file gzip (gzip -c) and a single-frame zstd of a plain WARC, cut at
# 60 % and with 4 flipped bytes in the middle: read as a file, every record
# stdin keeps is kept (the same lines), and the clean records before the
# damage all come out.
$MAKE "$T/d.warc" plain --pages 40 > /dev/null
"$PITH" -q "$T/d.warc" > "$T/d.all"
comps="gzip"
command -v zstd >/dev/null && comps="gzip zstd"
for c in $comps; do
    $c -q -c "$T/d.warc" > "$T/d.$c"
    python3 - "$T/d.$c" <<'PY'
import sys
p = sys.argv[1]
d = open(p, "rb").read()
open(p + ".cut", "wb").write(d[:len(d) * 6 // 10])
b = bytearray(d)
for k in range(4):
    b[len(b) // 2 + 7 * k] ^= 0xFF
open(p + ".flip", "wb").write(bytes(b))
PY
    for dmg in cut flip; do
        f="$T/d.$c.$dmg"
        "$PITH" -q "$f" > "$T/as_file" 2>/dev/null
        "$PITH" -q - < "$f" > "$T/as_stdin" 2>/dev/null
        check "$c $dmg: read as a file keeps what stdin keeps" cmp -s "$T/as_file" "$T/as_stdin"
        # (a zstd frame cut inside its first block decodes to nothing: still a WARC, item 13.12)
        check "$c $dmg: read as a damaged WARC, not as a page" bash -c '! grep -qv "^{" "$1"' _ "$T/as_file"
        "$PITH" -q "$f" > /dev/null 2> "$T/err"
        check "$c $dmg: exit 1, the damage reported with its offset" \
            bash -c 'test $1 = 1 && grep -q "offset [0-9]*: .*(\(gzip\|zstd\|bad-length\|truncated\)[;)]" "$2"' _ $? "$T/err"
        # One error per damage, at its real offset (item 13.10): the flipped
        # bytes garble the rest of the deflate stream, which made a failure
        # of every record after them, all at "offset 0".
        "$PITH" -q --all-records "$f" > "$T/as_file_all" 2> "$T/err_file"
        "$PITH" -q --all-records - < "$f" > "$T/as_stdin_all" 2> "$T/err_stdin"
        check "$c $dmg: one error reported, as a file and on stdin" \
            test "$(grep -c offset "$T/err_file")" = 1 -a "$(grep -c offset "$T/err_stdin")" = 1
        check "$c $dmg: the same error on stdin" cmp -s <(sed 's/^pith: [^:]*: //' "$T/err_file") <(sed 's/^pith: [^:]*: //' "$T/err_stdin")
        check "$c $dmg: --all-records: one error line, in the lines of stdin" \
            bash -c 'test "$(grep -c "\"error\"" "$1")" = 1 && cmp -s "$1" "$2"' _ "$T/as_file_all" "$T/as_stdin_all"
        if [ $dmg = flip ] && [ $c = gzip ]; then  # (zstd: nothing decodes before the damage, the frame is at 0)
            flip=$(( $(wc -c < "$T/d.$c") / 2 ))
            off=$(sed -n 's/.*: offset \([0-9]*\): .*/\1/p' "$T/err_file")
            check "$c flip: the offset is near the flipped bytes ($off, flipped at $flip), not 0" \
                test "$off" -gt 0 -a "$off" -le $((flip + 28)) -a "$off" -ge $((flip - 4096))
            check "$c flip: the decompressed offset is given too" grep -q "decompressed offset [1-9]" "$T/err_file"
        fi
        if [ $c = gzip ]; then  # the small test file is one zstd block: nothing before its damage decodes
            check "$c $dmg: records before the damage kept" test "$(lines "$T/as_file")" -ge 5
            check "$c $dmg: kept records are the clean ones, in order" bash -c 'head -n 5 "$1" | cmp -s - <(head -n 5 "$2")' _ "$T/as_file" "$T/d.all"
        fi
    done
done

# A file of one zstd frame per record whose first frame's first block says it is
# longer than the file (item 13.12): nothing decodes from the start, so the
# sniff cannot see "WARC/"; it is still a WARC, and the frames after the
# damaged one are kept.
if command -v zstd >/dev/null; then
    $MAKE "$T/z.zst" zst --pages 4 > /dev/null
    "$PITH" -q "$T/z.zst" > "$T/z.all"
    python3 - "$T/z.zst" "$T/z.bad.zst" <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
# frame header: magic(4) + descriptor(1) + [window] + [dict id] + [content size]
fhd = d[4]
single = (fhd >> 5) & 1
fcs = {0: 1 if single else 0, 1: 2, 2: 4, 3: 8}[fhd >> 6]
did = {0: 0, 1: 1, 2: 2, 3: 4}[fhd & 3]
bh = 4 + 1 + (0 if single else 1) + did + fcs     # the first block header (3 bytes, little-endian)
v = d[bh] | d[bh + 1] << 8 | d[bh + 2] << 16
v = (v & 7) | (0x1FFFF << 3)                      # same type, a size of 128 KiB - 1: past the file
d[bh:bh + 3] = bytes([v & 0xFF, (v >> 8) & 0xFF, v >> 16])
open(sys.argv[2], "wb").write(bytes(d))
PY
    "$PITH" -q "$T/z.bad.zst" > "$T/z.bad" 2> "$T/err"
    check "zstd first block longer than the file: exit 1, reported" bash -c 'test $1 = 1 && grep -q "offset 0:" "$2"' _ $? "$T/err"
    check "zstd first block longer than the file: read as a WARC, not as a page" bash -c '! grep -qv "^{" "$1"' _ "$T/z.bad"
    check "zstd first block longer than the file: the later frames' articles kept" \
        bash -c 'test "$(wc -l < "$1")" -ge 4 && tail -n "$(wc -l < "$1")" "$2" | cmp -s - "$1"' _ "$T/z.bad" "$T/z.all"
fi

# ---------------------------------------------------------------- WARC-Date
# A record's WARC-Date is "now" for its page (issue 11): "3 hours ago" and
# "yesterday" resolve against it; --date, given, is the reference instead;
# a WARC-Date that is not a date resolves nothing and fails nothing.
python3 - "$T/dated.warc" <<PY
import sys
sys.path.insert(0, "$HERE")
import warc_make as wm
def dated(i, stamp):
    paras = "".join("<p>%s Paragraph %d.</p>" % (wm.PROSE * 2, k) for k in range(6))
    return ("<!doctype html><html><head><title>Dated %d</title></head><body><article><h1>Dated story %d</h1>"
            "<span>%s</span>%s</article></body></html>" % (i, i, stamp, paras)).encode()
recs = []
for i, (stamp, when) in enumerate([("3 hours ago", "2025-11-12T08:00:00Z"), ("yesterday", "2024-03-05T10:30:00Z"),
                                   ("3 hours ago", "not a date")]):
    uri = "https://news.example.com/dated/%d" % i
    recs.append(wm.record("response", "30000000-0000-0000-0000-%012d" % i, uri, "application/http; msgtype=response",
                          wm.http(200, "text/html; charset=utf-8", dated(i, stamp)), date=when))
open(sys.argv[1], "wb").write(b"".join(recs))
PY
dates() { python3 -c 'import json,sys; print(" ".join(str(json.loads(l)["date_published"]) for l in sys.stdin))'; }
"$PITH" -q "$T/dated.warc" > "$T/dated.out"
check "WARC-Date: exit 0" test $? = 0
check "WARC-Date: relative dates against each record's WARC-Date" \
    test "$(dates < "$T/dated.out")" = "2025-11-12T05:00:00Z 2024-03-04 None"
check "WARC-Date: --date overrides it" \
    test "$("$PITH" -q --date 2026-01-10T12:00:00Z "$T/dated.warc" | dates)" = "2026-01-10T09:00:00Z 2026-01-09 2026-01-10T09:00:00Z"
check "WARC-Date: the same on stdin and on 2 threads" bash -c '"$1" -q -j 2 - < "$2" | cmp -s - "$3"' _ "$PITH" "$T/dated.warc" "$T/dated.out"

echo "$pass passed, $fail failed"
test "$fail" = 0
