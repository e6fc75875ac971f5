package dev.parley.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.site.Site;
import dev.parley.support.Browser;
import dev.parley.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every moderation and admin route, for an anonymous visitor, a moderator and the owner; plus path
 * spellings that bypassed path-based rules in this Quarkus line. Role checks sit on each resource method,
 * so no spelling of a path may reach a protected page.
 */
@QuarkusTest
class RoleMatrixTest {

    enum Who {
        ANONYMOUS,
        MODERATOR,
        OWNER
    }

    record Route(String method, String path, boolean ownerOnly) {}

    @Inject
    TestData data;

    @TestHTTPResource("/")
    URL base;

    private List<Route> routes(long articleId, long accountId, long siteId, long threadId) {
        List<Route> routes = new ArrayList<>(List.of(
                new Route("GET", "/moderation", false),
                new Route("GET", "/moderation?page=2", false),
                new Route("POST", "/moderation/decisions", false),
                new Route("GET", "/moderation?tab=spam", false),
                new Route("GET", "/moderation/log", false),
                new Route("GET", "/moderation/bans", false),
                new Route("POST", "/moderation/bans", false),
                new Route("POST", "/moderation/bans/1/lift", false),
                new Route("GET", "/moderation/comments/1", false),
                new Route("GET", "/moderation/comments/1/edit", false),
                new Route("POST", "/moderation/comments/1/edit", false),
                new Route("GET", "/moderation/comments/1/reply", false),
                new Route("POST", "/moderation/comments/1/reply", false),
                new Route("GET", "/account", false),
                new Route("POST", "/account/name", false),
                new Route("POST", "/account/password", false),
                new Route("POST", "/admin/settings/try", true),
                new Route("GET", "/admin", true),
                new Route("GET", "/admin/articles/new", true),
                new Route("POST", "/admin/articles", true),
                new Route("GET", "/admin/articles/" + articleId, true),
                new Route("POST", "/admin/articles/" + articleId, true),
                new Route("GET", "/admin/articles/" + articleId + "/delete", true),
                new Route("GET", "/admin/settings", true),
                new Route("POST", "/admin/settings", true),
                new Route("GET", "/admin/accounts", true),
                new Route("POST", "/admin/accounts", true),
                new Route("POST", "/admin/accounts/" + accountId + "/remove", true),
                new Route("GET", "/admin/providers", true),
                new Route("GET", "/admin/providers/new?kind=GOOGLE", true),
                new Route("POST", "/admin/providers", true),
                new Route("POST", "/admin/providers/drafts", true)));
        for (String action : List.of("publish", "unpublish", "close", "open", "delete")) {
            routes.add(new Route("POST", "/admin/articles/" + articleId + "/" + action, true));
        }
        String site = "/admin/sites/" + siteId;
        String thread = site + "/threads/" + threadId;
        routes.addAll(List.of(
                new Route("GET", "/admin/sites", true),
                new Route("POST", "/admin/sites", true),
                new Route("GET", site, true),
                new Route("GET", site + "?page=2", true),
                new Route("POST", site, true),
                new Route("GET", site + "/delete", true),
                new Route("POST", site + "/delete", true),
                new Route("POST", site + "/close-threads", true),
                new Route("GET", thread, true),
                new Route("POST", thread, true),
                new Route("POST", thread + "/close", true),
                new Route("POST", thread + "/open", true),
                new Route("GET", "/admin/mail", true),
                new Route("GET", "/admin/mail?page=2", true),
                new Route("POST", "/admin/mail/test", true),
                new Route("POST", "/admin/mail/1/retry", true)));
        return routes;
    }

    @Test
    void eachRouteAnswersEachRoleAsExpected() {
        Browser owner = signedIn(data.owner());
        Browser moderator = signedIn(data.moderator());
        Browser anonymous = new Browser();
        anonymous.open("/");
        Map<Who, Browser> browsers = Map.of(Who.ANONYMOUS, anonymous, Who.MODERATOR, moderator, Who.OWNER, owner);

        List<String> failures = new ArrayList<>();
        for (Who who : Who.values()) {
            // Destructive routes get an article and an account of their own for each role.
            Article article = data.article("Matrix");
            long accountId = data.accountByEmail(data.moderator()).id;
            String origin = TestData.uniqueOrigin("matrix");
            Site site = data.site("Matrix", origin);
            long threadId = data.embeddedThread(site, "Matrix page", origin + "/page").id;
            for (Route route : routes(article.id, accountId, site.id, threadId)) {
                Response answer = send(browsers.get(who), route);
                String problem = check(who, route, answer);
                if (problem != null) {
                    failures.add(who + " " + route.method() + " " + route.path() + ": " + problem);
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    private static String check(Who who, Route route, Response answer) {
        int status = answer.statusCode();
        String location = answer.header("Location");
        boolean toLogin =
                status == 303 && location != null && Browser.pathOf(location).startsWith("/login");
        boolean allowed = who == Who.OWNER || (who == Who.MODERATOR && !route.ownerOnly());
        if (who == Who.ANONYMOUS) {
            return toLogin ? null : "expected a redirect to /login, got " + status + " " + location;
        }
        if (!allowed) {
            if (status != 403) {
                return "expected 403, got " + status;
            }
            String heading = Jsoup.parse(answer.asString()).selectFirst("h1").text();
            return heading.equals("Not allowed") ? null : "403 page says " + heading;
        }
        return status == 403 || toLogin || status >= 500 ? "expected access, got " + status : null;
    }

    private Response send(Browser browser, Route route) {
        if (route.method().equals("GET")) {
            return given().redirects().follow(false).cookies(cookiesOf(browser)).get(route.path());
        }
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", browser.open("/").html().select("input[name=_csrf]").val());
        return given().redirects()
                .follow(false)
                .cookies(cookiesOf(browser))
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post(route.path());
    }

    private static Map<String, String> cookiesOf(Browser browser) {
        Map<String, String> cookies = new HashMap<>();
        for (String name : List.of(SessionService.COOKIE, "parley_csrf")) {
            if (browser.cookie(name) != null) {
                cookies.put(name, browser.cookie(name));
            }
        }
        return cookies;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/admin;x",
                "/admin%3Bx",
                "/admin%3bx",
                "/admin/",
                "//admin",
                "/./admin",
                "/admin/.",
                "/%61dmin",
                "/admin%2F",
                "/admin%2Fsettings",
                "/admin%2fsettings",
                "/admin/settings;x",
                "/admin/..;/admin",
                "/x/..%2Fadmin",
                "//admin//settings",
                "/ADMIN",
                "/admin%00",
                "/moderation;jsessionid=1",
                "/moderation%3B",
                "//moderation",
                "/moderation/",
                "/moderation%2F",
                "/admin/accounts/",
                "/%2e/admin",
                "/admin/articles/new;x",
                "/admin/sites;x",
                "/admin/sites/",
                "/admin%2Fsites",
                "/admin/%73ites",
                "//admin/sites",
                "/admin/sites/1/..;/",
            })
    void noSpellingOfAProtectedPathReachesIt(String rawPath) throws Exception {
        String moderatorSession = signedIn(data.moderator()).cookie(SessionService.COOKIE);
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI uri = URI.create("http://" + base.getHost() + ":" + base.getPort() + rawPath);

        HttpResponse<String> anonymous =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> moderator = client.send(
                HttpRequest.newBuilder(uri)
                        .header("Cookie", SessionService.COOKIE + "=" + moderatorSession)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertNotEquals(200, anonymous.statusCode(), "anonymous reached " + rawPath);
        assertFalse(anonymous.body().contains("admin-nav") || anonymous.body().contains("id=\"queue\""));
        if (!rawPath.contains("moderation")) {
            assertNotEquals(200, moderator.statusCode(), "moderator reached " + rawPath);
            assertFalse(moderator.body().contains("admin-nav"), "moderator saw the admin area at " + rawPath);
        }
        assertFalse(anonymous.body().contains("Exception") || moderator.body().contains("Exception"));
    }

    @Test
    void ownerMayDoEverythingAModeratorMay() {
        Browser owner = signedIn(data.owner());
        assertEquals(200, owner.open("/moderation").status());
        assertEquals(200, owner.open("/admin").status());
    }

    private Browser signedIn(String email) {
        Browser browser = new Browser();
        browser.signIn(email, TestData.PASSWORD);
        return browser;
    }
}
