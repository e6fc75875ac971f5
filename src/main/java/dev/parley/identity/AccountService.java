package dev.parley.identity;

import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.mail.TokenPurpose;
import dev.parley.web.Bidi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Local accounts: sign-in with throttling of repeated failures, and the accounts the owner manages. */
@ApplicationScoped
public class AccountService {

    @Inject
    AuditLog audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionService sessions;

    /** A lock row, not an email address (it has no "@"), taken while the first owner is created. */
    private static final String OWNER_SETUP_LOCK = "#owner-setup";

    /**
     * Checks the password and starts a session. Failures are counted per email address (see
     * {@link LoginThrottle}); an unknown address costs the same hashing time and gets the same answers as
     * a real one.
     */
    public SignInResult signIn(String email, String password) {
        String key = LoginThrottle.keyOf(email);
        ensureThrottleRow(key);
        return QuarkusTransaction.requiringNew().call(() -> checkPassword(key, password));
    }

    private SignInResult checkPassword(String key, String password) {
        Instant now = Instant.now();
        LoginThrottle throttle = LoginThrottle.lockFor(key);
        Duration wait = throttle.waitLeft(now);
        if (!wait.isZero()) {
            return new SignInResult.Throttled(wait);
        }
        Optional<Account> account = Account.findByEmail(key);
        if (account.isEmpty()) {
            hasher.burnOneCheck(password);
            throttle.recordFailure(now);
            return new SignInResult.Rejected();
        }
        if (!hasher.matches(password, account.get().passwordHash)
                || account.get().invited()) {
            throttle.recordFailure(now);
            return new SignInResult.Rejected();
        }
        throttle.delete();
        if (hasher.needsRehash(account.get().passwordHash)) {
            account.get().passwordHash = hasher.hash(password);
        }
        return new SignInResult.SignedInWith(sessions.start(account.get()));
    }

    /** The throttle row must exist before it can be locked; two first attempts may race to create it. */
    static void ensureThrottleRow(String key) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (LoginThrottle.findById(key) == null) {
                    LoginThrottle row = new LoginThrottle();
                    row.email = key;
                    row.persist();
                }
            });
        } catch (RuntimeException createdByTheOtherAttempt) {
            // The primary key refused the second insert: the row exists, which is all we need.
        }
    }

    /** @return the provider's end-session address, for readers who signed in with one that has it */
    public Optional<String> signOut(String sessionToken) {
        return sessions.end(sessionToken);
    }

    @Transactional
    public boolean ownerExists() {
        return Account.ownerExists();
    }

    @Transactional
    public boolean emailTaken(String email) {
        return Account.findByEmail(email).isPresent();
    }

    /** Creates an account; the caller has validated the fields and checked the email is free. */
    @Transactional
    public Account create(String email, String displayName, String password, AccountRole role) {
        Account account = new Account();
        account.email = Account.normalizeEmail(email);
        account.displayName = displayName.strip();
        account.passwordHash = hasher.hash(password);
        account.role = role;
        account.createdAt = Instant.now();
        account.persist();
        audit.recordByCurrentUser(
                AuditAction.ACCOUNT,
                "Added the " + role.label().toLowerCase() + " account " + Bidi.isolate(account.email));
        return account;
    }

    /** The first owner, created once: by the set-up page or from the environment at first start. */
    @Transactional
    public Optional<Account> createFirstOwner(String email, String displayName, String password) {
        // Serialised by a row lock: two set-up forms sent at once, or two instances starting together on a
        // new database, make one owner, and the second finds it.
        ensureThrottleRow(OWNER_SETUP_LOCK);
        LoginThrottle.lockFor(OWNER_SETUP_LOCK);
        if (Account.ownerExists()) {
            return Optional.empty();
        }
        return Optional.of(create(email, displayName, password, AccountRole.OWNER));
    }

    /** Starts a session for an account just created by its own holder (the set-up page). */
    @Transactional
    public String startSession(long accountId) {
        return sessions.start(Account.<Account>findById(accountId));
    }

    @Transactional
    public List<AccountView> list() {
        return Account.listByRoleThenName().stream().map(AccountView::of).toList();
    }

    /** A moderator account (not an owner: those cannot be removed), for the page that asks before removing it. */
    @Transactional
    public Optional<AccountView> moderator(long accountId) {
        return Account.<Account>findByIdOptional(accountId)
                .filter(a -> a.role == AccountRole.MODERATOR)
                .map(AccountView::of);
    }

    /** Removes a moderator; owners cannot be removed here, so a site always keeps its owner. */
    @Transactional
    public boolean removeModerator(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null || account.role != AccountRole.MODERATOR) {
            return false;
        }
        audit.recordByCurrentUser(AuditAction.ACCOUNT, "Removed the moderator account " + Bidi.isolate(account.email));
        // Links mailed to it (an invitation, a password reset) must not bring it back.
        StaffInvitations.expireLinksOf(TokenPurpose.INVITE, account.id);
        StaffInvitations.expireLinksOf(TokenPurpose.RESET_PASSWORD, account.id);
        account.delete();
        return true;
    }

    /** A person who signed in with a login provider, as the owner's accounts page lists them. */
    public record ReaderView(
            long id,
            String displayName,
            String email,
            String providerName,
            AccountRole role,
            boolean claimedModerator,
            Instant lastSignInAt) {}

    /** The people who signed in with a provider most recently (and everyone with a role). */
    @Transactional
    public List<ReaderView> readers() {
        return ReaderIdentity.<ReaderIdentity>find(
                        "order by (case when role is null then 1 else 0 end), lastSignInAt desc")
                .page(0, 100)
                .stream()
                .map(r -> new ReaderView(
                        r.id, r.displayName, r.email, r.providerName, r.role, r.claimedModerator, r.lastSignInAt))
                .toList();
    }

    /**
     * Grants a role to (or, with {@code null}, takes it from) someone who signed in with a provider. It
     * applies at their next request.
     */
    @Transactional
    public boolean grantReaderRole(long identityId, AccountRole role) {
        ReaderIdentity reader = ReaderIdentity.findById(identityId);
        if (reader == null) {
            return false;
        }
        audit.recordByCurrentUser(
                AuditAction.ACCOUNT,
                (role == null ? "Took the role from" : "Made " + role.label().toLowerCase() + ":") + " reader #"
                        + reader.id + " " + Bidi.isolate(reader.displayName) + " (" + Bidi.isolate(reader.providerName)
                        + ")");
        reader.role = role;
        return true;
    }

    /** An account as the owner's list shows it; {@code invited}: invited by mail and not yet joined. */
    public record AccountView(
            long id, String email, String displayName, AccountRole role, Instant createdAt, boolean invited) {
        static AccountView of(Account a) {
            return new AccountView(a.id, a.email, a.displayName, a.role, a.createdAt, a.invited());
        }
    }
}
