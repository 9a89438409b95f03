/* test_product.c - pith_product from JSON-LD and microdata (meta_product.c)
 * through the parser and the metadata stage, every field checked; odd
 * shapes, malformed values and hostile sizes; and the thin product page
 * whose body comes from its JSON-LD description, through pith_extract().
 * Needs the real tree builder (exit 77 with the stub). */
#include <stdlib.h>
#include <string.h>

#include "dom/dom.h"
#include "encoding/encoding.h"
#include "extract/meta_product.h"
#include "extract/metadata.h"
#include "html/parser.h"
#include "pith.h"
#include "test.h"

static pith_arena arena;

static bool parse(const char *html, pith_dom *dom) {
    pith_arena_reset(&arena);
    char *text;
    size_t len;
    pith_decode_info info;
    if (!pith_decode_html(&arena, html, strlen(html), NULL, 0, &text, &len, &info)) return false;
    if (!pith_dom_init(dom, &arena, PITH_NODE_DOCUMENT, text, len)) return false;
    pith_tree_opts opts = {.max_depth = 512, .keep_comments = false};
    return pith_html_parse(dom, &opts);
}

static bool parser_works(void) {
    pith_dom dom;
    if (!parse("<p>x", &dom)) return false;
    for (pith_node *n = dom.root; n; n = pith_dom_next(dom.root, n, false))
        if (n->type == PITH_NODE_ELEMENT && n->tag == PITH_TAG_BODY) return true;
    return false;
}

static meta_hints hints;

static const pith_product *product_of(const char *html) {
    pith_dom dom;
    static pith_metadata m;
    memset(&m, 0, sizeof m);
    CHECK(parse(html, &dom));
    CHECK(pith_metadata_extract(&dom, NULL, 0, NULL, &arena, NULL, &m, &hints));
    return m.product;
}

static const char *s(const char *v) { return v ? v : "(none)"; }

/* The seven fields joined with "|", "-" for an absent one. */
static const char *fields(const pith_product *p) {
    static char buf[4096];
    if (!p) return "null";
    const char *f[] = {p->name, p->brand, p->sku, p->price, p->currency, p->availability, p->rating};
    buf[0] = 0;
    for (size_t i = 0; i < 7; i++) {
        if (i) strcat(buf, "|");
        strncat(buf, f[i] ? f[i] : "-", 500);
    }
    return buf;
}

#define LD(json) "<html><head><script type=\"application/ld+json\">" json "</script></head><body><p>x</p></body></html>"

static void test_jsonld_shapes(void) {
    /* A plain Product: brand as a string, one Offer, numbers as written. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Trail "
                                      "Shoe\",\"brand\":\"Acme\",\"sku\":\"TS-1\",\"offers\":{\"@type\":\"Offer\","
                                      "\"price\":89.5,\"priceCurrency\":\"USD\",\"availability\":"
                                      "\"https://schema.org/InStock\"},\"aggregateRating\":{\"@type\":"
                                      "\"AggregateRating\",\"ratingValue\":\"4.6\",\"reviewCount\":12}}"))),
                 "Trail Shoe|Acme|TS-1|89.5|USD|InStock|4.6");
    CHECK(hints.product_description.ptr == NULL);
    /* Inside @graph, brand an object, offers an array (the first priced one), a SKU number. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Shop\"},{\"@type\":[\"Product\","
                                      "\"Thing\"],\"name\":\"Kettle\",\"brand\":{\"@type\":\"Brand\",\"name\":"
                                      "\"Boil&amp;Co\"},\"sku\":12345,\"description\":\"A kettle.\",\"offers\":[{"
                                      "\"@type\":\"Offer\",\"priceCurrency\":\"EUR\"},{\"@type\":\"Offer\",\"price\":"
                                      "\"39.00\",\"availability\":\"http://schema.org/OutOfStock\"}]}]}"))),
                 "Kettle|Boil&Co|12345|39.00|EUR|OutOfStock|-");
    CHECK_STR_EQ(hints.product_description.ptr, "A kettle.");
    /* An ItemPage's mainEntity; an AggregateOffer's lowPrice; brand by @id reference. */
    CHECK_STR_EQ(fields(product_of(LD("[{\"@type\":\"Organization\",\"@id\":\"#b\",\"name\":\"Brandy\"},{\"@type\":"
                                      "\"ItemPage\",\"mainEntity\":{\"@type\":\"Product\",\"name\":\"Lamp\",\"brand\":{"
                                      "\"@id\":\"#b\"},\"offers\":{\"@type\":\"AggregateOffer\",\"lowPrice\":\"12.50\","
                                      "\"highPrice\":\"30\",\"priceCurrency\":\"GBP\",\"availability\":\"schema:"
                                      "PreOrder\"}}}]"))),
                 "Lamp|Brandy|-|12.50|GBP|PreOrder|-");
    /* A ProductGroup: its variants hold the offer and the SKU; the group names it. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"ProductGroup\",\"name\":\"Cream\",\"hasVariant\":[{\"@type\":"
                                      "\"Product\",\"name\":\"Cream 50 ml\",\"sku\":\"C50\",\"offers\":{\"price\":"
                                      "\"195.0\",\"priceCurrency\":\"USD\",\"availability\":\"InStock\"}}]}"))),
                 "Cream|-|C50|195.0|USD|InStock|-");
    /* A price in a priceSpecification; availability written loosely. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"Product\",\"name\":\"Desk\",\"offers\":{\"@type\":\"Offer\","
                                      "\"priceSpecification\":{\"price\":599,\"priceCurrency\":\"USD\"},"
                                      "\"availability\":\"out of stock\"}}"))),
                 "Desk|-|-|599|USD|OutOfStock|-");
    /* Binary float noise in a JSON number, a capitalised Offers key. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"Product\",\"name\":\"Interface\",\"Offers\":[{\"price\":"
                                      "299.99000000000001,\"priceCurrency\":\"USD\"}],\"aggregateRating\":{"
                                      "\"ratingValue\":4.6999999999999993}}"))),
                 "Interface|-|-|299.99|USD|-|4.7");
    /* An ItemList of products is a category page: no product. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"ItemList\",\"itemListElement\":[{\"@type\":\"ListItem\","
                                      "\"item\":{\"@type\":\"Product\",\"name\":\"A\"}}]}"))),
                 "null");
    /* Articles and other types: no product. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"name\":\"N\"}"))), "null");
    CHECK_STR_EQ(fields(product_of("<html><body><p>No data at all.</p></body></html>")), "null");
}

static void test_jsonld_malformed(void) {
    /* Values of the wrong kind or shape are absent, not wrong. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"Product\",\"name\":\"Odd\",\"brand\":[{\"name\":7}],\"sku\":"
                                      "true,\"offers\":{\"price\":\"call us\",\"priceCurrency\":\"US DOLLARS\","
                                      "\"availability\":{\"x\":1}},\"aggregateRating\":{\"ratingValue\":\"4.5 of "
                                      "5 stars\"}}"))),
                 "Odd|-|-|-|-|-|-");
    /* A product with nothing usable is no product. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"Product\",\"name\":\"  \",\"offers\":null}"))), "null");
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"Product\",\"name\":\"Broken\",\"offers\":{\"price\":"))), "null");
    /* Prices as pages write them: a currency sign, thousands separators. */
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":\"Product\",\"name\":\"P\",\"offers\":{\"price\":\"$1,299.00\"}}"))),
                 "P|-|-|1,299.00|-|-|-");
    /* Trailing commas and a CDATA wrapper are forgiven (the JSON-LD reader's). */
    CHECK_STR_EQ(fields(product_of(LD("<![CDATA[{\"@type\":\"Product\",\"name\":\"C\",\"sku\":\"S\",}]]>"))),
                 "C|-|S|-|-|-|-");
    /* An unknown availability value is kept as its last segment. */
    CHECK_STR_EQ(s(product_of(LD("{\"@type\":\"Product\",\"name\":\"A\",\"offers\":{\"availability\":"
                                 "\"https://example.com/stock/Backordered\"}}"))->availability),
                 "Backordered");
}

#define MD(body) "<html><body>" body "</body></html>"

static void test_microdata(void) {
    /* Properties of the product, its offer, rating and brand; the review's
     * name and rating are not the product's. */
    CHECK_STR_EQ(
        fields(product_of(MD(
            "<div itemscope itemtype=\"https://schema.org/Product\"><h1 itemprop=name>Desk  Lamp</h1>"
            "<div itemprop=brand itemscope itemtype=\"https://schema.org/Brand\"><span itemprop=name>Lumo</span></div>"
            "<meta itemprop=sku content=\"DL-9\">"
            "<div itemprop=review itemscope itemtype=\"https://schema.org/Review\"><span itemprop=name>Great</span>"
            "<div itemprop=reviewRating itemscope><span itemprop=ratingValue>1</span></div></div>"
            "<div itemprop=aggregateRating itemscope itemtype=\"https://schema.org/AggregateRating\">"
            "<span itemprop=ratingValue>4.2</span></div>"
            "<div itemprop=offers itemscope itemtype=\"https://schema.org/Offer\"><span itemprop=price "
            "content=\"24.90\">24,90 &euro;</span><meta itemprop=priceCurrency content=EUR>"
            "<link itemprop=availability href=\"https://schema.org/InStock\">In stock</div>"
            "<div itemprop=description><p>Bright.</p><p>Small.</p></div></div>"))),
        "Desk Lamp|Lumo|DL-9|24.90|EUR|InStock|4.2");
    CHECK(hints.product_description.ptr && strstr(hints.product_description.ptr, "Bright.") &&
          strstr(hints.product_description.ptr, "Small."));
    /* A brand item whose name is given as itemprop=brand; text values. */
    CHECK_STR_EQ(fields(product_of(MD("<section itemscope itemtype=http://schema.org/IndividualProduct>"
                                      "<span itemprop=name>Mic</span><div itemprop=brand itemscope><meta "
                                      "itemprop=brand content=Rode></div><span itemprop=price>$169</span>"
                                      "</section>"))),
                 "Mic|Rode|-|169|-|-|-");
    /* JSON-LD wins field by field; microdata fills the rest. */
    CHECK_STR_EQ(fields(product_of("<html><head><script type=application/ld+json>{\"@type\":\"Product\",\"name\":"
                                   "\"From LD\",\"sku\":\"LD1\"}</script></head><body><div itemscope itemtype="
                                   "https://schema.org/Product><span itemprop=name>From MD</span><span itemprop="
                                   "brand>MDBrand</span></div></body></html>")),
                 "From LD|MDBrand|LD1|-|-|-|-");
    /* Paywall markup names the publication a CreativeWork and Product: none sold. */
    CHECK_STR_EQ(fields(product_of(MD("<div itemscope itemtype=https://schema.org/NewsArticle><span itemprop=isPartOf "
                                      "itemscope itemtype=\"http://schema.org/CreativeWork%20http://schema.org/Product\">"
                                      "<meta itemprop=name content=\"The Daily\"></span></div>"))),
                 "null");
    CHECK_STR_EQ(fields(product_of(LD("{\"@type\":[\"CreativeWork\",\"Product\"],\"name\":\"The Daily\"}"))),
                 "null");
    /* Other itemtypes: no product. */
    CHECK_STR_EQ(fields(product_of(MD("<div itemscope itemtype=https://schema.org/Article><h1 itemprop=name>A</h1>"
                                      "</div>"))),
                 "null");
}

/* Repeats `unit` n times between a prefix and a suffix. */
static char *repeat(const char *pre, const char *unit, size_t n, const char *post) {
    size_t ul = strlen(unit), pl = strlen(pre);
    char *b = malloc(pl + ul * n + strlen(post) + 1);
    memcpy(b, pre, pl);
    for (size_t i = 0; i < n; i++) memcpy(b + pl + i * ul, unit, ul);
    strcpy(b + pl + ul * n, post);
    return b;
}

/* Hostile sizes: every case finishes fast (the ctest timeout catches a
 * quadratic path) and oversized values are absent, not kept. */
static void test_hostile(void) {
    char *html = repeat("<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\"", "x", 2000000,
                        "\",\"sku\":\"ok\"}</script>");
    const pith_product *p = product_of(html);
    CHECK(p && !p->name && p->sku && strcmp(p->sku, "ok") == 0);
    free(html);
    html = repeat("<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\"n\",\"offers\":[",
                  "{\"@type\":\"Offer\"},", 200000, "{\"price\":1}]}</script>");
    p = product_of(html);
    CHECK(p && p->name && !p->price); /* the offers looked at are bounded */
    free(html);
    html = repeat("<div itemscope itemtype=https://schema.org/Product>", "<div itemscope itemprop=offers>", 5000,
                  "<span itemprop=price>5</span>");
    p = product_of(html); /* an item nested past the scope stack gives no field */
    CHECK(p == NULL);
    free(html);
    html = repeat("<div itemscope itemtype=https://schema.org/Product><span itemprop=name>", "<b>word </b>", 200000,
                  "</span><meta itemprop=sku content=k>");
    p = product_of(html);
    CHECK(p && !p->name && p->sku);
    free(html);
    html = repeat("<body>", "<div itemscope itemtype=https://schema.org/Product><i itemprop=name>x</i></div>", 100000,
                  "");
    p = product_of(html);
    CHECK(p && p->name && strcmp(p->name, "x") == 0);
    free(html);
    html = repeat("<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\"n\",\"description\":\"",
                  "<p>x<", 400000, "\"}</script>");
    p = product_of(html);
    CHECK(p && hints.product_description.len <= META_PRODUCT_DESC_MAX);
    free(html);
}

/* The description's paragraphs: line breaks and HTML block tags split it,
 * inline tags go, a lone '<' stays. */
static void test_body(void) {
    pith_blocks_builder b;
    pith_arena_reset(&arena);
    pith_blocks_builder_init(&b, &arena, NULL);
    const char *d = "First line &amp; more.\n\n<p>Second <b>bold</b> one.</p><ul><li>Item 1</li><li>Item 2 < 3</li>"
                    "</ul>Last";
    pith_mstr name = {"Name", 4}, desc = {d, (uint32_t)strlen(d)};
    CHECK(meta_product_body(&name, &desc, &b, &arena));
    pith_block *root = pith_blocks_finish(&b);
    const char *want[] = {"Name", "First line & more.", "Second bold one.", "Item 1", "Item 2 < 3", "Last"};
    size_t k = 0;
    for (const pith_block *c = root ? root->first_child : NULL; c; c = c->next, k++)
        if (k < 6) CHECK_STR_EQ(c->text.ptr, want[k]);
    CHECK(k == 6);
    CHECK(root && root->first_child->type == PITH_BLOCK_HEADING);
    pith_blocks_builder_free(&b);
    CHECK(meta_product_words("Two words, 3 numbers 4 5", 24) == 6);
}

/* Through the library: a page that shows next to nothing gets its JSON-LD
 * description as the body; a page with its own text keeps it. */
static void test_extract(void) {
    const char *thin =
        "<html><head><title>Roaster</title><meta property=og:type content=product>"
        "<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\"Coffee Roaster\",\"sku\":\"R1\","
        "\"description\":\"A small drum roaster for the kitchen counter. It roasts half a kilo of green beans in "
        "twelve minutes.\\nThe drum is stainless steel and the chaff tray slides out for cleaning.\","
        "\"offers\":{\"price\":\"249.00\",\"priceCurrency\":\"EUR\",\"availability\":"
        "\"https://schema.org/InStock\"}}</script></head><body><div id=app></div><p>Cart</p></body></html>";
    pith_options o;
    pith_options_init(&o);
    o.url = "https://shop.example/products/roaster";
    pith_result *r = NULL;
    CHECK(pith_extract(thin, strlen(thin), &o, &r) == PITH_OK);
    const pith_metadata *m = pith_result_metadata(r);
    CHECK(m && m->product && strcmp(s(m->product->price), "249.00") == 0);
    if (pith_result_page_type(r) == PITH_PAGE_PRODUCT) {
        CHECK(pith_result_found(r));
        char *text = NULL;
        CHECK(pith_result_render(r, PITH_FORMAT_TEXT, &text, NULL) == PITH_OK);
        CHECK(text && strstr(text, "Coffee Roaster") && strstr(text, "drum roaster") && strstr(text, "chaff tray"));
        pith_free(text);
    }
    char *json = NULL;
    CHECK(pith_result_render(r, PITH_FORMAT_JSON, &json, NULL) == PITH_OK);
    CHECK(json && strstr(json, "\"product\":{\"name\":\"Coffee Roaster\",\"brand\":null,\"sku\":\"R1\",\"price\":"
                               "\"249.00\",\"currency\":\"EUR\",\"availability\":\"InStock\",\"rating\":null}"));
    pith_free(json);
    pith_result_free(r);
    const char *plain = "<html><body><article><h1>A headline</h1><p>Some prose of an article that sells nothing at "
                        "all, long enough to be one.</p></article></body></html>";
    CHECK(pith_extract(plain, strlen(plain), NULL, &r) == PITH_OK);
    CHECK(pith_result_metadata(r)->product == NULL);
    CHECK(pith_result_render(r, PITH_FORMAT_JSON, &json, NULL) == PITH_OK);
    CHECK(json && strstr(json, "\"product\":null"));
    pith_free(json);
    pith_result_free(r);
}

int main(void) {
    pith_arena_init(&arena, NULL, 0);
    if (!parser_works()) {
        printf("skipped: the tree builder is still the stub (parsing \"<p>x\" gives no <body>)\n");
        pith_arena_free(&arena);
        return 77;
    }
    RUN(test_jsonld_shapes);
    RUN(test_jsonld_malformed);
    RUN(test_microdata);
    RUN(test_hostile);
    RUN(test_body);
    RUN(test_extract);
    pith_arena_free(&arena);
    return test_summary("product");
}
