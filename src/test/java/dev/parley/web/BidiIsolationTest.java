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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

/**
 * A name that ends in an unclosed right-to-left override (U+202E) must not turn Parley's own words around
 * ("Leave a Reply to", "Comment by", the log's sentences): every such name is isolated, in a {@code <bdi>} or an
 * element with {@code dir}, or, in plain text, between U+2068 and U+2069.
 */
@QuarkusTest
class BidiIsolationTest {

    private static final String OVERRIDE = "\u202E";

    @Inject
    TestData data;

    @Test
    void aReversingNameStaysInsideItsOwnIsolateInTheThreadAndTheReplyForm() {
        String name = TestData.unique("Eve ") + OVERRIDE + "evil";
        Article article = data.article("Bidi \u2067 title");
        Comment comment = data.comment(article, null, name, "Hello " + OVERRIDE + "there", CommentStatus.APPROVED);

        Page thread = new Browser().open("/articles/" + article.slug + "?replytocom=" + comment.id);

        assertEquals(
                name,
                thread.one("#comment-" + comment.id + " .comment-author bdi").text());
        Element title = thread.one("#reply-title");
        assertTrue(title.text().startsWith("Leave a Reply to " + name), title.text());
        assertEquals(name, title.selectFirst("bdi").text(), "the name is an isolate of its own");
        assertEquals("rtl-safe", everyOverrideIsolated(thread));
        assertTrue(
                thread.html().title().contains("\u2068Bidi \u2067 title\u2069"),
                thread.html().title());
    }

    @Test
    void aSignedInReadersNameIsIsolatedInTheReplyForm() {
        Article article = data.article("Bidi reader");
        Browser reader = new Browser();
        String name = TestData.unique("Rita ") + OVERRIDE;
        data.signInReader(reader, name);

        Page page = reader.open("/articles/" + article.slug);

        assertEquals(name, page.one(".logged-in-as .reader-name bdi").text());
        assertEquals("rtl-safe", everyOverrideIsolated(page));
    }

    @Test
    void theQueueTheCommentPageAndTheLogIsolateTheName() {
        String name = TestData.unique("Mallory ") + OVERRIDE + "evil";
        Article article = data.article("Bidi queue " + OVERRIDE + "title");
        Comment comment = data.comment(article, null, name, "Held " + OVERRIDE + "text", CommentStatus.PENDING);
        Browser moderator = data.moderatorBrowser();

        Page queue = moderator.open("/moderation?article=" + article.slug);
        assertEquals(
                name, queue.one("#queue-" + comment.id + " .queue-author bdi").text());
        assertEquals("rtl-safe", everyOverrideIsolated(queue));

        Page single = moderator.open("/moderation/comments/" + comment.id);
        assertEquals(name, single.one("h1 bdi").text());
        assertTrue(
                single.html().title().contains("\u2068" + name + "\u2069"),
                single.html().title());
        assertEquals("rtl-safe", everyOverrideIsolated(single));

        Response approved = moderator.submit(
                queue,
                "#queue",
                Map.of(
                        "one",
                        queue.one("#queue-" + comment.id + " button.approve").val()));
        assertEquals(303, approved.statusCode());
        Page log = moderator.open("/moderation/log?comment=" + comment.id);
        assertEquals(
                "Approved: comment by \u2068" + name + "\u2069",
                log.one("#log .summary").text(),
                "the log's sentence ends the name's override before going on");
        assertEquals("rtl-safe", everyOverrideIsolated(log));
    }

    /** "rtl-safe", or the text nodes in which an override is not isolated from the page's own words. */
    private static String everyOverrideIsolated(Page page) {
        List<String> loose = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode text && text.text().contains(OVERRIDE) && !isolated(text)) {
                        loose.add(text.parent() + "");
                    }
                },
                page.html().body());
        return loose.isEmpty() ? "rtl-safe" : String.join("\n", loose);
    }

    private static boolean isolated(TextNode text) {
        String words = text.getWholeText();
        int override = words.indexOf(OVERRIDE);
        boolean betweenMarks = words.lastIndexOf('\u2068', override) >= 0 && words.indexOf('\u2069', override) > 0;
        for (Element e = (Element) text.parent(); e != null; e = e.parent()) {
            if (e.is("bdi, [dir], textarea, input")) {
                return true;
            }
        }
        return betweenMarks;
    }
}
