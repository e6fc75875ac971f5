package dev.parley.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import dev.parley.web.Routes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small things readers notice: what a closed article offers, the front page's excerpts, the site's icon. */
@QuarkusTest
class ReaderPagesTest {

    @Inject
    TestData data;

    @Test
    void aClosedArticleDoesNotInviteAReply() {
        Article article = data.article("Closed");
        data.closeComments(article);

        Page page = new Browser().open("/articles/" + article.slug);

        assertFalse(page.has("#reply-title"), "no “Leave a Reply” heading");
        assertFalse(page.shows("Leave a Reply"));
        assertEquals("Comments are closed.", page.text(".comments-closed"));
    }

    @Test
    void theFrontPageShowsAMarkdownArticlesTextNotItsMarkup() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        String title = TestData.unique("Markdown news");
        owner.submit(
                owner.open("/admin/articles/new"),
                "#articleform",
                Map.of(
                        "title", title,
                        "body", "## What changed\n\nComments are *faster* now: see [the notes](https://example.org/).",
                        "format", "MARKDOWN"));

        Page front = new Browser().open("/");

        String excerpt = front.html().select(".article-summary").stream()
                .filter(s -> s.selectFirst("h2").text().equals(title))
                .findFirst()
                .orElseThrow()
                .selectFirst(".excerpt")
                .text();
        assertEquals("What changed Comments are faster now: see the notes.", excerpt);
    }

    @Test
    void everyPageLinksTheSitesIconWhichIsServed() {
        for (String path : new String[] {"/", "/login", "/no-such-page"}) {
            Page page = new Browser().open(path);
            assertEquals(
                    Routes.asset("/favicon.svg"), page.one("link[rel=icon]").attr("href"), path);
        }
        Response icon = given().get(Routes.asset("/favicon.svg"));
        assertEquals(200, icon.statusCode());
        assertTrue(icon.contentType().startsWith("image/svg+xml"), icon.contentType());
        assertTrue(icon.asString().startsWith("<svg"));
    }
}
