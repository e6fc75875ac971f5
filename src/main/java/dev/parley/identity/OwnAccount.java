package dev.parley.identity;

import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What staff change about their own local account: the name others see, and the password. */
@ApplicationScoped
public class OwnAccount {

    static final String WRONG_PASSWORD = "This is not your current password.";

    @Inject
    AuditLog audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionService sessions;

    /** The account page's view of an account. */
    public record View(long id, String email, String displayName, AccountRole role) {}

    @Transactional
    public Optional<View> view(long accountId) {
        return Account.<Account>findByIdOptional(accountId).map(a -> new View(a.id, a.email, a.displayName, a.role));
    }

    /** Changes the name shown on staff replies, in the log and in the header; the caller validated it. */
    @Transactional
    public void rename(long accountId, String displayName, Actor actor) {
        Account account = Account.findById(accountId);
        String name = displayName.strip();
        if (account == null || name.equals(account.displayName)) {
            return;
        }
        audit.record(
                actor,
                AuditAction.ACCOUNT,
                null,
                "Changed the display name of " + account.email + " from " + account.displayName + " to " + name,
                account.displayName,
                name);
        account.displayName = name;
    }

    /** How a password change ended. */
    public sealed interface PasswordChange {
        record Changed(long otherSessionsEnded) implements PasswordChange {}

        record WrongPassword() implements PasswordChange {}

        /** Too many wrong current passwords in a row, counted with the sign-in failures of the address. */
        record Throttled(Duration retryAfter) implements PasswordChange {}
    }

    /**
     * Replaces the password when the current one is right, then ends the account's other sessions. Wrong
     * current passwords count as failed sign-ins of the address: a session left open cannot be used to guess it.
     *
     * @param keepToken the session of the browser that made the change, which stays signed in
     */
    public PasswordChange changePassword(long accountId, String current, String next, String keepToken, Actor actor) {
        String email = QuarkusTransaction.requiringNew()
                .call(() -> Account.<Account>findByIdOptional(accountId)
                        .map(a -> a.email)
                        .orElseThrow());
        String key = LoginThrottle.keyOf(email);
        AccountService.ensureThrottleRow(key);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            LoginThrottle throttle = LoginThrottle.lockFor(key);
            Duration wait = throttle.waitLeft(now);
            if (!wait.isZero()) {
                return new PasswordChange.Throttled(wait);
            }
            Account account = Account.findById(accountId);
            if (!hasher.matches(current, account.passwordHash)) {
                throttle.recordFailure(now);
                return new PasswordChange.WrongPassword();
            }
            throttle.failures = 0;
            throttle.lockedUntil = null;
            account.passwordHash = hasher.hash(next);
            long ended = sessions.endOthersOf(accountId, keepToken);
            audit.record(
                    actor,
                    AuditAction.ACCOUNT,
                    null,
                    "Changed the password of " + account.email + " and signed out its " + ended + " other session"
                            + (ended == 1 ? "" : "s"),
                    null,
                    null);
            return new PasswordChange.Changed(ended);
        });
    }
}
