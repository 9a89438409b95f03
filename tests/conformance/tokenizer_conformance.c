/*
 * tokenizer_conformance.c - runs the html5lib tokenizer tests
 * (shared/conformance/html5lib-tests/tokenizer/ *.test files) through pith's
 * tokenizer and compares the token streams.
 *
 * Each test is run once per initial state it lists. The tokens pith emits
 * are converted to the tests' JSON format (adjacent Character tokens
 * merged) and compared with json_equal. Parse errors are not compared:
 * pith does not report them. The input is normalised the way the decoder
 * does it (CR LF and CR become LF) before tokenizing. doubleEscaped tests
 * carry \uXXXX escapes in input and output; lone surrogates are encoded
 * as 3-byte sequences on both sides, which the tokenizer passes through.
 *
 * usage: tokenizer_conformance SHARED_DIR [-v]
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "html/tokenizer.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

static int shown_failures;
#define MAX_SHOWN 25

/* ---------------------------------------------------------------- strings */

static int hex4(const char *s, size_t avail, unsigned long *v) {
    if (avail < 6 || s[0] != '\\' || s[1] != 'u') return 0;
    char buf[5];
    memcpy(buf, s + 2, 4);
    buf[4] = 0;
    char *e;
    *v = strtoul(buf, &e, 16);
    return *e == 0;
}

/* Decodes \uXXXX escapes (doubleEscaped tests). Returns a malloc'ed copy. */
static char *unescape(const char *s, size_t n, size_t *out_len) {
    char *out = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned long v, lo;
        if (hex4(s + i, n - i, &v)) {
            i += 6;
            if (v >= 0xD800 && v <= 0xDBFF && hex4(s + i, n - i, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
            o += pith_utf8_put(out + o, (uint32_t)v);
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = 0;
    *out_len = o;
    return out;
}

/* A string value, unescaped when the test asks for it. */
static json_t *str_value(const char *s, size_t n, int dbl) {
    if (!dbl) return json_stringn_nocheck(s, n);
    size_t m;
    char *u = unescape(s, n, &m);
    json_t *v = json_stringn_nocheck(u, m);
    free(u);
    return v;
}

/* Copies an expected token list, unescaping strings and keys, dropping a
 * false self-closing flag and merging adjacent Character tokens. */
static json_t *normalise_expected(json_t *out, int dbl) {
    json_t *res = json_array();
    size_t i;
    json_t *tok;
    json_array_foreach(out, i, tok) {
        json_t *copy = json_array();
        size_t j;
        json_t *v;
        json_array_foreach(tok, j, v) {
            if (json_is_string(v)) {
                json_array_append_new(copy, str_value(json_string_value(v), json_string_length(v), dbl));
            } else if (json_is_object(v)) {
                json_t *o = json_object();
                const char *k;
                json_t *av;
                json_object_foreach(v, k, av) {
                    size_t kl;
                    char *uk = dbl ? unescape(k, strlen(k), &kl) : strdup(k);
                    json_object_set_new_nocheck(o, uk, str_value(json_string_value(av), json_string_length(av), dbl));
                    free(uk);
                }
                json_array_append_new(copy, o);
            } else if (j == 3 && json_is_false(v) && strcmp(json_string_value(json_array_get(tok, 0)), "StartTag") == 0) {
                continue;
            } else {
                json_array_append(copy, v);
            }
        }
        size_t n = json_array_size(res);
        json_t *last = n ? json_array_get(res, n - 1) : NULL;
        if (last && strcmp(json_string_value(json_array_get(last, 0)), "Character") == 0 &&
            strcmp(json_string_value(json_array_get(copy, 0)), "Character") == 0) {
            json_t *a = json_array_get(last, 1), *b = json_array_get(copy, 1);
            size_t la = json_string_length(a), lb = json_string_length(b);
            char *m = malloc(la + lb + 1);
            memcpy(m, json_string_value(a), la);
            memcpy(m + la, json_string_value(b), lb);
            json_array_set_new(last, 1, json_stringn_nocheck(m, la + lb));
            free(m);
            json_decref(copy);
        } else {
            json_array_append_new(res, copy);
        }
    }
    return res;
}

/* ---------------------------------------------------------------- running */

static json_t *span_or_null(bool has, pith_slice s) {
    return has ? json_stringn_nocheck(s.ptr, s.len) : json_null();
}

/* Tokenizes input in the given state; returns the tokens in test format. */
static json_t *tokenize(const char *input, size_t len, pith_tokenizer_state state, const char *last, int *ok) {
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    pith_tokenizer *t = pith_tokenizer_create(&arena, input, len);
    json_t *res = json_array();
    pith_buf chars;
    pith_buf_init(&chars, NULL, 0);
    bool in_chars = false;
    pith_tokenizer_set_state(t, state);
    if (last) pith_tokenizer_set_last_start_tag(t, last, strlen(last));
    *ok = 1;
    for (size_t guard = 0;; guard++) {
        pith_token tok;
        if (!pith_tokenizer_next(t, &tok) || guard > 10 * len + 100) {
            *ok = 0;
            break;
        }
        if (tok.type == PITH_TOKEN_CHARACTER) {
            if (tok.data.len != 1 && memchr(tok.data.ptr, 0, tok.data.len)) *ok = 0; /* contract */
            pith_buf_append(&chars, tok.data.ptr, tok.data.len);
            in_chars = true;
            continue;
        }
        if (in_chars) {
            json_array_append_new(res, json_pack("[so]", "Character", json_stringn_nocheck(chars.data, chars.len)));
            pith_buf_clear(&chars);
            in_chars = false;
        }
        if (tok.type == PITH_TOKEN_EOF) break;
        json_t *j = NULL;
        switch (tok.type) {
        case PITH_TOKEN_DOCTYPE:
            j = json_pack("[sooob]", "DOCTYPE", span_or_null(tok.has_name, tok.name),
                          span_or_null(tok.has_public_id, tok.public_id),
                          span_or_null(tok.has_system_id, tok.system_id), !tok.force_quirks);
            break;
        case PITH_TOKEN_START_TAG: {
            json_t *attrs = json_object();
            for (size_t i = 0; i < tok.nattrs; i++) {
                char *k = strndup(tok.attrs[i].name.ptr, tok.attrs[i].name.len);
                if (json_object_get(attrs, k)) *ok = 0; /* duplicates must be gone */
                json_object_set_new_nocheck(attrs, k, json_stringn_nocheck(tok.attrs[i].value.ptr, tok.attrs[i].value.len));
                free(k);
            }
            j = json_pack("[s s# o]", "StartTag", tok.name.ptr, (int)tok.name.len, attrs);
            if (tok.self_closing) json_array_append_new(j, json_true());
            break;
        }
        case PITH_TOKEN_END_TAG:
            j = json_pack("[s s#]", "EndTag", tok.name.ptr, (int)tok.name.len);
            break;
        case PITH_TOKEN_COMMENT:
            j = json_pack("[so]", "Comment", json_stringn_nocheck(tok.data.ptr, tok.data.len));
            break;
        default:
            break;
        }
        if (j) json_array_append_new(res, j);
    }
    pith_buf_free(&chars);
    pith_tokenizer_destroy(t);
    pith_arena_free(&arena);
    return res;
}

static int state_of(const char *name, pith_tokenizer_state *st) {
    static const struct {
        const char *name;
        pith_tokenizer_state st;
    } map[] = {
        {"Data state", PITH_TOK_DATA},         {"PLAINTEXT state", PITH_TOK_PLAINTEXT},
        {"RCDATA state", PITH_TOK_RCDATA},     {"RAWTEXT state", PITH_TOK_RAWTEXT},
        {"Script data state", PITH_TOK_SCRIPT_DATA}, {"CDATA section state", PITH_TOK_CDATA_SECTION},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(name, map[i].name) == 0) {
            *st = map[i].st;
            return 1;
        }
    return 0;
}

/* Normalises newlines like the decoder: CR LF -> LF, CR -> LF. */
static size_t normalise_newlines(char *s, size_t n) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            s[o++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n') i++;
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}

static void show(const char *file, const char *desc, const char *state, const char *input, json_t *want, json_t *got) {
    if (shown_failures++ >= MAX_SHOWN) return;
    char *w = json_dumps(want, JSON_ENCODE_ANY | JSON_COMPACT);
    char *g = json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT);
    json_t *in = json_string_nocheck(input);
    char *i = json_dumps(in, JSON_ENCODE_ANY);
    fprintf(stderr, "FAIL %s: %s [%s]\n  input: %s\n  want:  %s\n  got:   %s\n", file, desc, state, i ? i : "?",
            w ? w : "?", g ? g : "?");
    free(w);
    free(g);
    free(i);
    json_decref(in);
}

/* Runs one test in every initial state it names; returns failures. */
static void run_test(const char *file, json_t *test, int *pass, int *fail) {
    const char *desc = json_string_value(json_object_get(test, "description"));
    json_t *jin = json_object_get(test, "input");
    int dbl = json_is_true(json_object_get(test, "doubleEscaped"));
    json_t *states = json_object_get(test, "initialStates");
    const char *last = json_string_value(json_object_get(test, "lastStartTag"));
    size_t len;
    char *input;
    if (dbl) input = unescape(json_string_value(jin), json_string_length(jin), &len);
    else {
        len = json_string_length(jin);
        input = malloc(len + 1);
        memcpy(input, json_string_value(jin), len + 1);
    }
    len = normalise_newlines(input, len);
    json_t *want = normalise_expected(json_object_get(test, "output"), dbl);
    size_t nstates = states ? json_array_size(states) : 1;
    for (size_t k = 0; k < nstates; k++) {
        const char *sname = states ? json_string_value(json_array_get(states, k)) : "Data state";
        pith_tokenizer_state st;
        if (!state_of(sname, &st)) {
            (*fail)++;
            fprintf(stderr, "FAIL %s: %s: unknown state %s\n", file, desc, sname);
            continue;
        }
        int ok;
        /* Run on an exact-size heap copy so ASan catches reads past the end. */
        char *exact = malloc(len ? len : 1);
        memcpy(exact, input, len);
        json_t *got = tokenize(exact, len, st, last, &ok);
        if (ok && json_equal(want, got)) {
            (*pass)++;
        } else {
            (*fail)++;
            show(file, desc, sname, input, want, got);
        }
        json_decref(got);
        free(exact);
    }
    json_decref(want);
    free(input);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        printf("skipped: usage: tokenizer_conformance SHARED_DIR\n");
        return 77;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/conformance/html5lib-tests/tokenizer", argv[1]);
    DIR *d = opendir(dir);
    if (!d) {
        printf("skipped: %s not found\n", dir);
        return 77;
    }
    char *names[256];
    size_t nnames = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nnames < 256) {
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".test") == 0) names[nnames++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, nnames, sizeof names[0], cmp_str);
    int total_pass = 0, total_fail = 0, skipped = 0;
    for (size_t f = 0; f < nnames; f++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[f]);
        json_error_t err;
        json_t *root = json_load_file(path, JSON_ALLOW_NUL, &err);
        if (!root) {
            fprintf(stderr, "%s: JSON error: %s\n", names[f], err.text);
            total_fail++;
            free(names[f]);
            continue;
        }
        json_t *tests = json_object_get(root, "tests");
        int pass = 0, fail = 0;
        if (!tests) {
            /* xmlViolation.test: expectations for an XML-coercing tokenizer. */
            json_t *x = json_object_get(root, "xmlViolationTests");
            skipped += (int)json_array_size(x);
            printf("%-28s skipped (%zu xmlViolationTests: XML coercion is not HTML tokenization)\n", names[f],
                   json_array_size(x));
        } else {
            size_t i;
            json_t *test;
            json_array_foreach(tests, i, test) run_test(names[f], test, &pass, &fail);
            printf("%-28s %5d passed, %d failed\n", names[f], pass, fail);
        }
        total_pass += pass;
        total_fail += fail;
        json_decref(root);
        free(names[f]);
    }
    if (skipped) printf("skipped: %d xmlViolation tests\n", skipped);
    printf("tokenizer: %d passed, %d failed\n", total_pass, total_fail);
    return total_fail ? 1 : 0;
}
