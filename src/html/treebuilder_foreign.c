/*
 * treebuilder_foreign.c - SVG and MathML inside HTML (13.2.6.5): the rules
 * for tokens in foreign content, integration points, and the spec's tables
 * that restore the camelCase of SVG element and attribute names (the
 * tokenizer lowercases everything) and give xlink:/xml:/xmlns: attributes
 * their namespaces.
 */
#include <string.h>

#include "treebuilder_internal.h"

typedef struct name_fix {
    const char *lower;
    const char *fixed;
} name_fix;

/* SVG element names with uppercase letters (13.2.6.5, "any other start tag");
 * sorted by the lowercase name. */
static const name_fix svg_tags[] = {
    {"altglyph", "altGlyph"}, {"altglyphdef", "altGlyphDef"}, {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"}, {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"}, {"clippath", "clipPath"}, {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"}, {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"}, {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"}, {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"}, {"fedropshadow", "feDropShadow"}, {"feflood", "feFlood"},
    {"fefunca", "feFuncA"}, {"fefuncb", "feFuncB"}, {"fefuncg", "feFuncG"}, {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"}, {"feimage", "feImage"}, {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"}, {"femorphology", "feMorphology"}, {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"}, {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"}, {"fetile", "feTile"}, {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"}, {"glyphref", "glyphRef"}, {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"}, {"textpath", "textPath"},
};

/* SVG attribute names with uppercase letters ("adjust SVG attributes");
 * sorted by the lowercase name. */
static const name_fix svg_attrs[] = {
    {"attributename", "attributeName"}, {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"}, {"baseprofile", "baseProfile"}, {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"}, {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"}, {"filterunits", "filterUnits"}, {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"}, {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"}, {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"}, {"keysplines", "keySplines"}, {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"}, {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"}, {"markerunits", "markerUnits"}, {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"}, {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"}, {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"}, {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"}, {"pointsatx", "pointsAtX"}, {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"}, {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"}, {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"}, {"refy", "refY"}, {"repeatcount", "repeatCount"}, {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"}, {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"}, {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"}, {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"}, {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"}, {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"}, {"targetx", "targetX"}, {"targety", "targetY"},
    {"textlength", "textLength"}, {"viewbox", "viewBox"}, {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"}, {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

/* "adjust foreign attributes": prefixed name -> namespace + local name. */
static const struct {
    const char *qname;
    const char *local;
    uint8_t ns;
} foreign_attrs[] = {
    {"xlink:actuate", "actuate", PITH_ATTR_NS_XLINK}, {"xlink:arcrole", "arcrole", PITH_ATTR_NS_XLINK},
    {"xlink:href", "href", PITH_ATTR_NS_XLINK},       {"xlink:role", "role", PITH_ATTR_NS_XLINK},
    {"xlink:show", "show", PITH_ATTR_NS_XLINK},       {"xlink:title", "title", PITH_ATTR_NS_XLINK},
    {"xlink:type", "type", PITH_ATTR_NS_XLINK},       {"xml:lang", "lang", PITH_ATTR_NS_XML},
    {"xml:space", "space", PITH_ATTR_NS_XML},         {"xmlns", "xmlns", PITH_ATTR_NS_XMLNS},
    {"xmlns:xlink", "xlink", PITH_ATTR_NS_XMLNS},
};

/* Binary search: both tables are sorted by their lowercase name (keep
 * them so when editing). */
static const char *lookup(const name_fix *tab, size_t n, const char *s, size_t len) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = tab[mid].lower;
        /* First byte inline: SVG's common names ("path", "fill", "stroke")
         * are in neither table, and most probes end there. */
        int c = (unsigned char)k[0] - (unsigned char)s[0];
        if (c == 0) {
            c = strncmp(k, s, len);
            if (c == 0 && k[len] != '\0') c = 1;  /* k is longer: it sorts after s */
        }
        if (c == 0) return tab[mid].fixed;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const char *tb_svg_tag_name(const char *name, size_t len, size_t *out_len) {
    if (!len) return NULL;
    const char *f = lookup(svg_tags, sizeof svg_tags / sizeof *svg_tags, name, len);
    if (f) *out_len = len;
    return f;
}

bool tb_adjust_attr(pith_ns ns, pith_attr *a) {
    if (!a->name_len) return false;
    if (ns == PITH_NS_SVG) {
        const char *f = lookup(svg_attrs, sizeof svg_attrs / sizeof *svg_attrs, a->name, a->name_len);
        if (f) {
            a->name = f;
            return true;
        }
    } else if (ns == PITH_NS_MATHML && a->name_len == 13 && memcmp(a->name, "definitionurl", 13) == 0) {
        a->name = "definitionURL";
        return true;
    }
    if (a->name[0] != 'x') return false;
    for (size_t i = 0; i < sizeof foreign_attrs / sizeof *foreign_attrs; i++) {
        size_t ql = strlen(foreign_attrs[i].qname);
        if (ql == a->name_len && memcmp(foreign_attrs[i].qname, a->name, ql) == 0) {
            a->name = foreign_attrs[i].local;
            a->name_len = (uint32_t)strlen(a->name);
            a->ns = foreign_attrs[i].ns;
            return true;
        }
    }
    return false;
}

bool tb_mathml_text_integration_point(const pith_node *n) {
    if (n->ns != PITH_NS_MATHML) return false;
    return n->tag == PITH_TAG_MI || n->tag == PITH_TAG_MO || n->tag == PITH_TAG_MN || n->tag == PITH_TAG_MS ||
           n->tag == PITH_TAG_MTEXT;
}

bool tb_html_integration_point(const pith_node *n) {
    if (n->ns == PITH_NS_MATHML) return (n->flags & PITH_NODE_F_HTML_INTEGRATION) != 0;
    if (n->ns == PITH_NS_SVG)
        return n->tag == PITH_TAG_FOREIGNOBJECT || n->tag == PITH_TAG_DESC || n->tag == PITH_TAG_TITLE;
    return false;
}

/* Start tags that leave foreign content (and </br>, </p>). */
static bool breakout(const pith_token *tok) {
    if (tok->type == PITH_TOKEN_END_TAG) return tok->tag == PITH_TAG_BR || tok->tag == PITH_TAG_P;
    switch (tok->tag) {
    case PITH_TAG_B: case PITH_TAG_BIG: case PITH_TAG_BLOCKQUOTE: case PITH_TAG_BODY: case PITH_TAG_BR:
    case PITH_TAG_CENTER: case PITH_TAG_CODE: case PITH_TAG_DD: case PITH_TAG_DIV: case PITH_TAG_DL:
    case PITH_TAG_DT: case PITH_TAG_EM: case PITH_TAG_EMBED: case PITH_TAG_H1: case PITH_TAG_H2:
    case PITH_TAG_H3: case PITH_TAG_H4: case PITH_TAG_H5: case PITH_TAG_H6: case PITH_TAG_HEAD:
    case PITH_TAG_HR: case PITH_TAG_I: case PITH_TAG_IMG: case PITH_TAG_LI: case PITH_TAG_LISTING:
    case PITH_TAG_MENU: case PITH_TAG_META: case PITH_TAG_NOBR: case PITH_TAG_OL: case PITH_TAG_P:
    case PITH_TAG_PRE: case PITH_TAG_RUBY: case PITH_TAG_S: case PITH_TAG_SMALL: case PITH_TAG_SPAN:
    case PITH_TAG_STRONG: case PITH_TAG_STRIKE: case PITH_TAG_SUB: case PITH_TAG_SUP: case PITH_TAG_TABLE:
    case PITH_TAG_TT: case PITH_TAG_U: case PITH_TAG_UL: case PITH_TAG_VAR:
        return true;
    case PITH_TAG_FONT:
        return tb_token_attr(tok, "color", 5) || tb_token_attr(tok, "face", 4) || tb_token_attr(tok, "size", 4);
    default:
        return false;
    }
}

static bool name_ieq(const pith_node *n, const pith_token *tok) {
    if (n->len != tok->name.len) return false;
    for (size_t i = 0; i < n->len; i++)
        if (ascii_lower((unsigned char)n->str[i]) != (unsigned char)tok->name.ptr[i]) return false;
    return true;
}

static tb_result foreign_chars(tb *t, const pith_token *tok) {
    if (tok->data.len == 1 && tok->data.ptr[0] == '\0')
        return tb_insert_text(t, "\xEF\xBF\xBD", 3) ? TB_DONE : TB_STOP;
    if (!tb_insert_text(t, tok->data.ptr, tok->data.len)) return TB_STOP;
    if (t->frameset_ok)
        for (size_t i = 0; i < tok->data.len; i++)
            if (!ascii_is_space(tok->data.ptr[i])) {
                t->frameset_ok = false;
                break;
            }
    return TB_DONE;
}

tb_result tb_foreign(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER: return foreign_chars(t, tok);
    case PITH_TOKEN_COMMENT: return tb_insert_comment(t, tok, NULL) ? TB_DONE : TB_STOP;
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_EOF: return tb_dispatch(t, tok, t->mode);
    default: break;
    }
    if (breakout(tok)) {
        for (pith_node *c; (c = tb_current(t)) && c->ns != PITH_NS_HTML && !tb_mathml_text_integration_point(c) &&
                           !tb_html_integration_point(c);)
            tb_pop(t);
        return tb_dispatch(t, tok, t->mode);
    }
    if (tok->type == PITH_TOKEN_START_TAG) {
        pith_node *acn = tb_adjusted_current(t);
        if (!tb_insert_ns(t, tok, (pith_ns)acn->ns)) return TB_STOP;
        if (tok->self_closing && t->pushed) tb_pop(t);
        return TB_DONE;
    }
    /* End tag: walk up looking for a same-named foreign element; an HTML
     * element on the way hands the token to the insertion mode. */
    size_t i = t->nopen;
    if (!i) return TB_DONE;
    i--;
    pith_node *node = t->open[i];
    for (;;) {
        if (i == 0) return TB_DONE;
        if (name_ieq(node, tok)) {
            while (t->nopen > i) tb_pop(t);
            return TB_DONE;
        }
        i--;
        node = t->open[i];
        if (node->ns == PITH_NS_HTML) return tb_dispatch(t, tok, t->mode);
    }
}
