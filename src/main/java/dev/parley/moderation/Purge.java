package dev.parley.moderation;

import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.mail.MailTokens;
import dev.parley.mail.Outbox;
import dev.parley.settings.Discussion;
import dev.parley.settings.SettingsService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Empties the trash and the spam after the owner's number of days, and forgets IP addresses after theirs.
 * Runs on every instance on a schedule ({@code parley.purge.every}, hourly by default); the work is
 * idempotent, so instances running it at once only share it. Deletes go in batches, each its own
 * transaction, so a large backlog never holds long locks.
 */
@ApplicationScoped
public class Purge {

    private static final Logger LOG = Logger.getLogger(Purge.class);
    static final int BATCH = 500;
    private static final String IP_STEP = "ip-addresses";

    @Inject
    SettingsService settings;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    MailTokens mailTokens;

    /** What one run removed. */
    public record Result(long trash, long spam, long addressesForgotten) {
        boolean isEmpty() {
            return trash == 0 && spam == 0 && addressesForgotten == 0;
        }
    }

    @Scheduled(
            identity = "purge",
            every = "${parley.purge.every}",
            delayed = "${parley.purge.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = run(Instant.now());
        if (!result.isEmpty()) {
            LOG.infof(
                    "Purged %d comments from the trash and %d from spam; forgot %d IP addresses",
                    result.trash(), result.spam(), result.addressesForgotten());
        }
    }

    /** One purge as of {@code now}. */
    public Result run(Instant now) {
        Discussion rules = settings.discussion();
        long trash = deleteOlder(CommentStatus.TRASH, now.minus(Duration.ofDays(rules.trashDays())));
        long spam = deleteOlder(CommentStatus.SPAM, now.minus(Duration.ofDays(rules.spamDays())));
        long forgotten = forgetAddresses(now.minus(Duration.ofDays(rules.ipDays())));
        Result result = new Result(trash, spam, forgotten);
        forgetMail(now);
        if (!result.isEmpty()) {
            QuarkusTransaction.requiringNew()
                    .run(() -> audit.record(
                            Actor.SYSTEM,
                            AuditAction.PURGE,
                            null,
                            "Deleted " + trash + " comments from the trash (older than " + rules.trashDays()
                                    + " days) and "
                                    + spam + " from spam (older than " + rules.spamDays()
                                    + " days); forgot the IP addresses of "
                                    + forgotten + " comments (older than " + rules.ipDays() + " days)",
                            null,
                            null));
        }
        return result;
    }

    /**
     * The mail log forgets sent mails after 30 days and failed ones after 90 (their bodies hold comment text and
     * addresses), and mail links that ran out are deleted. Not in the audit log: no comment or account changes.
     */
    private void forgetMail(Instant now) {
        long mails = outbox.forgetOld(now);
        long links = mailTokens.forgetExpired(now);
        if (mails + links > 0) {
            LOG.infof("Forgot %d old mails of the mail log and %d expired mail links", mails, links);
        }
    }

    /**
     * Deletes in batches: first by decision time (an index on status and decision time), then comments never
     * decided by anyone (automatic spam) by posting time.
     */
    private static long deleteOlder(CommentStatus status, Instant threshold) {
        return inBatches(
                        "select c.id from Comment c where c.status = :status and c.decidedAt < :threshold",
                        status,
                        threshold)
                + inBatches(
                        "select c.id from Comment c where c.status = :status and c.decidedAt is null"
                                + " and c.createdAt < :threshold",
                        status,
                        threshold);
    }

    private static long inBatches(String select, CommentStatus status, Instant threshold) {
        long deleted = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> ids = Comment.getEntityManager()
                        .createQuery(select, Long.class)
                        .setParameter("status", status)
                        .setParameter("threshold", threshold)
                        .setMaxResults(BATCH)
                        .getResultList();
                return ids.isEmpty() ? 0 : (int) Comment.delete("id in ?1", ids);
            });
            deleted += batch;
            if (batch < BATCH) {
                return deleted;
            }
        }
    }

    /**
     * Forgets IP addresses and browser names older than the threshold, in batches, reading only comments
     * posted since the previous run's threshold (kept in {@code purge_mark}), so that an hourly run does not
     * walk years of comments whose addresses are long gone.
     */
    private static long forgetAddresses(Instant threshold) {
        Instant since = QuarkusTransaction.requiringNew().call(() -> PurgeMark.doneBefore(IP_STEP));
        long forgotten = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> ids = Comment.getEntityManager()
                        .createQuery(
                                "select c.id from Comment c where c.createdAt < :threshold and c.createdAt >= :since"
                                        + " and c.authorIp is not null",
                                Long.class)
                        .setParameter("threshold", threshold)
                        .setParameter("since", since)
                        .setMaxResults(BATCH)
                        .getResultList();
                return ids.isEmpty() ? 0 : Comment.update("authorIp = null, userAgent = null where id in ?1", ids);
            });
            forgotten += batch;
            if (batch < BATCH) {
                break;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            CommentReport.update("reporterIp = null where reporterIp is not null and createdAt < ?1", threshold);
            PurgeMark.record(IP_STEP, threshold);
        });
        return forgotten;
    }
}
