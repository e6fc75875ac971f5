package dev.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.provider.ProviderAdminService;
import dev.parley.support.ApacheSsi;
import dev.parley.support.Browser;
import dev.parley.support.Chromium;
import dev.parley.support.HostSite;
import dev.parley.support.KeycloakResource;
import dev.parley.support.NginxSsi;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import dev.parley.support.VarnishEsi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's recipes, run for real: nginx with SSI, Varnish with ESI and Apache with mod_include serve the
 * demo blog ({@code docker/embed/blog}) and pass {@code /comments/} to this Parley. Readers use Chromium with
 * JavaScript switched off: everything they do works without a script.
 */
@QuarkusTest
@TestProfile(IncludeRecipesProfile.class)
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class IncludeRecipesBrowserTest {

    /** Parley's s-maxage for the anonymous thread: the bound the README states for shared caches. */
    static final Duration CACHE_BOUND = Duration.ofSeconds(10);

    private static NginxSsi nginx;
    private static VarnishEsi varnish;
    private static ApacheSsi apache;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    ProviderAdminService providers;

    @BeforeEach
    void startTheHostSites() {
        data.baselineSettings();
        if (nginx != null) {
            return;
        }
        Path folder = Path.of("target", "include-recipes");
        String parley = "127.0.0.1:" + base.getPort();
        nginx = NginxSsi.start(folder.resolve("nginx"), HostSite.nginxPages(), parley);
        try {
            int varnishPort = VarnishEsi.reservePort();
            varnish = VarnishEsi.start(
                    folder.resolve("varnish"),
                    HostSite.esiPages(folder.resolve("varnish-pages"), "http://127.0.0.1:" + varnishPort),
                    varnishPort,
                    base.getPort());
            apache = ApacheSsi.start(
                    folder.resolve("apache"), HostSite.apachePages(folder.resolve("apache-pages")), parley);
            data.site("Harbour Notes", nginx.origin(), varnish.origin(), apache.origin());
        } catch (RuntimeException | AssertionError e) {
            // The next test starts them all again rather than running against half of them.
            stopTheHostSites();
            throw e;
        }
    }

    @AfterAll
    static void stopTheHostSites() {
        for (AutoCloseable server : new AutoCloseable[] {nginx, varnish, apache}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        nginx = null;
        varnish = null;
        apache = null;
    }

    @Test
    void nginxSsiGuestRepliesWithAMistakeSeesTheirCommentAndTheApprovalReachesEveryone() {
        guestJourney(nginx.origin(), HostSite.FIRST_POST, HostSite.FIRST_TITLE, "nginx");
    }

    @Test
    void varnishEsiGuestRepliesWithAMistakeSeesTheirCommentAndTheApprovalReachesTheCachedPage() {
        guestJourney(varnish.origin(), HostSite.FIRST_POST, HostSite.FIRST_TITLE, "varnish");
    }

    @Test
    void nginxSsiReaderSignsInWithKeycloakFromTheHostPageAndComesBackWithTheDraft() {
        signInJourney(nginx.origin(), HostSite.SECOND_POST, "nginx");
    }

    @Test
    void varnishEsiReaderSignsInWithKeycloakFromTheHostPageAndComesBackWithTheDraft() {
        signInJourney(varnish.origin(), HostSite.SECOND_POST, "varnish");
    }

    @Test
    void apacheIncludeShowsTheThreadAndAGuestPostsFromTheHostPage() {
        String origin = apache.origin();
        String post = HostSite.FIRST_POST;
        long seeded = seedApprovedComment(origin, post, HostSite.FIRST_TITLE, "Apache was here first.");

        Browser guest = new Browser(origin);
        Page page = guest.open(post);
        assertEquals(200, page.status());
        assertEquals(HostSite.FIRST_TITLE, page.text("article h1"), "the host's own page");
        assertEquals("Apache was here first.", page.text("#comment-" + seeded + " .comment-content"));
        assertTrue(page.has(".parley #commentform"), "the reply form is in the host page");

        Response mistake = guest.submit(
                page, "#commentform", Map.of("comment", "Kept through a mistake", "author", "Ann", "email", "nope"));
        Page step = Page.of("(mistake)", mistake);
        assertTrue(step.fieldError("email").length() > 0, step.html()::toString);
        assertEquals("Kept through a mistake", step.fieldValue("comment"));

        Response posted = guest.submit(
                step, "#commentform", Map.of("comment", "Kept through a mistake", "email", "ann@example.org"));
        assertEquals(303, posted.statusCode(), posted::asString);
        URI landing = URI.create(posted.header("Location"));
        assertEquals(origin + post, landing.getScheme() + "://" + landing.getRawAuthority() + landing.getRawPath());
        String anchor = landing.getRawFragment();
        assertTrue(anchor.matches("comment-\\d+"), anchor);
        Page back = guest.open(post);
        assertEquals(
                "Your comment is awaiting moderation.",
                back.text("#" + anchor + " .comment-awaiting-moderation"),
                "the include carried the guest's cookies: their own pending comment is in the host page");
        assertFalse(new Browser(origin).open(post).has("#" + anchor), "nobody else sees it before approval");
    }

    /**
     * A guest reads the thread in the host page, replies, makes a mistake and gets everything back, posts and
     * lands on the host page at their comment; a moderator approves it and another, anonymous reader sees it on
     * the (cached) host page within {@link #CACHE_BOUND}.
     */
    private void guestJourney(String origin, String post, String title, String server) {
        long seeded = seedApprovedComment(origin, post, title, "First! The light here is wonderful.");
        ChromeDriver guest = Chromium.withoutJavaScript();
        ChromeDriver stranger = Chromium.withoutJavaScript();
        try {
            WebDriverWait wait = new WebDriverWait(guest, Duration.ofSeconds(20));
            guest.get(origin + post);
            assertEquals(title, guest.findElement(By.cssSelector("article h1")).getText());
            assertEquals(
                    "First! The light here is wonderful.",
                    guest.findElement(By.cssSelector("#comment-" + seeded + " .comment-content"))
                            .getText());
            Chromium.screenshot(guest, server + "-host-page-thread");

            guest.findElement(By.id("comment")).sendKeys("The boats at six: I have seen them too.");
            guest.findElement(By.id("author")).sendKeys("Grace Guest");
            // Browsers accept an address without a dot in its domain; Parley asks for one (a forgotten ".org").
            guest.findElement(By.id("email")).sendKeys("grace@harbour");
            guest.findElement(By.id("submit")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email-error")));
            assertTrue(
                    guest.findElement(By.tagName("h1")).getText().contains(title),
                    "a step of the host page, named after it");
            assertEquals(
                    "The boats at six: I have seen them too.",
                    guest.findElement(By.id("comment")).getAttribute("value"),
                    "the text is kept");
            assertEquals("Grace Guest", guest.findElement(By.id("author")).getAttribute("value"));
            Chromium.screenshot(guest, server + "-host-page-mistake");

            String email = TestData.unique("grace") + "@example.org";
            guest.findElement(By.id("email")).clear();
            guest.findElement(By.id("email")).sendKeys(email);
            guest.findElement(By.id("submit")).click();

            wait.until(ExpectedConditions.urlContains("#comment-"));
            URI landing = URI.create(guest.getCurrentUrl());
            assertEquals(origin + post, landing.getScheme() + "://" + landing.getRawAuthority() + landing.getRawPath());
            String anchor = landing.getRawFragment();
            long mine = Long.parseLong(anchor.substring("comment-".length()));
            assertEquals(
                    "Your comment is awaiting moderation.",
                    guest.findElement(By.cssSelector("#" + anchor + " .comment-awaiting-moderation"))
                            .getText());
            Chromium.screenshot(guest, server + "-host-page-own-pending-comment");

            // The stranger's view is the shared (cacheable) one: it must never hold anyone's pending comment.
            stranger.get(origin + post);
            assertTrue(stranger.findElements(By.id(anchor)).isEmpty(), "a pending comment is never shared");
            assertFalse(stranger.findElements(By.id("comment-" + seeded)).isEmpty());

            approve(mine, email);
            Instant approved = Instant.now();
            AtomicReference<Duration> seenAfter = new AtomicReference<>();
            Awaitility.await("the approved comment on the host page for a reader without cookies")
                    .atMost(CACHE_BOUND.plusSeconds(5))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        stranger.navigate().refresh();
                        boolean shown = !stranger.findElements(By.id(anchor)).isEmpty();
                        if (shown) {
                            seenAfter.set(Duration.between(approved, Instant.now()));
                        }
                        return shown;
                    });
            System.out.printf(
                    "IncludeRecipesBrowserTest: %s: approved comment visible to an anonymous reader %d ms after approval%n",
                    server, seenAfter.get().toMillis());
            assertTrue(stranger.findElements(By.cssSelector("#" + anchor + " .comment-awaiting-moderation"))
                    .isEmpty());
            Chromium.screenshot(stranger, server + "-host-page-approved");
        } catch (RuntimeException | AssertionError e) {
            keepEvidence(guest, server + "-guest-failure");
            keepEvidence(stranger, server + "-stranger-failure");
            throw e;
        } finally {
            guest.quit();
            stranger.quit();
        }
    }

    /** A reader starts signing in on the host page with a draft and comes back to the host page with it. */
    private void signInJourney(String origin, String post, String server) {
        long providerId = KeycloakResource.registerWith(providers, false);
        ChromeDriver reader = Chromium.withoutJavaScript();
        try {
            WebDriverWait wait = new WebDriverWait(reader, Duration.ofSeconds(30));
            reader.get(origin + post);
            reader.findElement(By.id("comment")).sendKeys("Drafted on the host page.");
            reader.findElement(
                            By.cssSelector("#commentform button[formaction='/comments/auth/" + providerId + "/start']"))
                    .click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
            reader.findElement(By.id("username")).sendKeys("rita");
            reader.findElement(By.id("password")).sendKeys(KeycloakResource.readerPassword());
            reader.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".logged-in-as")));
            URI back = URI.create(reader.getCurrentUrl());
            assertEquals(origin + post, back.getScheme() + "://" + back.getRawAuthority() + back.getRawPath());
            assertEquals(
                    "You are commenting using your Keycloak account as Rita Reader.",
                    reader.findElement(By.cssSelector(".logged-in-as span")).getText());
            assertEquals(
                    "Drafted on the host page.",
                    reader.findElement(By.id("comment")).getAttribute("value"),
                    "the draft is back");
            Chromium.screenshot(reader, server + "-host-page-signed-in");

            reader.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.urlContains("#comment-"));
            String anchor = URI.create(reader.getCurrentUrl()).getRawFragment();
            assertEquals(
                    "Your comment is awaiting moderation.",
                    reader.findElement(By.cssSelector("#" + anchor + " .comment-awaiting-moderation"))
                            .getText());
        } catch (RuntimeException | AssertionError e) {
            keepEvidence(reader, server + "-sign-in-failure");
            throw e;
        } finally {
            reader.quit();
        }
    }

    /**
     * A comment already approved on the post's thread, posted straight to Parley (no host page is fetched, so no
     * shared cache holds the thread yet) and approved by the owner.
     */
    private long seedApprovedComment(String origin, String post, String title, String text) {
        Browser seeder = new Browser().withHeader("Origin", origin);
        Page thread = seeder.open("/comments/embed/thread?page=" + encode(origin + post) + "&title=" + encode(title));
        assertEquals(200, thread.status(), thread.html()::toString);
        String email = TestData.unique("early") + "@example.org";
        Response posted = seeder.submit(
                thread, "#commentform", Map.of("comment", text, "author", TestData.unique("Early"), "email", email));
        assertEquals(303, posted.statusCode(), posted::asString);
        String anchor = URI.create(posted.header("Location")).getRawFragment();
        long id = Long.parseLong(anchor.substring("comment-".length()));
        approve(id, email);
        return id;
    }

    /** What the browser showed when a step failed: a screenshot and the page's HTML in target/screenshots. */
    private static void keepEvidence(ChromeDriver browser, String name) {
        try {
            Chromium.screenshot(browser, name);
            java.nio.file.Files.writeString(
                    Path.of("target", "screenshots", name + ".html"),
                    browser.getCurrentUrl() + "\n" + browser.getPageSource());
        } catch (RuntimeException | java.io.IOException ignored) {
            // The failure itself is what the test reports.
        }
    }

    /** The owner approves the comment in Parley's queue, found by its author's email. */
    private void approve(long commentId, String email) {
        String ownerEmail = data.owner();
        Browser owner = new Browser();
        Page login = owner.open("/comments/login");
        Response signedIn =
                owner.submit(login, "#loginform", Map.of("email", ownerEmail, "password", TestData.PASSWORD));
        assertEquals(303, signedIn.statusCode(), signedIn::asString);
        Page queue = owner.open("/comments/moderation?email=" + encode(email));
        Response decided = owner.submit(
                queue,
                "#queue",
                Map.of(
                        "one",
                        queue.one("#queue-" + commentId + " .queue-actions button.approve")
                                .val()));
        assertEquals(303, decided.statusCode(), decided::asString);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
