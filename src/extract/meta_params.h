/*
 * meta_params.h - the numbers behind metadata extraction, named and with
 * their reasons: how much of the page the metadata walk reads (meta_tags.c)
 * and how sources rank against each other when fields are resolved
 * (metadata.c). Ranks: 1 is the most trusted source of a field.
 */
#ifndef PITH_EXTRACT_META_PARAMS_H
#define PITH_EXTRACT_META_PARAMS_H

/* ---------------------------------------------------------------- reading bounds (meta_tags.c) */

/* Element text is gathered with two bounds: bytes kept, nodes visited. */
#define META_TITLE_BYTES 1000          /* <title>: long SEO titles still fit */
#define META_TITLE_NODES 50            /* <title> holds one text node; a few for broken markup */
#define META_H1_BYTES 600              /* an <h1>: a headline, with room for a long one */
#define META_H1_NODES 200
#define META_BYLINE_BYTES 240          /* a byline-looking element */
#define META_BYLINE_NODES 200
#define META_BYLINE_MAX_RAW 100        /* more text than this is an author bio or a whole header, not a byline */
#define META_BYLINE_TRIES 32           /* byline-looking elements read per page: pages with thousands of
                                          "author" spans (comment lists) cost no more than this */
#define META_ITEMPROP_TRIES 32         /* microdata elements whose text is read: a page of 10^5 empty
                                          itemprops must not cost 10^5 subtree walks */
#define META_ITEMPROP_DATE_BYTES 120   /* a visible microdata date ("July 14, 2016 at 10:30 am EDT") */
#define META_ITEMPROP_DATE_NODES 50
#define META_HEADLINE_BYTES 400        /* itemprop=headline on a visible element */
#define META_HEADLINE_NODES 200
#define META_TAG_LINK_BYTES 100        /* <a rel=tag>: one keyword */
#define META_TAG_LINK_NODES 20
#define META_PARAGRAPH_BYTES 1000      /* a paragraph read for the lead, a credit line or the text sample */
#define META_PARAGRAPH_NODES 400
#define META_ITEM_NAME_NODES 40       /* nodes of a microdata author item searched for its name meta */
#define META_LEAD_MIN_BYTES 80         /* a lead paragraph is a sentence or more, not a label */
#define META_SHORT_LEAD_MIN_BYTES 16   /* ...but the first paragraph under the headline may be one short */
#define META_SHORT_LEAD_MIN_WORDS 4    /* sentence ("Lorem ipsum dolor sit amet.", short_lead)... */
#define META_SHORT_LEAD_REACH 4        /* ...this many elements on at most (a notice under a logo <h1> is further) */
#define META_DATELINE_TRIES 4          /* a dateline's agency opens one of a story's first paragraphs */
#define META_CREDIT_MAX_BYTES 400      /* credit lines ("X contributed to this report") are short */
#define META_CREDIT_SCAN_NODES 400     /* the quick look at a paragraph before reading it as a credit... */
#define META_CREDIT_SCAN_RAW 600       /* ...and its raw text bytes, white space included */
#define META_INLINE_DIV_CHILDREN 64    /* a <div> with more direct children is no paragraph written without <p> */
#define META_DATE_TEXT_RAW 120        /* a text node longer than this is prose, not a date line */
#define META_DATE_TRIES 400            /* short texts with a digit read as dates per page (bounds the work on
                                          price lists and tables) */
#define META_DATE_LABEL_REACH 4        /* a label ("Published") names a date up to this many elements on */
#define META_SAMPLE_BYTES 4096         /* paragraph text for language detection: plenty for stopword counts */
#define META_STYLE_MAX_BYTES 1024      /* longer style attributes are not read for display:none */
#define META_CLASS_MAX_BYTES 512       /* longer class and id values are not read for byline words */

/* ---------------------------------------------------------------- ranks the walk gives (meta_tags.c) */

/* Sources read by the walk itself; the <meta> names and their ranks are
 * the KEYS table of meta_tags.c. */
#define RANK_HTML_LANG 1               /* <html lang>: the page's own declaration */
#define RANK_LINK_CANONICAL 1          /* <link rel=canonical>: meant for exactly this */
#define RANK_LINK_LICENSE 1            /* <link rel=license>: likewise */
#define RANK_LINK_IMAGE_SRC 4          /* <link rel=image_src>: an old convention, below og: and twitter:image */
#define RANK_ITEMPROP_DATE 2           /* microdata date with a machine-readable datetime/content */
#define RANK_ITEMPROP_DATE_TEXT 3      /* microdata date as visible text: must be parsed */
#define RANK_ITEMPROP_HEADLINE 3       /* microdata headline: as good as the CMS headline metas */
#define RANK_TIME_PUBDATE 4            /* <time pubdate>: HTML5's draft marker for the publication date */
#define RANK_TAG_LINK 4                /* <a rel=tag>: below every keyword meta */
#define RANK_FIRST_TIME 6              /* the first <time datetime> outside chrome and comments: usually
                                          the article's date line; the weakest dated source but the URL */

/* ---------------------------------------------------------------- resolving (metadata.c) */

#define RANK_ANY 9                     /* a slot1()/parse_slot() bound that takes every rank */
#define RANK_LD_ARTICLE 3              /* JSON-LD type ranks up to here are article types (meta_jsonld.c);
                                          above, a WebPage's name and description are the page's, not the
                                          article's */

/* Where JSON-LD and the visible page fall between the <meta> ranks of the
 * KEYS table: the metas up to these ranks come first. */
#define TITLE_META_FIRST 4             /* og:title ... twitter:title, before the <h1>; the plain "title"
                                          meta (5) is the SEO <title> again, after it */
#define PUBLISHED_META_FIRST 3         /* publication metas before JSON-LD dateCreated... */
#define PUBLISHED_META_THEN 4          /* ...then the vaguer ones ("date") before the visible byline */
#define IMAGE_META_FIRST 2             /* og:image and twitter:image before JSON-LD image */
#define LICENSE_META_FIRST 1           /* <link rel=license> before JSON-LD license */
#define TAGS_META_FIRST 2              /* article:tag, news_keywords before JSON-LD keywords; plain
                                          keywords (often stuffed for search engines) after */
#define SECTION_META_FIRST 1           /* article:section before JSON-LD articleSection */
#define LANG_META_FIRST 1              /* <html lang> before JSON-LD inLanguage; the other metas after */

/* Publication dates, by source (lower wins; see resolve_dates). */
#define DATE_RANK_JSONLD 1             /* JSON-LD datePublished */
#define DATE_RANK_CREATED 3            /* JSON-LD dateCreated: when the work was begun */
#define DATE_RANK_WEAK 4               /* from here on a source is weak: a later date than the stated
                                          modification date is a script's "today", not the publication */
#define DATE_RANK_BYLINE 5             /* a date in the visible byline */
#define DATE_RANK_VISIBLE 6           /* a date shown by the headline ("Dec 12, 2025", <time>) */
#define DATE_RANK_URL 7                /* /2016/07/14/ in the URL */
#define DATE_IN_TEXT_MAX 200           /* longer texts are not read as "byline | date" */

/* Visible dates (metadata.c pick_vdate): distances in elements from the headline. */
#define VDATE_PLAIN_REACH 60           /* an unlabelled date further from the headline is another story's */
#define VDATE_BYLINE_REACH 6           /* an unlabelled date this soon after the byline is the byline's */
#define VDATE_CHROME_COST 10           /* in nav/header/footer/aside: a little less likely the article's */
#define VDATE_LABEL_BONUS 40           /* "Published"/"Updated" labels say whose date it is */
#define VDATE_STAMP_REACH 10           /* an unlabelled date this near the headline outweighs metadata that gives
                                          one stamp as both dates (WCXB dev: at 20, a related story's date) */

/* The <h1> that is the visible headline matches the <title>. */
#define H1_IN_TITLE_MIN 0.8            /* share of the h1's words found in the title */
#define H1_ALONE_MAX_BYTES 200         /* the page's only <h1>, unconfirmed by its titles, is the headline
                                          when it is headline-sized (a longer one wraps a whole block) */
#define H1_COVERS_TITLE_MIN 0.6        /* share of the title's words found in the h1: a section name or a
                                          logo in an h1 shares a few words, not most */
#define H1_ARTICLE_TITLE_MIN 0.7       /* an article's <h1> worded otherwise than its title is the title when
                                          this share of its words is in it (WCXB dev: 122 titles right, 22
                                          wrong that were right) */
#define H1_REWORDED_MIN 0.34           /* ... or when this share of its words is and H1_COVERS_TITLE_MIN of
                                          the title's words are in it: the title is the headline shortened
                                          (WCXB dev: 29 titles right, 6 wrong that were right; at 0.5 without
                                          the cover, readability's cnet-svg-classes lost its og:title) */
#define H1_HEADLINE_MIN_WORDS 6        /* ... or, worded quite otherwise, when it is a headline in its own right:
                                          this many words or more (a shorter one is a kicker or a section,
                                          "M&A Updates", "Web Designs") */
#define H1_HEADLINE_TITLE_SHARE 0.75   /* ... and at least this share of the title's word count (WCXB dev: 21
                                          titles right, 10 wrong that were right; on other page types it
                                          loses: their <title> names the page, the <h1> is a slogan) */

#endif
