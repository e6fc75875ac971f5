package dev.parley.mailadmin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.Ports;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server is down: the owner's request answers as always, the mail waits in the outbox with the
 * reason and its next attempt. The server comes back but refuses Parley's account: the mail still waits, with
 * the server's answer. Once the set-up is right, "Try again now" delivers it, once.
 */
@QuarkusTest
@TestProfile(MailServerDownTest.ServerDown.class)
class MailServerDownTest {

    /** Mail set up for an SMTP server at a port where nothing listens (yet). */
    public static class ServerDown implements QuarkusTestProfile {
        static final int PORT = Ports.free();
        static final String PASSWORD = "the password Parley was given";

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parley.mail.host", "127.0.0.1",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(PORT),
                    "quarkus.mailer.tls", "false",
                    "quarkus.mailer.start-tls", "DISABLED",
                    "parley.mail.from", "comments@parley.test",
                    "quarkus.mailer.from", "comments@parley.test",
                    "parley.mail.public-url", "http://localhost:8081",
                    "quarkus.mailer.username", "parley",
                    "quarkus.mailer.password", PASSWORD);
        }
    }

    @Inject
    TestData data;

    @Test
    void aMailWaitsWhileTheServerIsDownAndArrivesOnceWhenItIsBack() throws Exception {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        String to = TestData.unique("down") + "@example.org";

        Response sent = owner.submit(owner.open("/admin/mail"), "#testmailform", Map.of("to", to));
        assertEquals(303, sent.statusCode(), sent::asString);
        assertTrue(owner.follow(sent).text(".notice").startsWith("Test mail queued to " + to));

        Element waiting = awaitRow(
                owner, to, row -> row.selectFirst(".mail-details").text().contains("Could not reach"));
        assertEquals("Queued", waiting.selectFirst(".mail-status").text());
        assertEquals("1", waiting.selectFirst(".mail-attempts").text());
        assertTrue(
                waiting.selectFirst(".mail-details")
                        .text()
                        .matches("Could not reach the mail server: .+ Next attempt .+"),
                waiting.selectFirst(".mail-details").text());

        // The server is back, but refuses Parley's SMTP account: a set-up mistake, shown with the server's
        // answer, and the mail still waits (it is no refusal of this mail).
        GreenMail server = new GreenMail(new ServerSetup(ServerDown.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            server.setUser("comments@parley.test", "parley", "another password");
            Page tried = owner.follow(owner.submit(owner.open("/admin/mail"), "#" + waiting.id() + " form", Map.of()));
            assertEquals(
                    "The mail is queued again and is being sent now; the log shows the outcome.",
                    tried.text(".notice"));
            Element refused = awaitRow(
                    owner,
                    to,
                    row -> row.selectFirst(".mail-details")
                            .text()
                            .contains("The mail server answered 535 5.7.8 Authentication credentials invalid"));
            assertEquals("Queued", refused.selectFirst(".mail-status").text());
            assertEquals("2", refused.selectFirst(".mail-attempts").text());
            assertTrue(refused.selectFirst(".mail-details").text().contains("Next attempt"));

            // The owner fixes the set-up (here: the server learns the password) and tries again: it arrives, once.
            server.getUserManager().getUser("parley").setPassword(ServerDown.PASSWORD);
            // The SMTP client at times hangs on the first connection after a refused login (an upstream
            // vertx-mail-client weakness with authentication chains); the mailer's timeout turns that into one more
            // failed attempt, and the owner presses "Try again now" again, as they would.
            owner.follow(owner.submit(owner.open("/admin/mail"), "#" + refused.id() + " form", Map.of()));
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Element row = rowTo(owner, to);
                        if (row.selectFirst(".mail-status").text().equals("Sent")) {
                            return true;
                        }
                        if (row.selectFirst("form") != null
                                && !row.selectFirst(".mail-details").text().contains("535")) {
                            owner.submit(owner.open("/admin/mail"), "#" + row.id() + " form", Map.of());
                        }
                        return false;
                    });
            MimeMessage[] received = Arrays.stream(server.getReceivedMessages())
                    .filter(m -> recipient(m).equals(to))
                    .toArray(MimeMessage[]::new);
            assertEquals(1, received.length);
            assertEquals("Test mail from Parley", received[0].getSubject());
        } finally {
            server.stop();
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element rowTo(Browser owner, String to) {
        return owner.open("/admin/mail").html().select(".mail-row").stream()
                .filter(r -> r.selectFirst(".mail-to")
                        .text()
                        .replaceAll("[\u2066-\u2069]", "")
                        .equals(to))
                .findFirst()
                .orElseThrow();
    }

    private static Element awaitRow(Browser owner, String to, java.util.function.Predicate<Element> wanted) {
        Element[] found = new Element[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    found[0] = owner.open("/admin/mail").html().select(".mail-row").stream()
                            .filter(r -> r.selectFirst(".mail-to")
                                    .text()
                                    .replaceAll("[\u2066-\u2069]", "")
                                    .equals(to))
                            .filter(wanted)
                            .findFirst()
                            .orElse(null);
                    return found[0] != null;
                });
        return found[0];
    }
}
