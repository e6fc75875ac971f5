package dev.parley.pagecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.StaleBound;
import dev.parley.support.TestData;
import dev.parley.web.FormToken;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The article page and the thread fragment are rendered once for all anonymous readers and kept: what differs per
 * visitor must still be theirs, and a change must show at once on this instance and within a second from another.
 */
@QuarkusTest
class SharedPagesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    TestData data;

    @Inject
    AgroalDataSource database;

    @TestHTTPResource("/")
    URI base;

    private Article threadWithReplies(String title) {
        Article article = data.article(title);
        Comment first = data.comment(article, null, "Ada", "First, with a reply under it.", CommentStatus.APPROVED);
        data.comment(article, first.id, "نور", "ردّ بالعربية 🌙", CommentStatus.APPROVED);
        data.comment(article, null, "Grace", "Second thread.", CommentStatus.APPROVED);
        return article;
    }

    @Test
    void everyVisitorGetsTheSameThreadWithTheirOwnTokenAndFormKey() {
        Article article = threadWithReplies(TestData.unique("Shared"));
        Browser ada = new Browser();
        Browser bob = new Browser();

        Page adaPage = ada.open("/articles/" + article.slug);
        Page bobPage = bob.open("/articles/" + article.slug);
        Page adaAgain = ada.open("/articles/" + article.slug);

        assertEquals(
                adaPage.one(".comment-list").outerHtml(),
                bobPage.one(".comment-list").outerHtml());
        assertTrue(bobPage.shows("ردّ بالعربية 🌙"));
        String adaField = adaPage.one("#commentform input[name=_csrf]").val();
        String adaAgainField = adaAgain.one("#commentform input[name=_csrf]").val();
        String bobField = bobPage.one("#commentform input[name=_csrf]").val();
        assertEquals(ada.cookie("parley_csrf"), FormToken.unmasked(adaField), "the browser's own CSRF token");
        assertEquals(ada.cookie("parley_csrf"), FormToken.unmasked(adaAgainField));
        assertEquals(bob.cookie("parley_csrf"), FormToken.unmasked(bobField));
        assertNotEquals(ada.cookie("parley_csrf"), bob.cookie("parley_csrf"));
        assertFalse(
                adaPage.html().html().contains(ada.cookie("parley_csrf")), "the page never carries the token itself");
        assertNotEquals(adaField, adaAgainField, "masked afresh on every answer (BREACH)");
        assertNotEquals(
                adaPage.one("input[name=parley_key]").val(),
                adaAgain.one("input[name=parley_key]").val(),
                "each form shown has its own key");
        assertTrue(adaPage.one("input[name=parley_shown]").val().matches("\\d+\\.[A-Za-z0-9_-]+"));
    }

    @Test
    void theCompressedAnswerIsTheSamePageAndAValidGzipStream() throws Exception {
        Article article = threadWithReplies(TestData.unique("Gzip"));
        String path = "/articles/" + article.slug;

        HttpResponse<byte[]> plain = get(path, Map.of("Cookie", "parley_csrf=aaaaaaaaaaaaaaaaaaaaaaaaaa"));
        HttpResponse<byte[]> gzip =
                get(path, Map.of("Cookie", "parley_csrf=aaaaaaaaaaaaaaaaaaaaaaaaaa", "Accept-Encoding", "gzip"));

        assertEquals(200, gzip.statusCode());
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        // GZIPInputStream checks the trailer's CRC-32 and length: a wrong splice fails here.
        String unzipped = new String(gunzip(gzip.body()), StandardCharsets.UTF_8);
        assertTrue(gzip.body().length * 2 < unzipped.length(), "it is compressed");
        String plainHtml = new String(plain.body(), StandardCharsets.UTF_8);
        assertEquals(withoutFormStamps(plainHtml), withoutFormStamps(unzipped));
        Document page = Jsoup.parse(unzipped);
        assertEquals(
                "aaaaaaaaaaaaaaaaaaaaaaaaaa",
                FormToken.unmasked(
                        page.selectFirst("#commentform input[name=_csrf]").val()));
        assertFalse(unzipped.contains("aaaaaaaaaaaaaaaaaaaaaaaaaa"), "the page never carries the token itself");
        assertEquals("ردّ بالعربية 🌙", page.select(".comment-content").get(1).text());
    }

    @Test
    void aBrowserThatHasThePageIsToldSoUntilTheThreadChanges() throws Exception {
        Article article = threadWithReplies(TestData.unique("Conditional"));
        String path = "/articles/" + article.slug;
        Map<String, String> cookie = Map.of("Cookie", "parley_csrf=bbbbbbbbbbbbbbbbbbbbbbbbbb");
        HttpResponse<byte[]> first = get(path, cookie);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\""), etag);
        assertEquals(
                "private, no-cache", first.headers().firstValue("Cache-Control").orElse(null));

        HttpResponse<byte[]> again =
                get(path, Map.of("Cookie", "parley_csrf=bbbbbbbbbbbbbbbbbbbbbbbbbb", "If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(
                304,
                get(path, Map.of("Cookie", "parley_csrf=bbbbbbbbbbbbbbbbbbbbbbbbbb", "If-Modified-Since", lastModified))
                        .statusCode(),
                "a browser that kept the date gets the same answer");
        HttpResponse<byte[]> otherBrowser =
                get(path, Map.of("Cookie", "parley_csrf=cccccccccccccccccccccccccc", "If-None-Match", etag));
        assertEquals(200, otherBrowser.statusCode(), "another token, another page");

        Comment late = data.comment(article, null, "Late", "Pending, then approved.", CommentStatus.PENDING);
        assertEquals(
                304,
                get(path, Map.of("Cookie", "parley_csrf=bbbbbbbbbbbbbbbbbbbbbbbbbb", "If-None-Match", etag))
                        .statusCode(),
                "a held comment does not change what readers see");
        data.setStatus(late.id, CommentStatus.APPROVED);
        HttpResponse<byte[]> changed =
                get(path, Map.of("Cookie", "parley_csrf=bbbbbbbbbbbbbbbbbbbbbbbbbb", "If-None-Match", etag));
        assertEquals(200, changed.statusCode());
        assertTrue(new String(changed.body(), StandardCharsets.UTF_8).contains("Pending, then approved."));
        assertEquals(
                200,
                get(path, Map.of("Cookie", "parley_csrf=bbbbbbbbbbbbbbbbbbbbbbbbbb", "If-Modified-Since", lastModified))
                        .statusCode(),
                "nor by its date");
    }

    @Test
    void answersFromMemoryCarryTheSameProtectiveHeaders() throws Exception {
        Article article = threadWithReplies(TestData.unique("Headers"));
        String path = "/articles/" + article.slug;
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> answer = get(path, Map.of("Accept-Encoding", "gzip"));
            assertEquals(200, answer.statusCode());
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(null));
            assertEquals(
                    "nosniff",
                    answer.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertTrue(answer.headers()
                    .firstValue("Content-Security-Policy")
                    .orElse("")
                    .contains("frame-ancestors 'none'"));
            assertTrue(
                    answer.headers().firstValue("Set-Cookie").orElse("").startsWith("parley_csrf="),
                    "a new browser's token");
            assertEquals(
                    "text/html;charset=UTF-8",
                    answer.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        }
    }

    @Test
    void theAuthorOfAHeldCommentSeesItAndNobodyElseDoes() {
        Article article = threadWithReplies(TestData.unique("Own comment"));
        new Browser().open("/articles/" + article.slug); // the shared page is made before the comment
        Browser author = new Browser();
        Page form = author.open("/articles/" + article.slug);
        author.submit(
                form,
                "#commentform",
                Map.of("comment", "Mine, waiting for a moderator.", "author", "Dana", "email", "dana@example.org"));

        Page own = author.open("/articles/" + article.slug);
        Page someoneElse = new Browser().open("/articles/" + article.slug);

        assertTrue(own.shows("Mine, waiting for a moderator."));
        assertTrue(own.shows("Your comment is awaiting moderation."));
        assertFalse(someoneElse.shows("Mine, waiting for a moderator."));
    }

    @Test
    void aMistakeComesBackToItsAuthorOnlyAndSignedInStaffSeeTheirOwnForm() {
        Article article = threadWithReplies(TestData.unique("Mistake"));
        Browser guest = new Browser();
        var refused = guest.submit(
                guest.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Kept when refused", "author", "Eve", "email", "not-an-address"));
        Page mistake = Page.of("/articles/" + article.slug, refused);
        assertNotNull(mistake.fieldError("email"));
        assertEquals("Kept when refused", mistake.fieldValue("comment"));

        Page anonymous = new Browser().open("/articles/" + article.slug);
        assertFalse(anonymous.shows("Kept when refused"));
        assertFalse(anonymous.has(".error-summary"));

        Browser moderator = data.moderatorBrowser();
        Page staff = moderator.open("/articles/" + article.slug);
        assertTrue(staff.has("#staff-logout"), "a moderator's own form");
        assertFalse(new Browser().open("/articles/" + article.slug).has("#staff-logout"));
    }

    @Test
    void aSettingsChangeShowsAtOnce() {
        Article article = threadWithReplies(TestData.unique("Settings"));
        assertTrue(new Browser().open("/articles/" + article.slug).has("#author"));
        try {
            data.settings(form -> form.requireSignIn = "yes");
            assertFalse(new Browser().open("/articles/" + article.slug).has("#author"));
        } finally {
            data.baselineSettings();
        }
        assertTrue(new Browser().open("/articles/" + article.slug).has("#author"));
    }

    @Test
    void aChangeMadeByAnotherInstanceShowsWithinASecond() throws Exception {
        Article article = threadWithReplies(TestData.unique("Elsewhere"));
        Comment edited = data.comment(article, null, "Fay", "Before the edit.", CommentStatus.APPROVED);
        String path = "/articles/" + article.slug;
        assertTrue(new Browser().open(path).shows("Before the edit."));

        // Straight into the database, past this instance's Hibernate: as another instance's write arrives.
        try (Connection connection = database.getConnection();
                PreparedStatement edit = connection.prepareStatement("update comment set body = ? where id = ?")) {
            edit.setString(1, "After the edit.");
            edit.setLong(2, edited.id);
            assertEquals(1, edit.executeUpdate());
        }
        long changedAt = System.nanoTime();

        Page shown = StaleBound.awaitShown(base.toString(), path, changedAt, page -> page.shows("After the edit."));
        assertFalse(shown.shows("Before the edit."));
    }

    @Test
    void theThreadFragmentIsSharedWithoutAnyToken() throws Exception {
        var site = data.site("Fragments", TestData.uniqueOrigin("fragments"));
        String pageUrl = site.origins.split("\\s+")[0] + "/2026/shared/";
        Article thread = data.hostThread(site, pageUrl, "Shared fragment");
        data.comment(thread, null, "Gil", "On the host page.", CommentStatus.APPROVED);
        String path = "/embed/thread?page=" + java.net.URLEncoder.encode(pageUrl, StandardCharsets.UTF_8);

        HttpResponse<byte[]> first = get(path, Map.of("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> second = get(path, Map.of());

        assertEquals(200, first.statusCode());
        assertEquals("gzip", first.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals(
                "public, max-age=0, s-maxage=10",
                first.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(first.headers().allValues("Set-Cookie").isEmpty(), "a shared cache may keep it");
        Document fragment = Jsoup.parse(new String(gunzip(first.body()), StandardCharsets.UTF_8));
        assertEquals(
                "On the host page.", fragment.selectFirst(".comment-content").text());
        assertTrue(fragment.select("input[name=_csrf]").isEmpty());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, get(path, Map.of("If-None-Match", etag)).statusCode());
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)));
        headers.forEach(request::header);
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    /** The form's key and time differ per answer by design. */
    private static String withoutFormStamps(String html) {
        return html.replaceAll("name=\"parley_key\" value=\"[^\"]*\"", "")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("name=\"parley_shown\" value=\"[^\"]*\"", "");
    }
}
