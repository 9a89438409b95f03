/*
 * meta_title.c - the headline: site decorations removed from <title> and
 * og:title, and the match between an <h1> and the <title>.
 *
 * Titles carry the site as a suffix or prefix ("Headline | The Site",
 * "The Site: Headline"). With the site name known only that exact name (or
 * the host's label, "NYTimes" for nytimes.com) is removed, so a headline
 * that merely contains a dash stays whole. Without it, a short trailing
 * segment after a pipe or dash goes only when what remains is clearly a
 * headline (at least three words against at most three).
 */
#include <string.h>

#include "meta_internal.h"
#include "../encoding/encoding.h"
#include "../util/ascii.h"
#include "../util/slice.h"


/* Separators between headline and site, spaces included. */
static const char *const SEPARATORS[] = {
    " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \xc2\xb7 ", " :: ", " \xc2\xbb ", " / ", " \xe2\x80\xa2 ", " ~ ",
};
#define NSEP (sizeof SEPARATORS / sizeof *SEPARATORS)

static bool is_word_byte(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static size_t count_words(pith_slice x) {
    size_t n = 0;
    for (size_t i = 0; i < x.len; i++)
        if (is_word_byte((unsigned char)x.ptr[i]) && (i == 0 || !is_word_byte((unsigned char)x.ptr[i - 1]))) n++;
    return n;
}

/* x has a letter (any non-ASCII byte counts as one). */
static bool has_letter(pith_slice x) {
    for (size_t i = 0; i < x.len; i++) {
        unsigned char c = (unsigned char)x.ptr[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return true;
    }
    return false;
}

/* a and b spell the same letters and digits, case aside: "Prusa3D" and
 * "Prusa 3D", "Ars-Technica" and "Ars Technica". Non-ASCII bytes count
 * as letters. */
static bool same_letters(pith_slice a, pith_slice b) {
    size_t i = 0, j = 0, n = 0;
    for (;;) {
        while (i < a.len && !is_word_byte((unsigned char)a.ptr[i])) i++;
        while (j < b.len && !is_word_byte((unsigned char)b.ptr[j])) j++;
        if (i == a.len || j == b.len) return i == a.len && j == b.len && n >= 3;
        if (ascii_lower((unsigned char)a.ptr[i]) != ascii_lower((unsigned char)b.ptr[j])) return false;
        i++, j++, n++;
    }
}

/* The capitals of the segment's words spell the label: "Occupational
 * Safety and Health Administration" for osha.gov. Lowercase glue words
 * ("and", "of") have no capital; every other word must start with one. */
static bool initials(pith_slice seg, const char *label, size_t label_len) {
    size_t k = 0, words = 0;
    for (size_t i = 0; i < seg.len; i++) {
        unsigned char c = (unsigned char)seg.ptr[i];
        if (!is_word_byte(c) || (i && is_word_byte((unsigned char)seg.ptr[i - 1]))) continue;
        words++;
        if (c >= 'a' && c <= 'z') {
            size_t e = i;
            while (e < seg.len && is_word_byte((unsigned char)seg.ptr[e])) e++;
            if (e - i > 3) return false; /* a lowercase word that is no glue */
            continue;
        }
        if (c >= 0x80 || k >= label_len || ascii_lower(c) != ascii_lower((unsigned char)label[k])) return false;
        k++;
    }
    return words >= 3 && k == label_len;
}

/* The host's label and what kind of site it is: "Zotero Documentation"
 * for zotero.org, "Docker Docs", "Example Forums" - how wikis, manuals and
 * boards name themselves after their project. */
static bool label_and_kind(pith_slice seg, const char *label, size_t label_len) {
    static const char *const KINDS[] = {"documentation", "docs", "wiki", "forum", "forums", "community",
                                        "blog", "help", "support", "manual"};
    size_t i = 0;
    while (i < seg.len && seg.ptr[i] == ' ') i++;
    if (seg.len - i <= label_len + 1 || !meta_ieq(seg.ptr + i, label_len, label, label_len) || seg.ptr[i + label_len] != ' ')
        return false;
    pith_slice kind = {seg.ptr + i + label_len + 1, seg.len - i - label_len - 1};
    while (kind.len && kind.ptr[kind.len - 1] == ' ') kind.len--;
    for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++)
        if (meta_ieq(kind.ptr, kind.len, KINDS[k], strlen(KINDS[k]))) return true;
    return false;
}

/* The segment equals the site name, or spells the host's first label
 * ("NY Times" ~ "nytimes.com", "BBC News" ~ "bbc.co.uk" is not claimed). */
static bool is_site(pith_slice seg, pith_slice site) {
    if (!site.len) return false;
    if (meta_ieq(seg.ptr, seg.len, site.ptr, site.len) || same_letters(seg, site)) return true;
    /* "The Guardian" vs "Guardian" */
    if (meta_istarts(site.ptr, site.len, "the ") && meta_ieq(seg.ptr, seg.len, site.ptr + 4, site.len - 4)) return true;
    if (meta_istarts(seg.ptr, seg.len, "the ") && meta_ieq(seg.ptr + 4, seg.len - 4, site.ptr, site.len)) return true;
    /* A host ("nytimes.com", "forum.example.net"): one of its labels but
     * the last, letters and digits compared only. */
    const char *dot = memchr(site.ptr, '.', site.len);
    if (!dot || memchr(site.ptr, ' ', site.len)) return false;
    for (size_t from = 0; dot;) {
        size_t label = (size_t)(dot - site.ptr) - from, k = 0;
        bool same = label >= 3;
        for (size_t i = 0; same && i < seg.len; i++) {
            unsigned char c = (unsigned char)seg.ptr[i];
            if (!is_word_byte(c) || c >= 0x80) continue;
            same = k < label && ascii_lower(c) == ascii_lower((unsigned char)site.ptr[from + k]);
            k++;
        }
        if (same && k == label) return true;
        if (label >= 3 && initials(seg, site.ptr + from, label)) return true;
        if (label >= 3 && label_and_kind(seg, site.ptr + from, label)) return true;
        from = (size_t)(dot - site.ptr) + 1;
        dot = memchr(site.ptr + from, '.', site.len - from);
    }
    return false;
}

/* The words of x are "Home" or "Homepage": a site's home page names no page
 * of its own ("Home - The Daily Planet"), the site names it. */
static bool home_word(pith_slice x) {
    static const char *const HOME[] = {"home", "homepage", "home page", "startseite", "accueil", "inicio"};
    while (x.len && x.ptr[x.len - 1] == ' ') x.len--;
    for (size_t k = 0; k < sizeof HOME / sizeof *HOME; k++)
        if (meta_ieq(x.ptr, x.len, HOME[k], strlen(HOME[k]))) return true;
    return false;
}

/* A site known by its host only ("example.com"): a dot and no space. */
static bool is_host(pith_slice site) { return memchr(site.ptr, '.', site.len) && !memchr(site.ptr, ' ', site.len); }

/* A catalogue's product code: an ISBN or an ASIN ("9780735211292",
 * "B0CHX1W1XY"), ten to thirteen letters and digits, digits among them, no
 * lowercase. */
static bool product_code(pith_slice x) {
    size_t digits = 0;
    if (x.len < 10 || x.len > 13) return false;
    for (size_t i = 0; i < x.len; i++) {
        unsigned char c = (unsigned char)x.ptr[i];
        if (c >= '0' && c <= '9') digits++;
        else if (!(c >= 'A' && c <= 'Z')) return false;
    }
    return digits >= 1;
}

/* "Clear, James": an author as a catalogue files them, surname first; two
 * to four capitalised words and one comma. */
static bool filed_name(pith_slice x) {
    const char *comma = memchr(x.ptr, ',', x.len);
    if (!comma || memchr(comma + 1, ',', x.len - (size_t)(comma - x.ptr) - 1)) return false;
    size_t words = 0;
    for (size_t i = 0; i < x.len; i++) {
        unsigned char c = (unsigned char)x.ptr[i];
        if (!is_word_byte(c) || (i && x.ptr[i - 1] != ' ' && x.ptr[i - 1] != ',')) continue;
        if (c >= 'a' && c <= 'z') return false;
        words++;
    }
    return words >= 2 && words <= 4;
}

/* Where x's last ": " starts, or -1. */
static ptrdiff_t last_field(pith_slice x) {
    for (size_t i = x.len; i-- > 0;)
        if (x.ptr[i] == ':' && i + 1 < x.len && x.ptr[i + 1] == ' ') return (ptrdiff_t)i;
    return -1;
}

/* A catalogue's title: "Name: Author: ISBN: Store: Department" (a
 * bookseller's) or "Name: Store: Department": the fields after the name are
 * separated by colons, the store is the site and what follows it is a
 * department of at most three words. The name, or the whole title when the
 * site is not among the fields. */
static pith_slice catalogue_name(pith_slice t, pith_slice st) {
    /* Each colon costs a scan of the title: a hostile one is left whole. */
    if (t.len > 400) return t;
    for (size_t i = 1; i + 2 < t.len; i++) {
        if (t.ptr[i] != ':' || t.ptr[i + 1] != ' ') continue;
        size_t from = i + 2, e = from;
        while (e + 1 < t.len && !(t.ptr[e] == ':' && t.ptr[e + 1] == ' ')) e++;
        if (e + 1 >= t.len) e = t.len;
        pith_slice field = {t.ptr + from, e - from}, rest = {t.ptr + e, t.len - e};
        if (!is_site(field, st) || count_words(rest) > 3) continue;
        pith_slice head = {t.ptr, i};
        /* Then the product code, and the author before it. */
        ptrdiff_t at = last_field(head);
        if (at >= 0 && product_code((pith_slice){head.ptr + at + 2, head.len - (size_t)at - 2})) {
            head.len = (size_t)at;
            at = last_field(head);
            if (at >= 0 && filed_name((pith_slice){head.ptr + at + 2, head.len - (size_t)at - 2})) head.len = (size_t)at;
        }
        while (head.len && head.ptr[head.len - 1] == ' ') head.len--; /* "Headline : Site" */
        return count_words(head) >= 2 ? head : t;
    }
    return t;
}

/* phpBB's "Board • View topic - Topic title" (and "View forum - "): what
 * follows the page kind is the page's name; the rest is the board's. */
static pith_slice forum_page_name(pith_slice t) {
    static const char *const KINDS[] = {"view topic - ", "view forum - "};
    for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++) {
        size_t n = strlen(KINDS[k]);
        const char *p = meta_ifind(t.ptr, t.len, KINDS[k], n);
        if (!p || (p > t.ptr && p[-1] != ' ')) continue;
        size_t at = (size_t)(p - t.ptr) + n;
        if (count_words((pith_slice){t.ptr + at, t.len - at}) >= 1) return (pith_slice){t.ptr + at, t.len - at};
    }
    return t;
}

static pith_slice strip_site(pith_slice t, pith_slice st) {
    /* Suffix: the last separator. */
    for (size_t k = 0; k < NSEP; k++) {
        size_t sl = strlen(SEPARATORS[k]);
        for (size_t i = t.len; i-- > 0;) {
            /* Every separator starts with a space: no call for other bytes. */
            if (t.ptr[i] != ' ' || i + sl > t.len || memcmp(t.ptr + i, SEPARATORS[k], sl) != 0) continue;
            pith_slice head = {t.ptr, i}, tail = {t.ptr + i + sl, t.len - i - sl};
            if (!head.len) break;
            if (is_site(tail, st)) return home_word(head) ? tail : head;
            /* No known site: decoration only if clearly so. Pipes and
             * dashes, short tail, a headline-sized head. */
            if (!st.len && k <= 3 && count_words(tail) <= 3 && count_words(head) >= 3) return head;
            break; /* only the last occurrence of each separator counts */
        }
    }
    /* "Page name [Site]": a wiki's (DokuWiki's) or a journal's. */
    if (t.len > 4 && t.ptr[t.len - 1] == ']') {
        for (size_t i = t.len - 1; i-- > 1;) {
            if (t.ptr[i] != '[') continue;
            pith_slice head = {t.ptr, i}, in = {t.ptr + i + 1, t.len - i - 2};
            if (t.ptr[i - 1] == ' ' && is_site(in, st)) return (pith_slice){head.ptr, head.len - 1};
            break;
        }
    }
    /* Prefix: "Site: Headline", "Site | Headline". */
    if (st.len && t.len > st.len + 2 && meta_ieq(t.ptr, st.len, st.ptr, st.len)) {
        pith_slice rest = {t.ptr + st.len, t.len - st.len}, name = {t.ptr, st.len};
        if (rest.ptr[0] == ':' && rest.ptr[1] == ' ') {
            rest = (pith_slice){rest.ptr + 2, rest.len - 2};
            return home_word(rest) ? name : rest;
        }
        for (size_t k = 0; k < NSEP; k++) {
            size_t sl = strlen(SEPARATORS[k]);
            if (rest.len > sl && memcmp(rest.ptr, SEPARATORS[k], sl) == 0) {
                rest = (pith_slice){rest.ptr + sl, rest.len - sl};
                return home_word(rest) ? name : rest;
            }
        }
        /* "example.com Headline": a blog template puts its host before the
         * headline; a host name is no word of a headline. */
        if (is_host(st) && rest.ptr[0] == ' ' && count_words(rest) >= 1) return (pith_slice){rest.ptr + 1, rest.len - 1};
    }
    return catalogue_name(t, st);
}

pith_mstr pith_title_strip_site(const char *title, size_t len, const char *site, size_t site_len) {
    pith_slice t = {title, len}, st = {site, site ? site_len : 0};
    /* A title that is only "Home": the site's own page, which the site's
     * name names (not its host: "example.com" is no title). */
    if (st.len && !is_host(st) && home_word(t)) return (pith_mstr){st.ptr, (uint32_t)st.len};
    pith_slice r = strip_site(forum_page_name(t), st);
    return (pith_mstr){r.ptr, (uint32_t)r.len};
}

pith_mstr pith_title_host_tail(const char *title, size_t len, const char *host, size_t host_len) {
    pith_slice t = {title, len}, st = {host, host ? host_len : 0};
    for (size_t k = 0; st.len && k < NSEP; k++) {
        const char *sep = meta_ifind(t.ptr, t.len, SEPARATORS[k], strlen(SEPARATORS[k]));
        if (!sep || sep == t.ptr) continue;
        pith_slice head = {t.ptr, (size_t)(sep - t.ptr)};
        size_t at = head.len + strlen(SEPARATORS[k]);
        if (at < t.len && is_site(head, st)) return (pith_mstr){t.ptr + at, (uint32_t)(t.len - at)};
    }
    return (pith_mstr){title, (uint32_t)len};
}

/* Bytes of the character at s[i] when it belongs to a word, else 0:
 * ASCII letters and digits, and non-ASCII letters; not the Latin-1
 * punctuation (U+0080-U+00BF: NBSP, ¶, «), general punctuation (U+2000-
 * U+206F: dashes, quotes) or CJK punctuation (U+3000-U+303F). */
static size_t word_char(pith_slice x, size_t i) {
    unsigned char c = (unsigned char)x.ptr[i];
    if (c < 0x80) return is_word_byte(c) ? 1 : 0;
    if (c < 0xC0) return 0; /* a stray continuation byte */
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + n > x.len) return 0;
    unsigned char c1 = n > 1 ? (unsigned char)x.ptr[i + 1] : 0;
    if (c == 0xC2 || (c == 0xE2 && (c1 == 0x80 || c1 == 0x81)) || (c == 0xE3 && c1 == 0x80)) return 0;
    return n;
}

/* Next word of x at *i. */
static pith_slice next_word(pith_slice x, size_t *i) {
    while (*i < x.len && !word_char(x, *i)) (*i)++;
    size_t st = *i, w;
    while (*i < x.len && (w = word_char(x, *i))) *i += w;
    return (pith_slice){x.ptr + st, *i - st};
}

static bool has_word(pith_slice text, pith_slice w) {
    size_t i = 0;
    for (;;) {
        pith_slice v = next_word(text, &i);
        if (!v.len) return false;
        if (meta_ieq(v.ptr, v.len, w.ptr, w.len)) return true;
    }
}

/* The words of x, at most cap of them (x is at most 400 bytes, so at
 * most 200 words: words are apart). */
static size_t words_of(pith_slice x, pith_slice *out, size_t cap) {
    size_t n = 0, i = 0;
    while (n < cap) {
        pith_slice w = next_word(x, &i);
        if (!w.len) break;
        out[n++] = w;
    }
    return n;
}

static bool in_words(const pith_slice *words, size_t n, pith_slice w) {
    for (size_t k = 0; k < n; k++)
        if (meta_ieq(words[k].ptr, words[k].len, w.ptr, w.len)) return true;
    return false;
}

#define TITLE_MATCH_BYTES 400
#define TITLE_MATCH_WORDS (TITLE_MATCH_BYTES / 2 + 1)

double pith_title_match(const char *h1, size_t h1_len, const char *title, size_t title_len) {
    /* Titles and headlines are short; cap the work for hostile ones. Each
     * side is split into words once: the headline's words are matched
     * against the earlier ones and the title's as arrays, not by splitting
     * the texts again for every word. */
    pith_slice h = {h1, h1_len > TITLE_MATCH_BYTES ? TITLE_MATCH_BYTES : h1_len},
               t = {title, title_len > TITLE_MATCH_BYTES ? TITLE_MATCH_BYTES : title_len};
    pith_slice hw[TITLE_MATCH_WORDS], tw[TITLE_MATCH_WORDS];
    size_t nh = words_of(h, hw, TITLE_MATCH_WORDS), nt = words_of(t, tw, TITLE_MATCH_WORDS);
    size_t total = 0, found = 0;
    for (size_t k = 0; k < nh; k++) {
        /* Each distinct word once: "Evolve ... evolve" is one word. */
        if (in_words(hw, k, hw[k])) continue;
        total++;
        found += in_words(tw, nt, hw[k]);
    }
    return total ? (double)found / (double)total : 0.0;
}

bool pith_title_same_words(const char *a, size_t a_len, const char *b, size_t b_len) {
    pith_slice x = {a, a_len}, y = {b, b_len};
    size_t i = 0, j = 0;
    for (;;) {
        pith_slice v = next_word(x, &i), w = next_word(y, &j);
        if (!v.len || !w.len) return !v.len && !w.len;
        if (!meta_ieq(v.ptr, v.len, w.ptr, w.len)) return false;
    }
}

/* Length of separator k when it starts at t[i] (spaces included), else 0. */
static size_t separator_at(pith_slice t, size_t i, size_t k) {
    size_t sl = strlen(SEPARATORS[k]);
    return t.ptr[i] == ' ' && i + sl <= t.len && memcmp(t.ptr + i, SEPARATORS[k], sl) == 0 ? sl : 0;
}

/* Separators (spaces included) in x. */
static size_t separators(pith_slice x) {
    size_t n = 0;
    for (size_t i = 1; i < x.len; i++)
        for (size_t k = 0; k < NSEP; k++)
            if (separator_at(x, i, k)) n++;
    return n;
}

/* part is a middle part of t, after sections of one word each and
 * before more: "Air Purifiers" of "Products - Air Purifiers - Clorox
 * Appliances", a question of "python - Why is X bad? - Stack Overflow". The
 * parts before it are a breadcrumb, those after it the site's. */
static bool middle_part(pith_slice part, pith_slice t) {
    size_t from = 0;
    for (size_t i = 1; i < t.len; i++)
        for (size_t k = 0; k < NSEP; k++) {
            size_t sl = separator_at(t, i, k);
            if (!sl) continue;
            if (from && pith_title_same_words(part.ptr, part.len, t.ptr + from, i - from)) return true;
            if (count_words((pith_slice){t.ptr + from, i - from}) > 1) return false;
            from = i + sl;
            break;
        }
    return false;
}

bool pith_title_part_of(const char *part, size_t part_len, const char *title, size_t title_len, bool tail) {
    /* Titles are short; a hostile one costs no more than its first bytes. */
    pith_slice t = {title, title_len > 400 ? 400 : title_len}, p = {part, part_len > 400 ? 400 : part_len};
    for (size_t i = 1; i < t.len; i++)
        for (size_t k = 0; k < NSEP; k++) {
            size_t sl = separator_at(t, i, k);
            if (!sl) continue;
            if (tail ? pith_title_same_words(part, part_len, t.ptr + i + sl, t.len - i - sl)
                     : pith_title_same_words(part, part_len, t.ptr, i)) {
                /* The part's words, but a separator of the title's part is
                 * a space in it: "Tips/Techniques ProxMox or Ubuntu?" for
                 * "Tips/Techniques - ProxMox or Ubuntu? | Forum". The text
                 * runs a label (a forum thread's prefix, a kicker) into the
                 * headline; the title keeps them apart, and is the one to
                 * trust. */
                if (!tail && separators(p) < separators((pith_slice){t.ptr, i})) return false;
                return true;
            }
        }
    return !tail && count_words(p) >= 1 && middle_part(p, t);
}

pith_mstr pith_title_first_part(const char *title, size_t len) {
    pith_slice t = {title, len > 400 ? 400 : len};
    for (size_t i = 1; i < t.len; i++)
        for (size_t k = 0; k < NSEP; k++) {
            size_t sl = separator_at(t, i, k);
            if (!sl) continue;
            pith_slice head = {t.ptr, i}, next = {t.ptr + i + sl, 0};
            /* The part after it, up to the next separator. */
            for (size_t j = i + sl; j < t.len && !next.len; j++)
                for (size_t m = 0; m < NSEP && !next.len; m++)
                    if (separator_at(t, j, m)) next.len = j - (i + sl);
            if (!next.len) next.len = t.len - (i + sl);
            while (next.len && next.ptr[next.len - 1] == ' ') next.len--;
            /* Not a tagline but the name going on: a range of numbers
             * ("Squad 2024 - 2025", not "Staple Tee / 5001") or a question
             * ("New to Astronomy - Best First Telescope?"): a tagline tells,
             * it does not ask. */
            bool range = !has_letter(next) && t.ptr[i - 1] >= '0' && t.ptr[i - 1] <= '9';
            bool goes_on = range || (next.len && next.ptr[next.len - 1] == '?');
            return count_words(head) >= 2 && !goes_on ? (pith_mstr){title, (uint32_t)i} : (pith_mstr){title, (uint32_t)len};
        }
    return (pith_mstr){title, (uint32_t)len};
}

size_t pith_title_trim_anchor(const char *s, size_t len) {
    for (;;) {
        while (len && (s[len - 1] == ' ' || s[len - 1] == '#')) len--;
        if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && (unsigned char)s[len - 1] == 0xB6) { /* ¶ */
            len -= 2;
            continue;
        }
        return len;
    }
}

bool pith_title_names(const char *name, size_t name_len, const char *title, size_t title_len) {
    pith_slice t = {title, title_len > 400 ? 400 : title_len};
    if (!name_len) return false;
    for (size_t i = 1; i + 1 < t.len; i++) {
        /* "Hiking Boots: Shop Boots for Hiking", "Video Games : Target". */
        if (t.ptr[i] == ':' && t.ptr[i + 1] == ' ' && pith_title_same_words(name, name_len, t.ptr, i)) return true;
        if (t.ptr[i] != ' ') continue;
        /* "Air Fryer Recipes Archives - Site": WordPress names an archive
         * page so; the words before "Archives" are its name. */
        size_t j = i + 1;
        pith_slice w = next_word(t, &j);
        if (w.len == 8 && meta_ieq(w.ptr, 8, "archives", 8) && pith_title_same_words(name, name_len, t.ptr, i)) {
            size_t k = j;
            while (k < t.len && t.ptr[k] == ' ') k++;
            if (k == t.len) return true;
            for (size_t s = 0; s < NSEP; s++)
                if (j + strlen(SEPARATORS[s]) <= t.len && memcmp(t.ptr + j, SEPARATORS[s], strlen(SEPARATORS[s])) == 0)
                    return true;
        }
    }
    return false;
}

pith_mstr pith_title_pipe_head(const char *title, size_t len) {
    pith_slice t = {title, len > 400 ? 400 : len};
    for (size_t i = 1; i + 3 <= t.len; i++) {
        if (memcmp(t.ptr + i, " | ", 3) != 0) continue;
        pith_slice head = {t.ptr, i}, tail = {t.ptr + i + 3, t.len - i - 3};
        if (count_words(head) >= 2 && count_words(tail) >= 2) return (pith_mstr){title, (uint32_t)i};
        break;
    }
    return (pith_mstr){title, (uint32_t)len};
}

/* The tail of a title is a decoration: see pith_title_cut_tail. */
static bool decoration(pith_slice t) {
    static const char *const GLUE[] = {"and", "of", "for", "the", "with"};
    static const char *const MONTHS[] = {"january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december"};
    while (t.len && t.ptr[t.len - 1] == ' ') t.len--;
    if (!t.len || t.ptr[t.len - 1] == '!' || t.ptr[t.len - 1] == '?') return false;
    /* No letter: numbers end a range ("Squad 2024 - 2025", "Part 1 - 2"),
     * never a site's or section's name. */
    if (!has_letter(t)) return false;
    pith_slice w[3];
    size_t n = 0;
    for (size_t i = 0; i < t.len;) {
        while (i < t.len && t.ptr[i] == ' ') i++;
        size_t st = i;
        while (i < t.len && t.ptr[i] != ' ') i++;
        if (i == st) break;
        pith_slice x = {t.ptr + st, i - st};
        bool glue = false;
        for (size_t k = 0; k < sizeof GLUE / sizeof *GLUE; k++) glue = glue || meta_ieq(x.ptr, x.len, GLUE[k], strlen(GLUE[k]));
        if (x.ptr[0] >= 'a' && x.ptr[0] <= 'z' && !glue) return false;
        if (n < 3) w[n] = x;
        n++;
    }
    /* "March 2026": the edition's date, part of the headline. */
    if (n == 2 && w[1].len == 4 && w[1].ptr[0] >= '0' && w[1].ptr[0] <= '9')
        for (size_t k = 0; k < sizeof MONTHS / sizeof *MONTHS; k++)
            if (meta_ieq(w[0].ptr, w[0].len, MONTHS[k], strlen(MONTHS[k]))) return false;
    return true;
}

pith_mstr pith_title_cut_tail(const char *title, size_t len) {
    pith_slice t = {title, len > 400 ? 400 : len};
    /* The separators in the order sites use them for decorations; the
     * last occurrence of the first one present decides. */
    for (size_t k = 0; k < 4; k++) {
        size_t sl = strlen(SEPARATORS[k]);
        for (size_t i = t.len; i-- > 1;) {
            /* Every separator starts with a space: no call for other bytes. */
            if (t.ptr[i] != ' ' || i + sl > t.len || memcmp(t.ptr + i, SEPARATORS[k], sl) != 0) continue;
            pith_slice head = {t.ptr, i}, tail = {t.ptr + i + sl, t.len - i - sl};
            size_t tw = count_words(tail);
            /* One word after a pipe may be the section the title names
             * ("... Covered | Code"); "- The Bountiful Update" is a subtitle. */
            bool subtitle = meta_istarts(tail.ptr, tail.len, "the ") || meta_istarts(tail.ptr, tail.len, "a ");
            if (tw <= 3 && !(k == 0 && tw == 1) && !subtitle && count_words(head) >= 3 && decoration(tail))
                return (pith_mstr){title, (uint32_t)i};
            return (pith_mstr){title, (uint32_t)len};
        }
    }
    return (pith_mstr){title, (uint32_t)len};
}

/* Every word of a but "and", "the", "a", "of", "for" is in b. */
static bool words_in(pith_slice a, pith_slice b) {
    static const char *const GLUE[] = {"and", "the", "a", "of", "for"};
    size_t i = 0, n = 0;
    for (;;) {
        pith_slice w = next_word(a, &i);
        if (!w.len) return n > 0;
        bool glue = false;
        for (size_t k = 0; k < sizeof GLUE / sizeof *GLUE; k++) glue = glue || meta_ieq(w.ptr, w.len, GLUE[k], strlen(GLUE[k]));
        if (glue) continue;
        if (!has_word(b, w)) return false;
        n++;
    }
}

bool pith_title_same_word_set(const char *a, size_t a_len, const char *b, size_t b_len) {
    pith_slice x = {a, a_len > 400 ? 400 : a_len}, y = {b, b_len > 400 ? 400 : b_len};
    return words_in(x, y) && words_in(y, x);
}

size_t pith_title_unmangle(const char *s, size_t len, char *out) {
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0;
    bool control = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        if (c < 0x80) {
            out[n++] = (char)c, i++;
            continue;
        }
        /* Only U+0080-U+00FF, two bytes each: a character beyond them was
         * decoded right. */
        if ((c != 0xC2 && c != 0xC3) || i + 1 >= len || (u[i + 1] & 0xC0) != 0x80) return 0;
        unsigned char b = (unsigned char)(((c & 0x03) << 6) | (u[i + 1] & 0x3F));
        control = control || (b >= 0x80 && b < 0xA0);
        out[n++] = (char)b, i += 2;
    }
    return control && pith_utf8_valid(out, n) ? n : 0;
}

size_t pith_title_words(const char *s, size_t len) { return count_words((pith_slice){s, len > 400 ? 400 : len}); }
