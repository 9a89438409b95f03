/*
 * read_input.c - slurp a file or stdin, bounded.
 */
#include "read_input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int read_input(const char *path, size_t max, char **data, size_t *len) {
    *data = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return errno ? errno : EIO;
    size_t cap = 1 << 16, n = 0;
    /* A regular file's size is known: one allocation, no regrowth copies. */
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        if (max && (size_t)st.st_size > max) {
            if (f != stdin) fclose(f);
            return ERANGE;
        }
        cap = (size_t)st.st_size + 1;
    }
    char *buf = malloc(cap);
    int err = 0;
    while (buf) {
        if (n == cap) {
            if (max && cap > max) {
                err = ERANGE;
                break;
            }
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                err = ENOMEM;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (max && n > max) {
            err = ERANGE;
            break;
        }
        if (got == 0) {
            if (ferror(f)) err = EIO;
            break;
        }
    }
    if (!buf) err = ENOMEM;
    if (f != stdin) fclose(f);
    if (err) {
        free(buf);
        return err;
    }
    *data = buf;
    *len = n;
    return 0;
}
