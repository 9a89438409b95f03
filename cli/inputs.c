/*
 * inputs.c - command-line inputs: files, directories, stdin (see inputs.h).
 */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

size_t inputs_html_ext(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot || strchr(dot, '/')) return 0;
    return strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ? strlen(dot) : 0;
}

/* Appends path, with rel less its .html/.htm extension as the output name. */
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
    l->rel[l->count] = strndup(rel, strlen(rel) - inputs_html_ext(rel));
    if (!l->paths[l->count] || !l->rel[l->count]) {
        free(l->paths[l->count]);
        free(l->rel[l->count]);
        return ENOMEM;
    }
    l->count++;
    return 0;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Marks the folder st as walked; false when it already was (or on ENOMEM,
 * with *err set). A folder is known by its device and inode, whatever
 * path (symbolic links, "..") leads to it. */
static bool first_visit(input_list *l, const struct stat *st, int *err) {
    struct { dev_t dev; ino_t ino; } id;
    memset(&id, 0, sizeof id);
    id.dev = st->st_dev;
    id.ino = st->st_ino;
    bool added;
    if (!seen_add(&l->dirs, &id, sizeof id, &added)) *err = ENOMEM;
    return added;
}

/* The sorted names in dir (without dot files), or an errno value. */
static int read_names(const char *dir, char ***names_out, size_t *count) {
    DIR *d = opendir(dir);
    if (!d) return errno;
    char **names = NULL;
    size_t nn = 0, ncap = 0;
    int err = 0;
    struct dirent *e;
    while (!err && (e = readdir(d))) {
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
        if (!(names[nn] = strdup(e->d_name))) err = ENOMEM;
        else nn++;
    }
    closedir(d);
    /* Sorted, so the order of outputs does not depend on the file system. */
    if (nn) qsort(names, nn, sizeof *names, cmp_str);
    *names_out = names;
    *count = nn;
    return err;
}

/* Pushes path (taking it) on the stack of folders to walk. */
static int push_dir(char ***stack, size_t *n, size_t *cap, char *path) {
    if (*n == *cap) {
        char **p = realloc(*stack, *cap * 2 * sizeof *p);
        if (!p) {
            free(path);
            return ENOMEM;
        }
        *stack = p;
        *cap *= 2;
    }
    (*stack)[(*n)++] = path;
    return 0;
}

/* Walks a directory tree with an explicit stack of pending directories,
 * each real folder once. *found counts the pages listed. */
static int add_dir(input_list *l, const char *root, size_t *found) {
    size_t root_len = strlen(root);
    size_t rel_at = root_len + (root[root_len - 1] == '/' ? 0 : 1);
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
        char **names = NULL;
        size_t nn = 0;
        err = read_names(dir, &names, &nn);
        /* Files in order now; subdirectories pushed in reverse so they pop in order. */
        size_t first_sub = n;
        for (size_t i = 0; i < nn && !err; i++) {
            size_t plen = strlen(dir) + strlen(names[i]) + 2;
            char *path = malloc(plen);
            if (!path) {
                err = ENOMEM;
                continue;
            }
            snprintf(path, plen, "%s/%s", dir, names[i]);
            struct stat st;
            if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
                if (first_visit(l, &st, &err) && !err) err = push_dir(&stack, &n, &cap, path);
                else free(path);
                continue;
            }
            if (inputs_html_ext(names[i])) {
                err = push(l, path, path + rel_at);
                if (!err) ++*found;
            }
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
    if (!S_ISDIR(st.st_mode)) {
        const char *base = strrchr(path, '/');
        return push(l, path, base ? base + 1 : path);
    }
    int err = 0;
    /* A folder already walked (given twice, or inside one given before)
     * adds nothing, and is no error: its pages are listed already. */
    if (!first_visit(l, &st, &err)) return err;
    size_t found = 0;
    err = add_dir(l, path, &found);
    return err ? err : found ? 0 : INPUTS_NO_PAGES;
}

const char *inputs_strerror(int err) {
    return err == INPUTS_NO_PAGES ? "no *.html or *.htm files in this folder" : strerror(err);
}

int inputs_unique_names(input_list *l) {
    seen_set taken = {0};
    int err = 0;
    for (size_t i = 0; i < l->count && !err; i++) {
        bool added;
        uint32_t *tries = seen_add(&taken, l->rel[i], strlen(l->rel[i]), &added);
        if (!tries) {
            err = ENOMEM;
            break;
        }
        if (added) continue;
        /* Taken: NAME-2, NAME-3 ... from where the last search for NAME
         * stopped, so k inputs of one name cost O(k), not O(k^2). */
        size_t len = strlen(l->rel[i]) + 12;
        char *name = malloc(len);
        if (!name) {
            err = ENOMEM;
            break;
        }
        for (uint32_t k = *tries ? *tries : 2;; k++) {
            snprintf(name, len, "%s-%u", l->rel[i], k);
            uint32_t *t = seen_add(&taken, name, strlen(name), &added);
            if (!t) {
                err = ENOMEM;
                break;
            }
            if (added) {
                /* seen_add may have moved the table: look NAME up again. */
                uint32_t *base = seen_add(&taken, l->rel[i], strlen(l->rel[i]), &added);
                if (base) *base = k + 1;
                break;
            }
        }
        free(l->rel[i]);
        l->rel[i] = name;
    }
    seen_free(&taken);
    return err;
}

void inputs_free(input_list *l) {
    for (size_t i = 0; i < l->count; i++) {
        free(l->paths[i]);
        free(l->rel[i]);
    }
    free(l->paths);
    free(l->rel);
    seen_free(&l->dirs);
    memset(l, 0, sizeof *l);
}
