#!/usr/bin/env python3
"""Generates the word tables of src/extract/rules.c and src/extract/meta_tags.c from src/extract/rules_words.txt.

The C side wants its words in shapes that are fast to probe: the region words of rules.c as 16-byte big-endian
integer keys sorted in strcmp order, with where each first letter starts in the table and a mask of the letter
pairs that begin some word (one load rules out most of a page's class words); the byline words of meta_tags.c
with tables of their first and second letters. Those keys and masks are derived here, so a new word is one line
of rules_words.txt (its format is described at its top) and nothing is kept in step by hand.

usage: tools/gen_rules.py [--check]   (from anywhere; rewrites src/extract/rules_words.h and
                                       src/extract/meta_class_words.h)
  --check  rewrite nothing; exit 1 when either file differs from what rules_words.txt gives (the test
           tools/gen_rules runs this)
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCE = "src/extract/rules_words.txt"
RULES_OUT = "src/extract/rules_words.h"
META_OUT = "src/extract/meta_class_words.h"
KEY_BYTES = 16      # rules.c packs a word into two 64-bit keys
MAX_META_BITS = 8   # class_signals.h keeps 8 bits of meta words per class value


class SourceError(Exception):
    pass


def parse(path):
    """{section: [(line number, fields..., why)]} from the source file."""
    sections, current = {}, None
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.fullmatch(r"\[(\w+)\]\s*", line)
            if m:
                current = sections.setdefault(m.group(1), [])
                continue
            if current is None:
                raise SourceError(f"{path}:{no}: a word before the first [section]")
            current.append((no, line))
    return sections


def fields(path, no, line, n):
    """The first n whitespace-separated fields and the rest of the line (the why)."""
    parts = line.split(None, n)
    if len(parts) < n + 1:
        raise SourceError(f"{path}:{no}: expected {n} fields and a reason: {line!r}")
    return parts[:n], parts[n].strip()


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def key(word):
    """The word's first 16 bytes as two big-endian integers, zero padded: integer order is strcmp order."""
    b = word.encode() + bytes(KEY_BYTES - len(word))
    return int.from_bytes(b[:8], "big"), int.from_bytes(b[8:], "big")


# ---------------------------------------------------------------- regions (rules.c)

def region_rules(path, rows):
    exact, prefix, seen = [], [], set()
    for no, line in rows:
        (word, match, hints), why = fields(path, no, line, 3)
        if not re.fullmatch(r"[a-z][a-z][a-z0-9]*", word) or len(word) > KEY_BYTES:
            raise SourceError(f"{path}:{no}: {word!r}: a region word is 2 to {KEY_BYTES} lowercase letters and "
                              "digits, the first two letters (class values are split into such words; the "
                              "first-pair mask needs two letters)")
        if match not in ("exact", "prefix"):
            raise SourceError(f"{path}:{no}: match is exact or prefix, not {match!r}")
        if (word, match) in seen:
            raise SourceError(f"{path}:{no}: {word!r} ({match}) is listed twice")
        seen.add((word, match))
        names = hints.split("|")
        if not all(re.fullmatch(r"[A-Z_]+", h) for h in names):
            raise SourceError(f"{path}:{no}: hints are HINT_* names without HINT_, joined by |: {hints!r}")
        hint = " | ".join("HINT_" + h for h in names)
        (exact if match == "exact" else prefix).append((word, hint, why))
    exact.sort(key=lambda r: r[0].encode())
    prefix.sort(key=lambda r: r[0].encode())
    return exact, prefix


def starts(rules):
    """Where each first letter starts in a sorted table: 27 entries, the last one the table's size."""
    out = []
    for letter in range(26):
        c = chr(ord("a") + letter)
        out.append(next((i for i, r in enumerate(rules) if r[0][0] >= c), len(rules)))
    return out + [len(rules)]


def first_pairs(*tables):
    rows = [0] * 26
    for rules in tables:
        for word, _, _ in rules:
            rows[ord(word[0]) - ord("a")] |= 1 << (ord(word[1]) - ord("a"))
    return rows


def table_lines(name, rules):
    out = [f"static const word_rule {name}[] = {{"]
    for word, hint, why in rules:
        k0, k1 = key(word)
        out.append(f'    {{"{word}", {len(word)}, {hint}, {c_string(why)}, 0x{k0:x}ull, 0x{k1:x}ull}},')
    return out + ["};"]


def wrap_init(decl, items, width=112):
    """decl = {items}; with the items wrapped at width."""
    one = f"{decl} = {{{', '.join(items)}}};"
    if len(one) <= width:
        return [one]
    out, line = [f"{decl} = {{"], "   "
    for it in items:
        if len(line) + len(it) + 2 > width:
            out.append(line)
            line = "   "
        line += " " + it + ","
    return out + [line, "};"]


def index_type(n):
    return "uint8_t" if n < 256 else "uint16_t"


def rules_header(exact, prefix):
    n = max(len(exact), len(prefix))
    def wrap(values, per_line):
        return ["    " + ", ".join(values[i:i + per_line]) + "," for i in range(0, len(values), per_line)]
    out = [f"/* Generated by tools/gen_rules.py from {SOURCE} - do not edit. */",
           "/*",
           " * The region words of rules.c (rules.h: HINT_*), in the shapes its lookup probes; included by rules.c",
           " * only. Each word carries the reason it is in the table.",
           " */",
           "#ifndef PITH_EXTRACT_RULES_WORDS_H", "#define PITH_EXTRACT_RULES_WORDS_H", "",
           "#include <stdint.h>", "", '#include "rules.h"', "",
           "typedef struct word_rule {",
           "    const char *word;",
           "    uint8_t len;",
           "    uint32_t hint;",
           "    const char *why;",
           "    uint64_t key0, key1;  /* the word's first 16 bytes, big-endian, zero padded: integer order is "
           "strcmp order */",
           "} word_rule;", "",
           "/* Words matched exactly, in strcmp order. */"]
    out += table_lines("exact_rules", exact)
    out += ["", "/* Words that also match as the start of a longer word (\"advert\" covers advertisement). */"]
    out += table_lines("prefix_rules", prefix)
    out += ["", "#define N_EXACT (sizeof exact_rules / sizeof exact_rules[0])",
            "#define N_PREFIX (sizeof prefix_rules / sizeof prefix_rules[0])", "",
            "/* Where each first letter's words start in the tables ('a'..'z', then the table's size). */",
            *wrap_init(f"static const {index_type(n)} exact_start[27]", list(map(str, starts(exact)))),
            *wrap_init(f"static const {index_type(n)} prefix_start[27]", list(map(str, starts(prefix)))), "",
            "/* Bit (b - 'a') of row (a - 'a') is set when some word starts with the letters a, b: one load rules",
            " * out most of a page's class words before any table probe (\"col\", \"flex\", \"css\", \"container\"). */",
            "static const uint32_t first_pairs[26] = {"]
    out += wrap([f"0x{r:x}u" for r in first_pairs(exact, prefix)], 13)
    out += ["};", "", "#endif", ""]
    return "\n".join(out)


# ---------------------------------------------------------------- bylines (meta_tags.c)

def second_code(c):
    """The bit of a second character in CLASS_WORD_SECOND (meta_tags.c computes the same)."""
    return ord(c) - ord("a") if "a" <= c <= "z" else 26


def meta_words(path, rows):
    words, bits, seen = [], {}, set()
    for no, line in rows:
        (word, what), why = fields(path, no, line, 2)
        if not re.fullmatch(r"[a-z][a-z-][a-z-]*", word):
            raise SourceError(f"{path}:{no}: {word!r}: a byline word is 2 or more lowercase letters and '-', "
                              "starting with a letter")
        if word in seen:
            raise SourceError(f"{path}:{no}: {word!r} is listed twice")
        seen.add(word)
        names = what.split("|")
        for n in names:
            if not re.fullmatch(r"[A-Z_]+", n):
                raise SourceError(f"{path}:{no}: {n!r} is not a name in capitals")
            bits.setdefault(n, len(bits))
        if len(bits) > MAX_META_BITS:
            raise SourceError(f"{path}:{no}: more than {MAX_META_BITS} kinds of byline words")
        words.append((word, " | ".join("CW_" + n for n in names), why))
    return words, bits


def meta_header(words, bits):
    firsts = sorted({w[0] for w, _, _ in words})
    second = [0] * 26
    for w, _, _ in words:
        second[ord(w[0]) - ord("a")] |= 1 << second_code(w[1])
    first_init = [f"['{c}'] = 1" for c in firsts + [c.upper() for c in firsts]]
    second_init = [f"['{c}' - 'a'] = 0x{second[ord(c) - ord('a')]:x}u" for c in firsts]
    out = [f"/* Generated by tools/gen_rules.py from {SOURCE} - do not edit. */",
           "/*",
           " * The byline and comment words the metadata walk looks for in class and id values; included by",
           " * meta_tags.c only.",
           " */",
           "#ifndef PITH_EXTRACT_META_CLASS_WORDS_H", "#define PITH_EXTRACT_META_CLASS_WORDS_H", "",
           "#include <stdbool.h>", "#include <stdint.h>", ""]
    for name, bit in bits.items():
        out.append(f"#define CW_{name} {1 << bit}u")
    out += ["", "static const struct {", "    const char *word;", "    uint8_t len, what;  /* CW_* */",
            "    const char *why;", "} CLASS_WORDS[] = {"]
    for word, what, why in words:
        out.append(f'    {{"{word}", {len(word)}, {what}, {c_string(why)}}},')
    out += ["};", "",
            "/* First letters of CLASS_WORDS, either case. */",
            *wrap_init("static const bool CLASS_WORD_FIRST[256]", first_init), "",
            "/* Second characters of the words of each first letter: bit (c - 'a') for a letter c, bit 26 for '-'. */",
            *wrap_init("static const uint32_t CLASS_WORD_SECOND[26]", second_init), "",
            "#endif", ""]
    return "\n".join(out)


def main():
    check = sys.argv[1:] == ["--check"]
    if sys.argv[1:] and not check:
        print(__doc__, file=sys.stderr)
        return 2
    src = os.path.join(ROOT, SOURCE)
    try:
        sections = parse(src)
        unknown = set(sections) - {"regions", "bylines"}
        if unknown:
            raise SourceError(f"{src}: unknown section(s) {sorted(unknown)}")
        exact, prefix = region_rules(src, sections.get("regions", []))
        words, bits = meta_words(src, sections.get("bylines", []))
    except SourceError as e:
        print(f"gen_rules.py: {e}", file=sys.stderr)
        return 1
    stale = []
    for rel, text in ((RULES_OUT, rules_header(exact, prefix)), (META_OUT, meta_header(words, bits))):
        path = os.path.join(ROOT, rel)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            stale.append(rel)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if stale:
        print(f"gen_rules.py: {', '.join(stale)} differ from {SOURCE}: run tools/gen_rules.py and commit the result",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
