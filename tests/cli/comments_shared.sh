#!/usr/bin/env bash
# --comments on the shared benchmark pages (scrapinghub/ and readability/):
# no comment is page furniture. Furniture is a short text (at most 6 words)
# that is a reply link, a "Post a comment" / "Leave a Reply" heading, a count
# ("0 replies", "2 comments"), a log-in prompt, or a text that is the comment
# form's notes ("Allowed HTML tags: ...", "Your email address will not be
# published") or a bare URL fragment. And the pages whose comment lists name
# their commenters still give comments with an author.
# usage: comments_shared.sh PITH_BINARY SHARED_DIR
set -u
pith=$1 shared=${2:-}
if [ -z "$shared" ] || [ ! -d "$shared/bench/scrapinghub" ] || [ ! -d "$shared/bench/readability" ]; then
  echo "skipped: no shared benchmark pages at '${shared:-(none given)}/bench/{scrapinghub,readability}';" \
       "point PITH_SHARED_DIR at the shared folder (cmake -DPITH_SHARED_DIR=/path/to/shared)"
  exit 77
fi
python3 - "$pith" "$shared/bench" <<'PY'
import glob, json, os, re, subprocess, sys
pith, bench = sys.argv[1], sys.argv[2]
short = re.compile(r"""^\W*(\d+\s+)?(
    repl(y|ies)|reply\s+to\s+.*|cancel\s+reply|leave\s+a\s+(reply|comment)|
    (post|add|write|submit)\s+(a\s+|your\s+|new\s+)?comments?|
    comments?|reader\s+comments|(view|show|load|see)\s+(all\s+)?(\d+\s+)?comments?|
    (log\s*in|sign\s*in|register)(\s+to\s+(post\s+a\s+)?comment)?|
    (you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment)|
    (older|newer|next|previous)\s+comments?|
    \d+\s+(comments?|replies)(\s+post\s+a\s+comment)?
    )\W*$""", re.I | re.X)
anywhere = re.compile(r"allowed html tags|email address will not be published|required fields are marked", re.I)
bad, pages, signed = [], 0, 0
for d in ("scrapinghub", "readability"):
    for f in sorted(glob.glob(os.path.join(bench, d, "*.html"))):
        r = subprocess.run([pith, "-f", "json", "--comments", f], capture_output=True)
        if r.returncode:
            bad.append((f, "exit %d" % r.returncode))
            continue
        c = json.loads(r.stdout)["comments"]
        pages += bool(c)
        signed += any(x["author"] for x in c)
        for x in c:
            t = (x["text"] or "").strip()
            words = len(t.split())
            if not t or (words <= 6 and short.match(t)) or anywhere.search(t) or \
               (words == 1 and ("%2F" in t or t.startswith(("http", "/")))):
                bad.append((d + "/" + os.path.basename(f), t[:100]))
print("pages with comments: %d, with a named commenter: %d, furniture comments: %d" % (pages, signed, len(bad)))
for b in bad:
    print("furniture:", *b)
# The shared pages hold several comment threads that name their commenters.
ok = not bad and signed >= 5
sys.exit(0 if ok else 1)
PY
