package dev.parley.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.audit.Actor;
import dev.parley.moderation.Bans;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every comment a reader sends stays in sight of its author, marked as awaiting moderation, whatever became of
 * it, and the answer to a post always leads to it: nothing vanishes without a word.
 */
@QuarkusTest
class OwnCommentTest {

    @Inject
    TestData data;

    @Inject
    Bans bans;

    @AfterEach
    void backToBaseline() {
        data.baselineSettings();
        data.liftAllBans();
    }

    @Test
    void aGuestWhoSendsTheFormQuicklyIsHeldWithTheReasonAndSeesTheirComment() {
        data.settings(s -> {
            s.minFormSeconds = "60";
            s.publishPolicy = "PUBLISH_ALL";
        });
        Article article = data.article("Pasted");
        Browser guest = new Browser();
        String author = TestData.unique("Quick");

        Response posted = post(guest, article, "Pasted from my notes", author, Map.of());

        Comment stored = data.onlyCommentBy(author);
        assertEquals(CommentStatus.PENDING, stored.status, "held for a moderator, not spam, whatever the policy");
        assertTrue(
                stored.reasons.matches("sent [01] seconds? after the form was shown \\(minimum 60\\)"), stored.reasons);
        assertTrue(posted.header("Location").endsWith("#comment-" + stored.id), posted.header("Location"));
        Page own = guest.follow(posted);
        assertEquals(
                "Your comment is awaiting moderation.",
                own.text("#comment-" + stored.id + " .comment-awaiting-moderation"));
        assertFalse(new Browser().open("/articles/" + article.slug).has("#comment-" + stored.id));
        Page queue = data.moderatorBrowser().open("/moderation?article=" + article.slug);
        assertTrue(
                queue.text("#queue-" + stored.id + " .queue-reasons").startsWith("Held: sent "),
                queue.text("#queue-" + stored.id + " .queue-reasons"));
    }

    @Test
    void botsAndBannedReadersSeeTheirSpamAsAwaitingModerationAndNobodyElseSeesIt() {
        data.settings(s -> s.minFormSeconds = "60");
        Article article = data.article("Unwelcome");
        Browser bot = new Browser();
        String botName = TestData.unique("Bot");
        String forger = TestData.unique("Forger");
        Browser banned = new Browser();
        String bannedName = TestData.unique("Banned");
        String bannedEmail = TestData.unique("banned") + "@example.org";
        bans.add("email", bannedEmail, "trouble", "", Actor.SYSTEM);

        Response honeypot = post(bot, article, "Great post", botName, Map.of("parley_hp", "http://spam"));
        Response forged = post(bot, article, "Great post!", forger, Map.of("parley_shown", "1.abc"));
        Response fromBanned = post(banned, article, "Me again", bannedName, Map.of("email", bannedEmail));

        for (String author : new String[] {botName, forger, bannedName}) {
            assertEquals(CommentStatus.SPAM, data.onlyCommentBy(author).status, author);
        }
        assertEquals("sent without the form's time stamp (not from Parley's form)", data.onlyCommentBy(forger).reasons);
        assertSeenByItsAuthorOnly(bot, honeypot, data.onlyCommentBy(botName), article);
        assertSeenByItsAuthorOnly(bot, forged, data.onlyCommentBy(forger), article);
        assertSeenByItsAuthorOnly(banned, fromBanned, data.onlyCommentBy(bannedName), article);
    }

    @Test
    void onAPagedThreadTheAnswerLeadsToThePageThatShowsTheComment() {
        data.settings(s -> s.commentsPerPage = "2");
        Article article = data.article("Long thread");
        for (int i = 0; i < 5; i++) {
            data.comment(article, null, "Earlier" + i, "text " + i, CommentStatus.APPROVED);
        }
        Browser bot = new Browser();
        String author = TestData.unique("Last");

        Response posted = post(bot, article, "At the end", author, Map.of("parley_hp", "filled"));

        assertTheAnswerLeadsToPage(3, bot, posted, author);
    }

    @Test
    void aReplyWhoseParentWasRemovedIsAThreadOfItsOwnWhenTheAnswerFindsThePage() {
        data.settings(s -> s.commentsPerPage = "2");
        Article article = data.article("Orphaned reply");
        Comment removed = data.comment(article, null, "Removed", "soon gone", CommentStatus.APPROVED);
        Comment orphan = data.comment(article, removed.id, "Orphan", "still here", CommentStatus.APPROVED);
        data.comment(article, null, "Kept", "kept", CommentStatus.APPROVED);
        data.setStatus(removed.id, CommentStatus.TRASH);
        assertTrue(
                new Browser().open("/articles/" + article.slug).has(".comment-list > li#comment-" + orphan.id),
                "the reply stays, at the top level of the thread");
        Browser guest = new Browser();
        String author = TestData.unique("Third");

        Response posted = post(guest, article, "A third thread", author, Map.of());

        assertTheAnswerLeadsToPage(2, guest, posted, author);
    }

    @Test
    void withoutNestingEveryReplyIsAThreadWhenTheAnswerFindsThePage() {
        data.settings(s -> {
            s.commentsPerPage = "2";
            s.threadDepth = "1";
        });
        Article article = data.article("Flat thread");
        Comment first = data.comment(article, null, "First", "first", CommentStatus.APPROVED);
        data.comment(article, first.id, "Answer", "an answer, shown flat", CommentStatus.APPROVED);
        Browser guest = new Browser();
        String author = TestData.unique("Flat");

        Response posted = post(guest, article, "A third comment", author, Map.of());

        assertTheAnswerLeadsToPage(2, guest, posted, author);
    }

    @Test
    void aCommentHiddenByReportsStaysInSightOfItsAuthorOnly() {
        data.settings(s -> s.publishPolicy = "PUBLISH_ALL");
        Article article = data.article("Reported");
        data.comment(article, null, "Other", "Something else", CommentStatus.APPROVED);
        Browser author = new Browser();
        String name = TestData.unique("Outspoken");
        post(author, article, "A strong opinion", name, Map.of());
        Comment comment = data.onlyCommentBy(name);
        assertEquals(CommentStatus.APPROVED, comment.status);

        data.hideByReports(comment.id);

        Page own = author.open("/articles/" + article.slug);
        Element shown = own.one("#comment-" + comment.id);
        assertEquals(
                "Your comment is awaiting moderation.",
                shown.selectFirst(".comment-awaiting-moderation").text());
        assertEquals(null, shown.selectFirst(".comment-reply-link"), "nobody replies to a hidden comment");
        assertEquals("1 response to “Reported”", own.text(".comments-title"), "not counted while hidden");
        assertFalse(new Browser().open("/articles/" + article.slug).has("#comment-" + comment.id));
    }

    @Test
    void spamAModeratorChoseIsADecisionAndNoLongerShown() {
        Article article = data.article("Decided");
        Browser guest = new Browser();
        String name = TestData.unique("Decided");
        post(guest, article, "Buy now", name, Map.of());
        long id = data.onlyCommentBy(name).id;
        assertTrue(guest.open("/articles/" + article.slug).has("#comment-" + id));

        Browser moderator = data.moderatorBrowser();
        Page queue = moderator.open("/moderation?article=" + article.slug);
        moderator.submit(
                queue,
                "#queue",
                Map.of("one", queue.one("#queue-" + id + " button.spam").val()));

        assertEquals(CommentStatus.SPAM, data.statusOf(id));
        assertFalse(guest.open("/articles/" + article.slug).has("#comment-" + id));
    }

    private void assertSeenByItsAuthorOnly(Browser author, Response posted, Comment comment, Article article) {
        assertEquals(303, posted.statusCode(), "answered like any comment");
        assertTrue(posted.header("Location").endsWith("#comment-" + comment.id), posted.header("Location"));
        Page own = author.follow(posted);
        assertEquals(
                "Your comment is awaiting moderation.",
                own.text("#comment-" + comment.id + " .comment-awaiting-moderation"),
                "the same as any held comment: nothing tells a bot or a banned reader what was decided");
        assertFalse(new Browser().open("/articles/" + article.slug).has("#comment-" + comment.id));
    }

    /** The answer's link goes to that page of the thread, and the page shows the author their held comment. */
    private void assertTheAnswerLeadsToPage(int page, Browser author, Response posted, String authorName) {
        long id = data.onlyCommentBy(authorName).id;
        assertTrue(posted.header("Location").endsWith("?cpage=" + page + "#comment-" + id), posted.header("Location"));
        assertTrue(author.follow(posted).has("#comment-" + id + " .comment-awaiting-moderation"));
    }

    private static Response post(
            Browser reader, Article article, String text, String author, Map<String, String> more) {
        Map<String, String> typed = new HashMap<>();
        typed.put("comment", text);
        typed.put("author", author);
        typed.put("email", author.toLowerCase() + "@example.org");
        typed.putAll(more);
        return reader.submit(reader.open("/articles/" + article.slug), "#commentform", typed);
    }
}
