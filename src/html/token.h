/*
 * token.h - what the tokenizer hands the tree builder.
 *
 * String lifetime: every string in a token points either into the decoded
 * input buffer (stable for the document's life: pith_dom_keep() keeps it
 * without copying) or into the tokenizer's scratch space (valid only until
 * the next pith_tokenizer_next() call: pith_dom_keep() copies it). The tree
 * builder therefore never copies bytes it does not keep.
 *
 * Character tokens carry runs of text. A run is either exactly one U+0000
 * byte (emitted only from the data state, where the tree builder's
 * insertion mode decides what NUL means) or contains no U+0000 at all.
 * Runs may be split anywhere between UTF-8 sequences; the tree builder
 * merges adjacent runs into one text node.
 * (Addendum: the CDATA section state also emits a NUL as a lone "\0" run,
 * as the spec keeps it U+0000 there; CDATA only occurs in foreign content,
 * whose rules turn a U+0000 character token into U+FFFD.)
 */
#ifndef PITH_HTML_TOKEN_H
#define PITH_HTML_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../dom/tags.h"
#include "../util/slice.h"

/* Names and values point into the input or the tokenizer's buffers
 * (util/slice.h). */

typedef struct pith_token_attr {
    pith_slice name;   /* lowercased */
    pith_slice value;  /* character references decoded */
} pith_token_attr;

typedef enum pith_token_type {
    PITH_TOKEN_DOCTYPE = 0,
    PITH_TOKEN_START_TAG,
    PITH_TOKEN_END_TAG,
    PITH_TOKEN_COMMENT,
    PITH_TOKEN_CHARACTER,
    PITH_TOKEN_EOF
} pith_token_type;

typedef struct pith_token {
    pith_token_type type;
    pith_tag tag;            /* start/end tag: interned id of name, or UNKNOWN */
    bool self_closing;       /* start tag: <br/> */
    bool force_quirks;       /* doctype */
    bool has_public_id;      /* doctype: PUBLIC id present (maybe empty) */
    bool has_system_id;      /* doctype: SYSTEM id present (maybe empty) */
    bool has_name;           /* doctype: a name was given */
    bool attrs_in_input;     /* tag: every attribute name and value that is not empty is a slice of the
                                tokenizer's input (none was rebuilt), so the tree builder keeps them unchecked */
    pith_slice name;          /* tag name (lowercase) or doctype name (lowercase) */
    pith_slice data;          /* comment text or character run */
    pith_slice public_id;     /* doctype */
    pith_slice system_id;     /* doctype */
    pith_token_attr *attrs;  /* start/end tag; duplicates dropped (first wins); valid until next token */
    size_t nattrs;
} pith_token;

#endif
