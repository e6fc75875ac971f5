package dev.parley.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A form that comes back with mistakes opens at a summary of them, which links to each faulty field. */
@QuarkusTest
class ErrorSummaryTest {

    @Inject
    TestData data;

    @Test
    void theReplyFormComesBackWithASummaryThatTakesFocusAndLinksToTheFields() {
        Article article = data.article("Summary");
        Browser reader = new Browser();

        Response refused = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Typed with care", "author", "", "email", "a@b", "url", "ftp://x.example"));

        assertEquals(400, refused.statusCode());
        Page page = Page.of("/comments", refused);
        Element summary = page.one("#commentform #error-summary");
        assertTrue(summary.hasAttr("autofocus"), "the browser moves focus there, and scrolls to it, without script");
        assertEquals("-1", summary.attr("tabindex"));
        assertEquals("There is a problem", summary.selectFirst("h2").text());
        assertEquals(
                List.of("#author", "#email", "#url"), summary.select("li a").eachAttr("href"), "in the form's order");
        assertEquals(
                "Please enter your name.",
                summary.selectFirst("a[href=#author]").text());
        assertEquals(
                page.fieldError("email"), summary.selectFirst("a[href=#email]").text());
        assertTrue(page.has("textarea#comment"), "each link has its field");
        assertEquals(1, page.html().select("[autofocus]").size());
        assertEquals("Typed with care", page.fieldValue("comment"));
    }

    @Test
    void aMessageAboutTheWholeFormIsInTheSummaryToo() {
        Article article = data.article("Said twice");
        Browser reader = new Browser();
        Map<String, String> typed = Map.of("comment", "Once", "author", "Twice", "email", "twice@example.org");
        reader.submit(reader.open("/articles/" + article.slug), "#commentform", typed);

        Response again = reader.submit(reader.open("/articles/" + article.slug), "#commentform", typed);

        Page page = Page.of("/comments", again);
        assertTrue(
                page.text("#error-summary .form-error").startsWith("You've already said that"),
                page.text("#error-summary"));
        assertTrue(page.one("#error-summary").select("li").isEmpty());
    }

    @Test
    void theSignInFormHasTheSummaryToo() {
        data.owner();
        Browser person = new Browser();

        Response refused = person.submit(
                person.open("/login"), "#loginform", Map.of("email", "nobody@example.org", "password", "wrong"));

        Page page = Page.of("/login", refused);
        assertEquals("There is a problem", page.text("#loginform #error-summary h2"));
        assertEquals("The email address or the password is not right.", page.text("#error-summary .form-error"));
    }

    @Test
    void theArticleEditorAndTheModeratorsFormsHaveTheSummaryToo() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        Article article = data.article("Moderated");
        long id = data.comment(article, null, "Bob", "Hello", dev.parley.article.CommentStatus.APPROVED).id;

        Page editor = Page.of(
                "/admin/articles",
                owner.submit(owner.open("/admin/articles/new"), "#articleform", Map.of("title", "", "body", "")));
        Page edit = Page.of(
                "/edit",
                owner.submit(owner.open("/moderation/comments/" + id + "/edit"), "#editform", Map.of("comment", " ")));

        assertEquals(
                List.of("#title", "#body"),
                editor.one("#error-summary").select("li a").eachAttr("href"));
        assertEquals(
                List.of("#comment"), edit.one("#error-summary").select("li a").eachAttr("href"));
    }

    @Test
    void noSummaryWhileNothingIsWrong() {
        Article article = data.article("Calm");
        assertTrue(new Browser()
                .open("/articles/" + article.slug)
                .html()
                .select("#error-summary, [autofocus]")
                .isEmpty());
    }
}
