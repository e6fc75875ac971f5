package dev.parley.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.GuestPost;
import dev.parley.support.ItDatabase;
import dev.parley.support.Nginx;
import dev.parley.support.Page;
import dev.parley.support.SiteOwner;
import dev.parley.support.StaleBound;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stateless instances on one PostgreSQL, started together on an empty database, behind the deployment's
 * nginx configuration without sticky sessions: what one instance does, the other sees at once, or, on the pages
 * anonymous readers share (kept rendered by each instance), within a second.
 */
@Tag("postgresql")
class ClusterIT {

    @TempDir
    Path folder;

    @Test
    void twoInstancesServeOneSite() throws Exception {
        try (ItDatabase database = ItDatabase.fresh(folder)) {
            Map<String, String> shared = AppProcess.ownerBehindProxy(database.environment());
            shared.put("PARLEY_SESSION_KEY", "k".repeat(48));
            shared.put("PARLEY_SECRETS_KEY", "s".repeat(48));
            try (AppProcess a = new AppProcess(folder.resolve("a"), shared);
                    AppProcess b = new AppProcess(folder.resolve("b"), shared)) {
                // Both at the same moment on an empty database: one migrates and creates the owner, the
                // other waits for the migration lock and finds the owner there.
                a.launch();
                b.launch();
                a.awaitServing();
                b.awaitServing();
                assertTrue(a.problemsInLog().isEmpty(), () -> String.join("\n", a.problemsInLog()));
                assertTrue(b.problemsInLog().isEmpty(), () -> String.join("\n", b.problemsInLog()));

                // A login made on A is a login on B.
                Browser ownerOnA = SiteOwner.signIn(a.baseUri());
                Browser ownerOnB = new Browser(b.baseUri());
                ownerOnB.setCookie("parley_session", ownerOnA.cookie("parley_session"));
                assertEquals(200, ownerOnB.open("/moderation").status(), "the session made on A is accepted by B");
                SiteOwner.changeSettings(ownerOnA, Map.of("minFormSeconds", "0"));

                // A comment posted on A is pending on B, approved on B, then visible on A.
                GuestPost post = GuestPost.fill(a.baseUri(), "hello-world", 1, "Posted on A, moderated on B");
                GuestPost.Answer posted = post.send();
                assertEquals(303, posted.status(), posted::html);
                long id = Long.parseLong(posted.location().replaceAll(".*#comment-", ""));
                Page queueOnB = ownerOnB.open("/moderation");
                assertTrue(queueOnB.has("#queue-" + id), "pending on B");
                ownerOnB.submit(
                        queueOnB,
                        "#queue",
                        Map.of(
                                "one",
                                queueOnB.one("#queue-" + id + " button.approve").val()));
                // A keeps the thread rendered for anonymous readers: it shows B's decision within a second.
                long approvedAt = System.nanoTime();
                Page threadOnA = StaleBound.awaitShown(
                        a.baseUri(), "/articles/hello-world", approvedAt, page -> page.has("#comment-" + id));
                assertEquals("Posted on A, moderated on B", threadOnA.text("#comment-" + id + " .comment-content"));

                // Edited on A, then sent to spam on A: B shows each within a second.
                assertTrue(
                        new Browser(b.baseUri()).open("/articles/hello-world").has("#comment-" + id));
                Browser ownerEditing = SiteOwner.signIn(a.baseUri());
                Page editor = ownerEditing.open("/moderation/comments/" + id + "/edit");
                assertEquals(
                        303,
                        ownerEditing
                                .submit(editor, "#editform", Map.of("comment", "Edited on A"))
                                .statusCode());
                long editedAt = System.nanoTime();
                StaleBound.awaitShown(
                        b.baseUri(), "/articles/hello-world", editedAt, page -> page.shows("Edited on A"));
                Page queueOnA = ownerEditing.open("/moderation?tab=approved");
                ownerEditing.submit(
                        queueOnA,
                        "#queue",
                        Map.of(
                                "one",
                                queueOnA.one("#queue-" + id + " button.spam").val()));
                long spammedAt = System.nanoTime();
                StaleBound.awaitShown(
                        b.baseUri(), "/articles/hello-world", spammedAt, page -> !page.has("#comment-" + id));

                // A settings change on A applies on B within a second as well.
                assertTrue(
                        new Browser(b.baseUri()).open("/articles/hello-world").has("#author"));
                SiteOwner.changeSettings(ownerOnA, Map.of("requireSignIn", "yes"));
                long changedAt = System.nanoTime();
                Page guestOnB = StaleBound.awaitShown(
                        b.baseUri(), "/articles/hello-world", changedAt, page -> !page.has("#author"));
                assertFalse(guestOnB.has("#author"), "B asks guests to sign in once A saved the setting");
                Map<String, String> guestsWelcome = new HashMap<>();
                guestsWelcome.put("requireSignIn", null); // unticked
                // Behind nginx every reader of this test has the same address: no flood control for them.
                guestsWelcome.put("floodSeconds", "0");
                SiteOwner.changeSettings(ownerOnA, guestsWelcome);

                // Through the load balancer, round robin and no sticky sessions: a moderator signs in, a
                // reader posts, the moderator approves, whichever instance each request reaches.
                try (Nginx lb = Nginx.inFrontOf(a, b, folder.resolve("nginx"))) {
                    Browser moderator = SiteOwner.signIn(lb.baseUri());
                    for (int i = 0; i < 4; i++) {
                        assertEquals(200, moderator.open("/moderation").status(), "signed in on both instances");
                    }
                    GuestPost viaLb = GuestPost.fill(lb.baseUri(), "hello-world", 2, "Through the balancer");
                    GuestPost.Answer answer = viaLb.send();
                    assertEquals(303, answer.status(), answer::html);
                    assertTrue(answer.location().startsWith(lb.baseUri()), "addresses name the public origin");
                    long viaLbId = Long.parseLong(answer.location().replaceAll(".*#comment-", ""));
                    Page queue = moderator.open("/moderation");
                    moderator.submit(
                            queue,
                            "#queue",
                            Map.of(
                                    "one",
                                    queue.one("#queue-" + viaLbId + " button.approve")
                                            .val()));
                    await().atMost(Duration.ofSeconds(5))
                            .until(() -> new Browser(lb.baseUri())
                                    .open("/articles/hello-world")
                                    .has("#comment-" + viaLbId));
                    Page queueNow = moderator.open("/moderation/comments/" + viaLbId);
                    assertTrue(queueNow.shows("127.0.0.1"), "the reader's address as nginx saw it");
                }
                assertTrue(a.problemsInLog().isEmpty(), () -> String.join("\n", a.problemsInLog()));
                assertTrue(b.problemsInLog().isEmpty(), () -> String.join("\n", b.problemsInLog()));
            }
        }
    }
}
