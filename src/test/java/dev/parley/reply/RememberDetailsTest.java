package dev.parley.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Save my name, email, and website in this browser for the next time I comment." */
@QuarkusTest
class RememberDetailsTest {

    @Inject
    TestData data;

    @Test
    void tickedBoxFillsTheFormNextTimeAndUntickingForgets() {
        Article article = data.article("Remember");
        Browser reader = new Browser();
        Map<String, String> typed = new HashMap<>(Map.of(
                "comment",
                "First",
                "author",
                "Zoë O'Brien",
                "email",
                "zoe@example.org",
                "url",
                "https://zoe.example.org/",
                "wp-comment-cookies-consent",
                "yes"));
        reader.submit(reader.open("/articles/" + article.slug), "#commentform", typed);

        Article another = data.article("Another");
        Page next = reader.open("/articles/" + another.slug);
        assertEquals("Zoë O'Brien", next.fieldValue("author"));
        assertEquals("zoe@example.org", next.fieldValue("email"));
        assertEquals("https://zoe.example.org/", next.fieldValue("url"));
        assertTrue(next.one("#wp-comment-cookies-consent").hasAttr("checked"));
        assertEquals("", next.fieldValue("comment"));

        reader.submit(next, "#commentform", Map.of("comment", "Second", "wp-comment-cookies-consent", ""));
        Page after = reader.open("/articles/" + another.slug);
        assertEquals("", after.fieldValue("author"));
        assertFalse(after.one("#wp-comment-cookies-consent").hasAttr("checked"));
        assertNull(reader.cookie("parley_author_email"));
        assertTrue(after.shows("Second"), "the author still sees their pending comments");
    }

    @Test
    void withoutTheBoxNothingIsRememberedButOwnPendingCommentsStayVisible() {
        Article article = data.article("Forget");
        Browser reader = new Browser();
        reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Mine", "author", "Nobody", "email", "n@example.org"));
        assertNull(reader.cookie("parley_author"));
        assertTrue(reader.open("/articles/" + article.slug).shows("Your comment is awaiting moderation."));
    }
}
