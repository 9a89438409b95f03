#!/usr/bin/env python3
"""Generates the WHATWG encoding tables used by src/encoding/encoding_*.c:

  src/encoding/encoding_ids.h     the encoding ids (one per WHATWG encoding)
  src/encoding/encoding_labels.c  every label of the Encoding Standard -> id, sorted
                              for a binary search, plus id -> canonical name
  src/encoding/encoding_sbcs.c    128-entry byte -> UTF-8 tables for the single-byte
                              encodings (bytes 0x80-0xFF; 0x00-0x7F are ASCII)

Sources: the label table below is typed in from the Encoding Standard's
"Names and labels" section (encodings.json). The single-byte tables come from
Python's codecs, with the fix-ups listed in SBCS_FIXUPS where the WHATWG index
differs from Python's codec (each with its reason). Bytes that neither maps
decode to U+FFFD (an error in WHATWG terms).

usage: tools/gen_encoding_tables.py   (run from the repository root)
"""
import codecs
import os

# (canonical name, C id suffix, kind, python codec or glibc iconv name, labels)
# kind: utf8, sbcs (own table), utf16le, utf16be, iconv (glibc), replacement.
ENCODINGS = [
    ("UTF-8", "UTF8", "utf8", None,
     "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    ("IBM866", "IBM866", "sbcs", "cp866", "866 cp866 csibm866 ibm866"),
    ("ISO-8859-2", "ISO8859_2", "sbcs", "iso8859_2",
     "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"),
    ("ISO-8859-3", "ISO8859_3", "sbcs", "iso8859_3",
     "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"),
    ("ISO-8859-4", "ISO8859_4", "sbcs", "iso8859_4",
     "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"),
    ("ISO-8859-5", "ISO8859_5", "sbcs", "iso8859_5",
     "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"),
    ("ISO-8859-6", "ISO8859_6", "sbcs", "iso8859_6",
     "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
     "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"),
    ("ISO-8859-7", "ISO8859_7", "sbcs", "iso8859_7",
     "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
     "iso_8859-7 iso_8859-7:1987 sun_eu_greek"),
    ("ISO-8859-8", "ISO8859_8", "sbcs", "iso8859_8",
     "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
     "iso_8859-8 iso_8859-8:1988 visual"),
    ("ISO-8859-8-I", "ISO8859_8_I", "sbcs", "iso8859_8", "csiso88598i iso-8859-8-i logical"),
    ("ISO-8859-10", "ISO8859_10", "sbcs", "iso8859_10",
     "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    ("ISO-8859-13", "ISO8859_13", "sbcs", "iso8859_13", "iso-8859-13 iso8859-13 iso885913"),
    ("ISO-8859-14", "ISO8859_14", "sbcs", "iso8859_14", "iso-8859-14 iso8859-14 iso885914"),
    ("ISO-8859-15", "ISO8859_15", "sbcs", "iso8859_15",
     "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    ("ISO-8859-16", "ISO8859_16", "sbcs", "iso8859_16", "iso-8859-16"),
    ("KOI8-R", "KOI8_R", "sbcs", "koi8_r", "cskoi8r koi koi8 koi8-r koi8_r"),
    ("KOI8-U", "KOI8_U", "sbcs", "koi8_u", "koi8-ru koi8-u"),
    ("macintosh", "MACINTOSH", "sbcs", "mac_roman", "csmacintosh mac macintosh x-mac-roman"),
    ("windows-874", "WINDOWS_874", "sbcs", "cp874",
     "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    ("windows-1250", "WINDOWS_1250", "sbcs", "cp1250", "cp1250 windows-1250 x-cp1250"),
    ("windows-1251", "WINDOWS_1251", "sbcs", "cp1251", "cp1251 windows-1251 x-cp1251"),
    ("windows-1252", "WINDOWS_1252", "sbcs", "cp1252",
     "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
     "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"),
    ("windows-1253", "WINDOWS_1253", "sbcs", "cp1253", "cp1253 windows-1253 x-cp1253"),
    ("windows-1254", "WINDOWS_1254", "sbcs", "cp1254",
     "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 "
     "latin5 windows-1254 x-cp1254"),
    ("windows-1255", "WINDOWS_1255", "sbcs", "cp1255", "cp1255 windows-1255 x-cp1255"),
    ("windows-1256", "WINDOWS_1256", "sbcs", "cp1256", "cp1256 windows-1256 x-cp1256"),
    ("windows-1257", "WINDOWS_1257", "sbcs", "cp1257", "cp1257 windows-1257 x-cp1257"),
    ("windows-1258", "WINDOWS_1258", "sbcs", "cp1258", "cp1258 windows-1258 x-cp1258"),
    ("x-mac-cyrillic", "X_MAC_CYRILLIC", "sbcs", "mac_cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    # Multi-byte legacy encodings go through glibc iconv; the glibc name is
    # the converter closest to the WHATWG decoder (see encoding_iconv.c).
    ("GBK", "GBK", "iconv", "GB18030",
     "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"),
    ("gb18030", "GB18030", "iconv", "GB18030", "gb18030"),
    ("Big5", "BIG5", "iconv", "BIG5-HKSCS", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    ("EUC-JP", "EUC_JP", "iconv", "EUC-JP-MS", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    ("ISO-2022-JP", "ISO2022_JP", "iconv", "ISO-2022-JP-3", "csiso2022jp iso-2022-jp"),
    ("Shift_JIS", "SHIFT_JIS", "iconv", "CP932",
     "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    ("EUC-KR", "EUC_KR", "iconv", "CP949",
     "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
     "ksc_5601 windows-949"),
    ("replacement", "REPLACEMENT", "replacement", None,
     "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr"),
    ("UTF-16BE", "UTF16BE", "utf16be", None, "unicodefffe utf-16be"),
    ("UTF-16LE", "UTF16LE", "utf16le", None,
     "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
    ("x-user-defined", "X_USER_DEFINED", "sbcs", None, "x-user-defined"),
]

# Where the WHATWG index differs from Python's codec: {name: {byte: code point}}.
# None means "no mapping" (decodes to U+FFFD).
C1 = "0x80-0x9F bytes that Windows leaves undefined map to the C1 control of the same value"
SBCS_FIXUPS = {
    # KOI8-U in WHATWG is KOI8-RU's Belarusian/Ukrainian variant: 0xAE and
    # 0xBE are short u (ў Ў) where RFC 2319 (Python) has box drawings.
    "KOI8-U": {0xAE: 0x045E, 0xBE: 0x040E},
    # WHATWG's x-mac-cyrillic is Apple's later MacUkrainian-merged table:
    # 0xA2/0xB6 are Ґ/ґ and 0xFF is the euro sign (Python: ¢, ∂, ¤).
    "x-mac-cyrillic": {0xA2: 0x0490, 0xB6: 0x0491, 0xFF: 0x20AC},
    # WHATWG's windows-1255 has U+05BA (Hebrew point holam haser for vav)
    # at 0xCA, which Microsoft added after Python's table was made.
    "windows-1255": {0xCA: 0x05BA},
}
# Encodings whose undefined 0x80-0x9F bytes become C1 controls (the WHATWG
# windows-* indexes do this because Windows' own decoder does).
C1_FILL = {"windows-874", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
           "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258"}


def sbcs_table(name, codec):
    table = []
    for b in range(0x80, 0x100):
        if name == "x-user-defined":
            cp = 0xF780 + b - 0x80
        else:
            try:
                s = bytes([b]).decode(codec)
                cp = ord(s) if len(s) == 1 else None
            except UnicodeDecodeError:
                cp = None
            if cp is None and name in C1_FILL and b < 0xA0:
                cp = b
        fix = SBCS_FIXUPS.get(name, {})
        if b in fix:
            cp = fix[b]
        table.append(cp)
    return table


def utf8_entry(cp):
    if cp is None:
        cp = 0xFFFD
    enc = chr(cp).encode("utf-8")
    return list(enc) + [0] * (3 - len(enc)) + [len(enc)]


def c_id(suffix):
    return "PITH_ENCID_" + suffix


def gen_ids():
    out = ["/* Generated by tools/gen_encoding_tables.py - do not edit. */",
           "/*",
           " * encoding_ids.h - one id per WHATWG encoding, and how each is decoded.",
           " */",
           "#ifndef PITH_ENCODING_IDS_H",
           "#define PITH_ENCODING_IDS_H",
           "",
           "typedef enum pith_encid {"]
    for name, suffix, kind, src, labels in ENCODINGS:
        out.append("    %s, /* %s */" % (c_id(suffix), name))
    out.append("    PITH_ENCID_COUNT")
    out.append("} pith_encid;")
    out.append("")
    out.append("#define PITH_ENCID_NONE PITH_ENCID_COUNT")
    out.append("")
    out.append("#endif")
    return "\n".join(out) + "\n"


def gen_labels():
    pairs = []
    for name, suffix, kind, src, labels in ENCODINGS:
        for label in labels.split():
            assert label == label.lower() and len(label) < 32
            pairs.append((label, suffix))
    labels_seen = [p[0] for p in pairs]
    assert len(labels_seen) == len(set(labels_seen)), "duplicate label"
    pairs.sort()
    out = ["/* Generated by tools/gen_encoding_tables.py - do not edit. */",
           "/*",
           " * encoding_labels.c - the Encoding Standard's label table (every label ->",
           " * its encoding) sorted for a binary search, and the canonical names.",
           " */",
           '#include "encoding_internal.h"',
           "",
           "const pith_enc_label pith_enc_labels[] = {"]
    for label, suffix in pairs:
        out.append('    {"%s", %d, %s},' % (label, len(label), c_id(suffix)))
    out.append("};")
    out.append("")
    out.append("const size_t pith_enc_label_count = sizeof pith_enc_labels / sizeof pith_enc_labels[0];")
    out.append("")
    out.append("const pith_enc_desc pith_enc_descs[PITH_ENCID_COUNT] = {")
    kinds = {"utf8": "PITH_ENCKIND_UTF8", "sbcs": "PITH_ENCKIND_SBCS",
             "utf16le": "PITH_ENCKIND_UTF16LE", "utf16be": "PITH_ENCKIND_UTF16BE",
             "iconv": "PITH_ENCKIND_ICONV", "replacement": "PITH_ENCKIND_REPLACEMENT"}
    sb_index = 0
    for name, suffix, kind, src, labels in ENCODINGS:
        table = "-1"
        iconv = "NULL"
        if kind == "sbcs":
            table = str(sb_index)
            sb_index += 1
        if kind == "iconv":
            iconv = '"%s"' % src
        out.append('    [%s] = {"%s", %s, %s, %s},' % (c_id(suffix), name, kinds[kind], table, iconv))
    out.append("};")
    return "\n".join(out) + "\n"


def gen_sbcs():
    out = ["/* Generated by tools/gen_encoding_tables.py - do not edit. */",
           "/*",
           " * encoding_sbcs.c - byte -> UTF-8 tables for the single-byte encodings,",
           " * bytes 0x80-0xFF. Each entry is the UTF-8 bytes padded to 3 and then the",
           " * length, so the decoder copies 4 bytes and advances by entry[3]. Bytes",
           " * the WHATWG index leaves unmapped hold U+FFFD with length 0x83 (the high",
           " * bit marks an error, for the replacement count).",
           " */",
           '#include "encoding_internal.h"',
           "",
           "const unsigned char pith_enc_sbcs[][128][4] = {"]
    for name, suffix, kind, src, labels in ENCODINGS:
        if kind != "sbcs":
            continue
        table = sbcs_table(name, src)
        out.append("    /* %s (from %s%s) */" % (name, src or "its definition",
                                                  ", fixed up" if name in SBCS_FIXUPS else ""))
        out.append("    {")
        for i, cp in enumerate(table):
            e = utf8_entry(cp)
            if cp is None:
                e[3] |= 0x80
            out.append("        {0x%02X, 0x%02X, 0x%02X, 0x%02X}, /* 0x%02X -> %s */"
                       % (e[0], e[1], e[2], e[3], 0x80 + i,
                          "U+%04X" % cp if cp is not None else "error"))
        out.append("    },")
    out.append("};")
    return "\n".join(out) + "\n"


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    files = {
        "src/encoding/encoding_ids.h": gen_ids(),
        "src/encoding/encoding_labels.c": gen_labels(),
        "src/encoding/encoding_sbcs.c": gen_sbcs(),
    }
    for path, text in files.items():
        with open(os.path.join(root, path), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
