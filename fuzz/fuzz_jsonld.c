/*
 * fuzz_jsonld.c - the JSON-LD reader (extract/meta_jsonld.h) on the text of
 * up to META_JSONLD_MAX_SCRIPTS + 2 scripts: the input is cut at each
 * "</script>", as a page would hand over several ld+json blocks.
 *
 * Invariants: no crash or leak whatever the text (jansson's roots are all
 * released); when the input is valid UTF-8 every string found is valid
 * UTF-8 too; lists stay within the metadata caps; the same input gives the
 * same result twice.
 */
#include <string.h>

#include "extract/meta_jsonld.h"
#include "fuzz_common.h"
#include "util/arena.h"

static const char SEP[] = "</script>";

static void read_all(const uint8_t *data, size_t size, pith_arena *a, meta_jsonld *out, bool *ok) {
    meta_jsonld_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    const char *p = (const char *)data, *end = p + size;
    for (int n = 0; n < META_JSONLD_MAX_SCRIPTS + 2; n++) {
        const char *cut = p;
        while (cut < end && !((size_t)(end - cut) >= sizeof SEP - 1 && memcmp(cut, SEP, sizeof SEP - 1) == 0)) {
            const char *lt = memchr(cut, '<', (size_t)(end - cut));
            if (!lt) {
                cut = end;
                break;
            }
            if ((size_t)(end - lt) >= sizeof SEP - 1 && memcmp(lt, SEP, sizeof SEP - 1) == 0) {
                cut = lt;
                break;
            }
            cut = lt + 1;
        }
        meta_jsonld_add(&ctx, p, (size_t)(cut - p));
        if (cut >= end) break;
        p = cut + sizeof SEP - 1;
    }
    memset(out, 0, sizeof *out);
    *ok = meta_jsonld_finish(&ctx, a, out);
}

static void check_str(pith_mstr s, bool utf8) {
    FUZZ_ASSERT(s.len == 0 || s.ptr != NULL);
    if (utf8 && s.len) FUZZ_ASSERT(fuzz_valid_utf8(s.ptr, s.len));
}

static void check_list(pith_mlist l, bool utf8) {
    FUZZ_ASSERT(l.count <= 64);
    for (uint32_t i = 0; i < l.count; i++) check_str(l.items[i], utf8);
}

static bool same_str(pith_mstr x, pith_mstr y) {
    return x.len == y.len && (x.len == 0 || memcmp(x.ptr, y.ptr, x.len) == 0);
}

static bool same_list(pith_mlist x, pith_mlist y) {
    if (x.count != y.count) return false;
    for (uint32_t i = 0; i < x.count; i++)
        if (!same_str(x.items[i], y.items[i])) return false;
    return true;
}

#define STRS(X)                                                                                              \
    X(type) X(headline) X(name) X(description) X(date_published) X(date_created) X(date_modified) X(image) \
        X(url) X(license) X(body) X(publisher) X(language)
#define LISTS(X) X(person_authors) X(org_authors) X(keywords) X(sections)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    bool utf8 = fuzz_valid_utf8((const char *)data, size);
    pith_arena a1, a2;
    pith_arena_init(&a1, NULL, 64u << 20);
    pith_arena_init(&a2, NULL, 64u << 20);
    meta_jsonld r1, r2;
    bool ok1, ok2;
    read_all(data, size, &a1, &r1, &ok1);
    read_all(data, size, &a2, &r2, &ok2);
    FUZZ_ASSERT(ok1 && ok2);
    FUZZ_ASSERT(r1.rank == r2.rank);
#define CHECK_S(f) check_str(r1.f, utf8); FUZZ_ASSERT(same_str(r1.f, r2.f));
#define CHECK_L(f) check_list(r1.f, utf8); FUZZ_ASSERT(same_list(r1.f, r2.f));
    STRS(CHECK_S)
    LISTS(CHECK_L)
    pith_arena_free(&a1);
    pith_arena_free(&a2);
    return 0;
}
