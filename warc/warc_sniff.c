/*
 * warc_sniff.c - is this record's payload HTML, and in which charset did
 * the server say it is?
 *
 * The declared type wins when it says something definite; when it says
 * nothing useful (absent, text/plain, octet-stream: servers send those for
 * HTML all the time) the first bytes are sniffed after whitespace and a
 * UTF-8 BOM, following the idea of the WHATWG MIME Sniffing "HTML" rows:
 * a tag name that only HTML starts with, then a space or '>'.
 */
#include <string.h>

#include "warc_internal.h"
#include "../src/util/ascii.h" /* header only: no link to the HTML library */

/* Declared types and what they say. */
static const struct {
    const char *mime;
    int verdict; /* 1 HTML, 0 sniff */
} declared[] = {
    {"text/html", 1},                /* the HTML type */
    {"application/xhtml+xml", 1},    /* XHTML pages are parsed as HTML by browsers' tag soup path */
    {"text/plain", 0},               /* misconfigured servers label HTML as text/plain */
    {"application/octet-stream", 0}, /* the "no idea" type */
    {"unknown/unknown", 0},          /* placeholder used by some servers and crawlers */
    {"application/unknown", 0},      /* ditto */
    {"*/*", 0},                      /* ditto */
};

/* WHATWG MIME Sniffing, "identifying a resource with an unknown MIME type",
 * the HTML rows: each pattern is matched caselessly and must be followed
 * by a space or '>'. */
static const char *const html_starts[] = {
    "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font",
    "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--",
};

static bool starts_ci(const uint8_t *p, size_t n, const char *lit) {
    return ascii_istarts_lit((const char *)p, n, lit);
}

bool pith_warc_sniff_html(const uint8_t *p, size_t n) {
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) p += 3, n -= 3;
    while (n && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')) p++, n--;
    for (size_t i = 0; i < sizeof html_starts / sizeof *html_starts; i++) {
        size_t l = strlen(html_starts[i]);
        if (!starts_ci(p, n, html_starts[i])) continue;
        if (l == 4 && memcmp(html_starts[i], "<!--", 4) == 0) return true; /* comments need no terminator */
        if (n > l && (p[l] == ' ' || p[l] == '>' || p[l] == '\t' || p[l] == '\n' || p[l] == '\r'))
            return true;
    }
    return false;
}

/* 1 HTML, 0 sniff, -1 something else. */
static int verdict(pith_warc_str ct) {
    const char *semi = ct.len ? memchr(ct.ptr, ';', ct.len) : NULL;
    pith_warc_str m = warc_trim(ct.ptr, semi ? (size_t)(semi - ct.ptr) : ct.len);
    if (!m.len) return 0;
    for (size_t i = 0; i < sizeof declared / sizeof *declared; i++)
        if (warc_ieq(m.ptr, m.len, declared[i].mime)) return declared[i].verdict;
    return -1;
}

bool pith_warc_is_html(const pith_warc_record *rec) {
    if (!rec) return false;
    pith_warc_str ct;
    if (rec->type == PITH_WARC_RESPONSE && rec->has_http)
        ct = rec->http_content_type.len ? rec->http_content_type : rec->identified_payload_type;
    else if (rec->type == PITH_WARC_RESOURCE || rec->type == PITH_WARC_CONVERSION)
        ct = rec->warc_content_type;
    else
        return false;
    int v = verdict(ct);
    if (v == 1) return true;
    if (v < 0) return false;
    return pith_warc_sniff_html(rec->payload, rec->payload_len);
}

pith_warc_str warc_record_charset(const pith_warc_record *rec) {
    if (rec->has_http) return warc_charset_param(rec->http_content_type);
    if (rec->type == PITH_WARC_RESOURCE || rec->type == PITH_WARC_CONVERSION)
        return warc_charset_param(rec->warc_content_type);
    return (pith_warc_str){NULL, 0};
}

/* Record types that are never pages, with the reason given for them. */
static const struct {
    pith_warc_type type;
    const char *why;
} not_pages[] = {
    {PITH_WARC_WARCINFO, "warcinfo record"},         /* about the file */
    {PITH_WARC_REQUEST, "request record"},           /* what the crawler sent */
    {PITH_WARC_METADATA, "metadata record"},         /* crawler notes */
    {PITH_WARC_REVISIT, "revisit record"},           /* a duplicate: no payload */
    {PITH_WARC_CONVERSION, "conversion record"},     /* a derived form (e.g. text), not the page */
    {PITH_WARC_CONTINUATION, "continuation record"}, /* the rest of a segmented record: not a page alone */
    {PITH_WARC_UNKNOWN, "record of unknown type"},
};

/* Payload statuses that leave no page to extract. A chunked body with
 * broken framing is still mostly the page; an undecoded gzip body is not
 * HTML at all. */
static const char *const payload_why[] = {
    [PITH_WARC_PAYLOAD_BAD_ENCODING] = "payload: content-encoding failed to decode",
    [PITH_WARC_PAYLOAD_UNSUPPORTED] = "payload: unsupported content-encoding",
    [PITH_WARC_PAYLOAD_TOO_LARGE] = "payload: too large once decoded",
};

/* Why a response that is not 200 is skipped: the statuses crawls are full
 * of by name (so --stats counts them apart), the rest by class. */
static const struct {
    int status;
    const char *why;
} statuses[] = {
    {301, "http status 301"}, /* moved: the page is at the target of the redirect */
    {302, "http status 302"}, /* found elsewhere: ditto */
    {304, "http status 304"}, /* not modified: no body */
    {307, "http status 307"}, /* temporary redirect */
    {308, "http status 308"}, /* permanent redirect */
    {403, "http status 403"}, /* forbidden: a block page */
    {404, "http status 404"}, /* not found: an error page ("Error response") */
    {410, "http status 410"}, /* gone */
    {429, "http status 429"}, /* rate-limited: a block page */
    {500, "http status 500"}, /* server error page */
    {503, "http status 503"}, /* unavailable: maintenance or bot-check page */
};
static const char *const status_classes[] = {"http status 1xx", "http status 2xx", "http status 3xx",
                                             "http status 4xx", "http status 5xx"};

static const char *status_why(int status) {
    for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
        if (statuses[i].status == status) return statuses[i].why;
    if (status >= 100 && status < 600) return status_classes[status / 100 - 1];
    return "http status unreadable";
}

const char *pith_warc_skip_reason(const pith_warc_record *rec, unsigned flags) {
    if (!rec) return "no record";
    if (rec->type != PITH_WARC_RESPONSE && rec->type != PITH_WARC_RESOURCE) {
        for (size_t i = 0; i < sizeof not_pages / sizeof *not_pages; i++)
            if (not_pages[i].type == rec->type) return not_pages[i].why;
        return "record of unknown type";
    }
    if (rec->has_http && rec->http_status != 200 && !(flags & PITH_WARC_ANY_STATUS))
        return status_why(rec->http_status);
    if (!pith_warc_is_html(rec)) return "not html";
    if (rec->payload_status != PITH_WARC_PAYLOAD_OK && rec->payload_status != PITH_WARC_PAYLOAD_BAD_CHUNKED)
        return payload_why[rec->payload_status];
    if (rec->payload_len == 0) return "empty payload";
    return NULL;
}
