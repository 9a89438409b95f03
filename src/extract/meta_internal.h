/*
 * meta_internal.h - the pure string functions behind metadata extraction
 * (dates, bylines, titles, site names, languages) and small text helpers.
 * None of them needs a DOM, so unit tests drive them directly.
 */
#ifndef PITH_EXTRACT_META_INTERNAL_H
#define PITH_EXTRACT_META_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "metadata.h"

/* ---------------------------------------------------------------- text */

/* Copies s into the arena with runs of white space (ASCII and U+00A0)
 * collapsed to one space and trimmed. Absent (ptr NULL) when empty or on
 * allocation failure. */
pith_mstr meta_clean(pith_arena *a, const char *s, size_t len);
/* The same, decoding character references first. For values from
 * attributes and JSON-LD: the parser already decoded one level, and CMSs
 * often encode twice ("That&amp;#039;s" arrives as "That&#039;s"). Only
 * numeric references and amp/lt/gt/quot/apos/nbsp are decoded. */
pith_mstr meta_clean_decode(pith_arena *a, const char *s, size_t len);
/* ASCII case-insensitive equality / prefix / substring search. */
bool meta_ieq(const char *a, size_t alen, const char *b, size_t blen);
bool meta_istarts(const char *s, size_t len, const char *prefix);
const char *meta_ifind(const char *s, size_t len, const char *needle, size_t nlen);
/* Appends a copy to a list unless present (case-insensitive) or full. */
bool meta_list_add(pith_arena *a, pith_strings *l, uint32_t max, const char *s, size_t len);

/* ---------------------------------------------------------------- dates */

typedef struct pith_date {
    int year, month, day;       /* always set on success */
    int hour, minute, second;   /* valid when has_time */
    int tz_minutes;             /* offset east of UTC, valid when has_tz */
    bool has_time, has_tz;
} pith_date;

/* Parses one date: ISO 8601 (with or without time and zone), RFC 2822,
 * "July 14, 2016", "14 July 2016 10:30 BST", "Thursday, July 14th 2016,
 * 3:04 PM EDT", "2016/07/14", "14.07.2016", Unix seconds. Ambiguous
 * numeric forms ("05/06/2016") are rejected. Years 1990..2099 only. */
bool pith_date_parse(const char *s, size_t len, pith_date *out);
/* The same, allowing at most max_unknown words that are neither date parts
 * nor known filler (pith_date_parse allows 3; bylines use 0, so that
 * "Jane Doe on July 14" is not all date). */
bool pith_date_parse_ex(const char *s, size_t len, int max_unknown, pith_date *out);
/* Finds /2016/07/14/, /2016-07-14/ or /20160714/ in a URL (never a bare year-month). */
bool pith_date_from_url(const char *url, size_t len, pith_date *out);
/* A relative stamp: "3 hours ago", "2 days ago", "yesterday", "il y a 3
 * heures", "vor 2 Tagen", "hace 3 días", "2 giorni fa", "3 uur geleden"
 * (an "Updated"/"Published"/"Posted" label may lead). *minutes: how long
 * before the reference; *day_unit: counted in days or weeks. */
bool pith_date_relative(const char *s, size_t len, long *minutes, bool *day_unit);
/* The reference date less a relative stamp's minutes: with a time when
 * the reference has one and the unit is below a day, otherwise the day. */
void pith_date_before(const pith_date *ref, long minutes, bool day_unit, pith_date *out);
/* Writes the ISO 8601 form into buf (>= 32 bytes); returns its length. */
size_t pith_date_format(const pith_date *d, char *buf);
/* Orders two dates (instants when both have zones; local times otherwise). */
int pith_date_cmp(const pith_date *a, const pith_date *b);

/* ---------------------------------------------------------------- people */

/* Splits and cleans a byline into person names, appended to `out` (deduped,
 * capped at max): strips "By", "Written by", dates, "Updated ...", emails,
 * @handles, job titles after a comma, "Staff", the site/publisher names
 * (`exclude`, n_exclude entries, may be absent). News agencies and outlets
 * the byline credits ("Reuters", "AP Auto Writer", "VOA News", the "CNN" of
 * "CNN's Jane Doe") go to `sources` instead (NULL: dropped), never to out.
 * Returns false only on allocation failure. */
bool pith_byline_names(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude,
                       pith_arena *a, pith_strings *out, pith_strings *sources, uint32_t max);
/* The same for a byline as a page shows it: a phrase ("Learn about our",
 * a capitalised word then one in lower case that no name has) is no name
 * there, as it may be in a name a CMS stores. */
bool pith_visible_byline_names(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude,
                               pith_arena *a, pith_strings *out, pith_strings *sources, uint32_t max);
/* True when the name is one of `exclude` (the site, the publisher), or one
 * of them plus more words ("CNN Business" for "CNN"), "The" aside. */
bool pith_names_org(const char *s, size_t len, const pith_mstr *exclude, size_t n_exclude);
/* True for a news agency's name ("Reuters", "AP", "Agence France-Presse"). */
bool pith_is_agency(const char *s, size_t len);
/* Reads contributor credits out of a sentence: "Reporting by X; Editing by
 * Y", "X contributed to this report", "Additional reporting by X"; people
 * to out, agencies and outlets to sources ("The Associated Press
 * contributed", "Some information for this report was provided by AFP and
 * AP"). Returns true when the text was such a credit. */
bool pith_contributor_credits(const char *s, size_t len, pith_arena *a, pith_strings *out, pith_strings *sources,
                              uint32_t max);
/* The agency or outlet of a story's dateline ("WASHINGTON (Reuters) -"),
 * appended to sources. Returns false only on allocation failure. */
bool pith_dateline_source(const char *s, size_t len, pith_arena *a, pith_strings *sources, uint32_t max);

/* ---------------------------------------------------------------- titles */

/* Removes a site decoration from a title: " | Site", " - Site", " — Site",
 * " · Site", "Site: ", "Site | ". With a known site name only that name is
 * removed; without one, a trailing segment is removed only when the rest
 * is clearly the headline (longer, several words). Returns the kept part. */
pith_mstr pith_title_strip_site(const char *title, size_t len, const char *site, size_t site_len);
/* What a title has after its first separator when the part before it
 * spells the host ("Example | Headline" on example.com or
 * forum.example.net); else the whole title. */
pith_mstr pith_title_host_tail(const char *title, size_t len, const char *host, size_t host_len);
/* How well an <h1> matches the <title>: 0..1 (share of the h1's words found
 * in the title). */
double pith_title_match(const char *h1, size_t h1_len, const char *title, size_t title_len);
/* The same words in the same order, case and punctuation aside ("Don't
 * stop" ~ "DON’T STOP!"). */
bool pith_title_same_words(const char *a, size_t a_len, const char *b, size_t b_len);
/* part is what title has before one of its site separators (" | ", " - ",
 * " — "...): "Using promises" of "Using promises - JavaScript | MDN"; with
 * tail, what it has after one ("MDN", "JavaScript | MDN"). */
bool pith_title_part_of(const char *part, size_t part_len, const char *title, size_t title_len, bool tail);
/* The name part of a title no visible headline confirms: what it has
 * before its first separator (" | ", " - ", " — "...) when that is two
 * words or more ("Best Residential Movers in NYC 2025" of "... | Top 19
 * Companies"); the rest is a tagline or search-engine words. The whole
 * title when it has no such part. */
pith_mstr pith_title_first_part(const char *title, size_t len);

/* The <title> names `name` before a colon ("Hiking Boots: Shop Boots for
 * Hiking") or as an archive ("Air Fryer Recipes Archives - Site"), so
 * that an <h1> saying `name` is the page's name. Words compared as in
 * pith_title_same_words. */
bool pith_title_names(const char *name, size_t name_len, const char *title, size_t title_len);

/* The part of a title before its first ' | ' when both sides are two words
 * or more ("Website Design Portfolio | Thrive Internet Marketing"): a pipe
 * does not go on with a headline. One word after it may be a section the
 * title names ("... Covered | Code"): kept. Else the whole title. */
pith_mstr pith_title_pipe_head(const char *title, size_t len);
/* A headline less a short decoration after its last separator (" | ", " - ",
 * " – ", " — "): "Gym Workouts for Beginners — Strength Training", "... |
 * Top 19 Companies", "... - Japan Forum". The decoration is three words or
 * fewer, none in lower case but "and", "of", "for", "the", "with", no
 * sentence ("- My Favorites!"), no month and year ("- March 2026"), no
 * subtitle ("- The Bountiful Update") and not one word after a pipe (a
 * section: "... Covered | Code"); the headline before it three words or
 * more. Else the whole title. */
pith_mstr pith_title_cut_tail(const char *title, size_t len);
/* The same words, in any order and case, "and", "the", "a", "of", "for"
 * and punctuation aside: "Graphic Design Course Online" ~ "Online Graphic
 * Design Course", "Discounts, Coupons & Promo Codes" ~ "discounts,
 * coupons, and promo codes". */
bool pith_title_same_word_set(const char *a, size_t a_len, const char *b, size_t b_len);
/* The length of an <h1>'s text less a trailing permalink mark ("¶", "#"). */
size_t pith_title_trim_anchor(const char *s, size_t len);
/* A title whose UTF-8 was decoded once more as Latin-1 ("Investorâ\u0080\u0099s"
 * for "Investor’s": the page's bytes themselves are so mangled): its
 * characters are all U+0000-U+00FF, some of them C1 controls (U+0080-
 * U+009F, never text), and their bytes are valid UTF-8. Writes those bytes
 * to out (len bytes of room) and returns their length; 0 when s is not so
 * mangled. */
size_t pith_title_unmangle(const char *s, size_t len, char *out);
/* Words in a title (letters and digits runs; a title's first 400 bytes). */
size_t pith_title_words(const char *s, size_t len);

/* ---------------------------------------------------------------- sites, languages */

/* Host of a URL without "www." (and port, user info); absent if none. */
pith_mstr pith_url_host(const char *url, size_t len);
/* Normalises a language tag: "EN_us" -> "en-US", "zh-hant-tw" -> "zh-Hant-TW".
 * Writes into buf (>= 16 bytes); returns the length, 0 when not a tag. */
size_t pith_lang_normalize(const char *s, size_t len, char *buf);
/* Guesses the language of running text from stopwords and scripts;
 * returns a static tag ("en", "de", "ja"...) or NULL when unsure. */
const char *pith_lang_detect(const char *text, size_t len);

#endif
