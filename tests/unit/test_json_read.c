/* Unit tests: the JSON reader (util/json_read.h) that reads pages' JSON-LD. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "util/arena.h"
#include "util/json_read.h"

static pith_arena arena;

static const pith_jval *rd(const char *s, size_t *used) {
    size_t u = 0;
    const pith_jval *v = pith_json_read(&arena, s, strlen(s), &u);
    if (used) *used = u;
    return v;
}

static void test_values(void) {
    size_t used;
    const pith_jval *v = rd(" {\"a\": [1, -2.5e+3, true, false, null, \"x\"], \"b\": {}, \"c\": []} tail", &used);
    CHECK(pith_json_is(v, PITH_JOBJECT) && v->n == 3);
    CHECK(used == strlen(" {\"a\": [1, -2.5e+3, true, false, null, \"x\"], \"b\": {}, \"c\": []}"));
    const pith_jval *a = pith_json_get(v, "a");
    CHECK(pith_json_is(a, PITH_JARRAY) && a->n == 6);
    CHECK(pith_json_is(pith_json_at(a, 0), PITH_JNUMBER) && pith_json_is(pith_json_at(a, 1), PITH_JNUMBER));
    CHECK(pith_json_is(pith_json_at(a, 2), PITH_JTRUE) && pith_json_is(pith_json_at(a, 3), PITH_JFALSE));
    CHECK(pith_json_is(pith_json_at(a, 4), PITH_JNULL));
    CHECK_STR_EQ(pith_json_str(pith_json_at(a, 5)), "x");
    CHECK(pith_json_at(a, 6) == NULL && pith_json_at(v, 0) == NULL);
    CHECK(pith_json_is(pith_json_get(v, "b"), PITH_JOBJECT) && pith_json_get(v, "b")->n == 0);
    CHECK(pith_json_is(pith_json_get(v, "c"), PITH_JARRAY) && pith_json_get(v, "c")->n == 0);
    CHECK(pith_json_get(v, "d") == NULL && pith_json_get(a, "a") == NULL && pith_json_get(NULL, "a") == NULL);
    CHECK(pith_json_str(a) == NULL);
    /* A repeated key: the last one counts (as in JavaScript's JSON.parse). */
    CHECK_STR_EQ(pith_json_str(pith_json_get(rd("{\"k\":\"1\",\"k\":\"2\"}", NULL), "k")), "2");
    /* Scalars at the top level. */
    CHECK(pith_json_is(rd("\"s\"", NULL), PITH_JSTRING) && pith_json_is(rd("0", NULL), PITH_JNUMBER));
}

static void test_escapes(void) {
    const pith_jval *v = rd("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\"", NULL);
    CHECK_STR_EQ(pith_json_str(v), "a\"b\\c/d\b\f\n\r\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    CHECK(v && v->n == strlen(pith_json_str(v)));
    /* \u0000 and lone surrogates are not text: U+FFFD, and the string
     * stays a C string of the stated length. */
    v = rd("\"x\\u0000y\\ud800z\\udc00\\ud800\"", NULL);
    CHECK_STR_EQ(pith_json_str(v), "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(v && v->n == strlen(pith_json_str(v)));
    /* \' (JavaScript habit) stands for the quote. */
    CHECK_STR_EQ(pith_json_str(rd("\"it\\'s\"", NULL)), "it's");
    /* Bad \u escapes fail the read. */
    CHECK(rd("\"\\u12\"", NULL) == NULL && rd("\"\\uZZZZ\"", NULL) == NULL && rd("\"\\", NULL) == NULL);
    /* A raw NUL fails it too (the DOM never hands one over). */
    const char nul[] = "\"a\0b\"";
    size_t used;
    CHECK(pith_json_read(&arena, nul, sizeof nul - 1, &used) == NULL);
}

/* What pages get wrong and readers forgive. */
static void test_forgiven(void) {
    const pith_jval *v = rd("{\"a\": [1, 2,], \"b\": \"line one\nline\ttwo\",}", NULL);
    CHECK(pith_json_is(v, PITH_JOBJECT) && v->n == 2);
    CHECK(pith_json_get(v, "a") && pith_json_get(v, "a")->n == 2);
    CHECK_STR_EQ(pith_json_str(pith_json_get(v, "b")), "line one\nline\ttwo");
    CHECK(pith_json_is(rd("[007, 123456789012345678901234567890e999]", NULL), PITH_JARRAY));
}

static void test_rejected(void) {
    static const char *BAD[] = {
        "", "   ", "{", "[", "[1", "[1,", "{\"a\"", "{\"a\":", "{\"a\":1", "{a:1}", "{\"a\" 1}", "[,]", "{,}",
        "[1,,2]", "[1 2]", "tru", "nul", "-", "1.", "1e", "1e+", ".5", "'x'", "\"abc", "{\"a\":1]", "[1}", "}",
    };
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        const pith_jval *v = rd(BAD[i], NULL);
        if (v) fprintf(stderr, "  accepted: %s\n", BAD[i]);
        CHECK(v == NULL);
    }
}

/* Every prefix of a document is read or refused, never overrun. */
static void test_prefixes(void) {
    const char *doc = "{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"H\\u00e9\",\"n\":-1.5e3,"
                      "\"author\":[{\"name\":\"A\"},null,true]}],\"x\":false}";
    size_t n = strlen(doc);
    for (size_t k = 0; k < n; k++) {
        char *cut = malloc(k ? k : 1);
        memcpy(cut, doc, k);
        size_t used;
        CHECK(pith_json_read(&arena, cut, k, &used) == NULL);
        free(cut);
    }
    size_t used;
    CHECK(pith_json_read(&arena, doc, n, &used) != NULL && used == n);
}

static char *repeat(const char *unit, size_t times, const char *tail) {
    size_t ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(ul * times + tl + 1);
    for (size_t i = 0; i < times; i++) memcpy(s + i * ul, unit, ul);
    memcpy(s + ul * times, tail, tl + 1);
    return s;
}

static void test_depth(void) {
    /* At the limit: read; one deeper, or a million deep: refused, with no
     * recursion to overflow the C stack. */
    char *s = repeat("[", PITH_JSON_MAX_DEPTH, "");
    char *t = repeat("]", PITH_JSON_MAX_DEPTH, "");
    char *ok = malloc(2 * PITH_JSON_MAX_DEPTH + 1);
    sprintf(ok, "%s%s", s, t);
    CHECK(rd(ok, NULL) != NULL);
    char *deeper = malloc(2 * PITH_JSON_MAX_DEPTH + 3);
    sprintf(deeper, "[%s]%s", s, t);
    CHECK(rd(deeper, NULL) == NULL);
    char *million = repeat("{\"a\":[", 1000000, "");
    CHECK(rd(million, NULL) == NULL);
    free(s), free(t), free(ok), free(deeper), free(million);
}

static void test_big_and_budget(void) {
    /* A wide array, read in one pass. */
    char *wide = repeat("\"item\",", 300000, "\"end\"]");
    char *w2 = malloc(strlen(wide) + 2);
    sprintf(w2, "[%s", wide);
    const pith_jval *v = rd(w2, NULL);
    CHECK(pith_json_is(v, PITH_JARRAY) && v->n == 300001);
    CHECK_STR_EQ(pith_json_str(pith_json_at(v, 300000)), "end");
    /* A budget too small for the document: a clean refusal. */
    pith_arena small;
    pith_arena_init(&small, NULL, 100000);
    size_t used;
    CHECK(pith_json_read(&small, w2, strlen(w2), &used) == NULL);
    CHECK(small.over_limit);
    pith_arena_free(&small);
    free(wide), free(w2);
}

int main(void) {
    pith_arena_init(&arena, NULL, 0);
    RUN(test_values);
    RUN(test_escapes);
    RUN(test_forgiven);
    RUN(test_rejected);
    RUN(test_prefixes);
    RUN(test_depth);
    RUN(test_big_and_budget);
    pith_arena_free(&arena);
    return test_summary("json_read");
}
