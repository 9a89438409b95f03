/*
 * tokenizer.h - the WHATWG HTML tokenizer (13.2.5), state by state.
 *
 * Input is the decoded buffer from encoding.h: valid UTF-8 (surrogate code
 * points may appear as 3-byte sequences in tests). Newlines need not be
 * normalised: a CR LF or lone CR reads as '\n' wherever it is text (runs,
 * attribute values, comments, DOCTYPE identifiers) and as white space
 * elsewhere, so clean input with CRs can be tokenized in place, copying only
 * the runs that hold one. NUL bytes may appear and are handled per the spec.
 *
 * The tree builder drives the tokenizer: it pulls one token at a time and
 * switches the state for RCDATA/RAWTEXT/script/PLAINTEXT elements and tells
 * whether CDATA sections are allowed (adjusted current node is foreign).
 */
#ifndef PITH_HTML_TOKENIZER_H
#define PITH_HTML_TOKENIZER_H

#include "token.h"
#include "../util/arena.h"

/* The states a tree builder (or a test) may set from outside. */
typedef enum pith_tokenizer_state {
    PITH_TOK_DATA = 0,
    PITH_TOK_RCDATA,
    PITH_TOK_RAWTEXT,
    PITH_TOK_SCRIPT_DATA,
    PITH_TOK_PLAINTEXT,
    PITH_TOK_CDATA_SECTION
} pith_tokenizer_state;

typedef struct pith_tokenizer pith_tokenizer;

/* Creates a tokenizer over input[0..len). Its own state and scratch space
 * are allocated from `arena` (or a malloc'ed buffer it frees in
 * pith_tokenizer_destroy; see tokenizer.c). NULL on allocation failure. */
pith_tokenizer *pith_tokenizer_create(pith_arena *arena, const char *input, size_t len);

/* Restarts on a new input, keeping the scratch space (so a reused
 * tokenizer reaches a steady state with no allocation). State goes back to
 * data, CDATA off, no last start tag. */
void pith_tokenizer_reset(pith_tokenizer *t, const char *input, size_t len);

/* Releases anything the tokenizer holds outside the arena. */
void pith_tokenizer_destroy(pith_tokenizer *t);

/* Produces the next token into *tok. After PITH_TOKEN_EOF every further call
 * returns PITH_TOKEN_EOF again. Returns false only when memory ran out
 * (then *tok is an EOF token and the caller should stop). */
bool pith_tokenizer_next(pith_tokenizer *t, pith_token *tok);

/* Switches state, e.g. to RCDATA after a <title> start tag. */
void pith_tokenizer_set_state(pith_tokenizer *t, pith_tokenizer_state state);

/* The "last start tag" used for appropriate end tags (tests and fragment
 * parsing set it; normally the tokenizer records it itself). */
void pith_tokenizer_set_last_start_tag(pith_tokenizer *t, const char *name, size_t len);

/* Whether "<![CDATA[" opens a CDATA section (adjusted current node is not in
 * the HTML namespace) or a bogus comment. The tree builder updates this
 * before each pull. */
void pith_tokenizer_set_cdata_allowed(pith_tokenizer *t, bool allowed);

/* Whether RCDATA and RAWTEXT text also ends at "</noscript" (followed by
 * white space, '/' or '>'), which is then read as that end tag: the tree
 * builder's noscript_bounded mode (parser.h) sets it for raw text inside a
 * noscript. Off after reset. */
void pith_tokenizer_set_noscript_stop(pith_tokenizer *t, bool stop);

#endif
