/*
 * pipeline.c - the WARC pipeline: a reader thread, N extraction workers
 * and the writer (the calling thread), meeting at a fixed set of slots.
 *
 * A slot goes round: free -> (reader fills it) work queue -> (a worker
 * extracts and renders) done -> (writer writes it) free. One mutex guards
 * the three lists; a slot's contents belong to whichever stage holds it, so
 * no lock is taken while copying, extracting or writing. Records take
 * about a millisecond each, so one lock handoff per record costs nothing.
 *
 * In order (default): the writer waits for the slot carrying the next
 * sequence number; at most K slots are in flight so seq % K is unique
 * among them. Unordered: it writes whatever finished first.
 */
#include "pipeline.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "json_out.h"
#include "progress.h"
#include "run_stats.h"
#include "warc/warc.h"

/* Slot buffers that grew past these are freed after use: one huge record
 * does not pin its memory for the rest of the run. */
#define KEEP_PAYLOAD (4u << 20)
#define KEEP_OUT (1u << 20)

typedef enum slot_kind {
    SLOT_EXTRACT,  /* an HTML payload to extract */
    SLOT_SKIP      /* --all-records: a line saying why there is no article */
} slot_kind;

typedef enum slot_outcome {
    OUT_ARTICLE,
    OUT_NO_ARTICLE,
    OUT_SKIPPED,
    OUT_FAILED
} slot_outcome;

typedef struct slot {
    uint64_t seq;
    slot_kind kind;
    const char *skip_reason;   /* SLOT_SKIP: static string */
    char *payload;             /* the HTML (a copy: the record view dies at the next read) */
    size_t payload_len, payload_cap;
    char *strs;                /* "url\0charset\0" */
    size_t strs_cap;
    bool has_url, has_charset;
    size_t charset_at;
    json_out out;              /* the line: the reader writes the WARC fields, the worker the rest */
    slot_outcome outcome;
    const char *reason;        /* static: why no article, or the error */
} slot;

typedef struct worker_stats {
    double cpu_extract, cpu_render, cpu_parse;
} worker_stats;

typedef struct pipeline {
    const pipeline_config *cfg;
    char *const *paths;
    size_t n_paths;
    input_peek *peeks;      /* per path: streams opened while sniffing */

    slot *slots;
    size_t k;               /* number of slots */

    pthread_mutex_t mu;
    pthread_cond_t cv_free, cv_work, cv_done;
    size_t *free_stack, n_free;
    size_t *work, work_head, n_work;
    size_t *done, done_head, n_done;  /* unordered: FIFO of slot indexes */
    long *done_at;                     /* ordered: slot index by seq % k, -1 = not done */
    uint64_t issued;                   /* slots handed to the workers */
    bool reader_done;
    _Atomic bool abort;                /* a write failed: everyone stops */

    /* Live counters for the progress line (written by the reader). */
    _Atomic uint64_t records, in_bytes, errors;
    uint64_t total_bytes;

    /* Reader results (read after it is joined). */
    double next_cpu, next_wall; /* time inside pith_warc_next() */
    run_stats rs;          /* files, records, input/stream bytes, reader skips and errors, rss */
    progress prog;
} pipeline;

static double thread_cpu(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---------------------------------------------------------------- queues */

static slot *take_free(pipeline *p) {
    pthread_mutex_lock(&p->mu);
    while (!p->n_free && !p->abort) pthread_cond_wait(&p->cv_free, &p->mu);
    slot *s = p->abort ? NULL : &p->slots[p->free_stack[--p->n_free]];
    pthread_mutex_unlock(&p->mu);
    return s;
}

static void push_work(pipeline *p, slot *s) {
    pthread_mutex_lock(&p->mu);
    s->seq = p->issued++;
    p->work[(p->work_head + p->n_work++) % p->k] = (size_t)(s - p->slots);
    pthread_cond_signal(&p->cv_work);
    pthread_mutex_unlock(&p->mu);
}

static slot *take_work(pipeline *p) {
    pthread_mutex_lock(&p->mu);
    while (!p->n_work && !p->reader_done && !p->abort) pthread_cond_wait(&p->cv_work, &p->mu);
    slot *s = NULL;
    if (p->n_work && !p->abort) {
        s = &p->slots[p->work[p->work_head]];
        p->work_head = (p->work_head + 1) % p->k;
        p->n_work--;
    }
    pthread_mutex_unlock(&p->mu);
    return s;
}

static void push_done(pipeline *p, slot *s) {
    size_t i = (size_t)(s - p->slots);
    pthread_mutex_lock(&p->mu);
    if (p->cfg->ordered) p->done_at[s->seq % p->k] = (long)i;
    else p->done[(p->done_head + p->n_done++) % p->k] = i;
    pthread_cond_signal(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
}

/* The next slot to write, or NULL when everything is written. Wakes up a
 * few times a second anyway so the progress line stays alive. */
static slot *take_done(pipeline *p, uint64_t written, bool *timeout) {
    *timeout = false;
    pthread_mutex_lock(&p->mu);
    slot *s = NULL;
    for (;;) {
        if (p->cfg->ordered && p->done_at[written % p->k] >= 0 && written < p->issued) {
            s = &p->slots[p->done_at[written % p->k]];
            p->done_at[written % p->k] = -1;
            break;
        }
        if (!p->cfg->ordered && p->n_done) {
            s = &p->slots[p->done[p->done_head]];
            p->done_head = (p->done_head + 1) % p->k;
            p->n_done--;
            break;
        }
        if ((p->reader_done && written == p->issued) || p->abort) break;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 200000000L;
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        if (pthread_cond_timedwait(&p->cv_done, &p->mu, &ts) == ETIMEDOUT) {
            *timeout = true;
            break;
        }
    }
    pthread_mutex_unlock(&p->mu);
    return s;
}

static void give_back(pipeline *p, slot *s) {
    json_reset(&s->out, KEEP_OUT);
    if (s->payload_cap > KEEP_PAYLOAD) {
        free(s->payload);
        s->payload = NULL;
        s->payload_cap = 0;
    }
    pthread_mutex_lock(&p->mu);
    p->free_stack[p->n_free++] = (size_t)(s - p->slots);
    pthread_cond_signal(&p->cv_free);
    pthread_mutex_unlock(&p->mu);
}

static void set_abort(pipeline *p) {
    pthread_mutex_lock(&p->mu);
    p->abort = true;
    pthread_cond_broadcast(&p->cv_free);
    pthread_cond_broadcast(&p->cv_work);
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
}

/* ---------------------------------------------------------------- reader */

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
    pith_warc_str ct = rec->has_http ? rec->http_content_type : rec->content_type;
    json_str(o, ct.ptr, ct.len);
}

/* Copies what a worker needs out of the record view. */
static bool fill_slot(slot *s, const pith_warc_record *rec, slot_kind kind, const char *skip_reason) {
    s->kind = kind;
    s->skip_reason = skip_reason;
    s->reason = NULL;
    s->out.len = 0;
    s->out.failed = false;
    write_head(&s->out, rec);
    if (s->out.failed) return false;
    s->payload_len = 0;
    if (kind == SLOT_SKIP) return true;
    pith_warc_str cs = pith_warc_charset(rec);
    size_t need = rec->target_uri.len + cs.len + 2;
    if (!grow(&s->payload, &s->payload_cap, rec->payload_len ? rec->payload_len : 1) ||
        !grow(&s->strs, &s->strs_cap, need))
        return false;
    memcpy(s->payload, rec->payload, rec->payload_len);
    s->payload_len = rec->payload_len;
    s->has_url = rec->target_uri.len > 0;
    s->has_charset = cs.len > 0;
    if (rec->target_uri.len) memcpy(s->strs, rec->target_uri.ptr, rec->target_uri.len);
    s->strs[rec->target_uri.len] = '\0';
    s->charset_at = rec->target_uri.len + 1;
    if (cs.len) memcpy(s->strs + s->charset_at, cs.ptr, cs.len);
    s->strs[s->charset_at + cs.len] = '\0';
    return true;
}

/* Why a record is not extracted, or NULL when it is an HTML payload. */
static const char *skip_reason(const pith_warc_record *rec) {
    static const char *const payload_why[] = {
        [PITH_WARC_PAYLOAD_BAD_ENCODING] = "payload: content-encoding failed to decode",
        [PITH_WARC_PAYLOAD_UNSUPPORTED] = "payload: unsupported content-encoding",
        [PITH_WARC_PAYLOAD_TOO_LARGE] = "payload: too large once decoded",
    };
    if (rec->type != PITH_WARC_RESPONSE && rec->type != PITH_WARC_RESOURCE) {
        switch (rec->type) {
        case PITH_WARC_WARCINFO: return "warcinfo record";
        case PITH_WARC_REQUEST: return "request record";
        case PITH_WARC_METADATA: return "metadata record";
        case PITH_WARC_REVISIT: return "revisit record";
        case PITH_WARC_CONVERSION: return "conversion record";
        case PITH_WARC_CONTINUATION: return "continuation record";
        default: return "record of unknown type";
        }
    }
    if (!pith_warc_is_html(rec)) return "not html";
    /* A chunked body with broken framing is still mostly the page; an
     * undecoded gzip body is not HTML at all. */
    if (rec->payload_status != PITH_WARC_PAYLOAD_OK && rec->payload_status != PITH_WARC_PAYLOAD_BAD_CHUNKED)
        return payload_why[rec->payload_status];
    if (rec->payload_len == 0) return "empty payload";
    return NULL;
}

static void mark_rss(pipeline *p, uint64_t records) {
    for (int i = 0; i < RSS_MARKS; i++)
        if (records == rss_marks[i]) p->rs.rss_kb_at[i] = proc_status_kb("VmRSS:");
}

static bool in_shard(const pipeline *p, uint64_t i) {
    unsigned n = p->cfg->shard_count;
    return n <= 1 || i % n == p->cfg->shard_index;
}

typedef struct file_ctx {
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

/* One record: skip, or hand to the workers. false = stop (abort). */
static bool reader_record(pipeline *p, const pith_warc_record *rec) {
    const char *why = skip_reason(rec);
    if (why && !p->cfg->all_records) {
        reasons_add(&p->rs.skipped, NULL, why, 1);
        return true;
    }
    slot *s = take_free(p);
    if (!s) return false;
    if (!fill_slot(s, rec, why ? SLOT_SKIP : SLOT_EXTRACT, why)) {
        progress_log(&p->prog, "pith: out of memory copying a record of %zu bytes", rec->payload_len);
        s->kind = SLOT_SKIP;
        s->skip_reason = "out of memory";
        s->out.len = 0;
    }
    push_work(p, s);
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
    pith_warc_enable_timing(r, true);
    pith_warc_record rec;
    pith_warc_stats st;
    for (uint64_t n = 0;; n++) {
        double w0 = progress_now(), c0 = thread_cpu();
        pith_warc_status s = pith_warc_next(r, &rec);
        p->next_cpu += thread_cpu() - c0;
        p->next_wall += progress_now() - w0;
        if (s == PITH_WARC_END) break;
        if ((n & 63) == 0) {
            pith_warc_get_stats(r, &st);
            atomic_store(&p->in_bytes, fc->base_bytes + st.input_bytes);
        }
        bool mine = !fc->by_record || in_shard(p, (*fc->record_index)++);
        if (s == PITH_WARC_ERROR || s == PITH_WARC_FATAL) {
            const pith_warc_error *e = pith_warc_last_error(r);
            if (!mine && s == PITH_WARC_ERROR) continue;
            progress_log(&p->prog, "pith: %s: offset %llu: %s (%s)%s", fc->name, (unsigned long long)e->offset,
                         e->message, pith_warc_errcode_str(e->code), s == PITH_WARC_FATAL ? ", giving up on the file" : "");
            reasons_add(&p->rs.errors, "warc", pith_warc_errcode_str(e->code), 1);
            atomic_fetch_add(&p->errors, 1);
            if (s == PITH_WARC_FATAL) {
                p->rs.files_failed++;
                break;
            }
            continue;
        }
        if (!mine) continue;
        uint64_t nrec = atomic_fetch_add(&p->records, 1) + 1;
        mark_rss(p, nrec);
        if (!reader_record(p, &rec)) break;
    }
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

static void *reader_main(void *arg) {
    pipeline *p = arg;
    double c0 = thread_cpu();
    bool by_record = p->n_paths == 1;
    uint64_t record_index = 0, base = 0;
    for (size_t i = 0; i < p->n_paths && !p->abort; i++) {
        if (!by_record && !in_shard(p, i)) continue;
        file_ctx fc = {p->paths[i], strcmp(p->paths[i], "-") == 0 ? "stdin" : p->paths[i],
                       p->peeks ? &p->peeks[i] : NULL, base, &record_index, by_record};
        read_file(p, &fc);
        base = atomic_load(&p->in_bytes);
    }
    p->rs.cpu_reader = thread_cpu() - c0;
    pthread_mutex_lock(&p->mu);
    p->reader_done = true;
    pthread_cond_broadcast(&p->cv_work);
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---------------------------------------------------------------- workers */

typedef struct worker {
    pipeline *p;
    pith_extractor *ex;
    worker_stats st;
} worker;

static void end_line(json_out *o, const char *key, const char *prefix, const char *reason) {
    json_key(o, key, false);
    char msg[160];
    snprintf(msg, sizeof msg, "%s%s", prefix, reason ? reason : "unknown");
    json_str(o, msg, strlen(msg));
    json_lit(o, "}\n");
}

/* Appends the article JSON after the record's fields: its opening brace
 * becomes the comma that joins the two. */
static pith_status append_article(json_out *o, const pith_result *r) {
    size_t head = o->len, need = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!json_reserve(o, need ? need + 2 : 16384)) return PITH_E_NOMEM;
        pith_status st = pith_result_render_into(r, PITH_FORMAT_JSON, o->data + head, o->cap - head, &need);
        if (st == PITH_OK) {
            if (need >= 2 && o->data[head] == '{') {
                o->data[head] = need == 2 ? ' ' : ',';
                o->len = head + need;
                while (o->len > head && o->data[o->len - 1] == '\n') o->len--;
                json_lit(o, "\n");
                return o->failed ? PITH_E_NOMEM : PITH_OK;
            }
            return PITH_E_INVALID;
        }
        if (st != PITH_E_LIMIT || need + 1 < o->cap - head) return st;
    }
    return PITH_E_LIMIT;
}

/* --time-parse: how much of extraction is HTML parsing. The page is
 * parsed a second time on its own, outside the extraction's timing. */
static void time_parse(worker *w, const slot *s) {
    pith_parse_options po;
    pith_parse_options_init(&po);
    po.transport_encoding = s->has_charset ? s->strs + s->charset_at : NULL;
    pith_document *doc;
    double c0 = thread_cpu();
    if (pith_parse(s->payload, s->payload_len, &po, &doc) == PITH_OK) pith_document_free(doc);
    w->st.cpu_parse += thread_cpu() - c0;
}

static void work_one(worker *w, slot *s) {
    const pipeline_config *cfg = w->p->cfg;
    if (s->kind == SLOT_SKIP) {
        s->outcome = OUT_SKIPPED;
        s->reason = s->skip_reason;
        if (s->out.len) end_line(&s->out, "skipped", "", s->skip_reason);
        return;
    }
    if (cfg->time_parse) time_parse(w, s);
    const pith_result *r;
    double c0 = thread_cpu();
    pith_status st = pith_extractor_run(w->ex, s->payload, s->payload_len, s->has_url ? s->strs : NULL,
                                        s->has_charset ? s->strs + s->charset_at : NULL, &r);
    double c1 = thread_cpu();
    w->st.cpu_extract += c1 - c0;
    if (st == PITH_OK && !pith_result_found(r)) {
        s->outcome = OUT_NO_ARTICLE;
        s->reason = pith_result_reason(r);
        if (cfg->all_records) end_line(&s->out, "skipped", "no article: ", s->reason);
        else s->out.len = 0;
        return;
    }
    if (st == PITH_OK) {
        size_t head = s->out.len;
        st = append_article(&s->out, r);
        if (st != PITH_OK) s->out.len = head;
    }
    w->st.cpu_render += thread_cpu() - c1;
    if (st == PITH_OK) {
        s->outcome = OUT_ARTICLE;
        return;
    }
    s->outcome = OUT_FAILED;
    s->reason = pith_status_str(st);
    if (cfg->all_records) end_line(&s->out, "error", "", s->reason);
    else s->out.len = 0;
}

static void *worker_main(void *arg) {
    worker *w = arg;
    slot *s;
    while ((s = take_work(w->p))) {
        work_one(w, s);
        push_done(w->p, s);
    }
    return NULL;
}

/* ---------------------------------------------------------------- writer */

typedef struct writer {
    pipeline *p;
    run_stats *rs;
    uint64_t written;
    bool write_failed;
} writer;

static void count_slot(writer *wr, const slot *s) {
    run_stats *rs = wr->rs;
    if (s->kind == SLOT_EXTRACT) {
        rs->html++;
        rs->html_bytes += s->payload_len;
    }
    switch (s->outcome) {
    case OUT_ARTICLE: rs->extracted++; break;
    case OUT_NO_ARTICLE: reasons_add(&rs->skipped, "no article", s->reason, 1); break;
    case OUT_SKIPPED: reasons_add(&rs->skipped, NULL, s->reason, 1); break;
    case OUT_FAILED: reasons_add(&rs->errors, "extract", s->reason, 1); break;
    }
}

static void write_slot(writer *wr, slot *s) {
    pipeline *p = wr->p;
    count_slot(wr, s);
    if (s->out.len && !wr->write_failed) {
        if (fwrite(s->out.data, 1, s->out.len, p->cfg->out) != s->out.len) {
            progress_log(&p->prog, "pith: %s: write error: %s", p->cfg->out_name, strerror(errno));
            wr->write_failed = true;
            set_abort(p);
        } else {
            wr->rs->lines++;
        }
    }
}

static void show_progress(writer *wr, bool force) {
    pipeline *p = wr->p;
    if (!p->prog.enabled) return;
    progress_snap snap = {
        .records = atomic_load(&p->records),
        .extracted = wr->rs->extracted,
        .errors = atomic_load(&p->errors) + reasons_total(&wr->rs->errors),
        .in_bytes = atomic_load(&p->in_bytes),
        .total_bytes = p->total_bytes,
        .html_bytes = wr->rs->html_bytes,
    };
    progress_update(&p->prog, &snap, force);
}

static void write_loop(writer *wr) {
    pipeline *p = wr->p;
    for (;;) {
        bool timeout;
        slot *s = take_done(p, wr->written, &timeout);
        if (!s) {
            if (timeout) {
                show_progress(wr, false);
                continue;
            }
            break;
        }
        write_slot(wr, s);
        wr->written++;
        give_back(p, s);
        show_progress(wr, false);
    }
}

/* ---------------------------------------------------------------- setup */

static uint64_t total_size(const pipeline *p) {
    uint64_t t = 0;
    bool by_record = p->n_paths == 1;
    for (size_t i = 0; i < p->n_paths; i++) {
        struct stat st;
        if (!by_record && !in_shard(p, i)) continue;
        if (strcmp(p->paths[i], "-") == 0) {
            if (fstat(0, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
        } else if (stat(p->paths[i], &st) != 0 || !S_ISREG(st.st_mode)) {
            return 0;
        }
        t += (uint64_t)st.st_size;
    }
    return t;
}

static bool pipeline_init(pipeline *p) {
    p->k = (size_t)p->cfg->jobs * 4;
    if (p->k < 4) p->k = 4;
    p->slots = calloc(p->k, sizeof *p->slots);
    p->free_stack = calloc(p->k, sizeof *p->free_stack);
    p->work = calloc(p->k, sizeof *p->work);
    p->done = calloc(p->k, sizeof *p->done);
    p->done_at = calloc(p->k, sizeof *p->done_at);
    if (!p->slots || !p->free_stack || !p->work || !p->done || !p->done_at) return false;
    for (size_t i = 0; i < p->k; i++) {
        p->free_stack[i] = p->k - 1 - i;
        p->done_at[i] = -1;
    }
    p->n_free = p->k;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv_free, NULL);
    pthread_cond_init(&p->cv_work, NULL);
    pthread_cond_init(&p->cv_done, NULL);
    for (int i = 0; i < RSS_MARKS; i++) p->rs.rss_kb_at[i] = -1;
    return true;
}

static void pipeline_destroy(pipeline *p) {
    for (size_t i = 0; p->slots && i < p->k; i++) {
        free(p->slots[i].payload);
        free(p->slots[i].strs);
        json_free(&p->slots[i].out);
    }
    free(p->slots);
    free(p->free_stack);
    free(p->work);
    free(p->done);
    free(p->done_at);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv_free);
    pthread_cond_destroy(&p->cv_work);
    pthread_cond_destroy(&p->cv_done);
}

/* Starts the workers; returns how many started. */
static int start_workers(pipeline *p, worker *ws, pthread_t *th, pith_options *opts) {
    int n = 0;
    for (int i = 0; i < p->cfg->jobs; i++) {
        ws[i].p = p;
        pith_status st = pith_extractor_new(opts, &ws[i].ex);
        if (st != PITH_OK) {
            progress_log(&p->prog, "pith: %s", pith_status_str(st));
            break;
        }
        if (pthread_create(&th[i], NULL, worker_main, &ws[i]) != 0) {
            pith_extractor_free(ws[i].ex);
            break;
        }
        n++;
    }
    return n;
}

static void finish_stats(pipeline *p, run_stats *rs, worker *ws, int n, double t0, double cpu0) {
    rs->jobs = p->cfg->jobs;
    rs->files = p->rs.files;
    rs->files_failed = p->rs.files_failed;
    rs->records = atomic_load(&p->records);
    rs->input_bytes = p->rs.input_bytes;
    rs->stream_bytes = p->rs.stream_bytes;
    rs->cpu_reader = p->rs.cpu_reader;
    rs->decompress = p->rs.decompress;
    rs->decompress_cpu = p->next_wall > 0 ? p->rs.decompress * (p->next_cpu / p->next_wall) : 0;
    if (rs->decompress_cpu > p->next_cpu) rs->decompress_cpu = p->next_cpu;
    reasons_merge(&rs->skipped, &p->rs.skipped);
    reasons_merge(&rs->errors, &p->rs.errors);
    for (int i = 0; i < n; i++) {
        rs->cpu_extract += ws[i].st.cpu_extract;
        rs->cpu_render += ws[i].st.cpu_render;
        rs->cpu_parse += ws[i].st.cpu_parse;
    }
    if (!p->cfg->time_parse) rs->cpu_parse = -1;
    memcpy(rs->rss_kb_at, p->rs.rss_kb_at, sizeof rs->rss_kb_at);
    rs->rss_end_kb = proc_status_kb("VmRSS:");
    rs->peak_rss_kb = proc_status_kb("VmHWM:");
    rs->wall_seconds = progress_now() - t0;
    rs->cpu_writer = thread_cpu() - cpu0;
}

int pipeline_run(const pipeline_config *cfg, char *const *paths, size_t n, input_peek *peeks) {
    pipeline p;
    memset(&p, 0, sizeof p);
    p.cfg = cfg;
    p.paths = paths;
    p.n_paths = n;
    p.peeks = peeks;
    progress_init(&p.prog, cfg->progress);
    double t0 = progress_now(), cpu0 = thread_cpu();
    if (!pipeline_init(&p)) {
        fprintf(stderr, "pith: out of memory\n");
        pipeline_destroy(&p);
        return 1;
    }
    p.total_bytes = total_size(&p);
    pith_options opts = *cfg->opts;
    opts.json_pretty = false; /* JSON Lines: one object per line */
    worker *ws = calloc((size_t)cfg->jobs, sizeof *ws);
    pthread_t *th = calloc((size_t)cfg->jobs, sizeof *th);
    int started = ws && th ? start_workers(&p, ws, th, &opts) : 0;
    pthread_t reader;
    bool reader_ok = started > 0 && pthread_create(&reader, NULL, reader_main, &p) == 0;
    run_stats rs;
    memset(&rs, 0, sizeof rs);
    writer wr = {&p, &rs, 0, false};
    if (reader_ok) write_loop(&wr);
    else set_abort(&p);
    if (reader_ok) pthread_join(reader, NULL);
    set_abort(&p); /* wakes idle workers */
    for (int i = 0; i < started; i++) {
        pthread_join(th[i], NULL);
        pith_extractor_free(ws[i].ex);
    }
    bool flushed = fflush(cfg->out) == 0;
    if (!flushed && !wr.write_failed) fprintf(stderr, "pith: %s: write error: %s\n", cfg->out_name, strerror(errno));
    finish_stats(&p, &rs, ws, started, t0, cpu0);
    show_progress(&wr, true);
    progress_done(&p.prog);
    if (!cfg->quiet) run_stats_summary(&rs, stderr);
    int status = reader_ok && flushed && !wr.write_failed && reasons_total(&rs.errors) == 0 ? 0 : 1;
    if (cfg->stats_path) {
        int e = run_stats_write_json(&rs, cfg->stats_path);
        if (e) {
            fprintf(stderr, "pith: %s: %s\n", cfg->stats_path, strerror(e));
            status = 1;
        }
    }
    free(ws);
    free(th);
    progress_destroy(&p.prog);
    pipeline_destroy(&p);
    return status;
}
