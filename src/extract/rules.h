/*
 * rules.h - what the markup says about an element, as data.
 *
 * The article is found by measuring text (features.c, select.c); these
 * tables add what the markup itself announces: elements that are never
 * content (<nav>, <script>), roles, and the words sites put in class and id
 * attributes ("share-buttons", "related_posts", "articleBody"). Every entry
 * carries the reason it exists. No rule names a site. The class/id words
 * live in rules_words.txt, one a line with its reason; tools/gen_rules.py
 * makes the C tables from it.
 */
#ifndef PITH_EXTRACT_RULES_H
#define PITH_EXTRACT_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "dom/dom.h"
#include "util/memo.h"

/* Hint bits from class/id/role/itemprop and the tag itself. */
enum {
    HINT_CONTENT = 1u << 0,   /* "article-body", itemprop=articleBody, <article>, <main> */
    HINT_NAV = 1u << 1,       /* menus, breadcrumbs, skip links, pagination */
    HINT_SHARE = 1u << 2,     /* share / social / follow buttons */
    HINT_RELATED = 1u << 3,   /* related stories, teasers, recommendations, trending */
    HINT_COMMENT = 1u << 4,   /* comment threads and forms */
    HINT_AD = 1u << 5,        /* advertising, sponsored slots */
    HINT_CONSENT = 1u << 6,   /* cookie / consent banners, newsletter and subscribe boxes, paywall prompts */
    HINT_CHROME = 1u << 7,    /* site header, footer, sidebar, masthead, copyright */
    HINT_META = 1u << 8,      /* byline, dateline, tags list, author box: metadata, not body text */
    HINT_HIDDEN = 1u << 9,    /* hidden attribute, aria-hidden, display:none */
    HINT_CAPTION = 1u << 10,  /* figure captions and photo credits */
    HINT_BODY = 1u << 11,     /* itemprop=articleBody: the page says this is the article text */
    HINT_WIDGET = 1u << 12,   /* "widget": sidebar widgets, but page builders call every block one */
    HINT_DETAIL = 1u << 13,   /* a product's description, details, specifications (block model only) */
    HINT_PANEL = 1u << 14,    /* a tab panel, accordion or collapsible section: shown when the markup hides it */
    HINT_REVIEW = 1u << 15,   /* customer reviews of a product or service (block model only) */
};

/* Hints that only remove an element when it holds little of the page's
 * text (a site may put "share-enabled" on the article body itself). */
#define HINT_WEAK_BOILERPLATE \
    (HINT_NAV | HINT_SHARE | HINT_RELATED | HINT_AD | HINT_CONSENT | HINT_CHROME | HINT_META | HINT_WIDGET)
/* Hints that remove an element whatever its size: a comment thread is long
 * and text-like, yet never the article. */
#define HINT_STRONG_BOILERPLATE (HINT_COMMENT | HINT_HIDDEN)

/* How a tag takes part in extraction. */
typedef enum tag_role {
    TAG_INLINE = 0,   /* text flows through it (a, span, em, unknown tags) */
    TAG_BLOCK,        /* owns the text inside it as one block (p, div, li, td, h1...) */
    TAG_SKIP,         /* never content, subtree ignored (script, style, nav, form, button...) */
    TAG_VOID          /* no text (img, br, hr, input): handled by the emitter */
} tag_role;

tag_role rules_tag_role(const pith_node *el);

/* Hint bits for one element from its tag, class, id, role, itemprop,
 * hidden/aria-hidden/style attributes. classes (may be NULL) is the page's
 * memo of class_signals() (class_signals.h). */
uint32_t rules_element_hints(const pith_node *el, pith_memo *classes);

/* True when a word of el's class or id (split as above) is one of words
 * (a NULL-terminated list of lowercase words). */
bool rules_has_word(const pith_node *el, const char *const *words);

/* Whether an inline style value hides its element: display:none or
 * visibility:hidden, in any case, with spaces, tabs and line feeds
 * anywhere in it ignored. */
bool rules_style_hides(const char *v, size_t len);

#endif
