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
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reply form sent with a mistake, in a real browser: the page opens at the error summary with focus on it,
 * however far down the form is, and reloading it afterwards leads back to the article.
 */
@QuarkusTest
class FormErrorBrowserTest extends ChromiumTest {

    @Inject
    TestData data;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 375})
    void theErrorSummaryIsInViewWithFocusAndReloadingLeadsBackToTheArticle(int width) {
        Article article = data.article("Far down");
        for (int i = 0; i < 12; i++) {
            data.comment(
                    article,
                    null,
                    "Reader " + i,
                    "A comment that takes some room.\n\n".repeat(3),
                    CommentStatus.APPROVED);
        }
        browser.manage().window().setSize(new Dimension(width, 800));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "articles/" + article.slug);

        browser.findElement(By.id("comment")).sendKeys("Typed with care");
        browser.findElement(By.id("author")).sendKeys("Ann");
        // Valid to the browser, not to Parley: the server's message is what this is about.
        browser.findElement(By.id("email")).sendKeys("ann@example", Keys.ENTER);

        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertEquals("error-summary", browser.switchTo().activeElement().getAttribute("id"), "focus is on it");
        assertTrue(inView(summary), "scrolled into view");
        Chromium.screenshot(browser, "reply-error-summary-" + width);

        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals(
                "#email",
                browser.switchTo().activeElement().getAttribute("href").replaceAll(".*#", "#"));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertTrue(inView(browser.findElement(By.id("email"))));

        browser.get(browser.getCurrentUrl().replaceAll("#.*", ""));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1.post-title")));
        assertEquals(
                "Far down", browser.findElement(By.cssSelector("h1.post-title")).getText());
    }

    private boolean inView(WebElement element) {
        Object visible = browser.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;",
                element);
        return Boolean.TRUE.equals(visible);
    }
}
