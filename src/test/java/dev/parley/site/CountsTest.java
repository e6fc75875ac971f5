package dev.parley.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.CommentStatus;
import dev.parley.support.SiteData;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Comment counts for listing pages: many pages in one cacheable request, or one as an HTML fragment. */
@QuarkusTest
class CountsTest {

    @Inject
    TestData data;

    @Inject
    SiteData sites;

    private static String origin() {
        return "https://" + TestData.unique("blog") + ".example";
    }

    @Test
    void onePageOfCountsForManyPagesCountingApprovedCommentsOnly() {
        String blog = origin();
        Site site = data.site(TestData.unique("Blog"), blog);
        Article first = sites.thread(site, blog + "/post/1", "url:" + blog + "/post/1", "First post");
        Article second = sites.thread(site, blog + "/post/2", "url:" + blog + "/post/2", "Second post");
        data.comment(first, null, "Ada", "One", CommentStatus.APPROVED);
        data.comment(first, null, "Bob", "Two", CommentStatus.APPROVED);
        data.comment(first, null, "Cy", "Three", CommentStatus.APPROVED);
        data.comment(first, null, "Dee", "Waiting", CommentStatus.PENDING);
        data.comment(first, null, "Eve", "Spam", CommentStatus.SPAM);
        data.comment(second, null, "Fay", "Only", CommentStatus.APPROVED);
        long threadsBefore = sites.threadCount();

        // The same page written another way (upper-case host, a fragment-free query the site drops) is one page.
        String otherSpelling =
                blog.replace("https://", "https://").toUpperCase().replace("HTTPS://", "https://")
                        + "/post/1?utm_source=feed";
        Response answer = given().queryParam(
                        "page", blog + "/post/1", blog + "/post/2", blog + "/post/3", otherSpelling)
                .get("/embed/counts");

        assertEquals(200, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        JsonPath json = answer.jsonPath();
        Map<String, Integer> counts = json.getMap("counts");
        assertEquals(Map.of(blog + "/post/1", 3, blog + "/post/2", 1, blog + "/post/3", 0, otherSpelling, 3), counts);
        assertNull(json.get("refused"));
        assertEquals("public, max-age=60", answer.header("Cache-Control"));
        String etag = answer.header("ETag");
        assertNotNull(etag);
        assertEquals(threadsBefore, sites.threadCount(), "counting creates no thread");

        Response again = given().header("If-None-Match", etag)
                .queryParam("page", blog + "/post/1", blog + "/post/2", blog + "/post/3", otherSpelling)
                .get("/embed/counts");
        assertEquals(304, again.statusCode());
        assertEquals("", again.asString());
    }

    @Test
    void threadsTheHostNamesByItsOwnIdentifier() {
        String blog = origin();
        Site site = data.site(TestData.unique("Blog"), blog);
        Article byId = sites.thread(site, blog + "/2024/moved", "id:post-17", "Moved post");
        data.comment(byId, null, "Ada", "Hello", CommentStatus.APPROVED);
        data.comment(byId, null, "Bob", "Hello too", CommentStatus.APPROVED);

        JsonPath json = given().queryParam("id", "post-17", "post-18")
                .queryParam("origin", blog)
                .queryParam("page", blog + "/2024/moved")
                .get("/embed/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(
                Map.of("id:post-17", 2, "id:post-18", 0, blog + "/2024/moved", 2),
                json.getMap("counts"),
                "a thread kept under an identifier is also found by its page's address");
        String html = given().queryParam("page", blog + "/2024/anywhere")
                .queryParam("id", "post-17")
                .get("/embed/count")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals("2 comments", Jsoup.parse(html).select("span.parley-count").text());
    }

    @Test
    void aRefusedPageIsReportedWithItsReasonWhileTheOthersAreCounted() {
        String blog = origin();
        Site site = data.site(TestData.unique("Blog"), blog);
        Article thread = sites.thread(site, blog + "/ok", "url:" + blog + "/ok", "Fine");
        data.comment(thread, null, "Ada", "Hi", CommentStatus.APPROVED);
        long threadsBefore = sites.threadCount();

        JsonPath mixed = given().queryParam("page", blog + "/ok", "https://elsewhere.example/post", blog + "/a#b")
                .get("/embed/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(Map.of(blog + "/ok", 1), mixed.getMap("counts"));
        Map<String, String> refused = mixed.getMap("refused");
        assertTrue(
                refused.get("https://elsewhere.example/post").contains("the site owner has not registered that origin"),
                refused::toString);
        assertTrue(refused.get(blog + "/a#b").contains("fragment"), refused::toString);

        Response allBad =
                given().queryParam("page", "https://elsewhere.example/post").get("/embed/counts");
        assertEquals(400, allBad.statusCode());
        assertTrue(allBad.jsonPath().getMap("refused").containsKey("https://elsewhere.example/post"));

        Response none = given().get("/embed/counts");
        assertEquals(400, none.statusCode());
        assertTrue(none.jsonPath().getString("error").startsWith("Name the pages to count"));

        // Identifiers, being short, fit a hundred into one request line (addresses may need several requests).
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(String.valueOf(i));
        }
        assertEquals(
                200,
                given().queryParam("id", many)
                        .queryParam("origin", blog)
                        .get("/embed/counts")
                        .statusCode());
        many.add("100");
        Response tooMany =
                given().queryParam("id", many).queryParam("origin", blog).get("/embed/counts");
        assertEquals(400, tooMany.statusCode());
        assertEquals(
                "At most 100 pages can be counted in one request; this one names 101.",
                tooMany.jsonPath().getString("error"));

        Response badId =
                given().queryParam("id", "a\tb").queryParam("origin", blog).get("/embed/counts");
        assertEquals(400, badId.statusCode());
        assertEquals(
                "The page identifier contains control characters.",
                badId.jsonPath().getString("refused.'id:a\tb'"));
        assertEquals(threadsBefore, sites.threadCount());
    }

    @Test
    void theCountFragmentForServerSideIncludes() {
        String blog = origin();
        Site site = data.site(TestData.unique("Blog"), blog);
        Article one = sites.thread(site, blog + "/one", "url:" + blog + "/one", "One");
        data.comment(one, null, "Ada", "Hi", CommentStatus.APPROVED);
        Article many = sites.thread(site, blog + "/many", "url:" + blog + "/many", "Many");
        for (int i = 0; i < 12; i++) {
            data.comment(many, null, "Reader " + i, "Hi " + i, CommentStatus.APPROVED);
        }

        assertEquals("No comments yet", countText(blog + "/none"));
        assertEquals("1 comment", countText(blog + "/one"));
        assertEquals("12 comments", countText(blog + "/many"));
        assertEquals("1,234 comments", CountResource.words(1234));

        Response fragment = given().queryParam("page", blog + "/one").get("/embed/count");
        assertEquals("public, max-age=60", fragment.header("Cache-Control"));
        assertNotNull(fragment.header("ETag"));
        assertFalse(fragment.asString().contains("<html"), "a fragment, not a page");

        Response refused =
                given().queryParam("page", "http://elsewhere.example/x").get("/embed/count");
        assertEquals(400, refused.statusCode());
        assertEquals(
                "Pages of http://elsewhere.example cannot carry Parley threads: the site owner has not registered"
                        + " that origin in Parley (Admin › Sites).",
                Jsoup.parse(refused.asString()).text());
        assertEquals("no-store", refused.header("Cache-Control"));
        assertEquals(400, given().get("/embed/count").statusCode());
    }

    private static String countText(String page) {
        String html = given().queryParam("page", page)
                .get("/embed/count")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return Jsoup.parse(html).select("span.parley-count").text();
    }

    @Test
    void corsIsAnsweredToRegisteredOriginsOnly() {
        String blog = origin();
        data.site(TestData.unique("Blog"), blog, "http://localhost:4321");
        String page = blog + "/post";

        Response registered =
                given().header("Origin", blog).queryParam("page", page).get("/embed/counts");
        assertEquals(blog, registered.header("Access-Control-Allow-Origin"));
        assertTrue(registered.headers().getValues("Vary").stream().anyMatch(v -> v.contains("Origin")));
        assertNull(registered.header("Access-Control-Allow-Credentials"), "no cookies across sites");
        Response other = given().header("Origin", "http://localhost:4321")
                .queryParam("page", page)
                .get("/embed/counts");
        assertEquals("http://localhost:4321", other.header("Access-Control-Allow-Origin"));

        Response stranger = given().header("Origin", "https://stranger.example")
                .queryParam("page", page)
                .get("/embed/counts");
        assertEquals(200, stranger.statusCode(), "counts are public; only the stranger's script cannot read them");
        assertNull(stranger.header("Access-Control-Allow-Origin"));
        assertTrue(stranger.headers().getValues("Vary").stream().anyMatch(v -> v.contains("Origin")));

        Response preflight = given().header("Origin", blog)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-parley-commenter, x-parley-embed")
                .options("/embed/comments");
        assertEquals(204, preflight.statusCode());
        assertEquals(blog, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("X-Parley-Commenter"));

        Response refusedPreflight = given().header("Origin", "https://stranger.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/embed/comments");
        assertEquals(403, refusedPreflight.statusCode());
        assertNull(refusedPreflight.header("Access-Control-Allow-Origin"));

        // Parley's own pages answer no CORS to anyone, and still refuse to be framed.
        Response front = given().header("Origin", blog).get("/");
        assertNull(front.header("Access-Control-Allow-Origin"));
        assertEquals("DENY", front.header("X-Frame-Options"));
        assertTrue(front.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }
}
