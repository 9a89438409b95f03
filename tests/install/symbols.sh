#!/usr/bin/env bash
# symbols.sh - the libraries export pith_ names only: every global symbol
# defined in the static archives and every dynamic symbol the shared
# objects define starts with pith_ (internal helpers would otherwise clash
# with the programs that link them). And they use no JSON library: JSON-LD
# is read by util/json_read.c through the caller's allocation hooks (pith.h
# once said jansson's malloc did it; jansson is for the tests only).
#   symbols.sh LIBRARY...
set -u
fail=0
for lib in "$@"; do
    case $lib in
    *.a) syms=$(nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }') ;;
    *) syms=$(nm -D --defined-only "$lib" | awk 'NF == 3 { print $3 }') ;;
    esac
    bad=$(printf '%s\n' "$syms" | grep -v '^pith_' | grep -v '^$')
    total=$(printf '%s\n' "$syms" | grep -c '^pith_')
    if [ -n "$bad" ]; then
        echo "FAIL: $(basename "$lib") exports $(printf '%s\n' "$bad" | wc -l) names outside pith_:"
        printf '%s\n' "$bad" | head -20 | sed 's/^/  /'
        fail=1
    else
        echo "$(basename "$lib"): $total names, all pith_"
    fi
    if nm -u "$lib" 2>/dev/null | awk '{ print $NF }' | grep -q '^json_'; then
        echo "FAIL: $(basename "$lib") calls a JSON library (json_* undefined symbols)"
        fail=1
    fi
done
header=$(dirname "$0")/../../include/pith.h
if grep -qi jansson "$header"; then
    echo "FAIL: pith.h names jansson, which the library does not use"
    fail=1
fi
exit $fail
