/*
 * tokenizer.c - the WHATWG HTML tokenizer (13.2.5): lifecycle, the pull
 * loop and the text states (data, RCDATA, RAWTEXT, script data with its
 * escaped and double-escaped states, PLAINTEXT, CDATA section).
 *
 * Text states scan to the next byte that can change state ('<', '&', NUL,
 * and '-' inside escaped script) and add everything in between to the
 * pending run as one slice. A run ends only where a non-character token
 * starts, so the tree builder sees text between tags in one piece. Tags,
 * comments and DOCTYPEs are parsed in tokenizer_tag.c / tokenizer_markup.c.
 */
#include "tokenizer_internal.h"

#include <stdlib.h>

/* ================================================================ scratch */

static void *tk_malloc(const pith_alloc_hooks *h, size_t n) {
    return h->malloc_fn ? h->malloc_fn(h->ctx, n) : malloc(n);
}

static void tk_free(const pith_alloc_hooks *h, void *p) {
    if (!p) return;
    if (h->free_fn) h->free_fn(h->ctx, p);
    else free(p);
}

/* Replaces a scratch block of old_cap bytes (keeping its first `keep`)
 * by one of new_cap bytes. The hooks have no realloc, so this is allocate
 * + copy + free; callers double, so appends stay amortised O(1).
 * Scratch lives outside the arena but counts against the arena's byte
 * budget, so a document limit also bounds what one huge token can take. */
void *tk_grow_array(pith_tokenizer *t, void *old, size_t old_cap, size_t keep, size_t new_cap) {
    pith_arena *a = t->arena;
    size_t total = t->scratch_bytes - old_cap + new_cap;
    if (a->limit && (total > a->limit || a->used > a->limit - total)) {
        a->over_limit = 1;
        t->oom = true;
        return NULL;
    }
    void *n = tk_malloc(&t->hooks, new_cap);
    if (!n) {
        t->oom = true;
        return NULL;
    }
    if (keep) memcpy(n, old, keep);
    tk_free(&t->hooks, old);
    t->scratch_bytes = total;
    return n;
}

bool tk_buf_grow(pith_tokenizer *t, tk_buf *b, size_t extra) {
    size_t need = b->len + extra;
    if (need < b->len) {
        t->oom = true;
        return false;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            t->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *n = tk_grow_array(t, b->data, b->cap, b->len, cap);
    if (!n) return false;
    b->data = n;
    b->cap = cap;
    return true;
}

bool tk_buf_add_nul_fixed(pith_tokenizer *t, tk_buf *b, const char *s, size_t n) {
    const char *end = s + n;
    while (s < end) {
        const char *z = tk_scan2(s, end, '\0', '\r');
        if (!tk_buf_add(t, b, s, (size_t)(z - s))) return false;
        if (z == end) break;
        if (*z == '\0') {
            if (!tk_buf_add(t, b, TK_FFFD, 3)) return false;
            s = z + 1;
        } else {
            if (!tk_buf_add(t, b, "\n", 1)) return false;
            s = tk_after_cr(z, end);
        }
    }
    return true;
}

bool tk_run_to_buf(pith_tokenizer *t) {
    t->text.len = 0;
    t->run_in_buf = true;
    bool ok = tk_buf_add(t, &t->text, t->run, t->run_len);
    t->run_len = 0;
    return ok;
}

/* ================================================================ lifecycle */

pith_tokenizer *pith_tokenizer_create(pith_arena *arena, const char *input, size_t len) {
    pith_tokenizer *t = pith_arena_alloc(arena, sizeof *t);
    if (!t) return NULL;
    memset(t, 0, sizeof *t);
    t->hooks = arena->hooks;
    t->arena = arena;
    pith_tokenizer_reset(t, input, len);
    return t;
}

void pith_tokenizer_reset(pith_tokenizer *t, const char *input, size_t len) {
    t->in = input ? input : "";
    t->end = t->in + (input ? len : 0);
    t->p = t->in;
    t->state = PITH_TOK_DATA;
    t->cdata_allowed = false;
    t->noscript_stop = false;
    t->oom = false;
    t->run = NULL;
    t->run_len = 0;
    t->run_in_buf = false;
    t->text.len = 0;
    t->tagbuf.len = 0;
    t->nattrs = 0;
    t->last_start = NULL;
    t->last_start_len = 0;
}

void pith_tokenizer_destroy(pith_tokenizer *t) {
    if (!t) return;
    tk_free(&t->hooks, t->text.data);
    tk_free(&t->hooks, t->tagbuf.data);
    tk_free(&t->hooks, t->last_buf.data);
    tk_free(&t->hooks, t->attrs);
    tk_free(&t->hooks, t->out_attrs);
    tk_free(&t->hooks, t->dup_table);
    memset(t, 0, sizeof *t);
}

void pith_tokenizer_set_state(pith_tokenizer *t, pith_tokenizer_state state) {
    if ((unsigned)state <= PITH_TOK_CDATA_SECTION) t->state = (int)state;
}

void pith_tokenizer_set_last_start_tag(pith_tokenizer *t, const char *name, size_t len) {
    t->last_buf.len = 0;
    t->last_start = NULL;
    t->last_start_len = 0;
    if (!name || !len || !tk_buf_add(t, &t->last_buf, name, len)) return;
    t->last_start = t->last_buf.data;
    t->last_start_len = len;
}

void pith_tokenizer_set_cdata_allowed(pith_tokenizer *t, bool allowed) {
    t->cdata_allowed = allowed;
}

void pith_tokenizer_set_noscript_stop(pith_tokenizer *t, bool stop) {
    t->noscript_stop = stop;
}

/* Whether the '<' at lt starts "</" + name (lowercase, n > 0 bytes), in
 * any case, followed by white space, '/' or '>'. */
static bool end_tag_at(const pith_tokenizer *t, const char *lt, const char *name, size_t n) {
    if (n == 0 || (size_t)(t->end - lt) < n + 3 || lt[1] != '/') return false;
    const char *s = lt + 2;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!ascii_is_alpha(c) || ascii_lower(c) != (unsigned char)name[i]) return false;
    }
    unsigned char d = (unsigned char)s[n];
    return tk_is_ws(d) || d == '/' || d == '>';
}

static bool noscript_end(const pith_tokenizer *t, const char *lt) {
    return end_tag_at(t, lt, "noscript", 8);
}

bool tk_appropriate_end(const pith_tokenizer *t, const char *lt) {
    return end_tag_at(t, lt, t->last_start, t->last_start_len);
}

/* ================================================================ text states */

/* A '\r' at q in a text run (everything before q already added): the run
 * gets the '\n' it stands for, and *next is the byte to go on from. A CR LF
 * that starts a run is skipped to its LF, which the caller's next slice
 * takes, so the run stays a slice of the input (text between tags in CR LF
 * files mostly starts so); anywhere else the run is copied. */
static bool run_cr(pith_tokenizer *t, const char *q, const char **next) {
    const char *after = tk_after_cr(q, t->end);
    if (after == q + 2 && tk_run_empty(t) && !t->run_in_buf) {
        *next = q + 1; /* the caller's next slice starts at the LF */
        return true;
    }
    *next = after;
    return tk_run_bytes(t, "\n", 1);
}

static bool run_charref(pith_tokenizer *t, const char *amp, const char **next) {
    char out[8];
    size_t out_len = 0;
    size_t used = tk_charref(amp, t->end, false, out, &out_len);
    if (used == 0) {
        *next = amp + 1;
        return tk_run_slice(t, amp, amp + 1);
    }
    *next = amp + used;
    return tk_run_bytes(t, out, out_len);
}

/* Data state (13.2.5.1). Stops before markup ('<' + letter, '/', '!' or
 * '?'), at a NUL (emitted as its own "\0" token) and at EOF. */
static bool run_data(pith_tokenizer *t, pith_token *tok) {
    const char *p = t->p, *end = t->end;
    for (;;) {
        const char *q = tk_scan4(p, end, '<', '&', '\0', '\r');
        if (!tk_run_slice(t, p, q)) return false;
        if (q == end) {
            t->p = end;
            return false;
        }
        if (*q == '<') {
            unsigned char c = q + 1 < end ? (unsigned char)q[1] : 0;
            if (ascii_is_alpha(c) || c == '/' || c == '!' || c == '?') {
                t->p = q;
                t->state = TK_TAG_OPEN;
                return false;
            }
            if (!tk_run_slice(t, q, q + 1)) return false;
            p = q + 1;
        } else if (*q == '&') {
            if (!run_charref(t, q, &p)) return false;
        } else if (*q == '\r') {
            if (!run_cr(t, q, &p)) return false;
        } else {
            if (!tk_run_empty(t)) {
                t->p = q;
                return false;
            }
            tk_token_clear(tok, PITH_TOKEN_CHARACTER);
            tok->data.ptr = q;
            tok->data.len = 1;
            t->p = q + 1;
            return true;
        }
    }
}

/* RCDATA (13.2.5.2) and RAWTEXT (13.2.5.3): text until an appropriate
 * end tag; NUL becomes U+FFFD; references only in RCDATA. */
static bool run_raw(pith_tokenizer *t, bool refs) {
    const char *p = t->p, *end = t->end;
    for (;;) {
        const char *q = refs ? tk_scan4(p, end, '<', '&', '\0', '\r') : tk_scan3(p, end, '<', '\0', '\r');
        if (!tk_run_slice(t, p, q)) return false;
        if (q == end) {
            t->p = end;
            return true;
        }
        if (*q == '<') {
            if (tk_appropriate_end(t, q) || (t->noscript_stop && noscript_end(t, q))) {
                t->p = q;
                t->state = TK_TAG_OPEN;
                return true;
            }
            if (!tk_run_slice(t, q, q + 1)) return false;
            p = q + 1;
        } else if (*q == '&') {
            if (!run_charref(t, q, &p)) return false;
        } else if (*q == '\r') {
            if (!run_cr(t, q, &p)) return false;
        } else {
            if (!tk_run_bytes(t, TK_FFFD, 3)) return false;
            p = q + 1;
        }
    }
}

/* PLAINTEXT (13.2.5.5): everything to EOF. */
static bool run_plaintext(pith_tokenizer *t) {
    const char *p = t->p, *end = t->end;
    while (p < end) {
        const char *q = tk_scan2(p, end, '\0', '\r');
        if (!tk_run_slice(t, p, q)) return false;
        if (q == end) break;
        if (*q == '\r') {
            if (!run_cr(t, q, &p)) return false;
            continue;
        }
        if (!tk_run_bytes(t, TK_FFFD, 3)) return false;
        p = q + 1;
    }
    t->p = end;
    return true;
}

/* CDATA section (13.2.5.69-71): text up to "]]>". A NUL stays U+0000 here
 * (the tree builder's foreign-content rules replace it), and is emitted as
 * its own "\0" run like in the data state. */
static bool run_cdata(pith_tokenizer *t, pith_token *tok, bool *emitted) {
    const char *p = t->p, *end = t->end;
    *emitted = false;
    for (;;) {
        const char *q = tk_scan3(p, end, ']', '\0', '\r');
        if (!tk_run_slice(t, p, q)) return false;
        if (q == end) {
            t->p = end;
            return true;
        }
        if (*q == '\r') {
            if (!run_cr(t, q, &p)) return false;
            continue;
        }
        if (*q == '\0') {
            if (!tk_run_empty(t)) {
                t->p = q;
                return true;
            }
            tk_token_clear(tok, PITH_TOKEN_CHARACTER);
            tok->data.ptr = q;
            tok->data.len = 1;
            t->p = q + 1;
            *emitted = true;
            return true;
        }
        if (end - q >= 3 && q[1] == ']' && q[2] == '>') {
            t->p = q + 3;
            t->state = PITH_TOK_DATA;
            return true;
        }
        if (!tk_run_slice(t, q, q + 1)) return false;
        p = q + 1;
    }
}

/* ---------------------------------------------------------------- script data */

/* The script data sub-states (13.2.5.4, 13.2.5.15-33) that matter between
 * two bytes; the less-than-sign, end-tag and escape-start states are
 * resolved by looking ahead from the '<' or '-' that enters them. */
enum {
    SC_NORMAL,
    SC_ESC,
    SC_ESC_DASH,
    SC_ESC_DASHDASH,
    SC_DESC,
    SC_DESC_DASH,
    SC_DESC_DASHDASH
};

/* After "<" + letter in the escaped state or "</" + letter in the double
 * escaped state: the letters spell "script" and are followed by a
 * delimiter. Returns the byte after the letters via *after. */
static bool script_word(const char *s, const char *end, const char **after) {
    const char *r = s;
    while (r < end && ascii_is_alpha((unsigned char)*r)) r++;
    *after = r;
    if (r == end || r - s != 6) return false;
    unsigned char d = (unsigned char)*r;
    if (!(tk_is_ws(d) || d == '/' || d == '>')) return false;
    static const char word[] = "script";
    for (int i = 0; i < 6; i++)
        if (ascii_lower((unsigned char)s[i]) != (unsigned char)word[i]) return false;
    /* The delimiter is left to the new state, where it is text (a CR there
     * gets its '\n'). */
    return true;
}

/* A '<' at q in an escaped (desc == false) or double-escaped state.
 * Returns the next position and updates *s; sets *stop for an
 * appropriate end tag. */
static const char *script_lt(const pith_tokenizer *t, const char *q, int *s, bool desc, bool *stop) {
    const char *end = t->end, *after;
    if (!desc) {
        if (tk_appropriate_end(t, q)) {
            *stop = true;
            return q;
        }
        *s = SC_ESC;
        if (q + 1 < end && q[1] == '/') return q + 2;
        if (q + 1 < end && ascii_is_alpha((unsigned char)q[1])) {
            if (script_word(q + 1, end, &after)) *s = SC_DESC;
            return after;
        }
        return q + 1;
    }
    *s = SC_DESC;
    if (q + 1 < end && q[1] == '/') {
        if (script_word(q + 2, end, &after)) *s = SC_ESC;
        return after;
    }
    return q + 1;
}

static bool run_script(pith_tokenizer *t) {
    const char *p = t->p, *end = t->end, *lit = p;
    int s = SC_NORMAL;
    while (p < end) {
        const char *q = p;
        bool stop = false;
        if (s == SC_NORMAL) {
            p = q = tk_scan3(p, end, '<', '\0', '\r');
            if (q == end) break;
            if (*q == '<') {
                if (tk_appropriate_end(t, q)) {
                    stop = true;
                } else if (end - q >= 4 && q[1] == '!' && q[2] == '-' && q[3] == '-') {
                    s = SC_ESC_DASHDASH;
                    p = q + 4;
                } else {
                    p = q + 1;
                }
            }
        } else if (s == SC_ESC || s == SC_DESC) {
            p = q = tk_scan4(p, end, '-', '<', '\0', '\r');
            if (q == end) break;
            if (*q == '-') {
                s = s == SC_ESC ? SC_ESC_DASH : SC_DESC_DASH;
                p = q + 1;
            } else if (*q == '<') {
                p = script_lt(t, q, &s, s == SC_DESC, &stop);
            }
        } else {
            bool desc = s >= SC_DESC;
            bool dashdash = s == SC_ESC_DASHDASH || s == SC_DESC_DASHDASH;
            unsigned char c = (unsigned char)*q;
            if (c == '-') {
                s = desc ? SC_DESC_DASHDASH : SC_ESC_DASHDASH;
                p = q + 1;
            } else if (c == '<') {
                p = script_lt(t, q, &s, desc, &stop);
            } else if (c == '>' && dashdash) {
                s = SC_NORMAL;
                p = q + 1;
            } else {
                s = desc ? SC_DESC : SC_ESC;
                if (c != '\0') p = q + 1;
            }
        }
        if (stop) {
            if (!tk_run_slice(t, lit, q)) return false;
            t->p = q;
            t->state = TK_TAG_OPEN;
            return true;
        }
        if (*q == '\0' && p == q) {
            if (!tk_run_slice(t, lit, q) || !tk_run_bytes(t, TK_FFFD, 3)) return false;
            p = lit = q + 1;
        } else if (*q == '\r') {
            /* Text in every script state, like the '\n' it stands for (which
             * changes no state when it follows). */
            if (!tk_run_slice(t, lit, q) || !run_cr(t, q, &p)) return false;
            lit = p;
        }
    }
    if (!tk_run_slice(t, lit, end)) return false;
    t->p = end;
    return true;
}

/* ================================================================ tag open */

/* Tag open (13.2.5.6) and end tag open (13.2.5.7) at t->p == '<'. */
static bool tag_open(pith_tokenizer *t, pith_token *tok) {
    const char *lt = t->p, *end = t->end, *q = lt + 1;
    t->state = PITH_TOK_DATA;
    if (q < end) {
        unsigned char c = (unsigned char)*q;
        if (ascii_is_alpha(c)) return tk_parse_tag(t, tok, q, false);
        if (c == '!') return tk_markup_declaration(t, tok);
        if (c == '?') return tk_bogus_comment(t, tok, q);
        if (c == '/') {
            const char *r = q + 1;
            if (r == end) {
                t->p = end;
                tk_run_slice(t, lt, end);
                return false;
            }
            if (ascii_is_alpha((unsigned char)*r)) return tk_parse_tag(t, tok, r, true);
            if (*r == '>') {
                t->p = r + 1;
                return false;
            }
            return tk_bogus_comment(t, tok, r);
        }
    }
    t->p = q;
    tk_run_slice(t, lt, q);
    return false;
}

/* ================================================================ pull loop */

static void emit_eof(pith_token *tok) {
    tk_token_clear(tok, PITH_TOKEN_EOF);
}

static bool emit_run(pith_tokenizer *t, pith_token *tok) {
    if (tk_run_empty(t)) return false;
    tk_token_clear(tok, PITH_TOKEN_CHARACTER);
    if (t->run_in_buf) {
        tok->data.ptr = t->text.data;
        tok->data.len = t->text.len;
    } else {
        tok->data.ptr = t->run;
        tok->data.len = t->run_len;
    }
    return true;
}

bool pith_tokenizer_next(pith_tokenizer *t, pith_token *tok) {
    t->run_len = 0;
    t->run_in_buf = false;
    t->text.len = 0;
    for (;;) {
        bool emitted = false, ok = true;
        if (t->oom) {
            emit_eof(tok);
            return false;
        }
        switch (t->state) {
        case PITH_TOK_DATA:
            emitted = run_data(t, tok);
            break;
        case PITH_TOK_RCDATA:
            ok = run_raw(t, true);
            break;
        case PITH_TOK_RAWTEXT:
            ok = run_raw(t, false);
            break;
        case PITH_TOK_SCRIPT_DATA:
            ok = run_script(t);
            break;
        case PITH_TOK_PLAINTEXT:
            ok = run_plaintext(t);
            break;
        case PITH_TOK_CDATA_SECTION:
            ok = run_cdata(t, tok, &emitted);
            break;
        default:
            /* Markup that turns out to be text ("<" + space, "</" at EOF)
             * joins the run that follows instead of ending it. */
            emitted = tag_open(t, tok);
            if (!emitted) continue;
            break;
        }
        if (!ok) t->oom = true;
        if (t->oom) continue;
        if (emitted) return true;
        if (t->state == TK_TAG_OPEN && tk_run_empty(t)) continue;
        if (emit_run(t, tok)) return true;
        if (t->p >= t->end) {
            emit_eof(tok);
            return true;
        }
    }
}
