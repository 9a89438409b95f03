/*
 * test_space.c - util/space.h: the eight-bytes-at-a-time white space
 * prefixes and digit test give what the byte loops they replaced gave, for every byte
 * value at every place of a run, and never read past the end.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "util/space.h"

static int html_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

static size_t want_space(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && html_space((unsigned char)s[i])) i++;
    return i;
}

static size_t want_ctl(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] <= ' ') i++;
    return i;
}

static size_t want_word(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && !html_space((unsigned char)s[i])) i++;
    return i;
}

/* pith_word_prefix: each byte value at each place of a run of word bytes
 * (letters, a control byte, a UTF-8 byte), each length up to 24: the
 * white space that ends the word is found wherever it is in an 8-byte
 * word, a control byte before it does not end the word, and nothing is
 * read past n (each run is copied to the end of a malloc'ed block). */
static void test_word_prefix(void) {
    static const char fill[] = {'a', '\x01', '\xc3', '-'};
    int bad = 0;
    for (size_t f = 0; f < sizeof fill; f++)
        for (int v = 0; v < 256; v++)
            for (size_t n = 0; n <= 24; n++)
                for (size_t at = 0; at < n; at++) {
                    char *s = malloc(n ? n : 1);
                    if (!s) return;
                    memset(s, fill[f], n);
                    s[at] = (char)v;
                    bad += pith_word_prefix(s, n) != want_word(s, n);
                    if (at + 1 < n) {
                        s[at + 1] = ' ';
                        bad += pith_word_prefix(s, n) != want_word(s, n);
                    }
                    free(s);
                }
    CHECK(bad == 0);
}

/* Each byte value at each place of a 24-byte run of each white space
 * byte: the byte that ends the run is found wherever it is in a word. */
static void test_every_byte(void) {
    static const char fill[] = {' ', '\t', '\n', '\f', '\r'};
    int bad = 0;
    for (size_t f = 0; f < sizeof fill; f++)
        for (int v = 0; v < 256; v++)
            for (size_t at = 0; at < 24; at++) {
                char s[24];
                memset(s, fill[f], sizeof s);
                s[at] = (char)v;
                bad += pith_space_prefix(s, sizeof s) != want_space(s, sizeof s);
                bad += pith_ctl_prefix(s, sizeof s) != want_ctl(s, sizeof s);
            }
    CHECK(bad == 0);
}

/* '\v' (0x0B) and the other control bytes are no HTML white space, but
 * are <= ' ': the two prefixes differ there. */
static void test_control_bytes(void) {
    CHECK(pith_space_prefix("        \v  x", 12) == 8);
    CHECK(pith_ctl_prefix("        \v  x", 12) == 11);
    CHECK(pith_space_prefix("\x1f       ", 8) == 0);
    CHECK(pith_ctl_prefix("\x1f       ", 8) == 8);
    CHECK(pith_space_prefix("\n\t\r\f    \n  \t  By", 16) == 14);
    CHECK(pith_space_prefix("", 0) == 0);
}

/* Random mixes of white space, control bytes and text, all lengths. */
static void test_random(void) {
    static const unsigned char pool[] = {' ', '\t', '\n', '\f', '\r', 0, 1, 8, 0x0B, 0x0E, 0x1F, 0x21, 'a', 0x80, 0xFF};
    int bad = 0;
    srand(14);
    for (int it = 0; it < 200000; it++) {
        char s[40];
        size_t n = (size_t)(rand() % 41);
        for (size_t i = 0; i < n; i++) s[i] = (char)(rand() % 4 ? pool[rand() % 5] : pool[rand() % sizeof pool]);
        bad += pith_space_prefix(s, n) != want_space(s, n);
        bad += pith_ctl_prefix(s, n) != want_ctl(s, n);
    }
    CHECK(bad == 0);
}

/* Only s[0..n) is read: the last word of a run that ends the buffer
 * (ASan and valgrind see a read past a heap block's end). */
static void test_ends(void) {
    for (size_t n = 0; n <= 20; n++) {
        char *s = malloc(n ? n : 1);
        if (!s) return;
        memset(s, ' ', n);
        CHECK(pith_space_prefix(s, n) == n);
        CHECK(pith_ctl_prefix(s, n) == n);
        free(s);
    }
}

/* pith_has_digit: each byte value at each place of a run of letters and
 * of bytes >= 0x80 ('0' | 0x80 is no digit). */
static void test_has_digit(void) {
    static const char fill[] = {'a', ' ', (char)0xB0, (char)0xFF, '/'};
    int bad = 0;
    for (size_t f = 0; f < sizeof fill; f++)
        for (int v = 0; v < 256; v++)
            for (size_t at = 0; at < 20; at++)
                for (size_t n = at; n <= 20; n += 5) {
                    char s[20];
                    memset(s, fill[f], sizeof s);
                    s[at] = (char)v;
                    int want = 0;
                    for (size_t i = 0; i < n; i++) want |= s[i] >= '0' && s[i] <= '9';
                    bad += pith_has_digit(s, n) != (want != 0);
                }
    CHECK(bad == 0);
    CHECK(pith_has_digit("/news/2024/05/x", 15));
    CHECK(!pith_has_digit("/how-to-fix-a-leak/", 19));
}

int main(void) {
    RUN(test_has_digit);
    RUN(test_word_prefix);
    RUN(test_every_byte);
    RUN(test_control_bytes);
    RUN(test_random);
    RUN(test_ends);
    return test_summary("space");
}
