/*
 * tokenizer_internal.h - state and shared helpers of the HTML tokenizer,
 * private to tokenizer*.c.
 *
 * How the tokenizer is fast: the WHATWG machine is followed state by state,
 * but the states that only copy bytes (data, RCDATA, RAWTEXT, script data,
 * attribute values, comments, CDATA) jump to the next byte that matters
 * with a 16-bytes-at-a-time scan instead of stepping per byte. Text that is
 * a literal slice of the input is returned as a pointer into it; only
 * decoded references, U+FFFD replacements and lowercased names are written
 * to scratch buffers, which grow with the longest token and are reused.
 *
 * A token is returned only where the machine emits a non-character token
 * (or at EOF), so text between two tags comes out as one run. Every state
 * that can be entered between two pulls is a "resting" state below; the
 * many sub-states inside a tag, comment, DOCTYPE or script body live only
 * on the C stack of the function that parses that construct.
 */
#ifndef PITH_HTML_TOKENIZER_INTERNAL_H
#define PITH_HTML_TOKENIZER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* SSE2 is the x86-64 baseline. PITH_SCALAR (cmake -DPITH_SCALAR=ON, and the
 * *_scalar tests, which build the library a second time with it) forces
 * the portable byte-at-a-time scanners that other processors use. */
#if defined(__SSE2__) && !defined(PITH_SCALAR)
#define TK_SSE2 1
#include <emmintrin.h>
#endif

#include "tokenizer.h"
#include "../util/ascii.h"

/* Resting states: the public ones plus "at a '<' that starts markup". */
enum {
    TK_TAG_OPEN = PITH_TOK_CDATA_SECTION + 1
};

/* A growable scratch byte buffer (malloc'ed; freed by destroy). */
typedef struct tk_buf {
    char *data;
    size_t len;
    size_t cap;
} tk_buf;

/* Where an attribute's name and value live while the tag is being read:
 * in the input (ptr) or in tagbuf (offset, since tagbuf may move). */
typedef struct tk_str {
    const char *ptr;   /* NULL: the bytes are tagbuf.data[off..off+len) */
    size_t off;
    size_t len;
} tk_str;

typedef struct tk_attr {
    tk_str name;
    tk_str value;
} tk_attr;

struct pith_tokenizer {
    const char *in;        /* start of the input */
    const char *end;       /* one past its last byte */
    const char *p;         /* next byte to read */
    int state;             /* a PITH_TOK_* state or TK_TAG_OPEN */
    bool cdata_allowed;    /* "<![CDATA[" opens a section (foreign content) */
    bool noscript_stop;    /* RCDATA/RAWTEXT also end at "</noscript" (tokenizer.h) */
    bool oom;              /* a scratch buffer could not grow: only EOF from now on */
    pith_alloc_hooks hooks;  /* the arena's allocator, for the scratch buffers */
    pith_arena *arena;     /* whose budget the scratch bytes count against */
    size_t scratch_bytes;  /* bytes held in the scratch blocks below */

    /* The pending character run: a slice of the input while the run is
     * literal, copied into `text` from the first byte that is not. */
    const char *run;       /* slice start (when !run_in_buf) */
    size_t run_len;        /* slice length (when !run_in_buf) */
    bool run_in_buf;       /* the run is text.data[0..text.len) */
    tk_buf text;

    tk_buf tagbuf;         /* decoded names/values/comment/doctype bytes of one token */
    tk_attr *attrs;        /* attributes of the tag being read */
    size_t nattrs, attrs_cap;
    size_t attrs_unique;   /* attrs[0..attrs_unique) known free of duplicates (many attributes) */
    uint64_t name_sigs;    /* the tag's attribute names read so far, one bit per signature (is_dup_linear) */
    pith_token_attr *out_attrs;   /* resolved copy handed out in the token */
    size_t out_cap;
    uint32_t *dup_table;   /* index scratch for removing duplicates of many attributes */
    size_t dup_alloc;      /* its size in entries */

    /* Last start tag name, for appropriate end tags. Points into the input
     * when the name was a literal slice there, else into last_buf. */
    const char *last_start;
    size_t last_start_len;
    tk_buf last_buf;

};

/* Hot helpers are forced inline: clang otherwise kept read_name and
 * tk_run_slice as calls and lost a sixth of the throughput. */
#if defined(__GNUC__)
#define TK_HOT static inline __attribute__((always_inline))
#else
#define TK_HOT static inline
#endif

/* ---------------------------------------------------------------- bytes */

/* '\r' is white space too: the input may hold it raw (see tokenizer.h),
 * and the '\n' it stands for is white space. */
static inline bool tk_is_ws(unsigned char c) { return ascii_is_space(c); }

/* First byte in [p, end) equal to a, b, c or d, or end. The 16-byte loads
 * stop 16 bytes before end; the bytes after are read one by one, so no
 * read ever passes the buffer's end. */
TK_HOT const char *tk_scan4(const char *p, const char *end, char a, char b, char c, char d) {
#if defined(TK_SSE2)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                 _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
        int bits = _mm_movemask_epi8(m);
        if (bits) return p + __builtin_ctz((unsigned)bits);
        p += 16;
    }
#endif
    while (p < end && *p != a && *p != b && *p != c && *p != d) p++;
    return p;
}

static inline const char *tk_scan3(const char *p, const char *end, char a, char b, char c) {
    return tk_scan4(p, end, a, b, c, c);
}

static inline const char *tk_scan2(const char *p, const char *end, char a, char b) {
    return tk_scan4(p, end, a, b, b, b);
}

/* The byte after a '\r' at q and the '\n' that may follow it: CR LF and a
 * lone CR both read as one '\n' (13.2.3.5, normally done while decoding;
 * clean UTF-8 input is tokenized where it lies, '\r' and all). */
static inline const char *tk_after_cr(const char *q, const char *end) {
    return q + 1 < end && q[1] == '\n' ? q + 2 : q + 1;
}

/* ---------------------------------------------------------------- scratch */

bool tk_buf_grow(pith_tokenizer *t, tk_buf *b, size_t extra);

/* Replaces old (old_cap bytes) by a new_cap-byte block holding its first
 * `keep` bytes. NULL (and t->oom set) on failure or when the arena's byte
 * budget would be exceeded; old is then left intact. */
void *tk_grow_array(pith_tokenizer *t, void *old, size_t old_cap, size_t keep, size_t new_cap);

TK_HOT bool tk_buf_add(pith_tokenizer *t, tk_buf *b, const char *s, size_t n) {
    if (b->cap - b->len < n && !tk_buf_grow(t, b, n)) return false;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

/* Appends `n` bytes of s replacing each NUL with U+FFFD and each CR LF or
 * lone CR with '\n'. */
bool tk_buf_add_nul_fixed(pith_tokenizer *t, tk_buf *b, const char *s, size_t n);

#define TK_FFFD "\xEF\xBF\xBD"

/* ---------------------------------------------------------------- text run */

bool tk_run_to_buf(pith_tokenizer *t);

/* Adds input bytes [a, b) to the pending run. */
TK_HOT bool tk_run_slice(pith_tokenizer *t, const char *a, const char *b) {
    if (a == b) return true;
    if (!t->run_in_buf) {
        if (t->run_len == 0) {
            t->run = a;
            t->run_len = (size_t)(b - a);
            return true;
        }
        if (t->run + t->run_len == a) {
            t->run_len += (size_t)(b - a);
            return true;
        }
        if (!tk_run_to_buf(t)) return false;
    }
    return tk_buf_add(t, &t->text, a, (size_t)(b - a));
}

/* Adds bytes that are not a slice of the input at this place. */
static inline bool tk_run_bytes(pith_tokenizer *t, const char *s, size_t n) {
    if (!t->run_in_buf && !tk_run_to_buf(t)) return false;
    return tk_buf_add(t, &t->text, s, n);
}

static inline bool tk_run_empty(const pith_tokenizer *t) {
    return t->run_in_buf ? t->text.len == 0 : t->run_len == 0;
}

/* Resets every field of a token to empty. Field by field: a memset of the
 * whole struct compiles to `rep stos`, which showed up as a fifth of the
 * time spent per tag. */
static inline void tk_token_clear(pith_token *tok, pith_token_type type) {
    static const pith_slice empty = {"", 0};
    tok->type = type;
    tok->tag = PITH_TAG_UNKNOWN;
    tok->self_closing = false;
    tok->force_quirks = false;
    tok->has_public_id = false;
    tok->has_system_id = false;
    tok->has_name = false;
    tok->attrs_in_input = false;
    tok->name = empty;
    tok->data = empty;
    tok->public_id = empty;
    tok->system_id = empty;
    tok->attrs = NULL;
    tok->nattrs = 0;
}

/* ---------------------------------------------------------------- stages */

/* Character reference at s[0] == '&' (13.2.5.72 on). Returns the bytes
 * consumed and writes the replacement to out (up to 8 bytes, *out_len),
 * or returns 0 when the '&' is literal text. */
size_t tk_charref(const char *s, const char *end, bool in_attr, char *out, size_t *out_len);

/* Parses a start or end tag whose name begins at `name` (an ASCII letter);
 * t->p is the '<'. Returns true with *tok filled, or false when EOF ended
 * the tag (it is dropped) or memory ran out (t->oom). */
bool tk_parse_tag(pith_tokenizer *t, pith_token *tok, const char *name, bool end_tag);

/* "<!" at t->p: comment, DOCTYPE, CDATA section or bogus comment. Returns
 * true with a token, false when the construct produced none (CDATA
 * switches state). */
bool tk_markup_declaration(pith_tokenizer *t, pith_token *tok);

/* Bogus comment whose data starts at s; ends at '>' or EOF. */
bool tk_bogus_comment(pith_tokenizer *t, pith_token *tok, const char *s);

/* Whether the '<' at lt starts an appropriate end tag: "</" + the last
 * start tag name (ASCII case-insensitive) + whitespace, '/' or '>'. That is
 * exactly when the RCDATA/RAWTEXT/script end tag name states would leave
 * text and go on with a tag. */
bool tk_appropriate_end(const pith_tokenizer *t, const char *lt);

#endif
