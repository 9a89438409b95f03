/*
 * treebuilder_head.c - the insertion modes around the body (13.2.6.4.1-7,
 * 13.2.6.4.19-23): initial (doctype and quirks mode), before html, before
 * head, in head, in head noscript, after head, text, after body, and the
 * frameset modes.
 */
#include <string.h>

#include "treebuilder_internal.h"

/* --------------------------------------------------------------- quirks */

/* Public identifier prefixes that select quirks mode (13.2.6.4.1). */
static const char *const quirks_prefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

static bool ieq(pith_slice s, const char *lit) { return ascii_ieq_lit(s.ptr, s.len, lit); }

static bool iprefix(pith_slice s, const char *lit) { return ascii_istarts_lit(s.ptr, s.len, lit); }

static pith_quirks doctype_quirks(const pith_token *tok) {
    if (tok->force_quirks || !tok->has_name || !ieq(tok->name, "html")) return PITH_QUIRKS;
    pith_slice pub = tok->public_id, sys = tok->system_id;
    if (tok->has_public_id) {
        if (ieq(pub, "-//w3o//dtd w3 html strict 3.0//en//") || ieq(pub, "-/w3c/dtd html 4.0 transitional/en") ||
            ieq(pub, "html"))
            return PITH_QUIRKS;
        for (size_t i = 0; i < sizeof quirks_prefixes / sizeof *quirks_prefixes; i++)
            if (iprefix(pub, quirks_prefixes[i])) return PITH_QUIRKS;
    }
    if (tok->has_system_id && ieq(sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
        return PITH_QUIRKS;
    if (tok->has_public_id) {
        bool html401 = iprefix(pub, "-//w3c//dtd html 4.01 frameset//") ||
                       iprefix(pub, "-//w3c//dtd html 4.01 transitional//");
        if (html401 && !tok->has_system_id) return PITH_QUIRKS;
        if (iprefix(pub, "-//w3c//dtd xhtml 1.0 frameset//") || iprefix(pub, "-//w3c//dtd xhtml 1.0 transitional//"))
            return PITH_LIMITED_QUIRKS;
        if (html401) return PITH_LIMITED_QUIRKS;
    }
    return PITH_NO_QUIRKS;
}

/* ------------------------------------------------------------ helpers */

/* Splits a character token: inserts (or drops) its leading whitespace and
 * leaves the rest in tok. Returns true when nothing is left. */
static bool take_space(tb *t, pith_token *tok, bool insert) {
    size_t k = tb_space_prefix(tok->data.ptr, tok->data.len);
    if (k && insert && !tb_insert_text(t, tok->data.ptr, k)) return true;
    tok->data.ptr += k;
    tok->data.len -= k;
    return tok->data.len == 0;
}

/* Inserts only the whitespace characters of a run (frameset modes ignore
 * everything else). */
static bool insert_spaces_only(tb *t, const pith_token *tok) {
    const char *s = tok->data.ptr;
    size_t n = tok->data.len, i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && ascii_is_space(s[j])) j++;
        if (j > i && !tb_insert_text(t, s + i, j - i)) return false;
        while (j < n && !ascii_is_space(s[j])) j++;
        i = j;
    }
    return true;
}

static tb_result result(const tb *t) { return t->failed ? TB_STOP : TB_DONE; }

/* End tags that the "before *" and "in head" modes treat as "anything else". */
static bool passthrough_end(const pith_token *tok) {
    return tok->tag == PITH_TAG_HEAD || tok->tag == PITH_TAG_BODY || tok->tag == PITH_TAG_HTML ||
           tok->tag == PITH_TAG_BR;
}

/* ---------------------------------------------------------------- modes */

tb_result tb_initial(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
        if (take_space(t, tok, false)) return TB_DONE;
        break;
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, t->dom->root);
        return result(t);
    case PITH_TOKEN_DOCTYPE: {
        pith_doctype dt;
        memset(&dt, 0, sizeof dt);
        dt.name = tok->name.ptr;
        dt.name_len = (uint32_t)tok->name.len;
        dt.public_id = tok->public_id.ptr;
        dt.public_id_len = (uint32_t)tok->public_id.len;
        dt.system_id = tok->system_id.ptr;
        dt.system_id_len = (uint32_t)tok->system_id.len;
        dt.has_public_id = tok->has_public_id;
        dt.has_system_id = tok->has_system_id;
        pith_node *n = pith_dom_doctype(t->dom, &dt);
        if (!n) return TB_STOP;
        pith_dom_append(t->dom->root, n);
        t->dom->quirks = (uint8_t)doctype_quirks(tok);
        t->mode = M_BEFORE_HTML;
        return TB_DONE;
    }
    default: break;
    }
    t->dom->quirks = PITH_QUIRKS;
    t->mode = M_BEFORE_HTML;
    return TB_REPROCESS;
}

static tb_result create_html(tb *t, const pith_token *tok) {
    pith_node *html;
    if (tok) {
        html = tb_create(t, tok, PITH_NS_HTML);
    } else {
        html = pith_dom_element(t->dom, PITH_TAG_HTML, PITH_NS_HTML, NULL, 0);
        if (!html) t->failed = true;
    }
    if (!html) return TB_STOP;
    pith_dom_append(t->dom->root, html);
    if (!tb_push(t, html)) return TB_STOP;
    t->mode = M_BEFORE_HEAD;
    return TB_DONE;
}

tb_result tb_before_html(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, t->dom->root);
        return result(t);
    case PITH_TOKEN_CHARACTER:
        if (take_space(t, tok, false)) return TB_DONE;
        break;
    case PITH_TOKEN_START_TAG:
        if (tok->tag == PITH_TAG_HTML) return create_html(t, tok);
        break;
    case PITH_TOKEN_END_TAG:
        if (!passthrough_end(tok)) return TB_DONE;
        break;
    default: break;
    }
    if (create_html(t, NULL) == TB_STOP) return TB_STOP;
    return TB_REPROCESS;
}

tb_result tb_before_head(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
        if (take_space(t, tok, false)) return TB_DONE;
        break;
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_START_TAG:
        if (tok->tag == PITH_TAG_HTML) return tb_in_body(t, tok);
        if (tok->tag == PITH_TAG_HEAD) {
            t->head = tb_insert(t, tok);
            if (!t->head) return TB_STOP;
            t->mode = M_IN_HEAD;
            return TB_DONE;
        }
        break;
    case PITH_TOKEN_END_TAG:
        if (!passthrough_end(tok)) return TB_DONE;
        break;
    default: break;
    }
    t->head = tb_insert_tag(t, PITH_TAG_HEAD);
    if (!t->head) return TB_STOP;
    t->mode = M_IN_HEAD;
    return TB_REPROCESS;
}

/* The generic raw text / RCDATA element parsing algorithm (13.2.6.2). The
 * element is always pushed, even at the depth limit: text mode pops it at
 * its end tag, so the stack grows by one at most. */
tb_result tb_generic_text(tb *t, const pith_token *tok, pith_tokenizer_state state) {
    pith_node *n = tb_create(t, tok, PITH_NS_HTML);
    if (!n) return TB_STOP;
    tb_attach(t, n);
    if (!tb_push(t, n)) return TB_STOP;
    pith_tokenizer_set_state(t->tok, state);
    pith_tokenizer_set_noscript_stop(t->tok, t->noscript_bounded && t->open_count[PITH_TAG_NOSCRIPT]);
    t->original_mode = t->mode;
    t->mode = M_TEXT;
    return TB_DONE;
}

static tb_result insert_void(tb *t, const pith_token *tok) {
    pith_node *n = tb_create(t, tok, PITH_NS_HTML);
    if (!n) return TB_STOP;
    tb_attach(t, n);
    return TB_DONE;
}

static tb_result head_template_end(tb *t) {
    if (!tb_has_open(t, PITH_TAG_TEMPLATE)) return TB_DONE;
    tb_implied_end_thorough(t);
    tb_pop_until(t, PITH_TAG_TEMPLATE);
    tb_afe_clear_to_marker(t);
    tb_pop_tmode(t);
    tb_reset_mode(t);
    return TB_DONE;
}

tb_result tb_in_head(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
        if (take_space(t, tok, true)) return result(t);
        break;
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_START_TAG:
        switch (tok->tag) {
        case PITH_TAG_HTML: return tb_in_body(t, tok);
        case PITH_TAG_BASE:
        case PITH_TAG_BASEFONT:
        case PITH_TAG_BGSOUND:
        case PITH_TAG_LINK:
        case PITH_TAG_META: return insert_void(t, tok);
        case PITH_TAG_TITLE: return tb_generic_text(t, tok, PITH_TOK_RCDATA);
        case PITH_TAG_NOSCRIPT:
            /* Scripting is off: <noscript> in head holds markup. */
            if (!tb_insert(t, tok)) return TB_STOP;
            if (t->pushed) t->mode = M_IN_HEAD_NOSCRIPT;
            return TB_DONE;
        case PITH_TAG_NOFRAMES:
        case PITH_TAG_STYLE: return tb_generic_text(t, tok, PITH_TOK_RAWTEXT);
        case PITH_TAG_SCRIPT: return tb_generic_text(t, tok, PITH_TOK_SCRIPT_DATA);
        case PITH_TAG_TEMPLATE:
            if (!tb_insert(t, tok)) return TB_STOP;
            if (!t->pushed) return TB_DONE;
            if (!tb_afe_marker(t)) return TB_STOP;
            t->frameset_ok = false;
            t->mode = M_IN_TEMPLATE;
            if (!tb_push_tmode(t, M_IN_TEMPLATE)) return TB_STOP;
            return TB_DONE;
        case PITH_TAG_HEAD: return TB_DONE;
        default: break;
        }
        break;
    case PITH_TOKEN_END_TAG:
        switch (tok->tag) {
        case PITH_TAG_HEAD:
            tb_pop(t);
            t->mode = M_AFTER_HEAD;
            return TB_DONE;
        case PITH_TAG_BODY:
        case PITH_TAG_HTML:
        case PITH_TAG_BR: break;
        case PITH_TAG_TEMPLATE: return head_template_end(t);
        default: return TB_DONE;
        }
        break;
    default: break;
    }
    tb_pop(t);
    t->mode = M_AFTER_HEAD;
    return TB_REPROCESS;
}

tb_result tb_in_head_noscript(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_COMMENT: return tb_in_head(t, tok);
    case PITH_TOKEN_CHARACTER: {
        size_t k = tb_space_prefix(tok->data.ptr, tok->data.len);
        if (k && !tb_insert_text(t, tok->data.ptr, k)) return TB_STOP;
        tok->data.ptr += k;
        tok->data.len -= k;
        if (!tok->data.len) return TB_DONE;
        break;
    }
    case PITH_TOKEN_START_TAG:
        switch (tok->tag) {
        case PITH_TAG_HTML: return tb_in_body(t, tok);
        case PITH_TAG_BASEFONT:
        case PITH_TAG_BGSOUND:
        case PITH_TAG_LINK:
        case PITH_TAG_META:
        case PITH_TAG_NOFRAMES:
        case PITH_TAG_STYLE: return tb_in_head(t, tok);
        case PITH_TAG_HEAD:
        case PITH_TAG_NOSCRIPT: return TB_DONE;
        default: break;
        }
        break;
    case PITH_TOKEN_END_TAG:
        if (tok->tag == PITH_TAG_NOSCRIPT) {
            tb_pop(t);
            t->mode = M_IN_HEAD;
            return TB_DONE;
        }
        if (tok->tag != PITH_TAG_BR) return TB_DONE;
        break;
    default: break;
    }
    tb_pop(t);
    t->mode = M_IN_HEAD;
    return TB_REPROCESS;
}

tb_result tb_after_head(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
        if (take_space(t, tok, true)) return result(t);
        break;
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_START_TAG:
        switch (tok->tag) {
        case PITH_TAG_HTML: return tb_in_body(t, tok);
        case PITH_TAG_BODY:
            if (!tb_insert(t, tok)) return TB_STOP;
            t->frameset_ok = false;
            t->mode = M_IN_BODY;
            return TB_DONE;
        case PITH_TAG_FRAMESET:
            if (!tb_insert(t, tok)) return TB_STOP;
            t->mode = M_IN_FRAMESET;
            return TB_DONE;
        case PITH_TAG_BASE: case PITH_TAG_BASEFONT: case PITH_TAG_BGSOUND: case PITH_TAG_LINK:
        case PITH_TAG_META: case PITH_TAG_NOFRAMES: case PITH_TAG_SCRIPT: case PITH_TAG_STYLE:
        case PITH_TAG_TEMPLATE: case PITH_TAG_TITLE: {
            pith_node *head = t->head;
            if (!head) return TB_DONE;
            if (!tb_push(t, head)) return TB_STOP;
            tb_result r = tb_in_head(t, tok);
            tb_remove_open(t, head);
            return r;
        }
        case PITH_TAG_HEAD: return TB_DONE;
        default: break;
        }
        break;
    case PITH_TOKEN_END_TAG:
        switch (tok->tag) {
        case PITH_TAG_TEMPLATE: return tb_in_head(t, tok);
        case PITH_TAG_BODY:
        case PITH_TAG_HTML:
        case PITH_TAG_BR: break;
        default: return TB_DONE;
        }
        break;
    default: break;
    }
    if (!tb_insert_tag(t, PITH_TAG_BODY)) return TB_STOP;
    t->mode = M_IN_BODY;
    return TB_REPROCESS;
}

tb_result tb_text(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
        tb_insert_text(t, tok->data.ptr, tok->data.len);
        return result(t);
    case PITH_TOKEN_EOF:
        tb_pop(t);
        t->mode = t->original_mode;
        return TB_REPROCESS;
    case PITH_TOKEN_END_TAG:
        tb_pop(t);
        t->mode = t->original_mode;
        /* A noscript's end tag that closed the raw text (noscript_bounded):
         * it closes the noscript too. */
        if (t->noscript_bounded && tok->tag == PITH_TAG_NOSCRIPT) return TB_REPROCESS;
        return TB_DONE;
    default: return TB_DONE;
    }
}

tb_result tb_after_body(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER: {
        size_t k = tb_space_prefix(tok->data.ptr, tok->data.len);
        if (k == tok->data.len) return tb_in_body(t, tok);
        if (k) {
            pith_token sp = *tok;
            sp.data.len = k;
            if (tb_in_body(t, &sp) == TB_STOP) return TB_STOP;
            tok->data.ptr += k;
            tok->data.len -= k;
        }
        break;
    }
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, t->nopen ? t->open[0] : t->dom->root);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_START_TAG:
        if (tok->tag == PITH_TAG_HTML) return tb_in_body(t, tok);
        break;
    case PITH_TOKEN_END_TAG:
        if (tok->tag == PITH_TAG_HTML) {
            if (!t->context) t->mode = M_AFTER_AFTER_BODY;
            return TB_DONE;
        }
        break;
    case PITH_TOKEN_EOF: tb_stop_parsing(t); return TB_DONE;
    }
    t->mode = M_IN_BODY;
    return TB_REPROCESS;
}

tb_result tb_in_frameset(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
        insert_spaces_only(t, tok);
        return result(t);
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return TB_DONE;
    case PITH_TOKEN_START_TAG:
        switch (tok->tag) {
        case PITH_TAG_HTML: return tb_in_body(t, tok);
        case PITH_TAG_FRAMESET: return tb_insert(t, tok) ? TB_DONE : TB_STOP;
        case PITH_TAG_FRAME: return insert_void(t, tok);
        case PITH_TAG_NOFRAMES: return tb_in_head(t, tok);
        default: return TB_DONE;
        }
    case PITH_TOKEN_END_TAG:
        if (tok->tag == PITH_TAG_FRAMESET) {
            if (t->nopen <= 1) return TB_DONE;
            tb_pop(t);
            if (!t->context && !tb_cur_is(t, PITH_TAG_FRAMESET)) t->mode = M_AFTER_FRAMESET;
        }
        return TB_DONE;
    case PITH_TOKEN_EOF: tb_stop_parsing(t); return TB_DONE;
    }
    return TB_DONE;
}

tb_result tb_after_frameset(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_CHARACTER:
        insert_spaces_only(t, tok);
        return result(t);
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return result(t);
    case PITH_TOKEN_START_TAG:
        if (tok->tag == PITH_TAG_HTML) return tb_in_body(t, tok);
        if (tok->tag == PITH_TAG_NOFRAMES) return tb_in_head(t, tok);
        return TB_DONE;
    case PITH_TOKEN_END_TAG:
        if (tok->tag == PITH_TAG_HTML) t->mode = M_AFTER_AFTER_FRAMESET;
        return TB_DONE;
    case PITH_TOKEN_EOF: tb_stop_parsing(t); return TB_DONE;
    default: return TB_DONE;
    }
}

tb_result tb_after_after_body(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, t->dom->root);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return tb_in_body(t, tok);
    case PITH_TOKEN_CHARACTER: {
        size_t k = tb_space_prefix(tok->data.ptr, tok->data.len);
        if (k == tok->data.len) return tb_in_body(t, tok);
        if (k) {
            pith_token sp = *tok;
            sp.data.len = k;
            if (tb_in_body(t, &sp) == TB_STOP) return TB_STOP;
            tok->data.ptr += k;
            tok->data.len -= k;
        }
        break;
    }
    case PITH_TOKEN_START_TAG:
        if (tok->tag == PITH_TAG_HTML) return tb_in_body(t, tok);
        break;
    case PITH_TOKEN_EOF: tb_stop_parsing(t); return TB_DONE;
    default: break;
    }
    t->mode = M_IN_BODY;
    return TB_REPROCESS;
}

tb_result tb_after_after_frameset(tb *t, pith_token *tok) {
    switch (tok->type) {
    case PITH_TOKEN_COMMENT:
        tb_insert_comment(t, tok, t->dom->root);
        return result(t);
    case PITH_TOKEN_DOCTYPE: return tb_in_body(t, tok);
    case PITH_TOKEN_CHARACTER: {
        /* Whitespace goes through "in body"; everything else is ignored. */
        pith_token sp = *tok;
        const char *s = tok->data.ptr;
        for (size_t i = 0; i < tok->data.len;) {
            size_t j = i;
            while (j < tok->data.len && ascii_is_space(s[j])) j++;
            if (j > i) {
                sp.data.ptr = s + i;
                sp.data.len = j - i;
                if (tb_in_body(t, &sp) == TB_STOP) return TB_STOP;
            }
            while (j < tok->data.len && !ascii_is_space(s[j])) j++;
            i = j;
        }
        return TB_DONE;
    }
    case PITH_TOKEN_START_TAG:
        if (tok->tag == PITH_TAG_HTML) return tb_in_body(t, tok);
        if (tok->tag == PITH_TAG_NOFRAMES) return tb_in_head(t, tok);
        return TB_DONE;
    case PITH_TOKEN_EOF: tb_stop_parsing(t); return TB_DONE;
    default: return TB_DONE;
    }
}
