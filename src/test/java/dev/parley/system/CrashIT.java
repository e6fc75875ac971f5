package dev.parley.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.GuestPost;
import dev.parley.support.ItDatabase;
import dev.parley.support.PostingLoad;
import dev.parley.support.SiteOwner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process dies (SIGKILL) while guests are posting: every comment that was acknowledged is there exactly
 * once, the database opens cleanly, and every form that got no answer, sent again as its reader would, is
 * posted once. Stopped with SIGTERM, it finishes the request in flight first.
 */
@Tag("h2")
@Tag("postgresql")
class CrashIT {

    @TempDir
    Path folder;

    @Test
    void acknowledgedCommentsSurviveAKillAndSendingAgainPostsEachOnce() throws Exception {
        Path dataDir = folder.resolve("data");
        try (ItDatabase database = ItDatabase.forOneInstance(dataDir);
                AppProcess app = new AppProcess(dataDir, AppProcess.ownerBehindProxy(database.environment())).start()) {
            SiteOwner.changeSettings(SiteOwner.signIn(app.baseUri()), Map.of("minFormSeconds", "0"));

            PostingLoad load = new PostingLoad(app.baseUri(), "kill", 6).start();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.posted() >= 40);
            app.kill();
            List<PostingLoad.Attempt> attempts = load.stop();

            for (PostingLoad.Attempt attempt : attempts) {
                assertTrue(
                        attempt.answer().posted() || attempt.answer().failure() != null,
                        () -> "before the kill every answer is a success: "
                                + attempt.answer().status());
            }
            long unanswered =
                    attempts.stream().filter(a -> !a.answer().posted()).count();

            app.start();
            for (PostingLoad.Attempt attempt : attempts) {
                if (!attempt.answer().posted()) {
                    GuestPost.Answer again = attempt.post().send();
                    assertEquals(303, again.status(), again::html);
                }
            }
            app.stop();

            for (PostingLoad.Attempt attempt : attempts) {
                assertEquals(
                        1,
                        database.commentsWithBody(attempt.post().body),
                        () -> attempt.post().body + (attempt.answer().posted() ? " (acknowledged)" : " (sent again)"));
            }
            assertTrue(app.problemsInLog().isEmpty(), () -> String.join("\n", app.problemsInLog()));
            System.out.printf(
                    "CrashIT: %d comments acknowledged before the kill, %d forms cut off and sent again%n",
                    attempts.size() - unanswered, unanswered);
        }
    }

    @Test
    void onSigtermARequestInFlightIsFinishedBeforeTheProcessStops() throws Exception {
        Path dataDir = folder.resolve("data");
        try (ItDatabase database = ItDatabase.forOneInstance(dataDir);
                AppProcess app = new AppProcess(dataDir, AppProcess.ownerBehindProxy(database.environment())).start()) {
            SiteOwner.changeSettings(SiteOwner.signIn(app.baseUri()), Map.of("minFormSeconds", "0"));
            GuestPost post = GuestPost.fill(app.baseUri(), "hello-world", 1, "Sent while the server was stopping");

            // Half the form has arrived when the server is told to stop: it waits for that request, answers
            // it in full, and only then stops.
            GuestPost.Answer answer = post.sendInTwoHalves(() -> {
                await().atMost(Duration.ofSeconds(20)).until(() -> activeRequests(app) >= 1);
                app.signalStop();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> app.log().contains("Waiting for HTTP requests to complete"));
            });
            assertEquals(303, answer.status(), answer::html);
            app.awaitEnd(Duration.ofSeconds(40));
            assertEquals(1, database.commentsWithBody(post.body));
            assertTrue(app.problemsInLog().isEmpty(), () -> String.join("\n", app.problemsInLog()));
        }
    }

    /** Requests the server has begun and not yet answered, from its metrics. */
    private static double activeRequests(AppProcess app) {
        String metrics =
                new Browser(app.managementUri()).open("/q/metrics").html().text();
        Matcher gauge = Pattern.compile("http_server_active_requests\\{server_port=\"" + app.port() + "\"[^}]*} (\\S+)")
                .matcher(metrics);
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : 0;
    }
}
