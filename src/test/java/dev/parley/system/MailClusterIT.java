package dev.parley.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.ItDatabase;
import dev.parley.support.MailCatcher;
import dev.parley.support.SiteOwner;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances deliver one outbox on PostgreSQL at the same time: every mail arrives exactly once (each
 * sender claims its mails under row locks the other skips).
 */
@Tag("postgresql")
class MailClusterIT {

    private static final int MAILS = 120;

    @TempDir
    Path folder;

    /** The name the instance greets the SMTP server with, which GreenMail writes into each mail it received. */
    private static Map<String, String> named(String name, Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("QUARKUS_MAILER_OWN_HOST_NAME", name);
        return all;
    }

    @Test
    void twoSendersOnOneDatabaseSendEachMailOnce() throws Exception {
        try (MailCatcher smtp = new MailCatcher();
                ItDatabase database = ItDatabase.fresh(folder)) {
            Map<String, String> site = AppProcess.withOwner(database.environment());
            site.put("PARLEY_SESSION_KEY", "k".repeat(48));
            site.put("PARLEY_SECRETS_KEY", "s".repeat(48));
            List<String> addresses = new ArrayList<>();
            try (AppProcess queueing = new AppProcess(folder.resolve("q"), smtp.environment(site, false)).start()) {
                Browser owner = SiteOwner.signIn(queueing.baseUri());
                for (int i = 0; i < MAILS; i++) {
                    String to = "two-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
                    Response sent = owner.submit(owner.open("/admin/mail"), "#testmailform", Map.of("to", to));
                    assertEquals(303, sent.statusCode(), sent::asString);
                    addresses.add(to);
                }
                queueing.stop();
            }
            assertEquals(0, smtp.received());

            try (AppProcess a =
                            new AppProcess(folder.resolve("a"), named("parley-a.test", smtp.environment(site, true)));
                    AppProcess b =
                            new AppProcess(folder.resolve("b"), named("parley-b.test", smtp.environment(site, true)))) {
                a.launch();
                b.launch();
                a.awaitServing();
                b.awaitServing();
                await().atMost(Duration.ofSeconds(90)).until(() -> smtp.received() >= MAILS);
                Browser owner = SiteOwner.signIn(a.baseUri());
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> Stream.of(1, 2, 3)
                                .flatMap(page ->
                                        owner.open("/admin/mail?page=" + page).texts(".mail-row .mail-status").stream())
                                .allMatch("Sent"::equals));
                assertTrue(
                        smtp.eachExactlyOnce(addresses),
                        () -> smtp.countsByRecipient().toString());
                assertEquals(MAILS, smtp.received());
                // Which instance sent how many depends on timing (a test of it could not be relied upon); shown
                // for whoever reads the build's output.
                System.out.printf(
                        "MailClusterIT: instance a sent %d mails, instance b %d%n",
                        smtp.receivedFrom("parley-a.test"), smtp.receivedFrom("parley-b.test"));
                for (AppProcess instance : List.of(a, b)) {
                    instance.stop();
                    assertTrue(instance.problemsInLog().isEmpty(), () -> String.join("\n", instance.problemsInLog()));
                }
            }
        }
    }
}
