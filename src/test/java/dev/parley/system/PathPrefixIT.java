package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.Nginx;
import dev.parley.support.Page;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application under {@code PARLEY_PATH_PREFIX=/comments}, set when it starts (Quarkus' own root path
 * would have to be fixed when building), behind a host site's nginx that passes {@code /comments/} to it.
 */
@Tag("h2")
class PathPrefixIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path nginxDir;

    @Test
    void aHostSitePassesCommentsToParleyAndEveryStepStaysUnderIt() throws Exception {
        Map<String, String> environment = new HashMap<>(AppProcess.withOwner(Map.of()));
        environment.put("PARLEY_PATH_PREFIX", "/comments");
        environment.put("PARLEY_BEHIND_PROXY", "true");
        try (AppProcess app = new AppProcess(dataDir, environment).start();
                Nginx host = Nginx.serving("""
                        server {
                            listen PORT;
                            location / { return 200 "The host site's own page\\n"; }
                            location /comments/ {
                                proxy_pass http://127.0.0.1:%d;
                                proxy_set_header Host $http_host;
                                proxy_set_header X-Forwarded-Host $http_host;
                                proxy_set_header X-Forwarded-Proto $scheme;
                                proxy_set_header X-Forwarded-For $remote_addr;
                            }
                        }
                        """.formatted(app.port()), nginxDir)) {
            String site = host.baseUri();
            assertEquals(
                    "The host site's own page\n",
                    RestAssured.get(site + "/2024/a-post/").asString());

            Browser reader = new Browser(site).withHeader("Origin", site).withHeader("Sec-Fetch-Site", "same-origin");
            Page front = reader.open("/comments/");
            assertEquals(200, front.status());
            for (Element link : front.html().select("[href], [src], [action]")) {
                String address = link.hasAttr("href")
                        ? link.attr("href")
                        : link.hasAttr("src") ? link.attr("src") : link.attr("action");
                if (address.startsWith("/")) {
                    assertTrue(address.startsWith("/comments/"), address);
                }
            }
            String stylesheet = front.one("link[rel=stylesheet]").attr("href");
            assertEquals(200, reader.getRaw(stylesheet).statusCode(), stylesheet);

            // The owner switches off the minimum writing time: this test's reader is a program.
            Browser owner = new Browser(site).withHeader("Origin", site).withHeader("Sec-Fetch-Site", "same-origin");
            Page login = owner.open("/comments/login");
            Response signedIn = owner.submit(
                    login,
                    "#loginform",
                    Map.of("email", AppProcess.OWNER_EMAIL, "password", AppProcess.OWNER_PASSWORD));
            assertEquals(303, signedIn.statusCode(), () -> signedIn.asString() + "\n" + app.log());
            assertEquals(site + "/comments/moderation", signedIn.header("Location"), "the public address");
            Page settings = owner.open("/comments/admin/settings");
            assertEquals(
                    303,
                    owner.submit(settings, "#settingsform", Map.of("minFormSeconds", "0"))
                            .statusCode());

            Page article = reader.open("/comments/articles/hello-world");
            assertEquals(
                    "/comments/articles/hello-world/comments",
                    article.one("#commentform").attr("action"));
            Response posted = reader.submit(
                    article,
                    "#commentform",
                    Map.of("comment", "Through the host's proxy", "author", "Hosted", "email", "h@example.org"));
            assertEquals(303, posted.statusCode(), posted.asString());
            assertTrue(
                    posted.header("Location").startsWith(site + "/comments/articles/hello-world#comment-"),
                    posted.header("Location"));
            Page own = reader.follow(posted);
            assertTrue(own.shows("Your comment is awaiting moderation."));

            Page providers = owner.open("/comments/admin/providers");
            Page editor = owner.follow(
                    owner.submit(providers, "form[action$=/admin/providers/drafts]", Map.of("kind", "OIDC")));
            assertTrue(
                    editor.text("#callback-url").matches(site.replace(".", "\\.") + "/comments/auth/\\d+/callback"),
                    editor.text("#callback-url"));

            // Health and metrics stay on the management port, without the prefix.
            assertEquals(
                    200,
                    RestAssured.get(app.managementUri() + "/q/health/ready").statusCode());
            assertEquals(
                    404,
                    RestAssured.get("http://127.0.0.1:" + app.port() + "/articles/hello-world")
                            .statusCode());
            assertEquals(java.util.List.of(), app.problemsInLog());
        }
    }

    @Test
    void aPrefixThatIsNoPathStopsTheStartWithAMessageAndWritesNothing() throws Exception {
        Map<String, String> environment = new HashMap<>(AppProcess.withOwner(Map.of()));
        environment.put("PARLEY_PATH_PREFIX", "/comments?x");
        try (AppProcess app = new AppProcess(dataDir, environment).launch()) {
            app.awaitEnd(Duration.ofSeconds(60));
            assertEquals(1, app.exitCode());
            String log = app.log();
            assertTrue(
                    log.contains("Parley did not start: PARLEY_PATH_PREFIX \"/comments?x\" is not a path prefix"), log);
            assertFalse(log.contains("Exception"), log);
            try (Stream<Path> written = Files.list(dataDir)) {
                assertEquals(0, written.count(), "nothing was written to the data folder");
            }
        }
    }
}
