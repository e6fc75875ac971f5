package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver, so Selenium never downloads a driver. Required,
 * not optional: {@code .ci/run} installs both, and a test fails when they are missing.
 */
public final class Chromium {

    private static final String CHROMIUM = System.getProperty("parley.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("parley.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {}

    public static ChromeDriver start() {
        return start(true, false);
    }

    /**
     * A browser with JavaScript switched off, as some readers and every crawler have: what works here works
     * without a single script.
     */
    public static ChromeDriver withoutJavaScript() {
        return start(false, false);
    }

    /**
     * Chromium as Safari and Firefox are by default, and Chrome is for users who chose it: cookies of other sites
     * (third-party cookies) are neither sent nor stored.
     */
    public static ChromeDriver startBlockingThirdPartyCookies() {
        return start(true, true);
    }

    private static ChromeDriver start(boolean javaScript, boolean blockThirdPartyCookies) {
        assertTrue(
                new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium is needed for this test: apt-get install -y chromium chromium-driver");
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-dev-shm-usage",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1100,1400",
                    "--user-data-dir=" + Files.createTempDirectory("parley-chromium"));
            java.util.Map<String, Object> prefs = new java.util.HashMap<>();
            if (!javaScript) {
                prefs.put("profile.managed_default_content_settings.javascript", 2);
            }
            if (blockThirdPartyCookies) {
                options.addArguments("--test-third-party-cookie-phaseout");
                prefs.put("profile.block_third_party_cookies", true);
                prefs.put("profile.cookie_controls_mode", 1);
            }
            if (!prefs.isEmpty()) {
                options.setExperimentalOption("prefs", prefs);
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what the browser shows in target/screenshots, for people to look at. */
    public static void screenshot(ChromeDriver browser, String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
