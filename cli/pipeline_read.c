/*
 * pipeline_read.c - the pipeline's reader thread: walks the WARC records
 * of each input, decides which are extracted, and copies what a worker
 * needs into a free slot (the record view dies at the next read).
 *
 * Records come from libpith_warc (pith_warc.h), which also decides what
 * is a page to extract (pith_warc_skip_reason), as the Python module does.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline_internal.h"
#include "pith_warc.h"

static bool grow(char **buf, size_t *cap, size_t need) {
    if (*cap >= need) return true;
    size_t c = *cap ? *cap : 4096;
    while (c < need) c = c > SIZE_MAX / 2 ? need : c * 2;
    char *q = realloc(*buf, c);
    if (!q) return false;
    *buf = q;
    *cap = c;
    return true;
}

/* Room for a payload copied in: what the buffer holds is spent, so a new
 * one rather than a realloc, and the old one may be a reader's buffer
 * (taken with pith_warc_take_window: pith_warc_buffer_free, not free). */
static bool payload_room(char **buf, size_t *cap, size_t need) {
    if (*cap >= need) return true;
    pith_warc_buffer_free(*buf);
    *buf = NULL;
    *cap = 0;
    return grow(buf, cap, need);
}

/* The record's own fields, opening the line's object (no closing brace). */
static void write_head(json_out *o, const pith_warc_record *rec) {
    json_lit(o, "{");
    json_key(o, "warc_record_id", true);
    json_str(o, rec->record_id.ptr, rec->record_id.len);
    json_key(o, "warc_target_uri", false);
    json_str(o, rec->target_uri.ptr, rec->target_uri.len);
    json_key(o, "warc_date", false);
    json_str(o, rec->date.ptr, rec->date.len);
    json_key(o, "http_status", false);
    if (rec->has_http && rec->http_status > 0) json_u64(o, (uint64_t)rec->http_status);
    else json_lit(o, "null");
    json_key(o, "content_type", false);
    json_str(o, rec->content_type.ptr, rec->content_type.len);
}

/* Gives the slot what a worker needs from the record view: the small
 * strings copied, the payload by taking the reader's window when the
 * record lies in it (no copy; the slot's old buffer becomes the reader's
 * next window), else copied. */
static bool fill_slot(pith_warc_reader *r, slot *s, const pith_warc_record *rec, slot_kind kind,
                      const char *skip_reason) {
    s->kind = kind;
    s->skip_reason = skip_reason;
    s->reason = NULL;
    s->out.len = 0;
    s->out.failed = false;
    write_head(&s->out, rec);
    if (s->out.failed) return false;
    s->payload_len = 0;
    if (kind == SLOT_SKIP) return true;
    pith_warc_str cs = rec->charset;
    pith_warc_str date = rec->date;
    size_t need = rec->target_uri.len + cs.len + date.len + 3;
    if (!grow(&s->strs, &s->strs_cap, need)) return false;
    if (rec->payload_len && pith_warc_take_window(r, rec->payload, &s->payload, &s->payload_cap)) {
        s->html = (const char *)rec->payload;
    } else {
        if (!payload_room(&s->payload, &s->payload_cap, rec->payload_len ? rec->payload_len : 1)) return false;
        memcpy(s->payload, rec->payload, rec->payload_len);
        s->html = s->payload;
    }
    s->payload_len = rec->payload_len;
    s->has_url = rec->target_uri.len > 0;
    s->has_charset = cs.len > 0;
    if (rec->target_uri.len) memcpy(s->strs, rec->target_uri.ptr, rec->target_uri.len);
    s->strs[rec->target_uri.len] = '\0';
    s->charset_at = rec->target_uri.len + 1;
    if (cs.len) memcpy(s->strs + s->charset_at, cs.ptr, cs.len);
    s->strs[s->charset_at + cs.len] = '\0';
    s->has_date = date.len > 0;
    s->date_at = s->charset_at + cs.len + 1;
    if (date.len) memcpy(s->strs + s->date_at, date.ptr, date.len);
    s->strs[s->date_at + date.len] = '\0';
    return true;
}

static void mark_rss(pipeline *p, uint64_t records) {
    for (int i = 0; i < RSS_MARKS; i++)
        if (records == rss_marks[i]) p->rs.rss_kb_at[i] = proc_status_kb("VmRSS:");
}

bool pl_in_shard(const pipeline *p, uint64_t i) {
    unsigned n = p->cfg->shard_count;
    return n <= 1 || i % n == p->cfg->shard_index;
}

typedef struct file_ctx {
    size_t index;           /* in the pipeline's paths */
    const char *path;       /* "-" = stdin */
    const char *name;       /* for messages */
    input_peek *peek;       /* the sniffed stream, or NULL / inactive for a regular file */
    uint64_t base_bytes;    /* input bytes of the files before this one */
    uint64_t *record_index; /* record sharding: position of the record in the file */
    bool by_record;
} file_ctx;

static pith_warc_reader *open_input(const file_ctx *fc, int *fd, pthread_t *feeder, bool *fed,
                                    pith_warc_error *err) {
    pith_warc_options o;
    pith_warc_options_init(&o);
    *fd = -1;
    *fed = false;
    if (!fc->peek || !fc->peek->active) return pith_warc_open_path(fc->path, &o, err);
    *fd = input_peek_fd(fc->peek, feeder, fed);
    if (*fd < 0) {
        err->message = "cannot read the input";
        err->offset = 0;
        return NULL;
    }
    return pith_warc_open_fd(*fd, &o, err);
}

/* --all-records: a damaged stretch is a line too, in its place among the
 * records: no record fields (there is no record to take them from), the
 * input offset of the damage and its offset in the decompressed stream,
 * and the error. false = stop (abort). */
static bool damage_line(pipeline *p, const file_ctx *fc, const pith_warc_error *e) {
    slot *s = pl_take_free(p, false);
    if (!s) return false;
    s->file = fc->index;
    s->kind = SLOT_DAMAGE;
    s->reason = NULL;
    s->payload_len = 0;
    s->out.len = 0;
    s->out.failed = false;
    json_out *o = &s->out;
    json_lit(o, "{\"warc_record_id\":null,\"warc_target_uri\":null,\"warc_date\":null,\"http_status\":null,"
                "\"content_type\":null");
    json_key(o, "warc_offset", false);
    json_u64(o, e->offset);
    json_key(o, "warc_stream_offset", false);
    json_u64(o, e->stream_offset);
    json_key(o, "error", false);
    char msg[160];
    snprintf(msg, sizeof msg, "warc: %s: %s", pith_warc_errcode_str(e->code), e->message ? e->message : "damaged");
    json_str(o, msg, strlen(msg));
    json_lit(o, "}\n");
    if (o->failed) s->out.len = 0;
    pl_push_work(p, s);
    return true;
}

/* One record: skip, or hand to the workers. false = stop (abort). */
static bool reader_record(pipeline *p, const file_ctx *fc, pith_warc_reader *r, const pith_warc_record *rec) {
    const char *why = pith_warc_skip_reason(rec, p->cfg->all_statuses ? PITH_WARC_ANY_STATUS : 0);
    if (why && !p->cfg->all_records) {
        reasons_add(&p->rs.skipped, NULL, why, 1);
        return true;
    }
    slot *s = pl_take_free(p, !why);
    if (!s) return false;
    s->file = fc->index;
    if (!fill_slot(r, s, rec, why ? SLOT_SKIP : SLOT_EXTRACT, why)) {
        progress_log(&p->prog, "pith: out of memory copying a record of %zu bytes", rec->payload_len);
        s->kind = SLOT_FAILED;
        s->skip_reason = "out of memory";
        s->out.len = 0;
    }
    pl_push_work(p, s);
    return true;
}

static void read_file(pipeline *p, file_ctx *fc) {
    int fd;
    pthread_t feeder;
    bool fed;
    pith_warc_error err = {0};
    pith_warc_reader *r = open_input(fc, &fd, &feeder, &fed, &err);
    p->rs.files++;
    if (!r) {
        progress_log(&p->prog, "pith: %s: %s", fc->name, err.message ? err.message : "cannot open");
        reasons_add(&p->rs.errors, "file", err.message ? err.message : "cannot open", 1);
        p->rs.files_failed++;
        atomic_fetch_add(&p->errors, 1);
        if (fed) close(fd);
        if (fed) input_feeder_join(feeder);
        return;
    }
    if (p->opened) p->opened[fc->index] = true;
    pith_warc_enable_timing(r, true);
    if (p->cfg->jobs > 1 && pith_warc_enable_helpers(r)) pl_set_help(p, r);
    const pith_warc_record *rec;
    pith_warc_stats st;
    for (uint64_t n = 0;; n++) {
        /* The share of pith_warc_next()'s wall time that was CPU time (for
         * the decompression CPU estimate), from every 4th call: a thread's
         * CPU clock is a system call (~2 us here, 1 % of one core's run). */
        bool timed = (n & 3) == 0;
        double w0 = timed ? progress_now() : 0, c0 = timed ? pl_thread_cpu() : 0;
        pith_warc_status s = pith_warc_next(r, &rec);
        if (timed) {
            p->next_cpu += pl_thread_cpu() - c0;
            p->next_wall += progress_now() - w0;
        }
        if (s == PITH_WARC_END) break;
        if ((n & 63) == 0) {
            pith_warc_get_stats(r, &st);
            atomic_store(&p->in_bytes, fc->base_bytes + st.input_bytes);
        }
        bool mine = !fc->by_record || pl_in_shard(p, (*fc->record_index)++);
        if (s == PITH_WARC_ERROR || s == PITH_WARC_FATAL) {
            const pith_warc_error *e = pith_warc_last_error(r);
            if (!mine && s == PITH_WARC_ERROR) continue;
            /* The offset is the input's (compressed bytes for .gz / .zst); the
             * decompressed stream's follows when it differs. */
            char where[64] = "";
            if (e->stream_offset != e->offset)
                snprintf(where, sizeof where, "; decompressed offset %llu", (unsigned long long)e->stream_offset);
            progress_log(&p->prog, "pith: %s: offset %llu: %s (%s%s)%s", fc->name, (unsigned long long)e->offset,
                         e->message, pith_warc_errcode_str(e->code), where,
                         s == PITH_WARC_FATAL ? ", giving up on the file" : "");
            reasons_add(&p->rs.errors, "warc", pith_warc_errcode_str(e->code), 1);
            atomic_fetch_add(&p->errors, 1);
            if (p->cfg->all_records && p->cfg->format == PITH_FORMAT_JSON && !damage_line(p, fc, e)) break;
            if (s == PITH_WARC_FATAL) {
                p->rs.files_failed++;
                break;
            }
            continue;
        }
        if (!mine) continue;
        uint64_t nrec = atomic_fetch_add(&p->records, 1) + 1;
        mark_rss(p, nrec);
        if (!reader_record(p, fc, r, rec)) break;
    }
    pl_set_help(p, NULL);
    pith_warc_get_stats(r, &st);
    p->rs.input_bytes += st.input_bytes;
    p->rs.stream_bytes += st.output_bytes;
    p->rs.decompress += st.decompress_seconds;
    atomic_store(&p->in_bytes, fc->base_bytes + st.input_bytes);
    pith_warc_close(r);
    /* The pipe's read end is ours; the input's own fd closes with its peek. */
    if (fed) close(fd);
    if (fed) input_feeder_join(feeder);
}

void *pl_reader_main(void *arg) {
    pipeline *p = arg;
    double c0 = pl_thread_cpu();
    bool by_record = p->n_paths == 1;
    uint64_t record_index = 0, base = 0;
    for (size_t i = 0; i < p->n_paths && !p->abort; i++) {
        if (!by_record && !pl_in_shard(p, i)) continue;
        file_ctx fc = {i, p->paths[i], strcmp(p->paths[i], "-") == 0 ? "stdin" : p->paths[i],
                       p->peeks ? &p->peeks[i] : NULL, base, &record_index, by_record};
        read_file(p, &fc);
        base = atomic_load(&p->in_bytes);
    }
    p->rs.cpu_reader = pl_thread_cpu() - c0;
    pthread_mutex_lock(&p->mu);
    p->reader_done = true;
    pthread_cond_broadcast(&p->cv_work);
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

