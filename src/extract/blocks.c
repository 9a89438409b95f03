/*
 * blocks.c - the block IR builder and iterator (see blocks.h for the model).
 *
 * The builder keeps a stack of frames, one per open() call. A frame
 * remembers the block it created (NULL once a paragraph or heading was split
 * by a nested block: the next text re-creates one) and the container that
 * new child blocks go into while it is on top.
 *
 * Text goes to one "holder" block at a time. Its text and runs accumulate
 * in two malloc'ed scratch buffers and are copied into the arena, exactly
 * sized, when the holder is flushed (on any open, close or image that
 * interrupts it). So every block's text is one contiguous string, and each
 * input byte is copied once.
 */
#include "extract/blocks.h"

#include <string.h>

#include "util/ascii.h"

typedef struct pith_blocks_frame {
    uint8_t type;           /* the pith_block_type asked for */
    uint8_t level;          /* HEADING: level, for continuations */
    bool transparent;       /* a paragraph/heading opened inside a text holder */
    pith_block *block;      /* the block opened (NULL: split, re-created lazily) */
    pith_block *container;  /* where child blocks go while this frame is on top */
} pith_blocks_frame;

/* ASCII white space per the HTML standard: TAB LF FF CR SPACE. */
static const bool is_ws[256] = {['\t'] = true, ['\n'] = true, ['\f'] = true, ['\r'] = true, [' '] = true};

static bool is_flow_container(uint8_t t) {
    return t == PITH_BLOCK_ARTICLE || t == PITH_BLOCK_ITEM || t == PITH_BLOCK_QUOTE || t == PITH_BLOCK_CELL;
}

static bool is_container(uint8_t t) {
    return is_flow_container(t) || t == PITH_BLOCK_LIST || t == PITH_BLOCK_TABLE || t == PITH_BLOCK_ROW;
}

static bool is_text_frame(uint8_t t) {
    return t == PITH_BLOCK_PARAGRAPH || t == PITH_BLOCK_HEADING || t == PITH_BLOCK_CODE;
}

/* ------------------------------------------------------------------------
 * Tree primitives
 * ------------------------------------------------------------------------ */
/* What every block without strings of its own points at (blocks.h). In
 * read-only memory: a write to it would fail loudly, not leak into other
 * blocks. */
static const pith_block_media NO_MEDIA;
/* ... and every run outside a link. */
static const pith_link NO_LINK;

static pith_block *new_block(pith_blocks_builder *b, uint8_t type) {
    if (b->failed) return NULL;
    b->marked = NULL; /* a block after the mark is not the marked one's to give back */
    bool media = type == PITH_BLOCK_FIGURE || type == PITH_BLOCK_CODE;
    pith_block *blk = pith_arena_alloc(b->arena, sizeof *blk + (media ? sizeof(pith_block_media) : 0));
    if (!blk) {
        b->failed = true;
        return NULL;
    }
    memset(blk, 0, sizeof *blk + (media ? sizeof(pith_block_media) : 0));
    blk->media = media ? (pith_block_media *)(blk + 1) : (pith_block_media *)(uintptr_t)&NO_MEDIA;
    blk->type = type;
    blk->colspan = blk->rowspan = 1;
    blk->start = 1;
    return blk;
}

static void append_child(pith_block *parent, pith_block *child) {
    child->parent = parent;
    child->prev = parent->last_child;
    if (parent->last_child) parent->last_child->next = child;
    else parent->first_child = child;
    parent->last_child = child;
}

void pith_block_unlink(pith_block *blk) {
    pith_block *p = blk->parent;
    if (blk->prev) blk->prev->next = blk->next;
    else if (p) p->first_child = blk->next;
    if (blk->next) blk->next->prev = blk->prev;
    else if (p) p->last_child = blk->prev;
    blk->parent = blk->prev = blk->next = NULL;
}

/* Removes an empty block and the implicit parents it leaves empty. */
static void remove_block(pith_block *blk) {
    pith_block *p = blk->parent;
    pith_block_unlink(blk);
    while (p && p->implicit && !p->first_child) {
        pith_block *up = p->parent;
        pith_block_unlink(p);
        p = up;
    }
}

/* Marks a block and its ancestors as holding content; stops at the first
 * marked ancestor, so the total work is linear in the number of blocks. */
static void mark_content(pith_block *blk) {
    while (blk && !blk->has_content) {
        blk->has_content = true;
        blk = blk->parent;
    }
}

static pith_block *root(pith_blocks_builder *b) {
    if (!b->root) b->root = new_block(b, PITH_BLOCK_ARTICLE);
    return b->root;
}

static bool copy_str(pith_blocks_builder *b, pith_slice *dst, const char *s, size_t len) {
    if (!s) len = 0;
    char *p = pith_arena_strndup(b->arena, len ? s : "", len);
    if (!p) {
        b->failed = true;
        return false;
    }
    dst->ptr = p;
    dst->len = len;
    return true;
}

/* Copies an attribute-like string (alt, title, credit) with its white
 * space collapsed and trimmed like text. */
static bool copy_collapsed(pith_blocks_builder *b, pith_slice *dst, const char *s, size_t len) {
    if (!s) len = 0;
    char *p = pith_arena_alloc_bytes(b->arena, len + 1);
    if (!p) {
        b->failed = true;
        return false;
    }
    size_t n = 0;
    bool pending = false;
    for (size_t i = 0; i < len; i++) {
        if (is_ws[(uint8_t)s[i]]) {
            pending = n > 0;
            continue;
        }
        if (pending) p[n++] = ' ';
        pending = false;
        p[n++] = s[i];
    }
    p[n] = '\0';
    dst->ptr = p;
    dst->len = n;
    return true;
}

/* An implicit child of `parent` of the given type: the last child when it
 * is an implicit one of that type (so consecutive stray items share one
 * list), else a new one. */
static pith_block *implicit_child(pith_blocks_builder *b, pith_block *parent, uint8_t type) {
    if (!parent) return NULL;
    pith_block *last = parent->last_child;
    if (last && last->implicit && last->type == type) return last;
    pith_block *blk = new_block(b, type);
    if (!blk) return NULL;
    blk->implicit = true;
    append_child(parent, blk);
    return blk;
}

/* The block a new child of `type` should go into, given the current
 * container c, creating implicit lists/items/tables/rows/cells as the DOM
 * lacked them. Bounded depth (at most three implicit levels). */
static pith_block *fit(pith_blocks_builder *b, pith_block *c, uint8_t type) {
    if (!c) return NULL;
    switch (type) {
    case PITH_BLOCK_ITEM:
        return c->type == PITH_BLOCK_LIST ? c : implicit_child(b, fit(b, c, PITH_BLOCK_LIST), PITH_BLOCK_LIST);
    case PITH_BLOCK_ROW:
        return c->type == PITH_BLOCK_TABLE ? c : implicit_child(b, fit(b, c, PITH_BLOCK_TABLE), PITH_BLOCK_TABLE);
    case PITH_BLOCK_CELL:
        if (c->type == PITH_BLOCK_ROW) return c;
        return implicit_child(b, fit(b, c, PITH_BLOCK_ROW), PITH_BLOCK_ROW);
    default: /* a flow block */
        if (is_flow_container(c->type)) return c;
        if (c->type == PITH_BLOCK_LIST) return implicit_child(b, c, PITH_BLOCK_ITEM);
        return implicit_child(b, fit(b, c, PITH_BLOCK_CELL), PITH_BLOCK_CELL);
    }
}

/* ------------------------------------------------------------------------
 * Frames
 * ------------------------------------------------------------------------ */
static pith_blocks_frame *frame_at(pith_blocks_builder *b, size_t i) {
    return (pith_blocks_frame *)(void *)b->frames.data + i;
}

/* The innermost frame that is not transparent (NULL: only the root). */
static pith_blocks_frame *top_frame(pith_blocks_builder *b) {
    for (size_t i = b->nframes; i > 0; i--) {
        pith_blocks_frame *f = frame_at(b, i - 1);
        if (!f->transparent) return f;
    }
    return NULL;
}

static pith_block *current_container(pith_blocks_builder *b) {
    return b->nframes ? frame_at(b, b->nframes - 1)->container : root(b);
}

static pith_blocks_frame *push_frame(pith_blocks_builder *b, uint8_t type, pith_block *blk) {
    pith_blocks_frame f = {.type = type, .block = blk, .container = current_container(b)};
    if (blk && is_container(type)) f.container = blk;
    pith_buf_append(&b->frames, (const char *)&f, sizeof f);
    if (b->frames.failed) {
        b->failed = true;
        return NULL;
    }
    return frame_at(b, b->nframes++);
}

/* ------------------------------------------------------------------------
 * The text holder
 * ------------------------------------------------------------------------ */
static pith_run *runs_data(pith_blocks_builder *b) { return (pith_run *)(void *)b->runs.data; }
static size_t runs_count(pith_blocks_builder *b) { return b->runs.len / sizeof(pith_run); }

static void reset_scratch(pith_blocks_builder *b) {
    pith_buf_clear(&b->text);
    pith_buf_clear(&b->runs);
    b->pending_space = false;
}

/* ------------------------------------------------------------------------
 * Repeats (pith_blocks_drop_repeats)
 * ------------------------------------------------------------------------ */
uint64_t pith_blocks_text_hash(const char *s, size_t len, uint32_t *words) {
    uint64_t h = 1469598103934665603ull;
    uint32_t n = 0;
    bool in_word = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !ascii_is_alnum(c)) {
            in_word = false;
            continue;
        }
        if (!in_word) {
            n++;
            h = (h ^ ' ') * 1099511628211ull;
        }
        in_word = true;
        h = (h ^ (unsigned char)ascii_lower(c)) * 1099511628211ull;
    }
    *words = n;
    return h ? h : 1;
}

/* One text seen: its hash, and whether the first block to give it was a
 * top-level paragraph (extract.c's caption pass may remove that one). */
typedef struct seen_text {
    uint64_t hash;
    bool top_paragraph;
} seen_text;

void pith_blocks_drop_repeats(pith_blocks_builder *b, uint32_t min_words) { b->repeat_min_words = min_words; }

/* The set's slot for hash: its entry, or the empty slot it would take. */
static seen_text *seen_slot(seen_text *set, size_t slots, uint64_t hash) {
    size_t i = (size_t)hash & (slots - 1);
    while (set[i].hash && set[i].hash != hash) i = (i + 1) & (slots - 1);
    return &set[i];
}

/* Room for one more text (the set at most half full). False when memory
 * ran out: the caller stops dropping then, and emit_drop_repeats, run
 * afterwards, does it all. */
static bool seen_room(pith_blocks_builder *b) {
    if (b->seen_slots && (b->nseen + 1) * 2 <= b->seen_slots) return true;
    size_t slots = b->seen_slots ? b->seen_slots * 2 : 64;
    pith_buf grown;
    pith_buf_init(&grown, &b->seen.hooks, 0);
    if (slots > SIZE_MAX / 2 / sizeof(seen_text) || !pith_buf_reserve(&grown, slots * sizeof(seen_text))) {
        pith_buf_free(&grown);
        return false;
    }
    seen_text *to = (seen_text *)(void *)grown.data, *from = (seen_text *)(void *)b->seen.data;
    memset(to, 0, slots * sizeof *to);
    for (size_t i = 0; i < b->seen_slots; i++)
        if (from[i].hash) *seen_slot(to, slots, from[i].hash) = from[i];
    pith_buf_free(&b->seen);
    b->seen = grown;
    b->seen_slots = slots;
    return true;
}

/* Is the complete paragraph or heading h, of text s[0..len), one that
 * emit_drop_repeats would drop, and that can go now? Records its text
 * when it is the first to give it. emit_drop_repeats compares blocks
 * outside tables and code; it drops whole lists and cascades into the
 * items and quotes a drop empties, so only top-level blocks go here, and
 * only where the block before is not one the builder may reuse (an
 * implicit list that the next stray item would join; implicit paragraphs
 * are never reused). */
static bool repeat_drops(pith_blocks_builder *b, const pith_block *h, const char *s, size_t len) {
    bool top = h->parent == b->root;
    if (!top)
        for (const pith_block *p = h->parent; p && p != b->root; p = p->parent)
            if (p->type == PITH_BLOCK_TABLE || p->type == PITH_BLOCK_ROW || p->type == PITH_BLOCK_CELL ||
                p->type == PITH_BLOCK_CODE)
                return false;
    uint32_t words = 0;
    uint64_t hash = pith_blocks_text_hash(s, len, &words);
    if (words < b->repeat_min_words) return false;
    if (!seen_room(b)) {
        b->repeat_min_words = 0;
        return false;
    }
    seen_text *e = seen_slot((seen_text *)(void *)b->seen.data, b->seen_slots, hash);
    bool paragraph = h->type == PITH_BLOCK_PARAGRAPH;
    if (!e->hash) {
        e->hash = hash;
        e->top_paragraph = top && paragraph;
        b->nseen++;
        return false;
    }
    /* A repeat of a top-level paragraph the caption pass may remove stays
     * to the end, unless it is one too (then it goes either way). */
    if (!top || (e->top_paragraph && !paragraph)) return false;
    return !(h->prev && h->prev->implicit && h->prev->type != PITH_BLOCK_PARAGRAPH);
}

static void flush_code(pith_blocks_builder *b, pith_block *h) {
    const char *s = b->text.data ? b->text.data : "";
    size_t len = b->text.len, start = 0;
    while (len > 0 && is_ws[(uint8_t)s[len - 1]]) len--;
    while (start < len && (s[start] == '\n' || s[start] == '\r')) start++;
    if (start == len) {
        remove_block(h);
    } else if (copy_str(b, &h->text, s + start, len - start)) {
        mark_content(h);
    }
}

/* Copies the holder's text and runs into the arena, exactly sized, and
 * drops the holder when it is an empty paragraph or heading, or a repeat
 * (pith_blocks_drop_repeats). give_back: the caller allocates nothing
 * for later use between its last call and this one (a close, a boundary),
 * so a dropped holder's memory may be given back. */
static void flush_at(pith_blocks_builder *b, bool give_back) {
    pith_block *h = b->holder;
    if (!h) return;
    b->holder = NULL;
    pith_block *marked = b->marked;
    b->marked = NULL;
    if (h->type == PITH_BLOCK_CODE) {
        flush_code(b, h);
        reset_scratch(b);
        return;
    }
    size_t n = runs_count(b), len = b->text.len;
    pith_run *runs = runs_data(b);
    while (n > 0 && runs[n - 1].kind == PITH_RUN_BREAK) len = runs[--n].off;
    if (len == 0 && (h->type == PITH_BLOCK_PARAGRAPH || h->type == PITH_BLOCK_HEADING)) {
        remove_block(h);
        reset_scratch(b);
        return;
    }
    if (b->repeat_min_words && (h->type == PITH_BLOCK_PARAGRAPH || h->type == PITH_BLOCK_HEADING) &&
        repeat_drops(b, h, b->text.data, len)) {
        remove_block(h);
        /* Everything since the mark is h's (its block, its links' strings)
         * or dead scratch (URLs resolved and copied): given back, unless a
         * link opened inside h is still open, or it would free a chunk
         * (the next block would take a new one again). */
        if (give_back && marked == h && b->arena->head == b->mark.head && !(b->link_depth && b->link_after_mark))
            pith_arena_rewind(b->arena, &b->mark);
        reset_scratch(b);
        return;
    }
    if (copy_str(b, &h->text, b->text.data, len) && n) {
        pith_run *dst = pith_arena_alloc(b->arena, n * sizeof *dst);
        if (dst) {
            memcpy(dst, runs, n * sizeof *dst);
            h->runs = dst;
            h->nruns = n;
        } else {
            b->failed = true;
        }
    }
    if (len) mark_content(h);
    reset_scratch(b);
}

static void flush(pith_blocks_builder *b) { flush_at(b, false); }

/* A block starts inside the current holder: end the holder; a paragraph or
 * heading that was split continues in a new block after the nested one. */
static void interrupt(pith_blocks_builder *b) {
    flush(b);
    pith_blocks_frame *f = top_frame(b);
    if (f && is_text_frame(f->type)) f->block = NULL;
}

static pith_block *add_block(pith_blocks_builder *b, pith_block *container, uint8_t type) {
    pith_block *parent = fit(b, container, type);
    /* A top-level paragraph or heading may be dropped as a repeat when it
     * is complete: remember where the arena stood before it. */
    bool mark = b->repeat_min_words && parent && parent == b->root &&
                (type == PITH_BLOCK_PARAGRAPH || type == PITH_BLOCK_HEADING);
    pith_arena_mark_t m = pith_arena_mark(b->arena);
    pith_block *blk = parent ? new_block(b, type) : NULL;
    if (blk) append_child(parent, blk);
    if (blk && mark) {
        b->mark = m;
        b->marked = blk;
        b->link_after_mark = false;
    }
    return blk;
}

/* The block that receives inline content now, created when needed. */
static pith_block *get_holder(pith_blocks_builder *b) {
    if (b->holder || b->failed) return b->holder;
    pith_blocks_frame *f = top_frame(b);
    if (f && is_text_frame(f->type)) {
        /* A paragraph, heading or code block split by a nested block. */
        f->block = add_block(b, f->container, f->type);
        if (f->block && f->type == PITH_BLOCK_HEADING) f->block->level = f->level;
        b->holder = f->block;
        b->holder_owned = true;
    } else {
        b->holder = add_block(b, current_container(b), PITH_BLOCK_PARAGRAPH);
        if (b->holder) b->holder->implicit = true;
        b->holder_owned = false;
    }
    return b->holder;
}

static unsigned current_style(const pith_blocks_builder *b) {
    unsigned s = 0;
    for (unsigned i = 0; i < PITH_STYLE_COUNT; i++)
        if (b->style_count[i]) s |= 1u << i;
    return s;
}

/* The run that text with the current style and link extends. */
static pith_run *current_run(pith_blocks_builder *b, uint8_t style) {
    size_t n = runs_count(b);
    pith_run *last = n ? runs_data(b) + n - 1 : NULL;
    if (last && last->kind == PITH_RUN_TEXT && last->style == style && last->link == b->link_id) return last;
    pith_run r = {.off = b->text.len, .kind = PITH_RUN_TEXT, .style = style, .link = b->link_id,
                  .target = b->link_id && b->link_target ? b->link_target : &NO_LINK};
    pith_buf_append(&b->runs, (const char *)&r, sizeof r);
    if (b->runs.failed) {
        b->failed = true;
        return NULL;
    }
    return runs_data(b) + n;
}

/* The text so far ends with a line break (outside code, '\n' only ever
 * comes from a break: white space in text collapses to ' '). */
static bool last_is_break(pith_blocks_builder *b) {
    return b->text.len && b->text.data[b->text.len - 1] == '\n';
}

/* True when the 8 bytes at p can be copied as they are: no white space
 * but single spaces strictly inside them (no control byte, no two spaces
 * in a row, no space first or last). Checked a word at a time. */
static bool clean8(const char *p) {
    uint64_t x;
    memcpy(&x, p, 8);
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t ctl = (x - ones * 0x20) & ~x & high; /* bytes below 0x20 */
    uint64_t y = x ^ (ones * 0x20);
    uint64_t sp = (y - ones) & ~y & high; /* spaces (false positives only make us slow) */
    return !ctl && !(sp & (sp >> 8)) && (x & 0xFF) != 0x20 && (x >> 56) != 0x20;
}

/* Appends collapsed text: each run of white space becomes one pending
 * space, emitted only before the next word (so block ends trim). Writes
 * straight into the reserved scratch: one bounds check per call, not per
 * word. */
static void add_collapsed(pith_blocks_builder *b, const char *s, size_t len) {
    pith_run *run = current_run(b, (uint8_t)current_style(b));
    if (!run || !pith_buf_reserve(&b->text, len + 1)) {
        b->failed = true;
        return;
    }
    char *base = b->text.data + b->text.len, *dst = base;
    bool pending = b->pending_space;
    bool can_space = b->text.len && !last_is_break(b);
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len && clean8(s + i)) { /* the common case, 8 bytes at a time */
            if (pending) *dst++ = ' ';
            memcpy(dst, s + i, 8);
            dst += 8;
            i += 8;
            pending = false;
            can_space = true;
            continue;
        }
        char c = s[i++];
        if (is_ws[(uint8_t)c]) {
            pending = can_space;
            continue;
        }
        if (pending) *dst++ = ' ';
        pending = false;
        can_space = true;
        *dst++ = c;
    }
    size_t added = (size_t)(dst - base);
    b->text.len += added;
    b->text.data[b->text.len] = '\0';
    b->pending_space = pending;
    run->len += added;
}

/* ------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------ */
void pith_blocks_builder_init(pith_blocks_builder *b, pith_arena *arena, const pith_alloc_hooks *hooks) {
    memset(b, 0, sizeof *b);
    b->arena = arena;
    pith_buf_init(&b->frames, hooks, 0);
    /* A run's offset and length are 32 bits (blocks.h): no text holds more. */
    pith_buf_init(&b->text, hooks, UINT32_MAX - 1);
    pith_buf_init(&b->runs, hooks, 0);
    pith_buf_init(&b->seen, hooks, 0);
}

void pith_blocks_builder_reset(pith_blocks_builder *b, pith_arena *arena) {
    pith_buf frames = b->frames, text = b->text, runs = b->runs, seen = b->seen;
    memset(b, 0, sizeof *b);
    b->arena = arena;
    b->frames = frames;
    b->text = text;
    b->runs = runs;
    b->seen = seen;
    pith_buf_clear(&b->frames);
    pith_buf_clear(&b->text);
    pith_buf_clear(&b->runs);
    /* The set's memory is not kept: its slots are counted by seen_slots,
     * which starts over. */
    pith_buf_free(&b->seen);
}

void pith_blocks_builder_free(pith_blocks_builder *b) {
    pith_buf_free(&b->frames);
    pith_buf_free(&b->text);
    pith_buf_free(&b->runs);
    pith_buf_free(&b->seen);
    b->nframes = 0;
}

static void open_caption(pith_blocks_builder *b) {
    pith_blocks_frame *f = top_frame(b);
    pith_block *target = NULL;
    if (f && (f->type == PITH_BLOCK_TABLE || f->type == PITH_BLOCK_FIGURE) && f->block && !f->block->text.ptr)
        target = f->block;
    if (target && b->holder != target) {
        flush(b);
        b->holder = target;
        b->holder_owned = true;
    } else if (target && b->text.len && !last_is_break(b)) {
        b->pending_space = true; /* "Photo: AP" then <figcaption>: two phrases */
    }
    pith_blocks_frame *c = push_frame(b, PITH_BLOCK_CAPTION, target);
    if (c && !target) c->transparent = true;
}

static void open_block(pith_blocks_builder *b, uint8_t type, uint8_t level) {
    if (b->failed || !root(b)) return;
    if (type == PITH_BLOCK_CAPTION) {
        open_caption(b);
        return;
    }
    if ((type == PITH_BLOCK_PARAGRAPH || type == PITH_BLOCK_HEADING) && b->holder && b->holder_owned &&
        b->holder->type != PITH_BLOCK_CODE) {
        /* <figcaption><p>, <p> in <h2>...: the text joins the open holder. */
        pith_blocks_frame *f = push_frame(b, type, NULL);
        if (f) f->transparent = true;
        if (b->text.len && !last_is_break(b)) b->pending_space = true;
        return;
    }
    interrupt(b);
    pith_block *blk = add_block(b, current_container(b), type);
    if (!blk) return;
    blk->level = level;
    pith_blocks_frame *f = push_frame(b, type, blk);
    if (!f) return;
    f->level = level;
    if (is_text_frame(type) || type == PITH_BLOCK_FIGURE) {
        b->holder = blk;
        b->holder_owned = true;
    }
}

void pith_blocks_open(pith_blocks_builder *b, pith_block_type type) {
    if (type == PITH_BLOCK_HEADING) pith_blocks_open_heading(b, 2);
    else if (type == PITH_BLOCK_CELL) pith_blocks_open_cell(b, false, 1, 1);
    else if (type == PITH_BLOCK_RULE) pith_blocks_rule(b);
    else if (type != PITH_BLOCK_ARTICLE && type < PITH_BLOCK_TYPE_COUNT) open_block(b, (uint8_t)type, 0);
}

void pith_blocks_open_heading(pith_blocks_builder *b, int level) {
    open_block(b, PITH_BLOCK_HEADING, (uint8_t)(level < 1 ? 1 : level > 6 ? 6 : level));
}

void pith_blocks_open_list(pith_blocks_builder *b, bool ordered, int64_t start) {
    open_block(b, PITH_BLOCK_LIST, 0);
    pith_blocks_frame *f = top_frame(b);
    if (!b->failed && f && f->type == PITH_BLOCK_LIST && f->block) {
        f->block->ordered = ordered;
        /* Keep numbers printable and their arithmetic far from overflow. */
        f->block->start = start < -999999999 ? -999999999 : start > 999999999 ? 999999999 : start;
    }
}

void pith_blocks_open_code(pith_blocks_builder *b, const char *lang, size_t lang_len) {
    open_block(b, PITH_BLOCK_CODE, 0);
    pith_blocks_frame *f = top_frame(b);
    if (!b->failed && f && f->type == PITH_BLOCK_CODE && f->block && lang && lang_len)
        copy_str(b, &f->block->media->lang, lang, lang_len);
}

void pith_blocks_open_row(pith_blocks_builder *b, bool head) {
    open_block(b, PITH_BLOCK_ROW, 0);
    pith_blocks_frame *f = top_frame(b);
    if (!b->failed && f && f->type == PITH_BLOCK_ROW && f->block) f->block->header = head;
}

void pith_blocks_open_cell(pith_blocks_builder *b, bool header, long colspan, long rowspan) {
    open_block(b, PITH_BLOCK_CELL, 0);
    pith_blocks_frame *f = top_frame(b);
    if (b->failed || !f || f->type != PITH_BLOCK_CELL || !f->block) return;
    /* The HTML standard's caps: colspan 1..1000, rowspan 0..65534 (0, "to
     * the end of the section", is treated as 1). */
    f->block->header = header;
    f->block->colspan = (uint32_t)(colspan < 1 ? 1 : colspan > 1000 ? 1000 : colspan);
    f->block->rowspan = (uint32_t)(rowspan < 1 ? 1 : rowspan > 65534 ? 65534 : rowspan);
}

/* Drops a closed container that ended up with no content. Empty cells
 * stay: they are positions in their row... */
static void close_container(pith_block *blk, uint8_t type) {
    if (!blk || blk->has_content) return;
    if (type == PITH_BLOCK_CELL) { /* ... unless its row exists only for it */
        if (blk->parent && blk->parent->implicit) remove_block(blk);
        return;
    }
    if (is_container(type) || type == PITH_BLOCK_FIGURE) remove_block(blk);
}

void pith_blocks_close(pith_blocks_builder *b) {
    if (b->nframes == 0 || b->failed) return;
    pith_blocks_frame f = *frame_at(b, b->nframes - 1);
    b->nframes--;
    b->frames.len -= sizeof f;
    if (f.transparent) {
        if (b->holder && b->text.len && !last_is_break(b)) b->pending_space = true;
        return;
    }
    if (f.type == PITH_BLOCK_CAPTION) {
        if (b->holder == f.block) flush(b);
        return;
    }
    flush_at(b, true);
    close_container(f.block, f.type);
}

void pith_blocks_text(pith_blocks_builder *b, const char *s, size_t len) {
    if (b->failed || !s || !len || !root(b)) return;
    if (b->holder && b->holder->type == PITH_BLOCK_CODE) {
        pith_buf_append(&b->text, s, len);
        if (b->text.failed) b->failed = true;
        return;
    }
    size_t i = 0;
    while (i < len && is_ws[(uint8_t)s[i]]) i++;
    if (i == len) { /* white space only: matters only between words */
        if (b->holder && b->text.len && !last_is_break(b)) b->pending_space = true;
        return;
    }
    if (!get_holder(b)) return;
    if (b->holder->type == PITH_BLOCK_CODE) {
        pith_buf_append(&b->text, s, len);
        if (b->text.failed) b->failed = true;
        return;
    }
    add_collapsed(b, s, len);
}

void pith_blocks_break(pith_blocks_builder *b) {
    if (b->failed || !b->holder) return;
    if (b->holder->type == PITH_BLOCK_CODE) {
        pith_buf_putc(&b->text, '\n');
        return;
    }
    if (b->text.len == 0) return; /* a break before any text is no line */
    pith_run r = {.off = b->text.len, .len = 1, .kind = PITH_RUN_BREAK, .target = &NO_LINK};
    pith_buf_putc(&b->text, '\n');
    pith_buf_append(&b->runs, (const char *)&r, sizeof r);
    if (b->text.failed || b->runs.failed) b->failed = true;
    b->pending_space = false;
}

void pith_blocks_style_begin(pith_blocks_builder *b, unsigned style) {
    for (unsigned i = 0; i < PITH_STYLE_COUNT; i++)
        if (style & (1u << i)) b->style_count[i]++;
}

void pith_blocks_style_end(pith_blocks_builder *b, unsigned style) {
    for (unsigned i = 0; i < PITH_STYLE_COUNT; i++)
        if ((style & (1u << i)) && b->style_count[i]) b->style_count[i]--;
}

void pith_blocks_link_open(pith_blocks_builder *b, const char *href, size_t href_len, const char *title,
                           size_t title_len) {
    if (b->failed || b->link_depth++ > 0) return;
    b->link_id = ++b->next_link_id;
    b->link_after_mark = b->marked != NULL;
    b->link_target = pith_arena_alloc(b->arena, sizeof *b->link_target);
    if (!b->link_target) {
        b->failed = true;
        return;
    }
    memset(b->link_target, 0, sizeof *b->link_target);
    copy_str(b, &b->link_target->href, href, href_len);
    copy_collapsed(b, &b->link_target->title, title, title_len);
}

void pith_blocks_link_close(pith_blocks_builder *b) {
    if (b->link_depth && --b->link_depth == 0) {
        b->link_id = 0;
        b->link_target = NULL;
    }
}

/* The innermost open figure that still lacks an image, if the figure is
 * the top frame (or its caption is). */
static pith_block *open_figure(pith_blocks_builder *b) {
    for (size_t i = b->nframes; i > 0; i--) {
        pith_blocks_frame *f = frame_at(b, i - 1);
        if (f->type == PITH_BLOCK_FIGURE) return f->block && !f->block->media->src.len ? f->block : NULL;
        if (f->type != PITH_BLOCK_CAPTION && !f->transparent) return NULL;
    }
    return NULL;
}

static void set_image(pith_blocks_builder *b, pith_block *fig, const char *src, size_t src_len,
                      const char *alt, size_t alt_len, const char *title, size_t title_len) {
    b->marked = NULL; /* the figure's strings, after the mark, outlive the holder */
    if (!copy_str(b, &fig->media->src, src, src_len) || !copy_collapsed(b, &fig->media->alt, alt, alt_len) ||
        !copy_collapsed(b, &fig->media->title, title, title_len))
        return;
    mark_content(fig);
}

void pith_blocks_image(pith_blocks_builder *b, const char *src, size_t src_len, const char *alt, size_t alt_len,
                       const char *title, size_t title_len) {
    if (b->failed || !src || !src_len || !root(b)) return;
    pith_blocks_frame *top = top_frame(b);
    if ((b->holder && b->holder->type == PITH_BLOCK_CODE) || (top && top->type == PITH_BLOCK_CODE)) return;
    pith_block *fig = open_figure(b);
    if (!fig) {
        interrupt(b);
        fig = add_block(b, current_container(b), PITH_BLOCK_FIGURE);
        if (!fig) return;
        fig->text.ptr = ""; /* its caption, if any, comes from the text around it */
    }
    set_image(b, fig, src, src_len, alt, alt_len, title, title_len);
}

void pith_blocks_figure_credit(pith_blocks_builder *b, const char *s, size_t len) {
    if (b->failed || !s || !len) return;
    for (size_t i = b->nframes; i > 0; i--) {
        pith_blocks_frame *f = frame_at(b, i - 1);
        if (f->type == PITH_BLOCK_FIGURE && f->block) {
            b->marked = NULL; /* as in set_image */
            if (copy_collapsed(b, &f->block->media->credit, s, len) && f->block->media->credit.len) mark_content(f->block);
            return;
        }
    }
}

void pith_blocks_rule(pith_blocks_builder *b) {
    if (b->failed || !root(b)) return;
    interrupt(b);
    pith_block *blk = add_block(b, current_container(b), PITH_BLOCK_RULE);
    if (blk) mark_content(blk);
}

void pith_blocks_boundary(pith_blocks_builder *b) {
    if (b->failed || !b->holder) return;
    if (!b->holder_owned) flush_at(b, true);
    else if (b->holder->type != PITH_BLOCK_CODE && b->text.len && !last_is_break(b)) b->pending_space = true;
}

pith_block *pith_blocks_finish(pith_blocks_builder *b) {
    if (!root(b)) return NULL;
    while (b->nframes && !b->failed) pith_blocks_close(b);
    flush(b);
    return b->failed ? NULL : b->root;
}

/* ------------------------------------------------------------------------
 * Iterator
 * ------------------------------------------------------------------------ */
void pith_block_iter_init(pith_block_iter *it, const pith_block *root_blk) {
    memset(it, 0, sizeof *it);
    it->root = root_blk;
    it->done = root_blk == NULL;
}

bool pith_block_iter_next(pith_block_iter *it, const pith_block **blk, pith_iter_event *ev) {
    if (it->done) return false;
    if (it->skip) {
        it->skip = false;
        it->ev = PITH_ITER_EXIT;
    } else if (!it->started) {
        it->started = true;
        it->cur = it->root;
        it->ev = PITH_ITER_ENTER;
    } else if (it->ev == PITH_ITER_ENTER) {
        if (it->cur->first_child) it->cur = it->cur->first_child;
        else it->ev = PITH_ITER_EXIT;
    } else if (it->cur == it->root) {
        it->done = true;
        return false;
    } else if (it->cur->next) {
        it->cur = it->cur->next;
        it->ev = PITH_ITER_ENTER;
    } else {
        it->cur = it->cur->parent;
    }
    *blk = it->cur;
    *ev = it->ev;
    return true;
}

void pith_block_iter_skip_children(pith_block_iter *it) {
    if (it->started && !it->done && it->ev == PITH_ITER_ENTER) it->skip = true;
}

const char *pith_block_type_name(pith_block_type type) {
    static const char *const names[PITH_BLOCK_TYPE_COUNT] = {
        "article", "heading", "paragraph", "list", "item", "quote", "code",
        "table", "row", "cell", "figure", "rule", "caption",
    };
    return (unsigned)type < PITH_BLOCK_TYPE_COUNT ? names[type] : "unknown";
}
