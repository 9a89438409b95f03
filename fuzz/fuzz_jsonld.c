/*
 * fuzz_jsonld.c - the JSON-LD reader (extract/meta_jsonld.h) on the text of
 * up to META_JSONLD_MAX_SCRIPTS + 2 scripts: the input is cut at each
 * "</script>", as a page would hand over several ld+json blocks.
 *
 * Invariants: no crash or leak whatever the text (the scratch arena is
 * released); when the input is valid UTF-8 every string found is valid
 * UTF-8 too; lists stay within the metadata caps; the same input gives the
 * same result twice. With jansson (PITH_FUZZ_JANSSON), the JSON reader
 * (util/json_read.h) is checked against it on the whole input: whatever
 * jansson reads, pith's reader reads to the same end and the same tree (it
 * may read more: it forgives trailing commas and the like).
 */
#include <string.h>

#ifdef PITH_FUZZ_JANSSON
#include <jansson.h>
#endif

#include "extract/meta_jsonld.h"
#include "fuzz_common.h"
#include "util/arena.h"
#include "util/json_read.h"

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
        meta_jsonld_add(&ctx, NULL, p, (size_t)(cut - p));
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

static pith_mstr item(pith_strings l, size_t i) { return (pith_mstr){l.items[i], (uint32_t)strlen(l.items[i])}; }

static void check_list(pith_strings l, bool utf8) {
    FUZZ_ASSERT(l.count <= 64);
    for (size_t i = 0; i < l.count; i++) check_str(item(l, i), utf8);
}

static bool same_str(pith_mstr x, pith_mstr y) {
    return x.len == y.len && (x.len == 0 || memcmp(x.ptr, y.ptr, x.len) == 0);
}

static bool same_list(pith_strings x, pith_strings y) {
    if (x.count != y.count) return false;
    for (size_t i = 0; i < x.count; i++)
        if (!same_str(item(x, i), item(y, i))) return false;
    return true;
}

#define STRS(X)                                                                                              \
    X(type) X(headline) X(name) X(description) X(date_published) X(date_created) X(date_modified) X(image) \
        X(url) X(license) X(body) X(publisher) X(language)
#define LISTS(X) X(person_authors) X(org_authors) X(keywords) X(sections)

#ifdef PITH_FUZZ_JANSSON
/* The same value: types (numbers only by type), strings byte for byte,
 * arrays item by item, objects key by key (jansson keeps the last of a
 * repeated key, and so does pith_json_get). */
static bool same_tree(json_t *j, const pith_jval *v) {
    switch (json_typeof(j)) {
    case JSON_NULL: return v->type == PITH_JNULL;
    case JSON_TRUE: return v->type == PITH_JTRUE;
    case JSON_FALSE: return v->type == PITH_JFALSE;
    case JSON_INTEGER:
    case JSON_REAL: return v->type == PITH_JNUMBER;
    case JSON_STRING:
        return v->type == PITH_JSTRING && v->n == json_string_length(j) &&
               memcmp(v->u.str, json_string_value(j), v->n) == 0 && v->u.str[v->n] == '\0';
    case JSON_ARRAY:
        if (v->type != PITH_JARRAY || v->n != json_array_size(j)) return false;
        for (size_t i = 0; i < v->n; i++)
            if (!same_tree(json_array_get(j, i), &v->u.items[i])) return false;
        return true;
    case JSON_OBJECT: {
        if (v->type != PITH_JOBJECT) return false;
        for (size_t i = 0; i < v->n; i++) /* every key pith saw, jansson saw */
            if (!json_object_get(j, v->u.items[2 * i].u.str)) return false;
        const char *key;
        json_t *jv;
        json_object_foreach(j, key, jv) {
            const pith_jval *pv = pith_json_get(v, key);
            if (!pv || !same_tree(jv, pv)) return false;
        }
        return true;
    }
    }
    return false;
}

static void against_jansson(const uint8_t *data, size_t size) {
    /* jansson (2.14) reads past a raw NUL right after a number, as in
     * {"a": 1<NUL>} (found by this target: corpus/jsonld/crash-*); JSON has
     * no raw NUL and pith's reader refuses one, so inputs with a NUL are
     * not compared. */
    if (memchr(data, 0, size)) return;
    json_error_t err;
    json_t *j = json_loadb((const char *)data, size, 0, &err);
    if (!j) return;
    pith_arena a;
    pith_arena_init(&a, NULL, 64u << 20);
    size_t used = 0;
    const pith_jval *v = pith_json_read(&a, (const char *)data, size, &used);
    FUZZ_ASSERT(v != NULL);
    for (size_t i = used; i < size; i++)
        FUZZ_ASSERT(data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t');
    FUZZ_ASSERT(same_tree(j, v));
    json_decref(j);
    pith_arena_free(&a);
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
#ifdef PITH_FUZZ_JANSSON
    against_jansson(data, size);
#endif
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
