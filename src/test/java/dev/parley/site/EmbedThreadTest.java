package dev.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A thread inside a page of another site, as its web server includes it: read, replied to, refused when the page
 * is not the owner's, and never created by merely looking.
 */
@QuarkusTest
class EmbedThreadTest {

    @Inject
    TestData data;

    @AfterEach
    void backToBaseline() {
        data.baselineSettings();
    }

    private static String fragment(String page) {
        return "/embed/thread?page=" + encode(page);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A reader of the host page: its forms come from the host's origin. */
    private static Browser readerOf(String origin) {
        return new Browser().withHeader("Origin", origin);
    }

    @Test
    void aPageViewShowsAnEmptyThreadWithItsFormAndStoresNothing() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        Site site = data.site("Blog", origin);

        Response answer = new Browser().getRaw(fragment(origin + "/2026/hello/?utm_source=feed"));

        assertEquals(200, answer.statusCode());
        Page page = Page.of("/embed/thread", answer);
        assertEquals("/embed/comments", page.one("#commentform").attr("action"));
        assertEquals(
                origin + "/2026/hello/",
                page.one("#commentform input[name=page]").val(),
                "the canonical address");
        assertFalse(page.has("#commentform input[name=_csrf]"), "one rendering is shared by every reader");
        assertEquals("", page.one("#commentform input[name=parley_key]").val());
        assertTrue(page.has(".parley #comment"), "the comment box");
        assertEquals("public, max-age=0, s-maxage=10", answer.header("Cache-Control"));
        assertNotNull(answer.header("ETag"));
        assertNull(answer.header("Set-Cookie"), "a response shared caches keep sets no cookie");
        assertTrue(data.threadsOf(site).isEmpty(), "a page view creates no thread");
    }

    @Test
    void theFirstCommentCreatesTheThreadAndTheReaderLandsOnTheHostPageSeeingIt() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        Site site = data.site("Blog", origin);
        String address = origin + "/2026/hello/";
        Browser reader = readerOf(origin);
        Page shown = reader.open(fragment(address) + "&title=" + encode("Hello, world"));
        String author = TestData.unique("Reader");

        Response posted = reader.submit(
                shown,
                "#commentform",
                Map.of("comment", "First! مرحبا 👋", "author", author, "email", "reader@example.org"));

        assertEquals(303, posted.statusCode(), posted.body().asString());
        Comment comment = data.onlyCommentBy(author);
        assertEquals(address + "#comment-" + comment.id, posted.header("Location"), "back on the host page");
        Article thread = data.threadsOf(site).get(0);
        assertEquals("Hello, world", thread.title);
        assertEquals(address, thread.pageUrl);
        assertEquals(CommentStatus.PENDING, comment.status);

        Response own = reader.getRaw(fragment(address));
        Page ownView = Page.of("/embed/thread", own);
        assertEquals(
                "Your comment is awaiting moderation.",
                ownView.text("#comment-" + comment.id + " .comment-awaiting-moderation"));
        assertEquals("private, no-store", own.header("Cache-Control"), "personal: never in a shared cache");
        assertFalse(new Browser().open(fragment(address)).has("#comment-" + comment.id), "others do not see it");

        data.setStatus(comment.id, CommentStatus.APPROVED);
        Page everyone = new Browser().open(fragment("http://" + origin.substring(8) + "/2026/./hello/?utm_medium=x"));
        assertTrue(everyone.has("#comment-" + comment.id), "http, a dot segment, a tracking parameter: the same page");
    }

    @Test
    void aMistakeComesBackWithTheMessageNextToTheFieldAndTheTextKeptAndNoThread() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        Site site = data.site("Blog", origin);
        Browser reader = readerOf(origin);
        Page shown = reader.open(fragment(origin + "/post"));

        Response refused = reader.submit(
                shown, "#commentform", Map.of("comment", "Keep every word of this", "author", "", "email", "nope"));

        Page step = Page.of("/embed/comments", refused);
        assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, "status " + refused.statusCode());
        assertEquals("Keep every word of this", step.fieldValue("comment"));
        assertFalse(step.fieldError("email").isBlank(), "the message next to the email field");
        assertEquals(origin + "/post", step.one("#commentform input[name=page]").val(), "still for that page");
        assertEquals(origin + "/post", step.one("#back-to-page").attr("href"));
        assertTrue(data.threadsOf(site).isEmpty(), "a refused comment creates no thread");
    }

    @Test
    void whatCannotNameAPageOfARegisteredSiteIsRefusedInWordsAndNothingIsStored() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        Site site = data.site("Blog", origin);
        long threadsBefore = Article.count();

        assertRefused(403, fragment("https://elsewhere.example/post"), "has not registered");
        assertRefused(400, fragment(origin + "/post#comments"), "fragment");
        assertRefused(400, "/embed/thread?page=" + encode(origin) + "%2Fpost%25C0%25AF", "percent-encoding");
        assertRefused(400, "/embed/thread?page=" + encode(origin) + "%2F%25zz", "not a valid address");
        assertRefused(400, fragment("javascript:alert(1)"), "http");
        assertRefused(400, fragment(origin + "/post") + "&title=" + "x".repeat(301), "longer than 300");
        assertEquals(
                414,
                new Browser()
                        .getRaw(fragment(origin + "/post") + "&title=" + "x".repeat(10_240))
                        .statusCode(),
                "an address this long is refused by the HTTP layer");
        assertRefused(400, fragment(origin + "/post") + "&id=post%0142", "control characters");
        assertRefused(400, "/embed/thread", "missing");

        Response post = readerOf(origin)
                .post("/embed/comments", Map.of("page", "https://elsewhere.example/post", "comment", "Mine"));
        assertEquals(403, post.statusCode());
        assertEquals(
                "Mine", Page.of("/embed/comments", post).one("textarea#comment").text(), "the text kept");
        Response longTitle = readerOf(origin)
                .post(
                        "/embed/comments",
                        Map.of("page", origin + "/post", "title", "T".repeat(10_240), "comment", "Kept"));
        assertEquals(400, longTitle.statusCode());
        Page refusedTitle = Page.of("/embed/comments", longTitle);
        assertTrue(refusedTitle.text(".form-error").contains("longer than 300"), refusedTitle.text(".form-error"));
        assertEquals("Kept", refusedTitle.one("textarea#comment").text());
        assertEquals(threadsBefore, Article.count());
        assertTrue(data.threadsOf(site).isEmpty());
    }

    private static void assertRefused(int status, String path, String reason) {
        Response answer = new Browser().getRaw(path);
        assertEquals(status, answer.statusCode(), path);
        String message = Page.of(path, answer).text(".parley-refused");
        assertTrue(message.contains(reason), path + ": " + message);
    }

    @Test
    void aReplyFormFromAnotherSiteIsRefused() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        Site site = data.site("Blog", origin);
        Page shown = new Browser().open(fragment(origin + "/post"));

        Response forged = readerOf("https://attacker.example")
                .submit(shown, "#commentform", Map.of("comment", "Forged", "author", "Eve", "email", "e@example.org"));

        assertEquals(403, forged.statusCode());
        assertTrue(data.threadsOf(site).isEmpty());
    }

    @Test
    void theSameFormSentTwiceMakesOneComment() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        Site site = data.site("Blog", origin);
        Browser reader = readerOf(origin);
        Page shown = reader.open(fragment(origin + "/twice"));
        String author = TestData.unique("Double");
        Map<String, String> typed = Map.of("comment", "Clicked twice", "author", author, "email", "d@example.org");

        Response first = reader.submit(shown, "#commentform", typed);
        Response second = reader.submit(shown, "#commentform", typed);

        assertEquals(303, first.statusCode());
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(1, data.commentsBy(author));
        assertEquals(1, data.threadsOf(site).size());
    }

    @Test
    void anUnchangedAnonymousFragmentIsRevalidatedWithItsEtag() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        data.site("Blog", origin);
        Response first = new Browser().getRaw(fragment(origin + "/etag"));

        Response again =
                new Browser().withHeader("If-None-Match", first.header("ETag")).getRaw(fragment(origin + "/etag"));

        assertEquals(304, again.statusCode());
    }

    @Test
    void aRegisteredSiteMayPostOnlyTheFormsOfItsPages() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        data.site("Blog", origin);
        Article article = data.article("Parley's own");
        Browser reader = new Browser();
        Page own = reader.open("/articles/" + article.slug);

        Response fromHost = reader.withHeader("Origin", origin)
                .submit(
                        own,
                        "#commentform",
                        Map.of("comment", "Not from here", "author", "Al", "email", "a@example.org"));

        assertEquals(403, fromHost.statusCode(), "the article's own form only comes from Parley's pages");
    }

    @Test
    void noModeratorDataReachesTheFragment() {
        String origin = "https://" + TestData.unique("blog") + ".example";
        Site site = data.site("Blog", origin);
        Browser reader = readerOf(origin);
        String author = TestData.unique("Private");
        String email = TestData.unique("private") + "@example.org";
        reader.submit(
                reader.open(fragment(origin + "/secret")),
                "#commentform",
                Map.of("comment", "Visible text", "author", author, "email", email, "url", "https://author.example/"));
        Comment comment = data.onlyCommentBy(author);
        data.setStatus(comment.id, CommentStatus.APPROVED);

        String html = new Browser().getRaw(fragment(origin + "/secret")).body().asString();
        String asTheAuthor = reader.getRaw(fragment(origin + "/secret")).body().asString();

        assertTrue(html.contains("Visible text"));
        for (String view : new String[] {html, asTheAuthor}) {
            assertFalse(view.contains(email), "the email is never published");
            assertFalse(view.contains("127.0.0.1"), "nor the IP address");
            assertFalse(view.contains("/moderation"), "nor any moderation link");
        }
        assertEquals(
                "nofollow ugc noopener",
                Page.of("/", new Browser().getRaw(fragment(origin + "/secret")))
                        .one("#comment-" + comment.id + " a.url")
                        .attr("rel"));
        assertEquals(1, data.threadsOf(site).size());
    }
}
