package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.article.Article;
import dev.parley.article.CommentStatus;
import dev.parley.support.Chromium;
import dev.parley.support.ChromiumTest;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Under each comment, “Reply” and “Report” look alike: the same typeface and size. */
@QuarkusTest
class ThreadLinksBrowserTest extends ChromiumTest {

    @Inject
    TestData data;

    @Test
    void replyAndReportShareTheirFontAndSize() {
        Article article = data.article("Links alike");
        data.comment(article, null, "Ada", "Something to answer.", CommentStatus.APPROVED);

        browser.get(base + "articles/" + article.slug);

        WebElement reply = browser.findElement(By.cssSelector(".comment-reply-link"));
        WebElement report = browser.findElement(By.cssSelector(".comment-report-link"));
        assertEquals(reply.getCssValue("font-family"), report.getCssValue("font-family"));
        assertEquals(reply.getCssValue("font-size"), report.getCssValue("font-size"));
        Chromium.screenshot(browser, "reply-and-report");
    }
}
