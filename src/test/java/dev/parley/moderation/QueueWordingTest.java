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
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What the queue says about a comment: only what happened, why it is where it is, what a reply answers. */
@QuarkusTest
class QueueWordingTest {

    @Inject
    TestData data;

    @Test
    void aConflictAloneSaysNothingWasDone() {
        Article article = data.article("Nothing done");
        long id = data.comment(article, null, TestData.unique("Raced"), "text", CommentStatus.PENDING).id;
        Browser first = data.moderatorBrowser();
        Browser second = data.moderatorBrowser();
        Page firstQueue = first.open("/moderation?article=" + article.slug);
        Page secondQueue = second.open("/moderation?article=" + article.slug);
        first.submit(firstQueue, "#queue", Map.of("one", button(firstQueue, id, "approve")));

        Response late = second.submit(secondQueue, "#queue", Map.of("one", button(secondQueue, id, "reject")));

        assertEquals(409, late.statusCode());
        Page answer = new Page("/moderation/decisions", 409, Jsoup.parse(late.asString()));
        assertTrue(answer.has("#conflicts"));
        assertFalse(answer.has(".notice"), () -> "no “0 comments moved to the trash”: " + answer.text(".notice"));
    }

    @Test
    void theHoldReasonShowsOnlyWhileHeldAndTheDecisionAfterwards() {
        Article article = data.article("Held then decided");
        String author = TestData.unique("Heldback");
        Browser reader = new Browser();
        reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Please hold me", "author", author, "email", author + "@example.org"));
        long id = data.onlyCommentBy(author).id;
        Browser moderator = data.moderatorBrowser();
        Page pending = moderator.open("/moderation?article=" + article.slug);
        assertEquals(
                "Held: every comment is held for approval",
                pending.one("#queue-" + id).selectFirst(".queue-reasons").text());

        moderator.submit(pending, "#queue", Map.of("one", button(pending, id, "approve")));

        Page approved = moderator.open("/moderation?tab=approved&article=" + article.slug);
        Element item = approved.one("#queue-" + id);
        assertTrue(item.select(".queue-reasons").isEmpty(), item::text);
        assertTrue(
                item.selectFirst(".queue-decided")
                        .text()
                        .matches("Approved by .+ at \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2}"),
                item::text);

        moderator.submit(approved, "#queue", Map.of("one", button(approved, id, "reject")));
        Element trashed =
                moderator.open("/moderation?tab=trash&article=" + article.slug).one("#queue-" + id);
        assertTrue(trashed.select(".queue-reasons").isEmpty(), trashed::text);
        assertTrue(trashed.selectFirst(".queue-decided").text().startsWith("Moved to the trash by "), trashed::text);
    }

    @Test
    void aReplyInTheQueueNamesTheCommentItAnswers() {
        Article article = data.article("Answering");
        String asker = TestData.unique("Asker");
        String question = "Is there a reason the bridge closes at night? I cross it every evening on my way home"
                + " from work and it is always shut.";
        long parent = data.comment(article, null, asker, question, CommentStatus.APPROVED).id;
        long reply = data.comment(article, parent, TestData.unique("Answerer"), "Yes.", CommentStatus.PENDING).id;

        Page queue = data.moderatorBrowser().open("/moderation?article=" + article.slug);

        Element answered = queue.one("#queue-" + reply + " .queue-parent a");
        assertEquals("/moderation/comments/" + parent, answered.attr("href"));
        assertTrue(
                answered.text().startsWith(asker + ": “Is there a reason the bridge closes at night?"), answered::text);
        assertTrue(answered.text().endsWith("…”"), answered::text);
        assertTrue(answered.text().length() < question.length(), "a short excerpt");
        assertFalse(queue.has("#queue-" + parent + " .queue-parent"), "a top-level comment answers nobody");
    }

    private static String button(Page queue, long id, String decision) {
        return queue.one("#queue-" + id + " .queue-actions button." + decision).val();
    }
}
