package dev.parley.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * What embed.js relies on, over HTTP: a comment it posts is answered with the commenter token instead of a redirect
 * to the host page, and that token, sent back as a header, shows the author their pending comment in a thread no
 * shared cache keeps.
 */
@QuarkusTest
class ScriptTagTest {

    @Inject
    TestData data;

    @Test
    void aScriptPostGivesTheCommenterTokenThatShowsTheirPendingComment() {
        String blog = "https://" + TestData.unique("blog") + ".example";
        data.site(TestData.unique("Blog"), blog);
        String page = blog + "/post";
        String author = TestData.unique("Script Author");
        Document fragment = Jsoup.parse(given().header("Origin", blog)
                .queryParam("page", page)
                .get("/embed/thread")
                .asString());
        String shown = fragment.select("input[name=parley_shown]").attr("value");

        Response posted = given().header("Origin", blog)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "cors")
                .header("X-Parley-Embed", "script")
                .formParam("page", page)
                .formParam("comment", "Sent by the script.")
                .formParam("author", author)
                .formParam("email", "script@example.org")
                .formParam("parley_key", "0123456789abcdef0123456789abcdef")
                .formParam("parley_shown", shown)
                .redirects()
                .follow(false)
                .post("/embed/comments");

        assertEquals(204, posted.statusCode(), posted.asString());
        String token = posted.header("X-Parley-Commenter");
        String id = posted.header("X-Parley-Comment");
        assertNotNull(token);
        assertEquals(String.valueOf(data.onlyCommentBy(author).id), id);
        assertEquals(blog, posted.header("Access-Control-Allow-Origin"));
        assertTrue(posted.header("Access-Control-Expose-Headers").contains("X-Parley-Commenter"));
        assertNull(posted.header("Set-Cookie"), "nothing a blocked third-party cookie would lose");

        Response own = given().header("Origin", blog)
                .header("X-Parley-Commenter", token)
                .queryParam("page", page)
                .get("/embed/thread");
        assertEquals("private, no-store", own.header("Cache-Control"));
        assertEquals(
                "Your comment is awaiting moderation.",
                Jsoup.parse(own.asString())
                        .select("#comment-" + id + " .comment-awaiting-moderation")
                        .text());

        Response anonymous =
                given().header("Origin", blog).queryParam("page", page).get("/embed/thread");
        assertTrue(Jsoup.parse(anonymous.asString()).select("#comment-" + id).isEmpty());
        assertTrue(anonymous.header("Cache-Control").startsWith("public"), anonymous.header("Cache-Control"));
        assertTrue(
                anonymous.headers().getValues("Vary").stream().anyMatch(v -> v.contains("X-Parley-Commenter")),
                "a shared cache never answers a token's request with the anonymous thread");

        Response forged = given().header("Origin", blog)
                .header("X-Parley-Commenter", "not a token!")
                .queryParam("page", page)
                .get("/embed/thread");
        assertEquals(200, forged.statusCode());
        assertTrue(Jsoup.parse(forged.asString()).select("#comment-" + id).isEmpty());
    }
}
