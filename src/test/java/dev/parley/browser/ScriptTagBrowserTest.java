package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.CommentStatus;
import dev.parley.provider.ProviderAdminService;
import dev.parley.site.Site;
import dev.parley.support.Axe;
import dev.parley.support.Chromium;
import dev.parley.support.KeycloakResource;
import dev.parley.support.Nginx;
import dev.parley.support.Ports;
import dev.parley.support.ReadmeSnippets;
import dev.parley.support.SiteData;
import dev.parley.support.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The script tag of the README on a host site served by nginx from another origin ({@code http://localhost:P},
 * Parley being at {@code http://127.0.0.1:Q}), in Chromium with JavaScript on and third-party cookies blocked.
 * The host pages are built from the README's snippets, so what a reader copies is what runs here.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class ScriptTagBrowserTest {

    static final String THREAD_SECTION = "### Static sites (Hugo, Jekyll, plain HTML): the script tag";
    static final String COUNTS_SECTION = "### Comment counts on listing pages";
    private static final String README_PARLEY = "https://comments.example.org/";
    private static final String README_BLOG = "https://blog.example.org";

    private static Nginx host;
    private static Path root;
    private static int hostPort;
    private static int strangerPort;
    private static Site site;

    @Inject
    TestData data;

    @Inject
    SiteData sites;

    @Inject
    ProviderAdminService providers;

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void hostSiteAndBrowser() throws IOException {
        if (host == null) {
            // Readable by nginx's workers, whichever user they run as.
            root = Files.createTempDirectory(
                    "parley-host-site",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            hostPort = Ports.free();
            strangerPort = Ports.free();
            host = Nginx.staticSite(root, root.resolveSibling(root.getFileName() + "-nginx"), hostPort, strangerPort);
        }
        if (site == null) {
            // The host's origin only; the stranger's port is another origin nobody registered.
            site = data.site(TestData.unique("Host site"), hostOrigin());
        }
        browser = Chromium.startBlockingThirdPartyCookies();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // The script replaces the thread's content as it loads: an element found a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterAll
    static void stopHostSite() throws InterruptedException {
        if (host != null) {
            host.close();
            host = null;
            site = null;
        }
    }

    private String hostOrigin() {
        return "http://localhost:" + hostPort;
    }

    /** Parley as the host page names it: another site than the host's (127.0.0.1, not localhost). */
    private String parley() {
        return "http://127.0.0.1:" + base.getPort() + "/";
    }

    private String fromReadme(String snippet) {
        return snippet.replace(README_PARLEY, parley()).replace(README_BLOG, hostOrigin());
    }

    /** A host page at {@code /posts/<name>/}, its thread put in with the README's script tag and theme. */
    private String postPage(String name, String title) throws IOException {
        Path folder = Files.createDirectories(root.resolve("posts").resolve(name));
        Files.writeString(folder.resolve("index.html"), """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <style>
                p { color: rgb(160, 0, 0); }
                %s</style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                <p id="host-words">The host's own words, <a id="host-link" href="/">and a link of its own</a>.</p>
                %s</main>
                </body>
                </html>
                """.formatted(
                        title,
                        ReadmeSnippets.block(THREAD_SECTION, "css", 0),
                        title,
                        fromReadme(ReadmeSnippets.block(THREAD_SECTION, "html", 0))));
        return "/posts/" + name + "/";
    }

    /** Waits for the script to show the thread (or its failure) and gives the thread's shadow root. */
    private SearchContext thread() {
        // The wait ignores "no such element" while a navigation is still loading the page.
        WebElement element = wait.until(d -> d.findElement(By.cssSelector("div[data-parley-thread]")));
        wait.until(d -> element.getAttribute("data-parley-state") != null);
        return element.getShadowRoot();
    }

    @Test
    void theThreadAppearsStyledByParleyAndThemedByTheHostWithoutLeaks() throws IOException {
        String name = TestData.unique("first");
        String path = postPage(name, "A post with comments");
        Article thread = sites.thread(site, hostOrigin() + path, "url:" + hostOrigin() + path, "A post with comments");
        data.comment(thread, null, "Ada", "Read from the host page.", CommentStatus.APPROVED);

        browser.get(hostOrigin() + path);
        SearchContext shadow = thread();

        WebElement comment = shadow.findElement(By.cssSelector(".comment .comment-content p"));
        assertEquals("Read from the host page.", comment.getText());
        assertNotEquals(
                "rgba(160, 0, 0, 1)", comment.getCssValue("color"), "the host's p rule stays out of the thread");
        assertEquals(
                "rgba(160, 0, 0, 1)", browser.findElement(By.id("host-words")).getCssValue("color"));
        WebElement link = shadow.findElement(By.cssSelector(".comment-reply-link"));
        assertEquals("rgba(11, 110, 79, 1)", link.getCssValue("color"), "--parley-accent from the host page");
        assertNotEquals(
                "rgba(37, 97, 168, 1)",
                browser.findElement(By.id("host-link")).getCssValue("color"),
                "Parley's link colour stays out of the host page");
        Chromium.screenshot(browser, "script-tag-thread");

        List<Axe.Violation> violations = Axe.load().check(browser);
        assertTrue(violations.isEmpty(), violations::toString);

        // Replying to a comment opens the form under it, in the host page (Parley's page without the script).
        link.click();
        WebElement title = wait.until(d -> shadow.findElements(By.cssSelector("#reply-title")).stream()
                .filter(t -> t.getText().startsWith("Leave a Reply to Ada"))
                .findFirst()
                .orElse(null));
        assertTrue(title.isDisplayed());
        assertTrue(browser.getCurrentUrl().startsWith(hostOrigin() + path), browser.getCurrentUrl());
        assertEquals(
                String.valueOf(data.onlyCommentOn(thread, "Ada").id),
                shadow.findElement(By.cssSelector("#comment_parent")).getAttribute("value"));
    }

    @Test
    void aGuestRepliesMakesAMistakeKeepsTheTextAndSeesTheirPendingComment() throws IOException {
        String path = postPage(TestData.unique("reply"), "A post to reply to");
        String author = TestData.unique("Script Reader");
        String text = "Posted from another site's page,\nwith its cookies blocked.";

        browser.get(hostOrigin() + path);
        SearchContext shadow = thread();
        shadow.findElement(By.cssSelector("#comment")).sendKeys(text);
        shadow.findElement(By.cssSelector("#author")).sendKeys(author);
        // A mistake the server finds (the browser's own check passes): an address of a kind Parley refuses.
        WebElement url = shadow.findElement(By.cssSelector("#url"));
        url.sendKeys("ftp://reader.example/");
        shadow.findElement(By.cssSelector("#email")).sendKeys("reader@example.org");
        shadow.findElement(By.cssSelector("#subscribe_comments")).click();
        shadow.findElement(By.cssSelector("#submit")).click();

        WebElement error = wait.until(d -> shadow.findElements(By.cssSelector("#url-error")).stream()
                .findFirst()
                .orElse(null));
        assertTrue(error.getText().contains("http://"), error.getText());
        assertEquals(text, shadow.findElement(By.cssSelector("#comment")).getAttribute("value"), "the text is kept");
        assertEquals(author, shadow.findElement(By.cssSelector("#author")).getAttribute("value"));
        assertTrue(browser.getCurrentUrl().startsWith(hostOrigin() + path), "still on the host page");
        assertEquals(0, data.commentsBy(author));

        WebElement fixed = shadow.findElement(By.cssSelector("#url"));
        fixed.clear();
        fixed.sendKeys("https://reader.example/");
        shadow.findElement(By.cssSelector("#submit")).click();

        WebElement notice = wait.until(
                d -> shadow.findElements(By.cssSelector(".comment.awaiting .comment-awaiting-moderation")).stream()
                        .findFirst()
                        .orElse(null));
        assertEquals("Your comment is awaiting moderation.", notice.getText());
        long id = data.onlyCommentBy(author).id;
        assertEquals(
                author,
                shadow.findElement(By.cssSelector("#comment-" + id + " .comment-author"))
                        .getText());
        assertTrue(browser.getCurrentUrl().startsWith(hostOrigin() + path), "still on the host page");
        assertTrue(
                shadow.findElement(By.cssSelector("#comment-" + id + " #mail-answer"))
                        .getText()
                        .startsWith("A confirmation mail is on its way"),
                "the \"Notify me\" box is answered under the comment");
        Chromium.screenshot(browser, "script-tag-own-pending-comment");

        // Another visit of the page still shows it: the commenter token lives in the host page's storage.
        browser.navigate().refresh();
        SearchContext again = thread();
        assertEquals(
                "Your comment is awaiting moderation.",
                again.findElement(By.cssSelector("#comment-" + id + " .comment-awaiting-moderation"))
                        .getText());
        assertEquals(
                0L,
                browser.executeScript("return document.cookie.length;"),
                "no cookie on the host page, and none needed at Parley's");

        List<Axe.Violation> violations = Axe.load().check(browser);
        assertTrue(violations.isEmpty(), violations::toString);
    }

    @Test
    void anUnregisteredOriginGetsAReadableMessage() throws IOException {
        String path = postPage(TestData.unique("stranger"), "A stranger's post");

        browser.get("http://localhost:" + strangerPort + path);
        SearchContext shadow = thread();

        String message = shadow.findElement(By.cssSelector(".parley-problem")).getText();
        assertTrue(message.startsWith("The comments could not be loaded."), message);
        assertTrue(message.contains("http://localhost:" + strangerPort), message);
    }

    @Test
    void countsOnAListingPageComeFromOneRequest() throws IOException {
        String listing = fromReadme(ReadmeSnippets.block(COUNTS_SECTION, "html", 0));
        String first = hostOrigin() + "/posts/first/";
        String second = hostOrigin() + "/posts/second/";
        assertTrue(listing.contains(first) && listing.contains(second), listing);
        Article firstThread = sites.thread(site, first, "url:" + first, "First");
        Article secondThread = sites.thread(site, second, "url:" + second, "Second");
        data.comment(firstThread, null, "Ada", "One", CommentStatus.APPROVED);
        data.comment(firstThread, null, "Cy", "Two", CommentStatus.APPROVED);
        data.comment(secondThread, null, "Bob", "Waiting", CommentStatus.PENDING);
        Files.writeString(root.resolve("list.html"), """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>All posts</title></head>
                <body><main><h1>All posts</h1>
                %s</main></body>
                </html>
                """.formatted(listing));

        browser.get(hostOrigin() + "/list.html");
        List<WebElement> links = browser.findElements(By.cssSelector("a[data-parley-count]"));
        wait.until(d -> links.stream().noneMatch(a -> a.getText().equals("Comments")));

        assertEquals("2 comments", links.get(0).getText());
        assertEquals("No comments yet", links.get(1).getText(), "a pending comment is not counted");
        assertEquals(
                1L,
                browser.executeScript("return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/embed/counts')).length;"));
        assertEquals(
                0L,
                browser.executeScript(
                        "return performance.getEntriesByType('resource')"
                                + ".filter(e => !e.name.startsWith(arguments[0]) && !e.name.startsWith(arguments[1])).length;",
                        hostOrigin(),
                        parley()),
                "nothing asked of any third party");
    }

    @Test
    void aReaderSignsInWithKeycloakFromTheScriptTagsThreadComesBackSignedInWithTheDraftPostsAndLogsOut()
            throws IOException {
        long providerId = KeycloakResource.registerWith(providers, false);
        String path = postPage(TestData.unique("signin"), "A post to sign in on");
        String draft = "Drafted in the script tag's thread.";
        try {
            browser.get(hostOrigin() + path);
            SearchContext shadow = thread();
            shadow.findElement(By.cssSelector("#comment")).sendKeys(draft);
            shadow.findElement(By.cssSelector("#commentform button[formaction$='/auth/" + providerId + "/start']"))
                    .click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
            browser.findElement(By.id("username")).sendKeys("rita");
            browser.findElement(By.id("password")).sendKeys(KeycloakResource.readerPassword());
            browser.findElement(By.id("kc-login")).click();

            wait.until(d -> d.getCurrentUrl().startsWith(hostOrigin()));
            SearchContext back = thread();
            WebElement signedIn = wait.until(d -> back.findElements(By.cssSelector(".logged-in-as span")).stream()
                    .findFirst()
                    .orElse(null));
            assertEquals("You are commenting using your Keycloak account as Rita Reader.", signedIn.getText());
            assertEquals(hostOrigin() + path + "#respond", browser.getCurrentUrl(), "the one-time code is gone");
            assertEquals(
                    draft, back.findElement(By.cssSelector("#comment")).getAttribute("value"), "the draft is back");
            assertEquals(0L, browser.executeScript("return document.cookie.length;"), "no cookie on the host page");
            Chromium.screenshot(browser, "script-tag-signed-in");
            List<Axe.Violation> violations = Axe.load().check(browser);
            assertTrue(violations.isEmpty(), violations::toString);

            back.findElement(By.cssSelector("#submit")).click();
            WebElement notice = wait.until(
                    d -> back.findElements(By.cssSelector(".comment.awaiting .comment-awaiting-moderation")).stream()
                            .findFirst()
                            .orElse(null));
            assertEquals("Your comment is awaiting moderation.", notice.getText());
            WebElement mine = back.findElement(By.cssSelector(".comment.awaiting"));
            assertEquals(
                    "Rita Reader",
                    mine.findElement(By.cssSelector(".comment-author")).getText());
            assertEquals(
                    draft,
                    mine.findElement(By.cssSelector(".comment-content p")).getText());

            // Log Out ends the session at Parley and at Keycloak, and comes back to the page as a guest.
            // A mark on this document tells when the next one has loaded. Checking the old element for staleness
            // races the navigation: Chromium may answer "node does not belong to the document" instead.
            browser.executeScript("window.parleySignedInPage = true;");
            back.findElement(By.cssSelector("#reader-logout")).click();
            wait.until(d -> aNewDocumentHasLoaded());
            wait.until(d -> d.getCurrentUrl().startsWith(hostOrigin() + path));
            SearchContext guest = thread();
            wait.until(d -> !guest.findElements(By.cssSelector("#commentform")).isEmpty());
            assertTrue(guest.findElements(By.cssSelector(".logged-in-as")).isEmpty(), "signed out");
            assertEquals(
                    1,
                    guest.findElements(
                                    By.cssSelector("#commentform button[formaction$='/auth/" + providerId + "/start']"))
                            .size(),
                    "the sign-in button again");
            assertEquals(
                    0L,
                    browser.executeScript(
                            "return Object.keys(localStorage).filter(k => k.startsWith('parley-reader')).length;"),
                    "the page keeps no session");
        } catch (RuntimeException | AssertionError e) {
            Chromium.screenshot(browser, "script-tag-sign-in-failure");
            Files.writeString(
                    Path.of("target", "screenshots", "script-tag-sign-in-failure.html"),
                    browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw e;
        } finally {
            providers.setEnabled(providerId, false);
        }
    }

    /** True once the document marked before a navigation has been replaced by one that finished loading. */
    private boolean aNewDocumentHasLoaded() {
        try {
            return Boolean.TRUE.equals(browser.executeScript(
                    "return window.parleySignedInPage === undefined && document.readyState === 'complete';"));
        } catch (WebDriverException midNavigation) {
            return false;
        }
    }
}
