/*
 * test_class_signals.c - a class value's signals read token by token
 * (class_memo, class_signals_by_token) equal those of the whole value
 * (class_signals), on the values whose words, "has-"/"no-" prefixes,
 * camelCase humps and plurals make the readings differ most.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/class_signals.h"
#include "test.h"

static const char *const TOKENS[] = {
    "byline", "post-author", "postAuthor", "authors", "authority", "coauthor", "has-comments", "no-sidebar",
    "comment-list", "comments", "disqus_thread", "by-line", "p-author", "writtenBy", "sidebar", "nav", "menu-item",
    "menu-item-type-post_type", "entry-content", "article", "content", "price", "addToCart", "avatar", "flex",
    "items-center", "px-4", "md:w-1/2", "text-sm", "related-posts", "footer", "share", "A", "x", "-", "_has",
    "has", "no", "no-", "has-", "Reply", "respond", "Comment123", "site-header", "hidden", "breadcrumbs",
};

static const char SPACES[] = {' ', '\t', '\n', '\f', '\r', '\v'};

/* Random values of 0 to 6 tokens between runs of white space; '\v' is no
 * white space to either reading and joins two tokens. */
static void test_same_as_whole(void) {
    class_memo *m = malloc(sizeof *m);
    if (!m) return;
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    CHECK(class_memo_init(m, &arena, 100));
    char (*vals)[256] = malloc(4000 * sizeof *vals); /* the memo keeps pointers to its keys */
    if (!vals) {
        free(m);
        return;
    }
    srand(14);
    int bad = 0;
    for (int it = 0; it < 4000; it++) {
        char *v = vals[it];
        size_t n = 0, k = (size_t)(rand() % 7);
        for (size_t t = 0; t < k; t++) {
            size_t sp = (size_t)(rand() % 3);
            for (size_t s = 0; s < sp || (t && !s); s++) v[n++] = SPACES[rand() % (t ? 6 : 5)];
            const char *w = TOKENS[rand() % (sizeof TOKENS / sizeof *TOKENS)];
            memcpy(v + n, w, strlen(w));
            n += strlen(w);
        }
        if (rand() % 2) v[n++] = ' ';
        v[n] = 0;
        bad += pith_memo_get(&m->values, v, n) != class_signals(v, n);
    }
    CHECK(bad == 0);
    free(vals);
    free(m);
    pith_arena_free(&arena);
}

/* The tokens' answers are ORed: a byline word in one token and a comment
 * word in another give both. */
static void test_or_of_tokens(void) {
    class_memo m;
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    CHECK(class_memo_init(&m, &arena, 10));
    const char *v = "post-author comment-list";
    uint32_t both = class_signals_by_token(&m.tokens, v, strlen(v));
    CHECK(both == (class_signals("post-author", 11) | class_signals("comment-list", 12)));
    CHECK(both == class_signals(v, strlen(v)));
    CHECK(class_signals_by_token(&m.tokens, "  \t ", 4) == 0);
    /* "has-comments": the token says what the element holds, the next
     * token is read afresh. */
    v = "has-comments comments";
    CHECK(class_signals_by_token(&m.tokens, v, strlen(v)) == class_signals(v, strlen(v)));
    pith_arena_free(&arena);
}

static int calls;
static uint32_t count_len(const char *s, size_t n) {
    (void)s;
    calls++;
    return (uint32_t)n * 3u;
}

/* pith_memo_by_pointer: the same address and length are answered without
 * a call; the same address with another length, or the same bytes at
 * another address, still get their own value. */
static void test_by_pointer(void) {
    pith_memo *m = malloc(sizeof *m);
    if (!m) return;
    pith_memo_init(m, count_len);
    pith_memo_slot table[64];
    pith_memo_by_pointer(m, table, 64);
    static const char a[] = "menu-item menu-item-type-post_type", b[] = "menu-item menu-item-type-post_type";
    calls = 0;
    CHECK(pith_memo_get(m, a, sizeof a - 1) == (sizeof a - 1) * 3);
    CHECK(pith_memo_get(m, a, sizeof a - 1) == (sizeof a - 1) * 3);
    CHECK(calls == 1);
    CHECK(pith_memo_get(m, a, 9) == 27); /* "menu-item": a prefix at the same address */
    CHECK(calls == 2);
    CHECK(pith_memo_get(m, b, sizeof b - 1) == (sizeof b - 1) * 3); /* found by its bytes */
    CHECK(calls == 2);
    free(m);
}

/* class_signals() reads the metadata walk's byline and comment words in
 * rules.c's split into words (rules_class_hints_meta): the same bits as
 * meta_class_words()' own scan of every byte, and the same region and
 * page-type bits as rules_class_hints(), on random values built from the
 * class words, their case and plural variants and separators. */
static void test_one_split(void) {
    static const char *const PARTS[] = {
        "author", "Author", "AUTHOR", "authors", "authorName", "byline", "ByLine", "by-line", "by", "line",
        "writtenBy", "writtenby", "WrittenBy", "writer", "p-author", "p", "comment", "Comments", "commenter",
        "disqus", "respond", "reply", "Reply", "replys", "co", "post", "Post", "x", "A", "z9", "7", "a1",
        "has", "no", "entry", "price", "menu", "nav", "\xc3\xa9", "-", "_", "--", ":", "/", ".", " ", "\t",
    };
    char v[128];
    srand(7);
    int bad = 0;
    for (int it = 0; it < 20000; it++) {
        size_t n = 0, k = (size_t)(rand() % 8);
        for (size_t t = 0; t < k; t++) {
            const char *w = PARTS[rand() % (sizeof PARTS / sizeof *PARTS)];
            size_t l = strlen(w);
            if (n + l >= sizeof v) break;
            memcpy(v + n, w, l);
            n += l;
        }
        uint32_t page = 0, page2 = 0;
        uint32_t all = class_signals(v, n);
        bad += (all >> CLASS_WORDS_SHIFT) != meta_class_words(v, n);
        bad += (all & CLASS_HINTS_MASK) != (rules_class_hints(v, n, &page) & CLASS_HINTS_MASK);
        uint8_t meta = 0;
        rules_class_hints_meta(v, n, &page2, &meta);
        bad += page != page2 || ((all >> CLASS_PAGE_SHIFT) & 0xFFu) != page || meta != meta_class_words(v, n);
    }
    CHECK(bad == 0);
    CHECK(class_signals("postAuthor", 10) >> CLASS_WORDS_SHIFT);
    CHECK(!(class_signals("coauthor", 8) >> CLASS_WORDS_SHIFT));
    CHECK(!(class_signals("authority", 9) >> CLASS_WORDS_SHIFT));
    CHECK(class_signals("x-by-line", 9) >> CLASS_WORDS_SHIFT);
}

/* A token's numbered tail ("-7732", "-15b139d") changes none of its
 * signals: the memo reads "menu-item-7732" as "menu-item-". Random tokens
 * of class words, digits, hex and separators, with and without tails,
 * read through the memo and whole. */
static void test_numbered_tail(void) {
    static const char *const PARTS[] = {
        "author", "Author", "authors", "byline", "by-line", "writtenBy", "comment", "comments", "reply", "menu",
        "item", "entry", "content", "price", "nav", "has", "no", "x", "A", "B", "s", "7", "42", "0x", "15b139d",
        "9f08090", "a1", "1a", "7A", "-", "_", "--", ":", "/", ".", "\xc3\xa9", "\v",
    };
    class_memo *m = malloc(sizeof *m);
    char (*vals)[96] = malloc(6000 * sizeof *vals);
    if (!m || !vals) {
        free(m);
        free(vals);
        return;
    }
    pith_arena arena;
    pith_arena_init(&arena, NULL, 0);
    CHECK(class_memo_init(m, &arena, 100));
    srand(3);
    int bad = 0;
    for (int it = 0; it < 6000; it++) {
        char *v = vals[it];
        size_t n = 0, k = (size_t)(rand() % 6);
        for (size_t t = 0; t < k; t++) {
            const char *w = PARTS[rand() % (sizeof PARTS / sizeof *PARTS)];
            size_t l = strlen(w);
            if (n + l >= 80) break;
            memcpy(v + n, w, l);
            n += l;
        }
        bad += class_signals_by_token(&m->tokens, v, n) != class_signals(v, n);
    }
    CHECK(bad == 0);
    const char *a = "menu-item-7732", *b = "menu-item-author";
    CHECK(class_signals_by_token(&m->tokens, a, strlen(a)) == class_signals("menu-item-", 10));
    CHECK(class_signals_by_token(&m->tokens, b, strlen(b)) == class_signals(b, strlen(b)));
    CHECK(class_signals_by_token(&m->tokens, b, strlen(b)) >> CLASS_WORDS_SHIFT);
    CHECK(class_signals_by_token(&m->tokens, "post-7-author", 13) >> CLASS_WORDS_SHIFT);
    free(vals);
    free(m);
    pith_arena_free(&arena);
}

int main(void) {
    RUN(test_numbered_tail);
    RUN(test_one_split);
    RUN(test_by_pointer);
    RUN(test_same_as_whole);
    RUN(test_or_of_tokens);
    return test_summary("class_signals");
}
