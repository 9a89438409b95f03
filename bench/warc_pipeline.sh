#!/usr/bin/env bash
# warc_pipeline.sh - end-to-end speed and memory of `pith` on a crawl file.
#
#   bench/warc_pipeline.sh [PITH_BINARY] [--size MB] [--runs N] [--records N] [--shared DIR]
#
# Builds a Common Crawl-like WARC.gz of --size MB (default 200) from the
# shared bench pages (scrapinghub, readability, then the WCXB pages of
# wcxb-dev: about 45 MB of the first two and the rest WCXB at 200 MB) with
# bench/make_warc.py in a temporary folder (never committed; --size 1000
# gives a file of Common Crawl's scale, where start-up costs, such as a
# second worker's first memory, no longer weigh on the two-core figure), then:
#   1. speed: `pith -j1` pinned to one core and `pith -j2` on two (taskset),
#      in --runs rounds (default 3) of one -j1 run then one -j2 run, -j1
#      on core 0 and core 1 in turn; median by wall time; records/s and MB/s
#      of uncompressed HTML by wall time and by CPU time (the machine may be
#      shared: CPU-based figures are the steadier ones; the load average is
#      printed beside each run). The speed-up is also given as the median
#      of each round's own -j1/-j2 ratio: on a virtual machine one core can
#      run a third slower than the other for seconds at a time, so runs
#      side by side and both cores in turn for -j1 are the fair comparison;
#   2. where the time goes: reader (decompression + WARC/HTTP parsing), HTML
#      parsing, the rest of extraction, JSON rendering, writing, from the
#      --stats timings (per-thread CPU clocks; one extra run with
#      --time-parse, which parses every page a second time on its own);
#   3. peak RSS (/usr/bin/time -v; apt-get install time);
#   4. flat memory: the big file 3 times then a small-page WARC (tests/cli/
#      warc_make.py) as many times as it takes to read --records records
#      (default 1,000,000; 0 skips), RSS read from /proc at 10k, 100k and 1M
#      records (--stats rss_kb).
# Not a test: nothing here decides pass or fail.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
PITH=$ROOT/build/pith
SIZE=200
RUNS=3
RECORDS=1000000
SHARED=$ROOT/../shared
while [ $# -gt 0 ]; do
    case $1 in
    --size) SIZE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --records) RECORDS=$2; shift 2 ;;
    --shared) SHARED=$2; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) PITH=$1; shift ;;
    esac
done
[ -x "$PITH" ] || { echo "warc_pipeline: no pith binary at $PITH (build first)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "warc_pipeline: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pin() { # pin CPUS: a taskset prefix when taskset and the CPUs exist
    if command -v taskset >/dev/null && taskset -c "$1" true 2>/dev/null; then echo "taskset -c $1"; fi
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== building a ${SIZE} MB WARC.gz"
python3 "$HERE/make_warc.py" --out "$T/bench.warc.gz" --size "$SIZE" --shared "$SHARED"
echo "pith $("$PITH" --version | cut -d' ' -f2), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"

# one_run JOBS CPUS TAG [extra options]: runs pith, keeps stats and time -v output
one_run() {
    local jobs=$1 cpus=$2 tag=$3
    shift 3
    local before
    before=$(load)
    # shellcheck disable=SC2046
    /usr/bin/time -v -o "$T/$tag.time" $(pin "$cpus") "$PITH" -q -j "$jobs" --stats "$T/$tag.json" "$@" \
        "$T/bench.warc.gz" > "$T/$tag.jsonl" 2> "$T/$tag.err" || true
    echo "$before" > "$T/$tag.load"
}

echo
echo "== speed (median of $RUNS rounds by wall time)"
for r in $(seq 1 "$RUNS"); do
    one_run 1 $(( (r - 1) % 2 )) "j1-$r"
    one_run 2 0,1 "j2-$r"
done
one_run 1 0 parse --time-parse
cmp -s "$T/j1-1.jsonl" "$T/j2-1.jsonl" && same=yes || same=NO

python3 - "$T" "$RUNS" "$same" <<'PY'
import json, re, sys
T, runs, same = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def load(tag):
    s = json.load(open("%s/%s.json" % (T, tag)))
    tv = open("%s/%s.time" % (T, tag)).read()
    s["peak_kb"] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv).group(1))
    s["user"] = float(re.search(r"User time \(seconds\): ([\d.]+)", tv).group(1))
    s["sys"] = float(re.search(r"System time \(seconds\): ([\d.]+)", tv).group(1))
    s["load"] = open("%s/%s.load" % (T, tag)).read().strip()
    return s

med = {}
for jobs in (1, 2):
    rs = sorted((load("j%d-%d" % (jobs, r)) for r in range(1, runs + 1)), key=lambda s: s["wall_seconds"])
    for s in rs:
        print("  -j%d run: %6.2f s wall, %6.2f s cpu, load before %s" % (jobs, s["wall_seconds"], s["user"] + s["sys"], s["load"]))
    med[jobs] = rs[len(rs) // 2]
s1 = med[1]
mb = s1["html_bytes"] / 1e6
print("input: %d records, %d HTML (%.1f MB uncompressed HTML), %d extracted, %d errors; %.1f MB compressed, %.1f MB WARC"
      % (s1["records"], s1["html"], mb, s1["extracted"], s1["errors_total"], s1["input_bytes"] / 1e6, s1["stream_bytes"] / 1e6))
print()
print("%-22s %10s %10s %12s %12s %10s" % ("", "wall s", "records/s", "MB/s html", "MB/s per", "peak RSS"))
print("%-22s %10s %10s %12s %12s %10s" % ("", "", "(wall)", "(wall)", "CPU second", "MB"))
for jobs in (1, 2):
    s = med[jobs]
    cpu = s["user"] + s["sys"]
    print("%-22s %10.2f %10.0f %12.1f %12.1f %10.1f" % ("-j%d on %d core%s" % (jobs, jobs, "s" if jobs > 1 else ""),
          s["wall_seconds"], s["records_per_second"], s["html_mb_per_second"], mb / cpu, s["peak_kb"] / 1024))
print("speed-up -j2 on 2 cores vs -j1 on 1 core (wall): %.2fx; CPU seconds -j1 %.2f, -j2 %.2f"
      % (med[1]["wall_seconds"] / med[2]["wall_seconds"], med[1]["user"] + med[1]["sys"], med[2]["user"] + med[2]["sys"]))
rounds = sorted(load("j1-%d" % r)["wall_seconds"] / load("j2-%d" % r)["wall_seconds"] for r in range(1, runs + 1))
print("speed-up round by round (-j1 wall / -j2 wall of the same round): median %.2fx; %s"
      % (rounds[len(rounds) // 2], " ".join("%.2f" % x for x in rounds)))
if runs >= 2:
    # -j1 ran on core 0 in odd rounds, core 1 in even ones: against the
    # average core, a core that the host slows does not decide the figure.
    core = []
    for c in (0, 1):
        w = sorted(load("j1-%d" % r)["wall_seconds"] for r in range(1 + c, runs + 1, 2))
        core.append(w[len(w) // 2])
    print("-j1 median wall on core 0 %.2f s, on core 1 %.2f s; speed-up against their mean: %.2fx"
          % (core[0], core[1], (core[0] + core[1]) / 2 / med[2]["wall_seconds"]))
print("output -j1 == -j2 (ordered): %s" % same)
# What an idle machine would give: the run's CPU work spread over 2 cores,
# unless one thread (the reader) alone needs longer.
c2 = med[2]["cpu_seconds"]
total2 = med[2]["user"] + med[2]["sys"]
bound = max(c2["reader"], total2 / 2)
print("idle-machine estimate from CPU times: -j2 needs max(reader %.2f s, all %.2f s / 2) = %.2f s -> %.2fx of -j1's %.2f s"
      % (c2["reader"], total2, bound, (med[1]["user"] + med[1]["sys"]) / bound, med[1]["user"] + med[1]["sys"]))

p = load("parse")
c = p["cpu_seconds"]
extract_only = c["extract"]
parts = [("reader: decompression (CPU, estimated)", c["decompress"]),
         ("reader: WARC/HTTP parsing, copying, queue", max(c["reader"] - c["decompress"], 0.0)),
         ("HTML parsing (measured alone)", c["parse_alone"]),
         ("extraction after parsing", max(extract_only - c["parse_alone"], 0.0)),
         ("JSON rendering", c["render"]),
         ("writer (counting, fwrite)", c["writer"])]
tot = sum(v for _, v in parts)
print()
print("where one core's time goes (-j1, per-thread CPU clocks; %.2f s in all):" % tot)
for name, v in parts:
    print("  %-44s %6.3f s  %5.1f%%" % (name, v, 100 * v / tot if tot else 0))
PY

if [ "$RECORDS" -gt 0 ]; then
    echo
    echo "== flat memory: $RECORDS records"
    python3 "$ROOT/tests/cli/warc_make.py" "$T/small.warc.gz" gz --pages 5000 > /dev/null
    per=$("$PITH" -q -j 2 --stats "$T/small.json" "$T/small.warc.gz" 2>/dev/null > /dev/null; python3 -c "import json; print(json.load(open('$T/small.json'))['records'])")
    big=$(python3 -c "import json; print(json.load(open('$T/j1-1.json'))['records'])")
    need=$(( (RECORDS - 3 * big + per - 1) / per ))
    [ "$need" -lt 1 ] && need=1
    set -- "$T/bench.warc.gz" "$T/bench.warc.gz" "$T/bench.warc.gz"
    for _ in $(seq 1 "$need"); do set -- "$@" "$T/small.warc.gz"; done
    echo "inputs: the ${SIZE} MB file x3 ($big records each) + a small-page file x$need ($per records each); load $(load)"
    /usr/bin/time -v -o "$T/flat.time" "$PITH" -q -j 2 --stats "$T/flat.json" "$@" > /dev/null 2>&1 || true
    python3 - "$T" <<'PY'
import json, re, sys
T = sys.argv[1]
s = json.load(open(T + "/flat.json"))
tv = open(T + "/flat.time").read()
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv).group(1))
r = s["rss_kb"]
fmt = lambda kb: "n/a" if kb is None else "%.1f MB" % (kb / 1024)
print("records %d in %.1f s (%.0f records/s); RSS at 10k %s, 100k %s, 1M %s, end %s; peak %s"
      % (s["records"], s["wall_seconds"], s["records_per_second"], fmt(r["10000"]), fmt(r["100000"]),
         fmt(r["1000000"]), fmt(r["end"]), fmt(peak)))
PY
fi
