package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every field at its limit is accepted in any script, although a browser sends each byte of a character
 * outside ASCII as three ({@code %E6%BC%A2}); a text over a limit comes back in its form with the message.
 */
@QuarkusTest
class LongTextTest {

    /** Three bytes in UTF-8, nine in a form. */
    private static final String CJK = "漢";

    /** Four bytes in UTF-8 (two Java characters), twelve in a form. */
    private static final String EMOJI = "😀";

    @Inject
    TestData data;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"40,000 Chinese characters", "32,000 emoji", "65,525 Chinese characters"})
    void aCommentWithinTheLimitIsAcceptedInAnyScript(String what) {
        String text = switch (what) {
            case "40,000 Chinese characters" -> CJK.repeat(40_000);
            case "32,000 emoji" -> EMOJI.repeat(32_000);
            default -> CJK.repeat(Comment.MAX_BODY);
        };
        Article article = data.article("Long");
        Browser reader = new Browser();
        String author = TestData.unique("作者") + EMOJI.repeat(50);

        Response posted = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", text, "author", author, "email", "long@example.org"));

        assertEquals(303, posted.statusCode(), () -> posted.asString());
        Comment stored = data.onlyCommentBy(author);
        assertEquals(text, stored.body);
        assertEquals(
                text,
                reader.follow(posted)
                        .one("#comment-" + stored.id + " .comment-content")
                        .text());
    }

    @Test
    void aCommentOverTheLimitComesBackWithTheMessageAndTheText() {
        Article article = data.article("Too long");
        Browser reader = new Browser();
        String text = EMOJI.repeat(40_000);

        Response refused = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", text, "author", "Ann", "email", "ann@example.org"));

        assertEquals(400, refused.statusCode());
        Page page = Page.of("/comments", refused);
        assertEquals("Your comment is too long: it can have at most 65,525 characters.", page.fieldError("comment"));
        assertEquals(text, page.fieldValue("comment"));
    }

    @Test
    void staffRepliesAndEditsTakeAsMuch() {
        Article article = data.article("Staff long");
        Comment comment = data.comment(article, null, "Bob", "Short", CommentStatus.APPROVED);
        Browser moderator = data.moderatorBrowser();
        String text = CJK.repeat(Comment.MAX_BODY);

        Response edited = moderator.submit(
                moderator.open("/moderation/comments/" + comment.id + "/edit"), "#editform", Map.of("comment", text));
        Response replied = moderator.submit(
                moderator.open("/moderation/comments/" + comment.id + "/reply"),
                "#replyform",
                Map.of("comment", EMOJI.repeat(32_000)));
        Response tooLong = moderator.submit(
                moderator.open("/moderation/comments/" + comment.id + "/edit"),
                "#editform",
                Map.of("comment", text + CJK));

        assertEquals(303, edited.statusCode(), () -> edited.asString());
        assertEquals(text, data.findComment(comment.id).body);
        assertEquals(303, replied.statusCode(), () -> replied.asString());
        assertEquals(400, tooLong.statusCode());
        Page page = Page.of("/edit", tooLong);
        assertEquals("The text can have at most 65,525 characters.", page.fieldError("comment"));
        assertEquals(text + CJK, page.fieldValue("comment"));
    }

    @Test
    void anArticleAtItsLimitIsAccepted() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        String title = TestData.unique("長い記事") + EMOJI.repeat(100);
        String body = CJK.repeat(Article.MAX_BODY);

        Response saved =
                owner.submit(owner.open("/admin/articles/new"), "#articleform", Map.of("title", title, "body", body));

        assertEquals(303, saved.statusCode(), () -> saved.asString().substring(0, 2000));
        assertTrue(owner.follow(saved).shows(title));
    }

    @Test
    void aFormBeyondEvenTheGenerousSizeGetsAPlainPage() {
        Article article = data.article("Huge");
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug);

        Response refused =
                reader.submit(form, "#commentform", Map.of("comment", CJK.repeat(2_500_000), "author", "Huge"));

        assertEquals(413, refused.statusCode());
        Page page = Page.of("/comments", refused);
        assertEquals("This form is too large", page.text("h1"));
        assertTrue(page.has("a[href=/]"), "a way on");
    }
}
