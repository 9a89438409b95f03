#!/usr/bin/env python3
"""safe_html.py - structural safety check of pith's HTML output (used by html_safety.sh).

usage: safe_html.py page|fragment FILE...
  page:     a complete reader page (pith -f html): head checked too
  fragment: inline HTML from JSON "html" fields, one fragment per line

Fails (exit 1, one line per problem) when the output holds a tag or an
attribute outside the renderer's allowlist, an event handler, a URL that is
not http(s), a style other than the renderer's own, or the marker that the
hostile test page's scripts would write.
"""
import sys
from html.parser import HTMLParser

BODY_TAGS = set("""article header h1 h2 h3 h4 h5 h6 p ul ol li blockquote pre code table caption thead tbody
tfoot tr th td figure figcaption img a em strong sub sup s br hr time small b i u mark span""".split())
HEAD_TAGS = {"html", "head", "meta", "title", "style", "body"}
ATTRS = {
    "a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"}, "ol": {"start"}, "time": {"datetime"}, "html": {"lang", "dir"},
    "code": {"class"}, "meta": {"charset", "http-equiv", "content", "name"},
}
GLOBAL_ATTRS = {"lang", "dir"}
META_OK = [("charset",), ("http-equiv", "content"), ("name", "content")]


class Checker(HTMLParser):
    def __init__(self, name, whole_page):
        super().__init__(convert_charrefs=True)
        self.name, self.whole_page = name, whole_page
        self.problems, self.stack, self.styles = [], [], []
        self.csp = False
        self.in_style = False

    def bad(self, msg):
        self.problems.append(f"{self.name}:{self.getpos()[0]}: {msg}")

    def handle_starttag(self, tag, attrs):
        allowed = BODY_TAGS | (HEAD_TAGS if self.whole_page else set())
        if tag not in allowed:
            self.bad(f"tag <{tag}> outside the allowlist")
        if tag == "style":
            if "head" not in self.stack:
                self.bad("<style> outside <head>")
            self.in_style = True
        if tag in ("meta", "title") and "head" not in self.stack:
            self.bad(f"<{tag}> outside <head>")
        for k, v in attrs:
            v = v or ""
            if k.startswith("on"):
                self.bad(f"event handler {k}= on <{tag}>")
            elif k not in ATTRS.get(tag, set()) | GLOBAL_ATTRS:
                self.bad(f"attribute {k}= on <{tag}> outside the allowlist")
            if k in ("href", "src") and not v.lower().startswith(("http://", "https://")):
                self.bad(f"{k}={v[:60]!r}: not an http(s) URL")
            if k == "class" and not v.startswith("language-"):
                self.bad(f"class={v[:60]!r}: only language-X is allowed")
        if tag == "meta":
            d = dict(attrs)
            if d.get("http-equiv", "").lower() == "content-security-policy":
                self.csp = "default-src 'none'" in (d.get("content") or "")
            elif d.get("http-equiv"):
                self.bad(f"meta http-equiv={d['http-equiv']!r}")
        if tag not in ("meta", "img", "br", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)
        if "PWNED" in data and "-MARKER" in data:
            self.bad("script marker in the text")

    def handle_comment(self, data):
        self.bad("comment in the output")

    def handle_pi(self, data):
        self.bad("processing instruction in the output")

    def unknown_decl(self, data):
        self.bad(f"declaration {data[:40]!r}")


def check(name, text, whole_page):
    c = Checker(name, whole_page)
    c.feed(text)
    c.close()
    if whole_page:
        if not c.csp:
            c.bad("no Content-Security-Policy meta with default-src 'none'")
        if len(c.styles) > 1:
            c.bad(f"{len(c.styles)} <style> elements: only the renderer's own is expected")
        for s in c.styles:
            low = s.lower()
            for word in ("url(", "expression", "@import", "javascript", "behavior"):
                if word in low:
                    c.bad(f"style holds {word!r}")
    return c.problems


def main():
    mode, files = sys.argv[1], sys.argv[2:]
    problems = []
    for f in files:
        text = open(f, encoding="utf-8").read()
        if mode == "page":
            problems += check(f, text, True)
        else:
            for i, line in enumerate(text.splitlines(), 1):
                problems += check(f"{f} fragment {i}", line, False)
    for p in problems[:40]:
        print(p)
    if len(problems) > 40:
        print(f"... {len(problems) - 40} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
