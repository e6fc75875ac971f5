package dev.parley.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA256 password hashes in the form {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}.
 * The JDK implements it (no native code, FIPS-approved); the iteration count is stored in each hash so
 * it can be raised later and old hashes upgraded at the next sign-in.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    // Hashing is deliberately slow; bounding how many run at once keeps a flood of sign-in attempts from
    // taking every core away from readers.
    private static final int PARALLEL_HASHES = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final long QUEUE_SECONDS = 10;

    private final int iterations;
    private final Semaphore slots = new Semaphore(PARALLEL_HASHES, true);

    PasswordHasher(@ConfigProperty(name = "parley.password.iterations") int iterations) {
        this.iterations = iterations;
    }

    /** Thrown when too many password checks are waiting; the caller asks the user to try again. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many password checks at once", null, false, false);
        }
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = pbkdf2(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a hash was made with fewer iterations than configured now. */
    public boolean needsRehash(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
    }

    /** Spends the same time as a real check, so that unknown emails cannot be told apart by timing. */
    public void burnOneCheck(String password) {
        pbkdf2(password, new byte[SALT_BYTES], iterations);
    }

    private byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            if (!slots.tryAcquire(QUEUE_SECONDS, TimeUnit.SECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return derive(password, salt, iterations);
        } finally {
            slots.release();
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }
}
