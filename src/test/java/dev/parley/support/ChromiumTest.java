package dev.parley.support;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test in headless Chromium against the running application: a fresh browser per test, closed after it.
 * Chromium is required, not optional: {@code .ci/run} installs it, and these tests fail when it is missing.
 */
public abstract class ChromiumTest {

    /** The application's address, ending in "/". */
    @TestHTTPResource("/")
    protected URL base;

    protected ChromeDriver browser;

    @BeforeEach
    void startChromium() {
        browser = Chromium.start();
    }

    /** Signs in with a local account on the sign-in page, as a person types it, and waits until it is left. */
    protected void signInAs(String email) {
        browser.get(base + "login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
        browser.findElement(By.cssSelector("#loginform button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }
}
