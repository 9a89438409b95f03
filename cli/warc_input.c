/*
 * warc_input.c - telling WARC inputs from HTML ones by their first bytes
 * (pith_warc_sniff), and giving back what was read off standard input (see
 * warc_input.h).
 */
#include "warc_input.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pith_warc.h"

/* pith_warc_sniff() decides within 64 KiB: a gzip header with a long name
 * field plus the first deflate block's start. */
#define PEEK_MAX 65536

/* Reads from fd into pk until the sniff decides, PEEK_MAX or EOF. */
static int peek_fd(int fd, input_peek *pk) {
    if (!pk->buf && !(pk->buf = malloc(PEEK_MAX))) return ENOMEM;
    pith_warc_sniff_result s = PITH_WARC_SNIFF_MORE;
    while (s == PITH_WARC_SNIFF_MORE && pk->len < PEEK_MAX && !pk->eof) {
        ssize_t got = read(fd, pk->buf + pk->len, PEEK_MAX - pk->len);
        if (got < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (got == 0) pk->eof = true;
        pk->len += (size_t)got;
        s = pith_warc_sniff(pk->buf, pk->len);
    }
    pk->is_warc = s == PITH_WARC_SNIFF_YES;
    return 0;
}

bool input_sniff(const char *path, input_peek *pk, int *err) {
    memset(pk, 0, sizeof *pk);
    pk->start = -1;
    *err = 0;
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? 0 : open(path, O_RDONLY);
    if (fd < 0) {
        *err = errno;
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) *err = errno;
    else if (S_ISDIR(st.st_mode)) *err = EISDIR;
    if (*err) {
        if (!is_stdin) close(fd);
        return false;
    }
    bool stream = is_stdin || !S_ISREG(st.st_mode);
    if (stream && S_ISREG(st.st_mode)) pk->start = (long long)lseek(fd, 0, SEEK_CUR);
    *err = peek_fd(fd, pk);
    bool yes = *err == 0 && pk->is_warc;
    if (stream) {
        pk->active = true;
        pk->fd = fd;
    } else {
        input_peek_free(pk);
        close(fd);
    }
    return yes;
}

int input_peek_slurp(input_peek *pk, size_t max, char **data, size_t *len) {
    size_t cap = pk->len + 65536, n = pk->len;
    char *buf = malloc(cap);
    if (!buf) return ENOMEM;
    memcpy(buf, pk->buf, n);
    while (!pk->eof) {
        if (max && n > max) break;
        if (n == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return ENOMEM;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(pk->fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            int e = errno;
            free(buf);
            return e;
        }
        if (got == 0) pk->eof = true;
        n += (size_t)got;
    }
    if (max && n > max) {
        free(buf);
        return ERANGE;
    }
    *data = buf;
    *len = n;
    return 0;
}

typedef struct feeder_arg {
    unsigned char *prefix;
    size_t len;
    int in, out;
} feeder_arg;

static int write_full(int fd, const unsigned char *p, size_t n) {
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Copies the peeked bytes, then the rest of the input, into the pipe. SIGPIPE
 * is blocked in this thread: a reader that stops early only makes the
 * write fail. */
static void *feeder_main(void *arg) {
    feeder_arg *f = arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    unsigned char *buf = malloc(1 << 16);
    if (buf && write_full(f->out, f->prefix, f->len) == 0) {
        for (;;) {
            ssize_t got = read(f->in, buf, 1 << 16);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0 || write_full(f->out, buf, (size_t)got) != 0) break;
        }
    }
    free(buf);
    close(f->out);
    free(f->prefix);
    free(f);
    return NULL;
}

int input_peek_fd(input_peek *pk, pthread_t *feeder, bool *feeder_started) {
    *feeder_started = false;
    if (pk->start >= 0 && lseek(pk->fd, (off_t)pk->start, SEEK_SET) == (off_t)pk->start) return pk->fd;
    int fds[2];
    if (pipe(fds) != 0) return -1;
    feeder_arg *f = malloc(sizeof *f);
    if (!f) {
        close(fds[0]);
        close(fds[1]);
        errno = ENOMEM;
        return -1;
    }
    /* The feeder owns the peeked bytes from here on. */
    f->prefix = pk->buf;
    f->len = pk->len;
    f->in = pk->fd;
    f->out = fds[1];
    pk->buf = NULL;
    pk->len = 0;
    int e = pthread_create(feeder, NULL, feeder_main, f);
    if (e) {
        pk->buf = f->prefix;
        pk->len = f->len;
        free(f);
        close(fds[0]);
        close(fds[1]);
        errno = e;
        return -1;
    }
    *feeder_started = true;
    return fds[0];
}

void input_feeder_join(pthread_t feeder) {
    pthread_join(feeder, NULL);
}

void input_peek_free(input_peek *pk) {
    free(pk->buf);
    pk->buf = NULL;
    pk->len = 0;
    if (pk->active && pk->fd > 0) close(pk->fd);
    pk->active = false;
    pk->fd = -1;
}
