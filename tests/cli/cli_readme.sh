#!/usr/bin/env bash
# README.md is the one copy of the output reference (formats, JSON schema):
# its schema table has a row for every top-level JSON key the output has, in
# the output's order, and its blocks table a row for every block type.
# usage: cli_readme.sh PITH_BINARY SHARED_DIR
PITH=$1
. "$(dirname "$0")/cli_lib.sh"
readme=$REPO/README.md
ok "README.md exists" [ -f "$readme" ]
ok "no second copy of the output reference under docs/" bash -c '! grep -rqs "^### JSON schema" "$1/docs"' _ "$REPO"

"$PITH" -f json --links --images --comments "$SAMPLE" > "$T/sample.json"
keys=$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))))' "$T/sample.json")
for key in $keys; do
  ok "README's schema documents the JSON key $key" grep -q "^| \`$key\` |" "$readme"
done
# The rows of the key table (the first table after "### JSON schema") in order.
rows=$(awk '/^### JSON schema/ { on = 1 } on && /^\| `/ { print; n++ } on && n && !/^\|/ { exit }' "$readme" |
  sed -E 's/^\| `([a-z_]+)`.*/\1/' | tr '\n' ' ')
ok "README's schema lists the keys in the output's order" [ "$rows" = "$keys " ]

# The product fields: a row each in the "Product fields" table, in the output's order.
"$PITH" -f json "$REPO/tests/golden/pages/product-thin.html" > "$T/product.json"
pkeys=$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["product"]))' "$T/product.json")
ok "a product page gives product fields" [ -n "$pkeys" ]
prows=$(awk '/^Product fields/ { on = 1 } on && /^\| `/ { print; n++ } on && n && !/^\|/ { exit }' "$readme" |
  sed -E 's/^\| `([a-z_]+)`.*/\1/' | tr '\n' ' ')
ok "README's product table lists the product fields in the output's order" [ "$prows" = "$pkeys " ]

for type in heading paragraph list quote code table figure rule; do
  ok "README documents the block type $type" grep -q "^| \`$type\` |" "$readme"
done
# The quick start (item 13.3): README's first cmake configure builds the
# libraries and the CLI only - no tests, fuzz replays or benchmarks.
quick=$(grep -m1 -o 'cmake -S \. -B build[^&]*' "$readme")
ok "README's quick start has a cmake command" [ -n "$quick" ]
if command -v cmake >/dev/null && [ -n "$quick" ]; then
  # shellcheck disable=SC2086
  (cd "$T" && cmake -S "$REPO" -B qs ${quick#cmake -S . -B build} > qs.log 2>&1)
  ok "quick start: configures" [ -f "$T/qs/CMakeFiles/Makefile2" ]
  ok "quick start: builds only the libraries and the CLI" python3 -c '
import re, sys
deps = re.findall(r"^all: (\S+)$", open(sys.argv[1]).read(), re.M)
names = {re.sub(r"^CMakeFiles/(.*)\.dir/all$", r"\1", d) for d in deps}
extra = {n for n in names if not n.startswith("pith")}  # tests/all, fuzz/all, bench/all, test_*...
assert names and not extra, sorted(extra)' "$T/qs/CMakeFiles/Makefile2"
fi
# Tests skipped without the shared folder say which folder and how to set it.
bash "$REPO/tests/cli/golden.sh" "$PITH" "$T/no-shared" > "$T/skip.out" 2>&1
ok "golden without the shared folder: skipped (77)" [ $? = 77 ]
ok "...naming the folder" grep -q "$T/no-shared" "$T/skip.out"
ok "...and PITH_SHARED_DIR" grep -q "PITH_SHARED_DIR" "$T/skip.out"
ok "README says the tests are skipped without the shared folder, and PITH_SHARED_DIR" grep -q "PITH_SHARED_DIR" "$readme"
ok "tools/test.sh prints the skipped tests' reasons" grep -q 'skipped: ' "$REPO/tools/test.sh"

summary
