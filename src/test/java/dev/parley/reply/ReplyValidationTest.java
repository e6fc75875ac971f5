package dev.parley.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import dev.parley.web.FormToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: the form comes back with a message next to the field and everything typed still in it. */
@QuarkusTest
class ReplyValidationTest {

    @Inject
    TestData data;

    static Stream<Arguments> faultyFields() {
        return Stream.of(
                Arguments.of("comment", "", "Please type your comment."),
                Arguments.of("comment", "   \n  ", "Please type your comment."),
                Arguments.of(
                        "comment",
                        "x".repeat(65_526),
                        "Your comment is too long: it can have at most 65,525 characters."),
                Arguments.of("author", "", "Please enter your name."),
                Arguments.of("author", "n".repeat(246), "Your name can have at most 245 characters."),
                Arguments.of("email", "", "Please enter your email address. It will not be published."),
                Arguments.of("email", "not-an-email", "Please enter a valid email address, such as name@example.com."),
                Arguments.of("email", "a@b", "Please enter a valid email address, such as name@example.com."),
                Arguments.of("email", "e".repeat(95) + "@x.org", "Your email address can have at most 100 characters."),
                Arguments.of(
                        "url",
                        "javascript:alert(1)",
                        "Your website must be a web address starting with http:// or https://."),
                Arguments.of(
                        "url",
                        "ftp://example.org/",
                        "Your website must be a web address starting with http:// or https://."),
                Arguments.of(
                        "url", "example.org", "Your website must be a web address starting with http:// or https://."),
                Arguments.of(
                        "url",
                        "https://example.org/" + "p".repeat(200),
                        "Your website address can have at most 200 characters."));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @MethodSource("faultyFields")
    void faultyFieldComesBackWithItsMessageAndNothingLost(String field, String value, String message) {
        Article article = data.article("Validation");
        String author = TestData.unique("Typist");
        Map<String, String> typed = new HashMap<>(Map.of(
                "comment",
                "A thoughtful comment\nwith two lines.",
                "author",
                author,
                "email",
                "typist@example.org",
                "url",
                "https://typist.example.org/",
                "wp-comment-cookies-consent",
                "yes"));
        typed.put(field, value);
        Browser reader = new Browser();

        Response answer = reader.submit(reader.open("/articles/" + article.slug), "#commentform", typed);

        assertEquals(400, answer.statusCode());
        Page page = new PageOf(answer).page();
        assertEquals(message, page.fieldError(field));
        assertTrue(page.one("#" + field).hasAttr("aria-invalid"));
        typed.forEach((name, expected) -> {
            if (!name.equals("wp-comment-cookies-consent")) {
                assertEquals(expected, page.fieldValue(name), () -> name + " keeps what was typed");
            }
        });
        assertTrue(page.one("#wp-comment-cookies-consent").hasAttr("checked"), "the checkbox stays ticked");
        assertEquals(1, page.html().select(".field .error").size(), "only the faulty field has a message");
        assertEquals(0, data.commentsBy(value.equals("") && field.equals("author") ? "" : author));
    }

    @Test
    void aCommentOfSeveralKilobytesIsAccepted() {
        Article article = data.article("Long");
        String author = TestData.unique("Essayist");
        String essay = "Lorem ipsum dolor sit amet. ".repeat(2000).strip();
        Browser reader = new Browser();
        Response answer = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", essay, "author", author, "email", "essay@example.org"));
        assertEquals(303, answer.statusCode());
        assertEquals(essay.length(), data.onlyCommentBy(author).body.length());
        assertTrue(reader.follow(answer).shows(essay.substring(0, 200)));
    }

    @Test
    void lineBreaksCountAsOneCharacterAsTheReaderSawThem() {
        Article article = data.article("Line breaks");
        String author = TestData.unique("Poet");
        String line = "x".repeat(99);
        String typed = (line + "\r\n").repeat(655).strip();
        Browser reader = new Browser();
        Response answer = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", typed, "author", author, "email", "poet@example.org"));
        assertEquals(303, answer.statusCode(), "65,499 characters once CR LF counts as one line break");
        assertEquals(typed.replace("\r\n", "\n"), data.onlyCommentBy(author).body);
    }

    @Test
    void articlePagesAreNeverKeptByASharedCache() {
        Response page = io.restassured.RestAssured.get("/articles/" + data.article("Private").slug);
        assertEquals("private, no-cache", page.header("Cache-Control"));
    }

    @Test
    void replyToACommentThatIsNotApprovedIsRefusedAndTheTextKept() {
        Article article = data.article("Parent pending");
        Comment pending = data.comment(article, null, "Someone", "pending", CommentStatus.PENDING);
        assertParentRefused(article, pending.id);
    }

    @Test
    void replyToACommentOfAnotherArticleIsRefused() {
        Article article = data.article("Here");
        Comment elsewhere = data.comment(data.article("There"), null, "Other", "elsewhere", CommentStatus.APPROVED);
        assertParentRefused(article, elsewhere.id);
    }

    @Test
    void replyToNonsenseParentIsRefused() {
        assertParentRefused(data.article("Nonsense"), null);
    }

    private void assertParentRefused(Article article, Long parentId) {
        String author = TestData.unique("Replier");
        Browser reader = new Browser();
        Response answer = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of(
                        "comment",
                        "My reply",
                        "author",
                        author,
                        "email",
                        "r@example.org",
                        "comment_parent",
                        parentId == null ? "abc" : parentId.toString()));
        assertEquals(400, answer.statusCode());
        Page page = new PageOf(answer).page();
        assertTrue(page.text(".form-error").startsWith("The comment you replied to is not available any more."));
        assertEquals("My reply", page.fieldValue("comment"));
        assertEquals(author, page.fieldValue("author"));
        assertEquals("0", page.fieldValue("comment_parent"), "sending again posts a top-level comment");
        assertEquals(0, data.commentsBy(author));
    }

    @Test
    void closedArticleRefusesTheCommentAndShowsTheText() {
        Article article = data.article("Closing");
        Browser reader = new Browser();
        Page open = reader.open("/articles/" + article.slug);
        data.closeComments(article);
        String author = TestData.unique("Late");

        Response answer = reader.submit(
                open, "#commentform", Map.of("comment", "Too late?", "author", author, "email", "late@example.org"));

        assertEquals(403, answer.statusCode());
        Page page = new PageOf(answer).page();
        assertTrue(page.text(".form-error").startsWith("Comments are closed on this article"));
        assertEquals("Too late?", page.one("textarea#comment").wholeText());
        assertFalse(page.has("#commentform"));
        assertEquals(0, data.commentsBy(author));
        assertEquals(
                "Comments are closed.", reader.open("/articles/" + article.slug).text(".comments-closed"));
    }

    @Test
    void unknownArticleIs404AndTheTextIsShownSoItIsNotLost() {
        Browser reader = new Browser();
        Page someArticle = reader.open("/articles/" + data.article("Any").slug);
        Page notFound = reader.open("/articles/no-such-article");
        assertEquals(404, notFound.status());
        assertEquals("Page not found", notFound.text("h1"));

        Response answer = reader.post(
                "/articles/no-such-article/comments",
                Map.of(
                        "_csrf",
                        someArticle.one("input[name=_csrf]").val(),
                        "comment",
                        "Lost words",
                        "author",
                        "X",
                        "email",
                        "x@example.org"));
        assertEquals(404, answer.statusCode());
        Page page = new PageOf(answer).page();
        assertEquals("This article is not available", page.text("h1"));
        assertEquals("Lost words", page.one("textarea#comment").wholeText());
    }

    @Test
    void missingOrWrongCsrfTokenIsRejectedAndNothingStored() {
        Article article = data.article("Forgery");
        String author = TestData.unique("Forger");
        Browser reader = new Browser();
        Page page = reader.open("/articles/" + article.slug);
        Map<String, String> typed = Map.of("comment", "Forged text", "author", author, "email", "f@example.org");

        Map<String, String> withoutToken = new HashMap<>(typed);
        withoutToken.put("_csrf", null);
        Response missing = reader.submit(page, "#commentform", withoutToken);
        Map<String, String> wrongToken = new HashMap<>(typed);
        wrongToken.put("_csrf", "AAAAAAAAAAAAAAAAAAAAAA");
        Response wrong = reader.submit(page, "#commentform", wrongToken);
        Map<String, String> otherMasked = new HashMap<>(typed);
        otherMasked.put("_csrf", FormToken.masked("AAAAAAAAAAAAAAAAAAAAAA"));
        Response wrongMasked = reader.submit(page, "#commentform", otherMasked);
        Map<String, String> brokenMask = new HashMap<>(typed);
        brokenMask.put("_csrf", "~" + page.one("input[name=_csrf]").val().substring(2));
        Response broken = reader.submit(page, "#commentform", brokenMask);
        Response noCookie = new Browser()
                .post(
                        "/articles/" + article.slug + "/comments",
                        Map.of(
                                "_csrf",
                                page.one("input[name=_csrf]").val(),
                                "comment",
                                "x",
                                "author",
                                author,
                                "email",
                                "f@example.org"));

        for (Response answer : new Response[] {missing, wrong, wrongMasked, broken, noCookie}) {
            assertEquals(400, answer.statusCode());
            Page shown = new PageOf(answer).page();
            assertEquals("This form has expired", shown.text("h1"));
            assertFalse(answer.asString().contains("Exception"));
        }
        assertEquals(
                "Forged text",
                new PageOf(missing).page().one("textarea#kept").wholeText(),
                "the reader gets their text back");
        assertEquals(0, data.commentsBy(author));
    }

    @Test
    void aFormLeftOpenInAnotherTabStillWorks() {
        Article article = data.article("Tabs");
        String author = TestData.unique("Tabber");
        Browser reader = new Browser();
        Page firstTab = reader.open("/articles/" + article.slug);
        reader.open("/");
        reader.open("/articles/" + article.slug);

        Response answer = reader.submit(
                firstTab,
                "#commentform",
                Map.of("comment", "From the first tab", "author", author, "email", "t@example.org"));

        assertEquals(303, answer.statusCode());
        assertEquals(1, data.commentsBy(author));
    }

    @Test
    void crossSiteFormPostsAreRefused() {
        Article article = data.article("Cross-site");
        String author = TestData.unique("Attacker");
        Browser reader = new Browser();
        Page page = reader.open("/articles/" + article.slug);
        Map<String, String> fields = new HashMap<>();
        page.html().select("#commentform input[name]").forEach(i -> fields.put(i.attr("name"), i.val()));
        fields.putAll(Map.of("comment", "x", "author", author, "email", "a@example.org"));

        Response answer = io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("parley_csrf", reader.cookie("parley_csrf"))
                .header("Sec-Fetch-Site", "cross-site")
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post("/articles/" + article.slug + "/comments");

        assertEquals(403, answer.statusCode());
        assertEquals(
                "Form sent from another site",
                Jsoup.parse(answer.asString()).selectFirst("h1").text());
        assertEquals(0, data.commentsBy(author));
    }

    /** Reads a response that is itself the page (no redirect). */
    private record PageOf(Response response) {
        Page page() {
            return new Page("(form answer)", response.statusCode(), Jsoup.parse(response.asString()));
        }
    }
}
