/*
 * run_stats.c - counting by reason, the end-of-run summary and the --stats
 * JSON (see run_stats.h).
 */
#include "run_stats.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "json_out.h"

const uint64_t rss_marks[RSS_MARKS] = {10000, 100000, 1000000};

void reasons_add(reason_table *t, const char *prefix, const char *reason, uint64_t n) {
    char name[96];
    snprintf(name, sizeof name, "%s%s%s", prefix ? prefix : "", prefix ? ": " : "", reason ? reason : "unknown");
    for (size_t i = 0; i < t->count; i++) {
        if (strcmp(t->items[i].name, name) == 0) {
            t->items[i].n += n;
            return;
        }
    }
    size_t i = t->count;
    if (i == REASONS_MAX) {
        /* The last entry becomes the catch-all. */
        i = REASONS_MAX - 1;
        snprintf(t->items[i].name, sizeof t->items[i].name, "other");
        t->items[i].n += n;
        return;
    }
    memcpy(t->items[i].name, name, sizeof name);
    t->items[i].n = n;
    t->count++;
}

void reasons_merge(reason_table *into, const reason_table *from) {
    for (size_t i = 0; i < from->count; i++) reasons_add(into, NULL, from->items[i].name, from->items[i].n);
}

uint64_t reasons_total(const reason_table *t) {
    uint64_t n = 0;
    for (size_t i = 0; i < t->count; i++) n += t->items[i].n;
    return n;
}

long proc_status_kb(const char *field) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kb = -1;
    size_t fl = strlen(field);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, field, fl) == 0) {
            sscanf(line + fl, "%ld", &kb);
            break;
        }
    }
    fclose(f);
    return kb;
}

static double per_sec(double n, double secs) {
    return secs > 0 ? n / secs : 0;
}

static void print_reasons(FILE *f, const char *title, const reason_table *t) {
    if (!t->count) return;
    fprintf(f, "  %s:\n", title);
    for (size_t i = 0; i < t->count; i++)
        fprintf(f, "    %10llu  %s\n", (unsigned long long)t->items[i].n, t->items[i].name);
}

void run_stats_summary(const run_stats *s, FILE *f) {
    uint64_t errors = reasons_total(&s->errors);
    fprintf(f,
            "pith: %llu file%s, %llu record%s, %llu html (%.1f MB), %llu extracted, %llu skipped, %llu error%s "
            "in %.2f s (%.0f records/s, %.1f MB/s html, %d job%s)\n",
            (unsigned long long)s->files, s->files == 1 ? "" : "s", (unsigned long long)s->records,
            s->records == 1 ? "" : "s",
            (unsigned long long)s->html, (double)s->html_bytes / 1e6, (unsigned long long)s->extracted,
            (unsigned long long)reasons_total(&s->skipped), (unsigned long long)errors, errors == 1 ? "" : "s",
            s->wall_seconds, per_sec((double)s->records, s->wall_seconds),
            per_sec((double)s->html_bytes / 1e6, s->wall_seconds), s->jobs, s->jobs == 1 ? "" : "s");
    if (s->html) {
        fputs("  page types:", f);
        for (int t = 0; t < PITH_PAGE_TYPE_COUNT; t++)
            fprintf(f, "%s %s %llu", t ? "," : "", pith_page_type_name((pith_page_type)t),
                    (unsigned long long)s->page_types[t]);
        fputc('\n', f);
    }
    print_reasons(f, "skipped", &s->skipped);
    print_reasons(f, "errors", &s->errors);
}

static void json_reasons(json_out *b, const char *key, const reason_table *t) {
    json_key(b, key, false);
    json_lit(b, "{");
    for (size_t i = 0; i < t->count; i++) {
        json_key(b, t->items[i].name, i == 0);
        json_u64(b, t->items[i].n);
    }
    json_lit(b, "}");
}

static void json_kv_u64(json_out *b, const char *k, uint64_t v, bool first) {
    json_key(b, k, first);
    json_u64(b, v);
}

static void json_kv_f64(json_out *b, const char *k, double v) {
    json_key(b, k, false);
    json_f64(b, v);
}

static void json_kv_kb(json_out *b, const char *k, long kb) {
    json_key(b, k, false);
    if (kb < 0) json_lit(b, "null");
    else json_u64(b, (uint64_t)kb);
}

int run_stats_write_json(const run_stats *s, const char *path) {
    json_out b = {0};
    json_lit(&b, "{");
    json_kv_u64(&b, "jobs", (uint64_t)s->jobs, true);
    json_kv_u64(&b, "files", s->files, false);
    json_kv_u64(&b, "files_failed", s->files_failed, false);
    json_kv_u64(&b, "records", s->records, false);
    json_kv_u64(&b, "html", s->html, false);
    json_kv_u64(&b, "html_bytes", s->html_bytes, false);
    json_kv_u64(&b, "extracted", s->extracted, false);
    json_kv_u64(&b, "lines", s->lines, false);
    json_kv_u64(&b, "skipped_total", reasons_total(&s->skipped), false);
    json_kv_u64(&b, "errors_total", reasons_total(&s->errors), false);
    json_key(&b, "page_types", false);
    json_lit(&b, "{");
    for (int t = 0; t < PITH_PAGE_TYPE_COUNT; t++) {
        json_key(&b, pith_page_type_name((pith_page_type)t), t == 0);
        json_u64(&b, s->page_types[t]);
    }
    json_lit(&b, "}");
    json_reasons(&b, "skipped", &s->skipped);
    json_reasons(&b, "errors", &s->errors);
    json_kv_u64(&b, "input_bytes", s->input_bytes, false);
    json_kv_u64(&b, "stream_bytes", s->stream_bytes, false);
    json_kv_f64(&b, "wall_seconds", s->wall_seconds);
    json_kv_f64(&b, "records_per_second", per_sec((double)s->records, s->wall_seconds));
    json_kv_f64(&b, "html_mb_per_second", per_sec((double)s->html_bytes / 1e6, s->wall_seconds));
    json_key(&b, "cpu_seconds", false);
    json_lit(&b, "{");
    json_key(&b, "reader", true);
    json_f64(&b, s->cpu_reader);
    json_kv_f64(&b, "decompress_wall", s->decompress);
    json_kv_f64(&b, "decompress", s->decompress_cpu);
    json_kv_f64(&b, "extract", s->cpu_extract);
    json_kv_f64(&b, "render", s->cpu_render);
    json_key(&b, "parse_alone", false);
    if (s->cpu_parse < 0) json_lit(&b, "null");
    else json_f64(&b, s->cpu_parse);
    json_kv_f64(&b, "writer", s->cpu_writer);
    json_lit(&b, "}");
    json_key(&b, "rss_kb", false);
    json_lit(&b, "{");
    for (int i = 0; i < RSS_MARKS; i++) {
        char k[24];
        snprintf(k, sizeof k, "%llu", (unsigned long long)rss_marks[i]);
        if (i) json_lit(&b, ",");
        json_key(&b, k, true);
        if (s->rss_kb_at[i] < 0) json_lit(&b, "null");
        else json_u64(&b, (uint64_t)s->rss_kb_at[i]);
    }
    json_kv_kb(&b, "end", s->rss_end_kb);
    json_kv_kb(&b, "peak", s->peak_rss_kb);
    json_lit(&b, "}}\n");
    if (b.failed) {
        json_free(&b);
        return ENOMEM;
    }
    FILE *f = fopen(path, "w");
    int err = f ? 0 : errno;
    if (f && fwrite(b.data, 1, b.len, f) != b.len) err = EIO;
    if (f && fclose(f) != 0 && !err) err = errno;
    json_free(&b);
    return err;
}
