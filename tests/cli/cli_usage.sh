#!/usr/bin/env bash
# CLI: --help, --version, usage errors (exit 2, a message on stderr, nothing
# on stdout).   usage: cli_usage.sh PITH_BINARY SHARED_DIR
PITH=$1
. "$(dirname "$0")/cli_lib.sh"

run /dev/null --help
ok "--help exits 0" [ $st = 0 ]
ok "--help prints usage on stdout" contains "$out" "usage: pith"
for opt in --format --output-dir --url --encoding --comments --no-tables --links --images --captions --favor --pretty --version; do
  ok "--help lists $opt" contains "$out" "$opt"
done
run /dev/null -h
ok "-h is --help" [ $st = 0 ] && ok "-h prints usage" contains "$out" "usage: pith"

# Every command answers --help (and -h) on stdout with exit 0, even with
# other arguments around it, and reads no input.
for cmd in "" tree; do
  for h in --help -h; do
    # shellcheck disable=SC2086
    run "$SAMPLE" $cmd $h
    ok "pith $cmd $h exits 0" [ $st = 0 ]
    ok "pith $cmd $h prints its usage on stdout" contains "$out" "usage: pith${cmd:+ $cmd}"
    ok "pith $cmd $h writes nothing on stderr" [ -z "$err" ]
  done
done
# --help wins wherever it stands: no input is read (or walked) first.
run "$SAMPLE" "$T/nope.html" --help
ok "pith MISSING --help exits 0" [ $st = 0 ] && ok "pith MISSING --help reads no input (nothing on stderr)" [ -z "$err" ]
run "$SAMPLE" tree --fragment td --help
ok "pith tree --fragment td --help exits 0" [ $st = 0 ] && ok "... and prints the tree usage" contains "$out" "usage: pith tree"
run "$SAMPLE" tree --help
for opt in --fragment --encoding --no-comments; do
  ok "pith tree --help lists $opt" contains "$out" "$opt"
done
ok "pith --help names the tree command's help" contains "$("$PITH" --help)" "pith tree --help"

run /dev/null --version
ok "--version exits 0" [ $st = 0 ]
ok "--version prints 'pith X.Y.Z'" bash -c '[[ "$1" =~ ^pith\ [0-9]+\.[0-9]+\.[0-9]+$ ]]' _ "$out"
run /dev/null -V
ok "-V is --version" contains "$out" "pith "

# Usage errors: exit 2, the reason on stderr, no output.
usage_error() {
  run "$SAMPLE" "$@"
  ok "usage error exits 2: $*" [ $st = 2 ]
  ok "usage error says why on stderr: $*" [ -n "$err" ]
  ok "usage error writes nothing to stdout: $*" [ -z "$out" ]
}
usage_error --no-such-option
usage_error -f
usage_error -f xml
usage_error --format=pdf
usage_error --favor sometimes
usage_error -Z
usage_error --url
usage_error --pretty=yes

# Option spellings that are accepted: --opt=VALUE, -fVALUE, -f VALUE.
for a in "--format=json" "-fjson" "-f json" "--format json"; do
  # shellcheck disable=SC2086
  run "$SAMPLE" $a
  ok "'$a' gives JSON" [ $st = 0 ] && ok "'$a' output starts with {" contains "${out:0:1}" "{"
done
run "$SAMPLE" --favor precision
ok "--favor precision accepted" [ $st = 0 ]
run "$SAMPLE" --favor recall
ok "--favor recall accepted" [ $st = 0 ]
run "$SAMPLE" -f md
ok "-f md is markdown" [ $st = 0 ]

summary
