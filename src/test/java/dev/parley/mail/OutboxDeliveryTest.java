package dev.parley.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Mailbox;
import dev.parley.support.TestSmtp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox reaches a real SMTP server: both parts, the sender's name, safe headers, one-click unsubscribe. */
@QuarkusTest
class OutboxDeliveryTest {

    @Inject
    Outbox outbox;

    @Inject
    MailComposer composer;

    @Transactional
    boolean queue(String to, String subject, String unsubscribe) {
        return outbox.enqueue(composer.compose(
                new MailComposer.Draft(
                        "test",
                        to,
                        subject,
                        "test",
                        Map.of("sender", "Zoë <b>&amp;</b> שלום 🎉", "sentAt", "now"),
                        "You get this because a test sent it.",
                        "http://localhost:8081/account",
                        unsubscribe,
                        false),
                "Mein Blog 🌍, \"quoted\""));
    }

    @Test
    void emojiAndLongSubjectsInAnyScriptArriveWhole() {
        String to = "emoji-" + UUID.randomUUID() + "@example.org";
        String subject = "New comment on “Mein Blog 🌍🎉” — " + "שלום עולם 你好 ".repeat(12);
        assertTrue(queue(to, subject, null));

        Mailbox.Received mail = Mailbox.await(to, "Mein Blog 🌍🎉");
        assertEquals(MailHeaders.subject(subject), mail.subject());
        assertEquals("Mein Blog 🌍, \"quoted\"", mail.fromName());
    }

    @Test
    void aQueuedMailArrivesWithTextHtmlAndSafeHeaders() {
        String to = "reader-" + UUID.randomUUID() + "@example.org";
        assertTrue(queue(to, "Hello ✓ مرحبا\r\nBcc: victim@example.org", "http://localhost:8081/mail/unsubscribe/x"));

        Mailbox.Received mail = Mailbox.await(to, "Hello");
        assertEquals("Hello ✓ مرحبا Bcc: victim@example.org", mail.subject());
        assertEquals(null, mail.header("Bcc"));
        assertEquals(TestSmtp.FROM, mail.fromAddress());
        assertTrue(
                mail.header("Message-ID").matches("<parley\\.\\d+\\.\\d+@parley\\.test>"),
                "one Message-ID per outbox row, in the sender's domain: " + mail.header("Message-ID"));
        assertEquals("Mein Blog 🌍, \"quoted\"", mail.fromName());
        assertTrue(mail.text().contains("sent by Zoë <b>&amp;</b> שלום 🎉"), mail.text());
        assertTrue(mail.document().text().contains("sent by Zoë <b>&amp;</b> שלום 🎉"), mail.html());
        assertFalse(mail.html().contains("<b>&amp;</b>"), mail.html());
        assertFalse(mail.html().contains("<img"), mail.html());
        assertEquals("<http://localhost:8081/mail/unsubscribe/x>", mail.header("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));
        assertEquals("http://localhost:8081/mail/unsubscribe/x", mail.link("Unsubscribe"));
    }
}
