package dev.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** “Delete permanently” cannot be undone: without JavaScript, it asks on a page that names what will be lost. */
@QuarkusTest
class DeleteConfirmationTest {

    @Inject
    TestData data;

    @Test
    void deletingOneCommentAsksFirstAndCancelLeavesItAlone() {
        Article article = data.article("Delete one");
        String author = TestData.unique("Doomed");
        long id = data.comment(article, null, author, "Buy cheap watches here", CommentStatus.SPAM).id;
        Browser moderator = data.moderatorBrowser();
        Page spam = moderator.open("/moderation?tab=spam&article=" + article.slug);

        Response first = moderator.submit(
                spam,
                "#queue",
                Map.of(
                        "one",
                        spam.one("#queue-" + id + " .queue-actions button.delete")
                                .val()));

        assertEquals(200, first.statusCode());
        assertNotNull(data.findComment(id), "one click deletes nothing");
        Page asked = Page.of("/moderation/decisions", first);
        assertEquals("Delete 1 comment permanently?", asked.text("h1"));
        assertEquals(author + " on Delete one: “Buy cheap watches here”", asked.text("#doomed li"));
        assertEquals(
                "/moderation?tab=spam&article=" + article.slug,
                asked.one("#cancel").attr("href"));
        assertEquals(200, moderator.open(asked.one("#cancel").attr("href")).status());
        assertNotNull(data.findComment(id), "Cancel deletes nothing");

        Page after = moderator.follow(moderator.submit(asked, "#confirmform", Map.of()));

        assertNull(data.findComment(id));
        assertEquals("1 comment deleted permanently.", after.text(".notice"));
        assertTrue(after.path().startsWith("/moderation?tab=spam&article=" + article.slug), after.path());
    }

    @Test
    void deletingTickedCommentsInBulkAsksFirstListingEachOne() {
        Article article = data.article("Delete many");
        List<Long> ids = List.of(
                data.comment(article, null, TestData.unique("Gone"), "one", CommentStatus.TRASH).id,
                data.comment(article, null, TestData.unique("Gone"), "two", CommentStatus.TRASH).id,
                data.comment(article, null, TestData.unique("Kept"), "three", CommentStatus.TRASH).id);
        Browser moderator = data.moderatorBrowser();
        Page trash = moderator.open("/moderation?tab=trash&article=" + article.slug);
        String token = trash.one("input[name=_csrf]").val();

        Response first = io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("parley_session", moderator.cookie("parley_session"))
                .cookie("parley_csrf", moderator.cookie("parley_csrf"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", token)
                .formParam("bulk", "delete")
                .formParam("ids", pick(trash, ids.get(0)), pick(trash, ids.get(1)))
                .formParam("back", "/moderation?tab=trash&article=" + article.slug)
                .post("/moderation/decisions");

        assertEquals(200, first.statusCode());
        Page asked = Page.of("/moderation/decisions", first);
        assertEquals("Delete 2 comments permanently?", asked.text("h1"));
        assertEquals(2, asked.html().select("#doomed li").size());
        ids.forEach(id -> assertNotNull(data.findComment(id)));

        // Sent as a browser sends the form: every hidden field, the repeated "ids" included.
        var confirm = io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("parley_session", moderator.cookie("parley_session"))
                .cookie("parley_csrf", moderator.cookie("parley_csrf"))
                .contentType("application/x-www-form-urlencoded");
        for (var field : asked.html().select("#confirmform input[type=hidden]")) {
            confirm.formParam(field.attr("name"), field.val());
        }
        Page after = moderator.follow(confirm.post("/moderation/decisions"));

        assertEquals("2 comments deleted permanently.", after.text(".notice"));
        assertNull(data.findComment(ids.get(0)));
        assertNull(data.findComment(ids.get(1)));
        assertEquals(CommentStatus.TRASH, data.statusOf(ids.get(2)), "the unticked comment stays");
    }

    private static String pick(Page queue, long id) {
        return queue.one("#pick-" + id).val();
    }
}
