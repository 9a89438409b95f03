/*
 * meta_site.c - the site name's last resort: the host of the page URL
 * ("https://www.example.com:8080/a" -> "example.com"). og:site_name and the
 * JSON-LD publisher are preferred (see metadata.c); a host is still better
 * than nothing for grouping and display.
 */
#include <string.h>

#include "meta_internal.h"

pith_mstr pith_url_host(const char *url, size_t len) {
    pith_mstr r = {NULL, 0};
    if (!url) return r;
    const char *p = meta_ifind(url, len, "://", 3);
    size_t i = p ? (size_t)(p - url) + 3 : 0;
    if (!p && !(len >= 2 && url[0] == '/' && url[1] == '/')) return r; /* relative URL: no host */
    if (!p) i = 2;
    size_t st = i;
    while (i < len && url[i] != '/' && url[i] != '?' && url[i] != '#') i++;
    size_t e = i;
    /* user:pass@host */
    for (size_t k = st; k < e; k++)
        if (url[k] == '@') st = k + 1;
    for (size_t k = st; k < e; k++)
        if (url[k] == ':') {
            e = k;
            break;
        }
    if (e - st > 4 && meta_istarts(url + st, e - st, "www.")) st += 4;
    if (e <= st) return r;
    r.ptr = url + st;
    r.len = (uint32_t)(e - st);
    return r;
}
