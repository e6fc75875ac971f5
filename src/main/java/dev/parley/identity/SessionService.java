package dev.parley.identity;

import dev.parley.web.Hmac;
import dev.parley.web.Tokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Database-backed sign-in sessions. Any instance that shares the database and {@code PARLEY_SESSION_KEY}
 * accepts a session made on another, and signing out ends the session everywhere at once.
 */
@ApplicationScoped
public class SessionService {

    public static final String COOKIE = "parley_session";
    /** A session ends after this long without use... */
    public static final Duration LIFETIME = Duration.ofDays(14);
    /** ...and after this long in any case, which is also the cookie's lifetime. */
    public static final Duration LONGEST = Duration.ofDays(90);
    // Extending a session writes to the database, so it is done at most once a day per session.
    private static final Duration RENEWAL_STEP = Duration.ofDays(1);
    static final int MIN_KEY_LENGTH = 32;

    private final String key;

    SessionService(@ConfigProperty(name = "parley.session-key") String sessionKey) {
        if (sessionKey.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("PARLEY_SESSION_KEY must have at least " + MIN_KEY_LENGTH
                    + " characters; generate one with: openssl rand -base64 32");
        }
        this.key = sessionKey;
    }

    /** Fails the start-up, rather than the first sign-in, when the key is unusable. */
    void checkKeyAtStartup(@Observes StartupEvent event) {
        // Injecting the bean is enough: its constructor checks the key.
    }

    /** Starts a session for the account and returns the token for its cookie. */
    @Transactional
    public String start(Account account) {
        return start(account, null, null);
    }

    /**
     * Starts a session for a reader who signed in with a login provider.
     *
     * @param providerLogout the provider's end-session address, or {@code null}
     */
    @Transactional
    public String start(ReaderIdentity reader, String providerLogout) {
        return start(null, reader, providerLogout);
    }

    /** Ends the sessions of everyone who signed in with a provider (the owner disabled or deleted it). */
    @Transactional
    public long endAllOfProvider(long providerId) {
        return LoginSession.delete(
                "identity.id in (select r.id from ReaderIdentity r where r.providerId = ?1)", providerId);
    }

    /**
     * Ends every session of a local account but the one with this token (its password changed: a browser
     * that knew the old password must sign in again; the person who changed it stays signed in here).
     *
     * @return how many sessions ended
     */
    @Transactional
    public long endOthersOf(long accountId, String keepToken) {
        return LoginSession.delete(
                "account.id = ?1 and tokenHash <> ?2", accountId, keepToken == null ? "" : hash(keepToken));
    }

    private String start(Account account, ReaderIdentity reader, String providerLogout) {
        Instant now = Instant.now();
        LoginSession.delete("expiresAt < ?1", now);
        String token = Tokens.random(32);
        LoginSession session = new LoginSession();
        session.tokenHash = hash(token);
        session.account = account;
        session.identity = reader;
        session.providerLogout = providerLogout;
        session.createdAt = now;
        session.expiresAt = now.plus(LIFETIME);
        session.persist();
        return token;
    }

    /** The account signed in with this token, if the session exists and has not expired. */
    @Transactional
    public Optional<SignedIn> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        LoginSession session = LoginSession.findById(hash(token));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (session.expiresAt.isBefore(now) || session.createdAt.plus(LONGEST).isBefore(now)) {
            session.delete();
            return Optional.empty();
        }
        if (session.expiresAt.isBefore(now.plus(LIFETIME).minus(RENEWAL_STEP))) {
            session.expiresAt = now.plus(LIFETIME);
        }
        return Optional.of(session.account != null ? SignedIn.of(session.account) : SignedIn.of(session.identity));
    }

    /**
     * Ends the session.
     *
     * @return the provider's end-session address, when the session came from a provider that has one
     */
    @Transactional
    public Optional<String> end(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        LoginSession session = LoginSession.findById(hash(token));
        if (session == null) {
            return Optional.empty();
        }
        session.delete();
        return Optional.ofNullable(session.providerLogout);
    }

    private String hash(String token) {
        return Hmac.sign(key, token);
    }
}
