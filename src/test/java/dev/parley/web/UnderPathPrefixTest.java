package dev.parley.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.browser.PageFixtures;
import dev.parley.identity.SessionService;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Parley under {@code PARLEY_PATH_PREFIX=/comments}, as behind a host site's proxy: every reader, staff and admin
 * page is walked by following its links, and every address Parley prints (links, files, form actions and
 * buttons' own actions) must lie under /comments/ and answer; forms post and their redirects come back under it.
 */
@QuarkusTest
@TestProfile(UnderPathPrefixTest.UnderComments.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnderPathPrefixTest {

    /** A database of its own: the walk sees the set-up page while the site has no owner. */
    public static class UnderComments implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parley.path-prefix", "comments/",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:parley-prefix;DB_CLOSE_DELAY=-1");
        }
    }

    private static final String PREFIX = "/comments";

    /** Every page the walks opened (without queries), to show that they reached every kind of page. */
    private final Set<String> visited = new java.util.TreeSet<>();

    @Inject
    TestData data;

    @Inject
    PageFixtures fixtures;

    /** First, while the site has no owner (every other test makes one). */
    @Test
    @Order(1)
    void theSetUpPageLinksUnderThePrefix() {
        Page admin = new Browser().open(PREFIX + "/login");
        assertEquals(PREFIX + "/setup", admin.redirectTarget(), "no owner yet: signing in leads to setting up");
        Page setup = new Browser().open(PREFIX + "/setup");
        assertEquals(200, setup.status());
        assertEquals(List.of(), linksOf(setup));
        assertEquals(PREFIX + "/setup", setup.one("form").attr("action"));
    }

    @Test
    void everyPageLinksUnderThePrefixAndEveryLinkAnswers() {
        List<String> problems = new ArrayList<>();
        String owner = data.owner();
        String moderator = data.moderator();
        fixtures.build();
        String article = PREFIX + "/articles/" + fixtures.thread.slug;

        Browser guest = new Browser();
        problems.addAll(walk(guest, List.of(PREFIX + "/", article, PREFIX + "/articles/no-such-article")));

        Browser reader = new Browser();
        reader.setCookie(SessionService.COOKIE, fixtures.readerSession());
        problems.addAll(walk(reader, List.of(article, article + "?replytocom=" + fixtures.first.id)));

        Browser staff = signIn(moderator);
        problems.addAll(walk(staff, List.of(PREFIX + "/moderation", article, PREFIX + "/account")));

        Browser site = signIn(owner);
        problems.addAll(walk(
                site,
                List.of(
                        PREFIX + "/admin",
                        PREFIX + "/admin/articles/new",
                        PREFIX + "/admin/providers/new?kind=OIDC",
                        PREFIX + "/admin/providers/" + fixtures.providerId,
                        PREFIX + "/moderation/comments/" + fixtures.pending.id,
                        PREFIX + "/auth/" + fixtures.providerId + "/failed?error=access_denied")));

        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void aGuestPostsAndComesBackUnderThePrefix() {
        data.owner();
        Article article = data.article("Under a prefix");
        Browser guest = new Browser();
        Page page = guest.open(PREFIX + "/articles/" + article.slug);
        assertEquals(
                PREFIX + "/articles/" + article.slug + "/comments",
                page.one("#commentform").attr("action"));
        String author = TestData.unique("Prefixed");
        Response posted = guest.submit(
                page,
                "#commentform",
                Map.of("comment", "Hello from under a path.", "author", author, "email", "p@example.org"));

        Comment comment = data.onlyCommentBy(author);
        assertEquals(303, posted.statusCode(), posted.asString());
        assertEquals(
                PREFIX + "/articles/" + article.slug + "#comment-" + comment.id,
                URI.create(posted.header("Location")).getRawPath() + "#"
                        + URI.create(posted.header("Location")).getRawFragment());
        Page own = guest.follow(posted);
        assertEquals(200, own.status());
        assertEquals(
                "Your comment is awaiting moderation.",
                own.text("#comment-" + comment.id + " .comment-awaiting-moderation"));
    }

    @Test
    void theOwnerSignsInThroughThePrefixAndLandsOnTheQueue() {
        String owner = data.owner();
        Browser browser = new Browser();
        Page login = browser.open(PREFIX + "/login");
        assertEquals(PREFIX + "/login", login.one("#loginform").attr("action"));
        Response answer = browser.submit(login, "#loginform", Map.of("email", owner, "password", TestData.PASSWORD));
        assertEquals(303, answer.statusCode(), answer.asString());
        assertEquals(PREFIX + "/moderation", Browser.pathOf(answer.header("Location")));
        Page queue = browser.follow(answer);
        assertEquals(200, queue.status());
        assertEquals(PREFIX + "/admin", queue.one(".site-nav a[href$=/admin]").attr("href"));

        // A staff page asked for while signed out leads to the sign-in page, which comes back to it.
        Browser later = new Browser();
        Page refused = later.open(PREFIX + "/admin/settings");
        assertEquals(303, refused.status());
        assertEquals(PREFIX + "/login?next=" + "%2Fcomments%2Fadmin%2Fsettings", refused.redirectTarget());
        Page signIn = later.open(refused.redirectTarget());
        Response back = later.submit(signIn, "#loginform", Map.of("email", owner, "password", TestData.PASSWORD));
        assertEquals(PREFIX + "/admin/settings", Browser.pathOf(back.header("Location")));
    }

    @Test
    void theCallbackUrlShownToTheOwnerCarriesThePrefix() {
        String owner = data.owner();
        Browser site = signIn(owner);
        Page providers = site.open(PREFIX + "/admin/providers");
        Response added = site.submit(providers, "form[action$=/admin/providers/drafts]", Map.of("kind", "OIDC"));
        assertEquals(303, added.statusCode(), added.asString());
        Page editor = site.follow(added);
        String callback = editor.text("#callback-url");
        assertTrue(
                callback.matches("http://localhost:\\d+/comments/auth/\\d+/callback"),
                "callback URL to register: " + callback);
    }

    @Test
    void addressesOutsideThePrefixAreNotParleys() {
        given().redirects()
                .follow(false)
                .when()
                .get(PREFIX)
                .then()
                .statusCode(302)
                .header("Location", PREFIX + "/");
        given().redirects().follow(false).when().get("/").then().statusCode(302).header("Location", PREFIX + "/");
        given().when().get("/articles/anything").then().statusCode(404);
        given().when().get("/css/parley.css").then().statusCode(404);
        given().when().get(PREFIX + "/css/parley.css").then().statusCode(200);
        given().when().get(PREFIX + "x/css/parley.css").then().statusCode(404);
        // The fingerprinted address pages link, kept for a year, answers under the prefix only.
        String fingerprinted = Assets.fingerprinted("/css/parley.css");
        given().when().get(fingerprinted).then().statusCode(404);
        given().when()
                .get(PREFIX + fingerprinted)
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        // A reload of a form's answer leads to the form's page, under the prefix.
        given().redirects()
                .follow(false)
                .when()
                .get(PREFIX + "/logout")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(PREFIX + "/"));
    }

    @Test
    void aFormFromParleysOwnOriginIsAcceptedAndAnotherRefused() {
        String owner = data.owner();
        Browser own = new Browser()
                .withHeader("Origin", "http://localhost:" + port())
                .withHeader("Sec-Fetch-Site", "same-origin");
        Page login = own.open(PREFIX + "/login");
        Response accepted = own.submit(login, "#loginform", Map.of("email", owner, "password", TestData.PASSWORD));
        assertEquals(303, accepted.statusCode(), accepted.asString());

        Browser foreign = new Browser().withHeader("Origin", "http://evil.example");
        Page again = foreign.open(PREFIX + "/login");
        Response refused = foreign.submit(again, "#loginform", Map.of("email", owner, "password", TestData.PASSWORD));
        assertEquals(403, refused.statusCode());
    }

    /** The thread a host page includes: its links and form lead through the prefix, its post back to the page. */
    @Test
    void theEmbeddedThreadLinksUnderThePrefixAndPostsBackToTheHostPage() {
        data.owner();
        String origin = "https://" + TestData.unique("blog") + ".example";
        var site = data.site("Blog", origin);
        Article thread = data.hostThread(site, origin + "/2026/hosted/", "Hosted");
        Comment first =
                data.comment(thread, null, "Ada", "First on the host page.", dev.parley.article.CommentStatus.APPROVED);
        String fragment = PREFIX + "/embed/thread?page="
                + java.net.URLEncoder.encode(origin + "/2026/hosted/", java.nio.charset.StandardCharsets.UTF_8);

        Browser reader = new Browser().withHeader("Origin", origin);
        Page page = Page.of(fragment, reader.getRaw(fragment));
        assertEquals(200, page.status(), page.html().outerHtml());
        assertEquals(List.of(), linksOf(page));
        assertEquals(PREFIX + "/embed/comments", page.one("#commentform").attr("action"));
        assertTrue(page.has("a[href^=" + PREFIX + "/articles/][href*=replytocom=" + first.id + "]"), "reply link");
        List<String> problems = walk(new Browser(), List.of(fragment));
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        String author = TestData.unique("Hosted");
        Response posted = reader.submit(
                page,
                "#commentform",
                Map.of("comment", "From the host page.", "author", author, "email", "h@example.org"));
        assertEquals(303, posted.statusCode(), posted.asString());
        assertEquals(
                origin + "/2026/hosted/#comment-" + data.onlyCommentBy(author).id,
                posted.header("Location"),
                "back to the host page, not under the prefix");
    }

    @Test
    void theTooLargePageLinksUnderThePrefix() {
        Article article = data.article("Huge under a prefix");
        Browser reader = new Browser();
        Page form = reader.open(PREFIX + "/articles/" + article.slug);
        Response refused =
                reader.submit(form, "#commentform", Map.of("comment", "\u6f22".repeat(2_500_000), "author", "Huge"));
        assertEquals(413, refused.statusCode());
        Page page = Page.of(PREFIX + "/articles/" + article.slug + "/comments", refused);
        assertEquals("This form is too large", page.text("h1"));
        assertEquals(List.of(), linksOf(page));
        assertTrue(page.has("a[href=/comments/]"), "a way on");
        assertTrue(page.has("link[rel=stylesheet][href=/comments" + Assets.fingerprinted("/css/parley.css") + "]"));
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }

    private static Browser signIn(String email) {
        Browser browser = new Browser();
        Page login = browser.open(PREFIX + "/login");
        Response answer = browser.submit(login, "#loginform", Map.of("email", email, "password", TestData.PASSWORD));
        assertEquals(303, answer.statusCode(), answer.asString());
        return browser;
    }

    /**
     * Opens the pages, then every page of Parley's they link to (breadth first, at most 300), and checks every
     * address each one prints. Links that sign out are checked but not followed, so the walk stays signed in.
     */
    private List<String> walk(Browser browser, List<String> start) {
        List<String> problems = new ArrayList<>();
        Deque<String> toVisit = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        Set<String> checked = new LinkedHashSet<>();
        while (!toVisit.isEmpty() && seen.size() < 300) {
            String path = toVisit.poll();
            Page page = browser.open(path);
            visited.add(path.replaceFirst("\\?.*$", ""));
            if (page.status() >= 500 || (page.status() == 404 && !path.contains("no-such-article"))) {
                problems.add(path + " answered " + page.status());
                continue;
            }
            if (page.status() == 303 || page.status() == 302) {
                String target = page.redirectTarget();
                if (!target.startsWith(PREFIX + "/")) {
                    problems.add(path + " redirects outside the prefix: " + target);
                }
                continue;
            }
            problems.addAll(linksOf(page));
            for (Element element : page.html().select("a[href], link[href], script[src], img[src]")) {
                String link = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                String target = parleysOwn(link);
                if (target == null || !checked.add(target)) {
                    continue;
                }
                if (element.is("a") && !target.contains("/logout") && seen.add(target)) {
                    toVisit.add(target);
                } else if (!element.is("a")) {
                    int status = browser.getRaw(target).statusCode();
                    if (status != 200) {
                        problems.add(path + ": " + link + " answered " + status);
                    }
                }
            }
            for (Element element : page.html().select("form[action], button[formaction]")) {
                String link = element.hasAttr("formaction") ? element.attr("formaction") : element.attr("action");
                String target = parleysOwn(link);
                if (target == null || !checked.add(target)) {
                    continue;
                }
                // A form's address asked for with GET: the form's own page (a 303 or the page), never a 404.
                Response answer = given().redirects().follow(false).when().get(target);
                if (answer.statusCode() == 404 || answer.statusCode() >= 500) {
                    problems.add(path + ": form address " + link + " answered " + answer.statusCode());
                }
            }
        }
        return problems;
    }

    /** Every address on the page that points to this site, with where it fails to lie under the prefix. */
    private static List<String> linksOf(Page page) {
        List<String> problems = new ArrayList<>();
        for (Element element : page.html().select("[href], [src], [action], [formaction]")) {
            for (String attribute : List.of("href", "src", "action", "formaction")) {
                if (!element.hasAttr(attribute)) {
                    continue;
                }
                String link = element.attr(attribute);
                if (link.startsWith("#") || link.startsWith("http://") || link.startsWith("https://")) {
                    continue;
                }
                if (!link.startsWith(PREFIX + "/")) {
                    problems.add(page.path() + ": " + attribute + "=\"" + link + "\" on <" + element.tagName()
                            + "> is not under " + PREFIX + "/");
                }
            }
        }
        return problems;
    }

    /** The path and query of a link to this site, without the fragment; null for other sites and fragments. */
    private static String parleysOwn(String link) {
        if (link.isEmpty() || link.startsWith("#") || link.startsWith("http://") || link.startsWith("https://")) {
            return null;
        }
        if (link.startsWith("data:") || link.startsWith("mailto:")) {
            return null;
        }
        int hash = link.indexOf('#');
        return hash < 0 ? link : link.substring(0, hash);
    }
}
