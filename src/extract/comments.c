/*
 * comments.c - reader comments, apart from the article (see comments.h).
 */
#include "comments.h"

#include <string.h>

#include "util/buf.h"

#define MAX_COMMENTS 10000
#define MAX_COMMENT_BYTES 65536

static const char *const item_words[] = {"comment", "reply", "post", NULL};
static const char *const author_words[] = {"author", "user", "username", "name", "fn", "nickname", "commenter", NULL};
static const char *const date_words[] = {"date", "time", "timestamp", "published", "meta", NULL};

static bool is_item(const ext_el *e) {
    const pith_node *n = e->node;
    if (n->ns != PITH_NS_HTML) return false;
    if (n->tag == PITH_TAG_LI || n->tag == PITH_TAG_ARTICLE) return e->chars > 0;
    return e->chars > 0 && rules_has_word(n, item_words) && !rules_has_word(n, author_words) &&
           !rules_has_word(n, date_words);
}

static char *dup_text(pith_arena *a, pith_buf *b) {
    while (b->len && b->data[b->len - 1] == ' ') b->len--;
    if (!b->len) return NULL;
    return pith_arena_strndup(a, b->data, b->len);
}

static void append_collapsed(pith_buf *b, const char *s, size_t len) {
    for (size_t i = 0; i < len && b->len < MAX_COMMENT_BYTES; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
            if (b->len && b->data[b->len - 1] != ' ') pith_buf_putc(b, ' ');
        } else {
            pith_buf_putc(b, c);
        }
    }
}

/* Whether n lies inside el (looking up no further than stop). */
static bool inside(const pith_node *n, const pith_node *el, const pith_node *stop) {
    /* Bounded: an author or date part is a few levels deep; a page nesting
     * deeper must not make this walk quadratic. */
    int steps = 0;
    for (const pith_node *p = n; p && p != stop && steps < 64; p = p->parent, steps++)
        if (p == el) return true;
    return false;
}

/* Fills one comment from item i: text outside author/date parts and
 * outside nested items (replies are comments of their own). */
static bool read_comment(const ext_features *f, uint32_t i, const bool *item, pith_arena *a, pith_buf *text,
                         pith_buf *author, pith_buf *date, extract_comment *c) {
    pith_buf_clear(text);
    pith_buf_clear(author);
    pith_buf_clear(date);
    const ext_el *it = &f->els[i];
    /* The part being read: 0 text, 1 author, 2 date (3: date already taken
     * from a datetime attribute), and the element that started it. */
    const pith_node *part_node = NULL;
    int part = 0;
    uint32_t j = i + 1;
    for (const pith_node *n = it->node->first_child; n; n = pith_dom_next(it->node, n, false)) {
        if (n->type == PITH_NODE_ELEMENT) {
            if (j >= it->end || f->els[j].node != n) return false;
            const ext_el *e = &f->els[j];
            if (item[j] || (e->flags & EL_SKIPPED)) {
                /* Skip the subtree (and its elements' indices). */
                j = e->end;
                const pith_node *last = n;
                while (last->last_child) last = last->last_child;
                n = last;
                continue;
            }
            if (part && !inside(n, part_node, it->node)) part = 0;
            if (part == 0) {
                if (n->tag == PITH_TAG_TIME || rules_has_word(n, date_words)) {
                    part = 2;
                    part_node = n;
                    uint32_t dl = 0;
                    const char *dt = pith_dom_attr(n, "datetime", 8, &dl);
                    if (dt && dl && !date->len) {
                        append_collapsed(date, dt, dl);
                        part = 3;
                    }
                } else if (rules_has_word(n, author_words) || pith_dom_attr(n, "itemprop", 8, NULL)) {
                    uint32_t il = 0;
                    const char *ip = pith_dom_attr(n, "itemprop", 8, &il);
                    if (!ip || (il == 6 && memcmp(ip, "author", 6) == 0) || (il == 4 && memcmp(ip, "name", 4) == 0)) {
                        part = 1;
                        part_node = n;
                    }
                }
            }
            if (n->tag == PITH_TAG_P || n->tag == PITH_TAG_BR || n->tag == PITH_TAG_DIV) {
                if (part == 0 && text->len && text->data[text->len - 1] != ' ') pith_buf_putc(text, ' ');
            }
            j++;
            continue;
        }
        if (n->type != PITH_NODE_TEXT) continue;
        if (part && !inside(n, part_node, it->node)) part = 0;
        if (part == 1 && !author->len) append_collapsed(author, n->str, n->len);
        else if (part == 2 && !date->len) append_collapsed(date, n->str, n->len);
        else if (part == 0) append_collapsed(text, n->str, n->len);
    }
    if (text->failed || author->failed || date->failed) return false;
    c->text = dup_text(a, text);
    c->author = dup_text(a, author);
    c->date = dup_text(a, date);
    return true;
}

bool comments_extract(const ext_features *f, pith_arena *arena, extract_comment **out, size_t *n) {
    *out = NULL;
    *n = 0;
    if (!f->count) return true;
    bool *item = pith_arena_alloc(arena, f->count * sizeof *item);
    extract_comment *list = pith_arena_alloc(arena, sizeof *list * 64);
    if (!item || !list) return false;
    memset(item, 0, f->count * sizeof *item);
    size_t cap = 64, count = 0;
    /* Items: inside a comment region (a HINT_COMMENT element and below). */
    uint32_t region_end = 0;
    for (uint32_t i = 0; i < f->count; i++) {
        const ext_el *e = &f->els[i];
        if (i >= region_end && (e->hints & HINT_COMMENT) && !(e->flags & EL_SKIPPED)) {
            region_end = e->end;
            continue; /* the region itself is not a comment */
        }
        if (i < region_end && !(e->flags & EL_SKIPPED) && is_item(e)) item[i] = true;
    }
    /* An item that only wraps other items ("comment-list") is not a
     * comment itself: keep the innermost items with their own text. */
    pith_buf text, author, date;
    pith_buf_init(&text, NULL, MAX_COMMENT_BYTES + 8);
    pith_buf_init(&author, NULL, 1024);
    pith_buf_init(&date, NULL, 1024);
    bool ok = true;
    for (uint32_t i = 0; i < f->count && ok && count < MAX_COMMENTS; i++) {
        if (!item[i]) continue;
        extract_comment c;
        if (!read_comment(f, i, item, arena, &text, &author, &date, &c)) {
            pith_buf_clear(&text);
            continue;
        }
        if (!c.text) continue;
        if (count == cap) {
            extract_comment *bigger = pith_arena_realloc(arena, list, cap * sizeof *list, 2 * cap * sizeof *list);
            if (!bigger) {
                ok = false;
                break;
            }
            list = bigger;
            cap *= 2;
        }
        list[count++] = c;
    }
    pith_buf_free(&text);
    pith_buf_free(&author);
    pith_buf_free(&date);
    *out = list;
    *n = count;
    return ok;
}
