/* test_meta_dates.c - date parsing and ISO 8601 normalisation. */
#include <string.h>

#include "extract/meta_internal.h"
#include "test.h"

static const char *iso(const char *in) {
    static char buf[32];
    pith_date d;
    if (!pith_date_parse(in, strlen(in), &d)) return "(none)";
    pith_date_format(&d, buf);
    return buf;
}

static void test_iso(void) {
    CHECK_STR_EQ(iso("2016-07-14"), "2016-07-14");
    CHECK_STR_EQ(iso("2016-07-14T10:30:00Z"), "2016-07-14T10:30:00Z");
    CHECK_STR_EQ(iso("2016-07-14T10:30:00+01:00"), "2016-07-14T10:30:00+01:00");
    CHECK_STR_EQ(iso("2016-07-14T10:30:00.123-0500"), "2016-07-14T10:30:00-05:00");
    CHECK_STR_EQ(iso("2016-07-14T10:30"), "2016-07-14T10:30:00");
    CHECK_STR_EQ(iso("2016-07-14 10:30:00"), "2016-07-14T10:30:00");
    CHECK_STR_EQ(iso("  2016-07-14T10:30:00+05:30 "), "2016-07-14T10:30:00+05:30");
    CHECK_STR_EQ(iso("2016-07-14 10:30:00 EDT"), "2016-07-14T10:30:00-04:00");
    CHECK_STR_EQ(iso("2016/07/14"), "2016-07-14");
    CHECK_STR_EQ(iso("2016.7.4"), "2016-07-04");
    CHECK_STR_EQ(iso("20160714"), "2016-07-14");
}

static void test_rfc2822(void) {
    CHECK_STR_EQ(iso("Thu, 14 Jul 2016 10:30:00 +0100"), "2016-07-14T10:30:00+01:00");
    CHECK_STR_EQ(iso("Thu, 14 Jul 2016 10:30:00 GMT"), "2016-07-14T10:30:00Z");
    CHECK_STR_EQ(iso("Wed, 02 Oct 2002 08:00:00 EST"), "2002-10-02T08:00:00-05:00");
}

static void test_words(void) {
    CHECK_STR_EQ(iso("July 14, 2016"), "2016-07-14");
    CHECK_STR_EQ(iso("Jul. 14, 2016"), "2016-07-14");
    CHECK_STR_EQ(iso("July 14th, 2016"), "2016-07-14");
    CHECK_STR_EQ(iso("14 July 2016"), "2016-07-14");
    CHECK_STR_EQ(iso("14 July 2016 10:30 BST"), "2016-07-14T10:30:00+01:00");
    CHECK_STR_EQ(iso("Thursday, July 14, 2016 3:04 PM EDT"), "2016-07-14T15:04:00-04:00");
    CHECK_STR_EQ(iso("Published on July 14, 2016 at 12:05 a.m."), "2016-07-14T00:05:00");
    CHECK_STR_EQ(iso("Sept 3, 2019"), "2019-09-03");
    CHECK_STR_EQ(iso("14. Juli 2016"), "2016-07-14");
    CHECK_STR_EQ(iso("3 février 2020"), "2020-02-03");
    CHECK_STR_EQ(iso("12 de marzo de 2021"), "2021-03-12");
    CHECK_STR_EQ(iso("Updated: 14/07/2016"), "2016-07-14");
    CHECK_STR_EQ(iso("07/14/2016"), "2016-07-14");
    CHECK_STR_EQ(iso("14.07.2016"), "2016-07-14");
    CHECK_STR_EQ(iso("1468492200"), "2016-07-14T10:30:00Z");
}

/* A visible date line is read with no unknown word (on_text). */
static const char *line(const char *in) {
    static char buf[32];
    pith_date d;
    if (!pith_date_parse_ex(in, strlen(in), 0, &d)) return "(none)";
    pith_date_format(&d, buf);
    return buf;
}

static void test_date_lines(void) {
    /* "Posted on DATE by <a>Name</a>": the text node ends at "by". */
    CHECK_STR_EQ(line("Posted on the 15/12/2025 at 19:00 by"), "2025-12-15T19:00:00");
    CHECK_STR_EQ(line("Page updated: 12 November 2025"), "2025-11-12");
    CHECK_STR_EQ(line("By Jane Doe, 12 November 2025"), "(none)"); /* a name is not a label */
}

static void test_rejects(void) {
    CHECK_STR_EQ(iso(""), "(none)");
    CHECK_STR_EQ(iso("05/06/2016"), "(none)");       /* ambiguous */
    CHECK_STR_EQ(iso("2016-02-30"), "(none)");       /* no such day */
    CHECK_STR_EQ(iso("2015-02-29"), "(none)");
    CHECK_STR_EQ(iso("2016-02-29"), "2016-02-29");   /* leap year */
    CHECK_STR_EQ(iso("1899-01-01"), "(none)");       /* out of range */
    CHECK_STR_EQ(iso("July 2016"), "(none)");        /* no day */
    CHECK_STR_EQ(iso("2 hours ago"), "(none)");
    CHECK_STR_EQ(iso("Jane Doe"), "(none)");
    CHECK_STR_EQ(iso("2016-07-14T25:00:00"), "(none)");
    CHECK_STR_EQ(iso("In 2016 the team of 14 players won in May and June then lost"), "(none)");
    CHECK_STR_EQ(iso("July 14, 2016 and August 3, 2017"), "(none)");
}

/* The pre-check (four digits in a row) passes every form the parsers
 * read and turns away texts without a four-digit year; the month, zone and
 * filler words match whole words only, whatever their case. */
static void test_year_digits(void) {
    CHECK_STR_EQ(iso("1468492200"), "2016-07-14T10:30:00Z");      /* epoch */
    CHECK_STR_EQ(iso("1468492200000"), "2016-07-14T10:30:00Z");   /* epoch in ms */
    CHECK_STR_EQ(iso("posted 10:302016-07-14"), "2016-07-14T10:30:00"); /* a year right after a time */
    CHECK_STR_EQ(iso("14 July 16"), "(none)");                    /* a two-digit year */
    CHECK_STR_EQ(iso("14.07.16"), "(none)");
    CHECK_STR_EQ(iso("3 comments on 14 July"), "(none)");
    CHECK_STR_EQ(iso("JULY 14 2016"), "2016-07-14");
    CHECK_STR_EQ(iso("Julyy 14 2016"), "(none)");                 /* not a month: three unknowns max */
    CHECK_STR_EQ(iso("Jul 14 2016 10:30 ES"), "2016-07-14T10:30:00");
    CHECK_STR_EQ(iso("Jul 14 2016 10:30 ESTT"), "2016-07-14T10:30:00");
    CHECK_STR_EQ(iso("Jul 14 2016 10:30 EST"), "2016-07-14T10:30:00-05:00");
    CHECK_STR_EQ(iso("2016\xe5\xb9\xb4" "7\xe6\x9c\x88" "14\xe6\x97\xa5"), "2016-07-14");
}

static const char *url_date(const char *u) {
    static char buf[32];
    pith_date d;
    if (!pith_date_from_url(u, strlen(u), &d)) return "(none)";
    pith_date_format(&d, buf);
    return buf;
}

static void test_url(void) {
    CHECK_STR_EQ(url_date("https://example.com/2016/07/14/some-story/"), "2016-07-14");
    CHECK_STR_EQ(url_date("https://example.com/news/2016-07-14/story.html"), "2016-07-14");
    CHECK_STR_EQ(url_date("https://example.com/news/story-20160714.html"), "2016-07-14");
    CHECK_STR_EQ(url_date("https://example.com/2016/07/story"), "(none)");
    CHECK_STR_EQ(url_date("https://www.theguardian.com/world/2019/nov/18/hong-kong"), "2019-11-18");
    CHECK_STR_EQ(url_date("https://example.com/2019/novel/18/x"), "(none)");
    CHECK_STR_EQ(url_date("https://example.com/item/12345678/x"), "(none)");
    CHECK_STR_EQ(url_date("https://2016-07-14.example.com/x"), "(none)");
    /* '+' is an encoded space: "/articles/2025-12-15+Rust+GCC+backend". */
    CHECK_STR_EQ(url_date("https://example.com/articles/2025-12-15+Rust+GCC"), "2025-12-15");
}

static void test_cmp(void) {
    pith_date a, b;
    CHECK(pith_date_parse("2016-07-14T10:00:00+02:00", 25, &a));
    CHECK(pith_date_parse("2016-07-14T09:30:00Z", 20, &b));
    CHECK(pith_date_cmp(&a, &b) < 0); /* 08:00Z before 09:30Z */
    CHECK(pith_date_parse("2016-07-15", 10, &b));
    CHECK(pith_date_cmp(&a, &b) < 0);
    CHECK(pith_date_cmp(&b, &a) > 0);
    CHECK(pith_date_parse("2016-07-14", 10, &b));
    CHECK(pith_date_cmp(&a, &b) == 0);
}

/* Dates as pages show them in other languages and scripts (issue 11). */
static void test_visible_languages(void) {
    CHECK_STR_EQ(iso("12 novembre 2025"), "2025-11-12");
    CHECK_STR_EQ(iso("Publié le 12 novembre 2025"), "2025-11-12");
    CHECK_STR_EQ(iso("Veröffentlicht am 12. November 2025"), "2025-11-12");
    CHECK_STR_EQ(iso("2025年11月12日"), "2025-11-12");
    CHECK_STR_EQ(iso("2025年11月12日 08:30"), "2025-11-12T08:30:00");
    CHECK_STR_EQ(iso("2025년 11월 12일"), "2025-11-12");
    CHECK_STR_EQ(iso("Last updated: Dec 12, 2025"), "2025-12-12");
    CHECK_STR_EQ(iso("12.12.2025"), "2025-12-12");
    CHECK_STR_EQ(iso("2025年13月12日"), "(none)");
    CHECK_STR_EQ(iso("25年11月12日"), "(none)");
}

static const char *rel(const char *in, const char *ref) {
    static char buf[32];
    long m;
    bool days;
    pith_date r, d;
    if (!pith_date_relative(in, strlen(in), &m, &days)) return "(none)";
    CHECK(pith_date_parse(ref, strlen(ref), &r));
    pith_date_before(&r, m, days, &d);
    pith_date_format(&d, buf);
    return buf;
}

/* Relative stamps count only against a reference date. */
static void test_relative(void) {
    CHECK_STR_EQ(rel("3 hours ago", "2025-11-12T08:00:00Z"), "2025-11-12T05:00:00Z");
    CHECK_STR_EQ(rel("10 hours ago", "2025-11-12T08:00:00+01:00"), "2025-11-11T22:00:00+01:00");
    CHECK_STR_EQ(rel("2 days ago", "2025-11-12T08:00:00Z"), "2025-11-10");
    CHECK_STR_EQ(rel("Updated 1 week ago", "2025-11-12"), "2025-11-05");
    CHECK_STR_EQ(rel("3 hours ago", "2025-11-12"), "2025-11-12");
    CHECK_STR_EQ(rel("yesterday", "2025-03-01"), "2025-02-28");
    CHECK_STR_EQ(rel("il y a 3 jours", "2025-11-12"), "2025-11-09");
    CHECK_STR_EQ(rel("vor 2 Stunden", "2025-11-12T08:00:00Z"), "2025-11-12T06:00:00Z");
    CHECK_STR_EQ(rel("hace 2 días", "2025-11-12"), "2025-11-10");
    CHECK_STR_EQ(rel("an hour ago", "2025-11-12T08:30:00Z"), "2025-11-12T07:30:00Z");
    CHECK_STR_EQ(rel("3 hours", "2025-11-12"), "(none)");
    CHECK_STR_EQ(rel("the 3 hours ago show", "2025-11-12"), "(none)");
}

int main(void) {
    RUN(test_visible_languages);
    RUN(test_relative);
    RUN(test_iso);
    RUN(test_rfc2822);
    RUN(test_words);
    RUN(test_date_lines);
    RUN(test_rejects);
    RUN(test_year_digits);
    RUN(test_url);
    RUN(test_cmp);
    return test_summary("meta_dates");
}
