package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.CommentStatus;
import dev.parley.support.Chromium;
import dev.parley.support.ChromiumTest;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader in a real browser (headless Chromium): the form works without any JavaScript of ours.
 * Chromium is required, not optional: {@code .ci/run} installs Debian's chromium and chromium-driver,
 * and this test fails when they are missing.
 */
@QuarkusTest
class ReaderBrowserTest extends ChromiumTest {

    @Inject
    TestData data;

    @Test
    void readerRepliesAndSeesTheirCommentAwaitingModeration() throws IOException {
        Article article = data.article("Browser");
        data.comment(article, null, "Ada", "Is anyone there?", CommentStatus.APPROVED);
        String author = TestData.unique("Chromium Reader");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "articles/" + article.slug);
        browser.findElement(By.cssSelector(".comment-reply-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-comment-reply-link")));
        assertTrue(browser.findElement(By.id("reply-title")).getText().startsWith("Leave a Reply to Ada"));

        browser.findElement(By.id("comment")).sendKeys("Yes, I am here.\n\nWith a second paragraph.");
        browser.findElement(By.id("author")).sendKeys(author);
        browser.findElement(By.id("email")).sendKeys("reader@example.org");
        browser.findElement(By.id("url")).sendKeys("https://reader.example.org/");
        browser.findElement(By.id("submit")).click();

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".comment.awaiting .comment-awaiting-moderation")));
        assertEquals("Your comment is awaiting moderation.", notice.getText());
        long id = data.onlyCommentBy(author).id;
        assertTrue(browser.getCurrentUrl().endsWith("#comment-" + id), browser.getCurrentUrl());
        WebElement mine = browser.findElement(By.id("comment-" + id));
        assertEquals(author, mine.findElement(By.cssSelector(".comment-author")).getText());
        assertEquals(2, mine.findElements(By.cssSelector(".comment-content p")).size());
        assertEquals("children", mine.findElement(By.xpath("..")).getAttribute("class"), "nested under Ada's comment");
        Chromium.screenshot(browser, "reader-awaiting-moderation");
    }

    @Test
    void moderatorSignsInAndApprovesFromTheQueue() throws IOException {
        Article article = data.article("Queue in a browser");
        String author = TestData.unique("Queued Reader");
        long id = data.comment(
                        article,
                        null,
                        author,
                        "Please approve me.\nhttps://example.org/ is my site.",
                        CommentStatus.PENDING)
                .id;
        String owner = data.owner();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "moderation?page=" + Integer.MAX_VALUE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginform")));
        browser.findElement(By.id("email")).sendKeys(owner);
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.cssSelector("#loginform button")).click();

        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-" + id)));
        Chromium.screenshot(browser, "moderation-queue");
        item.findElement(By.cssSelector("button.approve")).click();
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertEquals("1 comment approved.", notice.getText());
        assertEquals(CommentStatus.APPROVED, data.statusOf(id));

        browser.get(base + "admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.rows")));
        Chromium.screenshot(browser, "admin-articles");
        browser.get(base + "articles/" + article.slug);
        assertEquals(
                author,
                browser.findElement(By.cssSelector("#comment-" + id + " .comment-author"))
                        .getText());
    }
}
