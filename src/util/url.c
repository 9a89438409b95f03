/*
 * url.c - URL resolution and the http(s) check (see url.h).
 *
 * The result is written into one arena block sized for the worst case
 * (every byte percent-encoded), after the reference has been cleaned into
 * the second half of the same block. Dot segments are removed while the
 * path is written: a ".." truncates the output back to its previous '/',
 * so every byte is written and removed at most once.
 */
#include "url.h"
#include "ascii.h"

#include <string.h>

typedef struct url_out {
    char *p;
    size_t n;
} url_out;

typedef struct url_parts { /* slices of an absolute URL */
    const char *scheme, *auth, *path, *query;
    size_t scheme_len, auth_len, path_len, query_len;
    bool has_auth;
} url_parts;

static bool is_slash(char c, bool special) { return c == '/' || (special && c == '\\'); }

static void put(url_out *o, const char *s, size_t n) {
    if (n) memcpy(o->p + o->n, s, n);
    o->n += n;
}

/* Percent-encodes what the URL standard's path/query/fragment sets do (a
 * common subset: controls, space, non-ASCII, quotes, angle brackets). */
static void put_encoded(url_out *o, const char *s, size_t n, bool query) {
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool enc = c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || (!query && c == '`') ||
                   (query && c == '\'');
        if (!enc) {
            o->p[o->n++] = (char)c;
            continue;
        }
        o->p[o->n++] = '%';
        o->p[o->n++] = hex[c >> 4];
        o->p[o->n++] = hex[c & 15];
    }
}

/* Length of "scheme" before ':' (0 if s does not start with a scheme). */
static size_t scheme_len(const char *s, size_t n) {
    if (!n || !ascii_is_alpha(s[0])) return 0;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (c == ':') return i;
        if (!ascii_is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return 0;
    }
    return 0;
}

static bool is_special(const char *scheme, size_t n) {
    return (n == 4 && memcmp(scheme, "http", 4) == 0) || (n == 5 && memcmp(scheme, "https", 5) == 0);
}

/* Splits an absolute, cleaned, lower-case-scheme URL (the base). */
static bool split_url(const char *s, size_t n, url_parts *u) {
    memset(u, 0, sizeof *u);
    u->scheme_len = scheme_len(s, n);
    if (!u->scheme_len) return false;
    u->scheme = s;
    size_t i = u->scheme_len + 1;
    bool special = is_special(s, u->scheme_len);
    if (i + 1 < n && is_slash(s[i], special) && is_slash(s[i + 1], special)) {
        i += 2;
        size_t a = i;
        while (i < n && !is_slash(s[i], special) && s[i] != '?' && s[i] != '#') i++;
        u->auth = s + a;
        u->auth_len = i - a;
        u->has_auth = true;
    }
    size_t p = i;
    while (i < n && s[i] != '?' && s[i] != '#') i++;
    u->path = s + p;
    u->path_len = i - p;
    if (i < n && s[i] == '?') {
        size_t q = i;
        while (i < n && s[i] != '#') i++;
        u->query = s + q;
        u->query_len = i - q;
    }
    return true;
}

/* Cleans a reference: strips leading/trailing C0 controls and spaces,
 * removes tabs and newlines inside. */
static size_t clean(const char *s, size_t n, char *dst) {
    while (n && (unsigned char)s[0] <= 0x20) s++, n--;
    while (n && (unsigned char)s[n - 1] <= 0x20) n--;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r') dst[k++] = s[i];
    return k;
}

static bool seg_is(const char *s, size_t n, int dots) {
    size_t i = 0;
    int seen = 0;
    while (i < n) {
        if (s[i] == '.') i++;
        else if (i + 2 < n && s[i] == '%' && s[i + 1] == '2' && ascii_lower(s[i + 2]) == 'e') i += 3;
        else return false;
        seen++;
    }
    return seen == dots;
}

/* Appends one path (starting at a slash) with dot segments removed. The
 * output path begins at o->n == start. */
static void put_path(url_out *o, size_t start, const char *s, size_t n, bool special) {
    size_t i = 0;
    while (i < n) {
        i++; /* the slash */
        size_t j = i;
        while (j < n && !is_slash(s[j], special)) j++;
        bool last = j >= n;
        if (seg_is(s + i, j - i, 1)) {
            if (last) put(o, "/", 1);
        } else if (seg_is(s + i, j - i, 2)) {
            while (o->n > start && o->p[o->n - 1] != '/') o->n--;
            if (o->n > start) o->n--;
            if (last) put(o, "/", 1);
        } else {
            put(o, "/", 1);
            put_encoded(o, s + i, j - i, false);
        }
        i = j;
    }
    if (o->n == start) put(o, "/", 1);
}

/* Writes an authority: lower-cased host, default port dropped. */
static bool put_authority(url_out *o, const char *s, size_t n, size_t scheme_n) {
    const char *at = NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '@') at = s + i;
    size_t host_from = at ? (size_t)(at - s) + 1 : 0;
    if (at) put_encoded(o, s, host_from, false);
    size_t end = n;
    if ((scheme_n == 4 && end - host_from >= 3 && memcmp(s + end - 3, ":80", 3) == 0) ||
        (scheme_n == 5 && end - host_from >= 4 && memcmp(s + end - 4, ":443", 4) == 0))
        end -= scheme_n == 4 ? 3 : 4;
    if (end > host_from && s[end - 1] == ':') end--; /* empty port */
    if (end == host_from) return false;
    for (size_t i = host_from; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '\\' || c == '^' || c == '|') return false;
        o->p[o->n++] = ascii_lower((char)c);
    }
    return true;
}

/* Query (up to '#') and fragment. */
static void put_query_fragment(url_out *o, const char *s, size_t n) {
    size_t h = 0;
    while (h < n && s[h] != '#') h++;
    put_encoded(o, s, h, true);
    put_encoded(o, s + h, n - h, false);
}

/* Writes a reference from its path on: the path (starting with a slash)
 * with dot segments removed, then query and fragment. */
static void put_tail(url_out *o, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] != '?' && s[i] != '#') i++;
    put_path(o, o->n, s, i, true);
    put_query_fragment(o, s + i, n - i);
}

/* "scheme://authority/path?q#f" for an http(s) URL whose part after
 * "scheme:" is rest (any slashes before the authority are skipped). */
static bool put_absolute_special(url_out *o, const char *scheme, size_t sn, const char *rest, size_t n) {
    size_t i = 0;
    while (i < n && is_slash(rest[i], true)) i++;
    size_t a = i;
    while (i < n && !is_slash(rest[i], true) && rest[i] != '?' && rest[i] != '#') i++;
    put(o, scheme, sn);
    put(o, "://", 3);
    if (!put_authority(o, rest + a, i - a, sn)) return false;
    if (i == n || rest[i] == '?' || rest[i] == '#') {
        put(o, "/", 1);
        put_query_fragment(o, rest + i, n - i);
    } else {
        put_tail(o, rest + i, n - i);
    }
    return true;
}

static bool resolve_relative(url_out *o, const url_parts *b, const char *r, size_t n, char *scratch) {
    if (!is_special(b->scheme, b->scheme_len) || !b->has_auth) return false;
    if (n >= 2 && is_slash(r[0], true) && is_slash(r[1], true))
        return put_absolute_special(o, b->scheme, b->scheme_len, r, n);
    put(o, b->scheme, b->scheme_len);
    put(o, "://", 3);
    if (!put_authority(o, b->auth, b->auth_len, b->scheme_len)) return false;
    if (n && is_slash(r[0], true)) {
        put_tail(o, r, n);
        return true;
    }
    if (n == 0 || r[0] == '?' || r[0] == '#') {
        put_path(o, o->n, b->path, b->path_len, true);
        if (n == 0 || r[0] == '#') put(o, b->query, b->query_len);
        put_query_fragment(o, r, n);
        return true;
    }
    /* Merge: the base path up to its last slash, then the reference. */
    size_t dir = b->path_len, m = 0;
    while (dir && !is_slash(b->path[dir - 1], true)) dir--;
    if (dir == 0) scratch[m++] = '/';
    memcpy(scratch + m, b->path, dir);
    m += dir;
    memcpy(scratch + m, r, n);
    put_tail(o, scratch, m + n);
    return true;
}

bool pith_url_resolve(pith_arena *a, const char *base, size_t base_len, const char *ref, size_t ref_len,
                      const char **out, size_t *out_len) {
    if (!ref) ref_len = 0;
    if (!base) base_len = 0;
    size_t l = base_len + ref_len;
    if (l > PITH_URL_MAX) return false;
    /* One block: [output <= 3l+16][merge scratch <= l+1][cleaned base][cleaned ref] */
    char *mem = pith_arena_alloc_bytes(a, 6 * l + 64);
    if (!mem) return false;
    char *scratch = mem + 3 * l + 32;
    char *cb = scratch + l + 8;
    size_t bn = clean(base ? base : "", base_len, cb);
    char *cr = cb + bn;
    size_t rn = clean(ref ? ref : "", ref_len, cr);
    url_out o = {mem, 0};
    for (size_t i = 0; i < bn && cb[i] != ':'; i++) cb[i] = ascii_lower(cb[i]);
    size_t sn = scheme_len(cr, rn);
    for (size_t i = 0; i < sn; i++) cr[i] = ascii_lower(cr[i]);
    url_parts bp;
    bool have_base = split_url(cb, bn, &bp);
    bool ok;
    if (sn && is_special(cr, sn)) {
        const char *rest = cr + sn + 1;
        size_t restn = rn - sn - 1;
        bool same = have_base && bp.scheme_len == sn && memcmp(bp.scheme, cr, sn) == 0;
        bool two_slashes = restn >= 2 && is_slash(rest[0], true) && is_slash(rest[1], true);
        /* "http:rel" against an http base is relative (URL standard). */
        ok = same && !two_slashes ? resolve_relative(&o, &bp, rest, restn, scratch)
                                  : put_absolute_special(&o, cr, sn, rest, restn);
    } else if (sn) {
        put(&o, cr, rn); /* other schemes: as given, for the caller to reject */
        ok = true;
    } else {
        ok = have_base && resolve_relative(&o, &bp, cr, rn, scratch);
    }
    if (!ok) return false;
    o.p[o.n] = '\0';
    *out = o.p;
    *out_len = o.n;
    return true;
}

bool pith_url_is_http(const char *s, size_t len) {
    static const char h[] = "http";
    if (!s || len < 7) return false;
    for (size_t i = 0; i < 4; i++)
        if (ascii_lower(s[i]) != h[i]) return false;
    size_t i = 4;
    if (ascii_lower(s[i]) == 's') i++;
    return len >= i + 3 && s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/';
}
