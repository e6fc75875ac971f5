package dev.parley.alerts;

import dev.parley.article.CommentEvent;
import dev.parley.article.CommentReported;
import dev.parley.article.CommentStatus;
import dev.parley.identity.MailAlerts;
import dev.parley.identity.StaffAlerts;
import dev.parley.identity.StaffAlerts.Member;
import dev.parley.mail.Outbox;
import dev.parley.mail.OutboxMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Mails every staff member who chose a mail for each comment, in the transaction that held, reported or marked
 * the comment as spam: the mail exists exactly when that happened. Nobody is mailed about their own comment.
 */
@ApplicationScoped
class ModeratorAlerts {

    /**
     * Spam caught by the rules needs no one, so a flood of it (a bot run) is not forwarded mail by mail: after
     * this many in an hour, the rest wait in the spam tab.
     */
    static final int SPAM_ALERTS_PER_HOUR = 10;

    @Inject
    StaffAlerts staff;

    @Inject
    AlertMails mails;

    @Inject
    Outbox outbox;

    void onComment(@Observes(during = TransactionPhase.IN_PROGRESS) CommentEvent event) {
        if (!event.isNew() || !outbox.configured()) {
            return;
        }
        if (event.to() == CommentStatus.PENDING) {
            alert(
                    event.commentId(),
                    "alert-held",
                    "Held for moderation",
                    "Please moderate: ",
                    "A new comment waits for your approval.");
        } else if (event.to() == CommentStatus.SPAM) {
            alert(
                    event.commentId(),
                    "alert-spam",
                    "Marked as spam by a rule",
                    "Marked as spam: ",
                    "The rules marked a new comment as spam. If they were wrong, approve it.");
        }
    }

    void onReport(@Observes(during = TransactionPhase.IN_PROGRESS) CommentReported event) {
        if (!event.firstReport() || !outbox.configured()) {
            return;
        }
        alert(event.commentId(), "alert-reported", "Reported", "Reported: ", "A reader reported a comment.");
    }

    private void alert(long commentId, String kind, String why, String subjectStart, String intro) {
        var members = staff.choosing(MailAlerts.EACH);
        if (members.isEmpty()) {
            return;
        }
        mails.prepare(commentId, why).ifPresent(prepared -> {
            String subject = subjectStart + "“" + prepared.articleTitle() + "”";
            Instant now = Instant.now();
            for (Member member : members) {
                if (!AlertMails.canMail(member)
                        || AlertMails.isOwn(prepared.item().item(), member)) {
                    continue;
                }
                if (kind.equals("alert-spam") && spamAlertsSince(member, now) >= SPAM_ALERTS_PER_HOUR) {
                    continue;
                }
                outbox.enqueue(mails.single(prepared, member, kind, subject, intro));
            }
        });
    }

    private static long spamAlertsSince(Member member, Instant now) {
        return OutboxMail.count(
                "recipient = ?1 and kind = ?2 and createdAt > ?3",
                member.email().strip().toLowerCase(Locale.ROOT),
                "alert-spam",
                now.minus(Duration.ofHours(1)));
    }
}
