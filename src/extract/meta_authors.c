/*
 * meta_authors.c - bylines into lists of person names, and contributor
 * credits ("Reporting by X; Editing by Y").
 *
 * A byline as pages write it mixes names with everything around them:
 * "By Jane Doe and John Roe, Staff Writers | The Daily Planet | Updated
 * July 14, 2016 10:30 am". Users want ["Jane Doe", "John Roe"]. The steps:
 *   1. cut into segments at strong separators (| • · ; newline, brackets,
 *      spaced dashes and slashes);
 *   2. drop segments that are dates or "Updated/Published ..." stamps, and
 *      cut a trailing date off a segment ("Jane Doe on July 14, 2016");
 *   3. strip "By", "Written by", "Words by", "Author:", and the same word in
 *      the larger news languages;
 *   4. split at commas and conjunctions ("A, B and C", "A & B", "A und B");
 *   5. clean each piece: drop emails and @handles, job titles ("Senior
 *      Reporter", "Staff Writer"), the site and publisher names; reject
 *      pieces with digits or more than five words (sentences, not names);
 *   6. news agencies (Reuters, AP, AFP...) are kept only when they are the
 *      only author: a Reuters story credited to Reuters alone is honestly
 *      "Reuters", but in "Jane Doe, Reuters" the agency is her employer.
 */
#include <string.h>

#include "meta_internal.h"
#include "util/ascii.h"
#include "util/utf8.h"

#define MAX_BYLINE 400   /* longer "bylines" are paragraphs: read only the start */
#define MAX_NAME_WORDS 5
#define MAX_NAME_LEN 64

typedef struct span {
    const char *s;
    size_t n;
} span;

/* Trims white space, NBSP and the punctuation that pages leave around names. */
static span trim(span x) {
    static const char PUNCT[] = " \t\n\r\f,.:;-|/\"'()[]*";
    for (;;) {
        if (x.n && strchr(PUNCT, x.s[0]) && x.s[0]) x.s++, x.n--;
        else if (x.n >= 2 && (unsigned char)x.s[0] == 0xC2 && (unsigned char)x.s[1] == 0xA0) x.s += 2, x.n -= 2;
        else if (x.n >= 3 && (unsigned char)x.s[0] == 0xE2 && (unsigned char)x.s[1] == 0x80 &&
                 ((unsigned char)x.s[2] == 0x94 || (unsigned char)x.s[2] == 0x93 ||
                  (unsigned char)x.s[2] == 0x9C || (unsigned char)x.s[2] == 0x9D))
            x.s += 3, x.n -= 3; /* em/en dash, curly quotes */
        else break;
    }
    for (;;) {
        if (x.n && strchr(PUNCT, x.s[x.n - 1]) && x.s[x.n - 1]) x.n--;
        else if (x.n >= 2 && (unsigned char)x.s[x.n - 2] == 0xC2 && (unsigned char)x.s[x.n - 1] == 0xA0) x.n -= 2;
        else if (x.n >= 3 && (unsigned char)x.s[x.n - 3] == 0xE2 && (unsigned char)x.s[x.n - 2] == 0x80 &&
                 ((unsigned char)x.s[x.n - 1] == 0x94 || (unsigned char)x.s[x.n - 1] == 0x93 ||
                  (unsigned char)x.s[x.n - 1] == 0x9C || (unsigned char)x.s[x.n - 1] == 0x9D))
            x.n -= 3;
        else break;
    }
    return x;
}

static bool word_eq(const char *w, size_t n, const char *lit) {
    size_t k = strlen(lit);
    if (n != k) return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower((unsigned char)w[i]) != lit[i]) return false;
    return true;
}

/* ---------------------------------------------------------------- tables */

/* Leading credit words before the names (lowercase; matched whole-word,
 * longest first). The non-English ones are the word for "by" in the larger
 * news languages; they must be followed by a capitalised word so that a
 * name like "Par Lagerkvist" is not the only thing that made them match. */
static const char *const BY_PREFIXES[] = {
    "written and reported by", "written by", "words by", "story by", "text by", "posted by",
    "reported by", "reporting by", "published by", "article by", "interview by", "compiled by",
    "authors:", "author:", "autor:", "auteur:", "autora:", "by:", "by", "with", "avec", "mit", "con",
    "von", "par", "por", "door", "av", "af", "przez",
};

/* Words that make a comma piece a job title or affiliation, not a name. */
static const char *const TITLE_WORDS[] = {
    "reporter", "reporters", "editor", "editors", "correspondent", "correspondents", "writer",
    "writers", "columnist", "contributor", "contributors", "staff", "producer", "analyst",
    "journalist", "photographer", "photographers", "photos", "photo", "illustrations", "video",
    "senior", "chief", "deputy", "associate", "editorial", "bureau", "director", "professor",
    "president", "ceo", "founder", "intern", "fellow", "anchor", "host", "critic", "team",
    "desk", "newsroom", "special", "contributing", "freelance", "managing", "executive",
};

/* Bylines that name nobody. */
static const char *const NOT_NAMES[] = {
    "by", "staff", "admin", "administrator", "editor", "editors", "anonymous", "guest", "unknown",
    "redaktion", "rédaction", "redacción", "redazione", "newsroom", "web desk", "news desk",
    "staff writer", "staff reporter", "guest author", "guest contributor", "the editors",
};

/* News agencies: credited alone they are the author; beside a person they
 * are an affiliation. */
static const char *const AGENCIES[] = {
    "reuters", "thomson reuters", "ap", "associated press", "the associated press", "afp",
    "agence france-presse", "agence france presse", "bloomberg", "bloomberg news", "pa",
    "pa media", "press association", "dpa", "ansa", "efe", "xinhua", "upi", "kyodo",
    "staff and agencies", "agencies", "wire services", "aap", "cp", "the canadian press",
};

static bool in_table(const char *s, size_t n, const char *const *tab, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (word_eq(s, n, tab[i])) return true;
    return false;
}
#define IN(s, n, tab) in_table((s), (n), (tab), sizeof(tab) / sizeof *(tab))

bool pith_is_agency(const char *s, size_t len) { return IN(s, len, AGENCIES); }

/* ---------------------------------------------------------------- segments */

/* Length of a strong separator at s[i] (0 if none): these never occur
 * inside one person's name. */
static size_t separator_at(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c == '|' || c == ';' || c == '\n' || c == '(' || c == ')' || c == '[' || c == ']') return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xB7) return 2;        /* · */
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xA2 || (unsigned char)s[i + 2] == 0x94))     /* • — */
        return 3;
    /* " - " and " / ": spaced, so "Jean-Luc" and "A/B testing" stay whole. */
    if ((c == '-' || c == '/' || c == 0xE2) && i > 0 && ascii_is_space((unsigned char)s[i - 1])) {
        size_t w = c == 0xE2 ? 3 : 1;
        if (c == 0xE2 && !(i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x93))
            return 0;
        if (i + w < n && ascii_is_space((unsigned char)s[i + w])) return w;
    }
    return 0;
}

/* Credits for other roles inside a byline ("Written by A Edited by B"):
 * the byline's authors end where one begins. */
static const char *const OTHER_ROLES[] = {
    " edited by ", " photos by ", " photographs by ", " photography by ", " illustration by ",
    " illustrations by ", " video by ", " graphics by ", " additional reporting by ", " fact-checked by ",
    " reviewed by ", " translated by ",
};

static span cut_other_roles(span x) {
    for (size_t k = 0; k < sizeof OTHER_ROLES / sizeof *OTHER_ROLES; k++) {
        const char *role = OTHER_ROLES[k];
        if (meta_istarts(x.s, x.n, role + 1)) return (span){x.s, 0};  /* the segment is another role's */
        const char *p = meta_ifind(x.s, x.n, role, strlen(role));
        if (p) x.n = (size_t)(p - x.s);
    }
    return x;
}

/* Segments that are stamps, not names. */
static bool is_stamp(span x) {
    static const char *const STAMPS[] = {"updated", "published", "posted", "last updated", "modified",
                                         "first published", "aktualisiert", "veröffentlicht",
                                         "mis à jour", "publié", "actualizado", "publicado"};
    for (size_t i = 0; i < sizeof STAMPS / sizeof *STAMPS; i++) {
        size_t k = strlen(STAMPS[i]);
        if (x.n >= k && meta_ieq(x.s, k, STAMPS[i], k) && (x.n == k || !ascii_is_alnum((unsigned char)x.s[k])))
            return true;
    }
    return false;
}

/* Strips one leading credit ("By", "Written by"...). */
static span strip_by(span x) {
    for (size_t i = 0; i < sizeof BY_PREFIXES / sizeof *BY_PREFIXES; i++) {
        const char *p = BY_PREFIXES[i];
        size_t k = strlen(p);
        if (x.n <= k || !meta_ieq(x.s, k, p, k)) continue;
        unsigned char next = (unsigned char)x.s[k];
        if (p[k - 1] != ':' && !ascii_is_space(next) && next != ':') continue;
        bool foreign = i >= sizeof BY_PREFIXES / sizeof *BY_PREFIXES - 7;
        span rest = trim((span){x.s + k, x.n - k});
        if (foreign && !(rest.n && rest.s[0] >= 'A' && rest.s[0] <= 'Z')) continue;
        return rest;
    }
    return x;
}

/* Cuts a trailing date ("Jane Doe on July 14, 2016"), a date word in the
 * middle ("Jane Doe 27/09/2018 Comments") or an "Updated ..." stamp, and
 * everything after it: what follows a byline's date is page furniture. */
static span cut_date(span x) {
    static const char *const STAMP_WORDS[] = {" updated ", " published ", " posted ", " last updated "};
    for (size_t k = 0; k < sizeof STAMP_WORDS / sizeof *STAMP_WORDS; k++) {
        const char *p = meta_ifind(x.s, x.n, STAMP_WORDS[k], strlen(STAMP_WORDS[k]));
        if (p) x = trim((span){x.s, (size_t)(p - x.s)});
    }
    for (size_t i = 0; i < x.n; i++) {
        if ((i && !ascii_is_space((unsigned char)x.s[i - 1])) || ascii_is_space((unsigned char)x.s[i])) continue;
        pith_date d;
        if (pith_date_parse_ex(x.s + i, x.n - i, 0, &d)) return trim((span){x.s, i});
        size_t e = i;
        while (e < x.n && !ascii_is_space((unsigned char)x.s[e])) e++;
        if (x.s[i] >= '0' && x.s[i] <= '9' && pith_date_parse_ex(x.s + i, e - i, 0, &d))
            return trim((span){x.s, i});
    }
    return x;
}

/* ---------------------------------------------------------------- names */

typedef struct collect {
    const pith_mstr *exclude;
    size_t n_exclude;
    pith_arena *a;
    pith_strings *out;
    pith_strings *sources;    /* agencies and outlets credited (NULL: dropped) */
    uint32_t max;
    bool ok;
} collect;

/* Words that end an outlet's name ("NBC News", "Florida Today"): in a
 * byline piece they are the outlet beside the person, never the person. */
static const char *const OUTLET_WORDS[] = {
    "news", "times", "post", "press", "media", "magazine", "journal", "today", "network", "radio",
    "tv", "daily", "herald", "tribune", "wire",
};

/* A possessive word ("CNN's", "Fox News'"): the outlet before a name. */
static bool possessive(span w) {
    if (w.n >= 3 && (w.s[w.n - 2] == '\'' ) && (w.s[w.n - 1] == 's' || w.s[w.n - 1] == 'S')) return true;
    if (w.n >= 5 && (unsigned char)w.s[w.n - 4] == 0xE2 && (unsigned char)w.s[w.n - 3] == 0x80 &&
        (unsigned char)w.s[w.n - 2] == 0x99 && (w.s[w.n - 1] == 's' || w.s[w.n - 1] == 'S'))
        return true;
    if (w.n >= 2 && w.s[w.n - 1] == '\'' && (w.s[w.n - 2] == 's' || w.s[w.n - 2] == 'S')) return true;
    return w.n >= 4 && (unsigned char)w.s[w.n - 3] == 0xE2 && (unsigned char)w.s[w.n - 2] == 0x80 &&
           (unsigned char)w.s[w.n - 1] == 0x99 && (w.s[w.n - 4] == 's' || w.s[w.n - 4] == 'S');
}

#define MAX_PIECE_WORDS 16

/* The text from word i to word j (exclusive) as written. */
static span words_span(const span *w, size_t i, size_t j) {
    return (span){w[i].s, (size_t)(w[j - 1].s + w[j - 1].n - w[i].s)};
}

/* "CNN's" -> "CNN", "Fox News'" -> "Fox News" (straight or curly). */
static span no_possessive(span x) {
    if (x.n >= 3 && x.s[x.n - 2] == '\'' && (x.s[x.n - 1] | 32) == 's') return (span){x.s, x.n - 2};
    if (x.n >= 5 && memcmp(x.s + x.n - 4, "\xe2\x80\x99", 3) == 0 && (x.s[x.n - 1] | 32) == 's')
        return (span){x.s, x.n - 4};
    if (x.n >= 2 && x.s[x.n - 1] == '\'') return (span){x.s, x.n - 1};
    if (x.n >= 4 && memcmp(x.s + x.n - 3, "\xe2\x80\x99", 3) == 0) return (span){x.s, x.n - 3};
    return x;
}

/* Starts with a capital (or any non-ASCII letter): a name's word. */
static bool capital(span w) { return w.n && ((w.s[0] >= 'A' && w.s[0] <= 'Z') || (unsigned char)w.s[0] >= 0xC0); }

/* Drops words with '@' (emails, handles), a job title with its desk
 * ("Aerospace Writer Marcia Dunn", "Ben Silverman Games Editor"), an outlet
 * before the name ("CNN's Katia Hetter", "NBC News Ayman Mohyeldin") and one
 * after it ("Kelli Miller WebMD Health News"). Writes the kept words, single
 * spaced, into buf. */
static span clean_words(span x, char *buf, size_t cap, int *nwords, bool *had_title, span *outlet) {
    span w[MAX_PIECE_WORDS];
    size_t n = 0, i = 0;
    *nwords = 0;
    *had_title = false;
    *outlet = (span){NULL, 0};
    buf[0] = 0;
    while (i < x.n) {
        while (i < x.n && ascii_is_space((unsigned char)x.s[i])) i++;
        size_t st = i;
        while (i < x.n && !ascii_is_space((unsigned char)x.s[i])) i++;
        if (i == st) break;
        if (n == MAX_PIECE_WORDS) return (span){buf, 0}; /* a sentence, not a name */
        span word = trim((span){x.s + st, i - st});
        if (!word.n || memchr(word.s, '@', word.n)) continue;
        /* Keep the word's own trailing period ("Jr.", initials "J."). */
        if (word.s + word.n < x.s + x.n && word.s[word.n] == '.') word.n++;
        w[n++] = word;
    }
    size_t from = 0, to = n;
    /* A job title: the name is after it when two words or more follow
     * (the words before it are its desk), else before it (less a desk
     * word when three are left: "Ben Silverman Games"). */
    for (size_t k = 0; k < n; k++) {
        if (!IN(w[k].s, w[k].n, TITLE_WORDS)) continue;
        *had_title = true;
        size_t e = k;
        while (e < n && IN(w[e].s, w[e].n, TITLE_WORDS)) e++;
        if (n - e >= 2 && k - from <= 1 && capital(w[e])) {
            from = e;
            continue;
        }
        to = k;
        if (to - from == 3) to--;
        break;
    }
    /* An outlet before the name: a possessive or an outlet word among the
     * first three, two words or more after it. */
    for (size_t k = from; k < to && k < from + 3; k++)
        if (capital(w[k]) && (possessive(w[k]) || IN(w[k].s, w[k].n, OUTLET_WORDS)) && to - k - 1 >= 2) {
            *outlet = no_possessive(words_span(w, from, k + 1));
            from = k + 1;
        }
    /* An outlet after the name: it ends in an outlet word; the name is the
     * first two words. */
    if (to - from >= 4 && IN(w[to - 1].s, w[to - 1].n, OUTLET_WORDS)) {
        /* "MA WebMD Health News": a credential, then the outlet; nobody. */
        bool caps = w[from].n <= 3;
        for (size_t k = 0; caps && k < w[from].n; k++) caps = !(w[from].s[k] >= 'a' && w[from].s[k] <= 'z');
        *outlet = words_span(w, caps ? from + 1 : from + 2, to);
        to = caps ? from : from + 2;
    }
    size_t o = 0;
    for (size_t k = from; k < to; k++) {
        if (o + w[k].n + 1 >= cap) break;
        if (o) buf[o++] = ' ';
        memcpy(buf + o, w[k].s, w[k].n);
        o += w[k].n;
        (*nwords)++;
    }
    buf[o] = 0;
    return (span){buf, o};
}

/* x without a leading "The ". */
static span no_the(span x) {
    if (x.n > 4 && meta_ieq(x.s, 4, "the ", 4)) return (span){x.s + 4, x.n - 4};
    return x;
}

/* The name is the site or publisher, or one of them is the other plus
 * more words ("CNN Business" for CNN, "Business Insider" for "Business
 * Insider Deutschland"): an organisation, not a person. */
static bool excluded(const collect *c, span x) {
    span a = no_the(x);
    for (size_t i = 0; i < c->n_exclude; i++) {
        if (!c->exclude[i].ptr) continue;
        span b = no_the((span){c->exclude[i].ptr, c->exclude[i].len});
        if (meta_ieq(a.s, a.n, b.s, b.n)) return true;
        span lo = a.n < b.n ? a : b, hi = a.n < b.n ? b : a;
        if (lo.n >= 2 && hi.s[lo.n] == ' ' && meta_ieq(hi.s, lo.n, lo.s, lo.n)) return true;
    }
    return false;
}

bool pith_names_org(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude) {
    collect c = {.exclude = exclude, .n_exclude = n_exclude};
    return s && excluded(&c, (span){s, len});
}

/* Strips a trailing site/publisher or agency name glued to a person's:
 * "Elliot Brownstein Florida Today", "Jill Lawless Associated Press". */
static span strip_org_suffix(const collect *c, span x) {
    for (size_t i = x.n; i-- > 1;) {
        if (x.s[i] != ' ') continue;
        span tail = {x.s + i + 1, x.n - i - 1}, head = trim((span){x.s, i});
        if (!head.n) break;
        bool org = IN(tail.s, tail.n, AGENCIES);
        for (size_t k = 0; !org && k < c->n_exclude; k++)
            if (c->exclude[k].ptr) {
                span b = no_the((span){c->exclude[k].ptr, c->exclude[k].len}), t = no_the(tail);
                org = meta_ieq(t.s, t.n, b.s, b.n);
            }
        if (org) return head;
    }
    return x;
}

/* "NJ.com", "Cleveland.com": a word that is a domain names a site. */
static bool has_domain(span x) {
    static const char *const TLDS[] = {".com", ".org", ".net", ".co.uk", ".info", ".io", ".news", ".de", ".fr"};
    for (size_t k = 0; k < sizeof TLDS / sizeof *TLDS; k++) {
        size_t tl = strlen(TLDS[k]);
        const char *p = meta_ifind(x.s, x.n, TLDS[k], tl);
        if (p && p > x.s && (p + tl == x.s + x.n || p[tl] == ' ')) return true;
    }
    return false;
}

/* "AP Auto Writer", "AFP Paris": an agency desk. */
static bool agency_desk(span x) {
    const char *sp = memchr(x.s, ' ', x.n);
    return sp && IN(x.s, (size_t)(sp - x.s), AGENCIES) && (size_t)(sp - x.s) <= 3;
}

/* An agency or outlet credited: to the sources, unless it is the site or
 * publisher itself. */
static void add_source(collect *c, span x) {
    if (!x.n || !c->sources || excluded(c, x)) return;
    if (!meta_list_add(c->a, c->sources, c->max, x.s, x.n)) c->ok = false;
}

/* "VOA News", "The Texas Tribune", "Clemson News": a short name of
 * capitalised words that ends in an outlet word names an outlet, not a
 * person. */
static bool outlet_name(span x, int nwords) {
    if (nwords < 2 || nwords > 4) return false;
    const char *last = x.s + x.n;
    while (last > x.s && last[-1] != ' ') last--;
    if (!IN(last, (size_t)(x.s + x.n - last), OUTLET_WORDS)) return false;
    for (size_t i = 0; i < x.n; i++)
        if ((i == 0 || x.s[i - 1] == ' ') && !capital((span){x.s + i, x.n - i})) return false;
    return true;
}

static void add_name(collect *c, span x) {
    x = strip_by(trim(x));
    if (!x.n || x.n > 200) return;
    if (IN(x.s, x.n, AGENCIES)) {
        add_source(c, x);
        return;
    }
    char buf[MAX_NAME_LEN + 8];
    int nwords;
    bool had_title;
    span outlet;
    span name = trim(clean_words(x, buf, sizeof buf, &nwords, &had_title, &outlet));
    /* "CNN's Katia Hetter", "Kelli Miller WebMD Health News": the outlet
     * beside the person is credited too. */
    if (outlet.n) add_source(c, trim(outlet));
    if (!name.n || nwords > MAX_NAME_WORDS || name.n > MAX_NAME_LEN) return;
    bool letter = false;
    for (size_t i = 0; i < name.n; i++) {
        unsigned char ch = (unsigned char)name.s[i];
        if (ch >= '0' && ch <= '9') return;  /* dates, counts: not a name */
        if ((ch | 32) >= 'a' && (ch | 32) <= 'z') letter = true;
        if (ch >= 0x80) letter = true;
    }
    if (!letter || IN(name.s, name.n, NOT_NAMES) || has_domain(name)) return;
    /* "MA", "RN": a credential left alone, not a name. */
    if (name.n <= 2) {
        bool caps = true;
        for (size_t i = 0; i < name.n; i++) caps = caps && !(name.s[i] >= 'a' && name.s[i] <= 'z');
        if (caps) return;
    }
    span before = name;
    name = strip_org_suffix(c, name);
    /* "Jill Lawless Associated Press": the agency glued on is credited. */
    if (name.n < before.n) {
        span tail = trim((span){name.s + name.n, before.n - name.n});
        if (IN(tail.s, tail.n, AGENCIES)) add_source(c, tail);
    }
    if (excluded(c, name)) return;
    if (IN(name.s, name.n, AGENCIES) || agency_desk(name)) {
        /* "Reuters Staff", "AP Auto Writer": the agency without the title
         * or desk (name is in buf). */
        if (!IN(name.s, name.n, AGENCIES)) name.n = (size_t)((const char *)memchr(name.s, ' ', name.n) - name.s);
        add_source(c, name);
        return;
    }
    /* "VOA News", "The Texas Tribune": an outlet named as the byline. */
    if (outlet_name(name, nwords)) {
        add_source(c, name);
        return;
    }
    if (!meta_list_add(c->a, c->out, c->max, name.s, name.n)) c->ok = false;
}

/* A conjunction word between names, at s[i] after a space. */
static size_t conjunction_at(const char *s, size_t n, size_t i) {
    static const char *const AND[] = {"and ", "& ", "und ", "et ", "y ", "e ", "og ", "och ", "i ", "en ", "ve ",
                                      "along with ", "with ", "avec ", "mit ", "con "};
    if (i == 0 || !ascii_is_space((unsigned char)s[i - 1])) return 0;
    for (size_t k = 0; k < sizeof AND / sizeof *AND; k++) {
        size_t len = strlen(AND[k]);
        if (i + len <= n && memcmp(s + i, AND[k], len) == 0) return len;
        if (k == 0 && i + len <= n && meta_ieq(s + i, len, "and ", len)) return len;
    }
    return 0;
}

/* Splits "A, B and C" and feeds each piece to add_name. A comma piece that
 * is a job title ("Jane Doe, Senior Reporter") is dropped by add_name. */
/* "Jane Doe, PhD", "Ilana Muhlstein, MS, RDN": a single short or
 * all-capitals word after a comma is a credential or suffix, not a
 * second person. */
static bool credential(span x) {
    x = trim(x);
    if (!x.n || memchr(x.s, ' ', x.n)) return false;
    if (x.n <= 4) return true;
    for (size_t i = 0; i < x.n; i++)
        if (x.s[i] >= 'a' && x.s[i] <= 'z') return false;
    return x.n <= 6;
}

static void split_names(collect *c, span x) {
    size_t start = 0;
    bool after_comma = false;
    for (size_t i = 0; i <= x.n; i++) {
        size_t skip = 0;
        if (i == x.n || x.s[i] == ',') skip = 1;
        else if (x.s[i] == '&' && i > 0 && ascii_is_space((unsigned char)x.s[i - 1])) skip = 1;
        else skip = conjunction_at(x.s, x.n, i);
        if (!skip) continue;
        span piece = {x.s + start, i - start};
        if (!(after_comma && credential(piece))) add_name(c, piece);
        after_comma = i < x.n && x.s[i] == ',';
        start = i + skip;
        i = start - 1;
    }
}


/* A word in lower case other than a conjunction ("defense ministries"):
 * a phrase, not a list of names. */
static bool lower_word(span x) {
    for (size_t i = 1; i < x.n; i++) {
        if (!ascii_is_space((unsigned char)x.s[i - 1]) || !(x.s[i] >= 'a' && x.s[i] <= 'z')) continue;
        if (!conjunction_at(x.s, x.n, i)) return true;
    }
    return false;
}

bool pith_byline_names(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude,
                       pith_arena *a, pith_strings *out, pith_strings *sources, uint32_t max) {
    if (!s || !len) return true;
    len = pith_utf8_cut(s, len, MAX_BYLINE); /* whole characters only */
    collect c = {.exclude = exclude, .n_exclude = n_exclude, .a = a, .out = out, .sources = sources, .max = max,
                 .ok = true};
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        size_t w = i < len ? separator_at(s, len, i) : 1;
        if (!w) continue;
        span seg = trim((span){s + start, i - start});
        start = i + w;
        i = start - 1;
        if (!seg.n || is_stamp(seg)) continue;
        seg = cut_date(strip_by(cut_other_roles(seg)));  /* a whole-date segment cuts to nothing */
        if (!seg.n || excluded(&c, seg)) continue;
        seg = strip_by(seg);
        /* "The Russian and Syrian defense ministries": an organisation's
         * name is one name, its "and" no list of people. */
        if (seg.n > 4 && meta_ieq(seg.s, 4, "the ", 4) && lower_word(seg)) {
            if (!excluded(&c, seg)) add_name(&c, seg);
        } else {
            split_names(&c, seg);
        }
    }
    return c.ok;
}

/* ---------------------------------------------------------------- credits */

/* Credit labels that open a "... by NAMES" clause at the end of wire and
 * newspaper stories. */
#define LABEL(s) {s, sizeof s - 1}
static const struct { const char *s; uint8_t n; } CREDIT_LABELS[] = {
    LABEL("additional reporting by"), LABEL("reporting by"), LABEL("writing by"), LABEL("editing by"),
    LABEL("edited by"), LABEL("compiled by"), LABEL("research by"), LABEL("graphics by"),
    LABEL("reported by"), LABEL("produced by"), LABEL("fact-checking by"),
};
#undef LABEL

/* Length of the credit label starting a word at s[i] ("Editing by"), or 0.
 * Called at every byte of a candidate paragraph: the first letter and the
 * word start rule out nearly all positions before any compare. */
static size_t label_at(const char *s, size_t len, size_t i) {
    int c = ascii_lower(s[i]);
    if (!(c == 'a' || c == 'r' || c == 'w' || c == 'e' || c == 'c' || c == 'g' || c == 'p' || c == 'f')) return 0;
    if (i > 0 && ascii_is_alnum((unsigned char)s[i - 1])) return 0;
    for (size_t k = 0; k < sizeof CREDIT_LABELS / sizeof *CREDIT_LABELS; k++) {
        size_t kl = CREDIT_LABELS[k].n;
        if (CREDIT_LABELS[k].s[0] == c && i + kl < len && meta_ieq(s + i, kl, CREDIT_LABELS[k].s, kl)) return kl;
    }
    return 0;
}

/* Drops " in London" / " from Paris" after a name in a credit. */
static span cut_place(span x) {
    for (size_t i = 0; i + 4 <= x.n; i++) {
        if (x.s[i] == ' ' && (meta_istarts(x.s + i, x.n - i, " in ") || meta_istarts(x.s + i, x.n - i, " from ")))
            return (span){x.s, i};
    }
    return x;
}

static void credit_names(collect *c, span names) {
    /* Cut each comma/and piece at a place before adding it; a one-word
     * piece after a place is more of the place ("in Cape Canaveral,
     * Florida, and ..."). */
    size_t start = 0;
    bool after_place = false;
    for (size_t i = 0; i <= names.n; i++) {
        bool comma = i < names.n && names.s[i] == ',';
        size_t skip = i == names.n || comma ? 1 : conjunction_at(names.s, names.n, i);
        if (!skip) continue;
        span piece = trim((span){names.s + start, i - start}), name = cut_place(piece);
        if (!(after_place && piece.n && !memchr(piece.s, ' ', piece.n))) add_name(c, name);
        if (piece.n) after_place = name.n < piece.n || (after_place && !memchr(piece.s, ' ', piece.n));
        start = i + skip;
        i = start - 1;
    }
}

static const char *const CONTRIBUTED[] = {
    " contributed to this report", " contributed to this article", " contributed to this story",
    " contributed reporting", " contributed research", " also contributed",
};

/* "Some information for this report was provided by AFP and AP.": the
 * organisations after "provided by" in a sentence about the report's
 * information or material are its sources. */
static bool provided_by(collect *c, const char *s, size_t len) {
    const char *p = meta_ifind(s, len, " provided by ", 13);
    if (!p) return false;
    size_t st = (size_t)(p - s);
    while (st > 0 && s[st - 1] != '.' && s[st - 1] != ';' && s[st - 1] != '\n') st--;
    span head = {s + st, (size_t)(p - s) - st};
    if (!meta_ifind(head.s, head.n, "information", 11) && !meta_ifind(head.s, head.n, "material", 8)) return false;
    size_t b = (size_t)(p - s) + 13, e = b;
    while (e < len && s[e] != ';' && s[e] != '\n' && !(s[e] == '.' && (e + 1 == len || s[e + 1] == ' '))) e++;
    span names = trim((span){s + b, e - b});
    size_t from = 0;
    for (size_t i = 0; i <= names.n; i++) {
        size_t skip = i == names.n || names.s[i] == ',' ? 1 : conjunction_at(names.s, names.n, i);
        if (!skip) continue;
        span piece = trim((span){names.s + from, i - from});
        size_t words = piece.n ? 1 : 0;
        for (size_t k = 0; k < piece.n; k++) words += piece.s[k] == ' ';
        if (capital(piece) && words <= MAX_NAME_WORDS && piece.n <= MAX_NAME_LEN) add_source(c, piece);
        from = i + skip;
        i = from - 1;
    }
    return true;
}

bool pith_contributor_credits(const char *s, size_t len, pith_arena *a, pith_strings *out, pith_strings *sources,
                              uint32_t max) {
    if (!s || !len || len > MAX_BYLINE) return false;
    collect c = {.a = a, .out = out, .sources = sources, .max = max, .ok = true};
    bool found = provided_by(&c, s, len);
    bool contributed = meta_ifind(s, len, " contributed", 12) != NULL;
    for (size_t k = 0; contributed && k < sizeof CONTRIBUTED / sizeof *CONTRIBUTED; k++) {
        const char *p = meta_ifind(s, len, CONTRIBUTED[k], strlen(CONTRIBUTED[k]));
        if (!p) continue;
        /* Names run from the sentence start to the phrase. */
        size_t st = (size_t)(p - s);
        while (st > 0 && s[st - 1] != '.' && s[st - 1] != ';' && s[st - 1] != '\n') st--;
        credit_names(&c, trim((span){s + st, (size_t)(p - s) - st}));
        found = true;
        break;
    }
    /* "Reporting by X in Y; Editing by Z" */
    for (size_t i = 0; i < len && !found; i++)
        if (label_at(s, len, i)) found = true;
    if (found && !contributed) {
        size_t i = 0;
        while (i < len) {
            size_t matched = label_at(s, len, i);
            if (!matched) {
                i++;
                continue;
            }
            size_t st = i + matched, e = st;
            while (e < len && s[e] != ';' && s[e] != '|' && s[e] != '\n' && !(s[e] == '.' && e + 1 < len && s[e + 1] == ' ' && e >= 2 && s[e - 2] != ' '))
                e++;
            credit_names(&c, trim((span){s + st, e - st}));
            i = e;
        }
    }
    return found && c.ok;
}

/* ---------------------------------------------------------------- datelines */

/* "WASHINGTON (Reuters) - ...", "CAPE CANAVERAL, Fla. (AP) — ...": the
 * agency or outlet in brackets after a story's dateline, before its dash.
 * The words before the bracket are the dateline (each starts with a
 * capital or a digit); the bracket holds an agency, an outlet ("VOA
 * News") or an acronym ("CNN"). */
bool pith_dateline_source(const char *s, size_t len, pith_arena *a, pith_strings *sources, uint32_t max) {
    if (!s || !len) return true;
    size_t lim = len < 80 ? len : 80, open = 0;
    while (open < lim && s[open] != '(') open++;
    if (open == lim) return true;
    for (size_t i = 0; i < open; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((i == 0 || ascii_is_space((unsigned char)s[i - 1])) && !ascii_is_space(ch) && ch >= 'a' && ch <= 'z') return true;
    }
    size_t close = open + 1;
    while (close < len && close - open <= 40 && s[close] != ')' && s[close] != '(') close++;
    if (close >= len || s[close] != ')') return true;
    span in = trim((span){s + open + 1, close - open - 1});
    size_t j = close + 1;
    while (j < len && (s[j] == ' ' || (j + 1 < len && (unsigned char)s[j] == 0xC2 && (unsigned char)s[j + 1] == 0xA0)))
        j += s[j] == ' ' ? 1 : 2;
    bool dash = j < len && (s[j] == '-' || (j + 2 < len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
                                             ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94)));
    if (!dash || !in.n) return true;
    int words = 1;
    bool acronym = in.n >= 2 && in.n <= 6;
    for (size_t i = 0; i < in.n; i++) {
        if (in.s[i] == ' ') words++;
        if (!(in.s[i] >= 'A' && in.s[i] <= 'Z')) acronym = false;
    }
    if (!IN(in.s, in.n, AGENCIES) && !acronym && !outlet_name(in, words)) return true;
    collect c = {.a = a, .sources = sources, .max = max, .ok = true};
    add_source(&c, in);
    return c.ok;
}
