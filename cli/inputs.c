/*
 * inputs.c - command-line inputs: files, directories, stdin.
 */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int push(input_list *l, const char *path, const char *rel) {
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **p = realloc(l->paths, cap * sizeof *p);
        if (!p) return ENOMEM;
        l->paths = p;
        char **r = realloc(l->rel, cap * sizeof *r);
        if (!r) return ENOMEM;
        l->rel = r;
        l->cap = cap;
    }
    l->paths[l->count] = strdup(path);
    l->rel[l->count] = strdup(rel);
    if (!l->paths[l->count] || !l->rel[l->count]) return ENOMEM;
    l->count++;
    return 0;
}

static int has_html_ext(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks a directory tree with an explicit stack of pending directories. */
static int add_dir(input_list *l, const char *root) {
    size_t root_len = strlen(root);
    char **stack = malloc(sizeof *stack);
    if (!stack) return ENOMEM;
    size_t n = 0, cap = 1;
    stack[n++] = strdup(root);
    int err = 0;
    while (n && !err) {
        char *dir = stack[--n];
        if (!dir) {
            err = ENOMEM;
            break;
        }
        DIR *d = opendir(dir);
        if (!d) {
            err = errno;
            free(dir);
            break;
        }
        /* Sort entries so the order of outputs does not depend on the file system. */
        char **names = NULL;
        size_t nn = 0, ncap = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            if (nn == ncap) {
                ncap = ncap ? ncap * 2 : 64;
                char **p = realloc(names, ncap * sizeof *p);
                if (!p) {
                    err = ENOMEM;
                    break;
                }
                names = p;
            }
            names[nn++] = strdup(e->d_name);
        }
        closedir(d);
        if (nn) qsort(names, nn, sizeof *names, cmp_str);
        /* Files in order now; subdirectories pushed in reverse so they pop in order. */
        size_t first_sub = n;
        for (size_t i = 0; i < nn && !err; i++) {
            if (!names[i]) {
                err = ENOMEM;
                continue;
            }
            size_t plen = strlen(dir) + strlen(names[i]) + 2;
            char *path = malloc(plen);
            if (!path) {
                err = ENOMEM;
                continue;
            }
            snprintf(path, plen, "%s/%s", dir, names[i]);
            struct stat st;
            if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
                if (n == cap) {
                    cap *= 2;
                    char **p = realloc(stack, cap * sizeof *p);
                    if (!p) {
                        free(path);
                        err = ENOMEM;
                        continue;
                    }
                    stack = p;
                }
                stack[n++] = path;
                continue;
            }
            if (has_html_ext(names[i])) err = push(l, path, path + root_len + (root[root_len - 1] == '/' ? 0 : 1));
            free(path);
        }
        for (size_t i = first_sub, j = n ? n - 1 : 0; i < j; i++, j--) {
            char *t = stack[i];
            stack[i] = stack[j];
            stack[j] = t;
        }
        for (size_t i = 0; i < nn; i++) free(names[i]);
        free(names);
        free(dir);
    }
    while (n) free(stack[--n]);
    free(stack);
    return err;
}

int inputs_add(input_list *l, const char *path) {
    struct stat st;
    if (strcmp(path, "-") == 0) return push(l, "-", "stdin");
    if (stat(path, &st) != 0) return errno;
    if (S_ISDIR(st.st_mode)) return add_dir(l, path);
    const char *base = strrchr(path, '/');
    return push(l, path, base ? base + 1 : path);
}

void inputs_free(input_list *l) {
    for (size_t i = 0; i < l->count; i++) {
        free(l->paths[i]);
        free(l->rel[i]);
    }
    free(l->paths);
    free(l->rel);
    memset(l, 0, sizeof *l);
}
