/*
 * warc_reader.c - WARC records from the decompressed stream: header block,
 * Content-Length framing, the record view, and resynchronisation.
 *
 * A record is "WARC/1.x" CRLF, header lines, an empty line, Content-Length
 * bytes of block, then CRLF CRLF. Real archives bend this: bare LF line
 * ends, a missing or short trailer, blank lines between records. Those are
 * accepted. What cannot be framed (no WARC/1. line, a header line without a
 * colon, a missing or non-numeric Content-Length, a block that does not end
 * where Content-Length says) is reported once with its offset, and the
 * reader scans for the next "WARC/1." at a line start. A record longer than
 * max_record_size is reported and its bytes are dropped as they stream by,
 * never buffered.
 *
 * Each pith_warc_next() first consumes the previous record (its view dies
 * here), then parses from the window head, asking the decoder for one more
 * step of input whenever the record is not complete yet. Re-parsing the
 * header after a step costs a few hundred bytes against a step of 256 KiB
 * or more, so the total stays linear.
 */
#include <stdlib.h>
#include <string.h>

#include "warc_internal.h"
#include "../src/util/ascii.h" /* header only: no link to the HTML library */

/* ---------------------------------------------------------------- small helpers */

bool warc_grow(void **p, size_t *cap, size_t need, size_t elem, size_t limit) {
    if (need <= *cap) return true;
    if (limit && need > limit) return false;
    size_t c = *cap ? *cap : 16;
    while (c < need) c *= 2;
    if (limit && c > limit) c = limit;
    if (c > SIZE_MAX / elem) return false;
    if (elem == 1 && c >= (64u << 10)) {
        /* a large byte buffer (a payload decoded as it streams) is written through next */
        uint8_t *np = warc_buf_alloc(&c);
        if (!np) return false;
        if (limit && c > limit) c = limit; /* the rounding is room, not a larger limit */
        if (*cap) memcpy(np, *p, *cap);
        warc_buf_free(*p);
        *p = np;
        *cap = c;
        return true;
    }
    void *np = realloc(*p, c * elem);
    if (!np) return false;
    *p = np;
    *cap = c;
    return true;
}

bool warc_fresh(uint8_t **p, size_t *cap, size_t size) {
    /* what the buffer holds is spent: a new one, not a realloc that would
     * copy it and fault the new pages in one by one */
    warc_buf_free(*p);
    *cap = 0;
    if (!(*p = warc_buf_alloc(&size))) return false;
    *cap = size;
    return true;
}

bool warc_room(uint8_t **p, size_t *cap, size_t need) {
    if (need <= *cap) return true;
    size_t c = *cap ? *cap : 16;
    while (c < need) c = c > SIZE_MAX / 2 ? need : c * 2;
    return warc_fresh(p, cap, c);
}

bool warc_ieq(const char *a, size_t n, const char *lit) { return ascii_ieq_lit(a, n, lit); }

pith_warc_str warc_trim(const char *p, size_t n) {
    while (n && (*p == ' ' || *p == '\t')) p++, n--;
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\n')) n--;
    return (pith_warc_str){n ? p : NULL, n};
}

pith_warc_str pith_warc_header_get(const pith_warc_header *h, size_t n, const char *name) {
    size_t ln = strlen(name);
    for (size_t i = 0; i < n; i++) {
        if (h[i].name.len != ln) continue;
        if (ascii_ieq(h[i].name.ptr, ln, name, ln)) return h[i].value;
    }
    return (pith_warc_str){NULL, 0};
}

/* ---------------------------------------------------------------- tables */

/* WARC-Type values (WARC 1.1 section 6); anything else is UNKNOWN. */
static const struct {
    const char *name;
    pith_warc_type type;
} warc_types[] = {
    {"response", PITH_WARC_RESPONSE},       /* a server's full response: HTTP headers + body */
    {"request", PITH_WARC_REQUEST},         /* what the crawler sent */
    {"warcinfo", PITH_WARC_WARCINFO},       /* about the file/crawl */
    {"metadata", PITH_WARC_METADATA},       /* crawler notes about another record */
    {"resource", PITH_WARC_RESOURCE},       /* a document without protocol headers */
    {"revisit", PITH_WARC_REVISIT},         /* a duplicate of an earlier capture: no payload */
    {"conversion", PITH_WARC_CONVERSION},   /* a transformed version of another record */
    {"continuation", PITH_WARC_CONTINUATION}, /* the rest of a segmented record */
};

const char *pith_warc_type_str(pith_warc_type t) {
    for (size_t i = 0; i < sizeof warc_types / sizeof *warc_types; i++)
        if (warc_types[i].type == t) return warc_types[i].name;
    return "unknown";
}

const char *pith_warc_errcode_str(pith_warc_errcode c) {
    static const char *const names[] = {"none",      "io",        "nomem",     "garbage",
                                        "bad-header", "bad-length", "header-limit", "too-large",
                                        "truncated", "gzip",      "zstd",      "bomb",
                                        "unsupported"};
    return (unsigned)c < sizeof names / sizeof *names ? names[c] : "?";
}

/* ---------------------------------------------------------------- header block */

warc_parse_res warc_parse_headers(pith_warc_reader *r, const uint8_t *p, size_t n, size_t start,
                             size_t first, warc_parse_out *o) {
    size_t max = r->opt.max_header_size, pos = start, k = first;
    for (;;) {
        size_t lim = n < max ? n : max;
        const uint8_t *e = pos < lim ? memchr(p + pos, '\n', lim - pos) : NULL;
        if (!e) {
            if (n >= max) {
                o->code = PITH_WARC_E_HEADER_LIMIT, o->msg = "header block longer than max_header_size";
                return P_BAD;
            }
            return P_NEED;
        }
        size_t end = (size_t)(e - p), len = end - pos;
        if (len && p[end - 1] == '\r') len--;
        const char *line = (const char *)p + pos;
        pos = end + 1;
        if (len == 0) break;
        if (line[0] == ' ' || line[0] == '\t') { /* continuation: extend the value */
            if (k == first) {
                o->code = PITH_WARC_E_BAD_HEADER, o->msg = "continuation line before any header";
                return P_BAD;
            }
            pith_warc_header *h = &r->hdrs[k - 1];
            const char *vs = h->value.ptr ? h->value.ptr : line;
            h->value = warc_trim(vs, (size_t)(line + len - vs));
            continue;
        }
        const char *colon = memchr(line, ':', len);
        if (!colon) {
            o->code = PITH_WARC_E_BAD_HEADER, o->msg = "header line without a colon";
            return P_BAD;
        }
        if (k - first >= r->opt.max_headers) {
            o->code = PITH_WARC_E_HEADER_LIMIT, o->msg = "more header lines than max_headers";
            return P_BAD;
        }
        if (!warc_grow((void **)&r->hdrs, &r->hdrs_cap, k + 1, sizeof *r->hdrs, 0)) {
            o->code = PITH_WARC_E_NOMEM, o->msg = "out of memory";
            return P_BAD;
        }
        r->hdrs[k].name = warc_trim(line, (size_t)(colon - line));
        r->hdrs[k].value = warc_trim(colon + 1, (size_t)(line + len - colon - 1));
        k++;
    }
    o->hdr_len = pos;
    o->n_hdrs = k - first;
    return P_OK;
}

/* Content-Length: digits only, no overflow. */
static bool parse_length(pith_warc_str v, uint64_t *out) {
    if (!v.len || v.len > 19) return false;
    uint64_t x = 0;
    for (size_t i = 0; i < v.len; i++) {
        if (v.ptr[i] < '0' || v.ptr[i] > '9') return false;
        x = x * 10 + (uint64_t)(v.ptr[i] - '0');
    }
    *out = x;
    return true;
}

/* Fills the named fields of rec from its headers. */
static void named_fields(pith_warc_record *rec) {
    for (size_t i = 0; i < rec->n_headers; i++) {
        const pith_warc_header *h = &rec->headers[i];
        const char *n = h->name.ptr;
        size_t l = h->name.len;
        if (warc_ieq(n, l, "warc-type")) rec->type_name = h->value;
        else if (warc_ieq(n, l, "warc-record-id")) rec->record_id = h->value;
        else if (warc_ieq(n, l, "warc-target-uri")) rec->target_uri = h->value;
        else if (warc_ieq(n, l, "warc-date")) rec->date = h->value;
        else if (warc_ieq(n, l, "content-type")) rec->warc_content_type = h->value;
        else if (warc_ieq(n, l, "warc-identified-payload-type")) rec->identified_payload_type = h->value;
    }
    pith_warc_str *u = &rec->target_uri;
    if (u->len >= 2 && u->ptr[0] == '<' && u->ptr[u->len - 1] == '>') u->ptr++, u->len -= 2;
    rec->type = PITH_WARC_UNKNOWN;
    for (size_t i = 0; i < sizeof warc_types / sizeof *warc_types; i++)
        if (warc_ieq(rec->type_name.ptr, rec->type_name.len, warc_types[i].name))
            rec->type = warc_types[i].type;
}

/* The bytes after the block must be the record's end: CRLF CRLF (or LF LF)
 * as the spec says, or, from sloppy writers, less of it when the next
 * record or the input's end follows at once. Anything else means the
 * Content-Length is wrong. Returns bytes to consume, -1 if wrong, -2 if
 * more bytes are needed to tell. */
static long trailer(const uint8_t *p, size_t avail, bool at_eof) {
    static const struct {
        const char *end;
        size_t len;
    } ends[] = {{"\r\n\r\n", 4}, {"\n\n", 2}, {"\r\n", 2}, {"\n", 1}, {"", 0}};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t l = ends[i].len;
        if (avail < l) {
            if (!at_eof && memcmp(p, ends[i].end, avail) == 0) return -2;
            continue;
        }
        if (memcmp(p, ends[i].end, l) != 0) continue;
        if (l == 4 || (l == 2 && p[0] == '\n')) return (long)l; /* the full end */
        size_t rest = avail - l; /* a short end: the next record must follow */
        if (rest == 0) {
            if (at_eof) return (long)l;
            return -2;
        }
        size_t cmp = rest < 7 ? rest : 7;
        if (memcmp(p + l, "WARC/1.", cmp) == 0) return cmp == 7 || at_eof ? (long)l : -2;
    }
    return -1;
}

/* On P_NEED, *total is how many window bytes to ask for: the exact record
 * size once the header is known, else double what is there (so a header
 * trickling in byte by byte is not re-parsed quadratically). */
static warc_parse_res parse_record(pith_warc_reader *r, pith_warc_record *rec, warc_parse_out *o, size_t *total) {
    const uint8_t *p = r->w + r->whead;
    size_t n = r->wtail - r->whead;
    bool at_end = r->weof || r->held; /* no more bytes now: the input's end or a decoder's failure */
    *total = n * 2 > n + 4096 ? n * 2 : n + 4096;
    if (n < 8 && !at_end) return P_NEED;
    if (n < 7 || memcmp(p, "WARC/1.", 7) != 0) {
        bool prefix = n < 7 && memcmp(p, "WARC/1.", n) == 0;
        o->code = prefix ? PITH_WARC_E_TRUNCATED : PITH_WARC_E_GARBAGE;
        o->msg = prefix ? "input ends inside a record header" : "not a WARC record (no WARC/1.x line)";
        return P_BAD;
    }
    const uint8_t *e = memchr(p, '\n', n < 32 ? n : 32);
    if (!e) {
        if (n < 32 && !at_end) return P_NEED;
        o->code = PITH_WARC_E_BAD_HEADER, o->msg = "bad WARC version line";
        return P_BAD;
    }
    size_t vend = (size_t)(e - p);
    if (vend && p[vend - 1] == '\r') vend--;
    if (vend < 8 || p[7] < '0' || p[7] > '9') {
        o->code = PITH_WARC_E_BAD_HEADER, o->msg = "bad WARC version line";
        return P_BAD;
    }
    warc_parse_res pr = warc_parse_headers(r, p, n, (size_t)(e - p) + 1, 0, o);
    if (pr == P_NEED && at_end) {
        o->code = PITH_WARC_E_TRUNCATED, o->msg = "input ends inside a record header";
        return P_BAD;
    }
    if (pr != P_OK) return pr;
    memset(rec, 0, sizeof *rec);
    rec->headers = r->hdrs;
    rec->n_headers = o->n_hdrs;
    rec->version_major = 1;
    rec->version_minor = p[7] - '0';
    if (!parse_length(pith_warc_header_get(r->hdrs, o->n_hdrs, "Content-Length"), &rec->content_length)) {
        o->code = PITH_WARC_E_BAD_LENGTH, o->msg = "Content-Length missing or not a number";
        return P_BAD;
    }
    if (o->hdr_len > r->opt.max_record_size || rec->content_length > r->opt.max_record_size - o->hdr_len) {
        o->code = PITH_WARC_E_TOO_LARGE, o->msg = "record larger than max_record_size (skipped)";
        return P_TOO_LARGE;
    }
    size_t end = o->hdr_len + (size_t)rec->content_length;
    if (n < end + 4 && !at_end) {
        *total = end + 4;
        return P_NEED;
    }
    if (n < end) {
        o->code = PITH_WARC_E_TRUNCATED, o->msg = "input ends inside a record block";
        return P_BAD;
    }
    long t = trailer(p + end, n - end, at_end);
    if (t == -2) {
        *total = end + 11;
        return P_NEED;
    }
    if (t < 0) {
        o->code = PITH_WARC_E_BAD_LENGTH, o->msg = "record does not end where Content-Length says";
        return P_BAD;
    }
    *total = end + (size_t)t;
    rec->block = p + o->hdr_len;
    rec->block_len = (size_t)rec->content_length;
    named_fields(rec);
    return P_OK;
}

/* ---------------------------------------------------------------- next */

/* A decoder failed (a broken gzip member or zstd frame, a read error)
 * after the window's records: they have been returned, and what is left
 * is the start of a record the failure cut. Drops it and reports the
 * failure. The decoder has moved on to the next member or frame, whose
 * output may start with a record or in the middle of one: resync, with a
 * record allowed right at the head. */
static pith_warc_status deliver_held(pith_warc_reader *r) {
    warc_consume(r, r->wtail - r->whead);
    r->err = r->held_err;
    warc_fill held = r->held;
    r->held = WARC_FILL_MORE;
    r->skip = 0;
    if (held == WARC_FILL_FATAL) return PITH_WARC_FATAL;
    r->resync = true;
    r->resync_at_head = true;
    return PITH_WARC_ERROR;
}

/* Drops bytes until the window head is a "WARC/1." line start. */
static pith_warc_status resync(pith_warc_reader *r) {
    for (;;) {
        const uint8_t *p = r->w + r->whead;
        size_t n = r->wtail - r->whead, i = r->resync_at_head ? 0 : 1;
        while (i + 7 <= n) {
            const uint8_t *hit = memchr(p + i, 'W', n - i);
            if (!hit) break;
            i = (size_t)(hit - p);
            if (i + 7 > n) break;
            if ((i == 0 || p[i - 1] == '\n') && memcmp(hit, "WARC/1.", 7) == 0) {
                warc_consume(r, i);
                r->resync = r->resync_at_head = false;
                return PITH_WARC_RECORD;
            }
            i++;
        }
        if (n > 8) {
            warc_consume(r, n - 8);
            r->resync_at_head = false;
        }
        size_t before = r->wtail - r->whead;
        warc_fill f = warc_fill_window(r, before + 1);
        if (f == WARC_FILL_HELD && r->wtail - r->whead == before) return deliver_held(r);
        if (f == WARC_FILL_EOF && r->wtail - r->whead <= 8) {
            warc_consume(r, r->wtail - r->whead);
            r->resync = r->resync_at_head = false;
            return PITH_WARC_END;
        }
    }
}

/* Drops the rest of an oversized record as it streams by. */
static pith_warc_status skip_bytes(pith_warc_reader *r) {
    while (r->skip) {
        size_t n = r->wtail - r->whead;
        size_t d = r->skip < n ? (size_t)r->skip : n;
        warc_consume(r, d);
        r->skip -= d;
        if (!r->skip) break;
        warc_fill f = warc_fill_window(r, 1);
        if (f == WARC_FILL_HELD && r->whead == r->wtail)
            return deliver_held(r); /* the same damaged stretch: folded by the caller */
        if (f == WARC_FILL_EOF) {
            r->skip = 0;
            return PITH_WARC_END;
        }
    }
    return PITH_WARC_RECORD;
}

static void skip_blank(pith_warc_reader *r) {
    const uint8_t *p = r->w + r->whead;
    size_t n = r->wtail - r->whead, k = 0;
    while (k < n && (p[k] == '\r' || p[k] == '\n')) k++;
    if (k) warc_consume(r, k);
}

static pith_warc_status report_bad(pith_warc_reader *r, const warc_parse_out *o) {
    warc_set_error(r, o->code, o->msg, warc_input_offset_of(r, r->wpos), r->wpos);
    if (o->code == PITH_WARC_E_NOMEM) return PITH_WARC_FATAL;
    r->resync = true;
    return PITH_WARC_ERROR;
}

static void fill_payload(pith_warc_reader *r, pith_warc_record *rec) {
    if (rec->type == PITH_WARC_RESOURCE || rec->type == PITH_WARC_CONVERSION) {
        rec->payload = rec->block;
        rec->payload_len = rec->block_len;
    } else if (rec->type == PITH_WARC_RESPONSE && r->opt.parse_http && rec->warc_content_type.len >= 16 &&
               warc_ieq(rec->warc_content_type.ptr, 16, "application/http")) {
        warc_http_parse(r, rec);
    }
    rec->content_type = rec->has_http ? rec->http_content_type : rec->warc_content_type;
    rec->charset = warc_record_charset(rec);
}

static pith_warc_status next_record(pith_warc_reader *r, pith_warc_record *rec);

/* One error per damaged stretch: from an ERROR until the next good record,
 * further failures (the rest of a broken member, candidates that only look
 * like a member start, garbage before the next record) are the same
 * damage and are not reported again. Damage inside a gzip member or zstd
 * frame lasts until the next one: what the same member decodes after it
 * comes from the same corrupt stream (a deflate stream with flipped bytes
 * decodes to garbage until its end, every back-reference copying it on, so
 * one corruption made a failure of every record after it), and the records
 * found in that garbage do not end the stretch. */
pith_warc_status pith_warc_next(pith_warc_reader *r, const pith_warc_record **out) {
    if (out) *out = NULL;
    if (!r || !out) return PITH_WARC_END;
    if (r->dead) { /* after FATAL */
        r->err = (pith_warc_error){PITH_WARC_E_NONE, NULL, 0, 0};
        return PITH_WARC_END;
    }
    /* plain input is read in place through the window; the others decode from src */
    warc_src_release(&r->src, r->dec == WARC_DEC_PLAIN_MEM ? (size_t)r->wpos : r->src.pos);
    for (;;) {
        pith_warc_status s = next_record(r, &r->rec);
        if (s == PITH_WARC_ERROR && r->damaged) continue;
        if (s == PITH_WARC_ERROR) {
            r->damaged = true;
            r->damage_in_member = r->compression != PITH_WARC_PLAIN;
            if (r->damage_in_member) r->damage_member = warc_member_of(r, r->err.stream_offset);
        }
        if (s == PITH_WARC_RECORD) {
            if (!r->damage_in_member || warc_member_of(r, r->rec.stream_offset) != r->damage_member)
                r->damaged = r->damage_in_member = false;
            *out = &r->rec;
        }
        if (s == PITH_WARC_FATAL) r->dead = true;
        return s;
    }
}

static pith_warc_status next_record(pith_warc_reader *r, pith_warc_record *rec) {
    r->err = (pith_warc_error){PITH_WARC_E_NONE, NULL, 0, 0};
    if (r->pending) warc_consume(r, r->pending);
    r->pending = 0;
    for (;;) {
        if (r->skip) {
            pith_warc_status s = skip_bytes(r);
            if (s != PITH_WARC_RECORD) return s;
        }
        if (r->resync) {
            pith_warc_status s = resync(r);
            if (s != PITH_WARC_RECORD) return s;
        }
        skip_blank(r);
        if (r->whead == r->wtail) {
            warc_fill f = warc_fill_window(r, 1);
            if (f == WARC_FILL_HELD && r->whead == r->wtail) return deliver_held(r);
            if (f == WARC_FILL_EOF && r->whead == r->wtail) return PITH_WARC_END;
            continue;
        }
        warc_parse_out o = {0};
        size_t total = 0;
        warc_parse_res pr = parse_record(r, rec, &o, &total);
        if (pr == P_OK) {
            rec->stream_offset = r->wpos;
            rec->offset = warc_input_offset_of(r, r->wpos);
            r->pending = total;
            fill_payload(r, rec);
            return PITH_WARC_RECORD;
        }
        /* a record cut by a decoder's failure: that failure is the damage */
        if (pr == P_BAD && r->held && o.code == PITH_WARC_E_TRUNCATED) return deliver_held(r);
        if (pr == P_BAD) /* a truncated record resyncs too: its Content-Length may be a lie */
            return report_bad(r, &o);
        if (pr == P_TOO_LARGE) {
            warc_set_error(r, o.code, o.msg, warc_input_offset_of(r, r->wpos), r->wpos);
            r->skip = o.hdr_len + rec->content_length;
            return PITH_WARC_ERROR;
        }
        /* P_NEED: more decoder steps, then parse again (a failure on the way
         * makes the window's end final for the parse: held) */
        warc_fill_window(r, total);
    }
}
