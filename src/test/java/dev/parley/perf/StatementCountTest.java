package dev.parley.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.moderation.FreshQueueCounts;
import dev.parley.moderation.QueueReader;
import dev.parley.site.Site;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.StatementCounter;
import dev.parley.support.StatementCounter.Counted;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No statement per comment: the article page, the moderation queue and posting a comment run as many SQL
 * statements with 500 comments as with 10, and never more than a handful (the limits below, written in the
 * README). A lazily loaded article, parent or report per comment would make the large case grow by hundreds.
 *
 * <p>Only requests that render count here: a page another request rendered and kept would run no statement at
 * all, which proves nothing. So the article page is counted on its first anonymous view and for visitors whose page
 * is their own (a reader with a comment awaiting moderation, a signed-in moderator). Each case first makes one
 * request of the same kind elsewhere, so that nothing done once (a browser's first comment, a session's first page)
 * lands in one count and not the other.
 */
@QuarkusTest
class StatementCountTest {

    // Measured on H2 and PostgreSQL alike (README, "Statements per page"): 4 for a page, 10 and 11 for the queue,
    // 10 for a comment and 11 for a reply. The limits leave a statement or two of room, no more.

    /** The article page: the article, the settings, the thread in one query, the sign-in buttons or the session. */
    static final int PAGE_LIMIT = 6;

    /** The queue page: the page with its articles, reports, last decisions, parents; the session; 5 tab counts. */
    static final int QUEUE_LIMIT = 12;

    /**
     * Posting: the article, the settings, the request key, the duplicate check, bans (one query), the insert, who to
     * alert, then, in the same transaction, the page the comment shows on (whether its thread has pages). A reply
     * also reads the comment it answers.
     */
    static final int POST_LIMIT = 12;

    @Inject
    TestData data;

    @Inject
    StatementCounter counter;

    @Inject
    QueueReader queue;

    private Article warmUp;
    private Article small;
    private Article large;

    @BeforeEach
    void threads() {
        data.baselineSettings();
        data.noStaffAlerts();
        warmUp = data.article("Warm-up thread");
        data.threadedComments(warmUp, 10, CommentStatus.APPROVED);
        small = data.article("Ten comments");
        data.threadedComments(small, 10, CommentStatus.APPROVED);
        large = data.article("Five hundred comments");
        data.threadedComments(large, 500, CommentStatus.APPROVED);
    }

    @Test
    void firstAnonymousViewOfAnArticleCostsTheSameWithFiveHundredComments() {
        new Browser().open(path(warmUp));

        Counted<Page> ten = counter.count(new Browser(), b -> b.open(path(small)));
        Counted<Page> fiveHundred = counter.count(new Browser(), b -> b.open(path(large)));

        assertEquals("10 responses to “Ten comments”", ten.answer().text(".comments-title"));
        assertEquals(
                "500 responses to “Five hundred comments”", fiveHundred.answer().text(".comments-title"));
        assertSameAndAtMost(PAGE_LIMIT, ten, fiveHundred);
    }

    @Test
    void firstViewOfAThreadInAnotherSitesPageCostsTheSameWithFiveHundredComments() {
        String origin = TestData.uniqueOrigin("blog");
        Site site = data.site("Counted blog", origin);
        Map<Integer, String> fragments = new java.util.HashMap<>();
        for (int comments : new int[] {9, 10, 500}) {
            String page = origin + "/" + comments + "-comments/";
            data.threadedComments(
                    data.embeddedThread(site, comments + " comments", page), comments, CommentStatus.APPROVED);
            fragments.put(
                    comments,
                    "/embed/thread?page=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8));
        }
        new Browser().open(fragments.get(9));

        Counted<Page> ten = counter.count(new Browser(), b -> b.open(fragments.get(10)));
        Counted<Page> fiveHundred = counter.count(new Browser(), b -> b.open(fragments.get(500)));

        assertEquals(10, ten.answer().html().select(".comment").size());
        assertTrue(fiveHundred.answer().html().select(".comment").size() > 50, "a page of the 500");
        assertSameAndAtMost(PAGE_LIMIT, ten, fiveHundred);
    }

    @Test
    void readersOwnPageCostsTheSameWithFiveHundredComments() {
        Browser reader = new Browser();
        // Where each comment took its author: the page of the thread that shows it (the last of the 500's pages).
        Map<Article, String> own = new java.util.HashMap<>();
        for (Article article : new Article[] {warmUp, small, large}) {
            Response posted = post(reader, path(article), "A comment of mine on " + article.title);
            assertEquals(303, posted.statusCode());
            own.put(article, Browser.pathOf(posted.header("Location")));
        }
        reader.open(own.get(warmUp));

        Counted<Page> ten = counter.count(reader, b -> b.open(own.get(small)));
        Counted<Page> fiveHundred = counter.count(reader, b -> b.open(own.get(large)));

        for (Counted<Page> page : java.util.List.of(ten, fiveHundred)) {
            assertEquals(
                    "Your comment is awaiting moderation.",
                    page.answer().text(".comment-awaiting-moderation"),
                    "the page is the reader's own");
        }
        assertSameAndAtMost(PAGE_LIMIT, ten, fiveHundred);
    }

    @Test
    void signedInModeratorsPageCostsTheSameWithFiveHundredComments() {
        Browser moderator = data.moderatorBrowser();
        moderator.open(path(warmUp));

        Counted<Page> ten = counter.count(moderator, b -> b.open(path(small)));
        Counted<Page> fiveHundred = counter.count(moderator, b -> b.open(path(large)));

        for (Counted<Page> page : java.util.List.of(ten, fiveHundred)) {
            assertTrue(page.answer().has("#commentform .reader-name"), "the form of someone signed in");
        }
        assertSameAndAtMost(PAGE_LIMIT, ten, fiveHundred);
    }

    @Test
    void postingACommentCostsTheSameUnderFiveHundredComments() {
        Browser reader = new Browser();
        post(reader, path(warmUp), "Warming up");

        Counted<Response> ten = countPost(reader, path(small), "A new comment among ten");
        Counted<Response> fiveHundred = countPost(reader, path(large), "A new comment among five hundred");

        assertEquals(303, ten.answer().statusCode());
        assertEquals(303, fiveHundred.answer().statusCode());
        assertNoMoreAndAtMost(POST_LIMIT, ten, fiveHundred);
    }

    @Test
    void replyingInAThreadOfFiveHundredCostsTheSameAsInAThreadOfTen() {
        Comment shortThread = data.oneLongThread(small, 9);
        Comment longThread = data.oneLongThread(large, 499);
        Browser reader = new Browser();
        post(reader, path(warmUp), "Warming up");

        Counted<Response> ten = countPost(reader, path(small) + "?replytocom=" + shortThread.id, "An answer among ten");
        Counted<Response> fiveHundred =
                countPost(reader, path(large) + "?replytocom=" + longThread.id, "An answer among five hundred");

        assertEquals(303, ten.answer().statusCode());
        assertEquals(303, fiveHundred.answer().statusCode());
        assertNoMoreAndAtMost(POST_LIMIT, ten, fiveHundred);
    }

    @Test
    void queuePageCostsTheSameWithFiveHundredPendingComments() {
        Browser moderator = data.moderatorBrowser();
        data.pendingMix(small, 10);
        moderator.open("/moderation");
        Counted<Page> siteBefore = countQueue(moderator, "/moderation");
        Counted<Page> ten = countQueue(moderator, "/moderation?article=" + small.slug);

        data.pendingMix(large, 500);
        Counted<Page> siteAfter = countQueue(moderator, "/moderation");
        Counted<Page> fiveHundred = countQueue(moderator, "/moderation?article=" + large.slug);
        Counted<Page> oldestFirst = countQueue(moderator, "/moderation?article=" + large.slug + "&order=oldest");

        assertEquals(10, ten.answer().html().select(".queue-item").size());
        assertEquals(20, fiveHundred.answer().html().select(".queue-item").size(), "a full page of the 500");
        assertSameAndAtMost(QUEUE_LIMIT, ten, fiveHundred);
        assertSameAndAtMost(QUEUE_LIMIT, ten, oldestFirst);
        assertSameAndAtMost(QUEUE_LIMIT, siteBefore, siteAfter);
    }

    private Counted<Page> countQueue(Browser moderator, String path) {
        // The tab counts are kept a few seconds: counted afresh every time, whatever the test's speed.
        FreshQueueCounts.forget(queue);
        return counter.count(moderator, b -> b.open(path));
    }

    private Counted<Response> countPost(Browser reader, String path, String text) {
        Page form = reader.open(path);
        return counter.count(reader, b -> b.submit(form, "#commentform", fields(text)));
    }

    private static Response post(Browser reader, String path, String text) {
        return reader.submit(reader.open(path), "#commentform", fields(text));
    }

    private static Map<String, String> fields(String text) {
        String author = TestData.unique("Counted");
        return Map.of("comment", text, "author", author, "email", author.toLowerCase() + "@example.org");
    }

    private static String path(Article article) {
        return "/articles/" + article.slug;
    }

    /**
     * For posting: the link back to the new comment takes one path on a thread that fits on one page (is the comment
     * shown?) and another on a longer one (on which page?), so the long thread may cost a statement fewer, never more.
     */
    private static void assertNoMoreAndAtMost(int limit, Counted<?> fewComments, Counted<?> manyComments) {
        assertTrue(
                manyComments.count() <= fewComments.count(),
                () -> "statements with few comments:\n" + fewComments.listing() + "\n\nwith many:\n"
                        + manyComments.listing());
        assertTrue(
                fewComments.count() <= limit,
                () -> fewComments.count() + " statements, more than " + limit + ":\n" + fewComments.listing());
    }

    private static void assertSameAndAtMost(int limit, Counted<?> fewComments, Counted<?> manyComments) {
        assertEquals(
                fewComments.count(),
                manyComments.count(),
                () -> "statements with few comments:\n" + fewComments.listing() + "\n\nwith many:\n"
                        + manyComments.listing());
        assertTrue(
                manyComments.count() <= limit,
                () -> manyComments.count() + " statements, more than " + limit + ":\n" + manyComments.listing());
    }
}
