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

int main(void) {
    RUN(test_by_pointer);
    RUN(test_same_as_whole);
    RUN(test_or_of_tokens);
    return test_summary("class_signals");
}
