/* STUB - replaced by the encoding work (issue 2). Copies bytes as UTF-8. */
#include "encoding.h"

#include <string.h>

const char *pith_encoding_for_label(const char *label, size_t len) {
    (void)label;
    (void)len;
    return "UTF-8";
}

const char *pith_encoding_prescan(const char *bytes, size_t len) {
    (void)bytes;
    (void)len;
    return NULL;
}

const char *pith_encoding_source_name(pith_encoding_source source) {
    (void)source;
    return "default";
}

bool pith_decode_html(pith_arena *arena, const char *bytes, size_t len, const char *transport,
                      size_t transport_len, char **out, size_t *out_len, pith_decode_info *info) {
    (void)transport;
    (void)transport_len;
    *out = pith_arena_strndup(arena, bytes, len);
    *out_len = len;
    info->encoding = "UTF-8";
    info->source = PITH_ENC_FROM_DEFAULT;
    info->replacements = 0;
    return *out != NULL;
}
