/*
 * meta_dates.c - date parsing and normalisation to ISO 8601.
 *
 * Pages write dates in every format: ISO 8601 with or without a zone, RFC
 * 2822 from feeds, "July 14, 2016", "14 July 2016 10:30 BST", "2016/07/14",
 * dotted European "14.07.2016", Unix seconds in data attributes. ISO strings
 * take a fast exact path; everything else goes through one token scan that
 * picks out a year, a month (name or number), a day, a time, an am/pm marker
 * and a zone, ignoring weekdays and filler words ("Published on ... at").
 *
 * Rules that keep wrong dates out (absent rather than wrong):
 *   - years outside 1990..2099 are rejected (copyright years of old
 *     libraries, phone numbers, "9999" placeholders);
 *   - ambiguous numeric dates ("05/06/2016": May 6 or 5 June?) are
 *     rejected; "14/07/2016" and "07/14/2016" are unambiguous, and dotted
 *     forms are day-first by convention (de, ru, pl, cs...);
 *   - a zone is kept as written and never invented: a date without one is
 *     emitted without one;
 *   - more than three unknown words means the text is a sentence, not a
 *     date.
 */
#include <stdio.h>
#include <string.h>

#include "meta_internal.h"
#include "../util/ascii.h"

#define YEAR_MIN 1990
#define YEAR_MAX 2099

static bool is_alpha_byte(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int days_in(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

static bool valid(const pith_date *d) {
    if (d->year < YEAR_MIN || d->year > YEAR_MAX || d->month < 1 || d->month > 12) return false;
    if (d->day < 1 || d->day > days_in(d->year, d->month)) return false;
    if (d->has_time && (d->hour < 0 || d->hour > 23 || d->minute < 0 || d->minute > 59 || d->second < 0 ||
                        d->second > 60))
        return false;
    if (d->has_tz && (d->tz_minutes < -14 * 60 || d->tz_minutes > 14 * 60)) return false;
    return true;
}

/* Reads exactly n digits at s[*i]; -1 if not there. */
static int digits(const char *s, size_t len, size_t *i, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
        if (*i >= len || !ascii_is_digit((unsigned char)s[*i])) return -1;
        v = v * 10 + (s[(*i)++] - '0');
    }
    return v;
}

/* Reads 1..max digits; -1 if none. */
static int number(const char *s, size_t len, size_t *i, int max, int *ndig) {
    int v = 0, n = 0;
    while (*i < len && n < max && ascii_is_digit((unsigned char)s[*i])) {
        v = v * 10 + (s[(*i)++] - '0');
        n++;
    }
    if (ndig) *ndig = n;
    return n ? v : -1;
}

/* ---------------------------------------------------------------- words */

/* Month names: English (full and 3-letter, "Sept"), and the languages of
 * the larger news markets whose names differ from English. Matched on the
 * lowercased word; a trailing '.' is dropped first ("Jan."). */
static const struct { const char *name; int month; } MONTHS[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
    {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
    {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10},
    {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
    /* German */
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    /* French */
    {"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6}, {"juillet", 7},
    {"août", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    /* Spanish */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12},
    /* Italian */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    /* Portuguese */
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    /* Dutch */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
};

/* Words that carry no date information but appear around dates. */
static const char *const FILLER[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "published", "updated", "posted", "modified", "last", "on", "at", "of", "the", "de", "del",
    "am", "um", "le", "el", "th", "st", "nd", "rd", "date", "time", "uhr", "h",
    /* Labels of visible date lines in the larger news languages ("Publié
     * le", "Veröffentlicht am", "Publicado el", "Pubblicato il",
     * "Gepubliceerd op") and their glue words. */
    "publié", "mis", "à", "jour", "veröffentlicht", "aktualisiert", "publicado", "actualizado",
    "pubblicato", "aggiornato", "il", "gepubliceerd", "bijgewerkt", "op", "em", "atualizado", "en",
    "created", "released", "first", "edited", "dated",
    /* "Posted on 12/15/2025 by <a>...", "Page updated: 12 November 2025". */
    "by", "page",
};

/* Zone abbreviations that are unambiguous in news use (minutes east of
 * UTC). "IST" and "CST" have rival meanings; the ones here are those news
 * sites use overwhelmingly (India, US Central). */
static const struct { const char *name; int minutes; } ZONES[] = {
    {"utc", 0}, {"gmt", 0}, {"z", 0}, {"ut", 0}, {"bst", 60}, {"cet", 60}, {"cest", 120},
    {"met", 60}, {"mest", 120}, {"eet", 120}, {"eest", 180}, {"wet", 0}, {"west", 60},
    {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},
    {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600},
    {"ist", 330}, {"jst", 540}, {"kst", 540}, {"hkt", 480}, {"sgt", 480}, {"aest", 600},
    {"aedt", 660}, {"acst", 570}, {"awst", 480}, {"nzst", 720}, {"nzdt", 780}, {"msk", 180},
};

/* w[0..n) equals the lowercase word name, ASCII case-insensitive. No
 * strlen of name first: each word of a candidate is tried against some 150
 * month, filler and zone names, and nearly all differ at the first byte. */
static bool word_is(const char *w, size_t n, const char *name) {
    for (size_t i = 0; i < n; i++)
        if (name[i] == '\0' || ascii_lower((unsigned char)w[i]) != (unsigned char)name[i]) return false;
    return name[n] == '\0';
}

static int month_of(const char *w, size_t n) {
    for (size_t i = 0; i < sizeof MONTHS / sizeof *MONTHS; i++)
        if (word_is(w, n, MONTHS[i].name)) return MONTHS[i].month;
    return 0;
}

static bool zone_of(const char *w, size_t n, int *minutes) {
    for (size_t i = 0; i < sizeof ZONES / sizeof *ZONES; i++)
        if (word_is(w, n, ZONES[i].name)) {
            *minutes = ZONES[i].minutes;
            return true;
        }
    return false;
}

static bool is_filler(const char *w, size_t n) {
    for (size_t i = 0; i < sizeof FILLER / sizeof *FILLER; i++)
        if (word_is(w, n, FILLER[i])) return true;
    return false;
}

/* ---------------------------------------------------------------- zones */

/* "+01:00", "-0500", "+05", at s[*i] (the sign). */
static bool offset_at(const char *s, size_t len, size_t *i, int *minutes) {
    size_t j = *i;
    if (j >= len || (s[j] != '+' && s[j] != '-' && strncmp(s + j, "\xe2\x88\x92", 3) != 0)) return false;
    int sign = s[j] == '+' ? 1 : -1;
    j += (unsigned char)s[j] == 0xe2 ? 3 : 1;
    int h = digits(s, len, &j, 2), m = 0;
    if (h < 0) return false;
    if (j < len && s[j] == ':') j++;
    if (j + 1 < len && ascii_is_digit((unsigned char)s[j])) {
        m = digits(s, len, &j, 2);
        if (m < 0) return false;
    }
    if (j < len && ascii_is_digit((unsigned char)s[j])) return false;
    if (h > 14 || m > 59) return false;
    *minutes = sign * (h * 60 + m);
    *i = j;
    return true;
}

/* ---------------------------------------------------------------- ISO */

/* "hh:mm[:ss[.frac]]" at s[*i]. */
static bool time_at(const char *s, size_t len, size_t *i, pith_date *d) {
    size_t j = *i;
    int nd;
    int h = number(s, len, &j, 2, &nd);
    if (h < 0 || j >= len || s[j] != ':') return false;
    j++;
    int m = digits(s, len, &j, 2), sec = 0;
    if (m < 0) return false;
    if (j < len && s[j] == ':') {
        j++;
        sec = digits(s, len, &j, 2);
        if (sec < 0) return false;
        if (j < len && (s[j] == '.' || s[j] == ',')) {
            j++;
            while (j < len && ascii_is_digit((unsigned char)s[j])) j++;
        }
    }
    d->hour = h;
    d->minute = m;
    d->second = sec;
    d->has_time = true;
    *i = j;
    return true;
}

static void skip_space(const char *s, size_t len, size_t *i) {
    while (*i < len && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n')) (*i)++;
}

/* The zone after an ISO time: Z, an offset, or " UTC"/" EDT". */
static void iso_zone(const char *s, size_t len, size_t *i, pith_date *d) {
    size_t j = *i;
    if (j < len && (s[j] == 'Z' || s[j] == 'z')) {
        d->has_tz = true;
        d->tz_minutes = 0;
        *i = j + 1;
        return;
    }
    skip_space(s, len, &j);
    if (offset_at(s, len, &j, &d->tz_minutes)) {
        d->has_tz = true;
        *i = j;
        return;
    }
    size_t w = j;
    while (j < len && is_alpha_byte((unsigned char)s[j])) j++;
    if (j > w && zone_of(s + w, j - w, &d->tz_minutes)) {
        d->has_tz = true;
        *i = j;
        /* "GMT+2" */
        int extra;
        if (offset_at(s, len, i, &extra)) d->tz_minutes = extra;
    }
}

/* YYYY-MM-DD[(T| )hh:mm[:ss[.f]][zone]], also with '/' or '.' between the
 * date parts (the same one twice). The whole string must be consumed. */
static bool parse_iso(const char *s, size_t len, pith_date *d) {
    size_t i = 0;
    d->year = digits(s, len, &i, 4);
    if (d->year < 0 || i >= len) return false;
    char sep = s[i];
    if (sep != '-' && sep != '/' && sep != '.') return false;
    i++;
    int nd;
    d->month = number(s, len, &i, 2, &nd);
    if (d->month < 0 || i >= len || s[i] != sep) return false;
    i++;
    d->day = number(s, len, &i, 2, &nd);
    if (d->day < 0) return false;
    if (i < len && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        size_t j = i + 1;
        skip_space(s, len, &j);
        if (time_at(s, len, &j, d)) {
            i = j;
            iso_zone(s, len, &i, d);
        }
    }
    skip_space(s, len, &i);
    return i == len;
}

/* ---------------------------------------------------------------- epoch */

/* Civil date from days since 1970-01-01 (Howard Hinnant's algorithm). */
static void civil_from_days(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* 10 digits: Unix seconds; 13: milliseconds (data-timestamp attributes). */
static bool parse_epoch(const char *s, size_t len, pith_date *d) {
    if (len != 10 && len != 13) return false;
    long long v = 0;
    for (size_t i = 0; i < len; i++) {
        if (!ascii_is_digit((unsigned char)s[i])) return false;
        v = v * 10 + (s[i] - '0');
    }
    if (len == 13) v /= 1000;
    long days = (long)(v / 86400), rem = (long)(v % 86400);
    civil_from_days(days, &d->year, &d->month, &d->day);
    d->hour = (int)(rem / 3600);
    d->minute = (int)(rem / 60 % 60);
    d->second = (int)(rem % 60);
    d->has_time = d->has_tz = true;
    d->tz_minutes = 0;
    return true;
}

/* YYYYMMDD alone (parsely, sailthru and URL slugs use it). */
static bool parse_compact(const char *s, size_t len, pith_date *d) {
    if (len != 8) return false;
    size_t i = 0;
    d->year = digits(s, len, &i, 4);
    d->month = digits(s, len, &i, 2);
    d->day = digits(s, len, &i, 2);
    return d->day >= 0 && d->month >= 0 && d->year >= 0;
}

/* ---------------------------------------------------------------- free form */

typedef struct scan {
    pith_date d;
    int unknown;   /* words that are neither date parts nor filler */
    int pm;        /* 0 none, 1 am, 2 pm */
    bool bad;      /* a contradiction: two years, ambiguous numbers */
    int lone[3];   /* bare numbers (day candidates) in order */
    int nlone;
} scan;

/* "14/07/2016", "07-14-2016", "14.07.2016", "2016/07/14". */
static bool numeric_triple(const char *s, size_t len, size_t *i, scan *sc) {
    size_t j = *i;
    int n1, n2, n3;
    int a = number(s, len, &j, 4, &n1);
    if (a < 0 || j >= len) return false;
    char sep = s[j];
    if (sep != '/' && sep != '.' && sep != '-') return false;
    j++;
    int b = number(s, len, &j, 2, &n2);
    if (b < 0 || j >= len || s[j] != sep) return false;
    j++;
    int c = number(s, len, &j, 4, &n3);
    if (c < 0 || (j < len && ascii_is_digit((unsigned char)s[j]))) return false;
    pith_date *d = &sc->d;
    if (n1 == 4) {
        d->year = a, d->month = b, d->day = c;
    } else if (n3 == 4) {
        d->year = c;
        if (a > 12 || sep == '.') d->day = a, d->month = b;  /* day first */
        else if (b > 12 || a == b) d->month = a, d->day = b;  /* US order */
        else sc->bad = true;                                  /* ambiguous */
    } else {
        return false;
    }
    *i = j;
    return true;
}

/* 1, 2, 3 for the year, month and day signs of Chinese and Japanese
 * (年 月 日) and Korean (년 월 일) at s[i]; 0 otherwise. */
static int cjk_unit(const char *s, size_t len, size_t i) {
    static const char *const UNITS[6] = {"\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5",
                                         "\xeb\x85\x84", "\xec\x9b\x94", "\xec\x9d\xbc"};
    if (i + 3 > len || (unsigned char)s[i] < 0xE0) return 0;
    for (int k = 0; k < 6; k++)
        if (memcmp(s + i, UNITS[k], 3) == 0) return k % 3 + 1;
    return 0;
}

static void scan_number(const char *s, size_t len, size_t *i, scan *sc) {
    size_t start = *i;
    if (numeric_triple(s, len, i, sc)) return;
    *i = start;
    if (time_at(s, len, i, &sc->d)) return;
    *i = start;
    int nd;
    int v = number(s, len, i, 9, &nd);
    while (*i < len && ascii_is_digit((unsigned char)s[*i])) (*i)++;
    /* "2025年11月12日" (Chinese, Japanese), "2025년 11월 12일" (Korean): the
     * unit after the number says what it is. */
    int unit = cjk_unit(s, len, *i);
    if (unit) {
        *i += 3;
        pith_date *d = &sc->d;
        int *slot = unit == 1 ? &d->year : unit == 2 ? &d->month : &d->day;
        if (*slot && *slot != v) sc->bad = true;
        *slot = v;
        if (unit == 1 && (nd != 4 || v < YEAR_MIN || v > YEAR_MAX)) sc->bad = true;
        return;
    }
    if (nd == 4 && v >= YEAR_MIN && v <= YEAR_MAX) {
        if (sc->d.year && sc->d.year != v) sc->bad = true;
        sc->d.year = v;
    } else if (nd <= 2 && sc->nlone < 3) {
        sc->lone[sc->nlone++] = v;
    } else {
        sc->unknown++;
    }
}

static void scan_word(const char *w, size_t n, scan *sc) {
    if (n > 1 && w[n - 1] == '.') n--;       /* "Jan.", "p.m." handled below */
    int m = month_of(w, n), z;
    if (m) {
        if (sc->d.month && sc->d.month != m) sc->bad = true;
        sc->d.month = m;
    } else if (word_is(w, n, "pm") || word_is(w, n, "p.m")) {
        sc->pm = 2;
    } else if ((word_is(w, n, "am") || word_is(w, n, "a.m")) && sc->d.has_time) {
        sc->pm = 1;
    } else if (sc->d.has_time && !sc->d.has_tz && zone_of(w, n, &z)) {
        sc->d.has_tz = true;
        sc->d.tz_minutes = z;
    } else if (!is_filler(w, n)) {
        sc->unknown++;
    }
}

static bool parse_free(const char *s, size_t len, int max_unknown, pith_date *out) {
    scan sc;
    memset(&sc, 0, sizeof sc);
    size_t i = 0;
    while (i < len && !sc.bad) {
        unsigned char c = (unsigned char)s[i];
        if (ascii_is_digit(c)) {
            scan_number(s, len, &i, &sc);
        } else if (is_alpha_byte(c)) {
            size_t w = i;
            while (i < len && (is_alpha_byte((unsigned char)s[i]) || (s[i] == '.' && i + 1 < len &&
                                                                     is_alpha_byte((unsigned char)s[i + 1]))))
                i++;
            if (i < len && s[i] == '.') i++;
            scan_word(s + w, i - w, &sc);
        } else if ((c == '+' || c == '-') && sc.d.has_time && !sc.d.has_tz) {
            if (offset_at(s, len, &i, &sc.d.tz_minutes)) sc.d.has_tz = true;
            else i++;
        } else {
            i++;
        }
        if (sc.unknown > max_unknown) return false;
    }
    if (sc.bad || !sc.d.year || !sc.d.month) return false;
    if (!sc.d.day) {
        /* The day is a bare number: exactly one, or the first of a pair
         * where the other one is the hour of "10 30"? no: one only. */
        if (sc.nlone != 1) return false;
        sc.d.day = sc.lone[0];
    } else if (sc.nlone) {
        return false;  /* a triple plus stray numbers: unclear */
    }
    if (sc.d.has_time && sc.pm) {
        if (sc.d.hour < 1 || sc.d.hour > 12) return false;
        if (sc.pm == 2 && sc.d.hour != 12) sc.d.hour += 12;
        if (sc.pm == 1 && sc.d.hour == 12) sc.d.hour = 0;
    }
    *out = sc.d;
    return true;
}

/* ---------------------------------------------------------------- API */

/* Whether s holds four digits in a row. Every form above needs them: the
 * year is read as exactly four digits (YEAR_MIN..YEAR_MAX) and an epoch
 * has ten or thirteen. Most texts offered as dates ("3 comments", "5 min
 * read", a byline) have none and are turned away here, before the three
 * parsers; a text that passes is parsed exactly as before. */
static bool has_year_digits(const char *s, size_t len) {
    for (size_t i = 0, run = 0; i < len; i++) {
        run = ascii_is_digit((unsigned char)s[i]) ? run + 1 : 0;
        if (run == 4) return true;
    }
    return false;
}

bool pith_date_parse(const char *s, size_t len, pith_date *out) { return pith_date_parse_ex(s, len, 3, out); }

bool pith_date_parse_ex(const char *s, size_t len, int max_unknown, pith_date *out) {
    memset(out, 0, sizeof *out);
    if (!s) return false;
    while (len && (unsigned char)s[0] <= ' ') s++, len--;
    while (len && (unsigned char)s[len - 1] <= ' ') len--;
    if (!len || len > 120 || !has_year_digits(s, len)) return false;
    pith_date d;
    memset(&d, 0, sizeof d);
    bool ok = parse_iso(s, len, &d);
    if (!ok) {
        memset(&d, 0, sizeof d);
        ok = parse_epoch(s, len, &d) || parse_compact(s, len, &d);
    }
    if (!ok) {
        memset(&d, 0, sizeof d);
        ok = parse_free(s, len, max_unknown, &d);
    }
    if (!ok || !valid(&d)) return false;
    *out = d;
    return true;
}

/* A date segment in a URL path: /YYYY/MM/DD/, /YYYY-MM-DD/, /YYYYMMDD/ (each
 * may end with '/', '-', '_', '.' or the end). A bare year or year/month is
 * not a date. */
static bool url_date_at(const char *s, size_t len, size_t i, pith_date *d) {
    size_t j = i;
    memset(d, 0, sizeof *d);
    d->year = digits(s, len, &j, 4);
    if (d->year < 0) return false;
    if (j < len && (s[j] == '/' || s[j] == '-' || s[j] == '_')) {
        char sep = s[j++];
        int nd;
        /* "/2019/nov/18/" (The Guardian, PolitiFact): a month name. */
        size_t w = j;
        while (j < len && ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z')) j++;
        if (j - w >= 3 && j - w <= 9) d->month = month_of(s + w, j - w);
        else j = w, d->month = number(s, len, &j, 2, &nd);
        if (d->month <= 0 || j >= len || s[j] != sep) return false;
        j++;
        d->day = number(s, len, &j, 2, &nd);
        if (d->day < 0) return false;
    } else {
        d->month = digits(s, len, &j, 2);
        d->day = digits(s, len, &j, 2);
        if (d->month < 0 || d->day < 0) return false;
    }
    if (j < len && s[j] != '/' && s[j] != '-' && s[j] != '_' && s[j] != '.' && s[j] != '?' && s[j] != '#' && s[j] != '+')
        return false;
    return valid(d);
}

bool pith_date_from_url(const char *url, size_t len, pith_date *out) {
    memset(out, 0, sizeof *out);
    if (!url) return false;
    /* Skip the scheme and host: dates live in the path. */
    size_t i = 0;
    for (const char *p = url; (p = memchr(p, ':', len - (size_t)(p - url))) != NULL; p++)
        if ((size_t)(url + len - p) >= 3 && p[1] == '/' && p[2] == '/') {
            i = (size_t)(p - url) + 3;
            break;
        }
    while (i < len && url[i] != '/') i++;
    for (; i < len && url[i] != '?' && url[i] != '#'; i++) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
        /* Every segment of a slug comes here: a date starts with a digit. */
        if (i + 1 < len && ascii_is_digit((unsigned char)url[i + 1]) && url_date_at(url, len, i + 1, out)) return true;
    }
    memset(out, 0, sizeof *out);
    return false;
}

size_t pith_date_format(const pith_date *d, char *buf) {
    int n = snprintf(buf, 32, "%04d-%02d-%02d", d->year, d->month, d->day);
    if (d->has_time) {
        n += snprintf(buf + n, 32 - (size_t)n, "T%02d:%02d:%02d", d->hour, d->minute, d->second);
        if (d->has_tz) {
            int z = d->tz_minutes < 0 ? -d->tz_minutes : d->tz_minutes;
            if (d->tz_minutes == 0) n += snprintf(buf + n, 32 - (size_t)n, "Z");
            else n += snprintf(buf + n, 32 - (size_t)n, "%c%02d:%02d", d->tz_minutes < 0 ? '-' : '+', z / 60, z % 60);
        }
    }
    return (size_t)n;
}

/* Minutes since the epoch; local times are treated as UTC (the best we can
 * do when one side has no zone). */
static long long instant(const pith_date *d) {
    long long t = (long long)days_from_civil(d->year, d->month, d->day) * 1440;
    if (d->has_time) t += d->hour * 60 + d->minute;
    if (d->has_time && d->has_tz) t -= d->tz_minutes;
    return t;
}

int pith_date_cmp(const pith_date *a, const pith_date *b) {
    /* Without times, only the calendar day can be compared. */
    if (!a->has_time || !b->has_time) {
        long da = days_from_civil(a->year, a->month, a->day), db = days_from_civil(b->year, b->month, b->day);
        return da < db ? -1 : da > db;
    }
    long long x = instant(a) * 60 + a->second, y = instant(b) * 60 + b->second;
    return x < y ? -1 : x > y;
}

/* ---------------------------------------------------------------- relative */

/* Units of relative stamps, singular and plural, in English, French,
 * German, Spanish, Italian, Portuguese and Dutch; minutes each. */
static const struct { const char *name; long minutes; } UNITS[] = {
    {"second", 0}, {"seconds", 0}, {"sec", 0}, {"secs", 0}, {"minute", 1}, {"minutes", 1}, {"min", 1}, {"mins", 1},
    {"hour", 60}, {"hours", 60}, {"hr", 60}, {"hrs", 60}, {"h", 60}, {"day", 1440}, {"days", 1440},
    {"week", 10080}, {"weeks", 10080},
    {"heure", 60}, {"heures", 60}, {"jour", 1440}, {"jours", 1440}, {"semaine", 10080}, {"semaines", 10080},
    {"stunde", 60}, {"stunden", 60}, {"minuten", 1}, {"tag", 1440}, {"tagen", 1440}, {"woche", 10080},
    {"wochen", 10080}, {"minuto", 1}, {"minutos", 1}, {"hora", 60}, {"horas", 60}, {"día", 1440},
    {"días", 1440}, {"dia", 1440}, {"dias", 1440}, {"semana", 10080}, {"semanas", 10080}, {"minuti", 1},
    {"ora", 60}, {"ore", 60}, {"giorno", 1440}, {"giorni", 1440}, {"settimana", 10080}, {"settimane", 10080},
    {"uur", 60}, {"dag", 1440}, {"dagen", 1440},
};

/* The words of s (letters, digits), at most 6, lowercased into w. */
static size_t split_words(const char *s, size_t len, char w[6][16]) {
    size_t n = 0, i = 0;
    while (i < len && n < 6) {
        while (i < len && !is_alpha_byte((unsigned char)s[i]) && !ascii_is_digit((unsigned char)s[i])) i++;
        size_t st = i, k = 0;
        while (i < len && (is_alpha_byte((unsigned char)s[i]) || ascii_is_digit((unsigned char)s[i]))) {
            if (k < 15) w[n][k++] = (char)ascii_lower((unsigned char)s[i]);
            i++;
        }
        if (i == st) break;
        if (k == 15) return 7; /* a word too long for a stamp */
        w[n++][k] = 0;
    }
    while (i < len && !is_alpha_byte((unsigned char)s[i]) && !ascii_is_digit((unsigned char)s[i])) i++;
    return i < len ? 7 : n;
}

bool pith_date_relative(const char *s, size_t len, long *minutes, bool *day_unit) {
    char w[6][16];
    if (!s || len > 60) return false;
    size_t n = split_words(s, len, w);
    if (n == 0 || n > 5) return false;
    *day_unit = true;
    /* Label words before the stamp ("Updated 3 hours ago", "Posted yesterday"). */
    size_t f = 0;
    while (f < n && (strcmp(w[f], "updated") == 0 || strcmp(w[f], "published") == 0 || strcmp(w[f], "posted") == 0))
        f++;
    if (n - f == 1 && (strcmp(w[f], "yesterday") == 0 || strcmp(w[f], "hier") == 0 || strcmp(w[f], "gestern") == 0 ||
                       strcmp(w[f], "ayer") == 0 || strcmp(w[f], "ieri") == 0 || strcmp(w[f], "ontem") == 0 ||
                       strcmp(w[f], "gisteren") == 0)) {
        *minutes = 1440;
        return true;
    }
    /* "N unit ago" / "N unit geleden"; "il y a N unit"; "vor N unit"; "hace N unit"; "há N unit"; "N unit fa". */
    size_t num = n;
    if (n - f == 3 && (strcmp(w[f + 2], "ago") == 0 || strcmp(w[f + 2], "fa") == 0 || strcmp(w[f + 2], "geleden") == 0))
        num = f;
    else if (n - f == 5 && strcmp(w[f], "il") == 0 && strcmp(w[f + 1], "y") == 0 && strcmp(w[f + 2], "a") == 0)
        num = f + 3;
    else if (n - f == 3 && (strcmp(w[f], "vor") == 0 || strcmp(w[f], "hace") == 0 || strcmp(w[f], "há") == 0))
        num = f + 1;
    if (num + 1 >= n) return false;
    long k = 0;
    if (strcmp(w[num], "a") == 0 || strcmp(w[num], "an") == 0 || strcmp(w[num], "one") == 0) k = 1;
    else {
        for (const char *p = w[num]; *p; p++) {
            if (!ascii_is_digit((unsigned char)*p) || k > 10000) return false;
            k = k * 10 + (*p - '0');
        }
    }
    for (size_t u = 0; u < sizeof UNITS / sizeof *UNITS; u++)
        if (strcmp(w[num + 1], UNITS[u].name) == 0) {
            *minutes = k * UNITS[u].minutes;
            *day_unit = UNITS[u].minutes >= 1440;
            return true;
        }
    return false;
}

void pith_date_before(const pith_date *ref, long minutes, bool day_unit, pith_date *out) {
    *out = *ref;
    if (day_unit || !ref->has_time) {
        /* Whole days: the calendar day, no time (a stamp in hours against a
         * reference without a time gives the reference's day less whole days). */
        long days = days_from_civil(ref->year, ref->month, ref->day) - minutes / 1440;
        civil_from_days(days, &out->year, &out->month, &out->day);
        out->has_time = out->has_tz = false;
        out->hour = out->minute = out->second = out->tz_minutes = 0;
        return;
    }
    long long t = (long long)days_from_civil(ref->year, ref->month, ref->day) * 1440 + ref->hour * 60 + ref->minute -
                  minutes;
    long days = (long)(t >= 0 ? t / 1440 : (t - 1439) / 1440);
    long rem = (long)(t - (long long)days * 1440);
    civil_from_days(days, &out->year, &out->month, &out->day);
    out->hour = (int)(rem / 60);
    out->minute = (int)(rem % 60);
}
