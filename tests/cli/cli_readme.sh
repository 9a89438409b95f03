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
summary
