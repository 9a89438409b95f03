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
#include "util/slice.h"
#include "util/utf8.h"

#define MAX_BYLINE 400   /* longer "bylines" are paragraphs: read only the start */
#define MAX_NAME_WORDS 5
#define MAX_NAME_LEN 64


/* Trims white space, NBSP and the punctuation that pages leave around names. */
static pith_slice trim(pith_slice x) {
    static const char PUNCT[] = " \t\n\r\f,.:;-|/\"'()[]*&";
    for (;;) {
        if (x.len && strchr(PUNCT, x.ptr[0]) && x.ptr[0]) x.ptr++, x.len--;
        else if (x.len >= 2 && (unsigned char)x.ptr[0] == 0xC2 &&
                 ((unsigned char)x.ptr[1] == 0xA0 || (unsigned char)x.ptr[1] == 0xAB || (unsigned char)x.ptr[1] == 0xBB))
            x.ptr += 2, x.len -= 2; /* NBSP, guillemets */
        else if (x.len >= 3 && (unsigned char)x.ptr[0] == 0xE2 && (unsigned char)x.ptr[1] == 0x80 &&
                 ((unsigned char)x.ptr[2] == 0x94 || (unsigned char)x.ptr[2] == 0x93 ||
                  (unsigned char)x.ptr[2] == 0x9C || (unsigned char)x.ptr[2] == 0x9D ||
                  (unsigned char)x.ptr[2] == 0xB9 || (unsigned char)x.ptr[2] == 0xBA))
            x.ptr += 3, x.len -= 3; /* em/en dash, curly quotes, single guillemets */
        else break;
    }
    for (;;) {
        if (x.len && strchr(PUNCT, x.ptr[x.len - 1]) && x.ptr[x.len - 1]) x.len--;
        else if (x.len >= 2 && (unsigned char)x.ptr[x.len - 2] == 0xC2 &&
                 ((unsigned char)x.ptr[x.len - 1] == 0xA0 || (unsigned char)x.ptr[x.len - 1] == 0xAB ||
                  (unsigned char)x.ptr[x.len - 1] == 0xBB))
            x.len -= 2;
        else if (x.len >= 3 && (unsigned char)x.ptr[x.len - 3] == 0xE2 && (unsigned char)x.ptr[x.len - 2] == 0x80 &&
                 ((unsigned char)x.ptr[x.len - 1] == 0x94 || (unsigned char)x.ptr[x.len - 1] == 0x93 ||
                  (unsigned char)x.ptr[x.len - 1] == 0x9C || (unsigned char)x.ptr[x.len - 1] == 0x9D ||
                  (unsigned char)x.ptr[x.len - 1] == 0xB9 || (unsigned char)x.ptr[x.len - 1] == 0xBA))
            x.len -= 3;
        else break;
    }
    return x;
}

static bool word_eq(const char *w, size_t n, const char *lit) {
    size_t k = strlen(lit);
    if (n != k) return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower((unsigned char)w[i]) != (unsigned char)lit[i]) return false; /* "rédaction" */
    return true;
}

/* ---------------------------------------------------------------- tables */

/* Leading credit words before the names (lowercase; matched whole-word,
 * longest first). The non-English ones are the word for "by" in the larger
 * news languages; they must be followed by a capitalised word so that a
 * name like "Par Lagerkvist" is not the only thing that made them match. */
static const char *const BY_PREFIXES[] = {
    "written and reported by", "written by", "words by", "story by", "text by", "posted by",
    "reported by", "reporting by", "published by", "article by", "interview by", "compiled by", "authored by",
    "recipe by", "guide by", "review by", "insights from",
    "authors:", "author:", "autor:", "auteur:", "autora:", "text:", "words:", "by:", "by", "with", "avec", "mit", "con",
    "von", "par", "por", "door", "av", "af", "przez", "author",
};
#define BY_NEED_CAPITAL 8 /* the last ones: "by" in other languages, an "Author" label */

/* Words that make a comma piece a job title or affiliation, not a name. */
static const char *const TITLE_WORDS[] = {
    "reporter", "reporters", "editor", "editors", "correspondent", "correspondents", "writer",
    "writers", "columnist", "contributor", "contributors", "staff", "producer", "analyst",
    "journalist", "photographer", "photographers", "photos", "photo", "illustrations", "video",
    "senior", "chief", "deputy", "associate", "editorial", "bureau", "director", "professor",
    "president", "ceo", "founder", "intern", "fellow", "anchor", "host", "critic", "team",
    "desk", "newsroom", "special", "contributing", "freelance", "managing", "executive",
    /* a role after the name in an author box ("Liz Kenny Former McKinsey Consultant") */
    "former", "head", "content", "consultant", "manager", "specialist", "strategist", "researcher",
    "research", "lead", "officer", "engineer", "designer", "developer", "co-founder", "cofounder",
};

/* The last word of a team's name ("Great Day Editorial Team", "The
 * Currency editors", "Podium Staff"): the team signs as one name. */
static const char *const TEAM_WORDS[] = {"team", "staff", "desk", "editors"};

/* The last word of a menu heading that reads like a byline ("By Event
 * Type", "BY USE CASE", "By Company Size"): what a site's offer is browsed
 * by, never a person's name. */
static const char *const FACET_WORDS[] = {
    "type", "types", "industry", "industries", "size", "use case", "role", "roles", "topic", "topics",
    "category", "categories", "modality", "modalities", "sector", "sectors", "solution", "solutions",
    "product", "products", "department", "departments", "location", "locations", "region", "regions",
    "platform", "platforms", "audience", "audiences",
};

/* Bylines that name nobody. */
static const char *const NOT_NAMES[] = {
    "by", "staff", "admin", "administrator", "editor", "editors", "anonymous", "guest", "unknown",
    "redaktion", "rédaction", "redacción", "redazione",
    "staff writer", "staff reporter", "guest author", "guest contributor", "the editors",
    /* labels and links of author boxes read as names */
    "author", "authors", "written by", "full bio", "read more", "read bio", "view bio", "about the author",
    "view more posts", "view all posts", "more posts", "all posts", "more from", "profile",
    "view profile", "posts", "post", "comments", "review", "reviews", "see all", "view all", "the", "our", "team", "our team", "the team", "reviewed by", "medically reviewed by", "fact checked by",
};

/* A site's desks, signing for the site: sources, not names. */
static const char *const DESKS[] = {"news desk", "web desk", "newsroom", "the newsroom", "news staff"};

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
/* s[open] is the '(' of "First (Middle) Last": one capitalised word in
 * brackets between two words, a maiden or middle name ("Paramita (Guha)
 * Ghosh") or a nickname ("William (Bill) Gates"), part of the name. */
static bool middle_bracket(const char *s, size_t n, size_t open) {
    if (open < 2 || s[open - 1] != ' ' || !(ascii_is_alpha((unsigned char)s[open - 2]) || (unsigned char)s[open - 2] >= 0x80))
        return false;
    size_t j = open + 1;
    if (j >= n || !ascii_is_upper((unsigned char)s[j])) return false;
    while (j < n && (ascii_is_alpha((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80)) j++;
    return j - open >= 3 && j + 2 < n && s[j] == ')' && s[j + 1] == ' ' &&
           (ascii_is_upper((unsigned char)s[j + 2]) || (unsigned char)s[j + 2] >= 0x80);
}

static size_t separator_at(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c == '(' && middle_bracket(s, n, i)) return 0;
    if (c == ')') /* the close of a middle name's bracket (at most 40 bytes back) */
        for (size_t k = i; k-- > 0 && i - k <= 40 && s[k] != ')';)
            if (s[k] == '(') {
                if (middle_bracket(s, n, k)) return 0;
                break;
            }
    if (c == '|' || c == ';' || c == '\n' || c == '(' || c == ')' || c == '[' || c == ']') return 1;
    if (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xB7 || (unsigned char)s[i + 1] == 0xBB))
        return 2; /* · » ("by jdoe » Tue Aug 27, 2019") */
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xBA) return 3; /* › */
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x8B && (unsigned char)s[i + 2] == 0x85) return 3; /* ⋅ */
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

static pith_slice cut_other_roles(pith_slice x) {
    for (size_t k = 0; k < sizeof OTHER_ROLES / sizeof *OTHER_ROLES; k++) {
        const char *role = OTHER_ROLES[k];
        if (meta_istarts(x.ptr, x.len, role + 1)) return (pith_slice){x.ptr, 0};  /* the segment is another role's */
        const char *p = meta_ifind(x.ptr, x.len, role, strlen(role));
        if (p) x.len = (size_t)(p - x.ptr);
    }
    return x;
}

/* Segments that are stamps, not names. */
static bool is_stamp(pith_slice x) {
    static const char *const STAMPS[] = {"updated", "published", "posted", "last updated", "modified",
                                         "first published", "aktualisiert", "veröffentlicht",
                                         "mis à jour", "publié", "actualizado", "publicado"};
    for (size_t i = 0; i < sizeof STAMPS / sizeof *STAMPS; i++) {
        size_t k = strlen(STAMPS[i]);
        if (x.len >= k && meta_ieq(x.ptr, k, STAMPS[i], k) && (x.len == k || !ascii_is_alnum((unsigned char)x.ptr[k])))
            return !meta_istarts(x.ptr + k, x.len - k, " by "); /* "Posted by Jane Doe" credits her */
    }
    return false;
}

/* Strips one leading credit ("By", "Written by"...). */
static pith_slice strip_by(pith_slice x) {
    for (size_t i = 0; i < sizeof BY_PREFIXES / sizeof *BY_PREFIXES; i++) {
        const char *p = BY_PREFIXES[i];
        size_t k = strlen(p);
        if (x.len <= k || !meta_ieq(x.ptr, k, p, k)) continue;
        unsigned char next = (unsigned char)x.ptr[k];
        if (p[k - 1] != ':' && !ascii_is_space(next) && next != ':') continue;
        bool foreign = i >= sizeof BY_PREFIXES / sizeof *BY_PREFIXES - BY_NEED_CAPITAL;
        pith_slice rest = trim((pith_slice){x.ptr + k, x.len - k});
        if (foreign && !(rest.len && rest.ptr[0] >= 'A' && rest.ptr[0] <= 'Z')) continue;
        return rest;
    }
    /* "byClemson News": the label run into the name. */
    if (x.len > 4 && (x.ptr[0] == 'b' || x.ptr[0] == 'B') && (x.ptr[1] == 'y' || x.ptr[1] == 'Y') &&
        ascii_is_upper((unsigned char)x.ptr[2]) && ascii_is_lower((unsigned char)x.ptr[3]))
        return (pith_slice){x.ptr + 2, x.len - 2};
    return x;
}

/* s starts with a weekday or a month, in full or in three letters ("Fri",
 * "December", "Dec."), or with a digit. */
static bool date_word(const char *s, size_t n) {
    static const char *const DAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                       "january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"};
    if (n && s[0] >= '0' && s[0] <= '9') return true;
    size_t e = 0;
    while (e < n && ascii_is_alpha((unsigned char)s[e])) e++;
    if (e < n && !(s[e] == ' ' || s[e] == ',' || s[e] == '.')) return false;
    for (size_t k = 0; k < sizeof DAYS / sizeof *DAYS; k++)
        if (word_eq(s, e, DAYS[k]) || (e == 3 && meta_ieq(s, 3, DAYS[k], 3))) return true;
    return false;
}

/* Cuts a trailing date ("Jane Doe on July 14, 2016"), a date word in the
 * middle ("Jane Doe 27/09/2018 Comments") or an "Updated ..." stamp, and
 * everything after it: what follows a byline's date is page furniture. */
static pith_slice cut_date(pith_slice x) {
    static const char *const STAMP_WORDS[] = {" updated ", " published ", " posted ", " last updated ", " on behalf of "};
    for (size_t k = 0; k < sizeof STAMP_WORDS / sizeof *STAMP_WORDS; k++) {
        const char *p = meta_ifind(x.ptr, x.len, STAMP_WORDS[k], strlen(STAMP_WORDS[k]));
        if (p) x = trim((pith_slice){x.ptr, (size_t)(p - x.ptr)});
    }
    /* "BeauHD on Friday December 19, 2025 @08:00PM from the ... dept.":
     * "on" and a day, a month or a number starts the stamp, whatever
     * follows it (a date the parser would take needs nothing after it). */
    for (const char *p = x.ptr; (p = meta_ifind(p, (size_t)(x.ptr + x.len - p), " on ", 4)) != NULL; p += 4)
        if (p > x.ptr && date_word(p + 4, (size_t)(x.ptr + x.len - p - 4))) return trim((pith_slice){x.ptr, (size_t)(p - x.ptr)});
    for (size_t i = 0; i < x.len; i++) {
        if ((i && !ascii_is_space((unsigned char)x.ptr[i - 1])) || ascii_is_space((unsigned char)x.ptr[i])) continue;
        pith_date d;
        if (pith_date_parse_ex(x.ptr + i, x.len - i, 0, &d)) return trim((pith_slice){x.ptr, i});
        size_t e = i;
        while (e < x.len && !ascii_is_space((unsigned char)x.ptr[e])) e++;
        if (x.ptr[i] >= '0' && x.ptr[i] <= '9' && pith_date_parse_ex(x.ptr + i, e - i, 0, &d))
            return trim((pith_slice){x.ptr, i});
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
    bool visible;             /* a byline as shown, not a name as stored (phrase() applies) */
    bool ok;
} collect;

/* Words that end an outlet's name ("NBC News", "Florida Today"): in a
 * byline piece they are the outlet beside the person, never the person. */
static const char *const OUTLET_WORDS[] = {
    "news", "times", "post", "press", "media", "magazine", "journal", "today", "network", "radio",
    "tv", "daily", "herald", "tribune", "wire",
};

/* A possessive word ("CNN's", "Fox News'"): the outlet before a name. */
static bool possessive(pith_slice w) {
    if (w.len >= 3 && (w.ptr[w.len - 2] == '\'' ) && (w.ptr[w.len - 1] == 's' || w.ptr[w.len - 1] == 'S')) return true;
    if (w.len >= 5 && (unsigned char)w.ptr[w.len - 4] == 0xE2 && (unsigned char)w.ptr[w.len - 3] == 0x80 &&
        (unsigned char)w.ptr[w.len - 2] == 0x99 && (w.ptr[w.len - 1] == 's' || w.ptr[w.len - 1] == 'S'))
        return true;
    if (w.len >= 2 && w.ptr[w.len - 1] == '\'' && (w.ptr[w.len - 2] == 's' || w.ptr[w.len - 2] == 'S')) return true;
    return w.len >= 4 && (unsigned char)w.ptr[w.len - 3] == 0xE2 && (unsigned char)w.ptr[w.len - 2] == 0x80 &&
           (unsigned char)w.ptr[w.len - 1] == 0x99 && (w.ptr[w.len - 4] == 's' || w.ptr[w.len - 4] == 'S');
}

#define MAX_PIECE_WORDS 16

/* The text from word i to word j (exclusive) as written. */
static pith_slice words_span(const pith_slice *w, size_t i, size_t j) {
    return (pith_slice){w[i].ptr, (size_t)(w[j - 1].ptr + w[j - 1].len - w[i].ptr)};
}

/* "CNN's" -> "CNN", "Fox News'" -> "Fox News" (straight or curly). */
static pith_slice no_possessive(pith_slice x) {
    if (x.len >= 3 && x.ptr[x.len - 2] == '\'' && (x.ptr[x.len - 1] | 32) == 's') return (pith_slice){x.ptr, x.len - 2};
    if (x.len >= 5 && memcmp(x.ptr + x.len - 4, "\xe2\x80\x99", 3) == 0 && (x.ptr[x.len - 1] | 32) == 's')
        return (pith_slice){x.ptr, x.len - 4};
    if (x.len >= 2 && x.ptr[x.len - 1] == '\'') return (pith_slice){x.ptr, x.len - 1};
    if (x.len >= 4 && memcmp(x.ptr + x.len - 3, "\xe2\x80\x99", 3) == 0) return (pith_slice){x.ptr, x.len - 3};
    return x;
}

/* Starts with a capital (or any non-ASCII letter): a name's word. */
static bool capital(pith_slice w) { return w.len && ((w.ptr[0] >= 'A' && w.ptr[0] <= 'Z') || (unsigned char)w.ptr[0] >= 0xC0); }

/* Drops words with '@' (emails, handles), a job title with its desk
 * ("Aerospace Writer Marcia Dunn", "Ben Silverman Games Editor"), an outlet
 * before the name ("CNN's Katia Hetter", "NBC News Ayman Mohyeldin") and one
 * after it ("Kelli Miller WebMD Health News"). Writes the kept words, single
 * spaced, into buf. */
static pith_slice clean_words(pith_slice x, char *buf, size_t cap, int *nwords, bool *had_title, pith_slice *outlet) {
    pith_slice w[MAX_PIECE_WORDS];
    size_t n = 0, i = 0;
    *nwords = 0;
    *had_title = false;
    *outlet = (pith_slice){NULL, 0};
    buf[0] = 0;
    while (i < x.len) {
        while (i < x.len && ascii_is_space((unsigned char)x.ptr[i])) i++;
        size_t st = i;
        while (i < x.len && !ascii_is_space((unsigned char)x.ptr[i])) i++;
        if (i == st) break;
        if (n == MAX_PIECE_WORDS) return (pith_slice){buf, 0}; /* a sentence, not a name */
        pith_slice word = trim((pith_slice){x.ptr + st, i - st});
        if (!word.len || memchr(word.ptr, '@', word.len)) continue;
        /* Keep the word's own trailing period ("Jr.", initials "J."). */
        if (word.ptr + word.len < x.ptr + x.len && word.ptr[word.len] == '.') word.len++;
        w[n++] = word;
    }
    /* A default avatar beside a user name: the name's first letter alone
     * after a one-word name ("JosephF J", "xJewishNinjax X"). */
    if (n == 2 && w[1].len == 1 && w[0].len >= 3 && ascii_lower((unsigned char)w[1].ptr[0]) >= 'a' &&
        ascii_lower((unsigned char)w[1].ptr[0]) <= 'z' &&
        ascii_lower((unsigned char)w[1].ptr[0]) == ascii_lower((unsigned char)w[0].ptr[0]))
        n = 1;
    size_t from = 0, to = n;
    /* A team's name ("Great Day Editorial Team", "the Lavazza Team"): one
     * name, its title words its own. Not an agency's ("Reuters Staff"). */
    bool team = n >= 2 && n <= MAX_NAME_WORDS && IN(w[n - 1].ptr, w[n - 1].len, TEAM_WORDS) &&
                (capital(w[0]) || word_eq(w[0].ptr, w[0].len, "the")) && !IN(w[0].ptr, w[0].len, AGENCIES);
    bool own = false; /* a word of the team's own name, not a title word or "the" */
    for (size_t k = 0; team && k + 1 < n; k++)
        own = own || (!IN(w[k].ptr, w[k].len, TITLE_WORDS) && !word_eq(w[k].ptr, w[k].len, "the"));
    if (team && own) goto keep;
    /* "Team SimplyThrilled": the team's name after the word; every word
     * after it its own (not "Team Lead Jane Doe"). */
    own = n >= 2 && n <= MAX_NAME_WORDS && capital(w[0]) && word_eq(w[0].ptr, w[0].len, "team");
    for (size_t k = 1; own && k < n; k++) own = capital(w[k]) && !IN(w[k].ptr, w[k].len, TITLE_WORDS);
    if (own) goto keep;
    /* A job title: the name is after it when two words or more follow
     * (the words before it are its desk), else before it (less a desk
     * word when three are left: "Ben Silverman Games"). */
    for (size_t k = 0; k < n; k++) {
        if (!IN(w[k].ptr, w[k].len, TITLE_WORDS)) continue;
        /* "Edith Head", "Jane Fellow": a last word after a single one is a
         * surname, not a role; a role would leave a one-word name. */
        if (k == n - 1 && k - from == 1 && n == 2 && capital(w[k]) && !IN(w[k].ptr, w[k].len, TEAM_WORDS) &&
            !IN(w[0].ptr, w[0].len, AGENCIES))
            break;
        *had_title = true;
        size_t e = k;
        while (e < n && IN(w[e].ptr, w[e].len, TITLE_WORDS)) e++;
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
        if (capital(w[k]) && (possessive(w[k]) || IN(w[k].ptr, w[k].len, OUTLET_WORDS)) && to - k - 1 >= 2) {
            *outlet = no_possessive(words_span(w, from, k + 1));
            from = k + 1;
        }
    /* An outlet after the name: it ends in an outlet word; the name is the
     * first two words. */
    if (to - from >= 4 && IN(w[to - 1].ptr, w[to - 1].len, OUTLET_WORDS)) {
        /* "MA WebMD Health News": a credential, then the outlet; nobody. */
        bool caps = w[from].len <= 3;
        for (size_t k = 0; caps && k < w[from].len; k++) caps = !(w[from].ptr[k] >= 'a' && w[from].ptr[k] <= 'z');
        *outlet = words_span(w, caps ? from + 1 : from + 2, to);
        to = caps ? from : from + 2;
    }
keep:;
    size_t o = 0;
    for (size_t k = from; k < to; k++) {
        if (o + w[k].len + 1 >= cap) break;
        if (o) buf[o++] = ' ';
        memcpy(buf + o, w[k].ptr, w[k].len);
        o += w[k].len;
        (*nwords)++;
    }
    buf[o] = 0;
    return (pith_slice){buf, o};
}

/* x without a leading "The ". */
static pith_slice no_the(pith_slice x) {
    if (x.len > 4 && meta_ieq(x.ptr, 4, "the ", 4)) return (pith_slice){x.ptr + 4, x.len - 4};
    return x;
}

/* The name is the site or publisher, or one of them is the other plus
 * more words ("CNN Business" for CNN, "Business Insider" for "Business
 * Insider Deutschland"): an organisation, not a person. */
static bool excluded(const collect *c, pith_slice x) {
    pith_slice a = no_the(x);
    for (size_t i = 0; i < c->n_exclude; i++) {
        if (!c->exclude[i].ptr) continue;
        pith_slice b = no_the((pith_slice){c->exclude[i].ptr, c->exclude[i].len});
        if (meta_ieq(a.ptr, a.len, b.ptr, b.len)) return true;
        pith_slice lo = a.len < b.len ? a : b, hi = a.len < b.len ? b : a;
        if (lo.len >= 2 && lo.len < hi.len && hi.ptr[lo.len] == ' ' && meta_ieq(hi.ptr, lo.len, lo.ptr, lo.len))
            return true;
    }
    return false;
}

bool pith_names_org(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude) {
    collect c = {.exclude = exclude, .n_exclude = n_exclude};
    return s && excluded(&c, (pith_slice){s, len});
}

/* Strips a trailing site/publisher or agency name glued to a person's:
 * "Elliot Brownstein Florida Today", "Jill Lawless Associated Press". */
static pith_slice strip_org_suffix(const collect *c, pith_slice x) {
    for (size_t i = x.len; i-- > 1;) {
        if (x.ptr[i] != ' ') continue;
        pith_slice tail = {x.ptr + i + 1, x.len - i - 1}, head = trim((pith_slice){x.ptr, i});
        if (!head.len) break;
        bool org = IN(tail.ptr, tail.len, AGENCIES);
        for (size_t k = 0; !org && k < c->n_exclude; k++)
            if (c->exclude[k].ptr) {
                pith_slice b = no_the((pith_slice){c->exclude[k].ptr, c->exclude[k].len}), t = no_the(tail);
                org = meta_ieq(t.ptr, t.len, b.ptr, b.len);
            }
        if (org) return head;
    }
    return x;
}

/* "NJ.com", "Cleveland.com": a word that is a domain names a site. */
static bool has_domain(pith_slice x) {
    static const char *const TLDS[] = {".com", ".org", ".net", ".co.uk", ".info", ".io", ".news", ".de", ".fr"};
    for (size_t k = 0; k < sizeof TLDS / sizeof *TLDS; k++) {
        size_t tl = strlen(TLDS[k]);
        const char *p = meta_ifind(x.ptr, x.len, TLDS[k], tl);
        if (p && p > x.ptr && (p + tl == x.ptr + x.len || p[tl] == ' ')) return true;
    }
    return false;
}

/* "AP Auto Writer", "AFP Paris": an agency desk. */
static bool agency_desk(pith_slice x) {
    const char *sp = memchr(x.ptr, ' ', x.len);
    return sp && IN(x.ptr, (size_t)(sp - x.ptr), AGENCIES) && (size_t)(sp - x.ptr) <= 3;
}

/* An agency or outlet credited: to the sources, unless it is the site or
 * publisher itself. */
static void add_source(collect *c, pith_slice x) {
    if (!x.len || !c->sources || excluded(c, x)) return;
    if (!meta_list_add(c->a, c->sources, c->max, x.ptr, x.len)) c->ok = false;
}

/* "VOA News", "The Texas Tribune", "Clemson News": a short name of
 * capitalised words that ends in an outlet word names an outlet, not a
 * person. */
static pith_slice last_word(pith_slice x) {
    const char *last = x.ptr + x.len;
    while (last > x.ptr && last[-1] != ' ') last--;
    return (pith_slice){last, (size_t)(x.ptr + x.len - last)};
}

static bool outlet_name(pith_slice x, int nwords) {
    if (nwords < 2 || nwords > 4) return false;
    pith_slice last = last_word(x);
    if (!IN(last.ptr, last.len, OUTLET_WORDS)) return false;
    for (size_t i = 0; i < x.len; i++)
        if ((i == 0 || x.ptr[i - 1] == ' ') && !capital((pith_slice){x.ptr + i, x.len - i})) return false;
    return true;
}

/* "Learn about our", "Read more here": a capitalised word and then one in
 * lower case that is no particle of a name ("van der", "de la") nor a
 * team's word ("The Currency editors"): a phrase, not a name. */
static bool phrase(pith_slice x) {
    static const char *const PARTICLES[] = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du",
                                            "le", "la", "bin", "ibn", "al", "el", "ter", "ten", "zu", "dos",
                                            "das", "do", "of", "st.", "y", "e", "for", "the", "on"};
    if (!x.len || !capital(x)) return false;
    for (size_t i = 1; i < x.len; i++) {
        if (x.ptr[i - 1] != ' ' || !(x.ptr[i] >= 'a' && x.ptr[i] <= 'z')) continue;
        size_t e = i;
        while (e < x.len && x.ptr[e] != ' ') e++;
        if (!IN(x.ptr + i, e - i, PARTICLES) && !IN(x.ptr + i, e - i, TEAM_WORDS)) return true;
    }
    return false;
}

/* "Event Type", "Use Case": a menu heading's facet, not a name. */
static bool facet(pith_slice x) {
    for (size_t k = 0; k < sizeof FACET_WORDS / sizeof *FACET_WORDS; k++) {
        size_t fl = strlen(FACET_WORDS[k]);
        if (x.len == fl || (x.len > fl && x.ptr[x.len - fl - 1] == ' '))
            if (word_eq(x.ptr + x.len - fl, fl, FACET_WORDS[k])) return true;
    }
    return false;
}

/* Digits in a name the CMS stores (an author meta, JSON-LD): a user name
 * ("ggailey777", "3d23d65-ddc6-4ce5") or a company's ("98 Buck Social"),
 * three letters or more, with no clock or date signs, no run of four
 * digits (a year) and every word after the first capitalised. A visible byline's digits are a date, a count or a
 * user's score run into the name ("breadnewbie1"): never a name. */
static bool username_digits(pith_slice x, bool visible) {
    size_t letters = 0, run = 0, longest = 0;
    if (visible) return false;
    for (size_t i = 0; i < x.len; i++) {
        unsigned char ch = (unsigned char)x.ptr[i];
        if (ch == ':' || ch == '/' || ch == '@' || ch == '.' || ch == ',') return false;
        /* More words than one: a name's, each capitalised ("2 min read" is none). */
        if (i && x.ptr[i - 1] == ' ' && !ascii_is_upper(ch)) return false;
        if (ascii_is_alpha(ch)) letters++;
        run = ch >= '0' && ch <= '9' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    return letters >= 3 && longest < 4;
}

/* "page.head.extra.author", "post.author.name": a template's unfilled
 * path, one lower-case word of dotted parts, one of them "author" or
 * "name"; a login ("sara.r.peter") is a name. */
static bool dotted_id(pith_slice x) {
    bool field = false;
    size_t dots = 0;
    for (size_t i = 0, st = 0; i <= x.len; i++) {
        if (i < x.len && x.ptr[i] != '.') {
            if (x.ptr[i] == ' ' || ascii_is_upper((unsigned char)x.ptr[i])) return false;
            continue;
        }
        field = field || word_eq(x.ptr + st, i - st, "author") || word_eq(x.ptr + st, i - st, "name");
        dots += i < x.len;
        st = i + 1;
    }
    return dots && field;
}

/* "The Boston Globe", "The Texas Newsroom": no person's name starts with
 * "The". Two to five capitalised words after it (with "of", "and", "for"
 * or "on" between them) name an outlet, whole: its last word is no job
 * title to strip ("Newsroom"). "The Editors", "The Staff" (job words
 * alone) and "The Upwork Team" are left to the rules after. */
static bool the_outlet(pith_slice x) {
    static const char *const GLUE[] = {"of", "and", "for", "on", "&"};
    /* "The Rev. Jane Doe", "The Hon. John Roe": a person's style */
    static const char *const STYLES[] = {"rev", "rev.", "reverend", "hon", "hon.", "honourable", "honorable",
                                         "rt", "rt.", "right", "very", "most"};
    if (x.len < 6 || memcmp(x.ptr, "The ", 4) != 0) return false;
    size_t first = 4;
    while (first < x.len && x.ptr[first] != ' ') first++;
    if (IN(x.ptr + 4, first - 4, STYLES)) return false;
    int words = 0;
    bool other = false;
    for (size_t i = 4; i < x.len;) {
        size_t e = i;
        while (e < x.len && x.ptr[e] != ' ') e++;
        pith_slice w = {x.ptr + i, e - i};
        if (w.len && !IN(w.ptr, w.len, GLUE)) {
            if (!capital(w)) return false;
            words++;
            other = other || !IN(w.ptr, w.len, TITLE_WORDS);
        }
        i = e + 1;
    }
    if (words < 2 || words > 5 || !other) return false;
    /* "The Upwork Team": a team signs as one name (TEAM_WORDS) */
    pith_slice last = last_word(x);
    return !IN(last.ptr, last.len, TEAM_WORDS);
}

/* "design: Scott McDaniel", "Photos: Jane Doe": a credit for other work
 * than the writing (a site's credits in its author meta, a photo line),
 * labelled as such: the person is not the author. */
static bool other_credit(pith_slice x) {
    static const char *const ROLES[] = {
        "design", "designer", "code", "coding", "development", "developer", "photo", "photos", "photography",
        "photographs", "illustration", "illustrations", "graphics", "video", "art", "artwork", "layout",
        "music", "audio", "maps", "images", "animation", "production", "camera", "hosting", "translation",
        "foto", "fotos", "bild", "bilder",
    };
    size_t e = 0;
    while (e < x.len && ascii_is_alpha((unsigned char)x.ptr[e])) e++;
    return e && e < x.len && x.ptr[e] == ':' && IN(x.ptr, e, ROLES);
}

/* Adds the name in piece x; true when x held a job title ("Senior
 * Director", "Jane Doe Writer"), whatever else it held. */
static bool add_name(collect *c, pith_slice x) {
    x = strip_by(trim(x));
    if (!x.len || x.len > 200 || other_credit(x)) return false;
    if (IN(x.ptr, x.len, AGENCIES) || the_outlet(x)) {
        add_source(c, x);
        return false;
    }
    char buf[MAX_NAME_LEN + 8];
    int nwords;
    bool had_title;
    pith_slice outlet;
    pith_slice name = trim(clean_words(x, buf, sizeof buf, &nwords, &had_title, &outlet));
    /* "CNN's Katia Hetter", "Kelli Miller WebMD Health News": the outlet
     * beside the person is credited too. */
    if (outlet.len) add_source(c, trim(outlet));
    if (!name.len || nwords > MAX_NAME_WORDS || name.len > MAX_NAME_LEN) return had_title;
    bool letter = false;
    for (size_t i = 0; i < name.len; i++) {
        unsigned char ch = (unsigned char)name.ptr[i];
        if (ch >= '0' && ch <= '9' && !username_digits(name, c->visible)) return had_title; /* dates, counts: not a name */
        if ((ch | 32) >= 'a' && (ch | 32) <= 'z') letter = true;
        if (ch >= 0x80) letter = true;
    }
    /* "News Desk": the site's desk credited; its credit, nobody's name. */
    if (IN(name.ptr, name.len, DESKS)) {
        add_source(c, name);
        return had_title;
    }
    if (!letter || IN(name.ptr, name.len, NOT_NAMES) || has_domain(name) || facet(name) || dotted_id(name) ||
        (c->visible && phrase(name)))
        return had_title;
    /* "x" shown as a byline: a letter alone (a share button's, an icon's)
     * names nobody. (A CMS's "Mac & i" is a magazine's name, cut at "&".) */
    if (c->visible && name.len < 2) return had_title;
    /* "MA", "RN": a credential left alone, not a name. */
    if (name.len <= 2) {
        bool caps = true;
        for (size_t i = 0; i < name.len; i++) caps = caps && !(name.ptr[i] >= 'a' && name.ptr[i] <= 'z');
        if (caps) return had_title;
    }
    pith_slice before = name;
    name = strip_org_suffix(c, name);
    /* "Jill Lawless Associated Press": the agency glued on is credited. */
    if (name.len < before.len) {
        pith_slice tail = trim((pith_slice){name.ptr + name.len, before.len - name.len});
        if (IN(tail.ptr, tail.len, AGENCIES)) add_source(c, tail);
    }
    if (excluded(c, name)) return had_title;
    if (IN(name.ptr, name.len, AGENCIES) || agency_desk(name)) {
        /* "Reuters Staff", "AP Auto Writer": the agency without the title
         * or desk (name is in buf). */
        if (!IN(name.ptr, name.len, AGENCIES)) name.len = (size_t)((const char *)memchr(name.ptr, ' ', name.len) - name.ptr);
        add_source(c, name);
        return had_title;
    }
    /* "VOA News", "The Texas Tribune": an outlet named as the byline; "Team
     * SimplyThrilled", a company's team, is the company's credit. */
    if (outlet_name(name, nwords) || (nwords >= 2 && meta_istarts(name.ptr, name.len, "team "))) {
        add_source(c, name);
        return had_title;
    }
    if (!meta_list_add(c->a, c->out, c->max, name.ptr, name.len)) c->ok = false;
    return had_title;
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
static bool credential(pith_slice x) {
    x = trim(x);
    if (!x.len || memchr(x.ptr, ' ', x.len)) return false;
    if (x.len <= 4) return true;
    for (size_t i = 0; i < x.len; i++)
        if (x.ptr[i] >= 'a' && x.ptr[i] <= 'z') return false;
    return x.len <= 6;
}

static void split_names(collect *c, pith_slice x) {
    size_t start = 0;
    bool after_comma = false, after_title = false;
    for (size_t i = 0; i <= x.len; i++) {
        size_t skip = 0;
        if (i == x.len || x.ptr[i] == ',') skip = 1;
        else if (x.ptr[i] == '&' && i > 0 && ascii_is_space((unsigned char)x.ptr[i - 1])) skip = 1;
        else skip = conjunction_at(x.ptr, x.len, i);
        if (!skip) continue;
        pith_slice piece = trim((pith_slice){x.ptr + start, i - start});
        /* After a job title, a single word is its desk or beat ("Zackery
         * Cuevas Writer, Hardware"; "Senior Director, Content"); a title
         * "of" something runs to the end ("Head of Marketing and Community
         * Development"). */
        bool one_word = piece.len && !memchr(piece.ptr, ' ', piece.len);
        if (!(after_comma && credential(piece)) && !(after_title && one_word)) {
            bool title = add_name(c, piece);
            if (title && meta_ifind(piece.ptr, piece.len, " of ", 4)) return;
            after_title = after_title || title;
        }
        after_comma = i < x.len && x.ptr[i] == ',';
        start = i + skip;
        i = start - 1;
    }
}


/* A word in lower case other than a conjunction ("defense ministries"):
 * a phrase, not a list of names. */
static bool lower_word(pith_slice x) {
    for (size_t i = 1; i < x.len; i++) {
        if (!ascii_is_space((unsigned char)x.ptr[i - 1]) || !(x.ptr[i] >= 'a' && x.ptr[i] <= 'z')) continue;
        if (!conjunction_at(x.ptr, x.len, i)) return true;
    }
    return false;
}

static bool name_byte(unsigned char c) { return ascii_is_alpha(c) || c >= 0x80 || c == '-' || c == '\''; }

/* "Roy, Aniruddha", "Berger, Emery D.": a catalogue's "Last, First", as
 * citation_author metas and library records write names. Only where the
 * CMS gives names (metas, JSON-LD), never a visible byline ("Doe, Reuters").
 * One capitalised word, one comma, then one to three capitalised given
 * names or initials that are no suffix ("Doe, PhD", "Smith, Jr."), and
 * the surname's particle after them ("Jong, Michiel de"). Writes
 * "First Last" into buf; false if x is not so. */
static bool last_first(pith_slice x, char *buf, size_t cap, pith_slice *name) {
    static const char *const SUFFIXES[] = {"phd", "md", "jr", "sr", "esq", "mba", "msc", "ms", "ma", "ba",
                                           "rn", "dvm", "dds", "ii", "iii", "iv", "inc", "ltd", "llc"};
    const char *comma = memchr(x.ptr, ',', x.len);
    if (!comma || memchr(comma + 1, ',', x.len - (size_t)(comma + 1 - x.ptr))) return false;
    pith_slice last = trim((pith_slice){x.ptr, (size_t)(comma - x.ptr)});
    /* Spaces only: the initial's dot stays ("Kooman, F." -> "F. Kooman"). */
    pith_slice first = {comma + 1, x.len - (size_t)(comma + 1 - x.ptr)};
    while (first.len && ascii_is_space((unsigned char)first.ptr[0])) first.ptr++, first.len--;
    while (first.len && ascii_is_space((unsigned char)first.ptr[first.len - 1])) first.len--;
    if (last.len < 2 || !first.len || last.len + first.len + 2 > cap || !ascii_is_upper((unsigned char)last.ptr[0])) return false;
    for (size_t i = 0; i < last.len; i++)
        if (!name_byte((unsigned char)last.ptr[i])) return false;
    size_t words = 0;
    for (size_t i = 0; i < first.len;) {
        while (i < first.len && first.ptr[i] == ' ') i++;
        size_t st = i;
        while (i < first.len && first.ptr[i] != ' ') i++;
        pith_slice w = {first.ptr + st, i - st};
        if (!w.len) continue;
        /* A surname's particle goes with it ("Jong, Michiel de"). */
        static const char *const PARTICLES[] = {"de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le"};
        bool particle = false;
        for (size_t k = 0; words && k < sizeof PARTICLES / sizeof *PARTICLES; k++)
            particle = particle || word_eq(w.ptr, w.len, PARTICLES[k]);
        if (++words > 4 || (!particle && !ascii_is_upper((unsigned char)w.ptr[0]))) return false;
        size_t n = w.len;
        if (w.ptr[n - 1] == '.') n--;
        for (size_t k = 0; k < n; k++)
            if (!name_byte((unsigned char)w.ptr[k])) return false;
        for (size_t k = 0; k < sizeof SUFFIXES / sizeof *SUFFIXES; k++)
            if (meta_ieq(w.ptr, n, SUFFIXES[k], strlen(SUFFIXES[k]))) return false;
    }
    memcpy(buf, first.ptr, first.len);
    buf[first.len] = ' ';
    memcpy(buf + first.len + 1, last.ptr, last.len);
    *name = (pith_slice){buf, first.len + 1 + last.len};
    return true;
}

static bool byline_names(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude, pith_arena *a,
                         pith_strings *out, pith_strings *sources, uint32_t max, bool visible) {
    if (!s || !len) return true;
    len = pith_utf8_cut(s, len, MAX_BYLINE); /* whole characters only */
    collect c = {.exclude = exclude, .n_exclude = n_exclude, .a = a, .out = out, .sources = sources, .max = max,
                 .visible = visible, .ok = true};
    /* "Home » Services » Consulting": a breadcrumb trail, no byline. */
    pith_slice head = trim((pith_slice){s, len});
    if (meta_istarts(head.ptr, head.len, "home ") && head.len > 6 && separator_at(head.ptr, head.len, 5)) return true;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        size_t w = i < len ? separator_at(s, len, i) : 1;
        if (!w) continue;
        pith_slice seg = trim((pith_slice){s + start, i - start});
        start = i + w;
        i = start - 1;
        if (!seg.len || is_stamp(seg)) continue;

        /* "This post was written by Jane Doe": the names follow the label. */
        const char *wb = seg.len > 12 ? meta_ifind(seg.ptr + 1, seg.len - 1, " written by ", 12) : NULL;
        if (wb) seg = trim((pith_slice){wb + 12, (size_t)(seg.ptr + seg.len - wb - 12)});
        seg = cut_date(strip_by(cut_other_roles(seg)));  /* a whole-date segment cuts to nothing */
        if (!seg.len || excluded(&c, seg)) continue;
        seg = strip_by(seg);
        /* "The Russian and Syrian defense ministries": an organisation's
         * name is one name, its "and" no list of people. */
        char buf[MAX_NAME_LEN + 8];
        pith_slice swapped;
        if (seg.len > 4 && meta_ieq(seg.ptr, 4, "the ", 4) && lower_word(seg)) {
            if (!excluded(&c, seg)) add_name(&c, seg);
        } else if (!visible && last_first(seg, buf, sizeof buf, &swapped)) {
            add_name(&c, swapped);
        } else {
            split_names(&c, seg);
        }
    }
    return c.ok;
}

bool pith_byline_names(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude,
                       pith_arena *a, pith_strings *out, pith_strings *sources, uint32_t max) {
    return byline_names(s, len, exclude, n_exclude, a, out, sources, max, false);
}

bool pith_visible_byline_names(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude,
                               pith_arena *a, pith_strings *out, pith_strings *sources, uint32_t max) {
    return byline_names(s, len, exclude, n_exclude, a, out, sources, max, true);
}

/* ---------------------------------------------------------------- threads */

/* A forum's ranks, shown under the user's name in the post's user box
 * ("Big Board Owner", "Senior Member"). */
static const char *const FORUM_RANKS[] = {"owner", "member", "members", "moderator", "moderators", "admin",
                                          "administrator", "newbie", "veteran", "poster", "user", "board"};

/* A capitalised word other than "By" in s[0..n): what the rest of a
 * byline holds when it names more of the person ("Smith" beside "John"),
 * not clutter ("by", "»"). A byline whose rest has a job title or a
 * forum rank ("StarredSkies Big Board Owner") names a role there, no more
 * of the person. */
static bool has_capital_word(const char *s, size_t n) {
    bool capital = false;
    for (size_t i = 0; i < n; i++) {
        if (!ascii_is_alpha((unsigned char)s[i]) || (i > 0 && ascii_is_alnum((unsigned char)s[i - 1]))) continue;
        size_t e = i;
        while (e < n && ascii_is_alnum((unsigned char)s[e])) e++;
        if (IN(s + i, e - i, TITLE_WORDS) || IN(s + i, e - i, FORUM_RANKS)) return false;
        if (ascii_is_upper((unsigned char)s[i]) && !word_eq(s + i, e - i, "by")) capital = true;
        i = e - 1;
    }
    return capital;
}

bool pith_metadata_thread_author(pith_metadata *m, const char *starter, pith_arena *a) {
    if (!starter || !*starter) return true;
    size_t n = strlen(starter);
    /* "Guest", "admin", "Anonymous": a forum's placeholders, not names. */
    if (IN(starter, n, NOT_NAMES)) return true;
    if (m->authors.count) {
        const char *first = m->authors.items[0];
        size_t fl = strlen(first);
        const char *p = fl > n ? meta_ifind(first, fl, starter, n) : NULL;
        /* The starter's name as whole words inside the byline found, the
         * rest clutter ("by galitsyn »"); a byline naming more of the
         * person ("John Smith" for starter "John") stays. */
        if (!p || (p > first && ascii_is_alnum((unsigned char)p[-1])) ||
            (p + n < first + fl && ascii_is_alnum((unsigned char)p[n])) || has_capital_word(first, (size_t)(p - first)) ||
            has_capital_word(p + n, fl - (size_t)(p - first) - n))
            return true;
    }
    pith_strings l = {NULL, 0};
    if (!meta_list_add(a, &l, PITH_META_MAX_AUTHORS, starter, n)) return false;
    for (size_t i = 1; i < m->authors.count; i++)
        if (!meta_list_add(a, &l, PITH_META_MAX_AUTHORS, m->authors.items[i], strlen(m->authors.items[i]))) return false;
    m->authors = l;
    return true;
}

/* ---------------------------------------------------------------- credits */

/* Credit labels that open a "... by NAMES" clause at the end of wire and
 * newspaper stories. */
#define LABEL(s) {s, sizeof s - 1}
static const struct { const char *ptr; uint8_t len; } CREDIT_LABELS[] = {
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
        size_t kl = CREDIT_LABELS[k].len;
        if (CREDIT_LABELS[k].ptr[0] == c && i + kl < len && meta_ieq(s + i, kl, CREDIT_LABELS[k].ptr, kl)) return kl;
    }
    return 0;
}

/* Drops " in London" / " from Paris" after a name in a credit. */
static pith_slice cut_place(pith_slice x) {
    for (size_t i = 0; i + 4 <= x.len; i++) {
        if (x.ptr[i] == ' ' && (meta_istarts(x.ptr + i, x.len - i, " in ") || meta_istarts(x.ptr + i, x.len - i, " from ")))
            return (pith_slice){x.ptr, i};
    }
    return x;
}

static void credit_names(collect *c, pith_slice names) {
    /* Cut each comma/and piece at a place before adding it; a one-word
     * piece after a place is more of the place ("in Cape Canaveral,
     * Florida, and ..."). */
    size_t start = 0;
    bool after_place = false;
    for (size_t i = 0; i <= names.len; i++) {
        bool comma = i < names.len && names.ptr[i] == ',';
        size_t skip = i == names.len || comma ? 1 : conjunction_at(names.ptr, names.len, i);
        if (!skip) continue;
        pith_slice piece = trim((pith_slice){names.ptr + start, i - start}), name = cut_place(piece);
        if (!(after_place && piece.len && !memchr(piece.ptr, ' ', piece.len))) add_name(c, name);
        if (piece.len) after_place = name.len < piece.len || (after_place && !memchr(piece.ptr, ' ', piece.len));
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
    pith_slice head = {s + st, (size_t)(p - s) - st};
    if (!meta_ifind(head.ptr, head.len, "information", 11) && !meta_ifind(head.ptr, head.len, "material", 8)) return false;
    size_t b = (size_t)(p - s) + 13, e = b;
    while (e < len && s[e] != ';' && s[e] != '\n' && !(s[e] == '.' && (e + 1 == len || s[e + 1] == ' '))) e++;
    pith_slice names = trim((pith_slice){s + b, e - b});
    size_t from = 0;
    for (size_t i = 0; i <= names.len; i++) {
        size_t skip = i == names.len || names.ptr[i] == ',' ? 1 : conjunction_at(names.ptr, names.len, i);
        if (!skip) continue;
        pith_slice piece = trim((pith_slice){names.ptr + from, i - from});
        size_t words = piece.len ? 1 : 0;
        for (size_t k = 0; k < piece.len; k++) words += piece.ptr[k] == ' ';
        if (capital(piece) && words <= MAX_NAME_WORDS && piece.len <= MAX_NAME_LEN) add_source(c, piece);
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
        credit_names(&c, trim((pith_slice){s + st, (size_t)(p - s) - st}));
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
            credit_names(&c, trim((pith_slice){s + st, e - st}));
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
    pith_slice in = trim((pith_slice){s + open + 1, close - open - 1});
    size_t j = close + 1;
    while (j < len && (s[j] == ' ' || (j + 1 < len && (unsigned char)s[j] == 0xC2 && (unsigned char)s[j + 1] == 0xA0)))
        j += s[j] == ' ' ? 1 : 2;
    bool dash = j < len && (s[j] == '-' || (j + 2 < len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
                                             ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94)));
    if (!dash || !in.len) return true;
    int words = 1;
    bool acronym = in.len >= 2 && in.len <= 6;
    for (size_t i = 0; i < in.len; i++) {
        if (in.ptr[i] == ' ') words++;
        if (!(in.ptr[i] >= 'A' && in.ptr[i] <= 'Z')) acronym = false;
    }
    if (!IN(in.ptr, in.len, AGENCIES) && !acronym && !outlet_name(in, words)) return true;
    collect c = {.a = a, .sources = sources, .max = max, .ok = true};
    add_source(&c, in);
    return c.ok;
}
