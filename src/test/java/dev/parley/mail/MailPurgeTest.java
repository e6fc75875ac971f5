package dev.parley.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.moderation.Purge;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The purge forgets old mails of the mail log (their bodies hold comments and addresses) and dead mail links. */
@QuarkusTest
class MailPurgeTest {

    @Inject
    Purge purge;

    @Inject
    TestData data;

    @Test
    void sentMailsGoAfter30DaysFailedOnesAfter90AndQueuedOnesStay() {
        data.resetPurgeMarks();
        Instant now = Instant.now();
        long sentOld = mail(MailStatus.SENT, now.minus(days(31)));
        long sentYoung = mail(MailStatus.SENT, now.minus(days(29)));
        long failedOld = mail(MailStatus.FAILED, now.minus(days(91)));
        long failedYoung = mail(MailStatus.FAILED, now.minus(days(89)));
        long queuedOld = mail(MailStatus.QUEUED, now.minus(days(200)));

        purge.run(now);

        assertFalse(exists(sentOld), "sent 31 days ago");
        assertTrue(exists(sentYoung), "sent 29 days ago");
        assertFalse(exists(failedOld), "failed 91 days ago");
        assertTrue(exists(failedYoung), "failed 89 days ago");
        assertTrue(exists(queuedOld), "a queued mail is never forgotten unsent");
    }

    @Test
    void mailLinksGoADayAfterTheyExpired() {
        Instant now = Instant.now();
        long deadLink = token(now.minus(days(2)));
        long justExpired = token(now.minus(Duration.ofHours(1)));
        long valid = token(now.plus(days(1)));

        purge.run(now);

        assertFalse(tokenExists(deadLink));
        assertTrue(tokenExists(justExpired), "kept a day, so that its page can still say it expired");
        assertTrue(tokenExists(valid));
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    @Transactional
    long mail(MailStatus status, Instant at) {
        OutboxMail mail = new OutboxMail();
        mail.kind = "test";
        mail.recipient = TestData.unique("purged") + "@example.org";
        mail.senderName = "Parley";
        mail.subject = "Old";
        mail.textBody = "old";
        mail.htmlBody = "<p>old</p>";
        mail.status = status;
        mail.attempts = 1;
        mail.createdAt = at;
        // Never due: the sender leaves the queued one alone.
        mail.nextAttemptAt = Instant.now().plus(days(365));
        mail.sentAt = status == MailStatus.SENT ? at : null;
        mail.persist();
        return mail.id;
    }

    @Transactional
    long token(Instant expiresAt) {
        MailToken token = new MailToken();
        token.tokenHash = TestData.unique("hash");
        token.purpose = TokenPurpose.CONFIRM_ADDRESS;
        token.createdAt = expiresAt.minus(days(7));
        token.expiresAt = expiresAt;
        token.persist();
        return token.id;
    }

    @Transactional
    boolean exists(long id) {
        return OutboxMail.findById(id) != null;
    }

    @Transactional
    boolean tokenExists(long id) {
        return MailToken.findById(id) != null;
    }
}
