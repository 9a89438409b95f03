/* Unit test: the version is written once (pith.h's PITH_VERSION_MAJOR/MINOR/
 * PATCH); the string, the number and the linked library's calls agree with
 * it, and CMake's project() version (PITH_CMAKE_VERSION, passed in by
 * tests/CMakeLists.txt) was read from the same lines. */
#include <stdio.h>
#include <string.h>

#include "pith.h"
#include "test.h"

static void test_header_and_library_agree(void) {
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", PITH_VERSION_MAJOR, PITH_VERSION_MINOR, PITH_VERSION_PATCH);
    CHECK_STR_EQ(PITH_VERSION_STRING, want);
    CHECK_STR_EQ(pith_version(), want);
    CHECK(pith_version_number() == PITH_VERSION_NUMBER);
    CHECK(PITH_VERSION_NUMBER == PITH_VERSION_MAJOR * 10000 + PITH_VERSION_MINOR * 100 + PITH_VERSION_PATCH);
    CHECK(PITH_VERSION_MINOR < 100 && PITH_VERSION_PATCH < 100);
}

static void test_cmake_agrees(void) {
#ifdef PITH_CMAKE_VERSION
    CHECK_STR_EQ(PITH_CMAKE_VERSION, PITH_VERSION_STRING);
#else
    CHECK(!"tests/CMakeLists.txt passes PITH_CMAKE_VERSION");
#endif
}

int main(void) {
    RUN(test_header_and_library_agree);
    RUN(test_cmake_agrees);
    return test_summary("version");
}
