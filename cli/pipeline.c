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
 * The slot lists are in pipeline_queue.c, the reader thread in
 * pipeline_read.c; this file has the workers, the writer and the run.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "html_run.h"
#include "pipeline_internal.h"

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

/* Any other format: the article as `pith -f FORMAT page.html` writes it
 * (ending with a newline), so records follow one another as files do. */
static pith_status append_rendered(json_out *o, const pith_result *r, pith_format format) {
    size_t need = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!json_reserve(o, need ? need + 2 : 16384)) return PITH_E_NOMEM;
        pith_status st = pith_result_render_into(r, format, o->data, o->cap, &need);
        if (st == PITH_OK) {
            o->len = need;
            if (!o->len || o->data[o->len - 1] != '\n') json_lit(o, "\n");
            return o->failed ? PITH_E_NOMEM : PITH_OK;
        }
        if (st != PITH_E_LIMIT || need + 1 < o->cap) return st;
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
    double c0 = pl_thread_cpu();
    if (pith_parse(s->html, s->payload_len, &po, &doc) == PITH_OK) pith_document_free(doc);
    w->st.cpu_parse += pl_thread_cpu() - c0;
}

static void work_one(worker *w, slot *s) {
    const pipeline_config *cfg = w->p->cfg;
    s->page_type = -1;
    if (s->kind == SLOT_DAMAGE) {
        s->outcome = OUT_DAMAGE;
        return;
    }
    if (s->kind != SLOT_EXTRACT) {
        s->outcome = s->kind == SLOT_SKIP ? OUT_SKIPPED : OUT_FAILED;
        s->reason = s->skip_reason;
        if (cfg->format != PITH_FORMAT_JSON) s->out.len = 0; /* lines saying why are JSON Lines only */
        if (s->out.len) end_line(&s->out, s->kind == SLOT_SKIP ? "skipped" : "error", "", s->skip_reason);
        return;
    }
    if (cfg->time_parse) time_parse(w, s);
    const pith_result *r;
    double c0 = pl_thread_cpu();
    const char *url = s->has_url ? s->strs : NULL, *charset = s->has_charset ? s->strs + s->charset_at : NULL;
    /* The record's WARC-Date is "now" for its page, unless --date says otherwise; a WARC-Date that is not a
     * date is no reference. */
    const char *when = !cfg->opts->reference_date && s->has_date ? s->strs + s->date_at : NULL;
    pith_status st = pith_extractor_run_dated(w->ex, s->html, s->payload_len, url, charset, when, &r);
    if (st == PITH_E_INVALID && when) st = pith_extractor_run(w->ex, s->html, s->payload_len, url, charset, &r);
    double c1 = pl_thread_cpu();
    w->st.cpu_extract += c1 - c0;
    if (st == PITH_OK) s->page_type = (int)pith_result_page_type(r);
    bool json = cfg->format == PITH_FORMAT_JSON;
    if (st == PITH_OK && !pith_result_found(r)) {
        s->outcome = OUT_NO_ARTICLE;
        snprintf(s->reason_buf, sizeof s->reason_buf, "%s", pith_result_reason(r) ? pith_result_reason(r) : "unknown");
        s->reason = s->reason_buf;
        if (cfg->all_records && json) end_line(&s->out, "skipped", "no article: ", s->reason);
        else s->out.len = 0;
        return;
    }
    if (st == PITH_OK && !json) {
        s->out.len = 0; /* the article alone, as -f gives it for a file, ending with a newline */
        st = append_rendered(&s->out, r, cfg->format);
        if (st != PITH_OK) s->out.len = 0;
    } else if (st == PITH_OK) {
        size_t head = s->out.len;
        st = append_article(&s->out, r);
        if (st != PITH_OK) s->out.len = head;
    }
    w->st.cpu_render += pl_thread_cpu() - c1;
    if (st == PITH_OK) {
        s->outcome = OUT_ARTICLE;
        return;
    }
    s->outcome = OUT_FAILED;
    s->reason = pith_status_str(st);
    if (cfg->all_records && json) end_line(&s->out, "error", "", s->reason);
    else s->out.len = 0;
}

static void *worker_main(void *arg) {
    worker *w = arg;
    slot *s;
    while ((s = pl_take_work(w->p))) {
        work_one(w, s);
        pl_push_done(w->p, s);
    }
    return NULL;
}

/* ---------------------------------------------------------------- writer */

/* glibc ignores setvbuf's size without a buffer of ours. Static: stdout
 * keeps it until exit; -o DIR files are open one at a time. */
enum { OUT_BUFFER = 64 << 10 };
static char out_buffer[OUT_BUFFER], file_buffer[OUT_BUFFER];

typedef struct writer {
    pipeline *p;
    run_stats *rs;
    uint64_t written;
    bool write_failed;
    /* -o DIR: the open output (of input path cur_file), and the first
     * input whose output has not been made yet */
    size_t cur_file, next_file;
    FILE *cur;
    const char *cur_name;
} writer;

static void writer_fail(writer *wr, const char *name, int err) {
    progress_log(&wr->p->prog, "pith: %s: write error: %s", name, strerror(err));
    wr->write_failed = true;
    pl_set_abort(wr->p);
}

/* -o DIR: makes input path upto's output current, creating and closing
 * the outputs of the inputs before it on the way (an input with no line
 * gets an empty file, one that could not be opened none); upto = the
 * number of paths closes the last. Input order holds (the pipeline is
 * ordered with -o DIR), so files only move on. */
static void writer_advance(writer *wr, size_t upto) {
    pipeline *p = wr->p;
    char *const *paths = p->cfg->out_paths;
    while (!wr->write_failed) {
        if (wr->cur && wr->cur_file == upto) return;
        if (wr->cur) {
            FILE *f = wr->cur;
            wr->cur = NULL;
            if (fclose(f) != 0) writer_fail(wr, wr->cur_name, errno);
            continue;
        }
        if (wr->next_file > upto || wr->next_file >= p->n_paths) return;
        size_t j = wr->next_file++;
        if (!p->opened[j]) continue;
        int e = cli_make_parents(paths[j]);
        if (e == 0 && !(wr->cur = fopen(paths[j], "wb"))) e = errno;
        if (wr->cur) setvbuf(wr->cur, file_buffer, _IOFBF, OUT_BUFFER);
        if (e) {
            writer_fail(wr, paths[j], e);
            return;
        }
        wr->cur_file = j;
        wr->cur_name = paths[j];
    }
}

static void count_slot(writer *wr, const slot *s) {
    run_stats *rs = wr->rs;
    if (s->kind == SLOT_EXTRACT) {
        rs->html++;
        rs->html_bytes += s->payload_len;
    }
    if (s->page_type >= 0 && s->page_type < PITH_PAGE_TYPE_COUNT) rs->page_types[s->page_type]++;
    switch (s->outcome) {
    case OUT_ARTICLE: rs->extracted++; break;
    case OUT_NO_ARTICLE: reasons_add(&rs->skipped, "no article", s->reason, 1); break;
    case OUT_SKIPPED: reasons_add(&rs->skipped, NULL, s->reason, 1); break;
    case OUT_FAILED: reasons_add(&rs->errors, "extract", s->reason, 1); break;
    case OUT_DAMAGE: break; /* counted by the reader */
    }
}

static void write_slot(writer *wr, slot *s) {
    pipeline *p = wr->p;
    count_slot(wr, s);
    FILE *out = p->cfg->out;
    const char *name = p->cfg->out_name;
    if (p->cfg->out_paths && !wr->write_failed) {
        writer_advance(wr, s->file);
        out = wr->cur;
        name = wr->cur_name;
    }
    if (s->out.len && !wr->write_failed && out) {
        if (fwrite(s->out.data, 1, s->out.len, out) != s->out.len) {
            writer_fail(wr, name, errno);
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
        slot *s = pl_take_done(p, wr->written, &timeout);
        if (!s) {
            if (timeout) {
                show_progress(wr, false);
                continue;
            }
            break;
        }
        write_slot(wr, s);
        wr->written++;
        pl_give_back(p, s);
        show_progress(wr, false);
    }
}

/* ---------------------------------------------------------------- setup */

static uint64_t total_size(const pipeline *p) {
    uint64_t t = 0;
    bool by_record = p->n_paths == 1;
    for (size_t i = 0; i < p->n_paths; i++) {
        struct stat st;
        if (!by_record && !pl_in_shard(p, i)) continue;
        if (strcmp(p->paths[i], "-") == 0) {
            if (fstat(0, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
        } else if (stat(p->paths[i], &st) != 0 || !S_ISREG(st.st_mode)) {
            return 0;
        }
        t += (uint64_t)st.st_size;
    }
    return t;
}

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
    if (rs->decompress_cpu > p->rs.cpu_reader) rs->decompress_cpu = p->rs.cpu_reader;
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
    rs->cpu_writer = pl_thread_cpu() - cpu0;
}

int pipeline_run(const pipeline_config *cfg, char *const *paths, size_t n, input_peek *peeks) {
    pipeline p;
    memset(&p, 0, sizeof p);
    p.cfg = cfg;
    p.paths = paths;
    p.n_paths = n;
    p.peeks = peeks;
    progress_init(&p.prog, cfg->progress);
    /* Lines reach a file or pipe in 64 KiB writes rather than 4 KiB ones
     * (a terminal keeps its line buffering): nothing was written to it yet. */
    if (!isatty(fileno(cfg->out))) setvbuf(cfg->out, out_buffer, _IOFBF, OUT_BUFFER);
    double t0 = progress_now(), cpu0 = pl_thread_cpu();
    if (!pl_init(&p)) {
        fprintf(stderr, "pith: out of memory\n");
        pl_destroy(&p);
        return 1;
    }
    p.total_bytes = total_size(&p);
    if (cfg->out_paths && !(p.opened = calloc(n ? n : 1, sizeof *p.opened))) {
        fprintf(stderr, "pith: out of memory\n");
        pl_destroy(&p);
        return 1;
    }
    pith_options opts = *cfg->opts;
    if (cfg->format == PITH_FORMAT_JSON) opts.json_pretty = false; /* JSON Lines: one object per line */
    worker *ws = calloc((size_t)cfg->jobs, sizeof *ws);
    pthread_t *th = calloc((size_t)cfg->jobs, sizeof *th);
    int started = ws && th ? start_workers(&p, ws, th, &opts) : 0;
    pthread_t reader;
    bool reader_ok = started > 0 && pthread_create(&reader, NULL, pl_reader_main, &p) == 0;
    run_stats rs;
    memset(&rs, 0, sizeof rs);
    writer wr = {&p, &rs, 0, false, 0, 0, NULL, NULL};
    if (reader_ok) write_loop(&wr);
    else pl_set_abort(&p);
    if (reader_ok) pthread_join(reader, NULL);
    pl_set_abort(&p); /* wakes idle workers */
    for (int i = 0; i < started; i++) {
        pthread_join(th[i], NULL);
        pith_extractor_free(ws[i].ex);
    }
    if (cfg->out_paths) {
        if (reader_ok) writer_advance(&wr, n); /* the outputs of inputs with no line; closes the last */
        if (wr.cur) fclose(wr.cur);            /* (after a write error) */
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
    free(p.opened);
    progress_destroy(&p.prog);
    pl_destroy(&p);
    return status;
}

