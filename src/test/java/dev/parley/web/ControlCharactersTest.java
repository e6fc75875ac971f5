package dev.parley.web;

import static io.restassured.RestAssured.given;
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
import org.junit.jupiter.api.Test;

/**
 * NUL and the other control characters no one types are removed from everything a form sends, and bytes that
 * are not UTF-8 become "�": H2 and PostgreSQL (which refuses NUL) store the same text, and no page carries a
 * control character. Runs on both databases (the PostgreSQL build runs every Quarkus test again).
 */
@QuarkusTest
class ControlCharactersTest {

    @Inject
    TestData data;

    @Test
    void controlCharactersAreRemovedFromTheCommentNameAndEmail() {
        Article article = data.article("Controls");
        Browser reader = new Browser();
        String author = TestData.unique("Nul");

        Response posted = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of(
                        "comment", "Hello\u0000 world\u0001\u0008\u001B.\n\tIndented line stays.",
                        "author", author + "\u0000",
                        "email", "nul\u0000@example.org",
                        "url", "https://example.org/\u0000x"));

        assertEquals(303, posted.statusCode(), () -> posted.asString());
        Comment stored = data.onlyCommentBy(author);
        assertEquals("Hello world.\n\tIndented line stays.", stored.body);
        assertEquals("nul@example.org", stored.authorEmail);
        assertEquals("https://example.org/x", stored.authorUrl);
        Response page = given().cookie("parley_commenter", reader.cookie("parley_commenter"))
                .get("/articles/" + article.slug);
        assertFalse(page.asString().matches("(?s).*[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F].*"), "no control in the page");
        assertTrue(Page.of("/", page).shows("Hello world."));
    }

    @Test
    void aFormThatComesBackShowsTheTextWithoutThem() {
        Article article = data.article("Controls kept");
        Browser reader = new Browser();

        Response refused = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Still\u0000 here", "author", "\u0000", "email", "x@example.org"));

        assertEquals(400, refused.statusCode());
        Page page = Page.of("/comments", refused);
        assertEquals("Please enter your name.", page.fieldError("author"), "a name of NUL alone is no name");
        assertEquals("Still here", page.fieldValue("comment"));
    }

    @Test
    void bytesThatAreNotUtf8BecomeTheReplacementCharacter() {
        Article article = data.article("Not UTF-8");
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug);
        String author = TestData.unique("Latin1");
        StringBuilder body = new StringBuilder();
        for (var field : Map.of(
                        "_csrf", form.one("input[name=_csrf]").val(),
                        "parley_key", form.one("input[name=parley_key]").val(),
                        "parley_shown", form.one("input[name=parley_shown]").val(),
                        "author", author,
                        "email", "latin1@example.org")
                .entrySet()) {
            body.append(field.getKey()).append('=').append(field.getValue()).append('&');
        }
        // "café" in ISO-8859-1, a lone continuation byte, a cut sequence and an encoded surrogate.
        body.append("comment=caf%E9+%80+%E6%BC+%ED%A0%80+%00end");

        Response posted = given().redirects()
                .follow(false)
                .cookie("parley_csrf", reader.cookie("parley_csrf"))
                .config(io.restassured.RestAssured.config()
                        .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                // As browsers send it: no charset, the page's (UTF-8) implied.
                .contentType("application/x-www-form-urlencoded")
                .body(body.toString())
                .post("/articles/" + article.slug + "/comments");

        assertEquals(303, posted.statusCode(), () -> posted.asString());
        String stored = data.onlyCommentBy(author).body;
        assertTrue(stored.startsWith("caf\uFFFD \uFFFD \uFFFD"), stored);
        assertTrue(stored.endsWith(" end"), stored);
        assertFalse(
                stored.chars().anyMatch(c -> Character.isSurrogate((char) c)),
                "no lone surrogate reaches the database");
    }

    @Test
    void controlCharactersInTheAddressAreRemovedToo() {
        Article article = data.article("Address");
        data.comment(article, null, "Findable", "needle in the queue", CommentStatus.PENDING);
        Browser moderator = data.moderatorBrowser();

        Page filtered = moderator.open("/moderation?q=nee%00dle");
        Page missing = new Browser().open("/articles/%00nothing-here");
        Page withNul = new Browser().open("/articles/" + article.slug + "%00");

        assertEquals(200, filtered.status());
        assertEquals("needle", filtered.fieldValue("q"));
        assertTrue(filtered.shows("needle in the queue"));
        assertEquals(404, missing.status());
        assertEquals(200, withNul.status());
    }
}
