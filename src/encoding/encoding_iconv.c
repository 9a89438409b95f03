/*
 * encoding_iconv.c - the multi-byte legacy encodings (Shift_JIS, EUC-JP,
 * ISO-2022-JP, EUC-KR, GBK, gb18030, Big5) through glibc iconv.
 *
 * Why iconv: the WHATWG indexes for these are tens of thousands of entries;
 * glibc already carries them, and pages in these encodings are rare enough
 * that a converter per call is fine. The glibc converter for each WHATWG
 * encoding (encoding_labels.c) is the one whose mapping is closest to the
 * WHATWG decoder: CP932 for Shift_JIS (Windows' extensions, 0x5C is the
 * backslash), CP949 (UHC) for EUC-KR, GB18030 for GBK too, BIG5-HKSCS for
 * Big5, EUC-JP-MS for EUC-JP, ISO-2022-JP-3 for ISO-2022-JP (it accepts
 * the half-width katakana escape WHATWG allows).
 *
 * Errors: iconv stops at an invalid sequence; we write U+FFFD, skip the
 * lead byte (and its trail byte when that is not ASCII, as the WHATWG
 * decoders do: an ASCII trail byte is decoded again on its own), and go on.
 * Nothing assumes iconv left the input pointer on the bad bytes: glibc's
 * UHC converter consumes some unassigned KS X 1001 pairs (e.g. A2 E8)
 * before reporting EILSEQ, so the skip is clamped to what is left.
 * Every round of the loop either consumes input or grows the output towards
 * a fixed bound, so it always ends; output never passes 3 bytes per input
 * byte (+ a constant), which is the most any of these encodings needs.
 */
#include "encoding_internal.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

typedef struct iconv_buf {
    pith_arena *arena;
    char *start;
    size_t cap;    /* usable bytes (one more is kept for the NUL) */
    size_t bound;  /* cap never grows past this */
    char *o;       /* next byte to write */
    size_t left;   /* bytes left after o */
} iconv_buf;

/* Doubles the buffer up to its bound. 0: grown; -1: arena failure;
 * 1: already at the bound. */
static int grow(iconv_buf *b) {
    if (b->cap >= b->bound) return 1;
    size_t used = (size_t)(b->o - b->start);
    size_t cap = b->cap > b->bound / 2 ? b->bound : b->cap * 2;
    char *p = pith_arena_realloc(b->arena, b->start, b->cap + 1, cap + 1);
    if (!p) return -1;
    b->start = p;
    b->cap = cap;
    b->o = p + used;
    b->left = cap - used;
    return 0;
}

/* Writes one code point, growing when needed. false: no room at all. */
static int put_cp(iconv_buf *b, uint32_t cp) {
    while (b->left < 4) {
        int g = grow(b);
        if (g) return g;
    }
    size_t n = pith_utf8_put(b->o, cp);
    b->o += n;
    b->left -= n;
    return 0;
}

/* Is b a lead byte of a two-byte sequence in this encoding? */
static bool is_lead(pith_encid id, unsigned b) {
    switch (id) {
    case PITH_ENCID_SHIFT_JIS: return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
    case PITH_ENCID_EUC_JP: return b == 0x8E || b == 0x8F || (b >= 0xA1 && b <= 0xFE);
    case PITH_ENCID_ISO2022_JP: return false;
    default: return b >= 0x81 && b <= 0xFE; /* GBK, gb18030, Big5, EUC-KR */
    }
}

/* Bytes that are an error wherever they start a sequence, both for the
 * WHATWG decoder and for the glibc converter (0xFF in all of them; 0xA0 and
 * 0xFD-0xFE too in Shift_JIS). ISO-2022-JP is stateful: none. */
static bool never_starts(pith_encid id, unsigned b) {
    if (id == PITH_ENCID_ISO2022_JP) return false;
    if (id == PITH_ENCID_SHIFT_JIS) return b == 0xA0 || b >= 0xFD;
    return b == 0xFF;
}

/* Bytes that are errors in every position for the WHATWG decoder but that
 * glibc maps to C1 controls: EUC-JP's 0x80-0x8D and 0x90-0xA0 (never a lead
 * nor a trail there), Big5's 0x80; 0xFF with them. */
static bool always_error(pith_encid id, unsigned b) {
    if (id == PITH_ENCID_EUC_JP) return (b >= 0x80 && b <= 0x8D) || (b >= 0x90 && b <= 0xA0) || b == 0xFF;
    if (id == PITH_ENCID_BIG5) return b == 0x80 || b == 0xFF;
    return false;
}

static bool has_always_errors(pith_encid id) {
    return id == PITH_ENCID_EUC_JP || id == PITH_ENCID_BIG5;
}

/* Single bytes WHATWG decodes that the glibc converters reject. */
static uint32_t single_byte_fixup(pith_encid id, unsigned b) {
    if ((id == PITH_ENCID_GBK || id == PITH_ENCID_GB18030) && b == 0x80) return 0x20AC;
    if (id == PITH_ENCID_SHIFT_JIS && b == 0x80) return 0x80;
    return 0;
}

/* Bytes to skip after an error at in[0]. */
static size_t error_skip(pith_encid id, const unsigned char *in, size_t left) {
    if (left >= 2 && in[1] >= 0x80 && is_lead(id, in[0])) return 2;
    return 1;
}

/* glibc's UHC sometimes consumes an unassigned pair before reporting
 * EILSEQ, leaving the input pointer on the next, valid sequence. UHC is
 * stateless, so converting just that next sequence tells the cases apart:
 * if it converts, the bad pair is already gone and only the U+FFFD is
 * missing (written before the probe's output). Returns 1 when handled,
 * 0 when the error is at *in after all, 2 when the output is at its bound,
 * -1 on arena failure. */
static int uhc_probe(iconv_t cd, char **in, size_t *inleft, iconv_buf *b, size_t *errors) {
    const unsigned char *u = (const unsigned char *)*in;
    size_t seq = u[0] >= 0x80 && *inleft >= 2 ? 2 : 1;
    char tmp[8];
    char *pi = *in, *po = tmp;
    size_t pl = seq, ol = sizeof tmp;
    if (iconv(cd, &pi, &pl, &po, &ol) == (size_t)-1 || pl != 0) return 0;
    (*errors)++;
    int r = put_cp(b, 0xFFFD);
    if (r) return r < 0 ? -1 : 2;
    size_t n = (size_t)(po - tmp);
    while (b->left < n) {
        int g = grow(b);
        if (g) return g < 0 ? -1 : 2;
    }
    memcpy(b->o, tmp, n);
    b->o += n;
    b->left -= n;
    *in += seq;
    *inleft -= seq;
    return 1;
}

/* iconv is given the input a window at a time, small after an error and
 * doubling while conversion goes well: with a whole-input window, each of
 * many errors would hand iconv (and a sanitizer's range check of it) the
 * entire rest of the input. */
#define WINDOW_MIN ((size_t)256)
#define WINDOW_MAX ((size_t)65536)

/* The conversion loop; returns -1 on arena failure, else 0. */
static int convert(iconv_t cd, pith_encid id, const unsigned char *p, size_t len, iconv_buf *b,
                   size_t *errors) {
    char *in = (char *)(uintptr_t)p; /* iconv's prototype lacks const */
    size_t inleft = len;
    size_t win = WINDOW_MAX;
    while (inleft) {
        size_t w = inleft < win ? inleft : win, wleft;
        if (has_always_errors(id)) {
            /* End the window before a byte glibc would wrongly accept. */
            const unsigned char *u = (const unsigned char *)in;
            size_t f = 0;
            while (f < w && !always_error(id, u[f])) f++;
            if (f == 0) {
                (*errors)++;
                int put = put_cp(b, 0xFFFD);
                if (put < 0) return -1;
                if (put > 0) break;
                in++;
                inleft--;
                continue;
            }
            w = f;
        }
        wleft = w;
        bool last = w == inleft;
        size_t r = iconv(cd, &in, &wleft, &b->o, &b->left);
        int e = errno;
        inleft -= w - wleft;
        if (r != (size_t)-1) {
            if (win < WINDOW_MAX) win *= 2;
            continue;
        }
        if (e == E2BIG) {
            int g = grow(b);
            if (g < 0) return -1;
            if (g > 0) break; /* cannot happen within the bound; stop rather than spin */
            continue;
        }
        /* A sequence cut by the window (not by the input's end): the next
         * window starts on it. Windows are >= 256 bytes, so this progresses;
         * an "incomplete" with no progress at all is treated as an error. */
        if (e == EINVAL && !last && wleft < w) continue;
        if (e != EILSEQ && e != EINVAL) break;
        win = WINDOW_MIN;
        if (!inleft) {
            /* glibc's UHC (EUC-KR) reports some unassigned pairs after
             * consuming them; there is nothing left to skip. */
            (*errors)++;
            if (put_cp(b, 0xFFFD) < 0) return -1;
            break;
        }
        if (e == EILSEQ && id == PITH_ENCID_EUC_KR) {
            int q = uhc_probe(cd, &in, &inleft, b, errors);
            if (q < 0) return -1;
            if (q == 2) break;
            if (q == 1) continue;
        }
        const unsigned char *u = (const unsigned char *)in;
        uint32_t fix = e == EILSEQ ? single_byte_fixup(id, u[0]) : 0;
        size_t skip = fix ? 1 : error_skip(id, u, inleft);
        /* A sequence cut off by the end is one error; but an escape cut off
         * (ESC Z at the end) is an error for the ESC alone, the rest is text. */
        if ((e == EINVAL && last && id != PITH_ENCID_ISO2022_JP) || skip > inleft) skip = inleft;
        if (!fix) (*errors)++;
        int put = put_cp(b, fix ? fix : 0xFFFD);
        if (put < 0) return -1;
        if (put > 0) break;
        in += skip;
        inleft -= skip;
        /* Runs of bytes no sequence can start with (binary data served as
         * text) are replaced here, without one iconv call per byte. */
        while (inleft && never_starts(id, (unsigned char)*in)) {
            (*errors)++;
            put = put_cp(b, 0xFFFD);
            if (put < 0) return -1;
            if (put > 0) return 0;
            in++;
            inleft--;
        }
    }
    /* Flush any shift state (nothing to write when decoding, but cheap). */
    while (iconv(cd, NULL, NULL, &b->o, &b->left) == (size_t)-1 && errno == E2BIG) {
        int g = grow(b);
        if (g < 0) return -1;
        if (g > 0) break;
    }
    return 0;
}

/* glibc's ISO-2022-JP passes escape sequences it does not know (and SO,
 * SI) through as raw control bytes. For the WHATWG decoder ESC, SO and SI
 * are always errors, and the bytes after an unknown ESC are decoded again as
 * text, so replacing each such byte of the output with U+FFFD gives the same
 * result. The copy is rare (only when one occurs); it stays within the 3x
 * bound since each of those bytes came from an input byte. */
static bool replace_shift_controls(pith_arena *a, char **text, size_t *len, size_t *errors) {
    size_t k = 0;
    for (size_t i = 0; i < *len; i++) {
        char c = (*text)[i];
        k += c == 0x1B || c == 0x0E || c == 0x0F;
    }
    if (!k) return true;
    char *t = pith_arena_alloc_bytes(a, *len + 2 * k + 1);
    if (!t) return false;
    size_t o = 0;
    for (size_t i = 0; i < *len; i++) {
        char c = (*text)[i];
        if (c == 0x1B || c == 0x0E || c == 0x0F) o += pith_utf8_put(t + o, 0xFFFD);
        else t[o++] = c;
    }
    *errors += k;
    *text = t;
    *len = o;
    return true;
}

bool pith_decode_iconv(pith_arena *a, const unsigned char *p, size_t len, pith_encid id,
                       pith_dec_out *out) {
    iconv_t cd = iconv_open("UTF-8", pith_enc_descs[id].iconv_name);
    if (cd == (iconv_t)-1) {
        /* No converter (a static build without gconv modules): decode the
         * ASCII-compatible bytes as windows-1252 rather than fail. */
        return pith_decode_sbcs(a, p, len, pith_enc_descs[PITH_ENCID_WINDOWS_1252].sbcs, out);
    }
    if (len > (SIZE_MAX - 64) / 3) {
        iconv_close(cd);
        return false;
    }
    iconv_buf b = {.arena = a, .bound = 3 * len + 16};
    /* CJK text is 2 bytes in, 3 out; markup is 1:1. */
    b.cap = len + len / 2 + 64;
    if (b.cap > b.bound) b.cap = b.bound;
    b.start = pith_arena_alloc_bytes(a, b.cap + 1);
    if (!b.start) {
        iconv_close(cd);
        return false;
    }
    b.o = b.start;
    b.left = b.cap;
    size_t errors = 0;
    int r = convert(cd, id, p, len, &b, &errors);
    iconv_close(cd);
    if (r < 0) return false;
    size_t n = pith_normalize_newlines(b.start, (size_t)(b.o - b.start));
    if (id == PITH_ENCID_ISO2022_JP && !replace_shift_controls(a, &b.start, &n, &errors)) return false;
    b.start[n] = '\0';
    out->text = b.start;
    out->len = n;
    out->replacements += errors;
    return true;
}
