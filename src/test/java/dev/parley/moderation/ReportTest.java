package dev.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readers report comments; enough reports hide a comment until a moderator decides. */
@QuarkusTest
class ReportTest {

    @Inject
    TestData data;

    @AfterEach
    void backToBaseline() {
        data.baselineSettings();
    }

    @Test
    void aReportWithItsReasonReachesTheReportedTab() {
        Article article = data.article("Reported");
        Comment rude =
                data.comment(article, null, TestData.unique("Rude"), "You are all fools", CommentStatus.APPROVED);
        Browser reader = new Browser();

        Page thread = reader.open("/articles/" + article.slug);
        Page form = reader.open(
                thread.one("#comment-" + rude.id + " .comment-report-link").attr("href"));
        assertEquals("You are all fools", form.text(".reported-text"));
        Response missing = reader.submit(form, "#reportform", Map.of("details", "see above"));
        assertEquals(400, missing.statusCode());
        Page again = Page.of("/report", missing);
        assertEquals("Choose why you are reporting this comment.", again.text("#reason-error"));
        assertEquals("see above", again.fieldValue("details"), "what the reader typed is kept");
        Page thanks = reader.follow(reader.submit(again, "#reportform", Map.of("reason", "Abusive or harassing")));

        assertEquals("Thank you. A moderator will look at this comment.", thanks.text("#report-thanks"));
        Page reported = data.moderatorBrowser().open("/moderation?tab=reported&article=" + article.slug);
        assertEquals(
                "Reported 1 time: Abusive or harassing: see above",
                reported.text("#queue-" + rude.id + " .queue-reports"));
        assertTrue(
                new Browser().open("/articles/" + article.slug).has("#comment-" + rude.id), "one report hides nothing");
    }

    @Test
    void oneReaderCountsOnce() {
        Article article = data.article("Once");
        Comment comment = data.comment(article, null, TestData.unique("Once"), "text", CommentStatus.APPROVED);
        Browser reader = new Browser();
        report(reader, article, comment);

        Page second = report(reader, article, comment);
        Page sameAddress = report(new Browser(), article, comment);

        assertEquals(
                "You have already reported this comment. A moderator will look at it.", second.text("#report-thanks"));
        assertEquals(
                "You have already reported this comment. A moderator will look at it.",
                sameAddress.text("#report-thanks"),
                "a guest counts once per IP address: a new cookie is no new reader");
        assertEquals(1, data.findComment(comment.id).reportCount);
    }

    @Test
    void theOwnersNumberOfReportsHidesTheCommentUntilAModeratorKeepsIt() {
        data.settings(s -> s.reportThreshold = "2");
        Article article = data.article("Hidden by reports");
        Comment comment = data.comment(article, null, TestData.unique("Doubtful"), "doubtful", CommentStatus.APPROVED);
        report(signedInReader(), article, comment);
        assertTrue(new Browser().open("/articles/" + article.slug).has("#comment-" + comment.id));

        report(signedInReader(), article, comment);

        assertFalse(new Browser().open("/articles/" + article.slug).has("#comment-" + comment.id), "hidden after 2");
        Browser moderator = data.moderatorBrowser();
        Page reported = moderator.open("/moderation?tab=reported&article=" + article.slug);
        assertTrue(reported.text("#queue-" + comment.id + " .queue-reports")
                .startsWith("Reported 2 times, hidden from readers until you decide"));
        Element keep = reported.one("#queue-" + comment.id + " button.approve");
        assertEquals("Keep", keep.text());
        moderator.submit(reported, "#queue", Map.of("one", keep.val()));

        assertTrue(new Browser().open("/articles/" + article.slug).has("#comment-" + comment.id), "visible again");
        assertFalse(moderator
                .open("/moderation?tab=reported&article=" + article.slug)
                .has("#queue-" + comment.id));
        assertEquals(
                "Kept the comment by " + comment.authorName + " and dismissed its reports",
                moderator.open("/moderation/comments/" + comment.id).text("#history .summary"));
    }

    @Test
    void onlyApprovedCommentsCanBeReported() {
        Article article = data.article("Not reportable");
        Comment pending = data.comment(article, null, TestData.unique("Pending"), "wait", CommentStatus.PENDING);
        Page page = new Browser().open("/articles/" + article.slug + "/comments/" + pending.id + "/report");
        assertEquals(404, page.status());
        assertEquals("This comment cannot be reported", page.text("h1"));
    }

    private Browser signedInReader() {
        Browser reader = new Browser();
        data.signInReader(reader, TestData.unique("Reporter"));
        return reader;
    }

    private static Page report(Browser reader, Article article, Comment comment) {
        Page form = reader.open("/articles/" + article.slug + "/comments/" + comment.id + "/report");
        return reader.follow(reader.submit(form, "#reportform", Map.of("reason", "Spam or advertising")));
    }
}
