/*
 * records.c - repeated records: posts and comments (see records.h).
 */
#include "records.h"

#include <string.h>

#include "meta_internal.h"
#include "util/ascii.h"
#include "util/buf.h"
#include "util/space.h"

/* Named parameters. */
#define MAX_LABEL_BYTES 96     /* an author or date longer than this is a block of text, not a label */
#define MIN_NAME_BYTES 2       /* a one-letter author is an avatar's initial */
#define LABEL_VISITS 256       /* nodes read for one label at most */
#define LABEL_TRIES 8          /* candidate labels tried per record and kind */
#define BODY_SHARE 0.85        /* the body goes down into a child holding this share of the prose */
#define BODY_OWN_SHARE 0.15    /* ... unless the element has this share as text of its own */
#define PROSE_MIN 20           /* a record with prose has this many characters outside links */
#define SMALL_PART_CHARS 60    /* buttons and counters inside a body are at most this long */
#define MAX_TEXT_BYTES 65536   /* one record's text */
#define MAX_RECORDS 10000
#define RECORDS_MOST_SHARE 0.6 /* a group of records holds this share of the biggest group's prose */
#define BODY_UNSIGNED_SHARE 0.6 /* the biggest unsigned part holds this share of the unsigned text */
#define BODY_TRIES 4           /* body shapes tried per thread */
#define SHOWN_DATE_MIN 6       /* a link's text read as a date: "3/2/24" .. */
#define SHOWN_DATE_MAX 40      /* .. "Tuesday, November 12, 2024, 10:45:12 PM" */
#define SHOWN_DATE_SCAN 200    /* ... with the white space around it */
#define WRAPPER_CHECKS 32      /* groups checked for holding others whole */
#define WRAPPER_DEPTH 64       /* ... that many levels up */
#define DT_NAME_BYTES 40       /* a user's name heading a definition list of their details */
#define USER_BOX_CHARS 80      /* a signed, undated part this short is a user box */
#define HEADER_LEVELS 2        /* levels above a record searched for its post's header */
#define HEADER_VISITS 512      /* elements read around a record to check its post holds no other */

/* Words of class and id (rules_has_word). */
static const char *const author_words[] = {"author", "username", "poster", "fn", "nickname", "commenter", "creator",
                                           NULL};
static const char *const user_words[] = {"user", "name", "member", NULL};
static const char *const date_words[] = {"date", "time", "timestamp", "datetime", "posted", "timeago", "published",
                                         NULL};
static const char *const drop_words[] = {"signature", "sig", "signatures", NULL};
static const char *const small_drop_words[] = {"vote", "votes", "voting", "like", "likes", "reaction", "reactions",
                                               "reply", "share", "report", "permalink", "edited", "actions",
                                               "controls", "toolbar", "menu", NULL};

/* ------------------------------------------------------------ shapes */

static uint64_t fnv(uint64_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* Whether an element may be a record at all: block containers and custom
 * elements; not paragraphs, headings or inline text. */
static bool shape_candidate(const ext_el *e) {
    const pith_node *n = el_node(e);
    if (e->flags & EL_SKIPPED) return false;
    if (n->ns != PITH_NS_HTML) return false;
    if (n->tag == PITH_TAG_UNKNOWN) return memchr(n->str, '-', n->len) != NULL; /* custom elements */
    switch (n->tag) {
    case PITH_TAG_P: case PITH_TAG_H1: case PITH_TAG_H2: case PITH_TAG_H3: case PITH_TAG_H4: case PITH_TAG_H5:
    case PITH_TAG_H6: case PITH_TAG_HTML: case PITH_TAG_BODY: case PITH_TAG_TBODY: case PITH_TAG_THEAD:
    case PITH_TAG_TFOOT: case PITH_TAG_PRE: case PITH_TAG_FORM:
        return false;
    default:
        return rules_tag_role(n) == TAG_BLOCK;
    }
}

/* The shape: tag name plus the first class word, or the itemtype, or the
 * id without its digits ("post123" -> "post"). */
static uint64_t shape_of(const pith_node *n) {
    uint64_t h = fnv(1469598103934665603ull, n->str, n->len);
    h = fnv(h, "\0", 1);
    uint32_t len = 0;
    const char *v = pith_dom_attr(n, "class", 5, &len);
    if (v) {
        uint32_t i = 0;
        while (i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f')) i++;
        uint32_t s = i;
        while (i < len && !(v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f')) i++;
        if (i > s) return fnv(fnv(h, "c", 1), v + s, i - s);
    }
    v = pith_dom_attr(n, "itemtype", 8, &len);
    if (v && len) return fnv(fnv(h, "t", 1), v, len);
    v = pith_dom_attr(n, "id", 2, &len);
    if (v && len) {
        char buf[64];
        size_t k = 0;
        bool digits = false;
        for (uint32_t i = 0; i < len && k < sizeof buf; i++) {
            if (v[i] >= '0' && v[i] <= '9') digits = true;
            else buf[k++] = v[i];
        }
        if (digits) return fnv(fnv(h, "i", 1), buf, k);
    }
    return h;
}

typedef struct group {
    uint64_t key;
    uint32_t first;      /* first member */
    uint32_t last_end;   /* end of the last member */
    uint32_t members;
    uint32_t n1, n2, n3; /* members with at least 1, 2, 3 of: author, date, prose */
    uint64_t prose;
} group;

/* ------------------------------------------------------------ signals */

/* Whether attribute `name` of n is `value`, ASCII case-insensitively
 * ("datePublished" matches "datepublished"). Called with literals, whose
 * lengths the macro takes at compile time: these run on every element of
 * a thread page. */
static bool attr_is_n(const pith_node *n, const char *name, size_t nl, const char *value, size_t vl) {
    uint32_t len = 0;
    const char *v = pith_dom_attr(n, name, nl, &len);
    if (!v || len != vl) return false;
    for (size_t i = 0; i < vl; i++)
        if (ascii_lower((unsigned char)v[i]) != ascii_lower((unsigned char)value[i])) return false;
    return true;
}
#define attr_is(n, name, value) attr_is_n((n), name, sizeof(name) - 1, value, sizeof(value) - 1)

/* Whether w occurs in s[0..n): memchr finds each place its first byte
 * is, and only those are compared (every link of a thread page is tried
 * against a dozen patterns). */
static bool contains(const char *s, size_t n, const char *w) {
    size_t wl = strlen(w);
    if (!wl || wl > n) return wl == 0;
    const char *end = s + n - wl + 1, *p = s;
    while ((p = memchr(p, w[0], (size_t)(end - p))) != NULL) {
        if (memcmp(p + 1, w + 1, wl - 1) == 0) return true;
        if (++p >= end) break;
    }
    return false;
}

/* A link to a member's page. */
static bool profile_link(const pith_node *n) {
    if (n->tag != PITH_TAG_A) return false;
    uint32_t len = 0;
    const char *h = pith_dom_attr(n, "href", 4, &len);
    if (!h || !len) return false;
    static const char *const pats[] = {"/u/", "/user/", "/users/", "/member/", "/members/", "/profile",
                                       "viewprofile", "profile.php", "/people/", "/author/", "/usr/",
                                       /* vBulletin's and SMF's profile pages ("member.php?u=7",
                                        * "index.php?action=profile;u=7") */
                                       "member.php", "action=profile", NULL};
    for (const char *const *p = pats; *p; p++)
        if (contains(h, len, *p)) return true;
    return false;
}

static bool author_strong(const pith_node *n) {
    return rules_has_word(n, author_words) || attr_is(n, "itemprop", "author") || attr_is(n, "itemprop", "creator") ||
           attr_is(n, "rel", "author");
}

/* A link or span whose whole text is a date ("2025-11-01 15:14:37", "Mar
 * 3, 2024"): forums that name no element date still show one per post. */
static bool shown_date(const pith_node *n) {
    if (n->ns != PITH_NS_HTML || (n->tag != PITH_TAG_A && n->tag != PITH_TAG_SPAN)) return false;
    const pith_node *t = pith_dom_first_child(n);
    if (!t || pith_dom_next_sibling(t) || t->type != PITH_NODE_TEXT) return false;
    if (t->len > SHOWN_DATE_SCAN) return false;
    const char *x = t->str;
    uint32_t len = t->len;
    while (len && (*x == ' ' || *x == '\n' || *x == '\t' || *x == '\r')) x++, len--;
    while (len && (x[len - 1] == ' ' || x[len - 1] == '\n' || x[len - 1] == '\t' || x[len - 1] == '\r')) len--;
    if (len < SHOWN_DATE_MIN || len > SHOWN_DATE_MAX) return false;
    /* A numeric stamp ("03/04/2026 19:44", "2025-11-01 15:14:37"): dates
     * whose day and month order is unknown are still dates here. */
    unsigned digits = 0, seps = 0, other = 0;
    for (uint32_t i = 0; i < len; i++) {
        char c = x[i];
        if (c >= '0' && c <= '9') digits++;
        else if (c == '/' || c == '-' || c == '.' || c == ':') seps++;
        else if (c != ' ' && c != ',' && c != 'A' && c != 'P' && c != 'M' && c != 'a' && c != 'p' && c != 'm') other++;
    }
    if (!digits) return false;
    if (!other && digits >= 4 && seps >= 2) return true;
    pith_date d;
    return pith_date_parse_ex(x, len, 0, &d);
}

static bool is_date(const pith_node *n) {
    return (n->tag == PITH_TAG_TIME && n->ns == PITH_NS_HTML) || rules_has_word(n, date_words) ||
           attr_is(n, "itemprop", "datePublished") || attr_is(n, "itemprop", "dateCreated") || shown_date(n);
}

/* A definition term whose text starts in bold: the user's name heading a
 * list of their details (name_term reads and checks its text). */
static bool bold_term(const pith_node *n) {
    if (n->ns != PITH_NS_HTML || n->tag != PITH_TAG_DT) return false;
    const pith_node *c = pith_dom_first_child(n);
    while (c && c->type == PITH_NODE_TEXT && pith_space_prefix(c->str, c->len) == c->len) c = pith_dom_next_sibling(c);
    return c && c->type == PITH_NODE_ELEMENT && (c->tag == PITH_TAG_STRONG || c->tag == PITH_TAG_B);
}

/* An element's signals, each test once (is_date may parse the text):
 * strong: it names an author or links to a profile; author: that, or it is
 * named user/name/member; date: it is a date. Not visible: none. */
static void signals(const ext_el *e, bool *strong, bool *author, bool *date) {
    bool vis = !(e->flags & EL_SKIPPED); /* inline elements count no chars: their block does */
    *strong = vis && (author_strong(el_node(e)) || profile_link(el_node(e)) || bold_term(el_node(e)));
    *author = *strong || (vis && rules_has_word(el_node(e), user_words));
    *date = vis && is_date(el_node(e));
}

/* Whether an element holds some text (an empty author slot filled by
 * script signs nothing). Bounded: a label is near the top. */
static bool has_text(const pith_node *el) {
    size_t visits = 0;
    for (const pith_node *n = pith_dom_first_child(el); n && visits < LABEL_VISITS; n = pith_dom_next(el, n, false), visits++)
        if (n->type == PITH_NODE_TEXT)
            for (uint32_t i = 0; i < n->len; i++)
                if (!ascii_is_space(n->str[i])) return true;
    return false;
}

bool records_signs(const ext_el *e) {
    if (e->flags & EL_SKIPPED) return false;
    return (author_strong(el_node(e)) && has_text(el_node(e))) || is_date(el_node(e));
}

/* ------------------------------------------------------------ labels */

/* Whether buf holds more than white space. */
static bool has_label_text(const pith_buf *buf) {
    for (size_t i = 0; i < buf->len; i++)
        if (buf->data[i] != ' ') return true;
    return false;
}

/* An element's text, collapsed, in buf; false when there is none or it is
 * too long to be a label. first_line: the text up to the first line break
 * or block after some text (a user box's name, not the rank under it). */
static bool label_text_ex(const pith_node *el, pith_buf *buf, bool first_line) {
    pith_buf_clear(buf);
    size_t visits = 0;
    for (const pith_node *n = pith_dom_first_child(el); n; visits++) {
        if (visits > LABEL_VISITS) return false;
        bool skip = false;
        if (n->type == PITH_NODE_ELEMENT && rules_tag_role(n) == TAG_SKIP) skip = true;
        if (first_line && n->type == PITH_NODE_ELEMENT && !skip &&
            (n->tag == PITH_TAG_BR || rules_tag_role(n) == TAG_BLOCK) && has_label_text(buf))
            break;
        if (n->type == PITH_NODE_TEXT) {
            pith_buf_put_collapsed(buf, n->str, n->len, MAX_LABEL_BYTES + 1);
            if (buf->len > MAX_LABEL_BYTES) return false;
        } else if (n->type == PITH_NODE_ELEMENT && !skip && rules_tag_role(n) == TAG_BLOCK && buf->len &&
                   buf->data[buf->len - 1] != ' ') {
            pith_buf_putc(buf, ' ');
        }
        n = pith_dom_next(el, n, skip);
    }
    while (buf->len && buf->data[buf->len - 1] == ' ') buf->len--;
    return buf->len > 0 && !buf->failed;
}

static bool label_text(const pith_node *el, pith_buf *buf) { return label_text_ex(el, buf, false); }

static bool has_digit(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') return true;
    return false;
}

typedef struct reader {
    ext_features *f;
    pith_arena *arena;
    pith_buf buf;
} reader;

static char *dup_buf(reader *rd) { return pith_arena_strndup(rd->arena, rd->buf.data, rd->buf.len); }

/* A name's label: its first line. An author box gives the name on its
 * first line and the user's rank or title under it ("StarredSkies" over
 * "Big Board Owner"), no part of the name. */
static bool name_text(const pith_node *el, pith_buf *buf) { return label_text_ex(el, buf, true); }

/* A definition list of a user's details headed by the user's name in
 * bold: "<dl><dt><strong>name</strong></dt><dd>Member</dd>...". Its term
 * is a short label, not "Joined:". Read outside the post's body only (a
 * post may hold a glossary). */
static bool name_term(const pith_node *n, pith_buf *buf) {
    if (!bold_term(n)) return false;
    if (!name_text(n, buf) || buf->len < MIN_NAME_BYTES || buf->len > DT_NAME_BYTES) return false;
    return buf->data[buf->len - 1] != ':';
}

static bool names_author(const pith_node *m) {
    return rules_has_word(m, author_words) || attr_is(m, "itemprop", "name") || profile_link(m);
}

/* The part of element j that names the author (a name or a profile link
 * with a label), the innermost of nested ones: a pane named "author" holds
 * a heading named "author" holding the name, and the pane's text has the
 * date too. Its label is left in rd->buf; 0 when there is none. */
static uint32_t name_part(reader *rd, uint32_t j) {
    uint32_t found = 0, end = rd->f->els[j].end, limit = j + LABEL_VISITS;
    for (uint32_t k = j + 1; k < end && k < limit; k++) {
        const pith_node *m = el_node(&rd->f->els[k]);
        if (!names_author(m) || !name_text(m, &rd->buf) || rd->buf.len < MIN_NAME_BYTES) continue;
        found = k;
        end = rd->f->els[k].end; /* look on inside it only */
    }
    if (found) name_text(el_node(&rd->f->els[found]), &rd->buf);
    return found;
}

/* Whether the label walks pass over element *j: inside [skip_from,
 * skip_to) or not visible. If so *j moves to the last element passed over
 * (the walk's j++ goes on after it). */
static bool passed_over(const ext_features *f, uint32_t *j, uint32_t skip_from, uint32_t skip_to) {
    if (*j >= skip_from && *j < skip_to) {
        *j = skip_to - 1;
        return true;
    }
    if (f->els[*j].flags & EL_SKIPPED) {
        *j = f->els[*j].end - 1;
        return true;
    }
    return false;
}

/* The author in [from, to) outside [skip_from, skip_to): a strongly named
 * element, else a profile link, else an element named user/name, else
 * (outside the post's body only) a user's name heading a list of their
 * details. *at is the element read. Returns false on memory failure only. */
static bool find_author(reader *rd, uint32_t from, uint32_t to, uint32_t skip_from, uint32_t skip_to, bool outside,
                        const char **out, uint32_t *at) {
    *out = NULL;
    for (int pass = 0; pass < (outside ? 4 : 3) && !*out; pass++) {
        int tries = 0;
        for (uint32_t j = from; j < to && tries < LABEL_TRIES; j++) {
            if (passed_over(rd->f, &j, skip_from, skip_to)) continue;
            const ext_el *e = &rd->f->els[j];
            const pith_node *n = el_node(e);
            if (pass == 3) {
                if (!name_term(n, &rd->buf)) continue;
                if (!(*out = dup_buf(rd))) return false;
                *at = j;
                break;
            }
            bool hit = pass == 0 ? author_strong(n) : pass == 1 ? profile_link(n) : rules_has_word(n, user_words);
            if (!hit) continue;
            tries++;
            /* An author box (itemprop=author on the user's whole card)
             * names the author in a part: a name or a profile link. */
            bool inner = name_part(rd, j) != 0;
            if (!inner && (!name_text(n, &rd->buf) || rd->buf.len < MIN_NAME_BYTES)) continue;
            if (!(*out = dup_buf(rd))) return false;
            *at = j;
            break;
        }
    }
    return true;
}

/* Whether a title attribute holds a date ("2024-03-01 09:12", "Mar 1,
 * 2024 at 9:12 AM"), not a link's tooltip with a number in it ("Reply #1
 * - Re: ..."). */
static bool title_date(const char *v, uint32_t len) {
    if (!len || len > MAX_LABEL_BYTES || !has_digit(v, len)) return false;
    pith_date d;
    return pith_date_parse_ex(v, len, 0, &d);
}

/* The date a date element's own first text states when the element says
 * more after it: "2019-02-23, 09:14 PM" followed by a nested "(This post
 * was last modified: ... by NAME)" makes the whole too long for a label,
 * and the edit note's date and name are not the post's. */
static bool leading_date(const pith_node *el, pith_buf *buf) {
    const pith_node *t = pith_dom_first_child(el);
    if (!t || t->type != PITH_NODE_TEXT) return false;
    pith_buf_clear(buf);
    pith_buf_put_collapsed(buf, t->str, t->len, MAX_LABEL_BYTES + 1);
    while (buf->len && buf->data[buf->len - 1] == ' ') buf->len--;
    if (buf->failed || !buf->len || buf->len > MAX_LABEL_BYTES || !has_digit(buf->data, buf->len)) return false;
    pith_date d;
    return pith_date_parse_ex(buf->data, buf->len, 0, &d);
}

/* Whether date element n is an edit stamp ("edited Apr 13, 2017 at
 * 12:52", "Last modified: ..."): a post shows it beside, often before, the
 * date it was posted. */
static bool edit_stamp(reader *rd, const pith_node *n) {
    static const char *const LABELS[] = {"edited", "last edited", "modified", "last modified", "updated",
                                         "last updated"};
    if (!label_text(n, &rd->buf)) return false;
    for (size_t i = 0; i < sizeof LABELS / sizeof *LABELS; i++) {
        size_t l = strlen(LABELS[i]);
        if (rd->buf.len > l && meta_istarts(rd->buf.data, rd->buf.len, LABELS[i]) &&
            !((rd->buf.data[l] >= 'a' && rd->buf.data[l] <= 'z') || (rd->buf.data[l] >= 'A' && rd->buf.data[l] <= 'Z')))
            return true;
    }
    return false;
}

/* Reads date element j into r (its dated part, its datetime or title, its
 * text). *found tells whether it held a date. Returns false on memory
 * failure only. */
static bool read_date(reader *rd, uint32_t j, record *r, bool *found) {
    const ext_el *e = &rd->f->els[j];
    const pith_node *n = el_node(e);
    *found = false;
    /* A labelled date ("asked <span title=ISO>Mar 1</span>") is read
     * from its dated part. */
    for (uint32_t k = j + 1; k < e->end && k < j + LABEL_VISITS; k++) {
        const pith_node *m = el_node(&rd->f->els[k]);
        uint32_t ml = 0;
        const char *v = pith_dom_attr(m, "datetime", 8, &ml);
        if (!v && (v = pith_dom_attr(m, "title", 5, &ml)) && !title_date(v, ml)) v = NULL;
        if (v && ml <= MAX_LABEL_BYTES && has_digit(v, ml)) {
            n = m;
            break;
        }
    }
    uint32_t dl = 0, tl = 0;
    const char *dt = pith_dom_attr(n, "datetime", 8, &dl);
    if ((!dt || !dl) && (dt = pith_dom_attr(n, "title", 5, &dl)) && !title_date(dt, dl)) dt = NULL;
    if (!dt || !dl) dt = pith_dom_attr(n, "content", 7, &dl);
    if (dt && (dl > MAX_LABEL_BYTES || !has_digit(dt, dl))) dt = NULL;
    const char *shown = NULL;
    if (label_text(n, &rd->buf) || (!dt && leading_date(n, &rd->buf))) {
        tl = (uint32_t)rd->buf.len;
        if (has_digit(rd->buf.data, tl) || dt) {
            if (!(shown = dup_buf(rd))) return false;
        }
    }
    if (!shown && !dt) return true;
    r->date_text = shown;
    r->date = dt ? pith_arena_strndup(rd->arena, dt, dl) : shown;
    *found = r->date != NULL;
    return r->date != NULL;
}

/* The date in [from, to) outside [skip_from, skip_to): a <time> or an
 * element named date/time, with a digit in its text or attributes; an
 * edit stamp only when the post shows no other date. */
static bool find_date(reader *rd, uint32_t from, uint32_t to, uint32_t skip_from, uint32_t skip_to, record *r,
                      uint32_t *at) {
    int tries = 0;
    uint32_t edited = UINT32_MAX;
    bool found = false;
    for (uint32_t j = from; j < to && tries < LABEL_TRIES; j++) {
        if (passed_over(rd->f, &j, skip_from, skip_to)) continue;
        if (!is_date(el_node(&rd->f->els[j]))) continue;
        tries++;
        if (edit_stamp(rd, el_node(&rd->f->els[j]))) {
            if (edited == UINT32_MAX) edited = j;
            j = rd->f->els[j].end - 1;
            continue;
        }
        if (!read_date(rd, j, r, &found)) return false;
        if (found) {
            *at = j;
            return true;
        }
    }
    if (edited != UINT32_MAX) {
        if (!read_date(rd, edited, r, &found)) return false;
        if (found) *at = edited;
    }
    return true;
}

/* ------------------------------------------------------------ bodies */

static uint64_t prose(const ext_el *e) { return e->chars > e->link_chars ? e->chars - e->link_chars : 0; }

static bool quotation(const pith_node *n) {
    static const char *const words[] = {"quote", "blockquote", "bbcodequote", NULL};
    return n->tag == PITH_TAG_BLOCKQUOTE || rules_has_word(n, words);
}

static uint32_t find_body(const ext_features *f, uint32_t r) {
    uint32_t cur = r;
    for (;;) {
        const ext_el *c = &f->els[cur];
        uint64_t total = prose(c);
        if (!total) return cur;
        if ((double)(c->own_chars > c->own_link_chars ? c->own_chars - c->own_link_chars : 0) >
            BODY_OWN_SHARE * (double)total)
            return cur;
        uint32_t best = 0;
        uint64_t best_prose = 0;
        for (uint32_t j = cur + 1; j < c->end; j = f->els[j].end) {
            uint64_t p = prose(&f->els[j]);
            if (p > best_prose) best_prose = p, best = j;
        }
        if (!best || (double)best_prose < BODY_SHARE * (double)total) return cur;
        const pith_node *n = el_node(&f->els[best]);
        if (n->ns != PITH_NS_HTML || rules_tag_role(n) != TAG_BLOCK || quotation(n) || n->tag == PITH_TAG_P ||
            n->tag == PITH_TAG_PRE || n->tag == PITH_TAG_UL || n->tag == PITH_TAG_OL || n->tag == PITH_TAG_TABLE)
            return cur;
        cur = best;
    }
}

/* Marks the parts of a body that are not the post. */
static void mark_body(ext_features *f, uint32_t body) {
    const ext_el *b = &f->els[body];
    for (uint32_t j = body + 1; j < b->end; j++) {
        ext_el *e = &f->els[j];
        if (e->flags & EL_SKIPPED) { /* not shown: nothing to mark */
            j = e->end - 1;
            continue;
        }
        e->flags &= ~(uint32_t)EL_BOILERPLATE;
        const pith_node *n = el_node(e);
        bool drop = n->tag == PITH_TAG_FORM || rules_has_word(n, drop_words) ||
                    (e->chars <= SMALL_PART_CHARS && rules_has_word(n, small_drop_words)) ||
                    (e->hints & (HINT_HIDDEN | HINT_SHARE | HINT_AD | HINT_CONSENT));
        if (drop) {
            e->flags |= EL_BOILERPLATE;
            j = e->end - 1;
        }
    }
}

/* Marks in found_at (one per record) the outermost element of shape key
 * holding the most prose in each record; returns how many records have
 * one. */
static uint32_t bodies_of_shape(const ext_features *f, const group *g, const uint64_t *shape, uint32_t from,
                                uint32_t to, uint64_t key, uint32_t *found_at) {
    uint32_t nb = 0, nfound = 0, last_end = 0;
    for (uint32_t j = g->first; j < to && nb < g->members; j++) {
        if (shape[j - from] != g->key || j < last_end) continue;
        uint32_t rec = j, end = f->els[j].end;
        last_end = end;
        uint32_t found = 0;
        uint64_t found_prose = 0;
        for (uint32_t k = rec + 1; k < end; k++) {
            const ext_el *e = &f->els[k];
            if (e->flags & EL_SKIPPED) continue;
            if ((shape_of(el_node(e)) | 1) != key) continue;
            if (!found || prose(e) > found_prose) found = k, found_prose = prose(e);
            k = e->end - 1; /* outermost */
        }
        found_at[nb++] = found;
        if (found) nfound++;
        j = end - 1;
    }
    return nfound;
}

/* The records' bodies: each record's own descent (find_body) gives a
 * shape; the shape that most records' bodies have, and that most records
 * hold, is the body of every record that holds it (a short post
 * whose user box outweighs its text has its body where the long posts
 * have theirs). A few candidate shapes are tried, deepest first. */
/* The body by the labels: the biggest subtree of the record holding no
 * author or date (ps: prefix counts of strong author and date elements),
 * when it holds most of such text; else find_body's descent. */
static uint32_t unsigned_body(const ext_features *f, uint32_t rec, const uint32_t *ps, const uint32_t *pd,
                              uint32_t from) {
    const ext_el *r = &f->els[rec];
    if (ps[r->end - from] == ps[rec - from]) return find_body(f, rec);
    uint32_t best = 0;
    uint64_t best_prose = 0, total = 0;
    for (uint32_t j = rec + 1; j < r->end; j++) {
        const ext_el *e = &f->els[j];
        if (e->flags & EL_SKIPPED) {
            j = e->end - 1;
            continue;
        }
        if (ps[e->end - from] != ps[j - from]) {
            /* A user box (named author/poster, or a few words around the
             * user's link, with no date): the user's name, rank and
             * details ("Join Date: Jun 2024"), never the post. */
            if ((rules_has_word(el_node(e), author_words) || prose(e) <= USER_BOX_CHARS) && pd[e->end - from] == pd[j - from])
                j = e->end - 1;
            continue; /* signed: look inside */
        }
        uint64_t p = prose(e);
        total += p;
        if (p > best_prose) best_prose = p, best = j;
        j = e->end - 1;
    }
    if (best && (double)best_prose >= BODY_UNSIGNED_SHARE * (double)total) return best;
    return find_body(f, rec);
}

static bool consensus_bodies(const ext_features *f, const group *g, const uint64_t *shape, uint32_t from, uint32_t to,
                             const uint32_t *ps, const uint32_t *pd, pith_arena *arena, uint32_t *bodies) {
    size_t cap = 16;
    while (cap < (size_t)g->members * 2) cap *= 2;
    uint64_t *keys = pith_arena_alloc(arena, cap * sizeof *keys);
    uint32_t *counts = pith_arena_alloc(arena, cap * sizeof *counts);
    uint32_t *depths = pith_arena_alloc(arena, cap * sizeof *depths);
    uint32_t *found_at = pith_arena_alloc(arena, g->members * sizeof *found_at);
    if (!keys || !counts || !depths || !found_at) return false;
    memset(keys, 0, cap * sizeof *keys);
    memset(counts, 0, cap * sizeof *counts);
    memset(depths, 0, cap * sizeof *depths);
    uint32_t nb = 0, last_end = 0;
    for (uint32_t j = g->first; j < to && nb < g->members; j++) {
        if (shape[j - from] != g->key || j < last_end) continue;
        uint32_t rec = j;
        last_end = f->els[j].end;
        j = last_end - 1;
        uint32_t b = unsigned_body(f, rec, ps, pd, from);
        bodies[nb++] = b;
        if (b == rec) continue;
        uint64_t k = shape_of(el_node(&f->els[b])) | 1;
        size_t h = (size_t)(k >> 7) & (cap - 1);
        while (keys[h] && keys[h] != k) h = (h + 1) & (cap - 1);
        keys[h] = k;
        counts[h]++;
        depths[h] += f->els[b].depth - f->els[rec].depth;
    }
    for (int tries = 0; tries < BODY_TRIES; tries++) {
        size_t top = cap;
        double top_depth = 0;
        for (size_t h = 0; h < cap; h++) {
            if (!keys[h] || counts[h] < 2) continue;
            double d = (double)depths[h] / counts[h];
            if (top == cap || counts[h] > counts[top] || (counts[h] == counts[top] && d > top_depth))
                top = h, top_depth = d;
        }
        if (top == cap) return true;
        uint32_t nfound = bodies_of_shape(f, g, shape, from, to, keys[top], found_at);
        counts[top] = 0; /* tried */
        if (nfound * 2 < nb) continue;
        for (uint32_t i = 0; i < nb; i++)
            if (found_at[i]) bodies[i] = found_at[i];
        return true;
    }
    return true;
}

/* ------------------------------------------------------------ finding */

static bool choose(const group *a, const group *b) {
    /* true when a ranks above b */
    if (a->n3 != b->n3) return a->n3 > b->n3;
    /* As many complete records: the fewer incomplete ones (a post, not its
     * user box and its text apart). */
    if (a->n3 && a->members != b->members) return a->members < b->members;
    if (a->n2 != b->n2) return a->n2 > b->n2;
    if (a->n1 != b->n1) return a->n1 > b->n1;
    return a->first < b->first;
}

/* The author a post's element names in an attribute ("data-author",
 * "data-username"): engines that render the name by script keep it there. */
static bool attr_author(reader *rd, const pith_node *n, const char **out) {
    static const char *const names[] = {"data-author", "data-username", NULL};
    for (const char *const *a = names; *a && !*out; a++) {
        uint32_t len = 0;
        const char *v = pith_dom_attr(n, *a, strlen(*a), &len);
        if (v && len >= MIN_NAME_BYTES && len <= MAX_LABEL_BYTES && !(*out = pith_arena_strndup(rd->arena, v, len)))
            return false;
    }
    return true;
}

/* Reads record el whose body is body: its author and date, outside the
 * body first, then inside it (and then left out of it), and marks the
 * body's parts that are not the post. *keep: the record has prose (and,
 * with signed_only, an author or a date). false: out of memory. */
static bool read_record(reader *rd, uint32_t el, uint32_t body, bool signed_only, record *out, bool *keep) {
    ext_features *f = rd->f;
    const ext_el *e = &f->els[el];
    record r = {.el = el, .body = body};
    uint32_t rec = el, end = e->end, body_end = f->els[body].end;
    uint32_t a_at = 0, d_at = 0;
    *keep = false;
    if (!find_author(rd, rec + 1, end, body, body_end, true, &r.author, &a_at)) return false;
    if (!r.author && body != rec && !find_author(rd, body + 1, body_end, 0, 0, false, &r.author, &a_at)) return false;
    if (!r.author && !attr_author(rd, el_node(e), &r.author)) return false;
    if (!find_date(rd, rec + 1, end, body, body_end, &r, &d_at)) return false;
    if (!r.date && body != rec && !find_date(rd, body + 1, body_end, 0, 0, &r, &d_at)) return false;
    if (signed_only && !r.author && !r.date) return true;
    mark_body(f, body);
    if (r.author && a_at > body && a_at < body_end && f->els[a_at].chars <= MAX_LABEL_BYTES)
        f->els[a_at].flags |= EL_BOILERPLATE;
    if (r.date && d_at > body && d_at < body_end && f->els[d_at].chars <= MAX_LABEL_BYTES)
        f->els[d_at].flags |= EL_BOILERPLATE;
    *out = r;
    *keep = prose(&f->els[body]) > 0;
    return true;
}

/* Whether [a, b) holds a record of shape key (within [from, to)), or is
 * too long to tell. */
static bool holds_record(const uint64_t *shape, uint32_t from, uint32_t to, uint64_t key, uint32_t a, uint32_t b) {
    if (b > to) b = to;
    if (b > a && b - a > HEADER_VISITS) return true;
    for (uint32_t k = a; k < b; k++)
        if (k >= from && shape[k - from] == key) return true;
    return false;
}

/* A record that names no author may be a post's body alone, its header
 * beside it: "<li data-username=x><div class=post-header>(name, date)</div>
 * <div class=content>(the post)</div></li>" where the bodies make the
 * biggest group (the posts' own elements split between shapes). The
 * element a level or two up that holds this record and no other is the
 * post: its part before the record is the header, and its attributes may
 * name the author. Its date is left: there it is often only a machine
 * stamp (a meta, a title attribute), and the post's heading shows what a
 * reader sees. */
static bool header_author(reader *rd, const uint64_t *shape, uint32_t from, uint32_t to, uint64_t key, uint32_t rec,
                          record *r) {
    const ext_features *f = rd->f;
    int32_t a = f->els[rec].parent;
    for (int up = 0; up < HEADER_LEVELS && a >= (int32_t)from && !r->author; up++, a = f->els[a].parent) {
        uint32_t post = (uint32_t)a;
        if (holds_record(shape, from, to, key, post + 1, rec) ||
            holds_record(shape, from, to, key, f->els[rec].end, f->els[post].end))
            return true;
        uint32_t at = 0;
        if (!find_author(rd, post + 1, rec, 0, 0, true, &r->author, &at)) return false;
        if (!r->author && !attr_author(rd, el_node(&f->els[post]), &r->author)) return false;
    }
    return true;
}

bool records_find(ext_features *f, const records_params *p, pith_arena *arena, record **out, size_t *n) {
    *out = NULL;
    *n = 0;
    uint32_t from = p->from, to = p->to < f->count ? p->to : f->count;
    if (from >= to) return true;
    uint64_t region_prose = 0;
    for (uint32_t j = from; j < to; j = f->els[j].end) region_prose += prose(&f->els[j]);
    /* Cookie banners and hidden dialogs are no part of the page's prose. */
    for (uint32_t j = from; j < to; j++) {
        const ext_el *e = &f->els[j];
        if (!(e->hints & (HINT_CONSENT | HINT_HIDDEN))) continue;
        uint64_t pr = prose(e);
        region_prose -= pr < region_prose ? pr : region_prose;
        j = e->end - 1;
    }
    if (!region_prose) return true;

    size_t count = to - from;
    /* Prefix counts of author and date elements: element j's subtree
     * [j, end) holds pa[end] - pa[j] of them. */
    uint32_t *pa = pith_arena_alloc(arena, (count + 1) * sizeof *pa);
    uint32_t *pd = pith_arena_alloc(arena, (count + 1) * sizeof *pd);
    uint32_t *ps = pith_arena_alloc(arena, (count + 1) * sizeof *ps);
    uint64_t *shape = pith_arena_alloc(arena, count * sizeof *shape);
    size_t cap = 16;
    while (cap < count * 2) cap *= 2;
    group *tab = pith_arena_alloc(arena, cap * sizeof *tab);
    if (!pa || !pd || !ps || !shape || !tab) return false;
    memset(tab, 0, cap * sizeof *tab);
    pa[0] = pd[0] = ps[0] = 0;
    for (uint32_t j = from; j < to; j++) {
        const ext_el *e = &f->els[j];
        bool strong, author, date;
        signals(e, &strong, &author, &date);
        pa[j - from + 1] = pa[j - from] + author;
        pd[j - from + 1] = pd[j - from] + date;
        ps[j - from + 1] = ps[j - from] + (strong || date);
        /* Nothing in a cookie banner or a hidden dialog is a record. */
        bool aside = e->scope_hints & (HINT_CONSENT | HINT_HIDDEN);
        shape[j - from] = shape_candidate(e) && e->chars && !aside ? (shape_of(el_node(e)) | 1) : 0;
    }
    /* Group the outermost members of each shape. */
    for (uint32_t j = from; j < to; j++) {
        uint64_t k = shape[j - from];
        if (!k) continue;
        size_t h = (size_t)(k >> 7) & (cap - 1);
        while (tab[h].key && tab[h].key != k) h = (h + 1) & (cap - 1);
        group *g = &tab[h];
        const ext_el *e = &f->els[j];
        if (!g->key) {
            g->key = k;
            g->first = j;
        } else if (j < g->last_end) {
            continue; /* inside a member of its own shape */
        }
        g->last_end = e->end;
        g->members++;
        uint64_t pr = prose(e);
        g->prose += pr;
        uint32_t end = e->end < to ? e->end : to;
        int score = (pa[end - from] > pa[j - from]) + (pd[end - from] > pd[j - from]) + (pr >= PROSE_MIN);
        if (score >= 1) g->n1++;
        if (score >= 2) g->n2++;
        if (score >= 3) g->n3++;
    }
    /* Records are signed: at least two with prose and an author or a date.
     * And they hold the thread: not much less prose than the group that
     * holds the most (the comments under each answer are records too). */
    /* A group of wrappers (one holding the whole thread, another the
     * cookie banner) holds the most prose only through the member that
     * holds everything: one whose member holds another group is measured
     * without that member. Among the groups holding the most
     * prose only (WRAPPER_CHECKS), so that this stays linear. */
    const group *cands[WRAPPER_CHECKS];
    size_t nc = 0;
    for (size_t h = 0; h < cap; h++) {
        const group *g = &tab[h];
        if (!g->key || g->members < 2 || g->n2 < 2) continue;
        if (nc < WRAPPER_CHECKS) {
            cands[nc++] = g;
            continue;
        }
        size_t low = 0;
        for (size_t c = 1; c < nc; c++)
            if (cands[c]->prose < cands[low]->prose) low = c;
        if (g->prose > cands[low]->prose) cands[low] = g;
    }
    /* held[c]: the prose of candidate c's member that holds another
     * candidate's first member (walking up at most WRAPPER_DEPTH). */
    uint64_t held[WRAPPER_CHECKS] = {0};
    for (size_t d = 0; d < nc; d++) {
        int32_t a = f->els[cands[d]->first].parent;
        for (int steps = 0; a >= (int32_t)from && steps < WRAPPER_DEPTH; steps++, a = f->els[a].parent) {
            uint64_t k = shape[(uint32_t)a - from];
            if (!k) continue;
            for (size_t c = 0; c < nc; c++)
                if (c != d && cands[c]->key == k && cands[d]->last_end <= f->els[a].end) {
                    uint64_t pr = prose(&f->els[a]);
                    if (pr > held[c]) held[c] = pr;
                }
        }
    }
    uint64_t most = 0;
    for (size_t c = 0; c < nc; c++) {
        uint64_t pr = cands[c]->prose - (held[c] < cands[c]->prose ? held[c] : cands[c]->prose);
        if (pr > most) most = pr;
    }
    const group *best = NULL;
    for (size_t h = 0; h < cap; h++) {
        const group *g = &tab[h];
        if (!g->key || g->members < 2 || g->members < p->min_records) continue;
        if ((double)g->prose < p->min_share * (double)region_prose) continue;
        if (g->n2 < 2 || (double)g->prose < RECORDS_MOST_SHARE * (double)most) continue;
        if (!best || choose(g, best)) best = g;
    }
    if (!best) return true;

    record *list = pith_arena_alloc(arena, best->members * sizeof *list);
    uint32_t *bodies = pith_arena_alloc(arena, best->members * sizeof *bodies);
    if (!list || !bodies) return false;
    if (!consensus_bodies(f, best, shape, from, to, ps, pd, arena, bodies)) return false;
    size_t bi = 0;
    reader rd = {.f = f, .arena = arena};
    pith_buf_init(&rd.buf, NULL, MAX_LABEL_BYTES + 8);
    size_t nr = 0;
    bool ok = true;
    uint32_t last_end = 0;
    for (uint32_t j = best->first; j < to && ok && nr < MAX_RECORDS; j++) {
        if (shape[j - from] != best->key || j < last_end) continue;
        last_end = f->els[j].end;
        record r;
        bool keep = false;
        ok = read_record(&rd, j, bodies[bi++], p->signed_only, &r, &keep);
        if (ok && keep && !r.author) ok = header_author(&rd, shape, from, to, best->key, j, &r);
        j = last_end - 1;
        if (ok && keep) list[nr++] = r;
    }
    pith_buf_free(&rd.buf);
    if (!ok) return false;
    /* Unsigned records before the first signed one and after the last are
     * the page's chrome in the posts' markup (a breadcrumb bar, a "posting
     * rules" box in the same table class), not posts. */
    size_t lo = 0, hi = nr;
    while (lo < hi && !list[lo].author && !list[lo].date) lo++;
    while (hi > lo && !list[hi - 1].author && !list[hi - 1].date) hi--;
    /* ... and so are records naming no author after and before posts that
     * all name theirs (the "time now is 14:01" under the rules box). */
    size_t signed_n = 0;
    for (size_t i = lo; i < hi; i++) signed_n += list[i].author != NULL;
    while (signed_n >= 2 && hi > lo && !list[lo].author && signed_n + 1 == hi - lo) lo++;
    while (signed_n >= 2 && hi > lo && !list[hi - 1].author && signed_n + 1 == hi - lo) hi--;
    if (hi - lo >= 2) list += lo, nr = hi - lo;
    if (nr < 2 || nr < p->min_records) return true;
    *out = list;
    *n = nr;
    return true;
}

bool records_count_signs(ext_features *f, uint32_t from, uint32_t to, pith_arena *arena, records_prefix *out) {
    size_t count = to - from;
    out->from = from;
    out->ps = pith_arena_alloc(arena, (count + 1) * sizeof *out->ps);
    out->pd = pith_arena_alloc(arena, (count + 1) * sizeof *out->pd);
    if (!out->ps || !out->pd) return false;
    out->ps[0] = out->pd[0] = 0;
    for (uint32_t j = from; j < to; j++) {
        bool strong, author, date;
        signals(&f->els[j], &strong, &author, &date);
        out->pd[j - from + 1] = out->pd[j - from] + date;
        out->ps[j - from + 1] = out->ps[j - from] + (strong || date);
    }
    return true;
}

bool records_lone(ext_features *f, const records_prefix *px, uint32_t el, pith_arena *arena, record *out,
                  bool *found) {
    reader rd = {.f = f, .arena = arena};
    pith_buf_init(&rd.buf, NULL, MAX_LABEL_BYTES + 8);
    bool ok = read_record(&rd, el, unsigned_body(f, el, px->ps, px->pd, px->from), true, out, found);
    pith_buf_free(&rd.buf);
    return ok;
}

/* ------------------------------------------------------------ text */

const char *records_text(const ext_features *f, const record *r, pith_arena *arena) {
    pith_buf b;
    pith_buf_init(&b, NULL, MAX_TEXT_BYTES + 8);
    const ext_el *root = &f->els[r->body];
    uint32_t idx = r->body;
    pith_dom_iter it;
    pith_dom_iter_init(&it, el_node(root));
    while (pith_dom_iter_step(&it) && b.len < MAX_TEXT_BYTES) {
        const pith_node *n = it.node;
        if (n->type == PITH_NODE_TEXT) {
            pith_buf_put_collapsed(&b, n->str, n->len, MAX_TEXT_BYTES);
            continue;
        }
        if (n->type != PITH_NODE_ELEMENT || !it.entering) continue;
        uint32_t i = idx++;
        if (i >= f->count || el_node(&f->els[i]) != n) break;
        const ext_el *e = &f->els[i];
        if (i != r->body && (e->flags & (EL_SKIPPED | EL_BOILERPLATE))) {
            idx = e->end;
            pith_dom_iter_skip_children(&it);
            continue;
        }
        if ((rules_tag_role(n) == TAG_BLOCK || n->tag == PITH_TAG_BR) && b.len && b.data[b.len - 1] != ' ')
            pith_buf_putc(&b, ' ');
    }
    while (b.len && b.data[b.len - 1] == ' ') b.len--;
    const char *s = !b.failed && b.len ? pith_arena_strndup(arena, b.data, b.len) : NULL;
    pith_buf_free(&b);
    return s;
}
