/*
 * page_type_dump.c - the page-type feature vector of every page, for
 * tools/train_page_type.py.
 *
 *   page_type_dump < LIST > features.tsv
 *   page_type_dump --list-features     (each feature's name and reason)
 *
 * LIST has one page a line: "ID<TAB>FILE<TAB>URL" (URL may be empty). The
 * output is a tab-separated table: a header "id", the feature names
 * (page_type_feature_names), "predicted"; then one row per page with its
 * features as the library computes them (printed with %.9g, which gives a
 * float back exactly) and the type the current model gives.
 *
 * Each page goes through the library's own pipeline (decode, parse,
 * extract_run with the default options), so the features the model is
 * trained on are those it will see: there is no second implementation to
 * drift. A development tool, built with the benchmarks, not installed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_extract.h"

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--list-features") == 0) {
        for (int k = 0; k < PT_NFEATURES; k++) printf("%s\t%s\n", page_type_feature_names[k], page_type_feature_reasons[k]);
        return 0;
    }
    pith_options o;
    pith_options_init(&o);
    pith_arena a;
    pith_arena_init(&a, NULL, o.limits.max_memory);
    pith_blocks_builder b;
    pith_blocks_builder_init(&b, &a, NULL);
    printf("id");
    for (int k = 0; k < PT_NFEATURES; k++) printf("\t%s", page_type_feature_names[k]);
    printf("\tpredicted\n");
    char line[8192];
    int status = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *path = strchr(line, '\t');
        if (!path) continue;
        *path++ = '\0';
        char *url = strchr(path, '\t');
        if (url) *url++ = '\0';
        size_t len;
        char *html = dev_read_file(path, &len);
        extract_output out;
        if (!html || !dev_extract(html, len, url && *url ? url : NULL, &a, &b, &o, false, &out)) {
            fprintf(stderr, "page_type_dump: %s: cannot read or extract\n", path);
            free(html);
            status = 1;
            continue;
        }
        printf("%s", line);
        for (int k = 0; k < PT_NFEATURES; k++) printf("\t%.9g", (double)out.page_features[k]);
        printf("\t%s\n", pith_page_type_name(out.page_type));
        free(html);
    }
    pith_blocks_builder_free(&b);
    pith_arena_free(&a);
    return status;
}
