package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parley as a new site owner meets it: the packaged application started on an empty data folder, then
 * killed (SIGKILL) and started again on the same folder.
 */
@Tag("h2")
class FirstStartIT {

    private static final Pattern SETUP_CODE = Pattern.compile("set-up code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})");

    @TempDir
    Path dataDir;

    @Test
    void ownerSetsUpWithTheLoggedCodeAndAcknowledgedCommentsSurviveAKill() throws Exception {
        try (AppProcess app = new AppProcess(dataDir, Map.of()).start()) {
            String firstLog = app.log();
            assertTrue(firstLog.contains("Generated Parley's keys into"), firstLog);
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dataDir.resolve("secrets.properties"))));
            Matcher code = SETUP_CODE.matcher(firstLog);
            assertTrue(code.find(), firstLog);

            Browser owner = new Browser(app.baseUri());
            Page admin = owner.open("/admin");
            Page login = owner.open(admin.redirectTarget());
            assertEquals("/setup", login.redirectTarget(), "with no owner yet, signing in means setting up");
            Page setup = owner.open("/setup");
            assertEquals("Welcome to Parley", setup.text("h1"));

            Response wrong = owner.submit(
                    setup,
                    "#setupform",
                    Map.of(
                            "code",
                            "AAAA-BBBB-CCCC",
                            "name",
                            "Olive",
                            "email",
                            "olive@example.org",
                            "password",
                            "a very long password"));
            assertEquals(400, wrong.statusCode());
            Page again = new Page("/setup", 400, Jsoup.parse(wrong.asString()));
            assertTrue(again.fieldError("code").startsWith("This is not the set-up code."));
            assertEquals("Olive", again.fieldValue("name"));
            assertEquals("olive@example.org", again.fieldValue("email"));

            Page adminArea = owner.follow(owner.submit(
                    again,
                    "#setupform",
                    Map.of("code", code.group(1).toLowerCase(), "password", "a very long password")));
            assertEquals("Articles", adminArea.one("h1").text());
            assertEquals(404, new Browser(app.baseUri()).open("/setup").status(), "set-up happens once");
            // A fresh site sends a guest comment written in under 3 seconds to spam (people take longer);
            // this test's reader is a program, so the owner switches that defence off first.
            Page settings = owner.open("/admin/settings");
            assertEquals("3", settings.fieldValue("minFormSeconds"), "the production default");
            owner.submit(settings, "#settingsform", Map.of("minFormSeconds", "0"));

            Browser reader = new Browser(app.baseUri());
            Response posted = reader.submit(
                    reader.open("/articles/hello-world"),
                    "#commentform",
                    Map.of("comment", "Written just before the crash", "author", "Survivor", "email", "s@example.org"));
            assertEquals(303, posted.statusCode());
            String anchor = posted.header("Location")
                    .substring(posted.header("Location").indexOf('#') + 1);
            app.kill();

            app.start();
            String secondLog = app.log();
            assertFalse(secondLog.contains("Generated Parley's keys"), "the key is reused: " + secondLog);
            assertFalse(SETUP_CODE.matcher(secondLog).find(), "no set-up once an owner exists");

            Page queue = owner.open("/moderation");
            assertEquals(200, queue.status(), "the owner's session survives the restart");
            String id = anchor.substring("comment-".length());
            assertEquals("Written just before the crash", queue.text("#queue-" + id + " .queue-text"));
            owner.submit(
                    queue,
                    "#queue",
                    Map.of("one", queue.one("#queue-" + id + " button.approve").val()));
            assertEquals(
                    "Survivor",
                    new Browser(app.baseUri()).open("/articles/hello-world").text("#" + anchor + " .comment-author"));
        }
    }

    @Test
    void ownerComesFromTheEnvironmentWhenGiven() throws Exception {
        Map<String, String> environment =
                Map.of("PARLEY_ADMIN_EMAIL", "Owner@Example.org", "PARLEY_ADMIN_PASSWORD", "from the environment");
        try (AppProcess app = new AppProcess(dataDir, environment).start()) {
            assertTrue(app.log().contains("Created the site owner account owner@example.org"), app.log());
            assertFalse(SETUP_CODE.matcher(app.log()).find());
            assertFalse(app.log().contains("from the environment"), "the password is never logged");
            Browser owner = new Browser(app.baseUri());
            owner.signIn("owner@example.org", "from the environment");
            assertEquals("Articles", owner.open("/admin").one("h1").text());
            assertEquals(404, owner.open("/setup").status());
        }
    }

    @Test
    void aTakenPortStopsTheStartBeforeAnythingIsWritten() throws Exception {
        try (AppProcess app = new AppProcess(dataDir, AppProcess.withOwner(Map.of()));
                ServerSocket otherProgram = new ServerSocket()) {
            otherProgram.bind(new InetSocketAddress("0.0.0.0", app.port()));
            app.launch();
            app.awaitEnd(Duration.ofSeconds(60));
            assertEquals(1, app.exitCode());
            assertTrue(
                    app.log().contains("Parley did not start: port " + app.port() + " on 0.0.0.0 is already in use"),
                    app.log());
            try (Stream<Path> written = Files.list(dataDir)) {
                assertEquals(List.of(), written.toList(), "the data folder is as it was");
            }
            otherProgram.close();

            app.start();
            assertTrue(app.log().contains("Created the site owner account"), app.log());
        }
    }

    @Test
    void managementStaysOnTheMachineAndHttpsAnswersCarryHsts() throws Exception {
        try (AppProcess app = new AppProcess(dataDir, AppProcess.ownerBehindProxy(Map.of())).start()) {
            assertTrue(
                    app.log().contains("Management interface listening on http://127.0.0.1:"),
                    () -> "loopback by default: " + app.log());

            Browser overHttps = Browser.behindLoadBalancer("https://comments.example.org", app.baseUri());
            Response secure = overHttps.getRaw("/");
            assertEquals(200, secure.statusCode());
            assertEquals("max-age=31536000", secure.header("Strict-Transport-Security"));
            assertEquals("text/html;charset=UTF-8", secure.header("Content-Type"));

            Response plain = new Browser(app.baseUri()).getRaw("/");
            assertEquals(null, plain.header("Strict-Transport-Security"), "never over plain http");
        }
    }

    @Test
    void aWeakPasswordFromTheEnvironmentIsRefusedAndSetUpIsOffered() throws Exception {
        Map<String, String> environment =
                Map.of("PARLEY_ADMIN_EMAIL", "o@example.org", "PARLEY_ADMIN_PASSWORD", "short");
        try (AppProcess app = new AppProcess(dataDir, environment).start()) {
            assertTrue(app.log().contains("the password must have at least 12 characters"), app.log());
            assertTrue(SETUP_CODE.matcher(app.log()).find(), "set-up by code is offered instead");
        }
    }
}
