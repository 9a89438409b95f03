#!/usr/bin/env bash
# --comments gives the reader comments, each with its author and date where
# the page gives them, and never the thread's furniture: reply links, "Leave
# a Reply" headings, the comment form and its notes.
#   tests/cli/data/comments_wordpress.html: a WordPress comment list (two
#   comments, their reply links, the #respond form), written for this test;
#   and, written below: a reply nested in its comment, Disqus-like static
#   markup, schema.org Comment microdata (date in a <meta>), a generic
#   .comment list with user links and <time>s, and JSON-LD comments.
# usage: comments.sh PITH_BINARY
set -u
PITH=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/cli_lib.sh"

check() { # check WHAT PAGE PYTHON: PYTHON reads the comments as c
  local what=$1 page=$2 code=$3
  run /dev/null -f json --comments "$page"
  ok "$what: exit 0" [ $st = 0 ]
  ok "$what" python3 -c "
import json, sys
c = json.load(open(sys.argv[1]))['comments']
try:
$(printf '%s\n' "$code" | sed 's/^/    /')
except AssertionError:
    print(json.dumps(c, ensure_ascii=False, indent=1))
    raise" "$T/out"
}

check "WordPress: exactly the two comments, with author and date" "$here/data/comments_wordpress.html" '
assert len(c) == 2
assert c[0]["author"] == "Tobias Wren" and c[0]["date"] == "2026-10-03T19:12:44+00:00"
assert c[0]["text"].startswith("Thank you for this.") and c[0]["text"].endswith("until spring?")
assert c[1]["author"] == "Ines Carvalho" and c[1]["date"] == "2026-10-05T07:48:02+00:00"
assert c[1]["text"].startswith("The bread knife trick") and c[1]["text"].endswith("next summer’s crop!")'

art='<article><h1>Night ferry timetable</h1><p>The harbour board will run a night ferry from March, leaving the pier at eleven and returning at half past midnight on Fridays and Saturdays.</p><p>Fares stay as they are, and bicycles travel free on the night crossing, the board said after a meeting that ran late into the evening.</p><p>Residents asked for the service for years, and a trial last summer carried more than four thousand passengers in eight weeks.</p></article>'

# A reply nested inside the comment it answers (WordPress ol.children).
cat > "$T/nested.html" <<HTML
<html><head><title>Night ferry timetable</title></head><body>$art
<div id="comments" class="comments-area"><h2 class="comments-title">One thought on this</h2><ol class="comment-list">
<li id="comment-5" class="comment depth-1"><div class="comment-body"><div class="comment-author vcard"><cite class="fn">Ruth Alder</cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="#comment-5"><time datetime="2026-02-01T10:00:00+00:00">February 1, 2026 at 10:00 am</time></a></div>
<p>Will the night ferry stop at the island pier on the way back, or only on the way out?</p>
<div class="reply"><a class="comment-reply-link" href="#comment-5">Reply</a></div></div>
<ol class="children"><li id="comment-6" class="comment depth-2"><div class="comment-body"><div class="comment-author vcard"><cite class="fn">Harbour Board</cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="#comment-6"><time datetime="2026-02-01T12:30:00+00:00">February 1, 2026 at 12:30 pm</time></a></div>
<p>Both ways: the island pier is the only stop on the night crossing.</p>
<div class="reply"><a class="comment-reply-link" href="#comment-6">Reply</a></div></div></li></ol></li>
</ol><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form id="commentform" class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p class="comment-form-author"><label for="author">Name</label> <input id="author" name="author"></p><textarea name="comment"></textarea></form></div></div>
</body></html>
HTML
check "a reply nested in its comment: two comments, the reply apart" "$T/nested.html" '
assert [(x["author"], x["date"]) for x in c] == [("Ruth Alder", "2026-02-01T10:00:00+00:00"), ("Harbour Board", "2026-02-01T12:30:00+00:00")]
assert c[0]["text"] == "Will the night ferry stop at the island pier on the way back, or only on the way out?"
assert c[1]["text"] == "Both ways: the island pier is the only stop on the night crossing."'

# Disqus-like static markup: a post list with bylines and time-ago links.
cat > "$T/disqus.html" <<HTML
<html><head><title>Night ferry timetable</title></head><body>$art
<div id="disqus_thread"><div class="thread-header"><span class="comment-count">3 comments</span> <a class="login" href="/login">Log in</a></div>
<ul id="post-list" class="post-list">
<li class="post" id="post-101"><div class="post-content"><div class="post-byline"><span class="author publisher-anchor-color"><a href="https://disqus.example/by/islander/">islander</a></span></div>
<div class="post-meta"><a class="time-ago" href="#comment-101" title="Monday, February 2, 2026 8:05 AM">2 days ago</a></div>
<div class="post-body"><div class="post-message"><p>Finally. The last bus leaves before ten, so this changes everything for us.</p></div></div>
<footer><a class="vote-up" href="#">12</a> <a class="reply" href="#">Reply</a> <a class="share" href="#">Share</a></footer></div></li>
<li class="post" id="post-102"><div class="post-content"><div class="post-byline"><span class="author publisher-anchor-color"><a href="https://disqus.example/by/gullwatcher/">gullwatcher</a></span></div>
<div class="post-meta"><a class="time-ago" href="#comment-102" title="Monday, February 2, 2026 9:40 AM">2 days ago</a></div>
<div class="post-body"><div class="post-message"><p>Half past midnight is early for a Saturday, but it is a start.</p></div></div>
<footer><a class="vote-up" href="#">3</a> <a class="reply" href="#">Reply</a> <a class="share" href="#">Share</a></footer></div></li>
</ul><div class="load-more"><a href="#">Load more comments</a></div></div>
</body></html>
HTML
check "Disqus-like markup: author and date per post, no counts or buttons" "$T/disqus.html" '
assert [x["author"] for x in c] == ["islander", "gullwatcher"]
assert c[0]["date"] == "Monday, February 2, 2026 8:05 AM" and c[1]["date"] == "Monday, February 2, 2026 9:40 AM"
assert c[0]["text"] == "Finally. The last bus leaves before ten, so this changes everything for us."
assert c[1]["text"] == "Half past midnight is early for a Saturday, but it is a start."'

# schema.org Comment microdata, with no comment-named container.
cat > "$T/microdata.html" <<HTML
<html><head><title>Night ferry timetable</title></head><body>$art
<div class="discussion"><h2>Readers write</h2>
<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Colm Berry</span></span>
<meta itemprop="dateCreated" content="2026-02-03T18:20:00Z"><p itemprop="text">Good news for the pub at the pier, which closes at eleven anyway.</p></div>
<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ada Winn</span></span>
<meta itemprop="dateCreated" content="2026-02-04T07:05:00Z"><p itemprop="text">I hope the trial numbers hold up in winter weather too.</p></div>
</div></body></html>
HTML
check "microdata Comments: author and dateCreated" "$T/microdata.html" '
assert [(x["author"], x["date"]) for x in c] == [("Colm Berry", "2026-02-03T18:20:00Z"), ("Ada Winn", "2026-02-04T07:05:00Z")]
assert c[0]["text"] == "Good news for the pub at the pier, which closes at eleven anyway."'

# A generic list: .comment elements side by side in an unnamed container,
# each with a user name and a <time>; a "Load more" pager after them.
cat > "$T/generic.html" <<HTML
<html><head><title>Night ferry timetable</title></head><body>$art
<div class="discussion"><div class="comment"><a class="user" href="/u/pier-cat">pier_cat</a> <time datetime="2026-02-05T21:14">Feb 5</time>
<div class="text">Can we have a later return on bank holidays as well, please?</div><a class="reply-link" href="#">Reply</a></div>
<div class="comment"><a class="user" href="/u/tidewatch">tidewatch</a> <time datetime="2026-02-06T06:02">Feb 6</time>
<div class="text">The crossing is rough in February, so I hope the boat is a big one.</div><a class="reply-link" href="#">Reply</a></div>
<div class="comment-pager"><a href="?page=2">Older comments</a></div></div>
</body></html>
HTML
check "a generic .comment list: user and time, no reply links or pager" "$T/generic.html" '
assert [(x["author"], x["date"]) for x in c] == [("pier_cat", "2026-02-05T21:14"), ("tidewatch", "2026-02-06T06:02")]
assert c[0]["text"] == "Can we have a later return on bank holidays as well, please?"'

# Comments given only in JSON-LD: an article's "comment" list, a reply in a
# comment's own "comment".
cat > "$T/jsonld.html" <<HTML
<html><head><title>Night ferry timetable</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Harbour News"},
{"@type":"NewsArticle","headline":"Night ferry timetable","commentCount":2,"comment":[
{"@type":"Comment","author":{"@type":"Person","name":"Mina Holt"},"dateCreated":"2026-02-07T09:00:00Z","text":"Will there be a winter timetable too?",
 "comment":{"@type":"Comment","author":"Harbour Board","datePublished":"2026-02-07T11:00:00Z","text":"Yes, from November."}}]}]}</script>
</head><body>$art</body></html>
HTML
check "JSON-LD comments and their replies" "$T/jsonld.html" '
assert c == [{"author": "Mina Holt", "date": "2026-02-07T09:00:00Z", "text": "Will there be a winter timetable too?"},
             {"author": "Harbour Board", "date": "2026-02-07T11:00:00Z", "text": "Yes, from November."}]'

summary
