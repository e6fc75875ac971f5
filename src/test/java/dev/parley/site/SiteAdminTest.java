package dev.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.LogCapture;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The owner's "Sites": registering a site's origins and address rules, and looking after its threads (rename,
 * re-address, close); the queue's link to the host page.
 */
@QuarkusTest
class SiteAdminTest {

    @Inject
    TestData data;

    private Browser owner() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        return owner;
    }

    private static Map<String, String> siteForm(String name, String origins) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("origins", origins);
        return fields;
    }

    private static Page page(Response answer) {
        return Page.of("(answer)", answer);
    }

    @Test
    void aSiteIsAddedWithItsOriginsWrittenCanonicallyAndItsSettingsKept() throws Exception {
        Browser owner = owner();
        String host = TestData.unique("blog").toLowerCase() + ".example.org";
        String name = TestData.unique("My blog");
        Page list = owner.open("/admin/sites");
        assertEquals("Sites", list.text(".admin-nav [aria-current=page]"));
        Map<String, String> fields = siteForm(
                name, "HTTPS://" + host.toUpperCase() + "/\nhttp://" + host + ":80\n\nhttps://shop." + host + ":8443");
        fields.put("keptQueryParams", "p,  page_id");
        fields.put("trailingSlash", "ADD");
        fields.put("samePageAnyScheme", null);

        Page site = owner.follow(owner.submit(list, "#siteform", fields));

        assertEquals("Site added. Its pages can carry threads now.", site.text(".notice"));
        assertEquals(name, site.text("h1"));
        assertEquals(
                "https://" + host + "\nhttp://" + host + "\nhttps://shop." + host + ":8443",
                site.fieldValue("origins"));
        assertEquals("p, page_id", site.fieldValue("keptQueryParams"));
        assertTrue(site.has("input[name=trailingSlash][value=ADD][checked]"));
        assertFalse(site.has("input[name=samePageAnyScheme][checked]"));
        assertTrue(site.shows("No threads yet"));
        String embed = "/embed/thread?page=" + java.net.URLEncoder.encode("https://" + host + "/post", "UTF-8");
        assertEquals(200, new Browser().open(embed).status(), "in effect at once");

        // The round trip: saving the page as it is changes nothing; then the other way round.
        Page same = owner.follow(owner.submit(site, "#siteform", Map.of()));
        assertEquals("Site saved.", same.text(".notice"));
        assertEquals("p, page_id", same.fieldValue("keptQueryParams"));
        assertTrue(same.has("input[name=trailingSlash][value=ADD][checked]"));
        Page changed = owner.follow(owner.submit(
                same,
                "#siteform",
                Map.of("keptQueryParams", "", "trailingSlash", "REMOVE", "samePageAnyScheme", "yes")));
        assertEquals("", changed.fieldValue("keptQueryParams"));
        assertTrue(changed.has("input[name=trailingSlash][value=REMOVE][checked]"));
        assertTrue(changed.has("input[name=samePageAnyScheme][checked]"));

        Element row = owner.open("/admin/sites").html().select(".site-row").stream()
                .filter(r -> r.text().contains(name))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("https://" + host, "http://" + host, "https://shop." + host + ":8443"),
                row.select(".origin").eachText());
        assertEquals("0", row.selectFirst(".threads").text());
        assertTrue(owner.open("/moderation/log?action=site").shows("Added the site “" + name + "”"));
    }

    @Test
    void aNewSiteStartsWithAddressesAsGivenAndHttpAndHttpsAsOnePage() {
        Page list = owner().open("/admin/sites");
        assertTrue(list.has("#siteform input[name=trailingSlash][value=KEEP][checked]"));
        assertTrue(list.has("#siteform input[name=samePageAnyScheme][checked]"));
    }

    @Test
    void originsThatAreNotPlainOriginsComeBackExplainedWithTheTextKept() {
        Browser owner = owner();
        String other = TestData.uniqueOrigin("taken");
        String otherName = TestData.unique("Taken");
        data.site(otherName, other);
        String good = TestData.uniqueOrigin("fine");
        String tooLong = "https://" + "a".repeat(4980) + ".example.org";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(good + "\nhttps://blog.example.org/blog", "“https://blog.example.org/blog” is not an origin.");
        cases.put("https://blog.example.org/?p=1", "“https://blog.example.org/?p=1” is not an origin.");
        cases.put("https://blog.example.org/#top", "“https://blog.example.org/#top” is not an origin.");
        cases.put("ftp://files.example.org", "“ftp://files.example.org” is not an origin.");
        cases.put("blog.example.org", "“blog.example.org” is not an origin.");
        cases.put("https://ann:secret@blog.example.org", "“https://ann:secret@blog.example.org” is not an origin.");
        cases.put("   \n  ", "Please list at least one origin");
        cases.put(good + "\n" + good.toUpperCase() + ":443/", good + " is listed twice.");
        cases.put(other.replace("https:", "http:"), "http" + other.substring(5) + " belongs to the site “" + otherName);
        cases.put(tooLong, "The origins can have at most 2000 characters.");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String name = TestData.unique("Refused");
            Response answer = owner.submit(owner.open("/admin/sites"), "#siteform", siteForm(name, c.getKey()));
            assertEquals(400, answer.statusCode(), c.getKey());
            Page page = page(answer);
            assertTrue(page.fieldError("origins").startsWith(c.getValue()), page.fieldError("origins"));
            assertEquals(c.getKey(), page.fieldValue("origins"), "the text is kept");
            assertEquals(name, page.fieldValue("name"));
            assertEquals("#origins", page.one("#error-summary a").attr("href"));
            assertFalse(owner.open("/admin/sites").texts(".site-name").contains(name), "nothing stored");
        }
    }

    @Test
    void otherMistakesAreExplainedNextToTheirFields() {
        Browser owner = owner();
        Map<String, String> fields = siteForm("", TestData.uniqueOrigin("ok"));
        fields.put("keptQueryParams", "p; <script>");
        fields.put("trailingSlash", "SOMETIMES");
        Response answer = owner.submit(owner.open("/admin/sites"), "#siteform", fields);
        assertEquals(400, answer.statusCode());
        Page page = page(answer);
        assertEquals("Please give the site a name, such as My blog.", page.fieldError("name"));
        assertTrue(page.fieldError("keptQueryParams").startsWith("Query parameters are names separated by commas"));
        assertEquals("Please choose how page addresses end.", page.fieldError("trailingSlash"));
        assertEquals("p; <script>", page.fieldValue("keptQueryParams"));
        assertEquals(
                List.of("#name", "#keptQueryParams", "#trailingSlash"),
                page.html().select("#error-summary a").eachAttr("href"));
        assertTrue(page.has("input#trailingSlash"), "the summary's link has a field to go to");
    }

    @Test
    void aSiteWithoutThreadsIsDeletedAfterAskingAndOneWithThreadsStays() throws Exception {
        Browser owner = owner();
        String name = TestData.unique("Short-lived");
        String goneOrigin = TestData.uniqueOrigin("gone");
        Site empty = data.site(name, goneOrigin);
        String embed = "/embed/thread?page=" + java.net.URLEncoder.encode(goneOrigin + "/post", "UTF-8");
        assertEquals(200, new Browser().open(embed).status());
        Page ask = owner.open("/admin/sites/" + empty.id + "/delete");
        assertEquals("Delete the site " + name + "?", ask.text("h1"));
        assertTrue(ask.text("#doomed").contains("no comment is lost"));
        // Without the confirmation, the delete address only asks.
        Response unconfirmed = owner.submit(ask, "#confirmform", Map.of("confirmed", ""));
        assertEquals(200, unconfirmed.statusCode());
        assertTrue(page(unconfirmed).has("#confirmform"));
        Page deleted = owner.follow(owner.submit(ask, "#confirmform", Map.of()));
        assertEquals("Site deleted.", deleted.text(".notice"));
        assertFalse(deleted.texts(".site-name").contains(name));
        assertEquals(404, owner.open("/admin/sites/" + empty.id).status());
        assertEquals(403, new Browser().open(embed).status(), "its pages carry no thread from now on");

        String origin = TestData.uniqueOrigin("kept");
        Site busy = data.site(TestData.unique("Busy"), origin);
        Article thread = data.embeddedThread(busy, "A busy page", origin + "/busy");
        data.comment(thread, null, "Ada", "Words worth keeping.", CommentStatus.APPROVED);
        Page refusal = owner.open("/admin/sites/" + busy.id + "/delete");
        assertTrue(refusal.text("#refused").startsWith("The site stays: it has 1 thread with 1 comment."));
        assertFalse(refusal.has("#confirmform"));
        Response forced = owner.post(
                "/admin/sites/" + busy.id + "/delete",
                Map.of("_csrf", refusal.one("input[name=_csrf]").val(), "confirmed", "yes"));
        assertEquals(409, forced.statusCode());
        assertEquals(200, owner.open("/admin/sites/" + busy.id).status());

        Page closed = owner.follow(owner.submit(refusal, "#closeallform", Map.of()));
        assertEquals("Comments closed on all threads of this site.", closed.text(".notice"));
        assertFalse(data.findArticle(thread.id).commentsOpen);
        assertEquals("Comments closed", closed.text("#thread-" + thread.id + " .status"));
    }

    @Test
    void theSitesPageListsItsThreadsWithTheirHostPagesAndCounts() {
        Browser owner = owner();
        String origin = TestData.uniqueOrigin("news");
        Site site = data.site(TestData.unique("News"), origin);
        Article older = data.embeddedThread(site, "Older \u202Epage", origin + "/older");
        Article newer = data.embeddedThread(site, "Newer page", origin + "/newer/");
        data.comment(newer, null, "Ada", "Approved one.", CommentStatus.APPROVED);
        data.comment(newer, null, "Bob", "Waiting one.", CommentStatus.PENDING);
        data.comment(newer, null, "Cy", "Waiting two.", CommentStatus.PENDING);
        data.comment(newer, null, "Spammer", "Spam does not count.", CommentStatus.SPAM);

        Page page = owner.open("/admin/sites/" + site.id);
        assertEquals(List.of("Newer page", "Older \u202Epage"), page.texts(".thread-title"));
        Element row = page.one("#thread-" + newer.id);
        Element link = row.selectFirst("a.host-page");
        assertEquals(origin + "/newer/", link.attr("href"));
        assertEquals("nofollow ugc noopener", link.attr("rel"));
        assertEquals("1 approved", row.selectFirst(".approved").text());
        assertEquals("2 pending", row.selectFirst(".pending").text());
        assertEquals(
                "0 approved", page.one("#thread-" + older.id + " .approved").text());
        assertTrue(row.selectFirst("time").hasAttr("datetime"));
        assertEquals(
                "2",
                owner.open("/admin/sites")
                        .html()
                        .select("#site-" + site.id + " .threads")
                        .text());
    }

    @Test
    void longListsOfThreadsArePaged() {
        Browser owner = owner();
        String origin = TestData.uniqueOrigin("many");
        Site site = data.site(TestData.unique("Many"), origin);
        for (int i = 1; i <= ThreadList.PAGE_SIZE + 5; i++) {
            data.embeddedThread(site, "Page " + i, origin + "/p/" + i);
        }
        Page first = owner.open("/admin/sites/" + site.id);
        assertEquals(ThreadList.PAGE_SIZE, first.html().select(".thread-row").size());
        assertEquals("Page 55", first.texts(".thread-title").get(0));
        assertEquals("Threads 1–50 of 55, newest first.", first.text(".thread-count"));
        Page second = owner.open(first.one("#next-page").attr("href").replace("#threads", ""));
        assertEquals(List.of("Page 5", "Page 4", "Page 3", "Page 2", "Page 1"), second.texts(".thread-title"));
        assertFalse(second.has("#next-page"));
        for (String odd : List.of("abc", "-3", "99999999999999999999", "0")) {
            Page page = owner.open("/admin/sites/" + site.id + "?page=" + odd);
            assertEquals(200, page.status(), odd);
            assertFalse(page.html().select(".thread-row").isEmpty(), odd);
        }
        assertEquals(
                "Page 5",
                owner.open("/admin/sites/" + site.id + "?page=7")
                        .texts(".thread-title")
                        .get(0));
    }

    @Test
    void aThreadIsRenamedReaddressedClosedAndReopened() {
        Browser owner = owner();
        String origin = TestData.uniqueOrigin("moving");
        Site site = data.site(TestData.unique("Moving"), origin);
        Article thread = data.embeddedThread(site, "Old title", origin + "/2019/old-place");
        Article neighbour = data.embeddedThread(site, "Neighbour", origin + "/neighbour");
        String editor = "/admin/sites/" + site.id + "/threads/" + thread.id;

        Page form = owner.open(editor);
        assertEquals("Old title", form.fieldValue("title"));
        assertEquals(origin + "/2019/old-place", form.fieldValue("pageUrl"));
        Page saved = owner.follow(owner.submit(
                form,
                "#threadform",
                Map.of("title", "  New title  ", "pageUrl", origin.toUpperCase() + "/2020/./new-place?utm_source=x")));
        assertEquals("Thread saved.", saved.text(".notice"));
        assertEquals("New title", saved.fieldValue("title"));
        assertEquals(origin + "/2020/new-place", saved.fieldValue("pageUrl"), "shown back canonical");
        Article stored = data.findArticle(thread.id);
        assertEquals(origin + "/2020/new-place", stored.pageUrl);
        assertEquals("url:" + origin + "/2020/new-place", stored.pageKey, "the new page finds the thread");
        assertNotEquals(thread.slug, stored.slug, "the old address is free for a new thread, its slug included");
        data.embeddedThread(site, "A new page where the old one was", origin + "/2019/old-place");
        String log = owner.open("/moderation/log?action=thread").html().text();
        assertTrue(log.contains("renamed “\u2068Old title\u2069” to “\u2068New title\u2069”"), log);
        assertTrue(log.contains("moved it from " + origin + "/2019/old-place to " + origin + "/2020/new-place"));

        Map<String, String> mistakes = new java.util.LinkedHashMap<>();
        mistakes.put(origin + "/neighbour", "The thread “Neighbour” is on " + origin + "/neighbour already.");
        mistakes.put(
                "https://elsewhere.example.net/page",
                "https://elsewhere.example.net is not an origin of this site, which has " + origin + ".");
        mistakes.put(origin + "/page#comments", "The page address has a fragment");
        mistakes.put("javascript:alert(1)", "The page address must start with http:// or https://.");
        mistakes.put(origin + "/" + "x".repeat(2100), "The page address can have at most 2000 characters.");
        mistakes.put("", "Please enter the address of the page that carries the thread.");
        for (Map.Entry<String, String> m : mistakes.entrySet()) {
            Response answer = owner.submit(
                    owner.open(editor), "#threadform", Map.of("title", "Typed title", "pageUrl", m.getKey()));
            assertEquals(400, answer.statusCode(), m.getKey());
            Page page = page(answer);
            assertTrue(page.fieldError("pageUrl").startsWith(m.getValue()), page.fieldError("pageUrl"));
            assertEquals(m.getKey(), page.fieldValue("pageUrl"));
            assertEquals("Typed title", page.fieldValue("title"));
        }
        Map<String, String> badTitles = Map.of(
                " ",
                "Please give the thread a title, such as the page's own.",
                "x".repeat(10_000),
                "The title can have at most 300 characters.",
                "Two\nlines",
                "A title is one line.");
        for (Map.Entry<String, String> t : badTitles.entrySet()) {
            Response answer = owner.submit(
                    owner.open(editor), "#threadform", Map.of("title", t.getKey(), "pageUrl", origin + "/fine"));
            assertEquals(400, answer.statusCode());
            assertEquals(t.getValue(), page(answer).fieldError("title"));
        }
        assertEquals("New title", data.findArticle(thread.id).title, "nothing changed");
        assertEquals(origin + "/2020/new-place", data.findArticle(thread.id).pageUrl, "nothing changed");
        assertEquals(origin + "/neighbour", data.findArticle(neighbour.id).pageUrl);

        Page list = owner.open("/admin/sites/" + site.id);
        Page closed = owner.follow(owner.submit(list, "#thread-" + thread.id + " form[action$=/close]", Map.of()));
        assertEquals("Comments closed on this thread.", closed.text(".notice"));
        assertEquals("Comments closed", closed.text("#thread-" + thread.id + " .status"));
        assertFalse(data.findArticle(thread.id).commentsOpen);
        Page opened = owner.follow(owner.submit(closed, "#thread-" + thread.id + " form[action$=/open]", Map.of()));
        assertEquals("Comments opened on this thread.", opened.text(".notice"));
        assertTrue(data.findArticle(thread.id).commentsOpen);
        assertTrue(owner.open("/moderation/log?action=thread").shows("Closed comments on the thread “New title”"));

        // A thread of another site is not reached through this one.
        Site stranger = data.site(TestData.unique("Stranger"), TestData.uniqueOrigin("stranger"));
        assertEquals(
                404,
                owner.open("/admin/sites/" + stranger.id + "/threads/" + thread.id)
                        .status());
        assertEquals(
                404,
                owner.open("/admin/sites/" + site.id + "/threads/999999999").status());
        assertEquals(404, owner.open("/admin/sites/abc").status());
    }

    @Test
    void changingTheAddressRulesRewritesTheThreadsAddressesOrSaysWhyNot() {
        Browser owner = owner();
        String origin = TestData.uniqueOrigin("rules");
        Site site = data.site(TestData.unique("Rules"), origin);
        Article slashed = data.embeddedThread(site, "Slashed", origin + "/post/");
        String settings = "/admin/sites/" + site.id;

        Page saved = owner.follow(owner.submit(owner.open(settings), "#siteform", Map.of("trailingSlash", "REMOVE")));
        assertEquals("Site saved.", saved.text(".notice"));
        assertEquals(origin + "/post", data.findArticle(slashed.id).pageUrl);
        assertEquals("url:" + origin + "/post", data.findArticle(slashed.id).pageKey);

        // Two pages under the old rule, one under the new: refused, with the address named.
        owner.follow(owner.submit(owner.open(settings), "#siteform", Map.of("trailingSlash", "KEEP")));
        Article twin = data.embeddedThread(site, "Twin", origin + "/other");
        data.embeddedThread(site, "Twin, slashed", origin + "/other/");
        Response refused = owner.submit(owner.open(settings), "#siteform", Map.of("trailingSlash", "REMOVE"));
        assertEquals(400, refused.statusCode());
        Page page = page(refused);
        assertTrue(page.text("#error-summary .form-error").startsWith("With these settings, the threads"));
        assertTrue(page.shows("would be one page, " + origin + "/other."));
        assertEquals(origin + "/other", data.findArticle(twin.id).pageUrl, "nothing rewritten");

        Response originGone =
                owner.submit(owner.open(settings), "#siteform", Map.of("origins", TestData.uniqueOrigin("new")));
        assertEquals(400, originGone.statusCode());
        assertTrue(page(originGone).fieldError("origins").contains("which these origins leave out"));
    }

    @Test
    void theQueueLinksAnEmbeddedThreadsCommentsToTheHostPage() {
        String origin = TestData.uniqueOrigin("queue");
        Site site = data.site(TestData.unique("Queue"), origin);
        Article thread = data.embeddedThread(site, "A page \u202Eelsewhere", origin + "/elsewhere");
        Comment comment = data.comment(thread, null, "Ada", "On a host page.", CommentStatus.PENDING);
        Article own = data.article("Parley's own");
        Comment ownComment = data.comment(own, null, "Bob", "On Parley.", CommentStatus.PENDING);
        Browser moderator = data.moderatorBrowser();

        for (String path : List.of("/moderation?article=" + thread.slug, "/moderation/comments/" + comment.id)) {
            Page page = moderator.open(path);
            Element link = page.one("#queue-" + comment.id + " .queue-context a.queue-host-page");
            assertEquals(origin + "/elsewhere", link.attr("href"), path);
            assertEquals("A page \u202Eelsewhere", link.text().replaceAll("[\u2066-\u2069]", ""));
            assertEquals("nofollow ugc noopener", link.attr("rel"));
            assertEquals("on " + origin.substring(8), page.text("#queue-" + comment.id + " .queue-host"));
            assertFalse(page.has("#queue-" + comment.id + " .queue-context a[href^=/articles/]"));
        }
        Page ownPage = moderator.open("/moderation/comments/" + ownComment.id);
        assertEquals(
                "/articles/" + own.slug,
                ownPage.one("#queue-" + ownComment.id + " .queue-context a").attr("href"));
        assertFalse(ownPage.has(".queue-host-page"));
    }

    @Test
    void onlyTheOwnerManagesSites() {
        String origin = TestData.uniqueOrigin("private");
        Site site = data.site(TestData.unique("Private"), origin);
        Article thread = data.embeddedThread(site, "Private page", origin + "/p");
        Browser reader = new Browser();
        data.signInReader(reader, "Rita Reader");
        for (Browser who : List.of(data.moderatorBrowser(), reader)) {
            for (String path : List.of(
                    "/admin/sites", "/admin/sites/" + site.id, "/admin/sites/" + site.id + "/threads/" + thread.id)) {
                Page page = who.open(path);
                assertNotEquals(200, page.status(), path);
                assertFalse(page.has(".admin-nav"), path);
            }
            Response post = who.post(
                    "/admin/sites/" + site.id + "/threads/" + thread.id + "/close",
                    Map.of(
                            "_csrf",
                            who.open("/").html().select("input[name=_csrf]").val()));
            boolean refused = post.statusCode() == 403
                    || post.statusCode() == 303 && post.header("Location").contains("/login");
            assertTrue(refused, () -> post.statusCode() + " " + post.header("Location"));
        }
        assertTrue(data.findArticle(thread.id).commentsOpen, "nobody but the owner closed it");
        assertNull(new Browser().open("/admin/sites").html().selectFirst(".site-row"));
    }

    @Test
    void hostileInputGetsWordsNeverAServerError() {
        Browser owner = owner();
        String csrf =
                owner.open("/admin/sites").one("#siteform input[name=_csrf]").val();
        String origin = TestData.uniqueOrigin("hostile");
        Site site = data.site(TestData.unique("Hostile"), origin);
        Article thread = data.embeddedThread(site, "Hostile page", origin + "/h");
        List<Map<String, String>> forms = List.of(
                Map.of("_csrf", csrf),
                Map.of("_csrf", csrf, "name", "No origins field", "trailingSlash", "KEEP"),
                Map.of("_csrf", csrf, "name", "x", "origins", "https://[::1", "trailingSlash", "KEEP"),
                Map.of("_csrf", csrf, "name", "x", "origins", "http://%zz.example.org", "trailingSlash", "KEEP"),
                Map.of("_csrf", csrf, "name", "x", "origins", "https://例え.jp", "trailingSlash", "KEEP"),
                Map.of("_csrf", csrf, "name", "x", "origins", "https://exa mple.org", "trailingSlash", "KEEP"),
                Map.of("_csrf", csrf, "name", "x", "origins", "\u0000\u202E//", "trailingSlash", "KEEP"));
        try (LogCapture log = LogCapture.start()) {
            for (Map<String, String> form : forms) {
                for (String target : List.of("/admin/sites", "/admin/sites/" + site.id)) {
                    Response answer = owner.post(target, form);
                    assertEquals(400, answer.statusCode(), target + " " + form);
                    assertTrue(page(answer).has("#error-summary"), target + " " + form);
                }
            }
            for (String pageUrl :
                    List.of("https://[::1", origin + "/%zz", origin + "/%C0%AF", origin + "/a b", "\u0000")) {
                Response answer = owner.post(
                        "/admin/sites/" + site.id + "/threads/" + thread.id,
                        Map.of("_csrf", csrf, "title", "T", "pageUrl", pageUrl));
                assertEquals(400, answer.statusCode(), pageUrl);
                assertTrue(page(answer).has("#pageUrl-error"), pageUrl);
            }
            assertTrue(
                    log.lines().stream()
                            .noneMatch(
                                    l -> l.startsWith("ERROR") || l.startsWith("SEVERE") || l.contains("stack trace")),
                    () -> String.join("\n", log.lines()));
        }
        assertEquals(origin + "/h", data.findArticle(thread.id).pageUrl);
    }

    @Test
    void aThreadOfAnotherSiteIsChangedInSitesNotInTheArticleEditor() {
        String origin = TestData.uniqueOrigin("editor");
        Site site = data.site(TestData.unique("Editor"), origin);
        Article thread = data.embeddedThread(site, "A host page", origin + "/host");
        Browser owner = owner();
        Page articles = owner.open("/admin");

        assertFalse(articles.shows("A host page"), "not listed among Parley's articles");
        assertEquals(404, owner.open("/admin/articles/" + thread.id).status());
        Response publish = owner.post(
                "/admin/articles/" + thread.id + "/unpublish",
                Map.of("_csrf", articles.one("input[name=_csrf]").val()));
        assertEquals(404, publish.statusCode());
        assertTrue(data.findArticle(thread.id).isPublished(), "untouched");
    }
}
