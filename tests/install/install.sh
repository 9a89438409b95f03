#!/usr/bin/env bash
# install.sh - pith installed to a temporary prefix, used from outside:
# pkg-config (shared, and --static with the archives), CMake's
# find_package (every documented target), and the installed pith command.
#   install.sh BUILD_DIR C_COMPILER
set -u
BUILD=$1
CC=$2
HERE=$(cd "$(dirname "$0")" && pwd)
command -v pkg-config >/dev/null || { echo "skipped: pkg-config is not installed"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
check() { # check NAME COMMAND...
    local name=$1
    shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}

P=$T/prefix
cmake --install "$BUILD" --prefix "$P" > "$T/install.log" 2>&1
check "cmake --install to a temporary prefix" test $? = 0
PCDIR=$(dirname "$(find "$P" -name pith.pc | head -1)")
LIBDIR=$(dirname "$PCDIR")
export PKG_CONFIG_PATH=$PCDIR

# ---------------------------------------------------------------- pkg-config
check "pith.pc names the prefix installed to" test "$(pkg-config --variable=prefix pith)" = "$P"
check "pith_warc.pc names the prefix installed to" test "$(pkg-config --variable=prefix pith_warc)" = "$P"
check "the headers are where --cflags says" test -f "$(pkg-config --variable=includedir pith)/pith_warc.h"
check "libpith links no compression library" bash -c "! pkg-config --static --libs pith | grep -Eq -- '-l(z|deflate|zstd|brotli)'"
check "pith_warc lists its libraries for static links" bash -c "pkg-config --static --libs pith_warc | grep -q -- '-lz'"
$CC -o "$T/app_pc" "$HERE/app.c" $(pkg-config --cflags --libs pith pith_warc) 2> "$T/cc.log"
check "pkg-config: builds against the shared libraries" test $? = 0
out=$(LD_LIBRARY_PATH=$LIBDIR "$T/app_pc")
check "pkg-config: the program runs" test "$out" = "https://example.com/ $("$P/bin/pith" --version | cut -d' ' -f2) T"
# The manual's footer carries the version from pith.h, the one place it is
# written (the source cli/pith.1 names none).
man1=$(find "$P" -name pith.1 | head -1)
check "the manual is installed" test -n "$man1"
check "the installed manual's footer names the program's version" \
  grep -qF "\"pith $("$P/bin/pith" --version | cut -d' ' -f2)\"" "$man1"
check "pkg-config: linked the shared libpith" bash -c "LD_LIBRARY_PATH='$LIBDIR' ldd '$T/app_pc' | grep -q libpith.so"
# --static: the archives by path (the linker would take the .so for -lpith),
# and everything else pkg-config --static says they need.
libs=$(pkg-config --static --libs pith pith_warc | sed -e "s|-lpith_warc|$LIBDIR/libpith_warc.a|" -e "s|-lpith\\b|$LIBDIR/libpith.a|")
$CC -o "$T/app_pcs" "$HERE/app.c" $(pkg-config --cflags pith pith_warc) $libs 2>> "$T/cc.log"
check "pkg-config --static: builds against the archives" test $? = 0
check "pkg-config --static: the program runs" test "$("$T/app_pcs")" = "$out"
check "pkg-config --static: no libpith.so needed" bash -c "! ldd '$T/app_pcs' | grep -q libpith"

# ---------------------------------------------------------------- CMake
cmake -S "$HERE" -B "$T/cm" -DCMAKE_PREFIX_PATH="$P" -DCMAKE_C_COMPILER="$CC" > "$T/cmake.log" 2>&1
check "find_package(pith) configures" test $? = 0
cmake --build "$T/cm" >> "$T/cmake.log" 2>&1
check "CMake: builds against pith::pith and pith::pith_static" test $? = 0
check "CMake: the shared build runs" test "$(LD_LIBRARY_PATH=$LIBDIR "$T/cm/app_shared")" = "$out"
check "CMake: the static build runs" test "$("$T/cm/app_static")" = "$out"
check "CMake: pith::cli is the installed program" grep -q "pith::cli is $P/bin/pith" "$T/cmake.log"
if [ "$fail" != 0 ]; then
    cat "$T/install.log" "$T/cc.log" "$T/cmake.log"
fi
echo "$pass passed, $fail failed"
test "$fail" = 0
