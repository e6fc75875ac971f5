package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.CommentStatus;
import dev.parley.support.Chromium;
import dev.parley.support.ChromiumTest;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** With JavaScript, “Delete permanently” asks in a dialog on the queue itself, and Cancel (or Escape) keeps the comment. */
@QuarkusTest
class ConfirmDialogTest extends ChromiumTest {

    @Inject
    TestData data;

    @Test
    void deletePermanentlyAsksInADialogAndDeletesOnlyWhenConfirmed() {
        Article article = data.article("Dialog");
        String author = TestData.unique("Binned");
        long id = data.comment(article, null, author, "trash talk", CommentStatus.TRASH).id;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signInAs(data.moderator());
        browser.get(base + "moderation?tab=trash&article=" + article.slug);

        WebElement delete = browser.findElement(By.cssSelector("#queue-" + id + " .queue-actions button.delete"));
        delete.click();
        WebElement dialog =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm-dialog")));
        assertEquals(
                "Delete the comment by " + author + " permanently? Its text cannot be restored.",
                browser.findElement(By.id("confirm-dialog-text")).getText().replaceAll("[\u2068\u2069]", ""),
                "the name is isolated, the marks are invisible");
        assertEquals(
                "confirm-dialog-no", browser.switchTo().activeElement().getAttribute("id"), "Cancel has the focus");
        Chromium.screenshot(browser, "confirm-dialog");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertNotNull(data.findComment(id), "Escape keeps the comment");
        assertTrue(browser.getCurrentUrl().contains("tab=trash"), "still on the queue");

        delete.click();
        wait.until(ExpectedConditions.visibilityOf(dialog));
        browser.findElement(By.id("confirm-dialog-yes")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".notice"), "1 comment deleted permanently."));
        assertNull(data.findComment(id));
    }
}
