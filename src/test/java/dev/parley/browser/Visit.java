package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.identity.SessionService;
import dev.parley.support.TestData;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a line of {@link PageStates} may do to reach its state: open pages, type, press buttons, as a person. */
public final class Visit {

    /** Who looks at the page. */
    public enum Who {
        GUEST,
        READER,
        MODERATOR,
        OWNER
    }

    private final ChromeDriver browser;
    private final String base;
    private final PageFixtures fixtures;
    private final TestData data;
    private final WebDriverWait wait;
    private Who who;
    private String owner;

    Visit(ChromeDriver browser, String base, PageFixtures fixtures, TestData data) {
        this.browser = browser;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.fixtures = fixtures;
        this.data = data;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    public PageFixtures fixtures() {
        return fixtures;
    }

    /** Opens a path of the site ("/moderation?tab=spam"). */
    public void open(String path) {
        browser.get(base + path);
    }

    public void type(String css, String text) {
        WebElement field = browser.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }

    public void clear(String css) {
        browser.findElement(By.cssSelector(css)).clear();
    }

    public void click(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    /** Presses a button that sends a form and waits for the answer. */
    public void press(String css) {
        browser.executeScript("window.parleyPageBefore = true;");
        browser.findElement(By.cssSelector(css)).click();
        wait.until(d -> Boolean.TRUE.equals(
                browser.executeScript("return !window.parleyPageBefore && document.readyState === 'complete';")));
    }

    /**
     * Sends the button's form without the browser's own checks (required, type=email...), as an old browser or a
     * script would: what comes back is Parley's page with a message next to each faulty field.
     */
    public void pressUnchecked(String css) {
        browser.executeScript("arguments[0].form.noValidate = true;", browser.findElement(By.cssSelector(css)));
        press(css);
    }

    /**
     * Presses a button that asks in a dialog first, as a browser without the dialog script would: the server
     * answers with its confirmation page.
     */
    public void pressWithoutDialog(String css) {
        browser.executeScript(
                "arguments[0].removeAttribute('data-confirm');", browser.findElement(By.cssSelector(css)));
        press(css);
    }

    /** Waits until the page shows this (so that a state is the one its name says). */
    public void sees(String css) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Ends the set-up: the site has an owner from now on. */
    public void siteHasOwner() {
        if (owner == null) {
            owner = data.owner();
        }
    }

    /** Fails unless the element spans the whole width inside the box around it (no text squeezed into a column). */
    public void fillsItsBox(String css, String box) {
        Number share = (Number) browser.executeScript("""
                var element = document.querySelector(arguments[0]), around = element.closest(arguments[1]);
                var style = getComputedStyle(around);
                var inside = around.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                return element.getBoundingClientRect().width / inside;
                """, css, box);
        assertTrue(share.doubleValue() > 0.95, css + " fills only " + share + " of " + box);
    }

    /** Becomes someone else, signing in (accounts are created at their first use) or out. */
    void as(Who next) {
        if (next == who) {
            return;
        }
        open("/");
        browser.manage().deleteAllCookies();
        switch (next) {
            case GUEST -> {}
            case READER -> browser.manage().addCookie(new Cookie(SessionService.COOKIE, fixtures.readerSession()));
            case MODERATOR -> signIn(data.moderator());
            case OWNER -> {
                siteHasOwner();
                signIn(owner);
            }
        }
        who = next;
    }

    private void signIn(String email) {
        open("/login");
        type("#email", email);
        type("#password", TestData.PASSWORD);
        press("#loginform button[type=submit]");
    }

    /** Makes the page this wide (and high), exactly, as a phone or a desktop window would. */
    void viewport(int width, int height) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }
}
