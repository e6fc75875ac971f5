package dev.parley.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox. Each round claims a batch of due mails under row locks that other instances skip
 * ({@code FOR UPDATE SKIP LOCKED}, on H2 and PostgreSQL alike) and marks them as its own for
 * {@link MailSettings#claimFor()}, commits, then talks to the SMTP server outside any transaction, so a slow or
 * absent server holds no lock and no request. A mail that fails is tried again later, with a doubling wait, up
 * to {@link MailSettings#maxAttempts()}; one the server refuses for good (a 5xx answer) fails at once, with the
 * reason in the mail log. An instance that dies after its claim leaves the mail to be taken up once the claim
 * runs out, so no mail is lost; two instances never claim the same one.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final int BATCH = 20;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    @Inject
    MailSettings settings;

    @Inject
    Mailer mailer;

    @Inject
    EntityManager em;

    private volatile boolean stopping;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "parley-mail-sender");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(
            every = "${parley.mail.send-every}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        wake();
    }

    /** A mail was queued and its transaction committed: deliver it now rather than at the next round. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MailQueued queued) {
        wake();
    }

    /**
     * Lets the mail being handed to the server finish (a few seconds at most), then stops: the mails still
     * claimed are taken up again when their claim runs out, by this instance's next start or another one.
     */
    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a delivery run on the sender's own thread, or asks the running one to look again when done. */
    public void wake() {
        if (!"on".equalsIgnoreCase(settings.sender().strip()) || !settings.configured()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                worker.execute(this::runUntilEmpty);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                running.set(false);
            }
        }
    }

    private void runUntilEmpty() {
        try {
            while (again.getAndSet(false) && !stopping) {
                while (deliverBatch() == BATCH && !stopping) {
                    // a full batch: more may be due
                }
            }
        } catch (RuntimeException unexpected) {
            // The database is away, say: the next round tries again; nothing is lost, the rows are still there.
            LOG.warnf("Mail delivery paused until the next round: %s", unexpected.toString());
        } finally {
            running.set(false);
        }
    }

    /** @return how many mails this round claimed */
    int deliverBatch() {
        List<OutboxMail> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        for (int i = 0; i < claimed.size(); i++) {
            OutboxMail mail = claimed.get(i);
            if (stopping) {
                release(claimed.subList(i, claimed.size()));
                break;
            }
            // A batch against a server that answers slowly can outlast the claim: another instance may then
            // have taken the mail up. Renewing the claim just before sending, on the condition that it is still
            // ours, makes sure that only one of the two sends it.
            Instant renewed = QuarkusTransaction.requiringNew().call(() -> renew(mail.id, mail.claimedUntil));
            if (renewed == null) {
                continue;
            }
            Outcome outcome = send(mail);
            QuarkusTransaction.requiringNew().run(() -> record(mail.id, renewed, outcome));
        }
        return claimed.size();
    }

    /** Stopping: gives back the mails this sender claimed but did not try, for the next sender at once. */
    private void release(List<OutboxMail> untried) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (OutboxMail mail : untried) {
                OutboxMail.update(
                        "claimedUntil = null, attempts = attempts - 1 where id = ?1 and claimedUntil = ?2",
                        mail.id,
                        mail.claimedUntil);
            }
        });
    }

    /** @return the new end of the claim, or null when the mail is no longer this sender's */
    private Instant renew(long id, Instant ours) {
        Instant until = Instant.now().plus(settings.claimFor()).truncatedTo(ChronoUnit.MILLIS);
        int renewed = OutboxMail.update(
                "claimedUntil = ?1 where id = ?2 and claimedUntil = ?3 and status = ?4",
                until,
                id,
                ours,
                MailStatus.QUEUED);
        return renewed == 1 ? until : null;
    }

    @SuppressWarnings("unchecked")
    private List<OutboxMail> claim() {
        Instant now = Instant.now();
        List<Number> ids = em.createNativeQuery("select id from mail_outbox where status = 'QUEUED'"
                        + " and next_attempt_at <= ?1 and (claimed_until is null or claimed_until < ?1)"
                        + " order by id fetch first " + BATCH + " rows only for update skip locked")
                .setParameter(1, now)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<OutboxMail> mails =
                OutboxMail.list("id in ?1", ids.stream().map(Number::longValue).toList());
        // Whole milliseconds: the claim is compared with what the database kept, which drops nanoseconds.
        Instant until = now.plus(settings.claimFor()).truncatedTo(ChronoUnit.MILLIS);
        for (OutboxMail mail : mails) {
            mail.claimedUntil = until;
            mail.attempts++;
        }
        return mails;
    }

    private sealed interface Outcome {}

    private record Delivered() implements Outcome {}

    private record Failed(String reason, boolean permanent) implements Outcome {}

    private Outcome send(OutboxMail row) {
        try {
            mailer.send(toMail(row));
            return new Delivered();
        } catch (RuntimeException e) {
            for (Throwable step = e; step != null; step = step.getCause()) {
                if (step instanceof IllegalArgumentException refused) {
                    // Refused before any server was asked (an address the mail library cannot write into SMTP,
                    // such as "a,b@example.org"): trying again would give the same answer.
                    return new Failed("Not sent: " + refused.getMessage(), true);
                }
            }
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SMTPException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SMTPException smtp) {
                String answer = smtp.getReplyMessage() == null
                        ? ""
                        : smtp.getReplyMessage().strip().replaceAll("\\s+", " ");
                String code = String.valueOf(smtp.getReplyCode());
                return new Failed(
                        "The mail server answered " + (answer.startsWith(code) ? answer : code + " " + answer),
                        smtp.isPermanent() && !isSignInRefused(smtp.getReplyCode()));
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new Failed("Could not reach the mail server: " + message, false);
        }
    }

    /**
     * The server refused Parley's SMTP account (530, 534, 535, 538): a set-up mistake, the same for every mail,
     * not a refusal of this one. The mail is tried again, so that it goes out once the owner fixed the set-up.
     */
    static boolean isSignInRefused(int replyCode) {
        return replyCode == 530 || replyCode == 534 || replyCode == 535 || replyCode == 538;
    }

    Mail toMail(OutboxMail row) {
        Mail mail = Mail.withText(row.recipient, MailHeaders.encodedWords(row.subject), row.textBody)
                .setHtml(row.htmlBody);
        mail.setFrom(fromHeader(row.senderName));
        mail.addHeader("Auto-Submitted", "auto-generated");
        mail.addHeader("Message-ID", messageId(row));
        if (row.unsubscribeUrl != null) {
            // RFC 8058: the mail client's "Unsubscribe" posts "List-Unsubscribe=One-Click" to this address.
            mail.addHeader("List-Unsubscribe", "<" + row.unsubscribeUrl + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    /**
     * One Message-ID per outbox row, the same at every attempt, in the sender address's domain (the mail library's
     * own would name "localhost"): should a mail ever go out twice (an instance killed after the server took it
     * but before it noted that), mail programs see one message.
     */
    String messageId(OutboxMail row) {
        String from = settings.from().orElse("").strip();
        String domain = from.substring(from.lastIndexOf('@') + 1);
        try {
            domain = java.net.IDN.toASCII(domain);
        } catch (IllegalArgumentException notADomain) {
            domain = "";
        }
        if (!domain.matches("[A-Za-z0-9.-]+")) {
            domain = "parley.invalid";
        }
        return "<parley." + row.id + "." + row.createdAt.toEpochMilli() + "@" + domain + ">";
    }

    /**
     * "Site name <address>". A name with letters outside ASCII is encoded (RFC 2047), which the SMTP client
     * would otherwise send as raw bytes; an ASCII one is quoted so that commas or brackets in it add no address.
     */
    String fromHeader(String senderName) {
        String address = settings.from().orElseThrow().strip();
        String name = MailHeaders.safe(senderName, 200);
        if (name.isEmpty()) {
            return address;
        }
        if (name.chars().allMatch(c -> c < 128)) {
            return "\"" + name.replace("\\", "").replace("\"", "'") + "\" <" + address + ">";
        }
        return MailHeaders.encodedWords(name) + " <" + address + ">";
    }

    private void record(long id, Instant claim, Outcome outcome) {
        OutboxMail mail = OutboxMail.findById(id);
        if (mail == null || !claim.equals(mail.claimedUntil)) {
            // Purged, or taken up by another sender after our claim ran out: its outcome is the one to keep.
            if (mail != null && outcome instanceof Delivered) {
                LOG.warnf("Mail #%d was delivered after its claim ran out; another sender may deliver it too", id);
            }
            return;
        }
        Instant now = Instant.now();
        mail.claimedUntil = null;
        if (outcome instanceof Delivered) {
            mail.status = MailStatus.SENT;
            mail.sentAt = now;
            mail.lastError = null;
            return;
        }
        Failed failed = (Failed) outcome;
        mail.lastError = failed.reason().length() > 1000 ? failed.reason().substring(0, 1000) : failed.reason();
        if (failed.permanent() || mail.attempts >= settings.maxAttempts()) {
            mail.status = MailStatus.FAILED;
            LOG.warnf(
                    "Mail #%d to %s given up after %d attempts: %s", id, mail.recipient, mail.attempts, mail.lastError);
        } else {
            mail.nextAttemptAt = now.plus(backoff(mail.attempts));
            LOG.infof(
                    "Mail #%d not delivered (attempt %d), next try at %s: %s",
                    id, mail.attempts, mail.nextAttemptAt, mail.lastError);
        }
    }

    /** 1 minute after the first failure, then doubling, at most 6 hours. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
