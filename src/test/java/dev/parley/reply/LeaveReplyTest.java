package dev.parley.reply;

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
import org.junit.jupiter.api.Test;

/** The whole "Leave a Reply" flow, as a reader and a moderator go through it in their browsers. */
@QuarkusTest
class LeaveReplyTest {

    @Inject
    TestData data;

    @Test
    void guestReplyIsHeldThenApprovedAndNestedUnderItsParent() {
        Article article = data.article("Flow");
        Comment parent = data.comment(article, null, "Ada", "The first word.", CommentStatus.APPROVED);
        String author = TestData.unique("Grace");

        Browser reader = new Browser();
        Page replyPage = reader.open("/articles/" + article.slug + "?replytocom=" + parent.id);
        assertTrue(replyPage.text("#reply-title").startsWith("Leave a Reply to Ada"));
        assertTrue(replyPage.has("#comment-" + parent.id + " #commentform"), "form sits under the comment");
        Response posted = reader.submit(
                replyPage,
                "#commentform",
                Map.of("comment", "I agree.\n\nSecond paragraph.", "author", author, "email", "grace@example.org"));

        long id = data.onlyCommentBy(author).id;
        assertEquals(303, posted.statusCode());
        assertTrue(posted.header("Location").endsWith("/articles/" + article.slug + "#comment-" + id));

        Page own = reader.follow(posted);
        Element pending = own.one("#comment-" + parent.id + " > ol.children > #comment-" + id);
        assertEquals(
                "Your comment is awaiting moderation.",
                pending.selectFirst(".comment-awaiting-moderation").text());
        assertEquals(2, pending.select(".comment-content p").size(), "paragraphs are kept");

        Page stranger = new Browser().open("/articles/" + article.slug);
        assertFalse(stranger.has("#comment-" + id), "nobody else sees a pending comment");
        assertFalse(stranger.shows(author));
        assertEquals("1 response to “Flow”", stranger.text(".comments-title"), "pending comments are not counted");

        Browser moderator = new Browser();
        moderator.signIn(data.moderator(), TestData.PASSWORD);
        Page queue = moderator.open("/moderation");
        Element item = queue.one("#queue-" + id);
        assertTrue(item.text().contains("grace@example.org"), "moderators see the email");
        Page afterApproval = moderator.follow(moderator.submit(
                queue,
                "#queue",
                Map.of("one", queue.one("#queue-" + id + " button.approve").val())));
        assertEquals("1 comment approved.", afterApproval.text(".notice"));
        assertFalse(afterApproval.has("#queue-" + id));

        Page everyone = new Browser().open("/articles/" + article.slug);
        Element reply = everyone.one("#comment-" + parent.id + " > ol.children > #comment-" + id);
        assertEquals(author, reply.selectFirst(".comment-author").text());
        assertFalse(reply.hasClass("awaiting"));
        assertEquals("2 responses to “Flow”", everyone.text(".comments-title"));
        assertTrue(new Browser().open("/").shows("2 comments"));
    }

    @Test
    void rejectedAndSpamCommentsStayHidden() {
        Article article = data.article("Hidden");
        Browser reader = new Browser();
        long rejected = post(reader, article, TestData.unique("Rejected"));
        long spam = post(reader, article, TestData.unique("Spammer"));

        Browser moderator = new Browser();
        moderator.signIn(data.moderator(), TestData.PASSWORD);
        Page queue = moderator.open("/moderation");
        moderator.submit(
                queue,
                "#queue",
                Map.of("one", queue.one("#queue-" + rejected + " button.reject").val()));
        queue = moderator.open("/moderation");
        moderator.submit(
                queue,
                "#queue",
                Map.of("one", queue.one("#queue-" + spam + " button.spam").val()));

        assertEquals(CommentStatus.TRASH, data.statusOf(rejected));
        assertEquals(CommentStatus.SPAM, data.statusOf(spam));
        for (Browser viewer : new Browser[] {reader, new Browser()}) {
            Page page = viewer.open("/articles/" + article.slug);
            assertFalse(page.has("#comment-" + rejected), "a rejected comment is hidden, even from its author");
            assertFalse(page.has("#comment-" + spam));
        }
    }

    @Test
    void oldestFirstAndDeepRepliesAttachToTheDeepestLevel() {
        Article article = data.article("Deep");
        Comment level1 = data.comment(article, null, "One", "1", CommentStatus.APPROVED);
        Comment level2 = data.comment(article, level1.id, "Two", "2", CommentStatus.APPROVED);
        Comment level3 = data.comment(article, level2.id, "Three", "3", CommentStatus.APPROVED);
        Comment level4 = data.comment(article, level3.id, "Four", "4", CommentStatus.APPROVED);
        Comment level5 = data.comment(article, level4.id, "Five", "5", CommentStatus.APPROVED);
        Comment level6 = data.comment(article, level5.id, "Six", "6", CommentStatus.APPROVED);
        Comment second = data.comment(article, null, "Later", "top", CommentStatus.APPROVED);

        Page page = new Browser().open("/articles/" + article.slug);

        assertEquals(
                java.util.List.of("comment-" + level1.id, "comment-" + second.id),
                page.html().select("ol.comment-list > li").eachAttr("id"),
                "top level, oldest first");
        assertTrue(page.one("#comment-" + level5.id).hasClass("depth-5"));
        Element six = page.one("#comment-" + level6.id);
        assertTrue(six.hasClass("depth-5"), "the default depth is 5: deeper replies stay at level 5");
        assertEquals("comment-" + level4.id, six.parent().parent().id(), "shown beside its parent");
        assertEquals("replying to Five", six.selectFirst(".in-reply-to").text());
    }

    private long post(Browser reader, Article article, String author) {
        Page page = reader.open("/articles/" + article.slug);
        reader.submit(
                page,
                "#commentform",
                Map.of("comment", "text by " + author, "author", author, "email", "a@example.org"));
        return data.onlyCommentBy(author).id;
    }
}
