/*
 * url.h - resolving a link or image URL found in a page against the page's
 * URL, and the scheme check that keeps javascript:, data: and friends out
 * of pith's output.
 *
 * Resolution follows the WHATWG URL standard for the cases real pages use:
 * absolute URLs, scheme-relative "//host/p", root-relative "/p", relative
 * paths with "." and ".." segments (also spelled %2e), "?query", "#frag",
 * the empty reference, "http:rel" against an http base, backslashes as
 * slashes in http(s) URLs, leading/trailing C0-or-space stripped and
 * tab/newline removed anywhere, ASCII host lower-cased, default ports
 * dropped, spaces/controls/non-ASCII/quotes/angle brackets percent-encoded.
 * Not covered: IDNA (non-ASCII hosts stay as given), IPv4/IPv6 host
 * canonicalisation, file: and other non-http bases (resolution against them
 * fails).
 */
#ifndef PITH_UTIL_URL_H
#define PITH_UTIL_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* Longest URL resolved (bytes of base + reference); longer ones fail: no
 * real link is this long, and output stays proportional to input. */
#define PITH_URL_MAX 32768

/* Resolves ref against base. base may be NULL when ref is absolute. On
 * success *out (NUL-terminated, in the arena) and *out_len are set and it
 * returns true. Fails (false) for a relative ref without a usable base
 * (absolute http/https), an http(s) URL with no host, a too-long URL, or
 * when the arena is exhausted. Other schemes (mailto:, javascript:) are
 * returned as given (cleaned, scheme lower-cased): check them with
 * pith_url_is_http(). */
bool pith_url_resolve(pith_arena *a, const char *base, size_t base_len, const char *ref, size_t ref_len,
                      const char **out, size_t *out_len);

/* True when s starts with "http://" or "https://" (any case): the only
 * URLs pith puts in links and images. */
bool pith_url_is_http(const char *s, size_t len);

#endif
