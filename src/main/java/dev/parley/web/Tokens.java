package dev.parley.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens for cookies, and the hashes under which they are stored (never the token itself). */
public final class Tokens {

    /**
     * One generator per thread: the platform's default reads the kernel's pool under one lock for every token, which
     * shared pages (a token and a form key per answer, on every I/O thread) would queue on. Each DRBG seeds itself
     * from the system's entropy source.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Tokens::generator);

    private Tokens() {}

    /** A URL-safe random token of {@code bytes} random bytes. */
    public static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /** {@code count} random bytes from this thread's generator. */
    static byte[] randomBytes(int count) {
        byte[] value = new byte[count];
        RANDOM.get().nextBytes(value);
        return value;
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException absent) {
            return new SecureRandom();
        }
    }

    /** SHA-256 of the token, in hex: what the database keeps. */
    public static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
