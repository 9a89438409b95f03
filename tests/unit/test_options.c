/*
 * test_options.c - every enum-valued option and argument of the public API
 * refuses values outside its enum with PITH_E_INVALID (pith.h promises it),
 * and an options struct not filled by its _init call (a wrong `version`) is
 * refused too. The valid values still work.
 */
#include <stdlib.h>

#include "pith.h"
#include "test.h"

static const char page[] = "<title>T</title><article><p>A paragraph long enough to be the article of this "
                           "page, written so that the extractor has some prose to keep.</p></article>";

static void test_favor(void) {
    pith_options o;
    for (int v = -1; v <= 8; v++) {
        pith_options_init(&o);
        o.favor = (pith_favor)v;
        bool valid = v >= PITH_FAVOR_BALANCED && v <= PITH_FAVOR_RECALL;
        pith_result *r = NULL;
        pith_status st = pith_extract(page, sizeof page - 1, &o, &r);
        CHECK(st == (valid ? PITH_OK : PITH_E_INVALID));
        CHECK(valid == (r != NULL));
        pith_result_free(r);
        pith_extractor *ex = NULL;
        st = pith_extractor_new(&o, &ex);
        CHECK(st == (valid ? PITH_OK : PITH_E_INVALID));
        CHECK(valid == (ex != NULL));
        pith_extractor_free(ex);
    }
}

static void test_format(void) {
    pith_result *r = NULL;
    CHECK(pith_extract(page, sizeof page - 1, NULL, &r) == PITH_OK);
    for (int f = -1; f <= 9; f++) {
        bool valid = f >= PITH_FORMAT_TEXT && f <= PITH_FORMAT_JSON;
        char *out = (char *)"untouched";
        size_t len = 7;
        pith_status st = pith_result_render(r, (pith_format)f, &out, &len);
        CHECK(st == (valid ? PITH_OK : PITH_E_INVALID));
        if (valid) {
            CHECK(out && len > 0);
            pith_free(out);
        } else {
            CHECK(out == NULL);
        }
        char buf[4096];
        st = pith_result_render_into(r, (pith_format)f, buf, sizeof buf, &len);
        CHECK(st == (valid ? PITH_OK : PITH_E_INVALID));
    }
    pith_result_free(r);
}

/* `version` is set by the _init calls; any other value means the struct was
 * not made by them (or by a different header) and is refused. */
static void test_version(void) {
    pith_options o;
    pith_options_init(&o);
    CHECK(o.version == PITH_OPTIONS_VERSION);
    pith_result *r = NULL;
    for (uint32_t v = 0; v < 4; v++) {
        o.version = v;
        pith_status st = pith_extract(page, sizeof page - 1, &o, &r);
        CHECK(st == (v == PITH_OPTIONS_VERSION ? PITH_OK : PITH_E_INVALID));
        pith_result_free(r);
        r = NULL;
    }
    pith_options zeroed;
    memset(&zeroed, 0, sizeof zeroed);
    CHECK(pith_extract(page, sizeof page - 1, &zeroed, &r) == PITH_E_INVALID && r == NULL);
    /* The reusable extractor checks the same field. */
    for (uint32_t v = 0; v < 4; v++) {
        o.version = v;
        pith_extractor *ex = NULL;
        pith_status st = pith_extractor_new(&o, &ex);
        CHECK(st == (v == PITH_OPTIONS_VERSION ? PITH_OK : PITH_E_INVALID));
        CHECK((ex != NULL) == (v == PITH_OPTIONS_VERSION));
        pith_extractor_free(ex);
    }
    pith_extractor *ex = NULL;
    CHECK(pith_extractor_new(&zeroed, &ex) == PITH_E_INVALID && ex == NULL);

    pith_parse_options p;
    pith_parse_options_init(&p);
    CHECK(p.version == PITH_OPTIONS_VERSION);
    pith_document *doc = NULL;
    for (uint32_t v = 0; v < 4; v++) {
        p.version = v;
        pith_status st = pith_parse(page, sizeof page - 1, &p, &doc);
        CHECK(st == (v == PITH_OPTIONS_VERSION ? PITH_OK : PITH_E_INVALID));
        CHECK((doc != NULL) == (v == PITH_OPTIONS_VERSION));
        pith_document_free(doc);
        doc = NULL;
    }
}

/* Every status code has its own description. */
static void test_status_strings(void) {
    const pith_status all[] = {PITH_OK, PITH_E_NOMEM, PITH_E_LIMIT, PITH_E_INVALID, PITH_E_ENCODING};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        CHECK(strcmp(pith_status_str(all[i]), "unknown status") != 0);
        for (size_t j = 0; j < i; j++) CHECK(strcmp(pith_status_str(all[i]), pith_status_str(all[j])) != 0);
    }
    CHECK(strcmp(pith_status_str((pith_status)99), "unknown status") == 0);
}

int main(void) {
    RUN(test_favor);
    RUN(test_format);
    RUN(test_version);
    RUN(test_status_strings);
    return test_summary("options");
}
