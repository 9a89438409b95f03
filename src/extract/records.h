/*
 * records.h - repeated records: the posts of a forum thread, the comments
 * under an article.
 *
 * A thread is a run of elements built alike, one per post. Each element
 * gets a shape: its tag name and the first word of its class (or, without
 * a class, its itemtype, or its id with the digits taken off: "post123"
 * and "post124" are one shape). Within a region, the elements of a shape
 * that lie inside no other element of the same shape are its members. The
 * records are the members of the shape that
 *   - repeats (two members or more) and holds a good share of the region's
 *     prose (text outside links),
 *   - has the most members that are signed (that hold an author or a date:
 *     an element named author/user/username/poster, itemprop=author, a link
 *     to a profile page, a <time>, an element named date/time/timestamp),
 *   - then the most members, then comes first (the outermost of nested
 *     shapes that repeat together: a post and its wrapper).
 * Linear: one pass to group the shapes in a hash table, a prefix count of
 * the signed parts, one pass to read the records.
 *
 * Each record is read into
 *   - its body: from the record, down to the block child that holds nearly
 *     all of its prose, as long as that child is not a quotation and the
 *     element has little text of its own;
 *   - its author and date, from the record outside the body first, then
 *     inside it (they are then left out of the body's text);
 *   - the parts of the body that are not the post: signatures, vote, like,
 *     reply and quote buttons, edit notes (marked EL_BOILERPLATE, so the
 *     emitter leaves them out).
 */
#ifndef PITH_EXTRACT_RECORDS_H
#define PITH_EXTRACT_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "features.h"

typedef struct record {
    uint32_t el;           /* the record's element */
    uint32_t body;         /* the element holding its text (el or below) */
    const char *author;    /* arena, NUL-terminated, or NULL */
    const char *date;      /* a datetime attribute when there is one, else the visible date; or NULL */
    const char *date_text; /* the date as shown, or NULL */
} record;

typedef struct records_params {
    uint32_t from, to;      /* the region: elements [from, to) */
    double min_share;       /* the records hold at least this share of the region's prose */
    uint32_t min_records;   /* at least this many records */
    bool signed_only;       /* keep only records with an author or a date */
} records_params;

/* Finds the records of a region. The bodies' parts that are not text are
 * marked EL_BOILERPLATE (and earlier marks inside the bodies cleared).
 * *out is NULL and *n 0 when the region has none. false: out of memory. */
bool records_find(ext_features *f, const records_params *p, pith_arena *arena, record **out, size_t *n);

/* Whether element e signs a lone record: it names an author (class,
 * itemprop or rel) and holds text, or it is a date. A profile link alone
 * does not ("My Profile" in a log-in box), nor an empty name slot. */
bool records_signs(const ext_el *e);

/* Prefix counts of a region's signing elements: element j's subtree
 * [j, end) holds ps[end - from] - ps[j - from] of them (pd: the dates). */
typedef struct records_prefix {
    uint32_t from;
    uint32_t *ps, *pd; /* arena */
} records_prefix;

bool records_count_signs(ext_features *f, uint32_t from, uint32_t to, pith_arena *arena, records_prefix *out);

/* Reads element el (inside px's region) as a record on its own (a lone
 * comment), as records_find reads each of its records; parts not visible
 * (EL_SKIPPED: replies already read) are passed over. *found when it has
 * prose and an author or a date. false: out of memory. */
bool records_lone(ext_features *f, const records_prefix *px, uint32_t el, pith_arena *arena, record *out,
                  bool *found);

/* A record's body as one line of text (white space collapsed, parts marked
 * EL_BOILERPLATE or not visible left out), in the arena; NULL when empty. */
const char *records_text(const ext_features *f, const record *r, pith_arena *arena);

#endif
