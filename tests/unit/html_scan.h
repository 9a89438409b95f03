/*
 * html_scan.h - test helper: checks that a rendered page contains only the
 * renderer's allowlisted tags and attributes, every attribute value
 * double-quoted, and only pith's own style sheet.
 */
#ifndef PITH_TEST_HTML_SCAN_H
#define PITH_TEST_HTML_SCAN_H

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char *const tags[] = {
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "article", "header", "h1", "h2", "h3", "h4",
    "h5", "h6", "p", "ul", "ol", "li", "blockquote", "pre", "code", "table", "caption", "thead", "tbody", "tr",
    "th", "td", "figure", "figcaption", "img", "a", "em", "strong", "sub", "sup", "s", "br", "hr", "time",
    "small", NULL};
static const char *const attrs[] = {"href", "src", "alt", "title", "colspan", "rowspan", "start", "datetime",
                                    "lang", "dir", "class", "charset", "http-equiv", "content", "name", NULL};

static inline bool in(const char *const *list, const char *s, size_t n) {
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncmp(list[i], s, n) == 0) return true;
    return false;
}

/* Every tag name and attribute name in the page is on the allowlists, and
 * <style> holds only our style sheet. Returns the number of violations. */
static inline int scan(const char *html) {
    int bad = 0;
    for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
        const char *q = p + 1;
        if (*q == '/') q++;
        const char *name = q;
        while (isalnum((unsigned char)*q) || *q == '!' || *q == '-') q++;
        if (!in(tags, name, (size_t)(q - name))) {
            fprintf(stderr, "  tag not allowed: %.20s\n", p);
            bad++;
        }
        const char *end = strchr(q, '>');
        if (!end) return bad + 1;
        if (strncmp(p, "<!DOCTYPE html>", 15) == 0) continue;
        while (q < end) { /* attributes: name[="value"] */
            while (q < end && *q == ' ') q++;
            const char *an = q;
            while (q < end && *q != '=' && *q != ' ') q++;
            if (q > an && !in(attrs, an, (size_t)(q - an))) {
                fprintf(stderr, "  attribute not allowed: %.20s\n", an);
                bad++;
            }
            if (q < end && *q == '=') {
                if (q[1] != '"') return bad + 1;
                const char *close = strchr(q + 2, '"');
                if (!close || close > end) return bad + 1;
                q = close + 1;
            }
        }
        if (strncmp(p, "<style>", 7) == 0 && strncmp(p + 7, "body{", 5) != 0) bad++;
    }
    return bad;
}

#endif
