package dev.parley.moderation;

import dev.parley.article.CommentEvent;
import dev.parley.article.CommentStatus;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Parley's own Prometheus metrics, on the management port's {@code /q/metrics}.
 *
 * <p>The counters ({@code parley_comments_*_total}) count what this instance did, and only once the change
 * is committed: add them up across instances. The queue gauges count the whole site's queue, so every
 * instance reports the same value: take the maximum, not the sum.
 */
// Created at start-up, so that the metrics exist (at zero) before the first comment.
@Startup
@ApplicationScoped
public class CommentMetrics {

    private static final Logger LOG = Logger.getLogger(CommentMetrics.class);
    /** Several scrapers (or several instances scraped at once) cost one count per interval. */
    private static final Duration QUEUE_COUNT_TTL = Duration.ofSeconds(5);

    private final Counter posted;
    private final Counter held;
    private final Counter approved;
    private final Counter rejected;
    private final Counter spam;
    private final AgroalDataSource dataSource;
    private volatile QueueCount lastCount = new QueueCount(Instant.EPOCH, Double.NaN, Double.NaN);

    CommentMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        posted = counter(registry, "posted", "Comments posted (readers' comments and staff replies)");
        held = counter(registry, "held", "Comments held for moderation when posted, or sent back to the queue");
        approved = counter(registry, "approved", "Comments approved, when posted or by a moderator");
        rejected = counter(registry, "rejected", "Comments a moderator moved to the trash");
        spam = counter(registry, "spam", "Comments marked as spam, when posted or by a moderator");
        Gauge.builder("parley.queue.pending", this, metrics -> metrics.queue().pending())
                .description("Comments waiting in the moderation queue (the whole site)")
                .register(registry);
        Gauge.builder("parley.queue.reported", this, metrics -> metrics.queue().reported())
                .description("Comments with open reports (the whole site)")
                .register(registry);
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentEvent event) {
        if (event.isNew()) {
            posted.increment();
        }
        if (event.to() == null || event.to() == event.from()) {
            // Deleting from the trash or spam, or keeping an approved comment that was reported: no new status.
            return;
        }
        switch (event.to()) {
            case PENDING -> held.increment();
            case APPROVED -> approved.increment();
            case TRASH -> rejected.increment();
            case SPAM -> spam.increment();
        }
    }

    private QueueCount queue() {
        QueueCount last = lastCount;
        Instant now = Instant.now();
        if (last.at().plus(QUEUE_COUNT_TTL).isAfter(now)) {
            return last;
        }
        QueueCount fresh = countNow(now);
        lastCount = fresh;
        return fresh;
    }

    private QueueCount countNow(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select (select count(*) from comment where status = ?),"
                                + " (select count(*) from comment where reported_at > ?)")) {
            statement.setString(1, CommentStatus.PENDING.name());
            statement.setTimestamp(2, java.sql.Timestamp.from(Instant.EPOCH));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new QueueCount(now, row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            // A scrape while the database is away: no value rather than a failed scrape.
            LOG.debugf("Queue size not counted: %s", e.getMessage());
            return new QueueCount(now, Double.NaN, Double.NaN);
        }
    }

    private static Counter counter(MeterRegistry registry, String what, String description) {
        return Counter.builder("parley.comments." + what)
                .description(description)
                .register(registry);
    }

    private record QueueCount(Instant at, double pending, double reported) {}
}
