package dev.parley.identity;

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

    /** Failures allowed in a row before each further failure makes the account wait. */
    static final int FREE_FAILURES = 5;

    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionService sessions;

    /**
     * Checks the password and starts a session. After {@value #FREE_FAILURES} failures in a row the
     * account waits 30 s, then twice as long after each further failure (at most 15 minutes), which
     * slows down guessing without letting a stranger lock the owner out for long. The counter lives in
     * the database, so it holds across instances.
     */
    @Transactional
    public SignInResult signIn(String email, String password) {
        Optional<Account> found = Account.findByEmail(email);
        if (found.isEmpty()) {
            hasher.burnOneCheck(password);
            return new SignInResult.Rejected();
        }
        Account account = found.get();
        Instant now = Instant.now();
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            return new SignInResult.Throttled(Duration.between(now, account.lockedUntil));
        }
        if (!hasher.matches(password, account.passwordHash)) {
            account.failedLogins++;
            if (account.failedLogins >= FREE_FAILURES) {
                account.lockedUntil = now.plus(waitAfter(account.failedLogins));
            }
            return new SignInResult.Rejected();
        }
        account.failedLogins = 0;
        account.lockedUntil = null;
        if (hasher.needsRehash(account.passwordHash)) {
            account.passwordHash = hasher.hash(password);
        }
        return new SignInResult.SignedInWith(sessions.start(account));
    }

    public void signOut(String sessionToken) {
        sessions.end(sessionToken);
    }

    static Duration waitAfter(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
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
        return account;
    }

    /** The first owner, created once: by the set-up page or from the environment at first start. */
    @Transactional
    public Optional<Account> createFirstOwner(String email, String displayName, String password) {
        if (Account.ownerExists()) {
            return Optional.empty();
        }
        return Optional.of(create(email, displayName, password, AccountRole.OWNER));
    }

    /** Starts a session for an account just created by its own holder (the set-up page). */
    @Transactional
    public String startSession(long accountId) {
        return sessions.start(Account.findById(accountId));
    }

    @Transactional
    public List<AccountView> list() {
        return Account.listByRoleThenName().stream()
                .map(a -> new AccountView(a.id, a.email, a.displayName, a.role, a.createdAt))
                .toList();
    }

    /** Removes a moderator; owners cannot be removed here, so a site always keeps its owner. */
    @Transactional
    public boolean removeModerator(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null || account.role != AccountRole.MODERATOR) {
            return false;
        }
        account.delete();
        return true;
    }

    public record AccountView(long id, String email, String displayName, AccountRole role, Instant createdAt) {}
}
