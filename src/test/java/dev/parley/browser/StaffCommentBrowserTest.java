package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.identity.AccountRole;
import dev.parley.support.Chromium;
import dev.parley.support.ChromiumTest;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A moderator on an article page, keyboard only: comments as themselves and sees it published, marked Staff. */
@QuarkusTest
class StaffCommentBrowserTest extends ChromiumTest {

    @Inject
    TestData data;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 375})
    void aModeratorCommentsAsThemselves(int width) {
        Article article = data.article("Staff in a browser");
        String email = data.account(AccountRole.MODERATOR);
        String name = data.accountByEmail(email).displayName;
        browser.manage().window().setSize(new Dimension(width, 900));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/moderation"));

        browser.get(base + "articles/" + article.slug + "#respond");
        WebElement loggedIn = browser.findElement(By.cssSelector("#commentform .logged-in-as"));
        assertEquals("Logged in as " + name + ". Log out", loggedIn.getText().replaceAll("\\s+", " "));
        Chromium.screenshot(browser, "staff-comment-form-" + width);
        WebElement comment = browser.findElement(By.id("comment"));
        comment.sendKeys("A word from the site.");
        // The keyboard alone: Tab past the "Notify me" box to the button, then Enter.
        comment.sendKeys(Keys.TAB);
        for (int step = 0;
                step < 5 && !"submit".equals(browser.switchTo().activeElement().getAttribute("id"));
                step++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("submit", browser.switchTo().activeElement().getAttribute("id"), "Tab reaches the button");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        WebElement mine =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment .staff-badge")));
        assertEquals("Staff", mine.getText());
        assertTrue(
                browser.findElements(By.cssSelector(".comment-awaiting-moderation"))
                        .isEmpty(),
                "published at once");
        Chromium.screenshot(browser, "staff-comment-published-" + width);
    }
}
