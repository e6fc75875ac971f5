package dev.parley.support;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

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

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }
}
