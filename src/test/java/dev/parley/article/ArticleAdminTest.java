package dev.parley.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The owner writes, publishes, closes and deletes articles in /admin. */
@QuarkusTest
class ArticleAdminTest {

    @Inject
    TestData data;

    @Test
    void ownerWritesAnArticleThatReadersSeeOnTheFrontPage() {
        Browser owner = owner();
        String title = TestData.unique("Spring issue");
        Page editor = owner.open("/admin/articles/new");
        Page list = owner.follow(owner.submit(
                editor,
                "#articleform",
                Map.of(
                        "title",
                        title,
                        "body",
                        "# Heading\n\nSome *emphasis* and <script>alert(1)</script>"
                                + " [a link](javascript:alert(1)).",
                        "format",
                        "MARKDOWN")));

        assertEquals("Article saved.", list.text(".notice"));
        Element row = list.html().select(".article-row").stream()
                .filter(r -> r.selectFirst(".article-title").text().equals(title))
                .findFirst()
                .orElseThrow();
        String slug = row.selectFirst(".slug").text().substring("/articles/".length());
        assertEquals(title.toLowerCase().replace(' ', '-'), slug, "the address is made from the title");

        Page front = new Browser().open("/");
        assertEquals(title, front.text(".article-summary h2 a"), "newest first");
        Page article = new Browser().open("/articles/" + slug);
        assertEquals("Heading", article.text(".post-body h1"));
        assertEquals("emphasis", article.text(".post-body em"));
        assertTrue(article.html().select(".post-body script").isEmpty());
        assertTrue(article.text(".post-body").contains("<script>alert(1)</script>"), "raw HTML is shown as text");
        assertFalse(article.one(".post-body a").attr("href").startsWith("javascript"));
    }

    @Test
    void mistakesComeBackWithMessagesAndTheTextKept() {
        Browser owner = owner();
        Article existing = data.article("Taken");
        Page editor = owner.open("/admin/articles/new");
        String body = "A long draft that must not be lost.\n".repeat(50);

        Response answer =
                owner.submit(editor, "#articleform", Map.of("title", "", "slug", existing.slug, "body", body));

        assertEquals(400, answer.statusCode());
        Page page = new Page("editor", 400, Jsoup.parse(answer.asString()));
        assertEquals("Please give the article a title.", page.fieldError("title"));
        assertEquals("The address is already used by “Taken”.", page.fieldError("slug"));
        assertEquals(body, page.fieldValue("body"));

        Response badSlug =
                owner.submit(editor, "#articleform", Map.of("title", "T", "slug", "Not A Slug!", "body", "b"));
        assertEquals(
                "Use lower-case letters, digits and single hyphens only, such as my-first-article.",
                new Page("editor", 400, Jsoup.parse(badSlug.asString())).fieldError("slug"));
    }

    @Test
    void editingKeepsTheAddressAndDraftsAreNotPublic() {
        Browser owner = owner();
        Article article = data.article("Before");
        Page editor = owner.open("/admin/articles/" + article.id);
        assertEquals("Before", editor.fieldValue("title"));

        Map<String, String> changes = new HashMap<>(Map.of("title", "After"));
        changes.put("published", null);
        owner.submit(editor, "#articleform", changes);

        assertEquals(404, new Browser().open("/articles/" + article.slug).status(), "a draft is not public");
        owner.submit(owner.open("/admin"), "#article-" + article.id + " form[action$=/publish]", Map.of());
        assertEquals("After", new Browser().open("/articles/" + article.slug).text("h1.post-title"));
    }

    @Test
    void closingCommentsHidesTheFormAndOpeningBringsItBack() {
        Browser owner = owner();
        Article article = data.article("Close me");
        owner.submit(owner.open("/admin"), "#article-" + article.id + " form[action$=/close]", Map.of());
        Page closed = new Browser().open("/articles/" + article.slug);
        assertFalse(closed.has("#commentform"));
        assertEquals("Comments are closed.", closed.text(".comments-closed"));
        assertTrue(
                owner.open("/admin").text("#article-" + article.id + " .status").contains("comments closed"));

        owner.submit(owner.open("/admin"), "#article-" + article.id + " form[action$=/open]", Map.of());
        assertTrue(new Browser().open("/articles/" + article.slug).has("#commentform"));
    }

    @Test
    void deletingAsksFirstThenRemovesTheArticleAndItsComments() {
        Browser owner = owner();
        Article article = data.article("Doomed");
        String author = TestData.unique("Commenter");
        data.comment(article, null, author, "bye", dev.parley.article.CommentStatus.APPROVED);

        Page confirm = owner.open(
                owner.open("/admin").one("#article-" + article.id + " a.danger").attr("href"));
        assertEquals("Delete “Doomed”?", confirm.text("h1"));
        assertTrue(confirm.shows("1 approved comment"));
        Page list = owner.follow(owner.submit(confirm, "#deleteform", Map.of()));

        assertEquals("Article deleted, with its comments.", list.text(".notice"));
        assertFalse(list.has("#article-" + article.id));
        assertEquals(404, new Browser().open("/articles/" + article.slug).status());
        assertEquals(0, data.commentsBy(author));
    }

    @Test
    void aFreshInstallHasTheSampleArticleWithAComment() {
        Page hello = new Browser().open("/articles/hello-world");
        assertEquals("Hello world!", hello.text("h1.post-title"));
        assertEquals("A Parley Commenter", hello.text(".comment-author"));
    }

    private Browser owner() {
        Browser browser = new Browser();
        browser.signIn(data.owner(), TestData.PASSWORD);
        return browser;
    }
}
