package dev.parley.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.identity.ReaderIdentity;
import dev.parley.identity.SessionService;
import dev.parley.provider.Drafts;
import dev.parley.provider.ScriptSignIn;
import dev.parley.provider.ScriptSignIns;
import dev.parley.support.TestData;
import dev.parley.web.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
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

    @Inject
    ScriptSignIns signIns;

    @Inject
    Drafts drafts;

    @Inject
    SessionService sessions;

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

    @Test
    void aSignInCodeIsExchangedOnceByThePageThatStartedItForASessionValidOnTheThreadOnly() {
        String blog = "https://" + TestData.unique("signin") + ".example";
        String other = "https://" + TestData.unique("other") + ".example";
        data.site(TestData.unique("Signing blog"), blog, other);
        String page = blog + "/post";
        String name = TestData.unique("Rita Script");
        ReaderIdentity reader = data.reader(name);
        String nonce = "0123456789abcdef0123456789abcdef";

        assertRefused(exchange(blog, "unknown-code-0123456789abcdef", nonce), "an unknown code");
        String code = signIns.issue(reader, blog, nonce, null, null);
        assertRefused(exchange(other, code, nonce), "another site's page");
        assertRefused(exchange(blog, code, nonce), "a code is used up by a wrong try");

        String wrongNonce = signIns.issue(reader, blog, nonce, null, null);
        assertRefused(exchange(blog, wrongNonce, "fedcba9876543210fedcba9876543210"), "without the page's nonce");

        String late = signIns.issue(reader, blog, nonce, null, null);
        QuarkusTransaction.requiringNew()
                .run(() -> ScriptSignIn.update(
                        "expiresAt = ?1 where codeHash = ?2", Instant.now().minusSeconds(1), Tokens.sha256(late)));
        assertRefused(exchange(blog, late, nonce), "an expired code");

        String fresh = signIns.issue(reader, blog, nonce, null, null);
        Response exchanged = exchange(blog, fresh, nonce);
        assertEquals(200, exchanged.statusCode(), exchanged.asString());
        assertEquals(blog, exchanged.header("Access-Control-Allow-Origin"));
        assertEquals("no-store", exchanged.header("Cache-Control"));
        String token = exchanged.jsonPath().getString("reader");
        assertNotNull(token);
        assertRefused(exchange(blog, fresh, nonce), "a second use");

        Response thread = given().header("Origin", blog)
                .header("X-Parley-Reader", token)
                .queryParam("page", page)
                .get("/embed/thread");
        assertEquals("private, no-store", thread.header("Cache-Control"));
        assertEquals(
                "You are commenting using your Test provider account as " + name + ".",
                Jsoup.parse(thread.asString()).select(".logged-in-as span").text());

        // Outside the thread's addresses the header is no credential at all.
        Article article = data.article(TestData.unique("Parley's own"));
        Document own = Jsoup.parse(given().header("X-Parley-Reader", token)
                .get("/articles/" + article.slug)
                .asString());
        assertTrue(own.select(".logged-in-as").isEmpty(), own.select("#respond").text());

        // "Log Out" from the script's thread: embed.js sends the session in the form, Parley ends it.
        Response out = given().header("Origin", blog)
                .header("Sec-Fetch-Site", "cross-site")
                .formParam("next", page + "#respond")
                .formParam("parley_reader", token)
                .redirects()
                .follow(false)
                .post("/logout");
        assertEquals(303, out.statusCode(), out.asString());
        assertEquals(page + "#respond", out.header("Location"));
        Document after = Jsoup.parse(given().header("Origin", blog)
                .header("X-Parley-Reader", token)
                .queryParam("page", page)
                .get("/embed/thread")
                .asString());
        assertTrue(after.select(".logged-in-as").isEmpty(), "the session ended on the server");
    }

    @Test
    void theExchangeHandsTheDraftBackAndAStaffSessionNeverTravelsInTheHeader() {
        String blog = "https://" + TestData.unique("drafts") + ".example";
        data.site(TestData.unique("Draft blog"), blog);
        ReaderIdentity reader = data.reader(TestData.unique("Drafting Reader"));
        String nonce = "abcdefabcdefabcdefabcdef01234567";
        String draftToken = drafts.keep("p-0123456789abcdef0123", null, "Typed before signing in.", false)
                .getValue();

        Response exchanged = exchange(blog, signIns.issue(reader, blog, nonce, draftToken, null), nonce);
        assertEquals(200, exchanged.statusCode(), exchanged.asString());
        assertEquals("Typed before signing in.", exchanged.jsonPath().getString("comment"));
        assertTrue(drafts.takeBack(draftToken, "p-0123456789abcdef0123").isEmpty(), "handed back once");

        String staff = sessions.start(data.accountByEmail(data.moderator()));
        Document thread = Jsoup.parse(given().header("Origin", blog)
                .header("X-Parley-Reader", staff)
                .queryParam("page", blog + "/post")
                .get("/embed/thread")
                .asString());
        assertTrue(thread.select(".logged-in-as").isEmpty(), "a moderator's session is no reader's");
    }

    private static Response exchange(String origin, String code, String nonce) {
        return given().header("Origin", origin)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "cors")
                .formParam("code", code)
                .formParam("nonce", nonce)
                .post("/embed/reader");
    }

    private static void assertRefused(Response answer, String why) {
        assertEquals(400, answer.statusCode(), why + ": " + answer.asString());
        assertTrue(answer.jsonPath().getString("error").startsWith("This sign-in cannot be used"), why);
    }
}
