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
    size_t l = strlen(lit);
    if (n < l) return false;
    for (size_t i = 0; i < l; i++) {
        int c = p[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != lit[i]) return false;
    }
    return true;
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
    pith_warc_str ct;
    if (rec->type == PITH_WARC_RESPONSE && rec->has_http)
        ct = rec->http_content_type.len ? rec->http_content_type : rec->identified_payload_type;
    else if (rec->type == PITH_WARC_RESOURCE || rec->type == PITH_WARC_CONVERSION)
        ct = rec->content_type;
    else
        return false;
    int v = verdict(ct);
    if (v == 1) return true;
    if (v < 0) return false;
    return pith_warc_sniff_html(rec->payload, rec->payload_len);
}

pith_warc_str pith_warc_charset(const pith_warc_record *rec) {
    if (rec->http_charset.len) return rec->http_charset;
    if (rec->type == PITH_WARC_RESOURCE || rec->type == PITH_WARC_CONVERSION)
        return warc_charset_param(rec->content_type);
    return (pith_warc_str){NULL, 0};
}
