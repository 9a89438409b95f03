/*
 * test_page_type.c - the page-type classifier: its word tables and text
 * tests, the features it reads off a page, the model on small pages of each
 * type, the public names, and pith_options.only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/page_type.h"
#include "extract/page_type_model.h"
#include "extract/page_type_signals.h"
#include "pith.h"
#include "test.h"

/* ---------------------------------------------------------------- tables, text tests */

static void test_tables(void) {
    CHECK(pt_tables_sorted());
    CHECK(PT_MODEL_NFEATURES == PT_NFEATURES); /* retrain after changing the features */
    CHECK(pt_url_word("docs", 4) == PT_URL_DOCS);
    CHECK(pt_url_word("threads", 7) == PT_URL_FORUM);
    CHECK(pt_url_word("collections", 11) == PT_URL_COLLECTION);
    CHECK(pt_url_word("zebra", 5) == -1);
    CHECK(pt_phrase("add to cart", 11) == PT_PH_SHOP);
    CHECK(pt_phrase("reply", 5) == PT_PH_FORUM);
    CHECK(pt_phrase("replyx", 6) == -1);
    CHECK(pt_generator("WordPress 6.5.2", 15) == PT_GEN_CMS);
    CHECK(pt_generator("Discourse 3.2.0 - https://github.com/discourse", 46) == PT_GEN_FORUM);
    CHECK(pt_generator("Sphinx", 6) == PT_GEN_DOCS);
    CHECK(pt_generator("Wixel", 5) == -1); /* a prefix must end the word */
    CHECK(pt_generator("", 0) == -1);
}

static void test_normalize(void) {
    char buf[48];
    size_t n = pt_normalize_short("  Reply (3)", 11, buf, sizeof buf);
    CHECK(n == 5 && memcmp(buf, "reply", 5) == 0);
    n = pt_normalize_short("\xe2\x86\x92 Read\n  More", 15, buf, sizeof buf);
    CHECK(n == 9 && memcmp(buf, "read more", 9) == 0);
    CHECK(pt_normalize_short("12 345", 6, buf, sizeof buf) == 0);
    CHECK(pt_normalize_short("abcdef", 6, buf, 4) == 0); /* does not fit */
    CHECK(pt_is_price("$19.99", 6));
    CHECK(pt_is_price("\xe2\x82\xac 5,00", 8));
    CHECK(pt_is_price("12 USD", 6));
    CHECK(pt_is_price("\xc2\xa3" "30", 4));
    CHECK(!pt_is_price("$", 1));
    CHECK(!pt_is_price("19.99", 5));
    CHECK(pt_is_datelike("March 3, 2024", 13));
    CHECK(pt_is_datelike("3 days ago", 10));
    CHECK(!pt_is_datelike("120245", 6));
    CHECK(!pt_is_datelike("1850", 4));
    CHECK(!pt_is_datelike("Chicago", 7));
}

static void test_schema_and_class_words(void) {
    CHECK(page_type_schema_bits("Product", 7) == 1u << PT_SCHEMA_BIT_PRODUCT);
    CHECK(page_type_schema_bits("https://schema.org/DiscussionForumPosting", 41) == 1u << PT_SCHEMA_BIT_FORUM_POST);
    CHECK(page_type_schema_bits("http://schema.org/QAPage/", 25) == 1u << PT_SCHEMA_BIT_QA_PAGE);
    CHECK(page_type_schema_bits("schema:FAQPage", 14) == 1u << PT_SCHEMA_BIT_FAQ);
    CHECK(page_type_schema_bits("product", 7) == 0); /* schema.org names are case-sensitive */
    CHECK(page_type_schema_bits("Thing", 5) == 0);
    const char *c = "product-card__price js-addToCart";
    CHECK(page_type_class_words(c, strlen(c)) == (1u << PT_CW_PRODUCT | 1u << PT_CW_PRICE | 1u << PT_CW_LIST));
    c = "postAvatar";
    CHECK(page_type_class_words(c, strlen(c)) == (1u << PT_CW_POST | 1u << PT_CW_USER));
    c = "productivity postal"; /* words, not substrings */
    CHECK(page_type_class_words(c, strlen(c)) == 0);
    c = "averyveryveryverylongclassnamethatisnotaword toc";
    CHECK(page_type_class_words(c, strlen(c)) == 1u << PT_CW_DOC);
}

/* ---------------------------------------------------------------- pages */

static pith_result *extract(const char *html, const char *url, uint32_t only) {
    pith_options o;
    pith_options_init(&o);
    o.url = url;
    o.only = only;
    pith_result *r = NULL;
    if (pith_extract(html, strlen(html), &o, &r) != PITH_OK) return NULL;
    return r;
}

static const char *type_of(const char *html, const char *url) {
    pith_result *r = extract(html, url, 0);
    const char *name = r ? pith_page_type_name(pith_result_page_type(r)) : "(failed)";
    pith_result_free(r);
    return name;
}

/* A test page of tests/page_types/: TYPE.html, whose first line names its
 * URL ("<!-- ... url: https://... -->"). */
typedef struct test_page {
    char *html;
    char url[256];
} test_page;

static bool load(const char *type, test_page *p) {
    char path[128];
    snprintf(path, sizeof path, "../page_types/%s.html", type);
    FILE *f = fopen(path, "rb");
    p->html = NULL;
    p->url[0] = '\0';
    if (!f) return false;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    p->html = n > 0 ? malloc((size_t)n + 1) : NULL;
    if (p->html && fread(p->html, 1, (size_t)n, f) != (size_t)n) n = 0;
    fclose(f);
    if (!p->html) return false;
    p->html[n > 0 ? n : 0] = '\0';
    const char *u = strstr(p->html, "url: "), *e = u ? strstr(u, " -->") : NULL;
    if (u && e && (size_t)(e - u - 5) < sizeof p->url) {
        memcpy(p->url, u + 5, (size_t)(e - u - 5));
        p->url[e - u - 5] = '\0';
    }
    return n > 0 && p->url[0];
}

/* Each test page is typed as its name says, with its URL and without one
 * (its canonical link stands in). */
static void test_types(void) {
    for (int t = 0; t < PITH_PAGE_TYPE_COUNT; t++) {
        const char *name = pith_page_type_name((pith_page_type)t);
        test_page p;
        CHECK(load(name, &p));
        if (!p.html) continue;
        CHECK_STR_EQ(type_of(p.html, p.url), name);
        CHECK_STR_EQ(type_of(p.html, NULL), name);
        free(p.html);
    }
}

/* The same page classifies the same way through a reused extractor. */
static void test_scores(void) {
    test_page product, article;
    CHECK(load("product", &product) && load("article", &article));
    if (!product.html || !article.html) return;
    pith_options o;
    pith_options_init(&o);
    pith_extractor *ex;
    CHECK(pith_extractor_new(&o, &ex) == PITH_OK);
    const pith_result *r;
    CHECK(pith_extractor_run(ex, product.html, strlen(product.html), product.url, NULL, &r) == PITH_OK);
    pith_page_type first = pith_result_page_type(r);
    CHECK(pith_extractor_run(ex, article.html, strlen(article.html), NULL, NULL, &r) == PITH_OK);
    CHECK(pith_extractor_run(ex, product.html, strlen(product.html), product.url, NULL, &r) == PITH_OK);
    CHECK(pith_result_page_type(r) == first);
    pith_extractor_free(ex);
    free(product.html);
    free(article.html);
    /* Scores straight from the model (a vector of zeros: an empty page):
     * the type returned has the highest. */
    float x[PT_NFEATURES] = {0}, s[PITH_PAGE_TYPE_COUNT];
    pith_page_type t = page_type_classify(x, s);
    CHECK((unsigned)t < PITH_PAGE_TYPE_COUNT);
    for (int k = 0; k < PITH_PAGE_TYPE_COUNT; k++) CHECK(s[k] <= s[t]);
    /* An empty page is a page too. */
    CHECK(strcmp(type_of("", NULL), "unknown") != 0);
}

/* ---------------------------------------------------------------- names, --only */

static void test_names(void) {
    for (int t = 0; t < PITH_PAGE_TYPE_COUNT; t++) {
        pith_page_type back;
        CHECK(pith_page_type_from_name(pith_page_type_name((pith_page_type)t), &back) && back == (pith_page_type)t);
    }
    CHECK_STR_EQ(pith_page_type_name((pith_page_type)99), "unknown");
    pith_page_type t;
    CHECK(!pith_page_type_from_name("Article", &t));
    CHECK(!pith_page_type_from_name(NULL, &t));
    uint32_t m = 0;
    CHECK(pith_page_types_parse("article,documentation", &m) &&
          m == (PITH_ONLY(PITH_PAGE_ARTICLE) | PITH_ONLY(PITH_PAGE_DOCUMENTATION)));
    CHECK(pith_page_types_parse("forum", &m) && m == PITH_ONLY(PITH_PAGE_FORUM));
    m = 7;
    CHECK(!pith_page_types_parse("article,blog", &m) && m == 7);
    CHECK(!pith_page_types_parse("", &m));
    CHECK(!pith_page_types_parse("article,", &m));
    CHECK(!pith_page_types_parse(",article", &m));
    CHECK(!pith_page_types_parse("article documentation", &m));
}

/* Bits that name no type are refused, as other out-of-range options are. */
static void test_only_invalid(void) {
    pith_options o;
    pith_options_init(&o);
    pith_result *r = NULL;
    o.only = PITH_ONLY(PITH_PAGE_TYPE_COUNT);
    CHECK(pith_extract("<p>x</p>", 8, &o, &r) == PITH_E_INVALID && !r);
    o.only = 0x80000000u;
    pith_extractor *ex = NULL;
    CHECK(pith_extractor_new(&o, &ex) == PITH_E_INVALID && !ex);
    o.only = (1u << PITH_PAGE_TYPE_COUNT) - 1; /* every type: as 0 */
    CHECK(pith_extract("<p>x</p>", 8, &o, &r) == PITH_OK);
    pith_result_free(r);
}

static void test_only(void) {
    test_page p;
    CHECK(load("product", &p));
    if (!p.html) return;
    const char *url = p.url, *PRODUCT = p.html;
    /* Asked for: extracted as without the option. */
    pith_result *r = extract(PRODUCT, url, PITH_ONLY(PITH_PAGE_PRODUCT) | PITH_ONLY(PITH_PAGE_ARTICLE));
    CHECK(r && pith_result_page_type(r) == PITH_PAGE_PRODUCT);
    pith_result *all = extract(PRODUCT, url, 0);
    CHECK(r && all && pith_result_found(r) == pith_result_found(all));
    pith_result_free(all);
    pith_result_free(r);
    /* Not asked for: no article, the type and metadata stay. */
    r = extract(PRODUCT, url, PITH_ONLY(PITH_PAGE_ARTICLE));
    CHECK(r && !pith_result_found(r));
    CHECK(r && pith_result_page_type(r) == PITH_PAGE_PRODUCT);
    CHECK_STR_EQ(r ? pith_result_reason(r) : NULL, "page type not asked for: product");
    const char *title = r ? pith_result_metadata(r)->title : NULL;
    CHECK(title && strncmp(title, "Blue Widget", 11) == 0);
    char *json = NULL;
    size_t len = 0;
    CHECK(r && pith_result_render(r, PITH_FORMAT_JSON, &json, &len) == PITH_OK);
    CHECK(json && strstr(json, "\"page_type\":\"product\"") && strstr(json, "\"text\":\"\""));
    CHECK(json && strstr(json, "\"encoding\":\"UTF-8\",\"page_type\":\"product\","));
    pith_free(json);
    pith_result_free(r);
    free(p.html);
}

int main(void) {
    RUN(test_tables);
    RUN(test_normalize);
    RUN(test_schema_and_class_words);
    RUN(test_types);
    RUN(test_scores);
    RUN(test_names);
    RUN(test_only);
    RUN(test_only_invalid);
    return test_summary("page_type");
}
