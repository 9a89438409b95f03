# cli_lib.sh - a tiny harness for the CLI tests (sourced, not run).
#
#   ok "what" COMMAND...          passes when COMMAND succeeds
#   run STDIN_FILE ARGS...        runs pith; sets $out, $err, $st
#   summary                       prints "N passed, N failed" and exits
pass=0 fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SAMPLE=$REPO/examples/sample.html

ok() {
  local what=$1; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $what"; fi
}

# run STDIN ARGS...: pith with STDIN (a file, or /dev/null) and ARGS
run() {
  local in=$1; shift
  "$PITH" "$@" < "$in" > "$T/out" 2> "$T/err"
  st=$?
  out=$(cat "$T/out"); err=$(cat "$T/err")
}

contains() { case $1 in *"$2"*) return 0 ;; *) return 1 ;; esac; }
json_valid() { python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1]) if l.strip()]' "$1" 2>/dev/null; }

summary() {
  echo "$pass passed, $fail failed"
  [ $fail = 0 ]
  exit $?
}
