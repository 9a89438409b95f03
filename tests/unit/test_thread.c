/*
 * test_thread.c - forum threads as structure (records.c, thread.c): small
 * hand-written threads in the markup of several engines give their posts
 * in order, each with its author, date and text, and no user box, vote
 * counts, signatures or buttons; Text and Markdown show each post as a
 * section "author · date".
 */
#include <stdlib.h>
#include <string.h>

#include "pith.h"
#include "test.h"

#define URL "https://talk.example/t/how-do-i-keep-sourdough-starter-alive/4821"

static const char *const BODIES[4] = {
    "My sourdough starter smells of nail polish and barely rises any more. I feed it once a day with white flour "
    "and tap water, and the kitchen is cold. What am I doing wrong, and can it still be saved?",
    "That smell means it is hungry: the yeast has eaten everything and the bacteria make acetone. Feed it twice a "
    "day for a week, discard all but a spoonful each time, and keep it somewhere warmer than the kitchen.",
    "Try some rye or whole wheat flour in the feeds too. It has more of what the yeast likes, and in my experience "
    "a sluggish starter wakes up within three or four days of the change.",
    "Thank you both! I moved it on top of the fridge, fed it twice a day with half rye, and after five days it "
    "doubles in six hours again. The bread this weekend had a proper open crumb.",
};
static const char *const AUTHORS[4] = {"breadnewbie", "crumbshot", "ryeguy", "breadnewbie"};
static const char *const DATES[4] = {"2024-03-01T09:12:00Z", "2024-03-01T10:40:00Z", "2024-03-02T08:05:00Z",
                                     "2024-03-07T19:30:00Z"};
static const char *const SHOWN[4] = {"Mar 1, 2024", "Mar 1, 2024", "Mar 2, 2024", "Mar 7, 2024"};

typedef void (*post_fn)(char *out, size_t cap, int i);

/* phpBB-like: div.post > div.postbody (h3, p.author with the user link and
 * date, div.content) and a dl.postprofile, a signature. */
static void phpbb(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<div id='p%d' class='post has-profile bg%d'><div class='inner'>"
             "<dl class='postprofile'><dt><a href='./memberlist.php?mode=viewprofile&u=%d' class='username'>%s</a>"
             "</dt><dd class='profile-rank'>Regular member</dd><dd><strong>Posts:</strong> %d</dd></dl>"
             "<div class='postbody'><h3>Re: starter</h3><p class='author'>by <strong><a "
             "href='./memberlist.php?mode=viewprofile&u=%d' class='username'>%s</a></strong> &raquo; <time "
             "datetime='%s'>%s</time></p><div class='content'>%s</div>"
             "<div class='signature'>Baking since 2019 - my blog has all my recipes and flour notes</div></div>"
             "</div></div>",
             100 + i, i % 2 + 1, 7 + i, AUTHORS[i], 40 + i, 7 + i, AUTHORS[i], DATES[i], SHOWN[i], BODIES[i]);
}

/* Discourse-like (the crawler view): div.topic-body.crawler-post with the
 * creator's profile link, a <time> and div.post[itemprop=text]. */
static void discourse(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<div id='post_%d' class='topic-body crawler-post' itemprop='comment' itemscope "
             "itemtype='http://schema.org/Comment'><div class='crawler-post-meta'><span class='creator' "
             "itemprop='author' itemscope itemtype='http://schema.org/Person'><a itemprop='url' "
             "href='https://talk.example/u/%s'><span itemprop='name'>%s</span></a></span><span "
             "class='crawler-post-infos'><time itemprop='datePublished' datetime='%s' class='post-time'>%s</time>"
             "<span itemprop='position'>#%d</span></span></div><div class='post' itemprop='text'><p>%s</p></div>"
             "<div itemprop='interactionStatistic'><span class='post-likes'>%d Likes</span></div></div>",
             i + 1, AUTHORS[i], AUTHORS[i], DATES[i], SHOWN[i], i + 1, BODIES[i], i + 2);
}

/* XenForo-like: article.message with a user cell (name, title, join date,
 * message count) and a main cell (header with <time>, div.bbWrapper). */
static void xenforo(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<article class='message message--post js-post' data-author='%s' id='js-post-%d'>"
             "<div class='message-inner'><div class='message-cell message-cell--user'><section "
             "class='message-user'><h4 class='message-name'><a href='/members/%s.%d/' "
             "class='username'>%s</a></h4><h5 class='userTitle'>Well-known member</h5><dl class='pairs'><dt>Joined"
             "</dt><dd>Oct 25, 2017</dd></dl><dl class='pairs'><dt>Messages</dt><dd>1,2%d4</dd></dl></section></div>"
             "<div class='message-cell message-cell--main'><div class='message-main'><header "
             "class='message-attribution'><ul class='message-attribution-main'><li><a href='/posts/%d/'><time "
             "class='u-dt' datetime='%s'>%s</time></a></li></ul><ul class='message-attribution-opposite'><li><a "
             "href='/posts/%d/'>#%d</a></li></ul></header><div class='message-content'><div "
             "class='message-userContent'><article class='message-body'><div class='bbWrapper'>%s</div></article>"
             "</div></div><footer class='message-footer'><div class='message-actionBar'><a class='actionBar-action'"
             " href='/posts/%d/report'>Report</a></div></footer></div></div></div></article>",
             AUTHORS[i], 500 + i, AUTHORS[i], 7 + i, AUTHORS[i], i, 500 + i, DATES[i], SHOWN[i], 500 + i, i + 1,
             BODIES[i], 500 + i);
}

/* vBulletin-like: li.postbitlegacy with div.userinfo and a postbody with
 * a date span and blockquote.postcontent. */
static void vbulletin(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<li class='postbitlegacy postbitim postcontainer' id='post_%d'><div class='posthead'><span "
             "class='postdate old'><span class='date'>%s</span></span><span class='nodecontrols'><a "
             "href='showthread.php?p=%d#post%d' class='postcounter'>#%d</a></span></div><div "
             "class='postdetails'><div class='userinfo'><div class='username_container'><a "
             "class='username offline' href='member.php?u=%d'><strong>%s</strong></a></div><span "
             "class='usertitle'>Junior Member</span><dl class='userinfo_extra'><dt>Join Date</dt><dd>Jan 2015"
             "</dd><dt>Posts</dt><dd>%d</dd></dl></div><div class='postbody'><div class='postrow'><div "
             "class='content'><div id='post_message_%d'><blockquote class='postcontent restore'>%s</blockquote>"
             "</div></div></div></div></div><div class='postfoot'><span class='postcontrols'><a "
             "href='newreply.php?p=%d'>Reply With Quote</a></span></div></li>",
             900 + i, SHOWN[i], 900 + i, 900 + i, i + 1, 30 + i, AUTHORS[i], 10 * i + 3, 900 + i, BODIES[i], 900 + i);
}

/* Reddit-like: custom elements, the author and the date as attributes
 * and in a header, the text in div[slot=comment]. */
static void reddit(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<shreddit-comment author='%s' depth='0'><div slot='commentMeta' class='flex items-center'><a "
             "href='/user/%s/' class='font-bold'>%s</a><span>&middot;</span><faceplate-timeago ts='%s'><time "
             "datetime='%s' title='%s'>%s</time></faceplate-timeago></div><div slot='comment' "
             "id='t1_abc%d-comment-rtjson-content' class='md text-14'><p>%s</p></div><div "
             "slot='actionRow'><span class='vote-count'>%d</span></div></shreddit-comment>",
             AUTHORS[i], AUTHORS[i], AUTHORS[i], DATES[i], DATES[i], SHOWN[i], SHOWN[i], i, BODIES[i], 12 - i);
}

/* StackExchange-like: the question and the answers are different blocks,
 * each with a div.post-layout holding the text and a user card. The
 * question was edited later: its edit stamp comes first, then the date it
 * was asked. */
static void stackexchange(char *out, size_t cap, int i) {
    const char *edit = i ? "" : "<div class='post-signature'><div class='user-info'><div class='user-action-time'>"
                                "edited <span title='2025-06-30 11:02:09Z' class='relativetime'>Jun 30, 2025 at "
                                "11:02</span></div></div></div>";
    snprintf(out, cap,
             "<div class='%s' id='%s-%d'><div class='post-layout'><div class='votecell'><div "
             "class='js-vote-count'>%d</div></div><div class='postcell'><div class='s-prose js-post-body' "
             "itemprop='text'><p>%s</p></div><div class='mt24'>%s<div class='post-signature'><div "
             "class='user-info'><div class='user-action-time'>%s <span title='%s' "
             "class='relativetime'>%s</span></div><div class='user-details' itemprop='author' itemscope "
             "itemtype='http://schema.org/Person'><a href='/users/%d/%s'>%s</a><div class='-flair'><span "
             "class='reputation-score'>1,%d03</span></div></div></div></div></div></div></div></div>",
             i ? "answer js-answer" : "question js-question", i ? "answer" : "question", 70 + i, 9 - i, BODIES[i],
             edit, i ? "answered" : "asked", DATES[i], SHOWN[i], 40 + i, AUTHORS[i], AUTHORS[i], i);
}

/* Invision-like: article.cPost with a phone-only author pane (its name
 * and date in one div named for the author), an aside author pane with a
 * long list of the user's details (longer than a short post), and the
 * post's column with its <time>. */
static void invision(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<article id='elComment_%d' class='cPost ipsBox ipsComment'><div class='cAuthorPane_mobile'><div "
             "class='cAuthorPane_content'><h3 class='cAuthorPane_author'><a "
             "href='https://talk.example/profile/%d-%s/'>%s</a></h3><div class='ipsType_light'><a "
             "href='#findComment-%d'>Posted <time datetime='%s'>%s</time></a></div></div></div><aside "
             "class='ipsComment_author cAuthorPane'><h3 class='cAuthorPane_author'><a "
             "href='https://talk.example/profile/%d-%s/'>%s</a></h3><ul class='cAuthorPane_info'><li>Members</li>"
             "<li>%d posts</li><li><ul class='rig'><li>Oven: Rofco B40 with three stone decks and steam trays</li>"
             "<li>Mixer: Kenwood Chef Titanium with the dough hook and the glass bowl</li><li>Flour: a sack of "
             "Marriage's strong white and a bag of Shipton Mill light rye every month</li><li>Banneton: round "
             "cane, 900 g, and an oval one for batards</li></ul></li></ul></aside><div class='ipsColumn'><div "
             "class='ipsComment_content'><div class='ipsComment_meta'><time datetime='%s'>%s</time></div><div "
             "class='cPost_contentWrap'><div class='ipsType_richText'><p>%s</p></div></div></div></div></article>",
             300 + i, 7 + i, AUTHORS[i], AUTHORS[i], 300 + i, DATES[i], SHOWN[i], 7 + i, AUTHORS[i], AUTHORS[i],
             40 + i, DATES[i], SHOWN[i], BODIES[i]);
}

/* FluxBB-like: the date is a plain link to the post, the author a link to
 * profile.php; no element is named date or time. */
static void fluxbb(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<div id='p%d' class='blockpost rowodd'><h2><span><span class='conr'>#%d</span> <a "
             "href='viewtopic.php?pid=%d#p%d'>2024-03-0%d 09:12:00</a></span></h2><div class='box'><div "
             "class='inbox'><div class='postbody'><div class='postleft'><dl><dt><strong><a "
             "href='profile.php?id=%d'>%s</a></strong></dt><dd class='usertitle'><strong>Member</strong></dd>"
             "</dl></div><div class='postright'><div class='postmsg'><p>%s</p></div></div>"
             "</div></div></div></div>",
             900 + i, i + 1, 900 + i, 900 + i, i + 1, 30 + i, AUTHORS[i], BODIES[i]);
}

/* FluxBB-like as a guest sees it: the user's name in bold heading a
 * definition list of their details, with no link (issue 11). */
static void fluxbb_guest(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<div id='p%d' class='blockpost rowodd'><h2><span><span class='conr'>#%d</span> <a "
             "href='viewtopic.php?pid=%d#p%d'>2024-03-0%d 09:12:00</a></span></h2><div class='box'><div "
             "class='inbox'><div class='postbody'><div class='postleft'><dl><dt><strong>%s</strong></dt><dd "
             "class='usertitle'><strong>Member</strong></dd><dd><span>Registered: 2024-01-2%d</span></dd><dd>"
             "<span>Posts: %d</span></dd></dl></div><div class='postright'><div class='postmsg'><p>%s</p></div>"
             "</div></div></div></div></div>",
             900 + i, i + 1, 900 + i, 900 + i, i + 1, AUTHORS[i], i, 40 + i, BODIES[i]);
}

/* NodeBB-like: li[data-username] with the post's header (avatar, name,
 * a machine date) before div.content; the starter's posts carry one more
 * class, so the li split between two shapes, and the replies' mentions
 * ("@name" links to profiles) make the bodies the records (issue 11). */
static const char *const MENTION[4] = {"", "breadnewbie", "breadnewbie", "crumbshot"};

static void nodebb(char *out, size_t cap, int i) {
    char mention[128] = "";
    if (*MENTION[i])
        snprintf(mention, sizeof mention, "<a class='plugin-mentions-user' href='/user/%s'>@<bdi>%s</bdi></a><br>",
                 MENTION[i], MENTION[i]);
    snprintf(out, cap,
             "<li component='post' class='%s' data-index='%d' data-username='%s' itemprop='comment' "
             "itemtype='http://schema.org/Comment' itemscope><meta itemprop='datePublished' content='%s'><div "
             "class='clearfix post-header'><div class='icon'><img alt='%s' src='/a/%d.png'></div><small><strong "
             "class='text-nowrap' itemprop='author' itemscope itemtype='https://schema.org/Person'><meta "
             "itemprop='name' content='%s'><a href='/user/%s'>%s</a></strong></small></div><br><div "
             "class='content' component='post/content' itemprop='text'><p>%s%s</p></div></li>",
             AUTHORS[i] == AUTHORS[0] ? "  topic-owner-post" : "  ", i, AUTHORS[i], DATES[i], AUTHORS[i], i,
             AUTHORS[i], AUTHORS[i], AUTHORS[i], mention, BODIES[i]);
}

/* The same with the name only in the li's data-username (the header
 * shows a badge and a date). */
static void nodebb_bare(char *out, size_t cap, int i) {
    char mention[128] = "";
    if (*MENTION[i])
        snprintf(mention, sizeof mention, "<a href='/user/%s'>@%s</a><br>", MENTION[i], MENTION[i]);
    snprintf(out, cap,
             "<li class='%s' data-username='%s'><div class='post-header'><span class='badge'>OP</span></div>"
             "<div class='content'><p>%s%s</p></div></li>",
             AUTHORS[i] == AUTHORS[0] ? "topic-owner-post" : "", AUTHORS[i], mention, BODIES[i]);
}

/* vBulletin 3-like: table posts (class tborder, like the toolbar above
 * them and the rules box below), the name an a.bigusername to
 * member.php, the date plain text in the header row, the user's details
 * in the left cell (issue 11). */
static void vbulletin3(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<div id='edit%d'><table id='post%d' class='tborder' width='100%%'><tr><td class='thead'><a "
             "name='post%d'><img src='post_old.gif' alt='Old'></a> %s, 09:1%d</td><td class='thead' "
             "align='right'>#<a href='showpost.php?p=%d'><strong>%d</strong></a></td></tr><tr valign='top'><td "
             "class='alt2' width='175'><div id='postmenu_%d'><a class='bigusername' href='member.php?u=%d'>%s</a>"
             "</div><div class='smallfont'>Registered User</div><div class='smallfont'><div>Join Date: Mar 2016"
             "</div><div>Posts: %d</div></div></td><td class='alt1' id='td_post_%d'><div id='post_message_%d'>%s"
             "</div></td></tr></table></div>",
             900 + i, 900 + i, 900 + i, SHOWN[i], i, 900 + i, i + 1, 900 + i, 30 + i, AUTHORS[i], 10 + i, 900 + i,
             900 + i, BODIES[i]);
}

/* SMF-like: div.poster with the name in an h4 link to
 * "index.php?action=profile;u=N" and an li.poster_ip "Logged" at the end
 * of the user's details; the date a link whose tooltip is the reply's
 * subject (issue 11). */
static void smf(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<div class='windowbg' id='msg%d'><div class='post_wrapper'><div class='poster'><h4><a "
             "href='https://talk.example/index.php?action=profile;u=%d' title='View the profile of %s'>%s</a></h4>"
             "<ul class='user_info'><li class='postgroup'>Jr. Member</li><li class='postcount'>Posts: %d</li><li "
             "class='poster_ip'>Logged</li></ul></div><div class='postarea'><div class='keyinfo'><div "
             "class='postinfo'><a href='https://talk.example/index.php?msg=%d' title='Reply #%d - Re: starter' "
             "class='smalltext'>%s</a></div></div><div class='post'><div class='inner' id='msg_%d'>%s</div></div>"
             "</div></div></div>",
             900 + i, 30 + i, AUTHORS[i], AUTHORS[i], 10 + i, 900 + i, i, SHOWN[i], 900 + i, BODIES[i]);
}

/* MyBB-like: div.post_author whose author_information shows the name and,
 * under it, the user's rank (issue 11). The first post was edited: its
 * date is followed, inside the date's span, by the edit note with its own
 * date and the editor's profile link. */
static void mybb(char *out, size_t cap, int i) {
    const char *edit = i ? "" : "<span class='post_edit'><span class='edited_post'>(This post was last modified: "
                                "2024-03-05, 08:01 PM by <a href='https://talk.example/user-30.html'>breadnewbie</a>."
                                " Edited 1 time in total.)</span></span>";
    snprintf(out, cap,
             "<div class='post' id='post_%d'><div class='post_author'><div class='author_avatar'><a "
             "href='user-%d.html'><img src='a.gif' alt=''></a></div><div class='author_information'><strong><span "
             "class='largetext'><a href='https://talk.example/user-%d.html'>%s</a></span></strong><br><span "
             "class='smalltext'><p class='team-role'>Big Board Owner</p></span></div><div "
             "class='author_statistics'>Posts: %d<br>Joined: Feb 2019</div></div><div class='post_content'><div "
             "class='post_head'><span class='post_date'>%s %s</span></div><div class='post_body' id='pid_%d'>%s</div>"
             "</div></div>",
             900 + i, 30 + i, 30 + i, AUTHORS[i], 10 + i, SHOWN[i], edit, 900 + i, BODIES[i]);
}

/* Microdata only: each post an itemscope Comment whose author is an
 * itemprop=author and whose date an itemprop=dateCreated span (camel
 * case, as schema.org writes it) that shows no date, only its content
 * attribute holds it; no class names a part. */
static void microdata(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<div itemprop='comment' itemscope itemtype='https://schema.org/Comment'><div><span "
             "itemprop='author'>%s</span> <span itemprop='dateCreated' content='%s'>earlier</span></div><div "
             "itemprop='text'><p>%s</p></div></div>",
             AUTHORS[i], DATES[i], BODIES[i]);
}

/* Utility CSS (Tailwind-like): no element is named for what it is; each
 * post shows "name · 01/03/2024 09:12" with the date in a span padded
 * with the template's white space. */
static void utility_css(char *out, size_t cap, int i) {
    snprintf(out, cap,
             "<div class='relative pt-3 pb-1 px-4 border rounded-xl mt-1.5'><div class='mt-1 relative'><div "
             "class='font-bold break-all pr-8'>\n      %s &middot; <span class='lg:text-sm font-normal'>\n"
             "                0%d/03/2024 09:1%d\n            </span>\n</div></div><div class='mt-2.5 "
             "leading-6 w-full break-words'><p>%s</p></div></div>",
             AUTHORS[i], i + 1, i, BODIES[i]);
}

static char *thread_page(post_fn fn, const char *wrap_open, const char *wrap_close) {
    size_t cap = 65536;
    char *page = malloc(cap), post[8192];
    if (!page) return NULL;
    snprintf(page, cap,
             "<!doctype html><html><head><title>How do I keep a sourdough starter alive? - Baking Forum</title>"
             "<meta property='og:type' content='website'></head><body><header class='site-header'><nav><a "
             "href='/'>Forums</a> <a href='/latest'>Latest</a> <a href='/members'>Members</a></nav></header>"
             "<main><h1>How do I keep a sourdough starter alive?</h1><p class='thread-meta'>Discussion in "
             "Baking started by breadnewbie</p>%s",
             wrap_open);
    for (int i = 0; i < 4; i++) {
        fn(post, sizeof post, i);
        strncat(page, post, cap - strlen(page) - 1);
    }
    strncat(page, wrap_close, cap - strlen(page) - 1);
    strncat(page,
            "<div class='pagination'><a href='?page=2'>Next</a></div><form class='quick-reply' action='/reply'>"
            "<textarea name='message'></textarea><button>Post reply</button></form></main><aside "
            "class='sidebar'><h3>Similar threads</h3><ul><li><a href='/t/1'>Rye starter</a></li><li><a "
            "href='/t/2'>Bread flour or all purpose?</a></li></ul></aside><footer>Forum software &copy; 2024"
            "</footer></body></html>",
            cap - strlen(page) - 1);
    return page;
}

/* The thread page of `fn`'s posts, extracted at URL; NULL (a failed
 * check) when it cannot be built or extracted. The caller frees the result. */
static pith_result *extract_thread(post_fn fn, const char *wrap_open, const char *wrap_close) {
    char *page = thread_page(fn, wrap_open, wrap_close);
    CHECK(page != NULL);
    if (!page) return NULL;
    pith_options o;
    pith_options_init(&o);
    o.url = URL;
    pith_result *r = NULL;
    CHECK(pith_extract(page, strlen(page), &o, &r) == PITH_OK);
    free(page);
    return r;
}

/* dates: each post's date is DATES[i] or SHOWN[i] (else it is only
 * present); authors: each post's author is AUTHORS[i] (else the markup
 * names none). */
static void check_engine(const char *name, post_fn fn, const char *wrap_open, const char *wrap_close, bool dates,
                         bool authors) {
    pith_result *r = extract_thread(fn, wrap_open, wrap_close);
    if (!r) return;
    if (pith_result_page_type(r) != PITH_PAGE_FORUM) fprintf(stderr, "%s: not classified as a forum\n", name);
    CHECK(pith_result_page_type(r) == PITH_PAGE_FORUM);
    size_t n = pith_result_post_count(r);
    if (n != 4) fprintf(stderr, "%s: %zu posts\n", name, n);
    CHECK(n == 4);
    for (size_t i = 0; i < n && i < 4; i++) {
        const pith_post *p = pith_result_post(r, i);
        CHECK(p != NULL);
        if (!p) continue;
        if (authors) CHECK_STR_EQ(p->author, AUTHORS[i]);
        bool date_ok = p->date && (strcmp(p->date, DATES[i]) == 0 || strcmp(p->date, SHOWN[i]) == 0);
        if (dates && !date_ok) fprintf(stderr, "%s: post %zu date %s\n", name, i, p->date ? p->date : "(null)");
        if (dates) CHECK(date_ok);
        if (!dates && !p->date) fprintf(stderr, "%s: post %zu has no date\n", name, i);
        CHECK(p->date != NULL);
        CHECK_STR_EQ(p->text, BODIES[i]);
    }
    CHECK(pith_result_post(r, n) == NULL);
    /* The thread's author is its starter (issue 11). */
    const pith_metadata *m = pith_result_metadata(r);
    if (authors) {
        CHECK(m && m->authors.count >= 1);
        if (m && m->authors.count) CHECK_STR_EQ(m->authors.items[0], AUTHORS[0]);
    }
    /* The thread's date is its first post's, when the page states none
     * elsewhere (issue 11). */
    if (dates) {
        bool first_day = m && m->date_published && strncmp(m->date_published, "2024-03-01", 10) == 0;
        if (!first_day) fprintf(stderr, "%s: thread date %s\n", name, m && m->date_published ? m->date_published : "(null)");
        CHECK(first_day);
    }
    /* Text: each post is a section headed by its author; no user boxes,
     * counters, signatures or buttons. */
    char *text = NULL;
    size_t len = 0;
    CHECK(pith_result_render(r, PITH_FORMAT_TEXT, &text, &len) == PITH_OK);
    if (text) {
        char want[128];
        snprintf(want, sizeof want, authors ? "\n%s \xC2\xB7 " : "\n%s", authors ? AUTHORS[1] : "02/03/2024");
        if (!strstr(text, want)) fprintf(stderr, "%s: no heading '%s' in:\n%s\n", name, want, text);
        CHECK(strstr(text, want) != NULL);
        CHECK(strstr(text, BODIES[0]) && strstr(text, BODIES[3]) && strstr(text, BODIES[0]) < strstr(text, BODIES[3]));
        CHECK(!strstr(text, "Junior Member") && !strstr(text, "Well-known member") && !strstr(text, "Regular member"));
        CHECK(!strstr(text, "Baking since 2019") && !strstr(text, "Reply With Quote") && !strstr(text, "Report"));
        CHECK(!strstr(text, "Likes") && !strstr(text, "Similar threads") && !strstr(text, "Post reply"));
        pith_free(text);
    }
    char *md = NULL;
    CHECK(pith_result_render(r, PITH_FORMAT_MARKDOWN, &md, &len) == PITH_OK);
    if (md) {
        char want[128];
        snprintf(want, sizeof want, authors ? "## %s \xC2\xB7 " : "## %s", authors ? AUTHORS[2] : "03/03/2024");
        CHECK(strstr(md, want) != NULL);
        pith_free(md);
    }
    char *json = NULL;
    CHECK(pith_result_render(r, PITH_FORMAT_JSON, &json, &len) == PITH_OK);
    if (json) {
        const char *c = strstr(json, "\"comments\":"), *p = strstr(json, "\"posts\":[{\"author\":");
        CHECK(c && p && c < p);
        pith_free(json);
    }
    pith_result_free(r);
}

static void test_engines(void) {
    check_engine("phpbb", phpbb, "<div id='page-body'>", "</div>", true, true);
    check_engine("discourse", discourse, "<div id='main-outlet'>", "</div>", true, true);
    check_engine("xenforo", xenforo, "<div class='block-body'>", "</div>", true, true);
    check_engine("vbulletin", vbulletin, "<ol id='posts' class='posts'>", "</ol>", true, true);
    check_engine("reddit", reddit, "<shreddit-comment-tree>", "</shreddit-comment-tree>", true, true);
    check_engine("stackexchange", stackexchange, "<div id='mainbar'>", "</div>", true, true);
    /* The thread in a bare div, and a bare div holding a cookie banner with
     * more prose than the thread: two "records" of one shape that are not
     * posts. */
    check_engine("invision", invision, "<div><div class='cTopic'>",
                 "</div></div><div><div id='onetrust-consent-sdk' class='cookie-consent'><p>We and our 847 "
                 "partners store and access information on your device, such as cookies, and process personal "
                 "data, such as unique identifiers and standard information sent by a device, for personalised "
                 "advertising and content, advertising and content measurement, audience research and services "
                 "development. With your permission we and our partners may use precise geolocation data and "
                 "identification through device scanning. You may click to consent to our and our 847 partners' "
                 "processing as described above. Alternatively you may access more detailed information and "
                 "change your preferences before consenting or to refuse consenting. Please note that some "
                 "processing of your personal data may not require your consent, but you have a right to object "
                 "to such processing. Your preferences will apply to this website only. You can change your "
                 "preferences at any time by returning to this site or visiting our privacy policy.</p><p>We "
                 "and our partners process data to provide: store and access information on a device, "
                 "personalised advertising and content, advertising and content measurement, audience research "
                 "and services development, and to use precise geolocation data and actively scan device "
                 "characteristics for identification, and to list them here at quite some length.</p>"
                 "<button>Accept all</button></div></div>",
                 true, true);
    check_engine("fluxbb", fluxbb, "<div id='brdmain'>", "</div>", false, true);
    check_engine("utility-css", utility_css, "<div class='flex flex-col'>", "</div>", false, false);
    check_engine("smf", smf, "<div id='forumposts'>", "</div>", true, true);
    check_engine("mybb", mybb, "<div id='posts'>", "</div>", true, true);
    check_engine("microdata", microdata, "<div>", "</div>", true, true);
}

/* Threads whose posts' authors are found beside their bodies (issue 11):
 * each post's author, its text and the thread's author. */
static void check_authors(const char *name, post_fn fn, const char *wrap_open, const char *wrap_close) {
    pith_result *r = extract_thread(fn, wrap_open, wrap_close);
    if (!r) return;
    CHECK(pith_result_page_type(r) == PITH_PAGE_FORUM);
    size_t n = pith_result_post_count(r);
    if (n != 4) fprintf(stderr, "%s: %zu posts\n", name, n);
    CHECK(n == 4);
    for (size_t i = 0; i < n && i < 4; i++) {
        const pith_post *p = pith_result_post(r, i);
        CHECK(p != NULL);
        if (!p) continue;
        if (!p->author || strcmp(p->author, AUTHORS[i]) != 0)
            fprintf(stderr, "%s: post %zu author %s\n", name, i, p->author ? p->author : "(null)");
        CHECK_STR_EQ(p->author, AUTHORS[i]);
        CHECK(p->text && strstr(p->text, BODIES[i]));
        CHECK(p->text && !strstr(p->text, "Registered") && !strstr(p->text, "Member") && !strstr(p->text, "Logged"));
    }
    const pith_metadata *m = pith_result_metadata(r);
    CHECK(m && m->authors.count >= 1);
    if (m && m->authors.count) CHECK_STR_EQ(m->authors.items[0], AUTHORS[0]);
    pith_result_free(r);
}

static void test_authors_beside_bodies(void) {
    check_authors("fluxbb-guest", fluxbb_guest, "<div id='brdmain'>", "</div>");
    check_authors("nodebb", nodebb, "<ul component='topic' class='posts timeline'>", "</ul>");
    check_authors("nodebb-bare", nodebb_bare, "<ul class='posts'>", "</ul>");
    /* The toolbar and the rules box are tables of the posts' class. */
    check_authors("vbulletin3", vbulletin3,
                  "<table class='tborder'><tr><td class='navbar'><a href='/'>Forum</a> &gt; <a "
                  "href='/f/3'>Baking</a> &gt; Sourdough starter questions and answers</td></tr></table><div "
                  "id='posts'>",
                  "</div><table class='tborder'><tr><td class='thead'>Posting Rules</td></tr><tr><td>You may not "
                  "post new threads. You may not post replies. You may not post attachments. You may not edit "
                  "your posts.</td></tr></table><div class='smallfont'>All times are GMT. The time now is <span "
                  "class='time'>14:01</span>.</div>");
}

/* A reply quoting an earlier post carries its text again: the thread keeps
 * it once. Post 2 quotes all of post 1 (XenForo's collapsed quote with its
 * "X said:" line and "Click to expand..."), post 3 quotes one sentence of
 * post 2 and a nested quote of post 1; post 4 quotes a book, which is not
 * in the thread and stays. */
static void test_repeated_quotes(void) {
    static const char excerpt[] =
        "That smell means it is hungry: the yeast has eaten everything and the bacteria make acetone.";
    static const char book[] =
        "A starter is a culture of wild yeast and lactic acid bacteria, kept alive by regular feeding with flour "
        "and water.";
    char quotes[4][2048];
    snprintf(quotes[0], sizeof quotes[0], "%s", BODIES[0]);
    snprintf(quotes[1], sizeof quotes[1],
             "<blockquote class='bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote' data-quote='%s'><div "
             "class='bbCodeBlock-title'><a href='/goto/post?id=500'>%s said:</a></div><div "
             "class='bbCodeBlock-content'><div class='bbCodeBlock-expandContent'>%s</div><div "
             "class='bbCodeBlock-expandLink'><a role='button'>Click to expand...</a></div></div></blockquote>%s",
             AUTHORS[0], AUTHORS[0], BODIES[0], BODIES[1]);
    snprintf(quotes[2], sizeof quotes[2],
             "<blockquote class='bbCodeBlock bbCodeBlock--quote'><div class='bbCodeBlock-title'>%s said:</div>"
             "<div class='bbCodeBlock-content'><blockquote><p>%s</p></blockquote>%s</div></blockquote>%s",
             AUTHORS[1], BODIES[0], excerpt, BODIES[2]);
    snprintf(quotes[3], sizeof quotes[3], "<blockquote><p>%s</p></blockquote>%s", book, BODIES[3]);
    size_t cap = 65536;
    char *page = malloc(cap), post[8192];
    if (!page) return;
    snprintf(page, cap,
             "<!doctype html><html><head><title>How do I keep a sourdough starter alive? - Baking Forum</title>"
             "</head><body><main><h1>How do I keep a sourdough starter alive?</h1><div class='block-body'>");
    for (int i = 0; i < 4; i++) {
        snprintf(post, sizeof post,
                 "<article class='message message--post'><div class='message-cell message-cell--user'><h4><a "
                 "class='username' href='/members/%s.%d/'>%s</a></h4></div><div class='message-cell "
                 "message-cell--main'><header class='message-attribution'><time datetime='%s'>%s</time></header>"
                 "<article class='message-body js-selectToQuote'><div class='bbWrapper'>%s</div></article>"
                 "</div></article>",
                 AUTHORS[i], i, AUTHORS[i], DATES[i], SHOWN[i], quotes[i]);
        strncat(page, post, cap - strlen(page) - 1);
    }
    strncat(page, "</div></main></body></html>", cap - strlen(page) - 1);
    pith_options o;
    pith_options_init(&o);
    o.url = URL;
    pith_result *r = NULL;
    CHECK(pith_extract(page, strlen(page), &o, &r) == PITH_OK);
    free(page);
    if (!r) return;
    CHECK(pith_result_post_count(r) == 4);
    for (size_t i = 0; i < 3 && i < pith_result_post_count(r); i++)
        CHECK_STR_EQ(pith_result_post(r, i)->text, BODIES[i]);
    if (pith_result_post_count(r) == 4) {
        const char *t = pith_result_post(r, 3)->text;
        CHECK(t && strstr(t, book) && strstr(t, BODIES[3]));
    }
    char *text = NULL;
    size_t len = 0;
    CHECK(pith_result_render(r, PITH_FORMAT_TEXT, &text, &len) == PITH_OK);
    if (text) {
        const char *first = strstr(text, BODIES[0]);
        CHECK(first && !strstr(first + 1, BODIES[0]));
        const char *ex = strstr(text, excerpt);
        CHECK(ex && !strstr(ex + 1, excerpt));
        CHECK(!strstr(text, "said:") && !strstr(text, "Click to expand"));
        CHECK(strstr(text, book) != NULL);
        pith_free(text);
    }
    pith_result_free(r);
}

/* An article is not a thread: posts[] stays empty, the JSON key is []. */
static void test_article_has_no_posts(void) {
    const char *page = "<html><head><title>A walk</title></head><body><article><h1>A walk</h1><p>We walked along "
                       "the river for an hour and saw two herons, a kingfisher and more ducks than we could "
                       "count, and then it rained.</p><p>The rain did not stop until we were home again, "
                       "soaked through, and the tea has never tasted better.</p></article></body></html>";
    pith_result *r = NULL;
    CHECK(pith_extract(page, strlen(page), NULL, &r) == PITH_OK);
    if (!r) return;
    CHECK(pith_result_post_count(r) == 0);
    CHECK(pith_result_post(r, 0) == NULL);
    char *json = NULL;
    size_t len = 0;
    CHECK(pith_result_render(r, PITH_FORMAT_JSON, &json, &len) == PITH_OK);
    if (json) {
        CHECK(strstr(json, "\"comments\":[],\"posts\":[],") != NULL);
        pith_free(json);
    }
    pith_result_free(r);
    CHECK(pith_result_post_count(NULL) == 0 && pith_result_post(NULL, 0) == NULL);
}

int main(void) {
    RUN(test_engines);
    RUN(test_authors_beside_bodies);
    RUN(test_article_has_no_posts);
    RUN(test_repeated_quotes);
    return test_summary("thread");
}
