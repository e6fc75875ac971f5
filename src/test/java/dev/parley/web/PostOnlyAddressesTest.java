package dev.parley.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reloading the page a form answered with, or opening a form's address, leads to the form's page: no 405. */
@QuarkusTest
class PostOnlyAddressesTest {

    @Inject
    TestData data;

    @Test
    void reloadingAfterAFormErrorLeadsBackToTheArticle() {
        Article article = data.article("Reloaded");
        Browser reader = new Browser();

        Page page = reader.open("/articles/" + article.slug + "/comments");

        assertEquals(303, page.status());
        assertTrue(page.location().endsWith("/articles/" + article.slug + "#respond"), page.location());
        assertEquals("Reloaded", reader.open(page.redirectTarget()).text("h1"));
    }

    @ParameterizedTest(name = "GET {0} → {1}")
    @CsvSource({
        "/logout, /",
        "/articles/some-article/comments, /articles/some-article#respond",
        "/admin/articles, /admin",
        "/admin/articles/12/publish, /admin",
        "/admin/settings/try, /admin/settings",
        "/admin/accounts/3/remove, /admin/accounts",
        "/admin/providers/4/enable, /admin/providers",
        "/admin/sites/5/close-threads, /admin/sites/5",
        "/admin/sites/5/threads/6/close, /admin/sites/5",
        "/moderation/decisions, /moderation",
        "/moderation/bans/7/lift, /moderation/bans",
        "/auth/1/start, /",
    })
    void aFormsAddressLeadsToItsPage(String address, String page) {
        for (String method : new String[] {"GET", "HEAD"}) {
            Response answer = given().redirects().follow(false).request(method, address);
            assertEquals(303, answer.statusCode(), method + " " + address);
            assertTrue(answer.header("Location").endsWith(page), answer.header("Location"));
        }
    }

    @Test
    void otherMethodsAreStillNotAllowed() {
        assertEquals(405, given().redirects().follow(false).put("/logout").statusCode());
    }
}
