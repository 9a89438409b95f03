/*
 * readable_date.c - ISO 8601 dates for readers (see readable_date.h).
 */
#include "render/readable_date.h"

#include <string.h>

static const char *const months[12] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

/* The n-digit number at p, or -1. */
static int digits(const char *p, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

static int days_in(int year, int month) {
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* The zone after the time: "" (none), "Z", or "+hh:mm" / "-hh:mm". */
static bool zone_ok(const char *p, size_t n) {
    if (n == 0 || (n == 1 && p[0] == 'Z')) return true;
    if (n != 6 || (p[0] != '+' && p[0] != '-') || p[3] != ':') return false;
    int h = digits(p + 1, 2), m = digits(p + 4, 2);
    return h >= 0 && h <= 14 && m >= 0 && m <= 59;
}

bool pith_readable_date(const char *iso, size_t len, pith_buf *out) {
    if (!iso || (len != 4 && len != 7 && len < 10)) return false;
    int year = digits(iso, 4), month = 0, day = 0, hour = -1, minute = 0;
    if (year < 1) return false;
    if (len >= 7 && (iso[4] != '-' || (month = digits(iso + 5, 2)) < 1 || month > 12)) return false;
    if (len >= 10 && (iso[7] != '-' || (day = digits(iso + 8, 2)) < 1 || day > days_in(year, month))) return false;
    size_t zone = len;
    if (len > 10) {
        /* "Thh:mm", then optional ":ss" and ".fff", then the zone. */
        if (len < 16 || iso[10] != 'T' || iso[13] != ':') return false;
        hour = digits(iso + 11, 2);
        minute = digits(iso + 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
        zone = 16;
        if (zone + 3 <= len && iso[zone] == ':') {
            int sec = digits(iso + zone + 1, 2);
            if (sec < 0 || sec > 60) return false;
            zone += 3;
            if (zone < len && iso[zone] == '.') {
                zone++;
                while (zone < len && iso[zone] >= '0' && iso[zone] <= '9') zone++;
            }
        }
        if (!zone_ok(iso + zone, len - zone)) return false;
    }
    if (day) pith_buf_printf(out, "%d ", day);
    if (month) pith_buf_printf(out, "%s ", months[month - 1]);
    pith_buf_printf(out, "%04d", year);
    if (hour < 0) return true;
    pith_buf_printf(out, ", %02d:%02d", hour, minute);
    if (zone == len) return true;
    pith_buf_append(out, " UTC", 4);
    if (iso[zone] != 'Z') pith_buf_append(out, iso + zone, len - zone);
    return true;
}
