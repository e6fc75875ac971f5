package dev.parley.identity;

import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.mail.MailComposer;
import dev.parley.mail.MailSettings;
import dev.parley.mail.MailToken;
import dev.parley.mail.MailTokens;
import dev.parley.mail.Outbox;
import dev.parley.mail.PublicLinks;
import dev.parley.mail.TokenPurpose;
import dev.parley.web.Bidi;
import dev.parley.web.Routes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Forgot password?": a link by mail that sets a new password, once, within {@link #VALID_FOR}. Whether an
 * account exists for the address is never shown: every request takes the same path and gets the same answer.
 * Requests are counted in the database, per address and per IP address, so that the limits hold on every
 * instance.
 */
@ApplicationScoped
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);
    static final Duration WINDOW = Duration.ofHours(1);

    /** Mails per address per hour: enough for a mail that went to the spam folder, too few to bother anyone. */
    static final int PER_ADDRESS = 3;

    @ConfigProperty(name = "parley.password-reset.per-ip-per-hour", defaultValue = "10")
    int perIp;

    @Inject
    AuditLog audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionService sessions;

    @Inject
    MailTokens tokens;

    @Inject
    MailComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    PublicLinks links;

    @Inject
    MailSettings settings;

    public boolean available() {
        return settings.configured();
    }

    /** How a request ended, as far as the person who made it may know. */
    public enum Answer {
        /** The same answer whether a mail went out or not. */
        ANSWERED,
        /** This IP address asked too often; says nothing about any address. */
        TOO_MANY_FROM_HERE
    }

    /**
     * Handles one request: counts it, and mails a link when the address belongs to a local account that has
     * joined and the address has not had {@link #PER_ADDRESS} requests in the last hour.
     */
    public Answer request(String email, String ip) {
        String key = LoginThrottle.keyOf(email);
        // Requests for one address are counted one by one, on every instance: the address's lock row is taken.
        AccountService.ensureThrottleRow(key);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            LoginThrottle.lockFor(key);
            String from = ip == null || ip.isBlank() ? "unknown" : ip.length() > 64 ? ip.substring(0, 64) : ip;
            Instant since = now.minus(WINDOW);
            if (ResetRequest.count("ip = ?1 and requestedAt > ?2", from, since) >= perIp) {
                return Answer.TOO_MANY_FROM_HERE;
            }
            long forAddress = ResetRequest.count("addressKey = ?1 and requestedAt > ?2", key, since);
            ResetRequest row = new ResetRequest();
            row.addressKey = key;
            row.ip = from;
            row.requestedAt = now;
            row.persist();
            Optional<Account> account = Account.findByEmail(key).filter(a -> !a.invited());
            if (forAddress < PER_ADDRESS && account.isPresent()) {
                send(account.get());
            }
            return Answer.ANSWERED;
        });
    }

    private void send(Account account) {
        String token = tokens.issue(
                TokenPurpose.RESET_PASSWORD, account.id, null, new MailTokens.Recipient(account.id, null), VALID_FOR);
        String site = composer.siteName();
        outbox.enqueue(composer.compose(new MailComposer.Draft(
                "password-reset",
                account.email,
                "Reset your password on " + site,
                "passwordReset",
                Map.of("name", account.displayName, "link", links.absolute(Routes.passwordReset(token))),
                "You get this because someone asked to reset the password of this address's account on " + site
                        + ". If it was not you, ignore this mail: your password stays as it is.",
                null,
                null,
                true)));
    }

    /** Whether a link may still be used (the GET page), without using it. */
    @Transactional
    public Optional<MailTokens.Refusal> refusalOf(String token) {
        MailTokens.Check check = tokens.check(TokenPurpose.RESET_PASSWORD, token);
        if (check instanceof MailTokens.Refused refused) {
            return Optional.of(refused.why());
        }
        MailToken row = ((MailTokens.Usable) check).token();
        return Account.findByIdOptional(row.subjectId).isPresent()
                ? Optional.empty()
                : Optional.of(MailTokens.Refusal.UNKNOWN);
    }

    /**
     * Sets the new password, ends every session of the account (a browser that knew the old password is signed
     * out) and starts one for the person who reset it.
     */
    @Transactional
    public StaffInvitations.Result<String> reset(String token, String password) {
        String hash = hasher.hash(password);
        MailTokens.Check check = tokens.use(TokenPurpose.RESET_PASSWORD, token);
        if (check instanceof MailTokens.Refused refused) {
            return StaffInvitations.Result.refused(refused.why());
        }
        Account account = Account.findById(((MailTokens.Usable) check).token().subjectId);
        if (account == null) {
            return StaffInvitations.Result.refused(MailTokens.Refusal.UNKNOWN);
        }
        account.passwordHash = hash;
        StaffInvitations.expireLinksOf(TokenPurpose.RESET_PASSWORD, account.id);
        LoginThrottle throttle = LoginThrottle.findById(LoginThrottle.keyOf(account.email));
        if (throttle != null) {
            throttle.failures = 0;
            throttle.lockedUntil = null;
        }
        long ended = sessions.endOthersOf(account.id, null);
        audit.record(
                new Actor(account.displayName, account.id, null),
                AuditAction.ACCOUNT,
                null,
                "Reset the password of " + Bidi.isolate(account.email) + " by mail and signed out its " + ended
                        + " session" + (ended == 1 ? "" : "s"),
                null,
                null);
        return StaffInvitations.Result.ok(sessions.start(account));
    }

    /** Forgets requests older than the hour they are counted in (they hold IP and email addresses). */
    @Scheduled(
            identity = "password-reset-requests",
            every = "${parley.purge.every}",
            delayed = "${parley.purge.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void forgetOld() {
        ResetRequest.delete("requestedAt < ?1", Instant.now().minus(WINDOW));
    }
}
