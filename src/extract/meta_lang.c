/*
 * meta_lang.c - language tags: normalisation of what pages declare
 * ("EN_us" -> "en-US", og:locale's "fr_FR" -> "fr-FR"), and a guess from
 * the text when they declare nothing.
 *
 * The guess counts very frequent function words (the 8-12 most common of
 * each language, chosen because they are short, frequent and rarely shared)
 * and, for scripts that belong to one language or family, the script
 * itself. It answers only with a clear winner: absent rather than wrong.
 */
#include <string.h>

#include "meta_internal.h"
#include "../util/ascii.h"

size_t pith_lang_normalize(const char *s, size_t len, char *buf) {
    while (len && (s[0] == ' ' || s[0] == '\t')) s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    /* "en-US,en;q=0.9" in content-language: the first tag. */
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == ';' || s[i] == ' ') {
            len = i;
            break;
        }
    size_t o = 0, i = 0, part = 0;
    while (i < len) {
        size_t st = i;
        while (i < len && ascii_is_alpha((unsigned char)s[i])) i++;
        size_t n = i - st;
        if (i < len && s[i] != '-' && s[i] != '_') {
            /* digits (es-419) are a region too; anything else ends the tag */
            while (i < len && s[i] >= '0' && s[i] <= '9') i++;
            n = i - st;
            if (i < len && s[i] != '-' && s[i] != '_') return 0;
        }
        if (part == 0 && (n < 2 || n > 3)) return 0;
        if (n == 0 || n > 8 || o + n + 1 >= 16) break;
        if (part) buf[o++] = '-';
        for (size_t k = 0; k < n; k++) {
            int c = (unsigned char)s[st + k];
            if (part == 0) c = ascii_lower(c);
            else if (n == 2) c = ascii_upper(c);                 /* region */
            else if (n == 4) c = k ? ascii_lower(c) : ascii_upper(c);  /* script */
            else c = ascii_lower(c);
            buf[o++] = (char)c;
        }
        part++;
        if (i < len) i++;  /* the separator */
        if (part == 3) break;
    }
    buf[o] = 0;
    /* "x-default", "und": declarations that declare nothing. */
    if (o == 3 && memcmp(buf, "und", 3) == 0) return 0;
    return part ? o : 0;
}

/* ---------------------------------------------------------------- detection */

static const struct {
    const char *lang;
    const char *words[12];
} STOPWORDS[] = {
    {"en", {"the", "and", "of", "to", "is", "that", "with", "for", "was", "this", "are", "have"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "ein", "eine", "auch"}},
    {"fr", {"le", "les", "des", "et", "est", "une", "dans", "pour", "qui", "pas", "sur", "avec"}},
    {"es", {"el", "los", "las", "que", "del", "por", "una", "con", "para", "como", "pero", "fue"}},
    {"it", {"il", "della", "che", "di", "non", "per", "una", "sono", "gli", "nel", "con", "anche"}},
    {"pt", {"os", "que", "não", "uma", "com", "para", "do", "da", "em", "mais", "foi", "ao"}},
    {"nl", {"het", "een", "van", "en", "niet", "zijn", "dat", "op", "met", "voor", "ook", "wordt"}},
    {"sv", {"och", "att", "det", "som", "är", "för", "med", "inte", "på", "av", "till", "har"}},
    {"da", {"og", "det", "er", "til", "som", "med", "ikke", "af", "har", "for", "på", "jeg"}},
    {"no", {"og", "det", "er", "til", "som", "med", "ikke", "av", "har", "for", "på", "jeg"}},
    {"fi", {"ja", "on", "ei", "se", "että", "oli", "kun", "mutta", "myös", "ovat", "hän", "sen"}},
    {"pl", {"nie", "się", "jest", "że", "na", "do", "jak", "ale", "przez", "dla", "jego", "oraz"}},
    {"cs", {"je", "se", "na", "že", "jako", "ale", "pro", "jsou", "byl", "který", "jeho", "také"}},
    {"ro", {"și", "în", "este", "care", "pentru", "nu", "cu", "mai", "din", "sunt", "fost", "că"}},
    {"tr", {"ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "çok", "daha", "gibi", "olan"}},
    {"id", {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "adalah"}},
    {"ru", {"и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "он", "для"}},
};
#define NLANG (sizeof STOPWORDS / sizeof *STOPWORDS)

/* Scripts that identify a language (or the family's usual web default). */
static const char *script_lang(unsigned cp) {
    if (cp >= 0x3040 && cp <= 0x30FF) return "ja";  /* kana: Japanese only */
    if (cp >= 0xAC00 && cp <= 0xD7AF) return "ko";  /* Hangul */
    if (cp >= 0x0E00 && cp <= 0x0E7F) return "th";
    if (cp >= 0x0590 && cp <= 0x05FF) return "he";
    if (cp >= 0x0370 && cp <= 0x03FF) return "el";
    if (cp >= 0x0900 && cp <= 0x097F) return "hi";
    return NULL;
}

static unsigned decode(const char *s, size_t len, size_t *i) {
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) return (*i)++, c;
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    unsigned cp = c & (0x3F >> n);
    (*i)++;
    for (int k = 0; k < n && *i < len; k++) cp = (cp << 6) | ((unsigned char)s[(*i)++] & 0x3F);
    return cp;
}

#define NWORDS (NLANG * 12)

const char *pith_lang_detect(const char *text, size_t len) {
    if (len > 65536) len = 65536;
    int score[NLANG] = {0}, script[6] = {0}, han = 0, arabic = 0, letters = 0;
    static const char *const SCRIPTS[6] = {"ja", "ko", "th", "he", "el", "hi"};
    /* The stopwords grouped by first byte (a counting sort, per call: no
     * global state), so that a word is compared with the dozen stopwords
     * sharing its first byte rather than all two hundred. */
    uint16_t start[257] = {0};
    struct { uint8_t lang, len; const char *w; } by_first[NWORDS];
    for (size_t l = 0; l < NLANG; l++)
        for (int k = 0; k < 12 && STOPWORDS[l].words[k]; k++) start[(unsigned char)STOPWORDS[l].words[k][0] + 1]++;
    for (int b = 0; b < 256; b++) start[b + 1] += start[b];
    uint16_t fill[256];
    memcpy(fill, start, sizeof fill);
    for (size_t l = 0; l < NLANG; l++)
        for (int k = 0; k < 12 && STOPWORDS[l].words[k]; k++) {
            const char *sw = STOPWORDS[l].words[k];
            uint16_t at = fill[(unsigned char)sw[0]]++;
            by_first[at].lang = (uint8_t)l;
            by_first[at].len = (uint8_t)strlen(sw);
            by_first[at].w = sw;
        }
    size_t i = 0;
    while (i < len) {
        /* one word */
        size_t st = i;
        while (i < len) {
            size_t j = i;
            unsigned cp = decode(text, len, &j);
            bool letter = (cp < 0x80 && ascii_is_alpha((int)cp)) || cp >= 0xC0;
            if (!letter) break;
            if (cp >= 0x80) {
                const char *sl = script_lang(cp);
                for (int k = 0; sl && k < 6; k++)
                    if (strcmp(sl, SCRIPTS[k]) == 0) script[k]++;
                han += cp >= 0x4E00 && cp <= 0x9FFF;
                arabic += cp >= 0x0600 && cp <= 0x06FF;
            }
            letters++;
            i = j;
        }
        size_t n = i - st;
        if (n && n <= 12) {
            char w[16];
            for (size_t k = 0; k < n; k++) w[k] = (char)ascii_lower((unsigned char)text[st + k]);
            /* Stopwords are 1-7 bytes: longer words cannot match. */
            unsigned f = (unsigned char)w[0];
            for (size_t e = start[f]; n <= 7 && e < start[f + 1]; e++)
                if (by_first[e].len == n && memcmp(by_first[e].w, w, n) == 0) score[by_first[e].lang]++;
        }
        if (i == st) decode(text, len, &i);
    }
    if (letters < 40) return NULL;
    for (int k = 0; k < 6; k++)
        if (script[k] * 5 > letters) return SCRIPTS[k];
    if (han * 2 > letters) return script[0] ? "ja" : "zh";
    if (arabic * 2 > letters) return "ar";
    size_t best = 0;
    for (size_t l = 1; l < NLANG; l++)
        if (score[l] > score[best]) best = l;
    int second = 0;
    for (size_t l = 0; l < NLANG; l++)
        if (l != best && score[l] > second) second = score[l];
    /* Danish and Norwegian share their commonest words: no call between them. */
    bool nordic = (strcmp(STOPWORDS[best].lang, "da") == 0 || strcmp(STOPWORDS[best].lang, "no") == 0);
    if (score[best] < 8 || score[best] < 2 * second) return NULL;
    return nordic ? NULL : STOPWORDS[best].lang;
}
