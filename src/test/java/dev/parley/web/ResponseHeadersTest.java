package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers that decide who may keep a page, how it is read, and which forms are believed. */
@QuarkusTest
class ResponseHeadersTest {

    @Inject
    TestData data;

    @TestHTTPResource("/")
    URL base;

    @Test
    void staffPagesAndSignInFormsAreNeverStored() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        for (String path : List.of(
                "/moderation",
                "/moderation?tab=spam",
                "/moderation/log",
                "/moderation/bans",
                "/admin",
                "/admin/settings",
                "/admin/providers",
                "/admin/sites",
                "/admin/accounts")) {
            Response answer = owner.getRaw(path);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("no-store", answer.header("Cache-Control"), path);
        }
        Response login = new Browser().getRaw("/login");
        assertEquals(200, login.statusCode());
        assertEquals("no-store", login.header("Cache-Control"));
    }

    @Test
    void readerPagesStayOutOfSharedCachesOnly() {
        Article article = data.article("Cacheable");
        Response page = new Browser().getRaw("/articles/" + article.slug);
        assertEquals("private, no-cache", page.header("Cache-Control"));
    }

    @Test
    void everyHtmlAnswerNamesItsCharset() {
        Article article = data.article("Charset");
        data.owner(); // with no owner yet, /login leads to the set-up page
        for (String path : List.of("/", "/articles/" + article.slug, "/login", "/no-such-page", "/moderation/x")) {
            Response answer = new Browser().getRaw(path);
            assertEquals("text/html;charset=UTF-8", answer.header("Content-Type"), path + " " + answer.statusCode());
        }
        assertEquals(
                "text/css;charset=UTF-8",
                new Browser().getRaw("/css/parley.css").header("Content-Type"));
    }

    @Test
    void theCsrfCookieIsSameSiteLax() {
        Article article = data.article("Same site");
        List<String> cookies =
                new Browser().getRaw("/articles/" + article.slug).headers().getValues("Set-Cookie");
        String csrf = cookies.stream()
                .filter(cookie -> cookie.startsWith("parley_csrf="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie in " + cookies));
        assertTrue(csrf.contains("SameSite=Lax"), csrf);
        assertTrue(csrf.toLowerCase().contains("httponly"), csrf);
    }

    @Test
    void aFormFromAnotherOriginIsRefusedAndNothingIsSaved() {
        Article article = data.article("Origin");
        for (String foreign : List.of("https://evil.example", "null", base.getProtocol() + "://127.0.0.2:1")) {
            Browser reader = new Browser().withHeader("Origin", foreign);
            Response answer = reader.submit(
                    reader.open("/articles/" + article.slug),
                    "#commentform",
                    Map.of("comment", "From elsewhere", "author", "Mallory", "email", "m@example.org"));
            assertEquals(403, answer.statusCode(), foreign);
            assertEquals(
                    "Form sent from another site", Page.of("(answer)", answer).text("h1"));
        }
        assertEquals(0, data.commentsOn(article));

        String own = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        Browser reader = new Browser().withHeader("Origin", own);
        Response posted = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "From here", "author", "Alice", "email", "a@example.org"));
        assertEquals(303, posted.statusCode(), posted.asString());
        assertEquals(1, data.commentsOn(article));
    }

    @Test
    void plainHttpGetsNoStrictTransportSecurity() {
        // HSTS over https (through a trusted proxy) is checked on the packaged application: FirstStartIT.
        assertEquals(null, new Browser().getRaw("/").header("Strict-Transport-Security"));
        assertTrue(RestAssured.baseURI.startsWith("http:"));
    }
}
