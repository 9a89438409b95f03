#!/usr/bin/env bash
# pith next to its peers: runs the shared quality.sh (F1 per dataset) and
# extract_bench (speed, on the ScrapingHub pages) with this build, and prints
# pith's row inside the peers' table from ../shared/PEERS.md (their numbers
# were measured once on this kind of machine; pith's are measured now).
#
# usage: bench/quality.sh [BUILD_DIR [SHARED_DIR]]   (defaults: build, ../shared)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
shared=${2:-$repo/../shared}
pith=$build/pith
bench=$build/bench/extract_bench
for f in "$pith" "$bench" "$shared/tools/quality.sh" "$shared/PEERS.md"; do
  [ -e "$f" ] || { echo "bench/quality.sh: missing $f (build first; is the shared folder there?)" >&2; exit 2; }
done

echo "== quality (shared/tools/quality.sh)"
q=$(PITH=$pith bash "$shared/tools/quality.sh" "$shared/bench")
echo "$q"
f1() { echo "$q" | awk -v d="$1" '$1==d { for (i=1;i<=NF;i++) if ($i ~ /^F1=/) { sub(/^F1=/, "", $i); print $i } }'; }
sh_f1=$(f1 scrapinghub) rd_f1=$(f1 readability)

echo
echo "== speed (extract_bench, ScrapingHub pages)"
s=$("$bench" "$shared/bench/scrapinghub")
echo "$s"
read -r mbs ms <<< "$(echo "$s" | awk '$1=="scrapinghub" { print $4, $6 }')"
rss=$(echo "$s" | awk '/^peak RSS/ { print $3 }')

echo
echo "== ScrapingHub, the 91 shared pages (peers from PEERS.md; pith measured now, CPU time of one thread)"
printf '%-36s %8s %12s %10s %10s\n' tool "F1 (91)" "ms/page" "MB/s" "peak RSS"
{
  awk -F'|' '/^\| / && NF >= 8 && $2 !~ /tool|---|pith target/ {
      gsub(/^ +| +$/, "", $2); gsub(/ /, "", $5); gsub(/ /, "", $6); gsub(/ /, "", $7); gsub(/^ +| +$/, "", $8)
      if ($5 == "—" || $5 == "") next
      printf "%s\t%s\t%s\t%s\t%s\n", $2, $5, $6, $7, $8 }' "$shared/PEERS.md"
  printf '%s\t%s\t%s\t%s\t%s MB\n' "** pith $("$pith" --version | awk '{print $2}') **" "$sh_f1" "$ms" "$mbs" "$rss"
} | sort -t$'\t' -k2,2 -r | awk -F'\t' '{ printf "%-36s %8s %12s %10s %10s\n", $1, $2, $3, $4, $5 }'
echo "(pith's peak RSS includes the 16.7 MB of pages held in memory)"

echo
echo "== Mozilla readability pages (130)"
awk '/^Mozilla readability pages/ { on = 1 } on && /^$/ { exit } on { printf "%s ", $0 } END { print "" }' "$shared/PEERS.md" |
  sed 's/^Mozilla readability pages (130): //' | fold -s -w 100
echo "pith: F1 $rd_f1"
