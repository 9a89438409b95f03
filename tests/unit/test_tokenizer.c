/*
 * test_tokenizer.c - behaviour of the tokenizer beyond the html5lib tests:
 * the zero-copy string rule, NUL runs, run lengths, truncated and hostile
 * inputs (huge attribute values, 10^5 attributes), reuse and allocation
 * failure.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html/tokenizer.h"
#include "test.h"
#include "util/arena.h"

/* A tokenizer over an exact-size heap copy, so ASan sees any over-read. */
typedef struct fixture {
    pith_arena arena;
    pith_tokenizer *t;
    char *input;
    size_t len;
} fixture;

static void fx_open(fixture *f, const char *s, size_t len) {
    pith_arena_init(&f->arena, NULL, 0);
    f->input = malloc(len ? len : 1);
    if (len) memcpy(f->input, s, len);
    f->len = len;
    f->t = pith_tokenizer_create(&f->arena, f->input, len);
}

static void fx_close(fixture *f) {
    pith_tokenizer_destroy(f->t);
    pith_arena_free(&f->arena);
    free(f->input);
}

static bool in_input(const fixture *f, const char *p) {
    return p >= f->input && p <= f->input + f->len;
}

static bool span_is(pith_slice s, const char *want) {
    return s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

/* Pulls the next token that is not EOF-or-chars merging; returns type. */
static pith_token_type next(fixture *f, pith_token *tok) {
    CHECK(pith_tokenizer_next(f->t, tok));
    return tok->type;
}

/* ---------------------------------------------------------------- zero copy */

static void test_zero_copy(void) {
    fixture f;
    const char *s = "<div class=\"a b\" id=x>hello <b>world</b></div>";
    fx_open(&f, s, strlen(s));
    pith_token tok;
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG);
    CHECK(tok.tag == PITH_TAG_DIV && span_is(tok.name, "div") && in_input(&f, tok.name.ptr));
    CHECK(tok.nattrs == 2);
    CHECK(span_is(tok.attrs[0].name, "class") && in_input(&f, tok.attrs[0].name.ptr));
    CHECK(span_is(tok.attrs[0].value, "a b") && in_input(&f, tok.attrs[0].value.ptr));
    CHECK(span_is(tok.attrs[1].value, "x") && in_input(&f, tok.attrs[1].value.ptr));
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER);
    CHECK(span_is(tok.data, "hello ") && in_input(&f, tok.data.ptr));
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && tok.tag == PITH_TAG_B);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "world"));
    CHECK(next(&f, &tok) == PITH_TOKEN_END_TAG && tok.tag == PITH_TAG_B);
    CHECK(next(&f, &tok) == PITH_TOKEN_END_TAG && tok.tag == PITH_TAG_DIV);
    CHECK(next(&f, &tok) == PITH_TOKEN_EOF);
    CHECK(next(&f, &tok) == PITH_TOKEN_EOF);
    fx_close(&f);

    /* Rewritten strings live in scratch and are right. */
    s = "<DIV Class='&amp;x'>a &lt; b</DIV><!--c-->";
    fx_open(&f, s, strlen(s));
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG);
    CHECK(span_is(tok.name, "div") && !in_input(&f, tok.name.ptr) && tok.tag == PITH_TAG_DIV);
    CHECK(span_is(tok.attrs[0].name, "class") && span_is(tok.attrs[0].value, "&x"));
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "a < b"));
    CHECK(next(&f, &tok) == PITH_TOKEN_END_TAG && tok.tag == PITH_TAG_DIV);
    CHECK(next(&f, &tok) == PITH_TOKEN_COMMENT && span_is(tok.data, "c") && in_input(&f, tok.data.ptr));
    fx_close(&f);
}

/* ---------------------------------------------------------------- NUL */

static void test_nul(void) {
    fixture f;
    pith_token tok;
    static const char data[] = "a\0b<p x=\"1\0\">\0";
    fx_open(&f, data, sizeof data - 1);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "a"));
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && tok.data.len == 1 && tok.data.ptr[0] == 0);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "b"));
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && span_is(tok.attrs[0].value, "1\xEF\xBF\xBD"));
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && tok.data.len == 1 && tok.data.ptr[0] == 0);
    CHECK(next(&f, &tok) == PITH_TOKEN_EOF);
    fx_close(&f);

    /* Outside the data state NUL is U+FFFD inside the run. */
    static const char raw[] = "x\0y</style>";
    pith_tokenizer_state states[] = {PITH_TOK_RCDATA, PITH_TOK_RAWTEXT, PITH_TOK_SCRIPT_DATA};
    for (int i = 0; i < 3; i++) {
        fx_open(&f, raw, sizeof raw - 1);
        pith_tokenizer_set_state(f.t, states[i]);
        pith_tokenizer_set_last_start_tag(f.t, "style", 5);
        CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "x\xEF\xBF\xBDy"));
        CHECK(next(&f, &tok) == PITH_TOKEN_END_TAG && span_is(tok.name, "style"));
        fx_close(&f);
    }
    static const char com[] = "<!--a\0b-->";
    fx_open(&f, com, sizeof com - 1);
    CHECK(next(&f, &tok) == PITH_TOKEN_COMMENT && span_is(tok.data, "a\xEF\xBF\xBD" "b"));
    fx_close(&f);
}

/* ---------------------------------------------------------------- runs */

static void test_long_runs(void) {
    fixture f;
    pith_token tok;
    /* A script full of '<', fake end tags and comment openers is one run. */
    const char *s = "<script>if (a<b && c<d) x='</div>'+\"<!--\"+'-->'; y=\"</scrip\"</script>";
    fx_open(&f, s, strlen(s));
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && tok.tag == PITH_TAG_SCRIPT);
    pith_tokenizer_set_state(f.t, PITH_TOK_SCRIPT_DATA);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER);
    CHECK(span_is(tok.data, "if (a<b && c<d) x='</div>'+\"<!--\"+'-->'; y=\"</scrip\""));
    CHECK(in_input(&f, tok.data.ptr));
    CHECK(next(&f, &tok) == PITH_TOKEN_END_TAG && tok.tag == PITH_TAG_SCRIPT);
    fx_close(&f);

    /* Double-escaped script: the first </script> inside does not end it. */
    s = "<!--<script>x</script>-->y</script>";
    fx_open(&f, s, strlen(s));
    pith_tokenizer_set_state(f.t, PITH_TOK_SCRIPT_DATA);
    pith_tokenizer_set_last_start_tag(f.t, "script", 6);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "<!--<script>x</script>-->y"));
    CHECK(next(&f, &tok) == PITH_TOKEN_END_TAG);
    fx_close(&f);

    /* 1 MB of text with references and stray '<' comes out as one run. */
    size_t n = 1 << 20;
    char *big = malloc(n + 8);
    for (size_t i = 0; i < n; i++) big[i] = "ab <&amp;c"[i % 10];
    memcpy(big + n, "<p>", 3);
    fx_open(&f, big, n + 3);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER);
    size_t want = 0;
    for (size_t i = 0; i + 10 <= n; i += 10) want += 6;
    CHECK(tok.data.len >= want && tok.data.len < want + 10);
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && tok.tag == PITH_TAG_P);
    fx_close(&f);
    free(big);
}

/* ---------------------------------------------------------------- truncation */

static const char *const tricky =
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD\" 'sys'><html lang=en><head><title>a &amp; </titl</title>"
    "<script>var s='<!--<script>x</script>-->';</script><style>p{}</style></head>"
    "<body><p CLASS=\"x &notit; &#x80;&#0;\" data-a='b' c=d e>t&ampx&#128512;<br/>"
    "<!-- c -- --!> <!----> <? pi ?></p></ x><svg><![CDATA[ x ]]></svg><textarea>&lt;</textarea>"
    "<a href=\"?a=1&b=2\">l</a>\n<plaintext>rest</plaintext>";

static void test_truncation(void) {
    size_t n = strlen(tricky);
    pith_tokenizer_state states[] = {PITH_TOK_DATA, PITH_TOK_RCDATA, PITH_TOK_RAWTEXT,
                                     PITH_TOK_SCRIPT_DATA, PITH_TOK_PLAINTEXT, PITH_TOK_CDATA_SECTION};
    int bad = 0;
    for (int si = 0; si < 6; si++) {
        for (size_t cut = 0; cut <= n; cut++) {
            fixture f;
            fx_open(&f, tricky, cut);
            pith_tokenizer_set_state(f.t, states[si]);
            pith_tokenizer_set_last_start_tag(f.t, "title", 5);
            pith_token tok;
            size_t count = 0;
            bool ok = true;
            do {
                ok = pith_tokenizer_next(f.t, &tok);
                count++;
                /* The tree builder's job, done roughly here. */
                if (tok.type == PITH_TOKEN_START_TAG && tok.tag == PITH_TAG_SCRIPT)
                    pith_tokenizer_set_state(f.t, PITH_TOK_SCRIPT_DATA);
                if (tok.type == PITH_TOKEN_START_TAG && tok.tag == PITH_TAG_SVG)
                    pith_tokenizer_set_cdata_allowed(f.t, true);
                if (tok.type == PITH_TOKEN_CHARACTER && tok.data.len != 1 && memchr(tok.data.ptr, 0, tok.data.len))
                    ok = false;
            } while (ok && tok.type != PITH_TOKEN_EOF && count <= cut + 2);
            if (!ok || tok.type != PITH_TOKEN_EOF) bad++;
            if (!pith_tokenizer_next(f.t, &tok) || tok.type != PITH_TOKEN_EOF) bad++;
            fx_close(&f);
        }
    }
    CHECK(bad == 0);
}

/* ---------------------------------------------------------------- hostile */

static void test_huge_attribute(void) {
    size_t n = 10u << 20;
    char *s = malloc(n + 32);
    memcpy(s, "<a href=\"", 9);
    memset(s + 9, 'x', n);
    memcpy(s + 9 + n, "\">", 2);
    fixture f;
    fx_open(&f, s, n + 11);
    pith_token tok;
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && tok.nattrs == 1);
    CHECK(tok.attrs[0].value.len == n && in_input(&f, tok.attrs[0].value.ptr));
    CHECK(next(&f, &tok) == PITH_TOKEN_EOF);
    fx_close(&f);

    /* With a reference at the end: decoded into scratch, same length. */
    memcpy(s + 9 + n - 5, "&amp;", 5);
    fx_open(&f, s, n + 11);
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && tok.nattrs == 1);
    CHECK(tok.attrs[0].value.len == n - 4 && tok.attrs[0].value.ptr[n - 5] == '&');
    fx_close(&f);

    /* Unterminated: EOF in the value drops the tag. */
    fx_open(&f, s, n + 9);
    CHECK(next(&f, &tok) == PITH_TOKEN_EOF);
    fx_close(&f);
    free(s);
}

static void test_many_attributes(void) {
    const size_t count = 100000;
    size_t cap = count * 16 + 16;
    char *s = malloc(cap);
    size_t len = 0;
    len += (size_t)sprintf(s + len, "<x");
    /* Every name twice: a0..a49999 with value 1, then again with value 2. */
    for (size_t i = 0; i < count; i++) len += (size_t)sprintf(s + len, " a%zu=%d", i % (count / 2), i < count / 2 ? 1 : 2);
    len += (size_t)sprintf(s + len, ">");
    fixture f;
    fx_open(&f, s, len);
    pith_token tok;
    clock_t c0 = clock();
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    CHECK(tok.nattrs == count / 2);
    bool first_wins = true;
    for (size_t i = 0; i < tok.nattrs; i++)
        if (!span_is(tok.attrs[i].value, "1")) first_wins = false;
    CHECK(first_wins);
    CHECK(secs < 1.0);
    fx_close(&f);
    free(s);
}

/* Random tags with up to 60 attributes drawn from a small pool of names,
 * against a naive first-wins filter (covers both duplicate paths). */
static void test_duplicates_random(void) {
    static const char *const pool[] = {"a", "b", "ab", "ba", "A", "aa", "href", "HREF", "x-y", "z", "=q", "b\"c"};
    unsigned seed = 12345;
    int bad = 0;
    for (int round = 0; round < 300; round++) {
        char buf[4096];
        size_t len = (size_t)sprintf(buf, "<t");
        const char *names[64];
        int vals[64], n = 0;
        seed = seed * 1103515245u + 12345u;
        int count = (int)((seed >> 16) % 61);
        for (int i = 0; i < count; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *nm = pool[(seed >> 16) % 12];
            len += (size_t)sprintf(buf + len, " %s=%d", nm, i);
            /* expected: lowercased name, first occurrence wins */
            char low[16];
            size_t k = 0;
            for (; nm[k]; k++) low[k] = (char)(nm[k] >= 'A' && nm[k] <= 'Z' ? nm[k] + 32 : nm[k]);
            low[k] = 0;
            bool seen = false;
            for (int j = 0; j < n; j++)
                if (strcmp(names[j], low) == 0) seen = true;
            if (!seen) {
                names[n] = strdup(low);
                vals[n++] = i;
            }
        }
        len += (size_t)sprintf(buf + len, ">");
        fixture f;
        fx_open(&f, buf, len);
        pith_token tok;
        if (next(&f, &tok) != PITH_TOKEN_START_TAG || tok.nattrs != (size_t)n) bad++;
        else
            for (int j = 0; j < n; j++) {
                char v[16];
                sprintf(v, "%d", vals[j]);
                if (!span_is(tok.attrs[j].name, names[j]) || !span_is(tok.attrs[j].value, v)) bad++;
            }
        for (int j = 0; j < n; j++) free((void *)names[j]);
        fx_close(&f);
    }
    CHECK(bad == 0);
}

/* PITH_TEST_SLOWDOWN (as the hostile tests read it): CI runs this test
 * under valgrind too, where it is 20-50 times slower. */
static double slowdown(void) {
    const char *v = getenv("PITH_TEST_SLOWDOWN");
    double f = v ? atof(v) : 1.0;
    return f >= 1.0 ? f : 1.0;
}

/* One name repeated a million times is one attribute, found fast: a
 * quadratic duplicate check would take minutes, far past even the bound
 * scaled for valgrind. */
static void test_repeated_attribute(void) {
    size_t reps = 1000000, len = 0;
    char *s = malloc(reps * 3 + 8);
    len += (size_t)sprintf(s, "<a");
    for (size_t i = 0; i < reps; i++) {
        memcpy(s + len, i % 2 ? " X" : " x", 2);
        len += 2;
    }
    s[len++] = '>';
    fixture f;
    fx_open(&f, s, len);
    pith_token tok;
    clock_t c0 = clock();
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && tok.nattrs == 1 && span_is(tok.attrs[0].name, "x"));
    CHECK((double)(clock() - c0) / CLOCKS_PER_SEC < 1.0 * slowdown());
    fx_close(&f);
    free(s);
}

static void test_linear_hostile(void) {
    /* 10^6 '<' then letters without '>', unclosed comments and tags. */
    size_t n = 1000000;
    char *s = malloc(n);
    const char *pats[] = {"<", "<a", "</", "<!", "&", "&#", "<a b", "-->", "<!--"};
    for (size_t k = 0; k < sizeof pats / sizeof pats[0]; k++) {
        size_t pl = strlen(pats[k]);
        for (size_t i = 0; i < n; i++) s[i] = pats[k][i % pl];
        fixture f;
        fx_open(&f, s, n);
        pith_token tok;
        clock_t c0 = clock();
        size_t tokens = 0;
        do {
            CHECK(pith_tokenizer_next(f.t, &tok));
            tokens++;
        } while (tok.type != PITH_TOKEN_EOF && tokens < 2 * n);
        double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
        CHECK(tok.type == PITH_TOKEN_EOF);
        CHECK(secs < 2.0);
        fx_close(&f);
    }
    free(s);
}

/* ---------------------------------------------------------------- references */

static void test_references(void) {
    fixture f;
    pith_token tok;
    const char *s = "&notit; &notin; &amp &ampx &#x80; &#0; &#xD800; &#x110000; &#65<a x=\"&notit=&amp=&lt;\">";
    fx_open(&f, s, strlen(s));
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER);
    CHECK(span_is(tok.data, "\xC2\xACit; \xE2\x88\x89 & &x \xE2\x82\xAC \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD A"));
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && span_is(tok.attrs[0].value, "&notit=&amp=<"));
    fx_close(&f);

    /* Unquoted values keep '/' after a reference or NUL (found by a
     * differential run against html5lib, not by the html5lib tests). */
    static const char unq[] = "<a x=&lt;/b/ y=\0/c/>";
    fx_open(&f, unq, sizeof unq - 1);
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG && tok.nattrs == 2 && !tok.self_closing);
    CHECK(tok.nattrs == 2 && span_is(tok.attrs[0].value, "</b/") && span_is(tok.attrs[1].value, "\xEF\xBF\xBD/c/"));
    fx_close(&f);
}

/* ---------------------------------------------------------------- states */

static void test_cdata_and_reuse(void) {
    fixture f;
    pith_token tok;
    const char *s = "<![CDATA[a<b]]>c";
    fx_open(&f, s, strlen(s));
    CHECK(next(&f, &tok) == PITH_TOKEN_COMMENT && span_is(tok.data, "[CDATA[a<b]]"));
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "c"));
    pith_tokenizer_reset(f.t, f.input, f.len);
    pith_tokenizer_set_cdata_allowed(f.t, true);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "a<b"));
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "c"));
    CHECK(next(&f, &tok) == PITH_TOKEN_EOF);
    fx_close(&f);

    /* RCDATA ends only at the appropriate end tag. */
    s = "<title>a</titlex></b></TITLE >";
    fx_open(&f, s, strlen(s));
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG);
    pith_tokenizer_set_state(f.t, PITH_TOK_RCDATA);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "a</titlex></b>"));
    CHECK(next(&f, &tok) == PITH_TOKEN_END_TAG && tok.tag == PITH_TAG_TITLE);
    CHECK(next(&f, &tok) == PITH_TOKEN_EOF);
    fx_close(&f);
}

/* ---------------------------------------------------------------- allocation failure */

typedef struct failing {
    int left;
} failing;

static void *failing_malloc(void *ctx, size_t n) {
    failing *fl = ctx;
    if (fl->left-- <= 0) return NULL;
    return malloc(n);
}

static void failing_free(void *ctx, void *p) {
    (void)ctx;
    free(p);
}

static void test_oom(void) {
    const char *s = "<DIV A=1 B='&amp;' C=3>x&amp;y<!--\0--><!DOCTYPE html>";
    size_t len = strlen(s) + 20;
    char *in = malloc(len);
    memcpy(in, s, strlen(s) + 1);
    memcpy(in + strlen(s), "<!--\0-->tail&lt;...", 20);
    int ended_false = 0;
    for (int budget = 0; budget < 12; budget++) {
        failing fl = {budget};
        pith_alloc_hooks hooks = {failing_malloc, failing_free, &fl};
        pith_arena arena;
        pith_arena_init(&arena, &hooks, 0);
        pith_tokenizer *t = pith_tokenizer_create(&arena, in, len);
        if (!t) {
            pith_arena_free(&arena);
            continue;
        }
        pith_token tok;
        int guard = 0;
        bool ok;
        do {
            ok = pith_tokenizer_next(t, &tok);
        } while (ok && tok.type != PITH_TOKEN_EOF && ++guard < 100);
        if (!ok) {
            ended_false++;
            CHECK(tok.type == PITH_TOKEN_EOF);
            CHECK(!pith_tokenizer_next(t, &tok) && tok.type == PITH_TOKEN_EOF);
        }
        CHECK(tok.type == PITH_TOKEN_EOF);
        pith_tokenizer_destroy(t);
        pith_arena_free(&arena);
    }
    CHECK(ended_false > 0);
    free(in);
}

/* Scratch counts against the arena's budget: a 4 MB value that must be
 * decoded does not fit a 1 MB document budget. */
static void test_budget(void) {
    size_t n = 4u << 20;
    char *s = malloc(n + 16);
    memcpy(s, "<a b='&amp;", 11);
    memset(s + 11, 'x', n);
    memcpy(s + 11 + n, "'>", 2);
    pith_arena arena;
    pith_arena_init(&arena, NULL, 1u << 20);
    pith_tokenizer *t = pith_tokenizer_create(&arena, s, n + 13);
    CHECK(t != NULL);
    pith_token tok;
    CHECK(!pith_tokenizer_next(t, &tok) && tok.type == PITH_TOKEN_EOF);
    CHECK(arena.over_limit);
    pith_tokenizer_destroy(t);
    pith_arena_free(&arena);
    /* Without the reference the value is a slice: no scratch, no limit hit. */
    s[6] = 'y';
    pith_arena_init(&arena, NULL, 1u << 20);
    t = pith_tokenizer_create(&arena, s, n + 13);
    CHECK(pith_tokenizer_next(t, &tok) && tok.type == PITH_TOKEN_START_TAG && tok.attrs[0].value.len == n + 5);
    pith_tokenizer_destroy(t);
    pith_arena_free(&arena);
    free(s);
}

/* ------------------------------------------------------------ scanner edges */

/* Tag names, attribute names and unquoted values are found 16 bytes at a
 * time with SSE2 (test_tokenizer_scalar runs this with the byte-at-a-time
 * scanners). Every length around the 16-byte blocks, with the byte that
 * needs care at every position (an uppercase letter, a control byte that is
 * part of the name, UTF-8; '/', '=', '"' or '<' inside an unquoted value),
 * the tag ending exactly at the buffer's end (an exact-size heap copy, so
 * ASan and valgrind see any read past it), or cut short there. */
static void test_scanner_edges(void) {
    int bad = 0, checked = 0;
    for (size_t len = 1; len <= 40; len++) {
        for (int pos = -1; pos < (int)len; pos++) {
            for (int kind = 0; kind < 4; kind++) {
                char name[64], lower[64], value[64], in[256];
                for (size_t i = 0; i < len; i++) {
                    name[i] = (char)('a' + i % 26);
                    value[i] = (char)('0' + i % 10);
                }
                if (pos >= 0) {
                    static const char name_byte[4] = {'Q', '\x01', '\xC3', '-'};
                    static const char value_byte[4] = {'/', '=', '"', '<'};
                    name[pos] = name_byte[kind];
                    if (kind == 2 && pos + 1 < (int)len) name[pos + 1] = '\xA9';
                    value[pos] = pos == 0 && kind == 2 ? '`' : value_byte[kind]; /* '"' first would quote it */
                }
                for (size_t i = 0; i < len; i++)
                    lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] | 0x20 : name[i]);
                /* <xNAME NAME=VALUE>, then the same cut before its '>' */
                int n = snprintf(in, sizeof in, "<x%.*s %.*s=%.*s>", (int)len, name, (int)len, name, (int)len, value);
                for (int cut = 0; cut < 2; cut++) {
                    fixture f;
                    pith_token tok;
                    fx_open(&f, in, (size_t)n - (size_t)cut);
                    bool ok = pith_tokenizer_next(f.t, &tok);
                    if (cut) {
                        ok = ok && tok.type == PITH_TOKEN_EOF;
                    } else {
                        ok = ok && tok.type == PITH_TOKEN_START_TAG && tok.name.len == len + 1 &&
                             tok.name.ptr[0] == 'x' && memcmp(tok.name.ptr + 1, lower, len) == 0 &&
                             tok.nattrs == 1 && tok.attrs[0].name.len == len &&
                             memcmp(tok.attrs[0].name.ptr, lower, len) == 0 && tok.attrs[0].value.len == len &&
                             memcmp(tok.attrs[0].value.ptr, value, len) == 0 &&
                             pith_tokenizer_next(f.t, &tok) && tok.type == PITH_TOKEN_EOF;
                    }
                    fx_close(&f);
                    checked++;
                    if (!ok && bad++ < 5) fprintf(stderr, "scanner edge: len %zu pos %d kind %d cut %d\n", len, pos, kind, cut);
                }
                /* </xNAME> ending at the buffer's end */
                n = snprintf(in, sizeof in, "</x%.*s>", (int)len, name);
                fixture f;
                pith_token tok;
                fx_open(&f, in, (size_t)n);
                bool ok = pith_tokenizer_next(f.t, &tok) && tok.type == PITH_TOKEN_END_TAG &&
                          tok.name.len == len + 1 && memcmp(tok.name.ptr + 1, lower, len) == 0;
                fx_close(&f);
                checked++;
                if (!ok && bad++ < 5) fprintf(stderr, "scanner edge: end tag len %zu pos %d kind %d\n", len, pos, kind);
            }
        }
    }
    CHECK(checked > 10000);
    CHECK(bad == 0);
}

/* ---------------------------------------------------------------- raw CR */

/* The token stream of input[0..len) as text (adjacent character tokens
 * joined), switching states the way the tree builder does for the few
 * elements that need it, so RCDATA, RAWTEXT, script data, PLAINTEXT and
 * CDATA sections are all reached. */
typedef struct tk_dump {
    char *s;
    size_t len, cap;
} tk_dump;

static void dump_add(tk_dump *d, const char *s, size_t n) {
    if (d->len + n + 1 > d->cap) {
        while (d->len + n + 1 > d->cap) d->cap = d->cap ? 2 * d->cap : 256;
        d->s = realloc(d->s, d->cap);
    }
    memcpy(d->s + d->len, s, n);
    d->len += n;
}

static void dump_slice(tk_dump *d, char tag, pith_slice sl) {
    char h[24];
    int n = snprintf(h, sizeof h, "|%c%zu:", tag, sl.len);
    dump_add(d, h, (size_t)n);
    dump_add(d, sl.ptr, sl.len);
}

static void dump_tokens(tk_dump *d, const char *input, size_t len) {
    fixture f;
    fx_open(&f, input, len);
    pith_token tok;
    bool chars = false;
    for (int guard = 0; guard < 100000; guard++) {
        CHECK(pith_tokenizer_next(f.t, &tok));
        if (tok.type == PITH_TOKEN_CHARACTER) {
            if (!chars) dump_add(d, "|C:", 3);
            chars = true;
            dump_add(d, tok.data.ptr, tok.data.len);
            continue;
        }
        chars = false;
        char h[16];
        int n = snprintf(h, sizeof h, "\n%d%d%d%d%d", (int)tok.type, tok.self_closing, tok.force_quirks,
                         tok.has_public_id, tok.has_system_id);
        dump_add(d, h, (size_t)n);
        if (tok.type == PITH_TOKEN_EOF) break;
        dump_slice(d, 'n', tok.name);
        dump_slice(d, 'd', tok.data);
        dump_slice(d, 'p', tok.public_id);
        dump_slice(d, 's', tok.system_id);
        for (size_t i = 0; i < tok.nattrs; i++) {
            dump_slice(d, 'a', tok.attrs[i].name);
            dump_slice(d, 'v', tok.attrs[i].value);
        }
        if (tok.type == PITH_TOKEN_START_TAG) {
            if (span_is(tok.name, "title") || span_is(tok.name, "textarea"))
                pith_tokenizer_set_state(f.t, PITH_TOK_RCDATA);
            else if (span_is(tok.name, "style") || span_is(tok.name, "xmp"))
                pith_tokenizer_set_state(f.t, PITH_TOK_RAWTEXT);
            else if (span_is(tok.name, "script"))
                pith_tokenizer_set_state(f.t, PITH_TOK_SCRIPT_DATA);
            else if (span_is(tok.name, "plaintext"))
                pith_tokenizer_set_state(f.t, PITH_TOK_PLAINTEXT);
            else if (span_is(tok.name, "svg"))
                pith_tokenizer_set_cdata_allowed(f.t, true);
        }
    }
    fx_close(&f);
}

/* What decoding does: CR LF and lone CR become LF. */
static size_t normalize_cr(char *out, const char *in, size_t len) {
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (in[i] != '\r') out[o++] = in[i];
        else {
            out[o++] = '\n';
            if (i + 1 < len && in[i + 1] == '\n') i++;
        }
    }
    return o;
}

/* Input holding raw CRs tokenizes exactly as its normalised form, in every
 * place a CR can stand: text in each text state (at a run's start, middle
 * and end, CR LF split nowhere), attribute values (quoted, unquoted, with
 * references), white space inside tags, comments, bogus comments, DOCTYPE
 * names and identifiers, CDATA, script escape states; then random mixes of
 * those pieces. Each input is an exact-size heap copy (ASan sees over-reads). */
static bool same_as_normalized(const char *in, size_t len) {
    char *norm = malloc(len ? len : 1);
    size_t nlen = normalize_cr(norm, in, len);
    tk_dump a = {0}, b = {0};
    dump_tokens(&a, in, len);
    dump_tokens(&b, norm, nlen);
    bool same = a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
    free(a.s);
    free(b.s);
    free(norm);
    return same;
}

static void test_raw_cr(void) {
    static const char *cases[] = {
        "\r\n<p>a\r\nb\rc\r\n\r\n</p>\r",
        "\r\n  <div>\r\n\r\n  text</div>\r\n",
        "<p\r\nclass=\"a\r\nb\r\"\r\nid=x\r\ntitle='&amp;\r\n&lt\r'\r\nhref=a\rb>x</p\r\n>",
        "<a title=\"\r\n\">\r</a><b title=\"\r\">",
        "<img\ralt=x\r/>\r\n<br\r\n/\r\n>",
        "<title>a\r\nb&amp;\rc</title\r\n><textarea>\r\nx\r</textarea>",
        "<style>p{}\r\nq{}\r</style\r><xmp>\r\n</xmp>",
        "<script>a\r\nb<!--\r\nc\r-\r-\r>\r<script>\r\nd</script>\r\n--\r\n>e</script\r\n>",
        "<script><!--\r<script\r>x\r</script\r>-\r\n-->\r</script>",
        "<!--a\r\nb\r--><!--\r\n--><!----\r\n--><!--\r",
        "<!\r\nbogus\r\n><?php\r\necho?>\r</\r\nx>",
        "<!DOCTYPE\r\nhtml\r\nPUBLIC\r\n\"-//W3C//\r\nDTD\r\" \r\n'sys\r\ntem\r'\r\n>x",
        "<!doctype\rhtml\rsystem\r\"a\rb\">",
        "<svg><![CDATA[a\r\nb\r]]>\r]]>\r\n</svg>",
        "<plaintext>a\r\nb\r</plaintext>\r\n",
        "a\0\r\n\0\r\0b",
        "\r",
        "\r\n",
        "x\r",
        "<p>&amp\r&#x41\r\n&#10\r</p>",
        "<textarea>\r\n\r\nx</textarea><pre>\r\ny</pre>",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bool same = same_as_normalized(cases[i], strlen(cases[i]));
        if (!same) fprintf(stderr, "raw CR: case %zu differs\n", i);
        CHECK(same);
    }
    /* Text between tags that starts with CR LF stays a slice of the input. */
    fixture f;
    const char *s = "<p>\r\n  a</p>";
    fx_open(&f, s, strlen(s));
    pith_token tok;
    CHECK(next(&f, &tok) == PITH_TOKEN_START_TAG);
    CHECK(next(&f, &tok) == PITH_TOKEN_CHARACTER && span_is(tok.data, "\n  a") && in_input(&f, tok.data.ptr));
    fx_close(&f);

    static const char *pieces[] = {
        "\r", "\n", "\r\n", "<", ">", "/", "=", "\"", "'", "-", "--", "!", "&amp;", "&lt", "&#13;", "&", "\0",
        " ", "a", "B", "<p", "</p>", "<script>", "</script>", "<!--", "-->", "<title>", "</title>", "<style>",
        "</style>", "<svg>", "<![CDATA[", "]]>", "<!DOCTYPE", " PUBLIC ", " SYSTEM ", "<x y=", "<plaintext>",
        "<script", "]", "?", "\xC3\xA9",
    };
    unsigned seed = 12345;
    int bad = 0;
    for (int iter = 0; iter < 4000; iter++) {
        char in[512];
        size_t n = 0;
        int k = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
        for (int j = 0; j < k; j++) {
            const char *pc = pieces[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof pieces / sizeof *pieces)];
            size_t pl = pc[0] ? strlen(pc) : 1;
            if (n + pl > sizeof in) break;
            memcpy(in + n, pc, pl);
            n += pl;
        }
        if (!same_as_normalized(in, n) && bad++ < 3) fprintf(stderr, "raw CR: random input %d differs\n", iter);
    }
    CHECK(bad == 0);
}

/* pith_tag_lookup packs a name with overlapping loads (scalar builds: byte
 * by byte): every interned name, each from an exact-size heap copy so ASan
 * sees a read past its end, finds its id; the same name one byte shorter,
 * one byte longer, with one byte changed or in capitals is another tag or
 * none. */
static void test_tag_lookup(void) {
    int bad = 0;
    for (int id = 1; id < PITH_TAG__COUNT; id++) {
        const char *name = pith_tag_name((pith_tag)id);
        size_t n = pith_tag_name_len((pith_tag)id);
        char *c = malloc(n + 1);
        if (!c) return;
        memcpy(c, name, n);
        bad += pith_tag_lookup(c, n) != (pith_tag)id;
        if (n > 1) {
            pith_tag t = pith_tag_lookup(c, n - 1);
            bad += t != PITH_TAG_UNKNOWN && (pith_tag_name_len(t) != n - 1 || memcmp(pith_tag_name(t), c, n - 1));
        }
        for (size_t i = 0; i < n; i++) {
            char o = c[i];
            c[i] = (char)(o ^ 0x20); /* capitals, or another byte */
            bad += pith_tag_lookup(c, n) == (pith_tag)id;
            c[i] = 'q';
            pith_tag t = pith_tag_lookup(c, n);
            bad += t != PITH_TAG_UNKNOWN && (pith_tag_name_len(t) != n || memcmp(pith_tag_name(t), c, n));
            c[i] = o;
        }
        c[n] = 'x';
        pith_tag t = pith_tag_lookup(c, n + 1);
        bad += t != PITH_TAG_UNKNOWN && (pith_tag_name_len(t) != n + 1 || memcmp(pith_tag_name(t), c, n + 1));
        free(c);
    }
    CHECK(bad == 0);
    CHECK(pith_tag_lookup("thead", 4) == PITH_TAG_UNKNOWN); /* "thea" */
    CHECK(pith_tag_lookup("blockquotes", 10) == PITH_TAG_BLOCKQUOTE);
    CHECK(pith_tag_lookup("annotation-xml", 14) == PITH_TAG_ANNOTATION_XML);
    CHECK(pith_tag_lookup("annotation-xmlx", 15) == PITH_TAG_UNKNOWN);
    CHECK(pith_tag_lookup("", 0) == PITH_TAG_UNKNOWN);
    CHECK(pith_tag_lookup("my-element", 10) == PITH_TAG_UNKNOWN);
}

int main(void) {
    RUN(test_tag_lookup);
    RUN(test_scanner_edges);
    RUN(test_zero_copy);
    RUN(test_nul);
    RUN(test_long_runs);
    RUN(test_truncation);
    RUN(test_huge_attribute);
    RUN(test_many_attributes);
    RUN(test_duplicates_random);
    RUN(test_repeated_attribute);
    RUN(test_linear_hostile);
    RUN(test_references);
    RUN(test_cdata_and_reuse);
    RUN(test_oom);
    RUN(test_budget);
    RUN(test_raw_cr);
    return test_summary("tokenizer");
}
