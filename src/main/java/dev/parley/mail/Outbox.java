package dev.parley.mail;

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

    /**
     * The newest mails first, {@code size} to a page (page 0 first). Reads the log's columns only: the bodies,
     * up to a megabyte each, stay in the database.
     */
    @Transactional
    public List<LogRow> log(int page, int size) {
        return logFrom(Math.max(page, 0) * size, size);
    }

    /** Up to {@code limit} mails of the log, newest first, after skipping the {@code offset} newest. */
    @Transactional
    public List<LogRow> logFrom(int offset, int limit) {
        return OutboxMail.getEntityManager()
                .createQuery(
                        "select m.id, m.kind, m.recipient, m.subject, m.status, m.attempts, m.lastError,"
                                + " m.createdAt, m.sentAt, m.nextAttemptAt from OutboxMail m order by m.id desc",
                        Object[].class)
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(limit)
                .getResultStream()
                .map(r -> new LogRow(
                        (Long) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (MailStatus) r[4],
                        (Integer) r[5],
                        (String) r[6],
                        (Instant) r[7],
                        (Instant) r[8],
                        (Instant) r[9]))
                .toList();
    }

    @Transactional
    public long count() {
        return OutboxMail.count();
    }

    /**
     * "Try again now": a queued or failed mail is due at once and the sender is woken. A mail a sender is
     * delivering at this moment is left to it (sending it again here could deliver it twice), as is one that
     * was sent.
     *
     * @return whether the mail was put back in line
     */
    @Transactional
    public boolean retryNow(long id) {
        Instant now = Instant.now();
        int changed = OutboxMail.update(
                "status = ?1, nextAttemptAt = ?2 where id = ?3 and status <> ?4"
                        + " and (claimedUntil is null or claimedUntil < ?2)",
                MailStatus.QUEUED,
                now,
                id,
                MailStatus.SENT);
        if (changed == 1) {
            queued.fire(new MailQueued());
        }
        return changed == 1;
    }

    /** How long the mail log keeps a sent mail, and a failed one (longer: its reason may still be looked into). */
    public static final Duration KEEP_SENT = Duration.ofDays(30);

    public static final Duration KEEP_FAILED = Duration.ofDays(90);

    /**
     * Forgets sent mails after {@link #KEEP_SENT} and failed ones after {@link #KEEP_FAILED} (the purge calls
     * this): their bodies hold comment text and addresses. Queued mails are kept, however old.
     *
     * @return how many were forgotten
     */
    @Transactional
    public long forgetOld(Instant now) {
        return OutboxMail.delete("status = ?1 and sentAt < ?2", MailStatus.SENT, now.minus(KEEP_SENT))
                + OutboxMail.delete("status = ?1 and createdAt < ?2", MailStatus.FAILED, now.minus(KEEP_FAILED));
    }
}
