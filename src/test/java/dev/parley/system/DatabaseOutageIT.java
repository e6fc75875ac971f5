package dev.parley.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.GuestPost;
import dev.parley.support.ItDatabase;
import dev.parley.support.Page;
import dev.parley.support.PostingLoad;
import dev.parley.support.PrivatePostgres;
import dev.parley.support.SiteOwner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops and starts again while guests post: meanwhile every request gets a friendly 503 page (a
 * reader's comment comes back in the form, ready to send again), never an error page; afterwards posting
 * works again without restarting Parley, and every comment sent again is there once.
 */
@Tag("postgresql")
class DatabaseOutageIT {

    @TempDir
    Path folder;

    @Test
    void aDatabaseRestartUnderLoadFailsCleanlyAndLosesNothing() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start()) {
            ItDatabase database = ItDatabase.at(postgres.jdbcUrl(), "postgres");
            try (AppProcess app = new AppProcess(
                            folder.resolve("data"), AppProcess.ownerBehindProxy(database.environment()))
                    .start()) {
                SiteOwner.changeSettings(SiteOwner.signIn(app.baseUri()), Map.of("minFormSeconds", "0"));
                PostingLoad load = new PostingLoad(app.baseUri(), "outage", 4).start();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.posted() >= 20);

                // Readers who opened the article before the database went away and send their comment after.
                List<GuestPost> written = new java.util.ArrayList<>();
                for (int n = 1; n <= 3; n++) {
                    written.add(GuestPost.fill(
                            app.baseUri(), "hello-world", 900_000 + n, "Written before the outage " + n));
                }
                Browser owner = SiteOwner.signIn(app.baseUri());
                postgres.stopServer();
                List<GuestPost.Answer> refusals = new java.util.ArrayList<>();
                for (GuestPost post : written) {
                    GuestPost.Answer answer = post.send();
                    refusals.add(answer);
                    assertEquals(503, answer.status(), answer::html);
                    Document page = answer.page();
                    assertNotNull(page.selectFirst("#unavailable-message"), answer::html);
                    assertEquals(
                            post.body, page.selectFirst("#comment").val(), "the comment comes back, ready to send");
                }
                Page article = new Browser(app.baseUri()).open("/articles/hello-world");
                assertEquals(503, article.status());
                assertEquals("Temporarily unavailable", article.text("h1"));
                assertEquals(503, status(app.managementUri() + "/q/health/ready"), "not ready without its database");
                assertEquals(200, status(app.managementUri() + "/q/health/live"), "but alive: no restart needed");
                // A signed-in moderator is not sent to the sign-in page: the session cannot be checked, so the
                // queue answers 503, and the session is still good afterwards.
                Page queue = owner.open("/moderation");
                assertEquals(503, queue.status(), "not a redirect to the sign-in page");
                assertEquals(
                        "Temporarily unavailable",
                        owner.open("/articles/hello-world").text("h1"));

                postgres.startServer();
                int postedBefore = load.posted();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.posted() >= postedBefore + 10);
                List<PostingLoad.Attempt> attempts = load.stop();
                List<PostingLoad.Attempt> all = new java.util.ArrayList<>(attempts);
                // The readers press "Send again" on the page they were given.
                for (int i = 0; i < written.size(); i++) {
                    GuestPost.Answer again = written.get(i).sendAgainFrom(refusals.get(i));
                    assertEquals(303, again.status(), again::html);
                    all.add(new PostingLoad.Attempt(written.get(i), again));
                }
                assertEquals(200, owner.open("/moderation").status(), "still signed in");

                for (PostingLoad.Attempt attempt : attempts) {
                    GuestPost.Answer answer = attempt.answer();
                    assertTrue(
                            answer.status() == 303 || answer.status() == 503,
                            () -> "every answer is a success or 503, not " + answer.status() + ": " + answer.html());
                    if (answer.status() == 503) {
                        Document page = answer.page();
                        assertNotNull(page.selectFirst("#unavailable-message"), answer::html);
                        assertEquals(
                                attempt.post().body,
                                page.selectFirst("#comment").val(),
                                "the comment comes back");
                        GuestPost.Answer again = attempt.post().send();
                        assertEquals(303, again.status(), again::html);
                    }
                }
                for (PostingLoad.Attempt attempt : all) {
                    assertEquals(1, database.commentsWithBody(attempt.post().body), attempt.post().body);
                }
                long refused = attempts.stream()
                        .filter(a -> a.answer().status() == 503)
                        .count();
                assertTrue(
                        app.problemsInLog().stream()
                                .noneMatch(line -> line.contains(" ERROR ") && line.contains("dev.parley")),
                        () -> String.join("\n", app.problemsInLog()));
                System.out.printf(
                        "DatabaseOutageIT: %d comments posted under load, %d answered 503 while PostgreSQL was away"
                                + " and sent again with the page's form%n",
                        all.size() - refused - written.size(), refused + written.size());
            }
        }
    }

    private static int status(String url) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
