package dev.parley.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a reader types is shown as text, to readers and to moderators, never as markup. */
@QuarkusTest
class HostileInputTest {

    @Inject
    TestData data;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "<script>alert('x')</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "\"><svg onload=alert(1)>",
                "' onmouseover='alert(1)",
                "javascript:alert(document.cookie)",
                "<iframe src=//evil.example></iframe>",
                "{inject:viewer.name} {#if true}qute{/if}",
                "&lt;already escaped&gt; &amp; friends",
            })
    void hostileTextIsShownAsText(String hostile) {
        Article article = data.article("Hostile");
        String author = TestData.unique("Eve") + " " + hostile;
        String website = "https://example.org/\"onmouseover=\"alert(1)";
        Browser eve = new Browser();
        eve.submit(
                eve.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Look: " + hostile, "author", author, "email", "eve@example.org", "url", website));
        long id = data.onlyCommentBy(author).id;

        Page own = eve.open("/articles/" + article.slug);
        Element comment = own.one("#comment-" + id);
        assertEquals("Look: " + hostile, comment.selectFirst(".comment-content").text());
        assertEquals(author, comment.selectFirst(".comment-author").text());
        assertEquals(website, comment.selectFirst(".comment-author a").attr("href"));
        assertEquals(
                "nofollow ugc noopener",
                comment.selectFirst(".comment-author a").attr("rel"));
        assertNoActiveContent(comment);

        Browser moderator = new Browser();
        moderator.signIn(data.moderator(), TestData.PASSWORD);
        Element queued = moderator.open("/moderation").one("#queue-" + id);
        assertTrue(queued.selectFirst(".queue-text").text().equals("Look: " + hostile));
        assertEquals(author, queued.selectFirst(".queue-author").text());
        assertNoActiveContent(queued);
    }

    private static void assertNoActiveContent(Element element) {
        assertTrue(element.select("script, img, iframe, svg").isEmpty(), element::outerHtml);
        for (Element any : element.getAllElements()) {
            any.attributes().forEach(attribute -> {
                assertTrue(!attribute.getKey().startsWith("on"), () -> "event attribute in " + any.outerHtml());
                if (attribute.getKey().equals("href")) {
                    assertTrue(
                            attribute.getValue().startsWith("http")
                                    || attribute.getValue().startsWith("#")
                                    || attribute.getValue().startsWith("/"),
                            () -> "unsafe link " + any.outerHtml());
                }
            });
        }
    }
}
