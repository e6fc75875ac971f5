package dev.parley.reply;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flood control: one comment per IP address and per email address every N seconds, decided in the
 * database so that it holds across instances. Keys are claimed by a conditional update inside the
 * posting transaction, so two posts under one key are serialised by the row lock: the second sees the
 * first's claim once it commits and is refused. Two first-ever posts under a new key both insert; the
 * primary key lets only one commit.
 */
@ApplicationScoped
public class FloodGate {

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** The keys a post is counted under: its IP address and its email address, in a fixed order. */
    static Set<String> keysOf(String ip, String email) {
        return Stream.of(
                        ip == null || ip.isBlank() ? null : "ip:" + ip,
                        email == null || email.isBlank()
                                ? null
                                : "email:" + email.strip().toLowerCase(Locale.ROOT))
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Claims every key for a post made now, in the caller's transaction.
     *
     * @return {@code true} when the post may go ahead; {@code false} when a key posted less than
     *     {@code interval} ago (the transaction is then marked for rollback, so no key stays claimed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean admit(Collection<String> keys, Duration interval, Instant now) {
        if (interval.isZero() || keys.isEmpty()) {
            return true;
        }
        Instant threshold = now.minus(interval);
        for (String key : keys) {
            int claimed = FloodMark.update("lastPostAt = ?1 where key = ?2 and lastPostAt <= ?3", now, key, threshold);
            if (claimed == 1) {
                continue;
            }
            if (FloodMark.findById(key) != null) {
                transaction.setRollbackOnly();
                return false;
            }
            FloodMark mark = new FloodMark();
            mark.key = key;
            mark.lastPostAt = now;
            mark.persist();
        }
        return true;
    }

    /**
     * Forgets marks older than the longest interval the settings allow: they can no longer refuse a post,
     * and they hold IP and email addresses. Runs with the purge's schedule.
     */
    @Scheduled(
            identity = "flood-marks",
            every = "${parley.purge.every}",
            delayed = "${parley.purge.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void forgetOld() {
        forgetBefore(Instant.now().minus(Duration.ofHours(1)));
    }

    @Transactional
    public long forgetBefore(Instant threshold) {
        return FloodMark.delete("lastPostAt < ?1", threshold);
    }
}
