/*
 * tokenizer_markup.c - everything after "<!" or "<?": the markup
 * declaration open state (13.2.5.42), comments (13.2.5.43-52), bogus
 * comments (13.2.5.41) and DOCTYPE (13.2.5.53-68).
 *
 * Comments: whatever path the comment states take, the comment's data is
 * the input from after "<!--" up to the closing "--" / "--!" (the "<!--"
 * look-alike states inside a comment only report errors), with NUL turned
 * into U+FFFD. So the states below only find where the data ends, and the
 * data is a slice of the input unless it holds a NUL or a CR.
 */
#include "tokenizer_internal.h"

static void emit_comment(pith_tokenizer *t, pith_token *tok, const char *s, const char *e) {
    tk_token_clear(tok, PITH_TOKEN_COMMENT);
    size_t n = (size_t)(e - s);
    if (n && tk_scan2(s, e, '\0', '\r') != e) {
        t->tagbuf.len = 0;
        tk_buf_add_nul_fixed(t, &t->tagbuf, s, n);
        tok->data.ptr = t->tagbuf.data;
        tok->data.len = t->tagbuf.len;
    } else {
        tok->data.ptr = s;
        tok->data.len = n;
    }
}

bool tk_bogus_comment(pith_tokenizer *t, pith_token *tok, const char *s) {
    const char *end = t->end;
    const char *gt = memchr(s, '>', (size_t)(end - s));
    const char *e = gt ? gt : end;
    emit_comment(t, tok, s, e);
    t->p = gt ? gt + 1 : end;
    t->state = PITH_TOK_DATA;
    return !t->oom;
}

/* Comment states after "<!--"; s is the first data byte. */
enum { CM_TEXT, CM_DASH, CM_DASHDASH, CM_BANG };

static bool comment(pith_tokenizer *t, pith_token *tok, const char *s) {
    const char *end = t->end, *q = s;
    t->state = PITH_TOK_DATA;
    /* Comment start / start dash: "<!-->" and "<!--->" are empty comments. */
    if (q < end && *q == '>') {
        t->p = q + 1;
        emit_comment(t, tok, s, s);
        return true;
    }
    if (end - q >= 2 && q[0] == '-' && q[1] == '>') {
        t->p = q + 2;
        emit_comment(t, tok, s, s);
        return true;
    }
    int st = CM_TEXT;
    while (q < end) {
        unsigned char c = (unsigned char)*q;
        switch (st) {
        case CM_TEXT:
            q = memchr(q, '-', (size_t)(end - q));
            if (!q) q = end;
            else {
                st = CM_DASH;
                q++;
            }
            continue;
        case CM_DASH:
            st = c == '-' ? CM_DASHDASH : CM_TEXT;
            if (c == '-') q++;
            continue;
        case CM_DASHDASH:
        case CM_BANG:
            if (c == '>') {
                t->p = q + 1;
                emit_comment(t, tok, s, q - (st == CM_BANG ? 3 : 2));
                return !t->oom;
            }
            if (st == CM_DASHDASH && c == '!') {
                st = CM_BANG;
                q++;
            } else if (c == '-') {
                st = st == CM_BANG ? CM_DASH : CM_DASHDASH;
                q++;
            } else {
                st = CM_TEXT;
            }
            continue;
        }
    }
    /* EOF: the pending "-", "--" or "--!" is not data. */
    static const int pending[] = {0, 1, 2, 3};
    t->p = end;
    emit_comment(t, tok, s, end - pending[st]);
    return !t->oom;
}

/* ---------------------------------------------------------------- DOCTYPE */

enum {
    D_BEFORE_NAME, D_NAME, D_AFTER_NAME,
    D_AFTER_PUB_KW, D_BEFORE_PUB, D_PUB_DQ, D_PUB_SQ, D_AFTER_PUB, D_BETWEEN,
    D_AFTER_SYS_KW, D_BEFORE_SYS, D_SYS_DQ, D_SYS_SQ, D_AFTER_SYS,
    D_BOGUS
};

static bool ci_word(const char *q, const char *end, const char *word, size_t n) {
    if ((size_t)(end - q) < n) return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower((unsigned char)q[i]) != (unsigned char)word[i]) return false;
    return true;
}

typedef struct dt_str {
    size_t off, len;
} dt_str;

/* Appends c (lowercased when `lower`, NUL as U+FFFD) to the string. */
static void dt_add(pith_tokenizer *t, dt_str *s, unsigned char c, bool lower) {
    size_t before = t->tagbuf.len;
    if (c == 0) tk_buf_add(t, &t->tagbuf, TK_FFFD, 3);
    else {
        char b = (char)(lower ? ascii_lower(c) : c);
        tk_buf_add(t, &t->tagbuf, &b, 1);
    }
    s->len += t->tagbuf.len - before;
}

/* Appends the identifier byte at *qp; a CR LF or lone CR adds '\n' (and
 * *qp moves to the LF of a CR LF). */
static void dt_add_text(pith_tokenizer *t, dt_str *s, const char **qp) {
    const char *q = *qp;
    if (*q == '\r') {
        *qp = tk_after_cr(q, t->end) - 1;
        dt_add(t, s, '\n', false);
    } else {
        dt_add(t, s, (unsigned char)*q, false);
    }
}

/* Opens a quoted identifier: returns the quoted state for quote c. */
static int dt_open_id(pith_tokenizer *t, dt_str *s, bool *has, unsigned char c, bool pub) {
    *has = true;
    s->off = t->tagbuf.len;
    s->len = 0;
    if (pub) return c == '"' ? D_PUB_DQ : D_PUB_SQ;
    return c == '"' ? D_SYS_DQ : D_SYS_SQ;
}

/* One step of the DOCTYPE machine on byte c at q. Returns the new state;
 * -1 when the token is complete (c was '>'). May advance *q past a keyword. */
static int doctype_step(pith_tokenizer *t, pith_token *tok, dt_str ids[3], int st, const char **qp) {
    const char *q = *qp;
    unsigned char c = (unsigned char)*q;
    bool ws = tk_is_ws(c);
    switch (st) {
    case D_BEFORE_NAME:
        if (ws) return st;
        if (c == '>') {
            tok->force_quirks = true;
            return -1;
        }
        tok->has_name = true;
        ids[0].off = t->tagbuf.len;
        dt_add(t, &ids[0], c, true);
        return D_NAME;
    case D_NAME:
        if (ws) return D_AFTER_NAME;
        if (c == '>') return -1;
        dt_add(t, &ids[0], c, true);
        return st;
    case D_AFTER_NAME:
        if (ws) return st;
        if (c == '>') return -1;
        if (ci_word(q, t->end, "public", 6)) {
            *qp = q + 5;
            return D_AFTER_PUB_KW;
        }
        if (ci_word(q, t->end, "system", 6)) {
            *qp = q + 5;
            return D_AFTER_SYS_KW;
        }
        break;
    case D_AFTER_PUB_KW:
    case D_BEFORE_PUB:
        if (ws) return D_BEFORE_PUB;
        if (c == '"' || c == '\'') return dt_open_id(t, &ids[1], &tok->has_public_id, c, true);
        break;
    case D_PUB_DQ:
    case D_PUB_SQ:
        if (c == (st == D_PUB_DQ ? '"' : '\'')) return D_AFTER_PUB;
        if (c == '>') break;
        dt_add_text(t, &ids[1], qp);
        return st;
    case D_AFTER_PUB:
    case D_BETWEEN:
        if (ws) return D_BETWEEN;
        if (c == '>') return -1;
        if (c == '"' || c == '\'') return dt_open_id(t, &ids[2], &tok->has_system_id, c, false);
        break;
    case D_AFTER_SYS_KW:
    case D_BEFORE_SYS:
        if (ws) return D_BEFORE_SYS;
        if (c == '"' || c == '\'') return dt_open_id(t, &ids[2], &tok->has_system_id, c, false);
        break;
    case D_SYS_DQ:
    case D_SYS_SQ:
        if (c == (st == D_SYS_DQ ? '"' : '\'')) return D_AFTER_SYS;
        if (c == '>') break;
        dt_add_text(t, &ids[2], qp);
        return st;
    case D_AFTER_SYS:
        if (ws) return st;
        if (c == '>') return -1;
        return D_BOGUS; /* no force-quirks here (13.2.5.67) */
    default: /* D_BOGUS */
        return c == '>' ? -1 : st;
    }
    /* The remaining cases of every state: force quirks; a '>' ends the
     * token, anything else goes to the bogus DOCTYPE state. */
    tok->force_quirks = true;
    return c == '>' ? -1 : D_BOGUS;
}

/* After "<!DOCTYPE" (any case); q is the next byte. */
static bool doctype(pith_tokenizer *t, pith_token *tok, const char *q) {
    const char *end = t->end;
    dt_str ids[3] = {{0, 0}, {0, 0}, {0, 0}};
    tk_token_clear(tok, PITH_TOKEN_DOCTYPE);
    t->tagbuf.len = 0;
    t->state = PITH_TOK_DATA;
    int st = D_BEFORE_NAME;
    if (q < end && tk_is_ws((unsigned char)*q)) q++;
    for (; q < end && st >= 0; q++) st = doctype_step(t, tok, ids, st, &q);
    if (st >= 0 && st != D_BOGUS) tok->force_quirks = true; /* EOF */
    t->p = q;
    const char *base = t->tagbuf.data ? t->tagbuf.data : "";
    tok->name.ptr = base + ids[0].off;
    tok->name.len = ids[0].len;
    tok->public_id.ptr = base + ids[1].off;
    tok->public_id.len = ids[1].len;
    tok->system_id.ptr = base + ids[2].off;
    tok->system_id.len = ids[2].len;
    return !t->oom;
}

/* ---------------------------------------------------------------- "<!" */

bool tk_markup_declaration(pith_tokenizer *t, pith_token *tok) {
    const char *s = t->p + 2, *end = t->end;
    size_t avail = (size_t)(end - s);
    if (avail >= 2 && s[0] == '-' && s[1] == '-') return comment(t, tok, s + 2);
    if (ci_word(s, end, "doctype", 7)) return doctype(t, tok, s + 7);
    if (avail >= 7 && memcmp(s, "[CDATA[", 7) == 0 && t->cdata_allowed) {
        t->p = s + 7;
        t->state = PITH_TOK_CDATA_SECTION;
        return false;
    }
    return tk_bogus_comment(t, tok, s);
}
