package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Chromium;
import dev.parley.support.ChromiumTest;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A moderator works through the queue with the keyboard, in headless Chromium. */
@QuarkusTest
class QueueKeyboardTest extends ChromiumTest {

    @Inject
    TestData data;

    @Test
    void jMovesAApprovesSMarksSpamRReplies() {
        Article article = data.article("Keyboard");
        Comment older = data.comment(article, null, TestData.unique("Older"), "first", CommentStatus.PENDING);
        Comment newer = data.comment(article, null, TestData.unique("Newer"), "second", CommentStatus.PENDING);
        Comment third = data.comment(article, null, TestData.unique("Third"), "third", CommentStatus.PENDING);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signInAs(data.moderator());
        String queue = base + "moderation?article=" + article.slug;

        browser.get(queue);
        assertTrue(browser.findElement(By.id("shortcuts")).getText().contains("a approve"));
        Chromium.screenshot(browser, "queue");
        new Actions(browser).sendKeys("j").perform();
        wait.until(ExpectedConditions.attributeContains(By.id("queue-" + third.id), "class", "current"));
        new Actions(browser).sendKeys("j").perform();
        wait.until(ExpectedConditions.attributeContains(By.id("queue-" + newer.id), "class", "current"));
        new Actions(browser).sendKeys("a").perform();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "1 comment approved."));
        assertEquals(CommentStatus.APPROVED, data.statusOf(newer.id));

        new Actions(browser).sendKeys("j").perform();
        new Actions(browser).sendKeys("s").perform();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "1 comment marked as spam."));
        assertEquals(CommentStatus.SPAM, data.statusOf(third.id), "after a decision the queue starts from the top");

        new Actions(browser).sendKeys("j").perform();
        new Actions(browser).sendKeys("r").perform();
        wait.until(ExpectedConditions.urlContains("/moderation/comments/" + older.id + "/reply"));
        assertEquals(CommentStatus.PENDING, data.statusOf(older.id));
        Chromium.screenshot(browser, "queue-keyboard-reply");
    }

    @Test
    void shortcutsNeverActWhileTypingAndCanBeSwitchedOffForGood() {
        Article article = data.article("Keyboard off");
        Comment pending = data.comment(article, null, TestData.unique("Waiting"), "still", CommentStatus.PENDING);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signInAs(data.moderator());
        String queue = base + "moderation?article=" + article.slug;
        browser.get(queue);

        browser.findElement(By.id("f-author")).sendKeys("ja");
        assertEquals("ja", browser.findElement(By.id("f-author")).getAttribute("value"));
        assertTrue(browser.findElements(By.cssSelector(".queue-item.current")).isEmpty(), "typing moves nothing");

        WebElement toggle = browser.findElement(By.id("shortcuts-on"));
        assertTrue(toggle.isDisplayed() && toggle.isSelected(), "on, with a visible switch");
        toggle.click();
        browser.get(queue);
        assertFalse(browser.findElement(By.id("shortcuts-on")).isSelected(), "remembered in this browser");
        new Actions(browser).sendKeys("j").perform();
        new Actions(browser).sendKeys("a").perform();
        assertTrue(browser.findElements(By.cssSelector(".queue-item.current")).isEmpty());
        assertEquals(CommentStatus.PENDING, data.statusOf(pending.id));

        browser.findElement(By.id("shortcuts-on")).click();
        new Actions(browser).sendKeys("j").perform();
        wait.until(ExpectedConditions.attributeContains(By.id("queue-" + pending.id), "class", "current"));
    }
}
