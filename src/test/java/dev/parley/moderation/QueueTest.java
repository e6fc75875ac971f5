package dev.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The moderators' queue: what it shows and the decisions made from it. */
@QuarkusTest
class QueueTest {

    @Inject
    TestData data;

    @Test
    void queueShowsEachPendingCommentWithItsContextNewestFirst() {
        Article article = data.article("Queue context");
        Browser reader = new Browser();
        String first = TestData.unique("First");
        String second = TestData.unique("Second");
        for (String author : List.of(first, second)) {
            reader.submit(
                    reader.open("/articles/" + article.slug),
                    "#commentform",
                    Map.of(
                            "comment",
                            "Words by " + author,
                            "author",
                            author,
                            "email",
                            author + "@example.org",
                            "url",
                            "https://" + author + ".example/"));
        }
        long firstId = data.onlyCommentBy(first).id;
        long secondId = data.onlyCommentBy(second).id;

        Page queue = moderator().open("/moderation");

        List<String> order = queue.html().select(".queue-item").eachAttr("id");
        assertTrue(order.indexOf("queue-" + secondId) < order.indexOf("queue-" + firstId), "newest first");
        Element item = queue.one("#queue-" + firstId);
        assertEquals(first, item.selectFirst(".queue-author").text());
        assertEquals(first + "@example.org", item.selectFirst(".queue-email").text());
        assertEquals(
                "https://" + first + ".example/", item.selectFirst(".queue-url").attr("href"));
        assertEquals("127.0.0.1", item.selectFirst(".queue-ip").text());
        assertEquals("Queue context", item.selectFirst(".queue-context a").text());
        assertEquals(
                "/articles/" + article.slug,
                item.selectFirst(".queue-context a").attr("href"));
        assertEquals("Words by " + first, item.selectFirst(".queue-text").text());
        assertTrue(item.selectFirst(".queue-context time").hasAttr("datetime"));
    }

    @Test
    void bulkDecisionsApplyToTheTickedCommentsOnly() {
        Article article = data.article("Bulk");
        List<Long> ids = new ArrayList<>();
        Browser reader = new Browser();
        for (int i = 0; i < 4; i++) {
            String author = TestData.unique("Bulk" + i);
            reader.submit(
                    reader.open("/articles/" + article.slug),
                    "#commentform",
                    Map.of("comment", "c" + i, "author", author, "email", "b@example.org"));
            ids.add(data.onlyCommentBy(author).id);
        }
        Browser moderator = moderator();
        Page queue = moderator.open("/moderation");

        Response answer = moderator.post(
                "/moderation/decisions",
                Map.of(
                        "_csrf",
                        queue.one("input[name=_csrf]").val(),
                        "bulk",
                        "approve",
                        "ids",
                        ids.get(0).toString()));
        // A form with several ticked boxes sends the same name several times.
        Response spam = io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("parley_session", moderator.cookie("parley_session"))
                .cookie("parley_csrf", moderator.cookie("parley_csrf"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", queue.one("input[name=_csrf]").val())
                .formParam("bulk", "spam")
                .formParam("ids", ids.get(1), ids.get(2))
                .post("/moderation/decisions");

        assertEquals("1 comment approved.", moderator.follow(answer).text(".notice"));
        assertEquals("2 comments marked as spam.", moderator.follow(spam).text(".notice"));
        assertEquals(CommentStatus.APPROVED, data.statusOf(ids.get(0)));
        assertEquals(CommentStatus.SPAM, data.statusOf(ids.get(1)));
        assertEquals(CommentStatus.SPAM, data.statusOf(ids.get(2)));
        assertEquals(CommentStatus.PENDING, data.statusOf(ids.get(3)), "unticked comments are untouched");
        Page thread = new Browser().open("/articles/" + article.slug);
        assertTrue(thread.has("#comment-" + ids.get(0)));
        assertFalse(thread.has("#comment-" + ids.get(1)));
    }

    @Test
    void bulkWithoutTickedCommentsOrDecisionExplainsWhatIsMissing() {
        Browser moderator = moderator();
        Page queue = moderator.open("/moderation");
        String token = queue.one("input[name=_csrf]").val();

        Response nothingTicked = moderator.post("/moderation/decisions", Map.of("_csrf", token, "bulk", "approve"));
        Response noDecision =
                moderator.post("/moderation/decisions", Map.of("_csrf", token, "bulk", "frobnicate", "ids", "1"));

        assertEquals(400, nothingTicked.statusCode());
        assertEquals(
                "Tick the comments first.",
                Jsoup.parse(nothingTicked.asString()).selectFirst(".form-error").text());
        assertEquals(
                "Choose what to do with the comments.",
                Jsoup.parse(noDecision.asString()).selectFirst(".form-error").text());
    }

    @Test
    void aCommentAlreadyDecidedIsNotDecidedAgain() {
        Article article = data.article("Twice");
        long id = data.comment(article, null, TestData.unique("Once"), "text", CommentStatus.PENDING).id;
        Browser first = moderator();
        Browser second = moderator();
        Page firstQueue = first.open("/moderation");
        Page secondQueue = second.open("/moderation");
        String page = String.valueOf(pageHolding(first, id));

        first.submit(firstQueue, "#queue", Map.of("one", "approve:" + id, "page", page));
        Response late = second.submit(secondQueue, "#queue", Map.of("one", "spam:" + id, "page", page));

        assertEquals(CommentStatus.APPROVED, data.statusOf(id));
        assertEquals("0 comments marked as spam.", second.follow(late).text(".notice"));
    }

    @Test
    void queueIsPagedTwentyAtATime() {
        Article article = data.article("Paging");
        for (int i = 0; i < 25; i++) {
            data.comment(article, null, TestData.unique("Pager"), "p" + i, CommentStatus.PENDING);
        }
        Browser moderator = moderator();
        Page first = moderator.open("/moderation");
        int total = Integer.parseInt(first.text("h1 .count"));
        assertTrue(total >= 25);
        assertEquals(20, first.html().select(".queue-item").size());
        assertEquals("Page 1 of " + ((total + 19) / 20), first.text(".pager span"));
        Page second = moderator.open(first.one(".pager a[rel=next]").attr("href"));
        assertTrue(second.text(".pager span").startsWith("Page 2 of"));
        assertTrue(second.has(".pager a[rel=prev]"));
        assertEquals(200, moderator.open("/moderation?page=9999").status(), "a page past the end shows the last");
    }

    private Browser moderator() {
        Browser browser = new Browser();
        browser.signIn(data.moderator(), TestData.PASSWORD);
        return browser;
    }

    private static int pageHolding(Browser browser, long id) {
        for (int page = 1; page < 100; page++) {
            if (browser.open("/moderation?page=" + page).has("#queue-" + id)) {
                return page;
            }
        }
        throw new AssertionError("comment " + id + " is not in the queue");
    }
}
