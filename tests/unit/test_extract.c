/* Unit tests: the article extractor - rules, selection and the whole
 * pipeline through the public API on small hand-written pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/class_signals.h"
#include "extract/rules.h"
#include "util/buf.h"
#include "pith.h"
#include "test.h"

static char *extract_text(const char *html, pith_result **keep, const pith_options *o) {
    pith_result *r = NULL;
    if (pith_extract(html, strlen(html), o, &r) != PITH_OK) return NULL;
    char *text = NULL;
    pith_result_render(r, PITH_FORMAT_TEXT, &text, NULL);
    if (keep) *keep = r;
    else pith_result_free(r);
    return text;
}



static void test_page(void) {
    static const char page[] =
        "<html lang=en><head><title>Ferry library opens | The Courier</title>"
        "<meta property='og:site_name' content='The Courier'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<div class='share-buttons'><a href='/s'>Share</a> <a href='/t'>Tweet</a></div>"
        "<article><h1>Ferry library opens</h1><p class=byline>By Mara Quill</p>"
        "<div class='article-body'><p>A decommissioned car ferry has become the first public library in the town "
        "for thirty years, after volunteers spent two winters fitting it with shelves.</p></div>"
        "<aside class='related-stories'><ul><li><a href='/a'>Island school gets a new roof</a></li>"
        "<li><a href='/b'>Ferry timetable changes</a></li></ul></aside>"
        "<div class='article-body'><p>Borrowers can return books at any of the town's four post boxes, and the crew "
        "will collect them each morning before the ferry sails.</p></div></article>"
        "<section class='comments'><div class='comment'><span class='author'>gull</span>"
        "<p>Wonderful idea, we will visit in June with the whole family.</p></div></section>"
        "<div class='cookie-banner'><p>We use cookies to improve your experience on this site.</p></div>"
        "<footer><p>Copyright 2026 The Courier. All rights reserved.</p></footer></body></html>";
    pith_options o;
    pith_options_init(&o);
    o.comments = true;
    pith_result *r = NULL;
    char *text = extract_text(page, &r, &o);
    CHECK(text != NULL);
    if (!text) return;
    CHECK(pith_result_found(r));
    const char *first = strstr(text, "decommissioned car ferry");
    const char *second = strstr(text, "Borrowers can return");
    CHECK(first && second && first < second); /* split article, whole and in order */
    CHECK(!strstr(text, "Home"));
    CHECK(!strstr(text, "Share"));
    CHECK(!strstr(text, "Island school"));
    CHECK(!strstr(text, "Wonderful idea"));
    CHECK(!strstr(text, "cookies"));
    CHECK(!strstr(text, "Copyright"));
    CHECK(!strstr(text, "Ferry library opens")); /* the headline is metadata */
    const pith_metadata *m = pith_result_metadata(r);
    CHECK_STR_EQ(m->title, "Ferry library opens");
    CHECK(m->authors.count == 1 && strcmp(m->authors.items[0], "Mara Quill") == 0);
    CHECK_STR_EQ(m->site_name, "The Courier");
    CHECK_STR_EQ(m->language, "en");
    CHECK(pith_result_comment_count(r) == 1);
    const pith_comment *c = pith_result_comment(r, 0);
    CHECK(c && c->author && strcmp(c->author, "gull") == 0);
    CHECK(c && c->text && strstr(c->text, "Wonderful idea"));
    pith_free(text);
    pith_result_free(r);
}

static void test_no_article(void) {
    pith_result *r = NULL;
    CHECK(pith_extract("", 0, NULL, &r) == PITH_OK);
    CHECK(r && !pith_result_found(r));
    CHECK(r && pith_result_reason(r) != NULL);
    char *json = NULL;
    CHECK(pith_result_render(r, PITH_FORMAT_JSON, &json, NULL) == PITH_OK);
    CHECK(json && json[0] == '{');
    pith_free(json);
    pith_result_free(r);
}

/* Class words name page regions; a phrase inside a sentence and a "menu"
 * that links nowhere are not regions (MathJax tags every formula with
 * class "CtxtMenu_Attached_0"). A real menu still goes. */
static void test_hint_limits(void) {
    static const char page[] =
        "<body><div class='main-menu'><a href='/'>Home</a> <a href='/world'>World news</a></div>"
        "<article><p>The volunteers counted <span class='share-count'>four hundred</span> seabirds on the "
        "island this spring, twice as many as last year, and the ferry now stops there weekly.</p>"
        "<div class='CtxtMenu_Attached_0'>E = mc squared, written out for the readers of this page</div>"
        "<p>The count is repeated every April by the same group of islanders and visiting students, who "
        "share the work of walking the cliffs.</p></article></body>";
    char *text = extract_text(page, NULL, NULL);
    CHECK(text != NULL);
    if (!text) return;
    CHECK(strstr(text, "counted four hundred seabirds"));
    CHECK(strstr(text, "E = mc squared"));
    CHECK(!strstr(text, "World news"));
    pith_free(text);
}

/* A class token "has-X" / "no-X" says what the element holds or lacks, not
 * what it is: WordPress marks a post with comments "has-comments", which is
 * no comment thread. Other tokens of the value still count. */
static void test_has_class_words(void) {
    CHECK(rules_class_hints("has-comments", 12, NULL) == 0);
    CHECK(rules_class_hints("no_sidebar has-tags", 19, NULL) == 0);
    CHECK(rules_class_hints("has-comments comments", 21, NULL) & HINT_COMMENT);
    CHECK(rules_class_hints("comment-has-reply", 17, NULL) & HINT_COMMENT);
    static const char page[] =
        "<body><nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav>"
        "<article class='BlogItem hentry category-tips has-categories has-tags has-comments'>"
        "<h1>Five tips for landscape composition</h1><p>A recurring theme in my workshops is composition: is a "
        "scene well composed, and what would make it stronger? Our cameras meter a scene for us, but they "
        "cannot choose where to stand.</p><p>Look for a foreground that leads the eye into the frame, and walk "
        "around before you set up the tripod; the best view is rarely where you first stopped.</p></article>"
        "<footer>All rights reserved</footer></body>";
    char *text = extract_text(page, NULL, NULL);
    CHECK(text && strstr(text, "A recurring theme in my workshops"));
    CHECK(text && strstr(text, "the best view is rarely"));
    pith_free(text);
}

/* A consent manager mounted on the body, outside the page's <main>, is
 * boilerplate even when its purpose texts outweigh the page's own prose
 * (a page of links): before, the rules took the dialog as the article. */
static void test_consent_dialog_outside_main(void) {
    static const char page[] =
        "<body><header><a href='/'>Recipes</a></header><main><h1>Dinner Recipes</h1>"
        "<p>What's for dinner? Popular five-star recipes.</p><ul>"
        "<li><a href='/a'>Sheet Pan Dinners</a></li><li><a href='/b'>Slow Cooker Main Dishes</a></li>"
        "<li><a href='/c'>Vegetarian Main Dishes</a></li><li><a href='/d'>Healthy Main Dishes</a></li></ul></main>"
        "<div id='onetrust-consent-sdk' class='consent-banner'><h2>Your Privacy</h2>"
        "<p>We and our partners store and access information on a device, such as cookies, and process personal "
        "data, such as unique identifiers and standard information sent by a device, for personalised "
        "advertising and content, advertising and content measurement, and audience research.</p>"
        "<p>Strictly necessary cookies are needed for the website to function and cannot be switched off in our "
        "systems. They are usually only set in response to actions made by you which amount to a request for "
        "services, such as setting your privacy preferences, logging in or filling in forms.</p>"
        "<p>Performance cookies allow us to count visits and traffic sources so we can measure and improve the "
        "performance of our site. They help us to know which pages are the most and least popular.</p></div>"
        "</body>";
    char *text = extract_text(page, NULL, NULL);
    CHECK(text && strstr(text, "Dinner Recipes"));
    CHECK(text && !strstr(text, "Strictly necessary cookies"));
    CHECK(text && !strstr(text, "Your Privacy"));
    pith_free(text);
}

/* A health-information article: each section's paragraphs sit five
 * levels below the column (a CSS-in-JS layout), and the column also holds
 * a long reference list, as deep, and link-heavy "learn more" boxes. The
 * reference list is the densest spot, too deep for the sections to join it
 * as siblings; on an article the core moves up to the whole
 * column even though its lists and links bring its prose density down to
 * ~0.4. */
static void test_article_column_with_references(void) {
    static const char *const topics[] = {"sleep", "anxiety", "blood pressure", "pain", "smoking", "attention"};
    pith_buf b;
    pith_buf_init(&b, NULL, 0);
    pith_buf_puts(&b, "<html><head><title>Meditation: Effectiveness and Safety</title><meta property='og:type' "
                      "content='article'><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":"
                      "\"Meditation: Effectiveness and Safety\",\"datePublished\":\"2024-06-01\"}</script></head>"
                      "<body><nav><a "
                      "href='/'>Home</a> <a href='/health'>Health topics</a></nav><main><h1>Meditation: "
                      "Effectiveness and Safety</h1><p class='byline'>By Ann Health, June 1, 2024</p><div "
                      "class='row'><div class='col'>");
    for (int i = 0; i < 6; i++) {
        pith_buf_printf(&b,
                        "<div><div class='row'><div class='col'><div class='css-g8r7kc'><div class='css-1w7tu5a'>"
                        "<h2>Does meditation help with %s?</h2><p>Several studies of meditation for %s found small "
                        "benefits in adults who practised for eight weeks or more, compared with people who were "
                        "put on a waiting list, but the studies were small and the results varied between them, "
                        "so more research is needed before firm conclusions can be drawn about %s.</p></div></div>"
                        "</div></div></div>",
                        topics[i], topics[i], topics[i]);
        pith_buf_printf(&b,
                        "<div class='learn-more'><a href='/a%d'>Learn more about %s and complementary health "
                        "approaches</a> <a href='/b%d'>Research results on %s</a> <a href='/c%d'>Clinical trials "
                        "on %s</a></div>",
                        i, topics[i], i, topics[i], i, topics[i]);
    }
    pith_buf_puts(&b, "<div><div class='css-a'><div class='css-b'><div class='css-c'><div class='css-d'><div "
                      "class='css-e'><div class='refs'><h2>References</h2><ul>");
    for (int i = 0; i < 18; i++)
        pith_buf_printf(&b,
                        "<li>Author%c A, Writer B, Scholar C, et al. Mind-body therapies for adults: a systematic "
                        "review and meta-analysis, part %d. Journal of Health Research. 20%02d;%d(3):87-94.</li>",
                        'A' + i, i + 1, 10 + i, 20 + i);
    pith_buf_puts(&b, "</ul></div></div></div></div></div></div></div></div></div></main><footer>Health information agency</footer></body></html>");
    char *text = extract_text(b.data, NULL, NULL);
    CHECK(text && strstr(text, "Does meditation help with sleep?"));
    CHECK(text && strstr(text, "more research is needed before firm conclusions can be drawn about attention"));
    CHECK(text && strstr(text, "Mind-body therapies for adults"));
    pith_free(text);
    pith_buf_free(&b);
}

/* The tag-manager snippet written self-closed, <noscript><iframe ... />
 * </noscript>, leaves the iframe open in a scripting-off parse; its raw
 * text would run to the end of the page and the page would come out empty.
 * Extraction's parse ends it at </noscript> (parser.h noscript_bounded). */
static void test_noscript_iframe_snippet(void) {
    static const char page[] =
        "<html><head><title>Render</title></head><body><noscript><iframe src=\"https://tags.example/ns.html\" "
        "height=\"0\" width=\"0\" style=\"display: none; visibility: hidden;\" /></noscript>"
        "<main><h1>Your fastest path to production</h1><p>Intuitive infrastructure to scale any app from your "
        "first user to your billionth, with zero downtime deploys and managed databases.</p>"
        "<p>Build, deploy and scale web services, static sites, cron jobs and background workers, all on one "
        "platform that grows with your team.</p></main></body></html>";
    char *text = extract_text(page, NULL, NULL);
    CHECK(text && strstr(text, "Intuitive infrastructure to scale any app"));
    CHECK(text && strstr(text, "background workers"));
    CHECK(text && !strstr(text, "</main>"));
    pith_free(text);
}

/* A modal the page declares (aria-modal=true) outside its <main> is
 * boilerplate at any depth and size: a footer link's privacy policy. */
static void test_declared_modal_outside_main(void) {
    static const char policy[] =
        "<p>We collect the information you give us when you create an account, place an order, sign up for "
        "emails or contact customer service, and the information your browser sends when you visit.</p>"
        "<p>We use it to fulfil orders, to improve our products and services, to personalise your experience, "
        "to communicate with you, and to protect our customers and our business from fraud and abuse.</p>"
        "<p>We share it with service providers who process payments, deliver orders and host our systems, and "
        "with authorities when the law requires; we never sell it for money to anyone at all.</p>";
    char page[4096];
    snprintf(page, sizeof page,
             "<body><main><h1>Men's Shoes</h1><p>Comfortable shoes made from natural materials.</p><ul>"
             "<li><a href='/a'>Tree Runner</a> $98</li><li><a href='/b'>Wool Runner</a> $98</li>"
             "<li><a href='/c'>Tree Dasher</a> $135</li></ul></main><footer><div class='links'>"
             "<a href='#'>Privacy policy</a><div id='modal-privacy-policy' role='dialog' aria-modal='true'>"
             "<div><div>%s</div></div></div></div></footer></body>",
             policy);
    char *text = extract_text(page, NULL, NULL);
    CHECK(text && strstr(text, "Men's Shoes"));
    CHECK(text && !strstr(text, "we never sell it"));
    pith_free(text);
    /* role=dialog alone declares one too. */
    snprintf(page, sizeof page,
             "<body><main><h1>Men's Shoes</h1><p>Comfortable shoes made from natural materials.</p><ul>"
             "<li><a href='/a'>Tree Runner</a> $98</li><li><a href='/b'>Wool Runner</a> $98</li></ul></main>"
             "<footer><section><div role='dialog'><div>%s</div></div></section></footer></body>",
             policy);
    text = extract_text(page, NULL, NULL);
    CHECK(text && strstr(text, "Men's Shoes"));
    CHECK(text && !strstr(text, "we never sell it"));
    pith_free(text);
}

/* An inline style hides an element when, its spaces, tabs and line
 * feeds dropped and its letters lowercased, it says display:none or
 * visibility:hidden (rules.c reads only around each ':'). */
static void test_hidden_styles(void) {
    static const char intro[] =
        "<h1>Trail Pack</h1><p>A light day pack with room for a jacket, water and lunch, and pockets for the "
        "small things you want within reach on the trail, made from recycled ripstop nylon.</p>";
    static const char details[] =
        "<p>The shoulder straps are padded with foam and covered in air mesh, and the back panel keeps air "
        "moving between the pack and your back on warm climbs.</p>";
    static const struct {
        const char *style;
        bool hides;
    } cases[] = {
        {"display:none", true},
        {"DISPLAY : NONE", true},
        {"color:red;\n display :\tnone !important", true},
        {"dis play:no ne", true},
        {"margin:0;visibility: Hidden", true},
        {"display:block", false},
        {"display:", false},
        {":none", false},
        {"visibility:visible;content:'none'", false},
        {"display;none", false},
    };
    char page[4096];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(page, sizeof page, "<body><main>%s<div><h2>Features</h2><div style=\"%s\">%s</div></div></main></body>",
                 intro, cases[i].style, details);
        char *text = extract_text(page, NULL, NULL);
        CHECK(text && strstr(text, "light day pack"));
        CHECK(text && (strstr(text, "shoulder straps are padded") != NULL) == !cases[i].hides);
        pith_free(text);
    }
}

/* A folded panel the markup hides (a tab panel, an accordion or
 * collapsible section, an expander's "Read more", hidden=until-found) is the page's text that a click
 * shows; a hidden menu, a hidden dialog or any other hidden element is
 * not. */
static void test_hidden_panels(void) {
    static const char intro[] =
        "<h1>Trail Pack</h1><p>A light day pack with room for a jacket, water and lunch, and pockets for the "
        "small things you want within reach on the trail, made from recycled ripstop nylon.</p>";
    static const char *const panels[] = {
        "<div role='tabpanel' hidden>%s</div>",
        "<div role='region' aria-labelledby='b1' aria-hidden='true'>%s</div>",
        "<div class='accordion__content' style='display:none'>%s</div>",
        "<div class='chakra-collapse' style='overflow:hidden;display:none'>%s</div>",
        "<div class='product-collapsible' aria-hidden='true'>%s</div>",
        "<div hidden='until-found'>%s</div>",
        "<div class='tab-pane' style='display: none'>%s</div>",
        "<div class='faq__answer' aria-hidden='true'>%s</div>",
        "<div class='text-expander__more' style='display:none'>%s</div>",
    };
    static const char details[] =
        "<p>The shoulder straps are padded with foam and covered in air mesh, and the back panel keeps air "
        "moving between the pack and your back on warm climbs.</p>";
    char panel[1024], page[4096];
    for (size_t i = 0; i < sizeof panels / sizeof panels[0]; i++) {
        snprintf(panel, sizeof panel, panels[i], details);
        snprintf(page, sizeof page, "<body><main>%s<div><h2>Features</h2>%s</div></main></body>", intro, panel);
        char *text = extract_text(page, NULL, NULL);
        CHECK(text && strstr(text, "light day pack"));
        CHECK(text && strstr(text, "shoulder straps are padded"));
        pith_free(text);
    }
    static const char *const hidden[] = {
        "<div hidden>%s</div>",
        "<div aria-hidden='true'>%s</div>",
        "<div class='navbar-collapse' style='display:none'>%s</div>",
        "<div role='dialog' class='accordion' hidden>%s</div>",
    };
    for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
        snprintf(panel, sizeof panel, hidden[i], details);
        snprintf(page, sizeof page, "<body><main>%s<div><h2>Features</h2>%s</div></main></body>", intro, panel);
        char *text = extract_text(page, NULL, NULL);
        CHECK(text && strstr(text, "light day pack"));
        CHECK(text && !strstr(text, "shoulder straps are padded"));
        pith_free(text);
    }
}

/* A drawer or dialog named for the product's details ("product-details-
 * modal") holds the page's own text, not a consent prompt; and a "navbar"
 * whose text is mostly not links (a sticky buy box with the description)
 * is no navigation. Both were named boilerplate, and their prose lost. */
static void test_named_panels_with_prose(void) {
    static const char *const boxes[] = {
        "<div class='product-details-modal'><p>%s</p></div>",
        "<div class='offer-holder sticky-navbar'><a href='/cart'>Add to cart</a><p>%s</p></div>",
    };
    static const char prose[] =
        "The frame is solid oak finished with a clear lacquer, and every joint is glued and pinned by hand";
    char box[512], page[4096];
    for (size_t i = 0; i < sizeof boxes / sizeof boxes[0]; i++) {
        snprintf(box, sizeof box, boxes[i], prose);
        snprintf(page, sizeof page,
                 "<body><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav><main><h1>Oak bench</h1>"
                 "<p>A long bench for a hallway or a dining table, seating three adults, with a shelf below for shoes "
                 "and baskets. It arrives assembled, wrapped in recycled cardboard.</p>%s"
                 "<p>Wipe with a damp cloth; keep it out of direct sun so the oak darkens evenly over the years, as "
                 "solid wood does, and oil the top once a year.</p></main>"
                 "<footer><a href='/privacy'>Privacy</a></footer></body>", box);
        char *text = extract_text(page, NULL, NULL);
        CHECK(text && strstr(text, "long bench for a hallway"));
        CHECK(text && strstr(text, "every joint is glued"));
        if (text && !strstr(text, "every joint is glued")) fprintf(stderr, "text:\n%s\n", text);
        pith_free(text);
    }
    /* A real menu stays navigation, and a real modal a modal. */
    static const char menu[] =
        "<body><main><h1>Oak bench</h1><p>A long bench for a hallway or a dining table, seating three adults, with "
        "a shelf below for shoes and baskets. It arrives assembled, wrapped in recycled cardboard.</p>"
        "<div class='sticky-navbar'><a href='/a'>Benches and stools</a> <a href='/b'>Tables</a> "
        "<a href='/c'>Chairs and seating</a> or browse</div>"
        "<div class='signup-modal'><p>Join our list for ten percent off your first order and early sales</p></div>"
        "<p>Wipe with a damp cloth; keep it out of direct sun so the oak darkens evenly over the years, as solid "
        "wood does, and oil the top once a year.</p></main></body>";
    char *text = extract_text(menu, NULL, NULL);
    CHECK(text && strstr(text, "long bench for a hallway"));
    CHECK(text && !strstr(text, "Benches and stools"));
    CHECK(text && !strstr(text, "ten percent off"));
    pith_free(text);
}

/* A shop's "unique selling points" bar (free shipping, easy returns) is
 * promotion, on every page of the shop; "usp" inside a longer word is not. */
static void test_usp_bar(void) {
    CHECK(rules_class_hints("usp-list mt-4", 13, NULL) & HINT_RELATED);
    CHECK(rules_class_hints("header-usps", 11, NULL) & HINT_RELATED);
    CHECK(!(rules_class_hints("cusp", 4, NULL) & HINT_RELATED));
}

static void test_extractor_reuse(void) {
    pith_extractor *ex = NULL;
    CHECK(pith_extractor_new(NULL, &ex) == PITH_OK);
    static const char a[] = "<p>The first page has a paragraph of prose that is long enough to count as an article.</p>";
    static const char b[] = "<p>The second page says something else entirely, in a paragraph of its own, at length.</p>";
    for (int i = 0; i < 100; i++) {
        const pith_result *r = NULL;
        const char *page = i % 2 ? b : a;
        CHECK(pith_extractor_run(ex, page, strlen(page), NULL, NULL, &r) == PITH_OK);
        char *text = NULL;
        CHECK(r && pith_result_render(r, PITH_FORMAT_TEXT, &text, NULL) == PITH_OK);
        CHECK(text && strstr(text, i % 2 ? "second page" : "first page"));
        pith_free(text);
    }
    pith_extractor_free(ex);
}

/* A page whose lines end in CR LF (or lone CR) is parsed where it lies,
 * CRs and all: its JSON equals that of the same page with LF line ends,
 * from a buffer that is freed before rendering (nothing points into it). */
static char *json_of(const char *page, size_t len) {
    char *copy = malloc(len);
    memcpy(copy, page, len);
    pith_result *r = NULL;
    char *json = NULL;
    if (pith_extract(copy, len, NULL, &r) == PITH_OK) {
        memset(copy, 'x', len);
        free(copy);
        copy = NULL;
        pith_result_render(r, PITH_FORMAT_JSON, &json, NULL);
        pith_result_free(r);
    }
    free(copy);
    return json;
}

static void test_crlf_page(void) {
    static const char lf[] =
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<title>Tide tables\nfor the harbour</title>\n"
        "<meta name=\"description\" content=\"When the\nwater\nturns\">\n</head>\n<body>\n<article>\n"
        "<h1 class=\"headline\nbig\">Tide tables for the harbour</h1>\n<p class=byline>By Ada\nMoss</p>\n"
        "<p>The harbour master publishes the tide tables\nevery Monday, and the fishing fleet plans its week\n"
        "around them.</p>\n<pre>\nHigh  06:12\nLow   12:30\n</pre>\n<p>Spring tides come twice a month,\n"
        "at new and full moon, when the range is widest.</p>\n<script>var a = 1;\nvar b = 2;\n</script>\n"
        "<!-- a\ncomment -->\n<textarea>\nnotes\n</textarea>\n</article>\n</body>\n</html>\n";
    size_t n = strlen(lf);
    char crlf[2 * sizeof lf], cr[sizeof lf];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (lf[i] == '\n') crlf[m++] = '\r';
        crlf[m++] = lf[i];
        cr[i] = lf[i] == '\n' ? '\r' : lf[i];
    }
    char *want = json_of(lf, n), *got_crlf = json_of(crlf, m), *got_cr = json_of(cr, n);
    CHECK(want && strstr(want, "fishing fleet"));
    CHECK(want && got_crlf && strcmp(want, got_crlf) == 0);
    CHECK(want && got_cr && strcmp(want, got_cr) == 0);
    pith_free(want);
    pith_free(got_crlf);
    pith_free(got_cr);
}

static void test_errors(void) {
    pith_result *r = NULL;
    CHECK(pith_extract(NULL, 5, NULL, &r) == PITH_E_INVALID);
    CHECK(pith_extract("x", 1, NULL, NULL) == PITH_E_INVALID);
    pith_options o;
    pith_options_init(&o);
    o.transport_encoding = "no-such-charset";
    CHECK(pith_extract("<p>x", 4, &o, &r) == PITH_E_ENCODING);
    pith_options_init(&o);
    o.limits.max_input_bytes = 2;
    CHECK(pith_extract("<p>x", 4, &o, &r) == PITH_E_LIMIT);
    /* Per-element counts are 32-bit: a page over 4 GiB is refused even
     * with no input limit, before a byte of it is read (the buffer here
     * is far shorter than the length given). */
#if SIZE_MAX > UINT32_MAX
    o.limits.max_input_bytes = 0;
    CHECK(pith_extract("<p>x", (size_t)UINT32_MAX + 1, &o, &r) == PITH_E_LIMIT);
    pith_extractor *ex = NULL;
    const pith_result *cr = NULL;
    CHECK(pith_extractor_new(&o, &ex) == PITH_OK);
    CHECK(pith_extractor_run(ex, "<p>x", (size_t)UINT32_MAX + 1, NULL, NULL, &cr) == PITH_E_LIMIT && !cr);
    CHECK(pith_extractor_run(ex, "<p>x", 4, NULL, NULL, &cr) == PITH_OK && cr);
    pith_extractor_free(ex);
#endif
    pith_format f;
    CHECK(pith_format_from_name("markdown", &f) && f == PITH_FORMAT_MARKDOWN);
    CHECK(!pith_format_from_name("pdf", &f));
}

/* An article whose <title> is its headline <h1> and a long site name, with
 * a second <h1> (the blog's name): the headline is the title (issue 11). */
static void test_title_head_part_h1(void) {
    const char *page =
        "<html><head><title>Why the river turned green - The Valley Water Works Company</title></head><body>"
        "<header><h1>The Valley Blog</h1></header><article><h1>Why the river turned green</h1>"
        "<p class='byline'>By Mara Quill, March 3, 2026</p>"
        "<p>The river that runs through the old mill town turned a bright green on Tuesday morning, and the "
        "people who live along its banks came out in numbers to look at the water and take pictures of it.</p>"
        "<p>Engineers from the water works said the colour came from a harmless dye used to trace leaks in "
        "the pipes under the town, and that it would fade within a day or two as the current carried it off.</p>"
        "<p>The works apologised for not warning residents first, and promised to announce the next test "
        "a week ahead in the local paper and on the notice boards outside the town hall and the library.</p>"
        "</article></body></html>";
    pith_options o;
    pith_options_init(&o);
    pith_result *r = NULL;
    char *text = extract_text(page, &r, &o);
    CHECK(text != NULL);
    if (!text) return;
    const pith_metadata *m = pith_result_metadata(r);
    CHECK_STR_EQ(m->title, "Why the river turned green");
    pith_free(text);
    pith_result_free(r);
}

int main(void) {
    RUN(test_page);
    RUN(test_title_head_part_h1);
    RUN(test_no_article);
    RUN(test_hint_limits);
    RUN(test_has_class_words);
    RUN(test_consent_dialog_outside_main);
    RUN(test_declared_modal_outside_main);
    RUN(test_noscript_iframe_snippet);
    RUN(test_article_column_with_references);
    RUN(test_named_panels_with_prose);
    RUN(test_usp_bar);
    RUN(test_hidden_panels);
    RUN(test_hidden_styles);
    RUN(test_extractor_reuse);
    RUN(test_errors);
    RUN(test_crlf_page);
    return test_summary("extract");
}
