/*
 * fuzz_tokenizer.c - the tokenizer alone, driven the way tests drive it:
 * byte 0 picks the start state, whether CDATA is allowed, and a last start
 * tag; the rest is the decoded input (made valid UTF-8 without CR first, as
 * encoding.h promises the tokenizer).
 *
 * Invariants: every token's strings are valid UTF-8, tag names are
 * lowercase ASCII where ASCII, a character run is a lone NUL or has none,
 * the token count is bounded by the input length, and EOF is sticky.
 */
#include <string.h>

#include "fuzz_common.h"
#include "encoding/encoding.h"
#include "html/tokenizer.h"
#include "util/arena.h"

static const pith_tokenizer_state states[] = {PITH_TOK_DATA,        PITH_TOK_RCDATA,    PITH_TOK_RAWTEXT,
                                              PITH_TOK_SCRIPT_DATA, PITH_TOK_PLAINTEXT, PITH_TOK_CDATA_SECTION,
                                              PITH_TOK_DATA,        PITH_TOK_DATA};
static const char *const last_tags[] = {"", "title", "script", "textarea"};

static void check_span(pith_slice s) {
    FUZZ_ASSERT(s.len == 0 || s.ptr != NULL);
    FUZZ_ASSERT(fuzz_valid_utf8(s.ptr, s.len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t sel = fuzz_take_byte(&data, &size);
    pith_arena arena;
    pith_arena_init(&arena, NULL, 256u << 20);
    char *text = NULL;
    size_t len = 0;
    pith_decode_info info;
    FUZZ_ASSERT(pith_decode_html(&arena, (const char *)data, size, "utf-8", 5, &text, &len, &info));
    FUZZ_ASSERT(memchr(text, '\r', len) == NULL);
    pith_tokenizer *t = pith_tokenizer_create(&arena, text, len);
    FUZZ_ASSERT(t != NULL);
    pith_tokenizer_set_state(t, states[sel & 7]);
    pith_tokenizer_set_cdata_allowed(t, (sel >> 3) & 1);
    const char *last = last_tags[(sel >> 4) & 3];
    if (*last) pith_tokenizer_set_last_start_tag(t, last, strlen(last));
    size_t tokens = 0;
    pith_token tok;
    for (;;) {
        FUZZ_ASSERT(pith_tokenizer_next(t, &tok));
        tokens++;
        /* One token per input byte at most, plus EOF and a few emitted at EOF. */
        FUZZ_ASSERT(tokens <= len + 4);
        if (tok.type == PITH_TOKEN_EOF) break;
        check_span(tok.name);
        check_span(tok.data);
        check_span(tok.public_id);
        check_span(tok.system_id);
        for (size_t i = 0; i < tok.name.len; i++) FUZZ_ASSERT(!(tok.name.ptr[i] >= 'A' && tok.name.ptr[i] <= 'Z'));
        if (tok.type == PITH_TOKEN_CHARACTER) {
            FUZZ_ASSERT(tok.data.len > 0);
            FUZZ_ASSERT(tok.data.len == 1 || memchr(tok.data.ptr, 0, tok.data.len) == NULL);
        }
        for (size_t i = 0; i < tok.nattrs; i++) {
            check_span(tok.attrs[i].name);
            check_span(tok.attrs[i].value);
            /* Duplicates are dropped (checked on small tags to stay linear). */
            for (size_t j = 0; tok.nattrs <= 64 && j < i; j++)
                FUZZ_ASSERT(tok.attrs[i].name.len != tok.attrs[j].name.len ||
                            memcmp(tok.attrs[i].name.ptr, tok.attrs[j].name.ptr, tok.attrs[i].name.len) != 0);
        }
    }
    FUZZ_ASSERT(pith_tokenizer_next(t, &tok) && tok.type == PITH_TOKEN_EOF);
    pith_tokenizer_destroy(t);
    pith_arena_free(&arena);
    return 0;
}
