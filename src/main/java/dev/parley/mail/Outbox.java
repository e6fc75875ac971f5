package dev.parley.mail;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Puts mails into the outbox. A mail is queued in the transaction of what caused it (a comment held, a reply
 * approved, an invitation), so it exists exactly when that happened, and no SMTP server, slow or down, is ever
 * waited for by a reader or a moderator: {@link MailSender} delivers it after the commit.
 */
@ApplicationScoped
public class Outbox {

    static final String TOO_MANY = "Not sent: more than %d mails to this address in an hour."
            + " Parley limits mail to one address so that nobody can flood someone's inbox through it.";

    @Inject
    MailSettings settings;

    @Inject
    Event<MailQueued> queued;

    /** Signals the sender, after the commit, that mail is waiting. */
    public record MailQueued() {}

    /** Whether mail is set up at all; without it nothing is queued and the features that need mail say so. */
    public boolean configured() {
        return settings.configured();
    }

    /**
     * Queues a mail in the caller's transaction. Without mail set up, nothing is queued. A reader's address
     * that already had {@link MailSettings#perAddressPerHour()} mails in the last hour gets this one recorded
     * as failed, with the reason, in the mail log instead of sent.
     *
     * @return whether the mail will be sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(Message message) {
        if (!settings.configured()) {
            return false;
        }
        Instant now = Instant.now();
        OutboxMail mail = new OutboxMail();
        mail.kind = message.kind();
        mail.recipient = addressOf(message.to());
        mail.senderName = MailHeaders.safe(message.senderName(), 200);
        mail.subject = MailHeaders.subject(message.subject());
        mail.textBody = message.text();
        mail.htmlBody = message.html();
        mail.unsubscribeUrl = message.unsubscribeUrl();
        mail.forStaff = message.forStaff();
        mail.attempts = 0;
        mail.nextAttemptAt = now;
        mail.createdAt = now;
        boolean limited = !message.forStaff() && sentRecentlyTo(mail.recipient, now) >= settings.perAddressPerHour();
        if (limited) {
            mail.status = MailStatus.FAILED;
            mail.lastError = TOO_MANY.formatted(settings.perAddressPerHour());
        } else {
            mail.status = MailStatus.QUEUED;
        }
        mail.persist();
        if (!limited) {
            queued.fire(new MailQueued());
        }
        return !limited;
    }

    /** Mails to this address (queued or sent, not the refused ones) since an hour before {@code now}. */
    public long sentRecentlyTo(String address, Instant now) {
        return OutboxMail.count(
                "recipient = ?1 and createdAt > ?2 and status <> ?3",
                addressOf(address),
                now.minus(Duration.ofHours(1)),
                MailStatus.FAILED);
    }

    /** The recipient as stored and compared: trimmed and lower-case, never with a line break. */
    static String addressOf(String address) {
        String value = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (!MailHeaders.isHeaderSafe(value) || value.length() > 320) {
            throw new IllegalArgumentException("Not a mail address fit for a header; the form should have refused it");
        }
        return value;
    }

    /** A row of the mail log. */
    public record LogRow(
            long id,
            String kind,
            String recipient,
            String subject,
            MailStatus status,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant sentAt,
            Instant nextAttemptAt) {}

    /** The newest mails first, {@code size} to a page. */
    @Transactional
    public List<LogRow> log(int page, int size) {
        return OutboxMail.<OutboxMail>findAll(Sort.descending("id")).page(page, size).stream()
                .map(m -> new LogRow(
                        m.id,
                        m.kind,
                        m.recipient,
                        m.subject,
                        m.status,
                        m.attempts,
                        m.lastError,
                        m.createdAt,
                        m.sentAt,
                        m.nextAttemptAt))
                .toList();
    }

    @Transactional
    public long count() {
        return OutboxMail.count();
    }
}
