package dev.parley.moderation;

import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
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

    @Inject
    SettingsService settings;

    @Inject
    AuditLog audit;

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
        Instant ipThreshold = now.minus(Duration.ofDays(rules.ipDays()));
        long forgotten = QuarkusTransaction.requiringNew().call(() -> {
            dev.parley.moderation.CommentReport.update(
                    "reporterIp = null where reporterIp is not null and createdAt < ?1", ipThreshold);
            return (long) Comment.update(
                    "authorIp = null, userAgent = null where createdAt < ?1 and authorIp is not null", ipThreshold);
        });
        Result result = new Result(trash, spam, forgotten);
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

    private static long deleteOlder(CommentStatus status, Instant threshold) {
        long deleted = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> ids = Comment.getEntityManager()
                        .createQuery(
                                "select c.id from Comment c where c.status = :status"
                                        + " and coalesce(c.decidedAt, c.createdAt) < :threshold",
                                Long.class)
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
}
