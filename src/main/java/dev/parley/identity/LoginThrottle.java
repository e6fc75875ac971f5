package dev.parley.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive failed sign-ins for one email address. Rows exist for unknown addresses too, so that an
 * attacker sees the same answers whether or not an account exists. The row is locked while a password is
 * checked: parallel guesses for one address are counted one by one, on every instance.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle extends PanacheEntityBase {

    /** Failures allowed in a row before each further failure makes the address wait. */
    static final int FREE_FAILURES = 5;

    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    @Id
    @Column(length = Account.MAX_EMAIL)
    public String email;

    @Column(nullable = false)
    public int failures;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_failure_at")
    public Instant lastFailureAt;

    static String keyOf(String email) {
        String normalized = Account.normalizeEmail(email);
        return normalized.length() > Account.MAX_EMAIL ? normalized.substring(0, Account.MAX_EMAIL) : normalized;
    }

    static LoginThrottle lockFor(String key) {
        return findById(key, LockModeType.PESSIMISTIC_WRITE);
    }

    /** How long the address must still wait, or {@link Duration#ZERO}. */
    Duration waitLeft(Instant now) {
        return lockedUntil == null || !lockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, lockedUntil);
    }

    /**
     * Counts a failure. After {@value #FREE_FAILURES} in a row the address waits 30 s, then twice as long
     * after each further failure, at most 15 minutes: guessing becomes slow, while a stranger cannot lock
     * the owner out for long.
     */
    void recordFailure(Instant now) {
        failures++;
        lastFailureAt = now;
        if (failures >= FREE_FAILURES) {
            lockedUntil = now.plus(waitAfter(failures));
        }
    }

    static Duration waitAfter(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
