/*
 * meta_product.c - schema.org Product from JSON-LD and microdata (see
 * meta_product.h), and a thin product page's body from it.
 */
#include "meta_product.h"

#include <string.h>

#include "meta_internal.h"
#include "../util/ascii.h"

#include "../util/utf8.h"

/* ---------------------------------------------------------------- types */

/* The schema.org types that are a product (Product and its subtypes that
 * pages use), compared on the part after the last '/' or ':'. */
static const char *const PRODUCT_TYPES[] = {
    "Product", "ProductGroup", "ProductModel", "IndividualProduct", "SomeProducts",
    "Vehicle", "Car", "Motorcycle",
};

static bool product_type_name(const char *s, size_t n) {
    size_t st = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '/' || s[i] == ':' || s[i] == '#') st = i + 1;
    while (n > st && (s[n - 1] == ' ' || s[n - 1] == '/')) n--;
    for (size_t k = 0; k < sizeof PRODUCT_TYPES / sizeof *PRODUCT_TYPES; k++)
        if (meta_ieq(s + st, n - st, PRODUCT_TYPES[k], strlen(PRODUCT_TYPES[k]))) return true;
    return false;
}

/* Paywall markup (schema.org's isAccessibleForFree) calls the publication
 * a ["CreativeWork", "Product"]: no product is sold on that page. */
#define NOT_SOLD "CreativeWork"

/* itemtype is a space-separated list of type URLs (some pages write the
 * space as %20). */
bool meta_product_itemtype(const char *v, size_t n) {
    if (meta_ifind(v, n, NOT_SOLD, strlen(NOT_SOLD))) return false;
    size_t i = 0;
    while (i < n) {
        while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n')) i++;
        size_t st = i;
        while (i < n && v[i] != ' ' && v[i] != '\t' && v[i] != '\n') i++;
        if (i > st && product_type_name(v + st, i - st)) return true;
    }
    return false;
}

/* ---------------------------------------------------------------- values */

typedef struct prod_fill {
    pith_arena *a;
    meta_product *out;
    bool ok;
} prod_fill;

/* A cleaned copy (white space collapsed, references decoded), or absent
 * when empty or longer than max bytes. */
static const char *clean_max(prod_fill *f, const char *s, size_t n, size_t max) {
    if (!s || !n) return NULL;
    /* Trim first: a value padded with white space is not oversized. */
    while (n && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    if (!n || n > max * 4) return NULL;
    pith_mstr m = meta_clean_decode(f->a, s, n);
    if (!m.ptr) {
        if (f->a->over_limit) f->ok = false;
        return NULL;
    }
    return m.len <= max ? m.ptr : NULL;
}

/* A price or a rating: the span from the first digit to the last
 * ("$1,299.00" -> "1,299.00", "4.5 out of 5" is not one); only digits,
 * separators and, for prices, a range's " - " inside it. */
static const char *number_value(prod_fill *f, const char *s, size_t n, size_t max, bool range) {
    if (!s) return NULL;
    size_t st = 0, e = n;
    while (st < n && !ascii_is_digit(s[st])) st++;
    while (e > st && !ascii_is_digit(s[e - 1])) e--;
    if (st >= e || e - st > max) return NULL;
    for (size_t i = st; i < e; i++) {
        char c = s[i];
        if (ascii_is_digit(c) || c == '.' || c == ',' || (range && (c == ' ' || c == '-')) || c == '\'') continue;
        /* A narrow no-break or thin space as a thousands separator. */
        if ((unsigned char)c >= 0x80) {
            if (!range) return NULL;
            continue;
        }
        return NULL;
    }
    /* Leading text may only be a currency sign or code ("USD 12", "€12"). */
    size_t letters = 0;
    for (size_t i = 0; i < st; i++)
        if (((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z') letters++;
    if (letters > 3) return NULL;
    char *o = pith_arena_strndup(f->a, s + st, e - st);
    if (!o) f->ok = false;
    return o;
}

/* The schema.org ItemAvailability values. */
static const char *const AVAILABILITY[] = {
    "BackOrder", "Discontinued", "InStock", "InStoreOnly", "LimitedAvailability", "MadeToOrder",
    "OnlineOnly", "OutOfStock", "PreOrder", "PreSale", "Reserved", "SoldOut",
};

/* "https://schema.org/InStock", "schema:InStock", "InStock", "in stock",
 * "out_of_stock" -> the schema.org name; any other short value as it is
 * given (its last path segment). */
static const char *availability_value(prod_fill *f, const char *s, size_t n) {
    if (!s) return NULL;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '/' || s[n - 1] == '\n')) n--;
    size_t st = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '/' || s[i] == ':' || s[i] == '#') st = i + 1;
    s += st, n -= st;
    char key[META_PRODUCT_AVAIL_MAX];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof key; i++)
        if (s[i] != ' ' && s[i] != '_' && s[i] != '-') key[k++] = s[i];
    if (k < sizeof key)
        for (size_t j = 0; j < sizeof AVAILABILITY / sizeof *AVAILABILITY; j++)
            if (meta_ieq(key, k, AVAILABILITY[j], strlen(AVAILABILITY[j]))) return AVAILABILITY[j];
    return clean_max(f, s, n, META_PRODUCT_AVAIL_MAX);
}

typedef enum pfield { PF_NAME, PF_BRAND, PF_SKU, PF_PRICE, PF_CURRENCY, PF_AVAIL, PF_RATING, PF_COUNT } pfield;

static const char **slot(meta_product *p, pfield k) {
    switch (k) {
    case PF_NAME: return &p->fields.name;
    case PF_BRAND: return &p->fields.brand;
    case PF_SKU: return &p->fields.sku;
    case PF_PRICE: return &p->fields.price;
    case PF_CURRENCY: return &p->fields.currency;
    case PF_AVAIL: return &p->fields.availability;
    default: return &p->fields.rating;
    }
}

/* Sets field k from raw text unless it is already set. */
static void set_field(prod_fill *f, pfield k, const char *s, size_t n) {
    const char **dst = slot(f->out, k);
    if (*dst || !s) return;
    switch (k) {
    case PF_NAME: *dst = clean_max(f, s, n, META_PRODUCT_NAME_MAX); break;
    case PF_BRAND: *dst = clean_max(f, s, n, META_PRODUCT_BRAND_MAX); break;
    case PF_SKU: *dst = clean_max(f, s, n, META_PRODUCT_SKU_MAX); break;
    case PF_CURRENCY: {
        const char *c = clean_max(f, s, n, META_PRODUCT_CURRENCY_MAX);
        *dst = c && !memchr(c, ' ', strlen(c)) ? c : NULL;
        break;
    }
    case PF_PRICE: *dst = number_value(f, s, n, META_PRODUCT_PRICE_MAX, true); break;
    case PF_RATING: *dst = number_value(f, s, n, META_PRODUCT_RATING_MAX, false); break;
    default: *dst = availability_value(f, s, n); break;
    }
}

static void set_description(prod_fill *f, const char *s, size_t n) {
    if (f->out->description.ptr || !s) return;
    while (n && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) s++, n--;
    if (!n) return;
    if (n > META_PRODUCT_DESC_MAX) {
        n = META_PRODUCT_DESC_MAX;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--; /* cut before a character */
    }
    char *d = pith_arena_strndup(f->a, s, n);
    if (!d) {
        f->ok = false;
        return;
    }
    f->out->description = (pith_mstr){d, (uint32_t)n};
}

/* ---------------------------------------------------------------- JSON-LD */

#define EACH(arr, i, v) \
    for ((i) = 0; pith_json_is((arr), PITH_JARRAY) && (i) < (arr)->n && ((v) = &(arr)->u.items[i], 1); (i)++)

typedef struct ldpool {
    const pith_jval *obj[META_PRODUCT_MAX_OBJECTS];
    size_t n;
} ldpool;

static void ld_add(ldpool *p, const pith_jval *v) {
    if (pith_json_is(v, PITH_JOBJECT) && p->n < META_PRODUCT_MAX_OBJECTS) p->obj[p->n++] = v;
}

/* An object, or each object of an array (a page's mainEntity may be either). */
static void ld_add_all(ldpool *p, const pith_jval *v) {
    size_t i;
    const pith_jval *e;
    if (pith_json_is(v, PITH_JARRAY)) {
        EACH(v, i, e) ld_add(p, e);
    } else {
        ld_add(p, v);
    }
}

/* Top level: an object or an array of them; @graph members; mainEntity of
 * either (an ItemPage's product). */
static void ld_root(ldpool *p, const pith_jval *root) {
    const pith_jval *items[META_PRODUCT_MAX_OBJECTS];
    size_t n = 0, i;
    const pith_jval *v;
    if (pith_json_is(root, PITH_JARRAY)) {
        EACH(root, i, v) if (n < META_PRODUCT_MAX_OBJECTS) items[n++] = v;
    } else if (root) {
        items[n++] = root;
    }
    for (size_t k = 0; k < n; k++) {
        ld_add(p, items[k]);
        ld_add_all(p, pith_json_get(items[k], "mainEntity"));
        const pith_jval *graph = pith_json_get(items[k], "@graph");
        EACH(graph, i, v) {
            ld_add(p, v);
            ld_add_all(p, pith_json_get(v, "mainEntity"));
        }
    }
}

static bool ld_is_product(const pith_jval *o) {
    const pith_jval *t = pith_json_get(o, "@type"), *v;
    size_t i;
    if (pith_json_is(t, PITH_JSTRING)) return product_type_name(pith_json_str(t), t->n);
    bool product = false;
    EACH(t, i, v) {
        if (!pith_json_is(v, PITH_JSTRING)) continue;
        if (meta_ifind(pith_json_str(v), v->n, NOT_SOLD, strlen(NOT_SOLD))) return false;
        if (product_type_name(pith_json_str(v), v->n)) product = true;
    }
    return product;
}

/* {"@id": x} alone (or with a @type) refers to a pooled object with that @id. */
static const pith_jval *ld_resolve(const ldpool *p, const pith_jval *v) {
    if (!pith_json_is(v, PITH_JOBJECT) || v->n > 2) return v;
    const pith_jval *id = pith_json_get(v, "@id");
    if (!pith_json_is(id, PITH_JSTRING)) return v;
    for (size_t i = 0; i < p->n; i++) {
        if (p->obj[i] == v) continue;
        const pith_jval *oid = pith_json_get(p->obj[i], "@id");
        if (pith_json_is(oid, PITH_JSTRING) && oid->n == id->n && memcmp(pith_json_str(oid), pith_json_str(id), id->n) == 0)
            return p->obj[i];
    }
    return v;
}

/* The first item of an array (resolved), or the value itself. */
static const pith_jval *ld_one(const ldpool *p, const pith_jval *v) {
    if (pith_json_is(v, PITH_JARRAY)) v = pith_json_at(v, 0);
    return ld_resolve(p, v);
}

/* A number printed from a binary float: "299.99000000000001",
 * "19.989999999999998". The fraction is cut where a run of at least
 * FLOAT_NOISE_RUN zeros or nines starts after its first digit (a nine run
 * carries into the digits before it); any other number is kept as written.
 * buf holds at least n + 2 bytes; returns the new length. */
#define FLOAT_NOISE_RUN 6
static size_t float_noise(const char *s, size_t n, char *buf) {
    const char *dot = memchr(s, '.', n);
    if (!dot || !n || s[0] == '-' || memchr(s, 'e', n) || memchr(s, 'E', n)) return 0;
    size_t d = (size_t)(dot - s), cut = 0;
    char run_digit = 0;
    for (size_t i = d + 2; i < n && !cut; i++) {
        if (s[i] != '0' && s[i] != '9') continue;
        size_t e = i;
        while (e < n && s[e] == s[i]) e++;
        if (e - i >= FLOAT_NOISE_RUN) cut = i, run_digit = s[i];
        i = e - 1;
    }
    if (!cut) return 0;
    /* buf[0] is room for a carry out of the first digit ("9.9999999" -> "10"). */
    buf[0] = '0';
    memcpy(buf + 1, s, cut);
    size_t len = cut + 1, bd = d + 1; /* bd: the dot in buf */
    if (run_digit == '9') {
        for (size_t i = len; i-- > 0;) {
            if (buf[i] == '.') continue;
            if (buf[i] == '9') {
                buf[i] = '0';
                continue;
            }
            buf[i]++;
            break;
        }
    }
    while (len > bd + 1 && buf[len - 1] == '0') len--;
    if (buf[len - 1] == '.') len--;
    size_t st = buf[0] == '0' && len > 1 && buf[1] != '.' ? 1 : 0;
    memmove(buf, buf + st, len - st);
    return len - st;
}

/* A string or a number as text (numbers stay as written, but for binary
 * float noise). */
static void ld_set(prod_fill *f, pfield k, const pith_jval *v) {
    if (pith_json_is(v, PITH_JARRAY)) v = pith_json_at(v, 0);
    if (pith_json_is(v, PITH_JSTRING)) set_field(f, k, pith_json_str(v), v->n);
    else if (pith_json_is(v, PITH_JNUMBER) && k != PF_NAME && k != PF_BRAND && k != PF_CURRENCY && k != PF_AVAIL) {
        char buf[64];
        size_t n = v->n + 2 <= sizeof buf ? float_noise(v->u.str, v->n, buf) : 0;
        if (n) set_field(f, k, buf, n);
        else set_field(f, k, v->u.str, v->n);
    }
}

/* One offer: Offer (price), AggregateOffer (lowPrice; or its offers), a
 * priceSpecification (object or array) holding the price. */
static void ld_offer(prod_fill *f, const ldpool *p, const pith_jval *o, int depth) {
    o = ld_resolve(p, o);
    if (!pith_json_is(o, PITH_JOBJECT)) return;
    ld_set(f, PF_PRICE, pith_json_get(o, "price"));
    ld_set(f, PF_PRICE, pith_json_get(o, "lowPrice"));
    ld_set(f, PF_CURRENCY, pith_json_get(o, "priceCurrency"));
    ld_set(f, PF_AVAIL, pith_json_get(o, "availability"));
    ld_set(f, PF_SKU, pith_json_get(o, "sku")); /* an Offer has a SKU too */
    const pith_jval *spec = ld_one(p, pith_json_get(o, "priceSpecification"));
    if (pith_json_is(spec, PITH_JOBJECT)) {
        ld_set(f, PF_PRICE, pith_json_get(spec, "price"));
        ld_set(f, PF_PRICE, pith_json_get(spec, "minPrice"));
        ld_set(f, PF_CURRENCY, pith_json_get(spec, "priceCurrency"));
    }
    if (depth < 1 && (!f->out->fields.price || !f->out->fields.availability)) {
        const pith_jval *inner = pith_json_get(o, "offers");
        size_t i;
        const pith_jval *e;
        if (pith_json_is(inner, PITH_JARRAY)) {
            EACH(inner, i, e) if (i < META_PRODUCT_MAX_OBJECTS) ld_offer(f, p, e, depth + 1);
        } else {
            ld_offer(f, p, inner, depth + 1);
        }
    }
}

/* offers: one object, or an array whose first priced offer gives the price
 * (and the fields it has; later offers fill the rest). */
static void ld_offers(prod_fill *f, const ldpool *p, const pith_jval *v) {
    v = ld_resolve(p, v);
    size_t i;
    const pith_jval *e;
    if (pith_json_is(v, PITH_JARRAY)) {
        EACH(v, i, e) if (i < META_PRODUCT_MAX_OBJECTS) ld_offer(f, p, e, 0);
    } else {
        ld_offer(f, p, v, 0);
    }
}

static void ld_product(prod_fill *f, const ldpool *p, const pith_jval *o) {
    ld_set(f, PF_NAME, pith_json_get(o, "name"));
    const pith_jval *brand = ld_one(p, pith_json_get(o, "brand"));
    if (pith_json_is(brand, PITH_JOBJECT)) brand = pith_json_get(brand, "name");
    ld_set(f, PF_BRAND, brand);
    ld_set(f, PF_SKU, pith_json_get(o, "sku"));
    const pith_jval *offers = pith_json_get(o, "offers");
    if (!offers) offers = pith_json_get(o, "Offers"); /* keys are case-sensitive; pages are not */
    ld_offers(f, p, offers);
    const pith_jval *rating = ld_one(p, pith_json_get(o, "aggregateRating"));
    if (pith_json_is(rating, PITH_JOBJECT)) ld_set(f, PF_RATING, pith_json_get(rating, "ratingValue"));
    const pith_jval *d = pith_json_get(o, "description");
    if (pith_json_is(d, PITH_JARRAY)) d = pith_json_at(d, 0);
    if (pith_json_is(d, PITH_JSTRING)) set_description(f, pith_json_str(d), d->n);
}

static void from_jsonld(prod_fill *f, const pith_jval *const *roots, size_t nroots) {
    ldpool p;
    p.n = 0;
    for (size_t i = 0; i < nroots; i++) ld_root(&p, roots[i]);
    for (size_t i = 0; i < p.n; i++) {
        if (!ld_is_product(p.obj[i])) continue;
        ld_product(f, &p, p.obj[i]);
        /* A ProductGroup's offers, SKU and rating are often its variants'. */
        const pith_jval *variant = ld_one(&p, pith_json_get(p.obj[i], "hasVariant"));
        if (pith_json_is(variant, PITH_JOBJECT)) {
            bool had_name = f->out->fields.name != NULL;
            ld_product(f, &p, variant);
            if (!had_name) f->out->fields.name = NULL; /* a variant's name is not the product's */
        }
        return;
    }
}

/* ---------------------------------------------------------------- microdata */

#define attr(el, name, len) pith_dom_attr((el), (name), sizeof(name) - 1, (len))

/* Whose property an itemprop inside the product is. */
typedef enum scope_kind { SK_PRODUCT, SK_OFFER, SK_RATING, SK_BRAND, SK_OTHER } scope_kind;

#define SCOPE_STACK 64 /* nested items deeper than this belong to no field */

static bool tok_is(const char *s, size_t n, const char *w) { return meta_ieq(s, n, w, strlen(w)); }

/* The kind of an item nested in one of kind `in` under property prop. */
static scope_kind child_kind(scope_kind in, const char *prop, size_t n) {
    if (in == SK_PRODUCT) {
        if (tok_is(prop, n, "offers")) return SK_OFFER;
        if (tok_is(prop, n, "aggregateRating")) return SK_RATING;
        if (tok_is(prop, n, "brand")) return SK_BRAND;
    } else if (in == SK_OFFER) {
        if (tok_is(prop, n, "offers") || tok_is(prop, n, "priceSpecification")) return SK_OFFER;
    }
    return SK_OTHER;
}

/* The field a property gives in an item of kind k (PF_COUNT: none;
 * PF_COUNT + 1: the description). A product's own price, currency,
 * availability and rating are taken too (pages put them on the product). */
#define PF_DESC (PF_COUNT + 1)
static int offer_field(const char *prop, size_t n) {
    if (tok_is(prop, n, "price") || tok_is(prop, n, "lowPrice")) return PF_PRICE;
    if (tok_is(prop, n, "priceCurrency")) return PF_CURRENCY;
    if (tok_is(prop, n, "availability")) return PF_AVAIL;
    return PF_COUNT;
}

static int prop_field(scope_kind k, const char *prop, size_t n) {
    switch (k) {
    case SK_PRODUCT:
        if (tok_is(prop, n, "name")) return PF_NAME;
        if (tok_is(prop, n, "brand")) return PF_BRAND;
        if (tok_is(prop, n, "sku")) return PF_SKU;
        if (tok_is(prop, n, "description")) return PF_DESC;
        if (tok_is(prop, n, "ratingValue")) return PF_RATING;
        return offer_field(prop, n);
    case SK_OFFER: return offer_field(prop, n);
    case SK_RATING: return tok_is(prop, n, "ratingValue") ? PF_RATING : PF_COUNT;
    /* Pages also write the brand's name as itemprop=brand inside the Brand. */
    case SK_BRAND: return tok_is(prop, n, "name") || tok_is(prop, n, "brand") ? PF_BRAND : PF_COUNT;
    default: return PF_COUNT;
    }
}

static bool skip_text_of(const pith_node *n) {
    return n->tag == PITH_TAG_SCRIPT || n->tag == PITH_TAG_STYLE || n->tag == PITH_TAG_TEMPLATE ||
           n->tag == PITH_TAG_NOSCRIPT;
}

static bool block_tag(const pith_node *n) {
    switch (n->tag) {
    case PITH_TAG_P: case PITH_TAG_DIV: case PITH_TAG_LI: case PITH_TAG_BR: case PITH_TAG_TR:
    case PITH_TAG_TD: case PITH_TAG_TH: case PITH_TAG_H1: case PITH_TAG_H2: case PITH_TAG_H3:
    case PITH_TAG_H4: case PITH_TAG_H5: case PITH_TAG_H6: case PITH_TAG_UL: case PITH_TAG_OL:
    case PITH_TAG_DT: case PITH_TAG_DD: case PITH_TAG_SECTION: case PITH_TAG_TABLE:
        return true;
    default:
        return false;
    }
}

/* An element's text: at most max bytes (cut at a character), at most
 * META_PRODUCT_TEXT_NODES nodes; block boundaries become line breaks. */
static pith_mstr element_text(prod_fill *f, const pith_node *el, size_t max) {
    pith_mstr r = {NULL, 0};
    /* One byte past max is read too, so a cut can tell whether it falls
     * inside a character (buf[max] a continuation byte). */
    char *buf = pith_arena_alloc_bytes(f->a, max + 2);
    if (!buf) {
        f->ok = false;
        return r;
    }
    size_t n = 0, visited = 0;
    pith_dom_iter it;
    pith_dom_iter_init(&it, el);
    while (n <= max && visited++ < META_PRODUCT_TEXT_NODES && pith_dom_iter_step(&it)) {
        const pith_node *x = it.node;
        if (x->type == PITH_NODE_ELEMENT) {
            if (it.entering && skip_text_of(x)) pith_dom_iter_skip_children(&it);
            else if (block_tag(x) && n && buf[n - 1] != '\n') buf[n++] = '\n';
            continue;
        }
        if (x->type != PITH_NODE_TEXT) continue;
        size_t take = x->len < max + 1 - n ? x->len : max + 1 - n;
        memcpy(buf + n, x->str, take);
        n += take;
    }
    if (n > max) {
        n = max;
        while (n && ((unsigned char)buf[n] & 0xC0) == 0x80) n--;
    }
    buf[n] = 0;
    r.ptr = buf;
    r.len = (uint32_t)n;
    return r;
}

/* A property's value: content=, then the URL or machine value of the
 * elements that carry one, then the text. */
static void md_value(prod_fill *f, const pith_node *el, int field) {
    if (field < PF_COUNT && *slot(f->out, (pfield)field)) return;
    if (field == PF_DESC && f->out->description.ptr) return;
    uint32_t n;
    const char *v = attr(el, "content", &n);
    if (!v) {
        switch (el->tag) {
        case PITH_TAG_A: case PITH_TAG_LINK: v = attr(el, "href", &n); break;
        case PITH_TAG_DATA: case PITH_TAG_METER: v = attr(el, "value", &n); break;
        case PITH_TAG_META: return;
        default: break;
        }
    }
    if (field == PF_DESC) {
        pith_mstr t = v ? (pith_mstr){v, n} : element_text(f, el, META_PRODUCT_DESC_MAX);
        set_description(f, t.ptr, t.len);
        return;
    }
    if (v) {
        set_field(f, (pfield)field, v, n);
        return;
    }
    /* Visible text: the longest field's limit is enough to tell. */
    pith_mstr t = element_text(f, el, META_PRODUCT_NAME_MAX * 4);
    set_field(f, (pfield)field, t.ptr, t.len);
}

static void from_microdata(prod_fill *f, const pith_node *scope) {
    scope_kind stack[SCOPE_STACK];
    size_t depth = 0, deep = 0; /* deep: nested items past the stack */
    pith_dom_iter it;
    pith_dom_iter_init(&it, scope);
    while (pith_dom_iter_step(&it)) {
        const pith_node *el = it.node;
        if (el->type != PITH_NODE_ELEMENT) continue;
        bool item = el != scope && attr(el, "itemscope", NULL);
        if (!it.entering) {
            if (item) {
                if (deep) deep--;
                else if (depth) depth--;
            }
            continue;
        }
        if (el->ns != PITH_NS_HTML || el->tag == PITH_TAG_SCRIPT || el->tag == PITH_TAG_STYLE ||
            el->tag == PITH_TAG_TEMPLATE) {
            pith_dom_iter_skip_children(&it);
            continue;
        }
        scope_kind in = deep ? SK_OTHER : depth ? stack[depth - 1] : SK_PRODUCT;
        uint32_t pl = 0;
        const char *prop = el != scope ? attr(el, "itemprop", &pl) : NULL;
        scope_kind next = SK_OTHER;
        /* itemprop may name several properties, space-separated. */
        for (size_t i = 0; prop && i < pl;) {
            while (i < pl && prop[i] == ' ') i++;
            size_t st = i;
            while (i < pl && prop[i] != ' ') i++;
            if (i == st) continue;
            if (item) {
                scope_kind k = child_kind(in, prop + st, i - st);
                if (k != SK_OTHER) next = k;
                /* A brand given as an item whose name is its text. */
                continue;
            }
            int field = prop_field(in, prop + st, i - st);
            if (field != PF_COUNT) md_value(f, el, field);
        }
        if (item) {
            if (depth < SCOPE_STACK && !deep) stack[depth++] = next;
            else deep++;
        }
    }
}

/* ---------------------------------------------------------------- entry */

bool meta_product_extract(const pith_jval *const *roots, size_t nroots, const pith_node *scope, pith_arena *a,
                          meta_product *out) {
    memset(out, 0, sizeof *out);
    prod_fill f = {.a = a, .out = out, .ok = true};
    if (roots && nroots) from_jsonld(&f, roots, nroots);
    if (scope) from_microdata(&f, scope);
    const pith_product *p = &out->fields;
    out->found = p->name || p->brand || p->sku || p->price || p->currency || p->availability || p->rating;
    if (!out->found) out->description = (pith_mstr){NULL, 0};
    return f.ok;
}

/* ---------------------------------------------------------------- body */

size_t meta_product_words(const char *s, size_t len) {
    size_t words = 0;
    bool in = false;
    for (size_t i = 0; s && i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool w = c >= 0x80 || ascii_is_digit((char)c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (w && !in) words++;
        in = w;
    }
    return words;
}

/* Tags of a description written in HTML that end a paragraph. */
static bool block_tag_name(const char *s, size_t n) {
    static const char *const NAMES[] = {"p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
                                        "h4", "h5", "h6", "dt", "dd", "section", "hr"};
    for (size_t k = 0; k < sizeof NAMES / sizeof *NAMES; k++)
        if (meta_ieq(s, n, NAMES[k], strlen(NAMES[k]))) return true;
    return false;
}

typedef struct body {
    pith_blocks_builder *b;
    bool open;
} body;

static void body_text(body *bd, const char *s, size_t n) {
    if (!n) return;
    if (!bd->open) pith_blocks_open(bd->b, PITH_BLOCK_PARAGRAPH), bd->open = true;
    pith_blocks_text(bd->b, s, n);
}

static void body_break(body *bd) {
    if (bd->open) pith_blocks_close(bd->b);
    bd->open = false;
}

/* One line of the description, references decoded: text between tags, a
 * paragraph break at block tags. A '<' that starts no tag is text; once a
 * '<' has no '>' after it, no later one has either (one scan). */
static void body_line(body *bd, const char *s, size_t n) {
    size_t i = 0, st = 0;
    bool closes = true;
    while (closes && i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt) break;
        size_t at = (size_t)(lt - s);
        char c = at + 1 < n ? s[at + 1] : 0;
        bool tag_start = c == '/' || c == '!' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (!tag_start) {
            i = at + 1;
            continue;
        }
        const char *gt = memchr(lt, '>', n - at);
        if (!gt) {
            closes = false;
            break;
        }
        body_text(bd, s + st, at - st);
        size_t ns = at + 1 + (c == '/'), ne = ns;
        while (ne < n && ((s[ne] | 0x20) >= 'a' && (s[ne] | 0x20) <= 'z' ? 1 : ascii_is_digit(s[ne]))) ne++;
        if (block_tag_name(s + ns, ne - ns)) body_break(bd);
        i = st = (size_t)(gt - s) + 1;
    }
    body_text(bd, s + st, n - st);
}

bool meta_product_body(const pith_mstr *name, const pith_mstr *description, pith_blocks_builder *b, pith_arena *a) {
    if (!description || !description->ptr || !description->len) return true;
    if (name && name->ptr && name->len) {
        pith_blocks_open_heading(b, 1);
        pith_blocks_text(b, name->ptr, name->len);
        pith_blocks_close(b);
    }
    body bd = {.b = b, .open = false};
    const char *s = description->ptr;
    size_t n = description->len;
    /* Lines first (a description's paragraphs), then each decoded. */
    for (size_t st = 0; st < n;) {
        const char *nl = memchr(s + st, '\n', n - st);
        size_t e = nl ? (size_t)(nl - s) : n;
        pith_mstr line = meta_clean_decode(a, s + st, e - st);
        if (!line.ptr && a->over_limit) return false;
        if (line.ptr) body_line(&bd, line.ptr, line.len);
        body_break(&bd);
        st = e + 1;
    }
    return !b->failed;
}

/* The words of the article's text blocks (headings, paragraphs, code,
 * captions); a walk of the tree. */
static size_t article_words(const pith_block *root) {
    size_t words = 0;
    pith_block_iter it;
    const pith_block *blk;
    pith_iter_event ev;
    pith_block_iter_init(&it, root);
    while (pith_block_iter_next(&it, &blk, &ev))
        if (ev == PITH_ITER_ENTER && blk->text.len) words += meta_product_words(blk->text.ptr, blk->text.len);
    return words;
}

bool meta_product_thin_body(pith_block **article, const pith_product *product, const pith_mstr *description,
                            pith_blocks_builder *b, pith_arena *a, bool *used) {
    *used = false;
    if (!product || !description || !description->ptr || !*article) return true;
    size_t have = article_words(*article);
    if (have >= META_PRODUCT_THIN_WORDS || meta_product_words(description->ptr, description->len) <= have)
        return true;
    pith_mstr name = {product->name, product->name ? (uint32_t)strlen(product->name) : 0};
    pith_blocks_builder_reset(b, a);
    if (!meta_product_body(&name, description, b, a)) return false;
    pith_block *root = pith_blocks_finish(b);
    if (!root) return false;
    *article = root;
    *used = root->first_child != NULL;
    return true;
}
