package dev.parley.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.ItDatabase;
import dev.parley.support.MailCatcher;
import dev.parley.support.Page;
import dev.parley.support.SiteOwner;
import io.restassured.response.Response;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail is queued in the transaction of what caused it: the process is killed (SIGKILL) after the owner's test
 * mails were acknowledged and before any was sent (this instance does not send), and after the restart, with
 * the sender on, every one of them arrives, exactly once.
 */
@Tag("h2")
@Tag("postgresql")
class MailCrashIT {

    private static final int MAILS = 12;

    @TempDir
    Path folder;

    @Test
    void mailsQueuedBeforeAKillArriveExactlyOnceAfterTheRestart() throws Exception {
        Path dataDir = folder.resolve("data");
        try (MailCatcher smtp = new MailCatcher();
                ItDatabase database = ItDatabase.forOneInstance(dataDir)) {
            Map<String, String> site = AppProcess.withOwner(database.environment());
            List<String> addresses = new ArrayList<>();
            try (AppProcess queueing = new AppProcess(dataDir, smtp.environment(site, false)).start()) {
                Browser owner = SiteOwner.signIn(queueing.baseUri());
                for (int i = 0; i < MAILS; i++) {
                    String to =
                            "crash-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
                    Response sent = owner.submit(owner.open("/admin/mail"), "#testmailform", Map.of("to", to));
                    assertEquals(303, sent.statusCode(), sent::asString);
                    addresses.add(to);
                }
                Page log = owner.open("/admin/mail");
                assertEquals(
                        MAILS,
                        log.texts(".mail-row .mail-status").stream()
                                .filter("Queued"::equals)
                                .count());
                queueing.kill();
                assertTrue(queueing.problemsInLog().isEmpty(), () -> String.join("\n", queueing.problemsInLog()));
            }
            assertEquals(0, smtp.received(), "nothing was sent before the kill");

            try (AppProcess sending = new AppProcess(dataDir, smtp.environment(site, true)).start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> smtp.received() >= MAILS);
                Browser owner = SiteOwner.signIn(sending.baseUri());
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> owner.open("/admin/mail").texts(".mail-row .mail-status").stream()
                                .allMatch("Sent"::equals));
                assertTrue(
                        smtp.eachExactlyOnce(addresses),
                        () -> smtp.countsByRecipient().toString());
                sending.stop();
                assertTrue(sending.problemsInLog().isEmpty(), () -> String.join("\n", sending.problemsInLog()));
            }
        }
    }

    /**
     * The process dies while it is handing a mail to an SMTP server that took the connection but never answered:
     * after the restart, once the dead instance's claim ran out, that mail and the others arrive, each once.
     */
    @Test
    void aMailInTheHandsOfADeadSenderIsTakenUpAgainAndSentOnce() throws Exception {
        Path dataDir = folder.resolve("data");
        try (MailCatcher smtp = new MailCatcher();
                ItDatabase database = ItDatabase.forOneInstance(dataDir);
                // Connections are accepted (by the kernel) and never answered: the sender waits for a greeting.
                ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> site = AppProcess.withOwner(database.environment());
            site.put("PARLEY_MAIL_CLAIM_FOR", "3s");
            Map<String, String> hanging = smtp.environment(site, true);
            hanging.put("PARLEY_MAIL_PORT", String.valueOf(silent.getLocalPort()));
            List<String> addresses = new ArrayList<>();
            try (AppProcess stuck = new AppProcess(dataDir, hanging).start()) {
                Browser owner = SiteOwner.signIn(stuck.baseUri());
                for (int i = 0; i < 3; i++) {
                    String to =
                            "stuck-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
                    Response sent = owner.submit(owner.open("/admin/mail"), "#testmailform", Map.of("to", to));
                    assertEquals(303, sent.statusCode(), sent::asString);
                    addresses.add(to);
                }
                // Claimed: the sender counts the attempt when it takes the mail, before it talks to the server.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> owner.open("/admin/mail")
                                .texts(".mail-row .mail-attempts")
                                .contains("1"));
                assertTrue(owner.open("/admin/mail").texts(".mail-row .mail-status").stream()
                        .allMatch("Queued"::equals));
                stuck.kill();
            }
            assertEquals(0, smtp.received());

            try (AppProcess sending = new AppProcess(dataDir, smtp.environment(site, true)).start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> smtp.received() >= addresses.size());
                Browser owner = SiteOwner.signIn(sending.baseUri());
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> owner.open("/admin/mail").texts(".mail-row .mail-status").stream()
                                .allMatch("Sent"::equals));
                assertTrue(
                        smtp.eachExactlyOnce(addresses),
                        () -> smtp.countsByRecipient().toString());
            }
        }
    }
}
