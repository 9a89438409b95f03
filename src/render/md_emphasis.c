/*
 * md_emphasis.c - keeping "*" marks that read as emphasis, tags for the
 * rest (see md_emphasis.h).
 */
#include "render/md_emphasis.h"

#include <string.h>

/* What a character may count as, as a set: a non-ASCII character that is
 * not white space may be a letter or punctuation. */
enum { CL_SPACE = 1, CL_PUNCT = 2, CL_WORD = 4 };

bool md_unicode_space(uint32_t c) {
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Characters outside ASCII whose class is certain, so that marks next to
 * them need no tags: Unicode punctuation (categories P*, which CommonMark
 * counts as punctuation) and letters, marks and digits (never punctuation).
 * Symbols (S*) are left out on purpose: CommonMark 0.31 counts them as
 * punctuation, 0.30 does not. Anything not listed may be either. Sorted. */
static const struct {
    uint16_t lo, hi;
    uint8_t cls;
} known[] = {
    {0x00A1, 0x00A1, CL_PUNCT}, /* inverted exclamation mark (Po) */
    {0x00A7, 0x00A7, CL_PUNCT}, /* section sign (Po) */
    {0x00AA, 0x00AA, CL_WORD},  /* feminine ordinal (Lo) */
    {0x00AB, 0x00AB, CL_PUNCT}, /* left guillemet (Pi): French quotes */
    {0x00B2, 0x00B3, CL_WORD},  /* superscript two, three (No) */
    {0x00B5, 0x00B5, CL_WORD},  /* micro sign (Ll) */
    {0x00B6, 0x00B7, CL_PUNCT}, /* pilcrow, middle dot (Po) */
    {0x00B9, 0x00BA, CL_WORD},  /* superscript one (No), masculine ordinal (Lo) */
    {0x00BB, 0x00BB, CL_PUNCT}, /* right guillemet (Pf) */
    {0x00BC, 0x00BE, CL_WORD},  /* vulgar fractions (No) */
    {0x00BF, 0x00BF, CL_PUNCT}, /* inverted question mark (Po) */
    {0x00C0, 0x00D6, CL_WORD},  /* Latin-1 letters (L) */
    {0x00D8, 0x00F6, CL_WORD},  /* ... after the multiplication sign (Sm) */
    {0x00F8, 0x02AF, CL_WORD},  /* ... after the division sign: Latin Extended, IPA (L) */
    {0x0300, 0x036F, CL_WORD},  /* combining diacritical marks (Mn) */
    {0x0386, 0x0386, CL_WORD},  /* Greek letters (L), around the ano teleia (0387, Po) */
    {0x0388, 0x038A, CL_WORD},
    {0x038C, 0x038C, CL_WORD},
    {0x038E, 0x03A1, CL_WORD},
    {0x03A3, 0x03F5, CL_WORD},
    {0x03F7, 0x0481, CL_WORD},  /* Greek and Cyrillic letters (L) */
    {0x0483, 0x052F, CL_WORD},  /* Cyrillic combining marks (Mn/Me) and letters (L) */
    {0x05D0, 0x05EA, CL_WORD},  /* Hebrew letters (Lo) */
    {0x0620, 0x064A, CL_WORD},  /* Arabic letters (Lo) */
    {0x0660, 0x0669, CL_WORD},  /* Arabic-Indic digits (Nd) */
    {0x2010, 0x2027, CL_PUNCT}, /* dashes, curly quotes, daggers, bullet, ellipsis (Pd/Pi/Pf/Ps/Po) */
    {0x2030, 0x2043, CL_PUNCT}, /* per mille ... hyphen bullet (Po/Pi/Pf/Pc); 2044 is Sm */
    {0x2045, 0x2051, CL_PUNCT}, /* brackets with quill ... (Ps/Pe/Po); 2052 is Sm */
    {0x2053, 0x205E, CL_PUNCT}, /* swung dash ... (Po/Pc) */
    {0x3001, 0x3003, CL_PUNCT}, /* ideographic comma, full stop, ditto (Po) */
    {0x3008, 0x3011, CL_PUNCT}, /* CJK angle and corner brackets (Ps/Pe) */
    {0x3014, 0x301F, CL_PUNCT}, /* CJK tortoise-shell brackets, wave dash, quotes (Ps/Pe/Pd) */
    {0x3041, 0x3096, CL_WORD},  /* Hiragana (Lo) */
    {0x30A1, 0x30FA, CL_WORD},  /* Katakana (Lo) */
    {0x30FB, 0x30FB, CL_PUNCT}, /* Katakana middle dot (Po) */
    {0x3400, 0x4DBF, CL_WORD},  /* CJK ideographs, extension A (Lo) */
    {0x4E00, 0x9FFF, CL_WORD},  /* CJK ideographs (Lo) */
    {0xAC00, 0xD7A3, CL_WORD},  /* Hangul syllables (Lo) */
    {0xFF01, 0xFF03, CL_PUNCT}, /* fullwidth ! " # (Po); FF04 $ is Sc */
    {0xFF05, 0xFF0A, CL_PUNCT}, /* fullwidth % & ' ( ) * (Po/Ps/Pe); FF0B + is Sm */
    {0xFF0C, 0xFF0F, CL_PUNCT}, /* fullwidth , - . / (Po/Pd) */
    {0xFF10, 0xFF19, CL_WORD},  /* fullwidth digits (Nd) */
    {0xFF1A, 0xFF1B, CL_PUNCT}, /* fullwidth : ; (Po); FF1C-FF1E are Sm */
    {0xFF1F, 0xFF20, CL_PUNCT}, /* fullwidth ? @ (Po) */
    {0xFF21, 0xFF3A, CL_WORD},  /* fullwidth A-Z (Lu) */
    {0xFF3B, 0xFF3D, CL_PUNCT}, /* fullwidth [ \ ] (Ps/Po/Pe); FF3E ^ is Sk */
    {0xFF3F, 0xFF3F, CL_PUNCT}, /* fullwidth low line (Pc) */
    {0xFF41, 0xFF5A, CL_WORD},  /* fullwidth a-z (Ll) */
    {0xFF5B, 0xFF5B, CL_PUNCT}, /* fullwidth { (Ps); FF5C | is Sm */
    {0xFF5D, 0xFF5D, CL_PUNCT}, /* fullwidth } (Pe) */
    {0xFF5F, 0xFF65, CL_PUNCT}, /* fullwidth white parentheses, halfwidth CJK punctuation (Ps/Pe/Po) */
};

static unsigned unicode_class(uint32_t c) {
    if (md_unicode_space(c)) return CL_SPACE;
    size_t lo = 0, hi = sizeof known / sizeof known[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < known[mid].lo) hi = mid;
        else if (c > known[mid].hi) lo = mid + 1;
        else return known[mid].cls;
    }
    return CL_PUNCT | CL_WORD;
}

static unsigned ascii_class(unsigned char c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return CL_SPACE;
    if ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~'))
        return CL_PUNCT;
    return CL_WORD;
}

/* The class of the character starting at p (n bytes left). */
static unsigned class_at(const unsigned char *p, size_t n) {
    if (p[0] < 0x80) return ascii_class(p[0]);
    uint32_t c = 0;
    if (p[0] >= 0xC2 && p[0] <= 0xDF && n >= 2) c = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    else if (p[0] >= 0xE0 && p[0] <= 0xEF && n >= 3)
        c = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    return c >= 0x80 ? unicode_class(c) : CL_PUNCT | CL_WORD; /* 4-byte or invalid: either */
}

/* The class of the character before offset off (white space at the start). */
static unsigned class_before(const pith_buf *out, size_t off) {
    if (off == 0) return CL_SPACE;
    const unsigned char *d = (const unsigned char *)out->data;
    size_t k = off - 1;
    while (k > 0 && off - k < 4 && (d[k] & 0xC0) == 0x80) k--;
    return class_at(d + k, off - k);
}

static unsigned class_after(const pith_buf *out, size_t end) {
    if (end >= out->len) return CL_SPACE; /* end of the block: end of a line */
    return class_at((const unsigned char *)out->data + end, out->len - end);
}

/* CommonMark's flanking rules, for one class of character on each side. */
static bool left_flanking(unsigned prev, unsigned next) {
    return next != CL_SPACE && (next != CL_PUNCT || prev == CL_SPACE || prev == CL_PUNCT);
}

static bool right_flanking(unsigned prev, unsigned next) {
    return prev != CL_SPACE && (prev != CL_PUNCT || next == CL_SPACE || next == CL_PUNCT);
}

/* True when a run between prev and next is left-flanking and not
 * right-flanking (opening) - or the mirror (closing) - whatever each
 * possible class of its neighbours. */
static bool reads_one_way(unsigned prev, unsigned next, bool opening) {
    for (unsigned p = 1; p <= CL_WORD; p <<= 1) {
        if (!(prev & p)) continue;
        for (unsigned q = 1; q <= CL_WORD; q <<= 1) {
            if (!(next & q)) continue;
            bool l = left_flanking(p, q), r = right_flanking(p, q);
            if (opening ? !l || r : !r || l) return false;
        }
    }
    return true;
}

static size_t mark_len(const md_mark *m) { return m->strong ? 2 : 1; }

/* Flags in bad[] the pairs with a mark in a run that would not read as
 * intended; returns how many were newly flagged. */
static size_t find_bad(const pith_buf *out, const md_mark *marks, size_t n, bool *bad) {
    size_t flagged = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1, end = marks[i].off + mark_len(&marks[i]);
        bool opens = marks[i].open, closes = !marks[i].open;
        for (; j < n && marks[j].off == end; j++) {
            end += mark_len(&marks[j]);
            opens = opens || marks[j].open;
            closes = closes || !marks[j].open;
        }
        bool ok;
        if (opens && closes) ok = false;
        else ok = reads_one_way(class_before(out, marks[i].off), class_after(out, end), opens);
        for (size_t k = i; !ok && k < j; k++) {
            /* A mixed run: the opening marks give way, the closing ones stay. */
            if (opens && closes && !marks[k].open) continue;
            if (!bad[marks[k].pair]) flagged++;
            bad[marks[k].pair] = true;
        }
        i = j;
    }
    return flagged;
}

/* Rewrites out[seg..) with the bad pairs' marks as tags; drops those marks
 * from the list and moves the others to their new offsets. Returns the
 * number of marks left. */
static size_t rewrite(pith_buf *out, size_t seg, md_mark *marks, size_t n, const bool *bad, pith_buf *scratch) {
    pith_buf_clear(scratch);
    pith_buf_append(scratch, out->data + seg, out->len - seg);
    if (scratch->failed) {
        out->failed = true;
        return 0;
    }
    out->len = seg;
    size_t from = 0, kept = 0;
    for (size_t i = 0; i < n; i++) {
        md_mark m = marks[i];
        size_t at = m.off - seg;
        pith_buf_append(out, scratch->data + from, at - from);
        from = at + mark_len(&m);
        if (bad[m.pair]) {
            pith_buf_puts(out, m.open ? (m.strong ? "<strong>" : "<em>") : (m.strong ? "</strong>" : "</em>"));
            continue;
        }
        m.off = out->len;
        pith_buf_append(out, m.strong ? "**" : "*", mark_len(&m));
        marks[kept++] = m;
    }
    pith_buf_append(out, scratch->data + from, scratch->len - from);
    return kept;
}

/* Rounds of checking before every remaining pair becomes tags. */
#define MD_SETTLE_ROUNDS 4

void md_emphasis_init(md_emphasis *e, const pith_alloc_hooks *hooks) {
    pith_buf_init(&e->marks, hooks, 0);
    pith_buf_init(&e->bad, hooks, 0);
    pith_buf_init(&e->copy, hooks, 0);
    e->npairs = 0;
}

void md_emphasis_free(md_emphasis *e) {
    pith_buf_free(&e->marks);
    pith_buf_free(&e->bad);
    pith_buf_free(&e->copy);
}

void md_emphasis_begin(md_emphasis *e) {
    pith_buf_clear(&e->marks);
    e->npairs = 0;
}

uint32_t md_emphasis_pair(md_emphasis *e) { return e->npairs++; }

void md_emphasis_mark(md_emphasis *e, size_t off, uint32_t pair, bool open, bool strong) {
    md_mark m = {off, pair, open, strong};
    pith_buf_append(&e->marks, (const char *)&m, sizeof m);
}

void md_emphasis_settle(md_emphasis *e, pith_buf *out, size_t seg) {
    size_t n = e->marks.len / sizeof(md_mark);
    if (!n || out->failed) return;
    pith_buf_clear(&e->bad);
    if (e->marks.failed || !pith_buf_reserve(&e->bad, e->npairs)) {
        out->failed = true;
        return;
    }
    md_mark *marks = (md_mark *)(void *)e->marks.data;
    bool *bad = (bool *)(void *)e->bad.data;
    memset(bad, 0, e->npairs);
    for (int round = 0; n && !out->failed; round++) {
        if (round == MD_SETTLE_ROUNDS) memset(bad, 1, e->npairs);
        else if (!find_bad(out, marks, n, bad)) break;
        n = rewrite(out, seg, marks, n, bad, &e->copy);
        if (round == MD_SETTLE_ROUNDS) break;
    }
}
