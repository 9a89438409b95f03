/*
 * test_url.c - URL resolution against a page URL and the http(s) check.
 * Expected values follow the WHATWG URL standard (as browsers resolve).
 */
#include <stdint.h>
#include <string.h>

#include "test.h"
#include "util/url.h"

static const struct {
    const char *base, *ref, *want; /* want NULL: resolution fails */
} cases[] = {
    {"http://a/b/c/d;p?q", "g", "http://a/b/c/g"},
    {"http://a/b/c/d;p?q", "./g", "http://a/b/c/g"},
    {"http://a/b/c/d;p?q", "g/", "http://a/b/c/g/"},
    {"http://a/b/c/d;p?q", "/g", "http://a/g"},
    {"http://a/b/c/d;p?q", "//g", "http://g/"},
    {"http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"},
    {"http://a/b/c/d;p?q", "g?y", "http://a/b/c/g?y"},
    {"http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"},
    {"http://a/b/c/d;p?q", "g#s", "http://a/b/c/g#s"},
    {"http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q"},
    {"http://a/b/c/d;p?q#f", "", "http://a/b/c/d;p?q"},
    {"http://a/b/c/d;p?q", ".", "http://a/b/c/"},
    {"http://a/b/c/d;p?q", "./", "http://a/b/c/"},
    {"http://a/b/c/d;p?q", "..", "http://a/b/"},
    {"http://a/b/c/d;p?q", "../", "http://a/b/"},
    {"http://a/b/c/d;p?q", "../g", "http://a/b/g"},
    {"http://a/b/c/d;p?q", "../..", "http://a/"},
    {"http://a/b/c/d;p?q", "../../g", "http://a/g"},
    {"http://a/b/c/d;p?q", "../../../g", "http://a/g"},
    {"http://a/b/c/d;p?q", "/./g", "http://a/g"},
    {"http://a/b/c/d;p?q", "/../g", "http://a/g"},
    {"http://a/b/c/d;p?q", "g.", "http://a/b/c/g."},
    {"http://a/b/c/d;p?q", "..g", "http://a/b/c/..g"},
    {"http://a/b/c/d;p?q", "./g/.", "http://a/b/c/g/"},
    {"http://a/b/c/d;p?q", "g/../h", "http://a/b/c/h"},
    {"http://a/b/c/d;p?q", "%2e%2E/g", "http://a/b/g"},
    {"http://a/b/c/d;p?q", "g?y/./x", "http://a/b/c/g?y/./x"},
    {"http://a/b/c/d;p?q", "g#s/../x", "http://a/b/c/g#s/../x"},
    {"http://a/b/c/d;p?q", "http:g", "http://a/b/c/g"},        /* same special scheme: relative */
    {"https://a/b/c", "http:g", "http://g/"},                  /* other special scheme: host */
    {"https://Example.COM:443/x/", "y z", "https://example.com/x/y%20z"},
    {"http://example.com:80", "a", "http://example.com/a"},
    {"http://example.com:8080/", "a", "http://example.com:8080/a"},
    {"https://example.com/a/b", "  \t/c\nd?e f#g h  ", "https://example.com/cd?e%20f#g%20h"},
    {"https://example.com/a/b", "\\\\other\\x\\..\\y", "https://other/y"},
    {"https://example.com/a/b", "HTTPS://Other.Example/P?Q#F", "https://other.example/P?Q#F"},
    {"https://example.com/a/b", "https://user:pw@Host/", "https://user:pw@host/"},
    {"https://example.com/a/b", "//cdn.example/img.png", "https://cdn.example/img.png"},
    {"https://example.com/a/b", "caf\xC3\xA9.html", "https://example.com/a/caf%C3%A9.html"},
    {"https://example.com/a/b", "a\"<>`", "https://example.com/a/a%22%3C%3E%60"},
    {"https://example.com/a/b", "javascript:alert(1)", "javascript:alert(1)"},
    {"https://example.com/a/b", " JavaScript:alert(1)", "javascript:alert(1)"},
    {"https://example.com/a/b", "mailto:x@y", "mailto:x@y"},
    {"https://example.com", "?q", "https://example.com/?q"},
    {"https://example.com", "#top", "https://example.com/#top"},
    {NULL, "https://x.example/p", "https://x.example/p"},
    {NULL, "rel/path", NULL},
    {"about:blank", "rel", NULL},
    {"https://example.com/", "http://", NULL},
    {"https://example.com/", "https:///", NULL},
};

static void test_resolve(void) {
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *out = NULL;
        size_t n = 0;
        bool ok = pith_url_resolve(&a, cases[i].base, cases[i].base ? strlen(cases[i].base) : 0, cases[i].ref,
                                   strlen(cases[i].ref), &out, &n);
        if (!cases[i].want) {
            CHECK(!ok);
            if (ok) fprintf(stderr, "  case %zu: \"%s\" resolved to \"%s\"\n", i, cases[i].ref, out);
            continue;
        }
        CHECK(ok && strlen(out) == n);
        if (ok) CHECK_STR_EQ(out, cases[i].want);
        else fprintf(stderr, "  case %zu: \"%s\" failed\n", i, cases[i].ref);
    }
    pith_arena_free(&a);
}

static void test_long(void) {
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    static char big[PITH_URL_MAX + 10];
    memset(big, 'a', sizeof big - 1);
    const char *out;
    size_t n;
    CHECK(!pith_url_resolve(&a, "https://x/", 10, big, sizeof big - 1, &out, &n));
    /* worst case expansion: every byte percent-encoded, many ".." */
    static char enc[8000];
    for (size_t i = 0; i + 3 < sizeof enc; i += 3) memcpy(enc + i, "../", 3);
    enc[sizeof enc - 1] = 0;
    memset(enc + 6000, ' ', 1000);
    CHECK(pith_url_resolve(&a, "https://x/a/b/c", 15, enc, strlen(enc), &out, &n));
    CHECK(n > 0 && strncmp(out, "https://x/", 10) == 0);
    pith_arena_free(&a);
}

/* Random references built from the troublesome pieces: the output must
 * stay within the documented worst case (3 bytes per input byte + 16), and
 * an http(s) result must contain no raw space or control byte. */
static void test_random(void) {
    static const char *const bases[] = {"https://a.example/b/c/d?q#f", "http://h", "https://x/%2e/", "about:blank"};
    static const char *const parts[] = {"../", "./", "..", ".", "%2e", "%2E%2e/", "/", "\\", "?", "#", " ", "\t",
                                        "\n", "a", "b/", "http:", "https:", "//", "\xC3\xA9", "\"", "<", ":", "@",
                                        ":80", "javascript:", "%"};
    pith_arena a;
    pith_arena_init(&a, NULL, 0);
    uint32_t r = 7;
    int bad = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char ref[256];
        size_t n = 0;
        int pieces = iter % 24;
        for (int k = 0; k < pieces; k++) {
            r = r * 1664525u + 1013904223u;
            const char *p = parts[(r >> 8) % (sizeof parts / sizeof parts[0])];
            size_t pl = strlen(p);
            memcpy(ref + n, p, pl);
            n += pl;
        }
        const char *base = bases[iter % 4], *out;
        size_t outn;
        if (!pith_url_resolve(&a, base, strlen(base), ref, n, &out, &outn)) continue;
        size_t l = strlen(base) + n;
        bool ok = outn <= 3 * l + 16 && strlen(out) == outn;
        bool http = pith_url_is_http(out, outn); /* other schemes come back as given */
        for (size_t i = 0; ok && http && i < outn; i++) ok = (unsigned char)out[i] > 0x20;
        if (!ok && bad++ < 3) fprintf(stderr, "  random %d: \"%.*s\" -> \"%s\"\n", iter, (int)n, ref, out);
        if (iter % 1000 == 0) pith_arena_reset(&a);
    }
    CHECK(bad == 0);
    pith_arena_free(&a);
}

static void test_is_http(void) {
    CHECK(pith_url_is_http("http://x", 8));
    CHECK(pith_url_is_http("HTTPS://x", 9));
    CHECK(!pith_url_is_http("https:x", 7));
    CHECK(!pith_url_is_http("javascript:alert(1)", 19));
    CHECK(!pith_url_is_http("data:text/html,<script>", 23));
    CHECK(!pith_url_is_http(" http://x", 9));
    CHECK(!pith_url_is_http("/relative", 9));
    CHECK(!pith_url_is_http(NULL, 0));
    CHECK(!pith_url_is_http("http:/", 6));
}

int main(void) {
    RUN(test_resolve);
    RUN(test_long);
    RUN(test_random);
    RUN(test_is_http);
    return test_summary("url");
}
