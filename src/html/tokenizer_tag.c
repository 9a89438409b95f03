/*
 * tokenizer_tag.c - start and end tags (13.2.5.8 tag name through 13.2.5.40
 * self-closing start tag): names, attributes, duplicate removal.
 *
 * One call reads one whole tag. Names already in lowercase and values
 * without references or NUL stay slices of the input; only the others are
 * rebuilt in tagbuf. Duplicate attributes are found with a linear scan
 * while a tag has few attributes and by sorting past that, so a tag with
 * 10^5 attributes costs O(n log n) even with crafted names.
 */
#include "tokenizer_internal.h"

/* Byte classes for the name and unquoted-value loops. */
enum {
    C_TAGSTOP = 1,   /* ends a tag name: whitespace, '/', '>' */
    C_UPPER = 2,     /* needs lowercasing */
    C_EQ = 4,        /* also ends an attribute name */
    C_UNQSTOP = 8,   /* ends/interrupts an unquoted value: whitespace, '&', '>', NUL */
    C_NUL = 16,
    C_WS = 32        /* whitespace between attributes: one lookup, not five compares */
};

#define UP(c) [c] = C_UPPER
static const uint8_t cls[256] = {
    [0] = C_NUL | C_UNQSTOP,
    ['\t'] = C_TAGSTOP | C_UNQSTOP | C_WS,
    ['\n'] = C_TAGSTOP | C_UNQSTOP | C_WS,
    ['\r'] = C_TAGSTOP | C_UNQSTOP | C_WS, /* a raw CR is white space (tokenizer.h) */
    ['\f'] = C_TAGSTOP | C_UNQSTOP | C_WS,
    [' '] = C_TAGSTOP | C_UNQSTOP | C_WS,
    ['/'] = C_TAGSTOP,
    ['>'] = C_TAGSTOP | C_UNQSTOP,
    ['='] = C_EQ,
    ['&'] = C_UNQSTOP,
    UP('A'), UP('B'), UP('C'), UP('D'), UP('E'), UP('F'), UP('G'), UP('H'), UP('I'),
    UP('J'), UP('K'), UP('L'), UP('M'), UP('N'), UP('O'), UP('P'), UP('Q'), UP('R'),
    UP('S'), UP('T'), UP('U'), UP('V'), UP('W'), UP('X'), UP('Y'), UP('Z'),
};
#undef UP

#define LINEAR_DUP_LIMIT 16

/* ---------------------------------------------------------------- scanners */

/* The first byte at or after q whose class has a bit of `stop`, or end.
 * stop is one of the three sets the loops below use (NAME_STOP, ATTR_STOP,
 * C_UNQSTOP).
 *
 * With SSE2, 16 bytes at a time: a few compares give a mask of candidate
 * bytes that is a superset of the stop set (every byte <= 0x20 stands for
 * whitespace and NUL, 'A'-'Z' for C_UPPER), with no branch per byte; each
 * candidate is then checked in the table, so a rare control byte that is
 * part of a name costs one more lookup, not a wrong answer. Loads stop 16
 * bytes before end and the tail is scanned byte by byte: no read passes the
 * buffer. Without SSE2 (or with PITH_SCALAR) the table loop alone. */
#define NAME_STOP (uint8_t)(C_TAGSTOP | C_UPPER | C_NUL)
#define ATTR_STOP (uint8_t)(C_TAGSTOP | C_EQ | C_UPPER | C_NUL)

TK_HOT const char *scan_stop(const char *q, const char *end, uint8_t stop) {
    /* Most names and unquoted values end within a few bytes: the table
     * first, the 16-byte loop only for what runs longer. Straight into
     * SSE2, the tokenizer ran at 2,417 MB/s on the 221 shared pages; with
     * 8 bytes by table first, 2,538 (tokenize_bench, medians of 5). */
    for (int k = 0; k < 8 && q < end; k++, q++)
        if (cls[(unsigned char)*q] & stop) return q;
#if defined(TK_SSE2)
    const __m128i sp = _mm_set1_epi8(0x20), zero = _mm_setzero_si128();
    const __m128i gt = _mm_set1_epi8('>'), eq = _mm_set1_epi8(stop & C_EQ ? '=' : '>');
    const __m128i third = _mm_set1_epi8(stop & C_UPPER ? '/' : '&');
    const __m128i up_bias = _mm_set1_epi8((char)(0x80 - 'A')), up_lim = _mm_set1_epi8((char)(-128 + 26));
    while (end - q >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)q);
        __m128i m = _mm_cmpeq_epi8(_mm_subs_epu8(x, sp), zero); /* x <= 0x20 */
        m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, gt), _mm_cmpeq_epi8(x, eq)));
        m = _mm_or_si128(m, _mm_cmpeq_epi8(x, third));
        if (stop & C_UPPER) m = _mm_or_si128(m, _mm_cmplt_epi8(_mm_add_epi8(x, up_bias), up_lim));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        while (bits) {
            const char *c = q + __builtin_ctz(bits);
            if (cls[(unsigned char)*c] & stop) return c;
            bits &= bits - 1;
        }
        q += 16;
    }
#endif
    while (q < end && !(cls[(unsigned char)*q] & stop)) q++;
    return q;
}

static inline const char *str_ptr(const pith_tokenizer *t, const tk_str *s) {
    return s->ptr ? s->ptr : t->tagbuf.data + s->off;
}

static inline tk_str slice(const char *a, size_t n) {
    tk_str s = {a, 0, n};
    return s;
}

/* ---------------------------------------------------------------- names */

/* Reads a tag or attribute name from s (skip: bytes already known to be
 * part of it, e.g. a leading '='). stop is C_TAGSTOP or C_TAGSTOP|C_EQ.
 * Returns the first byte after the name. */
static const char *read_name_slow(pith_tokenizer *t, const char *s, const char *q, uint8_t stop, tk_str *out);

TK_HOT const char *read_name(pith_tokenizer *t, const char *s, size_t skip, uint8_t stop, tk_str *out) {
    const char *end = t->end;
    const char *q = scan_stop(s + skip, end, stop & C_EQ ? ATTR_STOP : NAME_STOP);
    if (q == end || !(cls[(unsigned char)*q] & (C_UPPER | C_NUL))) {
        *out = slice(s, (size_t)(q - s));
        return q;
    }
    return read_name_slow(t, s, q, stop, out);
}

/* The name has an uppercase letter or NUL at q: rebuild it in tagbuf. */
static const char *read_name_slow(pith_tokenizer *t, const char *s, const char *q, uint8_t stop, tk_str *out) {
    const char *end = t->end;
    out->ptr = NULL;
    out->off = t->tagbuf.len;
    tk_buf_add(t, &t->tagbuf, s, (size_t)(q - s));
    for (; q < end; q++) {
        unsigned char c = (unsigned char)*q;
        uint8_t k = cls[c];
        if (k & C_UPPER) {
            char l = (char)(c | 0x20);
            tk_buf_add(t, &t->tagbuf, &l, 1);
        } else if (k & C_NUL) {
            tk_buf_add(t, &t->tagbuf, TK_FFFD, 3);
        } else if (k & stop) {
            break;
        } else {
            tk_buf_add(t, &t->tagbuf, (const char *)q, 1);
        }
    }
    out->len = t->tagbuf.len - out->off;
    return q;
}

/* ---------------------------------------------------------------- values */

/* Appends a reference or a literal '&' at r; returns the next byte. */
static const char *value_ref(pith_tokenizer *t, const char *r) {
    char out[8];
    size_t out_len = 0;
    size_t used = tk_charref(r, t->end, true, out, &out_len);
    if (used == 0) {
        tk_buf_add(t, &t->tagbuf, r, 1);
        return r + 1;
    }
    tk_buf_add(t, &t->tagbuf, out, out_len);
    return r + used;
}

/* Attribute value (double- or single-quoted) starting after the quote.
 * Returns the byte after the closing quote, or NULL at EOF. */
static const char *read_quoted(pith_tokenizer *t, const char *q, char quote, tk_str *out) {
    const char *end = t->end;
    const char *r = tk_scan4(q, end, quote, '&', '\0', '\r');
    if (r == end) return NULL;
    if (*r == quote) {
        *out = slice(q, (size_t)(r - q));
        return r + 1;
    }
    out->ptr = NULL;
    out->off = t->tagbuf.len;
    tk_buf_add(t, &t->tagbuf, q, (size_t)(r - q));
    for (;;) {
        if (r == end) return NULL;
        if (*r == quote) break;
        if (*r == '&') {
            r = value_ref(t, r);
        } else if (*r == '\r') {
            tk_buf_add(t, &t->tagbuf, "\n", 1);
            r = tk_after_cr(r, end);
        } else {
            tk_buf_add(t, &t->tagbuf, TK_FFFD, 3);
            r++;
        }
        const char *s = r;
        r = tk_scan4(r, end, quote, '&', '\0', '\r');
        tk_buf_add(t, &t->tagbuf, s, (size_t)(r - s));
    }
    out->len = t->tagbuf.len - out->off;
    return r + 1;
}

/* Unquoted attribute value (13.2.5.38). Returns the whitespace or '>'
 * that ends it, or NULL at EOF. */
static const char *read_unquoted(pith_tokenizer *t, const char *q, tk_str *out) {
    const char *end = t->end, *r = scan_stop(q, end, C_UNQSTOP);
    if (r == end) return NULL;
    if (cls[(unsigned char)*r] & C_TAGSTOP) {
        *out = slice(q, (size_t)(r - q));
        return r;
    }
    out->ptr = NULL;
    out->off = t->tagbuf.len;
    tk_buf_add(t, &t->tagbuf, q, (size_t)(r - q));
    for (;;) {
        if (r == end) return NULL;
        unsigned char c = (unsigned char)*r;
        if (tk_is_ws(c) || c == '>') break; /* '/' is value text here */
        if (c == '&') {
            r = value_ref(t, r);
        } else if (c == 0) {
            tk_buf_add(t, &t->tagbuf, TK_FFFD, 3);
            r++;
        } else {
            const char *s = r;
            r = scan_stop(r, end, C_UNQSTOP);
            tk_buf_add(t, &t->tagbuf, s, (size_t)(r - s));
        }
    }
    out->len = t->tagbuf.len - out->off;
    return r;
}

/* ---------------------------------------------------------------- duplicates */

/* Few attributes (the normal case): each new name is compared with the
 * previous ones while the tag is read. Past LINEAR_DUP_LIMIT the check is
 * left to emit time, where a stable merge sort of the names finds every
 * later duplicate in O(n log n) whatever the names are (a hash set would
 * be faster on average but can be driven quadratic by crafted names). */

static int name_cmp(const pith_tokenizer *t, uint32_t i, uint32_t j) {
    const tk_str *a = &t->attrs[i].name, *b = &t->attrs[j].name;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(str_ptr(t, a), str_ptr(t, b), n);
    if (c) return c;
    return (a->len > b->len) - (a->len < b->len);
}

/* One of 64 bits for a name, from its length and first and last bytes:
 * equal names have equal bits, so a name whose bit no earlier name of the
 * tag set is no duplicate, and most tags (class, href, id, data-*) skip
 * the compare loop below. */
static inline uint64_t name_sig(const char *s, size_t n) {
    if (!n) return 1;
    return (uint64_t)1 << (((unsigned char)s[0] + 5u * (unsigned char)s[n - 1] + 3u * (unsigned)n) & 63u);
}

static bool is_dup_linear(pith_tokenizer *t, const tk_str *name) {
    if (t->nattrs > LINEAR_DUP_LIMIT) return false;
    const char *s = str_ptr(t, name);
    uint64_t sig = name_sig(s, name->len);
    bool seen = t->name_sigs & sig;
    t->name_sigs |= sig;
    if (!seen) return false;
    for (size_t i = 0; i < t->nattrs; i++) {
        const tk_str *o = &t->attrs[i].name;
        if (o->len == name->len && memcmp(str_ptr(t, o), s, name->len) == 0) return true;
    }
    return false;
}

/* Bottom-up stable merge sort of idx[0..n) by name; tmp has room for n. */
static uint32_t *sort_by_name(const pith_tokenizer *t, uint32_t *idx, uint32_t *tmp, size_t n) {
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = name_cmp(t, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
            while (i < mid) tmp[k++] = idx[i++];
            while (j < hi) tmp[k++] = idx[j++];
        }
        uint32_t *sw = idx;
        idx = tmp;
        tmp = sw;
    }
    return idx;
}

/* Drops every attribute whose name occurred earlier, keeping order. */
static bool dedupe_many(pith_tokenizer *t) {
    size_t n = t->nattrs;
    if (n > UINT32_MAX / 2) {
        t->oom = true;
        return false;
    }
    if (2 * n > t->dup_alloc) {
        uint32_t *nt = tk_grow_array(t, t->dup_table, t->dup_alloc * sizeof *nt, 0, 2 * n * sizeof *nt);
        if (!nt) return false;
        t->dup_table = nt;
        t->dup_alloc = 2 * n;
    }
    uint32_t *idx = t->dup_table, *tmp = idx + n;
    for (size_t i = 0; i < n; i++) idx[i] = (uint32_t)i;
    uint32_t *sorted = sort_by_name(t, idx, tmp, n);
    uint32_t *drop = sorted == idx ? tmp : idx;
    memset(drop, 0, n * sizeof *drop);
    for (size_t i = 1; i < n; i++)
        if (name_cmp(t, sorted[i - 1], sorted[i]) == 0) drop[sorted[i]] = 1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!drop[i]) t->attrs[k++] = t->attrs[i];
    t->nattrs = k;
    return true;
}

/* The slot for the next attribute (built in place, committed by
 * commit_attr), or NULL when memory ran out. */
static tk_attr *next_attr_slot(pith_tokenizer *t) {
    if (t->nattrs == t->attrs_cap) {
        size_t cap = t->attrs_cap ? t->attrs_cap * 2 : 16;
        tk_attr *na = NULL;
        if (cap <= SIZE_MAX / sizeof *na) na = tk_grow_array(t, t->attrs, t->attrs_cap * sizeof *na, t->nattrs * sizeof *na, cap * sizeof *na);
        if (!na) return NULL;
        t->attrs = na;
        t->attrs_cap = cap;
    }
    return &t->attrs[t->nattrs];
}


/* ---------------------------------------------------------------- emit */

static bool emit_tag(pith_tokenizer *t, pith_token *tok, const tk_str *name, bool end_tag, bool self_closing) {
    if (t->nattrs > LINEAR_DUP_LIMIT && !dedupe_many(t)) return false;
    if (t->nattrs > t->out_cap) {
        size_t cap = t->out_cap ? t->out_cap : 16;
        while (cap < t->nattrs) cap *= 2;
        pith_token_attr *na = tk_grow_array(t, t->out_attrs, t->out_cap * sizeof *na, 0, cap * sizeof *na);
        if (!na) return false;
        t->out_attrs = na;
        t->out_cap = cap;
    }
    tk_token_clear(tok, end_tag ? PITH_TOKEN_END_TAG : PITH_TOKEN_START_TAG);
    tok->name.ptr = str_ptr(t, name);
    tok->name.len = name->len;
    tok->tag = pith_tag_lookup(tok->name.ptr, tok->name.len);
    tok->self_closing = self_closing;
    for (size_t i = 0; i < t->nattrs; i++) {
        const tk_attr *a = &t->attrs[i];
        t->out_attrs[i].name.ptr = str_ptr(t, &a->name);
        t->out_attrs[i].name.len = a->name.len;
        t->out_attrs[i].value.ptr = str_ptr(t, &a->value);
        t->out_attrs[i].value.len = a->value.len;
    }
    tok->attrs = t->out_attrs;
    tok->nattrs = t->nattrs;
    /* Every rebuilt name or value is at least one byte of tagbuf (which
     * starts empty for each tag), so an empty tagbuf means none was. */
    tok->attrs_in_input = t->tagbuf.len == 0;
    if (!end_tag) {
        if (name->ptr) {
            t->last_start = name->ptr;
            t->last_start_len = name->len;
        } else {
            pith_tokenizer_set_last_start_tag(t, tok->name.ptr, tok->name.len);
        }
    }
    return !t->oom;
}

/* ---------------------------------------------------------------- the tag */

/* One attribute from its first byte q. Returns the byte after it, or NULL
 * at EOF. */
static const char *read_attr(pith_tokenizer *t, const char *q) {
    const char *end = t->end;
    size_t mark = t->tagbuf.len;
    tk_attr *a = next_attr_slot(t);
    if (!a) return NULL;
    q = read_name(t, q, *q == '=' ? 1 : 0, C_TAGSTOP | C_EQ, &a->name);
    if (q == end) return NULL;
    bool dup = is_dup_linear(t, &a->name);
    a->value = slice("", 0);
    while (q < end && (cls[(unsigned char)*q] & C_WS)) q++;
    if (q < end && *q == '=') {
        q++;
        while (q < end && (cls[(unsigned char)*q] & C_WS)) q++;
        if (q == end) return NULL;
        if (*q == '"' || *q == '\'') q = read_quoted(t, q + 1, *q, &a->value);
        else if (*q != '>') q = read_unquoted(t, q, &a->value);
        if (!q) return NULL;
    }
    if (dup) {
        t->tagbuf.len = mark;
    } else if (++t->nattrs >= 2 * t->attrs_unique && t->nattrs > LINEAR_DUP_LIMIT) {
        /* Deduplicate whenever the count doubles, so "<a x x x x ..." holds
         * one attribute, not millions; amortised O(log n) per attribute. */
        if (!dedupe_many(t)) return NULL;
        t->attrs_unique = t->nattrs;
    }
    return q;
}

bool tk_parse_tag(pith_tokenizer *t, pith_token *tok, const char *name, bool end_tag) {
    const char *end = t->end;
    bool self_closing = false;
    tk_str tname;
    t->tagbuf.len = 0;
    t->nattrs = 0;
    t->attrs_unique = LINEAR_DUP_LIMIT;
    t->name_sigs = 0;
    const char *q = read_name(t, name, 0, C_TAGSTOP, &tname);
    for (;;) {
        while (q < end && (cls[(unsigned char)*q] & C_WS)) q++;
        if (q >= end || t->oom) goto eof;
        if (*q == '>') {
            q++;
            break;
        }
        if (*q == '/') {
            q++;
            if (q == end) goto eof;
            if (*q == '>') {
                self_closing = true;
                q++;
                break;
            }
            continue;
        }
        q = read_attr(t, q);
        if (!q) goto eof;
    }
    t->p = q;
    t->state = PITH_TOK_DATA;
    return emit_tag(t, tok, &tname, end_tag, self_closing);
eof:
    /* EOF inside a tag drops it (13.2.5.8 etc.: "emit an end-of-file token"). */
    t->p = end;
    return false;
}
