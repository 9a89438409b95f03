# golden_lib.sh - shared by tools/update_golden.sh and tests/cli/golden.sh:
# reads tests/golden/pages.txt and materialises each case's page.
#
# golden_cases FILE       prints "id<TAB>page<TAB>options" per case
# golden_page SPEC REPO SHARED OUT
#                         writes the page SPEC names to OUT; returns 3 when it
#                         lives in the shared folder and that is absent
golden_formats="text:txt markdown:md html:html json:json"

golden_cases() {
  awk '!/^[[:space:]]*(#|$)/ { id=$1; page=$2; $1=""; $2=""; sub(/^[[:space:]]+/, ""); print id "\t" page "\t" $0 }' "$1"
}

golden_page() {
  local spec=$1 repo=$2 shared=$3 out=$4 enc="" src
  case $spec in *@*) enc=${spec##*@}; spec=${spec%@*} ;; esac
  case $spec in
    bench:*) [ -d "$shared/bench" ] || return 3; src=$shared/bench/${spec#bench:} ;;
    repo:*) src=$repo/${spec#repo:} ;;
    *) echo "golden: bad page spec '$spec'" >&2; return 2 ;;
  esac
  [ -f "$src" ] || { echo "golden: missing page $src" >&2; return 2; }
  if [ -n "$enc" ]; then
    # iconv -c drops what the target encoding lacks and then exits 1: not an error here.
    iconv -c -f UTF-8 -t "$enc" "$src" > "$out" 2>/dev/null
    [ -s "$out" ] || { echo "golden: iconv to $enc failed for $src" >&2; return 2; }
  else
    case $src in
      *.gz) gzip -dc "$src" > "$out" ;;  # WCXB pages are gzipped
      *) cp "$src" "$out" ;;
    esac
  fi
}
