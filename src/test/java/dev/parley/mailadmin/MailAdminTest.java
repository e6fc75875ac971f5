package dev.parley.mailadmin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.mail.MailComposer;
import dev.parley.mail.Outbox;
import dev.parley.support.Browser;
import dev.parley.support.Mailbox;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import dev.parley.support.TestSmtp;
import dev.parley.web.FormToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Admin › Mail: the set-up as the sender uses it, a test mail through the outbox, and the mail log. */
@QuarkusTest
class MailAdminTest {

    @Inject
    TestData data;

    @Inject
    Outbox outbox;

    @Inject
    MailComposer composer;

    private Browser owner() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        return owner;
    }

    @Test
    void theOwnerSeesTheSetUpWithoutThePassword() {
        Page page = owner().open("/admin/mail");

        assertEquals(200, page.status());
        assertTrue(page.text("#mail-status").startsWith("Mail is set up."), page.text("#mail-status"));
        int port = TestSmtp.server().getSmtp().getPort();
        assertEquals("127.0.0.1, port " + port, page.text("#setup-host"));
        assertTrue(page.text("#setup-tls").startsWith("none:"), page.text("#setup-tls"));
        assertEquals("none (no sign-in at the server)", page.text("#setup-user"));
        assertEquals("not set", page.text("#setup-password"));
        assertTrue(page.text("#setup-from").startsWith("Parley <" + TestSmtp.FROM + ">"), page.text("#setup-from"));
        assertTrue(page.text("#setup-public-url").startsWith("http://localhost:"));
        assertEquals("yes", page.text("#setup-sender"));
        assertTrue(page.text("#setup-limit").startsWith("at most 10 an hour"), page.text("#setup-limit"));
        assertEquals("Mail", page.text(".admin-nav a[aria-current=page]"));
        assertFalse(owner().open("/admin").has("#mail-not-set-up"), "no warning on the admin home");
    }

    @Test
    void aModeratorCannotSeeTheMailPage() {
        Browser moderator = data.moderatorBrowser();
        assertEquals(403, moderator.open("/admin/mail").status());
        Response post = moderator.post("/admin/mail/test", Map.of("to", "someone@example.org"));
        assertEquals(403, post.statusCode());
    }

    @Test
    void aTestMailIsQueuedArrivesOnceAndTheLogShowsItSent() {
        Browser owner = owner();
        String to = TestData.unique("test-mail") + "@example.org";

        Response sent = owner.submit(owner.open("/admin/mail"), "#testmailform", Map.of("to", to));
        Page after = owner.follow(sent);
        assertEquals(
                "Test mail queued to " + to + "; it appears in the log below as sent or failed within seconds.",
                after.text(".notice"));

        Mailbox.Received mail = Mailbox.await(to, "Test mail from Parley");
        assertEquals("Parley", mail.fromName());
        assertEquals(TestSmtp.FROM, mail.fromAddress());
        assertTrue(mail.text().contains("This is a test mail from Parley, sent by Site owner"), mail.text());
        assertTrue(mail.document().text().contains("If you can read this"), mail.html());

        Element row = awaitRow(owner, to, "Sent");
        assertEquals("test", row.selectFirst(".mail-kind").text());
        assertEquals("Test mail from Parley", row.selectFirst(".mail-subject").text());
        assertEquals("1", row.selectFirst(".mail-attempts").text());
        assertTrue(row.selectFirst(".mail-details").text().startsWith("Sent "));
        assertTrue(row.select("button").isEmpty(), "a sent mail cannot be sent again");
        assertEquals(1, Mailbox.to(to).size(), Mailbox.summary());
    }

    @Test
    void aMistakeInTheAddressComesBackNextToTheField() {
        Browser owner = owner();
        Map<String, String> mistakes = Map.of(
                "",
                "Please enter the address to send the test mail to.",
                "victim@example.org\r\nBcc: many@example.org",
                "An email address cannot contain a line break or another control character.",
                "a".repeat(95) + "@example.org",
                "The email address can have at most 100 characters.",
                "not an address",
                "Please enter a valid email address, such as name@example.com.",
                // Something@domain.tld, but a list to a mail header: no SMTP client can put it into RCPT TO.
                "a,b@example.org",
                "Please enter a valid email address, such as name@example.com.");
        mistakes.forEach((typed, message) -> {
            Response answer = owner.submit(owner.open("/admin/mail"), "#testmailform", Map.of("to", typed));
            Page page = Page.of("/admin/mail/test", answer);
            assertEquals(400, page.status(), typed);
            assertEquals(message, page.fieldError("to"));
            assertEquals(typed.replaceAll("\\s+", " "), page.fieldValue("to").replaceAll("\\s+", " "), "kept");
            assertTrue(page.has("#error-summary"));
        });
    }

    @Test
    void aMailOverTheLimitFailsWithTheReasonAndTryAgainNowSendsIt() {
        Browser owner = owner();
        String to = TestData.unique("limit") + "@example.org";
        for (int i = 0; i < 10; i++) {
            owner.submit(owner.open("/admin/mail"), "#testmailform", Map.of("to", to));
        }
        Page refused = owner.follow(owner.submit(owner.open("/admin/mail"), "#testmailform", Map.of("to", to)));
        assertTrue(refused.text(".notice").startsWith("The test mail to " + to + " was not queued"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(to).size() == 10);

        Element failed = awaitRow(owner, to, "Failed");
        assertTrue(
                failed.selectFirst(".mail-details").text().startsWith("Not sent: more than 10 mails to this address"));
        Page tried = owner.follow(owner.submit(owner.open("/admin/mail"), "#" + failed.id() + " form", Map.of()));
        assertEquals(
                "The mail is queued again and is being sent now; the log shows the outcome.", tried.text(".notice"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(to).size() == 11);
        awaitRow(owner, to, "Sent");
        assertFalse(rowsTo(owner.open("/admin/mail"), to).stream()
                .anyMatch(r -> r.selectFirst(".mail-status").text().equals("Failed")));
    }

    @Test
    void aSentMailIsNotSentAgainByTryAgainNow() {
        String to = TestData.unique("once") + "@example.org";
        long id = queue(to);
        Mailbox.await(to, "Once");
        Browser owner = owner();
        awaitRow(owner, to, "Sent");
        Page answer = owner.follow(owner.post(
                "/admin/mail/" + id + "/retry",
                Map.of(
                        FormToken.FIELD,
                        owner.open("/admin/mail")
                                .one("#testmailform input[name=_csrf]")
                                .val())));
        assertEquals(
                "That mail is being sent right now, or was sent already: nothing to try again.",
                answer.text(".notice"));
        assertEquals(1, Mailbox.to(to).size());
    }

    @Test
    void theLogIsPagedNewestFirst() {
        String first = TestData.unique("oldest") + "@example.org";
        queue(first);
        for (int i = 0; i < 50; i++) {
            queue(TestData.unique("paged") + "@example.org");
        }
        Browser owner = owner();
        Page newest = owner.open("/admin/mail");
        assertEquals(50, newest.html().select(".mail-row").size());
        assertTrue(rowsTo(newest, first).isEmpty(), "the oldest is on a later page");
        String older = newest.one("#older").attr("href").replaceFirst("#.*", "");
        Page second = owner.open(older);
        assertEquals(
                1,
                rowsTo(second, first).size(),
                () -> older + ": " + second.html().select(".mail-row"));
        assertTrue(second.has("#newer"));
    }

    @Transactional
    long queue(String to) {
        outbox.enqueue(composer.compose(new MailComposer.Draft(
                "test",
                to,
                "Once",
                "test",
                Map.of("sender", "a test", "sentAt", "now"),
                "You get this because a test sent it.",
                null,
                null,
                true)));
        return dev.parley.mail.OutboxMail.<dev.parley.mail.OutboxMail>find("recipient", to)
                .firstResult()
                .id;
    }

    private static java.util.List<Element> rowsTo(Page page, String to) {
        return page.html().select(".mail-row").stream()
                .filter(r -> r.selectFirst(".mail-to")
                        .text()
                        .replaceAll("[\u2066-\u2069]", "")
                        .equals(to))
                .toList();
    }

    /** Waits until the log shows a mail to {@code to} with this status, and returns its row. */
    private static Element awaitRow(Browser owner, String to, String status) {
        Element[] found = new Element[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    found[0] = rowsTo(owner.open("/admin/mail"), to).stream()
                            .filter(r -> r.selectFirst(".mail-status").text().equals(status))
                            .findFirst()
                            .orElse(null);
                    return found[0] != null;
                });
        return found[0];
    }
}
