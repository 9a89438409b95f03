/* test_meta_title.c - site decorations off titles; h1/title matching; URL
 * hosts; language tags. */
#include <stdio.h>
#include <string.h>

#include "extract/meta_internal.h"
#include "test.h"

static const char *strip(const char *title, const char *site) {
    static char buf[256];
    pith_mstr m = pith_title_strip_site(title, strlen(title), site, site ? strlen(site) : 0);
    memcpy(buf, m.ptr, m.len);
    buf[m.len] = 0;
    return buf;
}

static void test_strip_known_site(void) {
    CHECK_STR_EQ(strip("Storm hits the coast | The Daily Planet", "The Daily Planet"), "Storm hits the coast");
    CHECK_STR_EQ(strip("Storm hits the coast - The Daily Planet", "The Daily Planet"), "Storm hits the coast");
    CHECK_STR_EQ(strip("Storm hits the coast \xe2\x80\x94 The Daily Planet", "The Daily Planet"), "Storm hits the coast");
    CHECK_STR_EQ(strip("Storm hits the coast | Daily Planet", "The Daily Planet"), "Storm hits the coast");
    CHECK_STR_EQ(strip("The Daily Planet: Storm hits the coast", "The Daily Planet"), "Storm hits the coast");
    CHECK_STR_EQ(strip("The Daily Planet | Storm hits the coast", "The Daily Planet"), "Storm hits the coast");
    CHECK_STR_EQ(strip("Storm hits - and leaves | NYTimes", "nytimes.com"), "Storm hits - and leaves");
    /* Any label of the host but the last: a forum on its own subdomain. */
    CHECK_STR_EQ(strip("Early symptoms? - Nation States", "forum.nationstates.net"), "Early symptoms?");
    CHECK_STR_EQ(strip("Early symptoms? - Net", "forum.nationstates.net"), "Early symptoms? - Net");
    /* A dash inside the headline stays when the tail is not the site. */
    CHECK_STR_EQ(strip("Obama - the early years", "The Daily Planet"), "Obama - the early years");
    CHECK_STR_EQ(strip("Storm hits the coast | Weather | The Daily Planet", "The Daily Planet"),
                 "Storm hits the coast | Weather");
    /* The site's name spelled with other spacing or punctuation. */
    CHECK_STR_EQ(strip("Storm hits the coast - Daily Planet3D News", "Daily Planet 3D-News"), "Storm hits the coast");
    CHECK_STR_EQ(strip("Storm hits the coast - Daily", "Daily Planet 3D-News"), "Storm hits the coast - Daily");
    /* The agency's full name, whose capitals are the host's label. */
    CHECK_STR_EQ(strip("Storm warnings | National Weather Agency", "www.nwa.gov"), "Storm warnings");
    CHECK_STR_EQ(strip("Storm warnings | Office of Weather Safety", "www.ows.gov"), "Storm warnings");
    CHECK_STR_EQ(strip("Storm warnings | National Weather news", "www.nwa.gov"), "Storm warnings | National Weather news");
    CHECK_STR_EQ(strip("Storm warnings | National Weather", "www.nwa.gov"), "Storm warnings | National Weather");
}

/* Issue 11: decorations beside the site's name. */
static void test_strip_decorations(void) {
    /* A home page's title names the site. */
    CHECK_STR_EQ(strip("Home - The Daily Planet", "The Daily Planet"), "The Daily Planet");
    CHECK_STR_EQ(strip("The Daily Planet | Home", "The Daily Planet"), "The Daily Planet");
    CHECK_STR_EQ(strip("Home", "The Daily Planet"), "The Daily Planet");
    CHECK_STR_EQ(strip("Home", "dailyplanet.com"), "Home");
    CHECK_STR_EQ(strip("Home Improvement Tips - The Daily Planet", "The Daily Planet"), "Home Improvement Tips");
    /* phpBB's page kind after the board's name. */
    CHECK_STR_EQ(strip("Planet Board \xe2\x80\xa2 View topic - Storm hits: is it over?", "forum.planet.net"), "Storm hits: is it over?");
    CHECK_STR_EQ(strip("Planet Board \xe2\x80\xa2 View forum - Weather", "forum.planet.net"), "Weather");
    CHECK_STR_EQ(strip("Preview topic - Storm hits the coast today", "forum.planet.net"),
                 "Preview topic - Storm hits the coast today");
    /* The host before the headline. */
    CHECK_STR_EQ(strip("dailyplanet.com Storm hits the coast", "dailyplanet.com"), "Storm hits the coast");
    CHECK_STR_EQ(strip("dailyplanet.com", "dailyplanet.com"), "dailyplanet.com");
    CHECK_STR_EQ(strip("dailyplanet.community garden", "dailyplanet.com"), "dailyplanet.community garden");
    /* A wiki's "Page [Wiki name]": the host's label and the kind of site. */
    CHECK_STR_EQ(strip("searching [Zotero Documentation]", "zotero.org"), "searching");
    CHECK_STR_EQ(strip("Welcome to LWN.net [LWN.net]", "lwn.net"), "Welcome to LWN.net");
    CHECK_STR_EQ(strip("Best Laptops of 2025 [Tested 40 Models]", "laptops.com"), "Best Laptops of 2025 [Tested 40 Models]");
    CHECK_STR_EQ(strip("Networking | Docker Docs", "docs.docker.com"), "Networking");
    CHECK_STR_EQ(strip("Networking | Docker Desktop", "docs.docker.com"), "Networking | Docker Desktop");
    /* A catalogue's fields after the name: author, ISBN, store, department. */
    CHECK_STR_EQ(strip("Atomic Habits: An Easy Way: Clear, James: 9780735211292: Amazon.com: Books", "amazon.com"),
                 "Atomic Habits: An Easy Way");
    CHECK_STR_EQ(strip("AirPods Pro 2nd generation: Amazon.co.uk: Electronics & Photo", "amazon.co.uk"),
                 "AirPods Pro 2nd generation");
    CHECK_STR_EQ(strip("Storm hits the coast : Daily Planet", "Daily Planet"), "Storm hits the coast");
    CHECK_STR_EQ(strip("Amazon.com: Wireless Headphones: Electronics", "amazon.com"), "Wireless Headphones: Electronics");
    CHECK_STR_EQ(strip("Why I left: Amazon.com: a story of many years at work", "amazon.com"),
                 "Why I left: Amazon.com: a story of many years at work");
}

static void test_strip_unknown_site(void) {
    CHECK_STR_EQ(strip("Storm hits the coast | Daily Planet", NULL), "Storm hits the coast");
    CHECK_STR_EQ(strip("Storm hits the coast - Planet", NULL), "Storm hits the coast");
    /* Head too short to be sure, or tail too long to be a site. */
    CHECK_STR_EQ(strip("Storm hits | Daily Planet", NULL), "Storm hits | Daily Planet");
    CHECK_STR_EQ(strip("Why it matters - a long explanation of things", NULL),
                 "Why it matters - a long explanation of things");
    CHECK_STR_EQ(strip("Plain headline", NULL), "Plain headline");
}

static void test_match(void) {
    const char *t = "Storm hits the coast, thousands evacuated | The Daily Planet";
    CHECK(pith_title_match("Storm hits the coast, thousands evacuated", 41, t, strlen(t)) > 0.99);
    CHECK(pith_title_match("Latest news", 11, t, strlen(t)) < 0.5);
    CHECK(pith_title_match("", 0, t, strlen(t)) == 0.0);
    /* Punctuation is not a word; repeated words count once. */
    const char *m = "Evolve: Shared Mutable History \xe2\x80\x94 evolve extension for Mercurial";
    CHECK(pith_title_match(m, strlen(m), "evolve extension for Mercurial", 30) < 0.6);
    CHECK(pith_title_match("History \xc2\xb6", 10, m, strlen(m)) > 0.99);
    /* Exact shares; case aside, and only the first 400 bytes of each side
     * are read (200 words at most: words are apart). */
    CHECK(pith_title_match("Storm STORM coast Planet, tides", 31, t, strlen(t)) == 0.75);
    char many[1200], title[1200];
    for (int i = 0; i < 300; i++) memcpy(many + 4 * i, i < 100 ? "a b " : "c d ", 4);
    CHECK(pith_title_match(many, 1200, "B", 1) == 0.5);       /* the c and d past byte 400 are not read */
    CHECK(pith_title_match(many, 1200, "c d", 3) == 0.0);
    memset(title, ' ', sizeof title);
    memcpy(title + 398, "Storm", 5);                          /* cut to "St" */
    CHECK(pith_title_match("Storm", 5, title, sizeof title) == 0.0);
    CHECK(pith_title_match("St", 2, title, sizeof title) == 1.0);
}

static const char *host(const char *u) {
    static char buf[128];
    pith_mstr m = pith_url_host(u, strlen(u));
    if (!m.ptr) return "(none)";
    memcpy(buf, m.ptr, m.len);
    buf[m.len] = 0;
    return buf;
}

static void test_host(void) {
    CHECK_STR_EQ(host("https://www.example.com/a/b"), "example.com");
    CHECK_STR_EQ(host("http://user:pw@news.example.co.uk:8080/x?y"), "news.example.co.uk");
    CHECK_STR_EQ(host("//example.org"), "example.org");
    CHECK_STR_EQ(host("/relative/path"), "(none)");
}

static const char *lang(const char *s) {
    static char buf[16];
    return pith_lang_normalize(s, strlen(s), buf) ? buf : "(none)";
}

static void test_lang(void) {
    CHECK_STR_EQ(lang("en"), "en");
    CHECK_STR_EQ(lang("EN_us"), "en-US");
    CHECK_STR_EQ(lang("fr_FR"), "fr-FR");
    CHECK_STR_EQ(lang("zh-hant-tw"), "zh-Hant-TW");
    CHECK_STR_EQ(lang("es-419"), "es-419");
    CHECK_STR_EQ(lang(" de-DE, en;q=0.5"), "de-DE");
    CHECK_STR_EQ(lang("und"), "(none)");
    CHECK_STR_EQ(lang(""), "(none)");
    CHECK_STR_EQ(lang("english please"), "(none)");
}

static void test_detect(void) {
    const char *en = "The committee said that the plan was approved with the support of the members, and "
                     "this is the first time that the city has done this for the people who are living there.";
    const char *de = "Die Regierung hat am Montag beschlossen, dass die neue Regel nicht mit der alten "
                     "vereinbar ist, und das ist auch der Grund, warum sich die Partei auf eine Reform einigt.";
    const char *ja = "\xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xae\xe9\xa6\x96\xe7\x9b\xb8\xe3\x81\xaf\xe6\x9c\xac\xe6\x97\xa5"
                     "\xe3\x80\x81\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84\xe6\x94\xbf\xe7\xad\x96\xe3\x82\x92\xe7\x99\xba"
                     "\xe8\xa1\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\xe3\x81\x93\xe3\x82\x8c"
                     "\xe3\x81\xaf\xe7\xb5\x8c\xe6\xb8\x88\xe3\x81\xab\xe5\xa4\xa7\xe3\x81\x8d\xe3\x81\xaa\xe5\xbd\xb1"
                     "\xe9\x9f\xbf\xe3\x82\x92\xe4\xb8\x8e\xe3\x81\x88\xe3\x82\x8b\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x89"
                     "\xe3\x82\x8c\xe3\x81\xa6\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82";
    const char *l = pith_lang_detect(en, strlen(en));
    CHECK_STR_EQ(l, "en");
    l = pith_lang_detect(de, strlen(de));
    CHECK_STR_EQ(l, "de");
    l = pith_lang_detect(ja, strlen(ja));
    CHECK_STR_EQ(l, "ja");
    CHECK(pith_lang_detect("Hello world", 11) == NULL);
}

/* Parts of a title between site separators, and word-for-word equality. */
static void test_parts(void) {
    const char *t = "Using promises - JavaScript | MDN";
    CHECK(pith_title_part_of("Using promises", 14, t, strlen(t), false));
    CHECK(pith_title_part_of("using PROMISES!", 15, t, strlen(t), false));
    CHECK(pith_title_part_of("Using promises - JavaScript", 27, t, strlen(t), false));
    CHECK(!pith_title_part_of("Using", 5, t, strlen(t), false));
    CHECK(!pith_title_part_of("MDN", 3, t, strlen(t), false));
    CHECK(pith_title_part_of("MDN", 3, t, strlen(t), true));
    CHECK(pith_title_part_of("JavaScript | MDN", 16, t, strlen(t), true));
    CHECK(!pith_title_part_of("Using promises", 14, "Using promises", 14, false));
    /* A label run into the headline: the title keeps them apart. */
    const char *f = "Tips - Which lathe to buy? | Metal Forum";
    CHECK(!pith_title_part_of("Tips Which lathe to buy?", 24, f, strlen(f), false));
    CHECK(pith_title_part_of("Tips - Which lathe to buy?", 26, f, strlen(f), false));
    /* A middle part after one-word sections (a breadcrumb). */
    const char *b = "Products - Air Purifiers - Clorox Appliances";
    CHECK(pith_title_part_of("Air Purifiers", 13, b, strlen(b), false));
    b = "Serverless Computing - AWS Lambda - Amazon Web Services";
    CHECK(!pith_title_part_of("AWS Lambda", 10, b, strlen(b), false));
    b = "Products - Air Purifiers";
    CHECK(!pith_title_part_of("Air Purifiers", 13, b, strlen(b), false));
    const char *q = "Student Dies After \"Diet Pills\"", *c = "Student dies after \xe2\x80\x9c" "Diet Pills\xe2\x80\x9d";
    CHECK(pith_title_same_words(q, strlen(q), c, strlen(c)));
    CHECK(!pith_title_same_words(q, strlen(q), "Student Dies", 12));
    CHECK(!pith_title_same_words("", 0, "x", 1));
    CHECK(pith_title_same_words("", 0, "--", 2));
    CHECK(pith_title_trim_anchor("History \xc2\xb6", 10) == 7);
    CHECK(pith_title_trim_anchor("Section #", 9) == 7);
    CHECK(pith_title_trim_anchor("#", 1) == 0);
}

/* Issue 11: the name a title starts with, before its first separator,
 * when that is two words or more. */
static void test_first_part(void) {
    const char *t = "Carry On Luggage | Shop Lightweight Bags | Brand";
    pith_mstr p = pith_title_first_part(t, strlen(t));
    CHECK(p.ptr == t && p.len == 16);
    t = "Best Movers in NYC 2025 \xe2\x80\x93 Top Local Movers";
    CHECK(pith_title_first_part(t, strlen(t)).len == 23);
    t = "Staple Tee / 5001 - Cotton";
    CHECK(pith_title_first_part(t, strlen(t)).len == 10);
    t = "Docs | Getting started"; /* one word: no name */
    CHECK(pith_title_first_part(t, strlen(t)).len == strlen(t));
    t = "Covid-19: a well-known case"; /* no separator with spaces */
    CHECK(pith_title_first_part(t, strlen(t)).len == strlen(t));
    CHECK(pith_title_first_part("", 0).len == 0);
    /* The name goes on: a range of numbers, a question. */
    t = "Season Tickets 2024 - 2025 | Club";
    CHECK(pith_title_first_part(t, strlen(t)).len == strlen(t));
    t = "New to Astronomy \xe2\x80\x93 Best First Telescope? - Feedback - Astronomy";
    CHECK(pith_title_first_part(t, strlen(t)).len == strlen(t));
}

static void test_names(void) {
    const char *t = "Hiking Boots: Shop Boots for Hiking & Backpacking | Outdoor Co-op";
    CHECK(pith_title_names("Hiking Boots", 12, t, strlen(t)));
    CHECK(!pith_title_names("Hiking", 6, t, strlen(t)));
    CHECK(!pith_title_names("Shop Boots", 10, t, strlen(t)));
    t = "Video Games : Target";
    CHECK(pith_title_names("Video Games", 11, t, strlen(t)));
    t = "Air Fryer Recipes Archives - Pinch of Salt";
    CHECK(pith_title_names("Air Fryer Recipes", 17, t, strlen(t)));
    t = "Air Fryer Recipes Archives";
    CHECK(pith_title_names("Air Fryer Recipes", 17, t, strlen(t)));
    t = "Air Fryer Recipes Archives of Old Cookbooks";
    CHECK(!pith_title_names("Air Fryer Recipes", 17, t, strlen(t)));
    t = "Covid-19:a case"; /* no space after the colon */
    CHECK(!pith_title_names("Covid-19", 8, t, strlen(t)));
    CHECK(!pith_title_names("", 0, t, strlen(t)));
}

static void test_pipe_head(void) {
    const char *t = "Website Design Portfolio | Thrive Internet Marketing";
    CHECK(pith_title_pipe_head(t, strlen(t)).len == 24);
    t = "12 Must-Have Data Tools for 2026 | Python, SQL & AI | Splunk"; /* the first pipe */
    CHECK(pith_title_pipe_head(t, strlen(t)).len == 32);
    t = "Get your Frontend JavaScript Code Covered | Code"; /* one word after it: a section */
    CHECK(pith_title_pipe_head(t, strlen(t)).len == strlen(t));
    t = "Home | The Daily Paper"; /* one word before it */
    CHECK(pith_title_pipe_head(t, strlen(t)).len == strlen(t));
    t = "Friday Facts #282 - 0.17 in sight"; /* no pipe */
    CHECK(pith_title_pipe_head(t, strlen(t)).len == strlen(t));
    CHECK(pith_title_pipe_head("", 0).len == 0);
}

/* "Site | Headline" where the site spells the host: the headline. */
static void test_host_tail(void) {
    const char *t = "Leadfeeder | State of SEO in 2026: Trends and Predictions";
    pith_mstr m = pith_title_host_tail(t, strlen(t), "leadfeeder.com", 14);
    CHECK(m.len == strlen(t) - 13 && m.ptr == t + 13);
    m = pith_title_host_tail(t, strlen(t), "blog.leadfeeder.co.uk", 21);
    CHECK(m.ptr == t + 13);
    m = pith_title_host_tail(t, strlen(t), "example.com", 11); /* another site: the whole title */
    CHECK(m.len == strlen(t));
    t = "State of SEO | Leadfeeder"; /* the site after: not a head */
    CHECK(pith_title_host_tail(t, strlen(t), "leadfeeder.com", 14).len == strlen(t));
    CHECK(pith_title_host_tail(t, strlen(t), NULL, 0).len == strlen(t));
}

/* Issue 11: a short decoration after a headline's last separator goes,
 * whatever the site's name; subtitles, sections and sentences stay. */
static const char *cut(const char *t) {
    static char buf[256];
    pith_mstr m = pith_title_cut_tail(t, strlen(t));
    snprintf(buf, sizeof buf, "%.*s", (int)m.len, m.ptr);
    return buf;
}

static void test_cut_tail(void) {
    CHECK_STR_EQ(cut("Gym Workouts for Beginners \xe2\x80\x94 Strength Training"), "Gym Workouts for Beginners");
    CHECK_STR_EQ(cut("Best Residential Movers in NYC 2025 | Top 19 Companies"), "Best Residential Movers in NYC 2025");
    CHECK_STR_EQ(cut("Tips from a first time Japan visitor - Japan Forum"), "Tips from a first time Japan visitor");
    CHECK_STR_EQ(cut("12 Must-Have Data Analysis Tools | Python, SQL & AI"), "12 Must-Have Data Analysis Tools");
    /* Kept: a sentence, a month's edition, lower-case words, a subtitle, a
     * section after a pipe, a short headline, four words. */
    CHECK_STR_EQ(cut("Best Bread Machines - My Favorites!"), "Best Bread Machines - My Favorites!");
    CHECK_STR_EQ(cut("The Best Cheap Earbuds under $50 - March 2026"), "The Best Cheap Earbuds under $50 - March 2026");
    CHECK_STR_EQ(cut("Transitioning to a plant-based diet \xe2\x80\x93 tips and tricks"),
                 "Transitioning to a plant-based diet \xe2\x80\x93 tips and tricks");
    CHECK_STR_EQ(cut("Minecraft 1.8 - The Bountiful Update"), "Minecraft 1.8 - The Bountiful Update");
    CHECK_STR_EQ(cut("Get your Frontend JavaScript Code Covered | Code"), "Get your Frontend JavaScript Code Covered | Code");
    CHECK_STR_EQ(cut("Mozilla - Wikipedia"), "Mozilla - Wikipedia");
    CHECK_STR_EQ(cut("Top Picks Of The Year - Our Four Best Ones"), "Top Picks Of The Year - Our Four Best Ones");
    CHECK_STR_EQ(cut("Premier League Squad Lists - 2024 - 2025"), "Premier League Squad Lists - 2024 - 2025");
    CHECK_STR_EQ(cut(""), "");
}

static void test_same_word_set(void) {
    const char *a = "Graphic Design Course Online", *b = "Online Graphic Design Course";
    CHECK(pith_title_same_word_set(a, strlen(a), b, strlen(b)));
    a = "Terminix Discounts, Coupons & Promo Codes", b = "Terminix discounts, coupons, and promo codes";
    CHECK(pith_title_same_word_set(a, strlen(a), b, strlen(b)));
    a = "Human Resources Services", b = "Human Resources";
    CHECK(!pith_title_same_word_set(a, strlen(a), b, strlen(b)));
    a = "and the", b = "of a";
    CHECK(!pith_title_same_word_set(a, strlen(a), b, strlen(b)));
}


/* UTF-8 read once more as Latin-1: put back; real Latin-1 text, text with
 * characters beyond U+00FF and bytes that do not make UTF-8 stay. */
static const char *unmangle(const char *t) {
    static char buf[256];
    size_t n = pith_title_unmangle(t, strlen(t), buf);
    if (!n) return "(as is)";
    buf[n] = 0;
    return buf;
}

static void test_unmangle(void) {
    CHECK_STR_EQ(unmangle("A DIY Investor\xc3\xa2\xc2\x80\xc2\x99s Guide"), "A DIY Investor\xe2\x80\x99s Guide");
    CHECK_STR_EQ(unmangle("Sleep | JOHNSON\xc3\xa2\xc2\x80\xc2\x99S\xc3\x82\xc2\xae"), "Sleep | JOHNSON\xe2\x80\x99S\xc2\xae");
    CHECK_STR_EQ(unmangle("Caf\xc3\xa9 cr\xc3\xa8me"), "(as is)");                 /* Latin-1 letters, no control */
    CHECK_STR_EQ(unmangle("itertools \xe2\x80\x94 x \xc2\x80"), "(as is)");        /* U+2014 was decoded right */
    CHECK_STR_EQ(unmangle("Price \xc2\x80 5"), "(as is)");                          /* a lone 0x80 is no UTF-8 */
    CHECK_STR_EQ(unmangle("Plain title"), "(as is)");
    CHECK(pith_title_words("Top 10: Best Apps (tested)", 25) == 5);
}

int main(void) {
    RUN(test_host_tail);
    RUN(test_parts);
    RUN(test_first_part);
    RUN(test_names);
    RUN(test_pipe_head);
    RUN(test_cut_tail);
    RUN(test_same_word_set);
    RUN(test_unmangle);
    RUN(test_strip_known_site);
    RUN(test_strip_decorations);
    RUN(test_strip_unknown_site);
    RUN(test_match);
    RUN(test_host);
    RUN(test_lang);
    RUN(test_detect);
    return test_summary("meta_title");
}
