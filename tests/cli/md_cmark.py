#!/usr/bin/env python3
"""md_cmark.py - pith's Markdown read back by a CommonMark parser (cmark).

usage: md_cmark.py PITH [--generated N] [DIR...]

For every *.html page under the DIRs (and N generated pages, below), renders it as Markdown (--links) and as
text (--captions), parses the Markdown with `cmark`, turns cmark's HTML back
into text (list items numbered as the text format numbers them) and compares
the two as sequences of words, with every '*' and '_' a word of its own.
A '*' or '_' that emphasis left behind (a mark cmark could not read as
emphasis), a literal one lost, or a word lost or gained, is a difference.
Prints the first differences per page and exits 1 when any page differs.

The generated pages (a fixed seed, so every run checks the same ones) nest
emphasis, code, links, sub/sup/del and line breaks at random around words,
punctuation, Markdown's own characters and Unicode white space, inside
paragraphs, headings, list items, quotes, table cells and captions.
"""
import html
import html.parser
import os
import random
import re
import subprocess
import sys
import tempfile

TOKEN = re.compile(r"[^\W_]+|[*_]")


# Tags that end a word: blocks and line breaks. Inline ones (em, code, a,
# sub) do not: "H<sub>2</sub>O" is one word, as in the text output.
BLOCK_TAGS = {"p", "li", "ol", "ul", "br", "pre", "blockquote", "hr", "table", "tr", "td", "th",
              "h1", "h2", "h3", "h4", "h5", "h6", "div"}


class Text(html.parser.HTMLParser):
    """cmark's HTML as the words a reader sees, list numbers included."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.lists = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "ol":
            self.lists.append(int(dict(attrs).get("start") or 1))
        elif tag == "ul":
            self.lists.append(None)
        elif tag == "li" and self.lists:
            n = self.lists[-1]
            if n is not None:
                self.out.append(" %d. " % n)
                self.lists[-1] = n + 1
            else:
                self.out.append(" - ")
        if tag in BLOCK_TAGS:
            self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag in BLOCK_TAGS:
            self.out.append(" ")

    def handle_data(self, data):
        self.out.append(data)


PROSE = ("The council approved the new timetable on Monday after a long debate about the cost of the "
         "evening sailings, which several members said the harbour fees could not cover for long.")
PIECES = ["word", "Title", "sub", "a", "(b)", "c.", "x_y", "2*3", "_", "*", "**", ":", "-", "1.", "#", ">",
          "[x]", "`q`", "\\", "&amp;", "AT&T", "\u00a0", "\u3000", "\u00a0x\u00a0", "\u51fa\u54c1", "\u00e9t\u00e9",
          "!", "?", "'", '"', " ", "  "]
INLINE = ["b", "strong", "i", "em", "code", "sub", "sup", "s", "span", "a"]


def inline(rng, depth):
    out = []
    for _ in range(rng.randint(1, 5)):
        roll = rng.random()
        if roll < 0.15:
            out.append("<br>")
        elif roll < 0.55 and depth < 4:
            tag = rng.choice(INLINE)
            attrs = ' href="https://example.com/%d"' % rng.randint(0, 9) if tag == "a" else ""
            out.append("<%s%s>%s</%s>" % (tag, attrs, inline(rng, depth + 1), tag))
        else:
            out.append(html.escape(rng.choice(PIECES), quote=False))
        if rng.random() < 0.4:
            out.append(" ")
    return "".join(out)


def generated_page(rng):
    parts = ["<p>%s</p>" % PROSE]
    for _ in range(6):
        snippet = inline(rng, 0)
        shape = rng.randrange(7)
        if shape == 0:
            parts.append("<h2>%s</h2>" % snippet)
        elif shape == 1:
            parts.append("<ul><li>%s</li><li>%s %s</li></ul>" % (snippet, PROSE[:40], inline(rng, 1)))
        elif shape == 2:
            parts.append("<blockquote><p>%s</p></blockquote>" % snippet)
        elif shape == 3:
            parts.append("<table><tr><th>%s</th><th>h</th></tr><tr><td>%s</td><td>%s</td></tr></table>"
                         % (snippet, inline(rng, 1), PROSE[:30]))
        elif shape == 4:
            parts.append('<figure><img src="https://example.com/i.png"><figcaption>%s</figcaption></figure>'
                         % snippet)
        else:
            parts.append("<p>%s %s</p>" % (PROSE[:60], snippet))
        parts.append("<p>%s</p>" % PROSE)
    return "<html><head><title>Generated</title></head><body><article>%s</article></body></html>" % "".join(parts)


def generate(folder, count):
    rng = random.Random(13)
    os.makedirs(folder)
    for n in range(count):
        with open(os.path.join(folder, "gen%04d.html" % n), "w", encoding="utf-8") as fh:
            fh.write(generated_page(rng))


def words(s):
    return TOKEN.findall(s)


def first_difference(a, b):
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return i


def main():
    pith, dirs = sys.argv[1], sys.argv[2:]
    failed = checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        if dirs[:1] == ["--generated"]:
            generate(os.path.join(tmp, "generated"), int(dirs[1]))
            dirs = [os.path.join(tmp, "generated")] + dirs[2:]
        for n, d in enumerate(dirs):
            md, txt = os.path.join(tmp, "md%d" % n), os.path.join(tmp, "txt%d" % n)
            for fmt, out, extra in (("markdown", md, ["--links", "--captions"]), ("text", txt, ["--captions"])):
                subprocess.run([pith, "-f", fmt, *extra, "-o", out, d], stderr=subprocess.DEVNULL, check=False)
            for root, _, files in os.walk(md):
                for f in sorted(files):
                    mdpath = os.path.join(root, f)
                    rel = os.path.relpath(mdpath, md)[: -len(".md")]
                    with open(os.path.join(txt, rel + ".txt"), encoding="utf-8") as fh:
                        want = words(fh.read())
                    rendered = subprocess.run(["cmark", mdpath], capture_output=True, check=True).stdout
                    p = Text()
                    p.feed(rendered.decode("utf-8"))
                    got = words("".join(p.out))
                    checked += 1
                    if got == want:
                        continue
                    failed += 1
                    i = first_difference(got, want)
                    with open(mdpath, encoding="utf-8") as fh:
                        source = fh.read()
                    print("FAIL %s/%s: cmark reads %r where the text has %r" %
                          (d, rel, " ".join(got[max(0, i - 5):i + 5]), " ".join(want[max(0, i - 5):i + 5])))
                    if failed <= 20:
                        k = source.find(want[i]) if i < len(want) else -1
                        print("  markdown near it: %r" % source[max(0, k - 120):k + 120])
    print("%d pages, %d read back the same, %d differ" % (checked, checked - failed, failed))
    sys.exit(1 if failed or not checked else 0)


if __name__ == "__main__":
    main()
