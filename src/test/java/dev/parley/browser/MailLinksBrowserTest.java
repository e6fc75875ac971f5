package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.identity.AccountRole;
import dev.parley.identity.MailAlerts;
import dev.parley.support.Axe;
import dev.parley.support.Chromium;
import dev.parley.support.ChromiumTest;
import dev.parley.support.Mailbox;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole round of mail as people live it, in Chromium: a guest asks to be told, confirms their address from
 * the mail, a moderator approves from their mail without signing in, the guest hears that their comment is
 * published and opens it, then stops the mail with its link. Every page a mail link opens is checked with axe.
 */
@QuarkusTest
class MailLinksBrowserTest extends ChromiumTest {

    @Inject
    TestData data;

    @Test
    void aGuestIsToldAndAModeratorDecidesFromTheirMail() throws IOException {
        String moderator = data.staffWithAlerts(AccountRole.MODERATOR, MailAlerts.EACH);
        Article article = data.article(TestData.unique("Letters"));
        String guest = TestData.unique("noa").toLowerCase() + "@example.org";
        String name = "נועה 🌿 " + TestData.unique("N");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "articles/" + article.slug);
        browser.findElement(By.id("comment")).sendKeys("שלום! A first comment, with a question: 你好?");
        browser.findElement(By.id("author")).sendKeys(name);
        browser.findElement(By.id("email")).sendKeys(guest);
        browser.findElement(By.id("subscribe_comments")).click();
        browser.findElement(By.id("subscribe_approval")).click();
        browser.findElement(By.id("submit")).click();
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mail-answer")));
        assertTrue(answer.getText().startsWith("A confirmation mail is on its way"), answer.getText());

        // The guest confirms from the mail: the link shows a button, and only the button confirms.
        Mailbox.Received confirmation = Mailbox.await(guest, "Confirm your subscription");
        browser.get(confirmation.link("Confirm your subscription"));
        accessible("confirmation page");
        browser.findElement(By.cssSelector("#confirmform button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmed")));

        // The moderator approves from the alert, in a browser that is signed in as nobody.
        Mailbox.Received alert = Mailbox.await(moderator, article.title);
        assertTrue(alert.subject().startsWith("Please moderate"), alert.subject());
        assertTrue(alert.text().contains(name), alert.text());
        browser.manage().deleteAllCookies();
        browser.get(alert.link("Approve"));
        accessible("decision page");
        browser.findElement(By.cssSelector("#decisionform button[type=submit]")).click();
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-done")));
        assertTrue(done.getText().startsWith("Approved"), done.getText());

        // The guest hears of it and opens the comment from the mail.
        Mailbox.Received published = Mailbox.await(guest, "is now published");
        browser.get(published.link("See it"));
        WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("comment-" + data.onlyCommentOn(article, name).id)));
        assertTrue(comment.getText().contains("A first comment, with a question: 你好?"), comment.getText());

        // And stops the mail about this thread with the link at the bottom.
        browser.get(published.link("Unsubscribe"));
        accessible("unsubscribe page");
        browser.findElement(By.cssSelector("#unsubscribeform button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unsubscribed")));
        Chromium.screenshot(browser, "mail-unsubscribed");
    }

    private void accessible(String where) {
        List<Axe.Violation> violations = Axe.load().check(browser);
        assertEquals(List.of(), violations, where);
    }
}
