/*
 * readable_date.h - an ISO 8601 date as a reader would write it, for the
 * HTML reader page (which keeps the ISO form in <time datetime>).
 *
 *   "2016"                       -> "2016"
 *   "2016-07"                    -> "July 2016"
 *   "2016-07-14"                 -> "14 July 2016"
 *   "2016-07-14T09:30:00+02:00"  -> "14 July 2016, 09:30 UTC+02:00"
 *   "2016-07-14T09:30:00Z"       -> "14 July 2016, 09:30 UTC"
 *   "2016-07-14T09:30:00"        -> "14 July 2016, 09:30"
 *
 * English month names: the page's language is not known to be one whose
 * names pith could write, and the ISO form stays in the markup.
 */
#ifndef PITH_RENDER_READABLE_DATE_H
#define PITH_RENDER_READABLE_DATE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Appends the readable form of iso[0..len) to out; false (nothing
 * appended) when it is not a date of the forms above with valid fields. */
bool pith_readable_date(const char *iso, size_t len, pith_buf *out);

#endif
