/*
 * comments.h - the reader comments, extracted apart from the article.
 *
 * A comment thread is found by what the markup says (select.c's comment
 * hints: "comments", "commentlist", Disqus...). Inside it, each element that
 * names a single comment ("comment", "comment-body", li of a comment list)
 * gives one comment: its author (an element named author/user/name, or
 * itemprop=author), its date (<time datetime>, or a dated element) and its
 * text (the paragraphs without the author and date).
 */
#ifndef PITH_EXTRACT_COMMENTS_H
#define PITH_EXTRACT_COMMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "features.h"

typedef struct extract_comment {
    const char *author;  /* arena, NUL-terminated, or NULL */
    const char *date;
    const char *text;
} extract_comment;

/* Needs the features after select_article (hints computed). */
bool comments_extract(ext_features *f, pith_arena *arena, extract_comment **out, size_t *n);

#endif
